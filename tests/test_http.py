"""The live fetcher against the loopback fault server: politeness, retries, redirects, address
policy, size caps, charsets, conditional requests and TLS; plus the block-page detector."""

from __future__ import annotations

import email.utils
import ipaddress
import os
import socket
import stat
import subprocess
import threading
import time
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from footprint import __version__
from footprint.errors import BlockedError, FetchError
from footprint.profile import NetworkSettings
from footprint.web.base import Response
from footprint.web.blocks import detect_block, detect_challenge
from footprint.web.http import (
    AddressPolicy,
    AddressRefused,
    HttpFetcher,
    address_problem,
    require_content_type,
    retry_after_seconds,
    retryable_status,
    user_agent,
)
from footprint.web.ratelimit import TokenBucket, conforms, max_observed_rate
from tests.faultserver import (
    Charset,
    Drip,
    FakeClock,
    FaultServer,
    GzipBomb,
    Huge,
    Latency,
    Redirect,
    RedirectLoop,
    Reset,
    Status,
    Truncate,
    page,
    serve_faults,
)


@pytest.fixture
def fault_server():
    yield from serve_faults()


FAST = NetworkSettings(timeout=2, rate_per_host=100, retries=3)
A = "site-a.test"


def fast_fetcher(srv: FaultServer, clock: FakeClock | None = None, cache_path: Path | None = None,
                 **settings: object) -> HttpFetcher:
    """A fetcher on a fake clock (politeness sleeps are recorded, not waited): fast tests."""
    base = {"timeout": 2, "rate_per_host": 100, "retries": 3} | settings
    clock = clock or FakeClock()
    return srv.fetcher(NetworkSettings(**base), sleep=clock.sleep, clock=clock,
                       cache_path=cache_path)


# -- identity ---------------------------------------------------------------------------------


def test_user_agent_is_honest_and_sent(fault_server):
    srv = fault_server({f"{A}/": "<p>hi</p>"})
    with srv.fetcher(FAST, contact="security@court.example") as f:
        f.fetch(srv.url(A))
    ua = srv.requests(A)[0].headers["user-agent"]
    assert ua.startswith(f"footprint/{__version__} (")
    assert "contact: security@court.example" in ua
    assert "Mozilla" not in ua and "Chrome" not in ua


@pytest.mark.parametrize(
    ("contact", "url", "expected"),
    [
        (None, None, f"footprint/{__version__} (consent-based exposure audit)"),
        ("a@b.example", None, f"footprint/{__version__} (contact: a@b.example)"),
        ("a@b.example", "https://x.example/fp",
         f"footprint/{__version__} (+https://x.example/fp; contact: a@b.example)"),
        ("evil\r\nX-Injected: 1", None, f"footprint/{__version__} (contact: evilX-Injected: 1)"),
        ("  ", None, f"footprint/{__version__} (consent-based exposure audit)"),
    ],
)
def test_user_agent_format(contact, url, expected):
    assert user_agent(contact, url) == expected


# -- timeouts ---------------------------------------------------------------------------------


def test_read_timeout_gives_fetch_error(fault_server):
    srv = fault_server({f"{A}/slow": "late"}, {f"{A}/slow": Latency(1.5)})
    clock = FakeClock()
    with fast_fetcher(srv, clock, timeout=0.3, retries=1) as f:
        with pytest.raises(FetchError) as e:
            f.fetch(srv.url(A, "/slow"))
    assert e.value.reason == "timed out"
    assert not isinstance(e.value, BlockedError)
    assert srv.count(A, "/slow") == 2  # timeouts are retried


def test_slow_drip_body_hits_total_deadline(fault_server):
    srv = fault_server({f"{A}/drip": "x" * 400}, {f"{A}/drip": Drip(0.02)})
    with fast_fetcher(srv, timeout=1, total_timeout=0.3, retries=0) as f:
        with pytest.raises(FetchError) as e:
            f.fetch(srv.url(A, "/drip"))
    assert e.value.reason == "timed out (total time limit)"


def test_slow_but_finishing_body_is_read(fault_server):
    srv = fault_server({f"{A}/drip": "abcdefghij"}, {f"{A}/drip": Drip(0.01, chunk=2)})
    with fast_fetcher(srv) as f:
        assert f.fetch(srv.url(A, "/drip")).body == b"abcdefghij"


# -- retries ----------------------------------------------------------------------------------


def test_429_retry_after_seconds_is_honoured(fault_server):
    srv = fault_server({f"{A}/": "<p>ok</p>"}, {f"{A}/": Status(429, times=2, retry_after="7")})
    clock = FakeClock()
    with fast_fetcher(srv, clock) as f:
        resp = f.fetch(srv.url(A))
        stats = f.stats()[A]
    assert resp.status == 200 and resp.body == b"<p>ok</p>"
    assert srv.count(A, "/") == 3
    assert [s for s in clock.sleeps if s >= 1] == [7.0, 7.0]
    assert stats["retries"] == 2 and stats["requests"] == 3 and stats["failures"] == 0


def test_retry_after_http_date_is_honoured(fault_server):
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    srv = fault_server({f"{A}/": "ok"}, {f"{A}/": Status(503, times=1, retry_after=when)})
    clock = FakeClock()
    with fast_fetcher(srv, clock) as f:
        assert f.fetch(srv.url(A)).status == 200
    waits = [s for s in clock.sleeps if s >= 1]
    assert len(waits) == 1 and 27 <= waits[0] <= 31


def test_retry_after_too_long_gives_up_blocked_at_once(fault_server):
    srv = fault_server({f"{A}/": "ok"}, {f"{A}/": Status(429, retry_after="3600")})
    clock = FakeClock()
    with fast_fetcher(srv, clock) as f:
        with pytest.raises(BlockedError) as e:
            f.fetch(srv.url(A))
    assert e.value.reason == "blocked: HTTP 429 rate limited" and e.value.status == 429
    assert srv.count(A) == 1
    assert not [s for s in clock.sleeps if s >= 1]


def test_503_with_too_long_retry_after_is_a_fetch_error(fault_server):
    srv = fault_server({f"{A}/": "ok"}, {f"{A}/": Status(503, retry_after="600")})
    with fast_fetcher(srv) as f:
        with pytest.raises(FetchError) as e:
            f.fetch(srv.url(A))
    assert not isinstance(e.value, BlockedError)
    assert e.value.reason == "HTTP 503: server asked to wait 600 s" and e.value.status == 503


def test_500_then_ok(fault_server):
    srv = fault_server({f"{A}/p": "fine"}, {f"{A}/p": Status(500, times=1)})
    with fast_fetcher(srv) as f:
        assert f.fetch(srv.url(A, "/p")).body == b"fine"
        assert f.stats()[A]["retries"] == 1
    assert srv.count(A, "/p") == 2


def test_reset_then_ok(fault_server):
    srv = fault_server({f"{A}/p": "fine"}, {f"{A}/p": Reset(times=2)})
    with fast_fetcher(srv) as f:
        assert f.fetch(srv.url(A, "/p")).body == b"fine"
    assert srv.count(A, "/p") == 3


def test_persistent_500_gives_fetch_error_after_backoff(fault_server):
    srv = fault_server({}, {f"{A}/p": Status(500)})
    clock = FakeClock()
    with fast_fetcher(srv, clock, retries=3) as f:
        with pytest.raises(FetchError) as e:
            f.fetch(srv.url(A, "/p"))
        assert f.stats()[A]["failures"] == 1
    assert e.value.reason == "HTTP 500 after 4 attempts" and e.value.status == 500
    assert not isinstance(e.value, BlockedError)
    assert srv.count(A, "/p") == 4
    backoff = [s for s in clock.sleeps if s >= 0.1]
    # exponential with equal jitter: attempt n waits between 2^(n-1)/2 and 2^(n-1) seconds
    assert len(backoff) == 3
    for n, wait in enumerate(backoff, start=1):
        assert 2 ** (n - 1) / 2 <= wait <= 2 ** (n - 1)


def test_persistent_429_gives_blocked_error(fault_server):
    srv = fault_server({}, {f"{A}/p": Status(429)})
    with fast_fetcher(srv, retries=2) as f:
        with pytest.raises(BlockedError) as e:
            f.fetch(srv.url(A, "/p"))
        assert f.stats()[A]["blocked"] == 1
    assert e.value.reason == "blocked: HTTP 429 rate limited" and e.value.status == 429
    assert srv.count(A, "/p") == 3


def test_persistent_reset_gives_fetch_error(fault_server):
    srv = fault_server({f"{A}/p": "x"}, {f"{A}/p": Reset()})
    with fast_fetcher(srv, retries=1) as f:
        with pytest.raises(FetchError) as e:
            f.fetch(srv.url(A, "/p"))
    assert e.value.reason == "connection reset"
    assert srv.count(A, "/p") == 2


def test_challenge_page_on_503_is_blocked_without_retry(fault_server):
    srv = fault_server({}, {f"{A}/": Status(503, body=CF_CHALLENGE.encode())})
    with fast_fetcher(srv) as f:
        with pytest.raises(BlockedError) as e:
            f.fetch(srv.url(A))
    assert e.value.reason == "blocked: cloudflare challenge (HTTP 503)" and e.value.status == 503
    assert srv.count(A) == 1


def test_not_retried_statuses_are_responses(fault_server):
    srv = fault_server({f"{A}/gone": page("gone", status=404), f"{A}/no": page("no", status=403),
                        f"{A}/x": page("x", status=501)})
    with fast_fetcher(srv) as f:
        assert f.fetch(srv.url(A, "/gone")).status == 404
        assert f.fetch(srv.url(A, "/no")).status == 403
        assert f.fetch(srv.url(A, "/x")).status == 501
    assert srv.count(A) == 3


@pytest.mark.parametrize(("status", "retry"), [
    (200, False), (404, False), (403, False), (408, True), (429, True), (500, True), (501, False),
    (502, True), (503, True), (504, True), (505, False), (511, False), (522, True),
])
def test_retryable_status(status, retry):
    assert retryable_status(status) is retry


@pytest.mark.parametrize(("value", "date", "expected"), [
    ("120", None, 120.0),
    ("0", None, 0.0),
    ("-5", None, 0.0),
    ("1.5", None, 1.5),
    ("Wed, 21 Oct 2026 07:28:30 GMT", "Wed, 21 Oct 2026 07:28:00 GMT", 30.0),
    ("Wed, 21 Oct 2026 07:27:00 GMT", "Wed, 21 Oct 2026 07:28:00 GMT", 0.0),
    ("soon", None, None),
    ("", None, None),
    (None, None, None),
    ("nan", None, None),
])
def test_retry_after_parsing(value, date, expected):
    assert retry_after_seconds(value, date) == expected


def test_retry_after_date_without_date_header_uses_our_clock():
    assert retry_after_seconds("Thu, 01 Jan 1970 00:01:40 GMT", None, now=lambda: 40.0) == 60.0


def test_dns_failure_is_not_retried(fault_server, monkeypatch):
    srv = fault_server({})
    real = socket.getaddrinfo

    def fake(host, *args, **kwargs):
        if host == "nowhere.test":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    clock = FakeClock()
    f = srv.fetcher(FAST, sleep=clock.sleep, clock=clock, resolve={})
    with f, pytest.raises(FetchError) as e:
        f.fetch(f"http://nowhere.test:{srv.port}/")
    assert e.value.reason == "DNS lookup failed"
    assert not [s for s in clock.sleeps if s >= 0.1]


# -- redirects --------------------------------------------------------------------------------


def test_redirects_are_followed(fault_server):
    srv = fault_server({f"{A}/final": "here", "site-b.test/land": "landed"},
                       {f"{A}/start": Redirect("/middle", 301),
                        f"{A}/middle": Redirect("/final", 307)})
    with fast_fetcher(srv) as f:
        r = f.fetch(srv.url(A, "/start"))
        assert r.status == 200 and r.body == b"here"
        assert r.url == srv.url(A, "/final") and r.requested_url == srv.url(A, "/start")
        srv.add_fault(f"{A}/away", Redirect(srv.url("site-b.test", "/land")))
        r = f.fetch(srv.url(A, "/away"))
        assert r.body == b"landed" and r.url == srv.url("site-b.test", "/land")


def test_redirect_loop_is_an_error(fault_server):
    srv = fault_server({}, {f"{A}/loop": RedirectLoop()})
    with fast_fetcher(srv) as f:
        with pytest.raises(FetchError) as e:
            f.fetch(srv.url(A, "/loop"))
    assert e.value.reason == "redirect loop"
    assert srv.count(A) == 1


def test_redirect_limit(fault_server):
    srv = fault_server({}, {f"{A}/chain": RedirectLoop(distinct=True)})
    with fast_fetcher(srv, max_redirects=5) as f:
        with pytest.raises(FetchError) as e:
            f.fetch(srv.url(A, "/chain"))
    assert e.value.reason == "too many redirects (over 5)"
    assert srv.count(A) == 6


def test_redirect_limit_counts_hops(fault_server):
    srv = fault_server({f"{A}/end": "end"}, {f"{A}/start": Redirect("/end")})
    with fast_fetcher(srv, max_redirects=1) as f:
        assert f.fetch(srv.url(A, "/start")).body == b"end"
    with fast_fetcher(srv, max_redirects=0) as f, pytest.raises(FetchError) as e:
        f.fetch(srv.url(A, "/start"))
    assert e.value.reason == "too many redirects (over 0)"


@pytest.mark.parametrize(("location", "reason"), [
    ("http://10.0.0.7/admin", "refused: private address"),
    ("http://169.254.169.254/latest/meta-data/", "refused: link-local address"),
    ("http://[::1]:8080/", "refused: loopback address"),
    ("http://0.0.0.0/", "refused: unspecified address"),
    ("http://224.0.0.1/", "refused: multicast address"),
    ("http://intranet.test/", "refused: private address"),  # a name that resolves inside
    ("http://[::ffff:192.168.1.1]/", "refused: private address"),
    ("file:///etc/passwd", "refused: redirect to a non-http(s) URL"),
    ("ftp://ftp.example.org/", "refused: redirect to a non-http(s) URL"),
])
def test_redirect_to_forbidden_target_is_refused(fault_server, location, reason):
    srv = fault_server({}, {f"{A}/go": Redirect(location)})
    resolve = {"intranet.test": "10.1.2.3", "*": "127.0.0.1"}
    clock = FakeClock()
    # netguard fails the test if any of these were actually connected to
    with srv.fetcher(FAST, resolve=resolve, sleep=clock.sleep, clock=clock) as f:
        with pytest.raises(FetchError) as e:
            f.fetch(srv.url(A, "/go"))
    assert e.value.reason == reason
    assert e.value.url == srv.url(A, "/go")


@pytest.mark.parametrize("url", [
    "ftp://example.org/x", "file:///etc/passwd", "javascript:alert(1)", "data:text/html,hi",
    "gopher://example.org/", "//example.org/x",
])
def test_non_http_scheme_refused(fault_server, url):
    srv = fault_server({})
    with fast_fetcher(srv) as f, pytest.raises(FetchError) as e:
        f.fetch(url)
    assert e.value.reason == "refused: only http(s) URLs are fetched"
    assert srv.count() == 0


@pytest.mark.parametrize(("url", "reason"), [
    ("http:///nohost", "refused: URL without a host"),
    ("http://example.org:99999/", "invalid URL"),
    ("http://[::1/", "invalid URL"),
])
def test_malformed_urls(fault_server, url, reason):
    srv = fault_server({})
    with fast_fetcher(srv) as f, pytest.raises(FetchError) as e:
        f.fetch(url)
    assert e.value.reason == reason


# -- address policy ---------------------------------------------------------------------------


def test_loopback_refused_unless_allowed(fault_server):
    srv = fault_server({f"{A}/": "hi"})
    with HttpFetcher(FAST, cache_path=None, contact=None, resolve={"*": "127.0.0.1"}) as f:
        with pytest.raises(FetchError) as e:
            f.fetch(srv.url(A))
        assert e.value.reason == "refused: loopback address"
        with pytest.raises(FetchError):
            f.fetch(f"http://127.0.0.1:{srv.port}/")
    assert srv.count() == 0
    with HttpFetcher(FAST, cache_path=None, contact=None, allow_hosts={"127.0.0.0/8"},
                     resolve={"*": "127.0.0.1"}) as f:
        assert f.fetch(srv.url(A)).body == b"hi"


@pytest.mark.parametrize(("ip", "problem"), [
    ("8.8.8.8", None), ("93.184.216.34", None), ("2606:4700:4700::1111", None),
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
    ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.0.10", "private"),
    ("fc00::1", "private"), ("fe80::1", "link-local"), ("169.254.169.254", "link-local"),
    ("0.0.0.0", "unspecified"), ("::", "unspecified"), ("224.0.0.251", "multicast"),
    ("ff02::1", "multicast"), ("240.0.0.1", "reserved"), ("100.64.0.1", "non-public"),
    ("192.0.2.1", "private"), ("::ffff:10.0.0.1", "private"), ("::ffff:8.8.8.8", None),
    ("2002:7f00:1::", "loopback"),
])
def test_address_problem(ip, problem):
    assert address_problem(ipaddress.ip_address(ip)) == problem


def test_mixed_public_and_private_answers_are_refused(monkeypatch):
    def fake(host, port, *args, **kwargs):
        assert host == "mixed.test"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", port))]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    with pytest.raises(AddressRefused) as e:
        AddressPolicy().addresses("mixed.test", 80)
    assert e.value.reason == "refused: private address"


def test_policy_resolves_once_and_returns_the_checked_addresses(monkeypatch):
    calls = []

    def fake(host, port, *args, **kwargs):
        calls.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port))] * 2

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    assert AddressPolicy().addresses("www.example.com.", 443) == ["93.184.216.34"]
    assert calls == ["www.example.com"]


@pytest.mark.parametrize(("allow", "resolve", "host", "ok"), [
    ({"127.0.0.1"}, {"*": "127.0.0.1"}, "a.test", True),
    ({"127.0.0.0/8"}, {"a.test": "127.0.0.2"}, "a.test", True),
    ({"a.test"}, {"a.test": "10.0.0.1"}, "a.test", True),
    ({"b.test"}, {"a.test": "10.0.0.1"}, "a.test", False),
    (set(), {"*.corp.test": "10.0.0.1"}, "x.corp.test", False),
    ({"10.0.0.0/8"}, {"*.corp.test": "10.0.0.1"}, "x.corp.test", True),
])
def test_allow_list(allow, resolve, host, ok):
    policy = AddressPolicy(allow, resolve)
    if ok:
        assert policy.addresses(host, 80)
    else:
        with pytest.raises(AddressRefused):
            policy.addresses(host, 80)


# -- size caps --------------------------------------------------------------------------------


@pytest.mark.parametrize("declare", [True, False])
def test_body_over_cap_is_too_large(fault_server, declare):
    srv = fault_server({}, {f"{A}/big": Huge(2_000_000, declare_length=declare)})
    with fast_fetcher(srv, max_bytes=50_000) as f, pytest.raises(FetchError) as e:
        f.fetch(srv.url(A, "/big"))
    assert e.value.reason == "too large (over 50000 bytes)"
    assert srv.count(A) == 1  # a size cap is not retried


@pytest.mark.parametrize("size", [49_999, 50_000])
def test_body_at_cap_is_read(fault_server, size):
    srv = fault_server({}, {f"{A}/big": Huge(size, declare_length=False)})
    with fast_fetcher(srv, max_bytes=50_000) as f:
        assert len(f.fetch(srv.url(A, "/big")).body) == size


def test_gzip_bomb_is_stopped_within_bounded_memory(fault_server):
    srv = fault_server({f"{A}/bomb": "x"}, {f"{A}/bomb": GzipBomb(50_000_000)})
    with fast_fetcher(srv, max_bytes=100_000) as f:
        tracemalloc.start()
        try:
            with pytest.raises(FetchError) as e:
                f.fetch(srv.url(A, "/bomb"))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert e.value.reason == "too large (over 100000 bytes)"
    assert peak < 5_000_000  # the bomb inflates to 50 MB; we held a small fraction of it


def test_gzip_body_is_decompressed(fault_server):
    import gzip

    raw = "<p>Řezníčková</p>".encode() * 100
    srv = fault_server({f"{A}/z": page(gzip.compress(raw), content_encoding="gzip")})
    with fast_fetcher(srv) as f:
        r = f.fetch(srv.url(A, "/z"))
    assert r.body == raw


def test_truncated_transfer_is_an_error_but_cut_html_is_a_page(fault_server):
    html = "<html><body><p>" + "x" * 500 + "</p></body></html>"
    srv = fault_server({f"{A}/t": html, f"{A}/cut": html},
                       {f"{A}/t": Truncate(100), f"{A}/cut": Truncate(100, keep_length=False)})
    with fast_fetcher(srv, retries=1) as f:
        with pytest.raises(FetchError) as e:
            f.fetch(srv.url(A, "/t"))
        assert e.value.reason == "connection broken while reading the body"
        assert f.fetch(srv.url(A, "/cut")).body == html.encode()[:100]
    assert srv.count(A, "/t") == 2


# -- charsets ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "encoding", "declared"), [
    ("<p>Soudkyně Jana Řezníčková, Brno</p>", "utf-8", "iso-8859-1"),  # says latin-1, is UTF-8
    ("<p>Jean-François habite à Montréal, près de l'église</p>", "latin-1", "utf-8"),
    ("<p>Der Richter wohnt in der Hauptstraße, Köln-Müngersdorf</p>", "cp1252", "utf-8"),
    ("<p>Jana Řezníčková, Údolní 5, Brno-střed</p>", "cp1250", "utf-8"),
    ("<p>“Smart quotes” – and dashes</p>", "cp1252", "iso-8859-1"),  # WHATWG: latin-1 = cp1252
])
def test_charset_mixups_are_decoded(fault_server, text, encoding, declared):
    srv = fault_server({f"{A}/": page(text.encode(encoding))}, {f"{A}/": Charset(declared)})
    with fast_fetcher(srv) as f:
        r = f.fetch(srv.url(A))
    assert declared in (r.header("content-type") or "")
    assert r.text() == text


# -- politeness -------------------------------------------------------------------------------


def test_per_host_rate_limits_hold_under_concurrency(fault_server):
    hosts = {"fast.test": 10.0, "slow.test": 4.0}
    pages = {f"{h}/p{i}": f"<p>{i}</p>" for h in hosts for i in range(5)}
    srv = fault_server(pages)
    urls = [srv.url(h, f"/p{i}") for i in range(5) for h in hosts]
    settings = NetworkSettings(timeout=2, max_concurrency=6, host_concurrency=3)
    with srv.fetcher(settings, host_limits=hosts) as f:  # real clock and sleep
        with ThreadPoolExecutor(6) as pool:
            bodies = list(pool.map(lambda u: f.fetch(u).body, urls))
        stats = f.stats()
    assert sorted(bodies) == sorted(p.encode() for p in pages.values())
    for host, rate in hosts.items():
        times = srv.times(host)
        assert len(times) == 5
        # server-side receive times carry scheduling jitter: allow 50 ms per run
        assert conforms(times, rate, burst=1, slack=0.05), (host, times)
        assert stats[host]["rate_limit"] == rate


def test_rate_limit_spacing_on_a_fake_clock(fault_server):
    srv = fault_server({f"{A}/{i}": "x" for i in range(4)})
    clock = FakeClock()
    with srv.fetcher(NetworkSettings(rate_per_host=2), sleep=clock.sleep, clock=clock) as f:
        for i in range(4):
            f.fetch(srv.url(A, f"/{i}"))
        assert f.stats()[A]["max_rate"] == pytest.approx(2.0)
    assert sum(clock.sleeps) == pytest.approx(1.5)  # 3 gaps of 0.5 s


def test_per_host_and_global_concurrency(fault_server):
    hosts = ["h1.test", "h2.test", "h3.test"]
    srv = fault_server({}, {h: [Latency(0.15)] for h in hosts})
    settings = NetworkSettings(timeout=2, rate_per_host=100, max_concurrency=2,
                               hosts={"h1.test": {"concurrency": 1}})
    urls = [srv.url(h, f"/{i}") for i in range(4) for h in hosts]
    with srv.fetcher(settings) as f, ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda u: f.fetch(u).status, urls))
    assert statuses == [404] * len(urls)
    assert srv.max_in_flight("h1.test") == 1
    assert srv.max_in_flight() <= 2


def test_host_limits_from_settings_and_parents(fault_server):
    settings = NetworkSettings(rate_per_host=1.0, hosts={
        "spokeo.com": {"rate": 0.2, "concurrency": 1},
        "www.whitepages.com": {"rate": 0.5, "burst": 2},
    })
    f = HttpFetcher(settings, cache_path=None, contact=None, host_limits={"example.org": 3})
    with f:
        assert f.limit_for("www.spokeo.com").rate == 0.2
        assert f.limit_for("WWW.Spokeo.com.").concurrency == 1
        assert f.limit_for("whitepages.com").rate == 1.0
        assert f.limit_for("www.whitepages.com").burst == 2
        assert f.limit_for("api.example.org").rate == 3.0
        assert f.limit_for("other.net").rate == 1.0


# -- token bucket -----------------------------------------------------------------------------


def test_token_bucket_burst_then_spacing():
    clock = FakeClock()
    bucket = TokenBucket(4.0, burst=3, clock=clock, sleep=clock.sleep)
    waits = [bucket.acquire() for _ in range(6)]
    assert waits[:3] == [0.0, 0.0, 0.0]
    assert waits[3:] == pytest.approx([0.25, 0.25, 0.25])


def test_token_bucket_refills_while_idle():
    clock = FakeClock()
    bucket = TokenBucket(1.0, burst=2, clock=clock, sleep=clock.sleep)
    bucket.acquire(), bucket.acquire()
    clock.sleep(10)
    assert bucket.delay() == 0.0
    assert [bucket.acquire() for _ in range(3)] == [0.0, 0.0, pytest.approx(1.0)]


def test_a_late_sender_does_not_crowd_the_next_one():
    """Tokens taken on time, but the first caller gets to the wire late (a busy machine): the
    next send still waits a full interval after it — the sends themselves keep the rate."""
    clock = FakeClock()
    bucket = TokenBucket(2.0, clock=clock, sleep=clock.sleep)
    bucket.acquire(send=False)            # due at 0.0
    bucket.acquire(send=False)            # due at 0.5: the fake clock is now 0.5
    clock.sleep(0.3)                      # the first caller sends late, at 0.8
    first = clock()
    bucket.space()
    waited = bucket.space()               # the second, on time, would follow it at 0.8
    assert waited == pytest.approx(0.5)
    assert clock() - first == pytest.approx(0.5)


def test_the_fetcher_spaces_sends_at_the_wire(tmp_path: Path) -> None:
    """Every request of the fetcher goes through the send spacing, right before its first byte:
    the times it records are at least 1/rate apart."""
    pages = {f"/p{i}": b"<html>x</html>" for i in range(6)}
    with FaultServer({f"127.0.0.1{k}": v for k, v in pages.items()}) as srv:
        f = srv.fetcher(NetworkSettings(rate_per_host=20.0, max_concurrency=4, host_concurrency=4))
        with f:
            with ThreadPoolExecutor(4) as pool:
                list(pool.map(lambda k: f.fetch(f"http://127.0.0.1:{srv.port}{k}"), pages))
            times = f._stats["127.0.0.1"].times
        assert len(times) == 6
        assert conforms(times, 20.0, burst=1, slack=0.0)


def test_token_bucket_is_thread_safe():
    times: list[float] = []
    lock = threading.Lock()
    bucket = TokenBucket(50.0)

    def worker() -> None:
        for _ in range(5):
            bucket.acquire()
            with lock:
                times.append(time.monotonic())

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(times) == 20
    assert conforms(times, 50.0, burst=1, slack=0.01)


@pytest.mark.parametrize(("times", "burst", "rate"), [
    ([], 1, 0.0), ([5.0], 1, 0.0), ([0, 1, 2, 3], 1, 1.0), ([0, 0.5, 2], 1, 2.0),
    ([0, 0, 1, 1], 2, 2.0), ([0, 0.1], 2, 0.0),
])
def test_max_observed_rate(times, burst, rate):
    assert max_observed_rate(times, burst) == pytest.approx(rate)


@pytest.mark.parametrize(("times", "rate", "burst", "slack", "ok"), [
    ([0, 1, 2], 1.0, 1, 0.0, True),
    ([0, 0.9, 2], 1.0, 1, 0.0, False),
    ([0, 0.9, 2], 1.0, 1, 0.1, True),
    ([0, 0, 1], 1.0, 2, 0.0, True),
    ([0, 0, 0], 1.0, 2, 0.0, False),
])
def test_conforms(times, rate, burst, slack, ok):
    assert conforms(times, rate, burst, slack) is ok


# -- cache ------------------------------------------------------------------------------------


def test_conditional_request_304_is_served_from_cache(fault_server, tmp_path):
    body = "<p>Jana Řezníčková</p>"
    srv = fault_server({f"{A}/e": page(body, etag='"v1"'),
                        f"{A}/m": page(body, last_modified="Wed, 21 Oct 2026 07:28:00 GMT"),
                        f"{A}/plain": body})
    cache = tmp_path / "data" / "cache" / "http.sqlite"
    with fast_fetcher(srv, cache_path=cache) as f:
        first = f.fetch(srv.url(A, "/e"))
        second = f.fetch(srv.url(A, "/e"))
        f.fetch(srv.url(A, "/m")), f.fetch(srv.url(A, "/m"))
        f.fetch(srv.url(A, "/plain")), f.fetch(srv.url(A, "/plain"))
        assert f.stats()[A]["from_cache"] == 2
    assert first.from_cache is False and first.body == body.encode()
    assert second.from_cache is True and second.status == 200 and second.text() == body
    e_reqs = srv.requests(A)
    by_path = {t: [r.headers for r in e_reqs if r.target == t] for t in ("/e", "/m", "/plain")}
    assert "if-none-match" not in by_path["/e"][0]
    assert by_path["/e"][1]["if-none-match"] == '"v1"'
    assert by_path["/m"][1]["if-modified-since"] == "Wed, 21 Oct 2026 07:28:00 GMT"
    assert all("if-none-match" not in h and "if-modified-since" not in h for h in by_path["/plain"])
    assert stat.S_IMODE(os.stat(cache).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(cache.parent).st_mode) == 0o700


def test_changed_page_is_downloaded_again(fault_server, tmp_path):
    srv = fault_server({f"{A}/": page("old", etag='"v1"')})
    with fast_fetcher(srv, cache_path=tmp_path / "c.sqlite") as f:
        assert f.fetch(srv.url(A)).body == b"old"
        srv.pages[f"{A}/"] = page("new", etag='"v2"')
        r = f.fetch(srv.url(A))
        assert r.body == b"new" and r.from_cache is False
        r = f.fetch(srv.url(A))
        assert r.body == b"new" and r.from_cache is True


def test_removed_page_is_not_served_from_cache(fault_server, tmp_path):
    srv = fault_server({f"{A}/": page("listing", etag='"v1"')})
    with fast_fetcher(srv, cache_path=tmp_path / "c.sqlite") as f:
        f.fetch(srv.url(A))
        del srv.pages[f"{A}/"]
        r = f.fetch(srv.url(A))
    assert r.status == 404 and r.from_cache is False


def test_no_store_is_not_cached(fault_server, tmp_path):
    srv = fault_server({f"{A}/": page("secret", etag='"v1"', cache_control="no-store")})
    with fast_fetcher(srv, cache_path=tmp_path / "c.sqlite") as f:
        f.fetch(srv.url(A))
        assert f.fetch(srv.url(A)).from_cache is False
    assert all("if-none-match" not in r.headers for r in srv.requests(A))


def test_cache_survives_a_new_fetcher_and_concurrent_use(fault_server, tmp_path):
    srv = fault_server({f"{A}/{i}": page(f"p{i}", etag=f'"{i}"') for i in range(12)})
    urls = [srv.url(A, f"/{i}") for i in range(12)]
    with fast_fetcher(srv, cache_path=tmp_path / "c.sqlite", max_concurrency=6,
                      host_concurrency=6) as f, ThreadPoolExecutor(6) as pool:
        assert [r.body for r in pool.map(f.fetch, urls)] == [f"p{i}".encode() for i in range(12)]
    with fast_fetcher(srv, cache_path=tmp_path / "c.sqlite") as f, ThreadPoolExecutor(6) as pool:
        assert all(r.from_cache for r in pool.map(f.fetch, urls))


def test_unreadable_cache_is_replaced(fault_server, tmp_path):
    cache = tmp_path / "c.sqlite"
    cache.write_bytes(b"not a database " * 20)
    srv = fault_server({f"{A}/": page("x", etag='"1"')})
    with fast_fetcher(srv, cache_path=cache) as f:
        f.fetch(srv.url(A))
        assert f.fetch(srv.url(A)).from_cache is True
    assert stat.S_IMODE(os.stat(cache).st_mode) == 0o600


# -- TLS --------------------------------------------------------------------------------------


def _make_certs(d: Path) -> tuple[Path, Path, Path]:
    def run(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=d, check=True, capture_output=True)

    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    run("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
        "-subj", "/CN=footprint test CA", "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign")
    run("req", *ec, "-keyout", "srv.key", "-out", "srv.csr", "-subj", "/CN=secure.test")
    (d / "ext.cnf").write_text("subjectAltName=DNS:secure.test\n")
    run("x509", "-req", "-in", "srv.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-out", "srv.pem", "-days", "2", "-extfile", "ext.cnf")
    return d / "ca.pem", d / "srv.pem", d / "srv.key"


@pytest.mark.skipif(not any((Path(p) / "openssl").exists() for p in os.get_exec_path()),
                    reason="openssl CLI not installed")
def test_tls_verifies_the_host_name_while_dialling_the_pinned_address(tmp_path):
    ca, cert, key = _make_certs(tmp_path)
    with FaultServer({"secure.test/": "secret", "other.test/": "x"},
                     tls=(str(cert), str(key))) as srv:
        with srv.fetcher(FAST, ca_bundle=ca) as f:
            assert f.fetch(srv.url("secure.test")).body == b"secret"
            with pytest.raises(FetchError) as e:  # certificate is for secure.test only
                f.fetch(srv.url("other.test"))
            assert e.value.reason.startswith("TLS error")
        with srv.fetcher(FAST) as f, pytest.raises(FetchError) as e:  # CA not trusted
            f.fetch(srv.url("secure.test"))
        assert e.value.reason.startswith("TLS error")


# -- content type -----------------------------------------------------------------------------


def _resp(status: int = 200, body: bytes = b"", ct: str | None = "text/html",
          url: str = "https://x.example/", requested: str = "", **headers: str) -> Response:
    hdrs = tuple(([("content-type", ct)] if ct else []) + [(k.replace("_", "-"), v)
                                                          for k, v in headers.items()])
    return Response(url, status, hdrs, body, requested_url=requested)


@pytest.mark.parametrize(("ct", "allowed", "ok"), [
    ("text/html; charset=utf-8", ("text/html",), True),
    ("image/jpeg", ("image/*",), True),
    ("image/jpeg", ("text/html",), False),
    (None, ("text/html",), False),
    ("application/xhtml+xml", ("text/html", "application/xhtml+xml"), True),
])
def test_require_content_type(ct, allowed, ok):
    resp = _resp(ct=ct)
    if ok:
        require_content_type(resp, *allowed)
    else:
        with pytest.raises(FetchError, match="unexpected content type"):
            require_content_type(resp, *allowed)


# -- block pages ------------------------------------------------------------------------------

CF_CHALLENGE = """<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="robots"
content="noindex,nofollow"><style>*{box-sizing:border-box;margin:0;padding:0}</style>
<meta http-equiv="refresh" content="390"></head><body class="no-js"><div class="main-wrapper"
role="main"><div class="main-content"><noscript><div id="challenge-error-title"><div class="h2">
<span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></div>
</noscript></div></div><script>(function(){window._cf_chl_opt={cvId: '3',cZone:
"www.example-people.com",cType: 'managed',cRay: '8a1b2c3d4e5f6a7b'};var cpo=
document.createElement('script');cpo.src='/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8a1b2c3d4e5f6a7b';
document.getElementsByTagName('head')[0].appendChild(cpo);}());</script></body></html>"""

CF_BLOCK = """<!DOCTYPE html><!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<head><title>Attention Required! | Cloudflare</title><meta charset="UTF-8" /></head><body>
<div id="cf-wrapper"><div class="cf-alert cf-alert-error cf-cookie-error" id="cookie-alert"
data-translate="enable_cookies">Please enable cookies.</div><div id="cf-error-details"
class="cf-error-details-wrapper"><div class="cf-wrapper cf-header cf-error-overview"><h1
data-translate="block_headline">Sorry, you have been blocked</h1><h2 class="cf-subheadline">
<span data-translate="unable_to_access">You are unable to access</span> example-people.com</h2>
</div></div></div></body></html>"""

DATADOME = """<html><head><title>example-people.com</title><style>#cmsg{animation: A 1.5s;}
@keyframes A{0%{opacity:0;}99%{opacity:0;}100%{opacity:1;}}</style></head><body style="margin:0">
<p id="cmsg">Please enable JS and disable any ad blocker</p><script data-cfasync="false">var dd=
{'rt':'c','cid':'AHrlqAAAAAMAw2Pk','hsh':'2211F522B61E269B869FA6EAFFB5E1','t':'fe','s':17434,
'host':'geo.captcha-delivery.com'}</script><script data-cfasync="false"
src="https://ct.captcha-delivery.com/c.js"></script></body></html>"""

PERIMETERX = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="description"
content="px-captcha"><title>Access to this page has been denied</title></head><body><div
class="container"><div class="page-title-wrapper"><div class="page-title"><h1>Access to this page
has been denied.</h1></div></div><div class="content-wrapper"><div class="content"><div
id="px-captcha"></div><p>Press &amp; Hold to confirm you are<br>a human (and not a bot).</p></div>
</div></div><script>window._pxAppId = 'PXu6b0qd2S';window._pxJsClientSrc = '/u6b0qd2S/init.js';
</script><script src="/u6b0qd2S/captcha/captcha.js?a=c&u=1f2e3d&v=&m=0"></script></body></html>"""

AKAMAI = """<HTML><HEAD>
<TITLE>Access Denied</TITLE>
</HEAD><BODY>
<H1>Access Denied</H1>

You don't have permission to access "http&#58;&#47;&#47;www&#46;example&#45;people&#46;com&#47;" on this server.<P>
Reference&#32;&#35;18&#46;5f3b1002&#46;1700000000&#46;1a2b3c4d
<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;18&#46;5f3b1002&#46;1700000000&#46;1a2b3c4d</P>
</BODY>
</HTML>"""

IMPERVA = """<html style="height:100%"><head><META NAME="ROBOTS" CONTENT="NOINDEX, NOFOLLOW"><meta
name="viewport" content="initial-scale=1.0"></head><body style="margin:0px;height:100%"><iframe
id="main-iframe" src="/_Incapsula_Resource?SWUDNSAI=31&xinfo=10-12345678-0%200NNN&incident_id=
1234000560012345678-123456789012345678&edet=15" frameborder=0 width="100%" height="100%">Request
unsuccessful. Incapsula incident ID: 1234000560012345678-123456789012345678</iframe></body></html>"""

GOOGLE_SORRY = """<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8">
<title>https://www.google.com/search?q=%22jane+doe%22</title></head><body onload="e=document.
getElementById('captcha');if(e){e.focus();}"><div style="max-width:400px;"><form id="captcha-form"
action="index" method="post"><script src="https://www.google.com/recaptcha/api.js" async defer>
</script><div id="recaptcha" class="g-recaptcha" data-sitekey="6LfwuyUTAAAAAOAmoS0fdqijC2PbbdH4kjq62Y1b"></div>
</form><hr noshade size="1"><div style="font-size:13px;"><b>About this page</b><br><br>Our systems have
detected unusual traffic from your computer network. This page checks to see if it&#39;s really
you sending the requests, and not a robot.</div></div></body></html>"""

SITE_CAPTCHA = """<html><head><title>Security check</title><script
src="https://www.google.com/recaptcha/api.js" async defer></script></head><body><h1>One more
step</h1><form method="post" action="/verify"><div class="g-recaptcha" data-sitekey="6Lc_abc"></div>
<button>Continue</button></form></body></html>"""

HCAPTCHA = """<html><head><title>Verification</title><script src="https://js.hcaptcha.com/1/api.js"
async defer></script></head><body><p>Please verify you are a human to continue.</p><form
method="post"><div class="h-captcha" data-sitekey="10000000-ffff-ffff-ffff-000000000001"></div>
</form></body></html>"""

TURNSTILE = """<html><head><title>Checking</title><script
src="https://challenges.cloudflare.com/turnstile/v0/api.js" async defer></script></head><body>
<form><div class="cf-turnstile" data-sitekey="0x4AAAAAAA"></div></form></body></html>"""

FB_LOGIN = """<!DOCTYPE html><html lang="en"><head><title>Log in to Facebook</title></head><body>
<div><h2>You must log in to continue.</h2><form method="post" action="/login/device-based/regular/login/">
<input type="text" name="email" placeholder="Email address or phone number"><input type="password"
name="pass" placeholder="Password"><button name="login" type="submit">Log in</button></form>
<a href="/recover/initiate/">Forgotten account?</a></div></body></html>"""

ARTICLE = "<p>" + " ".join(["Sentence of an ordinary article about court security."] * 60) + "</p>"

CAPTCHA_ARTICLE = f"""<html><head><title>Why CAPTCHAs are getting harder - Tech News</title></head>
<body><article><h1>Why CAPTCHAs are getting harder</h1><p>A CAPTCHA asks: are you a robot? Sites
show one when they see unusual traffic, and some ask you to verify you are human by pressing and
holding a button. Google's reCAPTCHA and hCaptcha are the best known.</p>{ARTICLE}</article>
</body></html>"""

CONTACT_FORM = f"""<html><head><title>Contact the Clerk of Court</title><script
src="https://www.google.com/recaptcha/api.js" async defer></script></head><body><main>{ARTICLE}
<form action="/contact" method="post"><textarea name="msg"></textarea><div class="g-recaptcha"
data-sitekey="6Lc_abc"></div><button>Send</button></form></main></body></html>"""

VENDOR_SCRIPTS = f"""<html><head><title>Jane Doe in Santa Rosa, CA - People Finder</title>
<script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script><script>window._pxAppId =
'PXu6b0qd2S';</script><script src="https://js.datadome.co/tags.js" async></script><script
src="/_Incapsula_Resource?SWJIYLWA=719d34d31c8e3a6e6fffd425f7e032f3"></script></head><body><h1>Jane
Doe, age 55</h1><p>Lives in Santa Rosa, CA. Relatives: Mark Doe.</p>{ARTICLE}</body></html>"""

HEADER_LOGIN = f"""<html><head><title>County news</title></head><body><header><form action="/login">
<input name="user"><input type="password" name="pw"><button>Sign in</button></form></header>
<h1>Judge opens new courthouse wing</h1>{ARTICLE}</body></html>"""

SHORT_CAPTCHA_WORD = """<html><head><title>Our captcha policy</title></head><body><p>We do not use
captcha on this site.</p></body></html>"""

QUOTED_MOMENT = f"""<html><head><title>Blog</title></head><body><p>He said "Just a moment..." and
left.</p>{ARTICLE}</body></html>"""


@pytest.mark.parametrize(("resp", "expected"), [
    (_resp(403, CF_CHALLENGE.encode(), cf_mitigated="challenge"), "blocked: cloudflare challenge (HTTP 403)"),
    (_resp(503, CF_CHALLENGE.encode()), "blocked: cloudflare challenge (HTTP 503)"),
    (_resp(200, CF_CHALLENGE.encode()), "blocked: cloudflare challenge (HTTP 200)"),
    (_resp(403, CF_BLOCK.encode()), "blocked: cloudflare block (HTTP 403)"),
    (_resp(403, DATADOME.encode()), "blocked: datadome (HTTP 403)"),
    (_resp(403, b"", x_datadome="protected"), "blocked: datadome (HTTP 403)"),
    (_resp(403, PERIMETERX.encode()), "blocked: perimeterx (HTTP 403)"),
    (_resp(403, AKAMAI.encode()), "blocked: akamai (HTTP 403)"),
    (_resp(200, IMPERVA.encode()), "blocked: imperva (HTTP 200)"),
    (_resp(429, GOOGLE_SORRY.encode()), "blocked: captcha (HTTP 429)"),
    (_resp(200, SITE_CAPTCHA.encode()), "blocked: recaptcha (HTTP 200)"),
    (_resp(200, HCAPTCHA.encode()), "blocked: hcaptcha (HTTP 200)"),
    (_resp(200, TURNSTILE.encode()), "blocked: turnstile (HTTP 200)"),
    (_resp(405, b"", x_amzn_waf_action="captcha"), "blocked: aws waf (HTTP 405)"),
    (_resp(200, FB_LOGIN.encode()), "blocked: login wall (HTTP 200)"),
    (_resp(200, b"<p>Sign in</p>", url="https://www.linkedin.com/authwall?trk=gf",
           requested="https://www.linkedin.com/in/jane-doe"), "blocked: login wall (HTTP 200)"),
    (_resp(401, b"denied"), "blocked: HTTP 401 login required"),
    (_resp(403, b"<p>Forbidden</p>"), "blocked: HTTP 403 forbidden"),
    (_resp(429, b""), "blocked: HTTP 429 rate limited"),
    (_resp(451, b""), "blocked: HTTP 451 unavailable for legal reasons"),
    (_resp(503, b"down"), "blocked: HTTP 503 service unavailable"),
    # ordinary pages: no false positives
    (_resp(200, CAPTCHA_ARTICLE.encode()), None),
    (_resp(200, CONTACT_FORM.encode()), None),
    (_resp(200, VENDOR_SCRIPTS.encode()), None),
    (_resp(200, HEADER_LOGIN.encode()), None),
    (_resp(200, SHORT_CAPTCHA_WORD.encode()), None),
    (_resp(200, QUOTED_MOMENT.encode()), None),
    (_resp(200, b"<p>Jane Doe, Santa Rosa</p>"), None),
    (_resp(404, b"<h1>Not found</h1>"), None),
    (_resp(200, b"", url="https://x.example/login", requested="https://x.example/login"), None),
    (_resp(200, CF_CHALLENGE.encode(), ct="image/png"), None),
    (_resp(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, ct=None), None),
], ids=lambda v: v if isinstance(v, str) or v is None else "")
def test_detect_block(resp, expected):
    assert detect_block(resp) == expected


def test_detect_challenge_ignores_status():
    assert detect_challenge(_resp(403, b"<p>Forbidden</p>")) is None
    assert detect_challenge(_resp(200, DATADOME.encode())) == "datadome"


# -- requests other than a plain GET (account checks by API) -----------------------------------


def test_post_sends_body_and_rule_headers_but_never_its_user_agent(fault_server):
    from footprint.web.base import Request

    srv = fault_server({
        f'POST {A}/api/check {{"username":"jqdoe71"}}': page('{"taken":true}', 200,
                                                               "application/json"),
    })
    with fast_fetcher(srv) as f:
        got = f.send(Request(
            srv.url(A, "/api/check"), method="POST", body=b'{"username":"jqdoe71"}',
            headers=(("Content-Type", "application/json"), ("User-Agent", "Mozilla/5.0"),
                     ("Host", "elsewhere.example"), ("Accept", "application/json")),
        ))
        other = f.send(Request(srv.url(A, "/api/check"), method="POST", body=b"x"))
    assert (got.status, got.body) == (200, b'{"taken":true}')
    assert other.status == 404
    sent = srv.requests(A)[0]
    assert (sent.method, sent.body) == ("POST", b'{"username":"jqdoe71"}')
    assert sent.headers["content-type"] == "application/json"
    assert sent.headers["accept"] == "application/json"
    assert sent.headers["user-agent"].startswith(f"footprint/{__version__} (")
    assert sent.headers["host"].startswith(A)


def test_post_redirected_by_303_continues_as_get(fault_server):
    from footprint.web.base import Request

    srv = fault_server({f"POST {A}/form": page(b"", 303, location="/done"),
                        f"{A}/done": "<p>done</p>"})
    with fast_fetcher(srv) as f:
        got = f.send(Request(srv.url(A, "/form"), method="POST", body=b"a=1"))
    assert got.status == 200 and got.url.endswith("/done")
    assert [(r.method, r.target) for r in srv.requests(A)] == [("POST", "/form"), ("GET", "/done")]


def test_redirect_not_followed_when_the_rule_reads_it(fault_server):
    from footprint.web.base import Request

    srv = fault_server({f"{A}/u/x": page(b"", 302, location="/users/7"),
                        f"{A}/users/7": "<p>x</p>"})
    with fast_fetcher(srv) as f:
        got = f.send(Request(srv.url(A, "/u/x"), follow_redirects=False))
    assert (got.status, got.header("location")) == (302, "/users/7")
    assert srv.count(A) == 1
