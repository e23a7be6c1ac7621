"""pytest plugin (loaded by `-p tests.netguard` in pyproject): any socket that connects, sends or
resolves a name outside loopback fails the test. Loaded for every run, so no test can forget it."""

from __future__ import annotations

import ipaddress
import socket

import pytest

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_sendto = socket.socket.sendto
_real_getaddrinfo = socket.getaddrinfo


class NetworkBlocked(AssertionError):
    """A test tried to reach past loopback."""


def _is_loopback(host: object) -> bool:
    if not isinstance(host, str):
        return False
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _check(sock: socket.socket, address: object) -> None:
    if sock.family == getattr(socket, "AF_UNIX", None):
        return
    host = address[0] if isinstance(address, tuple) and address else address
    if not _is_loopback(host):
        raise NetworkBlocked(f"test tried to open a socket to a non-loopback address: {host!r}")


def _connect(self, address):  # type: ignore[no-untyped-def]
    _check(self, address)
    return _real_connect(self, address)


def _connect_ex(self, address):  # type: ignore[no-untyped-def]
    _check(self, address)
    return _real_connect_ex(self, address)


def _sendto(self, data, *args):  # type: ignore[no-untyped-def]
    _check(self, args[-1])
    return _real_sendto(self, data, *args)


def _getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
    if host is not None and not _is_loopback(host if isinstance(host, str) else host.decode()):
        raise NetworkBlocked(f"test tried to resolve a non-loopback host name: {host!r}")
    return _real_getaddrinfo(host, *args, **kwargs)


def install() -> None:
    socket.socket.connect = _connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _connect_ex  # type: ignore[method-assign]
    socket.socket.sendto = _sendto  # type: ignore[method-assign]
    socket.getaddrinfo = _getaddrinfo


def pytest_configure(config: pytest.Config) -> None:
    install()
