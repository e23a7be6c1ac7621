"""The images probe: plans image searches for consenting people only, turns results and image leads
into hits, and examines fetched images into `photo` and `geolocation` exposures — or "not checked"
entries for anything it cannot read. The last tests run it over a small web archive."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from footprint.analyze import PageResult
from footprint.analyze import faces as faces_mod
from footprint.model import Category, Exposure, Hit, Lead, SearchResult
from footprint.profile import Profile, load_profile
from footprint.web.base import Response
from probes.base import ProbeContext
from probes.images import ImagesProbe
from tests.test_images import (
    CHILD_SEED,
    HOME,
    JUDGE_SEED,
    MOTHER_HOME,
    PREVIOUS,
    crop,
    gps_exif,
    jpeg,
    offset,
    png,
    png_header,
    scene,
    write_profile,
)

# --- fakes ---------------------------------------------------------------------------------------


class FakeSearch:
    """Image search answering from a dict: query text → results. Records every call."""

    name = "fake"

    def __init__(self, answers: dict[str, list[SearchResult]] | None = None) -> None:
        self.answers = answers or {}
        self.calls: list[tuple[str, str, int]] = []

    def search(self, query: str, *, kind: str = "web", max_results: int = 10) -> list[SearchResult]:
        self.calls.append((query, kind, max_results))
        return self.answers.get(query, [])[:max_results]


class FakeFetcher:
    """URL → (status, content type, body); anything else is a 404."""

    def __init__(self, items: dict[str, tuple[int, str, bytes]] | None = None) -> None:
        self.items = items or {}

    def fetch(self, url: str) -> Response:
        status, ctype, body = self.items.get(url, (404, "text/plain", b"Not Found"))
        return Response(url=url, status=status, headers=(("content-type", ctype),), body=body)

    def close(self) -> None:
        pass


class NoAnalyzer:
    """The images probe never hands an image to the page analyzer."""

    def analyze(self, hit: Hit, response: Response) -> PageResult:
        raise AssertionError("page analyzer called for an image")


def make_probe(profile: Profile, search: FakeSearch | None = None,
               fetcher: FakeFetcher | None = None, cls: type[ImagesProbe] = ImagesProbe,
               **options: object) -> ImagesProbe:
    ctx = ProbeContext(profile=profile, fetcher=fetcher or FakeFetcher(),
                       search=search or FakeSearch(), analyzer=NoAnalyzer(),  # type: ignore[arg-type]
                       options=dict(options))
    return cls(ctx)


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Profile:
    return load_profile(write_profile(tmp_path_factory.mktemp("probe-profile")))


@pytest.fixture(scope="module")
def probe(profile: Profile) -> ImagesProbe:
    """One probe for the examine tests: reference photos are hashed once."""
    p = make_probe(profile)
    p.references()
    return p


def image_hit(url: str, person: str = "judge", page: str | None = None,
              origin: str = "search") -> Hit:
    meta = (("origin", origin), ("page", page or url))
    return Hit(url=url, probe="images", person=person, reason="test", kind="image", meta=meta)


def ok(body: bytes, ctype: str = "image/jpeg", url: str = "https://img.example/x.jpg") -> Response:
    return Response(url=url, status=200, headers=(("content-type", ctype),), body=body)


def only(result: PageResult, category: Category) -> list[Exposure]:
    return [e for e in result.exposures if e.category is category]


# --- planning ----------------------------------------------------------------------------------


def test_plan_searches_images_for_consenting_people_only(profile: Profile) -> None:
    plan = make_probe(profile).plan()
    assert {q.person for q in plan} == {"judge", "spouse", "child", "mother"}  # never "son"
    assert all(q.kind == "image" and q.probe == "images" for q in plan)
    assert all("Lucas" not in q.text for q in plan)
    judge = [q.text for q in plan if q.person == "judge"]
    assert judge[0] == '"Eleanor Whitfield" Santa Rosa'
    assert '"Eleanor Whitfield" judge' in judge
    assert len(judge) == 4  # bounded by the default max_queries_per_person
    # the middle-name form is the same first+last pair: searched once, not three times
    assert not any("Ruth" in t or "R." in t for t in judge)
    mother = [q.text for q in plan if q.person == "mother"]
    assert mother[0] == '"Margaret Marsh" Sebastopol'  # her own city, from her own address
    assert plan == make_probe(profile).plan()  # deterministic


def test_plan_is_bounded_by_the_option(profile: Profile) -> None:
    plan = make_probe(profile, max_queries_per_person=1).plan()
    assert [(q.person, q.identifier) for q in plan] == [
        ("judge", "city"), ("spouse", "city"), ("child", "city"), ("mother", "city")]


@pytest.mark.parametrize("bad", ["4", 0, 2.5, True])
def test_a_bad_option_is_a_clear_profile_error(profile: Profile, bad: object) -> None:
    from footprint.errors import ProfileError

    with pytest.raises(ProfileError, match=r"probes\.images\.max_queries_per_person: expected"):
        make_probe(profile, max_queries_per_person=bad).plan()


def test_aliases_are_named_by_reference(profile: Profile) -> None:
    plan = make_probe(profile, max_queries_per_person=10).plan()
    by_text = {q.text: q.identifier for q in plan if q.person == "judge"}
    assert by_text['"Ellie Whitfield" Santa Rosa'] == "aliases[0]"
    assert by_text['"Eleanor Marsh" Santa Rosa'] == "aliases[1]"


# --- searching and following -------------------------------------------------------------------


def test_run_turns_image_results_into_image_hits(profile: Profile) -> None:
    q = make_probe(profile).plan()[0]
    search = FakeSearch({q.text: [
        SearchResult(url="https://www.sonoma.courts.ca.gov/judges", image_url="https://www.sonoma.courts.ca.gov/p/ew.jpg"),
        SearchResult(url="https://blog.example/post", image_url="https://cdn.example/a.jpg"),
        SearchResult(url="https://blog.example/other", image_url="https://cdn.example/a.jpg"),  # same image
        SearchResult(url="https://cdn.example/direct.png"),  # the result is the image itself
        SearchResult(url="https://blog.example/no-image"),  # no image: nothing to examine
        SearchResult(url="https://x.example/p", image_url="data:image/png;base64,AAAA"),
    ]})
    hits = list(make_probe(profile, search, max_results=7).run(q))
    assert search.calls == [(q.text, "image", 7)]
    assert [h.url for h in hits] == ["https://www.sonoma.courts.ca.gov/p/ew.jpg",
                                     "https://cdn.example/a.jpg", "https://cdn.example/direct.png"]
    assert all(h.kind == "image" and h.probe == "images" and h.person == "judge" for h in hits)
    assert hits[0].get("page") == "https://www.sonoma.courts.ca.gov/judges"
    assert hits[0].source == "government"
    assert hits[0].query == q.key
    assert hits[2].get("page") == "https://cdn.example/direct.png"


def test_follow_takes_image_leads_of_consenting_people(profile: Profile) -> None:
    probe = make_probe(profile, max_images_per_page=2)
    page = "https://blog.example/ride"
    [hit] = probe.follow(Lead("spouse", "image", "https://blog.example/ride.jpg", page))
    assert (hit.url, hit.kind, hit.person, hit.get("origin"), hit.get("page")) == (
        "https://blog.example/ride.jpg", "image", "spouse", "lead", page)
    assert list(probe.follow(Lead("spouse", "handle", "dwhitfield.outdoors", page))) == []
    assert list(probe.follow(Lead("spouse", "image", "data:image/gif;base64,R0lG", page))) == []
    assert list(probe.follow(Lead("spouse", "image", "https://blog.example/logo.svg", page))) == []
    assert list(probe.follow(Lead("son", "image", "https://blog.example/lucas.jpg", page))) == []
    assert len(list(probe.follow(Lead("spouse", "image", "https://blog.example/2.jpg", page)))) == 1
    # the page's cap (2) is reached: a gallery page does not flood the audit
    assert list(probe.follow(Lead("spouse", "image", "https://blog.example/3.jpg", page))) == []
    assert len(list(probe.follow(Lead("spouse", "image", "https://blog.example/3.jpg",
                                      "https://blog.example/other")))) == 1


def test_a_caption_lead_is_followed_as_a_caption_not_as_the_persons_picture(
        profile: Profile) -> None:
    probe = make_probe(profile)
    page = "https://school.example/gallery/ski-trip"
    [hit] = probe.follow(Lead("child", "image", "https://school.example/img_0412.jpg", page,
                              platform="caption"))
    assert (hit.get("origin"), hit.get("page"), hit.person) == ("caption", page, "child")
    assert "first name" in hit.reason


def test_a_captioned_picture_is_reported_only_as_a_copy_of_a_reference_photo(
        probe: ImagesProbe) -> None:
    """A first name under a picture makes neither the picture nor its place the person's:
    followed for its caption, a picture that is no copy of a reference photo yields nothing —
    not its GPS tag, at the home or far from it (the same picture on a page about someone is
    read again, as a unit of its own); a copy is reported as the person's photo."""
    page = "https://school.example/gallery"
    for seed, (lat, lon) in ((782, offset(*HOME, 0, 3000)), (783, offset(*HOME, 60, 20))):
        img = f"https://school.example/img_{seed}.jpg"
        res = probe.examine(image_hit(img, person="child", page=page, origin="caption"),
                            ok(jpeg(scene(seed), exif=gps_exif(lat, lon)), url=img))
        assert res.exposures == ()
    img = "https://school.example/img_0412.jpg"
    res = probe.examine(image_hit(img, person="child", page=page, origin="caption"),
                        ok(png(scene(CHILD_SEED).resize((320, 240))), "image/png", img))
    [photo] = only(res, Category.PHOTO)
    assert photo.person == "child" and photo.url == page
    caption = image_hit(img, person="child", page=page, origin="caption")
    assert caption.unit != image_hit(img, person="child", page=page, origin="lead").unit


# --- examining: photos ---------------------------------------------------------------------------


def test_official_portrait_copy_is_a_photo_of_the_judge(probe: ImagesProbe) -> None:
    page = "https://www.sonoma.courts.ca.gov/judges/whitfield"
    img = "https://www.sonoma.courts.ca.gov/media/portrait.jpg"
    body = jpeg(crop(scene(JUDGE_SEED), 0.05, "corner").resize((300, 225)), 45)
    res = probe.examine(image_hit(img, page=page), ok(body, url=img))
    [photo] = res.exposures
    assert photo.category is Category.PHOTO and photo.person == "judge"
    assert photo.url == page and photo.image_url == img and photo.value == img
    assert photo.identifier == "photos[0]" and photo.probe == "images"
    assert photo.attr("official") == "1" and photo.attr("method") == "phash"
    assert photo.attr("minor") is None
    assert 0.5 <= photo.confidence <= 0.98
    assert res.about == ("judge",) and res.skipped == ()
    assert all(isinstance(v, str) and len(v) < 200 for v in (photo.value, photo.context))


def test_a_childs_photo_is_flagged_minor_and_never_official(probe: ImagesProbe) -> None:
    page = "https://www.sonoma.courts.ca.gov/news/family-day"  # even on a court site
    img = "https://www.sonoma.courts.ca.gov/media/family.png"
    res = probe.examine(image_hit(img, person="child", page=page),
                        ok(png(scene(CHILD_SEED).resize((320, 240))), "image/png", img))
    [photo] = only(res, Category.PHOTO)
    assert photo.person == "child" and photo.attr("minor") == "1"
    assert photo.attr("official") is None


@pytest.mark.parametrize(
    ("page", "official"),
    [("https://www.sonoma.courts.ca.gov/judges", True), ("https://judiciary.example.org/bios", True),
     ("https://co.sonoma.ca.us/board", True), ("https://www.gov.uk/judges", True),
     ("https://whitfield.us/family", False), ("https://pressdemocrat.example/news", False)],
)
def test_official_hosts(probe: ImagesProbe, page: str, official: bool) -> None:
    img = "https://cdn.example/p.jpg"
    res = probe.examine(image_hit(img, page=page), ok(jpeg(scene(JUDGE_SEED), 60), url=img))
    assert (res.exposures[0].attr("official") == "1") is official


def test_a_personal_photo_of_the_judge_is_not_official(probe: ImagesProbe) -> None:
    img = "https://social.example/u/123/photo.jpg"
    res = probe.examine(image_hit(img, page="https://social.example/u/123"),
                        ok(jpeg(scene(JUDGE_SEED), 30), url=img))
    [photo] = res.exposures
    assert photo.attr("official") is None and photo.url == "https://social.example/u/123"


def test_a_different_photo_found_by_the_name_is_not_a_photo_finding(probe: ImagesProbe) -> None:
    img = "https://austin.example/eleanor.jpg"
    res = probe.examine(image_hit(img), ok(jpeg(scene(4242)), url=img))
    assert res == PageResult()


# --- examining: geotags --------------------------------------------------------------------------


def test_geotag_near_home_on_a_relatives_page_is_critical_geolocation(probe: ImagesProbe) -> None:
    lat, lon = offset(*HOME, 90, 40)  # ~100 m from the home
    img = "https://blog.example/ride.jpg"
    body = jpeg(scene(777), exif=gps_exif(lat, lon))
    res = probe.examine(image_hit(img, person="spouse", page="https://blog.example/ride",
                                  origin="lead"), ok(body, url=img))
    assert only(res, Category.PHOTO) == []  # nobody's reference photo: no photo finding
    [geo] = res.exposures  # once: the judge's home is the spouse's too, not reported twice
    assert geo.category is Category.GEOLOCATION and geo.person == "spouse"
    assert geo.url == "https://blog.example/ride" and geo.image_url == img
    assert geo.value == f"{lat:.5f},{lon:.5f}"
    assert 80 <= int(geo.attr("distance_m") or 0) <= 120
    assert geo.attr("label") == "home" and geo.identifier == "home"
    assert geo.attr("source") == "exif"
    assert geo.confidence >= 0.75
    assert "geotag:near-home" in geo.rules
    assert "2024-05-18" in geo.context


def test_geotag_far_away_is_measured_but_not_near(probe: ImagesProbe) -> None:
    lat, lon = offset(*HOME, 0, 3000)
    img = "https://travel.example/beach.jpg"
    res = probe.examine(image_hit(img, person="judge"),
                        ok(jpeg(scene(778), exif=gps_exif(lat, lon)), url=img))
    [geo] = res.exposures
    assert geo.person == "judge" and int(geo.attr("distance_m") or 0) > 250
    assert geo.identifier is None
    assert geo.confidence < 0.5  # found by a name search only: a possible match for review


def test_geotag_at_the_mothers_home_is_reported_for_her_too(probe: ImagesProbe) -> None:
    lat, lon = offset(*MOTHER_HOME, 30)
    img = "https://photos.example/garden.jpg"
    res = probe.examine(image_hit(img, person="judge"),
                        ok(jpeg(scene(779), exif=gps_exif(lat, lon)), url=img))
    by_person = {e.person: e for e in res.exposures}
    assert set(by_person) == {"judge", "mother"}
    assert int(by_person["judge"].attr("distance_m") or 0) > 10_000
    mother = by_person["mother"]
    assert int(mother.attr("distance_m") or 0) <= 40 and mother.identifier == "home"
    assert mother.confidence >= 0.9


def test_geotag_at_the_mothers_home_on_a_page_about_the_judge_locates_the_mother(
        probe: ImagesProbe) -> None:
    """On a page the judge's lead found (the grandmother's blog), a photo taken in the
    grandmother's garden locates her; for the judge it is left for review (possible match)."""
    lat, lon = offset(*MOTHER_HOME, 30)
    img = "https://gran.example/garden.jpg"
    res = probe.examine(image_hit(img, person="judge", page="https://gran.example/garden",
                                  origin="lead"),
                        ok(jpeg(scene(781), exif=gps_exif(lat, lon)), url=img))
    by_person = {e.person: e for e in res.exposures}
    assert by_person["mother"].confidence >= 0.9
    assert by_person["judge"].confidence < 0.5
    assert "geotag:relatives-home" in by_person["judge"].rules


def test_geotag_at_a_previous_address_is_not_measured_as_home(probe: ImagesProbe) -> None:
    img = "https://photos.example/old-house.jpg"
    res = probe.examine(image_hit(img, person="judge"),
                        ok(jpeg(scene(780), exif=gps_exif(*PREVIOUS)), url=img))
    [geo] = res.exposures
    assert int(geo.attr("distance_m") or 0) > 20_000  # the rubric's 250 m is about the home
    assert geo.attr("nearest_label") == "previous" and int(geo.attr("nearest_m") or 99) < 5


def test_matched_photo_with_geotag_locates_the_matched_person(probe: ImagesProbe) -> None:
    lat, lon = offset(*HOME, 20)
    img = "https://cdn.example/kid.jpg"
    body = jpeg(scene(CHILD_SEED), 60, exif=gps_exif(lat, lon))
    # found by an image search for the spouse's name, but the picture is the child's
    res = probe.examine(image_hit(img, person="spouse"), ok(body, url=img))
    [photo] = only(res, Category.PHOTO)
    [geo] = only(res, Category.GEOLOCATION)
    assert photo.person == "child" and geo.person == "child"
    assert geo.attr("minor") == "1" and "photo:phash" in geo.rules
    assert res.about == ("child",)


# --- examining: what cannot be checked -----------------------------------------------------------


@pytest.mark.filterwarnings("error::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize(
    ("status", "ctype", "body", "reason"),
    [
        (200, "text/html", b"<html><body>Sign in to see this photo</body></html>",
         "not checked: not an image (text/html)"),
        (200, "image/jpeg", b"\xff\xd8\xff\xe0garbage", "not checked: unreadable image ("),
        (200, "image/png", png_header(100_000, 100_000),
         "not checked: unreadable image (more than 50 megapixels)"),
        (200, "application/octet-stream", b"\x00" * 100, "not checked: unreadable image ("),
        (500, "text/plain", b"oops", "not checked: HTTP 500"),
        (429, "text/plain", b"slow down", "blocked: HTTP 429 rate limited"),
        (403, "text/html", b"<title>Just a moment...</title>", "blocked: cloudflare challenge"),
    ],
    ids=["html", "corrupt", "bomb", "octet-stream junk", "server error", "rate limited",
         "challenge"],
)
def test_what_cannot_be_read_is_not_checked(probe: ImagesProbe, status: int, ctype: str,
                                            body: bytes, reason: str) -> None:
    url = "https://img.example/a.jpg"
    res = probe.examine(image_hit(url), Response(url, status, (("content-type", ctype),), body))
    assert res.exposures == ()
    [skip] = res.skipped
    assert skip.source == url and skip.probe == "images" and skip.person == "judge"
    assert skip.reason.startswith(reason)


def test_a_missing_image_or_a_vector_logo_is_checked_and_empty(probe: ImagesProbe) -> None:
    url = "https://img.example/gone.jpg"
    assert probe.examine(image_hit(url), Response(url, 404, (), b"Not Found")) == PageResult()
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    assert probe.examine(image_hit(url), ok(svg, "image/svg+xml")) == PageResult()


def test_an_image_over_the_size_cap_is_not_checked(profile: Profile) -> None:
    small = make_probe(profile, max_image_bytes=50_000)
    res = small.examine(image_hit("https://img.example/big.png"),
                        ok(png(scene(1)), "image/png"))
    assert res.exposures == ()
    assert res.skipped[0].reason.startswith("not checked: image too large")


def test_a_corrupt_image_still_reports_its_readable_geotag(probe: ImagesProbe) -> None:
    whole = jpeg(scene(781), exif=gps_exif(*HOME))
    res = probe.examine(image_hit("https://img.example/t.jpg"), ok(whole[: len(whole) // 2]))
    assert [e.category for e in res.exposures] == [Category.GEOLOCATION]
    assert res.skipped[0].reason.startswith("not checked: unreadable image (corrupt")


# --- optional face matching --------------------------------------------------------------------


def test_missing_face_extra_is_reported_as_coverage(profile: Profile,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(faces_mod, "available",
                        lambda: (False, faces_mod.INSTALL_HINT))
    skipped = make_probe(profile).skipped_in_plan()
    assert [(s.source, s.reason, s.probe) for s in skipped] == [
        ("face matching", "face matching not available: install it with `bash scripts/setup.sh "
                          "--faces` in footprint's folder", "images")]


def test_no_face_entry_when_faces_are_turned_off(profile: Profile,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(faces_mod, "available", lambda: (False, faces_mod.INSTALL_HINT))
    assert make_probe(profile, faces=False).skipped_in_plan() == []


def badge(img: Image.Image, colour: tuple[int, int, int]) -> Image.Image:
    """Put a coloured disc in the middle: the fake encoder's stand-in for a face."""
    img = img.copy()
    w, h = img.size
    ImageDraw.Draw(img).ellipse([w * 0.45, h * 0.45, w * 0.55, h * 0.55], fill=colour)
    return img


class FakeEncoder:
    """Encodes the colour of the centre of the image as a 128-d vector: the same 'face' (disc
    colour) in a different picture encodes alike; another colour is far away."""

    def encodings(self, image: Image.Image) -> list[np.ndarray]:
        w, h = image.size
        c = np.asarray(image.convert("RGB").crop((int(w * 0.48), int(h * 0.48),
                                                  int(w * 0.52), int(h * 0.52))), np.float32)
        mean = c.reshape(-1, 3).mean(0) / 255.0
        return [np.repeat(mean, 43)[:128] * 0.9]


class FacesProbe(ImagesProbe):
    def make_face_encoder(self) -> FakeEncoder:  # type: ignore[override]
        return FakeEncoder()


def test_face_matching_finds_another_picture_of_the_same_face(tmp_path: Path) -> None:
    path = write_profile(tmp_path)
    (tmp_path / "photos" / "judge.jpg").write_bytes(jpeg(badge(scene(JUDGE_SEED), (200, 30, 30))))
    probe = make_probe(load_profile(path), cls=FacesProbe)
    assert probe.skipped_in_plan() == []  # face matching is on: nothing to report
    other_picture = badge(scene(9090), (200, 30, 30))  # another composition, the same "face"
    res = probe.examine(image_hit("https://x.example/a.jpg"), ok(jpeg(other_picture)))
    [photo] = res.exposures
    assert photo.attr("method") == "face" and photo.person == "judge"
    assert float(photo.attr("face_distance") or 1) < 0.1 and photo.rules == ("photo:face",)
    stranger = badge(scene(9091), (30, 30, 200))
    assert probe.examine(image_hit("https://x.example/b.jpg"), ok(jpeg(stranger))).exposures == ()
    # a copy of the reference picture is reported as such, not as a look-alike
    copy = probe.examine(image_hit("https://x.example/c.jpg"),
                         ok(jpeg(badge(scene(JUDGE_SEED), (200, 30, 30)), 50)))
    assert copy.exposures[0].attr("method") == "phash"


# --- over a web archive --------------------------------------------------------------------------


def test_image_search_over_a_web_archive(profile: Profile, tmp_path: Path) -> None:
    from footprint.web.archive import WebArchive
    from tests.warcutil import HTML, JPEG, html_page, write_warc

    near = offset(*HOME, 60, -30)
    portrait = jpeg(crop(scene(JUDGE_SEED), 0.04, "side").resize((320, 240)), 50)
    ride = jpeg(scene(5151), exif=gps_exif(*near))
    namesake = jpeg(scene(6161))
    warc = write_warc(tmp_path / "web.warc.gz", [
        ("https://news.example/2025/new-judge", 200, HTML, html_page(
            "New judge sworn in",
            '<p>Judge Eleanor Whitfield of Santa Rosa took the oath on Monday.</p>'
            '<figure><img src="/img/whitfield.jpg" alt="Judge Eleanor Whitfield">'
            "<figcaption>Eleanor Whitfield at the ceremony in Santa Rosa</figcaption></figure>")),
        ("https://news.example/img/whitfield.jpg", 200, JPEG, portrait),
        ("https://rides.example/sunday", 200, HTML, html_page(
            "Sunday ride",
            '<p>Out with Eleanor Whitfield and the kids near Santa Rosa.</p>'
            '<img src="https://rides.example/ride.jpg" alt="Eleanor Whitfield riding, Santa Rosa">')),
        ("https://rides.example/ride.jpg", 200, JPEG, ride),
        ("https://austin.example/team", 200, HTML, html_page(
            "Our team", '<img src="/eleanor.jpg" alt="Eleanor Whitfield, Austin office">')),
        ("https://austin.example/eleanor.jpg", 200, JPEG, namesake),
    ])
    archive = WebArchive.open(warc, tmp_path / "cache")
    try:
        probe = make_probe(profile, archive.search_backend(), archive.fetcher())  # type: ignore[arg-type]
        hits: dict[str, Hit] = {}
        for q in probe.plan():
            for h in probe.run(q):
                hits.setdefault(h.url, h)
        assert "https://news.example/img/whitfield.jpg" in hits
        assert "https://rides.example/ride.jpg" in hits
        exposures = []
        for h in hits.values():
            res = probe.examine(h, archive.fetcher().fetch(h.url))
            assert res.skipped == ()
            exposures += res.exposures
    finally:
        archive.close()
    photos = [e for e in exposures if e.category is Category.PHOTO]
    geos = [e for e in exposures if e.category is Category.GEOLOCATION]
    assert [(e.person, e.url, e.image_url) for e in photos] == [
        ("judge", "https://news.example/2025/new-judge", "https://news.example/img/whitfield.jpg")]
    assert [(e.person, e.url, e.identifier) for e in geos] == [
        ("judge", "https://rides.example/sunday", "home")]
    assert int(geos[0].attr("distance_m") or 999) <= 250
    assert not any("austin" in e.url for e in exposures)  # the namesake's photo matches nothing


def test_audit_over_an_archive_reports_a_geotag_near_home_as_critical(
        profile: Profile, tmp_path: Path) -> None:
    """The whole pipeline: web search finds a relative's page, image search (or the analyzer's
    image lead) brings the photo, the geotag ~70 m from the home becomes a critical finding."""
    from footprint.engine import Auditor, WebAccess
    from footprint.store import open_store
    from footprint.web.archive import WebArchive
    from probes.web import WebProbe
    from tests.warcutil import HTML, JPEG, html_page, write_warc

    near = offset(*HOME, 60, -30)
    warc = write_warc(tmp_path / "web.warc.gz", [
        ("https://rides.example/sunday", 200, HTML, html_page(
            "Sunday ride with Dan Whitfield",
            "<p>Dan Whitfield of Santa Rosa took his family out on Sunday. Daniel Whitfield "
            "rides every week with his wife Eleanor Whitfield.</p>"
            '<img src="/ride.jpg" alt="Dan Whitfield on the road" width="800" height="600">')),
        ("https://rides.example/ride.jpg", 200, JPEG, jpeg(scene(5151), exif=gps_exif(*near))),
    ])
    archive = WebArchive.open(warc, tmp_path / "cache")
    try:
        web = WebAccess(archive.fetcher(), archive.search_backend(), "web.warc.gz", archive.digest)
        result = Auditor(profile, web, open_store(tmp_path / "home"),
                         probe_classes={"web": WebProbe, "images": ImagesProbe}).run()
    finally:
        archive.close()
    [geo] = [f for f in result.findings if f.category is Category.GEOLOCATION]
    assert geo.person in ("judge", "spouse")  # the household's home: either is fair
    assert geo.severity.value == "critical" and not geo.possible_match
    assert geo.url == "https://rides.example/sunday"
    assert geo.image_url == "https://rides.example/ride.jpg"
    assert geo.identifier == "home"
