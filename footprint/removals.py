"""Removals tracked to the end: each checklist action (one company or site: a parent company's
opt-out covers its sites) has a stable id per household, the officer records what was done
(`requested` with its date, channel and reference, `confirmed` by the site, notes), and every
audit verifies it:

- gone after a request → **removed** (verified, with the audit's date);
- still there after the site's re-check interval (`recheck_days` in the brokers catalog or the
  playbook) → **overdue**; before that it is **requested** (or **confirmed** when the site said
  it was done) — pending;
- gone and then back → **re-listed**: an alert at the top of the report and of the roster. An
  action nobody asked for can be re-listed too (it went away by itself, or through a bulk
  request such as California's DROP, and came back).

Absence proves a removal only when it was looked for: an audit below its minimum share of
sources checked, or one where a page or search of the action's site was not checked, verifies
nothing (the action stays pending).

States are derived, never stored: from what each finished audit of the household found per
action (`audit_actions`, written when the audit's findings are stored) and the officer's events
(`removal_events`), so a report written again later, `footprint due`, the roster and a resumed
audit all say the same. The store keeps the group's name, references and notes sealed (a group
can be a school's host; a note can name anyone); the action id is a keyed hash of the household
and the group.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import UsageError
from .model import Finding, Severity, Skipped

if TYPE_CHECKING:
    from .store import Store

CHANNELS = ("email", "web-form", "letter", "phone", "fax", "in-person", "other")
"""How a removal request was sent."""
EVENTS = ("requested", "confirmed", "note", "withdrawn")
"""What the officer records about an action."""
DEFAULT_RECHECK_DAYS = 30
"""Re-check interval of an action whose site names none."""
REF_MAX, NOTE_MAX = 200, 2000

# States of an action, as reports, `footprint due` and the roster show them.
OPEN = "open"                # found, nothing requested
REQUESTED = "requested"      # requested, waiting (not yet past the re-check interval)
CONFIRMED = "confirmed"      # the site said it was done; no audit has verified it yet
OVERDUE = "overdue"          # requested, still there after the re-check interval
REMOVED = "removed"          # requested, then gone in an audit that checked the site
GONE = "gone"                # gone without a request (by itself, or a bulk request)
RELISTED = "re-listed"       # gone (removed or by itself), then back
PENDING = (REQUESTED, CONFIRMED)
ALERTS = (OVERDUE, RELISTED)
"""States that make `footprint due` exit non-zero."""


def action_id(secret: bytes, household: str, group: str) -> str:
    """A checklist action's stable id: a keyed hash of the household and the group (a school's
    host must not be guessable from it), so the same site in two households is two actions."""
    digest = hmac.new(secret, f"action|{household}|{group}".encode(), hashlib.sha256).hexdigest()
    return "act-" + digest[:12]


# --- which action a finding (or a source not checked) belongs to --------------------------------


def site_groups(findings: Iterable[Finding]) -> dict[str, str]:
    """site → the group its findings' remediation names (a mention on Spokeo belongs to the
    Spokeo opt-out)."""
    from .remediation import site_group

    by_site: dict[str, str] = {}
    for f in findings:
        site = site_group(f.url)
        if f.remediation.group and f.remediation.group != site:
            by_site.setdefault(site, f.remediation.group)
    return by_site


def raw_groups(findings: Sequence[Finding]) -> dict[str, str]:
    """finding id → its checklist group: the remediation's group (a parent company), else the
    group another finding on the same site has, else the site."""
    from .remediation import site_group

    by_site = site_groups(findings)
    out = {}
    for f in findings:
        site = site_group(f.url)
        own = f.remediation.group
        out[f.id] = by_site.get(site, own or site) if own in (None, "", site) else own
    return out


def url_group(url: str, by_site: Mapping[str, str]) -> str:
    """The checklist group of a page that could not be checked: the group the findings on its
    site have, else its broker's parent company, else the site."""
    from .remediation import broker_for, site_group

    site = site_group(url)
    if site in by_site:
        return by_site[site]
    broker = broker_for(url)
    if broker is not None:
        return getattr(broker, "parent", None) or getattr(broker, "name", None) or site
    return site


@dataclass(frozen=True)
class AuditActions:
    """What one audit found per action: the rows `record` stores."""

    found: dict[str, tuple[tuple[str, bool], ...]]
    """action id → (finding id, possible match) of its findings."""
    unchecked: frozenset[str]
    """Actions whose site had a page or search that was not checked."""
    groups: dict[str, str]
    """action id → group name (sealed in the store)."""
    recheck: dict[str, int | None]
    """action id → the site's re-check interval."""
    worst: dict[str, str]
    """action id → most severe finding's severity."""


def summarise(secret: bytes, household: str, findings: Sequence[Finding],
              skipped: Sequence[Skipped]) -> AuditActions:
    """Group an audit's findings (and the sources it could not check) by checklist action."""
    group_of = raw_groups(findings)
    by_site = site_groups(findings)
    found: dict[str, list[tuple[str, bool]]] = {}
    groups: dict[str, str] = {}
    recheck: dict[str, int | None] = {}
    worst: dict[str, str] = {}
    for f in sorted(findings, key=lambda f: f.severity.rank):
        g = group_of[f.id]
        aid = action_id(secret, household, g)
        groups[aid] = g
        found.setdefault(aid, []).append((f.id, f.possible_match))
        if f.remediation.recheck_days and not recheck.get(aid):
            recheck[aid] = f.remediation.recheck_days
        recheck.setdefault(aid, f.remediation.recheck_days)
        worst.setdefault(aid, f.severity.value)
    unchecked = set()
    for s in skipped:
        if "://" in s.source:
            g = url_group(s.source, by_site)
            aid = action_id(secret, household, g)
            groups.setdefault(aid, g)
            unchecked.add(aid)
    return AuditActions({k: tuple(v) for k, v in found.items()}, frozenset(unchecked), groups,
                        recheck, worst)


# --- the officer's events -----------------------------------------------------------------------


@dataclass(frozen=True)
class Event:
    """Something the officer recorded about an action."""

    action: str
    """Action id."""
    kind: str
    """requested | confirmed | note | withdrawn."""
    on: str
    """The day it happened (YYYY-MM-DD), as the officer gave it."""
    channel: str | None = None
    """How the request was sent (requested only)."""
    ref: str | None = None
    """The request's reference (a ticket, a letter number)."""
    note: str | None = None
    seq: int = 0
    """Order of recording."""
    recorded_at: str = ""
    """When it was recorded (ISO-8601 UTC)."""


def parse_day(value: str | None, what: str = "--on", today: dt.date | None = None) -> str:
    """A YYYY-MM-DD day, not in the future (today by default)."""
    today = today or dt.date.today()
    if value is None:
        return today.isoformat()
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{what}: expected a date as YYYY-MM-DD") from None
    if day > today + dt.timedelta(days=1):  # a day of slack for time zones
        raise UsageError(f"{what}: the date is in the future")
    return day.isoformat()


def check_text(value: str | None, what: str, limit: int) -> str | None:
    """A reference or a note: printable, at most `limit` characters (never echoed back)."""
    if value is None:
        return None
    if any(not c.isprintable() for c in value.replace("\n", " ")):
        raise UsageError(f"{what}: control or invisible characters are not accepted")
    value = value.strip()
    if len(value) > limit:
        raise UsageError(f"{what}: at most {limit} characters")
    return value or None


# --- states -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """One finished audit of a household, as the removal states read it."""

    audit_id: str
    day: str
    """The day it started (YYYY-MM-DD)."""
    complete: bool
    """It reached its minimum share of sources checked."""
    found: Mapping[str, tuple[tuple[str, bool], ...]]
    """action id → (finding id, possible match) of its findings."""
    unchecked: frozenset[str]
    """Actions whose site had a page or search that was not checked."""
    worst: Mapping[str, str] = field(default_factory=dict)
    """action id → the severity of its most severe finding."""


@dataclass(frozen=True)
class ActionState:
    """Where one checklist action stands after an audit (and, for `footprint due`, today)."""

    id: str
    """The action id (`footprint removal ID …`)."""
    group: str
    """The company or site (masked in a masked view)."""
    state: str
    """open | requested | confirmed | overdue | removed | gone | re-listed."""
    recheck_days: int
    """The site's re-check interval."""
    found: int = 0
    """Confirmed findings in the audit."""
    worst: str | None = None
    """Most severe of them."""
    requested_on: str | None = None
    channel: str | None = None
    ref: str | None = None
    confirmed_on: str | None = None
    verified_on: str | None = None
    """The day an audit found it gone after the request (removed), or gone by itself."""
    verified_audit: str | None = None
    relisted_on: str | None = None
    """The day an audit found it back."""
    relisted_audit: str | None = None
    due: str | None = None
    """When to look again: the request's day + re-check interval while pending, the removal's
    day + interval once removed or gone; at once when overdue or re-listed."""
    unverified: bool = False
    """The last audit could not verify a pending request (its site, or too many sources, were
    not checked)."""
    notes: tuple[tuple[str, str], ...] = field(default=())
    """(day, note) as recorded."""

    @property
    def tracked(self) -> bool:
        """A request was recorded, or it changed by itself since it was found."""
        return self.requested_on is not None or self.state in (GONE, RELISTED)

    @property
    def alert(self) -> bool:
        return self.state in ALERTS

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "group": self.group, "state": self.state, "found": self.found,
            "worst": self.worst, "recheck_days": self.recheck_days,
            "requested_on": self.requested_on, "channel": self.channel, "ref": self.ref,
            "confirmed_on": self.confirmed_on, "verified_on": self.verified_on,
            "verified_audit": self.verified_audit, "relisted_on": self.relisted_on,
            "relisted_audit": self.relisted_audit, "due": self.due,
            "unverified": self.unverified,
            "notes": [{"on": day, "note": text} for day, text in self.notes],
        }


def _plus(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


def _counts(fid: str, possible: bool, triage: Mapping[str, str]) -> bool:
    label = triage.get(fid)
    if label == "not me":
        return False
    return label == "confirmed" or not possible


@dataclass
class _Track:
    """One action's state while the timeline is read."""

    state: str | None = None
    found: int = 0
    requested_on: str | None = None
    channel: str | None = None
    ref: str | None = None
    confirmed_on: str | None = None
    verified_on: str | None = None
    verified_audit: str | None = None
    relisted_on: str | None = None
    relisted_audit: str | None = None
    unverified: bool = False
    seen: bool = False
    """Found (confirmed) by some audit: only then can it be gone."""
    notes: list[tuple[str, str]] = field(default_factory=list)


def evaluate(snapshots: Sequence[Snapshot], events: Sequence[Event], triage: Mapping[str, str],
             groups: Mapping[str, str], recheck: Mapping[str, int | None]) -> dict[str, ActionState]:
    """Every action's state after the last snapshot: audits and events in date order (an event
    on an audit's day comes after it: a request is made after reading the report)."""
    timeline: list[tuple[str, int, int, Snapshot | Event]] = [
        (s.day, 0, i, s) for i, s in enumerate(snapshots)]
    timeline += [(e.on, 1, e.seq, e) for e in events]
    timeline.sort(key=lambda t: t[:3])
    tracks: dict[str, _Track] = {}
    for _day, _k, _i, item in timeline:
        if isinstance(item, Event):
            t = tracks.setdefault(item.action, _Track())
            if item.kind == "requested":
                t.state, t.requested_on, t.channel, t.ref = REQUESTED, item.on, item.channel, item.ref
                t.confirmed_on = t.verified_on = t.verified_audit = None
                t.unverified = False
            elif item.kind == "confirmed":
                t.confirmed_on = item.on
                if t.state == REQUESTED:
                    t.state = CONFIRMED
            elif item.kind == "withdrawn":
                t.state = OPEN if t.found else None
                t.requested_on = t.channel = t.ref = t.confirmed_on = None
            if item.note:
                t.notes.append((item.on, item.note))
            continue
        snap = item
        for aid in set(tracks) | set(snap.found):
            t = tracks.setdefault(aid, _Track())
            t.found = sum(_counts(fid, p, triage) for fid, p in snap.found.get(aid, ()))
            present = t.found > 0
            checked = snap.complete and aid not in snap.unchecked
            days = recheck.get(aid) or DEFAULT_RECHECK_DAYS
            if t.state in (REQUESTED, CONFIRMED, OVERDUE):
                if present:
                    if t.requested_on and snap.day > _plus(t.requested_on, days):
                        t.state = OVERDUE
                    t.unverified = False
                elif checked:
                    t.state, t.verified_on, t.verified_audit = REMOVED, snap.day, snap.audit_id
                    t.unverified = False
                else:
                    t.unverified = True
            elif t.state in (REMOVED, GONE):
                if present:
                    t.state, t.relisted_on, t.relisted_audit = RELISTED, snap.day, snap.audit_id
            elif t.state == RELISTED:
                if not present and checked:
                    t.state = REMOVED if t.requested_on else GONE
                    t.verified_on, t.verified_audit = snap.day, snap.audit_id
            elif present or (t.state is None and aid in snap.found):
                t.state = OPEN  # also an action of possible matches only: it has an id to record
            elif t.state == OPEN and checked and t.seen:
                t.state, t.verified_on, t.verified_audit = GONE, snap.day, snap.audit_id
            t.seen = t.seen or present
    worst = snapshots[-1].worst if snapshots else {}
    out: dict[str, ActionState] = {}
    for aid, t in tracks.items():
        if t.state is None:
            continue  # never found and nothing recorded (a site not checked, a withdrawn request)
        days = recheck.get(aid) or DEFAULT_RECHECK_DAYS
        due: str | None = None
        if t.state in (REQUESTED, CONFIRMED, OVERDUE) and t.requested_on:
            due = _plus(t.requested_on, days)
        elif t.state in (REMOVED, GONE) and t.verified_on:
            due = _plus(t.verified_on, days)
        elif t.state == RELISTED:
            due = t.relisted_on
        out[aid] = ActionState(
            id=aid, group=groups.get(aid, ""), state=t.state, recheck_days=days, found=t.found,
            worst=worst.get(aid) if t.found else None, requested_on=t.requested_on,
            channel=t.channel, ref=t.ref, confirmed_on=t.confirmed_on, verified_on=t.verified_on,
            verified_audit=t.verified_audit, relisted_on=t.relisted_on,
            relisted_audit=t.relisted_audit, due=due, unverified=t.unverified, notes=tuple(t.notes))
    return out


def order(states: Iterable[ActionState]) -> list[ActionState]:
    """Alerts first (re-listed, overdue), then pending, removed, gone; most severe first."""
    rank = {RELISTED: 0, OVERDUE: 1, REQUESTED: 2, CONFIRMED: 2, OPEN: 3, REMOVED: 4, GONE: 5}
    sev = {s.value: s.rank for s in Severity}
    return sorted(states, key=lambda a: (rank.get(a.state, 9), sev.get(a.worst or "", 9),
                                         a.due or "9999", a.id))


# --- reading the store -------------------------------------------------------------------------


def record(store: Store, household: str, audit_id: str, findings: Sequence[Finding],
           skipped: Sequence[Skipped], complete: bool) -> None:
    """Store what an audit found per action (called when its findings are stored)."""
    summary = summarise(store.vault.fingerprint_key(), household, findings, skipped)
    store.save_audit_actions(household, audit_id, summary, complete)


def states(store: Store, household: str, upto: str | None = None) -> dict[str, ActionState]:
    """The household's action states after its finished audits — up to and including audit
    `upto` (which may itself be unfinished: the audit being reported), with the events recorded
    before that audit finished, so that its report written again later says what its own report
    said; without `upto`, after every finished audit with every event."""
    rows = [r for r in store.audits(household=household) if r.status == "finished" or r.id == upto]
    recorded_by: str | None = None
    mark: int | None = None
    if upto is not None:
        cut = next((r for r in rows if r.id == upto), None)
        if cut is not None:
            rows = [r for r in rows if (r.started, r.id) <= (cut.started, cut.id)]
            recorded_by = cut.finished
            mark = store.events_upto(cut.id)
    snapshots = []
    for r in rows:
        snap = store.audit_snapshot(r.id)
        if snap is None:  # stored before removals were tracked: summarise it now, once
            cov = store.coverage(r.id, r.min_coverage if r.min_coverage is not None else 0.8)
            record(store, household, r.id, store.findings(r.id), store.skipped(r.id), cov.complete)
            snap = store.audit_snapshot(r.id)
        if snap is not None:
            snapshots.append(snap)
    events = store.removal_events(household)
    if mark is not None:
        events = [e for e in events if e.seq <= mark]
    elif recorded_by is not None:
        events = [e for e in events if e.recorded_at <= recorded_by]
    meta = store.action_meta(household)
    return evaluate(snapshots, events, store.triage(household), {k: v[0] for k, v in meta.items()},
                    {k: v[1] for k, v in meta.items()})


def due_today(state: ActionState, today: str) -> bool:
    return state.due is not None and state.due <= today
