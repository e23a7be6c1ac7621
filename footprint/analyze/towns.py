"""Towns known by more than one name: "Caerdydd" is Cardiff, "Donostia" San Sebastián, "Åbo" Turku
(footprint/data/town_names.toml, by hand); "Wien" is Vienna, "Бельцы" Bălți, "Prishtinë"
Priština (footprint/data/town_exonyms.tsv: Europe's towns of 15,000 people or more, from
GeoNames, CC BY 4.0); whether a word is a town's name (footprint/data/town_main_names.txt)."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from .names import fold

DATA = Path(__file__).resolve().parents[1] / "data" / "town_names.toml"


@functools.cache
def _groups() -> dict[str, tuple[str, ...]]:
    with DATA.open("rb") as fh:
        groups = tomllib.load(fh)["groups"]
    out: dict[str, tuple[str, ...]] = {}
    for group in groups:
        for name in group:
            out.setdefault(fold(name), tuple(group))
    return out


EXONYMS = DATA.with_name("town_exonyms.tsv")


@functools.cache
def _exonyms() -> dict[tuple[str, str], tuple[str, ...]]:
    """(country code, folded name) → every name of that town."""
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    with EXONYMS.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or "\t" not in line:
                continue
            cc, *names = line.rstrip("\n").split("\t")
            for n in names:
                out.setdefault((cc, fold(n)), tuple(names))
    return out


MAIN_NAMES = DATA.with_name("town_main_names.txt")


@functools.cache
def _all_towns() -> frozenset[str]:
    """Every folded name of every town in the three tables."""
    with MAIN_NAMES.open(encoding="utf-8") as fh:
        main = {line.strip() for line in fh if line.strip() and not line.startswith("#")}
    return frozenset(main | {k for _cc, k in _exonyms()} | set(_groups()))


def is_town(word: str) -> bool:
    """Whether a word is one of the names of a town in the tables ("Iași", "Jassy", "Kirkwood"):
    the main names of the towns of 15,000 people or more of Europe, the US, Canada, Australia
    and New Zealand (footprint/data/town_main_names.txt, GeoNames, CC BY 4.0), the other names
    of Europe's, and the hand-made groups."""
    return fold(word) in _all_towns()


def other_names(city: str, country: str | None = None) -> tuple[str, ...]:
    """The town's other names ("Caerdydd", "Gaerdydd", … for "Cardiff"; "Wien", "Vienne", … for
    "Vienna" in Austria), or (). Without a country only the hand-made table is asked: a name
    is many countries' towns' ("Vienna" is also in Virginia)."""
    key = fold(city)
    names = list(_groups().get(key, ()))
    if country:
        names += _exonyms().get((country.upper(), key), ())
    return tuple(dict.fromkeys(n for n in names if fold(n) != key))


# Welsh initial mutations: after "o", "i", "yn", "ei" … a town's first letter changes
# ("o Landeilo", "i Gaerfyrddin", "yng Nghaerdydd", "ym Mhontypridd", "a Chaerdydd")
_SOFT = (("ll", "l"), ("rh", "r"), ("c", "g"), ("p", "b"), ("t", "d"), ("b", "f"), ("d", "dd"),
         ("m", "f"), ("g", ""))
_NASAL = (("c", "ngh"), ("p", "mh"), ("t", "nh"), ("b", "m"), ("d", "n"), ("g", "ng"))
_ASPIRATE = (("c", "ch"), ("p", "ph"), ("t", "th"))


def welsh_mutations(city: str) -> tuple[str, ...]:
    """The mutated forms of a Welsh town's name ("Landeilo" of "Llandeilo", "Nghaerdydd" of
    "Caerdydd"); () for a name that starts with a vowel or a letter that does not mutate."""
    out: list[str] = []
    low = city[:2].lower()
    for table in (_SOFT, _NASAL, _ASPIRATE):
        for old, new in table:
            if low.startswith(old):
                rest = city[len(old):]
                form = (new[:1].upper() + new[1:] + rest) if new else rest[:1].upper() + rest[1:]
                if len(form) >= 4:
                    out.append(form)
                break
    return tuple(dict.fromkeys(out))
