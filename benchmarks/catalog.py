"""How much of the public people-search landscape the brokers catalog knows: its coverage of the
best-known manual opt-out guide (BADBOOL, yaelwrites/Big-Ass-Data-Broker-Opt-Out-List) and of
DuckDuckGo's broker definitions (duckduckgo/apple-browsers, one JSON file per site, with parent
sites and mirror sites), counted by site and by company, and whether every parent / mirror link
those lists state is recorded in the catalog. Also counts the California data-broker registry's
entries footprint loads as remediation entries.

    .venv/bin/python benchmarks/catalog.py                     # the facts in benchmarks/data/
    .venv/bin/python benchmarks/catalog.py --badbool README.md --ddg JSON_DIR [--registry CSV]
    .venv/bin/python benchmarks/catalog.py --badbool … --ddg … --extract benchmarks/data/public-lists.json

The lists themselves are not shipped: `benchmarks/data/public-lists.json` holds only the facts
read from them (site names, domains, parent and mirror links, with the list's date), extracted by
`--extract` from the real files. BADBOOL is CC BY-NC-SA (facts only, no text, are taken);
DuckDuckGo's definitions are Apache-2.0.

Prints one table per list (sites covered, companies covered fully and in part, links recorded)
and the sites and links still missing. Exit code 0 when every list reaches the 90 % target by
site and every link is recorded, else 1.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from probes.catalog import Broker, load_brokers  # noqa: E402

FACTS = Path(__file__).with_name("data") / "public-lists.json"
TARGET = 0.90
# Hosts BADBOOL links to that are not the listed site itself (forms, help pages, tools).
THIRD_PARTY = {
    "google.com", "microsoft.com", "onetrust.com", "trustarc.com", "signal.org", "ko-fi.com",
    "yaelwrites.com", "consumer.drop.privacy.ca.gov", "privacy.ca.gov",
}


# --- the lists --------------------------------------------------------------------------------


@dataclass
class ListSite:
    """One people-search site a public list names."""

    name: str
    domain: str
    company: str
    """The company the list puts it under (its parent, or the site itself)."""


@dataclass
class Link:
    """A parent or mirror link a list states: `site` belongs to `parent` (a site or a company)."""

    site: str
    """Site name or domain."""
    parent: str
    """Parent site's domain, or a company name."""
    kind: str
    """"parent" or "mirror"."""
    as_of: str
    """Date the list states it (its update date, or the mirror's addedAt)."""


@dataclass
class PublicList:
    name: str
    source: str
    as_of: str
    sites: list[ListSite] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def domain_of(url_or_host: str) -> str:
    """The registrable domain, for the .com/.org/.net/.id/.run/.report hosts these lists use."""
    host = url_or_host
    if "://" in url_or_host:
        host = urlsplit(url_or_host).hostname or ""
    host = host.lower().strip().strip(".")
    labels = host.split(".")
    return ".".join(labels[-2:]) if len(labels) >= 2 else host


_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_OWNS = re.compile(r"^(.*?)\s+(?:also\s+)?owns\s+(.+?)(?:, so .*)?$")


def _plain(text: str) -> str:
    return _LINK.sub(lambda m: m.group(1), text)


def _norm(name: str) -> str:
    n = name.lower().replace("’", "'")
    n = re.sub(r"\.(com|net|org|us|id)\b", "", n)
    return re.sub(r"[^a-z0-9]+", "", n)


def read_badbool(readme: Path) -> PublicList:
    """The "People Search Sites" section: one site per `###` heading (its first link's domain),
    and every "X owns A, B and C." sentence as parent links."""
    text = readme.read_text("utf-8")
    m = re.search(r"most recently updated on ([A-Z][a-z]+ \d{1,2}, \d{4})", text)
    import datetime as dt

    as_of = dt.datetime.strptime(m.group(1), "%B %d, %Y").date().isoformat() if m else ""
    section = text.split("## People Search Sites", 1)[1].split("\n## ", 1)[0]
    out = PublicList("BADBOOL", "https://github.com/yaelwrites/Big-Ass-Data-Broker-Opt-Out-List",
                     as_of)
    owners: dict[str, str] = {}
    for block in section.split("\n### ")[1:]:
        head, _, body = block.partition("\n")
        name = re.sub(r"^[^\w]+", "", head).strip()
        domains = [domain_of(u) for _, u in _LINK.findall(body) if "://" in u]
        domains = [d for d in domains if d not in THIRD_PARTY and
                   not any(d.endswith("." + t) or d == t for t in THIRD_PARTY)]
        if not domains:
            continue
        out.sites.append(ListSite(name, domains[0], name))
        sentences = re.split(r"(?<=[a-z)])\.\s+", _plain(body).replace("\n", " "))
        for owner, owned in (m.groups() for m in map(_OWNS.match, sentences) if m):
            owned = owned.rstrip(".")
            owner = re.split(r"[.()]\s*", owner)[-1].strip()
            for item in re.split(r",\s*(?:and\s+)?|\s+and\s+", owned):
                item = item.strip()
                if item:
                    owners[item] = owner.strip()
                    out.links.append(Link(item, owner.strip(), "parent", as_of))
    by_norm = {_norm(s.name): s for s in out.sites}
    for owned, owner in owners.items():
        site = by_norm.get(_norm(owned))
        if site is not None:
            site.company = owner
    return out


def read_ddg(folder: Path, as_of: str) -> PublicList:
    """Every broker JSON file (the test broker excluded): its site, its parent site, and its
    mirror sites with the date each was added."""
    import datetime as dt

    out = PublicList("DuckDuckGo broker definitions",
                     "https://github.com/duckduckgo/apple-browsers", as_of)
    for path in sorted(folder.glob("*.json")):
        d = json.loads(path.read_text("utf-8"))
        if "fake" in d.get("name", "").lower() or not d.get("url"):
            continue
        parent = d.get("parent")
        out.sites.append(ListSite(d["name"], domain_of(d["url"]), parent or d["url"]))
        if parent:
            out.links.append(Link(d["url"], parent, "parent", as_of))
        for mirror in d.get("mirrorSites", []):
            if mirror.get("removedAt"):
                continue
            added = mirror.get("addedAt")
            when = (dt.datetime.fromtimestamp(added / 1000, dt.UTC).date().isoformat()
                    if isinstance(added, int) else as_of)
            out.sites.append(ListSite(mirror["name"], domain_of(mirror["url"]), d["url"]))
            out.links.append(Link(mirror["url"], d["url"], "mirror", when))
    return out


def read_registry(path: Path) -> list[dict[str, str]]:
    """Rows of a California registry extract: name, domain, deletion link."""
    from probes.catalog.registry import read_registry_csv

    return [{"name": e.name, "domain": e.domain, "url": e.deletion_url or ""}
            for e in read_registry_csv(path).entries]


def extract(lists: Iterable[PublicList], registry: list[dict[str, str]] | None) -> dict[str, Any]:
    return {
        "about": "Facts read from public lists by benchmarks/catalog.py --extract (names, "
                 "domains, parent and mirror links with dates); no text of the lists.",
        "lists": [
            {"name": pl.name, "source": pl.source, "as_of": pl.as_of,
             "sites": [vars(s) for s in pl.sites], "links": [vars(x) for x in pl.links]}
            for pl in lists
        ],
        # the registry's rows themselves ship as probes/catalog/ca_registry.json
        "registry_rows": len(registry or []),
    }


def load_facts(path: Path) -> tuple[list[PublicList], int]:
    data = json.loads(path.read_text("utf-8"))
    lists = []
    for raw in data["lists"]:
        pl = PublicList(raw["name"], raw["source"], raw["as_of"])
        pl.sites = [ListSite(**s) for s in raw["sites"]]
        pl.links = [Link(**x) for x in raw["links"]]
        lists.append(pl)
    return lists, int(data.get("registry_rows", 0))


# --- matching against the catalog -------------------------------------------------------------


class Catalog:
    def __init__(self, brokers: tuple[Broker, ...]) -> None:
        self.brokers = brokers
        self.by_domain = {d: b for b in brokers for d in b.domains}
        self.by_name = {_norm(b.name): b for b in brokers}
        from probes.catalog import load_companies

        self.companies = load_companies()

    def find(self, name: str, domain: str = "") -> Broker | None:
        if domain:
            d = domain_of(domain)
            if d in self.by_domain:
                return self.by_domain[d]
        return self.by_name.get(_norm(name)) or (
            self.by_domain.get(domain_of(name)) if "." in name else None)

    def group_of_company(self, name: str) -> str | None:
        """The catalog group a company name (or one of its other names) stands for."""
        key = _norm(name)
        for c in self.companies:
            if key in {_norm(c.name), *map(_norm, c.also_known_as)}:
                return c.name
        b = self.find(name)
        return b.group if b else None

    def brand_of(self, name: str) -> str | None:
        """The company that lists `name` among its brands (sites named without a domain)."""
        key = _norm(name)
        for c in self.companies:
            if key in map(_norm, c.brands):
                return c.name
        return None


def measure(pl: PublicList, cat: Catalog) -> dict[str, Any]:
    found = [(s, cat.find(s.name, s.domain)) for s in pl.sites]
    missing_sites = [s for s, b in found if b is None]
    companies: dict[str, list[Broker | None]] = {}
    for s, b in found:
        companies.setdefault(s.company, []).append(b)
    full = [c for c, bs in companies.items() if all(bs)]
    part = [c for c, bs in companies.items() if any(bs) and not all(bs)]
    missing_links = []
    for link in pl.links:
        site = cat.find(link.site, link.site if "." in link.site else "")
        parent_group = (cat.find(link.parent, link.parent).group
                        if "." in link.parent and cat.find(link.parent, link.parent)
                        else cat.group_of_company(link.parent))
        if site is None:
            # a brand the list names without a site of its own, or another name of the
            # company itself: recorded on the company
            if parent_group and parent_group in (cat.brand_of(link.site),
                                                 cat.group_of_company(link.site)):
                continue
            missing_links.append(f"{link.site} → {link.parent} (site not in the catalog)")
        elif parent_group is None or site.group != parent_group:
            missing_links.append(f"{link.site} → {link.parent} (catalog: {site.group})")
        elif not _link_sourced(site, link):
            missing_links.append(f"{link.site} → {link.parent} (no source and date recorded)")
    return {
        "sites": len(pl.sites), "covered": len(pl.sites) - len(missing_sites),
        "companies": len(companies), "companies_full": len(full), "companies_part": len(part),
        "links": len(pl.links), "links_recorded": len(pl.links) - len(missing_links),
        "missing_sites": [f"{s.name} ({s.domain})" for s in missing_sites],
        "missing_links": missing_links,
    }


def _link_sourced(site: Broker, link: Link) -> bool:
    """The catalog records the site's parent (or mirror) relation with a source and a date."""
    return any(r.kind in ("parent", "mirror") and r.source and r.as_of for r in site.relations)


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.0f} %" if d else "—"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--badbool", type=Path, help="BADBOOL's README.md")
    ap.add_argument("--ddg", type=Path, help="folder of DuckDuckGo's broker JSON files")
    ap.add_argument("--ddg-date", default="2025-02-20", help="date of that DuckDuckGo snapshot")
    ap.add_argument("--registry", type=Path, help="California registry CSV (CPPA or The Markup)")
    ap.add_argument("--extract", type=Path, help="write the facts read to this JSON file")
    args = ap.parse_args(argv)
    if args.badbool or args.ddg:
        lists = []
        if args.badbool:
            lists.append(read_badbool(args.badbool))
        if args.ddg:
            lists.append(read_ddg(args.ddg, args.ddg_date))
        rows = read_registry(args.registry) if args.registry else []
        registry = len(rows)
        if args.extract:
            args.extract.parent.mkdir(parents=True, exist_ok=True)
            args.extract.write_text(json.dumps(extract(lists, rows), indent=1) + "\n",
                                    encoding="utf-8")
            print(f"facts written to {args.extract}")
    else:
        lists, registry = load_facts(FACTS)
    cat = Catalog(load_brokers())
    ok = True
    print(f"Brokers catalog: {len(cat.brokers)} sites, {len({b.group for b in cat.brokers})} "
          f"removal groups (companies or single sites), {len(cat.companies)} companies named")
    for pl in lists:
        m = measure(pl, cat)
        print(f"\n{pl.name} (as of {pl.as_of})")
        print(f"  sites covered      {m['covered']:>4} / {m['sites']:<4} {pct(m['covered'], m['sites'])}")
        print(f"  companies, all their sites  {m['companies_full']:>3} / {m['companies']:<3} "
              f"{pct(m['companies_full'], m['companies'])}   (some sites: {m['companies_part']})")
        print(f"  parent/mirror links recorded {m['links_recorded']:>3} / {m['links']}")
        for s in m["missing_sites"]:
            print(f"    missing site: {s}")
        for x in m["missing_links"]:
            print(f"    missing link: {x}")
        ok &= m["covered"] >= TARGET * m["sites"] and not m["missing_links"]
    if registry:
        from probes.catalog.registry import load_registry

        loaded = load_registry(None)
        doms = {e.domain for e in loaded.entries}
        ps = [b for b in cat.brokers if b.country == "US" and b.kind == "people-search"]
        reg = [b for b in ps if any(d in doms for d in b.domains)]
        print(f"\nCalifornia registry: {registry} rows in the file read, "
              f"{len(loaded.entries)} remediation entries loaded ({loaded.source}); "
              f"{sum(e.people_search is True for e in loaded.entries)} marked people-search; "
              f"{len(reg)} of the catalog's {len(ps)} US people-search sites are registered")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
