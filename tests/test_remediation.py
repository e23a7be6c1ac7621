"""Remediation: the playbook (data, most specific row wins), the brokers catalog (one action per
parent company), the legal basis per jurisdiction, and family advice."""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from footprint import remediation
from footprint.model import Category, Exposure, SourceKind
from footprint.profile import Profile, profile_from_dict

C = Category


def make_profile(jurisdiction: str = "US-CA", court: str | None = "Superior Court of California",
                 **subject: Any) -> Profile:
    return profile_from_dict({
        "audit": {"jurisdiction": jurisdiction},
        "consent": {"authorized_by": "Hon. Test", "authorized_on": "2026-11-20",
                    "purpose": "self-audit", "statement": "I authorize this test audit of mine."},
        "subject": {"id": "judge", "name": "Jane Quinn Doe", "court": court,
                    "addresses": [{"street": "1180 Hidden Oak Lane", "city": "Santa Rosa"}],
                    **subject},
        "relatives": [
            {"id": "spouse", "relation": "spouse", "name": "Mark Doe", "consent": True},
            {"id": "kid", "relation": "child", "name": "Amy Doe", "consent": True, "minor": True},
            {"id": "mom", "relation": "parent", "name": "Ruth Quinn", "consent": True,
             "addresses": [{"street": "19 Vine Hill Court", "city": "Sebastopol"}]},
        ],
        "probes": {"enabled": ["web"]},
    }, Path("/nonexistent/profile.toml"))


def exp(cat: Category, source: str, url: str = "https://site.example.org/p/1",
        person: str = "judge") -> Exposure:
    return Exposure(person=person, category=cat, url=url, value="v", confidence=0.9, source=source)


@pytest.fixture
def no_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    """The brokers catalog is not installed: importing it fails."""
    monkeypatch.setitem(sys.modules, "probes.catalog", None)


@dataclass(frozen=True)
class FakeBroker:
    id: str
    name: str
    parent: str | None
    opt_out_url: str | None
    requires: tuple[str, ...]
    expected_time: str | None
    recheck_days: int | None
    priority: int
    notes: str
    steps: tuple[str, ...]


FAKE = {
    "a-people.example": FakeBroker("a", "A People", "PeopleCo", "https://a-people.example/optout",
                                   ("email",), "72 hours", 30, 1, "", ("Open the opt-out page.",)),
    "b-people.example": FakeBroker("b", "B People", "PeopleCo", "https://a-people.example/optout",
                                   ("email",), "72 hours", 30, 2, "", ("Open the opt-out page.",)),
    "solo.example": FakeBroker("solo", "Solo", None, None, ("letter",), None, None, 3, "Slow.", ()),
}


@pytest.fixture
def fake_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    from urllib.parse import urlsplit

    mod = types.ModuleType("probes.catalog")
    mod.broker_for_url = lambda url: FAKE.get(urlsplit(url).hostname or "")  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "probes.catalog", mod)


# --- the playbook ------------------------------------------------------------------------------


def test_playbook_is_data_with_a_row_for_every_source_kind() -> None:
    pb = remediation.load_playbook()
    data = tomllib.loads(remediation.PLAYBOOK_PATH.read_text(encoding="utf-8"))
    assert len(pb.actions) == len(data["action"])
    for kind in SourceKind:
        for cat in Category:
            row = pb.action_for(kind.value, cat.value)
            assert row.action
    covered = {a.source for a in pb.actions}
    assert {k.value for k in SourceKind} - {"*"} <= covered | {"*"}
    for kind in SourceKind:
        assert any(a.source == kind.value for a in pb.actions), f"no row for {kind.value}"


@pytest.mark.parametrize(("source", "cat", "words"), [
    ("people-search", C.HOME_ADDRESS, "people-search site"),
    ("public-record", C.HOME_ADDRESS, "records office"),
    ("public-record", C.PHONE, "records office"),
    ("social", C.ACCOUNT, "private"),
    ("social", C.PHOTO, "Delete the photo"),
    ("social", C.PHONE, "Delete or edit the post"),
    ("news", C.HOME_ADDRESS, "editor"),
    ("school", C.SCHOOL, "school"),
    ("employer", C.WORKPLACE, "HR"),
    ("government", C.HOME_ADDRESS, "agency"),
    ("government", C.PHOTO, "official material"),
    ("forum", C.VEHICLE, "moderators"),
    ("blog", C.PHOTO, "author"),
    ("search-engine", C.PHONE, "search engine"),
    ("web", C.EMAIL, "site owner"),
    ("web", C.MENTION, "No action needed"),
])
def test_most_specific_row_wins(source: str, cat: Category, words: str) -> None:
    assert words.lower() in remediation.load_playbook().action_for(source, cat.value).action.lower()


def test_generic_people_search_action_without_catalog(no_catalog: None) -> None:
    r = remediation.for_exposure(exp(C.HOME_ADDRESS, "people-search",
                                     "https://www.unknown-people.example/p/9"), make_profile())
    assert "opt-out" in r.action
    assert r.group == "unknown-people.example"
    assert r.recheck_days == 30
    assert any("Results about you" in s for s in r.steps)


def test_catalog_broker_gives_site_action_and_parent_group(fake_catalog: None) -> None:
    prof = make_profile()
    a = remediation.for_exposure(exp(C.HOME_ADDRESS, "people-search", "https://a-people.example/x"), prof)
    b = remediation.for_exposure(exp(C.PHONE, "people-search", "https://b-people.example/y"), prof)
    assert a.group == b.group == "PeopleCo"
    assert a.opt_out_url == "https://a-people.example/optout"
    assert a.requires == ("email",) and a.expected_time == "72 hours" and a.recheck_days == 30
    assert "A People" in a.action and "PeopleCo runs several sites" in a.action
    assert a.steps[0] == "Open the opt-out page."
    solo = remediation.for_exposure(exp(C.HOME_ADDRESS, "people-search", "https://solo.example/z"), prof)
    assert solo.group == "Solo" and solo.opt_out_url is None and "no self-service" in solo.action
    assert any("Slow." in s for s in solo.steps)
    # a recheck interval and a time always come from somewhere: the playbook fills the gaps
    assert solo.recheck_days == 30 and solo.expected_time


def test_catalog_errors_fall_back(monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    from footprint.errors import FootprintError

    def broken(url: str) -> None:
        raise FootprintError("catalog: bad file")

    mod = types.ModuleType("probes.catalog")
    mod.broker_for_url = broken  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "probes.catalog", mod)
    r = remediation.for_exposure(exp(C.PHONE, "people-search", "https://x.example/1"), make_profile())
    assert r.group == "x.example" and r.action


def test_real_catalog_when_installed() -> None:
    catalog = pytest.importorskip("probes.catalog")
    url = "https://www.spokeo.com/Jane-Doe/California/Santa-Rosa"
    broker = catalog.broker_for_url(url)
    if broker is None:
        pytest.skip("the brokers catalog does not list spokeo.com")
    r = remediation.for_exposure(exp(C.HOME_ADDRESS, "people-search", url), make_profile())
    assert r.group == (broker.parent or broker.name)
    assert r.opt_out_url == broker.opt_out_url


def test_group_is_the_host_not_the_registrable_domain(no_catalog: None) -> None:
    prof = make_profile()
    a = remediation.for_exposure(exp(C.SCHOOL, "school", "https://brookside.example.org/n", "kid"), prof)
    b = remediation.for_exposure(exp(C.WORKPLACE, "employer", "https://www.hospital.example.org/s",
                                     "spouse"), prof)
    assert a.group == "brookside.example.org" and b.group == "hospital.example.org"


def test_search_engine_step_only_where_google_removes(no_catalog: None) -> None:
    prof = make_profile()
    web = remediation.for_exposure(exp(C.PHONE, "web"), prof)
    news = remediation.for_exposure(exp(C.HOME_ADDRESS, "news"), prof)
    photo = remediation.for_exposure(exp(C.PHOTO, "web"), prof)
    assert any("Results about you" in s for s in web.steps)
    assert not any("Results about you" in s for s in news.steps), "Google won't remove news pages"
    assert not any("Results about you" in s for s in photo.steps)
    se = remediation.for_exposure(exp(C.PHONE, "search-engine"), prof)
    assert se.group == "Google Search" and se.opt_out_url and "results-about-you" in se.opt_out_url


# --- legal basis by jurisdiction ------------------------------------------------------------------

FEDERAL = "United States District Court for the District of New Jersey"


@pytest.mark.parametrize(("juris", "court", "cat", "source", "person", "expect", "absent"), [
    ("US-CA", "Superior Court of California", C.HOME_ADDRESS, "people-search", "judge",
     ["§7928.205"], ["Anderl"]),
    ("US-CA", "Superior Court of California", C.HOME_ADDRESS, "people-search", "spouse",
     ["§7928.205"], []),
    ("US-CA", "Superior Court of California", C.HOME_ADDRESS, "people-search", "mom", [],
     ["§7928.205"]),                                       # CA protects resident spouse/children
    ("US-CA", "Superior Court of California", C.EMAIL, "people-search", "judge", [], ["§7928.205"]),
    ("US-NJ", "Superior Court of New Jersey", C.PHONE, "people-search", "judge",
     ["56:8-166.1", "10 business days"], ["Anderl"]),
    ("US-NJ", FEDERAL, C.HOME_ADDRESS, "people-search", "judge", ["Anderl", "72 hours", "56:8-166.1"], []),
    ("US-NJ", FEDERAL, C.HOME_ADDRESS, "people-search", "mom", ["Anderl"], []),  # immediate family
    ("US", None, C.VEHICLE, "web", "judge", ["Anderl"], []),
    ("US-CA", "U.S. Court of Appeals for the Ninth Circuit", C.SCHOOL, "school", "kid", ["Anderl"], []),
    ("US-FL", "Circuit Court", C.HOME_ADDRESS, "public-record", "judge", ["119.071(4)(d)"], []),
    ("US-FL", "Circuit Court", C.HOME_ADDRESS, "people-search", "judge", [], ["119.071"]),
    ("US-TX", "District Court", C.HOME_ADDRESS, "public-record", "judge", ["25.025", "50-284"], []),
    ("US-MD", "Circuit Court", C.PHONE, "people-search", "judge", ["Wilkinson", "72 hours"], []),
    ("GB", "Crown Court", C.PHONE, "people-search", "judge", ["UK GDPR", "one month"], ["Regulation (EU) 2016/679, Art. 17 (answer"]),
    ("CZ", "Okresní soud", C.HOME_ADDRESS, "public-record", "judge", ["GDPR Article 17", "katastr"], ["UK GDPR"]),
    ("DE", "Amtsgericht", C.EMAIL, "web", "spouse", ["GDPR Article 17"], []),
    ("JP", "District Court", C.HOME_ADDRESS, "people-search", "judge", [], ["GDPR", "Anderl"]),
])
def test_legal_basis_by_jurisdiction(no_catalog: None, juris: str, court: str | None,
                                     cat: Category, source: str, person: str,
                                     expect: list[str], absent: list[str]) -> None:
    r = remediation.for_exposure(exp(cat, source, person=person), make_profile(juris, court))
    text = r.legal_basis or ""
    for e in expect:
        assert e in text, text
    for a in absent:
        assert a not in text, text
    if expect:
        assert any("letter" in s for s in r.steps)


def test_legal_data_cites_sources() -> None:
    legal = remediation.load_legal()
    assert {"anderl", "nj-daniels-law", "ca-7928", "fl-119", "tx-25025", "md-wilkinson", "gdpr-17",
            "uk-gdpr-17", "cz-katastr", "google-results-about-you"} <= {b.id for b in legal.bases}
    for b in legal.bases:
        assert b.refs, f"{b.id} cites no source"
        assert b.deadline
    anderl = legal.by_id("anderl")
    assert anderl is not None and anderl.deadline == "72 hours" and anderl.federal_only
    assert any("contact" in r for r in anderl.requirements)
    gdpr = legal.by_id("gdpr-17")
    assert gdpr is not None and "one month" in gdpr.deadline and "two" in gdpr.deadline


@pytest.mark.parametrize(("court", "federal"), [
    ("United States District Court for the Northern District of California", True),
    ("U.S. Bankruptcy Court, District of Delaware", True),
    ("Superior Court of California, County of Sonoma", False),
    (None, False),
])
def test_federal_court_detection(court: str | None, federal: bool) -> None:
    assert remediation.load_legal().is_federal(court) is federal


def test_custom_playbook_replaces_the_builtin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              no_catalog: None) -> None:
    p = tmp_path / "playbook.toml"
    p.write_text('[[action]]\nsource = "*"\ncategories = ["*"]\naction = "Call the court\'s '
                 'security office."\nrecheck_days = 7\n', encoding="utf-8")
    monkeypatch.setenv("FOOTPRINT_PLAYBOOK", str(p))
    r = remediation.for_exposure(exp(C.PHONE, "web"), make_profile())
    assert r.action == "Call the court's security office." and r.recheck_days == 7


@pytest.mark.parametrize("bad", [
    '[[action]]\nsource = "nowhere"\ncategories = ["*"]\naction = "x"\n',
    '[[action]]\nsource = "web"\ncategories = ["nope"]\naction = "x"\n',
    '[[action]]\nsource = "web"\ncategories = ["*"]\n',
    '[[action]]\nsource = "web"\ncategories = ["phone"]\naction = "x"\n',  # no catch-all
    "not toml [",
])
def test_bad_playbook_is_one_clear_error(tmp_path: Path, bad: str) -> None:
    p = tmp_path / "playbook.toml"
    p.write_text(bad, encoding="utf-8")
    with pytest.raises(remediation.PlaybookError) as e:
        remediation.load_playbook(p)
    assert str(p) in str(e.value)


# --- family advice ---------------------------------------------------------------------------


@pytest.mark.parametrize(("relation", "minor", "word"), [
    ("self", False, "unpublished"),
    ("spouse", False, "employer"),
    ("child", True, "school"),
    ("child", True, "FERPA"),
    ("child", False, "surname"),
    ("parent", False, "relatives"),
    ("sibling", False, "relative"),
    ("other", False, "home address"),
    ("cousin", False, "home address"),
])
def test_family_advice(relation: str, minor: bool, word: str) -> None:
    adv = remediation.family_advice(relation, minor)
    assert adv is not None and adv.advice
    assert any(word.lower() in line.lower() for line in adv.advice)
