"""A stored audit as the reports see it: the AuditResult rebuilt from the store, with the full
values the store keeps sealed, and the profile values its outputs must mask (sealed with the
audit). `footprint report` and `footprint open` start here, so a report written again later
masks exactly what the audit's own report masked.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from footprint import masking
from footprint.errors import FootprintError
from footprint.model import AuditResult

if TYPE_CHECKING:
    from footprint.profile import Profile
    from footprint.store import Store


class StoredAuditError(FootprintError):
    """No stored audit by that id, or a --profile of another profile: bad input."""

    exit_code = 2


class LegacyAuditError(FootprintError):
    """The audit was stored before footprint sealed its masking values with it, and no profile
    was given: a masked output could not mask names in page addresses."""

    exit_code = 2


@dataclass(frozen=True)
class StoredAudit:
    """An audit loaded back from the store."""

    result: AuditResult
    """The audit, its findings carrying their full values (sealed in the store)."""
    secrets: tuple[masking.Secret, ...]
    """The profile values its outputs mask (the sealed copy, plus a given profile's)."""
    legacy: bool
    """Stored before the masking values were sealed with the audit."""

    def redactor(self) -> masking.Redactor:
        """The audit's one masking view (see reports.build_view)."""
        return masking.Redactor.for_audit(self.secrets, (*self.result.findings,
                                                          *self.result.gone))

    def require_masking_values(self, what: str) -> None:
        """Refuse a masked output of a legacy audit: without the profile's values, a name in a
        page address could not be masked."""
        if self.legacy:
            raise LegacyAuditError(
                f"audit {self.result.id} predates sealed masking values: give --profile FILE "
                f"(the audited profile) for {what}, or encrypt it (--encrypt-to, --passphrase)")


def load_audit(store: Store, audit_id: str, profile: Profile | None = None) -> StoredAudit:
    """The stored audit `audit_id` with full values, its triage labels and its masking values.
    A FootprintError (exit 2) when there is no such audit or `profile` is another profile."""
    row = store.audit(audit_id)
    if row is None:
        raise StoredAuditError(f"no stored audit with id '{audit_id}' (see `footprint audits`)")
    if profile is not None and profile.id != row.profile_id:
        raise StoredAuditError(
            f"--profile {profile.path}: profile '{profile.id}' is not the one audit {audit_id} "
            f"audited ('{row.profile_id}')")
    from footprint.engine import stored_result

    # the household's triage labels, its coverage and what is gone, with full (sealed) values
    result = dataclasses.replace(stored_result(store, audit_id, with_values=True),
                                 web_archive=_archive_label(row.web_archive))
    sealed = store.masking_values(audit_id)
    secrets: list[masking.Secret] = [tuple(v) for v in sealed or ()]  # type: ignore[misc]
    if profile is not None:
        secrets.extend(masking.profile_secrets(profile))
    return StoredAudit(result=result, secrets=tuple(dict.fromkeys(secrets)),
                       legacy=sealed is None and profile is None)


def _archive_label(digest: str | None) -> str | None:
    """The store keeps an offline audit's archive by content hash, not by file name."""
    if not digest:
        return None
    return f"sha256 {digest[:16]}…" if len(digest) == 64 else digest
