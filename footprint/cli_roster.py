"""`footprint roster audit PATH`: every household of a roster (a folder of profiles, or a roster
file listing them: footprint/roster.py) audited in one process, resumable as a whole, with a
masked summary sorted by risk. Mounted on the main CLI as `roster`."""

from __future__ import annotations

import os
import shlex
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from .cli import _check_out_dir, _parse_formats, err, out
from .errors import FootprintError, NetworkDown, UsageError

if TYPE_CHECKING:
    from .model import AuditResult
    from .roster import Member

roster_app = typer.Typer(
    help="Audit a court's roster: every household in one run, resumable, with a summary sorted by risk.",
    no_args_is_help=True,
    add_completion=False,
)

SUMMARY_FORMATS = ("html", "csv", "json")


def _resume_command(path: Path, web_archive: Path | None, out_dir: Path | None, fmt: str, summary: str,
                    jobs: int, skip_invalid: bool) -> str:
    words = ["footprint", "roster", "audit", os.path.abspath(path), "--resume"]
    if web_archive is not None:
        words += ["--web-archive", os.path.abspath(web_archive)]
    if out_dir is not None:
        words += ["--out", os.path.abspath(out_dir)]
    if fmt != "html,json":
        words += ["--format", fmt]
    if summary != "html,csv,json":
        words += ["--summary", summary]
    if jobs != 1:
        words += ["--jobs", str(jobs)]
    if skip_invalid:
        words.append("--skip-invalid")
    return shlex.join(words)


def _counts(result: AuditResult) -> str:
    from . import risk

    counted = [f for f in result.findings if risk.counts(f)]
    crit = sum(f.severity.value == "critical" for f in counted)
    high = sum(f.severity.value == "high" for f in counted)
    cov = result.coverage
    checked = f"; {'INCOMPLETE — ' if cov and not cov.complete else ''}{cov.percent} % checked" if cov else ""
    relisted = sum(f.status == "re-listed" for f in counted)
    return (f"{crit} critical, {high} high, {len(counted)} confirmed"
            + (f", {relisted} RE-LISTED" if relisted else "") + checked)


@roster_app.command()
def audit(
    path: Annotated[Path, typer.Argument(help="A folder of profiles (*.toml), or a roster file listing them.")],
    web_archive: Annotated[Path | None, typer.Option("--web-archive", help="Run every household offline against this archive (a household's own web_archive in the roster file is then ignored).")] = None,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Folder for the summary and the households' reports (created 0700). Default: the data folder's reports/<run id>.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="Each household's report formats: html,json,csv,pdf.")] = "html,json",
    summary: Annotated[str, typer.Option("--summary", help="The roster summary's formats: html,csv,json.")] = "html,csv,json",
    resume: Annotated[bool, typer.Option("--resume", help="Continue this roster's stopped run (Ctrl-C, kill, network down).")] = False,
    jobs: Annotated[int, typer.Option("--jobs", help="Households audited at once (1-16); live audits wait on sites and search engines, so a few at once finish sooner within the same politeness limits.")] = 1,
    skip_invalid: Annotated[bool, typer.Option("--skip-invalid", help="Audit the valid profiles when some are invalid (listed in the summary), instead of refusing to start.")] = False,
) -> None:
    """Audit every household of a roster in one run: one fetcher for all (each site's politeness limit holds across judges), each household's report in its own folder, and a masked summary (HTML, CSV, JSON) sorted by risk."""
    from reports import PdfUnavailableError, write_reports
    from reports import roster as summary_mod

    from .engine import now_iso
    from .paths import data_dir, private_dir, remove_stale_temps
    from .roster import (
        Roster,
        RosterRunner,
        check_profiles,
        default_out,
        household_dir,
        load_roster,
        relpath,
    )
    from .store import open_store
    from .web.factory import SharedWeb

    formats = _parse_formats(fmt)
    sformats = [f.strip().lower() for f in summary.split(",") if f.strip()]
    if not sformats or any(f not in SUMMARY_FORMATS for f in sformats):
        raise UsageError(f"--summary: expected a comma-separated list of {', '.join(SUMMARY_FORMATS)}")
    if not 1 <= jobs <= 16:
        raise UsageError(f"--jobs {jobs}: expected a number of households from 1 to 16")
    if out_dir is not None:
        _check_out_dir(out_dir)
    roster = load_roster(path, web_archive)
    good, bad = check_profiles(roster)
    if len(bad) == 1 and not skip_invalid:  # one line, as for any bad input
        raise UsageError(f"{bad[0][1]} — 1 of {len(roster.entries)} profiles of the roster is invalid; "
                         "fix it, or audit the others with --skip-invalid")
    for _entry, why in bad:
        err.print(f"footprint: {why}", markup=False, highlight=False, soft_wrap=True)
    if bad and not skip_invalid:
        raise UsageError(f"{len(bad)} of {len(roster.entries)} profiles of the roster are invalid (above); "
                         "fix them, or audit the others with --skip-invalid")
    if not good:
        raise UsageError(f"{roster.path}: no valid profile to audit")
    for _entry, prof in good:
        for w in prof.warnings:
            err.print(f"footprint: warning: {w}", markup=False, highlight=False, soft_wrap=True)
    resume_cmd = _resume_command(path, web_archive, out_dir, fmt, summary, jobs, skip_invalid)
    ddir = data_dir()
    web = SharedWeb(ddir, jobs)
    run = Roster(roster.path, roster.name, tuple(e for e, _ in good))
    total = len(good)
    finished = 0
    lock = threading.Lock()
    pdf_missing: list[str] = []

    with open_store(ddir) as store:
        runner: RosterRunner

        def target() -> Path:
            return out_dir or default_out(ddir, runner.run_id)

        def write(m: Member, result: AuditResult) -> None:
            folder = household_dir(target(), m.household)
            try:
                private_dir(folder, ours=out_dir is None)
                remove_stale_temps(folder)
                write_reports(result, folder, formats, profile=m.profile)
            except PdfUnavailableError:
                pdf_missing.append(m.household)  # the other formats are written
            except FootprintError as e:
                raise FootprintError(f"{e}; the roster's audits are stored: write the rest with "
                                     f"{resume_cmd}") from None

        def done(m: Member, result: AuditResult | None) -> None:
            nonlocal finished
            with lock:  # households may finish in several threads (--jobs)
                finished += 1
                n = finished
            judge = next((p.display_name for p in result.people if p.relation == "self"), "") if result else ""
            what = _counts(result) if result is not None else f"NOT AUDITED: {m.error}"
            out.print(f"[{n}/{total}] {m.household} {judge}: {what}", markup=False,
                      highlight=False, soft_wrap=True)
            if web.differs(m.profile):
                err.print(f"footprint: warning: {m.entry.profile}: its [network] settings or audit.contact "
                          "differ from the first live household's, which the roster's one fetcher uses",
                          markup=False, highlight=False, soft_wrap=True)

        runner = RosterRunner(run, [p for _, p in good], store, web, data_dir=ddir, jobs=jobs,
                              write=write, done=done)
        try:
            report = runner.run(resume=resume)
            rows = []
            place = {id(e): i + 1 for i, e in enumerate(roster.entries)}
            for m in report.members:
                pos = place.get(id(m.entry), 0)
                if m.status == "done" and m.audit_id:
                    rel = relpath(household_dir(target(), m.household), target())
                    rows.append(summary_mod.household_row(store, m.household, m.audit_id,
                                                          m.entry.label, report=rel, position=pos))
                else:
                    rows.append(summary_mod.not_audited_row(m.household, "", "failed", m.error or "failed",
                                                            m.entry.label, position=pos))
            for i, (entry, why) in enumerate(bad):
                pos = place[id(entry)]
                rows.append(summary_mod.not_audited_row(
                    f"(invalid profile {i + 1})", "", "invalid",
                    f"profile {pos} of the roster: {why.replace(str(entry.profile), 'profile')}",
                    entry.label, position=pos))
            info = store.roster_run(runner.run_id) or {}
            training = all(p.training for _, p in good)
            s = summary_mod.summary(runner.run_id, roster.name, str(info.get("started", "")), now_iso(),
                                    rows, training=training)
            written = summary_mod.write_summary(s, target(), sformats)
            runner.finish()
        except KeyboardInterrupt:
            err.print(f"footprint: interrupted. The households done are kept; continue with: {resume_cmd}",
                      markup=False, highlight=False)
            raise typer.Exit(130) from None
        except NetworkDown as e:
            raise NetworkDown(f"roster stopped, nothing reported for the households left: {e}. What was done "
                              f"is kept; when the network is back, continue with: {resume_cmd}") from None
        finally:
            web.close()
    new = sum(1 for m in report.members if m.notice and m.notice.startswith("New household"))
    for m in report.members:
        if m.notice and not m.notice.startswith("New household"):
            out.print(escape(m.notice))
    if new:
        out.print(f"{new} new household{'' if new == 1 else 's'}: their later audits are compared with these. "
                  "To keep a household's history if its profile file moves, put its key "
                  "(footprint check PROFILE shows it) under [audit] household.", markup=False, highlight=False)
    out.print(f"Roster summary written to [bold]{escape(str(target()))}[/]:")
    for p in written:
        out.print(f"  {escape(p.name)}")
    if s.alerts:
        out.print(f"[bold red]RE-LISTED: {len(s.alerts)} household{'' if len(s.alerts) == 1 else 's'} "
                  "with listings that had gone and are back (top of the summary).[/]")
    if pdf_missing:
        err.print(f"footprint: report.pdf not written for {len(pdf_missing)} household"
                  f"{'' if len(pdf_missing) == 1 else 's'}: PDF support is missing (see `footprint audit --help`)",
                  markup=False, highlight=False)
    failed = [r for r in s.rows if r.status != "audited"]
    if failed:
        err.print(f"footprint: {len(failed)} of {len(s.rows)} households not audited (listed in the summary)",
                  markup=False, highlight=False)
        raise typer.Exit(1)
