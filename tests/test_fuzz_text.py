"""Hostile text never crashes the text layer: hypothesis fuzzing of charset decoding, block
detection and the page analyzer, adversarial inputs for every extractor, and a check that no
regular expression in the text layer nests unbounded repeats (the shape of catastrophic
backtracking)."""

from __future__ import annotations

import importlib
import pkgutil
import re
import re._constants as sre_c  # type: ignore[import-not-found]
import re._parser as sre_p  # type: ignore[import-not-found]
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footprint.profile import load_profile
from footprint.web.base import Response
from footprint.web.blocks import detect_block
from footprint.web.charset import decode_body

# The autouse FOOTPRINT_HOME fixture is function-scoped; it only sets an environment variable.
FUZZ = settings(max_examples=120, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# -- charset ----------------------------------------------------------------------------------

CHARSETS = ["utf-8", "UTF8", "iso-8859-1", "latin1", "us-ascii", "windows-1250", "cp1252",
            "utf-16", "utf-16le", "utf-16be", "utf-32", "shift_jis", "euc-kr", "gb2312",
            "koi8-r", "big5", "base64", "rot13", "zlib", "hex", "bz2", "idna", "punycode",
            "utf-7", "undefined", "unicode_escape", "x-user-defined", "", "\"utf-8\"", "'x'",
            "utf-8; q=1", "\x00", "ütf-8"]
content_types = st.one_of(
    st.none(),
    st.sampled_from(CHARSETS).map(lambda c: f"text/html; charset={c}"),
    st.text(max_size=60),
)
bodies = st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=800).map(lambda t: t.encode("utf-8")),
    st.tuples(st.text(max_size=400), st.sampled_from(["utf-16", "utf-32", "cp1250", "latin-1",
                                                      "shift_jis", "utf-8-sig"]))
    .map(lambda p: p[0].encode(p[1], errors="ignore")),
    st.tuples(st.sampled_from(CHARSETS), st.binary(max_size=500))
    .map(lambda p: b'<html><head><meta charset="' + p[0].encode("utf-8", "ignore") + b'">' + p[1]),
)


@FUZZ
@given(body=bodies, ct=content_types)
def test_decode_body_never_crashes(body: bytes, ct: str | None) -> None:
    text = decode_body(body, ct)
    assert isinstance(text, str)
    if body and not text:
        assert body.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"))


@FUZZ
@given(text=st.text(max_size=500).filter(lambda t: "\x00" not in t),
       label=st.sampled_from(["iso-8859-1", "windows-1250", "utf-8", "shift_jis", "bogus"]))
def test_valid_utf8_is_read_as_utf8_whatever_the_label(text: str, label: str) -> None:
    body = text.encode("utf-8")
    if body.startswith(b"\xef\xbb\xbf"):
        return
    assert decode_body(body, f"text/html; charset={label}") == text


# -- block detection --------------------------------------------------------------------------

MARKUP = ["<html>", "<head>", "<title>", "</title>", "<body>", "<div class=\"g-recaptcha\">",
          "<div id=\"px-captcha\">", "<script>", "</script>", "<noscript>", "<style>", "<!--",
          "-->", "<input type=\"password\">", "<h1>", "</h1>", "<p>", "<", ">", "&amp;", "&#35;",
          "Just a moment...", "Access Denied", "Reference&#32;&#35;18&#46;5f", "captcha",
          "verify you are human", "are you a robot", "Log in", "Sign in", "_cf_chl_opt",
          "geo.captcha-delivery.com", "Incapsula incident ID", "window.gokuProps =",
          "Our systems have detected unusual traffic from your computer network", "\x00", "é",
          "Řezníčková"]
html_pieces = st.lists(st.one_of(st.sampled_from(MARKUP), st.text(max_size=40)), max_size=60)
HEADER_NAMES = ["content-type", "cf-mitigated", "x-amzn-waf-action", "x-datadome", "x-dd-b",
                "server", "location"]
headers = st.lists(st.tuples(st.sampled_from(HEADER_NAMES), st.text(max_size=30)), max_size=5)


@FUZZ
@given(status=st.integers(100, 599), hdrs=headers,
       body=st.one_of(st.binary(max_size=2000),
                      html_pieces.map(lambda p: "".join(p).encode("utf-8", "surrogatepass"))),
       url=st.sampled_from(["https://a.example/x", "https://a.example/login", "not a url", ""]),
       requested=st.sampled_from(["", "https://a.example/profile/1", "http://[::1"]))
def test_detect_block_never_crashes(status: int, hdrs: list[tuple[str, str]], body: bytes,
                                    url: str, requested: str) -> None:
    resp = Response(url, status, tuple(hdrs), body, requested_url=requested)
    reason = detect_block(resp)
    assert reason is None or reason.startswith("blocked: ")


WORDS = ["court", "judge", "security", "the", "of", "hearing", "county", "public", "records",
         "privacy", "safety", "officer", "removal", "request", "data", "broker"]
WEAK = ["captcha", "are you a robot?", "verify you are human", "press & hold", "unusual traffic",
        "g-recaptcha", "Log in", "Sign in to view", "checking your browser"]


@settings(FUZZ, max_examples=40)
@given(sentence=st.lists(st.sampled_from(WORDS), min_size=30, max_size=50),
       weak=st.lists(st.sampled_from(WEAK), min_size=1, max_size=6),
       where=st.lists(st.integers(0, 449), min_size=6, max_size=6))
def test_an_article_that_talks_about_captchas_is_not_a_block(sentence: list[str],
                                                              weak: list[str],
                                                              where: list[int]) -> None:
    words = sentence * 15  # an article of 450+ words
    for phrase, at in zip(weak, where[: len(weak)], strict=True):
        words.insert(at, phrase)
    html = f"<html><head><title>News</title></head><body><article><p>{' '.join(words)}</p>"
    html += '<form><input type="password" name="pw"></form></article></body></html>'
    assert detect_block(Response("https://news.example/a", 200, (), html.encode())) is None


# -- the analyzer -----------------------------------------------------------------------------

PROFILE_US = """
[audit]
jurisdiction = "US-CA"
[consent]
authorized_by = "Hon. Jane Q. Doe"
authorized_on = 2026-11-20
purpose = "self-audit"
statement = "I authorize a search of public sources for my own information."
[subject]
id = "judge"
name = "Jane Quinn Doe"
aliases = ["Jane Doe", "J. Q. Doe"]
city = "Santa Rosa"
region = "CA"
birth_year = 1971
phones = ["+1 707 555 0143"]
emails = ["janeqdoe@example.com"]
usernames = ["jqdoe71"]
  [[subject.addresses]]
  label = "home"
  street = "1180 Hidden Oak Lane"
  city = "Santa Rosa"
  region = "CA"
  postal_code = "95404"
  country = "US"
[[relatives]]
id = "spouse"
relation = "spouse"
name = "Mark Doe"
consent = true
employer = "Sonoma Valley Hospital"
[[relatives]]
id = "kid"
relation = "child"
name = "Lily Doe"
consent = true
minor = true
school = "Hidden Valley Elementary"
[probes]
enabled = ["web"]
"""

PROFILE_CZ = """
[audit]
jurisdiction = "CZ"
language = "cs"
[consent]
authorized_by = "JUDr. Jana Řezníčková"
authorized_on = 2026-11-20
purpose = "self-audit"
statement = "Souhlasím s vyhledáním veřejných informací o mně."
[subject]
id = "judge"
name = "Jana Řezníčková"
city = "Brno"
phones = ["+420 601 234 567"]
  [[subject.addresses]]
  label = "home"
  street = "Údolní 53"
  city = "Brno"
  postal_code = "602 00"
  country = "CZ"
[probes]
enabled = ["web"]
"""


@pytest.fixture(scope="module")
def analyzers(tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    pytest.importorskip("footprint.analyze.page")
    from footprint.analyze.page import PageAnalyzer

    out = []
    for i, text in enumerate((PROFILE_US, PROFILE_CZ)):
        path = Path(tmp_path_factory.mktemp("fuzzprof")) / f"p{i}.toml"
        path.write_text(text, encoding="utf-8")
        out.append(PageAnalyzer(load_profile(path)))
    return out


PAGE_PIECES = [
    "<a href=\"//[::1\">", "<img src=\"http://[x\">",
    "<div>", "</div>", "<li>", "</li>", "<ul>", "<table><tr><td>", "</td><td>", "</td></tr>",
    "<span>", "</span>", "<br>", "<p>", "<a href=\"https://instagram.com/jqdoe71\">", "</a>",
    "<a href=\"javascript:x\">", "<img src=\"/p.jpg\" alt=\"Jane\">",
    "<script type=\"application/ld+json\">", "</script>", "<style>", "<!--", "-->",
    "<![CDATA[", "]]>", "<h2>Relatives</h2>", "<h2>Associated persons</h2>", "Age ", "Born ",
    "Jane Quinn Doe", "Jane Doe", "DOE JANE Q", "Doe, Jane", "Mark Doe", "Lily Doe", "Santa Rosa",
    "Santa Rosa, CA 95404", "1180 Hidden Oak Lane", "1180 Hidden Oak Ln", "(707) 555-0143",
    "+1 707 555 0143", "707.555.0143", "janeqdoe@example.com", "jqdoe71", "@jqdoe71",
    "Hidden Valley Elementary", "Sonoma Valley Hospital", "born March 3, 1971", "age 55", "54",
    "Jana Řezníčková", "Janou Řezníčkovou", "Údolní 53, 602 00 Brno", "+420 601 234 567",
    "License plate 7ABC123", "2019 Toyota Camry", "{\"@type\": \"Person\", \"name\": \"Jane Doe\", "
    "\"address\": {\"streetAddress\": \"1180 Hidden Oak Lane\"}}", "{\"@graph\": [[[[", "null",
    "&nbsp;", "&amp;", "&#0;", "&#xD800;", "\u00ad", "\u200b", "\ufeff", "\x00", "\n", "  ",
]
pages = st.lists(st.one_of(st.sampled_from(PAGE_PIECES), st.text(max_size=30)), max_size=80)

# Crashes this fuzzing found in the analyzer (fixed), kept as regression cases.
FOUND_CRASHES = [
    pytest.param("https://a.example/", "<p>\u00ad</p>", id="text-node-of-only-invisible-chars"),
    pytest.param("https://a.example/", "<p>\u200b\ufeff</p>", id="text-node-of-zero-width-chars"),
    pytest.param("https://a.example/", '<a href="//[::1">x</a>', id="link-with-broken-ipv6-host"),
    pytest.param("https://a.example/", '<img src="//[::1"><meta property="og:image" '
                 'content="//[::1">', id="image-with-broken-ipv6-host"),
    pytest.param("http://[::1", "<p>Jane Doe, Santa Rosa</p><a href='/x'>x</a>",
                 id="page-url-with-broken-ipv6-host"),
]


@pytest.mark.parametrize(("url", "html"), FOUND_CRASHES)
def test_found_analyzer_crashes_stay_fixed(analyzers: list[Any], url: str, html: str) -> None:
    from footprint.analyze import PageResult

    for an in analyzers:
        assert isinstance(an.analyze_html(url, html), PageResult)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(pieces=pages, which=st.integers(0, 1),
       url=st.sampled_from(["https://www.example-people.com/jane-doe", "https://court.ca.gov/x",
                            "https://instagram.com/jqdoe71", "https://a.example/%ZZ?x=[1]",
                            "http://[::1"]))
def test_analyze_html_never_crashes(analyzers: list[Any], pieces: list[str], which: int,
                                    url: str) -> None:
    from footprint.analyze import PageResult

    html = "".join(pieces)
    an = analyzers[which]
    result = an.analyze_html(url, html)
    assert isinstance(result, PageResult)
    ids = {p.id for p in an.profile.people}
    assert all(e.person in ids for e in result.exposures)
    assert all(0.0 <= e.confidence <= 1.0 for e in result.exposures)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=st.text(max_size=3000))
def test_analyze_random_text_never_crashes(analyzers: list[Any], text: str) -> None:
    for an in analyzers:
        an.analyze_html("https://a.example/", text)


# -- adversarial inputs -----------------------------------------------------------------------

ADVERSARIAL = [
    "1" * 10000, "a@" * 5000, "a." * 5000, "@" * 10000, "a@b." * 2500, "-" * 10000,
    "1-" * 5000, "1 " * 5000, "+1" * 5000, "(" * 5000 + ")" * 5000, "." * 10000,
    " " * 10000, "\n" * 10000, "a" * 10000, "A " * 5000, "Doe " * 1000, "Jane " * 2500,
    "Jane Doe " * 500, "born " * 2000, "age " * 2000, "Street " * 1500, "1180 " * 2000,
    "Hidden Oak " * 1000, "CA 95404 " * 40, "Santa Rosa, " * 800, "https://" * 1200,
    "@@jqdoe71" * 1000, "x" * 64 + "@" + "y." * 4000, "1/1/" * 2500, "19" * 5000,
    "ŘŘ" * 5000, "ž" * 10000, "<" * 10000, "<div>" * 2000, "<a href='" * 2000,
    "<script>" * 2000, "&#" * 5000, "\\" * 10000,
]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=lambda t: f"{t[:8]!r}x{len(t)}")
def test_extractors_finish_on_adversarial_text(analyzers: list[Any], text: str) -> None:
    """Each extractor, the known-address matcher and the whole analyzer run to the end on
    inputs built to trip backtracking (a regression would hang this test visibly; the static
    check below is what rules the shape out)."""
    from footprint.analyze.names import fold

    for an in analyzers:
        folded = fold(text)
        for ex in an.extractors:
            list(ex.extract(text, folded, an.ctx))
        from footprint.analyze.match.tokens import Tokens

        tokens = Tokens.of(folded)
        an.known.find(text, folded, tokens)
        an.orgs.find(text, folded, tokens)
        for pf in an.facts:
            pf.matcher.matches(text, folded)
        an.analyze_html("https://a.example/", f"<html><body><p>{text}</p></body></html>")
    detect_block(Response("https://a.example/", 200, (), text.encode("utf-8")))
    decode_body(text.encode("utf-8"), "text/html; charset=iso-8859-1")


# -- no nested unbounded repeats ------------------------------------------------------------

_REPEATS = {sre_c.MAX_REPEAT, sre_c.MIN_REPEAT}


def _nested_unbounded(parsed: Any, outer: bool = False) -> bool:
    """True when an unbounded repeat sits inside another (`(a+)+`, `(\\w+\\s?)*`), the shape
    that backtracks exponentially. Possessive repeats and atomic groups never backtrack."""
    for op, av in parsed:
        if op in _REPEATS:
            _lo, hi, sub = av
            unbounded = hi == sre_c.MAXREPEAT
            if unbounded and outer:
                return True
            if _nested_unbounded(sub, outer or unbounded):
                return True
        elif op == sre_c.SUBPATTERN:
            if _nested_unbounded(av[3], outer):
                return True
        elif op == sre_c.BRANCH:
            if any(_nested_unbounded(b, outer) for b in av[1]):
                return True
        elif op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
            if _nested_unbounded(av[1], outer):
                return True
        elif op == sre_c.GROUPREF_EXISTS:
            if _nested_unbounded(av[1], outer) or (av[2] and _nested_unbounded(av[2], outer)):
                return True
    return False


def _patterns(value: Any, depth: int = 0) -> list[re.Pattern[Any]]:
    if isinstance(value, re.Pattern):
        return [value]
    if depth < 3 and isinstance(value, (list, tuple, set, frozenset)):
        return [p for v in value for p in _patterns(v, depth + 1)]
    if depth < 3 and isinstance(value, dict):
        return [p for v in value.values() for p in _patterns(v, depth + 1)]
    return []


def _text_layer_patterns() -> list[tuple[str, re.Pattern[Any]]]:
    names = ["footprint.web.blocks", "footprint.web.charset", "footprint.web.http"]
    try:
        import footprint.analyze as analyze_pkg

        names += [f"footprint.analyze.{m.name}" for m in pkgutil.iter_modules(analyze_pkg.__path__)]
    except ImportError:
        pass
    found = []
    for name in names:
        try:
            mod = importlib.import_module(name)
        except ImportError:
            continue  # an optional extra (faces) that is not installed
        for attr, value in vars(mod).items():
            found += [(f"{name}.{attr}", p) for p in _patterns(value)]
    return found


def test_the_lint_catches_the_dangerous_shapes() -> None:
    for bad in [r"(a+)+", r"(?:\w+\s?)*$", r"(x|y+)*z", r"((ab)*c)*"]:
        assert _nested_unbounded(sre_p.parse(bad)), bad
    for ok in [r"a+b+", r"(?:ab){0,50}", r"(?:\s{0,3}\w{1,20}){0,5}", r"[a-z]+@[a-z]+",
               r"(?>a+)+", r"(?:a++)*"]:
        assert not _nested_unbounded(sre_p.parse(ok)), ok


def test_no_text_layer_regex_nests_unbounded_repeats() -> None:
    patterns = _text_layer_patterns()
    assert len(patterns) > 20  # the walk really found the modules' patterns
    bad = [name for name, p in patterns if _nested_unbounded(sre_p.parse(p.pattern, p.flags))]
    assert bad == []
