"""config.example.toml stays true: with every commented option switched on, the profile still
loads, and every probe accepts its options."""

from __future__ import annotations

import re
from pathlib import Path

from footprint.analyze import Analyzer
from footprint.profile import load_profile
from probes import registry
from probes.base import ProbeContext
from tests.conftest import REPO, FakeFetcher, FakeSearch

SKIP = ("catalog =", "sites_file =", "searxng_url =")  # point at files/servers that do not exist here


def _uncommented(text: str) -> str:
    out = []
    for line in text.splitlines():
        m = re.match(r"^# ?(\[.*|[a-z_]+ = .*)$", line)
        if m and not m.group(1).startswith(SKIP):
            out.append(m.group(1))
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def test_every_documented_option_is_accepted(tmp_path: Path) -> None:
    text = _uncommented((REPO / "config.example.toml").read_text())
    assert "[probes.brokers]" in text and "[network.hosts." in text
    p = tmp_path / "all-options.toml"
    p.write_text(text)
    prof = load_profile(p)
    for name in prof.probes.enabled:
        opts = prof.probes.options(name)
        assert opts, f"no documented options for probe {name}"
        ctx = ProbeContext(profile=prof, fetcher=FakeFetcher(), search=FakeSearch(),
                           analyzer=Analyzer(prof), options=opts, offline=True, data_dir=tmp_path)
        registry.load(name)(ctx).plan()
    from footprint.web.http import HttpFetcher

    HttpFetcher(prof.network, cache_path=None, contact=prof.audit.contact).close()
