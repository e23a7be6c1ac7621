"""Benchmark of the web-archive index (footprint/web/archive.py): build time, cached open, search
and fetch latency on a synthetic WARC of ~500 pages (people-search listings, blog posts with
photos, news articles) and ~300 images.

    .venv/bin/python benchmarks/archive_index.py [--pages 500] [--runs 3]

Prints a Markdown table. Everything stays in a temporary folder; nothing touches the network.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from footprint.web.archive import WebArchive

FIRST = [
    "Eleanor",
    "Daniel",
    "Sophie",
    "Margaret",
    "Lucas",
    "Anna",
    "John",
    "Maria",
    "Peter",
    "Jana",
]
LAST = ["Whitfield", "Marsh", "Novak", "Smith", "Garcia", "Řezníčková", "Okafor", "Nguyen", "Brown"]
CITIES = ["Santa Rosa, CA", "Petaluma, CA", "Austin, TX", "Bend, OR", "Fresno, CA", "Brno", "Leeds"]
WORDS = [
    "the",
    "of",
    "and",
    "a",
    "to",
    "in",
    "is",
    "was",
    "for",
    "on",
    "with",
    "as",
    "by",
    "at",
    "from",
    "his",
    "her",
    "that",
    "garden",
    "school",
    "court",
    "bike",
    "trail",
    "family",
    "weekend",
    "photo",
    "summer",
    "hospital",
    "judge",
    "county",
    "valley",
    "street",
]


def _prose(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _listing_page(rng: random.Random, i: int) -> str:
    cards = []
    for _ in range(30):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        cards.append(
            f'<div class="card"><h2>{name}</h2><p>Age {rng.randint(20, 90)}</p>'
            f"<p>Lives in <b>{rng.choice(CITIES)}</b></p>"
            f"<p>{rng.randint(1, 9999)} {rng.choice(WORDS).title()} Street</p>"
            f"<p>(707) 555-01{rng.randint(0, 99):02d}</p>"
            f"<ul><li>{rng.choice(FIRST)} {rng.choice(LAST)}</li>"
            f"<li>{rng.choice(FIRST)} {rng.choice(LAST)}</li></ul></div>"
        )
    return (
        f"<html><head><title>People search {i}</title><script>var t={i};</script></head>"
        f"<body><nav>Home | Search | Opt out</nav>{''.join(cards)}</body></html>"
    )


def _blog_page(rng: random.Random, i: int, images: list[str]) -> str:
    parts = []
    for img in images:
        parts.append(
            f"<p>{_prose(rng, 60)}</p><figure><img src='{img}' alt='{rng.choice(FIRST)} at the "
            f"{rng.choice(WORDS)}'><figcaption>{_prose(rng, 8)}</figcaption></figure>"
        )
    return (
        f"<html><head><title>Blog post {i}</title>"
        f"<meta property='og:image' content='{images[0]}'></head>"
        f"<body><article><h1>{_prose(rng, 6)}</h1>{''.join(parts)}"
        f"<p>{_prose(rng, 200)}</p></article></body></html>"
    )


def _news_page(rng: random.Random, i: int) -> str:
    paras = "".join(f"<p>{_prose(rng, 80)}</p>" for _ in range(8))
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return (
        f"<html><head><title>News {i}</title><style>p{{margin:0}}</style></head>"
        f"<body><h1>{name} in the news</h1>{paras}</body></html>"
    )


def make_warc(path: Path, pages: int, seed: int = 7) -> tuple[int, int]:
    """Write the synthetic archive; returns (pages, images)."""
    rng = random.Random(seed)
    n_images = 0
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True, warc_version="1.1")

        def add(url: str, ctype: str, body: bytes) -> None:
            hdrs = StatusAndHeaders(
                "200 OK",
                [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            writer.write_record(
                writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=hdrs)
            )

        for i in range(pages):
            kind = i % 3
            if kind == 0:
                add(
                    f"https://www.people{i % 7}.example/name/p{i}",
                    "text/html; charset=utf-8",
                    _listing_page(rng, i).encode(),
                )
            elif kind == 1:
                imgs = [f"/photos/{i}-{k}.jpg" for k in range(3)]
                add(
                    f"https://blog{i % 5}.example/post/{i}",
                    "text/html; charset=utf-8",
                    _blog_page(rng, i, imgs).encode(),
                )
                for img in imgs[:2]:  # one image of three is not archived
                    add(
                        f"https://blog{i % 5}.example{img}",
                        "image/jpeg",
                        b"\xff\xd8\xff" + rng.randbytes(20_000),
                    )
                    n_images += 1
            else:
                add(
                    f"https://news.example/{i}",
                    "text/html; charset=utf-8",
                    _news_page(rng, i).encode(),
                )
    return pages, n_images


def _median_ms(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--runs", type=int, default=3, help="index builds to time")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        warc = tmpdir / "bench.warc.gz"
        pages, images = make_warc(warc, args.pages)
        warc_mb = warc.stat().st_size / 1e6
        builds = []
        for r in range(args.runs):
            t0 = time.perf_counter()
            a = WebArchive.open(warc, tmpdir / f"cache{r}")
            builds.append(time.perf_counter() - t0)
            a.close()
        t0 = time.perf_counter()
        a = WebArchive.open(warc, tmpdir / "cache0")
        cached = time.perf_counter() - t0
        counts = a.counts()
        index_size = a.index_path.stat().st_size

        queries = [
            ("phrase", '"Eleanor Whitfield"', "web"),
            ("phrase + phrase", '"Eleanor Whitfield" "Santa Rosa, CA"', "web"),
            ("site: + phrase", 'site:people3.example "Daniel Marsh"', "web"),
            ("accent-folded phrase", '"Jana Reznickova"', "web"),
            ("ranked words", "judge county court family", "web"),
            ("phone phrase", '"(707) 555-0142"', "web"),
            ("image phrase", '"Sophie at the"', "image"),
        ]
        rows = []
        for label, q, kind in queries:
            n = len(a.search(q, kind=kind, max_results=10))
            ms = _median_ms(lambda q=q, kind=kind: a.search(q, kind=kind, max_results=10), 30)
            rows.append((label, q, kind, n, ms))
        f = a.fetcher()
        urls = [f"https://blog{i % 5}.example/post/{i}" for i in range(1, args.pages, 3)][:100]
        fetch_ms = _median_ms(lambda: [f.fetch(u) for u in urls], 5) / len(urls)
        miss_ms = (
            _median_ms(lambda: [f.fetch(f"https://absent.example/{k}") for k in range(100)], 5)
            / 100
        )
        a.close()

    print(
        f"Archive: {pages} pages + {images} images, {warc.name} ({warc_mb:.1f} MB); "
        f"indexed {counts['pages']} pages, {counts['images']} images; "
        f"index {index_size / 1e6:.1f} MB\n"
    )
    print("| measure | value |\n|---|---|")
    print(
        f"| index build (median of {args.runs}) | {statistics.median(builds):.2f} s "
        f"({statistics.median(builds) / pages * 1000:.1f} ms/page) |"
    )
    print(f"| cached open (sha256 + index check) | {cached * 1000:.0f} ms |")
    print(f"| fetch, archived page (median) | {fetch_ms:.2f} ms |")
    print(f"| fetch, absent URL → 404 (median) | {miss_ms:.3f} ms |")
    print("\n| query | kind | results | median ms (30 runs) |\n|---|---|---|---|")
    for label, q, kind, n, ms in rows:
        print(f"| {label}: `{q}` | {kind} | {n} | {ms:.2f} |")


if __name__ == "__main__":
    main()
