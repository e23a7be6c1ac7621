"""Licence plates and cars in page text.

A string of letters and digits is a plate only next to a plate word ("plate", "licence", "reg",
"SPZ", "RZ") or a car ("2019 Subaru Outback"): state formats with a distinctive shape (California
"8KXR214", UK "AB12 CDE", Czech "1B2 3456") within 60 characters of either; any other 4–8
character mix of letters and digits only right after a plate word, or in a table column headed
by one ("Matrícula", "Kennzeichen").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .extract import ExtractContext, Found, find_words
from .text import tab_cells

MAKES = (
    "acura alfa audi bmw buick cadillac chevrolet chevy chrysler citroen dacia dodge fiat ford "
    "gmc honda hyundai infiniti jaguar jeep kia lexus lincoln mazda mercedes mini mitsubishi "
    "nissan "
    "opel peugeot porsche ram renault rivian saab seat skoda subaru suzuki tesla toyota vauxhall "
    "volkswagen vw volvo lada "
    # as Cyrillic and Greek pages print them, in Latin letters ("Шкода", "Рено", "Σκόντα")
    "shkoda skonta folksvagen folksvagken reno pezho pezo mertsedes bmv hyunday dachia dachiya "
    "sitroen nisan togiota"
).split()
# Cars are found from the make outwards (`find_words`), then the colour/year before and the model
# after are read.
_CAR_BEFORE = re.compile(
    r"(?:(?:black|white|grey|gray|silver|blue|red|green|beige|brown|gold|seda|cerna|bila|modra|"
    r"cervena)[ \t]{1,2})?(?:(?:19|20)\d{2}[ \t]{1,2})?$"
)
# a model word ("outback", "cr-v"), then maybe a short code with a digit ("model 3", "x5")
_MODEL_AFTER = re.compile(
    # (never a small word of the sentence: "moved to Folsom from Reno in 2015")
    r"(?:[ \t]{1,2}(?!(?:in|on|at|of|to|from|for|and|the|with|since|until|by|im|am|bei|en|de|"
    r"da|na|za|do|od|po|et|und|y|e)(?![a-z0-9\-]))[a-z0-9\-]{2,15}(?:[ \t]{1,2}[a-z0-9\-]{0,4}\d[a-z0-9\-]{0,4})?)?(?![a-z0-9])"
)
# the model year after the model, in the next cell or after a body word ("kombi", "estate")
_YEAR_AFTER = re.compile(
    r"(?:[ \t]{1,2}(?!from|since|until|bis|seit|desde)[a-z]{4,12}|"
    # "of the year": Albanian "të vitit 2015", Romanian "din anul 2015", Polish "z roku 2015"
    r"[ \t]{1,2}(?:te[ \t]vitit|viti|din[ \t]anul|z[ \t]roku|rok[ \t]vyroby|del[ \t]ano))?"
    r"[ \t,;|]{1,3}(?:19|20)\d{2}(?!\d|\.\d)"
)
_PLATE_WORD = re.compile(
    # (Slovenian "reg. št.", registrska številka, before "reg." alone)
    r"(?:reg\.?[ \t]?st\.|licen[cs]e[ \t]plate|number[ \t]plate|plates?|tag|reg\.?[ \t]?nr\.?|reg(?:istration)?\.?|vrm|"
    r"spz|rz|ecv|registracni[ \t]znacka|poznavaci[ \t]znacka|evidencne[ \t]cislo|"
    # Romanian, Polish, Croatian/Serbian, German, French, Spanish, Italian, Hungarian
    r"(?:numar(?:ul)?|nr\.?)[ \t]de[ \t]inmatriculare|inmatriculat[a-z]{0,3}|"
    r"numer(?:ze|em)?[ \t]rejestracyjn[a-z]{1,3}|tablic[a-z]{1,3}[ \t]rejestracyjn[a-z]{1,3}|"
    r"registarsk[a-z]{1,3}[ \t](?:oznak[a-z]{1,3}|tablic[a-z]{1,3}|plocic[a-z]{1,3})|"
    r"(?:amtliche[sn]?[ \t])?kennzeichen|immatricul[a-z]{2,6}|plaques?|matricula|targa|rendszam|"
    r"registrsk[a-z]{1,3}[ \t](?:stevilk[a-z]{1,3}|tablic[a-z]{1,3})|"
    # Croatian/Serbian "registracija", "tablice"; Dutch, Spanish/Portuguese, Italian, Swedish
    r"registracij[a-z]{1,3}|tablice|kenteken|placa|targat[ao]|registreringsnummer|regnr|"
    # "reg.nr", "reg. nr." (Nordic), Danish/Norwegian, Finnish, Greek, Bulgarian
    r"registreringsnr\.?|rekisterinumero|rek\.?[ \t]?nro|"
    r"arithmos[ \t]kykloforias|pinakid[a-z]{1,3}|reg\.?[ \t]nomer|registratsionen[ \t]nomer|"
    # Albanian "me targë", Lithuanian "valstybinis numeris", Latvian "numurzīme", Estonian
    # "numbrimärk"
    r"targe|valstybin[a-z]{1,3}[ \t]numer[a-z]{1,3}|valst\.[ \t]?nr\.?|numurzime|numbrimark)"
    r"(?![a-z])(?:[ \t]no\.?|[ \t]number)?[ \t]{0,2}[:#]?[ \t]{0,2}"
)
# a register's number, not a car's: "Firm Reg. FR-1184", "Company Reg. No.", "VAT reg.",
# "Charity Registration" (folded, right before the plate word)
_REGISTER_BEFORE = re.compile(
    r"(?<![a-z])(?:firm|company|companies|business|trade|trading|charity|vat|tax|corporate|"
    r"commercial|professional|society|entity|license|licence|member|membership)[ \t]{1,2}$")
_SHAPED = (
    ("US-CA", re.compile(r"\d[A-Z]{3}\d{3}(?![A-Za-z0-9])")),
    ("GB", re.compile(r"[A-Z]{2}\d{2}[ ]?[A-Z]{3}(?![A-Za-z0-9])")),
    ("CZ", re.compile(r"\d[A-Z][A-Z0-9][ ]?\d{4}(?![A-Za-z0-9])")),
    ("RO", re.compile(r"[A-Z]{1,2}[ \-]\d{2,3}[ \-][A-Z]{3}(?![A-Za-z0-9])")),
    # Spain since 2000 ("2731 LKT": four digits, three consonants), Italy and France ("FX 482
    # KM", "AB-123-CD"), Sweden ("DRK 41Z", "ABC 123"), Germany ("ES-TR 1473", "M-AB 1234E")
    ("ES", re.compile(r"\d{4}[ \-]?[BCDFGHJKLMNPRSTVWXYZ]{3}(?![A-Za-z0-9])")),
    ("IT", re.compile(r"[A-Z]{2}[ \-]?\d{3}[ \-]?[A-Z]{2}(?![A-Za-z0-9])")),
    ("SE", re.compile(r"[A-Z]{3}[ ]?\d{2}[A-Z0-9](?![A-Za-z0-9])")),
    ("DE", re.compile(r"[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}[ ]?\d{1,4}[EH]?(?![A-Za-z0-9])")),
)
# after a plate word: two or three groups of letters and digits ("ABC 1234", "CJ 79 MIS",
# "ST 123-AB", "M-AB 1234")
_GENERIC = re.compile(
    r"[A-Z0-9]{1,4}(?:[ \-]?[A-Z0-9]{1,5})(?:[ \-][A-Z0-9]{1,4})?(?![A-Za-z0-9])"
)


# a table of vehicles: "Year | Make | Model | Color | Tag | State" over "2021 | TOYT | 4RUNNER |
# GRY | QWT R48 | FL" (a court record's coded make), in the languages registers print
_MAKE_HEAD = re.compile(r"(?:make|marke|marque|marca|znacka|marka|merkki|fabrikat|merk|gyartmany)")
_MODEL_HEAD = re.compile(r"(?:model|modell|modele|modelo|modello|malli|tag|plate|kennzeichen|"
                         r"immatriculation|matricula|targa|spz|kenteken|regnr|rekisterinumero)")


def _vehicle_rows(text: str, folded: str) -> list[tuple[int, int]]:
    """Spans of the rows under a header that names a make and a model or plate column."""
    out = []
    offset = 0
    header = 0
    for line in folded.split("\n"):
        start = offset
        offset += len(line) + 1
        cells = [c.strip(" .:") for c in line.split("\t") if c.strip()]
        # (one cell may name both: "Märke/modell")
        parts = [p.strip(" .:") for c in cells for p in c.split("/")]
        if len(cells) >= 3 and any(_MAKE_HEAD.fullmatch(c) for c in parts) and any(
                _MODEL_HEAD.fullmatch(c) for c in parts):
            header = len(cells)
            continue
        if header and len(cells) == header and re.search(r"[a-z]", line):
            out.append((start, start + len(line.rstrip("\t "))))
            continue
        header = 0
    return out


# a plate column's cell: letters and digits, both, in up to three groups ("7310JKF", "B-MK 4417")
_PLATE_CELL = re.compile(r"(?=[A-Z\-\s]*\d)(?=[\d\-\s]*[A-Z])[A-Z0-9]{1,4}(?:[ \-]?[A-Z0-9]{1,5})"
                         r"(?:[ \-][A-Z0-9]{1,4})?")


def _plate_column(text: str, folded: str) -> list[Found]:
    """Plates in a table column headed by a plate word ("Expediente | Interesado | NIF |
    Matrícula" over "2026/004511 | FERRER CASTELLS, NURIA | ***4517** | 7310JKF": an edict's
    list of traffic fines), read on every row as long as it has the header's cells."""
    out: list[Found] = []
    col: int | None = None
    width = 0
    offset = 0
    for line in folded.split("\n"):
        start = offset
        offset += len(line) + 1
        if "\t" not in line:
            col = None
            continue
        spans = [(a, b) for a, b, cell in tab_cells(line, start) if cell.strip()]
        cells = [folded[a:b].strip(" .:") for a, b in spans]
        head = next((i for i, c in enumerate(cells)
                     if (m := _PLATE_WORD.match(c + " ")) and m.end() >= len(c)), None)
        if head is not None and len(cells) >= 3:
            col, width = head, len(cells)
            continue
        if col is None or len(cells) != width:
            col = None
            continue
        a, b = spans[col]
        raw = text[a:b].strip()
        if _PLATE_CELL.fullmatch(raw):
            at = a + text[a:b].index(raw)
            out.append(Found("plate", at, at + len(raw), re.sub(r"[ \-]", "", raw),
                             (("format", "column"),)))
    return out


def _starts_word(s: str, i: int) -> bool:
    return i == 0 or not s[i - 1].isalnum()


class VehicleExtractor:
    """Plates → Found("plate"); cars without a plate → Found("vehicle")."""

    kinds = ("plate", "vehicle")

    def extract(self, text: str, folded: str, ctx: ExtractContext) -> Iterable[Found]:
        cars = []
        for ms, me, _make in find_words(folded, MAKES):
            before = _CAR_BEFORE.search(folded, max(0, ms - 20), ms)
            s = ms - len(before.group(0)) if before else ms
            after = _MODEL_AFTER.match(folded, me)
            e = after.end() if after else me
            year = _YEAR_AFTER.match(folded, e)
            if year:
                e = year.end()  # "Škoda Octavia kombi | 2019" (an asset declaration's row)
            if re.search(r"(?:19|20)\d{2}|[ \t][a-z0-9\-]{2,15}", folded[s:e]):
                cars.append((s, e))
        words = [
            (m.start(), m.end())
            for m in _PLATE_WORD.finditer(folded)
            if _starts_word(folded, m.start()) and text[m.start()].isalpha()
            and not _REGISTER_BEFORE.search(folded, max(0, m.start() - 24), m.start())
        ]
        anchors = cars + words
        rows = _vehicle_rows(text, folded)
        plates: list[Found] = []
        for fmt, rx in _SHAPED:
            for m in rx.finditer(text):
                if not _starts_word(text, m.start()):
                    continue
                if any(fs <= m.start() < fe for fs, fe in rows):
                    continue  # a vehicle table's row is read whole below
                if any(abs(m.start() - a) < 60 or abs(m.start() - b) < 60 for a, b in anchors):
                    plates.append(
                        Found(
                            "plate",
                            m.start(),
                            m.end(),
                            m.group(0).replace(" ", ""),
                            (("format", fmt),),
                        )
                    )
        for _a, b in words:
            g = _GENERIC.match(text, b)
            if g is None:
                continue
            m = g
            if any(c.isdigit() for c in m.group(0)) and any(c.isalpha() for c in m.group(0)):
                if not any(p.start == m.start() for p in plates):
                    plates.append(
                        Found(
                            "plate",
                            m.start(),
                            m.end(),
                            re.sub(r"[ \-]", "", m.group(0)),
                            (("format", "other"),),
                        )
                    )
        # (a vehicle table's row, make and model with the plate, is read whole below)
        plates += [p for p in _plate_column(text, folded)
                   if not any(q.start <= p.start < q.end for q in plates)
                   and not any(fs <= p.start < fe for fs, fe in rows)]
        out = list(plates)
        # (a car whose year the row's other cells hold is reported as the row: "Volvo V90 Cross
        # Country | 2020 | DRK 41Z")
        dated = [(a, b) for a, b in cars if re.search(r"(?:19|20)\d{2}", folded[a:b])]
        for fs, fe in rows:
            if not any(fs <= p.start < fe for p in plates) and not any(
                    fs <= a < fe for a, _b in dated):
                out.append(Found("vehicle", fs, fe, " ".join(text[fs:fe].split())))
        for s, e in cars:
            if any(abs(p.start - e) < 80 or abs(s - p.end) < 80 for p in plates):
                continue  # the plate stands for the car
            if not re.search(r"(?:19|20)\d{2}", folded[s:e]):
                continue  # a make alone ("Ford") is too weak to report
            out.append(Found("vehicle", s, e, " ".join(text[s:e].split())))
        return sorted(out, key=lambda f: f.start)
