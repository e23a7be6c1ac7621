"""The only code that touches the network (live) or the web archive (offline)."""

from .base import Fetcher, Response, SearchBackend

__all__ = ["Fetcher", "Response", "SearchBackend"]
