"""Household identity: which audits belong to one family, so that history, triage labels,
"new / still present / gone" and `--resume` never mix two families.

The profile's display id (`subject.id`, "judge" in the example every court copies) says nothing
about who the family is. A household is identified by a key instead:

- `[audit] household = "…"` in the profile, when the profile sets one (a court's roster can give
  its own keys; it keeps a family's history when the file moves to another folder);
- otherwise a key the data folder creates once, on the first audit of the profile file, and
  keeps bound to that file (by a keyed hash of its resolved path: the path may name the judge).
  Editing the profile in place keeps the household; a copy or a moved file starts a new one.
  footprint never writes into the profile: it may be read-only, tracked in a repository, or
  shared between machines.

Guard against a key copied into another family's profile: the household records keyed hashes of
the judge's names (`subject.name` and `aliases`); a profile whose judge shares no name with
them is refused when it names the key itself, and starts a new household when it only reuses
the file. A judge whose name changed keeps the household by listing the former name in
`aliases`.

Stores written before households existed were migrated (store migration 0004): their audits form
one household per exact profile content, and a profile with that very content takes it back.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from dataclasses import dataclass

from .errors import ProfileError
from .profile import Profile
from .store import Store


@dataclass(frozen=True)
class Household:
    """The identity an audit is filed under."""

    key: str
    """The household's key ("hh-…", a profile's own key, or "legacy-…")."""
    source: str
    """"profile" (set in [audit] household), "file" (bound to the profile file), "new" (created
    by this audit), "legacy" (taken back from a store migrated from before households), or
    "renamed" (the file now holds another judge: a new household was created)."""

    def notice(self, profile_path: object) -> str | None:
        """A line for the user when the identity was just created or changed, else None."""
        from .i18n import gettext as _

        if self.source == "new":
            return _("New household %(key)s: later audits of %(file)s are compared with this one. "
                     "To keep this history if the file moves, add household = \"%(key)s\" under "
                     "[audit].") % {"key": self.key, "file": profile_path}
        if self.source == "renamed":
            return _("%(file)s now names another judge than its earlier audits: a new household "
                     "%(key)s starts its own history.") % {"key": self.key, "file": profile_path}
        if self.source == "legacy":
            return _("Household %(key)s: continues the audits of this profile stored by an "
                     "earlier footprint.") % {"key": self.key}
        return None


def normalise_name(name: str) -> str:
    """"Řezníčková,  Jana" → "reznickova jana": case, accents, punctuation and spacing folded."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    cleaned = "".join(c if c.isalnum() else " " for c in letters.casefold())
    return " ".join(cleaned.split())


def name_keys(profile: Profile, secret: bytes) -> list[str]:
    """Keyed hashes of the judge's name and aliases (never stored in clear)."""
    names = {normalise_name(n) for n in profile.subject.all_names()}
    return sorted(_keyed(secret, "name", n) for n in names if n)


def file_key(profile: Profile, secret: bytes) -> str:
    """Keyed hash of the profile file's resolved path."""
    return _keyed(secret, "file", str(profile.path.expanduser().resolve()))


def _keyed(secret: bytes, kind: str, value: str) -> str:
    return hmac.new(secret, f"household|{kind}|{value}".encode(), hashlib.sha256).hexdigest()


def new_key() -> str:
    return "hh-" + secrets.token_hex(8)


def resolve(profile: Profile, store: Store, profile_hash: str, now: str) -> Household:
    """The household `profile` belongs to in this data folder, creating (and recording) it on
    the profile file's first audit. Raises ProfileError when the profile names the key of a
    household whose judge has none of this profile's names."""
    secret = store.vault.fingerprint_key()
    names = name_keys(profile, secret)
    own = profile.audit.household
    if own:
        known = store.household_names(own)
        if known and not known.intersection(names):
            raise ProfileError(
                f"{profile.path}: audit.household: this key belongs to another judge's audits in this "
                "data folder (the judge's name differs). For a new family delete the household line; "
                "if the judge's name changed, list the former name in subject.aliases"
            )
        store.add_household_names(own, names, now)
        return Household(own, "profile")
    fkey = file_key(profile, secret)
    bound = store.household_for_file(fkey)
    source = "file"
    if bound is not None:
        known = store.household_names(bound)
        if known and not known.intersection(names):
            # The file was rewritten for another judge: its history is not this judge's.
            bound = store.bind_file(fkey, new_key(), now, replace=True)
            source = "renamed"
    else:
        legacy = store.legacy_household(profile_hash)
        known = store.household_names(legacy) if legacy is not None else set()
        if legacy is not None and (not known or known.intersection(names)):
            bound, source = store.bind_file(fkey, legacy, now), "legacy"
        else:
            bound, source = store.bind_file(fkey, new_key(), now), "new"
    if source == "file" and not store.audits(household=bound):
        source = "new"  # bound by an attempt that never got to start: still news to the user
    store.add_household_names(bound, names, now)
    return Household(bound, source)


def peek(profile: Profile, store: Store) -> str | None:
    """The household key the next audit of `profile` would use, without creating one (for
    `footprint check`); None when the first audit will create it."""
    if profile.audit.household:
        return profile.audit.household
    return store.household_for_file(file_key(profile, store.vault.fingerprint_key()))
