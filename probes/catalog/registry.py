"""The California data-broker registry as remediation entries: which registered broker runs a
site, where its own deletion (CCPA-rights) page is, and whether it holds people-search data.

The registry is open data published by the California Privacy Protection Agency (CPPA); every
registered broker must also honour a deletion request sent through DROP (see the remediation's
first step for California residents). footprint ships an extract of the 2025 registry (The
Markup / CalMatters' file, Apache-2.0: `ca_registry.json`, licence beside it) and reads a newer
registry file when `footprint brokers update FILE` stored one in the data folder.

`read_registry_csv` takes the CPPA's CSV export (or a republished copy with the registry's own
column labels) or The Markup's extract; columns are found by their labels (the broker's name,
its website, the page on exercising CCPA rights or deleting data, and a people-search column if
the file has one). The registry has no people-search field of its own: where the file says
nothing, an entry counts as people-search when its site is a people-search site of footprint's
brokers catalog, and `people_search_from` says which it was.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from footprint.errors import FootprintError

BUILTIN_PATH = Path(__file__).with_name("ca_registry.json")
REGISTRY_SUBDIR = "brokers"
REGISTRY_FILE = "ca-registry.json"
REGISTRY_NAME = "California Data Broker Registry (CPPA)"
REGISTRY_URL = "https://cppa.ca.gov/data_broker_registry/"
MIN_ENTRIES = 50
"""A registry file with fewer usable rows is refused: truncated, or not the registry."""


class RegistryError(FootprintError):
    """A registry file cannot be read. The message names the file and what is expected, never
    a value from it."""

    exit_code = 2


@dataclass(frozen=True)
class RegistryEntry:
    """One registered data broker, as a remediation entry."""

    name: str
    """The registrant's name as registered ("Private Records LLC")."""
    domain: str
    """Host of its website (or of its deletion page when the file gives no website), without
    "www."."""
    website: str | None
    """Its website as registered."""
    deletion_url: str | None
    """Its page on deleting personal information / exercising CCPA rights."""
    people_search: bool | None
    """It holds people-search data: True, False, or None when nothing says (see
    `people_search_from`)."""
    people_search_from: str = ""
    """"registry" (the file says), "catalog" (its site is a people-search site of footprint's
    brokers catalog) or "" (nothing says: `people_search` is None)."""
    also: tuple[str, ...] = ()
    """Other registrants that gave the same deletion page."""

    def owns(self, url: str) -> bool:
        host = _host(url)
        return bool(host) and (host == self.domain or host.endswith("." + self.domain))


@dataclass(frozen=True)
class Registry:
    """The registry entries footprint uses."""

    entries: tuple[RegistryEntry, ...]
    source: str
    """Where they were read from: the built-in extract or the file stored by an update."""
    as_of: str
    """Date of the registry data (ISO), as its file states it or as given at update."""

    def for_url(self, url: str) -> RegistryEntry | None:
        """The registered broker whose site holds the URL's host, or None."""
        host = _host(url)
        if not host:
            return None
        labels = host.split(".")
        for i in range(len(labels) - 1):
            e = _index(self).get(".".join(labels[i:]))
            if e is not None:
                return e
        return None


_INDEXES: dict[int, tuple[tuple[RegistryEntry, ...], dict[str, RegistryEntry]]] = {}


def _index(reg: Registry) -> dict[str, RegistryEntry]:
    """The registry's entries by domain, built once per loaded registry (found by identity:
    hashing its ~500 entries on every look-up cost more than the look-up)."""
    cached = _INDEXES.get(id(reg.entries))
    if cached is not None and cached[0] is reg.entries:
        return cached[1]
    out: dict[str, RegistryEntry] = {}
    for e in reg.entries:
        if e.domain:
            out.setdefault(e.domain, e)
    if len(_INDEXES) > 8:
        _INDEXES.clear()
    _INDEXES[id(reg.entries)] = (reg.entries, out)
    return out


def _host(url: str) -> str:
    try:
        host = (urlsplit(url if "://" in url else f"https://{url}").hostname or "").lower()
    except ValueError:
        return ""
    return host.rstrip(".").removeprefix("www.")


# --- reading a registry file ------------------------------------------------------------------

_NAME = ("company_name", "data broker name", "broker name", "business name", "name")
_NOT_NAME = ("dba", "doing business", "contact", "email", "file", "user")


def _find(headers: list[str], want: tuple[str, ...], avoid: tuple[str, ...] = ()) -> int | None:
    low = [h.strip().lower() for h in headers]
    for w in want:
        for i, h in enumerate(low):
            if w in h and not any(a in h for a in avoid):
                return i
    return None


def _columns(headers: list[str]) -> dict[str, int | None]:
    return {
        "name": _find(headers, _NAME, _NOT_NAME),
        "website": _find(headers, ("primary website", "website", "hostname_original", "domain"),
                         ("ccpa", "rights", "delete", "opt", "privacy")),
        "deletion": _find(headers, ("url_original", "delete", "ccpa", "exercise", "rights",
                                    "opt-out", "opt out", "privacy")),
        "people_search": _find(headers, ("people search", "people-search", "people_search")),
        "also": _find(headers, ("other_company_names",)),
    }


def _cell(row: list[str], i: int | None) -> str:
    return row[i].strip() if i is not None and i < len(row) else ""


def _yes(value: str) -> bool:
    return value.strip().lower() in ("yes", "y", "true", "1", "x")


def _url(value: str) -> str | None:
    v = value.strip()
    if not v or " " in v:
        return None
    if "://" not in v:
        v = "https://" + v
    try:
        parts = urlsplit(v)
    except ValueError:
        return None
    return v if parts.scheme in ("http", "https") and parts.hostname else None


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # spreadsheet exports


def read_registry_csv(path: Path, *, as_of: str | None = None) -> Registry:
    """Read a registry CSV (the CPPA's export or The Markup's extract). Rows without a name are
    skipped; a file without the columns needed is refused with one line."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise RegistryError(f"{path}: file not found") from None
    except OSError as e:
        raise RegistryError(f"{path}: cannot read the file ({e.strerror})") from None
    rows = list(csv.reader(io.StringIO(_decode(raw))))
    # Some exports put a title line above the header: the header is the first row that names
    # the broker's name column.
    start = next((i for i, r in enumerate(rows[:5]) if _columns(r)["name"] is not None), None)
    if start is None:
        raise RegistryError(f"{path}: not a data-broker registry file (expected a header row with "
                            "a column for the broker's name, such as 'Data broker name' or "
                            "'company_name')")
    cols = _columns(rows[start])
    if cols["deletion"] is None and cols["website"] is None:
        raise RegistryError(f"{path}: no column for the broker's website or its deletion / CCPA "
                            "rights page")
    entries: list[RegistryEntry] = []
    seen: set[tuple[str, str]] = set()
    for row in rows[start + 1:]:
        name = _cell(row, cols["name"])
        if not name:
            continue
        website = _url(_cell(row, cols["website"]))
        deletion = _url(_cell(row, cols["deletion"]))
        domain = _host(website or deletion or "")
        key = (name.casefold(), domain)
        if key in seen:
            continue
        seen.add(key)
        stated = _cell(row, cols["people_search"])
        also = tuple(x.strip() for x in re.split(r"[;|]", _cell(row, cols["also"])) if x.strip())
        entries.append(RegistryEntry(
            name=" ".join(name.split()), domain=domain, website=website, deletion_url=deletion,
            people_search=_yes(stated) if stated else None,
            people_search_from="registry" if stated else "",
            also=also,
        ))
    if len(entries) < MIN_ENTRIES:
        raise RegistryError(f"{path}: only {len(entries)} registry rows with a broker's name; "
                            "this does not look like the whole registry")
    date = as_of or _date_in_name(Path(path).name) or dt.date.fromtimestamp(
        Path(path).stat().st_mtime).isoformat()
    return Registry(tuple(entries), Path(path).name, date)


def _date_in_name(name: str) -> str | None:
    m = re.search(r"(20\d\d)-(\d\d)-(\d\d)", name)
    return "-".join(m.groups()) if m else None


# --- the entries footprint uses ---------------------------------------------------------------


def _with_catalog(entries: tuple[RegistryEntry, ...]) -> tuple[RegistryEntry, ...]:
    """Mark as people-search the entries the file says nothing about whose site is a
    people-search site of the brokers catalog."""
    from . import broker_for_url

    out = []
    for e in entries:
        if not e.people_search_from:
            b = None
            for url in (e.website, e.deletion_url, e.domain):
                if url:
                    b = broker_for_url(url if "://" in url else f"https://{url}/")
                if b is not None:
                    break
            if b is not None and b.kind == "people-search":
                e = RegistryEntry(e.name, e.domain, e.website, e.deletion_url, True, "catalog",
                                  e.also)
        out.append(e)
    return tuple(out)


def _from_json(data: Any, source: str) -> Registry:
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise RegistryError(f"{source}: not a registry extract (expected an object with "
                            "\"entries\")")
    entries = []
    for i, raw in enumerate(data["entries"]):
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            raise RegistryError(f"{source}: entries[{i}]: expected an object with a name")
        entries.append(RegistryEntry(
            name=raw["name"], domain=str(raw.get("domain") or ""),
            website=raw.get("website"), deletion_url=raw.get("deletion_url"),
            people_search=raw.get("people_search") if isinstance(raw.get("people_search"), bool)
            else None,
            people_search_from=str(raw.get("people_search_from") or ""),
            also=tuple(raw.get("also") or ()),
        ))
    return Registry(_with_catalog(tuple(entries)), str(data.get("source") or source),
                    str(data.get("as_of") or ""))


def stored_file(data_dir: Path) -> Path:
    """Where `footprint brokers update` keeps the registry."""
    return data_dir / REGISTRY_SUBDIR / REGISTRY_FILE


@functools.lru_cache(maxsize=8)
def _load_file(path: Path, mtime: float) -> Registry:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise RegistryError(f"{path}: unreadable registry extract; run `footprint brokers "
                            "update FILE` again") from None
    return _from_json(data, str(path))


def load_registry(data_dir: Path | None) -> Registry:
    """The registry stored by `footprint brokers update` in the data folder, else the built-in
    extract."""
    path = stored_file(data_dir) if data_dir is not None else None
    if path is None or not path.is_file():
        path = BUILTIN_PATH
    return _load_file(path, path.stat().st_mtime)


def update_registry(src: Path, data_dir: Path, *, as_of: str | None = None) -> tuple[Registry, Path]:
    """Read a registry CSV and store its entries (0600, in a 0700 folder) as the registry
    audits use from now on. The previous file is kept when the new one does not read."""
    from footprint.paths import private_dir, write_private

    reg = read_registry_csv(src, as_of=as_of)
    body = {
        "about": f"Entries of the {REGISTRY_NAME} read by `footprint brokers update` from "
                 f"{Path(src).name}: registrant, website, deletion page.",
        "registry": REGISTRY_URL,
        "source": Path(src).name,
        "as_of": reg.as_of,
        "entries": [{k: v for k, v in asdict(e).items() if v not in (None, (), "")}
                    for e in reg.entries],
    }
    folder = private_dir(data_dir / REGISTRY_SUBDIR)
    path = write_private(folder / REGISTRY_FILE,
                         json.dumps(body, indent=1, ensure_ascii=False) + "\n")
    return _from_json(body, str(path)), path


__all__ = ["Registry", "RegistryEntry", "RegistryError", "load_registry", "read_registry_csv",
           "stored_file", "update_registry"]
