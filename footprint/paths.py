"""Where footprint keeps its data, and how it writes files that hold secrets (0600 / 0700)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from .errors import FootprintError


def data_dir(*, create: bool = True) -> Path:
    """footprint's data folder: `$FOOTPRINT_HOME` if set, else the platform's user data dir
    (Linux: ~/.local/share/footprint). Created with mode 0700 unless `create` is False."""
    env = os.environ.get("FOOTPRINT_HOME")
    path = Path(env) if env else Path(platformdirs.user_data_dir("footprint", appauthor=False))
    return private_dir(path) if create else path


def private_dir(path: Path, *, ours: bool = True) -> Path:
    """Create `path` (and missing parents, 0700 too) if needed, with mode 0700. A folder
    footprint owns (`ours`) is made 0700 even if it existed; a folder the user named that
    already exists (say their Desktop) keeps its mode — the files written into it are 0600
    either way. A path that cannot be a folder is a one-line FootprintError."""
    try:
        existed = path.is_dir()
        missing = [p for p in (path, *path.parents) if not p.exists()]
        for p in reversed(missing):
            p.mkdir(mode=0o700, exist_ok=True)
            os.chmod(p, 0o700)  # mkdir's mode is cut by the umask
        if ours or not existed:
            os.chmod(path, 0o700)
        if not path.is_dir():
            raise FootprintError(f"{path}: not a folder")
    except OSError as e:
        raise FootprintError(f"{path}: cannot create or use the folder ({e.strerror})") from None
    return path


def check_writable(path: Path) -> None:
    """Fail early, with one line, if files cannot be written into folder `path`."""
    if not os.access(path, os.W_OK | os.X_OK):
        raise FootprintError(f"{path}: folder is not writable")


def write_private(path: Path, data: bytes | str) -> Path:
    """Write a file readable by its owner only (0600), atomically (temp file + rename). The
    temp file is created exclusively and never through a symlink, so a link planted in a shared
    folder cannot redirect the write."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        tmp.unlink(missing_ok=True)
        fd = os.open(tmp, flags, 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())  # the rename must never publish a file still in the page cache
            os.chmod(tmp, 0o600)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as e:
        raise FootprintError(f"{path}: cannot write the file ({e.strerror})") from None
    return path


def remove_stale_temps(folder: Path) -> None:
    """Delete the temp files `write_private` leaves when it is killed mid-write (".NAME.PID.tmp"):
    a half-written report is no report, and it may hold masked data nobody will read."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        parts = entry.name.split(".")
        if (entry.name.startswith(".") and entry.name.endswith(".tmp") and len(parts) >= 4
                and parts[-2].isdigit() and not entry.is_symlink() and entry.is_file()):
            entry.unlink(missing_ok=True)
