"""What "in clear" means for the leak test: every value of a profile and every value an audit
found, in the forms an output could print it — phones by their digits whatever the
punctuation, street names and house numbers, e-mails, usernames, names (also glued into a URL
word), the distinctive words of a school or an employer (also inside a host name), plates,
precise coordinates, full dates — as patterns to search the text of an output for."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass

import phonenumbers

from footprint.masking import DIRECTIONS, NAME_KEEP, ORG_GENERIC, STREET_TYPES, UNIT_WORDS
from footprint.model import Category, Finding
from footprint.profile import Profile

# Words every address or school of a country holds, in the languages the reports are written
# in: the report's own sentences use them ("casa, strada, numărul mașinii"; a site named by its
# role, "Copil minor – școala (s****.example.ro)"), so they are not a value.
LOCAL_STREET_WORDS = {"strada", "str", "bulevardul", "calea", "aleea", "piața", "șoseaua",
                      "ulice", "třída", "náměstí", "nábřeží"}
LOCAL_ORG_WORDS = {"școala", "școală", "gimnazială", "liceul", "colegiul", "grădinița",
                   "clinica", "základní", "škola", "zš"}

# Public legal text that happens to hold a first name of the demo family.
LEGAL_PHRASES = re.compile(r"Daniel(?:'s|’s) Law|Daniel Anderl", re.I)

# Identifiers the tool generates (a finding's "5496acf829547267", a household's "hh-…", an
# audit's hash): random hex that can spell a postal code ("…829547267" holds "95472") by
# chance. Each holds at least one of a–f, so a run of digits (a phone, a postal code) is kept.
GENERATED_IDS = re.compile(r"(?<![0-9A-Za-z])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{12,64}"
                           r"(?![0-9A-Za-z])")


@dataclass(frozen=True)
class Forbidden:
    """One value in one of its printable forms."""

    what: str
    """What it is ("judge name", "phone", "found address"…), never the value: it is printed
    when the test fails."""
    pattern: re.Pattern[str]
    """Searched in the output's text."""
    squeezed: bool = False
    """Searched in the text with every space removed instead (a URL broken over two lines of a
    PDF: "eleanor-whit / field")."""


def _digits(what: str, number: str, region: str) -> list[Forbidden]:
    try:
        nsn = phonenumbers.national_significant_number(
            phonenumbers.parse(number, None if number.strip().startswith("+") else region))
    except phonenumbers.NumberParseException:
        nsn = re.sub(r"\D", "", number)
    tail = nsn[-7:]  # masking keeps the area code and the last two digits, never these seven
    if len(tail) < 7:
        return []
    rx = r"(?<!\d)" + r"\D{0,3}".join(re.escape(d) for d in tail) + r"(?!\d)"
    return [Forbidden(what, re.compile(rx))]


def _words(what: str, text: str, generic: Iterable[str] = ()) -> list[Forbidden]:
    out = []
    skip = {g.lower() for g in generic}
    for w in re.findall(r"[^\W\d_]{4,}", text):
        low = w.lower()
        if low in skip or low in NAME_KEEP:
            continue
        out.append(Forbidden(what, re.compile(rf"(?<![^\W\d_]){re.escape(w)}(?![^\W\d_])", re.I)))
        if len(w) >= 6:
            out.append(Forbidden(what + " (glued)", re.compile(re.escape(w), re.I), squeezed=True))
    return out


def _street(what: str, street: str) -> list[Forbidden]:
    """The street's own words and its number; the town after the street type stays readable
    ("2417 Alderbrook Dr SANTA ROSA 95405": Santa Rosa is not a secret)."""
    generic = set(STREET_TYPES) | DIRECTIONS | UNIT_WORDS | LOCAL_STREET_WORDS
    toks = street.split(",")[0].split()
    end = len(toks)
    for i, t in enumerate(toks):
        if i > 0 and t.lower().strip(".") in STREET_TYPES:
            end = i + 1
            while end < len(toks) and toks[end].lower().strip(".") in STREET_TYPES:
                end += 1
            break
    out = _words(what, " ".join(toks[:end]), generic)
    # the number with the street's first two letters ("5 Ki…"): masking keeps only the
    # initial ("5 K*****"), and a count in the report's own words ("5 kritická") is not a street
    m = re.match(r"\s*(\d+)\w*\s+([^\W\d_]{2})", street)
    if m:
        out.append(Forbidden(what + " number", re.compile(
            rf"(?<!\d){m.group(1)}\W+{re.escape(m.group(2))}", re.I)))
    return out


def _literal(what: str, value: str) -> list[Forbidden]:
    return [Forbidden(what, re.compile(re.escape(value), re.I))] if len(value) >= 4 else []


def profile_forbidden(profile: Profile) -> list[Forbidden]:
    """Every value of the profile (consenting or not) that no unencrypted output may show."""
    region = (profile.audit.jurisdiction or "US")[:2]
    out: list[Forbidden] = []
    for p in profile.people:
        for n in p.all_names():
            out += _words(f"{p.id} name", n)
        for x in p.phones:
            out += _digits(f"{p.id} phone", x, region)
        for x in p.emails:
            out += _literal(f"{p.id} e-mail", x) + _literal(f"{p.id} mailbox", x.split("@")[0])
        for x in p.usernames:
            out += _literal(f"{p.id} username", x.lstrip("@"))
        for a in p.addresses:
            out += _street(f"{p.id} street", a.street)
            if a.postal_code and len(a.postal_code) >= 5:
                out += _literal(f"{p.id} postal code", a.postal_code)
        for org, label in ((p.employer, "employer"), (p.school, "school")):
            if org:
                out += _words(f"{p.id} {label}", org, ORG_GENERIC | LOCAL_ORG_WORDS)
    # a relative who did not consent is never named at all (the profile keeps no name for them)
    raw = tomllib.loads(profile.path.read_text(encoding="utf-8"))
    for r in raw.get("relatives", []):
        if r.get("consent") is not True and r.get("name"):
            out += _words(f"{r.get('id')} name (no consent)", r["name"].split()[0])
    return out


def shown_in_clear(profile: Profile, findings: Iterable[Finding] = ()) -> str:
    """What a household's own outputs print in clear by design: its towns and regions, the
    judge's court, and the towns of the addresses found for it (a masked address keeps its town:
    "7*** C***** C******, Rohnert Park, CA 949**")."""
    parts = [profile.subject.court or ""]
    for p in profile.people:
        parts += [p.city or "", p.region or ""]
        parts += [f"{a.city or ''} {a.region or ''}" for a in p.addresses]
    parts += [(f.value or "").split(",", 1)[1] for f in findings
              if f.category in (Category.HOME_ADDRESS, Category.ADDRESS) and "," in (f.value or "")]
    return " · ".join(x for x in parts if x)


def not_shared(forbidden: Iterable[Forbidden], clear: str) -> list[Forbidden]:
    """`forbidden` without the words another household prints in clear of its own: "Park" of a
    British school's "Headingley Park" is no leak in a Californian family's "Rohnert Park"."""
    return [x for x in forbidden if not x.pattern.search(clear)]


def found_forbidden(findings: Iterable[Finding], region: str = "US") -> list[Forbidden]:
    """Every value the audit found (the store's sealed copy), in its printable forms."""
    out: list[Forbidden] = []
    for f in findings:
        v = (f.value or "").strip()
        if not v:
            continue
        what = f"found {f.category.value} ({f.person})"
        c = f.category
        if c is Category.PHONE:
            out += _digits(what, v, region)
        elif c is Category.EMAIL:
            out += _literal(what, v)
        elif c in (Category.HOME_ADDRESS, Category.ADDRESS):
            out += _street(what, v)
        elif c in (Category.RELATIVE, Category.MENTION):
            out += _words(what, v)
        elif c in (Category.SCHOOL, Category.WORKPLACE):
            out += _words(what, v, ORG_GENERIC | LOCAL_ORG_WORDS)
        elif c is Category.ACCOUNT:
            handle = [x for x in re.split(r"[/@?#]", v.rstrip("/")) if x][-1]
            out += _literal(what, handle)
        elif c is Category.VEHICLE:
            for tok in re.findall(r"\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{5,8}\b", v):
                out += _literal(what, tok)
        elif c is Category.GEOLOCATION:
            for num in re.findall(r"-?\d{1,3}\.\d{3,}", v):
                out += _literal(what, num[: num.index(".") + 3])
        elif c is Category.BIRTH_DATE and re.search(r"\d{1,2}\D+\d{1,2}\D+\d{4}|\d{4}-\d", v):
            out += _literal(what, v)
    # one pattern per distinct form
    return list({(x.what.split(" (")[0], x.pattern.pattern, x.squeezed): x for x in out}.values())


def leaks(text: str, forbidden: Iterable[Forbidden]) -> list[str]:
    """What of `forbidden` appears in `text` ("what" labels, each once, with the matched text
    around it so a failure can be read)."""
    text = GENERATED_IDS.sub(" ", LEGAL_PHRASES.sub(" ", text))
    squeezed = re.sub(r"\s+", "", text)
    found: dict[str, str] = {}
    for x in forbidden:
        hay = squeezed if x.squeezed else text
        m = x.pattern.search(hay)
        if m and x.what not in found:
            found[x.what] = hay[max(0, m.start() - 40): m.end() + 40]
    return [f"{k}: …{v}…" for k, v in found.items()]
