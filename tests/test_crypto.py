"""Encrypted outputs: age files readable by pyrage and by the `age` command, holding full values;
nothing written in clear when encryption is asked for; bad recipients refused before writing."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
from pathlib import Path

import pyrage
import pytest

from reports import write_reports
from reports.crypto import EncryptionError, decrypt, recipients
from tests.test_reports import leaks, sample


@pytest.fixture(scope="module")
def identity() -> pyrage.x25519.Identity:
    return pyrage.x25519.Identity.generate()


@pytest.fixture(scope="module")
def encrypted(tmp_path_factory: pytest.TempPathFactory,
              identity: pyrage.x25519.Identity) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("enc") / "out"
    result, prof = sample()
    paths = write_reports(result, out, ["html", "json", "csv"], profile=prof,
                          encrypt_to=[str(identity.to_public())])
    return out, paths


def test_only_age_files_are_written(encrypted: tuple[Path, list[Path]]) -> None:
    out, paths = encrypted
    assert sorted(p.name for p in out.iterdir()) == ["findings.csv.age", "findings.json.age",
                                                      "report.html.age"]
    assert [p.name for p in paths] == ["report.html.age", "findings.json.age", "findings.csv.age"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    for p in paths:
        assert stat.S_IMODE(p.stat().st_mode) == 0o600
        raw = p.read_bytes()
        assert raw.startswith(b"age-encryption.org/v1\n")
        assert b"Alderbrook" not in raw and b"Whitfield" not in raw


def test_round_trip_with_pyrage_holds_full_values(encrypted: tuple[Path, list[Path]],
                                                  identity: pyrage.x25519.Identity) -> None:
    out, _ = encrypted
    html = pyrage.decrypt((out / "report.html.age").read_bytes(), [identity]).decode()
    assert "2417 Alderbrook Dr, Santa Rosa, CA 95405" in html
    assert "This copy shows full values" in html
    assert "Eleanor Ruth Whitfield" in html, "letters carry the sender's name in full"
    assert "https://www.spokeo.com/Eleanor-Whitfield/California/Santa-Rosa" in html
    data = json.loads(decrypt((out / "findings.json.age").read_bytes(), identities=[str(identity)]))
    assert data["masked"] is False
    f = next(x for x in data["findings"] if x["category"] == "phone" and x["person"] == "judge")
    assert f["value"] and f["context"] and "555" in f["value"]
    assert "*" in f["evidence"], "evidence stays the masked form; the value is beside it"
    csv_text = pyrage.decrypt((out / "findings.csv.age").read_bytes(), [identity]).decode()
    assert "value" in csv_text.splitlines()[0] and "Alderbrook" in csv_text
    assert leaks(csv_text), "the encrypted CSV is the full one"


def test_age_command_reads_the_files(encrypted: tuple[Path, list[Path]],
                                     identity: pyrage.x25519.Identity, tmp_path: Path) -> None:
    age = shutil.which("age")
    if age is None:
        pytest.skip("the `age` command is not installed (apt-get install age); pyrage round trip "
                    "is tested above")
    key = tmp_path / "key.txt"
    key.write_text(str(identity) + "\n", encoding="utf-8")
    key.chmod(0o600)
    out, _ = encrypted
    res = subprocess.run([age, "-d", "-i", str(key), str(out / "findings.json.age")],
                         capture_output=True, check=True, timeout=60)
    assert json.loads(res.stdout)["audit"]["profile"] == "judge"


def test_age_command_files_read_by_pyrage(tmp_path: Path) -> None:
    """And the other way: what `age` writes to our recipient, pyrage reads (format compatibility)."""
    age = shutil.which("age")
    if age is None:
        pytest.skip("the `age` command is not installed (apt-get install age)")
    ident = pyrage.x25519.Identity.generate()
    res = subprocess.run([age, "-r", str(ident.to_public())], input=b"hello", capture_output=True,
                         check=True, timeout=60)
    assert decrypt(res.stdout, identities=[str(ident)]) == b"hello"


def test_several_recipients_each_can_read(tmp_path: Path) -> None:
    a, b = pyrage.x25519.Identity.generate(), pyrage.x25519.Identity.generate()
    result, prof = sample(3)
    write_reports(result, tmp_path, ["json"], profile=prof,
                  encrypt_to=[str(a.to_public()), str(b.to_public())])
    blob = (tmp_path / "findings.json.age").read_bytes()
    assert pyrage.decrypt(blob, [a]) == pyrage.decrypt(blob, [b])


def test_passphrase_round_trip(tmp_path: Path) -> None:
    result, prof = sample(3)
    write_reports(result, tmp_path, ["json"], profile=prof, passphrase="correct horse battery")
    assert [p.name for p in tmp_path.iterdir()] == ["findings.json.age"]
    data = json.loads(pyrage.passphrase.decrypt((tmp_path / "findings.json.age").read_bytes(),
                                                "correct horse battery"))
    assert data["findings"][0]["value"]
    with pytest.raises(EncryptionError):
        decrypt((tmp_path / "findings.json.age").read_bytes(), passphrase="wrong passphrase")


@pytest.mark.parametrize(("encrypt_to", "passphrase", "message"), [
    (["age1notakey"], None, "not an age public key"),
    (["AGE-SECRET-KEY-1QQQ"], None, "--encrypt-to #1"),
    (["ssh-ed25519 AAAAnot-base64"], None, "not an age public key"),
    ([], "short", "too short"),
])
def test_bad_recipients_refused_before_writing(tmp_path: Path, encrypt_to: list[str],
                                               passphrase: str | None, message: str) -> None:
    result, _ = sample(2)
    out = tmp_path / "out"
    with pytest.raises(EncryptionError, match=message):
        write_reports(result, out, ["html"], encrypt_to=encrypt_to, passphrase=passphrase)
    assert not out.exists()


def test_keys_and_passphrase_together_refused(identity: pyrage.x25519.Identity) -> None:
    with pytest.raises(EncryptionError, match="not both"):
        recipients([str(identity.to_public())], "long enough passphrase")


def test_error_messages_hold_no_key_material() -> None:
    with pytest.raises(EncryptionError) as e:
        recipients(["age1qqqqsecretlookingstring"], None)
    assert "secretlooking" not in str(e.value)
