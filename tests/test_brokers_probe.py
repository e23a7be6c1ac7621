"""The brokers probe with fakes: what it plans (consent, jurisdiction, bounds), what its queries
yield, and how it examines pages (blocked → "not checked", no results → clean, listing →
analyzer, every exposure tagged with its broker)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from footprint.analyze import PageResult
from footprint.errors import FootprintError
from footprint.model import Category, Exposure, Hit, Query, SearchResult, Skipped
from footprint.profile import Profile
from footprint.web.base import Response
from probes.base import ProbeContext
from probes.brokers import MAX_QUERY_CHARS, BrokersProbe
from probes.catalog import load_brokers
from tests.conftest import demo_family
from tests.warcutil import HTML as WARC_HTML
from tests.warcutil import html_page, write_warc

HTML = (("content-type", "text/html; charset=utf-8"),)


class FakeSearch:
    """Answers from a dict: query text → URLs; records every query."""

    name = "fake"

    def __init__(self, answers: dict[str, list[str]] | None = None) -> None:
        self.answers = answers or {}
        self.calls: list[str] = []

    def search(self, query: str, *, kind: str = "web", max_results: int = 10) -> list[SearchResult]:
        self.calls.append(query)
        return [SearchResult(url=u) for u in self.answers.get(query, [])][:max_results]


class FakeFetcher:
    """Never used by the probe itself (the engine fetches): fails loudly if it is."""

    def fetch(self, url: str) -> Response:
        raise AssertionError("the probe must not fetch on its own")

    def close(self) -> None:
        pass


class FakeAnalyzer:
    """Records what it was asked to read; reports one home-address exposure per call."""

    def __init__(self, result: PageResult | None = None) -> None:
        self.calls: list[tuple[Hit, Response]] = []
        self.result = result

    def analyze(self, hit: Hit, response: Response) -> PageResult:
        self.calls.append((hit, response))
        if self.result is not None:
            return self.result
        e = Exposure(person=hit.person, category=Category.HOME_ADDRESS, url=response.url,
                     value="2417 Alderbrook Dr", confidence=0.9, probe=hit.probe,
                     attrs=(("label", "current"),))
        return PageResult(exposures=(e,), about=(hit.person,))


def family(jurisdiction: str = "US-CA", **extra: Any) -> Profile:
    return demo_family(jurisdiction, **extra)


def make(profile: Profile | None = None, options: dict[str, Any] | None = None,
         search: FakeSearch | None = None, analyzer: FakeAnalyzer | None = None,
         offline: bool = False) -> BrokersProbe:
    ctx = ProbeContext(profile=profile or family(), fetcher=FakeFetcher(),  # type: ignore[arg-type]
                       search=search or FakeSearch(), analyzer=analyzer or FakeAnalyzer(),  # type: ignore[arg-type]
                       options=options or {}, offline=offline)
    return BrokersProbe(ctx)


def urls(qs: Iterable[Query], person: str | None = None) -> list[str]:
    return [q.text for q in qs if q.kind == "url" and (person is None or q.person == person)]


# --- planning ------------------------------------------------------------------------------------


def test_plan_expands_the_contract_urls_for_the_judge() -> None:
    plan = make().plan()
    judge = urls(plan, "judge")
    for url in [
        "https://www.fastpeoplesearch.com/name/eleanor-whitfield_santa-rosa-ca",
        "https://www.fastpeoplesearch.com/707-555-0142",
        "https://www.spokeo.com/Eleanor-Whitfield/California/Santa-Rosa",
        "https://www.whitepages.com/name/Eleanor-Whitfield/Santa-Rosa-CA",
        "https://www.whitepages.com/phone/1-707-555-0142",
        "https://radaris.com/p/Eleanor/Whitfield/",
        "https://thatsthem.com/phone/707-555-0142",
        "https://www.peoplefinders.com/name/eleanor-whitfield/ca/santa-rosa",
    ]:
        assert url in judge, url
    assert len(judge) == len(set(judge)), "each look-up once"
    byurl = {q.text: q for q in plan}
    assert byurl["https://www.fastpeoplesearch.com/707-555-0187"].identifier == "phones[1]"
    assert byurl["https://radaris.com/p/Eleanor/Whitfield/"].identifier == "name"
    assert byurl["https://radaris.com/p/Eleanor/Marsh/"].identifier == "aliases"
    assert all(q.probe == "brokers" for q in plan)
    # relatives are looked up where they live
    assert "https://www.peoplefinders.com/name/margaret-marsh/ca/sebastopol" in urls(plan, "mother")
    assert "https://www.fastpeoplesearch.com/707-555-0163" in urls(plan, "mother")
    assert "https://www.spokeo.com/Daniel-Whitfield/California/Santa-Rosa" in urls(plan, "spouse")


def test_non_consenting_relative_is_never_planned() -> None:
    plan = make().plan()
    assert "son" not in {q.person for q in plan}
    assert not any("lucas" in q.text.lower() for q in plan)


def test_minor_gets_site_searches_only_and_the_gap_is_reported() -> None:
    probe = make()
    plan = probe.plan()
    child = [q for q in plan if q.person == "child"]
    assert child and all(q.kind == "web" for q in child)
    (skip,) = probe.skipped_in_plan()
    assert skip.person == "child" and "minor" in skip.reason and "Sophie" not in skip.source
    with_minors = make(options={"include_minors": True})
    assert urls(with_minors.plan(), "child")
    assert with_minors.skipped_in_plan() == []


def test_site_queries_are_bounded_and_name_only_catalog_domains() -> None:
    for bound in (0, 1, 3, 6):
        plan = make(options={"max_site_queries": bound}).plan()
        for pid in ("judge", "spouse", "child", "mother"):
            assert sum(1 for q in plan if q.kind == "web" and q.person == pid) <= bound
    plan = make().plan()
    web = [q for q in plan if q.kind == "web" and q.person == "judge"]
    domains = {d for b in load_brokers() for d in b.domains}
    for q in web:
        assert q.text.startswith('"Eleanor Whitfield" ') or q.identifier == "aliases"
        sites = [w[5:] for w in q.text.split() if w.startswith("site:")]
        assert 1 <= len(sites) <= 15 and set(sites) <= domains
        assert len(q.text) <= MAX_QUERY_CHARS  # search APIs cut or refuse longer queries
        assert " OR site:" in q.text or len(sites) == 1
    # the profile name covers every US broker before any alias gets a query
    first = [q for q in web if q.identifier == "name"]
    covered = {w[5:] for q in first for w in q.text.split() if w.startswith("site:")}
    # …except brokers with no public listing pages (a marketing data broker has none)
    us = {d for b in load_brokers() if b.country == "US" for d in b.domains
          if b.listing_markers or b.block_selector}
    assert covered == us
    assert "acxiom.com" not in " ".join(q.text for q in plan)


def test_site_queries_stay_bounded_however_many_sites_the_catalog_gains(tmp_path: Path) -> None:
    """Three times today's catalog: still at most `max_site_queries` (6) searches per person,
    each within the engines' length limit, the profile name first."""
    entries = []
    for i in range(150):
        entries.append(
            f'[[broker]]\nid = "site{i:03d}"\nname = "Site {i}"\n'
            f'domains = ["people-records-{i:03d}.example"]\ncountry = "US"\n'
            'listing_markers = ["Possible Relatives"]\nopt_out_url = "https://x.example/o"\n'
            'sources = ["https://x.example/"]\n')
    catalog = tmp_path / "big.toml"
    catalog.write_text("\n".join(entries), encoding="utf-8")
    prof = family()
    plan = make(prof, options={"catalog": str(catalog.resolve())}).plan()
    for pid in ("judge", "spouse", "child", "mother"):
        web = [q for q in plan if q.kind == "web" and q.person == pid]
        assert 1 <= len(web) <= 6
        assert all(len(q.text) <= MAX_QUERY_CHARS for q in web)
        assert web[0].identifier == "name"
    # and the audit's search budget: the web probe's queries plus these stay within 30
    from footprint.planner import plan as web_plan

    for pid in ("judge", "spouse", "child", "mother"):
        searches = [q for q in web_plan(prof) if q.person == pid]
        searches += [q for q in plan if q.kind == "web" and q.person == pid]
        assert len(searches) <= 30, pid


def test_jurisdiction_picks_the_brokers() -> None:
    gb = family("GB", subject={
        "id": "judge", "name": "Helen Carter", "city": "Leeds",
        "phones": ["+44 113 496 0000", "+1 707 555 0142"],
        "addresses": [{"label": "home", "street": "4 Park Row", "city": "Leeds",
                       "postal_code": "LS1 5HD"}],
    }, relatives=[])
    plan = make(gb).plan()
    hosts = {q.text.split("/")[2] for q in plan if q.kind == "url"}
    assert "www.192.com" in hosts and "find-and-update.company-information.service.gov.uk" in hosts
    assert not any("fastpeoplesearch" in h or "spokeo" in h for h in hosts)
    web = " ".join(q.text for q in plan if q.kind == "web")
    assert "site:192.com" in web and "site:spokeo.com" not in web


def test_a_europe_wide_reverse_phone_site_takes_each_number_of_its_countries() -> None:
    """Truecaller lists numbers of many countries: a Romanian judge's Romanian number is looked
    up there as /search/ro/<national number>, her US number is not (its country is not listed),
    and a US audit does not plan the site at all."""
    ro = family("RO", subject={
        "id": "judge", "name": "Simona Radulescu", "city": "Iasi",
        "phones": ["+40 744 318 562", "+1 707 555 0142"],
    }, relatives=[])
    got = [u for u in urls(make(ro).plan()) if "truecaller" in u]
    assert got == ["https://www.truecaller.com/search/ro/744318562"]
    assert not [u for u in urls(make(family()).plan()) if "truecaller" in u]


def test_a_persons_foreign_address_adds_that_countrys_brokers() -> None:
    prof = family(relatives=[{
        "id": "mother", "relation": "parent", "name": "Margaret Ann Marsh", "consent": True,
        "addresses": [{"label": "home", "street": "4 Park Row", "city": "Leeds", "country": "GB"}],
    }])
    plan = make(prof).plan()
    mother = " ".join(q.text for q in plan if q.person == "mother")
    assert "192.com" in mother
    judge = " ".join(q.text for q in plan if q.person == "judge")
    assert "192.com" not in judge


def test_options_restrict_brokers_and_routes() -> None:
    plan = make(options={"brokers": ["radaris", "spokeo"], "site_search": False}).plan()
    assert plan and all(q.kind == "url" for q in plan)
    assert {q.text.split("/")[2] for q in plan} == {"radaris.com", "www.spokeo.com"}
    plan = make(options={"exclude": ["radaris"], "direct": False}).plan()
    assert plan and all(q.kind == "web" and "radaris.com" not in q.text for q in plan)
    plan = make(options={"max_lookups_per_broker": 1, "site_search": False}).plan()
    per = {}
    for q in plan:
        key = (q.person, q.text.split("/")[2])
        per[key] = per.get(key, 0) + 1
    assert max(per.values()) == 1


@pytest.mark.parametrize(
    "options,message",
    [
        ({"brokers": ["nosuchbroker"]}, "unknown broker id"),
        ({"brokers": "spokeo"}, "list of broker ids"),
        ({"max_site_queries": -1}, "whole number"),
        ({"max_site_queries": "6"}, "whole number"),
        ({"direct": "yes"}, "true or false"),
        ({"catalog": 3}, "path"),
    ],
)
def test_bad_options_are_one_clear_error(options: dict[str, Any], message: str) -> None:
    with pytest.raises(FootprintError, match=message):
        make(options=options)


def test_plan_is_deterministic() -> None:
    assert make().plan() == make().plan()


# --- running -------------------------------------------------------------------------------------


def test_url_query_yields_one_hit_for_its_broker() -> None:
    probe = make()
    q = next(q for q in probe.plan() if q.text == "https://radaris.com/p/Eleanor/Whitfield/")
    (hit,) = list(probe.run(q))
    assert hit.url == q.text and hit.probe == "brokers" and hit.kind == "page"
    assert hit.source == "people-search" and hit.person == "judge" and hit.query == q.key
    assert hit.get("broker") == "radaris" and hit.get("route") == "lookup"
    assert "Eleanor" not in hit.reason


def test_web_query_keeps_only_catalog_broker_pages() -> None:
    q = Query(person="judge", identifier="name", kind="web", probe="brokers",
              text='"Eleanor Whitfield" site:truepeoplesearch.com OR site:nuwber.com')
    search = FakeSearch({q.text: [
        "https://www.truepeoplesearch.com/find/person/px7",
        "https://news.example/story",
        "https://nuwber.com/person/5f3a",
        "https://nuwber.com/person/5f3a",
        "https://nuwber.com.evil.example/person/1",
    ]})
    hits = list(make(search=search).run(q))
    assert [(h.url, h.get("broker")) for h in hits] == [
        ("https://www.truepeoplesearch.com/find/person/px7", "truepeoplesearch"),
        ("https://nuwber.com/person/5f3a", "nuwber"),
    ]
    assert all(h.get("route") == "search" and h.source == "people-search" for h in hits)
    assert search.calls == [q.text]


# --- examining -----------------------------------------------------------------------------------


def hit(url: str, broker: str, route: str = "lookup") -> Hit:
    return Hit(url=url, probe="brokers", person="judge", reason="test", source="people-search",
               meta=(("broker", broker), ("route", route)))


def resp(url: str, body: str, status: int = 200, headers: tuple[tuple[str, str], ...] = HTML) -> Response:
    return Response(url=url, status=status, headers=headers, body=body.encode())


CLOUDFLARE = ("<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
              "<div id='cf-chl-widget'>Checking your browser</div></body></html>")
LISTING = ("<html><body><h1>Eleanor Whitfield</h1>"
           "<div class='card'><h2>Eleanor Whitfield, age 57</h2><p>2417 Alderbrook Dr, Santa Rosa, CA</p>"
           "<p>Past Addresses: 88 Quarry Rd, Petaluma CA</p></div>"
           "<div class='card'><h2>Eleanor Whitfield, age 31</h2><p>Austin, TX</p></div></body></html>")
NO_RESULTS = ("<html><body><h1>Search results</h1><p>We could not find any records for that search."
              "</p><nav>Find relatives · Reverse phone</nav></body></html>")


@pytest.mark.parametrize(
    "status,body,headers,expect",
    [
        (403, CLOUDFLARE, HTML, "blocked: cloudflare challenge (HTTP 403)"),
        (200, CLOUDFLARE, HTML, "blocked: cloudflare challenge (HTTP 200)"),
        (429, "Too many requests", (("content-type", "text/plain"),), "blocked: HTTP 429 rate limited"),
        (503, "<html><body>Down for maintenance</body></html>", HTML, "blocked: HTTP 503 service unavailable"),
        (200, "<html><body><p>Please complete the security check to continue</p></body></html>", HTML,
         "blocked: "),
        (200, "<html><body><div class='g-recaptcha'></div></body></html>", HTML, "blocked: "),
    ],
)
def test_blocks_and_challenges_are_not_checked_never_absent(status: int, body: str, headers: Any,
                                                             expect: str) -> None:
    analyzer = FakeAnalyzer()
    url = "https://www.fastpeoplesearch.com/name/eleanor-whitfield_santa-rosa-ca"
    result = make(analyzer=analyzer).examine(hit(url, "fastpeoplesearch"), resp(url, body, status, headers))
    assert result.exposures == ()
    (skip,) = result.skipped
    assert (skip.source, skip.probe, skip.person) == (url, "brokers", "judge")
    assert skip.reason.startswith(expect)
    assert analyzer.calls == []


def test_a_brokers_own_challenge_marker_blocks(tmp_path: Path) -> None:
    """A site-specific interstitial the generic detector does not know (here on a long page, so
    no generic heuristic applies) is still "not checked"; the catalog comes from the option."""
    catalog = tmp_path / "brokers.toml"
    catalog.write_text(
        '[[broker]]\nid = "acme"\nname = "Acme People"\ndomains = ["acme.example"]\n'
        'country = "US"\nsources = ["https://acme.example/"]\n'
        'challenge_markers = ["Pardon our interruption"]\n'
        '[broker.search]\nname = ["https://acme.example/p/{First}-{Last}"]\n', encoding="utf-8")
    analyzer = FakeAnalyzer()
    probe = make(options={"catalog": str(catalog)}, analyzer=analyzer)
    assert [q.text for q in probe.plan() if q.kind == "url" and q.person == "judge"][0] == \
        "https://acme.example/p/Eleanor-Whitfield"
    url = "https://acme.example/p/Eleanor-Whitfield"
    body = "<html><body><h1>Pardon Our Interruption</h1>" + "<p>filler text</p>" * 400 + "</body></html>"
    r = probe.examine(hit(url, "acme"), resp(url, body))
    assert r.skipped[0].reason == "blocked: Acme People challenge page (HTTP 200)"
    assert analyzer.calls == []


def test_peoplefinders_cloudflare_403_is_not_checked() -> None:
    url = "https://www.peoplefinders.com/name/eleanor-whitfield/ca/santa-rosa"
    r = make().examine(hit(url, "peoplefinders"), resp(url, CLOUDFLARE, 403))
    assert r.skipped and r.skipped[0].reason.startswith("blocked") and not r.exposures


def test_no_results_page_is_checked_and_clean() -> None:
    analyzer = FakeAnalyzer()
    url = "https://www.spokeo.com/Ellie-Whitfield/California/Santa-Rosa"
    result = make(analyzer=analyzer).examine(hit(url, "spokeo"), resp(url, NO_RESULTS))
    assert result == PageResult()
    assert analyzer.calls == []


def test_listing_goes_to_the_analyzer_and_exposures_get_the_broker() -> None:
    analyzer = FakeAnalyzer()
    url = "https://www.fastpeoplesearch.com/name/eleanor-whitfield_santa-rosa-ca"
    h = hit(url, "fastpeoplesearch")
    result = make(analyzer=analyzer).examine(h, resp(url, LISTING))
    assert [c[0] for c in analyzer.calls] == [h]
    (e,) = result.exposures
    assert e.attr("broker") == "fastpeoplesearch" and e.attr("label") == "current"
    assert list(e.attrs) == sorted(e.attrs)
    assert e.source == "people-search" and result.skipped == ()


def test_a_listing_page_that_also_says_no_results_elsewhere_is_still_read() -> None:
    analyzer = FakeAnalyzer()
    url = "https://www.fastpeoplesearch.com/name/eleanor-whitfield_santa-rosa-ca"
    body = LISTING.replace("</body>", "<aside>No results found for similar names</aside></body>")
    make(analyzer=analyzer).examine(hit(url, "fastpeoplesearch"), resp(url, body))
    assert len(analyzer.calls) == 1


def test_analyzer_skips_pass_through_tagged() -> None:
    skip = Skipped("https://radaris.com/p/Eleanor/Whitfield/", "not a web page (image/png)", "brokers", "judge")
    analyzer = FakeAnalyzer(PageResult(skipped=(skip,)))
    url = "https://radaris.com/p/Eleanor/Whitfield/"
    r = make(analyzer=analyzer).examine(hit(url, "radaris"),
                                        resp(url, "\x89PNG", headers=(("content-type", "image/png"),)))
    assert r.skipped == (skip,)


@pytest.mark.parametrize(
    "offline,route,body,expect_skip",
    [
        (True, "lookup", "Not Found", False),   # the archive is the whole web: absent = answer
        (False, "search", "Not Found", False),  # a listing found by search and now gone
        (False, "lookup", "Not Found", True),   # live: the site's URL pattern may have changed
        (False, "lookup", "<html><body>No results found</body></html>", False),
    ],
)
def test_404(offline: bool, route: str, body: str, expect_skip: bool) -> None:
    url = "https://radaris.com/p/Eleanor/Marsh/"
    r = make(offline=offline).examine(hit(url, "radaris", route), resp(url, body, 404))
    assert r.exposures == ()
    assert bool(r.skipped) is expect_skip
    if expect_skip:
        assert r.skipped[0].reason.startswith("not checked")


def test_unrecognised_lookup_page_with_nothing_found_is_not_checked() -> None:
    url = "https://radaris.com/p/Eleanor/Whitfield/"
    page = "<html><body><h1>Welcome</h1><p>Our new site is coming soon.</p></body></html>"
    analyzer = FakeAnalyzer(PageResult())
    r = make(analyzer=analyzer).examine(hit(url, "radaris"), resp(url, page))
    assert len(analyzer.calls) == 1
    assert r.skipped and r.skipped[0].reason.startswith("not checked: page not recognised")
    # the same page found through a search is just a page without exposures
    r = make(analyzer=analyzer).examine(hit(url, "radaris", "search"), resp(url, page))
    assert r == PageResult()


def test_other_http_errors_are_not_checked() -> None:
    url = "https://radaris.com/p/Eleanor/Whitfield/"
    r = make().examine(hit(url, "radaris"), resp(url, "<html><body>oops</body></html>", 500))
    assert r.skipped[0].reason == "not checked: HTTP 500"


# --- through a web archive: plan → run → fetch → examine -----------------------------------------



def _card(cls: str, name: str, age: int, current: str, past: list[str], phones: list[str],
          relatives: list[str]) -> str:
    return (
        f"<div class='{cls}'><h2>{name}</h2><p>Age {age}</p>"
        f"<p>Current Address: {current}</p>"
        "<p>Past Addresses:</p><ul>" + "".join(f"<li>{a}</li>" for a in past) + "</ul>"
        "<p>Phone Numbers:</p><ul>" + "".join(f"<li>{p}</li>" for p in phones) + "</ul>"
        "<p>Possible Relatives:</p><ul>" + "".join(f"<li>{r}</li>" for r in relatives) + "</ul>"
        "</div>"
    )


JUDGE_CARD = dict(name="Eleanor R Whitfield", age=58,
                  current="2417 Alderbrook Dr, Santa Rosa, CA 95405",
                  past=["88 Quarry Rd, Petaluma, CA 94952"],
                  phones=["(707) 555-0142", "(707) 555-0187"],
                  relatives=["Daniel J Whitfield", "Margaret A Marsh", "Sophie Whitfield"])
AUSTIN_CARD = dict(name="Eleanor Whitfield", age=31, current="1405 Cedar Bend Dr, Austin, TX 78758",
                   past=["22 Rio Grande St, Austin, TX 78701"], phones=["(512) 555-0114"],
                   relatives=["Mark Whitfield", "Tara Whitfield"])
BEND_CARD = dict(name="Eleanor M Whitfield", age=74, current="61 Pine Ridge Ln, Bend, OR 97701",
                 past=["9 Juniper Way, Redmond, OR 97756"], phones=["(541) 555-0190"],
                 relatives=["Harold Whitfield"])

FPS_NAME = "https://www.fastpeoplesearch.com/name/eleanor-whitfield_santa-rosa-ca"
WP_PHONE = "https://www.whitepages.com/phone/1-707-555-0142"
SPOKEO_MAIDEN = "https://www.spokeo.com/Eleanor-Marsh/California/Santa-Rosa"
PF_NAME = "https://www.peoplefinders.com/name/eleanor-whitfield/ca/santa-rosa"
TPS_DETAIL = "https://www.truepeoplesearch.com/find/person/px7k2q"
NUWBER_DETAIL = "https://nuwber.com/person/5f3a9e1c"
NEWS = "https://news.example/2024/garden-show"


def demo_captures() -> list[tuple[str, int, Any, str]]:
    cards = lambda cls: "".join(_card(cls, **c) for c in (AUSTIN_CARD, JUDGE_CARD, BEND_CARD))  # noqa: E731
    return [
        (FPS_NAME, 200, WARC_HTML, html_page(
            "Eleanor Whitfield in Santa Rosa, CA | FastPeopleSearch",
            "<h1>Eleanor Whitfield</h1><p>3 records found</p>" + cards("card"))),
        (WP_PHONE, 200, WARC_HTML, html_page(
            "(707) 555-0142 | Whitepages",
            "<h1>Who owns (707) 555-0142?</h1>" + _card("person-card", **JUDGE_CARD))),
        (SPOKEO_MAIDEN, 200, WARC_HTML, html_page(
            "Eleanor Marsh | Spokeo",
            "<h1>Eleanor Marsh</h1><p>No results found for Eleanor Marsh in Santa Rosa, CA.</p>")),
        (PF_NAME, 403, WARC_HTML, "<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
                                  "<body><div id='challenge-error-text'>Enable JavaScript and cookies"
                                  " to continue</div></body></html>"),
        (TPS_DETAIL, 200, WARC_HTML, html_page(
            "Eleanor Whitfield, Santa Rosa, CA | TruePeopleSearch",
            "<h1>Eleanor Whitfield</h1>" + _card("card-summary", **JUDGE_CARD))),
        (NUWBER_DETAIL, 200, WARC_HTML, html_page(
            "Eleanor Whitfield, Austin, TX | Nuwber",
            "<h1>Eleanor Whitfield</h1>" + _card("person-block", **AUSTIN_CARD))),
        (NEWS, 200, WARC_HTML, html_page(
            "Garden show winners", "<p>Eleanor Whitfield of Santa Rosa won a ribbon.</p>")),
    ]


def run_loop(probe: BrokersProbe, fetcher: Any) -> tuple[list[Hit], dict[str, PageResult]]:
    """What the engine does for one probe: run every planned query, fetch each hit once, examine."""
    hits: list[Hit] = []
    for q in probe.plan():
        hits.extend(probe.run(q))
    results: dict[str, PageResult] = {}
    for h in hits:
        if h.url not in results:
            results[h.url] = probe.examine(h, fetcher.fetch(h.url))
    return hits, results


@pytest.fixture
def archive(tmp_path: Path) -> Any:
    from footprint.web.archive import WebArchive

    path = write_warc(tmp_path / "demo.warc.gz", demo_captures())
    arch = WebArchive.open(path, tmp_path / "cache")
    yield arch
    arch.close()


def test_both_routes_through_an_archive(archive: Any) -> None:
    """Direct look-ups reach the template pages, site: searches reach the detail pages no template
    reaches; the Cloudflare page is "not checked"; the no-results page is clean; nothing outside
    the catalog is handed on. The analyzer here is a recorder: which pages it is asked to read."""
    analyzer = FakeAnalyzer(PageResult())
    probe = make(search=archive.search_backend(), analyzer=analyzer, offline=True,
                 options={"include_minors": True})
    hits, results = run_loop(probe, archive.fetcher())
    routes = {(h.url, h.get("route")) for h in hits}
    assert (FPS_NAME, "lookup") in routes and (WP_PHONE, "lookup") in routes
    assert (TPS_DETAIL, "search") in routes and (NUWBER_DETAIL, "search") in routes
    assert all(h.get("broker") for h in hits) and NEWS not in {h.url for h in hits}
    assert {h.person for h in hits} <= {"judge", "spouse", "child", "mother"}
    read = {h.url for h, _ in analyzer.calls}
    assert {FPS_NAME, WP_PHONE, TPS_DETAIL, NUWBER_DETAIL} <= read
    assert SPOKEO_MAIDEN not in read and results[SPOKEO_MAIDEN] == PageResult()
    (skip,) = results[PF_NAME].skipped
    assert skip.reason.startswith("blocked") and PF_NAME not in read
    # Absent from the archive = not on the recorded web: checked, nothing there.
    assert results["https://radaris.com/p/Eleanor/Whitfield/"] == PageResult()


def test_real_analyzer_finds_the_judge_and_not_her_namesakes(archive: Any) -> None:
    from footprint.analyze import Analyzer  # the real one: extraction, blocks, corroboration

    prof = family()
    probe = make(prof, search=archive.search_backend(), analyzer=Analyzer(prof), offline=True)  # type: ignore[arg-type]
    hits, results = run_loop(probe, archive.fetcher())
    threshold = prof.audit.threshold
    confirmed = [e for r in results.values() for e in r.exposures if e.confidence >= threshold]

    def found(url: str, person: str, category: Category) -> list[Exposure]:
        return [e for e in confirmed if e.url == url and e.person == person and e.category == category]

    # through a direct look-up and through a site: search
    for url, broker in ((FPS_NAME, "fastpeoplesearch"), (TPS_DETAIL, "truepeoplesearch")):
        homes = found(url, "judge", Category.HOME_ADDRESS)
        assert homes, url
        assert all(e.attr("broker") == broker and e.source == "people-search" for e in homes)
        assert any("Alderbrook" in e.value for e in homes)
    assert found(WP_PHONE, "judge", Category.PHONE)
    # the listing names the family: each relative's exposure is attributed to that relative
    assert found(FPS_NAME, "spouse", Category.RELATIVE)
    # namesakes on the same page (Austin, Bend) and on their own page are never confirmed
    for e in confirmed:
        digits = "".join(ch for ch in e.value if ch.isdigit())
        assert digits not in ("15125550114", "15415550190", "5125550114", "5415550190"), e
        blob = f"{e.value} {e.context}"
        assert not any(w in blob for w in ("Austin", "Bend, OR", "Cedar Bend", "Pine Ridge",
                                           "Juniper", "Rio Grande", "Harold", "Tara")), e
    assert not [e for e in confirmed if e.url == NUWBER_DETAIL]
    assert {e.attr("broker") for e in confirmed} == {"fastpeoplesearch", "whitepages",
                                                     "truepeoplesearch"}
    # the challenge page is "not checked", never "no listing"
    assert results[PF_NAME].skipped[0].reason.startswith("blocked") and not results[PF_NAME].exposures
    assert results[SPOKEO_MAIDEN] == PageResult()


def test_whole_audit_with_the_brokers_probe(archive: Any, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine runs the probe against the archive: findings carry the catalog's opt-out,
    the challenge page and the minor's skipped look-ups are listed as not checked, a namesake is
    at most a possible match, and the relative who did not consent is nowhere."""
    from footprint.engine import Auditor, WebAccess
    from footprint.store import open_store

    monkeypatch.setenv("FOOTPRINT_HOME", str(tmp_path / "home"))
    prof = family()
    web = WebAccess(fetcher=archive.fetcher(), search=archive.search_backend(),
                    archive_name="demo", archive_digest=archive.digest)
    res = Auditor(prof, web, open_store(tmp_path / "home"),
                  probe_classes={"brokers": BrokersProbe}).run()
    homes = [f for f in res.findings if f.category is Category.HOME_ADDRESS and not f.possible_match]
    assert {f.url for f in homes} == {FPS_NAME, WP_PHONE, TPS_DETAIL}
    assert all(f.person == "judge" and f.severity.value == "critical" and f.probe == "brokers"
               for f in homes)
    fps = next(f for f in homes if f.url == FPS_NAME)
    assert fps.remediation.opt_out_url == "https://www.fastpeoplesearch.com/optout"
    wp = next(f for f in homes if f.url == WP_PHONE)
    assert wp.remediation.group == "Whitepages" and "phone" in wp.remediation.requires
    assert all(f.possible_match for f in res.findings if f.url == NUWBER_DETAIL)
    reasons = {s.source: s.reason for s in res.skipped}
    assert reasons[PF_NAME].startswith("blocked")
    assert any(s.person == "child" and "minor" in s.reason for s in res.skipped)
    assert "son" not in {f.person for f in res.findings} | {s.person for s in res.skipped}
