"""The planner: turns each consenting person's identifiers into a few precise search queries.

Few precise queries beat many vague ones: a quoted name next to a corroborating term (city,
court, a relative) finds pages the analyzer can confirm, while a bare name returns namesakes.
Order is by expected precision, and the list is cut at `audit.max_queries_per_person`.
Every query remembers the person and the identifier it serves (by reference, never by value).

In an inflected language (Czech, Polish, …) a page rarely prints a city, court or relative in the
nominative the profile holds: "soudkyně Městského soudu v Brně", "s manželem Pavlem". A quoted
context phrase would then exclude the very pages that matter, so there the context follows the
quoted name as bare words, which a search engine stems and only uses to rank. Street addresses
stay quoted: an address line prints the city in the nominative ("602 00 Brno").
"""

from __future__ import annotations

import phonenumbers

from .model import Query
from .profile import Person, Profile

STREET_TYPES = {
    "drive", "dr", "street", "st", "road", "rd", "avenue", "ave", "av", "lane", "ln", "court", "ct",
    "boulevard", "blvd", "way", "place", "pl", "terrace", "ter", "circle", "cir", "parkway", "pkwy",
    "highway", "hwy", "trail", "trl", "square", "sq", "close", "crescent", "cres", "grove",
}


def street_core(street: str) -> str:
    """The street without its type word ("2417 Alderbrook Drive" → "2417 Alderbrook"), so one
    quoted phrase matches "Dr", "Drive" and "DR" alike."""
    words = street.split()
    if len(words) > 2 and words[-1].lower().rstrip(".") in STREET_TYPES:
        words = words[:-1]
    return " ".join(words)


def quoted(s: str) -> str:
    """`s` as an exact-phrase query term (inner quotes dropped). Every probe quotes this way."""
    return '"' + s.replace('"', "") + '"'




def _bare(s: str) -> str:
    return " ".join(s.replace('"', "").split())


def phone_formats(e164: str, country: str) -> list[str]:
    """The ways a phone is commonly printed: national with dashes, with parentheses, dotted,
    and international."""
    try:
        num = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return [e164]
    national = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL)
    intl = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    out = []
    if num.country_code == 1:
        d = str(num.national_number)
        if len(d) == 10:
            out += [f"{d[:3]}-{d[3:6]}-{d[6:]}", f"({d[:3]}) {d[3:6]}-{d[6:]}", f"{d[:3]}.{d[3:6]}.{d[6:]}"]
    else:
        out.append(national)
    out.append(intl)
    seen: list[str] = []
    for f in out:
        if f not in seen:
            seen.append(f)
    return seen


def name_variants(person: Person) -> list[str]:
    """Search-ready name variants, most useful first (the analyzer's own list)."""
    from .analyze.names import variants

    return variants(person)


def plan_person(profile: Profile, person: Person, probe: str = "web") -> list[Query]:
    """Every query worth running for one person, most precise first (not yet bounded)."""
    from .analyze.names import is_inflected

    country = profile.audit.country
    names = name_variants(person) or [person.name]
    main = quoted(names[0])
    context = _bare if is_inflected(profile.audit.language, country) else quoted
    qs: list[Query] = []

    def add(identifier: str, text: str) -> None:
        qs.append(Query(person=person.id, identifier=identifier, text=text, probe=probe))

    for i, ph in enumerate(person.phones):
        fmts = phone_formats(ph, country)
        add(f"phones[{i}]", quoted(fmts[0]))
        if len(fmts) > 1:
            add(f"phones[{i}]", quoted(fmts[1]))
    for i, em in enumerate(person.emails):
        add(f"emails[{i}]", quoted(em))
    for i, addr in enumerate(profile.matching_addresses(person)):
        if person.addresses:  # only a person's own addresses are searched for them
            label = addr.label if sum(a.label == addr.label for a in person.addresses) == 1 else f"addresses[{i}]"
            where = addr.city or addr.postal_code or ""
            add(label, f"{quoted(street_core(addr.street))} {quoted(where) if where else ''}".strip())
    if person.city:
        add("city", f"{main} {context(person.city)}")
    if person.court:
        add("court", f"{main} {context(person.court)}")
    if person.school:
        add("school", f"{main} {context(person.school)}")
    if person.employer:
        add("employer", f"{main} {context(person.employer)}")
    others = [p for p in profile.people if p.id != person.id]
    for other in others[:3]:
        add(f"relatives:{other.id}", f"{main} {context(other.name)}")
    for i, u in enumerate(person.usernames):
        add(f"usernames[{i}]", quoted(u))
    for alt in names[1:4]:
        ctx = person.city or person.region or profile.subject.city or ""
        add("aliases", f"{quoted(alt)} {context(ctx)}".strip() if ctx else quoted(alt))
    if person.region:
        add("region", f"{main} {context(person.region)}")
    return _dedupe(qs)


def _dedupe(qs: list[Query]) -> list[Query]:
    seen: set[str] = set()
    out = []
    for q in qs:
        k = " ".join(q.text.lower().split())
        if k not in seen:
            seen.add(k)
            out.append(q)
    return out


def plan(profile: Profile, probe: str = "web", max_per_person: int | None = None) -> list[Query]:
    """Queries for every consenting person, bounded per person."""
    bound = max_per_person or profile.audit.max_queries_per_person
    out: list[Query] = []
    for person in profile.people:
        out.extend(plan_person(profile, person, probe)[:bound])
    return out
