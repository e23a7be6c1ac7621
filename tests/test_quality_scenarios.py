"""benchmarks/quality.py's scorer of evaluation scenarios (`scenario_score`), on findings built
by hand from a truth: no audit is run. A perfect findings file scores 1.0; each kind of error
moves its own figure and leaves the others alone."""

from __future__ import annotations

import copy
import importlib.util
import json
import stat
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
BLIND_TRUTHS = sorted((REPO / "tests" / "fixtures" / "blind").glob("*/truth.json"))


def _quality() -> ModuleType:
    name = "footprint_benchmark_quality"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / "quality.py")
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[name]


TRUTH: dict[str, Any] = {
    "scenario": "unit",
    "nonconsenting": ["son"],
    "findings": [
        {"person": "judge", "category": "home_address", "url": "https://people.example/p/1",
         "severity": "critical"},
        {"person": "judge", "category": "phone", "url": "https://people.example/p/1",
         "severity": "high"},
        {"person": "spouse", "category": "relative", "url": "https://news.example/s?b=2&a=1",
         "severity": "medium", "hard": True},
        {"person": "spouse", "category": "workplace", "url": "https://firm.example/team/",
         "severity": "medium"},
        {"person": "daughter", "category": "home_address", "url": "https://vote.example/r/9",
         "severity": "critical"},
        {"person": "daughter", "category": "school", "url": "https://swim.example/results",
         "severity": "high", "hard": True},
    ],
    "acceptable": [{"person": "judge", "category": "photo", "url": "https://court.example/bio"}],
    "traps": [{"person": "spouse", "category": "email", "url": "https://people.example/p/1"}],
    "decoys": ["https://people.example/p/namesake", "https://race.example/son"],
    "blocked": ["https://blocked.example/judge"],
}
PERFECT = {"precision": 1.0, "recall": 1.0, "critical_recall": 1.0, "recall_core": 1.0,
           "critical_recall_core": 1.0, "severity_exact": 1.0, "severity_within1": 1.0,
           "decoy_hits": 0, "trap_hits": 0, "nonconsent_hits": 0, "fp": 0, "fn": 0}


def perfect(truth: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """What a flawless audit reports: every expected finding, confident, at its severity, and
    the challenge pages listed as not checked."""
    findings = [{"person": t["person"], "category": t["category"], "url": t["url"],
                 "severity": t["severity"], "confidence": 0.9} for t in truth["findings"]]
    coverage = {"failed": [{"url": u, "error": "HTTP 403"} for u in truth.get("blocked", [])]}
    return findings, coverage


def figures(findings: list[dict[str, Any]], coverage: dict[str, Any] | None = None,
            truth: dict[str, Any] | None = None) -> dict[str, Any]:
    return _quality().scenario_score(findings, truth or TRUTH, 0.5, coverage)


def changed(after: dict[str, Any]) -> dict[str, Any]:
    """The headline figures that differ from a perfect score."""
    return {k: after[k] for k, v in PERFECT.items() if after[k] != v}


def test_perfect_findings_score_one() -> None:
    s = figures(*perfect(TRUTH))
    assert changed(s) == {}
    assert (s["tp"], s["blocked_reported"], s["blocked_total"]) == (6, 1, 1)


@pytest.mark.parametrize("truth_path", BLIND_TRUTHS, ids=lambda p: p.parent.name)
def test_perfect_findings_of_each_blind_truth_score_one(truth_path: Path) -> None:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    s = figures(*perfect(truth), truth=truth)
    assert changed(s) == {}
    assert s["tp"] == len(truth["findings"])
    assert s["blocked_reported"] == s["blocked_total"] == len(truth["blocked"])


def test_one_added_false_positive_lowers_precision_only() -> None:
    findings, cov = perfect(TRUTH)
    findings.append({"person": "spouse", "category": "phone", "url": "https://firm.example/team",
                     "severity": "high", "confidence": 0.8})
    assert changed(figures(findings, cov)) == {"precision": 6 / 7, "fp": 1}


def test_one_missing_critical_finding_lowers_recall_and_critical_recall() -> None:
    findings, cov = perfect(TRUTH)
    findings = [f for f in findings
                if (f["person"], f["category"]) != ("daughter", "home_address")]
    assert changed(figures(findings, cov)) == {
        "recall": 5 / 6, "critical_recall": 0.5, "recall_core": 3 / 4,
        "critical_recall_core": 0.5, "fn": 1}


def test_a_missing_hard_finding_leaves_the_core_figures_alone() -> None:
    findings, cov = perfect(TRUTH)
    findings = [f for f in findings if f["category"] != "school"]
    s = figures(findings, cov)
    assert changed(s) == {"recall": 5 / 6, "fn": 1}
    assert (s["hard_found"], s["hard_total"]) == (1, 2)


def test_one_finding_on_a_decoy_page_is_a_decoy_hit() -> None:
    findings, cov = perfect(TRUTH)
    findings.append({"person": "judge", "category": "birth_date",
                     "url": "https://people.example/p/namesake", "severity": "medium",
                     "confidence": 0.7})
    assert changed(figures(findings, cov)) == {"precision": 6 / 7, "decoy_hits": 1, "fp": 1}


def test_a_finding_about_the_non_consenting_person_counts_at_any_confidence() -> None:
    findings, cov = perfect(TRUTH)
    findings.append({"person": "son", "category": "mention", "url": "https://race.example/son",
                     "severity": "info", "confidence": 0.1})
    assert changed(figures(findings, cov)) == {"nonconsent_hits": 1}
    # confident and on his decoy page: one false positive, named once as a non-consent hit
    findings.append({"person": "son", "category": "birth_date",
                     "url": "https://race.example/son", "severity": "medium", "confidence": 0.9})
    assert changed(figures(findings, cov)) == {"precision": 6 / 7, "nonconsent_hits": 2, "fp": 1}


def test_a_namesake_blocks_data_is_a_trap_hit() -> None:
    findings, cov = perfect(TRUTH)
    findings.append({"person": "spouse", "category": "email", "url": "https://people.example/p/1",
                     "severity": "medium", "confidence": 0.8})
    assert changed(figures(findings, cov)) == {"precision": 6 / 7, "trap_hits": 1, "fp": 1}


def test_acceptable_mentions_and_possible_matches_are_not_counted() -> None:
    findings, cov = perfect(TRUTH)
    findings += [
        {"person": "judge", "category": "photo", "url": "https://court.example/bio",
         "severity": "low", "confidence": 0.9},
        {"person": "judge", "category": "mention", "url": "https://news.example/other",
         "severity": "info", "confidence": 0.9},
        {"person": "judge", "category": "email", "url": "https://people.example/p/namesake",
         "severity": "medium", "confidence": 0.49},
    ]
    s = figures(findings, cov)
    assert changed(s) == {}
    assert (s["acceptable"], s["counted_keys"]) == (1, 7)


def test_severity_highest_wins_and_one_level_off_is_within_one() -> None:
    findings, cov = perfect(TRUTH)
    phone = next(f for f in findings if f["category"] == "phone")
    phone["severity"] = "medium"  # one level under the truth's high
    assert changed(figures(findings, cov)) == {"severity_exact": 5 / 6}
    findings.append(dict(phone, severity="high"))  # the same key again: the highest counts
    assert changed(figures(findings, cov)) == {}
    phone["severity"] = "low"
    findings.pop()
    assert changed(figures(findings, cov)) == {"severity_exact": 5 / 6,
                                               "severity_within1": 5 / 6}


def test_an_unreported_challenge_page_is_counted() -> None:
    findings, _ = perfect(TRUTH)
    s = figures(findings, {"failed": [{"url": "Facebook (account site)", "error": "protected"}]})
    assert (s["blocked_reported"], s["blocked_total"]) == (0, 1)


@pytest.mark.parametrize(("a", "b"), [
    ("https://People.Example/p/1", "http://people.example/p/1/"),
    ("https://people.example:443/p/1#top", "https://people.example/p/1"),
    ("https://news.example/s?b=2&a=1", "https://news.example/s?a=1&b=2"),
    ("https://news.example/caf%c3%a9-%7Eann", "https://news.example/café-~ann"),
    ("https://news.example/s?q=a%20b", "https://news.example/s?q=a+b"),
])
def test_urls_compare_as_the_scenarios_define(a: str, b: str) -> None:
    q = _quality()
    assert q.url_key(a) == q.url_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("https://people.example/p/1", "https://people.example/p/1?x=1"),
    ("https://people.example/P/1", "https://people.example/p/1"),
    ("https://people.example:8443/p/1", "https://people.example/p/1"),
])
def test_different_pages_stay_different(a: str, b: str) -> None:
    q = _quality()
    assert q.url_key(a) != q.url_key(b)


def test_findings_file_scored_from_the_command_line(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    findings, cov = perfect(TRUTH)
    cov["searches_by_person"] = {"judge": 12, "spouse": 9}
    doc = {"audit": {"coverage": cov}, "findings": findings}
    (tmp_path / "findings.json").write_text(json.dumps(doc), encoding="utf-8")
    (tmp_path / "truth.json").write_text(json.dumps(copy.deepcopy(TRUTH)), encoding="utf-8")
    out = tmp_path / "figures.json"
    rc = _quality().main(["--findings", str(tmp_path / "findings.json"),
                          "--truth", str(tmp_path / "truth.json"), "--json", str(out)])
    assert rc == 0
    assert "precision 1.000 recall 1.000" in capsys.readouterr().out
    s = next(iter(json.loads(out.read_text(encoding="utf-8")).values()))
    assert (s["max_searches_per_person"], s["max_searches_person"]) == (12, "judge")


def test_kept_findings_are_private(tmp_path: Path) -> None:
    path = _quality().keep_findings({"findings": []}, tmp_path / "keep", "unit")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "keep").stat().st_mode) == 0o700
