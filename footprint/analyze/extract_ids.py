"""Birth dates encoded in national identity numbers.

Several countries print a person's date of birth inside their identity number, and registers
re-published online show it: the Polish PESEL (YYMMDD + 5 digits, the century in the month), the
Czech and Slovak birth number ("rodné číslo", YYMMDD/XXX(X), +50 on the month for women), the
Romanian CNP (S YYMMDD + 6 digits) and the former Yugoslav JMBG (DDMMYYY + 6 digits, still on
Croatian and Serbian documents; the Slovenian EMŠO, "matična številka", is the same; with its tail
masked, "1406975505***", after its label or under its column, it still gives the full date) and the Italian codice fiscale ("LNZSFN70S09G337W": YY, a month
letter, DD, +40 for women; python-stdnum decodes it; masked after its label, "GRBVNK77*********"
gives the year). A number is read only when its checksum holds (PESEL, CNP, JMBG, codice fiscale,
10-digit birth numbers) or, for the shorter forms, when a label names it; a number with its tail
masked ("73061*****", "750412/****") gives the year and month, a CNP masked after its date
("2520318060xxx") the full date; a masked number needs its label or its table's column header
("PESEL", "CNP") before it. Each becomes a `birth_date` value
(full when the day is known).

Numbers that begin with the date, read after their label or under a column headed by it, whole
or with the tail masked: the Swedish personnummer ("750614-XXXX", "19750614-1234"; YYMMDD), the
Bulgarian ЕГН (YYMMDD, +40 on the month from 2000), and the Danish CPR, Norwegian fødselsnummer,
Finnish henkilötunnus, Greek AMKA and Icelandic kennitala (DDMMYY; an organisation's
kennitala, its day raised by 40, holds no birth date). A whole number must pass its checksum
(python-stdnum) where it has one. In its own country's language a Nordic number whose tail is
masked needs no label ("Sandahl, Ingrid Helena, 750614-XXXX" in a Swedish register notice). The
Lithuanian asmens kodas and Estonian isikukood (G YYMMDD …, "3460612****"; "37311******" gives
the year and month), the Latvian personas kods (DDMMYY-C…, C the century: "230876-1****",
"070274-*****"; codes from 2017 on begin with "32" and hold no date) and the Belgian national
number (YYMMDD, "74.10.09-xxx.xx") count after their label.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from stdnum.exceptions import ValidationError
from stdnum.it import codicefiscale

from .extract import ExtractContext, Found

_PESEL = re.compile(r"(?<![\d/])(\d{11})(?![\d/])")
_PESEL_MASKED = re.compile(r"(?<![\d/])(\d{5,6})[*xX•]{4,6}(?![\d*])")
_RC = re.compile(r"(?<![\d/])(\d{6})[ \t]?/[ \t]?(\d{3,4}|[*xX]{3,4})(?![\d*])")
_CNP = re.compile(r"(?<![\d/])([1-8]\d{12})(?![\d/])")
_CNP_MASKED = re.compile(r"(?<![\d/])([1-8]\d{6,11})([*xX•]{1,6})(?![\d*xX•])")
_HEADER_WORDS = {"pesel": re.compile(r"(?<![a-z])pesel(?![a-z])"),
                 "cnp": re.compile(r"(?<![a-z])cnp(?![a-z])"),
                 "ik": re.compile(r"(?<![a-z])(?:isikukood|asmens\s?kodas)(?![a-z])"),
                 "jmbg": re.compile(r"(?<![a-z])(?:jmbg|emso)(?![a-z])")}
HEADER_CHARS = 400
"""How far before a number a table's column header ("PESEL", "CNP", "Isikukood") may stand."""
_BE_NN = re.compile(r"(?<![\d.])(\d{2})\.?(\d{2})\.?(\d{2})[-\s]?(?:\d{3}|[xX*•]{3})\.?"
                    r"(?:\d{2}|[xX*•]{2})(?![\d*xX•])")
_IK = re.compile(r"(?<![\d/])([1-6]\d{6})(?:\d{4}|[*xX•]{4})(?![\d*xX•])")
# masked after the month: "37311******" (year and month)
_IK_MONTH = re.compile(r"(?<![\d/])([1-6]\d{4})[*xX•]{6}(?![\d*xX•])")
_JMBG = re.compile(r"(?<![\d/])(\d{13})(?![\d/])")
# a JMBG or EMŠO with its tail masked ("1406975505***", "0305972******"): DDMMYYY still shows
_JMBG_MASKED = re.compile(r"(?<![\d/])(\d{7,12})([*xX•]{1,6})(?![\d*xX•])")
# the Italian codice fiscale: surname and name letters, YY, a month letter, DD (+40 for women),
# the birthplace code and a check letter; digits may be replaced by letters (omocodia)
_CF = re.compile(r"(?<![A-Za-z0-9])([A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}"
                 r"[A-Z][0-9LMNPQRSTUV]{3}[A-Z])(?![A-Za-z0-9])")
# a codice fiscale with its tail masked after the year ("GRBVNK77*********") or after the day
# ("GRBVNK77C43*****"): the year, or the full date; only after its label
_CF_MASKED = re.compile(r"(?<![A-Za-z0-9])([A-Z]{6}[0-9]{2})([ABCDEHLMPRST][0-9]{2})?[*xX•]{4,10}"
                        r"(?![\w*•])")
_CF_MONTHS = "ABCDEHLMPRST"
_LABELS = {
    "cf": re.compile(r"(?:codice\s?fiscale|c\.\s?f\.?|cod\.\s?fisc\.?|cf)\W{0,4}$"),
    "pesel": re.compile(r"pesel\W{0,4}$"),
    "rc": re.compile(r"(?:rodne\s?cislo|r\.?\s?c\.?|rc|rodne c\.|rodné|birth number)\W{0,4}$"),
    "cnp": re.compile(r"cnp\W{0,4}$"),
    "jmbg": re.compile(r"(?:jmbg|emso|maticni broj|maticna stevilka)\W{0,4}$"),
    "nn": re.compile(r"(?:rijksregister(?:nummer)?|registre\s?national|numero\s?national|"
                     r"insz|niss|rrn)\W{0,4}$"),
    "ik": re.compile(r"(?:asmens\s?kodas|a\.\s?k\.|isikukood)\W{0,4}$"),
}


# numbers that begin with the date: their label (folded text), the date's order, and the
# python-stdnum module that checks a whole one
_DATED_LABELS: dict[str, re.Pattern[str]] = {
    "se": re.compile(r"(?:personnummer|personnr|pers\.?\s?nr|pnr|person-?nr)\.?\W{0,4}$"),
    "dk": re.compile(r"(?:cpr(?:-?nr|-?nummer)?)\.?\W{0,4}$"),
    "no": re.compile(r"(?:fodselsnummer|fodselsnr|f\.?\s?nr)\.?\W{0,4}$"),
    "fi": re.compile(r"(?:henkilotunnus|hetu|sotu)\.?\W{0,4}$"),
    "bg": re.compile(r"(?:egn|e\.g\.n)\.?\W{0,4}$"),
    "gr": re.compile(r"(?:amka|a\.m\.k\.a)\.?\W{0,4}$"),
    "lv": re.compile(r"(?:personas\s?kod[sa]|pers\.\s?kods|p\.\s?k\.)\W{0,4}$"),
    "is": re.compile(r"(?:kennitala|kt)\.?\W{0,4}$"),
}
_DATED_HEADERS = {k: re.compile(r"(?<![a-z])(?:" + v + r")(?![a-z])") for k, v in {
    "se": "personnummer|personnr", "dk": "cpr", "no": "fodselsnummer", "fi": "henkilotunnus|hetu",
    "bg": "egn", "gr": "amka", "lv": "personas kods", "is": "kennitala"}.items()}
# the dated number of the audit's language, read without its label when its tail is masked
_LANGUAGE_IDS = {"sv": "se", "da": "dk", "nb": "no", "nn": "no", "no": "no", "fi": "fi",
                 "is": "is"}
_DATED = re.compile(r"(?<![\d/.\-])((?:19|20)?\d{6})[ \t]?([\-+A-FU-Y]?)[ \t]?"
                    r"(\d{3}[\dA-Z]|\d{5}|[*xX•]{3,5}|\d{3}[*xX•]|\d{2}[*xX•]{2}|\d[*xX•]{3,4})"
                    r"(?![\d*xX•])")


def _stdnum_date(kind: str, number: str) -> dt.date | None:
    """The birth date python-stdnum reads from a whole number, None when it is not valid."""
    from stdnum.bg import egn
    from stdnum.dk import cpr
    from stdnum.gr import amka
    from stdnum.no import fodselsnummer
    from stdnum.se import personnummer

    mod = {"se": personnummer, "dk": cpr, "no": fodselsnummer, "bg": egn, "gr": amka}.get(kind)
    try:
        if kind == "is":
            # the Icelandic kennitala: DDMMYY, two digits, a check digit, the century (9: the
            # 1900s, 0: the 2000s); an organisation's day is 41–71
            from stdnum.is_ import kennitala

            if not kennitala.is_valid(number):
                return None
            c = kennitala.compact(number)
            century = {"8": 1800, "9": 1900, "0": 2000}.get(c[9])
            if century is None or int(c[:2]) > 31:
                return None
            return _date(century + int(c[4:6]), int(c[2:4]), int(c[:2]))
        if mod is not None:
            if not mod.is_valid(number):
                return None
            return mod.get_birth_date(number)  # type: ignore[no-any-return]
        from stdnum.fi import hetu

        if not hetu.is_valid(number):
            return None
        c = hetu.compact(number)
        century = {"+": 1800, "-": 1900}.get(c[6], 2000 if c[6] in "ABCDEF" else 1900)
        return _date(century + int(c[4:6]), int(c[2:4]), int(c[:2]))
    except (ValidationError, ValueError):
        return None


def dated_id_date(kind: str, head: str, sep: str, tail: str, today: dt.date) -> dt.date | None:
    """The birth date at the start of a Nordic, Bulgarian, Greek or Latvian number (`head` its
    first six or eight digits); a masked tail keeps the date."""
    if kind == "lv":
        # the Latvian personas kods: DDMMYY, then the century (0: 1800s, 1: 1900s, 2: 2000s)
        # unless masked; codes from 2017 on begin with "32" and hold no date
        if head.startswith("32") or len(head) != 6:
            return None
        dd, mm, yy = int(head[:2]), int(head[2:4]), int(head[4:6])
        century = {"0": 1800, "1": 1900, "2": 2000}.get(tail[:1])
        if century is None:
            century = 1900 if tail[:1].isdigit() or 2000 + yy > today.year else 2000
        return _date(century + yy, mm, dd)
    if not tail.isalnum() or any(c in "*xX•" for c in tail):
        if kind == "se" and len(head) == 8:
            return _date(int(head[:4]), int(head[4:6]), int(head[6:8]))
        if len(head) != 6:
            return None
        a, b, c = int(head[:2]), int(head[2:4]), int(head[4:6])
        if kind in ("se", "bg"):
            yy, mm, dd = a, b, c
            if kind == "bg" and mm > 40:
                return _date(2000 + yy, mm - 40, dd)
        else:
            dd, mm, yy = a, b, c
        year = 2000 + yy if 2000 + yy <= today.year else 1900 + yy
        if kind == "se" and sep == "+":
            year -= 100  # a hundred years old or more
        return _date(year, mm, dd)
    return _stdnum_date(kind, head + sep + tail)


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def cf_date(code: str) -> dt.date | None:
    """The birth date an Italian codice fiscale encodes (python-stdnum reads it)."""
    try:
        return codicefiscale.get_birth_date(code)
    except (ValidationError, ValueError):
        return None


def ik_date(head: str) -> dt.date | None:
    """The birth date in the first seven digits of a Lithuanian or Estonian personal code:
    G YY MM DD, G = 1–2 (1800s), 3–4 (1900s), 5–6 (2000s)."""
    century = {1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000}.get(int(head[0]))
    if century is None:
        return None
    return _date(century + int(head[1:3]), int(head[3:5]), int(head[5:7]))


def pesel_date(digits: str) -> dt.date | None:
    """The birth date a PESEL encodes, or None when it is not a valid PESEL."""
    if len(digits) != 11 or not digits.isdigit():
        return None
    w = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    if (10 - sum(int(a) * b for a, b in zip(digits, w, strict=False)) % 10) % 10 != int(digits[10]):
        return None
    yy, mm, dd = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    century = {0: 1900, 20: 2000, 40: 2100, 60: 2200, 80: 1800}.get(mm - mm % 20)
    if century is None:
        return None
    return _date(century + yy, mm % 20, dd)


def cnp_date(digits: str) -> dt.date | None:
    """The birth date a Romanian CNP encodes, or None when it is not a valid CNP."""
    if len(digits) != 13 or not digits.isdigit():
        return None
    key = "279146358279"
    c = sum(int(a) * int(b) for a, b in zip(digits[:12], key, strict=True)) % 11
    if (1 if c == 10 else c) != int(digits[12]):
        return None
    century = {1: 1900, 2: 1900, 3: 1800, 4: 1800, 5: 2000, 6: 2000, 7: 1900, 8: 1900}[int(digits[0])]
    return _date(century + int(digits[1:3]), int(digits[3:5]), int(digits[5:7]))


def jmbg_date(digits: str) -> dt.date | None:
    """The birth date a JMBG encodes, or None when it is not a valid JMBG."""
    if len(digits) != 13 or not digits.isdigit():
        return None
    w = (7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    k = 11 - sum(int(a) * b for a, b in zip(digits[:12], w, strict=True)) % 11
    if (0 if k > 9 else k) != int(digits[12]):
        return None
    yyy = int(digits[4:7])
    year = 1000 + yyy if yyy >= 800 else 2000 + yyy
    return _date(year, int(digits[2:4]), int(digits[:2]))


def rc_date(head: str, tail: str) -> dt.date | None:
    """The birth date a Czech or Slovak birth number encodes (None when it cannot be one)."""
    yy, mm, dd = int(head[:2]), int(head[2:4]), int(head[4:6])
    if mm > 70:
        mm -= 70
    elif mm > 50:
        mm -= 50
    elif mm > 20:
        mm -= 20
    if tail.isdigit() and len(tail) == 4:
        if int(head + tail) % 11 not in (0, 10):
            return None
        year = 1900 + yy if yy >= 54 else 2000 + yy
    else:
        year = 1900 + yy  # a 9-digit number (before 1954) or a masked tail
        if yy < 30:
            year = 2000 + yy
    return _date(year, mm, dd)


class NationalIdExtractor:
    """Birth dates inside national identity numbers → Found("birth_date")."""

    kinds = ("birth_date",)

    def extract(self, text: str, folded: str, ctx: ExtractContext) -> Iterable[Found]:
        out: list[Found] = []
        today = ctx.today

        def add(s: int, e: int, date: dt.date | None, kind: str, full: bool = True) -> None:
            if date is None or not (1900 <= date.year <= today.year) or date > today:
                return
            attrs = [("id", kind), ("year", str(date.year))]
            attrs.append(("full_date", "1") if full else ("partial", "1"))
            out.append(Found("birth_date", s, e, text[s:e], tuple(sorted(attrs))))

        def labelled(kind: str, s: int) -> bool:
            return bool(_LABELS[kind].search(folded[max(0, s - 20) : s]))

        def headed(kind: str, s: int) -> bool:
            """Labelled, or under a column headed by the identifier's name (a register's
            table: "Nume și prenume | CNP | Adresa")."""
            if labelled(kind, s):
                return True
            rx = _HEADER_WORDS.get(kind)
            return bool(rx and rx.search(folded, max(0, s - HEADER_CHARS), s))

        for m in _PESEL.finditer(text):
            add(m.start(), m.end(), pesel_date(m.group(1)), "pesel")
        for m in _PESEL_MASKED.finditer(text):
            head = m.group(1)
            if headed("pesel", m.start()):
                mm = int(head[2:4])
                century = {0: 1900, 20: 2000}.get(mm - mm % 20)
                if century:
                    add(m.start(), m.end(), _date(century + int(head[:2]), mm % 20, 1), "pesel",
                        full=False)
        for m in _RC.finditer(text):
            head, tail = m.group(1), m.group(2)
            if not tail.isdigit() or len(tail) == 3:
                if not labelled("rc", m.start()):
                    continue
            add(m.start(), m.end(), rc_date(head, tail), "rc", full=True)
        for m in _CNP_MASKED.finditer(text):
            digits, mask = m.group(1), m.group(2)
            if len(digits) + len(mask) != 13 or not headed("cnp", m.start()):
                continue
            century = {1: 1900, 2: 1900, 5: 2000, 6: 2000, 7: 1900, 8: 1900}.get(int(digits[0]))
            if century is None:
                continue
            add(m.start(), m.end(),
                _date(century + int(digits[1:3]), int(digits[3:5]), int(digits[5:7])), "cnp")
        for m in _CF.finditer(text):
            # valid by its check letter, or printed under its label ("C.F.", "Codice fiscale")
            if codicefiscale.is_valid(m.group(1)) or labelled("cf", m.start()):
                add(m.start(), m.end(), cf_date(m.group(1)), "cf")
        for m in _CF_MASKED.finditer(text):
            if not labelled("cf", m.start()):
                continue
            yy = int(m.group(1)[6:8])
            year = 2000 + yy if 2000 + yy <= today.year else 1900 + yy
            if m.group(2):
                day = int(m.group(2)[1:]) % 40
                add(m.start(), m.end(), _date(year, _CF_MONTHS.index(m.group(2)[0]) + 1, day),
                    "cf")
            else:
                add(m.start(), m.end(), _date(year, 1, 1), "cf", full=False)
        for m in _DATED.finditer(text):
            before = folded[max(0, m.start() - 24): m.start()]
            kinds = [k for k, rx in _DATED_LABELS.items() if rx.search(before)] or [
                k for k, rx in _DATED_HEADERS.items()
                if rx.search(folded, max(0, m.start() - HEADER_CHARS), m.start())]
            if not kinds and m.group(2) in ("-", "+") and len(m.group(1)) == 6 and (
                    _LANGUAGE_IDS.get(ctx.language) and not m.group(3)[:1].isdigit()):
                # unlabelled but unmistakable in its own country: "Sandahl, Ingrid Helena,
                # 750614-XXXX, Skogsrudsvägen 23" in a Swedish register notice
                kinds = [_LANGUAGE_IDS[ctx.language]]
            if len(kinds) != 1:
                continue
            date = dated_id_date(kinds[0], m.group(1), m.group(2), m.group(3), today)
            add(m.start(), m.end(), date, kinds[0])
        for m in _BE_NN.finditer(text):
            # the Belgian national number, "74.10.09-123.45" or masked "74.10.09-xxx.xx", after
            # its label: YYMMDD, the century from the check digits when whole, else the nearer
            if labelled("nn", m.start()):
                yy, mo, dd = int(m.group(1)), int(m.group(2)), int(m.group(3))
                century = 1900 if yy > today.year % 100 else 2000
                digits = "".join(c for c in m.group(0) if c.isdigit())
                if len(digits) == 11:
                    check = int(digits[9:])
                    if 97 - int(digits[:9]) % 97 == check:
                        century = 1900
                    elif 97 - int("2" + digits[:9]) % 97 == check:
                        century = 2000
                add(m.start(), m.end(), _date(century + yy, mo, dd), "nn")
        for m in _IK.finditer(text):
            # the Lithuanian asmens kodas and Estonian isikukood ("3460612****"), after its label
            if headed("ik", m.start()):
                add(m.start(), m.end(), ik_date(m.group(1)), "ik")
        for m in _IK_MONTH.finditer(text):
            if headed("ik", m.start()):
                d = ik_date(m.group(1) + "01")
                add(m.start(), m.end(), d, "ik", full=False)
        for m in _JMBG_MASKED.finditer(text):
            digits, mask = m.group(1), m.group(2)
            if len(digits) + len(mask) != 13 or not headed("jmbg", m.start()):
                continue
            yyy = int(digits[4:7])
            add(m.start(), m.end(), _date(1000 + yyy if yyy >= 800 else 2000 + yyy,
                                          int(digits[2:4]), int(digits[:2])), "jmbg")
        for rx, fn, kind in ((_CNP, cnp_date, "cnp"), (_JMBG, jmbg_date, "jmbg")):
            for m in rx.finditer(text):
                add(m.start(), m.end(), fn(m.group(1)), kind)
        return sorted(out, key=lambda f: f.start)
