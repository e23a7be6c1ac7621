"""Photos identified by their words: the alt text names a person on a page about the family, or
describes the house on a page that exposes the home address."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from footprint.analyze.page import PageAnalyzer
from footprint.model import Category
from footprint.profile import load_profile

US = Path(__file__).parent / "fixtures" / "intl" / "us" / "profile.toml"


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory: pytest.TempPathFactory) -> PageAnalyzer:
    """The US family, with reference photos for the judge and Sophie (not for Dan)."""
    from PIL import Image

    folder = tmp_path_factory.mktemp("captions")
    (folder / "photos").mkdir()
    for name in ("judge.jpg", "sophie.jpg"):
        Image.new("RGB", (64, 80), (120, 90, 60)).save(folder / "photos" / name)
    text = US.read_text(encoding="utf-8")
    text = text.replace('usernames = ["ewhitfield68"]\n',
                        'usernames = ["ewhitfield68"]\nphotos = ["photos/judge.jpg"]\n', 1)
    text = text.replace('school = "Brookside Middle School"\n',
                        'school = "Brookside Middle School"\nphotos = ["photos/sophie.jpg"]\n', 1)
    (folder / "profile.toml").write_text(text, encoding="utf-8")
    return PageAnalyzer(load_profile(folder / "profile.toml"), today=dt.date(2026, 11, 20))


def _photos(res):  # type: ignore[no-untyped-def]
    return {(e.person, e.attr("minor"), e.attr("home_photo")) for e in res.exposures if e.category == Category.PHOTO}


BLOG = """<html><head><title>Family ride | Dan rides</title></head><body>
<article><h1>Family ride to Spring Lake</h1><p>By Dan Whitfield, Santa Rosa</p>
<p>Eleanor and Sophie came along this Saturday, all the way from Santa Rosa.</p>
<figure><img src="https://danrides.example.com/img/1.jpg" width="600" height="400"
 alt="{alt}"></figure></article></body></html>"""


@pytest.mark.parametrize("alt,expected", [
    ("Eleanor and Sophie Whitfield at the lake", {("judge", None, None), ("child", "1", None)}),
    ("Sophie on her new bike", {("child", "1", None)}),
    ("A view of the lake at dawn", set()),
    # her first name inside a stranger's full name is not hers
    ("Anne Sophie Marchetti at the lake", set()),
])
def test_caption_names_people(analyzer: PageAnalyzer, alt: str, expected: set) -> None:  # type: ignore[type-arg]
    res = analyzer.analyze_html("https://danrides.example.com/2026/ride/", BLOG.format(alt=alt), source="blog")
    assert _photos(res) == expected


def test_a_family_name_inside_anothers_full_name_is_theirs(analyzer: PageAnalyzer) -> None:
    """"Sophie Whitfield with her medal" names the daughter; the family name in it is not
    a caption of her mother or father (rule name_shadowed)."""
    res = analyzer.analyze_html("https://danrides.example.com/2026/ride/",
                                BLOG.format(alt="Sophie Whitfield with her medal"), source="blog")
    assert _photos(res) == {("child", "1", None)}


def test_a_caption_of_someone_without_a_reference_photo_is_left_for_review(
        analyzer: PageAnalyzer) -> None:
    """Dan has no reference photo: nothing tells whether the captioned picture shows him (a
    group picture's caption names everyone) — a possible photo (rule photo_unverified); the
    judge, who has one, is a finding."""
    res = analyzer.analyze_html("https://danrides.example.com/2026/ride/",
                                BLOG.format(alt="Dan and Eleanor Whitfield at the lake"),
                                source="blog")
    photos = {e.person: e for e in res.exposures if e.category == Category.PHOTO}
    assert set(photos) == {"judge", "spouse"}
    assert photos["spouse"].confidence < 0.5 and "photo_unverified" in photos["spouse"].rules
    assert photos["judge"].confidence >= 0.5 and "photo_unverified" not in photos["judge"].rules


def test_caption_on_a_namesake_page_is_nothing(analyzer: PageAnalyzer) -> None:
    html = """<html><head><title>Dr. Eleanor Whitfield, DDS | Austin Smiles</title></head><body>
    <h1>Dr. Eleanor Whitfield, DDS</h1><p>Austin, TX dentist, age 31.</p>
    <img src="https://smiles.example.com/e.jpg" width="300" height="300" alt="Dr. Eleanor Whitfield">
    </body></html>"""
    res = analyzer.analyze_html("https://smiles.example.com/team", html)
    assert all(e.confidence < 0.5 for e in res.exposures if e.category == Category.PHOTO)


def test_house_photo_on_a_page_with_the_home_address(analyzer: PageAnalyzer) -> None:
    html = """<html><head><title>Parcel 153-240-017 | Assessor</title></head><body>
    <h1>Parcel 153-240-017-000</h1><p>Owner: WHITFIELD ELEANOR R &amp; DANIEL J</p>
    <p>Situs: 2417 ALDERBROOK DR SANTA ROSA CA 95405</p>
    <img src="https://assessor.example/p/153.jpg" width="400" height="300" alt="Street view of the house">
    </body></html>"""
    res = analyzer.analyze_html("https://assessor.example/parcel/153", html, source="public-record")
    homes = {e.person for e in res.exposures if e.category == Category.HOME_ADDRESS and e.confidence >= 0.5}
    assert "judge" in homes
    photos = [e for e in res.exposures if e.category == Category.PHOTO]
    assert {e.person for e in photos} == homes
    assert all(e.attr("home_photo") == "1" and "home-photo" in e.rules for e in photos)
