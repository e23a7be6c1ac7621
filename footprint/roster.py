"""A court's roster: every household audited in one run, the way a security officer audits tens
to thousands of judges every month.

`footprint roster audit PATH` takes a folder of profiles (every `*.toml` directly in it, in name
order) or a roster file:

    [roster]
    name = "Superior Court, County of Sonoma"   # optional: the summary's title
    web_archive = "crawls/2026-12"              # optional: audit offline (relative to this file)

    [[household]]
    profile = "judges/doe.toml"                 # relative to this file
    label = "Dept. 7"                           # optional: how the summary names the household
    web_archive = "crawls/doe.warc.gz"          # optional: this household's own archive

One process audits them all: imports, the probes' catalogs and the web access are paid once;
live, one fetcher serves every household, so each site's politeness limit holds across judges
(`web/factory.py` `SharedWeb`). Each household's audit is an ordinary audit of its household
(history, triage, removals, `footprint report`, `--resume` all work on it), written to its own
folder. The run is recorded in the store (`roster_runs`, `roster_members`), so a run stopped by
Ctrl-C, kill -9 or a network outage continues with `--resume`: households done are kept, the
household that was being audited resumes where it stopped, the rest run, and the summary is
written from the store — the same as a straight run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import os
import tomllib
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import FootprintError, NetworkDown, UsageError

if TYPE_CHECKING:
    from .model import AuditResult
    from .profile import Profile
    from .store import Store
    from .web.factory import SharedWeb

log = logging.getLogger("footprint.roster")

MAX_HOUSEHOLDS = 100_000
MAX_ROSTER_BYTES = 5_000_000
LABEL_MAX = 100
_ROSTER_KEYS = {"roster", "household"}
_TABLE_KEYS = {"name", "web_archive"}
_ENTRY_KEYS = {"profile", "label", "web_archive"}


class RosterError(UsageError):
    """A roster that cannot be read: one line naming the file and the key (exit 2)."""


@dataclass(frozen=True)
class RosterEntry:
    """One household of a roster."""

    profile: Path
    """Its profile file."""
    label: str | None = None
    """How the summary names it (masked like everything else)."""
    web_archive: Path | None = None
    """Audit it offline against this archive."""
    where: str = ""
    """Where the roster names it, for errors ("roster.toml: household[3]")."""


@dataclass(frozen=True)
class Roster:
    """A roster file or a folder of profiles."""

    path: Path
    name: str | None
    entries: tuple[RosterEntry, ...]


def load_roster(path: Path, web_archive: Path | None = None) -> Roster:
    """Read a roster file or list a folder of profiles. `web_archive` (the command line's) applies
    to every household that names no archive of its own. Raises RosterError."""
    path = Path(path).expanduser()
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix == ".toml" and p.is_file()
                       and not p.name.startswith("."))
        if not files:
            raise RosterError(f"{path}: no profile (*.toml) in this folder")
        if len(files) > MAX_HOUSEHOLDS:
            raise RosterError(f"{path}: more than {MAX_HOUSEHOLDS} profiles")
        return Roster(path, None, tuple(RosterEntry(p, None, web_archive, str(p)) for p in files))
    if not path.is_file():
        raise RosterError(f"{path}: no such file or folder (expected a roster file or a folder of profiles)")
    try:
        if path.stat().st_size > MAX_ROSTER_BYTES:
            raise RosterError(f"{path}: larger than {MAX_ROSTER_BYTES // 1_000_000} MB")
        data = tomllib.loads(path.read_text("utf-8"))
    except UnicodeDecodeError:
        raise RosterError(f"{path}: not UTF-8 text (expected a TOML roster file)") from None
    except tomllib.TOMLDecodeError as e:
        where = str(e).split("(", 1)[-1].rstrip(")") if "(" in str(e) else "?"
        raise RosterError(f"{path}: not valid TOML ({where})") from None
    except OSError as e:
        raise RosterError(f"{path}: cannot be read ({e.strerror})") from None
    if "household" not in data:
        hint = (" — it looks like a profile: audit one household with `footprint audit`"
                if "consent" in data or "subject" in data else "")
        raise RosterError(f"{path}: not a roster: expected [[household]] tables with profile = \"…\"{hint}")
    unknown = sorted(set(data) - _ROSTER_KEYS)
    if unknown:
        raise RosterError(f"{path}: {unknown[0]}: unknown key (expected [roster] and [[household]])")
    table = data.get("roster", {})
    if not isinstance(table, dict):
        raise RosterError(f"{path}: roster: expected a table [roster]")
    bad = sorted(set(table) - _TABLE_KEYS)
    if bad:
        raise RosterError(f"{path}: roster.{bad[0]}: unknown key (expected name, web_archive)")
    name = _text(path, "roster.name", table.get("name"), 200)
    base = path.parent
    default_archive = web_archive
    if table.get("web_archive") is not None and web_archive is None:
        default_archive = _path(path, "roster.web_archive", table["web_archive"], base)
    rows = data["household"]
    if not isinstance(rows, list) or not rows:
        raise RosterError(f"{path}: household: expected one or more [[household]] tables")
    if len(rows) > MAX_HOUSEHOLDS:
        raise RosterError(f"{path}: more than {MAX_HOUSEHOLDS} households")
    entries = []
    for i, row in enumerate(rows):
        where = f"household[{i}]"
        if not isinstance(row, dict):
            raise RosterError(f"{path}: {where}: expected a table [[household]]")
        bad = sorted(set(row) - _ENTRY_KEYS)
        if bad:
            raise RosterError(f"{path}: {where}.{bad[0]}: unknown key (expected profile, label, web_archive)")
        if "profile" not in row:
            raise RosterError(f"{path}: {where}.profile: missing (the household's profile file)")
        prof = _path(path, f"{where}.profile", row["profile"], base)
        if not prof.is_file():
            raise RosterError(f"{path}: {where}.profile: no such file (expected a profile TOML file)")
        archive = (_path(path, f"{where}.web_archive", row["web_archive"], base)
                   if row.get("web_archive") is not None and web_archive is None else default_archive)
        entries.append(RosterEntry(prof, _text(path, f"{where}.label", row.get("label"), LABEL_MAX),
                                   archive, f"{path}: {where}"))
    return Roster(path, name, tuple(entries))


def _text(path: Path, key: str, value: Any, limit: int) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise RosterError(f"{path}: {key}: expected text")
    if any(not c.isprintable() for c in value):
        raise RosterError(f"{path}: {key}: control or invisible characters are not accepted")
    value = value.strip()
    if len(value) > limit:
        raise RosterError(f"{path}: {key}: at most {limit} characters")
    return value or None


def _path(path: Path, key: str, value: Any, base: Path) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise RosterError(f"{path}: {key}: expected a file path")
    p = Path(value).expanduser()
    return p if p.is_absolute() else base / p


def roster_key(roster: Roster, secret: bytes) -> str:
    """Which roster a run belongs to: a keyed hash of its resolved path (the path may name
    people; the same roster file is the same roster, wherever the command runs from)."""
    return hmac.new(secret, f"roster|{roster.path.resolve()}".encode(), hashlib.sha256).hexdigest()


# --- the run ----------------------------------------------------------------------------------


@dataclass
class Member:
    """One household of the run, as the runner works on it."""

    entry: RosterEntry
    profile: Profile
    household: str
    status: str = "pending"
    audit_id: str | None = None
    error: str | None = None
    notice: str | None = None
    """A line for the user about the household's identity (created, taken back)."""


@dataclass
class RunReport:
    """What a finished run did."""

    run_id: str
    members: list[Member]
    resumed: bool = False
    failed: list[Member] = field(default_factory=list)


class RosterRunner:
    """Runs a roster's audits. The CLI wires it: it loads the profiles, gives the store, the
    shared web access, and `write(member, result)` that writes one household's report (the
    audit is finished only once it returns)."""

    def __init__(self, roster: Roster, profiles: Sequence[Profile], store: Store, web: SharedWeb,
                 *, data_dir: Path, jobs: int = 1,
                 write: Callable[[Member, AuditResult], None] | None = None,
                 done: Callable[[Member, AuditResult | None], None] | None = None) -> None:
        if len(profiles) != len(roster.entries):
            raise ValueError("one profile per roster entry")
        self.roster, self.store, self.web = roster, store, web
        self.data_dir, self.jobs = data_dir, max(1, jobs)
        self.write, self.done = write, done
        self.profiles = list(profiles)
        self.run_id = ""
        self._probe_classes: dict[str, Any] = {}

    # -- households --------------------------------------------------------------------------

    def members(self) -> list[Member]:
        """Every entry with its household (created on its first audit, as `footprint audit`
        does). Two entries of one household are refused: its audits would race."""
        from .engine import now_iso, profile_hash
        from .household import resolve

        out: list[Member] = []
        seen: dict[str, RosterEntry] = {}
        for entry, prof in zip(self.roster.entries, self.profiles, strict=True):
            hh = resolve(prof, self.store, profile_hash(prof), now_iso())
            if hh.key in seen:
                raise RosterError(f"{entry.where}: the same household as {seen[hh.key].where} "
                                  f"({hh.key}); a roster lists each household once")
            seen[hh.key] = entry
            out.append(Member(entry, prof, hh.key, notice=hh.notice(entry.profile)))
        return out

    # -- running -----------------------------------------------------------------------------

    def run(self, resume: bool = False) -> RunReport:
        """Audit every household (or, with `resume`, continue this roster's stopped run).
        Raises KeyboardInterrupt (run recorded as interrupted) or NetworkDown (unreachable):
        both are continued by `run(resume=True)`."""
        from .engine import now_iso

        key = roster_key(self.roster, self.store.vault.fingerprint_key())
        members = self.members()
        prior = self.store.resumable_roster_run(key)
        if resume:
            if prior is None:
                raise UsageError(f"{self.roster.path}: no stopped run of this roster to resume; "
                                 "run it without --resume")
            self.run_id, started = prior["id"], prior["started"]
            self.store.set_roster_status(self.run_id, "running")
            recorded = {m["household"]: m for m in self.store.roster_members(self.run_id)}
        else:
            self.run_id = dt.datetime.now(dt.UTC).strftime("roster-%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:6]
            started = now_iso()
            self.store.create_roster_run(self.run_id, key, started)
            recorded = {}
        for i, m in enumerate(members):
            self.store.add_roster_member(self.run_id, i, m.household, m.entry.label)
            rec = recorded.get(m.household)
            if rec is not None and rec["status"] == "done" and rec["audit_id"]:
                row = self.store.audit(rec["audit_id"])
                if row is not None and row.status == "finished":
                    m.status, m.audit_id = "done", rec["audit_id"]
            elif resume:
                # killed after its audit finished, before the run recorded it: never audit twice
                done = [a for a in self.store.audits(household=m.household)
                        if a.status == "finished" and a.started >= started]
                if done:
                    m.status, m.audit_id = "done", done[-1].id
                    self.store.set_roster_member(self.run_id, m.household, "done", audit_id=done[-1].id)
        todo = [m for m in members if m.status != "done"]
        try:
            if self.jobs == 1 or len(todo) <= 1:
                for m in todo:
                    self._audit(m, started, self.store)
            else:
                self._parallel(todo, started)
        except KeyboardInterrupt:
            self.store.set_roster_status(self.run_id, "interrupted")
            raise
        except NetworkDown:
            self.store.set_roster_status(self.run_id, "unreachable")
            raise
        return RunReport(self.run_id, members, resume, [m for m in members if m.status == "failed"])

    def finish(self) -> None:
        """Record the run as finished (once its summary is written)."""
        from .engine import now_iso

        self.store.set_roster_status(self.run_id, "finished", now_iso())

    def _parallel(self, todo: list[Member], started: str) -> None:
        """Several households at once, each with its own store connection (short transactions:
        a batch held open would keep the others waiting); Ctrl-C stops them all as interrupted
        audits at their next search or fetch."""
        from .store import open_store

        def one(m: Member) -> None:
            with open_store(self.data_dir) as st:
                st.batching = False
                self._audit(m, started, st)

        pool = ThreadPoolExecutor(max_workers=self.jobs, thread_name_prefix="household")
        futures: list[Future[None]] = [pool.submit(one, m) for m in todo]
        try:
            for fut in futures:
                fut.result()
        except BaseException:
            self.web.stop.set()  # every other household stops at its next search or fetch
            for fut in futures:
                fut.cancel()
            pool.shutdown(wait=True)
            raise
        pool.shutdown(wait=True)

    def _audit(self, m: Member, started: str, store: Store) -> None:
        """Audit one household (resuming its audit of this run if one was stopped)."""
        from probes import registry

        from .engine import Auditor, profile_hash

        prof = m.profile
        try:
            web = self.web.for_profile(prof, m.entry.web_archive)
            classes = {}
            for name in prof.probes.enabled:
                if name not in self._probe_classes:
                    self._probe_classes[name] = registry.load(name)
                classes[name] = self._probe_classes[name]
            resume = False
            row = store.resumable(m.household)
            if row is not None and row.started >= started and row.profile_hash == profile_hash(prof) \
                    and row.web_archive == web.archive_digest:
                resume = True  # this run's audit of the household, stopped half-way
            auditor = Auditor(prof, web, store, data_dir=self.data_dir, probe_classes=classes)

            def write(result: AuditResult) -> None:
                if self.write is not None:
                    self.write(m, result)

            result = auditor.run(resume=resume, write=write)
        except (KeyboardInterrupt, NetworkDown):
            raise
        except FootprintError as e:
            # One household's bad profile option or unreadable archive: the others go on.
            m.status, m.error = "failed", str(e).splitlines()[0] if str(e) else type(e).__name__
            store.set_roster_member(self.run_id, m.household, "failed", error=m.error)
            if self.done is not None:
                self.done(m, None)
            return
        m.status, m.audit_id = "done", result.id
        store.set_roster_member(self.run_id, m.household, "done", audit_id=result.id)
        if self.done is not None:
            self.done(m, result)


def check_profiles(roster: Roster) -> tuple[list[tuple[RosterEntry, Profile]], list[tuple[RosterEntry, str]]]:
    """Load and validate every profile before anything runs (a typo costs a second, not a
    night). Returns the valid ones and, one line each, the invalid ones."""
    from probes import registry

    from .profile import load_profile

    good, bad = [], []
    for entry in roster.entries:
        try:
            prof = load_profile(entry.profile)
            registry.validate_names(prof.probes.enabled)
        except FootprintError as e:
            bad.append((entry, str(e).splitlines()[0] if str(e) else type(e).__name__))
            continue
        good.append((entry, prof))
    return good, bad


def default_out(data_dir: Path, run_id: str) -> Path:
    return data_dir / "reports" / run_id


def household_dir(out: Path, household: str) -> Path:
    """Where a household's report goes inside the roster's folder: by its key, never by name."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in household)
    return out / "households" / safe


def relpath(target: Path, start: Path) -> str:
    try:
        return os.path.relpath(target, start)
    except ValueError:
        return str(target)
