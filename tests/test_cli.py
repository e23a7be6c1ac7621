"""The CLI: exit codes, one-line errors without tracebacks, help everywhere, documented commands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from footprint.cli import app
from tests.conftest import REPO, run_cli

COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)  # type: ignore[union-attr]


def test_version(footprint_home: Path) -> None:
    r = run_cli(["--version"], footprint_home)
    assert r.returncode == 0 and re.match(r"footprint \d+\.\d+", r.stdout)


def test_check_prints_the_plan(footprint_home: Path) -> None:
    r = run_cli(["check", str(REPO / "config.example.toml")], footprint_home)
    assert r.returncode == 0, r.stderr
    assert "is valid" in r.stdout
    assert "son" in r.stdout and "did not consent" in r.stdout
    assert "Web queries planned" in r.stdout
    assert "Ryan" not in r.stdout  # a non-consenting person's name is never shown
    assert "1180 Hidden Oak" not in r.stdout  # nor a full address


def test_bad_profile_one_line_no_traceback(footprint_home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text((REPO / "config.example.toml").read_text().replace('purpose = "self-audit"', 'purpose = "fun"'))
    for cmd in (["check", str(bad)], ["audit", str(bad)]):
        r = run_cli(cmd, footprint_home)
        assert r.returncode == 2
        lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1, r.stderr
        assert "consent.purpose" in lines[0] and str(bad) in lines[0]
        assert "Traceback" not in r.stderr + r.stdout


def test_unknown_probe_lists_available(footprint_home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "p.toml"
    bad.write_text((REPO / "config.example.toml").read_text().replace(
        'enabled = ["web", "brokers", "accounts", "images"]', 'enabled = ["web", "telepathy"]'))
    r = run_cli(["check", str(bad)], footprint_home)
    assert r.returncode == 2
    assert "unknown probe 'telepathy'" in r.stderr
    for name in ("web", "brokers", "accounts", "images"):
        assert name in r.stderr


def test_missing_archive_is_a_clear_error(footprint_home: Path) -> None:
    r = run_cli(["audit", str(REPO / "config.example.toml"), "--web-archive", "/nonexistent/x.warc.gz"],
                footprint_home)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    assert "x.warc.gz" in r.stderr


def test_bad_format_and_purge_usage(footprint_home: Path) -> None:
    r = run_cli(["audit", str(REPO / "config.example.toml"), "--format", "docx"], footprint_home)
    assert r.returncode == 2 and "unknown format docx" in r.stderr
    r = run_cli(["purge"], footprint_home)
    assert r.returncode == 2 and "--audit" in r.stderr
    r = run_cli(["purge", "--audit", "nope"], footprint_home)
    assert r.returncode == 2 and "no stored audit" in r.stderr


def test_audits_empty_and_purge_all(footprint_home: Path) -> None:
    r = run_cli(["audits"], footprint_home)
    assert r.returncode == 0 and "No audits stored" in r.stdout
    r = run_cli(["purge", "--all", "--yes"], footprint_home)
    assert r.returncode == 0 and "Deleted 0 audits" in r.stdout


def test_every_command_has_help_and_is_in_the_readme(footprint_home: Path) -> None:
    readme = (REPO / "README.md").read_text()
    assert COMMANDS
    for cmd in COMMANDS:
        r = run_cli([cmd, "--help"], footprint_home)
        assert r.returncode == 0 and "Usage" in r.stdout, cmd
        assert f"footprint {cmd}" in readme, f"`footprint {cmd}` is not documented in README.md"


def test_purge_all_leaves_the_data_folder_empty(footprint_home: Path) -> None:
    """After an audit (store, key, archive index, report in the data folder), downloaded site
    data and a temp file a kill left behind, `purge --all` leaves nothing of footprint's; a file
    footprint did not make is kept and named."""
    from footprint import demo
    from footprint.sites import save_disabled

    demo.ensure_generated()
    r = run_cli(["audit", str(demo.profile_path()), "--web-archive", str(demo.archive_path()),
                 "--format", "json"], footprint_home)
    assert r.returncode == 0, r.stderr
    save_disabled(footprint_home, {"x": {"name": "X", "reason": "test", "on": "2026-01-01"}})
    (footprint_home / ".store.key.4242.tmp").write_bytes(b"k")
    made = sorted(p.name for p in footprint_home.iterdir())
    assert {"cache", "reports", "sites", "footprint.sqlite3", "store.key"} <= set(made), made
    (footprint_home / "my-notes.txt").write_text("mine")
    r = run_cli(["purge", "--all", "--yes"], footprint_home)
    assert r.returncode == 0, r.stderr
    assert "Deleted 1 audits" in r.stdout and "Left in place (not created by footprint): my-notes.txt" in r.stdout
    assert sorted(p.name for p in footprint_home.iterdir()) == ["my-notes.txt"]
    (footprint_home / "my-notes.txt").unlink()
    r = run_cli(["purge", "--all", "--yes"], footprint_home)
    assert r.returncode == 0 and "Left in place" not in r.stdout
    assert list(footprint_home.iterdir()) == []


@pytest.mark.slow
def test_summary_line_honours_triage(footprint_home: Path, tmp_path: Path) -> None:
    """A finding labelled not-me is not counted as confirmed in the summary after the next audit;
    one labelled confirmed is, even if it was only a possible match."""
    import json

    from footprint import demo

    demo.ensure_generated()
    cmd = ["audit", str(demo.profile_path()), "--web-archive", str(demo.archive_path()),
           "--format", "json"]
    first = run_cli([*cmd, "--out", str(tmp_path / "a")], footprint_home)
    assert first.returncode == 0, first.stderr
    found = json.loads((tmp_path / "a" / "findings.json").read_text())["findings"]
    crit = next(f for f in found if f["severity"] == "critical" and not f["possible_match"])
    maybe = next(f for f in found if f["possible_match"])
    n_crit = sum(f["severity"] == "critical" and not f["possible_match"] for f in found)
    n_all = sum(not f["possible_match"] for f in found)
    assert f"{n_all} confirmed findings (critical {n_crit}," in first.stdout
    for fid, label in ((crit["id"], "not-me"), (maybe["id"], "confirmed")):
        assert run_cli(["triage", fid, label], footprint_home).returncode == 0
    second = run_cli([*cmd, "--out", str(tmp_path / "b")], footprint_home)
    assert second.returncode == 0, second.stderr
    crit_after = n_crit - 1 + (maybe["severity"] == "critical")  # not me goes, confirmed counts
    assert f"{n_all} confirmed findings (critical {crit_after}," in second.stdout
    assert "1 marked not me" in second.stdout
