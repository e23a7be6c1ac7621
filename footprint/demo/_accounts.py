"""Demo generator: account pages on real platforms (Strava, Instagram, Venmo, GitHub) for
fictitious people, plus the "no such account" answers, each carrying the platform's e_string or
m_string from the demo contract so the accounts probe meets the markers it knows."""

from __future__ import annotations

from ._common import Truth, Web, document, esc

STRAVA = "https://www.strava.com/athletes/{}"
INSTAGRAM = "https://www.instagram.com/{}/"
VENMO = "https://account.venmo.com/u/{}"
GITHUB = "https://github.com/{}"

# usernames of the profile checked on every platform: only some of these accounts exist
PROFILE_USERNAMES = ("ewhitfield68", "danwhitfield_bikes")


def build(web: Web) -> None:
    _strava(web)
    _instagram(web)
    _venmo(web)
    _github(web)
    _absent(web)
    _site_misses(web)


def _strava(web: Web) -> None:
    url = STRAVA.format("danwhitfield_bikes")
    acts = [
        ("Morning loop from home", "Oct 25, 2026", "24.1 km", "312 m", "1:02:48"),
        ("Recovery spin after nights", "Oct 22, 2026", "18.6 km", "95 m", "0:51:10"),
        ("Spring Lake with the family", "Sep 19, 2026", "22.9 km", "186 m", "1:48:02"),
        ("Coffee ride w/ S.", "Sep 13, 2026", "12.4 km", "70 m", "0:44:31"),
        ("Valley Gravel Grinder", "Jun 1, 2026", "83.7 km", "1,204 m", "4:38:55"),
    ]
    rows = "".join(
        f'<li class="activity"><h3 class="activity-name">{esc(n)}</h3><time>{d}</time>'
        f"<ul class=\"stats\"><li>{km}</li><li>{el}</li><li>{t}</li></ul></li>"
        for n, d, km, el, t in acts)
    body = (
        '<header class="global-nav"><a class="branding" href="https://www.strava.com/">Strava</a>'
        '<nav><a href="#">Features</a><a href="#">Maps</a><a href="#">Subscription</a>'
        '<a class="btn-signup" href="#">Sign Up</a><a href="#">Log In</a></nav></header>'
        '<main class="athlete-profile" data-athlete-id="48213377">'
        '<div class="profile-heading"><div class="avatar avatar-athlete">DW</div>'
        '<h1 class="athlete-name">Dan Whitfield</h1>'
        '<div class="location">Santa Rosa, California</div>'
        '<p class="description">Night-shift nurse, day-shift cyclist. Mostly Sonoma County '
        "back roads.</p></div>"
        '<section class="athlete-stats"><h2>This year</h2><ul><li><strong>4,812 km</strong> '
        "distance</li><li><strong>212</strong> rides</li><li><strong>38,940 m</strong> "
        "elevation</li></ul></section>"
        f'<section class="recent-activities"><h2>Recent Activities</h2><ul>{rows}</ul></section>'
        '<section class="clubs"><h2>Clubs</h2><ul><li>Santa Rosa Cycling Club</li>'
        "<li>Nurses on Wheels</li></ul></section></main>"
        '<footer class="global-footer"><a href="#">About</a> <a href="#">Careers</a> '
        '<a href="#">Privacy Policy</a> <a href="#">Terms</a> &copy; 2026 Strava</footer>'
    )
    css = ("body{font-family:Boathouse,'Segoe UI',Arial,sans-serif;margin:0;color:#242428}"
           ".global-nav{display:flex;justify-content:space-between;padding:12px 24px;"
           "border-bottom:1px solid #eee}.branding{color:#fc5200;font-weight:800;font-size:24px}"
           ".global-nav nav a{margin-left:12px}.athlete-profile{max-width:900px;margin:auto;"
           "padding:20px}.avatar{width:80px;height:80px;border-radius:50%;background:#fc5200;"
           "color:#fff;font-size:30px;line-height:80px;text-align:center}.location{color:#6d6d78}"
           ".activity{border-bottom:1px solid #eee;padding:10px 0;list-style:none}"
           ".stats li{display:inline;margin-right:16px;color:#6d6d78}.global-footer{padding:20px;"
           "font-size:12px;color:#999}")
    web.page(url, document("Dan Whitfield | Cyclist in Santa Rosa, California | Strava", body,
                           css=css, head='<meta property="og:type" content="profile">\n'),
             server="nginx", headers=(("Cache-Control", "max-age=0, private, must-revalidate"),))
    web.add(Truth("spouse", "account", url, "medium", "usernames[0]",
                  "public Strava profile: city and rides that start from home"))


def _instagram(web: Web) -> None:
    url = INSTAGRAM.format("dwhitfield.outdoors")
    posts = [
        ("Sunday spin out to Spring Lake with my two favourite riders. Somebody was very proud "
         "of her new bike. #sonomacounty #familyride #bikelife", "Sep 21"),
        ("Science fair night at Brookside Middle School! So proud of Sophie \u2014 second "
         "place in 7th grade for her sand-filter project \U0001F3C6\U0001F52C #proudDad", "May 22"),
        ("22 years with this one. Happy anniversary, Eleanor \u2764\ufe0f", "Apr 30"),
        ("Night shift done. Coffee, then bed. \u2615 #nurselife #cardiacnurse", "Apr 12"),
        ("New gravel tyres, same old legs. #gravel #sonomagravel", "Mar 3"),
    ]
    tiles = "".join(
        f'<article class="post"><div class="tile" style="background:hsl({(i * 67) % 360},45%,55%)">'
        f'</div><p class="caption">{esc(c)}</p><time>{d}</time></article>'
        for i, (c, d) in enumerate(posts))
    head = (
        '<meta property="og:type" content="profile">\n'
        '<meta property="og:title" content="Dan Whitfield (@dwhitfield.outdoors) \u2022 '
        'Instagram photos and videos">\n'
        '<meta property="og:url" content="https://www.instagram.com/dwhitfield.outdoors/">\n'
        '<meta name="description" content="412 Followers, 380 Following, 96 Posts - See '
        'Instagram photos and videos from Dan Whitfield (@dwhitfield.outdoors)">\n'
    )
    body = (
        '<div id="splash-screen" hidden></div><main role="main"><header class="profile">'
        '<div class="pic">DW</div><section><h2 class="username">dwhitfield.outdoors</h2>'
        "<ul class=\"counts\"><li><b>96</b> posts</li><li><b>412</b> followers</li><li><b>380"
        "</b> following</li></ul>"
        '<h1 class="full-name">Dan Whitfield</h1>'
        '<div class="bio">\U0001F6B4 Santa Rosa, CA \u00b7 cardiac nurse \u00b7 dad \u00b7 two '
        'wheels whenever possible<br><a href="https://danrides.example.com/">'
        "danrides.example.com</a></div></section></header>"
        f'<div class="grid">{tiles}</div></main>'
        '<footer><nav><a href="#">Meta</a> <a href="#">About</a> <a href="#">Blog</a> '
        '<a href="#">Jobs</a> <a href="#">Help</a> <a href="#">Privacy</a> <a href="#">Terms'
        "</a></nav><span>\u00a9 2026 Instagram from Meta</span></footer>"
    )
    css = ("body{font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;margin:0}"
           ".profile{display:flex;gap:40px;max-width:930px;margin:30px auto}.pic{width:150px;"
           "height:150px;border-radius:50%;background:linear-gradient(45deg,#f58529,#dd2a7b,"
           "#8134af);color:#fff;font-size:48px;line-height:150px;text-align:center}"
           ".counts li{display:inline;margin-right:28px}.grid{max-width:930px;margin:auto;"
           "display:grid;grid-template-columns:repeat(3,1fr);gap:4px}.tile{aspect-ratio:1}"
           ".caption{font-size:13px}footer{text-align:center;font-size:12px;color:#8e8e8e;"
           "padding:30px}")
    web.page(url, document("Dan Whitfield (@dwhitfield.outdoors) \u2022 Instagram photos and "
                           "videos", body, css=css, head=head),
             server="proxygen-bolt", headers=(("Cache-Control", "private, no-cache, no-store"),))
    web.add(
        Truth("spouse", "account", url, "medium", None,
              "public Instagram account linked from his blog (handle not in the profile)"),
        Truth("child", "school", url, "critical", "school",
              "post caption names her school and grade"),
        Truth("child", "relative", url, "high", "name",
              "the spouse's account names her as his daughter"),
        Truth("spouse", "relative", url, "medium", "name",
              "his account names the judge as his wife"),
    )


VENMO_CSS = (
    "body{font-family:'Athletics',Arial,sans-serif;margin:0;background:#f5f7fa;color:#2f3033}"
    ".topbar{background:#008cff;color:#fff;padding:12px 24px;font-weight:700;font-size:22px}"
    ".profileInfo{max-width:640px;margin:24px auto;background:#fff;border-radius:12px;"
    "padding:20px;text-align:center}.avatar{width:96px;height:96px;border-radius:50%;"
    "background:#cfe8ff;margin:auto;line-height:96px;font-size:34px}.handle{color:#6b6e76}"
    ".feed{max-width:640px;margin:auto}.story{background:#fff;border-radius:10px;padding:12px 16px;"
    "margin:8px 0}.note{color:#2f3033}.when{font-size:12px;color:#8a8d93}"
)


def _venmo_page(name: str, handle: str, since: str, feed: list[tuple[str, str, str]]) -> str:
    stories = "".join(
        f'<div class="story"><p><b>{esc(a)}</b> {esc(verb)}</p><p class="note">{esc(note)}</p>'
        '<p class="when">Public</p></div>' for a, verb, note in feed)
    initials = "".join(w[0] for w in name.split()[:2])
    body = (
        '<div class="topbar">venmo</div>'
        f'<section class="profileInfo" data-testid="profileInfo"><div class="avatar">{initials}'
        f'</div><h1>{esc(name)}</h1><p class="handle">@{esc(handle)}</p>'
        f"<p>Joined {esc(since)}</p><a class=\"pay\" href=\"#\">Pay or Request</a></section>"
        f'<section class="feed"><h2>Transactions</h2>{stories}</section>'
    )
    return document(f"Venmo | {name}", body, css=VENMO_CSS)


def _venmo(web: Web) -> None:
    url = VENMO.format("ewhitfield68")
    web.page(url, _venmo_page("Eleanor Whitfield", "ewhitfield68", "March 2017", [
        ("Eleanor Whitfield", "paid Dan Whitfield", "\U0001F355 pizza night"),
        ("Margaret Marsh", "paid Eleanor Whitfield", "\U0001F337 garden center, thank you!"),
        ("Eleanor Whitfield", "paid Lucas Whitfield", "\u26fd gas money, drive safe"),
        ("Eleanor Whitfield", "paid Priya Raman", "\U0001F3BE court fees (the tennis kind)"),
        ("Jen Takahashi", "paid Eleanor Whitfield", "\U0001F36A bake sale table"),
    ]), server="envoy")
    web.add(
        Truth("judge", "account", url, "medium", "usernames[0]",
              "public Venmo profile with a public transaction feed"),
        Truth("spouse", "relative", url, "medium", "name",
              "the judge's public payments name him"),
        Truth("mother", "relative", url, "medium", "name",
              "the judge's public payments name her"),
    )

    # the adult son did not consent: his account is in the archive, and must never be reported
    url = VENMO.format("lucasw96")
    web.page(url, _venmo_page("Lucas Whitfield", "lucasw96", "August 2015", [
        ("Lucas Whitfield", "paid Jordan Okafor", "\U0001F35C ramen"),
        ("Eleanor Whitfield", "paid Lucas Whitfield", "\u26fd gas money, drive safe"),
        ("Lucas Whitfield", "paid Bay Climbing Co-op", "\U0001F9D7 October dues"),
        ("Sam Iwu", "paid Lucas Whitfield", "\U0001F3DF\ufe0f Warriors tickets"),
    ]), server="envoy")
    web.non_consenting_urls.append(url)
    web.add(Truth("judge", "mention", url, "info", "name",
                  "named in someone else's public payment feed"))


def _github(web: Web) -> None:
    # the judge's username is taken on GitHub by an unrelated developer in Toronto
    url = GITHUB.format("ewhitfield68")
    body = (
        '<header class="Header"><a class="Header-link" href="https://github.com/">GitHub</a>'
        '<nav><a href="#">Product</a> <a href="#">Solutions</a> <a href="#">Open Source</a> '
        '<a href="#">Pricing</a></nav><a href="#">Sign in</a> <a href="#">Sign up</a></header>'
        '<main class="container-xl"><div class="vcard h-card" itemscope '
        'itemtype="http://schema.org/Person"><div class="avatar-user">EW</div>'
        '<h1 class="vcard-names"><span class="p-name vcard-fullname d-block" itemprop="name">'
        'Evan Whitfield</span><span class="p-nickname vcard-username d-block" '
        'itemprop="additionalName">ewhitfield68</span></h1>'
        '<div class="p-note user-profile-bio">Backend developer. Rust, Go, distributed '
        "systems. Opinions are my cat's.</div>"
        '<ul class="vcard-details"><li class="vcard-detail" itemprop="homeLocation">'
        '<span class="p-label">Toronto, Ontario</span></li><li class="vcard-detail">'
        '<a href="https://evanw.example.net">evanw.example.net</a></li></ul></div>'
        '<div class="pinned"><h2>Pinned</h2><ul><li><b>raftlite</b> &mdash; A small Raft '
        "implementation for learning. <i>Rust</i> &#9733; 214</li><li><b>pgqueue-go</b> &mdash; "
        "Postgres-backed job queue. <i>Go</i> &#9733; 88</li><li><b>dotfiles</b></li></ul></div>"
        '<div class="contrib">1,083 contributions in the last year</div></main>'
        '<footer class="footer">&copy; 2026 GitHub, Inc. <a href="#">Terms</a> '
        '<a href="#">Privacy</a> <a href="#">Security</a> <a href="#">Status</a></footer>'
    )
    css = ("body{font-family:-apple-system,'Segoe UI','Noto Sans',Helvetica,Arial,sans-serif;"
           "margin:0;color:#1f2328}.Header{background:#24292f;color:#fff;padding:14px 24px;"
           "display:flex;gap:16px}.Header a{color:#fff}.container-xl{max-width:1012px;margin:auto;"
           "padding:24px;display:flex;gap:24px}.avatar-user{width:260px;height:260px;"
           "border-radius:50%;background:#ddf4ff;font-size:80px;line-height:260px;"
           "text-align:center}.vcard-fullname{font-size:26px;font-weight:600}.vcard-username{"
           "font-size:20px;color:#656d76}.footer{font-size:12px;color:#656d76;padding:24px}")
    web.page(url, document("ewhitfield68 (Evan Whitfield) \u00b7 GitHub", body, css=css),
             server="github.com")
    web.namesake_urls.append(url)


NOT_FOUND = {
    "strava": (STRAVA, "Page Not Found | Strava",
               "<h1>Page Not Found</h1><p>Looks like you've hit a dead end. The page you're "
               "looking for may have moved or no longer exists.</p>"),
    "instagram": (INSTAGRAM, "Page Not Found \u2022 Instagram",
                  "<h2>Page Not Found</h2><p>Sorry, this page isn't available. The link you "
                  "followed may be broken, or the page may have been removed. "
                  '<a href="https://www.instagram.com/">Go back to Instagram.</a></p>'),
    "venmo": (VENMO, "Venmo",
              "<h1>Sorry, the page you requested does not exist</h1><p>Check the username and "
              "try again.</p>"),
    "github": (GITHUB, "Page not found \u00b7 GitHub",
               "<h1>404</h1><p>Not Found</p><p>This is not the web page you are looking for."
               "</p>"),
}
EXISTING = {("strava", "danwhitfield_bikes"), ("venmo", "ewhitfield68"),
            ("github", "ewhitfield68")}


def _absent(web: Web) -> None:
    """The platforms' own 404 pages for the profile's usernames that have no account there."""
    for site, (pattern, title, inner) in NOT_FOUND.items():
        for user in PROFILE_USERNAMES:
            if (site, user) in EXISTING:
                continue
            web.page(pattern.format(user), document(title, inner), status=404)


# Every username the accounts probe checks in the demo: the profile's, and the handle the
# spouse's blog links to (a discovered handle is tried on every platform).
CHECKED_USERNAMES = (*PROFILE_USERNAMES, "dwhitfield.outdoors")


def _site_misses(web: Web) -> None:
    """What the other built-in platforms answered when the archive was made: "no such account".
    Platforms whose missing answer is a 404 need nothing (an absent URL is a 404); the rest
    answer with their own status and missing text, as a live check would see them."""
    from footprint.demo._common import Resource
    from footprint.sites import builtin_sites

    have = {r.url for r in web.resources}
    for site in builtin_sites():
        if site.m_code == 404 or site.protection or not site.valid:
            continue
        for user in CHECKED_USERNAMES:
            url = site.check_url(user)
            if url in have:
                continue
            text = site.m_string or "Not found"
            if text.lstrip().startswith(("{", "[", '"')):
                js = text if text.lstrip()[0] in "{[" else "{" + text + "}"
                body, ctype = js.encode(), "application/json; charset=utf-8"
            else:
                body = document(site.name, f"<main><p>{text}</p></main>").encode()
                ctype = "text/html; charset=utf-8"
            web.resources.append(Resource(url, body, ctype, site.m_code, (("Server", "nginx"),)))
            have.add(url)
