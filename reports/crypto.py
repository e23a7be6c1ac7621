"""Encryption of report files with age (pyrage): the only place full personal values may leave
the program. The files are standard age files: `age -d -i key.txt report.html.age` reads them.

Recipients are age X25519 public keys ("age1…") or SSH public keys ("ssh-ed25519 …",
"ssh-rsa …"), as `age -r`/`-R` accept; or a passphrase (age's scrypt mode, about 1–2 s per file
by design). age cannot mix a passphrase with recipients in one file, so asking for both is an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyrage

from footprint.errors import FootprintError


class EncryptionError(FootprintError):
    """A recipient or passphrase is unusable, or encryption failed. Never names the key material
    beyond its position."""

    exit_code = 2


@dataclass(frozen=True)
class Recipients:
    """Who can read the encrypted outputs."""

    keys: tuple[object, ...]
    """pyrage recipient objects (X25519 or SSH)."""
    passphrase: str | None
    """Or a passphrase."""

    def encrypt(self, data: bytes) -> bytes:
        try:
            if self.passphrase is not None:
                return pyrage.passphrase.encrypt(data, self.passphrase)
            return pyrage.encrypt(data, list(self.keys))
        except pyrage.EncryptError as e:
            raise EncryptionError(f"encryption failed ({type(e).__name__})") from None


def parse_recipient(spec: str, position: int = 1) -> object:
    """A pyrage recipient from "age1…" or an SSH public key line."""
    s = spec.strip()
    try:
        if s.startswith("age1"):
            return pyrage.x25519.Recipient.from_str(s)
        if s.startswith(("ssh-ed25519 ", "ssh-rsa ")):
            return pyrage.ssh.Recipient.from_str(s)
    except pyrage.RecipientError:
        pass
    raise EncryptionError(
        f"--encrypt-to #{position}: not an age public key (age1…) or an SSH public key "
        "(ssh-ed25519 … / ssh-rsa …)"
    )


def recipients(encrypt_to: Sequence[str], passphrase: str | None) -> Recipients:
    """Validated recipients, before anything is written."""
    if encrypt_to and passphrase is not None:
        raise EncryptionError("give --encrypt-to or --passphrase, not both "
                              "(an age file is sealed either to keys or to a passphrase)")
    if passphrase is not None:
        if len(passphrase) < 8:
            raise EncryptionError("the passphrase is too short (use at least 8 characters; "
                                  "a few random words are best)")
        return Recipients((), passphrase)
    if not encrypt_to:
        raise EncryptionError("no recipient given for encryption")
    return Recipients(tuple(parse_recipient(s, i) for i, s in enumerate(encrypt_to, 1)), None)


def decrypt(blob: bytes, *, identities: Sequence[str] = (), passphrase: str | None = None) -> bytes:
    """Decrypt an age file with X25519 identities ("AGE-SECRET-KEY-1…") or a passphrase.
    For tools and tests; people use the `age` command."""
    try:
        if passphrase is not None:
            return pyrage.passphrase.decrypt(blob, passphrase)
        ids = [pyrage.x25519.Identity.from_str(i.strip()) for i in identities]
        return pyrage.decrypt(blob, ids)
    except (pyrage.DecryptError, pyrage.IdentityError) as e:
        raise EncryptionError(f"cannot decrypt ({type(e).__name__})") from None
