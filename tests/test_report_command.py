"""`footprint report ID`: a stored audit written again — masked exactly like the audit's own
report (from the profile values sealed with the audit), or with full values encrypted from the
store's sealed copy; options checked before anything is written."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from footprint.profile import load_profile
from reports import crypto
from tests.conftest import run_cli
from tests.leakcheck import leaks, profile_forbidden
from tests.test_open import UK, stored_audit  # noqa: F401 (fixture)


def _identity() -> tuple[str, str]:
    import pyrage

    ident = pyrage.x25519.Identity.generate()
    return str(ident), str(ident.to_public())


def test_masked_report_again_masks_like_the_audit(stored_audit: str, footprint_home: Path,  # noqa: F811
                                                   tmp_path: Path) -> None:
    out = tmp_path / "again"
    r = run_cli(["report", stored_audit, "--out", str(out), "--format", "html,json,csv"],
                footprint_home)
    assert r.returncode == 0, r.stderr
    forbidden = profile_forbidden(load_profile(UK / "profile.toml"))
    for p in out.iterdir():
        assert leaks(p.read_text(encoding="utf-8"), forbidden) == [], p.name
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    assert data["masked"] and any("/h*******/c********/" in f["url"] for f in data["findings"])


def test_encrypted_report_from_the_sealed_values(stored_audit: str, footprint_home: Path,  # noqa: F811
                                                 tmp_path: Path) -> None:
    secret, public = _identity()
    out = tmp_path / "enc"
    r = run_cli(["report", stored_audit, "--out", str(out), "--format", "json,html",
                 "--encrypt-to", public], footprint_home)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["findings.json.age", "report.html.age"]
    data = json.loads(crypto.decrypt((out / "findings.json.age").read_bytes(), identities=[secret]))
    assert not data["masked"]
    urls = {f["url"] for f in data["findings"]}
    assert "https://www.192.com/atoz/people/holloway/catherine/leeds/" in urls, "actionable URLs"
    assert any(f["value"] == "14 Wrenbeck Grove" or "Wrenbeck" in (f["value"] or "")
               for f in data["findings"])


@pytest.mark.parametrize("args", [
    ["--encrypt-to", "age1notakey"],
    ["--encrypt-to", "ssh-ed25519 AAAA"],
])
def test_bad_recipient_fails_before_anything_is_written(stored_audit: str,  # noqa: F811
                                                        footprint_home: Path, tmp_path: Path,
                                                        args: list[str]) -> None:
    out = tmp_path / "never"
    r = run_cli(["report", stored_audit, "--out", str(out), *args], footprint_home)
    assert r.returncode == 2 and "--encrypt-to #1" in r.stderr and "Traceback" not in r.stderr
    assert not out.exists()


def test_short_passphrase_is_refused_before_writing(stored_audit: str, footprint_home: Path,  # noqa: F811
                                                    tmp_path: Path) -> None:
    out = tmp_path / "never"
    r = run_cli(["report", stored_audit, "--out", str(out), "--passphrase"], footprint_home,
                env={"FOOTPRINT_PASSPHRASE": "short"})
    assert r.returncode == 2 and "too short" in r.stderr and "short\n" not in r.stdout
    assert not out.exists()


def test_legacy_audit_needs_the_profile_for_a_masked_report(stored_audit: str,  # noqa: F811
                                                            footprint_home: Path,
                                                            tmp_path: Path) -> None:
    """An audit stored before the masking values were sealed with it: a masked report would not
    know the names to hide in page addresses, so it asks for the profile (or encryption)."""
    db = sqlite3.connect(footprint_home / "footprint.sqlite3")
    db.execute("UPDATE audits SET masking_values = NULL")
    db.commit()
    db.close()
    out = tmp_path / "masked"
    r = run_cli(["report", stored_audit, "--out", str(out)], footprint_home)
    assert r.returncode == 2 and "--profile" in r.stderr and not out.exists()
    assert len(r.stderr.strip().splitlines()) == 1
    r = run_cli(["report", stored_audit, "--out", str(out), "--format", "html",
                 "--profile", str(UK / "profile.toml")], footprint_home)
    assert r.returncode == 0, r.stderr
    forbidden = profile_forbidden(load_profile(UK / "profile.toml"))
    assert leaks((out / "report.html").read_text(encoding="utf-8"), forbidden) == []
    # a different profile is refused
    other = tmp_path / "other.toml"
    other.write_text((UK / "profile.toml").read_text().replace('id = "judge"', 'id = "other"'))
    r = run_cli(["report", stored_audit, "--out", str(tmp_path / "x"), "--profile", str(other)],
                footprint_home)
    assert r.returncode == 2 and "is not the one audit" in r.stderr


def test_unknown_audit_is_bad_input(footprint_home: Path, tmp_path: Path) -> None:
    r = run_cli(["report", "nosuchid", "--out", str(tmp_path / "o")], footprint_home)
    assert r.returncode == 2 and "no stored audit" in r.stderr
    assert not (tmp_path / "o").exists()
