"""Reference-photo hashes cached by file content: a court audits the same judges every month,
and hashing a reference photo at its 81 crops costs ~140 ms each time (`analyze/images.py`).

The cache maps the SHA-256 of a photo file's bytes (with the hashing settings and library
versions, so a change of either computes them again) to its crop hashes. It holds no picture
and no face encoding — only the two 64-bit perceptual hashes of each crop, its average colour
on a 4 × 4 grid (chroma only: 32 numbers) and where on that grid it is lighter or darker (16
numbers, less their mean and over their spread), which cannot be turned back into the picture — in the data folder's `cache/photo-hashes.sqlite` (0600), and in
memory for the process (a roster audits many households in one process). When face matching is
on the photos are decoded anyway, and the cache is not used. The photo itself is decoded
in memory (never written) all the same: a deeper crop of it is located on its pixels. A cache that cannot be read or
written is only a slower audit: the photos are hashed as before.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
from pathlib import Path

import imagehash
import numpy as np
import PIL
from PIL import Image

from .analyze.images import (
    HASH_EDGE,
    REF_TRIMS,
    SQUARE_TRIMS,
    SQUARES,
    WORK_EDGE,
    CropHashes,
    ReferencePhoto,
    ReferencePhotos,
    UnreadableImage,
    decode,
    reduced,
)
from .paths import private_dir
from .profile import Profile

log = logging.getLogger("footprint.photocache")

_SETTINGS = f"v4|{REF_TRIMS}|{SQUARES}|{SQUARE_TRIMS}|{HASH_EDGE}|{WORK_EDGE}|{imagehash.__version__}|{PIL.__version__}".encode()
_MEMORY: dict[str, CropHashes] = {}
_LOCK = threading.Lock()


def content_key(data: bytes, max_bytes: int) -> str:
    """The cache key of a photo file's bytes under the current hashing settings."""
    h = hashlib.sha256(_SETTINGS + f"|{max_bytes}|".encode())
    h.update(data)
    return h.hexdigest()


class PhotoHashCache:
    """Crop hashes by content key, in memory and (with a data folder) on disk."""

    def __init__(self, data_dir: Path | None) -> None:
        self.path = Path(data_dir) / "cache" / "photo-hashes.sqlite" if data_dir is not None else None

    def _db(self) -> sqlite3.Connection | None:
        if self.path is None:
            return None
        try:
            private_dir(self.path.parent)
            if not self.path.exists():
                os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
            db = sqlite3.connect(self.path, timeout=5)
            # "layouts" (v4) adds each crop's brightness grid to the hashes and colours of the
            # table "crops" (v2, v3), whose rows no setting reads any more
            db.execute("DROP TABLE IF EXISTS crops")
            db.execute("CREATE TABLE IF NOT EXISTS layouts (key TEXT PRIMARY KEY,"
                       " crops INTEGER NOT NULL, phash BLOB NOT NULL, dhash BLOB NOT NULL,"
                       " colour BLOB NOT NULL, luma BLOB NOT NULL)")
            return db
        except (OSError, sqlite3.Error) as e:
            log.warning("photo hash cache not used: %s", type(e).__name__)
            return None

    def get(self, keys: list[str]) -> dict[str, CropHashes]:
        with _LOCK:
            found = {k: _MEMORY[k] for k in keys if k in _MEMORY}
        missing = [k for k in keys if k not in found]
        if missing:
            db = self._db()
            if db is not None:
                try:
                    marks = ",".join("?" * len(missing))
                    for key, crops, ph, dh, col, lum in db.execute(
                            "SELECT key, crops, phash, dhash, colour, luma FROM layouts"
                            f" WHERE key IN ({marks})", missing):
                        colour = np.frombuffer(col, dtype="<f4")
                        luma = np.frombuffer(lum, dtype="<f4")
                        if colour.size != crops * 32 or luma.size != crops * 16:
                            continue  # not what we wrote: hash the photo again
                        found[key] = CropHashes(_unpack(ph, crops), _unpack(dh, crops),
                                                colour.reshape(crops, 16, 2).astype(np.float32),
                                                luma.reshape(crops, 16).astype(np.float32))
                except sqlite3.Error as e:
                    log.warning("photo hash cache not read: %s", type(e).__name__)
                finally:
                    db.close()
                with _LOCK:
                    _MEMORY.update({k: found[k] for k in missing if k in found})
        return found

    def put(self, items: dict[str, CropHashes]) -> None:
        with _LOCK:
            _MEMORY.update(items)
        db = self._db()
        if db is None or not items:
            return
        try:
            with db:
                db.executemany("INSERT OR REPLACE INTO layouts VALUES (?, ?, ?, ?, ?, ?)",
                               [(k, int(h.phash.shape[0]), np.packbits(h.phash).tobytes(),
                                 np.packbits(h.dhash).tobytes(), h.colour.astype("<f4").tobytes(),
                                 h.luma.astype("<f4").tobytes())
                                for k, h in items.items()
                                if h.colour is not None and h.luma is not None])
        except sqlite3.Error as e:
            log.warning("photo hash cache not written: %s", type(e).__name__)
        finally:
            db.close()


def _unpack(blob: bytes, crops: int) -> np.ndarray:
    bits = np.unpackbits(np.frombuffer(blob, dtype=np.uint8))[: crops * 64]
    return bits.reshape(crops, 64).astype(bool)


def load_references(profile: Profile, *, max_bytes: int, data_dir: Path | None) -> ReferencePhotos:
    """The profile's reference photos hashed as `ReferencePhotos.load` hashes them (without face
    encodings), from the cache when every photo's bytes are known there."""
    wanted: list[tuple[str, str, str]] = []  # (person, identifier, content key)
    pictures: dict[str, Image.Image | None] = {}  # content key → the photo, reduced
    for person in profile.people:
        for i, path in enumerate(profile.photo_paths(person)):
            try:
                if path.stat().st_size > max_bytes:
                    raise OSError("too large")
                data = path.read_bytes()
            except OSError:  # the loader names what cannot be read
                return ReferencePhotos.load(profile, max_bytes=max_bytes)
            key = content_key(data, max_bytes)
            wanted.append((person.id, f"photos[{i}]", key))
            if key not in pictures:
                # the picture itself stays in memory only: a deeper crop is located on it
                try:
                    pictures[key] = reduced(decode(data, max_bytes=max_bytes).image)
                except UnreadableImage:
                    pictures[key] = None
    cache = PhotoHashCache(data_dir)
    known = cache.get([k for _, _, k in wanted])
    if all(k in known for _, _, k in wanted):
        return ReferencePhotos([ReferencePhoto(p, ident, known[k], (), pictures.get(k))
                                for p, ident, k in wanted], (), None, max_bytes)
    refs = ReferencePhotos.load(profile, max_bytes=max_bytes)
    by_ref = {(p, ident): k for p, ident, k in wanted}
    cache.put({by_ref[(ph.person, ph.identifier)]: ph.hashes for ph in refs.photos
               if (ph.person, ph.identifier) in by_ref})
    return refs
