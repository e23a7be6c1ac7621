"""Street addresses and localities in page text.

Two jobs. (1) The profile's OWN addresses are recognised in any country and spelling: both sides
are folded and tokenised, street types and directions are canonicalised ("Dr" = "Drive", "N" =
"North"), and a match needs the street name, the house number (Czech "1234/5" also matches "1234"
or "5" when the postcode or city confirms) and no conflicting street type or postcode next to it.
(2) UNKNOWN addresses are found for the US, Canada and the UK with pyap, run only on short windows
that end at a ZIP, state or postcode (pyap on a whole page takes ~0.5 s and glues neighbouring
addresses together), and for Czechia with a bounded regex ("Kounicova 1234/5, 602 00 Brno").
Localities ("Austin, TX", "602 00 Brno", "Leeds, UK", "lives in Bend") are reported too: a block
that places the person elsewhere is a contradiction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyap
import usaddress

from ..profile import Address
from .extract import ExtractContext, Found, collapse
from .names import fold

US_STATES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
}
CA_PROVINCES = ("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT")

# Canonical forms of street words (folded). Applied to the page and the profile alike.
CANON = {
    "dr": "drive",
    "drv": "drive",
    "st": "street",
    "str": "street",
    "rd": "road",
    "ave": "avenue",
    "av": "avenue",
    "avn": "avenue",
    "ln": "lane",
    "ct": "court",
    "crt": "court",
    "blvd": "boulevard",
    "pl": "place",
    "ter": "terrace",
    "terr": "terrace",
    "cir": "circle",
    "hwy": "highway",
    "pkwy": "parkway",
    "sq": "square",
    "cres": "crescent",
    "cl": "close",
    "gdns": "gardens",
    "gr": "grove",
    "mt": "mount",
    "trl": "trail",
    "wy": "way",
    "plz": "plaza",
    "n": "north",
    "s": "south",
    "e": "east",
    "w": "west",
    "ne": "northeast",
    "nw": "northwest",
    "se": "southeast",
    "sw": "southwest",
    "apt": "unit",
    "ste": "unit",
    "suite": "unit",
    "flat": "unit",
    "no": "unit",
    "ul": "ulice",
    "nam": "namesti",
    "tr": "trida",
}
STREET_TYPES = frozenset(
    "drive street road avenue lane court boulevard place terrace circle highway parkway square "
    "crescent close gardens grove way trail plaza row loop walk mews hill rise view ulice namesti "
    "trida nabrezi".split()
)
DIRECTIONS = frozenset("north south east west northeast northwest southeast southwest".split())
_TOKEN = re.compile(r"[a-z0-9]+(?:/[0-9]{1,5}[a-z]?)?")

_POSTAL_RE = {
    "US": re.compile(r"(?<!\d)\d{5}(?:-\d{4})?(?!\d)"),
    "GB": re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{1,2}\d[A-Za-z\d]?\s?\d[A-Za-z]{2}(?![A-Za-z0-9])"),
    "CA": re.compile(r"(?<![A-Za-z0-9])[A-Za-z]\d[A-Za-z]\s?\d[A-Za-z]\d(?![A-Za-z0-9])"),
    "CZ": re.compile(r"(?<!\d)\d{3}\s?\d{2}(?!\d)"),
    "SK": re.compile(r"(?<!\d)\d{3}\s?\d{2}(?!\d)"),
}
_GENERIC_POSTAL = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z0-9]{2,5}[ -]?[A-Za-z0-9]{2,4}(?![A-Za-z0-9])"
)


def canon_tokens(s: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical token) of a folded string."""
    return [(m.start(), m.end(), CANON.get(m.group(0), m.group(0))) for m in _TOKEN.finditer(s)]


def norm_postal(s: str) -> str:
    """Postcode without spaces, uppercase, ZIP+4 cut to the ZIP ("95405-1234" → "95405")."""
    s = re.sub(r"\s", "", s).upper()
    return s[:5] if re.fullmatch(r"\d{5}-\d{4}", s) else s


@dataclass(frozen=True)
class _Pattern:
    key: str
    number: str
    names: tuple[str, ...]
    type: str | None
    postal: str | None
    city: str | None
    country: str


class KnownAddresses:
    """Matches the profile's own addresses in folded text. `key` is whatever the caller wants
    back (the analyzer uses "person:index")."""

    def __init__(self, addresses: Iterable[tuple[str, Address]]) -> None:
        self.patterns: list[_Pattern] = []
        for key, a in addresses:
            toks = [t for _s, _e, t in canon_tokens(fold(a.street))]
            nums = [t for t in toks if any(c.isdigit() for c in t)]
            words = [t for t in toks if not any(c.isdigit() for c in t) and t != "unit"]
            # the street type is the last word ("Vine Hill Court": "hill" is part of the name)
            stype = words[-1] if len(words) > 1 and words[-1] in STREET_TYPES else None
            if stype:
                words = words[:-1]
            while len(words) > 1 and words[0] in DIRECTIONS:
                words = words[1:]
            names = tuple(words)
            if not nums or not names:
                continue
            # the house number is the number next to the street name
            number = nums[-1] if toks.index(names[0]) > toks.index(nums[-1]) else nums[0]
            if toks.index(names[0]) < toks.index(nums[0]):
                number = nums[0]  # "Kounicova 1234/5": number after the name
            self.patterns.append(
                _Pattern(
                    key=key,
                    number=number,
                    names=names,
                    type=stype,
                    postal=norm_postal(a.postal_code) if a.postal_code else None,
                    city=fold(a.city) if a.city else None,
                    country=a.country or "",
                )
            )
        cores = sorted({max(p.names, key=len) for p in self.patterns}, key=len, reverse=True)
        self._core_re = (
            re.compile(
                r"(?<![a-z0-9])(?:" + "|".join(re.escape(c) for c in cores) + r")(?![a-z0-9])"
            )
            if cores
            else None
        )

    def pattern(self, key: str) -> _Pattern | None:
        """The parsed form of the address with that key (None if it has no number or name)."""
        return next((p for p in self.patterns if p.key == key), None)

    def find(self, text: str, folded: str) -> list[Found]:
        """Every occurrence of a known address, as Found("address", attrs=(("known", key),))."""
        if self._core_re is None:
            return []
        out: list[Found] = []
        for m in self._core_re.finditer(folded):
            for p in self.patterns:
                if max(p.names, key=len) != m.group(0):
                    continue
                hit = self._check(text, folded, m.start(), p)
                if hit is not None:
                    s, e = hit
                    if not any(f.start == s and f.attr("known") == p.key for f in out):
                        out.append(Found("address", s, e, collapse(text[s:e]), (("known", p.key),)))
        return out

    def _check(self, text: str, folded: str, at: int, p: _Pattern) -> tuple[int, int] | None:
        w0 = max(0, at - 60)
        window = folded[w0 : at + 160]
        toks = [(s + w0, e + w0, t) for s, e, t in canon_tokens(window)]
        idx = next((i for i, (s, _e, _t) in enumerate(toks) if s == at), None)
        if idx is None:
            return None
        core_pos = p.names.index(max(p.names, key=len))
        first = idx - core_pos
        last = first + len(p.names) - 1
        if first < 0 or last >= len(toks):
            return None
        if tuple(t for _s, _e, t in toks[first : last + 1]) != p.names:
            return None
        # street type right after the name (or before, "ulice Kounicova") must agree if printed
        after = last + 1
        if after < len(toks) and toks[after][2] in STREET_TYPES:
            if p.type and toks[after][2] != p.type:
                return None
            after += 1
        start = toks[first][0]
        end = toks[after - 1][1]
        # house number: before the name (US/UK, maybe with a direction), or after (CZ/EU)
        num_tok = None
        before = first - 1
        if before >= 0 and toks[before][2] in DIRECTIONS:
            before -= 1
        if before >= 0 and _has_digit(toks[before][2]):
            num_tok = toks[before]
        elif after < len(toks) and _has_digit(toks[after][2]):
            num_tok = toks[after]
        if num_tok is None:
            return None
        exact, partial = _number_match(p.number, num_tok[2])
        if not (exact or partial):
            return None
        start = min(start, num_tok[0])
        end = max(end, num_tok[1])
        # what follows: a postcode/city that confirms or contradicts
        tail_s = end
        tail = text[tail_s : tail_s + 90]
        # the address ends where the next one starts (a new line with a number, a separator)
        cut = re.search(r"\n[ \t]{0,4}(?:\d|[A-Za-z]{1,12}:)|[;|•·]", tail)
        if cut:
            tail = tail[: cut.start()]
        tail_f = folded[tail_s : tail_s + len(tail)]
        confirmed = False
        postal_re = _POSTAL_RE.get(p.country)
        if p.postal:
            if postal_re is not None:
                for cand in postal_re.finditer(tail):
                    if cand.start() > 70:
                        break
                    if _is_unit_number(tail, cand.start()) or (
                        p.country in ("GB", "CA") and not cand.group(0).isupper()
                    ):
                        continue
                    if norm_postal(cand.group(0)) != p.postal:
                        return None  # another postcode right after the street: another place
                    confirmed = True
                    end = tail_s + cand.end()
                    break
            elif p.postal in re.sub(r"\s", "", tail).upper():
                confirmed = True
        if p.city:
            cm = re.search(r"(?<![a-z])" + re.escape(p.city) + r"(?![a-z])", tail_f[:70])
            if cm:
                confirmed = True
                end = max(end, tail_s + cm.end())
        if partial and not confirmed:
            return None
        return start, end


def _is_unit_number(tail: str, i: int) -> bool:
    return bool(
        re.search(r"(?:apt|unit|suite|ste|#|flat|no\.?)\s{0,2}$", tail[max(0, i - 8) : i], re.I)
    )


def _has_digit(t: str) -> bool:
    return any(c.isdigit() for c in t)


def _number_match(profile: str, page: str) -> tuple[bool, bool]:
    """(exact, partial) agreement of house numbers; "1234/5" partly matches "1234" and "5"."""
    if profile == page:
        return True, False
    pp = profile.split("/")
    pg = page.split("/")
    if len(pp) == 2 and len(pg) == 1 and pg[0] in pp:
        return False, True
    if len(pg) == 2 and len(pp) == 1 and pp[0] in pg:
        return False, True
    return False, False


# --- unknown addresses and localities -----------------------------------------------------------

_STATE_ALT = "|".join(sorted(US_STATES, key=len))
_STATE_NAME_ALT = "|".join(
    sorted((re.escape(v) for v in US_STATES.values()), key=len, reverse=True)
)
# A ZIP code after a state ("CA 95405", "California 95405-1234"): found from the digits, then
# the state is checked just before them.
_ZIP = re.compile(r"\d{5}(?:-\d{4})?(?![0-9])")
_STATE_BEFORE = re.compile(rf"(?<![A-Za-z])(?:{_STATE_ALT}|{_STATE_NAME_ALT})\.?,?[ \t]{{1,3}}$")
_CITY = r"[A-Z][A-Za-z'.\-]{1,24}(?:[ \t][A-Z][A-Za-z'.\-]{1,24}){0,2}"
_CITY_BEFORE = re.compile(rf"(?<![A-Za-z])({_CITY}),?[ \t]{{0,2}}$")
_STATE_AFTER = re.compile(rf",[ \t]{{1,3}}({_STATE_ALT})(?![A-Za-z])")
_UK_AREAS = (
    "UK|United Kingdom|England|Scotland|Wales|Northern Ireland|West Yorkshire|North Yorkshire|"
    "South Yorkshire|East Yorkshire|Greater London|Greater Manchester|Merseyside|Lancashire|"
    "Kent|Surrey|Essex|Hampshire|Devon|Cornwall|Norfolk|Suffolk|Cheshire|Derbyshire|"
    "Nottinghamshire|Leicestershire|Lincolnshire|Oxfordshire|Cambridgeshire|Somerset|Dorset|"
    "Cumbria|Northumberland|Tyne and Wear|West Midlands|Sussex|East Sussex|West Sussex"
)
_COUNTRY_AFTER = re.compile(
    rf",[ \t]{{1,3}}({_UK_AREAS}|USA|Canada|Czech Republic|Czechia|Česko|Ireland|Australia)"
    r"(?![A-Za-z])"
)
# matched in the folded text; the city is then read from the original at the same offset
_LIVES_IN = re.compile(
    r"(?<![a-z])(?:li(?:ves|ving) in|based in|resides in|located in|hometown:?|location:|city:|"
    r"zije v|bydli v)[ \t]{1,3}"
)
_CITY_AT = re.compile(_CITY)
_CZ_LETTER = r"[^\W\d_]"
# A European postcode and its town, as the last part of a printed address: at a line's start,
# after a comma or a cell break, and the town closing the line, the cell or the sentence part
# ("Assendorperstraat 140, 8012 DK Zwolle"; "79117 Freiburg"; "30-001 Kraków"). The country
# decides the postcode's shape (a five-digit number alone is too common a thing to be one).
_EU_TOWN = r"([A-ZÀ-Ž][^\W\d_]{1,30}(?:[ \-](?:[A-ZÀ-Ž]|a[mn] |im |sur |de |di )[^\W\d_]{1,30}){0,3})"
_EU_TAIL = r"(?=[ \t]*(?:$|[,\t(]|\n))"
_EU_LEAD = r"(?:^|(?<=,[ ])|(?<=\t)|(?<=\n))"


def _year_column(text: str, pos: int) -> bool:
    """Whether the table cell at `pos` sits under a header of years of birth or ages ("Année",
    "Jahrgang", "Age"), or, in a table without a header, reads as a year of birth: a number
    there is no postcode, and the next cell no town."""
    from .match.birth import AGE_HEAD, YEAR_HEAD
    from .names import fold
    from .text import header_above, header_cell

    if header_above(text, text.rfind("\n", 0, pos) + 1) is None:
        # a table without a header row (a second heat under its own heading): a number that
        # reads as a year of birth is one
        return 1900 <= int(text[pos : pos + 4]) <= 2030 if text[pos : pos + 4].isdigit() else False
    head = header_cell(text, pos)
    cell = fold(head).strip(" .:") if head is not None else ""
    return bool(YEAR_HEAD.fullmatch(cell) or AGE_HEAD.fullmatch(cell))


def _eu(postcode: str) -> re.Pattern[str]:
    return re.compile(_EU_LEAD + rf"({postcode})[ \t]{{1,2}}" + _EU_TOWN + _EU_TAIL, re.M)


_EU_POSTCODE_CITY = {
    "NL": _eu(r"\d{4}[ ]?[A-Z]{2}"),
    **{c: _eu(r"\d{5}") for c in ("DE", "FR", "IT", "ES", "HR", "RS", "FI", "EE", "ME", "BA")},
    **{c: _eu(r"\d{4}") for c in ("AT", "CH", "BE", "HU", "DK", "NO", "LU", "SI", "BG", "MK")},
    "PL": _eu(r"\d{2}-\d{3}"),
    "PT": _eu(r"\d{4}-\d{3}"),
    "RO": _eu(r"\d{6}"),
    "SE": _eu(r"\d{3}[ ]?\d{2}"),
}
# postcode + city, then the street and number are read backwards from the postcode
_CZ_PSC_CITY = re.compile(
    rf"(?<![\d/])(\d{{3}}[ \t]?\d{{2}}),?[ \t]{{1,3}}"
    rf"({_CZ_LETTER}{{2,30}}(?:[ \-]{{1,3}}(?:\d{{1,2}}(?!\d)|{_CZ_LETTER}{{2,30}})){{0,2}})"
)
_CZ_STREET_BEFORE = re.compile(
    rf"({_CZ_LETTER}{{1,30}}(?:[ \-.]{{1,2}}{_CZ_LETTER}{{1,30}}){{0,3}})[ \t]{{1,2}}"
    rf"(\d{{1,4}}(?:/\d{{1,4}}[a-zA-Z]?)?),?[ \t\n]{{1,3}}"
    # an optional part of the city between number and postcode ("…, Veveří, 602 00 Brno")
    rf"(?:{_CZ_LETTER}{{2,30}}(?:[ \-]{{1,3}}{_CZ_LETTER}{{2,30}}){{0,2}},[ \t\n]{{1,3}})?$"
)


MAX_PYAP_CALLS = 200
"""pyap calls allowed per page. One call takes ~1–10 ms (longer for a window crowded with
postcodes), so a page repeating "CA 95404" a thousand times would otherwise take seconds; real
listing pages need far fewer (a 300-card listing: ~150)."""


@dataclass
class ParseBudget:
    """How much pyap work one page may still cost. Created per page by the analyzer and passed to
    every `addresses` call of that page (never shared between pages: the analyzer is used from
    several threads)."""

    calls_left: int = MAX_PYAP_CALLS
    """pyap calls still allowed on this page."""
    unread: int = 0
    """Candidate windows (text ending at a postcode) left unparsed once the budget ran out:
    the page was not fully read, and the analyzer reports it as such."""
    failed: int = 0
    """Candidate windows pyap could not parse (it raises on odd input): reported, not hidden."""
    cache: dict[tuple[str, str], list[Any]] = field(default_factory=dict)
    """pyap's answer per (country, window): a page that repeats the same address block parses
    it once."""


class PlaceExtractor:
    """Unknown street addresses (US, CA, GB with pyap; CZ with a regex) and localities."""

    kinds = ("address", "locality")

    def extract(self, text: str, folded: str, ctx: ExtractContext) -> Iterable[Found]:
        out = self.addresses(text, folded, ctx) + self.localities(text, folded, ctx)
        return sorted(out, key=lambda f: (f.start, f.kind))

    @staticmethod
    def _countries(ctx: ExtractContext) -> list[str]:
        return [c for c in ctx.address_countries if c in ("US", "CA", "GB", "CZ", "SK")]

    def addresses(
        self,
        text: str,
        folded: str,
        ctx: ExtractContext,
        start: int = 0,
        end: int | None = None,
        budget: ParseBudget | None = None,
    ) -> list[Found]:
        """Unknown street addresses in text[start:end]. The analyzer calls this per listing
        block, and only for blocks that may be about a profile person (pyap is the slow part);
        it passes one `budget` for all blocks of a page. Without one, this call gets its own."""
        end = len(text) if end is None else end
        budget = budget if budget is not None else ParseBudget()
        out: list[Found] = []
        for c in self._countries(ctx):
            if c in ("CZ", "SK"):
                out += self._czech(text, start, end)
            else:
                out += self._pyap(text, c, start, end, budget)
        return sorted(out, key=lambda f: f.start)

    def localities(self, text: str, folded: str, ctx: ExtractContext) -> list[Found]:
        """Cities the text places someone in (cheap: regular expressions only)."""
        out = self._localities(text, self._countries(ctx), folded)
        for c in ctx.address_countries:
            rx = _EU_POSTCODE_CITY.get(c)
            if rx is None:
                continue
            for m in rx.finditer(text):
                if "\t" in text[m.end(1) : m.start(2)] and _year_column(text, m.start(1)):
                    continue  # "RENARD Louise | 2015 | RCNC": a year of birth, then a club
                    # (postcode and town in cells of their own is rarer than a year column)
                out.append(Found("locality", m.start(2), m.end(2), _city_key(m.group(2)),
                                 (("postal", norm_postal(m.group(1))),)))
        return out

    def triggers(self, text: str, ctx: ExtractContext) -> list[int]:
        """Offsets of postcodes and "ST 12345" state/ZIP pairs: where addresses end. Cheap
        signals for the block splitter."""
        out: list[int] = []
        for c in self._countries(ctx):
            if c in ("CZ", "SK"):
                out += [m.start() for m in _CZ_PSC_CITY.finditer(text)]
            else:
                out += [s for s, _e in self._triggers(text, c, 0, len(text))]
        return sorted(out)

    # -- pyap on short windows -----------------------------------------------------------------

    def _triggers(self, text: str, country: str, start: int, end: int) -> list[tuple[int, int]]:
        if country == "US":
            out_us = []
            for m in _ZIP.finditer(text, start, end):
                if m.start() > 0 and text[m.start() - 1].isdigit():
                    continue
                sb = _STATE_BEFORE.search(text, max(start, m.start() - 24), m.start())
                if sb:
                    out_us.append((sb.start(), m.end()))
            return out_us
        rx = _POSTAL_RE[country]
        out = []
        for m in rx.finditer(text, start, end):
            tok = m.group(0)
            if tok.isupper() or tok.replace(" ", "").isdigit():
                out.append((m.start(), m.end()))
        return out

    def _pyap(
        self, text: str, country: str, start: int, end: int, budget: ParseBudget
    ) -> list[Found]:
        out: list[Found] = []
        prev_end = start
        seen: set[tuple[int, int]] = set()
        for ts, te in self._triggers(text, country, start, end):
            ws = max(prev_end, ts - 150)
            window = text[ws:te]
            if not any(ch.isdigit() for ch in window[: ts - ws]):
                continue  # no house number before the place: not a street address
            key = (country, window)
            found = budget.cache.get(key)
            if found is None:
                if budget.calls_left <= 0:
                    budget.unread += 1
                    continue
                budget.calls_left -= 1
                try:
                    found = list(pyap.parse(window, country=country))
                except (ValueError, KeyError, IndexError):  # pyap raises on odd input
                    budget.failed += 1
                    found = []
                budget.cache[key] = found
            if not found and country == "US":
                # a street without a street type pyap knows ("3402 Speedway Apt 204, Austin,
                # TX 78705"): usaddress reads the line the ZIP closes
                hit = self._us_line(text, max(ws, text.rfind("\n", ws, ts) + 1), te)
                if hit is not None and (hit.start, hit.end) not in seen:
                    seen.add((hit.start, hit.end))
                    out.append(hit)
                    prev_end = max(prev_end, hit.end)
                continue
            for a in found:
                d = a.as_dict()
                street = (d.get("full_street") or "").strip()
                if not street:
                    continue
                s = _locate(window, street)
                if s < 0:
                    continue
                postal = (d.get("postal_code") or "").strip()
                e = s + len(street)
                if postal:
                    pi = window.find(postal, e)
                    if 0 <= pi < e + 80:
                        e = pi + len(postal)
                city = (d.get("city") or "").strip()
                region = (d.get("region1") or d.get("state") or "").strip()
                if country == "US" and not city:
                    city = self._us_city(window[s:e])
                abs_s, abs_e = ws + s, ws + e
                # a street pyap glued to the cells before it ("Agent Name\tRowan Bell
                # Architects\t\nAgent Address\t14 Barlow Moor Road"): it starts after the last
                # cell or line break before its house number
                digit = re.search(r"\d", text[abs_s:abs_e])
                if digit is not None:
                    cut = max(text.rfind("\t", abs_s, abs_s + digit.start()),
                              text.rfind("\n", abs_s, abs_s + digit.start()))
                    if cut >= 0:
                        abs_s = cut + 1
                        while abs_s < abs_e and text[abs_s] in " \t":
                            abs_s += 1
                if any(ch.isdigit() for ch in city):
                    city = ""  # a street read as the town
                if (abs_s, abs_e) in seen:
                    continue
                seen.add((abs_s, abs_e))
                attrs = [("country", country)]
                if city:
                    attrs.append(("city", fold(city)))
                if postal:
                    attrs.append(("postal", norm_postal(postal)))
                if region:
                    attrs.append(("region", region.upper()))
                out.append(
                    Found(
                        "address", abs_s, abs_e, collapse(text[abs_s:abs_e]), tuple(sorted(attrs))
                    )
                )
            if out:
                prev_end = max(prev_end, out[-1].end)
        return out

    @staticmethod
    def _us_line(text: str, ls: int, te: int) -> Found | None:
        """A US address on one line ending at its ZIP, as usaddress tags it: a house number,
        a street name and a city, and nothing before the number but a label."""
        line = text[ls:te]
        if re.search(r"[*•]|XXX", line):
            return None  # a masked teaser's street ("2417 W Eas***** Ave") is nobody's address
        m = re.search(r"(?<![\w-])(\d{1,6})[ \t]+[A-Z]", line)
        if m is None or re.search(r"\d", line[: m.start()]) or re.search(
                r"(?i)(?:suite|ste|apt|unit|room|rm|floor|fl|box|no|#)\.?[ \t]*$", line[: m.start()]):
            return None  # a unit or box number is no house number
        try:
            tags, kind = usaddress.tag(collapse(line[m.start():]))
        except usaddress.RepeatedLabelError:
            return None
        if kind != "Street Address" or tags.get("AddressNumber") != m.group(1) or not (
                tags.get("StreetName") and tags.get("PlaceName") and tags.get("ZipCode")):
            return None
        attrs = [("country", "US"), ("city", fold(str(tags["PlaceName"]))),
                 ("postal", norm_postal(str(tags["ZipCode"])))]
        if tags.get("StateName"):
            attrs.append(("region", str(tags["StateName"]).upper()))
        s = ls + m.start()
        return Found("address", s, te, collapse(text[s:te]), tuple(sorted(attrs)))

    @staticmethod
    def _us_city(s: str) -> str:
        """usaddress splits a US address string; its PlaceName is the city pyap missed."""
        try:
            tags, _kind = usaddress.tag(collapse(s))
        except usaddress.RepeatedLabelError:
            return ""
        return str(tags.get("PlaceName", ""))

    # -- Czech ---------------------------------------------------------------------------------

    def _czech(self, text: str, start: int, end: int) -> list[Found]:
        out = []
        for m in _CZ_PSC_CITY.finditer(text, start, end):
            city = m.group(2)
            if not city[0].isupper():
                continue
            ws = max(start, m.start() - 90)
            sm = _CZ_STREET_BEFORE.search(text, ws, m.start())
            if sm is None or not sm.group(1)[0].isupper():
                continue
            start = sm.start()
            attrs = (
                ("city", _city_key(city)),
                ("country", "CZ"),
                ("postal", norm_postal(m.group(1))),
            )
            out.append(Found("address", start, m.end(), collapse(text[start : m.end()]), attrs))
        return out

    # -- localities ----------------------------------------------------------------------------

    def _localities(
        self, text: str, countries: list[str], folded: str | None = None
    ) -> list[Found]:
        out = []

        def city_before(at: int, attrs: tuple[tuple[str, str], ...]) -> None:
            m = _CITY_BEFORE.search(text, max(0, at - 80), at)
            if m:
                out.append(Found("locality", m.start(1), m.end(1), _city_key(m.group(1)), attrs))

        for m in _STATE_AFTER.finditer(text):
            city_before(m.start(), (("region", m.group(1)),))
        for m in _COUNTRY_AFTER.finditer(text):
            city_before(m.start(), (("country", m.group(1)),))
        for m in _LIVES_IN.finditer(fold(text) if folded is None else folded):
            cm = _CITY_AT.match(text, m.end())
            if cm:
                out.append(Found("locality", cm.start(), cm.end(), _city_key(cm.group(0))))
        if "CZ" in countries or "SK" in countries:
            for m in _CZ_PSC_CITY.finditer(text):
                if m.group(2)[0].isupper():
                    out.append(
                        Found(
                            "locality",
                            m.start(2),
                            m.end(2),
                            _city_key(m.group(2)),
                            (("postal", norm_postal(m.group(1))),),
                        )
                    )
        if "GB" in countries:
            for m in _POSTAL_RE["GB"].finditer(text):
                if m.group(0).isupper():
                    city_before(m.start(), (("postal", norm_postal(m.group(0))),))
        return out


def _city_key(city: str) -> str:
    """Folded city without a district number ("Praha 1" → "praha")."""
    return " ".join(t for t in fold(city).split() if not t.isdigit())


def _locate(window: str, street: str) -> int:
    """Where pyap's (re-spaced) street string starts in the window."""
    i = window.find(street)
    if i >= 0:
        return i
    first = street.split()[0] if street.split() else ""
    m = re.search(re.escape(first) + r"\b", window) if first else None
    return m.start() if m else -1
