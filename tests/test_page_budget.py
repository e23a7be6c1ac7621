"""Every page is analysed within a budget: a page nested deeper than any real page is not parsed
(the HTML5 tree builder is quadratic in depth) and is listed as not checked; a page whose
analysis runs out of time keeps what was found and lists the rest as not checked. The time a
page takes is measured by benchmarks/analyzer_adversarial.py, never asserted here."""

from __future__ import annotations

import datetime as dt

import pytest

from footprint.analyze import page as page_mod
from footprint.analyze.page import PageAnalyzer
from footprint.analyze.text import MAX_DEPTH, nesting_depth, parse_page
from footprint.demo import profile_path
from footprint.profile import load_profile

CARD = ('<div class="card"><h3>Eleanor Whitfield</h3><p>Age 58 · Santa Rosa, CA · '
        "(707) 555-0142</p></div>\n")


@pytest.fixture(scope="module")
def an() -> PageAnalyzer:
    return PageAnalyzer(load_profile(profile_path()), today=dt.date(2026, 11, 20))


@pytest.mark.parametrize(("html", "depth"), [
    ("<html><body><div><p>x</p><br><img src=a></div></body></html>", 4),
    ("<div>" * 50 + "</div>" * 50, 50),
    ("<div><p>unclosed<p>again</div>", 3),
])
def test_nesting_depth(html: str, depth: int) -> None:
    assert nesting_depth(html, 10_000) == depth


def test_a_page_nested_too_deep_is_not_checked(an: PageAnalyzer) -> None:
    deep = "<html><body>" + "<div>" * 5_000 + "Eleanor Whitfield, Santa Rosa" + "</div>" * 5_000
    assert parse_page("https://x.example/", deep).too_deep
    r = an.analyze_html("https://x.example/deep", deep)
    assert r.exposures == ()
    assert [s.reason for s in r.skipped] == [
        f"not checked: the page nests its elements deeper than {MAX_DEPTH} levels "
        "(no real page does; a hostile one may)"]


def test_a_page_over_its_time_budget_keeps_what_was_found(
    an: PageAnalyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    html = "<html><body>" + CARD * 40 + "</body></html>"
    full = an.analyze_html("https://x.example/p", html)
    assert full.exposures and not full.skipped
    monkeypatch.setattr(page_mod, "PAGE_SECONDS", -1.0)  # the budget is spent before any part
    cut = an.analyze_html("https://x.example/p", html)
    # the first part is always read (a slow machine may spend the budget on a 2 MB page's values
    # before any part is judged: the name at its top must not be lost), the rest is not checked
    assert cut.exposures and {(e.person, e.category) for e in cut.exposures} <= {
        (e.person, e.category) for e in full.exposures}
    assert len(cut.skipped) == 1 and "page not fully read" in cut.skipped[0].reason
    assert "39 of its 40 parts" in cut.skipped[0].reason, cut.skipped[0].reason
