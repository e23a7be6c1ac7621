"""Encryption at rest for the store: values found on pages are sealed to a per-installation age
key (X25519) kept in the data folder (0600). The store then holds masked evidence in clear and
full values only sealed, so a copied database alone does not reveal them; `purge --all` deletes
the key with the data."""

from __future__ import annotations

from pathlib import Path

from pyrage import decrypt, encrypt, x25519

from .paths import write_private


class Vault:
    """Seal and open small blobs with the installation's key."""

    def __init__(self, key_file: Path) -> None:
        if key_file.exists():
            ident = x25519.Identity.from_str(key_file.read_text().strip())
        else:
            ident = x25519.Identity.generate()
            write_private(key_file, str(ident) + "\n")
        self._identity = ident
        self._recipient = ident.to_public()

    def seal(self, data: bytes) -> bytes:
        return encrypt(data, [self._recipient])

    def open(self, blob: bytes) -> bytes:
        return decrypt(blob, [self._identity])

    def fingerprint_key(self) -> bytes:
        """A secret derived from the key, for keyed fingerprints of values (HMAC)."""
        import hashlib

        return hashlib.sha256(b"footprint-fp|" + str(self._identity).encode()).digest()
