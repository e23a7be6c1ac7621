"""Account-site rules (WhatsMyName format) for the accounts probe: load and validate them, decide
from one response whether an account exists, download the WhatsMyName data, and self-test rules.

A site rule says where a username's page is (`uri_check` with `{account}`, or an API address
with `{account}` in a POST body, sent with the rule's headers) and how to read the answer: the
account exists only when BOTH `e_code` and `e_string` match (an empty `e_string`, which the
WhatsMyName schema allows, means the code alone), and is missing only when `m_code` and
`m_string` match (an empty `m_string` means the code alone). Everything else — a block or
challenge page, a login wall, a redirect the rule did not expect, a transport error, an
unexpected status — is "not checked", never "missing": a site that hides an account must not make
the report look clean. A rule whose codes are redirects (3xx) is answered with the redirect
itself, not where it leads.

Rules that send the same request (the list tells a deleted, a private and a public WordPress blog
apart on one API URL) are decided together: one request, every rule's strings (`decide_group`).

Categories are the list's own: WhatsMyName renamed its adult category from "XXXPORNXXX" to
"xx NSFW xx" in 2023, so adult categories are recognised by their names (`is_adult_category`),
not by one fixed string; `select` leaves them out by default and says which it left out.

Catalogs: the built-in `probes/catalog/sites.json` (footprint's own rules) comes first; the
WhatsMyName data (CC BY-SA 4.0) is never shipped, only loaded from a path the user gives or
downloaded on request into the data folder. On a name clash the built-in rule wins: it is the one
footprint's tests and demo check, and the downloaded file may change format under us.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
import re
import string
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Final, Literal
from urllib.parse import quote, urlsplit

from .errors import FetchError, FootprintError
from .paths import private_dir, write_private
from .web.base import Fetcher, Request, Response, send
from .web.blocks import detect_block

log = logging.getLogger("footprint.sites")

WMN_URL = "https://raw.githubusercontent.com/WebBreacher/WhatsMyName/main/wmn-data.json"
"""Where `footprint sites update` downloads the WhatsMyName data from."""
WMN_FILE = "wmn-data.json"
LICENSE_FILE = "wmn-data.LICENSE.txt"
DISABLED_FILE = "disabled-sites.json"
SITES_SUBDIR = "sites"
BUILTIN_ORIGIN = "built-in"

State = Literal["exists", "missing", "not checked"]
EXISTS: Final = "exists"
MISSING: Final = "missing"
NOT_CHECKED: Final = "not checked"

# Keys a site definition may carry. Unknown keys are tolerated (the WhatsMyName format grows), but
# these are type-checked.
_REQUIRED = ("name", "uri_check", "e_code", "e_string", "m_code", "m_string", "known", "cat")
_LOGIN_PATH = re.compile(
    r"/(?:log-?in|sign-?in|signin|auth(?:orize)?|accounts/login|session/new|checkpoint|challenge)"
    r"(?:[/?#._-]|$)",
    re.I,
)
_PASSWORD_FIELD = re.compile(r"<input[^>]+type=[\"']?password", re.I)
_ACCOUNT_RE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_NOT_SENT = frozenset({"user-agent", "host", "te", "connection", "keep-alive", "content-length",
                       "transfer-encoding", "upgrade"})
_ADULT = re.compile(r"nsfw|porn|xxx|adult|\bsex", re.I)
ADULT: Final = "adult"
"""In `exclude_categories`: every category whose name marks it as adult ("xx NSFW xx",
"XXXPORNXXX", …), whatever the list calls it this year."""


def is_adult_category(name: str) -> bool:
    """True for a category whose name marks adult sites: WhatsMyName's "xx NSFW xx" (since 2023)
    and "XXXPORNXXX" (before), or any name with nsfw, porn, xxx, adult or sex in it."""
    return bool(_ADULT.search(name))


class SitesError(FootprintError):
    """A site catalog cannot be read or is invalid. The message names the file, the site (index
    and name) and the field, never a username."""

    exit_code = 2


class DownloadError(SitesError):
    """`footprint sites update` got no usable data (network, HTTP status, truncated or changed
    format): a runtime failure, not bad input — exit 1. The previous data is kept."""

    exit_code = 1


# --- the rule -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    """One platform's rule for telling whether a username has an account there."""

    name: str
    """Display name, unique in a catalog (case-insensitive)."""
    uri_check: str
    """URL fetched to check an account; holds `{account}` unless `post_body` does."""
    e_code: int
    """HTTP status of an existing account's page."""
    e_string: str
    """Text an existing account's page always contains ("" = the status alone decides)."""
    m_code: int
    """HTTP status of a missing account's page."""
    m_string: str
    """Text a missing account's page contains ("" = the status alone decides)."""
    known: tuple[str, ...]
    """Accounts known to exist, for the self-test."""
    cat: str
    """Category (social, finance, health, gaming, …)."""
    uri_pretty: str | None = None
    """Human-facing profile URL when `uri_check` is an API; holds `{account}` (a few entries
    give a search page without it)."""
    post_body: str | None = None
    """Body of a POST check, with `{account}` (None = a GET)."""
    headers: tuple[tuple[str, str], ...] = ()
    """Request headers the rule asks for. A User-Agent among them is never sent (footprint
    names itself): such a rule counts as protected ("user-agent")."""
    strip_bad_char: str = ""
    """Characters removed from a username before it is put in the URL."""
    protection: tuple[str, ...] = ()
    """Anti-bot or login protection the site is known to use; skipped unless asked for."""
    valid: bool = True
    """False when the rule's maintainers marked it broken."""
    verified: bool | None = None
    """False for a rule not yet confirmed against the live site (footprint's own marker)."""
    origin: str = BUILTIN_ORIGIN
    """Which catalog it came from: "built-in", "WhatsMyName" or a file name."""

    def account(self, username: str) -> str:
        """The username as the site's URL takes it."""
        if not self.strip_bad_char:
            return username
        return username.translate(str.maketrans("", "", self.strip_bad_char))

    def check_url(self, username: str) -> str:
        return self.uri_check.replace("{account}", self.account(username))

    def pretty_url(self, username: str) -> str:
        return (self.uri_pretty or self.uri_check).replace("{account}", self.account(username))

    @property
    def host(self) -> str:
        return (urlsplit(self.uri_check.replace("{account}", "x")).hostname or "").lower()

    @property
    def key(self) -> str:
        """Name used for clashes and the disabled list: case-folded."""
        return self.name.casefold()

    def body(self, username: str) -> bytes | None:
        """The POST body for `username` (None for a GET). The username is escaped the way the
        body's content type reads it: JSON string escapes, or form percent-encoding."""
        if self.post_body is None:
            return None
        account = self.account(username)
        ctype = dict((k.lower(), v.lower()) for k, v in self.headers).get("content-type", "")
        if "json" in ctype or self.post_body.lstrip().startswith(("{", "[")):
            account = json.dumps(account)[1:-1]
        elif "form-urlencoded" in ctype:
            account = quote(account, safe="")
        return self.post_body.replace("{account}", account).encode("utf-8")

    @property
    def sent_headers(self) -> tuple[tuple[str, str], ...]:
        """The rule's headers footprint sends: never a User-Agent, Host or hop-by-hop header."""
        return tuple((k, v) for k, v in self.headers if k.lower() not in _NOT_SENT)

    @property
    def reads_redirects(self) -> bool:
        """True when the rule's codes are redirects: the answer is the redirect itself."""
        return 300 <= self.e_code < 400 or 300 <= self.m_code < 400

    def request(self, username: str) -> Request:
        """The request that checks `username`."""
        body = self.body(username)
        return Request(
            url=self.check_url(username),
            method="POST" if body is not None else "GET",
            body=body,
            headers=self.sent_headers,
            follow_redirects=not self.reads_redirects,
        )

    def request_key(self, username: str) -> str:
        """Identity of the request for `username`: rules with equal keys share one request and
        are decided together. A plain GET's key is its URL."""
        req = self.request(username)
        if req.plain:
            return req.url
        parts = [req.method, req.url, (req.body or b"").decode("utf-8", "replace"),
                 *(f"{k.lower()}: {v}" for k, v in sorted(req.headers)),
                 "" if req.follow_redirects else "no-redirects"]
        return "\n".join(parts)

    @property
    def protections(self) -> tuple[str, ...]:
        """`protection`, plus "user-agent" when the rule only works with a browser's User-Agent
        (which footprint never sends)."""
        if any(k.lower() == "user-agent" for k, _ in self.headers) and \
                "user-agent" not in self.protection:
            return (*self.protection, "user-agent")
        return self.protection

    def matches_platform(self, platform: str) -> bool:
        """True when a platform name or host from a link ("instagram", "instagram.com",
        "www.instagram.com", "Instagram") designates this site."""
        p = platform.strip().lower().removeprefix("www.")
        if not p:
            return False
        names = {self.name.lower(), *re.split(r"\s*[()]\s*", self.name.lower())} - {""}
        for uri in (self.uri_check, self.uri_pretty or self.uri_check):
            host = (urlsplit(uri.replace("{account}", "x")).hostname or "").lower()
            labels = host.removeprefix("www.").split(".")
            names.add(".".join(labels))
            if len(labels) >= 2:
                names.update((labels[-2], ".".join(labels[-2:])))
        return p in names


@dataclass(frozen=True)
class Decision:
    """What one response says about one account."""

    state: State
    """"exists", "missing" or "not checked"."""
    reason: str
    """Why: "e_code and e_string matched", "blocked: HTTP 429 rate limited", …"""
    status: int | None = None
    """HTTP status seen, if any."""


# --- deciding -------------------------------------------------------------------------------


def _redirected(response: Response) -> bool:
    if not response.requested_url or response.requested_url == response.url:
        return False
    a, b = urlsplit(response.requested_url), urlsplit(response.url)
    return (a.hostname, a.path.rstrip("/"), a.query) != (b.hostname, b.path.rstrip("/"), b.query)


def decide(site: Site, response: Response, *, offline: bool = False) -> Decision:
    """Read one response with the site's rule: a redirect to a sign-in page is a login wall, a
    redirect the rule would read as "missing" cannot be confirmed; then the existence rule; then
    block and challenge pages; then the missing rule; anything else
    is "not checked".

    In archive mode (`offline`) a URL the archive does not hold is answered 404 "Not Found": that
    is "missing (not in archive)" only when the site's own missing rule would say so (its `m_code`
    is 404, or the body holds its `m_string`); otherwise the archive simply cannot tell.
    """
    status = response.status
    if _redirected(response) and _LOGIN_PATH.search(urlsplit(response.url).path or ""):
        return Decision(NOT_CHECKED, f"login wall (redirected to a sign-in page, HTTP {status})",
                        status)
    if 300 <= status < 400:
        # A redirect the rule reads itself (not followed): where it points matters.
        target = response.header("location") or ""
        try:
            target_path = urlsplit(target).path or ""
        except ValueError:
            target_path = ""
        if _LOGIN_PATH.search(target_path):
            return Decision(NOT_CHECKED, f"login wall (redirects to a sign-in page, HTTP {status})",
                            status)
    elif _redirected(response) and 300 <= site.m_code < 400:
        # The rule reads a redirect as "missing", but we only see where it led: a landing page
        # may well contain a weak e_string, and a 30x body cannot be read any more.
        return Decision(
            NOT_CHECKED,
            f"redirected to another page (the rule reads an HTTP {site.m_code} redirect as "
            "missing, but cannot confirm it)",
            status,
        )
    body = response.text()
    blocked = detect_block(response)
    if blocked and not site.e_string:
        # With no text to require, a challenge page answering the expected code would
        # otherwise pass for an account.
        return Decision(NOT_CHECKED, blocked, status)
    # Like the reference checker, a full existence match comes first: a real profile page may
    # embed a captcha script (a sign-up form) that block detection would otherwise flag.
    if status == site.e_code and site.e_string in body:
        why = "e_code and e_string matched" if site.e_string else "e_code matched (no e_string)"
        return Decision(EXISTS, why, status)
    if blocked:
        return Decision(NOT_CHECKED, blocked, status)
    if status == site.m_code and (not site.m_string or site.m_string in body):
        return Decision(MISSING, "m_code and m_string matched", status)
    m_string_seen = bool(site.m_string) and site.m_string in body
    if offline and status == 404 and (site.m_code == 404 or m_string_seen):
        return Decision(MISSING, "missing (not in archive)", status)
    if status == 200 and _PASSWORD_FIELD.search(body):
        return Decision(NOT_CHECKED, "login wall (the page asks for a password)", status)
    if offline and status == 404:
        return Decision(NOT_CHECKED,
                        "not in archive (the site's missing-account rule is not a 404)", status)
    return Decision(NOT_CHECKED, f"unexpected answer (HTTP {status})", status)


def decide_group(
    sites: Sequence[Site], response: Response, *, offline: bool = False
) -> tuple[Decision, tuple[tuple[Site, Decision], ...]]:
    """Read one response with every rule that sent the same request. The accounts that exist
    are those whose rules say so; the whole is "exists" if any does, "missing" when every rule
    says missing, else "not checked" (the first rule's reason). The list tells a deleted, a
    private and a public blog apart on one URL: only the rule that matches speaks."""
    each = tuple((s, decide(s, response, offline=offline)) for s in sites)
    found = [d for _, d in each if d.state == EXISTS]
    if found:
        return found[0], each
    if each and all(d.state == MISSING for _, d in each):
        return each[0][1], each
    unsure = [d for _, d in each if d.state == NOT_CHECKED]
    return (unsure or [d for _, d in each])[0], each


def check_account(
    site: Site, username: str, fetcher: Fetcher, *, offline: bool = False
) -> Decision:
    """Send the site's check for `username` and decide. Transport errors, blocks and
    timeouts are "not checked" with the reason."""
    request = site.request(username)
    try:
        response = send(fetcher, request)
    except FetchError as e:  # BlockedError is a FetchError
        return Decision(NOT_CHECKED, e.reason, e.status)
    if not response.requested_url:
        # Fetchers that do not fill it still let us spot redirects.
        response = Response(response.url, response.status, response.headers, response.body,
                            requested_url=request.url, from_cache=response.from_cache)
    return decide(site, response, offline=offline)


# --- loading --------------------------------------------------------------------------------


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _web_url(template: str) -> bool:
    """True when a site URL template (with `{account}`) is an http(s) URL with a host."""
    try:
        parts = urlsplit(template.replace("{account}", "x"))
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # "http://[x/{account}": a broken IPv6 host
        return False


def parse_site(raw: Any, where: str, origin: str) -> Site:
    """Validate one site definition. `where` names the file and index for messages."""
    if not isinstance(raw, dict):
        raise SitesError(f"{where}: expected an object with name, uri_check, e_code, …")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise SitesError(f"{where}.name: missing or not text")
    at = f"{where} ('{name}')"
    for key in _REQUIRED:
        if key not in raw:
            raise SitesError(f"{at}.{key}: missing; this key is required")
    uri = raw["uri_check"]
    post = raw.get("post_body")
    if post is not None and not isinstance(post, str):
        raise SitesError(f"{at}.post_body: expected text")
    post = post or None  # "" is how some entries say "a GET"
    if post is not None and "{account}" not in post:
        raise SitesError(f"{at}.post_body: expected a body containing {{account}}")
    if not isinstance(uri, str) or ("{account}" not in uri and not post):
        raise SitesError(f"{at}.uri_check: expected a URL containing {{account}} (or a "
                         "post_body that does)")
    if not _web_url(uri):
        raise SitesError(f"{at}.uri_check: expected an http(s) URL")
    pretty = raw.get("uri_pretty")
    if pretty is not None and not isinstance(pretty, str):
        raise SitesError(f"{at}.uri_pretty: expected a URL")
    if pretty is not None and not _web_url(pretty):
        # The pretty URL becomes a finding's link in the report: a "javascript:" one from a
        # downloaded file would be a script a reader clicks.
        raise SitesError(f"{at}.uri_pretty: expected an http(s) URL")
    for key in ("e_code", "m_code"):
        v = raw[key]
        if isinstance(v, str) and v.strip().isdigit():
            v = int(v)  # a few old WhatsMyName entries quote codes
        if not _is_int(v) or not 100 <= v <= 599:
            raise SitesError(f"{at}.{key}: expected an HTTP status code (a whole number 100–599)")
    e_code, m_code = int(raw["e_code"]), int(raw["m_code"])
    if not isinstance(raw["e_string"], str):
        raise SitesError(f"{at}.e_string: expected text (\"\" = the status code alone)")
    if not isinstance(raw["m_string"], str):
        raise SitesError(f"{at}.m_string: expected text")
    known = raw["known"]
    if not isinstance(known, list) or not all(isinstance(k, str) and k for k in known):
        raise SitesError(f"{at}.known: expected a list of account names")
    if len(known) < 1:
        raise SitesError(f"{at}.known: expected at least one known account for the self-test")
    if not isinstance(raw["cat"], str):
        raise SitesError(f"{at}.cat: expected text")
    headers = raw.get("headers") or {}
    if not isinstance(headers, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in headers.items()
    ):
        raise SitesError(f"{at}.headers: expected a table of text values")
    strip = raw.get("strip_bad_char", "")
    if not isinstance(strip, str):
        raise SitesError(f"{at}.strip_bad_char: expected text")
    protection = raw.get("protection") or []
    if isinstance(protection, str):
        protection = [protection]
    if not isinstance(protection, list) or not all(isinstance(p, str) for p in protection):
        raise SitesError(f"{at}.protection: expected a list of text")
    valid = raw.get("valid", True)
    if not isinstance(valid, bool):
        raise SitesError(f"{at}.valid: expected true or false")
    verified = raw.get("verified")
    if verified is not None and not isinstance(verified, bool):
        raise SitesError(f"{at}.verified: expected true or false")
    return Site(
        name=name.strip(),
        uri_check=uri,
        e_code=e_code,
        e_string=raw["e_string"],
        m_code=m_code,
        m_string=raw["m_string"],
        known=tuple(known),
        cat=raw["cat"],
        uri_pretty=pretty,
        post_body=post or None,
        headers=tuple(sorted(headers.items())),
        strip_bad_char=strip,
        protection=tuple(p for p in protection if p),
        valid=valid,
        verified=verified,
        origin=origin,
    )


@dataclass(frozen=True)
class LoadedSites:
    """The valid sites of one file, and the definitions that were dropped (lenient loading)."""

    sites: tuple[Site, ...]
    problems: tuple[str, ...] = ()
    """One message per invalid or duplicate definition that was left out."""
    license: tuple[str, ...] = ()
    """The file's own licence lines, if it has any."""
    categories: tuple[str, ...] = ()
    """The categories the file declares (WhatsMyName's `categories`), in its order."""


def parse_sites(data: Any, source: str, *, origin: str, strict: bool = True) -> LoadedSites:
    """Validate a parsed catalog `{"sites": [...]}`. Strict: the first problem raises
    `SitesError`. Lenient (third-party data): invalid entries are dropped and listed."""
    if not isinstance(data, dict) or not isinstance(data.get("sites"), list):
        raise SitesError(f"{source}: not a site catalog (expected a JSON object with a \"sites\" "
                         "list, as in WhatsMyName's wmn-data.json)")
    sites: list[Site] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(data["sites"]):
        where = f"{source}: sites[{i}]"
        try:
            site = parse_site(raw, where, origin)
            if site.key in seen:
                raise SitesError(
                    f"{where} ('{site.name}').name: duplicate of sites[{seen[site.key]}]"
                )
        except SitesError as e:
            if strict:
                raise
            problems.append(str(e))
            continue
        seen[site.key] = i
        sites.append(site)
    lic = data.get("license") or ()
    if isinstance(lic, str):
        lic = (lic,)
    if not isinstance(lic, (list, tuple)):
        lic = ()
    license_lines = tuple(x for x in lic if isinstance(x, str))
    cats = data.get("categories")
    declared = tuple(c for c in cats if isinstance(c, str)) if isinstance(cats, list) else ()
    return LoadedSites(tuple(sites), tuple(problems), license_lines, declared)


def _read_json(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SitesError(f"{path}: file not found") from None
    except OSError as e:
        raise SitesError(f"{path}: cannot read the file ({e.strerror})") from None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SitesError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as e:
        where = f"line {e.lineno}, column {e.colno}"
        raise SitesError(f"{path}: not valid JSON ({where}: {e.msg})") from None


def load_sites_file(path: Path, *, origin: str | None = None, strict: bool = False) -> LoadedSites:
    """Load a WhatsMyName-format file. Lenient by default: third-party data may hold a few
    entries in a shape we do not accept; those are dropped and listed in `problems`."""
    return parse_sites(_read_json(path), str(path), origin=origin or path.name, strict=strict)


def builtin_sites() -> tuple[Site, ...]:
    """footprint's own catalog (strict: a broken built-in rule is a bug)."""
    ref = resources.files("probes").joinpath("catalog/sites.json")
    try:
        data = json.loads(ref.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise SitesError(f"built-in catalog probes/catalog/sites.json: unreadable ({e})") from None
    return parse_sites(data, "probes/catalog/sites.json", origin=BUILTIN_ORIGIN, strict=True).sites


def merge(first: Iterable[Site], *more: Iterable[Site]) -> tuple[Site, ...]:
    """Concatenate catalogs; a later site is dropped when an earlier one has the same name
    (case-insensitive): the built-in catalog, passed first, wins. Sites that share a check URL
    are all kept: they are decided together, on one request (`decide_group`)."""
    out: list[Site] = []
    names: set[str] = set()
    for group in (first, *more):
        for s in group:
            if s.key in names:
                continue
            names.add(s.key)
            out.append(s)
    return tuple(out)


def sites_dir(data_dir: Path) -> Path:
    return private_dir(data_dir / SITES_SUBDIR)


def downloaded_file(data_dir: Path) -> Path:
    """Where `footprint sites update` stores the WhatsMyName data."""
    return data_dir / SITES_SUBDIR / WMN_FILE


# --- the disabled list ----------------------------------------------------------------------


def load_disabled(data_dir: Path | None) -> dict[str, dict[str, str]]:
    """Sites the self-test disabled: case-folded name → {"name", "reason", "on"}. A missing or
    unreadable list disables nothing (and is logged: the next self-test rewrites it)."""
    if data_dir is None:
        return {}
    path = data_dir / SITES_SUBDIR / DISABLED_FILE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["disabled"]
        return {
            str(k).casefold(): {"name": str(v.get("name", k)), "reason": str(v.get("reason", "")),
                                "on": str(v.get("on", ""))}
            for k, v in entries.items()
        }
    except (OSError, ValueError, KeyError, AttributeError, TypeError):
        log.warning("the disabled-sites list %s is unreadable; run `footprint sites selftest` to "
                    "rewrite it", path)
        return {}


def save_disabled(data_dir: Path, disabled: dict[str, dict[str, str]]) -> Path:
    path = sites_dir(data_dir) / DISABLED_FILE
    body = {
        "about": "Sites disabled by `footprint sites selftest`: the accounts probe does not check "
                 "them. Delete an entry (or run the self-test again) to re-enable a site.",
        "disabled": dict(sorted(disabled.items())),
    }
    return write_private(path, json.dumps(body, indent=2, ensure_ascii=False) + "\n")


# --- downloading the WhatsMyName data -------------------------------------------------------


@dataclass(frozen=True)
class UpdateResult:
    """What `update` stored."""

    path: Path
    """The stored data file."""
    license_path: Path
    """The licence and attribution saved beside it."""
    sites: int
    """Valid site definitions in the file."""
    problems: tuple[str, ...]
    """Definitions dropped as invalid."""
    license: tuple[str, ...]
    """The data's licence lines, to show the user."""


MIN_SITES = 50
"""A download with fewer valid sites is refused: it is truncated or the format changed."""
MAX_BAD_SHARE = 0.10
"""A download where more than this share of entries is invalid is refused (format change)."""


def update(fetcher: Fetcher, data_dir: Path, url: str = WMN_URL) -> UpdateResult:
    """Download the WhatsMyName data, validate it and store it (0600) with its licence beside
    it. The previous file is kept when the new one does not validate."""
    try:
        resp = fetcher.fetch(url)
    except FetchError as e:
        raise DownloadError(f"WhatsMyName data: download failed ({e.reason})") from None
    if resp.status != 200:
        raise DownloadError(f"WhatsMyName data: download failed (HTTP {resp.status})")
    try:
        data = json.loads(resp.body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DownloadError(
            "WhatsMyName data: the download is not valid JSON (truncated? try again)"
        ) from None
    loaded = parse_sites(data, "WhatsMyName data", origin="WhatsMyName", strict=False)
    total = len(loaded.sites) + len(loaded.problems)
    if len(loaded.sites) < MIN_SITES or (total and len(loaded.problems) / total > MAX_BAD_SHARE):
        raise DownloadError(
            f"WhatsMyName data: only {len(loaded.sites)} of {total} site definitions are valid; "
            "the format may have changed. The previous data (if any) is kept."
        )
    folder = sites_dir(data_dir)
    path = write_private(folder / WMN_FILE, resp.body)
    lic = loaded.license or (
        "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)",
    )
    text = "\n".join([
        "WhatsMyName data (wmn-data.json)",
        f"Source: {url}",
        f"Downloaded: {dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()}",
        "",
        *lic,
        "",
        "This file is third-party data under its own licence (CC BY-SA 4.0, share-alike).",
        "footprint does not ship it; it was downloaded at your request and is read from here.",
        "If you share the file or data derived from it, keep this licence and attribution.",
        "",
    ])
    lic_path = write_private(folder / LICENSE_FILE, text)
    return UpdateResult(path, lic_path, len(loaded.sites), loaded.problems, tuple(lic))


# --- self-test -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """One self-test request."""

    account: str
    """The username tried (a known account or a random one)."""
    expected: State
    """"exists" for a known account, "missing" for a random one."""
    got: Decision
    """What the site's rule made of the answer."""


@dataclass(frozen=True)
class SiteTest:
    """The self-test verdict on one site."""

    site: str
    """Site name."""
    verdict: Literal["ok", "disable", "inconclusive"]
    """ok: known accounts exist and random ones are missing; disable: the rule answers wrongly
    (claims a random username exists, or reports every known account missing); inconclusive:
    blocked or unexpected answers."""
    reason: str
    """One line a user can read."""
    checks: tuple[Check, ...] = ()


@dataclass(frozen=True)
class SelftestReport:
    """Results of one self-test run."""

    results: tuple[SiteTest, ...]
    on: str = field(default_factory=lambda: dt.date.today().isoformat())
    """Date of the run (ISO)."""

    @property
    def disabled(self) -> tuple[SiteTest, ...]:
        return tuple(r for r in self.results if r.verdict == "disable")

    @property
    def passed(self) -> tuple[SiteTest, ...]:
        return tuple(r for r in self.results if r.verdict == "ok")

    def apply(self, current: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        """The disabled list after this run: failing sites added, passing ones re-enabled,
        inconclusive and untested ones left as they were."""
        out = dict(current)
        names = {r.site.casefold(): r for r in self.results}
        for key, r in names.items():
            if r.verdict == "disable":
                out[key] = {"name": r.site, "reason": r.reason, "on": self.on}
            elif r.verdict == "ok":
                out.pop(key, None)
        return out


def random_username(rng: random.Random, length: int = 12) -> str:
    """A username nobody plausibly holds: a letter, then letters and digits."""
    first = rng.choice(string.ascii_lowercase)
    rest = "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(length - 1))
    return first + rest


def _verdict(site: Site, checks: Sequence[Check]) -> SiteTest:
    known = [c for c in checks if c.expected == EXISTS]
    rand = [c for c in checks if c.expected == MISSING]
    false_pos = [c for c in rand if c.got.state == EXISTS]
    if false_pos:
        return SiteTest(site.name, "disable",
                        f"claims {len(false_pos)} of {len(rand)} random usernames exist "
                        "(false positives)", tuple(checks))
    if known and all(c.got.state == MISSING for c in known):
        return SiteTest(site.name, "disable",
                        "reports every known account missing (the rule or the site changed)",
                        tuple(checks))
    unsure = [c for c in checks if c.got.state == NOT_CHECKED]
    if unsure:
        reasons = sorted({c.got.reason for c in unsure})
        return SiteTest(site.name, "inconclusive", "not checked: " + "; ".join(reasons)[:200],
                        tuple(checks))
    gone = [c for c in known if c.got.state == MISSING]
    note = f" ({len(gone)} known account(s) reported missing)" if gone else ""
    return SiteTest(site.name, "ok", "known accounts exist, random ones are missing" + note,
                    tuple(checks))


def _test_site(site: Site, randoms: Sequence[str], fetcher: Fetcher, offline: bool) -> SiteTest:
    checks = [Check(k, EXISTS, check_account(site, k, fetcher, offline=offline))
              for k in site.known]
    checks += [Check(r, MISSING, check_account(site, r, fetcher, offline=offline))
               for r in randoms]
    return _verdict(site, checks)


def selftest(
    sites: Sequence[Site],
    fetcher: Fetcher,
    rng: random.Random,
    *,
    randoms: int = 2,
    offline: bool = False,
    workers: int = 1,
    progress: Callable[[SiteTest], None] | None = None,
) -> SelftestReport:
    """Check every site's known accounts (must exist) and `randoms` random usernames (must be
    missing). Random names are drawn from `rng` in site order before any request, so a seeded
    run is reproducible whatever the concurrency."""
    plan = [(s, [random_username(rng) for _ in range(randoms)]) for s in sites]
    results: list[SiteTest] = []
    if workers <= 1:
        for s, rs in plan:
            r = _test_site(s, rs, fetcher, offline)
            results.append(r)
            if progress:
                progress(r)
    else:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="selftest") as pool:
            futs = [pool.submit(_test_site, s, rs, fetcher, offline) for s, rs in plan]
            for f in futs:
                r = f.result()
                results.append(r)
                if progress:
                    progress(r)
    return SelftestReport(tuple(results))


def valid_username(value: str) -> bool:
    """True for a handle footprint will put in a URL (letters, digits, '.', '_', '-')."""
    return bool(_ACCOUNT_RE.match(value))


# --- assembling the catalog an audit uses -----------------------------------------------------


@dataclass(frozen=True)
class Catalog:
    """The sites an audit may check, in priority order (built-in first), and notes about what
    was left out while loading (no usernames in them)."""

    sites: tuple[Site, ...]
    notes: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    """Every category the catalogs declare or use, in first-seen order."""

    def adult_categories(self) -> tuple[str, ...]:
        """The categories whose names mark adult sites, as this catalog spells them."""
        return tuple(c for c in self.categories if is_adult_category(c))


@dataclass(frozen=True)
class Selection:
    """Which sites of a catalog an audit checks, and why the others are left out."""

    checked: tuple[Site, ...]
    """Sites the audit checks, catalog order."""
    left_out: tuple[tuple[Site, str, str], ...]
    """(site, kind, reason) for sites that cannot be checked: kind is "invalid", "disabled" or
    "protected" (a coverage gap the report lists)."""
    by_choice: tuple[tuple[Site, str], ...]
    """(site, reason) for sites the options leave out (`sites`, `exclude`, categories)."""
    excluded_categories: tuple[tuple[str, int], ...]
    """(category, number of sites) left out by `exclude_categories`, for the report."""

    def groups(self) -> tuple[tuple[Site, ...], ...]:
        """Checked sites that share one request for any username (same method, URL, body and
        headers), first-seen order: decided together."""
        probe = "footprint-probe-user"
        out: dict[str, list[Site]] = {}
        for s in self.checked:
            out.setdefault(s.request_key(probe), []).append(s)
        return tuple(tuple(g) for g in out.values())


def select(
    catalog: Catalog,
    *,
    only: Iterable[str] = (),
    exclude: Iterable[str] = (),
    exclude_categories: Iterable[str] = (ADULT,),
    include_protected: bool = False,
    disabled: dict[str, dict[str, str]] | None = None,
) -> Selection:
    """The sites an audit checks. `exclude_categories` takes category names as the catalog
    spells them, and `"adult"` for every adult-named category (`Catalog.adult_categories`).
    Names in `only` / `exclude` are matched case-insensitively (unknown names are the caller's
    to reject)."""
    wanted = {n.casefold() for n in only}
    excluded = {n.casefold() for n in exclude}
    cats: set[str] = set()
    for c in exclude_categories:
        if c.casefold() == ADULT:
            cats.update(a.casefold() for a in catalog.adult_categories())
        else:
            cats.add(c.casefold())
    disabled = disabled or {}
    checked: list[Site] = []
    left_out: list[tuple[Site, str, str]] = []
    by_choice: list[tuple[Site, str]] = []
    per_cat: dict[str, int] = {}
    for s in catalog.sites:
        if wanted and s.key not in wanted:
            by_choice.append((s, "not in the `sites` option"))
            continue
        if s.key in excluded:
            by_choice.append((s, "in the `exclude` option"))
            continue
        if s.cat.casefold() in cats:
            per_cat[s.cat] = per_cat.get(s.cat, 0) + 1
            why = "adult category" if is_adult_category(s.cat) else "excluded category"
            by_choice.append((s, f"{why} '{s.cat}' (exclude_categories)"))
            continue
        if not s.valid:
            left_out.append((s, "invalid", "its rule is marked invalid by its maintainers"))
        elif s.key in disabled:
            d = disabled[s.key]
            left_out.append((s, "disabled",
                             f"disabled by the self-test on {d['on']}: {d['reason']}"))
        elif s.protections and not include_protected:
            left_out.append((s, "protected",
                             f"protected ({', '.join(s.protections)}); set "
                             "include_protected = true under [probes.accounts] to try"))
        else:
            checked.append(s)
    return Selection(tuple(checked), tuple(left_out), tuple(by_choice),
                     tuple(sorted(per_cat.items())))


def _summarise(problems: Sequence[str], source: str) -> str:
    first = problems[0] if problems else ""
    return (f"{source}: {len(problems)} site definition(s) invalid and not used "
            f"(first: {first[:160]})")


def load_catalog(
    data_dir: Path | None,
    *,
    sites_file: Path | None = None,
    use_downloaded: bool = True,
) -> Catalog:
    """Built-in rules, then `sites_file` (a WhatsMyName-format file the user points to), then
    the downloaded WhatsMyName data. A `sites_file` that cannot be read is an error (the user
    asked for it); a damaged download is a note (run `footprint sites update` again)."""
    groups: list[tuple[Site, ...]] = [builtin_sites()]
    notes: list[str] = []
    declared: list[str] = []
    if sites_file is not None:
        loaded = load_sites_file(sites_file)
        if loaded.problems:
            notes.append(_summarise(loaded.problems, sites_file.name))
        groups.append(loaded.sites)
        declared.extend(loaded.categories)
    if use_downloaded and data_dir is not None:
        path = downloaded_file(data_dir)
        if path.is_file():
            try:
                loaded = load_sites_file(path, origin="WhatsMyName")
            except SitesError as e:
                notes.append(
                    f"downloaded WhatsMyName data not used: {e}; run `footprint sites update`"
                )
            else:
                if loaded.problems:
                    notes.append(_summarise(loaded.problems, "WhatsMyName data"))
                groups.append(loaded.sites)
                declared.extend(loaded.categories)
    sites = merge(*groups)
    categories = tuple(dict.fromkeys([*declared, *(s.cat for s in sites)]))
    return Catalog(sites, tuple(notes), categories)
