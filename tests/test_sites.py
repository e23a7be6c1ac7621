"""Site catalogs: the built-in rules' schema and the demo contract, the WhatsMyName loader and its
errors, downloading the data with its licence, and the self-test that disables lying rules."""

from __future__ import annotations

import json
import random
import stat
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from typer.testing import CliRunner

from footprint import cli_sites
from footprint.errors import FetchError
from footprint.sites import (
    DISABLED_FILE,
    LICENSE_FILE,
    SITES_SUBDIR,
    WMN_FILE,
    SitesError,
    builtin_sites,
    downloaded_file,
    load_catalog,
    load_disabled,
    load_sites_file,
    merge,
    parse_site,
    parse_sites,
    random_username,
    save_disabled,
    selftest,
    update,
)
from tests.test_accounts import (
    Loopback,
    LoopbackFetcher,
    MemoryFetcher,
    make_probe,
    make_profile,
    platforms,
    site,
)

# --- the built-in catalog -------------------------------------------------------------------

CONTRACT = [
    ("Strava", "https://www.strava.com/athletes/{account}", 200, "athlete-profile", 404, "Page Not Found"),
    ("Instagram", "https://www.instagram.com/{account}/", 200, 'og:type" content="profile"', 404, "Page Not Found"),
    ("Venmo", "https://account.venmo.com/u/{account}", 200, "profileInfo", 404,
     "Sorry, the page you requested does not exist"),
    ("GitHub", "https://github.com/{account}", 200, "p-nickname", 404, "Not Found"),
]


@pytest.mark.parametrize(("name", "uri", "e_code", "e_string", "m_code", "m_string"), CONTRACT)
def test_contract_rules_verbatim(name: str, uri: str, e_code: int, e_string: str, m_code: int,
                                 m_string: str) -> None:
    s = {x.name: x for x in builtin_sites()}[name]
    assert (s.uri_check, s.e_code, s.e_string, s.m_code, s.m_string) == (uri, e_code, e_string, m_code, m_string)
    assert not s.protection and s.valid and s.uri_pretty is None  # the demo checks them as-is


def test_builtin_catalog_schema() -> None:
    sites = builtin_sites()
    assert len(sites) >= 30
    names = [s.name.casefold() for s in sites]
    assert len(names) == len(set(names))
    uris = [s.uri_check.lower() for s in sites]
    assert len(uris) == len(set(uris))
    for s in sites:
        assert s.uri_check.count("{account}") == 1, s.name
        parts = urlsplit(s.uri_check.replace("{account}", "x"))
        assert parts.scheme == "https" and parts.hostname, s.name
        if s.uri_pretty:
            assert s.uri_pretty.startswith("https://") and "{account}" in s.uri_pretty
        assert len(s.known) >= 2 and s.e_string and s.cat, s.name
        assert s.request("x").plain, s.name  # every built-in rule is a plain GET
    by = {s.name: s for s in sites}
    for protected in ("LinkedIn", "Nextdoor", "Facebook"):
        assert by[protected].protection, protected
    for needed in ("Facebook", "X (Twitter)", "TikTok", "Reddit", "YouTube", "Mastodon (mastodon.social)",
                   "Bluesky", "Cash App", "PayPal.me", "Chess.com", "Lichess", "Gravatar", "Keybase"):
        assert needed in by


def test_raw_catalog_file_is_wmn_shaped() -> None:
    raw = json.loads((Path(__file__).parents[1] / "probes/catalog/sites.json").read_text("utf-8"))
    assert isinstance(raw["sites"], list)
    # our marker for rules not confirmed live is an extra key the loader tolerates
    assert all(isinstance(s.get("verified", False), bool) for s in raw["sites"])


# --- the WhatsMyName loader -----------------------------------------------------------------


def wmn_sample(n: int = 3) -> dict[str, Any]:
    sites = [
        {"name": f"Forum{i}", "uri_check": f"https://forum{i}.example/u/{{account}}", "post_body": "",
         "e_code": 200, "e_string": "Member since", "m_string": "not found", "m_code": 404,
         "known": ["a", "b"], "cat": "social", "valid": True}
        for i in range(n)
    ]
    return {"license": ["Copyright (C) Example", "CC BY-SA 4.0"], "authors": ["x"],
            "categories": ["social"], "sites": sites}


def test_wmn_sample_loads_with_optional_fields(tmp_path: Path) -> None:
    data = wmn_sample()
    data["sites"].append({
        "name": "ApiSite", "uri_check": "https://api.example/users?name={account}",
        "uri_pretty": "https://example.com/{account}", "headers": {"Accept": "application/json"},
        "strip_bad_char": ".", "e_code": "200", "e_string": "\"id\"", "m_code": 200,
        "m_string": "[]", "known": ["x.y", "z"], "cat": "tech", "protection": ["cloudflare"],
    })
    f = tmp_path / "wmn.json"
    f.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_sites_file(f)
    assert [s.name for s in loaded.sites] == ["Forum0", "Forum1", "Forum2", "ApiSite"]
    api = loaded.sites[-1]
    assert api.post_body is None and loaded.sites[0].post_body is None  # "" means GET
    assert api.check_url("x.y") == "https://api.example/users?name=xy"  # strip_bad_char
    assert api.pretty_url("x.y") == "https://example.com/xy"
    assert api.e_code == 200 and api.protections == ("cloudflare",)
    req = api.request("x.y")
    assert (req.method, req.headers, req.follow_redirects) == (
        "GET", (("Accept", "application/json"),), True)
    assert loaded.license == ("Copyright (C) Example", "CC BY-SA 4.0")
    assert all(s.origin == "wmn.json" for s in loaded.sites)


BAD = [
    # (mutation of the first site, message fragment)
    (lambda s: s.pop("e_code"), "sites[0] ('Forum0').e_code: missing"),
    (lambda s: s.update(e_code="often"), "sites[0] ('Forum0').e_code: expected an HTTP status code"),
    (lambda s: s.update(m_code=True), "sites[0] ('Forum0').m_code: expected an HTTP status code"),
    (lambda s: s.update(uri_check="https://forum.example/u/"), "uri_check: expected a URL containing {account}"),
    (lambda s: s.update(uri_check="ftp://x/{account}"), "uri_check: expected an http(s) URL"),
    (lambda s: s.update(known="a"), "known: expected a list of account names"),
    (lambda s: s.update(e_string=5), "e_string: expected text"),
    (lambda s: s.update(post_body="u=1", uri_check="https://forum.example/api"),
     "post_body: expected a body containing {account}"),
    (lambda s: s.update(valid="yes"), "valid: expected true or false"),
    (lambda s: s.update(headers=["Accept"]), "headers: expected a table"),
    (lambda s: s.update(name=""), "sites[0].name: missing or not text"),
    (lambda s: s.update(name="Forum1"), "sites[1] ('Forum1').name: duplicate of sites[0]"),
]


@pytest.mark.parametrize(("mutate", "fragment"), BAD)
def test_loader_errors_name_file_site_and_field(tmp_path: Path, mutate: Any, fragment: str) -> None:
    data = wmn_sample()
    mutate(data["sites"][0])
    f = tmp_path / "mine.json"
    f.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SitesError) as e:
        load_sites_file(f, strict=True)
    assert str(e.value).startswith(str(f))
    assert fragment in str(e.value)
    # lenient (third-party data): the bad entry is dropped and listed, the rest is used
    loaded = load_sites_file(f)
    assert len(loaded.problems) == 1 and fragment in loaded.problems[0]
    assert len(loaded.sites) == 2


@pytest.mark.parametrize(("content", "fragment"), [
    ("{not json", "not valid JSON (line 1"),
    ('{"sites": {}}', 'expected a JSON object with a "sites" list'),
    ("[]", "not a site catalog"),
])
def test_unreadable_files(tmp_path: Path, content: str, fragment: str) -> None:
    f = tmp_path / "x.json"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(SitesError, match="x.json") as e:
        load_sites_file(f)
    assert fragment in str(e.value)
    with pytest.raises(SitesError, match="file not found"):
        load_sites_file(tmp_path / "absent.json")


def test_merge_builtin_wins_by_name_and_keeps_shared_urls() -> None:
    builtin = builtin_sites()
    other = parse_sites({"sites": [
        site("github", "https://elsewhere.example/{account}"),             # name clash
        site("GH mirror", "https://github.com/{account}"),                 # same URL: a sibling
        site("Newsite", "https://new.example/{account}"),
    ]}, "x", origin="WhatsMyName").sites
    merged = merge(builtin, other)
    assert len(merged) == len(builtin) + 2
    gh = [s for s in merged if s.key == "github"]
    assert len(gh) == 1 and gh[0].origin == "built-in"
    assert [s.name for s in merged[-2:]] == ["GH mirror", "Newsite"]
    # the sibling shares the built-in rule's request: one request decides both
    mirror = merged[-2]
    assert mirror.request_key("octocat") == gh[0].request_key("octocat")


def test_load_catalog_uses_download_and_survives_a_damaged_one(tmp_path: Path) -> None:
    d = tmp_path / "data"
    (d / SITES_SUBDIR).mkdir(parents=True)
    downloaded_file(d).write_text(json.dumps(wmn_sample(3)), encoding="utf-8")
    cat = load_catalog(d)
    assert [s.name for s in cat.sites[-3:]] == ["Forum0", "Forum1", "Forum2"]
    assert cat.sites[-1].origin == "WhatsMyName"
    assert len(load_catalog(d, use_downloaded=False).sites) == len(builtin_sites())
    downloaded_file(d).write_text("{truncated", encoding="utf-8")
    cat = load_catalog(d)
    assert len(cat.sites) == len(builtin_sites())
    assert "sites update" in cat.notes[0]


# --- downloading ----------------------------------------------------------------------------

WMN = "https://raw.githubusercontent.com/WebBreacher/WhatsMyName/main/wmn-data.json"


def test_update_stores_data_and_licence_privately(tmp_path: Path) -> None:
    data = wmn_sample(60)
    data["sites"][5]["e_code"] = "sometimes"  # one bad entry in 60 is tolerated
    fetcher = MemoryFetcher({WMN: json.dumps(data)})
    res = update(fetcher, tmp_path)
    assert fetcher.fetched == [WMN]
    assert res.sites == 59 and len(res.problems) == 1
    assert res.path == tmp_path / SITES_SUBDIR / WMN_FILE
    assert stat.S_IMODE(res.path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / SITES_SUBDIR).stat().st_mode) == 0o700
    lic = (tmp_path / SITES_SUBDIR / LICENSE_FILE).read_text("utf-8")
    assert "CC BY-SA 4.0" in lic and WMN in lic and "Copyright (C) Example" in lic
    assert len(load_catalog(tmp_path).sites) == len(builtin_sites()) + 59


@pytest.mark.parametrize(("answer", "fragment"), [
    (json.dumps(wmn_sample(10)), "only 10 of 10 site definitions are valid"),
    ("{cut", "not valid JSON"),
    ((503, "down"), "HTTP 503"),
    (FetchError(WMN, "timeout"), "download failed (timeout)"),
])
def test_update_refuses_bad_downloads_and_keeps_the_old_file(tmp_path: Path, answer: Any, fragment: str) -> None:
    update(MemoryFetcher({WMN: json.dumps(wmn_sample(60))}), tmp_path)
    with pytest.raises(SitesError) as e:
        update(MemoryFetcher({WMN: answer}), tmp_path)
    assert fragment in str(e.value)
    assert len(load_sites_file(downloaded_file(tmp_path)).sites) == 60


# --- self-test ------------------------------------------------------------------------------


def selftest_sites(base: str) -> list[Any]:
    return [parse_site(s, "t", "test") for s in [
        site("Honest", f"{base}/trail/{{account}}"),
        site("Liar", f"{base}/liar/{{account}}"),
        site("Stale", f"{base}/stale/{{account}}"),
        site("Limited", f"{base}/limited/{{account}}"),
        site("Poster", f"{base}/api/username-check", post_body='{"username":"{account}"}',
             headers={"Content-Type": "application/json"}, e_string='"taken":true',
             m_code=200, m_string='"taken":false', known=["alpha", "beta"]),
    ]]


def test_selftest_disables_lying_and_stale_rules_and_keeps_honest_ones(tmp_path: Path) -> None:
    with Loopback(fallback=platforms) as srv:
        report = selftest(selftest_sites(srv.base), LoopbackFetcher(), random.Random(7))
        requested = list(srv.requests)
    verdicts = {r.site: r.verdict for r in report.results}
    assert verdicts == {"Honest": "ok", "Liar": "disable", "Stale": "disable",
                        "Limited": "inconclusive", "Poster": "ok"}
    liar = next(r for r in report.results if r.site == "Liar")
    assert "2 of 2 random usernames exist" in liar.reason
    honest = next(r for r in report.results if r.site == "Honest")
    assert [c.expected for c in honest.checks] == ["exists", "exists", "missing", "missing"]
    # the POST rule was sent as a POST with its JSON body (known accounts, then random ones)
    posted = [p for p in requested if p.startswith("POST /api/username-check ")]
    assert posted[:2] == ['POST /api/username-check {"username":"alpha"}',
                          'POST /api/username-check {"username":"beta"}'] and len(posted) == 4
    # reproducible random names
    again = selftest(selftest_sites("http://127.0.0.1:9"), MemoryFetcher(), random.Random(7))
    assert [c.account for c in again.results[0].checks] == [c.account for c in honest.checks]

    # the disabled list: failing sites added, passing ones re-enabled, others untouched
    current = {"honest": {"name": "Honest", "reason": "old", "on": "2020-01-01"},
               "limited": {"name": "Limited", "reason": "old", "on": "2020-01-01"}}
    new = report.apply(current)
    assert set(new) == {"liar", "stale", "limited"}
    path = save_disabled(tmp_path, new)
    assert path == tmp_path / SITES_SUBDIR / DISABLED_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_disabled(tmp_path)["liar"]["reason"] == liar.reason


def test_plan_honours_the_disabled_list(tmp_path: Path) -> None:
    data = tmp_path / "data"
    save_disabled(data, {"github": {"name": "GitHub", "reason": "claims 2 of 2 random usernames exist",
                                    "on": "2026-11-20"}})
    prof = make_profile(tmp_path, 'sites = ["Strava", "GitHub"]')
    probe = make_probe(prof, MemoryFetcher(), offline=True, data_dir=data)
    assert not any("github.com" in q.text for q in probe.plan())
    reasons = {s.source: s.reason for s in probe.skipped_in_plan()}
    assert reasons["GitHub (account site)"] == (
        "not checked: disabled by the self-test on 2026-11-20: claims 2 of 2 random usernames exist")


def test_damaged_disabled_list_disables_nothing(tmp_path: Path) -> None:
    (tmp_path / SITES_SUBDIR).mkdir()
    (tmp_path / SITES_SUBDIR / DISABLED_FILE).write_text("[1,", encoding="utf-8")
    assert load_disabled(tmp_path) == {}


def test_random_usernames() -> None:
    rng = random.Random(1)
    names = [random_username(rng) for _ in range(50)]
    assert len(set(names)) == 50
    assert all(len(n) == 12 and n[0].isalpha() and n.isalnum() and n.islower() for n in names)


# --- the `sites` commands -------------------------------------------------------------------


def test_cli_list_update_selftest(tmp_path: Path, footprint_home: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    res = runner.invoke(cli_sites.sites_app, ["list"], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "Strava" in res.output and "LinkedIn" in res.output

    fetcher = MemoryFetcher({WMN: json.dumps(wmn_sample(60))})
    monkeypatch.setattr(cli_sites, "_live_fetcher", lambda: fetcher)
    res = runner.invoke(cli_sites.sites_app, ["update"], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "Stored 60 site rules" in res.output and "CC BY-SA 4.0" in res.output
    assert (footprint_home / SITES_SUBDIR / LICENSE_FILE).is_file()

    with Loopback(fallback=platforms) as srv:
        f = tmp_path / "mine.json"
        f.write_text(json.dumps({"sites": [site("Honest", f"{srv.base}/trail/{{account}}"),
                                           site("Liar", f"{srv.base}/liar/{{account}}")]}), "utf-8")
        monkeypatch.setattr(cli_sites, "_live_fetcher", LoopbackFetcher)
        res = runner.invoke(cli_sites.sites_app, ["selftest", "--sites-file", str(f), "--site", "Honest",
                                                  "--site", "liar", "--seed", "3"],
                            env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "1 ok, 1 disabled" in res.output
    assert set(load_disabled(footprint_home)) == {"liar"}
    res = runner.invoke(cli_sites.sites_app, ["selftest", "--site", "NoSuch"])
    assert res.exit_code != 0
