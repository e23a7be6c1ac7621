"""Reports: turn an AuditResult into the confidential outputs — report.html, report.pdf,
findings.json, findings.csv — masked by default, full values only inside age-encrypted files.

Decisions (the README repeats them):
- One masking view for every output: `build_view` masks each finding (value, context, URLs,
  evidence, the action's group), the sources not checked and the archive name with one
  `masking.Redactor` — the profile's values and every value found — and the formats read only
  that view. A masked view holds no full value at all, so no template or writer can forget to
  mask one. Full values (`Finding.value`, `Finding.context`, full URLs) appear only in a full
  view: encrypted outputs and `footprint open`.
- When encryption is requested (`encrypt_to` age recipients or a `passphrase`), EVERY requested
  format is written encrypted (`report.html.age`, `findings.json.age`, …) with full values, and no
  unencrypted file at all: a masked copy lying next to the encrypted one would still tell a reader
  who is being audited and where the family's listings are.
- The exposing pages' URLs are shown as text, never as links: a click from the report would
  contact the exposing site again (from the court's network, with a referrer) and a hostile URL
  must never become active. Opt-out pages from our own data are links (https only).
- Files are written 0600 in a 0700 folder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from footprint import i18n, masking, risk
from footprint.errors import FootprintError
from footprint.i18n import N_
from footprint.i18n import gettext as _
from footprint.model import AuditResult, Category, Finding, PersonStatus, Remediation, Severity
from footprint.paths import private_dir, write_private

if TYPE_CHECKING:
    from footprint.profile import Profile
    from footprint.removals import ActionState

FORMATS = ("html", "json", "csv", "pdf")
"""Formats in the order they are written (PDF last: it is the one that may be unavailable)."""
FILENAMES = {"html": "report.html", "json": "findings.json", "csv": "findings.csv",
             "pdf": "report.pdf"}
TEMPLATES_DIR = Path(__file__).with_name("templates")
URGENT = 5
"""How many actions the summary puts first."""

CATEGORY_LABELS_EN = {
    Category.HOME_ADDRESS: N_("home address"), Category.ADDRESS: N_("other address"),
    Category.PHONE: N_("phone"), Category.EMAIL: N_("e-mail"),
    Category.BIRTH_DATE: N_("birth date / age"), Category.RELATIVE: N_("named as relative"),
    Category.SCHOOL: N_("school"), Category.WORKPLACE: N_("workplace"), Category.PHOTO: N_("photo"),
    Category.GEOLOCATION: N_("location"), Category.ACCOUNT: N_("account"),
    Category.VEHICLE: N_("vehicle"), Category.MENTION: N_("mention"),
}
"""Category labels as written in the sources; shown translated (`category_labels()`)."""
# i18n: heat-map column headers: keep each word at most 8 letters, or the map overflows A4
CATEGORY_SHORT_EN = {
    Category.HOME_ADDRESS: N_("home address"), Category.ADDRESS: N_("other address"),
    Category.PHONE: N_("phone"), Category.EMAIL: N_("e-mail"), Category.BIRTH_DATE: N_("birth date"),
    Category.RELATIVE: N_("relative"), Category.SCHOOL: N_("school"), Category.WORKPLACE: N_("work"),
    Category.PHOTO: N_("photo"), Category.GEOLOCATION: N_("location"), Category.ACCOUNT: N_("account"),
    Category.VEHICLE: N_("vehicle"), Category.MENTION: N_("mention"),
}
"""Heat-map column headers: each word at most 8 letters, so a 13-column map stays readable on
A4 and Letter (a header wraps between words, never inside one)."""
RELATION_LABELS_EN = {
    "self": N_("Judge"), "spouse": N_("Spouse"), "partner": N_("Partner"), "child": N_("Child"),
    "parent": N_("Parent"), "sibling": N_("Sibling"), "other": N_("Household member"),
}
SEVERITY_LABELS_EN = {
    "critical": N_("critical"), "high": N_("high"), "medium": N_("medium"), "low": N_("low"),
    "info": N_("info"),
}
SOURCE_LABELS_EN = {
    "people-search": N_("people-search site"), "public-record": N_("public record"),
    "social": N_("social network"), "news": N_("news"), "school": N_("school"),
    "employer": N_("employer"), "government": N_("government"), "forum": N_("forum"),
    "blog": N_("blog"), "search-engine": N_("search engine"), "web": N_("web page"),
}
STATUS_LABELS_EN = {"new": N_("new"), "still present": N_("still present"),
                    "re-listed": N_("re-listed")}
REMOVAL_STATES_EN = {
    "open": N_("open"), "requested": N_("requested"), "confirmed": N_("confirmed"),
    "overdue": N_("overdue"), "removed": N_("removed"), "gone": N_("gone"),
    "re-listed": N_("re-listed"),
}
TRIAGE_LABELS_EN = {"confirmed": N_("confirmed"), "not me": N_("not me")}
PURPOSE_LABELS_EN = {"self-audit": N_("self-audit"), "court-security": N_("court security"),
                     "training": N_("training")}
REQUIREMENT_LABELS_EN = {
    "email": N_("an e-mail address"), "phone": N_("a phone number"), "id": N_("an ID document"),
    "letter": N_("a letter"), "account": N_("an account"), "none": N_("nothing"),
    "fax": N_("a fax"), "mail": N_("a postal letter"), "form": N_("a form"),
    "captcha": N_("a captcha"), "call": N_("a phone call"), "photo": N_("a photo"),
}


def _tr(table: dict[Any, str]) -> dict[Any, str]:
    return {k: _(v) for k, v in table.items()}


def category_labels() -> dict[Category, str]:
    """Category → label, in the language in force."""
    return _tr(CATEGORY_LABELS_EN)


def category_short() -> dict[Category, str]:
    """Category → heat-map header, in the language in force."""
    return _tr(CATEGORY_SHORT_EN)


class _Labels(dict):  # type: ignore[type-arg]
    """A label table translated when read: `CATEGORY_LABELS[c]` is in the language in force."""

    def __init__(self, table: dict[Any, str]) -> None:
        super().__init__(table)

    def __getitem__(self, key: Any) -> str:
        return _(super().__getitem__(key))

    def values(self):  # type: ignore[no-untyped-def, override]
        return [self[k] for k in self]

    def items(self):  # type: ignore[no-untyped-def, override]
        return [(k, self[k]) for k in self]

    def get(self, key: Any, default: Any = None) -> Any:  # type: ignore[override]
        return self[key] if key in self else default


CATEGORY_LABELS = _Labels(CATEGORY_LABELS_EN)
CATEGORY_SHORT = _Labels(CATEGORY_SHORT_EN)
RELATION_LABELS = _Labels(RELATION_LABELS_EN)


class ReportError(FootprintError):
    """A report could not be written (bad option, broken court template)."""

    exit_code = 2


class PdfUnavailableError(ReportError):
    """WeasyPrint or its system libraries are missing. The other formats were written; `written`
    lists them."""

    exit_code = 1

    def __init__(self, message: str, written: Sequence[Path] = ()) -> None:
        super().__init__(message)
        self.written = list(written)


# --- the view: what every format shows -------------------------------------------------------


@dataclass(frozen=True)
class FindingView:
    """A finding as a report shows it (masked, or full in encrypted outputs)."""

    f: Finding
    """The finding."""
    url: str
    """Page URL: masked unless `full`."""
    image_url: str | None
    """Image URL: masked unless `full`."""
    evidence: str
    """Masked evidence, or the full value and snippet."""
    person_label: str
    """"Judge", "Spouse", "Minor child" … in the report's language."""
    display_name: str
    """Masked name."""
    counted: bool
    """Counts as confirmed (not a possible match, not marked "not me")."""
    group: str
    """The checklist group: a parent company or a site. In a masked view a site whose host names
    the family (a school's, an employer's, a family blog's) is named by its role ("Minor child's
    school") and its masked host."""
    relation: str = ""
    """The person's relation as findings.json and findings.csv give it, in English whatever the
    report's language ("judge", "minor child"): a stable key for tools."""

    @property
    def locator(self) -> str:
        """The URL findings.json / findings.csv carry: the same as `url` (masked unless full)."""
        return self.url

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS[self.f.category]

    @property
    def shown_value(self) -> str:
        """The (masked, unless full) value part of the evidence."""
        return self.evidence.split(" — ", 1)[0]

    @property
    def card_key(self) -> tuple[Any, ...]:
        # "2417 Oak Dr, Santa Rosa" and "2417 Oak Dr Santa Rosa" are one value
        norm = re.sub(r"[^\w*]+", " ", self.shown_value.lower()).strip()
        return (self.f.person, self.f.category, self.f.severity, self.counted, norm)


@dataclass(frozen=True)
class Card:
    """Findings of one person showing the same value (same category and severity, both confirmed
    or both possible matches), on one or more pages."""

    findings: tuple[FindingView, ...]
    """Most severe and most confident first (the report's order)."""

    @property
    def first(self) -> FindingView:
        return self.findings[0]

    @property
    def groups(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(v.group for v in self.findings))


@dataclass(frozen=True)
class ActionGroup:
    """One remediation action covering every finding that shares a group (a parent company, a
    site): the checklist line."""

    key: str
    """The group name (parent company, site, "Google Search")."""
    remediation: Remediation
    """The action (of the group's most severe finding)."""
    findings: tuple[FindingView, ...]
    """Findings it covers, most severe first."""
    worst: Severity
    """Most severe counted finding (or of all, when none counts)."""
    priority: int
    """The brokers catalog's priority (1 = first), 2 when unknown."""
    people: tuple[str, ...]
    """Person labels concerned."""
    counted: int
    """Confirmed findings it covers."""
    legal: tuple[Any, ...] = ()
    """Legal bases (footprint.remediation.LegalBasis) that back it."""
    exposes: tuple[str, ...] = ()
    """What it exposes, in words ("a GPS-tagged photo that locates the judge's home"), for its
    counted critical and high findings: the summary's urgent actions say it."""
    action: ActionState | None = None
    """Its id and where its removal stands (footprint.removals), when the audit is stored."""

    @property
    def no_action(self) -> bool:
        return self.worst is Severity.INFO

    @property
    def exposures(self) -> list[tuple[str, str, str, int, bool]]:
        """Distinct exposures it removes: (person label, category label, shown value, pages,
        possible match)."""
        out: dict[tuple[Any, ...], list[Any]] = {}
        for v in self.findings:
            key = v.card_key
            if key in out:
                out[key][3] += 1
            else:
                out[key] = [v.person_label, v.category_label, v.shown_value, 1, not v.counted]
        return [tuple(x) for x in out.values()]  # type: ignore[misc]

    @property
    def urls(self) -> list[str]:
        """The pages it concerns, each once."""
        return list(dict.fromkeys(v.url for v in self.findings))

    @property
    def anchor(self) -> str:
        return "act-" + re.sub(r"[^a-z0-9]+", "-", self.key.lower()).strip("-")


@dataclass(frozen=True)
class Letter:
    """A removal-request letter for one group."""

    group: str
    """The action group it is addressed to."""
    basis: str
    """Id of the legal basis ("generic" when none)."""
    title: str
    """Heading: recipient and basis."""
    text: str
    """The letter (plain text, escaped when put in HTML)."""


@dataclass(frozen=True)
class FirstStep:
    """A request that reaches many brokers at once (California's DROP), put before the
    checklist, with what it reaches and does not reach among this report's sites."""

    request: Any
    """footprint.remediation.BulkRequest."""
    reaches: tuple[str, ...]
    """Registered brokers behind this report's sites (registrant names)."""
    misses: tuple[str, ...]
    """Checklist groups of people-search and public-record sites it does not reach."""


@dataclass(frozen=True)
class HeatCell:
    """One person × category cell of the heat map."""

    worst: Severity | None
    counted: int
    possible: int


@dataclass(frozen=True)
class ReportView:
    """Everything the templates and writers need, computed once."""

    result: AuditResult
    full: bool
    """True in encrypted outputs: full values shown."""
    findings: tuple[FindingView, ...]
    counts: dict[str, int]
    """Confirmed findings by severity value."""
    possible: int
    """Possible matches (for human review)."""
    groups: tuple[ActionGroup, ...]
    """Checklist, most urgent first."""
    urgent: tuple[ActionGroup, ...]
    """The first URGENT groups that need action."""
    score: risk.Score
    heat: tuple[tuple[PersonStatus, tuple[HeatCell, ...]], ...]
    """Heat-map rows for audited people."""
    categories: tuple[Category, ...]
    audited: tuple[PersonStatus, ...]
    not_audited: tuple[PersonStatus, ...]
    skipped: tuple[dict[str, str], ...]
    """Sources not checked: {source (masked), reason, probe, person (label), person_id}."""
    gone: tuple[FindingView, ...]
    letters: tuple[Letter, ...] = ()
    first_steps: tuple[FirstStep, ...] = ()
    """Requests that reach many brokers at once (DROP for a California family): before the
    checklist."""
    family: tuple[Any, ...] = ()
    """footprint.remediation.FamilyAdvice sections for the relations present."""
    generated: str = ""
    paper: str = "A4"
    court: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    links: bool = False
    """True in `footprint open`: the exposing pages' URLs are links (the person at the machine
    asked to act on them); in files they stay text."""
    actions: tuple[ActionState, ...] = ()
    """Every checklist action of the household and where its removal stands, alerts first
    (group names, references and notes masked unless full)."""
    action_of: dict[str, str] = field(default_factory=dict)
    """finding id → its action's id."""

    @property
    def relisted(self) -> tuple[ActionState, ...]:
        """Actions gone (removed, or by themselves) and back: the alert at the top."""
        return tuple(a for a in self.actions if a.state == "re-listed")

    @property
    def overdue(self) -> tuple[ActionState, ...]:
        """Requested, and still there after the site's re-check interval."""
        return tuple(a for a in self.actions if a.state == "overdue")

    @property
    def tracked(self) -> tuple[ActionState, ...]:
        """Actions with a recorded request, or that changed by themselves since found."""
        return tuple(a for a in self.actions if a.tracked)

    @property
    def relisted_findings(self) -> tuple[FindingView, ...]:
        """Confirmed findings an earlier audit had, the previous one did not, and this one has."""
        return tuple(v for v in self.findings if v.f.status == "re-listed" and v.counted)

    def skipped_for(self, person_id: str) -> list[dict[str, str]]:
        """Sources not checked that concern this person (their own, and those concerning
        everyone, such as a search engine that failed)."""
        return [s for s in self.skipped if s.get("person_id", "") in ("", person_id)]

    @property
    def audit_label(self) -> str:
        """The audit id, with the training mark for a training audit."""
        r = self.result
        return f"{r.id} (TRAINING — fictitious person)" if r.training else r.id

    def by_person(self) -> list[tuple[PersonStatus, list[FindingView]]]:
        out = []
        for p in self.audited:
            fs = [v for v in self.findings if v.f.person == p.id]
            out.append((p, fs))
        return out

    def cards(self) -> list[tuple[PersonStatus, list[Card]]]:
        """Findings per person, the same value on several sites merged into one card (the
        judge's address on ten broker sites is one exposure with ten places to remove it)."""
        out = []
        for p, fs in self.by_person():
            cards: dict[tuple[Any, ...], list[FindingView]] = {}
            for v in fs:
                cards.setdefault(v.card_key, []).append(v)
            out.append((p, [Card(tuple(vs)) for vs in cards.values()]))
        return out


def person_label(p: Any) -> str:
    """"Judge", "Spouse", "Minor child" … for a PersonStatus or a risk.PersonScore, in the
    language in force."""
    if p is None:
        return _("Relative")
    if p.relation == "child" and getattr(p, "minor", False):
        return _("Minor child")
    return RELATION_LABELS.get(p.relation, p.relation.capitalize())


def relation_key(p: Any) -> str:
    """The person's relation in English ("judge", "minor child"): findings.json's and
    findings.csv's stable `relation`."""
    with i18n.language("en"):
        return person_label(p).lower()


def _broker_priority(url: str) -> int:
    from footprint.remediation import broker_for

    b = broker_for(url)
    p = getattr(b, "priority", None) if b is not None else None
    return p if isinstance(p, int) else 2


SITE_ROLES = {
    "school": N_("%(person)s's school (%(host)s)"),
    "employer": N_("%(person)s's employer (%(host)s)"),
    "blog": N_("%(person)s's website (%(host)s)"),
    "social": N_("%(person)s's account page (%(host)s)"),
    "forum": N_("%(person)s's forum (%(host)s)"),
    "news": N_("%(person)s's news site (%(host)s)"),
    "site": N_("%(person)s's site (%(host)s)"),
}
"""How a masked view names a site whose host names the family, by the site's role."""


def _groups(findings: Sequence[Finding]) -> dict[str, str]:
    """finding id → its checklist group (footprint.removals.raw_groups: the remediation's group,
    else the group another finding on the same site has, else the site)."""
    from footprint.removals import raw_groups

    return raw_groups(findings)


def _masked_group(group: str, f: Finding, label: str, redactor: masking.Redactor) -> str:
    """A group name safe for a masked view. A broker's or a company's name is not the family's
    secret and stays, so a letter names whom to write to; a site whose host names the family
    (the child's school, the spouse's employer) is named by its role and its masked host."""
    masked = redactor.host(group)
    if masked == group:
        return group
    role = {Category.SCHOOL: "school", Category.WORKPLACE: "employer"}.get(
        f.category, f.source if f.source in SITE_ROLES else "site")
    return _(SITE_ROLES[role]) % {"person": label, "host": masked}


def _mask_finding(f: Finding, redactor: masking.Redactor, group: str) -> Finding:
    """The finding as a masked view holds it: no value, no context, every string masked."""
    # The evidence was masked when the value was found (masking.evidence); masking it again
    # with every value of the audit also hides what another finding revealed.
    evidence = redactor.text(f.evidence)
    rem = f.remediation
    return dataclasses.replace(
        f, url=redactor.url(f.url),
        image_url=redactor.url(f.image_url) if f.image_url else None,
        evidence=evidence, value=None, context=None, rationale=redactor.text(f.rationale),
        remediation=dataclasses.replace(
            rem, group=group, action=redactor.text(rem.action),
            steps=tuple(redactor.text(x) for x in rem.steps)),
    )


def _display_groups(findings: Sequence[Finding], group_of: dict[str, str],
                    people: dict[str, PersonStatus], redactor: masking.Redactor
                    ) -> dict[str, str]:
    """Raw group → its name in a masked view, named after the group's most severe finding."""
    out: dict[str, str] = {}
    for f in sorted(findings, key=lambda f: (not risk.counts(f), f.severity.rank)):
        g = group_of[f.id]
        if g not in out:
            out[g] = _masked_group(g, f, person_label(people.get(f.person)), redactor)
    return out


def mask_action(a: ActionState, redactor: masking.Redactor,
                shown_as: dict[str, str] | None = None) -> ActionState:
    """An action as a masked view holds it: its group named as the checklist names it (or by
    its masked host when no finding of this audit is in it), reference and notes masked."""
    group = (shown_as or {}).get(a.group)
    if group is None:
        masked = redactor.host(a.group)
        group = a.group if masked == a.group else f"site ({masked})"
    return dataclasses.replace(
        a, group=group, ref=redactor.text(a.ref) if a.ref else a.ref,
        notes=tuple((day, redactor.text(text)) for day, text in a.notes))


def _finding_view(f: Finding, people: dict[str, PersonStatus], full: bool,
                  redactor: masking.Redactor, group: str) -> FindingView:
    p = people.get(f.person)
    label = person_label(p)
    if full:
        evidence = redactor.full_evidence(f.value, f.context) if f.value else f.evidence
        shown = dataclasses.replace(f, remediation=dataclasses.replace(f.remediation, group=group))
    else:
        shown = _mask_finding(f, redactor, group)
        evidence = shown.evidence
    return FindingView(
        f=shown, url=shown.url, image_url=shown.image_url, evidence=evidence, person_label=label,
        display_name=p.display_name if p else "", counted=risk.counts(f), group=group,
        relation=relation_key(p),
    )


def redactor_for(result: AuditResult, profile: Profile | None = None,
                 secrets: Iterable[masking.Secret] = ()) -> masking.Redactor:
    """The masking view of an audit: the profile's values (or their sealed copy, `secrets`)
    and every value found."""
    values: list[masking.Secret] = list(secrets)
    if profile is not None:
        values.extend(masking.profile_secrets(profile))
    return masking.Redactor.for_audit(values, (*result.findings, *result.gone))


def build_view(result: AuditResult, *, full: bool = False, profile: Profile | None = None,
               secrets: Iterable[masking.Secret] = (), paper: str | None = None,
               templates_dir: Path | None = None, redactor: masking.Redactor | None = None,
               links: bool = False) -> ReportView:
    """Compute what every format shows: the one view every output path goes through. Masked
    by `redactor` (default: `redactor_for(result, profile, secrets)`); `full` puts full values
    in (encrypted outputs and `footprint open` only); `links` makes the exposing pages links.
    Every text is in the audit's language (`result.language`)."""
    with i18n.language(result.language):
        return _build_view(result, full=full, profile=profile, secrets=secrets, paper=paper,
                           templates_dir=templates_dir, redactor=redactor, links=links)


def _build_view(result: AuditResult, *, full: bool, profile: Profile | None,
                secrets: Iterable[masking.Secret], paper: str | None,
                templates_dir: Path | None, redactor: masking.Redactor | None,
                links: bool) -> ReportView:
    from footprint.remediation import family_advice, load_legal

    red = redactor or redactor_for(result, profile, secrets)
    people = {p.id: p for p in result.people}
    everything = (*result.findings, *result.gone)
    raw_of = group_of = _groups(everything)
    shown_as: dict[str, str] = {}
    if not full:
        shown_as = _display_groups(everything, group_of, people, red)
        group_of = {k: shown_as[g] for k, g in group_of.items()}
    by_raw = {a.group: a for a in result.actions}
    actions = tuple(a if full else mask_action(a, red, shown_as) for a in result.actions)
    shown_action = {a.id: a for a in actions}
    action_of = {fid: by_raw[g].id for fid, g in raw_of.items() if g in by_raw}
    views = tuple(_finding_view(f, people, full, red, group_of[f.id]) for f in result.findings)
    counted = [v for v in views if v.counted]
    counts = Counter(v.f.severity.value for v in counted)

    # Checklist: one action per group.
    by_group: dict[str, list[FindingView]] = {}
    for v in views:
        if v.f.triage == "not me":
            continue
        by_group.setdefault(v.group, []).append(v)
    court = profile.subject.court if profile is not None else None
    jurisdiction = result.jurisdiction or (profile.audit.jurisdiction if profile else "")
    lettered = sorted((b for b in load_legal().bases if b.letter), key=lambda b: b.priority)
    groups = []
    for key, fs in by_group.items():
        fs.sort(key=lambda v: (not v.counted, v.f.severity.rank, v.f.person, v.f.category.value))
        pool = [v for v in fs if v.counted] or fs
        worst = min((v.f.severity for v in pool), key=lambda s: s.rank)
        # The laws the engine named for these findings (remediation.legal_basis), with a letter.
        legal = tuple(b for b in lettered
                      if any(b.named_in(v.f.remediation.legal_basis) for v in pool))
        aid = action_of.get(fs[0].f.id)
        groups.append(ActionGroup(
            key=key,
            remediation=pool[0].f.remediation,
            findings=tuple(fs),
            worst=worst,
            priority=min(_broker_priority(v.f.url) for v in pool),
            people=tuple(dict.fromkeys(v.person_label for v in pool)),
            counted=sum(v.counted for v in fs),
            legal=legal,
            exposes=exposes(pool),
            action=shown_action.get(aid) if aid else None,
        ))
    groups.sort(key=lambda g: (g.counted == 0, g.worst.rank, g.priority, -g.counted, g.key))
    urgent = pick_urgent(groups)

    cats = tuple(Category)
    audited = tuple(p for p in result.people if p.audited)
    heat = []
    for p in audited:
        cells = []
        for c in cats:
            fs = [v for v in views if v.f.person == p.id and v.f.category is c]
            cnt = [v for v in fs if v.counted]
            worst_c = min((v.f.severity for v in cnt), key=lambda s: s.rank, default=None)
            cells.append(HeatCell(worst_c, len(cnt), len(fs) - len(cnt)))
        heat.append((p, tuple(cells)))

    skipped_list = result.skipped if full else tuple(
        dataclasses.replace(s, source=red.url(s.source) if "://" in s.source else red.text(s.source),
                            reason=red.text(s.reason))
        for s in result.skipped)
    skipped = tuple(
        {"source": s.source, "reason": s.reason, "probe": s.probe,
         "person": person_label(people.get(s.person)) if s.person else "",
         "person_id": s.person or ""}
        for s in skipped_list
    )
    gone = tuple(_finding_view(f, people, full, red, group_of[f.id]) for f in result.gone)

    relations: list[tuple[str, bool]] = [("self", False)]
    for p in audited:
        if p.relation != "self":
            relations.append((p.relation, p.minor))
    family = []
    seen = set()
    for rel, minor in relations:
        adv = family_advice(rel, minor)
        if adv is not None and adv.key not in seen:
            seen.add(adv.key)
            family.append(adv)

    if paper is None:
        country = (jurisdiction or "")[:2]
        paper = "Letter" if country in ("US", "CA", "MX", "PH", "CL", "CO", "VE") else "A4"

    first_steps = _first_steps(result, profile, jurisdiction, groups)

    if not full:
        # The view's copy of the audit holds masked findings only; the archive's file name is
        # the user's choice and may name the person.
        result = dataclasses.replace(
            result, findings=tuple(v.f for v in views), gone=tuple(v.f for v in gone),
            skipped=tuple(skipped_list), actions=actions,
            web_archive=red.text(result.web_archive) if result.web_archive else None)
    view = ReportView(
        result=result, full=full, findings=views, counts=dict(counts),
        possible=sum(1 for v in views if not v.counted and v.f.triage != "not me"),
        groups=tuple(groups), urgent=urgent,
        score=risk.score(result.findings, result.people), heat=tuple(heat), categories=cats,
        audited=audited, not_audited=tuple(p for p in result.people if not p.audited),
        skipped=skipped, gone=gone, family=tuple(family), first_steps=first_steps,
        generated=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        paper=paper, court=court, links=links and full, actions=actions, action_of=action_of,
    )
    from .letters import render_letters

    letters = render_letters(view, profile=profile, templates_dir=templates_dir)
    return dataclasses.replace(view, letters=tuple(letters))


def summary_lines(view: ReportView) -> list[str]:
    """The terminal summary of a view: what the report's first page says, in two lines at most
    (counts only, never a value), in the audit's language."""
    with i18n.language(view.result.language):
        return _summary_lines(view)


def _summary_lines(view: ReportView) -> list[str]:
    r = view.result
    total = sum(view.counts.values())
    parts = ", ".join(f"{_(SEVERITY_LABELS_EN[s.value])} "
                      f"{view.counts[s.value]}" for s in Severity if view.counts.get(s.value))
    cov = r.coverage
    bits = []
    if cov is not None:
        bits.append(_("INCOMPLETE — %(percent)s %% of sources checked") % {"percent": cov.percent}
                    if not cov.complete
                    else _("%(percent)s %% of sources checked") % {"percent": cov.percent})
    found = i18n.ngettext("%(num)s confirmed finding", "%(num)s confirmed findings",
                          total) % {"num": total}
    if parts:
        found += f" ({parts})"
    bits.append(found)
    if view.possible:
        bits.append(i18n.ngettext("%(num)s possible match to review",
                                  "%(num)s possible matches to review",
                                  view.possible) % {"num": view.possible})
    not_me = sum(f.triage == "not me" for f in r.findings)
    if not_me:
        bits.append(_("%(n)s marked not me") % {"n": not_me})
    bits.append(_("%(queries)s searches, %(pages)s pages.")
                % {"queries": r.queries, "pages": r.pages})
    label = (_("TRAINING audit (fictitious person) %(id)s:") if r.training
             else _("Audit %(id)s:")) % {"id": r.id}
    lines = [label + " " + "; ".join(bits)]
    if view.skipped:
        n = len(view.skipped)
        lines.append(i18n.ngettext(
            "%(num)s source could not be checked: the exposure there is unknown (listed in the "
            "report).",
            "%(num)s sources could not be checked: the exposure there is unknown (listed in the "
            "report).", n) % {"num": n})
    return lines


# What an urgent action exposes, in words: by category, for the person concerned.
EXPOSES = {
    Category.HOME_ADDRESS: N_("%(whose)s home address, which leads a stranger to the door"),
    Category.ADDRESS: N_("a previous address of %(whom)s"),
    Category.PHONE: N_("%(whose)s phone number"),
    Category.EMAIL: N_("%(whose)s personal e-mail address"),
    Category.BIRTH_DATE: N_("%(whose)s date of birth or age"),
    Category.RELATIVE: N_("the name of %(whom)s, linked to the judge"),
    Category.SCHOOL: N_("%(whose)s school, where a stranger can find the child every weekday"),
    Category.WORKPLACE: N_("%(whose)s workplace, where a stranger can find them every working day"),
    Category.PHOTO: N_("a photo of %(whom)s"),
    Category.GEOLOCATION: N_("coordinates that place %(whom)s at a precise spot"),
    Category.ACCOUNT: N_("%(whose)s account and what it shows of private life"),
    Category.VEHICLE: N_("%(whose)s car and licence plate"),
    Category.MENTION: N_("%(whose)s name"),
}
GPS_NEAR_HOME = N_("a GPS-tagged photo that locates %(whose)s home")
HOME_PHOTO = N_("a photo of %(whose)s home")


def exposes(findings: Sequence[FindingView], limit: int = 3) -> tuple[str, ...]:
    """What these findings expose, in words, for the counted critical and high ones (or the
    most severe ones when none is): one phrase per person and category, most severe first."""
    counted = [v for v in findings if v.counted]
    pool = [v for v in counted if v.f.severity in (Severity.CRITICAL, Severity.HIGH)] or counted
    out: list[str] = []
    seen: set[tuple[str, Category]] = set()
    for v in sorted(pool, key=lambda v: v.f.severity.rank):
        key = (v.f.person, v.f.category)
        if key in seen or len(out) == limit:
            continue
        seen.add(key)
        relation, minor = _relation_of(v)
        words = {"whose": risk.whose(relation, minor), "whom": risk.whom(relation, minor)}
        c = v.f.category
        if c is Category.GEOLOCATION and v.f.severity is Severity.CRITICAL:
            phrase = _(GPS_NEAR_HOME)
        elif c is Category.PHOTO and "home" in " ".join(v.f.rules):
            phrase = _(HOME_PHOTO)
        else:
            phrase = _(EXPOSES[c])
        out.append(phrase % words)
    return tuple(out)


def _relation_of(v: FindingView) -> tuple[str, bool]:
    rel = {"judge": "self", "minor child": "child"}.get(v.relation, v.relation or "other")
    if rel not in RELATION_LABELS_EN:
        rel = "other"
    return rel, v.relation == "minor child"


def _first_steps(result: AuditResult, profile: Profile | None, jurisdiction: str,
                 groups: Sequence[ActionGroup]) -> tuple[FirstStep, ...]:
    from footprint.model import SourceKind
    from footprint.remediation import bulk_requests, registry_for

    requests = bulk_requests(profile, jurisdiction)
    if not requests:
        return ()
    reaches: set[str] = set()
    misses: list[str] = []
    kinds = (SourceKind.PEOPLE_SEARCH.value, SourceKind.PUBLIC_RECORD.value)
    for g in groups:
        if not g.counted or g.no_action:
            continue
        found = [registry_for(v.f.url) for v in g.findings if v.counted]
        names = {e.name for e in found if e is not None}
        reaches |= names
        if not names and any(v.f.source in kinds for v in g.findings if v.counted):
            misses.append(g.key)
    return tuple(FirstStep(r, tuple(sorted(reaches)), tuple(misses)) for r in requests)


# --- writing -----------------------------------------------------------------------------


def pick_urgent(groups: Sequence[ActionGroup], n: int = URGENT) -> tuple[ActionGroup, ...]:
    """The n most urgent actions, in checklist order (worst severity, the brokers catalog's
    priority, most findings) — except that an action removing a critical or high exposure that
    no action picked before it removes (one person's data of one category) goes first. Five
    opt-outs from five brokers listing the same address would otherwise hide the child's school
    behind them; the checklist still lists every action."""
    ordered = [g for g in groups if g.counted and not g.no_action]
    chosen: list[ActionGroup] = []
    covered: set[tuple[str, Category]] = set()

    def pairs(g: ActionGroup, levels: tuple[Severity, ...]) -> set[tuple[str, Category]]:
        return {(v.f.person, v.f.category) for v in g.findings
                if v.counted and v.f.severity in levels}

    # Critical exposures first, then high ones: each pass takes the actions that remove one
    # not yet removed by an action already taken.
    for level in (Severity.CRITICAL, Severity.HIGH):
        for g in ordered:
            if len(chosen) == n:
                break
            if g not in chosen and pairs(g, (level,)) - covered:
                chosen.append(g)
                covered |= pairs(g, (Severity.CRITICAL, Severity.HIGH))
    for g in ordered:
        if len(chosen) == n:
            break
        if g not in chosen:
            chosen.append(g)
    rank = {id(g): i for i, g in enumerate(ordered)}
    return tuple(sorted(chosen, key=lambda g: rank[id(g)]))


def _check_formats(formats: Collection[str]) -> list[str]:
    wanted = [f.lower() for f in formats]
    bad = [f for f in wanted if f not in FORMATS]
    if bad:
        raise ReportError(f"unknown report format '{bad[0]}' (use {', '.join(FORMATS)})")
    if not wanted:
        raise ReportError("no report format requested")
    return [f for f in FORMATS if f in wanted]


def write_reports(
    result: AuditResult,
    out_dir: Path,
    formats: Collection[str],
    *,
    encrypt_to: Sequence[str] = (),
    passphrase: str | None = None,
    profile: Profile | None = None,
    templates_dir: Path | None = None,
    paper: str | None = None,
    secrets: Iterable[masking.Secret] = (),
) -> list[Path]:
    """Write the requested formats into `out_dir` (created 0700; files 0600) and return their
    paths. Masked by default. With `encrypt_to` (age recipients "age1…", or SSH public keys) or a
    `passphrase`, every format is written as an age-encrypted `<name>.age` file holding full
    values, and nothing is written unencrypted.

    `profile` (optional) lets URLs and snippets be masked against every profile value and fills
    the sender's details into letters in encrypted outputs; `secrets` are the profile's values
    when the profile itself is not at hand (the store keeps them sealed with each audit). `templates_dir` is a court's folder of
    templates searched before the built-in ones (report.html.j2, letters/<id>.txt.j2). `paper`
    is "A4" or "Letter" for the PDF (default: Letter in the US and Canada, else A4).

    If the PDF cannot be made (WeasyPrint's libraries missing) the other formats are written
    first and PdfUnavailableError (a FootprintError naming what to install) is raised after."""
    from . import crypto

    wanted = _check_formats(formats)
    if paper is not None and paper not in ("A4", "Letter"):
        raise ReportError("paper must be A4 or Letter")
    encrypt = bool(encrypt_to) or passphrase is not None
    recipients = crypto.recipients(encrypt_to, passphrase) if encrypt else None
    out_dir = Path(out_dir)
    private_dir(out_dir, ours=False)
    view = build_view(result, full=encrypt, profile=profile, secrets=secrets, paper=paper,
                      templates_dir=templates_dir)
    written: list[Path] = []
    html_text: str | None = None
    pdf_error: PdfUnavailableError | None = None
    for fmt in wanted:
        data: bytes
        if fmt == "html":
            from .html import render_html

            html_text = render_html(view, templates_dir=templates_dir)
            data = html_text.encode("utf-8")
        elif fmt == "json":
            from .jsonout import render_json

            data = render_json(view).encode("utf-8")
        elif fmt == "csv":
            from .csvout import render_csv

            data = render_csv(view).encode("utf-8")
        else:
            from .html import render_html
            from .pdf import render_pdf

            if html_text is None:
                html_text = render_html(view, templates_dir=templates_dir)
            try:
                data = render_pdf(html_text, paper=view.paper,
                                  base_dirs=_template_dirs(templates_dir))
            except PdfUnavailableError as e:
                pdf_error = e
                continue
        name = FILENAMES[fmt]
        if recipients is not None:
            data = recipients.encrypt(data)
            name += ".age"
        written.append(write_private(out_dir / name, data))
    if pdf_error is not None:
        raise PdfUnavailableError(str(pdf_error), written)
    return written


def _template_dirs(templates_dir: Path | None) -> tuple[Path, ...]:
    dirs = [TEMPLATES_DIR]
    if templates_dir is not None:
        dirs.insert(0, Path(templates_dir))
    return tuple(d.resolve() for d in dirs)


__all__ = [
    "FORMATS", "ActionGroup", "FindingView", "Letter", "PdfUnavailableError", "ReportError",
    "ReportView", "build_view", "mask_action", "redactor_for", "summary_lines", "write_reports",
]
