"""The data that flows through the pipeline: queries, hits, exposures, findings, skips.

Everything here is a frozen dataclass or a string enum. The enum values are stable: the JSON output,
the SQLite store and outside evaluations depend on them, so a value is never renamed.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .removals import ActionState


def lookup(pairs: tuple[tuple[str, str], ...], key: str, default: str | None = None) -> str | None:
    """The value for `key` in sorted (key, value) pairs — the form every frozen record here uses
    for small open-ended facts (`Hit.meta`, `Exposure.attrs`, the analyzer's `Found.attrs`)."""
    for k, v in pairs:
        if k == key:
            return v
    return default


class Category(enum.StrEnum):
    """What a finding exposes (DESIGN.md §3)."""

    HOME_ADDRESS = "home_address"
    ADDRESS = "address"
    PHONE = "phone"
    EMAIL = "email"
    BIRTH_DATE = "birth_date"
    RELATIVE = "relative"
    SCHOOL = "school"
    WORKPLACE = "workplace"
    PHOTO = "photo"
    GEOLOCATION = "geolocation"
    ACCOUNT = "account"
    VEHICLE = "vehicle"
    MENTION = "mention"


class Severity(enum.StrEnum):
    """How bad an exposure is (DESIGN.md §3), most severe first."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for critical … 4 for info: sort key, most urgent first."""
        return list(Severity).index(self)


class SourceKind(enum.StrEnum):
    """The kind of site a page comes from; drives remediation (who to ask, on what basis)."""

    PEOPLE_SEARCH = "people-search"
    PUBLIC_RECORD = "public-record"
    SOCIAL = "social"
    NEWS = "news"
    SCHOOL = "school"
    EMPLOYER = "employer"
    GOVERNMENT = "government"
    FORUM = "forum"
    BLOG = "blog"
    SEARCH_ENGINE = "search-engine"
    WEB = "web"


@dataclass(frozen=True)
class Query:
    """One search the planner asks a probe to run."""

    person: str
    """Profile id of the person the query serves (never a non-consenting relative)."""
    identifier: str
    """Which profile value the query is built from, by reference: "name", "phones[0]", "home"."""
    text: str
    """The query string sent to the search backend (may contain "quoted phrases" and site:host)."""
    kind: str = "web"
    """"web" for text search, "image" for image search, "url" for a direct look-up (no search)."""
    probe: str = ""
    """Name of the probe that planned it."""

    @property
    def key(self) -> str:
        """Stable identity of the query within an audit (used to resume)."""
        return f"{self.probe}|{self.kind}|{self.person}|{self.identifier}|{self.text}"


@dataclass(frozen=True)
class SearchResult:
    """One result of a search backend."""

    url: str
    """Page URL (for image search: the page that shows the image)."""
    title: str = ""
    """Result title as the backend gave it."""
    snippet: str = ""
    """Result snippet as the backend gave it."""
    image_url: str | None = None
    """For image search: the image itself."""


@dataclass(frozen=True)
class Hit:
    """A URL a probe wants examined, and why. Probes yield hits; they never decide exposure."""

    url: str
    """The page (or image, or account page) to fetch."""
    probe: str
    """Name of the probe that found it; that probe's `examine` handles it."""
    person: str
    """Profile id of the person whose query led here."""
    reason: str
    """Why it was visited, for the audit trail: "web search: <query identifier>"."""
    kind: str = "page"
    """"page" (analyze text), "owned" (a page of a person's own site, read as theirs), "image"
    (compare to reference photos), "account" (check a site rule)."""
    source: str = SourceKind.WEB.value
    """A SourceKind value: what sort of site this is, if the probe knows."""
    query: str | None = None
    """Key of the query that produced the hit, if any."""
    meta: tuple[tuple[str, str], ...] = ()
    """Probe-specific facts as sorted (key, value) pairs (e.g. broker id, site name, image page)."""
    post_body: str | None = None
    """For a check some sites answer only to a POST (an account API): the body. None = GET."""
    headers: tuple[tuple[str, str], ...] = ()
    """Extra request headers the check needs (never a User-Agent)."""
    follow_redirects: bool = True
    """False when the probe reads the redirect itself (an account rule that expects a 302)."""

    def get(self, key: str, default: str | None = None) -> str | None:
        """Look up a value in `meta`."""
        return lookup(self.meta, key, default)

    def request(self) -> Any:
        """The `footprint.web.base.Request` that fetches this hit."""
        from .web.base import Request

        return Request(
            self.url,
            method="GET" if self.post_body is None else "POST",
            body=None if self.post_body is None else self.post_body.encode("utf-8"),
            headers=self.headers,
            follow_redirects=self.follow_redirects,
        )

    @property
    def unit(self) -> str:
        """What makes two hits the same piece of work: kind and URL, and for a request other
        than a plain GET its method, body, headers and redirect handling."""
        from .web.urls import normalize_url

        key = f"{self.kind}|{normalize_url(self.url)}"
        if self.get("origin") == "caption":
            # a picture followed for the first name in its caption is read apart from the same
            # picture on a page about someone: only its pixels count there (images probe)
            key += "|caption"
        if self.post_body is not None or self.headers or not self.follow_redirects:
            extra = "\n".join([self.post_body or "", *(f"{k.lower()}: {v}" for k, v in
                                                        sorted(self.headers)),
                               str(self.follow_redirects)])
            key += "|" + hashlib.sha256(extra.encode()).hexdigest()[:24]
        return key


@dataclass(frozen=True)
class Lead:
    """Something found on a page that another probe may follow (an image, a username)."""

    person: str
    """Profile id of the person the page is about."""
    kind: str
    """"image" (an embedded image URL), "handle" (a username), "page" (a page of the person's
    own site or account, linked from another page of it), "site" (the base address of a site
    of the person's own, to list by a site search) or "site?" (a site where the person is named
    but not yet confirmed)."""
    value: str
    """The image URL, the handle or the page URL."""
    found_on: str
    """URL of the page it was found on."""
    platform: str | None = None
    """For a handle: the platform it was linked to, when known. For an image: "caption" when it
    is followed only for the first name in its caption (`analyze.leads.caption_leads`)."""


@dataclass(frozen=True)
class Exposure:
    """One piece of personal data the analyzer found on a page, attributed to a person.

    `value` and `context` are sensitive: they never reach a log, and the store keeps only a masked
    form and a keyed fingerprint.
    """

    person: str
    """Profile id of the person the value belongs to."""
    category: Category
    """What kind of data it is."""
    url: str
    """The page that shows it."""
    value: str
    """The value as found on the page (secret)."""
    confidence: float
    """0–1: how sure we are that the page (listing block) is about this person."""
    identifier: str | None = None
    """The profile value it matched, by reference ("home", "phones[0]"), or None if not listed."""
    context: str = ""
    """A short snippet around the value (secret; masked before it is shown)."""
    rules: tuple[str, ...] = ()
    """Names of the corroboration rules that held (e.g. "name+city", "phone")."""
    source: str = SourceKind.WEB.value
    """A SourceKind value."""
    probe: str = ""
    """Probe whose hit led to the page."""
    image_url: str | None = None
    """For photo and geolocation exposures: the image."""
    attrs: tuple[tuple[str, str], ...] = ()
    """Facts that drive severity, as sorted pairs: ("full_date","1"), ("label","current"),
    ("minor","1"), ("distance_m","120"), ("personal","1"), ("official","1"), ("broker","spokeo")."""

    def attr(self, key: str, default: str | None = None) -> str | None:
        """Look up a value in `attrs`."""
        return lookup(self.attrs, key, default)


@dataclass(frozen=True)
class Remediation:
    """What to do about a finding."""

    action: str
    """One imperative sentence: what to do."""
    opt_out_url: str | None = None
    """Where to do it, when the site has a removal or opt-out page."""
    requires: tuple[str, ...] = ()
    """What the site asks for: "email", "phone", "id", "letter", "account"."""
    expected_time: str | None = None
    """How long removal usually takes ("72 hours", "1 month")."""
    legal_basis: str | None = None
    """The law that backs the request in this jurisdiction, if any."""
    group: str | None = None
    """Parent company or removal route shared by several findings (one action clears them all)."""
    recheck_days: int | None = None
    """When to look again (sites re-list people)."""
    steps: tuple[str, ...] = ()
    """Step-by-step instructions."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "opt_out_url": self.opt_out_url,
            "requires": list(self.requires),
            "expected_time": self.expected_time,
            "legal_basis": self.legal_basis,
            "group": self.group,
            "recheck_days": self.recheck_days,
            "steps": list(self.steps),
        }


@dataclass(frozen=True)
class Finding:
    """A classified exposure, as stored and reported (DESIGN.md §6)."""

    id: str
    """Stable id: a hash of audit-independent facts (person, category, url, value fingerprint)."""
    person: str
    category: Category
    severity: Severity
    confidence: float
    url: str
    source: str
    probe: str
    identifier: str | None
    evidence: str
    """Masked value and snippet: safe to show in an unencrypted report."""
    rationale: str
    """One sentence a security officer can read: why this severity."""
    remediation: Remediation
    possible_match: bool
    """True when confidence is below the profile's threshold: for human review, not confirmed."""
    rules: tuple[str, ...] = ()
    image_url: str | None = None
    fingerprint: str = ""
    """Keyed hash of the value: lets audits be diffed without storing the value."""
    first_seen: str | None = None
    last_seen: str | None = None
    value: str | None = field(default=None, compare=False)
    """The full value (secret). Present only in memory during the audit that found it; written only
    to encrypted outputs."""
    context: str | None = field(default=None, compare=False)
    """The full snippet (secret), same rules as `value`."""
    status: str = "new"
    """"new", "still present" or "re-listed" relative to the previous audit of the same
    household: re-listed is a finding the previous audit did not have but an earlier one did
    (gone, then back)."""
    triage: str | None = None
    """A person's label that survives re-audits: "confirmed" or "not me"."""


@dataclass(frozen=True)
class Skipped:
    """A source that could not be checked. Data, not silence: it is listed in every report."""

    source: str
    """What was not checked: a URL, a host, a query, a site name."""
    reason: str
    """Why: "blocked: HTTP 429", "timeout", "captcha", "no results (possible blocking)"."""
    probe: str = ""
    """Probe concerned."""
    person: str | None = None
    """Person concerned, if any."""


@dataclass(frozen=True)
class PersonStatus:
    """A person listed in the profile, and whether they were audited."""

    id: str
    """Profile id."""
    relation: str
    """"self" for the judge, else spouse | partner | child | parent | sibling | other."""
    audited: bool
    """False for a relative who did not consent (never searched for)."""
    reason: str
    """"consented" or why not audited."""
    display_name: str = ""
    """Masked name for reports ("J*** Q. D**"); empty for a non-consenting person."""
    minor: bool = False


@dataclass(frozen=True)
class PersonCoverage:
    """How many of one person's searches and pages answered."""

    person: str
    """Profile id."""
    searches: int = 0
    """Searches run for this person."""
    searches_failed: int = 0
    """Of those, searches that failed (transport error, blocked, no answer after retries)."""
    pages: int = 0
    """Pages fetched because of this person's searches."""
    pages_failed: int = 0
    """Of those, pages that could not be read (failed, blocked, unreadable)."""

    @property
    def total(self) -> int:
        return self.searches + self.pages

    @property
    def checked(self) -> int:
        return self.total - self.searches_failed - self.pages_failed

    @property
    def share(self) -> float:
        """Checked / total; 0.0 when nothing was planned (nothing checked is not "clean")."""
        return self.checked / self.total if self.total else 0.0


@dataclass(frozen=True)
class Coverage:
    """The share of the audit's sources that answered: searches and pages that were checked, vs.
    those that failed, were blocked or were never reached. Computed once, from the store's record
    of every unit of work (`Store.coverage`); reports and the CLI only read it."""

    searches: int = 0
    """Searches run (every planned search of a finished audit)."""
    searches_failed: int = 0
    pages: int = 0
    """Pages the audit tried to read."""
    pages_failed: int = 0
    min_share: float = 0.8
    """The profile's `audit.min_coverage`: below it the report says INCOMPLETE."""
    people: tuple[PersonCoverage, ...] = ()
    """Per audited person (pages are counted for the person whose search led to them)."""

    @property
    def total(self) -> int:
        return self.searches + self.pages

    @property
    def checked(self) -> int:
        return self.total - self.searches_failed - self.pages_failed

    @property
    def share(self) -> float:
        """Checked / total; 0.0 when nothing was planned."""
        return self.checked / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        """The share in whole percent, rounded down: 79.6 % checked is not "80 %"."""
        return int(self.share * 100 + 1e-9)

    @property
    def complete(self) -> bool:
        """True when the share checked reaches `min_share`."""
        return self.total > 0 and self.share + 1e-9 >= self.min_share

    def person(self, pid: str) -> PersonCoverage:
        """One person's coverage (zeros for a person nothing was planned for)."""
        for p in self.people:
            if p.person == pid:
                return p
        return PersonCoverage(pid)

    def person_checked(self, pid: str) -> bool:
        """True when enough of this person's sources answered for "nothing found" to mean it."""
        p = self.person(pid)
        return p.total > 0 and p.share + 1e-9 >= self.min_share

    def as_dict(self) -> dict[str, Any]:
        return {
            "searches": self.searches, "searches_failed": self.searches_failed,
            "pages": self.pages, "pages_failed": self.pages_failed,
            "checked": self.checked, "total": self.total,
            "share": round(self.share, 4), "min_share": self.min_share,
            "complete": self.complete,
            "people": {p.person: {"searches": p.searches, "searches_failed": p.searches_failed,
                                  "pages": p.pages, "pages_failed": p.pages_failed,
                                  "share": round(p.share, 4)} for p in self.people},
        }


@dataclass(frozen=True)
class AuditResult:
    """Everything a report needs about one audit."""

    id: str
    profile_id: str
    started: str
    """ISO-8601 UTC."""
    finished: str | None
    purpose: str
    """self-audit | court-security | training."""
    training: bool
    """True when purpose is training: every output says so."""
    jurisdiction: str
    language: str
    threshold: float
    probes: tuple[str, ...]
    web_archive: str | None
    """Archive name when run offline, else None (live)."""
    people: tuple[PersonStatus, ...]
    findings: tuple[Finding, ...]
    """Sorted: severity, person, category, url."""
    skipped: tuple[Skipped, ...]
    """Sources not checked, with reasons."""
    queries: int
    pages: int
    gone: tuple[Finding, ...] = ()
    """Findings of the previous audit of this household that are no longer found."""
    previous_audit: str | None = None
    """The audit of the same household that "new", "still present" and `gone` compare with."""
    household: str = ""
    """The household's identity key: audits are compared only within one household."""
    coverage: Coverage | None = None
    """The share of sources checked; None for results built without an audit (tests, previews)."""
    actions: tuple[ActionState, ...] = ()
    """Where each checklist action of the household stands after this audit (requested,
    overdue, removed, re-listed…: footprint.removals), alerts first."""
    searches_by_person: tuple[tuple[str, int], ...] = ()
    """Search-engine queries per audited person (web, image and `site:` searches, planned or
    made while following a lead); direct look-ups on a site are fetches, counted in `pages`."""
