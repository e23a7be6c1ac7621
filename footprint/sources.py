"""Guess what kind of site a URL belongs to (SourceKind), for remediation: a people-search site is
asked through its opt-out, a school through its office, a news site through its editor."""

from __future__ import annotations

import logging
from typing import Any

from .errors import FootprintError
from .model import SourceKind

log = logging.getLogger("footprint.sources")

SOCIAL_HOSTS = (
    "facebook.com", "instagram.com", "x.com", "twitter.com", "tiktok.com", "linkedin.com",
    "strava.com", "venmo.com", "pinterest.com", "reddit.com", "youtube.com", "flickr.com",
    "github.com", "threads.net", "bsky.app", "mastodon.social", "nextdoor.com", "snapchat.com",
    "tumblr.com", "medium.com", "substack.com", "goodreads.com", "alltrails.com",
)
PUBLIC_RECORD_HINTS = ("assessor", "recorder", "parcel", "property", "katastr", "cuzk",
                       "companieshouse", "company-information", "or.justice.cz", "voter")


def _host(url: str) -> str:
    from .web.urls import host_of

    try:
        return host_of(url)
    except ValueError:  # an unparsable URL belongs to no known kind of site
        return ""


def broker_for(url: str) -> Any | None:
    """The brokers catalog's record for a URL, or None when the catalog is not installed, does
    not know the site, or cannot be read (callers then fall back to generic behaviour). The one
    guarded way into the catalog for the core: remediation, the analyzer and this module."""
    if not _host(url):
        return None  # no host (or an unparsable URL): no broker's page, and no catalog fault
    try:
        from probes.catalog import broker_for_url
    except ImportError:  # the catalog is optional for third-party installs without probes
        return None
    try:
        return broker_for_url(url)
    except (FootprintError, OSError, ValueError) as e:
        log.warning("brokers catalog unavailable (%s); using generic behaviour", type(e).__name__)
        return None


def registry_for(url: str) -> Any | None:
    """The California data-broker registry's entry for the site of `url` (the copy `footprint
    brokers update` stored in the data folder, else the built-in extract), or None when the
    registry does not list it, is not installed or cannot be read."""
    if not _host(url):
        return None
    try:
        from probes.catalog.registry import load_registry

        from .paths import data_dir
    except ImportError:
        return None
    try:
        return load_registry(data_dir()).for_url(url)
    except (FootprintError, OSError, ValueError) as e:
        log.warning("data-broker registry unavailable (%s); using generic behaviour",
                    type(e).__name__)
        return None


def _on(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def source_kind(url: str) -> str:
    """The SourceKind value for a URL (a best guess from its host)."""
    host = _host(url)
    broker = broker_for(url)
    if broker is not None:
        rec = getattr(broker, "kind", None)
        return rec if rec in {k.value for k in SourceKind} else SourceKind.PEOPLE_SEARCH.value
    if any(_on(host, d) for d in SOCIAL_HOSTS):
        return SourceKind.SOCIAL.value
    if any(h in host for h in PUBLIC_RECORD_HINTS):
        return SourceKind.PUBLIC_RECORD.value
    if "court" in host or host.endswith(".gov") or ".gov." in host or host.endswith(".gov.uk"):
        return SourceKind.GOVERNMENT.value
    if any(h in host for h in ("school", "academy", "k12", ".edu", "elementary")):
        return SourceKind.SCHOOL.value
    if any(h in host for h in ("news", "ledger", "times", "herald", "gazette", "tribune", "press", "post")):
        return SourceKind.NEWS.value
    if any(h in host for h in ("forum", "neighbors", "neighbours", "community")):
        return SourceKind.FORUM.value
    if any(h in host for h in ("blog", "wordpress", "blogspot")):
        return SourceKind.BLOG.value
    return SourceKind.WEB.value
