"""The guard itself: a non-loopback connection fails, loopback works."""

import socket

import pytest

from tests.netguard import NetworkBlocked


def test_public_address_is_refused() -> None:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(NetworkBlocked):
        s.connect(("93.184.216.34", 80))
    s.close()


def test_name_resolution_is_refused() -> None:
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo("example.com", 443)


def test_private_address_is_refused() -> None:
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("10.0.0.1", 80), timeout=0.1)


def test_loopback_is_allowed() -> None:
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    c = socket.create_connection(srv.getsockname(), timeout=2)
    c.close()
    srv.close()
