"""The judge's private section: posts.json and posts.html, masked through the audit's
`Redactor` like every unencrypted output (names, streets, handles, phones… in the sentences
quoted and in the addresses shown)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, select_autoescape

from ..masking import Redactor, mask_handle, profile_secrets
from ..paths import private_dir, write_private
from ..profile import Profile
from . import PostsResult
from .rules import POST_RULES, TITLES, WHY

PRIVATE = ("PRIVATE — for the judge only. This section is not part of any audit report, roster "
           "or security report, and footprint does not store it.")


def redactor(profile: Profile) -> Redactor:
    """The profile's values plus every account handle (and its bare user name)."""
    secrets: list = list(profile_secrets(profile))  # type: ignore[type-arg]
    for a in profile.subject.accounts:
        if a.platform == "blog":
            continue
        secrets.append(("handle", a.name))
        user = a.name.split("@")[0] if a.platform == "mastodon" else a.name.split(".")[0] \
            if a.platform == "bluesky" else a.name
        if len(user) >= 3:
            secrets.append(("handle", user))
    return Redactor(secrets)


def _account(red: Redactor, label: str) -> str:
    platform, _, name = label.partition(":")
    if platform == "blog":
        return f"blog: {red.url(name)}"
    return f"{platform}: {red.text(mask_handle(name))}"


def view(result: PostsResult, profile: Profile, lexicon_files: tuple[str, ...]) -> dict[str, Any]:
    """The masked view both files are made from."""
    red = redactor(profile)
    counts = {r.value: 0 for r in POST_RULES}
    posts = []
    for rp in result.posts:
        for h in rp.hits:
            counts[h.rule.value] += 1
        p = rp.post
        posts.append({
            "platform": p.platform, "account": _account(red, p.account), "url": red.url(p.url),
            "created": p.created, "source": p.source,
            "deleted": p.deleted if p.source == "archive" else False,
            "archived_url": red.url(p.archived_url) if p.archived_url else "",
            "archived_at": p.archived_at,
            "geotag": p.geotag is not None,
            "flags": [{"rule": h.rule.value, "title": TITLES[h.rule], "sentence": red.text(h.sentence),
                       "matched_by": h.source} for h in rp.hits],
        })
    accounts = []
    for ar in result.accounts:
        arch = ar.archive
        accounts.append({
            "platform": ar.account.platform, "account": _account(red, ar.label),
            "status": "checked" if ar.checked else "not checked",
            "reason": red.text(ar.reason), "posts_read": ar.posts,
            "archive": None if arch is None and not ar.archive_reason else {
                "status": "checked" if arch is not None else "not checked",
                "reason": red.text(ar.archive_reason),
                "captures": arch.captures if arch else 0,
                "addresses": arch.addresses if arch else 0,
                "account_page_copies": arch.page_copies if arch else 0,
                "earliest": arch.earliest if arch else "",
                "archived_posts": len(arch.posts) if arch else 0,
                "deleted_posts": sum(1 for p in arch.posts if p.deleted) if arch else 0,
                "not_checked": [red.text(s) for s in arch.skipped] if arch else [],
            },
        })
    return {
        "kind": "footprint-posts",
        "private": PRIVATE,
        "training": profile.training,
        "generated": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "profile": profile.id,
        "rules": [{"id": r.value, "title": TITLES[r], "why": WHY[r], "posts": counts[r.value]}
                  for r in POST_RULES],
        "lexicons": [Path(f).name for f in lexicon_files],
        "accounts": accounts,
        "summary": {
            "posts_reviewed": len(result.posts),
            "posts_flagged": len(result.flagged),
            "archived_posts": sum(1 for p in result.posts if p.post.source == "archive"),
            "deleted_posts": sum(1 for p in result.posts if p.post.deleted is True),
            "accounts_not_checked": sum(1 for a in result.accounts if not a.checked),
        },
        "flagged": [p for p in posts if p["flags"]],
        "reviewed": [p for p in posts if not p["flags"]],
    }


_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>Your public posts — private</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
.banner{background:#7a1022;color:#fff;padding:.6rem 1rem;font-weight:600}
.training{background:#6a1b9a;color:#fff;padding:.4rem 1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}td,th{border-bottom:1px solid #ddd;padding:.3rem .4rem;text-align:left;vertical-align:top}
.flag{border-left:4px solid #b00020;padding:.4rem .8rem;margin:.8rem 0;background:#fff6f6}
.rule{font-weight:600}.muted{color:#666}.url{font-family:monospace;word-break:break-all}
.deleted{background:#333;color:#fff;padding:0 .3rem;border-radius:3px;font-size:.85em}
</style></head><body>
<div class="banner">{{ v.private }}</div>
{% if v.training %}<div class="training">TRAINING — a fictitious judge's posts</div>{% endif %}
<h1>Your public posts</h1>
<p>{{ v.summary.posts_reviewed }} posts reviewed, {{ v.summary.posts_flagged }} flagged;
{{ v.summary.archived_posts }} read from the web archive, of which {{ v.summary.deleted_posts }}
deleted from the platform but still readable there. {{ v.summary.accounts_not_checked }} accounts not checked.
Could this be on the front page of a respectable newspaper?</p>
<h2>Accounts</h2>
<table><tr><th>account</th><th>posts</th><th>web archive</th></tr>
{% for a in v.accounts %}<tr><td>{{ a.account }}</td><td>{{ a.status }}: {{ a.reason }}</td>
<td>{% if a.archive %}{{ a.archive.status }}{% if a.archive.status == 'checked' %}: {{ a.archive.captures }} captures of {{ a.archive.addresses }} addresses, {{ a.archive.account_page_copies }} copies of the account page{% if a.archive.earliest %} since {{ a.archive.earliest[:10] }}{% endif %}, {{ a.archive.archived_posts }} archived posts not read live ({{ a.archive.deleted_posts }} deleted){% for s in a.archive.not_checked %}; not checked: {{ s }}{% endfor %}{% else %}: {{ a.archive.reason }}{% endif %}{% else %}—{% endif %}</td></tr>
{% endfor %}</table>
<h2>Rules</h2>
<table><tr><th>rule</th><th>posts</th><th>why</th></tr>
{% for r in v.rules %}<tr><td>{{ r.title }} <span class="muted">({{ r.id }})</span></td><td>{{ r.posts }}</td><td>{{ r.why }}</td></tr>{% endfor %}
</table>
<h2>Flagged posts ({{ v.flagged|length }})</h2>
{% for p in v.flagged %}<div class="flag">
<div class="muted">{{ p.account }} · {{ (p.created or p.archived_at)[:10] }} · <span class="url">{{ p.url }}</span>
{% if p.source == 'archive' %} · {% if p.deleted %}<span class="deleted">deleted — still in the web archive</span>{% elif p.deleted is none %}in the web archive (current state not checked){% else %}in the web archive, still online{% endif %} <span class="url">{{ p.archived_url }}</span>{% endif %}</div>
{% for f in p.flags %}<div><span class="rule">{{ f.title }}</span>: “{{ f.sentence }}”</div>{% endfor %}
</div>{% endfor %}
<h2>Reviewed, nothing flagged ({{ v.reviewed|length }})</h2>
<table><tr><th>date</th><th>account</th><th>post</th></tr>
{% for p in v.reviewed %}<tr><td>{{ (p.created or p.archived_at)[:10] }}</td><td>{{ p.account }}</td><td class="url">{{ p.url }}{% if p.source == 'archive' %} (web archive{% if p.deleted %}, deleted{% endif %}){% endif %}</td></tr>{% endfor %}
</table>
<p class="muted">Rules and lexicons: {{ v.lexicons|join(', ') }}. Addresses are shown as text, not
links: a click would contact the site. Values from your profile are masked.</p>
</body></html>
"""


def write(v: dict[str, Any], out_dir: Path, *, ours: bool) -> list[Path]:
    """posts.json and posts.html in `out_dir` (0700; files 0600)."""
    private_dir(out_dir, ours=ours)
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    html = env.from_string(_HTML).render(v=v)
    return [write_private(out_dir / "posts.json", json.dumps(v, ensure_ascii=False, indent=2)),
            write_private(out_dir / "posts.html", html)]
