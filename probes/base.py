"""The probe interface. A probe turns the profile into queries, runs them into hits, and says
how a hit is examined. Copy `web.py` (the shortest) to write a new one.

A probe never decides exposure on its own: `examine` hands pages to the shared analyzer. Probes
are instantiated once per audit, so state lives on the instance, never on the class.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel

from footprint.model import Hit, Lead, Query, Skipped

if TYPE_CHECKING:
    from footprint.analyze import Analyzer, PageResult
    from footprint.profile import Profile
    from footprint.web.base import Fetcher, Response, SearchBackend


@dataclass
class ProbeContext:
    """What a probe may use. Injected by the engine; tests pass fakes."""

    profile: Profile
    """The validated profile: `profile.people` holds only consenting people."""
    fetcher: Fetcher
    """The shared fetcher (live HTTP or the web archive)."""
    search: SearchBackend
    """The search backend (ddgs, SearXNG, or the web archive's index)."""
    analyzer: Analyzer
    """The shared analyzer."""
    options: dict[str, Any] = field(default_factory=dict)
    """This probe's `[probes.<name>]` table from the profile."""
    offline: bool = False
    """True when running against a web archive."""
    data_dir: Path | None = None
    """footprint's data directory (user-downloaded catalogs live there)."""


class Probe(ABC):
    """Base class of every probe."""

    name: ClassVar[str]
    """Registry name, as written in `probes.enabled`."""
    description: ClassVar[str]
    """One line for `footprint check` and `--help`."""
    uses: ClassVar[tuple[str, ...]]
    """Profile identifiers the probe reads: "name", "aliases", "city", "phones", "emails",
    "usernames", "photos", "addresses", "court", "relatives"."""
    options_model: ClassVar[type[BaseModel] | None] = None
    """A pydantic model of the probe's `[probes.<name>]` table, checked when the profile is
    loaded (strict types, ranges, unknown keys). Built-in probes' models are in
    `probes/options.py`; without one, the table reaches the probe unchecked."""

    def __init__(self, ctx: ProbeContext) -> None:
        self.ctx = ctx

    @abstractmethod
    def plan(self) -> list[Query]:
        """The queries this probe will run, for consenting people only. Deterministic."""

    @abstractmethod
    def run(self, query: Query) -> Iterable[Hit]:
        """Execute one query. Raise `ProbeError` when the source failed or blocked us; the engine
        records it as not checked and goes on."""

    def examine(self, hit: Hit, response: Response) -> PageResult:
        """Decide what a fetched hit exposes. The default hands HTML pages to the analyzer."""
        return self.ctx.analyzer.analyze(hit, response)

    def follow(self, lead: Lead) -> Iterable[Hit]:
        """Turn a lead found on another page (an image, a handle) into hits. Default: none."""
        return ()

    def skipped_in_plan(self) -> list[Skipped]:
        """Things the probe knew it could not check at planning time (e.g. a missing optional
        extra). Reported under coverage."""
        return []
