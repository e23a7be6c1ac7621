"""The HTML report: one self-contained file (inline CSS and SVG, no external request of any kind,
a strict Content-Security-Policy), readable on screen and in print; also the source of the PDF.

Jinja2 runs with autoescape on and StrictUndefined; no template marks page-derived data safe.
A court overrides any template (report.html.j2, report.css.j2, letterhead.html.j2,
letters/<id>.txt.j2) by putting a file of the same name in its own folder (`templates_dir`),
which is searched before the built-in one.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from footprint import i18n, risk
from footprint.model import Category, Severity

from . import (
    CATEGORY_LABELS_EN,
    CATEGORY_SHORT_EN,
    PURPOSE_LABELS_EN,
    REMOVAL_STATES_EN,
    REQUIREMENT_LABELS_EN,
    SEVERITY_LABELS_EN,
    SOURCE_LABELS_EN,
    STATUS_LABELS_EN,
    TEMPLATES_DIR,
    TRIAGE_LABELS_EN,
    ReportError,
    ReportView,
    person_label,
)

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
       "base-uri 'none'; form-action 'none'")
"""No scripts, no fonts, no frames, no remote images, no forms; inline styles and data: images
only. Navigation by a click on an opt-out link is the only way out of the page."""

SEVERITY_COLOURS = {
    "critical": ("#a3001b", "#f9d2d8"),
    "high": ("#c2410c", "#fde3cf"),
    "medium": ("#8a6100", "#fff1c2"),
    "low": ("#1d4e89", "#dde9f8"),
    "info": ("#4b5563", "#eceff1"),
}
"""Severity → (strong colour, light tint)."""

_SAFE_LINK = re.compile(r"^https://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~%!$&'()*+,;=:@/?#-]*)?$")


def safe_link(url: str | None) -> str | None:
    """`url` if it may be a clickable link (https, plain characters), else None: then it is
    shown as text. Only opt-out pages from our own data are ever linked."""
    if not url or not _SAFE_LINK.match(url):
        return None
    return url


_PAGE_LINK = re.compile(r"^https?://[^\s\"'<>\\]+$")


def page_link(url: str | None) -> str | None:
    """`url` if an exposing page may be a link in `footprint open`: http or https, no spaces or
    quotes; else None (shown as text)."""
    if not url or not _PAGE_LINK.match(url):
        return None
    return url


def css_string(value: object) -> Markup:
    """A text as a quoted CSS string (the page's margin boxes): quotes, backslashes and line
    breaks escaped, and "<" too, so it can never close the <style> element."""
    out = []
    for ch in str(value):
        if ch in '"\\<>' or ord(ch) < 32:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return Markup('"' + "".join(out) + '"')


def install_i18n(env: jinja2.Environment, lang: str) -> None:
    """Give a template environment gettext in `lang`, and the filters that write dates and
    numbers as that language does."""
    tr = i18n.translations(lang)
    env.add_extension("jinja2.ext.i18n")
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_translations(tr, newstyle=True)  # type: ignore[attr-defined]
    env.filters["fdate"] = lambda v, fmt="medium": i18n.format_date(v, fmt, lang) if v else ""
    env.filters["fdatetime"] = lambda v: i18n.format_datetime(v, lang) if v else ""
    env.filters["fnum"] = lambda v: i18n.format_number(v, lang)
    env.filters["fdec"] = lambda v, digits=2: i18n.format_decimal(v, digits, lang)


def labels(lang: str) -> dict[str, Any]:
    """The label tables the templates use, in `lang`."""
    with i18n.language(lang):
        tr = i18n.gettext
        return {
            "SEVERITY_LABELS": {k: tr(v) for k, v in SEVERITY_LABELS_EN.items()},
            "CATEGORY_LABELS": {c.value: tr(v) for c, v in CATEGORY_LABELS_EN.items()},
            "CATEGORY_SHORT": {c.value: tr(v) for c, v in CATEGORY_SHORT_EN.items()},
            "SOURCE_LABELS": {k: tr(v) for k, v in SOURCE_LABELS_EN.items()},
            "STATUS_LABELS": {k: tr(v) for k, v in STATUS_LABELS_EN.items()},
            "REMOVAL_STATES": {k: tr(v) for k, v in REMOVAL_STATES_EN.items()},
            "TRIAGE_LABELS": {k: tr(v) for k, v in TRIAGE_LABELS_EN.items()},
            "PURPOSE_LABELS": {k: tr(v) for k, v in PURPOSE_LABELS_EN.items()},
            "REQUIREMENT_LABELS": {k: tr(v) for k, v in REQUIREMENT_LABELS_EN.items()},
            "CONDITION_LABELS": {k: tr(v) for k, v in risk.CONDITION_LABELS.items()},
            "language_name": i18n.language_name(lang),
        }


_ENVS: dict[tuple[str | None, str], jinja2.Environment] = {}
_ENVS_LOCK = threading.Lock()


def html_env(templates_dir: Path | None = None, lang: str = "en") -> jinja2.Environment:
    """The HTML environment for a court's templates folder (or the built-in templates alone) in
    one language, made once per folder, language and process: a roster writes hundreds of
    reports, and compiling the templates again for each cost more than rendering them. Jinja
    reloads a template whose file changed."""
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
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_link"] = safe_link
    env.filters["page_link"] = page_link
    env.filters["css_string"] = css_string
    install_i18n(env, lang)
    table = labels(lang)
    env.filters["requirement"] = lambda k: table["REQUIREMENT_LABELS"].get(k, k)
    env.globals.update(
        # Our constant, not page data: emitted as is so the policy reads 'none', not &#39;none&#39;.
        CSP=Markup(CSP),
        SEVERITIES=[s.value for s in Severity],
        SEVERITY_COLOURS=SEVERITY_COLOURS,
        CATEGORIES=[c.value for c in Category],
        **table,
        RUBRIC=risk.RUBRIC,
        WEIGHTS={s.value: w for s, w in risk.WEIGHTS.items()},
        person_label=person_label,
        relation_noun=risk.relation_noun,
        reason_text=i18n.reason,
    )
    return env


def _context(view: ReportView) -> dict[str, Any]:
    r = view.result
    total_confirmed = sum(view.counts.values())
    max_count = max([*view.counts.values(), 1])
    return {
        "v": view,
        "r": r,
        "total_confirmed": total_confirmed,
        "max_count": max_count,
        "by_person": view.by_person(),
        "max_points": max([p.points for p in view.score.people] + [1]),
        "cov": r.coverage,
    }


def render_html(view: ReportView, *, templates_dir: Path | None = None) -> str:
    """The report as one HTML string, in the audit's language."""
    lang = view.result.language or "en"
    env = html_env(templates_dir, lang)
    try:
        with i18n.language(lang):
            return env.get_template("report.html.j2").render(**_context(view))
    except jinja2.TemplateError as e:
        what = getattr(e, "message", None) or str(e)
        raise ReportError(f"report template: {type(e).__name__}: {what}") from None
