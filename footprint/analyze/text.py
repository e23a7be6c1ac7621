"""Page reading: HTML → one visible-text string with element spans, links, images and
structured data (JSON-LD, microdata), for the extractors and the block splitter.

The text is built by our own walk over the selectolax (lexbor) tree rather than `Node.text()`,
because every later step needs offsets: where each element starts and ends in the text (listing
blocks), where a link or an image sits (leads), and where a value was found (context snippets).
Block elements become newlines, formatting elements join with the page's own spaces, and the
edges of box-like inline elements (span, label …) count as a space, so
`<span>Eleanor</span> <span>Whitfield</span>` reads "Eleanor Whitfield",
`<span>Age</span><span>60</span>` reads "Age 60", and a street and its city in two `<div>`s read as
two lines of one address. JSON-LD Person records (and a one-person
business's record, under its founder's or owner's name) are rendered as labelled text lines
appended after the visible text, so the same extractors read them. Cyrillic is read in
Latin letters (`latin`): Serbian pages print the same names in both scripts.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from ..web.urls import url_words
from .names import fold
from .scripts import CYRILLIC, latin, scheme_for

log = logging.getLogger(__name__)

MAX_HTML_CHARS = 2_000_000
"""Longer HTML is cut here before parsing: people-search listings are far smaller, and the cap
bounds the time one hostile page can take."""
MAX_JSONLD_CHARS = 200_000
"""A JSON-LD script longer than this is not parsed."""
MAX_DEPTH = 1_000
"""Elements nested deeper than this make a page unreadable (real pages stay under ~100)."""
MAX_HIDDEN = 5_000
"""Hidden texts (link words, titles) kept per page."""
MAX_HIDDEN_CHARS = 300
"""Characters kept of one hidden text."""


BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li main nav ol p pre "
    "section summary table tbody tfoot thead tr ul option label".split()
)
CELL_TAGS = frozenset({"td", "th"})
# Elements that pages use as separate boxes (flex rows of <span>label</span><span>value</span>):
# their edges count as a space, or "Age</span><span>60" would read "Age60". Formatting tags
# (b, i, em, a …) are not among them: they may split a word.
SOFT_TAGS = frozenset(
    {
        "span",
        "label",
        "time",
        "data",
        "output",
        "button",
        "abbr",
        "cite",
        "q",
        "img",
        "input",
        "select",
        "textarea",
        "meter",
        "progress",
    }
)
# A listing's fields marked up as such — hCard's "fn", "adr", "tel" (the microformat directories
# print: <span class="fn">Peeters Elisabeth</span> <span class="adr">Coupure Links 215 …</span>) and
# schema.org's itemprop "name", "address", "telephone" — are each a line of their own, as the eye
# reads them: the street after a name is not a longer name ("Peeters Elisabeth Coupure").
_FIELD_CLASSES = frozenset({"fn", "adr", "tel", "email", "bday", "org"})
_FIELD_PROPS = frozenset({"name", "address", "telephone", "email", "birthdate"})


def _field(attrs: Any) -> bool:
    """Whether an inline element is one field of a listing (hCard class or microdata itemprop)."""
    if (attrs.get("itemprop") or "").strip().lower() in _FIELD_PROPS:
        return True
    return any(c in _FIELD_CLASSES for c in (attrs.get("class") or "").split())


SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "head"}
)
# Invisible characters that would split a word if kept (soft hyphen, zero-width spaces, BOM).
_INVISIBLE = {0xAD: None, 0x200B: None, 0x200C: None, 0x200D: None, 0x2060: None, 0xFEFF: None}


@dataclass(frozen=True)
class Link:
    """An `<a href>` in the page."""

    href: str
    """Absolute URL."""
    start: int
    """Offset in the text where the link's text starts."""
    end: int
    """Offset where it ends."""


@dataclass(frozen=True)
class Image:
    """An `<img>` (or og:image) in the page."""

    src: str
    """Absolute URL of the image."""
    offset: int
    """Offset in the text where the image sits (0 for og:image)."""
    alt: str = ""
    """Alt text."""
    small: bool = False
    """True when width or height says it is an icon (< 48 px)."""


@dataclass(frozen=True)
class Element:
    """An element of the page, for block splitting."""

    mem_id: int
    """selectolax node id (`Node.mem_id`), to look elements found by a CSS selector up."""
    parent: int
    """mem_id of the parent element (0 for the root)."""
    signature: str
    """Tag and sorted classes ("div.card.result"): repeated siblings share it."""
    start: int
    """Offset of the element's text."""
    end: int
    """Offset after it."""
    person_item: bool = False
    """True for a microdata `itemscope` of type schema.org/Person."""


@dataclass
class PageDoc:
    """A parsed page. `text` is the visible text followed by rendered structured-data blocks."""

    url: str
    """The page URL (base of relative links)."""
    text: str
    """Visible text (then structured blocks from `visible_end` on)."""
    folded: str
    """`fold(text)`: same length, lowercase ASCII."""
    visible_end: int
    """Offset where the visible text ends."""
    title: str = ""
    """The document title."""
    elements: list[Element] = field(default_factory=list)
    """Every element with its text span, in document order."""
    links: list[Link] = field(default_factory=list)
    """Links, in document order."""
    images: list[Image] = field(default_factory=list)
    """Images, in document order; og:image first when present."""
    structured: list[tuple[int, int]] = field(default_factory=list)
    """Spans of the rendered JSON-LD Person records."""
    tree: LexborHTMLParser | None = None
    """The parsed tree (for CSS block selectors)."""
    truncated: bool = False
    """True when the HTML was longer than MAX_HTML_CHARS and was cut."""
    too_deep: bool = False
    """True when the HTML nests elements deeper than MAX_DEPTH: it was not parsed (the HTML5 tree
    builder takes time quadratic in the depth; no real page nests that deep)."""
    hidden: list[tuple[int, str]] = field(default_factory=list)
    """Text the page keeps out of sight, folded, with the offset of its element: link
    addresses as words ("/address/6108-sendero-verde-cv_78749" → "address 6108 sendero verde cv
    78749") and `title` / `aria-label` attributes. Known-value matchers read it."""

    def span_of(self, mem_id: int) -> tuple[int, int] | None:
        """Text span of the element with that selectolax id."""
        if not hasattr(self, "_by_id"):
            self._by_id = {e.mem_id: (e.start, e.end) for e in self.elements}
        return self._by_id.get(mem_id)


class _Builder:
    """Accumulates text while tracking the offset and pending whitespace."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.last = "\n"
        self.pending = False
        self.scheme: str | None = None  # the page's Cyrillic alphabet, if it has Cyrillic

    def text(self, s: str) -> None:
        if not s:
            return
        if not s.isascii():
            s = latin(unicodedata.normalize("NFC", s.translate(_INVISIBLE)), self.scheme)
            if not s:
                # only soft hyphens or zero-width marks: nothing visible, and no word break
                # either ("Elea<b>&shy;</b>nor" still reads "Eleanor")
                return
        lead = s[0].isspace()
        trail = s[-1].isspace()
        words = s.split()
        if not words:
            self.pending = True
            return
        if (
            (lead or self.pending)
            and self.last not in " \n\t"
            and (lead or words[0][0] not in ",.;:!?)]")
        ):
            # (a box edge before "," is no space: "<span>Whitfield</span>, 58")
            self._put(" ")
        self._put(" ".join(words))
        self.pending = trail

    def pre(self, s: str) -> None:
        """Preformatted text (<pre>: meet results, register extracts): its lines stay lines and
        its runs of spaces, which line the columns up, become cell breaks."""
        for i, line in enumerate(s.split("\n")):
            if i:
                self.newline()
            cells = [c for c in re.split(r"[ ]{2,}|\t", line.strip()) if c]
            for j, cell in enumerate(cells):
                if j:
                    self.sep("\t")
                self.text(cell)

    def newline(self) -> None:
        if self.last != "\n":
            self._put("\n")
        self.pending = False

    def sep(self, s: str) -> None:
        if self.last not in "\n\t":
            self._put(s)
        self.pending = False

    def _put(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)
        self.last = s[-1]

    def value(self) -> str:
        return "".join(self.parts)


def _absolute(base: str, ref: str) -> str | None:
    """`ref` resolved against the page URL, or None when either cannot be parsed (an href of
    "//[::1" is a broken IPv6 host: urljoin raises ValueError on it)."""
    try:
        return urljoin(base, ref)
    except ValueError:
        return None


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9\-]{0,20})[^<>]{0,2000}?(/?)>")
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)


def nesting_depth(html: str, limit: int) -> int:
    """The deepest element nesting of `html` (read with a linear scan of its tags), stopping as
    soon as it passes `limit`."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        closing, name, selfclose = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or selfclose:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
    return deepest


def parse_page(url: str, html: str) -> PageDoc:
    """Read a page: visible text with spans, links, images, JSON-LD. Never raises on bad HTML."""
    truncated = len(html) > MAX_HTML_CHARS
    if truncated:
        html = html[:MAX_HTML_CHARS]
    if nesting_depth(html, MAX_DEPTH) > MAX_DEPTH:
        return PageDoc(url=url, text="", folded="", visible_end=0, truncated=truncated,
                       too_deep=True)
    tree = LexborHTMLParser(html)
    b = _Builder()
    # one alphabet for the whole page: a table cell "Жечка Цветкова" has no letter that tells
    # Bulgarian from Serbian, the rest of the page does
    b.scheme = scheme_for(html) if CYRILLIC.search(html) else None
    elements: list[Element] = []
    links: list[Link] = []
    images: list[Image] = []
    jsonld: list[str] = []
    title_node = tree.css_first("title")
    title = latin(" ".join(title_node.text().split()), b.scheme) if title_node is not None else ""
    og = tree.css_first('meta[property="og:image"], meta[name="og:image"]')
    if og is not None:
        src = _absolute(url, (og.attributes.get("content") or "").strip())
        if src:
            images.append(Image(src, 0, "og:image"))
    for s in tree.css('script[type="application/ld+json"]'):
        raw = s.text(deep=True)
        if raw and len(raw) <= MAX_JSONLD_CHARS:
            jsonld.append(raw)
    if title:
        b.text(title)
        b.newline()

    hidden: list[tuple[int, str]] = []
    root = tree.body if tree.body is not None else tree.root
    if root is not None:
        _walk(root, url, b, elements, links, images, hidden)
    visible = b.value()
    visible_end = len(visible)
    structured: list[tuple[int, int]] = []
    pieces = [visible]
    offset = visible_end
    for raw in jsonld:
        for block in _jsonld_blocks(raw, b.scheme):
            pieces.append("\n\n")
            offset += 2
            structured.append((offset, offset + len(block)))
            pieces.append(block)
            offset += len(block)
    text = "".join(pieces)
    return PageDoc(
        url=url,
        text=text,
        folded=fold(text),
        visible_end=visible_end,
        title=title,
        elements=elements,
        links=sorted(links, key=lambda ln: ln.start),
        images=images,
        structured=structured,
        tree=tree,
        truncated=truncated,
        hidden=hidden,
    )


def _walk(
    root: Any,
    url: str,
    b: _Builder,
    elements: list[Element],
    links: list[Link],
    images: list[Image],
    hidden: list[tuple[int, str]],
) -> None:
    # Explicit stack (deeply nested pages would overflow Python's recursion limit).
    # Entries: (node, parent mem_id, closing?, start offset, extra)
    stack: list[tuple[Any, int, bool, int, Any]] = [(root, 0, False, 0, None)]
    pre = 0  # depth inside <pre>
    while stack:
        node, parent, closing, start, extra = stack.pop()
        if closing:
            tag = node.tag
            if tag == "pre":
                pre -= 1
            if tag in BLOCK_TAGS:
                b.newline()
            elif tag in CELL_TAGS:
                b.sep("\t")
            elif extra[3]:
                b.newline()
            elif tag in SOFT_TAGS:
                b.pending = True
            sig, person_item = extra[0], extra[1]
            elements.append(Element(node.mem_id, parent, sig, start, b.length, person_item))
            if extra[2] is not None:
                links.append(Link(extra[2], start, b.length))
            continue
        tag = node.tag
        if tag == "-text":
            if pre:
                b.pre(node.text_content or "")
            else:
                b.text(node.text_content or "")
            continue
        if tag is None or tag.startswith("-") or tag in SKIP_TAGS:
            continue
        if tag == "br":
            b.newline()
            continue
        attrs = node.attributes
        if "hidden" in attrs or attrs.get("aria-hidden") == "true" or _display_none(attrs):
            continue
        field = tag in SOFT_TAGS and _field(attrs)
        if tag in BLOCK_TAGS:
            b.newline()
        elif tag in CELL_TAGS:
            b.sep("\t")
        elif field:
            b.newline()
        elif tag in SOFT_TAGS:
            b.pending = True
        href = None
        if len(hidden) < MAX_HIDDEN:
            for name in ("title", "aria-label"):
                v = attrs.get(name)
                if v and v.strip():
                    hidden.append((b.length, fold(latin(" ".join(v.split())[:MAX_HIDDEN_CHARS], b.scheme))))
        if tag == "a":
            h = (attrs.get("href") or "").strip()
            if h and not h.startswith(("javascript:", "#")):
                href = _absolute(url, h)
                if href and len(hidden) < MAX_HIDDEN:
                    # (a Cyrillic or Greek address in a map link is read in the page's
                    # alphabet, as its text is: "вул. Архітектора Городецького, 12, Київ")
                    words = fold(latin(url_words(href, MAX_HIDDEN_CHARS), b.scheme))
                    if words:
                        hidden.append((b.length, words))
        elif tag == "img":
            src = (attrs.get("src") or attrs.get("data-src") or "").strip()
            absolute = _absolute(url, src) if src and not src.startswith("data:") else None
            if absolute:
                images.append(
                    Image(absolute, b.length, latin(attrs.get("alt") or "", b.scheme), _small(attrs))
                )
            continue
        elif tag == "meta":
            # microdata values that are not displayed: <meta itemprop="telephone" content="…">
            if attrs.get("itemprop") and attrs.get("content"):
                b.text(" " + (attrs.get("content") or "") + " ")
            continue
        # numbered classes ("appointment-1", "appointment-2") are one kind of element
        classes = " ".join(sorted({re.sub(r"\d+", "", c) for c in (attrs.get("class") or "").split()}))
        sig = tag + ("." + classes.replace(" ", ".") if classes else "")
        person_item = "itemscope" in attrs and "person" in (attrs.get("itemtype") or "").lower()
        me = node.mem_id
        if tag == "pre":
            pre += 1
        stack.append((node, parent, True, b.length, (sig, person_item, href, field)))
        children = list(node.iter(include_text=True))
        for child in reversed(children):
            stack.append((child, me, False, 0, None))


def _display_none(attrs: dict[str, str | None]) -> bool:
    style = attrs.get("style")
    if not style:
        return False
    s = style.replace(" ", "").lower()
    return "display:none" in s or "visibility:hidden" in s


def _small(attrs: dict[str, str | None]) -> bool:
    for k in ("width", "height"):
        v = (attrs.get(k) or "").strip().removesuffix("px")
        if v.isdigit() and int(v) < 48:
            return True
    return False


# --- JSON-LD -----------------------------------------------------------------------------------

_PERSON_TYPES = {"person", "patient"}
# schema.org's types of a local business or a professional's practice (not a company's
# "Organization" or "Corporation": an employer's seat is nobody's home)
_SHOP_TYPES = {"localbusiness", "professionalservice", "homeandconstructionbusiness",
               "legalservice", "accountingservice", "financialservice", "medicalbusiness",
               "store", "foodestablishment", "lodgingbusiness", "healthandbeautybusiness",
               "sportsactivitylocation", "automotivebusiness"}


def _jsonld_blocks(raw: str, scheme: str | None = None) -> list[str]:
    """Person records of a JSON-LD script, rendered as labelled lines."""
    try:
        data = json.loads(raw)
    except ValueError:
        log.debug("JSON-LD script is not valid JSON; skipped")
        return []
    out: list[str] = []
    for obj in _objects(data, depth=0):
        types = obj.get("@type")
        types = [types] if isinstance(types, str) else types if isinstance(types, list) else []
        if any(isinstance(t, str) and t.lower() in _PERSON_TYPES for t in types):
            block = latin(_render_person(obj), scheme)
            if block:
                out.append(block)
        elif types and (owner := _owner(obj)):
            # a one-person business's record — a sole trader's "LocalBusiness" with its
            # "founder" — is its owner's: their name over the business's address and phone
            block = latin(_render_person({**obj, "name": owner}), scheme)
            if block:
                out.append(block)
        elif types and (officers := _officers(obj)) and isinstance(obj.get("address"),
                                                                   dict | str):
            # a company's record with its officers ("SCI SCHOEFFER-WENDLING", its seat and
            # "Gérant: Jean-Luc SCHOEFFER"), as a register prints it: a family's property
            # company is seated at their home, which the page may show nowhere else
            block = _render_person(obj)
            if block:
                out.append(latin(block + "\n" + "\n".join(officers), scheme))
        elif any(isinstance(t, str) and t.lower() in _SHOP_TYPES for t in types) and isinstance(
                obj.get("address"), dict | str):
            # a local business's own record, under its own name ("Ing. Tomáš Řezáč – projekce
            # …", a sole trader's listing whose address is printed nowhere else): whose it is,
            # the name says
            block = latin(_render_person(obj), scheme)
            if block:
                out.append(block)
    return out


def _owner(obj: dict[str, Any]) -> str:
    """The one person a non-person record names as its founder or owner, or ""."""
    people = [_text(p) for key in ("founder", "owner") for p in _many(obj.get(key))
              if isinstance(p, dict) and str(p.get("@type", "")).lower() in _PERSON_TYPES]
    people = [p for p in people if p]
    return people[0] if len(people) == 1 else ""


def _officers(obj: dict[str, Any]) -> list[str]:
    """The people a non-person record names as its officers or staff, as register lines
    ("Gérant: Jean-Luc SCHOEFFER"); [] when it names none."""
    out = []
    for key in ("founder", "owner", "employee", "member", "members", "employees"):
        for p in _many(obj.get(key)):
            if isinstance(p, dict) and str(p.get("@type", "")).lower() in _PERSON_TYPES:
                name = _text(p)
                role = _text(p.get("jobTitle")) or _text(p.get("roleName")) or key.capitalize()
                if name:
                    out.append(f"{role}: {name}")
    return out[:20]


def _objects(data: Any, depth: int) -> list[dict[str, Any]]:
    """Top-level objects and @graph members (nested Persons are rendered by their parent)."""
    if depth > 3:
        return []
    if isinstance(data, list):
        return [o for d in data[:200] for o in _objects(d, depth + 1)]
    if isinstance(data, dict):
        if isinstance(data.get("@graph"), list):
            return _objects(data["@graph"], depth + 1)
        out = [data]
        # a page's mainEntity / about may hold the Person, and a results page's ItemList its
        # people (each directly or as a ListItem's item)
        for key in ("mainEntity", "about", "itemListElement", "item"):
            if isinstance(data.get(key), (dict, list)):
                out += _objects(data[key], depth + 1)
        return out
    return []


def _text(v: Any) -> str:
    if isinstance(v, str):
        return " ".join(v.split())
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, dict):
        return _text(v.get("name") or v.get("@value") or "")
    return ""


def _address(v: Any) -> list[str]:
    if isinstance(v, list):
        return [a for x in v[:20] for a in _address(x)]
    if isinstance(v, str):
        return [" ".join(v.split())]
    if isinstance(v, dict):
        if not v.get("streetAddress") and isinstance(v.get("address"), (dict, list, str)):
            # a Place ("homeLocation": {"@type": "Place", "address": {PostalAddress}})
            return _address(v["address"])
        street = _text(v.get("streetAddress"))
        locality = _text(v.get("addressLocality"))
        region = _text(v.get("addressRegion"))
        postal = _text(v.get("postalCode"))
        tail = " ".join(x for x in (region, postal) if x)
        parts = [x for x in (street, locality, tail) if x]
        return [", ".join(parts)] if parts else []
    return []


def _many(v: Any) -> list[Any]:
    return v[:50] if isinstance(v, list) else [v] if v else []


def _render_person(obj: dict[str, Any]) -> str:
    name = _text(obj.get("name")) or " ".join(
        x for x in (_text(obj.get("givenName")), _text(obj.get("familyName"))) if x
    )
    if not name:
        return ""
    lines = [name]
    for alt in _many(obj.get("alternateName")):
        if _text(alt):
            lines.append("Also known as: " + _text(alt))
    if obj.get("birthDate"):
        lines.append("Born: " + _text(obj.get("birthDate")))
    for key, label in (("homeLocation", "Current address"), ("address", "Address")):
        for a in _address(obj.get(key)):
            lines.append(f"{label}: {a}")
    for t in _many(obj.get("telephone")):
        if _text(t):
            lines.append("Phone: " + _text(t))
    for e in _many(obj.get("email")):
        if _text(e):
            lines.append("Email: " + _text(e).removeprefix("mailto:"))
    for w in _many(obj.get("worksFor")):
        if _text(w):
            lines.append("Works at: " + _text(w))
    rel_names = []
    for key in ("relatedTo", "knows", "spouse", "children", "parent", "sibling", "follows"):
        for r in _many(obj.get(key)):
            if _text(r):
                rel_names.append(_text(r))
    if rel_names:
        lines.append("Relatives: " + ", ".join(dict.fromkeys(rel_names)))
    if len(lines) == 1:
        return ""  # a name alone (an article's author) says nothing to extract
    return "\n".join(lines)


def tab_cells(line: str, offset: int) -> list[tuple[int, int, str]]:
    """The cells of a tab-separated row that starts at `offset`: (start, end, text) each, empty
    inner cells kept (columns line up with the header), empty trailing ones dropped."""
    out = []
    pos = 0
    for part in line.split("\t"):
        out.append((offset + pos, offset + pos + len(part), part))
        pos += len(part) + 1
    while out and not out[-1][2].strip():
        out.pop()
    return out


def header_cell(text: str, pos: int) -> str | None:
    """The header of the tab-separated table cell at `pos` (the cell of `header_above` in the
    same column), as written; None when there is no header or it has no such column."""
    ls = text.rfind("\n", 0, pos) + 1
    line = header_above(text, ls)
    if line is None:
        return None
    cells = line.split("\t")
    col = text.count("\t", ls, pos)
    return cells[col] if col < len(cells) else None


def header_above(text: str, line_start: int, marker: str = "\t", rows: int = 60) -> str | None:
    """The header of the table whose row starts at `line_start`: the first line above it, in
    the run of lines that hold `marker` (a tab, or the double space of a table set in spaces),
    with no digit in it. None when the run ends first, or after `rows` lines."""
    end = line_start - 1
    for _ in range(rows):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line and not line.strip("=-_─━ \t"):
            end = start - 1  # a rule under the header ("=====", as HY-TEK prints results)
            continue
        if marker not in line:
            return None
        if not any(ch.isdigit() for ch in line):
            return line
        end = start - 1
    return None
