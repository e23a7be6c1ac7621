"""The people-search and data-broker catalog: which sites list people, how to look a person up on
each (URL templates), how to read their pages, and how to get off them (opt-out facts).

The data lives in `brokers.toml` next to this file (one `[[broker]]` table per site, one
`[[company]]` table per company that runs several); this module loads and validates it into frozen
`Broker` and `Company` records and expands a broker's URL templates for a profile person. Every
parent and mirror link carries its source and the date that source states it (`Relation`); every
site says when its facts were last checked, against what, and whether anyone verified it live. The brokers probe plans look-ups from it, the analyzer asks `broker_for_url` for a
page's listing-block selector, and the remediation module reads the opt-out fields and groups
actions by `parent` (one opt-out at a parent company often clears its mirror sites).

Template tokens (docs/contract): {first} {middle} {last} lowercase ASCII, inner spaces → "-";
{First} {Middle} {Last} ASCII as written; {city} / {City}; {state} / {ST} / {StateName} (US states);
{zip}; {phone10} / {phone_dashed} (national number of a +1 phone); {phone_national} (digits of a
national number elsewhere); {phone_region} (the number's country, lowercase ISO: "ro", "sk"); {email}; {street} / {Street}. {FirstU} {LastU} {CityU} keep the
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
RELATION_KINDS = ("parent", "mirror")
NAME_TOKENS = frozenset({"first", "middle", "last", "First", "Middle", "Last", "FirstU", "LastU"})
PLACE_TOKENS = frozenset({"city", "City", "CityU", "state", "ST", "StateName", "zip"})
PHONE_TOKENS = frozenset({"phone10", "phone_dashed", "phone_national", "phone_region"})
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
class Relation:
    """A link between a site and the company behind it or a site that shows the same data, as
    a public source states it."""

    kind: str
    """"parent": the site belongs to the company `to`; "mirror": the site shows the same records
    as the catalog site `to` (one removal there often clears both)."""
    to: str
    """The company's name (parent) or the other site's catalog id (mirror)."""
    source: str
    """Where it is stated (a URL)."""
    as_of: str
    """The date the source states it (its update date, or when it recorded the link), ISO."""


@dataclass(frozen=True)
class Company:
    """A company that runs several people-search sites: one removal request there may reach
    them all."""

    name: str
    """The name `Broker.parent` uses ("PeopleConnect")."""
    also_known_as: tuple[str, ...]
    """Other names sources use for it ("Intelius")."""
    brands: tuple[str, ...]
    """Sites the sources say it owns that the catalog does not list as sites (no confirmed
    domain): named so the link is not lost."""
    sources: tuple[str, ...]
    """Where the facts come from."""
    as_of: str
    """Date of the newest source, ISO."""


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
    relations: tuple[Relation, ...] = ()
    """Its parent and mirror links, each with source and date."""
    checked_on: str = ""
    """When the facts were last compared with the sources (ISO date; "" = not recorded)."""
    checked_by: str = ""
    """What they were compared with ("BADBOOL (2026-07-26); DuckDuckGo's broker definitions")."""
    verified_live: bool = False
    """True only when someone opened the live site and confirmed the look-up and opt-out."""
    verified_live_on: str | None = None
    """When it was verified live (ISO date)."""
    verified_live_by: str | None = None
    """Who or what verified it live."""
    countries: tuple[str, ...] = ()
    """Other countries whose people it lists too (a reverse-phone site used across Europe);
    its phone look-ups are then made for numbers of any of them."""

    @property
    def verification(self) -> str:
        """One line: whether the site was verified live, when and by what."""
        if self.verified_live:
            return f"verified live on {self.verified_live_on} by {self.verified_live_by}"
        if not self.checked_on:
            return "not verified live; when its facts were checked is not recorded"
        return (f"not verified live; facts checked on {self.checked_on} against "
                f"{self.checked_by}")

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
    "id", "name", "domains", "country", "countries", "parent", "kind", "search", "no_results", "listing_markers",
    "challenge_markers", "block_selector", "opt_out_url", "requires", "expected_time",
    "recheck_days", "priority", "steps", "notes", "sources", "mirrors", "verified", "relation",
    "checked_on", "checked_by", "verified_live", "verified_live_on", "verified_live_by",
}
_COMPANY_FIELDS = {"name", "also_known_as", "brands", "sources", "as_of"}
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date(path: Path, where: str, value: Any, *, required: bool = True) -> str | None:
    """A TOML date (2026-12-03) or the same as text, as an ISO string."""
    import datetime as dt

    if value is None and not required:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, str) and _DATE_RE.match(value):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise _err(path, where, "expected a date (2026-12-03)")


def _relations(path: Path, where: str, raw: Any) -> tuple[Relation, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise _err(path, where, "expected [[broker.relation]] tables")
    out = []
    for i, r in enumerate(raw):
        at = f"{where}[{i}]"
        if not isinstance(r, dict):
            raise _err(path, at, "expected a table with kind, to, source and as_of")
        unknown = sorted(set(r) - {"kind", "to", "source", "as_of"})
        if unknown:
            raise _err(path, at, f"unknown key(s) {', '.join(unknown)}")
        kind = r.get("kind")
        if kind not in RELATION_KINDS:
            raise _err(path, f"{at}.kind", f"expected one of {', '.join(RELATION_KINDS)}")
        to = _opt_str(path, f"{at}.to", r.get("to"))
        source = _opt_str(path, f"{at}.source", r.get("source"))
        if not to:
            raise _err(path, f"{at}.to", "missing")
        if not source or not source.startswith("https://"):
            raise _err(path, f"{at}.source", "expected the https:// address that states it")
        as_of = _date(path, f"{at}.as_of", r.get("as_of"))
        assert as_of is not None
        out.append(Relation(kind, to, source, as_of))
    return tuple(out)
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
    countries = _strs(path, f"{where}.countries", raw.get("countries"))
    if not all(re.fullmatch(r"[A-Z]{2}", c) for c in countries):
        raise _err(path, f"{where}.countries", "expected two-letter ISO country codes")
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
    checked_on = _date(path, f"{where}.checked_on", raw.get("checked_on"), required=False)
    checked_by = _opt_str(path, f"{where}.checked_by", raw.get("checked_by"))
    if checked_on and not checked_by:
        raise _err(path, f"{where}.checked_by", "say what the facts were checked against")
    live = raw.get("verified_live", False)
    if not isinstance(live, bool):
        raise _err(path, f"{where}.verified_live", "expected true or false")
    live_on = _date(path, f"{where}.verified_live_on", raw.get("verified_live_on"),
                    required=live)
    live_by = _opt_str(path, f"{where}.verified_live_by", raw.get("verified_live_by"))
    if live and not live_by:
        raise _err(path, f"{where}.verified_live_by", "say who or what verified it live")
    return Broker(
        id=bid,
        name=name,
        domains=domains,
        country=country,
        countries=tuple(c for c in countries if c != country),
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
        relations=_relations(path, f"{where}.relation", raw.get("relation")),
        checked_on=checked_on or "",
        checked_by=checked_by or "",
        verified_live=live,
        verified_live_on=live_on,
        verified_live_by=live_by,
    )


def _company(path: Path, i: int, raw: Any) -> Company:
    where = f"company[{i}]"
    if not isinstance(raw, dict):
        raise _err(path, where, "expected a table")
    name = _opt_str(path, f"{where}.name", raw.get("name"))
    if not name:
        raise _err(path, f"{where}.name", "missing")
    where = f"company '{name}'"
    unknown = sorted(set(raw) - _COMPANY_FIELDS)
    if unknown:
        raise _err(path, where, f"unknown key(s) {', '.join(unknown)}")
    sources = _strs(path, f"{where}.sources", raw.get("sources"))
    if not sources:
        raise _err(path, f"{where}.sources", "name at least one source")
    as_of = _date(path, f"{where}.as_of", raw.get("as_of"))
    assert as_of is not None
    return Company(name, _strs(path, f"{where}.also_known_as", raw.get("also_known_as")),
                   _strs(path, f"{where}.brands", raw.get("brands")), sources, as_of)


def parse_catalog(data: dict[str, Any], path: Path) -> tuple[Broker, ...]:
    """Validate an already parsed catalog: every broker, unique ids and domains, mirrors that
    name existing brokers, every parent a `[[company]]`, every parent and mirror link stated by
    a source with its date."""
    return _parse_all(data, path)[0]


def _parse_all(data: dict[str, Any], path: Path) -> tuple[tuple[Broker, ...], tuple[Company, ...]]:
    raws = data.get("broker")
    if not isinstance(raws, list) or not raws:
        raise _err(path, "broker", "expected one or more [[broker]] tables")
    rc = data.get("company", [])
    if not isinstance(rc, list):
        raise _err(path, "company", "expected [[company]] tables")
    companies = [_company(path, i, r) for i, r in enumerate(rc)]
    names: dict[str, str] = {}
    for c in companies:
        for n in (c.name, *c.also_known_as):
            if n.casefold() in names:
                raise _err(path, f"company '{c.name}'", f"name '{n}' already used by company "
                           f"'{names[n.casefold()]}'")
            names[n.casefold()] = c.name
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
    company_names = {c.name for c in companies}
    stated = {(b.id, r.to) for b in brokers for r in b.relations if r.kind == "mirror"}
    for b in brokers:
        for m in b.mirrors:
            if m not in ids or m == b.id:
                raise _err(path, f"broker '{b.id}'.mirrors", "names a broker not in the catalog")
            if (b.id, m) not in stated and (m, b.id) not in stated:
                raise _err(path, f"broker '{b.id}'.mirrors",
                           f"no [[broker.relation]] of kind \"mirror\" states the link to '{m}' "
                           "(with its source and date)")
        for r in b.relations:
            if r.kind == "mirror" and (r.to not in ids or r.to == b.id):
                raise _err(path, f"broker '{b.id}'.relation",
                           f"mirror of '{r.to}': not another broker of the catalog")
            if r.kind == "mirror" and r.to not in b.mirrors and \
                    b.id not in next(x for x in brokers if x.id == r.to).mirrors:
                raise _err(path, f"broker '{b.id}'.relation",
                           f"mirror of '{r.to}' is not in either site's `mirrors`")
            if r.kind == "parent" and r.to != b.parent:
                raise _err(path, f"broker '{b.id}'.relation",
                           f"parent '{r.to}' is not the broker's `parent`")
        if b.parent is not None:
            if b.parent not in company_names:
                raise _err(path, f"broker '{b.id}'.parent",
                           f"'{b.parent}' is not a [[company]] of the catalog")
            if not any(r.kind == "parent" for r in b.relations):
                raise _err(path, f"broker '{b.id}'.parent",
                           "no [[broker.relation]] of kind \"parent\" states it (with its "
                           "source and date)")
    broker_names = {b.name.casefold() for b in brokers}
    for c in companies:
        for brand in c.brands:
            if brand.casefold() in broker_names:
                raise _err(path, f"company '{c.name}'.brands",
                           f"'{brand}' is a site of the catalog: give it its parent instead")
    return tuple(brokers), tuple(companies)


@functools.lru_cache(maxsize=8)
def _load(path: Path) -> tuple[tuple[Broker, ...], tuple[Company, ...]]:
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
    return _parse_all(data, path)


def load_brokers(path: Path | None = None) -> tuple[Broker, ...]:
    """The validated catalog (the built-in one by default). Cached per path."""
    return _load(Path(path).resolve() if path is not None else CATALOG_PATH)[0]


def load_companies(path: Path | None = None) -> tuple[Company, ...]:
    """The catalog's companies (the built-in catalog by default)."""
    return _load(Path(path).resolve() if path is not None else CATALOG_PATH)[1]


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


def _phone_region(e164: str) -> str:
    import phonenumbers

    return phonenumbers.region_code_for_number(phonenumbers.parse(e164, None)) or ""


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
    phone_regions: frozenset[str] | None = None,
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
        for ident, e164, cc, national in phone_values(person):
            if phone_country is not None and cc != phone_country:
                continue
            region = _phone_region(e164)
            if phone_regions is not None and region not in phone_regions:
                continue
            vals = {"phone_national": national, "phone_region": region.lower()}
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
    "Broker", "CatalogError", "Company", "NameForm", "Place", "Relation", "broker_by_id",
    "broker_for_url", "check_template", "expand", "expansions", "load_brokers", "load_companies",
    "name_forms", "parse_catalog", "places", "template_tokens",
]
