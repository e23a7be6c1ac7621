"""`footprint roster audit`: a court's households in one run. A roster file or a folder; bad
input is one line and exit 2 before anything runs; two households never see each other's data in
any roster output; a roster of 20 fictitious households (the demo written again with other
names), killed with SIGKILL at random points and resumed, ends with the same findings and the
same summary as a straight run; several households at once give the same findings as one by
one."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from footprint.demo.roster import generate_roster
from tests.conftest import REPO, run_cli
from tests.test_households import ANN, ANN_ONLY, BEA, PAGES, profile_text
from tests.warcutil import HTML, write_warc

BEA_ONLY = ("bea-sample", "555-0199", "5550199", "Bea Sample", "Shelbyville")


@pytest.fixture
def two(tmp_path: Path) -> Path:
    """A folder with two households' profiles (both say id = "judge") and one archive."""
    folder = tmp_path / "court"
    folder.mkdir()
    (folder / "ann.toml").write_text(profile_text(ANN))
    (folder / "bea.toml").write_text(profile_text(BEA))
    write_warc(tmp_path / "web.warc.gz", [(u, 200, HTML, f"<html><body>{b}</body></html>")
                                           for u, b in PAGES.items()])
    return folder


def _texts(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text("utf-8") for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_folder_roster_and_no_household_sees_the_others(two: Path, tmp_path: Path,
                                                         footprint_home: Path) -> None:
    out = tmp_path / "out"
    r = run_cli(["roster", "audit", str(two), "--web-archive", str(tmp_path / "web.warc.gz"),
                 "--out", str(out), "--format", "html,json,csv"], footprint_home)
    assert r.returncode == 0, r.stderr
    summary = json.loads((out / "roster.json").read_text())
    rows = {row["judge"]: row for row in summary["households"]}
    assert len(rows) == 2 and {row["status"] for row in rows.values()} == {"audited"}
    assert len({row["household"] for row in rows.values()}) == 2
    assert sum(row["counts"]["high"] + row["counts"]["critical"] for row in rows.values()) > 0
    # every output: no name or phone of either family in clear (a town is not masked), in the
    # summary, the terminal or any household's folder
    secret = [x for x in (*ANN_ONLY, *BEA_ONLY) if x not in ("Springfield", "Shelbyville", "springfield-court")]
    texts = _texts(out)
    assert {"roster.html", "roster.csv", "roster.json"} <= set(texts)
    for name, text in texts.items():
        assert not [x for x in secret if x in text], name
    assert not [x for x in secret if x in r.stdout + r.stderr]
    # each household's folder holds its own audit only: nothing of the other family at all
    for row in rows.values():
        data = json.loads((out / row["report"] / "findings.json").read_text())
        assert data["audit"]["household"] == row["household"] and data["audit"]["id"] == row["audit_id"]
        mine = "ann" if any("Springfield" in f["evidence"] for f in data["findings"]) else "bea"
        other = BEA_ONLY if mine == "ann" else ANN_ONLY
        for name, text in _texts(out / row["report"]).items():
            assert not [x for x in other if x in text], (mine, name)
    # the roster's audits are ordinary audits of their households: a second run compares with them
    r2 = run_cli(["roster", "audit", str(two), "--web-archive", str(tmp_path / "web.warc.gz"),
                  "--out", str(tmp_path / "out2")], footprint_home)
    assert r2.returncode == 0, r2.stderr
    again = {row["household"]: row for row in json.loads((tmp_path / "out2" / "roster.json").read_text())["households"]}
    assert set(again) == {row["household"] for row in rows.values()}
    assert all(row["new"] == 0 and len(row["trend"]) == 2 for row in again.values())
    html = (out / "roster.html").read_text()
    assert "<script" not in html.lower() and "script-src" not in html and "default-src 'none'" in html


def test_a_roster_file_with_labels_and_its_own_archives(two: Path, tmp_path: Path,
                                                       footprint_home: Path) -> None:
    roster = tmp_path / "roster.toml"
    roster.write_text(f'[roster]\nname = "Court 7"\nweb_archive = "{tmp_path / "web.warc.gz"}"\n\n'
                      '[[household]]\nprofile = "court/ann.toml"\nlabel = "Dept. 3 (Ann Example)"\n\n'
                      '[[household]]\nprofile = "court/bea.toml"\n')
    r = run_cli(["roster", "audit", str(roster), "--out", str(tmp_path / "o")], footprint_home)
    assert r.returncode == 0, r.stderr
    data = json.loads((tmp_path / "o" / "roster.json").read_text())
    assert data["roster"]["name"] == "Court 7"
    labels = {row["label"] for row in data["households"]}
    assert "Dept. 3 (A** E******)" in labels and None in labels  # a label is masked like the rest


@pytest.mark.parametrize(("body", "message"), [
    ('[[household]]\nprofil = "a.toml"\n', "household[0].profil: unknown key"),
    ('[[household]]\nlabel = "x"\n', "household[0].profile: missing"),
    ('[[household]]\nprofile = "nope.toml"\n', "household[0].profile: no such file"),
    ('[roster]\nname = "x"\n', "not a roster"),
    ('[subject]\nname = "Ann"\n[consent]\n', "it looks like a profile"),
    ("[[household]\n", "not valid TOML"),
    ('[[household]]\nprofile = "court/ann.toml"\nlabel = "a\u202eb"\n', "control or invisible"),
    ('[[household]]\nprofile = "court/ann.toml"\n[[household]]\nprofile = "court/ann.toml"\n',
     "the same household as"),
])
def test_bad_roster_is_one_line_exit_2(body: str, message: str, two: Path, tmp_path: Path,
                                       footprint_home: Path) -> None:
    roster = tmp_path / "roster.toml"
    roster.write_text(body)
    r = run_cli(["roster", "audit", str(roster), "--web-archive", str(tmp_path / "web.warc.gz")],
                footprint_home)
    assert r.returncode == 2, r.stderr
    assert message in r.stderr and r.stderr.strip().count("\n") == 0, r.stderr
    assert "Traceback" not in r.stderr and "\u202e" not in r.stderr


def test_invalid_profiles_stop_the_run_unless_skipped(two: Path, tmp_path: Path, footprint_home: Path) -> None:
    (two / "broken.toml").write_text(profile_text(ANN).replace('[consent]\n', '[consent]\nconsent = "yes"\n'))
    archive = str(tmp_path / "web.warc.gz")
    r = run_cli(["roster", "audit", str(two), "--web-archive", archive], footprint_home)
    assert r.returncode == 2 and "broken.toml" in r.stderr and "--skip-invalid" in r.stderr
    assert not (footprint_home / "reports").exists()  # nothing ran
    r = run_cli(["roster", "audit", str(two), "--web-archive", archive, "--skip-invalid",
                 "--out", str(tmp_path / "o")], footprint_home)
    assert r.returncode == 1, r.stderr  # two audited, one not: said, and in the summary
    rows = json.loads((tmp_path / "o" / "roster.json").read_text())["households"]
    assert [row["status"] for row in rows].count("audited") == 2
    bad = next(row for row in rows if row["status"] == "invalid")
    assert bad == rows[0] and "broken.toml" not in bad["error"]  # the summary names no file


def test_resume_without_a_stopped_run_is_bad_input(two: Path, tmp_path: Path, footprint_home: Path) -> None:
    r = run_cli(["roster", "audit", str(two), "--web-archive", str(tmp_path / "web.warc.gz"), "--resume"],
                footprint_home)
    assert r.returncode == 2 and "no stopped run of this roster" in r.stderr


# --- 20 fictitious households, killed and resumed -------------------------------------------------


@pytest.fixture(scope="module")
def court(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_roster(tmp_path_factory.mktemp("court") / "court", 20)


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, FOOTPRINT_HOME=str(home), NO_COLOR="1",
               PYTHONPATH=os.pathsep.join([str(REPO / "tests" / "_site"), str(REPO)]))
    env.update(extra)
    return env


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


def _outcome(out: Path) -> tuple[dict[str, list[tuple]], list[tuple]]:  # type: ignore[type-arg]
    """Each household's findings (by its roster label) and the summary's rows, without ids and
    times."""
    summary = json.loads((out / "roster.json").read_text())
    findings, rows = {}, []
    for row in summary["households"]:
        data = json.loads((out / row["report"] / "findings.json").read_text())
        findings[row["label"]] = sorted(
            (f["person"], f["category"], f["url"], f["evidence"], f["severity"], f["possible_match"],
             f["status"]) for f in data["findings"])
        rows.append((row["label"], row["judge"], row["status"], json.dumps(row["counts"]), row["new"],
                     row["relisted"], row["open"], row["coverage"], row["complete"]))
    return findings, rows


@pytest.mark.slow
def test_twenty_households_killed_at_random_points_end_like_a_straight_run(court: Path, tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "footprint", "roster", "audit", str(court), "--format", "json"]
    straight_home, killed_home = tmp_path / "straight", tmp_path / "killed"
    straight_home.mkdir()
    killed_home.mkdir()
    r = subprocess.run([*cmd, "--out", str(tmp_path / "a")], env=_env(straight_home), capture_output=True,
                       text=True, cwd=str(straight_home))
    assert r.returncode == 0, r.stderr
    total = _pages(straight_home)
    assert total > 20 * 150

    rng = random.Random(14)
    kills = sorted(rng.sample(range(total // 20, total - total // 20), 3))
    resume: list[str] = []
    for at in kills:
        proc = subprocess.Popen([*cmd, "--out", str(tmp_path / "b"), *resume], env=_env(
            killed_home, FOOTPRINT_TEST_FETCH_DELAY="0.002"), cwd=str(killed_home),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while proc.poll() is None and _pages(killed_home) < at:
            time.sleep(0.02)
        assert proc.poll() is None, "the roster finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        resume = ["--resume"]
    assert not (tmp_path / "b" / "roster.json").exists()
    r = subprocess.run([*cmd, "--out", str(tmp_path / "b"), "--resume"], env=_env(killed_home),
                       capture_output=True, text=True, cwd=str(killed_home))
    assert r.returncode == 0, r.stderr

    straight, killed = _outcome(tmp_path / "a"), _outcome(tmp_path / "b")
    assert len(straight[0]) == 20 and all(straight[0].values())
    assert killed[0] == straight[0]
    assert killed[1] == straight[1]
    # each household was audited once in the end (a killed audit resumed, never started twice)
    con = sqlite3.connect(killed_home / "footprint.sqlite3")
    finished = con.execute("SELECT COUNT(*), COUNT(DISTINCT household) FROM audits WHERE status = 'finished'").fetchone()
    con.close()
    assert finished == (20, 20)


@pytest.mark.slow
def test_several_households_at_once_find_the_same(court: Path, tmp_path: Path) -> None:
    roster = court.parent / "three.toml"
    roster.write_text("".join(f'[[household]]\nprofile = "judge-0{i}/profile.toml"\nlabel = "D{i}"\n'
                              f'web_archive = "judge-0{i}/web.warc.gz"\n\n' for i in (1, 2, 3)))
    one, many = tmp_path / "one", tmp_path / "many"
    for home, jobs in ((one, "1"), (many, "3")):
        home.mkdir()
        r = run_cli(["roster", "audit", str(roster), "--format", "json", "--jobs", jobs,
                     "--out", str(home / "out")], home)
        assert r.returncode == 0, r.stderr
    a, b = _outcome(one / "out"), _outcome(many / "out")
    assert len(a[0]) == 3 and a == b
