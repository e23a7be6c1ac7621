"""Quality benchmark: scores an audit's findings against a ground truth (precision, recall,
critical recall, severity agreement, namesake and non-consent errors, unchecked sources).

    python benchmarks/quality.py                          # run the demo audit, then score it
    python benchmarks/quality.py --findings out/findings.json [--truth truth.json]
    python benchmarks/quality.py --profile P --archive A --truth T [--profile … --archive … --truth …]
    python benchmarks/quality.py --no-demo --profile P --archive A --truth T --json
    python benchmarks/quality.py --fixture tests/fixtures/intl/uk [--fixture …]   # + the demo
    python benchmarks/quality.py --all      # the demo and every tests/fixtures/intl/* with truth

A fixture folder holds profile.toml, truth.json and pages.json ({url: file relative to the
folder}); its pages are written into a WARC in a temporary folder and audited through the CLI
with `--web-archive`, exactly like the demo.

Scoring compares CONFIRMED findings (confidence ≥ threshold and not a possible match) with the
truth on (person, category, url); `mention` is informational and left out. A finding matches a
truth entry when category and url agree and its person is the entry's person or one of its
`alt_persons`. Several findings with the same (person, category, url) count once.

It is a benchmark: it exits 0 whatever the scores are; 2 when an input cannot be read, 1 when
the audit it was asked to run fails.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "intl"
SEVERITIES = ("critical", "high", "medium", "low", "info")


class InputError(Exception):
    """An input file is missing or unreadable (exit 2)."""


def norm_url(url: str) -> str:
    """Compare URLs without case in scheme and host, without fragment or trailing slash."""
    p = urlsplit(url.strip())
    path = p.path.rstrip("/") or "/"
    return urlunsplit((p.scheme.lower(), p.netloc.lower(), path, p.query, ""))


class UrlResolver:
    """Maps a finding's URL onto the truth's URLs. findings.json masks personal values in URLs
    ("/name/e******-w********_santa-rosa-ca") keeping their length, so a masked URL is the truth
    URL that agrees with it on every unmasked character, when exactly one does."""

    def __init__(self, truth: dict[str, Any]) -> None:
        urls = [t["url"] for t in truth.get("findings", [])]
        for key in ("namesake_urls", "non_consenting_urls", "not_checked_urls"):
            urls += list(truth.get(key, []))
        self.known = sorted({norm_url(u) for u in urls})
        self._cache: dict[str, str] = {}

    def __call__(self, url: str) -> str:
        n = norm_url(url)
        if n in self._cache:
            return self._cache[n]
        out = n
        if "*" in n and n not in self.known:
            fits = [k for k in self.known if len(k) == len(n)
                    and all(a == b or a == "*" for a, b in zip(n, k))]
            if len(fits) == 1:
                out = fits[0]
        self._cache[n] = out
        return out


def is_confirmed(f: dict[str, Any], threshold: float) -> bool:
    try:
        conf = float(f.get("confidence", 0.0))
    except (TypeError, ValueError):
        conf = 0.0
    return conf >= threshold and not f.get("possible_match", False)


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def score(findings: list[dict[str, Any]], truth: dict[str, Any], threshold: float = 0.5,
          coverage: dict[str, Any] | None = None) -> dict[str, Any]:
    """Score findings (the `findings` list of findings.json) against a truth document.

    `coverage` is findings.json's `audit.coverage`; without it `not_checked_reported` is None.
    Ratios are None when their denominator is 0 (e.g. precision with no confirmed finding).
    """
    resolve = UrlResolver(truth)
    confirmed = [f for f in findings if is_confirmed(f, threshold)]
    scored = [f for f in confirmed if f.get("category") != "mention"]
    entries = [t for t in truth.get("findings", []) if t.get("category") != "mention"]

    index: dict[tuple[str, str], list[int]] = {}
    for i, t in enumerate(entries):
        index.setdefault((t["category"], norm_url(t["url"])), []).append(i)

    predicted: dict[tuple[str, str, str], str] = {}
    for f in scored:
        key = (str(f.get("person")), str(f.get("category")), resolve(str(f.get("url", ""))))
        sev = str(f.get("severity", "info"))
        old = predicted.get(key)
        if old is None or _rank(sev) < _rank(old):
            predicted[key] = sev

    matched: set[int] = set()
    tp: list[tuple[str, str, str]] = []
    fp: list[tuple[str, str, str]] = []
    severity_pairs: list[tuple[str, str]] = []
    for key, sev in sorted(predicted.items()):
        person, cat, url = key
        hits = [i for i in index.get((cat, url), [])
                if entries[i]["person"] == person or person in entries[i].get("alt_persons", ())]
        if not hits:
            fp.append(key)
            continue
        tp.append(key)
        matched.update(hits)
        own = next((i for i in hits if entries[i]["person"] == person), hits[0])
        severity_pairs.append((sev, entries[own]["severity"]))

    critical = {i for i, t in enumerate(entries) if t["severity"] == "critical"}
    missed = [entries[i] for i in range(len(entries)) if i not in matched]

    namesakes = {norm_url(u) for u in truth.get("namesake_urls", [])}
    namesake_hits = [f for f in confirmed if resolve(str(f.get("url", ""))) in namesakes]

    non_ids = set(truth.get("non_consenting", []))
    non_urls = {norm_url(u) for u in truth.get("non_consenting_urls", [])}
    non_hits = [f for f in findings
                if f.get("person") in non_ids
                or (resolve(str(f.get("url", ""))) in non_urls and f.get("category") != "mention")]

    not_checked = [norm_url(u) for u in truth.get("not_checked_urls", [])]
    if coverage is None:
        nc_reported, nc_missing = None, []
    else:
        failed = {resolve(str(x.get("url", x.get("source", ""))))
                  for x in coverage.get("failed", []) if isinstance(x, dict)}
        nc_missing = [u for u in not_checked if u not in failed]
        nc_reported = not nc_missing

    by_cat: dict[str, dict[str, int]] = {}
    for i, t in enumerate(entries):
        row = by_cat.setdefault(t["category"], {"truth": 0, "found": 0, "false_positives": 0})
        row["truth"] += 1
        row["found"] += i in matched
    for _, cat, _ in fp:
        by_cat.setdefault(cat, {"truth": 0, "found": 0, "false_positives": 0})
        by_cat[cat]["false_positives"] += 1

    return {
        "threshold": threshold,
        "findings": len(findings),
        "confirmed": len(confirmed),
        "possible_matches": len(findings) - len(confirmed),
        "scored": len(predicted),
        "truth": len(entries),
        "true_positives": len(tp),
        "false_positives": len(fp),
        "missed": len(missed),
        "precision": _ratio(len(tp), len(predicted)),
        "recall": _ratio(len(matched), len(entries)),
        "critical_recall": _ratio(len(matched & critical), len(critical)),
        "severity_agreement": _ratio(sum(a == b for a, b in severity_pairs), len(severity_pairs)),
        "namesake_hits": len(namesake_hits),
        "non_consenting_hits": len(non_hits),
        "not_checked_reported": nc_reported,
        "by_category": dict(sorted(by_cat.items())),
        "false_positive_keys": [list(k) for k in fp],
        "missed_entries": [
            {k: t[k] for k in ("person", "category", "url", "severity")} for t in missed],
        "namesake_hit_urls": sorted({resolve(str(f.get("url", ""))) for f in namesake_hits}),
        "not_checked_missing": nc_missing,
        "severity_confusion": dict(Counter(f"{a}->{b}" for a, b in severity_pairs if a != b)),
    }


def _rank(sev: str) -> int:
    return SEVERITIES.index(sev) if sev in SEVERITIES else len(SEVERITIES)


# --- inputs -----------------------------------------------------------------------------------


def load_json(path: Path) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read ({e})") from None
    except json.JSONDecodeError as e:
        raise InputError(f"{path}: not valid JSON ({e.msg}, line {e.lineno})") from None


def split_findings(doc: Any, path: Path) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """findings.json ({"audit": …, "findings": […]}) or a bare list of findings."""
    if isinstance(doc, list):
        return doc, None
    if isinstance(doc, dict) and isinstance(doc.get("findings"), list):
        cov = (doc.get("audit") or {}).get("coverage")
        return doc["findings"], cov if isinstance(cov, dict) else None
    raise InputError(f"{path}: expected findings.json (an object with a findings list)")


def run_audit(profile: Path, archive: Path, workdir: Path) -> tuple[Path, float]:
    """Run `footprint audit` offline in a private data folder; return findings.json and seconds."""
    for p in (profile, archive):
        if not Path(p).exists():
            raise InputError(f"{p}: file not found")
    out = workdir / "report"
    env = dict(os.environ, FOOTPRINT_HOME=str(workdir / "home"))
    cmd = [sys.executable, "-m", "footprint", "audit", str(profile), "--web-archive",
           str(archive), "--out", str(out), "--format", "json"]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-15:])
        raise RuntimeError(f"the audit exited with {proc.returncode}:\n{tail}")
    return out / "findings.json", elapsed


def fixture_dirs() -> list[Path]:
    """Every folder under tests/fixtures/intl that can be audited end to end."""
    return sorted(d for d in FIXTURES.iterdir()
                  if (d / "truth.json").is_file() and (d / "pages.json").is_file()
                  and (d / "profile.toml").is_file())


def build_fixture_archive(fixture: Path, dest: Path) -> Path:
    """Write the fixture's pages (pages.json: {url: file}) as a WARC of HTML responses."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = load_json(fixture / "pages.json")
    if not isinstance(pages, dict):
        raise InputError(f"{fixture / 'pages.json'}: expected an object {{url: file}}")
    with open(dest, "wb") as fh:
        writer = WARCWriter(fh, gzip=dest.name.endswith(".gz"), warc_version="1.1")
        for url, rel in pages.items():
            try:
                body = (fixture / rel).read_bytes()
            except OSError as e:
                raise InputError(f"{fixture / rel}: cannot read ({e.strerror})") from None
            headers = StatusAndHeaders("200 OK", [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=headers))
    return dest


def fixture_set(fixture: Path) -> tuple[str, Path, Path, Path]:
    """(name, profile, pages.json, truth) of a fixture folder; the archive is built later."""
    fixture = Path(fixture)
    for f in ("profile.toml", "pages.json", "truth.json"):
        if not (fixture / f).is_file():
            raise InputError(f"{fixture / f}: file not found")
    return (fixture.name, fixture / "profile.toml", fixture / "pages.json", fixture / "truth.json")


# --- output ------------------------------------------------------------------------------------


def _fmt(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.3f}"


def render(name: str, s: dict[str, Any], elapsed: float | None = None) -> str:
    lines = [
        f"== {name}" + (f"  (audit {elapsed:.1f} s)" if elapsed is not None else ""),
        f"findings {s['findings']} (confirmed {s['confirmed']}, possible matches "
        f"{s['possible_matches']}); scored keys {s['scored']}; truth entries {s['truth']}",
        f"precision           {_fmt(s['precision'])}   ({s['true_positives']} true, "
        f"{s['false_positives']} false)",
        f"recall              {_fmt(s['recall'])}   ({s['truth'] - s['missed']} of {s['truth']})",
        f"critical recall     {_fmt(s['critical_recall'])}",
        f"severity agreement  {_fmt(s['severity_agreement'])}",
        f"namesake hits       {s['namesake_hits']}",
        f"non-consenting hits {s['non_consenting_hits']}",
        "not-checked listed  " + {True: "yes", False: "NO", None: "n/a (no coverage)"}[
            s["not_checked_reported"]],
        "by category (found/truth, false positives):",
    ]
    for cat, row in s["by_category"].items():
        lines.append(f"  {cat:<13} {row['found']:>3}/{row['truth']:<3}  fp {row['false_positives']}")
    if s["missed_entries"]:
        lines.append("missed:")
        lines += [f"  {m['severity']:<8} {m['person']:<7} {m['category']:<12} {m['url']}"
                  for m in s["missed_entries"]]
    if s["false_positive_keys"]:
        lines.append("false positives:")
        lines += [f"  {p:<7} {c:<12} {u}" for p, c, u in s["false_positive_keys"]]
    if s["namesake_hit_urls"]:
        lines.append("namesake pages confirmed: " + ", ".join(s["namesake_hit_urls"]))
    if s["severity_confusion"]:
        lines.append("severity (found->truth): " + ", ".join(
            f"{k} x{v}" for k, v in sorted(s["severity_confusion"].items())))
    return "\n".join(lines)


BAR = 0.95
"""The issue's bar: precision and recall of non-mention findings, each at least this."""


def meets_bar(s: dict[str, Any]) -> bool:
    """Precision and recall ≥ BAR, no namesake page confirmed, no non-consenting person named."""
    return (s["precision"] is not None and s["precision"] >= BAR
            and s["recall"] is not None and s["recall"] >= BAR
            and s["namesake_hits"] == 0 and s["non_consenting_hits"] == 0)


def render_summary(results: dict[str, tuple[dict[str, Any], float | None]]) -> str:
    lines = [f"== summary (bar: precision and recall ≥ {BAR:.2f}, 0 namesake hits, "
             "0 non-consenting hits)",
             f"  {'set':<12} {'precision':>9} {'recall':>7} {'namesake':>8} {'non-cons.':>9}  bar"]
    for name, (s, _t) in results.items():
        lines.append(f"  {name:<12} {_fmt(s['precision']):>9} {_fmt(s['recall']):>7} "
                     f"{s['namesake_hits']:>8} {s['non_consenting_hits']:>9}  "
                     + ("met" if meets_bar(s) else "NOT MET"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--findings", type=Path, help="score this findings.json instead of running")
    ap.add_argument("--profile", type=Path, action="append", default=[],
                    help="extra fixture: profile (repeat with --archive and --truth)")
    ap.add_argument("--archive", type=Path, action="append", default=[],
                    help="extra fixture: web archive")
    ap.add_argument("--truth", type=Path, action="append", default=[],
                    help="ground truth (with --findings: the one to score against)")
    ap.add_argument("--fixture", type=Path, action="append", default=[],
                    help="fixture folder (profile.toml, pages.json, truth.json); repeatable")
    ap.add_argument("--all", action="store_true",
                    help="the demo and every fixture under tests/fixtures/intl")
    ap.add_argument("--no-demo", action="store_true", help="do not score the bundled demo")
    ap.add_argument("--threshold", type=float, default=0.5,
                    help="confidence from which a finding counts as confirmed (default 0.5)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    results: dict[str, Any] = {}
    try:
        if args.findings:
            from footprint import demo

            truth_path = args.truth[0] if args.truth else demo.truth_path()
            if not args.truth:
                demo.ensure_generated()
            findings, coverage = split_findings(load_json(args.findings), args.findings)
            s = score(findings, load_json(truth_path), args.threshold, coverage)
            results[str(args.findings)] = (s, None)
        else:
            if not (len(args.profile) == len(args.archive) == len(args.truth)):
                raise InputError("give --profile, --archive and --truth together, once per "
                                 "fixture")
            sets = [(f"{p.parent.name}/{p.name}", p, a, t)
                    for p, a, t in zip(args.profile, args.archive, args.truth)]
            fixtures = list(args.fixture) + (fixture_dirs() if args.all else [])
            seen: set[Path] = set()
            for d in fixtures:
                if Path(d).resolve() not in seen:
                    seen.add(Path(d).resolve())
                    sets.append(fixture_set(d))
            if not args.no_demo:
                from footprint import demo

                demo.ensure_generated()
                sets.insert(0, ("demo", demo.profile_path(), demo.archive_path(),
                                demo.truth_path()))
            for name, prof, arch, tr in sets:
                truth = load_json(tr)
                with tempfile.TemporaryDirectory(prefix="footprint-quality-") as tmp:
                    if arch.name == "pages.json":
                        arch = build_fixture_archive(arch.parent, Path(tmp) / "pages.warc.gz")
                    path, elapsed = run_audit(prof, arch, Path(tmp))
                    findings, coverage = split_findings(load_json(path), path)
                results[name] = (score(findings, truth, args.threshold, coverage), elapsed)
    except InputError as e:
        print(f"quality: {e}", file=sys.stderr)
        return 2
    except RuntimeError as e:
        print(f"quality: {e}", file=sys.stderr)
        return 1

    if args.json:
        print(json.dumps({k: dict(s, audit_seconds=t) for k, (s, t) in results.items()},
                         indent=2))
    else:
        blocks = [render(k, s, t) for k, (s, t) in results.items()]
        if len(results) > 1:
            blocks.append(render_summary(results))
        print("\n\n".join(blocks))
    return 0


if __name__ == "__main__":
    sys.exit(main())
