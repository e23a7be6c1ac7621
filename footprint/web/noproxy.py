"""Environment proxies are ignored by every live transport (decision: README "Live audits").

Why: every search carries a judge's or a relative's name next to a city, a phone or a street. A
proxy set in the environment for other programs (HTTP_PROXY in a shell profile, a CI runner, a
TLS-inspecting office gateway) would see those queries — in clear for http:// and, for a
gateway, for https:// too — without anyone having chosen it for the audit. So footprint never
uses one: the HTTP fetcher runs with `trust_env = False`, the SearXNG session too, and ddgs'
client (primp, Rust) — which has no switch for this and reads the variables each time a client is
built — only ever sees an environment without them. Supporting proxies on purpose would be a
profile setting used by every transport alike; there is none yet.
"""

from __future__ import annotations

import logging
import os
import threading

log = logging.getLogger(__name__)

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "WS_PROXY", "WSS_PROXY",
                   "DDGS_PROXY", "PRIMP_PROXY")
"""Variables any of our HTTP stacks (requests, urllib3, primp/reqwest, ddgs) reads for a proxy,
in upper case; the lower-case spellings are removed too."""

_lock = threading.Lock()
_warned = False


def ignore_environment_proxies() -> list[str]:
    """Remove proxy settings from this process's environment (and set NO_PROXY=* for any
    library that still looks), before a live transport is built. Returns the names removed —
    never their values, which may hold credentials. Call it while no other thread is making a
    client: the environment is process-wide."""
    global _warned
    with _lock:
        removed = []
        for name in PROXY_VARIABLES:
            for key in (name, name.lower()):
                if key in os.environ:
                    del os.environ[key]
                    removed.append(key)
        for key in ("NO_PROXY", "no_proxy"):
            if os.environ.get(key) != "*":  # unchanged afterwards: a no-op while threads run
                os.environ[key] = "*"
        if removed and not _warned:
            _warned = True
            log.warning("proxy settings in the environment are ignored (%s): footprint connects "
                        "directly, so no proxy sees the audit's queries", ", ".join(removed))
        return removed
