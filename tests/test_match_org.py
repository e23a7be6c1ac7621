"""The known-organisation matcher: a child's school and a relative's employer in the forms pages
print them, the page that is the organisation's own site, and the near misses."""

from __future__ import annotations

import pytest

from footprint.analyze.match.org import OrgMatcher
from footprint.analyze.match.tokens import Tokens
from footprint.analyze.names import fold

SCHOOL = ("kid:school", "school", "Hollow Creek Middle School")
WORK = ("dad:employer", "employer", "Caliche Ridge Engineering")
PL = ("kid:school", "school", "Szkoła Podstawowa nr 12 im. Marii Konopnickiej w Krakowie")
SP = ("kid:school", "school", "Szkoła Podstawowa nr 164 w Krakowie")
FIRM = ("dad:employer", "employer", "Kalenica Architekci Sp. z o.o.")
FAC = ("dad:employer", "employer",
       "Fakultet građevinarstva, arhitekture i geodezije Sveučilišta u Splitu")
CZ = ("kid:school", "school", "Gymnázium Mendel")
HR = ("dad:employer", "employer", "Klinička bolnica Sveti Duh")
OS = ("kid:school", "school", "Osnovna škola Meje")
LIC = ("kid:school", "school", "Liceul Teoretic „Onisifor Ghibu” Cluj-Napoca")
IT = ("kid:school", "school", "Scuola secondaria di primo grado Anna Morandi")
FR = ("kid:school", "school", "Collège public Les Ardoisières")
ES = ("kid:school", "school", "Colegio Público Nuestra Señora del Carmen")
DE = ("kid:school", "school", "Grundschule am Lindenhof")
# profile names romanised from Cyrillic (the analyzer compares in Latin letters)
UA = ("dad:employer", "employer", "TOV «Halinzhproekt»")
BG = ("dad:employer", "employer", "Hebros Hidro OOD")
PT = ("dad:employer", "employer", "Minhoterra - Engenharia e Construção, Lda.")
# a legal form spelled with full stops is one form, not letters of the name
GR = ("dad:employer", "employer", "Axoniki I.K.E.")
# a Greek school by its ordinal, romanised as the analyzer compares it
GRS = ("kid:school", "school", "2o Gymnasio Kalamarias")
IS = ("kid:school", "school", "Melaskóli")
AL = ("kid:school", "school", 'Shkolla 9-vjeçare "Naim Frashëri"')
EU = ("kid:school", "school", "Txorierri Ikastola")
BA = ("kid:school", "school", "JU Osnovna škola „Vrbanja“")

LU = ("kid:school", "school", "École fondamentale Am Bongert")
KH = ("kid:school", "school", "Kastanienhof-Gymnasium Waldkirch")
SV = ("kid:school", "school", "Granbackaskolan")

TRUE = [
    # the kind cut short inside the name, or to its consonants
    (KH, "Huber, Mia | 2013 | Kastanienhof-Gym. Waldkirch", False),
    (FR, "DUPRÉ Zoé — Clg Ardoisières, Angers", False),
    # a school named after a person, by the surname after its kind
    (IT, "frequenta la 3ª B alle medie Morandi", False),
    (IT, "BIANCHI GIULIA  2013  SSPG MORANDI PR", False),
    # a compound's first part, with its kind or a pupil's class beside it
    (SV, "hon går i 7B på Granbacka sedan i höstas", False),
    (SV, "Granbacka skola, klass 7B", False),
    # the school's kind printed in another language of the country
    (LU, "die Kinder der Grundschule Am Bongert in Erpeldingen", False),
    (LU, "d'Kanner vun der Schoul Am Bongert", False),
    # the kind word before the name, or with a case ending (Basque)
    (EU, "alumna de la Ikastola Txorierri, en Derio", False),
    (EU, "DBH 3.ean dago aurten Txorierri Ikastolan", False),
    # a public institution's "JU" before the school is no word of its name; "OŠ" its kind
    (BA, "Selma je učenica Osnovne škole „Vrbanja“, a plivanjem", True),
    (BA, "MEHMEDOVIĆ Selma | 2013 | OŠ „Vrbanja“", True),
    # a school named after a person, the given name cut to its initial, in quotes
    (AL, 'KRASNIQI Dardan  2013  SH9V "N. Frashëri"  6:41.2', True),
    (GR, "o Nikos, michanikos stin Axoniki, apo ti Thessaloniki", True),
    (GRS, "mathitis tou 2ou Gymnasiou Kalamarias, apo", True),  # ordinal and kind inflected
    (GRS, "mathitis tou 2o Gymnasio Kalamarias", True),
    (IS, "nemandi í 7. bekk Melaskóla, sem vann", True),  # a one-word name that says its kind
    # a coined name, then what the company does after a dash: the name alone names it
    (PT, "Rui Antunes, diretor de obra da Minhoterra, explicou", False),
    (SCHOOL, "an eighth-grader at Hollow Creek Middle School", False),
    (SCHOOL, "HOLLOW CREEK MS honor roll", False),
    (SCHOOL, "the HCMS eighth-grader swam the anchor leg", False),
    (SCHOOL, "Hollow Creek's PTA board", False),
    (WORK, "principal engineer at Caliche Ridge", False),
    (WORK, "CALICHE RIDGE ENGINEERING, LLC", False),
    (PL, "uczennica Szkoły Podstawowej nr 12 im. Marii Konopnickiej w Krakowie", True),
    (CZ, "studentka Gymnázia Mendel v Opavě", True),
    (HR, "zaposlen u Kliničkoj bolnici Sveti Duh", True),
    (SP, "uczniowie SP 164 w Krakowie", True),
    (SP, "uczennica Szkoły Podstawowej nr 164", True),
    (SP, "SP nr 164, klasa 6b", True),
    (FIRM, "partner w Kalenica Architekci w Krakowie", True),
    (FIRM, "KALENICA ARCHITEKCI SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ", True),
    (FAC, "docent na Fakultetu građevinarstva, arhitekture i geodezije u Splitu", True),
    (FAC, "predaje na FGAG-u", True),
    (FAC, "Fakultet gradjevinarstva, arhitekture i geodezije", True),
    (OS, "Perković Lucija, 2013, OŠ Meje", True),  # the kind's initials
    (OS, "učenica sedmog razreda OŠ Meje", True),
    (LIC, "Sălăjan Ana Maria, CJ, VI, Lic. Teor. „O. Ghibu” Cluj-Napoca", True),  # cut short
    (SCHOOL, "HOLLOW CREEK MS", False),
    # the kind in other words than the profile's: only the distinctive words count
    (IT, "tre studenti della scuola media Anna Morandi di via Imbriani", False),
    (IT, "Istituto comprensivo Anna Morandi", False),
    (FR, "élève de 4e au collège Les Ardoisières d'Angers", False),
    (ES, "alumna del CEIP Nuestra Señora del Carmen", False),
    (DE, "Schülerin der Grundschule am Lindenhof", False),
    # the legal form in the page's language, or none; another romanisation of the name
    (UA, "HALINZHPROEKT LLC, 41873260 — YouControl", True),
    (UA, "ponad desiat rokiv pratsiuiu u «Halinzhproekti».", True),
    (BG, "Lead Water & Sewerage Engineer at Hebros Hydro Ltd", False),
    (BG, "Martin Dragomirov · hebros-hydro", False),
]

FALSE = [
    (SV, "Granbacka IF vann derbyt", False),  # the club of the place, no kind, no class
    (SV, "kom på 8th at Granbacka", False),  # a place in a race is no class
    (LU, "Bongert Jean-Marie, Erpeldingen", False),  # the word alone is a surname too
    (GRS, "mathitis tou 3ou Gymnasiou Kalamarias", True),  # another school's ordinal
    (GR, "axoniki tomografia", True),  # a coined name is printed with its capital
    (PT, "uma empresa de engenharia e construção de Braga", False),  # only what it does
    (SCHOOL, "Creek Hollow Elementary", False),  # other words, other order
    (SCHOOL, "the hcms file", False),  # initials only in capitals
    (WORK, "Ridge Engineering of Caliche County", False),
    (CZ, "Gregor Mendel discovered heredity", True),  # one distinctive word needs its kind
    (SP, "SP 16 w Krakowie", True),  # another school's number
    (SP, "164 uczniów w Krakowie", True),  # a number without the school's kind
    (SP, "szkoła w Krakowie", True),  # the place is not the school
    (FAC, "Fakultet arhitekture u Zagrebu", True),  # one of three distinctive words
    (OS, "Meje is a district of Split", True),  # the one word without its kind
    (LIC, "prof. O. Ghibu a scris", True),  # a name with an initial needs the kind beside it
    (IT, "la pittrice Anna Maria Morandi", False),  # the words apart: a person
    (DE, "Spaziergang am Lindenhof", False),  # one distinctive word without its kind
    (UA, "halinzhproekt", True),  # a coined name is printed with its capital
    (BG, "Hebros Hyde Park", False),  # one of two words
    (AL, "prof. N. Frashëri shkroi", True),  # not in quotes: a person
    (EU, "Txorierri ibarreko jaiak", False),  # the valley, no kind word
    (AL, "Krosi i shkollave 9-vjeçare, Tiranë", True),  # "9-vjeçare" (nine-year) is no number
]


def _keys(org: tuple[str, str, str], text: str, inflected: bool) -> list[str]:
    m = OrgMatcher([org], inflected=inflected)
    folded = fold(text)
    return [f.attr("known") or "" for f in m.find(text, folded, Tokens.of(folded))]


@pytest.mark.parametrize(("org", "text", "inflected"), TRUE, ids=[t for _o, t, _i in TRUE])
def test_own_organisation_found(org: tuple[str, str, str], text: str, inflected: bool) -> None:
    assert org[0] in _keys(org, text, inflected)


@pytest.mark.parametrize(("org", "text", "inflected"), FALSE, ids=[t for _o, t, _i in FALSE])
def test_other_organisation_not_ours(org: tuple[str, str, str], text: str, inflected: bool) -> None:
    assert _keys(org, text, inflected) == []


@pytest.mark.parametrize(
    ("url", "title", "own"),
    [
        ("https://www.calicheridge.example/team", "Our team", True),
        ("https://desertwillowjh.example/news/science", "News", False),  # not this org
        ("https://www.district.example/schools/hollow-creek-ms/news/honor-roll", "News", True),
        ("https://www.news.example/sports/relays", "Hollow Creek Middle School wins relays", True),
        ("https://www.news.example/sports/relays", "Creek Middle School wins", False),
        ("https://sp164.krakow.example/aktualnosci/wyniki", "Aktualności", True),
        ("https://sp16.krakow.example/aktualnosci/wyniki", "Aktualności", False),
        # a one-word coined name whole in the title, in a case form; never the start of another
        # word ("Minhotec" is not the blog "minhotrilhos")
        ("https://blog.example/sobre/", "Sobre – minhotrilhos", False),
        ("https://news.example/a", "Notícias da Minhotec", True),
    ],
)
def test_own_site(url: str, title: str, own: bool) -> None:
    m = OrgMatcher([SCHOOL, WORK, SP, ("spouse:employer", "employer",
                                        "Minhotec - Engenharia e Automação, Lda.")])
    assert bool(m.own_site(url, title)) is own


@pytest.mark.parametrize(("text", "company"), [
    ("PERKOVIĆ DAVOR, direktor, PERKOVIĆ PROJEKT d.o.o., Split", "PERKOVIĆ PROJEKT d.o.o"),
    ("Kalenica Architekci Sp. z o.o. — prokurent: Tomasz Żurawski", "Kalenica Architekci Sp. z o.o"),
    ("OCOTILLO RIDGE ANIMAL HOSPITAL, PLLC · Manager: Douglas P Kerr",
     "OCOTILLO RIDGE ANIMAL HOSPITAL, PLLC"),
    ("Jednatel: Pavel Řezníček, ŘEZNÍČEK STAVBY s.r.o., Brno", "ŘEZNÍČEK STAVBY s.r.o"),
    ("Administrator: POPESCU ANA-MARIA, asociat unic la CASA VERDE SRL", "CASA VERDE SRL"),
])
def test_a_company_with_an_officer_role_is_a_workplace(text: str, company: str) -> None:
    from footprint.analyze.extract import ExtractContext
    from footprint.analyze.extract_orgs import OrgExtractor

    got = [f.value for f in OrgExtractor().extract(text, fold(text), ExtractContext())
           if f.attr("company")]
    assert got == [company]


@pytest.mark.parametrize("text", [
    "KERR FAMILY HOLDINGS LLC · Members: Douglas P Kerr",
    "KERR-MONTANO PROPERTIES, L.L.C. · Member: DOUGLAS P KERR",
])
def test_a_company_that_holds_assets_is_no_workplace(text: str) -> None:
    from footprint.analyze.extract import ExtractContext
    from footprint.analyze.extract_orgs import OrgExtractor

    assert not [f for f in OrgExtractor().extract(text, fold(text), ExtractContext())
                if f.attr("company")]


@pytest.mark.parametrize("text", [
    "He bought a car from Smith Motors LLC last year.",  # no officer's role
    "The firm Jones Sa said",  # a word, not a legal form
])
def test_a_company_without_a_role_is_no_workplace(text: str) -> None:
    from footprint.analyze.extract import ExtractContext
    from footprint.analyze.extract_orgs import OrgExtractor

    assert [f for f in OrgExtractor().extract(text, fold(text), ExtractContext())
            if f.attr("company")] == []


@pytest.mark.parametrize(("text", "found"), [
    ("studentessa della Morandi, prima classificata", True),
    ("Matilde, 2ªB della Morandi", True),
    ("la Morandi Chiara ha vinto", False),  # a person: "Morandi Chiara"
    ("Gianni Morandi canta", False),  # a namesake of the eponym, no article
])
def test_a_school_called_by_its_eponym(text: str, found: bool) -> None:
    m = OrgMatcher([("kid:school", "school", "Scuola secondaria di primo grado Anna Morandi")])
    f = fold(text)
    assert bool(m.find(text, f, Tokens.of(f))) is found


@pytest.mark.parametrize(("name", "generic", "initials"), [
    ("Axoniki I.K.E.", {"ike"}, ""),
    ("Kelmis S.à r.l.", {"sarl"}, ""),
    ("Vilaró S.L.", {"sl"}, ""),  # was "vsl": the form's letters are no initials of the name
    # ("Les" is an article, as "the" is: no initial of the name)
    ("Les Amis a.s.b.l.", {"les", "asbl"}, ""),
])
def test_a_dotted_legal_form_is_one_word(name: str, generic: set[str], initials: str) -> None:
    from footprint.analyze.match.org import parse_org

    _words, gen, got = parse_org(name)
    assert (gen, got) == (generic, initials)


@pytest.mark.parametrize(("name", "words"), [
    # a profile town at the end is no distinctive word …
    ("Liceul Teoretic Onisifor Ghibu Cluj-Napoca", ("onisifor", "ghibu")),
    # … unless the school is named after the town alone
    ("École fondamentale de Bridel", ("bridel",)),
    # … nor for a numbered school: its number is its name
    ("Școala Gimnazială nr. 31 Bridel", ()),
])
def test_a_town_at_the_end_of_a_name(name: str, words: tuple[str, ...]) -> None:
    from footprint.analyze.match.org import parse_org

    assert parse_org(name, ("Cluj-Napoca", "Bridel"))[0] == words


def test_initials_with_the_town_first() -> None:
    """A school whose first word is its town is known by the town's letter too: "OVHS" of
    Oakford Vale High School in Oakford, whose distinctive word is "vale"."""
    m = OrgMatcher([("kid:school", "school", "Oakford Vale High School")], places=["Oakford"])
    text = "OVHS junior Ella Byrne won the 800"
    folded = fold(text)
    assert [f.value for f in m.find(text, folded, Tokens.of(folded))] == ["OVHS"]


@pytest.mark.parametrize(("url", "own"), [
    # a numbered school's kind and number in the host name
    ("https://liceum322.example/olimpiady/2026/rezultaty", True),
    ("https://school322.example/news", True),
    ("https://liceum32.example/news", False),      # another number
    ("https://liceum3221.example/news", False),
])
def test_a_numbered_schools_own_site_by_its_kind_and_number(url: str, own: bool) -> None:
    m = OrgMatcher([("kid:school", "school", "Litsei № 322 «Lybid» Pecherskoho raionu")])
    assert bool(m.own_site(url, "Rezultaty olimpiad")) is own
