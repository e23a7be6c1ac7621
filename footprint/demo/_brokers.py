"""Demo generator: people-search pages (real broker hosts and URL patterns, fictitious people).

Each broker page holds several listing blocks with the broker's own markup (`div.card`,
`div.listing` …, as in the demo contract): the judge or a relative next to namesakes. The ground
truth of a page is derived from the blocks it shows, by the rules in `listing_truth`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ._common import Truth, Web, ad_slot, cookie_banner, document, esc

CONSENTING = ("judge", "spouse", "child", "mother")
HOUSEHOLD = ("judge", "spouse", "child")
MINORS = ("child",)


@dataclass(frozen=True)
class V:
    """A value shown in a listing block, and what it is in the ground truth."""

    text: str
    """As printed on the page."""
    ref: str | None = None
    """Profile reference ("home", "phones[0]") or, for a relative, the relative's profile id;
    None when the profile does not hold the value."""
    full: bool = False
    """For an age: True when the block prints a full date of birth."""
    note: str = ""
    """What the broker says about it ("Landline", "Wireless", "2009 - present")."""
    also: tuple[str, ...] = ()
    """Other profile ids the value belongs to as well (the judge's previous address on the
    spouse's listing): an audit may fairly attribute it to them."""


@dataclass(frozen=True)
class Listing:
    """One person on a people-search page."""

    about: str | None
    """Profile id the block is about; None for a namesake or an unrelated person."""
    name: str
    city: str
    """"Santa Rosa, CA" as the broker prints the location."""
    age: V | None = None
    current: V | None = None
    past: tuple[V, ...] = ()
    phones: tuple[V, ...] = ()
    emails: tuple[V, ...] = ()
    relatives: tuple[V, ...] = ()
    aka: tuple[str, ...] = ()
    job: V | None = None
    """Occupation line; ref "employer" when it names the profile's employer."""


def listing_truth(b: Listing, url: str, site: str) -> list[Truth]:
    """The exposures a listing block shows about its profile person, by fixed rules:

    - age or birth year → birth_date (medium; a full date of birth → high);
    - the current address → home_address (critical for the judge's household, high for a
      relative who lives elsewhere); earlier addresses → address (medium);
    - phones → one phone entry (high), e-mails → one email entry (high), an employer → workplace;
    - relatives: every consenting family member named in a block about the judge gets a
      `relative` entry, and so does the person a block is about when it names the judge or
      another family member (high for a minor, medium otherwise). The non-consenting son is
      never an entry.
    """
    p = b.about
    if p is None:
        return []
    out: list[Truth] = []
    if b.age:
        out.append(Truth(p, "birth_date", url, "high" if b.age.full else "medium", "birth_year",
                         f"{site} listing shows {'a full date of birth' if b.age.full else 'age'}"))
    if b.current:
        sev = "critical" if p in HOUSEHOLD else "high"
        out.append(Truth(p, "home_address", url, sev, b.current.ref,
                         f"{site} listing shows the current home address"))
    for a in b.past:
        out.append(Truth(p, "address", url, "medium", a.ref,
                         f"{site} listing shows a previous address", alt_persons=a.also))
    if b.phones:
        ident = next((ph.ref for ph in b.phones if ph.ref), None)
        out.append(Truth(p, "phone", url, "high", ident,
                         f"{site} listing shows {len(b.phones)} phone number(s)"))
    if b.emails:
        ident = next((e.ref for e in b.emails if e.ref), None)
        out.append(Truth(p, "email", url, "high", ident, f"{site} listing shows an e-mail"))
    if b.job and b.job.ref:
        out.append(Truth(p, "workplace", url, "high", b.job.ref,
                         f"{site} listing names the employer"))
    named = {r.ref for r in b.relatives if r.ref}
    for r in sorted(named):
        if r in CONSENTING and r not in ("judge", p):
            sev = "high" if r in MINORS else "medium"
            out.append(Truth(r, "relative", url, sev, "name",
                             f"{site} lists this person as a relative of the family"))
    if p != "judge" and named & set(CONSENTING):
        sev = "high" if p in MINORS else "medium"
        out.append(Truth(p, "relative", url, sev, "name",
                         f"{site} links this person to the judge's family"))
    return out


def _block_truth(web: Web, url: str, site: str, blocks: list[Listing]) -> None:
    for b in blocks:
        web.add(*listing_truth(b, url, site))


# --- the people ----------------------------------------------------------------------------

REL_JUDGE = (V("Daniel J Whitfield", "spouse"), V("Sophie Whitfield", "child"),
             V("Lucas Whitfield", "son"), V("Margaret A Marsh", "mother"), V("Thomas W Marsh"))
HOME = "home"
PREV = "previous"

# namesakes and strangers (contract: Austin 31, Bend 74, Fresno 45, plus unrelated people)
AUSTIN = Listing(None, "Eleanor Whitfield", "Austin, TX", V("31"),
                 V("4810 Ramsey Ave Apt 214, Austin, TX 78756"),
                 (V("1102 W 35th St, Austin, TX 78705"),),
                 (V("(512) 555-0136", note="Wireless"),), (),
                 (V("Mark Whitfield"), V("Carol A Whitfield"), V("Jenna Whitfield")))
BEND = Listing(None, "Eleanor M Whitfield", "Bend, OR", V("74"),
               V("61200 Sunridge Ln, Bend, OR 97702"),
               (V("2280 NW Pence Ln, Bend, OR 97703"), V("415 Elm St, Klamath Falls, OR 97601")),
               (V("(541) 555-0178", note="Landline"),), (),
               (V("Harold G Whitfield"), V("Janet Pruitt"), V("Robert Whitfield")))
ELLEN = Listing(None, "Ellen R Whitfield", "Rohnert Park, CA", V("67"),
                V("7725 Camino Colegio, Rohnert Park, CA 94928"),
                (V("310 Burbank Ave, Santa Rosa, CA 95407"),),
                (V("(707) 555-0195", note="Landline"),), (),
                (V("George Whitfield"), V("Anne Whitfield-Soto")))
LEXINGTON = Listing(None, "Eleanor Whitfield", "Lexington, KY", V("88"),
                    V("1410 Tates Creek Rd, Lexington, KY 40502"), (),
                    (V("(859) 555-0104", note="Landline"),), (),
                    (V("Carl Whitfield"), V("Susan W Boyd")))
FRESNO = Listing(None, "Daniel Whitfield", "Fresno, CA", V("45"),
                 V("1745 N Cedar Grove Ave, Fresno, CA 93722"),
                 (V("5320 E Shields Ave, Fresno, CA 93727"),),
                 (V("(559) 555-0124", note="Wireless"), V("(559) 555-0125", note="Landline")), (),
                 (V("Angela Whitfield"), V("Marcus Whitfield"), V("Denise Whitfield")),
                 job=V("Owner, Whitfield Plumbing & Drain"))
REDDING = Listing(None, "Daniel R Whitfield", "Redding, CA", V("71"),
                  V("2960 Placer St, Redding, CA 96001"), (),
                  (V("(530) 555-0112", note="Landline"),), (),
                  (V("Patricia Whitfield"), V("Kevin Whitfield")))
DANIELLE = Listing(None, "Danielle Whitfield", "Sacramento, CA", V("29"),
                   V("2108 K St Apt 5, Sacramento, CA 95816"), (),
                   (V("(916) 555-0131", note="Wireless"),), (), (V("Rita Whitfield"),))
COTATI = Listing(None, "Margaret Marsh", "Cotati, CA", V("52"),
                 V("8150 Old Redwood Hwy, Cotati, CA 94931"), (),
                 (V("(707) 555-0171", note="Wireless"),), (),
                 (V("Greg Marsh"), V("Olivia Marsh")))
BAKERSFIELD = Listing(None, "Margaret L Marsh", "Bakersfield, CA", V("66"),
                      V("3300 Panorama Dr, Bakersfield, CA 93306"), (),
                      (V("(661) 555-0149", note="Landline"),), (), (V("Walter Marsh"),))
PREV_OWNER = Listing(None, "Peter Kowalczyk", "Santa Rosa, CA", V("63"),
                     V("1190 Yulupa Ave, Santa Rosa, CA 95405"), (),
                     (V("707-555-0142", note="Landline, 2001 - 2008"),), (),
                     (V("Anna Kowalczyk"),))


def judge_listing(name: str, age: V | None, current: V | None, past: tuple[V, ...],
                  phones: tuple[V, ...], emails: tuple[V, ...] = (),
                  relatives: tuple[V, ...] = REL_JUDGE, aka: tuple[str, ...] = (),
                  job: V | None = None) -> Listing:
    return Listing("judge", name, "Santa Rosa, CA", age, current, past, phones, emails,
                   relatives, aka, job)


# --- shared chrome -----------------------------------------------------------------------------

FCRA = (
    "{site} is not a consumer reporting agency as defined by the Fair Credit Reporting Act "
    "(FCRA). Information on this site may not be used to make decisions about employment, "
    "credit, insurance, tenant screening or any other purpose covered by the FCRA. Records are "
    "compiled from public records, commercial sources and user submissions and may be "
    "incomplete or out of date."
)


def _footer(site: str, host: str, links: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="https://{host}{p}">{esc(t)}</a></li>' for t, p in links)
    return (
        f'<footer class="site-footer"><ul class="footer-links">{items}</ul>'
        f'<p class="fcra">{esc(FCRA.format(site=site))}</p>'
        f"<p class=\"copy\">&copy; 2026 {esc(site)}. All rights reserved.</p></footer>"
    )


def _phones_html(phones: tuple[V, ...], cls: str = "phone") -> str:
    return "".join(
        f'<li class="{cls}"><a href="tel:{esc(p.text)}">{esc(p.text)}</a>'
        + (f' <span class="type">{esc(p.note)}</span>' if p.note else "") + "</li>"
        for p in phones
    )


def _rel_html(rels: tuple[V, ...], href: str) -> str:
    return ", ".join(
        f'<a href="{href}{esc(r.text.lower().replace(" ", "-"))}">{esc(r.text)}</a>' for r in rels
    )


# --- FastPeopleSearch (div.card) ----------------------------------------------------------------

FPS_CSS = (
    "body{font-family:Arial,Helvetica,sans-serif;margin:0;background:#f4f6f9;color:#222}"
    ".hdr{background:#1c5fa8;color:#fff;padding:10px 24px;display:flex;gap:24px;align-items:center}"
    ".hdr .logo{font-weight:bold;font-size:22px}.hdr input{padding:6px;width:260px}"
    ".wrap{max-width:980px;margin:0 auto;padding:16px}.card{background:#fff;border:1px solid #d8dde6;"
    "border-radius:6px;padding:16px;margin:12px 0}.card h2{margin:0;color:#1c5fa8}.larger{font-size:20px}"
    ".grey{color:#666}.ad{display:block;background:#fff8e1;border:1px dashed #e0c060;padding:10px;"
    "margin:12px 0}.ad-label{font-size:10px;color:#999;display:block}.cookie-banner{position:fixed;"
    "bottom:0;left:0;right:0;background:#222;color:#eee;padding:12px}.site-footer{background:#e9edf3;"
    "padding:20px;font-size:12px;color:#555}.footer-links li{display:inline;margin-right:14px}"
    ".detail-link{display:inline-block;background:#2b8a3e;color:#fff;padding:6px 12px;border-radius:4px}"
)
FPS_LINKS = [("About", "/about"), ("Removal / Opt-out", "/removal"), ("Privacy Policy", "/privacy"),
             ("Terms of Service", "/terms"), ("Do Not Sell or Share My Personal Information",
                                              "/ccpa"), ("Contact", "/contact")]


def _fps_card(b: Listing, i: int) -> str:
    cur = ""
    if b.current:
        lines = b.current.text.split("\n")
        cur = ('<h3>Current Address</h3><div class="address"><a href="/address/x">'
               + "<br>".join(esc(x) for x in lines) + "</a></div>")
    past = "".join(f"<li>{esc(a.text)}</li>" for a in b.past)
    aka = ", ".join(esc(a) for a in b.aka)
    return (
        f'<div class="card" id="person-{i}">'
        f'<h2 class="card-title"><span class="larger">{esc(b.name)}</span></h2>'
        f'<h3 class="grey">{esc(b.city)}</h3>'
        + (f"<div class=\"age\"><strong>{esc(b.age.text)}</strong></div>" if b.age else "")
        + (f'<div class="aka"><strong>Also Known As:</strong> {aka}</div>' if aka else "")
        + cur
        + (f"<h3>Past Addresses</h3><ul>{past}</ul>" if past else "")
        + (f"<h3>Phone Numbers</h3><ul>{_phones_html(b.phones)}</ul>" if b.phones else "")
        + (f"<h3>Email Addresses</h3><ul>{''.join(f'<li>{esc(e.text)}</li>' for e in b.emails)}"
           "</ul>" if b.emails else "")
        + (f"<h3>Relatives</h3><div class=\"relatives\">{_rel_html(b.relatives, '/name/')}</div>"
           if b.relatives else "")
        + '<a class="detail-link" href="#">View Free Details</a></div>'
    )


def fastpeoplesearch(url: str, heading: str, title: str, blocks: list[Listing], query: str) -> str:
    cards = []
    for i, b in enumerate(blocks):
        cards.append(_fps_card(b, i))
        if i == 1:
            cards.append(ad_slot("fps-inline-1", "Check anyone's background in minutes &mdash; "
                                 "criminal records, court records and more. Try it now."))
    body = (
        '<header class="hdr"><span class="logo">FastPeopleSearch</span>'
        f'<form action="/search"><input name="q" value="{esc(query)}" aria-label="Search">'
        '<button>Free Search</button></form><nav><a href="/removal">Remove My Record</a></nav>'
        "</header>"
        f'<main class="wrap"><h1>{esc(heading)}</h1>'
        f'<p class="grey">We found {len(blocks)} records. Results are sorted by relevance to your '
        "search. Select a record to see full addresses, phone numbers, relatives and associates."
        "</p>"
        + "".join(cards)
        + "<section class=\"faq\"><h2>Frequently asked questions</h2><h3>Is FastPeopleSearch really"
        " free?</h3><p>Yes. Search by name, phone or address at no cost; no registration is "
        "required.</p><h3>How do I remove my record?</h3><p>Use the removal page, find your "
        "record and confirm by e-mail. Removals usually take effect within 72 hours.</p></section>"
        "</main>"
        + _footer("FastPeopleSearch", "www.fastpeoplesearch.com", FPS_LINKS)
        + cookie_banner("FastPeopleSearch", "https://www.fastpeoplesearch.com/privacy")
    )
    return document(title, body, css=FPS_CSS)


# --- Spokeo (div.listing) --------------------------------------------------------------------

SPOKEO_CSS = (
    "body{font-family:'Helvetica Neue',Arial,sans-serif;margin:0;color:#2d2d2d}"
    ".top{background:#4a2b8c;color:#fff;padding:14px 28px}.top b{font-size:24px;letter-spacing:1px}"
    ".results{max-width:900px;margin:0 auto}.listing{border-bottom:1px solid #e2e2e2;padding:18px 0;"
    "display:grid;grid-template-columns:64px 1fr;gap:14px}.avatar{width:56px;height:56px;"
    "border-radius:50%;background:#d9cff2;text-align:center;line-height:56px;font-weight:bold}"
    ".name{font-size:20px;font-weight:600;color:#4a2b8c}.muted{color:#777}.ad{display:block;"
    "background:#f3f0fa;padding:12px;margin:16px 0}.ad-label{font-size:10px;color:#999;display:block}"
    ".cookie-banner{position:fixed;bottom:0;width:100%;background:#fff;border-top:2px solid #4a2b8c;"
    "padding:10px}.site-footer{background:#2d2d2d;color:#bbb;padding:20px;font-size:12px}"
    ".site-footer a{color:#ddd}.footer-links li{display:inline;margin-right:12px}"
    ".locked{filter:blur(3px)}"
)
SPOKEO_LINKS = [("About Spokeo", "/about"), ("Opt Out", "/optout"), ("Privacy", "/privacy"),
                ("Terms", "/terms"), ("Do Not Sell or Share My Info", "/privacy/ccpa"),
                ("Help Center", "/help")]


def _spokeo_listing(b: Listing, i: int) -> str:
    first, _, last = b.name.rpartition(" ")
    initials = (first[:1] + last[:1]).upper()
    cur = (f'<div class="addr"><span class="label">Current address:</span> '
           f"<span class=\"street\">{esc(b.current.text)}</span></div>") if b.current else ""
    past = "; ".join(esc(a.text) for a in b.past)
    phones = ", ".join(esc(p.text) for p in b.phones)
    emails = ", ".join(esc(e.text) for e in b.emails)
    rels = ", ".join(esc(r.text) for r in b.relatives)
    return (
        f'<div class="listing" data-rank="{i + 1}"><div class="avatar">{initials}</div><div>'
        f'<div class="name"><span class="first-name">{esc(first)}</span> '
        f'<span class="last-name">{esc(last)}</span>'
        + (f', <span class="age">{esc(b.age.text)}</span>' if b.age else "")
        + f'</div><div class="muted">Lives in {esc(b.city)}</div>'
        + cur
        + (f'<div class="past"><span class="label">Used to live at:</span> {past}</div>'
           if past else "")
        + (f'<div class="phones"><span class="label">Phone:</span> {phones}</div>' if phones else "")
        + (f'<div class="emails"><span class="label">Email:</span> {emails}</div>' if emails else "")
        + (f'<div class="relatives"><span class="label">Related to:</span> {rels}</div>'
           if rels else "")
        + (f'<div class="aka muted">Also known as {", ".join(esc(a) for a in b.aka)}</div>'
           if b.aka else "")
        + '<div class="locked">Social profiles · Court records · Property</div>'
        "<a href=\"#\">See Results</a></div></div>"
    )


def spokeo(url: str, name: str, place: str, blocks: list[Listing]) -> str:
    title = f"{name} in {place} - Phone, Address, Email & More | Spokeo"
    items = []
    for i, b in enumerate(blocks):
        items.append(_spokeo_listing(b, i))
        if i == 0:
            items.append(ad_slot("spk-1", "Who's calling you? Reverse phone lookup &ndash; "
                                 "unlimited searches for $0.95 today."))
    body = (
        '<div class="top"><b>Spokeo</b> &nbsp; <span>People Search</span> &middot; '
        '<a style="color:#fff" href="/reverse-phone-lookup">Phone Lookup</a> &middot; '
        '<a style="color:#fff" href="/email-search">Email Search</a> &middot; '
        '<a style="color:#fff" href="/optout">Opt Out</a></div>'
        f'<main class="results"><nav class="crumbs"><a href="/">Home</a> &rsaquo; '
        f"<a href=\"#\">{esc(name)}</a> &rsaquo; {esc(place)}</nav>"
        f"<h1>{esc(name)} in {esc(place)}</h1>"
        f'<p class="muted">{len(blocks)} results for {esc(name)}. Spokeo searches billions of '
        "public records to find phone numbers, current and past addresses, relatives and social "
        "profiles. Results may include people with similar names.</p>"
        + "".join(items)
        + "</main>"
        + _footer("Spokeo", "www.spokeo.com", SPOKEO_LINKS)
        + cookie_banner("Spokeo", "https://www.spokeo.com/privacy")
    )
    return document(title, body, css=SPOKEO_CSS)


# --- Whitepages (div.person-card) -------------------------------------------------------------

WP_CSS = (
    "body{font-family:Roboto,Arial,sans-serif;margin:0;background:#fafafa;color:#212121}"
    "header{background:#fff;border-bottom:1px solid #ddd;padding:12px 30px}"
    "header .brand{color:#00897b;font-size:24px;font-weight:700}.main{max-width:960px;margin:auto;"
    "padding:20px}.person-card{background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.15);padding:18px;"
    "margin-bottom:16px;border-radius:4px}.person-card h2{margin:0 0 4px}.meta{color:#757575}"
    ".section-label{font-size:12px;text-transform:uppercase;color:#9e9e9e;margin-top:10px}"
    ".premium{background:#e0f2f1;padding:6px;border-radius:3px}.ad{display:block;margin:16px 0;"
    "padding:14px;background:#fff3e0}.ad-label{font-size:10px;color:#aaa;display:block}"
    ".cookie-banner{position:fixed;bottom:0;width:100%;background:#263238;color:#fff;padding:10px}"
    ".site-footer{padding:24px;background:#eceff1;font-size:12px}.footer-links li{display:inline;"
    "margin-right:12px}"
)
WP_LINKS = [("About", "/about"), ("Suppression Requests", "/suppression_requests"),
            ("Privacy", "/privacy"), ("Terms", "/terms"),
            ("Do Not Sell or Share My Personal Information", "/ccpa"), ("Support", "/support")]


def _wp_card(b: Listing) -> str:
    return (
        '<div class="person-card">'
        f'<h2 class="name">{esc(b.name)}</h2>'
        f'<div class="meta">{esc(b.age.text) if b.age else ""}'
        f'{" &middot; " if b.age else ""}{esc(b.city)}</div>'
        + (f'<div class="section-label">Current Address</div><div class="address">'
           f"{esc(b.current.text)}</div>" if b.current else
           '<div class="section-label">Current Address</div><div class="premium">'
           "Unlock with Whitepages Premium</div>")
        + ("<div class=\"section-label\">Previous Addresses</div><ul>"
           + "".join(f"<li>{esc(a.text)}</li>" for a in b.past) + "</ul>" if b.past else "")
        + ("<div class=\"section-label\">Phone</div><ul>" + _phones_html(b.phones) + "</ul>"
           if b.phones else "")
        + ("<div class=\"section-label\">Relatives</div><p class=\"relatives\">"
           + ", ".join(esc(r.text) for r in b.relatives) + "</p>" if b.relatives else "")
        + '<a class="cta" href="#">View Full Report</a></div>'
    )


def whitepages(title: str, heading: str, intro: str, blocks: list[Listing],
               extra: str = "") -> str:
    cards = []
    for i, b in enumerate(blocks):
        cards.append(_wp_card(b))
        if i == 0:
            cards.append(ad_slot("wp-mid", "Whitepages Premium: see full phone and address "
                                 "history. Start your 7-day trial."))
    body = (
        '<header><span class="brand">Whitepages</span> &nbsp; <a href="/name">People</a> · '
        '<a href="/phone">Phone</a> · <a href="/address">Address</a> · '
        '<a href="/premium">Premium</a></header>'
        f'<div class="main"><h1>{esc(heading)}</h1><p class="meta">{intro}</p>{extra}'
        + "".join(cards)
        + "</div>"
        + _footer("Whitepages", "www.whitepages.com", WP_LINKS)
        + cookie_banner("Whitepages", "https://www.whitepages.com/privacy")
    )
    return document(title, body, css=WP_CSS)


# --- Radaris (div.rdr-card), with JSON-LD ------------------------------------------------------

RADARIS_CSS = (
    "body{font-family:Verdana,Arial,sans-serif;font-size:14px;margin:0;background:#eef1f4}"
    ".rhead{background:#20262e;color:#fff;padding:12px 20px}.rhead b{color:#ffb400;font-size:22px}"
    ".cols{display:flex;gap:20px;max-width:1100px;margin:auto;padding:16px}.list{flex:3}"
    ".side{flex:1}.rdr-card{background:#fff;border-left:4px solid #ffb400;padding:14px;margin:10px 0}"
    ".rdr-card h3{margin:0}.kv{margin:3px 0}.kv b{display:inline-block;width:120px;color:#555}"
    ".ad{display:block;background:#fff;padding:10px;margin:10px 0}.ad-label{font-size:10px;"
    "color:#999;display:block}.cookie-banner{position:fixed;bottom:0;width:100%;background:#20262e;"
    "color:#fff;padding:8px}.site-footer{background:#20262e;color:#aaa;padding:20px;font-size:12px}"
    ".footer-links li{display:inline;margin-right:12px}.site-footer a{color:#ddd}"
)
RADARIS_LINKS = [("About Radaris", "/page/about"), ("Remove Information", "/control/privacy"),
                 ("Privacy Policy", "/page/privacy"), ("Terms of Use", "/page/terms"),
                 ("CCPA Request", "/page/ccpa")]


def _radaris_card(b: Listing, heading: str) -> str:
    kv = []
    if b.age:
        kv.append(("Age", b.age.text))
    if b.current:
        kv.append(("Lives in", b.city))
        kv.append(("Address", b.current.text))
    if b.past:
        kv.append(("Previously", "; ".join(a.text for a in b.past)))
    if b.phones:
        kv.append(("Phones", ", ".join(p.text for p in b.phones)))
    if b.job:
        kv.append(("Work", b.job.text))
    if b.aka:
        kv.append(("Known as", ", ".join(b.aka)))
    if b.relatives:
        kv.append(("Related to", ", ".join(r.text for r in b.relatives)))
    return (f'<div class="rdr-card"><h3>{esc(heading)}</h3>'
            + "".join(f'<p class="kv"><b>{esc(k)}:</b> {esc(v)}</p>' for k, v in kv)
            + '<a href="#">Full background report &raquo;</a></div>')


def _jsonld_person(b: Listing, birth: str | None) -> dict[str, object]:
    d: dict[str, object] = {"@type": "Person", "name": b.name}
    if birth:
        d["birthDate"] = birth
    if b.current:
        street, city, rest = (b.current.text.split(", ") + ["", ""])[:3]
        region, _, zipc = rest.partition(" ")
        d["address"] = {"@type": "PostalAddress", "streetAddress": street,
                        "addressLocality": city, "addressRegion": region, "postalCode": zipc}
    if b.phones:
        d["telephone"] = [p.text for p in b.phones]
    if b.relatives:
        d["relatedTo"] = [{"@type": "Person", "name": r.text} for r in b.relatives]
    if b.aka:
        d["additionalName"] = list(b.aka)
    return d


def radaris(url: str, first: str, last: str, blocks: list[tuple[Listing, str, str | None]]) -> str:
    """blocks: (listing, heading as printed, birthDate for JSON-LD or None)."""
    ld = {"@context": "https://schema.org", "@type": "ItemList",
          "name": f"{first} {last} - people search results",
          "itemListElement": [
              {"@type": "ListItem", "position": i + 1, "item": _jsonld_person(b, birth)}
              for i, (b, _, birth) in enumerate(blocks)]}
    head = ('<script type="application/ld+json">'
            + json.dumps(ld, indent=1).replace("</", "<\\/") + "</script>\n")
    cards = "".join(_radaris_card(b, h) for b, h, _ in blocks)
    body = (
        '<div class="rhead"><b>Radaris</b> &nbsp; Find people, contacts and background info</div>'
        f'<div class="cols"><div class="list"><h1>{esc(first)} {esc(last)}</h1>'
        f"<p>We found {len(blocks)} people named {esc(first)} {esc(last)} in the United States. "
        "The records below combine phone numbers, addresses, relatives and work history found "
        "in public sources. Choose the right person by location and age.</p>"
        + cards
        + "</div><div class=\"side\">"
        + ad_slot("rdr-side", "Is your personal info exposed? Scan 50+ sites free.")
        + "<h4>Popular searches</h4><ul>"
        + "".join(f"<li>{esc(last)} in {st}</li>" for st in ("California", "Texas", "Oregon"))
        + "</ul></div></div>"
        + _footer("Radaris", "radaris.com", RADARIS_LINKS)
        + cookie_banner("Radaris", "https://radaris.com/page/privacy")
    )
    return document(f"{first} {last} - Phone, Address, Background info | Radaris", body,
                    css=RADARIS_CSS, head=head)


# --- ThatsThem (div.record) --------------------------------------------------------------------

TT_CSS = (
    "body{font-family:Arial,sans-serif;margin:0;color:#333}.bar{background:#f26b21;color:#fff;"
    "padding:12px 24px;font-size:20px;font-weight:bold}.content{max-width:900px;margin:auto;"
    "padding:16px}.record{border:1px solid #ddd;padding:14px;margin:12px 0}.record .name{"
    "font-size:18px;font-weight:bold;color:#f26b21}dl{display:grid;grid-template-columns:130px 1fr;"
    "margin:6px 0}dt{color:#888}.ad{display:block;border:1px solid #eee;padding:10px;margin:12px 0}"
    ".ad-label{font-size:10px;color:#aaa;display:block}.cookie-banner{position:fixed;bottom:0;"
    "width:100%;background:#333;color:#fff;padding:10px}.site-footer{font-size:12px;padding:20px;"
    "background:#f5f5f5}.footer-links li{display:inline;margin-right:12px}"
)
TT_LINKS = [("About", "/about"), ("Optout", "/optout"), ("Privacy Policy", "/privacy"),
            ("Terms", "/terms"), ("API", "/api")]


def _tt_record(b: Listing, extra: list[tuple[str, str]]) -> str:
    rows = []
    if b.current:
        rows.append(("Address", b.current.text))
    if b.age:
        rows.append(("Date of Birth" if b.age.full else "Age", b.age.text))
    if b.phones:
        rows.append(("Phone", ", ".join(p.text + (f" ({p.note})" if p.note else "")
                                        for p in b.phones)))
    if b.emails:
        rows.append(("Email", ", ".join(e.text for e in b.emails)))
    rows.extend(extra)
    return (f'<div class="record"><div class="name">{esc(b.name)}</div><dl>'
            + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows)
            + "</dl></div>")


def thatsthem(phone: str, records: list[tuple[Listing, list[tuple[str, str]]]]) -> str:
    body = (
        '<div class="bar">ThatsThem <small style="font-weight:normal">Free People Search</small>'
        "</div>"
        f'<div class="content"><h1>{esc(phone)}</h1>'
        f"<p>Reverse phone lookup for {esc(phone)}: {len(records)} records found. Free results "
        "include the name, address, age and e-mail linked to this number.</p>"
        + ad_slot("tt-top", "Stop robocalls for good &ndash; get the CallShield app.")
        + "".join(_tt_record(b, x) for b, x in records)
        + "</div>"
        + _footer("ThatsThem", "thatsthem.com", TT_LINKS)
        + cookie_banner("ThatsThem", "https://thatsthem.com/privacy")
    )
    return document(f"{phone} - Reverse Phone Lookup | ThatsThem", body, css=TT_CSS)


# --- detail pages: TruePeopleSearch (div.card-summary), Nuwber (div.person-block) --------------

TPS_CSS = (
    "body{font-family:Arial,sans-serif;margin:0;background:#f7f7f7}.tps-h{background:#0a3d62;"
    "color:#fff;padding:12px 24px;font-size:20px}.container{max-width:940px;margin:auto;padding:16px}"
    ".card-summary{background:#fff;border:1px solid #ddd;padding:18px}.h2{font-size:24px;"
    "font-weight:bold}.content-label{font-weight:bold;margin-top:12px;display:block;color:#0a3d62}"
    ".content-value{margin-left:6px}.also{background:#fff;margin-top:16px;padding:12px}"
    ".ad{display:block;padding:10px;background:#eef;margin:12px 0}.ad-label{font-size:10px;"
    "display:block;color:#999}.site-footer{font-size:12px;padding:20px}.footer-links li{"
    "display:inline;margin-right:12px}.cookie-banner{position:fixed;bottom:0;width:100%;"
    "background:#0a3d62;color:#fff;padding:8px}"
)


def truepeoplesearch(b: Listing, title: str, lived: str, also: list[tuple[str, str]]) -> str:
    cur = "<br>".join(esc(x) for x in b.current.text.split("\n")) if b.current else ""
    sections = [
        ("Current Address", f"{cur}<br><small>{esc(lived)}</small>" if cur else ""),
        ("Phone Numbers", "<br>".join(f"{esc(p.text)} - {esc(p.note)}" for p in b.phones)),
        ("Previous Addresses", "<br>".join(f"{esc(a.text)} <small>({esc(a.note)})</small>"
                                           for a in b.past)),
        ("Email Addresses", "<br>".join(esc(e.text) for e in b.emails)),
        ("Relatives", "<br>".join(esc(r.text) for r in b.relatives)),
        ("Also Seen As", ", ".join(esc(a) for a in b.aka)),
    ]
    body = (
        '<div class="tps-h">TruePeopleSearch</div><div class="container">'
        '<div class="card-summary">'
        f'<div class="h2">{esc(b.name)}</div>'
        f'<span class="content-value">{esc(b.age.text) if b.age else ""}</span>'
        f'<div>Lives in {esc(b.city)}</div>'
        + "".join(f'<span class="content-label">{esc(k)}</span><div class="content-value">{v}</div>'
                  for k, v in sections if v)
        + "</div>"
        + ad_slot("tps-1", "Run a full background check: arrests, court records, assets.")
        + '<div class="also"><h3>People also viewed</h3><ul>'
        + "".join(f"<li>{esc(n)} &middot; {esc(c)}</li>" for n, c in also)
        + "</ul></div><p><small>Record last updated October 2026. To remove this record use the "
        "Do Not Sell My Info page.</small></p></div>"
        + _footer("TruePeopleSearch", "www.truepeoplesearch.com",
                  [("About", "/about"), ("Remove my record", "/removal"), ("Privacy", "/privacy"),
                   ("Do Not Sell My Personal Information", "/ccpa")])
        + cookie_banner("TruePeopleSearch", "https://www.truepeoplesearch.com/privacy")
    )
    return document(title, body, css=TPS_CSS)


NUWBER_CSS = (
    "body{font-family:'Segoe UI',Arial,sans-serif;margin:0;color:#1f2d3d}.nw{background:#00b386;"
    "color:#fff;padding:12px 24px;font-size:22px;font-weight:600}.page{max-width:960px;margin:auto;"
    "padding:18px}.person-block{border:1px solid #dfe6ee;border-radius:8px;padding:20px}"
    ".row{display:flex;gap:10px;margin:6px 0}.row .k{width:150px;color:#8492a6}.ad{display:block;"
    "padding:12px;background:#f0fbf7;margin:14px 0}.ad-label{font-size:10px;color:#999;"
    "display:block}.site-footer{font-size:12px;padding:20px;background:#f9fafc}.footer-links li{"
    "display:inline;margin-right:12px}.cookie-banner{position:fixed;bottom:0;width:100%;"
    "background:#1f2d3d;color:#fff;padding:8px}"
)


def nuwber(b: Listing, title: str, born: str, faq: str) -> str:
    rows = [("Age", f"{b.age.text} ({born})" if b.age else ""),
            ("Current address", b.current.text if b.current else ""),
            ("Previous addresses", "; ".join(a.text for a in b.past)),
            ("Phone", ", ".join(f"{p.text} ({p.note})" for p in b.phones)),
            ("Email", ", ".join(e.text for e in b.emails)),
            ("Occupation", b.job.text if b.job else ""),
            ("Relatives", ", ".join(r.text for r in b.relatives)),
            ("Also known as", ", ".join(b.aka))]
    body = (
        '<div class="nw">nuwber</div><div class="page">'
        f'<nav><a href="/">Home</a> / <a href="#">California</a> / <a href="#">Santa Rosa</a> / '
        f"{esc(b.name)}</nav>"
        f'<div class="person-block"><h1>{esc(b.name)}</h1><p>{esc(b.city)}</p>'
        + "".join(f'<div class="row"><span class="k">{esc(k)}</span><span>{esc(v)}</span></div>'
                  for k, v in rows if v)
        + "</div>"
        + ad_slot("nw-1", "Unlock the full report: criminal records, social media and more.")
        + f"<section><h2>About this record</h2><p>{faq}</p></section></div>"
        + _footer("Nuwber", "nuwber.com", [("About", "/about"), ("Remove info", "/removal/link"),
                                          ("Privacy", "/privacy"), ("Terms", "/terms")])
        + cookie_banner("Nuwber", "https://nuwber.com/privacy")
    )
    return document(title, body, css=NUWBER_CSS)


CF_CHALLENGE = """<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta http-equiv="X-UA-Compatible" content="IE=Edge"><meta name="robots" content="noindex,nofollow">
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>*{box-sizing:border-box;margin:0;padding:0}html{line-height:1.15;color:#313131;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}body{display:flex;
flex-direction:column;height:100vh;min-height:100vh}.main-content{margin:8rem auto;
width:100%;max-width:60rem;padding-left:1.5rem}h1{font-size:2.5rem;font-weight:500}
h2{font-size:1.5rem;font-weight:500;margin-top:1rem}</style></head>
<body class="no-js"><div class="main-wrapper" role="main"><div class="main-content">
<h1 class="zone-name-title h1">www.peoplefinders.com</h1>
<h2 id="challenge-running" class="h2">Verifying you are human. This may take a few seconds.</h2>
<noscript><div id="challenge-error-title"><div class="h2"><span class="icon-wrapper">
</span><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></div>
</noscript><div id="challenge-body-text" class="core-msg spacer">www.peoplefinders.com needs to
review the security of your connection before proceeding.</div>
<form id="challenge-form" action="/name/eleanor-whitfield/ca/santa-rosa?__cf_chl_f_tk=Zq3vT8"
method="POST" enctype="application/x-www-form-urlencoded">
<input type="hidden" name="md" value="0c5a9d1b7e3f"></form></div></div>
<script>(function(){window._cf_chl_opt={cvId:'3',cZone:"www.peoplefinders.com",cType:'managed',
cRay:'8e1f2a3b4c5d6e7f',cH:'demo'};var cpo=document.createElement('script');
cpo.src='/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8e1f2a3b4c5d6e7f';
document.getElementsByTagName('head')[0].appendChild(cpo);}());</script>
<div class="footer" role="contentinfo"><div class="footer-inner"><div class="clearfix diagnostic-wrapper">
<div class="ray-id">Ray ID: <code>8e1f2a3b4c5d6e7f</code></div></div>
<div class="text-center" id="footer-text">Performance &amp; security by Cloudflare</div></div></div>
</body></html>
"""


# --- the pages ----------------------------------------------------------------------------------


def build(web: Web) -> None:
    """Every people-search page of the demo, with its ground truth."""
    _judge_name_pages(web)
    _judge_phone_pages(web)
    _judge_detail(web)
    _spouse_pages(web)
    _mother_pages(web)
    url = "https://www.peoplefinders.com/name/eleanor-whitfield/ca/santa-rosa"
    web.page(url, CF_CHALLENGE, status=403, server="cloudflare",
             headers=(("cf-ray", "8e1f2a3b4c5d6e7f-SJC"), ("cf-mitigated", "challenge"),
                      ("Cache-Control", "private, max-age=0, no-store")))
    web.not_checked_urls.append(url)


def _judge_name_pages(web: Web) -> None:
    # FastPeopleSearch: name search
    url = "https://www.fastpeoplesearch.com/name/eleanor-whitfield_santa-rosa-ca"
    j = judge_listing(
        "Eleanor R Whitfield", V("Age 58", "birth_year"),
        V("2417 Alderbrook Dr\nSanta Rosa, CA 95405", HOME),
        (V("88 Quarry Rd, Petaluma, CA 94952", PREV),
         V("455 College Ave Apt 12, Santa Rosa, CA 95404")),
        (V("(707) 555-0142", "phones[0]", note="Landline"),
         V("(707) 555-0187", "phones[1]", note="Wireless")),
        aka=("Eleanor Marsh", "Ellie Whitfield", "Eleanor Ruth Marsh"))
    blocks = [j, ELLEN, BEND, AUSTIN]
    web.page(url, fastpeoplesearch(
        url, "Eleanor Whitfield in Santa Rosa, CA",
        "Eleanor Whitfield in Santa Rosa, CA - Address & Phone Number | FastPeopleSearch",
        blocks, "Eleanor Whitfield, Santa Rosa CA"), server="cloudflare")
    _block_truth(web, url, "FastPeopleSearch", blocks)

    # Spokeo: name + state + city; the e-mail is obfuscated as on many broker pages
    url = "https://www.spokeo.com/Eleanor-Whitfield/California/Santa-Rosa"
    j = judge_listing(
        "Eleanor Whitfield", V("58", "birth_year"),
        V("2417 Alderbrook Drive, Santa Rosa, CA 95405", HOME),
        (V("88 Quarry Road, Petaluma, CA 94952", PREV),),
        (V("707.555.0142", "phones[0]"), V("707.555.0187", "phones[1]")),
        (V("eleanor.whitfield [at] example [dot] net", "emails[0]"),),
        (V("Daniel Whitfield", "spouse"), V("Sophie Whitfield", "child"),
         V("Lucas Whitfield", "son"), V("Margaret Marsh", "mother")),
        aka=("Ellie Whitfield",))
    blocks = [j, ELLEN, AUSTIN, BEND]
    web.page(url, spokeo(url, "Eleanor Whitfield", "Santa Rosa, CA", blocks), server="cloudflare")
    _block_truth(web, url, "Spokeo", blocks)

    # Whitepages: name + city; capitals and ZIP+4, as the registers print them
    url = "https://www.whitepages.com/name/Eleanor-Whitfield/Santa-Rosa-CA"
    j = judge_listing(
        "Eleanor R Whitfield", V("Age 57-58", "birth_year"),
        V("2417 ALDERBROOK DR, SANTA ROSA, CA 95405-7731", HOME),
        (V("88 QUARRY RD, PETALUMA, CA 94952-3310", PREV),),
        (V("(707) 555-0142", "phones[0]", note="Landline"),),
        relatives=(V("Daniel J Whitfield", "spouse"), V("Sophie Whitfield", "child"),
                   V("Margaret A Marsh", "mother")))
    blocks = [j, ELLEN, BEND]
    web.page(url, whitepages(
        "Eleanor Whitfield in Santa Rosa, CA | Whitepages", "Eleanor Whitfield · Santa Rosa, CA",
        "3 people named Eleanor Whitfield found in and around Santa Rosa, CA. Whitepages has "
        "contact information for over 250 million adults in the U.S.", blocks),
        server="cloudflare")
    _block_truth(web, url, "Whitepages", blocks)

    # Radaris: nationwide list, surname-first heading, JSON-LD ItemList of Person
    url = "https://radaris.com/p/Eleanor/Whitfield/"
    j = judge_listing(
        "Eleanor R Whitfield", V("58", "birth_year"),
        V("2417 Alderbrook Dr, Santa Rosa, CA 95405", HOME),
        (V("88 Quarry Rd, Petaluma, CA 94952", PREV),),
        (V("707-555-0187", "phones[1]"), V("707-555-0142", "phones[0]")),
        relatives=(V("Daniel Whitfield", "spouse"), V("Margaret Marsh", "mother"),
                   V("Lucas Whitfield", "son")),
        aka=("Eleanor Marsh", "Ellie Whitfield"),
        job=V("Judge, Superior Court of California"))
    blocks3: list[tuple[Listing, str, str | None]] = [(j, "Whitfield Eleanor", "1968"), (BEND, "Whitfield Eleanor M", "1952"),
               (AUSTIN, "Whitfield Eleanor", "1995"), (LEXINGTON, "Whitfield Eleanor", "1938")]
    web.page(url, radaris(url, "Eleanor", "Whitfield", blocks3), server="cloudflare")
    _block_truth(web, url, "Radaris", [b for b, _, _ in blocks3])


def _judge_phone_pages(web: Web) -> None:
    j142 = judge_listing(
        "Eleanor Whitfield", V("Age 58", "birth_year"),
        V("2417 Alderbrook Dr\nSanta Rosa, CA 95405", HOME),
        (V("88 Quarry Rd, Petaluma, CA 94952", PREV),),
        (V("707-555-0142", "phones[0]", note="Landline"),
         V("707-555-0187", "phones[1]", note="Wireless")),
        aka=("Eleanor R Whitfield", "Eleanor Marsh"))
    url = "https://www.fastpeoplesearch.com/707-555-0142"
    web.page(url, fastpeoplesearch(
        url, "(707) 555-0142", "(707) 555-0142 - Reverse Phone Lookup | FastPeopleSearch",
        [j142, PREV_OWNER], "707-555-0142"), server="cloudflare")
    _block_truth(web, url, "FastPeopleSearch", [j142, PREV_OWNER])

    j187 = judge_listing(
        "Eleanor R Whitfield", V("Age 58 (Born March 1968)", "birth_year"),
        V("2417 Alderbrook Dr\nSanta Rosa, CA 95405", HOME), (),
        (V("(707) 555-0187", "phones[1]", note="Wireless"),
         V("(707) 555-0142", "phones[0]", note="Landline")),
        relatives=(V("Daniel J Whitfield", "spouse"), V("Margaret A Marsh", "mother")))
    other = Listing(None, "Rosa M Delgado", "Santa Rosa, CA", V("Age 41"),
                    V("2731 Sonoma Ave\nSanta Rosa, CA 95405"), (),
                    (V("(707) 555-0187", note="Wireless, 2012 - 2016"),), (), (V("Luis Delgado"),))
    url = "https://www.fastpeoplesearch.com/707-555-0187"
    web.page(url, fastpeoplesearch(
        url, "(707) 555-0187", "(707) 555-0187 - Reverse Phone Lookup | FastPeopleSearch",
        [j187, other], "707-555-0187"), server="cloudflare")
    _block_truth(web, url, "FastPeopleSearch", [j187])

    # Whitepages reverse phone: landline shows the owner and address; the mobile only a name
    url = "https://www.whitepages.com/phone/1-707-555-0142"
    owner = judge_listing("Eleanor Whitfield", V("Age 58", "birth_year"),
                          V("2417 Alderbrook Dr, Santa Rosa, CA 95405", HOME), (),
                          (V("(707) 555-0142", "phones[0]", note="Landline · AT&T California"),),
                          relatives=(V("Daniel Whitfield", "spouse"),))
    web.page(url, whitepages(
        "(707) 555-0142 | Landline · Santa Rosa, CA | Whitepages Reverse Phone",
        "(707) 555-0142", "Landline · AT&amp;T California · Santa Rosa, CA. Spam risk: low. "
        "This number is associated with 2 people over the last 20 years.",
        [owner, PREV_OWNER],
        extra='<p class="premium">Reported by 0 users as spam.</p>'), server="cloudflare")
    _block_truth(web, url, "Whitepages", [owner])

    url = "https://www.whitepages.com/phone/1-707-555-0187"
    mob = Listing("judge", "Eleanor R Whitfield", "Santa Rosa, CA", None, None, (),
                  (V("(707) 555-0187", "phones[1]", note="Mobile · Verizon Wireless"),))
    web.page(url, whitepages(
        "(707) 555-0187 | Mobile · Santa Rosa, CA | Whitepages Reverse Phone",
        "(707) 555-0187", "Mobile · Verizon Wireless · Santa Rosa, CA. Spam risk: low.",
        [mob]), server="cloudflare")
    _block_truth(web, url, "Whitepages", [mob])

    # ThatsThem: capitals, a full date of birth and the plain e-mail
    url = "https://thatsthem.com/phone/707-555-0142"
    tt = judge_listing("WHITFIELD, ELEANOR R", V("03/14/1968 (58)", "birth_year", full=True),
                       V("2417 Alderbrook Dr Santa Rosa, CA 95405", HOME), (),
                       (V("707-555-0142", "phones[0]", note="Landline"),),
                       (V("eleanor.whitfield@example.net", "emails[0]"),), relatives=())
    prev = Listing(None, "KOWALCZYK, PETER", "Santa Rosa, CA", V("63"),
                   V("1190 Yulupa Ave Santa Rosa, CA 95405"), (),
                   (V("707-555-0142", note="Landline, until 2008"),))
    web.page(url, thatsthem("(707) 555-0142", [
        (tt, [("Household income", "$150K+"), ("Length of residence", "17 years"),
              ("Home owner", "Yes")]),
        (prev, [("Last seen", "2008")])]), server="cloudflare")
    _block_truth(web, url, "ThatsThem", [tt])

    url = "https://thatsthem.com/phone/707-555-0187"
    tt2 = judge_listing("Eleanor Whitfield", V("58", "birth_year"),
                        V("2417 Alderbrook Drive, Santa Rosa, CA 95405", HOME), (),
                        (V("(707) 555-0187", "phones[1]", note="Mobile"),), relatives=())
    other = Listing(None, "TRAN, KEVIN", "San Jose, CA", V("36"),
                    V("455 N 1st St Apt 3, San Jose, CA 95112"), (),
                    (V("408-555-0187", note="Mobile"),))
    web.page(url, thatsthem("(707) 555-0187", [
        (tt2, [("IP address", "203.0.113.58"), ("Carrier", "Verizon Wireless")]),
        (other, [("Note", "Similar number in area code 408")])]), server="cloudflare")
    _block_truth(web, url, "ThatsThem", [tt2])


def _judge_detail(web: Web) -> None:
    url = "https://www.truepeoplesearch.com/find/person/px4r2l8n6u0c96n4n9u0"
    j = judge_listing(
        "Eleanor Ruth Whitfield", V("Age 58, Born March 1968", "birth_year"),
        V("2417 Alderbrook Dr\nSanta Rosa, CA 95405-7731", HOME),
        (V("88 Quarry Rd, Petaluma, CA 94952", PREV, note="Apr 1998 - Jun 2009"),
         V("455 College Ave Apt 12, Santa Rosa, CA 95404", note="1992 - 1998")),
        (V("(707) 555-0142", "phones[0]", note="Landline"),
         V("(707) 555-0187", "phones[1]", note="Wireless")),
        relatives=(V("Daniel James Whitfield", "spouse"), V("Sophie Whitfield", "child"),
                   V("Lucas D Whitfield", "son"), V("Margaret Ann Marsh", "mother")),
        aka=("Eleanor R Whitfield", "Eleanor Marsh", "Ellie Whitfield"))
    web.page(url, truepeoplesearch(
        j, "Eleanor Whitfield, Age 58 - Santa Rosa, CA | TruePeopleSearch",
        "Jun 2009 - Oct 2026", [
        ("Eleanor M Whitfield", "Bend, OR"), ("Ellen R Whitfield", "Rohnert Park, CA"),
        ("Eleanor Whitfield", "Austin, TX")]), server="cloudflare")
    _block_truth(web, url, "TruePeopleSearch", [j])


def _spouse_pages(web: Web) -> None:
    dan_rel = (V("Eleanor R Whitfield", "judge"), V("Sophie Whitfield", "child"),
               V("Lucas Whitfield", "son"))
    dan = Listing("spouse", "Daniel J Whitfield", "Santa Rosa, CA", V("Age 60", "birth_year"),
                  V("2417 Alderbrook Dr\nSanta Rosa, CA 95405", HOME),
                  (V("88 Quarry Rd, Petaluma, CA 94952", also=("judge",)),),
                  (V("(707) 555-0119", note="Wireless"),), (), dan_rel,
                  ("Dan Whitfield", "Daniel James Whitfield"))
    url = "https://www.fastpeoplesearch.com/name/daniel-whitfield_santa-rosa-ca"
    blocks = [dan, FRESNO, REDDING, DANIELLE]
    web.page(url, fastpeoplesearch(
        url, "Daniel Whitfield in Santa Rosa, CA",
        "Daniel Whitfield in Santa Rosa, CA - Address & Phone Number | FastPeopleSearch",
        blocks, "Daniel Whitfield, Santa Rosa CA"), server="cloudflare")
    _block_truth(web, url, "FastPeopleSearch", blocks)

    url = "https://www.spokeo.com/Daniel-Whitfield/California/Santa-Rosa"
    dan2 = Listing("spouse", "Dan Whitfield", "Santa Rosa, CA", V("60", "birth_year"),
                   V("2417 Alderbrook Drive, Santa Rosa, CA 95405", HOME), (),
                   (V("707.555.0119"),), (),
                   (V("Eleanor Whitfield", "judge"), V("Sophie Whitfield", "child")),
                   ("Daniel J Whitfield",))
    blocks = [dan2, FRESNO, REDDING]
    web.page(url, spokeo(url, "Daniel Whitfield", "Santa Rosa, CA", blocks), server="cloudflare")
    _block_truth(web, url, "Spokeo", blocks)

    url = "https://nuwber.com/person/5f3a9c2e8b1d4e0012a7c6b1"
    dan3 = Listing("spouse", "Daniel James Whitfield", "Santa Rosa, CA",
                   V("60", "birth_year"), V("2417 Alderbrook Dr, Santa Rosa, CA 95405", HOME),
                   (V("88 Quarry Rd, Petaluma, CA 94952", also=("judge",)),),
                   (V("(707) 555-0119", note="mobile"),),
                   (V("dan.whitfield@example.com"),),
                   (V("Eleanor Whitfield", "judge"), V("Sophie Whitfield", "child"),
                    V("Lucas Whitfield", "son")),
                   ("Dan Whitfield", "Daniel J Whitfield"),
                   V("Registered Nurse, Redwood Valley Medical Center", "employer"))
    web.page(url, nuwber(dan3, "Daniel Whitfield, 60, Santa Rosa, CA - Phone, Address & More | "
                         "Nuwber", "born 1966",
                         "Nuwber compiles this profile from public records such as property "
                         "deeds, voter files and phone directories. If this is you, you can "
                         "request removal from the link at the bottom of the page."),
             server="cloudflare")
    _block_truth(web, url, "Nuwber", [dan3])


def _mother_pages(web: Web) -> None:
    mom = Listing("mother", "Margaret A Marsh", "Sebastopol, CA", V("Age 85", "birth_year"),
                  V("19 Vine Hill Ct\nSebastopol, CA 95472", "home"), (),
                  (V("(707) 555-0163", "phones[0]", note="Landline"),), (),
                  (V("Eleanor R Whitfield", "judge"), V("Thomas W Marsh")),
                  ("Margaret Ann Marsh", "Peggy Marsh"))
    url = "https://www.fastpeoplesearch.com/name/margaret-marsh_sebastopol-ca"
    blocks = [mom, COTATI, BAKERSFIELD]
    web.page(url, fastpeoplesearch(
        url, "Margaret Marsh in Sebastopol, CA",
        "Margaret Marsh in Sebastopol, CA - Address & Phone Number | FastPeopleSearch",
        blocks, "Margaret Marsh, Sebastopol CA"), server="cloudflare")
    _block_truth(web, url, "FastPeopleSearch", blocks)

    url = "https://www.whitepages.com/phone/1-707-555-0163"
    mom2 = Listing("mother", "Margaret Marsh", "Sebastopol, CA", V("Age 80s", "birth_year"),
                   V("19 Vine Hill Court, Sebastopol, CA 95472", "home"), (),
                   (V("(707) 555-0163", "phones[0]", note="Landline · AT&T California"),))
    web.page(url, whitepages(
        "(707) 555-0163 | Landline · Sebastopol, CA | Whitepages Reverse Phone",
        "(707) 555-0163", "Landline · AT&amp;T California · Sebastopol, CA. Spam risk: low.",
        [mom2]), server="cloudflare")
    # "Age 80s" still shows her age, to the decade
    _block_truth(web, url, "Whitepages", [mom2])
