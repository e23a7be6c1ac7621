"""Attribution: turning the values of a judged block into exposures — a profile value to its
owner, any other value to the block's person (listings) or to the person named nearest to it
(other pages), each mapped to its DESIGN.md §3 category — and the page-level exposures that follow
from the whole page's judgement (relatives, captioned photos, mentions).

Called by page.py once a block's people are judged; `_Emitter` merges each exposure into the
page's output, keeping the most confident one per person, category and value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..model import Category, Exposure, SourceKind
from .blocks import REL_WORDS as _REL_WORDS
from .blocks import Block
from .corroborate import RULES, Judgement, year_diff
from .corroborate import SENTENCE_END as _SENTENCE_END
from .extract import Found
from .extract_dates import DEATH_WORD
from .extract_orgs import COMPANY, OFFICER, TITLE_COMPANY, holds_assets, trim_org
from .kinship import FAMILY_CUE, GENITIVE_RELATION
from .match.tokens import street_words
from .names import NAME_QUALITY, NameMatch, fold
from .state import _IMG_SKIP, _hostname, _PageState, _Scored
from .text import PageDoc, header_above

if TYPE_CHECKING:
    from .page import PageAnalyzer

ORG_NEAR = 400
"""Characters between a person's name and their own school or employer for the page to expose it
(a school's name in the headline, the child's name in the story's first lines)."""
NEAR = 300
"""Characters between a value and a name within which, on a page that is not a listing, an
unlisted value is attributed to the person of that name (rule near_name)."""

TIE_WINDOW = 150
"""Characters on each side of a name searched for a relation or family word (rule relative_tie),
within the name's line and the line before it."""
# what may stand between two names printed as one household: "and", "&", "/", "i", "și"…
_JOINED = re.compile(r"[\s,/&+]*(?:and|und|u\.|et|y|e|i|a|si|oraz|ve|en)?[\s,/&+]*")
# Words of a relatives heading (see `_relative_sections`).
_REL_WORD_RE = re.compile(_REL_WORDS + r"(?![a-z])[ \t]{0,2}(:?)")
# relatives headings that are common words opening a sentence of prose too
_PROSE_FAMILY = frozenset("family familie famille familia rodina rodzina obitelj".split())
_SECTION_END = re.compile(
    r"\n[ \t]{0,3}(?:phones?|phone numbers?|addresses|address|current address|past addresses|"
    r"previous addresses|emails?|email addresses|age|born|aliases|also known as|education|"
    r"employment|work|vehicles?|social|telefon|adresa|vek|view|see|more|adres|adresy|wiek|"
    r"telefony?|adrese|dob|godine|varsta|telefoane|alter|edad|direcciones?|adresse|eta|"
    r"adress|adresser|telefonnummer|fordon|bolagsengagemang|grannar|alder|fodelsedag|civilstand|"
    # a directory's "Nearby" list: the neighbours, never the card's household
    r"nearby|neighbou?rs|w poblizu|sasiedzi|in der nahe|nachbarn|a proximite|voisins|cerca|"
    r"vecinos|nelle vicinanze|vicini|in de buurt|buren|v okoli|sousede|in apropiere|vecini)"
    r"(?![a-z])"
)
_CURRENT_LABEL = re.compile(
    r"(?<![a-z])(?:current(?:ly)?(?: home)?(?: address)?|lives at|living at|resides at|residing at|"
    r"residential address|home address|usual residential address|present address|"
    r"trvale bydliste|bydliste|adresa bydliste|trvaly pobyt|homelocation)(?![a-z])"
)
_PREV_WORDS = (
    r"(?:tidigare|tidligere|fruhere|vorherige|vorige|eerdere|vroegere|anciennes?|precedentes?|"
    r"anteriores?|anterioare|precedenti|poprzednie|poprzedni|predchadzajuce|korabbi|aiemmat|"
    r"aiempi|varasemad|ieprieksejas|ankstesni|ankstesnis|prethodne|prethodna|predishni|"
    r"poperedni|predydushchie|proigoumenes)"
)
_ADDR_WORDS = (
    r"(?:adress\w*|adresse\w*|adres\w*|lakcim\w*|cimek|osoit\w*|aadress\w*|morada\w*|"
    r"direcci\w*|indirizz\w*|dieythyns\w*|bydlisk\w*)"
)
_PREVIOUS_LABEL = re.compile(
    r"(?<![a-z])(?:(?:past|previous|former|prior|formerly|lived at|used to live|drivejsi|"
    r"predchozi)(?: addresses| address| residences?)?|"
    # "Tidigare adresser", "Korábbi lakcímek", "Adresses précédentes", "Moradas anteriores"
    + _PREV_WORDS + r"[ \t]+" + _ADDR_WORDS + r"|" + _ADDR_WORDS + r"[ \t]+" + _PREV_WORDS
    + r")(?![a-z])"
)
# a site's or an event's contact label right before an e-mail, on a line that names nobody of ours
_CONTACT_LABEL = re.compile(
    r"(?<![a-z])(?:kontakt|contact|contacto|contatto|contato|kontakti|kontaktas|kontakts|"
    r"yhteystiedot|enquiries|inquiries|anfragen|informacion|informations?|info)[ \t]*:[ \t]*$"
)
# a club's or an event's sign-up line before a phone, on a line that names nobody of ours:
# "Fusha sintetike "Ali Demi", Tiranë · Regjistrimet: 069 200 4410", "Anmeldung: 0761 …"
_SIGNUP_LABEL = re.compile(
    r"(?<![a-z])(?:regjistrim(?:et|i|e)?|registrations?|bookings?|reservations?|enrol(?:l)?ments?|"
    r"anmeldung(?:en)?|inscriptions?|inscripciones|iscrizioni|zapisy|upisi|prijave|"
    r"ilmoittautuminen|aanmelding(?:en)?|tilmelding|pamelding|anmalan|rezervace|rezervacije|"
    r"rezervime|rezervari|zapisi|prihlasky)[ \t]*:[ \t]*$"
)


_RESIDENCE = re.compile(
    r"(?<![a-z])(?:home|lives|lived|living|resid|domicil|bydl|zamieszk|prebival|stanuje)")
"""Words of residence on the line of a home's street without its number (rule street_only)."""
_RESIDENCE_WIDE = re.compile(
    _RESIDENCE.pattern[:-1] + "|"
    # German, Dutch, Nordic, Finnish, Romance, Polish, Czech and Slovak, Croatian, Hungarian
    r"wohnt|wohnen|wohnhaft|woont|wonen|bor|asuu|asuvat|vive|vit|abita|habite|"
    r"mieszka|zije|zijou|byva|zivi|lakik)"
)
"""The same in the languages the tool reads, for the rule street_named (the street confirms
who it is; it is reported only with the narrower words)."""
_COMMON_STREET_WORDS = frozenset(
    "main high church park oak elm pine maple cedar first second third fourth fifth market "
    "station school mill lake hill river spring washington lincoln jackson center centre king "
    "queen victoria new old north south east west".split()
)


def _type_alternatives(types: frozenset[str]) -> str:
    """Regex alternatives for canonical street types and their printed forms."""
    if not types:
        return ""
    forms = {w for w, canon in street_words().types.items() if canon & types}
    return "|".join(sorted((re.escape(f) + r"\.?" for f in forms), key=len, reverse=True))


# Words right before a name in an image's alt text that make the name a credit (the
# photographer or the account that posted it), in the languages the tool reports in; folded.
_CREDIT = re.compile(
    r"(?:\b(?:photo(?:graph)?|picture|image|post|video|reel|foto(?:grafi[ae])?|fotka|"
    r"zdjecie|snimka|snimak|snimek|fotografija|imagine|billede)(?: \w+){0,2} (?:by|from|przez|"
    r"von|par|de catre|od|af|av|door|autor[a-z]*)|\b(?:shared|posted|taken|uploaded|courtesy|"
    r"credit|credits|delt|gedeeld|geteilt|delad|partagee|condivisa|"
    r"udostepnione|opublikowane|objavio|objavila|snimio|snimila|vyfotil|vyfotila|postat|"
    r"autor|autorka|fotograf|photographer)(?: (?:by|of|przez|de|de catre|od))?|"
    r"\b(?:photo|foto|zdjecie|snimka|fotografija|fotografie|credit)\s*[:\-–|])\s*"
    r"[:\-–|]?\s*$"
)
# "Photo de Nathalie Dubois le 30 août 2026", "Foto di …", "Foto von … am …": the platform's
# own credit line, where "de"/"di"/"von" could also mean "of", is told by the date after the
# name; "Ingrida B. nuotrauka", "Sandra Vītoliņa fotoattēls", "Riikan kuva": the account's
# photo, the name before the noun (Baltic and Finnish alt texts); folded.
_CREDIT_OF = re.compile(r"\b(?:photo|foto|fotografia|fotografie|bild)(?: \w+){0,1} "
                        r"(?:de|di|von|van|da|do)\s*$")
_CREDIT_DATE_AFTER = re.compile(r"^(?: [a-z]\.)?\s*,?\s*(?:le|on|am|den|op|il|el|em|dne|d\.|dia|"
                                r"na)\s+(?:\d|[a-z]+\.? \d)")

_CREDIT_AFTER = re.compile(r"^(?: [a-z]\.)?(?::n|:s|s)?\s+(?:nuotrauka|fotoattels|kuva|fotografija|fotka)"
                           r"\s*(?:[.,:;!]|$)")
_HOME_PHOTO = re.compile(r"\b(?:house|residence|parcel photo|property photo|front of (?:the |our |their )?(?:house|home)|driveway|street view)\b")


class _Emitter:
    """Builds exposures for one block and merges them into the page state."""

    def __init__(
        self,
        an: PageAnalyzer,
        st: _PageState,
        text: str,
        attrs: list[tuple[str, str]],
        redact: list[tuple[int, int]],
    ) -> None:
        self.an = an
        self.st = st
        self.text = text
        self.attrs = attrs
        self.redact = redact

    def add(
        self,
        pid: str,
        cat: Category,
        f: Found,
        j: Judgement,
        ident: str | None,
        extra: tuple[tuple[str, str], ...] = (),
    ) -> None:
        value = f.value
        if cat == Category.BIRTH_DATE and f.kind == "birth_date":
            born = self.an.by_id[pid].person.birth_year
            if born is not None and (year_diff(born, f, self.an.today.year) or 0) > 1:
                # a date of birth years off the person's own is someone else's: the late
                # husband's personnummer in his widow's notice (rule other_birth_date)
                return
        if cat == Category.BIRTH_DATE and f.kind == "age":
            born = self.an.by_id[pid].person.birth_year
            if born is not None and (year_diff(born, f, self.st.ref_year) or 0) > 2:
                # an age years off theirs is not their age, whoever else the page names: the
                # defendant's "(47)" beside the judge named in office in a court report, a
                # pupil's "(11)" that is her school year on an awards list (rule
                # other_birth_date); it is at most what contradicts them (rule age_off)
                return
        # one finding per profile value per page: "Via Nino Bixio 42, 43125 Parma (PR)" in the
        # heading and "Nino Bixio › 42" in the breadcrumb are the same home
        key = (pid, cat.value, f"@{ident}" if ident else value.lower())
        attrs = tuple(sorted(dict([*self.attrs, *extra]).items()))
        exp = Exposure(
            person=pid,
            category=cat,
            url=self.st.url,
            value=value,
            confidence=j.confidence,
            identifier=ident,
            context=_context(self.text, f.start, f.end, self.redact),
            rules=j.rules,
            source=self.st.source,
            probe=self.st.probe,
            attrs=attrs,
        )
        old = self.st.exposures.get(key)
        if (
            old is None
            or exp.confidence > old.confidence
            or (exp.confidence == old.confidence and old.identifier is None and ident is not None)
            or (exp.confidence == old.confidence and ident is not None
                and len(value) > len(old.value))  # the fullest print of the same value
        ):
            if old is not None and old.identifier and not exp.identifier:
                exp = replace(exp, identifier=old.identifier)
            self.st.exposures[key] = exp


def _emit_value(
    an: PageAnalyzer,
    emit: _Emitter,
    f: Found,
    pid: str,
    j: Judgement,
    ident: str | None,
    folded: str,
    block: Block,
) -> None:
    """One value → its category (DESIGN.md §3)."""
    if f.kind == "address":
        if ident is None and f.attr("known"):
            f = replace(f, attrs=tuple(kv for kv in f.attrs if kv[0] != "known"))
        _emit_address(an, emit, f, pid, j, ident, folded, block)
    elif f.kind == "phone":
        emit.add(pid, Category.PHONE, f, j, ident)
    elif f.kind == "email":
        emit.add(pid, Category.EMAIL, f, j, ident)
    elif f.kind in ("age", "birth_date"):
        extra: tuple[tuple[str, str], ...]
        if f.kind == "age":
            extra = (("age", f.attr("age") or f.value),)
        else:
            extra = (("full_date", "1"),) if f.attr("full_date") else (("partial", "1"),)
        by = an.by_id[pid].person.birth_year
        diff = year_diff(by, f, emit.st.ref_year or an.today.year) if by else None
        if diff is not None and diff >= AGE_NOT_HERS:
            # "Andra med samma namn: Helena Sandahl, 34, Göteborg" at the foot of her own card:
            # an age years away from her birth year is a namesake's, never reported as hers
            return
        # the profile's birth year, by reference, when the page agrees with it
        emit.add(
            pid,
            Category.BIRTH_DATE,
            f,
            j,
            "birth_year" if diff is not None and diff <= 1 else None,
            extra,
        )
    else:
        emit.add(pid, Category.VEHICLE, f, j, None)


AGE_NOT_HERS = 5
"""Years between a printed age (or birth year) and the profile's birth year from which it is
someone else's: a stale page is a year or two off, a namesake more."""


def _emit_address(
    an: PageAnalyzer,
    emit: _Emitter,
    f: Found,
    pid: str,
    j: Judgement,
    ident: str | None,
    folded: str,
    block: Block,
) -> None:
    label = None
    if f.attr("known") and ident is not None:
        _pid, addr, ident2 = an._addr_meta[f.attr("known") or ""]
        label = addr.label
        ident = ident2
        if addr.is_current:
            emit.add(pid, Category.HOME_ADDRESS, f, j, ident, (("label", label),))
        else:
            emit.add(pid, Category.ADDRESS, f, j, ident, (("label", label),))
        return
    page_label = _address_label(folded, block, f.start)
    known_home = any(a.is_current for a in an.profile.matching_addresses(an.by_id[pid].person))
    if page_label == "current" and j.confidence >= an.threshold and not known_home:
        emit.add(pid, Category.HOME_ADDRESS, f, j, None, (("label", "current"),))
    elif page_label == "current":
        # a card's "Current address" that is not the home the profile knows (a grown child's
        # student flat; a stale card): another address of theirs, labelled current
        emit.add(pid, Category.ADDRESS, f, j, None, (("label", "current"),))
    elif page_label == "previous":
        emit.add(pid, Category.ADDRESS, f, j, None, (("label", "previous"),))
    else:
        emit.add(pid, Category.ADDRESS, f, j, None)


_AFTER_STREET = frozenset(
    "since where while after until which whose before neighbours neighbors residents "
    "homeowners household households".split())


def home_streets(
    an: PageAnalyzer, doc: PageDoc, block: Block, pid: str, matches: list[NameMatch], *,
    wide: bool = False,
) -> Iterator[tuple[Found, str, Any, Any]]:
    """The street of a current home of `pid`, without a house number, on the line of one of
    their name `matches` and near it, with a word of residence ("… of Alderbrook Drive", "wohnt
    seit zehn Jahren in der Rautenstrauchstraße"): (the street, its key, the address, its
    identifier)."""
    text, folded = doc.text, doc.folded
    for key in an.by_id[pid].address_keys:
        _o, addr, ident = an._addr_meta[key]
        pat = an.known.key(key)
        if not addr.is_current or pat is None:
            continue
        name = r"[ \t]{1,2}".join(re.escape(w) for w in pat.words)
        common = len(pat.words) == 1 and pat.words[0] in _COMMON_STREET_WORDS
        types = _type_alternatives(pat.types)
        rx = re.compile(
            name
            + (
                r"(?:[ \t]{1,2}(?:" + types + r"))" + ("" if common else "?")
                if types
                else ""
            )
            + r"(?![a-z0-9])"
        )
        for m in rx.finditer(folded, block.start, block.end):
            ms, me = m.start(), m.end()
            if ms > 0 and folded[ms - 1].isalnum():
                continue
            if re.search(r"\d[ \t,]{0,3}$", folded[max(0, ms - 8) : ms]):
                continue  # a numbered address: another house, or already matched
            if not text[ms].isupper():
                continue
            typed = bool(types) and re.search(r"[ \t](?:" + types + r")$", folded[ms:me])
            nxt = re.match(r"[ \t]{1,2}([a-z]{5,})", text[me : me + 20])
            if not typed and nxt and nxt.group(1) not in _AFTER_STREET:
                continue  # a name without its street type before a noun is a word of
                # the sentence: "the daughter of Azorean immigrants" (not "… on
                # Alderbrook with her husband", "… since 2011")
            ls = folded.rfind("\n", 0, ms) + 1
            le = folded.find("\n", me)
            le = len(folded) if le < 0 else le
            mine = [x for x in matches if ls <= x.start < le]
            if not mine or _distance(Found("x", ms, me, ""), mine) > NEAR:
                continue
            line = folded[ls:le]
            if not (
                (_RESIDENCE_WIDE if wide else _RESIDENCE).search(line)
                or re.search(r"(?<![a-z])of[ \t]{1,2}$", folded[max(0, ms - 5) : ms])
            ):
                continue
            yield Found("street", ms, me, " ".join(text[ms:me].split())), key, addr, ident
            break


def _street_only(
    an: PageAnalyzer, emit: _Emitter, doc: PageDoc, block: Block, scored: dict[str, _Scored]
) -> None:
    """ "Eleanor and Dan Whitfield of Alderbrook Drive", "she lives in the grey house on
    Alderbrook": the street of a current home, without a house number, in the same paragraph
    as the person's name and with a word of residence, tells a stranger where to look
    (DESIGN.md §3: a current address of the person). Rule street_only."""
    for pid, sc in scored.items():
        if sc.judgement.confidence < an.threshold or sc.in_relatives:
            continue
        for f, _key, addr, ident in home_streets(an, doc, block, pid, sc.matches):
            j = replace(sc.judgement, rules=(*sc.judgement.rules, "street_only"))
            emit.add(
                pid,
                Category.HOME_ADDRESS,
                f,
                j,
                ident,
                (("label", addr.label), ("street_only", "1")),
            )


# family words in Chinese (traditional and simplified) and Korean, read on the text: fold gives
# those scripts no letters to read ("其女兒、…法官陳慧玲", "부인 그레이스 챈")
_CJK_KIN = re.compile(
    "女兒|女儿|兒子|儿子|丈夫|妻子|太太|母親|母亲|父親|父亲|媽媽|妈妈|爸爸|孫女|孙女|孫子|孙子|"
    "息子|부인|남편|아내|딸|아들|어머니|아버지|모친|부친")


def tied(
    folded: str,
    block: Block,
    rel: list[NameMatch],
    judge: list[NameMatch],
    in_relatives: bool,
    shared_home: bool,
    text: str = "",
) -> bool:
    """Whether a text ties a relative to the judge (rule relative_tie), rather than merely
    naming both: one people-search card naming both (`judge`: the judge's matches in the same
    block, empty when the judge is elsewhere on the page), a relatives heading,
    a relation or family word near either name ("her husband", "kći", "survived by"), a
    home both are shown at (a voter roll's "other voters at this address"), or the two names
    joined as one household ("Doug and Renata Kerr", "KERR DOUGLAS P/RENATA I").
    Two rows of a race result or a roster do none of these."""
    if in_relatives or shared_home or (block.kind != "page" and judge
                                       and not _other_rows(folded, rel, judge)):
        return True  # a card names its person's relatives; rows of a table are not a card
    if any(m.rule == "name_given_with_family" for m in [*rel, *judge]):
        # a first name alone was read as theirs only in a family context: the relative's
        # ("their daughter Sofia"), or the judge's on a relative's page ("I live with Núria,
        # who is a judge at the Audiència"; "Kate has already claimed it")
        return True
    for m in [*rel, *judge]:
        # the name's own line and the line before it (a label: "Associated names:"), never
        # the site's chrome ("Find your family and friends")
        line_start = folded.rfind("\n", 0, m.start) + 1
        prev_start = folded.rfind("\n", 0, max(0, line_start - 1)) + 1
        line_end = folded.find("\n", m.end)
        line_end = len(folded) if line_end < 0 else line_end
        lo = max(block.start, prev_start, m.start - TIE_WINDOW)
        hi = min(block.end, line_end, m.end + TIE_WINDOW)
        if FAMILY_CUE.search(folded, lo, hi) or (text and _CJK_KIN.search(text, lo, hi)):
            return True
        g = GENITIVE_RELATION.match(folded, m.end)
        if g and (g.group(0)[:1] in ("s", "'") or folded[m.end - 1] == "s"):
            return True  # "Birgitte Ravnholt Skovgaards far, Poul Erik Ravnholt"
    for a in rel:
        for b in judge:
            if a.start < b.end and b.start < a.end and "name_household" in (a.rule, b.rule):
                return True  # one couple's name: "Katharina und Jens Overbeck"
            first, second = (a, b) if a.start <= b.start else (b, a)
            between = folded[first.end : second.start]
            if 0 <= second.start - first.end <= 12 and _JOINED.fullmatch(between) and not (
                    "\n" in between and not between.strip(" \t\n")
                    and not _in_row(folded, first.start) and not _in_row(folded, second.end)):
                return True  # (two guardians in one cell of a row, "Helena Öberg" / "Jonas
                # Bergkvist"; never two lines of a list: "Друзья" / "Георгий …" / "Мариана …")
    return False


def _other_rows(folded: str, rel: list[NameMatch], judge: list[NameMatch]) -> bool:
    """Whether the two people stand only on different rows of a table (tab-separated lines:
    two runners of one race result, "211 · LANZONI STEFANO · 1970" and "388 · TASSINARI
    CHIARA · 1972"), never on one row."""
    def row(m: NameMatch) -> tuple[int, int] | None:
        ls = folded.rfind("\n", 0, m.start) + 1
        le = folded.find("\n", m.end)
        le = len(folded) if le < 0 else le
        return (ls, le) if "\t" in folded[ls:le] else None

    rows_a, rows_b = {row(m) for m in rel}, {row(m) for m in judge}
    return None not in rows_a | rows_b and not rows_a & rows_b


def _in_row(folded: str, pos: int) -> bool:
    """Whether the line at `pos` is part of a table row (it holds a tab)."""
    ls = folded.rfind("\n", 0, pos) + 1
    le = folded.find("\n", pos)
    return "\t" in folded[ls : len(folded) if le < 0 else le]


def joined(between: str) -> bool:
    """Whether the (folded) text between two names joins them as one household ("and", "&",
    "u.", "/", "și")."""
    return bool(_JOINED.fullmatch(between))


def _shared_home(an: PageAnalyzer, st: _PageState, pid: str, subject: str) -> bool:
    """Whether the page already shows the relative and the judge at one address (the same
    profile address, or the same printed one): not each at their own home."""
    homes: dict[str, set[str]] = {pid: set(), subject: set()}
    for e in st.exposures.values():
        if e.person in homes and e.category in (Category.HOME_ADDRESS, Category.ADDRESS):
            known = an.home_of.get((e.person, e.identifier or ""))
            homes[e.person].add(known or " ".join(fold(e.value).split()))
    return bool(homes[pid] & homes[subject])


def _relatives(
    emit: _Emitter,
    scored: dict[str, _Scored],
    confirmed: set[str],
    subject: str,
    folded: str,
    block: Block,
) -> None:
    """Each consenting relative confirmed in a block where the judge is confirmed too, when
    the block ties them (`tied`: a listing of the judge naming them, the relative's own
    listing naming the judge, a news story calling them her husband) → a `relative` exposure
    attributed to them. Two relatives without the judge (a father and son on one race
    result), or the judge and a relative on two rows of one, link nobody: no exposure."""
    if subject not in confirmed or len(confirmed) < 2:
        return  # a relative is a link to the judge: both confirmed in one block
    judge = scored[subject]
    # the judge's own account or site: whom she posts about by name is her family ("So proud
    # of Emma … and of Joe Cutajar for surviving 4 hours on the stands")
    from .ownsite import _url_owner  # (ownsite builds on this module)

    owner = _url_owner(emit.an, emit.st.url)
    own_page = block.kind == "page" and owner is not None and owner[0] == subject
    for pid, s in scored.items():
        if pid == subject or pid not in confirmed:
            continue
        if not (own_page and not s.given_only) and not tied(
            folded,
            block,
            s.matches,
            judge.matches,
            s.in_relatives or judge.in_relatives,
            _shared_home(emit.an, emit.st, pid, subject),
            emit.text,
        ):
            continue
        # (the name as printed, not the title of their own site that carries their username)
        m = next((m for m in s.matches if m.rule != "name_username"), s.matches[0])
        f = Found("name", m.start, m.end, " ".join(emit.text[m.start : m.end].split()))
        extra = (("minor", "1"),) if s.pf.person.minor else ()
        emit.add(pid, Category.RELATIVE, f, s.judgement, "name", extra)


def _site_operator(url: str, name: str) -> bool:
    """Whether an organisation's name is the page's own site's ("CompanyWall d.o.o." on
    companywall.rs): its words run together are the host's main label."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    label = host.split(".")[0] if host else ""
    # (a year before it is the footer's: "© 2026 CompanyWall d.o.o.")
    words = [w for w in re.findall(r"[a-z0-9]+", fold(name)) if len(w) > 1 and not w.isdigit()]
    return len(label) >= 4 and any(
        "".join(words[:k]) == label for k in range(1, len(words) + 1)
    )


def _schools_and_work(
    an: PageAnalyzer,
    emit: _Emitter,
    doc: PageDoc,
    block: Block,
    bf: list[Found],
    scored: dict[str, _Scored],
) -> None:
    """A confirmed child's school and a confirmed relative's employer: the profile's own
    organisation in any print form near the name, or implicit because the page is its own
    site; any other school or employer only right next to the name."""
    for pid, s in scored.items():
        person = s.pf.person
        if s.judgement.confidence < an.threshold:
            continue
        is_child = person.minor or person.relation == "child"
        kinds = (["school"] if is_child else []) + (
            # (a minor has no employer: the company named beside them is a parent's)
            ["employer"] if pid != an.profile.subject.id and not person.minor else []
        )
        for kind in kinds:
            cat = Category.SCHOOL if kind == "school" else Category.WORKPLACE
            own_key = f"{pid}:{kind}"
            own = [f for f in bf if f.kind == kind and f.attr("known") == own_key]
            near_own = False
            # named with an officer's role in the notice of their own employer ("Persoana
            # juridică: CETĂȚUIA SOFTWARE SOLUTIONS SRL … Se numește în funcția de administrator
            # … domnul RĂDULESCU BOGDAN-CRISTIAN"): the company is the whole notice's subject,
            # however long the notice (rule own_company)
            officer = kind == "employer" and any(
                OFFICER.search(doc.folded, max(block.start, m.start - 80), m.start)
                for m in s.matches)
            if s.in_relatives:
                # a relative of the record's person: only their own organisation printed right
                # beside their name ("sa fille Léa Dufresnoy (3e, collège Les Châtaigniers)")
                own = [f for f in own if not f.attr("implicit")
                       and _distance(f, s.matches) <= ORG_NEAR]
            for f in own:
                if kind == "school" and not f.attr("implicit") and (
                        _VENUE_BEFORE.search(doc.folded, max(0, f.start - 30), f.start)
                        # (not the kind glued to it: "Lorettoberg-Gym.")
                        or (_VENUE_AFTER.match(doc.folded, f.end)
                            and doc.folded[f.end : f.end + 1] != "-")):
                    continue  # where a team trains, not whose school it is
                if not f.attr("implicit") and _anothers_sentence(doc.text, f, pid, s, scored,
                                                                 an.threshold):
                    continue  # "Sorensen, 45, … graduated from BYU": the judge's, not her
                    # daughter's, whose school BYU is
                if f.attr("implicit") or _distance(f, s.matches) <= ORG_NEAR or (
                        officer and COMPANY.search(doc.text[f.start : f.end + 16])):
                    emit.add(pid, cat, f, s.judgement, kind)
                    near_own = near_own or not f.attr("implicit")
            if near_own:
                continue  # their own school is named by their name: the others are classmates'
            if s.given_only or s.in_relatives:
                continue  # a first name alone, or a relative on a card, owns no other one
            for f in bf:
                if f.kind != kind or f.attr("known") is not None:
                    continue
                if any(f.start < o.end and o.start < f.end for o in own):
                    continue  # the profile's own organisation, already reported
                if _FORMER_BEFORE.search(doc.folded, max(0, f.start - 40), f.start):
                    continue  # "a retired teacher at Rockfield Primary": no workplace now
                if kind == "employer" and _officer_entry(doc, f, s.matches):
                    continue  # "A.K. CORPORATE SECRETARIAL SERVICES LTD, secretary": an officer
                if _site_operator(doc.url, f.value):
                    continue  # "© CompanyWall d.o.o." on companywall.rs: the site's, not theirs
                # another school or employer: in the name's own sentence or data sheet, never
                # a venue further on ("Training Wednesdays, Epping West Public School courts")
                if _VENUE_AFTER.match(doc.folded, f.end):
                    continue  # "… Public School courts", "… Schule, Turnhalle": a venue
                if _distance(f, s.matches) <= 200 and _attributable(doc.text, f, s.matches):
                    emit.add(pid, cat, f, s.judgement, None)


def _anothers_sentence(text: str, f: Found, pid: str, s: _Scored,
                       scored: dict[str, _Scored], threshold: float) -> bool:
    """Whether an organisation's own sentence names another confirmed family member before it
    and not this person: what it says of it is theirs."""
    if any(same_sentence(text, f, m) and abs(m.start - f.start) <= ORG_NEAR for m in s.matches):
        return False
    # (their first name alone in it names them too: "Ena, nxënëse … në SHFMU “Drita e Dijes”,
    # është vajza e gjyqtares Blerina Dërmaku")
    lo = max((x.end() for x in _SENTENCE_END.finditer(text, max(0, f.start - ORG_NEAR),
                                                       f.start)), default=max(0, f.start - ORG_NEAR))
    end = _SENTENCE_END.search(text, f.end)
    hi = end.start() if end is not None else len(text)
    if s.pf.matcher.given_only(text[lo:hi]):
        return False
    # (before it, as the sentence's subject: "Sorensen, 45, … graduated from BYU"; not "a Year
    # 9 pupil at Cranmore Park Grammar School, was coached by her father, Declan Hanna")
    return any(same_sentence(text, f, m) and 0 <= f.start - m.end <= ORG_NEAR
               for q, o in scored.items() if q != pid and o.judgement.confidence >= threshold
               for m in o.matches)


def _pupil_on_school_site(an: PageAnalyzer, doc: PageDoc, st: _PageState,
                          implicit: Sequence[Found], redact: list[tuple[int, int]]) -> None:
    """On the site of a child's own school, the child's first name with the initial of the
    surname ("Isla P (9W)", "Léa K.") is the child: schools print their pupils so, and few of
    them share a first name and that initial (rule name_given_initial). It exposes the school,
    nothing else."""
    text = doc.text
    for f in implicit:
        key = f.attr("known") or ""
        if not key.endswith(":school"):
            continue
        pid = key.split(":", 1)[0]
        person = an.by_id[pid].person
        if not (person.minor or person.relation == "child"):
            continue
        forms = [n.split() for n in (person.name, *person.aliases) if len(n.split()) >= 2]
        givens = {w[0] for w in forms}
        letters = {x[0] for w in forms for x in w[1:] if x[:1].isupper()}
        if not givens or not letters:
            continue
        # (one initial, or two where a child carries both parents' surnames: "Lucía B. F.")
        cls = "[" + "".join(re.escape(c) for c in sorted(letters)) + "]"
        rx = re.compile(
            r"(?<![\w.])(?:" + "|".join(re.escape(g) for g in sorted(givens)) + r")[ \t]+"
            + cls + r"(?:\.[ \t]?" + cls + r")?(?:\.|(?=[ \t]*[(,;|\n])|$)")
        # or surname first, as registers and honour rolls print: "Hadjipetrou G."
        surnames = {x for w in forms for x in w[1:] if len(x) >= 3 and x[:1].isupper()}
        initials = {g[0] for g in givens if g[:1].isupper()}
        rx2 = re.compile(
            r"(?<![\w.])(?:" + "|".join(re.escape(x) for x in sorted(surnames)) + r"),?[ \t]+["
            + "".join(re.escape(c) for c in sorted(initials)) + r"]\.(?![ \t]?[A-Z]\w)",
            re.IGNORECASE) if surnames and initials else None
        m = rx.search(text) or (rx2.search(text) if rx2 is not None else None)
        if m is None or any(k[0] == pid and k[1] == Category.SCHOOL.value
                            for k in st.exposures):
            continue  # (or the school is reported for them on this page already)
        rules = ("name_given_initial", "known_org", "own_site")
        conf = NAME_QUALITY["name_given_initial"] * RULES["known_org"].weight
        j = Judgement(pid, round(conf, 2), rules,
                      NameMatch(m.start(), m.end(), "name_given_initial"))
        emit = _Emitter(an, st, text, [], redact)
        emit.add(pid, Category.SCHOOL,
                 Found("school", m.start(), m.end(), f.value, (("known", key),)), j, key)


def _officer_entry(doc: PageDoc, f: Found, matches: list[NameMatch]) -> bool:
    """Whether a company opens a line of a list of officers with its own role after it ("A.K.
    CORPORATE SECRETARIAL SERVICES LTD, secretary") on a line none of the person's names is on:
    an officer of the same company, not the person's employer."""
    ls = _line_start(doc.text, f.start)
    le = doc.text.find("\n", f.end)
    le = len(doc.text) if le < 0 else le
    if doc.text[ls : f.start].strip() or any(ls <= m.start < le for m in matches):
        return False
    return bool(OFFICER.match(doc.folded, f.end, le) or re.match(
        r"[ \t,;:–—\-]{1,4}", doc.folded[f.end : le]) and OFFICER.search(doc.folded, f.end,
                                                                         min(le, f.end + 24)))


# a past post before an organisation's name: "a retired teacher at", "former pupil of"
_FORMER_BEFORE = re.compile(
    r"(?<![a-z])(?:retired|former|formerly|ex|previously|onetime|one-time|ehemalige[rn]?|"
    r"fruher|ancien(?:ne)?|retraite[e]?|ex-|jubilado|jubilada|jubilat|jubilada|pensionad[oa]|"
    r"in pensione|pensionato|pensionata|emerit[oa]?|gepensioneerd|voormalig|pensionert|"
    r"pensionerad|entinen|elakkeella)\b[^.;\n]{0,35}$"
)


# a facility after a school's name: the place of a training or a match, not a pupil's school
_VENUE = (r"(?:courts?|oval|gym|gymnasium|pool|fields?|hall|pitch|grounds|track|"
          r"stadium|sporthalle|turnhalle|halle|sportplatz|dvorana|hala|boisko|sala|palestra|"
          r"campo|salle|gymnase|piscina|piscine|idrottshall|sporthal|liikuntasali|kentta)")
_VENUE_AFTER = re.compile(r"[ \t,\-–]{0,3}" + _VENUE + r"(?![a-z])")
# "Palestra scuola Morandi", "Turnhalle der Waldschule": the school's hall, a team's venue
_VENUE_BEFORE = re.compile(r"(?<![a-z])" + _VENUE
                           + r"(?:[ \t]{1,2}(?:of|der|des|de|della|del|at|da|di|la|the)){0,2}"
                           r"[ \t]{1,2}$")


OWNERS_HEAD = 40
"""At most this long, a line above a person's line that is only an owners' word heads it."""
# a register's heading over the company's owners (folded), never over an agent or an officer
# alone: "Osnivači", "Founders", "Shareholders", "Gesellschafter", "Wspólnicy", "Společníci"
_OWNERS = re.compile(
    r"(?:osnivaci|osnivac|founders?|owners?|shareholders?|members|partners|gesellschafter|"
    r"wspolnicy|spolecnici|spolocnici|zakladatele|vlasnici|fondatori|soci|associes|socios|"
    r"inhaber|eigentumer|proprietaires|aandeelhouders|vennoten|osakkaat|delagare|ejere)[ \t]*:?")


def _own_company(an: PageAnalyzer, emit: _Emitter, doc: PageDoc, block: Block,
                 scored: dict[str, _Scored]) -> None:
    """A relative's own company: a company name with a legal form that carries their surname
    ("PERKOVIĆ PROJEKT d.o.o.") or that the page is about (its title names it: the company's
    register extract, "GEOMETRON I.K.E. | Dimosiotita GEMI"), on a page where they are
    confirmed with an officer's role on their own line ("Davor Perković · Direktor",
    "ΤΣΟΛΑΚΗΣ ΚΩΝΣΤΑΝΤΙΝΟΣ — Διαχειριστής"). It is where they work (rule own_company).
    A company that holds assets ("KERR-MONTANO PROPERTIES, L.L.C.", "… Family Trust", an
    estate's management company) is no workplace."""
    text, folded = doc.text, doc.folded
    for pid, s in scored.items():
        if (pid == an.profile.subject.id or s.in_relatives or s.given_only
                or s.pf.person.minor or s.judgement.confidence < an.threshold):
            continue  # (a minor runs no company: the parent's named beside them does)
        role = False
        for m in s.matches:
            ls = _line_start(text, m.start)
            le = text.find("\n", m.end, m.end + 400)
            if OFFICER.search(folded, ls, le if le >= 0 else min(len(text), m.end + 400)):
                role = True
                break
            # or under a heading of owners on the line right above: "Osnivači" over "SOFTIĆ
            # FATIMA, Tuzla, … – udio 100%"
            hs = _line_start(text, max(0, ls - 1))
            head = folded[hs : max(hs, ls - 1)].strip()
            if 0 < len(head) <= OWNERS_HEAD and _OWNERS.fullmatch(head):
                role = True
                break
        if not role:
            continue
        surnames = set(s.pf.matcher.surnames)
        title_words = set(re.findall(r"[a-z]+", fold(doc.title)))
        tm = TITLE_COMPANY.match(doc.title)
        if tm is not None and not _site_operator(doc.url, tm.group("name")) \
                and not holds_assets(tm.group(0)):
            # the register page of a company its title names, with a legal form, whatever the
            # case of its words ("Girios kodas, MB"): the name printed in the block is its
            at = folded.find(fold(tm.group("name").strip()), block.start, block.end)
            name = tm.group("name").strip()
            if at >= 0 and not holds_assets(name):
                f = Found("employer", at, at + len(name), text[at:at + len(name)],
                          (("own_company", "1"),))
                emit.add(pid, Category.WORKPLACE, f, s.judgement, None)
                continue
        for cm in COMPANY.finditer(text, block.start, block.end):
            if re.match(r"[ \t]{0,2}[„“\"«]", text[cm.end():cm.end() + 3]):
                continue  # the form opens the next name: "Brolis UAB „Kuršių jachtos“"
            name = trim_org(cm.group(0))
            words = set(re.findall(r"[a-z]+", fold(name)))
            # the page's own company: the words of its name, bar the legal form, in the title —
            # never the site's operator ("© CompanyWall d.o.o." on companywall.rs)
            core = {w for w in words if len(w) >= 4}
            subject = bool(core) and core <= title_words and not _site_operator(doc.url, name)
            if ((not subject and not any(set(sur.split()) <= words for sur in surnames))
                    or holds_assets(name) or "management" in words):
                continue
            start = cm.start() + cm.group(0).find(name)
            f = Found("employer", start, start + len(name), name, (("own_company", "1"),))
            emit.add(pid, Category.WORKPLACE, f, s.judgement, None)


_DEATH_NEAR = re.compile(DEATH_WORD)


def death_sentence(text: str, f: Found) -> bool:
    """Whether the sentence that holds a value tells of a death ("décédée le 6 mars 2026 à
    Ettelbruck, à l'âge de 79 ans", "am Alter vun 78 Joer verschidden"): its age and dates are
    the deceased's."""
    end = _SENTENCE_END.search(text, f.end)
    stop = end.start() if end else len(text)
    start = _sentence_start(text, f.start)
    for _ in range(2):
        # a notice breaks its sentence over lines ("… font part du décès de / Madame Jeanne
        # DUPONT née DURAND / survenu le 2 mars 2026, à l'âge de 83 ans."): read on upwards
        # while the line before ends with no stop
        if start == 0 or text[start - 1] != "\n":
            break
        ls = text.rfind("\n", 0, start - 1) + 1
        prev = text[ls : start - 1].rstrip()
        if not prev or prev[-1] in ".!?;:,":
            break
        start = ls
    return bool(_DEATH_NEAR.search(fold(text[start:stop])))


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence (or line) holding `pos` starts."""
    ls = text.rfind("\n", 0, pos) + 1
    ends = [m.end() for m in _SENTENCE_END.finditer(text, ls, pos)]
    return ends[-1] if ends else ls


_POSTCODE_BEFORE = re.compile(r"(?<![\d.,])\d{3,5}(?:[ \t]\d{2,3})?[ \t]{1,2}$")
CUE_WINDOW = 250
"""Characters on each side of a profile phone or e-mail searched for a cue of its owner
(rule contact_with_cue)."""


def _contact_with_cue(
    an: PageAnalyzer, doc: PageDoc, founds: list[Found], st: _PageState,
    redact: list[tuple[int, int]],
) -> None:
    """A phone number or e-mail address of the profile printed where no block confirmed its
    owner, but with a cue of them nearby — their first name or nickname, or their surname
    ("Gosia, Kraków Zwierzyniec, 512 300 417" in a classified ad; "o doamnă Mirela
    din Cluj" on a reverse-phone page): the number is theirs by the profile, so the page exposes
    it (rule contact_with_cue). Without a name cue the page is not taken as about them."""
    text, folded = doc.text, doc.folded
    cued: dict[str, Judgement] = {}
    for f in founds:
        if f.kind == "address" and f.attr("known"):
            _family_address(an, doc, f, st, redact)
            continue
        if f.kind not in ("phone", "email"):
            continue
        owners = [(pid, ident) for pid, ident in an._known_owners(f)]
        cat = Category.PHONE if f.kind == "phone" else Category.EMAIL
        for pid, ident in owners:
            if (pid, cat.value, f"@{ident}" if ident else f.value.lower()) in st.exposures:
                continue
            pf = an.by_id[pid]
            lo, hi = max(0, f.start - CUE_WINDOW), min(len(text), f.end + CUE_WINDOW)
            spans = [(s + lo, e + lo, "name_given_with_family")
                     for s, e in pf.matcher.given_only(text[lo:hi], folded[lo:hi])
                     # a town after its postcode is no first name ("601 00 ΚΑΤΕΡΙΝΗ")
                     if not _POSTCODE_BEFORE.search(text, max(0, s + lo - 12), s + lo)]
            spans += [(s + lo, e + lo, "name_surname")
                      for s, e in pf.matcher.surname_spans(text[lo:hi], folded[lo:hi])]
            if not spans:
                continue
            s0, e0, rule = min(spans, key=lambda x: abs(x[0] - f.start))
            if rule == "name_surname" and any(
                    k[1] == cat.value and k[0] != pid and e.value == f.value
                    for k, e in st.exposures.items()) and not any(
                    k[0] == pid and k[1] != Category.MENTION.value for k in st.exposures):
                # a household's number on the card of another of the family, named there in
                # full, where this person is named nowhere ("O'SULLIVAN DIARMUID"): the surname
                # is theirs, the listing is not this person's (a couple's row that names both,
                # "Radošević Goran i Snježana", is both of theirs)
                continue
            j = Judgement(pid, 0.75, (rule, f"known_{f.kind}", "contact_with_cue"),
                          NameMatch(s0, e0, rule))
            _Emitter(an, st, text, [], redact).add(pid, cat, f, j, ident)
            st.about.add(pid)
            cued[pid] = j
    if len(cued) == 1 and st.about <= set(cued):
        _own_ad(an, doc, founds, st, redact, *next(iter(cued.items())))


def _own_ad(an: PageAnalyzer, doc: PageDoc, founds: list[Found], st: _PageState,
            redact: list[tuple[int, int]], pid: str, j: Judgement) -> None:
    """A page that only one family member's own phone or e-mail, with their first name, made
    about them — a classified ad ("Vendeur : Olivier · membre depuis 2013", "Mikko R. · Puhelin
    044 …") — is their ad: the one car it offers and the profile address it gives for a viewing
    ("Nouto: Kuusikkokatu 14, Tampere") are theirs (rule own_ad)."""
    emit = _Emitter(an, st, doc.text, [], redact)
    ad = replace(j, rules=(*j.rules, "own_ad"))
    cars = [f for f in founds if f.kind in ("plate", "vehicle") and f.start < doc.visible_end]
    if cars and len({f.value for f in cars if f.kind == "plate"}) <= 1 \
            and len({f.value for f in cars if f.kind == "vehicle"}) <= 1:
        for f in cars:
            emit.add(pid, Category.VEHICLE, f, ad, None)
    for f in founds:
        if f.kind != "address" or f.start >= doc.visible_end:
            continue
        meta = an._addr_meta.get(f.attr("known") or "")
        if meta is not None and meta[0] == pid:
            _o, addr, ident = meta
            cat = Category.HOME_ADDRESS if addr.is_current else Category.ADDRESS
            emit.add(pid, cat, f, ad, ident, (("label", addr.label),))


# "Familie Hasenöhrl, Burggasse 11", "Rouwadres: Familie Vande Casteele, …": a household named by
# its surname after a word for family
_FAMILY_WORD = re.compile(
    r"(?<![a-z])(?:famille|familie|family|fam\.|famiglia|familia|rodina|rodiny|rodzina|obitelj|"
    r"porodica|druzina|csalad|perhe|familjen|oikogeneia|semeistvo|simia|gezin|"
    r"the)[ \t]{1,2}$"
)


def _family_address(an: PageAnalyzer, doc: PageDoc, f: Found, st: _PageState,
                    redact: list[tuple[int, int]]) -> None:
    """A profile address printed after its household's surname with a word for family —
    "Traueradresse: Familie Hasenöhrl, Burggasse 11, 8750 Judenburg", "Adresse de correspondance:
    Famille Vande Casteele, Rue des Orfèvres 18/3, 7850 Enghien" — is that person's address on
    the page, though no one is named in full (rule family_address)."""
    if f.start >= doc.visible_end:
        return
    pid, addr, ident = an._addr_meta[f.attr("known") or ""]
    cat = Category.HOME_ADDRESS if addr.label == "home" else Category.ADDRESS
    if any(k[0] == pid and k[1] in (Category.HOME_ADDRESS.value, Category.ADDRESS.value)
           for k in st.exposures):
        return
    pf = an.by_id[pid]
    lo = max(0, f.start - 80, doc.text.rfind("\n", 0, max(0, doc.text.rfind("\n", 0, f.start))) + 1)
    span = next(((lo + s, lo + e) for s, e in pf.matcher.surname_spans(
        doc.text[lo : f.start], doc.folded[lo : f.start])
        if len(doc.folded[lo + e : f.start]) <= 8
        and _FAMILY_WORD.search(doc.folded, max(0, lo + s - 12), lo + s)
        and not (doc.text[lo + s - 4 : lo + s].strip().lower() == "the"
                 and not re.match(r"\s*family", doc.folded[lo + e : lo + e + 10]))), None)
    named = span is not None
    if span is None and (pid in st.about or any(k[0] == pid for k in st.exposures)):
        # "at the Callahans' — 36 Thatcher Farm Lane": the household by its plural, right
        # before the address, for a person the page names already (the volunteer who hosts)
        pm = next((m for sn in pf.matcher.surnames if (m := re.search(
            r"(?<![a-z])the[ \t]{1,2}" + re.escape(sn) + r"(?:s|es)'?(?![a-z])[^a-z0-9]{0,8}$",
            doc.folded[lo : f.start]))), None)
        span = (lo + pm.start(), lo + pm.end()) if pm is not None else None
    if span is None:
        return
    j = Judgement(pid, 0.9, ("name_surname", "known_address", "family_address"),
                  NameMatch(span[0], span[1], "name_surname"))
    _Emitter(an, st, doc.text, [], redact).add(pid, cat, f, j, ident)
    if named:
        st.about.add(pid)


WEAK_FORMS = frozenset({"name_initial", "name_register", "name_title", "name_honorific"})
"""Name forms built on an initial, a title or an honorific."""
_WEAK_NAME_FORMS = WEAK_FORMS | {"name_given_with_family", "name_username", "name_surname"}
"""Name forms that are not a person's name in full."""


def _page_homes(an: PageAnalyzer, doc: PageDoc, founds: list[Found], blocks: list[Block],
                names: dict[str, list[NameMatch]], st: _PageState,
                redact: list[tuple[int, int]]) -> None:
    """A profile address in a part of the page that names nobody, on a page confirmed to be
    about the address's person: a land-register excerpt prints the property ("Asukoht: Tartu
    linn, Sõstra tn 11") in one section and its owners in another, a profile page its "Location"
    box apart from the name. The page shows that person's address (rule page_home)."""
    taken = [m.start for ms in names.values() for m in ms]
    for f in founds:
        if f.kind != "address" or not f.attr("known") or f.start >= doc.visible_end:
            continue
        block = next((b for b in blocks if b.start <= f.start < b.end), None)
        rows = [b.end for b in blocks if b.kind == "listing"]
        if block is None and (st.source == SourceKind.PEOPLE_SEARCH.value or not rows
                              or f.start < max(rows)):
            continue  # (below a register's rows of officers, its establishments: the record's;
            # below a people-search site's cards, other people)
        if block is not None and any(block.start <= t < block.end for t in taken):
            continue
        pid, addr, ident = an._addr_meta[f.attr("known") or ""]
        if f.attr("known") in an.inherited_previous:
            continue  # (a relative's inherited previous address: only where it is the subject)
        best = st.best.get(pid)
        if any(k[0] == pid and k[1] in (Category.HOME_ADDRESS.value, Category.ADDRESS.value)
               and (k[2] == f"@{ident}" or addr.label == "home")
               for k in st.exposures):
            continue
        ls = doc.text.rfind("\n", 0, f.start) + 1
        le = doc.text.find("\n", f.end)
        le = len(doc.text) if le < 0 else le
        if an.by_id[pid].matcher.surname_spans(doc.text[ls:le], doc.folded[ls:le]):
            # a row that prints the family's surname with other given names ("KIRILOVA DONKA
            # IVANOVA | zh.k. TRAKIA 31"): a namesake's, at a street ours lived on
            continue
        if pid in st.about and best is not None and best[0].confidence >= an.threshold:
            j = best[0]
            j = Judgement(pid, j.confidence, (*dict.fromkeys((*j.rules, "known_address",
                                                               "page_home")),), j.match)
        else:
            # or their own phone or e-mail beside their name in full (rule contact_with_cue):
            # a register's record of a society they chair, at their home and their mailbox
            full = [m for m in names.get(pid, []) if m.rule not in _WEAK_NAME_FORMS]
            contact = max((e.confidence for e in st.exposures.values()
                           if e.person == pid and e.category in (Category.PHONE, Category.EMAIL)
                           and "contact_with_cue" in e.rules and e.confidence >= an.threshold),
                          default=None)
            if contact is None or not full:
                continue
            conf = round(min(0.99, 1 - (1 - contact) * (1 - RULES["known_address"].weight)), 2)
            j = Judgement(pid, conf, (full[0].rule, "contact_with_cue", "known_address",
                                      "page_home"), full[0])
        cat = Category.HOME_ADDRESS if addr.label == "home" else Category.ADDRESS
        attrs = list(best[2]) if best is not None else []
        _Emitter(an, st, doc.text, attrs, redact).add(pid, cat, f, j, ident)


def _page_contacts(an: PageAnalyzer, doc: PageDoc, founds: list[Found], blocks: list[Block],
                   names: dict[str, list[NameMatch]], st: _PageState,
                   redact: list[tuple[int, int]]) -> None:
    """A profile phone or e-mail in a part of the page that names nobody, on a page confirmed
    to be about its owner: a company-register extract prints the firm's "electronic address"
    in its own section, far below the member's entry (rule page_contact)."""
    taken = [m.start for ms in names.values() for m in ms]
    for f in founds:
        if f.kind not in ("phone", "email") or f.start >= doc.visible_end:
            continue
        block = next((b for b in blocks if b.start <= f.start < b.end), None)
        if block is None or any(block.start <= t < block.end for t in taken):
            continue
        owners = [(pid, ident) for pid, ident in an._known_owners(f)
                  if pid in st.about and (best := st.best.get(pid)) is not None
                  and best[0].confidence >= an.threshold]
        if len(owners) != 1:
            continue  # nobody confirmed, or a household line: whose is not said here
        pid, ident = owners[0]
        cat = Category.PHONE if f.kind == "phone" else Category.EMAIL
        if any(k[0] == pid and k[1] == cat.value for k in st.exposures):
            continue
        best = st.best[pid]
        j = Judgement(pid, best[0].confidence,
                      (*best[0].rules, f"known_{f.kind}", "page_contact"), best[0].match)
        _Emitter(an, st, doc.text, list(best[2]), redact).add(pid, cat, f, j, ident)


def _page_relatives(
    an: PageAnalyzer, doc: PageDoc, st: _PageState, redact: list[tuple[int, int]]
) -> None:
    """A page about the judge that names a consenting relative, or a relative's page that
    names the judge, ties them together even when they sit in separate blocks (the residents
    of one address, two entries of one directory): a `relative` exposure for the relative."""
    subject = an.profile.subject.id
    if subject not in st.about:
        return
    for pid in sorted(st.about - {subject}):
        best = st.best.get(pid)
        if best is None or best[0].confidence < an.threshold:
            continue
        if any(k[0] == pid and k[1] == Category.RELATIVE.value for k in st.exposures):
            continue
        j, block, attrs = best
        jb = st.best.get(subject)
        judge_matches = [jb[0].match] if jb is not None and jb[1] == block else []
        sections = _relative_sections(doc.folded, block)
        # rows under a relatives heading tie them to that card's person when the card names one
        # of ours — two rows under a stranger's card (the judge and her husband on their son's
        # people-search page) are that stranger's relatives, not a tie we report
        listed = (
            (block.how == "relatives" and st.family_card)
            # the judge in the relatives rows under this relative's own card
            or (block.how == "card" and jb is not None and jb[1].how == "relatives")
            or any(s_ <= m.start < e_ for m in [j.match, *judge_matches] for s_, e_ in sections)
        )
        # a family notice that names them together as one family (rule family_constellation
        # held for both): "In stiller Trauer … Hermann / Katharina und Jens Overbeck mit Lina"
        # — not a race's results, where each has their own birth year (family_on_page) on a
        # table row of their own; a birthday column's "f. 1975" after each name is a notice
        notice = jb is not None and all(
            "family_constellation" in x.rules and not (
                "family_on_page" in x.rules and "\t" in _line_of(doc.text, x.match.start))
            for x in (j, jb[0]))
        if not notice and not tied(
            doc.folded, block, [j.match], judge_matches, listed, _shared_home(an, st, pid, subject),
            doc.text,
        ):
            continue
        m = j.match
        f = Found("name", m.start, m.end, " ".join(doc.text[m.start : m.end].split()))
        extra = (("minor", "1"),) if an.by_id[pid].person.minor else ()
        _Emitter(an, st, doc.text, list(attrs), redact).add(
            pid, Category.RELATIVE, f, j, "name", extra
        )


def _line_of(text: str, pos: int) -> str:
    """The line of `text` that holds `pos`."""
    le = text.find("\n", pos)
    return text[text.rfind("\n", 0, pos) + 1 : le if le >= 0 else len(text)]


CAPTION_FLOOR = 0.7
"""The confirmation a page needs before a picture captioned with a person's name is reported as
theirs without its pixels matching their reference photo."""


def _captioned_photos(an: PageAnalyzer, doc: PageDoc, st: _PageState, official: bool) -> None:
    """Photos identified by their words, not their pixels: on a page already judged to be
    about the family, an image whose alt text names a person is a photo of that person
    (rule "photo-caption"), and an image described as the house on a page that exposes a
    home address is a photo of the home (rule "home-photo"). Reference-photo matching (the
    images probe) finds the uncaptioned copies."""
    if not st.about:
        return
    from .ownsite import _url_owner  # ownsite imports this module

    owned = _url_owner(an, doc.url)
    owner = owned[0] if owned is not None else None
    homes = {
        e.person: e for e in st.exposures.values()
        if e.category == Category.HOME_ADDRESS and e.confidence >= an.threshold
    }
    for img in doc.images:
        alt = (img.alt or "").strip()
        if img.small or not alt or alt == "og:image" or _IMG_SKIP.search(img.src):
            continue
        folded = fold(alt)
        full: dict[str, list[tuple[int, int]]] = {}
        for pid in sorted(st.about):
            pf = an.by_id.get(pid)
            if pf is not None:
                full[pid] = [(m.start, m.end) for m in pf.matcher.matches(alt, folded)]
        for pid, spans in full.items():
            pf = an.by_id[pid]
            # a single name word inside another family member's full name is theirs: "Ioana
            # Rădulescu cu medalia" is the daughter, not her mother (rule name_shadowed)
            # — nor a stranger's: "Elín Þórdís Jónsdóttir" (the deceased, whose middle name is
            # the judge's first name)
            spans = spans + [
                g for g in pf.matcher.given_only(alt, folded)
                if not any(a <= g[0] and g[1] <= b
                           for theirs in full.values() for a, b in theirs)
                and not _inside_a_name(alt, g[0], g[1], an._name_words)]
            # "Photo by Jane Doe", "Zdjęcie udostępnione przez …", "Foto: …": a credit line
            # names who took or shared the picture, not who is in it (rule photo_credit)
            named = any(not _is_credit(folded, st_, e_) for st_, e_ in spans)
            if pid == owner and any(_CREDIT_OF.search(folded[max(0, a - 40):a])
                                    for a, _b in spans):
                # on the person's own account "Photo de Marie-Hélène Bouchard : deux
                # randonneuses" is the platform's credit line for its owner, date or not:
                # who is in it is for the pixels to tell (rule photo_credit)
                named = False
            best = st.best.get(pid)
            if not named or best is None or best[0].confidence < an.threshold:
                continue
            if pid in st.namesake_cards and best[0].confidence < 0.7:
                continue  # a namesake's card in one of our towns (rule other_street)
            attrs = [("method", "caption")]
            if pf.person.minor:
                attrs.append(("minor", "1"))
            if official:
                attrs.append(("official", "1"))
            confidence = best[0].confidence
            rules: tuple[str, ...] = ("photo-caption",)
            if not pf.person.photos or confidence < CAPTION_FLOOR:
                # no reference photo to compare the picture with: the caption may name
                # everyone in a group ("the couple with their family"), or be wrong — left
                # for review (rule photo_unverified); so too a caption on a page that names
                # the person on little more than their town (a namesake realtor's portrait):
                # a copy of their reference photo is found by its pixels instead
                confidence = min(confidence, round(0.8 * an.threshold, 2))
                rules = ("photo-caption", "photo_unverified")
            _photo(st, pid, img.src, alt, confidence, rules, attrs)
        if _HOME_PHOTO.search(folded):
            for pid, home in homes.items():
                attrs = [("home_photo", "1"), ("method", "caption")]
                _photo(st, pid, img.src, alt, home.confidence, ("home-photo",), attrs,
                       identifier=home.identifier)


_CAP_WORD_BEFORE = re.compile(r"([A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]+)[ \t]$")
_CAP_WORD_AFTER = re.compile(r"[ \t]([A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]+)")


def _inside_a_name(text: str, start: int, end: int, name_words: frozenset[str]) -> bool:
    """Whether the word at text[start:end] stands inside another capitalised name, next to a
    capitalised word that is none of the family's names ("Elín Þórdís Jónsdóttir")."""
    before = _CAP_WORD_BEFORE.search(text, max(0, start - 40), start)
    after = _CAP_WORD_AFTER.match(text, end)
    return any(m is not None and fold(m.group(1)) not in name_words for m in (before, after))


def _is_credit(folded: str, start: int, end: int) -> bool:
    """Whether the name at folded[start:end] of an alt text names who took or posted the
    picture rather than who is in it (rule photo_credit)."""
    before = folded[max(0, start - 40) : start]
    if _CREDIT.search(before) or _CREDIT_AFTER.match(folded[end : end + 24]):
        return True
    return bool(_CREDIT_OF.search(before) and _CREDIT_DATE_AFTER.match(folded[end : end + 30]))


def _photo(st: _PageState, pid: str, src: str, alt: str, confidence: float,
           rules: tuple[str, ...], attrs: list[tuple[str, str]],
           identifier: str | None = None) -> None:
    key = (pid, Category.PHOTO.value, src.lower())
    if key in st.exposures:
        return
    st.exposures[key] = Exposure(
        person=pid, category=Category.PHOTO, url=st.url, value=src,
        confidence=confidence, identifier=identifier, context=alt[:160], rules=rules,
        source=st.source, probe=st.probe, image_url=src, attrs=tuple(sorted(attrs)),
    )


# a page about a birth cohort, in its title or first lines: "Appel aux conscrits de la classe
# 1972", "Jahrgängerverein 1970", "Petdesetletniki generacije 1975", "i cittadini nati nel 1946",
# "Quintos del 72" is left out (two figures) (folded)
_COHORT = re.compile(
    r"(?<![a-z])(?:classe|classards[ \t]nes[ \t]en|nes[ \t]en|jahrg[a-z]*|generacij[a-z]|"
    r"generation|rojeni[ \t](?:leta|v[ \t]letu)|nati[ \t]nel|nate[ \t]nel|nacid[oa]s[ \t]en|"
    r"geboren[ \t](?:im[ \t]jahr[ \t])?|born[ \t]in|rocnik|rocznik|godiste)[ \t]{1,2}"
    r"((?:19|20)\d\d)(?!\d|[/.\-]\d)")
_COHORT_HEAD = 600
"""How far into a page its cohort is looked for (its heading and first paragraph)."""


def _cohort_page(an: PageAnalyzer, doc: PageDoc, st: _PageState,
                 redact: list[tuple[int, int]]) -> None:
    """A page about a birth cohort (a conscripts' class, a "Jahrgänger" club, a town's
    80-year-olds "nati nel 1946") that confirms a person born that very year exposes their year
    of birth: they are on it as one of the cohort (rule cohort_page)."""
    m = _COHORT.search(doc.folded, 0, min(len(doc.folded), max(len(doc.title), _COHORT_HEAD)))
    if m is None:
        return
    year = int(m.group(1))
    for pid in sorted(st.about):
        pf = an.by_id.get(pid)
        best = st.best.get(pid)
        if (pf is None or best is None or best[0].confidence < an.threshold
                or pf.person.birth_year != year):
            continue
        if any(k[0] == pid and k[1] == Category.BIRTH_DATE.value for k in st.exposures):
            continue
        emit = _Emitter(an, st, doc.text, [], redact)
        emit.add(pid, Category.BIRTH_DATE,
                 Found("birth_date", m.start(1), m.end(1), str(year),
                       (("partial", "1"), ("year", str(year)))),
                 replace(best[0], rules=(*best[0].rules, "cohort_page")), None)


def _mentions(
    an: PageAnalyzer, doc: PageDoc, st: _PageState, redact: list[tuple[int, int]]
) -> None:
    """One `mention` per page per person named but with nothing else attributed to them."""
    have = {e.person for e in st.exposures.values()}
    for pid, (j, _block, attrs) in st.best.items():
        if pid in have:
            continue
        m = j.match
        f = Found("name", m.start, m.end, " ".join(doc.text[m.start : m.end].split()))
        _Emitter(an, st, doc.text, list(attrs), redact).add(pid, Category.MENTION, f, j, None)


# --- module helpers ------------------------------------------------------------------------------


def _context(text: str, s: int, e: int, redact: list[tuple[int, int]], width: int = 120) -> str:
    """About `width` characters around the value, kept to the value's own line (and the line
    before it when the value's line is short, which is usually its label): neighbouring
    lines of a listing belong to other facts, and may name people who are not audited."""
    pad = max(0, (width - (e - s)) // 2)
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    if le - ls < 30 and ls > 0:
        ls = text.rfind("\n", 0, ls - 1) + 1
    ws, we = max(ls, s - pad), min(le, e + pad)
    parts = []
    pos = ws
    for rs, re_ in sorted(redact):
        if re_ <= ws or rs >= we:
            continue
        parts.append(text[pos : max(pos, rs)])
        parts.append("[…]")
        pos = max(pos, re_)
    parts.append(text[pos:we] if pos < we else "")
    return " ".join("".join(parts).split())


def _line_start(text: str, pos: int, limit: int = 400) -> int:
    """Where the line holding `pos` starts, looking back at most `limit` characters (a page of
    prose without line breaks must not be scanned back to its start for every value)."""
    lo = max(0, pos - limit)
    return max(text.rfind("\n", lo, pos) + 1, lo)


def _distance(f: Found, matches: list[NameMatch]) -> int:
    best = 10**9
    for m in matches:
        d = m.start - f.end if m.start >= f.end else f.start - m.end if f.start >= m.end else 0
        best = min(best, max(d, 0))
    return best


_UP = "A-ZÀ-ÖØ-ÞĄĆČĎĘĚŁŃŇŐŘŚŠŤŮŰŹŻŽ"
_LOW = "a-zß-öø-ÿąćčďęěłńňőřśšťůűźżž"
# the lower-case particles inside a surname: "Pieter van Oosterhout", "Anna de la Cruz"
_PARTICLE = r"(?:van|von|de|der|den|del|della|di|da|du|dos|das|do|la|le|ten|ter|zu|af|av)"
_FOREIGN_NAME_BEFORE = re.compile(
    rf"(?<![{_UP}{_LOW}])[{_UP}][{_LOW}'\-]{{1,20}}(?:[ \t](?:{_PARTICLE}[ \t]){{0,2}}"
    rf"[{_UP}][{_LOW}'\-]{{1,20}}){{1,2}},?[ \t]{{0,2}}\(?$"
)


# a person's name filling a cell, in either order ("FRANK AMADO", "GALLART PONS, DAVID"), or a
# couple's ("Kerr, Gordon & Aileen")
_CELL_NAME = re.compile(
    r"^[A-Z][\w'.\-]*(?:,?[ ]+(?:&[ ]+)?[A-Z][\w'.\-]*){1,4}(?:[ ]\([^()]{1,30}\))?$")
_CELL_LABEL = frozenset(
    "address home mailing phone mobile current previous street contact email e-mail residence "
    "correspondence registered office name title date position role status type".split()
)


_TWO_CAPITALISED = re.compile(
    r"(?<![\w])[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'’\-]+[ \t]+[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'’\-]+"
    r"(?![\w'’\-]|[ \t]*[:\t])")  # (not a label: "Age Guide: 50 - 54")


def _entry_of_another(text: str, f: Found, matches: list[NameMatch]) -> bool:
    """An age or birthday on a short line of a list whose entry opens with someone else's name
    ("Szűcs József (febr. 19.) – 79 éves" under "Kertész Istvánné Erzsike (febr. 11.) – 76
    éves"): that entry's person's (rule near_name). The name must open the line and be set off
    by a bracket or a dash ("Lives in Austin Texas · Age 57" on a card is the card's person's;
    "Santa Rosa, California · Born March 14, 1968" is a place)."""
    ls = _line_start(text, f.start)
    le = text.find("\n", f.end)
    le = len(text) if le < 0 else le
    if le - ls > 120 or any(ls <= m.start < le for m in matches):
        return False
    m = _ENTRY_START.match(text, ls)
    n = _TWO_CAPITALISED.match(text, m.end() if m else ls)
    return n is not None and n.end() < f.start and re.match(
        r"(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'’\-]+)?[ \t]*(?:\(|[–—]|-[ \t])",
        text[n.end() : f.start]) is not None


_ENTRY_START = re.compile(r"[ \t]*(?:[-•·*–]|\d{1,3}(?:/\d{1,3})?\.)[ \t]*")


def _row_of_another(text: str, f: Found, m: NameMatch, name_words: frozenset[str]) -> bool:
    """A value in a table row whose earlier cell holds another person's name ("Treasurer ·
    FRANK AMADO · 4418 E 5TH ST" two rows below the family member's own row, "Kerr, Gordon &
    Aileen · 21 Glenfruin Drive" the row above it) is that person's, not the family member's
    named on another row (rule near_name)."""
    ls = _line_start(text, f.start)
    le = text.find("\n", f.end)
    if ls <= m.start and (le < 0 or m.start < le):
        return False  # the name is on the value's own row (a row below is no nearer)
    return _names_another(text[ls : f.start].split("\t"), name_words)


def _names_another(cells: list[str], name_words: frozenset[str]) -> bool:
    """Whether one of a table row's cells holds a name that is none of ours."""
    for c in (c.strip() for c in cells):
        if not _CELL_NAME.match(c):
            continue
        words = [w.strip(".'-,()").lower() for w in c.split()]
        if any(w in _CELL_LABEL for w in words):
            continue
        # (one of our names needs two of its words there: "BOSCH PLA, ANTONI" shares only a
        # surname with the judge's mother)
        if sum(fold(w) in name_words for w in words) < 2:
            return True
    return False


BORN_LABEL_TAIL = 6
"""At most this many characters between a birth label and its date ("Rođena je 14. …")."""


def _attributable(text: str, f: Found, matches: list[NameMatch],
                  name_words: frozenset[str] = frozenset()) -> bool:
    """On a page that is not a listing, may an unlisted value be given to the person with these
    name matches? (rule near_name) Within NEAR characters, and either in the same sentence as
    the name, or on short lines (a data sheet: dt/dd, table cells) all the way from the name.
    An age printed right after another person's name ("Mark Ellison, 61") is never theirs.
    Each of the person's mentions within reach is tried, nearest first, except one whose middle
    name contradicts theirs ("Similarly named officers: ALISON LOUISE THACKERAY" below the
    sheet of ALISON JANE THACKERAY)."""
    usable = [m for m in matches if not m.middle_conflict] or matches
    return any(
        _attributable_to(text, f, m, matches, name_words)
        for m in sorted(usable, key=lambda m: _distance(f, [m]))
        if _distance(f, [m]) <= NEAR
    )


def same_sentence(text: str, f: Found, m: NameMatch) -> bool:
    """Whether a value and a name stand in one sentence (no sentence end or line break between)."""
    a, b = (m.end, f.start) if m.end <= f.start else (f.end, m.start)
    return not _SENTENCE_END.search(text, a, max(a, b))


# a sentence that opens on its subject by a common noun: "La atleta de 13 años, que …", "The
# 13-year-old …", "Die 13-Jährige …", "La 14enne luganese …"
_ANAPHOR_HEAD = re.compile(
    r"(?:La|El|Il|Lo|Le|L'|L’|The|Die|Der|Das|De|Het|A|O|Os|As|Los|Las|Les|Ta|To|Ο|Η)"
    r"(?:[ \t]+[^\W\d_][\w'’\-]*){0,3}[ \t]+(?:de[ \t]+|di[ \t]+|da[ \t]+)?$")


def _anaphoric_age(text: str, f: Found, m: NameMatch) -> bool:
    """An age that opens the sentence right after the one whose subject the name is, on a
    common noun: "Lucía Quirós Arjona, del Colegio Santa Clotilde, se impuso … La atleta de 13
    años, que ya fue segunda …" — the same person, by her role."""
    starts = [x.end() for x in _SENTENCE_END.finditer(text, max(0, f.start - 600), f.start)]
    if not starts:
        return False
    ss = starts[-1]
    if not _ANAPHOR_HEAD.fullmatch(text[ss:f.start]):
        return False
    ps = starts[-2] if len(starts) > 1 else max(0, text.rfind("\n", 0, ss - 1) + 1)
    # the name opens the sentence before (its subject), with no sentence between
    return ps <= m.start <= ps + 3 and m.end <= ss


def _heads_entry(text: str, f: Found, m: NameMatch) -> bool:
    """A value alone on a short line right above the line the name opens heads that entry: a
    birthday column's "50 vuotta" over "Riikka Kallioniemi, Tampere. Käräjätuomari, …"."""
    if text[f.end : m.start].strip(" \t") != "\n":
        return False
    ls = text.rfind("\n", 0, f.start) + 1
    return m.start - ls <= 40


def _attributable_to(text: str, f: Found, m: NameMatch, matches: list[NameMatch],
                     name_words: frozenset[str]) -> bool:
    if f.kind in ("age", "phone", "email"):
        before = text[max(0, f.start - 40) : f.start]
        # "Name, 61", "Hanna Lind, 073-555 20 11": the age, phone or e-mail belongs to the name
        # right before it, ours or someone else's
        if _FOREIGN_NAME_BEFORE.search(before) and not any(
            0 <= f.start - mm.end <= 4 for mm in matches
        ):
            return False
    if f.kind in ("age", "birth_date") and _entry_of_another(text, f, matches):
        return False
    if f.kind in ("age", "birth_date") and not same_sentence(text, f, m) and death_sentence(
            text, f):
        return False  # "décédée le 6 mars 2026, à l'âge de 79 ans": the deceased's age
    if name_words and "\t" in text[_line_start(text, f.start) : f.start] and _row_of_another(
            text, f, m, name_words):
        return False
    if same_sentence(text, f, m):
        return True
    if m.start >= f.end and _heads_entry(text, f, m):
        return True
    if (f.kind == "birth_date" and f.attr("born") and m.end <= f.start
            and not any(m.end <= o.start < f.start for o in matches if o is not m)
            # (a family word before the label, not the label: Croatian "rođena" is "née" too)
            and not any(f.start - m.end - c.end() > BORN_LABEL_TAIL
                        for c in FAMILY_CUE.finditer(fold(text[m.end : f.start])))):
        return True  # "CHATZIPETROU, Konstantinos … Genn. 12 Martiou 1975": an entry's birth
    if f.kind == "age" and m.end <= f.start and _anaphoric_age(text, f, m):
        return True
    a, b = (m.end, f.start) if m.end <= f.start else (f.end, m.start)
    between = text[a:b]
    if f.kind in ("plate", "vehicle") and "\n" not in between:
        return True  # "…the judge's grey Subaru (8KXR214). That's Eleanor Whitfield": a car is
        # rarely anyone's but the person the paragraph is about
    # a data sheet's row of another party ("Agent · Mistry Design Associates, 3 Granby
    # Street, Leicester" on a planning application whose applicant is ours): its values are
    # that party's, unless the row names the person
    fls = text.rfind("\n", 0, f.start) + 1
    fle = text.find("\n", f.end)
    frow = text[fls : fle if fle >= 0 else len(text)]
    if "\t" in frow and not (fls <= m.start < fls + len(frow)) and _PARTY_ROLE.fullmatch(
            fold(frow.split("\t")[0]).strip(" :")):
        return False
    # whole lines, from the one holding the name to the one holding the value
    ls = text.rfind("\n", 0, min(m.start, f.start)) + 1
    le = text.find("\n", max(m.end, f.end))
    lines = text[ls : le if le >= 0 else len(text)].split("\n")
    if (f.kind in ("age", "birth_date") and len(lines) == 1 and "\t" not in lines[0]
            and len(lines[0].split()) >= 6):
        return False  # another sentence of the same prose: "Ha mort als 80 anys. La seva
        # esposa, Núria …" is the deceased's age
    if m.end <= f.start and len(lines) > 1:
        first = lines[0].strip()
        if "\t" not in first and len(first.split()) >= 6 and first[-1:] in ".!?":
            return False  # the name ends a sentence of prose; the page's own footer follows
        if f.kind in ("phone", "email", "age", "birth_date") and name_words and any(
                "\t" in line and _names_another(line.split("\t"), name_words)
                for line in lines[1:-1]):
            return False  # another person's row of the table stands between
        if any(_NAME_LABEL.fullmatch(line.split("\t")[0].strip()) for line in lines[1:-1]):
            return False  # another party's "Agent Name" field stands between: its address
            # below ("Agent Address / 14 Barlow Moor Road") is the agent's
    return all(len(line) <= 100 for line in lines)


# a data sheet's label of another party to a filing: the agent, the architect, the solicitor
_PARTY_ROLE = re.compile(
    r"(?:agent|agents?[ \t]details|architect|solicitor|surveyor|contractor|builder|designer|"
    r"representative|case officer|planning officer|mandataire|architecte|notaire|"
    r"bevollmachtigte[rn]?|architekt|entwurfsverfasser|zastupnik|pelnomocnik|projektant|"
    r"zmocnenec|architetto|progettista|tecnico|arquitecto|tecnico redactor)"
    r"(?:[ \t](?:name|address|details))?")


# a data sheet's label of another party's name: "Agent Name", "Nom du mandataire"
_NAME_LABEL = re.compile(
    r"(?:[^\W\d_][\w'’.\-]*[ \t]){1,3}(?:name|names)[ \t]?:?|(?:nom|nombre|nome|naam|name|"
    r"jmeno|imie|ime|nimi|navn|namn)[ \t](?:du|de|del|della|van|des|der|el|la)?[ \t]?"
    r"[^\W\d_][\w'’.\-]*[ \t]?:?",
    re.IGNORECASE,
)


_GENERIC_MAILBOX = re.compile(
    r"^(?:info|office|contact|contacts|kontakt|biuro|sekretariat|secretariat|admin|hello|"
    r"enquiries|enquiry|inquiries|reception|recepcija|recepce|support|help|press|media|"
    r"webmaster|noreply|no-reply|mail|team|zapisy|club|klub|ured|tajnistvo|podatelna|"
    r"registrace|rezervace|office\.\w+|info\.\w+|membership|members|results|timing|"
    r"secretary|treasurer|events|news|editor|redakcja|redakce|redakcija|registrar|clerk)@"
)
_INSTITUTION_BEFORE = re.compile(
    r"(?<![a-z])(?:court|courthouse|courts|county|city hall|town hall|office|offices|suite|"
    r"building|hospital|clinic|university|college|school|headquarters|registered office|"
    r"principal office|business address|mailing address of the company|practice|firm|company|"
    r"llc|inc|chambers|sidlo|siedziba|sjediste|sediu|sediul|adresa firmy|adresa sidla|"
    r"kancelaria|kancelar|ured|urad|soud|sad|sud|tribunal|judecatoria|bir|department|dept|"
    r"facility|division|campus|annex|station|precinct|assignment|odbor|oddeleni|wydzial|odjel|"
    r"sectia|sectie|abteilung|dienststelle|management|business park|police|garda|policija|"
    r"policie|polizei|politia|fire station|rathaus|burgerburo|buro|amt|stadtverwaltung|"
    r"gemeindeverwaltung|geschaftsstelle|sekretariat|mairie|bureau|ayuntamiento|oficina|"
    r"comune|ufficio|gemeente|kantoor|urzad|obecni urad|mestsky urad|primaria|tingsratt|"
    r"domstol|kommun|protodikeio|dikastiko megaro|dimarcheio|dimos|obshtina|"
    # registries, and the site's own footer: "© Crown copyright. Registers of Scotland, …"
    r"registers? of|registry|land register|register office|grundbuchamt|catasto|kadaster|"
    r"katastar|copyright|"
    # a post-office box, an organisation's mail ("Brønnøysundregistrene · Postboks 900, 8910
    # Brønnøysund · Telefon 75 00 75 00"); the Nordic registers' own names
    r"postboks|postbox|postfach|p\.?[ \t]?o\.?[ \t]box|boite postale|casella postale|"
    r"skrytka pocztowa|[a-z]*registr(?:ene|et|ets)|"
    # clubs, associations and companies by their legal form: "TJ Sokol Doe, z.s. · Sokolská 12"
    r"club|klub|sokol|spolek|z\.[ \t]?s\.|e\.[ \t]?v\.|verein|asbl|vzw|association|"
    r"associazione|asociacion|sdruzeni|zdruzenie|stowarzyszenie|udruga|s\.r\.o\.|gmbh|ltd|"
    r"limited|"
    # parishes and churches
    r"parish|church|zupa|zupni ured|crkva|kirche|pfarr\w*|parafia|farnost|farsky urad|"
    r"paroisse|eglise|parrocchia|chiesa|parroquia|iglesia|parochie|kerk|forsamling|kyrka|"
    r"seurakunta|enoria|tserkva|parohia)[^\n]{0,60}$"
)


def _institutional(
    doc: PageDoc,
    f: Found,
    official_host: bool,
    name_words: frozenset[str] = frozenset(),
    own_org_site: bool = False,
    employers: Sequence[Found] = (),
    court_page: bool = False,
    court_named: bool = False,
    court_ends: Sequence[int] = (),
) -> bool:
    """An unlisted contact value that is an organisation's, not the person's: any phone, e-mail
    or address on a court's or government's own site (the court's switchboard, its address), any
    phone or e-mail on the site of the family's own school or employer (`own_org_site`: the
    school office's line, the clinic's number) unless labelled home or private; a
    club's or office's mailbox ("info@…", an address at the page's own domain); an address
    printed after the name of a court, an office or a company ("Travis County Courthouse, 1000
    Guadalupe St"; "Registered office: …"); any address not labelled a home on an official site's
    page that names the judge's court (`court_page`: a court directory's entry); an e-mail
    without the person's name in it in a text that names the judge's court (`court_named`: the
    chambers' or the judicial assistant's mailbox on the judge's biography); an address or phone
    within 150 characters after the judge's court's name (`court_ends`: where it ends), with no
    word of residence between. Rule institutional."""
    if f.kind not in ("phone", "email", "address"):
        return False
    line_start = doc.text.rfind("\n", 0, f.start) + 1
    prev_start = doc.text.rfind("\n", 0, max(0, line_start - 1)) + 1
    before = doc.folded[prev_start : f.start]
    if (official_host or own_org_site) and f.kind != "address" and not re.search(
        r"(?<![a-z])(?:home|private|personal|residence|mobile|cell|domaci|domowy|kucni|prywatny|"
        r"soukrom|mobil|komork|acasa|personal)",
        before[-80:],
    ):
        return True
    if f.kind in ("phone", "email"):
        line = doc.folded[line_start : f.start]
        if _SIGNUP_LABEL.search(line[-40:]) and not (set(re.findall(r"[a-z]+", line)) & name_words):
            return True
    if f.kind == "email":
        if _GENERIC_MAILBOX.match(f.value):
            return True
        local, _, domain = f.value.partition("@")
        host = _hostname(doc.url)
        personal = any(w in local for w in name_words)
        if court_named and not personal:
            return True
        line = doc.folded[line_start : f.start]
        if not personal and _CONTACT_LABEL.search(line[-40:]) and not (
                set(re.findall(r"[a-z]+", line)) & name_words):
            return True  # "Patenunternehmen … · Kontakt: jufo-muensterland@example.org"
        webmail = domain.startswith(
            ("gmail.", "yahoo.", "outlook.", "hotmail.", "icloud.", "seznam.", "wp.", "o2."))
        if not personal and host and (host == domain or host.endswith("." + domain)) and not webmail:
            return True
        # the site's own name under another top-level domain: "kuulutused@postimees.example" on
        # kuulutused.postimees.ee (its notices desk)
        name = domain.split(".")[-2] if domain.count(".") >= 1 else ""
        return (not personal and not webmail and len(name) >= 5
                and name in (host or "").split(".")[:-1])
    if f.kind in ("address", "phone") and any(
            0 <= f.start - c <= 150 and not _RESIDENCE_AT.search(doc.folded, c, f.start)
            for c in court_ends):
        # the judge's court named right above it ("Firm / Agency: Maricopa County Superior
        # Court · Address: 222 E Javelina Ave · Phone: (602) 555-0100", a bar directory's
        # entry): the court's address and switchboard
        return True
    if f.kind == "address":
        if court_page and not _RESIDENCE_AT.search(before[-120:]):
            return True  # the judge's entry on her court's own site: the court's address
        return bool(_INSTITUTION_BEFORE.search(before[-120:])) or _employers_address(doc, f, employers)
    # a phone after an organisation's name on its own line: "Carysfort Property Management,
    # Blackrock Business Park, 01 278 0000", "Blackrock Garda Station, 01 666 5200" — or on the
    # line before, when no one is named between ("Župa sv. Mihovila" / "Split – Meje · Ulica
    # Meje 2 · tel. 021 386 120", a site's header)
    if _INSTITUTION_BEFORE.search(doc.folded[line_start : f.start][-120:]):
        return True
    words = set(re.findall(r"[a-z]+", before))
    return not (words & name_words) and bool(
        _INSTITUTION_BEFORE.search(before.replace("\n", " ")[-120:]))


_RESIDENCE_AT = re.compile(
    r"(?<![a-z])(?:home|lives|lived|living|resid|domicil|bydl|zamieszk|prebival|stanuje|"
    r"previous|past address|address history|current address)"
)


def _employers_address(doc: PageDoc, f: Found, employers: Sequence[Found]) -> bool:
    """An address in the record of the family's own employer or school is theirs: the page is its
    own site or its register entry (its name in the title: the officers' business address), or the
    address follows the employer's name within its record (an appointment at "HOCKLEY YARD
    ARCHITECTS LLP … Correspondence address Unit 3, 21 Stoney Street") — unless a word of
    residence lies between them ("lives at", "home")."""
    for g in employers:
        if g.kind not in ("employer", "school"):
            continue  # (the school's own address on its site: "ZŠ Javorová 12, 010 08 Žilina")
        if g.attr("implicit"):
            # the page is the employer's own (its site, or its record: its name in the title)
            if not _RESIDENCE_AT.search(doc.folded, max(0, f.start - 80), f.start):
                return True
        elif 0 <= f.start - g.end <= 150 and not _RESIDENCE_AT.search(doc.folded, g.end, f.start):
            return True
    return False


# what may stand before a relatives heading's word on its line: "Posibles familiares",
# "Mögliche Verwandte", "Mogelijke familieleden", "Possibili parenti", "Mulige slægtninge"
_REL_QUALIFIER = re.compile(
    r"[ \t]*(?:posibles|possibles|possibili|possiveis|posibili|mogelijke|mogliche|moegliche|"
    r"mozliwi|mozliwe|moguci|moguce|moguca|mogoci|mozni|mozne|lehetseges|mahdolliset|eventuels|probables|"
    # Danish and Norwegian "Mulige", Swedish "Möjliga", Latvian "Iespējamie", Russian
    # "Возможные" (in Latin letters)
    r"mulige|mojliga|iespejamie|vozmozhnye|mozhlyvi|"
    r"known|other|likely|probable)[ \t]+"
)


def _relative_sections(folded: str, block: Block) -> list[tuple[int, int]]:
    """Spans under a relatives heading: the heading starts a line, or ends with a colon (so
    that "the whole family" in prose opens no section)."""
    out = []
    for m in _REL_WORD_RE.finditer(folded, block.start, block.end):
        i = m.start()
        if i > 0 and folded[i - 1].isalpha():
            continue
        line_start = folded.rfind("\n", 0, i) + 1
        if not m.group(1) and folded[line_start:i].strip(" \t") and not _REL_QUALIFIER.fullmatch(
                folded[line_start:i]):
            continue
        if not m.group(1) and m.group(0).strip(" \t") in _PROSE_FAMILY:
            # "Family flowers only please; donations …": the word opens a sentence, no heading
            # (one stands alone on its line, before a tab, or with a colon)
            nl = folded.find("\n", m.end())
            rest = folded[m.end() : len(folded) if nl < 0 else nl]
            if rest.strip(" \t") and not rest.startswith("\t"):
                continue
        end = min(block.end, m.end() + 600)
        at = m.end()
        while (nm := _SECTION_END.search(folded, at, end)) is not None and _relatives_age(
                folded, nm.start(), end):
            at = nm.end()
        if nm:
            end = nm.start()
        out.append((m.start(), end))
    # a results table's column headed as relatives ("Name · Age · Location · Phone · Related
    # To"): the cell under it lists that row's person's relatives
    pos = block.start
    for line in folded[block.start : block.end].split("\n"):
        ls, pos = pos, pos + len(line) + 1
        if "\t" not in line:
            continue
        col = _relatives_column(folded, ls)
        cells = line.split("\t")
        if col is not None and col < len(cells) and cells[col].strip():
            a = ls + sum(len(c) + 1 for c in cells[:col])
            out.append((a, a + len(cells[col])))
    return out


_AGE_LINE = re.compile(r"\n[ \t]{0,3}(?:age|born|alter|edad|eta|vek|wiek|varsta|alder)\b[^\n]{0,24}\d")
_NAME_LINE = re.compile(r"[^\W\d_]+(?:[ \t.'-]+[^\W\d_]+){1,4}\.?")


def _relatives_age(folded: str, pos: int, end: int) -> bool:
    """Whether the line at `pos` ("\nAge 55") is the age of the relative named on the line
    above, in a list that gives each relative a line and an age line ("Mary Katherine
    Carrington / Age 55 / Caroline A Carrington / Age 24"): the line above is a name, and the
    line after is another name, another heading of relatives, or the section's end — not the
    card's own "Phone Numbers"."""
    if not _AGE_LINE.match(folded, pos):
        return False
    above = folded[folded.rfind("\n", 0, pos) + 1 : pos].strip()
    if not _NAME_LINE.fullmatch(above) or _REL_WORD_RE.match(above):
        return False
    nl = folded.find("\n", pos + 1)
    if nl < 0 or nl >= end:
        return True
    after_end = folded.find("\n", nl + 1)
    after = folded[nl + 1 : end if after_end < 0 else min(after_end, end)].strip()
    if not after or _REL_WORD_RE.match(after):
        return True
    return bool(_NAME_LINE.fullmatch(after)) and not _SECTION_END.match("\n" + after)


_HOUSEHOLD_HEADS = frozenset(
    "family familie famille familia famiglia familj household rodzina obitelj porodica".split())


def _relatives_column(folded: str, ls: int) -> int | None:
    """The index of the relatives column of the table whose row starts at `ls`: its header is
    the first tab-separated line above with no digit."""
    line = header_above(folded, ls, rows=40)
    if line is None:
        return None
    for i, cell in enumerate(line.split("\t")):
        head = cell.strip()
        m = _REL_WORD_RE.match(head)
        # (never the first column, the row's own names: a directory's "Family")
        if i and m and m.end() >= len(head) - 1 and head not in _HOUSEHOLD_HEADS:
            return i
    return None


def _address_label(folded: str, block: Block, at: int) -> str | None:
    """ "current" or "previous" when the nearest label before the address says so."""
    ws = block.start if block.kind != "page" else max(block.start, at - 300)
    window = folded[ws:at]
    best: tuple[int, str] | None = None
    for rx, lab in ((_CURRENT_LABEL, "current"), (_PREVIOUS_LABEL, "previous")):
        for m in rx.finditer(window):
            if best is None or m.start() > best[0]:
                best = (m.start(), lab)
    return best[1] if best else None
