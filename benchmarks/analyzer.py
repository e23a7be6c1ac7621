"""Benchmark: PageAnalyzer.analyze_html throughput on ~150 KB pages (a people-search listing with
many namesake blocks, and a long news article), plus the analyzer's precision and recall on the
international fixtures. Run: .venv/bin/python benchmarks/analyzer.py [--write]"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from footprint.analyze.page import PageAnalyzer  # noqa: E402
from footprint.model import Category  # noqa: E402
from footprint.profile import load_profile  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "intl"
TODAY = dt.date(2026, 11, 22)

CARD = """<div class="result-card"><div class="row">
<h2 class="name"><a href="/p/{i}">{name}</a></h2>
<span class="age">Age {age}</span></div><div class="row"><h3>Current Address</h3>
<div class="addr">{num} {street} {stype}</div><div class="addr">{city}, {st} {zip}</div></div>
<div class="row"><h3>Phone Numbers</h3><div class="ph">({area}) 555-01{i2:02d}</div>
<div class="ph">({area}) 555-02{i2:02d}</div></div><div class="row"><h3>Past Addresses</h3>
<div>{num2} Oak St, {city2}, {st} {zip2}</div>
<div>{num3} Elm Ave Apt {i2}, {city}, {st} {zip}</div></div>
<div class="row"><h3>Relatives</h3><div>John {last}, Mary {last}, Peter Smith</div></div>
<div class="row"><a class="btn" href="/details/{i}">View full report</a>
<img src="/img/avatar-{i}.jpg" alt="photo" width="120" height="120"></div></div>
"""
JUDGE_CARD = """<div class="result-card"><div class="row">
<h2 class="name"><a href="/p/j">Eleanor R Whitfield</a></h2>
<span class="age">Age 58</span></div><div class="row"><h3>Current Address</h3>
<div class="addr">2417 Alderbrook Dr</div><div class="addr">Santa Rosa, CA 95405</div></div>
<div class="row"><h3>Phone Numbers</h3><div class="ph">(707) 555-0142</div></div>
<div class="row"><h3>Relatives</h3>
<div>Daniel Whitfield, Sophie Whitfield, Margaret Marsh</div></div></div>
"""
CITIES = [
    ("Austin", "TX", "78731"),
    ("Bend", "OR", "97701"),
    ("Fresno", "CA", "93701"),
    ("Reno", "NV", "89501"),
    ("Boise", "ID", "83702"),
    ("Tucson", "AZ", "85701"),
]


def listing_page(target: int = 150_000) -> str:
    head = (
        "<!DOCTYPE html><html><head><title>Eleanor Whitfield in Santa Rosa, CA</title>"
        "<style>"
        + ".c{color:#333}" * 300
        + "</style><script>"
        + "var a=1;" * 1500
        + "</script></head><body><header><nav>"
        + "<a href='/x'>Link</a>" * 60
        + "</nav></header>"
        "<main><h1>Eleanor Whitfield in Santa Rosa, CA</h1>"
    )
    parts = [head]
    i = 0
    while sum(map(len, parts)) < target - 2000:
        c, st, z = CITIES[i % len(CITIES)]
        c2, _s2, z2 = CITIES[(i + 1) % len(CITIES)]
        name = ["Eleanor Whitfield", "Eleanor M Whitfield", "Ellen Whitfield", "Eleanor Whitford"][
            i % 4
        ]
        parts.append(
            CARD.format(
                i=i,
                i2=i % 100,
                name=name,
                age=25 + i % 50,
                num=100 + i,
                street="Maple",
                stype="Dr",
                city=c,
                st=st,
                zip=z,
                area=500 + i % 400,
                num2=10 + i,
                city2=c2,
                zip2=z2,
                num3=300 + i,
                last=["Whitfield", "Jones", "Brown"][i % 3],
            )
        )
        if i == 7:
            parts.append(JUDGE_CARD)
        i += 1
    parts.append(
        "</main><footer>" + "<p>Terms and conditions apply. " * 20 + "</footer></body></html>"
    )
    return "".join(parts)


def news_page(target: int = 150_000) -> str:
    para = (
        "<p>The council met on Tuesday to discuss the budget for the coming year, including "
        "road repairs on Fourth Street and a new library branch. Residents raised concerns "
        "about parking and noise; the meeting ran late into the evening.</p>"
    )
    body = [para] * (target // len(para) - 2)
    body.insert(
        len(body) // 2,
        "<p>Judge Eleanor Whitfield of the Superior Court of California, "
        "County of Sonoma, said the courthouse would stay open. "
        "Whitfield, 58, lives in Santa Rosa.</p>",
    )
    return (
        "<html><head><title>Council budget</title></head><body><article>"
        + "".join(body)
        + "</article></body></html>"
    )


def bench(an: PageAnalyzer, url: str, html: str, rounds: int) -> tuple[float, float, int]:
    an.analyze_html(url, html, source="web", probe="web")  # warm caches
    times = []
    n = 0
    for _ in range(rounds):
        t = time.perf_counter()
        r = an.analyze_html(url, html, source="people-search", probe="brokers")
        times.append(time.perf_counter() - t)
        n = len(r.exposures)
    return statistics.median(times), min(times), n


def fixture_scores(name: str) -> tuple[float, float, int, int]:
    base = FIXTURES / name
    profile = load_profile(base / "profile.toml")
    pages = json.loads((base / "pages.json").read_text(encoding="utf-8"))
    truth = json.loads((base / "truth.json").read_text(encoding="utf-8"))
    an = PageAnalyzer(profile, today=TODAY)
    got = set()
    namesake_confirmed = 0
    for url, f in pages.items():
        r = an.analyze_html(url, (base / f).read_text(encoding="utf-8"), source="web", probe="web")
        for e in r.exposures:
            if e.confidence >= profile.audit.threshold:
                if url in truth["namesake_urls"] or e.value in truth["namesake_values"]:
                    namesake_confirmed += 1
                if e.category != Category.MENTION:
                    got.add((e.person, e.category.value, url, e.identifier))
    want = {
        (f["person"], f["category"], f["url"], f["identifier"])
        for f in truth["findings"]
        if f["category"] != "mention"
    }
    tp = len(got & want)
    return tp / max(1, len(got)), tp / max(1, len(want)), len(want), namesake_confirmed


DEMO = ROOT / "footprint" / "demo" / "data"
NOT_ANALYZER = {"photo", "geolocation", "account"}  # decided by the images and accounts probes


def demo_scores() -> dict[str, float | int] | None:
    """Every HTML page of the demo archive through the analyzer alone (no search, no probes),
    against the demo truth: what the analyzer can reach when every page is fetched."""
    archive = DEMO / "demo.warc.gz"
    if not archive.exists():
        return None
    from warcio.archiveiterator import ArchiveIterator

    from footprint.web.charset import decode_body

    profile = load_profile(DEMO / "profile.toml")
    truth = json.loads((DEMO / "truth.json").read_text(encoding="utf-8"))
    an = PageAnalyzer(profile, today=TODAY)
    pages: dict[str, str] = {}
    with archive.open("rb") as fh:
        for rec in ArchiveIterator(fh):
            if rec.rec_type != "response" or rec.http_headers.get_statuscode() != "200":
                continue
            ct = rec.http_headers.get_header("Content-Type") or ""
            if "html" in ct:
                url = rec.rec_headers.get_header("WARC-Target-URI")
                pages[url] = decode_body(rec.content_stream().read(), ct)
    t0 = time.perf_counter()
    for url, html in pages.items():
        an.analyze_html(url, html, source="web", probe="web")
    elapsed = time.perf_counter() - t0
    thr = profile.audit.threshold
    got: set[tuple[str, str, str]] = set()
    on_bad_pages = 0
    bad_urls = set(truth.get("namesake_urls", []))
    for url, html in pages.items():
        for e in an.analyze_html(url, html, source="web", probe="web").exposures:
            if e.confidence < thr:
                continue
            if url in bad_urls or (
                url in truth.get("non_consenting_urls", []) and e.category != Category.MENTION
            ):
                on_bad_pages += 1
            if e.category != Category.MENTION:
                got.add((e.person, e.category.value, url))
    want = {
        (f["person"], f["category"], f["url"])
        for f in truth["findings"]
        if f["category"] not in NOT_ANALYZER and f["category"] != "mention" and f["url"] in pages
    }
    alt = {
        (p, f["category"], f["url"]) for f in truth["findings"] for p in f.get("alt_persons", [])
    }
    tp = len(got & want)
    counted = {g for g in got if g in want or g not in alt}
    return {
        "kb": sum(len(h) for h in pages.values()) / 1000,
        "seconds": elapsed,
        "pages": len(pages),
        "truth": len(want),
        "found": len(counted),
        "precision": tp / max(1, len(counted)),
        "recall": tp / max(1, len(want)),
        "bad": on_bad_pages,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--write", action="store_true", help="write benchmarks/RESULTS-analyzer.md")
    args = ap.parse_args()
    an = PageAnalyzer(load_profile(FIXTURES / "us" / "profile.toml"), today=TODAY)
    rows = []
    for label, url, html in (
        ("people-search listing", "https://people.example/eleanor-whitfield", listing_page()),
        ("news article", "https://news.example/council", news_page()),
    ):
        med, best, n = bench(an, url, html, args.rounds)
        rows.append((label, len(html), med, best, n))
    scores = {n: fixture_scores(n) for n in ("uk", "cz")}
    lines = [
        "# Analyzer benchmark",
        "",
        "Command: `.venv/bin/python benchmarks/analyzer.py --write` — "
        f"Python {platform.python_version()}, {platform.machine()}, a 2-core machine shared with "
        f"other workers (timings are noisy); median and best of {args.rounds} runs after one "
        "warm-up.",
        "",
        "| page | HTML size | median ms | best ms | pages/s (median) | exposures |",
        "|---|---|---|---|---|---|",
    ]
    for label, size, med, best, n in rows:
        lines.append(
            f"| {label} | {size / 1000:.0f} KB | {med * 1000:.1f} | {best * 1000:.1f} | "
            f"{1 / med:.1f} | {n} |"
        )
    lines += [
        "",
        "## Precision and recall on the international fixtures",
        "",
        "Confirmed (confidence ≥ threshold) findings other than mentions, compared with "
        "`tests/fixtures/intl/<country>/truth.json` on (person, category, url, identifier).",
        "",
        "| fixture | truth findings | precision | recall | confirmed findings on namesake blocks |",
        "|---|---|---|---|---|",
    ]
    for name, (p, r, n, bad) in scores.items():
        lines.append(f"| {name} | {n} | {p:.2f} | {r:.2f} | {bad} |")
    demo = demo_scores()
    if demo is not None:
        lines += [
            "",
            "## The demo archive, page by page",
            "",
            "Every HTML page of `footprint/demo/data/demo.warc.gz` through `analyze_html` alone "
            "(no "
            "search, no probes), compared with `truth.json` on (person, category, url); photo, "
            "geolocation and account findings belong to other probes and are left out; an "
            "`alt_persons` attribution is not counted as an error.",
            "",
            "| pages | truth findings | confirmed findings | precision | recall "
            "| confirmed on namesake / non-consenting pages |",
            "|---|---|---|---|---|---|",
            f"| {demo['pages']} | {demo['truth']} | {demo['found']} | {demo['precision']:.3f} | "
            f"{demo['recall']:.3f} | {demo['bad']} |",
            "",
            f"Throughput on these real-sized pages ({demo['kb']:.0f} KB of HTML in all): "
            f"{demo['pages'] / demo['seconds']:.0f} pages/s "
            f"({demo['seconds'] * 1000 / demo['pages']:.1f} ms per page).",
        ]
    out = "\n".join(lines) + "\n"
    print(out)
    if args.write:
        (ROOT / "benchmarks" / "RESULTS-analyzer.md").write_text(out, encoding="utf-8")


if __name__ == "__main__":
    main()
