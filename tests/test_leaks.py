"""The leak test (issue 13): every command that writes or prints a report — demo, audit, report
(also after a triage label), check, audits, triage — in every format (report.html read as text
with its attributes, report.pdf read by pdftotext, findings.json, findings.csv, the terminal)
for two different households (the demo family and the UK fixture family), and no value of the
profile or found by the audit appears in clear. Encrypted outputs hold the full values and
nothing readable; `footprint open` (tests/test_open.py) is the one clear view, and it is not on
disk."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cyrtranslit
import pytest
from bs4 import BeautifulSoup

from footprint import demo
from footprint.model import Finding
from footprint.profile import Profile, load_profile
from footprint.store import open_store
from reports import crypto
from tests.conftest import REPO, run_cli
from tests.leakcheck import (
    Forbidden,
    _street,
    _words,
    found_forbidden,
    leaks,
    not_shared,
    profile_forbidden,
    shown_in_clear,
)

FORMATS = "html,json,csv,pdf"
PASSPHRASE = "correct horse battery staple"


def _quality() -> Any:
    import importlib.util

    name = "footprint_benchmark_quality"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / "quality.py")
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[name]


@dataclass
class Household:
    """One family's audit and every output written or printed about it."""

    name: str
    profile: Profile
    home: Path
    audit_id: str = ""
    findings: list[Finding] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)
    """label ("demo: report.pdf", "report: terminal"…) → its text."""
    encrypted: list[Path] = field(default_factory=list)

    def forbidden(self) -> list[Forbidden]:
        region = (self.profile.audit.jurisdiction or "US")[:2]
        out = profile_forbidden(self.profile) + found_forbidden(self.findings, region)
        if region in ("GR", "BG", "RS"):
            # a profile in Greek or Cyrillic letters: its pages are quoted in Latin letters
            from footprint.analyze.scripts import latin, profile_scheme

            scheme = profile_scheme(self.profile)
            for p in self.profile.people:
                for n in p.all_names():
                    if latin(n, scheme) != n:
                        out += _words(f"{p.id} name (Latin letters)", latin(n, scheme))
                for a in p.addresses:
                    if latin(a.street, scheme) != a.street:
                        out += _street(f"{p.id} street (Latin letters)", latin(a.street, scheme))
        if region in ("RS",):
            # the pages print the family in Cyrillic too: no output may show those spellings
            for p in self.profile.people:
                for n in p.all_names():
                    out += _words(f"{p.id} name (Cyrillic)", cyrtranslit.to_cyrillic(n, "sr"))
                for a in p.addresses:
                    out += _street(f"{p.id} street (Cyrillic)",
                                   cyrtranslit.to_cyrillic(a.street, "sr"))
        return out


def output_text(path: Path) -> str:
    """What a reader sees in a file: the HTML's text and every attribute (a link's target, a
    title), the PDF's text, the JSON and CSV as they are."""
    if path.suffix == ".html":
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        attrs = [str(v) for tag in soup.find_all(True) for v in tag.attrs.values()]
        return soup.get_text(" ") + "\n" + "\n".join(attrs)
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                              text=True, check=True, timeout=300).stdout
    return path.read_text(encoding="utf-8")


def _collect(h: Household, label: str, folder: Path, run: subprocess.CompletedProcess[str]) -> None:
    assert run.returncode == 0, (label, run.stderr)
    h.outputs[f"{label}: terminal"] = run.stdout + run.stderr
    for p in sorted(folder.iterdir()):
        if p.suffix == ".age":
            h.encrypted.append(p)
        else:
            h.outputs[f"{label}: {p.name}"] = output_text(p)


def _run(h: Household, args: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
    r = run_cli(args, h.home, **kw)
    assert r.returncode == 0, (args[0], r.stderr)
    return r


def _every_output(h: Household, tmp: Path, first: list[str], first_dir: Path) -> Household:
    r = _run(h, first)
    _collect(h, first[0], first_dir, r)
    with open_store(h.home) as store:
        (row,) = store.audits()
        h.audit_id = row.id
        h.findings = store.findings(row.id, with_values=True)
    h.outputs["audits: terminal"] = _run(h, ["audits"]).stdout
    h.outputs["check: terminal"] = _run(h, ["check", str(h.profile.path)]).stdout
    out = tmp / "report"
    _collect(h, "report", out, _run(h, ["report", h.audit_id, "--out", str(out), "--format", FORMATS]))
    # a label changes what counts; the report written after it is masked the same way
    fid = next(f.id for f in h.findings if not f.possible_match)
    h.outputs["triage: terminal"] = _run(h, ["triage", fid, "not-me"]).stdout
    out = tmp / "report-after-triage"
    _collect(h, "report after triage", out,
             _run(h, ["report", h.audit_id, "--out", str(out), "--format", FORMATS]))
    enc = tmp / "encrypted"
    r = _run(h, ["report", h.audit_id, "--out", str(enc), "--format", FORMATS, "--passphrase"],
             env={"FOOTPRINT_PASSPHRASE": PASSPHRASE})
    _collect(h, "report --passphrase", enc, r)
    _removals(h, tmp, first)
    return h


def _removals(h: Household, tmp: Path, first: list[str]) -> None:
    """Removal tracking: an officer's reference and note holding the judge's name and phone, the
    lists (`removals`, `due`) and a second audit compared with the first (`diff`)."""
    data = json.loads((tmp / "report" / "findings.json").read_text())
    action = next(f["action_id"] for f in data["findings"] if f["counted"] and f["action_id"])
    who = h.profile.subject
    typed = f"{who.name} {who.phones[0] if who.phones else ''}"
    h.outputs["removal: terminal"] = _run(h, ["removal", action, "requested", "--channel", "email",
                                              "--ref", typed, "--note", f"called {typed}"]).stdout
    h.outputs["removals: terminal"] = _run(h, ["removals", "--all"]).stdout
    h.outputs["due: terminal"] = run_cli(["due", "--within", "366"], h.home).stdout
    h.outputs["due --json: terminal"] = run_cli(["due", "--within", "366", "--json"], h.home).stdout
    again = tmp / "second"
    second = [*first[: first.index("--out")], "--out", str(again), "--format", "html,json,csv"]
    _collect(h, "second audit", again, _run(h, second))
    with open_store(h.home) as store:
        ids = [row.id for row in store.audits()]
    h.outputs["diff: terminal"] = _run(h, ["diff", ids[0], ids[-1]]).stdout
    h.outputs["diff --json: terminal"] = _run(h, ["diff", ids[0], ids[-1], "--json"]).stdout


def _blind_household(name: str, base: Path) -> Household:
    """A blind scenario's family, audited from its archive with every output read."""
    blind = REPO / "tests" / "fixtures" / "blind" / name
    h = Household(name, load_profile(blind / "profile.toml"), base / f"{name}-home")
    h.home.mkdir()
    _every_output(h, base / name, ["audit", str(blind / "profile.toml"), "--web-archive",
                                   str(blind / "archive.warc.gz"), "--out",
                                   str(base / name / "out"), "--format", FORMATS],
                  base / name / "out")
    return h


@pytest.fixture(scope="module")
def households(tmp_path_factory: pytest.TempPathFactory) -> list[Household]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is needed to read the PDF: scripts/setup.sh installs it")
    demo.ensure_generated()
    base = tmp_path_factory.mktemp("leaks")
    # the demo, as a trainer runs it
    d = Household("demo", load_profile(demo.profile_path()), base / "demo-home")
    d.home.mkdir()
    _every_output(d, base / "demo", ["demo", "--out", str(base / "demo" / "out"), "--format", FORMATS],
                  base / "demo" / "out")
    # a second, different household (UK), through `footprint audit`
    fixture = REPO / "tests" / "fixtures" / "intl" / "uk"
    archive = _quality().build_fixture_archive(fixture, base / "uk.warc.gz")
    u = Household("uk", load_profile(fixture / "profile.toml"), base / "uk-home")
    u.home.mkdir()
    _every_output(u, base / "uk", ["audit", str(fixture / "profile.toml"), "--web-archive",
                                   str(archive), "--out", str(base / "uk" / "out"), "--format",
                                   FORMATS], base / "uk" / "out")
    # a Serbian family whose pages are in Cyrillic and Latin letters (the blind set "rs"):
    # what is read from a Cyrillic page is masked like the rest; a Greek family whose profile
    # is in Greek letters and whose pages are in Greek and Latin letters (the blind set "gr"):
    # the Latin spellings of its names are masked too
    s, g = (_blind_household(name, base) for name in ("rs", "gr"))
    # the Czech and Romanian demos: reports, letters and terminal in other languages are masked
    # the same way
    out = [d, u, s, g]
    for code in ("CZ", "RO"):
        demo.ensure_generated(code)
        name = code.lower()
        h = Household(name, load_profile(demo.profile_path(code)), base / f"{name}-home")
        h.home.mkdir()
        _every_output(h, base / name, ["demo", "--jurisdiction", code, "--out",
                                       str(base / name / "out"), "--format", FORMATS],
                      base / name / "out")
        out.append(h)
    return out


def test_every_command_and_format_was_read(households: list[Household]) -> None:
    for h in households:
        labels = set(h.outputs)
        for cmd in ("audit" if h.name in ("uk", "rs", "gr") else "demo", "report", "report after triage"):
            for name in ("report.html", "report.pdf", "findings.json", "findings.csv", "terminal"):
                assert f"{cmd}: {name}" in labels, (h.name, cmd, name)
        assert {"audits: terminal", "check: terminal", "triage: terminal", "removal: terminal",
                "removals: terminal", "due: terminal", "due --json: terminal", "diff: terminal",
                "diff --json: terminal", "second audit: report.html", "second audit: findings.csv"} <= labels
        assert "requested" in h.outputs["removals: terminal"]
        assert h.findings and all(f.value for f in h.findings), "the store keeps every value sealed"
        assert len(h.encrypted) == 4


@pytest.mark.parametrize("which", ["demo", "uk", "rs", "gr", "cz", "ro"])
def test_no_value_in_clear(households: list[Household], which: str) -> None:
    h = next(x for x in households if x.name == which)
    forbidden = h.forbidden()
    # names, phones, streets, e-mails, school, employer, found values
    assert len(forbidden) > (40 if which in ("demo", "uk", "rs", "gr") else 20)
    bad = {label: found for label, text in h.outputs.items() if (found := leaks(text, forbidden))}
    assert not bad, json.dumps(bad, indent=1, ensure_ascii=False)


def test_no_other_household_in_any_output(households: list[Household]) -> None:
    for h, other in ((h, o) for h in households for o in households if o is not h):
        values = not_shared(profile_forbidden(other.profile), shown_in_clear(h.profile, h.findings))
        bad = {label: found for label, text in h.outputs.items() if (found := leaks(text, values))}
        assert not bad, (h.name, bad)


def test_the_checker_sees_a_leak(households: list[Household]) -> None:
    """The test would fail on a clear value: each kind of form is caught, however printed."""
    d = households[0]
    forbidden = d.forbidden()
    for text in ("Phone: (707) 555-0142", "https://x.example/p/eleanor-whit field",
                 "lives at 2417 Alderbrook Dr", "https://brookside-middle-school.example.org/x",
                 "www.redwoodvalleymc.example.org", "19 Vine Hill Ct", "ewhitfield68",
                 "eleanor.whitfield@example.net", "Lucas", "707.555.0187"):
        assert leaks(text, forbidden), text
    for text in ("Phone: +1 707 ***-**42", "E****** W******** · Santa Rosa, CA 954**",
                 "NJ Daniel's Law", "1* V*** H*** Ct, Sebastopol"):
        assert not leaks(text, forbidden), text


def test_encrypted_outputs_hold_the_full_values_and_nothing_in_clear(
        households: list[Household]) -> None:
    for h in households:
        names = sorted(p.name for p in h.encrypted)
        assert names == ["findings.csv.age", "findings.json.age", "report.html.age",
                         "report.pdf.age"], names
        assert not [p for p in h.encrypted[0].parent.iterdir() if p.suffix != ".age"]
        html = crypto.decrypt((h.encrypted[0].parent / "report.html.age").read_bytes(),
                              passphrase=PASSPHRASE).decode()
        assert leaks(html, h.forbidden()), "the full report shows the values"
        data = json.loads(crypto.decrypt((h.encrypted[0].parent / "findings.json.age").read_bytes(),
                                         passphrase=PASSPHRASE))
        assert not data["masked"]
        full = {f.id: f.url for f in h.findings}
        assert all(x["url"] == full[x["id"]] and x["value"] for x in data["findings"]), \
            "the exact, actionable URLs and values, from the store's sealed copy"


# --- a roster of both households: its summary and every household's folder ---------------------


@pytest.fixture(scope="module")
def roster_outputs(households: list[Household], tmp_path_factory: pytest.TempPathFactory
                   ) -> tuple[dict[str, str], dict[str, list[Forbidden]], dict[str, dict[str, str]]]:
    """Both households in one roster run, in a data folder of their own: (every output's text by
    name, each household's forbidden values, each household folder's outputs)."""
    base = tmp_path_factory.mktemp("roster-leaks")
    home = base / "home"
    home.mkdir()
    uk = REPO / "tests" / "fixtures" / "intl" / "uk"
    archive = _quality().build_fixture_archive(uk, base / "uk.warc.gz")
    roster = base / "roster.toml"
    roster.write_text(
        f'[roster]\nname = "Two families"\n\n[[household]]\nprofile = "{demo.profile_path()}"\n'
        f'web_archive = "{demo.archive_path()}"\nlabel = "Dept. 1: {households[0].profile.subject.name}"\n\n'
        f'[[household]]\nprofile = "{uk / "profile.toml"}"\nweb_archive = "{archive}"\n')
    out = base / "out"
    r = run_cli(["roster", "audit", str(roster), "--out", str(out), "--format", "html,json,csv"], home)
    assert r.returncode == 0, r.stderr
    texts = {"roster: terminal": r.stdout + r.stderr}
    texts.update({str(p.relative_to(out)): output_text(p) for p in sorted(out.rglob("*")) if p.is_file()})
    forbidden: dict[str, list[Forbidden]] = {}
    folders: dict[str, dict[str, str]] = {}
    with open_store(home) as store:
        d, u = households[:2]  # the demo is Californian, the other family British
        rows = [(row, d.profile if row.jurisdiction == d.profile.audit.jurisdiction else u.profile,
                 store.findings(row.id, with_values=True)) for row in store.audits()]
        for row, prof, found in rows:
            region = (prof.audit.jurisdiction or "US")[:2]
            # (a word the other family prints in clear of its own, its town, proves no leak)
            clear = " · ".join(shown_in_clear(p2, f2) for r2, p2, f2 in rows if r2 is not row)
            forbidden[row.household] = not_shared(
                profile_forbidden(prof) + found_forbidden(found, region), clear)
            folders[row.household] = {k: v for k, v in texts.items() if k.startswith(f"households/{row.household}/")}
    assert len(forbidden) == 2 and all(folders.values())
    return texts, forbidden, folders


def test_no_value_in_clear_in_any_roster_output(roster_outputs: tuple[dict[str, str], dict[str, list[Forbidden]],
                                                                      dict[str, dict[str, str]]]) -> None:
    texts, forbidden, folders = roster_outputs
    assert {"roster.html", "roster.csv", "roster.json", "roster: terminal"} <= set(texts)
    for hh, values in forbidden.items():
        bad = {label: found for label, text in texts.items() if (found := leaks(text, values))}
        assert not bad, (hh, json.dumps(bad, indent=1, ensure_ascii=False))
    # and each household's folder holds nothing of the other family, even masked-looking
    (a, fa), (b, fb) = folders.items()
    for mine, other in ((fa, b), (fb, a)):
        bad = {label: found for label, text in mine.items() if (found := leaks(text, forbidden[other]))}
        assert not bad, bad
