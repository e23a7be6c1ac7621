"""Interfaces of the web layer: a fetched response, a fetcher, a search backend.

Live implementations (`http.py`, `search_ddgs.py`, `search_searxng.py`) and offline ones
(`archive.py`) implement these; probes receive them injected through `ProbeContext` and never
import a transport themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..model import SearchResult


@dataclass(frozen=True)
class Response:
    """A fetched resource. Returned for every HTTP status the server gave (a 404 is an answer);
    transport failures and blocks raise `FetchError` / `BlockedError` instead."""

    url: str
    """Final URL, after redirects."""
    status: int
    """HTTP status code."""
    headers: tuple[tuple[str, str], ...]
    """Response headers, names lowercased."""
    body: bytes
    """The body, already decompressed and capped at the fetcher's size limit."""
    requested_url: str = ""
    """The URL that was asked for (differs from `url` after a redirect)."""
    from_cache: bool = False
    """True when served from the HTTP cache or the web archive."""

    def header(self, name: str, default: str | None = None) -> str | None:
        name = name.lower()
        for k, v in self.headers:
            if k == name:
                return v
        return default

    @property
    def content_type(self) -> str:
        """Media type without parameters, lowercased ("text/html")."""
        return (self.header("content-type") or "").split(";")[0].strip().lower()

    @property
    def is_html(self) -> bool:
        ct = self.content_type
        return ct in ("text/html", "application/xhtml+xml") or (
            not ct and self.body[:512].lstrip().lower().startswith((b"<!doctype html", b"<html"))
        )

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")

    def text(self) -> str:
        """The body decoded: charset from the header, else from a <meta>, else detected."""
        from .charset import decode_body

        return decode_body(self.body, self.header("content-type"))


class Fetcher(Protocol):
    """Fetches URLs. One instance is shared by every probe of an audit (thread-safe)."""

    def fetch(self, url: str) -> Response:
        """GET `url`. Returns a Response for any HTTP status; raises `FetchError` on transport
        failure, timeout, size cap or a refused address, and `BlockedError` when the site keeps
        answering 429 or shows a challenge page."""
        ...

    def close(self) -> None: ...


class SearchBackend(Protocol):
    """A search engine: live (ddgs, SearXNG) or the web archive's index."""

    name: str

    def search(
        self, query: str, *, kind: str = "web", max_results: int = 10
    ) -> list[SearchResult]:
        """Run one query. `kind` is "web" or "image". Returns [] only when the engine really
        answered with no results; raises `ProbeError` when it failed or may be blocking us."""
        ...
