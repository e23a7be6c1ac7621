"""`footprint init` driven through a pseudo-terminal, as a judge would use it: every question
answered (a wrong year and a wrong e-mail first, then right ones), a relative with consent and
one without, the probes chosen; the file it writes is private, commented, and `footprint check`
accepts it. No typed value reaches the log."""

from __future__ import annotations

import os
import signal
import stat
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli

pexpect = pytest.importorskip("pexpect")

FOOTPRINT = [sys.executable, "-m", "footprint"]


def _spawn(args: list[str], home: Path, lang: str = "C.UTF-8") -> object:
    home.mkdir(mode=0o700, exist_ok=True)
    env = dict(os.environ, FOOTPRINT_HOME=str(home), LANG=lang, LANGUAGE="", LC_ALL="",
               COLUMNS="200", NO_COLOR="1",
               PYTHONPATH=os.pathsep.join([str(REPO / "tests" / "_site"), str(REPO)]))
    # Ctrl-C must reach the wizard even when the test run itself ignores SIGINT (a CI started
    # in the background of a non-interactive shell: its children inherit the ignored signal)
    return pexpect.spawn(FOOTPRINT[0], [*FOOTPRINT[1:], *args], env=env, encoding="utf-8",
                         timeout=60, cwd=str(REPO), dimensions=(50, 200),
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


ANSWERS_EN = [
    ("Language of the report", "en"),
    ("Country", "CZ"),
    ("Purpose", "self-audit"),
    ("Who authorizes", "Jana Nováková"),
    ("Date of the consent", ""),
    ("Consent statement", ""),
    ("Full name of the judge", "Jana Nováková"),
    ("Other names", "Jana Malá"),
    ("Court", "Okresní soud v Kolíně"),
    ("City of residence", "Kolín"),
    ("Region", "Středočeský kraj"),
    ("Year of birth", "197"),          # wrong: asked again
    ("Expected a year", None),
    ("Year of birth", "1975"),
    ("Phone numbers", "+420 601 555 099"),
    ("E-mail addresses", "not-an-address"),   # wrong: asked again
    ("not an e-mail address", None),
    ("E-mail addresses", "jana.novakova@example.cz"),
    ("Usernames", "jnovakova75"),
    ("Add the home address", "y"),
    ("Street and number", "Zahradní 1187/5"),
    ("Town or city", "Kolín"),
    ("Postal code", "280 02"),
    ("Add a relative", "y"),
    ("Relation to the judge", "child"),
    ("agreed to be searched for", "y"),
    ("Full name of this relative", "Eva Nováková"),
    ("Other names", ""),
    ("City of residence", "Kolín"),
    ("Year of birth", "2014"),
    ("under 18", "y"),
    ("School", "ZŠ Kolín"),
    ("Phone numbers", ""),
    ("E-mail addresses", ""),
    ("Usernames", ""),
    ("Add a relative", "y"),
    ("Relation to the judge", "sibling"),
    ("agreed to be searched for", "n"),
    ("Name of this relative", "Petr Novák"),
    ("Add a relative", "n"),
    ("Run the web probe", "y"),
    ("Run the brokers probe", "y"),
    ("Run the accounts probe", "n"),
    ("Run the images probe", "n"),
]
TYPED = ["Nováková", "Malá", "601 555 099", "jana.novakova@example.cz", "jnovakova75",
         "Zahradní", "1187/5", "Eva", "Petr Novák", "ZŠ Kolín"]


def _drive(child: object, answers: list[tuple[str, str | None]]) -> str:
    for prompt, answer in answers:
        child.expect(prompt)  # type: ignore[attr-defined]
        if answer is not None:
            child.sendline(answer)  # type: ignore[attr-defined]
    child.expect(pexpect.EOF)  # type: ignore[attr-defined]
    child.close()  # type: ignore[attr-defined]
    return str(child.before)  # type: ignore[attr-defined]


def test_init_writes_a_profile_that_check_accepts(tmp_path: Path) -> None:
    target = tmp_path / "judge.toml"
    child = _spawn(["--verbose", "init", str(target)], tmp_path / "home")
    tail = _drive(child, ANSWERS_EN)
    assert child.exitstatus == 0, tail  # type: ignore[attr-defined]
    assert "Profile written to" in tail
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = target.read_text(encoding="utf-8")
    assert text.count("#") > 10, "a commented profile"
    data = tomllib.loads(text)
    assert data["audit"] == {"jurisdiction": "CZ", "language": "en", "threshold": 0.5}
    assert data["consent"]["purpose"] == "self-audit"
    assert data["subject"]["birth_year"] == 1975
    assert data["subject"]["emails"] == ["jana.novakova@example.cz"]
    assert data["subject"]["addresses"][0]["street"] == "Zahradní 1187/5"
    kid, sibling = data["relatives"]
    assert kid["consent"] is True and kid["minor"] is True and kid["school"] == "ZŠ Kolín"
    assert sibling == {"id": "sibling", "relation": "sibling", "name": "Petr Novák",
                       "consent": False}
    assert data["probes"]["enabled"] == ["web", "brokers"]
    # footprint check accepts it: the child is audited, the sibling is not
    r = run_cli(["check", str(target)], home=tmp_path / "home")
    assert r.returncode == 0, r.stderr
    assert "is valid" in r.stdout


def test_init_logs_no_value(tmp_path: Path) -> None:
    """With --verbose, the log lines (everything but the terminal's echo of the answers and the
    questions) hold no typed value; the file exists only once complete."""
    target = tmp_path / "p.toml"
    child = _spawn(["--verbose", "init", str(target)], tmp_path / "home")
    child.logfile_read = log = _Capture()  # type: ignore[attr-defined]
    _drive(child, ANSWERS_EN)
    logged = [line for line in log.text.splitlines()
              if line.startswith(("INFO", "WARNING", "ERROR", "DEBUG"))]
    for value in TYPED:
        assert not any(value in line for line in logged), value
    assert not list(tmp_path.glob(".*.tmp")), "no temp file left"


def test_init_refuses_an_existing_file_and_no_terminal(tmp_path: Path) -> None:
    target = tmp_path / "p.toml"
    target.write_text("# mine\n", encoding="utf-8")
    child = _spawn(["init", str(target)], tmp_path / "home")
    child.expect(pexpect.EOF)  # type: ignore[attr-defined]
    child.close()  # type: ignore[attr-defined]
    assert child.exitstatus == 2  # type: ignore[attr-defined]
    assert "already exists" in str(child.before)  # type: ignore[attr-defined]
    assert target.read_text(encoding="utf-8") == "# mine\n"
    r = run_cli(["init", str(tmp_path / "q.toml")], home=tmp_path / "home", input="")
    assert r.returncode == 2 and "terminal" in r.stderr
    assert not (tmp_path / "q.toml").exists()


def test_init_asks_in_the_chosen_language(tmp_path: Path) -> None:
    """Once the language is chosen, the questions and the file's comments are in it."""
    target = tmp_path / "cz.toml"
    child = _spawn(["init", str(target)], tmp_path / "home")
    child.expect("Language of the report")  # type: ignore[attr-defined]
    child.sendline("cs")  # type: ignore[attr-defined]
    child.expect("Země")  # type: ignore[attr-defined]
    child.sendcontrol("c")  # type: ignore[attr-defined]
    child.expect(pexpect.EOF)  # type: ignore[attr-defined]
    child.close()  # type: ignore[attr-defined]
    assert child.exitstatus == 130  # type: ignore[attr-defined]
    assert not target.exists(), "an interrupted init writes nothing"


class _Capture:
    def __init__(self) -> None:
        self.text = ""

    def write(self, s: str) -> None:
        self.text += s

    def flush(self) -> None:
        pass
