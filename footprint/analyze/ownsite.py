"""Own accounts and own sites: a page whose address carries a person's profile username is their
account or site when the page itself agrees (rules name_username, own_account, family_named).

Called by page.py: `_url_owner` and `_owner_named` before the page is judged (the username in
the address then counts as a name match), `_family_named` while a block is judged, and
`_own_account` once the whole page is (the `account` exposure, and the site's other pages and
pictures as leads).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..model import Category, Exposure
from .blocks import Block
from .corroborate import (
    ADULT_STUDENT_AGE,
    Evidence,
    Judgement,
    PersonFacts,
    class_year,
    corroborators,
    other_occupation,
    student_page,
    town_forms,
    year_diff,
)
from .emit import _TWO_CAPITALISED, _emit_value, _Emitter
from .extract import Found
from .extract_vehicles import MAKES
from .kinship import FAMILY_CUE, RELATION_BEFORE
from .leads import _lead
from .match.address import parse_street
from .names import NameMatch, fold, inflected_pattern
from .state import _IMG_SKIP, _PageState
from .text import PageDoc

if TYPE_CHECKING:
    from .page import PageAnalyzer

MAX_SITE_LINKS = 25
"""Pages of a person's own site followed from one of its pages."""
_ASSET = re.compile(
    r"\.(?:jpe?g|png|gif|webp|svg|css|js|pdf|zip|mp4|mp3)(?:$|\?)|/(?:wp-login|login|signin|"
    r"share|intent|feed|tag|category|search)(?:/|\?|$)",
    re.I,
)


def _url_owner(an: PageAnalyzer, url: str) -> tuple[str, int] | None:
    """(person id, username index) when the page's address carries a profile username as a
    host label or a whole path segment ("limestonedan.wordpress.com", "/user/mpruneda/",
    "/@dkesslerpe"): the person's own site or account, if the page agrees."""
    try:
        parts = urlsplit(url)
        labels = (parts.hostname or "").lower().split(".")[:-1]
        segs = [x.lower().lstrip("@~") for x in parts.path.split("/") if x][:2]
    except ValueError:
        return None
    for pf in an.facts:
        for u, i in pf.usernames.items():
            if u in labels or u in segs:
                return pf.id, i
    return None


def _owner_named(
    an: PageAnalyzer, doc: PageDoc, pid: str, names: dict[str, list[NameMatch]]
) -> bool:
    """Does an account page at a profile username show its owner as ours? Their name, a given
    name or the surname must be on it, and no other person of the family's surname may head
    it ("Miguel Pruneda" holds the judge's handle on another platform)."""
    pf = an.by_id[pid]
    text, folded = doc.text, doc.folded
    head = min(len(text), max(len(doc.title), 400))
    covered = [m for ms in names.values() for m in ms]
    ours = {g for f in an.facts for g in f.matcher.givens | f.matcher.nicks}
    for s_, _e in pf.matcher.surname_spans(text[:head], folded[:head]):
        if not any(m.start <= s_ < m.end for m in covered):
            # the surname in the page's head after a first name none of our people has
            pre = re.search(r"([A-Z][\w'\-]{1,20})[ \t]$", text[max(0, s_ - 30) : s_])
            if pre and fold(pre.group(1)) not in ours:
                return False
    if names[pid]:
        return True
    if _display_name_of_another(an, doc, pid, surname=True):
        return False  # "María Elena Ochoa (@mariaelena_pdx)": our given names, another's name
    if pf.matcher.given_only(text, folded) or pf.matcher.surname_spans(text, folded):
        return True
    # a family blog that never prints its author's name but names the family ("Aoife's
    # science project"); a stranger holding the same handle names neither
    return any(f.matcher.given_only(text, folded) for f in an.facts if f.id != pid)


def _family_named(an: PageAnalyzer, doc: PageDoc, block: Block, owner: str) -> bool:
    """On a person's own account or site: the first names of their family, as people write
    on their own pages ("my wife Clíona", "with Cathal & Aoife") — another family member's
    given name after a relation word, or the given names of two others (rule family_named)."""
    seg, fseg = doc.text[block.start : block.end], doc.folded[block.start : block.end]
    named = set()
    for pf in an.facts:
        if pf.id == owner:
            continue
        for s_, _e in pf.matcher.given_only(seg, fseg):
            if RELATION_BEFORE.search(fseg[max(0, s_ - 30) : s_]):
                return True
            named.add(pf.id)
    return len(named) >= 2


_BACKING = ("city", "known_address", "known_phone", "known_email", "known_org", "court")
_WHOLE_NAME = frozenset({"name_full", "name_first_last", "name_middle_initial", "name_reversed"})


def _account_backing(
    an: PageAnalyzer, doc: PageDoc, pid: str, founds: list[Found]
) -> tuple[str, ...]:
    """What backs an account page at a person's profile username that never prints their
    name (a Reddit profile): their own town, address, phone, e-mail, school or employer, or
    the court, and nothing that places the account elsewhere; or another family member's
    profile username on it (a tagged "@mirela.salajan"). Empty: a username alone."""
    pf = an.by_id[pid]
    hrefs = [ln.href for ln in doc.links]
    ev = Evidence(doc.text, doc.folded, 0, len(doc.text), founds, founds, hrefs, None, False)
    pos, neg = corroborators(pf, ev, an.today.year)
    if "contra_city" in neg:
        return ()
    if pf.person.relation == "self" and "court" not in pos and student_page(doc.folded):
        return ()  # "Student, UT Austin, 3rd year": a namesake at university, not the judge
    by = pf.person.birth_year
    if not pf.person.minor and by and an.today.year - by >= ADULT_STUDENT_AGE and class_year(
            doc.text, an.today.year):
        return ()  # "UTSA '27 · Roadrunners" at a username of a man in his fifties
    if pf.person.relation == "self" and "court" not in pos and any(
            other_occupation(doc.folded, m.start, m.end)
            for m in pf.matcher.matches(doc.text, doc.folded)):
        return ()  # "Dace Vītoliņa | Zobārste": a dentist holds the handle there
    backing = tuple(r for r in _BACKING if r in pos)
    if not backing and "region" in pos and _names_current_town(an, pf, doc.folded):
        backing = ("city",)  # a city that is its own region ("Hamburg · Rudern · Familie"),
        # which the evidence counts once, as the region
    if backing == ("city",) and not _names_current_town(an, pf, doc.folded):
        backing = ()  # only the town of a previous address: the account may be anyone's there
    if backing == ("city",) and _town_in_handle(an, pf, doc.url) and not _same_handle_elsewhere(
            doc, hrefs) and not FAMILY_CUE.search(doc.folded) and not _home_street_named(
            an, pf, doc.folded):
        backing = ()  # "brnenskyvodar" ("the Brno water-polo man") in Brno: a handle named for
        # the town is chosen by anyone there (a fan club's account), so the town on its page
        # backs nothing — unless the account names its site at the same handle on another host
        # ("Blog: brnenskyvodar.wordpress.com"), its holder's family ("my daughter's U13
        # netball team") or the home's street ("the Lanyard St drain" at "redhilltom")
    if not backing and _names_current_town(an, pf, doc.folded, joined=True):
        backing = ("city",)  # "r/NewOrleans", "#NewOrleans": a town of two words as one
    if not backing and "age_match" in pos and not neg and any(
            m.rule in _WHOLE_NAME for m in pf.matcher.matches(doc.text, doc.folded)):
        # the person's whole name on the page at their username, with their own age ("Ich bin
        # Matthias, Jahrgang 1971 … © Matthias Becker"): a stranger holding the handle would
        # share the name and the year too
        backing = ("age_match",)
    for other in an.facts:
        if other.id == pid or other.username_re is None:
            continue
        if other.username_re.search(doc.folded) or any(
            other.username_re.search(fold(h)) for h in hrefs
        ):
            backing += ("relative_username",)
            break
    return backing


def _current_towns(an: PageAnalyzer, pf: PersonFacts) -> list[str]:
    """The towns the person lives in now: their profile town and their current addresses'."""
    towns = [pf.person.city] if pf.person.city else []
    return towns + [a.city for a in an.profile.matching_addresses(pf.person)
                    if a.is_current and a.city]


def _town_in_handle(an: PageAnalyzer, pf: PersonFacts, url: str) -> bool:
    """Whether the profile username in `url` spells the person's town, or its stem as an
    adjective takes it ("brnensky" of Brno, "wiener" of Wien, "dresdner" of Dresden)."""
    hit = _url_owner(an, url)
    if hit is None:
        return False
    handle = "".join(re.sub(r"[^a-z]", "", fold(u)) for u, i in pf.usernames.items()
                     if i == hit[1])
    towns = _current_towns(an, pf)
    for town in dict.fromkeys(town_forms(an.profile, pf.person, towns)):
        t = re.sub(r"[^a-z]", "", fold(town))
        if len(t) >= 4 and t[: max(3, len(t) - 2)] in handle:
            return True
    return False


def _home_street_named(an: PageAnalyzer, pf: PersonFacts, folded: str) -> bool:
    """Whether the page names the street of one of the person's current homes (its name
    words, four letters or more, as a whole word: "Lanyard St" of 18 Lanyard Street)."""
    for a in an.profile.matching_addresses(pf.person):
        if not a.is_current:
            continue
        words = [w for w in parse_street(a.street, a.unit)[0] if len(w) >= 4]
        if words and all(re.search(r"(?<![a-z])" + re.escape(w) + r"(?![a-z])", folded)
                         for w in words):
            return True
    return False


def _same_handle_elsewhere(doc: PageDoc, hrefs: list[str]) -> bool:
    """Whether the page links to or prints an address on another host carrying the handle
    its own address carries ("Blog: brnenskyvodar.wordpress.com" on reddit.com/user/
    brnenskyvodar)."""
    try:
        parts = urlsplit(doc.url)
        host = (parts.hostname or "").lower()
        segs = [x.lower().lstrip("@~") for x in parts.path.split("/") if x][:2]
    except ValueError:
        return False
    labels = host.split(".")[:-1]
    handles = {h for h in (*labels, *segs) if len(h) >= 5 and h not in ("www", "user", "users")}
    for h in handles:
        for m in re.finditer(r"(?<![\w.])(?:https?://)?([a-z0-9.\-]+\.[a-z]{2,})(/[^\s\"'<>]*)?",
                             "\n".join((doc.folded, *(x.lower() for x in hrefs)))):
            other = m.group(1)
            if other == host or other.endswith("." + host) or host.endswith("." + other):
                continue
            if h in other.split(".")[:-1] or h in [x.lstrip("@~") for x in (m.group(2) or "").split("/")]:
                return True
    return False


def _names_current_town(an: PageAnalyzer, pf: PersonFacts, folded: str, *,
                        joined: bool = False) -> bool:
    """Whether the page names the town the person lives in now (their profile town or a
    current address's), in any case form; `joined`: a town of two words or more written as
    one, as a subreddit or a hashtag writes it ("r/NewOrleans")."""
    towns = _current_towns(an, pf)
    # as the town is printed (without its river or region, by its other name: "Munich" for
    # München, "Pōneke" for Wellington), the forms the rule `city` reads
    for town in dict.fromkeys(town_forms(an.profile, pf.person, towns)):
        words = fold(town).split()
        if joined:
            if len(words) >= 2 and re.search(
                    r"(?:r/|#)" + re.escape("".join(words)) + r"(?![a-z])", folded):
                return True
            continue
        pattern = r"[ \t\-]{1,3}".join(inflected_pattern(w) if an.inflected else re.escape(w)
                                      for w in words)
        if words and re.search(r"(?<![a-z])" + pattern + r"(?![a-z])", folded):
            return True
    return False


# an account's display name: two to four capitalised words alone on their line, or before the
# handle in the title ("Thomas Wigger (@aaseepaddler) / X")
_DISPLAY_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]+(?:[ \t][A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]+){1,3}")


def _display_name_of_another(an: PageAnalyzer, doc: PageDoc, pid: str,
                             surname: bool = False) -> bool:
    """An account page at a profile username that shows another person's name as its display
    name — on the line right above the "@handle", or before it in the title: the handle is
    held by someone else there (the spouse's username on X, a canoeist from Bocholt's).
    `surname`: only a name whose last word is a surname written out, three letters or more (or
    two as a word, "Andie Ng") and none of the family's ("María Elena Ochoa"; never "Dorota Z-P",
    initials)."""
    pf = an.by_id[pid]
    lines: list[str] = []
    for u in pf.usernames:
        for m in re.finditer(r"@" + re.escape(u.lower()) + r"(?![\w.])", doc.folded):
            ls = doc.text.rfind("\n", 0, m.start()) + 1
            same = doc.text[ls : m.start()].strip(" \t(·|")
            prev = doc.text[doc.text.rfind("\n", 0, max(0, ls - 1)) + 1 : max(0, ls - 1)].strip()
            lines.append(same or prev)
    for line in lines:
        if not _DISPLAY_NAME.fullmatch(line):
            continue
        if not any(other.matcher.matches(line) for other in an.facts):
            raw = line.split()[-1]
            last = fold(raw)
            letters = len(re.sub(r"[^a-z]", "", last))
            # (a surname of two letters is one too when written as a word: "Andie Ng", "Li")
            if not surname or ((letters >= 3 or (letters == 2 and re.fullmatch(r"[A-Z][a-z]", raw)))
                               and "-" not in last and last not in an._name_words):
                return True
    return False


def _age_of_another(pf: PersonFacts, founds: list[Found], year: int) -> bool:
    """The account's holder states an age ten years or more from the person's ("I'm 26 and
    I've lived here four years" at the judge's username): someone else holds the handle."""
    by = pf.person.birth_year
    if not by:
        return False
    return any(f.kind == "age" and f.attr("self") and (year_diff(by, f, year) or 0) >= 10
               for f in founds)


def _own_account(
    an: PageAnalyzer,
    doc: PageDoc,
    st: _PageState,
    owner: str | None,
    redact: list[tuple[int, int]],
    founds: list[Found] | None = None,
) -> None:
    """A page at an address carrying a person's profile username is their account or own
    site when the page itself agrees (it is judged to be about them, or it was reached from a
    page of the same site that was): an `account` exposure, every picture on it a lead for the
    person, and its other pages on the same site leads to read as theirs. A username alone
    proves nothing (another person may hold it there): then only a possible match."""
    hit = _url_owner(an, doc.url)
    if hit is None:
        return
    pid, idx = hit
    best = st.best.get(pid)
    confirmed = pid in st.about or owner == pid
    pf = an.by_id[pid]
    if confirmed:
        conf = max(best[0].confidence if best else 0.0, 0.9 if owner == pid else 0.0)
        rules: tuple[str, ...] = (*(best[0].rules if best else ()), "own_account")
    else:
        if any(s_ < 400 for s_, _e in redact):
            return  # another person of the family's surname heads the page: theirs
        stranger = _display_name_of_another(an, doc, pid) or _age_of_another(
            pf, founds or [], st.ref_year)
        backing = () if stranger else _account_backing(an, doc, pid, founds or [])
        if backing:
            # the profile's username in the address and, on the page, something only this
            # family has: their town, street, employer or school, a relative's handle
            conf = 0.85
            rules = ("own_account", "username_backed", *backing)
            confirmed = True
            for k, e in list(st.exposures.items()):
                if e.person == pid and "weak_only" in e.rules and e.confidence < conf:
                    # what the page's own text gave them, held back as weak, is theirs now
                    # that the site is: "Jahrgang 1971" on the about page at their handle
                    st.exposures[k] = replace(
                        e, confidence=conf,
                        rules=(*(r for r in e.rules if r != "weak_only"), "own_account"))
        else:
            conf = min(0.45, 0.8 * an.threshold)
            rules = ("own_account", "name_only_cap")
    personal = any(
        e.category not in (Category.MENTION, Category.ACCOUNT) for e in st.exposures.values()
    ) or bool(FAMILY_CUE.search(doc.folded))
    attrs = [("personal", "1")] if personal else []
    key = (pid, Category.ACCOUNT.value, doc.url.lower())
    st.exposures[key] = Exposure(
        person=pid, category=Category.ACCOUNT, url=st.url, value=st.url,
        confidence=round(conf, 2), identifier=f"usernames[{idx}]",
        context=f"account or own site of a profile username ({doc.title[:80]})",
        rules=rules, source=st.source, probe=st.probe, attrs=tuple(sorted(attrs)),
    )
    base = _site_base(doc.url, pf.usernames)
    if not confirmed or conf < an.threshold:
        if best is not None and best[0].match.rule == "name_username":
            # the owner is named but not yet confirmed here: the site's other pages (its
            # "about" page) may settle it — list them, to be read on their own merits
            if base.count("/") == 3:
                _lead(st, pid, "site?", base, None)
        return
    st.about.add(pid)
    _own_age(an, doc, st, pid, conf, rules, redact, founds or [])
    _own_car(an, doc, st, pid, conf, rules, redact, founds or [])
    _own_home(an, doc, st, pid, conf, rules, redact, founds or [])
    # every picture on a person's own page is theirs to check; its other pages too
    for img in doc.images:
        if not img.small and not _IMG_SKIP.search(img.src):
            _lead(st, pid, "image", img.src, None)
    if base.count("/") == 3:
        # a site of its own ("limestonedan.wordpress.com"): list its pages by a site search
        _lead(st, pid, "site", base, None)
    n = 0
    for ln in doc.links:
        if n >= MAX_SITE_LINKS:
            break
        href = ln.href.split("#")[0]
        if href and href.startswith(base) and href.rstrip("/") != doc.url.rstrip("/"):
            if not _ASSET.search(href):
                _lead(st, pid, "page", href, None)
                n += 1


def _own_age(
    an: PageAnalyzer,
    doc: PageDoc,
    st: _PageState,
    pid: str,
    conf: float,
    rules: tuple[str, ...],
    redact: list[tuple[int, int]],
    founds: list[Found],
) -> None:
    """On a person's confirmed own account that never prints their name (a Reddit profile),
    the poster's own age as forums write it ("Io (54F) corro da dieci anni") is theirs: a
    `birth_date` exposure, unless a named page already gave them one."""
    if any(e.person == pid and e.category == Category.BIRTH_DATE for e in st.exposures.values()):
        return
    mine = [f for f in founds if f.kind == "age" and f.attr("self")]
    if not mine:
        return
    _emit_own(an, doc, st, pid, conf, rules, redact, mine[0], None)


def _own_car(
    an: PageAnalyzer,
    doc: PageDoc,
    st: _PageState,
    pid: str,
    conf: float,
    rules: tuple[str, ...],
    redact: list[tuple[int, int]],
    founds: list[Found],
) -> None:
    """On a person's confirmed own site or account, a car or plate in a post that names no
    one ("Novi (rabljeni) ljubimac: sivi Škoda Octavia Combi, 2021., registracija ST 4471-KP")
    is the owner's: a `vehicle` exposure (rule own_account), unless the page already gave one
    to somebody. A sentence that names someone in full ("Ana Horvat's new Golf") is left to
    the usual attribution."""
    if any(e.category == Category.VEHICLE for e in st.exposures.values()):
        return
    cars = [f for f in founds if f.kind in ("plate", "vehicle")]
    text = doc.text
    for f in cars[:1]:
        lo = max(text.rfind("\n", 0, f.start), text.rfind(". ", 0, f.start)) + 1
        hi = min(x for x in (text.find("\n", f.end), text.find(". ", f.end), len(text)) if x >= 0)
        for m in _TWO_CAPITALISED.finditer(text, lo, hi):
            if not (f.start <= m.start() < f.end) and fold(m.group(0).split()[0]) not in MAKES:
                return  # someone named in full in the car's sentence
        _emit_own(an, doc, st, pid, conf, rules, redact, f, None)


def _own_home(
    an: PageAnalyzer,
    doc: PageDoc,
    st: _PageState,
    pid: str,
    conf: float,
    rules: tuple[str, ...],
    redact: list[tuple[int, int]],
    founds: list[Found],
) -> None:
    """On a person's confirmed own site or account, their own profile address in a post that
    names nobody ("Veïns del carrer de l'Om Blanc: nosaltres som al número 9") is theirs: a
    `home_address` (or `address`) exposure (rule own_account), unless the page already gave
    them one."""
    if any(k[0] == pid and k[1] in (Category.HOME_ADDRESS.value, Category.ADDRESS.value)
           for k in st.exposures):
        return
    mine = an.by_id[pid].address_keys
    for f in founds:
        if f.kind != "address" or f.attr("known") not in mine:
            continue
        _emit_own(an, doc, st, pid, conf, rules, redact, f, f.attr("known"))
        return


def _emit_own(an: PageAnalyzer, doc: PageDoc, st: _PageState, pid: str, conf: float,
              rules: tuple[str, ...], redact: list[tuple[int, int]], f: Found,
              ident: str | None) -> None:
    """A value of the owner's own site or account, given to them with the site's confidence."""
    j = Judgement(pid, round(conf, 2), rules, NameMatch(f.start, f.start, "name_username"))
    emit = _Emitter(an, st, doc.text, [], redact)
    _emit_value(an, emit, f, pid, j, ident, doc.folded, Block(0, len(doc.text), "page", "page"))


def _site_base(url: str, usernames: dict[str, int]) -> str:
    """The part of a page address that every page of the same own site starts with: the host
    for "limestonedan.wordpress.com", the host and the user's path for "x.com/mpruneda"."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    base = f"{parts.scheme}://{parts.netloc}"
    if any(u in host.split(".") for u in usernames):
        return base + "/"
    segs = [x for x in parts.path.split("/") if x]
    for i, seg in enumerate(segs[:2]):
        if seg.lower().lstrip("@~") in usernames:
            return base + "/" + "/".join(segs[: i + 1]) + "/"
    return base + "/"
