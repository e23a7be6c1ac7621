"""Social handles: "@handle" in text (with the platform when the text names it) and profile
links to known platforms (`handle_from_url`). Both become `Lead(kind="handle")` for the accounts
probe; a handle that is a profile username also corroborates."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from .extract import ExtractContext, Found

# host suffix → (platform, path regex giving the handle)
_PLATFORMS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("instagram.com", "instagram", re.compile(r"^/([A-Za-z0-9_.]{1,30})/?$")),
    ("strava.com", "strava", re.compile(r"^/athletes/([A-Za-z0-9_.\-]{1,40})/?$")),
    ("venmo.com", "venmo", re.compile(r"^/(?:u/)?([A-Za-z0-9_\-]{2,30})/?$")),
    ("github.com", "github", re.compile(r"^/([A-Za-z0-9](?:[A-Za-z0-9\-]{0,38}))/?$")),
    ("x.com", "x", re.compile(r"^/([A-Za-z0-9_]{1,15})/?$")),
    ("twitter.com", "x", re.compile(r"^/([A-Za-z0-9_]{1,15})/?$")),
    ("facebook.com", "facebook", re.compile(r"^/([A-Za-z0-9.]{5,50})/?$")),
    ("tiktok.com", "tiktok", re.compile(r"^/@([A-Za-z0-9_.]{2,24})/?$")),
    ("linkedin.com", "linkedin", re.compile(r"^/in/([A-Za-z0-9\-_%]{3,100})/?$")),
    ("threads.net", "threads", re.compile(r"^/@([A-Za-z0-9_.]{1,30})/?$")),
    ("pinterest.com", "pinterest", re.compile(r"^/([A-Za-z0-9_]{3,30})/?$")),
)
_RESERVED = frozenset(
    "about accounts explore p reel reels stories share sharer intent home login signup search "
    "settings privacy terms help hashtag i features pricing topics marketplace groups pages "
    "watch events legal policies developers directory in u www".split()
)
_AT_HANDLE = re.compile(
    r"(?<![A-Za-z0-9_.@/])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![A-Za-z0-9_@]|\.[A-Za-z]{2,})"
)
_PLATFORM_WORDS = (
    ("instagram", "instagram"),
    ("insta", "instagram"),
    ("ig", "instagram"),
    ("strava", "strava"),
    ("venmo", "venmo"),
    ("github", "github"),
    ("twitter", "x"),
    ("tiktok", "tiktok"),
    ("facebook", "facebook"),
    ("threads", "threads"),
    ("x", "x"),
)


def handle_from_url(url: str) -> tuple[str, str] | None:
    """(platform, handle) when `url` is a profile page on a known platform, else None."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    path = unquote(parts.path or "/")
    for suffix, platform, rx in _PLATFORMS:
        if host == suffix or host.endswith("." + suffix):
            m = rx.match(path)
            if (
                m
                and m.group(1).lower() not in _RESERVED
                and not m.group(1).lower().endswith((".php", ".html", ".htm"))
            ):
                return platform, m.group(1)
            return None
    return None


class HandleExtractor:
    """ "@handle" in text → Found("handle", value=handle, attrs platform when named nearby)."""

    kinds = ("handle",)

    def extract(self, text: str, folded: str, ctx: ExtractContext) -> Iterable[Found]:
        out = []
        for m in _AT_HANDLE.finditer(text):
            before = folded[max(0, m.start() - 24) : m.start()]
            platform = None
            for word, plat in _PLATFORM_WORDS:
                if re.search(
                    rf"(?<![a-z]){word}(?![a-z])[^a-z0-9]{{0,6}}(?:[a-z]+[^a-z0-9]{{1,3}})?$",
                    before,
                ):
                    platform = plat
                    break
            attrs = (("platform", platform),) if platform else ()
            out.append(Found("handle", m.start(), m.end(), m.group(1), attrs))
        return out
