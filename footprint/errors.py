"""Domain errors. The CLI maps each to one line and a non-zero exit; none carries personal data."""


class FootprintError(Exception):
    """Base of every error footprint reports to the user as one line."""

    exit_code = 1


class UsageError(FootprintError):
    """A command-line option or argument is unusable (a folder that is a file, an unknown audit
    id, paper size A5…). Found before any work starts; the message names the option."""

    exit_code = 2


class ProfileError(FootprintError):
    """The profile file is missing, unreadable or invalid. The message names file, key and what
    was expected, never the value given."""

    exit_code = 2


class ConsentError(FootprintError):
    """The audit would search for someone who did not consent, or consent is missing."""

    exit_code = 2


class ArchiveError(FootprintError):
    """A web archive cannot be read."""

    exit_code = 2


class StoreError(FootprintError):
    """The audit store cannot be opened or migrated."""

    exit_code = 3


class ProbeError(FootprintError):
    """A source failed (transport error, blocked, unreadable). Carries the source, never the
    query text. The engine turns it into a `Skipped` entry and goes on."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class FetchError(ProbeError):
    """A fetch failed after retries: timeout, connection error, HTTP error, too large, refused."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(url, reason)
        self.url = url
        self.status = status


class BlockedError(FetchError):
    """The site answered with a block, captcha or challenge: not checked, never "absent"."""


class NetworkDown(FootprintError):
    """The network or the search engine stopped answering: several searches in a row, or fetches
    from several different sites in a row, failed at the transport level (DNS, connection,
    timeout, TLS). The audit stops at once instead of reporting sources it could not reach as
    clean; what it finished is kept for `--resume`."""

    exit_code = 1
