"""Quality benchmark: scores an audit's findings against a ground truth (precision, recall,
critical recall, severity agreement, namesake and non-consent errors, unchecked sources).

Evaluation scenarios (the sets the project is measured on; nobody on the team wrote their pages):

    python benchmarks/quality.py --blind                  # every tests/fixtures/blind/*/ with a truth
    python benchmarks/quality.py --scenario DIR [--scenario DIR …] [--blind] [--json OUT]
    python benchmarks/quality.py --findings findings.json --truth SCENARIO/truth.json

A scenario folder holds profile.toml, the web archive (archive.warc.gz, or the `archive` that
truth.json names), truth.json and photos/. Each is audited as an evaluator does it: the installed
`footprint audit PROFILE --web-archive ARCHIVE --out TMP --format json --passphrase`, with
FOOTPRINT_PASSPHRASE (a random one) and FOOTPRINT_HOME in a temporary folder; findings.json.age is
decrypted in memory (`--keep-findings DIR` also writes it there, 0600) and scored as the
scenarios' truth format defines it (`scenario_score`): a finding counts when confidence ≥ 0.5
and it is not a `mention`; counted findings are keyed on (person, category, normalised page URL),
the highest severity winning; a key is a true positive when the truth expects it, neutral when
the truth lists it as acceptable, a false positive otherwise. Figures: precision, recall, critical
recall, recall_core and critical_recall_core (without the `hard` findings), severity agreement
(exact and within one level, over matched keys), decoy_hits (false positives on decoy pages: a
key the truth accepts there is no error, and one about a non-consenting person is counted as a
nonconsent_hit instead), trap_hits (false positives the truth lists as
traps), nonconsent_hits (findings about a
non-consenting person, at any confidence and category), challenge pages listed under
audit.coverage.failed, the largest number of search-engine queries made for one person
(audit.coverage.searches_by_person) and the audit's CPU time.

The team's own sets (their truth format is the older one scored by `score`):

    python benchmarks/quality.py                          # run the demo audits (US, CZ, RO), score them
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
import resource
import secrets
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, unquote_to_bytes, urlsplit, urlunsplit

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
                    and all(a == b or a == "*" for a, b in zip(n, k, strict=True))]
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


# --- evaluation scenarios (tests/fixtures/blind/*, eval-dev) ------------------------------------

BLIND = ROOT / "tests" / "fixtures" / "blind"
LEVELS = ("info", "low", "medium", "high", "critical")
"""Severities from the least to the most severe; "within one level" is a distance of ≤ 1 here."""
_SAFE = "!$&'()*+,;=:@/"
"""Characters left unencoded in a normalised URL besides the unreserved ones (RFC 3986
sub-delims, ':', '@', '/'): everything else is percent-encoded, in upper case."""


def url_key(url: str) -> str:
    """A page URL as the scenarios compare it: scheme ignored, host lower-cased, default port
    dropped, fragment and trailing slash dropped, percent-encoding and query order canonical.
    A value that is not a URL (coverage names sources such as "Facebook (account site)") is
    returned stripped, so it can only equal itself."""
    text = url.strip()
    parts = urlsplit(text if "//" in text else "//" + text)
    if not parts.netloc or " " in parts.netloc:
        return text
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None and port not in (80, 443):
        host = f"{host}:{port}"
    path = quote(unquote_to_bytes(parts.path), safe=_SAFE).rstrip("/")
    pairs = sorted(parse_qsl(parts.query, keep_blank_values=True))
    query = "&".join(f"{quote(k, safe=_SAFE.replace('&', '').replace('=', ''))}="
                     f"{quote(v, safe=_SAFE.replace('&', ''))}" for k, v in pairs)
    return host + path + (f"?{query}" if query else "")


def _level(sev: Any) -> int:
    return LEVELS.index(sev) if sev in LEVELS else 0


def _key(entry: dict[str, Any]) -> tuple[str, str, str]:
    return (str(entry.get("person")), str(entry.get("category")), url_key(str(entry.get("url", ""))))


def is_scenario_truth(truth: Any) -> bool:
    """True for the scenarios' truth format (expected, acceptable, traps and page kinds)."""
    return isinstance(truth, dict) and "acceptable" in truth and "decoys" in truth


def scenario_score(findings: list[dict[str, Any]], truth: dict[str, Any], threshold: float = 0.5,
                   coverage: dict[str, Any] | None = None) -> dict[str, Any]:
    """Score findings.json's `findings` (full URLs: the decrypted output) against a scenario's
    truth.json; `coverage` is findings.json's audit.coverage. A ratio is None when its
    denominator is 0 (precision with nothing counted)."""
    def conf(f: dict[str, Any]) -> float:
        try:
            return float(f.get("confidence", 0.0))
        except (TypeError, ValueError):
            return 0.0

    counted: dict[tuple[str, str, str], str] = {}
    for f in findings:
        if f.get("category") == "mention" or conf(f) < threshold:
            continue
        key, sev = _key(f), str(f.get("severity", "info"))
        if key not in counted or _level(sev) > _level(counted[key]):
            counted[key] = sev

    expected = {_key(t): t for t in truth.get("findings", [])}
    acceptable = {_key(t) for t in truth.get("acceptable", [])}
    traps = {_key(t) for t in truth.get("traps", [])}
    decoys = {url_key(u) for u in truth.get("decoys", [])}
    blocked = {url_key(u) for u in truth.get("blocked", [])}
    nonconsenting = set(truth.get("nonconsenting", []))

    tp = [k for k in counted if k in expected]
    fp = [k for k in counted if k not in expected and k not in acceptable]
    found = set(tp)

    def share(keys: list[tuple[str, str, str]]) -> float | None:
        return _ratio(sum(k in found for k in keys), len(keys))

    every = list(expected)
    critical = [k for k, t in expected.items() if t.get("severity") == "critical"]
    core = [k for k, t in expected.items() if not t.get("hard")]
    hard = [k for k, t in expected.items() if t.get("hard")]
    gaps = [abs(_level(counted[k]) - _level(expected[k].get("severity"))) for k in tp]

    reported: set[str] = set()
    for item in (coverage or {}).get("failed", []):
        if isinstance(item, dict):
            reported.update(url_key(str(item[f])) for f in ("url", "source") if item.get(f))

    by_category: dict[str, dict[str, int]] = {}
    for cat in sorted({k[1] for k in every} | {k[1] for k in fp}):
        by_category[cat] = {"expected": sum(k[1] == cat for k in every),
                            "found": sum(k[1] == cat for k in tp),
                            "fp": sum(k[1] == cat for k in fp)}
    by_person = {p: {"expected": sum(k[0] == p for k in every),
                     "found": sum(k[0] == p for k in tp)}
                 for p in sorted({k[0] for k in every})}

    return {
        "scenario": truth.get("scenario"),
        "threshold": threshold,
        "findings": len(findings),
        "counted_keys": len(counted),
        "tp": len(tp),
        "fp": len(fp),
        "fn": len(every) - len(tp),
        "acceptable": sum(k in acceptable and k not in expected for k in counted),
        "precision": _ratio(len(tp), len(tp) + len(fp)),
        "recall": share(every),
        "critical_recall": share(critical),
        "critical_total": len(critical),
        "recall_core": share(core),
        "critical_recall_core": share([k for k in critical if k in core]),
        "hard_total": len(hard),
        "hard_found": sum(k in found for k in hard),
        "severity_exact": _ratio(sum(g == 0 for g in gaps), len(gaps)),
        "severity_within1": _ratio(sum(g <= 1 for g in gaps), len(gaps)),
        "decoy_hits": sum(k[2] in decoys and k[0] not in nonconsenting for k in fp),
        "trap_hits": sum(k in traps for k in fp),
        "nonconsent_hits": sum(f.get("person") in nonconsenting for f in findings),
        "blocked_total": len(blocked),
        "blocked_reported": len(blocked & reported),
        "by_category": by_category,
        "by_person": by_person,
    }


def scenario_dirs(blind: bool, chosen: list[Path]) -> list[Path]:
    """The chosen scenario folders, then (with `blind`) every tests/fixtures/blind/*/ with a
    truth.json; each folder once."""
    dirs = list(chosen)
    if blind:
        if not BLIND.is_dir():
            raise InputError(f"{BLIND}: folder not found (the blind scenarios)")
        dirs += sorted(d for d in BLIND.iterdir() if (d / "truth.json").is_file())
    out: list[Path] = []
    seen: set[Path] = set()
    for d in dirs:
        if Path(d).resolve() not in seen:
            seen.add(Path(d).resolve())
            out.append(Path(d))
    return out


def scenario_inputs(folder: Path) -> tuple[str, Path, Path, dict[str, Any]]:
    """(name, profile, archive, truth) of a scenario folder, named after the folder; truth.json
    may name the profile and the archive (relative to the folder)."""
    truth = load_json(folder / "truth.json")
    if not is_scenario_truth(truth):
        raise InputError(f"{folder / 'truth.json'}: expected a scenario truth (with 'findings', "
                         "'acceptable' and 'decoys')")
    profile = folder / str(truth.get("profile") or "profile.toml")
    archive = folder / str(truth.get("archive") or "archive.warc.gz")
    for f in (profile, archive):
        if not f.exists():
            raise InputError(f"{f}: file not found")
    return Path(folder).resolve().name, profile, archive, truth


def footprint_command() -> list[str]:
    """The installed `footprint` command beside this interpreter (what an evaluator runs)."""
    script = Path(sys.executable).with_name("footprint")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "footprint"]


def run_scenario_audit(profile: Path, archive: Path, workdir: Path) -> tuple[dict[str, Any],
                                                                             float, float]:
    """Audit a scenario through the CLI with an encrypted JSON output; return the decrypted
    findings.json, the audit's CPU seconds (user + system, its child processes included) and
    its wall seconds."""
    import pyrage

    passphrase = secrets.token_urlsafe(24)
    out = workdir / "report"
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOOTPRINT_")}
    env.update(FOOTPRINT_HOME=str(workdir / "home"), FOOTPRINT_PASSPHRASE=passphrase)
    cmd = footprint_command() + ["audit", str(profile.resolve()), "--web-archive",
                                 str(archive.resolve()), "--out", str(out), "--format", "json",
                                 "--passphrase"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=workdir, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-15:])
        raise RuntimeError(f"the audit of {profile} exited with {proc.returncode}:\n{tail}")
    sealed = out / "findings.json.age"
    try:
        plain = pyrage.passphrase.decrypt(sealed.read_bytes(), passphrase)
    except (OSError, pyrage.DecryptError) as e:
        raise RuntimeError(f"{sealed}: cannot decrypt the audit's output ({e})") from None
    try:
        doc = json.loads(plain)
    except json.JSONDecodeError as e:
        raise RuntimeError(f"{sealed}: the decrypted output is not JSON ({e.msg})") from None
    return doc, cpu, wall


def keep_findings(doc: dict[str, Any], folder: Path, name: str) -> Path:
    """Write a decrypted findings.json as FOLDER/NAME/findings.json (folders 0700, file 0600):
    it carries the personal values in full."""
    dest = folder / name
    dest.mkdir(mode=0o700, parents=True, exist_ok=True)
    for d in (folder, dest):
        d.chmod(0o700)
    path = dest / "findings.json"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
    path.chmod(0o600)
    return path


def scenario_figures(doc: dict[str, Any], truth: dict[str, Any], threshold: float,
                     path: Path | str = "findings.json") -> dict[str, Any]:
    """Score a findings.json document and add what it says of the audit's searches."""
    findings, coverage = split_findings(doc, Path(path))
    s = scenario_score(findings, truth, threshold, coverage)
    per_person = (coverage or {}).get("searches_by_person") or {}
    counts = {str(k): int(v) for k, v in per_person.items() if isinstance(v, int | float)}
    top = max(counts.items(), key=lambda kv: (kv[1], kv[0]), default=None)
    s["searches_by_person"] = counts
    s["max_searches_per_person"] = top[1] if top else None
    s["max_searches_person"] = top[0] if top else None
    return s


def _n(v: float | None, digits: int = 3) -> str:
    return "–" if v is None else f"{v:.{digits}f}"


def render_scenario_line(name: str, s: dict[str, Any]) -> str:
    cpu = s.get("audit_cpu_seconds")
    top = s.get("max_searches_per_person")
    return (f"{name}: precision {_n(s['precision'])} recall {_n(s['recall'])} "
            f"critical {_n(s['critical_recall'])} recall_core {_n(s['recall_core'])} "
            f"critical_core {_n(s['critical_recall_core'])} severity "
            f"{_n(s['severity_exact'])}/{_n(s['severity_within1'])} "
            f"(TP {s['tp']} FP {s['fp']} FN {s['fn']} acceptable {s['acceptable']}) "
            f"decoy_hits {s['decoy_hits']} trap_hits {s['trap_hits']} "
            f"nonconsent_hits {s['nonconsent_hits']} challenge "
            f"{s['blocked_reported']}/{s['blocked_total']} max_searches "
            + ("–" if top is None else f"{top} ({s['max_searches_person']})")
            + ("" if cpu is None else f" cpu {cpu:.1f} s"))


SCENARIO_COLUMNS = (
    ("scenario", None), ("precision", "precision"), ("recall", "recall"),
    ("critical recall", "critical_recall"), ("recall core", "recall_core"),
    ("critical recall core", "critical_recall_core"), ("severity exact", "severity_exact"),
    ("severity ±1", "severity_within1"), ("decoy hits", "decoy_hits"),
    ("trap hits", "trap_hits"), ("non-consent hits", "nonconsent_hits"),
    ("challenge listed", None), ("max searches / person", "max_searches_per_person"),
    ("audit CPU s", "audit_cpu_seconds"))


def render_scenario_table(results: dict[str, dict[str, Any]]) -> str:
    """A Markdown table of the scenarios' figures (ready for BENCHMARKS.md)."""
    head = [c for c, _ in SCENARIO_COLUMNS]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, s in results.items():
        cells = []
        for title, key in SCENARIO_COLUMNS:
            if title == "scenario":
                cells.append(name)
            elif title == "challenge listed":
                cells.append(f"{s['blocked_reported']}/{s['blocked_total']}")
            else:
                v = s.get(key)
                cells.append("–" if v is None else f"{v:.1f}" if key == "audit_cpu_seconds"
                             else f"{v:.3f}" if isinstance(v, float) else str(v))
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


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
    ap.add_argument("--scenario", type=Path, action="append", default=[],
                    help="evaluation scenario folder (profile.toml, archive, truth.json, "
                         "photos/); repeatable")
    ap.add_argument("--blind", action="store_true",
                    help="every scenario under tests/fixtures/blind with a truth.json")
    ap.add_argument("--keep-findings", type=Path, metavar="DIR",
                    help="write each scenario's decrypted findings.json to DIR/NAME/ (0600)")
    ap.add_argument("--threshold", type=float, default=0.5,
                    help="confidence from which a finding counts as confirmed (default 0.5)")
    ap.add_argument("--json", nargs="?", const="-", metavar="OUT",
                    help="the scores as JSON: printed, or written to OUT")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    results: dict[str, Any] = {}
    scenarios: dict[str, dict[str, Any]] = {}
    scenario_mode = bool(args.scenario or args.blind)
    legacy = not scenario_mode or bool(args.all or args.fixture or args.profile)
    try:
        if args.findings:
            from footprint import demo

            truth_path = args.truth[0] if args.truth else demo.truth_path()
            if not args.truth:
                demo.ensure_generated()
            doc, truth = load_json(args.findings), load_json(truth_path)
            if is_scenario_truth(truth):
                scenarios[str(args.findings)] = scenario_figures(doc, truth, args.threshold,
                                                                 args.findings)
            else:
                findings, coverage = split_findings(doc, args.findings)
                s = score(findings, truth, args.threshold, coverage)
                results[str(args.findings)] = (s, None)
        else:
            if not (len(args.profile) == len(args.archive) == len(args.truth)):
                raise InputError("give --profile, --archive and --truth together, once per "
                                 "fixture")
            sets = [(f"{p.parent.name}/{p.name}", p, a, t)
                    for p, a, t in zip(args.profile, args.archive, args.truth, strict=True)]
            fixtures = list(args.fixture) + (fixture_dirs() if args.all else [])
            seen: set[Path] = set()
            for d in fixtures:
                if Path(d).resolve() not in seen:
                    seen.add(Path(d).resolve())
                    sets.append(fixture_set(d))
            if legacy and not args.no_demo:
                from footprint import demo

                # every bundled demo: the US one, then the Czech and Romanian families
                for i, code in enumerate(demo.JURISDICTIONS):
                    demo.ensure_generated(code)
                    sets.insert(i, ("demo" if code == "US" else f"demo-{code.lower()}",
                                    demo.profile_path(code), demo.archive_path(code),
                                    demo.truth_path(code)))
            for name, prof, arch, tr in sets:
                truth = load_json(tr)
                with tempfile.TemporaryDirectory(prefix="footprint-quality-") as tmp:
                    if arch.name == "pages.json":
                        arch = build_fixture_archive(arch.parent, Path(tmp) / "pages.warc.gz")
                    path, elapsed = run_audit(prof, arch, Path(tmp))
                    findings, coverage = split_findings(load_json(path), path)
                results[name] = (score(findings, truth, args.threshold, coverage), elapsed)
            for folder in scenario_dirs(args.blind, args.scenario):
                name, prof, arch, truth = scenario_inputs(folder)
                if name in scenarios:
                    name = str(folder)
                with tempfile.TemporaryDirectory(prefix="footprint-quality-") as tmp:
                    doc, cpu, wall = run_scenario_audit(prof, arch, Path(tmp))
                if args.keep_findings:
                    keep_findings(doc, args.keep_findings, name)
                s = scenario_figures(doc, truth, args.threshold)
                s.update(audit_cpu_seconds=round(cpu, 2), audit_wall_seconds=round(wall, 2))
                scenarios[name] = s
                print(render_scenario_line(name, s), flush=True)
    except InputError as e:
        print(f"quality: {e}", file=sys.stderr)
        return 2
    except RuntimeError as e:
        print(f"quality: {e}", file=sys.stderr)
        return 1

    if args.json:
        doc_out = {k: dict(s, audit_seconds=t) for k, (s, t) in results.items()}
        doc_out.update(scenarios)
        text = json.dumps(doc_out, indent=2)
        if args.json == "-":
            print(text)
            return 0
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    blocks = [render(k, s, t) for k, (s, t) in results.items()]
    if len(results) > 1:
        blocks.append(render_summary(results))
    if scenarios:
        if args.findings:
            blocks.append(render_scenario_line(str(args.findings), scenarios[str(args.findings)]))
        blocks.append(render_scenario_table(scenarios))
    print("\n\n".join(blocks))
    return 0


if __name__ == "__main__":
    sys.exit(main())
