"""The classifier: exposure → severity and a one-sentence rationale (DESIGN.md §3), and the exposure
score of each person and of the audit, with the findings that drive it.

The rubric is data: `RUBRIC` is a table of rows (category, condition, severity, reason); the first
row of the exposure's category whose condition holds decides. Conditions are the named predicates
in `CONDITIONS`, each a plain question about the exposure and the person ("is the person a minor?",
"is the photo's GPS tag within 250 m of a home?"), so the table reads like the design's rubric and a
reviewer can check one against the other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import i18n
from .i18n import N_, NP_
from .i18n import gettext as _
from .masking import fold
from .model import Category, Exposure, Finding, PersonStatus, Severity, SourceKind

if TYPE_CHECKING:
    from .profile import Person, Profile

NEAR_HOME_M = 250.0
"""A geotag this close to a home address locates the home (DESIGN.md §3)."""


# --- facts the conditions look at -------------------------------------------------------------


@dataclass(frozen=True)
class Facts:
    """What a condition may ask about an exposure."""

    exp: Exposure
    """The exposure being classified."""
    relation: str
    """"self" for the judge, else the relative's relation ("spouse", "child", …)."""
    minor: bool
    """The person is a minor (profile flag), or the page names a minor (attr minor)."""
    household: bool
    """The person lives with the judge: the judge, a spouse, partner or child, or a relative
    whose profile gives no address of their own (they inherit the judge's home, DESIGN.md §2),
    or whose home is one of the judge's."""

    def flag(self, key: str) -> bool:
        v = (self.exp.attr(key) or "").strip().lower()
        return v not in ("", "0", "false", "no")

    @property
    def distance_m(self) -> float | None:
        raw = self.exp.attr("distance_m")
        try:
            return float(raw) if raw is not None else None
        except ValueError:
            return None


CONDITIONS: dict[str, Callable[[Facts], bool]] = {
    "always": lambda f: True,
    "judge": lambda f: f.relation == "self",
    "household": lambda f: f.household,
    "minor": lambda f: f.minor,
    "near_home": lambda f: f.distance_m is not None and f.distance_m <= NEAR_HOME_M,
    "full_date": lambda f: f.flag("full_date"),
    "home_photo": lambda f: f.flag("home_photo"),
    "official": lambda f: f.flag("official"),
    "personal": lambda f: f.flag("personal"),
}
"""Named predicates used by the rubric's `when` column."""

CONDITION_LABELS: dict[str, str] = {
    "always": N_("always"),
    "judge": N_("the person is the judge"),
    "household": N_("the person lives with the judge"),
    "minor": N_("the person is a minor"),
    "near_home": N_("the coordinates are within 250 m of a home"),
    "full_date": N_("a full date of birth"),
    "home_photo": N_("a photo of the home"),
    "official": N_("official, public by design"),
    "personal": N_("the account shows personal life"),
}
"""How the report's rubric table reads each condition (translated when shown)."""


@dataclass(frozen=True)
class Rule:
    """One row of the rubric."""

    category: Category
    """The finding category the row applies to."""
    when: str
    """Name of a condition in CONDITIONS."""
    severity: Severity
    """Severity when the condition holds (first matching row of the category wins)."""
    reason: str
    """Rationale template. Placeholders: {whose} ("the judge's", "the judge's spouse's"),
    {whom} ("the judge", "the judge's minor child"), {where} ("on a people-search site"),
    {distance} (metres)."""


C, S = Category, Severity
RUBRIC: tuple[Rule, ...] = (
    # critical: a stranger gets from the judge's name to the door or the children
    Rule(C.HOME_ADDRESS, "household", S.CRITICAL,
         N_("{whose} current home address {where} lets a stranger go from the judge's name "
         "to the door.")),
    Rule(C.HOME_ADDRESS, "always", S.HIGH,
         N_("{whose} home address {where} leads a stranger to a close relative of the judge, "
         "who is protected as immediate family.")),
    Rule(C.SCHOOL, "minor", S.CRITICAL,
         N_("{whose} school {where} tells a stranger where to find a child of the judge "
         "every weekday.")),
    Rule(C.SCHOOL, "always", S.HIGH,
         N_("{whose} school or college {where} gives a stranger a place and a schedule to find "
         "a member of the judge's family.")),
    Rule(C.GEOLOCATION, "near_home", S.CRITICAL,
         N_("Coordinates {where} point within {distance} m of {whose} home, so they locate the home.")),
    Rule(C.GEOLOCATION, "always", S.HIGH,
         N_("Coordinates {where} place {whom} at a precise spot and can reveal routines.")),
    # high: direct contact or targeting
    Rule(C.PHONE, "official", S.LOW,
         N_("{whose} official phone number {where} is public by design and adds little risk.")),
    Rule(C.PHONE, "always", S.HIGH,
         N_("{whose} phone number {where} lets a stranger call or text and look up the home address.")),
    Rule(C.EMAIL, "official", S.LOW,
         N_("{whose} official e-mail address {where} is public by design and adds little risk.")),
    Rule(C.EMAIL, "always", S.HIGH,
         N_("{whose} personal e-mail address {where} lets a stranger write directly and find "
         "other accounts.")),
    Rule(C.VEHICLE, "always", S.HIGH,
         N_("{whose} vehicle or licence plate {where} lets a stranger recognise and follow the car.")),
    Rule(C.WORKPLACE, "judge", S.LOW,
         N_("The judge's court {where} is public by design; listing it adds little risk.")),
    Rule(C.WORKPLACE, "always", S.HIGH,
         N_("{whose} employer {where} tells a stranger where to find a member of the judge's "
         "family every working day.")),
    Rule(C.BIRTH_DATE, "full_date", S.HIGH,
         N_("{whose} full date of birth {where} helps a stranger confirm other records and "
         "impersonate {whom}.")),
    Rule(C.PHOTO, "minor", S.HIGH,
         N_("A photo of {whom} {where} lets a stranger recognise a child of the judge.")),
    Rule(C.PHOTO, "home_photo", S.HIGH,
         N_("A photo of {whose} home {where} lets a stranger recognise the house or its street.")),
    Rule(C.RELATIVE, "minor", S.HIGH,
         N_("A page {where} names {whom} as the judge's child, identifying a minor.")),
    # medium: aids profiling
    Rule(C.BIRTH_DATE, "always", S.MEDIUM,
         N_("{whose} age or birth year {where} helps a stranger tell this family from namesakes.")),
    Rule(C.PHOTO, "official", S.LOW,
         N_("An official portrait of {whom} {where} is already public and adds little risk.")),
    Rule(C.PHOTO, "always", S.MEDIUM,
         N_("A personal photo of {whom} {where} lets a stranger recognise {whom} outside "
         "official duties.")),
    Rule(C.RELATIVE, "always", S.MEDIUM,
         N_("A page {where} names {whom} as a relative of the judge, linking the family for "
         "a stranger.")),
    Rule(C.ADDRESS, "always", S.MEDIUM,
         N_("A previous address of {whom} {where} helps profiling and may lead to family who "
         "still live there.")),
    Rule(C.ACCOUNT, "personal", S.MEDIUM,
         N_("{whose} account {where} shows personal life: places, routines and contacts.")),
    # low and info
    Rule(C.ACCOUNT, "always", S.LOW,
         N_("{whose} account {where} shows little personal content, so it adds little risk.")),
    Rule(C.MENTION, "always", S.INFO,
         N_("{whose} name appears {where} with no other personal data.")),
)
del C, S

WHERE: dict[str, str] = {
    SourceKind.PEOPLE_SEARCH.value: N_("on a people-search site"),
    SourceKind.PUBLIC_RECORD.value: N_("in a public record online"),
    SourceKind.SOCIAL.value: N_("on a social network"),
    SourceKind.NEWS.value: N_("in a news article"),
    SourceKind.SCHOOL.value: N_("on a school's site"),
    SourceKind.EMPLOYER.value: N_("on an employer's site"),
    SourceKind.GOVERNMENT.value: N_("on a government site"),
    SourceKind.FORUM.value: N_("on a forum"),
    SourceKind.BLOG.value: N_("on a blog"),
    SourceKind.SEARCH_ENGINE.value: N_("in search-engine results"),
    SourceKind.WEB.value: N_("on a public web page"),
}
"""Where an exposure is, as the rationale says it (translated when used)."""

# The person an exposure concerns, in the two forms the rationale needs. Languages that inflect
# translate "whose" in the case a possessor takes (Czech genitive "manžela či manželky soudce",
# Romanian genitive "soțului sau soției judecătorului") and "whom" in the case the sentences use.
RELATION_NOUN = {
    "self": NP_("whom", "the judge"),
    "spouse": NP_("whom", "the judge's spouse"),
    "partner": NP_("whom", "the judge's partner"),
    "child": NP_("whom", "the judge's child"),
    "child_minor": NP_("whom", "the judge's minor child"),
    "parent": NP_("whom", "the judge's parent"),
    "sibling": NP_("whom", "the judge's sibling"),
    "other": NP_("whom", "a relative of the judge"),
}
RELATION_POSSESSIVE = {
    "self": NP_("whose", "the judge's"),
    "spouse": NP_("whose", "the judge's spouse's"),
    "partner": NP_("whose", "the judge's partner's"),
    "child": NP_("whose", "the judge's child's"),
    "child_minor": NP_("whose", "the judge's minor child's"),
    "parent": NP_("whose", "the judge's parent's"),
    "sibling": NP_("whose", "the judge's sibling's"),
    "other": NP_("whose", "a relative's"),
}


def _relation_key(relation: str, minor: bool) -> str:
    if relation == "child" and minor:
        return "child_minor"
    return relation if relation in RELATION_NOUN else "other"


def whom(relation: str, minor: bool = False) -> str:
    """"the judge", "the judge's minor child", "a relative of the judge" (translated)."""
    return i18n.pgettext("whom", RELATION_NOUN[_relation_key(relation, minor)])


def whose(relation: str, minor: bool = False) -> str:
    """"the judge's", "the judge's minor child's", "a relative's" (translated)."""
    return i18n.pgettext("whose", RELATION_POSSESSIVE[_relation_key(relation, minor)])


relation_noun = whom


def _same_street(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"[^a-z0-9]", "", fold(s))

    return bool(a) and norm(a) == norm(b)


def _household(person: Person | None, profile: Profile) -> bool:
    if person is None:
        return False
    if person.relation in ("self", "spouse", "partner", "child"):
        return True
    if not person.addresses:
        return True  # inherits the judge's home for matching: lives there, as far as we know
    judge_homes = [a.street for a in profile.subject.home_addresses]
    return any(_same_street(a.street, h) for a in person.home_addresses for h in judge_homes)


def facts(exp: Exposure, profile: Profile) -> Facts:
    """The facts the rubric's conditions look at."""
    try:
        person: Person | None = profile.person(exp.person)
    except KeyError:
        person = None
    relation = person.relation if person is not None else "other"
    minor = bool(person is not None and person.minor)
    if exp.category is Category.RELATIVE or exp.category is Category.PHOTO:
        # The page may say the relative is a child even when the profile does not.
        minor = minor or Facts(exp, relation, False, False).flag("minor")
    return Facts(exp=exp, relation=relation, minor=minor, household=_household(person, profile))


def rule_for(f: Facts) -> Rule:
    """The first rubric row of the category whose condition holds."""
    for rule in RUBRIC:
        if rule.category is f.exp.category and CONDITIONS[rule.when](f):
            return rule
    raise LookupError(f"rubric has no row for category {f.exp.category.value}")


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def classify(exp: Exposure, profile: Profile) -> tuple[Severity, str]:
    """Severity of an exposure by the rubric, and one sentence saying whose data it is and why
    it matters. The rationale names no personal value."""
    f = facts(exp, profile)
    rule = rule_for(f)
    dist = f.distance_m
    # in the audit's language: the rationale is stored with the finding
    with i18n.language(profile.audit.language):
        text = _(rule.reason).format(
            whose=whose(f.relation, f.minor),
            whom=whom(f.relation, f.minor),
            where=_(WHERE.get(exp.source, WHERE[SourceKind.WEB.value])),
            distance=f"{dist:.0f}" if dist is not None else str(int(NEAR_HOME_M)),
        )
    return rule.severity, _sentence(text)


# --- score -----------------------------------------------------------------------------------

WEIGHTS: dict[Severity, int] = {
    Severity.CRITICAL: 40,
    Severity.HIGH: 15,
    Severity.MEDIUM: 5,
    Severity.LOW: 1,
    Severity.INFO: 0,
}
"""Points per confirmed finding. A critical finding outweighs two high ones: one open door is
worse than several phone numbers."""

CATEGORY_CAP = 2
"""Per person and category, points are capped at this many times the weight of the most severe
finding in it: the same address on ten broker sites is one problem with ten copies, and
counting every copy in full would bury a single child's school under a pile of listings."""

METHOD = N_(
    "Each confirmed finding scores by severity (critical %(critical)s, high %(high)s, medium "
    "%(medium)s, low %(low)s, info %(info)s). For one person, the findings of one category add "
    "up to at most %(cap)s× the weight of the most severe of them (copies of the same data on "
    "many sites are one problem). Possible matches and findings marked \"not me\" are not "
    "counted; a possible match marked \"confirmed\" is."
)


def method() -> str:
    """METHOD in the language in force, with the weights filled in."""
    return _(METHOD) % {**{s.value: w for s, w in WEIGHTS.items()}, "cap": CATEGORY_CAP}


@dataclass(frozen=True)
class Driver:
    """What one category contributes to one person's score."""

    person: str
    """Profile id."""
    category: Category
    """The category."""
    severity: Severity
    """The most severe finding of the category."""
    findings: int
    """How many counted findings it has."""
    raw_points: int
    """Sum of their weights before the cap."""
    points: int
    """Points after the cap."""

    @property
    def capped(self) -> bool:
        return self.points < self.raw_points

    @property
    def explanation(self) -> str:
        """"home address: 3 findings, worst critical → 80 points (capped from 120)", in the
        language in force."""
        from reports import CATEGORY_LABELS, SEVERITY_LABELS_EN

        sev = _(SEVERITY_LABELS_EN[self.severity.value])
        n = (_("1 %(severity)s finding") % {"severity": sev} if self.findings == 1 else
             _("%(n)s findings, worst %(severity)s") % {"n": self.findings, "severity": sev})
        pts = i18n.ngettext("%(num)s point", "%(num)s points", self.points) % {"num": self.points}
        cap = (" " + _("(capped from %(n)s)") % {"n": self.raw_points}) if self.capped else ""
        return f"{CATEGORY_LABELS[self.category]}: {n} → {pts}{cap}"


@dataclass(frozen=True)
class PersonScore:
    """One person's exposure score."""

    person: str
    """Profile id."""
    relation: str
    """"self" or the relation."""
    display_name: str
    """Masked name."""
    points: int
    """Sum of the drivers' points."""
    worst: Severity | None
    """Most severe counted finding, or None when nothing counts."""
    drivers: tuple[Driver, ...]
    """Contributions by category, largest first."""
    counted: int
    """Findings counted."""
    not_counted: int
    """Possible matches and "not me" findings left out."""
    minor: bool = False
    """The person is a minor child."""


@dataclass(frozen=True)
class Score:
    """The audit's exposure score: per person and in total, with what drives it."""

    total: int
    """Sum over people."""
    people: tuple[PersonScore, ...]
    """Audited people, highest score first (the judge first on ties)."""
    worst: Severity | None
    """Most severe counted finding of the audit."""
    method_text: str = ""
    """How the number is computed, in words; empty: `METHOD` in the language in force."""

    @property
    def method(self) -> str:
        """How the number is computed, in words (shown in the report)."""
        return self.method_text or method()

    def for_person(self, pid: str) -> PersonScore | None:
        return next((p for p in self.people if p.person == pid), None)

    @property
    def drivers(self) -> tuple[Driver, ...]:
        """Every driver of every person, largest first."""
        return tuple(sorted((d for p in self.people for d in p.drivers),
                            key=lambda d: (-d.points, d.severity.rank, d.person, d.category.value)))


def counts(f: Finding) -> bool:
    """Whether a finding counts towards the score (and as confirmed in summaries)."""
    if f.triage == "not me":
        return False
    if f.triage == "confirmed":
        return True
    return not f.possible_match


def score(findings: Sequence[Finding], people: Sequence[PersonStatus]) -> Score:
    """Exposure score per person and for the audit, with its drivers (see METHOD)."""
    by_person: dict[str, dict[Category, list[Finding]]] = {}
    skipped: dict[str, int] = {}
    for f in findings:
        if not counts(f):
            skipped[f.person] = skipped.get(f.person, 0) + 1
            continue
        by_person.setdefault(f.person, {}).setdefault(f.category, []).append(f)
    order = {p.id: i for i, p in enumerate(people)}
    known = {p.id: p for p in people}
    ids = [p.id for p in people if p.audited] + sorted(set(by_person) - set(known))
    out: list[PersonScore] = []
    for pid in ids:
        drivers = []
        for cat, fs in by_person.get(pid, {}).items():
            worst = min((f.severity for f in fs), key=lambda s: s.rank)
            raw = sum(WEIGHTS[f.severity] for f in fs)
            pts = min(raw, CATEGORY_CAP * WEIGHTS[worst])
            drivers.append(Driver(pid, cat, worst, len(fs), raw, pts))
        drivers.sort(key=lambda d: (-d.points, d.severity.rank, d.category.value))
        st = known.get(pid)
        worst_p = min((d.severity for d in drivers), key=lambda s: s.rank, default=None)
        out.append(PersonScore(
            person=pid,
            relation=st.relation if st else "other",
            display_name=st.display_name if st else "",
            points=sum(d.points for d in drivers),
            worst=worst_p,
            drivers=tuple(drivers),
            counted=sum(d.findings for d in drivers),
            not_counted=skipped.get(pid, 0),
            minor=bool(st and st.minor),
        ))
    out.sort(key=lambda p: (-p.points, order.get(p.person, len(order))))
    worst_all: Severity | None = min((p.worst for p in out if p.worst is not None), key=lambda s: s.rank, default=None)
    return Score(total=sum(p.points for p in out), people=tuple(out), worst=worst_all)
