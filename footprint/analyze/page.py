"""The page analyzer: one fetched HTML page → exposures attributed to consenting people, leads
for other probes, and the ids of the people the page is about.

Steps: read the page (text.py), run every extractor once over the whole text (extract_*.py),
find each person's name (names.py), split the page into listing blocks (blocks.py), judge each
person in each block (corroborate.py), then attribute values: a profile value to its owner, any
other value to the block's person (listings) or to the person named nearest to it (other pages),
and map each to its DESIGN.md §3 category.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
import time
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

import phonenumbers

from ..model import Category, Exposure, Lead, Skipped, SourceKind
from ..profile import Address, Profile
from . import PageResult
from .blocks import Block, split_blocks
from .corroborate import (
    VALUE_FLOOR,
    Evidence,
    Judgement,
    PersonFacts,
    corroborators,
    judge,
    person_facts,
    year_diff,
)
from .extract import ExtractContext, Extractor, Found, default_extractors
from .extract_places import MAX_PYAP_CALLS, ParseBudget, PlaceExtractor
from .extract_social import handle_from_url
from .match import find_all
from .match.address import AddressMatcher
from .match.birth import ages_after_names
from .match.org import OrgMatcher
from .match.tokens import Tokens, street_words
from .names import RELATION_WORDS, NameMatch, fold, is_inflected
from .text import MAX_DEPTH, PageDoc, parse_page

log = logging.getLogger(__name__)

PAGE_SECONDS = 20.0
"""Analysis time one page may take; the parts of a page left when it runs out are listed as not
checked (the work is linear in the page's size, so only a hostile page gets near it)."""
ORG_NEAR = 400
"""Characters between a person's name and their own school or employer for the page to expose it
(a school's name in the headline, the child's name in the story's first lines)."""
NEAR = 300
"""Characters between a value and a name within which, on a page that is not a listing, an
unlisted value is attributed to the person of that name (rule near_name)."""

# Words of a relatives heading (see `_relative_sections`).
_REL_WORDS = (
    r"(?:possible relatives|known relatives|relatives|relative|associated persons|"
    r"associated people|associates|other occupants|occupants|other residents|"
    r"also at this address|household members?|household|family members?|related to|"
    r"may be related to|people related|pribuzni|pribuzne|clenove domacnosti|domacnost|rodina|"
    # Polish, Croatian/Serbian, Romanian, German, Spanish, French, Italian
    r"osoby powiazane|powiazane osoby|krewni|czlonkowie rodziny|rodzina|"
    r"povezane osobe|povezane osobe|rodbina|obitelj|clanovi obitelji|srodnici|rodaci|"
    r"rude|persoane asociate|persoane inrudite|membri ai familiei|familie|"
    r"verwandte|angehorige|familienmitglieder|familiares|parientes|personas relacionadas|"
    r"parents|proches|personnes associees|parenti|familiari)"
)
_REL_WORD_RE = re.compile(_REL_WORDS + r"(?![a-z])[ \t]{0,2}(:?)")
_SECTION_END = re.compile(
    r"\n[ \t]{0,3}(?:phones?|phone numbers?|addresses|address|current address|past addresses|"
    r"previous addresses|emails?|email addresses|age|born|aliases|also known as|education|"
    r"employment|work|vehicles?|social|telefon|adresa|vek|view|see|more|adres|adresy|wiek|"
    r"telefony?|adrese|dob|godine|varsta|telefoane|alter|edad|direcciones?|adresse|eta)(?![a-z])"
)
_CURRENT_LABEL = re.compile(
    r"(?<![a-z])(?:current(?:ly)?(?: home)?(?: address)?|lives at|living at|resides at|residing at|"
    r"residential address|home address|usual residential address|present address|"
    r"trvale bydliste|bydliste|adresa bydliste|trvaly pobyt|homelocation)(?![a-z])"
)
_PREVIOUS_LABEL = re.compile(
    r"(?<![a-z])(?:past|previous|former|prior|formerly|lived at|used to live|drivejsi|"
    r"predchozi)(?: addresses| address| residences?)?(?![a-z])"
)
# a relation word, with a short case ending for inflected languages ("manželem", "dcerou")
_RELATION_BEFORE = re.compile(
    r"(?<![a-z])(?:"
    + "|".join(RELATION_WORDS)
    + r")[a-z]{0,3}(?:[ \t]{0,2}[,:][ \t]{0,2}|[ \t]{1,2})$"
)
_FAMILY_CUE = re.compile(
    r"(?<![a-z])(?:proud)?(?:family|families|daughters?|sons?|wife|husband|kids|children|dad|"
    r"daddy|mom|mommy|mum|mother|father|anniversary|married|grandma|grandpa|granddaughter|"
    r"grandson|sisters?|brothers?|household|parent|rodina|rodinn[a-z]{0,3}|dcer[a-z]{0,3}|"
    r"syn[a-z]{0,3}|manzel[a-z]{0,3}|deti|tata|mama|babicka|dedecek)(?![a-z])"
)
_RESIDENCE = re.compile(
    r"(?<![a-z])(?:lives?|living|resides?|residing|house|home|neighbou?rs?|moved to|bydli|"
    r"bydliste)(?![a-z])"
)
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


_HOME_PHOTO = re.compile(r"\b(?:house|residence|parcel photo|property photo|front of (?:the |our |their )?(?:house|home)|driveway|street view)\b")
_IMG_SKIP = re.compile(
    r"logo|icon|sprite|spacer|pixel|badge|banner|avatar-default|placeholder|\.svg(?:$|\?)", re.I
)
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
)
# Host labels of courts' own sites, in the languages footprint reads.
_COURT_LABELS = frozenset(
    "courts court judiciary justice soud soudy sudovi sud sad sady sudy tribunal tribunale "
    "tribunalul judecatoria curteadeapel instante rechtspraak gerichte justiz bip".split()
)
_SOCIAL_HOSTS = (
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


@dataclass
class _Scored:
    """A person judged in a block."""

    pf: PersonFacts
    judgement: Judgement
    matches: list[NameMatch]
    in_relatives: bool
    given_only: bool = False


@dataclass
class _PageState:
    """Accumulates one page's output."""

    url: str
    source: str
    probe: str
    exposures: dict[tuple[str, str, str], Exposure] = field(default_factory=dict)
    leads: dict[tuple[str, str, str], Lead] = field(default_factory=dict)
    about: set[str] = field(default_factory=set)
    best: dict[str, tuple[Judgement, Block, tuple[tuple[str, str], ...]]] = field(
        default_factory=dict
    )
    places: ParseBudget = field(default_factory=ParseBudget)
    surnames: list[tuple[int, int]] = field(default_factory=list)
    """Every capitalised family surname on the page, sorted (found once per page)."""
    taken: list[tuple[int, int]] = field(default_factory=list)
    """Every name match on the page, sorted by start."""
    """pyap work left for this page's unknown street addresses."""


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
        self.profile = profile
        self.today = today or dt.date.today()
        self.threshold = profile.audit.threshold
        self.use_catalog = use_catalog
        country = profile.audit.country
        inflected = is_inflected(profile.audit.language, country)
        self.facts: list[PersonFacts] = []
        known: list[tuple[str, Address]] = []
        self._addr_meta: dict[str, tuple[str, Address, str]] = {}
        for person in profile.people:
            pf = person_facts(profile, person, inflected=inflected)
            addrs = profile.matching_addresses(person)
            for i, a in enumerate(addrs):
                key = f"{person.id}:{i}"
                known.append((key, a))
                pf.address_keys.add(key)
                same = sum(1 for b in addrs if b.label == a.label)
                ident = a.label if same == 1 else f"addresses[{i}]"
                self._addr_meta[key] = (person.id, a, ident)
            self.facts.append(pf)
        self.by_id = {pf.id: pf for pf in self.facts}
        self._birth_years = {pf.id: pf.person.birth_year for pf in self.facts
                             if pf.person.birth_year}
        self._name_words = frozenset(
            w for pf in self.facts
            for w in [*pf.matcher.givens, *pf.matcher.nicks, *pf.matcher.surnames]
            if len(w) >= 3
        )
        self.known = AddressMatcher(known, inflected=inflected)
        orgs = []
        for person in profile.people:
            if person.school:
                orgs.append((f"{person.id}:school", "school", person.school))
            if person.employer and person.id != profile.subject.id:
                orgs.append((f"{person.id}:employer", "employer", person.employer))
        self.orgs = OrgMatcher(orgs, inflected=inflected)
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
        deadline = time.monotonic() + PAGE_SECONDS
        text, folded = doc.text, doc.folded
        founds: list[Found] = []
        for ex in self.extractors:
            founds.extend(ex.extract(text, folded, self.ctx))
        founds.extend(self.places.localities(text, folded, self.ctx))
        tokens = Tokens.of(folded)
        founds.extend(find_all([self.known], doc, tokens))
        founds.extend(self.orgs.find(text, folded, tokens))
        founds.extend(self._link_values(doc))
        names = {
            pf.id: sorted(pf.matcher.matches(text, folded), key=lambda m: m.start)
            for pf in self.facts
        }
        names = _honorifics_in_context(names)
        founds.extend(ages_after_names(text, names, self.today.year, self._birth_years))
        url_owner = self._url_owner(url)
        if url_owner is not None and self._owner_named(doc, url_owner[0], names):
            # the person's own account or site: its address names them (rule name_username);
            # the page must still corroborate it like any other name
            names[url_owner[0]].insert(0, NameMatch(0, max(1, len(doc.title)), "name_username"))
        founds = _dedupe(founds)
        broker = self._broker(url) if self.use_catalog else None
        blocks = split_blocks(
            doc,
            name_starts=[m.start for ms in names.values() for m in ms],
            signal_starts=[
                f.start
                for f in founds
                if f.kind in ("age", "birth_date", "address", "phone", "email")
            ]
            + self.places.triggers(text, self.ctx),
            broker=broker,
        )
        st = _PageState(url, source, probe)
        st.surnames = sorted({sp for pf in self.facts for sp in pf.matcher.surname_spans(text, folded)})
        st.taken = sorted((m.start, m.end) for ms in names.values() for m in ms)
        official = self._official_host(url) or source == SourceKind.GOVERNMENT.value
        personal = source == SourceKind.SOCIAL.value or _host_in(url, _SOCIAL_HOSTS)
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
        family_ages = self._family_ages(founds)
        over_budget = 0
        for i, block in enumerate(blocks):
            if time.monotonic() > deadline:
                over_budget = len(blocks) - i  # what was found so far is kept
                break
            self._block(doc, block, founds, names, st, official, personal, base_attrs, redact,
                        (frame if block.kind == "listing" else []) + implicit, family_ages)
        self._page_relatives(doc, st, redact)
        self._own_account(doc, st, owner, redact)
        self._captioned_photos(doc, st, official)
        self._mentions(doc, st, redact)
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

    def _owner_named(
        self, doc: PageDoc, pid: str, names: dict[str, list[NameMatch]]
    ) -> bool:
        """Does an account page at a profile username show its owner as ours? Their name, a given
        name or the surname must be on it, and no other person of the family's surname may head
        it ("Miguel Pruneda" holds the judge's handle on another platform)."""
        pf = self.by_id[pid]
        text, folded = doc.text, doc.folded
        head = min(len(text), max(len(doc.title), 400))
        covered = [m for ms in names.values() for m in ms]
        ours = {g for f in self.facts for g in f.matcher.givens | f.matcher.nicks}
        for s_, _e in pf.matcher.surname_spans(text[:head], folded[:head]):
            if not any(m.start <= s_ < m.end for m in covered):
                # the surname in the page's head after a first name none of our people has
                pre = re.search(r"([A-Z][\w'\-]{1,20})[ \t]$", text[max(0, s_ - 30) : s_])
                if pre and fold(pre.group(1)) not in ours:
                    return False
        if names[pid]:
            return True
        if pf.matcher.given_only(text, folded) or pf.matcher.surname_spans(text, folded):
            return True
        # a family blog that never prints its author's name but names the family ("Aoife's
        # science project"); a stranger holding the same handle names neither
        return any(f.matcher.given_only(text, folded) for f in self.facts if f.id != pid)

    def _family_ages(self, founds: list[Found]) -> frozenset[str]:
        """Family members whose own name is followed on this page by their own age or birth
        year: when two or more are ("Perković Sanja 1974 / Perković Davor 1972 / Perković
        Lucija 2013" on a club's member list), they corroborate each other — namesakes do not
        come with the whole family's ages (rule family_on_page)."""
        agreed: set[str] = set()
        for f in founds:
            pid = f.attr("of")
            if pid is None or f.kind not in ("age", "birth_date"):
                continue
            by = self.by_id[pid].person.birth_year if pid in self.by_id else None
            diff = year_diff(by, f, self.today.year) if by else None
            if diff is not None and diff <= 1:
                agreed.add(pid)
        return frozenset(agreed) if len(agreed) >= 2 else frozenset()

    def _family_named(self, doc: PageDoc, block: Block, owner: str) -> bool:
        """On a person's own account or site: the first names of their family, as people write
        on their own pages ("my wife Clíona", "with Cathal & Aoife") — another family member's
        given name after a relation word, or the given names of two others (rule family_named)."""
        seg, fseg = doc.text[block.start : block.end], doc.folded[block.start : block.end]
        named = set()
        for pf in self.facts:
            if pf.id == owner:
                continue
            for s_, _e in pf.matcher.given_only(seg, fseg):
                if _RELATION_BEFORE.search(fseg[max(0, s_ - 30) : s_]):
                    return True
                named.add(pf.id)
        return len(named) >= 2

    def _url_owner(self, url: str) -> tuple[str, int] | None:
        """(person id, username index) when the page's address carries a profile username as a
        host label or a whole path segment ("limestonedan.wordpress.com", "/user/mpruneda/",
        "/@dkesslerpe"): the person's own site or account, if the page agrees."""
        try:
            parts = urlsplit(url)
            labels = (parts.hostname or "").lower().split(".")[:-1]
            segs = [x.lower().lstrip("@~") for x in parts.path.split("/") if x][:2]
        except ValueError:
            return None
        for pf in self.facts:
            for u, i in pf.usernames.items():
                if u in labels or u in segs:
                    return pf.id, i
        return None

    def _own_account(
        self, doc: PageDoc, st: _PageState, owner: str | None, redact: list[tuple[int, int]]
    ) -> None:
        """A page at an address carrying a person's profile username is their account or own
        site when the page itself agrees (it is judged to be about them, or it was reached from a
        page of the same site that was): an `account` exposure, every picture on it a lead for the
        person, and its other pages on the same site leads to read as theirs. A username alone
        proves nothing (another person may hold it there): then only a possible match."""
        hit = self._url_owner(doc.url)
        if hit is None:
            return
        pid, idx = hit
        best = st.best.get(pid)
        confirmed = pid in st.about or owner == pid
        pf = self.by_id[pid]
        if confirmed:
            conf = max(best[0].confidence if best else 0.0, 0.9 if owner == pid else 0.0)
            rules: tuple[str, ...] = (*(best[0].rules if best else ()), "own_account")
        else:
            if any(s_ < 400 for s_, _e in redact):
                return  # another person of the family's surname heads the page: theirs
            conf = min(0.45, 0.8 * self.threshold)
            rules = ("own_account", "name_only_cap")
        personal = any(
            e.category not in (Category.MENTION, Category.ACCOUNT) for e in st.exposures.values()
        ) or bool(_FAMILY_CUE.search(doc.folded))
        attrs = [("personal", "1")] if personal else []
        key = (pid, Category.ACCOUNT.value, doc.url.lower())
        st.exposures[key] = Exposure(
            person=pid, category=Category.ACCOUNT, url=st.url, value=st.url,
            confidence=round(conf, 2), identifier=f"usernames[{idx}]",
            context=f"account or own site of a profile username ({doc.title[:80]})",
            rules=rules, source=st.source, probe=st.probe, attrs=tuple(sorted(attrs)),
        )
        base = _site_base(doc.url, pf.usernames)
        if not confirmed or conf < self.threshold:
            if best is not None and best[0].match.rule == "name_username":
                # the owner is named but not yet confirmed here: the site's other pages (its
                # "about" page) may settle it — list them, to be read on their own merits
                if base.count("/") == 3:
                    self._lead(st, pid, "site?", base, None)
            return
        st.about.add(pid)
        # every picture on a person's own page is theirs to check; its other pages too
        for img in doc.images:
            if not img.small and not _IMG_SKIP.search(img.src):
                self._lead(st, pid, "image", img.src, None)
        if base.count("/") == 3:
            # a site of its own ("limestonedan.wordpress.com"): list its pages by a site search
            self._lead(st, pid, "site", base, None)
        n = 0
        for ln in doc.links:
            if n >= MAX_SITE_LINKS:
                break
            href = ln.href.split("#")[0]
            if href and href.startswith(base) and href.rstrip("/") != doc.url.rstrip("/"):
                if not _ASSET.search(href):
                    self._lead(st, pid, "page", href, None)
                    n += 1

    def _page_relatives(self, doc: PageDoc, st: _PageState, redact: list[tuple[int, int]]) -> None:
        """A page about the judge that names a consenting relative, or a relative's page that
        names the judge, ties them together even when they sit in separate blocks (the residents
        of one address, two entries of one directory): a `relative` exposure for the relative."""
        subject = self.profile.subject.id
        if subject not in st.about:
            return
        for pid in sorted(st.about - {subject}):
            best = st.best.get(pid)
            if best is None or best[0].confidence < self.threshold:
                continue
            if any(k[0] == pid and k[1] == Category.RELATIVE.value for k in st.exposures):
                continue
            j, _block, attrs = best
            m = j.match
            f = Found("name", m.start, m.end, " ".join(doc.text[m.start : m.end].split()))
            extra = (("minor", "1"),) if self.by_id[pid].person.minor else ()
            _Emitter(self, st, doc.text, list(attrs), redact).add(
                pid, Category.RELATIVE, f, j, "name", extra
            )

    def _captioned_photos(self, doc: PageDoc, st: _PageState, official: bool) -> None:
        """Photos identified by their words, not their pixels: on a page already judged to be
        about the family, an image whose alt text names a person is a photo of that person
        (rule "photo-caption"), and an image described as the house on a page that exposes a
        home address is a photo of the home (rule "home-photo"). Reference-photo matching (the
        images probe) finds the uncaptioned copies."""
        if not st.about:
            return
        homes = {
            e.person: e for e in st.exposures.values()
            if e.category == Category.HOME_ADDRESS and e.confidence >= self.threshold
        }
        for img in doc.images:
            alt = (img.alt or "").strip()
            if img.small or not alt or alt == "og:image" or _IMG_SKIP.search(img.src):
                continue
            folded = fold(alt)
            for pid in sorted(st.about):
                pf = self.by_id.get(pid)
                if pf is None:
                    continue
                named = bool(pf.matcher.matches(alt, folded)) or bool(pf.matcher.given_only(alt, folded))
                best = st.best.get(pid)
                if not named or best is None or best[0].confidence < self.threshold:
                    continue
                attrs = [("method", "caption")]
                if pf.person.minor:
                    attrs.append(("minor", "1"))
                if official:
                    attrs.append(("official", "1"))
                self._photo(st, pid, img.src, alt, best[0].confidence, ("photo-caption",), attrs)
            if _HOME_PHOTO.search(folded):
                for pid, home in homes.items():
                    attrs = [("home_photo", "1"), ("method", "caption")]
                    self._photo(st, pid, img.src, alt, home.confidence, ("home-photo",), attrs,
                                identifier=home.identifier)

    @staticmethod
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
    ) -> None:
        text, folded = doc.text, doc.folded
        # a reverse-address or reverse-phone page: the address or phone in the page's frame (title,
        # heading) is what every listed resident shares (rule page_subject)
        bf = sorted(_in_span(founds, block.start, block.end) + frame, key=lambda f: f.start)
        rel = _relative_sections(folded, block)

        def in_rel(off: int) -> bool:
            return any(s <= off < e for s, e in rel)

        listing = block.kind != "page"
        # a people-search listing, or any block of a people-search site: namesakes live here
        strict = block.kind == "listing" or any(k == "broker" for k, _v in base_attrs)
        own_founds = [f for f in bf if not in_rel(f.start)]
        hrefs = [ln.href for ln in _in_span(doc.links, block.start, block.end)]
        bnames = {pid: _in_span(ms, block.start, block.end) for pid, ms in names.items()}
        bnames = {pid: ms for pid, ms in bnames.items() if ms}
        if not bnames:
            return
        all_matches = [(pid, m) for pid, ms in bnames.items() for m in ms]

        def evidence(pid: str, ms: list[NameMatch]) -> Evidence:
            if listing:
                # a person named only under "Relatives" owns none of the block's ages or places
                mine = [] if all(in_rel(m.start) for m in ms) else own_founds
                near = None
            else:
                mine = [f for f in bf if self._nearest(f.start, f.end, all_matches) == pid]
                near = (
                    max(block.start, min(m.start for m in ms) - 150),
                    min(block.end, max(m.end for m in ms) + 150),
                )
            # an age printed right after a name is that name's, never the block's other people's
            mine = [f for f in mine if f.attr("of") in (None, pid)]
            return Evidence(text, folded, block.start, block.end, mine, bf, hrefs, near, strict)

        year = self.today.year
        scored: dict[str, _Scored] = {}
        found: dict[str, tuple[list[str], list[str]]] = {}
        own_extra: dict[str, tuple[str, ...]] = {}
        for pid in bnames:
            if pid in family_ages:
                own_extra[pid] = ("family_on_page",)
        for pid, ms in bnames.items():
            if any(m.rule == "name_username" for m in ms) and self._family_named(doc, block, pid):
                own_extra[pid] = (*own_extra.get(pid, ()), "family_named")
        for pid, ms in bnames.items():
            pf = self.by_id[pid]
            ev = evidence(pid, ms)
            found[pid] = corroborators(pf, ev, year)
            j = judge(
                pf,
                ms,
                ev,
                threshold=self.threshold,
                today_year=year,
                extra=own_extra.get(pid, ()),
                found=found[pid],
            )
            relative_only = listing and all(in_rel(m.start) for m in ms)
            scored[pid] = _Scored(pf, j, ms, relative_only)
        # pass 2: another consenting person named in the block, not contradicted, corroborates
        first = dict(scored)
        for pid, sc in first.items():
            supporters = [q for q, o in first.items() if q != pid and not o.judgement.contradicted]
            if supporters:
                j = judge(
                    sc.pf,
                    sc.matches,
                    evidence(pid, sc.matches),
                    threshold=self.threshold,
                    today_year=year,
                    extra=("relative_named", *own_extra.get(pid, ())),
                    found=found[pid],
                )
                scored[pid] = _Scored(sc.pf, j, sc.matches, sc.in_relatives)
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
                for a in ages_after_names(text, given, self.today.year, self._birth_years)
                if not any(a.start == f.start and f.kind == "age" for f in bf)
            ]
            bf = sorted(bf + extra_ages, key=lambda f: f.start)
        confirmed = {pid for pid, s in scored.items() if s.judgement.confidence >= self.threshold}
        st.about |= confirmed
        # unknown street addresses are read only where someone may own them (pyap is slow)
        if any(self._may_emit(sc.judgement) for sc in scored.values()):
            extra = self.places.addresses(
                text, folded, self.ctx, block.start, block.end, budget=st.places
            )
            if extra:
                bf = sorted(bf + extra, key=lambda f: f.start)
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

        def owner_of(f: Found) -> _Scored | None:
            if listing:
                if in_rel(f.start):
                    return None
                return scored.get(primary) if primary else None
            pid = self._nearest(
                f.start, f.end, [(p, m) for p, s in scored.items() for m in s.matches]
            )
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
                    # its own person (not under "Relatives")
                    mine += [
                        (o, i, g)
                        for o, i, g in owners
                        if o != primary
                        and o in scored
                        and not scored[o].in_relatives
                        and not scored[o].given_only
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
                    targets = mine[:1] or named_owner[:1] or [(primary, None, group[0])]
            else:
                named: list[tuple[str, str | None, Found]] = [
                    (o, i, g)
                    for o, i, g in owners
                    if o in scored and scored[o].judgement.confidence >= self.threshold
                ]
                if span[0] == "address":
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
                handled.add(span)
                self._emit_value(emit, g, pid, j, ident, folded, block)
        # every other value: to the block's person (listings) or the person named nearest
        handled_spans = [(s_, e_) for _k, s_, e_ in handled]
        for f in bf:
            if f.kind not in ("address", "phone", "email", "age", "birth_date", "plate", "vehicle"):
                continue
            if (f.kind, f.start, f.end) in handled:
                continue
            if f.kind == "address" and any(f.start < e_ and s_ < f.end for s_, e_ in handled_spans):
                continue  # the same address, already matched to the profile
            owner = owner_of(f)
            # a first name alone is enough to own an age printed right after it ("Isla, 12"),
            # not an address or a phone
            if owner is None or (owner.given_only and f.kind not in ("age", "birth_date")):
                continue
            j = owner.judgement
            if not self._may_emit(j):
                continue
            if not listing and not _attributable(text, f, owner.matches):
                continue
            if _institutional(doc, f, official_host, self._name_words):
                continue
            handled.add((f.kind, f.start, f.end))
            handled_spans.append((f.start, f.end))
            self._emit_value(emit, f, owner.pf.id, j, None, folded, block)
        self._street_only(emit, doc, block, scored)
        # relatives, schools, workplaces, leads
        self._relatives(emit, scored, confirmed, subject)
        self._schools_and_work(emit, doc, block, bf, scored)
        self._leads(doc, block, bf, scored, primary, listing, in_rel, st, redact)

    # -- helpers for a block ---------------------------------------------------------------------

    def _may_emit(self, j: Judgement) -> bool:
        """Values of a block go out when the block is confirmed, or as a possible match when
        it is only unconfirmed — not when something contradicts it (rule value_floor)."""
        return j.confidence >= self.threshold or (
            j.confidence >= VALUE_FLOOR and not j.contradicted
        )

    def _given_only(self, doc, block, scored, confirmed, st, in_rel, evidence) -> None:  # type: ignore[no-untyped-def]
        text, folded = doc.text, doc.folded
        # only what lies near this block: the page-wide lists are sorted, bisect them
        taken = _spans_between(st.taken, block.start - 60, block.end + 60)
        surname_spans = _spans_between(st.surnames, block.start, block.end)
        anchors = surname_spans + [(m.start, m.end) for s in confirmed for m in s.matches]
        # a page (not a listing) about a family member that talks about family: first names of
        # the other family members on it are theirs ("Eleanor had a rare Saturday off")
        family_page = block.kind == "page" and bool(
            _FAMILY_CUE.search(folded, block.start, block.end)
        )
        for pf in self.facts:
            if pf.id in scored:
                continue
            spans = []
            for s, e in pf.matcher.given_only(
                text[block.start : block.end], folded[block.start : block.end]
            ):
                s, e = s + block.start, e + block.start
                if any(s < te and ts < e for ts, te in taken):
                    continue
                near_family = any(0 <= s - ae <= 15 or 0 <= as_ - e <= 15 for as_, ae in anchors)
                if text[s:e].isupper():
                    # "WHITFIELD ELEANOR R & DANIEL J": capitals only right next to the family
                    if near_family:
                        spans.append(NameMatch(s, e, "name_given_with_family"))
                    continue
                after_relation = bool(_RELATION_BEFORE.search(folded[max(0, s - 30) : s]))
                cue_near = bool(
                    _FAMILY_CUE.search(folded, max(block.start, s - 100), min(block.end, e + 100))
                )
                if near_family or after_relation or in_rel(s) or cue_near or family_page:
                    spans.append(NameMatch(s, e, "name_given_with_family"))
            if spans:
                j = judge(
                    pf,
                    spans,
                    evidence(pf.id, spans),
                    threshold=self.threshold,
                    today_year=self.today.year,
                    extra=("family_context",),
                )
                scored[pf.id] = _Scored(pf, j, spans, all(in_rel(m.start) for m in spans), True)

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

    def _street_only(
        self, emit: _Emitter, doc: PageDoc, block: Block, scored: dict[str, _Scored]
    ) -> None:
        """ "Eleanor and Dan Whitfield of Alderbrook Drive", "she lives in the grey house on
        Alderbrook": the street of a current home, without a house number, in the same paragraph
        as the person's name and with a word of residence, tells a stranger where to look
        (DESIGN.md §3: a current address of the person). Rule street_only."""
        text, folded = doc.text, doc.folded
        for pid, sc in scored.items():
            if sc.judgement.confidence < self.threshold or sc.in_relatives:
                continue
            for key in self.by_id[pid].address_keys:
                _o, addr, ident = self._addr_meta[key]
                pat = self.known.key(key)
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
                    ls = folded.rfind("\n", 0, ms) + 1
                    le = folded.find("\n", me)
                    le = len(folded) if le < 0 else le
                    mine = [x for x in sc.matches if ls <= x.start < le]
                    if not mine or _distance(Found("x", ms, me, ""), mine) > NEAR:
                        continue
                    line = folded[ls:le]
                    if not (
                        _RESIDENCE.search(line)
                        or re.search(r"(?<![a-z])of[ \t]{1,2}$", folded[max(0, ms - 5) : ms])
                    ):
                        continue
                    f = Found("street", ms, me, " ".join(text[ms:me].split()))
                    j = replace(sc.judgement, rules=(*sc.judgement.rules, "street_only"))
                    emit.add(
                        pid,
                        Category.HOME_ADDRESS,
                        f,
                        j,
                        ident,
                        (("label", addr.label), ("street_only", "1")),
                    )
                    break

    def _emit_value(
        self,
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
            self._emit_address(emit, f, pid, j, ident, folded, block)
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
            by = self.by_id[pid].person.birth_year
            diff = year_diff(by, f, self.today.year) if by else None
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

    def _emit_address(
        self,
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
            _pid, addr, ident2 = self._addr_meta[f.attr("known") or ""]
            label = addr.label
            ident = ident2
            if addr.is_current:
                emit.add(pid, Category.HOME_ADDRESS, f, j, ident, (("label", label),))
            else:
                emit.add(pid, Category.ADDRESS, f, j, ident, (("label", label),))
            return
        page_label = _address_label(folded, block, f.start)
        if page_label == "current" and j.confidence >= self.threshold:
            emit.add(pid, Category.HOME_ADDRESS, f, j, None, (("label", "current"),))
        elif page_label == "previous":
            emit.add(pid, Category.ADDRESS, f, j, None, (("label", "previous"),))
        else:
            emit.add(pid, Category.ADDRESS, f, j, None)

    def _relatives(
        self, emit: _Emitter, scored: dict[str, _Scored], confirmed: set[str], subject: str
    ) -> None:
        """Each consenting relative confirmed in a block where another family member is
        confirmed too (a listing of the judge naming them, the relative's own listing naming
        the judge, a news story naming both) → a `relative` exposure attributed to them."""
        if len(confirmed) < 2:
            return  # a relative is a link: two confirmed family members in one block
        for pid, s in scored.items():
            if pid == subject or pid not in confirmed:
                continue
            m = s.matches[0]
            f = Found("name", m.start, m.end, " ".join(emit.text[m.start : m.end].split()))
            extra = (("minor", "1"),) if s.pf.person.minor else ()
            emit.add(pid, Category.RELATIVE, f, s.judgement, "name", extra)

    def _schools_and_work(
        self,
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
            if s.judgement.confidence < self.threshold or s.in_relatives:
                continue
            is_child = person.minor or person.relation == "child"
            kinds = (["school"] if is_child else []) + (
                ["employer"] if pid != self.profile.subject.id else []
            )
            for kind in kinds:
                cat = Category.SCHOOL if kind == "school" else Category.WORKPLACE
                own_key = f"{pid}:{kind}"
                own = [f for f in bf if f.kind == kind and f.attr("known") == own_key]
                for f in own:
                    if f.attr("implicit") or _distance(f, s.matches) <= ORG_NEAR:
                        emit.add(pid, cat, f, s.judgement, kind)
                for f in bf:
                    if f.kind != kind or f.attr("known") is not None:
                        continue
                    if any(f.start < o.end and o.start < f.end for o in own):
                        continue  # the profile's own organisation, already reported
                    if _distance(f, s.matches) <= 200:
                        emit.add(pid, cat, f, s.judgement, None)

    def _leads(self, doc, block, bf, scored, primary, listing, in_rel, st, redact) -> None:  # type: ignore[no-untyped-def]
        confirmed = {
            pid: s
            for pid, s in scored.items()
            if s.judgement.confidence >= self.threshold and not s.in_relatives
        }
        if not confirmed:
            return
        # first names of unmatched family members (maybe relatives who did not consent): a
        # handle that contains one ("lucasw96") is theirs, not ours, and is never followed
        ours = {fold(w) for pf in self.facts for w in pf.matcher.parts.given}
        ours |= {w for pf in self.facts for w in fold(pf.matcher.parts.surname).split()}
        foreign = {w for rs, re_ in redact for w in re.findall(r"[a-z]{3,}", doc.folded[rs:re_])}
        foreign -= ours

        def theirs(handle: str) -> bool:
            h = fold(handle)
            return any(w in h for w in foreign)

        def owner_near(start: int, limit: int | None) -> str | None:
            if in_rel(start) or any(s <= start < e for s, e in redact):
                return None
            if listing:
                return primary if primary in confirmed else None
            pid = self._nearest(
                start, start + 1, [(p, m) for p, s in confirmed.items() for m in s.matches]
            )
            if pid is None:
                return None
            if limit is not None and _distance_pos(start, confirmed[pid].matches) > limit:
                # near an unmatched family name? then it is someone else's
                return None
            return pid

        single = self._page_subject(doc, block, confirmed) if not listing else None
        for f in bf:
            if f.kind != "handle":
                continue
            if re.fullmatch(r"[A-Z][a-z]+", f.value):
                continue  # "@Rick we should go": a reply to a person, not a handle
            owner = next(
                (p for p, s in confirmed.items() if f.value.lower() in s.pf.usernames), None
            )
            if (
                owner is None
                and single
                and re.search(r"(?<![a-z])my(?![a-z])", doc.folded[max(0, f.start - 40) : f.start])
            ):
                owner = single  # "more photos are on my Instagram, @…": the page's author
            if owner is None:
                # "Name (@handle)": a handle follows its owner's name; if the name just before it
                # is someone else's (an unmatched family name), it is not ours
                pid = owner_near(f.start, 150)
                if (
                    pid
                    and not confirmed[pid].given_only
                    and not _closer_redacted(f.start, confirmed[pid].matches, redact)
                    and not _redacted_before(f.start, confirmed[pid].matches, redact)
                ):
                    owner = pid
            if owner and not theirs(f.value):
                self._lead(st, owner, "handle", f.value, f.attr("platform"))
        for ln in doc.links:
            if not block.contains(ln.start):
                continue
            hp = handle_from_url(ln.href)
            if not hp:
                continue
            known = next((p for p, s in confirmed.items() if hp[1].lower() in s.pf.usernames), None)
            if known:
                self._lead(st, known, "handle", hp[1], hp[0])
                continue
            # a link on a person's own page (their profile, their blog) is theirs
            pid = (single if single and not in_rel(ln.start) else None) or owner_near(ln.start, 300)
            if (
                pid
                and not theirs(hp[1])
                and not _closer_redacted(ln.start, confirmed[pid].matches, redact)
            ):
                self._lead(st, pid, "handle", hp[1], hp[0])
        for img in doc.images:
            if img.small or _IMG_SKIP.search(img.src):
                continue
            if img.alt == "og:image" and img.offset == 0:
                if block.kind == "page" and single:
                    self._lead(st, single, "image", img.src, None)
                continue
            if not block.contains(img.offset) and not (img.offset == block.end and listing):
                continue
            pid = owner_near(img.offset, 600)
            if pid:
                self._lead(st, pid, "image", img.src, None)

    def _page_subject(
        self, doc: PageDoc, block: Block, confirmed: dict[str, _Scored]
    ) -> str | None:
        """The person a page (not a listing) belongs to: the one whose username is in its URL,
        else the one named in its title, else the only one named in full."""
        path = fold(_url_path(doc.url))
        for pid, sc in confirmed.items():
            if any(
                re.search(r"(?<![a-z0-9_.\-])" + re.escape(u) + r"(?![a-z0-9_\-])", path)
                for u in sc.pf.usernames
            ):
                return pid
        full = {pid: sc for pid, sc in confirmed.items() if not sc.given_only}
        titled = [
            pid for pid, sc in full.items() if any(m.start < len(doc.title) for m in sc.matches)
        ]
        if len(titled) == 1:
            return titled[0]
        return next(iter(full)) if len(full) == 1 else None

    @staticmethod
    def _lead(st: _PageState, pid: str, kind: str, value: str, platform: str | None) -> None:
        key = (pid, kind, value.lower())
        if key not in st.leads:
            st.leads[key] = Lead(
                person=pid, kind=kind, value=value, found_on=st.url, platform=platform
            )

    # -- page-level ------------------------------------------------------------------------------

    def _mentions(self, doc: PageDoc, st: _PageState, redact: list[tuple[int, int]]) -> None:
        """One `mention` per page per person named but with nothing else attributed to them."""
        have = {e.person for e in st.exposures.values()}
        for pid, (j, _block, attrs) in st.best.items():
            if pid in have:
                continue
            m = j.match
            f = Found("name", m.start, m.end, " ".join(doc.text[m.start : m.end].split()))
            _Emitter(self, st, doc.text, list(attrs), redact).add(pid, Category.MENTION, f, j, None)

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
        return bool(set(labels) & _COURT_LABELS)


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
        key = (pid, cat.value, value.lower())
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
        ):
            if old is not None and old.identifier and not exp.identifier:
                exp = replace(exp, identifier=old.identifier)
            self.st.exposures[key] = exp


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


def _distance(f: Found, matches: list[NameMatch]) -> int:
    best = 10**9
    for m in matches:
        d = m.start - f.end if m.start >= f.end else f.start - m.end if f.start >= m.end else 0
        best = min(best, max(d, 0))
    return best


_SENTENCE_END = re.compile(r"[.!?][\"”’')]?[ \t]+(?=[A-Z\u00C0-\u017D])|\n")
_FOREIGN_NAME_BEFORE = re.compile(
    r"(?<![A-Za-z])[A-Z][a-z'\-]{1,20}(?:[ \t][A-Z][a-z'\-]{1,20}){1,2},?[ \t]{0,2}\(?$"
)


def _attributable(text: str, f: Found, matches: list[NameMatch]) -> bool:
    """On a page that is not a listing, may an unlisted value be given to the person with these
    name matches? (rule near_name) Within NEAR characters, and either in the same sentence as
    the name, or on short lines (a data sheet: dt/dd, table cells) all the way from the name.
    An age printed right after another person's name ("Mark Ellison, 61") is never theirs."""
    m = min(matches, key=lambda m: _distance(f, [m]))
    if _distance(f, [m]) > NEAR:
        return False
    if f.kind == "age":
        before = text[max(0, f.start - 40) : f.start]
        # "Name, 61": the age belongs to the name right before it, ours or someone else's
        if _FOREIGN_NAME_BEFORE.search(before) and not any(
            0 <= f.start - mm.end <= 4 for mm in matches
        ):
            return False
    a, b = (m.end, f.start) if m.end <= f.start else (f.end, m.start)
    between = text[a:b]
    if not _SENTENCE_END.search(between):
        return True  # same sentence
    if f.kind in ("plate", "vehicle") and "\n" not in between:
        return True  # "…the judge's grey Subaru (8KXR214). That's Eleanor Whitfield": a car is
        # rarely anyone's but the person the paragraph is about
    # whole lines, from the one holding the name to the one holding the value
    ls = text.rfind("\n", 0, min(m.start, f.start)) + 1
    le = text.find("\n", max(m.end, f.end))
    lines = text[ls : le if le >= 0 else len(text)].split("\n")
    return all(len(line) <= 100 for line in lines)


def _distance_pos(pos: int, matches: list[NameMatch]) -> int:
    return _distance(Found("x", pos, pos + 1, ""), matches)


def _closer_redacted(pos: int, matches: list[NameMatch], redact: list[tuple[int, int]]) -> bool:
    """True when an unmatched family name is closer to `pos` than the owner's name."""
    own = _distance_pos(pos, matches)
    for s, e in redact:
        d = s - pos if s > pos else pos - e if pos > e else 0
        if d < own:
            return True
    return False


def _in_span(items: list[Any], start: int, end: int) -> list[Any]:
    """The items (sorted by `.start`) that start within [start, end)."""
    lo = bisect.bisect_left(items, start, key=lambda x: x.start)
    hi = bisect.bisect_left(items, end, key=lambda x: x.start)
    return items[lo:hi]


def _redacted_before(pos: int, matches: list[NameMatch], redact: list[tuple[int, int]]) -> bool:
    """True when the name nearest before `pos` is an unmatched family name, not the owner's."""
    own = max((m.end for m in matches if m.end <= pos), default=-1)
    other = max((e for s, e in redact if e <= pos), default=-1)
    return other > own


def _dedupe(founds: list[Found]) -> list[Found]:
    seen: set[tuple[str, int, str, str | None]] = set()
    out = []
    for f in sorted(founds, key=lambda f: (f.start, f.kind)):
        k = (f.kind, f.start, f.value, f.attr("known"))
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out


MAX_SITE_LINKS = 25
"""Pages of a person's own site followed from one of its pages."""
_ASSET = re.compile(
    r"\.(?:jpe?g|png|gif|webp|svg|css|js|pdf|zip|mp4|mp3)(?:$|\?)|/(?:wp-login|login|signin|"
    r"share|intent|feed|tag|category|search)(?:/|\?|$)",
    re.I,
)


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
    r"kancelaria|kancelar|ured|urad|soud|sad|sud|tribunal|judecatoria|bir)[^\n]{0,60}$"
)


def _institutional(
    doc: PageDoc, f: Found, official_host: bool, name_words: frozenset[str] = frozenset()
) -> bool:
    """An unlisted contact value that is an organisation's, not the person's: any phone, e-mail
    or address on a court's or government's own site (the court's switchboard, its address); a
    club's or office's mailbox ("info@…", an address at the page's own domain); an address
    printed after the name of a court, an office or a company ("Travis County Courthouse, 1000
    Guadalupe St"; "Registered office: …"). Rule institutional."""
    if f.kind not in ("phone", "email", "address"):
        return False
    line_start = doc.text.rfind("\n", 0, f.start) + 1
    prev_start = doc.text.rfind("\n", 0, max(0, line_start - 1)) + 1
    before = doc.folded[prev_start : f.start]
    if official_host and f.kind != "address" and not re.search(
        r"(?<![a-z])(?:home|private|personal|residence|domaci|domowy|kucni|prywatny|soukrom)",
        before[-80:],
    ):
        return True
    if f.kind == "email":
        if _GENERIC_MAILBOX.match(f.value):
            return True
        local, _, domain = f.value.partition("@")
        host = _hostname(doc.url)
        personal = any(w in local for w in name_words)
        if not personal and host and (host == domain or host.endswith("." + domain)) and not domain.startswith(
            ("gmail.", "yahoo.", "outlook.", "hotmail.", "icloud.", "seznam.", "wp.", "o2.")
        ):
            return True
        return False
    if f.kind == "address":
        return bool(_INSTITUTION_BEFORE.search(before[-120:]))
    return False


def _honorifics_in_context(names: dict[str, list[NameMatch]]) -> dict[str, list[NameMatch]]:
    """ "Ms Hartigan" stands for a person only on a page that names her in full elsewhere, and
    only when no other person of the family shares the surname match (the judge and her mother
    are both "Mrs Hartigan"). Rule name_honorific."""
    owners: dict[tuple[int, int], set[str]] = {}
    for pid, ms in names.items():
        for m in ms:
            if m.rule == "name_honorific":
                owners.setdefault((m.start, m.end), set()).add(pid)
    if not owners:
        return names
    out = {}
    for pid, ms in names.items():
        full = any(m.rule not in ("name_honorific", "name_username", "name_title") for m in ms)
        out[pid] = [
            m for m in ms
            if m.rule != "name_honorific" or (full and owners[(m.start, m.end)] == {pid})
        ]
    return out


def _spans_between(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The (sorted) spans that start in [start, end)."""
    lo = bisect.bisect_left(spans, (start, -1))
    hi = bisect.bisect_left(spans, (end, -1))
    return spans[lo:hi]


def _frame_values(
    doc: PageDoc, blocks: list[Block], founds: list[Found], known_phones: set[str]
) -> list[Found]:
    """Profile addresses and phones printed in a listing page's frame — its title or heading,
    outside every listing block: the page is about that address or number ("Residents of 6108
    Sendero Verde Cv", "Who called 512-555-0147?"), and each listed resident shares it
    (rule page_subject)."""
    if not any(b.kind == "listing" for b in blocks):
        return []
    spans = sorted((b.start, b.end) for b in blocks)
    starts = [s for s, _e in spans]

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
        and f.start < doc.visible_end
        and not in_a_block(f.start)
    ]


def _relative_sections(folded: str, block: Block) -> list[tuple[int, int]]:
    """Spans under a relatives heading: the heading starts a line, or ends with a colon (so
    that "the whole family" in prose opens no section)."""
    out = []
    for m in _REL_WORD_RE.finditer(folded, block.start, block.end):
        i = m.start()
        if i > 0 and folded[i - 1].isalpha():
            continue
        line_start = folded.rfind("\n", 0, i) + 1
        if not m.group(1) and folded[line_start:i].strip(" \t"):
            continue
        end = min(block.end, m.end() + 600)
        nm = _SECTION_END.search(folded, m.end(), end)
        if nm:
            end = nm.start()
        out.append((m.start(), end))
    return out


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


def _hostname(url: str) -> str:
    """The lowercase host of `url`; "" when it has none or cannot be parsed ("http://[::1",
    a page URL the analyzer must still read rather than crash on)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _url_path(url: str) -> str:
    """The path of `url`; "" when it cannot be parsed."""
    try:
        return urlsplit(url).path
    except ValueError:
        return ""


def _host_in(url: str, hosts: tuple[str, ...]) -> bool:
    host = _hostname(url)
    return any(host == h or host.endswith("." + h) for h in hosts)


__all__ = ["PageAnalyzer", "NEAR"]
