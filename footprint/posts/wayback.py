"""Deleted is not gone: a public web archive's CDX index (the Internet Archive's Wayback
Machine) lists the copies it holds of an account's pages. A post copied there whose address now
answers 404 or 410 was deleted — and is still readable by anyone from the archive.

The CDX server is asked for every capture under the account's address (`matchType=prefix`,
JSON output, one row per distinct address); post addresses are picked out by the platform's
pattern, their archived copies (`/web/<timestamp>id_/<address>`, the page as captured) read, and
the live address asked once to tell "deleted" from "still online".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from ..errors import ProbeError
from ..web.base import Fetcher
from .platforms import Post, get, get_json, html_text

WAYBACK = "https://web.archive.org"
CDX_LIMIT = 500


@dataclass
class ArchiveRead:
    """What the archive holds of one account."""

    captures: int = 0
    """Captures under the account's address."""
    addresses: int = 0
    """Distinct archived addresses among them."""
    page_copies: int = 0
    """Archived copies of the account's own page (its profile)."""
    earliest: str = ""
    """The earliest capture's time (ISO 8601), or ""."""
    posts: list[Post] = field(default_factory=list)
    """Archived posts not among the posts read live, with their current state."""
    skipped: list[str] = field(default_factory=list)
    """What could not be read (the index, a copy), as "not checked" reasons."""


def _prefix(platform: str, name: str) -> tuple[str, re.Pattern[str]] | None:
    """The address prefix to ask the CDX index for, and the pattern of a post's address."""
    if platform == "mastodon":
        user, _, host = name.partition("@")
        return (f"{host.lower()}/@{user}",
                re.compile(rf"^https?://{re.escape(host.lower())}/@{re.escape(user)}/(\d+)/?$", re.I))
    if platform == "bluesky":
        return (f"bsky.app/profile/{name}",
                re.compile(rf"^https?://bsky\.app/profile/{re.escape(name)}/post/(\w+)/?$", re.I))
    if platform == "reddit":
        return (f"www.reddit.com/user/{name}",
                re.compile(rf"^https?://(?:www\.|old\.)?reddit\.com/user/{re.escape(name)}/comments/(\w+)", re.I))
    if platform == "blog":
        parts = urlsplit(name)
        base = (parts.hostname or "") + (parts.path.rstrip("/") if parts.path else "")
        return (base, re.compile(rf"^https?://{re.escape(base)}/.+[^/]/?$|^https?://{re.escape(base)}/.+/$", re.I))
    return None


def _ts_iso(ts: str) -> str:
    if len(ts) >= 14 and ts[:14].isdigit():
        return f"{ts[0:4]}-{ts[4:6]}-{ts[6:8]}T{ts[8:10]}:{ts[10:12]}:{ts[12:14]}Z"
    return ""


def _norm(url: str) -> str:
    p = urlsplit(url)
    return f"{(p.hostname or '').lower()}{p.path.rstrip('/')}"


_SKIP_PATHS = re.compile(r"(?:/feed(?:\.xml)?|/rss(?:\.xml)?|/atom(?:\.xml)?|\.(?:css|js|png|jpe?g|gif|svg|ico|webp|xml|json))/?$", re.I)


def cdx_url(prefix: str) -> str:
    return (f"{WAYBACK}/cdx/search/cdx?url={quote(prefix, safe='/@.:')}&matchType=prefix"
            f"&output=json&fl=timestamp,original,statuscode,mimetype&filter=statuscode:200"
            f"&limit={CDX_LIMIT}")


def archived(fetcher: Fetcher, platform: str, name: str, label: str, page_url: str,
             live_urls: set[str], max_posts: int) -> ArchiveRead:
    """The archive's copies of the account `name` on `platform`: counts of captures and of
    copies of the account page, and the archived posts not among `live_urls` (each read from
    its copy and its live address asked once). Raises `ProbeError` when the index cannot be
    read (not checked)."""
    src = "web archive index (CDX)"
    pre = _prefix(platform, name)
    out = ArchiveRead()
    if pre is None:
        return out
    prefix, post_re = pre
    rows = get_json(fetcher, cdx_url(prefix), src)
    if not isinstance(rows, list) or (rows and not isinstance(rows[0], list)):
        raise ProbeError(src, "not checked: unexpected answer (not a CDX table)")
    head = [str(x) for x in rows[0]] if rows else []
    if rows and not {"timestamp", "original"} <= set(head):
        raise ProbeError(src, "not checked: unexpected answer (no timestamp/original columns)")
    ti, oi = (head.index("timestamp"), head.index("original")) if head else (0, 1)
    mi = head.index("mimetype") if "mimetype" in head else None
    live = {_norm(u) for u in live_urls if u}
    page = _norm(page_url) if page_url else ""
    candidates: dict[str, tuple[str, str]] = {}
    times = []
    addresses = set()
    for r in rows[1:]:
        if not isinstance(r, list) or len(r) <= max(ti, oi):
            continue
        ts, orig = str(r[ti]), str(r[oi])
        out.captures += 1
        times.append(ts)
        n = _norm(orig)
        addresses.add(n)
        if n == page or n == _norm(prefix if "://" in prefix else "https://" + prefix):
            out.page_copies += 1
            continue
        if mi is not None and len(r) > mi and str(r[mi]) not in ("text/html", "warc/revisit", "-"):
            continue
        if post_re.match(orig) and not _SKIP_PATHS.search(urlsplit(orig).path) and n not in live:
            if n not in candidates or candidates[n][0] < ts:  # the latest copy of each post
                candidates[n] = (ts, orig)
    out.earliest = _ts_iso(min(times)) if times else ""
    out.addresses = len(addresses)
    for ts, orig in list(candidates.values())[:max_posts]:
        copy = f"{WAYBACK}/web/{ts}id_/{orig}"
        try:
            resp = get(fetcher, copy, "web archive copy")
        except ProbeError as e:
            out.skipped.append(f"an archived post: {e.reason}")
            continue
        text = page_text(resp.text())
        if not text:
            continue
        out.posts.append(Post(platform, label, orig, "", text, source="archive",
                              deleted=_deleted(fetcher, orig), archived_url=copy,
                              archived_at=_ts_iso(ts)))
    if len(candidates) > max_posts:
        out.skipped.append(f"{len(candidates) - max_posts} more archived posts not read "
                           f"(limit {max_posts})")
    return out


def _deleted(fetcher: Fetcher, url: str) -> bool | None:
    """True when `url` now answers 404 or 410, False when it answers, None when unknown."""
    try:
        resp = fetcher.fetch(url)
    except ProbeError:
        return None
    if resp.status in (404, 410):
        return True
    if resp.status < 400:
        return False
    return None


def page_text(html: str) -> str:
    """The text of an archived post page: its Open Graph description when it has one (Mastodon,
    Bluesky and most blogs put the post there), else its <article> or <main>, else its body."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(html)
    for sel in ('meta[property="og:description"]', 'meta[name="description"]'):
        node = tree.css_first(sel)
        if node is not None and (node.attributes.get("content") or "").strip():
            title = tree.css_first('meta[property="og:title"]')
            body = str(node.attributes.get("content"))
            t = str(title.attributes.get("content") or "") if title is not None else ""
            return body if not t or t in body or "@" in t else f"{t}\n{body}"
    for sel in ("article", "main", "body"):
        node = tree.css_first(sel)
        if node is not None:
            return html_text(node.html or "")[:20_000]
    return ""
