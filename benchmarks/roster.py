"""What a court's roster costs per judge.

    .venv/bin/python benchmarks/roster.py cpu [--households 20] [--baseline /path/to/older/checkout]
    .venv/bin/python benchmarks/roster.py report [--sizes 300,1200,5000]
    .venv/bin/python benchmarks/roster.py live [--households 20] [--jobs 1,4] [--latency 0.1] [--rate 2]

- `cpu`: CPU seconds per household of `footprint roster audit` over a fictitious court
  (`footprint/demo/roster.py`: the demo family written again with other names, each with its
  own web archive) against the same households audited by N separate `footprint audit`
  processes — each in a fresh data folder, so both build the same archive indexes. With
  `--baseline`, the separate runs also run on another checkout (e.g. main before this work).
- `report`: the masked report of an audit with 300, 1,200 and 5,000 findings (every one with its
  own value: listings of many addresses and phones) — the view, HTML, JSON and CSV; linear means
  a flat time per 1,000 findings.
- `live`: the roster's households through the fault server (tests/faultserver.py), every answer
  `--latency` late, `--rate` requests per second per site for the whole roster (one fetcher);
  searches answered locally by each household's archive. Figure: wall time / politeness bound
  (the busiest site's requests / rate), and whether every site stayed within its limit as the
  server saw the requests arrive (50 ms of slack for timing noise), with the highest rate seen
  there and as the fetcher sent them.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _child_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _run(cmd: list[str], home: Path, pythonpath: str | None = None) -> float:
    """CPU seconds (user + system) of one footprint process."""
    env = dict(os.environ, FOOTPRINT_HOME=str(home), NO_COLOR="1")
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    before = _child_cpu()
    r = subprocess.run([sys.executable, "-m", "footprint", *cmd], env=env, capture_output=True, text=True)
    if r.returncode not in (0,):
        raise SystemExit(f"footprint {cmd[0]} failed ({r.returncode}): {r.stderr.strip()[-500:]}")
    return _child_cpu() - before


def cpu(args: argparse.Namespace) -> None:
    from footprint.demo.roster import Household, generate_roster

    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        roster = generate_roster(t / "court", args.households)
        profiles = [t / "court" / Household(i).slug for i in range(args.households)]
        rows = []
        for label, pythonpath in [("this checkout", None)] + ([("baseline", str(args.baseline))]
                                                             if args.baseline else []):
            home = t / f"separate-{len(rows)}"
            home.mkdir()
            t0 = time.perf_counter()
            sep = sum(_run(["audit", str(p / "profile.toml"), "--web-archive", str(p / "web.warc.gz"),
                            "--out", str(home / p.name), "--format", "html,json"], home, pythonpath)
                      for p in profiles)
            rows.append((f"{args.households} × footprint audit ({label})", sep, time.perf_counter() - t0))
        home = t / "roster"
        home.mkdir()
        t0 = time.perf_counter()
        one = _run(["roster", "audit", str(roster), "--out", str(home / "out"), "--format", "html,json"], home)
        rows.append(("footprint roster audit (this checkout)", one, time.perf_counter() - t0))
    n = args.households
    print(f"{'run':48} {'CPU s':>8} {'per household':>14} {'wall s':>8}")
    for name, c, w in rows:
        print(f"{name:48} {c:8.1f} {c / n:14.2f} {w:8.1f}")
    print(f"ratio roster / separate (this checkout): {rows[-1][1] / rows[0][1]:.2f}")
    if args.baseline:
        print(f"ratio roster / separate (baseline):      {rows[-1][1] / rows[1][1]:.2f}")


def _findings(n: int) -> tuple[Any, Any]:
    """The sample audit with `n` findings, each extra one a listing with its own address or
    phone on one of 40 sites."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import preview_report as P

    from footprint import masking, remediation, risk
    from footprint.model import Category, Exposure, Finding

    result, prof = P.sample_result()
    extra = []
    for i in range(max(0, n - len(result.findings))):
        pid = ("judge", "spouse", "mother")[i % 3]
        cat, value = ((Category.PHONE, f"({200 + i % 700}) 555-{i % 10000:04d}") if i % 2 else
                      (Category.ADDRESS, f"{100 + i} Maple{i} Street, Petaluma, CA"))
        url = f"https://people-directory-{i % 40}.example.com/p/{i:05d}"
        ctx = f"Listing {i}: {value}; relatives Daniel Whitfield, Sophie Whitfield"
        exp = Exposure(person=pid, category=cat, url=url, value=value, confidence=0.8, identifier=None,
                       context=ctx, rules=("name+city",), source="people-search", probe="brokers")
        sev, why = risk.classify(exp, prof)
        extra.append(Finding(
            id=hashlib.sha256(str(i).encode()).hexdigest()[:16], person=pid, category=cat, severity=sev,
            confidence=0.8, url=url, source="people-search", probe="brokers", identifier=None,
            evidence=masking.evidence(exp, prof), rationale=why, remediation=remediation.for_exposure(exp, prof),
            possible_match=False, value=value, context=ctx))
    return dataclasses.replace(result, findings=(*result.findings, *extra)), prof


def report(args: argparse.Namespace) -> None:
    from reports import build_view
    from reports.csvout import render_csv
    from reports.html import render_html
    from reports.jsonout import render_json

    print(f"{'findings':>9} {'view s':>8} {'html s':>8} {'json+csv s':>11} {'total s':>8} {'s per 1,000':>12}")
    for n in [int(x) for x in args.sizes.split(",")]:
        result, prof = _findings(n)
        t0 = time.process_time()
        view = build_view(result, profile=prof)
        t1 = time.process_time()
        render_html(view)
        t2 = time.process_time()
        render_json(view)
        render_csv(view)
        t3 = time.process_time()
        print(f"{len(result.findings):9d} {t1 - t0:8.2f} {t2 - t1:8.2f} {t3 - t2:11.2f} {t3 - t0:8.2f} "
              f"{(t3 - t0) / len(result.findings) * 1000:12.2f}")


class _Web:
    """The roster's web for the benchmark: one fetcher through the fault server for every
    household, each household's searches from its own archive."""

    def __init__(self, fetcher: Any, archives: dict[Path, Any]) -> None:
        import threading

        from footprint.web.factory import _Stoppable, _StoppableSearch

        self.fetcher, self.archives, self.stop = fetcher, archives, threading.Event()
        self._wrap = (_Stoppable, _StoppableSearch)

    def for_profile(self, profile: Any, web_archive: Path | None) -> Any:
        from footprint.engine import WebAccess

        a = self.archives[Path(web_archive).resolve()] if web_archive else None
        assert a is not None
        return WebAccess(self._wrap[0](self.fetcher, self.stop),
                         self._wrap[1](a.search_backend(), self.stop), a.name, a.digest)

    def differs(self, profile: Any) -> bool:
        return False


def live(args: argparse.Namespace) -> None:
    """The fault server in this process, the roster in a child process (its own interpreter:
    a client and a server sharing one would measure their contention, not politeness)."""
    from footprint.demo.roster import generate_roster
    from footprint.roster import load_roster
    from footprint.web.archive import WebArchive
    from footprint.web.ratelimit import conforms, max_observed_rate
    from tests.faultserver import FaultServer, Latency, archive_source

    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        roster_file = generate_roster(t / "court", args.households)
        roster = load_roster(roster_file)
        archives = [WebArchive.open(e.web_archive, t / "cache") for e in roster.entries]  # type: ignore[arg-type]
        sources = [archive_source(a.fetcher()) for a in archives]

        def source(host: str, target: str) -> Any:
            for s in sources:  # a URL every household's web has (a court page) answers once
                page = s(host, target)
                if page is not None:
                    return page
            return None

        print(f"{args.households} households through the fault server, {args.latency * 1000:.0f} ms latency, "
              f"{args.rate:g} req/s per site for the whole roster")
        print(f"{'jobs':>5} {'requests':>9} {'sites':>6} {'busiest':>8} {'bound s':>8} {'wall s':>8} {'ratio':>6} "
              f"{'within limits':>14} {'highest req/s':>14} {'as sent':>8}")
        for jobs in [int(x) for x in args.jobs.split(",")]:
            with FaultServer({}, {"*": [Latency(args.latency)]}, source) as srv:
                home = t / f"home-{jobs}"
                home.mkdir()
                r = subprocess.run([sys.executable, __file__, "live-child", str(srv.port), str(roster_file),
                                    str(jobs), str(args.rate)], env=dict(os.environ, FOOTPRINT_HOME=str(home)),
                                   capture_output=True, text=True)
                if r.returncode != 0:
                    raise SystemExit(f"the roster failed: {r.stderr.strip()[-800:]}")
                words = r.stdout.split()
                wall, sent = float(words[-1]), float(words[-3])
                hosts = Counter(q.host for q in srv.requests())
                bound = max(n / args.rate for n in hosts.values())
                within = all(conforms(srv.times(h), args.rate, slack=0.05) for h in hosts)
                worst = max(max_observed_rate(srv.times(h)) for h in hosts)
            print(f"{jobs:5d} {sum(hosts.values()):9d} {len(hosts):6d} {max(hosts.values()):8d} {bound:8.1f} "
                  f"{wall:8.1f} {wall / bound:6.2f} {str(within):>14} {worst:14.2f} {sent:8.2f}")
        for a in archives:
            a.close()


def live_child(port: int, roster_file: Path, jobs: int, rate: float) -> None:
    """The roster through the fault server on `port`: one HttpFetcher for every household."""
    from footprint.paths import data_dir
    from footprint.profile import NetworkSettings, load_profile
    from footprint.roster import RosterRunner, load_roster
    from footprint.store import open_store
    from footprint.web.archive import WebArchive
    from footprint.web.http import HttpFetcher
    from tests.faultserver import Remote, ViaServer

    roster = load_roster(roster_file)
    home = data_dir()
    archives = {e.web_archive.resolve(): WebArchive.open(e.web_archive, home / "cache")  # type: ignore[union-attr]
                for e in roster.entries}
    settings = NetworkSettings.model_validate({
        "rate_per_host": rate, "max_concurrency": 4, "host_concurrency": 2, "retries": 1,
        "retry_backoff": 0.05})
    # as SharedWeb does: `max_concurrency` requests in flight per household audited at once
    settings = settings.model_copy(update={"max_concurrency": min(64, settings.max_concurrency * jobs)})
    http = HttpFetcher(settings, cache_path=None, contact="bench@example.org",
                       allow_hosts={"127.0.0.1"}, resolve={"*": "127.0.0.1"})
    fetcher = ViaServer(Remote(port), http)
    profiles = [load_profile(e.profile) for e in roster.entries]
    with open_store(home) as store:
        runner = RosterRunner(roster, profiles, store, _Web(fetcher, archives),  # type: ignore[arg-type]
                              data_dir=home, jobs=jobs)
        t0 = time.perf_counter()
        runner.run()
        wall = time.perf_counter() - t0
    sent = max(s["max_rate"] for s in http.stats().values())
    fetcher.close()
    print(f"sent {sent:.3f} wall {wall:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="what", required=True)
    c = sub.add_parser("cpu")
    c.add_argument("--households", type=int, default=20)
    c.add_argument("--baseline", type=Path, help="another checkout to run the separate audits on too")
    r = sub.add_parser("report")
    r.add_argument("--sizes", default="300,1200,5000")
    v = sub.add_parser("live")
    v.add_argument("--households", type=int, default=20)
    v.add_argument("--jobs", default="1,4")
    v.add_argument("--latency", type=float, default=0.1)
    v.add_argument("--rate", type=float, default=2.0)
    k = sub.add_parser("live-child", help=argparse.SUPPRESS)
    k.add_argument("port", type=int)
    k.add_argument("roster", type=Path)
    k.add_argument("jobs", type=int)
    k.add_argument("rate", type=float)
    args = ap.parse_args(argv)
    if args.what == "live-child":
        live_child(args.port, args.roster, args.jobs, args.rate)
        return 0
    {"cpu": cpu, "report": report, "live": live}[args.what](args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
