"""The profile's own street addresses, found in any print form.

An address is compared by its components, never by its spelling: the words of the street name
(folded, abbreviations of name words undone — "Mt" = "Mount" —, an initial standing for a name
word — "Str. M. Eminescu" —, case endings in inflected languages — "Długiej" = "Długa" —, another
transliteration of a street printed in Cyrillic — "Shtefan chel Mare" = "Ștefan cel Mare"), the house
number next to them (before or after the name, behind "No.", "nr.", "čp.", "br."; "1412/7" or
just "1412"; the unit is ignored), and, when the page prints them, the postcode or city after it.
Street types ("Cove"/"Cv", "ulice"/"ul.", "Strada"/"Str.") are skipped on both sides, except that
two different types at the same place mean two different streets ("Oak Lane" is not "Oak Court").

Rules (docs/matching.md): a match needs every name word and the house number; a number that
differs is another house (a neighbour), never ours; a postcode that differs right after the
street is another town; an orientation number alone ("7" of "1412/7") counts only when the
postcode or city confirms it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ...profile import Address
from ..extract import Found
from ..names import digraph_spelling, fold, stems, town_short, unglottal
from ..scripts import latin
from ..towns import other_names
from .tokens import Tok, Tokens, east_slavic, loose, norm, street_words

PLAIN_STREET = frozenset({"street", "ulice", "strada", "strasse", "straat", "utca", "rue", "via",
                          "calle", "rua", "gatan", "kalea", "gatve", "iela", "tanav", "katu"})
"""The plain word for "street" in each language: one kind of street whichever is printed."""
WINDOW = 4
"""Tokens on each side of the street name within which its house number is looked for."""
_OF_ARTICLE = frozenset("de la l du des d di del della dell do da".split())
"""The words between a house number and its street in prose ("au 112 de la rue …")."""
_AT_NUMBER = frozenset("au aux al ao el am".split())
"""The words before a house number in prose ("au 112", "al 12", "ao 12")."""
LABEL_REACH = 10
"""Tokens after the street name within which a labelled house number ("nr. 57") is read."""
_NUMBER_LABEL = frozenset({"nr", "no", "nro", "num", "numero", "hausnr", "hausnummer", "hsnr",
                           "huisnr", "huisnummer", "broj", "br", "cislo", "numer", "numar",
                           "civico", "number"})
"""Words that say "house number" outright (never "c" or "p": a one-letter word is too common)."""
TAIL_CHARS = 90
"""Characters after the address within which a postcode or city confirms or contradicts it."""


@dataclass(frozen=True)
class AddressKey:
    """A profile address as components."""

    key: str
    """The caller's key ("judge:0")."""
    words: tuple[str, ...]
    """Street-name words, folded, street type and directions removed."""
    types: frozenset[str]
    """Canonical street type(s) of the profile's street (may be empty)."""
    number: tuple[str, ...]
    """House number parts ("1412", "7"); the first is the main one."""
    postal: str | None
    """Postcode, uppercase, no spaces."""
    city: str | None
    """City, folded."""
    typed: bool = False
    """The name needs a street type of its kind printed before it: the one word left of
    "Avenida de Atlántida" once its article is dropped ("Avda. Atlántida 142")."""
    alt_cities: tuple[str, ...] = ()
    """The city's other names, folded ("bolzano" for Bozen, from GeoNames by the address's
    country): a bilingual town's pages print either."""
    unit: str = ""
    """The flat or unit number ("3" of "Unit 3, 21 Banksia Street"), or ""."""
    flat: str = ""
    """The profile's `unit` field as printed, folded, letters and digits only ("b9" for "B 9":
    a staircase and a flat), or ""."""
    letter: str = ""
    """The letter printed right after the profile's house number, folded ("b" of "Nedre
    Lyngbakken 17 B", "Kiviharjunkuja 7 B 4"): another letter there is another house or
    stair ("17 A", a neighbour's), no letter at all is the same house cut short."""
    flats: tuple[tuple[str, str], ...] = ()
    """The profile's flat as (flat word, number) pairs, folded ("kv", "33" of "кв. 33"; "apt",
    "4" of "Apt 4"): the same word with another number right after the house number is
    another flat of the building ("вул. Клочківська, 204, кв. 35", a neighbour's)."""
    short: bool = False
    """The short form of a street named after a person: its last word alone ("ul. Mickiewicza"
    for "ulica Adama Mickiewicza", "Pavlinovićeva 9" for "Ulica Mihovila Pavlinovića 9",
    "Str. Eminescu"); it needs the exact house number and the postcode or city after it, or the town named on the
    page (a parish bulletin of that town)."""


# the words of a flat (never a floor, a staircase or a block: "et. 3", "sc. B", "Stiege 2")
_FLAT_WORDS = frozenset(
    "apt apartment flat ap apart kv kvartyra kvartira stan byt lgh top bte boite but butas dz "
    "dzivoklis korter lejl lejlighed leil leilighet asunto unit".split())


def _flat_words(line: str) -> tuple[tuple[str, str], ...]:
    """(flat word, number) pairs of a profile's unit and street line ("kv", "33")."""
    toks = Tokens.of(fold(line)).toks
    return tuple(dict.fromkeys(
        (t.text, toks[i + 1].text) for i, t in enumerate(toks[:-1])
        if t.text in _FLAT_WORDS and toks[i + 1].is_number))


def _other_flat(toks: list[Tok], end: int, flats: tuple[tuple[str, str], ...]) -> bool:
    """Whether a flat word of the profile's, with another number, follows the house number
    that ends at `end` on its line ("204, кв. 35" for the profile's "кв. 33")."""
    i = next((n for n, t in enumerate(toks) if t.start >= end), len(toks))
    if i + 1 >= len(toks) or toks[i].newline_before or toks[i + 1].newline_before:
        return False
    word, num = toks[i].text, toks[i + 1]
    if not num.is_number or toks[i].glue not in ("", ","):
        return False
    mine = [n for w, n in flats if w == word]
    return bool(mine) and num.text not in mine


def _norm_postal(s: str) -> str:
    s = re.sub(r"[\s\-]", "", s).upper()
    return s[:5] if re.fullmatch(r"\d{9}", s) else s


_ORDINAL = frozenset(("st", "nd", "rd", "th"))


def unit_of(street: str, unit: str | None = None) -> str:
    """The unit number of a profile address: its `unit` field, or the number after a unit word
    in the street line ("Unit 3, 21 Banksia Street", "Flat 2, 14 Glenageary Park")."""
    sw = street_words()
    for src in (unit or "", street):
        toks = Tokens.of(fold(src)).toks
        for i, t in enumerate(toks):
            if t.is_number and (src is unit or (i > 0 and toks[i - 1].text in sw.units)):
                return t.text
    return ""


def _typed(part: str, sw: Any) -> bool:
    """Whether a part of a street line opens or closes with a street type ("Triq …", "… Lane")."""
    words = re.findall(r"[a-z]+", fold(part))
    return bool(words) and (words[0] in sw.types or words[-1] in sw.types)


# a house number's Latin suffix in French, Italian, Spanish and Portuguese addresses ("12 bis",
# "7 ter"): a second house on the number, which sites print "12 B" or "12bis"
_NUMBER_SUFFIX = frozenset({"bis", "ter", "quater"})

_AFTER_TYPE = frozenset("del dels de la las los les el l d di della dello delle degli do da dos das "
                        "des du".split())


def parse_street(street: str, unit: str | None = None, *, keep_house_name: bool = False
                 ) -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """(name words, street types, house number parts) of a profile street line. A house's
    name before its number and street ("Dar il-Ħena, 14, Triq il-Fieres", "Rose Cottage, 3 Mill
    Lane") is no part of the street."""
    sw = street_words()
    parts = [p.strip() for p in street.split(",") if p.strip()]
    if not keep_house_name and len(parts) >= 2 and not any(c.isdigit() for c in parts[0]) \
            and not _typed(parts[0], sw) and any(_typed(p, sw) for p in parts[1:]):
        street = ", ".join(parts[1:])
    toks = Tokens.of(fold(street)).toks
    grid = [t for t in toks if not (t.text in sw.types and t is toks[-1])]
    if (len(grid) == 4 and grid[0].is_number and grid[2].is_number
            and grid[1].text in sw.directions and grid[3].text in sw.directions):
        # a grid address of Utah and its neighbours, "1847 E 3300 S": house 1847 east of the
        # base line, on the street 3300 south — the direction, the street's number and its
        # direction are the name ("1847 East 3300 South", "1847 E. 3300 So.")
        return (grid[1].text, grid[2].text, grid[3].text), frozenset(), (grid[0].text,)
    numbers: list[list[str]] = []
    words: list[str] = []
    types: set[str] = set()
    # "52nd Street" (never "4718 St. Amand Street": a house number, then "St." for Saint)
    ordinal = {i for i, t in enumerate(toks[:-1])
               if t.is_number and toks[i + 1].text in _ORDINAL and not toks[i + 1].glue
               and toks[i + 1].start == t.end}
    # "10936 83 Avenue NW", "11215 104 Street": a house number, then a street known by its
    # number with no ordinal's ending (Edmonton's and Calgary's grid)
    ordinal |= {i for i, t in enumerate(toks[:-1])
                if i > 0 and t.is_number and toks[i - 1].is_number and not t.glue
                and toks[i + 1].text in sw.types}
    unit_no = {i for i, t in enumerate(toks[1:], 1)
               if t.is_number and (toks[i - 1].text in sw.units or (
                   # "Flat PF1" (principal floor, flat 1), "Flat GF2": the floor's letters
                   i > 1 and toks[i - 2].text in sw.units and len(toks[i - 1].text) <= 2
                   and toks[i - 1].end == t.start))}
    for i in sorted(unit_no):
        # a Glasgow flat "Flat 2/1" (floor 2, flat 1), an Edinburgh one "Flat 3F2" (third
        # floor, flat 2): the whole of it is the unit
        while i + 1 < len(toks) and toks[i + 1].is_number and (
                toks[i + 1].glue in ("/", "-") or toks[i + 1].start == toks[i].end):
            i += 1
            unit_no.add(i)
    if unit_no and not any(t.is_number and i not in unit_no for i, t in enumerate(toks)):
        # no house number after the unit: an Australian "Unit 4/27 Marine Parade" is unit 4 of
        # number 27 (the unit, a slash, the house)
        last = max(unit_no)
        if toks[last].glue == "/" and last - 1 in unit_no:
            unit_no.discard(last)
    for i, t in enumerate(toks):
        if i in ordinal or (i - 1 in ordinal):
            words.append(t.text)  # "52nd Street": the street's name, not a house number
            continue
        if i in unit_no or (t.text in sw.units and (i + 1 in unit_no or i + 2 in unit_no)) \
                or (i + 1 in unit_no and not t.is_number and t.end == toks[i + 1].start):
            continue  # "Unit 3, 21 Banksia Street": the unit, not the house
        if t.is_number and words and numbers and t.glue == ",":
            break  # "Calle Mayor 5, 3º B": the floor and door after the house number
        if words and numbers and not t.is_number and toks[i - 1].is_number and t.glue == ",":
            break
        if words and numbers and not t.is_number and t.glue == "," and words[-1] in sw.types:
            break  # "11 Fernhill Grove, Douglas": the district after the street
        if words and numbers and len(t.text) == 1 and toks[i - 1].is_number and not t.glue:
            break  # "Kiviharjunkuja 7 B 4": the stair and flat after the house number
        if (numbers and len(t.text) == 1 and not t.is_number and toks[i - 1].is_number
                and t.glue == "-" and toks[i - 1].end + 1 == t.start):
            continue  # "Noordendijk 214-B": the house's letter, no word of the street's name
        if words and numbers and t.text in sw.units and toks[i - 1].is_number:
            break  # "Rue des Orfèvres 18 bte 3", "Smilgų g. 9 butas 4": the flat after the house
        if numbers and i > 0 and toks[i - 1].is_number and t.text in _NUMBER_SUFFIX:
            continue  # "12 bis rue des Marronniers": the house is 12 (printed "12 B", "12bis")
        if t.is_number:
            if numbers and t.glue in ("/", "-") and i > 0 and toks[i - 1].is_number:
                numbers[-1].append(t.text)
            else:
                numbers.append([t.text])
            continue
        words.append(t.text)
    # a direction after or before the type ("Foxglove Ridge Lane SE", "N 52nd Street")
    while len(words) > 2 and words[-1] in sw.directions and words[-2] in sw.types:
        words = words[:-1]
    while len(words) > 2 and words[0] in sw.directions and words[1] in sw.types:
        words = words[1:]
    # the street type: the last word (suffix languages) or the first (prefix languages)
    if len(words) > 1 and words[-1] in sw.types:
        types |= sw.types[words[-1]]
        words = words[:-1]
    if len(words) > 1 and words[0] in sw.types:
        types |= sw.types[words[0]]
        words = words[1:]
    words = [w for w in words if w not in sw.locators or len(words) == 1]
    while len(words) > 1 and words[0] in sw.directions:
        words = words[1:]
    while len(words) > 1 and words[-1] in sw.directions:
        words = words[:-1]
    number = tuple(numbers[0]) if numbers else ()
    if numbers and unit is None and len(numbers) > 1:
        # "Calea Victoriei 45, ap. 3": the first number is the house
        number = tuple(numbers[0])
    return tuple(words), frozenset(types), number


def _house_and_street(street: str) -> tuple[str, ...]:
    """The words of a house's name and of its street, without the number ("Dar il-Ħena, 14,
    Triq il-Fieres" → dar il hena triq il fieres), or () when the line names no house."""
    sw = street_words()
    parts = [p.strip() for p in street.split(",") if p.strip()]
    if len(parts) < 2 or any(c.isdigit() for c in parts[0]) or _typed(parts[0], sw):
        return ()
    typed = next((p for p in parts[1:] if _typed(re.sub(r"\d+\w*", " ", p), sw)), None)
    if typed is None:
        return ()
    house = [t.text for t in Tokens.of(fold(parts[0])).toks if not t.is_number]
    road = [t.text for t in Tokens.of(fold(typed)).toks if not t.is_number]
    if not any(len(w) >= 3 for w in house) or len(house) + len(road) < 4:
        return ()
    return tuple(house + road)


_EAST_SLAVIC = frozenset({"UA", "BY"})
"""Countries whose streets pages print in Russian as often as in their own language."""


class AddressMatcher:
    """Finds the profile's addresses. Build once per audit."""

    kind = "address"

    def __init__(self, addresses: list[tuple[str, Address]], *, inflected: bool = False) -> None:
        self.inflected = inflected
        # a street of Ukraine or Belarus may be printed in its Russian form (`east_slavic`)
        self.east = any((a.country or "").upper() in _EAST_SLAVIC for _k, a in addresses)
        self.keys: list[AddressKey] = []
        # a home that is a place's name alone, no street and no number: an Irish townland
        # ("Ballinagranagh", Moycullen, H91 D2R8), a farm or a hamlet
        self.places: list[AddressKey] = []
        for key, a in addresses:
            words, types, number = parse_street(a.street, a.unit)
            unit = unit_of(a.street, a.unit)
            if len(words) == 1 and not number and not types and len(words[0]) >= 6 and (
                    a.city or a.postal_code):
                self.places.append(AddressKey(
                    key=key, words=words, types=types, number=(),
                    postal=_norm_postal(a.postal_code) if a.postal_code else None,
                    city=fold(town_short(a.city)) if a.city else None))
            if not words or (not number and len(words) < 2):
                continue  # nothing to recognise it by
            full = AddressKey(
                key=key, words=words, types=types, number=number,
                postal=_norm_postal(a.postal_code) if a.postal_code else None,
                city=fold(town_short(a.city)) if a.city else None,
                alt_cities=tuple(dict.fromkeys(
                    [*(fold(latin(n)) for n in other_names(a.city, a.country)),
                     *((fold(unglottal(a.city)), fold(re.sub(r"[ʻʼ’‘`]", "'", a.city)))
                       if unglottal(a.city) != a.city else ())])) if a.city else (),
                unit=unit,
                flat=re.sub(r"[^a-z0-9]", "", fold(a.unit or "")),
                letter=_house_letter(a.street, number),
                flats=_flat_words(f"{a.unit or ''} {a.street}"),
            )
            self.keys.append(full)
            spellings = [words]
            plain = unglottal(a.street)
            if plain != a.street:
                # "Kāneʻohe Bay Drive" printed "Kaneohe Bay Dr" (no ʻokina, no macron)
                w2, _t, _n = parse_street(plain, a.unit)
                if w2 != words:
                    self.keys.append(replace(full, words=w2))
                    spellings.append(w2)
            if len(number) == 2 and re.match(r"\s*\d+-\d+", a.street):
                # a Hawaiian or Queens house number "45-123" printed "45123"
                for w in spellings:
                    self.keys.append(replace(full, words=w, number=("".join(number),)))
            hw, ht, hn = parse_street(a.street, a.unit, keep_house_name=True)
            if hw != words and hn:
                # the house's name with its number, as some directories print it ("14 Dar
                # il-Hena, Triq il-Fieres")
                self.keys.append(replace(full, words=hw, types=ht, number=hn))
            named = _house_and_street(a.street)
            if named:
                # the house's name and the street without the number, as a parish bulletin
                # or a notice prints a named house ("Dar il-Ħena, Triq il-Fieres", "Tŷ Gwyn,
                # Lôn y Felin"): every word in order names the house
                self.keys.append(replace(full, words=named, types=frozenset(), number=()))
            spelled = digraph_spelling(a.street).replace("ß", "ss")
            if spelled != a.street:
                # "Lerchenbühlstraße" is printed "LERCHENBUEHLSTRASSE" and "Lerchenbuehlstr."
                w2, _t, _n = parse_street(spelled, a.unit)
                if w2 != words:
                    self.keys.append(replace(full, words=w2))
            bare = list(words)
            while types and len(bare) > 2 and bare[0] in _AFTER_TYPE:
                bare = bare[1:]
            if len(bare) < len(words):
                # the article or preposition after a leading type, which directories drop:
                # "Carrer del Forn de la Vila 17" printed "C/ FORN DE LA VILA, 17" (the name
                # keeps two words at least: "Rue de la Paix" is never "Paix")
                self.keys.append(replace(full, words=tuple(bare)))
            elif (types and len(words) == 2 and words[0] in _AFTER_TYPE and len(words[1]) >= 5
                  and number):
                # one word left: only under its own kind of street, printed before it
                # ("Avda. Atlántida 142" for Avenida de Atlántida 142; never "Paix" alone)
                self.keys.append(replace(full, words=words[1:], typed=True))
            if number and len(words) >= 2 and len(words[-1]) >= 5 and (full.postal or full.city):
                self.keys.append(replace(full, words=(words[-1],), short=True))
            compound = self._compound_name(words)
            if compound and number and (full.postal or full.city):
                # a compound street word's name part under the other language's street type, as
                # bilingual towns print it: "Via Goethe, 21 - 39100 Bolzano" for Goethestraße 21,
                # Bozen; like a short form, with the exact number and the postcode or town
                self.keys.append(replace(full, words=(compound[0],), types=compound[1],
                                         short=True))
        self._sw = street_words()

    @staticmethod
    def _compound_name(words: tuple[str, ...]) -> tuple[str, frozenset[str]] | None:
        """The name part and street type of a one-word compound street name ("goethe" and
        "street" of "goethestrasse"), or None."""
        sw = street_words()
        if len(words) != 1:
            return None
        for end in sorted(sw.compounds, key=len, reverse=True):
            stem = words[0][: -len(end)]
            if words[0].endswith(end) and len(stem) >= 4:
                return stem, sw.compounds[end]
        return None

    def key(self, key: str) -> AddressKey | None:
        return next((k for k in self.keys if k.key == key and not k.short), None)

    # -- matching ------------------------------------------------------------------------

    def _word_ok(self, page: str, mine: str, *, allow_initial: bool) -> bool:
        if page == mine or norm(page) == norm(mine):
            return True
        dirs = self._sw.directions
        if page in dirs and mine in dirs and dirs[page] & dirs[mine]:
            return True  # "East" for "E", "So." for "S" (a grid address's directions)
        if self._sw.compound_ok(page, mine):
            return True
        canon = self._sw.names.get(page)
        if canon and mine in canon:
            return True
        mc = self._sw.names.get(mine)
        if mc and page in mc:
            return True
        if allow_initial and len(page) == 1 and mine[:1] == page:
            return True
        if len(mine) >= 3 and len(page) >= 3 and loose(page) == loose(mine):
            return True  # another transliteration ("Shtefan" for "Ștefan")
        if self.east and len(mine) >= 5 and len(page) >= 5 and east_slavic(page) == east_slavic(mine):
            return True  # a Ukrainian street on a Russian page ("Klochkovskaya", "Klochkivska")
        if self.inflected and len(mine) >= 4 and len(page) >= 3:
            return any(page.startswith(s) and len(page) - len(s) <= 3 for s in stems(mine))
        return False

    def _anchor_positions(self, tokens: Tokens, word: str) -> list[int]:
        stem = self._sw.compound_stem(word)
        if stem:
            # "Lindenstraße": also "Lindenstr.", "LINDENSTRASSE"
            cands = set(tokens.positions_norm(word)) | set(tokens.prefixed(stem))
            return sorted(i for i in cands
                          if self._word_ok(tokens.toks[i].text, word, allow_initial=False))
        # a name word's printed forms ("Lic." for Licenciado, "Mt" for Mount)
        canon = self._sw.names.get(word, frozenset())
        alts = {i for v, c in self._sw.names.items() if v != word and c & canon
                for i in tokens.positions_norm(v)} if canon else set()
        if self.east and len(word) >= 5:
            alts |= set(tokens.positions_east(word))  # "Klochkovskaya" for "Klochkivska"
        if self.inflected and len(word) >= 4:
            out: set[int] = set(alts) | set(tokens.positions_loose(word))
            for s in stems(word):
                out.update(tokens.prefixed(s))
            return sorted(i for i in out if self._word_ok(tokens.toks[i].text, word, allow_initial=False))
        return sorted(set(tokens.positions_norm(word)) | alts
                      | (set(tokens.positions_loose(word)) if len(word) >= 4 else set()))

    def find(self, text: str, folded: str, tokens: Tokens) -> list[Found]:
        out: list[Found] = []
        seen: set[tuple[int, str]] = set()
        covered: dict[str, list[tuple[int, int]]] = {}  # key → spans already found
        for k in self.keys:
            # anchor on the longest name word: the rarest, and never an initial
            ai = max(range(len(k.words)), key=lambda i: len(k.words[i]))
            for pos in self._anchor_positions(tokens, k.words[ai]):
                span = self._match_at(text, folded, tokens.toks, pos, ai, k)
                if span is None:
                    continue
                s, e, confirmed = span
                if k.short and not confirmed and not self._town_on_page(folded, k):
                    # the short form needs its town: after it, or as the page's own place
                    # (a Split parish's bulletin: "obitelj Perković, Pavlinovićeva 9")
                    continue
                if (s, k.key) in seen or any(a < e and s < b for a, b in covered.get(k.key, ())[-4:]):
                    continue
                seen.add((s, k.key))
                covered.setdefault(k.key, []).append((s, e))
                value = " ".join(text[s:e].split())
                attrs = [("known", k.key)]
                if confirmed:
                    attrs.append(("confirmed", "1"))
                out.append(Found("address", s, e, value, tuple(attrs)))
        for k in self.places:
            for f in self._place_name(text, folded, k):
                out.append(f)
        for k in self.keys:
            if k.short or not k.number or k.key in covered:
                continue
            for f in self._field_rows(text, folded, k):
                out.append(f)
                covered.setdefault(k.key, []).append((f.start, f.end))
        for k in self.keys:
            if k.short or not k.number or not k.postal or k.key in covered:
                continue
            for f in self._other_name(text, folded, k):
                if not any(f.start < b and a < f.end for a, b in covered.get(k.key, ())):
                    out.append(f)
                    covered.setdefault(k.key, []).append((f.start, f.end))
        return out

    def names_building(self, text: str, folded: str, tokens: Tokens, k: AddressKey) -> bool:
        """`text` names the building of `k` — its street (in either of a bilingual town's
        languages) and house number — whether or not it prints the flat: a building's own page
        ("Osoitehaku: Rantakatu 27, 65100 Vaasa") over a table of its flats."""
        if not k.number:
            return False
        ai = max(range(len(k.words)), key=lambda i: len(k.words[i]))
        for pos in self._anchor_positions(tokens, k.words[ai]):
            if self._match_at(text, folded, tokens.toks, pos, ai, k) is not None:
                return True
        return bool(k.postal) and bool(self._other_name(text, folded, k, building=True))

    def _place_name(self, text: str, folded: str, k: AddressKey) -> list[Found]:
        """A home that is a place's name alone ("Ballinagranagh"): that name opening an address
        — at its line's start, or after a name and a comma ("Peadar Fahy, Ballinagranagh,
        Moycullen"), never after a street of its own ("7 Cnoc Ard, Ballinagranagh") — with the
        profile's town or postcode right after it."""
        out: list[Found] = []
        up = text.upper()
        for m in re.finditer(r"(?<![a-z0-9])" + re.escape(k.words[0]) + r"(?![a-z])", folded):
            ls = max(folded.rfind("\n", 0, m.start()), folded.rfind("\t", 0, m.start()),
                     folded.rfind(":", 0, m.start())) + 1
            before = text[ls : m.start()]
            if re.search(r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]*[ \t]+$", before) or _NUMBERED_BEFORE.search(
                    folded, ls, m.start()):
                continue  # inside a longer name, or after a street and its number
            after = folded[m.end() : m.end() + 60]
            nxt = re.match(r"[ \t]+([a-z]+)", after)
            if nxt and nxt.group(1) in self._sw.types:
                continue  # "Ballinagranagh Road": a street named after the place
            end = None
            for c in _cities(k):
                t = re.match(r"[ \t,]{1,3}(?:co\.?[ \t][a-z]+[ \t,]{1,3})?" + re.escape(c)
                             + r"(?![a-z])", after)
                if t:
                    end = m.end() + t.end()
                    break
            if end is None and k.postal:
                t = re.match(r"[^\n]{0,40}?" + r"[ \t]?".join(map(re.escape, k.postal)),
                             up[m.end() : m.end() + 60])
                if t:
                    end = m.end() + t.end()
            if end is None and any(re.search(r"(?<![a-z])" + re.escape(c) + r"(?![a-z])", folded)
                                   for c in _cities(k)):
                end = m.end()  # "Peadar Fahy, Ballinagranagh, who …" in the Moycullen notes
            if end is None:
                continue
            out.append(Found("address", m.start(), end, " ".join(text[m.start() : end].split()),
                             (("known", k.key), ("confirmed", "1"))))
        return out

    def _field_rows(self, text: str, folded: str, k: AddressKey) -> list[Found]:
        """The address as a register's form prints it, one field a row ("Ulice | Minská",
        "Číslo domovní | 1043", "Číslo orientační | 58", "PSČ | 61600"), or a directory's
        list of labels and values a line each ("Straße / Elbhangstraße / Hausnr. / 23a / PLZ /
        Ort / 01326 Dresden"): a row whose value is the profile's street name alone, a house
        number of the profile's in a value a few rows around it, and its postcode or town in
        another — whatever the labels say."""
        rows: list[tuple[int, int, str]] = []  # (value start, value end, folded value)
        out: list[Found] = []
        pos = 0
        for line in folded.split("\n"):
            m = _FIELD_ROW.fullmatch(line)
            if m is not None:
                rows.append((pos + m.start("v"), pos + m.end("v"), m.group("v").strip()))
            elif line.strip() and len(line) <= 60:
                lead = len(line) - len(line.lstrip())
                rows.append((pos + lead, pos + len(line.rstrip()), line.strip()))
            else:
                rows.append((-1, -1, ""))
            pos += len(line) + 1
        numbers = {p.lower() for p in k.number}
        towns = {c for c in _cities(k)}
        for i, (vs, ve, v) in enumerate(rows):
            if vs < 0 or not v or any(c.isdigit() for c in v):
                continue
            words, _types, number = parse_street(v)
            if number or words != k.words:
                continue
            near = [r for r in rows[max(0, i - 4) : i + 6] if r[0] >= 0 and r[0] != vs]
            houses = [r for r in near if r[2] in numbers
                      or re.sub(r"[ \t]", "", r[2]) == "/".join(p.lower() for p in k.number)]
            if not houses:
                continue
            placed = any((k.postal and re.sub(r"[ \t\-]", "", r[2]).upper() == k.postal)
                         or r[2] in towns or _postcode_and_town(r[2], k, towns) for r in near)
            if not placed:
                continue
            end = max(r[1] for r in houses)
            if end - vs > 300:
                continue
            value = " ".join([text[vs:ve].strip(), *(text[a:b].strip() for a, b, _v in houses)])
            out.append(Found("address", vs, end, value, (("known", k.key), ("confirmed", "1"))))
        return out

    def _other_name(self, text: str, folded: str, k: AddressKey, *,
                    building: bool = False) -> list[Found]:
        """The profile's address under the street's name in the town's other language, as
        bilingual towns print it: "Rantakatu 27 B 9, 65100 Vaasa" for Strandgatan 27 B 9, 65100
        Vasa. Everything but the name must agree: the house number, the flat when the profile
        gives one (printed, or neither printed), the postcode, the town (in either language)
        right after it, and the kind of street ("katu" and "gatan" are both a street)."""
        out: list[Found] = []
        if not k.postal:
            return out
        up = text.upper()
        for pm in _shape_re(k.postal).finditer(up):
            if re.sub(r"[ \-]", "", pm.group(0)) != k.postal:
                continue
            after = folded[pm.end() : pm.end() + 40].split("\n", 1)[0]
            if not any(re.match(r"[ \t,]{0,3}" + re.escape(c) + r"(?![a-z])", after)
                       for c in _cities(k)):
                continue
            lo = max(0, pm.start() - 70)
            m = _STREET_BEFORE.search(folded, lo, pm.start())
            if m is None or m.group("num") != k.number[0].lower():
                continue
            printed = (m.group("stair") or "") + (m.group("flat") or "")
            unit = re.sub(r"[^a-z0-9]", "", fold(k.unit))
            if not building and not ((not unit and not printed)
                    or (unit and m.group("flat") and unit in (printed, m.group("flat")))):
                continue  # another flat of the building, or a flat the profile lacks
            words = m.group("street").split()
            kinds = self._sw.types.get(words[0], frozenset()) | self._sw.types.get(
                words[-1], frozenset())
            for end_, kind in self._sw.compounds.items():
                if words[-1].endswith(end_) and len(words[-1]) > len(end_) + 2:
                    kinds = kinds | kind
            compound = self._compound_name(k.words)
            mine = k.types or (compound[1] if compound else frozenset())
            if not kinds or (mine and not (kinds & mine) and not (
                    kinds & PLAIN_STREET and (mine & PLAIN_STREET or mine & _WAY))):
                continue  # no street named, or another kind of street (the Italian "Via" of a
                # German "Weg" or "Gasse" in South Tyrol is its street all the same)
            s_, e_ = m.start("street"), pm.end()
            out.append(Found("address", s_, e_, " ".join(text[s_:e_].split()),
                             (("known", k.key), ("confirmed", "1"), ("other_name", "1"))))
        return out

    @staticmethod
    def _town_on_page(folded: str, k: AddressKey) -> bool:
        return any(re.search(r"(?<![a-z])" + re.escape(c) + r"(?![a-z])", folded)
                   for c in _cities(k))

    def _match_at(
        self, text: str, folded: str, toks: list[Tok], pos: int, ai: int, k: AddressKey
    ) -> tuple[int, int, bool] | None:
        first = pos - ai
        last = first + len(k.words) - 1
        if first < 0 or last >= len(toks):
            return None
        for j, w in enumerate(k.words):
            t = toks[first + j]
            if j > 0 and t.newline_before and k.number:
                return None
            if not self._word_ok(t.text, w, allow_initial=len(k.words) > 1 and j != ai):
                return None
        start, end = toks[first].start, toks[last].end
        # a street type printed right after (or before) the name must not be another type
        after = last + 1
        if (
            after < len(toks)
            and not toks[after].is_number
            # (the full stop of an initial that ends the name: "Kossuth L. u. 58.")
            # (or joined by a hyphen: "Franz-Josef-Straße 8", "Konrad-Adenauer-Str. 5")
            and (not toks[after].glue or toks[after].glue == "-"
                 or (toks[after].glue == "." and len(toks[last].text) == 1))
            and not toks[after].newline_before
            and toks[after].text in self._sw.types
            and toks[after].text not in self._sw.locators
        ):
            page_types = self._sw.types[toks[after].text]
            if k.types and not (page_types & k.types) and not (
                    page_types & PLAIN_STREET and k.types & PLAIN_STREET):
                return None  # "Oak Lane" is not "Oak Court"; "ул." is "Str." (both "street")
            after += 1
            end = toks[after - 1].end
        before = first - 1
        if before >= 0 and toks[first].glue in ("'", "’") and toks[before].text in ("d", "l"):
            before -= 1  # the elided article of "12, route d'Arlon" ("Arlon" is the name)
        if k.typed and not (before >= 0 and not toks[before].is_number
                            and toks[before].text in self._sw.types
                            and self._sw.types[toks[before].text] & k.types):
            return None  # "Avda. Atlántida": its own type right before the one word
        if before >= 0 and not toks[before].is_number and toks[before].text in self._sw.types:
            page_types = self._sw.types[toks[before].text]
            if k.short and k.types and not (page_types & k.types) and not (
                    page_types & PLAIN_STREET and k.types & PLAIN_STREET):
                return None  # a short form under another kind of street: "Piazza Goethe 21"
            before -= 1
        if not k.number:
            # a house known by its name and place ("Ashgrove, Knocknamanagh" — Irish and British
            # rural addresses): every word in order, and the town or postcode after it (or
            # named elsewhere on the page: "a great night in the Community Hall in Minane
            # Bridge … Bríd Hartigan, Ashgrove, Knocknamanagh") unless the name alone is long
            # enough to be unmistakable
            confirm = self._confirmation(text, folded, end, k)
            if confirm is False or (
                not confirm and len(k.words) < 3 and not self._town_on_page(folded, k)
            ):
                return None
            return start, self._extend(text, folded, end, k), bool(confirm)
        # the house number: just before the name (US/UK) or after it (most of Europe)
        num_after = self._number_near(toks, after, +1)
        num_before = self._number_near(toks, before, -1)
        j = before
        while j >= 0 and not toks[j].is_number and (
                toks[j].text in self._sw.directions or toks[j].text in self._sw.types):
            j -= 1  # "… te Rruga e Durrësit": the type and the article before the name
        if (num_before is None and j >= 2 and len(toks[j].text) <= 3
                and not toks[j].is_number and toks[j - 1].is_number
                and toks[j - 2].text in self._sw.locators):
            # the building by its label and number, then a preposition, then the street:
            # "Pallatit 21 te Rruga Sami Frashëri", "bl. 4 na ulici …"
            num_before = self._number_near(toks, j - 1, -1)
        if num_before is None and num_after is None:
            num_before = self._number_of_the_street(toks, before)
        if (num_before is not None and "\n" in folded[num_before[2] : start]
                and _compare_number(k.number, num_before[0], k.unit) != "exact"):
            # the last number of the line above ("Lusthofbuurt: … 06 22 41 90 37") is not a
            # neighbour's house number: only the profile's own number is read across a line
            num_before = None
        verdicts = []
        for found in (num_before, num_after):
            if found is None:
                continue
            parts, s_, e_ = found
            verdicts.append((_compare_number(k.number, parts, k.unit), s_, e_))
        if not verdicts and num_after is None and num_before is None:
            labelled = self._labelled_number(toks, after)
            if labelled is not None and _compare_number(k.number, labelled[0], k.unit) == "exact":
                # the number apart from the street, under its label, later on the line: a
                # neighbourhood list's "Kortmannlaan en omgeving: Y. El Amrani (nr. 57)"
                verdicts.append(("exact", labelled[1], labelled[2]))
        if not verdicts:
            if _fine_postcode(k.postal) and num_after is None and num_before is None \
                    and _postcode_follows(text, end, k.postal or ""):
                # the street and the full postcode, no house number ("Lived at: Carrwood
                # Grove, Manchester, M20 5QT", as 192.com prints it): a postcode of a street's
                # few houses names the home
                return start, self._extend(text, folded, end, k), True
            return None
        good = [v for v in verdicts if v[0] in ("exact", "partial")]
        if not good:
            return None  # another house on the same street
        verdict, ns, ne = min(good, key=lambda v: v[0] != "exact")
        if k.short and verdict != "exact":
            return None
        if k.letter and other_house_letter(folded, ne, k.letter):
            return None  # "Nedre Lyngbakken 17 A" beside the profile's "17 B": a neighbour
        if k.flats and _other_flat(toks, ne, k.flats):
            return None  # "вул. Клочківська, 204, кв. 35" beside the profile's "кв. 33"
        start, end = min(start, ns), max(end, ne)
        confirm = self._confirmation(text, folded, end, k)
        if confirm is False:
            return None
        if verdict == "partial" and not confirm:
            return None
        return start, self._extend(text, folded, end, k), bool(confirm)

    @staticmethod
    def _number_of_the_street(toks: list[Tok], i: int) -> tuple[tuple[str, ...], int, int] | None:
        """The house number before the street in prose, "au 112 de la rue des Vennes", "al
        número 12 de la calle …", "ao n.º 12 da rua …": a number after "au"/"al"/"ao"/
        "number", then "de la", "du", "de", "da", then the street (token `i` is the one right
        before the street's type)."""
        j, skipped = i, 0
        while j >= 0 and skipped < 3 and not toks[j].is_number and toks[j].text in _OF_ARTICLE:
            j -= 1
            skipped += 1
        if skipped == 0 or j < 1 or not toks[j].is_number or toks[j].newline_before:
            return None
        k = j - 1
        while k >= 1 and toks[k].text in _NUMBER_LABEL:
            k -= 1
        if toks[k].text not in _AT_NUMBER and toks[j - 1].text not in _NUMBER_LABEL:
            return None
        return (toks[j].text,), toks[j].start, toks[j].end

    @staticmethod
    def _labelled_number(toks: list[Tok], i: int) -> tuple[tuple[str, ...], int, int] | None:
        """The first number on the line from token `i` that follows a word meaning "number"
        ("nr. 57", "(Hausnr. 23a)", "broj 45") within a few words, before any other number;
        None otherwise."""
        for j in range(i, min(len(toks) - 1, i + LABEL_REACH)):
            if toks[j].newline_before and j > i or toks[j].is_number:
                return None
            nxt = toks[j + 1]
            if toks[j].text in _NUMBER_LABEL and nxt.is_number and not nxt.newline_before \
                    and nxt.glue in ("", ".", ":"):
                parts, e, k = [nxt.text], nxt.end, j + 2
                while k < len(toks) and toks[k].is_number and toks[k].glue == "/" \
                        and not toks[k].newline_before:
                    parts.append(toks[k].text)
                    e = toks[k].end
                    k += 1
                return tuple(parts), toks[j].start, e
        return None

    def _number_near(self, toks: list[Tok], i: int, step: int) -> tuple[tuple[str, ...], int, int] | None:
        """The house number read from token `i` in direction `step`, skipping locator words
        ("No.", "čp.") and directions; None when a word of something else comes first."""
        seen = 0
        while 0 <= i < len(toks) and seen < WINDOW:
            t = toks[i]
            if t.is_number:
                parts = [t.text]
                s, e = t.start, t.end
                j = i + 1
                while j < len(toks) and toks[j].is_number and toks[j].glue in ("/",) and not toks[j].newline_before:
                    parts.append(toks[j].text)
                    e = toks[j].end
                    j += 1
                if step < 0:
                    # reading backwards: "1412/7 Kounicova" — collect the parts before too
                    # (and a Hawaiian "45-123 Kāneʻohe Bay Dr", the hyphen unspaced)
                    k = i
                    while k > 0 and toks[k - 1].is_number and (toks[k].glue == "/" or (
                            toks[k].glue == "-" and toks[k].start == toks[k - 1].end + 1)):
                        parts.insert(0, toks[k - 1].text)
                        s = toks[k - 1].start
                        k -= 1
                return tuple(parts), s, e
            if t.text in self._sw.locators or t.text in self._sw.directions:
                i += step
                seen += 1
                continue
            if step < 0 and i > 0 and toks[i - 1].is_number and not t.newline_before and (
                    t.text in _NUMBER_SUFFIX or (len(t.text) == 1 and t.text.isalpha())):
                i += step  # "12 B rue Marronniers", "12 bis rue …": the house's suffix
                seen += 1
                continue
            return None
        return None

    def _confirmation(self, text: str, folded: str, end: int, k: AddressKey) -> bool | None:
        """True: the postcode or city after the address is the profile's; False: a postcode of
        the same shape but different follows at once (another town's street); None: nothing
        said either way."""
        tail = text[end : end + TAIL_CHARS]
        cut = re.search(r"\n[ \t]*\n|[;|•·]", tail)
        if cut:
            tail = tail[: cut.start()]
        ftail = folded[end : end + len(tail)]
        if k.postal:
            if k.postal in re.sub(r"[\s\-]", "", tail).upper():
                return True
            # another postcode right after the street, on its line, is another town's street
            line = tail.split("\n", 1)[0][:45]
            up = line.upper()
            cm = re.search(r"(?<![a-z])" + re.escape(k.city) + r"(?![a-z])",
                           ftail[: len(line)]) if k.city else None
            for m in _shape_re(k.postal).finditer(up):
                if cm is not None and cm.end() <= m.start():
                    break  # "…, Ap. 14, Tiranë, blerë në vitin 2018": past the town, a year
                if re.search(r"\d\)?[ \-/.:–—]?$", up[: m.start()]) or re.match(r"[ \-/.:–—]?\d",
                                                                            up[m.end() :]):
                    # part of a phone, a file number or a parcel's cadastral code
                    # ("0264-431097", "018-34 52 71", "0431 6 28 45", "(0268) 555 019",
                    # "79507:034:0110"), or a span of years ("2006–2014"): more digits right
                    # before or after it
                    continue
                if re.fullmatch(r"(?:19|20)\d\d", m.group(0)) and re.search(
                        r"\([^)]{0,12}$", up[: m.start()]):
                    continue  # "Király u. 38. (2006 óta)": the years someone lived there
                if not _REGISTER_LABEL.search(line[: m.start()].lower()):
                    return False
        if any(re.search(r"(?<![a-z])" + re.escape(c) + r"(?![a-z])", ftail) for c in _cities(k)):
            return True
        return None

    def _extend(self, text: str, folded: str, end: int, k: AddressKey) -> int:
        """Take the city and postcode of the same line into the printed value."""
        line_end = text.find("\n", end, end + 60)
        stop = end + 60 if line_end < 0 else line_end
        stop = min(stop, len(text))
        best = end
        if k.city:
            m = re.search(re.escape(k.city), folded[end:stop])
            if m:
                best = max(best, end + m.end())
        if k.postal:
            compact = re.sub(r"\s", "", text[end:stop]).upper()
            if k.postal in compact:
                idx = text[end:stop].upper().find(k.postal[:3])
                idx = end + idx if idx >= 0 else -1
                if idx >= 0:
                    # the postcode itself, its spaces and hyphens included ("NG8 2RW", "602 00")
                    j, seen = idx, 0
                    while j < stop and seen < len(k.postal):
                        if text[j].isalnum():
                            seen += 1
                        elif text[j] not in " -":
                            break
                        j += 1
                    m4 = re.match(r"-\d{4}(?!\d)", text[j:stop])  # "78749-2216"
                    best = max(best, j + (m4.end() if m4 else 0))
        return best


# a street, its house number and the flat, then the postcode (its start is where the search ends):
# "rantakatu 27 b 9\n65100", "isokatu 21, 66900", "via delle corse, 14 - 39012"
# the kinds of street a bilingual town's other language calls plainly a street
_WAY = frozenset({"weg", "gasse", "steig", "zeile"})
# a house number and a street, then a comma, right before a place's name ("7 Cnoc Ard, …")
_NUMBERED_BEFORE = re.compile(r"\d+[a-z]?[ \t]+[a-z'\-]+(?:[ \t][a-z'\-]+){0,3}[ \t]*,[ \t]*$")
# a form's row: a short label, then its value after a tab or a colon ("Ulice\tMinská",
# "Street: Minská"), folded
_FIELD_ROW = re.compile(r"[ \t]*[a-z][^\t\n:\d]{1,38}?(?:[ \t]*\t|[ \t]*:)[ \t]*"
                        r"(?P<v>[^\t\n]{1,60}?)[ \t]*\t?")
_STREET_BEFORE = re.compile(
    r"(?<![a-z0-9])(?P<street>[a-z][a-z'\-]{2,30}(?:[ \t][a-z][a-z'\-]{0,30}){0,3})[ \t]{0,2},?"
    r"[ \t]{1,2}(?P<num>\d{1,4}[a-z]?)(?:[ \t]{1,2}(?P<stair>[a-z])[ \t]?(?P<flat>\d{1,3}))?"
    r"[ \t]{0,2}[,\-–]?[ \t]{0,2}\n?[ \t]{0,2}$"
)
# A label that makes the number after it a register or reference number, not a postcode:
# "str. Brândușei nr. 41, CF 301877" (a land-book number), "parc. 1877", "KW 123456".
_REGISTER_LABEL = re.compile(
    r"(?<![a-z])(?:cf|c\.f|cad|cadastral|nr\. cad|topo|kw|lv|k\.u|parc|parcel|parcela|lot|id|ref|"
    r"apn|tel|fax|cui|cif|cnp|oib|pin|folio|nr|no|č|br)\.?[ \t:#]{0,3}$"
)


def _postcode_and_town(value: str, k: AddressKey, towns: set[str]) -> bool:
    """A value that is the profile's postcode and town together ("01326 dresden", "79117
    freiburg im breisgau")."""
    if not k.postal:
        return False
    m = re.fullmatch(r"([a-z0-9][a-z0-9 \-]{2,9}?)[ \t,]+(.+)", value)
    return m is not None and re.sub(r"[ \-]", "", m.group(1)).upper() == k.postal \
        and any(re.match(re.escape(c) + r"(?![a-z])", m.group(2).strip()) for c in towns)


def _cities(k: AddressKey) -> tuple[str, ...]:
    """The key's city and its other names, folded."""
    return ((k.city,) if k.city else ()) + k.alt_cities


def _shape_re(postal: str) -> re.Pattern[str]:
    """A postcode of the same shape as `postal` (digits where it has digits, letters where it
    has letters, a space or hyphen allowed between), standing alone."""
    body = r"[ \-]?".join(r"\d" if c.isdigit() else "[A-Z]" for c in postal[:10])
    return re.compile(r"(?<![A-Z0-9])" + body + r"(?![A-Z0-9])")


def _fine_postcode(postal: str | None) -> bool:
    """Whether a (normalised) postcode names a few houses, not a town: letters and digits
    mixed, five characters or more (United Kingdom "M205QT", Netherlands "1071XB", Canada
    "V6K2G4", Ireland's Eircode "A94X2Y3"); never digits alone (a US ZIP, a French code postal)."""
    return bool(postal) and len(postal or "") >= 5 and any(c.isalpha() for c in postal or "") \
        and any(c.isdigit() for c in postal or "")


def _postcode_follows(text: str, end: int, postal: str) -> bool:
    """Whether `postal` (normalised) stands on the line right after `end`, within 45 characters."""
    line = text[end : end + 60].split("\n", 1)[0][:45]
    return postal in re.sub(r"[\s\-]", "", line).upper()


def _house_letter(street: str, number: tuple[str, ...]) -> str:
    """The single letter right after the house number of a profile street line ("b" of
    "Nedre Lyngbakken 17 B", "17b" or "Noordendijk 214-B"), or ""."""
    if not number:
        return ""
    m = re.search(r"(?<![\w])" + re.escape(number[0].rstrip("abcdefghijklmnopqrstuvwxyz"))
                  + r"[ \t\-]?([a-z])(?![\w])", fold(street))
    return m.group(1) if m else ""


def other_house_letter(folded: str, end: int, letter: str) -> bool:
    """Whether the page prints another letter than the profile's right after the house number
    that ends at `end` (glued, "17a", after one space, "17 A", or a hyphen, "214-A"), then no
    word goes on."""
    m = re.match(r"[ \t\-]?([a-z])(?![\w])", folded[end : end + 4])
    glued = re.search(r"\d([a-z])$", folded[max(0, end - 3) : end])
    page = (glued.group(1) if glued else "") or (m.group(1) if m else "")
    return bool(page) and page != letter


def _compare_number(mine: tuple[str, ...], page: tuple[str, ...], unit: str = "") -> str:
    """"exact", "partial" (one part of a compound number) or "different". With the profile's
    unit, "3/21" (unit/house, as Australia prints it) is exact for unit 3 of number 21 and
    "5/21" is another flat."""
    mine_l = tuple(p.lower() for p in mine)
    page_l = tuple(p.lower() for p in page)
    if unit and len(mine_l) == 1 and len(page_l) == 2 and page_l[1] == mine_l[0]:
        return "exact" if page_l[0] == unit.lower() else "different"
    if (len(mine_l) == 2 and len(page_l) == 2 and mine_l[0] == page_l[0]
            and mine_l[1] != page_l[1] and mine_l[1].isdigit() and page_l[1].isdigit()):
        return "different"  # "Willowa 23/2" beside "Willowa 23/7": a neighbour's flat
    if mine_l == page_l or mine_l[0] == page_l[0]:
        return "exact"
    bare = tuple(re.sub(r"[a-z]$", "", p) for p in page_l)
    if bare[0] == re.sub(r"[a-z]$", "", mine_l[0]) and len(mine_l[0]) > 1:
        return "partial"  # "12" for "12a"
    if len(mine_l) > 1 and len(page_l) == 1 and page_l[0] in mine_l:
        return "partial"
    if len(page_l) > 1 and len(mine_l) == 1 and mine_l[0] in page_l:
        return "partial"
    return "different"
