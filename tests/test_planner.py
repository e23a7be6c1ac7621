"""The planner's queries: a quoted name with its context, quoted in English, bare words in an
inflected language (where pages print "v Brně", "s manželem Pavlem"), a street with its number
always quoted; and such a query finds an inflected page in a web archive."""

from __future__ import annotations

from pathlib import Path

import pytest

from footprint.analyze.names import is_inflected
from footprint.planner import plan_person, surname_forms
from footprint.profile import load_profile
from footprint.web.archive import WebArchive
from tests.warcutil import HTML, html_page, write_warc

FIXTURES = Path(__file__).parent / "fixtures" / "intl"


@pytest.mark.parametrize(("language", "country", "expected"), [
    ("cs", "CZ", True),
    ("en", "CZ", True),     # an English report on a Czech judge: the pages are still Czech
    ("pl", None, True),
    ("sk", "SK", True),
    ("en", "GB", False),
    ("en", "US", False),
    ("de", "DE", False),
    ("en", None, False),
    ("bs", "BA", True),  # Bosnian, Albanian
    ("sq", "AL", True),
])
def test_is_inflected(language: str, country: str | None, expected: bool) -> None:
    assert is_inflected(language, country) is expected


def _queries(name: str) -> dict[str, list[str]]:
    profile = load_profile(FIXTURES / name / "profile.toml")
    out: dict[str, list[str]] = {}
    for q in plan_person(profile, profile.subject):
        out.setdefault(q.identifier, []).append(q.text)
    return out


UK_NAMES = ('("Catherine Holloway" OR "Holloway Catherine" OR "Catherine Jane Holloway" OR '
            '"Catherine J Holloway" OR "Kate Holloway" OR "Holloway Kate")')
CZ_NAMES = ('("Kateřina Řezníčková" OR "Řezníčková Kateřina" OR "Kateřina Dvořáková" OR '
            '"Dvořáková Kateřina" OR "Katka Řezníčková")')


def test_english_context_is_quoted() -> None:
    qs = _queries("uk")
    # every name query carries the name forms pages print, as one OR group
    assert qs["city"] == [f'{UK_NAMES} "Leeds"']
    assert qs["court"] == [f"{UK_NAMES} Leeds Combined Court Centre"]
    assert qs["relatives"] == [f"{UK_NAMES} Thomas Holloway Isla Judith Bramley"]
    # the street with its number (unit dropped) and the town as a word that only ranks, then
    # the street alone next to the town, then the household's surname on its street (a
    # neighbourhood's page need not name the town; the mother's surname is of another town)
    assert qs["home"] == ['"14 Wrenbeck" Leeds', '"Wrenbeck" "Leeds"', '"Holloway" "Wrenbeck"']
    assert qs["previous"] == ['"31 Moorfield" Harrogate']
    assert qs["phones[0]"] == ['("0113 496 0321" OR "01134960321" OR "+44 113 496 0321")']
    assert qs["surname"] == ['"Holloway" "Leeds"', '"Bramley" "Leeds"']


def test_inflected_context_is_bare_words() -> None:
    qs = _queries("cz")
    assert qs["city"] == [f"{CZ_NAMES} Brno"]
    assert qs["court"] == [f"{CZ_NAMES} Městský soud v Brně"]
    # the street with its number stays an exact phrase, the town beside it a bare word (an
    # official notice prints it in a case form); a compound house number is searched by either
    # part
    assert qs["home"][0] == '("Kounicova 1234" OR "Kounicova 5") Brno'
    assert qs["phones[0]"][0] == '("601 123 456" OR "601123456" OR "+420 601 123 456")'
    # the family surname in its case forms
    assert qs["surname"][0] == '("Řezníčková" OR "Řezníčkové" OR "Řezníčkovou") Brno'


def test_queries_per_person_within_budget() -> None:
    for name in ("uk", "cz"):
        profile = load_profile(FIXTURES / name / "profile.toml")
        for person in profile.people:
            assert len(plan_person(profile, person)) <= 20


def test_inflected_query_finds_a_page_in_another_case(tmp_path: Path) -> None:
    page = html_page("Běh pro Žabovřesky", "<p>Mezi běžci byla i soudkyně Městského soudu "
                     "v Brně Kateřina Řezníčková s manželem Pavlem.</p>")
    other = html_page("Jiný článek", "<p>Kateřina Nováková z Brna.</p>")
    warc = write_warc(tmp_path / "a.warc.gz", [
        ("https://news.example.cz/beh", 200, HTML, page),
        ("https://news.example.cz/jiny", 200, HTML, other),
    ])
    qs = _queries("cz")
    with WebArchive.open(warc, tmp_path / "cache") as archive:
        for ident in ("city", "court", "relatives"):
            (text,) = qs[ident]
            urls = [r.url for r in archive.search(text)]
            assert urls == ["https://news.example.cz/beh"], (ident, urls)
        # the quoted form of the same context would have missed it
        assert archive.search('"Kateřina Řezníčková" "Brno"') == []


@pytest.mark.parametrize(("lang", "country", "script"), [
    ("sr", "RS", "sr"), ("en", "RS", "sr"), ("mk", None, "mk"), ("hr", "HR", None), ("en", "US", None),
])
def test_names_are_searched_in_cyrillic_where_pages_print_both_scripts(
        lang: str, country: str | None, script: str | None) -> None:
    from footprint.analyze.scripts import profile_scheme
    from footprint.planner import name_forms
    from footprint.profile import Person, profile_from_dict

    data = {"audit": {"language": lang, **({"jurisdiction": country} if country else {})},
            "consent": {"authorized_by": "Judge", "authorized_on": "2026-11-01",
                        "purpose": "self-audit", "statement": "I authorize a search."},
            "subject": {"id": "judge", "name": "Biljana Radosavljević"},
            "probes": {"enabled": ["web"]}}
    profile = profile_from_dict(data, Path("/tmp/p.toml"))
    assert profile_scheme(profile) == script
    forms = name_forms(Person(id="judge", name="Biljana Radosavljević"), profile_scheme(profile))
    assert ("Биљана Радосављевић" in forms) is (script == "sr")
    assert forms[0] == "Biljana Radosavljević"


def test_a_surname_with_particles_is_searched_on_its_core_surname_first() -> None:
    from footprint.planner import name_forms
    from footprint.profile import Person

    forms = name_forms(Person(id="s", name="Bastiaan Pieter van Lingen", aliases=["Bas van Lingen"]))
    # "Lingen Bastiaan" matches "Lingen, Bastiaan Pieter van" (a register) and
    # "VAN LINGEN Bastiaan" (a result list) alike
    assert forms[:2] == ["Bastiaan van Lingen", "Lingen Bastiaan"]
    assert "Lingen Bas" in forms
    assert name_forms(Person(id="s", name="Olivier Le Maire"))[1] == "Le Maire Olivier"


def test_baltic_surnames_are_searched_in_their_case_forms() -> None:
    """"Ačiū Tomui Baltrušaičiui": Lithuanian and Latvian case forms, "t" softened to "č"."""
    assert surname_forms("Baltrušaitis", "lt") == [
        "Baltrušaitis", "Baltrušaičio", "Baltrušaičiui", "Baltrušaitį"]
    assert surname_forms("Baltrušaitienė", "lt")[1:3] == ["Baltrušaitienės", "Baltrušaitienei"]
    assert surname_forms("Vītoliņš", "lv") == ["Vītoliņš", "Vītoliņa", "Vītoliņam"]
    assert surname_forms("Vītoliņa", "lv") == ["Vītoliņa", "Vītoliņas", "Vītoliņai"]
    assert surname_forms("Novák") == ["Novák", "Nováka", "Novákovi"]  # Czech as before
    assert surname_forms("Kertész", "hu") == ["Kertész"]  # no Slavic endings on other names
    assert surname_forms("Põder", "et") == ["Põder"]


@pytest.mark.parametrize(("street", "phrases"), [
    ("Elbhangstraße 23a", ["Elbhangstraße 23a", "Elbhangstr. 23a"]),
    ("Berliner Straße 5", ["Berliner Straße 5", "Berliner Str. 5"]),
    ("Lerchenbühlstrasse 14", ["Lerchenbühlstrasse 14", "Lerchenbühlstr. 14"]),
    ("Kerkstraat 12", ["Kerkstraat 12", "Kerkstr. 12"]),
    ("Straßburger Weg 3", ["Straßburger Weg 3"]),
    ("Kounicova 1234/5", ["Kounicova 1234", "Kounicova 5"]),
])
def test_a_street_is_searched_as_pages_abbreviate_it(street: str, phrases: list[str]) -> None:
    """A German or Dutch street is printed "Elbhangstr. 23a" on club pages and lists: the
    address query carries that form beside the profile's."""
    from footprint.planner import _address_phrases

    assert _address_phrases(street) == phrases


@pytest.mark.parametrize(("street", "core"), [
    ("Frederiks Allé 88, 2. tv.", "Frederiks Allé 88"),  # the floor and side after the house
    ("Calle Mayor 5, 3º B", "Calle Mayor 5"),
    ("Király utca 38. 2/5.", "Király utca 38"),  # stair and flat
    ("Rua das Flores, 12, 3.º Esq.", "Rua das Flores, 12"),
    ("Kounicova 1412/7", "Kounicova 1412/7"),  # a compound number is kept (both parts searched)
    ("Flat 2, 31 Moorfield Road", "31 Moorfield"),
    ("6108 Sendero Verde Cove", "6108 Sendero Verde"),
    # the district after a comma is left out: pages print "11 Fernhill Grove" in Douglas
    ("11 Fernhill Grove, Douglas", "11 Fernhill"),
    ("Georgiou A΄ 27, Diam. 402", "Georgiou A΄ 27"),
])
def test_street_core_keeps_the_house_not_the_flat(street: str, core: str) -> None:
    from footprint.planner import street_core

    assert street_core(street) == core


def test_a_name_under_another_surname_has_its_own_search() -> None:
    """A maiden name the OR group of name forms had no room for is searched on its own."""
    from footprint.planner import name_forms
    from footprint.profile import Person

    p = Person(id="judge", name="Birgitte Ravnholt Skovgaard", aliases=[
        "Birgitte Skovgaard", "Birgitte R. Skovgaard", "Gitte Skovgaard", "Birgitte Ravnholt"])
    assert "Birgitte Ravnholt" not in name_forms(p)
    prof = load_profile(FIXTURES / "cz" / "profile.toml")
    qs = plan_person(prof, p)
    assert [q.text for q in qs if q.identifier == "alias"] == [
        '("Birgitte Ravnholt" OR "Ravnholt Birgitte")']


def test_two_surnames_are_searched_by_the_first() -> None:
    """A Spanish name ends with two surnames and goes by the first: "Jon Ander Agirre
    Bengoetxea" is searched as "Jon Ander Agirre" and "Agirre Bengoetxea Jon Ander", never as
    "Jon Bengoetxea"; an alias in another spelling is searched as written."""
    from footprint.planner import name_forms
    from footprint.profile import Person

    p = Person(id="spouse", name="Jon Ander Agirre Bengoetxea", relation="spouse",
               aliases=("Jon Ander Aguirre Bengoechea",))
    forms = name_forms(p, None, True)
    assert forms[:3] == ["Jon Ander Agirre", "Agirre Bengoetxea Jon Ander",
                         "Jon Ander Agirre Bengoetxea"], forms
    assert "Jon Bengoetxea" not in forms and "Jon Ander Aguirre Bengoechea" in forms, forms
    assert name_forms(p)[0] == "Jon Bengoetxea"  # other languages: given name and last word


@pytest.mark.parametrize(("name", "aliases", "first", "surnames"), [
    # an alias without the last surname: the person goes by the first one, wherever they live
    ("María Elena Gutiérrez Ruiz", ("María Elena Gutiérrez", "Maria E. Gutierrez"),
     "María Elena Gutiérrez", ["Ruiz"]),
    ("Ana Lucía Pérez Soto", ("Ana Lucia Perez",), "Ana Lucía Pérez", ["Soto"]),
    # an alias that drops a middle name, or none: the last word is the surname
    ("Mary Kate Tackett", ("Mary Tackett",), "Mary Tackett", ["Tackett"]),
    ("Robert Lee Ashby", (), "Robert Ashby", ["Ashby"]),
    ("Ana Lucía Pérez Soto", ("Ana Soto",), "Ana Soto", ["Soto"]),
    # a maiden name kept as a middle name: another alias keeps the last word alone
    ("Caroline Pinckney Ashby", ("Caroline Pinckney", "Caroline Ashby"), "Caroline Ashby",
     ["Ashby"]),
])
def test_two_surnames_outside_spain_are_read_from_the_aliases(
        name: str, aliases: tuple[str, ...], first: str, surnames: list[str]) -> None:
    """A US profile is not read with Spanish naming, but an alias that is the name without its
    last word says the person goes by the first of two surnames: the name group then starts
    with that form ("Maria Elena Gutierrez, 52 - Portland, OR" on a people-search page) and the
    family's surname query keeps the last word, as for a Spanish profile."""
    from footprint.profile import profile_from_dict

    prof = profile_from_dict({
        "audit": {"jurisdiction": "US-OR", "language": "en"},
        "consent": {"authorized_by": "Hon. Test Judge", "authorized_on": "2026-01-01",
                    "purpose": "self-audit",
                    "statement": "I authorize this audit."},
        "probes": {"enabled": ["web"]},
        "subject": {"id": "judge", "name": name, "aliases": list(aliases), "city": "Portland"},
    }, Path("profile.toml"))
    qs = plan_person(prof, prof.subject)
    (group,) = [q.text for q in qs if q.identifier == "name"]
    assert group.startswith(f'("{first}"'), group
    assert [q.text for q in qs if q.identifier == "surname"] == [
        f'"{s}" "Portland"' for s in surnames]


def test_a_name_written_surname_first_is_never_read_with_two_surnames() -> None:
    """A Hungarian profile writes "Bárdos Gergely Tamás" (kept as "Bárdos, Gergely Tamás") with
    the alias "Bárdos Gergely": the alias drops a given name, not a second surname."""
    from footprint.analyze.names import keeps_two_surnames

    assert not keeps_two_surnames("Bárdos, Gergely Tamás", ["Bárdos, Gergely"])
    assert keeps_two_surnames("María Elena Gutiérrez Ruiz", ["María Elena Gutiérrez"])


def test_an_address_query_finds_the_town_in_a_case_form(tmp_path: Path) -> None:
    """An official notice prints the town in the genitive beside the street ("Tallinna
    Linnaplaneerimise Amet … Kullerkupu tn 11"), a club's page only in its own name
    ("Dresdner Ruderverein"): the town is a bare word in every language, so the street with
    its number still finds the page."""
    from footprint.profile import profile_from_dict

    notice = html_page("Teadaanne", "<p>Tallinna Linnaplaneerimise Amet teatab, et huvitatud "
                       "isiku taotluse alusel on algatatud menetlus Kullerkupu tn 11 kinnistul."
                       "</p>")
    other = html_page("Muu", "<p>Kullerkupu tn 9 kinnistul, Tallinn.</p>")
    warc = write_warc(tmp_path / "a.warc.gz", [
        ("https://teated.example.ee/1", 200, HTML, notice),
        ("https://teated.example.ee/2", 200, HTML, other),
    ])

    def home_query(language: str, country: str) -> str:
        prof = profile_from_dict({
            "audit": {"jurisdiction": country, "language": language},
            "consent": {"authorized_by": "Hon. Test Judge", "authorized_on": "2026-01-01",
                        "purpose": "self-audit", "statement": "I authorize this audit."},
            "probes": {"enabled": ["web"]},
            "subject": {"id": "judge", "name": "Kadri Tamm", "city": "Tallinn", "addresses": [
                {"label": "home", "street": "Kullerkupu tn 11", "city": "Tallinn",
                 "country": country}]},
        }, Path("profile.toml"))
        return next(q.text for q in plan_person(prof, prof.subject) if q.identifier == "home")

    assert home_query("et", "EE") == '"Kullerkupu tn 11" Tallinn'
    assert home_query("en", "GB") == '"Kullerkupu tn 11" Tallinn'
    with WebArchive.open(warc, tmp_path / "cache") as archive:
        urls = [r.url for r in archive.search(home_query("et", "EE"))]
        assert urls == ["https://teated.example.ee/1"], urls
        assert archive.search('"Kullerkupu tn 11" "Tallinn"') == []


@pytest.mark.parametrize(("name", "bare"), [
    ("Berounka Projekt s.r.o.", "Berounka Projekt"),
    ("Ibaizabal Ur Ingeniaritza, S.L.", "Ibaizabal Ur Ingeniaritza"),
    ("Brightwater Structural Engineers, LLC", "Brightwater Structural Engineers"),
    ("Caliche Ridge Engineering", "Caliche Ridge Engineering"),
    ("Sonalis SA", "Sonalis"),
    ("AG", "AG"),
])
def test_an_employer_is_searched_without_its_legal_form(name: str, bare: str) -> None:
    """Pages drop the legal form ("Berounka Projekt" for "Berounka Projekt s.r.o."): the
    quoted phrase of the employer query leaves it out."""
    from footprint.planner import without_legal_form
    assert without_legal_form(name) == bare


def test_a_childs_school_is_searched_with_every_spelling_of_the_surname() -> None:
    """A Greek family's son at an English-language school: the school's honour roll prints
    "Hadjipetrou G.", the profile "Χατζηπέτρου" with "George Hadjipetrou" among the aliases —
    the surname and school search carries every spelling (still one query)."""
    from footprint.profile import Person

    prof = load_profile(FIXTURES / "cz" / "profile.toml")
    p = Person(id="son", name="Γεώργιος Χατζηπέτρου", relation="child", minor=True,
               aliases=("George Hadjipetrou",), school="Akamas English School")
    school = [q.text for q in plan_person(prof, p) if q.identifier == "school"]
    assert len(school) == 3
    assert school[1] == '("Χατζηπέτρου" OR "Chatzipetrou" OR "Hadjipetrou") "Akamas English School"'


def test_a_childs_school_is_searched_with_the_first_name_alone() -> None:
    """A school's own pages print a pupil as "Isla P (9W)" or "Léa K.": the school is also
    searched with the child's first names alone (every first name of the profile in one OR
    group). An adult's employer gets no such query."""
    from footprint.profile import Person

    prof = load_profile(FIXTURES / "cz" / "profile.toml")
    p = Person(id="kid", name="Isla Pryor", relation="child", minor=True,
               aliases=("Isla May Pryor",), school="Hemlock Stone Academy")
    school = [q.text for q in plan_person(prof, p) if q.identifier == "school"]
    assert school[-1] == '"Isla" "Hemlock Stone Academy"'
    adult = Person(id="sp", name="Tom Pryor", relation="spouse", employer="Trent Valley Ltd")
    assert not any(q.text.startswith('"Tom" ') for q in plan_person(prof, adult))


def test_an_employer_is_searched_with_every_surname_the_aliases_give() -> None:
    """A wife who kept her maiden name at work ("Mary Kate Tackett, Co-owner" while the profile's
    name is Carrington): the surname and employer search carries the aliases' surnames too,
    still one query."""
    from footprint.profile import Person

    prof = load_profile(FIXTURES / "cz" / "profile.toml")
    p = Person(id="sp", name="Mary Katherine Carrington", relation="spouse",
               aliases=("Mary Kate Carrington", "Mary Kate Tackett"),
               employer="Falls City Pediatric Therapy, PLLC")
    work = [q.text for q in plan_person(prof, p) if q.identifier == "employer"]
    assert len(work) == 2
    assert work[1] == '("Carrington" OR "Tackett") "Falls City Pediatric Therapy"'


@pytest.mark.parametrize(("e164", "printed", "searched"), [
    # a Kyiv landline and a Ukrainian mobile as directories print them, in threes and twos
    ("+380442794158", "044 279 41 58", True),
    ("+380442794158", "279 41 58", True),
    ("+380673145287", "067 314 52 87", True),
    ("+381111234567", "011 123 45 67", True),
    # not where numbers are printed otherwise
    ("+33123456789", "345 67 89", False),
    ("+15125550147", "555 01 47", False),
])
def test_a_local_number_in_threes_and_twos_is_searched(e164: str, printed: str,
                                                        searched: bool) -> None:
    from footprint.planner import phone_formats

    assert (printed in phone_formats(e164, "")) is searched


@pytest.mark.parametrize(("aliases", "searched"), [
    # another first name under the same surname, past the name group's room: its own search
    (["Ковальчук Олена Василівна", "Ковальчук О. В.", "Olena Kovalchuk", "Olena Koval'chuk",
      "Елена Васильевна Ковальчук"], True),
    ([], False),
])
def test_an_alias_with_another_first_name_under_the_same_surname(aliases: list[str],
                                                                  searched: bool) -> None:
    from footprint.profile import profile_from_dict

    prof = profile_from_dict({
        "audit": {"jurisdiction": "UA", "language": "uk"},
        "consent": {"authorized_by": "Hon. Test Judge", "authorized_on": "2026-01-01",
                    "purpose": "self-audit", "statement": "I authorize this audit."},
        "probes": {"enabled": ["web"]},
        "subject": {"id": "judge", "name": "Олена Василівна Ковальчук", "aliases": aliases,
                    "city": "Київ"},
    }, Path("profile.toml"))
    texts = [q.text for q in plan_person(prof, prof.subject)]
    assert any("Елена Ковальчук" in t for t in texts) is searched, texts


def test_a_grid_address_is_searched_in_both_spellings() -> None:
    """"1847 E 3300 S" is printed "1847 East 3300 South" too; its street is "3300 S" or "3300
    South", never a word "E" alone."""
    from footprint.profile import profile_from_dict

    prof = profile_from_dict({
        "audit": {"jurisdiction": "US-UT", "language": "en"},
        "consent": {"authorized_by": "Hon. Test Judge", "authorized_on": "2026-01-01",
                    "purpose": "self-audit", "statement": "I authorize this audit."},
        "probes": {"enabled": ["web"]},
        "subject": {"id": "judge", "name": "Rebecca Ann Sorensen", "city": "Salt Lake City",
                    "addresses": [{"label": "home", "street": "1847 E 3300 S",
                                   "city": "Salt Lake City", "region": "UT",
                                   "postal_code": "84106", "country": "US"}]},
    }, Path("profile.toml"))
    texts = [q.text for q in plan_person(prof, prof.subject) if q.identifier == "home"]
    assert '("1847 E 3300" OR "1847 East 3300") Salt Lake City' in texts, texts
    assert '("3300 S" OR "3300 South") "Salt Lake City"' in texts, texts
    assert not any('"E"' in t for t in texts), texts


@pytest.mark.parametrize(("street", "phrase"), [
    # the direction after the house number in full and as its letter: registers print "2214 E
    # LINDEN HILL DR"
    ("2214 East Linden Hill Drive", "2214 E Linden Hill"),
    ("1938 N 52nd Street", "1938 North 52nd"),
    # a quadrant after the type: printed or left out, the type in full or short
    ("10936 83 Avenue NW", "10936 83"),
    ("27 Aspen Brook Heath SW", "27 Aspen Brook"),
])
def test_an_address_query_covers_its_print_forms(street: str, phrase: str) -> None:
    from footprint.planner import _address_phrases

    assert phrase in _address_phrases(street)
