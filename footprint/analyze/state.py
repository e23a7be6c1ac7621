"""What the page analyzer's parts hand each other: one page's output as it accumulates, a person
judged in one block, and the few cues and URL helpers more than one part reads.

The parts: page.py (the orchestration), emit.py (judged values → exposures), ownsite.py (a
person's own account or site), leads.py (handles and images for other probes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..model import Exposure, Lead
from .blocks import Block
from .corroborate import Judgement, PersonFacts
from .extract_places import ParseBudget
from .names import NameMatch

_IMG_SKIP = re.compile(
    r"logo|icon|sprite|spacer|pixel|badge|banner|avatar-default|placeholder|\.svg(?:$|\?)", re.I
)


@dataclass
class _Scored:
    """A person judged in a block."""

    pf: PersonFacts
    judgement: Judgement
    matches: list[NameMatch]
    in_relatives: bool
    given_only: bool = False


@dataclass
class _PageState:
    """Accumulates one page's output."""

    url: str
    source: str
    probe: str
    exposures: dict[tuple[str, str, str], Exposure] = field(default_factory=dict)
    leads: dict[tuple[str, str, str], Lead] = field(default_factory=dict)
    about: set[str] = field(default_factory=set)
    namesake_cards: set[str] = field(default_factory=set)
    """People a block names with nothing but a town, beside a street that is none of theirs
    (rule other_street): its numbers and its pictures are a namesake's."""
    best: dict[str, tuple[Judgement, Block, tuple[tuple[str, str], ...]]] = field(
        default_factory=dict
    )
    places: ParseBudget = field(default_factory=ParseBudget)
    """pyap work left for this page's unknown street addresses."""
    surnames: list[tuple[int, int]] = field(default_factory=list)
    """Every capitalised family surname on the page, sorted (found once per page)."""
    foreign: set[str] | None = None
    """Words of the names on the page that share a family surname but are no consenting
    person's (found once per page, for the leads)."""
    ref_year: int = 0
    """The year the page speaks from (its publication year when it says so, else this year):
    an age printed on it is an age in that year."""
    taken: list[tuple[int, int]] = field(default_factory=list)
    """Every name match on the page, sorted by start."""
    frame: tuple[tuple[int, int], ...] = ()
    family_card: bool = False
    """The page is a card followed by its relatives' rows, and the card itself names a family
    member (a relative's own page): the rows are ties of our family, not a stranger's."""
    """The page's own heading and footer around its blocks (a club's "ŽOK Telep — Novi Sad",
    its "3000 Celje" footer): the place they name is the page's (rule page_city). Empty on
    people-search sites and on whole-page blocks."""


def _hostname(url: str) -> str:
    """The lowercase host of `url`; "" when it has none or cannot be parsed ("http://[::1",
    a page URL the analyzer must still read rather than crash on)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
