"""findings.csv: one row per finding, for spreadsheets and case-management tools (pandas).

Cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
return) get a leading apostrophe: page text is hostile input (OWASP "CSV injection")."""

from __future__ import annotations

import pandas as pd

from . import ReportView

COLUMNS = [
    "audit", "id", "person", "relation", "category", "severity", "confidence", "possible_match", "counted",
    "status", "triage", "evidence", "url", "image_url", "source", "probe", "identifier", "rules",
    "rationale", "action", "group", "opt_out_url", "requires", "expected_time", "recheck_days",
    "legal_basis", "first_seen", "last_seen", "action_id",
]
FULL_COLUMNS = ["value", "context"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(value: object) -> object:
    """A cell value that a spreadsheet will show as text, never evaluate."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def render_csv(view: ReportView) -> str:
    rows = []
    for v in view.findings:
        f, rem = v.f, v.f.remediation
        row = {
            # every row says whose audit it is, so a row pasted elsewhere keeps its training mark
            "audit": view.audit_label, "id": f.id, "person": f.person, "relation": v.relation,
            "category": f.category.value, "severity": f.severity.value,
            "confidence": f.confidence, "possible_match": f.possible_match, "counted": v.counted,
            "status": f.status, "triage": f.triage or "", "evidence": v.evidence, "url": v.locator or v.url,
            "image_url": v.image_url or "", "source": f.source, "probe": f.probe,
            "identifier": f.identifier or "", "rules": ";".join(f.rules),
            "rationale": f.rationale, "action": rem.action, "group": v.group,
            "opt_out_url": rem.opt_out_url or "", "requires": ";".join(rem.requires),
            "expected_time": rem.expected_time or "", "recheck_days": rem.recheck_days,
            "legal_basis": rem.legal_basis or "", "first_seen": f.first_seen or "",
            "last_seen": f.last_seen or "", "action_id": view.action_of.get(f.id, ""),
        }
        if view.full:
            row["value"] = f.value or ""
            row["context"] = f.context or ""
        rows.append({k: defuse(x) for k, x in row.items()})
    cols = COLUMNS + (FULL_COLUMNS if view.full else [])
    df = pd.DataFrame(rows, columns=cols)
    df["recheck_days"] = df["recheck_days"].astype("Int64")
    return df.to_csv(index=False, lineterminator="\n")
