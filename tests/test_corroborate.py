"""Corroboration rules: every named rule has a case where it holds and one where it does not;
docs/matching.md lists exactly the rules of the code; the block splitter's three strategies."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from footprint.analyze.blocks import split_blocks
from footprint.analyze.corroborate import RULES
from footprint.analyze.page import PageAnalyzer
from footprint.analyze.text import parse_page
from footprint.model import Category
from footprint.profile import load_profile

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "intl"
TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def us() -> PageAnalyzer:
    return PageAnalyzer(load_profile(FIXTURES / "us" / "profile.toml"), today=TODAY)


@pytest.fixture(scope="module")
def cz() -> PageAnalyzer:
    return PageAnalyzer(load_profile(FIXTURES / "cz" / "profile.toml"), today=TODAY)


def page(*paragraphs: str) -> str:
    return "<html><body>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>"


def rules_of(
    an: PageAnalyzer, html: str, person: str = "judge", url: str = "https://x.example/"
) -> set[str]:
    r = an.analyze_html(url, html, source="web", probe="web")
    return {rule for e in r.exposures if e.person == person for rule in e.rules}


def confidence(an: PageAnalyzer, html: str, person: str = "judge") -> float:
    r = an.analyze_html("https://x.example/", html, source="web", probe="web")
    return max((e.confidence for e in r.exposures if e.person == person), default=0.0)


# --- corroborating and contradicting rules: (rule, page where it holds, page where it does not) --


@dataclass(frozen=True)
class Case:
    rule: str
    fires: str
    silent: str
    person: str = "judge"


US_CASES = [
    Case(
        "known_address",
        page("Eleanor Whitfield, 2417 Alderbrook Drive, Santa Rosa"),
        page("Eleanor Whitfield, 2417 Alderbrook Court, Santa Rosa"),
    ),
    Case(
        "known_phone",
        page("Eleanor Whitfield (707) 555-0142"),
        page("Eleanor Whitfield (707) 555-0100"),
    ),
    Case(
        "known_email",
        page("Eleanor Whitfield, eleanor.whitfield [at] example [dot] net"),
        page("Eleanor Whitfield, ewhit@example.org"),
    ),
    Case(
        "known_username",
        page("Eleanor Whitfield (@ewhitfield68)"),
        page("Eleanor Whitfield (@ewhitfield69)"),
    ),
    Case(
        "court",
        page("Eleanor Whitfield, a judge of the Superior Court of California, County of Sonoma"),
        page("Eleanor Whitfield, a judge of the Superior Court of California, County of Marin"),
    ),
    Case("city", page("Eleanor Whitfield of Santa Rosa"), page("Eleanor Whitfield of Santa Clara")),
    Case("age_match", page("Eleanor Whitfield, Age 57"), page("Eleanor Whitfield, Age 61")),
    Case(
        "relative_named",
        page("Eleanor Whitfield and Daniel Whitfield"),
        page("Eleanor Whitfield and Daniel Whitfield, 30,"),
    ),
    Case(
        "family_context",
        page("Eleanor Whitfield of Santa Rosa and her daughter Sophie"),
        page("Eleanor Whitfield and her daughter Sophie"),
        person="child",
    ),
    Case("region", page("Eleanor Whitfield of California"), page("Eleanor Whitfield of Oregon")),
    Case("contra_age", page("Eleanor Whitfield, Age 31"), page("Eleanor Whitfield, Age 58")),
    Case("age_off", page("Eleanor Whitfield, Age 63"), page("Eleanor Whitfield, Age 59")),
    Case(
        "contra_city",
        page("Eleanor Whitfield, Austin, TX"),
        page("Eleanor Whitfield, Austin, TX, (707) 555-0142"),
    ),
    Case("contra_middle_initial", page("Eleanor Q. Whitfield"), page("Eleanor R. Whitfield")),
    Case(
        "name_only_cap",
        page("Eleanor Whitfield wrote a letter."),
        page("Eleanor Whitfield of Santa Rosa wrote a letter."),
    ),
]


@pytest.mark.parametrize("case", US_CASES, ids=lambda c: c.rule)
def test_rule_fires_and_not(us: PageAnalyzer, case: Case) -> None:
    assert case.rule in rules_of(us, case.fires, case.person)
    assert case.rule not in rules_of(us, case.silent, case.person)


NAME_CASES = [
    Case(
        "name_full",
        page("Eleanor Ruth Whitfield of Santa Rosa"),
        page("Eleanor Whitfield of Santa Rosa"),
    ),
    Case(
        "name_first_last",
        page("Eleanor Whitfield of Santa Rosa"),
        page("E. Whitfield of Santa Rosa"),
    ),
    Case(
        "name_alias", page("Eleanor Marsh of Santa Rosa"), page("Eleanor Whitfield of Santa Rosa")
    ),
    Case(
        "name_middle_initial",
        page("Eleanor R. Whitfield of Santa Rosa"),
        page("Eleanor Whitfield of Santa Rosa"),
    ),
    Case(
        "name_initial", page("E. Whitfield of Santa Rosa"), page("Eleanor Whitfield of Santa Rosa")
    ),
    Case(
        "name_nickname",
        page("Nora Whitfield of Santa Rosa"),
        page("Eleanor Whitfield of Santa Rosa"),
    ),
    Case(
        "name_reversed",
        page("WHITFIELD, Eleanor Ruth, Santa Rosa"),
        page("Eleanor Whitfield, Santa Rosa"),
    ),
    Case("name_register", page("WHITFIELD E R, Santa Rosa"), page("Eleanor Whitfield, Santa Rosa")),
    Case("name_title", page("Judge Whitfield of Santa Rosa"), page("Mrs Whitfield of Santa Rosa")),
    Case(
        "name_given_with_family",
        page("Eleanor Whitfield of Santa Rosa and her husband Dan"),
        page("Eleanor Whitfield of Santa Rosa met Dan"),
        person="spouse",
    ),
]


@pytest.mark.parametrize("case", NAME_CASES, ids=lambda c: c.rule)
def test_name_rule_recorded(us: PageAnalyzer, case: Case) -> None:
    assert case.rule in rules_of(us, case.fires, case.person)
    assert case.rule not in rules_of(us, case.silent, case.person)


CZ_CASES = [
    Case(
        "name_inflected", page("S Kateřinou Řezníčkovou z Brna"), page("Kateřina Řezníčková z Brna")
    ),
    Case("name_folded", page("Katerina Reznickova, Brno"), page("Kateřina Řezníčková, Brno")),
    Case(
        "city", page("Kateřina Řezníčková bydlí v Brně"), page("Kateřina Řezníčková bydlí v Praze")
    ),
    Case(
        "court",
        page("soudkyně Městského soudu v Brně Kateřina Řezníčková"),
        page("soudkyně Krajského soudu v Ostravě Kateřina Řezníčková"),
    ),
]


@pytest.mark.parametrize("case", CZ_CASES, ids=lambda c: c.rule)
def test_czech_rules(cz: PageAnalyzer, case: Case) -> None:
    assert case.rule in rules_of(cz, case.fires, case.person)
    assert case.rule not in rules_of(cz, case.silent, case.person)


def test_confidence_grows_with_corroboration_and_falls_with_contradiction(us: PageAnalyzer) -> None:
    name_only = confidence(us, page("Eleanor Whitfield wrote."))
    one = confidence(us, page("Eleanor Whitfield of Santa Rosa wrote."))
    two = confidence(us, page("Eleanor Whitfield, 58, of Santa Rosa wrote."))
    three = confidence(us, page("Eleanor Whitfield, 58, of Santa Rosa, (707) 555-0142."))
    contradicted = confidence(us, page("Eleanor Whitfield, 31, of Santa Rosa wrote."))
    assert name_only < 0.5 <= one < two < three
    assert contradicted < 0.5


def test_name_only_stays_below_any_threshold(tmp_path: Path) -> None:
    text = (FIXTURES / "us" / "profile.toml").read_text(encoding="utf-8")
    p = tmp_path / "profile.toml"
    p.write_text(
        text.replace("[consent]", "[audit]\nthreshold = 0.2\n\n[consent]", 1)
        if "[audit]" not in text
        else text.replace('jurisdiction = "US-CA"', 'jurisdiction = "US-CA"\nthreshold = 0.2'),
        encoding="utf-8",
    )
    an = PageAnalyzer(load_profile(p), today=TODAY)
    assert confidence(an, page("Eleanor Whitfield wrote.")) < 0.2


# --- filter rules -------------------------------------------------------------------------------


LISTING = """<html><body><h1>Eleanor Whitfield in Santa Rosa, CA</h1>
<div class="card"><h2>{name}</h2><div>Age {age}</div><div>{street}</div><div>{phone}</div>
<h3>Relatives</h3><div>Daniel Whitfield, 60, Sophie Whitfield</div></div>
<div class="card"><h2>Eleanor Whitfield</h2><div>Age 31</div>
<div>5500 Oak Hollow Ln, Austin, TX 78731</div>
<div>(512) 555-0100</div></div></body></html>"""


def test_per_block_frame_not_judged(us: PageAnalyzer) -> None:
    html = LISTING.format(
        name="Eleanor Q Whitfield",
        age=44,
        street="9 Birch Ln, Ukiah, CA 95482",
        phone="(707) 555-0177",
    )
    r = us.analyze_html("https://people.example/", html, source="people-search", probe="brokers")
    assert all(e.confidence < 0.5 for e in r.exposures)
    # the same header on a page that is not a listing is judged: name + city
    r2 = us.analyze_html(
        "https://x.example/", page("Eleanor Whitfield in Santa Rosa, CA"), source="web", probe="web"
    )
    assert r2.exposures[0].confidence >= 0.5


def test_relatives_section(us: PageAnalyzer) -> None:
    html = LISTING.format(
        name="Eleanor R Whitfield",
        age=58,
        street="2417 Alderbrook Dr, Santa Rosa, CA 95405",
        phone="(707) 555-0142",
    )
    r = us.analyze_html("https://people.example/", html, source="people-search", probe="brokers")
    ages = [e.value for e in r.exposures if e.category == Category.BIRTH_DATE]
    assert ages == ["58"]  # the relative's 60 is not the judge's (and not contradicting)
    rel = {e.person for e in r.exposures if e.category == Category.RELATIVE}
    assert rel == {"spouse", "child"}
    # outside a relatives section the first name is the block's person
    html2 = LISTING.replace("<h3>Relatives</h3>", "").format(
        name="Daniel Whitfield",
        age=60,
        street="2417 Alderbrook Dr, Santa Rosa, CA 95405",
        phone="(707) 555-0142",
    )
    r2 = us.analyze_html("https://people.example/", html2, source="people-search", probe="brokers")
    assert any(e.person == "spouse" and e.category == Category.HOME_ADDRESS for e in r2.exposures)


def test_near_name(us: PageAnalyzer) -> None:
    near = page("Eleanor Whitfield of Santa Rosa can be reached at (707) 555-0100.")
    far = page(
        "Eleanor Whitfield of Santa Rosa spoke at the meeting.",
        "The meeting was long. " * 5 + "Tickets: call (707) 555-0100.",
    )
    assert any(
        e.value == "+17075550100"
        for e in us.analyze_html("https://x.example/", near, source="web", probe="web").exposures
    )
    assert not any(
        e.value == "+17075550100"
        for e in us.analyze_html("https://x.example/", far, source="web", probe="web").exposures
    )


def test_value_floor(us: PageAnalyzer) -> None:
    namesake = """<html><body><div class="card"><h2>Eleanor Whitfield</h2><div>Age 31</div>
    <div>5500 Oak Hollow Ln, Austin, TX 78731</div><div>(512) 555-0100</div></div>
    <div class="card"><h2>John Smith</h2><div>Age 40</div><div>(512) 555-0101</div></div>
    </body></html>"""
    r = us.analyze_html(
        "https://people.example/", namesake, source="people-search", probe="brokers"
    )
    assert [e.category for e in r.exposures] == [Category.MENTION]
    name_only = namesake.replace("<div>Age 31</div>", "").replace(", Austin, TX 78731", "")
    r2 = us.analyze_html(
        "https://people.example/", name_only, source="people-search", probe="brokers"
    )
    assert {e.category for e in r2.exposures} >= {Category.PHONE}
    assert all(e.confidence < 0.5 for e in r2.exposures)


def test_consenting_only(us: PageAnalyzer) -> None:
    # a page about him: nothing on it is reported (rule not_consented)
    about_him = page(
        "Lucas Whitfield, 30, of Oakland (@lucasw96), son of Eleanor Whitfield of Santa Rosa."
    )
    assert us.analyze_html("https://x.example/", about_him, source="web", probe="web").exposures == ()
    html = page(
        "Eleanor Whitfield of Santa Rosa, mother of Lucas Whitfield, 30, of Oakland (@lucasw96)."
    )
    r = us.analyze_html("https://x.example/", html, source="web", probe="web")
    assert {e.person for e in r.exposures} == {"judge"}
    assert all("Lucas" not in e.context and "Lucas" not in e.value for e in r.exposures)
    assert all(lead.value != "lucasw96" for lead in r.leads)
    # a consenting relative in the same sentence is found
    html2 = page("Daniel Whitfield, 60, husband of Eleanor Whitfield of Santa Rosa.")
    r2 = us.analyze_html("https://x.example/", html2, source="web", probe="web")
    assert "spouse" in {e.person for e in r2.exposures}


def test_official_page(us: PageAnalyzer) -> None:
    html = page(
        "Judge Eleanor Whitfield of the Superior Court of California, County of Sonoma, "
        "was born in 1968."
    )
    official = us.analyze_html(
        "https://sonoma.courts.ca.gov/judges", html, source="government", probe="web"
    )
    news = us.analyze_html("https://news.example/judges", html, source="news", probe="web")
    assert all(e.attr("official") == "1" for e in official.exposures)
    assert all(e.attr("official") is None for e in news.exposures)


# --- docs --------------------------------------------------------------------------------------


def test_docs_list_every_rule_and_only_them() -> None:
    doc = (ROOT / "docs" / "matching.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", doc, re.M))
    assert documented == set(RULES)
    for rule in RULES.values():
        assert rule.effect in ("name", "corroborates", "contradicts", "filter")
        assert rule.description


# --- block splitting ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FakeBroker:
    id: str
    block_selector: str | None


def test_blocks_by_catalog_selector_microdata_heuristic_and_page() -> None:
    html = (
        "<html><body><h1>Results</h1><section class='r'><b>A</b> Age 40</section>"
        "<section class='r'><b>B</b> Age 41</section></body></html>"
    )
    doc = parse_page("https://x.example/", html)
    by_sel = split_blocks(
        doc, name_starts=[], signal_starts=[], broker=FakeBroker("x", "section.r")
    )
    assert [doc.text[b.start : b.end].strip() for b in by_sel] == ["A Age 40", "B Age 41"]
    assert by_sel[0].how == "catalog:x"
    # a selector lexbor rejects falls back to the other strategies, not to an error
    assert (
        split_blocks(doc, name_starts=[], signal_starts=[], broker=FakeBroker("x", "[[["))[0].kind
        == "page"
    )
    md = (
        "<html><body><div itemscope itemtype='https://schema.org/Person'>A</div>"
        "<div itemscope itemtype='https://schema.org/Person'>B</div></body></html>"
    )
    d2 = parse_page("https://x.example/", md)
    assert [b.how for b in split_blocks(d2, name_starts=[], signal_starts=[])] == ["microdata"] * 2
    a = doc.text.index("A")
    heur = split_blocks(
        doc, name_starts=[a], signal_starts=[doc.text.index("Age 40"), doc.text.index("Age 41")]
    )
    assert [b.how for b in heur] == ["heuristic", "heuristic"]
    whole = split_blocks(doc, name_starts=[a], signal_starts=[doc.text.index("Age 40")])
    assert [b.kind for b in whole] == ["page"]


def test_street_only(us: PageAnalyzer) -> None:
    fires = page("Volunteers included Eleanor and Dan Whitfield of Alderbrook Drive, Santa Rosa.")
    r = us.analyze_html("https://news.example/", fires, source="news", probe="web")
    homes = [e for e in r.exposures if e.category == Category.HOME_ADDRESS]
    assert homes and all(e.attr("street_only") == "1" and "street_only" in e.rules for e in homes)
    assert {e.person for e in homes} <= {"judge", "spouse"} and homes[0].identifier == "home"
    # no residence word: a street named in passing is not where they live
    silent = page("Eleanor Whitfield of Santa Rosa drove down Alderbrook Drive to the court.")
    r2 = us.analyze_html("https://news.example/", silent, source="news", probe="web")
    assert not [e for e in r2.exposures if e.category == Category.HOME_ADDRESS]
    # a numbered address on the street is another house
    other = page("Eleanor Whitfield of Santa Rosa, who lives nearby, toured 2431 Alderbrook Drive.")
    r3 = us.analyze_html("https://news.example/", other, source="news", probe="web")
    assert not [e for e in r3.exposures if e.category == Category.HOME_ADDRESS]


def test_given_name_on_a_family_page(us: PageAnalyzer) -> None:
    blog = page(
        "I'm Dan Whitfield, a nurse in Santa Rosa, and this is our family ride.",
        "Eleanor had a rare Saturday off, and Sophie wanted to show off her new bike.",
    )
    r = us.analyze_html("https://blog.example/", blog, source="blog", probe="web")
    rel = {e.person for e in r.exposures if e.category == Category.RELATIVE}
    assert rel == {"spouse", "child"}
    # no family word and no surname nearby: a first name alone is nobody in particular
    plain = page("I'm Dan Whitfield, a nurse in Santa Rosa.", "Eleanor from the club came along.")
    r2 = us.analyze_html("https://blog.example/", plain, source="blog", probe="web")
    assert not [e for e in r2.exposures if e.category == Category.RELATIVE]


def test_register_capitals_next_to_the_family(us: PageAnalyzer) -> None:
    html = page(
        "Owner(s) of Record\tWHITFIELD ELEANOR R & DANIEL J",
        "Situs Address\t2417 ALDERBROOK DR SANTA ROSA 95405",
    )
    r = us.analyze_html(
        "https://assessor.example/parcel/1", html, source="public-record", probe="web"
    )
    cats = {(e.person, e.category.value) for e in r.exposures}
    assert {("judge", "home_address"), ("spouse", "home_address"), ("spouse", "relative")} <= cats


@pytest.mark.parametrize(("below", "judged"), [
    # a line of text under the table, its name beside an e-mail: the page's own text
    ("<p>Coaches: Dan Kessler (dan@example.com)</p>", True),
    # one more row of the table's kind below it: a further record, not text
    ("<table><tr><td>9</td><td>Dan Kessler</td><td>04/09/2013</td></tr></table>", False),
])
def test_the_text_under_a_table_is_judged_as_the_pages_own(below: str, judged: bool) -> None:
    """Under a table split into records (cells tab-separated), a line that names someone beside
    a value is judged as the page's text when it is no row of cells; with cells it is one more
    record of the list, left out of the blocks as before."""
    rows = "".join(f"<tr><td>{i}</td><td>{n}</td><td>0{i}/1{i}/2013</td></tr>"
                   for i, n in enumerate(("Ava Brandt", "Sofia Kessler", "Mia Hale"), 1))
    html = (f"<html><body><h1>Roster</h1><table>{rows}</table>{below}</body></html>")
    doc = parse_page("https://club.example/roster", html)
    t = doc.text
    names = [t.index("Sofia Kessler"), t.rindex("Dan Kessler")]
    signals = [m.start() for m in re.finditer(r"\d\d/\d\d/2013", t)]
    if "@" in t:
        signals.append(t.index("dan@"))
    blocks = split_blocks(doc, name_starts=names, signal_starts=signals)
    tail = [b for b in blocks if b.start <= t.rindex("Dan Kessler") < b.end]
    assert bool(tail and tail[0].kind == "page") is judged
