"""The page analyzer: one fetched HTML page → exposures attributed to consenting people, leads
for other probes, and the ids of the people the page is about. This file is the orchestration.

Steps: read the page (text.py), run every extractor and known-value matcher once over the whole
text (extract_*.py, match/), find each person's name (names.py), split the page into listing
blocks (blocks.py), judge each person in each block (corroborate.py), then attribute the block's
values and map each to its DESIGN.md §3 category (emit.py); a person's own account or site
(ownsite.py) and the handles and images other probes may follow (leads.py) are judged with the
page. state.py holds what these parts hand each other.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

import phonenumbers

from ..model import Category, Skipped, SourceKind
from ..profile import Address, Person, Profile
from . import PageResult
from .blocks import CO_RESIDENTS, REL_WORDS, Block, split_blocks
from .corroborate import (
    VALUE_FLOOR,
    Evidence,
    Judgement,
    PersonFacts,
    corroborators,
    judge,
    partner_givens,
    person_facts,
    year_diff,
)
from .emit import (
    _CELL_NAME,
    _TWO_CAPITALISED,
    _WEAK_NAME_FORMS,
    AGE_NOT_HERS,
    NEAR,
    WEAK_FORMS,
    _address_label,
    _attributable,
    _captioned_photos,
    _cohort_page,
    _contact_with_cue,
    _emit_value,
    _Emitter,
    _entry_of_another,
    _institutional,
    _line_start,
    _mentions,
    _own_company,
    _page_contacts,
    _page_homes,
    _page_relatives,
    _pupil_on_school_site,
    _relative_sections,
    _relatives,
    _schools_and_work,
    _street_only,
    death_sentence,
    home_streets,
    joined,
    same_sentence,
)
from .extract import ExtractContext, Extractor, Found, default_extractors, find_words
from .extract_dates import DEATH_WORD, birthday_columns, page_year
from .extract_places import MAX_PYAP_CALLS, PlaceExtractor
from .extract_vehicles import MAKES
from .kinship import FAMILY_CUE, RELATION_BEFORE
from .leads import _leads, caption_leads
from .match import find_all
from .match.address import AddressKey, AddressMatcher, other_house_letter
from .match.birth import ages_after_names, ages_in_columns
from .match.org import OrgMatcher
from .match.tokens import Tokens
from .names import (
    _ALIAS_TITLES,
    _COURTESY,
    _JUDICIAL_TITLES,
    GENERATIONS,
    NameMatch,
    fold,
    is_inflected,
    is_title,
    judicial_title_before,
    town_short,
)
from .ownsite import _family_named, _own_account, _owner_named, _url_owner
from .scripts import latin, latin_profile, profile_scheme
from .state import _hostname, _PageState, _Scored
from .text import MAX_DEPTH, PageDoc, parse_page

log = logging.getLogger(__name__)


PAGE_SECONDS = 20.0
"""Analysis time one page may take (CPU time of the analysing thread, so that a busy machine
reads as much of a page as an idle one); the parts of a page left when it runs out are listed as
not checked, its first part always read (the work is linear in the page's size, at most 2 MB,
so only a hostile page gets near it)."""
FRAME_CHARS = 300
"""How much of a page's heading (before its first listing block) and footer (after its last) is
its frame for rule page_city."""

_GOV_HOSTS = (
    ".gov",
    ".gov.uk",
    ".judiciary.uk",
    ".courts.ca.gov",
    ".uscourts.gov",
    ".mil",
    ".gc.ca",
    ".gov.cz",
    ".soud.cz",
    ".justice.cz",
    ".courts.gov",
    ".judiciary.gov",
    ".europa.eu",
    ".gov.sk",
    ".gov.au",
    # national judiciary portals of the countries footprint reads
    ".just.ro",
    ".csm1909.ro",
    ".courts.ie",
    ".pravosudje.hr",
    ".justice.sk",
    ".scotcourts.gov.uk",
)
# Host labels of courts' own sites, in the languages footprint reads.
_COURT_LABELS = frozenset(
    "courts court judiciary justice soud soudy sudovi sud sad sady sudy tribunal tribunale "
    "tribunalul judecatoria curteadeapel instante rechtspraak gerichte justiz bip "
    "domstol domstolene domstolar oikeus protodikeio efeteio eirinodikeio areiospagos "
    "kohus kohtud tiesa tiesas teismas teismai birosag birosagok sodisce sodisca sodstvo "
    "giustizia poderjudicial rechtbank rechtbanken tribunaux gericht".split()
)
SOCIAL_HOSTS = (
    "facebook.com",
    "instagram.com",
    "x.com",
    "twitter.com",
    "tiktok.com",
    "strava.com",
    "venmo.com",
    "linkedin.com",
    "threads.net",
    "pinterest.com",
    "reddit.com",
    "flickr.com",
    "youtube.com",
    "nextdoor.com",
    "bsky.app",
    "mastodon.social",
)


class PageAnalyzer:
    """Analyzes HTML pages for one profile. Build once per audit (matchers are compiled here);
    `analyze_html` is thread-safe (it keeps no state between calls)."""

    def __init__(
        self,
        profile: Profile,
        *,
        today: dt.date | None = None,
        extractors: list[Extractor] | None = None,
        use_catalog: bool = True,
    ) -> None:
        # names, streets, towns and organisations written in Greek or Cyrillic are compared in
        # the Latin letters the pages are read in
        profile = latin_profile(profile)
        self.profile = profile
        self.today = today or dt.date.today()
        self.threshold = profile.audit.threshold
        self.use_catalog = use_catalog
        country = profile.audit.country
        inflected = is_inflected(profile.audit.language, country)
        self.inflected = inflected
        self.facts: list[PersonFacts] = []
        known: list[tuple[str, Address]] = []
        self._addr_meta: dict[str, tuple[str, Address, str]] = {}
        self.inherited_previous: set[str] = set()
        """Keys of the judge's previous addresses matched for a spouse or child who lists none."""
        self.home_of: dict[tuple[str, str], str] = {}
        for person in profile.people:
            pf = person_facts(profile, person, inflected=inflected)
            addrs = profile.matching_addresses(person)
            own = len(addrs)
            if not person.addresses and person.relation in ("spouse", "child"):
                # the household lived with the judge before: the spouse's or child's name at
                # the judge's previous address is theirs too (their town is not: `cities`)
                addrs = addrs + tuple(a for a in profile.subject.addresses if not a.is_current)
            for i, a in enumerate(addrs):
                key = f"{person.id}:{i}"
                if i >= own:
                    self.inherited_previous.add(key)
                known.append((key, a))
                pf.address_keys.add(key)
                same = sum(1 for b in addrs if b.label == a.label)
                ident = a.label if same == 1 else f"addresses[{i}]"
                self._addr_meta[key] = (person.id, a, ident)
                # which home a finding's identifier stands for ("home" is each person's own)
                self.home_of[(person.id, ident)] = " ".join(
                    fold(f"{a.street} {a.city or ''}").split()
                )
            self.facts.append(pf)
        self.by_id = {pf.id: pf for pf in self.facts}
        # the profile's towns: a town printed after a name is no second surname of it
        towns = frozenset(fold(town_short(c)) for p in profile.people
                          for c in (p.city, *(a.city for a in p.addresses)) if c)
        for pf in self.facts:
            pf.matcher.places = towns
        self._birth_years = {pf.id: pf.person.birth_year for pf in self.facts
                             if pf.person.birth_year}
        # words of the names of relatives who did not consent: only ever cut out of snippets
        scheme = profile_scheme(profile)
        family_words = {fold(latin(w, scheme)).strip(".,") for pf in self.facts
                        for n in pf.person.all_names() for w in n.split()}
        unconsented = sorted({fold(latin(w, scheme)) for x in profile.excluded for w in x.redact}
                             - family_words, key=len, reverse=True)
        self._unconsented = (
            re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, unconsented)) + r")(?![a-z0-9])")
            if unconsented else None
        )
        # relatives who did not consent, by name: only to leave out the pages about them
        self._unconsented_names = [
            person_facts(profile, Person(id=x.id, name=x.names[0], aliases=tuple(x.names[1:]),
                                         relation="other", consent=False),
                         inflected=inflected).matcher
            for x in profile.excluded if x.names
        ]
        self._surname_words = frozenset(
            w for pf in self.facts for s_ in pf.matcher.surnames for w in s_.split()
            if len(w) >= 3)
        self._name_words = frozenset(
            w for pf in self.facts
            # (and the middle names: "his wife, María Elena, a state district judge")
            for w in [*pf.matcher.givens, *pf.matcher.nicks, *pf.matcher.surnames,
                      *pf.matcher.own_words]
            if len(w) >= 3
        )
        self.known = AddressMatcher(known, inflected=inflected)
        orgs = []
        for person in profile.people:
            if person.school:
                orgs.append((f"{person.id}:school", "school", person.school))
            if person.employer and person.id != profile.subject.id:
                orgs.append((f"{person.id}:employer", "employer", person.employer))
        places = {p.city for p in profile.people if p.city}
        places |= {a.city for p in profile.people for a in p.addresses if a.city}
        # ("Lorettoberg-Gymnasium Freiburg" of a family in Freiburg im Breisgau)
        places |= {town_short(c) for c in places}
        self.orgs = OrgMatcher(orgs, inflected=inflected, places=sorted(places),
                               family=frozenset(s for pf in self.facts
                                                for s in pf.matcher.surnames))
        regions = [country]
        for p in profile.people:
            for ph in p.phones:
                try:
                    r = phonenumbers.region_code_for_number(phonenumbers.parse(ph, None))
                except phonenumbers.NumberParseException:
                    r = None
                if r and r != "ZZ":
                    regions.append(r)
            regions += [a.country for a in profile.matching_addresses(p) if a.country]
        regions = list(dict.fromkeys(regions))
        self.ctx = ExtractContext(
            phone_regions=tuple(regions),
            address_countries=tuple(regions),
            today=self.today,
            language=profile.audit.language,
            known_phones=tuple(ph for p in profile.people for ph in p.phones),
        )
        self.extractors = extractors if extractors is not None else default_extractors()
        self.places = PlaceExtractor()

    # -- entry point ---------------------------------------------------------------------------

    def _no_titled_minors(self, names: dict[str, list[NameMatch]],
                          text: str, folded: str) -> dict[str, list[NameMatch]]:
        """A child of the family is never "Mme C. Lambert, juge" nor "Dr. …": a name with an
        adult's courtesy title, degree or office before it names no minor (rule
        per_block)."""
        minors = {pf.id for pf in self.facts if pf.person.minor}
        if not minors:
            return names
        return {pid: ([m for m in ms if not _titled_minor(text, folded, m)]
                      if pid in minors else ms) for pid, ms in names.items()}

    def analyze_html(
        self,
        url: str,
        html: str,
        *,
        source: str = SourceKind.WEB.value,
        probe: str = "",
        owner: str | None = None,
    ) -> PageResult:
        """Everything the page exposes about consenting people of the profile. `owner`: the
        person whose own site this page belongs to, when it was reached from a page of that site
        already judged to be theirs (rule own_account)."""
        doc = parse_page(url, html)
        if doc.too_deep:
            return PageResult(skipped=(Skipped(url, (
                "not checked: the page nests its elements deeper than "
                f"{MAX_DEPTH} levels (no real page does; a hostile one may)"), probe),))
        deadline = time.thread_time() + PAGE_SECONDS
        text, folded = doc.text, doc.folded
        founds: list[Found] = []
        for ex in self.extractors:
            founds.extend(ex.extract(text, folded, self.ctx))
        founds.extend(self.places.localities(text, folded, self.ctx))
        tokens = Tokens.of(folded)
        founds.extend(find_all([self.known], doc, tokens))
        founds.extend(self.orgs.find(text, folded, tokens))
        founds.extend(self._link_values(doc))
        founds.extend(self._house_on_street_page(doc))
        names = {
            pf.id: sorted(pf.matcher.matches(text, folded), key=lambda m: m.start)
            for pf in self.facts
        }
        for pid, m in _split_name_fields(self.facts, text, folded):
            names[pid] = sorted([*names[pid], m], key=lambda m_: m_.start)
        names = _honorifics_in_context(names)
        names = self._no_titled_minors(names, text, folded)
        names = _drop_shadowed(names)
        names = _without_shared_initials(names)
        names = _without_longer_names(names, text)
        names = _without_similar(names, folded)
        names = self._exact_given_owner(names, folded)
        # an age on a page from 2010 is an age in 2010 (rule page_year)
        ref_year = page_year(url, folded, 0, self.ctx.language, self.today)
        if ref_year != self.today.year:
            # "Happy 50th birthday on 14th March" on a notice of March 2024: born in 1974
            shift = self.today.year - ref_year
            founds = [replace(f, attrs=tuple((k, str(int(v) - shift) if k == "year" else v)
                                             for k, v in f.attrs))
                      if f.kind == "birth_date" and f.attr("birthday") and f.attr("year") else f
                      for f in founds]
        # a household's name ("Martin i Radoslava Dragomirovi | 3") is two people: no number
        # after it is one person's age
        singles = {pid: [m for m in ms if m.rule != "name_household"] for pid, ms in names.items()}
        echoed = _surname_echoes(self, text, folded, names, ref_year)
        founds.extend(ages_after_names(text, echoed, ref_year, self._birth_years))
        founds = _dedupe(founds)
        for pid, ms in echoed.items():
            # the surname again with the age after it names them in that sentence too
            extra = [m for m in ms if m.rule == "name_surname"]
            if extra:
                names[pid] = sorted(names[pid] + extra, key=lambda m: m.start)
        founds.extend(ages_in_columns(text, singles, ref_year))
        founds.extend(birthday_columns(text, folded, founds, ref_year, self.ctx.language))
        names = self._generation_shared(names, folded, founds, ref_year)
        broker = self._broker(url) if self.use_catalog else None
        url_owner = _url_owner(self, url)
        if url_owner is not None and _owner_named(self, doc, url_owner[0], names):
            # the person's own account or site: its address names them (rule name_username);
            # the page must still corroborate it like any other name
            names[url_owner[0]].insert(0, NameMatch(0, max(1, len(doc.title)), "name_username"))
        listing_site = broker is not None or source == SourceKind.PEOPLE_SEARCH.value
        unconsented = self._unconsented_starts(text, folded, names)
        if not listing_site and _first_is_theirs(unconsented, names, 0, len(text)):
            # a page about a relative who did not consent (his restaurant's opening, which names
            # his father and "his sister, Judge …"): reporting it would report on him
            return PageResult()
        founds = _dedupe(founds)
        # "THACKERAY, GEOFFREY A  4 Tithe Barn Court": the number that opens an address is its
        # house number, never an age printed after the name
        addr_spans = sorted((f.start, f.end) for f in founds if f.kind == "address")
        addr_starts = [s_ for s_, _e in addr_spans]
        reach = max((e_ - s_ for s_, e_ in addr_spans), default=0)

        def opens_address(pos: int) -> bool:
            i = bisect.bisect_right(addr_starts, pos)
            j = bisect.bisect_left(addr_starts, pos - reach)
            return any(addr_spans[k][1] > pos for k in range(j, i))

        founds = [f for f in founds if f.kind != "age" or not opens_address(f.start)]
        blocks = split_blocks(
            doc,
            name_starts=[m.start for ms in names.values() for m in ms],
            signal_starts=[
                f.start
                for f in founds
                if f.kind in ("age", "birth_date", "address", "phone", "email")
                # (a birthday greeting is a newsletter's item, not a directory entry's data:
                # "12 listopada 75-littia sviatkuie pani Halyna Bondarenko")
                and not f.attr("birthday")
            ]
            + self.places.triggers(text, self.ctx),
            broker=broker,
            search_page=source == SourceKind.PEOPLE_SEARCH.value,
        )
        if broker is None and source != SourceKind.PEOPLE_SEARCH.value and _DECLARATION.search(
                folded, 0, min(len(folded), INHERITED_HEAD)):
            # an asset declaration is one record about its declarant: its table of household
            # members and its table of property are parts of it, not records of their own
            blocks = [Block(0, doc.visible_end, "page", "page"),
                      *(b for b in blocks if b.how == "json-ld")]
        st = _PageState(url, source, probe, ref_year=ref_year)
        st.surnames = sorted({sp for pf in self.facts for sp in pf.matcher.surname_spans(text, folded)})
        # spans no first name alone may stand in: the family's names, and the addresses (a
        # street named after a king or a saint: "Γεωργίου Α΄ 27" is no "Γιώργος")
        st.taken = sorted([(m.start, m.end) for ms in names.values() for m in ms]
                          + [(f.start, f.end) for f in founds if f.kind == "address"])
        if broker is None and source != SourceKind.PEOPLE_SEARCH.value:
            st.frame = _page_frame(doc, blocks)
        st.family_card = any(
            b.how == "card" and any(b.start <= m.start < b.end for ms in names.values() for m in ms
                                    if m.rule != "name_username")
            for b in blocks) and any(b.how == "relatives" for b in blocks)
        official = self._official_host(url) or source == SourceKind.GOVERNMENT.value
        personal = source == SourceKind.SOCIAL.value or _host_in(url, SOCIAL_HOSTS)
        base_attrs: list[tuple[str, str]] = []
        if broker is not None and getattr(broker, "id", None):
            base_attrs.append(("broker", str(broker.id)))
        redact = self._redaction_spans(text, folded, names)
        frame = _frame_values(doc, blocks, founds, {ph for pf in self.facts for ph in pf.phones})
        # the organisation whose own site this is (a school's news, an employer's staff page) is
        # implicit in every block of the page (rule own_site)
        implicit = [
            Found(k.kind, 0, 0, k.name, (("implicit", "1"), ("known", k.key)))
            for k in self.orgs.own_site(url, doc.title)
        ]
        implicit += _record_subject(doc, founds, blocks, {f.attr("known") for f in implicit})
        family_ages = self._family_ages(founds, st.ref_year, names, folded)
        # (a people-search site's result list only: a newsletter may name a member in its
        # birthday list and again in its contact line)
        cards = self._strong_cards(blocks, founds, names) if listing_site else {}
        over_budget = 0
        for i, block in enumerate(blocks):
            if i and time.thread_time() > deadline:
                # what was found so far is kept; the first part is always read (a slow machine
                # may spend the budget on a 2 MB page's values before any part is judged, and
                # the name at its top would be lost)
                over_budget = len(blocks) - i
                break
            if ((block.kind == "listing" and block.how != "relatives")
                    or (listing_site and block.kind == "page")) \
                    and _first_is_theirs(unconsented, names, block.start, block.end):
                continue  # the card of a relative who did not consent (a people-search site's
                # page of his own, its "Possible relatives" the family)
            self._block(doc, block, founds, names, st, official, personal, base_attrs, redact,
                        (frame if block.kind == "listing" and block.how != "relatives" else [])
                        + implicit, family_ages,
                        frozenset(pid for pid, at in cards.items() if at - {i}))
        if not over_budget:
            _contact_with_cue(self, doc, founds, st, redact)
        _page_relatives(self, doc, st, redact)
        _page_homes(self, doc, founds, blocks, names, st, redact)
        _page_contacts(self, doc, founds, blocks, names, st, redact)
        _own_account(self, doc, st, owner, redact, founds + implicit)
        _pupil_on_school_site(self, doc, st, implicit, redact)
        _captioned_photos(self, doc, st, official)
        _cohort_page(self, doc, st, redact)
        caption_leads(self, doc, st)
        _mentions(self, doc, st, redact)
        skipped: list[Skipped] = []
        if over_budget:
            skipped.append(Skipped(url, (
                f"page not fully read: {over_budget} of its {len(blocks)} parts were left after "
                f"the analysis took over {PAGE_SECONDS} s"), probe))
        if doc.truncated:
            skipped.append(
                Skipped(url, "page larger than 2 MB: only the first 2 MB were read", probe)
            )
        if st.places.unread:
            skipped.append(Skipped(url, (
                f"page not fully read: {st.places.unread} more possible street addresses after "
                f"the first {MAX_PYAP_CALLS} were not parsed"), probe))
        if st.places.failed:
            skipped.append(Skipped(url, (
                f"addresses partly not checked: the address parser failed on "
                f"{st.places.failed} passage(s) of the page"), probe))
        return PageResult(
            skipped=tuple(skipped),
            exposures=tuple(
                sorted(st.exposures.values(), key=lambda e: (e.person, e.category.value, e.value))
            ),
            leads=tuple(st.leads.values()),
            about=tuple(pid for pid in (p.id for p in self.profile.people) if pid in st.about),
        )

    def _unconsented_starts(self, text: str, folded: str,
                            names: dict[str, list[NameMatch]]) -> list[int]:
        """Where a relative who did not consent is named in full, outside the family's own
        names (a father who shares the name)."""
        if not self._unconsented_names:
            return []
        # (an initial and the surname inside his whole name is no one of the family's: "A
        # Hussain" of "Kamran A Hussain")
        ours = [(m.start, m.end) for ms in names.values() for m in ms
                if m.rule not in ("name_initial", "name_register")]
        return sorted(m.start for nm in self._unconsented_names for m in nm.matches(text, folded)
                      if m.rule not in _NOT_WHOLE and not m.middle_conflict
                      and not _overlaps(ours, m.start, m.end))

    # -- one block -----------------------------------------------------------------------------

    def _block(
        self,
        doc: PageDoc,
        block: Block,
        founds: list[Found],
        names: dict[str, list[NameMatch]],
        st: _PageState,
        official_host: bool,
        personal: bool,
        base_attrs: list[tuple[str, str]],
        redact: list[tuple[int, int]],
        frame: list[Found],
        family_ages: frozenset[str] = frozenset(),
        other_cards: frozenset[str] = frozenset(),
    ) -> None:
        """Judge one block. `other_cards`: the people whose own address, phone or e-mail another
        card of this result list shows (rule another_card)."""
        text, folded = doc.text, doc.folded
        # a reverse-address or reverse-phone page: the address or phone in the page's frame (title,
        # heading) is what every listed resident shares (rule page_subject)
        bf = sorted(_in_span(founds, block.start, block.end) + frame, key=lambda f: f.start)
        # a "Similar entries" list at the end of a card is other people's: nothing under it is
        # the card's (its names are no one's already: `_without_similar`)
        cut = _similar_heading(folded, block.start, block.end)
        if cut is not None:
            bf = [f for f in bf if not cut <= f.start < block.end]
        rel = _relative_sections(folded, block)
        if block.kind != "page":
            # a name after a relation word inside a listing's record ("… Love always, your
            # loving husband Declan Hanna and daughter Niamh Hanna" under a birthday notice's
            # "McCARTAN, Gráinne"): one of the record's relatives, like those under a heading
            inside = [m for ms in names.values() for m in ms if block.start <= m.start < block.end]
            first_at = min((m.start for m in inside), default=-1)  # the record's own person
            rel += [(m.start, m.end) for m in inside if m.start > first_at
                    and _relation_before(folded, block.start, m.start)]

        def in_rel(off: int) -> bool:
            return any(s <= off < e for s, e in rel)

        listing = block.kind != "page"
        # a people-search listing, or any block of a people-search site: namesakes live here
        strict = block.kind == "listing" or any(k == "broker" for k, _v in base_attrs)
        own_founds = [f for f in bf if not in_rel(f.start)]
        hrefs = [ln.href for ln in _in_span(doc.links, block.start, block.end)]
        bnames = {pid: _in_span(ms, block.start, block.end) for pid, ms in names.items()}
        bnames = _generation_owner(self, {pid: ms for pid, ms in bnames.items() if ms})
        # a family notice naming the family by first names: they identify each other
        constellation = {} if listing else self._constellation(doc, block, bnames, st)
        for pid, ms in constellation.items():
            bnames.setdefault(pid, ms)
        if not bnames:
            return
        all_matches = [(pid, m) for pid, ms in bnames.items() for m in ms]

        def card_relative(pid: str, ms: list[NameMatch]) -> bool:
            return all(in_rel(m.start) for m in ms) and any(
                not all(in_rel(m.start) for m in oms) for o, oms in bnames.items() if o != pid
            )

        def evidence(pid: str, ms: list[NameMatch]) -> Evidence:
            if listing:
                # a person named only under "Relatives" owns none of the block's ages or places
                mine = [] if all(in_rel(m.start) for m in ms) else own_founds
                near = None
            else:
                mine = [f for f in bf if self._nearest(f.start, f.end, all_matches) == pid]
                # an age is the person's named in its own sentence before a nearer name across
                # a sentence end ("… su anūke Gabija Baltrušaityte." / "… 80 metų jubiliejų
                # pažymėjo … Algirdas Gedvilas"): rule near_name, for corroboration too
                mine = [f for f in mine if f.kind not in ("age", "birth_date") or self._nearest(
                    f.start, f.end, [(p, m) for p, m in all_matches
                                     if same_sentence(text, f, m)] or all_matches) == pid]
                if card_relative(pid, ms):
                    # named only in the relatives list of someone else's card: the card's
                    # places and numbers are that person's, not theirs ("Possible Relatives:
                    # Renata I Montano-Kerr" under her mother's Tucson addresses)
                    mine = [f for f in mine if f.attr("of") == pid]
                near = (
                    max(block.start, min(m.start for m in ms) - 150),
                    min(block.end, max(m.end for m in ms) + 150),
                )
            # an age printed right after a name is that name's, never the block's other people's
            mine = [f for f in mine if f.attr("of") in (None, pid)]
            if not listing:
                # "« On était huit », se souvient Jacqueline Le Dreff, 84 ans": the age of the
                # stranger named right before it, neither ours nor against us
                mine = [f for f in mine if f.kind not in ("age", "birth_date")
                        or f.attr("of") == pid or not _after_other_name(text, f, all_matches)]
            if all(m.rule == "name_given_with_family" for m in ms):
                # a first name alone owns only the age printed right after it ("Isla, 12"),
                # not the deceased's "aged 77" nearby
                mine = [f for f in mine
                        if f.kind not in ("age", "birth_date") or f.attr("of") == pid]
            # an age in a sentence that names this person nowhere ("Lehtovaara opetti … 38
            # vuotta. Hänen lapsensa ovat … Kaisa Rautiainen"): it may back them, never
            # contradict them (rule near_name)
            # — in running text only: a data sheet's "Вік / 45 років" is its card's person's
            # — nor a birth date whose label stands before their name ("b 12 March 1975; d of
            # … Morag Ishbel MacLeod": who was born is named before it)
            loose = frozenset() if listing or strict else frozenset(
                f.start for f in mine if f.kind in ("age", "birth_date") and f.attr("of") != pid
                and ((_in_prose(text, f) and not any(same_sentence(text, f, m) for m in ms))
                     or (f.attr("born") and all(m.start >= f.end for m in ms))
                     or _quoted_after(text, f.start, ms)))
            return Evidence(text, folded, block.start, block.end, mine, bf, hrefs, near, strict,
                            st.frame, loose, () if listing else tuple(m.start for m in ms))

        year = st.ref_year
        scored: dict[str, _Scored] = {}
        found: dict[str, tuple[list[str], list[str]]] = {}
        own_extra: dict[str, tuple[str, ...]] = {}
        for pid in bnames:
            if pid in family_ages:
                own_extra[pid] = ("family_on_page",)
            if pid in constellation:
                own_extra[pid] = (*own_extra.get(pid, ()), "family_constellation")
            if block.how == "relatives" and st.family_card and st.about - {pid}:
                # a row under the relatives heading of a confirmed family member's card: the
                # site itself lists them as that person's relative (not two rows under a
                # stranger's card: the judge and her husband as a third person's relatives)
                own_extra[pid] = (*own_extra.get(pid, ()), "listed_relative")
        for pid, ms in bnames.items():
            if any(m.rule == "name_username" for m in ms) and _family_named(self, doc, block, pid):
                own_extra[pid] = (*own_extra.get(pid, ()), "family_named")
        for pid, ms in bnames.items():
            if not listing and any(True for _ in home_streets(self, doc, block, pid, ms,
                                                              wide=True)):
                # "sagt Murat Şahin (51). Der Steuerberater wohnt … in der Rautenstrauchstraße":
                # the street of their home, on their line with a word of residence
                own_extra[pid] = (*own_extra.get(pid, ()), "street_named")
        for pid, ms in bnames.items():
            if listing and (self._with_parent_above(pid, ms, text, folded, names, st)
                            or self._kin_label(pid, ms, folded, st)):
                # "2 · Kovalchuk Sofiia (z mamoiu)" under "1 · Kovalchuk Olena …": the row says
                # whose child she is, and that parent's row is right above
                own_extra[pid] = (*own_extra.get(pid, ()), "relative_named")
        for pid, ms in bnames.items():
            if not listing and self._kin_before(pid, ms, text, folded, block):
                # "Declan's wife, Judge Gráinne McCartan": another family member's first name
                # beside a relation word right before the name ties the two (relative_named)
                own_extra[pid] = (*own_extra.get(pid, ()), "relative_named")
        site_owner = _url_owner(self, doc.url)
        staff = _STAFF_PATH.search(_url_path(doc.url)) is not None
        own_orgs = {k.attr("known") for k in bf if k.attr("implicit")}
        for pid, ms in bnames.items():
            pf = self.by_id[pid]
            ev = evidence(pid, ms)
            found[pid] = corroborators(pf, ev, year)
            if listing and all(in_rel(m.start) for m in ms) and not any(
                    f.kind in ("age", "birth_date") and f.attr("of") == pid for f in ev.founds):
                # named only among a card's "possible relatives": the card's age is its own
                # person's ("Jelena Marković, 51 god." over "… Ljiljana Petrović"), neither for
                # nor against the relative
                pos, neg = found[pid]
                found[pid] = ([r for r in pos if r != "age_match"],
                              [r for r in neg if r not in ("contra_age", "age_off")])
            if staff and not pf.person.minor and not any(
                    k and k.endswith(":employer") for k in own_orgs) and (
                    pf.person.employer or pid == self.profile.subject.id) and not all(
                    m.rule == "name_given_with_family" for m in ms):
                pos, neg = found[pid]
                if not {"known_org", "court"} & set(pos):
                    # a staff page of an organisation that is not theirs: "Greg Whitfield,
                    # REALTOR®" on a Folsom agency's /agents/ page is another Greg Whitfield
                    found[pid] = (pos, [*neg, "contra_staff"])
            if listing and block.how != "relatives" and pid in other_cards and len(bnames) == 1:
                # (a card that names someone else of the family too — "Other occupants Euan
                # Robert Drummond" under the judge's card at an earlier address — is theirs: a
                # site may list a person once per address)
                pos, neg = found[pid]
                if not set(pos) & _STRONG:
                    # "Maria G Villarreal, 51, San Antonio" beside the judge's own card (her
                    # home, her phone) on the same result list: another Maria there
                    found[pid] = (pos, [*neg, "another_card"])
            if site_owner is not None and site_owner[0] == pid:
                # on an account page at the person's username, the handle it shows is the page's
                # own address again: no evidence that the account is theirs
                pos, neg = found[pid]
                found[pid] = ([r for r in pos if r != "known_username"], neg)
            j = judge(
                pf,
                ms,
                ev,
                threshold=self.threshold,
                today_year=year,
                extra=own_extra.get(pid, ()),
                found=found[pid],
            )
            # named only under "Relatives" / "Other occupants": a relative of the card's
            # person, who owns none of its values (on a page too: a detail card)
            relative_only = all(in_rel(m.start) for m in ms) and (
                listing or card_relative(pid, ms)
            )
            first_only = all(m.rule == "name_given_with_family" for m in ms)
            scored[pid] = _Scored(pf, j, ms, relative_only, first_only)
        # pass 2: another consenting person named in the block, not contradicted, corroborates
        first = dict(scored)
        for pid, sc in first.items():
            supporters = [q for q, o in first.items() if q != pid and not o.judgement.contradicted]
            if listing and not sc.in_relatives and {"age_off", "contra_age"} & set(
                    sc.judgement.rules):
                # a card whose own age is not the person's: the relatives listed under it
                # ("Other occupants: Mohammed Iqbal") are that namesake's, and lift nothing
                supporters = [q for q in supporters if not first[q].in_relatives]
            if supporters:
                # listed under the relatives heading of a confirmed member's own card
                tie = "listed_relative" if sc.in_relatives and any(
                    not first[q].in_relatives
                    and first[q].judgement.confidence >= self.threshold
                    for q in supporters
                ) else "relative_named"
                j = judge(
                    sc.pf,
                    sc.matches,
                    evidence(pid, sc.matches),
                    threshold=self.threshold,
                    today_year=year,
                    extra=(tie, *own_extra.get(pid, ())),
                    found=found[pid],
                )
                scored[pid] = _Scored(sc.pf, j, sc.matches, sc.in_relatives, sc.given_only)
        # relatives listed under a namesake are the namesake's relatives: in a listing, a person
        # named only under "Relatives" is no more certain than the block's person
        if listing:
            head = self._primary(scored, listing)
            cap = scored[head].judgement.confidence if head else 0.0
            for pid, sc in list(scored.items()):
                if sc.in_relatives and (head is None or cap < self.threshold):
                    limit = min(sc.judgement.confidence, cap, 0.8 * self.threshold)
                    scored[pid] = _Scored(
                        sc.pf,
                        replace(sc.judgement, confidence=round(limit, 2)),
                        sc.matches,
                        sc.in_relatives,
                    )
        # pass 3: a first name alone, once the block is about the family
        sure = [s for s in scored.values() if s.judgement.confidence >= self.threshold]
        if sure:
            self._given_only(doc, block, scored, sure, st, in_rel, evidence)
            given = {pid: s.matches for pid, s in scored.items() if s.given_only}
            extra_ages = [
                a
                for a in ages_after_names(text, given, st.ref_year, self._birth_years)
                if not any(a.start == f.start and f.kind == "age" for f in bf)
            ]
            bf = sorted(bf + extra_ages, key=lambda f: f.start)
        # unknown street addresses are read only where someone may own them (pyap is slow)
        if any(self._may_emit(sc.judgement) for sc in scored.values()):
            extra = self.places.addresses(
                text, folded, self.ctx, block.start, block.end if cut is None else cut,
                budget=st.places
            )
            if extra:
                bf = sorted(bf + extra, key=lambda f: f.start)
                own_founds = [f for f in bf if not in_rel(f.start)]
                # a block confirmed on weak evidence alone (a town, an age) whose own street
                # address, read only now, is in another town, or another street of the town
                # alone: a namesake there (rules contra_city, contra_address), as if the address
                # had been read first
                for pid, sc in list(scored.items()):
                    if set(sc.judgement.rules) & _STRONG or sc.judgement.contradicted:
                        continue
                    pos, neg = corroborators(sc.pf, evidence(pid, sc.matches), year)
                    if not {"contra_city", "contra_address"} & set(neg):
                        continue
                    found[pid] = (pos, neg)
                    j = judge(sc.pf, sc.matches, evidence(pid, sc.matches),
                              threshold=self.threshold, today_year=year, found=found[pid],
                              extra=tuple(r for r in sc.judgement.rules if r in _TIES))
                    scored[pid] = _Scored(sc.pf, j, sc.matches, sc.in_relatives, sc.given_only)

        confirmed = {pid for pid, s in scored.items() if s.judgement.confidence >= self.threshold}
        st.about |= confirmed
        subject = self.profile.subject.id
        official = (
            official_host and subject in scored and "court" in scored[subject].judgement.rules
        )
        attrs = list(base_attrs)
        if official:
            attrs.append(("official", "1"))
        elif personal:
            attrs.append(("personal", "1"))

        for pid, sc in scored.items():
            prev = st.best.get(pid)
            if prev is None or sc.judgement.confidence > prev[0].confidence:
                st.best[pid] = (sc.judgement, block, tuple(attrs))
        primary = self._primary(scored, listing)

        # a confirmed person's first name again further on ("Bríd Hartigan … celebrated her 80th
        # birthday. Bríd, who turned 80 on Friday, October 3"): it owns the age right after it
        echoes = {} if listing else self._echoes(doc, block, scored, st)
        if echoes:
            # "Sofia (13) is an eighth-grader": the age right after the first name said again
            bf = sorted(bf + [
                a for a in ages_after_names(text, echoes, st.ref_year, self._birth_years)
                if not any(a.start == f.start and f.kind in ("age", "birth_date") for f in bf)
            ], key=lambda f: f.start)

        def matches_of(sc: _Scored, f: Found) -> list[NameMatch]:
            if f.kind in ("age", "birth_date"):
                return sc.matches + echoes.get(sc.pf.id, [])
            return sc.matches

        fitted: set[tuple[int, str]] = set()
        # a table's rows: the person a row names or labels owns its values (rule row_owner)
        row_people = {p: sc.matches for p, sc in scored.items()
                      if not sc.given_only and sc.judgement.confidence >= self.threshold}
        row_labels = {} if listing else _role_labels(text, folded, row_people)
        rowed: dict[tuple[int, str], str] = {}

        def owner_of(f: Found) -> _Scored | None:
            of = f.attr("of")
            if of is not None and of in scored and not scored[of].in_relatives:
                return scored[of]  # an age printed right after the name: "Nora (14, Senior 2)"
            if f.kind in ("age", "birth_date") and (bm := _NAME_IN_BRACKETS.match(text, f.end)):
                # "Dátum narodenia: 22.09.1975 (Šimkovič Martin); 14.06.1977 (Šimkovičová
                # Renáta)": the name in brackets right after a date owns it
                inb = [sc for sc in scored.values() for m in sc.matches if m.start == bm.end()]
                if inb:
                    rowed[(f.start, inb[0].pf.id)] = "near_name"
                    return inb[0]
            if f.kind == "age" and _AGE_BEFORE_NAME.match(text, f.end):
                # "53-letnega Gregorja Bizjaka", "the 53-year-old Gregor Bizjak": an age
                # adjective right before a name is that name's
                nxt = [sc for sc in scored.values() for m in sc.matches
                       if f.end < m.start <= f.end + 3 and not sc.in_relatives]
                if nxt:
                    rowed[(f.start, nxt[0].pf.id)] = "near_name"
                    return nxt[0]
            if f.kind == "birth_date" and (ln := _line_owner(text, f, scored)):
                # "Ante Lovrić – husband (b. 1946, Sinj)" in a family list: the line's one
                # person of ours, though listed as a relative (rule line_owner; a year that
                # is not theirs is dropped by other_birth_date)
                rowed[(f.start, ln)] = "line_owner"
                return scored[ln]
            if f.kind in ("phone", "email"):
                seg = _segment_owner(text, f, row_people)
                if seg == "":
                    return None
                if seg:
                    rowed[(f.start, seg)] = "segment_owner"
                    return scored[seg]
            if listing:
                if in_rel(f.start):
                    return None
                if f.kind in ("age", "birth_date"):
                    # a record listing two people, each on a line with their own number or
                    # date ("Kristiina Põder (isikukood 4760823****)" / "Andres Põder
                    # (isikukood 3731102****)"): the line's one person owns it
                    on_line = {p for p, sc in scored.items() if not sc.in_relatives
                               and _same_row(text, f.start, sc.matches)}
                    if len(on_line) == 1 and primary not in on_line:
                        return scored[on_line.pop()]
                    if primary and not on_line and _entry_of_another(
                            text, f, scored[primary].matches):
                        return None  # "Szűcs József (febr. 19.) – 79 éves": another's entry
                    if not on_line and (entry := _entry_of(text, f, scored, primary)):
                        # an extract's member entries, each a few lines ("3/12. Kertész
                        # Istvánné (…)" / "Magyarország, 7700 Mohács, …" / "Születési idő:
                        # 1950.02.11."): the entry's person, named last above it
                        return scored[entry]
                return scored.get(primary) if primary else None
            if f.attr("anaphor") and not listing and not death_sentence(text, f):
                # "Die 49-Jährige": the one confirmed person of the block that age fits (±1) —
                # not the deceased's "décédée …, à l'âge de 79 ans"
                fits = [
                    sc for sc in scored.values()
                    if not sc.in_relatives and not sc.given_only
                    and sc.judgement.confidence >= self.threshold
                    and sc.pf.person.birth_year is not None
                    and (year_diff(sc.pf.person.birth_year, f, st.ref_year or self.today.year)
                         or 0) <= 1
                ]
                if len(fits) == 1:
                    fitted.add((f.start, fits[0].pf.id))
                    return fits[0]
            if (f.kind in ("age", "birth_date") and not listing and death_sentence(text, f)
                    and (not any(same_sentence(text, f, m)
                                 for sc in scored.values() for m in sc.matches)
                         or _stranger_before(text, f, [m for sc in scored.values()
                                                       for m in sc.matches]))):
                return None  # "… že nás vo veku 78 rokov navždy opustil náš drahý manžel":
                # the deceased's age, and the deceased is none of ours ("Hüseyin Yıldız'ın
                # hanımı Fatma Yıldız (Kaya), … 72 yaşında … rahmetine kavuşmuştur": his wife's)
            if f.attr("self") and site_owner is not None and site_owner[0] in scored:
                return scored[site_owner[0]]  # "(54F)" on the person's own account
            if f.attr("self"):
                return None  # a poster's own age, elsewhere: whose is unknown
            if (f.attr("birthday") and site_owner is not None and site_owner[0] in scored
                    and not _FOREIGN_BIRTHDAY.search(text, f.start, f.end)
                    and not any(f.start - 40 <= m.start < min((f.start + f.end) // 2,
                                                              f.start + 60)
                                for p, sc in scored.items() if p != site_owner[0]
                                for m in sc.matches)):
                # "58 today and thoroughly spoilt by Andy": on a person's own account, a
                # birthday told in the first person is the owner's
                return scored[site_owner[0]]
            # a person listed only under "Relatives" owns none of a card's values
            owners = {p: s for p, s in scored.items() if not s.in_relatives} or scored
            if f.kind in ("plate", "vehicle") and not listing and (
                    decl := _declarant_car(folded, f, scored, self.profile.subject.id)):
                # an asset declaration (or its review): the declarant's car, or the spouse's
                # when its line says so ("Toyota Yaris, me targë …, në pronësi të
                # bashkëshortes") — rule declarant
                rowed[(f.start, decl)] = "declarant"
                return scored[decl]
            if f.kind in ("plate", "vehicle") and not listing and (
                    echo := self._surname_echo(text, folded, f, scored)):
                # "Whitcomb (4127) — kayak trailer behind 2019 Subaru Outback, WA plate CKR4471"
                # a paragraph after "President Greg Whitcomb (4127 Foxglove Ridge Ln SE)"
                rowed[(f.start, echo)] = "surname_echo"
                return scored[echo]
            if f.kind in ("phone", "email") and not listing and _line_of_another(
                    text, f, [m for sc in scored.values() for m in sc.matches],
                    self._name_words):
                return None  # "Nathalie M. — 06 22 47 81 09": that parent's, not our child's
            if f.kind in ("phone", "email") and not listing and self._known_owners(f):
                return None  # another member's own number, not confirmed here: never this one's
            row = None if listing else _row_owner(text, folded, f, row_people, row_labels)
            if row == "":
                return None
            if row:
                rowed[(f.start, row)] = "row_owner"
                return scored[row]
            cands = [(p, m) for p, s in owners.items() for m in matches_of(s, f)]
            if _labelled_row(text, f):
                # a data sheet's row ("Age\t45", "Born: 1974") is the sheet's person's, named
                # above it — not a relative named on a row further down ("Spouse\tDouglas P. Kerr")
                cands = [(p, m) for p, m in cands if m.end <= f.start] or cands
            elif not listing:
                # a name in the value's own sentence owns it before a nearer one across a
                # sentence end ("Walter Hölzle … nach seinem 80. Geburtstag! … seine Tochter
                # Friederike"): rule near_name
                cands = [(p, m) for p, m in cands if same_sentence(text, f, m)] or cands
                if f.kind in ("plate", "vehicle"):
                    # a car is the paragraph's person's before a nearer name on another line
                    cands = [(p, m) for p, m in cands if "\n" not in text[
                        min(m.end, f.end):max(m.start, f.start)]] or cands
                if f.kind == "birth_date" and f.attr("born"):
                    # "MACLEOD, Catriona Anne … b 12 March 1975; d of … Morag Ishbel MacLeod":
                    # who was born is named before the label, her parents after it
                    cands = [(p, m) for p, m in cands if m.end <= f.start] or cands
            if f.kind in ("age", "birth_date") and not listing:
                # an age or birth date is never the person's it cannot be (their birth year
                # five years or more away); one that fits one person only (±1) is theirs
                ref = st.ref_year or self.today.year
                diffs = {p: year_diff(by, f, ref) for p, _m in cands
                         if (by := owners[p].pf.person.birth_year)}
                fit = {p for p, d in diffs.items() if d is not None and d <= 1}
                if len(fit) == 1:
                    cands = [(p, m) for p, m in cands if p in fit]
                else:
                    cands = [(p, m) for p, m in cands
                             if (diffs.get(p) or 0) < AGE_NOT_HERS] or cands
            pid = self._nearest(f.start, f.end, cands)
            return scored.get(pid) if pid else None

        emit = _Emitter(self, st, text, attrs, redact)
        # Profile values go to their owner: in a listing, to the block's person (if the value is
        # not theirs, it is still shown as theirs, with no identifier); elsewhere, an address to
        # every confirmed person named in the block who owns it (a household shares it), a phone
        # or e-mail to its owner named nearest. A profile value nobody named owns is handled
        # like any other value below.
        handled: set[tuple[str, int, int]] = set()
        by_span: dict[tuple[str, int, int], list[Found]] = {}
        for f in bf:
            if f.kind in ("address", "phone", "email") and self._known_owners(f):
                by_span.setdefault((f.kind, f.start, f.end), []).append(f)
        for span, group in by_span.items():
            owners: list[tuple[str, str | None, Found]] = [
                (o, ident, g) for g in group for o, ident in self._known_owners(g)
            ]
            targets: list[tuple[str, str | None, Found]] = []
            if listing:
                if in_rel(span[1]) or primary is None:
                    continue
                mine: list[tuple[str, str | None, Found]] = [
                    (o, i, g) for o, i, g in owners if o == primary
                ]
                if span[0] == "address":
                    # co-owners on one line ("KESSLER DANIEL J & PRUNEDA MARGARET E"): a home
                    # shared by the household is the home of every member the block names as
                    # its own person (not under "Relatives" or "Other occupants")
                    mine += [
                        (o, i, g)
                        for o, i, g in owners
                        if o != primary
                        and o in scored
                        and not scored[o].in_relatives
                        and (
                            not scored[o].given_only
                            or _same_row(text, span[1], scored[o].matches)
                            or _joined_to(folded, scored[primary].matches, scored[o].matches)
                        )
                        and scored[o].judgement.confidence >= self.threshold
                    ]
                    targets = list({o: (o, i, g) for o, i, g in mine}.values())
                    targets = targets or [(primary, None, group[0])]
                else:
                    # a profile phone or e-mail of another person the block names as its own
                    # (a parent's contact on a child's row) is that person's
                    named_owner = [
                        (o, i, g)
                        for o, i, g in owners
                        if o != primary
                        and o in scored
                        and not scored[o].in_relatives
                        and scored[o].judgement.confidence >= self.threshold
                    ]
                    # printed right after that person's own name ("Kontakt Eltern: Paul
                    # Lorang, 691 227 408" on his daughter's row): theirs, or nobody's here
                    after_name = [
                        (o, i, g) for o, i, g in owners
                        if o != primary and o in scored
                        and any(0 <= span[1] - m.end <= 4 for m in scored[o].matches)
                    ]
                    if after_name and not mine:
                        targets = [t for t in after_name if t in named_owner][:1]
                        handled.add(span)  # never the block's person's
                    else:
                        targets = mine[:1] or named_owner[:1] or [(primary, None, group[0])]
            else:
                named: list[tuple[str, str | None, Found]] = [
                    (o, i, g)
                    for o, i, g in owners
                    if o in scored and scored[o].judgement.confidence >= self.threshold
                ]
                if named and all(scored[o].in_relatives for o, _i, _g in named):
                    # the owners are only listed under "Relatives" on someone else's card (the
                    # judge's previous address on her husband's card): the card's person's —
                    # unless it is the owner's own home now, on a page that is no listing (a
                    # death notice's "family home at 23 Holly Road": the widower's)
                    named = [
                        (o, i, g) for o, i, g in named
                        if (meta := self._addr_meta.get(g.attr("known") or "")) is not None
                        and meta[0] == o and meta[1].is_current
                        and g.attr("known") not in self.inherited_previous]
                elif not in_rel(span[1]) and not CO_RESIDENTS.search(folded, block.start,
                                                                      block.end):
                    # the card's own home, outside its "Relatives" section, is the card's
                    # person's: a relative listed there is reported as named on the card
                    # (relative), not again as living at it — unless the heading says they live
                    # there ("Other occupants", "Samassa osoitteessa": that is their home too)
                    named = [t for t in named if not scored[t[0]].in_relatives]
                if span[0] == "address" or len({o for o, _i, _g in named}) > 1:
                    # a home, or a phone or e-mail the profile gives several people (the
                    # household landline): each confirmed owner's
                    targets = named
                elif named:
                    near = self._nearest(
                        span[1], span[2], [(o, m) for o, _i, _g in named for m in scored[o].matches]
                    )
                    targets = [t for t in named if t[0] == near][:1]
            for pid, ident, g in targets:
                j = scored[pid].judgement
                if not self._may_emit(j):
                    continue
                if g.attr("known") in self.inherited_previous and not _about_address(
                        text, g, [m for sc in scored.values() for m in sc.matches],
                        scored[pid].matches):
                    continue  # (unless listed as its occupant: rule co_resident, below)
                handled.add(span)
                _emit_value(self, emit, g, pid, j, ident, folded, block)
            if span[0] == "address" and any(
                    o in scored and scored[o].judgement.confidence >= self.threshold
                    for o, _i, _g in owners):
                self._co_residents(emit, folded, block, rel, scored, owners, group[0])
        # every other value: to the block's person (listings) or the person named nearest
        handled_spans = [(s_, e_) for _k, s_, e_ in handled]
        namesakes = self._other_street(scored, text, block, bf, in_rel)
        st.namesake_cards |= namesakes
        # the page is the family's school's or employer's own site: its phones are its own
        own_org_site = any(f.attr("implicit") for f in bf)
        # a number the profile does not give is the person's only beside a home the family
        # lives in now: a stale listing at a previous address prints an old line, a club's or
        # a paper's page its own
        at_home = any(
            g.kind == "address" and (m := self._addr_meta.get(g.attr("known") or "")) is not None
            and m[1].is_current for g in bf)
        court_re = self.by_id[self.profile.subject.id].court_re
        court_ends = [m.end() for m in court_re.finditer(folded, block.start, block.end)] \
            if court_re is not None else []
        for f in bf:
            if f.kind not in ("address", "phone", "email", "age", "birth_date", "plate", "vehicle"):
                continue
            if (f.kind, f.start, f.end) in handled:
                continue
            if f.kind == "address" and any(f.start < e_ and s_ < f.end for s_, e_ in handled_spans):
                continue  # the same address, already matched to the profile
            if f.kind == "address" and not f.attr("known") and not _street_word(f):
                continue  # a postcode and a number, no street: "BT9 6 › BT9 6RL" in a breadcrumb
            if f.kind == "age" and block.how == "relatives":
                continue  # a relative's age on someone else's card: it identifies, not exposes
            owner = owner_of(f)
            # a first name alone is enough to own an age printed right after it ("Isla, 12"),
            # not an address or a phone
            if owner is None or (owner.given_only and f.kind not in ("age", "birth_date")):
                continue
            j = owner.judgement
            if not self._may_emit(j):
                continue
            if f.kind in ("phone", "email") and owner.pf.id in namesakes:
                continue  # a namesake's card in one of our towns: its number is its person's
            owners_post = (bool(f.attr("birthday") or f.attr("self")) and site_owner is not None
                           and site_owner[0] == owner.pf.id)  # their own post: no name beside it
            owners_post = owners_post or (f.start, owner.pf.id) in fitted  # "Die 49-Jährige"
            if f.kind in ("plate", "vehicle") and not listing and _seller(folded, owner.matches):
                owners_post = True  # a classified ad whose seller they are: the car is theirs
                j = replace(j, rules=(*j.rules, "seller"))
            if (f.start, owner.pf.id) in rowed:
                owners_post = True  # its table row names or labels them, or their surname
                j = replace(j, rules=(*j.rules, rowed[(f.start, owner.pf.id)]))
            if f.kind == "phone" and not at_home and \
                    rowed.get((f.start, owner.pf.id)) != "segment_owner":
                # a number the profile lacks, away from the family's home: a possible match
                # for review (rule phone_unlisted)
                j = replace(j, confidence=min(j.confidence, round(0.8 * self.threshold, 2)),
                            rules=(*j.rules, "phone_unlisted"))
            if not listing and not owners_post \
                    and not _attributable(text, f, matches_of(owner, f), self._name_words) \
                    and not _sheet_row_of(text, f, matches_of(owner, f)):
                continue
            if _institutional(doc, f, official_host, self._name_words, own_org_site,
                              [g for g in bf if g.kind in ("employer", "school")],
                              court_page=official_host and "court" in j.rules,
                              court_named="court" in j.rules, court_ends=court_ends):
                continue
            handled.add((f.kind, f.start, f.end))
            handled_spans.append((f.start, f.end))
            _emit_value(self, emit, f, owner.pf.id, j, None, folded, block)
        _street_only(self, emit, doc, block, scored)
        # relatives, schools, workplaces, leads
        _relatives(emit, scored, confirmed, subject, folded, block)
        _schools_and_work(self, emit, doc, block, bf, scored)
        _own_company(self, emit, doc, block, scored)
        _leads(self, doc, block, bf, scored, primary, listing, in_rel, st, redact)

    # -- helpers for a block ---------------------------------------------------------------------

    def _may_emit(self, j: Judgement) -> bool:
        """Values of a block go out when the block is confirmed, or as a possible match when
        it is only unconfirmed — not when something contradicts it (rule value_floor)."""
        return j.confidence >= self.threshold or (
            j.confidence >= VALUE_FLOOR and not j.contradicted
        )

    def _constellation(
        self, doc: PageDoc, block: Block, bnames: dict[str, list[NameMatch]], st: _PageState
    ) -> dict[str, list[NameMatch]]:
        """A family notice (a death notice, a birthday column) names the family by first
        names after relation words: "Beloved wife of Geoff, mum of Alison and Richard,
        mother-in-law of Jon, grandma of Isla"; "suprug Ante, kći Sanja … sa suprugom Davorom,
        unuci Marin i Lucija". Three or more family members named so (or in full) on a page
        that carries a family surname, and a town of the profile or a fourth member, are this
        family: a namesake family does not share the surname, three first names and the town
        (rule family_constellation). The members and their name matches; {} otherwise."""
        text, folded = doc.text, doc.folded
        if not _spans_between(st.surnames, block.start, block.end):
            return {}
        members = {pid: ms for pid, ms in bnames.items()
                   if any(m.rule not in WEAK_FORMS for m in ms)}
        taken = _spans_between(st.taken, block.start - 60, block.end + 60)
        # a death notice lists its mourners by first names, a line each ("Kaivaten / Marjatta /
        # Riikka ja Janne / Eelis")
        mourners = bool(_CROSS.search(text, block.start, block.end)
                        or _DEATH_NOTICE.search(folded, block.start, block.end))
        for pf in self.facts:
            if pf.id in members:
                continue
            spans = []
            for s, e in self._free_given(pf, doc, block, taken):
                # a relation word shortly before, in the same line: "grandma of Isla",
                # "unuci Marin i Lucija"; or after it, as a death notice lists its mourners
                # ("Andrea und Markus, Tochter und Schwiegersohn")
                lo = max(block.start, s - 40, text.rfind("\n", max(0, s - 40), s) + 1)
                le = text.find("\n", e)
                hi = min(block.end, e + 40, len(text) if le < 0 else le)
                if (FAMILY_CUE.search(folded, lo, s) or FAMILY_CUE.search(folded, e, hi)
                        or (mourners and _mourners_line(text, s, e))):
                    spans.append(NameMatch(s, e, "name_given_with_family"))
            if spans:
                members[pf.id] = spans
        if len(members) < 3:
            return {}
        town = any(rx.search(folded, block.start, block.end) for pf in self.facts for rx in pf.city_res)
        return members if town or len(members) >= 4 else {}

    def _echoes(
        self, doc: PageDoc, block: Block, scored: dict[str, _Scored], st: _PageState
    ) -> dict[str, list[NameMatch]]:
        """The first names alone of the people confirmed in the block by a fuller name, where no
        other family member has that first name and no other surname follows."""
        taken = _spans_between(st.taken, block.start - 60, block.end + 60)
        spans = {pf.id: list(self._free_given(pf, doc, block, taken)) for pf in self.facts}
        out: dict[str, list[NameMatch]] = {}
        for pid, sc in scored.items():
            if sc.given_only or sc.in_relatives or sc.judgement.contradicted \
                    or sc.judgement.confidence < ECHO_FLOOR:
                continue
            others = {sp for o, sps in spans.items() if o != pid for sp in sps}
            mine = [NameMatch(s, e, "name_given_with_family")
                    for s, e in spans.get(pid, []) if (s, e) not in others]
            if mine:
                out[pid] = mine
        return out

    def _free_given(
        self, pf: PersonFacts, doc: PageDoc, block: Block, taken: list[tuple[int, int]]
    ) -> Iterator[tuple[int, int]]:
        """The person's first name (or nickname) alone in the block, where it is part of no
        longer name (`taken`) and no other capitalised surname follows it."""
        text, folded = doc.text, doc.folded
        for s, e in pf.matcher.given_only(
            text[block.start : block.end], folded[block.start : block.end]
        ):
            s, e = s + block.start, e + block.start
            if not _overlaps(taken, s, e) and not self._someone_else(text, folded, s, e) \
                    and not self._a_town(pf, folded[s:e]) \
                    and not self._exactly_someone_elses(pf, text[s:e]) \
                    and not self._others_surname_after(pf, text, folded, e) \
                    and not self._another_generations(pf, folded, s, e):
                yield s, e

    def _another_generations(self, pf: PersonFacts, folded: str, s: int, e: int) -> bool:
        """A first name alone that a father and his son (Jr., III, IV) both bear is the one's
        whose profile lists it first in an alias ("Rob" of the judge's "Rob Ashby"), or the
        partner's of the name it is paired with ("Bobby and Caroline Ashby": Caroline's
        husband); when neither says, it names none of them — a first name cannot tell the
        generations apart (rule name_given_with_family)."""
        if not pf.matcher.generations:
            return False
        w = folded[s:e].strip()
        pair = _PAIRED_GIVEN.match(folded, e)
        if pair and pair.group(1) in partner_givens(self.profile, pf.person):
            return False
        sharing = [o.id for o in self.facts if o.matcher.generations
                   and w in {*o.matcher.givens, *o.matcher.nicks}]
        if len(sharing) < 2:
            return False
        listed = [o for o in sharing if any(
            (a := fold(x).replace(".", " ").split()) and len(a) > 1 and a[0] == w
            for x in self.by_id[o].person.aliases)]
        return listed != [pf.id]

    def _others_surname_after(self, pf: PersonFacts, text: str, folded: str, e: int) -> bool:
        """A first name followed by a surname of the family that is none of the person's own:
        "Muhammad Akhtar" (the judge's late father, her maiden name) is not her husband
        Muhammad Javed Iqbal."""
        nxt = _NEXT_NAME_WORD.match(text, e)
        if nxt is None or not nxt.group(1)[:1].isupper():
            return False
        w = folded[nxt.start(1) : nxt.end(1)]
        own = {*pf.matcher.surnames, *pf.matcher.own_words, *pf.matcher.givens, *pf.matcher.nicks}
        return w in self._name_words and w not in own and w in self._surname_words

    def _exact_given_owner(self, names: dict[str, list[NameMatch]],
                           folded: str) -> dict[str, list[NameMatch]]:
        """A name two family members both match, one of them by the given name exactly as the
        profile writes it and the other only by a case form or a variant of theirs, is the
        first one's: "Nikolas Stavrinides" is the son Nikolas, not his grandfather Nikolaos
        (whose name an inflected "Nikola-s" also spells), and "Nikolaos Stavrinidis" the
        grandfather (rule name_shadowed)."""
        owners: dict[tuple[int, int], list[str]] = {}
        for pid, ms in names.items():
            for m in ms:
                owners.setdefault((m.start, m.end), []).append(pid)
        drop: dict[str, set[tuple[int, int]]] = {}
        for (s, e), pids in owners.items():
            if len(pids) < 2:
                continue
            # (whole words only: an initial spells nobody's name exactly)
            words = {w for w in re.findall(r"[a-z]+", folded[s:e]) if len(w) > 1}
            exact = [p for p in pids if words & self._givens_of(p)]
            if not exact:
                # neither exactly: the one whose given name the printed form is closest to
                # (the genitive "NIKOLAOU" is Nikolaos's, not Nikolas's)
                exact = self._closest(pids, words)
            if exact and len(exact) < len(pids):
                for p in pids:
                    if p not in exact:
                        drop.setdefault(p, set()).add((s, e))
        if not drop:
            return names
        return {pid: [m for m in ms if (m.start, m.end) not in drop.get(pid, ())]
                for pid, ms in names.items()}

    def _generation_shared(self, names: dict[str, list[NameMatch]], folded: str,
                           founds: list[Found], ref_year: int) -> dict[str, list[NameMatch]]:
        """A name that a father, a son and a grandson share with no suffix printed ("Robert
        Ashby" of Robert Lee Ashby Jr., III and IV) is one of them only, when the page says
        which: the name one goes by in brackets after it ("Ashby, Robert (Trip)"); an age or
        birth year right after it that fits one ("Robert Ashby, 80, Summerville"), where one
        that fits none makes it none of theirs; a judicial title before it (the judge); or the
        form as one profile lists it among the aliases ("Robert Ashby" among the judge's,
        "Robert Ashby Jr." among his father's; "Rob", the first word of the judge's "Rob
        Ashby"). Otherwise it stays each of theirs (rule name_full)."""
        gens = [pf.id for pf in self.facts if pf.matcher.generations]
        if len(gens) < 2 or not any(names.get(p) for p in gens):
            return names
        ages = sorted((f.start, i) for i, f in enumerate(founds)
                      if f.kind in ("age", "birth_date"))
        decided: dict[tuple[int, int], str | None] = {}
        out = dict(names)
        for pid in gens:
            kept = []
            for m in names.get(pid, []):
                span = (m.start, m.end)
                if span not in decided:
                    decided[span] = self._generation_by_context(gens, folded, m.start, m.end,
                                                                founds, ages, ref_year)
                who = decided[span]
                if who is None or who == pid:
                    kept.append(m)
            out[pid] = kept
        return out

    def _generation_by_context(self, pids: list[str], folded: str, s: int, e: int,
                               founds: list[Found], ages: list[tuple[int, int]],
                               ref_year: int) -> str | None:
        """Whose of the people in `pids` the name at s:e is (see `_generation_shared`): a
        person's id, "" for none of theirs, or None when the page does not say."""
        words = tuple(folded[s:e].replace(".", " ").replace(",", " ").split())
        if not words or any(w in GENERATIONS for w in words):
            return None  # the printed suffix decides (rule name_full)
        explicit = {pid: [tuple(fold(x).replace(".", " ").replace(",", " ").split())
                          for x in self.by_id[pid].person.aliases]
                    for pid in pids}
        # the name one goes by, in brackets or quotes right after it
        bm = re.match(r"[ \t]{0,2}[(\"'\u201c\u2018][ \t]?([a-z]{2,})", folded[e:e + 24])
        if bm:
            by = [p for p in pids if any(a and a[0] == bm.group(1) for a in explicit[p])]
            if len(by) == 1:
                return by[0]
        # an age or birth year on the name's line, right after it
        i = bisect.bisect_left(ages, (e, -1))
        if i < len(ages) and ages[i][0] - e <= 40 and "\n" not in folded[e:ages[i][0]]:
            f = founds[ages[i][1]]
            known = {p: d for p in pids if (y := self.by_id[p].person.birth_year)
                     and (d := year_diff(y, f, ref_year)) is not None}
            if known:
                fit = [p for p, d in known.items() if d <= 2]
                if len(fit) == 1:
                    return fit[0]
                if not fit:
                    return ""
        subject = self.profile.subject.id
        if subject in pids and judicial_title_before(folded, s):
            return subject
        listed = [p for p in pids if any(
            (a == words or sorted(a) == sorted(words)) if len(words) > 1
            else (len(a) > 1 and a[0] == words[0]) for a in explicit[p])]
        return listed[0] if len(listed) == 1 else None

    def _givens_of(self, pid: str) -> set[str]:
        m = self.by_id[pid].matcher
        return set(m.givens) | set(m.nicks)

    def _closest(self, pids: list[str], words: set[str]) -> list[str]:
        """The people whose given names share the longest beginning with one of `words`."""
        def reach(pid: str) -> tuple[int, int]:
            # (a shared beginning of four letters or more: "Nikolaou" and "Nikolaos"; on a tie,
            # the name of the nearer length: the accusative "Nikola" is Nikolas's)
            best = (0, 0)
            for w in words:
                for g in self._givens_of(pid):
                    n = len(os.path.commonprefix([w, g]))
                    if n >= 4:
                        best = max(best, (n, -abs(len(g) - len(w))))
            return best

        best = max((reach(p) for p in pids), default=0)
        return [p for p in pids if reach(p) == best]

    def _exactly_someone_elses(self, pf: PersonFacts, word: str) -> bool:
        """Whether a first name alone is another family member's given name, exactly or more
        closely than it is one of this person's ("Nikolaos" alone, or its genitive
        "Nikolaou", is the grandfather, not the son Nikolas)."""
        w = fold(word)
        if w in self._givens_of(pf.id):
            return False
        others = [o.id for o in self.facts if o.id != pf.id]
        if any(w in self._givens_of(o) for o in others):
            return True
        near = [o for o in others if self._givens_of(o) and any(
            len(os.path.commonprefix([w, g])) >= 4 for g in self._givens_of(o))]
        return bool(near) and pf.id not in self._closest([pf.id, *near], {w})

    def _a_town(self, pf: PersonFacts, word: str) -> bool:
        """Whether a word read as the person's first name in a case form is, exactly, a town of
        the profile instead ("Nicosia" for "Nicos"). A town that is the first name itself
        ("Martin", a Slovak town) and its case forms ("s manželom Martinom") stay the name."""
        return word not in self._givens_of(pf.id) and any(word in o.cities for o in self.facts)

    def _someone_else(self, text: str, folded: str, s: int, e: int) -> bool:
        """A first name at s:e followed by another capitalised surname is someone else's
        ("GREFIER: Ana Crișan", "Governor Douglas A. Ducey")."""
        nxt = _NEXT_NAME_WORD.match(text, e)
        if _MASKED_AFTER.match(text, e):
            return True  # "Możliwi krewni: Dorota Z*********-P******, Zofia P*******": a
            # teaser hides whose first name it is
        if text[s:e].isupper():
            return False
        prv = _TWO_WORDS_BEFORE.search(text, max(0, s - 60), s)  # (`$`: right before s)
        if prv and prv.end() == s and folded[prv.start(2) : prv.end(2)] not in self._name_words \
                and not is_title(folded[prv.start(2) : prv.end(2)]):
            # the end of a name printed surname first: "Larrañaga Arana Itziar (Bilbao)" is
            # another Itziar, whose second surname is none of ours
            return True
        # a row of a list printed "Surname, Given", one person a line: "Kim, Daniel" is another
        # Daniel, "Chan, Justin" another Chan (an honour roll, a results table)
        row = _ROW_SURNAME_BEFORE.search(text, max(0, s - 40), s)
        if row and row.end() == s and _ROW_END.match(text, e) and self._not_ours(folded, row):
            return True
        row = _ROW_GIVEN_AFTER.match(text, e)
        if row and _ROW_START.search(text, max(0, s - 4), s) and self._not_ours(folded, row):
            return True
        one = _LIST_SURNAME_BEFORE.search(text, max(0, s - 80), s)
        if one and one.end() == s and _LIST_ITEM_END.match(text, e) and (
                folded[one.start(1) : one.end(1)] not in self._name_words
                and not is_title(folded[one.start(1) : one.end(1)])):
            # a list of names printed surname first, "Stähli Noemi, Zanetti Luca.": the word
            # before this first name is its own surname, none of ours
            return True
        return bool(
            nxt
            and nxt.group(1)[0].isupper()
            # (an abbreviation is no surname: the street's "Rr." in the next cell)
            and not (len(nxt.group(1)) <= 3 and text[nxt.end(1) : nxt.end(1) + 1] == ".")
            and folded[nxt.start(1) : nxt.end(1)] not in self._name_words
            and folded[nxt.start(1) : nxt.end(1)] not in _TITLE_AFTER
        )

    def _with_parent_above(self, pid: str, ms: list[NameMatch], text: str, folded: str,
                           names: dict[str, list[NameMatch]], st: _PageState) -> bool:
        """Whether a list's row names the person in full with a relation word in brackets
        right after ("Kovalchuk Sofiia (z mamoiu)", "Lena Brandt (mit Papa)", "Emma Kerr
        (with mum)"), and the row right above names another family member of the same
        surname whom the page already confirmed: the child came with that parent."""
        for m in ms:
            if m.rule in WEAK_FORMS or m.rule == "name_given_with_family":
                continue
            br = _KIN_BRACKET.match(folded, m.end)
            if br is None or not FAMILY_CUE.search(br.group(1)):
                continue
            ls = folded.rfind("\n", 0, m.start) + 1
            if ls == 0:
                continue
            ps = folded.rfind("\n", 0, ls - 1) + 1
            surname = set(self.by_id[pid].matcher.surnames)
            for other, oms in names.items():
                if other == pid or other not in st.about:
                    continue
                if not surname & set(self.by_id[other].matcher.surnames):
                    continue
                if any(ps <= om.start < ls - 1 for om in oms):
                    return True
        return False

    def _kin_label(self, pid: str, ms: list[NameMatch], folded: str, st: _PageState) -> bool:
        """Whether a row of a family's record names the person in full under a relation label
        in its first cell ("Child 1 · McKenna Jane Sorensen · Living" on a family group sheet
        whose "Husband" and "Wife" rows the page confirmed; "Sohn · Deniz Brandt"), on a page
        that confirms another family member: the record says whose family they are."""
        if not st.about - {pid}:
            return False
        for m in ms:
            if m.rule in WEAK_FORMS or m.rule == "name_given_with_family":
                continue
            ls = folded.rfind("\n", 0, m.start) + 1
            label = folded[ls : m.start]
            if "\t" not in label:
                continue
            cell = re.sub(r"[\d#.:()\-]+", " ", label.split("\t")[-2]).strip()
            if cell and len(cell) <= 24 and FAMILY_CUE.fullmatch(cell):
                return True
        return False

    def _kin_before(self, pid: str, ms: list[NameMatch], text: str, folded: str,
                    block: Block) -> bool:
        """Whether a full name of the person is preceded, in its sentence and within
        KIN_REACH characters, by a relation word beside another family member's first name:
        "Declan's wife, Judge Gráinne McCartan", "la esposa de Jon Ander, Itziar Larrañaga"."""
        for m in ms:
            if m.rule in WEAK_FORMS or m.rule == "name_given_with_family":
                continue
            lo = max(block.start, m.start - KIN_REACH)
            cut = [x.end() for x in _CLAUSE_END.finditer(text, lo, m.start)]
            lo = cut[-1] if cut else lo
            if not FAMILY_CUE.search(folded, lo, m.start):
                continue
            for other in self.facts:
                if other.id == pid:
                    continue
                for s_, e_ in other.matcher.given_only(text[lo : m.start], folded[lo : m.start]):
                    near = FAMILY_CUE.search(folded, max(lo, lo + s_ - 12), min(m.start, lo + e_ + 14))
                    if near is not None:
                        return True
        return False

    def _not_ours(self, folded: str, m: re.Match[str]) -> bool:
        """Whether the word(s) of group 1 are no name of the family, no title, no relation."""
        w = folded[m.start(1) : m.end(1)]
        return not any(x in self._name_words or is_title(x) for x in w.split()) \
            and not FAMILY_CUE.search(w)

    def _given_only(
        self,
        doc: PageDoc,
        block: Block,
        scored: dict[str, _Scored],
        confirmed: list[_Scored],
        st: _PageState,
        in_rel: Callable[[int], bool],
        evidence: Callable[[str, list[NameMatch]], Evidence],
    ) -> None:
        """A first name alone stands for a family member once the block is about the family:
        next to a confirmed name or the family surname, after a relation word, under a relatives
        heading, or near a family cue (rules name_given_with_family, family_context)."""
        text, folded = doc.text, doc.folded
        # only what lies near this block: the page-wide lists are sorted, bisect them
        taken = _spans_between(st.taken, block.start - 60, block.end + 60)
        surname_spans = _spans_between(st.surnames, block.start, block.end)
        anchors = surname_spans + [(m.start, m.end) for s in confirmed for m in s.matches]
        # a page (not a listing) about a family member that talks about family: first names of
        # the other family members on it are theirs ("Eleanor had a rare Saturday off")
        # — or the page is the confirmed account or own site of one of them: what a judge
        # posts about "Emma" at the nationals is about her daughter Emma
        owner = _url_owner(self, doc.url)
        family_page = block.kind == "page" and (bool(
            FAMILY_CUE.search(folded, block.start, block.end)
        ) or (owner is not None and any(c.pf.id == owner[0] for c in confirmed)))
        for pf in self.facts:
            if pf.id in scored:
                continue
            spans = []
            for s, e in self._free_given(pf, doc, block, taken):
                near_family = any(0 <= s - ae <= 15 or 0 <= as_ - e <= 15 for as_, ae in anchors)
                if text[s:e].isupper():
                    # "WHITFIELD ELEANOR R & DANIEL J": capitals only right next to the family
                    if near_family:
                        spans.append(NameMatch(s, e, "name_given_with_family"))
                    continue
                after_relation = bool(RELATION_BEFORE.search(folded[max(0, s - 30) : s]))
                cue_near = bool(
                    FAMILY_CUE.search(folded, max(block.start, s - 100), min(block.end, e + 100))
                )
                if near_family or after_relation or in_rel(s) or cue_near or family_page:
                    spans.append(NameMatch(s, e, "name_given_with_family"))
            if spans:
                j = judge(
                    pf,
                    spans,
                    evidence(pf.id, spans),
                    threshold=self.threshold,
                    today_year=st.ref_year,
                    extra=("family_context",),
                )
                scored[pf.id] = _Scored(pf, j, spans, all(in_rel(m.start) for m in spans), True)

    def _other_street(self, scored: dict[str, _Scored], text: str, block: Block,
                      bf: list[Found], in_rel: Callable[[int], bool]) -> set[str]:
        """People of ours that a page or card names with nothing of theirs but a town, while it
        prints a street, house number and town that are none of theirs: a phone book's
        "BIZJAK NATAŠA / Cesta na Brdo 47 / 1000 Ljubljana", "Vītoliņa Sandra / Kuršu iela 12-40,
        Liepāja". The card's number is its own person's, a namesake's: never reported as ours
        (rule other_street)."""
        known = [(f.start, f.end) for f in bf if f.kind == "address" and f.attr("known")]
        streets = [m for m in _STREET_TOWN.finditer(text, block.start, block.end)
                   if not in_rel(m.start())
                   and not any(m.start() < e and s < m.end() for s, e in known)]
        if not streets:
            return set()
        return {pid for pid, sc in scored.items()
                if not any(r not in _TOWN_ONLY for r in sc.judgement.rules
                           if not r.startswith("name_"))}

    def _co_residents(self, emit: _Emitter, folded: str, block: Block,
                      rel: list[tuple[int, int]], scored: dict[str, _Scored],
                      owners: list[tuple[str, str | None, Found]], f: Found) -> None:
        """A family member listed under "Other occupants" / "Past residents" of a card or page
        whose former address (in the profile) it is lived there too, though their own profile
        does not list it (the husband among the past residents of the judge's previous flat):
        that address is exposed as theirs (rule co_resident)."""
        known = f.attr("known") or ""
        if known not in self._addr_meta:
            return
        _o, addr, _i = self._addr_meta[known]
        if addr.is_current:
            return  # a household's home is in each member's profile; a claim beyond is not read
        if _address_label(folded, block, f.start) == "previous":
            return  # one of the card's "Previous addresses": its co-residents live at its home
        owner_ids = {o for o, _i2, g in owners if g.attr("known") not in self.inherited_previous}
        for pid, sc in scored.items():
            if pid in owner_ids or sc.given_only:
                continue
            if sc.judgement.confidence < self.threshold or sc.judgement.contradicted:
                continue
            joint = [(m.start, m.end) for o in owner_ids if o in scored
                     for m in scored[o].matches if m.rule == "name_household"]
            if not all(any(s_ <= m.start < e_ and CO_RESIDENTS.match(folded, s_)
                           for s_, e_ in rel) for m in sc.matches) and not any(
                    js <= m.start and m.end <= je for m in sc.matches for js, je in joint):
                # (or named in the same joint owners' entry: "KERR DOUGLAS P/RENATA I")
                continue
            j = replace(sc.judgement, rules=(*sc.judgement.rules, "co_resident"))
            value = replace(f, attrs=tuple(kv for kv in f.attrs if kv[0] != "known"))
            emit.add(pid, Category.ADDRESS, value, j, None, (("label", addr.label),))

    @staticmethod
    def _primary(scored: dict[str, _Scored], listing: bool) -> str | None:
        """The person a listing block is about: the first one named outside a relatives
        section (listings put the person's name first)."""
        cands = [
            (min(m.start for m in s.matches), pid)
            for pid, s in scored.items()
            if not s.in_relatives and not s.given_only
        ]
        return min(cands)[1] if cands else None

    @staticmethod
    def _nearest(start: int, end: int, matches: list[tuple[str, NameMatch]]) -> str | None:
        best: tuple[int, int, str] | None = None
        for pid, m in matches:
            d = m.start - end if m.start >= end else start - m.end if start >= m.end else 0
            # a name before the value wins a tie: pages print the name, then its data
            cand = (max(d, 0), 0 if m.start <= start else 1, pid)
            if best is None or cand < best:
                best = cand
        return best[2] if best else None

    def _surname_echo(self, text: str, folded: str, f: Found,
                      scored: dict[str, _Scored]) -> str | None:
        """The one person confirmed in the block whose surname stands alone on the car's line
        — no full name there, no other person of the profile with that surname anywhere on
        it or confirmed in the block (rule near_name)."""
        ls = _line_start(text, f.start)
        le = text.find("\n", f.end)
        le = le if le >= 0 else len(text)
        line, fline = text[ls:le], folded[ls:le]
        sure = {p for p, sc in scored.items() if not sc.given_only and not sc.in_relatives
                and sc.judgement.confidence >= self.threshold and not sc.judgement.contradicted}
        hits = set()
        for pf in self.facts:
            spans = pf.matcher.surname_spans(line, fline)
            if not spans or pf.id not in scored:
                continue  # (a daughter never named on the page shares the surname)
            if pf.id not in sure or pf.matcher.matches(line, fline):
                return None  # a namesake's line, or a full name there: the usual rules
            hits.add(pf.id)
        if len(hits) != 1:
            return None
        pid = hits.pop()
        shared = {fold(w) for w in self.by_id[pid].matcher.surnames}
        if any(o != pid and o in sure and shared & {fold(w) for w in self.by_id[o].matcher.surnames}
               for o in scored):
            return None  # two of the family with that surname are on the page
        return pid

    def _known_owners(self, f: Found) -> list[tuple[str, str]]:
        """(person id, identifier) of every profile entry this value is."""
        out = []
        if f.kind == "address" and f.attr("known"):
            pid, _a, ident = self._addr_meta[f.attr("known") or ""]
            out.append((pid, ident))
        elif f.kind == "phone":
            for pf in self.facts:
                if f.value in pf.phones:
                    out.append((pf.id, f"phones[{pf.phones[f.value]}]"))
        elif f.kind == "email":
            for pf in self.facts:
                if f.value in pf.emails:
                    out.append((pf.id, f"emails[{pf.emails[f.value]}]"))
        return out

    # -- page-level ------------------------------------------------------------------------------

    def _family_ages(self, founds: list[Found], ref_year: int,
                     names: dict[str, list[NameMatch]] | None = None,
                     folded: str = "") -> frozenset[str]:
        """Family members whose own name is followed on this page by their own age or birth
        year: when two or more are ("Perković Sanja 1974 / Perković Davor 1972 / Perković
        Lucija 2013" on a club's member list), they corroborate each other — namesakes do not
        come with the whole family's ages (rule family_on_page). A birth date with its label
        right after a full name counts too ("André Joseph LAMBOTTE, né en 1944" / "Olivier Jean
        RENARD, né le 21 septembre 1970" on a family tree)."""
        full = sorted((m.end, m.start, pid) for pid, ms in (names or {}).items() for m in ms
                      if m.rule in ("name_full", "name_first_last", "name_alias",
                                    "name_reversed", "name_middle_initial"))
        agreed: set[str] = set()
        for f in founds:
            pid = f.attr("of")
            if pid is None and f.kind == "birth_date" and full:
                i = bisect.bisect_right(full, (f.start, f.start, "")) - 1
                if i >= 0 and f.start - full[i][0] <= 40 and \
                        _BORN_LABEL.fullmatch(folded, full[i][0], f.start):
                    pid = full[i][2]
            if pid is None or f.kind not in ("age", "birth_date"):
                continue
            by = self.by_id[pid].person.birth_year if pid in self.by_id else None
            diff = year_diff(by, f, ref_year) if by else None
            if diff is not None and diff <= 1:
                agreed.add(pid)
        return frozenset(agreed) if len(agreed) >= 2 else frozenset()

    def _house_on_street_page(self, doc: PageDoc) -> list[Found]:
        """A page about a profile street — its title or first heading names it: a residents'
        association, a street's newsletter — where a name is followed by the profile's house
        number ("Cathal Ó Dónaill (No. 18)"): that number on that street is the profile
        address (rule street_page)."""
        head = doc.folded[: min(len(doc.folded), 300)]
        out: list[Found] = []
        for k in self.known.keys:
            if k.short or not k.number or len(k.words) < 1:
                continue
            street = r"(?<![a-z])" + r"\W{1,3}".join(map(re.escape, k.words)) + r"(?![a-z])"
            if not re.search(street, head):
                # the street named on the line right above a table of house numbers ("19
                # січня, вул. Саксаганського" over "Будинок, кв. | Родина | Час"): that table's
                tables = [(le, _table_end(doc.folded, le)) for sm in re.finditer(street, doc.folded)
                          if (le := doc.folded.find("\n", sm.end())) >= 0
                          and "\t" in doc.folded[le + 1 : doc.folded.find("\n", le + 1)]]
                for a, b in _house_column(doc.folded, k) if tables else []:
                    if any(t0 < a < t1 for t0, t1 in tables):
                        out.append(Found("address", a, b, doc.text[a:b],
                                         (("known", k.key), ("street_page", "1"))))
                # the street named in a sentence, the house number after it in the same
                # sentence: "Veïns del carrer de l'Om Blanc: nosaltres som al número 9"
                for sm in re.finditer(street, doc.folded):
                    end = sm.end()
                    stop = _CLAUSE_END.search(doc.folded, end, end + 80)
                    m = _HOUSE_NO.search(doc.folded, end, stop.start() if stop else end + 80)
                    if m and m.group(1) == k.number[0].lower():
                        out.append(Found("address", m.start(), m.end(),
                                         doc.text[m.start() : m.end()],
                                         (("known", k.key), ("street_page", "1"))))
                continue
            for m in _HOUSE_NO.finditer(doc.folded, len(doc.title)):
                if m.group(1) != k.number[0].lower():
                    continue
                out.append(Found("address", m.start(), m.end(), doc.text[m.start() : m.end()],
                                 (("known", k.key), ("street_page", "1"))))
            for a, b in _house_column(doc.folded, k):
                out.append(Found("address", a, b, doc.text[a:b],
                                 (("known", k.key), ("street_page", "1"))))
        # a building's page: its street and number in the heading, its flats in a column
        cut = min(len(doc.folded), 300)
        head_tokens: Tokens | None = None
        for k in self.known.keys:
            # (the street's short form too, as a building's association names itself: "OSBB
            # «Horodetskoho 12»" for vul. Arkhitektora Horodetskoho 12, with its town named)
            if not k.unit or not k.number:
                continue
            if head_tokens is None:
                head_tokens = Tokens.of(doc.folded[:cut])
            if not self.known.names_building(doc.text[:cut], doc.folded[:cut], head_tokens, k):
                continue
            for a, b in _house_column(doc.folded, k, flats=True):
                out.append(Found("address", a, b, doc.text[a:b],
                                 (("known", k.key), ("street_page", "1"))))
        return out

    def _strong_cards(self, blocks: list[Block], founds: list[Found],
                      names: dict[str, list[NameMatch]]) -> dict[str, set[int]]:
        """For each person, the result-list cards (listing blocks, not relatives' rows) that
        name them (no other middle name) and show their own current profile address, phone or
        e-mail (a previous address may be someone else's home now)."""
        out: dict[str, set[int]] = {}
        for i, b in enumerate(blocks):
            if b.kind != "listing" or b.how == "relatives":
                continue
            inside = [f for f in founds if b.start <= f.start < b.end]
            for pf in self.facts:
                if not any(b.start <= m.start < b.end and not m.middle_conflict
                           for m in names.get(pf.id, ())):
                    continue
                if any((f.kind == "address" and f.attr("known") in pf.address_keys
                        and self._addr_meta[f.attr("known") or ""][1].is_current)
                       or (f.kind == "phone" and f.value in pf.phones)
                       or (f.kind == "email" and f.value in pf.emails) for f in inside):
                    out.setdefault(pf.id, set()).add(i)
        return out

    def _link_values(self, doc: PageDoc) -> list[Found]:
        """mailto: and tel: links: values that may not be printed in the text."""
        out = []
        for ln in doc.links:
            h = ln.href
            if h.lower().startswith("mailto:"):
                addr = h[7:].split("?")[0].strip().lower()
                if re.fullmatch(r"[^@\s]{1,64}@[^@\s]{1,253}\.[a-z]{2,24}", addr):
                    out.append(Found("email", ln.start, max(ln.end, ln.start + 1), addr))
            elif h.lower().startswith("tel:"):
                raw = h[4:].strip()
                for region in self.ctx.phone_regions[:1]:
                    try:
                        num = phonenumbers.parse(raw, region)
                    except phonenumbers.NumberParseException:
                        continue
                    if phonenumbers.is_possible_number(num):
                        out.append(
                            Found(
                                "phone",
                                ln.start,
                                max(ln.end, ln.start + 1),
                                phonenumbers.format_number(
                                    num, phonenumbers.PhoneNumberFormat.E164
                                ),
                            )
                        )
        return out

    def _redaction_spans(
        self, text: str, folded: str, names: dict[str, list[NameMatch]]
    ) -> list[tuple[int, int]]:
        """Names that share a family surname but are no consenting person's match: possibly a
        relative who did not consent. They are cut out of every context snippet, and handles
        next to them are not followed."""
        covered = {i for ms in names.values() for m in ms for i in range(m.start, m.end)}
        out = []
        seen_patterns: set[str] = set()
        for pf in self.facts:
            pattern = pf.matcher.surname_pattern
            if pattern in seen_patterns:
                continue  # the family shares a surname: look for it once
            seen_patterns.add(pattern)
            for s, e in pf.matcher.surname_spans(text, folded):
                if s in covered:
                    continue
                # take the capitalised word(s) before the surname with it ("Lucas Whitfield")
                pre = re.search(r"((?:[A-Z][\w'\-]{0,30}\.?[ \t]){1,3})$", text[max(0, s - 60) : s])
                rs = s - len(pre.group(1)) if pre else s
                post = re.match(r",?[ \t]((?:[A-Z][\w'\-]{0,30}\.?[ \t]?){1,2})", text[e : e + 40])
                re_ = e + len(post.group(0)) if post and not pre else e
                out.append((rs, re_))
        # the names of relatives who did not consent, wherever they stand (first name alone too)
        if self._unconsented is not None:
            out += [(m.start(), m.end()) for m in self._unconsented.finditer(folded)
                    if text[m.start()].isupper()]
        merged: list[tuple[int, int]] = []
        for s, e in sorted(out):
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        return merged

    def _broker(self, url: str) -> Any | None:
        from ..sources import broker_for

        return broker_for(url)

    @staticmethod
    def _official_host(url: str) -> bool:
        """A government site, or a court's own ("sonoma.courts.ca.gov", "www.soud.cz")."""
        host = _hostname(url)
        if any(host.endswith(s) or host == s.lstrip(".") for s in _GOV_HOSTS):
            return True
        labels = host.split(".")
        if re.search(r"\.(?:gov|gouv|gob|govt|gv)\.[a-z]{2}$", host):
            return True  # gov.pl, gov.hr, gov.ro, gov.ie, gouv.fr, gob.es …
        # "protodikeio-thess.gr": a court's word as one part of a hyphenated label
        return bool(set(labels[:-1]) & _COURT_LABELS or {
            part for lab in labels[:-1] for part in lab.split("-")[:1]} & _COURT_LABELS)


# --- module helpers ------------------------------------------------------------------------------


# the forms that do not name a person in full (emit's, and a short or shadowed form): an
# initial, a surname or a given name alone, a surname after a title ("Mr MacLennan" is the
# deceased as much as his son)
_NOT_WHOLE = _WEAK_NAME_FORMS | {"name_short", "name_shadowed", "name_only_cap"}


# "Callahan, 53, of Milton", "Dërmaku (48 vjeç) është", "Dermaku (48) je"
_ECHO_AGE = re.compile(r",[ \t](\d{1,3}),|[ \t]\((\d{1,3})(?:[ \t][^\W\d_]{1,8}\.?)?\)")


def _surname_echoes(an: PageAnalyzer, text: str, folded: str,
                    names: dict[str, list[NameMatch]], ref_year: int
                    ) -> dict[str, list[NameMatch]]:
    """The names an age may follow: each person's name matches, and a surname alone opening a
    sentence with an age after it ("Callahan, 53, of Milton, grew up in Fall River"; "Dërmaku (48
    vjeç) është gjyqtare"), as the
    press names its subject again after naming them in full: the first family member named in
    full with that surname on the page, when the age fits them (±1) — "her father, Arturo
    Pruneda" named in between is not who "Pruneda, 53, said" is."""
    out = {pid: [m for m in ms if m.rule != "name_household"] for pid, ms in names.items()}
    full = sorted((m.start, m.end, pid) for pid, ms in names.items() for m in ms
                  if m.rule not in _NOT_WHOLE)
    for pf in an.facts:
        by = pf.person.birth_year
        for s, e in pf.matcher.surname_spans(text, folded):
            am = _ECHO_AGE.match(text, e)
            if not am or not by or any(a <= s < b for a, b, _p in full):
                continue
            if abs(ref_year - int(am.group(1) or am.group(2)) - by) > 1:
                continue
            # (or a quotation closes right before it: "… can pay it.” Garza Villarreal, 51,",
            # "“… of the clock,” Salinas, 13, told KSAT"; or a clause: "Three decades later,
            # Warsame, 47, hears civil and housing cases")
            before = text[max(0, s - 4):s].strip()
            if before and before[-1] not in ".!?\n\"”»,;:":
                continue  # a sentence or a clause must open with it
            word = folded[s:e]
            prior = [pid for a, b, pid in full if b <= s and word in folded[a:b]]
            if prior and prior[0] == pf.id:
                out.setdefault(pf.id, []).append(NameMatch(s, e, "name_surname"))
    return out


def _first_is_theirs(unconsented: list[int], names: dict[str, list[NameMatch]],
                     start: int, end: int) -> bool:
    """The span names a relative who did not consent in full before anyone of the family (by
    whole name or username): it is about them."""
    i = bisect.bisect_left(unconsented, start)
    if i == len(unconsented) or unconsented[i] >= end:
        return False
    ours = [m.start for ms in names.values() for m in ms
            if start <= m.start < end and (m.rule not in _NOT_WHOLE or m.rule == "name_username")]
    return not ours or unconsented[i] < min(ours)


# a death notice: its cross, or a word for a death (the deceased's dates stand by it)
_CROSS = re.compile(r"[✝†✞]")
_DEATH_NOTICE = re.compile(DEATH_WORD)
# a line of a death notice's mourners: first names only, joined ("Riikka ja Janne", "Eetu, Oona")
_MOURNERS_LINE = re.compile(
    r"[ \t]*[A-ZÀ-ÞĀ-Ž][^\W\d_]+(?:(?:[ \t]*,[ \t]*|[ \t]+(?:ja|och|og|und|u\.|and|&|et|y|i|e|a|"
    r"en|és|si|și|и|και)[ \t]+)[A-ZÀ-ÞĀ-Ž][^\W\d_]+){0,3}[ \t]*"
)


_FULL_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’\-]+[ \t]{1,2}[A-ZÀ-ÖØ-ÞĀ-Ž][\w’\-]+")


def _stranger_before(text: str, f: Found, ours: list[NameMatch]) -> bool:
    """Whether the full name nearest before the value in its sentence is none of ours: in a
    death notice, whose the age is."""
    lo = max(0, f.start - 160)
    stop = max(text.rfind(". ", lo, f.start), text.rfind("\n", lo, f.start))
    last = None
    for m in _FULL_NAME.finditer(text, max(lo, stop + 1), f.start):
        last = m
    return last is not None and not any(
        nm.start < last.end() and last.start() < nm.end for nm in ours)


def _mourners_line(text: str, s: int, e: int) -> bool:
    """Whether s:e is a first name on a line of first names only."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    return le - ls <= 60 and _MOURNERS_LINE.fullmatch(text, ls, le) is not None


def _in_span(items: list[Any], start: int, end: int) -> list[Any]:
    """The items (sorted by `.start`) that start within [start, end)."""
    lo = bisect.bisect_left(items, start, key=lambda x: x.start)
    hi = bisect.bisect_left(items, end, key=lambda x: x.start)
    return items[lo:hi]


def _dedupe(founds: list[Found]) -> list[Found]:
    seen: set[tuple[str, int, str, str | None]] = set()
    out = []
    for f in sorted(founds, key=lambda f: (f.start, f.kind)):
        k = (f.kind, f.start, f.value, f.attr("known"))
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out


# a name of two to four capitalised words right before an age: "Jacqueline Le Dreff, 84 ans"
_NAME_THEN_AGE = re.compile(
    r"(?<![\w'’\-])[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]+(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]+){1,3}[ \t]*[,(][ \t]*$")


def _after_other_name(text: str, f: Found, ours: list[tuple[str, NameMatch]]) -> bool:
    """The age or year right after a capitalised name that is none of our people's."""
    lo = max(0, f.start - 60)
    m = _NAME_THEN_AGE.search(text, lo, f.start)
    if m is None:
        return False
    return not any(nm.start < m.end() and m.start() < nm.end for _p, nm in ours)


# a line that opens with a name (a first name and a surname or its initial) and a dash or colon
_UP = r"A-ZÀ-ÖØ-ÞĀ-Ž"
_LOW = r"a-zß-öø-ÿā-ž'’\-"
_LINE_NAME_HEAD = re.compile(
    # a label or a child's first name before it ("Tréner:", "Adam –"), titles ("Mgr.")
    rf"[ \t]*(?:[{_UP}][{_LOW}]+(?:[ \t]+[{_UP}a-z][{_LOW}]+){{0,2}}[ \t]*:[ \t]*|"
    rf"[{_UP}][{_LOW}]+[ \t]*(?:[–—]|-[ \t])[ \t]*|"
    # or a role word with no colon ("Treneris Andrius Jonaitis, tel. …")
    rf"[{_UP}][{_LOW}]{{3,}}[ \t]+(?=[{_UP}][{_LOW}]+[ \t]+[{_UP}][{_LOW}]+[ \t]*[,–—·•|]))?"
    rf"(?:(?:Mgr|Ing|Bc|Dr|JUDr|MUDr|PhDr|Prof|Mr|Mrs|Ms|Mme|Mag|Dipl)\.?[ \t]{{1,3}}){{0,3}}"
    # the name: a first name and a surname or its initial, or initials and a surname
    rf"(?P<name>[{_UP}][{_LOW}]+[ \t]+(?:[{_UP}]\.|[{_UP}][{_LOW}]+)|(?:[{_UP}]\.[ \t]?){{1,2}}[{_UP}][{_LOW}]+)"
    # a sole trader's legal form after the name ("Cojocaru Dan PFA", "Weber KG", "Hill Ltd")
    r"(?:[ \t]+[A-Z]{2,4}\.?|[ \t]+(?:Ltd|Inc|LLC|GmbH|e\.U\.|s\.r\.o\.|d\.o\.o\.)\.?)?"
    # (a relation in brackets), then a comma, dash, middle dot or bar before the value
    r"[ \t]*(?:\([^()\n]{1,20}\))?[ \t]*(?:[,–—·•|]|-[ \t]|tel)")


def _line_of_another(text: str, f: Found, ours: list[NameMatch],
                     name_words: frozenset[str] = frozenset()) -> bool:
    """A phone or e-mail on a short line that opens with someone's name set off by a comma, a
    dash or a colon ("Nathalie M. — 06 22 47 81 09", "Adam – P. Kmeť (otec), 0903 778 012",
    "Tréner: Mgr. Peter Jánošík, tel. 0915 402 117" on a club's page), when that name is none of
    ours: that person's number (rule near_name). Not an e-mail address that spells one of our
    names ("Judicial Assistant: Maria Lopez · karen.whitlock.home@…")."""
    if f.kind == "email" and any(
            w in name_words for w in re.split(r"[^a-z]+", fold(f.value.split("@")[0])) if len(w) >= 4):
        return False
    ls = text.rfind("\n", 0, f.start) + 1
    if f.end - ls > 90:
        return False  # the value far into a long line: prose, not a name's entry
    m = _LINE_NAME_HEAD.match(text, ls)
    if m is None or m.end() > f.start:
        return False
    return not any(nm.start < m.end("name") and m.start("name") < nm.end for nm in ours)


# a street, house number and town: "Cesta na Brdo 47 / 1000 Ljubljana", "Kuršu iela 12-40,
# Liepāja, LV-3401", "Assendorperstraat 140, 8012 DK Zwolle", "Put Ruduše 3 / 21230 Sinj"; or
# the number first, then a postcode: "Cabinet : 7 rue Mercœur, 44000 Nantes"
_POSTCODE = r"(?:[A-Z]{1,3}-)?\d{3,5}(?:[ \-]?(?:\d{2,3}|[A-Z]{2}))?"
_STREET_TOWN = re.compile(
    r"(?m)^[ \t]*[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.\-]+(?:[ \t]+[\w'’.\-]+){0,4}[ \t]+\d{1,4}[a-zA-Z]?"
    r"(?:[/\-]\d{1,4}){0,2}[ \t]*(?:,[ \t]*|\n[ \t]*)"
    r"(?:" + _POSTCODE + r"[ \t]+)?"
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]+"
    r"|(?:^|:)[ \t]*\d{1,4}(?:[ \t]?(?:bis|ter|[a-z]))?,?[ \t]+[\w'’.\-]+(?:[ \t]+[\w'’.\-]+){0,4}"
    r"[ \t]*,[ \t]*" + _POSTCODE + r"[ \t]+[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]+"
    # the number first, the town, then its postcode: Malta's "8, Triq il-Linja, Ħ'Attard ATD 1111"
    r"|(?:^|:)[ \t]*\d{1,4}[a-zA-Z]?,[ \t]+[\w'’.\-]+(?:[ \t]+[\w'’.\-]+){0,4}[ \t]*,[ \t]*"
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]+(?:[ \t][\w'’\-]+)?[ \t]+(?:[A-Z]{3}[ \t]?\d{4}|" + _POSTCODE + r")(?![\w])")


# corroboration that says no more than the town: a card with a street of its own there is another's
_TOWN_ONLY = frozenset({"city", "region"})

# a name in brackets right after a value ("14.06.1977 (Šimkovičová Renáta)")
_NAME_IN_BRACKETS = re.compile(r"[ \t]{0,2}\([ \t]?")
# a name right after an age ("53-letnega Gregorja Bizjaka")
_AGE_BEFORE_NAME = re.compile(r"[ \t]{1,2}(?=[A-ZÀ-ÖØ-ÞĀ-Ž])")

# the capitalised word after a first name (past a middle initial): another person's surname
# titles a directory prints after a name ("Mößner Matthias u. Friederike Dr."): not a surname
_TITLE_AFTER = frozenset(
    "dr prof ing mag dipl jun sen jr sr phd md esq mudr judr mgr bc dott avv".split()
)
# a birthday told about someone else ("Happy 80th, Mum!", "my husband turned 50")
_FOREIGN_BIRTHDAY = re.compile(
    r"(?i)\b(?:happy|my (?:husband|wife|son|daughter|dad|mum|mom|mother|father)|his|her)\b"
)
# two capitalised words right before a first name, on its line and after a separator or the
# line's start: a surname-first name ("· Larrañaga Arana Itziar")
_TWO_WORDS_BEFORE = re.compile(
    r"(?:^|(?<=\n)|[·•|,;(]|\t)[ \t]*([A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+)[ \t]{1,2}([A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+)"
    r"[ \t]{1,2}$")
# the item before, "Surname Given," in a list, then one capitalised word right before a first
# name: that word is the first name's surname ("Pedrazzi Giada, Stähli Noemi, Zanetti Luca.")
_LIST_SURNAME_BEFORE = re.compile(
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+[ \t]{1,2}[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+[ \t]*[,;][ \t]*"
    r"([A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+)[ \t]{1,2}$")
_LIST_ITEM_END = re.compile(r"[ \t]*(?:[,;.]|\n|$)")
# a list's row "Surname, Given" alone on its line (or its cell): the surname before the comma,
# the given name after it, nothing else on the row
_ROW_SURNAME_BEFORE = re.compile(
    r"(?:^|(?<=\n)|[·•|]|\t)[ \t]*([A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+(?:[ -][A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+)?)"
    r",[ \t]{1,2}$")
KIN_REACH = 50
"""How far before a name a relation word and a family member's first name may stand (rule
relative_named)."""
_ROW_END = re.compile(r"[ \t]*(?:\n|\t|[|·•]|$)")
_ROW_START = re.compile(r"(?:^|\n|\t|[|·•])[ \t]*$")
_ROW_GIVEN_AFTER = re.compile(
    r",[ \t]{1,2}([A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+(?:[ -][A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+)?)[ \t]*(?:\n|\t|[|·•]|$)")
# a surname a teaser masks after a first name: "Zofia P*******", "Dorota Z*********-P******"
_MASKED_AFTER = re.compile(r"[ \t]{1,2}[^\W\d_]{0,2}[*•]{3,}")
_NEXT_NAME_WORD = re.compile(r"[ \t]{1,2}(?:[A-Z]\.?[ \t]{1,2})?([^\W\d_][\w'\-]+)")
# a house number after a name on a street's own page: "(No. 18)", "- nr. 18", "(#18)"
_HOUSE_HEAD = re.compile(
    # with a word for "house" before it in some languages: Lithuanian "Namo Nr.", Latvian "Mājas
    # nr.", Finnish "Talo nro", Danish "Hus nr.", Polish "Nr domu" (after), Hungarian "Házszám"
    r"(?:(?:namo|majas|talo|hus|kucni)[ \t])?"
    r"(?:nr|no|n°|nº|n\.o|n\.d|nd|number|nummer|huisnr|huisnummer|hausnr|hausnummer|"
    # Norwegian and Danish "Husnr." (a housing co-op's list)
    r"husnr|husnummer|"
    r"numero|num|cislo|c\.?p|broj|br|numer|nro|nomer|house|house no|"
    # the building itself: Ukrainian and Russian "Будинок", "Дом", Polish "Budynek", "Haus"
    r"budynok|dom|budynek|haus|building|bldg|edificio|immeuble)\.?(?:[ \t]domu)?"
    # with the flat beside it: "Будинок, кв." (house, flat), "No./Apt"
    r"(?:[ \t]*[,/][ \t]*(?:kv|kvartyra|kvartira|flat|apt|app|byt|stan|lakas|whg|wohnung|"
    r"mieszkanie|m|apartment|appartement)\.?)?|"
    # a Massachusetts street listing's "Residence" column over the house numbers
    r"residence|res\.?|"
    r"hazszam|civico|n\.[ \t]?civico")
_HOUSE_CELL = re.compile(r"(\d{1,4}[a-z]?)(?:[ \t,/].{0,14})?")
# the flat after the house number in one cell: "87, kv. 19", "87/19", "87 apt 19"
_FLAT_IN_CELL = re.compile(r"\d{1,4}[a-z]?[ \t]*[,/][ \t]*(?:[a-z]{1,10}\.?[ \t]*)?(\d{1,4}[a-z]?)$"
                           r"|\d{1,4}[a-z]?[ \t]+[a-z]{1,10}\.?[ \t]*(\d{1,4}[a-z]?)$")
# a residents' table's "Address" column that holds only the house (and flat) numbers, the street
# named once for the whole page ("Address | Residents | Phone" over "3/18 | Ros Kealy & Tom …")
_ADDRESS_HEAD = re.compile(
    r"(?:address|adresse|adres|adresa|adresas|adrese|indirizzo|direccion|adreca|endereco|morada|"
    r"anschrift|osoite|cim|dieuthynsi|adresi)")
_NUMBER_CELL = re.compile(r"(\d{1,4}[a-z]?)(?:[ \t]?[/\-][ \t]?(\d{1,4}[a-z]?))?")
# a building's page: the column of its flats ("Asunto | Nimi | Puhelin" over "B 9 | Söderholm
# Annika | 040 …"), in the languages of the sets' countries; the flat word a cell may repeat
_FLAT_HEAD = re.compile(
    r"(?:flat|apt\.?|apartment|unit|suite|asunto|huoneisto|lagenhet|lgh\.?|lejlighed|leilighet|"
    r"wohnung|whg\.?|top|appartement|appartamento|interno|int\.?|piso|apartamento|porta|fracao|"
    r"byt|c\.? ?bytu|stan|mieszkanie|lokal|lakas|ajto|dzivoklis|butas|korter|apartament|ap\.?|"
    r"stan br\.?|diamerisma|kv\.?|kvartyra|kvartira|kvartiry)(?:[ \t]?(?:no\.?|nr\.?|#))?")
_FLAT_WORD = re.compile(r"^(?:flat|apt\.?|apartment|unit|lgh\.?|as\.?|whg\.?|top|app\.?|ap\.?|"
                        r"byt|stan|m\.?|int\.?|kv\.?)[ \t]+")


# a register's record that prints the surname and the given names in two fields, one under the
# other: "Nazwisko / Nazwa lub firma | WRÓBLEWSKI" over "Imiona | MARCIN PAWEŁ" (KRS), "Nume |
# PĂTRAȘCU" over "Prenume | RADU MIHAI", "Name | Wimmer" over "Vorname | Thomas" (folded text)
_SPLIT_NAME = re.compile(
    r"(?m)^[^\n\t]{0,12}(?<![a-z])(?:nazwisko|prijmeni|priezvisko|nume|name|nom|apellidos?|cognome|"
    r"achternaam|efternamn|etternavn|efternavn|sukunimi|prezime|surname|last name|family name)"
    r"(?![a-z])[^\n\t]{0,30}\t[ \t]*(?P<sn>[^\t\n]{2,60}?)[ \t]*\t?\n"
    r"[^\n\t]{0,12}(?<![a-z])(?:imiona|imie|jmeno|jmena|meno|prenume|vorname|vornamen|prenoms?|"
    r"nombres?|nome|voornamen|voornaam|fornamn|fornavn|etunimet|ime|given names?|first names?|"
    r"forenames?)(?![a-z])[^\n\t]{0,30}\t[ \t]*(?P<gn>[^\t\n]{2,60}?)[ \t]*(?:\t|\n|$)"
)


def _split_name_fields(facts: list[PersonFacts], text: str, folded: str
                       ) -> list[tuple[str, NameMatch]]:
    """A person named across a record's surname field and its given-names field under it: a
    match from the surname to the given names, as if printed "SURNAME Given" (rule
    name_reversed)."""
    out: list[tuple[str, NameMatch]] = []
    for m in _SPLIT_NAME.finditer(folded):
        synth = f"{text[m.start('gn'):m.end('gn')]} {text[m.start('sn'):m.end('sn')]}"
        for pf in facts:
            hits = pf.matcher.matches(synth, fold(synth))
            full = [h for h in hits if h.start == 0 and h.end == len(synth)
                    and h.rule in ("name_full", "name_first_last", "name_middle_initial",
                                   "name_alias", "name_inflected")]
            if full:
                out.append((pf.id, NameMatch(m.start("sn"), m.end("gn"), "name_reversed",
                                             full[0].folded)))
    return out


# a people-search page's list of other people with a like name, after its label: not the
# page's person, nor anyone the page tells anything about
_SIMILAR = re.compile(
    r"(?<![a-z])(?:similar (?:people|persons|names)|people also (?:viewed|searched(?: for)?)|"
    r"related searches|other people named|slicne osobe|slicni ljudi|podobne osoby|podobni ljudje|"
    r"ahnliche personen|personnes similaires|personas similares|persone simili|"
    r"vergelijkbare personen|hasonlo szemelyek|liknande personer|lignende personer|"
    r"samankaltaiset henkilot|persoane similare|panasus asmenys|sarnased isikud|lidzigas personas|"
    r"paromoia prosopa|slichni litsa|slichni lica|slicni lica|ostali s istim imenom|"
    # namesakes: "Omonimi", "Homonymes", "Homónimos", "Namensvettern", "Namesakes"
    r"omonimi|homonymes|homonimos|homonimi|namensvettern|namesakes|people with the same name|"
    # a directory's other listings: "Ähnliche Einträge in der Nähe", "Similar listings nearby"
    r"ahnliche eintrage|similar (?:entries|listings)|"
    # a directory's other results for the surname: "Autres résultats pour Delvaux à Liège",
    # "Weitere Einträge für Wimmer", "Other results for Tran"
    r"autres resultats|other results|more results for|weitere (?:eintrage|treffer|ergebnisse)|"
    r"andere resultaten|altri risultati|otros resultados|outros resultados|inne wyniki|"
    r"dalsi vysledky|dalsie vysledky|ostali rezultati|drugi rezultati|alte rezultate|"
    r"egyeb talalatok|muut tulokset|andra traffar|andre resultater|"
    # what other visitors typed: "Recent searches: Robert Ashby, Charleston SC · …"
    r"(?:recent|popular|trending|top|latest)[ \t](?:people[ \t])?(?:searches|lookups)|"
    r"recently searched|letzte suchanfragen|beliebte suchen|recherches (?:recentes|populaires)|"
    r"busquedas (?:recientes|populares)|ricerche (?:recenti|popolari)|"
    r"(?:recente|populaire) zoekopdrachten|ostatnie wyszukiwania|popularne wyszukiwania|"
    r"posledni hledani|nedavna pretrazivanja|senaste sokningar|seneste sogninger|siste sok|"
    r"viimeisimmat haut|cautari recente|legutobbi keresesek|paskutines paieskos|"
    r"viimased otsingud|pedejie meklejumi)"
    r"[ \t]*:?"
)


def _similar_heading(folded: str, start: int, end: int) -> int | None:
    """Where a "Similar people" / "Similar entries" heading on its own line starts in
    folded[start:end], if one does."""
    for m in _SIMILAR.finditer(folded, start, end):
        ls = folded.rfind("\n", 0, m.start()) + 1
        le = folded.find("\n", m.end())
        le = len(folded) if le < 0 else le
        if not folded[ls : m.start()].strip() and len(folded[m.end() : le].strip()) <= 20:
            return m.start()
    return None


# what a heading of other results is for: "pour Delvaux à Liège", "for Tran in Perth"
_FOR_WHOM = re.compile(r"(?:pour|for|fur|voor|per|para|dla|za|pentru|zu|bei|near|in|a|u|v|na)"
                       r"[ \t][^\n]{1,40}")


def _without_similar(names: dict[str, list[NameMatch]], folded: str) -> dict[str, list[NameMatch]]:
    """Name matches outside the lines a "Similar people:" label opens, and outside the short
    list under such a heading on its own line ("Omonimi": namesakes) (rule per_block)."""
    spans = []
    for m in _SIMILAR.finditer(folded):
        le = folded.find("\n", m.end())
        le = len(folded) if le < 0 else le
        ls = folded.rfind("\n", 0, m.start()) + 1
        if not folded[ls : m.start()].strip() and (not folded[m.end() : le].strip() or (
                _FOR_WHOM.fullmatch(folded[m.end() : le].strip()))):
            # a heading on its own line ("Autres résultats pour Delvaux à Liège"): the list
            # under it, up to twelve short lines
            for _ in range(12):
                if le >= len(folded):
                    break
                nxt = folded.find("\n", le + 1)
                nxt = len(folded) if nxt < 0 else nxt
                line = folded[le + 1 : nxt].strip()
                if not line or len(line) > 80:
                    break
                le = nxt
        spans.append((m.start(), le))
    if not spans:
        return names
    return {pid: [x for x in ms if not any(a <= x.start < b for a, b in spans)]
            for pid, ms in names.items()}


INHERITED_HEAD = 300
"""Characters of a page's title and heading."""

# an asset or interest declaration, or a decision that reviews one, in its title or heading
_DECLARATION = re.compile(
    r"(?<![a-z])(?:declarati[ea] de avere|declaratia de avere|declaratie de interese|"
    r"deklarat[ae] e pasurise|vleresimi i pasurise|rivleresim[a-z]{0,4}|imovinsk[a-z]{1,3}[ \t]kartic[a-z]{1,3}|"
    r"anketen list|majetkov[a-z]{1,3}[ \t]priznani|oznameni o majetku|oswiadczenie majatkowe|"
    r"asset declaration|financial disclosure|statement of economic interests|"
    r"deklaracija o imovini|privaciu interesu deklaracij[a-z]{1,2}|turto deklaracij[a-z]{1,2}|"
    r"declaration de patrimoine|declaration de situation patrimoniale|"
    r"dichiarazione patrimoniale|declaracion de bienes|vagyonnyilatkozat|"
    r"deklaratsiya za imushtestvo|deklaracija|deklaracii|deklaratsii|"
    r"finan[cs]ijsk[a-z]{1,3}[ \t]izvjestaj[a-z]{0,2}|imovinsk[a-z]{1,3}[ \t]karton[a-z]{0,2}|"
    r"izvjestaj[a-z]{0,2}[ \t]o[ \t]imovini)(?![a-z])"
)
# a word for the spouse on the line of a car in a declaration
_SPOUSE_WORD = re.compile(
    r"(?<![a-z])(?:sot|sotia|sotul|sotiei|sotului|bashkeshort[a-z]{0,4}|spouse|husband|wife|"
    r"manzel[a-z]{0,4}|supru[a-z]{0,5}|sopru[a-z]{0,5}|ehemann|ehefrau|ehegatt[a-z]{0,2}|"
    r"epoux|epouse|conjoint[a-z]{0,2}|coniuge|conyuge|esposa|esposo|sutuoktin[a-z]{0,4}|"
    r"abikaasa|puoliso|hazastars[a-z]{0,3}|feleseg[a-z]{0,3}|ferj[a-z]{0,3}|syzyg[a-z]{0,3}|"
    r"malzonek|malzonka|zona|zmonos|vyras|vyro)(?![a-z])"
)


def _declarant_car(folded: str, f: Found, scored: dict[str, _Scored], subject: str) -> str | None:
    """Whose a car is on an asset declaration (its title or heading says so) that names no one
    on the car's own line: the spouse's when a word for the spouse stands on that line, else
    the declarant's — the judge, confirmed on the page."""
    if not _DECLARATION.search(folded, 0, min(len(folded), INHERITED_HEAD)):
        return None
    ls = folded.rfind("\n", 0, f.start) + 1
    le = folded.find("\n", f.end)
    le = len(folded) if le < 0 else le
    if any(ls <= m.start < le for sc in scored.values() for m in sc.matches):
        return None  # a name on its line decides (rule row_owner, near_name)
    if _SPOUSE_WORD.search(folded, ls, le):
        spouse = next((p for p, sc in scored.items() if sc.pf.person.relation == "spouse"), None)
        return spouse
    return subject if subject in scored else None


def _about_address(text: str, f: Found, everyone: list[NameMatch], mine: list[NameMatch]) -> bool:
    """Whether the judge's previous address `f` is also her spouse's or child's here: the page is
    about that address (it heads the page, before anyone is named: the owners' association of
    the building), the page names no one else of the family (his own officer record), or it
    stands on the line of their own name. In the body of a page that also names her (her asset
    declaration, her card's "Previous addresses") it is hers alone."""
    if f.start < INHERITED_HEAD and all(m.start > f.start for m in everyone):
        return True
    if {(m.start, m.end) for m in everyone} <= {(m.start, m.end) for m in mine}:
        return True  # a page about them alone (his officer record's correspondence address)
    return any("\n" not in text[min(m.start, f.start):max(m.end, f.end)] for m in mine)


def _house_column(folded: str, k: AddressKey, *, flats: bool = False) -> list[tuple[int, int]]:
    """The cells holding the house number of `k` in a table column headed as house numbers
    ("Nr.\tNaam\tTelefoon" over "41\tLe Maire Olivier\t02 358 47 12" on a street's residents
    page), or as addresses when the cell holds nothing but the number ("Address\tResidents" over
    "3/18\tRos Kealy & Tom Quiroga": flat 3 of number 18, the street named once for the page). A
    row whose cell holds a line break ("FERRER CASTELLS, NÚRIA<br>y ROURA SAGUÉ, ALBERT") goes on
    over the next lines until one closes its last cell."""
    number = k.number[0].lower()
    out: list[tuple[int, int]] = []
    col: int | None = None
    numbers_only = False
    width = 0
    lines = folded.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    i = 0
    while i < len(lines):
        row = _row_cells(folded, starts[i]) if "\t" in lines[i] else None
        if row is None:
            if col is None or "\t" not in lines[i] or sum(
                    bool(c.strip()) for c in lines[i].split("\t")) != 1:
                col = None
            # (a group's heading row inside the table, one cell alone: "Rekke 3 – Nedre
            # Lyngbakken" over its houses keeps the column)
            i += 1
            continue
        cells = list(row[2])
        while not lines[i].endswith("\t") and i + 1 < len(lines) and "\t" in lines[i + 1]:
            more = _row_cells(folded, starts[i + 1])
            if more is None or len(cells) + len(more[2]) - 1 > _MAX_CELLS:
                break
            i += 1
            cells += more[2][1:]  # its first cell is the broken one's rest
        i += 1
        texts = [folded[a:b].strip() for a, b in cells]
        if flats:
            head = next((j for j, t in enumerate(texts) if _FLAT_HEAD.fullmatch(t)), None)
        else:
            head = next((j for j, t in enumerate(texts) if _HOUSE_HEAD.fullmatch(t)), None)
        numbers_head = head is None
        if head is None and not flats:
            head = next((j for j, t in enumerate(texts) if _ADDRESS_HEAD.fullmatch(t)), None)
        if head is not None:
            col, width, numbers_only = head, len(cells), numbers_head
            continue
        if col is None or len(cells) != width:
            col = None
            continue
        if flats:
            cell = re.sub(r"[^a-z0-9]", "", _FLAT_WORD.sub("", texts[col]))
            if cell and cell in (k.unit, k.flat):
                out.append(cells[col])  # "B 9" in the "Asunto" column: the profile's flat
            continue
        nm = _NUMBER_CELL.fullmatch(texts[col])
        if nm and nm.group(2):
            mine = (number, (k.unit or (k.number[1] if len(k.number) > 1 else "")).lower())
            if mine[1] and sorted(mine) == sorted((nm.group(1), nm.group(2))):
                out.append(cells[col])  # "3/18" or "18/3": flat and house, both the profile's
            continue
        m = nm if numbers_only else _HOUSE_CELL.fullmatch(texts[col])
        if m and k.letter and m.group(1).rstrip("abcdefghijklmnopqrstuvwxyz") == number \
                and m.group(1) != number + k.letter:
            if other_house_letter(texts[col], m.end(1), k.letter):
                continue  # "17 A" beside the profile's "17 B": a neighbour's house
            m = _HOUSE_CELL.fullmatch(number)  # "17b", "17 B": the profile's house
        if m and m.group(1) == number:
            fl = None if numbers_only else _FLAT_IN_CELL.fullmatch(texts[col])
            flat = fl and (fl.group(1) or fl.group(2))
            if flat and k.unit and flat != k.unit.lower():
                continue  # "87, kv. 23": another flat of the building, a neighbour's
            out.append(cells[col])
    return out


_WORD_BEFORE = re.compile(r"(?<![a-z])([a-z]+)\.?[ \t]{1,2}$")
_KIN_BRACKET = re.compile(r"[ \t]{0,2}\(([a-z ]{2,30})\)")
"""A bracket of words right after a name: "(z mamoiu)", "(with mum)"."""


def _relation_before(folded: str, lo: int, start: int) -> bool:
    """Whether a relation word stands right before the name at `start` (not before `lo`),
    past one title between ("Her son, Judge Boyd Carrington")."""
    if RELATION_BEFORE.search(folded, max(lo, start - 30), start):
        return True
    w = _WORD_BEFORE.search(folded, max(lo, start - 20), start)
    return bool(w and (is_title(w.group(1)) or w.group(1) in _ALIAS_TITLES) and RELATION_BEFORE.search(
        folded, max(lo, w.start() - 30), w.start()))


def _table_end(folded: str, start: int) -> int:
    """Where the run of tab-separated lines starting after `start` (a line break) ends."""
    pos = start
    while pos < len(folded):
        nl = folded.find("\n", pos + 1)
        line = folded[pos + 1 : len(folded) if nl < 0 else nl]
        if "\t" not in line:
            return pos
        if nl < 0:
            return len(folded)
        pos = nl
    return pos


_MAX_CELLS = 12
"""A residents' table row has a few cells; lines past this many are another table's."""


_CLAUSE_END = re.compile(r"[.!?](?:[ \t]|$)|\n")
_STRONG = frozenset(("known_address", "known_phone", "known_email", "known_username", "court",
                     "known_org"))
"""Evidence only our person has: an unknown address in another town does not undo it."""
_TIES = frozenset(("relative_named", "listed_relative", "family_on_page", "family_constellation",
                   "family_named"))
"""Corroborations a block's caller adds to the judgement (kept when it is judged again)."""
_HOUSE_NO = re.compile(r"(?<=[ (\-,\n\t])(?:no\.?|nr\.?|n\.o|nd|number|numero|num\.|br\.?|c\.?p\.?|#|"
                       # Romanian "numărul 38", German and Dutch "Nummer", Polish "numer",
                       # Czech "číslo", Croatian and Serbian "broj"
                       r"numarul|nummer|numer|cislo|broj|"
                       # Croatian "kbr." (kućni broj), German "Hausnr."
                       r"kbr\.?|k\.[ \t]?br\.?|hausnr\.?)"
                       r"[ \t]?"
                       r"(\d{1,4}[a-z]?)(?![0-9a-z])")  # ("n.º", "n°" fold to "n.o", "nd")
ECHO_FLOOR = 0.5
"""A person named in full in a block with at least this confidence, not contradicted, owns the
age after their first name said again there ("Sofia Kessler … Sofia (13) is an eighth-grader")."""


_ROW_LABEL = re.compile(r"[ \t]*[^\W\d_][^\n\t:\d]{0,28}(?:[ \t]*:[ \t]*|\t[ \t]*)")


def _labelled_row(text: str, f: Found) -> bool:
    """The value `f` is on a data sheet's row: a short label starts its line and the value
    follows it ("Age\t45", "Born: 1974"; the label may be part of the value's span)."""
    ls = _line_start(text, f.start)
    m = _ROW_LABEL.match(text, ls)
    return m is not None and f.start <= m.end() <= f.end


def _sheet_row_of(text: str, f: Found, matches: list[NameMatch]) -> bool:
    """A data sheet headed by the person's name, with an introduction before its rows: a
    labelled age or birth row within NEAR characters after a short line holding the name is theirs ("Applicant
    Summary: Renata Isabel Montaño-Kerr" … "Age\t45") (rule near_name)."""
    if f.kind not in ("age", "birth_date") or not _labelled_row(text, f):
        return False  # a sheet's contact rows are as often its organisation's ("Kontakt: …")
    for m in matches:
        if m.end > f.start or f.start - m.end > NEAR:
            continue
        ls = _line_start(text, m.start, 101)
        le = text.find("\n", m.end, m.end + 101)
        if (le if le >= 0 else m.end + 101) - ls <= 100:
            return True
    return False


_WORD_BEFORE_INITIAL = re.compile(r"(?<![\w.])([^\W\d_][^\W\d_]{2,})[ \t]{1,2}$")


def _without_longer_names(names: dict[str, list[NameMatch]],
                          text: str) -> dict[str, list[NameMatch]]:
    """An initial and a surname right after a given name of someone outside the family are that
    someone's middle initial: "A. Archuleta" of "Judge Marisa A. Archuleta", "A Hussain" of
    "Kamran A Hussain" (rule name_shadowed). A title before the initial keeps it ("Judge A.
    Archuleta", "Dr A. Hussain")."""
    def longer(m: NameMatch) -> bool:
        w = _WORD_BEFORE_INITIAL.search(text, max(0, m.start - 40), m.start)
        if w is None:
            return False
        word = w.group(1)
        key = fold(word)
        return (word[0].isupper() and word[1:].islower() and not is_title(word)
                and key not in _ALIAS_TITLES and key not in _COURTESY
                and not any(key == t for t in _JUDICIAL_TITLES)
                # (a card's label: "Huisgenoten A.C. van den Berg · I. El Amrani")
                and not re.fullmatch(REL_WORDS, key))

    return {pid: [m for m in ms if m.rule != "name_initial" or not longer(m)]
            for pid, ms in names.items()}


def _generation_owner(an: PageAnalyzer, bnames: dict[str, list[NameMatch]]
                      ) -> dict[str, list[NameMatch]]:
    """A name a father and his son share with no suffix printed ("James Whitfield" among the
    aliases of "James R Whitfield Jr" on his card) is the block's person's: the one of the two
    whose own, suffixed name comes first in the block. The other keeps only his own mentions
    (the judge "J Robert Whitfield III" under the card's relatives)."""
    gens = {pid: an.by_id[pid].matcher.generations for pid in bnames}
    ids = [p for p in bnames if gens[p]]
    if len(ids) < 2:
        return bnames
    spans = {p: {(m.start, m.end) for m in bnames[p]} for p in ids}
    out = dict(bnames)
    for a in ids:
        own_a = [m.start for m in bnames[a] if not any((m.start, m.end) in spans[o]
                                                        for o in ids if o != a)]
        for b in ids:
            shared = spans[a] & spans[b]
            if a == b or gens[a] == gens[b] or not shared:
                continue
            own_b = [m.start for m in bnames[b] if (m.start, m.end) not in spans[a]]
            if own_a and (not own_b or min(own_a) < min(own_b)):
                out[b] = [m for m in out[b] if (m.start, m.end) not in shared]
    return {p: ms for p, ms in out.items() if ms}


# a first name paired with another's in a couple's name: "Bobby and Caroline Ashby"
_PAIRED_GIVEN = re.compile(r"[ \t]{1,2}(?:and|&|und|et|y|e|en|och|og|i|a)[ \t]{1,2}([a-z]+)")


def _without_shared_initials(names: dict[str, list[NameMatch]]) -> dict[str, list[NameMatch]]:
    """An initial and the family's surname that fit two of the family ("C. McDonagh" for Colm
    and for Caoimhe McDonagh) name neither: whose it is, the page does not say."""
    spans: dict[tuple[int, int], set[str]] = {}
    for pid, ms in names.items():
        for m in ms:
            if m.rule == "name_initial":
                spans.setdefault((m.start, m.end), set()).add(pid)
    shared = {sp for sp, who in spans.items() if len(who) >= 2}
    if not shared:
        return names
    return {pid: [m for m in ms if not (m.rule == "name_initial" and (m.start, m.end) in shared)]
            for pid, ms in names.items()}


def _drop_shadowed(names: dict[str, list[NameMatch]]) -> dict[str, list[NameMatch]]:
    """A form built on an initial, a title or an honorific that lies inside another family
    member's fuller name is that member's name: in "Guadalupe R. Montaño" the judge's
    "R. Montaño" is the mother's middle initial, not the judge (rule name_shadowed)."""
    strong = sorted(
        (m.start, m.end, pid) for pid, ms in names.items() for m in ms if m.rule not in WEAK_FORMS
    )
    longest = max((e - s for s, e, _p in strong), default=0)

    def shadowed(pid: str, m: NameMatch, same: bool = False) -> bool:
        # only spans starting within `longest` before m can overlap it (sorted: bisect)
        i = bisect.bisect_left(strong, (m.start - longest, -1, ""))
        for s, e, o in strong[i:]:
            if s >= m.end:
                break
            if o != pid and m.start < e and (e - s) > (m.end - m.start):
                return True
            if same and o != pid and (s, e) == (m.start, m.end):
                return True
        return False

    # A short form that is another member's own first name is that member ("Lena Whitcomb" is
    # the daughter Lena, not "Lena" for her aunt Kathleen).
    own = {(m.start, m.end) for ms in names.values() for m in ms
           if m.rule not in ("name_nickname", "name_short")}
    return {
        pid: [
            m for m in ms
            if not (m.rule in WEAK_FORMS and shadowed(pid, m))
            and not (m.rule in ("name_nickname", "name_short") and (m.start, m.end) in own
                     and shadowed(pid, m, same=True))
        ]
        for pid, ms in names.items()
    }


def _street_word(f: Found) -> bool:
    """An address's value has a word of its own beside its postcode (a street, a place)."""
    postal = (f.attr("postal") or "").lower()
    return any(w.lower() not in postal for w in re.findall(r"[^\W\d_]{3,}", f.value))


# an adult's courtesy title or academic degree right before a name: "Mme C. Lambert, juge",
# "Mrs J. Doe", "Frau Dr. …", "Sig.ra …", "Pani …" (never "Miss", "Mlle", "Master": a child's)
_ADULT_TITLE = re.compile(
    r"(?<![\w.])(?:mme|madame|m|monsieur|mr|mrs|ms|dr|frau|herr|me|maitre|sig\.?ra|signora|"
    r"sig|signor|sra|senora|sr|senor|pani|pan|gospoda|gospodin|dott\.?ssa|dott|mag|mag\.a|"
    r"ing|di|dipl|prof|judge|juge|rechter|richter|richterin|juez|jueza|giudice|sutkinja|"
    r"sudac|sedzia|soudkyne|soudce|hon)\.?[ \t]{1,2}$")


def _titled_minor(text: str, folded: str, m: NameMatch) -> bool:
    """Whether a name match is preceded by an adult's title: no child of the family."""
    before = folded[max(0, m.start - 14) : m.start]
    t = _ADULT_TITLE.search(before)
    if t is None:
        return False
    # (the title's own capital: "Mme", "Dr", never the word "me" or "di" in a sentence)
    return text[max(0, m.start - 14) + t.start() : max(0, m.start - 14) + t.start() + 1].isupper()


def _honorifics_in_context(names: dict[str, list[NameMatch]]) -> dict[str, list[NameMatch]]:
    """ "Ms Hartigan" stands for a person only on a page that names her in full elsewhere. When
    other people of the family share the surname match (the judge and her mother are both "Ms
    Hartigan"), it stands for the one named in full last before it, as a news story names a
    person in full and then by title ("Clíona Hartigan SC … Ms Hartigan (48) … the daughter of
    Donal and Bríd Hartigan"); with none named before it, for nobody. Rule name_honorific."""
    owners: dict[tuple[int, int], set[str]] = {}
    for pid, ms in names.items():
        for m in ms:
            if m.rule == "name_honorific":
                owners.setdefault((m.start, m.end), set()).add(pid)
    if not owners:
        return names
    fulls = {
        pid: [m for m in ms if m.rule not in ("name_honorific", "name_username", "name_title")]
        for pid, ms in names.items()
    }

    def owner(span: tuple[int, int]) -> str | None:
        cands = owners[span]
        if len(cands) == 1:
            return next(iter(cands))
        last = [(max((m.end for m in fulls[p] if m.end <= span[0]), default=-1), p)
                for p in cands]
        last.sort(reverse=True)
        if last[0][0] < 0 or (len(last) > 1 and last[1][0] == last[0][0]):
            return None
        return last[0][1]

    out = {}
    for pid, ms in names.items():
        out[pid] = [
            m for m in ms
            if m.rule != "name_honorific"
            or (fulls[pid] and owner((m.start, m.end)) == pid)
        ]
    return out


_ROLE_SEP = " \t:–—-,;(/"


def _row_cells(text: str, pos: int) -> tuple[int, int, list[tuple[int, int]]] | None:
    """The table row holding `pos` (a line whose cells are tab-separated): its start, end and
    cells' spans; None when the line is not a table row."""
    ls = _line_start(text, pos)
    le = text.find("\n", pos, pos + 400)
    le = le if le >= 0 else min(len(text), pos + 400)
    if "\t" not in text[ls:le].rstrip("\t "):
        return None
    cells, s = [], ls
    for i in range(ls, le + 1):
        if i == le or text[i] == "\t":
            if text[s:i].strip():
                cells.append((s, i))
            s = i + 1
    return ls, le, cells


def _role_labels(text: str, folded: str, people: dict[str, list[NameMatch]]) -> dict[str, str]:
    """The word each person's name is labelled with in a table: the cell before it
    ("Deklarator\tRadoslava Petkova Dragomirova") or the words opening the name's own cell
    ("saprug – Martin Ivanov Dragomirov"). Folded label → person id; a label two people share
    is dropped."""
    seen: dict[str, set[str]] = {}
    for pid, ms in people.items():
        for m in ms:
            row = _row_cells(text, m.start)
            if row is None:
                continue
            cells = row[2]
            i = next((k for k, (a, b) in enumerate(cells) if a <= m.start < b), None)
            if i is None:
                continue
            a = cells[i][0]
            label = folded[a : m.start].strip(_ROLE_SEP)
            if not label and i > 0 and len(cells) == 2:
                label = folded[cells[0][0] : cells[0][1]].strip(_ROLE_SEP)
            if label and len(label) <= 30 and len(label.split()) <= 3 and not any(
                    c.isdigit() for c in label):
                seen.setdefault(label, set()).add(pid)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def _row_owner(text: str, folded: str, f: Found, people: dict[str, list[NameMatch]],
               labels: dict[str, str]) -> str | None:
    """Whose a value in a table row is (rule row_owner): the one person of ours the row
    names ("TOYOTA RAV4\t2020\tTarnavskyi Andrii Mykhailovych (chlen simi)"), or the person
    whose label fills one of the row's cells ("Shkoda Oktavia kombi\t2019\tdeklarator" on a
    declaration opened by "Deklarator\tRadoslava Petkova Dragomirova"). None otherwise."""
    row = _row_cells(text, f.start)
    if row is None:
        return None
    ls, le, cells = row
    named = {p for p, ms in people.items() if any(ls <= m.start < le for m in ms)}
    if named:
        return named.pop() if len(named) == 1 else None
    if f.kind in ("plate", "vehicle") and any(
            _CELL_NAME.match(text[a:b].strip()) and not any(c.isdigit() for c in text[a:b])
            and not find_words(folded[a:b], MAKES)
            and not (a <= f.start < b) for a, b in cells):
        return ""  # the row names someone else ("Toyota Yaris · 2021 · Ivan Babić")
    owners = set()
    for a, b in cells:
        if a <= f.start < b:
            continue
        cell = folded[a:b].strip(_ROLE_SEP)
        for label, pid in labels.items():
            if cell == label or (cell.startswith(label)
                                 and cell[len(label)] in _ROLE_SEP and "," not in cell):
                owners.add(pid)
    return owners.pop() if len(owners) == 1 else None


def _line_owner(text: str, f: Found, scored: dict[str, _Scored]) -> str | None:
    """The one person of ours named on a birth date's line before it, with no other name
    (two capitalised words) between the name and the date; None otherwise."""
    ls = _line_start(text, f.start)
    if ls > 0 and text[ls:f.start].lstrip()[:1] in ("–", "—", "-", "·", ",", "("):
        ls = _line_start(text, ls - 1)  # "Ante Lovrić" / "– husband (b. 1946)": a link's line
    before: list[tuple[int, str]] = []
    for p, sc in scored.items():
        if sc.given_only:
            continue
        before += [(m.end, p) for m in sc.matches if ls <= m.start and m.end <= f.start]
    if not before and ls > 0 and f.attr("born") and len(text[ls:f.start].strip()) <= 16:
        # a line that opens with the birth ("Avv. Laura Bernasconi-Dalla Valle" / "Nata il 3
        # marzo 1975, …, coniugata con Davide Bernasconi"): the person of the line above
        ps = _line_start(text, ls - 1)
        before = [(m.end, p) for p, sc in scored.items() if not sc.given_only
                  for m in sc.matches if ps <= m.start and m.end <= ls]
    if len({p for _e, p in before}) != 1:
        return None
    end, pid = max(before)
    if _TWO_CAPITALISED.search(text, end, f.start):
        return None
    return pid


# "Kern: 0650 … · Reiter (Markus): 0676 … · Strohmaier: 0664 …": a contact list on one line,
# each number after the name it belongs to
_SEGMENT_SEP = re.compile(r"\s[·|•]\s|;\s|\s[–—]\s")
_SEGMENT_LABEL = re.compile(r"\s*([^\W\d_][^:\d\n]{1,40}?)\s*:\s")
# labels that name a kind of contact, not a person ("Tel.: … · Fax: …"), folded
_CONTACT_KIND = re.compile(
    r"\b(?:tel|telefon|telephone|phone|mobil|mobile|handy|cell|gsm|fax|e-?mail|mail|privat|"
    r"home|work|office|buro|bureau|kontakt|contact|info|whatsapp|sms|festnetz|mob|tfn|puh|"
    r"puhelin|telefono|cellulare|telefone|telefoon|mobiel|tlf)\b")


def _segment_owner(text: str, f: Found, people: dict[str, list[NameMatch]]) -> str | None:
    """Whose a phone or e-mail in a one-line contact list is (rule segment_owner): the line
    is cut at "·", "|", "•", ";" or a dash into "Name: value" parts, at least two of them;
    the value belongs to the person of ours its part's label names, and to nobody of ours
    when that label names someone else ("Kern: 0650 7732 118 · Reiter (Markus): 0676 504 22
    19": Kern's number is not the Reiters' daughter's). None when the line is no such list."""
    ls = _line_start(text, f.start)
    le = text.find("\n", f.start)
    le = le if le >= 0 else len(text)
    line = text[ls:le]
    cuts = [0, *(m.end() for m in _SEGMENT_SEP.finditer(line)), len(line) + 1]
    parts = [(ls + a, ls + b) for a, b in zip(cuts, cuts[1:], strict=False)]
    labelled = [(a, b, m) for a, b in parts if (m := _SEGMENT_LABEL.match(text, a, b))]
    if len(labelled) < 2:
        return None
    for a, b, m in labelled:
        if not a <= f.start < b:
            continue
        if f.start < m.end():
            return None  # the value is inside the label
        named = {p for p, ms in people.items() if any(m.start(1) <= x.start < m.end(1) for x in ms)}
        if named:
            return named.pop() if len(named) == 1 else None
        label = m.group(1)
        if label[:1].isupper() and not _CONTACT_KIND.search(fold(label)):
            return ""  # another person's number
        return None
    return None


def _entry_of(text: str, f: Found, scored: dict[str, _Scored], primary: str | None) -> str | None:
    """The person of ours whose entry a date on a line of its own closes: named last before
    it, at most three lines up and 200 characters back, after the block's own person (who
    heads the block) — None when that is the block's person or nobody."""
    last: tuple[int, str] | None = None
    for p, sc in scored.items():
        if sc.in_relatives or sc.given_only:
            continue
        for m in sc.matches:
            if m.end <= f.start and (last is None or m.start > last[0]):
                last = (m.start, p)
    if last is None or last[1] == primary or f.start - last[0] > 200:
        return None
    if text.count("\n", last[0], f.start) > 3:
        return None
    return last[1]


def _same_row(text: str, pos: int, matches: list[NameMatch]) -> bool:
    """A name on the same line as `pos` (a household's row: "Whitcomb, Greg & Kathleen · Nora
    (14) · 4127 Foxglove Ridge Ln SE": a first name there shares the row's home)."""
    ls = _line_start(text, pos)
    le = text.find("\n", pos, pos + 400)
    le = le if le >= 0 else min(len(text), pos + 400)
    return any(ls <= m.start < le for m in matches)


def _joined_to(folded: str, theirs: list[NameMatch], given: list[NameMatch]) -> bool:
    """A first name joined to another member's name as one household ("Mößner Matthias u.
    Friederike Dr.", "Greg & Kathleen"): the entry's home is theirs too."""
    return any(
        0 <= g.start - m.end <= 12 and joined(folded[m.end : g.start])
        for m in theirs
        for g in given
    )


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether s..e overlaps one of the sorted name spans (each under 80 characters)."""
    return any(s < te and ts < e for ts, te in _spans_between(spans, s - 80, e))


def _spans_between(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The (sorted) spans that start in [start, end)."""
    lo = bisect.bisect_left(spans, (start, -1))
    hi = bisect.bisect_left(spans, (end, -1))
    return spans[lo:hi]


def _record_subject(doc: PageDoc, founds: list[Found], blocks: list[Block],
                    have: set[str | None]) -> list[Found]:
    """A register's record of an organisation prints its name on a line of its own at the top,
    before the record's parts ("CYPRESS LINE DESIGN STUDIO, LLC" / "Filing Information" / …
    "Authorized Person(s) Detail"): the record is that organisation's, so it is implicit in every
    part, as on its own site (rule own_site)."""
    first = min((b.start for b in blocks if b.kind != "page"), default=len(doc.text))
    out = []
    for f in founds:
        key = f.attr("known")
        if f.kind not in ("employer", "school") or key in have or f.start >= min(first, 600):
            continue
        ls = doc.text.rfind("\n", 0, f.start) + 1
        le = doc.text.find("\n", f.end)
        line = doc.text[ls : le if le >= 0 else len(doc.text)]
        if len(line) - (f.end - f.start) > 16:
            continue  # the name in a sentence, not the record's heading
        have.add(key)
        out.append(Found(f.kind, 0, 0, f.value, (("implicit", "1"), ("known", key or ""))))
    return out


_OPEN_QUOTE = "„“«\"‚‘"
_CLOSE_QUOTE = "”“»\"’‘"


def _quoted_after(text: str, pos: int, ms: list[NameMatch]) -> bool:
    """Whether `pos` is inside a quotation opened after every name match on its line: what
    someone says ("Ioana Doe, Brașov — „Locuiesc la nr. 38 de 13 ani”") — "13 years" there
    is how long, not how old."""
    ls = text.rfind("\n", 0, pos) + 1
    opened = max(text.rfind(q, ls, pos) for q in _OPEN_QUOTE)
    if opened < 0:
        return False
    if any(text.find(q, opened + 1, pos) >= 0 for q in _CLOSE_QUOTE if q not in "\"“‘"):
        return False
    return all(m.end <= opened for m in ms if m.start >= ls or m.end > ls) and any(
        ls <= m.start < opened for m in ms)


def _in_prose(text: str, f: Found) -> bool:
    """Whether the value stands in running text: a line of six words or more, not a data
    sheet's short field."""
    ls = text.rfind("\n", 0, f.start) + 1
    le = text.find("\n", f.end)
    line = text[ls : le if le >= 0 else len(text)]
    if len(_FIELD_LABEL.findall(line)) >= 2:
        return False  # a sheet's fields on one line: "Pozicija: krilo · Visina: 201 cm · Rođen: …"
    return len(line.split()) >= 6


_FIELD_LABEL = re.compile(r"(?:^|[·|•\t]|[ \t][·|•][ \t])[ \t]*[^\W\d_][\w .'-]{0,24}:[ \t]")


# between a full name and its birth date on a family tree or in a register: "André Joseph
# LAMBOTTE, né en 1944", "Olivier Jean RENARD, né le 21 septembre 1970", "Jan Novák, nar. 1970"
_BORN_LABEL = re.compile(
    # (a maiden name in brackets and the tie to the page's person may stand between: "Karin
    # Birgitta Östlund (Nyström) – daughter, born 1968" on a family tree)
    r"[ \t\n,;(\-–]{0,4}(?:\([^()\n]{1,40}\)[ \t]{0,2})?(?:[–—\-][ \t]{0,2}[a-z]{3,16},?[ \t]{0,2})?"
    r"(?:nee?|ne\(e\)|born|b\.|geb\.|geboren|nat[oa]|nacid[oa]|nascut[a]?|n\.|"
    r"nascid[oa]|urodzon[aey]|ur\.|rodjen[a]?|roden[a]?|nar\.|narozen[a]?|syntynyt|s\.|fodd|f\.|"
    r"fodt|gim\.|dzim\.|sund\.|szul\.)[ \t,:]{0,3}(?:le|en|on|in|am|el|il|em|the|in het)?[ \t]{0,2}"
)


# the seller's label of a classified ad, right before the seller's name
_SELLER_LABEL = re.compile(
    r"(?<![a-z])(?:annonceur|vendeur|seller|sold by|verkaufer|anbieter|venditore|inserzionista|"
    r"vendedor|anunciante|prodavajici|predavajuci|predajca|sprzedajacy|ogloszeniodawca|prodavac|"
    r"prodajalec|elado|hirdeto|myyja|saljare|saelger|selger|verkoper|adverteerder|vanzator)"
    r"[ \t]*:?[ \t]*\n?[ \t]*$"
)


def _seller(folded: str, matches: list[NameMatch]) -> bool:
    """The person is named as a classified ad's seller ("Annonceur" / "Laurent Pittet · membre
    depuis 2011"): the car the ad offers is theirs (rule seller)."""
    return any(_SELLER_LABEL.search(folded, max(0, m.start - 40), m.start) for m in matches)


# the path of an organisation's staff page: its staff words, or "team" under "about us" or before
# one person's slug ("/team/marloes-verhoeven") — not a sports club's "/team/u14", "/equipes/…"
_STAFF_PATH = re.compile(
    r"/(?:agents?|our-team|staff|mitarbeiter(?:innen)?|equipe|equipo|medewerkers|zespol|"
    r"nasz-zespol|ansatte|medarbejdere|medarbetare|henkilosto|munkatarsaink|djelatnici|"
    r"zaposleni|personeel)(?:/|$|\.)"
    r"|/team/[a-z]+-[a-z\-]+/?$"
    r"|/(?:about|about-us|over-ons|ueber-uns|uber-uns|chi-siamo|o-nas|company|unternehmen)/team"
    r"(?:/|$)", re.I
)


def _url_path(url: str) -> str:
    try:
        return urlsplit(url).path
    except ValueError:
        return ""


def _page_frame(doc: PageDoc, blocks: list[Block]) -> tuple[tuple[int, int], ...]:
    """The page's heading and footer around its listing blocks (a roster's, a result list's):
    the title and what comes before the first block, what comes after the last, each within
    FRAME_CHARS (rule page_city)."""
    rows = [b for b in blocks if b.kind == "listing"]
    if not rows:
        return ()
    first = min(b.start for b in rows)
    last = max(b.end for b in rows)
    title = min(first, len(doc.title))
    out = [(0, title)]
    if first > title:
        out.append((max(title, first - FRAME_CHARS), first))
    if last < doc.visible_end:
        out.append((last, min(doc.visible_end, last + FRAME_CHARS)))
    return tuple(out)


def _frame_values(
    doc: PageDoc, blocks: list[Block], founds: list[Found], known_phones: set[str]
) -> list[Found]:
    """Profile addresses and phones printed in a listing page's frame — its title or heading,
    before the first listing block: the page is about that address or number ("Residents of 6108
    Sendero Verde Cv", "Who called 512-555-0147?"), and each listed resident shares it
    (rule page_subject)."""
    if not any(b.kind == "listing" for b in blocks):
        return []
    spans = sorted((b.start, b.end) for b in blocks)
    starts = [s for s, _e in spans]
    # the heading, not the footer: a club's "parents' representative: Gregor Bizjak, 031 408 772"
    # under its roster is that parent's number, not every listed child's
    head_end = min(b.start for b in blocks if b.kind == "listing")

    def in_a_block(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        # blocks may nest (a JSON-LD record after a listing): look back over the few before
        return any(spans[k][0] <= pos < spans[k][1] for k in range(max(0, i - 3), i + 1))

    return [
        f
        for f in founds
        if (
            (f.kind == "address" and f.attr("known"))
            or (f.kind == "phone" and f.value in known_phones)
        )
        and f.start < min(doc.visible_end, head_end)
        and not in_a_block(f.start)
    ]


def _host_in(url: str, hosts: tuple[str, ...]) -> bool:
    host = _hostname(url)
    return any(host == h or host.endswith("." + h) for h in hosts)


__all__ = ["PageAnalyzer", "NEAR"]
