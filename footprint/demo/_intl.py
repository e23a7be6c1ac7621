"""Demo generator for trainers outside the US: a fictitious family, its web and its ground truth,
written in the country's language, from one description per country (`Country`).

Each country's web follows the same plan, with pages a local audit really meets: the country's
company or foundation register (officers' birth dates and home addresses), a phone directory
with namesakes, the child's school news, the spouse's cycling blog with a GPS-tagged photo taken
by the front door, the spouse's employer's staff page, local news about the judge, the court's
own biography, a club page with the judge's mother's address, a page about the adult son who did
not consent, a namesake's page and a directory that blocks the audit. Hosts are reserved
(`*.example.*`) except the real register host the brokers catalog knows; every person, number and
address is invented.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import _images as img
from ._common import Truth, Web, document, esc, paragraphs


@dataclass(frozen=True)
class Country:
    """Everything one country's demo says, in its own language."""

    code: str
    """ISO 3166-1 ("CZ")."""
    lang: str
    """Page and report language ("cs")."""
    profile: str
    """The profile TOML."""
    home_lat: float
    home_lon: float
    register: tuple[str, str]
    """(url, html) of the company/foundation register extract naming the judge."""
    directory: tuple[str, str]
    """(url, html) of the phone directory: the judge with phone and home, and namesakes."""
    school: tuple[str, str]
    """(url, html) of the school news naming the minor child."""
    blog: tuple[str, str, str]
    """(url, html with {img} for the photo, photo url) of the spouse's cycling blog: it names
    the judge and the child in full, gives the child's age, and its photo of the two, named in
    the caption, carries GPS tags near the home."""
    employer: tuple[str, str]
    """(url, html) of the spouse's employer's staff page."""
    news: tuple[str, str]
    """(url, html) of local news quoting the judge."""
    court: tuple[str, str]
    """(url, html) of the court's biography page."""
    club: tuple[str, str]
    """(url, html) of a seniors' club page with the mother's address and phone."""
    son: tuple[str, str]
    """(url, html) of a page about the adult son who did not consent."""
    namesake: tuple[str, str]
    """(url, html) of a page about another person with the judge's name."""
    blocked: str
    """URL of a directory page that answers with a challenge (not checked)."""
    blocked_terms: str
    """Words on the blocked page's title that the archive search finds for the judge."""


def build(web: Web, c: Country) -> None:
    """Store every page of the country's web and its ground truth."""
    ride = web.image(c.blog[2], img.jpeg(img.family_ride(), 80, img.phone_exif(
        c.home_lat + 0.0007, c.home_lon + 0.0004, "2026:09:19 08:42:17")))
    url, html = c.register
    web.page(url, html)
    web.add(Truth("judge", "home_address", url, "critical", "home",
                  "the register prints the judge's home address beside her name"),
            Truth("judge", "birth_date", url, "high", "birth_year",
                  "the register prints the judge's full date of birth"))
    url, html = c.directory
    web.page(url, html)
    web.add(Truth("judge", "home_address", url, "critical", "home",
                  "the directory lists the judge's home address"),
            Truth("judge", "phone", url, "high", "phones[0]",
                  "the directory lists the judge's mobile number"))
    url, html = c.school
    web.page(url, html)
    web.add(Truth("child", "school", url, "critical", "school",
                  "the school's own news names the minor child as its pupil"))
    url, html, _ = c.blog
    web.page(url, html.replace("{img}", esc(ride)))
    web.add(Truth("spouse", "geolocation", url, "critical", "home",
                  "the photo's GPS tags point about 80 m from the family's home", ride,
                  ("judge", "child")),
            Truth("child", "relative", url, "high", "name",
                  "the spouse's blog names the minor child as the family's daughter"),
            Truth("judge", "relative", url, "medium", "name",
                  "the spouse's blog names the judge as his wife", alt_persons=("spouse",)),
            Truth("child", "birth_date", url, "medium", "birth_year",
                  "the blog gives the minor child's age"),
            Truth("child", "photo", url, "high", None,
                  "photo of the minor child, named in the caption", ride),
            Truth("judge", "photo", url, "medium", None,
                  "photo of the judge off duty, named in the caption", ride))
    url, html = c.employer
    web.page(url, html)
    web.add(Truth("spouse", "workplace", url, "high", "employer",
                  "the employer's staff page names the spouse"),
            Truth("spouse", "phone", url, "high", "phones[0]",
                  "the staff page lists the spouse's mobile number"))
    url, html = c.news
    web.page(url, html)
    web.add(Truth("judge", "mention", url, "info", "name", "quoted in local news"))
    url, html = c.court
    web.page(url, html)
    web.add(Truth("judge", "mention", url, "info", "court", "the court's own biography"))
    url, html = c.club
    web.page(url, html)
    web.add(Truth("mother", "home_address", url, "high", "home",
                  "the club page gives the mother's home address"),
            Truth("mother", "phone", url, "high", "phones[0]",
                  "the club page gives the mother's phone number"))
    url, html = c.son
    web.page(url, html)
    web.non_consenting_urls.append(url)
    url, html = c.namesake
    web.page(url, html)
    web.namesake_urls.append(url)
    # a challenge served with 200, as many sites do: the archive's search finds it, the audit
    # must list it as not checked
    web.page(c.blocked, CHALLENGE.replace("{terms}", esc(c.blocked_terms)), status=200,
             server="cloudflare", headers=(("cf-mitigated", "challenge"),))
    web.not_checked_urls.append(c.blocked)


CHALLENGE = """<!DOCTYPE html><html><head><title>Just a moment... {terms}</title></head>
<body><div id="challenge-stage"><h1>Checking if the site connection is secure</h1>
<p>{terms}</p><noscript>Enable JavaScript and cookies to continue</noscript></div>
<div id="cf-challenge-running"></div></body></html>"""


def page(title: str, body: str, lang: str, css: str = "") -> str:
    """A local site's page: header, the content, a footer (inline style only)."""
    base = ("body{font-family:Arial,sans-serif;margin:0;color:#222}header{background:#234;"
            "color:#fff;padding:12px 24px}main{max-width:900px;margin:auto;padding:18px}"
            "footer{background:#eee;padding:12px 24px;font-size:12px}table{border-collapse:"
            "collapse}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left}")
    return document(title, body, css=base + css, lang=lang)


__all__ = ["Country", "build", "page", "paragraphs", "esc"]
