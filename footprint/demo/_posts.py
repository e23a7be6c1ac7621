"""Demo of `footprint posts`: a fictitious Czech judge's accounts as the platforms' public
interfaces answer (Mastodon API, Bluesky AppView, Reddit listings, a blog's RSS feed), the web
archive's CDX index and its copies of two deleted posts — recorded in a WARC, with the truth of
which rule each post breaks. `python -m footprint.demo.generate` writes them to data/posts/.
"""

from __future__ import annotations

import html
import io
import json
from pathlib import Path

from ._common import Resource, Web
from ._posts_corpus import GEOTAGGED, POSTS

INSTANCE = "mastodon.social"
MASTODON_USER = "amrazkova"
MASTODON_ID = "109876543210000001"
BSKY = "alenamrazkova.bsky.social"
BSKY_DID = "did:plc:demoalenamrazkova0000"
REDDIT_USER = "brno_reader_71"
BLOG = "https://alena-cte.example.net/"
HOME_LAT, HOME_LON = 49.2231, 16.5712
"""Kaštanová 38, Brno (fictitious coordinates of the fictitious home)."""

PROFILE_TOML = f'''\
# footprint posts demo — a FICTITIOUS judge, her accounts and her family, for training sessions.
# Run:  footprint demo --posts     (or: footprint posts posts-profile.toml --web-archive posts.warc.gz)

[audit]
jurisdiction = "CZ"
language = "cs"

[consent]
authorized_by = "Training Coordinator, Judicial Academy (demo)"
authorized_on = 2026-11-01
purpose = "training"
statement = "Training review of a fictitious judge's public posts. No real person is read."

[subject]
id = "judge"
name = "Alena Mrázková"
aliases = ["Alena Mrázková-Ionescu"]
court = "Městský soud v Brně"
city = "Brno"

  [[subject.addresses]]
  label = "home"
  street = "Kaštanová 38"
  city = "Brno"
  postal_code = "620 00"
  lat = {HOME_LAT}
  lon = {HOME_LON}

  [[subject.accounts]]
  platform = "mastodon"
  handle = "@{MASTODON_USER}@{INSTANCE}"

  [[subject.accounts]]
  platform = "bluesky"
  handle = "{BSKY}"

  [[subject.accounts]]
  platform = "reddit"
  handle = "u/{REDDIT_USER}"

  [[subject.accounts]]
  platform = "blog"
  url = "{BLOG}"

  [[subject.accounts]]
  platform = "facebook"
  handle = "alena.mrazkova.demo"

[[relatives]]
id = "spouse"
relation = "spouse"
name = "Radu Ionescu"
consent = true
employer = "Techfinance Brno s.r.o."

[[relatives]]
id = "daughter"
relation = "child"
name = "Tereza Ionescu"
consent = true
minor = true
birth_year = 2017
school = "ZŠ Lesní čtvrť"

[probes]
enabled = ["web"]
'''


def _json(web: Web, url: str, data: object, status: int = 200) -> None:
    web.resources.append(Resource(url, json.dumps(data, ensure_ascii=False).encode("utf-8"),
                                  "application/json; charset=utf-8", status))


def _xml(web: Web, url: str, body: str) -> None:
    web.resources.append(Resource(url, body.encode("utf-8"), "application/rss+xml; charset=utf-8"))


def _ts(iso: str) -> str:
    return iso.replace("-", "").replace(":", "").replace("T", "").replace("Z", "")[:14]


def post_url(platform: str, key: str) -> str:
    """The public address of a corpus post."""
    n = int("".join(ch for ch in key if ch.isdigit()) or 0)
    if platform == "mastodon":
        return f"https://{INSTANCE}/@{MASTODON_USER}/{113500000000000000 + n}"
    if platform == "bluesky":
        return f"https://bsky.app/profile/{BSKY}/post/3ldemo{n:04d}"
    if platform == "reddit":
        return f"https://www.reddit.com/r/brno/comments/dm{n:03d}/thread/c{n:03d}/"
    return f"{BLOG}{'2025' if key.startswith('deleted-') else '2026'}/{key.removeprefix('deleted-')}/"


def _archived_page(title: str, text: str) -> str:
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<meta property="og:title" content="{html.escape(title)}">'
            f'<meta property="og:description" content="{html.escape(text)}"></head>'
            f'<body><article><p>{html.escape(text)}</p></article></body></html>')


def build(web: Web) -> dict[str, list[str]]:
    """Add every response to `web`; return the truth: post address → rules broken."""
    truth: dict[str, list[str]] = {}
    by: dict[str, list[tuple[str, str, str, tuple[str, ...]]]] = {}
    for platform, key, date, text, rules in POSTS:
        by.setdefault(platform, []).append((key, date, text, rules))
        truth[post_url(platform, key)] = list(rules)
    live = {p: [x for x in v if not x[0].startswith("deleted-")] for p, v in by.items()}
    live = {p: sorted(v, key=lambda x: x[1], reverse=True) for p, v in live.items()}

    # Mastodon: the instance's public API
    base = f"https://{INSTANCE}"
    _json(web, f"{base}/api/v1/accounts/lookup?acct={MASTODON_USER}", {
        "id": MASTODON_ID, "username": MASTODON_USER, "acct": MASTODON_USER,
        "display_name": "Alena M.", "url": f"{base}/@{MASTODON_USER}",
        "note": "<p>Brno, knihy, kolo.</p>", "avatar": f"{base}/avatars/original/missing.png",
        "fields": []})
    statuses = [{"id": post_url("mastodon", k).rsplit("/", 1)[1], "created_at": d,
                 "url": post_url("mastodon", k), "content": f"<p>{html.escape(t)}</p>",
                 "spoiler_text": "", "reblog": None, "language": "cs"}
                for k, d, t, _r in live["mastodon"]]
    _json(web, f"{base}/api/v1/accounts/{MASTODON_ID}/statuses?limit=40&exclude_reblogs=true",
          statuses)

    # Bluesky: the public AppView
    app = "https://public.api.bsky.app/xrpc"
    _json(web, f"{app}/app.bsky.actor.getProfile?actor={BSKY}", {
        "did": BSKY_DID, "handle": BSKY, "displayName": "Alena", "description": "Brno · familie"})
    feed = [{"post": {"uri": f"at://{BSKY_DID}/app.bsky.feed.post/" + post_url("bluesky", k).rsplit("/", 1)[1],
                      "author": {"did": BSKY_DID, "handle": BSKY},
                      "record": {"$type": "app.bsky.feed.post", "text": t, "createdAt": d, "langs": ["ro"]}}}
            for k, d, t, _r in live["bluesky"]]
    feed.append({"post": {"uri": "at://did:plc:someoneelse/app.bsky.feed.post/3lrepost",
                          "author": {"did": "did:plc:someoneelse", "handle": "news.example.com"},
                          "record": {"text": "Votați cu Partidul Viitorului!", "createdAt": "2026-05-01T10:00:00Z"}},
                 "reason": {"$type": "app.bsky.feed.defs#reasonRepost"}})
    _json(web, f"{app}/app.bsky.feed.getAuthorFeed?actor={BSKY}&limit=100&filter=posts_with_replies",
          {"feed": feed})

    # Reddit: the public JSON listings
    rd = "https://www.reddit.com"
    _json(web, f"{rd}/user/{REDDIT_USER}/about.json?raw_json=1", {
        "kind": "t2", "data": {"name": REDDIT_USER, "icon_img": "",
                               "subreddit": {"title": "", "public_description": ""}}})
    children = []
    for i, (k, d, t, _r) in enumerate(live["reddit"]):
        permalink = post_url("reddit", k).removeprefix(rd)
        from datetime import datetime
        created = datetime.fromisoformat(d.replace("Z", "+00:00")).timestamp()
        if i % 3 == 2:  # a submission of her own
            children.append({"kind": "t3", "data": {"title": t, "selftext": "",
                                                   "permalink": permalink, "created_utc": created}})
        else:
            children.append({"kind": "t1", "data": {"body": t, "permalink": permalink,
                                                   "created_utc": created}})
    _json(web, f"{rd}/user/{REDDIT_USER}/overview.json?limit=100&raw_json=1",
          {"kind": "Listing", "data": {"children": children, "after": None}})

    # The blog: its page announces its RSS feed
    web.page(BLOG, '<!doctype html><html><head><title>Alena čte</title>'
             '<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>'
             '<body><h1>Alena čte</h1><p>Knihy, hory a právo.</p></body></html>')
    items = []
    for k, d, t, _r in live["blog"]:
        title, _, body = t.partition("\n")
        from datetime import datetime
        from email.utils import format_datetime
        pub = format_datetime(datetime.fromisoformat(d.replace("Z", "+00:00")))
        geo = f"<georss:point>{HOME_LAT} {HOME_LON}</georss:point>" if k in GEOTAGGED else ""
        items.append(f"<item><title>{html.escape(title)}</title><link>{post_url('blog', k)}</link>"
                     f"<guid>{post_url('blog', k)}</guid><pubDate>{pub}</pubDate>"
                     f"<description>{html.escape('<p>' + html.escape(body) + '</p>')}</description>{geo}</item>")
    _xml(web, f"{BLOG}feed.xml",
         '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
         'xmlns:georss="http://www.georss.org/georss"><channel><title>Alena čte</title>'
         f'<link>{BLOG}</link><description>Knihy, hory a právo.</description>{"".join(items)}'
         '</channel></rss>')

    # The web archive: its CDX index and its copies of the deleted posts
    from ..posts.wayback import cdx_url

    head = ["timestamp", "original", "statuscode", "mimetype"]

    def cdx(prefix: str, rows: list[tuple[str, str]]) -> None:
        _json(web, cdx_url(prefix), [head, *[[ts, u, "200", "text/html"] for ts, u in rows]])

    deleted = [(p, k, d, t) for p, v in by.items() for k, d, t, _r in v if k.startswith("deleted-")]
    m_page = f"https://{INSTANCE}/@{MASTODON_USER}"
    m_rows = [("20250310101500", m_page), ("20250915083000", m_page), ("20260202120000", m_page),
              ("20260125090000", post_url("mastodon", "m03"))]
    b_rows = [("20260301100000", BLOG), ("20260301100005", f"{BLOG}feed.xml"),
              ("20260501090000", post_url("blog", "custody-ruling"))]
    for p, k, d, t in deleted:
        ts = _ts(d)[:8] + "235959"
        url = post_url(p, k)
        (m_rows if p == "mastodon" else b_rows).append((ts, url))
        title = t.partition("\n")[0] if p == "blog" else f"Alena M. (@{MASTODON_USER}@{INSTANCE})"
        text = t.partition("\n")[2] if p == "blog" else t
        web.page(f"https://web.archive.org/web/{ts}id_/{url}", _archived_page(title, text))
    cdx(f"{INSTANCE}/@{MASTODON_USER}", m_rows)
    cdx(f"bsky.app/profile/{BSKY}", [("20260310000000", f"https://bsky.app/profile/{BSKY}")])
    cdx(f"www.reddit.com/user/{REDDIT_USER}",
        [("20260120000000", f"{rd}/user/{REDDIT_USER}/"), ("20260420000000", f"{rd}/user/{REDDIT_USER}/")])
    cdx("alena-cte.example.net", b_rows)
    return truth


def generate(out: Path) -> None:
    """Write posts-profile.toml, posts.warc.gz and posts-truth.json into `out`."""
    from .generate import _mkdir, _write, write_warc

    web = Web()
    truth = build(web)
    _mkdir(out)
    buf = io.BytesIO()
    write_warc(web, buf)
    _write(out / "posts.warc.gz", buf.getvalue())
    _write(out / "posts-profile.toml", PROFILE_TOML.encode("utf-8"))
    _write(out / "posts-truth.json", (json.dumps(
        {"note": "Fictitious judge's posts: the rules each breaks (written before the lexicons).",
         "posts": truth}, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
