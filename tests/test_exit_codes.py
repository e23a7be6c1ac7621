"""Exit codes as the README documents them — 0 done; 1 runtime error; 2 bad input, with one line;
3 store error; 130 interrupted — for the error paths of every command, each run as a user would
(a subprocess with the network guard). Every bad input is found before any work starts: no audit
is recorded and no --out folder is created."""

from __future__ import annotations

import os
import re
import shlex
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from footprint import demo
from footprint.cli import app
from footprint.cli_sites import sites_app
from tests.conftest import REPO, run_cli

EXAMPLE = str(REPO / "config.example.toml")


def _demo() -> tuple[str, str]:
    demo.ensure_generated()
    return str(demo.profile_path()), str(demo.archive_path())


@dataclass
class Case:
    """One error path: `setup(tmp)` returns the arguments; the run must exit `code` with one
    stderr line containing `fragment`."""

    id: str
    setup: Callable[[Path], list[str]]
    code: int
    fragment: str
    env: dict[str, str] = field(default_factory=dict)
    stdin: str | None = None


def _file(tmp: Path, name: str = "afile", text: str = "x") -> Path:
    p = tmp / name
    p.write_text(text)
    return p


def _folder(tmp: Path, profile: str | None = None) -> Path:
    folder = tmp / "court"
    folder.mkdir(exist_ok=True)
    if profile is not None:
        (folder / "judge.toml").write_text(profile)
    return folder


def _templates(tmp: Path, files: dict[str, str]) -> str:
    folder = tmp / "court"
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return str(folder)


def _audit(*extra: str) -> Callable[[Path], list[str]]:
    def setup(tmp: Path) -> list[str]:
        prof, arch = _demo()
        return ["audit", prof, "--web-archive", arch, "--out", str(tmp / "out"),
                *[a.replace("TMP", str(tmp)) for a in extra]]
    return setup


def _corrupt_store(tmp: Path) -> None:
    home = Path(os.environ["FOOTPRINT_HOME"])
    (home / "footprint.sqlite3").write_bytes(b"this is not a database" * 100)


CASES = [
    # check
    Case("check-missing-file", lambda t: ["check", str(t / "nope.toml")], 2, "file not found"),
    Case("check-dev-zero", lambda t: ["check", "/dev/zero"], 2, "larger than 1 MB"),
    Case("check-folder", lambda t: ["check", str(t)], 2, "is a folder"),
    Case("check-bad-profile", lambda t: ["check", str(_file(t, "p.toml", open(EXAMPLE).read().replace(
        'purpose = "self-audit"', 'purpose = "fun"')))], 2, "consent.purpose (line"),
    Case("check-bad-probe-option", lambda t: ["check", str(_file(t, "p.toml", open(EXAMPLE).read()
         + "\n[probes.web]\nmax_results = -1\n"))], 2, "probes.web.max_results"),
    Case("check-unknown-broker", lambda t: ["check", str(_file(t, "p.toml", open(EXAMPLE).read()
         + '\n[probes.brokers]\nbrokers = ["nosuch"]\n'))], 2, "unknown broker id"),
    Case("check-no-argument", lambda t: ["check"], 2, "Missing argument"),
    # init: questions need a terminal; an existing profile is never overwritten
    Case("init-no-terminal", lambda t: ["init", str(t / "p.toml")], 2, "run it in a terminal"),
    # demo
    Case("demo-unknown-jurisdiction", lambda t: ["demo", "--jurisdiction", "XX"], 2,
         "--jurisdiction XX: expected one of US, CZ, RO"),
    # audit: every option checked before the first search
    Case("audit-format", _audit("--format", "docx"), 2, "--format: unknown format docx"),
    Case("audit-paper-a5", _audit("--paper", "A5"), 2, "--paper A5: expected A4 or Letter"),
    Case("audit-out-onto-file", lambda t: ["audit", EXAMPLE, "--out", str(_file(t))], 2,
         "afile: is a file"),
    Case("audit-out-under-file", lambda t: ["audit", EXAMPLE, "--out", str(_file(t) / "x")], 2,
         "is not a folder"),
    Case("audit-templates-missing", _audit("--templates", "TMP/nope"), 2, "folder not found"),
    Case("audit-templates-file", lambda t: _audit("--templates", str(_file(t)))(t), 2,
         "not a folder"),
    Case("audit-templates-empty", lambda t: _audit("--templates", _templates(t, {"x.txt": ""}))(t),
         2, "no templates in the folder"),
    Case("audit-template-syntax", lambda t: _audit("--templates", _templates(
        t, {"report.html.j2": "<h1>\n{% if %}\n"}))(t), 2, "report.html.j2 (line 2)"),
    Case("audit-template-missing-include", lambda t: _audit("--templates", _templates(
        t, {"letters/generic.txt.j2": "{% include 'letters/_nope.txt.j2' %}"}))(t), 2,
        "uses the template 'letters/_nope.txt.j2'"),
    Case("audit-template-unknown-name", lambda t: _audit("--templates", _templates(
        t, {"reprot.html.j2": "x"}))(t), 2, "reprot.html.j2 is not a template footprint uses"),
    Case("audit-encrypt-to-garbage", _audit("--encrypt-to", "age1notakey"), 2,
         "--encrypt-to #1: not an age public key"),
    Case("audit-encrypt-and-passphrase", _audit("--encrypt-to", "age1x", "--passphrase"), 2,
         "not both"),
    Case("audit-passphrase-short", _audit("--passphrase"), 2, "too short",
         env={"FOOTPRINT_PASSPHRASE": "abc"}),
    Case("audit-passphrase-empty", _audit("--passphrase"), 2, "FOOTPRINT_PASSPHRASE is set but empty",
         env={"FOOTPRINT_PASSPHRASE": ""}),
    Case("audit-passphrase-no-terminal", _audit("--passphrase"), 2, "needs a terminal"),
    Case("audit-missing-archive", lambda t: ["audit", EXAMPLE, "--web-archive", str(t / "x.warc.gz")],
         2, "x.warc.gz"),
    Case("audit-resume-nothing", _audit("--resume"), 2, "no interrupted audit"),
    Case("audit-unknown-option", lambda t: ["audit", EXAMPLE, "--colour"], 2, "No such option"),
    Case("audit-store-error", lambda t: (_corrupt_store(t), _audit()(t))[1], 3, "store"),
    # demo
    Case("demo-format", lambda t: ["demo", "--format", "docx"], 2, "unknown format docx"),
    Case("demo-out-onto-file", lambda t: ["demo", "--out", str(_file(t))], 2, "is a file"),
    # audits
    Case("audits-store-error", lambda t: (_corrupt_store(t), ["audits"])[1], 3, "store"),
    # report
    Case("posts-unknown-platform", lambda t: ["posts", str(_file(t, "p.toml", open(EXAMPLE).read()
         .replace('platform = "mastodon"', 'platform = "myspace"')))], 2,
         "subject.accounts[0].platform"),
    Case("posts-handle-is-a-url", lambda t: ["posts", str(_file(t, "p.toml", open(EXAMPLE).read()
         .replace('handle = "@jqdoe@mastodon.social"', 'handle = "https://mastodon.social/@jqdoe"')))],
         2, "a handle, not an address"),
    Case("posts-court-security", lambda t: ["posts", str(_file(t, "p.toml", open(EXAMPLE).read()
         .replace('purpose = "self-audit"', 'purpose = "court-security"')))], 2,
         "consent.purpose"),
    Case("court-accounts-missing-file", lambda t: ["court-accounts", str(t / "nope.toml")], 2,
         "file not found"),
    Case("court-accounts-unknown-platform", lambda t: ["court-accounts", str(_file(
        t, "c.toml", open(REPO / "docs" / "court.example.toml").read()
        .replace('platform = "facebook"', 'platform = "myspace"')))], 2,
         "accounts[0].platform: expected one of"),
    Case("report-unknown-id", lambda t: ["report", "20260101-000000-abcdef", "--out", str(t / "r")],
         2, "no stored audit with id '20260101-000000-abcdef'"),
    Case("report-malformed-id", lambda t: ["report", "../../etc", "--out", str(t / "r")], 2,
         "not an audit id"),
    Case("report-paper", lambda t: ["report", "x", "--out", str(t / "r"), "--paper", "A5"], 2,
         "--paper A5"),
    Case("report-out-onto-file", lambda t: ["report", "x", "--out", str(_file(t))], 2, "is a file"),
    Case("report-templates-missing", lambda t: ["report", "x", "--out", str(t / "r"), "--templates",
                                                str(t / "nope")], 2, "folder not found"),
    Case("report-format", lambda t: ["report", "x", "--out", str(t / "r"), "--format", "doc"], 2,
         "unknown format doc"),
    Case("report-no-out", lambda t: ["report", "x"], 2, "Missing option '--out'"),
    # open
    Case("open-unknown-id", lambda t: ["open", "20260101-000000-abcdef", "--no-browser"], 2,
         "no stored audit with id '20260101-000000-abcdef'"),
    Case("open-malformed-id", lambda t: ["open", "../../etc", "--no-browser"], 2,
         "not an audit id"),
    Case("open-timeout", lambda t: ["open", "x", "--timeout", "0"], 2, "from 1 to 3600"),
    # triage
    Case("triage-bad-label", lambda t: ["triage", "abcd", "maybe"], 2, "confirmed, not-me or clear"),
    Case("triage-bad-id", lambda t: ["triage", "xyz!", "not-me"], 2, "hexadecimal"),
    Case("triage-unknown", lambda t: ["triage", "abcd1234", "not-me"], 2, "no stored finding"),
    # purge
    Case("purge-nothing", lambda t: ["purge"], 2, "exactly one of --audit ID or --all"),
    Case("purge-both", lambda t: ["purge", "--all", "--audit", "x"], 2, "exactly one"),
    Case("purge-unknown", lambda t: ["purge", "--audit", "20260101-000000-abcdef"], 2,
         "no stored audit"),
    Case("purge-declined", lambda t: ["purge", "--all"], 1, "nothing deleted", stdin="n\n"),
    # sites
    Case("sites-list-missing-file", lambda t: ["sites", "list", "--sites-file", str(t / "x.json")], 2,
         "file not found"),
    Case("sites-update-offline", lambda t: ["sites", "update"], 1, "download failed (DNS lookup failed)",
         env={"FOOTPRINT_TEST_OFFLINE": "1"}),
    Case("sites-update-bad-url", lambda t: ["sites", "update", "--url", "ftp://x/y.json"], 2,
         "--url: expected an http(s) address"),
    Case("sites-selftest-unknown-site", lambda t: ["sites", "selftest", "--site", "nosuchsite"], 2,
         "unknown site(s): nosuchsite"),
    Case("sites-selftest-offline", lambda t: ["sites", "selftest", "--site", "github", "--no-save"], 1,
         "no site could be checked", env={"FOOTPRINT_TEST_OFFLINE": "1"}),
    Case("sites-selftest-workers", lambda t: ["sites", "selftest", "--workers", "0"], 2, "--workers"),
    # removals: record, list, due, diff
    Case("removal-bad-id", lambda t: ["removal", "nope", "requested"], 2, "an action id is act-"),
    Case("removal-unknown", lambda t: ["removal", "act-0000", "requested"], 2, "no checklist action"),
    Case("removal-bad-event", lambda t: ["removal", "act-0000", "asked"], 2,
         "requested, confirmed, note or withdrawn"),
    Case("removal-future", lambda t: ["removal", "act-0000", "requested", "--on", "2999-01-01"], 2,
         "in the future"),
    Case("removals-unknown-household", lambda t: ["removals", "--household", "hh-none"], 2,
         "no stored audit of household"),
    Case("due-within", lambda t: ["due", "--within", "999"], 2, "--within 999"),
    Case("due-unknown-household", lambda t: ["due", "--household", "hh-none"], 2,
         "no stored audit of household"),
    Case("diff-unknown", lambda t: ["diff", "20260101-000000-aaaaaa", "20260101-000000-bbbbbb"], 2,
         "no stored audit with id '20260101-000000-aaaaaa'"),
    Case("diff-same", lambda t: ["diff", "20260101-000000-aaaaaa", "20260101-000000-aaaaaa"], 2,
         "two different audits"),
    Case("diff-malformed", lambda t: ["diff", "../x", "y"], 2, "not an audit id"),
    # roster
    Case("roster-missing", lambda t: ["roster", "audit", str(t / "nope")], 2, "no such file or folder"),
    Case("roster-empty-folder", lambda t: ["roster", "audit", str(_folder(t))], 2, "no profile (*.toml)"),
    Case("roster-jobs", lambda t: ["roster", "audit", str(_folder(t)), "--jobs", "0"], 2, "--jobs 0"),
    Case("roster-summary", lambda t: ["roster", "audit", str(_folder(t)), "--summary", "pdf"], 2,
         "--summary"),
    Case("roster-invalid-profile", lambda t: ["roster", "audit", str(_folder(t, "[consent]\n"))], 2,
         "1 of 1 profiles of the roster is invalid"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_error_paths_exit_with_the_documented_code(case: Case, tmp_path: Path,
                                                   footprint_home: Path) -> None:
    args = case.setup(tmp_path)
    env = {"COLUMNS": "80", **case.env}
    r = run_cli(args, footprint_home, env=env, input=case.stdin if case.stdin is not None else "")
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert r.returncode == case.code, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr + r.stdout
    assert len(lines) == 1 and lines[0].startswith("footprint: "), r.stderr
    assert case.fragment in lines[0], lines[0]
    assert not (tmp_path / "out").exists(), "a refused audit created its --out folder"
    if case.code == 2 and (footprint_home / "footprint.sqlite3").exists():
        with sqlite3.connect(footprint_home / "footprint.sqlite3") as db:
            assert db.execute("SELECT COUNT(*) FROM audits").fetchone()[0] == 0


def test_every_command_is_in_the_table() -> None:
    commands = {c.name or c.callback.__name__ for c in app.registered_commands}  # type: ignore[union-attr]
    commands |= {f"sites-{c.name or c.callback.__name__}" for c in sites_app.registered_commands}  # type: ignore[union-attr]
    commands = {c.replace("list_audits", "audits").replace("sites-list_sites", "sites-list")
                for c in commands}
    tested = {c.id.split("-")[0] if not c.id.startswith(("sites-", "court-accounts-"))
              else "-".join(c.id.split("-")[:2]) for c in CASES}
    assert commands <= tested, f"commands without an error case: {sorted(commands - tested)}"


# --- interrupted: Ctrl-C ---------------------------------------------------------------------


def _recorded(home: Path, table: str) -> int:
    db = home / "footprint.sqlite3"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
            return int(con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_ctrl_c_exits_130_with_a_complete_resume_command(tmp_path: Path, footprint_home: Path) -> None:
    """SIGINT to a running `footprint audit` (a slowed-down archive, so there is a "running"):
    exit 130, the one-line hint repeats --out and --format, no empty --out folder is left, the
    stopped audit is listed with its real number of searches (ids whole at 80 columns), and the
    hint, run as printed, finishes the audit."""
    prof, arch = _demo()
    out = tmp_path / "my report"
    env = dict(os.environ, FOOTPRINT_HOME=str(footprint_home), NO_COLOR="1", COLUMNS="80",
               PYTHONPATH=os.pathsep.join([str(REPO / "tests" / "_site"), str(REPO)]),
               FOOTPRINT_TEST_FETCH_DELAY="0.05")
    proc = subprocess.Popen(
        [sys.executable, "-m", "footprint", "audit", prof, "--web-archive", arch, "--out", str(out),
         "--format", "json,csv"],
        env=env, cwd=str(footprint_home), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        # a shell's background job ignores SIGINT; Ctrl-C at a terminal does not
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    while proc.poll() is None and _recorded(footprint_home, "pages") < 20:
        time.sleep(0.05)
    assert proc.poll() is None, "the audit finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate()
    assert proc.returncode == 130, (stdout, stderr)
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    assert not out.exists(), "the stopped audit left its --out folder behind"
    hint = lines[0].split("continue with: ", 1)[1]
    words = shlex.split(hint)
    assert words[:4] == ["footprint", "audit", prof, "--resume"]
    assert words[words.index("--out") + 1] == str(out)
    assert words[words.index("--format") + 1] == "json,csv"
    assert words[words.index("--web-archive") + 1] == arch

    searches = _recorded(footprint_home, "queries")
    for columns in ("80", "200"):  # one line per audit, or a table: the whole id either way
        listed = run_cli(["audits"], footprint_home, env={"COLUMNS": columns}).stdout
        row = next(ln for ln in listed.splitlines() if "interrupted" in ln)
        assert re.search(r"\b\d{8}-\d{6}-[0-9a-f]{6}\b", row), listed
        assert searches > 0 and re.search(rf"\b{searches}\b", row), (searches, row)

    resumed = run_cli(words[1:], footprint_home)
    assert resumed.returncode == 0, resumed.stderr
    assert sorted(p.name for p in out.iterdir()) == ["findings.csv", "findings.json"]
    assert "finished" in run_cli(["audits"], footprint_home).stdout
