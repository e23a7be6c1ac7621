"""A whole audit through the fault server: how close a polite live audit comes to the fastest
schedule its own rate limits allow.

The demo's web is served on 127.0.0.1 by the fault-injecting server (tests/faultserver.py), every
answer delayed by `--latency`; the audit runs the real engine, probes and `HttpFetcher` (searches
are answered by the archive index, locally). The politeness lower bound is, for each host, its
requests divided by its rate limit; the largest of these. The figure is wall time / bound.

    .venv/bin/python benchmarks/audit_fetch.py                    # 100 ms latency, 2 req/s per host
    .venv/bin/python benchmarks/audit_fetch.py --rate 5 --latency 0.25
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from footprint import demo  # noqa: E402
from footprint.engine import Auditor, WebAccess  # noqa: E402
from footprint.profile import NetworkSettings, load_profile  # noqa: E402
from footprint.store import open_store  # noqa: E402
from footprint.web.archive import WebArchive  # noqa: E402
from footprint.web.ratelimit import conforms, max_observed_rate  # noqa: E402
from tests.faultserver import FaultServer, Latency, ViaServer, archive_source  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, default=2.0, help="requests/s per host")
    ap.add_argument("--latency", type=float, default=0.1, help="server latency, seconds")
    ap.add_argument("--concurrency", type=int, default=4, help="network.max_concurrency")
    args = ap.parse_args(argv)

    demo.ensure_generated()
    profile = load_profile(demo.profile_path())
    with tempfile.TemporaryDirectory() as tmp:
        archive = WebArchive.open(demo.archive_path(), Path(tmp) / "cache")
        settings = NetworkSettings.model_validate({
            "rate_per_host": args.rate, "max_concurrency": args.concurrency,
            "host_concurrency": 2, "retries": 1, "retry_backoff": 0.05,
        })
        with FaultServer({}, {"*": [Latency(args.latency)]}, archive_source(archive.fetcher())) as srv:
            fetcher = ViaServer(srv, srv.fetcher(settings))
            with open_store(Path(tmp) / "home") as store:
                t0 = time.perf_counter()
                res = Auditor(profile, WebAccess(fetcher, archive.search_backend(), "demo", archive.digest),
                              store).run()
                wall = time.perf_counter() - t0
            fetcher.close()
            hosts = Counter(r.host for r in srv.requests())
            bound = max(n / args.rate for n in hosts.values())
            busiest = max(hosts, key=lambda h: hosts[h])
            within = all(conforms(srv.times(h), args.rate, slack=0.05) for h in hosts)
            worst = max(max_observed_rate(srv.times(h)) for h in hosts)
    print(f"demo audit through the fault server: {sum(hosts.values())} requests to {len(hosts)} hosts, "
          f"{args.latency * 1000:.0f} ms latency, {args.rate:g} req/s per host, "
          f"max_concurrency {args.concurrency}")
    print(f"busiest host: {hosts[busiest]} requests → politeness bound {bound:.2f} s")
    print(f"wall {wall:.2f} s (whole audit: searches, fetches, analysis, findings), "
          f"ratio {wall / bound:.3f}")
    print(f"every host within its limit: {within} (highest observed rate {worst:.2f} req/s); "
          f"{len(res.findings)} findings, {len(res.skipped)} not checked")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
