"""Many URLs, mixed faults, fetched concurrently: every healthy page arrives, every faulty one
ends in its own error, and no host is ever asked faster than its limit."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from footprint.errors import BlockedError, FetchError
from footprint.profile import NetworkSettings
from footprint.web.blocks import detect_block
from footprint.web.ratelimit import conforms
from tests.faultserver import Expect, FaultServer, mixed_plan, serve_faults


@pytest.fixture
def fault_server():
    yield from serve_faults()


RATES = {"alpha.test": 40.0, "beta.test": 25.0, "gamma.test": 20.0}
SETTINGS = NetworkSettings(timeout=0.3, total_timeout=0.6, retries=2, max_bytes=100_000,
                           retry_backoff=0.02, max_concurrency=6, host_concurrency=2)


def outcome(fetcher, url: str) -> tuple[str, str | None, int | None, bytes | None]:
    try:
        r = fetcher.fetch(url)
    except BlockedError as e:
        return "blocked", e.reason, e.status, None
    except FetchError as e:
        return "fetch_error", e.reason, e.status, None
    return "response", detect_block(r), r.status, r.body


def check(expect: Expect, got: tuple[str, str | None, int | None, bytes | None],
          plan_body: bytes) -> None:
    kind, reason, status, body = got
    if expect.kind == "ok":
        assert (kind, status, reason, body) == ("response", 200, None, plan_body)
    else:
        assert (kind, reason, status) == (expect.kind, expect.reason, expect.status)


def test_mixed_faults_concurrently(fault_server):
    plan = mixed_plan(list(RATES), healthy_per_host=6, retries=SETTINGS.retries,
                      max_bytes=SETTINGS.max_bytes)
    srv: FaultServer = fault_server(plan.pages, plan.faults)
    urls = {key: srv.url(key.split("/", 1)[0], "/" + key.split("/", 1)[1]) for key in plan.expect}
    with srv.fetcher(SETTINGS, host_limits=RATES) as f:  # real clock: real spacing
        with ThreadPoolExecutor(10) as pool:
            results = dict(zip(urls, pool.map(lambda u: outcome(f, u), urls.values()), strict=True))
        stats = f.stats()

    for key, expect in plan.expect.items():
        try:
            check(expect, results[key], plan.pages[key].body)
        except AssertionError as e:
            raise AssertionError(f"{key}: expected {expect}, got {results[key][:3]}") from e

    failures = {h: 0 for h in RATES}
    for key, expect in plan.expect.items():
        if expect.kind in ("fetch_error", "blocked"):
            failures[key.split("/", 1)[0]] += 1
    for host, rate in RATES.items():
        times = srv.times(host)
        assert conforms(times, rate, burst=1, slack=0.05), (host, times)
        assert stats[host]["failures"] == failures[host]
        assert stats[host]["requests"] == len(times)
    # (concurrency caps are checked in test_http: here abandoned slow requests keep server
    # threads busy after the client gave up, so the server's in-flight count overstates ours)


def test_fault_server_replays_a_web_archive_under_faults(fault_server, tmp_path):
    """Archive pages served live, with faults: what the lead's whole-audit fault tests use."""
    from footprint.web.archive import WebArchive
    from tests.faultserver import Status, archive_source
    from tests.warcutil import write_warc

    html = "<html><body><h1>Jane Doe</h1><p>Santa Rosa, CA</p></body></html>"
    warc = write_warc(tmp_path / "a.warc.gz", [
        ("https://www.people-example.com/jane-doe", 200,
         [("Content-Type", "text/html; charset=utf-8")], html),
    ])
    archive = WebArchive.open(warc, tmp_path / "cache")
    srv = fault_server({}, {"www.people-example.com/jane-doe": Status(503, times=1)},
                       source=archive_source(archive.fetcher()))
    settings = NetworkSettings.model_validate({"rate_per_host": 100, "retry_backoff": 0.01})
    with srv.fetcher(settings) as f:
        r = f.fetch(srv.url("www.people-example.com", "/jane-doe"))
        assert (r.status, r.text()) == (200, html)
        assert f.fetch(srv.url("www.people-example.com", "/other")).status == 404
    assert srv.count("www.people-example.com", "/jane-doe") == 2
