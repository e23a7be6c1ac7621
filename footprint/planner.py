"""The planner: turns each consenting person's identifiers into a few precise search queries.

Pages print a name in many forms — "Margaret Pruneda", "PRUNEDA, MARGARET E", "Pruneda Margaret",
"Maggie Pruneda" — and a quoted "First Last" matches none but the first. So every name query
carries the person's name forms as one OR group (`("Margaret Pruneda" OR "Pruneda Margaret" OR
"Margaret E Pruneda" OR "Maggie Pruneda")`): one query, every form. Search engines read a quoted
phrase word for word, so "Pruneda Margaret" also finds "PRUNEDA, MARGARET".

The group is then paired with what ties a page to this family — the city, the court, the
relatives' names, the child's school, the employer — and the values the profile knows are
searched on their own (phones in their print forms, e-mails with their local part, the street
with its number, usernames). A child is paired with the school and the parents, since
people-search sites skip minors but school, club and results pages do not. Few precise queries
beat many vague ones: the list is ordered by expected precision and cut at
`audit.max_queries_per_person`. Every query remembers the person and the identifier it serves
(by reference, never by value).

In an inflected language (Czech, Polish, …) a page rarely prints a city, court or relative in the
nominative the profile holds ("soudkyně Městského soudu v Brně", "s manželem Pavlem"): there the
context follows the name group as bare words, which a search engine only uses to rank. In every
language the street with its number stays an exact phrase and the town beside it a bare word: an
address line prints the town in the nominative ("602 00 Brno"), an official notice in a case form
("Tallinna Linnaplaneerimise Amet … Kullerkupu tn 11"), a club's page only in its own name ("Abholung
bei … Elbhangstr. 23a" on the Dresdner Ruderverein's page); a street with its number is rare enough
to need no town to narrow it.
"""

from __future__ import annotations

import re

import phonenumbers

from .model import Query
from .profile import Person, Profile

STREET_TYPES = {
    "drive", "dr", "street", "st", "road", "rd", "avenue", "ave", "av", "lane", "ln", "court", "ct",
    "boulevard", "blvd", "way", "place", "pl", "terrace", "ter", "circle", "cir", "parkway", "pkwy",
    "highway", "hwy", "trail", "trl", "square", "sq", "close", "crescent", "cres", "grove", "cove",
    "cv", "loop", "path", "run", "row", "park", "walk", "mews", "gardens", "gdns",
    # Australian and New Zealand ones ("27 Marine Pde", "Esplanade", "Hwy")
    "parade", "pde", "esplanade", "esp", "rise", "circuit", "cct", "retreat", "quay",
    # Canadian ones ("Aspen Brook Hth SW", "Hawkwood Bay NW", "Signal Hill Gate")
    "heath", "hth", "bay", "gate", "green", "grn", "heights", "hts", "point", "pt", "common",
    "link", "manor", "mount", "view",
}
MAX_FORMS = 6
"""Name forms in one OR group: search engines cap the length of a query."""


_UNIT = re.compile(
    r"^(?:flat|apt|apartment|unit|suite|ste|no)\.?\s*[\w/-]{1,6}\s*,\s*|"
    # an Australian unit before its house, "Unit 4/27 Marine Parade": the house is 27
    r"^(?:flat|apt|apartment|unit|u)\.?\s*\w{1,4}\s*/\s*(?=\d)|"
    r"\s*,?\s*(?:flat|apt|apartment|unit|suite|ste|#)\.?\s*[\w/-]{1,6}$",
    re.IGNORECASE,
)


def street_core(street: str) -> str:
    """The street without its unit and type word ("Flat 2, 31 Moorfield Road" → "31 Moorfield",
    "2417 Alderbrook Drive" → "2417 Alderbrook"), so one quoted phrase matches "Dr", "Drive" and
    "DR" alike."""
    line = _UNIT.sub("", street.strip())
    # a street line that carries its district after a comma ("11 Fernhill Grove, Douglas"):
    # pages print the house and the street, the district elsewhere or not at all (a house's
    # name before its number, "Rose Cottage, 3 Mill Lane", has no figure and stays)
    head, sep, _rest = line.partition(",")
    if sep and any(c.isdigit() for c in head) and re.search(r"[^\W\d_]{3}", head):
        line = head
    words = line.split()
    # the flat, floor or stair after a house number that follows the name ("Frederiks Allé 88,
    # 2. tv.", "Calle Mayor 5, 3º B", "Király utca 38. 2/5."): pages print the house alone
    for i, w in enumerate(words[1:], 1):
        if (w[:1].isdigit() and not words[i - 1][:1].isdigit() and "/" not in w
                and i + 1 < len(words)):
            words = words[: i + 1]
            words[i] = words[i].rstrip(",.")
            break
    # a quadrant after the type ("10936 83 Avenue NW", "27 Aspen Brook Heath SW"): pages print
    # it or leave it out, the type in full or short
    if (len(words) > 3 and words[-1].upper() in _QUADRANTS
            and words[-2].lower().rstrip(".") in STREET_TYPES):
        words = words[:-1]
    if len(words) > 2 and words[-1].lower().rstrip(".") in STREET_TYPES:
        words = words[:-1]
    return " ".join(words)


_QUADRANTS = frozenset({"N", "S", "E", "W", "NE", "NW", "SE", "SW"})


def quoted(s: str) -> str:
    """`s` as an exact-phrase query term (inner quotes dropped). Every probe quotes this way."""
    return '"' + s.replace('"', "") + '"'


def any_of(phrases: list[str]) -> str:
    """Phrases as one OR group: `("a" OR "b")`, or just `"a"`."""
    uniq = list(dict.fromkeys(" ".join(p.split()) for p in phrases if p.strip()))
    if len(uniq) == 1:
        return quoted(uniq[0])
    return "(" + " OR ".join(quoted(p) for p in uniq) + ")"


def without_legal_form(name: str) -> str:
    """An organisation's name without the legal form at its end ("Berounka Projekt s.r.o." →
    "Berounka Projekt", "Ibaizabal Ur Ingeniaritza, S.L." → "Ibaizabal Ur Ingeniaritza"), read
    with the analyzer's own list of legal forms; the name itself when nothing would be left."""
    from .analyze.match.org import LEGAL_FORMS
    from .analyze.names import fold

    words = name.split()
    while len(words) > 1 and re.sub(r"[^a-z]", "", fold(words[-1])) in LEGAL_FORMS:
        words.pop()
    bare = " ".join(words).rstrip(" ,&")
    return bare if re.search(r"[^\W\d_]{3}", bare) else name


def _bare(s: str) -> str:
    return " ".join(s.replace('"', "").split())


# countries whose directories print a seven-digit local number in threes and twos
_THREES_AND_TWOS = frozenset({380, 7, 375, 359, 381})


def phone_formats(e164: str, country: str) -> list[str]:
    """The ways a phone is commonly printed: national (dashed for North America), national
    digits run together, and international."""
    try:
        num = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return [e164]
    national = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL)
    intl = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    nsn = phonenumbers.national_significant_number(num)
    out = []
    if num.country_code == 1 and len(nsn) == 10:
        out.append(f"{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}")  # also matches (512) 555-0147, 512.555.0147
    else:
        digits = "".join(ch for ch in national if ch.isdigit())
        out += [national, digits]
        rest = digits[3:]
        if len(rest) == 7 and digits.startswith("0") and num.country_code in _THREES_AND_TWOS:
            # the local number in threes and twos, as Eastern European directories print it
            # ("(044) 279-41-58", "067 314 52 87"), also without its area code ("275-18-64")
            out += [f"{digits[:3]} {rest[:3]} {rest[3:5]} {rest[5:]}",
                    f"{rest[:3]} {rest[3:5]} {rest[5:]}"]
    out.append(intl)
    return list(dict.fromkeys(out))


def name_variants(person: Person) -> list[str]:
    """Search-ready name variants, most useful first (the analyzer's own list)."""
    from .analyze.names import variants

    return variants(person)


def _core(surname: str) -> str:
    """A surname without its lower-case particles, as a surname-first list prints it:
    "van Lingen" → "Lingen" ("Lingen, Bastiaan Pieter van" in a Dutch register; the phrase
    "Lingen Bastiaan" still matches "van Lingen, Bastiaan"). "Le Maire" and "Vande Casteele"
    keep their capitalised particle."""
    words = surname.split()
    i = 0
    while i < len(words) - 1 and words[i].islower():
        i += 1
    return " ".join(words[i:])


def name_forms(person: Person, cyrillic: str | None = None, two_surnames: bool = False) -> list[str]:
    """The forms of a person's name to search for, most common first: first and last name,
    surname first (registers, result lists; without a lower-case particle, "Lingen Bastiaan"), in Cyrillic letters too where pages print both
    scripts (`cyrillic`: "Биљана Радосављевић" for a Serbian audit), with the middle initial
    (people-search sites), the aliases (short forms, maiden or married names), and a common
    short form of the first name from the built-in table when the profile lists none."""
    import cyrtranslit

    from .analyze.names import fold, nicknames, split_name
    from .analyze.scripts import latin

    parts = split_name(person.name)
    if not parts.given:
        return [person.name]
    first, last = parts.first, parts.surname
    forms = [f"{first} {last}", f"{_core(last)} {first}"]
    words = person.name.split()
    spanish = two_surnames and len(words) >= 3 and all(w[:1].isupper() for w in words)
    if spanish:
        # Spanish and Catalan names end with two surnames and go by the first: "Jon Ander
        # Agirre Bengoetxea" is "Jon Ander Agirre", "AGIRRE BENGOETXEA, JON ANDER"
        given, s1, s2 = " ".join(words[:-2]), words[-2], words[-1]
        forms = [f"{given} {s1}", f"{s1} {s2} {given}", f"{given} {s1} {s2}", f"{s1} {given}"]
        if len(words) > 3:
            forms.append(f"{words[0]} {s1}")
    if latin(first + last) != first + last:
        # a name written in Cyrillic or Greek is searched in the Latin letters pages use too
        forms += [latin(f, cyrillic) for f in forms[:2]]
    elif cyrillic:
        for f in forms[:2]:
            cyr = str(cyrtranslit.to_cyrillic(f, cyrillic))
            # only a spelling that reads back as the name ("Andrii" has no one Ukrainian form)
            if fold(latin(cyr, cyrillic)) == fold(f):
                forms.append(cyr)
    if parts.middles and not spanish:
        # official texts print every given name ("Giovanna Teresa ZANARDI, nata a Ferrara"),
        # people-search sites the middle initial
        forms.append(f"{first} {' '.join(parts.middles)} {last}")
        forms.append(f"{first} {parts.middles[0][0]} {last}")
    alias_firsts = set()
    for alias in person.aliases:
        ap = split_name(alias)
        if not ap.given:
            continue
        alias_firsts.add(ap.first.lower())
        aw = alias.split()
        if two_surnames and len(aw) >= 3 and all(w[:1].isupper() for w in aw):
            # another spelling or order of two surnames: as written, and by the first surname
            forms.append(alias)
            if len(aw) >= 4 or fold(aw[-1]) == fold(words[-1]):
                forms.append(f"{' '.join(aw[:-2])} {aw[-2]}")
            continue
        forms.append(f"{ap.first} {ap.surname}")
        forms.append(f"{_core(ap.surname)} {ap.first}")
    if not alias_firsts - {first.lower()}:
        nicks = nicknames(first)
        if nicks:
            forms.append(f"{nicks[0].capitalize()} {last}")
    seen: set[str] = set()
    out = []
    for f in forms:
        # (search engines match letters without their accents: "Slawomir Pietrzyk" is found
        # by "Sławomir Pietrzyk", and its place in the group goes to "Sławek Pietrzyk")
        k = " ".join(fold(f).replace(".", " ").split())
        if k not in seen:
            seen.add(k)
            out.append(" ".join(f.replace(".", " ").split()))
    return out[:MAX_FORMS]


# Case endings of surnames in Czech, Slovak and Polish: (nominative ending, other case forms).
_SURNAME_CASES = (
    ("ová", ("ové", "ovou")),
    ("ská", ("ské", "skou")),
    ("cká", ("cké", "ckou")),
    ("ský", ("ského", "ském", "ským")),
    ("cký", ("ckého", "ckém", "ckým")),
    ("ska", ("skiej", "ską")),
    ("cka", ("ckiej", "cką")),
    ("ski", ("skiego", "skim")),
    ("cki", ("ckiego", "ckim")),
    ("ić", ("ića", "iću", "ićem")),
)


# Lithuanian and Latvian: the genitive, dative and accusative a page prints ("Ačiū Tomui
# Baltrušaičiui": "t" softens to "č" before "io"/"iui")
_BALTIC_CASES = (
    ("tis", ("čio", "čiui", "tį")),
    ("dis", ("džio", "džiui", "dį")),
    ("ienė", ("ienės", "ienei", "ienę")),
    ("ė", ("ės", "ei", "ę")),
    ("is", ("io", "iui", "į")),
    ("ys", ("io", "iui", "į")),
    ("as", ("o", "ui", "ą")),
    ("us", ("aus", "ui", "ų")),
    ("š", ("a", "am")),
    ("s", ("a", "am")),
    ("a", ("as", "ai")),
)


def surname_forms(surname: str, language: str = "") -> list[str]:
    """A surname and its common case forms in an inflected language ("Nowakowska",
    "Nowakowskiej", "Nowakowską"; "Kovačević", "Kovačevića"; Lithuanian "Baltrušaitis",
    "Baltrušaičio", "Baltrušaičiui"); a consonant-final surname takes the genitive and dative
    endings ("Novák", "Nováka", "Novákovi")."""
    out = [surname]
    low = surname.lower()
    if language in ("lt", "lv"):
        for end, forms in _BALTIC_CASES:
            if low.endswith(end):
                stem = surname[: len(surname) - len(end)]
                out += [stem + f for f in forms]
                break
        return out[:MAX_FORMS]
    for end, forms in _SURNAME_CASES:
        if low.endswith(end):
            stem = surname[: len(surname) - len(end)]
            out += [stem + f for f in forms]
            return out[:MAX_FORMS]
    if (surname[-1:].isalpha() and surname[-1].lower() not in "aeiouyáéíóúýě"
            and language in ("", "cs", "sk", "pl", "hr", "sr", "sl", "bs")):
        # the Slavic genitive and dative; a Finnish, Hungarian, Greek or Estonian name does
        # not take them ("Kertésza" is no form of "Kertész")
        out += [surname + "a", surname + "ovi"]
    return out[:MAX_FORMS]


def goes_by_two_surnames(profile: Profile, person: Person) -> bool:
    """Whether the person's name ends in two surnames and they are called by the first: Spanish
    naming, or a profile elsewhere whose alias drops the last surname."""
    from .analyze.names import keeps_two_surnames, two_surnames

    return (two_surnames(profile.audit.language, profile.audit.country)
            or keeps_two_surnames(person.name, person.aliases))


def family_surnames(profile: Profile) -> dict[str, str]:
    """Each surname of the household (consenting people only) → the id of the first person
    who bears it."""
    from .analyze.names import split_name

    out: dict[str, str] = {}
    for p in profile.people:
        s = split_name(p.name).surname
        if s and s.lower() not in {k.lower() for k in out}:
            out[s] = p.id
    return out


_GRID = re.compile(r"^\s*(\d+)\s+([NSEW])\.?\s+(\d+)\s+([NSEW])\.?\s*$", re.IGNORECASE)
_COMPASS = {"n": "North", "s": "South", "e": "East", "w": "West"}
_COMPASS_WORDS = {v.lower(): k.upper() for k, v in _COMPASS.items()}


def _grid(street: str) -> tuple[str, str, str, str] | None:
    """A grid address of Utah and its neighbours ("1847 E 3300 S"): house, direction, the
    street's number, its direction; None for any other street line."""
    m = _GRID.match(street)
    return (m.group(1), m.group(2).lower(), m.group(3), m.group(4).lower()) if m else None


def _grid_street(g: tuple[str, str, str, str]) -> str:
    """The street of a grid address as an OR group: ("3300 S" OR "3300 South")."""
    return any_of([f"{g[2]} {g[3].upper()}", f"{g[2]} {_COMPASS[g[3]]}"])


def _address_phrases(street: str) -> list[str]:
    """The street line as phrases: "6108 Sendero Verde"; "Kounicova 1412" or "Kounicova 7" for a
    compound number after the name."""
    g = _grid(street)
    if g:
        # "1847 E 3300" and "1847 East 3300": the house and its street in either spelling
        return [f"{g[0]} {g[1].upper()} {g[2]}", f"{g[0]} {_COMPASS[g[1]]} {g[2]}"]
    core = street_core(street)
    words = core.split()
    if not words:
        return []
    if words[0][:1].isdigit():
        from .analyze.names import unglottal

        forms = [core]
        # "2214 East Linden Hill" is printed "2214 E LINDEN HILL" by registers, and the other
        # way round: the direction after the house number in full and as its letter
        if len(words) > 2 and words[1].lower().rstrip(".") in _COMPASS:
            forms.append(" ".join([words[0], _COMPASS[words[1].lower().rstrip(".")], *words[2:]]))
        elif len(words) > 2 and words[1].lower() in _COMPASS_WORDS:
            forms.append(" ".join([words[0], _COMPASS_WORDS[words[1].lower()], *words[2:]]))
        # a Hawaiian or Queens house number "45-123" is printed "45123" by directories; a
        # Hawaiian name's ʻokina and long vowels are often dropped ("Kaneohe")
        forms.append(re.sub(r"^(\d+)-(\d+)", r"\1\2", core))
        forms += [unglottal(f) for f in forms]
        return list(dict.fromkeys(forms))
    last = words[-1]
    if last[:1].isdigit() and "/" in last:
        name = " ".join(words[:-1])
        return [f"{name} {part}" for part in last.split("/") if part]
    # a German or Dutch street as pages abbreviate it: "Elbhangstr. 23a", "Berliner Str. 5"
    short = _STRASSE.sub(lambda m: "Str." if m.group(0)[0].isupper() else "str.", core)
    return [core, short] if short != core else [core]


_STRASSE = re.compile(r"(?<=[^\W\d_])(?:stra(?:ß|ss)e|straat)(?![^\W\d_])|(?<![^\W\d_])"
                      r"(?:Stra(?:ß|ss)e|Straat)(?![^\W\d_])", re.IGNORECASE)


def plan_person(profile: Profile, person: Person, probe: str = "web") -> list[Query]:
    """Every query worth running for one person, most precise first (not yet bounded)."""
    from .analyze.names import fold, is_inflected, split_name
    from .analyze.scripts import profile_scheme

    country = profile.audit.country
    inflected = is_inflected(profile.audit.language, country)
    context = _bare if inflected else quoted
    spanish = goes_by_two_surnames(profile, person)
    names = any_of(name_forms(person, profile_scheme(profile), spanish))
    qs: list[Query] = []

    def add(identifier: str, text: str) -> None:
        qs.append(Query(person=person.id, identifier=identifier, text=" ".join(text.split()),
                        probe=probe))

    for i, ph in enumerate(person.phones):
        add(f"phones[{i}]", any_of(phone_formats(ph, country)[:5]))
    for i, em in enumerate(person.emails):
        local = em.split("@")[0]
        add(f"emails[{i}]", any_of([em, local]) if len(local) >= 6 else quoted(em))
    own = list(person.addresses)
    for i, addr in enumerate(own):
        label = addr.label if sum(a.label == addr.label for a in own) == 1 else f"addresses[{i}]"
        where = addr.city or addr.postal_code or ""
        phrases = _address_phrases(addr.street)
        if phrases:
            add(label, f"{any_of(phrases)} {_bare(where) if where else ''}")
    if person.city:
        add("city", f"{names} {context(person.city)}")
    if person.court:
        add("court", f"{names} {_bare(person.court)}")
    others = [p for p in profile.people if p.id != person.id]
    surname = split_name(person.name).surname
    if person.school:
        add("school", f"{names} {_bare(person.school)}")
        # the surname as the profile writes it, in Latin letters and as the aliases spell it:
        # an English-language school prints "Hadjipetrou G." for "Χατζηπέτρου"
        from .analyze.scripts import latin

        spellings = [surname, latin(surname, profile_scheme(profile))]
        spellings += [split_name(a).surname for a in person.aliases]
        spellings = [x for x in dict.fromkeys(spellings) if x][:4]
        add("school", f"{any_of(spellings)} {quoted(person.school)}")
        if person.minor or person.relation == "child":
            # the school's own pages print a pupil by first name and the surname's initial
            # ("Isla P (9W)", "Léa K.") or first name alone beside the class
            firsts = [split_name(n).first for n in (person.name, *person.aliases)]
            firsts = [x for x in dict.fromkeys(firsts) if x and len(x) >= 2][:4]
            if firsts:
                add("school", f"{any_of(firsts)} {quoted(person.school)}")
    if person.employer:
        # pages drop the legal form ("Berounka Projekt" for "Berounka Projekt s.r.o."): a
        # quoted phrase with it would miss them
        employer = without_legal_form(person.employer)
        add("employer", f"{names} {_bare(employer)}")
        # with the surnames the aliases give too: at work a wife may keep her maiden name
        # ("Mary Kate Tackett, Co-owner" while the profile's name is Carrington)
        at_work = [surname, *(split_name(a).surname for a in person.aliases)]
        at_work = [x for x in dict.fromkeys(at_work) if x][:4]
        add("employer", f"{any_of(at_work)} {quoted(employer)}")
    if others:
        words = []
        for o in others[:4]:
            op = split_name(o.name)
            words += [op.first, op.surname] if op.given else [o.name]
        add("relatives", f"{names} {_bare(' '.join(dict.fromkeys(words)))}")
    if person.usernames:
        add("usernames", any_of(list(person.usernames[:4])))
    where = person.city or person.region or profile.subject.city or ""
    add("name", names)
    # a name under another surname (a maiden or former married name), or another first name,
    # the OR group above had no room for: its own search ("Birgitte Ravnholt" in the minutes of her old flat's owners)
    shown = {fold(f) for f in name_forms(person, profile_scheme(profile), spanish)}
    own_first = fold(split_name(person.name).first)
    for alias in person.aliases:
        ap = split_name(alias)
        # (or under the same surname with another first name the group had no room for: a
        # Russian form "Елена Ковальчук" of Олена Ковальчук, as Russian-language sites print it)
        if ap.given and (ap.surname != surname or fold(ap.first) != own_first) \
                and fold(f"{ap.first} {ap.surname}") not in shown:
            add("alias", any_of([f"{ap.first} {ap.surname}", f"{_core(ap.surname)} {ap.first}"]))
            shown.add(fold(f"{ap.first} {ap.surname}"))
    if person.id == profile.subject.id:
        # the family's surnames next to the home town: register lines with initials only
        # ("PRUNEDA M E"), a spouse listed first ("Kessler, Dan & Maggie"), nicknames
        lang = profile.audit.language
        for s in family_surnames(profile):
            forms = any_of(surname_forms(s, lang) if inflected else [s])
            add("surname", f"{forms} {context(where)}" if where else forms)
        home = [a for a in profile.subject.addresses if a.is_current]
        for a in home[:1]:
            core = street_core(a.street)
            street_words = [w for w in core.split() if not w[:1].isdigit()]
            street_term = quoted(' '.join(street_words))
            if (g := _grid(a.street)) is not None:
                street_words, street_term = [g[2]], _grid_street(g)  # ("3300 S" OR "3300 South")
            if street_words and a.city:
                add(a.label, f"{street_term} {quoted(a.city)}")
            if street_words:
                # a neighbourhood's page names the household and its street, not the town
                # ("Ačiū Tomui Baltrušaičiui ir jo šeimai … (Smilgų g. 9)")
                household = {p.id for p in profile.people
                             if p.id == profile.subject.id or not p.addresses
                             or any(street_core(x.street) == core for x in p.addresses)}
                for s, pid in family_surnames(profile).items():
                    if pid not in household:
                        continue  # a parent in another town: not on this street's pages
                    forms = any_of(surname_forms(s, lang) if inflected else [s])
                    add(a.label, f"{forms} {street_term}")
    elif person.city and person.city != profile.subject.city:
        # a relative in another town: the family name there (obituaries, parish and club pages)
        forms = any_of(surname_forms(surname, profile.audit.language) if inflected else [surname])
        add("surname", f"{forms} {context(person.city)}")
    if person.region and not inflected:
        add("region", f"{names} {_bare(person.region)}")
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
