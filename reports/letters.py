"""Removal-request letters: one per action group (a parent company or a site), rendered from the
Jinja2 templates in templates/letters/ with the group's findings and the legal basis of the
audit's jurisdiction (Anderl notice, Daniel's Law notice, California demand, GDPR Art. 17 request,
a school letter, a generic request).

Letters are plain text: rendered without HTML escaping here, and escaped by the HTML report's
autoescaping when they are shown (never marked safe). In a masked report they carry masked values
and placeholders; full values and the sender's name only in encrypted outputs.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from footprint import i18n, risk
from footprint.i18n import gettext as _
from footprint.model import SourceKind

from . import TEMPLATES_DIR, Letter, ReportError

if TYPE_CHECKING:
    from footprint.profile import Profile

    from . import ActionGroup, ReportView

# Groups on these kinds of site get a letter; social networks and search engines are handled
# through account settings and forms, not letters.
LETTER_SOURCES = {
    SourceKind.PEOPLE_SEARCH.value, SourceKind.PUBLIC_RECORD.value, SourceKind.GOVERNMENT.value,
    SourceKind.NEWS.value, SourceKind.SCHOOL.value, SourceKind.EMPLOYER.value,
    SourceKind.FORUM.value, SourceKind.BLOG.value, SourceKind.WEB.value,
}


_ENVS: dict[tuple[str | None, str], jinja2.Environment] = {}
_ENVS_LOCK = threading.Lock()


def letters_env(templates_dir: Path | None = None, lang: str = "en") -> jinja2.Environment:
    """Plain-text environment: the court's folder first, then the built-in templates; gettext in
    `lang` (the letter goes out in the report's language); made once per folder, language and
    process (as `html.html_env`)."""
    key = (str(Path(templates_dir).resolve()) if templates_dir is not None else None, lang)
    with _ENVS_LOCK:
        env = _ENVS.get(key)
        if env is None:
            env = _ENVS[key] = _build_env(templates_dir, lang)
        return env


def _build_env(templates_dir: Path | None, lang: str) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if templates_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(templates_dir)))
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATES_DIR)))
    # "builtin/…" always names the built-in file: a court's template can extend it
    loaders.append(jinja2.PrefixLoader({"builtin": jinja2.FileSystemLoader(str(TEMPLATES_DIR))}))
    # Plain text, shown escaped by the HTML environment: no autoescape here, or "&" would
    # reach the reader as "&amp;".
    env = jinja2.Environment(  # text output, escaped where it is embedded
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
    )
    from .html import install_i18n

    install_i18n(env, lang)
    return env


@dataclass(frozen=True)
class Sender:
    """Who signs the letter."""

    name: str
    on_behalf: str
    court: str
    contact: str
    is_agent: bool


def _sender(view: ReportView, profile: Profile | None) -> Sender:
    # The profile's `audit.contact` is the operator's address for site owners (User-Agent), not
    # necessarily who verifies a removal request: the letter leaves that to the sender.
    contact = _("[Contact details for verification: e-mail and telephone]")
    if view.full and profile is not None:
        name = profile.subject.name
        court = profile.subject.court or _("[Court]")
    else:
        name = _("[Name of the judge, or of the designated agent]")
        court = _("[Court]")
    purpose = view.result.purpose
    return Sender(
        name=name,
        on_behalf=_("[the judge]") if purpose == "court-security" else "",
        court=court,
        contact=contact,
        is_agent=purpose == "court-security",
    )


def _value_of(v: Any, full: bool) -> str:
    if full and v.f.value:
        return str(v.f.value)
    return str(v.shown_value)


def _template_for(group: ActionGroup) -> tuple[str, Any]:
    sources = {v.f.source for v in group.findings if v.counted}
    basis = group.legal[0] if group.legal else None
    if sources == {SourceKind.SCHOOL.value}:
        return "school", basis
    if basis is not None and basis.letter:
        return basis.letter, basis
    return "generic", basis


def render_letter(env: jinja2.Environment, template: str, context: dict[str, Any]) -> str:
    """Render one letter; a broken court template becomes a ReportError naming it."""
    name = f"letters/{template}.txt.j2"
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateNotFound:
        return env.get_template("letters/generic.txt.j2").render(**context)
    except jinja2.TemplateError as e:
        raise ReportError(f"letter template {name}: {type(e).__name__}: {e.message}") from None


def render_letters(view: ReportView, *, profile: Profile | None = None,
                   templates_dir: Path | None = None) -> list[Letter]:
    """One letter per action group that needs one (confirmed findings on a site that takes
    letters), most urgent first, in the audit's language."""
    lang = view.result.language or "en"
    with i18n.language(lang):
        return _render_letters(view, profile, templates_dir, lang)


def _render_letters(view: ReportView, profile: Profile | None, templates_dir: Path | None,
                    lang: str) -> list[Letter]:
    from footprint.remediation import national_for

    env = letters_env(templates_dir, lang)
    sender = _sender(view, profile)
    today = dt.date.today().isoformat() if lang == "en" else i18n.format_date(dt.date.today())
    national = national_for(view.result.jurisdiction or "")
    out: list[Letter] = []
    for g in view.groups:
        counted = [v for v in g.findings if v.counted]
        if g.no_action or not counted:
            continue
        if not any(v.f.source in LETTER_SOURCES for v in counted):
            continue
        template, basis = _template_for(g)
        # the group's other sites; a site the group's name already gives ("Minor child's
        # school (b*****.example.org)") is not repeated
        sites = sorted(x for x in {_site(v.url) for v in counted} if x not in g.key)
        def item(v: Any) -> dict[str, str]:
            from . import _relation_of

            relation, minor = _relation_of(v)
            return {"what": v.category_label, "whom": risk.whom(relation, minor),
                    "whose": risk.whose(relation, minor), "value": _value_of(v, view.full),
                    "url": v.url}

        # What the law covers goes in the legal demand; the rest is asked for alongside.
        covered = [v for v in counted
                   if basis is None or basis.named_in(v.f.remediation.legal_basis)]
        other = [v for v in counted if v not in covered]
        ctx = {
            "today": today,
            "recipient": g.key,
            "sites": sites,
            "items": [item(v) for v in covered],
            "other_items": [item(v) for v in other],
            "basis": basis,
            # only a deadline that is a duration reads well in "within …"
            "deadline": basis.deadline if basis is not None and basis.deadline[:1].isdigit()
            else "",
            "sender": sender,
            "full": view.full,
            "training": view.result.training,
            "jurisdiction": view.result.jurisdiction or "",
            "relatives": any(v.f.person != _judge_id(view) for v in counted),
            # GDPR letters cite the national law beside the Regulation and name the authority
            "legal_citation": (f"{basis.citation}; {national.law}"
                               if basis is not None and national is not None
                               and basis.id == "gdpr-17" else
                               (basis.citation if basis is not None else "")),
            "authority": (national.authority if national is not None and basis is not None
                          and basis.id == "gdpr-17" else
                          (basis.regulator if basis is not None and basis.regulator
                           else _("the data-protection authority"))),
        }
        text = render_letter(env, template, ctx)
        title = _("To %(recipient)s") % {"recipient": g.key} + " — " + (
            basis.title if basis is not None else _("removal request"))
        out.append(Letter(group=g.key, basis=template if basis is None else basis.id,
                          title=title, text=text))
    return out


def _judge_id(view: ReportView) -> str:
    return next((p.id for p in view.result.people if p.relation == "self"), "")


def _site(url: str) -> str:
    from footprint.remediation import site_group

    return site_group(url)
