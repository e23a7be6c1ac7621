"""How fast a live audit stops when the network or the search engine is unreachable.

    .venv/bin/python benchmarks/offline_stop.py

Each row is a fresh `footprint audit` process of the demo family as a live profile (web, brokers,
accounts and images probes), in a private FOOTPRINT_HOME, timed from start to exit:

- ddgs, no network: the default search backend in a network namespace without interfaces
  (`unshare -rn`, as a laptop with no connection: every DNS lookup fails);
- SearXNG, closed port: `searxng_url` on a loopback port nothing listens on;
- SearXNG, unresolvable host: `searxng_url` on a name that does not resolve (`unshare -rn`).

And one row from the library: the live fetcher (default retries and backoff) asked for pages on
nine sites whose connections are refused, as when searches work but pages cannot be fetched.
The issue's target is under 30 s with one line and a non-zero exit.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from footprint import demo  # noqa: E402


def _live_profile(tmp: Path, network: str) -> Path:
    text = demo.profile_path().read_text()
    text = text.replace('purpose = "training"', 'purpose = "self-audit"')
    text = text.replace('photos = ["photos/judge-portrait.jpg"]', "photos = []")
    p = tmp / f"live-{abs(hash(network))}.toml"
    p.write_text(text + "\n" + network)
    return p


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = int(s.getsockname()[1])
    s.close()
    return port


def run(tmp: Path, profile: Path, isolate: bool) -> tuple[float, int, str]:
    home = Path(tempfile.mkdtemp(dir=tmp))
    cmd = [sys.executable, "-m", "footprint", "audit", str(profile), "--out", str(home / "out")]
    if isolate:
        cmd = ["unshare", "-rn", *cmd]
    env = dict(os.environ, FOOTPRINT_HOME=str(home), COLUMNS="400")
    t0 = time.perf_counter()
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=str(home))
    wall = time.perf_counter() - t0
    lines = r.stderr.strip().splitlines()
    return wall, r.returncode, lines[-1] if lines else ""


def fetch_breaker() -> tuple[float, str]:
    from footprint.engine import Auditor, WebAccess
    from footprint.errors import NetworkDown
    from footprint.model import SearchResult
    from footprint.profile import NetworkSettings, load_profile
    from footprint.store import open_store
    from footprint.web.http import HttpFetcher

    port = _closed_port()
    urls = [f"http://site{i}.test:{port}/p" for i in range(9)]

    class Search:
        name = "fixed"

        def search(self, query: str, *, kind: str = "web", max_results: int = 10) -> list[SearchResult]:
            return [SearchResult(url=u) for u in urls]

    prof = load_profile(demo.profile_path())
    prof = prof.__class__(**{**prof.__dict__, "probes": prof.probes.model_copy(update={"enabled": ("web",)})})
    http = HttpFetcher(NetworkSettings(), cache_path=None, contact=None, allow_hosts={"127.0.0.1"},
                       resolve={"*": "127.0.0.1"})
    with tempfile.TemporaryDirectory() as home, open_store(Path(home)) as store:
        t0 = time.perf_counter()
        try:
            Auditor(prof, WebAccess(http, Search()), store).run()
            msg = "did not stop"
        except NetworkDown as e:
            msg = str(e)
        return time.perf_counter() - t0, msg


def main() -> int:
    demo.ensure_generated()
    can_isolate = shutil.which("unshare") is not None and subprocess.run(
        ["unshare", "-rn", "true"], capture_output=True).returncode == 0
    print("| case | exit | seconds | the line |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        cases = [
            ("SearXNG, closed port", f'[network]\nsearch_backend = "searxng"\n'
                                     f'searxng_url = "http://127.0.0.1:{_closed_port()}"\n', False),
            ("ddgs, no network", "", True),
            ("SearXNG, unresolvable host", '[network]\nsearch_backend = "searxng"\n'
                                           'searxng_url = "https://searxng.court.invalid"\n', True),
        ]
        for name, network, isolate in cases:
            if isolate and not can_isolate:
                print(f"| {name} | – | – | skipped: `unshare -rn` is not available here |")
                continue
            wall, code, line = run(tmp, _live_profile(tmp, network), isolate)
            print(f"| {name} | {code} | {wall:.1f} | {line[:160]}{'…' if len(line) > 160 else ''} |")
    wall, msg = fetch_breaker()
    print(f"| live fetcher, 9 sites refusing (library, default retries) | – | {wall:.1f} | {msg} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
