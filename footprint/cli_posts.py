"""`footprint posts` (the judge's own public posts, a private section for the judge) and
`footprint court-accounts` (a court's official accounts against its social-media rules).
Registered on the main CLI; each parses, calls the core (`footprint.posts`, `footprint.court`)
and prints a short summary without personal values."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from .cli import _check_out_dir, app, out
from .errors import UsageError
from .web.base import Fetcher


def _fetcher(web_archive: Path | None, network, contact: str | None):  # type: ignore[no-untyped-def]
    """The web archive's fetcher offline; the project's polite HTTP client live (no cache: a
    post deleted since the last run must not be read from an old copy)."""
    from .paths import data_dir

    if web_archive is not None:
        from .web.archive import WebArchive

        archive = WebArchive.open(web_archive, data_dir() / "cache")
        return archive.fetcher(), archive.close
    from .web.http import HttpFetcher

    f = HttpFetcher(network, cache_path=None, contact=contact)
    return f, f.close


def _target(out_dir: Path | None, kind: str) -> tuple[Path, bool]:
    from .paths import data_dir

    if out_dir is not None:
        _check_out_dir(out_dir)
        return out_dir, False
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return data_dir() / kind / stamp, True


def run_posts(profile: Path, web_archive: Path | None, out_dir: Path | None, rules: Path | None,
              max_posts: int, archive: bool) -> Path:
    from . import posts
    from .posts import report
    from .posts.rules import Lexicons
    from .profile import load_profile

    if not 1 <= max_posts <= 5000:
        raise UsageError(f"--max-posts {max_posts}: expected a number from 1 to 5000")
    prof = load_profile(profile)
    if prof.consent.purpose not in ("self-audit", "training"):
        raise UsageError(f"{profile}: consent.purpose: `footprint posts` reads the judge's own posts "
                         "for the judge alone: expected \"self-audit\" (or \"training\" for a "
                         "fictitious judge)")
    if not prof.subject.accounts:
        raise UsageError(f"{profile}: subject.accounts: none listed (expected [[subject.accounts]] "
                         "tables with platform and handle, or a blog's url)")
    lex = Lexicons.load(rules)
    target, ours = _target(out_dir, "posts")
    fetcher, close = _fetcher(web_archive, prof.network, prof.audit.contact)
    try:
        result = posts.run(prof, fetcher, lex, max_posts=max_posts, use_archive=archive)
    finally:
        close()
    v = report.view(result, prof, lex.files)
    written = report.write(v, target, ours=ours)
    s = v["summary"]
    if prof.training:
        out.print("[bold magenta]TRAINING — a fictitious judge's posts[/]")
    out.print("[bold red]PRIVATE — for the judge only[/] (not stored, never part of an audit report)")
    for a in v["accounts"]:
        arch = a["archive"]
        line = f"  {a['account']}: {a['status']} — {a['reason']}"
        if arch is not None:
            line += (f"; web archive: {arch['archived_posts']} posts not read live, "
                     f"{arch['deleted_posts']} deleted" if arch["status"] == "checked"
                     else f"; web archive not checked: {arch['reason']}")
        out.print(line, markup=False, highlight=False, soft_wrap=True)
    out.print(f"{s['posts_reviewed']} posts reviewed, {s['posts_flagged']} flagged "
              f"({s['deleted_posts']} deleted but still in the web archive); "
              + ", ".join(f"{r['id']}: {r['posts']}" for r in v["rules"]),
              markup=False, highlight=False, soft_wrap=True)
    out.print(f"Written to [bold]{escape(str(target))}[/]: " + ", ".join(p.name for p in written))
    return target


@app.command("posts")
def posts_cmd(
    profile: Annotated[Path, typer.Argument(help="The profile TOML file ([[subject.accounts]] lists the judge's accounts).")],
    web_archive: Annotated[Path | None, typer.Option("--web-archive", help="Read offline from a WARC file or a folder of them.")] = None,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Folder for posts.html and posts.json (created 0700). Default: the data folder's posts/<time>.")] = None,
    rules: Annotated[Path | None, typer.Option("--rules", help="A folder of lexicon TOML files that extend the built-in ones.")] = None,
    max_posts: Annotated[int, typer.Option("--max-posts", help="Posts read per account, newest first (1-5000).")] = 200,
    no_archive: Annotated[bool, typer.Option("--no-archive", help="Do not ask the web archive for copies of the accounts' pages.")] = False,
) -> None:
    """Review the judge's own public posts (Mastodon, Bluesky, Reddit, blogs) and the web archive's copies of deleted ones against named rules: a private section for the judge only."""
    run_posts(profile, web_archive, out_dir, rules, max_posts, not no_archive)


@app.command("court-accounts")
def court_accounts_cmd(
    court: Annotated[Path, typer.Argument(help="The COURT.toml file: the court's names, logo, contact details, languages and official accounts.")],
    web_archive: Annotated[Path | None, typer.Option("--web-archive", help="Read offline from a WARC file or a folder of them.")] = None,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Folder for court-accounts.html and .json. Default: the data folder's court-accounts/<time>.")] = None,
    rules: Annotated[Path | None, typer.Option("--rules", help="A folder of lexicon TOML files that extend the built-in ones.")] = None,
) -> None:
    """Check a court's official social-media accounts against its rules: name, handle pattern, logo, contact details, languages, political/advertising/petition content; and list what only the court's officer can check."""
    run_court(court, web_archive, out_dir, rules)


def run_court(court: Path, web_archive: Path | None, out_dir: Path | None,
              rules: Path | None) -> Path:
    from .court import check_court, load_court, report
    from .posts.rules import Lexicons

    cfg = load_court(court)
    lex = Lexicons.load(rules)
    target, ours = _target(out_dir, "court-accounts")
    from .profile import NetworkSettings

    fetcher: Fetcher
    fetcher, close = _fetcher(web_archive, NetworkSettings(), cfg.contact)
    try:
        result = check_court(cfg, fetcher, lex)
    finally:
        close()
    v = report.view(result)
    written = report.write(v, target, ours=ours)
    for a in v["accounts"]:
        counts = a["counts"]
        out.print(f"  {a['platform']} {a['handle']}: {counts['pass']} pass, {counts['fail']} fail, "
                  f"{counts['not checkable']} not checkable", markup=False, highlight=False,
                  soft_wrap=True)
    out.print(f"{len(v['manual'])} items for the court's officer to check by hand.")
    out.print(f"Written to [bold]{escape(str(target))}[/]: " + ", ".join(p.name for p in written))
    return target
