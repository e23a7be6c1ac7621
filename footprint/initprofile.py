"""`footprint init`: the profile a judge would otherwise copy from config.example.toml by hand,
built from answers to questions in the terminal and written as a commented TOML file (0600).

The questions live in `cli_init.py` (the terminal); this module only turns answers into the
profile's text, so the text can be tested without a terminal. Nothing here logs: the answers
are personal values, and go only into the file the person asked for.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .i18n import gettext as _

PROBES = ("web", "brokers", "accounts", "images")


@dataclass
class Address:
    """A home address as typed."""

    street: str
    city: str
    postal_code: str = ""
    country: str = ""


@dataclass
class Person:
    """The judge or a relative, as typed."""

    id: str
    name: str
    relation: str = "self"
    consent: bool = True
    minor: bool | None = None
    aliases: list[str] = field(default_factory=list)
    court: str = ""
    city: str = ""
    region: str = ""
    birth_year: int | None = None
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    usernames: list[str] = field(default_factory=list)
    school: str = ""
    employer: str = ""
    home: Address | None = None


@dataclass
class Answers:
    """Everything `footprint init` asked."""

    jurisdiction: str
    language: str
    authorized_by: str
    authorized_on: dt.date
    purpose: str
    statement: str
    subject: Person
    relatives: list[Person] = field(default_factory=list)
    probes: list[str] = field(default_factory=lambda: ["web", "brokers"])


def q(value: str) -> str:
    """A TOML basic string (JSON's escaping is TOML's for these characters)."""
    return json.dumps(value, ensure_ascii=False)


def qlist(values: list[str]) -> str:
    return "[" + ", ".join(q(v) for v in values) + "]"


def slug(text: str, taken: set[str]) -> str:
    """A profile id from a relation ("spouse", "child-2"): lowercase, unique."""
    base = re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-") or "relative"
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    return out


def _person_lines(p: Person, table: str) -> list[str]:
    lines = [f"id = {q(p.id)}"]
    if table == "relatives":
        lines.append(f"relation = {q(p.relation)}")
    lines.append(f"name = {q(p.name)}")
    if table == "relatives":
        if p.consent:
            lines.append("consent = true                  # " + _(
                "this relative agreed to be searched for"))
        else:
            lines.append("consent = false                 # " + _(
                "did not agree: never searched for, never named in a finding"))
        if p.minor is not None:
            lines.append(f"minor = {'true' if p.minor else 'false'}")
    if p.aliases:
        lines.append(f"aliases = {qlist(p.aliases)}   # " + _("other names: short forms, maiden "
                                                              "or married name"))
    if p.court:
        lines.append(f"court = {q(p.court)}")
    if p.city:
        lines.append(f"city = {q(p.city)}             # " + _("city of residence, used to "
                                                             "corroborate"))
    if p.region:
        lines.append(f"region = {q(p.region)}")
    if p.birth_year is not None:
        lines.append(f"birth_year = {p.birth_year}")
    if p.phones:
        lines.append(f"phones = {qlist(p.phones)}")
    if p.emails:
        lines.append(f"emails = {qlist(p.emails)}")
    if p.usernames:
        lines.append(f"usernames = {qlist(p.usernames)}   # " + _("social-media handles "
                                                                  "(without @)"))
    if p.school:
        lines.append(f"school = {q(p.school)}")
    if p.employer:
        lines.append(f"employer = {q(p.employer)}")
    if p.home is not None:
        lines += ["", f"  [[{table}.addresses]]", '  label = "home"                # ' + _(
            "home | secondary | previous | work"),
            f"  street = {q(p.home.street)}", f"  city = {q(p.home.city)}"]
        if p.home.postal_code:
            lines.append(f"  postal_code = {q(p.home.postal_code)}")
        if p.home.country:
            lines.append(f"  country = {q(p.home.country)}")
    return lines


def render(a: Answers) -> str:
    """The profile's text, with a comment on what each part does (in the chosen language)."""
    today = a.authorized_on.isoformat()
    out = [
        "# " + _("footprint profile — who may be audited, with their consent, and how."),
        "# " + _("Written by `footprint init` on %(date)s. Check it with:  footprint check "
                 "THIS-FILE") % {"date": today},
        "# " + _("Every key is documented in config.example.toml; edit this file to add more."),
        "# " + _("Keep this file private: it holds the family's personal details (it was "
                 "written readable by you only)."),
        "",
        "[audit]",
        f"jurisdiction = {q(a.jurisdiction)}           # " + _(
            "country (and US state): phone region, the law cited in removal letters"),
        f"language = {q(a.language)}               # " + _(
            "language of the pages searched and of the report"),
        "threshold = 0.5                 # " + _(
            "confidence from which a page counts as about the person"),
        "",
        "[consent]                       # " + _("required: an audit without it refuses to start"),
        f"authorized_by = {q(a.authorized_by)}",
        f"authorized_on = {today}",
        f"purpose = {q(a.purpose)}        # " + _("self-audit | court-security | training"),
        f"statement = {q(a.statement)}",
        "",
        "[subject]                       # " + _("the judge"),
        *_person_lines(a.subject, "subject"),
    ]
    for r in a.relatives:
        out += ["", "[[relatives]]", *_person_lines(r, "relatives")]
    out += ["", "[probes]                        # " + _(
        "opt-in: only the probes listed here run"),
        f"enabled = {qlist(a.probes)}", ""]
    return "\n".join(out)


def write(path: Path, text: str) -> Path:
    """Write the profile readable by its owner only (0600); never over an existing file."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(path, 0o600)
    return path
