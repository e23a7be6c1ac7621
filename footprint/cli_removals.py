"""`footprint removal`, `footprint removals`, `footprint due` and `footprint diff`: record what
was done about a checklist action, see where every removal stands, list what is due for a
re-check (non-zero exit when something is overdue or re-listed, for cron or a systemd timer),
and compare two audits of one household. Registered on the main CLI by `cli.py`.

Everything printed is masked like the reports: a group's name through the household's masking
values (a school's host is named by its masked host), references and notes through its
Redactor; the judge by the masked display name the audit stored.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from . import removals
from .cli import _check_audit_id, app, err, out
from .errors import UsageError

if TYPE_CHECKING:
    from .masking import Redactor
    from .store import Store

DUE_EXIT = 4
"""`footprint due`: something is overdue or re-listed."""


def household_redactor(store: Store, household: str) -> tuple[Redactor, str]:
    """The masking view of a household (every value its audits' outputs mask) and its judge's
    masked name."""
    from .masking import Redactor

    rows = store.audits(household=household)
    values: list[tuple[str, str]] = []
    for r in rows:
        values.extend(store.masking_values(r.id) or ())
    judge = ""
    for r in reversed(rows):
        judge = next((str(p.get("display_name") or "") for p in r.people if p.get("relation") == "self"), "")
        if judge:
            break
    return Redactor.for_audit(dict.fromkeys(values)), judge


def masked_states(store: Store, household: str, red: Redactor) -> list[removals.ActionState]:
    from reports import mask_action

    return [mask_action(a, red) for a in removals.order(removals.states(store, household).values())]


def _resolve_action(store: Store, action: str) -> tuple[str, str]:
    if not re.fullmatch(r"act-[0-9a-f]{4,12}", action):
        raise UsageError("removal: an action id is act- and 4 to 12 hexadecimal characters, as the report's "
                         "checklist shows it")
    matches = store.find_action(action)
    if not matches:
        raise UsageError(f"no checklist action with id '{action}' (see a report's checklist or `footprint removals`)")
    if len(matches) > 1:
        raise UsageError(f"'{action}' matches several actions; give more characters")
    return matches[0]


@app.command()
def removal(
    action: Annotated[str, typer.Argument(help="The action's id (act-…) from a report's checklist.")],
    event: Annotated[str, typer.Argument(help="requested | confirmed | note | withdrawn")],
    on: Annotated[str | None, typer.Option("--on", help="The day it happened (YYYY-MM-DD; default today).")] = None,
    channel: Annotated[str | None, typer.Option("--channel", help="How the request was sent: " + ", ".join(removals.CHANNELS) + ".")] = None,
    ref: Annotated[str | None, typer.Option("--ref", help="The request's reference (ticket, letter number); kept sealed.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note; kept sealed, shown masked.")] = None,
) -> None:
    """Record a removal request, the site's confirmation, a note, or withdraw a request: the next audit verifies it (removed, overdue, re-listed)."""
    from .engine import now_iso
    from .paths import data_dir
    from .store import open_store

    if event not in removals.EVENTS:
        raise UsageError("removal: the event must be requested, confirmed, note or withdrawn")
    day = removals.parse_day(on)
    if channel is not None and channel not in removals.CHANNELS:
        raise UsageError(f"--channel: expected one of {', '.join(removals.CHANNELS)}")
    if event != "requested" and (channel is not None or ref is not None):
        raise UsageError("--channel and --ref belong to a request: footprint removal ID requested --channel … --ref …")
    ref = removals.check_text(ref, "--ref", removals.REF_MAX)
    note = removals.check_text(note, "--note", removals.NOTE_MAX)
    if event == "note" and not note:
        raise UsageError("removal ID note: give the note with --note")
    with open_store(data_dir()) as store:
        aid, household = _resolve_action(store, action)
        store.add_removal_event(household, aid, event, day,
                                (channel or "other") if event == "requested" else None, ref, note, now_iso())
        red, _judge = household_redactor(store, household)
        state = next((a for a in masked_states(store, household, red) if a.id == aid), None)
    what = {"requested": f"removal requested on {day}", "confirmed": f"removal confirmed by the site on {day}",
            "note": "note recorded", "withdrawn": "request withdrawn"}[event]
    line = f"Action {aid}: {what}."
    if state is not None:
        line += f" {state.group}: {state.state}"
        if state.due:
            line += f"; look again on {state.due} (every {state.recheck_days} days)"
        line += "."
        if event == "requested":
            line += " The next audit of the household checks it."
    out.print(line, markup=False, highlight=False, soft_wrap=True)


@app.command("removals")
def list_removals(
    household: Annotated[str | None, typer.Option("--household", help="Only this household key.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Also actions found and not requested yet (open).")] = False,
) -> None:
    """List where every tracked removal stands, per household (alerts first)."""
    from .paths import data_dir
    from .store import open_store

    shown = 0
    with open_store(data_dir()) as store:
        if household and household not in store.tracked_households():
            raise UsageError(f"no stored audit of household '{household}' (see `footprint audits`)")
        for hh in ([household] if household else store.tracked_households()):
            red, judge = household_redactor(store, hh)
            rows = [a for a in masked_states(store, hh, red) if all_ or a.tracked]
            if not rows:
                continue
            shown += len(rows)
            out.print(f"[bold]Household {escape(hh)}[/]" + (f" · {escape(judge)}" if judge else ""))
            t = Table(box=None, padding=(0, 2), pad_edge=False)
            for col in ("action", "group", "state", "requested", "checked", "look again"):
                t.add_column(col, no_wrap=col in ("action", "state"))
            for a in rows:
                req = f"{a.requested_on} {a.channel or ''}".strip() if a.requested_on else "—"
                if a.ref:
                    req += f" ({a.ref})"
                checked = (f"back {a.relisted_on}" if a.relisted_on and a.state == removals.RELISTED
                           else f"gone {a.verified_on}" if a.verified_on
                           else f"listed ({a.found})" if a.found else "—")
                if a.unverified:
                    checked += ", not verified"
                t.add_row(a.id, escape(a.group), a.state, escape(req), checked, a.due or "—")
            out.print(t)
            for a in rows:
                for day, note in a.notes:
                    out.print(f"  {a.id} {day}: {note}", markup=False, highlight=False, soft_wrap=True)
            out.print()
    if not shown:
        out.print("No removal tracked yet: record one with `footprint removal ACTION_ID requested`."
                  if not all_ else "No checklist action stored.")


def due_rows(store: Store, households: list[str], today: str, horizon: str
             ) -> tuple[list[dict[str, Any]], int]:
    """What is due for a re-check by `horizon` (masked), and how many actions are overdue or
    re-listed (whatever their date)."""
    rows: list[dict[str, Any]] = []
    alerts = 0
    for hh in households:
        red, judge = household_redactor(store, hh)
        for a in masked_states(store, hh, red):
            if a.alert:
                alerts += 1
            if a.state == removals.OPEN or not a.due or (a.due > horizon and not a.alert):
                continue
            if a.state == removals.OVERDUE:
                why = "overdue: requested and still listed after its re-check interval"
            elif a.state == removals.RELISTED:
                why = "re-listed: back after it had gone"
            elif a.state in removals.PENDING:
                why = ("re-check due: audit again to verify the request" if a.due <= today
                       else "re-check on its day: audit then to verify the request")
            else:
                why = "look again: sites re-list people" if a.due <= today else "look again on its day"
            rows.append({"household": hh, "judge": judge, "action": a.id, "group": a.group,
                         "state": a.state, "due": a.due, "requested_on": a.requested_on,
                         "why": why})
    rows.sort(key=lambda r: (r["state"] not in removals.ALERTS, r["due"], r["household"], r["action"]))
    return rows, alerts


@app.command()
def due(
    household: Annotated[str | None, typer.Option("--household", help="Only this household key.")] = None,
    within: Annotated[int, typer.Option("--within", help="Also what falls due in the next DAYS days (0-366).")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the list as JSON (masked), for scripts.")] = False,
) -> None:
    """List what is due for a re-check (requests past their site's re-check interval, removals to look at again); exit 4 when something is overdue or re-listed (for cron or a systemd timer)."""
    from .paths import data_dir
    from .store import open_store

    if not 0 <= within <= 366:
        raise UsageError(f"--within {within}: expected a number of days from 0 to 366")
    today = dt.date.today()
    horizon = (today + dt.timedelta(days=within)).isoformat()
    with open_store(data_dir()) as store:
        households = [household] if household else store.tracked_households()
        if household and household not in store.tracked_households():
            raise UsageError(f"no stored audit of household '{household}' (see `footprint audits`)")
        rows, alerts = due_rows(store, households, today.isoformat(), horizon)
    if as_json:
        out.print_json(json.dumps({"today": today.isoformat(), "horizon": horizon,
                                   "overdue_or_relisted": alerts, "due": rows}))
    elif not rows:
        out.print(f"Nothing due for a re-check by {horizon}.")
    else:
        t = Table(box=None, padding=(0, 2), pad_edge=False)
        for col in ("due", "household", "judge", "action", "group", "state", "why"):
            t.add_column(col, no_wrap=col in ("due", "household", "action", "state"))
        for r in rows:
            t.add_row(r["due"], escape(r["household"]), escape(r["judge"]), r["action"],
                      escape(r["group"]), r["state"], r["why"])
        out.print(t)
    if alerts:
        err.print(f"footprint: {alerts} action{'' if alerts == 1 else 's'} overdue or re-listed",
                  markup=False, highlight=False)
        raise typer.Exit(DUE_EXIT)


# --- diff --------------------------------------------------------------------------------------


@app.command()
def diff(
    audit_a: Annotated[str, typer.Argument(help="An audit id (see `footprint audits`).")],
    audit_b: Annotated[str, typer.Argument(help="Another audit of the same household.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as JSON (masked).")] = False,
) -> None:
    """Compare two audits of one household: what is new, gone, still present, re-listed, and how each removal moved (masked)."""
    from reports import build_view, mask_action
    from reports.stored import load_audit

    from .masking import Redactor
    from .paths import data_dir
    from .store import open_store

    _check_audit_id(audit_a)
    _check_audit_id(audit_b)
    if audit_a == audit_b:
        raise UsageError("diff: give two different audits of one household")
    with open_store(data_dir()) as store:
        rows = []
        for aid in (audit_a, audit_b):
            row = store.audit(aid)
            if row is None:
                raise UsageError(f"no stored audit with id '{aid}' (see `footprint audits`)")
            if row.status not in ("finished", "reporting"):
                raise UsageError(f"audit {aid} did not finish ({row.status}): it has no findings to compare")
            rows.append(row)
        if rows[0].household != rows[1].household:
            raise UsageError(f"audits {audit_a} and {audit_b} belong to two different households; "
                             "diff compares two audits of one household")
        old, new = sorted(rows, key=lambda r: (r.started, r.id))
        a, b = load_audit(store, old.id), load_audit(store, new.id)
    red = Redactor.for_audit((*a.secrets, *b.secrets),
                             (*a.result.findings, *a.result.gone, *b.result.findings, *b.result.gone))
    va, vb = build_view(a.result, redactor=red), build_view(b.result, redactor=red)
    before = {v.f.id: v for v in va.findings if v.counted}
    after = {v.f.id: v for v in vb.findings if v.counted}
    earlier = {v.f.id for v in va.findings}
    new_ids = [i for i in after if i not in before]
    changes: dict[str, Any] = {
        "from": old.id, "to": new.id, "household": old.household,
        "new": [_diff_item(after[i], "re-listed" if i not in earlier and after[i].f.status == "re-listed"
                           else "new") for i in new_ids],
        "gone": [_diff_item(before[i], "gone") for i in before if i not in after],
        "still_present": len([i for i in after if i in before]),
        "severity_changed": [
            {**_diff_item(after[i], "changed"), "was": before[i].f.severity.value}
            for i in after if i in before and before[i].f.severity != after[i].f.severity],
        "actions": _action_moves([mask_action(x, red) for x in a.result.actions],
                                 [mask_action(x, red) for x in b.result.actions]),
        "counts": {"from": dict(va.counts), "to": dict(vb.counts)},
    }
    if as_json:
        out.print_json(json.dumps(changes))
        return
    out.print(f"Household {old.household}: from audit {old.id} to {new.id}"
              + (" (the first named is the later one: shown from the earlier)" if old.id != audit_a else ""),
              markup=False, highlight=False)
    out.print(f"{len(changes['new'])} new, {len(changes['gone'])} gone, {changes['still_present']} still "
              f"present (confirmed findings).", markup=False, highlight=False)
    for title, key in (("New", "new"), ("Gone", "gone"), ("Severity changed", "severity_changed")):
        items = changes[key]
        if not items:
            continue
        t = Table(title=title, box=None, padding=(0, 2), pad_edge=False, title_justify="left")
        for col in ("finding", "status", "person", "category", "severity", "evidence", "page"):
            t.add_column(col, no_wrap=col in ("finding", "status", "severity"), overflow="fold")
        for it in items:
            sev = it["severity"] + (f" (was {it['was']})" if "was" in it else "")
            t.add_row(it["id"], it["status"], escape(it["person"]), it["category"], sev,
                      escape(it["evidence"]), escape(it["url"]))
        out.print(t)
    moves = changes["actions"]
    if moves:
        t = Table(title="Removals", box=None, padding=(0, 2), pad_edge=False, title_justify="left")
        for col in ("action", "group", "was", "now", "look again"):
            t.add_column(col, no_wrap=col != "group")
        for m in moves:
            t.add_row(m["id"], escape(m["group"]), m["was"] or "—", m["now"], m["due"] or "—")
        out.print(t)


def _diff_item(v: Any, status: str) -> dict[str, Any]:
    return {"id": v.f.id, "status": status, "person": v.person_label, "category": v.f.category.value,
            "severity": v.f.severity.value, "evidence": v.evidence, "url": v.url}


def _action_moves(before: list[removals.ActionState], after: list[removals.ActionState]
                  ) -> list[dict[str, Any]]:
    was = {a.id: a for a in before}
    out_ = []
    for a in after:
        prev = was.get(a.id)
        if prev is not None and prev.state == a.state:
            continue
        if prev is None and a.state == removals.OPEN:
            continue  # a new finding's action: the findings above say it
        out_.append({"id": a.id, "group": a.group, "was": prev.state if prev else None, "now": a.state,
                     "due": a.due})
    return out_
