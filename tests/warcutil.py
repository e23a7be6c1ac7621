"""Test helper: write a small WARC (ISO 28500) from a list of captures, so tests build their own
web archives in `tmp_path` instead of shipping binary fixtures.

    from tests.warcutil import write_warc
    write_warc(tmp_path / "a.warc.gz", [
        ("https://example.com/", 200, [("Content-Type", "text/html")], "<title>Hi</title>"),
        ("https://example.com/old", 301, [("Location", "/")], b""),
    ])
"""

from __future__ import annotations

import gzip as _gzip
from collections.abc import Iterable, Mapping, Sequence
from http import HTTPStatus
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

Headers = Sequence[tuple[str, str]] | Mapping[str, str]
Capture = tuple[str, int, Headers, bytes | str]


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def write_warc(
    path: Path,
    captures: Iterable[Capture],
    *,
    gzip: bool | None = None,
    gzip_bodies: bool = False,
) -> Path:
    """Write `captures` — (url, status, headers, body) — as WARC `response` records to `path`.

    `gzip` compresses each record as its own gzip member (the usual `.warc.gz`); by default it
    follows the file name. `gzip_bodies` stores every body with `Content-Encoding: gzip`, as a
    crawler records a server that compressed its answer. A str body is encoded as UTF-8. A
    Content-Length header is added when the headers have none."""
    path = Path(path)
    if gzip is None:
        gzip = path.name.endswith(".gz")
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip, warc_version="1.1")
        for url, status, headers, body in captures:
            payload = body.encode("utf-8") if isinstance(body, str) else bytes(body)
            hdrs = list(headers.items()) if isinstance(headers, Mapping) else list(headers)
            if gzip_bodies:
                payload = _gzip.compress(payload, mtime=0)
                hdrs = [(k, v) for k, v in hdrs if k.lower() != "content-encoding"]
                hdrs.append(("Content-Encoding", "gzip"))
            if not any(k.lower() in ("content-length", "transfer-encoding") for k, _ in hdrs):
                hdrs.append(("Content-Length", str(len(payload))))
            http_headers = StatusAndHeaders(
                f"{status} {_reason(status)}", hdrs, protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(payload), http_headers=http_headers
            )
            writer.write_record(record)
    return path


def html_page(title: str, body: str) -> str:
    """A minimal HTML document."""
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body>{body}</body></html>"
    )


HTML = (("Content-Type", "text/html; charset=utf-8"),)
"""Headers of an HTML capture."""
JPEG = (("Content-Type", "image/jpeg"),)
"""Headers of a JPEG capture."""
