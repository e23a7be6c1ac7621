"""Corroboration across the pages of one audit.

A page is judged alone (`page.PageAnalyzer`), but some evidence only shows once every page is
read: a results list prints "Doe, Anna 13 Northside Dolphins-ST", which is only a name and a
matching age (rule weak_only: namesakes of that age exist), while another page of the audit,
already confirmed as hers, is the club's own site (northsidedolphins.example). Or the same roster
page shows her reference photo. Three rules lift such a possible match over the threshold:

- `photo_on_page`: a reference photo of the same person matched on the same page;
- `known_affiliation`: for a minor, a distinctive word of the block names a site on which the
  same child was confirmed (the club's or the school's own site);
- `family_photo`: an account at the person's own profile username, with no name to back it
  (rule name_only_cap), shows a reference photo of someone of the family.

One more thing shows only across pages: an account found on its home page
(`example.wordpress.com/`) and again on each of its posts is one account. The posts keep what they
expose (a geotagged photo, a school), not another account finding (`one_account`).

Otherwise only possible matches whose sole evidence was weak (rule weak_only, no
contradiction) are lifted, never a people-search listing (namesakes of one age in one town are its everyday
traps), and nothing is learnt from people-search sites or social platforms (a platform's name
says nothing about who its users are).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from urllib.parse import urlsplit

from ..model import Category, Exposure, SourceKind
from ..profile import Profile
from ..web.urls import host_of, same_site
from .corroborate import RULES
from .match.org import GENERIC
from .names import fold
from .page import SOCIAL_HOSTS

MIN_WORD = 6
"""Letters a word needs to name a site: shorter ones ("south", "hills") sit inside many."""

# Words that name what a site does rather than whose it is: in a club's, a results service's or
# a school's host name they say nothing about a person
_SITE_WORDS = frozenset(
    """
    results result resultats resultados risultati ergebnisse uitslagen wyniki vysledky
    swimming swimmers swimclub aquatics natation nuoto natacion schwimmen zwemmen plavanje plivanje
    athletics athletic running runners triathlon cycling football soccer hockey tennis rugby
    basketball volleyball handball rowing sailing skating gymnastics fencing karate judo chess
    sports sporting sportverein leichtathletik atletica atletismo atletika
    school schools parish church chapel library council county district community society
    association federation league championship championships meeting meets timing chrono
    chronometrage online official portal system systems services network
    """.split()
)

# a platform's name says nothing about who its users are: the social sites the analyzer knows,
# and the hosts of blogs, code and team apps
_PLATFORMS = SOCIAL_HOSTS + (
    "github.com", "gitlab.com", "wordpress.com", "blogspot.com", "medium.com", "substack.com",
    "google.com", "wix.com", "weebly.com", "squarespace.com", "gomotionapp.com",
    "teamunify.com", "sportngin.com", "swimcloud.com",
)

_WORD = re.compile(rf"[a-z]{{{MIN_WORD},}}")


_GENERIC_STEMS = tuple(sorted(w for w in _SITE_WORDS | GENERIC if len(w) >= 5))


def _generic(word: str) -> bool:
    """A word of a site's trade, or a form of one ("aquatic" of "aquatics", "swimmers")."""
    return any(g in word or word in g for g in _GENERIC_STEMS)


def _host(url: str) -> str:
    return host_of(url).removeprefix("www.")


def _on(host: str, domains: Iterable[str]) -> bool:
    return any(same_site(host, d) for d in domains)


def _labels(host: str) -> tuple[str, ...]:
    """The name labels of a host, without its top-level domain: "northsidedolphins" of
    "www.northsidedolphins.example", "bv-littenweiler" → "bv", "littenweiler"."""
    parts = host.split(".")[:-1]
    return tuple(w for p in parts for w in p.split("-") if w)


def _listing(e: Exposure) -> bool:
    return e.source == SourceKind.PEOPLE_SEARCH.value or e.attr("broker") is not None


def _lift(e: Exposure, rule: str) -> Exposure:
    weight = RULES[rule].weight
    conf = round(min(0.99, 1.0 - (1.0 - e.confidence) * (1.0 - weight)), 2)
    rules = tuple(r for r in e.rules if r != "weak_only") + (rule,)
    return replace(e, confidence=max(e.confidence, conf), rules=rules)


def _own_words(profile: Profile) -> frozenset[str]:
    """Words a block shares with the family's sites for other reasons: the family's names and
    towns (already read as the name and the city)."""
    words: set[str] = set()
    for p in profile.people:
        for text in (p.name, *(p.aliases or ()), p.city or "", p.region or "",
                     *((a.city or "") for a in (p.addresses or ()))):
            words.update(_WORD.findall(fold(text)))
    return frozenset(words)


def corroborate_across(exposures: list[Exposure], profile: Profile,
                       threshold: float) -> list[Exposure]:
    """The exposures, with possible matches lifted by rules photo_on_page and
    known_affiliation (see the module's docstring). Order is kept."""
    photo_pages: set[tuple[str, str]] = set()
    family_photos: set[str] = set()
    sites: dict[str, set[str]] = defaultdict(set)
    for e in exposures:
        if e.confidence < threshold:
            continue
        if e.category is Category.PHOTO and any(r.startswith("photo:") for r in e.rules):
            photo_pages.add((e.person, e.url))
            family_photos.add(e.url)
        host = _host(e.url)
        if (e.category is not Category.MENTION and not _listing(e)
                and e.source != SourceKind.SOCIAL.value and host and not _on(host, _PLATFORMS)):
            sites[e.person].update(_labels(host))
    if not photo_pages and not sites:
        return exposures
    own = _own_words(profile)
    # a child's club: brokers skip minors, so a same-name same-age namesake of a child is rarely
    # on a page of the audit; an adult's affiliation is left to the page's own evidence (a host's
    # name is often a town's: "gazzettadiparma" is no club of anyone's)
    minors = {p.id for p in profile.people if p.minor}
    out: list[Exposure] = []
    for e in exposures:
        if (e.category is Category.ACCOUNT and e.confidence < threshold
                and "own_account" in e.rules and e.url in family_photos
                and not any(r.startswith("contra_") for r in e.rules)):
            # the account at her own username shows her daughter's reference photo
            out.append(_lift(e, "family_photo"))
            continue
        if (e.confidence >= threshold or "weak_only" not in e.rules or _listing(e)
                or e.category is Category.MENTION
                or any(r.startswith("contra_") or r == "age_off" for r in e.rules)):
            out.append(e)
            continue
        if (e.person, e.url) in photo_pages:
            out.append(_lift(e, "photo_on_page"))
            continue
        labels = sites.get(e.person, set()) if e.person in minors else set()
        # (not the page's own site name: "Valley Funerals" in every notice of valleyfunerals)
        here = _labels(_host(e.url))
        words = {w for w in _WORD.findall(fold(e.context))
                 if w not in own and not _generic(w) and not any(w in h for h in here)}
        if any(w in label for w in words for label in labels):
            out.append(_lift(e, "known_affiliation"))
            continue
        out.append(e)
    return out


def _account_home(url: str) -> tuple[str, str]:
    """(host, path) of an account's URL, the path without its trailing slash."""
    return _host(url), urlsplit(url).path.rstrip("/")


def one_account(exposures: list[Exposure], threshold: float) -> list[Exposure]:
    """The exposures without the account findings of pages that sit under a confirmed account of
    the same person on the same host (the posts of a blog whose home page is listed). The
    account is one thing to lock or remove; its posts keep their other findings. Where the home
    page was not read, each post stays the evidence of the account. Order is kept."""
    homes: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for e in exposures:
        if e.category is Category.ACCOUNT and e.confidence >= threshold:
            homes[e.person].add(_account_home(e.url))
    if not homes:
        return exposures

    def under_home(e: Exposure) -> bool:
        host, path = _account_home(e.url)
        return any(h == host and path != p and path.startswith(p + "/")
                   for h, p in homes.get(e.person, ()))

    return [e for e in exposures if e.category is not Category.ACCOUNT or not under_home(e)]
