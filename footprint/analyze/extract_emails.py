"""E-mail addresses in page text, plain or obfuscated ("name [at] domain [dot] com",
"name(at)domain.com", "name at domain dot com"). HTML entities are already decoded by the parser,
and `mailto:` links are read by the analyzer from the link list."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .extract import ExtractContext, Found

_LOCAL = r"[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
_TLD = r"[A-Za-z]{2,24}"
# Found from the "@" outwards: a regex that starts with the local part would try every letter of
# the page as the start of an address.
_AT_SIGN = re.compile(r"[@＠]")
_LOCAL_BEFORE = re.compile(rf"({_LOCAL})\s?$")
_DOMAIN_AFTER = re.compile(rf"\s?((?:{_LABEL}\.){{1,4}}{_TLD})(?![A-Za-z0-9\-])")
_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_AT = (
    r"(?:\s{0,2}[\[\(\{<]\s{0,2}(?:at|@|zavin[aá][cč]|snabel-?a|klammeraffe|chiocciola|arobase|arroba|arrova|hj[aá]|a|ma[lł]pa|kukac|miukumauku|[aä]t|apenstaartje|afna|majmun[cč]e|monkey|παπάκι|papaki|собака|sobaka|кльомба|[aă]rond|lumbuc|eta|et)\s{0,2}[\]\)\}>]\s{0,2}"
    r"|\s{1,2}(?:at|AT)\s{1,2})"
)
# the word for "." in the page's language: English, French, German, Spanish, Catalan,
# Portuguese, Hungarian, Finnish, Czech, Slovak, South Slavic, Polish "kropka", Romanian "punct",
# Latvian "punkts", Lithuanian "taškas", Russian "точка", Ukrainian "крапка", Greek "τελεία"
_DOT_WORDS = (r"dot|point|punkt|punkts|punto|punt|punct|ponto|pont|piste|te[cč]ka|bodka|to[cč]ka|"
              r"kropka|ta[sš]kas|точка|tochka|крапка|krapka|τελεία|teleia|\.")
_DOT = r"(?:\s{0,2}[\[\(\{<]\s{0,2}(?:" + _DOT_WORDS + r")\s{0,2}[\]\)\}>]\s{0,2}|\s{1,2}(?:dot|DOT)\s{1,2}|\.)"
_OBFUSCATED = re.compile(
    rf"(?<![A-Za-z0-9._%+\-])({_LOCAL}){_AT}({_LABEL}(?:{_DOT}{_LABEL}){{0,3}}){_DOT}({_TLD})(?![A-Za-z0-9])"
)
# where an obfuscated address may be: "[at]", "(at)", "{at}", "<at>", "(zavináč)", "(snabel-a)",
# "(chiocciola)", "(kukac)" — the word for "@" in the page's language — or " at … dot "
_OBF_MARKER = re.compile(r"[\[\(\{<]\s{0,2}(?:at|@|zavin[aá][cč]|snabel-?a|klammeraffe|chiocciola|arobase|arroba|arrova|hj[aá]|a|ma[lł]pa|kukac|miukumauku|[aä]t|apenstaartje|afna|majmun[cč]e|monkey|παπάκι|papaki|собака|sobaka|кльомба|[aă]rond|lumbuc|eta|et)\s{0,2}[\]\)\}>]| (?:dot|DOT) ")
_DOT_SPLIT = re.compile(
    r"\s{0,2}[\[\(\{<]\s{0,2}(?:" + _DOT_WORDS + r")\s{0,2}[\]\)\}>]\s{0,2}|\s{1,2}(?:dot|DOT)\s{1,2}|\."
)
_TLDS_WORDS = frozenset(
    {
        "com",
        "net",
        "org",
        "edu",
        "gov",
        "io",
        "co",
        "uk",
        "cz",
        "de",
        "us",
        "info",
        "me",
        "ca",
        "eu",
        "sk",
        "fr",
        "it",
        "nl",
        "pl",
        "at",
        "ch",
    }
)


class EmailExtractor:
    """E-mails → `Found(kind="email", value=lowercase address)`."""

    kinds = ("email",)

    def extract(self, text: str, folded: str, ctx: ExtractContext) -> Iterable[Found]:
        out: list[Found] = []
        taken: list[tuple[int, int]] = []
        for at in _AT_SIGN.finditer(text):
            i = at.start()
            lm = _LOCAL_BEFORE.search(text, max(0, i - 66), i)
            dm = _DOMAIN_AFTER.match(text, i + 1)
            if not lm or not dm:
                continue
            local = lm.group(1)
            start = i - len(lm.group(0))
            if start > 0 and text[start - 1] in _LOCAL_CHARS:
                continue
            value = f"{local}@{dm.group(1)}".lower().rstrip(".")
            out.append(Found("email", start, dm.end(), value))
            taken.append((start, dm.end()))
        seen: set[int] = set()
        for mk in _OBF_MARKER.finditer(text):
            ws = max(0, mk.start() - 70)
            for m in _covering(text, ws, min(len(text), mk.end() + 200), mk.start()):
                if m.start() in seen:
                    continue
                seen.add(m.start())
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                raw = m.group(0)
                # "at"/"dot" as plain words need the whole thing to look like an address
                if "[" not in raw and "(" not in raw and "{" not in raw and "<" not in raw:
                    if m.group(3).lower() not in _TLDS_WORDS or " dot " not in raw.lower():
                        continue
                domain = ".".join(p for p in _DOT_SPLIT.split(m.group(2)) if p)
                value = f"{m.group(1)}@{domain}.{m.group(3)}".lower()
                out.append(Found("email", m.start(), m.end(), value, (("obfuscated", "1"),)))
                taken.append((m.start(), m.end()))
        return sorted(out, key=lambda f: f.start)


def _covering(text: str, start: int, end: int, pos: int) -> Iterable[re.Match[str]]:
    """Obfuscated addresses in text[start:end] that hold `pos` (the "[at]"), tried from every
    start, overlaps included: "Reach Kate at kate.oberholtzer [at] example [dot] net" is first
    read from "Kate at kate…", which does not hold the marker and would hide the address."""
    p = start
    while p <= pos:
        m = _OBFUSCATED.search(text, p, end)
        if m is None or m.start() > pos:
            return
        if pos < m.end():
            yield m
        p = m.start() + 1
