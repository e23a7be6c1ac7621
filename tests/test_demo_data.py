"""The bundled demo: deterministic generation, a valid training profile, an archive that serves
every URL of the ground truth, only fictitious contact data and reserved hosts, and the quality
scorer's arithmetic."""

from __future__ import annotations

from urllib.parse import urlsplit

from footprint.sites import builtin_sites

import importlib.util
import io
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import imagehash
import phonenumbers
import pytest
from PIL import ExifTags, Image
from selectolax.lexbor import LexborHTMLParser
from warcio.archiveiterator import ArchiveIterator

from footprint import demo
from footprint.demo import generate as gen
from footprint.demo._common import HOME_LAT, HOME_LON
from footprint.demo._images import haversine_m
from footprint.model import Category, Severity
from footprint.profile import load_profile

ROOT = Path(__file__).resolve().parents[1]

# hosts the contract names (real brokers and platforms, fictitious people)
# real platforms of the built-in account catalog: the demo records their "no such account" answers
PLATFORM_HOSTS = {urlsplit(site.check_url("x")).hostname for site in builtin_sites()}
CONTRACT_HOSTS = {
    "www.fastpeoplesearch.com", "www.spokeo.com", "www.whitepages.com", "radaris.com",
    "thatsthem.com", "www.peoplefinders.com", "www.truepeoplesearch.com", "nuwber.com",
    "www.strava.com", "www.instagram.com", "account.venmo.com", "github.com",
}


def _reserved(host: str) -> bool:
    host = host.lower()
    return host.endswith(".example") or any(
        host == d or host.endswith("." + d) for d in ("example.com", "example.net", "example.org"))


def _load_quality():
    spec = importlib.util.spec_from_file_location("quality", ROOT / "benchmarks" / "quality.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


quality = _load_quality()


@pytest.fixture(scope="module")
def records() -> dict[str, tuple[int, str, bytes]]:
    """url → (status, content type, body) of the shipped archive."""
    demo.ensure_generated()
    out: dict[str, tuple[int, str, bytes]] = {}
    with open(demo.archive_path(), "rb") as fh:
        for rec in ArchiveIterator(fh):
            if rec.rec_type != "response":
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            status = int(rec.http_headers.get_statuscode())
            out[url] = (status, rec.http_headers.get_header("Content-Type"),
                        rec.content_stream().read())
    return out


@pytest.fixture(scope="module")
def truth() -> dict:
    demo.ensure_generated()
    return json.loads(demo.truth_path().read_text(encoding="utf-8"))


def _html_pages(records):
    for url, (status, ctype, body) in records.items():
        if ctype.startswith("text/html"):
            yield url, body.decode(ctype.split("charset=")[1])


# --- generation ---------------------------------------------------------------------------


def _warc_contents(path: Path) -> list[tuple[str, str, bytes]]:
    with open(path, "rb") as fh:
        return [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI") or "",
                 r.content_stream().read()) for r in ArchiveIterator(fh)]


def test_generator_is_deterministic(tmp_path: Path) -> None:
    a, b = gen.generate(tmp_path / "a"), gen.generate(tmp_path / "b")
    for name in ("profile.toml", "truth.json", "demo.warc.gz", "photos/judge-portrait.jpg"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_shipped_data_is_what_the_generator_writes(tmp_path: Path) -> None:
    fresh = gen.generate(tmp_path)
    for name in ("profile.toml", "truth.json", "photos/judge-portrait.jpg"):
        assert (fresh / name).read_bytes() == (demo.DEMO_DIR / name).read_bytes(), name
    assert _warc_contents(fresh / "demo.warc.gz") == _warc_contents(demo.archive_path())


def test_ensure_generated_fills_a_missing_folder(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo, "DEMO_DIR", tmp_path / "data")
    demo.ensure_generated()
    for p in (demo.profile_path(), demo.archive_path(), demo.truth_path()):
        assert p.is_file() and p.parent == tmp_path / "data"
    assert (tmp_path / "data" / "photos" / "judge-portrait.jpg").is_file()


def test_archive_is_small_and_valid_warc(records) -> None:
    assert demo.archive_path().stat().st_size < 3_000_000
    assert len(records) > 60
    with open(demo.archive_path(), "rb") as fh:
        first = next(iter(ArchiveIterator(fh)))
        assert first.rec_type == "warcinfo"
        assert first.rec_headers.protocol == "WARC/1.1"
    for url, (status, ctype, _) in records.items():
        assert ctype.startswith(("text/html; charset=", "image/jpeg", "application/json; charset=")), url


# --- the profile --------------------------------------------------------------------------------


def test_profile_validates_as_a_training_profile() -> None:
    prof = load_profile(demo.profile_path())
    assert prof.training and prof.audit.jurisdiction == "US-CA"
    assert [p.id for p in prof.people] == ["judge", "spouse", "child", "mother"]
    assert [x.id for x in prof.excluded] == ["son"]
    assert prof.subject.phones == ("+17075550142", "+17075550187")
    assert prof.subject.usernames == ("ewhitfield68",)
    assert prof.person("child").minor and prof.person("child").school == "Brookside Middle School"
    assert prof.person("spouse").usernames == ("danwhitfield_bikes",)
    assert [a.label for a in prof.subject.addresses] == ["home", "previous"]
    assert prof.probes.enabled == ("web", "brokers", "accounts", "images")
    assert all(p.is_file() for p in prof.photo_paths(prof.subject))


# --- archive and truth agree -----------------------------------------------------------------


def test_archive_serves_every_url_of_the_truth(records, truth) -> None:
    for t in truth["findings"]:
        assert t["url"] in records, t["url"]
        assert records[t["url"]][0] == 200, t["url"]
        if t.get("image_url"):
            assert records[t["image_url"]][1] == "image/jpeg"
    for url in truth["namesake_urls"] + truth["non_consenting_urls"]:
        assert records[url][0] == 200, url
    for url in truth["not_checked_urls"]:
        status, _, body = records[url]
        assert status == 403 and b"Just a moment..." in body


def test_truth_names_only_consenting_people(truth) -> None:
    prof = load_profile(demo.profile_path())
    ids = {p.id for p in prof.people}
    assert truth["non_consenting"] == ["son"]
    keys = set()
    for t in truth["findings"]:
        assert t["person"] in ids and set(t.get("alt_persons", ())) <= ids
        assert Category(t["category"]) and Severity(t["severity"])
        ident = t["identifier"]
        assert ident is None or re.fullmatch(r"[a-z_]+(\[\d+\])?", ident), ident
        key = (t["person"], t["category"], t["url"])
        assert key not in keys, key
        keys.add(key)
    text = json.dumps(truth)
    assert "Lucas" not in text and "lucasw96" not in text.replace(
        "https://account.venmo.com/u/lucasw96", "")


@pytest.mark.parametrize("person,category,severity", [
    ("judge", "home_address", "critical"),
    ("spouse", "home_address", "critical"),
    ("mother", "home_address", "high"),
    ("child", "school", "critical"),
    ("child", "relative", "high"),
    ("spouse", "relative", "medium"),
    ("judge", "phone", "high"),
    ("judge", "address", "medium"),
    ("spouse", "workplace", "high"),
    ("spouse", "geolocation", "critical"),
    ("judge", "vehicle", "high"),
])
def test_truth_severities_follow_the_rubric(truth, person, category, severity) -> None:
    sevs = {t["severity"] for t in truth["findings"]
            if t["person"] == person and t["category"] == category}
    assert sevs == {severity}


def test_truth_covers_the_planted_exposures(truth) -> None:
    by = {(t["person"], t["category"], t["url"]) for t in truth["findings"]}
    assert ("judge", "vehicle",
            "https://www.oakmontneighbors.example.org/t/cars-parked-on-alderbrook-near-the-bend/4182"
            ) in by
    assert ("judge", "email", "https://www.spokeo.com/Eleanor-Whitfield/California/Santa-Rosa") in by
    assert ("judge", "photo", "https://www.sonoma.courts.ca.example/judges/whitfield") in by
    assert ("spouse", "account", "https://www.instagram.com/dwhitfield.outdoors/") in by
    assert ("spouse", "workplace", "https://www.redwoodvalleymc.example.org/our-team") in by
    full = [t for t in truth["findings"] if t["category"] == "birth_date" and t["severity"] == "high"]
    assert [t["url"] for t in full] == ["https://thatsthem.com/phone/707-555-0142"]
    assert not any(t["url"] in truth["namesake_urls"] for t in truth["findings"])


# --- what the pages hold ---------------------------------------------------------------------


@pytest.mark.parametrize("url,status,marker", [
    ("https://www.strava.com/athletes/danwhitfield_bikes", 200, "athlete-profile"),
    ("https://www.instagram.com/dwhitfield.outdoors/", 200, 'og:type" content="profile"'),
    ("https://account.venmo.com/u/ewhitfield68", 200, "profileInfo"),
    ("https://account.venmo.com/u/lucasw96", 200, "profileInfo"),
    ("https://github.com/ewhitfield68", 200, "p-nickname"),
    ("https://www.strava.com/athletes/ewhitfield68", 404, "Page Not Found"),
    ("https://www.instagram.com/ewhitfield68/", 404, "Page Not Found"),
    ("https://www.instagram.com/danwhitfield_bikes/", 404, "Page Not Found"),
    ("https://account.venmo.com/u/danwhitfield_bikes", 404,
     "Sorry, the page you requested does not exist"),
    ("https://github.com/danwhitfield_bikes", 404, "Not Found"),
])
def test_account_pages_answer_the_contract_rules(records, url, status, marker) -> None:
    got, _, body = records[url]
    assert got == status and marker in body.decode("utf-8")


@pytest.mark.parametrize("url,block,count", [
    ("https://www.fastpeoplesearch.com/name/eleanor-whitfield_santa-rosa-ca", "div.card", 4),
    ("https://www.fastpeoplesearch.com/707-555-0142", "div.card", 2),
    ("https://www.spokeo.com/Eleanor-Whitfield/California/Santa-Rosa", "div.listing", 4),
    ("https://www.whitepages.com/name/Eleanor-Whitfield/Santa-Rosa-CA", "div.person-card", 3),
    ("https://www.whitepages.com/phone/1-707-555-0142", "div.person-card", 2),
    ("https://radaris.com/p/Eleanor/Whitfield/", "div.rdr-card", 4),
    ("https://thatsthem.com/phone/707-555-0142", "div.record", 2),
    ("https://www.truepeoplesearch.com/find/person/px4r2l8n6u0c96n4n9u0", "div.card-summary", 1),
    ("https://nuwber.com/person/5f3a9c2e8b1d4e0012a7c6b1", "div.person-block", 1),
    ("https://www.fastpeoplesearch.com/name/daniel-whitfield_santa-rosa-ca", "div.card", 4),
    ("https://www.spokeo.com/Daniel-Whitfield/California/Santa-Rosa", "div.listing", 3),
    ("https://www.fastpeoplesearch.com/name/margaret-marsh_sebastopol-ca", "div.card", 3),
])
def test_broker_pages_use_the_contract_block_markup(records, url, block, count) -> None:
    tree = LexborHTMLParser(records[url][2].decode("utf-8"))
    assert len(tree.css(block)) == count


def test_every_email_domain_is_reserved(records) -> None:
    found = 0
    for _, html in _html_pages(records):
        for dom in re.findall(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", html):
            found += 1
            assert _reserved(dom), dom
        for dom in re.findall(r"\[at\]\s*(\w+)\s*\[dot\]\s*(\w+)", html):
            found += 1
            assert dom[0] == "example", dom
    assert found >= 8


def test_every_phone_is_a_555_01xx_number(records) -> None:
    found = 0
    for _, html in _html_pages(records):
        text = LexborHTMLParser(html).text(separator=" ")
        for m in phonenumbers.PhoneNumberMatcher(text, "US", leniency=phonenumbers.Leniency.POSSIBLE):
            digits = re.sub(r"\D", "", m.raw_string)
            if len(digits) < 10:  # parcel and document numbers the matcher also picks up
                continue
            found += 1
            assert re.fullmatch(r"1?\d{3}55501\d\d", digits), m.raw_string
    assert found >= 30


def test_every_host_is_reserved_or_named_in_the_contract(records) -> None:
    for url in records:
        host = urlsplit(url).hostname or ""
        assert host in CONTRACT_HOSTS or host in PLATFORM_HOSTS or _reserved(host), url
    for page, html in _html_pages(records):
        tree = LexborHTMLParser(html)
        for node in tree.css("a[href], img[src]"):
            ref = node.attributes.get("href") or node.attributes.get("src") or ""
            host = urlsplit(ref).hostname
            if host:
                assert host in CONTRACT_HOSTS or _reserved(host), (page, ref)


def test_family_photo_gps_is_about_100_m_from_home(records, truth) -> None:
    geo = next(t for t in truth["findings"] if t["category"] == "geolocation")
    im = Image.open(io.BytesIO(records[geo["image_url"]][2]))
    gps = im.getexif().get_ifd(ExifTags.IFD.GPSInfo)

    def deg(v, ref):
        d = float(v[0]) + float(v[1]) / 60 + float(v[2]) / 3600
        return -d if ref in ("S", "W") else d

    lat, lon = deg(gps[2], gps[1]), deg(gps[4], gps[3])
    assert 60 < haversine_m(lat, lon, HOME_LAT, HOME_LON) < 150


def test_reference_photo_matches_the_official_portrait_only(records, truth) -> None:
    ref = imagehash.phash(Image.open(demo.DEMO_DIR / "photos" / "judge-portrait.jpg"))
    portrait = next(t["image_url"] for t in truth["findings"]
                    if t["category"] == "photo" and t["severity"] == "low")
    dist = {url: ref - imagehash.phash(Image.open(io.BytesIO(body)))
            for url, (_, ctype, body) in records.items() if ctype == "image/jpeg"}
    assert dist.pop(portrait) <= 8
    assert min(dist.values()) >= 18, dist


# --- the scorer ----------------------------------------------------------------------------------

TRUTH = {
    "findings": [
        {"person": "judge", "category": "home_address", "url": "https://b.example/p",
         "severity": "critical", "identifier": "home", "note": ""},
        {"person": "judge", "category": "phone", "url": "https://b.example/p",
         "severity": "high", "identifier": "phones[0]", "note": ""},
        {"person": "child", "category": "school", "url": "https://s.example.org/n",
         "severity": "critical", "identifier": "school", "note": ""},
        {"person": "spouse", "category": "geolocation", "url": "https://blog.example.com/r/",
         "severity": "critical", "identifier": "home", "note": "", "alt_persons": ["judge"]},
        {"person": "judge", "category": "mention", "url": "https://news.example.com/a",
         "severity": "info", "identifier": None, "note": ""},
    ],
    "namesake_urls": ["https://dentist.example.com/dr"],
    "non_consenting": ["son"],
    "non_consenting_urls": ["https://account.venmo.com/u/lucasw96"],
    "not_checked_urls": ["https://www.peoplefinders.com/name/x"],
}


def _f(person, category, url, severity, confidence=0.9, possible=False):
    return {"person": person, "category": category, "url": url, "severity": severity,
            "confidence": confidence, "possible_match": possible}


PERFECT = [_f(t["person"], t["category"], t["url"], t["severity"]) for t in TRUTH["findings"]]


def test_scorer_perfect_audit_scores_one() -> None:
    s = quality.score(PERFECT, TRUTH, coverage={"failed": [
        {"url": "https://www.peoplefinders.com/name/x", "error": "blocked"}]})
    assert s["precision"] == s["recall"] == s["critical_recall"] == 1.0
    assert s["severity_agreement"] == 1.0
    assert s["namesake_hits"] == s["non_consenting_hits"] == 0
    assert s["not_checked_reported"] is True
    assert s["truth"] == 4  # the mention is not scored


def test_scorer_counts_a_namesake_hit_as_false_positive() -> None:
    s = quality.score(PERFECT + [_f("judge", "phone", "https://dentist.example.com/dr", "high")],
                      TRUTH)
    assert s["namesake_hits"] == 1 and s["false_positives"] == 1
    assert s["precision"] == pytest.approx(4 / 5)
    assert s["namesake_hit_urls"] == ["https://dentist.example.com/dr"]


def test_scorer_missing_critical_lowers_critical_recall() -> None:
    s = quality.score([f for f in PERFECT if f["category"] != "school"], TRUTH)
    assert s["critical_recall"] == pytest.approx(2 / 3)
    assert s["recall"] == pytest.approx(3 / 4) and s["precision"] == 1.0
    assert s["missed_entries"][0]["category"] == "school"


@pytest.mark.parametrize("finding,counts", [
    (_f("child", "school", "https://s.example.org/n", "critical", confidence=0.3), False),
    (_f("child", "school", "https://s.example.org/n", "critical", possible=True), False),
    (_f("child", "school", "https://s.example.org/n", "critical", confidence=0.5), True),
    (_f("child", "school", "https://S.EXAMPLE.ORG/n/", "critical"), True),
    (_f("judge", "school", "https://s.example.org/n", "critical"), False),
])
def test_scorer_counts_only_confirmed_exact_matches(finding, counts) -> None:
    others = [f for f in PERFECT if f["category"] != "school"]
    s = quality.score(others + [finding], TRUTH)
    assert (s["critical_recall"] == 1.0) is counts


def test_scorer_accepts_an_alternative_person_and_dedupes_keys() -> None:
    extra = [_f("judge", "geolocation", "https://blog.example.com/r/", "critical"),
             _f("judge", "phone", "https://b.example/p", "medium")]
    s = quality.score(PERFECT + extra, TRUTH)
    assert s["precision"] == 1.0 and s["true_positives"] == 5
    assert s["severity_agreement"] == 1.0  # the most severe of a key's findings is compared


def test_scorer_flags_non_consenting_and_severity_disagreement() -> None:
    bad = [_f("son", "account", "https://account.venmo.com/u/lucasw96", "medium", possible=True),
           _f("judge", "account", "https://account.venmo.com/u/lucasw96", "medium"),
           _f("judge", "mention", "https://account.venmo.com/u/lucasw96", "info")]
    wrong_sev = [dict(f, severity="medium") if f["category"] == "phone" else f for f in PERFECT]
    s = quality.score(wrong_sev + bad, TRUTH, coverage={"failed": []})
    assert s["non_consenting_hits"] == 2
    assert s["severity_agreement"] == pytest.approx(3 / 4)
    assert s["not_checked_reported"] is False


@pytest.mark.parametrize("masked,resolved", [
    ("https://b.example/p", "https://b.example/p"),
    ("https://b.e******/p", "https://b.example/p"),
    ("https://blog.example.com/r", "https://blog.example.com/r"),
    ("https://b.e*****/p", "https://b.e*****/p"),          # wrong length: left alone
    ("https://x.e******/p", "https://x.e******/p"),        # unmasked character disagrees
    ("https://www.peoplefinders.com/name/*", "https://www.peoplefinders.com/name/x"),
])
def test_scorer_maps_masked_urls_onto_the_truth(masked, resolved) -> None:
    assert quality.UrlResolver(TRUTH)(masked) == resolved


def test_scorer_matches_masked_findings() -> None:
    masked = [dict(f, url=f["url"].replace("b.example", "b.e******")) for f in PERFECT]
    s = quality.score(masked, TRUTH, coverage={"failed": [
        {"url": "https://www.peoplefinders.com/name/*", "error": "blocked"}]})
    assert s["precision"] == s["recall"] == 1.0 and s["not_checked_reported"] is True


def test_scorer_cli_scores_a_findings_file(tmp_path: Path, capsys) -> None:
    f = tmp_path / "findings.json"
    f.write_text(json.dumps({"audit": {"coverage": {"failed": []}}, "findings": PERFECT}))
    t = tmp_path / "truth.json"
    t.write_text(json.dumps(TRUTH))
    assert quality.main(["--findings", str(f), "--truth", str(t), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out[str(f)]["recall"] == 1.0
    assert quality.main(["--findings", str(tmp_path / "missing.json"), "--truth", str(t)]) == 2
    f.write_text("{not json")
    assert quality.main(["--findings", str(f), "--truth", str(t)]) == 2
