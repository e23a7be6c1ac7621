"""The command line: parses, calls the core, maps domain errors to one line and an exit code.

Exit codes: 0 ok; 1 audit or runtime error; 2 bad input (profile, archive, options);
3 store error; 130 interrupted (resume with --resume).
"""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import __version__
from .errors import FootprintError

app = typer.Typer(
    help="Audit how exposed a judge and the judge's consenting family are online, and how to "
    "shrink that exposure. Only people who consented are searched for.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

FORMATS = ("html", "json", "csv", "pdf")


def _version(value: bool) -> None:
    if value:
        out.print(f"footprint {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details (never personal values).")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


# --- check -----------------------------------------------------------------------------


@app.command()
def check(
    profile: Annotated[Path, typer.Argument(help="The profile TOML file.")],
) -> None:
    """Validate a profile and show who will be audited, with which probes, and who will not."""
    from probes import registry

    from .masking import mask_name
    from .planner import plan
    from .profile import load_profile

    prof = load_profile(profile)
    registry.validate_names(prof.probes.enabled)
    if prof.training:
        out.print("[bold magenta]TRAINING AUDIT — fictitious person[/]")
    out.print(f"Profile [bold]{escape(str(profile))}[/] is valid. Purpose: {prof.consent.purpose}; "
              f"consent recorded on {prof.consent.authorized_on}.")
    t = Table(title="People")
    for col in ("id", "relation", "name (masked)", "audited", "why"):
        t.add_column(col)
    for p in prof.people:
        t.add_row(p.id, p.relation, escape(mask_name(p.name)), "yes", "consented")
    for x in prof.excluded:
        t.add_row(x.id, x.relation, "—", "[red]no[/]", escape(x.reason))
    out.print(t)
    queries = plan(prof)
    pt = Table(title="Probes")
    pt.add_column("probe")
    pt.add_column("runs")
    pt.add_column("what it does")
    for name, target in registry.available().items():
        enabled = name in prof.probes.enabled
        desc = ""
        try:
            desc = registry.load(name).description
        except (ImportError, AttributeError, FootprintError):
            desc = f"({target})"
        pt.add_row(escape(name), "[green]yes[/]" if enabled else "no (not enabled)", escape(desc))
    out.print(pt)
    per_person: dict[str, int] = {}
    for q in queries:
        per_person[q.person] = per_person.get(q.person, 0) + 1
    out.print("Web queries planned: " + ", ".join(f"{k}: {v}" for k, v in per_person.items()))


# --- audit -----------------------------------------------------------------------------


def _parse_formats(value: str) -> list[str]:
    fmts = [f.strip().lower() for f in value.split(",") if f.strip()]
    bad = [f for f in fmts if f not in FORMATS]
    if bad or not fmts:
        raise typer.BadParameter(f"unknown format {bad[0] if bad else '(none)'}; use a comma-separated list of {', '.join(FORMATS)}")
    return fmts


def _run_audit(
    profile_path: Path,
    web_archive: Path | None,
    out_dir: Path | None,
    formats: list[str],
    resume: bool,
    encrypt_to: list[str],
    passphrase: bool,
    templates: Path | None = None,
    paper: str | None = None,
    pdf_optional: bool = False,
) -> Path:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from reports import PdfUnavailableError, write_reports

    from .engine import Auditor
    from .engine import Progress as EngineProgress
    from .paths import check_writable, data_dir, private_dir
    from .profile import load_profile
    from .store import open_store
    from .web.factory import open_web

    prof = load_profile(profile_path)
    _check_report_options(templates, paper)
    pw = _passphrase() if passphrase else None
    ddir = data_dir()
    if out_dir is not None:  # a bad --out folder must cost a second, not a whole audit
        private_dir(out_dir, ours=False)
        check_writable(out_dir)
    web = open_web(prof, web_archive, ddir)
    with open_store(ddir) as store, Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=not err.is_terminal,
    ) as bar:
        task = bar.add_task("starting", total=None)

        def stage(name: str, total: int) -> None:
            bar.reset(task, description=name, total=total)

        prog = EngineProgress(stage=stage, advance=lambda n: bar.advance(task, n))
        auditor = Auditor(prof, web, store, data_dir=ddir, progress=prog)
        try:
            result = auditor.run(resume=resume)
        except KeyboardInterrupt:
            err.print(f"Interrupted. What was found is kept; continue with: footprint audit {profile_path} --resume"
                      + (f" --web-archive {web_archive}" if web_archive else ""))
            raise typer.Exit(130) from None
        finally:
            web.fetcher.close()
    target = out_dir or (ddir / "reports" / result.id)
    _summary(result, prof)
    pdf_error: PdfUnavailableError | None = None
    try:
        private_dir(target, ours=out_dir is None)
        written = write_reports(result, target, formats, encrypt_to=encrypt_to, passphrase=pw, profile=prof,
                                templates_dir=templates, paper=paper)
    except PdfUnavailableError as e:  # the other formats are written; say what PDF needs
        pdf_error, written = e, e.written
    except FootprintError as e:
        raise FootprintError(f"{e}; the audit {result.id} is stored: write its report with "
                             f"footprint report {result.id} --out DIR") from None
    out.print(f"Report written to [bold]{escape(str(target))}[/]:")
    for p in written:
        out.print(f"  {escape(p.name)}")
    if pdf_error is not None:
        if not pdf_optional:
            raise pdf_error
        err.print(f"footprint: report.pdf not written: {pdf_error}", markup=False, highlight=False)
    return target


def _check_report_options(templates: Path | None, paper: str | None) -> None:
    if templates is not None and not templates.is_dir():
        raise FootprintError(f"--templates {templates}: not a folder (expected a folder of Jinja2 templates)")
    if paper is not None and paper not in ("A4", "Letter"):
        raise FootprintError(f"--paper {paper}: expected A4 or Letter")


def _summary(result, profile) -> None:  # type: ignore[no-untyped-def]
    """The terminal summary, from the same masked view as the report (triage labels count)."""
    from reports import build_view, summary_lines

    for line in summary_lines(build_view(result, profile=profile)):
        out.print(line, markup=False, highlight=False)


def _passphrase() -> str:
    env = os.environ.get("FOOTPRINT_PASSPHRASE")
    if env:
        return env
    if not sys.stdin.isatty():
        raise FootprintError("--passphrase needs a terminal to type it in, or FOOTPRINT_PASSPHRASE set")
    return typer.prompt("Passphrase for the encrypted report", hide_input=True, confirmation_prompt=True)


@app.command()
def audit(
    profile: Annotated[Path, typer.Argument(help="The profile TOML file.")],
    web_archive: Annotated[Path | None, typer.Option("--web-archive", help="Run offline against a WARC file or a folder of them.")] = None,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Folder for the report (created 0700). Default: the data folder's reports/<audit id>.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="Comma-separated: html,json,csv,pdf.")] = "html,json",
    resume: Annotated[bool, typer.Option("--resume", help="Continue this profile's interrupted audit.")] = False,
    encrypt_to: Annotated[list[str] | None, typer.Option("--encrypt-to", help="age recipient (age1…); repeatable. Outputs carry full values, encrypted.")] = None,
    passphrase: Annotated[bool, typer.Option("--passphrase", help="Encrypt outputs with a passphrase (asked, or FOOTPRINT_PASSPHRASE).")] = False,
    templates: Annotated[Path | None, typer.Option("--templates", help="A court's own report and letter templates (searched before the built-in ones).")] = None,
    paper: Annotated[str | None, typer.Option("--paper", help="A4 or Letter (default: Letter in the US and Canada, else A4).")] = None,
) -> None:
    """Run an audit of the people in PROFILE who consented, and write the report."""
    _run_audit(profile, web_archive, out_dir, _parse_formats(fmt), resume, encrypt_to or [], passphrase,
               templates, paper)


@app.command()
def demo(
    out_dir: Annotated[Path | None, typer.Option("--out", help="Folder for the demo report.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="Comma-separated: html,json,csv,pdf.")] = "html,json,csv,pdf",
) -> None:
    """Audit the bundled fictitious judge offline (training mode) and show where the report is."""
    from . import demo as demo_data

    demo_data.ensure_generated()
    formats = _parse_formats(fmt)
    target = out_dir or Path.cwd() / "footprint-demo-report"
    _run_audit(demo_data.profile_path(), demo_data.archive_path(), target, formats, False, [], False,
               pdf_optional=True)
    out.print(f"Open [bold]{escape(str(target / 'report.html'))}[/] in a browser.")


# --- audits, report, triage, purge ------------------------------------------------------------


@app.command("audits")
def list_audits(
    profile_id: Annotated[str | None, typer.Option("--profile", help="Only this profile id.")] = None,
) -> None:
    """List past audits with their status and number of findings."""
    from .paths import data_dir
    from .store import open_store

    with open_store(data_dir()) as store:
        rows = store.audits(profile_id)
    if not rows:
        out.print("No audits stored.")
        return
    t = Table(title="Audits")
    for col in ("id", "profile", "purpose", "started", "status", "searches", "pages", "findings"):
        t.add_column(col)
    for r in rows:
        t.add_row(r.id, r.profile_id, r.purpose, r.started, r.status, str(r.queries), str(r.pages), str(r.findings))
    out.print(t)


@app.command()
def report(
    audit_id: Annotated[str, typer.Argument(help="Audit id (see `footprint audits`).")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the report.")],
    fmt: Annotated[str, typer.Option("--format", help="Comma-separated: html,json,csv,pdf.")] = "html,json",
    templates: Annotated[Path | None, typer.Option("--templates", help="A court's own report and letter templates.")] = None,
    paper: Annotated[str | None, typer.Option("--paper", help="A4 or Letter.")] = None,
    encrypt_to: Annotated[list[str] | None, typer.Option("--encrypt-to", help="age recipient (age1…) or SSH public key; repeatable. Outputs carry full values, encrypted.")] = None,
    passphrase: Annotated[bool, typer.Option("--passphrase", help="Encrypt outputs with a passphrase (asked, or FOOTPRINT_PASSPHRASE).")] = False,
    profile: Annotated[Path | None, typer.Option("--profile", help="The audited profile: only needed for a masked report of an audit stored by an older footprint.")] = None,
) -> None:
    """Write the report of a stored audit again: masked like the audit's own report, or with full values encrypted (--encrypt-to / --passphrase) from the values the store keeps sealed."""
    from reports import crypto, write_reports
    from reports.stored import load_audit

    from .paths import data_dir, private_dir
    from .profile import load_profile
    from .store import open_store

    formats = _parse_formats(fmt)
    _check_report_options(templates, paper)
    prof = load_profile(profile) if profile is not None else None
    pw = _passphrase() if passphrase else None
    encrypt = bool(encrypt_to) or pw is not None
    if encrypt:  # a malformed recipient fails here, before anything is written
        crypto.recipients(encrypt_to or [], pw)
    with open_store(data_dir()) as store:
        stored = load_audit(store, audit_id, prof)
    if not encrypt:
        stored.require_masking_values("a masked report")
    private_dir(out_dir, ours=False)
    for p in write_reports(stored.result, out_dir, formats, encrypt_to=encrypt_to or [], passphrase=pw,
                           profile=prof, secrets=stored.secrets, templates_dir=templates, paper=paper):
        out.print(f"  {escape(str(p))}")


@app.command("open")
def open_(
    audit_id: Annotated[str, typer.Argument(help="Audit id (see `footprint audits`).")],
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Do not start a browser: print the one-time address to open on this machine.")] = False,
    timeout: Annotated[int, typer.Option("--timeout", help="Seconds to wait for the browser (1-3600).")] = 300,
    templates: Annotated[Path | None, typer.Option("--templates", help="A court's own report and letter templates.")] = None,
    profile: Annotated[Path | None, typer.Option("--profile", help="The audited profile: fills the sender's name into the letters.")] = None,
) -> None:
    """Show a stored audit's full report (full values, working links, full letters) in a browser on this machine, without writing it to disk."""
    import webbrowser

    from reports import build_view
    from reports.html import render_html
    from reports.stored import load_audit

    from .paths import data_dir
    from .profile import load_profile
    from .store import open_store
    from .viewer import OneShotViewer

    if not 1 <= timeout <= 3600:
        raise typer.BadParameter(f"{timeout}: expected a number of seconds from 1 to 3600",
                                 param_hint="--timeout")
    _check_report_options(templates, None)
    prof = load_profile(profile) if profile is not None else None
    with open_store(data_dir()) as store:
        stored = load_audit(store, audit_id, prof)
    view = build_view(stored.result, full=True, profile=prof, redactor=stored.redactor(),
                      templates_dir=templates, links=True)
    viewer = OneShotViewer(render_html(view, templates_dir=templates).encode("utf-8"),
                           timeout=timeout)

    def ready(url: str) -> None:
        out.print(f"Audit {escape(audit_id)}: the full report is served once, from memory, at",
                  highlight=False)
        out.print(f"  {url}", soft_wrap=True, markup=False, highlight=False)  # never broken
        out.print(f"(this machine only; it stops once the page is shown, or after {timeout} s).",
                  highlight=False)
        if not no_browser and not webbrowser.open(url):
            out.print("No browser could be started here: open the address above yourself.")

    if not viewer.serve(ready):
        raise FootprintError(f"the report was not opened within {timeout} s; nothing was written to disk")
    out.print("Shown. Nothing was written to disk; close the tab when you are done.")


@app.command()
def triage(
    finding_id: Annotated[str, typer.Argument(help="Finding id (or a unique prefix) from a report.")],
    label: Annotated[str, typer.Argument(help="confirmed | not-me | clear")],
) -> None:
    """Label a finding; the label survives re-audits of the same profile."""
    from .engine import now_iso
    from .paths import data_dir
    from .store import open_store

    labels = {"confirmed": "confirmed", "not-me": "not me", "clear": None}
    if label not in labels:
        raise typer.BadParameter("label must be confirmed, not-me or clear")
    if not re.fullmatch(r"[0-9a-f]{4,16}", finding_id):
        raise typer.BadParameter("a finding id is 4 to 16 hexadecimal characters, as shown in the report")
    with open_store(data_dir()) as store:
        matches = list(store.find_finding(finding_id))
        ids = {(a, p) for a, p in matches}
        if not matches:
            raise FootprintError(f"no stored finding with id '{finding_id}'")
        profiles = {p for _, p in ids}
        full = {r[0] for r in store.db.execute("SELECT DISTINCT id FROM findings WHERE id LIKE ?", (finding_id + "%",))}
        if len(full) > 1:
            raise FootprintError(f"'{finding_id}' matches several findings; give more characters")
        for prof in profiles:
            store.set_triage(prof, full.pop() if len(full) == 1 else finding_id, labels[label], now_iso())
    out.print(f"Finding {finding_id}: {label}")


@app.command()
def purge(
    audit_id: Annotated[str | None, typer.Option("--audit", help="Delete one audit.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Delete every stored audit, the HTTP cache and the store key.")] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete stored audit data for good."""
    import shutil

    from .paths import data_dir
    from .store import open_store

    if bool(audit_id) == all_:
        raise typer.BadParameter("give exactly one of --audit ID or --all")
    ddir = data_dir()
    if all_:
        if not yes and not typer.confirm(f"Delete every audit and cache in {ddir}?"):
            raise typer.Exit(1)
        with open_store(ddir) as store:
            n = store.delete_all()
        for name in ("footprint.sqlite3", "footprint.sqlite3-wal", "footprint.sqlite3-shm", "store.key"):
            (ddir / name).unlink(missing_ok=True)
        for sub in ("cache", "reports"):
            shutil.rmtree(ddir / sub, ignore_errors=True)
        out.print(f"Deleted {n} audits, the caches, stored reports and the store key from {ddir}.")
        return
    with open_store(ddir) as store:
        if not store.delete_audit(audit_id or ""):
            raise FootprintError(f"no stored audit with id '{audit_id}' (see `footprint audits`)")
        store.vacuum()
    shutil.rmtree(ddir / "reports" / (audit_id or "_"), ignore_errors=True)
    out.print(f"Deleted audit {audit_id}.")


def _mount_subcommands() -> None:
    try:
        from .cli_sites import sites_app
    except ImportError:
        return
    app.add_typer(sites_app, name="sites", help="Manage the account-site definitions (list, update, selftest).")


_mount_subcommands()


def main(argv: list[str] | None = None) -> int:
    """Entry point: one line per error, never a traceback (set FOOTPRINT_DEBUG=1 to see one)."""
    try:
        app(args=argv, prog_name="footprint", standalone_mode=False)
    except FootprintError as e:
        err.print(f"footprint: {e}", markup=False, highlight=False)
        return e.exit_code
    except typer.Exit as e:
        return e.exit_code
    except typer.Abort:
        err.print("footprint: aborted")
        return 1
    except KeyboardInterrupt:
        err.print("footprint: interrupted")
        return 130
    except Exception as e:  # the last line of defence: no traceback with possible personal data
        # click's usage errors (typer vendors its own click, so match by shape, not class)
        show, code = getattr(e, "show", None), getattr(e, "exit_code", None)
        if callable(show) and isinstance(code, int):
            show()
            return code
        if os.environ.get("FOOTPRINT_DEBUG"):
            raise
        err.print(f"footprint: internal error ({type(e).__name__}); run with FOOTPRINT_DEBUG=1 to see details")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
