"""Remediation: what to do about each finding — the action, where, what it takes, how long, when
to look again and on what legal basis — read from data files, not code branches.

- `data/playbook.toml`: actions by source kind × category, search-engine advice, family advice.
- `data/legal.toml`: legal bases by jurisdiction (which law, what it covers, deadline, letter).
- `probes/catalog` (the brokers catalog, optional): a people-search site's own opt-out page,
  requirements and steps, and its parent company — `Remediation.group` is that parent, so the
  report gives one action per parent covering all its sites.

A court can point `FOOTPRINT_PLAYBOOK` / `FOOTPRINT_LEGAL` at its own copies of the data files.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from . import i18n
from .errors import FootprintError
from .i18n import catalog_text
from .i18n import gettext as _
from .model import Category, Exposure, Remediation, SourceKind

if TYPE_CHECKING:
    from .profile import Profile

log = logging.getLogger("footprint.remediation")

DATA_DIR = Path(__file__).with_name("data")
PLAYBOOK_PATH = DATA_DIR / "playbook.toml"
LEGAL_PATH = DATA_DIR / "legal.toml"


class PlaybookError(FootprintError):
    """A playbook or legal data file is missing or malformed (names the file and the entry)."""

    exit_code = 2


# --- data types ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    """One row of the playbook."""

    source: str
    """SourceKind value or "*"."""
    categories: tuple[str, ...]
    """Category values, or ("*",)."""
    action: str
    """One imperative sentence."""
    opt_out_url: str | None
    """Where, when one place serves every site of the kind."""
    requires: tuple[str, ...]
    """What it usually takes (email, phone, id, letter, account)."""
    expected_time: str | None
    """How long it usually takes."""
    recheck_days: int | None
    """When to look again."""
    steps: tuple[str, ...]
    """Step by step."""
    search_engine: bool = False
    """Also ask search engines to drop the result."""

    def specificity(self, source: str, category: str) -> int | None:
        """3 = exact source and category, 2 = the category on any source, 1 = the source for
        any category, 0 = catch-all; None = the row does not apply. A category row beats a
        source's catch-all: "mention → no action" holds on every kind of site."""
        s_ok = self.source in (source, "*")
        c_ok = category in self.categories or "*" in self.categories
        if not (s_ok and c_ok):
            return None
        return (1 if self.source == source else 0) + (2 if category in self.categories else 0)


@dataclass(frozen=True)
class FamilyAdvice:
    """Advice for one kind of family member."""

    key: str
    """"self", "spouse", "child_minor", "child", "parent", …"""
    title: str
    """Heading."""
    advice: tuple[str, ...]
    """One sentence each."""


@dataclass(frozen=True)
class Playbook:
    """The parsed playbook."""

    actions: tuple[Action, ...]
    family: dict[str, FamilyAdvice]
    se_categories: frozenset[str]
    """Categories Google's "Results about you" handles."""
    se_excluded_sources: frozenset[str]
    """Source kinds it will not remove."""
    se_step: str
    """The step text, with {url}."""
    se_url: str
    """The tool's address."""
    path: Path

    def action_for(self, source: str, category: str) -> Action:
        best: tuple[int, int, Action] | None = None
        for i, a in enumerate(self.actions):
            spec = a.specificity(source, category)
            if spec is not None and (best is None or spec > best[0]):
                best = (spec, -i, a)
        if best is None:
            raise PlaybookError(f"{self.path}: no [[action]] covers source '{source}' and "
                                f"category '{category}'; add a catch-all row (source = \"*\")")
        return best[2]


@dataclass(frozen=True)
class LegalBasis:
    """A law that backs a removal request."""

    id: str
    title: str
    citation: str
    jurisdictions: tuple[str, ...]
    federal_only: bool
    categories: tuple[str, ...]
    sources: tuple[str, ...]
    deadline: str
    who: str
    requirements: tuple[str, ...]
    letter: str
    """Letter template name (reports/templates/letters/<letter>.txt.j2), or "" for none."""
    priority: int
    notes: str
    regulator: str
    refs: tuple[str, ...]
    persons: tuple[str, ...] = ("*",)
    """Relations it protects ("self", "spouse", …) or ("*",)."""
    household_only: bool = False
    """Relatives are protected only when they live with the judge."""
    source_summary: str = ""
    """`summary` as the data file states it (English), when this copy is translated: a stored
    finding's legal basis written in another language still names this law."""

    def covers(self, category: str, source: str) -> bool:
        return ("*" in self.categories or category in self.categories) and (
            "*" in self.sources or source in self.sources)

    def protects(self, relation: str, household: bool) -> bool:
        """Whether the law protects this person (the judge always)."""
        if relation == "self":
            return True
        if self.household_only and not household:
            return False
        return "*" in self.persons or relation in self.persons

    def named_in(self, legal_basis: str | None) -> bool:
        """Whether a Remediation.legal_basis text (summaries joined by "; ") names this law."""
        text = legal_basis or ""
        return any(text.startswith(s) or ("; " + s) in text
                   for s in {self.summary, self.source_summary or self.summary})

    @property
    def summary(self) -> str:
        return _("%(title)s (%(citation)s); deadline: %(deadline)s") % {
            "title": self.title, "citation": self.citation, "deadline": self.deadline}


@dataclass(frozen=True)
class NationalLaw:
    """A country's own data-protection law beside the GDPR, and its authority: a GDPR letter
    cites both and names where a complaint goes."""

    country: str
    """ISO 3166-1 code."""
    law: str
    """The law's exact citation."""
    authority: str
    """The supervisory authority's name, with its address or site."""
    refs: tuple[str, ...] = ()
    """Where the facts come from; "unverified" marks what was not checked."""


@dataclass(frozen=True)
class BulkRequest:
    """One request a state offers that reaches every registered data broker at once
    (California's DROP): the report's first step where it applies."""

    id: str
    title: str
    citation: str
    url: str
    jurisdictions: tuple[str, ...]
    """Where the family must live ("US-CA")."""
    who: str
    what: str
    when: str
    covers: tuple[str, ...]
    not_covered: tuple[str, ...]
    """What it does not reach (public records first): the report says so."""
    steps: tuple[str, ...]
    refs: tuple[str, ...]


@dataclass(frozen=True)
class Legal:
    """The parsed legal data."""

    bases: tuple[LegalBasis, ...]
    groups: dict[str, tuple[str, ...]]
    federal_patterns: tuple[str, ...]
    path: Path
    bulk: tuple[BulkRequest, ...] = ()
    national: tuple[NationalLaw, ...] = ()

    def applies_in(self, basis: LegalBasis, jurisdiction: str) -> bool:
        j = jurisdiction.upper()
        country = j[:2]
        for code in basis.jurisdictions:
            if code == "*" or code == j or code == country and "-" not in code:
                # "US" (federal) applies to every US-XX jurisdiction; the federal_only flag
                # then decides whether the judge is covered.
                return True
            if code in self.groups and country in self.groups[code]:
                return True
        return False

    def is_federal(self, court: str | None) -> bool:
        c = (court or "").lower()
        return any(p in c for p in self.federal_patterns)

    def bases_for(self, jurisdiction: str, category: str, source: str, *,
                  federal: bool) -> tuple[LegalBasis, ...]:
        """Laws that back a request about this category on this kind of source, most specific
        first. Federal-only laws apply when the judge sits on a federal court (or the audit's
        jurisdiction is plain "US")."""
        out = []
        for b in self.bases:
            if b.federal_only and not (federal or jurisdiction.upper() == "US"):
                continue
            if self.applies_in(b, jurisdiction) and b.covers(category, source):
                out.append(b)
        return tuple(sorted(out, key=lambda b: b.priority))

    def by_id(self, basis_id: str) -> LegalBasis | None:
        return next((b for b in self.bases if b.id == basis_id), None)


# --- loading -----------------------------------------------------------------------------------


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PlaybookError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise PlaybookError(f"{path}: cannot read the file ({type(e).__name__})") from None
    except tomllib.TOMLDecodeError as e:
        raise PlaybookError(f"{path}: not valid TOML: {e}") from None


def _strs(path: Path, where: str, v: Any) -> tuple[str, ...]:
    if v is None:
        return ()
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise PlaybookError(f"{path}: {where}: expected a list of strings")
    return tuple(v)


def _str(path: Path, where: str, v: Any, default: str | None = None) -> str | None:
    if v is None:
        return default
    if not isinstance(v, str):
        raise PlaybookError(f"{path}: {where}: expected text")
    return v


_SOURCES = {k.value for k in SourceKind} | {"*"}
_CATEGORIES = {c.value for c in Category} | {"*"}


@functools.lru_cache(maxsize=4)
def _load_playbook(path: Path) -> Playbook:
    data = _read_toml(path)
    actions = []
    for i, raw in enumerate(data.get("action", [])):
        where = f"action[{i}]"
        if not isinstance(raw, dict):
            raise PlaybookError(f"{path}: {where}: expected a table")
        source = raw.get("source")
        if source not in _SOURCES:
            raise PlaybookError(f"{path}: {where}.source: expected a source kind or \"*\"")
        cats = _strs(path, f"{where}.categories", raw.get("categories", ["*"]))
        bad = [c for c in cats if c not in _CATEGORIES]
        if bad or not cats:
            raise PlaybookError(f"{path}: {where}.categories: expected category names or \"*\"")
        action = _str(path, f"{where}.action", raw.get("action"))
        if not action:
            raise PlaybookError(f"{path}: {where}.action: missing")
        recheck = raw.get("recheck_days")
        if recheck is not None and (not isinstance(recheck, int) or recheck < 1):
            raise PlaybookError(f"{path}: {where}.recheck_days: expected a whole number of days")
        actions.append(Action(
            source=source,
            categories=cats,
            action=action,
            opt_out_url=_str(path, f"{where}.opt_out_url", raw.get("opt_out_url")),
            requires=_strs(path, f"{where}.requires", raw.get("requires")),
            expected_time=_str(path, f"{where}.expected_time", raw.get("expected_time")),
            recheck_days=recheck,
            steps=_strs(path, f"{where}.steps", raw.get("steps")),
            search_engine=bool(raw.get("search_engine", False)),
        ))
    family = {}
    for key, raw in (data.get("family") or {}).items():
        family[key] = FamilyAdvice(
            key=key,
            title=_str(path, f"family.{key}.title", raw.get("title"), key) or key,
            advice=_strs(path, f"family.{key}.advice", raw.get("advice")),
        )
    se = data.get("search_engine") or {}
    meta = data.get("meta") or {}
    pb = Playbook(
        actions=tuple(actions),
        family=family,
        se_categories=frozenset(_strs(path, "search_engine.categories", se.get("categories"))),
        se_excluded_sources=frozenset(_strs(path, "search_engine.excluded_sources",
                                            se.get("excluded_sources"))),
        se_step=_str(path, "search_engine.step", se.get("step"), "") or "",
        se_url=_str(path, "meta.google_results_about_you", meta.get("google_results_about_you"),
                    "") or "",
        path=path,
    )
    pb.action_for("web", "mention")  # fails early when there is no catch-all row
    return pb


@functools.lru_cache(maxsize=4)
def _load_legal(path: Path) -> Legal:
    data = _read_toml(path)
    bases = []
    for i, raw in enumerate(data.get("basis", [])):
        where = f"basis[{i}]"
        bid = raw.get("id")
        if not isinstance(bid, str) or not bid:
            raise PlaybookError(f"{path}: {where}.id: missing")
        where = f"basis '{bid}'"
        title = _str(path, f"{where}.title", raw.get("title"))
        if not title:
            raise PlaybookError(f"{path}: {where}.title: missing")
        prio = raw.get("priority", 5)
        if not isinstance(prio, int):
            raise PlaybookError(f"{path}: {where}.priority: expected a whole number")
        bases.append(LegalBasis(
            id=bid,
            title=title,
            citation=_str(path, f"{where}.citation", raw.get("citation"), "") or "",
            jurisdictions=_strs(path, f"{where}.jurisdictions", raw.get("jurisdictions")),
            federal_only=bool(raw.get("federal_only", False)),
            categories=_strs(path, f"{where}.categories", raw.get("categories", ["*"])),
            sources=_strs(path, f"{where}.sources", raw.get("sources", ["*"])),
            deadline=_str(path, f"{where}.deadline", raw.get("deadline"), "") or "",
            who=_str(path, f"{where}.who", raw.get("who"), "") or "",
            requirements=_strs(path, f"{where}.requirements", raw.get("requirements")),
            letter=_str(path, f"{where}.letter", raw.get("letter"), "") or "",
            priority=prio,
            notes=" ".join((_str(path, f"{where}.notes", raw.get("notes"), "") or "").split()),
            regulator=_str(path, f"{where}.regulator", raw.get("regulator"), "") or "",
            refs=_strs(path, f"{where}.refs", raw.get("refs")),
            persons=_strs(path, f"{where}.persons", raw.get("persons", ["*"])),
            household_only=bool(raw.get("household_only", False)),
        ))
    groups = {k: tuple(v) for k, v in (data.get("groups") or {}).items()}
    fed = _strs(path, "federal.court_patterns", (data.get("federal") or {}).get("court_patterns"))
    bulk = []
    for i, raw in enumerate(data.get("bulk", [])):
        where = f"bulk[{i}]"
        if not isinstance(raw, dict):
            raise PlaybookError(f"{path}: {where}: expected a table")
        for key in ("id", "title", "url"):
            if not isinstance(raw.get(key), str) or not raw[key]:
                raise PlaybookError(f"{path}: {where}.{key}: missing")
        if not raw["url"].startswith("https://"):
            raise PlaybookError(f"{path}: {where}.url: expected an https:// address")
        bulk.append(BulkRequest(
            id=raw["id"], title=raw["title"],
            citation=_str(path, f"{where}.citation", raw.get("citation"), "") or "",
            url=raw["url"],
            jurisdictions=_strs(path, f"{where}.jurisdictions", raw.get("jurisdictions")),
            who=_str(path, f"{where}.who", raw.get("who"), "") or "",
            what=_str(path, f"{where}.what", raw.get("what"), "") or "",
            when=_str(path, f"{where}.when", raw.get("when"), "") or "",
            covers=_strs(path, f"{where}.covers", raw.get("covers")),
            not_covered=_strs(path, f"{where}.not_covered", raw.get("not_covered")),
            steps=_strs(path, f"{where}.steps", raw.get("steps")),
            refs=_strs(path, f"{where}.refs", raw.get("refs")),
        ))
    national = []
    for i, raw in enumerate(data.get("national", [])):
        where = f"national[{i}]"
        if not isinstance(raw, dict) or not isinstance(raw.get("country"), str):
            raise PlaybookError(f"{path}: {where}.country: missing")
        national.append(NationalLaw(
            country=raw["country"].upper(),
            law=_str(path, f"{where}.law", raw.get("law"), "") or "",
            authority=_str(path, f"{where}.authority", raw.get("authority"), "") or "",
            refs=_strs(path, f"{where}.refs", raw.get("refs")),
        ))
    return Legal(bases=tuple(bases), groups=groups, federal_patterns=tuple(p.lower() for p in fed),
                 path=path, bulk=tuple(bulk), national=tuple(national))


def _localize_legal(legal: Legal) -> Legal:
    """The legal data in the language in force: titles, citations, deadlines, who, what the
    request must contain, notes and the bulk requests' texts (catalog footprint.po)."""
    def t(x: str) -> str:
        return _(x) if x else x

    def ts(xs: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(t(x) for x in xs)

    with i18n.language("en"):
        english = {b.id: b.summary for b in legal.bases}
    bases = tuple(dataclasses.replace(
        b, title=t(b.title), citation=t(b.citation), deadline=t(b.deadline), who=t(b.who),
        requirements=ts(b.requirements), notes=t(b.notes), regulator=t(b.regulator),
        source_summary=english[b.id]) for b in legal.bases)
    bulk = tuple(dataclasses.replace(
        r, title=t(r.title), citation=t(r.citation), who=t(r.who), what=t(r.what),
        when=t(r.when), covers=ts(r.covers), not_covered=ts(r.not_covered), steps=ts(r.steps))
        for r in legal.bulk)
    national = tuple(dataclasses.replace(n, law=t(n.law), authority=t(n.authority))
                     for n in legal.national)
    return dataclasses.replace(legal, bases=bases, bulk=bulk, national=national)


@functools.lru_cache(maxsize=16)
def _legal_in(path: Path, lang: str) -> Legal:
    with i18n.language(lang):
        return _localize_legal(_load_legal(path))


def load_playbook(path: Path | None = None) -> Playbook:
    """The playbook (built in, or `FOOTPRINT_PLAYBOOK`, or `path`). Cached."""
    p = path or Path(os.environ.get("FOOTPRINT_PLAYBOOK") or PLAYBOOK_PATH)
    return _load_playbook(Path(p).resolve())


def load_legal(path: Path | None = None) -> Legal:
    """The legal data (built in, or `FOOTPRINT_LEGAL`, or `path`), in the language in force.
    Cached."""
    p = path or Path(os.environ.get("FOOTPRINT_LEGAL") or LEGAL_PATH)
    return _legal_in(Path(p).resolve(), i18n.current())


def national_for(jurisdiction: str) -> NationalLaw | None:
    """The national data-protection law and authority of the jurisdiction's country, if known."""
    country = (jurisdiction or "")[:2].upper()
    return next((n for n in load_legal().national if n.country == country), None)


# --- the brokers catalog (optional) --------------------------------------------------------------


def broker_for(url: str) -> Any | None:
    """The brokers catalog's record for a URL, or None (then the playbook's generic action is
    used). See `footprint.sources.broker_for`."""
    from .sources import broker_for as lookup

    return lookup(url)


def lives_in(profile: Profile, region: str) -> bool:
    """True when the audit's jurisdiction is `region` ("US-CA") or an audited person's current
    address is there."""
    region = region.upper()
    if profile.audit.jurisdiction.upper() == region:
        return True
    country, _, state = region.partition("-")
    for person in profile.people:
        for a in profile.matching_addresses(person):
            if not a.is_current or (a.country or profile.audit.country).upper() != country:
                continue
            r = (a.region or "").strip()
            if state and (r.upper() == state or _STATE_NAMES.get(r.lower()) == state):
                return True
    return False


_STATE_NAMES = {"california": "CA"}


def bulk_requests(profile: Profile | None, jurisdiction: str = "") -> tuple[BulkRequest, ...]:
    """The bulk deletion requests open to the audited family (DROP for a California family),
    first steps of its remediation."""
    out = []
    for b in load_legal().bulk:
        for j in b.jurisdictions:
            if (profile is not None and lives_in(profile, j)) or jurisdiction.upper() == j.upper():
                out.append(b)
                break
    return tuple(out)


def registry_for(url: str) -> Any | None:
    """The California data-broker registry's entry for the site of `url`, or None. See
    `footprint.sources.registry_for`."""
    from .sources import registry_for as lookup

    return lookup(url)


def site_group(url: str) -> str:
    """The site of a URL, for grouping actions: its host without "www." ("www.spokeo.com" →
    "spokeo.com"). Not the registrable domain: unrelated sites can share one
    ("a.example.org", "b.example.org") and must not share one action."""
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return "unknown site"
    if not host:
        return "unknown site"
    for prefix in ("www.", "m.", "mobile."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
            break
    return host


# --- the remediation of one exposure --------------------------------------------------------------


def legal_bases(exp: Exposure, profile: Profile) -> tuple[LegalBasis, ...]:
    """Laws that back a request about this exposure, in the profile's jurisdiction, that
    protect the person it is about."""
    from .risk import facts

    legal = load_legal()
    f = facts(exp, profile)
    return tuple(b for b in legal.bases_for(profile.audit.jurisdiction, exp.category.value,
                                            exp.source,
                                            federal=legal.is_federal(profile.subject.court))
                 if b.protects(f.relation, f.household))


def family_advice(relation: str, minor: bool = False) -> FamilyAdvice | None:
    """The playbook's advice for a kind of family member ("self" for the judge)."""
    fam = load_playbook().family
    key = "child_minor" if relation == "child" and minor else relation
    adv = fam.get(key) or fam.get("other")
    if adv is None:
        return None
    return FamilyAdvice(key=adv.key, title=_(adv.title), advice=tuple(_(a) for a in adv.advice))


def for_exposure(exp: Exposure, profile: Profile) -> Remediation:
    """What to do about one exposure: the site's own opt-out when the brokers catalog knows it,
    else the playbook's action for its source kind and category; with the legal basis of the
    profile's jurisdiction and the group (parent company or site) it shares with other findings.
    Its texts are in the profile's language (they are stored with the finding)."""
    with i18n.language(profile.audit.language):
        return _for_exposure(exp, profile)


def _for_exposure(exp: Exposure, profile: Profile) -> Remediation:
    pb = load_playbook()
    category = exp.category.value
    source = exp.source if exp.source in _SOURCES else SourceKind.WEB.value
    row = pb.action_for(source, category)
    bases = [b for b in legal_bases(exp, profile) if b.id != "google-results-about-you"
             or source == SourceKind.SEARCH_ENGINE.value]
    broker = broker_for(exp.url) if exp.category is not Category.MENTION else None
    # California: the registry names the registered broker behind the site and its own
    # deletion page, and the DROP request (the report's first step) reaches it.
    registered = (registry_for(exp.url)
                  if exp.category is not Category.MENTION and lives_in(profile, "US-CA")
                  and source in (SourceKind.PEOPLE_SEARCH.value, SourceKind.WEB.value,
                                 SourceKind.PUBLIC_RECORD.value)
                  else None)

    if broker is not None:
        name = getattr(broker, "name", None) or site_group(exp.url)
        parent = getattr(broker, "parent", None)
        opt_out = getattr(broker, "opt_out_url", None)
        action = _("Remove each of the family's listings from %(name)s through its opt-out "
                   "page.") % {"name": name}
        if not opt_out:
            action = _("Ask %(name)s to remove each of the family's listings (it has no "
                       "self-service opt-out page).") % {"name": name}
        if parent and parent != name:
            action += " " + _("%(parent)s runs several sites: its opt-out may clear them all; "
                              "check each.") % {"parent": parent}
        own_steps = tuple(getattr(broker, "steps", ()) or ())
        steps = [catalog_text(x) for x in own_steps] if own_steps else [_(x) for x in row.steps]
        requires = tuple(getattr(broker, "requires", ()) or row.requires)
        own_time = getattr(broker, "expected_time", None)
        expected = catalog_text(own_time) if own_time else (
            _(row.expected_time) if row.expected_time else None)
        recheck = getattr(broker, "recheck_days", None) or row.recheck_days
        group = parent or name
        notes = getattr(broker, "notes", "")
        if notes:
            steps.append(_("Note: %(note)s") % {"note": catalog_text(notes)})
        if registered is not None:
            if registered.deletion_url and registered.deletion_url != opt_out:
                steps.append(_("%(name)s is a registered California data broker: the DROP "
                               "request (first step of this report) reaches it; its own "
                               "deletion page: %(url)s.")
                             % {"name": registered.name, "url": registered.deletion_url})
            else:
                steps.append(_("%(name)s is a registered California data broker: the DROP "
                               "request (first step of this report) reaches it.")
                             % {"name": registered.name})
    elif registered is not None:
        name = registered.name
        action = _("Ask %(name)s, a registered California data broker, to delete the family's "
                   "data through its deletion page; the DROP request reaches it too.") % {
                       "name": name}
        opt_out = registered.deletion_url
        steps = [_("Open %(name)s's deletion page and ask for the listing to be deleted "
                   "(California residents have that right under the CCPA).") % {"name": name},
                 *(_(x) for x in row.steps)]
        requires, recheck = row.requires, row.recheck_days
        expected = _(row.expected_time) if row.expected_time else None
        group = name
    else:
        action, opt_out = _(row.action), row.opt_out_url
        steps = [_(x) for x in row.steps]
        requires, recheck = row.requires, row.recheck_days
        expected = _(row.expected_time) if row.expected_time else None
        group = ("Google Search" if source == SourceKind.SEARCH_ENGINE.value
                 else site_group(exp.url))

    if (category in pb.se_categories and source not in pb.se_excluded_sources
            and pb.se_step and (row.search_engine or broker is not None)):
        steps.append(_(pb.se_step).format(url=pb.se_url))
    lettered = [b for b in bases if b.letter]
    if lettered:
        b = lettered[0]
        steps.append(_("Back the request with %(title)s (%(citation)s): see the letter in this "
                       "report (deadline: %(deadline)s).")
                     % {"title": b.title, "citation": b.citation, "deadline": b.deadline})
    legal_basis = "; ".join(b.summary for b in bases) or None
    return Remediation(
        action=action,
        opt_out_url=opt_out,
        requires=tuple(requires),
        expected_time=expected,
        legal_basis=legal_basis,
        group=group,
        recheck_days=recheck,
        steps=tuple(steps),
    )
