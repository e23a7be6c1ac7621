"""Benchmark: the page analyzer's CPU time on hostile pages of growing size (issue 13: analysis
time must grow linearly with the page, never faster).

Pages of 125 KB to 2 MB of (1) one people-search listing card repeated — every card names the
demo judge and repeats her phone, home address and relatives, the worst case for matching names
against values; (2) prose with a 100 KB link address; (3) elements nested 1,000 deep (the most
the analyzer parses) and 100,000 deep (refused: "not checked"). Prints CPU seconds and CPU
milliseconds per KB; a linear analyzer keeps ms/KB flat as the size doubles.

    .venv/bin/python benchmarks/analyzer_adversarial.py [--write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from footprint.analyze.page import PageAnalyzer  # noqa: E402
from footprint.analyze.text import MAX_DEPTH  # noqa: E402
from footprint.demo import profile_path  # noqa: E402
from footprint.profile import load_profile  # noqa: E402

CARD = (
    '<div class="card"><h3>Eleanor Whitfield</h3><p>Age 58 · Santa Rosa, CA · (707) 555-0142 · '
    "2417 Alderbrook Dr, Santa Rosa, CA 95405</p><p>Relatives: Daniel Whitfield, Sophie "
    'Whitfield</p><a href="/address/2417-alderbrook-dr_95405">details</a></div>\n'
)
SIZES_KB = (125, 250, 500, 1000, 2000)


def listing(kb: int) -> str:
    return "<html><body>" + CARD * (kb * 1024 // len(CARD)) + "</body></html>"


def long_url(kb: int) -> str:
    prose = "<p>Eleanor Whitfield of Santa Rosa spoke at the library on Tuesday.</p>\n"
    body = prose * (kb * 1024 // len(prose))
    return (f'<html><body>{body}<a href="https://x.example/{"a" * 100_000}">more</a>'
            "</body></html>")


def nested(depth: int) -> str:
    return ("<html><body>" + "<div>" * depth + "Eleanor Whitfield, Santa Rosa"
            + "</div>" * depth + "</body></html>")


def cpu(an: PageAnalyzer, html: str) -> tuple[float, int]:
    t = time.process_time()
    r = an.analyze_html("https://people.example/p", html)
    return time.process_time() - t, len(r.skipped)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="write benchmarks/RESULTS-adversarial.md")
    args = ap.parse_args()
    an = PageAnalyzer(load_profile(profile_path()), today=dt.date(2026, 11, 20))
    an.analyze_html("https://warm.example/", listing(10))  # compile what is compiled once
    rows = ["| page | size | CPU s | CPU ms per KB | parts not checked |", "|---|---|---|---|---|"]
    for name, make in (("repeated listing card", listing), ("prose + 100 KB link", long_url)):
        for kb in SIZES_KB:
            html = make(kb)
            secs, skipped = cpu(an, html)
            size = len(html) / 1024
            rows.append(f"| {name} | {size:,.0f} KB | {secs:.2f} | {1000 * secs / size:.2f} | "
                        f"{skipped} |")
    for depth in (MAX_DEPTH - 10, 100_000):
        html = nested(depth)
        secs, skipped = cpu(an, html)
        rows.append(f"| nested {depth:,} deep | {len(html) / 1024:,.0f} KB | {secs:.2f} | "
                    f"{1000 * secs / (len(html) / 1024):.2f} | {skipped} |")
    out = "\n".join(rows)
    print(out)
    if args.write:
        (ROOT / "benchmarks" / "RESULTS-adversarial.md").write_text(
            "# Analyzer on hostile pages (`benchmarks/analyzer_adversarial.py`)\n\n" + out + "\n",
            encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
