"""findings.json (DESIGN.md §6): the audit, its coverage and every finding, masked unless the
output is encrypted; plus the keys a tool reading it needs (possible_match, rules, first/last
seen, status, triage, image_url, the person's relation, the training flag, who was audited)."""

from __future__ import annotations

import json
from typing import Any

from footprint import risk
from footprint.model import Severity

from . import FindingView, ReportView

SCHEMA_VERSION = 1


def finding_dict(v: FindingView, full: bool, action_id: str | None = None) -> dict[str, Any]:
    """One finding as §6 lists it, plus extra keys. `url`/`image_url` are masked unless full;
    `value` and `context` appear only when full."""
    f = v.f
    d: dict[str, Any] = {
        "id": f.id,
        "person": f.person,
        "relation": v.relation,
        "category": f.category.value,
        "severity": f.severity.value,
        "confidence": f.confidence,
        "url": v.locator or v.url,
        "source": f.source,
        "probe": f.probe,
        "identifier": f.identifier,
        "evidence": v.evidence if not full else f.evidence,
        "rationale": f.rationale,
        "remediation": {**f.remediation.as_dict(), "group": v.group},
        "possible_match": f.possible_match,
        "counted": v.counted,
        "rules": list(f.rules),
        "image_url": v.image_url,
        "first_seen": f.first_seen,
        "last_seen": f.last_seen,
        "status": f.status,
        "triage": f.triage,
        "action_id": action_id,
    }
    if full:
        d["value"] = f.value
        d["context"] = f.context
    return d


def _score(s: risk.Score) -> dict[str, Any]:
    return {
        "total": s.total,
        "worst": s.worst.value if s.worst else None,
        "method": s.method,
        "weights": {k.value: w for k, w in risk.WEIGHTS.items()},
        "category_cap": risk.CATEGORY_CAP,
        "people": [
            {
                "person": p.person,
                "points": p.points,
                "worst": p.worst.value if p.worst else None,
                "counted": p.counted,
                "not_counted": p.not_counted,
                "drivers": [
                    {"category": d.category.value, "severity": d.severity.value,
                     "findings": d.findings, "raw_points": d.raw_points, "points": d.points}
                    for d in p.drivers
                ],
            }
            for p in s.people
        ],
    }


def build(view: ReportView) -> dict[str, Any]:
    r = view.result
    return {
        "schema": SCHEMA_VERSION,
        "confidential": True,
        "masked": not view.full,
        "training": r.training,
        "audit": {
            "id": r.id,
            "started": r.started,
            "finished": r.finished,
            "profile": r.profile_id,
            "purpose": r.purpose,
            "training": r.training,
            "jurisdiction": r.jurisdiction,
            "probes": list(r.probes),
            "web_archive": r.web_archive,
            "threshold": r.threshold,
            "previous_audit": r.previous_audit,
            "household": r.household or None,
            "coverage": {
                "queries": r.queries,
                "pages": r.pages,
                "searches_by_person": dict(r.searches_by_person),
                # the share of sources checked, as the engine computed it (Coverage.as_dict)
                **(r.coverage.as_dict() if r.coverage is not None else {}),
                "failed": [{"url": s["source"], "error": s["reason"], "probe": s["probe"]}
                           for s in view.skipped],
            },
            "people": [
                {"id": p.id, "relation": p.relation, "audited": p.audited, "reason": p.reason,
                 "display_name": p.display_name, "minor": p.minor}
                for p in r.people
            ],
            "counts": {s.value: view.counts.get(s.value, 0) for s in Severity},
            "possible_matches": view.possible,
            "score": _score(view.score),
            "generated": view.generated,
        },
        "first_steps": [
            {"id": fs.request.id, "title": fs.request.title, "url": fs.request.url,
             "who": fs.request.who, "when": fs.request.when, "covers": list(fs.request.covers),
             "not_covered": list(fs.request.not_covered), "steps": list(fs.request.steps),
             "registered_brokers_reached": list(fs.reaches),
             "groups_not_reached": list(fs.misses)}
            for fs in view.first_steps
        ],
        "alerts": {
            "relisted_actions": [a.id for a in view.relisted],
            "relisted_findings": [v.f.id for v in view.relisted_findings],
            "overdue_actions": [a.id for a in view.overdue],
        },
        "actions": [a.as_dict() for a in view.actions],
        "findings": [finding_dict(v, view.full, view.action_of.get(v.f.id)) for v in view.findings],
        "gone": [
            {"id": v.f.id, "person": v.f.person, "category": v.f.category.value,
             "severity": v.f.severity.value, "url": v.locator or v.url, "evidence": v.evidence}
            for v in view.gone
        ],
    }


def render_json(view: ReportView) -> str:
    """findings.json as text (UTF-8, indented)."""
    return json.dumps(build(view), ensure_ascii=False, indent=2) + "\n"
