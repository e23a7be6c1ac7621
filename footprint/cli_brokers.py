"""`footprint brokers …`: the people-search catalog and the California data-broker registry —
list what footprint knows (sites, parent companies, how each was verified) and load a newer
registry file. Mounted on the main CLI as `brokers`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

brokers_app = typer.Typer(
    help="The people-search catalog and the California data-broker registry (list, update).",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()


@brokers_app.command("list")
def list_brokers(
    country: Annotated[str | None, typer.Option("--country", help="Only sites listing people of this country (US, GB, …).")] = None,
) -> None:
    """Show the catalog's sites with their company, opt-out page and how their facts were
    verified, then the registry footprint uses."""
    from probes.catalog import load_brokers, load_companies
    from probes.catalog.registry import load_registry

    from .paths import data_dir

    brokers = [b for b in load_brokers()
               if country is None or country.upper() in (b.country, *b.countries)]
    t = Table(title=f"People-search and data-broker sites ({len(brokers)})")
    for col in ("id", "site", "company", "opt-out", "verification"):
        t.add_column(col)
    for b in brokers:
        t.add_row(escape(b.id), escape(b.name), escape(b.group), escape(b.opt_out_url or ""),
                  escape(b.verification))
    out.print(t)
    live = sum(b.verified_live for b in brokers)
    out.print(f"{len({b.group for b in brokers})} removal groups; {len(load_companies())} companies "
              f"run several sites; {live} of {len(brokers)} sites verified live.",
              markup=False, highlight=False)
    reg = load_registry(data_dir())
    ps = sum(e.people_search is True for e in reg.entries)
    out.print(f"California registry: {len(reg.entries)} registered brokers from {reg.source} "
              f"(as of {reg.as_of}); {ps} hold people-search data as far as footprint knows. "
              "Load a newer registry file with `footprint brokers update FILE`.",
              markup=False, highlight=False)


@brokers_app.command()
def update(
    file: Annotated[Path, typer.Argument(help="The registry as CSV: the CPPA's export, or The Markup's extract.")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date of the registry data (YYYY-MM-DD; default: from the file name).")] = None,
) -> None:
    """Load a California data-broker registry file: its brokers become remediation entries
    (name, site, deletion page) for every later report."""
    import datetime as dt

    from probes.catalog.registry import RegistryError, update_registry

    from .paths import data_dir

    if as_of is not None:
        try:
            dt.date.fromisoformat(as_of)
        except ValueError:
            raise RegistryError(f"--as-of {as_of}: expected a date such as 2026-09-01") from None
    reg, path = update_registry(file, data_dir(), as_of=as_of)
    stated = sum(e.people_search_from == "registry" for e in reg.entries)
    ps = sum(e.people_search is True for e in reg.entries)
    out.print(f"Stored {len(reg.entries)} registered brokers (as of {reg.as_of}) in "
              f"[bold]{escape(str(path))}[/].")
    out.print(f"{ps} hold people-search data "
              + ("(as the file states)." if stated else
                 "(the file has no such column: those whose site is in footprint's catalog)."),
              markup=False, highlight=False)
