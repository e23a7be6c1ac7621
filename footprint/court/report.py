"""court-accounts.json and court-accounts.html: one page per account (pass / fail / not
checkable per rule, with what was seen), then the officer's manual checklist."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, select_autoescape

from ..paths import private_dir, write_private
from . import CHECK_TITLES, MANUAL_ITEMS, CourtResult


def view(result: CourtResult) -> dict[str, Any]:
    court = result.court
    art = court.manual.articles
    accounts = []
    for ac in result.accounts:
        counts = {"pass": 0, "fail": 0, "not checkable": 0}
        for v in ac.verdicts:
            counts[v.verdict] += 1
        accounts.append({
            "platform": ac.account.platform, "handle": ac.account.handle, "page": ac.page_url,
            "read_error": ac.read_error, "counts": counts,
            "checks": [{"id": v.check, "title": CHECK_TITLES[v.check], "verdict": v.verdict,
                        "detail": v.detail, "article": v.article} for v in ac.verdicts],
            "manual": [{"id": k, "title": t, "article": art.get(k, "")}
                       for k, t in MANUAL_ITEMS.items()],
        })
    manual = []
    for ac in result.accounts:
        who = f"{ac.account.platform} {ac.account.handle}"
        for k, t in MANUAL_ITEMS.items():
            manual.append({"account": who, "id": k, "title": t, "article": art.get(k, "")})
        for v in ac.verdicts:
            if v.verdict == "not checkable":
                manual.append({"account": who, "id": v.check, "title": CHECK_TITLES[v.check]
                               + " (not checkable from outside: " + v.detail + ")",
                               "article": v.article})
    return {
        "kind": "footprint-court-accounts",
        "generated": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "court": {"id": court.info.id, "names": court.info.names,
                  "languages": list(court.info.languages), "manual": court.manual.title},
        "accounts": accounts,
        "manual": manual,
    }


_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>Official accounts — {{ v.court.names.values()|first }}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
section{page-break-before:always;margin-top:2rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.3rem .4rem;text-align:left;vertical-align:top}
.pass{color:#116329;font-weight:600}.fail{color:#b00020;font-weight:600}.nc{color:#8a6d00;font-weight:600}
.muted{color:#666}.url{font-family:monospace;word-break:break-all}
</style></head><body>
<h1>Official accounts of {{ v.court.names.values()|join(' / ') }}</h1>
<p>Checked against {{ v.court.manual }}. Required languages: {{ v.court.languages|join(', ') or '—' }}.</p>
<table><tr><th>account</th><th>pass</th><th>fail</th><th>not checkable</th></tr>
{% for a in v.accounts %}<tr><td>{{ a.platform }} {{ a.handle }}</td><td>{{ a.counts['pass'] }}</td><td>{{ a.counts['fail'] }}</td><td>{{ a.counts['not checkable'] }}</td></tr>{% endfor %}
</table>
{% for a in v.accounts %}<section><h2>{{ a.platform }}: {{ a.handle }}</h2>
{% if a.page %}<p class="url">{{ a.page }}</p>{% endif %}{% if a.read_error %}<p class="nc">Public page not read: {{ a.read_error }}</p>{% endif %}
<table><tr><th>rule</th><th>verdict</th><th>what was seen</th></tr>
{% for c in a.checks %}<tr><td>{{ c.title }}{% if c.article %} <span class="muted">({{ c.article }})</span>{% endif %}</td>
<td class="{{ 'pass' if c.verdict == 'pass' else 'fail' if c.verdict == 'fail' else 'nc' }}">{{ c.verdict }}</td><td>{{ c.detail }}</td></tr>{% endfor %}
</table>
<h3>For the court's officer to check by hand</h3><ul>
{% for m in a.manual %}<li>☐ {{ m.title }}{% if m.article %} ({{ m.article }}){% endif %}</li>{% endfor %}
{% for c in a.checks if c.verdict == 'not checkable' %}<li>☐ {{ c.title }}{% if c.article %} ({{ c.article }}){% endif %} — not checkable from outside</li>{% endfor %}
</ul></section>{% endfor %}
</body></html>
"""


def write(v: dict[str, Any], out_dir: Path, *, ours: bool) -> list[Path]:
    private_dir(out_dir, ours=ours)
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    return [write_private(out_dir / "court-accounts.json", json.dumps(v, ensure_ascii=False, indent=2)),
            write_private(out_dir / "court-accounts.html", env.from_string(_HTML).render(v=v))]
