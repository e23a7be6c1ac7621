"""Time and peak memory of a whole offline audit of the demo, by output format.

    .venv/bin/python benchmarks/demo_run.py

Each row is a fresh `footprint audit` process (a private FOOTPRINT_HOME; the archive index is
built by a warm-up run first, as on a second classroom run). Peak memory is the child's maximum
resident set size.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from footprint import demo  # noqa: E402


def run(home: Path, out: Path, formats: str) -> tuple[float, float]:
    env = dict(os.environ, FOOTPRINT_HOME=str(home))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "footprint", "audit", str(demo.profile_path()), "--web-archive",
                    str(demo.archive_path()), "--out", str(out), "--format", formats],
                   env=env, check=True, capture_output=True)
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024


def main() -> int:
    demo.ensure_generated()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        cold, _ = run(home, Path(tmp) / "warm", "json")
        print(f"first run (builds the archive index): {cold:.2f} s")
        print("formats              wall     peak RSS (max so far)")
        for i, fmts in enumerate(("json", "html,json", "html,json,csv", "html,json,csv,pdf")):
            wall, peak = run(home, Path(tmp) / f"o{i}", fmts)
            print(f"{fmts:<20} {wall:6.2f} s  {peak:6.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
