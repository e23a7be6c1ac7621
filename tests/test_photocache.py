"""Reference-photo hashes cached by file content: the second audit of a household (or of another
household with the same picture) reads them instead of hashing again; a changed file is hashed
again; the cache holds no picture; an unreadable photo is still reported as before."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import numpy as np
import pytest

from footprint import demo, photocache
from footprint.analyze.images import ReferencePhotos
from footprint.profile import load_profile


@pytest.fixture
def profile_dir(tmp_path: Path) -> Path:
    demo.ensure_generated()
    d = tmp_path / "prof"
    shutil.copytree(demo.profile_path().parent, d, ignore=shutil.ignore_patterns("*.warc.gz", "truth.json"))
    return d


def _hashes(refs: ReferencePhotos) -> list[tuple[str, str, bytes, bytes, bytes, bytes]]:
    out = []
    for p in refs.photos:
        # the colours and the brightness grid come back from the cache too
        assert p.hashes.colour is not None and p.hashes.luma is not None
        out.append((p.person, p.identifier, np.packbits(p.hashes.phash).tobytes(),
                    np.packbits(p.hashes.dhash).tobytes(), p.hashes.colour.tobytes(),
                    p.hashes.luma.tobytes()))
    return out


def test_second_load_comes_from_the_cache(profile_dir: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    prof = load_profile(profile_dir / "profile.toml")
    first = photocache.load_references(prof, max_bytes=10_000_000, data_dir=home)
    assert len(first) == 1
    db = home / "cache" / "photo-hashes.sqlite"
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert (profile_dir / "photos" / "judge-portrait.jpg").read_bytes()[:2000] not in db.read_bytes()

    photocache._MEMORY.clear()  # a new process: only the file remains

    def no_hashing(*a: object, **k: object) -> ReferencePhotos:
        raise AssertionError("the photo was hashed again")

    monkeypatch.setattr(ReferencePhotos, "load", classmethod(no_hashing))
    again = photocache.load_references(prof, max_bytes=10_000_000, data_dir=home)
    assert _hashes(again) == _hashes(first)
    assert again.skipped == ()


def test_a_changed_photo_is_hashed_again(profile_dir: Path, tmp_path: Path) -> None:
    from PIL import Image

    home = tmp_path / "home"
    prof = load_profile(profile_dir / "profile.toml")
    first = photocache.load_references(prof, max_bytes=10_000_000, data_dir=home)
    photo = profile_dir / "photos" / "judge-portrait.jpg"
    with Image.open(photo) as im:
        im.transpose(Image.Transpose.FLIP_LEFT_RIGHT).save(photo, quality=80)
    second = photocache.load_references(prof, max_bytes=10_000_000, data_dir=home)
    assert _hashes(second) != _hashes(first)
    assert _hashes(second) == _hashes(ReferencePhotos.load(prof, max_bytes=10_000_000))


def test_an_unreadable_photo_is_reported_as_before(profile_dir: Path, tmp_path: Path) -> None:
    (profile_dir / "photos" / "judge-portrait.jpg").write_bytes(b"not a picture")
    prof = load_profile(profile_dir / "profile.toml")
    refs = photocache.load_references(prof, max_bytes=10_000_000, data_dir=tmp_path / "home")
    assert len(refs) == 0
    assert [s.reason for s in refs.skipped] == [s.reason for s in ReferencePhotos.load(
        prof, max_bytes=10_000_000).skipped]
    assert "unreadable image" in refs.skipped[0].reason
