"""Offline web archives (DESIGN.md §5): URL normalisation, the archive search index, the archive
fetcher, the index cache, bad archives, and proof that nothing touches the network."""

from __future__ import annotations

import gzip
import os
import shutil
import socket
import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from footprint.errors import ArchiveError, FetchError
from footprint.web import archive as archive_mod
from footprint.web.archive import WebArchive, fold, parse_query
from footprint.web.urls import host_of, normalize_url, same_site
from tests.warcutil import HTML, JPEG, html_page, write_warc

REAL = Path(__file__).parent / "fixtures" / "webrecorder"
"""Real archives from warcio's test data (Apache-2.0; see the README there)."""

# --- URL normalisation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://Example.COM", "https://example.com/"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("https://example.com/Eleanor-Whitfield#top", "https://example.com/Eleanor-Whitfield"),
        ("https://example.com/p?b=2&a=1", "https://example.com/p?b=2&a=1"),
        ("https://example.com/%7Euser/%41%2Fx", "https://example.com/~user/A%2Fx"),
        ("https://example.com/a%2fb", "https://example.com/a%2Fb"),
        ("https://example.com/a/./b/../c", "https://example.com/a/c"),
        ("https://bücher.example/x", "https://xn--bcher-kva.example/x"),
        ("https://example.com/Řezník", "https://example.com/%C5%98ezn%C3%ADk"),
        ("https://example.com/a b", "https://example.com/a%20b"),
        ("https://www.example.com./", "https://www.example.com/"),
        ("  https://example.com/x  ", "https://example.com/x"),
        ("mailto:someone@example.com", "mailto:someone@example.com"),
        ("not a url", "not a url"),
    ],
)
def test_normalize_url(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


def test_normalize_url_is_idempotent() -> None:
    for u in ("https://Bücher.example:443/A/%7e/../B?q=Ř#f", "http://x.org"):
        once = normalize_url(u)
        assert normalize_url(once) == once


@pytest.mark.parametrize(
    ("host", "domain", "same"),
    [
        ("example.com", "example.com", True),
        ("www.example.com", "example.com", True),
        ("a.b.example.com", "example.com", True),
        ("EXAMPLE.com", "example.COM", True),
        ("example.com", "www.example.com", False),
        ("badexample.com", "example.com", False),
        ("example.com.evil.net", "example.com", False),
        ("", "example.com", False),
    ],
)
def test_same_site(host: str, domain: str, same: bool) -> None:
    assert same_site(host, domain) is same


def test_host_of() -> None:
    assert host_of("https://WWW.Example.com:8443/x") == "www.example.com"
    assert host_of("https://bücher.example/") == "xn--bcher-kva.example"
    assert host_of("no url") == ""


# --- a small archive -------------------------------------------------------------------------

LONG_FILLER = " ".join(f"filler{i}" for i in range(150))

PAGES = [
    (
        "https://www.example.com/",
        200,
        HTML,
        html_page(
            "Welcome",
            "<p>Judge <span>Eleanor</span> <b>Whit</b>field of Santa Rosa.</p>"
            "<figure><img src='/img/beach.jpg' alt='Family at the beach'>"
            "<figcaption>Summer in Bodega Bay</figcaption></figure>"
            "<p>Unrelated closing text.</p><script>var hidden = 'Secretword';</script>"
            "<style>.x{}</style><noscript>noscriptword</noscript><template>templateword</template>",
        ),
    ),
    (
        "https://blog.example.com/post",
        200,
        HTML,
        html_page(
            "Blog post",
            "<table><tr><td>Eleanor</td><td>Whitfield</td></tr></table>"
            "<div>Ann</div><div>Example</div>"
            "<p>Our daughter won the science fair.</p>"
            "<img src='https://cdn.example.net/sophie.jpg'>"
            "<p>Sophie at Brookside Middle School, proud as ever.</p>"
            "<img srcset='/img/dan-small.jpg 1x, /img/dan.jpg 2x' title='Dan on his bike'>"
            "<img src='/img/missing.jpg' alt='Eleanor not archived'>",
        ),
    ),
    (
        "https://cz.example.org/clanek",
        200,
        HTML,
        html_page("Článek", "<p>Soudkyně JUDr. Jana Řezníčková z Brna.</p>"),
    ),
    (
        "https://notexample.com/x",
        200,
        HTML,
        html_page("Other", "<p>Eleanor Whitfield of Austin.</p>"),
    ),
    (
        "https://example.com.evil.net/x",
        200,
        HTML,
        html_page("Evil", "<p>Eleanor Whitfield evil.</p>"),
    ),
    (
        "https://rank.example.net/dense",
        200,
        HTML,
        html_page("Dense", "<p>whitfield whitfield whitfield whitfield whitfield family</p>"),
    ),
    (
        "https://rank.example.net/sparse",
        200,
        HTML,
        html_page("Sparse", f"<p>whitfield {LONG_FILLER}</p>"),
    ),
    ("https://rank.example.net/none", 200, HTML, html_page("None", "<p>nothing here</p>")),
    ("https://rank.example.net/gone", 404, HTML, html_page("Gone", "<p>whitfield not found</p>")),
    (
        "https://social.example.org/p/1",
        200,
        HTML,
        (
            '<html><head><title>Post</title><meta property="og:image" content="/media/1.jpg">'
            '<meta property="og:description" content="Margaret in Sebastopol garden"></head>'
            "<body><p>A post.</p></body></html>"
        ),
    ),
    ("https://www.example.com/img/beach.jpg", 200, JPEG, b"\xff\xd8\xffbeach"),
    ("https://cdn.example.net/sophie.jpg", 200, JPEG, b"\xff\xd8\xffsophie"),
    ("https://blog.example.com/img/dan-small.jpg", 200, JPEG, b"\xff\xd8\xffdan"),
    ("https://social.example.org/media/1.jpg", 200, (("Content-Type", "image/png"),), b"\x89PNGx"),
    ("https://www.example.com/old", 301, [("Location", "/")], b""),
    ("https://www.example.com/chain1", 302, [("Location", "https://www.example.com/chain2")], b""),
    ("https://www.example.com/chain2", 307, [("Location", "/old")], b""),
    ("https://www.example.com/loop1", 302, [("Location", "/loop2")], b""),
    ("https://www.example.com/loop2", 302, [("Location", "/loop1")], b""),
    ("https://www.example.com/to-nowhere", 301, [("Location", "/absent")], b""),
    (
        "https://www.example.com/plain.txt",
        200,
        [("Content-Type", "text/plain")],
        "Plain text Whitfield note",
    ),
]


def _build(path: Path, **kw: object) -> Path:
    return write_warc(path, PAGES, **kw)  # type: ignore[arg-type]


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def arch(tmp_path: Path, cache: Path) -> WebArchive:
    a = WebArchive.open(_build(tmp_path / "site.warc.gz"), cache)
    yield a
    a.close()


def urls(results: list) -> list[str]:
    return [r.url for r in results]


# --- search semantics ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"reznickova"', ["https://cz.example.org/clanek"]),
        ('"ŘEZNÍČKOVÁ"', ["https://cz.example.org/clanek"]),
        ('"Jana Řezníčková"', ["https://cz.example.org/clanek"]),
        ('"jana reznickova z brna"', ["https://cz.example.org/clanek"]),
        ('"reznick"', []),  # a phrase matches whole words only
        ('"jana novakova"', []),
        ('"clanek"', ["https://cz.example.org/clanek"]),  # the title counts
        # word for word: punctuation between the words does not matter, as in search engines
        ('"Řezníčková z Brna"', ["https://cz.example.org/clanek"]),
        ('"JUDr Jana"', ["https://cz.example.org/clanek"]),
        ('"jana, reznickova"', ["https://cz.example.org/clanek"]),
        # either phrase of an OR group; parentheses around it are ignored
        ('("jana novakova" OR "jana reznickova")', ["https://cz.example.org/clanek"]),
        ('"jana novakova" OR "petra novakova"', []),
        ('("jana novakova" OR "reznickova") "brna"', ["https://cz.example.org/clanek"]),
        ('("jana novakova" OR "reznickova") "praha"', []),
    ],
)
def test_phrase_exact_case_and_accent_insensitive(
    arch: WebArchive, query: str, expected: list[str]
) -> None:
    assert urls(arch.search(query)) == expected


def test_phrase_across_tags(arch: WebArchive) -> None:
    # "<span>Eleanor</span> <b>Whit</b>field" and "<td>Eleanor</td><td>Whitfield</td>"
    found = set(urls(arch.search('"eleanor whitfield"', max_results=50)))
    assert {"https://www.example.com/", "https://blog.example.com/post"} <= found
    # block elements separate words; inline ones do not
    assert urls(arch.search('"annexample"')) == []
    assert urls(arch.search('"ann example"')) == ["https://blog.example.com/post"]
    assert urls(arch.search('"whitfield of santa rosa"')) == ["https://www.example.com/"]


def test_a_pages_address_is_searched_too(tmp_path: Path, cache: Path) -> None:
    """A search engine matches a query in a page's address: a blog on a username's own
    subdomain is found by the username though no post prints it."""
    pages = [
        ("https://limestonedan.wordpress.com/2026/06/21/rain-barrels/", 200, HTML,
         "<html><head><title>Rain barrels</title></head><body><p>Hooked up the second rain "
         "barrel behind the patio.</p></body></html>"),
        ("https://www.example.com/other", 200, HTML,
         "<html><head><title>Other</title></head><body><p>Rain again.</p></body></html>"),
    ]
    with WebArchive.open(write_warc(tmp_path / "blog.warc.gz", pages), cache) as a:
        assert urls(a.search('"limestonedan"')) == [
            "https://limestonedan.wordpress.com/2026/06/21/rain-barrels/"]
        assert urls(a.search('"limestonedan" "rain barrel"')) == [
            "https://limestonedan.wordpress.com/2026/06/21/rain-barrels/"]
        assert urls(a.search('"limestonedan" "hailstorm"')) == []


@pytest.mark.parametrize("hidden", ["secretword", "noscriptword", "templateword"])
def test_invisible_text_not_indexed(arch: WebArchive, hidden: str) -> None:
    assert arch.search(hidden) == []
    assert arch.search(f'"{hidden}"') == []


def test_site_restricts_to_host_and_subdomains(arch: WebArchive) -> None:
    got = set(urls(arch.search('site:example.com "eleanor whitfield"')))
    assert got == {"https://www.example.com/", "https://blog.example.com/post"}
    assert urls(arch.search('site:blog.example.com "eleanor whitfield"')) == [
        "https://blog.example.com/post"
    ]
    # several site: = any of them
    got = set(urls(arch.search('site:notexample.com site:blog.example.com "eleanor whitfield"')))
    assert got == {"https://notexample.com/x", "https://blog.example.com/post"}
    # -site: drops a host
    got = set(urls(arch.search('-site:example.com "eleanor whitfield"', max_results=50)))
    assert got == {"https://notexample.com/x", "https://example.com.evil.net/x"}
    # site: alone lists the site's pages by URL
    assert urls(arch.search("site:rank.example.net")) == [
        "https://rank.example.net/dense",
        "https://rank.example.net/none",
        "https://rank.example.net/sparse",
    ]


def test_exclusion(arch: WebArchive) -> None:
    assert "https://notexample.com/x" not in urls(
        arch.search('"eleanor whitfield" -austin', max_results=50)
    )
    assert "https://notexample.com/x" in urls(arch.search('"eleanor whitfield"', max_results=50))
    assert urls(arch.search('"eleanor whitfield" -"santa rosa" site:www.example.com')) == []


@pytest.mark.parametrize("query", ["", "   ", "&", "- OR", '""', "-site:example.com", "-whitfield"])
def test_queries_with_nothing_to_find(arch: WebArchive, query: str) -> None:
    assert arch.search(query) == []


def test_title_is_the_head_title(tmp_path: Path, cache: Path) -> None:
    page = (
        "<html><head><title>Real title</title></head><body>"
        "<svg><title>icon</title></svg><p>Body text</p></body></html>"
    )
    notitle = "<html><body><svg><title>Only svg</title></svg><p>More text</p></body></html>"
    path = write_warc(
        tmp_path / "t.warc",
        [("https://t.example/", 200, HTML, page), ("https://t.example/2", 200, HTML, notitle)],
    )
    with WebArchive.open(path, cache) as a:
        assert [r.title for r in a.search('"body text"')] == ["Real title"]
        assert [r.title for r in a.search('"more text"')] == ["Only svg"]


def test_every_phrase_is_required(arch: WebArchive) -> None:
    assert urls(arch.search('"eleanor whitfield" "santa rosa"')) == ["https://www.example.com/"]
    assert arch.search('"eleanor whitfield" "new york"') == []


def test_ranking_denser_page_first(arch: WebArchive) -> None:
    got = urls(arch.search("whitfield", max_results=50))
    assert got.index("https://rank.example.net/dense") < got.index(
        "https://rank.example.net/sparse"
    )
    assert "https://rank.example.net/none" not in got
    assert "https://rank.example.net/gone" not in got  # a 404 capture is not a search result
    # an extra optional word raises a page that has it
    got = urls(arch.search("whitfield family"))
    assert got[0] == "https://rank.example.net/dense"


def test_plain_text_pages_are_indexed(arch: WebArchive) -> None:
    assert urls(arch.search('"whitfield note"')) == ["https://www.example.com/plain.txt"]


def test_max_results_and_snippet(arch: WebArchive) -> None:
    assert len(arch.search("whitfield", max_results=2)) == 2
    assert arch.search("whitfield", max_results=0) == []
    res = arch.search('"filler140"')
    assert urls(res) == ["https://rank.example.net/sparse"]
    snip = res[0].snippet
    assert "filler140" in snip and len(snip) <= 210 and snip.startswith("…")
    assert res[0].title == "Sparse"
    cz = arch.search('"reznickova"')[0]
    assert "Řezníčková" in cz.snippet  # snippets show the original text, not the folded one


def test_deterministic(tmp_path: Path, arch: WebArchive) -> None:
    q = "whitfield eleanor santa"
    first = arch.search(q, max_results=50)
    assert arch.search(q, max_results=50) == first
    # the same archive at another path, indexed from scratch in another cache
    copy = tmp_path / "copy" / "site.warc.gz"
    copy.parent.mkdir()
    shutil.copy(arch.files[0], copy)
    other = WebArchive.open(copy, tmp_path / "cache2")
    try:
        assert other.digest == arch.digest
        assert other.search(q, max_results=50) == first
        assert other.search('"eleanor"', kind="image") == arch.search('"eleanor"', kind="image")
    finally:
        other.close()


def test_image_search(arch: WebArchive) -> None:
    by_alt = arch.search('"family at the beach"', kind="image")
    assert [(r.url, r.image_url) for r in by_alt] == [
        ("https://www.example.com/", "https://www.example.com/img/beach.jpg")
    ]
    by_caption = arch.search('"bodega bay"', kind="image")
    assert [r.image_url for r in by_caption] == ["https://www.example.com/img/beach.jpg"]
    by_nearby = arch.search('"brookside middle school"', kind="image")
    assert "https://cdn.example.net/sophie.jpg" in [r.image_url for r in by_nearby]
    assert all(r.url == "https://blog.example.com/post" for r in by_nearby)
    by_srcset_title = arch.search('"dan on his bike"', kind="image")
    assert [r.image_url for r in by_srcset_title] == ["https://blog.example.com/img/dan-small.jpg"]
    by_og = arch.search('"sebastopol garden"', kind="image")
    assert [(r.url, r.image_url) for r in by_og] == [
        ("https://social.example.org/p/1", "https://social.example.org/media/1.jpg")
    ]
    # an image the page embeds but the archive does not hold is never a result
    assert arch.search('"eleanor not archived"', kind="image") == []
    # image search does not return pages, web search does not return images
    assert all(r.image_url for r in arch.search("eleanor", kind="image", max_results=50))
    assert all(r.image_url is None for r in arch.search("eleanor", max_results=50))
    with pytest.raises(ValueError):
        arch.search("x", kind="video")


@pytest.mark.parametrize(
    ("query", "phrases", "words", "excluded", "sites"),
    [
        ('"Eleanor Whitfield" santa', ("eleanor whitfield",), ("santa",), (), ()),
        ("site:Example.COM -austin", (), (), ("austin",), ("example.com",)),
        (
            "site:https://www.example.com/x “Řezníčková”",
            ("reznickova",),
            (),
            (),
            ("www.example.com",),
        ),
        ('a OR b -"x y" "unclosed phrase', ("unclosed phrase",), ("a", "b"), ("x y",), ()),
    ],
)
def test_parse_query(
    query: str, phrases: tuple, words: tuple, excluded: tuple, sites: tuple
) -> None:
    q = parse_query(query)
    assert (q.phrases, q.words, q.excluded, q.sites) == (phrases, words, excluded, sites)


def test_parse_query_or_groups() -> None:
    q = parse_query('("Whitfield, Eleanor" OR "Eleanor R Whitfield") "(707) 555-0142" austin')
    assert q.any_of == (("whitfield, eleanor", "eleanor r whitfield"),)
    assert q.phrases == ("(707) 555-0142",)
    assert q.words == ("austin",)


def test_fold() -> None:
    assert fold("  Řezníčková\u00a0 ŁÓDŹ\n Straße ") == "reznickova lodz strasse"


# --- fetch -----------------------------------------------------------------------------------


def test_fetch_200_404(arch: WebArchive) -> None:
    f = arch.fetcher()
    r = f.fetch("https://WWW.example.com:443/#frag")
    assert r.status == 200 and r.is_html and r.from_cache
    assert b"Eleanor" in r.body
    assert all(k == k.lower() for k, _ in r.headers)
    assert r.url == "https://WWW.example.com:443/#frag" and r.requested_url == r.url
    miss = f.fetch("https://www.example.com/absent")
    assert (miss.status, miss.body, miss.headers) == (
        404,
        b"Not Found",
        (("content-type", "text/plain"),),
    )
    assert miss.from_cache
    gone = f.fetch("https://rank.example.net/gone")  # a recorded 404 is returned as recorded
    assert gone.status == 404 and b"whitfield not found" in gone.body
    img = f.fetch("https://www.example.com/img/beach.jpg")
    assert img.is_image and img.body == b"\xff\xd8\xffbeach"
    assert f.fetch("mailto:x@example.com").status == 404


def test_fetch_redirects(arch: WebArchive) -> None:
    f = arch.fetcher()
    r = f.fetch("https://www.example.com/old")
    assert (r.status, r.url, r.requested_url) == (
        200,
        "https://www.example.com/",
        "https://www.example.com/old",
    )
    r = f.fetch("https://www.example.com/chain1")
    assert r.status == 200 and r.url == "https://www.example.com/"
    r = f.fetch("https://www.example.com/to-nowhere")
    assert (r.status, r.url) == (404, "https://www.example.com/absent")
    with pytest.raises(FetchError, match="redirect loop"):
        f.fetch("https://www.example.com/loop1")


def test_fetch_too_many_redirects(tmp_path: Path, cache: Path) -> None:
    hops = [(f"https://r.example/{i}", 302, [("Location", f"/{i + 1}")], b"") for i in range(12)]
    hops.append(("https://r.example/12", 200, HTML, "end"))
    a = WebArchive.open(write_warc(tmp_path / "r.warc", hops), cache)
    try:
        assert a.fetcher().fetch("https://r.example/2").status == 200  # 10 hops: fine
        with pytest.raises(FetchError, match="more than 10 redirects"):
            a.fetcher().fetch("https://r.example/0")
    finally:
        a.close()


def test_fetch_gzip_content_encoding(tmp_path: Path, cache: Path) -> None:
    a = WebArchive.open(_build(tmp_path / "gz.warc", gzip_bodies=True), cache)
    try:
        r = a.fetcher().fetch("https://www.example.com/")
        assert r.status == 200 and r.body.startswith(b"<!doctype html>")
        assert r.header("content-encoding") is None
        assert urls(a.search('"eleanor whitfield" "santa rosa"')) == ["https://www.example.com/"]
        assert (
            a.fetcher().fetch("https://www.example.com/img/beach.jpg").body == b"\xff\xd8\xffbeach"
        )
    finally:
        a.close()


def test_fetch_is_thread_safe(arch: WebArchive) -> None:
    f = arch.fetcher()
    targets = [
        "https://www.example.com/",
        "https://blog.example.com/post",
        "https://www.example.com/old",
        "https://cdn.example.net/sophie.jpg",
        "https://nowhere.example/",
    ] * 20
    expected = [f.fetch(u) for u in targets]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(f.fetch, targets))
        searched = list(pool.map(lambda q: arch.search(q), ['"eleanor whitfield"'] * 20))
    assert got == expected
    assert all(s == searched[0] for s in searched)


def test_newest_capture_wins(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "twice.warc.gz"
    write_warc(
        path,
        [
            ("https://a.example/", 200, HTML, html_page("Old", "<p>old text</p>")),
            ("https://a.example/", 200, HTML, html_page("New", "<p>new text</p>")),
        ],
    )
    a = WebArchive.open(path, cache)
    try:
        assert b"new text" in a.fetcher().fetch("https://a.example/").body
        assert a.search('"old text"') == [] and len(a.search('"new text"')) == 1
    finally:
        a.close()


# --- archive forms and the index cache -------------------------------------------------------


def test_warc_warcgz_and_folder_agree(tmp_path: Path, cache: Path) -> None:
    plain = WebArchive.open(_build(tmp_path / "a.warc"), cache)
    gz = WebArchive.open(_build(tmp_path / "b.warc.gz"), cache)
    folder = tmp_path / "folder"
    (folder / "sub").mkdir(parents=True)
    write_warc(folder / "one.warc.gz", PAGES[:9])
    write_warc(folder / "sub" / "two.warc", PAGES[9:])
    (folder / "notes.txt").write_text("ignored")
    fold_arch = WebArchive.open(folder, cache)
    try:
        assert fold_arch.name == "folder" and plain.name == "a.warc" and gz.name == "b.warc.gz"
        assert len({plain.digest, gz.digest, fold_arch.digest}) == 3
        for q, kind in (
            ('"eleanor whitfield"', "web"),
            ("whitfield", "web"),
            ('"bodega bay"', "image"),
            ('"sebastopol garden"', "image"),
        ):
            expected = plain.search(q, kind=kind, max_results=50)
            assert expected
            assert gz.search(q, kind=kind, max_results=50) == expected
            assert fold_arch.search(q, kind=kind, max_results=50) == expected
        for a in (plain, gz, fold_arch):  # images embedded across files of a folder are found
            assert a.fetcher().fetch("https://www.example.com/chain1").status == 200
            assert a.fetcher().fetch("https://social.example.org/media/1.jpg").body == b"\x89PNGx"
    finally:
        for a in (plain, gz, fold_arch):
            a.close()


def test_index_cached_and_private(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _build(tmp_path / "site.warc.gz")
    first = WebArchive.open(path, cache)
    first.close()
    index = cache / "archives" / f"{first.digest}.sqlite"
    assert index.exists() and first.index_path == index
    assert stat.S_IMODE(index.stat().st_mode) == 0o600
    assert stat.S_IMODE((cache / "archives").stat().st_mode) == 0o700
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    before = index.stat().st_mtime_ns

    def no_rebuild(*a: object, **k: object) -> None:
        raise AssertionError("the index was rebuilt")

    monkeypatch.setattr(archive_mod, "_build_index", no_rebuild)
    monkeypatch.setattr(archive_mod, "extract_page", no_rebuild)
    second = WebArchive.open(path, cache)
    try:
        assert index.stat().st_mtime_ns == before
        assert urls(second.search('"eleanor whitfield" "santa rosa"')) == [
            "https://www.example.com/"
        ]
        assert second.counts() == {"records": len(PAGES), "pages": 10, "images": 4}
    finally:
        second.close()
    assert [p.name for p in (cache / "archives").iterdir()] == [index.name]  # no temp files left


def test_damaged_index_is_rebuilt(tmp_path: Path, cache: Path) -> None:
    path = _build(tmp_path / "site.warc")
    a = WebArchive.open(path, cache)
    a.close()
    a.index_path.write_bytes(b"not sqlite at all" * 10)
    b = WebArchive.open(path, cache)
    try:
        assert len(b.search('"eleanor whitfield"')) == 4
    finally:
        b.close()


def test_failed_build_leaves_no_index(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _build(tmp_path / "site.warc")

    def boom(*a: object, **k: object) -> None:
        raise KeyboardInterrupt  # as when the user hits Ctrl-C mid-build

    monkeypatch.setattr(archive_mod, "extract_page", boom)
    with pytest.raises(KeyboardInterrupt):
        WebArchive.open(path, cache)
    assert list((cache / "archives").iterdir()) == []
    monkeypatch.undo()
    a = WebArchive.open(path, cache)  # and the next open builds a complete index
    try:
        assert a.counts()["pages"] == 10
    finally:
        a.close()


def test_stale_temp_of_dead_build_is_removed(tmp_path: Path, cache: Path) -> None:
    path = _build(tmp_path / "site.warc")
    digest = WebArchive.open(path, cache).digest
    folder = cache / "archives"
    (folder / f"{digest}.sqlite").unlink()
    stale = folder / f".{digest}.sqlite.999999999.1.tmp"  # no such process
    stale.write_bytes(b"half an index")
    WebArchive.open(path, cache).close()
    assert not stale.exists()


def test_killed_build_leaves_no_temp_for_ever(tmp_path: Path, cache: Path) -> None:
    """A build killed with SIGKILL leaves its temp file; the next open of any archive removes
    it, while a build still running keeps its own."""
    import signal
    import subprocess
    import sys

    folder = private_dir_for(cache)
    killed = folder / ".aaaa.sqlite.1.1.tmp"
    running = folder / ".bbbb.sqlite.2.2.tmp"
    # a build as `WebArchive.open` starts one: the temp file, locked by its process
    holder = (
        "import os, sys, time\n"
        "from footprint.web.archive import _lock_build\n"
        "fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT, 0o600)\n"
        "_lock_build(fd)\n"
        "print('locked', flush=True)\n"
        "time.sleep(600)\n"
    )
    procs = []
    for path in (killed, running):
        p = subprocess.Popen([sys.executable, "-c", holder, str(path)], stdout=subprocess.PIPE,
                             text=True)
        assert p.stdout is not None and p.stdout.readline().strip() == "locked"
        procs.append(p)
    try:
        procs[0].send_signal(signal.SIGKILL)
        procs[0].wait()
        WebArchive.open(_build(tmp_path / "other.warc"), cache).close()
        assert not killed.exists()
        assert running.exists()
    finally:
        for p in procs:
            p.kill()
            p.wait()


def private_dir_for(cache: Path) -> Path:
    folder = cache / "archives"
    folder.mkdir(parents=True, mode=0o700)
    cache.chmod(0o700)
    return folder


# --- real crawler archives: ARC, POST, library logging -------------------------------------


@pytest.mark.parametrize("name", ["example.arc", "example.arc.gz"])
def test_arc_files_are_read_like_their_warc_twin(name: str, tmp_path: Path, cache: Path) -> None:
    with WebArchive.open(REAL / name, cache) as arc, \
            WebArchive.open(REAL / "example.warc.gz", cache) as warc:
        assert arc.counts()["pages"] == warc.counts()["pages"] == 1
        got = arc.fetcher().fetch("http://example.com/")
        assert got.status == 200
        assert got.body == warc.fetcher().fetch("http://example.com/").body
        assert got.content_type == "text/html"
        hits = arc.search('"example domain"')
        assert [(h.url, h.title) for h in hits] == [("http://example.com/", "Example Domain")]


def test_a_folder_reads_arc_files_too(tmp_path: Path, cache: Path) -> None:
    folder = tmp_path / "crawl"
    (folder / "old").mkdir(parents=True)
    shutil.copy(REAL / "example.arc.gz", folder / "old" / "IA-0001.arc.gz")
    _build(folder / "new.warc.gz")
    with WebArchive.open(folder, cache) as a:
        assert a.counts()["pages"] == 11
        assert a.fetcher().fetch("http://example.com/").status == 200
        assert a.skipped_files == ()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bad.arc", "damaged record at byte 202 (a response without an HTTP status line)"),
        ("example-space-in-url.arc", "truncated (a record ends early at byte 151)"),
    ],
)
def test_damaged_arc_is_refused_in_one_line(
    name: str, message: str, tmp_path: Path, cache: Path
) -> None:
    with pytest.raises(ArchiveError) as info:
        WebArchive.open(REAL / name, cache)
    assert str(info.value) == f"web archive {REAL / name}: {message}"
    assert info.value.__cause__ is None


def test_no_library_log_shows_an_archived_url(
    tmp_path: Path, cache: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """warcio logs "Replacing spaces in invalid WARC-Target-URI: <the URI>" at WARNING: with
    logging to the terminal switched on (as `--verbose` does), it must still not show."""
    import logging
    import sys

    root = logging.getLogger()
    handler = logging.StreamHandler(sys.stderr)
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        with WebArchive.open(REAL / "example-space-in-target-uri.warc.gz", cache) as a:
            assert a.counts()["records"] == 2
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    out, err = capfd.readouterr()
    assert "with spaces" not in out + err
    assert "with%20spaces" not in out + err


def test_recorded_post_answers_only_the_same_body(tmp_path: Path, cache: Path) -> None:
    from footprint.web.base import Request

    with WebArchive.open(REAL / "post-test.warc.gz", cache) as a:
        f = a.fetcher()
        got = f.send(Request("http://httpbin.org/post", method="POST", body=b"foo=bar&test=abc"))
        assert got.status == 200
        assert b'"foo": "bar"' in got.body
        other = f.send(Request("http://httpbin.org/post", method="POST", body=b"A=1&B=[]&C=3"))
        assert other.status == 200 and b'"A": "1"' in other.body
        assert f.send(Request("http://httpbin.org/post", method="POST", body=b"x=1")).status == 404
        # an answer to a POST never stands for the page a GET would get
        assert f.fetch("http://httpbin.org/post").status == 404
        query = Request("http://httpbin.org/post?foo=bar", method="POST", body=b"data=^")
        assert f.send(query).status == 200


def test_redirect_left_unfollowed_on_request(tmp_path: Path, cache: Path) -> None:
    from footprint.web.base import Request

    path = write_warc(tmp_path / "r.warc", [
        ("https://www.example.com/a", 302, [("Location", "/b")], b""),
        ("https://www.example.com/b", 200, HTML, html_page("B", "<p>page b</p>")),
    ])
    with WebArchive.open(path, cache) as a:
        f = a.fetcher()
        got = f.send(Request("https://www.example.com/a", follow_redirects=False))
        assert (got.status, got.header("location")) == (302, "/b")
        assert f.fetch("https://www.example.com/a").status == 200


# --- bad archives ----------------------------------------------------------------------------


def _bad_cases(tmp: Path) -> dict[str, tuple[Path, str]]:
    good = _build(tmp / "good.warc.gz").read_bytes()
    good_plain = _build(tmp / "good.warc").read_bytes()
    cases = {
        "missing": (tmp / "nope.warc.gz", "no such file or folder"),
        "not a warc": (tmp / "notes.warc", "not a WARC or ARC file"),
        "html": (tmp / "page.warc", "not a WARC or ARC file"),
        "truncated gzip": (tmp / "cut.warc.gz", "truncated gzip"),
        "truncated gzip early": (tmp / "cut2.warc.gz", "truncated gzip"),
        "truncated warc": (tmp / "cut.warc", "truncated"),
        "truncated warc header": (tmp / "cut2.warc", "truncated"),
        "whole-file gzip": (tmp / "whole.warc.gz", "warcio recompress"),
        "empty file": (tmp / "empty.warc", "no WARC records"),
        "empty folder": (tmp / "emptydir", "holds no .warc"),
    }
    cases["not a warc"][0].write_bytes(b"hello\nthis is text\n")
    cases["html"][0].write_bytes(b"<!doctype html><html><body>hi</body></html>")
    cases["truncated gzip"][0].write_bytes(good[:-40])
    cases["truncated gzip early"][0].write_bytes(good[:50])
    cases["truncated warc"][0].write_bytes(good_plain[:-60])
    # cut inside the last record's WARC header: warcio alone would silently drop that record
    last = good_plain.rfind(b"WARC/1.1")
    cases["truncated warc header"][0].write_bytes(good_plain[: last + 60])
    cases["whole-file gzip"][0].write_bytes(gzip.compress(good_plain))
    cases["empty file"][0].write_bytes(b"")
    cases["empty folder"][0].mkdir()
    return cases


def test_bad_archives_give_one_line_errors(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name, (path, message) in _bad_cases(src).items():
        with pytest.raises(ArchiveError) as info:
            WebArchive.open(path, cache)
        text = str(info.value)
        assert message in text, name
        assert str(path) in text, name
        assert "\n" not in text, name
        assert info.value.__cause__ is None, name
    # nothing half-built was left behind
    assert not [p for p in (cache / "archives").iterdir()]


def test_folder_with_one_bad_file_skips_and_lists_it(tmp_path: Path, cache: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    _build(folder / "a.warc.gz")
    (folder / "b.warc.gz").write_bytes(_build(tmp_path / "x.warc.gz").read_bytes()[:-30])
    shutil.copy(REAL / "bad.arc", folder / "c.arc")
    a = WebArchive.open(folder, cache)
    try:
        assert a.skipped_files == (
            ("b.warc.gz", "truncated gzip (the file ends mid-record)"),
            ("c.arc", "damaged record at byte 202 (a response without an HTTP status line)"),
        )
        assert a.counts()["pages"] == 10  # a.warc.gz is read in full
        assert a.fetcher().fetch("https://www.example.com/old").status == 200
    finally:
        a.close()
    # the listing survives a reopen from the cached index
    with WebArchive.open(folder, cache) as again:
        assert [p for p, _ in again.skipped_files] == ["b.warc.gz", "c.arc"]


def test_damaged_file_leaves_none_of_its_captures(tmp_path: Path, cache: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(REAL / "example.warc.gz", folder / "a.warc.gz")
    good = _build(tmp_path / "x.warc").read_bytes()
    (folder / "b.warc").write_bytes(good[:-60])  # its first records are sound, the last is cut
    with WebArchive.open(folder, cache) as a:
        assert [p for p, _ in a.skipped_files] == ["b.warc"]
        assert a.counts()["pages"] == 1
        assert a.fetcher().fetch("https://www.example.com/old").status == 404


def test_folder_of_damaged_files_only_is_refused(tmp_path: Path, cache: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    shutil.copy(REAL / "bad.arc", folder / "a.arc")
    (folder / "b.warc").write_bytes(b"hello\n")
    with pytest.raises(ArchiveError, match="a.arc: damaged record") as info:
        WebArchive.open(folder, cache)
    assert "\n" not in str(info.value)


def test_skipped_files_reach_the_audit(tmp_path: Path, cache: Path) -> None:
    from footprint.profile import load_profile
    from footprint.web.factory import open_web

    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(REAL / "example.arc", folder / "a.arc")
    shutil.copy(REAL / "bad.arc", folder / "b.arc")
    from footprint import demo

    web = open_web(load_profile(demo.profile_path()), folder, tmp_path)
    assert [(s.source, s.probe) for s in web.skipped] == [("web archive file b.arc", "web archive")]
    assert web.skipped[0].reason.startswith("not checked: damaged record")


def test_unreadable_file(tmp_path: Path, cache: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    path = _build(tmp_path / "locked.warc")
    path.chmod(0)
    try:
        with pytest.raises(ArchiveError, match="cannot read"):
            WebArchive.open(path, cache)
    finally:
        path.chmod(0o600)


# --- no network ------------------------------------------------------------------------------


def test_no_socket_is_ever_created(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    created: list[tuple] = []

    class NoSocket:
        def __init__(self, *a: object, **k: object) -> None:
            created.append(a)
            raise AssertionError("the web archive opened a socket")

    def no_call(*a: object, **k: object) -> None:
        created.append(a)
        raise AssertionError("the web archive touched the network")

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", no_call)
    monkeypatch.setattr(socket, "getaddrinfo", no_call)
    monkeypatch.setattr(socket, "gethostbyname", no_call)

    path = _build(tmp_path / "site.warc.gz")
    for _ in range(2):  # a build, then a cached open
        a = WebArchive.open(path, cache)
        search, fetcher = a.search_backend(), a.fetcher()
        assert search.name == "archive"
        assert search.search('"eleanor whitfield"')
        assert search.search('"bodega bay"', kind="image")
        assert fetcher.fetch("https://www.example.com/old").status == 200
        assert fetcher.fetch("https://absent.example/").status == 404
        fetcher.close()
        a.close()
    assert created == []


def test_a_refused_page_is_found_by_the_words_of_its_address(tmp_path: Path, cache: Path) -> None:
    """A people-search page that answered the crawler with a bot challenge is still listed by
    search engines under its address: a search for the name in its slug returns it (the fetch
    then reports it "not checked"), never its challenge text."""
    challenge = html_page("Just a moment...", "<h2>Verifying you are human.</h2>")
    path = write_warc(
        tmp_path / "r.warc",
        [
            ("https://people.example/people/eleanor-whitfield/", 403, HTML, challenge),
            ("https://people.example/people/", 200, HTML, html_page("People", "<p>Search</p>")),
            ("https://other.example/eleanor-whitfield-gone", 404, HTML, html_page("x", "gone")),
        ],
    )
    with WebArchive.open(path, cache) as a:
        assert urls(a.search('"Eleanor Whitfield"')) == ["https://people.example/people/eleanor-whitfield/"]
        assert a.search('"verifying you are human"') == []
        assert a.fetcher().fetch("https://people.example/people/eleanor-whitfield/").status == 403
