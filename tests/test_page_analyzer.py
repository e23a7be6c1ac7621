"""PageAnalyzer end to end on saved pages: the international fixtures (UK, Czech) reach the
precision and recall the issue asks for, namesake blocks never yield a confirmed finding, a
non-consenting relative never appears, and the attribution rules of DESIGN.md §3 hold on small
hand-written pages (listing blocks, relatives, schools, workplaces, vehicles, leads, official
pages)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footprint.analyze import Analyzer, PageResult
from footprint.analyze.page import PageAnalyzer
from footprint.model import Category, Hit
from footprint.profile import Profile, load_profile
from footprint.web.base import Response

FIXTURES = Path(__file__).parent / "fixtures" / "intl"
TODAY = dt.date(2026, 11, 22)


def page(*paragraphs: str) -> str:
    return "<html><body>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>"


def run_fixture(name: str) -> tuple[Profile, dict[str, PageResult], dict]:
    base = FIXTURES / name
    profile = load_profile(base / "profile.toml")
    pages = json.loads((base / "pages.json").read_text(encoding="utf-8"))
    truth = json.loads((base / "truth.json").read_text(encoding="utf-8"))
    analyzer = PageAnalyzer(profile, today=TODAY)
    results = {
        url: analyzer.analyze_html(
            url, (base / f).read_text(encoding="utf-8"), source="web", probe="web"
        )
        for url, f in pages.items()
    }
    return profile, results, truth


def scores(profile: Profile, results: dict[str, PageResult], truth: dict) -> tuple[float, float]:
    """Precision and recall of confirmed, non-mention findings on (person, category, url,
    identifier)."""
    thr = profile.audit.threshold
    got = {
        (e.person, e.category.value, url, e.identifier)
        for url, r in results.items()
        for e in r.exposures
        if e.confidence >= thr and e.category != Category.MENTION
    }
    want = {
        (f["person"], f["category"], f["url"], f["identifier"])
        for f in truth["findings"]
        if f["category"] != "mention"
    }
    tp = len(got & want)
    precision = tp / len(got) if got else 1.0
    recall = tp / len(want) if want else 1.0
    return precision, recall


@pytest.mark.parametrize("name", ["uk", "cz"])
def test_fixture_precision_and_recall(name: str) -> None:
    profile, results, truth = run_fixture(name)
    precision, recall = scores(profile, results, truth)
    assert precision >= 0.95, f"{name}: precision {precision:.2f}"
    assert recall >= 0.95, f"{name}: recall {recall:.2f}"


@pytest.mark.parametrize("name", ["uk", "cz"])
def test_fixture_namesakes_never_confirmed(name: str) -> None:
    profile, results, truth = run_fixture(name)
    thr = profile.audit.threshold
    for url in truth["namesake_urls"]:
        confirmed = [e for e in results[url].exposures if e.confidence >= thr]
        assert confirmed == [], url
        # still listed for review, never silently dropped
        assert results[url].exposures, url
    bad = set(truth["namesake_values"])
    for r in results.values():
        for e in r.exposures:
            if e.confidence >= thr:
                assert e.value not in bad, (e.person, e.category, e.value)


@pytest.mark.parametrize("name", ["uk", "cz"])
def test_fixture_non_consenting_relative_never_appears(name: str) -> None:
    profile, results, truth = run_fixture(name)
    excluded_ids = {x.id for x in profile.excluded}
    for r in results.values():
        for e in r.exposures:
            assert e.person not in excluded_ids
            for word in truth["never_named"]:
                assert word not in e.value and word not in e.context
        for lead in r.leads:
            assert lead.person not in excluded_ids


def test_fixture_mentions_and_official_page() -> None:
    profile, results, truth = run_fixture("uk")
    url = "https://www.judiciary.uk/judges/district-judge-catherine-holloway/"
    (mention,) = results[url].exposures
    assert mention.category == Category.MENTION and mention.person == "judge"
    assert mention.attr("official") == "1"
    assert "court" in mention.rules


def test_fixture_rules_are_recorded() -> None:
    _profile, results, _truth = run_fixture("cz")
    r = results["https://www.adresar-osob.example.cz/hledat?jmeno=Katerina+Reznickova"]
    home = next(e for e in r.exposures if e.category == Category.HOME_ADDRESS)
    assert home.person == "judge" and home.identifier == "home"
    assert {"name_first_last", "name_folded", "known_address", "known_phone"} <= set(home.rules)
    assert home.attr("label") == "home"


# --- hand-written pages on the US demo family ---------------------------------------------------


@pytest.fixture(scope="module")
def demo() -> PageAnalyzer:
    return PageAnalyzer(load_profile(FIXTURES / "us" / "profile.toml"), today=TODAY)


def _by(result: PageResult, person: str, category: Category) -> list:
    return [e for e in result.exposures if e.person == person and e.category == category]


LISTING = """<html><head><title>Eleanor Whitfield in Santa Rosa, CA</title></head><body>
<h1>Eleanor Whitfield in Santa Rosa, CA</h1>
<div class="card"><h2>Eleanor R Whitfield</h2><div>Age 58</div>
<h3>Current Address</h3><div>2417 Alderbrook Dr</div><div>Santa Rosa, CA 95405</div>
<h3>Phone</h3><div>(707) 555-0142</div><div>(707) 555-0199</div>
<h3>Past Addresses</h3><div>88 Quarry Rd, Petaluma, CA 94952</div>
<div>12 Elm St, Napa, CA 94558</div>
<h3>Relatives</h3><div>Daniel Whitfield, Sophie Whitfield, Lucas Whitfield, Margaret Marsh</div>
<div>Social: <a href="https://account.venmo.com/u/lucasw96">Lucas on Venmo</a></div>
<img src="/photos/e1.jpg" alt="photo"></div>
<div class="card"><h2>Eleanor Whitfield</h2><div>Age 31</div><h3>Current Address</h3>
<div>5500 Oak Hollow Ln Apt 4</div><div>Austin, TX 78731</div><div>(512) 555-0100</div></div>
<div class="card"><h2>Eleanor M Whitfield</h2><div>Age 74</div>
<div>61 Pine St, Bend, OR 97701</div><div>(541) 555-0111</div></div>
</body></html>"""


def test_listing_blocks_attribute_values_and_relatives(demo: PageAnalyzer) -> None:
    r = demo.analyze_html(
        "https://people.example/eleanor-whitfield", LISTING, source="people-search", probe="brokers"
    )
    home = _by(r, "judge", Category.HOME_ADDRESS)
    assert [e.identifier for e in home] == ["home"]
    assert home[0].attr("label") == "home" and home[0].confidence >= 0.9
    phones = {e.value: e.identifier for e in _by(r, "judge", Category.PHONE)}
    assert phones == {"+17075550142": "phones[0]", "+17075550199": None}
    addresses = {
        e.value: (e.identifier, e.attr("label")) for e in _by(r, "judge", Category.ADDRESS)
    }
    assert addresses == {
        "88 Quarry Rd, Petaluma, CA 94952": ("previous", "previous"),
        "12 Elm St, Napa, CA 94558": (None, "previous"),
    }
    (age,) = _by(r, "judge", Category.BIRTH_DATE)
    assert age.value == "58" and age.attr("age") == "58"
    rel = {e.person: e for e in r.exposures if e.category == Category.RELATIVE}
    assert set(rel) == {"spouse", "child", "mother"}
    assert rel["child"].attr("minor") == "1" and rel["spouse"].attr("minor") is None
    # namesakes: nothing from the Austin or Bend blocks
    values = {e.value for e in r.exposures}
    assert not values & {"+15125550100", "+15415550111", "31", "74"}
    assert not any("Oak Hollow" in v or "Pine St" in v for v in values)
    # the non-consenting son: never in a value or context, his Venmo is not a lead
    for e in r.exposures:
        assert "Lucas" not in e.value and "Lucas" not in e.context
    assert all(lead.value != "lucasw96" for lead in r.leads)
    assert ("judge", "image") in {(lead.person, lead.kind) for lead in r.leads}
    assert set(r.about) == {"judge", "spouse", "child", "mother"}


def test_listing_frame_is_not_judged(demo: PageAnalyzer) -> None:
    html = LISTING.replace(
        '<div class="card"><h2>Eleanor R Whitfield</h2>',
        '<div class="card"><h2>Eleanor Q Whitfield</h2>',
        1,
    )
    html = html.replace("2417 Alderbrook Dr", "9 Birch Ln").replace(
        "(707) 555-0142", "(707) 555-0177"
    )
    html = html.replace("Age 58", "Age 44").replace(
        "Daniel Whitfield, Sophie Whitfield, Lucas Whitfield, Margaret Marsh", "John Smith"
    )
    html = html.replace("88 Quarry Rd, Petaluma, CA 94952", "1 Main St, Ukiah, CA 95482")
    r = demo.analyze_html("https://people.example/x", html, source="people-search", probe="brokers")
    # the header "Eleanor Whitfield in Santa Rosa, CA" echoes the query: no confirmed finding
    assert all(e.confidence < 0.5 for e in r.exposures)
    assert r.about == ()


def test_news_page_given_names_school_and_near_name_rule(demo: PageAnalyzer) -> None:
    html = """<html><body><article><h1>Bike ride raises funds</h1>
    <p>Organiser Paul Grant, 61, thanked the riders. Call 707-555-0911 to volunteer.</p>
    <p>Judge Eleanor Whitfield of the Sonoma County Superior Court rode with her husband Dan and
    their daughter Sophie, 14, a seventh grader at Brookside Middle School.</p>
    <p>Daniel Whitfield, a nurse manager at Redwood Valley Medical Center, drives a grey 2019
    Subaru Outback with plate 8KXR214 as the support car.</p></article></body></html>"""
    r = demo.analyze_html("https://news.example/ride", html, source="news", probe="web")
    (school,) = _by(r, "child", Category.SCHOOL)
    assert school.identifier == "school" and school.confidence >= 0.5
    assert _by(r, "child", Category.RELATIVE)[0].attr("minor") == "1"
    assert [e.value for e in _by(r, "child", Category.BIRTH_DATE)] == ["14"]
    (work,) = _by(r, "spouse", Category.WORKPLACE)
    assert work.identifier == "employer"
    (car,) = _by(r, "spouse", Category.VEHICLE)
    assert car.value == "8KXR214"
    # the organiser's age and phone are not the family's
    assert not [e for e in r.exposures if e.value in ("61", "+17075550911")]


def test_blog_links_become_handle_leads(demo: PageAnalyzer) -> None:
    html = """<html><body><h1>Dan's rides</h1><p>I'm Daniel Whitfield, a nurse in Santa Rosa.
    Strava: danwhitfield_bikes.</p><p>Lots of text. </p>
    <footer><a href="https://www.instagram.com/dwhitfield.outdoors/">Instagram</a>
    <a href="https://github.com/about">About GitHub</a></footer></body></html>"""
    r = demo.analyze_html("https://dan.example/", html, source="blog", probe="web")
    assert "spouse" in r.about
    handles = {
        (lead.person, lead.value, lead.platform) for lead in r.leads if lead.kind == "handle"
    }
    assert ("spouse", "dwhitfield.outdoors", "instagram") in handles
    assert not any(v == "about" for _p, v, _pl in handles)


def test_name_only_is_a_possible_match(demo: PageAnalyzer) -> None:
    html = page("Eleanor Whitfield wrote a letter to the editor about parking.")
    r = demo.analyze_html("https://letters.example/1", html, source="news", probe="web")
    (m,) = r.exposures
    assert m.category == Category.MENTION and m.confidence < 0.5
    assert "name_only_cap" in m.rules
    assert r.about == ()


def test_official_court_page_is_marked(demo: PageAnalyzer) -> None:
    html = """<html><body><h1>Judge Eleanor R. Whitfield</h1><p>Judge Whitfield was appointed to
    the Superior Court of California, County of Sonoma in 2011.</p>
    <p>Born in 1968 in Petaluma.</p></body></html>"""
    r = demo.analyze_html(
        "https://sonoma.courts.ca.gov/judges/whitfield", html, source="government", probe="web"
    )
    (born,) = _by(r, "judge", Category.BIRTH_DATE)
    assert born.attr("official") == "1" and born.attr("partial") == "1"


def test_social_page_is_personal(demo: PageAnalyzer) -> None:
    html = """<html><body><h1>Ellie Whitfield</h1>
    <p>Santa Rosa, California · Born March 14, 1968</p>
    </body></html>"""
    r = demo.analyze_html(
        "https://www.facebook.com/ellie.whitfield.5", html, source="social", probe="web"
    )
    (born,) = _by(r, "judge", Category.BIRTH_DATE)
    assert born.attr("full_date") == "1" and born.attr("personal") == "1"


def test_json_ld_person_is_its_own_block(demo: PageAnalyzer) -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": "Eleanor R. Whitfield",
        "telephone": "707-555-0187",
        "email": "eleanor.whitfield@example.net",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "2417 Alderbrook Dr",
            "addressLocality": "Santa Rosa",
            "addressRegion": "CA",
            "postalCode": "95405",
        },
        "relatedTo": [{"@type": "Person", "name": "Daniel Whitfield"}],
    }
    html = (
        "<html><head><script type='application/ld+json'>"
        + json.dumps(ld)
        + "</script></head><body><p>Profile page.</p></body></html>"
    )
    r = demo.analyze_html("https://people.example/p/1", html, source="people-search", probe="web")
    cats = {(e.person, e.category.value, e.identifier) for e in r.exposures}
    assert {
        ("judge", "home_address", "home"),
        ("judge", "phone", "phones[1]"),
        ("judge", "email", "emails[0]"),
        ("spouse", "relative", "name"),
    } <= cats


def test_same_value_merged_with_highest_confidence(demo: PageAnalyzer) -> None:
    html = """<html><body><div><p>Eleanor Whitfield, 2417 Alderbrook Dr, Santa Rosa, CA 95405</p>
    <p>Eleanor Whitfield, Santa Rosa. Phone (707) 555-0142. 2417 Alderbrook Drive.</p></div>
    </body></html>"""
    r = demo.analyze_html("https://x.example/", html, source="web", probe="web")
    homes = _by(r, "judge", Category.HOME_ADDRESS)
    assert len({e.value for e in homes}) == len(homes)
    assert len(_by(r, "judge", Category.PHONE)) == 1


def test_analyzer_wrapper_handles_status_and_type(demo: PageAnalyzer) -> None:
    profile = demo.profile
    an = Analyzer(profile)
    hit = Hit(url="https://x.example/", probe="web", person="judge", reason="test")
    blocked = Response("https://x.example/", 429, (("content-type", "text/html"),), b"slow down")
    assert an.analyze(hit, blocked).skipped
    gone = Response("https://x.example/", 404, (("content-type", "text/html"),), b"")
    assert an.analyze(hit, gone) == PageResult()
    ok = Response(
        "https://x.example/",
        200,
        (("content-type", "text/html; charset=utf-8"),),
        b"<html><body><p>Eleanor Whitfield, Santa Rosa</p></body></html>",
    )
    res = an.analyze(hit, ok)
    assert res.exposures[0].category == Category.MENTION and res.about == ("judge",)


def test_huge_and_hostile_input_is_bounded(demo: PageAnalyzer) -> None:
    # over 2 MB of HTML (cut at 2 MB) with pathological repetitions: finishes, finds the name
    filler = "<p>" + ("a " * 200 + "1" * 50 + " @" * 50 + " Aaaa " * 50) + "</p>"
    html = "<html><body><p>Eleanor Whitfield of Santa Rosa</p>" + filler * 2500 + "</body></html>"
    assert len(html) > 2_000_000
    r = demo.analyze_html("https://x.example/big", html, source="web", probe="web")
    assert "judge" in r.about
    # what was cut is reported as not checked, not silently dropped
    assert r.skipped and "2 MB" in r.skipped[0].reason


@pytest.mark.parametrize("url", ["http://[::1", "https://[court.ca.gov/x", "http://[::1/judges/x",
                                 ""])
def test_unparsable_page_url_is_read_not_raised(demo: PageAnalyzer, url: str) -> None:
    """A page whose URL urlsplit rejects (a broken IPv6 host) is still read; it is simply not
    an official, social or broker host."""
    html = """<html><body><h1>Judge Eleanor R. Whitfield</h1><p>Eleanor Whitfield, Santa Rosa,
    (707) 555-0142, born 1968. <a href="/x">more</a> <img src="a.jpg" alt="Eleanor"></p>
    </body></html>"""
    r = demo.analyze_html(url, html, source="web", probe="web")
    (phone,) = _by(r, "judge", Category.PHONE)
    assert phone.confidence >= 0.5 and phone.attr("official") is None
    assert "judge" in r.about
    assert PageAnalyzer._official_host(url) is False


@pytest.mark.parametrize(("url", "official"), [
    ("https://sonoma.courts.ca.gov/judges/whitfield", True),
    ("https://www.judiciary.uk/judges/x/", True),
    ("https://www.soud.cz/x", True),
    ("https://www.kohus.ee/kohtud/tartu-maakohus/kohtunikud", True),
    ("https://www.birosag.hu/birosagok", True),
    ("https://www.tiesas.lv/x", True),
    ("https://people.example/x", False),
    ("https://www.kohuslik.example/x", False),
    ("http://[::1", False),
    ("not a url", False),
])
def test_official_host(url: str, official: bool) -> None:
    assert PageAnalyzer._official_host(url) is official


def test_page_with_too_many_addresses_is_reported_not_fully_read(demo: PageAnalyzer) -> None:
    from footprint.analyze.extract_places import MAX_PYAP_CALLS

    n = MAX_PYAP_CALLS + 25
    rows = "".join(f"<p>{i + 1} Elm St, Napa, CA {94000 + i}</p>" for i in range(n))
    html = f"<html><body><p>Eleanor Whitfield, Santa Rosa, (707) 555-0142</p>{rows}</body></html>"
    r = demo.analyze_html("https://x.example/many", html, source="web", probe="web")
    (sk,) = r.skipped
    assert sk.source == "https://x.example/many" and sk.probe == "web"
    assert sk.reason.startswith("page not fully read: 25 more possible street addresses")
    assert _by(r, "judge", Category.PHONE)  # what was read is still reported


def test_ordinary_page_is_fully_read(demo: PageAnalyzer) -> None:
    html = ("<p>Eleanor Whitfield, 2417 Alderbrook Dr, Santa Rosa, CA 95405, 12 Elm St, Napa, "
            "CA 94558</p>")
    assert demo.analyze_html("https://x.example/", html).skipped == ()


def test_non_consenting_relatives_handle_is_never_a_lead(demo: PageAnalyzer) -> None:
    html = """<html><body><div class="card"><h2>Eleanor R Whitfield</h2><div>Age 58</div>
    <div>2417 Alderbrook Dr, Santa Rosa, CA 95405</div><div>Relatives: Lucas Whitfield</div>
    <div>Profiles: <a href="https://account.venmo.com/u/lucasw96">venmo</a>
    <a href="https://github.com/ewhitfield68">github</a> @lucasw96</div></div></body></html>"""
    r = demo.analyze_html("https://people.example/", html, source="people-search", probe="brokers")
    values = {lead.value for lead in r.leads}
    assert "ewhitfield68" in values and "lucasw96" not in values


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(
        alphabet=st.sampled_from(list("<>/=\"' abcEWhitfield0123456789-().,@\n\tŘéx&;#")),
        max_size=400,
    )
)
def test_any_input_is_analyzed_without_error(demo: PageAnalyzer, html: str) -> None:
    r = demo.analyze_html(
        "https://x.example/", "<p>Eleanor Whitfield</p>" + html, source="web", probe="web"
    )
    for e in r.exposures:
        assert 0.0 < e.confidence < 1.0
