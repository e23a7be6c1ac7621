"""Proxies from the environment are ignored by every live transport: with HTTP(S)_PROXY,
ALL_PROXY (and ddgs' DDGS_PROXY) pointing at a recording proxy on loopback, the HTTP fetcher (all
page fetches of every probe), the SearXNG backend and the ddgs backend (its own Rust HTTP client)
send their requests straight to the target — the proxy sees none. Both servers are on 127.0.0.1."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from footprint.errors import ProbeError
from footprint.profile import NetworkSettings
from footprint.web.http import HttpFetcher
from footprint.web.noproxy import PROXY_VARIABLES
from footprint.web.search_ddgs import DdgsSearch
from footprint.web.search_searxng import SearxngSearch


class Recorder:
    """An HTTP server on 127.0.0.1 that records every request line (CONNECT included)."""

    def __init__(self, body: bytes, ctype: str) -> None:
        self.seen: list[str] = []
        rec = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a: Any) -> None:
                pass

            def _answer(self) -> None:
                rec.seen.append(f"{self.command} {self.path}")
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_CONNECT = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


SEARX_JSON = b'{"query": "q", "results": [], "unresponsive_engines": []}'


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[Recorder]:
    """A recording proxy, named in every proxy variable of the environment."""
    rec = Recorder(b"proxied", "text/html")
    for key in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(key, raising=False)  # restored afterwards, like the proxy variables
    for name in PROXY_VARIABLES:
        monkeypatch.setenv(name, rec.url)
        monkeypatch.setenv(name.lower(), rec.url)
    yield rec
    rec.close()


@pytest.fixture
def target() -> Iterator[Recorder]:
    rec = Recorder(SEARX_JSON, "application/json")
    yield rec
    rec.close()


def test_http_fetcher_ignores_environment_proxies(proxy: Recorder, target: Recorder) -> None:
    with HttpFetcher(NetworkSettings(retries=0), cache_path=None, contact=None,
                     allow_hosts={"127.0.0.1"}) as f:
        assert f.fetch(f"{target.url}/listing?name=Jane").status == 200
    assert target.seen == ["GET /listing?name=Jane"]
    assert proxy.seen == []


def test_searxng_ignores_environment_proxies(proxy: Recorder, target: Recorder) -> None:
    assert SearxngSearch(target.url, timeout=5).search("Jane Doe Santa Rosa") == []
    assert any(line.startswith("GET /search?q=Jane+Doe+Santa+Rosa") for line in target.seen)
    assert proxy.seen == []


def test_ddgs_ignores_environment_proxies(proxy: Recorder, target: Recorder,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """ddgs' real HTTP client (primp) reads proxy variables itself: an engine pointed at the
    loopback target must be asked directly."""
    from ddgs.engines import ENGINES
    from ddgs.engines.mojeek import Mojeek

    class Loopback(Mojeek):
        name = "loopback"
        search_url = f"{target.url}/search"

    monkeypatch.setitem(ENGINES["text"], "loopback", Loopback)
    search = DdgsSearch("us-en", engines="loopback", timeout=5, min_interval=0, retries=0,
                        sleep=lambda s: None)
    with pytest.raises(ProbeError):  # the target's answer is no results page: "not checked"
        search.search("Jane Doe Santa Rosa")
    assert any(line.startswith("GET /search?q=Jane+Doe+Santa+Rosa") for line in target.seen)
    assert proxy.seen == []
