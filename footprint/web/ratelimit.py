"""Per-host politeness for the live fetcher: a thread-safe token bucket and the check that a
sequence of request times kept to it."""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence


class TokenBucket:
    """At most `burst` requests at once, then one every 1/`rate` seconds.

    Tokens are *reserved*: a caller that finds the bucket empty takes a token on credit and
    sleeps until it would have existed, so concurrent callers queue in lock order without
    polling. A reservation is not a send, though: on a busy machine (many threads, a roster
    auditing several households at once) a caller can wake late, and the next one, on time,
    would follow it too closely. So `acquire` also holds the sends themselves apart: each waits
    until 1/`rate` after the `burst`-th send before it. `clock` and `sleep` are injectable so
    tests can run on a fake clock.
    """

    def __init__(
        self,
        rate: float,
        burst: int = 1,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not rate > 0 or not math.isfinite(rate):
            raise ValueError("rate must be a positive number of requests per second")
        if burst < 1:
            raise ValueError("burst must be at least 1")
        self.rate = float(rate)
        self.burst = int(burst)
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._tokens = float(burst)
        self._last: float | None = None
        self._send_lock = threading.Lock()
        self._sent: deque[float] = deque(maxlen=self.burst)

    def _refill(self, now: float) -> None:
        if self._last is not None and now > self._last:
            self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
        if self._last is None or now > self._last:
            self._last = now

    def delay(self) -> float:
        """Seconds until a token is free, without taking one."""
        with self._lock:
            self._refill(self._clock())
            return max(0.0, (1.0 - self._tokens) / self.rate)

    def wait_ready(self) -> None:
        """Sleep until a token is probably free, without reserving it. Lets a caller wait
        before it takes a scarce resource (a global connection slot) and then `acquire` with
        little or no further wait."""
        d = self.delay()
        if d > 0:
            self._sleep(d)

    def acquire(self, *, send: bool = True) -> float:
        """Take a token, sleeping until it is due — and, with `send`, until the send is far
        enough from the ones before it (`space`; a caller that sends later, closer to the
        wire, passes send=False and calls `space` then). Returns the seconds slept."""
        with self._lock:
            self._refill(self._clock())
            self._tokens -= 1.0
            wait = max(0.0, -self._tokens / self.rate)
        if wait > 0:
            self._sleep(wait)
        return wait + (self.space() if send else 0.0)

    def space(self) -> float:
        """Wait until 1/`rate` after the `burst`-th send before this one, and record this one as
        sent now. Returns the seconds slept."""
        slept = 0.0
        with self._send_lock:
            if len(self._sent) == self.burst:
                gap = self._sent[0] + 1.0 / self.rate - self._clock()
                if gap > 0:
                    self._sleep(gap)
                    slept = gap
            self._sent.append(self._clock())
        return slept


def max_observed_rate(times: Sequence[float], burst: int = 1) -> float:
    """The highest request rate a sequence of send times shows, measured the way a token
    bucket limits it: for every run of k > `burst` consecutive requests spanning s seconds,
    (k - burst) / s. A sequence a `TokenBucket(rate, burst)` produced never exceeds `rate`.
    Returns 0.0 when there are too few requests to show a rate, `inf` for simultaneous ones."""
    ts = sorted(times)
    best = 0.0
    n = len(ts)
    for i in range(n):
        for j in range(i + burst, n):
            span = ts[j] - ts[i]
            k = j - i + 1
            if span <= 0:
                return math.inf
            best = max(best, (k - burst) / span)
    return best


def conforms(times: Sequence[float], rate: float, burst: int = 1, slack: float = 0.0) -> bool:
    """True when no run of requests in `times` came faster than `rate` with `burst`, allowing
    each run's span `slack` seconds of measurement jitter (server-side timestamps include
    thread scheduling noise)."""
    ts = sorted(times)
    n = len(ts)
    for i in range(n):
        for j in range(i + burst, n):
            if (j - i + 1) > burst + (ts[j] - ts[i] + slack) * rate + 1e-9:
                return False
    return True
