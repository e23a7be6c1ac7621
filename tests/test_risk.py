"""The classifier: every row of the DESIGN §3 rubric, the rationale sentence, and the score."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from footprint import risk
from footprint.model import (
    Category,
    Exposure,
    Finding,
    PersonStatus,
    Remediation,
    Severity,
)
from footprint.profile import Profile, profile_from_dict

C, S = Category, Severity

PROFILE = {
    "audit": {"jurisdiction": "US-CA"},
    "consent": {"authorized_by": "Hon. Test", "authorized_on": "2026-11-20",
                "purpose": "self-audit", "statement": "I authorize this test audit of mine."},
    "subject": {
        "id": "judge", "name": "Jane Quinn Doe", "city": "Santa Rosa", "region": "CA",
        "phones": ["+1 707 555 0143"], "emails": ["janeqdoe@example.com"],
        "addresses": [{"label": "home", "street": "1180 Hidden Oak Lane", "city": "Santa Rosa",
                       "region": "CA", "postal_code": "95404"}],
    },
    "relatives": [
        {"id": "spouse", "relation": "spouse", "name": "Mark Doe", "consent": True,
         "employer": "Sonoma Valley Hospital"},
        {"id": "kid", "relation": "child", "name": "Amy Doe", "consent": True, "minor": True,
         "school": "Oakmont Elementary School"},
        {"id": "adult", "relation": "child", "name": "Tom Doe", "consent": True},
        {"id": "mom", "relation": "parent", "name": "Ruth Quinn", "consent": True,
         "addresses": [{"label": "home", "street": "19 Vine Hill Court", "city": "Sebastopol"}]},
        {"id": "sis", "relation": "sibling", "name": "Ann Doe", "consent": True},
    ],
    "probes": {"enabled": ["web"]},
}


@pytest.fixture(scope="module")
def profile() -> Profile:
    return profile_from_dict(PROFILE, Path("/nonexistent/profile.toml"))


def exp(person: str, cat: Category, source: str = "people-search", **attrs: str) -> Exposure:
    return Exposure(person=person, category=cat, url="https://example.org/p/1", value="x",
                    confidence=0.9, source=source, attrs=tuple(sorted(attrs.items())))


# One row per rubric rule of DESIGN.md §3, plus the boundaries that decide between two rows.
RUBRIC_CASES = [
    # critical
    ("judge", C.HOME_ADDRESS, {}, S.CRITICAL),
    ("spouse", C.HOME_ADDRESS, {}, S.CRITICAL),          # household member
    ("kid", C.HOME_ADDRESS, {}, S.CRITICAL),
    ("sis", C.HOME_ADDRESS, {}, S.CRITICAL),             # no own address: inherits the judge's home
    ("mom", C.HOME_ADDRESS, {}, S.HIGH),                 # lives elsewhere: not the judge's door
    ("kid", C.SCHOOL, {}, S.CRITICAL),                   # school of a minor
    ("adult", C.SCHOOL, {}, S.HIGH),
    ("judge", C.GEOLOCATION, {"distance_m": "120"}, S.CRITICAL),
    ("judge", C.GEOLOCATION, {"distance_m": "250"}, S.CRITICAL),
    ("judge", C.GEOLOCATION, {"distance_m": "251"}, S.HIGH),
    ("judge", C.GEOLOCATION, {}, S.HIGH),
    ("judge", C.GEOLOCATION, {"distance_m": "not a number"}, S.HIGH),
    # high
    ("judge", C.PHONE, {}, S.HIGH),
    ("spouse", C.PHONE, {}, S.HIGH),
    ("judge", C.PHONE, {"official": "1"}, S.LOW),
    ("judge", C.EMAIL, {}, S.HIGH),
    ("mom", C.EMAIL, {}, S.HIGH),
    ("judge", C.EMAIL, {"official": "1"}, S.LOW),
    ("judge", C.VEHICLE, {}, S.HIGH),
    ("spouse", C.VEHICLE, {}, S.HIGH),
    ("spouse", C.WORKPLACE, {}, S.HIGH),
    ("mom", C.WORKPLACE, {}, S.HIGH),
    ("judge", C.WORKPLACE, {}, S.LOW),                   # the court is public
    ("judge", C.BIRTH_DATE, {"full_date": "1"}, S.HIGH),
    ("judge", C.BIRTH_DATE, {}, S.MEDIUM),               # age or year only
    ("judge", C.BIRTH_DATE, {"full_date": "0"}, S.MEDIUM),
    ("kid", C.PHOTO, {}, S.HIGH),                        # photo of a minor
    ("judge", C.PHOTO, {"home_photo": "1"}, S.HIGH),     # photo of the home
    ("judge", C.PHOTO, {"official": "1"}, S.LOW),        # official portrait reposted
    ("judge", C.PHOTO, {}, S.MEDIUM),                    # adult outside official duties
    ("kid", C.RELATIVE, {}, S.HIGH),                     # names a minor child
    ("adult", C.RELATIVE, {"minor": "1"}, S.HIGH),       # the page says the child is a minor
    ("spouse", C.RELATIVE, {}, S.MEDIUM),
    ("mom", C.RELATIVE, {}, S.MEDIUM),
    # medium / low / info
    ("judge", C.ADDRESS, {}, S.MEDIUM),
    ("judge", C.ACCOUNT, {"personal": "1"}, S.MEDIUM),
    ("spouse", C.ACCOUNT, {"personal": "1"}, S.MEDIUM),
    ("judge", C.ACCOUNT, {}, S.LOW),
    ("judge", C.MENTION, {}, S.INFO),
    ("judge", C.MENTION, {"official": "1"}, S.INFO),
]


@pytest.mark.parametrize(("person", "cat", "attrs", "expected"), RUBRIC_CASES)
def test_rubric(profile: Profile, person: str, cat: Category, attrs: dict[str, str],
                expected: Severity) -> None:
    severity, rationale = risk.classify(exp(person, cat, **attrs), profile)
    assert severity is expected
    assert rationale and rationale[0].isupper() and rationale.endswith(".")
    assert len(re.findall(r"[.!?](\s|$)", rationale)) == 1, "one sentence"


def test_every_category_has_a_catch_all_row() -> None:
    for cat in Category:
        assert any(r.category is cat and r.when == "always" for r in risk.RUBRIC), cat


def test_every_rule_names_a_known_condition() -> None:
    for rule in risk.RUBRIC:
        assert rule.when in risk.CONDITIONS


@pytest.mark.parametrize(("person", "cat", "words"), [
    ("judge", C.HOME_ADDRESS, ["judge's current home address", "people-search site", "door"]),
    ("spouse", C.WORKPLACE, ["judge's spouse's employer"]),
    ("kid", C.SCHOOL, ["judge's minor child's school", "child of the judge"]),
    ("mom", C.HOME_ADDRESS, ["judge's parent's home address"]),
    ("kid", C.RELATIVE, ["names the judge's minor child"]),
])
def test_rationale_names_relation_and_why(profile: Profile, person: str, cat: Category,
                                          words: list[str]) -> None:
    _, rationale = risk.classify(exp(person, cat), profile)
    for w in words:
        assert w.lower() in rationale.lower()


def test_rationale_names_distance_and_source(profile: Profile) -> None:
    _, text = risk.classify(exp("judge", C.GEOLOCATION, source="social", distance_m="46"), profile)
    assert "46 m" in text and "social network" in text


def test_rationale_holds_no_personal_value(profile: Profile) -> None:
    secrets = ["Jane", "Doe", "Hidden Oak", "555", "janeqdoe", "Oakmont", "Sonoma Valley"]
    for person, cat, attrs, _ in RUBRIC_CASES:
        _, text = risk.classify(exp(person, cat, **attrs), profile)
        assert not any(s.lower() in text.lower() for s in secrets), text


def test_unknown_person_is_still_classified(profile: Profile) -> None:
    sev, text = risk.classify(exp("ghost", C.PHONE), profile)
    assert sev is S.HIGH and "relative" in text


# --- score ---------------------------------------------------------------------------------


def finding(person: str, cat: Category, sev: Severity, *, possible: bool = False,
            triage: str | None = None, n: int = 0) -> Finding:
    return Finding(id=f"{person}-{cat}-{sev}-{n}", person=person, category=cat, severity=sev,
                   confidence=0.3 if possible else 0.9, url=f"https://s{n}.example.org/",
                   source="people-search", probe="web", identifier=None, evidence="",
                   rationale="", remediation=Remediation(action="x"), possible_match=possible,
                   triage=triage)


PEOPLE = (
    PersonStatus("judge", "self", True, "consented", "J*** D**"),
    PersonStatus("kid", "child", True, "consented", "A** D**", minor=True),
    PersonStatus("spouse", "spouse", True, "consented", "M*** D**"),
    PersonStatus("son", "child", False, "did not consent: never searched for"),
)


def test_score_weights_and_drivers() -> None:
    fs = [finding("judge", C.HOME_ADDRESS, S.CRITICAL), finding("judge", C.PHONE, S.HIGH),
          finding("kid", C.SCHOOL, S.CRITICAL), finding("judge", C.MENTION, S.INFO)]
    sc = risk.score(fs, PEOPLE)
    judge = sc.for_person("judge")
    assert judge is not None
    assert judge.points == 40 + 15 + 0
    assert [d.category for d in judge.drivers] == [C.HOME_ADDRESS, C.PHONE, C.MENTION]
    assert judge.worst is S.CRITICAL
    assert sc.for_person("kid").points == 40
    assert sc.for_person("spouse").points == 0 and sc.for_person("spouse").worst is None
    assert sc.total == 95
    assert sc.for_person("son") is None, "a non-consenting relative gets no score"
    assert sc.people[0].person == "judge"
    assert "critical 40" in sc.method and "possible matches" in sc.method.lower()


def test_score_caps_copies_of_one_category() -> None:
    fs = [finding("judge", C.HOME_ADDRESS, S.CRITICAL, n=i) for i in range(10)]
    fs.append(finding("judge", C.HOME_ADDRESS, S.MEDIUM, n=99))
    d = risk.score(fs, PEOPLE).for_person("judge").drivers[0]
    assert d.raw_points == 10 * 40 + 5
    assert d.points == risk.CATEGORY_CAP * 40
    assert d.capped and "capped from 405" in d.explanation
    assert d.findings == 11


def test_score_leaves_out_possible_matches_and_not_me() -> None:
    fs = [finding("judge", C.HOME_ADDRESS, S.CRITICAL, possible=True),
          finding("judge", C.PHONE, S.HIGH, triage="not me"),
          finding("judge", C.EMAIL, S.HIGH, possible=True, triage="confirmed")]
    ps = risk.score(fs, PEOPLE).for_person("judge")
    assert ps.points == 15 and ps.counted == 1 and ps.not_counted == 2
    assert risk.counts(fs[2]) and not risk.counts(fs[0]) and not risk.counts(fs[1])


def test_score_orders_people_by_points() -> None:
    fs = [finding("kid", C.SCHOOL, S.CRITICAL), finding("judge", C.PHONE, S.HIGH)]
    sc = risk.score(fs, PEOPLE)
    assert [p.person for p in sc.people][:2] == ["kid", "judge"]
    assert sc.worst is S.CRITICAL
    assert sc.drivers[0].person == "kid"
