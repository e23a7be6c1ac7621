"""Tokens of folded text, and the street-word tables the address matcher compares with.

A page is tokenised once (linear in its length) and every known-value matcher reads the same
tokens: words and numbers with their offsets, and whether a line break separates a token from
the one before it.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data" / "street_words.toml"
_TOKEN = re.compile(r"[a-z]+|[0-9]+(?![0-9])[a-z]?(?![a-z])|[0-9]+")


def norm(word: str) -> str:
    """A folded word with spelling variants of transliteration merged: Croatian and Serbian "đ"
    is printed "dj" as often as it folds to "d"."""
    return word.replace("dj", "d")


# Letters that romanisations of one Cyrillic or Greek name spell differently ("Хидро" is
# "Hidro" or "Hydro", "Михайлович" "Mykhailovych" or "Mihajlovic"), merged in that order
_ROMAN_VARIANTS = (("kh", "h"), ("ks", "x"), ("ph", "f"), ("th", "t"), ("ou", "u"),
                   ("ts", "c"), ("tz", "c"), ("w", "v"), ("y", "i"), ("j", "i"), ("ii", "i"))


def romanised(word: str) -> str:
    """`word` with the spelling variants of romanisation merged (compare, never print): an
    organisation's name romanised from Cyrillic or Greek ("Hebros Hydro" for "Хеброс Хидро")."""
    for a, b in _ROMAN_VARIANTS:
        word = word.replace(a, b)
    return word


# what a street's name needs merged beyond `romanised`: the sibilant digraphs of Russian and
# Ukrainian romanisations against the single letters of Romanian and Slavic Latin spellings
_LOOSE = re.compile(r"shch|sch|sh|ch|zh|dj|[cq]")
_LOOSE_TO = {"shch": "s", "sch": "s", "sh": "s", "ch": "k", "zh": "z", "dj": "d", "c": "k",
             "q": "k"}
_DOUBLED = re.compile(r"(.)\1+")
_H_AFTER_VOWEL = re.compile(r"(?<=[aeiou])h")


def loose(word: str) -> str:
    """`romanised`, looser still, for a street named in one script and printed in another: a
    street of Chișinău "Ștefan cel Mare" is "ул. Штефан чел Маре" on a Russian page, read
    "Shtefan chel Mare"; "Alba Iulia" is "Алба-Юлия", read "Alba-Yuliya"; a Kyiv street is "вул.
    Саксаганського" (Ukrainian, "Saksahanskoho") and "ул. Саксаганского" (Russian,
    "Saksaganskogo"). Sibilant digraphs become one letter, "c" is "k", an "h" after a vowel is
    "g", doubled letters are one."""
    w = _LOOSE.sub(lambda m: _LOOSE_TO[m.group(0)], romanised(word))
    # Ukrainian "г" is "h", Russian "g": "Saksahanskoho" is "Saksaganskogo" (after a vowel only:
    # "Hill" is never "Gill")
    w = _H_AFTER_VOWEL.sub("g", w)
    return _DOUBLED.sub(r"\1", w)


_EAST_ENDINGS = ((re.compile(r"skaia$"), "ska"), (re.compile(r"skoe$"), "ske"))
_EAST_VOWELS = re.compile(r"[ioe]")


def east_slavic(word: str) -> str:
    """`loose`, for a street of Ukraine or Belarus printed on a Russian page (or the other way
    round): Ukrainian "г" is "h" and Russian "g" at a word's start too ("Horodetskoho" is
    "Gorodetskogo"), the Ukrainian "i" of a closed syllable is a Russian "o" or "e"
    ("Klochkivska" is "Klochkovskaya", as Kharkiv is Kharkov), and the adjective's endings
    differ ("-ska"/"-skaya", "-ske"/"-skoe"). Compare, never print."""
    w = loose(word)
    if w.startswith("h"):
        w = "g" + w[1:]
    for pat, to in _EAST_ENDINGS:
        w = pat.sub(to, w)
    return _EAST_VOWELS.sub("e", w)


@dataclass(frozen=True)
class Tok:
    """One token of folded text."""

    start: int
    end: int
    text: str
    newline_before: bool
    """A line break lies between this token and the previous one."""
    glue: str
    """The characters between the previous token and this one, stripped ("/", ",", "-", "")."""

    @property
    def is_number(self) -> bool:
        return self.text[:1].isdigit()


class Tokens:
    """The tokens of one folded text."""

    def __init__(self, folded: str, toks: list[Tok]) -> None:
        self.folded = folded
        self.toks = toks
        self._starts = [t.start for t in toks]
        self._index: dict[str, list[int]] | None = None
        self._norm_index: dict[str, list[int]] | None = None
        self._loose_index: dict[str, list[int]] | None = None
        self._east_index: dict[str, list[int]] | None = None

    @classmethod
    def of(cls, folded: str) -> Tokens:
        toks: list[Tok] = []
        prev_end = 0
        for m in _TOKEN.finditer(folded):
            between = folded[prev_end : m.start()]
            toks.append(Tok(m.start(), m.end(), m.group(0), "\n" in between, between.strip()))
            prev_end = m.end()
        return cls(folded, toks)

    def positions(self, word: str) -> list[int]:
        """Indexes of the tokens equal to `word`."""
        if self._index is None:
            idx: dict[str, list[int]] = {}
            for i, t in enumerate(self.toks):
                idx.setdefault(t.text, []).append(i)
            self._index = idx
        return self._index.get(word, [])

    def positions_norm(self, word: str) -> list[int]:
        """Indexes of the tokens equal to `word` once both are `norm`-alised ("gradjevinarstva"
        and "gradevinarstva": đ is written "dj" or folds to "d")."""
        if self._norm_index is None:
            idx: dict[str, list[int]] = {}
            for i, t in enumerate(self.toks):
                idx.setdefault(norm(t.text), []).append(i)
            self._norm_index = idx
        return self._norm_index.get(norm(word), [])

    def positions_loose(self, word: str) -> list[int]:
        """Indexes of the tokens equal to `word` once both are `loose`: the same name in another
        transliteration."""
        if self._loose_index is None:
            idx: dict[str, list[int]] = {}
            for i, t in enumerate(self.toks):
                if not t.is_number:
                    idx.setdefault(loose(t.text), []).append(i)
            self._loose_index = idx
        return self._loose_index.get(loose(word), [])

    def positions_east(self, word: str) -> list[int]:
        """Indexes of the tokens equal to `word` once both are `east_slavic`: a Ukrainian
        street in its Russian form."""
        if self._east_index is None:
            idx: dict[str, list[int]] = {}
            for i, t in enumerate(self.toks):
                if not t.is_number and len(t.text) >= 5:
                    idx.setdefault(east_slavic(t.text), []).append(i)
            self._east_index = idx
        return self._east_index.get(east_slavic(word), [])

    def prefixed(self, stem: str) -> list[int]:
        """Indexes of the tokens that start with `stem` (case forms of an inflected word),
        compared `norm`-alised."""
        if self._norm_index is None:
            self.positions_norm("")
        assert self._norm_index is not None
        stem = norm(stem)
        return sorted(i for w, ids in self._norm_index.items() if w.startswith(stem) for i in ids)

    def at(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect.bisect_left(self._starts, offset)


@dataclass(frozen=True)
class StreetWords:
    """Canonical street words and their printed forms (footprint/data/street_words.toml)."""

    types: dict[str, frozenset[str]]
    """Printed form → canonical street types it may stand for (suffix, prefix and German)."""
    locators: frozenset[str]
    """Words between a street and its number, and unit words."""
    directions: dict[str, frozenset[str]]
    """Printed form → canonical direction."""
    names: dict[str, frozenset[str]]
    """Printed abbreviation → canonical word inside a street name."""
    compounds: dict[str, frozenset[str]] = field(default_factory=dict)
    """Printed ending of a compound street word ("strasse", "str") → canonical endings."""
    short_compounds: dict[str, frozenset[str]] = field(default_factory=dict)
    """The one- and two-letter forms ("v" of "Skogsrudsv."), read only after a long name part."""
    units: frozenset[str] = frozenset()
    """Words of a unit ("unit", "flat", "apt"): the number after one is not the house's."""

    def compound_stem(self, word: str) -> str:
        """The name part of a compound street word ("linden" of "lindenstrasse"), or ""."""
        for end in sorted(self.compounds, key=len, reverse=True):
            if word.endswith(end) and len(word) - len(end) >= 3:
                return word[: -len(end)]
        return ""

    def compound_ok(self, page: str, mine: str) -> bool:
        """"lindenstr" for "lindenstrasse", "kerkstr" for "kerkstraat": the same name part
        and two printed forms of one compound ending."""
        for end_m, canon_m in self.compounds.items():
            if not mine.endswith(end_m) or len(mine) - len(end_m) < 3:
                continue
            stem = mine[: -len(end_m)]
            if not page.startswith(stem):
                continue
            rest = page[len(stem):]
            if rest and (self.compounds.get(rest) or self.short_compounds.get(rest, frozenset())
                         if len(stem) >= 4 else self.compounds.get(rest, frozenset())) & canon_m:
                return True
        return False


@cache
def street_words() -> StreetWords:
    raw = tomllib.loads(DATA.read_text("utf-8"))

    def table(*sections: str) -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        for sec in sections:
            for canon, forms in raw.get(sec, {}).items():
                for f in [canon, *forms]:
                    for w in f.split():
                        out.setdefault(w, set()).add(canon)
        return {k: frozenset(v) for k, v in out.items()}

    loc = {w for forms in raw.get("locator", {}).values() for w in forms}
    loc |= set(raw.get("locator", {}))
    comp = table("german")
    return StreetWords(
        types=table("suffix", "prefix", "german"),
        locators=frozenset(loc),
        directions=table("direction"),
        names=table("name"),
        compounds={k: v for k, v in comp.items() if len(k) >= 3},
        short_compounds={k: v for k, v in comp.items() if len(k) < 3},
        units=frozenset(raw.get("locator", {}).get("unit", [])) | {"unit"},
    )
