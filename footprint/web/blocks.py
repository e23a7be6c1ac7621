"""Recognise block, captcha, challenge and login-wall pages, so they become "not checked", never
"absent".

Three strengths of evidence, because a false "blocked" hides a real exposure page from the
analyzer as surely as a missed block reports a challenge page as "nothing found":

1. Headers a vendor documents for its challenges (`cf-mitigated: challenge`,
   `x-amzn-waf-action`), and markup found only on interstitials (Cloudflare's `_cf_chl_opt`,
   DataDome's `captcha-delivery.com` frame, PerimeterX's `#px-captcha`, Akamai's reference
   number, Imperva's incident id, Google's "unusual traffic" page): decisive anywhere.
2. Captcha widgets and "verify you are human" style phrases: they also appear on ordinary pages
   (a contact form with reCAPTCHA, an article about captchas), so they count only on a page that
   looks like an interstitial — little visible text.
3. Login walls: a redirect that lands on a login URL the caller did not ask for, or a short page
   whose title or heading asks to log in and that has a password field.

Vendor scripts that ordinary pages also load (Cloudflare's `/cdn-cgi/challenge-platform/scripts/
jsd/`, PerimeterX's `_pxAppId`, DataDome's `js.datadome.co` tag, Imperva's `_Incapsula_Resource`)
are deliberately not markers. Finally, statuses 401/403/429/451/503 are blocks by themselves.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .base import Response

_HEAD = 65536  # markers are looked for in the first 64 KB of the body
_PAGE_TEXT_LIMIT = 1_000_000  # bytes parsed to measure a page's visible text
_INTERSTITIAL_CHARS = 2000  # visible text below this looks like an interstitial

# (name, pattern): markup seen only on block or challenge pages. Case-insensitive, first 64 KB.
CHALLENGE_MARKERS: tuple[tuple[str, str], ...] = (
    ("cloudflare challenge",
     r"_cf_chl_opt|/cdn-cgi/challenge-platform/h/|<title>\s*Just a moment\.\.\.\s*</title>"
     r"|id=[\"']challenge-error-text|cf-browser-verification|cf-im-under-attack"),
    ("cloudflare block",
     r"<title>\s*Attention Required! \| Cloudflare\s*</title>|cf-error-details"
     r"|Sorry, you have been blocked\s*</h1>"),
    ("datadome", r"(?:geo|ct|interstitial)\.captcha-delivery\.com"),
    ("perimeterx",
     r"id=[\"']px-captcha[\"']|<title>\s*Access to this page has been denied\.?\s*</title>"),
    ("akamai",
     # Akamai writes the reference with entities ("Reference&#32;&#35;18&#46;5f3b…").
     r"<title>\s*Access Denied\s*</title>.{0,1200}?Reference(?:\s|&#32;)*(?:#|&#35;)\s*\d+"
     r"(?:\.|&#46;)[0-9a-f]+|errors(?:\.|&#46;)edgesuite(?:\.|&#46;)net"
     r"|/_sec/cp_challenge/|sec-if-cpt-container"),
    ("imperva", r"Incapsula incident ID|Request unsuccessful\. Incapsula"),
    ("aws waf", r"window\.gokuProps\s*="),
    ("sucuri", r"<title>\s*Sucuri WebSite Firewall - Access Denied"),
    ("ddos-guard", r"<title>\s*DDoS-Guard\s*</title>"),
    ("captcha", r"Our\s+systems\s+have\s+detected\s+unusual\s+traffic\s+from\s+your\s+computer"),
)

# Markup of captcha widgets and challenge phrases: decisive only on an interstitial-like page.
WIDGET_MARKERS: tuple[tuple[str, str], ...] = (
    ("recaptcha", r"class=[\"'][^\"']*\bg-recaptcha\b|google\.com/recaptcha/|recaptcha/api\.js"),
    ("hcaptcha", r"class=[\"'][^\"']*\bh-captcha\b|hcaptcha\.com/1/api\.js"),
    ("turnstile", r"class=[\"'][^\"']*\bcf-turnstile\b|challenges\.cloudflare\.com/turnstile"),
    ("captcha", r"<(?:iframe|img|div|form|input)\b[^>]{0,300}?\b(?:id|name|src|action)=[\"']"
                r"[^\"']{0,200}?captcha"),
)
CHALLENGE_PHRASES = re.compile(
    r"verify (?:that )?you are (?:a )?human|are you a robot|i'?m not a robot"
    r"|checking (?:if the site connection is secure|your browser)"
    r"|enable javascript and cookies to continue|press (?:&amp;|&|and) hold"
    r"|unusual traffic|please complete the security check|solve (?:the|this) captcha",
    re.I,
)
LOGIN_PHRASES = re.compile(
    r"\b(?:log ?in|sign ?in)\b|you must log in|join (?:linkedin|now) to see|create an account to"
    r" (?:see|view|continue)|members only",
    re.I,
)
_LOGIN_PATH = re.compile(
    r"(?:^|/)(?:login|log-in|signin|sign-in|sign_in|authwall|accounts/login|users/sign_in"
    r"|session/new|auth/login|checkpoint/lg)(?:[/.?]|$)",
    re.I,
)
_PASSWORD = re.compile(r"<input\b[^>]{0,300}?type=[\"']?password", re.I)

_COMPILED = tuple((name, re.compile(rx, re.I | re.S)) for name, rx in CHALLENGE_MARKERS)
_WIDGETS = tuple((name, re.compile(rx, re.I | re.S)) for name, rx in WIDGET_MARKERS)
BLOCK_STATUSES = {401: "login required", 403: "forbidden", 429: "rate limited",
                  451: "unavailable for legal reasons", 503: "service unavailable"}


def _text_body(resp: Response) -> bool:
    ct = resp.content_type
    return not ct or ct.startswith("text/") or ct in (
        "application/xhtml+xml", "application/json", "application/xml")


def _header_challenge(resp: Response) -> str | None:
    if (resp.header("cf-mitigated") or "").strip().lower() == "challenge":
        return "cloudflare challenge"
    if (resp.header("x-amzn-waf-action") or "").strip().lower() in ("captcha", "challenge"):
        return "aws waf"
    if resp.status in (403, 429):
        if resp.header("x-datadome") is not None or resp.header("x-dd-b") is not None:
            return "datadome"
        server = (resp.header("server") or "").lower()
        if server.startswith("ddos-guard"):
            return "ddos-guard"
        if server == "akamaighost" and resp.status == 403:
            return "akamai"
    return None


def _page_shape(body: bytes) -> tuple[str, str, int]:
    """Title, first heading and visible-text length of an HTML body (scripts and styles
    dropped). Parsed with lexbor: linear time, whatever the markup."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(body[:_PAGE_TEXT_LIMIT].decode("utf-8", "replace"))
    for node in tree.css("script, style, noscript, template, svg"):
        node.decompose()
    title_node = tree.css_first("title")
    heading_node = tree.css_first("h1, h2")
    text = tree.body.text(separator=" ", strip=True) if tree.body is not None else ""
    return (title_node.text(strip=True) if title_node else "",
            heading_node.text(strip=True) if heading_node else "",
            len(" ".join(text.split())))


def _login_redirect(resp: Response) -> bool:
    if not resp.requested_url or resp.requested_url == resp.url:
        return False
    try:
        asked, landed = urlsplit(resp.requested_url), urlsplit(resp.url)
    except ValueError:  # an unparsable URL ("http://[::1") is not evidence of anything
        return False
    return bool(_LOGIN_PATH.search(landed.path)) and not _LOGIN_PATH.search(asked.path)


def detect_challenge(resp: Response) -> str | None:
    """The vendor or kind of a challenge, captcha or login wall this response shows
    ("cloudflare challenge", "recaptcha", "login wall"…), judged from headers and content
    only, ignoring the status; None for an ordinary page."""
    found = _header_challenge(resp)
    if found:
        return found
    if _login_redirect(resp):
        return "login wall"
    if not resp.body or not _text_body(resp):
        return None
    head = resp.body[:_HEAD].decode("utf-8", "replace")
    for name, rx in _COMPILED:
        if rx.search(head):
            return name
    widget = next((name for name, rx in _WIDGETS if rx.search(head)), None)
    phrase = CHALLENGE_PHRASES.search(head) is not None
    password = _PASSWORD.search(head) is not None
    if widget is None and not phrase and not password:
        return None
    title, heading, visible = _page_shape(resp.body)
    if visible >= _INTERSTITIAL_CHARS:
        return None
    if widget is not None:
        return widget
    if phrase:
        return "captcha"
    if LOGIN_PHRASES.search(title) or LOGIN_PHRASES.search(heading):
        return "login wall"
    return None


def detect_block(resp: Response) -> str | None:
    """A short reason ("blocked: HTTP 429 rate limited", "blocked: cloudflare challenge (HTTP
    403)") when the response is a block, challenge or login wall, else None."""
    name = detect_challenge(resp)
    if name:
        return f"blocked: {name} (HTTP {resp.status})"
    if resp.status in BLOCK_STATUSES:
        return f"blocked: HTTP {resp.status} {BLOCK_STATUSES[resp.status]}"
    return None
