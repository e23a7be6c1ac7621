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
from .errors import FootprintError, UsageError

app = typer.Typer(
    help="Audit how exposed a judge and the judge's consenting family are online, and how to "
    "shrink that exposure. Only people who consented are searched for.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True, soft_wrap=True)  # an error is one line, even on a narrow terminal

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
    _setup_probes(prof)
    _warn_profile(prof)
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


def _setup_probes(prof) -> None:  # type: ignore[no-untyped-def]
    """Set each enabled probe up as an audit would, without any network: what only a probe can
    check (a catalog file, site names, broker ids) fails here too, not an hour into an audit."""
    from probes import registry
    from probes.base import ProbeContext

    from .paths import data_dir

    for name in prof.probes.enabled:
        ctx = ProbeContext(profile=prof, fetcher=None, search=None, analyzer=None,  # type: ignore[arg-type]
                           options=prof.probes.options(name), offline=False,
                           data_dir=data_dir(create=False))
        registry.load(name)(ctx)


# --- audit -----------------------------------------------------------------------------


def _parse_formats(value: str) -> list[str]:
    fmts = [f.strip().lower() for f in value.split(",") if f.strip()]
    bad = [f for f in fmts if f not in FORMATS]
    if bad or not fmts:
        raise UsageError(f"--format: unknown format {bad[0] if bad else '(none)'}; "
                         f"use a comma-separated list of {', '.join(FORMATS)}")
    return list(dict.fromkeys(fmts))


def _check_out_dir(out_dir: Path) -> None:
    """A bad --out must cost a second, not a whole audit — and a stopped audit must not leave an
    empty folder behind: check the folder, or the nearest folder that exists above it, without
    creating anything."""
    probe = out_dir
    while not probe.exists() and not probe.is_symlink() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir():
        what = "is a file" if probe == out_dir else f"cannot be created: {probe} is not a folder"
        raise UsageError(f"--out {out_dir}: {what} (expected a folder for the report)")
    if not os.access(probe, os.W_OK | os.X_OK):
        what = "folder is not writable" if probe == out_dir else f"cannot be created: {probe} is not writable"
        raise UsageError(f"--out {out_dir}: {what}")


def _check_report_options(templates: Path | None, paper: str | None) -> None:
    if paper is not None and paper not in ("A4", "Letter"):
        raise UsageError(f"--paper {paper}: expected A4 or Letter")
    if templates is not None:
        from reports.preflight import check_templates

        check_templates(templates)


def _check_encryption(encrypt_to: list[str], passphrase: bool) -> str | None:
    """Validate recipients (and ask for the passphrase) before anything runs. The passphrase,
    if any, is returned for the report step."""
    if not encrypt_to and not passphrase:
        return None
    from reports import crypto

    if encrypt_to and passphrase:
        crypto.recipients(encrypt_to, "")  # raises: keys or a passphrase, not both
    pw = _passphrase() if passphrase else None
    crypto.recipients(encrypt_to, pw)
    return pw


def _resume_command(profile_path: Path, web_archive: Path | None, out_dir: Path | None,
                    formats: list[str], encrypt_to: list[str], passphrase: bool,
                    templates: Path | None, paper: str | None) -> str:
    """The command that continues this audit with the same outputs: absolute paths (it may be run
    from elsewhere, or by a scheduler), quoted for a shell."""
    import shlex

    def full(p: Path) -> str:
        return os.path.abspath(p)

    words = ["footprint", "audit", full(profile_path), "--resume"]
    if web_archive is not None:
        words += ["--web-archive", full(web_archive)]
    if out_dir is not None:
        words += ["--out", full(out_dir)]
    if formats != ["html", "json"]:
        words += ["--format", ",".join(formats)]
    for r in encrypt_to:
        words += ["--encrypt-to", r]
    if passphrase:
        words.append("--passphrase")
    if templates is not None:
        words += ["--templates", full(templates)]
    if paper is not None:
        words += ["--paper", paper]
    return shlex.join(words)


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
    from .paths import data_dir, private_dir
    from .profile import load_profile
    from .store import open_store
    from .web.factory import open_web

    # Everything the user typed is checked before the first search: an audit may take an hour.
    prof = load_profile(profile_path)
    _warn_profile(prof)
    _check_report_options(templates, paper)
    if out_dir is not None:
        _check_out_dir(out_dir)
    pw = _check_encryption(encrypt_to, passphrase)
    ddir = data_dir()
    web = open_web(prof, web_archive, ddir)
    resume_hint = _resume_command(profile_path, web_archive, out_dir, formats, encrypt_to, passphrase,
                                  templates, paper)
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
            bar.stop()
            err.print(f"footprint: interrupted. What was found is kept; continue with: {resume_hint}",
                      markup=False, highlight=False)
            raise typer.Exit(130) from None
        finally:
            web.fetcher.close()
    target = out_dir or (ddir / "reports" / result.id)
    _summary(result)
    pdf_error: PdfUnavailableError | None = None
    rewrite = f"footprint report {result.id} --out DIR"
    try:
        private_dir(target, ours=out_dir is None)
        written = write_reports(result, target, formats, encrypt_to=encrypt_to, passphrase=pw, profile=prof,
                                templates_dir=templates, paper=paper)
    except PdfUnavailableError as e:  # the other formats are written; say what PDF needs
        pdf_error, written = e, e.written
    except FootprintError as e:
        raise FootprintError(f"{e}; the audit {result.id} is stored: write its report with {rewrite}") from None
    except KeyboardInterrupt:
        err.print(f"footprint: interrupted while writing the report; the audit {result.id} is stored: "
                  f"write its report with {rewrite}", markup=False, highlight=False)
        raise typer.Exit(130) from None
    out.print(f"Report written to [bold]{escape(str(target))}[/]:")
    for p in written:
        out.print(f"  {escape(p.name)}")
    if pdf_error is not None:
        if not pdf_optional:
            raise pdf_error
        err.print(f"footprint: report.pdf not written: {pdf_error}", markup=False, highlight=False)
    return target


def _warn_profile(prof) -> None:  # type: ignore[no-untyped-def]
    for w in prof.warnings:
        err.print(f"footprint: warning: {w}", markup=False, highlight=False)


def _summary(result) -> None:  # type: ignore[no-untyped-def]
    from collections import Counter

    from .risk import counts as counted

    confirmed = [f for f in result.findings if counted(f)]
    not_me = sum(f.triage == "not me" for f in result.findings)
    possible = len(result.findings) - len(confirmed) - not_me
    counts = Counter(f.severity.value for f in confirmed)
    label = "TRAINING audit (fictitious person) " if result.training else "Audit "
    out.print(f"{label}{result.id}: {len(confirmed)} findings "
              + ", ".join(f"{k} {counts[k]}" for k in ("critical", "high", "medium", "low", "info") if counts[k])
              + (f"; {possible} possible matches to review" if possible else "")
              + (f"; {not_me} marked not me" if not_me else "")
              + f"; {result.queries} searches, {result.pages} pages.", soft_wrap=True)
    if result.skipped:
        out.print(f"[yellow]{len(result.skipped)} sources could not be checked (listed in the report).[/]")


def _passphrase() -> str:
    if "FOOTPRINT_PASSPHRASE" in os.environ:
        env = os.environ["FOOTPRINT_PASSPHRASE"]
        if not env.strip():
            raise UsageError("--passphrase: FOOTPRINT_PASSPHRASE is set but empty")
        return env
    if not sys.stdin.isatty():
        raise UsageError("--passphrase needs a terminal to type it in, or FOOTPRINT_PASSPHRASE set")
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
    if "html" in formats:
        out.print(f"Open [bold]{escape(str(target / 'report.html'))}[/] in a browser.")


# --- audits, report, triage, purge ------------------------------------------------------------

_AUDIT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def _check_audit_id(audit_id: str) -> None:
    if not _AUDIT_ID.fullmatch(audit_id):  # anything else is not echoed back
        raise UsageError("not an audit id (expected an id as `footprint audits` lists it, "
                         "e.g. 20261120-093000-a1b2c3)")



@app.command("audits")
def list_audits(
    profile_id: Annotated[str | None, typer.Option("--profile", help="Only this profile id.")] = None,
) -> None:
    """List past audits with their status and number of findings."""
    from .paths import data_dir
    from .store import open_store

    with open_store(data_dir()) as store:
        rows = store.audits(profile_id)
        # A stopped or killed audit has no totals yet: count what it recorded so far.
        done = {r.id: store.count_units(r.id) for r in rows if r.status != "finished"}
    if not rows:
        out.print("No audits stored.")
        return
    counted = [(r, *done.get(r.id, (r.queries, r.pages))) for r in rows]
    if out.width < 100:
        # Narrow terminal: one audit per line, id first and whole (a table would cut or fold it).
        for r, q, p in counted:
            out.print(f"{escape(r.id)}  {r.status}  {escape(r.profile_id)} ({r.purpose}): {q} searches, "
                      f"{p} pages, {r.findings} findings", soft_wrap=True, highlight=False)
        return
    t = Table(title="Audits")
    # Ids are what `report`, `triage` and `purge` take: never cut.
    t.add_column("id (started UTC)", no_wrap=True, min_width=max(len(r.id) for r in rows))
    for col in ("profile", "purpose", "status", "searches", "pages", "findings"):
        t.add_column(col, justify="right" if col in ("searches", "pages", "findings") else "left")
    for r, q, p in counted:
        t.add_row(escape(r.id), escape(r.profile_id), r.purpose, r.status, str(q), str(p), str(r.findings))
    out.print(t)


@app.command()
def report(
    audit_id: Annotated[str, typer.Argument(help="Audit id (see `footprint audits`).")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the report.")],
    fmt: Annotated[str, typer.Option("--format", help="Comma-separated: html,json,csv,pdf.")] = "html,json",
    templates: Annotated[Path | None, typer.Option("--templates", help="A court's own report and letter templates.")] = None,
    paper: Annotated[str | None, typer.Option("--paper", help="A4 or Letter.")] = None,
) -> None:
    """Write the report of a stored audit again (masked values; full values only in the audit's own encrypted output)."""
    from reports import write_reports

    from .model import AuditResult, PersonStatus
    from .paths import data_dir, private_dir
    from .store import open_store

    formats = _parse_formats(fmt)
    _check_report_options(templates, paper)
    _check_out_dir(out_dir)
    _check_audit_id(audit_id)
    with open_store(data_dir()) as store:
        row = store.audit(audit_id)
        if row is None:
            raise UsageError(f"no stored audit with id '{audit_id}' (see `footprint audits`)")
        findings = store.findings(audit_id)
        skipped = store.skipped(audit_id)
        triage = store.triage(row.profile_id)
    import dataclasses

    findings = [dataclasses.replace(f, triage=triage.get(f.id)) for f in findings]
    findings.sort(key=lambda f: (f.severity.rank, f.possible_match, f.person, f.category.value, f.url))
    result = AuditResult(
        id=row.id, profile_id=row.profile_id, started=row.started, finished=row.finished,
        purpose=row.purpose, training=row.purpose == "training", jurisdiction=row.jurisdiction or "",
        language=row.language or "en", threshold=row.threshold if row.threshold is not None else 0.5,
        probes=row.probes, web_archive=row.web_archive,
        people=tuple(PersonStatus(**p) for p in row.people), findings=tuple(findings),
        skipped=tuple(skipped), queries=row.queries, pages=row.pages,
    )
    private_dir(out_dir, ours=False)
    for p in write_reports(result, out_dir, formats, templates_dir=templates, paper=paper):
        out.print(f"  {p}")


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
        raise UsageError("triage: the label must be confirmed, not-me or clear")
    if not re.fullmatch(r"[0-9a-f]{4,16}", finding_id):
        raise UsageError("triage: a finding id is 4 to 16 hexadecimal characters, as shown in the report")
    with open_store(data_dir()) as store:
        matches = list(store.find_finding(finding_id))
        ids = {(a, p) for a, p in matches}
        if not matches:
            raise UsageError(f"no stored finding with id '{finding_id}'")
        profiles = {p for _, p in ids}
        full = {r[0] for r in store.db.execute("SELECT DISTINCT id FROM findings WHERE id LIKE ?", (finding_id + "%",))}
        if len(full) > 1:
            raise UsageError(f"'{finding_id}' matches several findings; give more characters")
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
        raise UsageError("purge: give exactly one of --audit ID or --all")
    ddir = data_dir()
    if all_:
        if not yes and not typer.confirm(f"Delete every audit, cache, site list, loaded registry, stored report and the store key in {ddir}?"):
            err.print("footprint: nothing deleted")
            raise typer.Exit(1)
        n, kept = _purge_all(ddir)
        out.print(f"Deleted {n} audits, the caches, downloaded site lists, the loaded registry, stored reports and the store key "
                  f"from {escape(str(ddir))}.", soft_wrap=True)
        if kept:
            out.print(f"Left in place (not created by footprint): {escape(', '.join(kept))}", soft_wrap=True)
        return
    _check_audit_id(audit_id or "")
    with open_store(ddir) as store:
        if not store.delete_audit(audit_id or ""):
            raise UsageError(f"no stored audit with id '{audit_id}' (see `footprint audits`)")
        store.vacuum()
    shutil.rmtree(ddir / "reports" / (audit_id or "_"), ignore_errors=True)
    out.print(f"Deleted audit {audit_id}.")


DATA_FILES = ("footprint.sqlite3", "footprint.sqlite3-wal", "footprint.sqlite3-shm",
              "footprint.sqlite3-journal", "store.key")
"""Files footprint creates in its data folder: the audit store and its key."""
DATA_FOLDERS = ("cache", "reports", "sites", "brokers")
"""Folders footprint creates in its data folder: HTTP cache and archive indexes, reports written
without --out, site lists from `footprint sites update` and the self-test's disabled list, the
data-broker registry from `footprint brokers update`."""


def _purge_all(ddir: Path) -> tuple[int, list[str]]:
    """Delete everything footprint created in `ddir` (even when the store is unreadable); return
    the number of audits deleted and the names of entries left because footprint did not make
    them."""
    import shutil

    from .errors import StoreError
    from .store import open_store

    n = 0
    if (ddir / "footprint.sqlite3").exists():
        try:
            with open_store(ddir) as store:
                n = store.delete_all()
        except StoreError:
            pass  # a broken store is deleted all the same
    for name in DATA_FILES:
        (ddir / name).unlink(missing_ok=True)
    for sub in DATA_FOLDERS:
        if (ddir / sub).is_symlink():
            (ddir / sub).unlink()
        else:
            shutil.rmtree(ddir / sub, ignore_errors=True)
    kept = []
    for entry in sorted(ddir.iterdir()):
        if entry.name.startswith(".") and entry.name.endswith(".tmp"):  # a write cut short by a kill
            entry.unlink(missing_ok=True)
        else:
            kept.append(entry.name)
    return n, kept


def _mount_subcommands() -> None:
    try:
        from .cli_brokers import brokers_app
        from .cli_sites import sites_app
    except ImportError:
        return
    app.add_typer(sites_app, name="sites", help="Manage the account-site definitions (list, update, selftest).")
    app.add_typer(brokers_app, name="brokers",
                  help="The people-search catalog and the California data-broker registry (list, update).")


_mount_subcommands()


def main(argv: list[str] | None = None) -> int:
    """Entry point: one line per error, never a traceback (set FOOTPRINT_DEBUG=1 to see one).
    Exit codes as the README documents: 0 done, 1 runtime error, 2 bad input, 3 store error,
    130 interrupted."""
    try:
        # Not standalone: click returns a command's `typer.Exit` code instead of exiting.
        rc = app(args=argv, prog_name="footprint", standalone_mode=False)
    except FootprintError as e:
        err.print(f"footprint: {e}", markup=False, highlight=False)
        return e.exit_code
    except typer.Exit as e:
        return e.exit_code
    except (typer.Abort, KeyboardInterrupt):  # Ctrl-C, also at a prompt (click calls it Abort)
        err.print("footprint: interrupted")
        return 130
    except Exception as e:  # the last line of defence: no traceback with possible personal data
        # click's usage errors (typer vendors its own click, so match by shape, not class)
        message, code = getattr(e, "format_message", None), getattr(e, "exit_code", None)
        if callable(message) and isinstance(code, int):
            ctx = getattr(e, "ctx", None)
            where = getattr(ctx, "command_path", "") or "footprint"
            err.print(f"footprint: {message()} (see `{where} --help`)", markup=False, highlight=False)
            return code
        if os.environ.get("FOOTPRINT_DEBUG"):
            raise
        err.print(f"footprint: internal error ({type(e).__name__}); run with FOOTPRINT_DEBUG=1 to see details")
        return 1
    return rc if isinstance(rc, int) and not isinstance(rc, bool) else 0


if __name__ == "__main__":
    sys.exit(main())
