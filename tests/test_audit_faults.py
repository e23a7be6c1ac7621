"""Whole audits through the fault-injecting server: the demo's web, served over loopback with
faults, fetched by the real HttpFetcher. The audit completes; every finding from the healthy
pages is there; every failed source is listed with its reason; no host gets more requests per
second than its limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from footprint import demo
from footprint.engine import Auditor, WebAccess
from footprint.profile import NetworkSettings, load_profile
from footprint.store import open_store
from footprint.web.archive import WebArchive
from footprint.web.ratelimit import conforms
from tests.faultserver import Reset, Status, ViaServer, archive_source, serve_faults

RATE = 20.0
FAULTS = {
    "www.whitepages.com": [Status(429)],          # always rate limited → blocked
    "radaris.com": [Reset()],                     # always reset → connection reset
    "thatsthem.com": [Status(500)],               # always failing → HTTP 500 after retries
    "www.spokeo.com": [Status(503, times=1)],     # flaky once → recovers
    "www.fastpeoplesearch.com": [Status(429, times=1, retry_after="0")],  # recovers
}
DEAD = {"www.whitepages.com", "radaris.com", "thatsthem.com"}


@pytest.fixture
def fault_server():  # type: ignore[no-untyped-def]
    yield from serve_faults()


def _key(f):  # type: ignore[no-untyped-def]
    return (f.person, f.category.value, f.url, f.evidence)


def _settings() -> NetworkSettings:
    return NetworkSettings.model_validate({
        "rate_per_host": RATE, "retries": 2, "retry_backoff": 0.01, "timeout": 2,
        "total_timeout": 4, "max_concurrency": 4, "burst": 1,
    })


def test_audit_survives_faults(fault_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    demo.ensure_generated()
    profile = load_profile(demo.profile_path())
    archive = WebArchive.open(demo.archive_path(), tmp_path / "cache")

    with open_store(tmp_path / "clean") as store:
        clean = Auditor(profile, WebAccess(archive.fetcher(), archive.search_backend(), "demo", archive.digest),
                        store).run()

    srv = fault_server({}, FAULTS, source=archive_source(archive.fetcher()))
    fetcher = ViaServer(srv, srv.fetcher(_settings()))
    with open_store(tmp_path / "faulty") as store:
        res = Auditor(profile, WebAccess(fetcher, archive.search_backend(), "demo", archive.digest),
                      store).run()
    fetcher.close()

    assert res.finished
    got = {_key(f) for f in res.findings}
    healthy = {_key(f) for f in clean.findings if f.url.split("/")[2] not in DEAD}
    assert healthy, "the clean audit found nothing"
    assert healthy <= got, sorted(healthy - got)[:5]
    # recovered hosts lost nothing
    assert any("www.spokeo.com" in f.url for f in res.findings)
    # every URL on a dead host that the clean audit read is listed with its reason
    reasons = {s.source: s.reason for s in res.skipped}
    dead_urls = {f.url for f in clean.findings if f.url.split("/")[2] in DEAD}
    assert dead_urls
    for url in dead_urls:
        assert url in reasons, url
    assert any(r == "blocked: HTTP 429 rate limited" for u, r in reasons.items() if "whitepages" in u)
    assert any(r == "connection reset" for u, r in reasons.items() if "radaris" in u)
    assert any(r.startswith("HTTP 500 after") for u, r in reasons.items() if "thatsthem" in u)
    # politeness: no host above its rate (server receive times, 50 ms scheduling slack)
    hosts = {r.host for r in srv.requests()}
    assert len(hosts) > 5
    for host in hosts:
        assert conforms(srv.times(host), RATE, burst=1, slack=0.05), host
