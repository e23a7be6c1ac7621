"""Build the audit's web access: the web archive (offline) or the live fetcher and search
backend chosen in the profile's [network] table."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ..engine import WebAccess
from ..errors import FootprintError
from ..model import SearchResult
from ..profile import Profile
from .base import Fetcher, Request, Response, SearchBackend, send

if TYPE_CHECKING:
    from .archive import WebArchive


def open_web(profile: Profile, web_archive: Path | None, data_dir: Path) -> WebAccess:
    """Offline when `web_archive` is given: every search and fetch goes to the archive and
    nothing touches the network. Live otherwise."""
    if web_archive is not None:
        from .archive import WebArchive

        return archive_access(WebArchive.open(web_archive, data_dir / "cache"))
    net = profile.network
    from .http import HttpFetcher

    fetcher = HttpFetcher(net, cache_path=data_dir / "cache" / "http-cache.sqlite",
                          contact=profile.audit.contact)
    return WebAccess(fetcher=fetcher, search=search_backend(profile))


def archive_access(archive: WebArchive) -> WebAccess:
    """An opened web archive as the audit's web access."""
    from ..model import Skipped

    return WebAccess(
        fetcher=archive.fetcher(),
        search=archive.search_backend(),
        archive_name=archive.name,
        archive_digest=archive.digest,
        skipped=tuple(
            Skipped(f"web archive file {rel}", f"not checked: {why}", "web archive")
            for rel, why in archive.skipped_files
        ),
    )


def search_backend(profile: Profile) -> SearchBackend:
    """The live search backend the profile's [network] table chooses, in its language."""
    net = profile.network
    if net.search_backend == "searxng":
        if not net.searxng_url:
            raise FootprintError(
                f"{profile.path}: network.searxng_url: missing; search_backend = \"searxng\" "
                "needs the address of your SearXNG instance"
            )
        from .search_searxng import SearxngSearch

        search = SearxngSearch(net.searxng_url, language=profile.audit.language, timeout=net.timeout)
    else:
        from .search_ddgs import DdgsSearch, region_for

        search = DdgsSearch(  # type: ignore[assignment]
            region_for(profile.audit.jurisdiction, profile.audit.language),
            engines=net.ddgs_engines, timeout=net.timeout)
    return search


class SharedWeb:
    """The web access of a roster: every household of the run shares one live fetcher — so each
    site's politeness limit (`rate_per_host`, per-host concurrency, Retry-After) holds across
    judges, not per judge — one search engine pace, and each web archive opened once.

    The live settings ([network], `audit.contact`) are the first live household's: one fetcher
    has one set of limits (`differs` names the households whose profile asks for others), with
    `max_concurrency` requests in flight for each household audited at once (`jobs`). Each
    household still searches in its own language and region; searches of every household keep
    one pace between them (`min_interval` of the search backend, 2 s for ddgs)."""

    def __init__(self, data_dir: Path, jobs: int = 1) -> None:
        self.data_dir = data_dir
        self.jobs = max(1, jobs)
        """Households audited at once: the fetcher allows `max_concurrency` requests in flight
        for each (each site's own limits are unchanged)."""
        self._archives: dict[Path, WebArchive] = {}
        self._fetcher: Fetcher | None = None
        self._network: tuple[object, str | None] | None = None
        self._searches: dict[tuple[str, ...], SearchBackend] = {}
        self._pace = _Pace()
        self._lock = threading.Lock()
        self.stop = threading.Event()
        """Set to stop every household at its next search or fetch (Ctrl-C with --jobs)."""

    def for_profile(self, profile: Profile, web_archive: Path | None) -> WebAccess:
        """The web access of one household (offline with `web_archive`); households audited
        at once ask for theirs from several threads."""
        with self._lock:
            return self._for_profile(profile, web_archive)

    def _for_profile(self, profile: Profile, web_archive: Path | None) -> WebAccess:
        if web_archive is not None:
            from .archive import WebArchive

            key = Path(web_archive).expanduser().resolve()
            if key not in self._archives:
                self._archives[key] = WebArchive.open(key, self.data_dir / "cache")
            access = archive_access(self._archives[key])
        else:
            if self._fetcher is None:
                from .http import HttpFetcher

                net = profile.network.model_copy(update={
                    "max_concurrency": min(64, profile.network.max_concurrency * self.jobs)})
                self._fetcher = HttpFetcher(net, contact=profile.audit.contact,
                                            cache_path=self.data_dir / "cache" / "http-cache.sqlite")
                self._network = (profile.network, profile.audit.contact)
            net = profile.network
            key2 = (net.search_backend, net.searxng_url or "", net.ddgs_engines, str(net.timeout),
                    profile.audit.jurisdiction, profile.audit.language)
            if key2 not in self._searches:
                self._searches[key2] = _PacedSearch(search_backend(profile), self._pace)
            access = WebAccess(fetcher=self._fetcher, search=self._searches[key2])
        return WebAccess(fetcher=_Stoppable(access.fetcher, self.stop),
                         search=_StoppableSearch(access.search, self.stop),
                         archive_name=access.archive_name, archive_digest=access.archive_digest,
                         skipped=access.skipped)

    def differs(self, profile: Profile) -> bool:
        """True when this live household's [network] or contact differs from the settings the
        shared fetcher uses."""
        return self._network is not None and self._network != (profile.network, profile.audit.contact)

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
        for a in self._archives.values():
            a.close()


class _Pace:
    """One pace for every search of a roster: at least the backend's `min_interval` between
    the starts of two searches, whichever household makes them."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.last: float | None = None

    def wait(self, interval: float) -> None:
        with self.lock:
            now = time.monotonic()
            if self.last is not None and now < self.last + interval:
                time.sleep(self.last + interval - now)
                now = time.monotonic()
            self.last = now


class _PacedSearch:
    def __init__(self, inner: SearchBackend, pace: _Pace) -> None:
        self.inner, self.pace = inner, pace
        self.name = getattr(inner, "name", "")

    def search(self, query: str, *, kind: str = "web", max_results: int = 10) -> list[SearchResult]:
        self.pace.wait(float(getattr(self.inner, "min_interval", 0.0) or 0.0))
        return self.inner.search(query, kind=kind, max_results=max_results)


class _Stoppable:
    """A fetcher that raises KeyboardInterrupt once the roster is stopped: an audit running in a
    worker thread (which Ctrl-C does not reach) stops as an interrupted audit."""

    def __init__(self, inner: Fetcher, stop: threading.Event) -> None:
        self.inner, self.stop = inner, stop

    def _check(self) -> None:
        if self.stop.is_set():
            raise KeyboardInterrupt

    def fetch(self, url: str) -> Response:
        self._check()
        return self.inner.fetch(url)

    def send(self, request: Request) -> Response:
        self._check()
        return send(self.inner, request)

    def close(self) -> None:
        """The roster closes the shared fetcher once, at its end."""


class _StoppableSearch:
    def __init__(self, inner: SearchBackend, stop: threading.Event) -> None:
        self.inner, self.stop = inner, stop
        self.name = getattr(inner, "name", "")

    def search(self, query: str, *, kind: str = "web", max_results: int = 10) -> list[SearchResult]:
        if self.stop.is_set():
            raise KeyboardInterrupt
        return self.inner.search(query, kind=kind, max_results=max_results)
