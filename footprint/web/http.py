"""The live fetcher: every page an audit reads from the internet goes through `HttpFetcher`,
which is polite (per-host rate and concurrency limits, an honest User-Agent, conditional
re-fetches from a private cache) and defensive (public addresses only, timeouts, retries with
backoff, redirect and size limits, decompression-bomb protection).

Policy, in the order a fetch meets it:

1. Only `http`/`https` URLs with a host. Every connection is made to an address that was
   resolved and checked in the same step (no second DNS lookup an attacker could rebind):
   loopback, private, link-local, multicast, reserved and other non-public addresses are
   refused on every hop, including after a redirect. `allow_hosts` exempts names, addresses
   or networks (tests pass `{"127.0.0.1"}`); `resolve` pins names to addresses (tests map
   `site-a.test` to the fault server).
2. Politeness per host name: a token bucket (`rate` requests/s, `burst`) and at most
   `concurrency` requests in flight; and `max_concurrency` requests in flight overall.
   Retries and redirect hops pass through the same limits.
3. Timeouts: connect `min(timeout, 10)` s, each read `timeout` s, and the whole answer
   (headers and body) `total_timeout` s, so a slow-drip body cannot hold a worker forever.
4. Retries on connection errors, timeouts, broken bodies, 408/425/429 and 5xx (except 501,
   505, 511): exponential backoff with jitter, or exactly the server's `Retry-After` (seconds or
   HTTP date) when it gives one. A `Retry-After` above `retry_after_max` ends the fetch at once.
   A challenge page (Cloudflare, DataDome, ...) on one of those statuses is not retried.
   After the last attempt: 429 → `BlockedError`; anything else → `FetchError`.
5. Redirects followed by hand, at most `max_redirects`, each hop re-checked; a loop is an error.
6. The body is streamed and decompressed in bounded steps; past `max_bytes` (decompressed) the
   fetch ends with `FetchError("too large …")`, so a gzip bomb costs at most `max_bytes`.
7. Cache (when `cache_path` is given): a SQLite file (0600 in a 0700 folder) holding responses
   that carry a validator (ETag or Last-Modified), each sealed (age, X25519) with a key kept
   beside it (`<cache>.key`, 0600): the pages are broker listings about the family, and a
   copied cache file alone must not read as a dossier. Entry keys are keyed hashes too, so
   the file cannot be asked whether it holds a guessed URL ("…/phone/1-707-555-0142"). Every fetch goes to the server: a cached
   page is sent as a conditional request and a 304 is answered from the cache
   (`from_cache=True`), so a re-audit downloads only what changed yet never reports a page
   that is gone as still there. Pages without a validator or marked `no-store` are not kept;
   entries older than `cache_days` are purged when the fetcher opens. A failure is never
   masked by an old copy.

`[network]` keys read here besides timeout, retries and the limits (all optional, declared and
range-checked in `footprint.profile.NetworkSettings`): `hosts` (a table per host name, e.g.
`[network.hosts."www.spokeo.com"] rate = 0.2, burst = 1, concurrency = 1`; a host inherits the
entry of its nearest listed parent domain), `host_concurrency` (default 2), `burst` (default 1),
`max_redirects` (10), `retry_after_max` (120 s), `total_timeout` (4 × timeout), `cache_days` (90),
`retry_backoff` (1 s: the first backoff is 0.5–1 × this, doubling per attempt, at most 60 s).
"""

from __future__ import annotations

import email.utils
import ipaddress
import logging
import math
import os
import random
import socket
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter
from tenacity import Future, RetryCallState, Retrying, retry_if_exception, retry_if_result
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    DecodeError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
)
from urllib3.exceptions import SSLError as Urllib3SSLError
from urllib3.util import connection as u3connection

from .. import __version__
from ..errors import BlockedError, FetchError, FootprintError
from ..paths import private_dir
from ..profile import NetworkSettings
from .base import Request, Response
from .blocks import detect_challenge
from .noproxy import ignore_environment_proxies
from .ratelimit import TokenBucket, max_observed_rate

log = logging.getLogger(__name__)

_READ_CHUNK = 64 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,image/*;q=0.8,*/*;q=0.5"
_NEVER_SENT = frozenset({"user-agent", "host", "te", "connection", "keep-alive",
                         "transfer-encoding", "upgrade", "content-length", "proxy-authorization"})
"""Headers a site rule may not set: footprint names itself honestly, and the transport owns the
rest."""
_TIMES_KEPT = 1000  # send times kept per host for `stats()["max_rate"]`


# -- settings ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class HostLimit:
    """The politeness limits of one host."""

    rate: float
    """Requests per second (token bucket refill rate)."""
    burst: int
    """Requests that may be sent back to back after a quiet period."""
    concurrency: int
    """Requests to this host in flight at once."""


# -- address policy ---------------------------------------------------------------------------


class AddressRefused(Exception):
    """A connection would go to an address the policy refuses. Deliberately not an `OSError`,
    so urllib3 does not wrap or retry it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def address_problem(ip: IPAddress) -> str | None:
    """Why a live audit must not connect to `ip` ("loopback", "private", …), or None when it is
    a public unicast address."""
    if isinstance(ip, ipaddress.IPv6Address):
        # An IPv4 address wrapped in IPv6 reaches the IPv4 host: judge that host.
        if ip.ipv4_mapped is not None:
            return address_problem(ip.ipv4_mapped)
        if ip.sixtofour is not None:
            inner = address_problem(ip.sixtofour)
            if inner:
                return inner
    checks = (
        ("loopback", ip.is_loopback),
        ("unspecified", ip.is_unspecified),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("non-public", not ip.is_global),
    )
    for name, hit in checks:
        if hit:
            return name
    return None


class AddressPolicy:
    """Resolves a host once and decides whether its addresses may be connected to."""

    def __init__(self, allow: Collection[str] = (), resolve: Mapping[str, str] = {}) -> None:
        self._names: set[str] = set()
        self._nets: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
        for entry in allow:
            try:
                self._nets.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
            except ValueError:
                self._names.add(entry.lower().rstrip("."))
        self._resolve = {k.lower().rstrip("."): v for k, v in resolve.items()}

    def _pinned(self, name: str) -> str | None:
        """`resolve` entry for `name`: exact, then `*.parent` wildcards, then `*`."""
        if name in self._resolve:
            return self._resolve[name]
        labels = name.split(".")
        for i in range(1, len(labels)):
            hit = self._resolve.get("*." + ".".join(labels[i:]))
            if hit is not None:
                return hit
        return self._resolve.get("*")

    def addresses(self, host: str, port: int) -> list[str]:
        """The addresses to connect to for `host`, all checked. Raises `AddressRefused` when
        any of them is refused (a name that mixes public and private answers is a rebinding
        trick, not a reason to pick the public one), `socket.gaierror` when it does not
        resolve."""
        name = host.strip("[]").lower().rstrip(".")
        try:
            ips = [str(ipaddress.ip_address(name.split("%")[0]))]  # a literal is never pinned
        except ValueError:
            pinned = self._pinned(name)
            if pinned is not None:
                ips = [pinned]
            else:
                infos = socket.getaddrinfo(name, port, type=socket.SOCK_STREAM)
                ips = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if name in self._names:
            return ips
        for raw in ips:
            ip = ipaddress.ip_address(raw.split("%")[0])
            problem = address_problem(ip)
            if problem and not any(ip in net for net in self._nets):
                raise AddressRefused(f"refused: {problem} address")
        return ips


class _GuardedConnection:
    """Mixin for urllib3 connections: connect only to the addresses the policy just checked.
    TLS still verifies the certificate against the host name (urllib3 uses `self.host` for SNI
    and hostname checks, not the address we dial)."""

    policy: AddressPolicy
    before_send: Callable[[str], None] | None = None
    """Called with the host right before a request's first byte is written: the fetcher spaces
    the sends to a site there (`TokenBucket.space`), as close to the wire as it can be."""

    def request(self, *args: Any, **kwargs: Any) -> Any:
        if self.before_send is not None:
            conn: Any = self
            self.before_send(str(conn.host).lower().rstrip("."))
        return super().request(*args, **kwargs)  # type: ignore[misc]

    def _new_conn(self) -> socket.socket:
        conn: Any = self
        try:
            ips = self.policy.addresses(conn._dns_host, conn.port)
        except socket.gaierror as e:
            raise NameResolutionError(conn.host, conn, e) from e
        err: Exception | None = None
        for ip in ips:
            try:
                return u3connection.create_connection(
                    (ip, conn.port), conn.timeout,
                    source_address=conn.source_address, socket_options=conn.socket_options,
                )
            except TimeoutError as e:
                err = ConnectTimeoutError(conn, f"connect timed out (timeout={conn.timeout})")
                err.__cause__ = e
            except OSError as e:
                err = NewConnectionError(conn, f"Failed to establish a new connection: {e}")
                err.__cause__ = e
        assert err is not None
        raise err


def _pool_classes(policy: AddressPolicy, before_send: Callable[[str], None] | None = None
                  ) -> dict[str, type]:
    attrs = {"policy": policy, "before_send": staticmethod(before_send) if before_send else None}
    http_conn = type("GuardedHTTPConnection", (_GuardedConnection, HTTPConnection), dict(attrs))
    https_conn = type("GuardedHTTPSConnection", (_GuardedConnection, HTTPSConnection), dict(attrs))
    return {
        "http": type("GuardedHTTPConnectionPool", (HTTPConnectionPool,),
                     {"ConnectionCls": http_conn}),
        "https": type("GuardedHTTPSConnectionPool", (HTTPSConnectionPool,),
                      {"ConnectionCls": https_conn}),
    }


# -- transport --------------------------------------------------------------------------------


class TooLarge(Exception):
    """The body passed the size cap."""


class _TotalTimeout(requests.exceptions.ReadTimeout):
    """The whole answer took longer than `total_timeout`."""


class _GuardedAdapter(HTTPAdapter):
    """requests transport that dials only checked addresses and reads the body itself, in
    bounded steps, under a size cap and a total deadline. The response it returns has its
    content already read, so the cache layer above never reads an unbounded body."""

    def __init__(self, policy: AddressPolicy, max_bytes: int, total_timeout: float,
                 pool_maxsize: int) -> None:
        self._policy = policy
        self._max_bytes = max_bytes
        self._total_timeout = total_timeout
        self.before_send: Callable[[str], None] | None = None
        """Called with the host right before a request's first byte is written (see
        `_GuardedConnection.before_send`); set before the first request."""
        super().__init__(pool_connections=32, pool_maxsize=pool_maxsize, max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _pool_classes(
            self._policy, lambda host: self.before_send(host) if self.before_send else None)

    def send(self, request: requests.PreparedRequest, stream: bool = False, timeout: Any = None,
             verify: bool | str = True, cert: Any = None,
             proxies: Mapping[str, str] | None = None) -> requests.Response:
        # Deadlines use the real monotonic clock: they bound real I/O, unlike the politeness
        # clock that tests may fake.
        deadline = time.monotonic() + self._total_timeout
        resp = super().send(request, stream=True, timeout=timeout, verify=verify, cert=cert,
                            proxies=dict(proxies) if proxies is not None else None)
        try:
            resp._content = self._read_body(resp, deadline)
        except BaseException:
            resp.close()
            raise
        resp._content_consumed = True  # type: ignore[attr-defined]
        return resp

    def _read_body(self, resp: requests.Response, deadline: float) -> bytes:
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self._max_bytes:
            raise TooLarge
        raw = resp.raw
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                if time.monotonic() > deadline:
                    raise _TotalTimeout("total time limit reached")
                # read1 returns as soon as some bytes arrived (a slow drip cannot block a
                # 64 KB read for minutes) and urllib3 ≥ 2.6 decompresses at most the amount
                # asked for, so a gzip bomb never inflates past one chunk beyond the cap.
                chunk = raw.read1(_READ_CHUNK, decode_content=True)
                if not chunk:
                    break
                size += len(chunk)
                if size > self._max_bytes:
                    raise TooLarge
                chunks.append(chunk)
        except ProtocolError as e:
            raise requests.exceptions.ChunkedEncodingError(e) from e
        except DecodeError as e:
            raise requests.exceptions.ContentDecodingError(e) from e
        except ReadTimeoutError as e:
            raise requests.exceptions.ReadTimeout(e) from e
        except Urllib3SSLError as e:
            raise requests.exceptions.SSLError(e) from e
        return b"".join(chunks)


# -- errors -----------------------------------------------------------------------------------


def _chain(exc: BaseException) -> Iterable[BaseException]:
    seen: set[int] = set()
    todo = [exc]
    while todo:
        e = todo.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        todo.extend(x for x in (e.__cause__, e.__context__, getattr(e, "reason", None))
                    if isinstance(x, BaseException))
        todo.extend(a for a in e.args if isinstance(a, BaseException))


def _is_dns_failure(exc: BaseException) -> bool:
    return any(isinstance(e, (NameResolutionError, socket.gaierror)) for e in _chain(exc))


def _transient(exc: BaseException) -> bool:
    """Worth another attempt: the network or server may do better next time."""
    if isinstance(exc, requests.exceptions.SSLError):
        return False
    if isinstance(exc, (requests.Timeout, requests.exceptions.ChunkedEncodingError,
                        requests.exceptions.ContentDecodingError)):
        return True
    if isinstance(exc, requests.ConnectionError):
        return not _is_dns_failure(exc)
    return False


def _reason(exc: BaseException, max_bytes: int) -> str:
    """A short, data-free reason for a failed fetch."""
    if isinstance(exc, AddressRefused):
        return exc.reason
    if isinstance(exc, TooLarge):
        return f"too large (over {max_bytes} bytes)"
    if isinstance(exc, _TotalTimeout):
        return "timed out (total time limit)"
    if isinstance(exc, requests.exceptions.SSLError):
        return "TLS error (certificate not trusted or handshake failed)"
    if isinstance(exc, requests.ConnectTimeout):
        return "connect timed out"
    if isinstance(exc, requests.Timeout):
        return "timed out"
    if isinstance(exc, requests.exceptions.ContentDecodingError):
        return "body could not be decompressed"
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return "connection broken while reading the body"
    if isinstance(exc, requests.ConnectionError):
        if _is_dns_failure(exc):
            return "DNS lookup failed"
        if any(isinstance(e, (ConnectionResetError, ConnectionAbortedError,
                              BrokenPipeError)) or type(e).__name__ == "RemoteDisconnected"
               for e in _chain(exc)):
            return "connection reset"
        if any(isinstance(e, ConnectionRefusedError) for e in _chain(exc)):
            return "connection refused"
        return "connection failed"
    if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
                        requests.exceptions.MissingSchema, ValueError)):
        return "invalid URL"
    return f"request failed ({type(exc).__name__})"


def retryable_status(status: int) -> bool:
    """Statuses worth retrying: timeouts, rate limits and transient server errors."""
    return status in (408, 425, 429) or (500 <= status <= 599 and status not in (501, 505, 511))


def retry_after_seconds(value: str | None, date: str | None = None,
                        now: Callable[[], float] = time.time) -> float | None:
    """Seconds a `Retry-After` value asks to wait: delta-seconds, or an HTTP date measured
    against the response's own `Date` header (so clock skew between us and the server does not
    matter) or, without one, our clock. None when absent or unreadable."""
    if not value:
        return None
    v = value.strip()
    try:
        secs = float(v)
    except ValueError:
        pass
    else:
        return max(0.0, secs) if math.isfinite(secs) else None
    target = _http_date(v)
    if target is None:
        return None
    base = _http_date(date) if date else None
    start = base if base is not None else datetime.fromtimestamp(now(), UTC)
    return max(0.0, (target - start).total_seconds())


def _http_date(value: str) -> datetime | None:
    try:
        dt = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


# -- user agent and content type --------------------------------------------------------------


def project_url() -> str | None:
    """The project's home page from the installed package metadata, if it declares one."""
    try:
        from importlib.metadata import PackageNotFoundError, metadata

        meta = metadata("footprint")
    except (ImportError, PackageNotFoundError):
        return None
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository") and url.strip():
            return url.strip()
    home = (meta.get_all("Home-page") or [""])[0]
    return home.strip() if home and home.strip().lower() != "unknown" else None


def user_agent(contact: str | None, url: str | None = None) -> str:
    """`footprint/<version> (+<project url>; contact: <contact>)`: says who we are and how a
    site owner reaches the operator. Never a browser's User-Agent."""
    parts = []
    if url:
        parts.append(f"+{url}")
    if contact:
        clean = "".join(ch for ch in contact if ch.isprintable() and ch not in "()\\")
        clean = " ".join(clean.split())[:200]
        if clean:
            parts.append(f"contact: {clean}")
    if not parts:
        parts.append("consent-based exposure audit")
    return f"footprint/{__version__} ({'; '.join(parts)})"


def require_content_type(resp: Response, *allowed: str) -> None:
    """Raise `FetchError` unless the response's media type is one of `allowed` ("text/html",
    "image/*"). A probe that parses HTML calls this before handing a body to a parser."""
    ct = resp.content_type
    for want in allowed:
        want = want.lower()
        if ct == want or (want.endswith("/*") and ct.startswith(want[:-1])):
            return
    raise FetchError(resp.url, f"unexpected content type {ct or 'none'}", resp.status)


# -- the fetcher ------------------------------------------------------------------------------


class _HostStats:
    __slots__ = ("requests", "retries", "failures", "blocked", "from_cache", "times")

    def __init__(self) -> None:
        self.requests = 0
        self.retries = 0
        self.failures = 0
        self.blocked = 0
        self.from_cache = 0
        self.times: deque[float] = deque(maxlen=_TIMES_KEPT)


def _storable(resp: requests.Response) -> bool:
    """requests-cache filter: never keep what the server says must not be stored."""
    return "no-store" not in resp.headers.get("cache-control", "").lower()


def _remove_cache(cache_path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{cache_path}{suffix}").unlink(missing_ok=True)


def _open_cache(cache_path: Path, days: float) -> requests.Session:
    """The cached session; a cache file that is not a readable SQLite database, or one without
    its key (written unsealed by an older footprint, or its key lost), is replaced: it only ever
    holds copies of public pages."""
    if not cache_path.suffix:
        cache_path = cache_path.with_suffix(".sqlite")
    try:
        private_dir(cache_path.parent)
        vault = _cache_vault(cache_path)
        return _cached_session(cache_path, days, vault)
    except sqlite3.DatabaseError:
        log.warning("the HTTP cache was unreadable; starting a new one")
        _remove_cache(cache_path)
    except (OSError, FootprintError) as e:
        raise _cache_error(cache_path, e) from None
    try:
        return _cached_session(cache_path, days, _cache_vault(cache_path))
    except (sqlite3.Error, OSError, FootprintError) as e:
        raise _cache_error(cache_path, e) from None


def _cache_error(cache_path: Path, e: BaseException) -> FootprintError:
    why = e.strerror if isinstance(e, OSError) and e.strerror else type(e).__name__
    return FootprintError(f"cannot open the HTTP cache {cache_path} ({why}); delete the "
                          "folder to start afresh")


def _cache_vault(cache_path: Path) -> Any:
    """The cache's key. Without one the cache is from before sealing (or lost its key): its
    entries could not be opened, and the plain ones must not stay on disk, so it is removed."""
    from ..errors import StoreError
    from ..vault import Vault

    key = cache_path.with_name(cache_path.name + ".key")
    if not key.is_file():
        _remove_cache(cache_path)
    try:
        return Vault(key)
    except StoreError:
        log.warning("the HTTP cache key was unreadable; starting a new cache")
        _remove_cache(cache_path)
        key.unlink(missing_ok=True)
        return Vault(key)


def _sealed_serializer(vault: Any) -> Any:
    """requests-cache's pickle serializer with a last stage that seals each entry. An entry
    that does not open raises ValueError, which requests-cache treats as a cache miss."""
    import pickle

    from requests_cache.serializers import SerializerPipeline, Stage
    from requests_cache.serializers.preconf import base_stage

    from ..errors import StoreError

    def unseal(blob: bytes) -> bytes:
        try:
            return vault.open(blob)  # type: ignore[no-any-return]
        except StoreError:
            raise ValueError("a cache entry sealed with another key") from None

    return SerializerPipeline([base_stage, Stage(pickle), Stage(dumps=vault.seal, loads=unseal)],
                              name="sealed-pickle", is_binary=True)


def _keyed_cache_key(secret: bytes) -> Callable[..., str]:
    """requests-cache's key (a plain hash of method, URL and body) under an HMAC: a plain hash
    of a URL built from a phone number is found again by hashing candidate numbers."""
    import hashlib
    import hmac

    from requests_cache.cache_keys import create_key

    def key_fn(**kwargs: Any) -> str:
        return hmac.new(secret, create_key(**kwargs).encode(), hashlib.sha256).hexdigest()[:32]

    return key_fn


def _cached_session(cache_path: Path, days: float, vault: Any) -> requests.Session:
    import requests_cache
    from requests_cache.policy.expiration import EXPIRE_IMMEDIATELY

    # Create the file 0600 before SQLite does (SQLite gives its journal the same mode).
    os.close(os.open(cache_path, os.O_WRONLY | os.O_CREAT, 0o600))
    os.chmod(cache_path, 0o600)
    session = requests_cache.CachedSession(
        str(cache_path),
        backend="sqlite",
        serializer=_sealed_serializer(vault),
        key_fn=_keyed_cache_key(vault.fingerprint_key()),
        # Freshness headers are ignored on purpose: every fetch reaches the server, so a page
        # taken down after a removal request is never reported from an old copy. What the cache
        # buys is the conditional request: a 304 instead of the whole page.
        cache_control=False,
        expire_after=EXPIRE_IMMEDIATELY,  # stored only when it carries a validator
        always_revalidate=True,
        allowable_codes=(200,),
        allowable_methods=("GET",),
        stale_if_error=False,
        filter_fn=_storable,
    )
    try:
        session.cache.delete(older_than=timedelta(days=days))
    except BaseException:
        session.close()
        raise
    return session


class HttpFetcher:
    """The live `Fetcher`. One instance per audit, shared by every probe thread."""

    def __init__(
        self,
        settings: NetworkSettings,
        *,
        cache_path: Path | None,
        contact: str | None,
        allow_hosts: Collection[str] = (),
        host_limits: Mapping[str, float] = {},
        resolve: Mapping[str, str] = {},
        ca_bundle: Path | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
    ) -> None:
        """`allow_hosts`: names, addresses or networks exempt from the public-address rule.
        `host_limits`: requests/s per host name, overriding `[network.hosts]`. `resolve`: pin
        host names to addresses (as curl's --resolve). `ca_bundle`: extra trust anchors (a
        court's TLS-inspecting proxy CA); certificates are verified either way. `sleep`, `clock`
        and `rng` drive politeness waits and backoff jitter (tests inject fakes)."""
        extras = settings  # every [network] key is declared and checked by the profile
        self._settings = settings
        self._max_redirects = extras.max_redirects
        self._retry_after_max = extras.retry_after_max
        self._retries = settings.retries
        self._connect_timeout = min(settings.timeout, 10.0)
        self._read_timeout = settings.timeout
        total = extras.total_timeout or settings.timeout * 4
        self._sleep = sleep
        self._clock = clock
        self._rng = rng or random.Random()
        self._backoff_base = extras.retry_backoff
        self._backoff_max = 60.0

        self._default = HostLimit(settings.rate_per_host, extras.burst,
                                  min(extras.host_concurrency, settings.max_concurrency))
        self._configured: dict[str, HostLimit] = {}
        for host, table in extras.hosts.items():
            self._configured[host.lower().rstrip(".")] = HostLimit(
                table.rate or self._default.rate,
                table.burst or self._default.burst,
                min(table.concurrency or self._default.concurrency, settings.max_concurrency),
            )
        for host, rate in host_limits.items():
            key = host.lower().rstrip(".")
            base = self._configured.get(key, self._default)
            if not rate > 0:
                raise ValueError("host rate limits must be positive")
            self._configured[key] = HostLimit(float(rate), base.burst, base.concurrency)

        self._lock = threading.Lock()
        self._global = threading.BoundedSemaphore(settings.max_concurrency)
        self._limits: dict[str, HostLimit] = {}
        self._buckets: dict[str, TokenBucket] = {}
        self._host_sems: dict[str, threading.BoundedSemaphore] = {}
        self._stats: dict[str, _HostStats] = {}

        ignore_environment_proxies()
        policy = AddressPolicy(allow_hosts, resolve)
        self._session = (requests.Session() if cache_path is None
                         else _open_cache(Path(cache_path), extras.cache_days))
        self._session.trust_env = False  # no proxies or .netrc from the environment: see README
        self._session.verify = str(ca_bundle) if ca_bundle else True
        self._session.headers.update({
            "User-Agent": user_agent(contact, project_url()),
            "Accept": _ACCEPT,
        })
        adapter = _GuardedAdapter(policy, settings.max_bytes, total, settings.max_concurrency)
        adapter.before_send = self._space
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)

    # -- public API ---------------------------------------------------------------------------

    @property
    def user_agent(self) -> str:
        return str(self._session.headers["User-Agent"])

    def limit_for(self, host: str) -> HostLimit:
        """The limits that apply to `host`: its own `[network.hosts]` entry, else its nearest
        listed parent domain's, else the defaults."""
        host = host.lower().rstrip(".")
        with self._lock:
            cached = self._limits.get(host)
            if cached is None:
                cached = self._default
                labels = host.split(".")
                for i in range(len(labels)):
                    entry = self._configured.get(".".join(labels[i:]))
                    if entry is not None:
                        cached = entry
                        break
                self._limits[host] = cached
            return cached

    def fetch(self, url: str) -> Response:
        return self.send(Request(url))

    def send(self, request: Request) -> Response:
        """`fetch` for a `Request`: a POST body and extra headers (User-Agent and hop-by-hop
        headers are never taken from it), redirects followed or not. A POST redirected with
        301/302/303 continues as a GET without body, as browsers do; 307/308 keep the POST."""
        url = request.url
        current = url
        seen: set[str] = set()
        host = ""
        method, body = request.method.upper(), request.body
        if method not in ("GET", "POST"):
            raise FetchError(url, f"refused: unsupported method {method}")
        headers = {k: v for k, v in request.headers if k.lower() not in _NEVER_SENT}
        for _hop in range(self._max_redirects + 1):
            host = self._check_url(url, current)
            seen.add(_url_key(current) + ("" if method == "GET" else f" {method}"))
            resp = self._fetch_one(url, current, host, method, body, headers)
            location = resp.headers.get("location")
            if (resp.status_code not in _REDIRECTS or not location
                    or not request.follow_redirects):
                return self._to_response(url, current, resp, host)
            try:
                nxt = urljoin(current, location.strip())
                scheme, key = urlsplit(nxt).scheme.lower(), _url_key(nxt)
            except ValueError:
                self._fail(url, "invalid redirect URL")
            if scheme not in ("http", "https"):
                self._fail(url, "refused: redirect to a non-http(s) URL")
            if method == "POST" and resp.status_code in (301, 302, 303):
                method, body = "GET", None
                headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
            if key + ("" if method == "GET" else f" {method}") in seen:
                self._fail(url, "redirect loop")
            current = nxt
        self._fail(url, f"too many redirects (over {self._max_redirects})")

    def stats(self) -> dict[str, dict[str, float | int]]:
        """Per host: requests sent (attempts, including retries and revalidations), retries,
        failures (fetches that ended in an error), blocked, answers from the cache, the highest
        rate observed (requests/s, token-bucket measure) and the configured limit."""
        out: dict[str, dict[str, float | int]] = {}
        with self._lock:
            items = [(h, s, list(s.times)) for h, s in self._stats.items()]
        for host, st, times in items:
            limit = self.limit_for(host)
            out[host] = {
                "requests": st.requests, "retries": st.retries, "failures": st.failures,
                "blocked": st.blocked, "from_cache": st.from_cache,
                "max_rate": max_observed_rate(times, limit.burst), "rate_limit": limit.rate,
            }
        return out

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> HttpFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals ----------------------------------------------------------------------------

    def _host(self, host: str) -> tuple[TokenBucket, threading.BoundedSemaphore, _HostStats]:
        limit = self.limit_for(host)
        with self._lock:
            bucket = self._buckets.get(host)
            if bucket is None:
                bucket = self._buckets[host] = TokenBucket(
                    limit.rate, limit.burst, clock=self._clock, sleep=self._sleep)
                self._host_sems[host] = threading.BoundedSemaphore(limit.concurrency)
                self._stats[host] = _HostStats()
            return bucket, self._host_sems[host], self._stats[host]

    def _space(self, host: str) -> None:
        """Hold this host's sends apart, right before one goes on the wire (a thread that took
        its token on time but got to send late must not crowd the next one)."""
        with self._lock:
            bucket, st = self._buckets.get(host), self._stats.get(host)
        if bucket is not None:
            bucket.space()
        if st is not None:
            with self._lock:
                st.times.append(self._clock())  # when it went on the wire

    def _stat(self, host: str) -> _HostStats:
        return self._host(host)[2]

    def _fail(self, url: str, reason: str, status: int | None = None,
              blocked: bool = False) -> NoReturn:
        """Count a failed fetch against the host that was asked for (a refused redirect target
        is that site's failure) and raise."""
        try:
            host = (urlsplit(url).hostname or "").rstrip(".")
        except ValueError:
            host = ""
        st = self._stat(host)
        with self._lock:
            st.failures += 1
            st.blocked += blocked
        log.debug("fetch failed: %s", reason)
        raise (BlockedError if blocked else FetchError)(url, reason, status)

    def _check_url(self, url: str, current: str) -> str:
        try:
            parts = urlsplit(current)
            parts.port  # noqa: B018 - raises ValueError on a bad port
        except ValueError:
            raise FetchError(url, "invalid URL") from None
        if parts.scheme.lower() not in ("http", "https"):
            raise FetchError(url, "refused: only http(s) URLs are fetched")
        if not parts.hostname:
            raise FetchError(url, "refused: URL without a host")
        return parts.hostname.lower().rstrip(".")

    def _send(self, current: str, host: str, method: str = "GET", body: bytes | None = None,
              headers: Mapping[str, str] | None = None) -> requests.Response:
        """One request on the wire, inside the host's and the global limits."""
        bucket, host_sem, st = self._host(host)
        with host_sem:
            # Wait for the host's turn before taking a global slot, so a host being throttled
            # does not hold a slot other hosts could use; then take the token for real.
            bucket.wait_ready()
            with self._global:
                # the token now; the spacing of the send itself in the adapter (`_space`)
                bucket.acquire(send=False)
                with self._lock:
                    st.requests += 1
                return self._session.request(method, current, data=body,
                                             headers=dict(headers or {}), allow_redirects=False,
                                         timeout=(self._connect_timeout, self._read_timeout))

    def _fetch_one(self, url: str, current: str, host: str, method: str = "GET",
                   body: bytes | None = None,
                   headers: Mapping[str, str] | None = None) -> requests.Response:
        """One hop, with retries. Returns a response whose status needs no retry."""
        st = self._stat(host)
        retry_after: dict[int, float | None] = {}

        def attempt() -> requests.Response:
            r = self._send(current, host, method, body, headers)
            if retryable_status(r.status_code):
                challenge = detect_challenge(_to_plain(url, current, r))
                if challenge:
                    self._fail(url, f"blocked: {challenge} (HTTP {r.status_code})",
                               r.status_code, blocked=True)
            return r

        def last_retry_after(state: RetryCallState) -> float | None:
            if state.attempt_number not in retry_after:
                value = None
                out = state.outcome
                if out is not None and not out.failed:
                    r = out.result()
                    value = retry_after_seconds(r.headers.get("retry-after"),
                                                r.headers.get("date"))
                retry_after[state.attempt_number] = value
            return retry_after[state.attempt_number]

        def stop(state: RetryCallState) -> bool:
            if state.attempt_number > self._retries:
                return True
            ra = last_retry_after(state)
            return ra is not None and ra > self._retry_after_max

        def wait(state: RetryCallState) -> float:
            ra = last_retry_after(state)
            if ra is not None:
                return ra
            # Exponential backoff, "equal jitter": never immediate, never in lockstep.
            base = min(self._backoff_max, self._backoff_base * 2 ** (state.attempt_number - 1))
            return base / 2 + self._rng.uniform(0, base / 2)

        def before_sleep(state: RetryCallState) -> None:
            with self._lock:
                st.retries += 1
            out = state.outcome
            what = (type(out.exception()).__name__ if out is not None and out.failed
                    else f"HTTP {out.result().status_code}" if out is not None else "?")
            log.debug("retrying after %s (attempt %d)", what, state.attempt_number)

        retrying = Retrying(
            stop=stop, wait=wait, sleep=self._sleep, before_sleep=before_sleep,
            retry=(retry_if_exception(_transient)
                   | retry_if_result(lambda r: retryable_status(r.status_code))),
            retry_error_callback=lambda state: state.outcome,
        )
        try:
            result: requests.Response | Future = retrying(attempt)
        except (BlockedError, FetchError):
            raise
        except (AddressRefused, TooLarge, requests.RequestException, ValueError, OSError) as e:
            # OSError: what the transport raises outside requests' own types (a CA bundle that
            # cannot be read, a socket error urllib3 does not wrap) is this fetch's failure,
            # never an exception that ends the audit.
            self._fail(url, _reason(e, self._settings.max_bytes))
        if isinstance(result, Future):  # gave up: the last outcome
            error = result.exception() if result.failed else None
            if error is not None:
                self._fail(url, _reason(error, self._settings.max_bytes))
            r = result.result()
            ra = retry_after_seconds(r.headers.get("retry-after"), r.headers.get("date"))
            if r.status_code == 429:
                self._fail(url, "blocked: HTTP 429 rate limited", 429, blocked=True)
            if ra is not None and ra > self._retry_after_max:
                self._fail(url, f"HTTP {r.status_code}: server asked to wait {ra:.0f} s",
                           r.status_code)
            self._fail(url, f"HTTP {r.status_code} after {self._retries + 1} attempts",
                       r.status_code)
        return result

    def _to_response(self, url: str, current: str, r: requests.Response, host: str) -> Response:
        resp = _to_plain(url, current, r)
        if resp.from_cache:
            st = self._stat(host)
            with self._lock:
                st.from_cache += 1
        return resp


def _to_plain(url: str, current: str, r: requests.Response) -> Response:
    return Response(
        url=current,
        status=r.status_code,
        headers=tuple((k.lower(), v) for k, v in r.headers.items()),
        body=r.content or b"",
        requested_url=url,
        from_cache=bool(getattr(r, "from_cache", False)),
    )


def _url_key(url: str) -> str:
    """A URL without its fragment, scheme and host lowercased: two hops to the same key are a
    loop."""
    p = urlsplit(url)
    return urlunsplit((p.scheme.lower(), p.netloc.lower(), p.path or "/", p.query, ""))
