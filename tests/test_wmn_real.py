"""The accounts probe reads the real WhatsMyName list as it is: an excerpt of real entries
(tests/fixtures/whatsmyname, CC BY-SA 4.0) with POST rules, rules sharing one check URL, empty
`e_string`s, browser-only rules and the renamed adult category, loaded and decided offline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from footprint import cli_sites
from footprint.model import Category
from footprint.sites import (
    EXISTS,
    MISSING,
    NOT_CHECKED,
    is_adult_category,
    load_catalog,
    load_sites_file,
    parse_sites,
    select,
)
from footprint.web.base import Request, Response
from tests.test_accounts import drive, make_probe

EXCERPT = Path(__file__).parent / "fixtures" / "whatsmyname" / "wmn-excerpt.json"
RAW = json.loads(EXCERPT.read_text("utf-8"))
NSFW = "xx NSFW xx"
WP_API = "https://public-api.wordpress.com/rest/v1.1/sites/{}.wordpress.com"


def by_name(name: str) -> Any:
    return next(s for s in load_sites_file(EXCERPT).sites if s.name == name)


# --- every entry as it is ------------------------------------------------------------------


def test_every_entry_of_the_real_list_is_accepted() -> None:
    loaded = load_sites_file(EXCERPT, origin="WhatsMyName")
    assert loaded.problems == ()
    assert [s.name for s in loaded.sites] == [s["name"] for s in RAW["sites"]]
    assert loaded.categories == tuple(RAW["categories"])
    assert loaded.license[0] == "Copyright (C) 2015-2026 Micah Hoffman"
    # strict loading (as for footprint's own catalog) accepts them all too
    assert len(parse_sites(RAW, "excerpt", origin="x", strict=True).sites) == len(RAW["sites"])


@pytest.mark.parametrize("raw", [s for s in RAW["sites"] if "post_body" in s],
                         ids=lambda s: s["name"])
def test_post_rules_are_sent_as_posts_with_their_body_and_headers(raw: dict[str, Any]) -> None:
    rule = by_name(raw["name"])
    req = rule.request("ewhitfield68")
    assert req.method == "POST"
    assert req.url == raw["uri_check"].replace("{account}", "ewhitfield68")
    assert req.body == raw["post_body"].replace("{account}", "ewhitfield68").encode()
    sent = {k.lower(): v for k, v in req.headers}
    assert sent == {k.lower(): v for k, v in raw["headers"].items()}
    if "json" in sent.get("content-type", ""):
        json.loads(req.body)  # still valid JSON with the account in it


def test_post_body_escapes_the_account_for_its_content_type() -> None:
    anilist = by_name("AniList")  # JSON: a quote in the account must not end the string
    body = json.loads(anilist.request('o"brien').body)
    assert body["query"] == 'query{User(name:"o"brien"){id name}}'
    colours = by_name("COLOURlovers")  # a form
    assert colours.request("a b&c").body == b"userName=a%20b%26c"


def test_uri_without_account_and_pretty_without_account() -> None:
    discord = by_name("Discord (User)")  # the account is only in the body
    assert discord.check_url("x") == discord.uri_check == \
        "https://discord.com/api/v9/unique-username/username-attempt-unauthed"
    two = by_name("twoplustwo")  # its "profile" is a search page
    assert two.pretty_url("x") == "https://forumserver.twoplustwo.com/search.php"


def _resp(url: str, status: int, body: str, location: str | None = None) -> Response:
    headers: tuple[tuple[str, str], ...] = (("content-type", "application/json"),)
    if location:
        headers += (("location", location),)
    return Response(url, status, headers, body.encode(), requested_url=url)


def test_empty_e_string_rules_read_their_redirect() -> None:
    osu = by_name("osu!")
    assert osu.e_string == "" and osu.e_code == 302
    req = osu.request("spiken8")
    assert req.plain is False and req.follow_redirects is False
    from footprint.sites import decide

    url = "https://osu.ppy.sh/users/spiken8"
    assert decide(osu, _resp(url, 302, "", "https://osu.ppy.sh/users/7")).state == EXISTS
    assert decide(osu, _resp(url, 404, "<h1>User not found! ;_;</h1>")).state == MISSING
    # a challenge page on the expected code is not an account when no text is required
    challenge = Response(url, 302, (("content-type", "text/html"), ("server", "cloudflare"),
                                    ("location", "https://osu.ppy.sh/cdn-cgi/challenge")),
                         b"<title>Just a moment...</title>", requested_url=url)
    assert decide(osu, challenge).state == NOT_CHECKED


def test_browser_only_rules_count_as_protected_and_never_send_their_user_agent() -> None:
    for name in ("GitHub (User)", "VK"):
        rule = by_name(name)
        assert "user-agent" in rule.protections
        assert all(k.lower() != "user-agent" for k, _ in rule.request("x").headers)
    cat = load_catalog(None, sites_file=EXCERPT)
    left = {s.name: why for s, kind, why in select(cat).left_out if kind == "protected"}
    assert left["VK"].startswith("protected (user-agent)")
    assert "VK" in {s.name for s in select(cat, include_protected=True).checked}


# --- categories, as the list names them ----------------------------------------------------


def test_adult_categories_are_excluded_by_the_lists_own_names() -> None:
    cat = load_catalog(None, sites_file=EXCERPT)
    assert cat.adult_categories() == (NSFW,)
    sel = select(cat)
    adult = {s.name for s, _ in sel.by_choice}
    assert adult == {"BDSMLR", "EPORNER", "AdmireMe.VIP"}
    assert sel.excluded_categories == ((NSFW, 3),)
    assert not {s.name for s in sel.checked} & adult
    assert {s.name for s in select(cat, exclude_categories=[]).checked} >= {"BDSMLR", "EPORNER"}
    # the name used before 2023 is recognised too, and a user may still name one literally
    assert is_adult_category("XXXPORNXXX") and not is_adult_category("social")
    old = parse_sites({"sites": [dict(RAW["sites"][0], name="Old", cat="XXXPORNXXX")]},
                      "old", origin="old").sites
    assert select(type(cat)(old, (), ("XXXPORNXXX",))).checked == ()
    assert {s.name for s in select(cat, exclude_categories=["blog"]).checked}.isdisjoint(
        {"WordPress.com (Public)", "WordPress.org (Forums)"})


def test_the_report_says_which_categories_were_excluded(tmp_path: Path) -> None:
    from tests.test_accounts import MemoryFetcher, make_profile

    prof = make_profile(tmp_path, f'sites_file = "{EXCERPT}"')
    probe = make_probe(prof, MemoryFetcher(), offline=True)
    notes = {s.source: s.reason for s in probe.skipped_in_plan()}
    assert notes[f"account sites in category '{NSFW}'"] == (
        "not checked by choice: 3 site(s); adult sites are left out "
        "(exclude_categories under [probes.accounts])")
    assert not any("eporner" in q.text or "bdsmlr" in q.text for q in probe.plan())


# --- rules sharing one request --------------------------------------------------------------


class ApiFetcher:
    """Answers GETs and POSTs from a table (URL or "POST url body" → response)."""

    def __init__(self, answers: dict[str, tuple[int, str]]) -> None:
        self.answers = answers
        self.sent: list[str] = []

    def _answer(self, key: str, url: str) -> Response:
        self.sent.append(key)
        status, body = self.answers.get(key, (404, "Not Found"))
        return _resp(url, status, body)

    def fetch(self, url: str) -> Response:
        return self._answer(url, url)

    def send(self, request: Request) -> Response:
        if request.method == "POST":
            return self._answer(f"POST {request.url} {(request.body or b'').decode()}",
                                request.url)
        return self.fetch(request.url)

    def close(self) -> None:
        pass


WP = {
    # what public-api.wordpress.com answers (JSON) for a public, a private, a deleted and no blog
    "public": (200, '{"ID":123456,"name":"A public blog","URL":"https://x.wordpress.com"}'),
    "private": (403, '{"error":"unauthorized","message":"User cannot access this private blog."}'),
    "deleted": (403, '{"error":"unauthorized",'
                     '"message":"API calls to this endpoint have been disabled."}'),
    "none": (404, '{"error":"unknown_blog","message":"Unknown blog"}'),
}


@pytest.mark.parametrize(("blog", "found"), [
    ("public", "WordPress.com (Public)"),
    ("private", "WordPress.com (Private)"),
    ("deleted", "WordPress.com (Deleted)"),
    ("none", None),
])
def test_siblings_on_one_url_are_decided_together(tmp_path: Path, blog: str,
                                                  found: str | None) -> None:
    from tests.test_accounts import make_profile

    wp = ["WordPress.com (Deleted)", "WordPress.com (Private)", "WordPress.com (Public)"]
    prof = make_profile(tmp_path, f'sites_file = "{EXCERPT}"\nsites = {json.dumps(wp)}')
    url = WP_API.format("ewhitfield68")
    fetcher = ApiFetcher({url: WP[blog], WP_API.format("danwhitfield_bikes"): WP["none"]})
    probe = make_probe(prof, fetcher)
    judge = [q for q in probe.plan() if q.person == "judge"]
    assert [q.text for q in judge] == [url]  # one request for the three rules
    exposures, skipped = drive(probe, fetcher)
    mine = [e for e in exposures if e.person == "judge" and e.category == Category.ACCOUNT]
    assert [e.attr("site") for e in mine] == ([found] if found else [])
    assert fetcher.sent.count(url) == 1
    assert not skipped  # never "unexpected answer" from a sibling that does not match
    if found:
        assert mine[0].url == "https://ewhitfield68.wordpress.com"


def test_siblings_that_agree_give_one_account_per_profile_page(tmp_path: Path) -> None:
    from tests.test_accounts import make_profile

    both = ["WordPress.org (Forums)", "WordPress.org (Profiles)"]
    prof = make_profile(tmp_path, f'sites_file = "{EXCERPT}"\nsites = {json.dumps(both)}')
    url = "https://login.wordpress.org/wp-json/wporg/v1/username-available/ewhitfield68"
    fetcher = ApiFetcher({url: (200, '{"available":false,"error":"That username is already in use."}')})
    exposures, _ = drive(make_probe(prof, fetcher), fetcher)
    mine = sorted((e.attr("site"), e.url) for e in exposures if e.person == "judge")
    assert mine == [
        ("WordPress.org (Forums)", "https://wordpress.org/support/users/ewhitfield68/"),
        ("WordPress.org (Profiles)", "https://profiles.wordpress.org/ewhitfield68/"),
    ]
    assert fetcher.sent.count(url) == 1


def test_a_list_rule_sharing_a_builtin_rules_url_is_decided_with_it() -> None:
    cat = load_catalog(None, sites_file=EXCERPT)
    groups = {tuple(s.name for s in g) for g in select(cat).groups() if len(g) > 1}
    assert ("YouTube", "YouTube User2") in groups
    assert ("Bluesky", "Bluesky Username") in groups


def test_post_rule_runs_through_the_probe(tmp_path: Path) -> None:
    from tests.test_accounts import make_profile

    prof = make_profile(tmp_path, f'sites_file = "{EXCERPT}"\nsites = ["Discord (User)", "AniList"]')
    discord = "https://discord.com/api/v9/unique-username/username-attempt-unauthed"
    fetcher = ApiFetcher({
        f'POST {discord} {{"username":"ewhitfield68"}}': (200, '{"taken":true}'),
        f'POST {discord} {{"username":"danwhitfield_bikes"}}': (200, '{"taken":false}'),
    })
    exposures, skipped = drive(make_probe(prof, fetcher), fetcher)
    found = {(e.person, e.attr("site")) for e in exposures if e.category == Category.ACCOUNT}
    assert found == {("judge", "Discord (User)")}
    # AniList answered 404 "Not Found" for both: its missing rule (404 + "Not Found")
    assert not skipped
    assert sum(k.startswith(f"POST {discord} ") for k in fetcher.sent) == 2


# --- `footprint sites list` shows what an audit checks --------------------------------------


def test_sites_list_shows_what_an_audit_would_check(footprint_home: Path) -> None:
    res = CliRunner().invoke(cli_sites.sites_app, ["list", "--sites-file", str(EXCERPT)],
                             env={"COLUMNS": "400"})
    assert res.exit_code == 0, res.output
    out = " ".join(res.output.split())
    assert f"Category '{NSFW}' left out (3 sites): exclude_categories." in out
    assert "one request with WordPress.com (Private), WordPress.com (Public)" in out
    assert "no, by choice: adult category" in out
    assert "no (not checked): its rule is marked invalid" in out
    assert "no (not checked): protected (user-agent)" in out
    assert "POST" in out
