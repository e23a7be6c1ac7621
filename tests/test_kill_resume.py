"""kill -9 in the middle of an audit, then --resume: the same final findings as a clean run.
Both through the CLI in archive mode (issue: foundation) and through the fault server with
failing hosts (issue: faults)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from footprint import demo
from tests.conftest import REPO, run_cli
from tests.faultserver import Latency, Reset, Status, archive_source, serve_faults


def _pages(home: Path) -> int:
    db = home / "footprint.sqlite3"
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(con.execute("SELECT COUNT(*) FROM pages").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _kill_when(proc: subprocess.Popen, home: Path, pages: int) -> None:  # type: ignore[type-arg]
    """SIGKILL the child once it has recorded `pages` examined pages (polls; no time limit)."""
    while proc.poll() is None and _pages(home) < pages:
        time.sleep(0.05)
    assert proc.poll() is None, "the audit finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, FOOTPRINT_HOME=str(home), NO_COLOR="1",
               PYTHONPATH=os.pathsep.join([str(REPO / "tests" / "_site"), str(REPO)]))
    env.update(extra)
    return env


def _findings(path: Path) -> list[tuple]:  # type: ignore[type-arg]
    data = json.loads(path.read_text())
    return sorted((f["person"], f["category"], f["url"], f["evidence"], f["severity"], f.get("possible_match"))
                  for f in data["findings"])


@pytest.mark.slow
def test_cli_audit_killed_and_resumed(tmp_path: Path) -> None:
    demo.ensure_generated()
    prof, arch = str(demo.profile_path()), str(demo.archive_path())
    home = tmp_path / "home"
    home.mkdir()
    straight = run_cli(["audit", prof, "--web-archive", arch, "--out", str(tmp_path / "a"), "--format", "json"], home)
    assert straight.returncode == 0, straight.stderr

    cmd = [sys.executable, "-m", "footprint", "audit", prof, "--web-archive", arch, "--out", str(tmp_path / "b"),
           "--format", "json"]
    before = _pages(home)
    proc = subprocess.Popen(cmd, env=_env(home, FOOTPRINT_TEST_FETCH_DELAY="0.02"), cwd=str(home),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _kill_when(proc, home, before + 40)
    assert not (tmp_path / "b" / "findings.json").exists()
    resumed = run_cli(["audit", prof, "--web-archive", arch, "--out", str(tmp_path / "b"), "--format", "json",
                       "--resume"], home)
    assert resumed.returncode == 0, resumed.stderr
    assert _findings(tmp_path / "b" / "findings.json") == _findings(tmp_path / "a" / "findings.json")
    listed = run_cli(["audits"], home).stdout
    assert listed.count("finished") == 2


@pytest.fixture
def fault_server():  # type: ignore[no-untyped-def]
    yield from serve_faults()


@pytest.mark.slow
def test_audit_under_faults_killed_and_resumed(fault_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from footprint.web.archive import WebArchive

    demo.ensure_generated()
    archive = WebArchive.open(demo.archive_path(), tmp_path / "cache")
    faults = {"www.whitepages.com": [Status(429)], "radaris.com": [Reset()], "*": [Latency(0.01)]}
    srv = fault_server({}, faults, source=archive_source(archive.fetcher()))
    script = str(REPO / "tests" / "_audit_via_server.py")

    clean_home, home = tmp_path / "clean", tmp_path / "killed"
    r = subprocess.run([sys.executable, script, str(srv.port), str(tmp_path / "clean.json")],
                       env=_env(clean_home), capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]

    proc = subprocess.Popen([sys.executable, script, str(srv.port), str(tmp_path / "first.json")],
                            env=_env(home), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _kill_when(proc, home, 40)
    r = subprocess.run([sys.executable, script, str(srv.port), str(tmp_path / "resumed.json"), "--resume"],
                       env=_env(home), capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    clean = json.loads((tmp_path / "clean.json").read_text())
    resumed = json.loads((tmp_path / "resumed.json").read_text())
    assert resumed["findings"] == clean["findings"]
    assert resumed["skipped"] == clean["skipped"]
    assert any("rate limited" in reason for _, reason in resumed["skipped"])


# --- kill -9 while the report is written ----------------------------------------------------------

REPORT_PROFILE = """
[audit]
jurisdiction = "US-CA"

[consent]
authorized_by = "Hon. Ann Example"
authorized_on = 2026-11-20
purpose = "self-audit"
statement = "I authorize a search of public sources for my own information."

[subject]
id = "judge"
name = "Ann Example"
city = "Springfield"
phones = ["+1 707 555 0100"]

[probes]
enabled = ["web"]
"""


def _kill_during_report(cmd: list[str], home: Path, out: Path) -> None:
    """Start the audit with a pause after each report file; SIGKILL it once the first is there."""
    proc = subprocess.Popen([sys.executable, "-m", "footprint", *cmd],
                            env=_env(home, FOOTPRINT_TEST_WRITE_DELAY="60", COLUMNS="200"), cwd=str(home),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while proc.poll() is None and not (out / "report.html").exists():
        time.sleep(0.05)
    assert proc.poll() is None, "the audit ended before its report step"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def _status(home: Path) -> list[str]:
    con = sqlite3.connect(home / "footprint.sqlite3")
    try:
        return [r[0] for r in con.execute("SELECT status FROM audits ORDER BY started, rowid")]
    finally:
        con.close()


def test_kill_while_the_report_is_written_then_resume(tmp_path: Path) -> None:
    from tests.warcutil import HTML, write_warc

    prof = tmp_path / "p.toml"
    prof.write_text(REPORT_PROFILE)
    warc = write_warc(tmp_path / "w.warc.gz", [
        ("https://people.example.com/ann", 200, HTML,
         "<html><body><p>Ann Example of Springfield, phone (707) 555-0100.</p></body></html>"),
        ("https://news.example.org/ann", 200, HTML,
         "<html><body><p>Judge Ann Example, Springfield, 707-555-0100.</p></body></html>"),
    ])
    args = ["audit", str(prof), "--web-archive", str(warc), "--format", "html,json,csv"]
    clean = tmp_path / "clean"
    clean.mkdir()
    r = run_cli([*args, "--out", str(tmp_path / "straight")], clean)
    assert r.returncode == 0, r.stderr
    straight = _findings(tmp_path / "straight" / "findings.json")
    assert straight

    home, out = tmp_path / "home", tmp_path / "out"
    home.mkdir()
    _kill_during_report([*args, "--out", str(out)], home, out)
    assert (out / "report.html").exists() and not (out / "findings.json").exists()
    assert _status(home) == ["reporting"]  # not "finished": its outputs are not all written
    assert "reporting" in run_cli(["audits"], home).stdout
    stale = out / ".findings.json.4242.tmp"  # what a kill in the middle of a file leaves
    stale.write_text('{"half": ')

    r = run_cli([*args, "--out", str(out), "--resume"], home)
    assert r.returncode == 0, r.stderr
    assert _findings(out / "findings.json") == straight
    assert {p.name for p in out.iterdir()} == {"report.html", "findings.json", "findings.csv"}
    assert _status(home) == ["finished"]
    # the next audit compares with the one whose report was finished
    r = run_cli([*args, "--out", str(tmp_path / "next")], home)
    assert r.returncode == 0, r.stderr
    data = json.loads((tmp_path / "next" / "findings.json").read_text())
    assert {f["status"] for f in data["findings"]} == {"still present"}


def test_a_rerun_after_a_killed_report_is_not_all_still_present(tmp_path: Path) -> None:
    """Not resumed but run again: the killed audit's report was never read, so the re-run
    compares with nothing (every finding new), and `report` can still write the killed one."""
    from tests.warcutil import HTML, write_warc

    prof = tmp_path / "p.toml"
    prof.write_text(REPORT_PROFILE)
    warc = write_warc(tmp_path / "w.warc.gz", [
        ("https://people.example.com/ann", 200, HTML,
         "<html><body><p>Ann Example of Springfield, phone (707) 555-0100.</p></body></html>")])
    args = ["audit", str(prof), "--web-archive", str(warc), "--format", "json,html"]
    home, out = tmp_path / "home", tmp_path / "out"
    home.mkdir()
    _kill_during_report([*args, "--out", str(out)], home, out)
    r = run_cli([*args, "--out", str(tmp_path / "again")], home)
    assert r.returncode == 0, r.stderr
    data = json.loads((tmp_path / "again" / "findings.json").read_text())
    assert data["findings"] and {f["status"] for f in data["findings"]} == {"new"}
    assert data["audit"]["previous_audit"] is None
    killed = next(line.split()[0] for line in run_cli(["audits"], home).stdout.splitlines()
                  if "reporting" in line)
    r = run_cli(["report", killed, "--out", str(tmp_path / "late")], home)
    assert r.returncode == 0, r.stderr
    assert _status(home) == ["finished", "finished"]


@pytest.mark.slow
def test_ctrl_c_exits_130_with_the_whole_resume_command(tmp_path: Path) -> None:
    """Ctrl-C: exit 130 (a scheduler must not record success), the printed command resumes into
    the same --out, and the --out folder the run created is not left behind empty."""
    demo.ensure_generated()
    home, out = tmp_path / "home", tmp_path / "new-out"
    home.mkdir()
    args = ["audit", str(demo.profile_path()), "--web-archive", str(demo.archive_path()), "--out", str(out),
            "--format", "json,csv"]
    # (SIGINT reset in the child: a test run started in the background ignores it, and the
    # audit would inherit that)
    proc = subprocess.Popen([sys.executable, "-m", "footprint", *args],
                            env=_env(home, FOOTPRINT_TEST_FETCH_DELAY="0.05", COLUMNS="400"), cwd=str(home),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    while proc.poll() is None and _pages(home) < 20:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate()
    assert proc.returncode == 130, err
    hint = err.strip().splitlines()[-1]
    assert hint.startswith("footprint: interrupted.") and f"--out {out}" in hint and "--format json,csv" in hint
    assert not out.exists()
    resume = hint.split("continue with: footprint ", 1)[1].split()
    r = run_cli(resume, home)
    assert r.returncode == 0, r.stderr
    assert {p.name for p in out.iterdir()} == {"findings.json", "findings.csv"}
