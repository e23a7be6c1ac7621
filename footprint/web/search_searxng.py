"""Live web and image search through a SearXNG instance's JSON API, the search backend for courts
that run their own.

Why: every query of an audit contains a judge's or a relative's name next to a city, a phone or
an address. Sent to a commercial engine, those queries land in its logs — a list of exactly the
facts the audit wants to protect. A court that runs its own SearXNG (on its own network, with
`json` enabled under `search.formats` in settings.yml) keeps the names out of those logs: the
upstream engines see the instance's address and no account, cookie or browser profile.

Semantics: `GET {base}/search?q=…&format=json&categories=general` (images: `categories=images`,
the image in `img_src`). HTTP 429/403/5xx, a transport error or a body that is not the JSON API
raise `ProbeError("search:searxng", …)`; an empty `results` list while every engine of the
category is listed in `unresponsive_engines` is a failure too ("engines unresponsive"), because
nothing was really searched. Only an empty list that responding engines gave is `[]`. Which
engines serve a category is read once from the instance's `/config`; if that is unavailable,
an empty answer with any unresponsive engine counts as a failure (not checked, never absent).
"""

from __future__ import annotations

import threading
from typing import Any

import requests

from .. import __version__
from ..errors import ProbeError
from ..model import SearchResult
from .noproxy import ignore_environment_proxies
from .urls import normalize_url

SOURCE = "search:searxng"
_CATEGORIES = {"web": "general", "image": "images"}


class SearxngSearch:
    """`SearchBackend` over a SearXNG instance."""

    name = "searxng"

    def __init__(
        self,
        base_url: str,
        language: str = "en",
        timeout: float = 10,
        session: requests.Session | None = None,
        *,
        user_agent: str | None = None,
    ) -> None:
        """`base_url` is the instance root ("https://search.court.example"); `language` a
        two-letter code passed as SearXNG's `language`."""
        self.base_url = base_url.rstrip("/")
        self.language = language
        self.timeout = timeout
        ignore_environment_proxies()
        self.session = session or requests.Session()
        self.session.trust_env = False  # no proxy or .netrc from the environment (noproxy.py)
        current = str(self.session.headers.get("User-Agent", ""))
        if user_agent or not current or current.startswith("python-requests"):
            # an honest name, unless the caller's session already says who it is
            self.session.headers["User-Agent"] = (
                user_agent or f"footprint/{__version__} (consent-based exposure audit)"
            )
        self.session.headers["Accept"] = "application/json"
        self._engines: dict[str, frozenset[str]] | None = None
        self._engines_lock = threading.Lock()

    def _get(self, path: str, params: dict[str, str]) -> Any:
        url = f"{self.base_url}{path}"
        try:
            resp = self.session.get(url, params=params, timeout=self.timeout)
        except requests.Timeout:
            raise ProbeError(SOURCE, "timed out") from None
        except requests.RequestException as e:
            raise ProbeError(SOURCE, f"cannot reach the instance ({type(e).__name__})") from None
        if resp.status_code == 429:
            raise ProbeError(SOURCE, "HTTP 429: rate limited by the instance's limiter")
        if resp.status_code == 403:
            raise ProbeError(
                SOURCE,
                "HTTP 403: forbidden (is `json` enabled under search.formats in settings.yml?)",
            )
        if resp.status_code >= 500:
            raise ProbeError(SOURCE, f"HTTP {resp.status_code}: instance error")
        if resp.status_code != 200:
            raise ProbeError(SOURCE, f"HTTP {resp.status_code}")
        try:
            return resp.json()
        except ValueError:
            raise ProbeError(
                SOURCE, "the answer is not JSON (is this a SearXNG instance?)"
            ) from None

    def _category_engines(self, category: str) -> frozenset[str] | None:
        """Enabled engine names of `category` from /config; None when /config is unavailable."""
        with self._engines_lock:
            if self._engines is None:
                try:
                    data = self._get("/config", {})
                    engines: dict[str, set[str]] = {}
                    for e in data.get("engines", []):
                        if e.get("enabled", True):
                            for c in e.get("categories", []):
                                engines.setdefault(c, set()).add(str(e.get("name")))
                    self._engines = {c: frozenset(n) for c, n in engines.items()}
                except (ProbeError, AttributeError, TypeError):
                    return None
            return self._engines.get(category, frozenset())

    def search(self, query: str, *, kind: str = "web", max_results: int = 10) -> list[SearchResult]:
        """Run one query; `ProbeError` when the instance failed or every engine did."""
        if kind not in _CATEGORIES:
            raise ValueError(f"unknown search kind {kind!r}")
        if max_results <= 0:
            return []
        category = _CATEGORIES[kind]
        data = self._get(
            "/search",
            {
                "q": query,
                "format": "json",
                "categories": category,
                "language": self.language,
                "safesearch": "0",
                "pageno": "1",
            },
        )
        if not isinstance(data, dict) or not isinstance(data.get("results"), list):
            raise ProbeError(SOURCE, "the answer has no results list (is this a SearXNG instance?)")
        results = _map(data["results"], kind)
        if not results and data["results"] == []:
            unresponsive = {
                str(u[0]) if isinstance(u, list | tuple) and u else str(u)
                for u in data.get("unresponsive_engines") or []
            }
            if unresponsive:
                expected = self._category_engines(category)
                if expected is None or not expected or expected <= unresponsive:
                    names = ", ".join(sorted(unresponsive))
                    raise ProbeError(SOURCE, f"engines unresponsive: {names}")
        return results[:max_results]


def _map(raw: list[Any], kind: str) -> list[SearchResult]:
    out: list[SearchResult] = []
    seen: set[tuple[str, str]] = set()
    for r in raw:
        if not isinstance(r, dict):
            continue
        url = str(r.get("url") or "")
        if not url:
            continue
        title = str(r.get("title") or "")
        if kind == "image":
            image = str(r.get("img_src") or "")
            if not image:
                continue
            if image.startswith("//"):  # protocol-relative, as some engines give it
                image = "https:" + image
            item = SearchResult(
                url=url, title=title, snippet=str(r.get("content") or ""), image_url=image
            )
            key = (normalize_url(url), normalize_url(image))
        else:
            item = SearchResult(url=url, title=title, snippet=str(r.get("content") or ""))
            key = (normalize_url(url), "")
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
