"""Loaded by the Python of every CLI subprocess a test starts (PYTHONPATH): the same guard as
the pytest plugin, so an end-to-end audit that reaches past loopback fails."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
from tests.netguard import install  # noqa: E402

install()

# Tests that kill an audit halfway slow every archive fetch down, so there is a "halfway".
_delay = float(os.environ.get("FOOTPRINT_TEST_FETCH_DELAY", "0") or 0)
if _delay:
    import time

    def _slow(cls):  # type: ignore[no-untyped-def]
        orig = cls.fetch

        def fetch(self, url):  # type: ignore[no-untyped-def]
            time.sleep(_delay)
            return orig(self, url)

        cls.fetch = fetch

    import footprint.web.archive as _archive

    for _name in dir(_archive):
        _obj = getattr(_archive, _name)
        if isinstance(_obj, type) and _name.endswith("Fetcher") and hasattr(_obj, "fetch"):
            _slow(_obj)

# Tests of "no network" (`footprint sites update` offline) make every non-loopback name fail to
# resolve, as on a machine without network — instead of the guard's NetworkBlocked, which no
# real machine raises. Connections past loopback still fail the test.
if os.environ.get("FOOTPRINT_TEST_OFFLINE"):
    import socket

    from tests.netguard import _is_loopback

    _guarded_getaddrinfo = socket.getaddrinfo

    def _offline_getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        name = host.decode() if isinstance(host, bytes) else host
        if name is not None and not _is_loopback(name):
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return _guarded_getaddrinfo(host, *args, **kwargs)

    socket.getaddrinfo = _offline_getaddrinfo
# Tests that kill an audit while its report is written slow the report step down: each report
# file, once written, is followed by a pause, so the kill lands between two files.
_write_delay = float(os.environ.get("FOOTPRINT_TEST_WRITE_DELAY", "0") or 0)
if _write_delay:
    import time as _time

    import footprint.paths as _paths

    _orig_write = _paths.write_private

    def _slow_write(path, data):  # type: ignore[no-untyped-def]
        out = _orig_write(path, data)
        if path.name.startswith(("report.", "findings.")):
            _time.sleep(_write_delay)
        return out

    _paths.write_private = _slow_write
