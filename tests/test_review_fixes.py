"""Fixes from the privacy and robustness review, one test (or table) each: hostile URLs and damaged
archives never end an audit, broken catalogs and keys are one clear line, what cannot be read is
"not checked", library logs carry no query, and the HTTP cache keeps no page in clear."""

from __future__ import annotations

import io
import logging
import os
import stat
import struct
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from footprint.analyze.images import ReferencePhotos, gps_of, read_gps
from footprint.errors import FetchError, FootprintError, ProbeError, ProfileError, StoreError
from footprint.model import Lead, Query, SearchResult
from footprint.profile import NetworkSettings, Profile, load_profile
from footprint.sites import SitesError, load_sites_file, parse_site
from footprint.vault import Vault
from footprint.web.archive import WebArchive, extract_page
from probes.catalog import CatalogError, broker_for_url, load_brokers
from probes.images import ImagesProbe
from tests.conftest import run_cli
from tests.faultserver import FaultServer, page, serve_faults
from tests.test_brokers_probe import make as make_brokers
from tests.test_hostile_audit import PROFILE as HOSTILE_PROFILE
from tests.test_images import jpeg, scene, write_profile
from tests.test_images_probe import FakeSearch as ImageSearch
from tests.test_images_probe import image_hit, make_probe, ok
from tests.warcutil import HTML, JPEG, write_warc

BAD_IPV6 = "http://[::1/x.jpg"  # urlsplit raises ValueError("Invalid IPv6 URL") on this


# --- web archive ------------------------------------------------------------------------------


def test_an_unparsable_image_url_does_not_stop_the_index(tmp_path: Path) -> None:
    body = (f'<html><head><base href="http://[bad/"><meta property="og:image" content="{BAD_IPV6}">'
            f'</head><body><p>Ann Example of Springfield</p><img src="{BAD_IPV6}" alt="Ann">'
            '<img src="https://img.example.org/a.jpg" alt="Ann at home"></body></html>')
    assert [i.url for i in extract_page(body, "https://news.example.org/ann").images] == [
        "https://img.example.org/a.jpg"]
    warc = write_warc(tmp_path / "a.warc.gz", [("https://news.example.org/ann", 200, HTML, body)])
    with WebArchive.open(warc, tmp_path / "cache") as archive:
        assert [r.url for r in archive.search('"ann example"')] == ["https://news.example.org/ann"]


def test_an_unparsable_redirect_is_a_fetch_error(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "a.warc.gz", [
        ("https://a.example.org/old", 302, [("Location", "http://[bad/")], b""),
        ("https://a.example.org/img", 302, [("Location", "http://[bad/x.jpg")], b""),
        ("https://a.example.org/", 200, HTML, '<p>Ann</p><img src="https://a.example.org/img">'),
    ])
    with WebArchive.open(warc, tmp_path / "cache") as archive:  # the image redirect: no crash
        with pytest.raises(FetchError, match="unreadable redirect"):
            archive.fetcher().fetch("https://a.example.org/old")


def test_a_damaged_record_is_an_archive_error_and_its_text_is_not_printed(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    from footprint.errors import ArchiveError

    secret = "Ann Example lives at 12 Elm Street"
    block = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>{secret}</p>".encode()
    record = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example.org/\r\n"
              b"Content-Type: application/http; msgtype=response\r\n"
              + f"Content-Length: {len(block) - 40}\r\n\r\n".encode() + block + b"\r\n\r\n")
    warc = tmp_path / "bad.warc"
    warc.write_bytes(record * 2)
    with pytest.raises(ArchiveError, match="damaged record at byte 0"):
        WebArchive.open(warc, tmp_path / "cache")
    captured = capfd.readouterr()
    assert "Elm Street" not in captured.err + captured.out  # warcio used to print the remainder


def test_an_unreadable_page_body_is_counted_and_logged_without_its_text(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    warc = write_warc(tmp_path / "a.warc.gz", [
        ("https://a.example.org/broken", 200, [*HTML, ("Content-Encoding", "x-unknown")],
         b"Ann Example, 12 Elm Street"),
        ("https://a.example.org/fine", 200, HTML, "<p>Ann Example</p>"),
    ])
    with caplog.at_level(logging.WARNING, logger="footprint.web.archive"):
        archive = WebArchive.open(warc, tmp_path / "cache")
    with archive:
        assert archive.unreadable == 1
        assert [r.url for r in archive.search('"ann example"')] == ["https://a.example.org/fine"]
        with pytest.raises(FetchError, match="Content-Encoding x-unknown not supported"):
            archive.fetcher().fetch("https://a.example.org/broken")
    assert "1 archived pages could not be read" in caplog.text
    assert "Elm Street" not in caplog.text


def test_brotli_bodies_are_decoded(tmp_path: Path) -> None:
    brotli = pytest.importorskip("brotli")
    warc = write_warc(tmp_path / "a.warc.gz", [
        ("https://a.example.org/", 200, [*HTML, ("Content-Encoding", "br")],
         brotli.compress(b"<p>Ann Example of Springfield</p>")),
    ])
    with WebArchive.open(warc, tmp_path / "cache") as archive:  # used to raise AttributeError
        assert [r.url for r in archive.search('"ann example"')] == ["https://a.example.org/"]
        got = archive.fetcher().fetch("https://a.example.org/")
        assert got.body == b"<p>Ann Example of Springfield</p>"
        assert "content-encoding" not in dict(got.headers)


# --- brokers catalog and probe ----------------------------------------------------------------


CATALOG = """
[[broker]]
id = "examplefinder"
name = "ExampleFinder"
domains = ["examplefinder.com"]
country = "US"
sources = ["https://examplefinder.com/optout"]
listing_markers = ["possible relatives"]
block_selector = "{selector}"
"""


@pytest.mark.parametrize("content, match", [
    (b"\xff\xfe\x00binary", "not UTF-8 text"),
    (CATALOG.format(selector="div.card[[[").encode(), "block_selector: not a CSS selector"),
])
def test_a_broken_catalog_file_is_one_clear_error(tmp_path: Path, content: bytes,
                                                  match: str) -> None:
    path = tmp_path / "brokers.toml"
    path.write_bytes(content)
    with pytest.raises(CatalogError, match=match):
        load_brokers(path)


def test_a_good_selector_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "brokers.toml"
    path.write_text(CATALOG.format(selector="div.card"))
    assert load_brokers(path)[0].block_selector == "div.card"


@pytest.mark.parametrize("url", [BAD_IPV6, "https://[::1", "not a url", ""])
def test_broker_for_an_unparsable_url_is_none(url: str) -> None:
    assert broker_for_url(url) is None


def test_the_brokers_catalog_option_names_the_profile_key(tmp_path: Path) -> None:
    bad = tmp_path / "brokers.toml"
    bad.write_bytes(b"\xff\xfe")
    with pytest.raises(ProfileError, match=r"probes\.brokers\.catalog: .*not UTF-8"):
        make_brokers(options={"catalog": str(bad)})


def test_a_lookup_whose_site_left_the_catalog_is_not_checked() -> None:
    q = Query(person="judge", identifier="name", text="https://gone.example.org/ann", kind="url",
              probe="brokers")
    with pytest.raises(ProbeError, match="no longer in the brokers catalog"):
        list(make_brokers().run(q))


# --- images probe -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def img_profile(tmp_path_factory: pytest.TempPathFactory) -> Profile:
    return load_profile(write_profile(tmp_path_factory.mktemp("review-images")))


def test_unparsable_image_urls_are_dropped_not_fatal(img_profile: Profile) -> None:
    results = [SearchResult(url=BAD_IPV6, image_url=BAD_IPV6),
               SearchResult(url="http://[bad/page", image_url="https://img.example/ok.jpg"),
               SearchResult(url="https://news.example/p", image_url="https://img.example/b.jpg")]
    search = ImageSearch({'"Eleanor Whitfield" Santa Rosa': results})
    probe = make_probe(img_profile, search)
    q = next(q for q in probe.plan() if q.text == '"Eleanor Whitfield" Santa Rosa')
    assert [h.url for h in probe.run(q)] == ["https://img.example/ok.jpg",
                                             "https://img.example/b.jpg"]
    lead = Lead(person="judge", kind="image", value=BAD_IPV6, found_on="http://[bad/page")
    assert list(probe.follow(lead)) == []


def _jpeg_with_exif(exif_payload: bytes) -> bytes:
    base = jpeg(scene(5))
    app1 = b"\xff\xe1" + struct.pack(">H", len(exif_payload) + 2) + exif_payload
    return base[:2] + app1 + base[2:]


# IFD0 with one entry: the GPS IFD pointer (0x8825) pointing far past the end of the data.
BROKEN_GPS = _jpeg_with_exif(b"Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08\x00\x01"
                             b"\x88\x25\x00\x04\x00\x00\x00\x01\x7f\xff\xff\x00\x00\x00\x00\x00")


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data:UserWarning")
@pytest.mark.parametrize("data, problem", [
    (BROKEN_GPS, "the EXIF GPS block is unreadable"),
    (jpeg(scene(5)), None),  # no EXIF at all: no position, and nothing wrong
])
def test_gps_metadata_that_cannot_be_read_is_a_problem_not_silence(data: bytes,
                                                                     problem: str | None) -> None:
    reading = gps_of(data)
    assert reading.tag is None and read_gps(data) is None
    assert reading.problem == problem


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data:UserWarning")
def test_an_unreadable_gps_block_is_reported_as_not_checked(img_profile: Profile) -> None:
    result = make_probe(img_profile).examine(image_hit("https://img.example/x.jpg"),
                                             ok(BROKEN_GPS))
    assert [s.reason for s in result.skipped] == [
        "GPS tag not checked: the EXIF GPS block is unreadable"]


class ExplodingEncoder:
    """A face encoder that fails like dlib on an image it cannot handle."""

    def encodings(self, image: Image.Image) -> list[np.ndarray]:
        raise RuntimeError("Unsupported image type")


def test_a_face_encoder_failure_on_a_reference_photo_is_coverage(img_profile: Profile) -> None:
    refs = ReferencePhotos.load(img_profile, face_encoder=ExplodingEncoder())
    assert len(refs) >= 1  # still hashed
    assert any("face could not be encoded (RuntimeError)" in s.reason for s in refs.skipped)


def test_a_face_matching_failure_on_a_fetched_image_is_not_checked(img_profile: Profile) -> None:
    class Exploding(ImagesProbe):
        def references(self) -> ReferencePhotos:  # type: ignore[override]
            refs = ReferencePhotos.load(self.ctx.profile)
            refs.face_encoder = ExplodingEncoder()
            refs.photos = tuple(p.__class__(p.person, p.identifier, p.hashes, (np.zeros(128),))
                                for p in refs.photos)
            return refs

    result = make_probe(img_profile, cls=Exploding).examine(
        image_hit("https://img.example/x.jpg"), ok(jpeg(scene(9))))
    assert [s.reason for s in result.skipped] == [
        "not checked: photo matching failed (RuntimeError)"]


# --- account sites --------------------------------------------------------------------------------


def _site(**over: object) -> dict[str, object]:
    base: dict[str, object] = {"name": "Example", "uri_check": "https://example.org/u/{account}",
                               "e_code": 200, "e_string": "profile", "m_code": 404,
                               "m_string": "", "known": ["someone"], "cat": "social"}
    return base | over


@pytest.mark.parametrize("over, field", [
    ({"uri_check": "http://[bad/{account}"}, "uri_check"),
    ({"uri_pretty": "javascript:alert('{account}')"}, "uri_pretty"),
    ({"uri_pretty": "https://[::1/{account}"}, "uri_pretty"),
])
def test_site_urls_must_be_parsable_http(over: dict[str, object], field: str) -> None:
    with pytest.raises(SitesError, match=rf"\.{field}: expected an http\(s\) URL"):
        parse_site(_site(**over), "f: sites[0]", "f")


def test_a_third_party_file_with_a_broken_url_drops_that_site_only(tmp_path: Path) -> None:
    import json

    path = tmp_path / "wmn.json"
    path.write_text(json.dumps({"sites": [_site(uri_check="http://[x/{account}"),
                                          _site(name="Fine")]}))
    loaded = load_sites_file(path)
    assert [s.name for s in loaded.sites] == ["Fine"] and len(loaded.problems) == 1


def test_site_names_are_shown_as_text_not_markup(tmp_path: Path, footprint_home: Path) -> None:
    import json

    path = tmp_path / "wmn.json"
    path.write_text(json.dumps({"sites": [_site(name="Evil [/x] [bold]site"),
                                          _site(name="[/oops]", e_code="x")]}))
    r = run_cli(["sites", "list", "--sites-file", str(path)], footprint_home)
    assert r.returncode == 0, r.stderr
    assert "Evil [/x] [bold]site" in r.stdout and "[/oops]" in r.stdout


# --- the store's key ------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"AGE-SECRET-KEY-1garbage\n", b"\xff\xfe\x00\x01", b""])
def test_a_damaged_store_key_is_one_clear_error(tmp_path: Path, content: bytes) -> None:
    key = tmp_path / "store.key"
    key.write_bytes(content)
    with pytest.raises(StoreError, match="store.key: not an age secret key") as e:
        Vault(key)
    assert "garbage" not in str(e.value)  # the key file's content is never repeated


def test_data_sealed_with_another_key_is_a_store_error(tmp_path: Path) -> None:
    blob = Vault(tmp_path / "a.key").seal(b"12 Elm Street")
    with pytest.raises(StoreError, match="cannot open data sealed in the store"):
        Vault(tmp_path / "b.key").open(blob)


def test_an_existing_key_is_never_replaced(tmp_path: Path) -> None:
    key = tmp_path / "store.key"
    first = Vault(key)
    before = key.read_bytes()
    second = Vault(key)
    assert key.read_bytes() == before
    assert second.open(first.seal(b"x")) == b"x"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["store.key"]  # no temp file left


# --- the live fetcher ----------------------------------------------------------------------------


StartServer = Callable[..., FaultServer]


@pytest.fixture
def fault_server() -> Iterator[StartServer]:
    yield from serve_faults()


def test_the_http_cache_keeps_no_page_in_clear(fault_server: StartServer, tmp_path: Path) -> None:
    secret = "Ann Example, 12 Elm Street, Springfield"
    srv = fault_server({"site-a.test/ann-example": page(secret, etag='"v1"')})
    cache = tmp_path / "cache" / "http.sqlite"
    with srv.fetcher(NetworkSettings(timeout=2, rate_per_host=100, retries=0),
                     cache_path=cache) as f:
        f.fetch(srv.url("site-a.test", "/ann-example"))
        again = f.fetch(srv.url("site-a.test", "/ann-example"))
    assert again.from_cache and again.text() == secret  # the sealed entry opens
    raw = b"".join(p.read_bytes() for p in cache.parent.iterdir() if p.is_file())
    assert b"Elm Street" not in raw and b"ann-example" not in raw
    key = cache.with_name("http.sqlite.key")
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


def _entry_keys(cache: Path) -> set[str]:
    import sqlite3

    with sqlite3.connect(cache) as db:
        return {r[0] for r in db.execute("SELECT key FROM responses")}


def test_http_cache_keys_are_keyed_per_installation(fault_server: StartServer,
                                                    tmp_path: Path) -> None:
    # A plain hash of the URL would be the same in every installation, and a guessed URL (a
    # phone look-up) could be hashed and looked for; a keyed one differs per cache key.
    srv = fault_server({"site-a.test/phone/1-707-555-0100": page("listing", etag='"v1"')})
    keys = []
    for name in ("one", "two"):
        cache = tmp_path / name / "http.sqlite"
        with srv.fetcher(NetworkSettings(retries=0), cache_path=cache) as f:
            f.fetch(srv.url("site-a.test", "/phone/1-707-555-0100"))
        keys.append(_entry_keys(cache))
    assert len(keys[0]) == len(keys[1]) == 1 and keys[0] != keys[1]


def test_an_unsealed_cache_from_before_is_removed(fault_server: StartServer,
                                                  tmp_path: Path) -> None:
    import sqlite3

    cache = tmp_path / "http.sqlite"
    with sqlite3.connect(cache) as db:  # an old cache: plain pickles, no key beside it
        db.execute("CREATE TABLE responses (key TEXT PRIMARY KEY, value BLOB, expires INTEGER)")
        db.execute("INSERT INTO responses VALUES ('k', ?, NULL)", (b"12 Elm Street",))
    fault_server({}).fetcher(NetworkSettings(), cache_path=cache).close()
    assert b"Elm Street" not in cache.read_bytes()


def test_a_cache_folder_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    from footprint.web.http import HttpFetcher

    (tmp_path / "cache").write_text("a file")
    with pytest.raises(FootprintError, match="cannot open the HTTP cache"):
        HttpFetcher(NetworkSettings(), cache_path=tmp_path / "cache" / "http.sqlite", contact=None)


def test_a_transport_oserror_is_a_fetch_error(tmp_path: Path) -> None:
    from footprint.web.http import HttpFetcher

    # requests raises a bare OSError for a CA bundle it cannot find, before any connection.
    with HttpFetcher(NetworkSettings(retries=0), cache_path=None, contact=None,
                     allow_hosts={"127.0.0.1"}, ca_bundle=tmp_path / "missing.pem") as f:
        with pytest.raises(FetchError, match=r"request failed \(OSError\)"):
            f.fetch("https://127.0.0.1:9/")


# --- logs -----------------------------------------------------------------------------------------


def test_search_library_loggers_are_capped_so_queries_stay_out_of_verbose_logs() -> None:
    from footprint.web.search_ddgs import DdgsSearch

    for name in ("primp", "ddgs"):
        logging.getLogger(name).setLevel(logging.NOTSET)
    DdgsSearch("us-en")
    assert not logging.getLogger("primp").isEnabledFor(logging.CRITICAL)
    assert not logging.getLogger("ddgs").isEnabledFor(logging.INFO)


# --- end to end -------------------------------------------------------------------------------

PROFILE = HOSTILE_PROFILE.replace('enabled = ["web"]', 'enabled = ["web", "images"]')
assert '"images"' in PROFILE


def test_a_hostile_page_with_unparsable_urls_does_not_end_the_audit(tmp_path: Path,
                                                                      footprint_home: Path) -> None:
    body = (f'<html><head><title>Ann Example</title><meta property="og:image" content="{BAD_IPV6}">'
            f'</head><body><p>Ann Example of Springfield, phone (707) 555-0100.</p>'
            f'<img src="{BAD_IPV6}" alt="Ann Example"><a href="http://[bad/x">Ann</a>'
            '<img src="https://img.example.org/ann.jpg" alt="Ann Example at home"></body></html>')
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(buf, "JPEG")
    warc = write_warc(tmp_path / "h.warc.gz", [
        ("https://news.example.org/ann-example", 200, HTML, body),
        ("https://img.example.org/ann.jpg", 200, JPEG, buf.getvalue()),
    ])
    prof = tmp_path / "p.toml"
    prof.write_text(PROFILE)
    r = run_cli(["audit", str(prof), "--web-archive", str(warc), "--out", str(tmp_path / "out")],
                footprint_home)
    assert r.returncode == 0, r.stderr
    assert "internal error" not in r.stderr + r.stdout


def test_a_binary_broker_catalog_is_one_line_and_exit_2(tmp_path: Path,
                                                       footprint_home: Path) -> None:
    (tmp_path / "brokers.toml").write_bytes(os.urandom(64) + b"\xff")
    prof = tmp_path / "p.toml"
    prof.write_text(PROFILE.replace('["web", "images"]', '["brokers"]')
                    + '\n[probes.brokers]\ncatalog = "brokers.toml"\n')
    warc = write_warc(tmp_path / "a.warc.gz", [("https://a.example.org/", 200, HTML, "<p>x</p>")])
    r = run_cli(["audit", str(prof), "--web-archive", str(warc), "--out", str(tmp_path / "out")],
                footprint_home)
    assert r.returncode == 2, r.stderr
    assert "probes.brokers.catalog" in r.stderr and "not UTF-8" in r.stderr
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr



# --- fixes the lead applied from the review -----------------------------------------------------


def test_store_keeps_urls_sealed(tmp_path):  # type: ignore[no-untyped-def]
    """A URL can hold a phone: the store keeps it only sealed (clear columns: masked or host)."""
    from footprint.model import Category, Finding, Remediation, Severity, Skipped
    from footprint.store import open_store

    url = "https://www.whitepages.com/phone/1-707-555-0142"
    f = Finding(id="f1", person="judge", category=Category.PHONE, severity=Severity.HIGH,
                confidence=0.9, url=url, source="people-search", probe="brokers", identifier="phones[0]",
                evidence="+1 707 ***-**42", rationale="r", remediation=Remediation(action="opt out", group="x"),
                possible_match=False, fingerprint="fp", value="+17075550142")
    with open_store(tmp_path) as store:
        store.create_audit("a1", "judge", "h", "self-audit", "2026-11-20T00:00:00Z", ["web"], None, [])
        store.record_query("a1", "k", "web", "judge", "name", "web",
                           [{"url": url, "probe": "web", "person": "judge", "kind": "page"}], None, "now")
        store.record_page("a1", "p", "web", url, 200, "sha", None, {"exposures": []}, "now")
        store.save_results("a1", [f], [Skipped(url, "blocked: HTTP 429 rate limited")],
                           mask=lambda u: u.replace("555-0142", "***-**42"))
        back = store.findings("a1")
        assert back[0].url == url and back[0].remediation.group == "x"
        assert store.skipped("a1")[0].source == url
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("footprint.sqlite3"))
    assert b"555-0142" not in raw and b"5550142" not in raw


def test_disk_errors_are_one_line(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    import pytest

    from footprint.errors import FootprintError
    from footprint.paths import private_dir, write_private

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(FootprintError, match="cannot create or use the folder"):
        private_dir(blocker / "sub")
    with pytest.raises(FootprintError, match="cannot write the file"):
        write_private(tmp_path / "missing" / "f.txt", "x")
    # a symlink planted at the temp path is not followed
    target = tmp_path / "victim"
    target.write_text("keep")
    out = tmp_path / "report.html"
    (tmp_path / f".report.html.{__import__('os').getpid()}.tmp").symlink_to(target)
    write_private(out, "new")
    assert target.read_text() == "keep" and out.read_text() == "new"


def test_cli_bad_out_folder_fails_before_the_audit(tmp_path, footprint_home):  # type: ignore[no-untyped-def]
    from footprint import demo
    from tests.conftest import run_cli

    blocker = tmp_path / "afile"
    blocker.write_text("x")
    r = run_cli(["audit", str(demo.profile_path()), "--web-archive", str(demo.archive_path()),
                 "--out", str(blocker / "out")], footprint_home)
    assert r.returncode == 2 and "afile is not a folder" in r.stderr
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr
    assert "No audits stored" in run_cli(["audits"], footprint_home).stdout


def test_empty_alias_is_refused(tmp_path):  # type: ignore[no-untyped-def]
    import pytest

    from footprint.errors import ProfileError
    from footprint.profile import load_profile
    from tests.conftest import PROFILE_TEXT

    p = tmp_path / "p.toml"
    p.write_text(PROFILE_TEXT.replace('name = "Ann Example"', 'name = "Ann Example"\naliases = ["Ann", " "]'))
    with pytest.raises(ProfileError, match=r"subject.aliases.*item 1"):
        load_profile(p)


def test_triage_id_is_validated(footprint_home):  # type: ignore[no-untyped-def]
    from tests.conftest import run_cli

    r = run_cli(["triage", "%", "confirmed"], footprint_home)
    assert r.returncode == 2 and "hexadecimal" in r.stderr
