"""The audit store: file modes, named migrations, sealed values, triage labels."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from footprint.errors import StoreError
from footprint.model import Category, Finding, Remediation, Severity, Skipped
from footprint.store import MIGRATIONS, open_store


def _finding(fid: str = "f1", value: str = "12 Elm Street") -> Finding:
    return Finding(id=fid, person="judge", category=Category.HOME_ADDRESS, severity=Severity.CRITICAL,
                   confidence=0.9, url="https://people.example/x", source="people-search", probe="web",
                   identifier="home", evidence="12 E** S*****", rationale="r",
                   remediation=Remediation(action="opt out"), possible_match=False,
                   fingerprint="fp", value=value, context="lives at " + value)


def test_files_are_private_and_migrations_recorded(tmp_path: Path) -> None:
    with open_store(tmp_path / "d") as store:
        assert store.migrations() == [m[0] for m in MIGRATIONS]
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert stat.S_IMODE((tmp_path / "d").stat().st_mode) == 0o700
    for name in ("footprint.sqlite3", "store.key"):
        assert stat.S_IMODE((tmp_path / "d" / name).stat().st_mode) == 0o600
    # opening again applies nothing twice
    with open_store(tmp_path / "d") as store:
        assert store.migrations() == [m[0] for m in MIGRATIONS]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.db.execute("INSERT INTO schema_migrations VALUES ('9999_future', 'now')")
    with pytest.raises(StoreError, match="newer footprint"):
        open_store(tmp_path)


def test_values_are_sealed_not_in_clear(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.create_audit("a1", "judge", "h", "self-audit", "2026-11-20T00:00:00Z", ["web"], None, [],
                           household="hh-one")
        store.save_results("a1", [_finding()], [Skipped("https://x.example", "blocked: HTTP 429")])
        back = store.findings("a1", with_values=True)
        assert back[0].value == "12 Elm Street"
        assert store.findings("a1")[0].value is None
        assert store.skipped("a1")[0].reason == "blocked: HTTP 429"
    raw = (tmp_path / "footprint.sqlite3").read_bytes()
    wal = tmp_path / "footprint.sqlite3-wal"
    raw += wal.read_bytes() if wal.exists() else b""
    assert b"12 Elm Street" not in raw


def test_triage_survives_and_purge(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.create_audit("a1", "judge", "h", "self-audit", "2026-11-20T00:00:00Z", ["web"], None, [],
                           household="hh-one")
        store.save_results("a1", [_finding()], [])
        store.set_triage("hh-one", "f1", "not me", "now")
        assert store.triage("hh-one") == {"f1": "not me"}
        assert store.triage("hh-two") == {}  # a label is one household's
        assert store.delete_audit("a1")
        assert store.audits() == []
        assert store.triage("hh-one") == {"f1": "not me"}  # labels outlive one audit
        assert store.delete_all() == 0
        assert store.triage("hh-one") == {}


def test_corrupt_store_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "footprint.sqlite3").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open the audit store"):
        open_store(tmp_path)


def test_migration_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import footprint.store as st

    good = st.MIGRATIONS
    broken = good + (("9000_broken", "CREATE TABLE t (x); CREATE TABLE t (y);"),)
    monkeypatch.setattr(st, "MIGRATIONS", broken)
    with pytest.raises((StoreError, sqlite3.DatabaseError)):
        open_store(tmp_path)
    monkeypatch.setattr(st, "MIGRATIONS", good)
    with open_store(tmp_path) as store:
        assert store.migrations() == [m[0] for m in good]
        assert not store.db.execute("SELECT name FROM sqlite_master WHERE name = 't'").fetchone()


def test_a_store_of_the_first_schema_is_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store written by a footprint that knew only 0001 keeps its audits and gains 0002."""
    import footprint.store as st

    monkeypatch.setattr(st, "MIGRATIONS", st.MIGRATIONS[:1])
    with st.open_store(tmp_path) as store:
        store.db.execute(
            "INSERT INTO audits (id, profile_id, profile_hash, purpose, started, status, probes, people)"
            " VALUES ('old', 'judge', 'h', 'self-audit', '2026-01-01T00:00:00Z', 'finished', '[]', '[]')")
    monkeypatch.undo()
    with open_store(tmp_path) as store:
        assert store.migrations() == [m[0] for m in MIGRATIONS] and len(MIGRATIONS) >= 2
        row = store.audit("old")
        assert row is not None and row.jurisdiction is None
        store.create_audit("new", "judge", "h", "self-audit", "2026-11-20T00:00:00Z", ["web"], None, [],
                           "US-NJ", "en", 0.6, household="hh-one")
        new = store.audit("new")
        assert new is not None and (new.jurisdiction, new.threshold) == ("US-NJ", 0.6)


def _units(path: Path) -> int:
    """Queries committed, as another process (a test polling, `footprint audits`) sees them."""
    con = sqlite3.connect(path / "footprint.sqlite3")
    try:
        return int(con.execute("SELECT COUNT(*) FROM queries").fetchone()[0])
    finally:
        con.close()


def test_batched_writes_commit_in_groups_and_never_half_a_unit(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import footprint.store as store_mod

    monkeypatch.setattr(store_mod, "BATCH_WRITES", 3)
    monkeypatch.setattr(store_mod, "BATCH_SECONDS", 3600.0)
    with open_store(tmp_path) as store:
        assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        store.create_audit("a1", "judge", "h", "self-audit", "2026-11-20T00:00:00Z", ["web"], None, [],
                           household="hh-one")
        hit = {"url": "https://x.example/p", "probe": "web", "person": "judge", "kind": "page"}
        with pytest.raises(KeyboardInterrupt), store.batch():
            for i in range(4):
                store.record_query("a1", f"q{i}", "web", "judge", "name", "web", [hit], None, "now")
                # a group is committed after 3 writes; the 4th waits for the batch to end
                assert _units(tmp_path) == (3 if i >= 2 else 0)
            with store._tx():  # a unit stopped half-way: its first write is undone
                store.db.execute("INSERT INTO queries VALUES ('a1', 'half', 'web', 'judge', 'name', 'web',"
                                 " 'done', NULL, 'now')")
                raise KeyboardInterrupt
        # the batch ended by the interrupt: the finished units are kept, the half one is not
        assert _units(tmp_path) == 4
        assert store.query_done("a1", "half") is None
        assert len(store.query_hits("a1", "q3")) == 1
