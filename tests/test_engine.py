"""The engine: consent enforcement, faults become coverage, resume gives the same findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from footprint.engine import Auditor, WebAccess
from footprint.errors import BlockedError, FetchError, FootprintError, ProbeError
from footprint.model import Query
from footprint.profile import Profile
from footprint.store import open_store
from tests.conftest import FakeAnalyzer, FakeFetcher, FakeProbe, FakeSearch

PAGES = {
    "https://a.example/1": "judge|home_address|12 Elm Street|0.9\njudge|phone|+17075550100|0.9",
    "https://a.example/2": "spouse|workplace|Acme Corp|0.8",
    "https://b.example/3": "judge|address|9 Oak Road|0.3",
    "https://b.example/4": "judge|email|ann@example.com|0.95",
    "https://c.example/5": "spouse|relative|Ann Example|0.7",
}
SEARCH = {
    "judge": ["https://a.example/1", "https://b.example/3", "https://b.example/4", "https://blocked.example/"],
    "spouse": ["https://a.example/2", "https://c.example/5", "https://a.example/1", "https://down.example/"],
}


def make(profile: Profile, home: Path, fetcher: FakeFetcher | None = None, search: FakeSearch | None = None,
         probe: type = FakeProbe) -> tuple[Auditor, FakeSearch, FakeFetcher]:
    fetcher = fetcher or FakeFetcher(dict(PAGES, **{
        "https://blocked.example/": BlockedError("https://blocked.example/", "blocked: HTTP 429 rate limited", 429),
        "https://down.example/": FetchError("https://down.example/", "timeout"),
    }))
    search = search or FakeSearch(SEARCH)
    store = open_store(home)
    aud = Auditor(profile, WebAccess(fetcher=fetcher, search=search), store,
                  probe_classes={"fake": probe}, analyzer=FakeAnalyzer())  # type: ignore[arg-type]
    return aud, search, fetcher


def test_audit_finds_classifies_and_reports_faults(profile: Profile, footprint_home: Path) -> None:
    aud, search, fetcher = make(profile, footprint_home)
    res = aud.run()
    # the non-consenting child was never searched for
    assert search.calls == ["judge", "spouse"]
    cats = {(f.person, f.category.value) for f in res.findings}
    assert ("judge", "home_address") in cats and ("spouse", "workplace") in cats
    home = next(f for f in res.findings if f.category.value == "home_address")
    assert home.severity.value == "critical" and home.rationale
    assert "12 Elm Street" not in home.evidence  # masked
    low = next(f for f in res.findings if f.category.value == "address")
    assert low.possible_match  # 0.3 < threshold 0.5: kept for review, not dropped
    # a page found by two people's queries is fetched once
    assert fetcher.fetched.count("https://a.example/1") == 1
    reasons = {s.source: s.reason for s in res.skipped}
    assert reasons["https://blocked.example/"].startswith("blocked")
    assert reasons["https://down.example/"] == "timeout"
    people = {p.id: p for p in res.people}
    assert people["kid"].audited is False and "consent" in people["kid"].reason
    assert res.findings[0].severity.value == "critical"  # sorted most urgent first


def test_failed_query_is_listed_not_silent(profile: Profile, footprint_home: Path) -> None:
    class Failing(FakeSearch):
        def search(self, query, **kw):  # type: ignore[no-untyped-def]
            if query == "spouse":
                raise ProbeError("search:ddgs", "no results after 3 tries (possible blocking)")
            return super().search(query, **kw)

    aud, _, _ = make(profile, footprint_home, search=Failing(SEARCH))
    res = aud.run()
    failed = [s for s in res.skipped if "possible blocking" in s.reason]
    assert failed and failed[0].person == "spouse"
    assert "Bob" not in failed[0].source  # the query text (a name) is not in the report source
    assert any(f.person == "judge" for f in res.findings)


def test_probe_cannot_plan_for_non_consenting_person(profile: Profile, footprint_home: Path) -> None:
    class Sneaky(FakeProbe):
        def plan(self) -> list[Query]:
            return [Query(person="kid", identifier="name", text="kid", probe="fake")]

    aud, _, _ = make(profile, footprint_home, probe=Sneaky)
    with pytest.raises(FootprintError, match="not audited"):
        aud.run()


def test_exposure_about_non_consenting_person_is_dropped(profile: Profile, footprint_home: Path) -> None:
    pages = dict(PAGES)
    pages["https://a.example/1"] += "\nkid|school|Elm School|0.99"
    aud, _, _ = make(profile, footprint_home, fetcher=FakeFetcher(pages))
    res = aud.run()
    assert all(f.person != "kid" for f in res.findings)


class Interrupting(FakeFetcher):
    def __init__(self, pages: dict[str, object], after: int) -> None:
        super().__init__(pages)
        self.after = after

    def fetch(self, url: str):  # type: ignore[no-untyped-def]
        if len(self.fetched) >= self.after:
            raise KeyboardInterrupt
        return super().fetch(url)


def _key(res):  # type: ignore[no-untyped-def]
    # ids and fingerprints are keyed per installation, so compare what they are made of
    return sorted((f.person, f.category.value, f.url, f.severity.value, f.evidence, f.possible_match)
                  for f in res.findings)


def test_interrupted_audit_resumes_to_the_same_findings(profile: Profile, tmp_path: Path) -> None:
    straight, _, _ = make(profile, tmp_path / "a")
    expected = _key(straight.run())

    home = tmp_path / "b"
    first, _, _ = make(profile, home, fetcher=Interrupting(PAGES, after=2))
    first.profile.network.__class__  # noqa: B018 - touch to keep the profile shared
    with pytest.raises(KeyboardInterrupt):
        first.run()
    first.store.close()
    assert first.household is not None
    with open_store(home) as store:
        row = store.resumable(first.household.key)
        assert row is not None and row.status == "interrupted"
        queries, pages = store.count_units(row.id)
        assert queries == 2 and pages >= 1
    fetcher = FakeFetcher(PAGES)
    second, search, _ = make(profile, home, fetcher=fetcher)
    res = second.run(resume=True)
    assert res.id == row.id
    assert search.calls == []  # searches already done are not repeated
    assert _key(res) == expected
    # pages examined before the interruption were not fetched again
    assert len(fetcher.fetched) < 6


def test_resume_without_interrupted_audit_is_an_error(profile: Profile, footprint_home: Path) -> None:
    aud, _, _ = make(profile, footprint_home)
    with pytest.raises(FootprintError, match="no interrupted audit"):
        aud.run(resume=True)


def test_second_audit_marks_still_present_and_gone(profile: Profile, footprint_home: Path) -> None:
    first, _, _ = make(profile, footprint_home)
    r1 = first.run()
    assert {f.status for f in r1.findings} == {"new"}
    pages = dict(PAGES)
    del pages["https://b.example/4"]
    second, _, _ = make(profile, footprint_home, fetcher=FakeFetcher(pages))
    r2 = second.run()
    assert {f.status for f in r2.findings} == {"still present"}
    assert [g.category.value for g in r2.gone] == ["email"]
    assert r2.previous_audit == r1.id


def test_a_persons_searches_stay_within_the_budget(profile: Profile, footprint_home: Path) -> None:
    """A web plan and other probes' searches beyond the budget (the plan's bound and a few
    for leads): the web plan's last, least precise queries are left out."""
    class Wide(FakeProbe):
        name = "web"

        def plan(self) -> list[Query]:
            return [Query(person="judge", identifier=f"q{i}", text=f"judge {i}", probe=self.name)
                    for i in range(40)]

    aud, search, _ = make(profile, footprint_home, probe=Wide)
    aud.probe_classes = {"web": Wide}
    res = aud.run()
    budget = profile.audit.max_queries_per_person + 6
    assert dict(res.searches_by_person)["judge"] == budget
    assert search.calls == [f"judge {i}" for i in range(budget)]  # the first, most precise


def test_a_lead_past_the_search_budget_is_not_checked() -> None:
    from footprint.engine import GuardedSearch, NetworkBreaker

    s = GuardedSearch(FakeSearch({"q": []}), NetworkBreaker(), budget=3)
    s.planned = {"judge": 2}
    s.person = "judge"
    s.search("q")  # the third search: within the budget
    with pytest.raises(ProbeError) as e:
        s.search("q")
    assert "not checked" in e.value.reason and s.counts == {"judge": 1}
    s.person = None
    s.search("q")  # the plan's own searches are bounded where they are planned
