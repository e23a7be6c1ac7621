"""The audit store: one SQLite file (WAL, mode 0600) with audits, queries, hits, pages, findings,
not-checked sources and triage labels. Schema changes are named migrations recorded in a table.

Privacy: values found on pages (addresses, phones…) are kept only sealed with the installation's
key (`vault.py`); findings keep masked evidence and a keyed fingerprint in clear, so audits can be
listed and diffed without opening the vault. URLs are kept in clear (they are needed to act).
Only the main thread writes; each finished unit of work is committed at once, so a killed audit
keeps everything it finished and `--resume` replays it.

Households: every audit belongs to one household (its identity key, `footprint/household.py`).
The previous audit, first-seen dates, triage labels and the audit to resume are looked up within
one household only — never by the profile's display id, which two families may share.

An audit's status: `running` → `reporting` (every finding is stored; its outputs are being
written) → `finished` (outputs written). `interrupted` (Ctrl-C, kill) and `unreachable` (stopped
because the network or the search engine stopped answering) can be resumed, as can `reporting`.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import StoreError
from .model import Category, Coverage, Finding, PersonCoverage, Remediation, Severity, Skipped
from .paths import private_dir
from .vault import Vault

MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_initial",
        """
        CREATE TABLE audits (
            id TEXT PRIMARY KEY,
            profile_id TEXT NOT NULL,
            profile_hash TEXT NOT NULL,
            purpose TEXT NOT NULL,
            started TEXT NOT NULL,
            finished TEXT,
            status TEXT NOT NULL,            -- running | finished | interrupted
            probes TEXT NOT NULL,            -- JSON list
            web_archive TEXT,                -- archive digest when offline, NULL when live
            people TEXT NOT NULL,            -- JSON list of PersonStatus
            queries INTEGER NOT NULL DEFAULT 0,
            pages INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX audits_profile ON audits(profile_id, started);
        CREATE TABLE queries (
            audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
            key_hash TEXT NOT NULL,
            probe TEXT NOT NULL,
            person TEXT NOT NULL,
            identifier TEXT NOT NULL,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,            -- done | failed
            error TEXT,
            done_at TEXT NOT NULL,
            PRIMARY KEY (audit_id, key_hash)
        );
        CREATE TABLE hits (
            audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
            key_hash TEXT NOT NULL,          -- the query that produced them
            seq INTEGER NOT NULL,
            url TEXT NOT NULL,
            probe TEXT NOT NULL,
            person TEXT NOT NULL,
            kind TEXT NOT NULL,
            sealed BLOB NOT NULL,            -- the whole Hit, sealed
            PRIMARY KEY (audit_id, key_hash, seq)
        );
        CREATE TABLE pages (
            audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
            page_key TEXT NOT NULL,
            probe TEXT NOT NULL,
            url TEXT NOT NULL,
            status INTEGER,
            sha256 TEXT,
            fetched_at TEXT NOT NULL,
            error TEXT,
            sealed BLOB NOT NULL,            -- the PageResult, sealed
            PRIMARY KEY (audit_id, page_key)
        );
        CREATE TABLE findings (
            audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            person TEXT NOT NULL,
            category TEXT NOT NULL,
            severity TEXT NOT NULL,
            confidence REAL NOT NULL,
            url TEXT NOT NULL,
            source TEXT NOT NULL,
            probe TEXT NOT NULL,
            identifier TEXT,
            evidence TEXT NOT NULL,          -- masked
            rationale TEXT NOT NULL,
            remediation TEXT NOT NULL,       -- JSON
            possible_match INTEGER NOT NULL,
            rules TEXT NOT NULL,             -- JSON list
            image_url TEXT,
            fingerprint TEXT NOT NULL,
            first_seen TEXT,
            last_seen TEXT,
            status TEXT NOT NULL,
            sealed BLOB,                     -- full value and context, sealed
            PRIMARY KEY (audit_id, id)
        );
        CREATE TABLE skipped (
            audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            source TEXT NOT NULL,
            reason TEXT NOT NULL,
            probe TEXT NOT NULL,
            person TEXT,
            PRIMARY KEY (audit_id, seq)
        );
        CREATE TABLE triage (
            profile_id TEXT NOT NULL,
            finding_id TEXT NOT NULL,
            label TEXT NOT NULL,             -- confirmed | not me
            set_at TEXT NOT NULL,
            PRIMARY KEY (profile_id, finding_id)
        );
        """,
    ),
    (
        "0002_audit_settings",
        """
        -- what a report written again later needs: the legal basis and paper follow the
        -- jurisdiction, "possible match" follows the threshold
        ALTER TABLE audits ADD COLUMN jurisdiction TEXT;
        ALTER TABLE audits ADD COLUMN language TEXT;
        ALTER TABLE audits ADD COLUMN threshold REAL;
        """,
    ),
    (
        "0003_seal_urls",
        """
        -- a URL can hold a phone, an e-mail, a username or a school's host: keep URLs only
        -- sealed (findings, skipped) or reduced to the host (hits, pages)
        UPDATE hits SET url = '';
        UPDATE pages SET url = '';
        ALTER TABLE skipped ADD COLUMN sealed BLOB;
        """,
    ),
    (
        "0004_households",
        """
        -- Audits are compared within one household, never by the profile's display id (two
        -- families' profiles may both say id = "judge"). Audits stored before this migration
        -- become one household per exact profile content: the only grouping certain to hold one
        -- family. A profile whose content is unchanged takes its legacy household back on its
        -- next audit (household.py); any other starts a new history.
        ALTER TABLE audits ADD COLUMN household TEXT;
        ALTER TABLE audits ADD COLUMN min_coverage REAL;
        ALTER TABLE pages ADD COLUMN person TEXT;
        UPDATE audits SET household = 'legacy-' || substr(profile_hash, 1, 16);
        CREATE INDEX audits_household ON audits(household, started);
        CREATE TABLE households (
            id TEXT PRIMARY KEY,
            created TEXT NOT NULL
        );
        INSERT OR IGNORE INTO households (id, created)
            SELECT household, MIN(started) FROM audits GROUP BY household;
        CREATE TABLE household_names (       -- keyed hashes of the judge's names, per household:
            household TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
            name_key TEXT NOT NULL,          -- a key copied into another judge's profile is refused
            PRIMARY KEY (household, name_key)
        );
        CREATE TABLE household_files (       -- profiles without [audit] household: by file
            file_key TEXT PRIMARY KEY,       -- keyed hash of the profile file's resolved path
            household TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
            bound_at TEXT NOT NULL
        );
        CREATE TABLE triage_by_household (
            household TEXT NOT NULL,
            finding_id TEXT NOT NULL,
            label TEXT NOT NULL,             -- confirmed | not me
            set_at TEXT NOT NULL,
            PRIMARY KEY (household, finding_id)
        );
        INSERT OR IGNORE INTO triage_by_household
            SELECT DISTINCT a.household, t.finding_id, t.label, t.set_at FROM triage t
            JOIN audits a ON a.profile_id = t.profile_id
            JOIN findings f ON f.audit_id = a.id AND f.id = t.finding_id;
        DROP TABLE triage;
        ALTER TABLE triage_by_household RENAME TO triage;
        """,
    ),
    (
        "0005_sealed_masking_values",
        """
        -- the profile's values a report masks (names, phones, streets, school, employer…),
        -- sealed: a report written again later (`footprint report`, `footprint open`) masks
        -- exactly what the audit's own report did, without the profile file
        ALTER TABLE audits ADD COLUMN masking_values BLOB;
        """,
    ),
    (
        "0006_removals",
        """
        -- Removals tracked per checklist action (footprint/removals.py): what each audit found
        -- per action, and what the officer recorded. States are derived from both.
        CREATE TABLE actions (               -- one row per household and action
            id TEXT PRIMARY KEY,             -- keyed hash of the household and the group
            household TEXT NOT NULL,
            sealed BLOB NOT NULL,            -- the group's name, sealed (it may be a school's host)
            recheck_days INTEGER,
            first_seen TEXT NOT NULL
        );
        CREATE INDEX actions_household ON actions(household);
        CREATE TABLE audit_actions (         -- what one audit found per action
            audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
            action_id TEXT NOT NULL,
            findings TEXT NOT NULL,          -- JSON [[finding id, possible match], ...]
            worst TEXT,
            unchecked INTEGER NOT NULL,      -- a page or search of its site was not checked
            PRIMARY KEY (audit_id, action_id)
        );
        CREATE TABLE audit_actions_done (    -- audits summarised (also those with no finding)
            audit_id TEXT PRIMARY KEY REFERENCES audits(id) ON DELETE CASCADE,
            complete INTEGER NOT NULL        -- it reached its minimum share of sources checked
        );
        CREATE TABLE removal_events (        -- what the officer recorded
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            household TEXT NOT NULL,
            action_id TEXT NOT NULL,
            kind TEXT NOT NULL,              -- requested | confirmed | note | withdrawn
            happened_on TEXT NOT NULL,       -- YYYY-MM-DD
            channel TEXT,
            sealed BLOB,                     -- reference and note, sealed
            recorded_at TEXT NOT NULL
        );
        CREATE INDEX removal_events_household ON removal_events(household, action_id);
        """,
    ),
    (
        "0007_rosters",
        """
        -- A roster (footprint/roster.py): every household of a court audited in one run,
        -- resumable as a whole; each household's audit is an ordinary audit of its household.
        CREATE TABLE roster_runs (
            id TEXT PRIMARY KEY,
            roster_key TEXT NOT NULL,        -- keyed hash of the roster file's or folder's path
            started TEXT NOT NULL,
            finished TEXT,
            status TEXT NOT NULL             -- running | interrupted | unreachable | finished
        );
        CREATE INDEX roster_runs_key ON roster_runs(roster_key, started);
        CREATE TABLE roster_members (
            run_id TEXT NOT NULL REFERENCES roster_runs(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            household TEXT NOT NULL,
            audit_id TEXT,                   -- its audit in this run, once finished
            status TEXT NOT NULL,            -- pending | done | failed
            error TEXT,                      -- one line: why it could not be audited
            label BLOB,                      -- the roster's label for it, sealed
            PRIMARY KEY (run_id, household)
        );
        """,
    ),
    (
        "0008_audit_event_mark",
        """
        -- The last removal event recorded when the audit finished: its report written again
        -- later counts exactly those events (a timestamp to the second cannot tell an event
        -- recorded in the audit's last second from one recorded just after it).
        ALTER TABLE audits ADD COLUMN events_upto INTEGER;
        """,
    ),
)

BATCH_WRITES = 64
"""Writes grouped into one transaction inside `Store.batch()`…"""
BATCH_SECONDS = 1.0
"""… or as many as are made in this time, whichever comes first."""


@dataclass
class _Batch:
    writes: int = 0
    opened: float = 0.0


RESUMABLE = ("running", "interrupted", "unreachable", "reporting")
"""Statuses of an audit `--resume` continues (`running` is one killed without a trace)."""


@dataclass(frozen=True)
class AuditRow:
    """An audit as listed by `footprint audits`."""

    id: str
    profile_id: str
    profile_hash: str
    purpose: str
    started: str
    finished: str | None
    status: str
    probes: tuple[str, ...]
    web_archive: str | None
    people: tuple[dict[str, Any], ...]
    queries: int
    pages: int
    findings: int = 0
    jurisdiction: str | None = None
    language: str | None = None
    threshold: float | None = None
    household: str = ""
    """The household's identity key."""
    min_coverage: float | None = None
    """The profile's audit.min_coverage when the audit ran (None before migration 0004)."""


class Store:
    """The SQLite store. Use as a context manager or call `close()`."""

    def __init__(self, path: Path, vault: Vault) -> None:
        self.path = path
        self.vault = vault
        self._batch: _Batch | None = None
        self.batching = True
        """`batch()` groups writes; off when several connections write at once (a roster with
        --jobs): a transaction held open would keep the others waiting."""
        private_dir(path.parent)
        fresh = not path.exists()
        if fresh:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
            os.close(fd)
        try:
            self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            # In WAL mode NORMAL never corrupts the store; a power cut may lose the last
            # transactions (resume redoes them), a killed process loses nothing committed.
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA busy_timeout=5000")
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{path}: cannot open the audit store ({e})") from None
        for suffix in ("", "-wal", "-shm"):
            p = Path(str(path) + suffix)
            if p.exists():
                os.chmod(p, 0o600)

    # -- lifecycle -------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        done = {r[0] for r in self.db.execute("SELECT name FROM schema_migrations")}
        known = {name for name, _ in MIGRATIONS}
        unknown = done - known
        if unknown:
            raise StoreError(
                f"{self.path}: the store was written by a newer footprint "
                f"(migration {sorted(unknown)[0]}); upgrade footprint"
            )
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            # One script = one transaction: a migration is applied whole or not at all.
            self.db.executescript(
                f"BEGIN;\n{sql}\nINSERT INTO schema_migrations VALUES ('{name}', datetime('now'));\nCOMMIT;"
            )

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group the writes made inside into few transactions: each write is still applied
        whole or not at all (a savepoint), and the group is committed every `BATCH_WRITES`
        writes, every `BATCH_SECONDS` and when the block ends — also when it ends by an
        exception (the units finished before it are kept). A kill -9 loses at most the last
        group, which `--resume` redoes."""
        if self._batch is not None or not self.batching:
            yield
            return
        self._batch = _Batch()
        try:
            yield
        finally:
            self._batch = None
            if self.db.in_transaction:
                try:
                    self.db.execute("COMMIT")
                except sqlite3.Error as e:
                    self._rollback()
                    raise StoreError(f"{self.path}: cannot write the audit store ({e})") from None

    def _rollback(self, savepoint: bool = False) -> None:
        try:
            if savepoint:
                self.db.execute("ROLLBACK TO unit")
                self.db.execute("RELEASE unit")
            elif self.db.in_transaction:
                self.db.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the error already ended the transaction

    @contextlib.contextmanager
    def _tx(self) -> Iterator[None]:
        """One write: applied whole, or rolled back (also when interrupted half-way) with a
        one-line StoreError for a database error (a full disk must not end an audit with a
        traceback). Inside `batch()` it is a savepoint of the batch's transaction."""
        batch = self._batch
        try:
            if batch is None:
                self.db.execute("BEGIN")
            else:
                if not self.db.in_transaction:
                    self.db.execute("BEGIN")
                    batch.opened = time.monotonic()
                self.db.execute("SAVEPOINT unit")
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot write the audit store ({e})") from None
        try:
            yield
        except BaseException as e:  # a half-written unit is never committed
            self._rollback(savepoint=batch is not None and self.db.in_transaction)
            if isinstance(e, sqlite3.Error):
                raise StoreError(f"{self.path}: cannot write the audit store ({e})") from None
            raise
        try:
            if batch is None:
                self.db.execute("COMMIT")
                return
            self.db.execute("RELEASE unit")
            batch.writes += 1
            if batch.writes >= BATCH_WRITES or time.monotonic() - batch.opened >= BATCH_SECONDS:
                self.db.execute("COMMIT")
                batch.writes = 0
        except sqlite3.Error as e:
            self._rollback()
            raise StoreError(f"{self.path}: cannot write the audit store ({e})") from None

    def migrations(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM schema_migrations ORDER BY name")]

    # -- sealing helpers -------------------------------------------------------------------

    def seal_json(self, obj: Any) -> bytes:
        return self.vault.seal(json.dumps(obj, separators=(",", ":")).encode())

    def open_json(self, blob: bytes) -> Any:
        return json.loads(self.vault.open(blob))

    # -- audits ----------------------------------------------------------------------------

    def create_audit(
        self,
        audit_id: str,
        profile_id: str,
        profile_hash: str,
        purpose: str,
        started: str,
        probes: Sequence[str],
        web_archive: str | None,
        people: Sequence[dict[str, Any]],
        jurisdiction: str | None = None,
        language: str | None = None,
        threshold: float | None = None,
        *,
        household: str | None = None,
        min_coverage: float | None = None,
    ) -> None:
        """Record a started audit. Without a `household` the audit is a household of its own
        (compared with nothing), never one shared by every caller that gave none."""
        household = household or f"solo-{audit_id}"
        with self._tx():
            self.db.execute(
                "INSERT INTO audits (id, profile_id, profile_hash, purpose, started, status, probes,"
                " web_archive, people, jurisdiction, language, threshold, household, min_coverage)"
                " VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?)",
                (audit_id, profile_id, profile_hash, purpose, started, json.dumps(list(probes)),
                 web_archive, json.dumps(list(people)), jurisdiction, language, threshold,
                 household, min_coverage),
            )

    def set_status(self, audit_id: str, status: str, finished: str | None = None) -> None:
        with self._tx():
            self.db.execute(
                "UPDATE audits SET status = ?, finished = COALESCE(?, finished) WHERE id = ?",
                (status, finished, audit_id),
            )
            if finished is not None:
                self.db.execute(
                    "UPDATE audits SET events_upto ="
                    " (SELECT COALESCE(MAX(seq), 0) FROM removal_events) WHERE id = ?", (audit_id,))

    def events_upto(self, audit_id: str) -> int | None:
        """The last removal event's number when the audit finished (None: unfinished, or
        finished before the mark was kept)."""
        r = self.db.execute("SELECT events_upto FROM audits WHERE id = ?", (audit_id,)).fetchone()
        return int(r[0]) if r and r[0] is not None else None

    def save_masking_values(self, audit_id: str, values: Sequence[tuple[str, str]]) -> None:
        """Seal the (kind, value) pairs an output of this audit must mask (masking.Secret)."""
        with self._tx():
            self.db.execute("UPDATE audits SET masking_values = ? WHERE id = ?",
                            (self.seal_json([list(v) for v in values]), audit_id))

    def masking_values(self, audit_id: str) -> list[tuple[str, str]] | None:
        """The sealed (kind, value) pairs of `save_masking_values`; None for an audit stored
        before footprint kept them."""
        r = self.db.execute("SELECT masking_values FROM audits WHERE id = ?",
                            (audit_id,)).fetchone()
        if r is None or r[0] is None:
            return None
        return [(str(k), str(v)) for k, v in self.open_json(r[0])]

    def set_counts(self, audit_id: str, queries: int, pages: int) -> None:
        with self._tx():
            self.db.execute(
                "UPDATE audits SET queries = ?, pages = ? WHERE id = ?", (queries, pages, audit_id)
            )

    def _row(self, r: sqlite3.Row | tuple[Any, ...]) -> AuditRow:
        return AuditRow(
            id=r[0], profile_id=r[1], profile_hash=r[2], purpose=r[3], started=r[4],
            finished=r[5], status=r[6], probes=tuple(json.loads(r[7])), web_archive=r[8],
            people=tuple(json.loads(r[9])), queries=r[10], pages=r[11],
            jurisdiction=r[12], language=r[13], threshold=r[14], household=r[15] or "",
            min_coverage=r[16], findings=r[17] if len(r) > 17 else 0,
        )

    _COLS = ("a.id, a.profile_id, a.profile_hash, a.purpose, a.started, a.finished, a.status, "
             "a.probes, a.web_archive, a.people, a.queries, a.pages, a.jurisdiction, a.language, "
             "a.threshold, a.household, a.min_coverage")

    def audits(self, profile_id: str | None = None, household: str | None = None) -> list[AuditRow]:
        sql = (f"SELECT {self._COLS}, (SELECT COUNT(*) FROM findings f WHERE f.audit_id = a.id"
               " AND f.possible_match = 0) FROM audits a WHERE 1 = 1")
        args: list[Any] = []
        if profile_id:
            sql += " AND a.profile_id = ?"
            args.append(profile_id)
        if household:
            sql += " AND a.household = ?"
            args.append(household)
        sql += " ORDER BY a.started, a.id"
        return [self._row(r) for r in self.db.execute(sql, args)]

    def audit(self, audit_id: str) -> AuditRow | None:
        r = self.db.execute(f"SELECT {self._COLS} FROM audits a WHERE a.id = ?", (audit_id,)).fetchone()
        return self._row(r) if r else None

    def resumable(self, household: str) -> AuditRow | None:
        """The latest audit of this household that did not finish (interrupted, killed, stopped
        by a network outage, or stopped while its report was written)."""
        marks = ", ".join("?" * len(RESUMABLE))
        r = self.db.execute(
            f"SELECT {self._COLS} FROM audits a WHERE a.household = ? AND a.status IN ({marks})"
            " ORDER BY a.started DESC, a.id DESC LIMIT 1",
            (household, *RESUMABLE),
        ).fetchone()
        return self._row(r) if r else None

    def previous_finished(self, household: str, exclude: str) -> AuditRow | None:
        """The latest finished audit of this household that started before `exclude` (the audit
        being made): the one its "new / still present / gone" compare with."""
        r = self.db.execute(
            f"SELECT {self._COLS} FROM audits a WHERE a.household = ? AND a.status = 'finished'"
            " AND a.id != ? AND a.started <= COALESCE((SELECT started FROM audits WHERE id = ?),"
            " a.started) ORDER BY a.started DESC, a.rowid DESC LIMIT 1",
            (household, exclude, exclude),
        ).fetchone()
        return self._row(r) if r else None

    # -- households ------------------------------------------------------------------------

    def add_household(self, household: str, created: str) -> None:
        with self._tx():
            self.db.execute("INSERT OR IGNORE INTO households (id, created) VALUES (?, ?)",
                            (household, created))

    def household_names(self, household: str) -> set[str]:
        """Keyed hashes of the judge's names recorded for this household."""
        return {r[0] for r in self.db.execute(
            "SELECT name_key FROM household_names WHERE household = ?", (household,))}

    def add_household_names(self, household: str, name_keys: Sequence[str], created: str) -> None:
        with self._tx():
            self.db.execute("INSERT OR IGNORE INTO households (id, created) VALUES (?, ?)",
                            (household, created))
            self.db.executemany("INSERT OR IGNORE INTO household_names VALUES (?, ?)",
                                [(household, k) for k in name_keys])

    def household_for_file(self, file_key: str) -> str | None:
        r = self.db.execute("SELECT household FROM household_files WHERE file_key = ?",
                            (file_key,)).fetchone()
        return str(r[0]) if r else None

    def bind_file(self, file_key: str, household: str, now: str, *, replace: bool = False) -> str:
        """Bind a profile file to a household and return the household it is bound to: a
        concurrent first audit of the same file may have bound it first (that one wins), unless
        `replace`."""
        with self._tx():
            self.db.execute("INSERT OR IGNORE INTO households (id, created) VALUES (?, ?)",
                            (household, now))
            verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
            self.db.execute(f"{verb} INTO household_files VALUES (?, ?, ?)", (file_key, household, now))
        return self.household_for_file(file_key) or household

    def legacy_household(self, profile_hash: str) -> str | None:
        """The household migration 0004 gave the audits of exactly this profile content."""
        r = self.db.execute(
            "SELECT household FROM audits WHERE profile_hash = ? AND household LIKE 'legacy-%'"
            " ORDER BY started DESC LIMIT 1", (profile_hash,)).fetchone()
        return str(r[0]) if r else None

    # -- removals (footprint/removals.py) -------------------------------------------------

    def save_audit_actions(self, household: str, audit_id: str, summary: Any, complete: bool) -> None:
        """What an audit found per checklist action (`removals.AuditActions`)."""
        audit = self.audit(audit_id)
        started = audit.started if audit is not None else ""
        with self._tx():
            self.db.execute("DELETE FROM audit_actions WHERE audit_id = ?", (audit_id,))
            known = {r[0] for r in self.db.execute(
                "SELECT id FROM actions WHERE household = ?", (household,))}
            for aid, group in summary.groups.items():
                if aid not in known:
                    self.db.execute("INSERT OR IGNORE INTO actions VALUES (?, ?, ?, ?, ?)",
                                    (aid, household, self.seal_json(group),
                                     summary.recheck.get(aid), started))
                elif summary.recheck.get(aid):
                    self.db.execute("UPDATE actions SET recheck_days = ? WHERE id = ?",
                                    (summary.recheck[aid], aid))
            for aid in set(summary.found) | set(summary.unchecked):
                self.db.execute(
                    "INSERT INTO audit_actions VALUES (?, ?, ?, ?, ?)",
                    (audit_id, aid, json.dumps([list(x) for x in summary.found.get(aid, ())]),
                     summary.worst.get(aid), int(aid in summary.unchecked)))
            self.db.execute("INSERT OR REPLACE INTO audit_actions_done VALUES (?, ?)",
                            (audit_id, int(complete)))

    def audit_snapshot(self, audit_id: str) -> Any:
        """The audit as the removal states read it (`removals.Snapshot`), or None when it was
        not summarised yet."""
        from .removals import Snapshot

        done = self.db.execute("SELECT complete FROM audit_actions_done WHERE audit_id = ?",
                               (audit_id,)).fetchone()
        audit = self.audit(audit_id)
        if done is None or audit is None:
            return None
        found: dict[str, tuple[tuple[str, bool], ...]] = {}
        unchecked, worst = set(), {}
        for aid, fs, w, unc in self.db.execute(
                "SELECT action_id, findings, worst, unchecked FROM audit_actions WHERE audit_id = ?",
                (audit_id,)):
            items = tuple((str(f), bool(p)) for f, p in json.loads(fs))
            if items:
                found[aid] = items
            if unc:
                unchecked.add(aid)
            if w:
                worst[aid] = w
        return Snapshot(audit_id, audit.started[:10], bool(done[0]), found, frozenset(unchecked), worst)

    def action_meta(self, household: str) -> dict[str, tuple[str, int | None]]:
        """action id → (group name, re-check days) of the household's actions."""
        return {r[0]: (str(self.open_json(r[1])), r[2]) for r in self.db.execute(
            "SELECT id, sealed, recheck_days FROM actions WHERE household = ?", (household,))}

    def find_action(self, prefix: str) -> list[tuple[str, str]]:
        """(action id, household) of the actions whose id starts with `prefix`."""
        clean = prefix.replace("%", "").replace("_", "")
        return [(str(r[0]), str(r[1])) for r in self.db.execute(
            "SELECT id, household FROM actions WHERE id LIKE ? ORDER BY id", (clean + "%",))]

    def add_removal_event(self, household: str, action: str, kind: str, on: str,
                          channel: str | None, ref: str | None, note: str | None, now: str) -> None:
        sealed = self.seal_json({"ref": ref, "note": note}) if (ref or note) else None
        with self._tx():
            self.db.execute(
                "INSERT INTO removal_events (household, action_id, kind, happened_on, channel,"
                " sealed, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (household, action, kind, on, channel, sealed, now))

    def removal_events(self, household: str) -> list[Any]:
        """The officer's events for the household's actions, in the order recorded."""
        from .removals import Event

        out = []
        for seq, aid, kind, on, channel, sealed, at in self.db.execute(
                "SELECT seq, action_id, kind, happened_on, channel, sealed, recorded_at"
                " FROM removal_events WHERE household = ? ORDER BY seq", (household,)):
            extra = self.open_json(sealed) if sealed is not None else {}
            out.append(Event(aid, kind, on, channel, extra.get("ref"), extra.get("note"), seq, at))
        return out

    # -- rosters (footprint/roster.py) ----------------------------------------------------

    def create_roster_run(self, run_id: str, roster_key: str, started: str) -> None:
        with self._tx():
            self.db.execute("INSERT INTO roster_runs VALUES (?, ?, ?, NULL, 'running')",
                            (run_id, roster_key, started))

    def roster_run(self, run_id: str) -> dict[str, Any] | None:
        r = self.db.execute("SELECT id, roster_key, started, finished, status FROM roster_runs"
                            " WHERE id = ?", (run_id,)).fetchone()
        return dict(zip(("id", "roster_key", "started", "finished", "status"), r, strict=True)) if r else None

    def resumable_roster_run(self, roster_key: str) -> dict[str, Any] | None:
        """The latest run of this roster that did not finish."""
        r = self.db.execute("SELECT id FROM roster_runs WHERE roster_key = ? AND status != 'finished'"
                            " ORDER BY started DESC, id DESC LIMIT 1", (roster_key,)).fetchone()
        return self.roster_run(r[0]) if r else None

    def previous_roster_run(self, roster_key: str, before: str) -> dict[str, Any] | None:
        r = self.db.execute("SELECT id FROM roster_runs WHERE roster_key = ? AND status = 'finished'"
                            " AND started < ? ORDER BY started DESC LIMIT 1", (roster_key, before)).fetchone()
        return self.roster_run(r[0]) if r else None

    def set_roster_status(self, run_id: str, status: str, finished: str | None = None) -> None:
        with self._tx():
            self.db.execute("UPDATE roster_runs SET status = ?, finished = COALESCE(?, finished)"
                            " WHERE id = ?", (status, finished, run_id))

    def add_roster_member(self, run_id: str, seq: int, household: str, label: str | None) -> None:
        with self._tx():
            self.db.execute(
                "INSERT INTO roster_members (run_id, seq, household, status, label) VALUES (?, ?, ?,"
                " 'pending', ?) ON CONFLICT (run_id, household) DO UPDATE SET seq = excluded.seq,"
                " label = excluded.label",
                (run_id, seq, household, self.seal_json(label) if label else None))

    def set_roster_member(self, run_id: str, household: str, status: str,
                          audit_id: str | None = None, error: str | None = None) -> None:
        with self._tx():
            self.db.execute("UPDATE roster_members SET status = ?, audit_id = COALESCE(?, audit_id),"
                            " error = ? WHERE run_id = ? AND household = ?",
                            (status, audit_id, error, run_id, household))

    def roster_members(self, run_id: str) -> list[dict[str, Any]]:
        out = []
        for seq, hh, aid, status, error, label in self.db.execute(
                "SELECT seq, household, audit_id, status, error, label FROM roster_members"
                " WHERE run_id = ? ORDER BY seq", (run_id,)):
            out.append({"seq": seq, "household": hh, "audit_id": aid, "status": status, "error": error,
                        "label": self.open_json(label) if label is not None else None})
        return out

    def severity_counts(self, household: str, audit_ids: Sequence[str]) -> dict[str, dict[str, int]]:
        """audit id → confirmed findings by severity (possible matches labelled confirmed count,
        findings labelled "not me" do not), for a household's trend."""
        out: dict[str, dict[str, int]] = {a: {} for a in audit_ids}
        if not audit_ids:
            return out
        marks = ",".join("?" * len(audit_ids))
        for aid, sev, n in self.db.execute(
                f"SELECT f.audit_id, f.severity, COUNT(*) FROM findings f LEFT JOIN triage t"
                f" ON t.household = ? AND t.finding_id = f.id WHERE f.audit_id IN ({marks})"
                " AND (f.possible_match = 0 OR t.label = 'confirmed') AND COALESCE(t.label, '') != 'not me'"
                " GROUP BY f.audit_id, f.severity", (household, *audit_ids)):
            out[aid][sev] = n
        return out

    def tracked_households(self) -> list[str]:
        """Households with at least one audit, in the order they were first audited."""
        return [str(r[0]) for r in self.db.execute(
            "SELECT household FROM audits GROUP BY household ORDER BY MIN(started)")]

    def delete_audit(self, audit_id: str) -> bool:
        with self._tx():
            cur = self.db.execute("DELETE FROM audits WHERE id = ?", (audit_id,))
        return cur.rowcount > 0

    def delete_all(self) -> int:
        n = self.db.execute("SELECT COUNT(*) FROM audits").fetchone()[0]
        with self._tx():
            for table in ("findings", "skipped", "pages", "hits", "queries", "audit_actions",
                          "audit_actions_done", "audits", "triage", "removal_events", "actions",
                          "roster_members", "roster_runs", "household_files", "household_names",
                          "households"):
                self.db.execute(f"DELETE FROM {table}")
        self.db.execute("VACUUM")
        return int(n)

    def vacuum(self) -> None:
        self.db.execute("VACUUM")

    # -- work units (resume) ---------------------------------------------------------------

    def query_done(self, audit_id: str, key_hash: str) -> tuple[str, str | None] | None:
        r = self.db.execute(
            "SELECT status, error FROM queries WHERE audit_id = ? AND key_hash = ?",
            (audit_id, key_hash),
        ).fetchone()
        return (r[0], r[1]) if r else None

    def record_query(
        self,
        audit_id: str,
        key_hash: str,
        probe: str,
        person: str,
        identifier: str,
        kind: str,
        hits: Sequence[dict[str, Any]],
        error: str | None,
        now: str,
    ) -> None:
        with self._tx():
            self.db.execute(
                "INSERT OR REPLACE INTO queries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (audit_id, key_hash, probe, person, identifier, kind,
                 "failed" if error else "done", error, now),
            )
            for i, h in enumerate(hits):
                # the clear column keeps the host only: the path may hold a phone or a name
                self.db.execute(
                    "INSERT OR REPLACE INTO hits VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (audit_id, key_hash, i, _host(h["url"]), h["probe"], h["person"], h["kind"],
                     self.seal_json(h)),
                )

    def query_hits(self, audit_id: str, key_hash: str) -> list[dict[str, Any]]:
        return [
            self.open_json(r[0])
            for r in self.db.execute(
                "SELECT sealed FROM hits WHERE audit_id = ? AND key_hash = ? ORDER BY seq",
                (audit_id, key_hash),
            )
        ]

    def page_done(self, audit_id: str, page_key: str) -> dict[str, Any] | None:
        r = self.db.execute(
            "SELECT sealed FROM pages WHERE audit_id = ? AND page_key = ?", (audit_id, page_key)
        ).fetchone()
        return self.open_json(r[0]) if r else None

    def record_page(
        self,
        audit_id: str,
        page_key: str,
        probe: str,
        url: str,
        status: int | None,
        sha256: str | None,
        error: str | None,
        result: dict[str, Any],
        now: str,
        person: str | None = None,
    ) -> None:
        with self._tx():
            self.db.execute(
                "INSERT OR REPLACE INTO pages (audit_id, page_key, probe, url, status, sha256,"
                " fetched_at, error, sealed, person) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (audit_id, page_key, probe, _host(url), status, sha256, now, error,
                 self.seal_json(result), person),
            )

    def forget_units(self, audit_id: str, queries: Sequence[str] = (), pages: Sequence[str] = ()) -> None:
        """Drop recorded units so `--resume` runs them again: the searches and pages that failed
        while the network was going down were not the sources' answers."""
        with self._tx():
            for key in queries:
                self.db.execute("DELETE FROM hits WHERE audit_id = ? AND key_hash = ?", (audit_id, key))
                self.db.execute("DELETE FROM queries WHERE audit_id = ? AND key_hash = ?", (audit_id, key))
            for key in pages:
                self.db.execute("DELETE FROM pages WHERE audit_id = ? AND page_key = ?", (audit_id, key))

    def forget_transport_failures(self, audit_id: str, is_transport: Callable[..., bool]) -> None:
        """Forget the searches and pages that failed at the transport level (`is_transport(reason,
        search=...)`), so `--resume` after a network outage asks them again."""
        queries = [str(k) for k, err in self.db.execute(
            "SELECT key_hash, error FROM queries WHERE audit_id = ? AND status = 'failed'", (audit_id,))
            if err and is_transport(err, search=True)]
        pages = [str(k) for k, err in self.db.execute(
            "SELECT page_key, error FROM pages WHERE audit_id = ? AND error IS NOT NULL", (audit_id,))
            if is_transport(err)]
        self.forget_units(audit_id, queries, pages)

    def count_units(self, audit_id: str) -> tuple[int, int]:
        q = self.db.execute("SELECT COUNT(*) FROM queries WHERE audit_id = ?", (audit_id,)).fetchone()[0]
        p = self.db.execute("SELECT COUNT(*) FROM pages WHERE audit_id = ?", (audit_id,)).fetchone()[0]
        return int(q), int(p)

    def coverage(self, audit_id: str, min_share: float = 0.8) -> Coverage:
        """The share of the audit's searches and pages that answered, from the record of every
        unit of work: the one place coverage is computed."""
        people: dict[str, list[int]] = {}
        sq = sf = pq = pf = 0
        for person, n, failed in self.db.execute(
            "SELECT person, COUNT(*), SUM(status = 'failed') FROM queries WHERE audit_id = ?"
            " GROUP BY person", (audit_id,)):
            sq, sf = sq + n, sf + (failed or 0)
            people.setdefault(person, [0, 0, 0, 0])[0:2] = [n, failed or 0]
        for person, n, failed in self.db.execute(
            "SELECT person, COUNT(*), SUM(error IS NOT NULL) FROM pages WHERE audit_id = ?"
            " GROUP BY person", (audit_id,)):
            pq, pf = pq + n, pf + (failed or 0)
            if person is not None:  # pages recorded before migration 0004 have no person
                people.setdefault(person, [0, 0, 0, 0])[2:4] = [n, failed or 0]
        return Coverage(
            searches=sq, searches_failed=sf, pages=pq, pages_failed=pf, min_share=min_share,
            people=tuple(PersonCoverage(p, *v) for p, v in sorted(people.items())),
        )

    # -- results ---------------------------------------------------------------------------

    def save_results(
        self,
        audit_id: str,
        findings: Sequence[Finding],
        skipped: Sequence[Skipped],
        mask: Callable[[str], str] = lambda u: _host(u),
    ) -> None:
        """Findings and sources not checked. In clear: masked evidence, `mask(url)`, the keyed
        fingerprint and the classification; sealed: the value, its context, the exact URLs and
        the remediation (its group may be a school's or an employer's host)."""
        with self._tx():
            self.db.execute("DELETE FROM findings WHERE audit_id = ?", (audit_id,))
            self.db.execute("DELETE FROM skipped WHERE audit_id = ?", (audit_id,))
            for f in findings:
                sealed = self.seal_json({
                    "value": f.value, "context": f.context, "url": f.url, "image_url": f.image_url,
                    "remediation": f.remediation.as_dict(),
                })
                self.db.execute(
                    "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (audit_id, f.id, f.person, f.category.value, f.severity.value, f.confidence,
                     mask(f.url), f.source, f.probe, f.identifier, f.evidence, f.rationale, "{}",
                     int(f.possible_match), json.dumps(list(f.rules)),
                     mask(f.image_url) if f.image_url else None, f.fingerprint, f.first_seen,
                     f.last_seen, f.status, sealed),
                )
            for i, sk in enumerate(skipped):
                self.db.execute(
                    "INSERT INTO skipped (audit_id, seq, source, reason, probe, person, sealed)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (audit_id, i, mask(sk.source) if "://" in sk.source else sk.source, sk.reason,
                     sk.probe, sk.person, self.seal_json({"source": sk.source})),
                )

    def findings(self, audit_id: str, with_values: bool = False) -> list[Finding]:
        """The audit's findings with their exact URLs; `with_values` adds the full value and
        context (for encrypted outputs only)."""
        rows = self.db.execute(
            "SELECT id, person, category, severity, confidence, url, source, probe, identifier,"
            " evidence, rationale, remediation, possible_match, rules, image_url, fingerprint,"
            " first_seen, last_seen, status, sealed FROM findings WHERE audit_id = ?",
            (audit_id,),
        ).fetchall()
        out = []
        for r in rows:
            sealed = self.open_json(r[19]) if r[19] is not None else {}
            rem = sealed.get("remediation") or json.loads(r[11] or "{}") or {"action": ""}
            out.append(Finding(
                id=r[0], person=r[1], category=Category(r[2]), severity=Severity(r[3]),
                confidence=r[4], url=sealed.get("url") or r[5], source=r[6], probe=r[7],
                identifier=r[8], evidence=r[9], rationale=r[10],
                remediation=Remediation(
                    action=rem.get("action", ""), opt_out_url=rem.get("opt_out_url"),
                    requires=tuple(rem.get("requires") or ()),
                    expected_time=rem.get("expected_time"), legal_basis=rem.get("legal_basis"),
                    group=rem.get("group"), recheck_days=rem.get("recheck_days"),
                    steps=tuple(rem.get("steps") or ()),
                ),
                possible_match=bool(r[12]), rules=tuple(json.loads(r[13])),
                image_url=sealed.get("image_url", r[14]),
                fingerprint=r[15], first_seen=r[16], last_seen=r[17], status=r[18],
                value=sealed.get("value") if with_values else None,
                context=sealed.get("context") if with_values else None,
            ))
        return out

    def skipped(self, audit_id: str) -> list[Skipped]:
        out = []
        for source, reason, probe, person, sealed in self.db.execute(
            "SELECT source, reason, probe, person, sealed FROM skipped WHERE audit_id = ? ORDER BY seq",
            (audit_id,),
        ):
            if sealed is not None:
                source = self.open_json(sealed).get("source", source)
            out.append(Skipped(source=source, reason=reason, probe=probe, person=person))
        return out

    def first_seen(self, household: str) -> dict[str, str]:
        """finding id → earliest `first_seen` over this household's audits."""
        return {
            r[0]: r[1]
            for r in self.db.execute(
                "SELECT f.id, MIN(COALESCE(f.first_seen, a.started)) FROM findings f"
                " JOIN audits a ON a.id = f.audit_id WHERE a.household = ? GROUP BY f.id",
                (household,),
            )
        }

    # -- triage ----------------------------------------------------------------------------

    def set_triage(self, household: str, finding_id: str, label: str | None, now: str) -> None:
        with self._tx():
            if label is None:
                self.db.execute(
                    "DELETE FROM triage WHERE household = ? AND finding_id = ?", (household, finding_id)
                )
            else:
                self.db.execute(
                    "INSERT OR REPLACE INTO triage VALUES (?, ?, ?, ?)",
                    (household, finding_id, label, now),
                )

    def triage(self, household: str) -> dict[str, str]:
        return {
            r[0]: r[1]
            for r in self.db.execute(
                "SELECT finding_id, label FROM triage WHERE household = ?", (household,)
            )
        }

    def find_finding(self, finding_id: str) -> list[tuple[str, str, str]]:
        """(audit_id, household, full finding id) of the stored findings whose id starts with
        `finding_id`, newest audit first."""
        return [
            (str(r[0]), str(r[1] or ""), str(r[2]))
            for r in self.db.execute(
                "SELECT f.audit_id, a.household, f.id FROM findings f JOIN audits a ON a.id = f.audit_id"
                " WHERE f.id LIKE ? ORDER BY a.started DESC",
                (finding_id.replace("%", "").replace("_", "") + "%",),
            )
        ]


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "")
    except ValueError:
        return ""


def open_store(data_dir: Path) -> Store:
    """The store in `data_dir` (footprint.sqlite3) with the installation's vault key."""
    private_dir(data_dir)
    return Store(data_dir / "footprint.sqlite3", Vault(data_dir / "store.key"))
