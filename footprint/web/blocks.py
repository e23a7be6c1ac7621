"""Recognise block, captcha and challenge pages, so they become "not checked", never "absent"."""

from __future__ import annotations

import re

from .base import Response

# Markers of anti-bot interstitials (Cloudflare, DataDome, PerimeterX/HUMAN, Akamai, hCaptcha,
# reCAPTCHA, generic). Matched case-insensitively in the first 64 KB of the body.
CHALLENGE_MARKERS: tuple[tuple[str, str], ...] = (
    ("cloudflare challenge", r"cf-chl-|challenge-platform|cf_chl_opt|Just a moment\.\.\."),
    ("cloudflare block", r"Attention Required! \| Cloudflare|cf-error-details"),
    ("datadome", r"captcha-delivery\.com|datadome"),
    ("perimeterx", r"px-captcha|_pxAppId|Press &amp; Hold|Press & Hold"),
    ("akamai", r"Access Denied</title>.{0,400}Reference #|ak_bmsc"),
    ("hcaptcha", r"hcaptcha\.com/1/api\.js|h-captcha"),
    ("recaptcha", r"google\.com/recaptcha|g-recaptcha"),
    ("captcha", r"\bverify (?:that )?you are (?:a )?human\b|are you a robot|unusual traffic"),
)
_COMPILED = tuple((name, re.compile(rx, re.I | re.S)) for name, rx in CHALLENGE_MARKERS)
BLOCK_STATUSES = {401: "login required", 403: "forbidden", 429: "rate limited", 451: "unavailable for legal reasons", 503: "service unavailable"}


def detect_block(resp: Response) -> str | None:
    """A short reason ("blocked: HTTP 429 rate limited", "blocked: cloudflare challenge") when the
    response is a block or challenge page, else None."""
    head = resp.body[:65536].decode("utf-8", "replace") if resp.body else ""
    for name, rx in _COMPILED:
        if rx.search(head):
            return f"blocked: {name} (HTTP {resp.status})"
    if resp.status in BLOCK_STATUSES:
        return f"blocked: HTTP {resp.status} {BLOCK_STATUSES[resp.status]}"
    return None
