"""Live web and image search through the `ddgs` metasearch library (DuckDuckGo, Brave, Mojeek…),
the default search backend of a live audit.

Decisions, and why:

- Engines are named explicitly ("duckduckgo,brave,mojeek" by default). ddgs' `backend="auto"`
  always puts Wikipedia and Grokipedia first, which are useless for finding a private person.
  Image search only exists on some engines (duckduckgo, bing): the configured names that have an
  image engine are used, else "duckduckgo".
- Empty answers. ddgs never raises its `RatelimitException`: an engine answering 403/429 or a
  captcha simply yields nothing, and a search where every engine yielded nothing raises
  `DDGSException("No results found.")` — exactly what a genuinely empty search raises too. The two
  cannot be told apart from outside, and calling a blocked search "nothing found" would tell a
  judge their phone number is not online when nobody looked. So an empty answer is retried
  (`retries` more times, exponential backoff with jitter) and, if it stays empty, becomes
  `ProbeError("search:ddgs", "no results after N tries (possible blocking)")`: the query is
  reported as *not checked*, never as *absent*. The price is that a query that really has no
  result anywhere costs a few seconds of backoff and shows up as not checked; for proof of
  absence use a SearXNG instance (`search_searxng.py`), which reports unresponsive engines.
- Other failures (DNS, connection, timeout) raise `ProbeError` at once with a short reason. The
  library's own message is never passed on: it can contain the request URL, hence the query,
  hence a name.
- Pace: at least `min_interval` seconds between the starts of two searches, across threads, to
  stay under the engines' rate limits.
- SafeSearch is off: an exposure audit must see everything a stranger could find.
- Logs. ddgs' HTTP client (primp) logs every request URL at INFO — the URL holds the query, hence
  a name, a phone or an address — and ddgs logs engine errors, whose text holds the same URL, at
  INFO. `footprint -v` turns INFO on, so those two loggers are capped (`quiet_library_logs`).
- Proxies from the environment are ignored (`noproxy.py`): primp would otherwise send every
  query, with the family's names, through whatever HTTP_PROXY a shell happens to set.
- TLS is verified (`verify=True`, passed explicitly). The User-Agent is not ours: ddgs asks the
  engines' HTML pages while impersonating a browser (primp), which those engines require. Sites
  about the family are never fetched through ddgs; `HttpFetcher` fetches them with footprint's
  own User-Agent. A court that wants no impersonation at all uses SearXNG.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from typing import Any

from tenacity import (
    RetryCallState,
    RetryError,
    Retrying,
    retry_if_exception_type,
    stop_after_attempt,
)

from ..errors import FootprintError, ProbeError
from ..model import SearchResult
from .noproxy import ignore_environment_proxies
from .urls import normalize_url

log = logging.getLogger(__name__)

SOURCE = "search:ddgs"

# DuckDuckGo's region codes ("kl"), by ISO 3166-1 country: (language, region) pairs, the first
# being the country's default. Brave and Mojeek read the same "cc-ll" form.
_REGIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "AR": (("es", "ar-es"),),
    "AT": (("de", "at-de"),),
    "AU": (("en", "au-en"),),
    "BE": (("nl", "be-nl"), ("fr", "be-fr")),
    "BG": (("bg", "bg-bg"),),
    "BR": (("pt", "br-pt"),),
    "CA": (("en", "ca-en"), ("fr", "ca-fr")),
    "CH": (("de", "ch-de"), ("fr", "ch-fr"), ("it", "ch-it")),
    "CL": (("es", "cl-es"),),
    "CN": (("zh", "cn-zh"),),
    "CO": (("es", "co-es"),),
    "CZ": (("cs", "cz-cs"),),
    "DE": (("de", "de-de"),),
    "DK": (("da", "dk-da"),),
    "EE": (("et", "ee-et"),),
    "ES": (("es", "es-es"), ("ca", "ct-ca")),
    "FI": (("fi", "fi-fi"),),
    "FR": (("fr", "fr-fr"),),
    "GB": (("en", "uk-en"),),
    "UK": (("en", "uk-en"),),
    "GR": (("el", "gr-el"),),
    "HK": (("zh", "hk-tzh"),),
    "HR": (("hr", "hr-hr"),),
    "HU": (("hu", "hu-hu"),),
    "ID": (("id", "id-id"), ("en", "id-en")),
    "IE": (("en", "ie-en"),),
    "IL": (("he", "il-he"),),
    "IN": (("en", "in-en"),),
    "IT": (("it", "it-it"),),
    "JP": (("ja", "jp-jp"),),
    "KR": (("ko", "kr-kr"),),
    "LT": (("lt", "lt-lt"),),
    "LV": (("lv", "lv-lv"),),
    "MX": (("es", "mx-es"),),
    "MY": (("ms", "my-ms"), ("en", "my-en")),
    "NL": (("nl", "nl-nl"),),
    "NO": (("no", "no-no"), ("nb", "no-no")),
    "NZ": (("en", "nz-en"),),
    "PE": (("es", "pe-es"),),
    "PH": (("en", "ph-en"), ("tl", "ph-tl")),
    "PL": (("pl", "pl-pl"),),
    "PT": (("pt", "pt-pt"),),
    "RO": (("ro", "ro-ro"),),
    "RU": (("ru", "ru-ru"),),
    "SA": (("ar", "xa-ar"), ("en", "xa-en")),
    "SE": (("sv", "se-sv"),),
    "SG": (("en", "sg-en"),),
    "SI": (("sl", "sl-sl"),),
    "SK": (("sk", "sk-sk"),),
    "TH": (("th", "th-th"),),
    "TR": (("tr", "tr-tr"),),
    "TW": (("zh", "tw-tzh"),),
    "UA": (("uk", "ua-uk"),),
    "US": (("en", "us-en"), ("es", "ue-es")),
    "VE": (("es", "ve-es"),),
    "VN": (("vi", "vn-vi"),),
    "ZA": (("en", "za-en"),),
}
NO_REGION = "wt-wt"


def region_for(jurisdiction: str, language: str) -> str:
    """The ddgs region for an ISO 3166 jurisdiction ("US-CA" → "us-en", "GB" → "uk-en",
    "CZ" → "cz-cs", "CA" + "fr" → "ca-fr"); "wt-wt" (no region) when the country is unknown."""
    country = jurisdiction.strip().upper().split("-")[0]
    options = _REGIONS.get(country)
    if not options:
        return NO_REGION
    lang = language.strip().lower()
    for opt_lang, region in options:
        if opt_lang == lang:
            return region
    return options[0][1]


_NOISY_LOGGERS = {"primp": logging.CRITICAL + 1, "ddgs": logging.WARNING}
"""Library loggers whose messages below this level carry request URLs (with the query)."""


def quiet_library_logs() -> None:
    """Raise the level of the loggers that would print a search's URL (see the module
    docstring). Idempotent; called when a live ddgs backend is built."""
    for name, level in _NOISY_LOGGERS.items():
        lg = logging.getLogger(name)
        if lg.level < level:
            lg.setLevel(level)


class _Empty(Exception):
    """The engines answered nothing (blocked or genuinely empty: see the module docstring)."""


def _reason(ex: Exception) -> str:
    """A short, query-free reason for a ddgs failure."""
    from ddgs.exceptions import TimeoutException

    if isinstance(ex, TimeoutException):
        return "timed out"
    text = str(ex).lower()
    if "dns" in text or "resolve" in text or "name or service" in text:
        return "network error: cannot resolve the search engines (offline?)"
    if "timed out" in text or "timeout" in text:
        return "timed out"
    if "connect" in text:
        return "network error: connection failed"
    if "certificate" in text or "tls" in text or "ssl" in text:
        return "network error: TLS failure"
    return f"search failed ({type(ex).__name__})"


class DdgsSearch:
    """`SearchBackend` around `ddgs.DDGS().text()` and `.images()`."""

    name = "ddgs"

    def __init__(
        self,
        region: str,
        engines: str = "duckduckgo,brave,mojeek",
        timeout: float = 10,
        min_interval: float = 2.0,
        retries: int = 2,
        *,
        backoff: float = 4.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """`region` as from `region_for`; `engines` comma-separated ddgs engine names; `retries`
        extra tries of an empty answer, waiting about `backoff`, 2×, 4×… seconds (with jitter).
        `sleep` and `clock` are seams for tests."""
        from ddgs.engines import ENGINES

        names = [e.strip().lower() for e in engines.split(",") if e.strip()]
        known = [n for n in names if n in ENGINES.get("text", {})]
        unknown = [
            n
            for n in names
            if n not in ENGINES.get("text", {}) and n not in ENGINES.get("images", {})
        ]
        if "auto" in names or "all" in names:
            raise FootprintError('network.ddgs_engines: name engines explicitly, not "auto"')
        if unknown or not known:
            raise FootprintError(
                f"network.ddgs_engines: unknown or no text search engine in {engines!r}; "
                f"available: {', '.join(sorted(ENGINES.get('text', {})))}"
            )
        ignore_environment_proxies()
        image_names = [n for n in names if n in ENGINES.get("images", {})] or ["duckduckgo"]
        self.region = region
        """ddgs region code ("us-en")."""
        self.engines = {"web": ",".join(known), "image": ",".join(image_names)}
        """ddgs backend string per search kind."""
        self.timeout = timeout
        self.min_interval = min_interval
        self.retries = retries
        self.backoff = backoff
        self._sleep = sleep
        self._clock = clock
        self._pace_lock = threading.Lock()
        self._last_start: float | None = None
        quiet_library_logs()

    def _pace(self) -> None:
        """Block until `min_interval` has passed since the previous search started."""
        with self._pace_lock:
            now = self._clock()
            if self._last_start is not None:
                wait = self._last_start + self.min_interval - now
                if wait > 0:
                    self._sleep(wait)
                    now = self._clock()
            self._last_start = now

    def _call(self, query: str, kind: str, max_results: int) -> list[dict[str, Any]]:
        from ddgs import DDGS
        from ddgs.exceptions import DDGSException

        self._pace()
        ignore_environment_proxies()  # primp reads proxy variables whenever a client is built
        # One DDGS per call: its engine instances and their HTTP clients are not shared between
        # the audit's threads.
        client = DDGS(timeout=max(1, round(self.timeout)), verify=True)
        method = client.images if kind == "image" else client.text
        try:
            results = method(
                query,
                region=self.region,
                safesearch="off",
                max_results=max_results,
                backend=self.engines[kind],
            )
        except DDGSException as ex:
            if str(ex).strip() == "No results found.":
                raise _Empty() from None
            raise ProbeError(SOURCE, _reason(ex)) from None
        if not results:
            raise _Empty()
        return results

    def _backoff_wait(self, state: RetryCallState) -> float:
        """backoff × 2^(n−1) plus up to backoff/2 of jitter, at most a minute: spread retries so
        a briefly rate-limited engine has time to recover, and threads do not retry in step."""
        base = self.backoff * 2 ** (state.attempt_number - 1)
        return float(min(60.0, base + random.uniform(0, self.backoff / 2)))

    def search(self, query: str, *, kind: str = "web", max_results: int = 10) -> list[SearchResult]:
        """Run one query (see the module docstring for what an empty answer means)."""
        if kind not in ("web", "image"):
            raise ValueError(f"unknown search kind {kind!r}")
        if max_results <= 0:
            return []
        tries = self.retries + 1
        retrying = Retrying(
            stop=stop_after_attempt(tries),
            wait=self._backoff_wait,
            retry=retry_if_exception_type(_Empty),
            sleep=self._sleep,
        )
        try:
            raw = retrying(self._call, query, kind, max_results)
        except RetryError:
            log.info("ddgs: %s search empty after %d tries", kind, tries)
            raise ProbeError(
                SOURCE, f"no results after {tries} tries (possible blocking)"
            ) from None
        return _map(raw, kind)[:max_results]


def _map(raw: list[dict[str, Any]], kind: str) -> list[SearchResult]:
    out: list[SearchResult] = []
    seen: set[tuple[str, str]] = set()
    for r in raw:
        if kind == "image":
            page, image = str(r.get("url") or ""), str(r.get("image") or "")
            if not page or not image:
                continue
            key = (normalize_url(page), normalize_url(image))
            item = SearchResult(
                url=page, title=str(r.get("title") or ""), snippet="", image_url=image
            )
        else:
            href = str(r.get("href") or "")
            if not href:
                continue
            key = (normalize_url(href), "")
            item = SearchResult(
                url=href, title=str(r.get("title") or ""), snippet=str(r.get("body") or "")
            )
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
