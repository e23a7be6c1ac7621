"""Quality on pages nobody on the team wrote: each blind scenario in tests/fixtures/blind/ (written
by someone who had not read the analyzer, truth first) is audited offline through the engine and
scored like an evaluator scores it — a finding counts when confident and not a mention, matches
on (person, category, page URL), "acceptable" findings count neither way. The floors hold what
was measured when the scenario was last scored (BENCHMARKS.md), minus a small margin: a change
that loses detection on unseen pages fails here. benchmarks/quality.py --blind prints every
figure."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

import pytest

from footprint.engine import Auditor, WebAccess
from footprint.profile import load_profile
from footprint.store import open_store
from footprint.web.archive import WebArchive

BLIND = Path(__file__).parent / "fixtures" / "blind"

# scenario: (precision, recall, critical recall) floors
FLOORS = {
    "al": (0.93, 0.95, 0.93),
    "at": (0.94, 0.95, 0.93),
    "at2": (0.98, 0.94, 0.98),
    "at3": (0.96, 0.93, 0.88),
    "at4": (0.98, 0.94, 0.88),
    "au": (0.96, 0.92, 0.91),
    "au2": (0.95, 0.96, 0.98),
    "au3": (0.95, 0.91, 0.98),
    "ba": (0.96, 0.91, 0.88),
    "be": (0.96, 0.89, 0.86),
    "be-vl": (0.94, 0.92, 0.88),
    "be-wa": (0.96, 0.94, 0.93),
    "be2": (0.98, 0.95, 0.93),
    "bg": (0.95, 0.95, 0.98),
    "bg2": (0.96, 0.94, 0.92),
    "ca": (0.93, 0.89, 0.98),
    "ca-ab": (0.93, 0.90, 0.98),
    "ca-bc": (0.98, 0.91, 0.92),
    "ca-on": (0.96, 0.93, 0.93),
    "ca-qc": (0.96, 0.96, 0.98),
    "ch": (0.95, 0.94, 0.84),
    "ch-ti": (0.95, 0.95, 0.98),
    "ch2": (0.96, 0.93, 0.98),
    "ch3": (0.96, 0.94, 0.98),
    "cy": (0.93, 0.90, 0.93),
    "cy2": (0.96, 0.89, 0.92),
    "cz": (0.95, 0.93, 0.92),
    "cz2": (0.94, 0.95, 0.98),
    "cz3": (0.98, 0.92, 0.98),
    "cz4": (0.98, 0.95, 0.98),
    "de": (0.98, 0.86, 0.84),
    "de-bw": (0.98, 0.87, 0.78),
    "de-by": (0.98, 0.95, 0.93),
    "de-he": (0.98, 0.93, 0.87),
    "de-hh": (0.98, 0.91, 0.81),
    "de-nw": (0.96, 0.90, 0.87),
    "de-sn": (0.98, 0.94, 0.92),
    "de2": (0.95, 0.96, 0.98),
    "de3": (0.95, 0.91, 0.93),
    "dk": (0.96, 0.94, 0.93),
    "dk2": (0.96, 0.95, 0.93),
    "ee": (0.96, 0.94, 0.88),
    "ee2": (0.98, 0.96, 0.98),
    "es": (0.96, 0.93, 0.92),
    "es-an": (0.98, 0.93, 0.86),
    "es-cn": (0.96, 0.85, 0.80),
    "es-ct": (0.93, 0.96, 0.98),
    "es-ga": (0.95, 0.96, 0.98),
    "es-pv": (0.95, 0.94, 0.93),
    "es2": (0.98, 0.95, 0.98),
    "es3": (0.98, 0.89, 0.88),
    "fi": (0.98, 0.94, 0.98),
    "fi-sv": (0.96, 0.92, 0.93),
    "fi2": (0.96, 0.95, 0.88),
    "fr": (0.98, 0.94, 0.92),
    "fr2": (0.96, 0.93, 0.98),
    "fr3": (0.95, 0.93, 0.98),
    "fr4": (0.95, 0.91, 0.93),
    "fr5": (0.96, 0.87, 0.94),
    "gb": (0.92, 0.95, 0.93),
    "gb-nir": (0.92, 0.95, 0.93),
    "gb-sct": (0.95, 0.98, 0.98),
    "gb-wal": (0.95, 0.98, 0.98),
    "gb2": (0.93, 0.94, 0.98),
    "gb3": (0.95, 0.98, 0.98),
    "gb4": (0.96, 0.96, 0.98),
    "gb5": (0.98, 0.94, 0.98),
    "gb6": (0.91, 0.92, 0.93),
    "gr": (0.96, 0.93, 0.85),
    "gr2": (0.96, 0.94, 0.93),
    "hr": (0.97, 0.92, 0.98),
    "hr2": (0.96, 0.95, 0.88),
    "hr3": (0.98, 0.92, 0.98),
    "hu": (0.94, 0.77, 0.75),
    "hu2": (0.96, 0.94, 0.93),
    "ie": (0.96, 0.90, 0.89),
    "ie2": (0.94, 0.90, 0.90),
    "ie3": (0.94, 0.95, 0.93),
    "ie4": (0.98, 0.93, 0.98),
    "is": (0.93, 0.87, 0.93),
    "it": (0.96, 0.95, 0.87),
    "it-bz": (0.98, 0.94, 0.92),
    "it2": (0.96, 0.92, 0.98),
    "it3": (0.98, 0.91, 0.93),
    "it4": (0.95, 0.95, 0.92),
    "it5": (0.93, 0.88, 0.83),
    "lt": (0.98, 0.93, 0.98),
    "lt2": (0.95, 0.93, 0.93),
    "lt3": (0.96, 0.96, 0.98),
    "lu": (0.92, 0.86, 0.89),
    "lu2": (0.96, 0.88, 0.88),
    "lv": (0.96, 0.95, 0.98),
    "lv2": (0.98, 0.94, 0.93),
    "md": (0.98, 0.95, 0.98),
    "me": (0.94, 0.93, 0.93),
    "mk": (0.96, 0.95, 0.98),
    "mt": (0.96, 0.94, 0.93),
    "nl": (0.96, 0.98, 0.98),
    "nl2": (0.96, 0.98, 0.98),
    "nl3": (0.96, 0.94, 0.93),
    "no": (0.95, 0.95, 0.93),
    "no2": (0.97, 0.95, 0.94),
    "no3": (0.95, 0.91, 0.92),
    "nz": (0.96, 0.95, 0.98),
    "pl": (0.98, 0.95, 0.98),
    "pl2": (0.95, 0.95, 0.93),
    "pl3": (0.96, 0.95, 0.98),
    "pl4": (0.96, 0.87, 0.82),
    "pt": (0.96, 0.82, 0.83),
    "pt2": (0.95, 0.95, 0.93),
    "pt3": (0.95, 0.90, 0.93),
    "ro": (0.95, 0.98, 0.98),
    "ro2": (0.98, 0.98, 0.98),
    "ro3": (0.96, 0.96, 0.93),
    "ro4": (0.95, 0.91, 0.93),
    "ro5": (0.94, 0.97, 0.98),
    "rs": (0.96, 0.92, 0.98),
    "rs2": (0.98, 0.93, 0.84),
    "rs3": (0.96, 0.91, 0.93),
    "se": (0.92, 0.94, 0.93),
    "se2": (0.98, 0.95, 0.93),
    "se3": (0.93, 0.93, 0.88),
    "sk": (0.94, 0.85, 0.88),
    "sk2": (0.96, 0.94, 0.93),
    "sk3": (0.95, 0.96, 0.98),
    "sl": (0.92, 0.94, 0.98),
    "sl2": (0.98, 0.95, 0.88),
    "ua": (0.98, 0.91, 0.98),
    "ua2": (0.94, 0.89, 0.98),
    "ua3": (0.95, 0.91, 0.98),
    "us-az": (0.98, 0.97, 0.98),
    "us-ca": (0.96, 0.94, 0.93),
    "us-co": (0.97, 0.96, 0.98),
    "us-fl": (0.98, 0.94, 0.92),
    "us-ga": (0.96, 0.91, 0.93),
    "us-hi": (0.96, 0.94, 0.93),
    "us-il": (0.95, 0.94, 0.88),
    "us-in": (0.96, 0.93, 0.98),
    "us-ky": (0.98, 0.95, 0.98),
    "us-la": (0.98, 0.95, 0.94),
    "us-ma": (0.97, 0.94, 0.94),
    "us-md": (0.96, 0.92, 0.89),
    "us-mi": (0.97, 0.96, 0.98),
    "us-mn": (0.97, 0.94, 0.98),
    "us-mo": (0.88, 0.93, 0.83),
    "us-nc": (0.95, 0.95, 0.94),
    "us-nj": (0.95, 0.91, 0.83),
    "us-nm": (0.93, 0.98, 0.98),
    "us-ny": (0.96, 0.93, 0.98),
    "us-oh": (0.95, 0.92, 0.98),
    "us-or": (0.96, 0.91, 0.93),
    "us-pa": (0.91, 0.95, 0.98),
    "us-sc": (0.94, 0.94, 0.98),
    "us-tn": (0.98, 0.98, 0.98),
    "us-tx2": (0.97, 0.96, 0.94),
    "us-ut": (0.91, 0.92, 0.98),
    "us-va": (0.95, 0.95, 0.98),
    "us-wa": (0.94, 0.90, 0.93),
    "us-wi": (0.96, 0.95, 0.90),
    "xk": (0.96, 0.92, 0.88),
}

# scenario: challenge (403) pages listed as "not checked" (ie's and dk's are found by no search:
# ie's address has only a surname, dk's only a number, and the pages' words are a challenge;
# sk2's is a reverse look-up on a site the catalog does not hold, pt2's a company's page by its
# tax number, which the profile does not hold; it-bz's an address look-up in the street's Italian
# name, on a site the catalog holds only a name look-up for; ua3's only through a link on a
# people-search teaser page, which the audit does not follow, and de-bw's only through a link on
# another people-search site's result page)
CHALLENGES = {name: 1 for name in FLOORS
              if name not in ("ie", "dk", "pt2", "it-bz", "ua3", "de-bw")}


def _norm(url: str) -> str:
    u = urlsplit(url.strip())
    host = (u.hostname or "").lower().rstrip(".")
    if u.port and u.port not in (80, 443):
        host = f"{host}:{u.port}"
    path = quote(unquote(u.path), safe="/:@!$&'()*+,;=-._~").rstrip("/")
    query = "?" + urlencode(sorted(parse_qsl(u.query, keep_blank_values=True)), quote_via=quote,
                            safe="") if u.query else ""
    return host + path + query


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_blind_scenario_holds_its_figures(name: str, tmp_path: Path) -> None:
    folder = BLIND / name
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    profile = load_profile(folder / "profile.toml")
    with WebArchive.open(folder / truth.get("archive", "archive.warc.gz"), tmp_path / "cache") as arch, \
            open_store(tmp_path / "home") as store:
        web = WebAccess(arch.fetcher(), arch.search_backend(), "archive", arch.digest)
        result = Auditor(profile, web, store, data_dir=tmp_path).run()
    key = lambda p, c, u: (p, c, _norm(u))  # noqa: E731
    expected = {key(f["person"], f["category"], f["url"]): f for f in truth["findings"]}
    acceptable = {key(f["person"], f["category"], f["url"]) for f in truth["acceptable"]}
    counted = {key(f.person, f.category.value, f.url) for f in result.findings
               if not f.possible_match and f.category.value != "mention"}
    tp = counted & set(expected)
    fp = counted - set(expected) - acceptable
    precision = len(tp) / max(1, len(tp) + len(fp))
    recall = len(tp) / len(expected)
    crit = {k for k, f in expected.items() if f["severity"] == "critical"}
    critical = len(crit & counted) / max(1, len(crit))
    # nothing about a person who did not consent, ever
    assert not any(f.person in truth["nonconsenting"] for f in result.findings)
    # a page that answered with a bot challenge, when a search finds it, is "not checked"
    blocked = {_norm(u) for u in truth.get("blocked", [])}
    reported = blocked & {_norm(s.source) for s in result.skipped}
    assert len(reported) >= CHALLENGES.get(name, 0), f"{name}: challenge pages not reported"
    p_min, r_min, c_min = FLOORS[name]
    assert precision >= p_min and recall >= r_min and critical >= c_min, (
        f"{name}: precision {precision:.2f} (≥ {p_min}), recall {recall:.2f} (≥ {r_min}), "
        f"critical recall {critical:.2f} (≥ {c_min})")
