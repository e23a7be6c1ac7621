"""Turn response bytes into text: a byte-order mark, the declared charset, a <meta> charset, then
detection."""

from __future__ import annotations

import codecs
import re

_META = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([^;\s\"']+)", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))  # UTF-32 LE's BOM starts with UTF-16 LE's
# As browsers do (WHATWG Encoding), pages labelled Latin-1 or ASCII are read as windows-1252:
# servers say "iso-8859-1" and send curly quotes and dashes in the 0x80-0x9F range.
_WHATWG_ALIASES = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}
# Python codecs no browser applies to a page (UTF-7 is refused by browsers because it smuggles
# markup); a label naming one is ignored.
_NOT_WEB = frozenset({"utf-7", "idna", "punycode", "unicode-escape", "raw-unicode-escape",
                      "undefined"})


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        info = codecs.lookup(name.strip().strip("\"'"))
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_WEB:
        return None  # "base64", "zlib", "utf-7"…: not how a web page is encoded
    return _WHATWG_ALIASES.get(info.name, info.name)


def _decode(body: bytes, codec: str) -> str | None:
    """`body` decoded with `codec`, or None when the codec cannot decode with replacement."""
    try:
        return body.decode(codec, errors="replace")
    except (UnicodeError, LookupError, ValueError, TypeError):
        return None


def declared_charset(body: bytes, content_type: str | None) -> str | None:
    """The codec the response claims: Content-Type's charset, else a <meta> in the first 4 KB."""
    if content_type:
        header = _HEADER_CHARSET.search(content_type)
        found = _codec(header.group(1)) if header else None
        if found:
            return found
    meta = _META.search(body[:4096])
    return _codec(meta.group(1).decode("ascii", "ignore")) if meta else None


def decode_body(body: bytes, content_type: str | None) -> str:
    """Decode `body`. A byte-order mark wins; then bytes that are valid UTF-8 are read as UTF-8
    whatever the label says (a server that says latin-1 and sends UTF-8); then the declared
    charset; then the <meta> one if the header's was wrong; then detection; then windows-1252,
    which decodes any byte."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body.decode(codec, errors="replace")
    declared = declared_charset(body, content_type)
    if declared and declared.startswith(("utf-16", "utf-32")):
        # ASCII in UTF-16 is valid UTF-8 (with NULs): trust the label first here, but only when
        # the bytes have the NULs of UTF-16 text; a mislabelled 8-bit page has none.
        text = _decode(body, declared) if b"\x00" in body[:4096] else None
        if text is not None:
            return text
        declared = None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared and declared not in ("utf-8", "utf-8-sig"):
        text = _decode(body, declared)
        if text is not None:
            return text
    # Labelled UTF-8 (or unlabelled) but not UTF-8: a <meta> may still tell the truth.
    found = _META.search(body[:4096])
    meta = _codec(found.group(1).decode("ascii", "ignore")) if found else None
    if meta and meta not in ("utf-8", "utf-8-sig") and not meta.startswith(("utf-16", "utf-32")):
        text = _decode(body, meta)
        if text is not None:
            return text
    return _decode(body, _detect(body[:200_000])) or body.decode("cp1252", errors="replace")


# Accented letters each Latin-script language uses. A legacy single-byte page read with the
# wrong code page turns words into letter mixes no language has ("Øezníèková" for cp1250's
# "Řezníčková"), which is how `_latin_score` tells cp1250 from cp1252 where detectors tie.
_LANG_LETTERS = tuple(frozenset(s + s.upper()) for s in (
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüß",  # German
    "áéíñóúü",  # Spanish
    "áâãàçéêíóôõú",  # Portuguese
    "àèéìíîòóù",  # Italian
    "éèëïóöü",  # Dutch
    "åæøéäö",  # Danish, Norwegian, Swedish
    "ąćęłńóśźż",  # Polish
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "áéíóöőúüű",  # Hungarian
    "ăâîșțşţ",  # Romanian
    "čćđšž",  # Croatian, Slovenian, Bosnian, Serbian (Latin)
))
_LATIN_CANDIDATES = ("cp1252", "cp1250", "iso8859_2", "iso8859_15", "cp1257", "latin_1")
_WORD = re.compile(r"[^\W\d_]+")


def _latin_score(text: str) -> int:
    """How many words with accented letters one single language explains; the best language
    wins."""
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    best = 0
    for letters in _LANG_LETTERS:
        n = sum(1 for w in words if all(ch.isascii() or ch in letters for ch in w))
        best = max(best, n)
    return best


def _detect(sample: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(sample) if m.encoding
               and not m.encoding.startswith(("utf_16", "utf_32"))]
    if not matches:
        return "cp1252"
    least = min(m.chaos for m in matches)
    tied = [m.encoding for m in matches if m.chaos <= least + 1e-9]
    latin = [e for e in tied if e in _LATIN_CANDIDATES]
    if not latin:
        return tied[0]
    # cp1252 is in the running whenever a Latin code page is: every byte a detector accepts
    # as cp1250 text is also readable as cp1252 text.
    pool = list(dict.fromkeys(["cp1252", *latin]))
    scored = [(_latin_score(sample.decode(e, errors="replace")), -i, e)
              for i, e in enumerate(pool)]
    return max(scored)[2]
