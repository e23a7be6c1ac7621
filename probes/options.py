"""The `[probes.<name>]` tables of a profile, checked when the profile is loaded — by `footprint
check` and before an audit starts — not when a probe first reads them an hour into the audit.

Each built-in probe's table has a schema here: types are strict (`max_results = "10"` or `1.0`
is refused), ranges refuse the values that would silently shrink an audit (`max_results = 0`,
`max_queries_per_person = -20`), and an unknown key is an error with a "did you mean". A key left
out keeps the probe's own default (the probes read their tables themselves; config.example.toml
documents the defaults). A court's own probe may declare `options_model` (a pydantic model) on
its class to get the same checks; without one, its table is passed to it unchecked.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from footprint.errors import ProfileError

Count = Annotated[int, Field(ge=1, le=1000)]
"""A bound that must let at least one thing through."""
OffOrCount = Annotated[int, Field(ge=0, le=1000)]
"""A bound where 0 is documented as "none"."""
Ids = Annotated[list[Annotated[str, Field(max_length=200)]], Field(max_length=1000)]


class _Options(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)


class WebOptions(_Options):
    """`[probes.web]`."""

    max_queries_per_person: int | None = Field(default=None, ge=1, le=500)
    """Overrides audit.max_queries_per_person for web search."""
    max_results: int | None = Field(default=None, ge=1, le=100)
    """Results read per search (default 10)."""


class BrokersOptions(_Options):
    """`[probes.brokers]`."""

    direct: bool | None = None
    site_search: bool | None = None
    max_names: Count | None = None
    max_places: Count | None = None
    max_lookups_per_broker: OffOrCount | None = None
    max_site_queries: OffOrCount | None = None
    sites_per_query: Annotated[int, Field(ge=1, le=30)] | None = None
    max_results: Annotated[int, Field(ge=1, le=100)] | None = None
    include_minors: bool | None = None
    brokers: Ids | None = None
    exclude: Ids | None = None
    catalog: Annotated[str, Field(min_length=1, max_length=1000)] | None = None


class AccountsOptions(_Options):
    """`[probes.accounts]`."""

    include_protected: bool | None = None
    max_checks_per_person: Annotated[int, Field(ge=1, le=100_000)] | None = None
    max_depth: Annotated[int, Field(ge=0, le=3)] | None = None
    max_discovered_handles: OffOrCount | None = None
    sites_file: Annotated[str, Field(min_length=1, max_length=1000)] | None = None
    use_downloaded: bool | None = None
    sites: Ids | None = None
    exclude: Ids | None = None
    exclude_categories: Ids | None = None


class ImagesOptions(_Options):
    """`[probes.images]`."""

    max_queries_per_person: Annotated[int, Field(ge=1, le=100)] | None = None
    max_results: Annotated[int, Field(ge=1, le=100)] | None = None
    max_images_per_page: Annotated[int, Field(ge=1, le=1000)] | None = None
    max_image_bytes: Annotated[int, Field(ge=10_000, le=500_000_000)] | None = None
    faces: bool | None = None


BUILTIN: dict[str, type[BaseModel]] = {
    "web": WebOptions,
    "brokers": BrokersOptions,
    "accounts": AccountsOptions,
    "images": ImagesOptions,
}


def _model_for(name: str) -> type[BaseModel] | None:
    if name in BUILTIN:
        return BUILTIN[name]
    from . import registry

    model = getattr(registry.load(name), "options_model", None)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def check_tables(tables: dict[str, Any], path: Path, text: str = "") -> None:
    """Raise ProfileError (one line: file, key, line, what is expected) for the first bad
    `[probes.<name>]` table. `tables` are the `[probes]` keys other than `enabled`."""
    from footprint.profile import _describe, _line

    from . import registry

    known = list(registry.available())
    for name, table in tables.items():
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise ProfileError(f"{path}: probes.{name}{_line(text, name, 'probes')}: unknown key or "
                               f"probe; {hint}(expected enabled or a table of one of: {', '.join(known)})")
        if not isinstance(table, dict):
            raise ProfileError(f"{path}: probes.{name}{_line(text, name, 'probes')}: expected a table "
                               f"[probes.{name}] of options")
        model = _model_for(name)
        if model is None:
            continue
        try:
            model.model_validate(table)
        except ValidationError as e:
            err = e.errors()[0]
            err["loc"] = ("probes", name, *err["loc"])
            raise ProfileError(_describe(err, path, text, model, skip=2)) from None
