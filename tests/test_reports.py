"""The reports: every format written privately, masked (no full value of the profile anywhere),
the JSON of DESIGN §6, the CSV, the HTML's sections, letters per jurisdiction, court templates,
and the PDF (made without fetching anything, or a clear error naming what to install)."""

from __future__ import annotations

import http.server
import importlib.util
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from io import StringIO
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from footprint import masking, remediation, risk
from footprint.errors import FootprintError
from footprint.model import AuditResult, Category, Exposure, Finding, PersonStatus, Skipped
from footprint.profile import Profile, profile_from_dict
from reports import PdfUnavailableError, ReportError, build_view, write_reports
from reports.pdf import allowed, render_pdf

ROOT = Path(__file__).resolve().parent.parent
C = Category


def _preview_module() -> Any:
    spec = importlib.util.spec_from_file_location("preview_report", ROOT / "scripts" / "preview_report.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("preview_report", mod)
    spec.loader.exec_module(mod)
    return mod


PREVIEW = _preview_module()


def sample(n: int | None = None, training: bool = True) -> tuple[AuditResult, Profile]:
    """The realistic training audit of the fictitious family (28 findings by default)."""
    return PREVIEW.sample_result(n, training=training)


def result_from(profile: Profile, exposures: Sequence[Exposure], *, training: bool = False,
                skipped: Sequence[Skipped] = ()) -> AuditResult:
    """An AuditResult built the way the engine builds one (classify, mask, remediate)."""
    findings = []
    for i, e in enumerate(exposures):
        sev, why = risk.classify(e, profile)
        findings.append(Finding(
            id=f"f{i:04d}", person=e.person, category=e.category, severity=sev,
            confidence=e.confidence, url=e.url, source=e.source, probe=e.probe or "web",
            identifier=e.identifier, evidence=masking.evidence(e, profile), rationale=why,
            remediation=remediation.for_exposure(e, profile),
            possible_match=e.confidence < profile.audit.threshold, rules=e.rules,
            image_url=e.image_url, first_seen="2026-11-20T09:00:00Z",
            last_seen="2026-11-20T09:00:00Z", value=e.value, context=e.context,
        ))
    findings.sort(key=lambda f: (f.severity.rank, f.person, f.category.value, f.url))
    people = tuple(
        [PersonStatus(p.id, p.relation, True, "consented", masking.mask_name(p.name), p.minor)
         for p in profile.people]
        + [PersonStatus(x.id, x.relation, False, x.reason) for x in profile.excluded])
    return AuditResult(
        id="20261120-090000-abcdef", profile_id=profile.id, started="2026-11-20T09:00:00Z",
        finished="2026-11-20T09:10:00Z", purpose=profile.consent.purpose, training=training,
        jurisdiction=profile.audit.jurisdiction, language="en", threshold=profile.audit.threshold,
        probes=profile.probes.enabled, web_archive=None, people=people,
        findings=tuple(findings), skipped=tuple(skipped), queries=3, pages=5)


# Every full value of the sample profile, in the forms pages print them.
FULL_VALUES = [
    "Eleanor", "Whitfield", "Sophie", "Margaret", "Ellie", "Lucas",
    "2417 A", "Alderbrook", "88 Q", "Quarry", "19 V", "Vine Hill",
    "555-0142", "555 0142", "555.0142", "5550142", "555-0187", "5550187", "555-0163", "5550163",
    "eleanor.whitfield", "ewhitfield68", "danwhitfield_bikes",
    "Brookside", "Redwood Valley", "8KXR214", "March 14", "03-14", "95405", "95472", "94952",
    "38.4482", "122.6863", "38.4485", "122.6859", "Shoal Creek", "555-0119",
]


def leaks(text: str) -> list[str]:
    found = [v for v in FULL_VALUES if v.lower() in text.lower()]
    if re.search(r"\bMarsh\b", text):
        found.append("Marsh")
    return found


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("rep") / "out"
    result, prof = sample()
    paths = write_reports(result, out, ["html", "json", "csv", "pdf"], profile=prof)
    return out, paths


# --- files ------------------------------------------------------------------------------------


def test_all_formats_written_private(written: tuple[Path, list[Path]]) -> None:
    out, paths = written
    assert [p.name for p in paths] == ["report.html", "findings.json", "findings.csv", "report.pdf"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    for p in paths:
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p
    assert sorted(x.name for x in out.iterdir()) == sorted(p.name for p in paths), "no temp files left"


def test_modes_hold_under_a_permissive_umask(tmp_path: Path) -> None:
    result, prof = sample(4)
    old = os.umask(0)
    try:
        paths = write_reports(result, tmp_path / "a" / "b", ["json"], profile=prof)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a" / "b").stat().st_mode) == 0o700
    assert stat.S_IMODE(paths[0].stat().st_mode) == 0o600


def test_unknown_format_is_refused_before_writing(tmp_path: Path) -> None:
    result, _ = sample(2)
    with pytest.raises(ReportError, match="unknown report format 'docx'"):
        write_reports(result, tmp_path / "x", ["html", "docx"])
    assert not (tmp_path / "x").exists()


# --- masking everywhere ----------------------------------------------------------------------------


def test_no_full_value_in_html_json_csv(written: tuple[Path, list[Path]]) -> None:
    out, _ = written
    text = (out / "report.html").read_text(encoding="utf-8")
    assert leaks(text) == [], "report.html"


URL_OK = ("Eleanor", "Whitfield", "ewhitfield68", "dwhitfield")  # names and handles locate a listing


def test_machine_outputs_keep_locating_urls(written: tuple[Path, list[Path]]) -> None:
    """findings.json / findings.csv keep each page's URL usable (DESIGN.md §6) — names and
    handles stay in it — but no phone, address, zip, school or employer, and nothing outside
    the URL fields."""
    import csv
    import io

    out, _ = written
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    urls = [f["url"] for f in data["findings"]]
    rest = [{k: v for k, v in f.items() if k not in ("url", "image_url")} for f in data["findings"]]
    assert leaks(json.dumps(rest, ensure_ascii=False)) == []
    for u in urls:
        assert [x for x in leaks(u) if x not in URL_OK] == [], u
    rows = list(csv.DictReader(io.StringIO((out / "findings.csv").read_text(encoding="utf-8"))))
    for row in rows:
        u = row.pop("url")
        row.pop("image_url", None)
        assert [x for x in leaks(u) if x not in URL_OK] == [], u
        assert leaks(json.dumps(row, ensure_ascii=False)) == []


def test_no_full_value_in_pdf(written: tuple[Path, list[Path]]) -> None:
    out, _ = written
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed: apt-get install poppler-utils")
    text = subprocess.run(["pdftotext", str(out / "report.pdf"), "-"], capture_output=True,
                          text=True, check=True, timeout=120).stdout
    assert "CONFIDENTIAL" in text and "TRAINING" in text
    assert leaks(text) == []


def test_masking_without_the_profile_still_hides_finding_values(tmp_path: Path) -> None:
    """`footprint report` re-renders a stored audit without the profile: finding values (and
    generic patterns) still mask URLs and evidence."""
    result, _ = sample()
    paths = write_reports(result, tmp_path, ["json"])
    data = json.loads(paths[0].read_text(encoding="utf-8"))
    urls = " ".join(f["url"] for f in data["findings"])
    assert "555-0142" not in urls and "7075550142" not in urls


# --- JSON and CSV -------------------------------------------------------------------------------

DESIGN_FINDING_KEYS = {"id", "person", "category", "severity", "confidence", "url", "source",
                       "probe", "identifier", "evidence", "rationale", "remediation"}


def test_json_follows_design(written: tuple[Path, list[Path]]) -> None:
    out, _ = written
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    audit = data["audit"]
    assert {"id", "started", "finished", "profile", "probes", "coverage"} <= set(audit)
    assert set(audit["coverage"]) >= {"queries", "pages", "failed"}
    assert audit["coverage"]["queries"] == 64 and audit["coverage"]["pages"] == 212
    assert all(set(f) >= {"url", "error"} for f in audit["coverage"]["failed"])
    assert len(audit["coverage"]["failed"]) == 3
    assert data["training"] is True and audit["training"] is True and data["masked"] is True
    assert len(data["findings"]) == 28
    for f in data["findings"]:
        assert DESIGN_FINDING_KEYS <= set(f)
        assert {"action", "opt_out_url"} <= set(f["remediation"])
        assert {"possible_match", "rules", "first_seen", "last_seen", "status", "image_url",
                "relation"} <= set(f)
        assert "value" not in f and "context" not in f, "full values only when encrypted"
        assert f["category"] in {c.value for c in Category}
        assert f["identifier"] is None or not re.search(r"\d{3}", f["identifier"].replace("[", ""))
    people = {p["id"]: p for p in audit["people"]}
    assert people["son"]["audited"] is False and people["son"]["display_name"] == ""
    assert not any(f["person"] == "son" for f in data["findings"])
    assert any(f["possible_match"] for f in data["findings"])
    assert audit["score"]["total"] > 0 and audit["score"]["people"][0]["drivers"]


def test_csv_has_one_row_per_finding(written: tuple[Path, list[Path]]) -> None:
    out, _ = written
    df = pd.read_csv(out / "findings.csv")
    assert len(df) == 28
    assert {"id", "person", "category", "severity", "url", "evidence", "action", "group",
            "legal_basis"} <= set(df.columns)
    assert "value" not in df.columns
    assert set(df["severity"]) <= {"critical", "high", "medium", "low", "info"}


# --- the HTML ----------------------------------------------------------------------------------


def test_html_is_self_contained_with_csp(written: tuple[Path, list[Path]]) -> None:
    html = (written[0] / "report.html").read_text(encoding="utf-8")
    assert re.search(r'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
                     r"style-src 'unsafe-inline'; img-src data:", html)
    assert "<script" not in html.lower()
    assert not re.search(r"<(img|link|iframe|object|embed|source|video|audio)\b", html, re.I)
    assert "url(" not in html and "@import" not in html
    assert not re.search(r'\ssrc=', html)


def test_html_sections_and_first_screen(written: tuple[Path, list[Path]]) -> None:
    html = (written[0] / "report.html").read_text(encoding="utf-8")
    # the table of contents names every section first: read the sections themselves
    html = re.sub(r'<nav class="toc-block".*?</nav>', "", html, flags=re.S)
    order = ["CONFIDENTIAL — PERSONAL SECURITY INFORMATION", "TRAINING — FICTITIOUS PERSON",
             "Summary", "most urgent actions", "Who was audited", "Sources not checked",
             "Exposure map", "What drives the score", "Findings", "Remediation checklist",
             "Advice for the family", "Removal-request letters", "Appendix: method and coverage",
             "Severity rubric"]
    pos = [html.find(s) for s in order]
    assert all(p >= 0 for p in pos), [s for s, p in zip(order, pos) if p < 0]
    assert pos == sorted(pos)
    urgent = html[html.find("most urgent actions"):html.find("Who was audited")]
    assert urgent.count("<li>") == 5
    assert "did not consent" in html
    assert "not checked" in html and "blocked" in html


def test_training_banner_only_for_training(tmp_path: Path) -> None:
    result, prof = sample(6, training=False)
    html = write_reports(result, tmp_path, ["html"], profile=prof)[0].read_text(encoding="utf-8")
    assert "TRAINING" not in html and "CONFIDENTIAL" in html


def test_possible_matches_are_flagged_not_counted(written: tuple[Path, list[Path]]) -> None:
    html = (written[0] / "report.html").read_text(encoding="utf-8")
    assert "possible match" in html
    assert "2 possible matches to review (not counted)" in html


# --- letters per jurisdiction ----------------------------------------------------------------------


def family_profile(jurisdiction: str, court: str) -> Profile:
    return profile_from_dict({
        "audit": {"jurisdiction": jurisdiction},
        "consent": {"authorized_by": "Hon. Test", "authorized_on": "2026-11-20",
                    "purpose": "self-audit", "statement": "I authorize this test audit of mine."},
        "subject": {"id": "judge", "name": "Jane Quinn Doe", "court": court,
                    "addresses": [{"street": "1180 Hidden Oak Lane", "city": "Springfield"}]},
        "relatives": [{"id": "kid", "relation": "child", "name": "Amy Doe", "consent": True,
                       "minor": True, "school": "Oakmont Elementary School"}],
        "probes": {"enabled": ["web"]},
    }, Path("/nonexistent/profile.toml"))


def exposures() -> list[Exposure]:
    return [
        Exposure("judge", C.HOME_ADDRESS, "https://people.example.com/jane-doe",
                 "1180 Hidden Oak Lane, Springfield", 0.9, "home",
                 "Jane Doe lives at 1180 Hidden Oak Lane, Springfield", source="web"),
        Exposure("judge", C.PHONE, "https://people.example.com/jane-doe", "+1 707 555 0143",
                 0.9, None, "call 707-555-0143", source="web"),
        Exposure("kid", C.SCHOOL, "https://oakmont.example.org/news", "Oakmont Elementary School",
                 0.8, "school", "Amy Doe, grade 3, Oakmont Elementary School", source="school"),
    ]


@pytest.mark.parametrize(("juris", "court", "words"), [
    ("US-CA", "Superior Court of California", ["Written demand", "§7928.205", "written demand"]),
    ("US-NJ", "Superior Court of New Jersey", ["Daniel's Law", "56:8-166.1", "10 business days",
                                               "$1,000"]),
    ("US-NJ", "United States District Court for the District of New Jersey",
     ["Daniel Anderl Judicial Security and Privacy Act", "§5934(b)(1)", "72 hours", "verify"]),
    ("US", "United States Court of Appeals for the Ninth Circuit", ["Anderl", "72 hours"]),
    ("GB", "Crown Court at Leeds", ["UK GDPR", "Art. 17", "one month",
                                    "Information Commissioner's Office"]),
    ("CZ", "Okresní soud v Kolíně", ["Regulation (EU) 2016/679", "Art. 17", "one month",
                                     "Act No. 110/2019 Coll.",
                                     "Office for Personal Data Protection"]),
    ("RO", "Judecătoria Sectorului 1 București", ["Regulation (EU) 2016/679", "Art. 17",
                                                 "Law No. 190/2018", "ANSPDCP"]),
    ("DE", "Amtsgericht Köln", ["Regulation (EU) 2016/679", "data-protection authority"]),
    ("JP", "Tokyo District Court", ["Request to remove personal information"]),
])
def test_letters_per_jurisdiction(tmp_path: Path, juris: str, court: str, words: list[str]) -> None:
    prof = family_profile(juris, court)
    view = build_view(result_from(prof, exposures()), profile=prof)
    assert view.letters, "a letter for the people-search site"
    letter = next(x for x in view.letters if x.group == "people.example.com")
    for w in words:
        assert w in letter.text, (w, letter.text)
    # masked report: placeholders and masked values, never the full ones
    assert "[Name of the judge" in letter.text and "1180 Hidden" not in letter.text
    assert "555-0143" not in letter.text
    assert "Use the encrypted report for the full" in letter.text
    school = next(x for x in view.letters if "pupil" in x.text)
    assert school.group == "Minor child's school (o******.example.org)", \
        "the school's host names the school: named by its role, the host masked"
    assert "Oakmont" not in school.text
    if juris.startswith("US"):
        assert "FERPA" in school.text


def test_ca_letter_leaves_uncovered_items_to_a_plain_request() -> None:
    prof = profile_from_dict({
        "audit": {"jurisdiction": "US-CA"},
        "consent": {"authorized_by": "Hon. Test", "authorized_on": "2026-11-20",
                    "purpose": "self-audit", "statement": "I authorize this test audit of mine."},
        "subject": {"id": "judge", "name": "Jane Doe", "court": "Superior Court of California"},
        "probes": {"enabled": ["web"]},
    }, Path("/nonexistent/p.toml"))
    exps = [Exposure("judge", C.PHONE, "https://people.example.com/1", "+1 707 555 0143", 0.9,
                     source="web"),
            Exposure("judge", C.EMAIL, "https://people.example.com/1", "jane@example.com", 0.9,
                     source="web")]
    letter = build_view(result_from(prof, exps), profile=prof).letters[0]
    demand, _, rest = letter.text.partition("I also ask you to remove")
    assert "phone of the judge" in demand and "e-mail of the judge" not in demand
    assert "e-mail of the judge" in rest


def test_court_templates_override(tmp_path: Path) -> None:
    court = tmp_path / "court"
    (court / "letters").mkdir(parents=True)
    (court / "letterhead.html.j2").write_text(
        '<p class="letterhead">Office of Court Security — {{ r.id }}</p>', encoding="utf-8")
    (court / "letters" / "generic.txt.j2").write_text(
        "COURT WORDING for {{ recipient }}\n{% for it in items %}- {{ it.what }}\n{% endfor %}",
        encoding="utf-8")
    prof = family_profile("JP", "Tokyo District Court")
    result = result_from(prof, exposures())
    html = write_reports(result, tmp_path / "out", ["html"], profile=prof,
                         templates_dir=court)[0].read_text(encoding="utf-8")
    assert '<p class="letterhead">Office of Court Security — 20261120-090000-abcdef</p>' in html
    assert "COURT WORDING for people.example.com" in html
    assert "Online exposure audit" in html, "the rest comes from the built-in templates"


def test_broken_court_template_is_one_clear_error(tmp_path: Path) -> None:
    court = tmp_path / "court"
    court.mkdir()
    (court / "letterhead.html.j2").write_text("{{ no_such_variable }}", encoding="utf-8")
    prof = family_profile("JP", "Tokyo District Court")
    with pytest.raises(ReportError, match="report template"):
        write_reports(result_from(prof, exposures()), tmp_path / "o", ["html"], templates_dir=court)


def test_checklist_groups_by_parent_company(monkeypatch: pytest.MonkeyPatch) -> None:
    import types
    from dataclasses import dataclass
    from urllib.parse import urlsplit

    @dataclass(frozen=True)
    class B:
        name: str
        parent: str | None
        opt_out_url: str = "https://opt.example/out"
        requires: tuple[str, ...] = ("email",)
        expected_time: str = "7 days"
        recheck_days: int = 30
        priority: int = 1
        notes: str = ""
        steps: tuple[str, ...] = ()

    sites = {"one.example": B("One", "Parent Co"), "two.example": B("Two", "Parent Co"),
             "three.example": B("Three", None)}
    mod = types.ModuleType("probes.catalog")
    mod.broker_for_url = lambda url: sites.get(urlsplit(url).hostname or "")  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "probes.catalog", mod)
    prof = family_profile("US-CA", "Superior Court of California")
    exps = [Exposure("judge", C.HOME_ADDRESS, f"https://{h}/p", "1180 Hidden Oak Lane", 0.9,
                     source="people-search") for h in sites]
    view = build_view(result_from(prof, exps), profile=prof)
    keys = [g.key for g in view.groups]
    assert keys.count("Parent Co") == 1 and "Three" in keys
    parent = next(g for g in view.groups if g.key == "Parent Co")
    assert len(parent.findings) == 2
    assert [x.group for x in view.letters].count("Parent Co") == 1


# --- PDF -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "ok"), [
    ("data:image/png;base64,AAAA", True),
    ("http://127.0.0.1/x.png", False),
    ("https://www.spokeo.com/x.png", False),
    ("ftp://example.org/x", False),
    ("file:///etc/passwd", False),
    ("file://remote-host/share/x.png", False),
    ("javascript:alert(1)", False),
    ("not a url", False),
])
def test_pdf_fetcher_policy(url: str, ok: bool) -> None:
    assert allowed(url, [ROOT / "reports" / "templates"]) is ok


def test_pdf_fetcher_allows_template_files() -> None:
    f = ROOT / "reports" / "templates" / "report.css.j2"
    assert allowed(f.as_uri(), [ROOT / "reports" / "templates"])
    assert not allowed((ROOT / "pyproject.toml").as_uri(), [ROOT / "reports" / "templates"])


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[tuple[str, list[str]]]:
    _Counter.hits = []
    srv = http.server.HTTPServer(("127.0.0.1", 0), _Counter)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{srv.server_port}", _Counter.hits
    finally:
        srv.shutdown()
        srv.server_close()


def test_pdf_fetches_nothing(local_server: tuple[str, list[str]]) -> None:
    base, hits = local_server
    html = (f'<html><head><link rel="stylesheet" href="{base}/s.css"><style>@import "{base}/i.css";'
            f'p {{ background: url({base}/bg.png) }}</style></head><body><p>x</p>'
            f'<img src="{base}/a.png"><img src="https://www.spokeo.com/b.png"></body></html>')
    pdf = render_pdf(html, paper="A4", base_dirs=[ROOT / "reports" / "templates"])
    assert pdf.startswith(b"%PDF")
    assert hits == []


@pytest.mark.parametrize(("paper", "size"), [("A4", "595.276 x 841.89"), ("Letter", "612 x 792")])
def test_pdf_paper(tmp_path: Path, paper: str, size: str) -> None:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) not installed: apt-get install poppler-utils")
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(render_pdf("<p>x</p>", paper=paper))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert size in info


def test_pdf_paper_follows_jurisdiction() -> None:
    assert build_view(sample(2)[0]).paper == "Letter"
    prof = family_profile("GB", "Crown Court")
    assert build_view(result_from(prof, exposures())).paper == "A4"


@pytest.mark.parametrize("failure", ["missing", "no-pango"])
def test_pdf_unavailable_writes_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          failure: str) -> None:
    import importlib.abc

    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    if failure == "missing":
        monkeypatch.setitem(sys.modules, "weasyprint", None)
    else:
        class NoPango(importlib.abc.MetaPathFinder):
            def find_spec(self, name: str, path: Any, target: Any = None) -> None:
                if name == "weasyprint":
                    raise OSError("cannot load library 'libpango-1.0-0'")
                return None

        monkeypatch.setattr(sys, "meta_path", [NoPango(), *sys.meta_path])
    result, prof = sample(5)
    with pytest.raises(PdfUnavailableError) as e:
        write_reports(result, tmp_path, ["html", "json", "pdf"], profile=prof)
    assert isinstance(e.value, FootprintError)
    msg = str(e.value)
    assert "WeasyPrint" in msg and "apt-get install libpango-1.0-0 libpangoft2-1.0-0" in msg
    assert sorted(p.name for p in e.value.written) == ["findings.json", "report.html"]
    assert (tmp_path / "report.html").exists() and not (tmp_path / "report.pdf").exists()


# --- view details ---------------------------------------------------------------------------------


def test_urgent_actions_are_the_worst_groups_first() -> None:
    view = build_view(*sample()[:1])
    assert len(view.urgent) == 5
    ranks = [g.worst.rank for g in view.urgent]
    assert ranks == sorted(ranks)
    assert all(g.counted for g in view.urgent)
    assert all(not g.no_action for g in view.urgent)


def test_skipped_sources_are_masked() -> None:
    result, prof = sample()
    view = build_view(result, profile=prof)
    text = json.dumps(view.skipped)
    assert "eleanor" not in text.lower() and "peoplefinders.com" in text


def test_csv_reads_back_with_pandas(written: tuple[Path, list[Path]]) -> None:
    text = (written[0] / "findings.csv").read_text(encoding="utf-8")
    df = pd.read_csv(StringIO(text))
    assert df["recheck_days"].dropna().astype(int).min() >= 1


def test_urgent_actions_cover_distinct_severe_exposures(monkeypatch: pytest.MonkeyPatch) -> None:
    """Five brokers listing the same address must not hide the child's school from the top five."""
    monkeypatch.setitem(sys.modules, "probes.catalog", None)
    prof = family_profile("US-CA", "Superior Court of California")
    exps = [Exposure("judge", C.HOME_ADDRESS, f"https://broker{i}.example.com/p", "1180 Hidden Oak Lane",
                     0.9, source="people-search") for i in range(6)]
    exps.append(Exposure("kid", C.SCHOOL, "https://oakmont.example.org/news",
                         "Oakmont Elementary School", 0.8, source="school"))
    exps.append(Exposure("judge", C.ACCOUNT, "https://social.example.net/jd", "jd", 0.9,
                         source="social", attrs=(("personal", "1"),)))
    view = build_view(result_from(prof, exps), profile=prof)
    keys = [g.key for g in view.urgent]
    assert len(keys) == 5
    assert "Minor child's school (o******.example.org)" in keys, keys
    assert sum(k.startswith("broker") for k in keys) == 4, "then the other severe opt-outs"
    assert "social.example.net" not in keys, "a medium action does not displace a critical one"


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_five_urgent_actions_fit_on_the_first_page(paper: str, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed: apt-get install poppler-utils")
    from reports.html import render_html

    result, prof = sample()
    view = build_view(result, profile=prof, paper=paper)
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(render_pdf(render_html(view), paper=paper))
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True,
                           text=True, check=True, timeout=120).stdout
    assert "most urgent actions" in first
    assert len(view.urgent) == 5
    for g in view.urgent:
        assert g.key in first, (paper, g.key)
    assert "TRAINING" in first and "CONFIDENTIAL" in first


# --- print layout (read from WeasyPrint's boxes) ---------------------------------------------------


def _laid_out(paper: str, *, training: bool = True, n: int | None = None,
              templates_dir: Path | None = None) -> Any:
    pytest.importorskip("weasyprint")
    from reports import _template_dirs
    from reports.html import render_html
    from reports.pdf import layout

    result, prof = sample(n, training=training)
    view = build_view(result, profile=prof, paper=paper, templates_dir=templates_dir)
    html = render_html(view, templates_dir=templates_dir)
    return layout(html, paper=paper, base_dirs=_template_dirs(templates_dir))


@pytest.fixture(scope="module", params=["A4", "Letter"])
def laid_out(request: pytest.FixtureRequest) -> Any:
    return _laid_out(request.param)


def _boxes(page: Any, kind: str) -> list[Any]:
    from weasyprint.formatting_structure import boxes

    return [b for b in page._page_box.descendants() if isinstance(b, getattr(boxes, kind))]


def _classes(box: Any) -> set[str]:
    el = getattr(box, "element", None)
    return set((el.get("class") or "").split()) if el is not None else set()


def _texts(page: Any, *, margins: bool) -> list[Any]:
    """The non-blank text boxes of a page: of its margin boxes (header and footer), or of its
    body, in reading order."""
    from weasyprint.formatting_structure import boxes

    return [t for child in page._page_box.children
            if isinstance(child, boxes.MarginBox) == margins
            for t in child.descendants() if isinstance(t, boxes.TextBox) and t.text.strip()]


def _page_text(page: Any, *, margins: bool) -> str:
    return " ".join(t.text for t in _texts(page, margins=margins))


def test_heat_map_headers_fit_their_columns(laid_out: Any) -> None:
    """Each category header sits inside its own column (they once ran together as
    "RELATIVESCHOOL"), and every category has its header."""
    from reports import CATEGORY_SHORT

    cells = [c for page in laid_out.pages for c in _boxes(page, "TableCellBox")
             if c.element_tag == "th" and "cat" in _classes(c)]
    assert [" ".join(t.text for t in c.descendants() if hasattr(t, "text")) for c in cells] == \
        list(CATEGORY_SHORT.values())
    for c in cells:
        left, right = c.content_box_x(), c.content_box_x() + c.width
        for t in c.descendants():
            if hasattr(t, "text") and t.text.strip():
                assert t.position_x >= left - 0.5 and t.position_x + t.width <= right + 0.5, \
                    (t.text, t.position_x, t.width, left, right)


def test_no_text_runs_off_the_page(laid_out: Any) -> None:
    """Long URLs and site names wrap inside the page's content area on A4 and Letter."""
    for n, page in enumerate(laid_out.pages, start=1):
        root = page._page_box.children[0]  # the <html> box: the page's content area
        left, right = root.content_box_x(), root.content_box_x() + root.width
        for t in _texts(page, margins=False):
            assert left - 0.5 <= t.position_x, (n, t.text)
            assert t.position_x + _ink_width(t) <= right + 0.5, \
                (n, t.text, t.position_x + t.width, right)


def _ink_width(t: Any) -> float:
    """A text box's width without the spaces that end it (preformatted text keeps them, and
    they hang past the line's end without showing)."""
    trailing = len(t.text) - len(t.text.rstrip())
    return t.width - trailing * 0.65 * t.style["font_size"]


def test_finding_cells_stay_in_their_columns(laid_out: Any) -> None:
    """In a finding's table of pages no text crosses into the next column or out of the card."""
    checked = 0
    for page in laid_out.pages:
        for table in _boxes(page, "TableBox"):
            if "sites" not in _classes(table):
                continue
            for c in table.descendants():
                if type(c).__name__ != "TableCellBox":
                    continue
                right = c.content_box_x() + c.width
                for t in c.descendants():
                    if hasattr(t, "text") and t.text.strip():
                        checked += 1
                        assert t.position_x + _ink_width(t) <= right + 0.5, (t.text, right)
    assert checked > 100


def test_every_page_is_marked(laid_out: Any) -> None:
    """CONFIDENTIAL at the top and bottom of every page, TRAINING on every page of a training
    audit, and the audit and page number at the foot."""
    _check_markings(laid_out, training=True)


def test_a_real_audit_is_marked_confidential_and_never_training() -> None:
    _check_markings(_laid_out("Letter", training=False, n=10), training=False)


def _check_markings(doc: Any, *, training: bool) -> None:
    assert len(doc.pages) > 3
    for n, page in enumerate(doc.pages, start=1):
        margins = _page_text(page, margins=True)
        assert margins.count("CONFIDENTIAL") >= 2, (n, margins)
        assert f"page {n} of {len(doc.pages)}" in margins
        assert "audit 20261120-091400-a1b2c3" in margins, "a loose page says which audit"
        assert ("TRAINING — FICTITIOUS PERSON" in margins) is training, (n, margins)
        if not training:
            assert "TRAINING" not in _page_text(page, margins=False)


def test_each_letter_starts_a_page_and_never_leaves_its_sign_off_alone(laid_out: Any) -> None:
    """A letter can be taken out and sent on its own: it begins on a fresh sheet, and a sheet it
    runs onto holds more than its last line or two."""
    starts: set[int] = set()
    letter_lines: dict[int, int] = {}
    for n, page in enumerate(laid_out.pages):
        # the section's title and introduction may precede the first letter
        body = [t for t in _texts(page, margins=False) if t.element_tag not in ("h2", "p")]
        for t in body:
            if t.element_tag == "h4" and re.match(r"\d+\. To ", t.text):
                starts.add(n)
                assert body[0] is t, (n + 1, body[0].text, t.text)
        letter_lines[n] = sum(1 for t in body if "letter" in _classes(t))
    assert len(starts) >= 2, "the sample has several letters"
    for n, lines in letter_lines.items():
        if lines and n not in starts:  # a letter's second sheet
            assert lines >= 8, (n + 1, lines)


def test_csv_rows_carry_the_training_mark(tmp_path: Path) -> None:
    import csv
    import io

    result, prof = sample()
    write_reports(result, tmp_path, ["csv"], profile=prof)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "findings.csv").read_text(encoding="utf-8"))))
    assert rows and all(r["audit"].startswith(result.id) for r in rows)
    assert all(("TRAINING" in r["audit"]) == result.training for r in rows)
