"""Masking is linear in its input: `mask_url` and `mask_text` on adversarial inputs of growing
size (a hostile page controls the URLs and the text that reach them), with the demo family's
values as secrets.

    .venv/bin/python benchmarks/masking.py [--sizes 25000,50000,100000,200000]

Prints, per case and size, the seconds of one call and the time per KB; linear means a flat
time per KB as the size doubles (a quadratic pattern doubles it). Cases:
- url-letters: "https://x.example/" + one letter run (the e-mail pattern was quadratic on it:
  11 s for 100 KB before it was made possessive and anchored to run starts);
- url-slug: a slug of hyphenated words ("eleanor-a-b-…") with names inside;
- text-hyphens: "a-a-a-…" (every position could start an address or e-mail);
- text-phones: phone-like numbers separated by spaces (one masked span each: spans are taken
  with an occupancy map, not by comparing each with every span taken);
- text-listing: a people-search listing line with the family's name, phone and street repeated.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from footprint import demo  # noqa: E402
from footprint.masking import mask_text, mask_url, profile_secrets  # noqa: E402
from footprint.profile import load_profile  # noqa: E402

LISTING = ("Eleanor R Whitfield, 58, Santa Rosa CA — 2417 Alderbrook Dr, (707) 555-0142, "
           "eleanor.whitfield@example.net; relatives Daniel J Whitfield, Sophie Whitfield. ")


def cases(n: int) -> dict[str, tuple[str, str]]:
    return {
        "url-letters": ("https://x.example/" + "a" * n, "url"),
        "url-slug": ("https://x.example/" + ("eleanor-whitfield-a-" * (n // 20 + 1))[:n], "url"),
        "text-hyphens": (("a-" * (n // 2 + 1))[:n], "text"),
        "text-phones": (" ".join(f"707-555-{i % 10000:04d}" for i in range(n // 13 + 1))[:n],
                        "text"),
        "text-listing": ((LISTING * (n // len(LISTING) + 1))[:n], "text"),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="25000,50000,100000,200000")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    demo.ensure_generated()
    secrets = profile_secrets(load_profile(demo.profile_path()))
    print(f"{'case':<14} {'size':>8} {'seconds':>9} {'ms per KB':>10}")
    for name in cases(1):
        for n in sizes:
            text, kind = cases(n)[name]
            fn = mask_url if kind == "url" else mask_text
            t = time.perf_counter()
            fn(text, secrets)
            dt = time.perf_counter() - t
            print(f"{name:<14} {n:>8} {dt:>9.3f} {1000 * dt / (n / 1000):>10.2f}")


if __name__ == "__main__":
    main()
