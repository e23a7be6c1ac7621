"""`footprint sites …`: list the account-site rules, download the WhatsMyName data, and self-test
the rules live (disabling those that answer wrongly). Mounted on the main CLI as `sites`."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .errors import FootprintError, UsageError
from .web.base import Fetcher

sites_app = typer.Typer(
    help="Manage the account-site rules the accounts probe uses (list, update, selftest).",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()


def _live_fetcher() -> Fetcher:
    """The project's HTTP client with default network settings and no cache (a self-test must
    see today's answers)."""
    from .profile import NetworkSettings
    from .web.http import HttpFetcher

    return HttpFetcher(NetworkSettings(), cache_path=None, contact=None)


def _catalog(sites_file: Path | None):  # type: ignore[no-untyped-def]
    from .paths import data_dir
    from .sites import load_catalog

    ddir = data_dir()
    return ddir, load_catalog(ddir, sites_file=sites_file, use_downloaded=True)


@sites_app.command("list")
def list_sites(
    sites_file: Annotated[Path | None, typer.Option("--sites-file", help="Also read this WhatsMyName-format file.")] = None,
    profile: Annotated[Path | None, typer.Option("--profile", help="Apply this profile's [probes.accounts] options (default: the defaults).")] = None,
) -> None:
    """Show every site rule, where it comes from, and whether an audit checks it (and why not)."""
    from .sites import load_disabled, select

    options: dict[str, object] = {}
    where = "probes.accounts"
    if profile is not None:
        from .profile import load_profile

        prof = load_profile(profile)
        options = dict(prof.probes.options("accounts"))
        where = f"{profile}: probes.accounts"
        if sites_file is None and isinstance(options.get("sites_file"), str):
            sites_file = profile.parent / Path(str(options["sites_file"])).expanduser()
    from probes.accounts import AccountsOptions

    opts = AccountsOptions.parse(options, where)
    ddir, cat = _catalog(sites_file)
    sel = select(cat, only=opts.sites, exclude=opts.exclude,
                 exclude_categories=opts.exclude_categories,
                 include_protected=opts.include_protected, disabled=load_disabled(ddir))
    status: dict[str, str] = {s.key: "yes" for s in sel.checked}
    for s, _kind, why in sel.left_out:
        status[s.key] = f"no (not checked): {why}"
    for s, why in sel.by_choice:
        status[s.key] = f"no, by choice: {why}"
    shared: dict[str, str] = {}
    for group in sel.groups():
        if len(group) > 1:
            for s in group:
                shared[s.key] = "one request with " + ", ".join(x.name for x in group if x is not s)
    t = Table(title=f"Account sites ({len(cat.sites)})")
    for col in ("site", "category", "from", "request", "checked by audits", "rule verified"):
        t.add_column(col)
    for s in cat.sites:
        req = "POST" if s.post_body else "GET"
        if s.reads_redirects:
            req += ", redirect read"
        if s.key in shared:
            req += f"; {shared[s.key]}"
        verified = {None: "", True: "yes", False: "no"}[s.verified]
        # Names and categories come from third-party data: shown as text, never as markup.
        t.add_row(escape(s.name), escape(s.cat), escape(s.origin), escape(req),
                  escape(status[s.key]), verified)
    out.print(t)
    requests = len(sel.groups())
    out.print(f"An audit checks {len(sel.checked)} sites with {requests} requests per username; "
              f"{len(sel.left_out)} cannot be checked, {len(sel.by_choice)} left out by choice.",
              markup=False, highlight=False)
    for category, n in sel.excluded_categories:
        out.print(f"Category '{category}' left out ({n} sites): exclude_categories.",
                  markup=False, highlight=False)
    for n in cat.notes:
        out.print(f"[yellow]{escape(n)}[/]", markup=True, highlight=False)


@sites_app.command()
def update(
    url: Annotated[str | None, typer.Option("--url", help="Download from this address instead of WhatsMyName's.")] = None,
) -> None:
    """Download the WhatsMyName site data (CC BY-SA 4.0) into the data folder, with its licence."""
    from .paths import data_dir
    from .sites import WMN_URL
    from .sites import update as do_update

    if url is not None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UsageError("--url: expected an http(s) address of a WhatsMyName-format JSON file")
    fetcher = _live_fetcher()
    try:
        res = do_update(fetcher, data_dir(), url or WMN_URL)
    finally:
        fetcher.close()
    out.print(f"Stored {res.sites} site rules in [bold]{escape(str(res.path))}[/].")
    if res.problems:
        out.print(f"[yellow]{len(res.problems)} definitions were invalid and will not be used.[/]")
    out.print("Licence of this data (saved beside it as "
              f"[bold]{escape(res.license_path.name)}[/]):")
    for line in res.license:
        out.print(f"  {line}", markup=False, highlight=False)
    out.print("Audits now check these sites too (built-in rules win on a name clash). "
              "Run `footprint sites selftest` to disable rules that answer wrongly.")


@sites_app.command()
def selftest(
    site: Annotated[list[str] | None, typer.Option("--site", help="Only this site (repeatable).")] = None,
    include_protected: Annotated[bool, typer.Option("--include-protected", help="Also test sites marked as protected.")] = False,
    sites_file: Annotated[Path | None, typer.Option("--sites-file", help="Also test the rules of this WhatsMyName-format file.")] = None,
    save: Annotated[bool, typer.Option("--save/--no-save", help="Write the disabled-sites list that audits honour.")] = True,
    seed: Annotated[int | None, typer.Option("--seed", help="Seed for the random usernames (reproducible runs).")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=16, help="Sites tested at once.")] = 4,
) -> None:
    """Check every rule live: known accounts must exist, random usernames must be missing.
    Rules that answer wrongly are disabled for later audits."""
    from .sites import load_disabled, save_disabled
    from .sites import selftest as run_selftest

    ddir, cat = _catalog(sites_file)
    chosen = list(cat.sites)
    if site:
        want = {s.casefold() for s in site}
        unknown = want - {s.key for s in chosen}
        if unknown:
            raise UsageError(f"unknown site(s): {', '.join(sorted(unknown))} (see `footprint sites list`)")
        chosen = [s for s in chosen if s.key in want]
    else:
        chosen = [s for s in chosen if s.valid and (include_protected or not s.protections)]
    fetcher = _live_fetcher()
    try:
        with out.status(f"Testing {len(chosen)} sites…"):
            report = run_selftest(chosen, fetcher, random.Random(seed), workers=workers)
    finally:
        fetcher.close()
    colours = {"ok": "green", "disable": "red", "inconclusive": "yellow"}
    t = Table(title="Site self-test")
    for col in ("site", "verdict", "known accounts found", "random names missing", "why"):
        t.add_column(col)
    for r in report.results:
        known = [c for c in r.checks if c.expected == "exists"]
        rand = [c for c in r.checks if c.expected == "missing"]
        t.add_row(
            escape(r.site),
            f"[{colours[r.verdict]}]{r.verdict}[/]",
            f"{sum(c.got.state == 'exists' for c in known)}/{len(known)}" if known else "—",
            f"{sum(c.got.state == 'missing' for c in rand)}/{len(rand)}" if rand else "—",
            escape(r.reason),
        )
    out.print(t)
    inconclusive = sum(r.verdict == "inconclusive" for r in report.results)
    out.print(f"{len(report.passed)} ok, {len(report.disabled)} disabled, "
              f"{inconclusive} inconclusive.")
    if inconclusive and not report.passed and not report.disabled:
        # Nothing answered (offline, or every site blocked us): the run learned nothing.
        raise FootprintError("no site could be checked (offline, or every site blocked the "
                             "requests); the disabled-sites list is unchanged")
    if save:
        path = save_disabled(ddir, report.apply(load_disabled(ddir)))
        out.print(f"Disabled-sites list written to [bold]{escape(str(path))}[/]; "
                  "audits skip those sites.")
