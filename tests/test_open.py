"""`footprint open`: the full report served once from memory on 127.0.0.1 — over loopback HTTP
as a browser would ask for it, and in a real headless Chromium when it is installed (scripts/
setup.sh --test installs it as root) — with working links and full letters, and nothing
written to disk."""

from __future__ import annotations

import http.client
import os
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from footprint.engine import Auditor
from footprint.profile import load_profile
from footprint.store import open_store
from footprint.viewer import OneShotViewer
from footprint.web.factory import open_web
from tests.conftest import REPO

UK = REPO / "tests" / "fixtures" / "intl" / "uk"
LISTING = "https://www.192.com/atoz/people/holloway/catherine/leeds/"


def _quality() -> Any:
    import importlib.util

    name = "footprint_benchmark_quality"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / "quality.py")
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[name]


@pytest.fixture
def stored_audit(footprint_home: Path, tmp_path: Path) -> str:
    """The UK family audited offline into the test's data folder; its id."""
    archive = _quality().build_fixture_archive(UK, tmp_path / "uk.warc.gz")
    profile = load_profile(UK / "profile.toml")
    web = open_web(profile, archive, footprint_home)
    try:
        with open_store(footprint_home) as store:
            return Auditor(profile, web, store, data_dir=footprint_home).run().id
    finally:
        web.fetcher.close()


def _get(url: str, host: str | None = None) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:  # noqa: S310 (loopback only)
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def _files(*roots: Path) -> set[Path]:
    return {p for r in roots for p in r.rglob("*")}


# --- the one-shot server ----------------------------------------------------------------------------


def test_served_once_to_the_right_address_only() -> None:
    viewer = OneShotViewer(b"<p>secret page</p>", timeout=120)
    urls: list[str] = []
    t = threading.Thread(target=lambda: urls.append(str(viewer.serve())))
    t.start()
    base = f"http://127.0.0.1:{viewer.port}"
    # wrong token, no token, a longer path: 404, and the token is not used up
    for path in ("/", "/nope/", f"/{viewer.token}", f"/{viewer.token}/x", f"/{viewer.token[:-1]}/"):
        code, _, body = _get(base + path)
        assert code == 404 and b"secret" not in body, path
    # the right token under another Host name (DNS rebinding): refused, not used up
    code, _, body = _get(viewer.url, host=f"evil.example:{viewer.port}")
    assert code == 421 and b"secret" not in body
    conn = http.client.HTTPConnection("127.0.0.1", viewer.port, timeout=30)
    conn.request("HEAD", f"/{viewer.token}/")
    assert conn.getresponse().status == 405
    conn.close()
    code, headers, body = _get(viewer.url)
    assert code == 200 and body == b"<p>secret page</p>"
    assert headers["Cache-Control"].startswith("no-store")
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "script-src" not in headers["Content-Security-Policy"]
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    t.join(timeout=60)
    assert urls == ["True"], "served, then stopped"
    with pytest.raises(OSError):  # nobody listens any more
        urllib.request.urlopen(viewer.url, timeout=10)  # noqa: S310


def test_a_second_request_while_serving_gets_nothing() -> None:
    viewer = OneShotViewer(b"x" * 100, timeout=120)
    viewer._claimed = True  # as if a first request had just taken the page
    t = threading.Thread(target=viewer.serve)
    t.start()
    code, _, body = _get(viewer.url)
    assert code == 410 and b"x" * 100 not in body
    viewer._finished.set()
    t.join(timeout=60)
    assert not viewer.delivered


def test_unopened_report_stops_at_the_timeout() -> None:
    viewer = OneShotViewer(b"page", timeout=0.5)
    assert viewer.serve() is False
    with pytest.raises(OSError):
        urllib.request.urlopen(viewer.url, timeout=10)  # noqa: S310


# --- the command ----------------------------------------------------------------------------------


def _start_open(audit_id: str, home: Path, *extra: str) -> tuple[subprocess.Popen[str], str]:
    env = dict(os.environ, FOOTPRINT_HOME=str(home), NO_COLOR="1", COLUMNS="200",
               PYTHONPATH=os.pathsep.join([str(REPO / "tests" / "_site"), str(REPO)]))
    proc = subprocess.Popen([sys.executable, "-m", "footprint", "open", audit_id, "--no-browser",
                             "--timeout", "120", *extra], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=str(home))
    assert proc.stdout is not None
    lines = []
    for line in proc.stdout:
        lines.append(line)
        if "http://127.0.0.1:" in line:
            return proc, line.strip()
    raise AssertionError("no address printed: " + "".join(lines) + proc.stderr.read())  # type: ignore[union-attr]


def _check_full_report(html: str) -> None:
    assert "14 Wrenbeck Grove" in html, "full values"
    assert "Headingley Park Primary School" in html or "headingley" in html.lower()
    assert f'href="{LISTING}"' in html, "the exposing page is a working link"
    assert "[Draft from the masked report" not in html, "the letters are the full ones"
    assert "Catherine" in html and "Holloway" in html
    assert "served it once, from memory" in html and "It was written encrypted" not in html


def test_open_serves_the_full_report_and_writes_nothing(stored_audit: str, footprint_home: Path,
                                                        tmp_path: Path) -> None:
    before = _files(footprint_home, tmp_path)
    proc, url = _start_open(stored_audit, footprint_home)
    code, headers, body = _get(url)
    out, err = proc.communicate(timeout=120)
    assert code == 200 and headers["Cache-Control"].startswith("no-store")
    _check_full_report(body.decode())
    assert proc.returncode == 0, err
    assert "Shown" in out
    after = _files(footprint_home, tmp_path)
    assert {p for p in after - before if not p.name.startswith("footprint.sqlite3")} == set(), \
        "no file written"
    with pytest.raises(OSError):  # the server is gone with the page
        _get(url)


def test_open_an_unknown_audit_is_one_line(footprint_home: Path) -> None:
    from tests.conftest import run_cli

    r = run_cli(["open", "nosuchaudit", "--no-browser"], footprint_home)
    assert r.returncode != 0 and "no stored audit" in r.stderr and "Traceback" not in r.stderr
    r = run_cli(["open", "x", "--timeout", "0"], footprint_home)
    assert r.returncode == 2 and "--timeout" in r.stderr


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                    "(scripts/setup.sh --test installs it when run as root)")
def test_open_in_headless_chromium(stored_audit: str, footprint_home: Path, tmp_path: Path) -> None:
    proc, url = _start_open(stored_audit, footprint_home)
    profile_dir = tmp_path / "chromium-profile"
    dom = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--no-first-run",
         "--disable-sync", f"--user-data-dir={profile_dir}", "--dump-dom", url],
        capture_output=True, text=True, timeout=300)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, (err, dom.stderr[-2000:])
    _check_full_report(dom.stdout)
    # the browser was served the page from memory and kept no copy of it in its cache
    cached = [p for p in profile_dir.rglob("*") if p.is_file()
              and "Cache" in str(p) and b"Wrenbeck" in p.read_bytes()]
    assert cached == []
