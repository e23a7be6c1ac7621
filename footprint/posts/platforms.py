"""Public readers of social platforms: an account's profile (name, bio, picture, links) and its
recent public posts, read without a login from the interfaces each platform offers to anyone:

- Mastodon: the instance's public REST API (`/api/v1/accounts/lookup`, `/statuses`);
- Bluesky: the public AppView (`public.api.bsky.app`, `app.bsky.actor.getProfile`,
  `app.bsky.feed.getAuthorFeed`);
- Reddit: the public JSON listings (`/user/NAME/about.json`, `/overview.json`);
- a blog: its page and its RSS or Atom feed (found from the page's `<link rel="alternate">`);
- YouTube: the channel page's public metadata and its RSS feed of recent videos;
- Facebook, X, LinkedIn (court pages): the page's public metadata (Open Graph), which these
  sites mostly show only after a login: then the account is "not checked".

Every request goes through the injected `Fetcher` (the project's polite HTTP client live, the web
archive offline). An answer that is a block, a login wall, a rate limit or not the JSON the API
documents raises `ProbeError` with the platform named: the account is then "not checked", never
"nothing found".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from ..errors import BlockedError, FetchError, ProbeError
from ..web.base import Fetcher, Response

BSKY_APPVIEW = "https://public.api.bsky.app"
REDDIT = "https://www.reddit.com"
MAX_TEXT = 20_000
"""Characters of one post's text kept (a blog post can be long; rules read sentences)."""


@dataclass(frozen=True)
class Post:
    """One public post of an account, read live or from a web archive's copy."""

    platform: str
    """mastodon | bluesky | reddit | blog | youtube | …"""
    account: str
    """The account, as the profile names it ("mastodon:amrazkova@mastodon.social")."""
    url: str
    """The post's public address."""
    created: str
    """When it was posted (ISO 8601, UTC), or "" when the platform does not say."""
    text: str
    """The post's text (HTML removed); a blog post's title, then its text."""
    geotag: tuple[float, float] | None = None
    """Coordinates the post carries (a feed's GeoRSS point), or None."""
    source: str = "live"
    """"live" (read from the platform now) or "archive" (a public web archive's copy)."""
    deleted: bool | None = False
    """For an archived post: True when its address now answers 404/410 (deleted, but not gone),
    False when it is still online, None when that could not be checked."""
    archived_url: str = ""
    """The archived copy's address, for a post found in the archive."""
    archived_at: str = ""
    """When the archive captured it (ISO 8601)."""


@dataclass(frozen=True)
class Profile:
    """What an account's public page says about it."""

    name: str = ""
    """Display name."""
    bio: str = ""
    """Bio / description / note, as text (profile fields appended, one per line)."""
    avatar_url: str = ""
    """The profile picture's address."""
    page_url: str = ""
    """The account's public page."""
    links: tuple[str, ...] = ()
    """Links shown in the bio or the profile fields."""


@dataclass
class Read:
    """An account read: its profile and its recent posts."""

    profile: Profile
    posts: list[Post] = field(default_factory=list)
    truncated: bool = False
    """True when there were more posts than the limit allowed to read."""


def html_text(html: str) -> str:
    """Visible text of an HTML fragment, paragraphs and line breaks kept as new lines."""
    if not html or "<" not in html:
        return html or ""
    tree = HTMLParser(html.replace("<br", "\n<br").replace("</p>", "</p>\n"))
    for node in tree.css("script, style"):
        node.decompose()
    text = tree.text(separator="") if tree.body is None else tree.body.text(separator="")
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _iso(value: object) -> str:
    """An ISO 8601 time in UTC from an ISO string or a Unix time; "" when unreadable."""
    try:
        if isinstance(value, (int, float)):
            return datetime.fromtimestamp(float(value), UTC).isoformat().replace("+00:00", "Z")
        if isinstance(value, str) and value:
            d = datetime.fromisoformat(value.replace("Z", "+00:00"))
            if d.tzinfo is None:
                d = d.replace(tzinfo=UTC)
            return d.astimezone(UTC).isoformat().replace("+00:00", "Z")
    except (ValueError, OverflowError, OSError):
        pass
    return ""


def get(fetcher: Fetcher, url: str, source: str) -> Response:
    """GET `url`; a block, a login wall or an error status is a `ProbeError` naming `source`."""
    try:
        resp = fetcher.fetch(url)
    except BlockedError as e:
        raise ProbeError(source, f"not checked: blocked or rate-limited ({e.reason})") from None
    except FetchError as e:
        raise ProbeError(source, f"not checked: {e.reason}") from None
    if resp.status in (401, 403):
        raise ProbeError(source, f"not checked: HTTP {resp.status} (login required or blocked)")
    if resp.status == 429:
        raise ProbeError(source, "not checked: rate-limited (HTTP 429)")
    if resp.status == 404 or resp.status == 410:
        raise ProbeError(source, f"not checked: not found (HTTP {resp.status})")
    if resp.status >= 400:
        raise ProbeError(source, f"not checked: HTTP {resp.status}")
    return resp


def get_json(fetcher: Fetcher, url: str, source: str) -> Any:
    """GET `url` and parse the JSON answer; anything else is a `ProbeError` (not checked)."""
    resp = get(fetcher, url, source)
    try:
        return json.loads(resp.body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        ct = resp.content_type or "no content type"
        raise ProbeError(source, f"not checked: the answer is not JSON ({ct}; a login page, a "
                         "block or a changed interface)") from None


def _need(cond: bool, source: str, what: str) -> None:
    if not cond:
        raise ProbeError(source, f"not checked: unexpected answer ({what})")


# --- Mastodon --------------------------------------------------------------------------------------


def mastodon(fetcher: Fetcher, handle: str, label: str, limit: int) -> Read:
    """`handle` is "user@instance"."""
    user, _, instance = handle.partition("@")
    base = f"https://{instance.lower()}"
    src = f"Mastodon ({instance})"
    acct = get_json(fetcher, f"{base}/api/v1/accounts/lookup?acct={quote(user)}", src)
    _need(isinstance(acct, dict) and isinstance(acct.get("id"), (str, int)), src, "no account id")
    fields = [f"{f.get('name', '')}: {html_text(str(f.get('value', '')))}"
              for f in acct.get("fields") or [] if isinstance(f, dict)]
    links = [m for f in acct.get("fields") or [] if isinstance(f, dict)
             for m in re.findall(r'href="([^"]+)"', str(f.get("value", "")))]
    prof = Profile(name=str(acct.get("display_name") or ""),
                   bio="\n".join([html_text(str(acct.get("note") or "")), *fields]).strip(),
                   avatar_url=str(acct.get("avatar_static") or acct.get("avatar") or ""),
                   page_url=str(acct.get("url") or f"{base}/@{user}"),
                   links=tuple(links))
    read = Read(prof)
    max_id = ""
    while len(read.posts) < limit:
        page = min(40, limit - len(read.posts))
        url = (f"{base}/api/v1/accounts/{quote(str(acct['id']))}/statuses?limit={page}"
               f"&exclude_reblogs=true" + (f"&max_id={quote(max_id)}" if max_id else ""))
        items = get_json(fetcher, url, src)
        _need(isinstance(items, list), src, "statuses is not a list")
        for s in items:
            if not isinstance(s, dict) or s.get("reblog"):
                continue
            text = html_text(str(s.get("content") or ""))
            if s.get("spoiler_text"):
                text = f"{s['spoiler_text']}\n{text}"
            read.posts.append(Post("mastodon", label, str(s.get("url") or s.get("uri") or ""),
                                   _iso(s.get("created_at")), text[:MAX_TEXT]))
        if len(items) < page or not items:
            break
        max_id = str(items[-1].get("id", "")) if isinstance(items[-1], dict) else ""
        if not max_id:
            break
    else:
        read.truncated = True
    return read


# --- Bluesky ---------------------------------------------------------------------------------------


def bluesky(fetcher: Fetcher, handle: str, label: str, limit: int) -> Read:
    src = "Bluesky (public AppView)"
    actor = quote(handle)
    p = get_json(fetcher, f"{BSKY_APPVIEW}/xrpc/app.bsky.actor.getProfile?actor={actor}", src)
    _need(isinstance(p, dict) and "handle" in p, src, "no profile")
    prof = Profile(name=str(p.get("displayName") or ""), bio=str(p.get("description") or ""),
                   avatar_url=str(p.get("avatar") or ""),
                   page_url=f"https://bsky.app/profile/{handle}")
    read = Read(prof)
    cursor = ""
    while len(read.posts) < limit:
        page = min(100, limit - len(read.posts))
        url = (f"{BSKY_APPVIEW}/xrpc/app.bsky.feed.getAuthorFeed?actor={actor}&limit={page}"
               f"&filter=posts_with_replies" + (f"&cursor={quote(cursor)}" if cursor else ""))
        data = get_json(fetcher, url, src)
        _need(isinstance(data, dict) and isinstance(data.get("feed"), list), src, "no feed")
        for item in data["feed"]:
            post = item.get("post") if isinstance(item, dict) else None
            if not isinstance(post, dict) or item.get("reason"):  # a repost: not the judge's text
                continue
            author = post.get("author") or {}
            if str(author.get("handle", "")).lower() != handle.lower():
                continue
            rec = post.get("record") or {}
            rkey = str(post.get("uri", "")).rsplit("/", 1)[-1]
            read.posts.append(Post("bluesky", label, f"https://bsky.app/profile/{handle}/post/{rkey}",
                                   _iso(rec.get("createdAt")), str(rec.get("text") or "")[:MAX_TEXT]))
        cursor = str(data.get("cursor") or "")
        if not cursor or not data["feed"]:
            break
    else:
        read.truncated = True
    return read


# --- Reddit ----------------------------------------------------------------------------------------


def reddit(fetcher: Fetcher, name: str, label: str, limit: int) -> Read:
    src = "Reddit (public listings)"
    about = get_json(fetcher, f"{REDDIT}/user/{quote(name)}/about.json?raw_json=1", src)
    _need(isinstance(about, dict) and isinstance(about.get("data"), dict), src, "no user data")
    d = about["data"]
    sub = d.get("subreddit") if isinstance(d.get("subreddit"), dict) else {}
    prof = Profile(name=str(sub.get("title") or d.get("name") or ""),
                   bio=str(sub.get("public_description") or ""),
                   avatar_url=str(d.get("icon_img") or "").split("?")[0],
                   page_url=f"{REDDIT}/user/{name}/")
    read = Read(prof)
    after = ""
    while len(read.posts) < limit:
        page = min(100, limit - len(read.posts))
        url = (f"{REDDIT}/user/{quote(name)}/overview.json?limit={page}&raw_json=1"
               + (f"&after={quote(after)}" if after else ""))
        data = get_json(fetcher, url, src)
        _need(isinstance(data, dict) and isinstance(data.get("data"), dict), src, "no listing")
        children = data["data"].get("children") or []
        for c in children:
            x = c.get("data") if isinstance(c, dict) else None
            if not isinstance(x, dict):
                continue
            text = str(x.get("body") or "") if c.get("kind") == "t1" else \
                "\n".join(s for s in (str(x.get("title") or ""), str(x.get("selftext") or "")) if s)
            link = urljoin(REDDIT, str(x.get("permalink") or ""))
            read.posts.append(Post("reddit", label, link, _iso(x.get("created_utc")), text[:MAX_TEXT]))
        after = str(data["data"].get("after") or "")
        if not after or not children:
            break
    else:
        read.truncated = True
    return read


# --- blogs and feeds -------------------------------------------------------------------------------

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+xml",
               "application/xml", "text/xml")


def feed_url(resp: Response) -> str | None:
    """The feed a page announces (`<link rel="alternate" type="application/rss+xml">`)."""
    tree = HTMLParser(resp.text())
    for link in tree.css("link[rel]"):
        rel = (link.attributes.get("rel") or "").lower().split()
        typ = (link.attributes.get("type") or "").lower()
        href = link.attributes.get("href")
        if "alternate" in rel and typ in _FEED_TYPES and href:
            return urljoin(resp.url, href)
    return None


def _is_feed(resp: Response) -> bool:
    head = resp.body[:400].lstrip().lower()
    return resp.content_type in _FEED_TYPES or head.startswith(b"<?xml") or \
        head.startswith(b"<rss") or head.startswith(b"<feed")


def parse_feed(body: bytes, platform: str, label: str, limit: int, source: str) -> Read:
    """Entries of an RSS or Atom feed (feedparser; it never fetches anything itself here)."""
    import feedparser  # type: ignore[import-untyped]

    parsed = feedparser.parse(body)
    if parsed.get("bozo") and not parsed.get("entries"):
        raise ProbeError(source, "not checked: the feed cannot be read (not RSS or Atom)")
    f = parsed.get("feed", {})
    prof = Profile(name=str(f.get("title") or ""), bio=html_text(str(f.get("subtitle") or "")),
                   avatar_url=str((f.get("image") or {}).get("href") or ""),
                   page_url=str(f.get("link") or ""))
    read = Read(prof)
    for e in parsed.get("entries", []):
        if len(read.posts) >= limit:
            read.truncated = True
            break
        content = ""
        if e.get("content"):
            content = str(e["content"][0].get("value") or "")
        elif e.get("summary"):
            content = str(e["summary"])
        elif e.get("media_description"):
            content = str(e["media_description"])
        text = "\n".join(s for s in (str(e.get("title") or ""), html_text(content)) if s)
        geo = None
        point = e.get("georss_point") or (e.get("where") or {}).get("coordinates")
        if isinstance(point, str):
            nums = point.split()
            if len(nums) == 2:
                try:
                    geo = (float(nums[0]), float(nums[1]))
                except ValueError:
                    geo = None
        elif isinstance(point, (list, tuple)) and len(point) == 2:  # GeoJSON order: lon, lat
            geo = (float(point[1]), float(point[0]))
        created = _iso(e.get("published") or e.get("updated") or "")
        if not created and e.get("published_parsed"):
            y, mo, d, h, mi, sec = tuple(e["published_parsed"])[:6]
            created = _iso(datetime(y, mo, d, h, mi, sec, tzinfo=UTC).isoformat())
        read.posts.append(Post(platform, label, str(e.get("link") or ""), created,
                               text[:MAX_TEXT], geotag=geo))
    return read


def blog(fetcher: Fetcher, url: str, label: str, limit: int) -> Read:
    """A blog's address or its feed's: the page's announced feed is read."""
    src = f"blog ({urlsplit(url).hostname})"
    resp = get(fetcher, url, src)
    if not _is_feed(resp):
        found = feed_url(resp)
        if found is None:
            raise ProbeError(src, "not checked: the page announces no RSS or Atom feed "
                             "(give the feed's address as url)")
        resp = get(fetcher, found, src)
    read = parse_feed(resp.body, "blog", label, limit, src)
    if not read.profile.page_url:
        read.profile = Profile(read.profile.name, read.profile.bio, read.profile.avatar_url, url)
    return read


# --- pages with Open Graph metadata (court accounts) ---------------------------------------------

_LOGIN_HINTS = ("/login", "/signin", "/authwall", "/checkpoint", "/i/flow/login", "accounts.google")


def og_page(fetcher: Fetcher, url: str, source: str) -> tuple[Profile, Response]:
    """A public page's Open Graph title, description and image. A page that redirects to a
    login, or shows no metadata at all (a page that needs a login or a script), is not
    checked."""
    resp = get(fetcher, url, source)
    if any(h in resp.url.lower() for h in _LOGIN_HINTS):
        raise ProbeError(source, "not checked: the page asks for a login")
    tree = HTMLParser(resp.text())
    meta: dict[str, str] = {}
    for m in tree.css("meta"):
        key = (m.attributes.get("property") or m.attributes.get("name") or "").lower()
        if key and key not in meta and m.attributes.get("content"):
            meta[key] = str(m.attributes.get("content"))
    name = meta.get("og:title") or meta.get("twitter:title") or ""
    if not name:
        raise ProbeError(source, "not checked: the page shows no public profile without a login "
                         "or a browser")
    bio = meta.get("og:description") or meta.get("description") or ""
    image = meta.get("og:image") or meta.get("twitter:image") or ""
    links = tuple(dict.fromkeys(
        urljoin(resp.url, a.attributes.get("href") or "") for a in tree.css("a[href]")
        if (a.attributes.get("href") or "").startswith(("http", "mailto:", "tel:"))))
    return Profile(name=name, bio=bio, avatar_url=urljoin(resp.url, image) if image else "",
                   page_url=resp.url, links=links[:200]), resp


def youtube(fetcher: Fetcher, handle: str, label: str, limit: int) -> Read:
    """A YouTube channel: its page's metadata, and its RSS feed of recent videos (titles and
    descriptions) as posts."""
    src = "YouTube"
    prof, resp = og_page(fetcher, f"https://www.youtube.com/@{quote(handle)}", src)
    read = Read(prof)
    feed = feed_url(resp)
    if feed is None:
        m = re.search(rb'"(?:channelId|externalId)":"(UC[\w-]{22})"', resp.body)
        if m:
            feed = f"https://www.youtube.com/feeds/videos.xml?channel_id={m.group(1).decode()}"
    if feed is not None:
        read.posts = parse_feed(get(fetcher, feed, src).body, "youtube", label, limit, src).posts
    return read
