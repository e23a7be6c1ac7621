"""The Czech and Romanian demos: written by code, deterministically, as shipped; every person and
host invented (reserved `.example` hosts but the register the brokers catalog knows); their
profiles load, and their ground truth names only consenting people."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from footprint import demo
from footprint.demo import generate as gen
from footprint.profile import load_profile

CODES = ("CZ", "RO")


def _warc(path: Path) -> list[tuple[str, str, bytes]]:
    with open(path, "rb") as fh:
        return [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI") or "",
                 r.content_stream().read()) for r in ArchiveIterator(fh)]


@pytest.mark.parametrize("code", CODES)
def test_shipped_data_is_what_the_generator_writes(code: str, tmp_path: Path) -> None:
    a, b = gen.generate(tmp_path / "a", code), gen.generate(tmp_path / "b", code)
    for name in ("profile.toml", "truth.json", "demo.warc.gz"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    demo.ensure_generated(code)
    for name in ("profile.toml", "truth.json"):
        assert (a / name).read_bytes() == (demo.demo_dir(code) / name).read_bytes(), name
    assert _warc(a / "demo.warc.gz") == _warc(demo.archive_path(code))
    for p in a.iterdir():
        assert p.stat().st_mode & 0o077 == 0, p


@pytest.mark.parametrize("code", CODES)
def test_demo_family_is_fictitious_and_its_truth_consistent(code: str) -> None:
    demo.ensure_generated(code)
    prof = load_profile(demo.profile_path(code))
    assert prof.training and prof.audit.jurisdiction == code
    assert prof.audit.language == {"CZ": "cs", "RO": "ro"}[code]
    assert [x.id for x in prof.excluded] == ["son"], "the adult son did not consent"
    truth = json.loads(demo.truth_path(code).read_text(encoding="utf-8"))
    people = {p.id for p in prof.people}
    assert {t["person"] for t in truth["findings"]} <= people
    assert truth["non_consenting_urls"] and truth["namesake_urls"] and truth["not_checked_urls"]
    hosts = {u.split("/")[2] for _, u, _ in _warc(demo.archive_path(code)) if u}
    real = {h for h in hosts if ".example." not in h and not h.endswith(".example")}
    assert real <= {"or.justice.cz"}, real
    for t in truth["findings"]:
        assert t["url"].split("/")[2] in hosts


def test_unknown_jurisdiction_is_refused() -> None:
    with pytest.raises(ValueError, match="no demo for jurisdiction"):
        demo.demo_dir("XX")
