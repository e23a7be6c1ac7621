"""The share of sources checked is computed once (the store's record of every search and page),
carried in the result and findings.json, and below `audit.min_coverage` the report says
"INCOMPLETE — n % of sources checked" on its first page (HTML and PDF) and in the CLI summary;
a person whose sources did not answer is shown as not checked, never as "nothing found"."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from footprint import cli
from footprint.engine import Auditor, WebAccess, stored_result
from footprint.errors import BlockedError, ProbeError
from footprint.model import AuditResult, Coverage, PersonCoverage
from footprint.profile import Profile
from footprint.store import open_store
from reports import write_reports
from tests.conftest import FakeAnalyzer, FakeFetcher, FakeProbe, FakeSearch

OK = {
    "https://a.example/1": "judge|phone|+17075550100|0.9",
    "https://b.example/2": "judge|email|ann@example.com|0.9",
    "https://c.example/3": "judge|address|9 Oak Road|0.9",
}
BLOCKED = [f"https://broker{i}.example/p" for i in range(5)]


class SpouseBlocked(FakeSearch):
    def search(self, query, **kw):  # type: ignore[no-untyped-def]
        if query == "spouse":
            self.calls.append(query)
            raise ProbeError("search:ddgs", "no results after 3 tries (possible blocking)")
        return super().search(query, **kw)


def forty_percent(profile: Profile, home: Path) -> AuditResult:
    """2 searches (the spouse's failed) and 8 pages (5 blocked): 4 of 10 sources answered."""
    pages: dict[str, object] = dict(OK)
    pages.update({u: BlockedError(u, "blocked: captcha (HTTP 403)", 403) for u in BLOCKED})
    search = SpouseBlocked({"judge": [*OK, *BLOCKED]})
    aud = Auditor(profile, WebAccess(fetcher=FakeFetcher(pages), search=search), open_store(home),
                  probe_classes={"fake": FakeProbe}, analyzer=FakeAnalyzer())
    return aud.run()


def test_coverage_is_computed_from_every_search_and_page(profile: Profile, footprint_home: Path) -> None:
    res = forty_percent(profile, footprint_home)
    cov = res.coverage
    assert cov is not None
    assert (cov.searches, cov.searches_failed, cov.pages, cov.pages_failed) == (2, 1, 8, 5)
    assert (cov.checked, cov.total, cov.percent, cov.complete) == (4, 10, 40, False)
    assert cov.person("judge") == PersonCoverage("judge", 1, 0, 8, 5)
    assert cov.person("spouse") == PersonCoverage("spouse", 1, 1, 0, 0)
    assert not cov.person_checked("spouse") and not cov.person_checked("judge")
    with open_store(footprint_home) as store:  # the stored audit reads the same coverage
        assert stored_result(store, res.id).coverage == cov


def test_report_of_an_incomplete_audit_says_so_on_its_first_page(profile: Profile, footprint_home: Path,
                                                                 tmp_path: Path) -> None:
    res = forty_percent(profile, footprint_home)
    out = tmp_path / "out"
    write_reports(res, out, ["html", "json", "pdf"], profile=profile)
    html = (out / "report.html").read_text()
    banner = html.find("INCOMPLETE — 40 % of sources checked")
    assert 0 < banner < html.find('<h2 id="sec-summary">Summary</h2>')
    assert "No confirmed finding needs action" not in html
    spouse = html[html.find(">Spouse <span class=\"mono muted\">"):]  # the findings' heading
    spouse = spouse[:spouse.find("<h3", 4)]
    assert "Not checked" in spouse and "Nothing found" not in spouse
    data = json.loads((out / "findings.json").read_text())
    cov = data["audit"]["coverage"]
    assert (cov["share"], cov["complete"], cov["min_share"]) == (0.4, False, 0.8)
    assert cov["people"]["spouse"]["share"] == 0.0 and cov["failed"]

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed: apt-get install poppler-utils")
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(out / "report.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout
    assert "INCOMPLETE" in first and "40 % of sources checked" in " ".join(first.split())


def test_a_complete_audit_has_no_banner_and_says_nothing_found(profile: Profile, footprint_home: Path,
                                                               tmp_path: Path) -> None:
    aud = Auditor(profile, WebAccess(fetcher=FakeFetcher(OK), search=FakeSearch({"judge": list(OK)})),
                  open_store(footprint_home), probe_classes={"fake": FakeProbe}, analyzer=FakeAnalyzer())
    res = aud.run()
    assert res.coverage is not None and res.coverage.complete and res.coverage.percent == 100
    write_reports(res, tmp_path / "out", ["html"], profile=profile)
    html = (tmp_path / "out" / "report.html").read_text()
    assert "INCOMPLETE" not in html and "100 % of sources checked" in html
    spouse = html[html.find(">Spouse <span class=\"mono muted\">"):]
    assert "Nothing found." in spouse[:spouse.find("<h3", 4)]


def test_min_coverage_is_the_profiles_setting(profile: Profile, footprint_home: Path) -> None:
    low = profile.__class__(**{**profile.__dict__,
                               "audit": profile.audit.model_copy(update={"min_coverage": 0.4})})
    res = forty_percent(low, footprint_home)
    assert res.coverage is not None and res.coverage.complete  # 40 % meets a 40 % bar


@pytest.mark.parametrize(("cov", "expect"), [
    (Coverage(searches=10, searches_failed=6), "INCOMPLETE — 40 % of sources checked"),
    (Coverage(searches=10, searches_failed=1), "90 % of sources checked"),
])
def test_the_cli_summary_line_carries_the_share(monkeypatch: pytest.MonkeyPatch, cov: Coverage,
                                                expect: str) -> None:
    buf = StringIO()
    monkeypatch.setattr(cli, "out", Console(file=buf, width=300, color_system=None))
    res = AuditResult(id="a1", profile_id="judge", started="2026-11-20T00:00:00Z", finished=None,
                      purpose="self-audit", training=False, jurisdiction="US", language="en",
                      threshold=0.5, probes=("web",), web_archive=None, people=(), findings=(),
                      skipped=(), queries=10, pages=0, coverage=cov)
    cli._summary(res, None)
    first = buf.getvalue().splitlines()[0]
    assert re.match(r"Audit a1: ", first) and expect in first
    assert ("INCOMPLETE" in first) is (not cov.complete)
