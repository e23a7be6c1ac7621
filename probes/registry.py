"""Find probes by name: entry points in the group `footprint.probes` (so a court can install its
own), with the built-in ones as a fallback when footprint runs from a source tree."""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import entry_points

from footprint.errors import ProfileError

from .base import Probe

GROUP = "footprint.probes"
BUILTIN = {
    "web": "probes.web:WebProbe",
    "brokers": "probes.brokers:BrokersProbe",
    "accounts": "probes.accounts:AccountsProbe",
    "images": "probes.images:ImagesProbe",
}


def available() -> dict[str, str]:
    """name → "module:Class" for every installed probe."""
    found = dict(BUILTIN)
    for ep in entry_points(group=GROUP):
        found[ep.name] = ep.value
    return dict(sorted(found.items()))


def load(name: str) -> type[Probe]:
    """The probe class registered as `name`."""
    target = available().get(name)
    if target is None:
        raise ProfileError(
            f"probes.enabled: unknown probe '{name}'; available: {', '.join(available())}"
        )
    module, _, attr = target.partition(":")
    cls = getattr(import_module(module), attr)
    if not (isinstance(cls, type) and issubclass(cls, Probe)):
        raise ProfileError(f"probe '{name}' ({target}) is not a footprint Probe")
    return cls


def validate_names(names: tuple[str, ...]) -> None:
    """Raise a ProfileError listing the available probes if any name is unknown."""
    known = available()
    for n in names:
        if n not in known:
            raise ProfileError(
                f"probes.enabled: unknown probe '{n}'; available: {', '.join(known)}"
            )
