"""Test helper: a fault-injecting HTTP server on 127.0.0.1 that plays many web sites at once,
and the body of the `fault_server` fixture that starts it (`serve_faults`).

Virtual hosts: every site is served from one port; the site is chosen by the `Host` header.
Tests use names under the reserved `.test` TLD (`http://site-a.test:PORT/`) or real names
replayed from a web archive, and give `HttpFetcher` `resolve={"*": "127.0.0.1"}` (what
`FaultServer.fetcher()` does), so nothing is looked up in DNS and every connection still passes
the fetcher's address policy (`allow_hosts={"127.0.0.1"}`).

A fault plan maps keys to faults. Keys, most specific first: `"host/path?query"`,
`"host/path"`, `"host"` (every path of the host), `"*/path"` (that path on every host), `"*"`.
All matching faults apply. A fault with `times=N` acts on the first N requests for that host
and path (query included), then the page is served normally.

    with FaultServer({"site-a.test/": page("<h1>hi</h1>")},
                     {"site-a.test/": Status(429, times=2, retry_after="1")}) as srv:
        fetcher = srv.fetcher()
        fetcher.fetch(srv.url("site-a.test", "/"))
        srv.times("site-a.test")    # monotonic receive times, for rate checks
"""

from __future__ import annotations

import socket
import ssl
import struct
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

# -- pages ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """A canned answer."""

    body: bytes = b""
    """The body, sent as is (faults may transform it)."""
    status: int = 200
    """HTTP status."""
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "text/html; charset=utf-8"),)
    """Response headers (Content-Length is added by the server)."""

    def header(self, name: str) -> str | None:
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None


def page(body: str | bytes, status: int = 200, content_type: str = "text/html; charset=utf-8",
         **headers: str) -> Page:
    """A page; keyword headers use underscores for dashes (`etag='"v1"'`, `last_modified=…`)."""
    raw = body.encode("utf-8") if isinstance(body, str) else body
    hdrs = [("Content-Type", content_type)]
    hdrs += [(k.replace("_", "-").title().replace("Etag", "ETag"), v) for k, v in headers.items()]
    return Page(raw, status, tuple(hdrs))


NOT_FOUND = Page(b"<html><body><h1>Not found</h1></body></html>", 404)


def archive_source(fetcher: Any) -> Callable[[str, str], Page | None]:
    """Serve pages from anything with the `Fetcher` interface, e.g. a web archive's
    `WebArchive.open(path, cache).fetcher()`: `host/path` is looked up as `https://host/path`,
    then `http://host/path`. A 404 or a fetch error means "not here"."""
    from footprint.errors import FetchError

    def source(host: str, target: str) -> Page | None:
        for scheme in ("https", "http"):
            try:
                resp = fetcher.fetch(f"{scheme}://{host}{target}")
            except FetchError:
                continue
            if resp.status == 404:
                continue
            keep = tuple((k, v) for k, v in resp.headers
                         if k not in ("content-length", "transfer-encoding", "content-encoding",
                                      "connection"))
            return Page(resp.body, resp.status, keep)
        return None

    return source


# -- faults -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Latency:
    """Wait before answering."""

    seconds: float


@dataclass(frozen=True)
class Status:
    """Answer `code` (429, 500, 503…) instead of the page, optionally with Retry-After."""

    code: int
    times: int | None = None
    retry_after: str | None = None
    body: bytes = b"<html><body>error</body></html>"
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Reset:
    """Reset the connection (TCP RST) without answering."""

    times: int | None = None


@dataclass(frozen=True)
class Drip:
    """Send the body `chunk` bytes at a time, `delay` seconds apart."""

    delay: float
    chunk: int = 1
    times: int | None = None


@dataclass(frozen=True)
class Redirect:
    """Redirect to `location` (absolute, or a path on the same host)."""

    location: str
    status: int = 302
    times: int | None = None


@dataclass(frozen=True)
class RedirectLoop:
    """Redirect forever: to the same URL (`distinct=False`, a loop) or to a new URL each time
    (`distinct=True`, `?hop=N+1`: an endless chain)."""

    distinct: bool = False
    status: int = 302


@dataclass(frozen=True)
class GzipBomb:
    """Answer `Content-Encoding: gzip` with `size` zero bytes compressed (~1000:1)."""

    size: int = 50_000_000


@dataclass(frozen=True)
class Charset:
    """Declare `declared` in Content-Type whatever the body's real encoding."""

    declared: str


@dataclass(frozen=True)
class Truncate:
    """Send only the first `at` bytes of the body. `keep_length=True` still declares the full
    Content-Length (a broken transfer); False declares `at` (a complete transfer of cut HTML)."""

    at: int
    keep_length: bool = True
    times: int | None = None


@dataclass(frozen=True)
class Huge:
    """A body of `size` bytes of HTML filler, with Content-Length or (False) chunked."""

    size: int
    declare_length: bool = True


Fault = (Latency | Status | Reset | Drip | Redirect | RedirectLoop | GzipBomb | Charset | Truncate
         | Huge)
Plan = Mapping[str, "Fault | Sequence[Fault]"]


@lru_cache(maxsize=4)
def gzip_bomb(size: int) -> bytes:
    """`size` zero bytes, gzip-compressed in 1 MB steps (no `size`-byte buffer)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * min(size, 1 << 20)
    out, left = [], size
    while left > 0:
        out.append(comp.compress(block[: min(left, len(block))]))
        left -= len(block)
    out.append(comp.flush())
    return b"".join(out)


def _filler(size: int) -> Iterator[bytes]:
    unit = b"<p>" + b"lorem ipsum dolor sit amet " * 36 + b"</p>\n"
    left = size
    while left > 0:
        part = unit[:left]
        left -= len(part)
        yield part


# -- the server -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestRecord:
    """One request the server received."""

    host: str
    """Host header without the port."""
    target: str
    """Path and query."""
    time: float
    """`time.monotonic()` at receipt (after the request line and headers were read)."""
    headers: Mapping[str, str] = field(default_factory=dict)
    """Request headers, names lowercased."""
    method: str = "GET"
    """GET, HEAD or POST."""
    body: bytes = b""
    """The request body (POST)."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # keep-alive handler threads must not hold up shutdown
    allow_reuse_address = True
    owner: FaultServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hangs up (a fetcher enforcing its size cap or deadline) is expected.
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError, ssl.SSLError)):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass  # quiet: pytest shows failures, not every request

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        try:
            self.server.owner._handle(self)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True

    def do_HEAD(self) -> None:  # noqa: N802 - stdlib name
        self.do_GET()

    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        n = int(self.headers.get("Content-Length") or 0)
        self.body = self.rfile.read(n) if n else b""
        self.do_GET()


class FaultServer:
    """Serves `pages` (and `source`, e.g. a web archive) under the fault `plan`."""

    def __init__(self, pages: Mapping[str, Page | str | bytes] | None = None,
                 faults: Plan | None = None,
                 source: Callable[[str, str], Page | None] | None = None,
                 tls: tuple[str, str] | None = None) -> None:
        """`tls=(certfile, keyfile)` serves HTTPS instead of HTTP."""
        self.tls = tls
        self.pages: dict[str, Page] = {
            k: v if isinstance(v, Page) else page(v) for k, v in (pages or {}).items()}
        self.faults: dict[str, list[Fault]] = {}
        for key, value in (faults or {}).items():
            self.add_fault(key, value)
        self.source = source
        self._lock = threading.Lock()
        self._log: list[RequestRecord] = []
        self._counts: dict[tuple[str, str], int] = {}
        self._in_flight: dict[str, int] = {}
        self._max_in_flight: dict[str, int] = {}
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ----------------------------------------------------------------------------

    def start(self) -> FaultServer:
        httpd = _Server(("127.0.0.1", 0), _Handler)
        httpd.owner = self
        if self.tls is not None:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(*self.tls)
            httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
        self._httpd = httpd
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="faultserver", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> FaultServer:
        return self.start() if self._httpd is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None, "server not started"
        return int(self._httpd.server_address[1])

    def url(self, host: str, path: str = "/") -> str:
        """The URL of `path` on virtual host `host`."""
        scheme = "https" if self.tls else "http"
        return f"{scheme}://{host}:{self.port}{path}"

    def fetcher(self, settings: Any = None, **kwargs: Any) -> Any:
        """An `HttpFetcher` wired to this server: every name resolves to 127.0.0.1, which the
        address policy is told to allow; no cache unless `cache_path` is given."""
        from footprint.profile import NetworkSettings
        from footprint.web.http import HttpFetcher

        kwargs.setdefault("cache_path", None)
        kwargs.setdefault("contact", "tests@example.org")
        kwargs.setdefault("allow_hosts", {"127.0.0.1"})
        kwargs.setdefault("resolve", {"*": "127.0.0.1"})
        return HttpFetcher(settings or NetworkSettings(), **kwargs)

    # -- plan and log -------------------------------------------------------------------------

    def add_fault(self, key: str, fault: Fault | Sequence[Fault]) -> None:
        items = list(fault) if isinstance(fault, (list, tuple)) else [fault]
        self.faults.setdefault(key, []).extend(items)  # type: ignore[arg-type]

    def requests(self, host: str | None = None) -> list[RequestRecord]:
        with self._lock:
            return [r for r in self._log if host is None or r.host == host]

    def times(self, host: str) -> list[float]:
        return [r.time for r in self.requests(host)]

    def count(self, host: str | None = None, target: str | None = None) -> int:
        return sum(1 for r in self.requests(host) if target is None or r.target == target)

    # -- serving ------------------------------------------------------------------------------

    def _faults_for(self, host: str, target: str) -> list[Fault]:
        path = urlsplit(target).path or "/"
        keys = dict.fromkeys([f"{host}{target}", f"{host}{path}", host, f"*{path}", "*"])
        out: list[Fault] = []
        for key in keys:
            out.extend(self.faults.get(key, ()))
        return out

    def _page_for(self, host: str, target: str) -> Page:
        path = urlsplit(target).path or "/"
        for key in (f"{host}{target}", f"{host}{path}", target, path):
            if key in self.pages:
                return self.pages[key]
        if self.source is not None:
            found = self.source(host, target)
            if found is not None:
                return found
        return NOT_FOUND

    def max_in_flight(self, host: str | None = None) -> int:
        """The most requests (for `host`, or all hosts) the server was handling at once."""
        with self._lock:
            return self._max_in_flight.get(host or "*", 0)

    def _handle(self, h: _Handler) -> None:
        host = (h.headers.get("Host") or "").rsplit(":", 1)[0].lower()
        with self._lock:
            for key in (host, "*"):
                self._in_flight[key] = self._in_flight.get(key, 0) + 1
                self._max_in_flight[key] = max(self._max_in_flight.get(key, 0),
                                               self._in_flight[key])
        released = False

        def release() -> None:
            # A request stops being "in flight" when its answer starts to go out: the client may
            # read the last byte and send its next request before this handler thread returns,
            # and counting until then would see concurrency the client never had.
            nonlocal released
            if not released:
                released = True
                with self._lock:
                    for key in (host, "*"):
                        self._in_flight[key] -= 1

        h.release_in_flight = release  # type: ignore[attr-defined]
        try:
            self._answer(h, host)
        finally:
            release()

    def _answer(self, h: _Handler, host: str) -> None:
        target = h.path
        with self._lock:
            self._log.append(RequestRecord(host, target, time.monotonic(),
                                           {k.lower(): v for k, v in h.headers.items()},
                                           h.command, getattr(h, "body", b"")))
            n = self._counts[(host, target)] = self._counts.get((host, target), 0) + 1

        def active(f: Any) -> bool:
            times = getattr(f, "times", None)
            return times is None or n <= times

        faults = [f for f in self._faults_for(host, target) if active(f)]
        delay = sum(f.seconds for f in faults if isinstance(f, Latency))
        if delay:
            time.sleep(delay)
        for f in faults:
            if isinstance(f, Reset):
                # SO_LINGER 0 makes close() send RST instead of FIN: a "connection reset".
                h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                        struct.pack("ii", 1, 0))
                h.close_connection = True
                h.connection.close()
                return
            if isinstance(f, Status):
                headers = [("Content-Type", "text/html; charset=utf-8"), *f.headers]
                if f.retry_after is not None:
                    headers.append(("Retry-After", f.retry_after))
                self._send(h, Page(f.body, f.code, tuple(headers)), [])
                return
            if isinstance(f, Redirect):
                self._send(h, Page(b"", f.status, (("Location", f.location),)), [])
                return
            if isinstance(f, RedirectLoop):
                parts = urlsplit(target)
                if f.distinct:
                    hop = int(parse_qs(parts.query).get("hop", ["0"])[0])
                    location = f"{parts.path}?hop={hop + 1}"
                else:
                    location = target
                self._send(h, Page(b"", f.status, (("Location", location),)), [])
                return
        if h.command == "POST":
            # POST pages are keyed "POST host/path body" (that body only) or "POST host/path".
            path = urlsplit(target).path or "/"
            body = getattr(h, "body", b"").decode("utf-8", "replace")
            pg = self.pages.get(f"POST {host}{path} {body}") or self.pages.get(
                f"POST {host}{path}") or NOT_FOUND
            self._send(h, pg, faults)
            return
        pg = self._page_for(host, target)
        etag, modified = pg.header("ETag"), pg.header("Last-Modified")
        if (etag and h.headers.get("If-None-Match") == etag) or (
                modified and not etag and h.headers.get("If-Modified-Since") == modified):
            keep = tuple((k, v) for k, v in pg.headers if k.lower() in ("etag", "last-modified",
                                                                       "cache-control"))
            self._send(h, Page(b"", 304, keep), [])
            return
        self._send(h, pg, faults, head=h.command == "HEAD")

    def _send(self, h: _Handler, pg: Page, faults: list[Fault], head: bool = False) -> None:
        headers = list(pg.headers)
        body: bytes | None = pg.body
        stream: Iterator[bytes] | None = None
        length: int | None = None
        drip = next((f for f in faults if isinstance(f, Drip)), None)
        cut = next((f for f in faults if isinstance(f, Truncate)), None)
        for f in faults:
            if isinstance(f, Charset):
                headers = [(k, v) for k, v in headers if k.lower() != "content-type"]
                headers.append(("Content-Type", f"text/html; charset={f.declared}"))
            elif isinstance(f, GzipBomb):
                body = gzip_bomb(f.size)
                headers.append(("Content-Encoding", "gzip"))
            elif isinstance(f, Huge):
                body, stream = None, _filler(f.size)
                length = f.size if f.declare_length else None
        if body is not None:
            length = len(body)
            if cut is not None:
                sent = body[: cut.at]
                if not cut.keep_length:
                    length = len(sent)
                body = sent
        h.send_response(pg.status)
        for k, v in headers:
            h.send_header(k, v)
        if pg.status == 304:
            pass  # no body, no length
        elif length is None:
            h.send_header("Transfer-Encoding", "chunked")
        else:
            h.send_header("Content-Length", str(length))
        if cut is not None and cut.keep_length:
            h.send_header("Connection", "close")
            h.close_connection = True
        getattr(h, "release_in_flight", lambda: None)()
        h.end_headers()
        if head or pg.status == 304:
            return
        out = h.wfile
        if stream is not None:
            for part in stream:
                if length is None:
                    out.write(b"%x\r\n%s\r\n" % (len(part), part))
                else:
                    out.write(part)
            if length is None:
                out.write(b"0\r\n\r\n")
        elif drip is not None and body:
            for i in range(0, len(body), drip.chunk):
                out.write(body[i: i + drip.chunk])
                out.flush()
                time.sleep(drip.delay)
        elif body:
            out.write(body)
        out.flush()


# -- a reusable mixed plan -------------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    """What a fetch of one planned URL must end in."""

    kind: str
    """"ok" (a Response with the page), "response" (a Response with `status`), "fetch_error" or
    "blocked" (the exception of that kind)."""
    reason: str | None = None
    """For errors: the exact `reason`; for "response": what `detect_block` says (or None)."""
    status: int | None = 200
    """Expected HTTP status of the Response (or the error's `status`)."""


@dataclass(frozen=True)
class MixedPlan:
    """Pages, a fault plan and the expected outcome of every URL path (`host/path`)."""

    pages: dict[str, Page]
    faults: dict[str, list[Fault]]
    expect: dict[str, Expect]


CF_CHALLENGE_PAGE = (
    b'<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body>'
    b'<noscript><span id="challenge-error-text">Enable JavaScript and cookies to continue</span>'
    b"</noscript><script>(function(){window._cf_chl_opt={cvId: '3',cType: 'managed'};"
    b"}());</script></body></html>"
)


def mixed_plan(hosts: Sequence[str], healthy_per_host: int = 6, *, retries: int = 2,
               max_bytes: int = 100_000) -> MixedPlan:
    """Healthy pages on every host plus one of each fault, spread over the hosts. Fetch with
    `retries`, `max_bytes`, a read `timeout` below 0.5 s and a `total_timeout` below 0.8 s (e.g.
    `NetworkSettings(timeout=0.3, total_timeout=0.6, retries=2, max_bytes=100_000,
    retry_backoff=0.02)`) and every URL ends as `expect` says."""
    attempts = retries + 1
    pages: dict[str, Page] = {}
    faults: dict[str, list[Fault]] = {}
    expect: dict[str, Expect] = {}
    for h in hosts:
        for i in range(healthy_per_host):
            key = f"{h}/page/{i}"
            pages[key] = page(f"<html><body><h1>{h} page {i}</h1><p>Řezníčková</p></body></html>")
            expect[key] = Expect("ok")
    cases: list[tuple[str, list[Fault], Page | None, Expect]] = [
        ("flaky-503", [Status(503, times=1)], None, Expect("ok")),
        ("rate-limited-once", [Status(429, times=2, retry_after="0")], None, Expect("ok")),
        ("reset-once", [Reset(times=1)], None, Expect("ok")),
        ("always-500", [Status(500)], None,
         Expect("fetch_error", f"HTTP 500 after {attempts} attempts", 500)),
        ("always-429", [Status(429)], None,
         Expect("blocked", "blocked: HTTP 429 rate limited", 429)),
        ("always-reset", [Reset()], None, Expect("fetch_error", "connection reset", None)),
        ("loop", [RedirectLoop()], None, Expect("fetch_error", "redirect loop", None)),
        ("to-private", [Redirect("http://10.20.30.40/")], None,
         Expect("fetch_error", "refused: private address", None)),
        ("slow", [Latency(0.8)], None, Expect("fetch_error", "timed out", None)),
        ("drip", [Drip(0.05, chunk=1)], page("x" * 200),
         Expect("fetch_error", "timed out (total time limit)", None)),
        ("bomb", [GzipBomb(20_000_000)], None,
         Expect("fetch_error", f"too large (over {max_bytes} bytes)", None)),
        ("huge", [Huge(max_bytes * 4, declare_length=False)], None,
         Expect("fetch_error", f"too large (over {max_bytes} bytes)", None)),
        ("truncated", [Truncate(40)], page("<html><body>" + "y" * 200 + "</body></html>"),
         Expect("fetch_error", "connection broken while reading the body", None)),
        ("challenge", [], Page(CF_CHALLENGE_PAGE, 403, (("Content-Type", "text/html"),)),
         Expect("response", "blocked: cloudflare challenge (HTTP 403)", 403)),
        ("latin1-lie", [Charset("iso-8859-1")], page("<p>Řezníčková</p>"), Expect("ok")),
    ]
    for n, (name, fs, pg, exp) in enumerate(cases):
        key = f"{hosts[n % len(hosts)]}/{name}"
        pages[key] = pg or page(f"<html><body>{name} recovered</body></html>")
        if fs:
            faults[key] = list(fs)
        expect[key] = exp
    return MixedPlan(pages, faults, expect)


# -- time -------------------------------------------------------------------------------------


class FakeClock:
    """A clock whose `sleep` advances time instantly and records each wait: inject both into
    `HttpFetcher(sleep=clock.sleep, clock=clock)` to test politeness without waiting."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.now += max(0.0, seconds)


# -- fixtures ---------------------------------------------------------------------------------


def serve_faults() -> Iterator[Callable[..., FaultServer]]:
    """Body of the `fault_server` fixture: yields `start(pages, faults, source=None)`, which
    starts a server; all are stopped afterwards. A test module (or conftest) declares

        @pytest.fixture
        def fault_server():
            yield from serve_faults()
    """
    started: list[FaultServer] = []

    def start(pages: Mapping[str, Page | str | bytes] | None = None, faults: Plan | None = None,
              source: Callable[[str, str], Page | None] | None = None) -> FaultServer:
        srv = FaultServer(pages, faults, source).start()
        started.append(srv)
        return srv

    try:
        yield start
    finally:
        for srv in started:
            srv.stop()


# -- whole audits through the server ----------------------------------------------------------


class ViaServer:
    """A `Fetcher` for whole-audit tests: every URL an audit asks for (`https://host/path`) is
    fetched from the fault server (`http://host:PORT/path`) through a real `HttpFetcher`, so
    retries, rate limits and caps all run; URLs in answers and errors are mapped back."""

    def __init__(self, server: Any, http: Any) -> None:
        self.server = server  # anything with `url(host, path)`: a FaultServer or a `Remote`
        self.http = http

    def _back(self, asked: str, got: str) -> str:
        a, g = urlsplit(asked), urlsplit(got)
        return f"{a.scheme}://{g.hostname}{g.path or '/'}" + (f"?{g.query}" if g.query else "")

    def fetch(self, url: str) -> Any:
        import dataclasses

        from footprint.errors import BlockedError, FetchError

        parts = urlsplit(url)
        target = self.server.url(parts.hostname or "", (parts.path or "/") + (f"?{parts.query}" if parts.query else ""))
        try:
            resp = self.http.fetch(target)
        except BlockedError as e:
            raise BlockedError(url, e.reason, e.status) from None
        except FetchError as e:
            raise FetchError(url, e.reason, e.status) from None
        return dataclasses.replace(resp, url=self._back(url, resp.url), requested_url=url)

    def close(self) -> None:
        self.http.close()


@dataclass(frozen=True)
class Remote:
    """A fault server started by another process (tests that kill an audit run it in a child)."""

    port: int

    def url(self, host: str, path: str = "/") -> str:
        return f"http://{host}:{self.port}{path}"
