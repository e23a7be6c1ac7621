"""Benchmark of the live fetcher's politeness cost: how close a polite crawl comes to the fastest
crawl its own rate limits allow.

A fault server on 127.0.0.1 plays several sites of archive-like pages, each answer delayed by a
fixed latency; `HttpFetcher` fetches every page concurrently under a per-host rate limit. The
politeness lower bound is, for the busiest host, its requests divided by its rate limit; the
figure is wall time / lower bound (1.0 = the limit is the only cost; higher = overhead).

    .venv/bin/python benchmarks/fetch.py                       # 3 hosts × 20 pages, 5 req/s, 100 ms
    .venv/bin/python benchmarks/fetch.py --hosts 5 --pages 40 --rate 10 --latency 0.25

`run(fetch_all, ...)` is the reusable core: an audit-level variant passes a `fetch_all(server,
urls)` that runs a whole audit against `server` (e.g. with `source=archive_source(...)`) and gets
the same figures from the server's request log.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from footprint.profile import NetworkSettings  # noqa: E402
from footprint.web.ratelimit import conforms, max_observed_rate  # noqa: E402
from tests.faultserver import FaultServer, Latency, Page, page  # noqa: E402

FIRST = ["Eleanor", "Marcus", "Priya", "Tomás", "Hannah", "Wei", "Olga", "Samuel", "Aisha", "Jon"]
LAST = ["Whitfield", "Okafor", "Lindqvist", "Moreau", "Castellano", "Brandt", "Nakamura", "Reyes"]
CITIES = [("Springfield", "IL", "62701"), ("Fairview", "OR", "97024"), ("Georgetown", "TX", "78626"),
          ("Madison", "WI", "53703"), ("Clinton", "MS", "39056")]


def listing_page(rng: random.Random, host: str, n: int, blocks: int = 25) -> bytes:
    """A people-search results page like those in the demo archive: `blocks` listing cards with
    fictitious names, ages, addresses (555 phone numbers), relatives and boilerplate."""
    cards = []
    for _ in range(blocks):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        city, region, postal = rng.choice(CITIES)
        rels = ", ".join(f"{rng.choice(FIRST)} {last}" for _ in range(rng.randint(1, 4)))
        cards.append(
            f'<div class="card"><h2><a href="/p/{rng.randrange(10**8)}">{first} {last}</a></h2>'
            f"<p>Age {rng.randint(25, 90)} · Lives in {city}, {region}</p>"
            f"<p>{rng.randint(10, 9999)} {rng.choice(LAST)} Street, {city}, {region} {postal}</p>"
            f"<p>Phone: ({rng.randint(200, 999)}) 555-{rng.randint(100, 199):04d}</p>"
            f"<p>Relatives: {rels}</p><p>Previous cities: {rng.choice(CITIES)[0]}</p></div>"
        )
    chrome = "<p>" + "Search public records by name, phone or address. " * 40 + "</p>"
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{host} results page {n}"
            f"</title><style>{'.card{margin:1em}' * 200}</style></head><body><header>{chrome}"
            f"</header><main>{''.join(cards)}</main><footer>{chrome}</footer></body></html>"
            ).encode()


def archive_like_pages(hosts: Sequence[str], pages_per_host: int, seed: int = 7) -> dict[str, Page]:
    rng = random.Random(seed)
    return {f"{h}/search/{i}": page(listing_page(rng, h, i), etag=f'"{h}-{i}"')
            for h in hosts for i in range(pages_per_host)}


def run(fetch_all: Callable[[FaultServer, list[str]], Any], *, hosts: Sequence[str],
        pages_per_host: int, rates: dict[str, float], latency: float,
        source: Callable[[str, str], Page | None] | None = None) -> dict[str, Any]:
    """Start a fault server with `latency` on every host, call `fetch_all(server, urls)`, and
    measure wall time against the politeness lower bound from the server's request log."""
    pages = archive_like_pages(hosts, pages_per_host) if source is None else {}
    with FaultServer(pages, {h: [Latency(latency)] for h in hosts}, source) as srv:
        urls = [srv.url(h, f"/search/{i}") for i in range(pages_per_host) for h in hosts]
        t0 = time.perf_counter()
        fetch_all(srv, urls)
        wall = time.perf_counter() - t0
        per_host = {}
        for h in hosts:
            times = srv.times(h)
            per_host[h] = {
                "requests": len(times),
                "rate_limit": rates[h],
                "bound_s": len(times) / rates[h],
                "max_rate_observed": round(max_observed_rate(times), 3),
                "conforms_50ms": conforms(times, rates[h], slack=0.05),
            }
    bound = max(v["bound_s"] for v in per_host.values())
    return {"wall_s": round(wall, 3), "bound_s": round(bound, 3), "ratio": round(wall / bound, 3),
            "hosts": per_host}


def http_fetch_all(rates: dict[str, float], *, workers: int, max_concurrency: int,
                   host_concurrency: int = 2, cache: Path | None = None,
                   ) -> Callable[[FaultServer, list[str]], Any]:
    """`fetch_all` for `run`: one HttpFetcher, `workers` threads, every URL once."""
    def fetch_all(srv: FaultServer, urls: list[str]) -> None:
        settings = NetworkSettings.model_validate(
            {"max_concurrency": max_concurrency, "host_concurrency": host_concurrency})
        with srv.fetcher(settings, host_limits=rates, cache_path=cache) as f, \
                ThreadPoolExecutor(workers) as pool:
            bodies = list(pool.map(lambda u: len(f.fetch(u).body), urls))
        assert all(bodies), "every page must arrive"
    return fetch_all


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hosts", type=int, default=3)
    ap.add_argument("--pages", type=int, default=20, help="pages per host")
    ap.add_argument("--rate", type=float, default=5.0, help="requests/s per host")
    ap.add_argument("--latency", type=float, default=0.1, help="server latency, seconds")
    ap.add_argument("--workers", type=int, default=8, help="fetching threads")
    ap.add_argument("--concurrency", type=int, default=4, help="network.max_concurrency")
    ap.add_argument("--host-concurrency", type=int, default=2, help="network.host_concurrency")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    hosts = [f"people-{chr(97 + i)}.test" for i in range(args.hosts)]
    rates = {h: args.rate for h in hosts}
    fetch_all = http_fetch_all(rates, workers=args.workers, max_concurrency=args.concurrency,
                               host_concurrency=args.host_concurrency)
    result = run(fetch_all,
                 hosts=hosts, pages_per_host=args.pages, rates=rates, latency=args.latency)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    size = len(listing_page(random.Random(7), hosts[0], 0))
    print(f"{args.hosts} hosts × {args.pages} pages (~{size // 1000} KB each), "
          f"{args.rate:g} req/s per host, {args.latency * 1000:.0f} ms latency, "
          f"{args.workers} threads, max_concurrency {args.concurrency}, "
          f"host_concurrency {args.host_concurrency}")
    print(f"wall {result['wall_s']:.2f} s, politeness bound {result['bound_s']:.2f} s, "
          f"ratio {result['ratio']:.3f}")
    for h, v in result["hosts"].items():
        print(f"  {h}: {v['requests']} requests, max observed {v['max_rate_observed']} req/s "
              f"(limit {v['rate_limit']:g}), within limit: {v['conforms_50ms']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
