"""Few precise queries against many vague ones: counts the planner's web queries and measures what
they retrieve from the demo archive, next to a naive plan (every name variant, unquoted, alone and
with every corroborating term).

    .venv/bin/python benchmarks/planner.py

Prints, per plan: queries, truth pages retrieved (pages that hold a real exposure), recall of
those pages, namesake pages retrieved, other pages retrieved, and truth pages per query.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from footprint import demo  # noqa: E402
from footprint.analyze.names import variants  # noqa: E402
from footprint.model import Query  # noqa: E402
from footprint.planner import plan  # noqa: E402
from footprint.profile import load_profile  # noqa: E402
from footprint.web.archive import WebArchive  # noqa: E402
from footprint.web.urls import normalize_url  # noqa: E402


def naive_plan(profile) -> list[Query]:  # type: ignore[no-untyped-def]
    out = []
    for p in profile.people:
        terms = [t for t in (p.city, p.region, p.court, p.employer, p.school) if t]
        for v in variants(p):
            out.append(Query(p.id, "name", v))
            out += [Query(p.id, "name", f"{v} {t}") for t in terms]
    return out


def measure(queries: list[Query], archive: WebArchive, truth: dict) -> dict:
    truth_urls = {normalize_url(f["url"]) for f in truth["findings"] if f["category"] != "mention"}
    namesakes = {normalize_url(u) for u in truth.get("namesake_urls", [])}
    search = archive.search_backend()
    got: set[str] = set()
    for q in queries:
        got |= {normalize_url(r.url) for r in search.search(q.text, max_results=10)}
    hit = got & truth_urls
    return {
        "queries": len(queries),
        "truth_pages": len(hit),
        "recall": round(len(hit) / len(truth_urls), 3) if truth_urls else None,
        "namesake_pages": len(got & namesakes),
        "other_pages": len(got - truth_urls - namesakes),
        "truth_pages_per_query": round(len(hit) / len(queries), 3) if queries else None,
    }


def main() -> int:
    demo.ensure_generated()
    profile = load_profile(demo.profile_path())
    truth = json.loads(demo.truth_path().read_text())
    with tempfile.TemporaryDirectory() as tmp:
        archive = WebArchive.open(demo.archive_path(), Path(tmp))
        rows = {
            "planner (quoted, corroborated)": measure(plan(profile), archive, truth),
            "naive (every variant × term, unquoted)": measure(naive_plan(profile), archive, truth),
        }
        archive.close()
    width = max(len(k) for k in rows)
    cols = ["queries", "truth_pages", "recall", "namesake_pages", "other_pages", "truth_pages_per_query"]
    print(f"{'plan':<{width}}  " + "  ".join(cols))
    for name, r in rows.items():
        print(f"{name:<{width}}  " + "  ".join(f"{str(r[c]):>{len(c)}}" for c in cols))
    print("(web search only; the brokers probe's direct look-ups and site: searches come on top)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
