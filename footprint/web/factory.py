"""Build the audit's web access: the web archive (offline) or the live fetcher and search
backend chosen in the profile's [network] table."""

from __future__ import annotations

from pathlib import Path

from ..engine import WebAccess
from ..errors import FootprintError
from ..profile import Profile


def open_web(profile: Profile, web_archive: Path | None, data_dir: Path) -> WebAccess:
    """Offline when `web_archive` is given: every search and fetch goes to the archive and
    nothing touches the network. Live otherwise."""
    if web_archive is not None:
        from ..model import Skipped
        from .archive import WebArchive

        archive = WebArchive.open(web_archive, data_dir / "cache")
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
    net = profile.network
    from .http import HttpFetcher

    fetcher = HttpFetcher(net, cache_path=data_dir / "cache" / "http-cache.sqlite",
                          contact=profile.audit.contact)
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
    return WebAccess(fetcher=fetcher, search=search)
