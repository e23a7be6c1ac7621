"""Other scripts in Latin letters: Cyrillic and Greek pages are read the way their own countries
write the same names in Latin letters, so that every rule written for Latin text (names,
streets, months, kinship words) reads them too, and a profile written in either script matches a
page written in the other.

- **Cyrillic** has one Latin form per language: Serbian writes "Ж" as "Ž", Bulgarian as "Zh".
  The language is read from the letters only some alphabets have (Serbian "ј љ њ ћ ђ џ",
  Macedonian "ѓ ќ ѕ", Ukrainian "і ї є ґ", Belarusian "ў", Russian "ы э ё"; "щ ъ ь ю я й" with
  none of those is Bulgarian), then from the page's `lang`, then from the audit's country
  (`scheme_for`). Serbian, Macedonian, Montenegrin, Bulgarian and Belarusian go through
  cyrtranslit; Ukrainian by the official passport system (KMU 2010: "Андрій Шевченко" →
  "Andrii Shevchenko") and Russian by the international passport's, both from translitua.
- **Greek** is written by ELOT 743, the Greek standard that passports and official sites use
  ("Ευαγγελία Παπαδοπούλου" → "Evangelia Papadopoulou", "Θεσσαλονίκη" → "Thessaloniki").
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

import cyrtranslit
import translitua

from ..profile import Address, Person, Profile

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")

# letters that only some Cyrillic alphabets have, in the order they decide
_TELLS: list[tuple[str, re.Pattern[str]]] = [
    ("mk", re.compile(r"[ѓќѕЃЌЅ]")),
    ("sr", re.compile(r"[ђћјљњџЂЋЈЉЊЏ]")),
    ("ua", re.compile(r"[іїєґІЇЄҐ]")),
    ("by", re.compile(r"[ўЎ]")),
    ("ru", re.compile(r"[ыэёЫЭЁ]")),
    ("bg", re.compile(r"[щъьюяйЩЪЬЮЯЙ]")),
]
# language codes (ISO 639-1, a page's `lang`, the audit's language) to cyrtranslit's
LANG_SCHEMES = {"sr": "sr", "mk": "mk", "bg": "bg", "ru": "ru", "uk": "ua", "be": "by",
                "me": "me", "cnr": "me"}
COUNTRY_SCHEMES = {"RS": "sr", "ME": "me", "BA": "sr", "MK": "mk", "BG": "bg", "UA": "ua",
                   "RU": "ru", "BY": "by", "MD": "ru", "XK": "sr", "KZ": "ru"}
_LANG_ATTR = re.compile(r"<html[^>]*?\slang\s*=\s*[\"']?([a-zA-Z]{2,3})", re.IGNORECASE)


_ALIAS_SCHEMES = ("ru", "ua", "bg", "sr")
"""The alphabets a profile's Cyrillic names are also read in."""


def profile_scheme(profile: Profile) -> str | None:
    """The Cyrillic alphabet of the audit's pages (a cyrtranslit code), or None: by the audit's
    language, then by its country. A profile's names in Cyrillic are read in it."""
    return LANG_SCHEMES.get(profile.audit.language) or COUNTRY_SCHEMES.get(
        profile.audit.country.upper()
    )


def scheme_for(text: str, default: str | None = None) -> str:
    """The Cyrillic alphabet `text` is written in (a cyrtranslit code): by its letters, else by
    an HTML page's `lang`, else `default`, else Serbian."""
    for code, letters in _TELLS:
        if letters.search(text):
            return code
    m = _LANG_ATTR.search(text[:4000])
    if m and m.group(1).lower() in LANG_SCHEMES:
        return LANG_SCHEMES[m.group(1).lower()]
    return default or "sr"


# cyrtranslit writes a digraph in capitals before a lowercase letter ("Щерева" -> "SHTereva")
_CAPS_DIGRAPH = re.compile(r"\b([A-Z])([A-Z]{1,3})(?=[a-z])")


_BG_FINAL_IA = re.compile(r"([иИ])([яЯ])\b")


def _cyrillic(s: str, scheme: str) -> str:
    if scheme == "ua":
        return str(translitua.translit(s, translitua.UkrainianKMU))
    if scheme == "ru":
        return str(translitua.translit(s, translitua.RussianInternationalPassport))
    if scheme == "bg":
        # the official system writes "ъ" as "a" and a final "-ия" as "-ia" ("Мария" → "Maria",
        # "България" → "Bulgaria"); cyrtranslit writes "ă" and "-iya"
        s = _BG_FINAL_IA.sub(lambda m: m.group(1) + ("А" if m.group(2) == "Я" else "а"), s)
        s = s.replace("ъ", "а").replace("Ъ", "А")
    out = str(cyrtranslit.to_latin(s, scheme))
    if scheme != "sr":
        out = _CAPS_DIGRAPH.sub(lambda m: m.group(1) + m.group(2).lower(), out)
    return out


# --- Greek, ELOT 743 ---------------------------------------------------------------------------

_GREEK_ONE = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψω",
                      "a v g d e z i th i k l m n x o p r s s t y f ch ps o".split(), strict=True))
_GREEK_TWO = {"ου": "ou", "γγ": "ng", "γξ": "nx", "γχ": "nch", "γκ": "gk", "μπ": "mp",
              "ντ": "nt", "αι": "ai", "ει": "ei", "οι": "oi"}
# αυ, ευ, ηυ: "v" before a vowel or a voiced consonant, "f" before a voiceless one or at the end
_VOICELESS = set("θκξπστφχψς")


def _greek_word(word: str) -> str:
    # accents off, but a diaeresis keeps its vowel apart ("Ευαγγελία", "Ευβοϊκός")
    base: list[tuple[str, bool]] = []  # (lowercase base letter, diaeresis)
    for ch in word:
        d = unicodedata.normalize("NFD", ch)
        base.append((d[0].lower(), "\u0308" in d))
    out: list[str] = []
    i = 0
    while i < len(base):
        c = base[i][0]
        nxt = base[i + 1] if i + 1 < len(base) else ("", False)
        if c in "αεη" and nxt[0] == "υ" and not nxt[1]:
            after = base[i + 2][0] if i + 2 < len(base) else ""
            out.append(_GREEK_ONE[c] + ("f" if not after or after in _VOICELESS else "v"))
            i += 2
            continue
        pair = c + nxt[0]
        if pair in _GREEK_TWO and not nxt[1]:
            out.append(_GREEK_TWO[pair])
            i += 2
            continue
        out.append(_GREEK_ONE.get(c, c))
        i += 1
    text = "".join(out)
    letters = [ch for ch in word if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters) and len(letters) > 1:
        return text.upper()
    if letters and letters[0].isupper():
        return text[:1].upper() + text[1:]
    return text


_GREEK_WORD = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]+")


def greek_latin(s: str) -> str:
    """Greek in Latin letters by ELOT 743: "ΠΑΠΑΔΟΠΟΥΛΟΣ" → "PAPADOPOULOS"."""
    return _GREEK_WORD.sub(lambda m: _greek_word(m.group(0)), s)


def latin(s: str, scheme: str | None = None) -> str:
    """Cyrillic and Greek in Latin letters (see the module); other text is unchanged. `scheme`
    is the Cyrillic alphabet (cyrtranslit code) when the caller knows it, e.g. the page's."""
    if s.isascii():
        return s
    if CYRILLIC.search(s):
        s = _cyrillic(s, scheme or scheme_for(s))
    if GREEK.search(s):
        s = greek_latin(s)
    return s


def latin_profile(profile: Profile) -> Profile:
    """The profile with its names, places and organisations in Latin letters, as its pages are
    read (`latin`): a profile written in Greek or Cyrillic is then matched by every rule, with
    the audit's alphabet for Cyrillic. A profile in Latin letters is returned as it is."""
    scheme = profile_scheme(profile)

    def t(s: str | None) -> str | None:
        return latin(s, scheme) if s else s

    def tt(s: str) -> str:
        return latin(s, scheme)

    def aliases(p: Person) -> tuple[str, ...]:
        # a name in Cyrillic is printed in the Latin letters of whichever alphabet the page is
        # in ("Андрей Цуркану": "Andrey Tsurkanu" on a Russian page, "Andrej Curkanu" on a
        # Serbian one): every such form is an alias
        out = [tt(x) for x in p.aliases]
        out += [latin(x, sch) for x in (p.name, *p.aliases) if CYRILLIC.search(x)
                for sch in _ALIAS_SCHEMES]
        # (an alphabet without one of its letters leaves it unread: "Andreй")
        return tuple(dict.fromkeys(x for x in out if x != tt(p.name) and not CYRILLIC.search(x)))

    def addr(a: Address) -> Address:
        return a.model_copy(update={"street": tt(a.street), "city": t(a.city), "region": t(a.region)})

    def person(p: Person) -> Person:
        return p.model_copy(update={
            "name": tt(p.name), "aliases": aliases(p), "court": t(p.court),
            "city": t(p.city), "region": t(p.region), "employer": t(p.employer),
            "school": t(p.school), "addresses": tuple(addr(a) for a in p.addresses)})

    people = [profile.subject, *profile.relatives]
    words = [w for p in people for w in (p.name, *p.aliases, p.city, p.employer, p.school,
                                         *(a.street for a in p.addresses)) if w]
    words += [w for x in profile.excluded for w in (*x.redact, *x.names)]
    if all(latin(w, scheme) == w for w in words):
        return profile
    return dataclasses.replace(
        profile, subject=person(profile.subject),
        relatives=tuple(person(p) for p in profile.relatives),
        excluded=tuple(dataclasses.replace(x, redact=tuple(tt(w) for w in x.redact),
                                         names=tuple(tt(n) for n in x.names))
                       for x in profile.excluded))
