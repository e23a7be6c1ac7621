"""Profile loading: profile.toml → validated, typed people, consent and probe choice (DESIGN.md §2).

A relative without consent is dropped here, before anything else sees the profile: the planner,
the probes and the analyzer only ever receive `Profile.people`, which holds consenting people.
Every error is one `ProfileError` line naming the file, the key (and line when it can be found)
and what was expected. Messages never repeat the value that was given: it may be personal data.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import phonenumbers
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from .errors import ProfileError

PURPOSES = ("self-audit", "court-security", "training")
RELATIONS = ("spouse", "partner", "child", "parent", "sibling", "other")
ADDRESS_LABELS = ("home", "secondary", "previous", "work")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
_JURIS_RE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_USERNAME_RE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Address(_Strict):
    """A street address of a person."""

    label: Literal["home", "secondary", "previous", "work"] = "home"
    street: str = Field(min_length=3)
    unit: str | None = None
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)

    @model_validator(mode="after")
    def _both_coordinates(self) -> Address:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("give both lat and lon, or neither")
        return self

    @property
    def is_current(self) -> bool:
        """Home and secondary residences are where the person can be found now."""
        return self.label in ("home", "secondary")


class Person(_Strict):
    """The judge or a relative: every identifier footprint may search for or match against."""

    id: str
    name: str = Field(min_length=2)
    aliases: tuple[str, ...] = ()
    court: str | None = None
    city: str | None = None
    region: str | None = None
    birth_year: int | None = Field(default=None, ge=1900, le=2030)
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    usernames: tuple[str, ...] = ()
    photos: tuple[str, ...] = ()
    addresses: tuple[Address, ...] = ()
    employer: str | None = None
    school: str | None = None
    relation: Literal["self", "spouse", "partner", "child", "parent", "sibling", "other"] = "self"
    minor: bool = False
    consent: bool = True

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not _ID_RE.match(v):
            raise ValueError("expected a short id of lowercase letters, digits, '-' or '_'")
        return v

    @field_validator("aliases")
    @classmethod
    def _aliases(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for i, a in enumerate(v):
            if len(a.strip()) < 2:
                raise ValueError(f"item {i} is empty or too short (expected a name)")
        return tuple(a.strip() for a in v)

    @field_validator("emails")
    @classmethod
    def _emails(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for i, e in enumerate(v):
            if not _EMAIL_RE.match(e):
                raise ValueError(f"item {i} is not an e-mail address (expected name@domain)")
        return tuple(e.lower() for e in v)

    @field_validator("usernames")
    @classmethod
    def _usernames(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        out = []
        for i, u in enumerate(v):
            u = u.lstrip("@")
            if not _USERNAME_RE.match(u):
                raise ValueError(
                    f"item {i} is not a username (expected letters, digits, '.', '_' or '-')"
                )
            out.append(u)
        return tuple(out)

    @property
    def home_addresses(self) -> tuple[Address, ...]:
        return tuple(a for a in self.addresses if a.is_current)

    def all_names(self) -> tuple[str, ...]:
        """The name and its aliases, name first."""
        return (self.name, *[a for a in self.aliases if a != self.name])


class Consent(_Strict):
    """Who authorized the audit, when, and why. No audit runs without it."""

    authorized_by: str = Field(min_length=2)
    authorized_on: dt.date
    purpose: Literal["self-audit", "court-security", "training"]
    statement: str = Field(min_length=10)


class AuditSettings(_Strict):
    """How the audit is run and reported."""

    jurisdiction: str = "US"
    language: str = Field(default="en", pattern=r"^[a-z]{2}$")
    threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    max_queries_per_person: int = Field(default=24, ge=1, le=500)
    contact: str | None = None
    """Contact address put in the User-Agent of live requests, so a site owner can reach us."""
    household: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{7,63}$")
    """The household's identity key. Audits, triage labels and "new / still present / gone" are
    compared only among audits of one household. Optional: without it the data folder keeps a
    key for the profile file (see footprint/household.py); set it to keep a family's history
    when the file moves, or to give a roster's households keys of your own."""
    min_coverage: float = Field(default=0.8, ge=0.0, le=1.0)
    """Share (0–1) of searches and pages that must answer for a report to be complete; below
    it the report says "INCOMPLETE — n % of sources checked" on its first page."""

    @field_validator("jurisdiction")
    @classmethod
    def _juris(cls, v: str) -> str:
        if not _JURIS_RE.match(v):
            raise ValueError('expected an ISO 3166 code such as "US-CA", "GB" or "CZ"')
        return v

    @property
    def country(self) -> str:
        return self.jurisdiction[:2]


class ProbeSettings(_Strict):
    """Which probes run (opt-in) and their options."""

    model_config = ConfigDict(extra="allow", frozen=True)
    enabled: tuple[str, ...] = Field(min_length=1)

    def options(self, probe: str) -> dict[str, Any]:
        """The `[probes.<name>]` table, or {}."""
        extra = self.model_extra or {}
        value = extra.get(probe, {})
        return dict(value) if isinstance(value, dict) else {}


class NetworkSettings(_Strict):
    """Live-mode network behaviour (ignored with --web-archive)."""

    model_config = ConfigDict(extra="allow", frozen=True)
    timeout: float = Field(default=15.0, gt=0, le=300)
    max_bytes: int = Field(default=5_000_000, ge=10_000)
    rate_per_host: float = Field(default=1.0, gt=0, le=100)
    max_concurrency: int = Field(default=4, ge=1, le=64)
    retries: int = Field(default=3, ge=0, le=10)
    search_backend: Literal["ddgs", "searxng"] = "ddgs"
    searxng_url: str | None = None
    ddgs_engines: str = "duckduckgo,brave,mojeek"


class _ProfileFile(_Strict):
    audit: AuditSettings = AuditSettings()
    consent: Consent
    subject: Person
    relatives: tuple[Person, ...] = ()
    probes: ProbeSettings
    network: NetworkSettings = NetworkSettings()


@dataclass(frozen=True)
class Excluded:
    """A relative listed in the profile who is not audited, and why."""

    id: str
    relation: str
    reason: str


@dataclass(frozen=True)
class Profile:
    """A validated profile. `people` holds only consenting people: subject first."""

    path: Path
    audit: AuditSettings
    consent: Consent
    subject: Person
    relatives: tuple[Person, ...]
    excluded: tuple[Excluded, ...]
    probes: ProbeSettings
    network: NetworkSettings

    @property
    def people(self) -> tuple[Person, ...]:
        return (self.subject, *self.relatives)

    @property
    def id(self) -> str:
        return self.subject.id

    @property
    def training(self) -> bool:
        return self.consent.purpose == "training"

    def person(self, pid: str) -> Person:
        for p in self.people:
            if p.id == pid:
                return p
        raise KeyError(pid)

    def matching_addresses(self, person: Person) -> tuple[Address, ...]:
        """Addresses to match for a person: a relative inherits the subject's home addresses
        unless it lists its own (DESIGN.md §2)."""
        if person.addresses or person.id == self.subject.id:
            return person.addresses
        return self.subject.home_addresses

    def photo_paths(self, person: Person) -> tuple[Path, ...]:
        return tuple((self.path.parent / p).resolve() for p in person.photos)


# --- loading -------------------------------------------------------------------------------


def load_profile(path: str | Path) -> Profile:
    """Read and validate a profile file. Raises ProfileError with a one-line message."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ProfileError(f"{path}: file not found") from None
    except OSError as e:
        raise ProfileError(f"{path}: cannot read the file ({e.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ProfileError(f"{path}: not UTF-8 text (save the profile as UTF-8)") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ProfileError(f"{path}: not valid TOML: {e}") from None
    return profile_from_dict(data, path, text)


def profile_from_dict(data: dict[str, Any], path: Path, text: str = "") -> Profile:
    """Validate an already parsed profile (tests and the demo use this)."""
    if "consent" not in data:
        raise ProfileError(
            f"{path}: [consent] is missing: an audit needs a recorded consent "
            "(authorized_by, authorized_on, purpose, statement); see config.example.toml"
        )
    data = _normalise(data, path)
    try:
        parsed = _ProfileFile.model_validate(data)
    except ValidationError as e:
        raise ProfileError(_describe(e, path, text)) from None

    country = parsed.audit.country
    subject = _fix_person(parsed.subject, "subject", path, text, country, relation="self")
    relatives: list[Person] = []
    excluded: list[Excluded] = []
    seen_ids = {subject.id}
    for i, rel in enumerate(parsed.relatives):
        where = f"relatives[{i}]"
        if rel.relation == "self":
            raise ProfileError(
                f"{path}: {where}.relation{_line(text, 'relation', 'relatives', i)}: "
                f"missing; expected one of {', '.join(RELATIONS)}"
            )
        if rel.id in seen_ids:
            raise ProfileError(
                f"{path}: {where}.id{_line(text, 'id', 'relatives', i)}: "
                "duplicate id; every person needs its own"
            )
        seen_ids.add(rel.id)
        if rel.court:
            raise ProfileError(f"{path}: {where}.court: only [subject] has a court")
        if not rel.consent:
            excluded.append(Excluded(rel.id, rel.relation, "did not consent: never searched for"))
            continue
        relatives.append(_fix_person(rel, where, path, text, country, relation=rel.relation))
    if subject.school:
        raise ProfileError(f"{path}: subject.school: only a child relative has a school")
    _check_photos(path, [subject, *relatives])
    return Profile(
        path=path,
        audit=parsed.audit,
        consent=parsed.consent,
        subject=subject,
        relatives=tuple(relatives),
        excluded=tuple(excluded),
        probes=parsed.probes,
        network=parsed.network,
    )


def _normalise(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """Fill implicit fields so pydantic sees one shape: the subject is `relation = "self"`,
    a relative's missing consent is False."""
    data = dict(data)
    subject = data.get("subject")
    if isinstance(subject, dict):
        subject = dict(subject)
        if "relation" in subject or "consent" in subject or "minor" in subject:
            bad = next(k for k in ("relation", "consent", "minor") if k in subject)
            raise ProfileError(f"{path}: subject.{bad}: only [[relatives]] take this key")
        data["subject"] = subject
    rels = data.get("relatives")
    if isinstance(rels, list):
        fixed = []
        for r in rels:
            if isinstance(r, dict):
                r = dict(r)
                r.setdefault("consent", False)
                r.setdefault("relation", "self")
            fixed.append(r)
        data["relatives"] = fixed
    return data


def _fix_person(
    p: Person, where: str, path: Path, text: str, country: str, relation: str
) -> Person:
    """Normalise phones to E.164 (in the jurisdiction's region) and default address countries."""
    phones = []
    for i, ph in enumerate(p.phones):
        try:
            num = phonenumbers.parse(ph, country)
        except phonenumbers.NumberParseException:
            num = None
        if num is None or not phonenumbers.is_possible_number(num):
            raise ProfileError(
                f"{path}: {where}.phones[{i}]{_line(text, 'phones', where)}: not a phone number "
                f"(expected e.g. \"+1 707 555 0143\", or a {country} national number)"
            )
        phones.append(phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164))
    addresses = tuple(
        a if a.country else a.model_copy(update={"country": country}) for a in p.addresses
    )
    if relation != "child" and p.school:
        raise ProfileError(f"{path}: {where}.school: only a child relative has a school")
    if p.minor and relation != "child":
        raise ProfileError(f"{path}: {where}.minor: only a child relative can be a minor")
    return p.model_copy(update={"phones": tuple(phones), "addresses": addresses})


def _check_photos(path: Path, people: list[Person]) -> None:
    for p in people:
        for i, rel in enumerate(p.photos):
            f = (path.parent / rel).resolve()
            if not f.is_file():
                where = "subject" if p.relation == "self" else f"relative '{p.id}'"
                raise ProfileError(
                    f"{path}: {where}.photos[{i}]: file not found "
                    "(photo paths are relative to the profile file)"
                )


_FRIENDLY = {
    "missing": "missing; this key is required",
    "extra_forbidden": "unknown key (see config.example.toml for the keys you can use)",
    "string_type": "expected text in quotes",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "date_type": "expected a date such as 2026-11-20",
    "date_from_datetime_parsing": "expected a date such as 2026-11-20",
    "date_parsing": "expected a date such as 2026-11-20",
    "tuple_type": "expected a list such as [\"a\", \"b\"]",
    "model_type": "expected a table",
    "too_short": "expected at least one item",
    "string_too_short": "text is too short",
}


def _describe(e: ValidationError, path: Path, text: str) -> str:
    err = e.errors()[0]
    loc = err["loc"]
    key = _loc_str(loc)
    typ = err["type"]
    if typ == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        what = f"expected one of {expected}"
    elif typ in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        what = "out of range: " + err["msg"].lower()
    elif typ == "string_pattern_mismatch":
        what = _pattern_hint(str(loc[-1]))
    elif typ == "value_error":
        what = str(err.get("ctx", {}).get("error", err["msg"]))
    else:
        what = _FRIENDLY.get(typ, err["msg"])
    table = str(loc[0]) if loc else ""
    idx = loc[1] if len(loc) > 2 and isinstance(loc[1], int) else None
    leaf = next((str(x) for x in reversed(loc) if isinstance(x, str)), "")
    if typ == "extra_forbidden" or typ == "missing":
        line = _line(text, leaf, table, idx) if typ == "extra_forbidden" else ""
    else:
        line = _line(text, leaf, table, idx)
    return f"{path}: {key}{line}: {what}"


def _pattern_hint(field: str) -> str:
    return {
        "country": "expected a two-letter country code such as \"US\"",
        "language": "expected a two-letter language code such as \"en\"",
        "household": "expected a key of 8 to 64 letters, digits, '-' or '_' (as footprint shows it)",
    }.get(field, "not in the expected format")


def _loc_str(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def _line(text: str, key: str, table: str, index: int | None = None) -> str:
    """Best-effort ' (line N)' for `key` inside `[table]` (the index-th array-of-tables entry)."""
    if not text or not key:
        return ""
    lines = text.splitlines()
    header = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.]+)\s*\]\]?")
    keyre = re.compile(rf"^\s*{re.escape(key)}\s*=")
    current, count = None, -1
    for n, line in enumerate(lines, 1):
        m = header.match(line)
        if m:
            current = m.group(1)
            if current == table and line.lstrip().startswith("[["):
                count += 1
            continue
        if current == table and (index is None or count == index) and keyre.match(line):
            return f" (line {n})"
    return ""
