"""Ages and years of birth right after a name, and birth dates inside national identity numbers:
tables of true and false cases in several formats and languages."""

from __future__ import annotations

import datetime as dt

import pytest

from footprint.analyze.extract import ExtractContext
from footprint.analyze.extract_dates import DateExtractor
from footprint.analyze.extract_ids import NationalIdExtractor, cnp_date, jmbg_date, pesel_date
from footprint.analyze.match.birth import ages_after_names
from footprint.analyze.names import NameMatch, fold

NAME = "Sofia Kessler"


def _after(line: str) -> list[tuple[str, str]]:
    i = line.index(NAME)
    names = {"kid": [NameMatch(i, i + len(NAME), "name_first_last")]}
    return [(f.kind, f.value) for f in ages_after_names(line, names, 2026)]


AFTER_TRUE = [
    ("Sofia Kessler, 13, of Austin", ("age", "13")),
    ("Sofia Kessler (13)", ("age", "13")),
    ("4\tSofia Kessler\t13\tRiptide Aquatics\t1:05.32", ("age", "13")),
    ("12  Sofia Kessler  13  HCMS", ("age", "13")),
    ("231 Sofia Kessler F 13 Austin TX 24:11", ("age", "13")),
    ("Sofia Kessler, 2013, UKS Fala Kraków", ("birth_date", "2013")),
    ("Sofia Kessler (2013)", ("birth_date", "2013")),
    ("Sofia Kessler, Kraków, 2013, K15", ("birth_date", "2013")),
    ("Sofia Kessler (2013 m.) – pagerino rekordą", ("birth_date", "2013")),  # Lithuanian
    ("Sofia Kessler (2013 r.)", ("birth_date", "2013")),  # Polish
    ("Sofia Kessler, Ph.D. (50).", ("age", "50")),  # a title after the name
]
AFTER_FALSE = [
    "Sofia Kessler, 2001 Oak Street",  # an address
    "Sofia Kessler, 57 Oak Street",
    "Sofia Kessler 2019 winner",  # a single space in prose
    "Sofia Kessler (Sofia, 8th)",
    "Sofia Kessler, 5 km in 24:11",
    "Sofia Kessler\t24:11",  # a time
    "Sofia Kessler, Austin, 12 Oak St",  # only a year may follow a place
    "Sofia Kessler, 1850",
    "Sofia Kessler\t92,00\tM",  # a score with a decimal comma
    "Sofia Kessler (13 m.)",  # thirteen metres, not a year
]


def test_a_full_date_year_first_after_a_name() -> None:
    line = "Kessler, Sofia\t2013/05/09\tKale Nagusia 23"
    names = {"kid": [NameMatch(0, 14, "name_reversed")]}
    got = ages_after_names(line, names, 2026, {"kid": 2013})
    assert [(f.kind, f.value) for f in got] == [("birth_date", "2013/05/09")]


def test_full_date_after_name_when_it_is_the_birth_year() -> None:
    line = "Sofia Kessler, 14.05.2013, Riptide Aquatics"
    names = {"kid": [NameMatch(0, len(NAME), "name_first_last")]}
    got = ages_after_names(line, names, 2026, {"kid": 2013})
    assert [(f.kind, f.value, f.attr("full_date")) for f in got] == [("birth_date", "14.05.2013", "1")]
    # an event's date after the name is not a birth date
    event = "Sofia Kessler, 14.05.2026, district final"
    assert [f.kind for f in ages_after_names(event, names, 2026, {"kid": 2013})] == []


@pytest.mark.parametrize(("card", "want"), [
    ("Sofia Kessler\n2013 · butterfly, medley", ["2013"]),
    ("#7 Sofia Kessler\nGuard · 2013\n#9 Mia Roe", ["2013"]),
    ("Sofia Kessler\n2016 · butterfly", []),  # not her year: a season, a joining year
    ("Sofia Kessler\n2013 – 2019 · Riptide Aquatics", []),  # a period
])
def test_her_birth_year_on_a_roster_cards_next_line(card: str, want: list[str]) -> None:
    i = card.index(NAME)
    names = {"kid": [NameMatch(i, i + len(NAME), "name_first_last")]}
    got = ages_after_names(card, names, 2026, {"kid": 2013})
    assert [f.value for f in got if f.kind == "birth_date"] == want


def test_a_number_under_a_points_column_set_in_spaces_is_no_age() -> None:
    page = ("Núm.  Cognoms, nom      Punts\n"
            "042   ROCA GIRBAU, A    45\n"
            "043   KESSLER, SOFIA    50\n")
    i = page.index("KESSLER, SOFIA")
    names = {"kid": [NameMatch(i, i + 14, "name_reversed")]}
    assert ages_after_names(page, names, 2026) == []
    aged = page.replace("Punts", "Edat ")
    assert [f.value for f in ages_after_names(aged, names, 2026)] == ["50"]


@pytest.mark.parametrize(("line", "want"), AFTER_TRUE, ids=[t for t, _w in AFTER_TRUE])
def test_number_after_name(line: str, want: tuple[str, str]) -> None:
    assert _after(line) == [want]


@pytest.mark.parametrize("line", AFTER_FALSE)
def test_number_after_name_not_an_age(line: str) -> None:
    assert _after(line) == []


AGES = [
    ("Małgorzata Żurawska, lat 50", "en", "50"),
    ("ma 53 lata", "pl", "53"),
    ("78-letnia Halina", "pl", "78"),
    ("13-latka z Krakowa", "pl", "13"),
    ("ima 58 godina", "hr", "58"),
    ("58-godišnja sutkinja", "hr", "58"),
    ("are 58 de ani", "ro", "58"),
    ("cumple 80 años", "es", "80"),
    ("a 48-year-old judge", "en", "48"),
    ("věk 58", "cs", "58"),
]


@pytest.mark.parametrize(("text", "lang", "age"), AGES, ids=[t for t, _l, _a in AGES])
def test_ages_in_several_languages(text: str, lang: str, age: str) -> None:
    ctx = ExtractContext(language=lang)
    got = [f.value for f in DateExtractor().extract(text, fold(text), ctx) if f.kind == "age"]
    assert got == [age]


@pytest.mark.parametrize(
    ("text", "lang", "year", "full"),
    [
        ("ur. 12 kwietnia 1975", "pl", "1975", True),
        ("rođena 3. listopada 1974.", "hr", "1974", True),  # listopad is October in Croatian
        ("narozena 3. listopadu 1974", "cs", "1974", True),
        ("născută la 12 martie 1975", "ro", "1975", True),
        ("data urodzenia: 14.05.2013", "pl", "2013", True),
    ],
)
def test_birth_dates_in_several_languages(text: str, lang: str, year: str, full: bool) -> None:
    ctx = ExtractContext(language=lang)
    got = [f for f in DateExtractor().extract(text, fold(text), ctx) if f.kind == "birth_date"]
    assert got and got[0].attr("year") == year
    assert (got[0].attr("full_date") == "1") is full


def test_croatian_and_czech_listopad_differ() -> None:
    hr = DateExtractor()._birth  # noqa: SLF001 - the month table is what is tested
    assert hr is not None
    from footprint.analyze.extract_dates import _months

    assert _months("hr")["listopada"] == 10
    assert _months("pl")["listopada"] == 11


def test_national_id_dates() -> None:
    assert pesel_date("44051401359") == dt.date(1944, 5, 14)
    assert pesel_date("44051401358") is None  # wrong check digit
    assert pesel_date("02270803624") == dt.date(2002, 7, 8)  # 2000s: month + 20
    assert cnp_date("1800101221144") == dt.date(1980, 1, 1)
    assert cnp_date("1800101221145") is None
    assert jmbg_date("0101980500005") == dt.date(1980, 1, 1)
    assert jmbg_date("0101980500006") is None
    from footprint.analyze.extract_ids import cf_date
    assert cf_date("TSSCHR72D54H223L") == dt.date(1972, 4, 14)  # a woman: day + 40


@pytest.mark.parametrize(
    ("text", "year", "full"),
    [
        ("PESEL: 44051401359", "1944", True),
        ("rodné číslo 755412/1234", "1975", True),
        ("CNP 1800101221144", "1980", True),
        ("PESEL 73061*****", "1973", False),
        # a JMBG or Slovenian EMŠO with its tail masked, after its label or under its column
        ("Imetnik: 1. matična številka: 1406975505*** · osebno ime: NATAŠA BIZJAK", "1975", True),
        ("Ime i prezime\tJMBG\nDragutinović Đorđe\t0305972******", "1972", True),
        # the codice fiscale: valid by its check letter, or under its label; +40 for women
        ("TSSCHR72D54H223L", "1972", True),
        ("sig. LANZONI STEFANO (C.F. LNZSFN70S09G337W), residente", "1970", True),
        ("Codice fiscale\tLNZSFN70S09G337W", "1970", True),
        # masked after its label: the year, or the full date when the day still shows
        ("Età: 45–50 anni · Codice fiscale: GRBVNK77*********", "1977", False),
        ("— Procuratore — C.F. MHLLKS75*******", "1975", False),
        ("C.F. GRBVNK77C43*****", "1977", True),
        # numbers that begin with the date, after their label: masked, or whole and valid
        ("personnummer 750614-XXXX", "1975", True),
        ("Personnr: 19750614-****", "1975", True),
        ("Personnummer 811218-9876", "1981", True),
        ("CPR-nr. 140675-****", "1975", True),
        ("hetu 131052-308T", "1952", True),
        ("ЕГН: 0346140000", "2003", True),  # read in Latin letters ("EGN"); +40 on the month
    ],
)
def test_birth_dates_in_identity_numbers(text: str, year: str, full: bool) -> None:
    from footprint.analyze.scripts import latin

    ctx = ExtractContext(today=dt.date(2026, 11, 20))
    text = latin(text)
    got = list(NationalIdExtractor().extract(text, fold(text), ctx))
    assert [f.attr("year") for f in got] == [year]
    assert (got[0].attr("full_date") == "1") is full


@pytest.mark.parametrize("text", ["tel. 44051401358", "ID 12345678901", "invoice 1800101221145",
                                  "ref LNZSFN70S09G337W",  # wrong check letter and no label
                                  "ORDER ABCDEF12G34H567I",
                                  "ref GRBVNK77*********",  # masked, with no label
                                  "ref 750614-1234",  # no label
                                  "personnummer 750614-1234",  # fails its checksum
                                  "Tel 070-174 06 23"])
def test_numbers_that_are_not_identity_numbers(text: str) -> None:
    ctx = ExtractContext(today=dt.date(2026, 11, 20))
    assert list(NationalIdExtractor().extract(text, fold(text), ctx)) == []


@pytest.mark.parametrize(
    ("text", "lang", "year"),
    [
        ("Bríd turned 80 on Friday, October 3, surrounded by family.", "en", "1946"),
        ("Lupe Montaño cumple 80 años el 21 de noviembre.", "es", "1946"),
        ("la Núria Ferrer, que el 12 de maig en fa 52 i ens va guiar", "ca", "1974"),
        ("Ernie Castellanos (9/9) - turning 80!", "en", "1946"),  # an American month/day
        # a title's and an initial's full stops end no sentence
        ("11 december: dhr. H.J. (Henk) ten Brink, Vijverlaan 31 – wordt 85", "nl", "1941"),
        ("Moja Sanja je u četvrtak, 12. ožujka, napunila 52.", "hr", "1974"),
        ("She celebrates her 60th birthday on 14 March.", "en", "1966"),
        # an ordinal's dot ends no sentence
        ("Sie feiert heute, am 4. Dezember, ihren 80. Geburtstag.", "de", "1946"),
    ],
)
def test_birthday_with_the_age_reached_is_a_full_date(text: str, lang: str, year: str) -> None:
    from footprint.analyze.extract_dates import birthdays

    ctx = ExtractContext(today=dt.date(2026, 11, 20), language=lang)
    got = birthdays(text, fold(text), ctx)
    assert [(f.attr("year"), f.attr("full_date")) for f in got] == [(year, "1")]


@pytest.mark.parametrize("text", [
    "Published October 3. He turned 80 last year.",  # two sentences
    "On 3 October the council met; 80 people came.",
    "Born 3 October 1946, she turned 80.",  # a dated birth date is read by the birth rules
])
def test_day_and_month_without_an_age_reached_is_no_birthday(text: str) -> None:
    from footprint.analyze.extract_dates import birthdays

    ctx = ExtractContext(today=dt.date(2026, 11, 20))
    assert birthdays(text, fold(text), ctx) == []


@pytest.mark.parametrize(("head", "cell", "want"), [
    ("Geboortedatum", "14-02-1975", ("birth_date", "1975")),
    ("Date of birth", "1975-02-14", ("birth_date", "1975")),
    ("DOB", "14.02.1975", ("birth_date", "1975")),
    ("Dob", "51", ("age", "51")),  # Czech and Croatian "dob" is an age
    ("Functie", "14-02-1975", None),  # another column's date is no birth date
])
def test_a_birth_date_column_of_a_register_table(head: str, cell: str,
                                                 want: tuple[str, str] | None) -> None:
    from footprint.analyze.match.birth import ages_in_columns

    text = (f"Naam\tFunctie\t{head}\tWoonplaats\n"
            f"Verhoeven, Marloes Annelies\tSecretaris\t{cell}\tUtrecht")
    if head == "Functie":
        text = f"Naam\tFunctie\tWoonplaats\nVerhoeven, Marloes Annelies\t{cell}\tUtrecht"
    s = text.index("Verhoeven")
    names = {"judge": [NameMatch(s, s + 27, "name_reversed")]}
    got = [(f.kind, f.attr("year") or f.attr("age")) for f in ages_in_columns(text, names, 2026)]
    assert got == ([want] if want else []), got


def test_a_stair_and_flat_cell_is_no_age() -> None:
    """Fonecta's reverse-address table: "Kallioniemi Riikka Helena | B 4 | 040 …" — the cell
    "B 4" is a stair and a flat, not an initial and an age."""
    line = "Nimi\tPorras/asunto\tPuhelin\nKallioniemi Riikka Helena\tB 4\t040 718 2294\n"
    i = line.index("Kallioniemi")
    names = {"judge": [NameMatch(i, i + len("Kallioniemi Riikka Helena"), "name_reversed")]}
    assert ages_after_names(line, names, 2026) == []


def test_a_birth_year_column_headed_synt() -> None:
    from footprint.analyze.match.birth import ages_in_columns

    text = ("Sij.\tNimi\tSeura/Paikkakunta\tSynt.\tAika\n"
            "2.\tKALLIONIEMI Riikka\tTampere\t1975\t28.40\n")
    i = text.index("KALLIONIEMI")
    names = {"judge": [NameMatch(i, i + len("KALLIONIEMI Riikka"), "name_reversed")]}
    assert [f.value for f in ages_in_columns(text, names, 2026)] == ["1975"]


@pytest.mark.parametrize("head", ["Ano nasc.", "Ano", "Année", "Rok narodenia"])
def test_a_birth_year_column_in_more_languages(head: str) -> None:
    from footprint.analyze.match.birth import ages_in_columns

    text = (f"Nome\tTurma\t{head}\tEscalão\n"
            "Beatriz Barbosa Antunes\t9.º B\t2012\tIniciados F\n")
    i = text.index("Beatriz")
    names = {"kid": [NameMatch(i, i + len("Beatriz Barbosa Antunes"), "name_full")]}
    assert [f.value for f in ages_in_columns(text, names, 2026)] == ["2012"]


def test_a_birth_year_in_brackets_on_the_next_line() -> None:
    """A club's roster: "Ema Šimkovičová" / "(2013) · slalom"."""
    text = "Ema Šimkovičová\n(2013) · slalom, obrovský slalom\nSára Hlinková\n(2013) · slalom"
    names = {"kid": [NameMatch(0, 15, "name_full")]}
    assert [f.value for f in ages_after_names(text, names, 2026, {"kid": 2013})] == ["2013"]
    assert ages_after_names("Ema Šimkovičová\n(14 days ago)", names, 2026, {"kid": 2013}) == []
