"""The analyzer: reads a fetched page and decides what it exposes about which consenting person.

`Analyzer.analyze` handles what every page needs (HTTP status, block pages, content type) and
hands HTML to `page.PageAnalyzer`, which extracts values, splits listing blocks and corroborates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Exposure, Hit, Lead, Skipped
from ..profile import Profile
from ..web.base import Response
from ..web.blocks import detect_block


@dataclass(frozen=True)
class PageResult:
    """What one examined hit produced."""

    exposures: tuple[Exposure, ...] = ()
    """Personal data found, attributed to consenting people, with confidence."""
    leads: tuple[Lead, ...] = ()
    """Images and handles on the page that other probes may follow."""
    skipped: tuple[Skipped, ...] = ()
    """Why (part of) the page could not be checked."""
    about: tuple[str, ...] = ()
    """Ids of the people the page (or one of its blocks) was judged to be about."""


class Analyzer:
    """Shared by every probe of an audit. Stateless apart from the profile-derived matchers."""

    def __init__(self, profile: Profile, today: dt.date | None = None) -> None:
        """`today` fixes the date ages are computed against (the audit's start, so a resumed
        audit computes the same ages); None = the current date."""
        from .page import PageAnalyzer

        self.profile = profile
        self.page = PageAnalyzer(profile, today=today)

    def analyze(self, hit: Hit, response: Response) -> PageResult:
        blocked = detect_block(response)
        if blocked:
            return PageResult(skipped=(Skipped(hit.url, blocked, hit.probe, hit.person),))
        if response.status in (404, 410):
            return PageResult()  # the page is gone: checked, nothing exposed
        if response.status >= 400:
            reason = f"HTTP {response.status}"
            return PageResult(skipped=(Skipped(hit.url, reason, hit.probe, hit.person),))
        if not response.is_html:
            return PageResult(
                skipped=(
                    Skipped(hit.url, f"not a web page ({response.content_type or 'unknown type'})",
                            hit.probe, hit.person),
                )
            )
        return self.page.analyze_html(
            response.url, response.text(), source=hit.source, probe=hit.probe,
            owner=hit.get("owner")
        )
