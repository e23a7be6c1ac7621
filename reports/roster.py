"""The roster summary: one row per household of a roster run — critical and high findings, new
since its last audit, re-listed, removals pending and overdue, the share of sources checked, when
the next re-check is due, and a small trend per judge (inline SVG) — sorted by risk, with the
re-listing alerts on top. Written as roster.html (self-contained, no script), roster.csv and
roster.json.

Masked through the one masking view: each household's row is read from its audit's own
`build_view` (the view `footprint report` writes from the store), its label through that
household's Redactor. A row holds counts, dates, masked names and masked site names only; a
household's row is built from its own audit alone, so nothing of one family appears in
another's row. Built from the store, so a resumed run writes the same summary as a straight one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from footprint import masking, removals
from footprint.model import Severity
from footprint.paths import private_dir, write_private

from .csvout import defuse

if TYPE_CHECKING:
    from footprint.store import Store

TREND_AUDITS = 12
"""Audits a row's trend shows (the most recent)."""
FILES = {"html": "roster.html", "csv": "roster.csv", "json": "roster.json"}


@dataclass(frozen=True)
class TrendPoint:
    """One audit of the household in its trend."""

    day: str
    critical: int
    high: int


@dataclass(frozen=True)
class RosterRow:
    """One household as the summary shows it (masked)."""

    household: str
    """The household's key (never a name)."""
    label: str | None
    """The roster's label for it, masked."""
    judge: str
    """The judge's masked name."""
    status: str
    """audited | failed (the audit could not run) | invalid (the profile could not be read)."""
    audit_id: str | None = None
    day: str | None = None
    """The audit's day."""
    error: str | None = None
    """Why it was not audited (failed, invalid), one line."""
    counts: dict[str, int] = field(default_factory=dict)
    """Confirmed findings by severity."""
    possible: int = 0
    new: int = 0
    """Confirmed findings new since the household's previous audit."""
    relisted: int = 0
    """Confirmed findings gone in the previous audit and back."""
    relisted_actions: tuple[str, ...] = ()
    """Checklist actions (company or site, masked) whose listings had gone and are back."""
    pending: int = 0
    """Removals requested, not yet verified."""
    overdue: int = 0
    """Removals still listed after the site's re-check interval."""
    removed: int = 0
    """Removals verified by an audit."""
    open: int = 0
    """Actions with confirmed findings and no request recorded."""
    coverage: int | None = None
    """Share of sources checked, in whole percent."""
    complete: bool = True
    """The share reached the household's minimum (else INCOMPLETE)."""
    next_due: str | None = None
    """The next re-check of a tracked removal."""
    trend: tuple[TrendPoint, ...] = ()
    report: str | None = None
    """The household's report folder, relative to the summary."""
    position: int = 0
    """Its place in the roster (1 = first): the order among equally risky households."""

    @property
    def critical(self) -> int:
        return self.counts.get("critical", 0)

    @property
    def high(self) -> int:
        return self.counts.get("high", 0)

    @property
    def alert(self) -> bool:
        return bool(self.relisted or self.relisted_actions)

    def risk_key(self) -> tuple[Any, ...]:
        """Riskiest first: re-listing alerts, households not audited (their risk is unknown),
        then critical, high, overdue removals, incomplete audits, new findings."""
        return (not self.alert, self.status == "audited", -self.critical, -self.high, -self.overdue,
                self.complete, -self.new, self.position, self.household)

    def as_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["trend"] = [dataclasses.asdict(t) for t in self.trend]
        d["relisted_actions"] = list(self.relisted_actions)
        d["counts"] = {s.value: self.counts.get(s.value, 0) for s in Severity}
        return d


@dataclass(frozen=True)
class RosterSummary:
    """Everything roster.html, roster.csv and roster.json show."""

    run_id: str
    name: str | None
    started: str
    finished: str | None
    rows: tuple[RosterRow, ...]
    generated: str
    training: bool = False
    """Every household audited is a training audit of a fictitious family."""

    @property
    def alerts(self) -> tuple[RosterRow, ...]:
        return tuple(r for r in self.rows if r.alert)

    @property
    def totals(self) -> dict[str, int]:
        audited = [r for r in self.rows if r.status == "audited"]
        return {
            "households": len(self.rows), "audited": len(audited),
            "not_audited": len(self.rows) - len(audited),
            "critical": sum(r.critical for r in audited), "high": sum(r.high for r in audited),
            "new": sum(r.new for r in audited), "relisted": sum(r.relisted for r in audited),
            "pending": sum(r.pending for r in audited), "overdue": sum(r.overdue for r in audited),
            "incomplete": sum(not r.complete for r in audited),
        }


def household_row(store: Store, household: str, audit_id: str, label: str | None,
                  report: str | None = None, position: int = 0) -> RosterRow:
    """A household's row, from its audit's masked view (the one `footprint report` writes)."""
    from reports import build_view
    from reports.stored import load_audit

    stored = load_audit(store, audit_id)
    red = stored.redactor()
    view = build_view(stored.result, redactor=red)
    r = view.result
    judge = next((p.display_name for p in r.people if p.relation == "self"), "")
    acts = view.actions
    dues = [a.due for a in acts if a.due and a.state != removals.OPEN]
    cov = r.coverage
    rows = [a for a in store.audits(household=household) if a.status == "finished" or a.id == audit_id]
    rows = [a for a in rows if (a.started, a.id) <= (r.started, r.id)][-TREND_AUDITS:]
    counts = store.severity_counts(household, [a.id for a in rows])
    trend = tuple(TrendPoint(a.started[:10], counts[a.id].get("critical", 0), counts[a.id].get("high", 0))
                  for a in rows)
    return RosterRow(
        household=household, label=red.text(label) if label else None, judge=judge,
        status="audited", audit_id=r.id, day=r.started[:10],
        counts=dict(view.counts), possible=view.possible,
        new=sum(1 for v in view.findings if v.counted and v.f.status == "new"),
        relisted=len(view.relisted_findings), relisted_actions=tuple(a.group for a in view.relisted),
        pending=sum(a.state in removals.PENDING for a in acts),
        overdue=sum(a.state == removals.OVERDUE for a in acts),
        removed=sum(a.state == removals.REMOVED for a in acts),
        open=sum(a.state == removals.OPEN and a.found > 0 for a in acts),
        coverage=cov.percent if cov is not None and cov.total else None,
        complete=cov.complete if cov is not None else True,
        next_due=min(dues) if dues else None, trend=trend, report=report, position=position,
    )


def not_audited_row(household: str, judge: str, status: str, error: str,
                    label: str | None, position: int = 0) -> RosterRow:
    """A household the run could not audit: its error, masked like any text."""
    return RosterRow(household=household, label=masking.mask_text(label, ()) if label else None,
                     judge=judge, status=status, error=masking.mask_text(error, ()), position=position)


def summary(run_id: str, name: str | None, started: str, finished: str | None,
            rows: Sequence[RosterRow], training: bool = False) -> RosterSummary:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return RosterSummary(run_id, masking.mask_text(name, ()) if name else None, started, finished,
                         tuple(sorted(rows, key=RosterRow.risk_key)), now, training)


# --- writers ---------------------------------------------------------------------------------


def trend_svg(points: Sequence[TrendPoint], width: int = 120, height: int = 28) -> dict[str, Any]:
    """Coordinates of a row's trend: critical and high findings per audit, oldest first."""
    top = max([1, *(p.critical for p in points), *(p.high for p in points)])
    n = len(points)

    def xy(i: int, v: int) -> str:
        x = 2 + (width - 4) * (i / (n - 1) if n > 1 else 0.5)
        y = height - 3 - (height - 6) * v / top
        return f"{x:.1f},{y:.1f}"

    return {
        "width": width, "height": height, "top": top,
        "critical": " ".join(xy(i, p.critical) for i, p in enumerate(points)),
        "high": " ".join(xy(i, p.high) for i, p in enumerate(points)),
        "label": "; ".join(f"{p.day}: {p.critical} critical, {p.high} high" for p in points),
    }


def render_html(s: RosterSummary) -> str:
    from .html import html_env

    env = html_env()
    return env.get_template("roster.html.j2").render(s=s, totals=s.totals, trend_svg=trend_svg,
                                                     SEVERITIES=[x.value for x in Severity])


CSV_COLUMNS = ["household", "label", "judge", "status", "audit", "day", "critical", "high", "medium",
               "low", "info", "possible", "new", "relisted", "relisted_actions", "pending", "overdue",
               "removed", "open", "coverage", "complete", "next_due", "trend", "error", "report"]


def render_csv(s: RosterSummary) -> str:
    import pandas as pd

    rows = []
    for r in s.rows:
        row: dict[str, Any] = {
            "household": r.household, "label": r.label or "", "judge": r.judge, "status": r.status,
            "audit": r.audit_id or "", "day": r.day or "",
            **{sev.value: r.counts.get(sev.value, 0) for sev in Severity},
            "possible": r.possible, "new": r.new, "relisted": r.relisted,
            "relisted_actions": ";".join(r.relisted_actions), "pending": r.pending,
            "overdue": r.overdue, "removed": r.removed, "open": r.open,
            "coverage": r.coverage, "complete": r.complete, "next_due": r.next_due or "",
            "trend": " ".join(f"{p.day}:{p.critical}/{p.high}" for p in r.trend),
            "error": r.error or "", "report": r.report or "",
        }
        rows.append({k: defuse(v) for k, v in row.items()})
    df = pd.DataFrame(rows, columns=CSV_COLUMNS)
    df["coverage"] = df["coverage"].astype("Int64")
    return df.to_csv(index=False, lineterminator="\n")


def render_json(s: RosterSummary) -> str:
    data = {
        "schema": 1, "confidential": True, "masked": True, "training": s.training,
        "roster": {"run": s.run_id, "name": s.name, "started": s.started, "finished": s.finished,
                   "generated": s.generated, "totals": s.totals},
        "alerts": [{"household": r.household, "judge": r.judge, "relisted": r.relisted,
                    "relisted_actions": list(r.relisted_actions)} for r in s.alerts],
        "households": [r.as_dict() for r in s.rows],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_summary(s: RosterSummary, out: Path, formats: Sequence[str] = ("html", "csv", "json")
                  ) -> list[Path]:
    """Write the summary's files (0600) into `out` (0700)."""
    private_dir(out, ours=False)
    written = []
    for fmt in ("html", "csv", "json"):
        if fmt not in formats:
            continue
        text = {"html": render_html, "csv": render_csv, "json": render_json}[fmt](s)
        written.append(write_private(out / FILES[fmt], text.encode("utf-8")))
    return written
