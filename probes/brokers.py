"""People-search probe: looks each consenting person up on the data brokers of the catalog
(direct look-up URLs and `site:` web searches) and hands listing pages to the analyzer, which
judges every listing block on its own. A block or challenge page is "not checked", never "clean".

Two routes, because each misses what the other finds:
- direct look-ups expand the catalog's URL templates with the person's names, city and phones
  (only for brokers of the audit's country or of a country the person has an address in);
- `site:` searches ask the search backend for pages of those brokers that carry the person's name
  (detail pages that no template reaches), several brokers OR-ed into one query.

A minor is searched for only through the search engine unless `include_minors` is set: a child's
name is not sent to data brokers by default. The options come from `[probes.brokers]`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import phonenumbers

from footprint.errors import ProbeError, ProfileError
from footprint.model import Hit, Query, Skipped
from footprint.planner import quoted
from footprint.web.blocks import detect_block

from .base import Probe, ProbeContext
from .catalog import (
    Broker,
    CatalogError,
    broker_by_id,
    broker_for_url,
    expansions,
    load_brokers,
    name_forms,
)

if TYPE_CHECKING:
    from footprint.analyze import PageResult
    from footprint.profile import Person
    from footprint.web.base import Response

# Phrases of "nothing found" pages that most sites share, checked besides each broker's own.
GENERIC_NO_RESULTS = (
    "no results found", "no records found", "we could not find", "we couldn't find",
    "did not match any", "0 results for", "no matches found",
)
# Phrases that show a page is a person listing, besides each broker's own markers.
GENERIC_LISTING = (
    "possible relatives", "past addresses", "previous addresses", "address history",
    "associated persons",
)

DEFAULTS: dict[str, Any] = {
    "direct": True,
    "site_search": True,
    "max_names": 3,
    "max_places": 2,
    "max_lookups_per_broker": 6,
    "max_site_queries": 6,
    "sites_per_query": 15,
    "max_results": 10,
    "include_minors": False,
    "brokers": [],
    "exclude": [],
    "catalog": None,
}
"""`[probes.brokers]` options and their defaults (documented in config.example.toml)."""

MAX_QUERY_CHARS = 380
"""Longest site: query sent: Brave's search API takes at most 400 characters, and other engines
cut long queries silently. The catalog's sites are packed into as few queries as this and
`sites_per_query` allow, so the query count stays at `max_site_queries` however many sites the
catalog gains."""

ROUTE_LOOKUP = "lookup"
ROUTE_SEARCH = "search"


def _opt_int(options: dict[str, Any], key: str) -> int:
    value = options.get(key, DEFAULTS[key])
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ProfileError(f"probes.brokers.{key}: expected a whole number (0 or more)")
    return value


def _opt_bool(options: dict[str, Any], key: str) -> bool:
    value = options.get(key, DEFAULTS[key])
    if not isinstance(value, bool):
        raise ProfileError(f"probes.brokers.{key}: expected true or false")
    return value


def _opt_ids(options: dict[str, Any], key: str) -> tuple[str, ...]:
    value = options.get(key, DEFAULTS[key])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(f'probes.brokers.{key}: expected a list of broker ids, e.g. ["spokeo"]')
    return tuple(value)


class BrokersProbe(Probe):
    name = "brokers"
    description = "People-search sites and data brokers: direct look-ups and site: searches"
    uses = ("name", "aliases", "city", "region", "addresses", "phones", "emails")

    def __init__(self, ctx: ProbeContext) -> None:
        super().__init__(ctx)
        opts = ctx.options
        catalog = opts.get("catalog", DEFAULTS["catalog"])
        if catalog is not None and not isinstance(catalog, str):
            raise ProfileError("probes.brokers.catalog: expected the path of a brokers TOML file")
        self.catalog_path: Path | None = None
        if catalog:
            path = Path(catalog)
            if not path.is_absolute():
                path = ctx.profile.path.parent / path
            self.catalog_path = path
        try:
            self.brokers = load_brokers(self.catalog_path)
        except CatalogError as e:
            if self.catalog_path is None:
                raise  # the built-in catalog is broken: a bug, named as such by its message
            # Name the profile key that points at the file, as the other probe options do.
            raise ProfileError(f"{ctx.profile.path}: probes.brokers.catalog: {e}") from None
        known = {b.id for b in self.brokers}
        self.only = _opt_ids(opts, "brokers")
        self.exclude = _opt_ids(opts, "exclude")
        for bid in (*self.only, *self.exclude):
            if bid not in known:
                raise ProfileError(f"{ctx.profile.path}: probes.brokers: unknown broker id '{bid}' "
                                   "(the ids are those of the broker catalog, e.g. spokeo)")
        self.direct = _opt_bool(opts, "direct")
        self.site_search = _opt_bool(opts, "site_search")
        self.include_minors = _opt_bool(opts, "include_minors")
        self.max_names = _opt_int(opts, "max_names")
        self.max_places = _opt_int(opts, "max_places")
        self.max_lookups = _opt_int(opts, "max_lookups_per_broker")
        self.max_site_queries = _opt_int(opts, "max_site_queries")
        self.sites_per_query = max(1, _opt_int(opts, "sites_per_query"))
        self.max_results = _opt_int(opts, "max_results") or DEFAULTS["max_results"]

    # -- planning ------------------------------------------------------------------------------

    def brokers_for(self, person: Person) -> list[Broker]:
        """Catalog brokers relevant to a person: the audit's country and the countries of the
        person's addresses, filtered by the `brokers` / `exclude` options, most urgent first."""
        profile = self.ctx.profile
        countries = {profile.audit.country}
        countries.update(a.country for a in profile.matching_addresses(person) if a.country)
        chosen = [
            b for b in self.brokers
            if (b.country in countries or countries & set(b.countries))
            and (not self.only or b.id in self.only)
            and b.id not in self.exclude
        ]
        return sorted(chosen, key=lambda b: b.priority)  # stable: catalog order within a priority

    def plan(self) -> list[Query]:
        out: list[Query] = []
        for person in self.ctx.profile.people:  # consenting people only, by construction
            brokers = self.brokers_for(person)
            if self.direct and (self.include_minors or not person.minor):
                out.extend(self._lookups(person, brokers))
            if self.site_search:
                out.extend(self._site_queries(person, brokers))
        return out

    def _lookups(self, person: Person, brokers: list[Broker]) -> list[Query]:
        profile = self.ctx.profile
        out: list[Query] = []
        for b in brokers:
            # Phone look-ups only for numbers of the broker's country (+1 for US sites), or
            # of any of its countries (a reverse-phone site used across Europe).
            calling_code = None if b.countries else (
                phonenumbers.country_code_for_region(b.country) or None)
            regions = frozenset((b.country, *b.countries)) if b.countries else None
            seen: set[str] = set()
            for _kind, template in b.search_templates:
                for identifier, url in expansions(
                    template, person, profile, phone_country=calling_code, phone_regions=regions,
                    max_names=self.max_names or None, max_places=self.max_places or None,
                ):
                    if url in seen or len(seen) >= self.max_lookups:
                        continue
                    seen.add(url)
                    out.append(Query(person=person.id, identifier=identifier, text=url,
                                     kind="url", probe=self.name))
        return out

    def _site_queries(self, person: Person, brokers: list[Broker]) -> list[Query]:
        """`"Name" site:a OR site:b …` per name form and group of brokers: the profile name with
        every group first, then aliases, cut at `max_site_queries`."""
        if not self.max_site_queries:
            return []
        domains: list[str] = []
        for b in brokers:
            if not (b.listing_markers or b.block_selector):
                continue  # no public listing pages (a marketing broker, a map-only register)
            for d in b.domains:
                if d not in domains:
                    domains.append(d)
        if not domains:
            return []
        names: list[tuple[str, str]] = []
        for form in name_forms(person):
            text = f"{form.first} {form.last}"
            if text.lower() not in {n.lower() for _, n in names}:
                names.append((form.identifier, text))
        longest = max((len(quoted(t)) for _, t in names), default=0)
        groups = _pack(domains, self.sites_per_query, MAX_QUERY_CHARS - longest - 1)
        out: list[Query] = []
        for identifier, text in names[: self.max_names or None]:
            for group in groups:
                sites = " OR ".join(f"site:{d}" for d in group)
                out.append(Query(person=person.id, identifier=identifier,
                                 text=f"{quoted(text)} {sites}", kind="web", probe=self.name))
        return out[: self.max_site_queries]

    def skipped_in_plan(self) -> list[Skipped]:
        out = []
        if self.direct and not self.include_minors:
            for p in self.ctx.profile.people:
                if p.minor:
                    out.append(Skipped(
                        f"people-search sites (direct look-ups) for {p.id}",
                        "not run for a minor: web search only "
                        "(set probes.brokers.include_minors = true to run them)",
                        self.name, p.id,
                    ))
        return out

    # -- running ---------------------------------------------------------------------------------

    def run(self, query: Query) -> Iterable[Hit]:
        if query.kind == "url":
            broker = self._broker(query.text)
            if broker is None:
                # A catalog edited between planning and a resumed run: the look-up cannot be
                # made, which the report must show as not checked, never as nothing found.
                raise ProbeError(self.name, "not checked: the look-up's site is no longer in "
                                 "the brokers catalog")
            yield Hit(
                url=query.text, probe=self.name, person=query.person,
                reason=f"people-search look-up: {query.identifier}", kind="page",
                source=broker.kind, query=query.key,
                meta=(("broker", broker.id), ("route", ROUTE_LOOKUP)),
            )
            return
        seen: set[str] = set()
        for r in self.ctx.search.search(query.text, kind="web", max_results=self.max_results):
            broker = self._broker(r.url)
            if broker is None or r.url in seen:
                continue  # only catalog brokers' pages: the web probe covers the rest
            seen.add(r.url)
            yield Hit(
                url=r.url, probe=self.name, person=query.person,
                reason=f"people-search site search: {query.identifier}", kind="page",
                source=broker.kind, query=query.key,
                meta=(("broker", broker.id), ("route", ROUTE_SEARCH)),
            )

    def _broker(self, url: str) -> Broker | None:
        return broker_for_url(url, self.catalog_path)

    # -- examining ------------------------------------------------------------------------------

    def examine(self, hit: Hit, response: Response) -> PageResult:
        from footprint.analyze import PageResult

        broker = broker_by_id(hit.get("broker") or "", self.catalog_path) or self._broker(hit.url)
        if broker is None:  # not a broker page after all (e.g. redirected off-site)
            return self.ctx.analyzer.analyze(hit, response)

        def skip(reason: str) -> PageResult:
            return PageResult(skipped=(Skipped(hit.url, reason, self.name, hit.person),))

        blocked = detect_block(response) or self._site_challenge(broker, response)
        if blocked:
            return skip(blocked)
        lookup = hit.get("route") == ROUTE_LOOKUP
        if response.status in (404, 410):
            if not lookup or self.ctx.offline:
                # A listing that is gone, or (offline) a page the archive never held: in archive
                # mode the archive is the whole web, so absence is an answer.
                return PageResult()
            if _has_any(_read(response, None)[0], (*broker.no_results, *GENERIC_NO_RESULTS)):
                return PageResult()
            return skip(f"not checked: {broker.name} answered HTTP {response.status} to the "
                        "look-up (its search address may have changed)")
        if response.status >= 400:
            return skip(f"not checked: HTTP {response.status}")
        if not response.is_html:
            return self.ctx.analyzer.analyze(hit, response)

        text, blocks = _read(response, broker.block_selector)
        listing = blocks > 0 or _has_any(text, (*broker.listing_markers, *GENERIC_LISTING))
        if not listing and _has_any(text, (*broker.no_results, *GENERIC_NO_RESULTS)):
            return PageResult()  # checked: the site has no listing under this name

        result = self.ctx.analyzer.analyze(hit, response)
        exposures = tuple(_tag(e, broker) for e in result.exposures)
        skipped = result.skipped
        if lookup and not listing and not exposures and not skipped:
            # Neither a listing nor a "no results" page: a changed layout or a soft block. Saying
            # "clean" here would be a guess.
            skipped = (Skipped(hit.url, f"not checked: page not recognised as a {broker.name} "
                               "listing or no-results page", self.name, hit.person),)
        return dataclasses.replace(result, exposures=exposures, skipped=skipped)

    @staticmethod
    def _site_challenge(broker: Broker, response: Response) -> str | None:
        if not broker.challenge_markers:
            return None
        head = response.body[:65536].decode("utf-8", "replace").lower()
        for marker in broker.challenge_markers:
            if marker.lower() in head:
                return f"blocked: {broker.name} challenge page (HTTP {response.status})"
        return None


def _pack(domains: list[str], per_query: int, room: int) -> list[list[str]]:
    """`domains` in order, in as few groups as fit `per_query` sites and `room` characters of
    "site:a OR site:b …" each, then evened out (31 sites in 3 groups of 11, 11, 9 rather than
    15, 15, 1)."""
    if not domains:
        return []
    groups: list[list[str]] = [[]]
    used = 0
    for d in domains:
        cost = len(f"site:{d}") + (4 if groups[-1] else 0)  # " OR "
        if groups[-1] and (len(groups[-1]) >= per_query or used + cost > room):
            groups.append([])
            used, cost = 0, len(f"site:{d}")
        groups[-1].append(d)
        used += cost
    # Even out: refill the same number of groups in turn, keeping each within its limits.
    n = len(groups)
    size = -(-len(domains) // n)
    even = [domains[i:i + size] for i in range(0, len(domains), size)]
    fits = all(len(g) <= per_query and len(" OR ".join(f"site:{d}" for d in g)) <= room
               for g in even)
    return even if fits and len(even) == n else groups


def _tag(exposure: Any, broker: Broker) -> Any:
    """The exposure with ("broker", id) in its attrs and the broker's source kind."""
    attrs = dict(exposure.attrs)
    attrs["broker"] = broker.id
    return dataclasses.replace(exposure, attrs=tuple(sorted(attrs.items())), source=broker.kind)


def _read(response: Response, selector: str | None) -> tuple[str, int]:
    """The page's visible text, lowercased (markers match case-insensitively), and how many
    elements match the broker's listing-block selector."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser
    from selectolax.lexbor import SelectolaxError

    try:
        tree = HTMLParser(response.text())
    except (ValueError, TypeError):  # undecodable: fall back to the raw bytes
        return response.body[:262144].decode("utf-8", "replace").lower(), 0
    blocks = 0
    if selector:
        try:
            blocks = len(tree.css(selector))
        except (SelectolaxError, ValueError):
            # The catalog checks selectors when it loads; this guards a catalog built in code.
            blocks = 0
    for node in tree.css("script, style, noscript, template"):
        node.decompose()
    root = tree.body or tree.root
    return (root.text(separator=" ") if root is not None else "").lower(), blocks


def _has_any(text: str, markers: Iterable[str]) -> bool:
    return any(m.lower() in text for m in markers if m)
