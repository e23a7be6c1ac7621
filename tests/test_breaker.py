"""Coverage is part of the verdict: when the network or the search engine stops answering, the
audit stops within a few requests — non-zero exit, one line, nothing written as "clean" — keeps
what it did, and `--resume` finishes it once the network is back. One site that is down is that
site's problem, not a network outage."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests

from footprint.engine import Auditor, NetworkBreaker, WebAccess, is_transport_failure
from footprint.errors import FetchError, NetworkDown, ProbeError
from footprint.model import Hit, Query
from footprint.profile import NetworkSettings, Profile
from footprint.store import open_store
from footprint.web import http as fhttp
from footprint.web.http import HttpFetcher
from tests.conftest import FakeAnalyzer, FakeFetcher, FakeProbe, FakeSearch, run_cli

# --- which failures are the network's ------------------------------------------------------------


def _real_http_reasons() -> dict[str, bool]:
    """Reasons as the live fetcher words them, made from the exceptions requests raises."""
    from urllib3.exceptions import NameResolutionError

    dns = requests.ConnectionError(NameResolutionError("site.example", None, socket.gaierror(-2, "x")))  # type: ignore[arg-type]
    refused = requests.ConnectionError(ConnectionRefusedError(111, "refused"))
    return {
        fhttp._reason(dns, 10): True,
        fhttp._reason(refused, 10): True,
        fhttp._reason(requests.ConnectionError("unreachable"), 10): True,
        fhttp._reason(requests.ConnectTimeout(), 10): True,
        fhttp._reason(requests.ReadTimeout(), 10): True,
        fhttp._reason(requests.exceptions.SSLError(), 10): True,
        fhttp._reason(fhttp.TooLarge(), 10): False,
        fhttp._reason(fhttp.AddressRefused("refused: private address"), 10): False,
        "HTTP 503 after 4 attempts": False,
        "blocked: HTTP 429 rate limited": False,
        "unexpected content type application/pdf": False,
    }


def test_transport_failures_of_fetches_are_told_from_answers() -> None:
    reasons = _real_http_reasons()
    assert "DNS lookup failed" in reasons and "connection refused" in reasons
    for reason, transport in reasons.items():
        assert is_transport_failure(reason) is transport, reason


@pytest.mark.parametrize(("reason", "down"), [
    ("cannot reach the instance (ConnectionError)", True),  # SearXNG, connection failed
    ("timed out", True),
    ("HTTP 502: instance error", True),
    ("engines unresponsive: bing, duckduckgo", True),
    ("network error: cannot resolve the search engines (offline?)", True),  # ddgs, DNS
    ("network error: connection failed", True),
    ("no results after 3 tries (possible blocking)", False),  # ddgs: the engines answered
    ("HTTP 429: rate limited by the instance's limiter", False),
    ("HTTP 403: forbidden (is `json` enabled under search.formats in settings.yml?)", False),
])
def test_transport_failures_of_searches(reason: str, down: bool) -> None:
    assert is_transport_failure(reason, search=True) is down


def test_ddgs_words_an_offline_machine_as_a_network_failure() -> None:
    from ddgs.exceptions import DDGSException

    from footprint.web.search_ddgs import _reason

    reason = _reason(DDGSException("error sending request: dns error: failed to lookup address"))
    assert is_transport_failure(reason, search=True)


# --- the breaker -------------------------------------------------------------------------------------


def test_breaker_trips_on_searches_in_a_row() -> None:
    b = NetworkBreaker()
    b.search_failed("timed out")
    b.search_answered()  # one answer in between: the network works
    b.search_failed("timed out")
    b.search_failed("timed out")
    with pytest.raises(NetworkDown, match="3 searches in a row"):
        b.search_failed("DNS lookup failed")
    with pytest.raises(NetworkDown):
        b.check()


def test_one_dead_site_never_trips_the_breaker() -> None:
    b = NetworkBreaker()
    for _ in range(50):
        b.fetch_failed("down.example", "connection refused")
    assert b.tripped is None
    for host in ("a.example", "b.example"):
        b.fetch_failed(host, "connection refused")
    assert b.tripped is None  # 52 failures, but only 3 sites


def test_breaker_trips_on_fetches_across_sites() -> None:
    b = NetworkBreaker()
    hosts = [f"s{i}.example" for i in range(8)]
    for h in hosts[:7]:
        b.fetch_failed(h, "DNS lookup failed")
    b.fetch_answered()  # a page answered: start again
    for h in hosts[:7]:
        b.fetch_failed(h, "DNS lookup failed")
    with pytest.raises(NetworkDown, match="8 pages on 8 different sites"):
        b.fetch_failed(hosts[7], "DNS lookup failed")


# --- the engine stops, keeps its work, and resumes ------------------------------------------------


class ManyQueries(FakeProbe):
    """Three searches per person, each answered with the person's pages."""

    def plan(self) -> list[Query]:
        return [Query(person=p.id, identifier=f"name{i}", text=p.id, probe=self.name)
                for p in self.ctx.profile.people for i in range(3)]

    def run(self, query: Query) -> Iterable[Hit]:
        for r in self.ctx.search.search(query.text):
            yield Hit(url=f"{r.url}#{query.identifier}", probe=self.name, person=query.person,
                      reason="test", query=query.key)


PAGES = {
    "https://a.example/1": "judge|phone|+17075550100|0.9",
    "https://b.example/2": "spouse|workplace|Acme Corp|0.8",
}
SEARCH = {"judge": ["https://a.example/1"], "spouse": ["https://b.example/2"]}


class SearchDown(FakeSearch):
    """A search backend whose server is gone after `after` searches."""

    def __init__(self, answers: dict[str, list[str]], after: int) -> None:
        super().__init__(answers)
        self.after = after

    def search(self, query: str, **kw: Any):  # type: ignore[no-untyped-def]
        if len(self.calls) >= self.after:
            self.calls.append(query)
            raise ProbeError("search:searxng", "cannot reach the instance (ConnectionError)")
        return super().search(query, **kw)


def _pages(fetcher: FakeFetcher) -> FakeFetcher:
    fetcher.pages.update({f"{u}#name{i}": b for u, b in PAGES.items() for i in range(3)})
    return fetcher


def _auditor(profile: Profile, home: Path, search: FakeSearch, fetcher: FakeFetcher) -> Auditor:
    return Auditor(profile, WebAccess(fetcher=fetcher, search=search), open_store(home),
                   probe_classes={"fake": ManyQueries}, analyzer=FakeAnalyzer())


def _key(res):  # type: ignore[no-untyped-def]
    return sorted((f.person, f.category.value, f.url, f.severity.value) for f in res.findings)


def test_search_engine_down_stops_the_audit_and_resume_finishes_it(profile: Profile, tmp_path: Path) -> None:
    straight = _auditor(profile, tmp_path / "a", FakeSearch(SEARCH), _pages(FakeFetcher())).run()
    assert straight.coverage is not None and straight.coverage.complete

    home = tmp_path / "b"
    down = SearchDown(SEARCH, after=2)
    written: list[str] = []
    aud = _auditor(profile, home, down, _pages(FakeFetcher()))
    with pytest.raises(NetworkDown, match="3 searches in a row failed"):
        aud.run(write=lambda r: written.append(r.id))
    assert len(down.calls) == 5 and written == []  # stopped at the third failure, nothing reported
    aud.store.close()
    with open_store(home) as store:
        row = store.resumable(aud.household.key)  # type: ignore[union-attr]
        assert row is not None and row.status == "unreachable"
        assert store.count_units(row.id) == (2, 0)  # the answered searches are kept, the failed forgotten
        assert store.findings(row.id) == []
    back = FakeSearch(SEARCH)
    res = _auditor(profile, home, back, _pages(FakeFetcher())).run(resume=True, write=lambda r: written.append(r.id))
    assert res.id == row.id and written == [row.id]
    assert len(back.calls) == 4  # only what was not answered before the outage
    assert _key(res) == _key(straight)
    assert res.coverage is not None and res.coverage.complete


def test_fetches_failing_on_many_sites_stop_the_audit(profile: Profile, tmp_path: Path) -> None:
    urls = [f"https://s{i}.example/p" for i in range(12)]
    fetcher = FakeFetcher({u: FetchError(u, "DNS lookup failed") for u in urls})
    profile = profile.__class__(**{**profile.__dict__, "network": NetworkSettings(max_concurrency=1)})
    aud = Auditor(profile, WebAccess(fetcher=fetcher, search=FakeSearch({"judge": urls})), open_store(tmp_path),
                  probe_classes={"fake": FakeProbe}, analyzer=FakeAnalyzer())
    with pytest.raises(NetworkDown, match="8 pages on 8 different sites"):
        aud.run()
    assert len(fetcher.fetched) == 8
    assert aud.store.audit(aud.audit_id).status == "unreachable"  # type: ignore[union-attr]


def test_a_dead_site_is_not_checked_and_the_audit_goes_on(profile: Profile, tmp_path: Path) -> None:
    dead = [f"https://dead.example/{i}" for i in range(8)]
    fetcher = FakeFetcher({**PAGES, **{u: FetchError(u, "connection refused") for u in dead}})
    search = FakeSearch({"judge": [*dead, "https://a.example/1"], "spouse": ["https://b.example/2"]})
    aud = Auditor(profile, WebAccess(fetcher=fetcher, search=search), open_store(tmp_path),
                  probe_classes={"fake": FakeProbe}, analyzer=FakeAnalyzer())
    res = aud.run()
    assert res.coverage is not None
    assert (res.coverage.pages, res.coverage.pages_failed) == (10, 8)
    assert not res.coverage.complete and res.coverage.percent == 33  # 4 of 12 sources answered
    assert {f.person for f in res.findings} == {"judge", "spouse"}
    assert {s.reason for s in res.skipped} == {"connection refused"}


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = int(s.getsockname()[1])
    s.close()
    return port


def test_live_fetcher_against_unreachable_sites_trips_the_breaker(profile: Profile, tmp_path: Path) -> None:
    """The real fetcher, real refused connections on loopback, nine different site names."""
    port = _closed_port()
    settings = NetworkSettings.model_validate({"retries": 0, "timeout": 2, "max_concurrency": 2,
                                               "rate_per_host": 50})
    http = HttpFetcher(settings, cache_path=None, contact="tests@example.org",
                       allow_hosts={"127.0.0.1"}, resolve={"*": "127.0.0.1"})
    urls = [f"http://site{i}.test:{port}/judge" for i in range(9)]
    aud = Auditor(profile, WebAccess(fetcher=http, search=FakeSearch({"judge": urls})), open_store(tmp_path),
                  probe_classes={"fake": FakeProbe}, analyzer=FakeAnalyzer())
    t0 = time.perf_counter()
    with pytest.raises(NetworkDown, match="connection refused"):
        aud.run()
    print(f"live fetcher: stopped after {time.perf_counter() - t0:.2f} s")
    http.close()


# --- the CLI: offline live audit ----------------------------------------------------------------------

LIVE = """
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

[network]
search_backend = "searxng"
searxng_url = "http://127.0.0.1:{port}"
"""


class EmptySearxng:
    """A SearXNG JSON API that answers every search with no result (engines all responsive)."""

    def __init__(self, port: int) -> None:
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a: Any) -> None:
                pass

            def do_GET(self) -> None:
                body = json.dumps({"results": [], "unresponsive_engines": []}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def closed_port() -> Iterator[int]:
    yield _closed_port()


def test_offline_live_audit_exits_non_zero_with_one_line(tmp_path: Path, footprint_home: Path,
                                                         closed_port: int) -> None:
    prof = tmp_path / "live.toml"
    prof.write_text(LIVE.format(port=closed_port))
    out = tmp_path / "out"
    t0 = time.perf_counter()
    r = run_cli(["audit", str(prof), "--out", str(out), "--format", "html,json"], footprint_home)
    elapsed = time.perf_counter() - t0
    print(f"offline live audit (search engine on a closed port): exit {r.returncode} after {elapsed:.2f} s")
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in r.stderr
    assert "cannot be reached" in lines[0] and "nothing reported" in lines[0]
    assert f"--resume --out {out}" in lines[0]
    assert "Ann" not in r.stderr and "555" not in r.stderr
    assert not out.exists()  # nothing written, not even an empty folder
    listed = run_cli(["audits"], footprint_home).stdout
    stopped = next(line.split()[0] for line in listed.splitlines() if "unreachable" in line)
    r = run_cli(["report", stopped, "--out", str(tmp_path / "r")], footprint_home)
    assert r.returncode == 1 and "did not finish" in r.stderr  # no report that would read as clean
    assert not (tmp_path / "r" / "report.html").exists()

    srv = EmptySearxng(closed_port)  # the network is back
    try:
        r = run_cli(["audit", str(prof), "--out", str(out), "--format", "html,json", "--resume"], footprint_home)
    finally:
        srv.close()
    assert r.returncode == 0, r.stderr
    data = json.loads((out / "findings.json").read_text())
    cov = data["audit"]["coverage"]
    assert cov["searches"] > 3 and cov["searches_failed"] == 0 and cov["complete"] is True
    assert "finished" in run_cli(["audits"], footprint_home).stdout
