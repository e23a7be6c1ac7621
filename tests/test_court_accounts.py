"""`footprint court-accounts`: two fictitious courts (one compliant, one breaking six rules)
against the truth file, the officer's checklist, a rate-limited platform, and bad COURT.toml."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from footprint.cli import main
from footprint.court import MANUAL_ITEMS, check_court, load_court
from footprint.demo import ensure_court_generated
from footprint.errors import UsageError
from footprint.posts.rules import Lexicons
from footprint.profile import NetworkSettings
from footprint.web.archive import WebArchive
from tests.faultserver import Status, ViaServer, archive_source, serve_faults


@pytest.fixture
def fault_server():
    yield from serve_faults()


@pytest.fixture(scope="module")
def demo() -> Path:
    return ensure_court_generated()


@pytest.fixture
def archive(demo: Path, tmp_path: Path):
    a = WebArchive.open(demo / "court.warc.gz", tmp_path / "cache")
    yield a
    a.close()


@pytest.mark.parametrize("name", ["court-compliant.toml", "court-breaking.toml"])
def test_every_automatic_check_gives_the_right_verdict(demo: Path, archive, name: str) -> None:
    truth = json.loads((demo / "court-truth.json").read_text("utf-8"))[name]
    result = check_court(load_court(demo / name), archive.fetcher(), Lexicons.load())
    got = {f"{a.account.platform} {a.account.handle}": {v.check: v.verdict for v in a.verdicts}
           for a in result.accounts}
    assert got == truth
    fails = {(acc, c) for acc, checks in truth.items() for c, v in checks.items() if v == "fail"}
    if name == "court-breaking.toml":  # six rules broken: name, handle, picture, contact,
        rules = {c.replace("bio_", "").replace("post_", "") for _acc, c in fails}  # languages,
        assert rules == {"name", "handle", "picture", "contact", "languages", "content"}  # content
    else:
        assert not fails


def test_the_content_and_contact_failures_say_what_was_seen(demo: Path, archive) -> None:
    result = check_court(load_court(demo / "court-breaking.toml"), archive.fetcher(), Lexicons.load())
    v = {(a.account.platform, x.check): x for a in result.accounts for x in a.verdicts}
    assert "Petitions" in v["mastodon", "content"].detail
    assert "advertising" in v["mastodon", "content"].detail
    assert "phone" in v["facebook", "contact"].detail and "e-mail" in v["facebook", "contact"].detail
    assert "en" in v["bluesky", "bio_languages"].detail
    assert v["mastodon", "picture"].article == "Art. 6"


def test_report_lists_every_manual_item_with_its_article(demo: Path, tmp_path: Path,
                                                         monkeypatch) -> None:
    monkeypatch.setenv("FOOTPRINT_HOME", str(tmp_path / "home"))
    out = tmp_path / "out"
    assert main(["court-accounts", str(demo / "court-compliant.toml"), "--web-archive",
                 str(demo / "court.warc.gz"), "--out", str(out)]) == 0
    v = json.loads((out / "court-accounts.json").read_text("utf-8"))
    assert len(v["accounts"]) == 6
    for acc in v["accounts"]:
        assert [m["id"] for m in acc["manual"]] == list(MANUAL_ITEMS)
        assert all(m["article"] for m in acc["manual"])
    ids = {(m["account"], m["id"]) for m in v["manual"]}
    assert ("x judecatoriademo", "auto_reply") in ids and ("x judecatoriademo", "picture") in ids
    html = (out / "court-accounts.html").read_text("utf-8")
    assert html.count("<section>") == 6 and "Art. 13" in html


def test_a_rate_limited_platform_is_not_checkable_never_pass(demo: Path, archive, fault_server) -> None:
    srv = fault_server(None, {"public.api.bsky.app": Status(429, retry_after="1")},
                       source=archive_source(archive.fetcher()))
    http = srv.fetcher(NetworkSettings(retries=0), sleep=lambda s: None)
    result = check_court(load_court(demo / "court-compliant.toml"), ViaServer(srv, http),
                         Lexicons.load())
    bsky = next(a for a in result.accounts if a.account.platform == "bluesky")
    assert {v.verdict for v in bsky.verdicts if v.check != "handle"} == {"not checkable"}
    assert "rate-limited" in bsky.read_error
    mastodon = next(a for a in result.accounts if a.account.platform == "mastodon")
    assert {v.verdict for v in mastodon.verdicts} == {"pass"}


@pytest.mark.parametrize("edit, expect", [
    (('platform = "facebook"', 'platform = "myspace"'), "accounts[0].platform: expected one of"),
    (('handle = "judecatoriademo"', 'handle = "https://facebook.com/judecatoriademo"'),
     "accounts[0].handle: a handle, not an address"),
    (('languages = ["ro", "en"]', 'languages = ["romanian"]'), "court.languages"),
    (("handle_pattern = '^judecatoriademo$'", "handle_pattern = '(['"), "not a valid regular expression"),
    (('logo = "logo.png"', 'logo = "missing.png"'), "court.logo: file not found"),
])
def test_bad_court_file_is_one_line_exit_2(demo: Path, tmp_path: Path, edit, expect: str, capsys) -> None:
    text = (demo / "court-compliant.toml").read_text("utf-8").replace(*edit, 1)
    p = tmp_path / "COURT.toml"
    p.write_text(text, "utf-8")
    (tmp_path / "logo.png").write_bytes((demo / "logo.png").read_bytes())
    with pytest.raises(UsageError, match=expect.replace("[", r"\[").replace("(", r"\(")):
        load_court(p)
    assert main(["court-accounts", str(p)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and "facebook.com/judecatoriademo" not in err


def test_the_documented_example_court_file_loads() -> None:
    from tests.conftest import REPO

    court = load_court(REPO / "docs" / "court.example.toml")
    assert [a.platform for a in court.accounts] == ["facebook", "youtube", "mastodon", "bluesky"]
    assert court.accounts[2].handle == "judecatoriademo@mastodon.social"


def test_shipped_court_demo_is_what_the_generator_writes(demo: Path, tmp_path: Path) -> None:
    from footprint.demo import _court

    _court.generate(tmp_path)
    for name in ("court-compliant.toml", "court-breaking.toml", "court-truth.json", "logo.png",
                 "court.warc.gz"):
        assert (tmp_path / name).read_bytes() == (demo / name).read_bytes(), name
