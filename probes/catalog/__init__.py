"""The people-search and data-broker catalog: which sites list people, how to look a person up on
each (URL templates), how to read their pages, and how to get off them (opt-out facts).

The data lives in `brokers.toml` next to this file (one `[[broker]]` table per site); this module
loads and validates it into frozen `Broker` records and expands a broker's URL templates for a
profile person. The brokers probe plans look-ups from it, the analyzer asks `broker_for_url` for a
page's listing-block selector, and the remediation module reads the opt-out fields and groups
actions by `parent` (one opt-out at a parent company often clears its mirror sites).

Template tokens (docs/contract): {first} {middle} {last} lowercase ASCII, inner spaces → "-";
{First} {Middle} {Last} ASCII as written; {city} / {City}; {state} / {ST} / {StateName} (US states);
{zip}; {phone10} / {phone_dashed} (national number of a +1 phone); {phone_national} (digits of a
national number elsewhere); {email}; {street} / {Street}. {FirstU} {LastU} {CityU} keep the
letters as written (diacritics included), percent-encoded, for sites in languages that use them.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from footprint.errors import FootprintError
from footprint.web.urls import host_of

if TYPE_CHECKING:
    from footprint.profile import Address, Person, Profile

CATALOG_PATH = Path(__file__).with_name("brokers.toml")

SEARCH_KINDS = ("name", "name_city", "phone", "email", "address")
REQUIREMENTS = ("email", "phone", "id", "letter", "account", "fax", "postal", "form", "captcha",
                "none")
KINDS = ("people-search", "public-record", "government")
NAME_TOKENS = frozenset({"first", "middle", "last", "First", "Middle", "Last", "FirstU", "LastU"})
PLACE_TOKENS = frozenset({"city", "City", "CityU", "state", "ST", "StateName", "zip"})
PHONE_TOKENS = frozenset({"phone10", "phone_dashed", "phone_national"})
EMAIL_TOKENS = frozenset({"email"})
ADDRESS_TOKENS = frozenset({"street", "Street"})
TOKENS = NAME_TOKENS | PLACE_TOKENS | PHONE_TOKENS | EMAIL_TOKENS | ADDRESS_TOKENS
_TOKEN_RE = re.compile(r"\{([^{}]*)\}")

US_STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}
_STATE_BY_NAME = {v.lower(): k for k, v in US_STATES.items()}


class CatalogError(FootprintError):
    """The broker catalog is malformed. The message names the file, the broker and the key."""

    exit_code = 2


@dataclass(frozen=True)
class Broker:
    """One people-search site, data broker or public register that can expose a person."""

    id: str
    """Stable id ("spokeo"): appears in exposures' attrs and in reports; never renamed."""
    name: str
    """Display name ("Spokeo")."""
    domains: tuple[str, ...]
    """Registrable domains the site answers on; subdomains are included ("spokeo.com")."""
    country: str
    """ISO 3166-1 alpha-2 code of the people it lists ("US", "GB", "CZ")."""
    parent: str | None
    """Parent company or back-end operator, when several sites share one ("PeopleConnect")."""
    search_templates: tuple[tuple[str, str], ...]
    """(kind, URL template) pairs; kind is name | name_city | phone | email | address."""
    no_results: tuple[str, ...]
    """Case-insensitive text markers of the site's "no results" page."""
    listing_markers: tuple[str, ...]
    """Case-insensitive text markers that a page is one of the site's person listings."""
    challenge_markers: tuple[str, ...]
    """Site-specific block/challenge markers, checked in addition to `footprint.web.blocks`."""
    block_selector: str | None
    """CSS selector of one listing block (one person), where the site's markup is stable."""
    opt_out_url: str | None
    """Where a person asks for removal."""
    requires: tuple[str, ...]
    """What the opt-out asks for: email | phone | id | letter | account | fax | postal | form |
    captcha | none."""
    expected_time: str | None
    """How long removal usually takes, as the site or the guides state it ("72 hours")."""
    recheck_days: int | None
    """Days after which to look again: these sites re-list people from fresh data."""
    priority: int
    """1 = do first (much-visited, lists home addresses) … 3 = after the others."""
    steps: tuple[str, ...]
    """Step-by-step opt-out instructions, in our own words."""
    notes: str
    """Anything else worth knowing (captchas, suppression scope, mirrors)."""
    sources: tuple[str, ...]
    """Where the facts come from (the site's own opt-out page, public opt-out guides)."""
    mirrors: tuple[str, ...]
    """Ids of other catalog brokers that share this one's back end (one opt-out may clear both)."""
    kind: str = "people-search"
    """SourceKind value of the site: people-search, public-record or government."""
    verified: bool = True
    """False when the opt-out facts could not be checked against a current source."""

    @property
    def group(self) -> str:
        """The removal group: the parent company, or the site itself."""
        return self.parent or self.name

    def templates(self, *kinds: str) -> tuple[str, ...]:
        """The URL templates of the given kinds (all kinds when none given)."""
        return tuple(t for k, t in self.search_templates if not kinds or k in kinds)

    def owns(self, url: str) -> bool:
        """True when `url` is on one of the broker's domains or their subdomains."""
        host = _host(url)
        return any(host == d or host.endswith("." + d) for d in self.domains)


# --- loading and validation ------------------------------------------------------------------


def _host(url: str) -> str:
    # host_of answers "" for a URL urlsplit cannot parse ("http://[::1/x"): a hostile page's
    # link must not stop the analyzer or the remediation that ask which broker a URL is on.
    return host_of(url).rstrip(".")


def _check_selector(path: Path, where: str, selector: str | None) -> str | None:
    """The selector, or CatalogError when lexbor cannot parse it: a typo in the catalog is
    reported once when it loads, not as a parse failure on every page of the site."""
    if selector is None:
        return None
    from selectolax.lexbor import LexborHTMLParser, SelectolaxError

    try:
        LexborHTMLParser("<p></p>").css(selector)
    except (SelectolaxError, ValueError, TypeError):
        raise _err(path, where, "not a CSS selector lexbor can parse") from None
    return selector


def template_tokens(template: str) -> tuple[str, ...]:
    """The tokens a template uses, in order."""
    return tuple(_TOKEN_RE.findall(template))


def _err(path: Path, where: str, what: str) -> CatalogError:
    return CatalogError(f"{path}: {where}: {what}")


def _strs(path: Path, where: str, value: Any, *, allow_str: bool = False) -> tuple[str, ...]:
    if value is None:
        return ()
    if allow_str and isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _err(path, where, "expected a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _opt_str(path: Path, where: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _err(path, where, "expected a non-empty string")
    return value.strip()


_FIELDS = {
    "id", "name", "domains", "country", "parent", "kind", "search", "no_results", "listing_markers",
    "challenge_markers", "block_selector", "opt_out_url", "requires", "expected_time",
    "recheck_days", "priority", "steps", "notes", "sources", "mirrors", "verified",
}
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{1,39}$")
_DOMAIN_RE = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$")


def check_template(template: str, kind: str, domains: Iterable[str]) -> str | None:
    """Why a URL template is malformed, or None when it is well formed: https, a host on one of
    the broker's domains, only known tokens, and the tokens its kind needs."""
    if kind not in SEARCH_KINDS:
        return f"unknown search kind '{kind}' (expected one of {', '.join(SEARCH_KINDS)})"
    if template.count("{") != template.count("}"):
        return "unbalanced braces"
    toks = set(template_tokens(template))
    bad = sorted(toks - TOKENS)
    if bad:
        return f"unknown token(s) {', '.join('{' + t + '}' for t in bad)}"
    parts = urlsplit(template)
    if parts.scheme != "https":
        return "template must start with https://"
    host = (parts.hostname or "").lower()
    if "{" in (parts.netloc or "") or not any(host == d or host.endswith("." + d) for d in domains):
        return "the template's host is not one of the broker's domains"
    needs = {
        "name": NAME_TOKENS,
        "name_city": NAME_TOKENS,
        "phone": PHONE_TOKENS,
        "email": EMAIL_TOKENS,
        "address": ADDRESS_TOKENS,
    }[kind]
    if not toks & needs:
        return f"a '{kind}' template needs one of {', '.join(sorted(needs))}"
    if kind == "name_city" and not toks & PLACE_TOKENS:
        return "a 'name_city' template needs a place token ({city}, {state}, {zip}…)"
    if kind == "name" and toks & PLACE_TOKENS:
        return "a 'name' template has place tokens: make it 'name_city'"
    return None


def _parse(path: Path, i: int, raw: Any) -> Broker:
    where = f"broker[{i}]"
    if not isinstance(raw, dict):
        raise _err(path, where, "expected a table")
    bid = raw.get("id")
    if not isinstance(bid, str) or not _ID_RE.match(bid):
        raise _err(path, f"{where}.id", "expected a short id of lowercase letters, digits, - or _")
    where = f"broker '{bid}'"
    unknown = sorted(set(raw) - _FIELDS)
    if unknown:
        raise _err(path, where, f"unknown key(s) {', '.join(unknown)}")
    name = _opt_str(path, f"{where}.name", raw.get("name"))
    if not name:
        raise _err(path, f"{where}.name", "missing")
    domains = tuple(d.lower() for d in _strs(path, f"{where}.domains", raw.get("domains")))
    if not domains or not all(_DOMAIN_RE.match(d) for d in domains):
        raise _err(path, f"{where}.domains", "expected at least one bare domain (\"spokeo.com\")")
    country = raw.get("country")
    if not isinstance(country, str) or not re.fullmatch(r"[A-Z]{2}", country):
        raise _err(path, f"{where}.country", "expected a two-letter ISO country code")
    kind = raw.get("kind", "people-search")
    if kind not in KINDS:
        raise _err(path, f"{where}.kind", f"expected one of {', '.join(KINDS)}")
    search = raw.get("search", {})
    if not isinstance(search, dict):
        raise _err(path, f"{where}.search", "expected a table of kind = [templates]")
    templates: list[tuple[str, str]] = []
    for k, v in search.items():
        for t in _strs(path, f"{where}.search.{k}", v, allow_str=True):
            problem = check_template(t, k, domains)
            if problem:
                raise _err(path, f"{where}.search.{k}", problem)
            templates.append((k, t))
    requires = _strs(path, f"{where}.requires", raw.get("requires"))
    for r in requires:
        if r not in REQUIREMENTS:
            raise _err(path, f"{where}.requires", f"expected items from {', '.join(REQUIREMENTS)}")
    opt_out = _opt_str(path, f"{where}.opt_out_url", raw.get("opt_out_url"))
    if opt_out is not None and not opt_out.startswith(("https://", "http://", "mailto:")):
        raise _err(path, f"{where}.opt_out_url", "expected an https:// URL or a mailto: address")
    recheck = raw.get("recheck_days")
    if recheck is not None and (not isinstance(recheck, int) or isinstance(recheck, bool)
                                or not 1 <= recheck <= 730):
        raise _err(path, f"{where}.recheck_days", "expected a whole number of days (1–730)")
    priority = raw.get("priority", 2)
    if not isinstance(priority, int) or isinstance(priority, bool) or not 1 <= priority <= 3:
        raise _err(path, f"{where}.priority", "expected 1 (do first), 2 or 3")
    verified = raw.get("verified", True)
    if not isinstance(verified, bool):
        raise _err(path, f"{where}.verified", "expected true or false")
    notes = raw.get("notes", "")
    if not isinstance(notes, str):
        raise _err(path, f"{where}.notes", "expected text")
    sources = _strs(path, f"{where}.sources", raw.get("sources"))
    if not sources:
        raise _err(path, f"{where}.sources", "name at least one source for the facts")
    return Broker(
        id=bid,
        name=name,
        domains=domains,
        country=country,
        parent=_opt_str(path, f"{where}.parent", raw.get("parent")),
        search_templates=tuple(templates),
        no_results=_strs(path, f"{where}.no_results", raw.get("no_results")),
        listing_markers=_strs(path, f"{where}.listing_markers", raw.get("listing_markers")),
        challenge_markers=_strs(path, f"{where}.challenge_markers", raw.get("challenge_markers")),
        block_selector=_check_selector(
            path, f"{where}.block_selector",
            _opt_str(path, f"{where}.block_selector", raw.get("block_selector")),
        ),
        opt_out_url=opt_out,
        requires=requires,
        expected_time=_opt_str(path, f"{where}.expected_time", raw.get("expected_time")),
        recheck_days=recheck,
        priority=priority,
        steps=_strs(path, f"{where}.steps", raw.get("steps")),
        notes=" ".join(notes.split()),
        sources=sources,
        mirrors=_strs(path, f"{where}.mirrors", raw.get("mirrors")),
        kind=kind,
        verified=verified,
    )


def parse_catalog(data: dict[str, Any], path: Path) -> tuple[Broker, ...]:
    """Validate an already parsed catalog: every broker, unique ids and domains, mirrors that
    name existing brokers."""
    raws = data.get("broker")
    if not isinstance(raws, list) or not raws:
        raise _err(path, "broker", "expected one or more [[broker]] tables")
    brokers = [_parse(path, i, r) for i, r in enumerate(raws)]
    ids: set[str] = set()
    domains: dict[str, str] = {}
    for b in brokers:
        if b.id in ids:
            raise _err(path, f"broker '{b.id}'", "duplicate id")
        ids.add(b.id)
        for d in b.domains:
            if d in domains:
                raise _err(path, f"broker '{b.id}'.domains",
                           f"domain already listed by broker '{domains[d]}'")
            domains[d] = b.id
    for b in brokers:
        for m in b.mirrors:
            if m not in ids or m == b.id:
                raise _err(path, f"broker '{b.id}'.mirrors", "names a broker not in the catalog")
    return tuple(brokers)


@functools.lru_cache(maxsize=8)
def _load(path: Path) -> tuple[Broker, ...]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise CatalogError(f"{path}: cannot read the broker catalog ({e.strerror})") from None
    except UnicodeDecodeError:
        raise CatalogError(f"{path}: the broker catalog is not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise CatalogError(f"{path}: not valid TOML: {e}") from None
    return parse_catalog(data, path)


def load_brokers(path: Path | None = None) -> tuple[Broker, ...]:
    """The validated catalog (the built-in one by default). Cached per path."""
    return _load(Path(path).resolve() if path is not None else CATALOG_PATH)


@functools.lru_cache(maxsize=8)
def _host_index(path: Path | None) -> dict[str, Broker]:
    return {d: b for b in load_brokers(path) for d in b.domains}


def broker_for_url(url: str, path: Path | None = None) -> Broker | None:
    """The catalog broker whose domains hold the URL's host (or a parent domain of it)."""
    host = _host(url)
    if not host:
        return None
    index = _host_index(path)
    labels = host.split(".")
    for i in range(len(labels) - 1):
        b = index.get(".".join(labels[i:]))
        if b is not None:
            return b
    return None


def broker_by_id(broker_id: str, path: Path | None = None) -> Broker | None:
    """The broker with that id, or None."""
    return next((b for b in load_brokers(path) if b.id == broker_id), None)


# --- template expansion ------------------------------------------------------------------------


def _ascii(s: str) -> str:
    from unidecode import unidecode

    return unidecode(s)


def _slug(s: str, lower: bool) -> str:
    """ASCII, inner spaces → "-", anything that is not a letter, digit or "-" dropped
    (apostrophes and dots in "O'Brien", "R." are dropped the way the sites drop them)."""
    s = _ascii(s).strip()
    s = re.sub(r"\s+", "-", s)
    s = re.sub(r"[^A-Za-z0-9-]", "", s)
    s = re.sub(r"-{2,}", "-", s).strip("-")
    return s.lower() if lower else s


@dataclass(frozen=True)
class NameForm:
    """A first/middle/last split of one of a person's names."""

    identifier: str
    """"name" for the profile name, "aliases" for an alias (by reference, never the value)."""
    first: str
    middle: str
    last: str


def name_forms(person: Person) -> list[NameForm]:
    """First/middle/last of the profile name and of each alias, without duplicates (by first and
    last name). Titles and suffixes ("Hon.", "Jr.") are left out; a one-word name is skipped."""
    from nameparser import HumanName

    out: list[NameForm] = []
    seen: set[tuple[str, str, str]] = set()
    for i, full in enumerate(person.all_names()):
        h = HumanName(full)
        first, middle, last = h.first, h.middle, h.last
        if not first or not last:
            words = full.split()
            if len(words) < 2:
                continue
            first, middle, last = words[0], " ".join(words[1:-1]), words[-1]
        key = (_slug(first, True), _slug(middle, True), _slug(last, True))
        if not key[0] or not key[2]:
            continue
        short = (key[0], "", key[2])
        if short in seen and not key[1]:
            continue
        if key in seen:
            continue
        seen.add(key)
        seen.add(short)
        out.append(NameForm("name" if i == 0 else "aliases", first, middle, last))
    return out


@dataclass(frozen=True)
class Place:
    """A place a person lives in, for templates that search by name and place."""

    identifier: str
    """What it comes from, by reference: "city", "home", "addresses[1]"."""
    city: str
    state: str | None
    """Two-letter US state code, or a region as written elsewhere."""
    postal_code: str | None
    country: str
    street: str | None = None


def _state_code(region: str | None, country: str) -> str | None:
    if not region:
        return None
    r = region.strip()
    if country == "US":
        if r.upper() in US_STATES:
            return r.upper()
        return _STATE_BY_NAME.get(r.lower())
    return r


def places(person: Person, profile: Profile | None = None, *, own_only: bool = False) -> list[Place]:
    """Where a person lives: current (home/secondary) addresses — the person's own, or the
    subject's home when a relative lists none (DESIGN.md §2; `own_only` skips that inheritance) —
    then the person's city/region if it is another place. A US city with no region takes the
    state of a home address in that city, else of a US-XX jurisdiction. Deduplicated by city,
    state and country."""
    country = profile.audit.country if profile else "US"
    juris_state = None
    if profile and "-" in profile.audit.jurisdiction:
        juris_state = profile.audit.jurisdiction.split("-", 1)[1]
    if profile is not None and not own_only:
        addrs: tuple[Address, ...] = profile.matching_addresses(person)
    else:
        addrs = person.addresses
    out: list[Place] = []
    seen: set[tuple[str, str, str]] = set()

    def add(p: Place) -> None:
        key = (p.city.lower(), (p.state or "").lower(), p.country)
        if key not in seen:
            seen.add(key)
            out.append(p)

    for i, a in enumerate(addrs):
        if not a.is_current or not a.city:
            continue
        label = a.label if sum(x.label == a.label for x in addrs) == 1 else f"addresses[{i}]"
        c = a.country or country
        state = _state_code(a.region, c)
        if state is None and not a.region and c == "US" and juris_state in US_STATES:
            state = juris_state
        add(Place(label, a.city, state, a.postal_code, c, a.street))
    if person.city:
        state = _state_code(person.region, country)
        if state is None and not person.region:
            # A city with no region: borrow the state of an address in that city, else the
            # jurisdiction's (a judge usually lives where they sit).
            same = next((p for p in out if p.city.lower() == person.city.lower() and p.state),
                        None)
            if same is not None:
                state = same.state
            elif country == "US" and juris_state in US_STATES:
                state = juris_state
        add(Place("city", person.city, state, None, country))
    return out


def phone_values(person: Person) -> list[tuple[str, str, int | None, str]]:
    """(identifier, E.164, country calling code, national digits) for each phone."""
    import phonenumbers

    out = []
    for i, ph in enumerate(person.phones):
        try:
            num = phonenumbers.parse(ph, None)
        except phonenumbers.NumberParseException:
            continue
        national = phonenumbers.national_significant_number(num)
        out.append((f"phones[{i}]", ph, num.country_code, national))
    return out


def _unicode(s: str) -> str:
    """As written (diacritics kept), spaces as %20, percent-encoded UTF-8."""
    return quote(" ".join(s.split()), safe="")


def _values_for_name(n: NameForm) -> dict[str, str]:
    return {
        "first": _slug(n.first, True), "middle": _slug(n.middle, True), "last": _slug(n.last, True),
        "First": _slug(n.first, False), "Middle": _slug(n.middle, False),
        "Last": _slug(n.last, False), "FirstU": _unicode(n.first), "LastU": _unicode(n.last),
    }


def _values_for_place(p: Place) -> dict[str, str]:
    v = {"city": _slug(p.city, True), "City": _slug(p.city, False), "CityU": _unicode(p.city)}
    if p.state:
        if p.country == "US" and p.state in US_STATES:
            v.update(state=p.state.lower(), ST=p.state, StateName=_slug(US_STATES[p.state], False))
        else:
            v.update(state=_slug(p.state, True), ST=_slug(p.state, False),
                     StateName=_slug(p.state, False))
    if p.postal_code:
        v["zip"] = re.sub(r"\s+", "", p.postal_code).split("-")[0] if p.country == "US" \
            else _slug(p.postal_code, False)
    if p.street:
        v.update(street=_slug(p.street, True), Street=_slug(p.street, False))
    return v


def _fill(template: str, values: dict[str, str]) -> str | None:
    """The template with every token replaced, or None when a token has no (non-empty) value."""
    missing = False

    def sub(m: re.Match[str]) -> str:
        nonlocal missing
        v = values.get(m.group(1))
        if not v:
            missing = True
            return ""
        return v

    url = _TOKEN_RE.sub(sub, template)
    return None if missing else url


def expansions(
    template: str,
    person: Person,
    profile: Profile | None = None,
    *,
    phone_country: int | None = 1,
    max_names: int | None = None,
    max_places: int | None = None,
) -> list[tuple[str, str]]:
    """(identifier, URL) for every way the person's data fills the template, most useful first:
    names (profile name, then aliases) × places for name templates, one URL per phone (only
    numbers with `phone_country` as calling code; None = any) for phone templates, one per e-mail,
    one per current street address. A template the data cannot fill gives []."""
    toks = set(template_tokens(template))
    out: list[tuple[str, str]] = []

    def add(identifier: str, values: dict[str, str]) -> None:
        url = _fill(template, values)
        if url is not None and url not in {u for _, u in out}:
            out.append((identifier, url))

    if toks & PHONE_TOKENS:
        for ident, _e164, cc, national in phone_values(person):
            if phone_country is not None and cc != phone_country:
                continue
            vals = {"phone_national": national}
            if cc == 1 and len(national) == 10:
                vals.update(phone10=national,
                            phone_dashed=f"{national[:3]}-{national[3:6]}-{national[6:]}")
            add(ident, vals)
        return out
    if toks & EMAIL_TOKENS:
        for i, em in enumerate(person.emails):
            add(f"emails[{i}]", {"email": quote(em, safe="@")})
        return out
    if toks & ADDRESS_TOKENS:
        for p in places(person, profile, own_only=True):
            if p.street:
                add(p.identifier, _values_for_place(p))
        return out
    # `max_names` counts distinct first/last pairs: "Eleanor R. Whitfield" and "Eleanor Ruth
    # Whitfield" differ only for templates that use the middle name.
    names: list[NameForm] = []
    pairs: list[tuple[str, str]] = []
    for n in name_forms(person):
        pair = (_slug(n.first, True), _slug(n.last, True))
        if pair not in pairs:
            if max_names and len(pairs) >= max_names:
                continue
            pairs.append(pair)
        names.append(n)
    where: list[Place | None] = (
        list(places(person, profile)[: max_places or None]) if toks & PLACE_TOKENS else [None]
    )
    for n in names:
        for p in where:  # type: ignore[assignment]
            values = _values_for_name(n)
            if p is not None:
                values.update(_values_for_place(p))
            add(n.identifier, values)
    return out


def expand(template: str, person: Person, profile: Profile | None = None, **kw: Any) -> list[str]:
    """The URLs a template gives for a person (see `expansions`)."""
    return [url for _, url in expansions(template, person, profile, **kw)]


__all__ = [
    "Broker", "CatalogError", "NameForm", "Place", "broker_by_id", "broker_for_url",
    "check_template", "expand", "expansions", "load_brokers", "name_forms", "parse_catalog",
    "places", "template_tokens",
]
