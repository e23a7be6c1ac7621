"""Profile loading: profile.toml → validated, typed people, consent and probe choice (DESIGN.md §2).

A relative without consent is dropped here, before anything else sees the profile: the planner,
the probes and the analyzer only ever receive `Profile.people`, which holds consenting people.
Every error is one `ProfileError` line naming the file, the key (and line when it can be found)
and what was expected. Messages never repeat the value that was given: it may be personal data.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin
from urllib.parse import urlsplit

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails

from .errors import ProfileError

PURPOSES = ("self-audit", "court-security", "training")
RELATIONS = ("spouse", "partner", "child", "parent", "sibling", "other")
ADDRESS_LABELS = ("home", "secondary", "previous", "work")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
_JURIS_RE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
_USERNAME_RE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_HOST_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$")
_ASCII_RE = re.compile(r"^[\x21-\x7e]+(?: [\x21-\x7e]+)*$")

MAX_PROFILE_BYTES = 1_000_000
"""A profile is a few KB: a larger file is the wrong file (or /dev/zero), not read to the end."""
ADULT_AGE = 18

# --- text checks ----------------------------------------------------------------------------
# A name made of invisible characters would search for nothing and match nothing; a bidi
# override would make a report lie about what it shows. Zero-width (non-)joiners stay allowed:
# some scripts need them inside a name.
_JOINERS = frozenset("\u200c\u200d")


def _bad_char(c: str, multiline: bool) -> bool:
    if multiline and c in "\n\t":
        return False
    cat = unicodedata.category(c)
    if cat in ("Cc", "Co", "Cs", "Zl", "Zp"):
        return True
    return cat == "Cf" and c not in _JOINERS


def _text_check(max_len: int, *, letters: int = 0, multiline: bool = False) -> Callable[[str], str]:
    """Length limit, no control or invisible formatting characters, at least `letters` letters."""

    def check(v: str) -> str:
        if len(v) > max_len:
            raise ValueError(f"too long (at most {max_len} characters)")
        if any(_bad_char(c, multiline) for c in v):
            raise ValueError("contains control or invisible formatting characters (bidi "
                             "overrides, zero-width spaces…); type it again")
        if letters and sum(c.isalpha() for c in v) < letters:
            raise ValueError(f"expected text with at least {letters} letter{'s' if letters > 1 else ''}")
        return v

    return check


def _text(max_len: int, *, letters: int = 0, multiline: bool = False) -> AfterValidator:
    return AfterValidator(_text_check(max_len, letters=letters, multiline=multiline))


Bool = Annotated[bool, Strict()]
"""true or false, never "yes", "true" or 1: consent must be exactly the boolean true."""
Int = Annotated[int, Strict()]
"""A whole number, never "5", 5.0 or true."""
Float = Annotated[float, Strict(), Field(allow_inf_nan=False)]
"""A finite number (an int is fine), never "1.5", nan or inf."""
Name = Annotated[str, Field(min_length=2), _text(200, letters=2)]
Text = Annotated[str, _text(200, letters=1)]
"""Court, city, region, employer, school: short text with a letter."""
Code = Annotated[str, _text(40)]
"""Unit, postal code: short, may be digits only."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Address(_Strict):
    """A street address of a person."""

    label: Literal["home", "secondary", "previous", "work"] = "home"
    street: Annotated[str, Field(min_length=3), _text(300, letters=1)]
    unit: Code | None = None
    city: Text | None = None
    region: Text | None = None
    postal_code: Code | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    lat: Float | None = Field(default=None, ge=-90, le=90)
    lon: Float | None = Field(default=None, ge=-180, le=180)

    @model_validator(mode="after")
    def _both_coordinates(self) -> Address:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("give both lat and lon, or neither")
        return self

    @property
    def is_current(self) -> bool:
        """Home and secondary residences are where the person can be found now."""
        return self.label in ("home", "secondary")


POST_PLATFORMS = ("mastodon", "bluesky", "reddit", "blog")
"""Platforms whose public posts `footprint posts` reads without a login."""
OTHER_PLATFORMS = ("facebook", "x", "instagram", "linkedin", "tiktok", "youtube", "threads")
"""Platforms an account may be listed for but whose posts no one can read without a login:
`footprint posts` lists them as not checked."""
_MASTODON_RE = re.compile(r"^@?[A-Za-z0-9_]{1,30}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z]{2,63}$")
_BLUESKY_RE = re.compile(r"^@?(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})\.)+[A-Za-z]{2,63}$")
_REDDIT_RE = re.compile(r"^(?:u/)?[A-Za-z0-9_-]{3,20}$")
_HANDLE_RE = re.compile(r"^@?[A-Za-z0-9._-]{1,100}$")
_HANDLE_HINT = {
    "mastodon": "@name@instance, e.g. \"@jdoe@mastodon.social\"",
    "bluesky": "a domain-like handle, e.g. \"jdoe.bsky.social\"",
    "reddit": "a Reddit username, e.g. \"jdoe\" or \"u/jdoe\"",
}


class Account(_Strict):
    """`[[subject.accounts]]`: one of the person's own accounts (platform and handle, or a
    blog's address). `footprint posts` reads the judge's public posts on them."""

    platform: Literal["mastodon", "bluesky", "reddit", "blog", "facebook", "x", "instagram",
                      "linkedin", "tiktok", "youtube", "threads"]
    handle: str | None = Field(default=None, max_length=300)
    """The handle as the platform writes it (without a URL)."""
    url: str | None = Field(default=None, max_length=2000)
    """A blog's (or its feed's) address; only for platform = "blog"."""

    @model_validator(mode="after")
    def _shape(self) -> Account:
        if self.platform == "blog":
            if self.handle is not None:
                raise ValueError('a blog is given by its address: url = "https://…", not handle')
            parts = urlsplit(self.url or "")
            if not self.url or parts.scheme not in ("http", "https") or not parts.hostname \
                    or not _ASCII_RE.match(self.url):
                raise ValueError('a blog needs url = "https://…" (its address or its feed\'s)')
            return self
        if self.url is not None:
            raise ValueError(f"url is only for a blog; give the {self.platform} handle")
        h = (self.handle or "").strip()
        if not h:
            raise ValueError(f"missing handle (expected {_HANDLE_HINT.get(self.platform, 'the handle')})")
        if "://" in h or "/" in h.removeprefix("u/") or h.lower().startswith("www."):
            raise ValueError("a handle, not an address: expected "
                             + _HANDLE_HINT.get(self.platform, "the handle as the platform shows it"))
        rx = {"mastodon": _MASTODON_RE, "bluesky": _BLUESKY_RE, "reddit": _REDDIT_RE}.get(
            self.platform, _HANDLE_RE)
        if not rx.match(h):
            raise ValueError("not a handle: expected "
                             + _HANDLE_HINT.get(self.platform, "letters, digits, '.', '_' or '-'"))
        return self

    @property
    def name(self) -> str:
        """The handle without decoration ("jdoe@mastodon.social", "jdoe.bsky.social", "jdoe"),
        or the blog's address."""
        if self.platform == "blog":
            return self.url or ""
        h = (self.handle or "").strip().lstrip("@")
        return h.removeprefix("u/") if self.platform == "reddit" else h.lower() \
            if self.platform == "bluesky" else h


class Person(_Strict):
    """The judge or a relative: every identifier footprint may search for or match against."""

    id: str
    name: Name
    aliases: tuple[str, ...] = Field(default=(), max_length=20)
    court: Text | None = None
    city: Text | None = None
    region: Text | None = None
    birth_year: Int | None = Field(default=None, ge=1900, le=2100)
    phones: tuple[Annotated[str, _text(40)], ...] = Field(default=(), max_length=20)
    emails: tuple[Annotated[str, Field(max_length=254)], ...] = Field(default=(), max_length=20)
    usernames: tuple[str, ...] = Field(default=(), max_length=50)
    photos: tuple[Annotated[str, _text(1000)], ...] = Field(default=(), max_length=20)
    addresses: tuple[Address, ...] = Field(default=(), max_length=20)
    accounts: tuple[Account, ...] = Field(default=(), max_length=50)
    """The person's own accounts by platform (`footprint posts` reads the judge's)."""
    employer: Text | None = None
    school: Text | None = None
    relation: Literal["self", "spouse", "partner", "child", "parent", "sibling", "other"] = "self"
    minor: Bool = False
    """Left out (not in `model_fields_set`), `_fix_person` settles it from the birth year."""
    consent: Bool = True

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not _ID_RE.match(v):
            raise ValueError("expected a short id of lowercase letters, digits, '-' or '_'")
        return v

    @field_validator("aliases")
    @classmethod
    def _aliases(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        check = _text_check(200, letters=2)
        for i, a in enumerate(v):
            if len(a.strip()) < 2:
                raise ValueError(f"item {i} is empty or too short (expected a name)")
            try:
                check(a.strip())
            except ValueError as e:
                raise ValueError(f"item {i}: {e}") from None
        return tuple(a.strip() for a in v)

    @field_validator("emails")
    @classmethod
    def _emails(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for i, e in enumerate(v):
            try:  # syntax only: an audit must not tell a mail server whom it is about
                validate_email(e, check_deliverability=False)
            except EmailNotValidError:
                raise ValueError(f"item {i} is not an e-mail address (expected name@domain)") from None
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

    authorized_by: Name
    authorized_on: dt.date
    purpose: Literal["self-audit", "court-security", "training"]
    statement: Annotated[str, Field(min_length=10), _text(5000, letters=10, multiline=True)]


class AuditSettings(_Strict):
    """How the audit is run and reported."""

    jurisdiction: str = "US"
    language: str = Field(default="en", pattern=r"^[a-z]{2}$")
    threshold: Float = Field(default=0.5, ge=0.0, le=1.0)
    max_queries_per_person: Int = Field(default=24, ge=1, le=500)
    contact: str | None = Field(default=None, max_length=200)
    """Contact address put in the User-Agent of live requests, so a site owner can reach us."""
    household: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{7,63}$")
    """The household's identity key. Audits, triage labels and "new / still present / gone" are
    compared only among audits of one household. Optional: without it the data folder keeps a
    key for the profile file (see footprint/household.py); set it to keep a family's history
    when the file moves, or to give a roster's households keys of your own."""
    min_coverage: float = Field(default=0.8, ge=0.0, le=1.0)
    """Share (0–1) of searches and pages that must answer for a report to be complete; below
    it the report says "INCOMPLETE — n % of sources checked" on its first page."""

    @field_validator("contact")
    @classmethod
    def _contact(cls, v: str | None) -> str | None:
        if v is not None and not _ASCII_RE.match(v):  # it goes into an HTTP header
            raise ValueError("expected an e-mail address or URL in plain ASCII characters")
        return v

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
    enabled: tuple[Annotated[str, Field(max_length=64)], ...] = Field(min_length=1, max_length=20)
    """The other keys are `[probes.<name>]` tables, checked by `probes.options` when the profile
    is loaded."""

    def options(self, probe: str) -> dict[str, Any]:
        """The `[probes.<name>]` table, or {}."""
        extra = self.model_extra or {}
        value = extra.get(probe, {})
        return dict(value) if isinstance(value, dict) else {}


class HostLimits(_Strict):
    """`[network.hosts."<host>"]`: politeness limits of one site (and its subdomains)."""

    rate: Float | None = Field(default=None, gt=0, le=100)
    burst: Int | None = Field(default=None, ge=1, le=100)
    concurrency: Int | None = Field(default=None, ge=1, le=64)


class NetworkSettings(_Strict):
    """Live-mode network behaviour (ignored with --web-archive). Every key is documented in
    config.example.toml; an unknown one is an error (a typo would silently keep a default)."""

    timeout: Float = Field(default=15.0, gt=0, le=300)
    max_bytes: Int = Field(default=5_000_000, ge=10_000, le=200_000_000)
    rate_per_host: Float = Field(default=1.0, gt=0, le=100)
    max_concurrency: Int = Field(default=4, ge=1, le=64)
    retries: Int = Field(default=3, ge=0, le=10)
    search_backend: Literal["ddgs", "searxng"] = "ddgs"
    searxng_url: str | None = Field(default=None, max_length=2000)
    ddgs_engines: str = Field(default="duckduckgo,brave,mojeek", max_length=200,
                              pattern=r"^[a-z_, ]+$")
    hosts: dict[str, HostLimits] = Field(default_factory=dict, max_length=1000)
    """Per-site limits; a host inherits the entry of its nearest listed parent domain."""
    host_concurrency: Int = Field(default=2, ge=1, le=64)
    burst: Int = Field(default=1, ge=1, le=100)
    max_redirects: Int = Field(default=10, ge=0, le=30)
    retry_after_max: Float = Field(default=120.0, ge=0, le=3600)
    """Seconds; a longer Retry-After gives up at once ("blocked")."""
    total_timeout: Float | None = Field(default=None, gt=0, le=3600)
    """Seconds for a whole answer (default 4 × timeout)."""
    cache_days: Float = Field(default=90.0, gt=0, le=3650)
    retry_backoff: Float = Field(default=1.0, ge=0, le=60)
    """The first backoff is 0.5–1 × this, doubling per attempt, at most 60 s."""

    @field_validator("searxng_url")
    @classmethod
    def _searxng(cls, v: str | None) -> str | None:
        if v is None:
            return v
        parts = urlsplit(v)
        if parts.scheme not in ("http", "https") or not parts.hostname or not _ASCII_RE.match(v):
            raise ValueError("expected the address of your SearXNG instance, such as "
                             "\"https://search.court.example\"")
        return v

    @field_validator("hosts")
    @classmethod
    def _hosts(cls, v: dict[str, HostLimits]) -> dict[str, HostLimits]:
        for host in v:
            if not _HOST_RE.match(host):
                raise ValueError("expected host names such as [network.hosts.\"www.spokeo.com\"]")
        return v


class _ProfileFile(_Strict):
    audit: AuditSettings = AuditSettings()
    consent: Consent
    subject: Person
    relatives: tuple[Person, ...] = Field(default=(), max_length=50)
    probes: ProbeSettings
    network: NetworkSettings = NetworkSettings()


@dataclass(frozen=True)
class Excluded:
    """A relative listed in the profile who is not audited, and why."""

    id: str
    relation: str
    reason: str
    redact: tuple[str, ...] = ()
    """Their names' words, kept only to cut them out of every snippet a report quotes (a page
    about the family may name them: "sin Dejan sa porodicom"). Never searched for."""
    names: tuple[str, ...] = ()
    """Their name and aliases, kept in memory only to leave out the pages about them (their
    restaurant's opening, which names the judge as "his sister"): reporting such a page would
    report on them. Never searched for, never stored, never a finding."""


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
    warnings: tuple[str, ...] = ()
    """Things that look wrong but do not stop the audit (`check` and `audit` print them)."""

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
        return tuple(_resolve_photo(self.path, p) for p in person.photos)


# --- loading -------------------------------------------------------------------------------


def load_profile(path: str | Path) -> Profile:
    """Read and validate a profile file. Raises ProfileError with a one-line message."""
    path = Path(path)
    try:
        with path.open("rb") as fh:  # not read_bytes(): `footprint check /dev/zero` must end
            raw = fh.read(MAX_PROFILE_BYTES + 1)
    except FileNotFoundError:
        raise ProfileError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise ProfileError(f"{path}: is a folder (expected a profile TOML file)") from None
    except OSError as e:
        raise ProfileError(f"{path}: cannot read the file ({e.strerror})") from None
    if len(raw) > MAX_PROFILE_BYTES:
        raise ProfileError(f"{path}: larger than 1 MB; a profile is a few KB (is this the right file?)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ProfileError(f"{path}: not UTF-8 text (save the profile as UTF-8)") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ProfileError(f"{path}: not valid TOML: {e}") from None
    except RecursionError:
        raise ProfileError(f"{path}: not valid TOML: arrays or tables nested too deeply") from None
    return profile_from_dict(data, path, text)


def profile_from_dict(data: dict[str, Any], path: Path, text: str = "",
                      today: dt.date | None = None) -> Profile:
    """Validate an already parsed profile (tests and the demo use this). `today` (default: the
    local date) is when consent dates and ages are judged."""
    today = today or dt.date.today()
    if "consent" not in data:
        raise ProfileError(
            f"{path}: [consent] is missing: an audit needs a recorded consent "
            "(authorized_by, authorized_on, purpose, statement); see config.example.toml"
        )
    data = _normalise(data, path)
    try:
        parsed = _ProfileFile.model_validate(data)
    except ValidationError as e:
        raise ProfileError(_describe(e.errors()[0], path, text)) from None
    except RecursionError:
        raise ProfileError(f"{path}: values nested too deeply") from None
    if parsed.consent.authorized_on > today:
        raise ProfileError(
            f"{path}: consent.authorized_on{_line(text, 'authorized_on', 'consent')}: dated in the "
            "future; give the date the consent was given"
        )
    from probes.options import check_tables

    check_tables(parsed.probes.model_extra or {}, path, text)

    warnings: list[str] = []
    country = parsed.audit.country
    if parsed.audit.language in SURNAME_FIRST_LANGUAGES or country in SURNAME_FIRST_COUNTRIES:
        parsed = parsed.model_copy(update={
            "subject": _surname_first(parsed.subject),
            "relatives": [_surname_first(r) for r in parsed.relatives],
        })
    subject = _fix_person(parsed.subject, "subject", path, text, country, "self", today, warnings)
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
            words = {w.strip(".,") for n in (rel.name, *rel.aliases) for w in n.split()}
            excluded.append(Excluded(rel.id, rel.relation, "did not consent: never searched for",
                                     tuple(sorted(w for w in words if len(w) >= 2)),
                                     (rel.name, *rel.aliases)))
            continue
        relatives.append(_fix_person(rel, where, path, text, country, rel.relation, today, warnings,
                                     index=i))
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
        warnings=tuple(warnings),
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


SURNAME_FIRST_LANGUAGES = frozenset({"hu"})
"""Languages whose names are written surname first ("Kertész Judit")."""
SURNAME_FIRST_COUNTRIES = frozenset({"HU"})


def _surname_first(p: Person) -> Person:
    """A profile of a Hungarian family writes names as Hungarian does, surname first: "Kertész
    Judit Ilona" is Judit Ilona Kertész, "Kertész Lajosné" is Mrs Lajos Kertész. They are kept
    as "Kertész, Judit Ilona" (a name with a comma is read surname first everywhere), without
    titles ("dr."); a name that already has a comma is left as it is."""

    from .analyze.names import is_title  # (names reads profiles: imported here, not at the top)

    def one(name: str) -> str:
        if "," in name:
            return name
        words = [w for w in name.split() if not is_title(w)]
        if len(words) < 2:
            return " ".join(words) or name
        return f"{words[0]}, {' '.join(words[1:])}"

    name = one(p.name)
    aliases = tuple(dict.fromkeys(a for a in map(one, p.aliases) if a != name))
    return p.model_copy(update={"name": name, "aliases": aliases})


def _fix_person(
    p: Person, where: str, path: Path, text: str, country: str, relation: str,
    today: dt.date, warnings: list[str], index: int | None = None,
) -> Person:
    """Normalise phones to E.164 (in the jurisdiction's region), default address countries, and
    settle `minor` against the birth year."""
    table = "relatives" if index is not None else "subject"
    phones = []
    for i, ph in enumerate(p.phones):
        try:
            num = phonenumbers.parse(ph, country)
        except phonenumbers.NumberParseException:
            num = None
        if num is None or not phonenumbers.is_possible_number(num):
            raise ProfileError(
                f"{path}: {where}.phones[{i}]{_line(text, 'phones', table, index)}: not a phone number "
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
    minor = _settle_minor(p, where, path, text, today, warnings, index)
    return p.model_copy(update={"phones": tuple(phones), "addresses": addresses, "minor": minor})


def _settle_minor(p: Person, where: str, path: Path, text: str, today: dt.date,
                  warnings: list[str], index: int | None) -> bool:
    """`minor` against `birth_year` (the age is known to a year: born in Y, a person is Y' − Y
    or one less). A contradiction is an error: the flag decides how severe a child's exposure is
    and whether the name goes to data brokers, so a typo must not pick the wrong one.
    - `minor = true` but certainly 18 or older → error;
    - `minor = false` but certainly under 18 → error;
    - `minor` not given: a child certainly under 18 is a minor (the protective reading);
    - a school for a child certainly 18 or older is searched as an adult's: a warning."""
    table = "relatives" if index is not None else "subject"
    given = "minor" in p.model_fields_set
    if p.birth_year is None:
        return p.minor
    if p.birth_year > today.year:
        raise ProfileError(f"{path}: {where}.birth_year{_line(text, 'birth_year', table, index)}: "
                           "in the future")
    oldest = today.year - p.birth_year  # the age after this year's birthday
    adult = oldest - 1 >= ADULT_AGE
    child = oldest < ADULT_AGE
    if p.minor and adult:
        raise ProfileError(f"{path}: {where}.minor{_line(text, 'minor', table, index)}: the birth "
                           f"year makes this person {ADULT_AGE} or older; remove minor = true or "
                           "correct birth_year")
    if given and not p.minor and child and p.relation == "child":
        raise ProfileError(f"{path}: {where}.minor{_line(text, 'minor', table, index)}: the birth "
                           f"year makes this person under {ADULT_AGE}; set minor = true or correct "
                           "birth_year")
    if not given and child and p.relation == "child":
        warnings.append(f"{where}: under {ADULT_AGE} by birth_year: audited as a minor "
                        "(minor = true)")
        return True
    if p.school and adult and not p.minor:
        warnings.append(f"{where}.school: the birth year makes this child an adult; the school "
                        "is searched for and rated as an adult's, not a minor's")
    return p.minor


def _resolve_photo(profile_path: Path, rel: str) -> Path:
    """A photo path relative to the profile, resolved. A symlink loop is an OSError (Python 3.13)
    or a RuntimeError (3.11, 3.12): both become the caller's one line."""
    try:
        return (profile_path.parent / rel).resolve()
    except (OSError, RuntimeError) as e:
        raise OSError(getattr(e, "errno", None), "cannot be resolved (symlink loop?)") from None


def _check_photos(path: Path, people: list[Person]) -> None:
    for p in people:
        for i, rel in enumerate(p.photos):
            where = "subject" if p.relation == "self" else f"relative '{p.id}'"
            try:
                f = _resolve_photo(path, rel)
                ok = f.is_file()
            except OSError:
                raise ProfileError(
                    f"{path}: {where}.photos[{i}]: cannot be resolved (a symbolic link loop?)"
                ) from None
            if not ok:
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
    "finite_number": "expected a finite number (not nan or inf)",
    "dict_type": "expected a table",
    "list_type": "expected a list such as [\"a\", \"b\"]",
}


_RANGE = {"greater_than_equal": "≥", "less_than_equal": "≤", "greater_than": ">", "less_than": "<"}


def _describe(err: ErrorDetails, path: Path, text: str, model: type[BaseModel] | None = None,
              skip: int = 0) -> str:
    """One line for one pydantic error: file, key (and line), what was expected — never the
    value. `model` is the model at `loc[skip:]` (default: the whole file at `loc`)."""
    loc = err["loc"]
    key = _loc_str(loc)
    typ = err["type"]
    ctx = err.get("ctx", {})
    if typ == "literal_error":
        what = f"expected one of {ctx.get('expected', '')}"
    elif typ in _RANGE:
        what = f"out of range: expected a number {_RANGE[typ]} {next(iter(ctx.values()), '')}"
    elif typ == "string_pattern_mismatch":
        what = _pattern_hint(str(loc[-1]))
    elif typ == "value_error":
        what = str(ctx.get("error", err["msg"]))
    elif typ == "bool_type" and loc and loc[-1] == "consent":
        what = ("expected true or false, without quotes: consent is recorded only by the "
                "boolean true")
    elif typ == "too_long":
        what = f"too many items (at most {ctx.get('max_length')})"
    elif typ == "string_too_long":
        what = f"too long (at most {ctx.get('max_length')} characters)"
    elif typ == "extra_forbidden":
        known = _fields_at(model or _ProfileFile, loc[skip:-1])
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        what = "unknown key" + (f"; did you mean '{close[0]}'?" if close else "") + (
            f" (expected one of {', '.join(known)})" if known and len(known) <= 12 else
            " (see config.example.toml for the keys you can use)")
    else:
        what = _FRIENDLY.get(typ, err["msg"])
    line = "" if typ == "missing" else _line_of(text, loc)
    return f"{path}: {key}{line}: {what}"


def _line_of(text: str, loc: tuple[Any, ...]) -> str:
    """' (line N)' for a pydantic location: the leaf key under the longest table header that
    matches ("probes.web", then "probes")."""
    leaf_at = max((i for i, x in enumerate(loc) if isinstance(x, str)), default=-1)
    if leaf_at < 1:
        return ""
    prefix = loc[:leaf_at]
    names = [(i, str(x)) for i, x in enumerate(prefix) if isinstance(x, str)]
    for k in range(len(names), 0, -1):
        pos = names[k - 1][0]
        idx = prefix[pos + 1] if pos + 1 < len(prefix) and isinstance(prefix[pos + 1], int) else None
        line = _line(text, str(loc[leaf_at]), ".".join(n for _, n in names[:k]), idx)
        if line:
            return line
    return ""


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys a table at `loc` may have (for "did you mean"), or [] if unknown."""
    current: Any = model
    skip_key = False
    for part in loc:
        if isinstance(part, int):
            continue
        if skip_key:  # a key of a dict such as network.hosts
            skip_key = False
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = current.model_fields.get(str(part))
        if field is None:
            return []
        current, skip_key = _inner(field.annotation)
    if skip_key or not (isinstance(current, type) and issubclass(current, BaseModel)):
        return []
    return list(current.model_fields)


def _inner(annotation: Any) -> tuple[Any, bool]:
    """The model inside `X | None`, `tuple[X, ...]` or `dict[str, X]`; True for a dict."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    is_dict = get_origin(annotation) is dict
    for arg in get_args(annotation):
        found, _ = _inner(arg)
        if found is not None:
            return found, is_dict
    return None, False


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
