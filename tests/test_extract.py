"""Extractors: a parametrized table of true and false positives per extractor (phones vs dates,
ZIP+4, prices, parcel numbers; obfuscated e-mails; the profile's own addresses in every spelling
and split; unknown US/UK/CA/CZ addresses; ages and birth dates; plates; handles; schools and
employers), and the page reader (text joins, hidden parts, JSON-LD)."""

from __future__ import annotations

import datetime as dt

import pytest

from footprint.analyze.extract import ExtractContext, snippet
from footprint.analyze.extract_dates import DateExtractor
from footprint.analyze.extract_emails import EmailExtractor
from footprint.analyze.extract_orgs import OrgExtractor
from footprint.analyze.extract_phones import PhoneExtractor
from footprint.analyze.extract_places import (
    MAX_PYAP_CALLS,
    KnownAddresses,
    ParseBudget,
    PlaceExtractor,
    norm_postal,
)
from footprint.analyze.extract_social import HandleExtractor, handle_from_url
from footprint.analyze.extract_vehicles import VehicleExtractor
from footprint.analyze.names import fold
from footprint.analyze.text import MAX_HTML_CHARS, parse_page
from footprint.profile import Address


def run(extractor, text: str, **ctx) -> list:  # type: ignore[no-untyped-def]
    c = ExtractContext(**ctx) if ctx else ExtractContext()
    return list(extractor.extract(text, fold(text), c))


# --- phones ------------------------------------------------------------------------------------

PHONES_TRUE = [
    ("Call (707) 555-0142 or 707.555.0187", ("US",), ["+17075550142", "+17075550187"]),
    ("Phone: 707-555-0142 Age 58", ("US",), ["+17075550142"]),
    ("Cell: 7075550142", ("US",), ["+17075550142"]),
    ("Tel 020 7946 0123, mobile 07700 900123", ("GB",), ["+442079460123", "+447700900123"]),
    ("+44 20 7946 0958", ("US",), ["+442079460958"]),
    ("tel. +420 601 123 456, 601 123 456", ("CZ", "GB"), ["+420601123456", "+420601123456"]),
    ("(707) 555-0142", ("GB", "US"), ["+17075550142"]),  # the region where it is valid wins
    ("0113 496 0321", ("GB",), ["+441134960321"]),
]


@pytest.mark.parametrize(("text", "regions", "expected"), PHONES_TRUE)
def test_phones_found(text: str, regions: tuple[str, ...], expected: list[str]) -> None:
    assert [f.value for f in run(PhoneExtractor(), text, phone_regions=regions)] == expected


PHONES_FALSE = [
    "Born 1968-03-14",
    "zip 95405-1234",
    "listed 03/14/1968",
    "APN 044-123-045",
    "Price $1,234,567",
    "sold for £4,950,000",
    "nar. 14. 3. 1968",
    "Age 57-58",
    "602 00 Brno",
    "IČO 12345678",
    "served 1968-2012",
    "call 555-0142",
    "ref ID4155550100",
    "2417 Alderbrook Drive, Santa Rosa, CA 95405",
    # a bare run of digits in a record is an identifier, not a phone (class: number runs)
    "Owner ID 2017097412",
    "Parcel 0412 7709 14",
    "Account 7075550142",
    "7075550142",
    "ownership 100.000000 %",
    "rate 12.5 % 2017-2024",
]


@pytest.mark.parametrize("text", PHONES_FALSE)
def test_not_phones(text: str) -> None:
    assert run(PhoneExtractor(), text, phone_regions=("US", "GB", "CZ")) == []


def test_phone_prefers_profile_number() -> None:
    # "601 123 456" reads as a Czech number; a profile number in the same digits wins anyway
    found = run(
        PhoneExtractor(),
        "volejte 601 123 456",
        phone_regions=("GB", "CZ"),
        known_phones=("+420601123456",),
    )
    assert [f.value for f in found] == ["+420601123456"]


# --- e-mails -----------------------------------------------------------------------------------

EMAILS = [
    ("mail eleanor.whitfield@example.net.", ["eleanor.whitfield@example.net"]),
    ("Eleanor.Whitfield@Example.NET", ["eleanor.whitfield@example.net"]),
    ("eleanor [at] example [dot] net", ["eleanor@example.net"]),
    ("dan(at)example.org", ["dan@example.org"]),
    ("dan (at) example (dot) org", ["dan@example.org"]),
    ("write to dan at example dot com today", ["dan@example.com"]),
    ("name＠example.cz", ["name@example.cz"]),
    ("j.novak (zavináč) example.cz", ["j.novak@example.cz"]),
    # the word for "@" of Catalan, Spanish (abbreviated) and Icelandic
    ("nuria.vidal [arrova] example.net", ["nuria.vidal@example.net"]),
    ("jordi.serra (a) example.com", ["jordi.serra@example.com"]),
    ("thordis.hallgrims (hjá) example.net", ["thordis.hallgrims@example.net"]),
    ("see part (a) of the law", []),
    ("sales@example.co.uk", ["sales@example.co.uk"]),
    ("visit us at example.com", []),
    ("look at this. Then", []),
    ("x @ y", []),
    ("foo@bar", []),
    ("@handle only", []),
]


@pytest.mark.parametrize(("text", "expected"), EMAILS)
def test_emails(text: str, expected: list[str]) -> None:
    assert [f.value for f in run(EmailExtractor(), text)] == expected


def test_email_entity_decoded_by_parser() -> None:
    doc = parse_page("https://x.example/", "<p>eleanor&#46;whitfield&#64;example&#46;net</p>")
    assert [f.value for f in run(EmailExtractor(), doc.text)] == ["eleanor.whitfield@example.net"]


# --- the profile's own addresses ------------------------------------------------------------------

KNOWN = KnownAddresses(
    [
        (
            "us-home",
            Address(
                label="home",
                street="2417 Alderbrook Drive",
                city="Santa Rosa",
                region="CA",
                postal_code="95405",
                country="US",
            ),
        ),
        (
            "us-prev",
            Address(
                label="previous",
                street="88 Quarry Road",
                city="Petaluma",
                region="CA",
                postal_code="94952",
                country="US",
            ),
        ),
        (
            "us-north",
            Address(
                label="home",
                street="415 N Mill Street",
                unit="Apt 3",
                city="Petaluma",
                postal_code="94952",
                country="US",
            ),
        ),
        (
            "cz-home",
            Address(
                label="home",
                street="Kounicova 1234/5",
                city="Brno",
                postal_code="602 00",
                country="CZ",
            ),
        ),
        (
            "gb-home",
            Address(
                label="home",
                street="14 Wrenbeck Grove",
                city="Leeds",
                postal_code="LS6 2AB",
                country="GB",
            ),
        ),
        (
            "gb-flat",
            Address(
                label="previous",
                street="Flat 2, 31 Moorfield Road",
                city="Harrogate",
                postal_code="HG1 2QP",
                country="GB",
            ),
        ),
    ]
)

KNOWN_TRUE = [
    (
        "2417 Alderbrook Dr\nSanta Rosa, CA 95405",
        "us-home",
        "2417 Alderbrook Dr Santa Rosa, CA 95405",
    ),
    ("2417 ALDERBROOK DR., SANTA ROSA CA 95405-1234", "us-home", None),
    ("Lives at 2417 Alderbrook Drive.", "us-home", "2417 Alderbrook Drive"),
    ("88 Quarry Rd, Petaluma, CA 94952", "us-prev", None),
    ("415 North Mill St #3, Petaluma", "us-north", None),
    ("415 N. Mill Street, Apt 3, Petaluma, CA 94952", "us-north", None),
    ("Kounicova 1234/5, 602 00 Brno", "cz-home", None),
    ("bydliště: Kounicova 1234/5, Veveří, 602 00 Brno", "cz-home", None),
    ("Kounicova 5, 60200 Brno", "cz-home", None),  # orientation number only, postcode confirms
    ("Kounicova 1234, Brno", "cz-home", None),  # descriptive number only, city confirms
    ("14 Wrenbeck Gr, Leeds, LS6 2AB", "gb-home", None),
    ("14 Wrenbeck Grove, Leeds LS62AB", "gb-home", None),
    ("Flat 2, 31 Moorfield Rd, Harrogate HG1 2QP", "gb-flat", None),
]


@pytest.mark.parametrize(("text", "key", "value"), KNOWN_TRUE)
def test_known_address_found(text: str, key: str, value: str | None) -> None:
    found = KNOWN.find(text, fold(text))
    assert [f.attr("known") for f in found] == [key]
    if value is not None:
        assert found[0].value == value


KNOWN_FALSE = [
    "2417 Alderbrook Ct, Santa Rosa",  # another street type
    "2418 Alderbrook Dr, Santa Rosa",  # another number
    "2417 Alderbrook Dr, Austin, TX 78731",  # another postcode right after
    "Alderbrook Drive, Santa Rosa",  # no number
    "Kounicova 1234",  # partial number, nothing confirms
    "Kounicova 5, 110 00 Praha",  # partial number, another postcode
    "14 Wrenbeck Grove, Bristol BS8 1TH",
]


@pytest.mark.parametrize("text", KNOWN_FALSE)
def test_known_address_not_found(text: str) -> None:
    assert KNOWN.find(text, fold(text)) == []


def test_known_address_split_across_tags() -> None:
    doc = parse_page(
        "https://x.example/",
        "<div><span>2417 Alderbrook</span> <span>Dr</span>"
        "<br><span>Santa Rosa</span>, <span>CA</span> <span>95405</span></div>",
    )
    (f,) = KNOWN.find(doc.text, doc.folded)
    assert f.attr("known") == "us-home" and f.value.endswith("95405")


def test_known_address_not_cut_by_next_listing_line() -> None:
    text = "2417 Alderbrook Dr, Santa Rosa CA\n88 Quarry Rd, Petaluma, CA 94952"
    assert [f.attr("known") for f in KNOWN.find(text, fold(text))] == ["us-home", "us-prev"]


@pytest.mark.parametrize(
    ("raw", "norm"), [("95405-1234", "95405"), ("ls6 2ab", "LS62AB"), ("602 00", "60200")]
)
def test_norm_postal(raw: str, norm: str) -> None:
    assert norm_postal(raw) == norm


# --- unknown addresses and localities -----------------------------------------------------------

UNKNOWN = [
    (
        "Current Address\n5500 Oak Hollow Ln Apt 4\nAustin, TX 78731",
        ("US",),
        "5500 Oak Hollow Ln Apt 4 Austin, TX 78731",
        "austin",
    ),
    ("Past: 12 Elm St, Napa, CA 94558.", ("US",), "12 Elm St, Napa, CA 94558", "napa"),
    (
        "Correspondence address: 14 Headingley Lane, Leeds, LS6 2AB",
        ("GB",),
        "14 Headingley Lane, Leeds, LS6 2AB",
        "leeds",
    ),
    (
        "Office: 123 Main Street, Toronto, ON M5V 2T6",
        ("CA",),
        "123 Main Street, Toronto, ON M5V 2T6",
        "toronto",
    ),
    ("bydliště: Kounicova 1234/5, 602 00 Brno", ("CZ",), "Kounicova 1234/5, 602 00 Brno", "brno"),
    (
        "Sídlo: Václavské náměstí 832/19, 110 00 Praha 1",
        ("CZ",),
        "Václavské náměstí 832/19, 110 00 Praha 1",
        "praha",
    ),
    ("Údolní 53, Veveří, 602 00 Brno", ("CZ",), "Údolní 53, Veveří, 602 00 Brno", "brno"),
    # a street without a street type pyap knows: usaddress reads the line its ZIP closes
    (
        "Lived at\n3402 Speedway Apt 204, Austin, TX 78705",
        ("US",),
        "3402 Speedway Apt 204, Austin, TX 78705",
        "austin",
    ),
    (
        "Dukelská 12, 370 01 České Budějovice",
        ("CZ",),
        "Dukelská 12, 370 01 České Budějovice",
        "ceske budejovice",
    ),
]


@pytest.mark.parametrize(("text", "countries", "value", "city"), UNKNOWN)
def test_unknown_addresses(text: str, countries: tuple[str, ...], value: str, city: str) -> None:
    found = [
        f for f in run(PlaceExtractor(), text, address_countries=countries) if f.kind == "address"
    ]
    assert [(f.value, f.attr("city")) for f in found] == [(value, city)]


@pytest.mark.parametrize(
    "text",
    [
        "Born in 1968 in Georgia",
        "Route 66 runs west",
        "Call 707-555-0142, CA",
        "Page 3 of 10",
        "In 2019 Leeds LS6 hosted",
        "12 March 2019, Praha",
        "Address: 2417 W Eas***** Ave, Chicago, IL 60625",  # a masked teaser
        "Suite 200 Travis County, Austin TX 78701",  # a suite number is no house number
    ],
)
def test_not_addresses(text: str) -> None:
    found = run(PlaceExtractor(), text, address_countries=("US", "GB", "CZ"))
    assert [f for f in found if f.kind == "address"] == []


def _count_pyap(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import footprint.analyze.extract_places as ep

    windows: list[str] = []
    real = ep.pyap.parse

    def counting(window: str, **kw: str) -> object:
        windows.append(window)
        return real(window, **kw)

    monkeypatch.setattr(ep.pyap, "parse", counting)
    return windows


def test_repeated_address_window_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    windows = _count_pyap(monkeypatch)
    text = "Eleanor Whitfield, Santa Rosa " + "CA 95404 " * 1000
    ctx = ExtractContext(address_countries=("US",))
    budget = ParseBudget()
    assert PlaceExtractor().addresses(text, fold(text), ctx, budget=budget) == []
    assert len(windows) == len(set(windows)) < 30  # was one call per "CA 95404" (~10 s)
    assert budget.unread == 0 and budget.calls_left == MAX_PYAP_CALLS - len(windows)


def test_repeated_address_is_found_at_every_place(monkeypatch: pytest.MonkeyPatch) -> None:
    windows = _count_pyap(monkeypatch)
    line = "12 Elm St, Napa, CA 94558\n"
    text = line * 5
    found = PlaceExtractor().addresses(text, fold(text), ExtractContext(address_countries=("US",)))
    assert [f.start for f in found] == [i * len(line) for i in range(5)]
    assert {f.value for f in found} == {"12 Elm St, Napa, CA 94558"}
    assert len(windows) < 5


def test_pyap_calls_per_page_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    windows = _count_pyap(monkeypatch)
    n = MAX_PYAP_CALLS + 40
    text = "".join(f"{i + 1} Elm St, Napa, CA {94000 + i}\n" for i in range(n))
    ctx = ExtractContext(address_countries=("US",))
    budget = ParseBudget()
    ex = PlaceExtractor()
    first = ex.addresses(text, fold(text), ctx, 0, len(text) // 2, budget=budget)
    rest = ex.addresses(text, fold(text), ctx, len(text) // 2, len(text), budget=budget)
    assert len(windows) == MAX_PYAP_CALLS and budget.calls_left == 0
    assert len(first) + len(rest) == MAX_PYAP_CALLS
    assert budget.unread == n - MAX_PYAP_CALLS
    assert first[0].value == "1 Elm St, Napa, CA 94000"


LOCALITIES = [
    ("Eleanor M Whitfield, Bend, OR, age 74", "bend"),
    ("Lives in Leeds, UK", "leeds"),
    ("Dan Whitfield, Leeds, West Yorkshire", "leeds"),
    ("Austin, TX 78731", "austin"),
    ("602 00 Brno", "brno"),
]


@pytest.mark.parametrize(("text", "city"), LOCALITIES)
def test_localities(text: str, city: str) -> None:
    found = run(PlaceExtractor(), text, address_countries=("US", "GB", "CZ"))
    assert city in {f.value for f in found if f.kind == "locality"}


@pytest.mark.parametrize(("country", "text", "city"), [
    ("NL", "Assendorperstraat 140, 8012 DK Zwolle\nTelefoon: 06-51230987", "zwolle"),
    ("DE", "Lerchenbühlstr. 14\n79117 Freiburg im Breisgau (Littenweiler)", "freiburg im breisgau"),
    ("PL", "ul. Jagodowa 5, 30-001 Kraków", "krakow"),
    ("IT", "Via Nino Bixio 42, 43125 Parma (PR)", "parma"),
    ("PT", "Rua de Santa Catarina, 312, 4000-447 Porto", "porto"),
    ("HU", "6720 Szeged, Kárász utca 5.", "szeged"),
    ("DE", "Er zahlte 10000 Euro für das Auto.", None),  # a number in a sentence: no postcode
    ("NL", "In 2014 Arnhem verlaten", None),
])
def test_european_postcode_and_town(country: str, text: str, city: str | None) -> None:
    from footprint.analyze.extract import ExtractContext
    from footprint.analyze.names import fold

    ctx = ExtractContext(address_countries=(country,))
    got = {f.value for f in PlaceExtractor().localities(text, fold(text), ctx)}
    assert got == ({city} if city else set()), got


# --- ages and birth dates -------------------------------------------------------------------------

DATES = [
    ("Age 58", "age", "58", {"age": "58"}),
    ("Age: 57-58", "age", "57-58", {"age": "57", "age_max": "58"}),
    ("Age Guide: 50 - 54", "age", "50-54", {"age": "50", "age_max": "54"}),
    ("aged 58,", "age", "58", {"age": "58"}),
    ("58 years old", "age", "58", {"age": "58"}),
    ("věk 58", "age", "58", {"age": "58"}),
    ("58letá soudkyně", "age", "58", {"age": "58"}),
    ("Born March 14, 1968", "birth_date", "March 14, 1968", {"full_date": "1", "year": "1968"}),
    ("born 14 March 1968", "birth_date", "14 March 1968", {"full_date": "1"}),
    ("DOB: 1968-03-14", "birth_date", "1968-03-14", {"full_date": "1"}),
    ("born 03/14/1968", "birth_date", "03/14/1968", {"full_date": "1"}),
    ("DOB 14/03/1968", "birth_date", "14/03/1968", {"full_date": "1"}),
    ("nar. 14. 3. 1968", "birth_date", "14. 3. 1968", {"full_date": "1"}),
    ("dat. nar. 14. března 1968", "birth_date", "14. března 1968", {"full_date": "1"}),
    ("Date of birth\nMarch 1968", "birth_date", "March 1968", {"partial": "1", "year": "1968"}),
    ("Born: Mar 1968", "birth_date", "Mar 1968", {"partial": "1"}),
    ("born 1968", "birth_date", "1968", {"partial": "1"}),
    ("(b. 1968)", "birth_date", "1968", {"partial": "1"}),
    ("narozena v roce 1968", "birth_date", "1968", {"partial": "1"}),
    # German, French, Italian, Dutch, Portuguese labels and months
    ("Jahrgang 1968", "birth_date", "1968", {"partial": "1"}),
    ("geboren am 14. Maerz 1968", "birth_date", "14. Maerz 1968", {"full_date": "1"}),
    ("née en 1968", "birth_date", "1968", {"partial": "1"}),
    ("nata il 14/03/1968", "birth_date", "14/03/1968", {"full_date": "1"}),
    ("classe 1968", "birth_date", "1968", {"partial": "1"}),
    ("geboren op 14 maart 1968", "birth_date", "14 maart 1968", {"full_date": "1"}),
    ("geboortedatum 14-03-1968", "birth_date", "14-03-1968", {"full_date": "1"}),
    ("nascida em 14 de março de 1968", "birth_date", "14 de março de 1968", {"full_date": "1"}),
    ("Mößner, Matthias, Freiburg, *12.03.1968", "birth_date", "12.03.1968", {"full_date": "1"}),
    ("nach seinem 80. Geburtstag", "age", "80", {"age": "80"}),
    ("celebrated her 80th birthday", "age", "80", {"age": "80"}),
    ("Birth Year\t1968", "birth_date", "1968", {"partial": "1"}),
    ("58 today, spoilt by the kids #14march", "birth_date",
     "58 today, spoilt by the kids #14march", {"full_date": "1", "year": "1968"}),
    # the birthplace between the label and the date, in each language's order
    ("nata a Reggio nell'Emilia il 14 aprile 1968, magistrato", "birth_date", "14 aprile 1968",
     {"full_date": "1"}),
    ("Nato a\tPARMA (PR) il 09/11/1968\t", "birth_date", "09/11/1968", {"full_date": "1"}),
    ("Luogo e data di nascita\nParma, 09/11/1968", "birth_date", "09/11/1968", {"full_date": "1"}),
    ("née à Brest le 3 mars 1968, elle", "birth_date", "3 mars 1968", {"full_date": "1"}),
    ("nacido en Valladolid el 3 de marzo de 1968.", "birth_date", "3 de marzo de 1968",
     {"full_date": "1"}),
    ("geboren in Freiburg am 12.03.1968 als", "birth_date", "12.03.1968", {"full_date": "1"}),
    ("rođen u Čačku 12.03.1968. godine", "birth_date", "12.03.1968", {"full_date": "1"}),
    ("urodzony w Krakowie 12 marca 1968", "birth_date", "12 marca 1968", {"full_date": "1"}),
    ("born in Cork on 3 March 1968", "birth_date", "3 March 1968", {"full_date": "1"}),
    ("nato a Parma nel 1968", "birth_date", "1968", {"partial": "1"}),
    ("leeftijd ca. 51 jaar", "age", "51", {"age": "51"}),
    ("Kertész Judit (54 éves)", "age", "54", {"age": "54"}),
    ("Roullier Thomas · 1972 · 54 ans", "age", "54", {"age": "54"}),  # a birth year, then an age
    # an age standing for a person named elsewhere
    ("Die 49-Jährige war zuvor am Landgericht Mannheim", "age", "49", {"anaphor": "1"}),
    ("As an 81-year-old who gave up driving", "age", "81", {"anaphor": "1"}),
    ("la 54enne corre da dieci anni", "age", "54", {"anaphor": "1"}),
    ("a 32-year-old man", "age", "32", {"anaphor": None}),
    # an age in apposition, or an age adjective opening a sentence: whoever the text is about
    ("la magistrate, âgée de 49 ans, présidera", "age", "49", {"anaphor": "1"}),
    ("Zmluvu podpísala. 48-ročná sudkyňa pôsobí v Žiline", "age", "48", {"anaphor": "1"}),
    ("obiskali smo 53-letnega Gregorja", "age", "53", {"anaphor": None}),
    ("rojeni leta 1975", "birth_date", "1975", {"partial": "1"}),
    ("Lana Bizjak (letnik 2013)", "birth_date", "2013", {"year": "2013"}),
    ("godište 2013", "birth_date", "2013", {"year": "2013"}),
    ("narodená 14. 6. 1977", "birth_date", "14. 6. 1977", {"full_date": "1"}),
    ("MACLEOD, Catriona Anne; b 12 March 1975; d of Alasdair", "birth_date", "12 March 1975",
     {"full_date": "1"}),
    # Icelandic birth labels and ages
    ("Þórdís Eyja Hallgrímsdóttir, f. 1975, héraðsdómari", "birth_date", "1975",
     {"partial": "1"}),
    ("Elín Þórdís Jónsdóttir, f. 11.2. 1948, fv. kennari", "birth_date", "11.2. 1948",
     {"full_date": "1"}),
    ("Hallgrímur fæddist 2. júní 1946 í Hafnarfirði", "birth_date", "2. júní 1946",
     {"full_date": "1"}),
    ("Þórdís Eyja er fædd árið 1975.", "birth_date", "1975", {"partial": "1"}),
    ("er Hallgrímur Sveinsson, f. 2. júní 1946, fv. skipstjóri", "birth_date", "2. júní 1946",
     {"full_date": "1"}),
    ("Hallgrímur Sveinsson, 80 ára", "age", "80", {"age": "80"}),
    ("D'Léa Lorang (11 Joer) vun der Grondschoul", "age", "11", {"age": "11"}),
    ("il-Maġistrat Rebekka Psaila, ta' 46 sena, ġiet maħtura", "age", "46", {"age": "46"}),
    ("o k. Giorgos Mavridis (gen. 1944), syntaxiouchos", "birth_date", "1944", {"partial": "1"}),
    ("Gennithike sti Larnaka to 1975. Spoudase", "birth_date", "1975", {"partial": "1"}),
    ("Genn.\n 12 Martiou 1975, Larnaka.", "birth_date", "12 Martiou 1975", {"full_date": "1"}),
    # the poster's own age, as forums write it
    ("Io (54F) corro da dieci anni", "age", "54", {"age": "54", "self": "1"}),
    ("[M34] looking for advice", "age", "34", {"age": "34", "self": "1"}),
]


@pytest.mark.parametrize(("text", "kind", "value", "attrs"), DATES)
def test_ages_and_birth_dates(text: str, kind: str, value: str, attrs: dict[str, str]) -> None:
    (f,) = run(DateExtractor(), text, today=dt.date(2026, 11, 22))
    assert (f.kind, f.value) == (kind, value)
    assert {k: f.attr(k) for k in attrs} == attrs


@pytest.mark.parametrize(
    "text",
    [
        "Published March 14, 2024",
        "Page 58",
        "Age 5.8",
        "storage 58",
        "born in Georgia",
        "the 58 bus",
        "Ages 5-12",
        "born 2190",
        "Age 20-45",
        "listed 1968-03-14",
        "Meeting on 14-03-2024 at 10",
        "Ewa · 17.09.2026",  # a middle dot is no asterisk
        "born and raised in Austin, 2019 was the year",  # a place, then no birth date
        "classe terza B 2026",
        "il ne a rien 2020",
        "Room (5F) on the left",  # one digit: a floor, not an age
        "verhuisd, 3 jaar geleden",  # years ago, not an age
        "sty 2017 – obecnie · 9 lat 11 mies.",  # a period on a CV, not an age
        "Projektleiter, 2019 – heute · 6 Jahre",
        "3 Jahre 2 Monate",
        "3 anni fa",
        "Durée : 99 ans. Gérance : M. Dupont",  # a company's term, not an age
        "Sveinn Hallgrímsson, f. 1915, d. 1987",  # born and died: the deceased's
    ],
)
def test_not_ages_or_birth_dates(text: str) -> None:
    assert run(DateExtractor(), text, today=dt.date(2026, 11, 22)) == []


# --- vehicles -------------------------------------------------------------------------------------

VEHICLES = [
    ("drives a grey 2019 Subaru Outback, plate 8KXR214", [("plate", "8KXR214")]),
    ("License plate: 7ABC123", [("plate", "7ABC123")]),
    ("Plate # ABC 1234", [("plate", "ABC1234")]),
    ("reg AB12 CDE", [("plate", "AB12CDE")]),
    ("SPZ 1B2 3456", [("plate", "1B23456")]),
    ("sivi Škoda Octavia Combi, 2021., registracija ST 4471-KP.", [("plate", "ST4471KP")]),
    ("kenteken 12-ABC-3", [("plate", "12ABC3")]),
    ("una Panda targata AB 123 CD", [("plate", "AB123CD")]),
    ("Vehicle: 2019 Subaru Outback", [("vehicle", "2019 Subaru Outback")]),
    ("Order 8KXR214", []),
    ("ID 1AB2345 code", []),
    ("my Ford Focus is here", []),
    ("tag 2021", []),
]


@pytest.mark.parametrize(("text", "expected"), VEHICLES)
def test_vehicles(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.kind, f.value) for f in run(VehicleExtractor(), text)] == expected


# --- handles --------------------------------------------------------------------------------------

HANDLES = [
    ("follow @ewhitfield68 for updates", [("ewhitfield68", None)]),
    ("Instagram: @dwhitfield.outdoors", [("dwhitfield.outdoors", "instagram")]),
    ("IG @x_y.", [("x_y", "instagram")]),
    ("mail dan@example.com", []),
    ("see example.com/@user", []),
]


@pytest.mark.parametrize(("text", "expected"), HANDLES)
def test_handles(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(f.value, f.attr("platform")) for f in run(HandleExtractor(), text)] == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.instagram.com/dwhitfield.outdoors/", ("instagram", "dwhitfield.outdoors")),
        ("https://www.strava.com/athletes/danwhitfield_bikes", ("strava", "danwhitfield_bikes")),
        ("https://account.venmo.com/u/lucasw96", ("venmo", "lucasw96")),
        ("https://github.com/ewhitfield68", ("github", "ewhitfield68")),
        ("https://www.tiktok.com/@dan", ("tiktok", "dan")),
        ("https://x.com/intent/tweet", None),
        ("https://www.facebook.com/sharer.php", None),
        ("https://www.instagram.com/p/abc/", None),
        ("https://example.com/ewhitfield68", None),
    ],
)
def test_handle_from_url(url: str, expected: tuple[str, str] | None) -> None:
    assert handle_from_url(url) == expected


# --- schools and employers ------------------------------------------------------------------------

ORGS = [
    (
        "Sophie, a 7th grader at Brookside Middle School in Santa Rosa",
        [("school", "Brookside Middle School")],
    ),
    (
        "Isla, 11, a pupil at Headingley Park Primary School, finished",
        [("school", "Headingley Park Primary School")],
    ),
    ("dcera chodí na ZŠ Merhautova v Brně", [("school", "ZŠ Merhautova")]),
    ("Gymnázium Brno, třída Kapitána Jaroše", [("school", "Gymnázium Brno")]),
    (
        "Daniel Whitfield, RN at Redwood Valley Medical Center.",
        [("employer", "Redwood Valley Medical Center")],
    ),
    (
        "works at Leeds Teaching Hospitals NHS Trust",
        [("employer", "Leeds Teaching Hospitals NHS Trust")],
    ),
    ("Employer: Sonoma Valley Hospital", [("employer", "Sonoma Valley Hospital")]),
    ("pracuje v Nemocnice Brno", [("employer", "Nemocnice Brno")]),
    ("she went to school early", []),
    ("works at home", []),
]


@pytest.mark.parametrize(("text", "expected"), ORGS)
def test_schools_and_employers(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.kind, f.value) for f in run(OrgExtractor(), text)] == expected


# --- the page reader ------------------------------------------------------------------------------


def test_box_edges_are_spaces_but_formatting_is_not() -> None:
    doc = parse_page(
        "https://x.example/",
        "<div class='row'><span class='k'>Age</span><span>60</span></div>"
        "<div><span>Whitfield</span>, <span>58</span></div><p>Whit<b>field</b>s</p>",
    )
    assert doc.text.split("\n")[:3] == ["Age 60", "Whitfield, 58", "Whitfields"]


def test_text_joins_inline_and_splits_blocks() -> None:
    doc = parse_page(
        "https://x.example/a/",
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<h2><span>Eleanor</span> <span>Whitfield</span></h2>"
        "<p>Age 58 &amp; lives in <b>Santa</b> Rosa"
        "</p><div>2417 Alderbrook Dr</div><div>Santa Rosa, CA 95405</div>"
        "<script>var secret = 1</script><noscript>no</noscript><template>tpl</template>"
        "<p hidden>hidden</p><p style='display: none'>gone</p><p aria-hidden='true'>aria</p>"
        "<table><tr><td>A</td><td>B</td></tr></table><p>soft\u00adhyphen zero\u200bwidth</p>"
        "</body></html>",
    )
    lines = doc.text.split("\n")
    assert lines[:5] == [
        "T",
        "Eleanor Whitfield",
        "Age 58 & lives in Santa Rosa",
        "2417 Alderbrook Dr",
        "Santa Rosa, CA 95405",
    ]
    for gone in ("secret", "no", "tpl", "hidden", "gone", "aria", "p{}"):
        assert gone not in lines[1:]
    assert "A\tB" in doc.text and "softhyphen zerowidth" in doc.text
    assert len(doc.folded) == len(doc.text)


def test_text_links_images_and_spans() -> None:
    doc = parse_page(
        "https://x.example/a/b",
        "<html><head><meta property='og:image' content='/og.jpg'></head><body>"
        "<div class='card'><a href='/p/1'>View</a><img src='x.jpg' width='20'>"
        "<img src='big.jpg'><a href='mailto:e@example.net'>mail</a></div>"
        "<div itemscope itemtype='https://schema.org/Person'><span itemprop='name'>Ann</span>"
        "<meta itemprop='telephone' content='707-555-0142'></div></body></html>",
    )
    assert [link.href for link in doc.links] == ["https://x.example/p/1", "mailto:e@example.net"]
    assert [(i.src, i.small) for i in doc.images] == [
        ("https://x.example/og.jpg", False),
        ("https://x.example/a/x.jpg", True),
        ("https://x.example/a/big.jpg", False),
    ]
    assert "707-555-0142" in doc.text
    cards = [e for e in doc.elements if e.signature == "div.card"]
    # an image between two links is a box: the words do not run together
    assert doc.text[cards[0].start : cards[0].end].strip() == "View mail"
    assert any(e.person_item for e in doc.elements)


@pytest.mark.parametrize("html", [
    "<p>\u00ad</p>", "<p>\u200b\u200c</p>", "<p>\ufeff</p>", "<p>a</p><p>\u2060</p><p>b</p>",
])
def test_text_node_of_only_invisible_characters_is_empty(html: str) -> None:
    doc = parse_page("https://x.example/", html)
    assert doc.text.replace("\n", "") in ("", "ab")
    assert "\u00ad" not in doc.text and "\u200b" not in doc.text


def test_invisible_text_node_does_not_split_a_word() -> None:
    doc = parse_page("https://x.example/", "<p>Elea<b>\u00ad</b>nor Whit<i>\u200b</i>field</p>")
    assert doc.text.strip() == "Eleanor Whitfield"


@pytest.mark.parametrize(("page", "ref", "expected"), [
    ("https://x.example/a/", "//[::1", None),              # broken IPv6 host in the link
    ("https://x.example/a/", "http://[::1/x", None),
    ("http://[::1", "/p/1", None),                         # broken page URL, relative link
    ("https://x.example/a/", "//[::1]/ok", "https://[::1]/ok"),
    ("https://x.example/a/", "b", "https://x.example/a/b"),
])
def test_unparsable_links_and_images_are_dropped(page: str, ref: str,
                                                 expected: str | None) -> None:
    doc = parse_page(page, f"<meta property='og:image' content='{ref}'>"
                     f"<p><a href='{ref}'>Eleanor Whitfield</a> <img src='{ref}'></p>")
    assert "Eleanor Whitfield" in doc.text
    want = [expected] if expected else []
    assert [link.href for link in doc.links] == want
    assert [i.src for i in doc.images] == want * 2


def test_json_ld_person_rendered() -> None:
    html = """<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"Person","name":"Eleanor Whitfield","birthDate":"1968-03-14",
       "telephone":["707-555-0142"],"email":"mailto:e@example.net",
       "address":{"@type":"PostalAddress","streetAddress":"2417 Alderbrook Dr",
                  "addressLocality":"Santa Rosa","addressRegion":"CA","postalCode":"95405"},
       "relatedTo":[{"@type":"Person","name":"Daniel Whitfield"}]},
      {"@type":"Person","name":"Author Only"}]}</script>
      <script type="application/ld+json">{not json</script><p>x</p>"""
    doc = parse_page("https://x.example/", html)
    (span,) = doc.structured
    block = doc.text[span[0] : span[1]]
    assert block.split("\n") == [
        "Eleanor Whitfield",
        "Born: 1968-03-14",
        "Address: 2417 Alderbrook Dr, Santa Rosa, CA 95405",
        "Phone: 707-555-0142",
        "Email: e@example.net",
        "Relatives: Daniel Whitfield",
    ]
    assert doc.visible_end < span[0]


def test_html_size_is_capped() -> None:
    doc = parse_page("https://x.example/", "<p>" + "a" * (MAX_HTML_CHARS + 10) + "</p>")
    assert doc.truncated and len(doc.text) <= MAX_HTML_CHARS


def test_snippet() -> None:
    text = "x" * 200 + "VALUE" + "y" * 200
    s = snippet(text, 200, 205, width=25)
    assert "VALUE" in s and len(s) <= 25


@pytest.mark.parametrize(("text", "age"), [
    ("Helena Sandahl, 51 år, Uppsala", "51"),
    ("Ρία Χατζηλαζάρου, 50 ετών", "50"),
    ("Ηλικία: 50", "50"),
    ("Радослава Драгомирова, 49 години", "49"),
    ("Возраст 49", "49"),  # a Russian age label, read in Latin letters
    ("Riikka K*********, 51 v., Tampere", "51"),  # Finnish "v." (vuotta)
    ("53-vuotias Janne", "53"),
    ("im Jahr 44 v. Chr. gegründet", None),  # before Christ, not years old
    ("Núria Ferrer, de 52 anys, magistrada", "52"),  # Catalan
    ("PETRAITIS Tomas\n38 m. · Kaunas", "38"),  # Lithuanian "m." (metų), set off
    ("Ieva Petraitienė, 36 m.", "36"),
    ("gimė 2013 m. Vilniuje", None),  # a year, not an age
    ("50 m laisvuoju stiliumi", None),  # metres
    ("52-ejų vyras", "52"),
    ("13-metis plaukikas", "13"),
    ("švęs 78-ąjį gimtadienį", "78"),
    ("HOXHA Arben\n49 vjeç\nTiranë", "49"),  # Albanian
    ("Shkolla 9-vjeçare \"Naim Frashëri\"", None),  # the nine-year school
    ("12-годишната ќерка", "12"),  # Macedonian
    ("Joseba Larrañaga (79 urte)", "79"),  # Basque
    ("20 urte daramatza Bilbon", None),  # a duration
    ("se sedmi góly třináctiletá Eliška Nováková", "13"),  # Czech, spelled out, before a name
    ("dvanásťročný Tomáš", "12"),  # Slovak
    ("desetiletá tradice klubu", None),  # a duration: no name after it
])
def test_ages_in_nordic_greek_and_bulgarian_words(text: str, age: str | None) -> None:
    from footprint.analyze.scripts import latin

    got = [f.attr("age") or f.value for f in run(DateExtractor(), latin(text),
                                                 today=dt.date(2026, 11, 22))
           if f.kind == "age"]
    assert got == ([age] if age else []), got


@pytest.mark.parametrize("text", ["har bott här i 20 år", "för 3 år sedan", "på 12 år",
                                  "fa 20 anys que viu a Girona", "hace 12 años"])
def test_years_of_a_duration_are_no_age(text: str) -> None:
    assert [f for f in run(DateExtractor(), text, today=dt.date(2026, 11, 22)) if f.kind == "age"] == []


@pytest.mark.parametrize(("text", "year"), [
    ("född den 14 juni 1975", "1975"),
    ("født 3. marts 1980", "1980"),
    ("syntynyt 12. maaliskuuta 1974", "1974"),
    ("γεννήθηκε στις 23 Σεπτεμβρίου 1976", "1976"),
    ("родена на 14 март 1977 г.", "1977"),
    ("GEB: 1975-06-14 ADR: Lindenhofweg 17", "1975"),  # a land register's B sheet
    ("HASENÖHRL-REITER Andrea, Jg 1975, W50", "1975"),
    ("Reiter, Markus, Graz, *1973", "1973"),
    ("nascuda a Figueres el 1974", "1974"),  # Catalan, a birthplace and "el" before the year
    ("Any de naixement: 2013", "2013"),
    ("Mesfushor · Nr. 8 · Datëlindja: 03.02.2013", "2013"),  # Albanian
    ("e lindur më 22.04.1980 në Tiranë", "1980"),
    ("viti i lindjes 2013", "2013"),
    ("Година на раѓање: 2013", "2013"),  # Macedonian
    ("JUDr. Jana Nováková (rozená Dvořáková) se narodila v roce 1976 v Praze.", "1976"),
    ("narodil sa roku 1974 v Martine", "1974"),
    ("Año nac. 1970 · Bilbao", "1970"),  # Spanish results lists
    ("jaiotze urtea: 2012", "2012"),  # Basque
])
def test_birth_dates_in_more_languages(text: str, year: str) -> None:
    from footprint.analyze.scripts import latin

    got = [f for f in run(DateExtractor(), latin(text), today=dt.date(2026, 11, 22))
           if f.kind == "birth_date"]
    assert [f.attr("year") for f in got] == [year], [(f.value, f.attrs) for f in got]


def test_a_profile_phone_is_read_as_bare_digits() -> None:
    """Greek registers print a mobile as ten bare digits after "τηλ." ("til." in Latin letters)
    or after nothing: the profile's own number is read in that form; another number of that
    form is not, without a label."""
    ctx = {"phone_regions": ("GR",), "address_countries": ("GR",), "language": "el",
           "known_phones": ("+306975552846",)}
    assert [f.value for f in run(PhoneExtractor(), "T.K. 55236, til. 6975552846, tin", **ctx)] == [
        "+306975552846"]
    assert [f.value for f in run(PhoneExtractor(), "kodikos 6975552846", **ctx)] == ["+306975552846"]
    assert run(PhoneExtractor(), "kodikos 6975552847", **ctx) == []
    assert run(PhoneExtractor(), "Owner ID 6975552846", **ctx) == []


@pytest.mark.parametrize(("text", "plate"), [
    ("prometno dovoljenje za vozilo Škoda Octavia, reg. št. CE LB-417, izdala UE Celje", "CELB417"),
    ("Les plaques VD 418 227 restent au vendeur.", "VD418227"),
    ("potni list, št. PB1203377, izdala UE Celje", None),  # a passport's number
    ("Valstybinis numeris\tLMV 274", "LMV274"),  # Lithuanian
    ("Automjet tip \"Volkswagen Golf\", me targë AA 418 GT, viti 2015", "AA418GT"),  # Albanian
])
def test_plate_words_of_more_languages(text: str, plate: str | None) -> None:
    from footprint.analyze.extract_vehicles import VehicleExtractor

    got = [f.value for f in run(VehicleExtractor(), text) if f.kind == "plate"]
    assert got == ([plate] if plate else []), got


@pytest.mark.parametrize(("text", "car"), [
    ("Lek avtomobil Shkoda Oktavia kombi\t2019\tdeklarator", "Shkoda Oktavia kombi 2019"),  # "Шкода"
    ("Ford Focus 2011", "Ford Focus 2011"),
    ("She bought a Ford Focus in 2019", None),  # a date, not the car's year
    ("Greg moved to Folsom from Reno in 2015", None),  # a town, then a date
])
def test_a_cars_year_after_its_model(text: str, car: str | None) -> None:
    from footprint.analyze.extract_vehicles import VehicleExtractor

    got = [f.value for f in run(VehicleExtractor(), text) if f.kind == "vehicle"]
    assert got == ([car] if car else []), got


@pytest.mark.parametrize("text", ["Jg 12 Heft 3", "Fußnote*2019", "Jg. 12, 1975 erschienen"])
def test_not_birth_years(text: str) -> None:
    assert [f for f in run(DateExtractor(), text, today=dt.date(2026, 11, 22))
            if f.kind == "birth_date"] == []


def test_one_label_over_a_list_of_birth_dates() -> None:
    """ "Dátum narodenia: 22.09.1975 (Šimkovič Martin); 14.06.1977 (Šimkovičová Renáta)": both."""
    got = run(DateExtractor(), "Dátum narodenia: 22.09.1975 (Šimkovič Martin); 14.06.1977 "
              "(Šimkovičová Renáta)", today=dt.date(2026, 11, 22))
    assert [(f.value, f.attr("year")) for f in got] == [("22.09.1975", "1975"),
                                                      ("14.06.1977", "1977")]


def test_a_date_and_the_next_number_are_no_phone() -> None:
    """"Крос „Младост“ – 09.11.2025 – 5 км": a race's date and distance."""
    assert run(PhoneExtractor(), "Крос „Младост“ – 09.11.2025 – 5 км, жени",
               phone_regions=("BG",)) == []
    assert [f.value for f in run(PhoneExtractor(), "тел. 032 62 45 18", phone_regions=("BG",))] == [
        "+35932624518"]


@pytest.mark.parametrize("text", [
    "si dhe një automjet Volkswagen Golf të vitit 2015.",  # "of the year", then a full stop
    "un autoturism Dacia Logan din anul 2012, cumpărat",
])
def test_a_car_with_its_year_after_a_phrase(text: str) -> None:
    assert [f.kind for f in run(VehicleExtractor(), text)] == ["vehicle"]


def test_json_ld_home_location_place_is_rendered_with_its_address() -> None:
    """schema.org's homeLocation is a Place whose address is the PostalAddress (SearchPeopleFree
    prints the street only there)."""
    html = """<script type="application/ld+json">{"@context":"https://schema.org",
      "@type":"Person","name":"Daniel M Ostrow",
      "homeLocation":{"@type":"Place","address":{"@type":"PostalAddress",
        "streetAddress":"2914 Brightwood Glen Rd","addressLocality":"Baltimore",
        "addressRegion":"MD","postalCode":"21208"}},
      "relatedTo":[{"@type":"Person","name":"Rebecca L Goldfarb-Ostrow"}]}</script><p>x</p>"""
    doc = parse_page("https://x.example/", html)
    (span,) = doc.structured
    assert "Current address: 2914 Brightwood Glen Rd, Baltimore, MD 21208" in \
        doc.text[span[0] : span[1]].split("\n")


@pytest.mark.parametrize(("lines", "header"), [
    # a rule of "=" between the header and the rows, as HY-TEK prints results
    (["Name\tGr School\tSeed Time", "=" * 40, "1 Ostrow, Eli\t11 Stevenson Ridge-MD\t1:48.90"],
     "Name\tGr School\tSeed Time"),
    (["Name\tAge\tClub", "1 Doe, Ann\t12\tNorth"], "Name\tAge\tClub"),
    # the run of rows ends at prose: no header
    (["Results below", "1 Doe, Ann\t12\tNorth"], None),
])
def test_the_header_above_a_row_past_a_rule(lines: list[str], header: str | None) -> None:
    from footprint.analyze.text import header_above

    text = "\n".join(lines)
    assert header_above(text, text.rfind("\n") + 1) == header


@pytest.mark.parametrize(("region", "known", "text", "want"), [
    # a profile landline as its local number, without the area code, in its own country
    ("UA", "+380442794158", "Ковальчук О. В. вул. Городецького, 12, кв. 45 279-41-58",
     ["+380442794158"]),
    ("UA", "+380322751864", "pani Halyna (vul. Lychakivska 54/7, tel. 275-18-64)",
     ["+380322751864"]),
    ("AU", "+61255503318", "ring Pat on 5550 3318 for the roster", ["+61255503318"]),
    # the full number is one phone, not two
    ("UA", "+380442794158", "Телефон (044) 279-41-58", ["+380442794158"]),
    # another local number, a longer run of digits, a mobile, North America: none
    ("UA", "+380442794158", "Мельник Т. І. 279-41-59", []),
    ("UA", "+380442794158", "ЄДРПОУ 12794158 7", []),
    ("UA", "+380673145287", "Ковальчук О. 314-52-87", []),
    ("US", "+15125550147", "call Maggie at 555-0147", []),
])
def test_a_known_landline_printed_without_its_area_code(region: str, known: str, text: str,
                                                        want: list[str]) -> None:
    from footprint.analyze.names import fold

    ctx = ExtractContext(language="en", phone_regions=(region,), today=dt.date(2026, 11, 20),
                         known_phones=(known,))
    got = [f.value for f in PhoneExtractor().extract(text, fold(text), ctx)]
    assert [g for g in got if g == known] == want, got
