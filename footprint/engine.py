"""The engine: runs the enabled probes for the consenting people, examines every hit once, turns
exposures into classified findings, and records each finished unit of work so an interrupted
audit resumes where it stopped and ends with the same findings.

`Auditor(profile, web, store).run(write=...)` is the whole core; it imports neither the CLI nor
Jinja. Its lifecycle, as the store records it: `running` → `reporting` (every finding stored) →
`write(result)` (the caller writes the outputs) → `finished`. An audit stopped at any point —
Ctrl-C, kill -9, a network outage, a kill while the report is written — is continued by
`run(resume=True)`, which also finishes a stopped report step.

Coverage is part of the verdict: a `NetworkBreaker` watches every search and fetch, and when
the network or the search engine stops answering (several searches in a row, or fetches from
several different sites in a row, fail at the transport level) the audit stops at once with
`NetworkDown` instead of reporting what it could not reach as clean.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import logging
import threading
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from probes import registry
from probes.base import Probe, ProbeContext

from . import removals
from .analyze import Analyzer, PageResult
from .analyze.crosspage import corroborate_across, one_account
from .errors import BlockedError, FetchError, FootprintError, NetworkDown, ProbeError, UsageError
from .household import Household
from .household import resolve as resolve_household
from .model import (
    AuditResult,
    Category,
    Exposure,
    Finding,
    Hit,
    Lead,
    PersonStatus,
    Query,
    SearchResult,
    Skipped,
)
from .profile import Profile
from .store import Store
from .web.base import Fetcher, Request, Response, SearchBackend, send
from .web.urls import host_of, normalize_url

log = logging.getLogger("footprint.engine")

# When several probes found the same URL, the one that knows the site best examines it.
EXAMINE_PRIORITY = {"brokers": 3, "accounts": 3, "images": 2, "web": 1}
MAX_LEAD_ROUNDS = 3


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class WebAccess:
    """How the audit reaches the web: live transports or a web archive."""

    fetcher: Fetcher
    search: SearchBackend
    archive_name: str | None = None
    """Archive name when offline."""
    archive_digest: str | None = None
    """Archive content hash when offline: a resumed audit must use the same archive."""
    skipped: tuple[Skipped, ...] = ()
    """What the web access itself could not read (a damaged file in an archive folder)."""


# --- the circuit breaker -----------------------------------------------------------------------

SEARCH_TRIP = 3
"""Searches in a row that fail at the transport level before the audit stops: one glitch is
retried by the next query; three mean the network or the search engine is gone."""
FETCH_TRIP = 8
"""Fetches in a row (no page answered in between) that fail at the transport level …"""
FETCH_TRIP_HOSTS = 4
"""… from at least this many different sites: one site that is down is that site's problem."""

_TRANSPORT = ("dns lookup failed", "connection refused", "connection failed", "connection reset",
              "connect timed out", "timed out", "tls error", "network error", "cannot reach")
"""How the fetcher (`web/http.py`) and the search backends word a failure of the network itself
(rather than an answer: an HTTP error, a block, a captcha)."""
_SEARCH_DOWN = (*_TRANSPORT, "instance error", "engines unresponsive")
"""A search backend is one service: its server erring or every engine behind it failing means
nothing can be searched, like a network failure."""


def is_transport_failure(reason: str, *, search: bool = False) -> bool:
    """True when a fetch's (or, with `search`, a search's) failure reason says the network or the
    server could not be reached, rather than that it answered."""
    text = reason.lower()
    return any(k in text for k in (_SEARCH_DOWN if search else _TRANSPORT))


class NetworkBreaker:
    """Counts consecutive transport failures of searches and of fetches (thread-safe); trips when
    `search_trip` searches in a row failed, or `fetch_trip` fetches in a row failed across at least
    `fetch_hosts` different sites. Once tripped, every search and fetch raises `NetworkDown`
    without touching the network."""

    def __init__(self, search_trip: int = SEARCH_TRIP, fetch_trip: int = FETCH_TRIP,
                 fetch_hosts: int = FETCH_TRIP_HOSTS) -> None:
        self.search_trip, self.fetch_trip, self.fetch_hosts = search_trip, fetch_trip, fetch_hosts
        self._lock = threading.Lock()
        self._searches: list[str] = []
        self._fetches: list[tuple[str, str]] = []
        self.tripped: str | None = None
        """The one-line reason, once tripped."""

    def check(self) -> None:
        if self.tripped:
            raise NetworkDown(self.tripped)

    def search_answered(self) -> None:
        with self._lock:
            self._searches.clear()

    def fetch_answered(self) -> None:
        with self._lock:
            self._fetches.clear()

    def search_failed(self, reason: str) -> None:
        with self._lock:
            self._searches.append(reason)
            if len(self._searches) >= self.search_trip and not self.tripped:
                self.tripped = (f"the search engine cannot be reached: {len(self._searches)} searches in a row "
                                f"failed ({_commonest(self._searches)})")
        self.check()

    def fetch_failed(self, host: str, reason: str) -> None:
        with self._lock:
            self._fetches.append((host, reason))
            hosts = {h for h, _ in self._fetches}
            if len(self._fetches) >= self.fetch_trip and len(hosts) >= self.fetch_hosts and not self.tripped:
                self.tripped = (f"the network cannot be reached: {len(self._fetches)} pages on {len(hosts)} "
                                f"different sites failed in a row ({_commonest([r for _, r in self._fetches])})")
        self.check()


def _commonest(reasons: list[str]) -> str:
    return max(set(reasons), key=reasons.count)


SEARCH_HEADROOM = 6
"""Searches a person may cost beyond the web plan's bound (`audit.max_queries_per_person`):
the brokers' and images' own searches and the leads followed (a blog's `site:` search)."""


class GuardedSearch:
    """A `SearchBackend` that reports every answer and transport failure to the breaker."""

    def __init__(self, inner: SearchBackend, breaker: NetworkBreaker,
                 budget: int | None = None) -> None:
        self.inner, self.breaker = inner, breaker
        self.name = getattr(inner, "name", "")
        self.person: str | None = None
        """Whose lead is being followed (set by the engine): searches made then are counted."""
        self.counts: dict[str, int] = {}
        self.budget = budget
        """Search-engine queries a person may cost in all, planned and followed (None: no cap)."""
        self.planned: dict[str, int] = {}
        """The planned searches per person (set by the engine before the leads are followed)."""

    def search(self, query: str, *, kind: str = "web", max_results: int = 10) -> list[SearchResult]:
        if self.person is not None:
            spent = self.planned.get(self.person, 0) + self.counts.get(self.person, 0)
            if self.budget is not None and spent >= self.budget:
                # the lead is not followed: "not checked", never "no listing"
                raise ProbeError(self.name or "search", "not checked: this person's search "
                                 f"budget ({self.budget} searches) is spent")
            self.counts[self.person] = self.counts.get(self.person, 0) + 1
        self.breaker.check()
        try:
            results = self.inner.search(query, kind=kind, max_results=max_results)
        except ProbeError as e:
            if is_transport_failure(e.reason, search=True):
                self.breaker.search_failed(e.reason)
            else:  # "no results (possible blocking)", HTTP 4xx: the engine answered
                self.breaker.search_answered()
            raise
        self.breaker.search_answered()
        return results


class GuardedFetcher:
    """A `Fetcher` that reports every answer and transport failure to the breaker."""

    def __init__(self, inner: Fetcher, breaker: NetworkBreaker) -> None:
        self.inner, self.breaker = inner, breaker

    def fetch(self, url: str) -> Response:
        return self._guard(url, lambda: self.inner.fetch(url))

    def send(self, request: Request) -> Response:
        """A request with a method, body or headers (a POST account check), guarded alike."""
        return self._guard(request.url, lambda: send(self.inner, request))

    def _guard(self, url: str, call: Callable[[], Response]) -> Response:
        self.breaker.check()
        try:
            resp = call()
        except BlockedError:
            self.breaker.fetch_answered()  # a block is an answer: the network works
            raise
        except FetchError as e:
            if is_transport_failure(e.reason):
                self.breaker.fetch_failed(host_of(url), e.reason)
            elif not e.reason.startswith(("refused", "invalid")):  # those never left the machine
                self.breaker.fetch_answered()
            raise
        self.breaker.fetch_answered()
        return resp

    def close(self) -> None:
        self.inner.close()


@dataclass
class Progress:
    """Callbacks for a progress display (the CLI passes rich's)."""

    stage: Callable[[str, int], None] = lambda name, total: None
    advance: Callable[[int], None] = lambda n: None


# --- (de)serialising units for the store ------------------------------------------------


def _hit_to_dict(h: Hit) -> dict[str, Any]:
    d = dataclasses.asdict(h)
    d["meta"] = [list(x) for x in h.meta]
    d["headers"] = [list(x) for x in h.headers]
    return d


def _hit_from_dict(d: dict[str, Any]) -> Hit:
    d = dict(d)
    d["meta"] = tuple(tuple(x) for x in d.get("meta", ()))
    d["headers"] = tuple(tuple(x) for x in d.get("headers", ()))
    return Hit(**d)


def _result_to_dict(r: PageResult) -> dict[str, Any]:
    def exp(e: Exposure) -> dict[str, Any]:
        d = dataclasses.asdict(e)
        d["category"] = e.category.value
        d["attrs"] = [list(x) for x in e.attrs]
        d["rules"] = list(e.rules)
        return d

    return {
        "exposures": [exp(e) for e in r.exposures],
        "leads": [dataclasses.asdict(x) for x in r.leads],
        "skipped": [dataclasses.asdict(x) for x in r.skipped],
        "about": list(r.about),
    }


def _result_from_dict(d: dict[str, Any]) -> PageResult:
    exps = []
    for e in d["exposures"]:
        e = dict(e)
        e["category"] = Category(e["category"])
        e["attrs"] = tuple(tuple(x) for x in e["attrs"])
        e["rules"] = tuple(e["rules"])
        exps.append(Exposure(**e))
    return PageResult(
        exposures=tuple(exps),
        leads=tuple(Lead(**x) for x in d["leads"]),
        skipped=tuple(Skipped(**x) for x in d["skipped"]),
        about=tuple(d["about"]),
    )


def _interleave_hosts(todo: list[tuple[str, Hit]]) -> list[tuple[str, Hit]]:
    """Order work round-robin over hosts. The fetcher paces each host; if ten pages of one
    site came first, every worker would wait on that site's rate limit while other sites idle."""
    by_host: dict[str, list[tuple[str, Hit]]] = {}
    for item in todo:
        by_host.setdefault(host_of(item[1].url), []).append(item)
    queues = list(by_host.values())
    out: list[tuple[str, Hit]] = []
    for i in range(max((len(q) for q in queues), default=0)):
        out.extend(q[i] for q in queues if i < len(q))
    return out


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def profile_hash(profile: Profile) -> str:
    try:
        return hashlib.sha256(profile.path.read_bytes()).hexdigest()
    except OSError:
        return _sha(repr(profile))


# --- the auditor --------------------------------------------------------------------------


class Auditor:
    """Runs one audit of one profile."""

    def __init__(
        self,
        profile: Profile,
        web: WebAccess,
        store: Store,
        *,
        data_dir: Any = None,
        progress: Progress | None = None,
        probe_classes: dict[str, type[Probe]] | None = None,
        analyzer: Analyzer | None = None,
    ) -> None:
        self.profile = profile
        self.web = web
        self.store = store
        self.data_dir = data_dir
        self.progress = progress or Progress()
        if probe_classes is None:
            registry.validate_names(profile.probes.enabled)
            probe_classes = {n: registry.load(n) for n in profile.probes.enabled}
        self.probe_classes = probe_classes
        self.analyzer: Any = analyzer  # built in run(): ages are computed as of the audit's start
        self.skipped: list[Skipped] = []
        self.results: dict[str, PageResult] = {}
        self.audit_id = ""
        self.household: Household | None = None
        """The household the audit is filed under (set by `run`)."""
        self.breaker = NetworkBreaker()
        # a person's searches in all — the plan's and the leads' — stay within the plan's bound
        # and a few for the leads it finds (SEARCH_HEADROOM): 30 with the default 24
        self._search = GuardedSearch(web.search, self.breaker,
                                     profile.audit.max_queries_per_person + SEARCH_HEADROOM)
        self._planned_searches: dict[str, int] = {}
        self._fetcher: Fetcher = GuardedFetcher(web.fetcher, self.breaker)
        self._fp_key = store.vault.fingerprint_key()

    # -- entry point ---------------------------------------------------------------------

    def run(self, resume: bool = False,
            write: Callable[[AuditResult], None] | None = None) -> AuditResult:
        """Run the audit (or, with `resume`, continue this household's latest unfinished one) and
        return its result. `write(result)` writes the outputs; the audit is recorded as finished
        only after it returns, so a kill while the report is written leaves an audit that
        `resume` finishes. Raises `NetworkDown` when the network or the search engine stops
        answering (what was done is kept for `resume`), KeyboardInterrupt when interrupted."""
        profile = self.profile
        phash = profile_hash(profile)
        self.household = resolve_household(profile, self.store, phash, now_iso())
        hkey = self.household.key
        if resume:
            row = self.store.resumable(hkey)
            if row is None:
                raise UsageError(
                    f"no interrupted audit of this profile's household ({hkey}) to resume; "
                    "run the audit without --resume"
                )
            if row.profile_hash != phash:
                raise UsageError(
                    f"the profile changed since audit {row.id} started; "
                    + (f"write its report with footprint report {row.id} --out DIR, or start a new audit"
                       if row.status == "reporting" else "start a new audit (without --resume)")
                )
            if row.web_archive != self.web.archive_digest:
                raise UsageError(
                    f"audit {row.id} ran {'against a different web archive' if row.web_archive else 'live'}"
                    "; resume it with the same --web-archive setting"
                )
            self.audit_id, started = row.id, row.started
            if row.status == "reporting":  # every finding is stored: only the outputs are missing
                return self._finish(stored_result(self.store, row.id), write)
            self.store.set_status(self.audit_id, "running")
        else:
            self.audit_id = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:6]
            started = now_iso()
        if self.analyzer is None:
            self.analyzer = Analyzer(profile, today=dt.date.fromisoformat(started[:10]))
        self.skipped.extend(self.web.skipped)
        # Probes check their options first: a bad option leaves no half-started audit behind.
        probes = self._make_probes()
        if not resume:
            self.store.create_audit(
                self.audit_id, profile.id, phash, profile.consent.purpose, started,
                list(profile.probes.enabled), self.web.archive_digest,
                [dataclasses.asdict(p) for p in self.people_status()],
                profile.audit.jurisdiction, profile.audit.language, profile.audit.threshold,
                household=hkey, min_coverage=profile.audit.min_coverage,
            )
        from .masking import profile_secrets

        # What every later output of this audit must mask, kept sealed (footprint report/open).
        self.store.save_masking_values(
            self.audit_id, [s if isinstance(s, tuple) else ("", s) for s in profile_secrets(profile)])
        try:
            with self.store.batch():  # a query or a page is a write: commit them in groups
                hits = self._run_queries(probes)
                self._examine_all(probes, hits)
            findings = self._build_findings()
        except KeyboardInterrupt:
            self.store.set_status(self.audit_id, "interrupted")
            raise
        except NetworkDown:
            # What failed while the network went down was no source's answer: forget it, so
            # --resume asks again.
            self.store.forget_transport_failures(self.audit_id, is_transport_failure)
            self.store.set_status(self.audit_id, "unreachable")
            raise
        finished = now_iso()
        from .masking import Redactor, profile_secrets

        # the store's clear URL columns are masked by the same view as every report
        redactor = Redactor.for_audit(profile_secrets(profile), findings)
        self.store.save_results(self.audit_id, findings, self.skipped, mask=redactor.url)
        q, p = self.store.count_units(self.audit_id)
        self.store.set_counts(self.audit_id, q, p)
        coverage = self.store.coverage(self.audit_id, profile.audit.min_coverage)
        removals.record(self.store, hkey, self.audit_id, findings, self.skipped, coverage.complete)
        self.store.set_status(self.audit_id, "reporting", finished)
        prev = self.store.previous_finished(hkey, self.audit_id)
        gone: tuple[Finding, ...] = ()
        if prev is not None:
            ids = {f.id for f in findings}
            # with their values: the report masks a gone finding's value like any other
            gone = tuple(f for f in self.store.findings(prev.id, with_values=True)
                         if f.id not in ids and not f.possible_match)
        result = AuditResult(
            id=self.audit_id,
            profile_id=profile.id,
            started=started,
            finished=finished,
            purpose=profile.consent.purpose,
            training=profile.training,
            jurisdiction=profile.audit.jurisdiction,
            language=profile.audit.language,
            threshold=profile.audit.threshold,
            probes=tuple(profile.probes.enabled),
            web_archive=self.web.archive_name,
            people=self.people_status(),
            findings=tuple(findings),
            skipped=tuple(self.skipped),
            queries=q,
            pages=p,
            searches_by_person=self._searches_by_person(),
            gone=gone,
            previous_audit=prev.id if prev else None,
            household=hkey,
            coverage=coverage,
            actions=tuple(removals.order(removals.states(self.store, hkey, upto=self.audit_id).values())),
        )
        return self._finish(result, write)

    def _searches_by_person(self) -> tuple[tuple[str, int], ...]:
        counts = dict(self._planned_searches)
        for pid, n in self._search.counts.items():
            counts[pid] = counts.get(pid, 0) + n
        return tuple(sorted(counts.items()))

    def _finish(self, result: AuditResult, write: Callable[[AuditResult], None] | None) -> AuditResult:
        """Write the outputs, then record the audit as finished (never before: a kill in
        between leaves it `reporting`, which `resume` finishes)."""
        if write is not None:
            write(result)
        self.store.set_status(result.id, "finished")
        return result

    def people_status(self) -> tuple[PersonStatus, ...]:
        from .masking import mask_name

        out = [
            PersonStatus(p.id, p.relation, True, "consented", mask_name(p.name), p.minor)
            for p in self.profile.people
        ]
        out += [PersonStatus(x.id, x.relation, False, x.reason) for x in self.profile.excluded]
        return tuple(out)

    # -- probes and queries ---------------------------------------------------------------

    def _make_probes(self) -> dict[str, Probe]:
        probes: dict[str, Probe] = {}
        for name, cls in self.probe_classes.items():
            ctx = ProbeContext(
                profile=self.profile,
                fetcher=self._fetcher,
                search=self._search,
                analyzer=self.analyzer,
                options=self.profile.probes.options(name),
                offline=self.web.archive_digest is not None,
                data_dir=self.data_dir,
            )
            probes[name] = cls(ctx)
            self.skipped.extend(probes[name].skipped_in_plan())
        return probes

    def _run_queries(self, probes: dict[str, Probe]) -> list[Hit]:
        consenting = {p.id for p in self.profile.people}
        plan: list[tuple[Probe, Query]] = []
        for probe in probes.values():
            for q in probe.plan():
                if q.person not in consenting:  # defence in depth: probes only see consenting people
                    raise FootprintError(f"probe '{probe.name}' planned a query for a person who is not audited")
                plan.append((probe, q))
        plan = self._within_budget(plan)
        self.progress.stage("searching", len(plan))
        hits: list[Hit] = []
        for _probe, q in plan:
            if q.kind in ("web", "image"):
                self._planned_searches[q.person] = self._planned_searches.get(q.person, 0) + 1
        self._search.planned = dict(self._planned_searches)
        for probe, q in plan:
            key = self._unit_key(q.key)
            done = self.store.query_done(self.audit_id, key)
            if done is not None:
                status, error = done
                if status == "failed":
                    self.skipped.append(self._query_skip(probe, q, error or "failed"))
                else:
                    hits.extend(_hit_from_dict(h) for h in self.store.query_hits(self.audit_id, key))
                self.progress.advance(1)
                continue
            got: list[Hit] = []
            error = None
            try:
                got = list(probe.run(q))
            except NetworkDown:
                raise
            except ProbeError as e:
                error = e.reason
            except Exception as e:  # a bug in one probe must not lose the audit: record it
                log.error("probe %s failed on a query: %s", probe.name, type(e).__name__)
                error = f"internal error ({type(e).__name__})"
            if error:
                self.skipped.append(self._query_skip(probe, q, error))
            self.store.record_query(
                self.audit_id, key, probe.name, q.person, q.identifier, q.kind,
                [_hit_to_dict(h) for h in got], error, now_iso(),
            )
            hits.extend(got)
            self.progress.advance(1)
        return hits

    def _within_budget(self, plan: list[tuple[Probe, Query]]) -> list[tuple[Probe, Query]]:
        """The plan with each person's search-engine queries (web and image, every probe's)
        kept within the search budget: past it, the web plan's last queries — its least
        precise — are left out, as the web plan's own bound leaves them out."""
        budget = self._search.budget
        if budget is None:
            return plan
        count: dict[str, int] = {}
        for _probe, q in plan:
            if q.kind in ("web", "image"):
                count[q.person] = count.get(q.person, 0) + 1
        drop: set[int] = set()
        for i in range(len(plan) - 1, -1, -1):
            probe, q = plan[i]
            if probe.name == "web" and q.kind == "web" and count.get(q.person, 0) > budget:
                drop.add(i)
                count[q.person] -= 1
        return [x for i, x in enumerate(plan) if i not in drop]

    @staticmethod
    def _query_skip(probe: Probe, q: Query, reason: str) -> Skipped:
        # The query text holds names: the report names the search by person and identifier.
        return Skipped(f"{probe.name} {q.kind} search for {q.person} ({q.identifier})", reason,
                       probe.name, q.person)

    # -- examining hits ---------------------------------------------------------------------

    def _examine_all(self, probes: dict[str, Probe], hits: list[Hit]) -> None:
        seen_leads: set[tuple[str, str, str, bool]] = set()
        pending = hits
        for round_no in range(MAX_LEAD_ROUNDS + 1):
            leads = self._examine_round(probes, pending)
            new = []
            for lead in leads:
                # (a picture followed for a first name in its caption is not yet followed as
                # the picture of a page about someone: the two are read apart)
                k = (lead.kind, lead.person, lead.value, lead.platform == "caption")
                if k not in seen_leads:
                    seen_leads.add(k)
                    new.append(lead)
            if not new or round_no == MAX_LEAD_ROUNDS:
                break
            pending = []
            for lead in new:
                self._search.person = lead.person  # searches a lead needs count for its person
                for probe in probes.values():
                    try:
                        pending.extend(probe.follow(lead))
                    except NetworkDown:
                        raise
                    except ProbeError as e:
                        self.skipped.append(Skipped(lead.found_on, e.reason, probe.name, lead.person))
                    except Exception as e:  # a probe bug on one lead must not lose the audit
                        log.error("probe %s failed following a lead: %s", probe.name, type(e).__name__)
                        self.skipped.append(Skipped(lead.found_on, f"not checked: internal error ({type(e).__name__})",
                                                    probe.name, lead.person))
            self._search.person = None

    def _examine_round(self, probes: dict[str, Probe], hits: list[Hit]) -> list[Lead]:
        chosen: dict[str, Hit] = {}
        for h in hits:
            if h.probe not in probes:
                continue
            key = h.unit
            cur = chosen.get(key)
            if key in self.results:
                continue
            if cur is None or EXAMINE_PRIORITY.get(h.probe, 0) > EXAMINE_PRIORITY.get(cur.probe, 0):
                chosen[key] = h
        todo: list[tuple[str, Hit]] = []
        for key, h in chosen.items():
            done = self.store.page_done(self.audit_id, self._unit_key(key))
            if done is not None:
                self.results[key] = _result_from_dict(done)
            else:
                todo.append((key, h))
        todo = _interleave_hosts(todo)
        self.progress.stage("reading pages", len(todo))
        workers = max(1, self.profile.network.max_concurrency)
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="examine") as pool:
            futures: list[tuple[str, Hit, Future[tuple[PageResult, Response | None, str | None]]]] = [
                (key, h, pool.submit(self._examine_one, probes[h.probe], h)) for key, h in todo
            ]
            try:
                for key, h, fut in futures:
                    result, resp, error = fut.result()
                    self.breaker.check()  # a worker saw the network go: record nothing more
                    self.results[key] = result
                    if error is None:
                        # a page the probe could not read (login wall, over budget) is not checked
                        error = next((s.reason for s in result.skipped if s.source == h.url), None)
                    self.store.record_page(
                        self.audit_id, self._unit_key(key), h.probe, h.url,
                        resp.status if resp else None,
                        hashlib.sha256(resp.body).hexdigest() if resp else None,
                        error, _result_to_dict(result), now_iso(), person=h.person,
                    )
                    self.progress.advance(1)
            except (KeyboardInterrupt, NetworkDown):
                pool.shutdown(wait=False, cancel_futures=True)
                raise
        leads: list[Lead] = []
        for key in chosen:
            leads.extend(self.results[key].leads)
        return leads

    def _examine_one(self, probe: Probe, hit: Hit) -> tuple[PageResult, Response | None, str | None]:
        """Fetch and examine one hit (runs in a worker thread; touches no store)."""
        try:
            resp = send(self._fetcher, hit.request())
        except NetworkDown:
            raise
        except BlockedError as e:
            return PageResult(skipped=(Skipped(hit.url, e.reason, hit.probe, hit.person),)), None, e.reason
        except FetchError as e:
            return PageResult(skipped=(Skipped(hit.url, e.reason, hit.probe, hit.person),)), None, e.reason
        except Exception as e:  # a transport bug on one URL must not end the audit
            log.error("fetch failed: %s", type(e).__name__)
            reason = f"not checked: internal error ({type(e).__name__})"
            return PageResult(skipped=(Skipped(hit.url, reason, hit.probe, hit.person),)), None, reason
        try:
            return probe.examine(hit, resp), resp, None
        except NetworkDown:
            raise
        except ProbeError as e:
            return PageResult(skipped=(Skipped(hit.url, e.reason, hit.probe, hit.person),)), resp, e.reason
        except Exception as e:  # a parser bug on one hostile page must not end the audit
            log.error("probe %s failed examining a page: %s", probe.name, type(e).__name__)
            reason = f"not checked: internal error ({type(e).__name__})"
            return PageResult(skipped=(Skipped(hit.url, reason, hit.probe, hit.person),)), resp, reason

    # -- findings -----------------------------------------------------------------------------

    def _unit_key(self, key: str) -> str:
        """A keyed hash of a unit of work (a query, a page): an unkeyed hash of
        ".../phone/1-707-555-0142" could be reversed by trying every number of an area code."""
        return hmac.new(self._fp_key, key.encode(), hashlib.sha256).hexdigest()

    def fingerprint(self, exp: Exposure) -> str:
        value = " ".join(exp.value.lower().split())
        msg = f"{exp.person}|{exp.category.value}|{value}".encode()
        return hmac.new(self._fp_key, msg, hashlib.sha256).hexdigest()[:32]

    def _build_findings(self) -> list[Finding]:
        from . import masking, remediation, risk

        consenting = {p.id for p in self.profile.people}
        best: dict[str, tuple[Exposure, set[str]]] = {}
        exposures: list[Exposure] = []
        for key in sorted(self.results):
            r = self.results[key]
            self.skipped.extend(r.skipped)
            # never report on someone who did not consent
            exposures.extend(e for e in r.exposures if e.person in consenting)
        # evidence that only shows once every page is read: the person's photo on the page,
        # a club whose own site is already hers (rules photo_on_page, known_affiliation)
        exposures = corroborate_across(exposures, self.profile, self.profile.audit.threshold)
        # a blog's posts under its listed home page are that one account (one_account)
        exposures = one_account(exposures, self.profile.audit.threshold)
        for e in exposures:
            fp = self.fingerprint(e)
            fid = _sha(f"{e.person}|{e.category.value}|{normalize_url(e.url)}|{fp}")[:16]
            cur = best.get(fid)
            if cur is None:
                best[fid] = (e, set(e.rules))
            else:
                rules = cur[1] | set(e.rules)
                keep = e if e.confidence > cur[0].confidence else cur[0]
                best[fid] = (keep, rules)
        hkey = self.household.key if self.household else ""
        first_seen = self.store.first_seen(hkey)
        prev = self.store.previous_finished(hkey, self.audit_id)
        prev_ids = {f.id for f in self.store.findings(prev.id)} if prev else set()

        def status(fid: str) -> str:
            if fid in prev_ids:
                return "still present"
            # found before the previous audit, not by it: gone, then back
            if prev is not None and first_seen.get(fid, prev.started) < prev.started:
                return "re-listed"
            return "new"

        triage = self.store.triage(hkey)
        now = now_iso()
        threshold = self.profile.audit.threshold
        out: list[Finding] = []
        for fid, (e, rules) in best.items():
            severity, rationale = risk.classify(e, self.profile)
            out.append(Finding(
                id=fid,
                person=e.person,
                category=e.category,
                severity=severity,
                confidence=round(e.confidence, 3),
                url=e.url,
                source=e.source,
                probe=e.probe,
                identifier=e.identifier,
                evidence=masking.evidence(e, self.profile),
                rationale=rationale,
                remediation=remediation.for_exposure(e, self.profile),
                possible_match=e.confidence < threshold,
                rules=tuple(sorted(rules)),
                image_url=e.image_url,
                fingerprint=self.fingerprint(e),
                first_seen=first_seen.get(fid, now),
                last_seen=now,
                value=e.value,
                context=e.context,
                status=status(fid),
                triage=triage.get(fid),
            ))
        out.sort(key=lambda f: (f.severity.rank, f.possible_match, f.person, f.category.value, f.url, f.id))
        # Dedupe skipped entries, keep order.
        seen: set[tuple[str, str]] = set()
        uniq = []
        for s in self.skipped:
            if (s.source, s.reason) not in seen:
                seen.add((s.source, s.reason))
                uniq.append(s)
        self.skipped = uniq
        return out


def iter_people(profile: Profile) -> Iterable[str]:
    return (p.id for p in profile.people)


def stored_result(store: Store, audit_id: str, *, with_values: bool = False) -> AuditResult:
    """A stored audit as a result, for its report written again or a stopped report step: its
    findings with the household's triage labels, the sources not checked, its coverage, and
    what is gone since the household's previous finished audit."""
    row = store.audit(audit_id)
    if row is None:
        raise FootprintError(f"no stored audit with id '{audit_id}' (see `footprint audits`)")
    triage = store.triage(row.household)
    findings = [dataclasses.replace(f, triage=triage.get(f.id))
                for f in store.findings(audit_id, with_values=with_values)]
    findings.sort(key=lambda f: (f.severity.rank, f.possible_match, f.person, f.category.value, f.url, f.id))
    prev = store.previous_finished(row.household, row.id) if row.household else None
    gone: tuple[Finding, ...] = ()
    if prev is not None:
        ids = {f.id for f in findings}
        gone = tuple(f for f in store.findings(prev.id, with_values=True)
                     if f.id not in ids and not f.possible_match)
    return AuditResult(
        id=row.id, profile_id=row.profile_id, started=row.started, finished=row.finished,
        purpose=row.purpose, training=row.purpose == "training", jurisdiction=row.jurisdiction or "",
        language=row.language or "en", threshold=row.threshold if row.threshold is not None else 0.5,
        probes=row.probes, web_archive=row.web_archive,
        people=tuple(PersonStatus(**p) for p in row.people), findings=tuple(findings),
        skipped=tuple(store.skipped(audit_id)), queries=row.queries, pages=row.pages,
        gone=gone, previous_audit=prev.id if prev else None, household=row.household,
        coverage=store.coverage(audit_id, row.min_coverage if row.min_coverage is not None else 0.8),
        actions=tuple(removals.order(removals.states(store, row.household, upto=row.id).values()))
        if row.household else (),
    )
