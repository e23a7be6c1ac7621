"""`footprint open`: shows an audit's full report to the person at this machine without writing
a clear copy anywhere.

The report (HTML, rendered in memory) is served once, by a one-shot HTTP server bound to
127.0.0.1 on a random port, at a URL holding a random one-time token:

- only a request for exactly that URL, with the Host header of that address (a page of another
  site cannot reach it through DNS rebinding), gets the report; anything else gets 404 and
  does not use the token up;
- the report is sent once: the server stops as soon as it was delivered (a second request, or
  a copy of the URL from the process list or the terminal's scroll-back, finds nothing), or
  when `timeout` seconds pass without it being fetched;
- the answer forbids caching (`Cache-Control: no-store`), referrers, framing and every script
  (the report's own Content-Security-Policy), so the browser keeps it in memory only;
- nothing is logged: the token is a secret as long as the server runs.

Why this and not a page that decrypts an encrypted report in the browser: that page would need
JavaScript and an age implementation inside the report, and the report's safety against hostile
page content rests on it running no script at all. Here the full values exist only in this
process's memory and in the browser tab.
"""

from __future__ import annotations

import http.server
import secrets
import threading
import time
from collections.abc import Callable

from reports.html import CSP

HEADERS = {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store, max-age=0",
    "Pragma": "no-cache",
    "Expires": "0",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": CSP + "; frame-ancestors 'none'",
    "Cross-Origin-Resource-Policy": "same-origin",
}
"""Sent with the report: no cache of any kind, no referrer to the pages it links to, no
framing, no script."""


class OneShotViewer:
    """Serves `page` once at `url` on 127.0.0.1. Call `serve()` (blocks) and read `delivered`."""

    def __init__(self, page: bytes, *, timeout: float = 300.0, port: int = 0) -> None:
        self._page = page
        self.timeout = timeout
        """Seconds to wait for the browser before giving up."""
        self.token = secrets.token_urlsafe(32)
        """The one-time secret in the URL."""
        self.delivered = False
        """True once the report was sent in full."""
        self._lock = threading.Lock()
        self._claimed = False  # the one request that gets the report has come
        self._finished = threading.Event()  # … and its answer was sent (or failed)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        """The port the server listens on (random unless given)."""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{self.token}/"

    def _handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        viewer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            server_version = "footprint-open"
            sys_version = ""
            timeout = 30  # a client that stops reading cannot hold the report open

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass  # the path holds the token: never logged

            def _plain(self, code: int, text: str) -> None:
                body = (text + "\n").encode()
                self.send_response(code)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Cache-Control", "no-store")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def do_HEAD(self) -> None:  # noqa: N802
                self._plain(405, "footprint open: only GET")

            def do_POST(self) -> None:  # noqa: N802
                self._plain(405, "footprint open: only GET")

            def do_GET(self) -> None:  # noqa: N802
                if self.headers.get("Host", "") != f"127.0.0.1:{viewer.port}":
                    self._plain(421, "footprint open: wrong host")
                    return
                if not secrets.compare_digest(self.path, f"/{viewer.token}/"):
                    self._plain(404, "footprint open: not found")
                    return
                with viewer._lock:  # the first request wins; later ones find it gone
                    first = not viewer._claimed
                    viewer._claimed = True
                    page = viewer._page
                if not first:
                    self._plain(410, "footprint open: this report was already shown; "
                                     "run footprint open again")
                    return
                try:
                    self.send_response(200)
                    for k, v in HEADERS.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(page)))
                    self.end_headers()
                    self.wfile.write(page)
                    self.wfile.flush()
                    viewer.delivered = True
                except OSError:
                    viewer.delivered = False
                finally:
                    viewer._finished.set()

        return Handler

    def serve(self, on_ready: Callable[[str], None] | None = None) -> bool:
        """Serve until the report was sent once, or `timeout` passed without anyone asking for
        it; then stop and forget the page. `on_ready(url)` is called once the server listens (to open a browser). True when
        the report was delivered."""
        thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1},
                                  daemon=True)
        thread.start()
        try:
            if on_ready is not None:
                on_ready(self.url)
            deadline = time.monotonic() + self.timeout
            while not self._finished.wait(0.2):
                with self._lock:
                    if time.monotonic() >= deadline and not self._claimed:
                        self._claimed = True  # too late: a request from now on gets 410
                        break
        finally:
            self.server.shutdown()
            self.server.server_close()
            thread.join()
            with self._lock:
                self._page = b""
        return self.delivered
