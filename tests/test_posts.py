"""`footprint posts`: reading the judge's accounts (recorded API answers, and the same answers
served live on 127.0.0.1 through the real HTTP client), the web archive's deleted posts, the
rules against the truth file, masking, and bad input."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from footprint import posts
from footprint.cli import main
from footprint.demo import ensure_posts_generated
from footprint.errors import ProfileError, UsageError
from footprint.posts import wayback
from footprint.posts.rules import POST_RULES, Lexicons, Rule, sentences
from footprint.profile import NetworkSettings, load_profile
from footprint.web.archive import WebArchive
from tests.faultserver import Status, ViaServer, archive_source, page, serve_faults


@pytest.fixture
def fault_server():
    yield from serve_faults()


@pytest.fixture(scope="module")
def demo() -> Path:
    return ensure_posts_generated()


@pytest.fixture
def archive(demo: Path, tmp_path: Path):
    a = WebArchive.open(demo / "posts.warc.gz", tmp_path / "cache")
    yield a
    a.close()


def _truth(demo: Path) -> dict[str, list[str]]:
    return json.loads((demo / "posts-truth.json").read_text("utf-8"))["posts"]


def test_rules_reach_the_truth_on_the_demo_judge(demo: Path, archive) -> None:
    truth = _truth(demo)
    assert len(truth) >= 60
    result = posts.run(load_profile(demo / "posts-profile.toml"), archive.fetcher(), Lexicons.load())
    got = {rp.post.url: {h.rule.value for h in rp.hits} for rp in result.posts}
    assert set(got) == set(truth)  # every post read, live or from the archive
    tp = sum(len(set(rs) & got[u]) for u, rs in truth.items())
    fp = sum(len(got[u] - set(rs)) for u, rs in truth.items())
    fn = sum(len(set(rs) - got[u]) for u, rs in truth.items())
    assert tp / (tp + fp) >= 0.9 and tp / (tp + fn) >= 0.9
    for rule in POST_RULES:  # each rule is exercised by the corpus
        assert any(rule.value in rs for rs in truth.values())
    # every flag carries the sentence that triggered it, a sentence of the post
    for rp in result.posts:
        for h in rp.hits:
            assert h.sentence in rp.post.text or h.source == "geotag"


def test_a_deleted_post_found_only_in_the_archive_is_reported_as_deleted(demo: Path, archive) -> None:
    result = posts.run(load_profile(demo / "posts-profile.toml"), archive.fetcher(), Lexicons.load())
    deleted = [rp for rp in result.posts if rp.post.source == "archive"]
    assert len(deleted) == 3 and all(rp.post.deleted is True for rp in deleted)
    assert all(rp.post.archived_url.startswith("https://web.archive.org/web/") for rp in deleted)
    mastodon = next(a for a in result.accounts if a.account.platform == "mastodon")
    assert mastodon.archive is not None and mastodon.archive.page_copies == 3
    # the archived copy of a post that is still read live is not counted twice
    assert sum(1 for rp in result.posts if rp.post.url.endswith("/113500000000000003")) == 1
    fb = next(a for a in result.accounts if a.account.platform == "facebook")
    assert not fb.checked and "not checked" in fb.reason


def test_live_path_through_the_http_client_blocked_platform_and_broken_archive_are_not_checked(
        demo: Path, archive, fault_server) -> None:
    cdx_bsky = wayback.cdx_url("bsky.app/profile/alenamrazkova.bsky.social")
    target = cdx_bsky.removeprefix("https://web.archive.org")
    srv = fault_server({f"web.archive.org{target}": page("<html><body>Wayback Machine is "
                                                          "down</body></html>")},
                       {"www.reddit.com": Status(429, retry_after="1")},
                       source=archive_source(archive.fetcher()))
    http = srv.fetcher(NetworkSettings(retries=0), sleep=lambda s: None)
    prof = load_profile(demo / "posts-profile.toml")
    result = posts.run(prof, ViaServer(srv, http), Lexicons.load())
    by = {a.account.platform: a for a in result.accounts}
    assert by["mastodon"].checked and by["mastodon"].posts == 25
    assert by["bluesky"].checked and by["bluesky"].archive is None
    assert "not JSON" in by["bluesky"].archive_reason
    assert not by["reddit"].checked and "rate-limited" in by["reddit"].reason
    assert not any(rp.post.platform == "reddit" for rp in result.posts)  # not "clean": not read
    agents = {v for r in srv.requests() for k, v in r.headers.items() if k.lower() == "user-agent"}
    assert agents and all(a.startswith("footprint/") for a in agents)


def test_cli_writes_a_private_masked_section(demo: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FOOTPRINT_HOME", str(tmp_path / "home"))
    out = tmp_path / "out"
    rc = main(["posts", str(demo / "posts-profile.toml"), "--web-archive",
               str(demo / "posts.warc.gz"), "--out", str(out)])
    assert rc == 0
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o700
    for name in ("posts.json", "posts.html"):
        assert stat.S_IMODE(os.stat(out / name).st_mode) == 0o600
        text = (out / name).read_text("utf-8")
        for secret in ("Kaštanov", "Tereza", "Techfinance", "amrazkova", "Mrázková",
                       "alena-cte", "brno_reader_71", "620 00"):
            assert secret not in text, (name, secret)
    v = json.loads((out / "posts.json").read_text("utf-8"))
    assert v["private"].startswith("PRIVATE") and v["summary"]["deleted_posts"] == 3
    assert v["summary"]["posts_reviewed"] == 69 and v["reviewed"]
    # the private section is never stored with the audits
    assert not (tmp_path / "home" / "footprint.sqlite3").exists()


def _profile(tmp_path: Path, accounts: str, purpose: str = "self-audit") -> Path:
    p = tmp_path / "p.toml"
    p.write_text(f'''[consent]
authorized_by = "Jane Doe"
authorized_on = 2026-01-01
purpose = "{purpose}"
statement = "I authorize a review of my own public posts."
[subject]
id = "judge"
name = "Jane Doe"
{accounts}
[probes]
enabled = ["web"]
''', "utf-8")
    return p


@pytest.mark.parametrize("account, key, expect", [
    ('platform = "myspace"\nhandle = "zq9user"', "subject.accounts[0].platform", "expected one of"),
    ('platform = "mastodon"\nhandle = "https://mastodon.social/@zq9user"', "subject.accounts[0]",
     "a handle, not an address"),
    ('platform = "bluesky"\nhandle = "bsky.app/profile/zq9user.bsky.social"', "subject.accounts[0]",
     "a handle, not an address"),
    ('platform = "mastodon"\nhandle = "zq9user"', "subject.accounts[0]", "@name@instance"),
    ('platform = "blog"\nhandle = "zq9user"', "subject.accounts[0]", "url"),
])
def test_bad_accounts_give_one_line_naming_the_key(tmp_path: Path, account: str, key: str,
                                                   expect: str, capsys) -> None:
    p = _profile(tmp_path, "[[subject.accounts]]\n" + account)
    with pytest.raises(ProfileError) as e:
        load_profile(p)
    msg = str(e.value)
    assert key in msg and expect in msg and "\n" not in msg
    assert "zq9user" not in msg  # never the value typed
    assert main(["posts", str(p)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_posts_refuses_a_court_security_audit_and_a_profile_without_accounts(tmp_path: Path) -> None:
    acc = '[[subject.accounts]]\nplatform = "reddit"\nhandle = "jdoe"'
    assert main(["posts", str(_profile(tmp_path, acc, "court-security"))]) == 2
    assert main(["posts", str(_profile(tmp_path, ""))]) == 2


def test_a_court_extends_the_lexicons_and_a_bad_pattern_is_one_line(tmp_path: Path) -> None:
    extra = tmp_path / "rules"
    extra.mkdir()
    (extra / "sq.toml").write_text('language = "sq"\n[political_endorsement]\nany = [\'\\bvotoni per\\b\']\n', "utf-8")
    lex = Lexicons.load(extra)
    assert "sq" in lex.languages()
    assert lex.check("Votoni per partine tone!", POST_RULES) == [(Rule.POLITICAL_ENDORSEMENT, "lexicon")]
    (extra / "sq.toml").write_text('[case_comment]\nany = ["(unclosed"]\n', "utf-8")
    with pytest.raises(UsageError, match=r"sq.toml: case_comment.any\[0\]: not a valid regular"):
        Lexicons.load(extra)
    (extra / "sq.toml").write_text('[gossip]\nany = ["x"]\n', "utf-8")
    with pytest.raises(UsageError, match="unknown rule"):
        Lexicons.load(extra)


@pytest.mark.parametrize("text, expected", [
    ("Děkuji JUDr. Kovářovi za večeři. Druhá věta!", ["Děkuji JUDr. Kovářovi za večeři.", "Druhá věta!"]),
    ("Od pondělí do 20. února jsme pryč. Tak.", ["Od pondělí do 20. února jsme pryč.", "Tak."]),
    ("Title\nBody one. Body two.", ["Title", "Body one.", "Body two."]),
])
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize("sentence, rule", [
    ("Please vote for Maria Delgado on Tuesday.", Rule.POLITICAL_ENDORSEMENT),
    ("Voted today. Whatever your views, please vote.", None),
    ("My phone case cracked again, any recommendations?", None),
    ("The party last night was fantastic.", None),
    ("Use my code JUDGE10 for a discount at the bakery.", Rule.COMMERCIAL_ENDORSEMENT),
    ("The appeals court got the Harlow decision completely wrong.", Rule.CASE_COMMENT),
    ("Counsel for the defendant messaged me, let's talk privately.", Rule.EX_PARTE_CONTACT),
    ("We're away until Sunday.", Rule.LOCATES_FAMILY),
    ("Volte Stranu zelených!", Rule.POLITICAL_ENDORSEMENT),
    ("Dnes jsem volila, volit je důležité, ať si vyberete kohokoli.", None),
    ("Rozsudek v té kauze je ostuda.", Rule.CASE_COMMENT),
    ("Votați cu Partidul Viitorului!", Rule.POLITICAL_ENDORSEMENT),
    ("O zi lungă la tribunal, dar nu pot spune nimic despre ședință.", None),
    ("Casa rămâne goală până luni.", Rule.LOCATES_FAMILY),
])
def test_lexicon_table(sentence: str, rule: Rule | None) -> None:
    hits = [r for r, _ in Lexicons.load().check(sentence, POST_RULES)]
    assert hits == ([rule] if rule else [])


def test_shipped_posts_demo_is_what_the_generator_writes(demo: Path, tmp_path: Path) -> None:
    from footprint.demo import _posts

    _posts.generate(tmp_path)
    for name in ("posts-profile.toml", "posts-truth.json", "posts.warc.gz"):
        assert (tmp_path / name).read_bytes() == (demo / name).read_bytes(), name
