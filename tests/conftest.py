"""Shared fixtures and fakes of the interfaces (search backend, fetcher, analyzer, probe).

Every test gets its own FOOTPRINT_HOME, so nothing is written to the real data folder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from footprint.analyze import PageResult
from footprint.errors import FetchError
from footprint.model import Category, Exposure, Hit, Query, SearchResult
from footprint.profile import Profile, load_profile, profile_from_dict
from footprint.web.base import Response
from probes.base import Probe

PROFILE_TEXT = """
[audit]
jurisdiction = "US-CA"

[consent]
authorized_by = "Hon. Ann Example"
authorized_on = 2026-11-20
purpose = "self-audit"
statement = "I authorize a search of public sources for me and my listed relatives."

[subject]
id = "judge"
name = "Ann Example"
city = "Springfield"
phones = ["+1 707 555 0100"]

  [[subject.addresses]]
  label = "home"
  street = "12 Elm Street"
  city = "Springfield"
  postal_code = "95400"

[[relatives]]
id = "spouse"
relation = "spouse"
name = "Bob Example"
consent = true

[[relatives]]
id = "kid"
relation = "child"
name = "Cy Example"
consent = false

[probes]
enabled = ["fake"]
"""


def demo_family(jurisdiction: str = "US-CA", **extra: Any) -> Profile:
    """The demo's fictitious family as a validated profile (the son did not consent); `extra`
    replaces top-level tables (e.g. `audit={...}`, `probes={...}`)."""
    data: dict[str, Any] = {
        "audit": {"jurisdiction": jurisdiction},
        "consent": {"authorized_by": "Hon. Eleanor R. Whitfield",
                    "authorized_on": dt.date(2026, 11, 20), "purpose": "training",
                    "statement": "I authorize a search of public sources for my family."},
        "subject": {
            "id": "judge", "name": "Eleanor Ruth Whitfield",
            "aliases": ["Eleanor Whitfield", "Eleanor R. Whitfield", "Ellie Whitfield",
                        "Eleanor Marsh"],
            "city": "Santa Rosa", "region": "CA", "birth_year": 1968,
            "phones": ["+1 707 555 0142", "+1 707 555 0187"],
            "emails": ["eleanor.whitfield@example.net"],
            "addresses": [
                {"label": "home", "street": "2417 Alderbrook Drive", "city": "Santa Rosa",
                 "region": "CA", "postal_code": "95405"},
                {"label": "previous", "street": "88 Quarry Road", "city": "Petaluma",
                 "region": "CA", "postal_code": "94952"},
            ],
        },
        "relatives": [
            {"id": "spouse", "relation": "spouse", "name": "Daniel James Whitfield",
             "aliases": ["Dan Whitfield"], "consent": True, "birth_year": 1966},
            {"id": "child", "relation": "child", "name": "Sophie Whitfield", "consent": True,
             "minor": True, "birth_year": 2012, "city": "Santa Rosa"},
            {"id": "son", "relation": "child", "name": "Lucas Whitfield", "consent": False,
             "birth_year": 1996, "city": "Oakland"},
            {"id": "mother", "relation": "parent", "name": "Margaret Ann Marsh", "consent": True,
             "birth_year": 1941, "phones": ["+1 707 555 0163"],
             "addresses": [{"label": "home", "street": "19 Vine Hill Court",
                            "city": "Sebastopol", "region": "CA", "postal_code": "95472"}]},
        ],
        "probes": {"enabled": ["brokers"]},
    }
    data.update(extra)
    return profile_from_dict(data, Path("/nonexistent/profile.toml"))


@pytest.fixture(autouse=True)
def footprint_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("fphome")
    monkeypatch.setenv("FOOTPRINT_HOME", str(home))
    return home


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    p = tmp_path / "profile.toml"
    p.write_text(PROFILE_TEXT, encoding="utf-8")
    return p


@pytest.fixture
def profile(profile_file: Path) -> Profile:
    return load_profile(profile_file)


class FakeSearch:
    """A search backend answering from a dict: query text → list of URLs."""

    name = "fake"

    def __init__(self, answers: dict[str, list[str]] | None = None) -> None:
        self.answers = answers or {}
        self.calls: list[str] = []

    def search(self, query: str, *, kind: str = "web", max_results: int = 10) -> list[SearchResult]:
        self.calls.append(query)
        return [SearchResult(url=u, title="", snippet="") for u in self.answers.get(query, [])][:max_results]


class FakeFetcher:
    """A fetcher answering from a dict: URL → body (str) or an exception to raise."""

    def __init__(self, pages: dict[str, object] | None = None) -> None:
        self.pages = pages or {}
        self.fetched: list[str] = []

    def fetch(self, url: str) -> Response:
        self.fetched.append(url)
        page = self.pages.get(url)
        if isinstance(page, BaseException):
            raise page
        if page is None:
            return Response(url=url, status=404, headers=(("content-type", "text/plain"),), body=b"Not Found")
        return Response(url=url, status=200, headers=(("content-type", "text/html; charset=utf-8"),),
                        body=str(page).encode())

    def close(self) -> None:
        pass


class FakeAnalyzer:
    """Reads lines "person|category|value|confidence" from the body: a transparent analyzer that
    lets engine tests control exactly what each page exposes."""

    def analyze(self, hit: Hit, response: Response) -> PageResult:
        if response.status != 200:
            return PageResult()
        exps = []
        for line in response.text().splitlines():
            parts = line.strip().split("|")
            if len(parts) != 4:
                continue
            person, cat, value, conf = parts
            exps.append(Exposure(person=person, category=Category(cat), url=response.url, value=value,
                                 confidence=float(conf), context=f"... {value} ...", probe=hit.probe,
                                 rules=("fake",)))
        return PageResult(exposures=tuple(exps), about=tuple(sorted({e.person for e in exps})))


class FakeProbe(Probe):
    """Plans one query per consenting person: the person's id; yields the search's URLs."""

    name = "fake"
    description = "A probe for tests"
    uses = ("name",)
    planned_for: list[str] = []  # overwritten per instance in __init__

    def __init__(self, ctx):  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.planned_for = []

    def plan(self) -> list[Query]:
        out = []
        for p in self.ctx.profile.people:
            self.planned_for.append(p.id)
            out.append(Query(person=p.id, identifier="name", text=p.id, probe=self.name))
        return out

    def run(self, query: Query) -> Iterable[Hit]:
        for r in self.ctx.search.search(query.text):
            yield Hit(url=r.url, probe=self.name, person=query.person, reason="test", query=query.key)


@pytest.fixture
def fakes() -> dict[str, type]:
    return {"search": FakeSearch, "fetcher": FakeFetcher, "analyzer": FakeAnalyzer, "probe": FakeProbe}


__all__ = ["FakeAnalyzer", "FakeFetcher", "FakeProbe", "FakeSearch", "FetchError"]


REPO = Path(__file__).resolve().parents[1]


def run_cli(args: list[str], home: Path, *, env: dict[str, str] | None = None,
            input: str | None = None):  # type: ignore[no-untyped-def]
    """Run `python -m footprint ARGS` in a subprocess with the network guard installed (via
    tests/_site/sitecustomize.py) and FOOTPRINT_HOME set. Returns CompletedProcess."""
    import os
    import subprocess
    import sys

    e = dict(os.environ)
    e["FOOTPRINT_HOME"] = str(home)
    e["PYTHONPATH"] = os.pathsep.join([str(REPO / "tests" / "_site"), str(REPO)])
    e["NO_COLOR"] = "1"
    e["COLUMNS"] = "200"
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "footprint", *args], capture_output=True, text=True,
                          env=e, input=input, cwd=str(home))
