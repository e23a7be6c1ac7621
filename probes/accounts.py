"""Accounts probe: checks each consenting person's usernames on the platforms of the site catalog
(WhatsMyName-format rules) and follows handles that pages about the family link to.

An account counts as found only when the site's existence rule fully matches; a block, a login
wall, a timeout or an odd answer is reported as "not checked", never as "no account". A found
account page is also handed to the analyzer, so a profile that shows the home town or a child's
school yields those findings too.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from footprint.analyze import PageResult
from footprint.errors import ProbeError, ProfileError
from footprint.model import Category, Exposure, Hit, Lead, Query, Skipped, SourceKind
from footprint.sites import (
    ADULT,
    BUILTIN_ORIGIN,
    EXISTS,
    MISSING,
    Catalog,
    Selection,
    Site,
    SitesError,
    decide_group,
    is_adult_category,
    load_catalog,
    load_disabled,
    select,
    valid_username,
)
from footprint.web.base import Response

from .base import Probe, ProbeContext

_IDENT = re.compile(r"^usernames\[(\d+)\]$")
# Categories that show the person's life beyond the bare account.
_NOT_PERSONAL = {Category.ACCOUNT, Category.MENTION}
# Exposure confidence. A username the person listed is theirs on the platform they gave it for,
# but the same string elsewhere may belong to someone else, the more so when it is short.
CONF_LISTED = 0.7
CONF_LISTED_SHORT = 0.45
SHORT_USERNAME = 6
CONF_LINKED = 0.75
"""A handle linked from a page about the person, checked on the platform of the link."""
CONF_LINKED_ELSEWHERE = 0.45
"""The same handle checked on other platforms: a possible match for review."""
CONF_CORROBORATED = 0.9
"""The analyzer judged the account page itself to be about the person."""
GROUP_OVER = 10
"""A third-party catalog with more sites left out than this is reported one line per reason."""


@dataclass(frozen=True)
class AccountsOptions:
    """The `[probes.accounts]` table."""

    include_protected: bool = False
    """Also try sites marked with anti-bot or login protection (most answer "not checked")."""
    max_checks_per_person: int = 200
    """At most this many site checks per person (built-in sites are planned first)."""
    max_depth: int = 1
    """How far handles are followed: 1 = handles linked from pages found by other probes or
    from a listed username's account page; a handle found on a discovered account is depth 2."""
    max_discovered_handles: int = 10
    """At most this many linked handles followed per person."""
    sites_file: str | None = None
    """A WhatsMyName-format file to use besides the built-in rules (relative to the profile)."""
    use_downloaded: bool | None = None
    """Use the data `footprint sites update` downloaded. Default: yes live, no with
    --web-archive (an archive only holds the pages it recorded)."""
    sites: tuple[str, ...] = ()
    """Only these sites (names as in `footprint sites list`); empty = all."""
    exclude: tuple[str, ...] = ()
    """Never these sites."""
    exclude_categories: tuple[str, ...] = (ADULT,)
    """Site categories left out, as the site lists name them; "adult" stands for every category
    whose name marks adult sites (WhatsMyName's "xx NSFW xx", formerly "XXXPORNXXX"). Adult sites
    are out by default: a namesake's account there would put an embarrassing false lead in a
    report court staff read; set [] to include them. The report says what was left out."""

    @classmethod
    def parse(cls, raw: dict[str, Any], where: str) -> AccountsOptions:
        """Validate the table; errors name the key and what is expected, never a value."""
        known = cls.__dataclass_fields__
        for key in raw:
            if key not in known:
                raise ProfileError(
                    f"{where}.{key}: unknown option; expected one of {', '.join(known)}"
                )
        out: dict[str, Any] = {}
        for key in ("include_protected", "use_downloaded"):
            if key in raw:
                if not isinstance(raw[key], bool):
                    raise ProfileError(f"{where}.{key}: expected true or false")
                out[key] = raw[key]
        for key in ("max_checks_per_person", "max_depth", "max_discovered_handles"):
            if key in raw:
                v = raw[key]
                if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                    raise ProfileError(f"{where}.{key}: expected a whole number ≥ 0")
                out[key] = v
        if "sites_file" in raw:
            if not isinstance(raw["sites_file"], str) or not raw["sites_file"].strip():
                raise ProfileError(f"{where}.sites_file: expected a file path in quotes")
            out["sites_file"] = raw["sites_file"]
        for key in ("sites", "exclude", "exclude_categories"):
            if key in raw:
                v = raw[key]
                if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                    raise ProfileError(f"{where}.{key}: expected a list such as [\"a\", \"b\"]")
                out[key] = tuple(v)
        return cls(**out)


class AccountsProbe(Probe):
    name = "accounts"
    description = "Usernames on social, fitness, payment and other platforms, and linked handles"
    uses = ("usernames",)

    def __init__(self, ctx: ProbeContext) -> None:
        super().__init__(ctx)
        where = f"{ctx.profile.path}: probes.accounts"
        self.options = AccountsOptions.parse(ctx.options, where)
        sites_file = None
        if self.options.sites_file:
            sites_file = (ctx.profile.path.parent / Path(self.options.sites_file).expanduser())
        use_downloaded = self.options.use_downloaded
        if use_downloaded is None:
            use_downloaded = not ctx.offline
        try:
            self.catalog: Catalog = load_catalog(ctx.data_dir, sites_file=sites_file,
                                                 use_downloaded=use_downloaded)
        except SitesError as e:
            raise ProfileError(f"{where}.sites_file: {e}") from None
        self._by_name = {s.key: s for s in self.catalog.sites}
        self.selection: Selection = self._select(where)
        self.enabled = self.selection.checked
        self._left_out = self.selection.left_out
        self._planned: list[Query] | None = None
        self._over: dict[str, int] = {}
        self._lock = threading.Lock()
        self._depth: dict[str, int] = {}
        """URL of an account page → depth at which its handle was discovered (0 = planned)."""
        self._followed: dict[str, set[str]] = {}
        """Person id → handles (case-folded) already followed."""

    # -- which sites ---------------------------------------------------------------------------

    def _select(self, where: str) -> Selection:
        """Which sites to check (`footprint.sites.select`), after checking the option names."""
        opts = self.options
        for key in ("sites", "exclude"):
            for n in getattr(opts, key):
                if n.casefold() not in self._by_name:
                    raise ProfileError(
                        f"{where}.{key}: unknown site '{n}' (see `footprint sites list`)"
                    )
        return select(self.catalog, only=opts.sites, exclude=opts.exclude,
                      exclude_categories=opts.exclude_categories,
                      include_protected=opts.include_protected,
                      disabled=load_disabled(self.ctx.data_dir))

    def group(self, site: Site, username: str) -> tuple[Site, ...]:
        """The checked sites that send the same request as `site` for `username`: one request
        answers them all."""
        key = site.request_key(username)
        return tuple(s for s in self.enabled
                     if s.account(username) and s.request_key(username) == key)

    # -- planning ------------------------------------------------------------------------------

    def _compute_plan(self) -> list[Query]:
        if self._planned is not None:
            return self._planned
        bound = self.options.max_checks_per_person
        planned: list[Query] = []
        for person in self.ctx.profile.people:
            seen: set[str] = set()
            n = 0
            # Site by site, every username: when the bound cuts, all usernames got the
            # built-in platforms (the ones that matter most) first.
            for site in self.enabled:
                for i, username in enumerate(person.usernames):
                    if not site.account(username):
                        continue
                    # The query text is the request's identity: the URL for a plain GET, the
                    # method, URL, body and headers otherwise. Rules sharing it share the check.
                    key = site.request_key(username)
                    if key in seen:
                        continue
                    seen.add(key)
                    if n >= bound:
                        self._over[person.id] = self._over.get(person.id, 0) + 1
                        continue
                    planned.append(Query(person=person.id, identifier=f"usernames[{i}]", text=key,
                                         kind="url", probe=self.name))
                    n += 1
        self._planned = planned
        return planned

    def plan(self) -> list[Query]:
        return list(self._compute_plan())

    def skipped_in_plan(self) -> list[Skipped]:
        self._compute_plan()
        people = self.ctx.profile.people
        if not any(p.usernames for p in people):
            return [Skipped("accounts", "no usernames in the profile: no platform was checked",
                            self.name)]
        out = [Skipped("accounts", f"note: {n}", self.name) for n in self.catalog.notes]
        for cat, n in self.selection.excluded_categories:
            kind = "adult sites are" if is_adult_category(cat) else "this category is"
            out.append(Skipped(
                f"account sites in category '{cat}'",
                f"not checked by choice: {n} site(s); {kind} left out "
                "(exclude_categories under [probes.accounts])", self.name))
        per_origin: dict[str, int] = {}
        for site, _, _ in self._left_out:
            per_origin[site.origin] = per_origin.get(site.origin, 0) + 1
        grouped: dict[tuple[str, str], list[Site]] = {}
        for site, kind, reason in self._left_out:
            if site.origin == BUILTIN_ORIGIN or per_origin[site.origin] <= GROUP_OVER:
                out.append(Skipped(f"{site.name} (account site)", f"not checked: {reason}",
                                   self.name))
            else:
                grouped.setdefault((site.origin, kind), []).append(site)
        # A third-party catalog leaves out hundreds of sites: one line per reason keeps the report
        # readable.
        labels = {"invalid": "rules marked invalid", "disabled": "disabled by the self-test",
                  "protected": "protected by anti-bot or login walls, or needing a browser's "
                               "User-Agent (include_protected = true to try)"}
        for (origin, kind), sites in sorted(grouped.items()):
            names = ", ".join(s.name for s in sites[:12]) + (", …" if len(sites) > 12 else "")
            out.append(Skipped(f"{origin} account sites",
                               f"not checked: {len(sites)} {labels[kind]}: {names}", self.name))
        for pid, n in sorted(self._over.items()):
            out.append(Skipped(f"accounts for {pid}",
                               f"not checked: {n} site checks over max_checks_per_person = "
                               f"{self.options.max_checks_per_person}", self.name, pid))
        return out

    # -- running -------------------------------------------------------------------------------

    def _resolve(self, query: Query) -> tuple[Site, str]:
        m = _IDENT.match(query.identifier)
        try:
            person = self.ctx.profile.person(query.person)
            username = person.usernames[int(m.group(1))] if m else ""
        except (KeyError, IndexError):
            username = ""
        if username:
            for site in self.enabled:
                if site.account(username) and site.request_key(username) == query.text:
                    return site, username
        raise ProbeError("accounts", "no site rule for this check any more (the catalog changed)")

    def run(self, query: Query) -> Iterable[Hit]:
        site, username = self._resolve(query)
        yield self._hit(site, username, person=query.person, query=query.key,
                        reason=f"account check: {query.identifier} on {site.name}",
                        identifier=query.identifier, depth="0")

    def _hit(self, site: Site, username: str, *, person: str, reason: str,
             query: str | None = None, **meta: str) -> Hit:
        """The hit that checks `username` with `site`'s request, for every rule that shares
        it (their names in meta "group")."""
        request = site.request(username)
        group = self.group(site, username) or (site,)
        return Hit(
            url=request.url,
            probe=self.name,
            person=person,
            reason=reason,
            kind="account",
            source=SourceKind.SOCIAL.value,
            query=query,
            meta=_meta(site=site.name, account=site.account(username),
                       group="\n".join(s.name for s in group), **meta),
            post_body=None if request.body is None else request.body.decode("utf-8"),
            headers=request.headers,
            follow_redirects=request.follow_redirects,
        )

    # -- examining -----------------------------------------------------------------------------

    def examine(self, hit: Hit, response: Response) -> PageResult:
        names = (hit.get("group") or hit.get("site") or "").split("\n")
        sites = [self._by_name.get(n.casefold()) for n in names if n]
        if not sites or any(s is None for s in sites):
            gone = "not checked: the site rule is no longer in the catalog"
            return PageResult(skipped=(Skipped(hit.url, gone, self.name, hit.person),))
        group = [s for s in sites if s is not None]
        depth = int(hit.get("depth") or 0)
        with self._lock:
            for u in (hit.url, response.url):
                self._depth.setdefault(u, depth)
        if not response.requested_url:
            response = Response(response.url, response.status, response.headers, response.body,
                                requested_url=hit.url, from_cache=response.from_cache)
        decision, each = decide_group(group, response, offline=self.ctx.offline)
        if decision.state == MISSING:
            return PageResult()
        if decision.state != EXISTS:
            # The site's rule cannot tell, but the page may itself show whose it is (the
            # analyzer's own_account rule: the profile username in its address, and the page
            # judged to be about the person)
            if response.status == 200 and response.is_html:
                page = self.ctx.analyzer.analyze(hit, response)
                if any(e.category == Category.ACCOUNT and "own_account" in e.rules
                       and e.confidence >= self.ctx.profile.audit.threshold
                       for e in page.exposures):
                    return page
            return PageResult(skipped=(Skipped(hit.url, f"not checked: {decision.reason}",
                                               self.name, hit.person),))
        page = self.ctx.analyzer.analyze(hit, response) if response.is_html else PageResult()
        account = hit.get("account") or ""
        discovered = hit.get("discovered") == "1"
        about = hit.person in page.about
        if discovered:
            conf = CONF_LINKED if hit.get("platform_match") == "1" else CONF_LINKED_ELSEWHERE
            rules = ["discovered-handle"]
        else:
            conf = CONF_LISTED if len(account) >= SHORT_USERNAME else CONF_LISTED_SHORT
            rules = ["listed-username"]
        if about:
            conf = max(conf, CONF_CORROBORATED)
            rules.append("page-about-person")
        elif not discovered:
            # A username alone is a weak identifier: another person may hold the same handle on
            # this platform (a namesake account). Unless the page itself names our person, it is
            # a possible match for review, not a confirmed finding.
            conf = min(conf, CONF_LISTED_SHORT)
            rules.append("username-only")
        personal = any(e.category not in _NOT_PERSONAL for e in page.exposures)
        found: list[Exposure] = []
        shown: set[str] = set()
        # Every rule of the group that says "exists" names an account (a public blog, a forum
        # profile); two rules pointing at the same profile page are one account.
        for site, d in each:
            url = site.pretty_url(account)
            if d.state != EXISTS or url in shown:
                continue
            shown.add(url)
            attrs = [("site", site.name), ("cat", site.cat)]
            if personal:
                attrs.append(("personal", "1"))
            found.append(Exposure(
                person=hit.person,
                category=Category.ACCOUNT,
                url=url,
                value=url,
                confidence=conf,
                identifier=None if discovered else hit.get("identifier"),
                context=f"{site.name} account",
                rules=tuple(rules),
                source=hit.source,
                probe=self.name,
                attrs=tuple(sorted(attrs)),
            ))
        return PageResult(
            exposures=(*found, *page.exposures),
            leads=page.leads,
            skipped=page.skipped,
            about=tuple(sorted({*page.about, hit.person})),
        )

    # -- following handles ---------------------------------------------------------------------

    def follow(self, lead: Lead) -> Iterable[Hit]:
        if lead.kind != "handle":
            return ()
        try:
            person = self.ctx.profile.person(lead.person)
        except KeyError:
            return ()  # only consenting people are in the profile: never follow anyone else
        handle = lead.value.strip().lstrip("@")
        if not valid_username(handle):
            return ()
        key = handle.casefold()
        if key in {u.casefold() for u in person.usernames}:
            return ()  # a listed username: already checked on every site
        with self._lock:
            depth = self._depth.get(lead.found_on, 0) + 1
        if depth > self.options.max_depth:
            raise ProbeError("accounts", f"linked handle not followed: found on an account that "
                             f"was itself discovered (max_depth = {self.options.max_depth})")
        done = self._followed.setdefault(person.id, set())
        if key in done:
            return ()
        if len(done) >= self.options.max_discovered_handles:
            raise ProbeError("accounts", "linked handle not followed: more than "
                             f"{self.options.max_discovered_handles} handles for this person "
                             "(max_discovered_handles)")
        done.add(key)
        targets: list[tuple[Site, bool]] = []
        if lead.platform:
            matching = [s for s in self.catalog.sites if s.matches_platform(lead.platform)]
            if matching:
                # The platform is known: check there only (a site left out of the plan is
                # already reported as not checked).
                targets = [(s, True) for s in matching if s in self.enabled]
                if not targets:
                    return ()
        if not targets:
            targets = [(s, False) for s in self.enabled]
        hits = []
        seen: set[str] = set()
        for site, on_platform in targets:
            if not site.account(handle):
                continue
            request_key = site.request_key(handle)
            if request_key in seen:
                continue  # a sibling rule on the same request: decided with it
            seen.add(request_key)
            url = site.check_url(handle)
            with self._lock:
                self._depth.setdefault(url, depth)
            hits.append(self._hit(
                site, handle, person=person.id,
                reason=f"account check: handle linked from another page, on {site.name}",
                depth=str(depth), discovered="1", platform_match="1" if on_platform else "0"))
        return hits


def _meta(**kv: str) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(kv.items()))
