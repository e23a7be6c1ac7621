"""Where footprint keeps its data, and how it writes files that hold secrets (0600 / 0700)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def data_dir() -> Path:
    """footprint's data folder: `$FOOTPRINT_HOME` if set, else the platform's user data dir
    (Linux: ~/.local/share/footprint). Created with mode 0700."""
    env = os.environ.get("FOOTPRINT_HOME")
    path = Path(env) if env else Path(platformdirs.user_data_dir("footprint", appauthor=False))
    return private_dir(path)


def private_dir(path: Path, *, ours: bool = True) -> Path:
    """Create `path` (and parents) if needed, with mode 0700. A folder footprint owns (`ours`)
    is made 0700 even if it existed; a folder the user named that already exists (say their
    Desktop) keeps its mode — the files written into it are 0600 either way."""
    existed = path.is_dir()
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if ours or not existed:
        os.chmod(path, 0o700)
    return path


def write_private(path: Path, data: bytes | str) -> Path:
    """Write a file readable by its owner only (0600), atomically (temp file + rename)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
