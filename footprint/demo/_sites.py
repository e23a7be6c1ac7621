"""Demo generator: the rest of the fictitious web — court, county, school, news, blog, employer,
forum, namesakes and everyday noise — each page with the exposures it shows in the ground truth.

Every host here is reserved for examples (`*.example`, `*.example.com/.org`), and every person
is invented. Pages imitate real layouts (navigation, footers, cookie banners, ads) so that the
analyzer meets the same clutter it meets on the live web.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import _images as img
from ._common import (
    RIDE_LAT,
    RIDE_LON,
    Truth,
    Web,
    ad_slot,
    cookie_banner,
    document,
    esc,
    paragraphs,
)

COURT = "https://www.sonoma.courts.ca.example"
ASSESSOR = "https://assessor.sonomacounty.example"
SCHOOL = "https://www.brookside-middle-school.example.org"
BLOG = "https://danrides.example.com"
HOSPITAL = "https://www.redwoodvalleymc.example.org"
LEDGER = "https://www.sonomaledger.example.com"
FORUM = "https://www.oakmontneighbors.example.org"
INSTAGRAM_DAN = "https://www.instagram.com/dwhitfield.outdoors/"


@dataclass(frozen=True)
class Images:
    """URLs of the demo's images, once stored."""

    portrait: str
    house: str
    ride: str


def build(web: Web) -> Images:
    portrait = img.portrait(img.JUDGE)
    imgs = Images(
        portrait=web.image(f"{COURT}/media/judges/whitfield-official.jpg", img.jpeg(portrait, 84)),
        house=web.image(f"{ASSESSOR}/photos/153-240-017.jpg", img.jpeg(img.house(), 80)),
        ride=web.image(f"{BLOG}/wp-content/uploads/2026/09/IMG_4471.jpg",
                       img.jpeg(img.family_ride(), 80,
                                img.phone_exif(RIDE_LAT, RIDE_LON, "2026:09:19 08:42:17"))),
    )
    _court(web, imgs)
    _assessor(web, imgs)
    _school(web)
    _blog(web, imgs)
    _hospital(web)
    _ledger(web)
    _forum(web)
    _namesakes(web)
    _noise(web)
    return imgs


# --- the court ---------------------------------------------------------------------------------

COURT_CSS = (
    "body{font-family:Georgia,'Times New Roman',serif;margin:0;color:#1d2733;background:#fff}"
    ".gov-banner{background:#f0f0f0;font:12px Arial,sans-serif;padding:4px 20px}"
    ".court-head{background:#13294b;color:#fff;padding:18px 30px}.court-head h1{margin:0;"
    "font-size:24px}.court-nav{background:#c9a227;padding:8px 30px;font-family:Arial,sans-serif}"
    ".court-nav a{color:#13294b;margin-right:16px;text-decoration:none;font-weight:bold}"
    ".main{max-width:980px;margin:auto;padding:24px;display:flex;gap:28px}.bio{flex:3}"
    ".aside{flex:1;font-family:Arial,sans-serif;font-size:14px;background:#f6f3ea;padding:14px}"
    "figure{float:right;margin:0 0 12px 18px}figcaption{font-size:12px;color:#555}"
    "footer{background:#13294b;color:#cfd8e3;padding:20px 30px;font:13px Arial,sans-serif}"
    "footer a{color:#fff}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;"
    "padding:6px 10px;text-align:left}"
)


def _court_page(title: str, inner: str, aside: str = "") -> str:
    body = (
        '<div class="gov-banner">An official website of the Superior Court of California, '
        "County of Sonoma</div>"
        '<header class="court-head"><h1>Superior Court of California &middot; County of Sonoma'
        "</h1></header>"
        f'<nav class="court-nav"><a href="{COURT}/">Home</a><a href="{COURT}/judges">Judicial '
        f'Officers</a><a href="{COURT}/jury">Jury Service</a><a href="{COURT}/self-help">'
        f'Self-Help</a><a href="{COURT}/news">News</a><a href="{COURT}/pay">Pay a Fine</a></nav>'
        f'<div class="main"><div class="bio">{inner}</div>'
        f'<div class="aside">{aside or _court_aside()}</div></div>'
        "<footer><p>Hall of Justice, 600 Administration Drive, Santa Rosa, CA 95403 &middot; "
        "Clerk's Office (707) 555-0100</p><p><a href=\"#\">Accessibility</a> &middot; "
        "<a href=\"#\">Privacy</a> &middot; <a href=\"#\">Careers</a> &middot; "
        "<a href=\"#\">Court Records Requests</a></p><p>&copy; 2026 Superior Court of "
        "California, County of Sonoma</p></footer>"
    )
    return document(title, body, css=COURT_CSS)


def _court_aside() -> str:
    return (
        "<h3>Court Hours</h3><p>Clerk's offices are open Monday to Friday, 8:00 a.m. to "
        "3:00 p.m., except court holidays.</p><h3>Quick links</h3><ul><li>Tentative rulings</li>"
        "<li>Local rules</li><li>Remote appearances (Zoom)</li><li>Interpreter requests</li></ul>"
        "<p><strong>Scam alert:</strong> the court never calls to demand payment for missed "
        "jury service.</p>"
    )


JUDGES = [
    ("Hon. Patricia L. Moreno", "Presiding Judge", "Dept. 1", "Civil"),
    ("Hon. Marcus T. Okonjo", "Assistant Presiding Judge", "Dept. 5", "Criminal"),
    ("Hon. Claire Brandt-Halvorsen", "Judge", "Dept. 9", "Probate"),
    ("Hon. Eleanor R. Whitfield", "Judge", "Dept. 14", "Family Law"),
    ("Hon. Raymond Chu", "Judge", "Dept. 16", "Juvenile"),
    ("Hon. Sandra Villaseñor", "Judge", "Dept. 18", "Criminal"),
    ("Hon. Gregory Ashdown", "Commissioner", "Dept. 22", "Traffic"),
]


def _court(web: Web, imgs: Images) -> None:
    url = f"{COURT}/judges/whitfield"
    inner = (
        f'<figure><img src="{imgs.portrait}" width="240" height="300" '
        'alt="Judge Eleanor Whitfield, official portrait">'
        "<figcaption>Hon. Eleanor R. Whitfield</figcaption></figure>"
        "<h2>Hon. Eleanor R. Whitfield</h2><p><em>Judge of the Superior Court &middot; "
        "Department 14 (Family Law) &middot; Hall of Justice</em></p>"
        + paragraphs(
            "Judge Eleanor Ruth Whitfield was appointed to the Superior Court of California, "
            "County of Sonoma, in 2015 and was elected to a full term in 2018. She presides in "
            "Department 14, where she hears family law matters including dissolution, custody "
            "and domestic violence restraining orders.",
            "Before her appointment, Judge Whitfield served for twelve years as a Deputy "
            "District Attorney in Sonoma County, where she led the family violence unit, and "
            "then as a supervising attorney with Legal Aid of Sonoma County. She began her "
            "career as a research attorney at the Court of Appeal, First Appellate District.",
            "Judge Whitfield received her B.A. in politics from the University of California, "
            "Santa Cruz, and her J.D. from the University of California, Davis, School of Law. "
            "She serves on the Judicial Council's Family and Juvenile Law Advisory Committee "
            "and teaches courses on self-represented litigants for the Center for Judicial "
            "Education and Research.",
            "She is a frequent volunteer with the court's Law Day program for middle and high "
            "school students. She and her husband have three children.",
        )
        + "<h3>Courtroom information</h3><table><tr><th>Department</th><td>14</td></tr>"
        "<tr><th>Location</th><td>Hall of Justice, Room 214</td></tr><tr><th>Calendar</th>"
        "<td>Requests for Orders: Tuesdays and Thursdays, 8:30 a.m.</td></tr><tr><th>Remote "
        "appearances</th><td>Permitted for status conferences; see Local Rule 5.14</td></tr>"
        "</table>"
    )
    web.page(url, _court_page("Hon. Eleanor R. Whitfield | Superior Court of California, County "
                              "of Sonoma", inner))
    web.add(Truth("judge", "photo", url, "low", "photos[0]",
                  "official portrait on the court's own biography page", imgs.portrait))

    rows = "".join(f"<tr><td>{esc(n)}</td><td>{t}</td><td>{d}</td><td>{a}</td></tr>"
                   for n, t, d, a in JUDGES)
    url = f"{COURT}/judges"
    web.page(url, _court_page(
        "Judicial Officers | Superior Court of California, County of Sonoma",
        "<h2>Judicial Officers</h2><p>The Superior Court of Sonoma County has 24 judicial "
        "officers. Assignments change each January; the current assignment list is below.</p>"
        f"<table><tr><th>Name</th><th>Title</th><th>Department</th><th>Assignment</th></tr>{rows}"
        "</table>"))
    web.add(Truth("judge", "mention", url, "info", "court", "listed in the court's directory"))

    for slug, sitter, name, text in (
        ("okonjo", img.OTHER_JUDGE_A, "Hon. Marcus T. Okonjo",
         "Judge Okonjo was appointed in 2009 and presides over felony trials in Department 5. "
         "A former federal public defender, he chairs the court's Criminal Justice "
         "Coordinating Council and coaches the county's high school mock trial teams."),
        ("brandt-halvorsen", img.OTHER_JUDGE_B, "Hon. Claire Brandt-Halvorsen",
         "Judge Brandt-Halvorsen joined the bench in 2019 after two decades in private practice "
         "in estate planning and trust litigation. She presides over the probate and mental "
         "health calendars in Department 9."),
    ):
        pic = web.image(f"{COURT}/media/judges/{slug}-official.jpg", img.jpeg(img.portrait(sitter)))
        web.page(f"{COURT}/judges/{slug}", _court_page(
            f"{name} | Superior Court of California, County of Sonoma",
            f'<figure><img src="{pic}" width="240" height="300" alt="Official portrait of '
            f'{esc(name)}"><figcaption>{esc(name)}</figcaption></figure><h2>{esc(name)}</h2>'
            + paragraphs(text, "Courtroom information and tentative rulings are posted on the "
                         "department's calendar page each afternoon.")))

    web.page(f"{COURT}/news/jury-scam-warning", _court_page(
        "Court warns of jury duty phone scam | Superior Court of California, County of Sonoma",
        "<h2>Court warns public of jury duty phone scam</h2><p><em>October 14, 2026</em></p>"
        + paragraphs(
            "The Superior Court of Sonoma County is warning residents about callers who claim "
            "to be court officers and demand gift cards or wire transfers to cancel an arrest "
            "warrant for missed jury service.",
            "The court does not call, text or e-mail anyone to demand payment, and it never "
            "asks for gift cards. Anyone who receives such a call should hang up and report it "
            "to the Sheriff's Office non-emergency line.",
            "Presiding Judge Patricia L. Moreno said the scams target older residents in "
            "particular. \u201cIf someone asks you to pay to stay out of jail, it is not the "
            "court,\u201d she said.")))


# --- the county assessor -------------------------------------------------------------------------

ASSESSOR_CSS = (
    "body{font-family:Arial,sans-serif;margin:0;font-size:14px;color:#222}.cty{background:#2e5e4e;"
    "color:#fff;padding:14px 24px}.cty h1{margin:0;font-size:20px}.sub{background:#d7e6df;"
    "padding:6px 24px}.wrap{max-width:1000px;margin:auto;padding:20px}table.parcel{border-collapse:"
    "collapse;width:100%}table.parcel th{background:#eef3f1;width:34%;text-align:left}"
    "table.parcel td,table.parcel th{border:1px solid #c8d3ce;padding:6px}.photo{float:right;"
    "margin:0 0 10px 16px}.disclaimer{font-size:12px;color:#666;margin-top:20px}"
    "footer{background:#2e5e4e;color:#dfe;padding:14px 24px;font-size:12px}"
)


def _assessor(web: Web, imgs: Images) -> None:
    url = f"{ASSESSOR}/parcel/153-240-017-000"
    rows = [
        ("Assessor's Parcel Number (APN)", "153-240-017-000"),
        ("Situs Address", "2417 ALDERBROOK DR SANTA ROSA 95405"),
        ("Owner(s) of Record", "WHITFIELD ELEANOR R &amp; DANIEL J"),
        ("Mailing Address", "2417 ALDERBROOK DR, SANTA ROSA CA 95405"),
        ("Use Code", "0010 &mdash; Single Family Residence"),
        ("Tax Rate Area", "004-017"),
        ("Lot Size", "0.21 acres (9,148 sq ft)"),
        ("Living Area", "1,920 sq ft &middot; 4 bd / 2 ba &middot; built 1978"),
        ("Last Recorded Transfer", "Doc 2009R0418822, recorded 06/12/2009"),
        ("2026 Assessed Land", "$412,300"),
        ("2026 Assessed Improvements", "$538,900"),
        ("Homeowners' Exemption", "$7,000"),
        ("Net Assessed Value", "$944,200"),
    ]
    body = (
        '<header class="cty"><h1>County of Sonoma &middot; Assessor</h1></header>'
        '<div class="sub">Property Search &rsaquo; Parcel Detail &nbsp;|&nbsp; '
        f'<a href="{ASSESSOR}/search">New search</a> &nbsp;|&nbsp; <a href="{ASSESSOR}/maps">'
        "Parcel maps</a> &nbsp;|&nbsp; <a href=\"#\">Confidentiality of records (Gov. Code "
        "&sect; 7928.205)</a></div><div class=\"wrap\">"
        f'<img class="photo" src="{imgs.house}" width="320" height="210" '
        'alt="Parcel photo, 2417 ALDERBROOK DR">'
        "<h2>Parcel 153-240-017-000</h2>"
        '<table class="parcel">'
        + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
        + "</table>"
        '<p class="disclaimer">Assessment information is provided for convenience and is not '
        "an official tax bill. Parcel photos are taken from the public right of way. Elected "
        "officials, judges and peace officers may request that their home address be withheld "
        "from public display under the California Government Code.</p></div>"
        "<footer>County of Sonoma Assessor &middot; 585 Fiscal Drive, Santa Rosa, CA 95403 "
        "&middot; assessor@sonomacounty.example</footer>"
    )
    web.page(url, document("Parcel 153-240-017-000 | Sonoma County Assessor", body,
                           css=ASSESSOR_CSS), server="Microsoft-IIS/10.0")
    web.add(
        Truth("judge", "home_address", url, "critical", "home",
              "county parcel record: owner of record and situs address"),
        Truth("spouse", "home_address", url, "critical", "home",
              "county parcel record: co-owner of record"),
        Truth("judge", "photo", url, "high", "home", "street photo of the home on the parcel page",
              imgs.house, ("spouse",)),
        Truth("spouse", "relative", url, "medium", "name",
              "co-owner of the judge's home, named next to her"),
    )


# --- the school ----------------------------------------------------------------------------------

SCHOOL_CSS = (
    "body{font-family:Verdana,sans-serif;margin:0;background:#fffdf5;color:#333}"
    ".sh{background:#0b6e4f;color:#fff;padding:16px 26px}.sh h1{margin:0;font-size:22px}"
    ".sh small{color:#cdeee0}.snav{background:#f2c14e;padding:8px 26px}.snav a{margin-right:14px;"
    "color:#333}.news{max-width:860px;margin:auto;padding:20px}.issue{font-size:12px;color:#888}"
    "h3{color:#0b6e4f}.box{background:#eef7f2;padding:10px 14px;border-left:4px solid #0b6e4f}"
    "footer{background:#333;color:#ccc;padding:16px 26px;font-size:12px}"
)


def _school_page(title: str, inner: str) -> str:
    body = (
        '<header class="sh"><h1>Brookside Middle School</h1><small>Home of the Herons &middot; '
        "Grades 6&ndash;8 &middot; Santa Rosa, California</small></header>"
        f'<nav class="snav"><a href="{SCHOOL}/">Home</a><a href="{SCHOOL}/about">About</a>'
        f'<a href="{SCHOOL}/calendar">Calendar</a><a href="{SCHOOL}/newsletter">Heron Herald'
        f'</a><a href="{SCHOOL}/athletics">Athletics</a><a href="{SCHOOL}/pta">PTA</a></nav>'
        f'<main class="news">{inner}</main>'
        "<footer>Brookside Middle School &middot; 1450 Brookside Road, Santa Rosa, CA 95405 "
        "&middot; Office (707) 555-0110 &middot; office@brookside-middle-school.example.org"
        "<br>A school of the Rincon Valley Union School District.</footer>"
    )
    return document(title, body, css=SCHOOL_CSS)


def _school(web: Web) -> None:
    url = f"{SCHOOL}/newsletter/2026-05-science-fair"
    inner = (
        '<p class="issue">The Heron Herald &middot; Volume 14, Issue 9 &middot; May 22, 2026</p>'
        "<h2>Science Fair 2026: our winners!</h2>"
        + paragraphs(
            "What a night! More than 140 Brookside students filled the multipurpose room on "
            "Thursday with volcanoes, robots, sourdough starters and one very patient "
            "hamster. Thank you to the twenty-two community judges who spent their evening "
            "asking our scientists hard questions.",
            "Ms. Adeyemi's seventh-grade science classes had an especially strong showing this "
            "year, with three projects going on to the Sonoma County Science Fair in June.")
        + '<div class="box"><h3>Grade 7 winners</h3><ol>'
        "<li><strong>First place:</strong> Maya Ortiz &mdash; <em>Which mulch keeps soil "
        "wettest in a drought?</em></li>"
        "<li><strong>Second place:</strong> Sophie Whitfield &mdash; <em>Does a homemade sand "
        "filter make Santa Rosa Creek water safe?</em></li>"
        "<li><strong>Third place:</strong> Aarav Mehta and Leo Castillo &mdash; <em>Paper "
        "airplane wing shapes and glide distance</em></li></ol></div>"
        '<div class="box"><h3>Grade 8 winners</h3><ol><li>Noor Haddad &mdash; <em>Microplastics '
        "in Spring Lake sand</em></li><li>Ethan Brooks &mdash; <em>Can lettuce grow under LED "
        "light alone?</em></li><li>Camila Reyes &mdash; <em>Reaction time and caffeine</em></li>"
        "</ol></div>"
        + paragraphs(
            "Congratulations also to Sophie W. and Jonah Park, who will represent Brookside in "
            "the county's Young Engineers showcase at the fairgrounds on June 6. Families are "
            "welcome; admission is free.",
            "<strong>Coming up:</strong> Spring band concert (May 28), 8th-grade promotion "
            "rehearsal (June 3), last day of school (June 10, minimum day).")
    )
    web.page(url, _school_page("Science Fair 2026: our winners! | Brookside Middle School",
                               inner))
    web.add(Truth("child", "school", url, "critical", "school",
                  "school newsletter names her, her grade and her school"))

    url = f"{SCHOOL}/newsletter/2026-10-fall-update"
    web.page(url, _school_page("Fall update | Brookside Middle School", (
        '<p class="issue">The Heron Herald &middot; Volume 15, Issue 2 &middot; October 9, '
        "2026</p><h2>Fall update from Principal Okafor</h2>"
        + paragraphs(
            "Dear Brookside families, we are six weeks into the school year and the campus is "
            "buzzing. Thank you for your patience with the new drop-off loop on Brookside Road; "
            "the morning line now clears in under twelve minutes.",
            "Picture retakes are on October 21. Cross-country finals are at Howarth Park on "
            "October 25; our girls' team is currently second in the league.",
            "Please remember that we do not post students' full names or photos online without "
            "a signed media release. If your family's preference has changed, contact the "
            "office.",
            "With gratitude, Dr. Grace Okafor, Principal"))))
    web.page(f"{SCHOOL}/newsletter", _school_page("The Heron Herald | Brookside Middle School", (
        "<h2>The Heron Herald</h2><p>Our school newsletter is published every other Friday.</p>"
        f'<ul><li><a href="{SCHOOL}/newsletter/2026-10-fall-update">October 9, 2026 &mdash; '
        f'Fall update</a></li><li><a href="{SCHOOL}/newsletter/2026-05-science-fair">May 22, 2026 '
        "&mdash; Science Fair 2026: our winners!</a></li><li>May 8, 2026 &mdash; Testing week "
        "tips</li><li>April 24, 2026 &mdash; Spring break reading challenge</li></ul>")))


# --- the spouse's blog ---------------------------------------------------------------------------

BLOG_CSS = (
    "body{font-family:'Georgia',serif;margin:0;background:#f9f7f2;color:#2b2b2b}"
    ".masthead{padding:30px 0;text-align:center;border-bottom:1px solid #ddd}"
    ".masthead h1{margin:0;font-size:34px}.masthead p{color:#777;margin:4px}"
    ".layout{max-width:1040px;margin:auto;display:flex;gap:36px;padding:24px}"
    "article{flex:3;line-height:1.6}.sidebar{flex:1;font-size:14px}.wp-caption{font-size:13px;"
    "color:#666}.meta{color:#999;font-size:13px}.comments{border-top:1px solid #ddd;margin-top:24px}"
    ".comment{margin:12px 0}.ad{display:block;padding:10px;background:#fff;margin:10px 0}"
    ".ad-label{font-size:10px;color:#aaa;display:block}footer{text-align:center;color:#999;"
    "font-size:12px;padding:20px}"
)


def _blog_page(title: str, article: str) -> str:
    body = (
        f'<header class="masthead"><h1><a href="{BLOG}/">Dan Rides</a></h1><p>Two wheels, one '
        "nurse, a lot of coffee &mdash; cycling around Sonoma County</p></header>"
        f'<div class="layout"><article>{article}</article><aside class="sidebar">'
        "<h3>About</h3><p>I'm Dan Whitfield, a cardiac nurse in Santa Rosa. I ride to clear my "
        "head after night shifts and write about the roads, the gear and the occasional "
        "family adventure.</p>"
        f'<h3>Elsewhere</h3><ul><li><a href="{INSTAGRAM_DAN}">Instagram: @dwhitfield.outdoors'
        "</a></li><li><a href=\"https://www.strava.com/athletes/danwhitfield_bikes\">Strava"
        "</a></li></ul>"
        "<h3>Categories</h3><ul><li>Routes</li><li>Gear</li><li>Family rides</li><li>Race "
        "reports</li></ul>"
        + ad_slot("blog-side", "Sonoma Cyclery &mdash; fall tune-up special, 20% off.")
        + "</aside></div><footer>&copy; 2026 Dan Rides &middot; Powered by WordPress</footer>"
    )
    return document(title, body, css=BLOG_CSS)


def _blog(web: Web, imgs: Images) -> None:
    url = f"{BLOG}/2026/09/family-ride-spring-lake/"
    article = (
        "<h2>Saturday family ride: the Spring Lake loop</h2>"
        '<p class="meta">September 20, 2026 &middot; Family rides &middot; 4 comments</p>'
        + paragraphs(
            "It took three years of bribery (pancakes, mostly), but this weekend the whole crew "
            "finally came out for a proper loop. Eleanor had a rare Saturday with no briefs to "
            "read, Sophie has outgrown her old bike and wanted to show off the new one, and I "
            "had just come off three twelve-hour shifts and needed the fresh air more than "
            "anyone.",
            "We rolled out from the house a little after eight, when the fog was still sitting "
            "on the valley, and took the back way into Howarth Park, around Spring Lake and up "
            "the short climb on the east side. Sophie attacked it like she was at the Tour. "
            "Eleanor and I pretended we were letting her win.")
        + f'<figure class="wp-caption"><img src="{imgs.ride}" width="800" height="533" '
        'alt="Eleanor and Sophie Whitfield riding near home on Saturday morning">'
        "<figcaption>Eleanor and Sophie at the start of the ride, five minutes from our "
        "front door.</figcaption></figure>"
        + paragraphs(
            "Total: 14.2 miles, 610 feet of climbing, two snack stops and one dropped chain "
            "(mine). The lake loop is perfect for kids: mostly car-free, gentle gradients and "
            "a bathroom at the halfway point.",
            "Route notes for anyone who wants to try it: take the bike path rather than the "
            "road past the campground, and watch for the speed bumps by the boat launch.",
            "More photos from the day are on my Instagram, "
            f'<a href="{INSTAGRAM_DAN}">@dwhitfield.outdoors</a>.')
        + '<section class="comments"><h3>4 comments</h3>'
        '<div class="comment"><b>Rick M.</b>: Great loop! We do it with our twins every '
        "summer.</div><div class=\"comment\"><b>Dan</b>: @Rick we should all go together "
        "sometime.</div><div class=\"comment\"><b>Jen T.</b>: That climb is no joke at "
        "fourteen &mdash; go Sophie!</div><div class=\"comment\"><b>Sonoma Cyclery</b>: "
        "Bring that chain in, Dan, we'll sort it out.</div></section>"
    )
    web.page(url, _blog_page("Saturday family ride: the Spring Lake loop &ndash; Dan Rides"
                             .replace("&ndash;", "\u2013"), article), server="Apache")
    web.add(
        Truth("spouse", "geolocation", url, "critical", "home",
              "the photo's GPS tags point about 100 m from the family's home", imgs.ride,
              ("judge", "child")),
        Truth("child", "photo", url, "high", None, "photo of the minor child, named in the caption",
              imgs.ride),
        Truth("judge", "photo", url, "medium", None,
              "photo of the judge off duty, named in the caption", imgs.ride),
        Truth("child", "relative", url, "high", "name",
              "the spouse's blog names her as the family's daughter"),
        Truth("spouse", "relative", url, "medium", "name",
              "his own blog names the judge as his wife"),
    )
    for slug, title, text in (
        ("2026/08/night-shift-recovery-rides", "Recovery rides after night shifts", (
            "People ask how I can ride after three nights on the cardiac unit. The honest "
            "answer: slowly. A recovery ride is about blood flow, not speed, so I keep it under "
            "an hour and never above a chatty pace.",
            "My go-to is a flat out-and-back along the Joe Rodota Trail. It is shaded, there are "
            "no cars and there is a coffee cart at the Sebastopol end.",
            "If you work nights too: eat before you ride, wear something bright, and if your "
            "legs feel like concrete, turn around. The bike will be there tomorrow.")),
        ("2026/06/gravel-grinder-race-report", "Race report: the Valley Gravel Grinder", (
            "Fifty-two miles of dust, two flats and the best post-race tacos in the county. I "
            "finished 61st of 140 in the 50+ category, which I'm choosing to call mid-pack.",
            "The course climbs early, then rolls through vineyards on farm roads that turn to "
            "powder by August. Run wider tyres than you think you need.",
            "Thanks to the volunteers at the aid stations, especially the one handing out "
            "pickle juice at mile 38. You saved my race.")),
    ):
        u = f"{BLOG}/{slug}/"
        web.page(u, _blog_page(f"{title} \u2013 Dan Rides",
                               f"<h2>{esc(title)}</h2><p class=\"meta\">Dan Whitfield</p>"
                               + paragraphs(*text)), server="Apache")
        web.add(Truth("spouse", "mention", u, "info", "name", "his own blog"))
    web.page(f"{BLOG}/", _blog_page("Dan Rides \u2013 cycling around Sonoma County", (
        "<h2>Latest posts</h2><ul>"
        f'<li><a href="{url}">Saturday family ride: the Spring Lake loop</a> &middot; Sep 20</li>'
        f'<li><a href="{BLOG}/2026/08/night-shift-recovery-rides/">Recovery rides after night '
        "shifts</a> &middot; Aug 14</li>"
        f'<li><a href="{BLOG}/2026/06/gravel-grinder-race-report/">Race report: the Valley '
        "Gravel Grinder</a> &middot; Jun 2</li></ul>")), server="Apache")
    web.add(Truth("spouse", "mention", f"{BLOG}/", "info", "name", "his own blog"))


# --- the spouse's employer ---------------------------------------------------------------------

HOSPITAL_CSS = (
    "body{font-family:'Open Sans',Arial,sans-serif;margin:0;color:#243447}"
    ".hh{display:flex;justify-content:space-between;padding:14px 28px;border-bottom:3px solid "
    "#b22234}.hh b{font-size:20px;color:#b22234}.hh nav a{margin-left:14px;color:#243447}"
    ".grid{max-width:1000px;margin:auto;display:grid;grid-template-columns:repeat(3,1fr);gap:18px;"
    "padding:20px}.staff{border:1px solid #e3e8ee;padding:14px;border-radius:6px}.staff .ini{"
    "width:48px;height:48px;border-radius:50%;background:#f0d9db;line-height:48px;"
    "text-align:center;font-weight:bold}.role{color:#6b7c93}.intro{max-width:1000px;margin:auto;"
    "padding:0 20px}footer{background:#243447;color:#cfd8e3;padding:18px 28px;font-size:12px}"
    ".cookie-banner{position:fixed;bottom:0;width:100%;background:#fff;border-top:1px solid #ccc;"
    "padding:8px}"
)


def _hospital_page(title: str, inner: str) -> str:
    body = (
        '<header class="hh"><b>Redwood Valley Medical Center</b><nav><a href="#">Find a Doctor'
        '</a><a href="#">Locations</a><a href="#">Patients &amp; Visitors</a><a href="#">Careers'
        '</a><a href="#">Give</a></nav></header>'
        f"{inner}"
        "<footer>Redwood Valley Medical Center &middot; 3300 Mendocino Avenue, Santa Rosa, CA "
        "95403 &middot; Main line (707) 555-0150 &middot; A not-for-profit community hospital."
        "</footer>"
        + cookie_banner("Redwood Valley Medical Center", f"{HOSPITAL}/privacy")
    )
    return document(title, body, css=HOSPITAL_CSS)


STAFF = [
    ("Rebecca Tallis, MD, FACC", "Medical Director, Cardiology"),
    ("Anil Deshpande, MD", "Interventional Cardiologist"),
    ("Daniel Whitfield, RN, BSN", "Nurse Manager, Cardiology"),
    ("Lorena Gutiérrez, RN", "Charge Nurse, Cardiac Step-Down Unit"),
    ("Tom Bakshi, NP", "Heart Failure Clinic"),
    ("Yuki Nakamura, RN, CCRN", "Clinical Nurse Educator"),
    ("Brian Oduya, RCIS", "Cath Lab Supervisor"),
    ("Helen Park, PharmD", "Cardiology Clinical Pharmacist"),
    ("Maria Lopes", "Unit Coordinator"),
]


def _hospital(web: Web) -> None:
    url = f"{HOSPITAL}/our-team"
    cards = "".join(
        f'<div class="staff"><div class="ini">{n[0]}{n.split(",")[0].split()[-1][0]}</div>'
        f'<h3>{esc(n)}</h3><p class="role">{esc(r)}</p></div>' for n, r in STAFF)
    web.page(url, _hospital_page("Our Team | Heart & Vascular Institute | Redwood Valley Medical "
                                 "Center", (
        '<div class="intro"><h1>Heart &amp; Vascular Institute: Our Team</h1><p>Our cardiology '
        "team cares for more than 9,000 patients a year, from routine echocardiograms to "
        "emergency heart attack care, 24 hours a day at our Santa Rosa campus.</p></div>"
        f'<div class="grid">{cards}</div>')))
    web.add(Truth("spouse", "workplace", url, "high", "employer",
                  "employer's staff page names him with his unit and role"))
    web.page(f"{HOSPITAL}/news/new-cath-lab", _hospital_page(
        "New cardiac catheterization lab opens | Redwood Valley Medical Center", (
            '<div class="intro"><h1>New cardiac catheterization lab opens</h1>'
            + paragraphs(
                "Redwood Valley Medical Center opened its second cardiac catheterization lab "
                "on October 2, cutting waiting times for scheduled procedures by half.",
                "\u201cEvery minute counts in a heart attack,\u201d said Dr. Rebecca Tallis, "
                "medical director of cardiology. \u201cA second lab means no patient waits "
                "because the first one is busy.\u201d",
                "The $6.4 million project was funded in part by the Redwood Valley Foundation's "
                "Heart of the Valley campaign.")
            + "</div>")))


# --- the local paper ------------------------------------------------------------------------------

LEDGER_CSS = (
    "body{font-family:Georgia,serif;margin:0;color:#111}.paywall{background:#fff4d6;padding:8px "
    "20px;font:13px Arial,sans-serif}.flag{text-align:center;padding:14px;border-bottom:4px double "
    "#111}.flag h1{margin:0;font-size:40px;font-family:'Times New Roman',serif}.sections{"
    "text-align:center;font:13px Arial,sans-serif;padding:8px;border-bottom:1px solid #ccc}"
    ".sections a{margin:0 8px;color:#111}.story{max-width:740px;margin:auto;padding:20px;"
    "line-height:1.65;font-size:17px}.byline{font:13px Arial,sans-serif;color:#666}"
    ".ad{display:block;text-align:center;background:#f3f3f3;padding:18px;margin:18px 0}"
    ".ad-label{font-size:10px;color:#999;display:block}figure{margin:0}figcaption{font-size:13px;"
    "color:#666}footer{background:#111;color:#bbb;padding:20px;font:12px Arial,sans-serif}"
    ".cookie-banner{position:fixed;bottom:0;width:100%;background:#111;color:#fff;padding:8px}"
    ".related{border-top:1px solid #ddd;font:14px Arial,sans-serif}"
)


def _ledger_page(title: str, section: str, inner: str) -> str:
    body = (
        '<div class="paywall">You have 3 free articles left this month. <a href="#">Subscribe '
        "for $1 a week</a></div>"
        '<header class="flag"><h1>The Sonoma Ledger</h1><small>Santa Rosa &middot; Sonoma '
        "County's independent news since 1911</small></header>"
        '<nav class="sections"><a href="#">News</a><a href="#">Courts</a><a href="#">Schools</a>'
        '<a href="#">Wine</a><a href="#">Sports</a><a href="#">Opinion</a><a href="#">Obituaries'
        "</a></nav>"
        f'<main class="story"><p class="byline">{esc(section)}</p>{inner}'
        + ad_slot("ledger-mid", "Visit Healdsburg this fall &mdash; harvest weekends, "
                  "tastings and more.")
        + '<div class="related"><h4>More from the Ledger</h4><ul>'
        "<li>Council delays vote on Roseland housing plan</li><li>Harvest 2026: smaller crop, "
        "bigger flavour</li><li>SMART extension to Healdsburg on schedule</li></ul></div></main>"
        "<footer>The Sonoma Ledger &middot; 427 Mendocino Ave, Santa Rosa, CA 95401 &middot; "
        "newsroom@sonomaledger.example.com &middot; (707) 555-0133<br>&copy; 2026 Sonoma Ledger "
        "Media. Terms &middot; Privacy &middot; Do Not Sell My Information</footer>"
        + cookie_banner("The Sonoma Ledger", f"{LEDGER}/privacy")
    )
    return document(f"{title} | The Sonoma Ledger", body, css=LEDGER_CSS)


def _ledger(web: Web) -> None:
    url = f"{LEDGER}/news/2026/10/judge-orders-new-hearing-in-roseland-custody-fight"
    web.page(url, _ledger_page(
        "Judge orders new hearing after county missed deadline in custody case", "Courts &middot; "
        "By Alana Brightwater &middot; October 22, 2026", (
            "<h2>Judge orders new hearing after county missed deadline in custody case</h2>"
            + paragraphs(
                "A Sonoma County Superior Court judge on Tuesday ordered a new hearing in a "
                "long-running custody dispute after finding that the county's child welfare "
                "agency missed a statutory deadline to file its report.",
                "\u201cThe deadlines in these cases exist because children cannot wait,\u201d "
                "Judge Eleanor Whitfield said from the bench. \u201cThe agency's workload is "
                "real, but it is not a reason to leave a family in limbo for another six "
                "months.\u201d",
                "Whitfield, who has presided over the family law department since 2019, gave "
                "the agency 30 days to complete its assessment and set the new hearing for "
                "December 3.",
                "A spokesperson for the county's Human Services Department said the agency was "
                "reviewing the order and had added four social workers to its dependency unit "
                "since the summer.",
                "Attorneys for both parents declined to comment, citing the confidentiality of "
                "juvenile proceedings."))))
    web.add(Truth("judge", "mention", url, "info", "court",
                  "news report quotes the judge on a ruling"))

    url = f"{LEDGER}/community/2026/09/pancake-breakfast-raises-18000-for-rincon-valley-firefighters"
    fire = web.image(f"{LEDGER}/media/2026/09/station-5.jpg",
                     img.jpeg(img.civic_building(2, (170, 40, 40), (60, 60, 60))))
    web.page(url, _ledger_page(
        "Pancake breakfast raises $18,000 for Rincon Valley firefighters", "Community &middot; "
        "By Tom Vierra &middot; September 29, 2026", (
            "<h2>Pancake breakfast raises $18,000 for Rincon Valley firefighters</h2>"
            f'<figure><img src="{fire}" width="720" height="440" alt="Fire Station 5 on Saturday '
            'morning"><figcaption>Fire Station 5 opened its bay doors for the 31st annual '
            "breakfast. (Ledger staff)</figcaption></figure>"
            + paragraphs(
                "More than 900 people lined up for pancakes, sausages and a look at the new "
                "engine at Fire Station 5 on Saturday, raising $18,000 for the volunteer "
                "association's wildfire-preparedness fund.",
                "The breakfast has been run for the past six years by a crew of neighbourhood "
                "volunteers, among them Eleanor and Dan Whitfield of Alderbrook Drive, who were "
                "at the griddles from 6 a.m. Superior Court Judge Eleanor Whitfield joked that "
                "flipping 2,000 pancakes was \u201cthe only job where everyone leaves happy with "
                "the outcome.\u201d",
                "Battalion Chief Ramón Ibarra said the money would pay for two new chainsaws, "
                "radios and a defensible-space trailer that residents can borrow to clear brush.",
                "Organizers are already recruiting volunteers for next year. Sign-ups open at "
                "the station in July."))))
    web.add(
        Truth("judge", "home_address", url, "critical", "home",
              "names the street the judge lives on (no house number)", alt_persons=("spouse",)),
        Truth("spouse", "relative", url, "medium", "name",
              "named next to the judge as a household member"),
    )

    vine = web.image(f"{LEDGER}/media/2026/10/harvest.jpg", img.jpeg(img.vineyard()))
    hall = web.image(f"{LEDGER}/media/2026/10/city-hall.jpg",
                     img.jpeg(img.civic_building(1, (200, 190, 170), (120, 60, 50))))
    noise = [
        ("news/2026/10/council-delays-roseland-housing-vote", "Council delays vote on Roseland "
         "housing plan", "News &middot; By Alana Brightwater &middot; October 15, 2026", hall, (
             "The Santa Rosa City Council on Tuesday postponed a vote on a 240-unit housing "
             "development in Roseland after more than three hours of public comment.",
             "Supporters said the project would add badly needed affordable units near the "
             "SMART station; opponents raised traffic and the loss of a community garden.",
             "Mayor Natalie Rogers said the council would take up the plan again on November "
             "12 after staff study a smaller alternative.")),
        ("wine/2026/10/harvest-2026-smaller-crop-bigger-flavour", "Harvest 2026: smaller crop, "
         "bigger flavour", "Wine &middot; By Priya Castellanos &middot; October 10, 2026", vine, (
             "Growers across Sonoma County are wrapping up a harvest that came in about 12 "
             "percent lighter than last year after a cool spring and a September heat spike.",
             "\u201cThe berries are small but the flavours are concentrated,\u201d said Luis "
             "Alvarado, who farms 80 acres of pinot noir near Sebastopol.",
             "Prices for grapes are expected to soften as wineries work through large "
             "inventories of unsold wine.")),
        ("news/2026/09/smart-extension-on-schedule", "SMART extension to Healdsburg on schedule",
         "Transportation &middot; By Tom Vierra &middot; September 18, 2026", None, (
             "The Sonoma-Marin Area Rail Transit district says its northern extension to "
             "Healdsburg remains on schedule to open in 2028.",
             "Crews finished the bridge over the Russian River this month. The next phase "
             "includes a new station near the Windsor town green.")),
        ("news/2026/08/fire-season-defensible-space", "Fire officials urge residents to clear "
         "brush before October winds", "News &middot; By Alana Brightwater &middot; August 28, "
         "2026", None, (
             "With the driest months ahead, county fire officials are urging homeowners to "
             "clear vegetation within 100 feet of their homes.",
             "Free chipping days are scheduled in Rincon Valley, Bennett Valley and Oakmont "
             "through October. Residents can register online or by phone.",
             "Officials also recommend signing up for emergency alerts and preparing a "
             "go-bag with medication, documents and chargers.")),
        ("sports/2026/10/cardinal-newman-rolls-past-montgomery", "Cardinal Newman rolls past "
         "Montgomery 35-14", "Sports &middot; By Jake Hollister &middot; October 18, 2026", None, (
             "Quarterback Isaiah Brandt threw for three touchdowns as Cardinal Newman improved "
             "to 7-1 with a 35-14 win over Montgomery on Friday night.",
             "Montgomery cut the lead to seven early in the third quarter, but the Cardinals "
             "answered with a 12-play drive that ate up six minutes.")),
        ("food/2026/09/review-the-lantern-kitchen", "Review: The Lantern Kitchen brings "
         "wood-fired comfort to Fourth Street", "Food &middot; By Marisol Chen &middot; "
         "September 12, 2026", None, (
             "The Lantern Kitchen, which opened in July in the old bookstore on Fourth Street, "
             "does a handful of things and does them very well.",
             "Start with the charred broccolini with anchovy butter, then share the "
             "wood-fired half chicken. Skip the dessert menu and walk to the gelato shop next "
             "door.")),
        ("news/2026/07/whitfield-county-georgia-school-bond", "Georgia county's school bond "
         "draws national attention", "Nation &middot; Wire report &middot; July 30, 2026", None, (
             "Voters in Whitfield County, Georgia, approved a $90 million school construction "
             "bond on Tuesday, one of the largest in the state's history for a county of its "
             "size.",
             "The money will pay for a new middle school in Dalton and renovations at four "
             "elementary schools.")),
        ("obituaries/2026/10/harold-jensen", "Harold \u201cHal\u201d Jensen, 1938-2026",
         "Obituaries &middot; October 20, 2026", None, (
             "Harold Jensen, a retired Santa Rosa pharmacist known to three generations of "
             "customers on Montgomery Drive, died peacefully at home on October 12. He was 88.",
             "He is survived by his wife of 61 years, Ruth, three children and seven "
             "grandchildren. A celebration of life will be held at the Oakmont Community "
             "Center.")),
    ]
    links = []
    for slug, title, byline, picture, text in noise:
        fig = (f'<figure><img src="{picture}" width="720" height="440" alt=""></figure>'
               if picture else "")
        u = f"{LEDGER}/{slug}"
        links.append((u, title))
        web.page(u, _ledger_page(title, byline, f"<h2>{esc(title)}</h2>{fig}" + paragraphs(*text)))
    web.page(f"{LEDGER}/", _ledger_page("Santa Rosa and Sonoma County news", "Today's front page",
                                        "<h2>Top stories</h2><ul>" + "".join(
                                            f'<li><a href="{u}">{esc(t)}</a></li>'
                                            for u, t in links) + "</ul>"))


# --- the neighbourhood forum -----------------------------------------------------------------

FORUM_CSS = (
    "body{font-family:-apple-system,'Segoe UI',Arial,sans-serif;margin:0;background:#f2f4f5;"
    "color:#1c1c1c}.fh{background:#3d7a3d;color:#fff;padding:12px 24px}.fh b{font-size:20px}"
    ".thread{max-width:820px;margin:20px auto}.post{background:#fff;border:1px solid #dde1e3;"
    "border-radius:6px;padding:14px;margin-bottom:10px}.who{font-weight:600}.when{color:#888;"
    "font-size:12px}.rules{font-size:12px;color:#666;max-width:820px;margin:auto}"
    ".ad{display:block;background:#fff;padding:10px;margin:10px 0}.ad-label{font-size:10px;"
    "color:#999;display:block}"
)


def _forum_page(title: str, posts: list[tuple[str, str, str]]) -> str:
    body = (
        '<header class="fh"><b>Oakmont &amp; Alderbrook Neighbors</b> &middot; Santa Rosa, CA '
        "&middot; 1,284 members</header>"
        f'<main class="thread"><h1>{esc(title)}</h1>'
        + "".join(f'<div class="post"><div class="who">{esc(w)} <span class="when">{esc(t)}'
                  f"</span></div><p>{text}</p></div>" for w, t, text in posts)
        + ad_slot("forum-1", "Gutter cleaning from $99 &mdash; local, licensed, insured.")
        + "</main><p class=\"rules\">Be a good neighbour: no personal attacks, no selling in "
        "general threads. This forum is run by volunteers and is not affiliated with any "
        "homeowners' association.</p>"
    )
    return document(f"{title} - Oakmont & Alderbrook Neighbors", body, css=FORUM_CSS)


def _forum(web: Web) -> None:
    url = f"{FORUM}/t/cars-parked-on-alderbrook-near-the-bend/4182"
    web.page(url, _forum_page("Cars parked on Alderbrook near the bend?", [
        ("GaryP_Alderbrook", "Oct 3, 2026 7:12 AM",
         "Is anyone else having trouble seeing oncoming traffic at the bend on Alderbrook? "
         "There are cars parked right up to the corner most mornings and I nearly got clipped "
         "pulling out yesterday."),
        ("lindsey.k", "Oct 3, 2026 8:40 AM",
         "Same here. The worst is between 7 and 8 when everyone is leaving for school."),
        ("RetiredInOakmont", "Oct 3, 2026 9:15 AM",
         "The one right by the bend is the judge's grey Subaru Outback (8KXR214) parked on "
         "Alderbrook. That's Eleanor Whitfield, she's on the Superior Court &mdash; she lives in "
         "the grey ranch house just past the mailbox cluster. She's nice, just ask her to pull "
         "forward a few feet."),
        ("GaryP_Alderbrook", "Oct 3, 2026 10:02 AM",
         "Thanks, I'll leave a friendly note. Didn't want to call the city over it."),
        ("Moderator", "Oct 3, 2026 11:30 AM",
         "Friendly reminder: please don't post licence plates or say where specific neighbours "
         "live. Parking concerns can go to the city's non-emergency line."),
    ]))
    web.add(
        Truth("judge", "vehicle", url, "high", None,
              "forum post names the judge's car and its licence plate"),
        Truth("judge", "home_address", url, "critical", "home",
              "forum post says which house on her street is hers (no house number)"),
    )
    threads = [
        ("t/lost-dog-grey-terrier-near-channel-drive/4175", "LOST DOG: grey terrier near "
         "Channel Drive", [
             ("MeganR", "Sep 28, 2026 6:02 PM", "Our terrier Biscuit slipped out of the side gate "
              "this afternoon. Grey, wiry, red collar, very friendly. Please call or text "
              "(707) 555-0121 if you see him!"),
             ("tom_in_oakmont", "Sep 28, 2026 6:45 PM", "Will keep an eye out on my evening "
              "walk around the golf course."),
             ("MeganR", "Sep 28, 2026 9:10 PM", "FOUND! He was at the neighbours' having a "
              "barbecue. Thank you all!")]),
        ("t/pge-outage-tuesday-night/4179", "PG&E outage Tuesday night?", [
             ("Jorge.S", "Sep 30, 2026 10:20 PM", "Power just went out on Stone Bridge Road. "
              "Anyone else?"),
             ("lindsey.k", "Sep 30, 2026 10:24 PM", "Out here too. The outage map says crews "
              "are on the way, estimated restoration 1 AM."),
             ("Jorge.S", "Oct 1, 2026 12:48 AM", "Back on. Fridge survived.")]),
        ("t/recommendations-for-a-tree-service/4186", "Recommendations for a tree service?", [
             ("annabelle_w", "Oct 5, 2026 2:15 PM", "We have a big valley oak leaning toward "
              "the house. Looking for an arborist who won't just say cut it down."),
             ("RetiredInOakmont", "Oct 5, 2026 3:01 PM", "We used Redwood Arbor Care last year. "
              "Certified arborist, fair price, cleaned up everything.")]),
    ]
    for slug, title, posts in threads:
        web.page(f"{FORUM}/{slug}", _forum_page(title, posts))
    web.page(f"{FORUM}/", _forum_page("Latest topics", [
        ("Forum", "", "<a href=\"" + f"{FORUM}/{slug}" + f"\">{esc(title)}</a>")
        for slug, title, _ in threads] + [
        ("Forum", "", f'<a href="{url}">Cars parked on Alderbrook near the bend?</a>')]))


# --- namesakes -----------------------------------------------------------------------------------


def _namesakes(web: Web) -> None:
    # Eleanor Whitfield of Austin, TX, 31, a dentist
    base = "https://www.bartoncreekfamilydental.example.com"
    pic = web.image(f"{base}/img/team/dr-whitfield.jpg", img.jpeg(img.portrait(img.DENTIST)))
    url = f"{base}/our-team/dr-eleanor-whitfield"
    body = (
        '<header style="background:#0fa3a3;color:#fff;padding:16px 26px"><b style="font-size:22px">'
        "Barton Creek Family Dental</b> &middot; Austin, Texas</header>"
        '<nav style="padding:8px 26px;background:#e6f7f7"><a href="#">Services</a> &middot; '
        '<a href="#">Our Team</a> &middot; <a href="#">New Patients</a> &middot; <a href="#">'
        "Book Online</a></nav><main style=\"max-width:860px;margin:auto;padding:20px\">"
        f'<img src="{pic}" width="240" height="300" alt="Dr. Eleanor Whitfield, DDS" '
        'style="float:right;margin-left:16px">'
        "<h1>Dr. Eleanor Whitfield, DDS</h1><p><em>General and family dentistry</em></p>"
        + paragraphs(
            "Dr. Eleanor Whitfield joined Barton Creek Family Dental in 2021 after earning her "
            "Doctor of Dental Surgery from UT Health San Antonio. She grew up in Round Rock and "
            "is thrilled to be practising close to home.",
            "Dr. Whitfield loves working with nervous patients and kids, and she is our go-to "
            "for clear aligners. Outside the office you'll find her paddleboarding on Lady Bird "
            "Lake or cheering on the Longhorns with her husband, Mark, and their rescue dog.",
            "Dr. Whitfield sees patients Monday through Thursday. Call (512) 555-0108 to "
            "schedule.")
        + "</main><footer style=\"background:#0d3b3b;color:#cde;padding:14px 26px;font-size:12px\">"
        "Barton Creek Family Dental &middot; 3801 S Lamar Blvd, Austin, TX 78704 &middot; "
        "hello@bartoncreekfamilydental.example.com</footer>"
    )
    web.page(url, document("Dr. Eleanor Whitfield, DDS | Barton Creek Family Dental, Austin TX",
                           body))
    web.namesake_urls.append(url)

    # Eleanor M. Whitfield of Bend, OR, 74
    url = "https://www.bendgardenclub.example.org/news/2026-garden-tour"
    body = (
        '<header style="background:#556b2f;color:#fff;padding:14px 24px"><b>High Desert Garden '
        "Club</b> &middot; Bend, Oregon</header><main style=\"max-width:760px;margin:auto;"
        "padding:20px;font-family:Georgia,serif\"><h1>Record crowd for the 2026 Garden Tour</h1>"
        + paragraphs(
            "Nearly 600 visitors toured eight gardens on June 14, from a xeriscape showcase on "
            "Awbrey Butte to a pollinator meadow on the east side.",
            "Tour chair Eleanor M. Whitfield, 74, who has organised the event since 2009, "
            "thanked the 45 volunteers and announced that this will be her last year in the "
            "role. \u201cSeventeen tours is enough for anyone,\u201d she laughed. \u201cNow I "
            "get to just enjoy the roses.\u201d",
            "Proceeds of $11,400 go to the club's scholarship for Central Oregon Community "
            "College horticulture students.")
        + "</main>"
    )
    web.page(url, document("Record crowd for the 2026 Garden Tour | High Desert Garden Club",
                           body))
    web.namesake_urls.append(url)

    # Daniel Whitfield of Fresno, CA, 45, a plumber
    url = "https://www.whitfieldplumbing.example.com/about"
    body = (
        '<header style="background:#123c69;color:#fff;padding:16px 24px"><b style="font-size:22px">'
        "Whitfield Plumbing &amp; Drain</b> &middot; Fresno &amp; Clovis &middot; 24/7 emergency "
        'service</header><main style="max-width:840px;margin:auto;padding:20px">'
        "<h1>About us</h1>"
        + paragraphs(
            "Whitfield Plumbing &amp; Drain is a family-owned business serving Fresno and "
            "Clovis since 2008. Owner Daniel Whitfield started the company with one van and a "
            "promise: show up on time, quote up front, and clean up after every job.",
            "Today our team of eleven licensed plumbers handles everything from leaky faucets to "
            "full repipes, water heaters, sewer camera inspections and hydro-jetting.",
            "Daniel grew up in Fresno, coaches Little League in the spring and still takes "
            "emergency calls himself on holidays. Call (559) 555-0124 any time.")
        + '</main><footer style="background:#0b2545;color:#cde;padding:14px 24px;'
        'font-size:12px">Whitfield Plumbing &amp; Drain &middot; CA License #000000 (demo) '
        "&middot; 1745 N Cedar Grove Ave, Fresno, CA 93722 &middot; "
        "service@whitfieldplumbing.example.com</footer>"
    )
    web.page(url, document("About Us | Whitfield Plumbing & Drain, Fresno CA", body))
    web.namesake_urls.append(url)

    # Dan Whitfield of Leeds, UK: a club cyclist (an older site, served in windows-1252)
    url = "https://www.airedalewheelers.example/news/2026/hill-climb-results.html"
    rider = web.image("https://www.airedalewheelers.example/images/hillclimb-2026.jpg",
                      img.jpeg(img.lone_rider()))
    body = (
        '<div id="header"><h1>Airedale Wheelers CC</h1><p>Cycling in Leeds and the Yorkshire '
        'Dales since 1938</p></div><div id="menu"><a href="#">Club runs</a> | <a href="#">'
        'Racing</a> | <a href="#">Join</a> | <a href="#">Kit</a></div><div id="content">'
        "<h2>Club hill climb 2026 \u2013 results</h2>"
        f'<img src="{rider}" width="360" height="220" alt="Dan Whitfield on the final ramp">'
        + paragraphs(
            "A cracking turnout of 34 riders braved the drizzle on Shibden Wall for this year's "
            "club hill climb. Dan Whitfield took the title in 2:41.6, eleven seconds clear of "
            "last year's winner, with a storming final ramp that had the crowd on their feet.",
            "Dan, who rides for the club's Tuesday chaingang and works as a paramedic in Leeds, "
            "said afterwards: \u201cI went too hard at the bottom and just hung on. Cheers to "
            "everyone shouting on the cobbles.\u201d",
            "Entry fees of \u00a3170 go to the Yorkshire Air Ambulance. Tea and cake at the "
            "caf\u00e9 afterwards \u2013 thanks to Margaret and the catering team!")
        + "</div><div id=\"footer\">Airedale Wheelers CC &middot; Affiliated to British Cycling"
        "</div>"
    )
    web.page(url, document("Hill climb 2026 results - Airedale Wheelers CC", body, lang="en-GB",
                           charset="windows-1252"), charset="windows-1252",
             server="Apache/2.2.22 (Debian)")
    web.namesake_urls.append(url)


# --- everyday noise --------------------------------------------------------------------------------


def _noise(web: Web) -> None:
    # a neighbour's house for sale on the same street: same street, different number
    url = "https://www.redwoodhomesrealty.example.com/listings/2431-alderbrook-dr-santa-rosa"
    body = (
        '<header style="background:#7a1f1f;color:#fff;padding:14px 24px"><b>Redwood Homes '
        "Realty</b> &middot; Sonoma County real estate</header><main style=\"max-width:900px;"
        'margin:auto;padding:20px;font-family:Arial,sans-serif"><h1>2431 Alderbrook Dr, Santa '
        "Rosa, CA 95405</h1><p><b>$1,089,000</b> &middot; 3 bd &middot; 2 ba &middot; 1,740 sq ft "
        "&middot; 0.19 acres</p>"
        + paragraphs(
            "Light-filled single-level home on one of Rincon Valley's favourite tree-lined "
            "streets. Updated kitchen with quartz counters, vaulted living room, and a private "
            "backyard with a mature valley oak and raised beds.",
            "Walk to Howarth Park and Spring Lake; minutes to Brookside, Rincon Valley Union "
            "schools and Montgomery Village shopping.",
            "Open house Sunday 1\u20134 PM. Listing agent: Carla Mendes, (707) 555-0147, "
            "carla@redwoodhomesrealty.example.com.")
        + "</main>"
    )
    web.page(url, document("2431 Alderbrook Dr, Santa Rosa, CA 95405 | Redwood Homes Realty",
                           body))

    url = "https://www.santarosalibrary.example.org/events/storytime-with-eleanor-park"
    body = (
        '<header style="background:#244c7a;color:#fff;padding:12px 24px"><b>Sonoma County '
        "Library</b> &middot; Central Santa Rosa branch</header><main style=\"max-width:760px;"
        'margin:auto;padding:20px"><h1>Bilingual storytime with Eleanor Park</h1>'
        "<p><b>Saturday, November 7, 2026 &middot; 10:30 AM</b> &middot; Children's room</p>"
        + paragraphs(
            "Join children's librarian Eleanor Park for songs, rhymes and picture books in "
            "English and Korean. Best for ages 2\u20136 with a caregiver.",
            "Free; no registration needed. The Central library is at 211 E Street, Santa "
            "Rosa.")
        + "</main>"
    )
    web.page(url, document("Bilingual storytime with Eleanor Park | Sonoma County Library",
                           body))

    url = "https://www.santarosacyclingclub.example.org/rides/saturday-social"
    body = (
        '<header style="background:#222;color:#ffcc00;padding:12px 24px"><b>Santa Rosa Cycling '
        "Club</b></header><main style=\"max-width:760px;margin:auto;padding:20px\"><h1>Saturday "
        "social ride</h1>"
        + paragraphs(
            "Every Saturday at 9 AM from the Flying Goat on Fourth Street. No-drop, 20\u201325 "
            "miles at a conversational pace, coffee afterwards.",
            "Ride leaders this month: Priya S., Mike O. and Carmen D. Helmets required; lights "
            "recommended until the clocks change.")
        + "</main>"
    )
    web.page(url, document("Saturday social ride | Santa Rosa Cycling Club", body))

    url = "https://www.daltondaily.example.com/education/whitfield-county-schools-new-superintendent"
    body = (
        '<header style="background:#5a0f2e;color:#fff;padding:12px 24px"><b>Dalton Daily '
        "Citizen</b> &middot; Dalton, Georgia</header><main style=\"max-width:760px;margin:auto;"
        'padding:20px"><h1>Whitfield County Schools names new superintendent</h1>'
        + paragraphs(
            "The Whitfield County Board of Education on Monday named Dr. Angela Brooks, a "
            "former principal at Northwest Whitfield High School, as the district's next "
            "superintendent.",
            "Brooks, who grew up in Tunnel Hill, takes over a district of 13,000 students in "
            "January.")
        + "</main>"
    )
    web.page(url, document("Whitfield County Schools names new superintendent | Dalton Daily",
                           body))

    url = "https://www.sonomawinetrail.example.com/wineries/marsh-family-vineyards"
    body = (
        '<header style="background:#4b1d3f;color:#fff;padding:12px 24px"><b>Sonoma Wine Trail'
        "</b></header><main style=\"max-width:760px;margin:auto;padding:20px\"><h1>Marsh Family "
        "Vineyards</h1>"
        + paragraphs(
            "A small, family-run estate in the Russian River Valley known for cool-climate "
            "chardonnay and a dog-friendly picnic lawn. Owners Greg and Olivia Marsh pour "
            "most weekends.",
            "Tastings by reservation, Thursday to Monday, 11 AM to 5 PM. Call (707) 555-0171.")
        + "</main>"
    )
    web.page(url, document("Marsh Family Vineyards | Sonoma Wine Trail", body))
