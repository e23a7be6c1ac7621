"""Masking of values, snippets, URLs and evidence: what stays readable, and that no full value
leaks in any of the formats pages print them in."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from footprint import masking
from footprint.masking import mask_name, mask_text, mask_url, mask_value
from footprint.model import Category, Exposure
from footprint.profile import profile_from_dict

C = Category

VALUE_CASES = [
    (C.HOME_ADDRESS, "1180 Hidden Oak Lane, Santa Rosa, CA 95404", "1*** H***** O** Ln, Santa Rosa, CA 954**"),
    (C.HOME_ADDRESS, "1180 Hidden Oak Lane Santa Rosa CA 95404", "1*** H***** O** Ln Santa Rosa CA 954**"),
    (C.HOME_ADDRESS, "1180 HIDDEN OAK LN", "1*** H***** O** Ln"),
    (C.ADDRESS, "88 Quarry Road, Apt 4B, Petaluma, CA 94952", "8* Q***** Rd, Apt **, Petaluma, CA 949**"),
    (C.ADDRESS, "12 N Main St #5, Bend, OR", "1* N M*** St #*, Bend, OR"),
    (C.ADDRESS, "Vinohradská 1234/56, 120 00 Praha 2", "V********** 1***/5*, 1** 0* Praha 2"),
    (C.PHONE, "+1 707 555 0143", "+1 707 ***-**43"),
    (C.PHONE, "(707) 555-0143", "+1 707 ***-**43"),
    (C.PHONE, "707.555.0143", "+1 707 ***-**43"),
    (C.PHONE, "+44 20 7946 0958", "+44 20******58"),
    (C.PHONE, "+420 601 234 567", "+420 60*****67"),
    (C.EMAIL, "janeqdoe@example.com", "j******@example.com"),
    (C.EMAIL, "Jane.Doe@gmail.com", "J******@gmail.com"),
    (C.EMAIL, "jane@doe-family.org", "j******@d*****.org"),
    (C.RELATIVE, "Jane Doe", "J*** D**"),
    (C.RELATIVE, "Hon. Jane Q. Doe", "Hon. J*** Q. D**"),
    (C.RELATIVE, "Mary Smith-Jones", "M*** S****-J****"),
    (C.MENTION, "Řezníčková Jana", "Ř********* J***"),
    (C.BIRTH_DATE, "1968-03-14", "1968-**-**"),
    (C.BIRTH_DATE, "03/14/1968", "**/**/1968"),
    (C.BIRTH_DATE, "March 14, 1968", "** *** 1968"),
    (C.BIRTH_DATE, "14 March 1968", "** *** 1968"),
    (C.BIRTH_DATE, "Age 57", "Age 57"),
    (C.GEOLOCATION, "38.4721, -122.6690", "38.4**, -122.6**"),
    (C.VEHICLE, "grey 2019 Subaru Outback, plate 8KXR214", "grey 2019 Subaru Outback, plate 8*****4"),
    (C.SCHOOL, "Brookside Middle School", "B******** Middle School"),
    (C.WORKPLACE, "Sonoma Valley Hospital", "S***** V***** Hospital"),
    (C.ACCOUNT, "@jqdoe71", "@j******"),
    (C.ACCOUNT, "https://www.instagram.com/dwhitfield.outdoors/", "https://www.instagram.com/d******************/"),
]


@pytest.mark.parametrize(("cat", "value", "expected"), VALUE_CASES)
def test_mask_value(cat: Category, value: str, expected: str) -> None:
    assert mask_value(cat, value) == expected


def test_mask_name_matches_people_table_format() -> None:
    assert mask_name("Jane Q. Doe") == "J*** Q. D**"
    assert mask_name("Jane Quinn Doe") == "J*** Q**** D**"


SECRETS = ["Eleanor Ruth Whitfield", "Eleanor Whitfield", "+17075550142",
           "eleanor.whitfield@example.net", "ewhitfield68", "2417 Alderbrook Drive",
           "Brookside Middle School", "Řezníčková"]

TEXT_CASES = [
    # (snippet, fragments that must be gone, fragments that must stay)
    ("Eleanor R Whitfield, 57, Santa Rosa", ["Eleanor", "Whitfield"], ["57", "Santa Rosa"]),
    ("WHITFIELD ELEANOR R", ["WHITFIELD", "ELEANOR"], []),
    ("eleanor-whitfield", ["eleanor", "whitfield"], []),
    ("Phone (707) 555-0142 home", ["555-0142", "5550142"], ["home", "(707)"]),
    ("call 707.555.0142 or +1 707 555 0142", ["555.0142", "555 0142"], []),
    ("7075550142", ["7075550142"], []),
    ("Mail eleanor.whitfield@example.net now", ["eleanor.whitfield"], ["example.net"]),
    ("Any mail a.stranger@corp.example", ["a.stranger"], []),
    ("lives at 2417 Alderbrook Dr, Santa Rosa", ["2417", "Alderbrook"], ["Santa Rosa"]),
    ("lives at 2417 ALDERBROOK DRIVE", ["2417", "ALDERBROOK"], []),
    ("also 55 Elm Street and 9 Cedar Ct", ["55 Elm", "9 Cedar"], ["St and", "Ct"]),
    ("Pupil at Brookside Middle School", ["Brookside"], ["Middle School"]),
    ("user ewhitfield68 runs", ["ewhitfield68"], ["runs"]),
    ("born 1968-03-14 in Ohio", ["03-14"], ["1968", "Ohio"]),
    ("born March 14, 1968", ["March 14"], ["1968"]),
    ("GPS 38.4485,-122.6859", ["4485", "6859"], ["38.4", "-122.6"]),
    ("paní Řezníčkovou a pana Řezníčka", ["Řezníčkovou"], ["paní"]),
    ("served 2019-2024 on the bench", [], ["2019-2024"]),
    ("Eleanorová", ["Eleanorová"], []),
]


@pytest.mark.parametrize(("text", "gone", "kept"), TEXT_CASES)
def test_mask_text(text: str, gone: list[str], kept: list[str]) -> None:
    out = mask_text(text, SECRETS)
    for g in gone:
        assert g.lower() not in out.lower(), out
    for k in kept:
        assert k in out, out


def test_mask_text_leaves_plain_text_alone() -> None:
    text = "The court meets on Tuesdays in Department 14."
    assert mask_text(text, SECRETS) == text


@pytest.mark.parametrize(("url", "gone", "kept"), [
    ("https://www.spokeo.com/Eleanor-Whitfield/California/Santa-Rosa", ["Eleanor", "Whitfield"],
     ["https://www.spokeo.com/", "/California/Santa-Rosa"]),
    ("https://www.fastpeoplesearch.com/707-555-0142", ["555-0142"], ["fastpeoplesearch.com/707-"]),
    ("https://thatsthem.com/phone/7075550142", ["7075550142"], ["thatsthem.com/phone/"]),
    ("https://www.fastpeoplesearch.com/name/eleanor-whitfield_santa-rosa-ca", ["eleanor", "whitfield"],
     ["_santa-rosa-ca"]),
    ("https://eleanorwhitfield.com/about?u=ewhitfield68", ["eleanorwhitfield", "ewhitfield68"], [".com/about?u="]),
    ("https://www.truepeoplesearch.com/find/person/px8u2k", [], ["px8u2k"]),
    ("https://www.example.org/p/1234567890", [], ["1234567890"]),
    ("https://sonoma-assessor.example.gov/x", [], ["example.gov"]),
    ("https://www.spokeo.com/Eleanor%20Whitfield", ["Eleanor", "Whitfield"], ["spokeo.com"]),
])
def test_mask_url(url: str, gone: list[str], kept: list[str]) -> None:
    out = mask_url(url, SECRETS)
    for g in gone:
        assert g.lower() not in out.lower(), out
    for k in kept:
        assert k in out, out


def test_evidence_masks_value_and_every_profile_value_in_context() -> None:
    prof = profile_from_dict({
        "consent": {"authorized_by": "X Y", "authorized_on": "2026-01-01", "purpose": "self-audit",
                    "statement": "I authorize this audit of myself."},
        "subject": {"id": "judge", "name": "Jane Quinn Doe", "phones": ["+1 707 555 0143"],
                    "addresses": [{"street": "1180 Hidden Oak Lane", "city": "Santa Rosa"}]},
        "relatives": [{"id": "spouse", "relation": "spouse", "name": "Mark Doe", "consent": True}],
        "probes": {"enabled": ["web"]},
    }, Path("/nonexistent/p.toml"))
    e = Exposure(person="judge", category=C.HOME_ADDRESS, url="https://x.example/",
                 value="1180 Hidden Oak Ln, Santa Rosa",
                 context="Jane Q Doe\n\n lives at 1180 Hidden Oak Lane with Mark Doe; (707) 555-0143",
                 confidence=0.9)
    ev = masking.evidence(e, prof)
    assert ev.startswith("1*** H***** O** Ln, Santa Rosa — “")
    for secret in ("Jane", "Doe", "Mark", "Hidden", "1180", "555-0143"):
        assert secret not in ev, ev
    assert "\n" not in ev


def test_evidence_snippet_is_bounded() -> None:
    prof = profile_from_dict({
        "consent": {"authorized_by": "X Y", "authorized_on": "2026-01-01", "purpose": "self-audit",
                    "statement": "I authorize this audit of myself."},
        "subject": {"id": "judge", "name": "Jane Doe"}, "probes": {"enabled": ["web"]},
    }, Path("/nonexistent/p.toml"))
    e = Exposure(person="judge", category=C.MENTION, url="u", value="Jane Doe",
                 context="word " * 500 + "\x00\x07", confidence=0.9)
    ev = masking.evidence(e, prof)
    assert len(ev) < masking.SNIPPET_MAX + 40 and "\x00" not in ev and ev.endswith("…”")


@given(st.from_regex(r"[2-9]\d{2}[2-9]\d{6}", fullmatch=True),
       st.sampled_from(["{a}-{b}-{c}", "({a}) {b}-{c}", "{a}.{b}.{c}", "+1 {a} {b} {c}", "{a}{b}{c}"]))
def test_no_phone_format_leaks(digits: str, fmt: str) -> None:
    a, b, c = digits[:3], digits[3:6], digits[6:]
    text = f"call {fmt.format(a=a, b=b, c=c)} today"
    for out in (mask_text(text, []), mask_text(text, ["+1" + digits])):
        assert re.sub(r"\D", "", out).find(b + c) == -1, out
        assert c not in out, out


@given(st.from_regex(r"[a-z][a-z0-9._]{3,20}", fullmatch=True))
def test_no_email_local_part_leaks(local: str) -> None:
    out = mask_text(f"write to {local}@mail.example.org please", [])
    assert local not in out


# --- issue 13: street words, half words, names glued into URLs, linear cost, one view ---------------


@pytest.mark.parametrize(("value", "expected"), [
    ("19 Vine Hill Court, Sebastopol, CA 95472", "1* V*** H*** Ct, Sebastopol, CA 954**"),
    ("19 Vine Hill Ct", "1* V*** H*** Ct"),
    ("7 Park Lane Road", "7 P*** L*** Rd"),
    ("5 Court Street", "5 C**** St"),
    ("12 N Main St #5, Bend, OR", "1* N M*** St #*, Bend, OR"),
])
def test_every_word_of_a_street_name_is_masked(value: str, expected: str) -> None:
    """Only the last street-type word is the street's type; a "Hill" or a "Lane" before it is
    part of the name, and masked ("1* V*** Hill Ct" gave the street away)."""
    assert mask_value(C.HOME_ADDRESS, value) == expected


@pytest.mark.parametrize("text", [
    "she lives at 19 Vine Hill Court in Sebastopol",
    "she lives at 19 VINE HILL CT",
])
def test_street_in_text_masks_every_name_word(text: str) -> None:
    out = mask_text(text, [])
    assert "Vine" not in out and "VINE" not in out and "Hill" not in out and "HILL" not in out, out


def test_house_number_goes_with_a_listed_street_word() -> None:
    out = mask_text("Address: 14 Wrenbeck Gr, Leeds", [("address", "14 Wrenbeck Grove")])
    assert "14" not in out and "Wrenbeck" not in out and "Leeds" in out, out


@pytest.mark.parametrize(("context", "value", "start", "end"), [
    ("ience fair night at Brookside Middle School! So proud of Sophie — second place in 7th "
     "grade for her sand-filter project at the regional Superior Cour", "Brookside Middle School",
     "…fair night", "regional Superior…"),
    ("oop. Eleanor had a rare Saturday with no briefs to read, Sophie has outgrown her old bike "
     "and wanted to show off the new one.", "Eleanor", "…Eleanor", "one."),
])
def test_snippets_never_start_or_end_in_a_half_word(context: str, value: str, start: str,
                                                    end: str) -> None:
    out = masking.tidy_snippet(context, value)
    assert out.startswith(start) and out.endswith(end), out
    assert value in out


def test_a_short_context_is_a_whole_line_and_stays() -> None:
    assert masking.tidy_snippet("lives at 2417 Alderbrook Dr", "2417 Alderbrook Dr") == \
        "lives at 2417 Alderbrook Dr"


@pytest.mark.parametrize(("url", "gone"), [
    ("https://www.instagram.com/dwhitfield.outdoors/", ["whitfield"]),
    ("https://forum.example/u/eleanorwhitfield1968/posts", ["eleanor", "whitfield"]),
    ("https://www.whitepages.com/phone/1-707-555-0199", ["555-0199"]),
    ("https://people.example/p?mail=a.stranger%40corp.example", ["a.stranger"]),
    ("https://www.brookside-middle-school.example.org/news", ["brookside"]),
])
def test_url_masks_glued_names_and_separated_phones(url: str, gone: list[str]) -> None:
    out = mask_url(url, SECRETS)
    for g in gone:
        assert g not in out.lower(), out
    assert out.startswith("https://")


@pytest.mark.parametrize("text", [
    "https://x.example/" + "a" * 100_000,
    "https://x.example/" + "eleanor-whitfield-a-" * 5_000,
    "a-" * 50_000,
    "x@" + "a-" * 50_000,
])
def test_masking_a_hostile_100kb_input_finishes(text: str) -> None:
    """Quadratic patterns took 11 s and more here; the figures are in BENCHMARKS.md (no timing
    asserted): this checks the result is still masked and whole."""
    out = mask_url(text, SECRETS) if text.startswith("https") else mask_text(text, SECRETS)
    assert "whitfield" not in out.lower()
    assert len(out) >= len(text) * 0.9


def test_one_redactor_masks_text_url_host_and_evidence_alike() -> None:
    red = masking.Redactor.for_audit([("name", "Eleanor Whitfield"), ("org", "Brookside Middle School")])
    assert "Whitfield" not in red.text("Eleanor Whitfield, 58")
    assert "whitfield" not in red.url("https://x.example/eleanor-whitfield").lower()
    assert red.host("brookside-middle.example.org").startswith("b*")
    ev = red.evidence(C.MENTION, "Eleanor Whitfield", "Judge Eleanor Whitfield spoke")
    assert ev.startswith("E****** W********") and "Whitfield" not in ev
    assert red.full_evidence("Eleanor Whitfield", "Judge Eleanor Whitfield spoke") == \
        "Eleanor Whitfield — “Judge Eleanor Whitfield spoke”"


@pytest.mark.parametrize(("text", "secret", "gone"), [
    # Korean press: the honorific glued to the name
    ('[인터뷰] 한인 구조기술사 윤재현씨 "지진에 강한 학교"', "윤재현", "윤재현"),
    # Chinese: no space on either side of a name
    ("其女兒、卑詩省最高法院法官陳慧玲亦有到場支持", "陳慧玲", "慧玲"),
    ("陳黃麗芳（80歲）致辭時表示", "陳黃麗芳", "黃麗芳"),
])
def test_names_in_chinese_characters_or_hangul_are_masked_in_running_text(
        text: str, secret: str, gone: str) -> None:
    """Chinese and Korean put no space around a name and fold gives their characters no
    letters to bound a word with: a profile name written in those scripts is masked wherever
    it stands, as written."""
    out = mask_text(text, [(Category.RELATIVE.value, secret)])
    assert gone not in out
    assert out.replace("*", "") != text
