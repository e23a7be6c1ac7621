"""Offline web archives (DESIGN.md §5): every search and every fetch of an audit answered from WARC
files, so the demo, the tests and evaluations run the real pipeline without the network.

`WebArchive.open(path, cache_dir)` takes a `.warc`, a `.warc.gz`, an `.arc`, an `.arc.gz` or a
folder of them (read with warcio; ARC records are read as their WARC equivalents). The first open
builds a search index (SQLite FTS5) into `cache_dir/archives/<sha256 of the archive>.sqlite`;
later opens of the same bytes reuse it. A build runs in a temp file locked by its process; a
temp file whose build was killed is removed by the next open of any archive. In a folder, a
damaged file is left out and listed (`skipped_files`: the audit reports it "not checked"); a
single damaged file, or a folder of nothing else, is refused with one line. warcio's own log
(which prints whole archived URLs) is silenced.

Index. Every HTTP 2xx HTML (or text/plain) capture is a document: its title and its visible text
(selectolax; script/style/noscript/template dropped; block elements and <br> separate words,
inline tags do not, whitespace collapsed). Every image capture embedded by an archived page is a
document too, one per (page, image): its alt text, title attribute, <figcaption> and about 200
characters of the page text around it (`src`, the first `srcset` candidate, `data-src`,
<picture><source>, and the page's og:image / twitter:image, resolved against the page URL or its
<base href>). Text is folded for matching — unidecode, lowercase, whitespace collapsed — so
"Řezníčková" and "REZNICKOVA" are the same word. When a URL was captured several times, the
newest capture wins; a `revisit` record stands for the capture whose payload digest it repeats.
A page that refused the crawler (HTTP 401, 403, 429, 451 or 503: a bot challenge) is a document
of the words of its URL only, as a search engine lists an address it could not read: a search
for the name in its slug finds it, and the fetch that follows reports it "not checked".

Queries. `"quoted phrases"` are required and match word for word on the folded text, at word
boundaries, across tags ("Eleanor <b>Whitfield</b>"), whatever punctuation separates the words
("Whitfield, Eleanor" for "whitfield eleanor", as search engines read phrases);
`"a" OR "b"` needs either phrase; `site:host` keeps the host and its
subdomains (several = any of them), `-site:host` drops them; `-word` / `-"phrase"` exclude pages
containing them; other words are optional and ranked by BM25 (title weighted twice). Ties go to
the URL, so results are the same for the same archive and query. A query of `site:` alone lists
the site's pages by URL. `kind="image"` returns images actually present in the archive, with
`url` = the page and `image_url` = the image.

Fetch. A URL is looked up by `normalize_url`; absent → HTTP 404 "Not Found" (like a live site);
recorded redirects are followed (at most 10, a loop is a `FetchError`). An answer to a recorded
POST (a `request` record with method POST beside its response) answers only a POST of the same
body to the same URL, never a GET. Bodies are read lazily
from the record's offset, dechunked and decompressed (Content-Encoding), so a large archive is
never held in memory. Nothing here opens a socket.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gzip
import hashlib
import logging
import os
import re
import sqlite3
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Self
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser
from unidecode import unidecode
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader
from warcio.exceptions import ArchiveLoadFailed

from ..errors import ArchiveError, FetchError
from ..model import SearchResult
from ..paths import private_dir
from .base import Request, Response
from .charset import decode_body
from .urls import host_of, normalize_url, url_words

log = logging.getLogger(__name__)

INDEX_VERSION = 5
"""Bumped whenever the index layout or the text extraction changes: older caches are rebuilt."""
MAX_REDIRECTS = 10
SNIPPET_CHARS = 200
IMAGE_CONTEXT_CHARS = 100
"""Page text taken on each side of an embedded image (about 200 characters in all)."""
MAX_INDEXED_BYTES = 10_000_000
"""A page body beyond this is indexed by its first 10 MB only."""
MAX_BODY_BYTES = 64_000_000
"""A fetch of a larger archived body fails rather than filling memory."""
TITLE_WEIGHT = 2.0
URL_WEIGHT = 1.0

_SCRIPTLIKE = ["script", "style", "noscript", "template"]
# Elements a browser lays out as separate boxes: their text never runs into the neighbours'.
_BLOCKS = (
    "address,article,aside,blockquote,br,caption,dd,details,dialog,div,dl,dt,fieldset,figcaption,"
    "figure,footer,form,h1,h2,h3,h4,h5,h6,header,hgroup,hr,li,main,nav,ol,p,pre,section,summary,"
    "table,tbody,td,tfoot,th,thead,tr,ul,option,button,label,select,textarea,iframe,video,audio,"
    "canvas,img,picture"
)
_MARK = "\ue000"  # private-use character marking where an <img> sat in the page text
_FOLDED_TOKEN = re.compile(r"[a-z0-9]+")
_QUERY_TOKEN = re.compile(r'[(]*(-?)"([^"]*)"?[)]*|(\S+)')
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_DROP_HEADERS = {"transfer-encoding"}
_NOT_FOUND_HEADERS = (("content-type", "text/plain"),)


def fold(text: str) -> str:
    """The matching form of text: ASCII transliteration (unidecode), lowercase, whitespace
    collapsed. Used for the index and for queries alike."""
    return " ".join(unidecode(text).lower().split())


def _collapse(text: str) -> str:
    return " ".join(text.split())


# --- records ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Capture:
    """Where a capture sits in the archive, as stored in the index."""

    url: str
    """Target URI as recorded."""
    file_id: int
    """Position of the WARC file in the archive's sorted file list."""
    offset: int
    """Byte offset of the record in that file."""
    status: int
    """HTTP status of the capture."""
    location: str | None
    """Location header of a redirect."""


def _kind_of(content_type: str, head: bytes) -> str:
    ct = content_type.split(";")[0].strip().lower()
    if ct in _HTML_TYPES:
        return "html"
    if ct == "text/plain":
        return "text"
    if ct.startswith("image/"):
        return "image"
    if ct:
        return "other"
    lead = head[:512].lstrip().lower()
    if lead.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG", b"GIF8")) or (
        head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    ):
        return "image"
    return "other"


def _warc_date(value: str | None) -> str:
    """WARC-Date in one comparable form (seconds with or without fractions compare right)."""
    if not value:
        return ""
    try:
        return dt.datetime.fromisoformat(value.strip()).strftime("%Y-%m-%dT%H:%M:%S.%f")
    except ValueError:
        return ""


class _Brotli:
    """A brotli decompressor with the zlib-style interface warcio drives (`decompress`,
    `unused_data`, `flush`). warcio sets `unused_data` on brotli's own object, which the
    current `brotli` package (a C type, with `process`) refuses: every `br`-encoded capture
    then raised AttributeError and stopped the index build."""

    unused_data = None

    def __init__(self) -> None:
        import brotli

        d = brotli.Decompressor()
        self._step = getattr(d, "decompress", None) or d.process

    def decompress(self, data: bytes) -> bytes:
        return bytes(self._step(data))

    def flush(self) -> bytes:
        return b""


def _install_brotli() -> None:
    try:
        import brotli  # noqa: F401
    except ImportError:  # then `br` bodies are left encoded and counted as unreadable
        return
    BufferedReader.DECOMPRESSORS["br"] = _Brotli


_install_brotli()


class _UnsupportedEncoding(ValueError):
    """A recorded Content-Encoding this installation cannot decode."""


class _QuietIterator(ArchiveIterator):
    """warcio's iterator without its stderr warning: on a record not followed by a blank line
    warcio prints the next line of the file, which is page text (names, addresses) from the
    archive. The count (`err_count`) is kept and turned into an `ArchiveError` by the caller.

    ARC files (the format before WARC, still written by old Heritrix and wget setups) are read
    as WARC records (`arc2warc`): their URL becomes the WARC-Target-URI, their header block a
    `warcinfo` record."""

    INC_RECORD = ""

    def __init__(self, fileobj: BinaryIO) -> None:
        super().__init__(fileobj, arc2warc=True)


# warcio logs a record's whole target URI at WARNING when it holds a space ("Replacing spaces
# in invalid WARC-Target-URI: …"). An archived URL carries names, phones and streets: it must
# reach neither the terminal nor a log file, whatever logging the caller set up.
_WARCIO_LOG = logging.getLogger("warcio")
_WARCIO_LOG.addHandler(logging.NullHandler())
_WARCIO_LOG.propagate = False


def _join(base: str, ref: str) -> str | None:
    """`urljoin`, or None for a reference it cannot parse ("http://[::1/x.jpg" raises
    ValueError): one hostile attribute must not stop an index build or a fetch."""
    try:
        return urljoin(base, ref)
    except ValueError:
        return None


def _target_uri(rec: object) -> str:
    uri = rec.rec_headers.get_header("WARC-Target-URI") or ""  # type: ignore[attr-defined]
    return uri.strip().strip("<>")


def _read_record(
    fh: BinaryIO, offset: int, limit: int
) -> tuple[int, tuple[tuple[str, str], ...], bytes]:
    """Status, headers (lowercased names) and decoded body of the record at `offset`. The body is
    dechunked and decompressed by warcio when the recorded Content-Encoding is one it knows;
    those headers are then dropped, as a browser's view of the response would."""
    fh.seek(offset)
    rec = next(iter(_QuietIterator(fh)))
    body = rec.content_stream().read(limit + 1)
    if rec.http_headers is None:  # a `resource` record: the WARC block is the body
        ctype = rec.rec_headers.get_header("Content-Type") or ""
        return 200, (("content-type", ctype),) if ctype else (), body
    status = int(rec.http_headers.get_statuscode() or 0)
    drop = set(_DROP_HEADERS)
    enc = (rec.http_headers.get_header("content-encoding") or "").strip().lower()
    if enc in BufferedReader.get_supported_decompressors():
        drop |= {"content-encoding", "content-length"}
    elif enc and enc != "identity":
        # Compressed bytes handed on as a page would be indexed and analysed as gibberish.
        raise _UnsupportedEncoding(enc)
    if (rec.http_headers.get_header("transfer-encoding") or "").lower() == "chunked":
        drop.add("content-length")
    headers = tuple((k.lower(), v) for k, v in rec.http_headers.headers if k.lower() not in drop)
    return status, headers, body


# --- HTML extraction -------------------------------------------------------------------------


@dataclass(frozen=True)
class EmbeddedImage:
    """An image a page embeds, with the text that describes it."""

    url: str
    """Absolute image URL."""
    alt: str
    """alt or title attribute, else ""."""
    text: str
    """Alt, title, caption and surrounding page text, joined."""


@dataclass(frozen=True)
class PageText:
    """What the index keeps of an HTML page."""

    title: str
    """<title>, whitespace collapsed."""
    text: str
    """Visible text, whitespace collapsed."""
    images: tuple[EmbeddedImage, ...]
    """Images the page embeds (img, picture, og:image), in page order."""


def _first_candidate(srcset: str | None) -> str | None:
    if not srcset:
        return None
    first = srcset.split(",")[0].strip()
    return first.split()[0] if first else None


def _figcaption(node: object) -> str:
    parent = node.parent  # type: ignore[attr-defined]
    for _ in range(6):
        if parent is None:
            return ""
        if parent.tag == "figure":
            cap = parent.css_first("figcaption")
            return _collapse(cap.text(separator=" ")) if cap is not None else ""
        parent = parent.parent
    return ""


def _around(text: str, pos: int, width: int) -> str:
    """`width` characters of `text` on each side of `pos`, cut at word boundaries."""
    start, end = max(0, pos - width), min(len(text), pos + width)
    if start > 0 and text[start - 1] != " ":
        cut = text.find(" ", start, pos)
        start = cut + 1 if cut != -1 else start
    if end < len(text) and text[end] != " ":
        cut = text.rfind(" ", pos, end)
        end = cut if cut != -1 else end
    return text[start:end].strip()


def extract_page(html: str, page_url: str) -> PageText:
    """Title, visible text and embedded images of an HTML page. A page nesting its elements
    deeper than any real page does is indexed as empty: the HTML5 tree builder takes time
    quadratic in the depth (the analyzer reports such a page as not checked)."""
    from ..analyze.text import MAX_DEPTH, nesting_depth

    if nesting_depth(html, MAX_DEPTH) > MAX_DEPTH:
        return PageText("", "", ())
    tree = LexborHTMLParser(html.replace(_MARK, ""))  # the marker must be ours alone
    # head > title first: an inline <svg> in the body may carry a <title> of its own
    title_node = tree.css_first("head > title") or tree.css_first("title")
    title = _collapse(title_node.text()) if title_node is not None else ""
    base_node = tree.css_first("base[href]")
    base = (
        _join(page_url, (base_node.attributes.get("href") or "").strip()) or page_url
        if base_node
        else page_url
    )

    def resolve(ref: str | None) -> str | None:
        ref = (ref or "").strip()
        if not ref or ref.startswith(("data:", "javascript:", "about:", "blob:")):
            return None
        url = _join(base, ref)
        return url if url and url.startswith(("http://", "https://")) else None

    meta_text: dict[str, str] = {}
    for node in tree.css("meta[content]"):
        key = (node.attributes.get("property") or node.attributes.get("name") or "").lower()
        meta_text.setdefault(key, _collapse(node.attributes.get("content") or ""))

    tree.strip_tags(_SCRIPTLIKE)
    root = tree.body if tree.body is not None else tree.root
    if root is None:
        return PageText(title, "", ())

    raw_images: list[tuple[list[str], str, list[str]]] = []
    for img in root.css("img"):
        attrs = img.attributes
        refs = [
            attrs.get("src"),
            attrs.get("data-src"),
            _first_candidate(attrs.get("srcset")),
            _first_candidate(attrs.get("data-srcset")),
        ]
        parent = img.parent
        if parent is not None and parent.tag == "picture":
            refs += [_first_candidate(s.attributes.get("srcset")) for s in parent.css("source")]
        urls = list(dict.fromkeys(u for u in map(resolve, refs) if u))
        alt = _collapse(attrs.get("alt") or "")
        ttl = _collapse(attrs.get("title") or "")
        raw_images.append((urls, alt or ttl, [alt, ttl, _figcaption(img)]))
        img.insert_before(_MARK)

    for node in root.css(_BLOCKS):
        node.insert_before(" ")
        node.insert_after(" ")
    marked = _collapse(root.text(separator="").replace(_MARK, f" {_MARK} "))

    # Drop the markers, remembering where each one was in the final text.
    pieces = [p.strip() for p in marked.split(_MARK)]
    text_parts: list[str] = []
    positions: list[int] = []
    length = 0
    for i, piece in enumerate(pieces):
        if piece:
            if text_parts:
                length += 1
            text_parts.append(piece)
            length += len(piece)
        if i < len(pieces) - 1:
            positions.append(length)
    text = " ".join(text_parts)

    images: list[EmbeddedImage] = []
    for (urls, alt, texts), pos in zip(raw_images, positions, strict=False):
        context = _around(text, pos, IMAGE_CONTEXT_CHARS)
        desc = " ".join(dict.fromkeys(t for t in (*texts, context) if t))
        images.extend(EmbeddedImage(url=u, alt=alt, text=desc) for u in urls)
    og_texts = [
        meta_text.get(k, "") for k in ("og:image:alt", "og:title", "og:description", "description")
    ]
    for key in ("og:image", "og:image:url", "og:image:secure_url", "twitter:image"):
        url = resolve(meta_text.get(key))
        if url:
            desc = " ".join(dict.fromkeys(t for t in (*og_texts, title) if t))
            images.append(EmbeddedImage(url=url, alt=meta_text.get("og:image:alt", ""), text=desc))
    return PageText(title=title, text=text, images=tuple(images))


# --- files and digests -----------------------------------------------------------------------


ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
"""File names a folder is read for (ISO 28500 WARC and the older Internet Archive ARC)."""


def _is_warc_name(p: Path) -> bool:
    n = p.name.lower()
    return n.endswith(ARCHIVE_SUFFIXES)


def _list_files(path: Path) -> tuple[str, list[Path], list[str]]:
    """(name, files, relative paths); one line of ArchiveError when there is nothing to read."""
    if not path.exists():
        raise ArchiveError(f"web archive {path}: no such file or folder")
    if path.is_dir():
        files = sorted(
            (p for p in path.rglob("*") if p.is_file() and _is_warc_name(p)),
            key=lambda p: p.relative_to(path).as_posix(),
        )
        if not files:
            raise ArchiveError(
                f"web archive {path}: the folder holds no .warc, .warc.gz, .arc or .arc.gz file"
            )
        return path.name, files, [p.relative_to(path).as_posix() for p in files]
    if not path.is_file():
        raise ArchiveError(f"web archive {path}: not a regular file")
    return path.name, [path], [path.name]


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError as e:
        raise ArchiveError(
            f"web archive {path}: cannot read ({e.strerror or type(e).__name__})"
        ) from None
    return h.hexdigest()


def _digest(path: Path, files: list[Path], rels: list[str]) -> str:
    if not path.is_dir():
        return _sha256_file(files[0])
    h = hashlib.sha256()
    for rel, f in zip(rels, files, strict=True):
        h.update(f"{rel}\0{_sha256_file(f)}\n".encode())
    return h.hexdigest()


def _is_gzip(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


def _check_gzip(path: Path) -> None:
    """warcio reads a truncated .warc.gz without complaint (the last records just vanish), so
    the gzip stream is verified to its end first."""
    try:
        with gzip.open(path, "rb") as g:
            while g.read(1 << 20):
                pass
    except EOFError:
        raise ArchiveError(
            f"web archive {path}: truncated gzip (the file ends mid-record)"
        ) from None
    except (gzip.BadGzipFile, zlib.error, OSError) as e:
        raise ArchiveError(f"web archive {path}: damaged gzip data ({e})") from None


# --- index build -----------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE records(
    nurl TEXT PRIMARY KEY, url TEXT NOT NULL, file_id INTEGER NOT NULL, offset INTEGER NOT NULL,
    status INTEGER NOT NULL, kind TEXT NOT NULL, location TEXT, date TEXT NOT NULL,
    seq INTEGER NOT NULL);
CREATE TABLE docs(
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, url TEXT NOT NULL, host TEXT NOT NULL,
    image_url TEXT, title TEXT NOT NULL, text TEXT NOT NULL,
    ftitle TEXT NOT NULL, ftext TEXT NOT NULL, furl TEXT NOT NULL);
CREATE INDEX docs_kind_host ON docs(kind, host);
CREATE VIRTUAL TABLE fts USING fts5(ftitle, ftext, furl, content='docs', content_rowid='id');
CREATE TABLE posts(
    nurl TEXT NOT NULL, body TEXT NOT NULL, file_id INTEGER NOT NULL, offset INTEGER NOT NULL,
    status INTEGER NOT NULL, location TEXT, PRIMARY KEY(nurl, body));
CREATE TABLE skipped_files(path TEXT PRIMARY KEY, reason TEXT NOT NULL);
"""


_POST_BODY_MAX = 1 << 20
"""A recorded POST body longer than this is not indexed (account checks send a few bytes)."""


def body_key(body: bytes | None) -> str:
    """How a POST body is looked up in the index: its sha256."""
    return hashlib.sha256(body or b"").hexdigest()


@dataclass
class _Held:
    """A response whose request record may still come (warcio writes the response first, wget
    and jwarc the request first): kept aside until the next record says whether it answered a
    POST, which must not stand for the URL's GET capture."""

    uri: str
    rec_id: str
    concurrent: str
    offset: int
    status: int
    kind: str
    location: str | None
    rec: object


def _scan_file(
    conn: sqlite3.Connection,
    file_id: int,
    path: Path,
    seq: list[int],
    payloads: dict[str, tuple[int, int, str, int]],
) -> int:
    """Record every capture of one WARC or ARC file in `records` (answers to POST requests in
    `posts`); returns how many records were read."""
    count = 0
    last_end = 0
    held: _Held | None = None
    # POST request records not yet paired: record id → (concurrent-to id, body key)
    posts_by_id: dict[str, tuple[str, str]] = {}

    def post_for(h: _Held) -> str | None:
        """The body key of the POST that `h` answers, if its request record was seen."""
        mine = posts_by_id.pop(h.concurrent, None)
        if mine is not None:
            return mine[1]
        for rid, (concurrent, key) in posts_by_id.items():
            if concurrent == h.rec_id:
                del posts_by_id[rid]
                return key
        return None

    def settle(h: _Held, key: str | None) -> None:
        if key is None:
            digest = h.rec.rec_headers.get_header("WARC-Payload-Digest")  # type: ignore[attr-defined]
            if digest:
                payloads[digest] = (file_id, h.offset, h.kind, h.status)
            _upsert(conn, h.uri, file_id, h.offset, h.status, h.kind, h.location, h.rec, seq)
        else:
            conn.execute(
                "INSERT OR REPLACE INTO posts(nurl, body, file_id, offset, status, location) "
                "VALUES(?,?,?,?,?,?)",
                (normalize_url(h.uri), key, file_id, h.offset, h.status, h.location),
            )

    with open(path, "rb") as fh:
        it = _QuietIterator(fh)
        for rec in it:
            rtype = rec.rec_type
            uri = _target_uri(rec)
            rec_id = rec.rec_headers.get_header("WARC-Record-ID") or ""
            concurrent = rec.rec_headers.get_header("WARC-Concurrent-To") or ""
            head = b""
            post_key: str | None = None
            if (
                rtype in ("response", "resource")
                and rec.http_headers is not None
                and not rec.http_headers.get_header("content-type")
            ):
                head = rec.content_stream().read(512)
            elif (
                rtype == "request"
                and rec.http_headers is not None
                and (rec.http_headers.protocol or "").upper() == "POST"
            ):
                body = rec.content_stream().read(_POST_BODY_MAX + 1)
                if len(body) <= _POST_BODY_MAX:
                    post_key = body_key(body)
            # Only now: on a gzipped file warcio reads the record to its end to learn where it
            # starts, and the reads above would then find nothing.
            offset = it.get_record_offset()
            it.read_to_end(rec)
            if getattr(rec.raw_stream, "limit", 0) > 0:
                raise ArchiveError(
                    f"web archive {path}: truncated (a record ends early at byte {offset})"
                )
            if it.err_count:
                raise ArchiveError(
                    f"web archive {path}: damaged record at byte {offset} (its Content-Length "
                    "does not match its data)"
                )
            last_end = offset + (it.get_record_length() or 0)
            count += 1
            if post_key is not None and rec_id:
                posts_by_id[rec_id] = (concurrent, post_key)
                if held is not None and concurrent == held.rec_id:
                    del posts_by_id[rec_id]
                    settle(held, post_key)
                    held = None
                continue
            if rtype in ("request", "metadata", "warcinfo"):
                continue  # these sit between a response and its request: keep holding it
            if held is not None:
                settle(held, post_for(held))
                held = None
            if not uri.lower().startswith(("http://", "https://")):
                continue
            if rtype == "response" and rec.http_headers is not None:
                code = (rec.http_headers.get_statuscode() or "").strip()
                if not (code.isdigit() and 100 <= int(code) <= 599):
                    # warcio reads a record with a broken length or header leniently; what it
                    # hands on then has no status line: a damaged file, not an empty page.
                    raise ArchiveError(
                        f"web archive {path}: damaged record at byte {offset} (a response "
                        "without an HTTP status line)"
                    )
                status = int(code)
                kind = _kind_of(rec.http_headers.get_header("content-type") or "", head)
                location = rec.http_headers.get_header("location")
                held = _Held(uri, rec_id, concurrent, offset, status, kind, location, rec)
                continue
            if rtype == "resource":
                status, kind, location = 200, _kind_of(rec.content_type or "", head), None
            elif rtype == "revisit":
                original = payloads.get(rec.rec_headers.get_header("WARC-Payload-Digest") or "")
                if original is None:
                    continue  # the capture it repeats is not in this archive
                o_file, o_offset, kind, o_status = original
                status = (
                    int(rec.http_headers.get_statuscode() or o_status)
                    if rec.http_headers
                    else o_status
                )
                location = rec.http_headers.get_header("location") if rec.http_headers else None
                _upsert(conn, uri, o_file, o_offset, status, kind, location, rec, seq)
                continue
            else:
                continue
            digest = rec.rec_headers.get_header("WARC-Payload-Digest")
            if digest:
                payloads[digest] = (file_id, offset, kind, status)
            _upsert(conn, uri, file_id, offset, status, kind, location, rec, seq)
        if held is not None:
            settle(held, post_for(held))
    if not _is_gzip(path):
        # A cut inside a record's header makes warcio stop silently: bytes left past the last
        # complete record mean the file was truncated or damaged.
        with open(path, "rb") as fh:
            fh.seek(last_end)
            if fh.read(1 << 16).strip():
                raise ArchiveError(
                    f"web archive {path}: truncated or damaged record after byte {last_end}"
                )
    return count


def _upsert(
    conn: sqlite3.Connection,
    uri: str,
    file_id: int,
    offset: int,
    status: int,
    kind: str,
    location: str | None,
    rec: object,
    seq: list[int],
) -> None:
    seq[0] += 1
    conn.execute(
        "INSERT INTO records(nurl, url, file_id, offset, status, kind, location, date, seq) "
        "VALUES(?,?,?,?,?,?,?,?,?) ON CONFLICT(nurl) DO UPDATE SET url=excluded.url, "
        "file_id=excluded.file_id, offset=excluded.offset, status=excluded.status, "
        "kind=excluded.kind, location=excluded.location, date=excluded.date, seq=excluded.seq "
        "WHERE excluded.date >= records.date",
        (
            normalize_url(uri),
            uri,
            file_id,
            offset,
            status,
            kind,
            location,
            _warc_date(rec.rec_headers.get_header("WARC-Date")),  # type: ignore[attr-defined]
            seq[0],
        ),
    )


def _insert_doc(
    conn: sqlite3.Connection, kind: str, url: str, image_url: str | None, title: str, text: str
) -> None:
    ftitle, ftext, furl = fold(title), fold(text), address_words(url)
    cur = conn.execute(
        "INSERT INTO docs(kind, url, host, image_url, title, text, ftitle, ftext, furl) "
        "VALUES(?,?,?,?,?,?,?,?,?)",
        (kind, url, host_of(url), image_url, title, text, ftitle, ftext, furl),
    )
    conn.execute(
        "INSERT INTO fts(rowid, ftitle, ftext, furl) VALUES(?,?,?,?)",
        (cur.lastrowid, ftitle, ftext, furl),
    )


def address_words(url: str) -> str:
    """The folded words of a page's address, host labels first ("whiteriverandy wordpress com
    2026 06 21 rain barrels …"): a search engine matches a query in a page's address too, so a
    blog on a username's own subdomain is found by the username though no post prints it."""
    host = host_of(url)
    labels = [x for x in host.split(".") if x and x != "www"]
    return fold(" ".join([*labels, url_words(url)]))


def _resolve_image(conn: sqlite3.Connection, nurl: str) -> bool:
    """True when `nurl` (after recorded redirects) is an archived 2xx image."""
    for _ in range(MAX_REDIRECTS + 1):
        row = conn.execute(
            "SELECT status, kind, location FROM records WHERE nurl=?", (nurl,)
        ).fetchone()
        if row is None:
            return False
        status, kind, location = row
        if 300 <= status < 400 and location:
            target = _join(nurl, location)
            if target is None:
                return False  # a redirect nobody can follow leads to no image
            nurl = normalize_url(target)
            continue
        return 200 <= status < 300 and kind == "image"
    return False


def _scan_one(
    conn: sqlite3.Connection,
    file_id: int,
    path: Path,
    seq: list[int],
    payloads: dict[str, tuple[int, int, str, int]],
) -> int:
    """`_scan_file`, with every way warcio fails on a bad file turned into one `ArchiveError`
    line naming the file."""
    if _is_gzip(path):
        _check_gzip(path)
    try:
        n = _scan_file(conn, file_id, path, seq, payloads)
    except ArchiveLoadFailed as e:
        first = str(e).strip().splitlines()[0] if str(e).strip() else ""
        if "non-chunked gzip" in str(e):
            raise ArchiveError(
                f"web archive {path}: gzipped as one stream, not record by record; "
                "recompress it with `warcio recompress`"
            ) from None
        what = (
            "not a WARC or ARC file"
            if first.startswith("Unknown archive format")
            else "invalid WARC record"
        )
        raise ArchiveError(f"web archive {path}: {what}") from None
    except (ValueError, AttributeError, EOFError, zlib.error) as e:
        raise ArchiveError(
            f"web archive {path}: truncated or damaged WARC data ({type(e).__name__})"
        ) from None
    if n == 0:
        raise ArchiveError(f"web archive {path}: no WARC records (empty file)")
    return n


def _build_index(files: list[Path], target: Path, rels: list[str] | None = None) -> None:
    """Build the index into `target` (a fresh file). In a folder (several files) a damaged file
    is left out and listed in `skipped_files`; a single damaged file is an `ArchiveError`."""
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        # journal in memory, not off: a damaged file's captures are rolled back (a fresh file
        # has no old pages to journal, so this costs next to nothing).
        conn.executescript("PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF;" + _SCHEMA)
        conn.execute("BEGIN")
        seq = [0]
        payloads: dict[str, tuple[int, int, str, int]] = {}
        total = 0
        skipped: list[tuple[str, str]] = []
        first_error: ArchiveError | None = None
        for file_id, path in enumerate(files):
            # One savepoint per file: a file that turns out damaged half-way leaves none of its
            # captures behind, and (in a folder) the others are still read.
            conn.execute("SAVEPOINT file")
            known = dict(payloads)
            try:
                n = _scan_one(conn, file_id, path, seq, payloads)
            except ArchiveError as e:
                conn.execute("ROLLBACK TO file")
                conn.execute("RELEASE file")
                if len(files) == 1:
                    raise
                payloads.clear()
                payloads.update(known)
                first_error = first_error or e
                reason = str(e).removeprefix(f"web archive {path}: ")
                skipped.append((rels[file_id] if rels else path.name, reason))
                continue
            conn.execute("RELEASE file")
            total += n
        if len(skipped) == len(files) and first_error is not None:
            raise first_error  # nothing readable at all: the archive as a whole is refused
        conn.executemany("INSERT INTO skipped_files(path, reason) VALUES(?,?)", skipped)

        images: dict[tuple[str, str], tuple[str, str, str, list[str]]] = {}
        handles: dict[int, BinaryIO] = {}
        unreadable = 0
        pages = conn.execute(
            "SELECT nurl, url, file_id, offset, kind FROM records "
            "WHERE kind IN ('html','text') AND status BETWEEN 200 AND 299 ORDER BY nurl"
        ).fetchall()
        with contextlib.ExitStack() as stack:
            for nurl, url, file_id, offset, kind in pages:
                if file_id not in handles:
                    handles[file_id] = stack.enter_context(open(files[file_id], "rb"))
                try:
                    _, headers, body = _read_record(handles[file_id], offset, MAX_INDEXED_BYTES)
                except (ArchiveLoadFailed, ValueError, EOFError, zlib.error, StopIteration,
                        AttributeError, TypeError, IndexError):
                    # A body that cannot be decoded (damaged, or an unsupported Content-Encoding)
                    # is left out of the search index; counted, so opening the archive says so.
                    unreadable += 1
                    continue
                ctype = dict(headers).get("content-type")
                text = decode_body(body[:MAX_INDEXED_BYTES], ctype)
                if kind == "text":
                    _insert_doc(conn, "web", url, None, "", _collapse(text))
                    continue
                page = extract_page(text, url)
                _insert_doc(conn, "web", url, None, page.title, page.text)
                for img in page.images:
                    key = (nurl, normalize_url(img.url))
                    if key in images:
                        images[key][3].append(img.text)
                    else:
                        images[key] = (url, img.url, img.alt or page.title, [img.text])

        # A page that answered the crawler with a refusal (a bot challenge, "too many
        # requests") is still listed by search engines, under its address: index the words of
        # its URL, so a search for the name in its slug returns it and the audit fetches it
        # and reports it "not checked" rather than never seeing it.
        refused = conn.execute(
            "SELECT url FROM records WHERE status IN (401, 403, 429, 451, 503) "
            "AND kind IN ('html','text') ORDER BY nurl"
        ).fetchall()
        for (url,) in refused:
            words = url_words(url)
            if words:
                _insert_doc(conn, "web", url, None, "", words)

        n_images = 0
        for key in sorted(images):
            page_url, img_url, title, texts = images[key]
            if _resolve_image(conn, key[1]):
                _insert_doc(conn, "image", page_url, img_url, title, " ".join(dict.fromkeys(texts)))
                n_images += 1
        n_pages = conn.execute("SELECT count(*) FROM docs WHERE kind='web'").fetchone()[0]
        meta = [("records", str(total)), ("pages", str(n_pages)), ("images", str(n_images))]
        if unreadable:  # only when there are some: `counts()` of a sound archive is unchanged
            meta.append(("unreadable", str(unreadable)))
        conn.executemany("INSERT INTO meta VALUES(?,?)", [*meta, ("complete", "1")])
        conn.execute("COMMIT")
        conn.execute(f"PRAGMA user_version={INDEX_VERSION}")
    finally:
        conn.close()


def _index_ok(db: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA user_version").fetchone()[0] != INDEX_VERSION:
                return False
            row = conn.execute("SELECT value FROM meta WHERE key='complete'").fetchone()
            return row is not None and row[0] == "1"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def _lock_build(fd: int) -> None:
    """Hold an exclusive lock on a build's temp file for as long as the process lives: the
    kernel drops it when the process dies, however it dies."""
    try:
        import fcntl
    except ImportError:  # not POSIX: the process id in the name is all there is
        return
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _build_is_dead(tmp: Path) -> bool:
    """True when the build that wrote `tmp` is gone: its lock can be taken (POSIX), or its
    process no longer exists (elsewhere)."""
    try:
        import fcntl
    except ImportError:
        fcntl = None  # type: ignore[assignment]
    if fcntl is not None:
        try:
            fd = os.open(tmp, os.O_RDONLY)
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # a live build holds it
        else:
            return True
        finally:
            os.close(fd)  # closing releases the probe's lock
    try:
        pid = int(tmp.name.split(".")[-3])
    except (ValueError, IndexError):
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OSError):
        return False
    return False


def _remove_stale_temps(folder: Path) -> None:
    """Temp files of index builds that were killed (of any archive): a kill during indexing
    leaves its temp file behind only until the next archive is opened."""
    for tmp in folder.glob(".*.sqlite.*.tmp"):
        if _build_is_dead(tmp):
            tmp.unlink(missing_ok=True)


# --- queries ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedQuery:
    """A search query split into its operators; every text part is folded."""

    phrases: tuple[str, ...]
    """Required exact phrases."""
    words: tuple[str, ...]
    """Optional ranked words."""
    excluded: tuple[str, ...]
    """Words and phrases a result must not contain."""
    sites: tuple[str, ...]
    """Hosts a result must be on (or below)."""
    excluded_sites: tuple[str, ...]
    """Hosts a result must not be on."""
    any_of: tuple[tuple[str, ...], ...] = ()
    """Groups of phrases joined by OR (`"a" OR "b"`): each group needs one of its phrases."""


def _site_host(value: str) -> str:
    value = value.strip().strip("/")
    if "://" in value:
        return host_of(value)
    return host_of(f"http://{value}")


def parse_query(query: str) -> ParsedQuery:
    """Split a search-engine style query: "phrases", `"a" OR "b"` (either phrase), site:host,
    -site:host, -word, -"phrase", words. Typographic quotes count as quotes; parentheses around
    phrases are ignored; a lone OR/AND between words is ignored (words are OR-ed anyway)."""
    query = query.replace("\u201c", '"').replace("\u201d", '"').replace("\u201e", '"')
    groups: list[list[str]] = []
    excluded: list[str] = []
    words: list[str] = []
    sites: list[str] = []
    xsites: list[str] = []
    joining = False  # the previous token was OR right after a phrase
    last_was_phrase = False
    for m in _QUERY_TOKEN.finditer(query):
        neg, quoted, bare = m.group(1), m.group(2), m.group(3)
        if quoted is not None:
            f = fold(quoted)
            if f and neg:
                excluded.append(f)
            elif f:
                if joining and groups:
                    groups[-1].append(f)
                else:
                    groups.append([f])
                last_was_phrase = True
            joining = False
            continue
        bare = bare.strip("()")
        if not bare:
            continue
        low = bare.lower()
        if bare == "OR" and last_was_phrase:
            joining = True
            continue
        joining = False
        last_was_phrase = False
        if low.startswith(("site:", "-site:")):
            host = _site_host(bare.split(":", 1)[1])
            if host:
                (xsites if low.startswith("-") else sites).append(host)
        elif bare in ("OR", "AND", "|", "-"):
            continue
        elif bare.startswith("-") and len(bare) > 1:
            f = fold(bare[1:])
            if f:
                excluded.append(f)
        else:
            f = fold(bare)
            if f:
                words.append(f)
    phrases = tuple(g[0] for g in groups if len(g) == 1)
    any_of = tuple(tuple(g) for g in groups if len(g) > 1)
    return ParsedQuery(phrases, tuple(words), tuple(excluded), tuple(sites), tuple(xsites), any_of)


def _fts_phrase(text: str) -> str | None:
    tokens = _FOLDED_TOKEN.findall(text)
    return '"' + " ".join(tokens) + '"' if tokens else None


def _fts_expression(q: ParsedQuery) -> str | None:
    required = [p for p in map(_fts_phrase, q.phrases) if p]
    for group in q.any_of:
        alts = [p for p in map(_fts_phrase, group) if p]
        if alts:
            required.append("(" + " OR ".join(alts) + ")")
    optional = [p for p in map(_fts_phrase, q.words) if p]
    if required:
        expr = " AND ".join(required)
        if optional:  # words only add to the BM25 score: every page with the phrases still matches
            expr = f"{expr} AND ({' OR '.join(required + optional)})"
        return expr
    return " OR ".join(optional) if optional else None


def _boundary_re(folded: str) -> re.Pattern[str]:
    """`folded` as a whole-word match, word for word: punctuation and spaces between its words
    do not matter ("pruneda margaret" matches "PRUNEDA, MARGARET"; "512 555 0147" matches
    "(512) 555-0147"), as search engines read a quoted phrase."""
    words = _FOLDED_TOKEN.findall(folded)
    if not words:
        return re.compile(re.escape(folded))
    return re.compile(
        r"(?<![a-z0-9])" + r"[^a-z0-9]{1,6}".join(map(re.escape, words)) + r"(?![a-z0-9])"
    )


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return unidecode(ch).lower()


def _orig_pos(text: str, fpos: int) -> int:
    """Index in `text` of the character whose fold produced position `fpos` of `fold(text)`."""
    if text.isascii():
        return min(fpos, len(text))
    n = 0
    pending = False
    for i, ch in enumerate(text):
        for c in (ch.lower() if ch.isascii() else _fold_char(ch)):
            if c.isspace():
                pending = n > 0
                continue
            if pending:
                n += 1
                pending = False
            if n >= fpos:
                return i
            n += 1
    return len(text)


def _snippet(text: str, ftext: str, patterns: list[re.Pattern[str]]) -> str:
    """About SNIPPET_CHARS characters of `text` around the first hit of any pattern."""
    hits = [m.start() for m in (p.search(ftext) for p in patterns) if m]
    pos = _orig_pos(text, min(hits)) if hits else 0
    if len(text) <= SNIPPET_CHARS:
        return text
    start = max(0, min(pos - SNIPPET_CHARS // 3, len(text) - SNIPPET_CHARS))
    end = start + SNIPPET_CHARS
    if start > 0:
        cut = text.find(" ", start, pos if pos > start else end)
        start = cut + 1 if cut != -1 else start
    if end < len(text):
        cut = text.rfind(" ", max(pos, start), end)
        end = cut if cut != -1 else end
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    return lead + text[start:end].strip() + tail


# --- the archive -----------------------------------------------------------------------------


class WebArchive:
    """An opened web archive: a search backend and a fetcher answering from it."""

    def __init__(self, name: str, digest: str, files: list[Path], db_path: Path) -> None:
        self.name = name
        """File or folder name, for reports."""
        self.digest = digest
        """sha256 of the archive (a folder: of its sorted (relative path, sha256) list)."""
        self.files = tuple(files)
        """The WARC files, in index order."""
        self.index_path = db_path
        """The cached search index."""
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = sqlite3.connect(
            f"file:{db_path}?mode=ro", uri=True, check_same_thread=False
        )

    @classmethod
    def open(cls, path: Path, cache_dir: Path) -> WebArchive:
        """Open `path` (a .warc / .warc.gz file or a folder of them), building its index in
        `cache_dir/archives/` unless an index of the same archive content is already there."""
        path = Path(path).expanduser()
        name, files, rels = _list_files(path)
        digest = _digest(path, files, rels)
        try:
            private_dir(Path(cache_dir))
            folder = private_dir(Path(cache_dir) / "archives")
        except OSError as e:
            raise ArchiveError(
                f"web archive {path}: cannot create the index folder under {cache_dir} "
                f"({e.strerror or type(e).__name__})"
            ) from None
        db = folder / f"{digest}.sqlite"
        _remove_stale_temps(folder)
        if not _index_ok(db):
            tmp = folder / f".{digest}.sqlite.{os.getpid()}.{threading.get_ident()}.tmp"
            fd = -1
            try:
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                _lock_build(fd)
                _build_index(files, tmp, rels if path.is_dir() else None)
                os.chmod(tmp, 0o600)
                os.replace(tmp, db)  # atomic: a reader sees no index or a complete one
            except (sqlite3.Error, OSError) as e:
                what = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
                raise ArchiveError(f"web archive {path}: cannot build its index ({what})") from None
            finally:
                tmp.unlink(missing_ok=True)
                if fd >= 0:
                    os.close(fd)
        archive = cls(name, digest, files, db)
        if archive.skipped_files:
            log.warning(
                "web archive %s: %d file(s) not read (damaged): %s",
                archive.name, len(archive.skipped_files),
                "; ".join(f"{p} ({why})" for p, why in archive.skipped_files),
            )
        if archive.unreadable:
            log.warning(
                "web archive %s: %d archived pages could not be read (damaged, or compressed "
                "in an encoding this installation lacks) and are not searchable",
                archive.name, archive.unreadable,
            )
        return archive

    # -- shared access ---------------------------------------------------------------------

    @contextlib.contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._conn is None:
                raise ArchiveError(f"web archive {self.name}: already closed")
            yield self._conn

    def counts(self) -> dict[str, int]:
        """Number of records read, pages and images indexed."""
        with self._db() as conn:
            rows = conn.execute("SELECT key, value FROM meta WHERE key != 'complete'").fetchall()
        return {k: int(v) for k, v in rows}

    @property
    def skipped_files(self) -> tuple[tuple[str, str], ...]:
        """Files of a folder left out because they are damaged: (path in the folder, why)."""
        with self._db() as conn:
            rows = conn.execute("SELECT path, reason FROM skipped_files ORDER BY path").fetchall()
        return tuple((p, r) for p, r in rows)

    @property
    def unreadable(self) -> int:
        """Archived pages whose bodies could not be read while indexing (left out of search)."""
        return self.counts().get("unreadable", 0)

    def lookup(self, url: str) -> Capture | None:
        """The capture answering `url`, or None."""
        with self._db() as conn:
            row = conn.execute(
                "SELECT url, file_id, offset, status, location FROM records WHERE nurl=?",
                (normalize_url(url),),
            ).fetchone()
        return Capture(*row) if row else None

    def lookup_post(self, url: str, body: bytes | None) -> Capture | None:
        """The capture answering a POST of `body` to `url` (recorded with its request), or
        None."""
        with self._db() as conn:
            row = conn.execute(
                "SELECT ?, file_id, offset, status, location FROM posts WHERE nurl=? AND body=?",
                (url, normalize_url(url), body_key(body)),
            ).fetchone()
        return Capture(*row) if row else None

    def read(
        self, rec: Capture, limit: int = MAX_BODY_BYTES
    ) -> tuple[int, tuple[tuple[str, str], ...], bytes]:
        """Status, headers and decoded body of a capture; a file handle per call (thread-safe)."""
        try:
            with open(self.files[rec.file_id], "rb") as fh:
                status, headers, body = _read_record(fh, rec.offset, limit)
        except _UnsupportedEncoding as e:
            raise FetchError(
                rec.url, f"unreadable in the web archive (Content-Encoding {e} not supported)"
            ) from None
        except (OSError, ArchiveLoadFailed, ValueError, EOFError, zlib.error, StopIteration,
                AttributeError, TypeError, IndexError) as e:
            # AttributeError/TypeError/IndexError: warcio or a decompressor failing on a damaged
            # record. A fetch must end in a FetchError (not checked), never in the engine.
            raise FetchError(
                rec.url, f"unreadable in the web archive ({type(e).__name__})"
            ) from None
        if len(body) > limit:
            raise FetchError(rec.url, f"archived body larger than {limit} bytes")
        return status, headers, body

    def search(self, query: str, *, kind: str = "web", max_results: int = 10) -> list[SearchResult]:
        """Run `query` against the index (see the module docstring for the syntax)."""
        if kind not in ("web", "image"):
            raise ValueError(f"unknown search kind {kind!r}")
        if max_results <= 0:
            return []
        q = parse_query(query)
        if not (q.phrases or q.any_of or q.words or q.sites):
            return []
        expr = _fts_expression(q)
        if expr is None and not (q.sites or q.phrases or q.any_of):
            return []  # only words without a letter or digit ("&"): nothing to look for
        where = ["d.kind = ?"]
        params: list[object] = [kind]
        if q.sites:
            where.append(
                "(" + " OR ".join(["(d.host = ? OR substr(d.host, ?) = ?)"] * len(q.sites)) + ")"
            )
            for s in q.sites:
                params += [s, -(len(s) + 1), "." + s]
        for s in q.excluded_sites:
            where.append("NOT (d.host = ? OR substr(d.host, ?) = ?)")
            params += [s, -(len(s) + 1), "." + s]
        # Rank on ids only: sorting whole rows would drag every candidate's text through the
        # sorter. Texts are then read one candidate at a time until enough pass the filters.
        if expr:
            sql = (
                "SELECT d.id FROM fts JOIN docs d ON d.id = fts.rowid "
                f"WHERE fts MATCH ? AND {' AND '.join(where)} "
                f"ORDER BY bm25(fts, {TITLE_WEIGHT}, 1.0, {URL_WEIGHT}), d.url, d.image_url, d.id"
            )
            params.insert(0, expr)
        else:
            sql = (
                f"SELECT d.id FROM docs d WHERE {' AND '.join(where)} "
                "ORDER BY d.url, d.image_url, d.id"
            )
        required = [_boundary_re(p) for p in q.phrases]
        groups = [[_boundary_re(p) for p in g] for g in q.any_of]
        excluded = [_boundary_re(x) for x in q.excluded]
        ranked = [_boundary_re(w) for w in q.words]
        out: list[SearchResult] = []
        with self._db() as conn:
            ids = [row[0] for row in conn.execute(sql, params)]
            for doc_id in ids:
                url, image_url, title, text, ftitle, ftext, furl = conn.execute(
                    "SELECT url, image_url, title, text, ftitle, ftext, furl FROM docs WHERE id=?",
                    (doc_id,),
                ).fetchone()
                if not all(r.search(ftext) or r.search(ftitle) or r.search(furl)
                           for r in required):
                    continue
                if not all(any(r.search(ftext) or r.search(ftitle) or r.search(furl) for r in g)
                           for g in groups):
                    continue
                if any(x.search(ftext) or x.search(ftitle) for x in excluded):
                    continue
                snippet = _snippet(text, ftext, required or [r for g in groups for r in g] or ranked)
                out.append(SearchResult(url=url, title=title, snippet=snippet, image_url=image_url))
                if len(out) >= max_results:
                    break
        return out

    def search_backend(self) -> ArchiveSearch:
        """The archive as a `SearchBackend` (name "archive")."""
        return ArchiveSearch(self)

    def fetcher(self) -> ArchiveFetcher:
        """The archive as a `Fetcher`."""
        return ArchiveFetcher(self)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ArchiveSearch:
    """`SearchBackend` over a web archive's index."""

    name = "archive"

    def __init__(self, archive: WebArchive) -> None:
        self.archive = archive

    def search(self, query: str, *, kind: str = "web", max_results: int = 10) -> list[SearchResult]:
        return self.archive.search(query, kind=kind, max_results=max_results)


class ArchiveFetcher:
    """`Fetcher` answering from a web archive: absent URL → 404, recorded redirects followed.
    `send` answers a POST with the capture recorded for the same URL and body (a `request`
    record with method POST next to its response), and leaves a redirect unfollowed when asked."""

    def __init__(self, archive: WebArchive) -> None:
        self.archive = archive

    def fetch(self, url: str) -> Response:
        return self._get(url, follow=True)

    def send(self, request: Request) -> Response:
        """Request headers change nothing here: the archive holds one answer per URL."""
        if request.method.upper() == "POST":
            rec = self.archive.lookup_post(request.url, request.body)
            if rec is None:
                return _not_found(request.url, request.url)
            if 300 <= rec.status < 400 and rec.location and request.follow_redirects:
                target = _join(request.url, rec.location.strip())
                if target is None:
                    raise FetchError(request.url, "unreadable redirect target in the web archive")
                return self._get(target, follow=True, requested=request.url)
            status, headers, body = self.archive.read(rec)
            return Response(url=request.url, status=status, headers=headers, body=body,
                            requested_url=request.url, from_cache=True)
        return self._get(request.url, follow=request.follow_redirects)

    def _get(self, url: str, *, follow: bool, requested: str | None = None) -> Response:
        asked = requested or url
        current = url
        seen: set[str] = set()
        for _ in range(MAX_REDIRECTS + 1):
            key = normalize_url(current)
            if key in seen:
                raise FetchError(asked, "redirect loop in the web archive")
            seen.add(key)
            rec = (
                self.archive.lookup(current) if urlsplit(key).scheme in ("http", "https") else None
            )
            if rec is None:
                return _not_found(current, asked)
            if 300 <= rec.status < 400 and rec.location and follow:
                target = _join(current, rec.location.strip())
                if target is None:
                    raise FetchError(asked, "unreadable redirect target in the web archive")
                current = target
                continue
            status, headers, body = self.archive.read(rec)
            return Response(
                url=current,
                status=status,
                headers=headers,
                body=body,
                requested_url=asked,
                from_cache=True,
            )
        raise FetchError(asked, f"more than {MAX_REDIRECTS} redirects in the web archive")

    def close(self) -> None:
        """Nothing to release: the archive is closed by its owner (`WebArchive.close`)."""


def _not_found(url: str, requested: str) -> Response:
    return Response(
        url=url,
        status=404,
        headers=_NOT_FOUND_HEADERS,
        body=b"Not Found",
        requested_url=requested,
        from_cache=True,
    )
