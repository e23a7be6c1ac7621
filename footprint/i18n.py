"""Translations: every text footprint writes for a reader — the report, the letters, the
remediation playbook, the rationale of each finding, the terminal — goes through gettext, in the
language of the profile's `[audit] language`.

Catalogs are GNU gettext `.po` files, one per language and domain, kept as text and compiled in
memory when first used (no `.mo` to rebuild and forget):

- `footprint/locale/<lang>/LC_MESSAGES/footprint.po` — the program's own texts (report, letters,
  playbook, legal data, rubric, CLI); complete for every shipped language (a test checks);
- `footprint/locale/<lang>/LC_MESSAGES/catalog.po` — the brokers catalog's site-specific steps
  and notes: translated for the language's own country's sites, others stay in English;
- `<data folder>/locale/<lang>/LC_MESSAGES/<domain>.po` — a court's own catalog (a new
  language, or its own wording), read before the built-in one.

The template of every catalog is `footprint/locale/footprint.pot` (`catalog.pot`), written by
`python scripts/i18n.py extract`; docs/i18n.md explains how a court adds a language.

Which language is in force is a context variable, so the core (risk, remediation) asks for
`gettext(...)` without passing a language around: `with language("cs"): ...` sets it for the
code inside. Dates and numbers are formatted by Babel with the language's CLDR data.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gettext as _gettext
import io
import os
import re
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path

from .errors import FootprintError

LOCALE_DIR = Path(__file__).with_name("locale")
"""The built-in catalogs."""
DOMAINS = ("footprint", "catalog")
"""Text domains: the program's texts, and the brokers catalog's site-specific texts."""
DEFAULT = "en"
"""The language the source texts are written in."""

_current: ContextVar[str] = ContextVar("footprint_language", default=DEFAULT)


def _user_locale_dir() -> Path | None:
    """A court's own catalogs: `<data folder>/locale` (never created here)."""
    from .paths import data_dir

    try:
        d = data_dir(create=False) / "locale"
    except Exception:  # no home folder: built-in catalogs only
        return None
    return d if d.is_dir() else None


def catalog_paths(lang: str, domain: str = "footprint") -> list[Path]:
    """The .po files of a language, the court's own first (its entries win)."""
    out = []
    user = _user_locale_dir()
    for base in (user, LOCALE_DIR):
        if base is None:
            continue
        p = base / lang / "LC_MESSAGES" / f"{domain}.po"
        if p.is_file():
            out.append(p)
    return out


class CatalogError(FootprintError):
    """A .po file that cannot be read (named, with what is wrong): exit 2, bad input."""

    exit_code = 2


def _compile(path: Path) -> _gettext.GNUTranslations:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import PoFileError, read_po

    try:
        with path.open("rb") as fh:
            cat = read_po(fh, abort_invalid=True)
    except (OSError, PoFileError, ValueError) as e:
        raise CatalogError(f"{path}: not a readable gettext catalog ({e})") from None
    buf = io.BytesIO()
    write_mo(buf, cat, use_fuzzy=False)
    buf.seek(0)
    return _gettext.GNUTranslations(buf)


@functools.lru_cache(maxsize=32)
def _translations(lang: str, domain: str, user_dir: str) -> _gettext.NullTranslations:
    paths = catalog_paths(lang, domain)
    if not paths:
        return _gettext.NullTranslations()
    first = _compile(paths[0])
    for p in paths[1:]:
        first.add_fallback(_compile(p))
    return first


def translations(lang: str | None = None, domain: str = "footprint") -> _gettext.NullTranslations:
    """The compiled catalog of `lang` (default: the language in force); a language without a
    catalog gets the source texts (English)."""
    lang = normalize(lang or _current.get())
    user = _user_locale_dir()
    return _translations(lang, domain, str(user or ""))


def normalize(lang: str) -> str:
    """"cs", "cs-CZ", "cs_CZ.UTF-8" → "cs"; empty → English."""
    lang = (lang or "").strip().replace("-", "_").split(".")[0].split("_")[0].lower()
    return lang if re.fullmatch(r"[a-z]{2,3}", lang) else DEFAULT


def available() -> list[str]:
    """Languages with a built-in or court catalog of the program's texts (English included)."""
    langs = {DEFAULT}
    for base in (LOCALE_DIR, _user_locale_dir()):
        if base is not None and base.is_dir():
            langs |= {d.name for d in base.iterdir()
                      if (d / "LC_MESSAGES" / "footprint.po").is_file()}
    return sorted(langs)


def current() -> str:
    """The language in force."""
    return _current.get()


@contextlib.contextmanager
def language(lang: str | None) -> Iterator[str]:
    """Run the code inside in `lang` (the profile's `audit.language`)."""
    token = _current.set(normalize(lang or DEFAULT))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def set_language(lang: str | None) -> None:
    """Set the language for the rest of this context (the CLI, once it knows the profile)."""
    _current.set(normalize(lang or DEFAULT))


def env_language() -> str:
    """The terminal's language from the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), for
    commands that have no profile to tell it."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        v = os.environ.get(var, "")
        if v and v not in ("C", "POSIX") and not v.startswith("C."):
            return normalize(v.split(":")[0])
    return DEFAULT


# --- the functions code calls -------------------------------------------------------------------


def gettext(message: str) -> str:
    """`message` in the language in force."""
    return translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, by the language's plural rule."""
    return translations().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in a context ("whose": "the judge's"), for words a language inflects."""
    return translations().pgettext(context, message)


def catalog_text(message: str) -> str:
    """A brokers-catalog text (a site's steps and notes) in the language in force, when its
    catalog has it; else as the catalog states it."""
    return translations(domain="catalog").gettext(message)


def N_(message: str) -> str:
    """Mark a text for extraction; translated later, where it is shown."""
    return message


def NP_(context: str, message: str) -> str:  # noqa: N802 (gettext's naming)
    """Mark a text with a context for extraction; translated later with `pgettext(context, …)`."""
    return message


_ = gettext


# --- dates and numbers ----------------------------------------------------------------------------


def _locale(lang: str | None = None):  # type: ignore[no-untyped-def]
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(normalize(lang or _current.get()))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(DEFAULT)


def _parse_when(value: str | dt.datetime | dt.date | None) -> dt.datetime | dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, (dt.datetime, dt.date)):
        return value
    text = str(value).strip()
    try:
        if "T" in text:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def format_date(value: str | dt.date | None, fmt: str = "long", lang: str | None = None) -> str:
    """A date (or the date of an ISO timestamp) as the language writes it: "3. prosince 2026",
    "3 decembrie 2026", "December 3, 2026". Text that is not a date is returned as it is."""
    from babel.dates import format_date as fd

    when = _parse_when(value)
    if when is None:
        return "" if value is None else str(value)
    day = when.date() if isinstance(when, dt.datetime) else when
    return fd(day, format=fmt, locale=_locale(lang))


def format_datetime(value: str | dt.datetime | None, lang: str | None = None) -> str:
    """A timestamp in UTC as the language writes it, with "UTC" after it."""
    from babel.dates import format_datetime as fdt

    when = _parse_when(value)
    if not isinstance(when, dt.datetime):
        return format_date(value, lang=lang) if when is not None else ("" if value is None else str(value))
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return fdt(when, format="medium", tzinfo=dt.UTC, locale=_locale(lang)) + " UTC"


def format_number(value: float | int, lang: str | None = None) -> str:
    """A number with the language's digit grouping and decimal sign ("1 234,5")."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_locale(lang))


def format_decimal(value: float, digits: int = 2, lang: str | None = None) -> str:
    """A number with exactly `digits` decimals ("0,94" in Czech, "0.94" in English)."""
    from babel.numbers import format_decimal as fd

    return fd(value, format="0." + "0" * digits if digits else "0", locale=_locale(lang))


def language_name(lang: str | None = None) -> str:
    """The language's own name ("čeština", "română", "English")."""
    loc = _locale(lang)
    return loc.get_display_name(loc) or loc.language


# --- reasons a source was not checked ------------------------------------------------------------

# The fetcher, the probes and the analyzer say why a source was not checked in English, with
# values inside ("HTTP 403", "not a web page (image/png)"). The report translates them by these
# patterns: each English form, and the text it becomes, with the values put back. A value that is
# itself a reason ("not checked: timed out") is translated in turn.
REASONS: tuple[tuple[str, str], ...] = (
    (r"not checked: (?P<why>.+)", N_("not checked: %(why)s")),
    (r"blocked: (?P<why>.+)", N_("blocked: %(why)s")),
    (r"note: (?P<why>.+)", N_("note: %(why)s")),
    (r"HTTP (?P<code>\d{3})", N_("HTTP %(code)s")),
    (r"HTTP (?P<code>\d{3}): (?P<why>.+)", N_("HTTP %(code)s: %(why)s")),
    (r"HTTP 429: rate limited(?P<rest>.*)", N_("HTTP 429: rate limited")),
    (r"not a web page \((?P<type>[^)]*)\)", N_("not a web page (%(type)s)")),
    (r"unreadable image \((?P<why>.+)\)", N_("unreadable image (%(why)s)")),
    (r"internal error \((?P<name>\w+)\)", N_("internal error (%(name)s)")),
    (r"GPS tag not checked: (?P<why>.+)", N_("GPS tag not checked: %(why)s")),
    (r"page not recognised as a (?P<site>.+?) (?P<rest>listing|results page)(?P<tail>.*)",
     N_("page not recognised as a %(site)s %(rest)s")),
    (r"(?P<what>.+) \(possible blocking\)", N_("%(what)s (possible blocking)")),
    (r"archived body larger than (?P<n>\d+) bytes", N_("archived body larger than %(n)s bytes")),
    (r"more than (?P<n>\d+) redirects in the web archive",
     N_("more than %(n)s redirects in the web archive")),
    (r"engines unresponsive: (?P<names>.+)", N_("engines unresponsive: %(names)s")),
    (r"cannot reach the instance \((?P<name>\w+)\)", N_("cannot reach the instance (%(name)s)")),
    (r"HTTP (?P<code>\d{3}) (?P<what>[a-z ]+)", N_("HTTP %(code)s %(what)s")),
    # sources that are not a page address
    (r"people-search sites \(direct look-ups\) for (?P<who>\S+)",
     N_("people-search sites (direct look-ups) for %(who)s")),
    (r"(?P<probe>\w+) (?P<kind>\w+) search for (?P<who>\S+) \((?P<id>[^)]*)\)",
     N_("%(probe)s %(kind)s search for %(who)s (%(id)s)")),
    (r"web archive file (?P<file>.+)", N_("web archive file %(file)s")),
    (r"accounts for (?P<who>\S+)", N_("accounts for %(who)s")),
    (r"(?P<what>[a-z -]+) \(HTTP (?P<code>\d{3})\)", N_("%(what)s (HTTP %(code)s)")),
)
REASON_WORDS = (
    N_("timed out"), N_("timeout"), N_("captcha"), N_("consented"), N_("invalid URL"),
    N_("no consent"), N_("did not consent"), N_("not found"), N_("connection failed"),
    N_("no results"), N_("no results after retries"), N_("rate limited"), N_("login wall"),
    N_("unreadable redirect target in the web archive"), N_("redirect loop in the web archive"),
    N_("page larger than 2 MB: only the first 2 MB were read"),
    N_("no usernames in the profile: no platform was checked"),
    N_("no site rule for this check any more (the catalog changed)"),
    N_("refused: only http(s) URLs are fetched"), N_("refused: URL without a host"),
    N_("not in the web archive"), N_("the site answered with a challenge page"),
    N_("face matching not available"), N_("did not consent: never searched for"),
    N_("not run for a minor: web search only (set probes.brokers.include_minors = true to run "
       "them)"),
    N_("cloudflare challenge"), N_("cloudflare block"), N_("login required"), N_("forbidden"),
    N_("service unavailable"), N_("unavailable for legal reasons"),
)
_REASONS = tuple((re.compile(rx + r"\Z", re.S), msg) for rx, msg in REASONS)


def reason(text: str, depth: int = 0) -> str:
    """Why a source was not checked, in the language in force (see REASONS)."""
    if not text:
        return text
    own = gettext(text)
    if own != text or current() == DEFAULT or depth > 3:
        return own
    for rx, msg in _REASONS:
        m = rx.match(text)
        if m is None:
            continue
        values = {k: (reason(v, depth + 1) if k in ("why", "what") else v)
                  for k, v in m.groupdict().items() if v is not None}
        translated = gettext(msg)
        try:
            return translated % values
        except (KeyError, ValueError, TypeError):
            return text
    return text
