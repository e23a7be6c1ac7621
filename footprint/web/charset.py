"""Turn response bytes into text: the declared charset, a <meta> charset, then detection."""

from __future__ import annotations

import codecs
import re

_META = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_body(body: bytes, content_type: str | None) -> str:
    """Decode `body`. A wrong declared charset (a server that says latin-1 and sends UTF-8) is
    caught by trying UTF-8 strictly first when the bytes are valid UTF-8."""
    declared = None
    if content_type:
        m = re.search(r"charset\s*=\s*([^;\s]+)", content_type, re.I)
        declared = _codec(m.group(1)) if m else None
    if declared is None:
        m = _META.search(body[:4096])
        declared = _codec(m.group(1).decode("ascii", "ignore")) if m else None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared and declared != "utf-8":
        return body.decode(declared, errors="replace")
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    if best is not None and best.encoding:
        return body.decode(best.encoding, errors="replace")
    return body.decode("utf-8", errors="replace")
