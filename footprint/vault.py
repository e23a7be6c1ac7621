"""Encryption at rest for the store: values found on pages are sealed to a per-installation age
key (X25519) kept in the data folder (0600). The store then holds masked evidence in clear and
full values only sealed, so a copied database alone does not reveal them; `purge --all` deletes
the key with the data."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pyrage
from pyrage import decrypt, encrypt, x25519

from .errors import StoreError
from .paths import write_private


class Vault:
    """Seal and open small blobs with the installation's key."""

    def __init__(self, key_file: Path) -> None:
        self.key_file = key_file
        """The key's file (0600)."""
        ident = _read_identity(key_file) if key_file.exists() else _create_identity(key_file)
        self._identity = ident
        self._recipient = ident.to_public()

    def seal(self, data: bytes) -> bytes:
        return encrypt(data, [self._recipient])

    def open(self, blob: bytes) -> bytes:
        """The sealed blob's bytes. StoreError when this key cannot open it (the key file was
        replaced or regenerated after the data was sealed, or the blob is damaged)."""
        try:
            return decrypt(blob, [self._identity])
        except (pyrage.DecryptError, TypeError, ValueError) as e:
            raise StoreError(
                f"{self.key_file}: this key cannot open data sealed in the store "
                f"({type(e).__name__}); was the key file replaced? Restore it, or run "
                "`footprint purge --all` to start afresh"
            ) from None

    def fingerprint_key(self) -> bytes:
        """A secret derived from the key, for keyed fingerprints of values (HMAC)."""
        return hashlib.sha256(b"footprint-fp|" + str(self._identity).encode()).digest()


def _read_identity(key_file: Path) -> x25519.Identity:
    """The key in `key_file`. One StoreError line when it cannot be read or is not an age key;
    the message never repeats the file's content (it is the secret)."""
    try:
        raw = key_file.read_bytes()
    except OSError as e:
        raise StoreError(
            f"{key_file}: cannot read the store key ({e.strerror or type(e).__name__})"
        ) from None
    try:
        return x25519.Identity.from_str(raw.decode("ascii").strip())
    except (pyrage.IdentityError, ValueError, TypeError):  # UnicodeDecodeError is a ValueError
        raise StoreError(
            f"{key_file}: not an age secret key (AGE-SECRET-KEY-1…); the store key is damaged. "
            "Restore it from a backup, or run `footprint purge --all` to start afresh"
        ) from None


def _create_identity(key_file: Path) -> x25519.Identity:
    """A new key, written 0600. Two footprint processes starting on an empty data folder must
    not each seal with their own key: the key is published with a hard link, which fails when
    the file exists, and the loser reads the winner's key."""
    ident = x25519.Identity.generate()
    tmp = key_file.with_name(f".{key_file.name}.{os.getpid()}.new")
    try:
        write_private(tmp, str(ident) + "\n")
        try:
            os.link(tmp, key_file)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links (FAT, some shares): last one wins
            os.replace(tmp, key_file)
    except FileExistsError:
        return _read_identity(key_file)
    except OSError as e:
        raise StoreError(
            f"{key_file}: cannot write the store key ({e.strerror or type(e).__name__})"
        ) from None
    finally:
        tmp.unlink(missing_ok=True)
    return ident
