"""Masking: turns personal values into forms safe for an unencrypted report or the store's clear
columns; every report format, the evidence of a finding and the people table go through it.

What stays readable is what lets the owner recognise the value and an officer act on it, and
little else: an initial, a phone's area code and last two digits, an address's city. Street
numbers keep only their first digit (the DESIGN example keeps "1180": with the street's initials
and the city a stranger narrows that down to a few houses, so we do not), and word lengths are
kept only for names (the owner tells "J*** D**" from "J*** S****" at a glance).

`mask_text` masks, in a free-text snippet, every occurrence of the values it is given (names
token by token, case- and accent-insensitively; phones in any punctuation; addresses; e-mails)
and also, generally, any e-mail, phone-like number, street address, coordinate pair and full date.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import phonenumbers
from unidecode import unidecode

from .model import Category, Exposure

if TYPE_CHECKING:
    from .profile import Profile

STAR = "*"
SNIPPET_MAX = 240
"""Longest context snippet shown in evidence (characters, after masking)."""

# Words a name keeps as they are: titles and suffixes identify no one.
NAME_KEEP = {
    "hon", "hon.", "judge", "justice", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
    "jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "judr.", "mgr.", "ing.", "ph.d.", "phd",
    "esq", "esq.", "sir", "dame", "lord", "lady",
}
# Particles that are parts of names but too common to mask on their own inside running text.
NAME_PARTICLES = {"van", "von", "de", "der", "den", "la", "le", "da", "di", "del", "du", "st",
                  "st."}

# Street types: kept (abbreviated) so the reader sees it is an address.
STREET_TYPES = {
    "street": "St", "st": "St", "avenue": "Ave", "ave": "Ave", "av": "Ave", "lane": "Ln",
    "ln": "Ln", "drive": "Dr", "dr": "Dr", "road": "Rd", "rd": "Rd", "court": "Ct", "ct": "Ct",
    "place": "Pl", "pl": "Pl", "boulevard": "Blvd", "blvd": "Blvd", "circle": "Cir", "cir": "Cir",
    "terrace": "Ter", "ter": "Ter", "way": "Way", "highway": "Hwy", "hwy": "Hwy",
    "parkway": "Pkwy", "pkwy": "Pkwy", "trail": "Trl", "trl": "Trl", "square": "Sq", "sq": "Sq",
    "loop": "Loop", "run": "Run", "row": "Row", "close": "Close", "crescent": "Cres",
    "cres": "Cres", "gardens": "Gdns", "grove": "Grove", "hill": "Hill", "mews": "Mews",
    "path": "Path", "pike": "Pike", "alley": "Aly", "point": "Pt", "ridge": "Ridge",
}
DIRECTIONS = {"n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west",
              "n.", "s.", "e.", "w."}
UNIT_WORDS = {"apt", "apt.", "apartment", "unit", "suite", "ste", "ste.", "#", "flat", "fl",
              "floor", "room", "rm", "bldg", "building", "po", "p.o.", "box"}

# Organisation words that identify nothing on their own (school and employer names keep them).
ORG_GENERIC = {
    "school", "middle", "elementary", "high", "primary", "secondary", "junior", "senior",
    "academy", "college", "university", "day", "care", "daycare", "preschool", "kindergarten",
    "montessori", "charter", "public", "private", "international", "the", "of", "and", "at",
    "for", "saint", "st", "st.", "center", "centre", "medical", "hospital", "clinic", "health",
    "inc", "inc.", "llc", "ltd", "ltd.", "co", "co.", "corp", "corp.", "company", "group",
    "services", "department", "office", "county", "city", "state", "district", "unified",
    "základní", "škola", "mateřská", "gymnázium", "a.s.", "s.r.o.",
}

# E-mail domains that say nothing about the person (a custom domain often is the person's name).
COMMON_MAIL_DOMAINS = {
    "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "outlook.com", "hotmail.com",
    "hotmail.co.uk", "live.com", "msn.com", "icloud.com", "me.com", "mac.com", "aol.com",
    "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.de", "gmx.net", "web.de",
    "seznam.cz", "email.cz", "centrum.cz", "post.cz", "mail.com", "zoho.com", "yandex.com",
    "comcast.net", "att.net", "verizon.net", "sbcglobal.net", "btinternet.com",
    "example.com", "example.net", "example.org", "example.edu",
}

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)

# A match starts only where a run of mailbox characters starts, and the runs are possessive: a
# 100 KB run of letters (a hostile URL) is scanned once, not once per position.
_EMAIL_RE = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]++@[A-Za-z0-9\-]++(?:\.[A-Za-z0-9\-]++)+")
_COORD_RE = re.compile(r"(?<![\d.])(-?\d{1,3})\.(\d{3,})\s*,\s*(-?\d{1,3})\.(\d{3,})(?![\d])")
_PHONE_RE = re.compile(
    r"(?<![\w*+])(\+?\d[\d\s().\-/]{5,22}\d)(?![\w*])"
)
_ISO_DATE_RE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_NUM_DATE_RE = re.compile(r"(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?![\d/])")
_WORD_DATE_RE = re.compile(
    rf"(?i)\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+({MONTHS})\.?,?\s+(\d{{4}})|({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}))\b"
)
_STREET_TYPES_RE = "|".join(sorted((re.escape(k) for k in STREET_TYPES), key=len, reverse=True))
_STREET_RE = re.compile(
    # Pages glue labels to values ("Current address2417 Oak Dr"): a letter may precede.
    rf"(?i)(?<![\d*])\d{{1,6}}[A-Za-z]?(?:\s+(?:[NSEW]|NE|NW|SE|SW)\.?)?"
    rf"(?:\s+[A-Za-z][\w'\-]*){{1,4}}?\s+(?:{_STREET_TYPES_RE})\b\.?"
    # "19 Vine Hill Court": a street name may itself end in a street-type word
    rf"(?:\s+(?:{_STREET_TYPES_RE})\b\.?)*"
    rf"(?:\s*,?\s*(?:apt|unit|suite|ste|#)\.?\s*#?\s*[\w\-]+)?"
)
# Digit runs that look like phones but are dates or year ranges.
_NOT_PHONE_RE = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}\s*[-/]\s*\d{4}")
# A US ZIP code after a state code ("CA 95405"): keeps its first three digits, as in addresses.
_ZIP_RE = re.compile(r"(?<=\b[A-Z]{2}\s)(\d{5})(?:-\d{4})?\b")
# A licence plate or similar identifier: 5–8 capitals and digits, at least two of each.
_PLATE_RE = re.compile(
    r"(?<![\w*])(?=(?:[A-Z0-9]*\d){2})(?=(?:[A-Z0-9]*[A-Z]){2})[A-Z0-9]{5,8}(?![\w*])")
# A central-European address: street, then house number "1234/56" (Czech čp./čo.).
_SLASH_ADDR_RE = re.compile(
    r"(?<![\w*\-])([^\W\d_][\w\-]++(?:\s+[^\W\d_][\w\-]++)?)\s+(\d{1,5}/\d{1,5}[a-z]?)(?![\w/])")


# --- single values ---------------------------------------------------------------------------


def _stars(n: int) -> str:
    return STAR * max(n, 1)


def mask_word(word: str) -> str:
    """Initial and one star per remaining letter: "Hidden" → "H*****"."""
    if len(word) <= 1:
        return word
    return word[0] + _stars(len(word) - 1)


def _mask_name_token(tok: str) -> str:
    if tok.lower() in NAME_KEEP:
        return tok
    letters = [c for c in tok if c.isalpha()]
    if len(letters) <= 1:  # "Q." or "Q": an initial identifies no one
        return tok
    # Hyphenated and apostrophe names mask each part: "Smith-Jones" → "S****-J****".
    return re.sub(r"[^\W\d_]+", lambda m: mask_word(m.group(0)), tok)


def mask_name(name: str) -> str:
    """A person's name with each word reduced to its initial: "Jane Q. Doe" → "J*** Q. D**"."""
    return " ".join(_mask_name_token(t) for t in name.split())


def mask_phone(value: str, region: str = "US") -> str:
    """Country code, area code and the last two digits: "+1 707 555 0143" → "+1 707 ***-**43"."""
    digits = re.sub(r"\D", "", value)
    if len(digits) < 4:
        return re.sub(r"\d", STAR, value)
    num = None
    try:
        num = phonenumbers.parse(value, None if value.strip().startswith("+") else region)
    except phonenumbers.NumberParseException:
        num = None
    if num is not None and num.national_number:
        nsn = phonenumbers.national_significant_number(num)
        cc = num.country_code
        if cc == 1 and len(nsn) == 10:
            return f"+1 {nsn[:3]} ***-**{nsn[-2:]}"
        if len(nsn) >= 6:
            return f"+{cc} {nsn[:2]}{_stars(len(nsn) - 4)}{nsn[-2:]}"
    # Unparseable: keep punctuation and the last two digits.
    keep_from = len(digits) - 2
    out, seen = [], 0
    for c in value:
        if c.isdigit():
            out.append(c if seen >= keep_from else STAR)
            seen += 1
        else:
            out.append(c)
    return "".join(out)


def mask_phone_inplace(text: str) -> str:
    """A phone number found in running text, masked where it stands (its punctuation kept):
    "(707) 555-0142" → "(707) ***-**42". A number of ten or more digits keeps its first three
    (the area code) and last two; a shorter one only its last two."""
    n = sum(c.isdigit() for c in text)
    head = 3 if n >= 10 else 0
    out, seen = [], 0
    for c in text:
        if c.isdigit():
            out.append(c if seen < head or seen >= n - 2 else STAR)
            seen += 1
        else:
            out.append(c)
    return "".join(out)


def mask_email(value: str) -> str:
    """First letter of the mailbox; the domain only when it is a common provider:
    "janeqdoe@example.com" → "j******@example.com", "jane@doe-family.org" → "j******@d*****.org"."""
    value = value.strip()
    if "@" not in value:
        return mask_word(value)
    local, _, domain = value.rpartition("@")
    masked_local = (local[:1] or STAR) + STAR * 6
    dom = domain.lower()
    if dom in COMMON_MAIL_DOMAINS:
        return f"{masked_local}@{domain}"
    labels = domain.split(".")
    if len(labels) < 2:
        return f"{masked_local}@{mask_word(domain)}"
    masked = [(lbl[:1] + STAR * 5) if lbl else lbl for lbl in labels[:-1]]
    return f"{masked_local}@{'.'.join(masked + labels[-1:])}"


def _mask_number(tok: str) -> str:
    """A house number or postal token: first character, stars for the rest ("1180" → "1***")."""
    if len(tok) <= 1:
        return tok
    return tok[0] + re.sub(r"[0-9A-Za-z]", STAR, tok[1:])


def _mask_locality_token(tok: str) -> str:
    if any(c.isdigit() for c in tok):
        keep = 3 if len(tok) >= 5 else 1
        return tok[:keep] + re.sub(r"[0-9A-Za-z]", STAR, tok[keep:])
    return tok


def _street_type(tok: str) -> str | None:
    return STREET_TYPES.get(re.sub(r"[^\w]", "", tok.lower()))


def _mask_street_part(part: str) -> str:
    """A street line: the house number to its first digit, every word of the street's name to
    its initial, the street type (the last type word: "19 Vine Hill Court" is Vine Hill, a Court)
    and directions kept, a unit hidden."""
    toks = part.split()
    last_type = max((i for i, t in enumerate(toks) if i > 0 and _street_type(t)), default=-1)
    out = []
    in_unit = False
    for i, tok in enumerate(toks):
        low = tok.lower().rstrip(",")
        if low in UNIT_WORDS or low.startswith("#"):
            in_unit = True
            masked = "#" + _stars(len(tok) - 1) if tok.startswith("#") and len(tok) > 1 else tok
            out.append(masked)
            continue
        if in_unit:
            out.append(_stars(len(tok)))
            continue
        kind = _street_type(tok)
        if any(c.isdigit() for c in tok):
            out.append(re.sub(r"[\w]+", lambda m: _mask_number(m.group(0)), tok))
        elif kind and i == last_type:
            out.append(kind + ("," if tok.endswith(",") else ""))
        elif low in DIRECTIONS:
            out.append(tok)
        else:
            out.append(re.sub(r"[^\W\d_]+", lambda m: mask_word(m.group(0)), tok))
    return " ".join(out)


def _mask_street_line(line: str) -> str:
    """A street line that may run on into the town ("1180 Hidden Oak Lane Santa Rosa CA
    95404"): the street ends at its street type — the last of a run of them, "Vine Hill Court" —
    and a unit right after it."""
    toks = line.split()
    cut = None
    for i, t in enumerate(toks):
        if i > 0 and _street_type(t):
            cut = i + 1
            while cut < len(toks) and _street_type(toks[cut]):
                cut += 1
            if cut < len(toks) and toks[cut].lower().rstrip(".#") in UNIT_WORDS | {"apt", ""}:
                cut = min(len(toks), cut + 2)
            break
    if cut is None:
        return _mask_street_part(line)
    street, rest = " ".join(toks[:cut]), toks[cut:]
    return " ".join([_mask_street_part(street), *(_mask_locality_token(t) for t in rest)])


def mask_address(value: str) -> str:
    """The street line reduced to initials and the house number to its first digit; the city and
    region stay, postal codes keep their first characters:
    "1180 Hidden Oak Lane, Santa Rosa, CA 95404" → "1*** H***** O** Ln, Santa Rosa, CA 954**"."""
    value = " ".join(value.split())
    parts = [p.strip() for p in value.split(",")]
    out = [_mask_street_line(parts[0])]
    for i, p in enumerate(parts[1:]):
        # A second part that is a unit ("Apt 4") belongs to the street line.
        first = p.split()[0].lower() if p.split() else ""
        if i == 0 and (first in UNIT_WORDS or first.startswith("#")):
            out.append(_mask_street_part(p))
        else:
            out.append(" ".join(_mask_locality_token(t) for t in p.split()))
    return ", ".join(out)


def mask_date(value: str) -> str:
    """Dates keep the year only ("1968-03-14" → "1968-**-**"); an age stays ("Age 57")."""
    out = _ISO_DATE_RE.sub(lambda m: f"{m.group(1)}-**-**", value)
    out = _NUM_DATE_RE.sub(lambda m: f"**{m.group(2)}**{m.group(2)}{m.group(4)}", out)
    out = _WORD_DATE_RE.sub(lambda m: f"** *** {m.group(3) or m.group(6)}", out)
    return out


def mask_coords(value: str) -> str:
    """Coordinates cut to one decimal (about 10 km): "38.4721, -122.6690" → "38.4**, -122.6**"."""

    def sub(m: re.Match[str]) -> str:
        return f"{m.group(1)}.{m.group(2)[0]}**, {m.group(3)}.{m.group(4)[0]}**"

    out = _COORD_RE.sub(sub, value)
    if out == value:  # a single number or an unusual format: hide every digit after the first
        return re.sub(r"(?<=\d)\d", STAR, value)
    return out


def _mask_plate(tok: str) -> str:
    if len(tok) <= 2:
        return _stars(len(tok))
    return tok[0] + _stars(len(tok) - 2) + tok[-1]


def mask_vehicle(value: str) -> str:
    """Make and model stay; a plate-like token (letters and digits mixed) keeps its ends:
    "grey 2019 Subaru Outback, plate 8KXR214" → "grey 2019 Subaru Outback, plate 8*****4"."""

    def plate(m: re.Match[str]) -> str:
        tok = m.group(0)
        if tok.isdigit() and len(tok) == 4:  # a model year
            return tok
        return tok[0] + _stars(len(tok) - 2) + tok[-1]

    return re.sub(r"\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{3,9}\b|\b\d{5,}\b",
                  plate, value)


def mask_org(value: str) -> str:
    """A school or employer name with its distinctive words reduced to initials:
    "Brookside Middle School" → "B******** Middle School"."""
    out = []
    for tok in value.split():
        if re.sub(r"[^\w.]", "", tok.lower()) in ORG_GENERIC or len(tok) <= 2:
            out.append(tok)
        else:
            out.append(re.sub(r"[^\W\d_]+", lambda m: mask_word(m.group(0)), tok))
    return " ".join(out)


def mask_handle(value: str) -> str:
    """A username or account URL: the platform stays, the handle keeps its first character."""
    value = value.strip()
    if "://" in value or value.startswith("www."):
        try:
            parts = urlsplit(value if "://" in value else "https://" + value)
        except ValueError:
            return mask_word(value)
        path = re.sub(r"[^/?#=&]{2,}", lambda m: m.group(0)[0] + _stars(len(m.group(0)) - 1),
                      parts.path)
        return f"{parts.scheme}://{parts.netloc}{path}"
    lead = "@" if value.startswith("@") else ""
    core = value.lstrip("@")
    return lead + (core[:1] + _stars(len(core) - 1) if len(core) > 1 else core)


def mask_value(category: Category | str, value: str) -> str:
    """The masked form of one value of the given category, for an unencrypted report."""
    cat = Category(category)
    value = " ".join(str(value).split())
    if not value:
        return value
    if cat in (Category.HOME_ADDRESS, Category.ADDRESS):
        return mask_address(value)
    if cat is Category.PHONE:
        return mask_phone(value)
    if cat is Category.EMAIL:
        return mask_email(value)
    if cat is Category.BIRTH_DATE:
        return mask_date(value)
    if cat in (Category.RELATIVE, Category.MENTION):
        return mask_name(value)
    if cat is Category.GEOLOCATION:
        return mask_coords(value)
    if cat is Category.VEHICLE:
        return mask_vehicle(value)
    if cat in (Category.SCHOOL, Category.WORKPLACE):
        return mask_org(value)
    if cat is Category.ACCOUNT:
        return mask_handle(value)
    # photo: a caption, alt text or image URL: mask what it contains
    return mask_text(value, ())


# --- free text ---------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    """Case- and accent-folded form of one character, of the same length (so positions in the
    folded text are positions in the original)."""
    low = c.lower()
    if low.isascii():
        return low
    base = unicodedata.normalize("NFKD", low)[:1]
    if base.isascii() and base:
        return base
    u = unidecode(low)
    return u if len(u) == 1 else low


def fold(text: str) -> str:
    """Lowercase, accents removed, same length as `text`."""
    if text.isascii():
        return text.lower()
    return "".join(c.lower() if c.isascii() else _fold_char(c) for c in text)


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    """Matched against the folded text."""
    kind: str
    """How a match is masked: name | word | street (a word of a street's name, with the house
    number before it) | phone | email | address | handle | org | date | coords | vehicle |
    plate."""
    lit: str = ""
    """When every match starts where a run of letters and digits starts, with these folded
    characters: the run's first characters are enough to find the patterns worth trying
    there (`_Matcher`)."""
    digits: str = ""
    """Digits every match holds one after the other (a phone's, a date's): a text whose digits
    do not hold them cannot match."""
    at: str = ""
    """An e-mail's "@" and the three characters after it: every match holds them."""


Secret = str | tuple[str, str]
"""A value to mask: a plain string (its kind is guessed) or (kind or Category value, value)."""

KIND_BY_CATEGORY = {
    Category.HOME_ADDRESS.value: "address", Category.ADDRESS.value: "address",
    Category.PHONE.value: "phone", Category.EMAIL.value: "email",
    Category.BIRTH_DATE.value: "date", Category.RELATIVE.value: "name",
    Category.MENTION.value: "name", Category.SCHOOL.value: "org",
    Category.WORKPLACE.value: "org", Category.GEOLOCATION.value: "coords",
    Category.ACCOUNT.value: "handle", Category.VEHICLE.value: "vehicle",
    Category.PHOTO.value: "skip",  # a caption or alt text identifies no one by itself
}
_KINDS = {"name", "phone", "email", "address", "date", "coords", "handle", "org", "vehicle", "zip",
          "skip"}


def _kind_of(secret: str) -> str:
    s = secret.strip()
    digits = sum(c.isdigit() for c in s)
    letters = sum(c.isalpha() for c in s)
    if "@" in s and _EMAIL_RE.fullmatch(s):
        return "email"
    if _COORD_RE.fullmatch(s):
        return "coords"
    if digits >= 7 and letters <= 1:
        return "phone"
    if _ISO_DATE_RE.fullmatch(s) or _NUM_DATE_RE.fullmatch(s) or _WORD_DATE_RE.fullmatch(s):
        return "date"
    if _AGE_RE.fullmatch(s):
        return "skip"
    if digits and letters and (" " in s) and (
        re.match(r"^\d", s) or "," in s or re.search(r"\d+/\d+", s) or re.search(r"\s\d+\w?$", s)
    ):
        return "address"
    if " " not in s and (digits or "_" in s or "." in s):
        return "handle"
    if any(re.sub(r"[^\w]", "", t.lower()) in ORG_GENERIC for t in s.split()[1:]):
        return "org"
    return "name"


_AGE_RE = re.compile(
    r"(?i)(?:age|aged|born(?: in)?|b\.)?\s*\d{1,4}(?:\s*(?:years?|yrs?)(?: old)?)?")
"""An age or a year alone: not worth masking everywhere (it is not an identifier)."""


def _typed(secret: Secret) -> tuple[str, str]:
    """(kind, value) of a secret."""
    if isinstance(secret, tuple):
        kind, value = secret
        kind = KIND_BY_CATEGORY.get(str(kind), str(kind))
        if kind not in _KINDS:
            kind = _kind_of(value)
        if kind == "date" and _AGE_RE.fullmatch(value.strip()):
            kind = "skip"
        return kind, " ".join(str(value).split())
    value = " ".join(secret.split())
    return _kind_of(value), value


def _flex(text: str, street: bool = False) -> str:
    """Regex for folded `text` that tolerates any run of spaces/punctuation between words; with
    `street`, a street type matches its other spellings ("drive" ~ "dr")."""
    words = re.findall(r"\w+", fold(text))
    parts = []
    for w in words:
        if street and w in STREET_TYPES:
            forms = sorted({k for k, v in STREET_TYPES.items() if v == STREET_TYPES[w]},
                           key=len, reverse=True)
            parts.append("(?:" + "|".join(re.escape(f) for f in forms) + ")")
        else:
            parts.append(re.escape(w))
    return r"[\s,.\-_/+]*".join(parts)


_BOUND_L = r"(?<![^\W_])"
_BOUND_R = r"(?![^\W_])"


@lru_cache(maxsize=1)
def _case_ending() -> str:
    """The case endings the matcher reads (analyze.names), as one optional group."""
    from .analyze.names import CASE_ENDINGS

    return "(?:" + "|".join(sorted(CASE_ENDINGS, key=len, reverse=True)) + ")?"


def _word_pattern(word: str, kind: str = "name") -> _Pattern | None:
    f = fold(word)
    if len(f) < 3 or f in NAME_PARTICLES or f in NAME_KEEP:
        return None
    # Inflected forms (Czech "Řezníčková" → "Řezníčkovou") share all but the last letters; a
    # short name keeps all but its last letter and takes a case ending ("Marina" → "Marinas",
    # "Marine", "Marinou"; "Jana" → "Janou"), never any longer word ("Anna" is not "annual")
    if len(f) >= 7:
        stem, lead = re.escape(f[:-2]) + r"\w{0,6}", f[:-2]
    elif len(f) >= 4 and kind == "name" and f.isalpha():
        stem, lead = re.escape(f[:-1]) + r"[a-z]?" + _case_ending(), f[:-1]
    else:
        stem, lead = re.escape(f), f
    return _Pattern(re.compile(_BOUND_L + stem + _BOUND_R), kind, lit=_lead(lead))


def _first_word(text: str) -> str:
    words = re.findall(r"\w+", fold(text))
    return words[0] if words else ""


def _flex_lead(text: str, street: bool) -> str:
    """What every match of `_flex(text, street)` starts with: its first word's letters and
    digits ("" when the first word is a street type, which has several spellings)."""
    first = _first_word(text)
    if street and first in STREET_TYPES:
        return ""
    return _lead(first)


def _street_words(value: str) -> list[str]:
    """The distinctive words of an address's street line ("Alderbrook" of "2417 Alderbrook
    Drive"): a snippet may name the street without the number."""
    street = value.split(",")[0]
    out = []
    for i, tok in enumerate(re.findall(r"[^\W\d_]+", street)):
        low = tok.lower()
        if low in STREET_TYPES and i > 0:
            break  # what follows the street type is the town ("… Dr Santa Rosa CA")
        if low in DIRECTIONS or low in UNIT_WORDS or len(tok) < 4:
            continue
        out.append(tok)
    return out


def _handle_of(value: str) -> str:
    """The handle of an account value: "https://x.com/jdoe/" → "jdoe", "@jdoe" → "jdoe"."""
    v = value.strip()
    if "://" in v:
        try:
            parts = [p for p in urlsplit(v).path.split("/") if p]
        except ValueError:
            parts = []
        v = parts[-1] if parts else ""
    return v.lstrip("@")


_ALNUM_RUN = re.compile(r"[^\W_]+")


def _lead(folded: str) -> str:
    """The letters and digits a folded literal starts with ("" when it starts otherwise)."""
    m = _ALNUM_RUN.match(folded)
    return m.group(0) if m else ""


def _bounded(literal: str, kind: str) -> _Pattern:
    """A folded literal matched as whole words: where a run of letters and digits starts."""
    return _Pattern(re.compile(_BOUND_L + re.escape(literal) + _BOUND_R), kind, lit=_lead(literal))


@lru_cache(maxsize=16384)  # ~2 KB a value: an audit's every value stays compiled once
def _patterns_for(kind: str, s: str) -> tuple[_Pattern, ...]:
    if len(s) < 2 or kind == "skip":
        return ()
    pats: list[_Pattern] = []
    if kind == "phone":
        digits = re.sub(r"\D", "", s)
        variants = {digits}
        try:
            num = phonenumbers.parse(s, None if s.startswith("+") else "US")
            variants.add(phonenumbers.national_significant_number(num))
        except phonenumbers.NumberParseException:
            pass
        for d in sorted(variants, key=len, reverse=True):
            if len(d) >= 7:
                rx = r"[\s().\-/]{0,3}".join(re.escape(c) for c in d)
                pats.append(_Pattern(re.compile(
                    rf"(?<!\d)(?:\+?\d{{1,3}}[\s.\-]{{0,2}})?\(?{rx}(?!\d)"), "phone", digits=d))
        return tuple(pats)
    if kind in ("email", "date", "coords"):
        f = fold(s)
        at = f.find("@")
        return (_Pattern(re.compile(re.escape(f)), kind, at=f[at:at + 4] if at >= 0 else "",
                         digits=re.sub(r"\D", "", f)),)
    if kind == "zip":
        return (_Pattern(re.compile(r"(?<![\w*])" + _flex(s) + r"(?![\w*])"), "zip",
                         lit=_lead(_first_word(s))),) if len(s) >= 4 else ()
    if kind == "handle":
        h = _handle_of(s)
        return (_bounded(fold(h), "handle"),) if len(h) >= 3 else ()
    # The whole value first (longest match wins), then its distinctive words one by one.
    street_kind = kind == "address"
    whole = _flex(s, street=street_kind)
    if whole:
        pats.append(_Pattern(re.compile(_BOUND_L + whole + _BOUND_R), kind,
                             lit=_flex_lead(s, street_kind)))
    if kind == "address":
        street = s.split(",")[0]
        if street != s:
            pats.append(_Pattern(re.compile(_BOUND_L + _flex(street, street=True) + _BOUND_R),
                                 "address", lit=_flex_lead(street, True)))
        words = _street_words(s)
    elif kind == "vehicle":
        # A licence plate: letters and digits mixed, or a long digit run.
        words = []
        for tok in re.findall(r"[A-Za-z0-9-]{4,10}", s):
            if re.search(r"\d", tok) and (re.search(r"[A-Za-z]", tok) or len(tok) >= 5) \
                    and not re.fullmatch(r"(19|20)\d\d", tok):
                pats.append(_bounded(fold(tok), "plate"))
    elif kind == "org":
        words = [t for t in re.findall(r"[^\W\d_]+", s) if fold(t) not in ORG_GENERIC]
    else:
        words = re.findall(r"[^\W\d_]+", s)
    for w in words:
        p = _word_pattern(w, {"name": "name", "address": "street"}.get(kind, "word"))
        if p is not None:
            pats.append(p)
    return tuple(pats)


def _host_words(kind: str, value: str) -> set[str]:
    """The distinctive words of one typed value that reveal the person inside a host name."""
    out: set[str] = set()
    if kind in ("name", "handle", "org"):
        src = _handle_of(value) if kind == "handle" else value
        for t in re.findall(r"[^\W\d_]{4,}", src.split("@")[0]):
            f = fold(t)
            if f not in ORG_GENERIC and f not in NAME_PARTICLES and f not in NAME_KEEP:
                out.add(f)
    return out


def _host_tokens(secrets: Iterable[Secret]) -> set[str]:
    """Distinctive words that, inside a host name, reveal the person: names, handles, a school's
    or employer's name ("brookside-middle.example.org")."""
    out: set[str] = set()
    for sec in secrets:
        out |= _host_words(*_typed(sec))
    return out


def _mask_kind(kind: str, original: str) -> str:
    if kind == "phone":
        return mask_phone_inplace(original)
    if kind == "email":
        return mask_email(original)
    if kind == "address":
        return mask_address(original)
    if kind == "date":
        return mask_date(original)
    if kind == "org":
        return mask_org(original)
    if kind == "handle":
        return mask_handle(original)
    if kind == "coords":
        return mask_coords(original)
    if kind == "vehicle":
        return mask_vehicle(original)
    if kind == "plate":
        return _mask_plate(original)
    if kind == "word":
        return mask_word(original)
    if kind == "street":
        return _mask_street_part(original)
    if kind == "zip":
        return original[:3] + re.sub(r"\d", STAR, original[3:])
    return mask_name(original)


def _generic_spans(text: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for m in _EMAIL_RE.finditer(text):
        spans.append((m.start(), m.end(), "email"))
    for m in _COORD_RE.finditer(text):
        spans.append((m.start(), m.end(), "coords"))
    for rx in (_ISO_DATE_RE, _NUM_DATE_RE, _WORD_DATE_RE):
        for m in rx.finditer(text):
            spans.append((m.start(), m.end(), "date"))
    for m in _STREET_RE.finditer(text):
        spans.append((m.start(), m.end(), "address"))
    for m in _SLASH_ADDR_RE.finditer(text):
        spans.append((m.start(), m.end(), "address"))
    for m in _ZIP_RE.finditer(text):
        spans.append((m.start(), m.end(), "zip"))
    for m in _PLATE_RE.finditer(text):
        spans.append((m.start(), m.end(), "plate"))
    for m in _PHONE_RE.finditer(text):
        cand = m.group(1)
        n = sum(c.isdigit() for c in cand)
        if _NOT_PHONE_RE.search(cand):  # a date or a year range, maybe with more digits
            continue
        if 7 <= n <= 15:
            spans.append((m.start(1), m.end(1), "phone"))
    return spans


def _apply(text: str, spans: list[tuple[int, int, str]]) -> str:
    # Longest span first, then earliest; overlapping shorter spans are dropped. A byte per
    # character marks what is taken, so each span costs its own length (not the number of spans
    # already taken: a page with 100,000 phone-like numbers stays linear).
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    occupied = bytearray(len(text))
    taken: list[tuple[int, int, str]] = []
    for s in spans:
        start, end = s[0], s[1]
        if end <= start or occupied.find(1, start, end) != -1:
            continue
        occupied[start:end] = b"\x01" * (end - start)
        taken.append(s)
    taken.sort()
    out, pos = [], 0
    for start, end, kind in taken:
        out.append(text[pos:start])
        out.append(_mask_kind(kind, text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


class _Matcher:
    """Every pattern of a set of values, indexed by what a match must start with or hold, so
    that masking a text costs the text's length (and its matches), not the number of values:
    an audit's view holds every value found, and a report masks every finding with it.

    - most patterns match whole words: a match starts where a run of letters and digits starts,
      with known characters (`_Pattern.lit`); the run's first characters pick the patterns
      worth trying there;
    - a phone's or a date's match holds its digits one after the other: only a text whose
      digits hold them is searched for it;
    - an e-mail's match holds its "@domain": only a text with that is searched for it;
    - the few patterns left are searched for in every text.
    Each pattern still finds exactly the matches `finditer` would: the index only skips the
    places and texts where it cannot match."""

    def __init__(self, secrets: Iterable[Secret] = ()) -> None:
        self.tok: dict[str, list[_Pattern]] = {}
        self.dig: dict[str, list[_Pattern]] = {}
        self.at: dict[str, list[_Pattern]] = {}
        self.other: list[_Pattern] = []
        self._seen: set[tuple[str, str]] = set()
        self.host_tokens: frozenset[str] = frozenset()
        """Distinctive words that, inside a host name or glued into a URL word, reveal the
        person (`_host_tokens`)."""
        self._by4: dict[str, list[str]] = {}
        self.cjk: tuple[str, ...] = ()
        """Runs of Chinese characters or Hangul in the values, found as written: fold gives
        those scripts no letters to bound a word with, and they put no space around a name
        ("윤재현씨", "法官陳慧玲亦有")."""
        self._add(secrets)

    def _add(self, secrets: Iterable[Secret]) -> None:
        hosts: set[str] = set()
        for secret in secrets:
            if not secret or (isinstance(secret, tuple) and not secret[1]):
                continue
            kind, value = _typed(secret)
            hosts |= _host_words(kind, value)
            for written in _CJK_RUN.findall(value):
                if written not in self.cjk:
                    self.cjk = (*self.cjk, written)
            for p in _patterns_for(kind, value):
                key = (p.regex.pattern, p.kind)
                if key in self._seen:
                    continue
                self._seen.add(key)
                if p.at and len(p.at) == 4:
                    self.at[p.at] = [*self.at.get(p.at, ()), p]
                elif len(p.digits) >= 4:
                    self.dig[p.digits[:4]] = [*self.dig.get(p.digits[:4], ()), p]
                elif p.lit:
                    self.tok[p.lit[:3]] = [*self.tok.get(p.lit[:3], ()), p]
                else:
                    self.other = [*self.other, p]
        new = hosts - self.host_tokens
        if new:
            self.host_tokens = self.host_tokens | new
            for t in new:
                self._by4[t[:4]] = [*self._by4.get(t[:4], ()), t]

    def plus(self, secrets: Iterable[Secret]) -> _Matcher:
        """This matcher with more values: the index is copied (its lists are never changed in
        place, so both stay valid), not built again."""
        m = _Matcher.__new__(_Matcher)
        m.tok, m.dig, m.at, m.other = dict(self.tok), dict(self.dig), dict(self.at), self.other
        m._seen, m.host_tokens, m._by4 = set(self._seen), self.host_tokens, dict(self._by4)
        m.cjk = self.cjk
        m._add(secrets)
        return m

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Where the values occur in `text` (start, end, kind), as `finditer` of each of their
        patterns over the folded text finds them."""
        folded = fold(text)
        found: list[tuple[_Pattern, re.Match[str]]] = []
        if self.tok:
            after: dict[int, int] = {}  # pattern id → end of its last match (no overlaps)
            for run in _ALNUM_RUN.finditer(folded):
                tok, pos = run.group(0), run.start()
                for key in dict.fromkeys((tok[:3], tok[:2], tok[:1])):
                    for p in self.tok.get(key, ()):
                        if after.get(id(p), -1) > pos or not folded.startswith(p.lit, pos):
                            continue
                        m = p.regex.match(folded, pos)
                        if m is not None and m.end() > m.start():
                            found.append((p, m))
                            after[id(p)] = m.end()
        candidates: dict[int, _Pattern] = {}
        if self.dig:
            digits = "".join(c for c in folded if c.isdigit()) if any(
                c.isdigit() for c in folded) else ""
            for i in range(len(digits) - 3):
                for p in self.dig.get(digits[i:i + 4], ()):
                    if p.digits in digits:
                        candidates[id(p)] = p
        if self.at:
            j = folded.find("@")
            while j >= 0:
                for p in self.at.get(folded[j:j + 4], ()):
                    candidates[id(p)] = p
                j = folded.find("@", j + 1)
        for p in (*candidates.values(), *self.other):
            found.extend((p, m) for m in p.regex.finditer(folded) if m.end() > m.start())
        spans: list[tuple[int, int, str]] = []
        for written in self.cjk:
            at = text.find(written)
            while at >= 0:
                spans.append((at, at + len(written), "name"))
                at = text.find(written, at + len(written))
        for p, m in found:
            start = m.start()
            if p.kind == "street":  # "14 Wrenbeck Gr": the house number goes with it
                num = _HOUSE_NUMBER_BEFORE.search(text, max(0, start - 12), start)
                start = num.start() if num else start
            spans.append((start, m.end(), p.kind))
        return spans

    def holds_token(self, word: str, min_len: int = 4) -> bool:
        """Whether the folded `word` holds one of the distinctive words (at least `min_len`
        long) anywhere inside it."""
        for i in range(len(word) - 3):
            for t in self._by4.get(word[i:i + 4], ()):
                if len(t) >= min_len and word.startswith(t, i):
                    return True
        return False


CJK_LETTERS = "\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af"
"""Chinese characters (Han, with the compatibility forms) and Hangul syllables, as a character
class: scripts that put no space around a name (the analyzer reads them by this class too)."""
_CJK_RUN = re.compile(f"[{CJK_LETTERS}]{{2,}}")
_HOUSE_NUMBER_BEFORE = re.compile(r"(?<![\w*])\d{1,6}[A-Za-z]?,?\s+$")


# Words that start a capitalised run but are not given names ("Relatives Lucas Doe").
_NOT_GIVEN = {
    "related", "relatives", "relative", "current", "previous", "past", "address", "addresses",
    "phone", "phones", "age", "lives", "lived", "born", "judge", "justice", "hon", "the", "and",
    "with", "spouse", "husband", "wife", "mother", "father", "son", "daughter", "brother",
    "sister", "mr", "mrs", "ms", "dr", "mom", "dad", "family", "associates", "email", "mobile",
    "landline", "photo", "by", "to", "of", "in", "at", "for", "from", "aka", "also", "known",
}
_GIVEN_BEFORE = re.compile(r"(?:([A-Z][a-z'’\-]+|[A-Z]\.?)\s+){1,3}$")
_GIVEN_AFTER = re.compile(r"^\s+((?:[A-Z]{2,}|[A-Z]\.?)(?:\s+(?:[A-Z]{2,}|[A-Z]\.?)){0,2})\b")


def _extend_names(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A family surname masks the given names written next to it: "Lucas D Whitfield" hides
    "Lucas D" too, and "WHITFIELD LUCAS D" hides "LUCAS D" — relatives the profile does not name
    (or who did not consent) are listed that way on people-search pages."""
    out = list(spans)
    for start, end, kind in spans:
        if kind != "name":
            continue
        offset = max(0, start - 60)
        before = _GIVEN_BEFORE.search(text[offset:start])
        if before:
            run = before.group(0)
            words = list(re.finditer(r"\S+", run))
            # drop leading words that are labels, not names ("Relatives", "Judge")
            while words and words[0].group(0).strip(".").lower() in _NOT_GIVEN:
                words.pop(0)
            if words:
                s0 = offset + before.start() + words[0].start()
                e0 = offset + before.start() + words[-1].end()
                out.append((s0, e0, "name"))
        if text[start:end].isupper():
            after = _GIVEN_AFTER.match(text[end:end + 60])
            if after:
                out.append((end + after.start(1), end + after.end(1), "name"))
    return out


def mask_text(text: str, secrets: Iterable[Secret]) -> str:
    """`text` with every occurrence of the given values masked (names word by word, case- and
    accent-insensitively, with the given names written next to a family surname; phones
    whatever their punctuation), and with any e-mail, phone-like number, street address, ZIP
    code, licence-plate-like code, coordinate pair and full date masked as well."""
    return _mask_text(text, _Matcher(secrets)) if text else text


def _mask_text(text: str, matcher: _Matcher) -> str:
    if not text:
        return text
    spans = _extend_names(text, matcher.spans(text)) + _generic_spans(text)
    return _apply(text, spans)


# A North-American phone number written into a URL with separators ("/phone/1-707-555-0199"):
# masked even when it is nobody's listed value; bare digit runs stay (usually page ids).
_URL_PHONE_RE = re.compile(r"(?<![\w*])(?:\+?1[-. ])?\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}(?![\w*])")


def mask_url(url: str, secrets: Iterable[Secret]) -> str:
    """A URL with the given values masked in its host labels, path, query and fragment (a
    people-search URL often holds the name or the phone: ".../707-555-0142"), also where a name
    is glued into a longer word, and any e-mail or separated phone number in it. Opaque ids and
    the site stay, so the listing can still be found. Bare numbers are not masked here: a
    URL's numbers are usually page ids."""
    return _mask_url(url, _Matcher(secrets)) if url else url


def _mask_url(url: str, matcher: _Matcher) -> str:
    if not url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return _mask_text(url, matcher)
    if not parts.scheme or not parts.netloc:
        return _mask_text(url, matcher)
    host = _mask_host(parts.netloc, matcher)
    rest = url[len(f"{parts.scheme}://{parts.netloc}"):]
    rest = unquote(rest)
    spans = matcher.spans(rest)
    spans += [(m.start(), m.end(), "email") for m in _EMAIL_RE.finditer(rest)]
    spans += [(m.start(), m.end(), "phone") for m in _URL_PHONE_RE.finditer(rest)]
    # Words of a name, handle, school or employer glued into a longer word of a URL
    # ("/u/ewhitfield1968", "/dwhitfield.outdoors"): the whole word is masked.
    if matcher.host_tokens:
        spans += [(m.start(), m.end(), "word") for m in _ALNUM_RUN.finditer(fold(rest))
                  if matcher.holds_token(m.group(0), 5)]
    return f"{parts.scheme}://{host}{_apply(rest, spans)}"


def mask_host(host: str, secrets: Iterable[Secret]) -> str:
    """A host name with every label that holds a name, handle, school or employer masked
    ("brookside-middle.example.org" → "b***************.example.org"); the top-level domain and
    plain labels stay."""
    return _mask_host(host, _Matcher(secrets))


def _mask_host(host: str, matcher: _Matcher) -> str:
    if not matcher.host_tokens:
        return host
    labels = host.split(".")
    out = []
    for i, lbl in enumerate(labels):
        if i < len(labels) - 1 and matcher.holds_token(fold(lbl)):
            out.append(mask_word(lbl))
        else:
            out.append(lbl)
    return ".".join(out)


# --- findings --------------------------------------------------------------------------------


def profile_secrets(profile: Profile) -> tuple[Secret, ...]:
    """Every value of the profile's (consenting) people that a report must never show in clear,
    typed: names and aliases, phones, e-mails, usernames, street addresses, employer, school."""
    cached = _SECRETS_CACHE.get(id(profile))
    if cached is not None and cached[0] is profile:
        return cached[1]
    from .analyze.scripts import latin, profile_scheme

    scheme = profile_scheme(profile)
    out: list[Secret] = []
    for p in profile.people:
        out.extend(("name", n) for n in p.all_names())
        # pages in Greek or Cyrillic are quoted in Latin letters: those spellings too
        out.extend(("name", latin(n, scheme)) for n in p.all_names() if latin(n, scheme) != n)
        out.extend(("address", latin(a.street, scheme)) for a in p.addresses
                   if latin(a.street, scheme) != a.street)
        out.extend(("org", latin(o, scheme)) for o in (p.employer, p.school)
                   if o and latin(o, scheme) != o)
        out.extend(("phone", x) for x in p.phones)
        out.extend(("email", x) for x in p.emails)
        out.extend(("handle", x) for x in p.usernames)
        for a in p.addresses:
            out.append(("address", a.street))
            if a.unit:
                out.append(("address", f"{a.street} {a.unit}"))
            if a.city:
                out.append(("address", f"{a.street}, {a.city}"))
            if a.postal_code:
                out.append(("zip", a.postal_code))
        if p.employer:
            out.append(("org", p.employer))
        if p.school:
            out.append(("org", p.school))
    result = tuple(dict.fromkeys(s for s in out if s[1] and len(s[1].strip()) >= 2))
    with _SECRETS_LOCK:
        if len(_SECRETS_CACHE) > 32:
            _SECRETS_CACHE.clear()
        _SECRETS_CACHE[id(profile)] = (profile, result)
    return result


_SECRETS_CACHE: dict[int, tuple[object, tuple[Secret, ...]]] = {}
_SECRETS_LOCK = threading.Lock()


def clean_snippet(text: str, limit: int = SNIPPET_MAX) -> str:
    """One line, no control characters, at most `limit` characters (cut at a word)."""
    text = "".join(c if c.isprintable() else " " for c in text)
    text = " ".join(text.split())
    if len(text) > limit:
        cut = text[:limit].rsplit(" ", 1)[0]
        text = cut + "…"
    return text


CUT_WINDOW = 100
"""A context at least this long was cut out of a longer text by the analyzer (a window of about
120 characters around the value), most likely in the middle of a word at either end."""


def tidy_snippet(context: str, value: str = "") -> str:
    """A context snippet without the half words the analyzer's window cut at its ends
    ("ience fair night … Superior Cour" → "…fair night … Superior…"); the value itself is never
    cut. A short context is a whole line and stays as it is."""
    text = " ".join(context.split())
    if len(text) < CUT_WINDOW:
        return text
    keep_from, keep_to = 0, len(text)
    if value:
        i = fold(text).find(fold(" ".join(value.split())))
        if i >= 0:
            keep_from, keep_to = i, i + len(" ".join(value.split()))
    words = list(re.finditer(r"\S+", text))
    if len(words) < 3:
        return text
    start, end = 0, len(text)
    first, last = words[0], words[-1]
    # A window that starts in lower case started inside a sentence, probably inside a word.
    if first.group(0)[:1].islower() and first.end() <= keep_from:
        start = words[1].start()
    # A window that ends on a letter or digit (not on punctuation) ended inside a sentence.
    if last.group(0)[-1:].isalnum() and last.start() >= keep_to:
        end = words[-2].end()
    out = text[start:end]
    return ("…" if start else "") + out + ("…" if end < len(text) else "")


def evidence(exp: Exposure, profile: Profile) -> str:
    """Masked value and masked context snippet, safe for an unencrypted report:
    '1*** H***** O** Ln, Santa Rosa — "…lives at 1*** H***** O** Ln with M*** D**…"'."""
    base = profile_secrets(profile)
    found = (exp.category.value, exp.value)
    with _SECRETS_LOCK:
        cached = _MATCHERS.get(id(base))
    if cached is None or cached[0] is not base:
        cached = (base, _Matcher(base))
        with _SECRETS_LOCK:
            if len(_MATCHERS) > 32:
                _MATCHERS.clear()
            _MATCHERS[id(base)] = cached
    return Redactor._from((*base, found), cached[1].plus([found])).evidence(
        exp.category, exp.value, exp.context)


_MATCHERS: dict[int, tuple[tuple[Secret, ...], _Matcher]] = {}
"""The index of a profile's values, built once (each finding's evidence adds its own value)."""


class Redactor:
    """The masking view of one audit: every value an unencrypted output must not show (the
    profile's values and every value found), and the one place that masks text, URLs, hosts
    and evidence with them. Every report format, the terminal summary and the store's clear
    columns get their masked strings from a Redactor built the same way (`for_audit`), so a
    report written again later masks exactly what the first one did."""

    def __init__(self, secrets: Iterable[Secret] = (), _matcher: _Matcher | None = None) -> None:
        self.secrets: tuple[Secret, ...] = tuple(dict.fromkeys(
            s for s in secrets
            if s and (not isinstance(s, tuple) or (s[1] and str(s[1]).strip()))))
        """Typed values to mask (kind or Category value, value)."""
        self._matcher = _matcher if _matcher is not None else _Matcher(self.secrets)
        # A report masks the same action, step and rationale for many findings: each distinct
        # string is masked once.
        self._texts: dict[str, str] = {}
        self._urls: dict[str, str] = {}

    @classmethod
    def _from(cls, secrets: Iterable[Secret], matcher: _Matcher) -> Redactor:
        """A Redactor of `secrets` whose index `matcher` is already built."""
        return cls(secrets, _matcher=matcher)

    @classmethod
    def for_audit(cls, profile_values: Iterable[Secret], findings: Iterable[object] = ()
                  ) -> Redactor:
        """The view of an audit: the profile's values (`profile_secrets`, or the copy the
        store keeps sealed) and the full value of each finding, typed by its category (a
        photo's value is a caption: it masks nothing)."""
        out: list[Secret] = list(profile_values)
        for f in findings:
            value = getattr(f, "value", None)
            cat = getattr(f, "category", None)
            if value and cat is not None:
                out.append((str(getattr(cat, "value", cat)), str(value)))
        return cls(out)

    def text(self, text: str) -> str:
        """Free text with every value (and any e-mail, phone, street, date…) masked."""
        out = self._texts.get(text)
        if out is None:
            out = self._texts[text] = _mask_text(text, self._matcher)
        return out

    def url(self, url: str) -> str:
        """A URL with every value in its host, path, query and fragment masked."""
        out = self._urls.get(url)
        if out is None:
            out = self._urls[url] = _mask_url(url, self._matcher)
        return out

    def host(self, host: str) -> str:
        """A host name whose labels naming a person, a school or an employer are masked."""
        return _mask_host(host, self._matcher)

    def evidence(self, category: Category | str, value: str, context: str | None) -> str:
        """The masked value, and the masked context snippet in quotes."""
        if Category(category) is Category.PHOTO:  # a caption, alt text or the image's URL
            masked = self.url(value) if "://" in value else self.text(value)
        else:
            masked = mask_value(category, value)
        ctx = " ".join((context or "").split())
        if not ctx or ctx == " ".join(value.split()):
            return masked
        snippet = clean_snippet(self.text(tidy_snippet(ctx, value)))
        return f"{masked} — “{snippet}”"

    def full_evidence(self, value: str, context: str | None) -> str:
        """The full value and its context (encrypted outputs and `footprint open` only)."""
        ctx = clean_snippet(tidy_snippet(context or "", value), 600) if context else ""
        return value + (f" — “{ctx}”" if ctx and ctx != value else "")
