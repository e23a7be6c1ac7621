"""Profile loading: the example is valid; every bad profile gets one line naming file, key and what
was expected — and never echoes the value given (it may be personal)."""

from __future__ import annotations

from pathlib import Path

import pytest

from footprint.errors import ProfileError
from footprint.profile import load_profile

ROOT = Path(__file__).resolve().parents[1]

GOOD = """
[consent]
authorized_by = "Hon. A. Judge"
authorized_on = 2026-11-20
purpose = "self-audit"
statement = "I authorize a search of public sources."

[subject]
id = "judge"
name = "Ann Example"
phones = ["+1 707 555 0100"]

[[relatives]]
id = "spouse"
relation = "spouse"
name = "Bob Example"
consent = true

[[relatives]]
id = "kid"
relation = "child"
name = "Cy Example"

[probes]
enabled = ["web"]
"""


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "profile.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_example_config_is_valid() -> None:
    prof = load_profile(ROOT / "config.example.toml")
    assert prof.subject.id == "judge"
    assert [p.id for p in prof.people] == ["judge", "spouse", "daughter"]
    assert [x.id for x in prof.excluded] == ["son"]
    assert prof.subject.phones == ("+17075550143",)
    assert prof.probes.enabled == ("web", "brokers", "accounts", "images")


def test_relative_without_consent_key_is_dropped(tmp_path: Path) -> None:
    prof = load_profile(write(tmp_path, GOOD))
    assert [p.id for p in prof.people] == ["judge", "spouse"]
    assert prof.excluded[0].id == "kid"
    assert "did not consent" in prof.excluded[0].reason
    # the non-consenting person's name is nowhere in the loaded profile's people
    assert all("Cy" not in p.name for p in prof.people)


def test_relative_inherits_home_address(tmp_path: Path) -> None:
    text = GOOD.replace(
        '[[relatives]]\nid = "spouse"',
        '[[subject.addresses]]\nstreet = "1 Elm Street"\ncity = "Town"\n\n[[relatives]]\nid = "spouse"',
    )
    prof = load_profile(write(tmp_path, text))
    spouse = prof.person("spouse")
    assert prof.matching_addresses(spouse)[0].street == "1 Elm Street"
    assert prof.matching_addresses(spouse)[0].country == "US"


def _bad(old: str, new: str) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


BAD = [
    # (id, profile text, expected fragments of the one-line message)
    ("no-consent", GOOD.split("[subject]")[0].replace("[consent]", "[other]").split("[other]")[0]
     + "[subject]" + GOOD.split("[subject]")[1], ["[consent] is missing"]),
    ("bad-toml", GOOD + "\nthis is = = not toml\n", ["not valid TOML", "line"]),
    ("missing-name", _bad('name = "Ann Example"\n', ""), ["subject.name", "missing"]),
    ("bad-purpose", _bad('purpose = "self-audit"', 'purpose = "curiosity"'),
     ["consent.purpose", "self-audit", "training", "(line 5)"]),
    ("bad-date", _bad("authorized_on = 2026-11-20", 'authorized_on = "last week"'),
     ["consent.authorized_on", "date"]),
    ("unknown-key", _bad('id = "judge"', 'id = "judge"\nshoe_size = 9'),
     ["subject.shoe_size", "unknown key"]),
    ("bad-phone", _bad('phones = ["+1 707 555 0100"]', 'phones = ["call me maybe"]'),
     ["subject.phones[0]", "not a phone number"]),
    ("bad-email", _bad('phones = ["+1 707 555 0100"]', 'emails = ["no-at-sign"]'),
     ["subject.emails", "e-mail"]),
    ("bad-relation", _bad('relation = "spouse"', 'relation = "cousin-in-law"'),
     ["relatives[0].relation", "spouse"]),
    ("no-probes", _bad('enabled = ["web"]', "enabled = []"), ["probes.enabled", "at least one"]),
    ("duplicate-id", _bad('id = "spouse"', 'id = "judge"'), ["relatives[0].id", "duplicate"]),
    ("bad-birth-year", _bad('id = "judge"', 'id = "judge"\nbirth_year = 1066'),
     ["subject.birth_year", "range"]),
    ("bad-address-label", _bad('[probes]', '[[subject.addresses]]\nlabel = "castle"\nstreet = "1 Elm St"\n\n[probes]'),
     ["subject.addresses[0].label", "home"]),
    ("half-coordinates", _bad('[probes]', '[[subject.addresses]]\nstreet = "1 Elm St"\nlat = 38.1\n\n[probes]'),
     ["subject.addresses[0]", "lat and lon"]),
    ("bad-jurisdiction", "[audit]\njurisdiction = \"California\"\n" + GOOD,
     ["audit.jurisdiction", "ISO 3166"]),
    ("missing-photo", _bad('id = "judge"', 'id = "judge"\nphotos = ["nope.jpg"]'),
     ["subject.photos[0]", "file not found"]),
    ("bad-id", _bad('id = "judge"', 'id = "The Judge!"'), ["subject.id", "lowercase"]),
    ("school-on-spouse", _bad('name = "Bob Example"', 'name = "Bob Example"\nschool = "X School"'),
     ["relatives[0].school", "child"]),
    ("wrong-type", _bad('id = "judge"', 'id = "judge"\naliases = "Ann"'), ["subject.aliases", "list"]),
]


@pytest.mark.parametrize("case,text,fragments", BAD, ids=[b[0] for b in BAD])
def test_bad_profiles_give_one_clear_line(tmp_path: Path, case: str, text: str, fragments: list[str]) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ProfileError) as exc:
        load_profile(path)
    msg = str(exc.value)
    assert "\n" not in msg, msg
    assert str(path) in msg or case == "no-consent-sub", msg
    for frag in fragments:
        assert frag in msg, f"{frag!r} not in {msg!r}"
    # never echo a value the user gave
    for secret in ("call me maybe", "no-at-sign", "cousin-in-law", "last week", "The Judge!"):
        assert secret not in msg


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="file not found"):
        load_profile(tmp_path / "absent.toml")
    p = tmp_path / "latin.toml"
    p.write_bytes("name = 'Ř'".encode("utf-16"))
    with pytest.raises(ProfileError, match="UTF-8"):
        load_profile(p)
