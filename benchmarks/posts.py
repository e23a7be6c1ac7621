"""Scores `footprint posts`' rules on the fictitious judge's posts (footprint/demo/data/posts:
69 posts in Czech, Romanian and English, 3 of them deleted and only in the web archive, with a
truth file written before the lexicons): precision and recall per rule and overall, counted per
(post, rule) pair. The posts are read the way a live run reads them — the platforms' API
answers and the archive's CDX index, recorded in a WARC — so reading, the archive lookup and
the rules are measured together.

    python benchmarks/posts.py [--rules DIR]

Figures go to BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    from footprint import posts
    from footprint.demo import ensure_posts_generated
    from footprint.posts.rules import POST_RULES, Lexicons
    from footprint.profile import load_profile
    from footprint.web.archive import WebArchive

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rules", type=Path, default=None, help="extra lexicon folder")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = ap.parse_args(argv)
    d = ensure_posts_generated()
    truth = json.loads((d / "posts-truth.json").read_text("utf-8"))["posts"]
    prof = load_profile(d / "posts-profile.toml")
    lex = Lexicons.load(args.rules)
    with tempfile.TemporaryDirectory() as tmp:
        archive = WebArchive.open(d / "posts.warc.gz", Path(tmp))
        t0 = time.perf_counter()
        result = posts.run(prof, archive.fetcher(), lex)
        elapsed = time.perf_counter() - t0
        archive.close()
    got = {rp.post.url: {h.rule.value for h in rp.hits} for rp in result.posts}
    deleted = sum(1 for rp in result.posts if rp.post.deleted is True)
    missing = sorted(set(truth) - set(got))
    rows = []
    tp_all = fp_all = fn_all = 0
    for rule in [r.value for r in POST_RULES]:
        tp = sum(1 for u, rs in truth.items() if rule in rs and rule in got.get(u, set()))
        fp = sum(1 for u, rs in got.items() if rule in rs and rule not in truth.get(u, []))
        fn = sum(1 for u, rs in truth.items() if rule in rs and rule not in got.get(u, set()))
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        rows.append((rule, tp, fp, fn))
        if args.verbose:
            for u, rs in sorted(got.items()):
                if rule in rs and rule not in truth.get(u, []):
                    print(f"  FP {rule}: {u}")
            for u, rs in sorted(truth.items()):
                if rule in rs and rule not in got.get(u, set()):
                    print(f"  FN {rule}: {u}")

    def pr(tp: int, fp: int, fn: int) -> tuple[float, float]:
        return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)

    print(f"{len(result.posts)} posts reviewed ({len(truth)} in the truth file, {len(missing)} "
          f"not read), {deleted} deleted posts found only in the web archive; {elapsed:.2f} s")
    print(f"{'rule':<24} {'TP':>3} {'FP':>3} {'FN':>3} {'precision':>9} {'recall':>7}")
    for rule, tp, fp, fn in rows:
        p, r = pr(tp, fp, fn)
        print(f"{rule:<24} {tp:>3} {fp:>3} {fn:>3} {p:>9.2f} {r:>7.2f}")
    p, r = pr(tp_all, fp_all, fn_all)
    print(f"{'all rules':<24} {tp_all:>3} {fp_all:>3} {fn_all:>3} {p:>9.2f} {r:>7.2f}")
    clean = sum(1 for u, rs in truth.items() if not rs)
    clean_ok = sum(1 for u, rs in truth.items() if not rs and not got.get(u))
    print(f"posts that break no rule shown as reviewed: {clean_ok}/{clean}")
    return 0 if not missing and p >= 0.9 and r >= 0.9 else 1


if __name__ == "__main__":
    sys.exit(main())
