"""Guess what kind of site a URL belongs to (SourceKind), for remediation: a people-search site is
asked through its opt-out, a school through its office, a news site through its editor."""

from __future__ import annotations

from urllib.parse import urlsplit

from .model import SourceKind

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


def _on(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def source_kind(url: str) -> str:
    """The SourceKind value for a URL (a best guess from its host)."""
    host = _host(url)
    try:
        from probes.catalog import broker_for_url
    except ImportError:  # the catalog is optional for third-party installs without probes
        broker_for_url = None  # type: ignore[assignment]
    if broker_for_url is not None:
        broker = broker_for_url(url)
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
