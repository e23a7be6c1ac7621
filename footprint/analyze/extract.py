"""The extractor interface: one extractor per kind of value (phones, e-mails, addresses, dates,
vehicles, handles, schools and employers), each in its own `extract_*.py`.

An extractor reads the whole page text once and returns `Found` values with their offsets; the
analyzer then assigns them to listing blocks by offset and to people by corroboration. Extractors
know nothing about who the page is about, except the known values of the profile that they are
asked to recognise (a profile address is matched in any country and any spelling).
Every regular expression here and in the implementations uses bounded quantifiers: a hostile page
cannot make one backtrack for long.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from ..model import lookup


@dataclass(frozen=True)
class Found:
    """One value an extractor found in the page text."""

    kind: str
    """"phone", "email", "address", "locality", "age", "birth_date", "plate", "vehicle",
    "handle", "school", "employer", "label"."""
    start: int
    """Offset of the value in the page text."""
    end: int
    """Offset after it."""
    value: str
    """Normalised value: E.164 for a phone, lowercase for an e-mail, the address as printed
    (whitespace collapsed), the age as digits, the date as printed."""
    attrs: tuple[tuple[str, str], ...] = ()
    """Facts about it as sorted pairs: ("age","58"), ("full_date","1"), ("year","1968"),
    ("city","austin"), ("postal","78731"), ("known","judge:home"), ("platform","instagram")."""

    def attr(self, key: str, default: str | None = None) -> str | None:
        """Look up a value in `attrs`."""
        return lookup(self.attrs, key, default)


@dataclass(frozen=True)
class ExtractContext:
    """What extractors may know about the audit."""

    phone_regions: tuple[str, ...] = ("US",)
    """Regions whose national phone formats are read, most likely first (the jurisdiction's
    country, then the countries of the profile's phones and addresses)."""
    address_countries: tuple[str, ...] = ("US",)
    """Countries whose unknown street addresses are looked for."""
    today: dt.date = field(default_factory=dt.date.today)
    """The date ages are computed against (injectable for tests)."""
    language: str = "en"
    """The language of the pages searched (the profile's `audit.language`): month names differ
    ("listopad" is November in Czech and Polish, October in Croatian)."""
    known_phones: tuple[str, ...] = ()
    """E.164 numbers of the profile: preferred when a printed number reads differently in two
    regions."""


class Extractor(Protocol):
    """Finds one kind of value in page text."""

    @property
    def kinds(self) -> tuple[str, ...]:
        """The `Found.kind` values it produces."""
        ...

    def extract(self, text: str, folded: str, ctx: ExtractContext) -> Iterable[Found]:
        """Every value in `text` (`folded` is `names.fold(text)`, same offsets)."""
        ...


def find_words(haystack: str, words: Iterable[str]) -> list[tuple[int, int, str]]:
    """(start, end, word) of every whole-word occurrence of `words` in `haystack`, sorted.
    Plain substring search per word: much faster than one alternation regex over a long page."""
    out = []
    for w in words:
        i = haystack.find(w)
        while i >= 0:
            j = i + len(w)
            if (i == 0 or not haystack[i - 1].isalnum()) and (
                j >= len(haystack) or not haystack[j].isalnum()
            ):
                out.append((i, j, w))
            i = haystack.find(w, i + 1)
    return sorted(out)


def snippet(text: str, start: int, end: int, width: int = 120) -> str:
    """About `width` characters around text[start:end], on one line."""
    pad = max(0, (width - (end - start)) // 2)
    s = max(0, start - pad)
    e = min(len(text), end + pad)
    return " ".join(text[s:e].split())


def collapse(s: str) -> str:
    """Whitespace runs (newlines included) to one space."""
    return " ".join(s.split())


def default_extractors() -> list[Extractor]:
    """One instance of every built-in whole-page extractor, in a stable order. Street addresses
    (`extract_places.PlaceExtractor`) are not among them: the analyzer reads localities for the
    whole page but unknown addresses only in the blocks that need them."""
    from .extract_dates import DateExtractor
    from .extract_emails import EmailExtractor
    from .extract_ids import NationalIdExtractor
    from .extract_orgs import OrgExtractor
    from .extract_phones import PhoneExtractor
    from .extract_social import HandleExtractor
    from .extract_vehicles import VehicleExtractor

    return [
        PhoneExtractor(),
        EmailExtractor(),
        DateExtractor(),
        VehicleExtractor(),
        HandleExtractor(),
        OrgExtractor(),
        NationalIdExtractor(),
    ]
