"""Demo generator: the fictitious family's facts, the page and ground-truth records, HTML helpers.

Everything here is invented (docs/demo-contract): 555-01xx phones, example.* e-mail domains,
reserved host names for every site that is not a data broker or a social platform.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import UTC, datetime

esc = html.escape

CAPTURED = datetime(2026, 11, 1, 9, 0, 0, tzinfo=UTC)
"""When the demo web was "crawled": every WARC date counts up from here."""

HOME_LAT, HOME_LON = 38.4482, -122.6863
"""2417 Alderbrook Drive, Santa Rosa (fictitious coordinates of the home)."""

RIDE_LAT, RIDE_LON = 38.4490, -122.6858
"""Where the family-ride photo was "taken": about 100 m from the home."""

# --- the ground truth ------------------------------------------------------------------------


@dataclass(frozen=True)
class Truth:
    """One exposure a perfect audit reports (DESIGN.md §3, §6)."""

    person: str
    """Profile id of the person exposed."""
    category: str
    """A Category value."""
    url: str
    """The page that shows it."""
    severity: str
    """A Severity value, by the rubric of DESIGN.md §3."""
    identifier: str | None
    """The profile value it matches, by reference ("home", "phones[0]"), or None."""
    note: str
    """Why this is an exposure, in a few words (no personal values beyond the demo's)."""
    image_url: str | None = None
    """For photo and geolocation: the image."""
    alt_persons: tuple[str, ...] = ()
    """Other profile ids an audit may fairly attribute the same exposure to (a photo of a
    shared home, GPS tags near the family's house): a finding for one of them also counts."""

    def as_dict(self) -> dict[str, object]:
        d: dict[str, object] = {
            "person": self.person,
            "category": self.category,
            "url": self.url,
            "severity": self.severity,
            "identifier": self.identifier,
            "note": self.note,
        }
        if self.image_url:
            d["image_url"] = self.image_url
        if self.alt_persons:
            d["alt_persons"] = list(self.alt_persons)
        return d


@dataclass(frozen=True)
class Resource:
    """One HTTP response stored in the archive."""

    url: str
    """The URL the response answers (WARC-Target-URI)."""
    body: bytes
    """The payload, already encoded in the charset of `content_type`."""
    content_type: str
    """Full Content-Type header value, with charset for text."""
    status: int = 200
    """HTTP status code."""
    headers: tuple[tuple[str, str], ...] = ()
    """Extra response headers (Server, Cache-Control, cf-ray …)."""


@dataclass
class Web:
    """What the generator builds: the archive's responses and the ground truth about them."""

    resources: list[Resource] = field(default_factory=list)
    """Every response, in the order it is written to the WARC."""
    truth: list[Truth] = field(default_factory=list)
    """Exposures as the page builders declare them (merged per key on output)."""
    namesake_urls: list[str] = field(default_factory=list)
    """Pages about other people with the family's names: no confirmed finding allowed."""
    not_checked_urls: list[str] = field(default_factory=list)
    """Pages that block the audit: they must be reported as not checked."""
    non_consenting_urls: list[str] = field(default_factory=list)
    """Pages about the relative who did not consent: nothing may be reported from them."""

    def page(self, url: str, doc: str, *, status: int = 200, charset: str = "utf-8",
             server: str = "nginx", headers: tuple[tuple[str, str], ...] = ()) -> str:
        if any(r.url == url for r in self.resources):
            raise ValueError(f"demo: two responses for one URL: {url}")
        self.resources.append(Resource(
            url, doc.encode(charset), f"text/html; charset={charset}", status,
            (("Server", server), *headers)))
        return url

    def image(self, url: str, data: bytes, *, server: str = "nginx") -> str:
        self.resources.append(Resource(url, data, "image/jpeg", 200, (("Server", server),)))
        return url

    def add(self, *entries: Truth) -> None:
        self.truth.extend(entries)

    def merged_truth(self) -> list[Truth]:
        """One entry per (person, category, url): identifiers and notes of duplicates are
        joined, the most severe severity wins."""
        order = ["critical", "high", "medium", "low", "info"]
        out: dict[tuple[str, str, str], Truth] = {}
        for t in self.truth:
            key = (t.person, t.category, t.url)
            old = out.get(key)
            if old is None:
                out[key] = t
                continue
            sev = min(old.severity, t.severity, key=order.index)
            ident = old.identifier or t.identifier
            note = old.note if t.note in old.note else f"{old.note}; {t.note}"
            out[key] = Truth(old.person, old.category, old.url, sev, ident, note,
                             old.image_url or t.image_url,
                             tuple(dict.fromkeys(old.alt_persons + t.alt_persons)))
        return list(out.values())


# --- HTML ------------------------------------------------------------------------------------


def document(title: str, body: str, *, css: str = "", head: str = "", lang: str = "en",
             charset: str = "utf-8", body_class: str = "") -> str:
    """A complete HTML page with inline style only (the demo never loads anything remote)."""
    cls = f' class="{body_class}"' if body_class else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="{charset}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n{head}"
        f"<style>img{{max-width:100%;height:auto}}{css}</style>\n</head>\n<body{cls}>\n{body}\n</body>\n</html>\n"
    )


def cookie_banner(site: str, policy_url: str) -> str:
    return (
        '<div class="cookie-banner" role="dialog" aria-label="Cookie consent">'
        f"<p>{esc(site)} and our partners use cookies and similar technologies to personalise "
        "content and ads, to provide social media features and to analyse our traffic. "
        f'See our <a href="{esc(policy_url)}">Privacy Policy</a>.</p>'
        '<button class="accept">Accept all</button> <button class="manage">Manage '
        "choices</button></div>"
    )


def ad_slot(label: str, text: str, href: str = "https://ads.adnetwork.example/click") -> str:
    return (
        f'<aside class="ad" data-ad-slot="{esc(label)}"><span class="ad-label">Advertisement'
        f'</span><a href="{esc(href)}" rel="sponsored nofollow">{text}</a></aside>'
    )


def paragraphs(*texts: str) -> str:
    return "\n".join(f"<p>{t}</p>" for t in texts)
