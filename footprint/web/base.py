"""Interfaces of the web layer: a fetched response, a fetcher, a search backend.

Live implementations (`http.py`, `search_ddgs.py`, `search_searxng.py`) and offline ones
(`archive.py`) implement these; probes receive them injected through `ProbeContext` and never
import a transport themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ..errors import FetchError
from ..model import SearchResult


@dataclass(frozen=True)
class Request:
    """A request other than a plain GET: an account check some sites answer only to a POST with
    a body, to particular headers, or with a redirect the rule reads itself."""

    url: str
    """Where the request goes."""
    method: str = "GET"
    """"GET" or "POST"."""
    body: bytes | None = None
    """The POST body."""
    headers: tuple[tuple[str, str], ...] = ()
    """Extra request headers (never User-Agent: footprint always names itself)."""
    follow_redirects: bool = True
    """False: answer with the redirect itself (a rule that reads an HTTP 302 as "exists")."""

    @property
    def plain(self) -> bool:
        """True for what `Fetcher.fetch` does: a GET without extras that follows redirects."""
        return (self.method == "GET" and self.body is None and not self.headers
                and self.follow_redirects)


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


@runtime_checkable
class RequestFetcher(Fetcher, Protocol):
    """A fetcher that can also send a `Request` (POST bodies, headers, redirects not followed).
    The live fetcher and the web archive's are; a fetcher without `send` answers plain GETs only."""

    def send(self, request: Request) -> Response:
        """Send `request`; same contract as `fetch`."""
        ...


def send(fetcher: Fetcher, request: Request) -> Response:
    """`request` through `fetcher`: a plain GET with `fetch`, anything else with `send` when the
    fetcher has it; otherwise a `FetchError` saying the check could not be made."""
    if request.plain:
        return fetcher.fetch(request.url)
    if isinstance(fetcher, RequestFetcher):
        return fetcher.send(request)
    raise FetchError(request.url, f"not checked: this fetcher cannot send a {request.method} "
                     "request with a body or headers")


class SearchBackend(Protocol):
    """A search engine: live (ddgs, SearXNG) or the web archive's index."""

    name: str

    def search(
        self, query: str, *, kind: str = "web", max_results: int = 10
    ) -> list[SearchResult]:
        """Run one query. `kind` is "web" or "image". Returns [] only when the engine really
        answered with no results; raises `ProbeError` when it failed or may be blocking us."""
        ...
