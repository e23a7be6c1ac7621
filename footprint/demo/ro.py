"""The Romanian demo: a fictitious judge of the Cluj Tribunal and her family, their web in
Romanian, and its ground truth (`footprint demo --jurisdiction RO`)."""

from __future__ import annotations

from ._intl import Country, esc, page, paragraphs

LAT, LON = 46.7583, 23.5947
"""Strada Observatorului nr. 34, Cluj-Napoca (fictitious coordinates of the home)."""

PROFILE = '''\
# footprint — profil demonstrativ: o judecătoare FICTIVĂ și familia ei, pentru instruire.
# Toate persoanele, adresele, numerele de telefon și e-mailurile (example.ro) sunt inventate.
# Rulare:  footprint demo --jurisdiction RO

[audit]
jurisdiction = "RO"
language = "ro"
threshold = 0.5

[consent]
authorized_by = "Coordonatorul instruirii, compartimentul de securitate al instanței (demo)"
authorized_on = 2026-11-01
purpose = "training"
statement = "Audit de instruire al unei judecătoare și al unei familii fictive. Nu se caută nicio persoană reală."

[subject]
id = "judge"
name = "Ioana Dumitrescu"
aliases = ["Ioana Popa"]
court = "Tribunalul Cluj"
city = "Cluj-Napoca"
region = "Cluj"
birth_year = 1976
phones = ["+40 722 555 014"]
emails = ["ioana.dumitrescu@example.ro"]

  [[subject.addresses]]
  label = "home"
  street = "Strada Observatorului nr. 34"
  city = "Cluj-Napoca"
  postal_code = "400363"
  country = "RO"
  lat = 46.7583
  lon = 23.5947

[[relatives]]
id = "spouse"
relation = "spouse"
name = "Andrei Dumitrescu"
consent = true
city = "Cluj-Napoca"
birth_year = 1973
employer = "Clinica Dentară Someș"
phones = ["+40 722 555 027"]

[[relatives]]
id = "child"
relation = "child"
name = "Maria Dumitrescu"
consent = true                  # prin părinți
minor = true
city = "Cluj-Napoca"
birth_year = 2012
school = "Școala Gimnazială Mărgăritar Cluj-Napoca"

[[relatives]]
id = "son"
relation = "child"
name = "Mihai Dumitrescu"
consent = false                 # adult care nu și-a dat acordul: nu este căutat niciodată
birth_year = 1998
city = "București"

[[relatives]]
id = "mother"
relation = "parent"
name = "Elena Popa"
consent = true
city = "Turda"
birth_year = 1948
phones = ["+40 264 555 031"]

  [[relatives.addresses]]
  label = "home"
  street = "Strada Republicii nr. 18"
  city = "Turda"
  postal_code = "401047"
  country = "RO"

[probes]
enabled = ["web", "brokers", "images"]
'''

REGISTER = "https://www.firme-romania.example.ro/asociatii/asociatia-parintilor-margaritar"
DIRECTORY = "https://www.carte-telefon.example.ro/persoane/dumitrescu-ioana-cluj"
SCHOOL = "https://www.scoala-margaritar.example.ro/noutati/olimpiada-de-matematica-2026"
BLOG = "https://andreipebicicleta.example.ro/2026/09/tura-in-familie-pe-feleac/"
EMPLOYER = "https://www.clinica-somes.example.ro/echipa"
NEWS = "https://www.ziarul-clujean.example.ro/actualitate/judecatorii-si-siguranta-online"
COURT = "https://www.tribunalul-cluj.example.ro/judecatori/ioana-dumitrescu"
CLUB = "https://www.clubul-pensionarilor-turda.example.ro/conducere"
SON = "https://www.handbal-bucuresti.example.ro/jucatori/mihai-dumitrescu"
NAMESAKE = "https://www.atletism-iasi.example.ro/stiri/dumitrescu-castiga-semimaratonul"
BLOCKED = "https://www.cautare-persoane.example.ro/rezultate/ioana-dumitrescu-cluj"


def _register() -> str:
    body = (
        "<header>Firme România — date publice despre firme și asociații</header><main>"
        "<h2>Asociația Părinților Mărgăritar</h2>"
        "<table><tr><th>Cod fiscal:</th><td>41287745</td></tr>"
        "<tr><th>Sediu:</th><td>Strada Mărgăritarului nr. 5, 400390 Cluj-Napoca</td></tr>"
        "<tr><th>Înregistrată:</th><td>14 martie 2019</td></tr></table>"
        "<h3>Consiliul director</h3>"
        '<div class="persoana"><p>Președinte: Radu Mureșan, născut la 3 octombrie 1970, '
        "domiciliat în Calea Florești nr. 81, 400512 Cluj-Napoca</p></div>"
        '<div class="persoana"><p>Membru: Ioana Dumitrescu, născută la 14 martie 1976, '
        "domiciliată în Strada Observatorului nr. 34, ap. 7, 400363 Cluj-Napoca</p></div>"
        '<div class="persoana"><p>Cenzor: Gabriela Sima, născută la 22 iunie 1981, domiciliată '
        "în Strada Fabricii nr. 9, 400620 Cluj-Napoca</p></div></main>"
        "<footer>Date preluate din registre publice, actualizate la 1 noiembrie 2026.</footer>")
    return page("Asociația Părinților Mărgăritar — consiliul director | Firme România", body, "ro")


def _directory() -> str:
    rows = [
        ("Ioana Dumitrescu", "Strada Observatorului nr. 34, 400363 Cluj-Napoca",
         "+40 722 555 014", "Cluj-Napoca"),
        ("Ioana Dumitrescu", "Bulevardul Independenței nr. 12, 700102 Iași", "+40 232 555 088",
         "Iași"),
        ("Ioan Dumitrescu", "Strada Mare nr. 3, 545400 Sighișoara", "+40 265 555 047",
         "Sighișoara"),
    ]
    cards = "".join(
        f'<div class="abonat"><h3>{esc(n)}</h3><p>Adresă: {esc(a)}</p><p>Telefon: {esc(p)}</p>'
        f"<p>Localitate: {esc(c)}</p></div>" for n, a, p, c in rows)
    body = ("<header>Carte de telefon — persoane fizice</header><main><h2>Dumitrescu Ioana — "
            f"3 rezultate</h2>{cards}<p>Doriți să vă ascundeți datele? Scrieți-ne.</p></main>"
            "<footer>© 2026 Carte de telefon</footer>")
    return page("Dumitrescu Ioana – carte de telefon", body, "ro")


def _school() -> str:
    body = (
        "<header>Școala Gimnazială Mărgăritar, Cluj-Napoca</header><main>"
        "<h2>Rezultate la olimpiada de matematică, etapa locală</h2>"
        "<p><em>12 octombrie 2026</em></p>"
        + paragraphs(
            "Elevii școlii noastre au obținut rezultate foarte bune la etapa locală a "
            "olimpiadei de matematică. Locul I la clasa a VIII-a a revenit elevei Maria "
            "Dumitrescu din clasa a VIII-a B, iar locul II lui Vlad Pop din clasa a VIII-a A.",
            "Mulțumim doamnei profesoare Ardelean pentru pregătire. Maria se califică la etapa "
            "județeană de la Cluj-Napoca.")
        + "</main><footer>Școala Gimnazială Mărgăritar, Strada Mărgăritarului nr. 5, "
        "Cluj-Napoca</footer>")
    return page("Olimpiada de matematică | Școala Gimnazială Mărgăritar Cluj-Napoca", body, "ro")


def _blog() -> str:
    body = (
        "<header>Andrei pe bicicletă — blogul lui Andrei Dumitrescu</header><main>"
        "<h2>Tură în familie pe Feleac</h2><p><em>20 septembrie 2026 · Andrei Dumitrescu</em>"
        "</p>"
        + paragraphs(
            "În sfârșit am ieșit toți trei. Soția mea, Ioana Dumitrescu, a avut o sâmbătă liberă "
            "după o săptămână de ședințe, iar fiica noastră, Maria Dumitrescu (14 ani), a vrut "
            "să încerce bicicleta nouă primită de ziua ei.",
            "Am plecat pe la opt direct de acasă și am urcat pe vechiul drum spre Feleac. În "
            "total 28 km și un lanț căzut (al meu).")
        + '<figure><img src="{img}" width="800" height="533" alt="Ioana și Maria pe biciclete '
        'lângă casă"><figcaption>Ioana și Maria la plecare, la cinci minute de ușa noastră.'
        "</figcaption></figure></main><footer>Andrei Dumitrescu · andreipebicicleta</footer>")
    return page("Tură în familie pe Feleac – Andrei pe bicicletă", body, "ro")


def _employer() -> str:
    rows = [("Dr. Cristina Rus", "medic stomatolog, director", "+40 264 555 100"),
            ("Dr. Andrei Dumitrescu", "medic stomatolog", "+40 722 555 027"),
            ("Alina Bota", "recepție", "+40 264 555 104")]
    body = ("<header>Clinica Dentară Someș</header><main><h2>Echipa noastră</h2><table>"
            + "".join(f"<tr><td>{esc(n)}</td><td>{esc(r)}</td><td>{esc(p)}</td></tr>"
                      for n, r, p in rows)
            + "</table></main><footer>Clinica Dentară Someș, Strada Horea nr. 40, "
            "400275 Cluj-Napoca</footer>")
    return page("Echipa | Clinica Dentară Someș", body, "ro")


def _news() -> str:
    body = (
        "<header>Ziarul Clujean</header><main><h2>Judecătorii învață să se apere online</h2>"
        + paragraphs(
            "Tribunalul Cluj a organizat un seminar deschis despre siguranța online. „Escrocii "
            "îi vizează mai ales pe vârstnici”, a spus judecătoarea Ioana Dumitrescu, care a "
            "condus seminarul.",
            "Tribunalul pregătește o nouă întâlnire în primăvară.")
        + "</main><footer>© 2026 Ziarul Clujean</footer>")
    return page("Judecătorii învață să se apere online | Ziarul Clujean", body, "ro")


def _court() -> str:
    body = (
        "<header>Tribunalul Cluj</header><main><h2>Judecător Ioana Dumitrescu</h2>"
        + paragraphs(
            "Judecător la Tribunalul Cluj din 2011, Secția civilă. Absolventă a Facultății de "
            "Drept a Universității Babeș-Bolyai.",
            "Președinte de complet, completul C7.")
        + "</main><footer>Tribunalul Cluj, Calea Dorobanților nr. 2-4, Cluj-Napoca</footer>")
    return page("Ioana Dumitrescu | Tribunalul Cluj", body, "ro")


def _club() -> str:
    body = (
        "<header>Clubul Pensionarilor Turda</header><main><h2>Conducerea clubului</h2><table>"
        "<tr><td>Președintă</td><td>Elena Popa</td><td>Strada Republicii nr. 18, 401047 Turda"
        "</td><td>tel. 0264 555 031</td></tr>"
        "<tr><td>Casier</td><td>Ioan Moldovan</td><td>Strada Avram Iancu nr. 6, 401017 Turda"
        "</td><td>tel. 0264 555 062</td></tr></table>"
        "<p>Întâlniri în prima marți a fiecărei luni.</p></main>")
    return page("Conducerea | Clubul Pensionarilor Turda", body, "ro")


def _son() -> str:
    body = ("<header>Handbal București</header><main><h2>Mihai Dumitrescu</h2><p>Extremă, născut "
            "în 1998, crescut la Cluj.</p></main>")
    return page("Mihai Dumitrescu | Handbal București", body, "ro")


def _namesake() -> str:
    body = ("<header>Atletism Iași</header><main><h2>Dumitrescu câștigă semimaratonul</h2>"
            + paragraphs("Ioana Dumitrescu (27 de ani), din Iași, a câștigat semimaratonul cu "
                         "timpul 1:22:05. Se antrenează la CSM Iași.")
            + "</main>")
    return page("Dumitrescu câștigă semimaratonul | Atletism Iași", body, "ro")


COUNTRY = Country(
    code="RO", lang="ro", profile=PROFILE, home_lat=LAT, home_lon=LON,
    register=(REGISTER, _register()), directory=(DIRECTORY, _directory()),
    school=(SCHOOL, _school()),
    blog=(BLOG, _blog(),
          "https://andreipebicicleta.example.ro/wp-content/uploads/2026/09/IMG_3114.jpg"),
    employer=(EMPLOYER, _employer()), news=(NEWS, _news()), court=(COURT, _court()),
    club=(CLUB, _club()), son=(SON, _son()), namesake=(NAMESAKE, _namesake()),
    blocked=BLOCKED, blocked_terms="Ioana Dumitrescu Cluj-Napoca — căutare persoane",
)
