"""`footprint init`: asks, in the terminal, for what a profile needs — who consents, the judge's
details, each relative and their consent, which probes — and writes a valid, commented profile
(0600). Each answer is checked as it is typed (a year, an e-mail, a phone number), the whole
profile is checked as `footprint check` would before the file is written, and no answer is ever
logged or put into an error message.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

import typer

from . import i18n
from .errors import UsageError
from .i18n import gettext as _
from .initprofile import PROBES, Address, Answers, Person, render, slug, write

RELATIONS = ("spouse", "partner", "child", "parent", "sibling", "other")


def _ask(text: str, *, default: str = "", required: bool = False,
         check: Callable[[str], str | None] | None = None) -> str:
    """One answer, asked again until it passes `check` (which returns what is wrong, or None)."""
    while True:
        value = typer.prompt(text, default=default, show_default=bool(default)).strip()
        if not value and required:
            typer.echo(_("  An answer is needed here."))
            continue
        problem = check(value) if (check and value) else None
        if problem is None:
            return value
        typer.echo("  " + problem)


def _list(text: str, check: Callable[[str], str | None] | None = None) -> list[str]:
    """Several values, separated by commas (Enter for none)."""
    while True:
        raw = _ask(text + " " + _("(separate with commas; Enter for none)"))
        items = [x.strip() for x in raw.split(",") if x.strip()]
        problems = [p for p in (check(x) for x in items) if p] if check else []
        if not problems:
            return items
        typer.echo("  " + problems[0])


def _yes(text: str, default: bool = False) -> bool:
    return typer.confirm(text, default=default)


def _choice(text: str, options: tuple[str, ...], default: str) -> str:
    return _ask(f"{text} ({' | '.join(options)})", default=default,
                check=lambda v: None if v in options else _("  Please type one of: %(list)s")
                % {"list": ", ".join(options)})


def _name_ok(v: str) -> str | None:
    return None if sum(c.isalpha() for c in v) >= 2 else _("A name needs at least two letters.")


def _year_ok(v: str) -> str | None:
    this = dt.date.today().year
    if re.fullmatch(r"\d{4}", v) and 1900 <= int(v) <= this:
        return None
    return _("Expected a year such as 1971 (from 1900 to %(year)s).") % {"year": this}


def _email_ok(v: str) -> str | None:
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(v, check_deliverability=False)
    except EmailNotValidError:
        return _("That is not an e-mail address (expected name@example.org).")
    return None


def _phone_ok(country: str) -> Callable[[str], str | None]:
    def check(v: str) -> str | None:
        import phonenumbers

        try:
            phonenumbers.parse(v, country)
        except phonenumbers.NumberParseException:
            return _("That is not a phone number (expected e.g. +420 601 123 456, or a "
                     "national number).")
        return None

    return check


def _date_ok(v: str) -> str | None:
    try:
        day = dt.date.fromisoformat(v)
    except ValueError:
        return _("Expected a date as YYYY-MM-DD.")
    return None if day <= dt.date.today() else _("A consent cannot be dated in the future.")


def _person(country: str, *, pid: str, relation: str) -> Person:
    label = _("the judge") if relation == "self" else _("this relative")
    p = Person(id=pid, relation=relation,
               name=_ask(_("Full name of %(who)s") % {"who": label}, required=True,
                         check=_name_ok))
    p.aliases = _list(_("Other names (short form, maiden or married name)"), _name_ok)
    if relation == "self":
        p.court = _ask(_("Court"))
    p.city = _ask(_("City of residence"))
    if relation == "self":
        p.region = _ask(_("Region, county or state of residence"))
    year = _ask(_("Year of birth (Enter to skip)"), check=_year_ok)
    p.birth_year = int(year) if year else None
    if relation == "child":
        p.minor = _yes(_("Is this child under 18?"), default=p.birth_year is None
                       or dt.date.today().year - p.birth_year < 18)
        if p.minor:
            p.school = _ask(_("School (Enter to skip)"))
    p.phones = _list(_("Phone numbers"), _phone_ok(country))
    p.emails = _list(_("E-mail addresses"), _email_ok)
    p.usernames = _list(_("Usernames on social media (without @)"))
    if relation not in ("self", "child"):
        p.employer = _ask(_("Employer (Enter to skip)"))
    own_home = relation == "self" or (relation not in ("spouse", "partner", "child")
                                      and _yes(_("Does this relative live at another address "
                                                 "than the judge?"), default=True))
    if own_home and _yes(_("Add the home address?"), default=True):
        p.home = Address(street=_ask(_("Street and number"), required=True),
                         city=_ask(_("Town or city"), required=True),
                         postal_code=_ask(_("Postal code (Enter to skip)")),
                         country=country)
    return p


def run_init(path: Path, force: bool = False) -> Path:
    """Ask the questions and write the profile to `path`; return it."""
    if not sys.stdin.isatty():
        raise UsageError(_("init asks questions: run it in a terminal"))
    if path.exists() and not force:
        raise UsageError(_("%(file)s already exists; choose another file name (or --force to "
                           "replace it)") % {"file": path})
    if not path.parent.is_dir():
        raise UsageError(_("%(folder)s: not a folder") % {"folder": path.parent})
    typer.echo(_("footprint init: a few questions, then a profile file you can check and "
                 "audit. Press Enter to skip what you do not want to give."))
    langs = i18n.available()
    lang = _ask(_("Language of the report (%(list)s)") % {"list": ", ".join(langs)},
                default=i18n.current() if i18n.current() in langs else "en",
                check=lambda v: None if re.fullmatch(r"[a-z]{2}", v) else
                _("Expected a two-letter language code such as en."))
    i18n.set_language(lang)
    jurisdiction = _ask(_("Country, and for the US the state (e.g. CZ, RO, GB, US-CA)"),
                        required=True, check=lambda v: None if re.fullmatch(
                            r"[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?", v) else
                        _("Expected a code such as CZ or US-CA.")).upper()
    country = jurisdiction[:2]
    typer.echo(_("Consent: an audit searches only for people who agreed."))
    purpose = _choice(_("Purpose"), ("self-audit", "court-security", "training"), "self-audit")
    authorized_by = _ask(_("Who authorizes this audit (name)?"), required=True, check=_name_ok)
    authorized_on = _ask(_("Date of the consent (YYYY-MM-DD)"),
                         default=dt.date.today().isoformat(), check=_date_ok)
    statement = _ask(_("Consent statement"), default=_(
        "I authorize a search of public sources for my own and my listed relatives' "
        "information."))
    typer.echo(_("The judge:"))
    subject = _person(country, pid="judge", relation="self")
    relatives: list[Person] = []
    taken = {"judge"}
    while len(relatives) < 50 and _yes(_("Add a relative?"), default=False):
        relation = _choice(_("Relation to the judge"), RELATIONS, "spouse")
        consent = _yes(_("Has this relative agreed to be searched for?"), default=False)
        pid = slug(relation, taken)
        taken.add(pid)
        if not consent:
            # Nothing more is asked: a relative without consent is never searched for.
            name = _ask(_("Name of this relative (kept only to say in the report that they were "
                          "not audited)"), required=True, check=_name_ok)
            relatives.append(Person(id=pid, name=name, relation=relation, consent=False))
            continue
        rel = _person(country, pid=pid, relation=relation)
        rel.consent = True
        relatives.append(rel)
    probes = [p for p in PROBES
              if _yes(_("Run the %(probe)s probe?") % {"probe": p},
                      default=p != "accounts" or bool(subject.usernames))]
    if not probes:
        typer.echo(_("  At least one probe must run: web search is enabled."))
        probes = ["web"]
    answers = Answers(jurisdiction=jurisdiction, language=lang, authorized_by=authorized_by,
                      authorized_on=dt.date.fromisoformat(authorized_on), purpose=purpose,
                      statement=statement, subject=subject, relatives=relatives, probes=probes)
    return _write_checked(path, render(answers), force)


def _write_checked(path: Path, text: str, force: bool) -> Path:
    """Check the profile as `footprint check` does, then write it (0600). A profile that does
    not load is not written; the message names the key, never the value."""
    from .profile import load_profile

    tmp = path.with_name(f".{path.name}.init.tmp")
    tmp.unlink(missing_ok=True)
    write(tmp, text)
    try:
        load_profile(tmp)
    except Exception as e:
        tmp.unlink(missing_ok=True)
        msg = str(e).replace(str(tmp), str(path))
        raise UsageError(_("the answers do not make a valid profile: %(why)s") % {"why": msg}) \
            from None
    if force:
        os.replace(tmp, path)
    else:
        try:
            os.link(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    return path
