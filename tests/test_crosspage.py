"""Corroboration across the pages of one audit (rules photo_on_page and known_affiliation):
each case a table row of what lifts a possible match and what must not; and one account per
account (`one_account`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from footprint.analyze.corroborate import RULES
from footprint.analyze.crosspage import corroborate_across, one_account
from footprint.model import Category, Exposure, SourceKind
from footprint.profile import Profile, load_profile

FIXTURES = Path(__file__).parent / "fixtures" / "intl"
WEAK = ("name_reversed", "age_match", "weak_only")
ROW = "2 Whitfield, Sophie 14 Northside Aquatics-ST 2:09.48"
RESULTS = "https://www.meetresults.example/2026/event-24.html"


@pytest.fixture(scope="module")
def profile() -> Profile:
    return load_profile(FIXTURES / "us" / "profile.toml")


def exp(url: str, conf: float, rules: tuple[str, ...] = WEAK, context: str = ROW,
        category: Category = Category.BIRTH_DATE, person: str = "child",
        source: str = SourceKind.WEB.value, attrs: tuple[tuple[str, str], ...] = ()) -> Exposure:
    return Exposure(person, category, url, "14", conf, context=context, rules=rules,
                    source=source, attrs=attrs)


CLUB_PAGE = exp("https://www.northsideaquatics.example/groups/senior-prep", 0.9,
                ("name_first_last", "known_org"), "Sophie Whitfield, Brookside Middle School",
                Category.SCHOOL)
PHOTO = exp(RESULTS, 0.92, ("photo:phash",), "phash match", Category.PHOTO)


def lifted(profile: Profile, *exposures: Exposure) -> list[str]:
    out = corroborate_across(list(exposures), profile, 0.5)
    return [r for e in out if e.confidence >= 0.5 and "weak_only" not in e.rules
            for r in e.rules if r in ("photo_on_page", "known_affiliation", "family_photo")]


GRAM = "https://www.instagram.com/trailmom_tx/"
ACCOUNT = exp(GRAM, 0.4, ("name_only_cap", "own_account"), "trailmom_tx", Category.ACCOUNT,
              person="judge", source=SourceKind.SOCIAL.value)


CASES = [
    # (what, exposures, rule expected or None)
    ("club's own site confirmed: its name in the row", [CLUB_PAGE, exp(RESULTS, 0.4)],
     "known_affiliation"),
    ("her photo on the same page", [PHOTO, exp(RESULTS, 0.4)], "photo_on_page"),
    ("an adult's site teaches nothing (host names are often towns)", [
        exp(CLUB_PAGE.url, 0.9, ("name_first_last", "city"), "x", Category.SCHOOL,
            person="judge"),
        exp(RESULTS, 0.4, context="Eleanor Whitfield, 58, Northside Dolphins", person="judge")],
     None),
    ("a photo of her on another page only", [
        exp("https://other.example/", 0.92, ("photo:phash",), "", Category.PHOTO),
        exp(RESULTS, 0.4)], None),
    ("another person's club site", [
        exp(CLUB_PAGE.url, 0.9, ("name_first_last", "city"), "Eleanor", Category.SCHOOL,
            person="judge"), exp(RESULTS, 0.4)], None),
    ("a trade word only (Plano Aquatic)", [CLUB_PAGE, exp(RESULTS, 0.4, context=(
        "1 Whitfield, Sophie 14 Plano Aquatic-NT 2:07.30"))], None),
    ("a trade word only (Plano Aquatics)", [CLUB_PAGE, exp(RESULTS, 0.4, context=(
        "1 Whitfield, Sophie 14 Plano Aquatics-NT 2:07.30"))], None),
    ("a contradiction stays", [CLUB_PAGE, exp(RESULTS, 0.3, WEAK + ("contra_city",))], None),
    ("no weak evidence: name only", [CLUB_PAGE, exp(RESULTS, 0.3, ("name_full", "name_only_cap"))],
     None),
    ("a people-search listing is never lifted", [CLUB_PAGE, exp(
        RESULTS, 0.4, source=SourceKind.PEOPLE_SEARCH.value)], None),
    ("a broker's page teaches nothing", [
        exp("https://www.northsideaquatics.example/p/1", 0.9, ("known_phone",), "x",
            Category.PHONE, attrs=(("broker", "riptide"),)), exp(RESULTS, 0.4)], None),
    ("a social platform teaches nothing", [
        exp("https://www.instagram.com/northsidedolphins/", 0.9, ("name_username",), "x",
            Category.ACCOUNT, source=SourceKind.SOCIAL.value), exp(RESULTS, 0.4)], None),
    ("her account at her username shows her daughter's photo", [
        ACCOUNT, exp(GRAM, 0.92, ("photo:phash",), "phash match", Category.PHOTO)],
     "family_photo"),
    ("a stranger's account at her username: no family photo", [
        ACCOUNT, exp("https://www.instagram.com/other/", 0.92, ("photo:phash",), "",
                     Category.PHOTO)], None),
    ("a contradicted account stays", [
        exp(GRAM, 0.3, ("name_only_cap", "own_account", "contra_city"), "x", Category.ACCOUNT,
            person="judge"),
        exp(GRAM, 0.92, ("photo:phash",), "phash match", Category.PHOTO)], None),
    ("the page's own site name is no affiliation", [
        exp("https://www.dolphinsnews.example/a", 0.9, ("known_org",), "x", Category.SCHOOL),
        exp("https://www.dolphinsnews.example/b", 0.4, context="Dolphins News: Sophie Whitfield, 14")],
     None),
]


@pytest.mark.parametrize("what,exposures,rule", CASES, ids=[c[0] for c in CASES])
def test_crosspage_rules(profile: Profile, what: str, exposures: list[Exposure],
                         rule: str | None) -> None:
    assert lifted(profile, *exposures) == ([rule] if rule else [])


def test_lift_keeps_order_and_confirmed_untouched(profile: Profile) -> None:
    before = [CLUB_PAGE, exp(RESULTS, 0.4), PHOTO]
    after = corroborate_across(before, profile, 0.5)
    assert [e.url for e in after] == [e.url for e in before]
    assert after[0] == CLUB_PAGE and after[2] == PHOTO
    assert after[1].confidence > 0.5 and "weak_only" not in after[1].rules


def test_rules_are_listed() -> None:
    assert RULES["photo_on_page"].effect == "corroborates"
    assert RULES["known_affiliation"].effect == "corroborates"
    assert RULES["family_photo"].effect == "corroborates"


BLOG = "https://limestoneanna.wordpress.com/"


def acct(url: str, conf: float = 0.9, person: str = "spouse") -> Exposure:
    return exp(url, conf, ("name_username", "own_account"), "", Category.ACCOUNT, person,
               SourceKind.SOCIAL.value)


ACCOUNT_CASES = [
    # (what, exposures, account URLs kept)
    ("posts under the listed home page are that account",
     [acct(BLOG), acct(BLOG + "2026/04/18/rain-garden/"), acct(BLOG + "about/")], [BLOG]),
    ("without the home page each post stands for the account",
     [acct(BLOG + "2026/04/18/rain-garden/"), acct(BLOG + "about/")],
     [BLOG + "2026/04/18/rain-garden/", BLOG + "about/"]),
    ("a profile's posts under the profile",
     [acct("https://x.com/anna_w"), acct("https://x.com/anna_w/status/123")],
     ["https://x.com/anna_w"]),
    ("a possible match at the home teaches nothing",
     [acct(BLOG, 0.4), acct(BLOG + "about/")], [BLOG, BLOG + "about/"]),
    ("another person's home page on the host",
     [acct(BLOG, person="judge"), acct(BLOG + "about/")], [BLOG, BLOG + "about/"]),
    ("another account whose name starts the same",
     [acct("https://x.com/anna"), acct("https://x.com/anna_w")],
     ["https://x.com/anna", "https://x.com/anna_w"]),
]


@pytest.mark.parametrize("what,exposures,kept", ACCOUNT_CASES, ids=[c[0] for c in ACCOUNT_CASES])
def test_one_account(what: str, exposures: list[Exposure], kept: list[str]) -> None:
    assert [e.url for e in one_account(exposures, 0.5)] == kept


def test_one_account_keeps_the_posts_findings() -> None:
    geo = exp(BLOG + "2026/04/18/rain-garden/", 0.9, ("geotag",), "", Category.GEOLOCATION,
              "spouse")
    out = one_account([acct(BLOG), acct(geo.url), geo], 0.5)
    assert out == [acct(BLOG), geo]
