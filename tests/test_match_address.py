"""The known-address matcher: a profile address in the forms pages print it, and the near misses
that are someone else's house. One table per class of print form, in several countries."""

from __future__ import annotations

import pytest

from footprint.analyze.match import find_all
from footprint.analyze.match.address import AddressMatcher
from footprint.analyze.match.tokens import Tokens
from footprint.analyze.names import fold
from footprint.analyze.text import parse_page
from footprint.profile import Address

US = Address(label="home", street="6108 Sendero Verde Cove", city="Austin", region="TX",
             postal_code="78749", country="US")
CZ = Address(label="home", street="Kounicova 1412/7", city="Brno", postal_code="602 00",
             country="CZ")
PL = Address(label="home", street="ul. Długa 12/4", city="Kraków", postal_code="30-123",
             country="PL")
RO = Address(label="home", street="Strada Mihai Eminescu 12", city="Cluj-Napoca",
             postal_code="400012", country="RO")
HR = Address(label="home", street="Ulica Ivana Gorana Kovačića 14", city="Zagreb",
             postal_code="10000", country="HR")
IE = Address(label="home", street="14 Glenageary Park", city="Dún Laoghaire",
             postal_code="A96 X2Y3", country="IE")
UK = Address(label="home", street="27 Mount Pleasant Road", city="Leeds",
             postal_code="LS6 2AB", country="GB")
FARM = Address(label="home", street="Ashgrove, Knocknamanagh", city="Minane Bridge",
               postal_code="P43 KC62", country="IE")
SE = Address(label="home", street="4127 Foxglove Ridge Lane SE", city="Sammamish", region="WA",
             postal_code="98075", country="US")
AU = Address(label="home", street="Unit 3, 21 Banksia Street", city="Epping", region="NSW",
             postal_code="2121", country="AU")
DE = Address(label="home", street="Lindenstraße 14", city="München", postal_code="80331",
             country="DE")
DE2 = Address(label="home", street="Lerchenbühlstraße 14", city="Freiburg im Breisgau",
              postal_code="79117", country="DE")
ES = Address(label="home", street="Calle Mayor 5, 3º B", city="Madrid", postal_code="28013",
             country="ES")
FR = Address(label="home", street="12 chemin des Vignes", city="Lyon", postal_code="69005",
             country="FR")
GLA = Address(label="previous", street="Flat 2/1, 38 Novar Drive", city="Glasgow",
              postal_code="G12 9TZ", country="GB")
LU = Address(label="home", street="12, route d'Arlon", city="Strassen", postal_code="L-8009",
             country="LU")
MT = Address(label="home", street="Dar il-Ħena, 14, Triq il-Fieres", city="Ħ'Attard",
             postal_code="ATD 1423", country="MT")
HR2 = Address(label="home", street="Ulica Ljudevita Matešića 22", city="Rijeka",
              postal_code="51000", country="HR")
EDI = Address(label="previous", street="Flat 3F2, 34 Marchmont Crescent", city="Edinburgh",
              postal_code="EH9 1HN", country="GB")
EDI2 = Address(label="home", street="Flat PF1, 12 Warrender Park Road", city="Edinburgh",
               postal_code="EH9 1EF", country="GB")
AL = Address(label="home", street="Rruga e Durrësit, Pallati 12, Shkalla 2, Ap. 5", city="Tiranë",
             postal_code="1001", country="AL")
LT = Address(label="home", street="Žirmūnų g. 14", city="Vilnius", postal_code="LT-09214",
             country="LT")
BIO = Address(label="home", street="Calle Licenciado Poza 31, 4º dcha.", city="Bilbao",
              postal_code="48013", country="ES")
ORD = Address(label="previous", street="1938 N 52nd Street", city="Seattle", region="WA",
              postal_code="98103", country="US")
# the district written into the street line after a comma
DIS = Address(label="home", street="23 Hollybank Close, Rochestown", city="Cork",
              postal_code="T12 X9Y8", country="IE")

TRUE = [
    # the district after the street in the profile, the number after the street on the page
    (DIS, "O'BRIEN SEAN\nHollybank Close 23, T12 X9Y8 Rochestown"),
    (DIS, "Sean O'Brien, of 23 Hollybank Close, Rochestown"),
    # a house's name before its number and street is no part of the street (Malta)
    (MT, "14, Triq il-Fieres, Ħ'Attard ATD 1423"),
    (MT, "Dar il-Hena, 14, Triq il-Fieres, H'Attard"),
    (MT, "14 Dar il-Hena, Triq il-Fieres, H'Attard ATD 1423"),  # the number before the name
    # the house number before a street named with an elided article ("d'Arlon")
    (LU, "12, route d'Arlon L-8009 Strassen"),
    (LU, "12 rte d'Arlon, 8009 Strassen"),
    (LU, "route d'Arlon 12, L-8009 Strassen"),
    # a Glasgow flat "2/1" (floor 2, flat 1) is the unit; the house is number 38
    (GLA, "Flat 2/1, 38 Novar Drive, Glasgow G12 9TZ"),
    (GLA, "38 NOVAR DRIVE, GLASGOW G12 9TZ"),
    # an Albanian block of flats is the house number; its staircase and flat are units
    (AL, "Rr. e Durrësit, P. 12, Sh. 2, Ap. 5, Tiranë"),
    (AL, "Rruga e Durrësit, Pall. 12, Shk. 2, Ap. 5"),
    # the block of flats by its label and number, a preposition, then the street
    (AL, "ballkoni ynë në katin e katërt të Pallatit 12 te Rruga e Durrësit është gati"),
    # a name word abbreviated ("Lic." for Licenciado), the Basque form and type after the name
    (BIO, "Lic. Poza 31 - 48013 Bilbao"),
    (BIO, "Jon Ander Agirre (Lizentziatu Poza kalea 31)"),
    # a year after the town is no other town's postcode
    (AL, "ndodhur në Rr. e Durrësit, P. 12, Sh. 2, Ap. 5, Tiranë, blerë në vitin 2018"),
    # Baltic street types after the name, in full or abbreviated
    (LT, "Žirmūnų gatvė 14, Vilnius"),
    (LT, "Zirmunu g. 14, LT-09214 Vilnius"),
    # an Edinburgh flat "3F2" (third floor, flat 2), "PF1" (principal floor): the house is 34, 12
    (EDI, "Flat 3F2, 34 Marchmont Crescent, Edinburgh EH9 1HN"),
    (EDI, "34 Marchmont Cres, Edinburgh"),
    (EDI2, "Flat PF1, 12 Warrender Park Rd, Edinburgh EH9 1EF"),
    (US, "Current address: 6108 Sendero Verde Cv, Austin, TX 78749"),
    (US, "6108 SENDERO VERDE CV AUSTIN, TX 78749-2216"),
    (US, "Situs: 6108 Sendero Verde Cove"),
    (US, "Address\n6108\tSendero Verde Cv\nAustin TX"),
    (US, "lives at 6108 Sendero Verde in Austin"),
    (CZ, "Kounicova 1412/7, 602 00 Brno"),
    (CZ, "KOUNICOVA 1412/7, BRNO"),
    (CZ, "ul. Kounicova č.p. 1412, Brno"),
    (CZ, "Kounicova 7, 602 00 Brno-střed"),
    (PL, "ul. Długa 12/4, 30-123 Kraków"),
    (PL, "Dluga 12 m. 4, Krakow"),
    (PL, "zamieszkała przy ulicy Długiej 12/4 w Krakowie"),
    (RO, "Str. Mihai Eminescu nr. 12, Cluj-Napoca"),
    (RO, "strada M. Eminescu nr. 12, bl. A3, ap. 14"),
    (RO, "Domiciliu: Cluj-Napoca, Str. Mihai Eminescu, nr. 12"),
    (HR, "Ulica Ivana Gorana Kovačića 14, 10000 Zagreb"),
    (HR, "I. G. KOVACICA 14, ZAGREB"),
    (HR, "stanuje u Ulici Ivana Gorana Kovačića br. 14"),
    (IE, "14 Glenageary Park, Dun Laoghaire, Co. Dublin A96 X2Y3"),
    (UK, "27 Mt Pleasant Rd, Leeds LS6 2AB"),
    # a street named after a person, in its short form, with the town after it
    (HR, "PERKOVIĆ SANJA, KOVAČIĆEVA 14, ZAGREB"),
    (HR, "ul. Kovačića 14, 10000 Zagreb"),
    (RO, "Str. Eminescu nr. 12, Cluj-Napoca"),
    # a house known by its name and townland, no number
    (FARM, "HARTIGAN, BRID - ASHGROVE KNOCKNAMANAGH, MINANE BRIDGE"),
    (FARM, "Ashgrove,\nKnocknamanagh,\nMinane Bridge, Co. Cork P43 KC62"),
    # the town named elsewhere on the page (a local paper's Minane Bridge column)
    (FARM, "a great night in Minane Bridge when Bríd Hartigan, Ashgrove, Knocknamanagh, turned 80"),
    # a direction after the street type, the type abbreviated
    (SE, "4127 FOXGLOVE RIDGE LN SE, SAMMAMISH WA 98075"),
    (SE, "Situs: 4127 Foxglove Ridge Ln SE"),
    # a numbered street: its ordinal is its name
    (ORD, "1938 N 52ND ST, SEATTLE, WA 98103"),
    (ORD, "1938 North 52nd St"),
    # the unit before the house ("Unit 3, 21 …", "3/21 …")
    (AU, "3/21 Banksia St, Epping NSW 2121"),
    (AU, "Unit 3 21 Banksia St EPPING NSW 2121"),
    # a compound street word in its printed forms
    (DE, "Lindenstr. 14, 80331 München"),
    (DE, "LINDENSTRASSE 14"),
    (DE2, "LERCHENBUEHLSTRASSE 14"),  # the umlaut spelled out
    (DE2, "Lerchenbühlstr. 14, 79117 Freiburg"),
    # the floor and door after the house number
    (ES, "C/ Mayor, 5, 3º B, 28013 Madrid"),
    (FR, "12, ch. des Vignes, 69005 Lyon"),
    # the short form with the town only as the page's own place (a Zagreb parish's donors)
    (HR, "Župa sv. Marka, Zagreb — darovatelji\nobitelj Perković, Kovačićeva 14 – 100 €"),
    # a number after the address that is not a postcode: a phone, a land-book number
    (RO, "SALAJAN MIRELA\tSTR. MIHAI EMINESCU NR.12 BL.A3 SC.2 AP.17\tCLUJ-NAPOCA\t0264-431097"),
    (RO, "str. Mihai Eminescu nr. 12, CF 301877"),
]

SV = Address(label="home", street="Skogsrudsvägen 23", city="Uppsala", postal_code="756 47",
             country="SE")
BG = Address(label="home", street="ul. „Brezovska“ 58", city="Plovdiv", postal_code="4003",
             country="BG")
FI = Address(label="home", street="Kiviharjunkuja 7 B 4", city="Tampere", postal_code="33580",
             country="FI")
UA = Address(label="home", street="vul. Pasichna, 118", city="Lviv", postal_code="79032",
             country="UA")
KZ = Address(label="home", street="ul. „Otets Paisiy“ 31", city="Kazanlak", postal_code="6100",
             country="BG")
AT = Address(label="previous", street="Franz-Josef-Straße 8", unit="2/9", city="Leoben",
            postal_code="8700", country="AT")
HU = Address(label="previous", street="Király utca 38. 2/5.", city="Pécs", postal_code="7621",
             country="HU")
PT = Address(label="home", street="Rua da Quinta das Hortênsias, 112", city="Braga",
             postal_code="4710-057", country="PT")
MD = Address(label="home", street="str. Alba Iulia 87/3", city="Chișinău", postal_code="MD-2071",
             country="MD")
MD2 = Address(label="home", street="str. Ștefan cel Mare 145", city="Bălți", country="MD")
KYIV = Address(label="home", street="vul. Saksahanskoho, 87", city="Kyiv", country="UA")
HILL = Address(label="home", street="12 Hill Road", city="Leeds", country="GB")
BZ = Address(label="home", street="Goethestraße 21", city="Bozen", postal_code="39100",
             country="IT")
GAL = Address(label="home", street="Avenida de Atlántida, 142", city="Vigo", postal_code="36208",
              country="ES")
TRUE += [
    # a Romanian street on a Russian page, read in Latin letters ("ул. Алба-Юлия, д. 87/3")
    (MD, "Kishinev, ul. Alba-Yuliya, d. 87/3, kv. 45"),
    (MD2, "ul. Shtefan chel Mare, 145, kv. 12"),
    # a Ukrainian street on a Russian page ("ул. Саксаганского" for "вул. Саксаганського")
    (KYIV, "Kovalskaya Irina Vladimirovna\nul. Saksaganskogo, d. 87, kv. 19"),
    # a bilingual town's other language: the compound's name part under "Via", and the town's
    # Italian name (GeoNames) confirming it
    (BZ, "GRÖBER VERONIKA, Via Goethe, 21 - 39100 Bolzano (BZ)"),
    (BZ, "Via Goethe 21, Bolzano"),
    # the article dropped, one name word left under its own kind of street
    (GAL, "Pereira Vilariño, Sabela\t2013\tAvda. Atlántida 142-3ºD"),
    (PT, "residente na Rua da Quinta das Hortênsias, n.º 112, 4710-057 Braga"),  # "n.º" = number
    (PT, "R. Qta das Hortênsias, 112, Braga"),  # abbreviated name word
    (AT, "ADR: Franz-Josef-Straße 8/2/9, Leoben   8700"),  # a hyphen joins the type to the name
    (AT, "Franz-Josef-Str. 8, 8700 Leoben"),
    (HU, "Korábbi lakcímek\t7621 Pécs, Király u. 38. 2/5. (2006–2014)"),  # years, no postcode
    (HU, "7621 Pécs, Király u. 38. (2006 óta)"),
    (UA, "79032, m. Lviv, vul. Pasichna, bud. 118, kv. 24"),  # "bud." (building) before the number
    (UA, "misto Lviv, vulytsia Pasichna, budynok 118, kvartyra 24"),
    (FI, "Kiviharjunkuja 7, 33580 Tampere"),  # the stair and flat "B 4" are no name words
    (KZ, "Valchanova Ginka At.\tul. „Otets Paisiy“ 31\t0431 6 28 45"),  # the phone's "28 45" is no postcode
    (BG, "58 Brezovska Str., fl. 4, apt. 11, Plovdiv"),  # "ул." and "Str.": both "street"
    (SV, "ordföranden Helena Sandahl, Skogsrudsvägen 23, eller via telefon 018-34 52 71"),  # a phone is no postcode
    (SV, "Skogsrudsv. 23, Uppsala"),  # the compound's one-letter form
]
FALSE = [
    (LU, "14, route d'Arlon L-8009 Strassen"),  # the neighbours' house
    (MT, "16, Triq il-Fieres, Ħ'Attard"),  # the neighbours' house
    (GLA, "Flat 1/1, 2 Novar Drive, Glasgow G12 9TZ"),  # the flat's "1" is no house number
    (EDI, "Flat 2F2, 2 Marchmont Crescent, Edinburgh"),  # the flat's "2" is no house number
    (AL, "Rr. e Durrësit, P. 14, Tiranë"),  # another block of flats
    (US, "6104 Sendero Verde Cv, Austin, TX 78749"),  # the neighbour two doors away
    (US, "6108 Sendero Verde Dr, Austin, TX 78749"),  # another street type
    (US, "6108 Sendero Verde Cove, Laredo, TX 78041"),  # same street, another town
    (US, "Sendero Verde Cove, Austin"),  # no house number (the street-only rule decides)
    (US, "6108 Sendero Road"),  # only part of the name
    (CZ, "Kounicova 1413/9, 602 00 Brno"),
    (CZ, "Kounicova 7, 110 00 Praha"),  # orientation number alone, another postcode
    (PL, "ul. Długa 14/4, 30-123 Kraków"),
    (RO, "Str. Mihai Viteazu nr. 12, Cluj-Napoca"),
    (HR, "Ulica Ivana Gorana Kovačića 41, Zagreb"),
    (UK, "27 Mount Pleasant Avenue, Leeds"),
    (HR, "Kovačićeva 14"),  # the short form needs the town or postcode
    (HR, "Kovačićeva 41, Zagreb"),
    (FARM, "Ashgrove Knocknamanagh"),  # a name alone needs its town or postcode
    (FARM, "Ashgrove, Knocknamanagh, Ballincollig"),
    (FARM, "Donal Hartigan, Knocknamanagh (1st Anniversary) — Minane Bridge: Sun 9.30am"),  # the townland alone
    (SE, "4131 Foxglove Ridge Lane SE, Sammamish"),  # the neighbour
    (ORD, "1938 N 22nd St, Seattle"),  # another numbered street
    (AU, "5/21 Banksia St, Epping"),  # another flat of the building
    (DE, "Lindenstraße 16"),
    (DE, "Lindenweg 14"),  # another compound: another street
    (ES, "Calle Mayor 7, Madrid"),
    (FR, "14 chemin des Vignes, Lyon"),
    (BG, "58 Brezovska Blvd., Plovdiv"),  # another kind of street
    (SV, "Skogsrudsvägen 23, 811 40 Sandviken"),  # another town's postcode
    (SV, "Skogsv. 23, Uppsala"),  # another name part before the one-letter form
    (AT, "Franz-Josef-Platz 8, Leoben"),  # another kind of street, hyphenated
    (PT, "Rua da Quinta das Hortênsias, n.º 114, Braga"),  # the neighbour
    (HU, "Király u. 38. 2/5., 2006 Budaörs"),
    (MD, "ul. Alba-Yuliya, d. 89/3, kv. 45"),  # the next block, in another transliteration
    (MD2, "ul. Shtefan Vode 145"),  # another street with the same first name word
    (HILL, "12 Gill Road, Leeds"),  # an "h" merges with "g" only after a vowel
    (BZ, "Piazza Goethe 21, 39100 Bolzano"),  # another kind of street
    (BZ, "Via Goethe 23 - 39100 Bolzano"),  # the neighbours
    (BZ, "Goetheplatz 21, 39100 Bozen"),  # another compound
    (GAL, "Rúa Atlántida, 142"),  # one word left under another kind of street
    (GAL, "Atlántida 142"),  # or under none  # another town's postcode (no bracket: a place)
]


def _find(addr: Address, text: str, *, inflected: bool) -> list[str]:
    m = AddressMatcher([("p:0", addr)], inflected=inflected)
    folded = fold(text)
    return [f.attr("known") or "" for f in m.find(text, folded, Tokens.of(folded))]


INFLECTED = {"CZ", "PL", "HR", "RO"}


@pytest.mark.parametrize(("addr", "text"), TRUE, ids=[t for _a, t in TRUE])
def test_known_address_found(addr: Address, text: str) -> None:
    assert _find(addr, text, inflected=addr.country in INFLECTED) == ["p:0"]


@pytest.mark.parametrize(("addr", "text"), FALSE, ids=[t for _a, t in FALSE])
def test_other_address_not_ours(addr: Address, text: str) -> None:
    assert _find(addr, text, inflected=addr.country in INFLECTED) == []


def test_address_in_a_link_and_a_title_attribute() -> None:
    html = (
        '<div class="card"><h3>Margaret Pruneda</h3>'
        '<a href="/address/6108-sendero-verde-cv_78749">View current address</a>'
        '<span title="6108 Sendero Verde Cv, Austin TX">Austin, TX</span></div>'
    )
    doc = parse_page("https://people.example/name/margaret-pruneda", html)
    m = AddressMatcher([("p:0", US)])
    found = find_all([m], doc, Tokens.of(doc.folded))
    assert len(found) == 2
    for f in found:
        assert f.attr("known") == "p:0" and f.attr("hidden") == "1"
        assert 0 <= f.start < len(doc.text)
