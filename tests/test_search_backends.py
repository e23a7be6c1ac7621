"""Live search backends without the internet: ddgs through a fake engine registered in ddgs'
own engine registry (so ddgs' real parsing, aggregation and error paths run), SearXNG through a
fake JSON API served on 127.0.0.1."""

from __future__ import annotations

import itertools
import json
import socket
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from ddgs.base import BaseSearchEngine
from ddgs.engines import ENGINES
from ddgs.exceptions import DDGSException, TimeoutException
from ddgs.results import ImagesResult, TextResult

from footprint.errors import FootprintError, ProbeError
from footprint.model import SearchResult
from footprint.web.search_ddgs import DdgsSearch, region_for
from footprint.web.search_searxng import SearxngSearch

QUERY = '"Eleanor Whitfield" "Santa Rosa"'

# --- ddgs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("jurisdiction", "language", "region"),
    [
        ("US-CA", "en", "us-en"),
        ("US", "es", "ue-es"),
        ("GB", "en", "uk-en"),
        ("GB-SCT", "en", "uk-en"),
        ("CZ", "cs", "cz-cs"),
        ("CZ", "en", "cz-cs"),
        ("CA", "fr", "ca-fr"),
        ("CA-QC", "en", "ca-en"),
        ("CH", "it", "ch-it"),
        ("RO", "ro", "ro-ro"),
        ("ZZ", "en", "wt-wt"),
        ("", "en", "wt-wt"),
    ],
)
def test_region_for(jurisdiction: str, language: str, region: str) -> None:
    assert region_for(jurisdiction, language) == region


class Clock:
    """A fake monotonic clock whose sleep advances it: pacing and backoff without waiting."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self.lock = threading.Lock()

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        with self.lock:
            self.sleeps.append(seconds)
            self.now += seconds


def _text_html(items: list[tuple[str, str, str]]) -> str:
    lis = "".join(
        f'<li><h2><a href="{h}">{t}</a></h2><p class="s">{b}</p></li>' for h, t, b in items
    )
    return f'<html><body><ul class="results">{lis}</ul></body></html>'


def _image_html(items: list[tuple[str, str, str]]) -> str:
    divs = "".join(
        f'<div class="img"><a href="{u}" data-src="{i}">{t}</a></div>' for u, i, t in items
    )
    return f"<html><body>{divs}</body></html>"


Step = str | None | BaseException
"""What the fake engine's HTTP request gives: a results page, None (HTTP 403/429: ddgs' request
returns None for any non-200), or an exception ddgs' HTTP client would raise."""


@pytest.fixture
def fake_engines(monkeypatch: pytest.MonkeyPatch) -> Callable[..., list[str]]:
    """Register engines "fake" (text and images) in ddgs; returns `program(*steps)` that sets
    the answers of the next requests and gives the list of queries the engine received."""
    steps: list[Step] = []
    seen: list[str] = []

    def answer(query: str) -> str | None:
        seen.append(query)
        step = steps.pop(0) if steps else None
        if isinstance(step, BaseException):
            raise step
        return step

    class FakeText(BaseSearchEngine[TextResult]):
        name = "fake"
        category = "text"
        provider = "fake"
        disabled = False
        search_url = "https://fake.invalid/search"
        search_method = "GET"
        items_xpath = "//ul[contains(@class, 'results')]/li"
        elements_xpath: ClassVar[dict[str, str]] = {
            "title": ".//h2//text()",
            "href": ".//h2/a/@href",
            "body": ".//p[@class='s']//text()",
        }

        def build_payload(
            self,
            query: str,
            region: str,
            safesearch: str,
            timelimit: str | None,
            page: int = 1,
            **kwargs: str,
        ) -> dict[str, Any]:
            assert region == "us-en" and safesearch == "off"
            return {"q": query}

        def request(self, *args: Any, **kwargs: Any) -> Any:
            return answer(kwargs["params"]["q"])

    class FakeImages(FakeText, BaseSearchEngine[ImagesResult]):
        category = "images"
        items_xpath = "//div[@class='img']"
        elements_xpath: ClassVar[dict[str, str]] = {
            "title": ".//a//text()",
            "url": ".//a/@href",
            "image": ".//a/@data-src",
        }

        @property
        def result_type(self) -> type:
            return ImagesResult

    monkeypatch.setitem(ENGINES["text"], "fake", FakeText)
    monkeypatch.setitem(ENGINES["images"], "fake", FakeImages)

    def program(*new_steps: Step) -> list[str]:
        steps.extend(new_steps)
        return seen

    return program


def _ddgs(clock: Clock, **kw: Any) -> DdgsSearch:
    kw.setdefault("min_interval", 0)
    return DdgsSearch("us-en", engines="fake", sleep=clock.sleep, clock=clock.time, **kw)


def test_ddgs_text_results(fake_engines: Callable[..., list[str]]) -> None:
    seen = fake_engines(
        _text_html(
            [
                (
                    "https://a.example/eleanor",
                    "Eleanor Whitfield - A",
                    "Eleanor Whitfield of Santa Rosa",
                ),
                ("https://b.example/x", "Eleanor Whitfield - B", "Santa Rosa judge Eleanor"),
                (
                    "https://b.example/x#dup",
                    "Eleanor Whitfield - B again",
                    "Santa Rosa judge Eleanor",
                ),
                ("", "no link", "Eleanor"),
            ]
        )
    )
    clock = Clock()
    got = _ddgs(clock).search(QUERY, max_results=10)
    assert seen == [QUERY]
    assert got == [
        SearchResult(
            url="https://a.example/eleanor",
            title="Eleanor Whitfield - A",
            snippet="Eleanor Whitfield of Santa Rosa",
        ),
        SearchResult(
            url="https://b.example/x",
            title="Eleanor Whitfield - B",
            snippet="Santa Rosa judge Eleanor",
        ),
    ]
    assert clock.sleeps == []


def test_ddgs_image_results(fake_engines: Callable[..., list[str]]) -> None:
    fake_engines(
        _image_html(
            [
                ("https://blog.example/post", "https://cdn.example/sophie.jpg", "Sophie Whitfield"),
                ("https://blog.example/post2", "", "no image"),
            ]
        )
    )
    got = _ddgs(Clock()).search('"Sophie Whitfield"', kind="image")
    assert got == [
        SearchResult(
            url="https://blog.example/post",
            title="Sophie Whitfield",
            snippet="",
            image_url="https://cdn.example/sophie.jpg",
        )
    ]


def test_ddgs_max_results(fake_engines: Callable[..., list[str]]) -> None:
    fake_engines(
        _text_html([(f"https://a.example/{i}", f"Whitfield {i}", "Whitfield") for i in range(8)])
    )
    assert len(_ddgs(Clock()).search("Whitfield", max_results=3)) == 3


@pytest.mark.parametrize(
    "empty",
    [None, _text_html([])],  # a 403/429 (ddgs sees None) or a page with no result items
    ids=["blocked-status", "empty-page"],
)
def test_ddgs_empty_is_retried_then_probe_error(
    fake_engines: Callable[..., list[str]], empty: Step
) -> None:
    seen = fake_engines(empty, empty, empty, empty)
    clock = Clock()
    with pytest.raises(ProbeError) as info:
        _ddgs(clock, retries=2, backoff=4.0).search(QUERY)
    assert info.value.source == "search:ddgs"
    assert info.value.reason == "no results after 3 tries (possible blocking)"
    assert "Eleanor" not in str(info.value) and "Whitfield" not in str(info.value)
    assert len(seen) == 3
    # exponential backoff with jitter: ~4 s then ~8 s
    assert len(clock.sleeps) == 2
    assert 4.0 <= clock.sleeps[0] <= 6.0 and 8.0 <= clock.sleeps[1] <= 10.0


def test_ddgs_empty_then_results(fake_engines: Callable[..., list[str]]) -> None:
    seen = fake_engines(None, _text_html([("https://a.example/", "Whitfield", "Whitfield")]))
    clock = Clock()
    got = _ddgs(clock).search("Whitfield")
    assert [r.url for r in got] == ["https://a.example/"]
    assert len(seen) == 2 and len(clock.sleeps) == 1


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (
            DDGSException(
                "RequestException: DNSError: failed to lookup address for "
                "https://fake.invalid/search?q=Eleanor+Whitfield"
            ),
            "cannot resolve",
        ),
        (
            TimeoutException("request timed out: https://fake.invalid/search?q=Eleanor+Whitfield"),
            "timed out",
        ),
        (
            DDGSException("ConnectError: connection refused q=Eleanor+Whitfield"),
            "connection failed",
        ),
        (DDGSException("something odd q=Eleanor+Whitfield"), "search failed (DDGSException)"),
    ],
)
def test_ddgs_errors_become_probe_errors(
    fake_engines: Callable[..., list[str]], error: BaseException, reason: str
) -> None:
    seen = fake_engines(error)
    clock = Clock()
    with pytest.raises(ProbeError) as info:
        _ddgs(clock).search(QUERY)
    assert info.value.source == "search:ddgs"
    assert reason in info.value.reason
    assert "Eleanor" not in str(info.value) and "Whitfield" not in str(info.value)
    assert len(seen) == 1 and clock.sleeps == []  # a transport error is not retried


def test_ddgs_paces_calls_across_threads(fake_engines: Callable[..., list[str]]) -> None:
    clock = Clock()
    search = _ddgs(clock, min_interval=2.0)
    starts: list[float] = []

    def start() -> None:
        search._pace()
        starts.append(clock.time())

    t0 = clock.time()
    with ThreadPoolExecutor(max_workers=4) as pool:
        for f in [pool.submit(start) for _ in range(4)]:
            f.result()
    starts.sort()
    assert starts[0] == t0
    assert all(b - a >= 2.0 for a, b in itertools.pairwise(starts))
    assert sum(clock.sleeps) == pytest.approx(6.0)


def test_ddgs_paces_consecutive_searches(fake_engines: Callable[..., list[str]]) -> None:
    page = _text_html([("https://a.example/", "Whitfield", "Whitfield")])
    fake_engines(page, page)
    clock = Clock()
    search = _ddgs(clock, min_interval=2.0)
    search.search("Whitfield")
    clock.now += 0.5  # half a second of work between the two searches
    search.search("Whitfield")
    assert clock.sleeps == [pytest.approx(1.5)]


@pytest.mark.parametrize("engines", ["auto", "nosuchengine", "duckduckgo,nosuchengine", ""])
def test_ddgs_rejects_bad_engine_lists(engines: str) -> None:
    with pytest.raises(FootprintError, match="ddgs_engines"):
        DdgsSearch("us-en", engines=engines)


def test_ddgs_default_engines() -> None:
    s = DdgsSearch("us-en")
    assert s.name == "ddgs"
    assert s.engines == {"web": "duckduckgo,brave,mojeek", "image": "duckduckgo"}


# --- SearXNG ---------------------------------------------------------------------------------

CONFIG = {
    "engines": [
        {"name": "google", "categories": ["general", "web"], "enabled": True},
        {"name": "bing", "categories": ["general", "web"], "enabled": True},
        {"name": "retired", "categories": ["general"], "enabled": False},
        {"name": "bing images", "categories": ["images"], "enabled": True},
    ]
}


def _results(*items: dict[str, str], unresponsive: list[list[str]] | None = None) -> dict[str, Any]:
    return {
        "query": "q",
        "number_of_results": len(items),
        "results": list(items),
        "answers": [],
        "corrections": [],
        "infoboxes": [],
        "suggestions": [],
        "unresponsive_engines": unresponsive or [],
    }


ANSWERS: dict[str, tuple[int, str, Any]] = {
    "results": (
        200,
        "application/json",
        _results(
            {
                "url": "https://a.example/eleanor",
                "title": "Eleanor Whitfield",
                "content": "Judge in Santa Rosa",
            },
            {"url": "https://a.example/eleanor#again", "title": "dup", "content": "dup"},
            {"title": "no url"},
            {"url": "https://b.example/", "title": "B", "content": ""},
        ),
    ),
    "images": (
        200,
        "application/json",
        _results(
            {
                "url": "https://blog.example/post",
                "title": "Sophie",
                "img_src": "https://cdn.example/s.jpg",
            },
            {"url": "https://blog.example/p2", "title": "Rel", "img_src": "//cdn.example/r.jpg"},
            {"url": "https://blog.example/p3", "title": "No image"},
        ),
    ),
    "empty": (200, "application/json", _results()),
    "all-unresponsive": (
        200,
        "application/json",
        _results(unresponsive=[["google", "timeout"], ["bing", "CAPTCHA"]]),
    ),
    "some-unresponsive": (200, "application/json", _results(unresponsive=[["google", "timeout"]])),
    "q429": (429, "text/html", "<html>Too Many Requests</html>"),
    "q403": (403, "text/html", "<html>Forbidden</html>"),
    "q502": (502, "text/html", "<html>Bad Gateway</html>"),
    "q404": (404, "text/html", "<html>Not Found</html>"),
    "qhtml": (200, "text/html", "<html><body>not json</body></html>"),
    "qnolist": (200, "application/json", {"results": "nope"}),
}


class FakeSearxng:
    """A SearXNG JSON API on 127.0.0.1: /search answers from ANSWERS by the query text."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str], dict[str, str]]] = []
        self.config: Any = CONFIG
        self.release = threading.Event()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a: Any) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                params = {k: v[0] for k, v in parse_qs(parts.query).items()}
                fake.requests.append((parts.path, params, dict(self.headers)))
                if parts.path == "/config":
                    if fake.config is None:
                        return self._send(404, "text/html", "<html>no</html>")
                    return self._send(200, "application/json", fake.config)
                if params.get("q") == "slow":
                    fake.release.wait(5)
                    return self._send(200, "application/json", _results())
                status, ctype, body = ANSWERS.get(params.get("q", ""), ANSWERS["empty"])
                self._send(status, ctype, body)

            def _send(self, status: int, ctype: str, body: Any) -> None:
                data = (body if isinstance(body, str) else json.dumps(body)).encode()
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the timeout test): nothing left to answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def searxng_server() -> Iterator[FakeSearxng]:
    fake = FakeSearxng()
    yield fake
    fake.close()


@pytest.fixture
def searxng(searxng_server: FakeSearxng) -> FakeSearxng:
    searxng_server.requests.clear()
    searxng_server.config = CONFIG
    searxng_server.release.clear()
    return searxng_server


def test_searxng_results(searxng: FakeSearxng) -> None:
    s = SearxngSearch(searxng.url, language="cs", timeout=5)
    got = s.search("results")
    assert s.name == "searxng"
    assert got == [
        SearchResult(
            url="https://a.example/eleanor",
            title="Eleanor Whitfield",
            snippet="Judge in Santa Rosa",
        ),
        SearchResult(url="https://b.example/", title="B", snippet=""),
    ]
    path, params, headers = searxng.requests[-1]
    assert path == "/search"
    assert (
        params["format"] == "json"
        and params["categories"] == "general"
        and params["language"] == "cs"
    )
    assert headers["User-Agent"].startswith("footprint/")
    assert s.search("results", max_results=1) == got[:1]


def test_searxng_images(searxng: FakeSearxng) -> None:
    got = SearxngSearch(searxng.url).search("images", kind="image")
    assert [(r.url, r.image_url) for r in got] == [
        ("https://blog.example/post", "https://cdn.example/s.jpg"),
        ("https://blog.example/p2", "https://cdn.example/r.jpg"),
    ]
    assert searxng.requests[-1][1]["categories"] == "images"


def test_searxng_genuinely_empty(searxng: FakeSearxng) -> None:
    s = SearxngSearch(searxng.url)
    assert s.search("empty") == []
    # one engine timed out but another answered: the answer is still an answer
    assert s.search("some-unresponsive") == []


def test_searxng_every_engine_unresponsive(searxng: FakeSearxng) -> None:
    with pytest.raises(ProbeError, match="engines unresponsive: bing, google") as info:
        SearxngSearch(searxng.url).search("all-unresponsive")
    assert info.value.source == "search:searxng"


def test_searxng_without_config_counts_unresponsive_as_failure(searxng: FakeSearxng) -> None:
    searxng.config = None  # /config answers 404: which engines exist is unknown
    with pytest.raises(ProbeError, match="engines unresponsive"):
        SearxngSearch(searxng.url).search("some-unresponsive")


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("q429", "HTTP 429"),
        ("q403", "HTTP 403"),
        ("q502", "HTTP 502"),
        ("q404", "HTTP 404"),
        ("qhtml", "not JSON"),
        ("qnolist", "no results list"),
    ],
)
def test_searxng_failures(searxng: FakeSearxng, query: str, reason: str) -> None:
    with pytest.raises(ProbeError) as info:
        SearxngSearch(searxng.url).search(query)
    assert info.value.source == "search:searxng"
    assert reason in info.value.reason
    assert query not in str(info.value)


def test_searxng_timeout(searxng: FakeSearxng) -> None:
    try:
        with pytest.raises(ProbeError, match="timed out"):
            SearxngSearch(searxng.url, timeout=0.2).search("slow")
    finally:
        searxng.release.set()


def test_searxng_unreachable() -> None:
    with socket.socket() as sock:  # a loopback port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(ProbeError, match="cannot reach the instance") as info:
        SearxngSearch(f"http://127.0.0.1:{port}", timeout=2).search("Eleanor Whitfield")
    assert "Eleanor" not in str(info.value)


def test_searxng_uses_given_session(searxng: FakeSearxng) -> None:
    session = requests.Session()
    session.headers["User-Agent"] = "court-audit/1.0"
    SearxngSearch(searxng.url, session=session).search("empty")
    assert searxng.requests[-1][2]["User-Agent"] == "court-audit/1.0"
