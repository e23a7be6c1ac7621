"""The Czech demo: a fictitious judge of the District Court in Pardubice and her family, their
web in Czech, and its ground truth (`footprint demo --jurisdiction CZ`)."""

from __future__ import annotations

from ._intl import Country, esc, page, paragraphs

LAT, LON = 50.0343, 15.7812
"""Jiráskova 1487/12, Pardubice (fictitious coordinates of the home)."""

PROFILE = '''\
# footprint — ukázkový profil: SMYŠLENÁ soudkyně a její rodina, pro školení.
# Všechny osoby, adresy, telefonní čísla a e-maily (example.cz) jsou vymyšlené.
# Spuštění:  footprint demo --jurisdiction CZ

[audit]
jurisdiction = "CZ"
language = "cs"
threshold = 0.5

[consent]
authorized_by = "Koordinátor školení, bezpečnostní oddělení soudu (ukázka)"
authorized_on = 2026-11-01
purpose = "training"
statement = "Školicí audit smyšlené soudkyně a rodiny. Nevyhledává se žádná skutečná osoba."

[subject]
id = "judge"
name = "Markéta Vondráčková"
aliases = ["Markéta Kubíková"]
court = "Okresní soud v Pardubicích"
city = "Pardubice"
region = "Pardubický kraj"
birth_year = 1974
phones = ["+420 601 555 014"]
emails = ["marketa.vondrackova@example.cz"]

  [[subject.addresses]]
  label = "home"
  street = "Jiráskova 1487/12"
  city = "Pardubice"
  postal_code = "530 02"
  country = "CZ"
  lat = 50.0343
  lon = 15.7812

[[relatives]]
id = "spouse"
relation = "spouse"
name = "Tomáš Vondráček"
consent = true
city = "Pardubice"
birth_year = 1971
employer = "Labské strojírny Pardubice"
phones = ["+420 601 555 027"]

[[relatives]]
id = "child"
relation = "child"
name = "Eliška Vondráčková"
consent = true                  # za ni rodiče
minor = true
city = "Pardubice"
birth_year = 2013
school = "ZŠ Sluneční Pardubice"

[[relatives]]
id = "son"
relation = "child"
name = "Jan Vondráček"
consent = false                 # dospělý, který nesouhlasil: nikdy se nevyhledává
birth_year = 1999
city = "Praha"

[[relatives]]
id = "mother"
relation = "parent"
name = "Jiřina Kubíková"
consent = true
city = "Hradec Králové"
birth_year = 1946
phones = ["+420 495 555 031"]

  [[relatives.addresses]]
  label = "home"
  street = "Gočárova třída 512"
  city = "Hradec Králové"
  postal_code = "500 02"
  country = "CZ"

[probes]
enabled = ["web", "brokers", "images"]
'''

REGISTER = "https://or.justice.cz/ias/ui/rejstrik-firma.vysledky?subjektId=724318&typ=UPLNY"
DIRECTORY = "https://www.telefonni-seznam.example.cz/osoby/vondrackova-marketa"
SCHOOL = "https://www.zs-slunecni.example.cz/aktuality/matematicka-olympiada-2026"
BLOG = "https://tomasnakole.example.cz/2026/09/rodinny-vylet-kolem-kuneticke-hory/"
EMPLOYER = "https://www.labske-strojirny.example.cz/o-nas/kontakty"
NEWS = "https://www.pardubicky-denik.example.cz/zpravy/soudy-a-kyberbezpecnost"
COURT = "https://www.osoud-pardubice.example.cz/soudci/mgr-marketa-vondrackova"
CLUB = "https://www.klub-senioru-hk.example.cz/vybor"
SON = "https://www.praha-florbal.example.cz/hraci/jan-vondracek"
NAMESAKE = "https://www.ostrava-atletika.example.cz/clanky/vondrackova-vyhrala-pulmaraton"
BLOCKED = "https://www.lide-hledani.example.cz/vysledky/marketa-vondrackova-pardubice"


def _register() -> str:
    body = (
        '<header>Veřejný rejstřík a Sbírka listin — Ministerstvo spravedlnosti ČR</header><main>'
        "<h2>Výpis z nadačního rejstříku, vedeného Krajským soudem v Hradci Králové, oddíl N, "
        "vložka 871</h2>"
        "<table><tr><th>Datum vzniku a zápisu:</th><td>3. května 2017</td></tr>"
        "<tr><th>Název:</th><td>Nadační fond Polabiny dětem</td></tr>"
        "<tr><th>Sídlo:</th><td>Sladkovského 520, Zelené Předměstí, 530 02 Pardubice</td></tr>"
        "<tr><th>Identifikační číslo:</th><td>061 48 392</td></tr></table>"
        "<h3>Správní rada:</h3>"
        '<div class="vr-child"><p>předseda správní rady:<br>Ing. PETR HOLUB, dat. nar. 11. října '
        "1966<br>Na Spravedlnosti 2610, Zelené Předměstí, 530 02 Pardubice<br>Den vzniku funkce: "
        "3. května 2017</p></div>"
        '<div class="vr-child"><p>člen správní rady:<br>Mgr. MARKÉTA VONDRÁČKOVÁ, dat. nar. '
        "14. března 1974<br>bydliště: Jiráskova 1487/12, Zelené Předměstí, 530 02 Pardubice<br>"
        "Den vzniku funkce: 3. května 2017</p></div>"
        '<div class="vr-child"><p>člen správní rady:<br>MUDr. HANA SEDLÁČKOVÁ, dat. nar. 2. června '
        "1980<br>Družstevní 84, Polabiny, 530 09 Pardubice<br>Den vzniku funkce: 3. května 2017"
        "</p></div></main><footer>Údaje jsou platné ke dni 1. 11. 2026.</footer>")
    return page("Výpis z nadačního rejstříku - Nadační fond Polabiny dětem | Veřejný rejstřík "
                "a Sbírka listin", body, "cs")


def _directory() -> str:
    rows = [
        ("Markéta Vondráčková", "Jiráskova 1487/12, 530 02 Pardubice", "+420 601 555 014",
         "Pardubice"),
        ("Markéta Vondráčková", "Výškovická 114, 700 30 Ostrava", "+420 596 555 088", "Ostrava"),
        ("Marta Vondráčková", "Palackého 9, 566 01 Vysoké Mýto", "+420 465 555 047",
         "Vysoké Mýto"),
    ]
    cards = "".join(
        f'<div class="osoba"><h3>{esc(n)}</h3><p>Adresa: {esc(a)}</p><p>Mobil: {esc(p)}</p>'
        f"<p>Obec: {esc(c)}</p></div>" for n, a, p, c in rows)
    body = ("<header>Telefonní seznam osob</header><main><h2>Vondráčková Markéta — 3 záznamy"
            f"</h2>{cards}<p>Chcete svůj záznam skrýt? Napište nám.</p></main>"
            "<footer>© 2026 Telefonní seznam</footer>")
    return page("Vondráčková Markéta – telefonní seznam osob", body, "cs")


def _school() -> str:
    body = (
        "<header>Základní škola Sluneční, Pardubice</header><main>"
        "<h2>Úspěch v okresním kole matematické olympiády</h2><p><em>12. října 2026</em></p>"
        + paragraphs(
            "V okresním kole matematické olympiády se výborně umístily naše žákyně. První místo "
            "v kategorii Z7 získala Eliška Vondráčková ze 7.B, druhá skončila Anna Marková "
            "ze 7.A.",
            "Děkujeme paní učitelce Novotné za přípravu a všem soutěžícím blahopřejeme. Eliška "
            "postupuje do krajského kola v Pardubicích.")
        + "</main><footer>ZŠ Sluneční Pardubice, Sluneční 1120, 530 12 Pardubice</footer>")
    return page("Úspěch v matematické olympiádě | ZŠ Sluneční Pardubice", body, "cs")


def _blog() -> str:
    body = (
        "<header>Tomáš na kole — cyklistický blog Tomáše Vondráčka</header><main>"
        "<h2>Rodinný výlet kolem Kunětické hory</h2><p><em>20. září 2026 · Tomáš Vondráček</em>"
        "</p>"
        + paragraphs(
            "Konečně jsme vyrazili všichni. Manželka Markéta Vondráčková měla po týdnu jednání "
            "volnou sobotu a naše dcera Eliška Vondráčková (13) chtěla vyzkoušet nové kolo, "
            "které dostala k narozeninám.",
            "Vyjeli jsme kolem osmé přímo od domu a po cyklostezce podél Labe dojeli až pod "
            "Kunětickou horu. Celkem 32 km a jeden spadlý řetěz (můj).")
        + '<figure><img src="{img}" width="800" height="533" alt="Markéta a Eliška na kolech '
        'kousek od domu"><figcaption>Markéta s Eliškou na startu, pět minut od našich dveří.'
        "</figcaption></figure></main><footer>Tomáš Vondráček · tomasnakole</footer>")
    return page("Rodinný výlet kolem Kunětické hory – Tomáš na kole", body, "cs")


def _employer() -> str:
    rows = [("Ing. Pavel Kratochvíl", "ředitel", "+420 466 555 100"),
            ("Ing. Tomáš Vondráček", "vedoucí konstrukce", "+420 601 555 027"),
            ("Bc. Lenka Šťastná", "personální oddělení", "+420 466 555 104")]
    body = ("<header>Labské strojírny Pardubice, a.s.</header><main><h2>Kontakty</h2><table>"
            + "".join(f"<tr><td>{esc(n)}</td><td>{esc(r)}</td><td>{esc(p)}</td></tr>"
                      for n, r, p in rows)
            + "</table></main><footer>Labské strojírny Pardubice, a.s., Hradecká 1021, "
            "530 09 Pardubice</footer>")
    return page("Kontakty | Labské strojírny Pardubice", body, "cs")


def _news() -> str:
    body = (
        "<header>Pardubický deník</header><main><h2>Soudci se učí bránit se na internetu</h2>"
        + paragraphs(
            "Okresní soud v Pardubicích uspořádal pro veřejnost seminář o kyberbezpečnosti. "
            "„Podvodníci dnes zkoušejí hlavně seniory,“ řekla soudkyně Markéta Vondráčková, "
            "která seminář vedla.",
            "Soud chystá další setkání na jaře.")
        + "</main><footer>© 2026 Pardubický deník</footer>")
    return page("Soudci se učí bránit se na internetu | Pardubický deník", body, "cs")


def _court() -> str:
    body = (
        "<header>Okresní soud v Pardubicích</header><main><h2>Mgr. Markéta Vondráčková</h2>"
        + paragraphs(
            "Soudkyně Okresního soudu v Pardubicích od roku 2009, civilní úsek. Absolventka "
            "Právnické fakulty Univerzity Karlovy.",
            "Předsedkyně senátu 12 C.")
        + "</main><footer>Okresní soud v Pardubicích, Na Třísle 1, 530 02 Pardubice</footer>")
    return page("Mgr. Markéta Vondráčková | Okresní soud v Pardubicích", body, "cs")


def _club() -> str:
    body = (
        "<header>Klub seniorů Hradec Králové</header><main><h2>Výbor klubu</h2><table>"
        "<tr><td>Předsedkyně</td><td>Jiřina Kubíková</td><td>Gočárova třída 512, 500 02 Hradec "
        "Králové</td><td>tel. 495 555 031</td></tr>"
        "<tr><td>Pokladník</td><td>Josef Malý</td><td>Pražská 88, 500 04 Hradec Králové</td>"
        "<td>tel. 495 555 062</td></tr></table>"
        "<p>Schůzky každé první úterý v měsíci.</p></main>")
    return page("Výbor | Klub seniorů Hradec Králové", body, "cs")


def _son() -> str:
    body = ("<header>Florbal Praha</header><main><h2>Jan Vondráček</h2><p>Útočník, ročník 1999, "
            "odchovanec Pardubic.</p></main>")
    return page("Jan Vondráček | Florbal Praha", body, "cs")


def _namesake() -> str:
    body = ("<header>Atletika Ostrava</header><main><h2>Vondráčková vyhrála půlmaraton</h2>"
            + paragraphs("Markéta Vondráčková (28) z Ostravy-Výškovic zvítězila v půlmaratonu "
                         "časem 1:21:40. Trénuje v oddílu SSK Vítkovice.")
            + "</main>")
    return page("Vondráčková vyhrála půlmaraton | Atletika Ostrava", body, "cs")


COUNTRY = Country(
    code="CZ", lang="cs", profile=PROFILE, home_lat=LAT, home_lon=LON,
    register=(REGISTER, _register()), directory=(DIRECTORY, _directory()),
    school=(SCHOOL, _school()),
    blog=(BLOG, _blog(), "https://tomasnakole.example.cz/wp-content/uploads/2026/09/IMG_2207.jpg"),
    employer=(EMPLOYER, _employer()), news=(NEWS, _news()), court=(COURT, _court()),
    club=(CLUB, _club()), son=(SON, _son()), namesake=(NAMESAKE, _namesake()),
    blocked=BLOCKED, blocked_terms="Markéta Vondráčková Pardubice — lidé hledání",
)
