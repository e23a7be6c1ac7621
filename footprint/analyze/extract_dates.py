"""Ages and birth dates in page text.

Ages: "Age 58", "Age: 57-58", "Age guide: 50-54", "Age 80s", "aged 58", "58 years old", Czech
"věk 58", "58letá". Birth dates are read only after a birth label ("Born", "DOB", "Date of birth",
"b.", "nar.", "narozena", "datum narození") so that publication dates are never taken for a
birthday: full dates ("March 14, 1968", "14 March 1968", "1968-03-14", "03/14/1968", "14. 3. 1968",
"14. března 1968") and partial ones ("Mar 1968", "born 1968", "březen 1968").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .extract import ExtractContext, Found, collapse

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    # Czech, folded: genitive (in full dates) and nominative (month + year)
    "ledna": 1,
    "unora": 2,
    "brezna": 3,
    "dubna": 4,
    "kvetna": 5,
    "cervna": 6,
    "cervence": 7,
    "srpna": 8,
    "zari": 9,
    "rijna": 10,
    "listopadu": 11,
    "prosince": 12,
    "leden": 1,
    "unor": 2,
    "brezen": 3,
    "duben": 4,
    "kveten": 5,
    "cerven": 6,
    "cervenec": 7,
    "srpen": 8,
    "rijen": 10,
    "listopad": 11,
    "prosinec": 12,
}
_MON = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d{2}"

# Ages, on folded text.
# (No leading look-behinds: they stop the regex engine from skipping to a likely first
# character; word starts are checked in code by `_word_start`.)
_AGE = re.compile(
    r"(?:age(?:[ \t]guide|[ \t]range)?|aged|vek|ve veku)[ \t]{0,2}:?[ \t\n]{0,3}(\d{1,3})"
    r"(?:[ \t]{0,2}(?:-|–|to|až|az)[ \t]{0,2}(\d{1,3}))?(s(?![a-z]))?(?![\d/.,]\d)"
)
_YEARS_OLD = re.compile(r"(\d{1,3})[ \t\-]{0,2}(?:years?[ \t\-]old|yrs?\.?[ \t]old|y/o)(?![a-z])")
_CZ_AGE_ADJ = re.compile(r"(\d{1,3})[ \t]?-?let(?:a|y|i|e|eho|emu|ou|ym)(?![a-z])")

# Birth dates, on folded text: a label, then a date.
_LABEL = (
    r"(?:born(?:[ \t]on|[ \t]in)?|date[ \t]of[ \t]birth|d\.?o\.?b\.?|birth[ \t]?date|"
    r"birthday|b\.|nar\.|narozen[aey]?(?:[ \t]v[ \t]roce)?|datum[ \t]narozeni|rok[ \t]narozeni)"
    r"[ \t]{0,2}:?[ \t\n]{0,4}"
)
_FULL_DATES = (
    rf"(?P<m1>{_MON})\.?[ \t]{{1,2}}(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]{{1,2}}(?P<y1>{_YEAR})",
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\.?[ \t]{{1,2}}(?:of[ \t])?(?P<m2>{_MON})\.?,?"
    rf"[ \t]{{1,2}}(?P<y2>{_YEAR})",
    rf"(?P<y3>{_YEAR})-(?P<mo3>\d{{1,2}})-(?P<d3>\d{{1,2}})",
    rf"(?P<a4>\d{{1,2}})/(?P<b4>\d{{1,2}})/(?P<y4>{_YEAR})",
    rf"(?P<d5>\d{{1,2}})\.[ \t]?(?P<mo5>\d{{1,2}})\.[ \t]?(?P<y5>{_YEAR})",
)
_PARTIAL_DATES = (
    rf"(?P<m6>{_MON})\.?,?[ \t]{{1,2}}(?P<y6>{_YEAR})",
    rf"(?P<y7>{_YEAR})(?![\d\-/])",
)
_BIRTH = re.compile(_LABEL + "(?:" + "|".join(_FULL_DATES + _PARTIAL_DATES) + ")(?![a-z0-9])")


class DateExtractor:
    """Ages → Found("age", value="58", attrs age[, age_max]); birth dates → Found("birth_date",
    value as printed, attrs full_date or partial, year)."""

    kinds = ("age", "birth_date")

    def extract(self, text: str, folded: str, ctx: ExtractContext) -> Iterable[Found]:
        out: list[Found] = []
        for m in _AGE.finditer(folded):
            if not _word_start(folded, m.start()):
                continue
            lo = int(m.group(1))
            hi = int(m.group(2)) if m.group(2) else lo
            if m.group(3) and lo % 10 == 0 and not m.group(2):
                hi = lo + 9  # "Age 80s"
            if not (1 <= lo <= 120 and lo <= hi <= lo + 10):  # 192.com prints "Age guide: 50-54"
                continue
            out.append(self._age(text, m.start(), m.end(), lo, hi))
        for rx in (_YEARS_OLD, _CZ_AGE_ADJ):
            for m in rx.finditer(folded):
                if m.start() > 0 and (
                    folded[m.start() - 1].isdigit() or folded[m.start() - 1] == "."
                ):
                    continue
                a = int(m.group(1))
                if 1 <= a <= 120:
                    out.append(self._age(text, m.start(), m.end(), a, a))
        for m in _BIRTH.finditer(folded):
            if not _word_start(folded, m.start()):
                continue
            f = self._birth(text, m, ctx)
            if f is not None:
                out.append(f)
        return sorted(out, key=lambda f: f.start)

    @staticmethod
    def _age(text: str, s: int, e: int, lo: int, hi: int) -> Found:
        attrs = [("age", str(lo))]
        if hi != lo:
            attrs.append(("age_max", str(hi)))
        value = str(lo) if hi == lo else f"{lo}-{hi}"
        return Found("age", s, e, value, tuple(sorted(attrs)))

    @staticmethod
    def _birth(text: str, m: re.Match[str], ctx: ExtractContext) -> Found | None:
        g = m.groupdict()
        year = next(g[k] for k in ("y1", "y2", "y3", "y4", "y5", "y6", "y7") if g.get(k))
        if not (1900 <= int(year) <= ctx.today.year):
            return None
        full = any(g.get(k) for k in ("y1", "y2", "y3", "y4", "y5"))
        if full:
            month, day = _month_day(g)
            if not (1 <= month <= 12 and 1 <= day <= 31):
                return None
        # the value starts at the date, after the label
        date_start = min(m.start(k) for k, v in g.items() if v is not None)
        attrs = [("year", year), ("full_date", "1") if full else ("partial", "1")]
        return Found(
            "birth_date",
            date_start,
            m.end(),
            collapse(text[date_start : m.end()]),
            tuple(sorted(attrs)),
        )


def _word_start(folded: str, i: int) -> bool:
    return i == 0 or not folded[i - 1].isalpha()


def _month_day(g: dict[str, str | None]) -> tuple[int, int]:
    if g.get("y1"):
        return _MONTHS[g["m1"] or ""], int(g["d1"] or 0)
    if g.get("y2"):
        return _MONTHS[g["m2"] or ""], int(g["d2"] or 0)
    if g.get("y3"):
        return int(g["mo3"] or 0), int(g["d3"] or 0)
    if g.get("y4"):
        a, b = int(g["a4"] or 0), int(g["b4"] or 0)
        return (a, b) if a <= 12 else (b, a)  # 03/14/1968 (US) or 14/03/1968 (UK)
    return int(g["mo5"] or 0), int(g["d5"] or 0)
