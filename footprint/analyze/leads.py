"""Leads: the handles, links and pictures on a judged page that other probes may follow (an
account to open, an image to compare with the reference photos), each given to the confirmed
person it belongs to — never to a name the family shares with someone who is not audited.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..model import Lead
from .blocks import Block
from .emit import _distance
from .extract import Found
from .extract_social import handle_from_url
from .names import NameMatch, fold
from .state import _IMG_SKIP, _PageState, _Scored
from .text import PageDoc

if TYPE_CHECKING:
    from .page import PageAnalyzer


def _leads(
    an: PageAnalyzer,
    doc: PageDoc,
    block: Block,
    bf: list[Found],
    scored: dict[str, _Scored],
    primary: str | None,
    listing: bool,
    in_rel: Callable[[int], bool],
    st: _PageState,
    redact: list[tuple[int, int]],
) -> None:
    """Handles, links and images in a block → leads for its confirmed people."""
    confirmed = {
        pid: s
        for pid, s in scored.items()
        if s.judgement.confidence >= an.threshold and not s.in_relatives
    }
    if not confirmed:
        return
    # first names of unmatched family members (maybe relatives who did not consent): a
    # handle that contains one ("lucasw96") is theirs, not ours, and is never followed
    ours = {fold(w) for pf in an.facts for w in pf.matcher.parts.given}
    ours |= {w for pf in an.facts for w in fold(pf.matcher.parts.surname).split()}
    if st.foreign is None:  # the same for every block: found once per page
        st.foreign = {w for rs, re_ in redact for w in re.findall(r"[a-z]{3,}", doc.folded[rs:re_])}
    foreign = st.foreign - ours

    def theirs(handle: str) -> bool:
        h = fold(handle)
        return any(w in h for w in foreign)

    def owner_near(start: int, limit: int | None) -> str | None:
        if in_rel(start) or any(s <= start < e for s, e in redact):
            return None
        if listing:
            return primary if primary in confirmed else None
        pid = an._nearest(
            start, start + 1, [(p, m) for p, s in confirmed.items() for m in s.matches]
        )
        if pid is None:
            return None
        if limit is not None and _distance_pos(start, confirmed[pid].matches) > limit:
            # near an unmatched family name? then it is someone else's
            return None
        return pid

    single = _page_subject(doc, block, confirmed) if not listing else None
    from .ownsite import _url_owner  # ownsite imports this module

    owner_site = _url_owner(an, doc.url)
    poster = owner_site[0] if owner_site is not None and owner_site[0] in confirmed else None
    for f in bf:
        if f.kind != "handle":
            continue
        if re.fullmatch(r"[A-Z][a-z]+", f.value):
            continue  # "@Rick we should go": a reply to a person, not a handle
        owner = next(
            (p for p, s in confirmed.items() if f.value.lower() in s.pf.usernames), None
        )
        if (
            owner is None
            and single
            and re.search(r"(?<![a-z])my(?![a-z])", doc.folded[max(0, f.start - 40) : f.start])
        ):
            owner = single  # "more photos are on my Instagram, @…": the page's author
        if owner is None:
            # "Name (@handle)": a handle follows its owner's name; if the name just before it
            # is someone else's (an unmatched family name), it is not ours
            pid = owner_near(f.start, 150)
            if (
                pid
                and not confirmed[pid].given_only
                and not _closer_redacted(f.start, confirmed[pid].matches, redact)
                and not _redacted_before(f.start, confirmed[pid].matches, redact)
            ):
                owner = pid
        if owner and not theirs(f.value):
            _lead(st, owner, "handle", f.value, f.attr("platform"))
    lo = bisect.bisect_left(doc.links, block.start, key=lambda x: x.start)
    hi = bisect.bisect_left(doc.links, block.end, key=lambda x: x.start)
    for ln in doc.links[lo:hi]:  # the block's links only (sorted by start): linear per page
        hp = handle_from_url(ln.href)
        if not hp:
            continue
        known = next((p for p, s in confirmed.items() if hp[1].lower() in s.pf.usernames), None)
        if known:
            _lead(st, known, "handle", hp[1], hp[0])
            continue
        # a link on a person's own page (their profile, their blog) is theirs
        pid = (single if single and not in_rel(ln.start) else None) or owner_near(ln.start, 300)
        if (
            pid
            and not theirs(hp[1])
            and not _closer_redacted(ln.start, confirmed[pid].matches, redact)
        ):
            _lead(st, pid, "handle", hp[1], hp[0])
    first = [img for img in doc.images[:1] if img.alt == "og:image" and img.offset == 0]
    rest = doc.images[len(first):]
    ilo = bisect.bisect_left(rest, block.start, key=lambda x: x.offset)
    ihi = bisect.bisect_right(rest, block.end, key=lambda x: x.offset)
    for img in first + rest[ilo:ihi]:  # the block's images only (in document order)
        if img.small or _IMG_SKIP.search(img.src):
            continue
        if img.alt == "og:image" and img.offset == 0:
            if block.kind == "page" and single:
                _lead(st, single, "image", img.src, None)
            continue
        if not block.contains(img.offset) and not (img.offset == block.end and listing):
            continue
        if poster:
            # a photo on a person's own blog or account was posted by them: its place is
            # theirs first (its GPS tag locates them), whoever its caption names
            _lead(st, poster, "image", img.src, None)
        pid = owner_near(img.offset, 600)
        if pid:
            _lead(st, pid, "image", img.src, None)

def _page_subject(doc: PageDoc, block: Block, confirmed: dict[str, _Scored]) -> str | None:
    """The person a page (not a listing) belongs to: the one whose username is in its URL,
    else the one named in its title, else the only one named in full."""
    path = fold(_url_path(doc.url))
    for pid, sc in confirmed.items():
        if any(
            re.search(r"(?<![a-z0-9_.\-])" + re.escape(u) + r"(?![a-z0-9_\-])", path)
            for u in sc.pf.usernames
        ):
            return pid
    full = {pid: sc for pid, sc in confirmed.items() if not sc.given_only}
    titled = [
        pid for pid, sc in full.items() if any(m.start < len(doc.title) for m in sc.matches)
    ]
    if len(titled) == 1:
        return titled[0]
    return next(iter(full)) if len(full) == 1 else None

def _lead(st: _PageState, pid: str, kind: str, value: str, platform: str | None) -> None:
    key = (pid, kind, value.lower())
    if key not in st.leads:
        st.leads[key] = Lead(
            person=pid, kind=kind, value=value, found_on=st.url, platform=platform
        )


def _distance_pos(pos: int, matches: list[NameMatch]) -> int:
    return _distance(Found("x", pos, pos + 1, ""), matches)


def _closer_redacted(pos: int, matches: list[NameMatch], redact: list[tuple[int, int]]) -> bool:
    """True when an unmatched family name is closer to `pos` than the owner's name."""
    own = _distance_pos(pos, matches)
    for s, e in redact:
        d = s - pos if s > pos else pos - e if pos > e else 0
        if d < own:
            return True
    return False


def _redacted_before(pos: int, matches: list[NameMatch], redact: list[tuple[int, int]]) -> bool:
    """True when the name nearest before `pos` is an unmatched family name, not the owner's."""
    own = max((m.end for m in matches if m.end <= pos), default=-1)
    other = max((e for s, e in redact if e <= pos), default=-1)
    return other > own


def _url_path(url: str) -> str:
    """The path of `url`; "" when it cannot be parsed."""
    try:
        return urlsplit(url).path
    except ValueError:
        return ""


MAX_CAPTION_LEADS = 4
"""Pictures per page followed for the given name in their caption alone (`caption_leads`)."""
_CAPTION_CHARS = 160
"""How much of the text right after a picture is read as its caption (a figcaption, a card's
line): up to the next picture."""


def caption_leads(an: PageAnalyzer, doc: PageDoc, st: _PageState) -> None:
    """Pictures whose alt text or caption gives the first name of a person with reference photos
    ("Lena (6b) schaffte 31 Runden", "Mateo K. and Priya P.", alt "Hildur Björk og Sóley") →
    image leads, on any page, about the family or not: a school's gallery or a club's team page
    names a child by first name only, and only the picture can tell whether it is theirs. The
    lead says nothing about who is in it — the images probe compares its pixels with the
    reference photos and reports a copy alone (platform "caption": the page does not make the
    picture the person's, so neither is the place in its GPS tag)."""
    people = [pf for pf in an.facts if pf.person.photos]
    if not people or not doc.images:
        return
    from .ownsite import _url_owner  # ownsite imports this module

    owned = _url_owner(an, doc.url)
    if owned is not None and owned[0] in st.about:
        return  # a person's own site or account, confirmed: its pictures are theirs to follow
        # (`_leads`), whose GPS tags locate them
    # a picture already followed for someone (a post on the spouse's own blog: its GPS tag is
    # his) is not followed again for the first name in its caption
    followed = {v for (_p, kind, v) in st.leads if kind == "image"}
    taken = 0
    offsets = [img.offset for img in doc.images]
    for k, img in enumerate(doc.images):
        if taken >= MAX_CAPTION_LEADS:
            return
        if img.small or img.alt == "og:image" or _IMG_SKIP.search(img.src):
            continue
        if img.src.lower() in followed:
            continue
        nxt = next((o for o in offsets[k + 1:] if o > img.offset), len(doc.text))
        end = min(nxt, img.offset + _CAPTION_CHARS)
        caption = f"{img.alt}\n{doc.text[img.offset:end]}"
        folded = fold(caption)
        for pf in people:
            if pf.matcher.matches(caption, folded) or pf.matcher.given_only(caption, folded):
                _lead(st, pf.id, "image", img.src, "caption")
                taken += 1
                break
