"""URL normalisation: the one canonical form used to look URLs up in a web archive and to
de-duplicate search hits and findings.

The rules are RFC 3986 section 6 "syntax-based normalisation" and nothing beyond it, so that two
URLs are merged only when every server would treat them alike: lowercase scheme and host, IDNA
(punycode) host, default port and fragment dropped, `%XX` of unreserved characters decoded and the
others written in uppercase hex, non-ASCII characters percent-encoded as UTF-8, dot segments
removed, empty path → "/". Path case and query order are kept: `/Eleanor-Whitfield` and
`/eleanor-whitfield` are different pages on most brokers, and `?a=1&b=2` is not reordered.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, unquote_plus, urlsplit, urlunsplit

import idna

_DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443, "ftp": 21}
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PCT = re.compile(r"%([0-9A-Fa-f]{2})")
# Characters allowed verbatim in a path/query/userinfo: unreserved, sub-delims, ":@/?" and "%"
# (already-encoded octets are handled by _PCT). Anything else is percent-encoded as UTF-8.
_SAFE = frozenset("!$&'()*+,;=:@/?%[]") | _UNRESERVED


def _fix_escapes(part: str) -> str:
    """Decode %XX of unreserved characters, uppercase the hex of the others, and encode
    characters that may not appear raw (spaces, non-ASCII) as UTF-8 %XX."""

    def repl(m: re.Match[str]) -> str:
        ch = chr(int(m.group(1), 16))
        return ch if ch in _UNRESERVED else "%" + m.group(1).upper()

    part = _PCT.sub(repl, part)
    if all(c in _SAFE for c in part):
        return part
    out = []
    for i, c in enumerate(part):
        if c == "%" and not _PCT.match(part, i):
            out.append("%25")  # a stray "%" not starting an escape
        elif c in _SAFE:
            out.append(c)
        else:
            out.extend(f"%{b:02X}" for b in c.encode("utf-8"))
    return "".join(out)


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 5.2.4: "/a/./b/../c" → "/a/c"."""
    if "." not in path:
        return path
    out: list[str] = []
    segments = path.split("/")
    for i, seg in enumerate(segments):
        last = i == len(segments) - 1
        if seg == ".":
            if last:
                out.append("")
        elif seg == "..":
            if len(out) > 1:
                out.pop()
            if last:
                out.append("")
        else:
            out.append(seg)
    result = "/".join(out)
    if path.startswith("/") and not result.startswith("/"):
        result = "/" + result
    return result


def _idna_host(host: str) -> str:
    """Lowercase, trailing dot dropped, Unicode labels as punycode. A host IDNA refuses (an
    underscore label, an odd character) is kept lowercased rather than rejected: normalising
    must never fail on a URL a page happens to contain."""
    host = host.lower().rstrip(".")
    if host.isascii():
        return host
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError:
        try:
            return host.encode("idna").decode("ascii")
        except UnicodeError:
            return host


def _netloc(parts: SplitResult, scheme: str) -> str:
    host = parts.hostname or ""
    if ":" in host:  # IPv6 literal
        host = f"[{host.lower()}]"
    else:
        host = _idna_host(host)
    try:
        port = parts.port
    except ValueError:  # a port that is not a number: keep the authority as it was written
        return parts.netloc.lower()
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    if parts.username is not None or parts.password is not None:
        userinfo = parts.netloc.rpartition("@")[0]
        host = f"{_fix_escapes(userinfo)}@{host}"
    return host


def normalize_url(url: str) -> str:
    """The canonical form of `url` (see the module docstring). A string without a scheme and host
    is returned stripped but otherwise unchanged."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an invalid IPv6 literal
        return url
    if not parts.scheme or not parts.netloc:
        return url
    scheme = parts.scheme.lower()
    path = _remove_dot_segments(_fix_escapes(parts.path)) or "/"
    query = _fix_escapes(parts.query)
    return urlunsplit((scheme, _netloc(parts, scheme), path, query, ""))


def host_of(url: str) -> str:
    """The host of `url`: lowercase, punycode, no port, "www." kept ("" when there is none)."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.lower() if ":" in host else _idna_host(host)


def same_site(host: str, domain: str) -> bool:
    """True when `host` is `domain` or one of its subdomains ("m.example.com" is on
    "example.com"; "badexample.com" and "example.com.evil" are not)."""
    h, d = _idna_host(host.strip()), _idna_host(domain.strip())
    if not h or not d:
        return False
    return h == d or h.endswith("." + d)


def url_words(url: str, limit: int = 2000) -> str:
    """The words of a URL's path and query ("/people/margaret-pruneda/" → "people margaret
    pruneda", "/address/6108-sendero-verde-cv_78749" → "address 6108 sendero verde cv 78749"):
    what listings hide in their links, and what a search engine indexes of an address it could
    not read. "" for a URL that cannot be parsed."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    raw = unquote_plus(f"{parts.path} {parts.query}")[:limit]
    return " ".join(re.sub(r"[/_\-+.=&?%,;:]+", " ", raw).split())
