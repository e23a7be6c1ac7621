"""The command line: parses, calls the core, maps domain errors to one line and an exit code.

Exit codes: 0 ok; 1 audit or runtime error; 2 bad input (profile, archive, options);
3 store error; 4 `footprint due`: something is overdue or re-listed; 130 interrupted (resume
with --resume).
"""

from __future__ import annotations

import logging
import os
import re
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import __version__, i18n
from .errors import FootprintError, NetworkDown, UsageError
from .i18n import gettext as _

if TYPE_CHECKING:
    from .model import AuditResult

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
    # The terminal's language until a profile says which (check, audit, demo).
    i18n.set_language(i18n.env_language())
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
    i18n.set_language(prof.audit.language)
    registry.validate_names(prof.probes.enabled)
    _setup_probes(prof)
    _warn_profile(prof)
    if prof.training:
        out.print("[bold magenta]" + escape(_("TRAINING AUDIT — fictitious person")) + "[/]")
    out.print(_("Profile %(file)s is valid. Purpose: %(purpose)s; consent recorded on %(date)s.")
              % {"file": f"[bold]{escape(str(profile))}[/]", "purpose": prof.consent.purpose,
                 "date": i18n.format_date(prof.consent.authorized_on)})
    out.print(_household_line(prof))
    t = Table(title=_("People"))
    for col in (_("id"), _("relation"), _("name (masked)"), _("audited"), _("why")):
        t.add_column(col)
    for p in prof.people:
        t.add_row(p.id, p.relation, escape(mask_name(p.name)), _("yes"), _("consented"))
    for x in prof.excluded:
        t.add_row(x.id, x.relation, "—", "[red]" + _("no") + "[/]", escape(i18n.reason(x.reason)))
    out.print(t)
    queries = plan(prof)
    pt = Table(title=_("Probes"))
    pt.add_column(_("probe"))
    pt.add_column(_("runs"))
    pt.add_column(_("what it does"))
    for name, target in registry.available().items():
        enabled = name in prof.probes.enabled
        desc = ""
        try:
            desc = registry.load(name).description
        except (ImportError, AttributeError, FootprintError):
            desc = f"({target})"
        pt.add_row(escape(name), "[green]" + _("yes") + "[/]" if enabled else _("no (not enabled)"),
                   escape(desc))
    out.print(pt)
    per_person: dict[str, int] = {}
    for q in queries:
        per_person[q.person] = per_person.get(q.person, 0) + 1
    out.print(_("Web queries planned:") + " " + ", ".join(f"{k}: {v}" for k, v in per_person.items()))


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


def _household_line(prof) -> str:  # type: ignore[no-untyped-def]
    """Which household the profile's audits are filed under, read without creating anything."""
    from .household import peek
    from .paths import data_dir
    from .store import open_store

    key = prof.audit.household
    if key is None and (data_dir() / "footprint.sqlite3").exists():
        try:
            with open_store(data_dir()) as store:
                key = peek(prof, store)
        except FootprintError:  # `check` validates the profile; the store is the audit's business
            return _("Household: unknown (the audit store cannot be opened).")
    if key is None:
        return _("Household: none yet; the first audit creates this profile file's key "
                 "(its audits are compared only with each other).")
    return _("Household: %(key)s (audits are compared only within one household).") % {"key": key}


@app.command()
def init(
    profile: Annotated[Path, typer.Argument(help="The profile file to write.")] = Path("profile.toml"),
    force: Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")] = False,
) -> None:
    """Write a new profile by answering questions in the terminal (who consents, the judge, each relative, which probes)."""
    from .cli_init import run_init

    written = run_init(profile, force=force)
    out.print(_("Profile written to %(file)s (readable by you only). Check it with: footprint "
                "check %(file)s") % {"file": escape(str(written))}, soft_wrap=True,
              highlight=False)


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
    from .paths import data_dir, private_dir, remove_stale_temps
    from .profile import load_profile
    from .store import open_store
    from .web.factory import open_web

    # Everything the user typed is checked before the first search: an audit may take an hour.
    prof = load_profile(profile_path)
    i18n.set_language(prof.audit.language)
    _warn_profile(prof)
    _check_report_options(templates, paper)
    if out_dir is not None:
        _check_out_dir(out_dir)
    pw = _check_encryption(encrypt_to, passphrase)
    ddir = data_dir()
    made_out = out_dir is not None and not out_dir.exists()
    web = open_web(prof, web_archive, ddir)
    resume_cmd = _resume_command(profile_path, web_archive, out_dir, formats, encrypt_to, passphrase,
                                 templates, paper)
    written: list[Path] = []
    pdf_error: PdfUnavailableError | None = None
    targets: list[Path] = []
    with open_store(ddir) as store, Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=not err.is_terminal,
    ) as bar:
        task = bar.add_task("starting", total=None)

        def stage(name: str, total: int) -> None:
            bar.reset(task, description=name, total=total)

        def write(result: AuditResult) -> None:
            """The report step, inside the audit: the audit is finished only once it returns."""
            nonlocal written, pdf_error
            bar.stop()
            target = out_dir or (ddir / "reports" / result.id)
            targets.append(target)
            _summary(result, prof, auditor.household.notice(profile_path) if auditor.household else None)
            try:
                private_dir(target, ours=out_dir is None)
                remove_stale_temps(target)  # left by a kill during an earlier report step
                written = write_reports(result, target, formats, encrypt_to=encrypt_to, passphrase=pw,
                                        profile=prof, templates_dir=templates, paper=paper)
            except PdfUnavailableError as e:  # the other formats are written; say what PDF needs
                pdf_error, written = e, e.written
            except FootprintError as e:
                raise FootprintError(f"{e}; the audit {result.id} is stored: write its report with "
                                     f"{resume_cmd}") from None

        prog = EngineProgress(stage=stage, advance=lambda n: bar.advance(task, n))
        auditor = Auditor(prof, web, store, data_dir=ddir, progress=prog)
        try:
            auditor.run(resume=resume, write=write)
        except KeyboardInterrupt:
            bar.stop()
            _drop_if_empty(out_dir if made_out else None)
            err.print("footprint: " + _("interrupted. What was found is kept; continue with: "
                                        "%(command)s") % {"command": resume_cmd},
                      markup=False, highlight=False)
            raise typer.Exit(130) from None
        except NetworkDown as e:
            _drop_if_empty(out_dir if made_out else None)
            raise NetworkDown(f"audit stopped, nothing reported: {e}. What was done is kept; when the network "
                              f"is back, continue with: {resume_cmd}") from None
        finally:
            web.fetcher.close()
    target = targets[-1]
    out.print(_("Report written to %(folder)s:") % {"folder": f"[bold]{escape(str(target))}[/]"})
    for p in written:
        out.print(f"  {escape(p.name)}")
    if pdf_error is not None:
        if not pdf_optional:
            raise pdf_error
        err.print("footprint: " + _("report.pdf not written: %(why)s") % {"why": pdf_error},
                  markup=False, highlight=False)
    return target


def _warn_profile(prof) -> None:  # type: ignore[no-untyped-def]
    for w in prof.warnings:
        err.print("footprint: " + _("warning: %(text)s") % {"text": w}, markup=False,
                  highlight=False)


def _drop_if_empty(folder: Path | None) -> None:
    """Remove the --out folder this run created when a stopped audit wrote nothing into it."""
    if folder is not None:
        try:
            folder.rmdir()
        except OSError:
            pass  # not empty, or already gone: leave it


def _summary(result, profile, notice: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """The terminal summary, from the same masked view as the report (triage labels and the
    share of sources checked count); INCOMPLETE in red when too few sources answered."""
    from reports import build_view, summary_lines

    cov = result.coverage
    for i, line in enumerate(summary_lines(build_view(result, profile=profile))):
        if i == 0 and cov is not None and not cov.complete:
            out.print("[bold red]" + escape(line) + "[/]", soft_wrap=True, highlight=False)
        else:
            out.print(line, markup=False, highlight=False, soft_wrap=True)
    if notice:
        out.print(escape(notice))


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
    resume: Annotated[bool, typer.Option("--resume", help="Continue this profile's stopped audit (interrupted, killed, network down, or stopped while writing its report).")] = False,
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
    posts: Annotated[bool, typer.Option("--posts", help="Instead: review a fictitious judge's own posts (footprint posts), offline.")] = False,
    court_accounts: Annotated[bool, typer.Option("--court-accounts", help="Instead: check two fictitious courts' official accounts (footprint court-accounts), offline.")] = False,
    jurisdiction: Annotated[str, typer.Option("--jurisdiction", help="Which demo family: US (a California judge, in English), CZ (a Czech judge, in Czech) or RO (a Romanian judge, in Romanian).")] = "US",
) -> None:
    """Audit the bundled fictitious judge offline (training mode) and show where the report is."""
    from . import demo as demo_data

    if posts or court_accounts:
        from .cli_posts import run_court, run_posts

        if posts and court_accounts:
            raise UsageError("demo: give --posts or --court-accounts, not both")
        if posts:
            d = demo_data.ensure_posts_generated()
            target = run_posts(d / "posts-profile.toml", d / "posts.warc.gz",
                               out_dir or Path.cwd() / "footprint-demo-posts", None, 200, True)
            out.print(f"Open [bold]{escape(str(target / 'posts.html'))}[/] in a browser.")
            return
        d = demo_data.ensure_court_generated()
        base = out_dir or Path.cwd() / "footprint-demo-court-accounts"
        for name in ("court-compliant", "court-breaking"):
            target = run_court(d / f"{name}.toml", d / "court.warc.gz", base / name, None)
            out.print(f"Open [bold]{escape(str(target / 'court-accounts.html'))}[/] in a browser.")
        return

    code = jurisdiction.strip().upper()
    if code not in demo_data.JURISDICTIONS:
        raise UsageError(f"--jurisdiction {jurisdiction}: expected one of "
                         f"{', '.join(demo_data.JURISDICTIONS)}")
    demo_data.ensure_generated(code)
    formats = _parse_formats(fmt)
    default = "footprint-demo-report" if code == "US" else f"footprint-demo-report-{code.lower()}"
    target = out_dir or Path.cwd() / default
    _run_audit(demo_data.profile_path(code), demo_data.archive_path(code), target, formats, False,
               [], False, pdf_optional=True)
    if "html" in formats:
        out.print(_("Open %(file)s in a browser.")
                  % {"file": f"[bold]{escape(str(target / 'report.html'))}[/]"})


# --- audits, report, triage, purge ------------------------------------------------------------

_AUDIT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def _check_audit_id(audit_id: str) -> None:
    if not _AUDIT_ID.fullmatch(audit_id):  # anything else is not echoed back
        raise UsageError("not an audit id (expected an id as `footprint audits` lists it, "
                         "e.g. 20261120-093000-a1b2c3)")



@app.command("audits")
def list_audits(
    profile_id: Annotated[str | None, typer.Option("--profile", help="Only this profile id.")] = None,
    household: Annotated[str | None, typer.Option("--household", help="Only this household key.")] = None,
) -> None:
    """List past audits with their household, status and number of findings."""
    from .paths import data_dir
    from .store import open_store

    with open_store(data_dir()) as store:
        rows = store.audits(profile_id, household)
        checked = {r.id: store.coverage(r.id) for r in rows}
        # A stopped or killed audit has no totals yet: count what it recorded so far.
        done = {r.id: store.count_units(r.id) for r in rows if r.status != "finished"}
    if not rows:
        out.print(_("No audits stored."))
        return
    # One table per household: its audits are the only ones compared with each other. Narrow
    # enough for 80 columns, so ids are never cut.
    by_household: dict[str, list] = {}  # type: ignore[type-arg]
    for r in rows:
        by_household.setdefault(r.household, []).append(r)
    for key, group in by_household.items():
        profiles = ", ".join(sorted({r.profile_id for r in group}))
        purposes = ", ".join(sorted({r.purpose for r in group}))
        out.print("[bold]" + escape(_("Household %(key)s") % {"key": key}) + "[/] · "
                  + escape(_("profile %(ids)s") % {"ids": profiles}) + f" · {escape(purposes)}")
        t = Table(box=None, padding=(0, 2), pad_edge=False)
        # the id is the start time (UTC): "20261203-193227-…"
        for col, head in (("id", _("id")), ("status", _("status")), ("searches", _("searches")),
                          ("checked", _("checked")), ("findings", _("findings"))):
            t.add_column(head, no_wrap=True,
                         justify="left" if col in ("id", "status") else "right")
        for r in group:
            cov = checked[r.id]
            searches = done[r.id][0] if r.id in done else r.queries
            t.add_row(r.id, r.status, str(searches),
                      f"{cov.percent} %" if cov.total else "—",
                      str(r.findings) if r.status in ("finished", "reporting") else "—")
        out.print(t)
        out.print()


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
    _check_out_dir(out_dir)
    _check_audit_id(audit_id)
    prof = load_profile(profile) if profile is not None else None
    pw = _passphrase() if passphrase else None
    encrypt = bool(encrypt_to) or pw is not None
    if encrypt:  # a malformed recipient fails here, before anything is written
        crypto.recipients(encrypt_to or [], pw)
    with open_store(data_dir()) as store:
        row = store.audit(audit_id)
        if row is None:
            raise UsageError(f"no stored audit with id '{audit_id}' (see `footprint audits`)")
        if row.status not in ("finished", "reporting"):
            # its findings are stored only when it ends: a report now would read as clean
            raise FootprintError(f"audit {audit_id} did not finish ({row.status}); continue it with "
                                 "footprint audit PROFILE --resume")
        stored = load_audit(store, audit_id, prof)
        if not encrypt:
            stored.require_masking_values("a masked report")
        private_dir(out_dir, ours=False)
        for p in write_reports(stored.result, out_dir, formats, encrypt_to=encrypt_to or [],
                               passphrase=pw, profile=prof, secrets=stored.secrets,
                               templates_dir=templates, paper=paper):
            out.print(f"  {escape(str(p))}")
        if row.status == "reporting":  # its report step had been stopped: now it is written
            store.set_status(audit_id, "finished")


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
        raise UsageError(f"--timeout {timeout}: expected a number of seconds from 1 to 3600")
    _check_report_options(templates, None)
    _check_audit_id(audit_id)
    prof = load_profile(profile) if profile is not None else None
    with open_store(data_dir()) as store:
        stored = load_audit(store, audit_id, prof)
    view = build_view(stored.result, full=True, profile=prof, redactor=stored.redactor(),
                      templates_dir=templates, links=True)
    viewer = OneShotViewer(render_html(view, templates_dir=templates).encode("utf-8"),
                           timeout=timeout)

    def ready(url: str) -> None:
        out.print(_("Audit %(id)s: the full report is served once, from memory, at")
                  % {"id": escape(audit_id)}, highlight=False)
        out.print(f"  {url}", soft_wrap=True, markup=False, highlight=False)  # never broken
        out.print(_("(this machine only; it stops once the page is shown, or after %(n)s s).")
                  % {"n": timeout}, highlight=False)
        if not no_browser and not webbrowser.open(url):
            out.print(_("No browser could be started here: open the address above yourself."))

    if not viewer.serve(ready):
        raise FootprintError(f"the report was not opened within {timeout} s; nothing was written to disk")
    out.print(_("Shown. Nothing was written to disk; close the tab when you are done."))


@app.command()
def triage(
    finding_id: Annotated[str, typer.Argument(help="Finding id (or a unique prefix) from a report.")],
    label: Annotated[str, typer.Argument(help="confirmed | not-me | clear")],
    audit_id: Annotated[str | None, typer.Option("--audit", help="The audit whose report shows the finding (needed when several households have it).")] = None,
) -> None:
    """Label a finding; the label survives re-audits of the same household."""
    from .engine import now_iso
    from .paths import data_dir
    from .store import open_store

    labels = {"confirmed": "confirmed", "not-me": "not me", "clear": None}
    if label not in labels:
        raise UsageError("triage: the label must be confirmed, not-me or clear")
    if not re.fullmatch(r"[0-9a-f]{4,16}", finding_id):
        raise UsageError("triage: a finding id is 4 to 16 hexadecimal characters, as shown in the report")
    with open_store(data_dir()) as store:
        matches = store.find_finding(finding_id)
        if audit_id is not None:
            if store.audit(audit_id) is None:
                raise FootprintError(f"no stored audit with id '{audit_id}' (see `footprint audits`)")
            matches = [m for m in matches if m[0] == audit_id]
        if not matches:
            raise UsageError(f"no stored finding with id '{finding_id}'"
                                 + (f" in audit {audit_id}" if audit_id else ""))
        full = {m[2] for m in matches}
        if len(full) > 1:
            raise UsageError(f"'{finding_id}' matches several findings; give more characters")
        households = {m[1] for m in matches}
        if len(households) > 1:
            # a label is one household's judgement: never set it on another family's finding
            raise UsageError(f"finding '{finding_id}' is in the audits of {len(households)} households; "
                                 "name the audit whose report shows it: "
                                 f"footprint triage {finding_id} {label} --audit AUDIT_ID")
        store.set_triage(households.pop(), full.pop(), labels[label], now_iso())
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
            err.print("footprint: " + _("nothing deleted"))
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
    out.print(_("Deleted audit %(id)s.") % {"id": audit_id})


DATA_FILES = ("footprint.sqlite3", "footprint.sqlite3-wal", "footprint.sqlite3-shm",
              "footprint.sqlite3-journal", "store.key")
"""Files footprint creates in its data folder: the audit store and its key."""
DATA_FOLDERS = ("cache", "reports", "sites", "brokers", "posts", "court-accounts")
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
    from . import cli_removals  # noqa: F401  (registers removal, removals, due, diff)
    from .cli_roster import roster_app

    app.add_typer(roster_app, name="roster",
                  help="Audit a court's roster: every household in one run, resumable, with a summary sorted by risk.")
    try:
        from .cli_brokers import brokers_app
        from .cli_sites import sites_app
    except ImportError:
        return
    app.add_typer(sites_app, name="sites", help="Manage the account-site definitions (list, update, selftest).")
    app.add_typer(brokers_app, name="brokers",
                  help="The people-search catalog and the California data-broker registry (list, update).")


_mount_subcommands()
from . import cli_posts as _cli_posts  # noqa: E402,F401  (registers `posts` and `court-accounts`)


def main(argv: list[str] | None = None) -> int:
    """Entry point: one line per error, never a traceback (set FOOTPRINT_DEBUG=1 to see one).
    Exit codes as the README documents: 0 done, 1 runtime error, 2 bad input, 3 store error,
    130 interrupted."""
    try:
        # Without standalone mode click *returns* the code of a typer.Exit (130 after Ctrl-C)
        # instead of raising it: pass it on, or an interrupted audit would exit 0.
        rv = app(args=argv, prog_name="footprint", standalone_mode=False)
        if isinstance(rv, int) and not isinstance(rv, bool):
            return rv
    except FootprintError as e:  # one line, even when it is longer than the terminal is wide
        err.print(f"footprint: {e}", markup=False, highlight=False, soft_wrap=True)
        return e.exit_code
    except typer.Exit as e:
        return e.exit_code
    except (typer.Abort, KeyboardInterrupt):  # Ctrl-C, also at a prompt (click calls it Abort)
        err.print("footprint: " + _("interrupted"))
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
        err.print("footprint: " + _("internal error (%(name)s); run with FOOTPRINT_DEBUG=1 to see "
                                    "details") % {"name": type(e).__name__})
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
