"""The accounts probe: site rules decide exists / missing / not checked over a loopback server and
an in-memory archive, plans cover consenting people only, found pages go to the analyzer, and
linked handles are followed within bounds."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests

from footprint.analyze import PageResult
from footprint.errors import FetchError, ProbeError, ProfileError
from footprint.model import Category, Exposure, Hit, Lead, Skipped
from footprint.profile import Profile, load_profile
from footprint.sites import EXISTS, MISSING, NOT_CHECKED, check_account, decide, parse_site
from footprint.web.base import Response, send
from probes.accounts import AccountsProbe
from probes.base import ProbeContext

# --- a loopback web server ------------------------------------------------------------------

Route = tuple[int, dict[str, str], str]


class Loopback:
    """A threaded HTTP server on 127.0.0.1 answering from `routes` (path → status, headers,
    body) or from `fallback(path)`; everything else is 404."""

    def __init__(self, routes: dict[str, Route] | None = None,
                 fallback: Callable[[str], Route | None] | None = None) -> None:
        self.routes = routes or {}
        self.fallback = fallback
        self.requests: list[str] = []
        self.headers: list[dict[str, str]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server API)
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n).decode("utf-8") if n else ""
                outer.headers.append({k.lower(): v for k, v in self.headers.items()})
                self._answer(f"POST {self.path} {body}")

            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                outer.headers.append({k.lower(): v for k, v in self.headers.items()})
                self._answer(self.path)

            def _answer(self, path: str) -> None:
                """`path` is the request path, or "POST <path> <body>" for a POST."""
                outer.requests.append(path)
                ans = outer.routes.get(path) or (outer.fallback(path) if outer.fallback else None)
                status, headers, body = ans or (404, {"Content-Type": "text/plain"}, "Not Found")
                data = body.encode("utf-8")
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)

    def __enter__(self) -> Loopback:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


class LoopbackFetcher:
    """A Fetcher over requests for loopback tests: follows redirects, fills requested_url, turns
    transport errors into FetchError as the real fetcher does."""

    def __init__(self) -> None:
        self.session = requests.Session()
        self.fetched: list[str] = []

    def fetch(self, url: str) -> Response:
        self.fetched.append(url)
        try:
            r = self.session.get(url, timeout=10)
        except requests.RequestException as e:
            raise FetchError(url, f"connection failed ({type(e).__name__})") from None
        return Response(r.url, r.status_code, tuple((k.lower(), v) for k, v in r.headers.items()),
                        r.content, requested_url=url)

    def send(self, request: Any) -> Response:
        self.fetched.append(f"{request.method} {request.url}")
        try:
            r = self.session.request(request.method, request.url, data=request.body,
                                     headers=dict(request.headers), timeout=10,
                                     allow_redirects=request.follow_redirects)
        except requests.RequestException as e:
            raise FetchError(request.url, f"connection failed ({type(e).__name__})") from None
        return Response(r.url, r.status_code, tuple((k.lower(), v) for k, v in r.headers.items()),
                        r.content, requested_url=request.url)

    def close(self) -> None:
        self.session.close()


class MemoryFetcher:
    """An archive-like fetcher: URL → (status, body) or an exception; a URL it does not hold is
    answered 404 "Not Found", as the web archive answers."""

    def __init__(self, pages: dict[str, Any] | None = None) -> None:
        self.pages = pages or {}
        self.fetched: list[str] = []

    def fetch(self, url: str) -> Response:
        self.fetched.append(url)
        page = self.pages.get(url)
        if isinstance(page, BaseException):
            raise page
        if page is None:
            return Response(url, 404, (("content-type", "text/plain"),), b"Not Found",
                            requested_url=url, from_cache=True)
        status, body = page if isinstance(page, tuple) else (200, page)
        return Response(url, status, (("content-type", "text/html; charset=utf-8"),),
                        body.encode("utf-8"), requested_url=url, from_cache=True)

    def close(self) -> None:
        pass


HTML = {"Content-Type": "text/html; charset=utf-8"}


def html(body: str, title: str = "page") -> str:
    return f"<!doctype html><html><head><title>{title}</title></head><body>{body}</body></html>"


# --- analyzers ------------------------------------------------------------------------------


class NullAnalyzer:
    """Finds nothing on any page."""

    def analyze(self, hit: Hit, response: Response) -> PageResult:
        return PageResult()


class ScriptedAnalyzer:
    """Answers per URL with a prepared PageResult (exposures, handle leads)."""

    def __init__(self, results: dict[str, PageResult]) -> None:
        self.results = results
        self.seen: list[str] = []

    def analyze(self, hit: Hit, response: Response) -> PageResult:
        self.seen.append(response.url)
        return self.results.get(response.url, PageResult())


# --- the profile ----------------------------------------------------------------------------

PROFILE = """
[consent]
authorized_by = "Hon. Eleanor Ruth Whitfield"
authorized_on = 2026-11-20
purpose = "training"
statement = "Training audit of a fictitious judge and family."

[subject]
id = "judge"
name = "Eleanor Ruth Whitfield"
city = "Santa Rosa"
region = "CA"
usernames = ["ewhitfield68"]

[[relatives]]
id = "spouse"
relation = "spouse"
name = "Daniel James Whitfield"
consent = true
usernames = ["danwhitfield_bikes"]

[[relatives]]
id = "son"
relation = "child"
name = "Lucas Whitfield"
consent = false
usernames = ["lucasw96"]

[probes]
enabled = ["accounts"]
"""


def make_profile(tmp_path: Path, options: str = "", catalog: dict[str, Any] | None = None) -> Profile:
    text = PROFILE
    if catalog is not None:
        (tmp_path / "sites.json").write_text(json.dumps(catalog), encoding="utf-8")
    if options:
        text += "\n[probes.accounts]\n" + options + "\n"
    p = tmp_path / "profile.toml"
    p.write_text(text, encoding="utf-8")
    return load_profile(p)


def make_probe(profile: Profile, fetcher: Any, analyzer: Any = None, *, offline: bool = False,
               data_dir: Path | None = None) -> AccountsProbe:
    ctx = ProbeContext(profile=profile, fetcher=fetcher, search=None, analyzer=analyzer or NullAnalyzer(),  # type: ignore[arg-type]
                       options=profile.probes.options("accounts"), offline=offline, data_dir=data_dir)
    return AccountsProbe(ctx)


def site(name: str, uri: str, *, e_code: int = 200, e_string: str = "member-profile",
         m_code: int = 404, m_string: str = "No such member", **extra: Any) -> dict[str, Any]:
    return {"name": name, "uri_check": uri, "e_code": e_code, "e_string": e_string,
            "m_code": m_code, "m_string": m_string, "known": ["alpha", "beta"], "cat": "social",
            "valid": True, **extra}



# --- loopback platforms ---------------------------------------------------------------------

EXISTING = {"ewhitfield68", "alpha", "beta"}
LOGIN_FORM = html('<form action="/login"><input name="user"><input type="password" name="pw"></form>',
                  "Sign in")


def platforms(path: str) -> Route | None:
    """Loopback stand-ins for real platforms' behaviours."""
    if path.startswith("POST "):
        # An availability API in the shape of WhatsMyName's POST rules: JSON in, JSON out.
        _, target, body = path.split(" ", 2)
        if target == "/api/username-check":
            try:
                user = json.loads(body)["username"]
            except (ValueError, KeyError, TypeError):
                return 400, {"Content-Type": "application/json"}, '{"error":"bad request"}'
            taken = "true" if user in EXISTING else "false"
            return 200, {"Content-Type": "application/json"}, f'{{"taken":{taken}}}'
        return None
    parts = path.split("?")[0].strip("/").split("/")
    kind, user = parts[0], parts[-1]
    if kind == "trail":
        if user in EXISTING:
            return 200, HTML, html(f'<div class="member-profile">{user}</div>')
        return 404, HTML, html("No such member")
    if kind == "soft":  # a "soft 404": missing accounts answer 200 with a message
        if user in {"danwhitfield_bikes", "alpha", "beta"}:
            return 200, HTML, html('<div class="soft-profile">rides</div>')
        return 200, HTML, html("Sorry, no user by that name")
    if kind == "walled":
        return 302, {"Location": f"/login?next=/walled/{user}"}, ""
    if kind == "login":
        return 200, HTML, LOGIN_FORM
    if kind == "pwform":
        return 200, HTML, LOGIN_FORM
    if kind == "cloudy":
        return 403, HTML, html('<div id="cf-error-details">checking</div>', "Just a moment...")
    if kind == "limited":
        return 429, {"Content-Type": "text/plain", "Retry-After": "60"}, "Too Many Requests"
    if kind == "oops":
        return 500, HTML, html("Internal error")
    if kind == "partial":  # neither rule matches: the site changed its pages
        return 200, HTML, html("<div>welcome to the new site</div>")
    if kind == "jump":  # an existing user's page redirects to their numeric id (osu! does)
        if user in EXISTING:
            return 302, {"Location": "/users/7"}, ""
        return 404, HTML, html("No such member")
    if kind == "moved":
        return 301, {"Location": "/home"}, ""
    if kind == "home":
        return 200, HTML, html('<div class="member-profile-list">home</div>')
    if kind == "liar":  # claims every username exists
        return 200, HTML, html(f'<div class="member-profile">{user}</div>')
    if kind == "stale":  # says every username is missing
        return 404, HTML, html("No such member")
    return None


def loop_catalog(base: str) -> dict[str, Any]:
    return {"sites": [
        site("Trailbook", f"{base}/trail/{{account}}"),
        site("Softbook", f"{base}/soft/{{account}}", e_string="soft-profile", m_code=200,
             m_string="no user by that name"),
        site("Walled", f"{base}/walled/{{account}}"),
        site("PwForm", f"{base}/pwform/{{account}}"),
        site("Cloudy", f"{base}/cloudy/{{account}}"),
        site("Limited", f"{base}/limited/{{account}}"),
        site("Oops", f"{base}/oops/{{account}}"),
        site("Partial", f"{base}/partial/{{account}}"),
        site("Moved", f"{base}/moved/{{account}}", m_code=301, m_string="Moved"),
        site("Protected", f"{base}/trail/p/{{account}}", protection=["cloudflare"]),
        site("Broken", f"{base}/trail/b/{{account}}", valid=False),
        site("Jumper", f"{base}/jump/{{account}}", e_code=302, e_string="", m_code=404),
        site("WalledJump", f"{base}/walled/{{account}}", e_code=302, e_string=""),
        site("Poster", f"{base}/api/username-check", post_body='{"username":"{account}"}',
             headers={"Content-Type": "application/json"}, e_string='"taken":true',
             m_code=200, m_string='"taken":false', uri_pretty=f"{base}/people/{{account}}"),
    ]}


LOOP_SITES = ["Trailbook", "Softbook", "Walled", "PwForm", "Cloudy", "Limited", "Oops", "Partial",
              "Moved", "Protected", "Broken", "Poster"]


@pytest.fixture
def loop() -> Iterable[Loopback]:
    with Loopback(fallback=platforms) as srv:
        yield srv


DECISIONS = [
    # (site, username, state, reason fragment)
    ("Trailbook", "ewhitfield68", EXISTS, "e_code and e_string"),
    ("Trailbook", "nobody12345", MISSING, "m_code and m_string"),         # missing via m_code 404
    ("Softbook", "danwhitfield_bikes", EXISTS, "e_code and e_string"),
    ("Softbook", "nobody12345", MISSING, "m_code and m_string"),          # missing via m_string
    ("Walled", "ewhitfield68", NOT_CHECKED, "login wall"),                # redirect to sign-in
    ("PwForm", "ewhitfield68", NOT_CHECKED, "login wall"),                # password form
    ("Cloudy", "ewhitfield68", NOT_CHECKED, "blocked: cloudflare"),       # challenge page
    ("Limited", "ewhitfield68", NOT_CHECKED, "HTTP 429"),                 # rate limited
    ("Oops", "ewhitfield68", NOT_CHECKED, "unexpected answer (HTTP 500)"),
    ("Partial", "ewhitfield68", NOT_CHECKED, "unexpected answer (HTTP 200)"),
    # a rule whose codes are redirects reads the redirect itself (as WhatsMyName's checker):
    # this one expects the word "Moved" in the 301 and gets an empty body
    ("Moved", "ewhitfield68", NOT_CHECKED, "unexpected answer (HTTP 301)"),
    ("Jumper", "ewhitfield68", EXISTS, "e_code matched (no e_string)"),   # 302 = exists
    ("Jumper", "nobody12345", MISSING, "m_code and m_string"),
    ("WalledJump", "ewhitfield68", NOT_CHECKED, "login wall (redirects to a sign-in page"),
    ("Poster", "ewhitfield68", EXISTS, "e_code and e_string"),            # POST with JSON body
    ("Poster", "nobody12345", MISSING, "m_code and m_string"),
]


@pytest.mark.parametrize(("name", "user", "state", "why"), DECISIONS)
def test_decisions_over_loopback(loop: Loopback, name: str, user: str, state: str, why: str) -> None:
    rules = {s["name"]: parse_site(s, "t", "test") for s in loop_catalog(loop.base)["sites"]}
    d = check_account(rules[name], user, LoopbackFetcher())
    assert d.state == state
    assert why in d.reason


def test_transport_error_is_not_checked_never_missing() -> None:
    rule = parse_site(site("Down", "https://down.example/{account}"), "t", "test")
    d = check_account(rule, "ewhitfield68",
                      MemoryFetcher({"https://down.example/ewhitfield68": FetchError("x", "timeout")}))
    assert (d.state, d.reason) == (NOT_CHECKED, "timeout")


def test_e_code_without_e_string_is_not_exists() -> None:
    """Both halves of the existence rule must match (as the reference checker)."""
    rule = parse_site(site("Half", "https://half.example/{account}"), "t", "test")
    resp = Response("https://half.example/x", 200, (), b"<html>profile of someone</html>",
                    requested_url="https://half.example/x")
    assert decide(rule, resp).state == NOT_CHECKED


def _resp(status: int, body: str, url: str = "https://s.example/u") -> Response:
    return Response(url, status, (("content-type", "text/html"),), body.encode(), requested_url=url)


ARCHIVE = [
    # (m_code, m_string, status, body, offline, state)
    (404, "Page Not Found", 404, "Not Found", True, MISSING),       # rule's m_code is 404
    (200, "Not Found", 404, "Not Found", True, MISSING),            # body matches m_string
    (200, "no user by that name", 404, "Not Found", True, NOT_CHECKED),  # archive cannot tell
    (404, "Page Not Found", 404, "Not Found", False, NOT_CHECKED),  # live: m_string must match
    (404, "Page Not Found", 404, "<h1>Page Not Found</h1>", False, MISSING),
    (200, "no user by that name", 200, "no user by that name", True, MISSING),
]


@pytest.mark.parametrize(("m_code", "m_string", "status", "body", "offline", "state"), ARCHIVE)
def test_archive_404_is_missing_only_when_the_rule_says_so(
    m_code: int, m_string: str, status: int, body: str, offline: bool, state: str
) -> None:
    rule = parse_site(site("S", "https://s.example/{account}", m_code=m_code, m_string=m_string),
                      "t", "test")
    d = decide(rule, _resp(status, body), offline=offline)
    assert d.state == state
    if state == MISSING and offline and status == 404 and m_string not in body:
        assert d.reason == "missing (not in archive)"


# --- planning -------------------------------------------------------------------------------


def test_plan_covers_consenting_people_and_reports_left_out_sites(tmp_path: Path, loop: Loopback) -> None:
    prof = make_profile(tmp_path, 'sites_file = "sites.json"\nsites = ' + json.dumps(LOOP_SITES),
                        loop_catalog(loop.base))
    probe = make_probe(prof, LoopbackFetcher())
    plan = probe.plan()
    assert {q.person for q in plan} == {"judge", "spouse"}  # never the son (no consent)
    assert not any("lucasw96" in q.text for q in plan)
    assert all(q.kind == "url" and q.probe == "accounts" for q in plan)
    assert {q.identifier for q in plan} == {"usernames[0]"}
    assert len(plan) == 2 * 10  # 12 sites minus protected and invalid
    assert not any(f"/trail/{x}/" in q.text for q in plan for x in ("p", "b"))
    # the POST rule is planned as its request: method, URL, body and headers
    posts = [q.text for q in plan if q.text.startswith("POST\n")]
    assert posts == [f'POST\n{loop.base}/api/username-check\n{{"username":"ewhitfield68"}}\n'
                     'content-type: application/json\n',
                     f'POST\n{loop.base}/api/username-check\n{{"username":"danwhitfield_bikes"}}'
                     '\ncontent-type: application/json\n']
    skipped = {s.source: s.reason for s in probe.skipped_in_plan()}
    assert skipped["Protected (account site)"].startswith("not checked: protected (cloudflare)")
    assert "invalid" in skipped["Broken (account site)"]
    assert "Poster (account site)" not in skipped
    # reported once per site, not once per person
    assert sum("Protected" in s.source for s in probe.skipped_in_plan()) == 1
    assert plan == probe.plan()  # deterministic


def test_include_protected_and_bound(tmp_path: Path, loop: Loopback) -> None:
    prof = make_profile(tmp_path, 'sites_file = "sites.json"\ninclude_protected = true\n'
                        'max_checks_per_person = 3\nsites = ' + json.dumps(LOOP_SITES),
                        loop_catalog(loop.base))
    probe = make_probe(prof, LoopbackFetcher())
    plan = probe.plan()
    assert [q.person for q in plan].count("judge") == 3
    assert [q.person for q in plan].count("spouse") == 3
    over = [s for s in probe.skipped_in_plan() if "max_checks_per_person" in s.reason]
    assert {s.person for s in over} == {"judge", "spouse"}
    assert "8 site checks over" in over[0].reason  # 11 sites once protection is allowed


@pytest.mark.parametrize(("options", "fragment"), [
    # checked when the profile is loaded (probes/options.py) …
    ("max_depth = -1", "max_depth (line 33): out of range: expected a number ≥ 0"),
    ("include_protected = 1", "include_protected (line 33): expected true or false"),
    ("sites = \"Strava\"", "sites (line 33): expected a list"),
    ("colour = \"red\"", "colour (line 33): unknown key"),
    # … or, when it needs the site catalog, when the probe is set up (before the audit starts)
    ("sites = [\"NoSuchSite\"]", "unknown site 'NoSuchSite'"),
    ("sites_file = \"missing.json\"", "file not found"),
])
def test_bad_options_are_one_clear_error(tmp_path: Path, options: str, fragment: str) -> None:
    with pytest.raises(ProfileError, match="probes.accounts") as e:
        make_probe(make_profile(tmp_path, options), MemoryFetcher())
    assert fragment in str(e.value)


def test_no_usernames_is_reported(tmp_path: Path) -> None:
    p = tmp_path / "profile.toml"
    p.write_text(PROFILE.replace('usernames = ["ewhitfield68"]', "")
                 .replace('usernames = ["danwhitfield_bikes"]', ""), encoding="utf-8")
    probe = make_probe(load_profile(p), MemoryFetcher())
    assert probe.plan() == []
    assert [s.reason for s in probe.skipped_in_plan()] == [
        "no usernames in the profile: no platform was checked"]


# --- examining: the engine's loop, in small -------------------------------------------------


def drive(probe: AccountsProbe, fetcher: Any, rounds: int = 2) -> tuple[list[Exposure], list[Skipped]]:
    """What the engine does with a probe: plan, run, fetch, examine, follow leads."""
    hits = [h for q in probe.plan() for h in probe.run(q)]
    exposures: list[Exposure] = []
    skipped: list[Skipped] = []
    seen: set[tuple[str, str, str]] = set()
    for n in range(rounds + 1):
        leads: list[Lead] = []
        for h in hits:
            try:
                resp = send(fetcher, h.request())
            except FetchError as e:
                skipped.append(Skipped(h.url, e.reason, h.probe, h.person))
                continue
            r = probe.examine(h, resp)
            exposures += r.exposures
            skipped += r.skipped
            leads += r.leads
        new = [x for x in leads if (x.kind, x.person, x.value) not in seen]
        seen.update((x.kind, x.person, x.value) for x in new)
        if not new or n == rounds:
            break
        hits = []
        for lead in new:
            try:
                hits += list(probe.follow(lead))
            except ProbeError as e:
                skipped.append(Skipped(lead.found_on, e.reason, probe.name, lead.person))
    return exposures, skipped


def test_examine_over_loopback(tmp_path: Path, loop: Loopback) -> None:
    prof = make_profile(tmp_path, 'sites_file = "sites.json"\nsites = ' + json.dumps(LOOP_SITES),
                        loop_catalog(loop.base))
    exps, skipped = drive(make_probe(prof, LoopbackFetcher()), LoopbackFetcher())
    accounts = {(e.person, e.attr("site")): e for e in exps if e.category == Category.ACCOUNT}
    assert set(accounts) == {("judge", "Trailbook"), ("judge", "Poster"), ("spouse", "Softbook")}
    # the POST rule's account is shown at its profile address, not at the API it was asked
    assert accounts[("judge", "Poster")].url == f"{loop.base}/people/ewhitfield68"
    judge = accounts[("judge", "Trailbook")]
    assert judge.value == judge.url == f"{loop.base}/trail/ewhitfield68"
    assert judge.identifier == "usernames[0]" and judge.probe == "accounts"
    # the fake analyzer does not judge the page to be about the judge: a username alone stays a
    # possible match (a namesake may hold the same handle)
    assert judge.rules == ("listed-username", "username-only") and judge.confidence == pytest.approx(0.45)
    assert judge.attr("personal") is None  # the analyzer found nothing personal
    reasons = {s.source.split("/")[3]: s.reason for s in skipped}
    # every answer that is not a clear rule match is "not checked", with its reason
    for kind in ("walled", "pwform", "cloudy", "limited", "oops", "partial", "moved"):
        assert reasons[kind].startswith("not checked: "), kind
    assert "429" in reasons["limited"] and "login wall" in reasons["walled"]
    # a missing account (Trailbook for the spouse, Softbook for the judge) is neither found nor
    # listed as not checked
    assert not any(s.source.endswith("/trail/danwhitfield_bikes") for s in skipped)
    assert not any(s.source.endswith("/soft/ewhitfield68") for s in skipped)


# --- contract sites in archive mode, analyzer results and followed handles -----------------

STRAVA_DAN = "https://www.strava.com/athletes/danwhitfield_bikes"
GITHUB_JUDGE = "https://github.com/ewhitfield68"
INSTA_DAN = "https://www.instagram.com/dwhitfield.outdoors/"
CONTRACT = 'sites = ["Strava", "Instagram", "Venmo", "GitHub"]'


def archive_pages() -> dict[str, Any]:
    return {
        STRAVA_DAN: html('<div class="athlete-profile">Dan W. — Santa Rosa, CA. Rides with the '
                         'family every Sunday.</div>'),
        GITHUB_JUDGE: html('<span class="p-nickname">ewhitfield68</span>'),
        INSTA_DAN: html('<meta property="og:type" content="profile" />trail photos'),
        "https://www.instagram.com/ewhitfield68/": (429, "Too Many Requests"),
    }


def test_contract_sites_in_archive_mode_with_analyzer_findings(tmp_path: Path) -> None:
    home = Exposure(person="spouse", category=Category.HOME_ADDRESS, url=STRAVA_DAN,
                    value="Santa Rosa, CA", confidence=0.8, identifier="home", probe="accounts")
    analyzer = ScriptedAnalyzer({STRAVA_DAN: PageResult(exposures=(home,), about=("spouse",))})
    fetcher = MemoryFetcher(archive_pages())
    probe = make_probe(make_profile(tmp_path, CONTRACT), fetcher, analyzer, offline=True)
    exps, skipped = drive(probe, fetcher)
    accounts = {e.url: e for e in exps if e.category == Category.ACCOUNT}
    assert set(accounts) == {STRAVA_DAN, GITHUB_JUDGE}
    strava = accounts[STRAVA_DAN]
    assert strava.attr("personal") == "1" and strava.attr("site") == "Strava"
    assert "page-about-person" in strava.rules and strava.confidence == pytest.approx(0.9)
    assert home in exps  # the analyzer's own finding on the account page, with its category
    assert accounts[GITHUB_JUDGE].attr("personal") is None
    assert set(analyzer.seen) == {GITHUB_JUDGE, STRAVA_DAN}  # only found accounts are analyzed
    # absent from the archive: Strava/Instagram/GitHub/Venmo rules all use m_code 404 → missing,
    # so the only "not checked" is the 429
    assert [s.source for s in skipped] == ["https://www.instagram.com/ewhitfield68/"]
    assert "HTTP 429" in skipped[0].reason


def test_follows_a_handle_linked_from_a_relatives_page(tmp_path: Path) -> None:
    blog = "https://dan-rides.example/about"
    lead = Lead(person="spouse", kind="handle", value="dwhitfield.outdoors", found_on=blog,
                platform="instagram")
    deeper = Lead(person="spouse", kind="handle", value="dw.second", found_on=INSTA_DAN,
                  platform="instagram")
    analyzer = ScriptedAnalyzer({
        STRAVA_DAN: PageResult(leads=(lead,), about=("spouse",)),
        INSTA_DAN: PageResult(leads=(deeper,)),
    })
    fetcher = MemoryFetcher(archive_pages())
    probe = make_probe(make_profile(tmp_path, CONTRACT), fetcher, analyzer, offline=True)
    exps, skipped = drive(probe, fetcher)
    found = [e for e in exps if e.url == INSTA_DAN]
    assert len(found) == 1
    e = found[0]
    assert e.person == "spouse" and e.identifier is None
    assert e.rules == ("discovered-handle",) and e.confidence == pytest.approx(0.75)
    # only the linked platform was checked for the handle
    assert [u for u in fetcher.fetched if "dwhitfield.outdoors" in u] == [INSTA_DAN]
    # a handle found on the discovered account is depth 2: not followed, and said so
    assert not any("dw.second" in u for u in fetcher.fetched)
    assert any("max_depth = 1" in s.reason for s in skipped)


def test_follow_bounds_and_refusals(tmp_path: Path) -> None:
    prof = make_profile(tmp_path, CONTRACT + "\nmax_discovered_handles = 1")
    probe = make_probe(prof, MemoryFetcher(), offline=True)
    page = "https://dan-rides.example/about"
    # no platform: checked on every enabled site
    hits = list(probe.follow(Lead("spouse", "handle", "@dwhitfield.outdoors", page)))
    assert {h.get("site") for h in hits} == {"Strava", "Instagram", "Venmo", "GitHub"}
    assert all(h.get("platform_match") == "0" and h.get("discovered") == "1" for h in hits)
    # the same handle again: nothing new; a second handle: over the bound, reported
    assert list(probe.follow(Lead("spouse", "handle", "dwhitfield.outdoors", page))) == []
    with pytest.raises(ProbeError, match="max_discovered_handles"):
        list(probe.follow(Lead("spouse", "handle", "other.handle", page)))
    # never for someone outside the consenting people, never a listed username, never images
    assert list(probe.follow(Lead("son", "handle", "lucasw96", page))) == []
    assert list(probe.follow(Lead("judge", "handle", "ewhitfield68", page))) == []
    assert list(probe.follow(Lead("judge", "image", "https://x.example/a.jpg", page))) == []
    assert list(probe.follow(Lead("judge", "handle", "bad handle/..", page))) == []


def test_platform_left_out_of_the_plan_is_not_checked_elsewhere(tmp_path: Path) -> None:
    prof = make_profile(tmp_path, 'sites = ["Strava", "GitHub", "LinkedIn"]')
    probe = make_probe(prof, MemoryFetcher(), offline=True)
    # LinkedIn is protected (login wall): the link's platform is known, so the handle is not
    # sprayed over unrelated sites; LinkedIn itself is already listed as not checked.
    assert list(probe.follow(Lead("judge", "handle", "eleanor-whitfield", "https://x.example/",
                                  platform="linkedin.com"))) == []
    assert any(s.source == "LinkedIn (account site)" for s in probe.skipped_in_plan())


def test_with_the_real_analyzer(tmp_path: Path) -> None:
    """The shared analyzer reads a relative's account page: its findings join the account, and
    the Instagram link on it is followed as a discovered handle."""
    pytest.importorskip("footprint.analyze.page")
    from footprint.analyze import Analyzer

    prof = make_profile(tmp_path, CONTRACT)
    pages = archive_pages()
    pages[STRAVA_DAN] = html(
        '<div class="athlete-profile"><h1>Daniel Whitfield</h1><p>Santa Rosa, California</p>'
        '<p>Nurse manager. Husband of Eleanor Whitfield.</p>'
        '<a href="https://www.instagram.com/dwhitfield.outdoors/">Instagram</a></div>',
        "Daniel Whitfield | Cyclist Profile | Strava")
    fetcher = MemoryFetcher(pages)
    probe = make_probe(prof, fetcher, Analyzer(prof), offline=True)
    exps, _ = drive(probe, fetcher)
    strava = next(e for e in exps if e.url == STRAVA_DAN and e.category == Category.ACCOUNT)
    assert strava.person == "spouse" and strava.identifier == "usernames[0]"
    others = [e for e in exps if e.url == STRAVA_DAN and e.category != Category.ACCOUNT]
    if any(e.category != Category.MENTION for e in others):
        assert strava.attr("personal") == "1"
    insta = [e for e in exps if e.url == INSTA_DAN and e.category == Category.ACCOUNT]
    assert len(insta) == 1
    assert insta[0].person == "spouse" and insta[0].identifier is None
    assert "discovered-handle" in insta[0].rules


# --- with the project's own transports ------------------------------------------------------


def test_over_a_warc_archive(tmp_path: Path) -> None:
    """The real archive fetcher: recorded pages, a recorded redirect to a login wall, and URLs
    the archive does not hold."""
    warcutil = pytest.importorskip("tests.warcutil")
    from footprint.web.archive import WebArchive

    hdr = (("Content-Type", "text/html; charset=utf-8"),)
    path = warcutil.write_warc(tmp_path / "demo.warc.gz", [
        (STRAVA_DAN, 200, hdr, html('<div class="athlete-profile">Dan</div>')),
        (GITHUB_JUDGE, 200, hdr, html('<span class="p-nickname">ewhitfield68</span>')),
        ("https://www.instagram.com/ewhitfield68/", 302,
         (("Location", "https://www.instagram.com/accounts/login/?next=%2Fewhitfield68%2F"),), b""),
        ("https://www.instagram.com/accounts/login/?next=%2Fewhitfield68%2F", 200, hdr, LOGIN_FORM),
    ])
    with WebArchive.open(path, tmp_path / "cache") as archive:
        fetcher = archive.fetcher()
        probe = make_probe(make_profile(tmp_path, CONTRACT), fetcher, offline=True)
        exps, skipped = drive(probe, fetcher)
    assert {e.url for e in exps} == {STRAVA_DAN, GITHUB_JUDGE}
    assert [(s.source, s.reason.split(" (")[0]) for s in skipped] == [
        ("https://www.instagram.com/ewhitfield68/", "not checked: login wall")]


@pytest.mark.parametrize(("path", "state", "why"), [
    ("/trail/ewhitfield68", EXISTS, "e_code and e_string"),
    ("/trail/nobody12345", MISSING, "m_code and m_string"),
    ("/walled/ewhitfield68", NOT_CHECKED, "login wall"),
    ("/limited/ewhitfield68", NOT_CHECKED, "429"),
    ("/cloudy/ewhitfield68", NOT_CHECKED, "cloudflare"),
])
def test_with_the_live_http_fetcher(loop: Loopback, path: str, state: str, why: str) -> None:
    http = pytest.importorskip("footprint.web.http")
    from footprint.profile import NetworkSettings

    fetcher = http.HttpFetcher(NetworkSettings(retries=0), cache_path=None, contact=None,
                               allow_hosts=["127.0.0.1"], sleep=lambda s: None)
    kind, user = path.strip("/").split("/")
    rule = parse_site(site("S", f"{loop.base}/{kind}/{{account}}"), "t", "test")
    try:
        d = check_account(rule, user, fetcher)
    finally:
        fetcher.close()
    assert d.state == state
    assert why in d.reason


def test_through_the_engine(tmp_path: Path, footprint_home: Path) -> None:
    """The whole engine: planned checks, a linked handle followed, findings and coverage."""
    from footprint.engine import Auditor, WebAccess
    from footprint.store import open_store

    blog_lead = Lead(person="spouse", kind="handle", value="dwhitfield.outdoors",
                     found_on=STRAVA_DAN, platform="instagram.com")
    analyzer = ScriptedAnalyzer({STRAVA_DAN: PageResult(leads=(blog_lead,), about=("spouse",))})
    fetcher = MemoryFetcher(archive_pages())
    prof = make_profile(tmp_path, CONTRACT)
    # an archive digest makes the engine run the probe in archive mode
    web = WebAccess(fetcher=fetcher, search=None, archive_name="t", archive_digest="d")  # type: ignore[arg-type]
    with open_store(footprint_home) as store:
        res = Auditor(prof, web, store, data_dir=footprint_home,
                      probe_classes={"accounts": AccountsProbe}, analyzer=analyzer).run()  # type: ignore[arg-type]
    found = {(f.person, f.url): f for f in res.findings}
    assert set(found) == {("spouse", STRAVA_DAN), ("judge", GITHUB_JUDGE), ("spouse", INSTA_DAN)}
    assert all(f.category == Category.ACCOUNT for f in res.findings)
    assert found[("spouse", INSTA_DAN)].identifier is None
    assert found[("spouse", INSTA_DAN)].rules == ("discovered-handle",)
    assert found[("judge", GITHUB_JUDGE)].identifier == "usernames[0]"
    assert not any("lucasw96" in f.url for f in res.findings)
    assert any(s.source == "https://www.instagram.com/ewhitfield68/" and "429" in s.reason
               for s in res.skipped)
    assert res.queries == 8  # 2 consenting people × 4 sites × 1 username
