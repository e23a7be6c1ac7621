"""The broker catalog: schema of brokers.toml, validation errors, URL matching and template
expansion (the demo contract's URLs for Eleanor Whitfield of Santa Rosa, CA)."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest

from footprint.profile import Profile, profile_from_dict
from probes.catalog import (
    CATALOG_PATH,
    PLACE_TOKENS,
    TOKENS,
    CatalogError,
    broker_by_id,
    broker_for_url,
    check_template,
    expand,
    expansions,
    load_brokers,
    load_companies,
    name_forms,
    parse_catalog,
    places,
    template_tokens,
)
from tests.conftest import demo_family

BROKERS = load_brokers()
BY_ID = {b.id: b for b in BROKERS}
COMPANIES = load_companies()


def demo_profile(**audit: Any) -> Profile:
    return demo_family(audit={"jurisdiction": "US-CA", **audit})


# --- the shipped catalog ------------------------------------------------------------------------


def test_catalog_has_at_least_40_brokers_us_first() -> None:
    assert len(BROKERS) >= 40
    countries = [b.country for b in BROKERS]
    assert countries[0] == "US"
    # US entries come before the others, as the file promises.
    first_other = next(i for i, c in enumerate(countries) if c != "US")
    assert all(c != "US" for c in countries[first_other:])
    assert {"GB", "CZ", "DE", "FR", "IT"} <= set(countries)


@pytest.mark.parametrize("broker", BROKERS, ids=lambda b: b.id)
def test_required_fields(broker: Any) -> None:
    assert broker.name.strip()
    assert broker.domains and all(d == d.lower() and "/" not in d for d in broker.domains)
    assert len(broker.country) == 2 and broker.country.isupper()
    assert 1 <= broker.priority <= 3
    assert broker.sources and all(s.startswith("https://") for s in broker.sources)
    assert broker.kind in ("people-search", "public-record", "government")
    assert broker.opt_out_url is not None, "every entry says where to ask for removal"
    assert broker.opt_out_url.startswith(("https://", "mailto:"))
    assert broker.requires, "every entry says what the opt-out asks for"
    assert broker.steps, "every entry has removal steps"
    assert broker.recheck_days is not None and broker.recheck_days > 0
    if broker.kind == "people-search" and broker.search_templates:
        assert broker.no_results and broker.listing_markers


@pytest.mark.parametrize(
    "broker,kind,template",
    [(b, k, t) for b in BROKERS for k, t in b.search_templates],
    ids=lambda x: getattr(x, "id", None) or str(x)[:30],
)
def test_templates_well_formed(broker: Any, kind: str, template: str) -> None:
    assert check_template(template, kind, broker.domains) is None
    assert template.startswith("https://")
    assert set(template_tokens(template)) <= TOKENS
    assert broker_for_url(template.replace("{", "").replace("}", "")) == broker


def test_no_duplicate_ids_or_domains_in_the_file() -> None:
    raw = tomllib.loads(CATALOG_PATH.read_text(encoding="utf-8"))["broker"]
    ids = [r["id"] for r in raw]
    domains = [d for r in raw for d in r["domains"]]
    assert len(ids) == len(set(ids))
    assert len(domains) == len(set(domains))


def test_parents_are_named_by_several_sites_and_spelled_one_way() -> None:
    groups: dict[str, list[str]] = {}
    for b in BROKERS:
        if b.parent:
            groups.setdefault(b.parent, []).append(b.id)
    for parent, members in groups.items():
        assert len(members) >= 2 or any(b.name == parent for b in BROKERS), \
            f"{parent} names one site only: drop it or add its sites"
    lowered = {p.lower().replace(" ", "") for p in groups}
    assert len(lowered) == len(groups), "one parent spelled two ways"
    assert {c.name for c in COMPANIES} >= set(groups), "every parent is a [[company]]"
    assert {"intelius", "instantcheckmate", "truthfinder", "zabasearch", "anywho",
            "ussearch", "classmates", "addresssearch"} <= set(groups["PeopleConnect"])
    assert {"beenverified", "peoplelooker", "peoplesmart"} <= set(groups["BeenVerified"])
    assert {"whitepages", "411com"} <= set(groups["Whitepages"])
    # PeopleFinders' sites as DuckDuckGo's definitions list them: one removal group
    assert {"fastpeoplesearch", "truepeoplesearch", "smartbackgroundchecks", "usphonebook",
            "advancedbackgroundchecks", "cyberbackgroundchecks", "searchpeoplefree",
            "peoplesearchnow", "usa-people-search", "fastbackgroundcheck", "quickpeopletrace",
            "usatrace"} == set(groups["PeopleFinders"])
    assert BY_ID["peoplefinders"].group == "PeopleFinders"
    assert len(groups["PeopleWhiz"]) == 12 and BY_ID["peoplewhiz"].group == "PeopleWhiz"
    assert {"centeda", "dataveria", "inforver", "pub360", "publicreports", "veripages"} == \
        set(groups["Verecor"])
    assert {"clustrmaps", "officialusa"} == set(groups["Neighbor Report"])
    assert {"freepeopledirectory", "callersmart", "selfie-network", "selfie-systems",
            "peoplewin"} == set(groups["Spokeo"])


def test_every_parent_and_mirror_link_has_its_source_and_date() -> None:
    for b in BROKERS:
        parents = [r for r in b.relations if r.kind == "parent"]
        if b.parent:
            assert parents and all(r.to == b.parent for r in parents), b.id
        for r in b.relations:
            assert r.source.startswith("https://") and dt.date.fromisoformat(r.as_of), b.id
            assert dt.date.fromisoformat(r.as_of) <= dt.date(2026, 12, 31)
        for m in b.mirrors:
            stated = [r for r in (*b.relations, *BY_ID[m].relations)
                      if r.kind == "mirror" and {r.to} & {m, b.id}]
            assert stated, f"{b.id} ↔ {m}: no source states it"
    # a link no public source states is gone (Radaris was once shown as Veripages' mirror)
    assert not BY_ID["radaris"].mirrors and BY_ID["veripages"].parent == "Verecor"


def test_every_site_says_whether_it_was_verified_live_when_and_by_what() -> None:
    for b in BROKERS:
        assert b.checked_on and b.checked_by, b.id
        assert dt.date.fromisoformat(b.checked_on) <= dt.date(2026, 12, 31)
        if b.verified_live:
            assert b.verified_live_on and b.verified_live_by, b.id
            assert b.verification.startswith("verified live on")
        else:
            assert b.verification.startswith("not verified live; facts checked on")
    # nothing in this catalog was opened live: the catalog work is done from public lists
    assert not any(b.verified_live for b in BROKERS)
    assert BY_ID["spyfly"].verification == (
        "not verified live; facts checked on 2026-12-03 against BADBOOL (2026-07-26); "
        "the California registry extract (The Markup, 2025-08-11)")


def test_companies_name_brands_that_are_not_sites() -> None:
    names = {b.name.casefold() for b in BROKERS}
    pc = next(c for c in COMPANIES if c.name == "PeopleConnect")
    assert "Intelius" in pc.also_known_as and "PeopleFinder" in pc.brands
    for c in COMPANIES:
        assert c.sources and dt.date.fromisoformat(c.as_of)
        assert not {x.casefold() for x in c.brands} & names


def test_mirrors_reference_existing_ids_symmetrically() -> None:
    for b in BROKERS:
        assert b.id not in b.mirrors
        for m in b.mirrors:
            assert m in BY_ID
            assert b.id in BY_ID[m].mirrors, f"{b.id} → {m} but not back"


# The demo contract fixes these templates and selectors verbatim.
CONTRACT_TEMPLATES = [
    ("fastpeoplesearch", "https://www.fastpeoplesearch.com/name/{first}-{last}_{city}-{state}"),
    ("fastpeoplesearch", "https://www.fastpeoplesearch.com/{phone_dashed}"),
    ("spokeo", "https://www.spokeo.com/{First}-{Last}/{StateName}/{City}"),
    ("whitepages", "https://www.whitepages.com/name/{First}-{Last}/{City}-{ST}"),
    ("whitepages", "https://www.whitepages.com/phone/1-{phone_dashed}"),
    ("radaris", "https://radaris.com/p/{First}/{Last}/"),
    ("thatsthem", "https://thatsthem.com/phone/{phone_dashed}"),
    ("peoplefinders", "https://www.peoplefinders.com/name/{first}-{last}/{state}/{city}"),
]
CONTRACT_SELECTORS = {
    "fastpeoplesearch": "div.card", "spokeo": "div.listing", "whitepages": "div.person-card",
    "radaris": "div.rdr-card", "thatsthem": "div.record", "truepeoplesearch": "div.card-summary",
    "nuwber": "div.person-block",
}


@pytest.mark.parametrize("bid,template", CONTRACT_TEMPLATES)
def test_contract_templates_verbatim(bid: str, template: str) -> None:
    assert template in BY_ID[bid].templates()


@pytest.mark.parametrize("bid,selector", sorted(CONTRACT_SELECTORS.items()))
def test_contract_block_selectors(bid: str, selector: str) -> None:
    assert BY_ID[bid].block_selector == selector


# --- URL → broker ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://www.spokeo.com/Eleanor-Whitfield/California/Santa-Rosa", "spokeo"),
        ("https://spokeo.com/x", "spokeo"),
        ("http://WWW.SPOKEO.COM./x", "spokeo"),
        ("https://radaris.com/p/Eleanor/Whitfield/", "radaris"),
        ("https://www.truepeoplesearch.com/find/person/px7", "truepeoplesearch"),
        ("https://nuwber.com/person/5f3a", "nuwber"),
        ("https://find-and-update.company-information.service.gov.uk/officers/x", "companies-house"),
        ("https://www.paginegialle.it/x", "paginebianche"),
        ("https://notspokeo.com/x", None),
        ("https://spokeo.com.evil.example/x", None),
        ("https://example.com/spokeo.com", None),
        ("not a url", None),
        ("", None),
    ],
)
def test_broker_for_url(url: str, expected: str | None) -> None:
    b = broker_for_url(url)
    assert (b.id if b else None) == expected


def test_broker_by_id() -> None:
    assert broker_by_id("whitepages") is BY_ID["whitepages"]
    assert broker_by_id("nope") is None


# --- expansion -------------------------------------------------------------------------------------


def test_demo_contract_urls_for_the_judge() -> None:
    prof = demo_profile()
    judge = prof.subject
    got = {url for b in BROKERS if b.country == "US" for t in b.templates()
           for url in expand(t, judge, prof)}
    for url in [
        "https://www.fastpeoplesearch.com/name/eleanor-whitfield_santa-rosa-ca",
        "https://www.fastpeoplesearch.com/707-555-0142",
        "https://www.fastpeoplesearch.com/707-555-0187",
        "https://www.spokeo.com/Eleanor-Whitfield/California/Santa-Rosa",
        "https://www.whitepages.com/name/Eleanor-Whitfield/Santa-Rosa-CA",
        "https://www.whitepages.com/phone/1-707-555-0142",
        "https://radaris.com/p/Eleanor/Whitfield/",
        "https://thatsthem.com/phone/707-555-0142",
        "https://www.peoplefinders.com/name/eleanor-whitfield/ca/santa-rosa",
        # aliases: a nickname and the maiden name
        "https://www.fastpeoplesearch.com/name/ellie-whitfield_santa-rosa-ca",
        "https://radaris.com/p/Eleanor/Marsh/",
    ]:
        assert url in got, url


def test_identifiers_are_references_not_values() -> None:
    prof = demo_profile()
    fps = BY_ID["fastpeoplesearch"]
    pairs = expansions(fps.templates("name_city")[0], prof.subject, prof)
    assert pairs[0] == ("name", "https://www.fastpeoplesearch.com/name/eleanor-whitfield_santa-rosa-ca")
    assert {i for i, _ in pairs} == {"name", "aliases"}
    phones = expansions(fps.templates("phone")[0], prof.subject, prof)
    assert phones == [("phones[0]", "https://www.fastpeoplesearch.com/707-555-0142"),
                      ("phones[1]", "https://www.fastpeoplesearch.com/707-555-0187")]


def test_relatives_places_own_or_inherited() -> None:
    prof = demo_profile()
    spouse, mother = prof.person("spouse"), prof.person("mother")
    # The spouse lists no address: the subject's home is where to look (DESIGN §2).
    assert [(p.city, p.state) for p in places(spouse, prof)] == [("Santa Rosa", "CA")]
    assert [(p.city, p.state) for p in places(mother, prof)] == [("Sebastopol", "CA")]
    t = BY_ID["peoplefinders"].templates()[0]
    assert expand(t, mother, prof) == [
        "https://www.peoplefinders.com/name/margaret-marsh/ca/sebastopol"]
    assert expand(t, spouse, prof) == [
        "https://www.peoplefinders.com/name/daniel-whitfield/ca/santa-rosa",
        "https://www.peoplefinders.com/name/dan-whitfield/ca/santa-rosa",
    ]


def test_previous_addresses_are_not_searched_as_places() -> None:
    prof = demo_profile()
    assert "Petaluma" not in {p.city for p in places(prof.subject, prof)}


def test_city_without_region_takes_the_jurisdiction_state() -> None:
    prof = demo_profile()
    p = prof.subject.model_copy(update={"region": None, "addresses": ()})
    assert [(x.city, x.state) for x in places(p, prof)] == [("Santa Rosa", "CA")]


def test_max_names_counts_first_last_pairs() -> None:
    prof = demo_profile()
    t = BY_ID["radaris"].templates()[0]
    assert expand(t, prof.subject, prof, max_names=1) == ["https://radaris.com/p/Eleanor/Whitfield/"]
    assert len(expand(t, prof.subject, prof, max_names=2)) == 2
    assert len(expand(t, prof.subject, prof)) == 3


def test_phone_templates_take_only_numbers_of_that_country() -> None:
    prof = demo_profile()
    p = prof.subject.model_copy(update={"phones": ("+44 20 7946 0018", "+17075550142")})
    t = BY_ID["fastpeoplesearch"].templates("phone")[0]
    assert expand(t, p, prof) == ["https://www.fastpeoplesearch.com/707-555-0142"]
    assert expansions(t, p, prof)[0][0] == "phones[1]"


def test_email_template_is_quoted() -> None:
    prof = demo_profile()
    t = BY_ID["thatsthem"].templates("email")[0]
    assert expand(t, prof.subject, prof) == [
        "https://thatsthem.com/email/eleanor.whitfield@example.net"]


def test_name_forms_drop_titles_suffixes_and_one_word_names() -> None:
    prof = demo_profile()
    p = prof.subject.model_copy(update={"name": "Hon. John Q. Smith Jr.", "aliases": ("Cher",)})
    forms = name_forms(p)
    assert [(f.first, f.last) for f in forms] == [("John", "Smith")]


def test_unicode_tokens_keep_diacritics_and_ascii_tokens_drop_them() -> None:
    data: dict[str, Any] = {
        "audit": {"jurisdiction": "CZ"},
        "consent": {"authorized_by": "JUDr. Jana Řezníčková", "authorized_on": dt.date(2026, 1, 5),
                    "purpose": "self-audit", "statement": "Souhlasím s vyhledáním svých údajů."},
        "subject": {"id": "judge", "name": "Jana Řezníčková", "city": "Česká Lípa"},
        "probes": {"enabled": ["brokers"]},
    }
    prof = profile_from_dict(data, Path("/nonexistent/p.toml"))
    t = BY_ID["justice-cz"].templates()[0]
    assert expand(t, prof.subject, prof) == [
        "https://or.justice.cz/ias/ui/rejstrik-$osoba?jmeno=Jana&prijmeni=%C5%98ezn%C3%AD%C4%8Dkov%C3%A1"
        "&polozek=50&typHledani=STARTS_WITH"]
    assert expand("https://radaris.com/p/{First}/{Last}/", prof.subject, prof) == [
        "https://radaris.com/p/Jana/Reznickova/"]
    assert expand("https://x.radaris.com/{First}/{city}/{CityU}", prof.subject, prof) == [
        "https://x.radaris.com/Jana/ceska-lipa/%C4%8Cesk%C3%A1%20L%C3%ADpa"]


def test_template_needing_a_missing_value_gives_nothing() -> None:
    prof = demo_profile()
    p = prof.subject.model_copy(update={"city": None, "addresses": (), "phones": ()})
    assert expand(BY_ID["spokeo"].templates()[0], p, prof) == []
    assert expand(BY_ID["whitepages"].templates("phone")[0], p, prof) == []
    assert set(template_tokens(BY_ID["spokeo"].templates()[0])) & PLACE_TOKENS


# --- validation -------------------------------------------------------------------------------------


def _entry(**over: Any) -> dict[str, Any]:
    e: dict[str, Any] = {
        "id": "acme", "name": "Acme People", "domains": ["acme.example"], "country": "US",
        "sources": ["https://acme.example/optout"], "opt_out_url": "https://acme.example/optout",
        "search": {"name": ["https://www.acme.example/p/{First}-{Last}"]},
    }
    e.update(over)
    return e


@pytest.mark.parametrize(
    "entries,message",
    [
        ([_entry(search={"name": ["http://acme.example/{First}-{Last}"]})], "https://"),
        ([_entry(search={"name": ["https://other.example/{First}-{Last}"]})], "not one of the broker's domains"),
        ([_entry(search={"name": ["https://acme.example/{Frist}-{Last}"]})], "unknown token"),
        ([_entry(search={"name": ["https://acme.example/{First}-{Last}/{city}"]})], "name_city"),
        ([_entry(search={"name_city": ["https://acme.example/{First}-{Last}"]})], "place token"),
        ([_entry(search={"phone": ["https://acme.example/{First}"]})], "phone"),
        ([_entry(search={"fax": ["https://acme.example/{First}"]})], "unknown search kind"),
        ([_entry(search={"name": ["https://{city}.acme.example/{First}-{Last}"]})], "domains"),
        ([_entry(), _entry(domains=["acme2.example"], search={})], "duplicate id"),
        ([_entry(), _entry(id="acme2", search={})], "already listed"),
        ([_entry(mirrors=["ghost"])], "not in the catalog"),
        ([_entry(mirrors=["acme"])], "not in the catalog"),
        ([_entry(priority=0)], "priority"),
        ([_entry(priority=True)], "priority"),
        ([_entry(country="usa")], "country"),
        ([_entry(countries=["RO", "europe"])], "countries: expected two-letter ISO"),
        ([_entry(requires=["blood"])], "requires"),
        ([_entry(sources=[])], "source"),
        ([_entry(colour="red")], "unknown key"),
        ([_entry(id="Bad Id")], "id"),
        ([_entry(domains=["https://acme.example/"])], "domain"),
        ([_entry(recheck_days=0)], "recheck_days"),
        ([_entry(opt_out_url="ftp://acme.example")], "opt_out_url"),
        ([], "[[broker]]"),
        ([_entry(parent="Acme Holdings")], "not a [[company]]"),
        ([_entry(checked_on="yesterday", checked_by="x")], "checked_on: expected a date"),
        ([_entry(checked_on=dt.date(2026, 12, 3))], "checked_by"),
        ([_entry(verified_live=True)], "verified_live_on: expected a date"),
        ([_entry(verified_live=True, verified_live_on=dt.date(2026, 12, 3))], "verified_live_by"),
        ([_entry(relation=[{"kind": "owner", "to": "x", "source": "https://a.example",
                            "as_of": dt.date(2026, 1, 1)}])], "kind: expected one of"),
        ([_entry(relation=[{"kind": "parent", "to": "x", "source": "a list",
                            "as_of": dt.date(2026, 1, 1)}])], "source: expected the https://"),
        ([_entry(relation=[{"kind": "parent", "to": "x", "source": "https://a.example"}])],
         "as_of: expected a date"),
    ],
)
def test_invalid_catalogs_are_refused_with_a_clear_message(entries: list[dict[str, Any]],
                                                           message: str) -> None:
    with pytest.raises(CatalogError) as err:
        parse_catalog({"broker": entries}, Path("brokers.toml"))
    text = str(err.value)
    assert text.startswith("brokers.toml: ")
    assert message in text


COMPANY = {"name": "Acme Holdings", "sources": ["https://list.example"], "as_of": dt.date(2026, 7, 26)}
LINK = {"kind": "parent", "to": "Acme Holdings", "source": "https://list.example",
        "as_of": dt.date(2026, 7, 26)}


@pytest.mark.parametrize(
    "data,message",
    [
        ({"broker": [_entry(parent="Acme Holdings")], "company": [COMPANY]},
         "no [[broker.relation]] of kind \"parent\" states it"),
        ({"broker": [_entry(parent="Acme Holdings", relation=[dict(LINK, to="Other")])],
          "company": [COMPANY]}, "is not the broker's `parent`"),
        ({"broker": [_entry(mirrors=["acme2"]),
                     _entry(id="acme2", domains=["acme2.example"], search={}, mirrors=["acme"])]},
         "no [[broker.relation]] of kind \"mirror\" states the link"),
        ({"broker": [_entry()], "company": [COMPANY, dict(COMPANY, also_known_as=["Acme Holdings"])]},
         "already used"),
        ({"broker": [_entry()], "company": [dict(COMPANY, brands=["Acme People"])]},
         "is a site of the catalog"),
    ],
)
def test_links_without_a_source_are_refused(data: dict[str, Any], message: str) -> None:
    with pytest.raises(CatalogError, match="brokers.toml: ") as err:
        parse_catalog(data, Path("brokers.toml"))
    assert message in str(err.value)


def test_a_sourced_parent_and_mirror_load() -> None:
    mirror = {"kind": "mirror", "to": "acme2", "source": "https://list.example",
              "as_of": "2025-02-20"}
    data = {"broker": [_entry(parent="Acme Holdings", mirrors=["acme2"], relation=[LINK, mirror],
                              checked_on=dt.date(2026, 12, 3), checked_by="a list"),
                       _entry(id="acme2", domains=["acme2.example"], search={}, mirrors=["acme"])],
            "company": [COMPANY]}
    a, b = parse_catalog(data, Path("x.toml"))
    assert a.group == "Acme Holdings" and b.group == "Acme People"
    assert [(r.kind, r.to, r.as_of) for r in a.relations] == [
        ("parent", "Acme Holdings", "2026-07-26"), ("mirror", "acme2", "2025-02-20")]
    assert a.verification == "not verified live; facts checked on 2026-12-03 against a list"
    assert b.verification == "not verified live; when its facts were checked is not recorded"


def test_a_valid_minimal_entry_loads() -> None:
    (b,) = parse_catalog({"broker": [_entry()]}, Path("x.toml"))
    assert b.search_templates == (("name", "https://www.acme.example/p/{First}-{Last}"),)
    assert b.priority == 2 and b.verified and b.kind == "people-search" and b.group == "Acme People"


def test_load_brokers_from_a_file_and_bad_files(tmp_path: Path) -> None:
    good = tmp_path / "b.toml"
    good.write_text('[[broker]]\nid = "acme"\nname = "Acme"\ndomains = ["acme.example"]\n'
                    'country = "GB"\nsources = ["https://acme.example/"]\n', encoding="utf-8")
    (b,) = load_brokers(good)
    assert b.id == "acme" and broker_for_url("https://acme.example/x", good.resolve()) == b
    bad = tmp_path / "bad.toml"
    bad.write_text("[[broker]\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="not valid TOML"):
        load_brokers(bad)
    with pytest.raises(CatalogError, match="cannot read"):
        load_brokers(tmp_path / "missing.toml")
