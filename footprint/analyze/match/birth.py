"""Ages and birth years printed as bare numbers right after a person's name.

Result tables, rosters, registers and news print an age or a year of birth with no label at
all: "Eleanor Whitfield, 58", "Kessler, Sofia G  13" (a swim-meet heat sheet), "PRUNEDA, MAGGIE
F 55 AUSTIN TX" (race results: sex, then age), "ŻURAWSKA Zuzanna, 2013, UKS Fala" (a year of
birth), "ŻURAWSKA Małgorzata, Kraków, 1975, K50" (a town between). The number is read only when it
follows the name on the same line, with nothing but punctuation, a sex letter, a middle initial,
a tab or one place name between, and is a plausible age (1–110) or year of birth (1900 – this
year); a clock time ("52:13"), a decimal ("1:05.32"), a unit ("5 km") or an ordinal never is.
"""

from __future__ import annotations

import bisect
import re

from ..extract import Found
from ..names import NameMatch
from ..text import header_above, header_cell, tab_cells

# after the name: separators, an optional middle initial or sex letter, an optional place name
# between commas, then the number
_AFTER = re.compile(
    # (a title after the name first: "JUDr. Markétu Novákovou, Ph.D. (50)", "Jan Novák, CSc., 61")
    r"(?:,[ \t]{0,2}(?:Ph\.[ \t]?D\.|PhD|CSc\.|DrSc\.|Th\.D\.|LL\.[ \t]?M\.|MBA|DiS\.|Jr\.|Sr\.)"
    r"(?=[ \t,(]))?"
    # (a maiden or other name in brackets may stand between: "Kertész Istvánné (Halász Erzsébet), 76")
    # (or a bracket that opens the next line: "Ema Šimkovičová" / "(2013) · slalom")
    # (an element's break may stand before the comma: "Rosalind A Kealy" / ", 54 — resident since")
    r"(?P<sep>,[ \t]{0,2}|\n[ \t]{0,3},[ \t]{0,2}|[ \t]{1,2}\([^()\n\d]{2,40}\),[ \t]{0,2}|[ \t]{0,2}\([ \t]{0,2}|"
    r"[ \t]{0,2}\n[ \t]{0,3}\([ \t]{0,2}|\t[ \t]{0,3}|"
    r"[ \t]{2,6}|[ \t]{1,2}(?=[MFKWŽZmfkw][ \t])|"
    # (a card's heading, the age after one space at the line's end or before its other names:
    # "Siobhan M O'Connell 54 AKA Siobhan O'Connell-Tran", "Siobhan Clare O'Connell 31")
    r"[ ](?=\d{2,3}(?:[ \t]*\n|[ \t]+(?:AKA|aka|a\.k\.a\.)[ \t])))"
    r"(?:(?P<sex>[MFKWŽZ])[ \t,]{1,3}|(?P<init>[A-Z])\.?[ \t]{1,3})?"
    # (a place between, then a comma or a cell's break: "Hildegard Hödl, Birkengasse | 80")
    # (or a street with its number, the age in brackets in a cell of its own: "Hildegard
    # Pichler, Mariatroster Straße 112 | (78)")
    r"(?:(?P<place>[A-ZÀ-Ž][\w'\-]{1,24}(?:[ \t][A-ZÀ-Ž][\w'\-]{1,24})?"
    r"(?P<house>[ \t]\d{1,4}[a-z]?)?)(?:,[ \t]{1,2}|\t[ \t]{0,3}(?P<br>\()?))?"
    r"(?P<num>\d{1,4})"
    # (a year's abbreviation may close it: Lithuanian "(2013 m.)", Polish "(2013 r.)",
    # Bulgarian and Macedonian "(2013 г.)" in Latin letters)
    r"(?P<yr>[ \t](?:m|r|g|god)\.(?=\)))?"
    # (or a list's separator: "Shigeru Oda, 88 · Roy Nakamura, 78 · Gail Higa, 77")
    r"(?=\)|,|;|\t|\n|$|[ \t]{1,6}(?:[A-Za-zÀ-ž]|\d{1,2}:|$)|[ \t]{1,3}[—–][ \t]{1,3}[^\W\d_]|\.(?!\d)"
    r"|[ \t]{1,3}[·•|][ \t]|[ \t]{1,2}\((?:19|20)\d\d(?!\d))"
)
_NOT_AFTER = re.compile(
    r"[ \t]{0,2}(?::\d|\.\d|,\d|%|km|mi|m\b|min|kg|st\b|nd\b|rd\b|th\b|\.|-\d)"
    # a date's day, its month a word and its year after it: "Rosanna | 12 marzo 1946"
    r"|[ \t]{1,2}[^\W\d_]{3,12}\.?[ \t]{1,2}(?:19|20)\d\d(?!\d)"
    # a class, not an age: "Кирилова Мария, 6 б клас", "Zawadzka Zuzanna | 7a" (a letter a–e
    # or the Cyrillic в, г; never "14 F", a swimmer's age and sex)
    r"|[ \t]?[a-eA-EvgVG](?=[ \t]*(?:\t|\n|$|kl|Kl|KL|клас|class|razred))"
)


# a year after one space, closing a list's item: "Lambert Chloe 2012, Mathy Ines 2012"
# (never at a line's end: a family tree's "Olivier Jean DUFRESNOY 1973" under "Union(s)" names
# a relative, its year no finding of its own)
_YEAR_ONE_SPACE = re.compile(r"[ ](?P<y>(?:19|20)\d\d)(?=[,;\t])")

# a roster card's next line, the year of birth among the card's words: "Beatriz Antunes" /
# "2012 · velocidade e barreiras", "#7 Pol Roura Ferrer" / "Aler · 2013" (never a period,
# "2013 – 2019")
_YEAR_NEXT_LINE = re.compile(
    r"[ \t]*\n[ \t]*(?:[^\W\d_][^\n\d]{0,30}?[ \t][·•|,\-–][ \t]{1,2})?"
    r"(?P<y>(?:19|20)\d{2})(?![\d.,:/])(?![ \t]*[\-–][ \t]*(?:19|20)?\d\d)"
    r"(?=[ \t]{1,2}[·•|,\-–][ \t]|[ \t]*\n|[ \t]*$)"
)


_DATE_AFTER = re.compile(
    r",?[ \t]{1,3}(?:ur\.|nar\.|b\.|born|rođen[aoi]?|n\.)?[ \t]{0,2}"
    # a birthplace before it: "LANZONI STEFANO GIOVANNI, PARMA 09/11/1970"
    r"(?:[^\W\d_][\w'\-]{1,24}(?:[ \t][^\W\d_][\w'\-]{1,24}){0,2},?[ \t]{1,3}){0,2}"
    r"(?P<date>(?P<d>\d{1,2})(?P<sep>[./\-])(?P<m>\d{1,2})(?P=sep)[ \t]?(?P<y>(?:19|20)\d{2})|"
    r"(?P<y2>(?:19|20)\d{2})(?P<sep2>[-/.])(?P<m2>\d{2})(?P=sep2)(?P<d2>\d{2}))(?![\d])"
)


# a span of years in brackets on a nearby row: "(2002–2025)", "(2002-2014)"
_SPAN_ROWS = re.compile(r"\((?:19|20)\d\d[ \t]?[–—\-][ \t]?(?:(?:19|20)\d\d|present|now)\)")


def _spans_around(text: str, pos: int) -> bool:
    """Whether the bracketed year at `pos` stands among entries that mostly print spans of
    years in brackets ("Muhammad Akhtar (2002–2025) / Tahir Akhtar (2002–2014) / Farzana K
    Akhtar (2002)": years on a roll), not under one heading's span ("Groupe Espoirs
    (2012–2014)" over "Léa Favre (2013)", "Thi Nguyen (2013)", …: years of birth)."""
    lo, hi = max(0, pos - 160), min(len(text), pos + 160)
    spans = len(_SPAN_ROWS.findall(text, lo, hi))
    singles = len(re.findall(r"\((?:19|20)\d\d\)", text[lo:hi]))
    return spans > 0 and spans >= singles


def ages_after_names(
    text: str,
    names: dict[str, list[NameMatch]],
    today_year: int,
    birth_years: dict[str, int] | None = None,
) -> list[Found]:
    """Ages (`Found("age")`) and years of birth (`Found("birth_date", partial)`) printed right
    after any of the names; and a full date right after a person's name when its year is the
    person's birth year (±1) — a camp list's "Żurawska Zuzanna, 14.05.2013" — where any other
    date after a name is more likely an event's."""
    out: list[Found] = []
    for pid, ms in names.items():
        for m in ms:
            if m.rule == "name_username":
                continue
            by = (birth_years or {}).get(pid)
            dm = _DATE_AFTER.match(text, m.end, min(len(text), m.end + 70)) if by else None
            if dm and by:
                y = int(dm.group("y") or dm.group("y2"))
                if abs(y - by) <= 1:
                    attrs = (("bare", "1"), ("full_date", "1"), ("of", pid), ("year", str(y)))
                    out.append(Found("birth_date", dm.start("date"), dm.end("date"),
                                     dm.group("date"), attrs))
                    continue
            am = _AFTER.match(text, m.end, min(len(text), m.end + 60))
            if not am and by:
                sm = _YEAR_ONE_SPACE.match(text, m.end, min(len(text), m.end + 8))
                if sm and abs(int(sm.group("y")) - by) <= 1:
                    # a list of players, each with their year after one space: "Dumont Zoe
                    # 2012, Lambert Chloe 2012, Mathy Ines 2012" (only the person's own year)
                    out.append(Found("birth_date", sm.start("y"), sm.end("y"), sm.group("y"),
                                     (("bare", "1"), ("of", pid), ("partial", "1"),
                                      ("year", sm.group("y")))))
                    continue
            if not am:
                ym = _YEAR_NEXT_LINE.match(text, m.end, min(len(text), m.end + 50)) if by else None
                if ym and by and abs(int(ym.group("y")) - by) <= 1:
                    # only the person's own year is read there: another year on a card's
                    # second line may be anything (a season, a joining year)
                    out.append(Found("birth_date", ym.start("y"), ym.end("y"), ym.group("y"),
                                     (("bare", "1"), ("of", pid), ("partial", "1"),
                                      ("year", ym.group("y")))))
                continue
            num = am.group("num")
            end = am.end("yr") if am.group("yr") and len(num) == 4 else am.end("num")
            if _NOT_AFTER.match(text, end, end + 24):
                continue
            closed = end + 1 if am.group("br") and text[end : end + 1] == ")" else end
            if am.group("br") and closed == end:
                continue  # "(78" never closed: no age
            if am.group("place") and len(num) != 4 and not (
                    "\t" in text[am.end("place") : am.start("num")]
                    and text[closed : closed + 1] in ("\t", "\n", "")):
                continue  # "Name, Austin, 12 Oak St": only a year may follow a place (or an
                # age in a cell of its own: "Hildegard Hödl, Birkengasse | 80")
            sep = am.group("sep")
            if (sep.startswith("(") or ("\n" in sep and "(" in sep)) and not re.match(r"\)|,[ \t]",
                                                                     text[end : end + 2]):
                continue  # "Nora (14)", "Nora (14, Senior 2)"; not "(14 days)"
            if am.group("init") and ("\t" in sep or sep.strip()[:1] in ("(", ",")):
                continue  # "B 4" in a cell of its own, "(B 4)", ", B 4,": a stair and flat,
                # not an initial and an age
            if ("\t" in sep or sep.startswith("  ")) and _headed_otherwise(text, am.start("num")):
                continue  # "Nominativo | Interno | Telefono": a flat number, not an age
            tabular = "\t" in sep or sep.startswith("  ") or bool(am.group("sex"))
            # "Rosalind A Kealy, 54 — resident since 2016": a dash after the age, then words
            dashed = bool(re.match(r"[ \t]{1,3}[—–][ \t]{1,3}[^\W\d_]|[ \t]{1,3}[·•|][ \t]",
                                   text[end : end + 8]))
            # (or the years of a residence in brackets: "Andrea L Kowalchuk, 54 (2004 – 2016)"
            # under an address's "Previous residents")
            if not tabular and not dashed and not re.match(
                    r"[),;\t\n]|$|\.(?!\d)|[ \t]+(?:AKA|aka)|[ \t]{1,2}\((?:19|20)\d\d(?!\d)",
                    text[end : end + 9]):
                continue  # prose: "Dan Kessler, 57 Oak Street" is an address, not an age
            n = int(num)
            if len(num) == 4:
                # (never a year of the last three: "Țurcanu Mariana (2025)" heads a declaration
                # for 2025; nobody of a bare name is a baby; nor a year in brackets among rows
                # of spans in brackets: "Other occupants Muhammad Akhtar (2002–2025) / Farzana
                # K Akhtar (2002)" are years on the electoral roll)
                if 1900 <= n <= today_year - 3 and not (
                        sep.strip().startswith("(") and _spans_around(text, am.start("num"))):
                    attrs = (("bare", "1"), ("of", pid), ("partial", "1"), ("year", num))
                    out.append(Found("birth_date", am.start("num"), end, num, attrs))
            elif 1 <= n <= 110 and len(num) <= 3:
                out.append(Found("age", am.start("num"), end, num,
                                 (("age", num), ("bare", "1"), ("of", pid))))
    return out


# Column headers of a year of birth or an age in result tables and rosters (folded, whole cell).
YEAR_HEAD = re.compile(
    r"(?:rocnik|rocznik|rok urodzenia|rok narozeni|rok nar\.?|godiste|godina rodjenja|"
    r"godina rodenja|god\.? rod\.?|anul nasterii|an nastere|anul|year of birth|birth year|yob|"
    r"born|jahrgang|geburtsjahr|annee de naissance|ano de nacimiento|ano nacimiento|an|"
    r"szuletesi ev|ev|"
    # Finnish, Swedish, Danish/Norwegian, Austrian, Slovenian, Greek, Bulgarian, Ukrainian
    r"synt|syntymavuosi|fodd|fodelsear|argang|fodselsar|jg|letnik|leto rojstva|etos gen|"
    r"etos gennisis|godina na razhdane|rik narodzhennia|r\. n|"
    # Lithuanian "Gim. m." (gimimo metai), Latvian, Estonian, Dutch, Belgian, Italian
    r"gim\.? ?m\.?|gimimo metai|dzimsanas gads|dz\. g\.|sunniaasta|geboortejaar|geb\.? ?jaar|"
    r"anno|anno di nascita|classe|"
    # Portuguese and Spanish "Ano nasc.", "Ano", "Año nac."; French "Année", "Né(e) en"
    r"ano|ano nasc\.?|ano de nascimento|ano nac\.?|annee|annee naiss\.?|nee? en|ne\(e\) en|ne\(e\)|nee|"
    r"rok narodenia|datum rojstva|any de naixement|any naix\.?|any|"
    # Albanian "Viti", "Viti i lindjes"; Romanian "An naștere"
    r"viti|viti i lindjes|vitlindja|an nastere)"
)
AGE_HEAD = re.compile(r"(?:age|vek|wiek|dob|starost|varsta|alter|edad|edat|eta|kor|ani|leeftijd|"
                       r"ika|alder|ilikia|vazrast|vik|amzius|vecums|vanus)")
# Column headers of a full date of birth (folded, whole cell)
_DATE_HEAD = re.compile(
    r"(?:geboortedatum|date of birth|birth ?date|d\.?o\.?b\.?|datum narozeni|data urodzenia|"
    r"datum rodjenja|datum rodenja|data nasterii|geburtsdatum|fecha de nacimiento|"
    r"date de naissance|data di nascita|data de nascimento|szuletesi (?:datum|ido)|"
    r"datum narodenia|data de nasc\.?|data de naixement|f\.? ?nacimiento|f\.? ?nac\.?|"
    r"fecha nac\.?|"
    r"fodelsedatum|geboren|born|nascita|narozen[aiy]?|"
    # the same shortened, as members' lists print them: Dutch and German "Geb.datum",
    # "Geb.-Datum", "Geb. dat."; Danish and Norwegian "Fødselsdato", Finnish "Syntymäaika",
    # Icelandic "Fæðingardagur", Czech "Dat. nar.", Polish "Data ur.", Portuguese "Data nasc."
    r"geb\.?[ \-]?datum|geb\.?[ \-]?dat\.?|gebdatum|fodselsdato|syntymaaika|syntymapaiva|"
    r"faedingardagur|dat\.?[ ]?nar\.?|data ur\.?|data nasc\.?|dt\.? nasc\.?)"
)
_CELL_DATE = re.compile(
    r"(?:(?P<d>\d{1,2})[-./][ ]?(?P<m>\d{1,2})[-./][ ]?(?P<y>(?:19|20)\d{2})"
    r"|(?P<y2>(?:19|20)\d{2})[-./](?P<m2>\d{1,2})[-./](?P<d2>\d{1,2}))\.?"
)


_CATEGORY_YEAR = re.compile(r"[A-Z][A-Z0-9]{1,3}/(\d{2})")
_MASKED_CELL_DATE = re.compile(r"[xX*#•]{1,2}[-./][xX*#•]{1,2}[-./]((?:19|20)\d{2})")
# a date with its month as a word, in any language: "12 marzo 1946", "4. Januar 1946" (its year)
_WORD_CELL_DATE = re.compile(r"\d{1,2}\.?[ \t]{1,2}[^\W\d_]{3,12}\.?[ \t]{1,2}((?:19|20)\d{2})")


# Column headers of numbers after a name that are no age (folded, whole cell): a flat or unit,
# a bib, a rank, a lane, points, a distance or a time — in the languages the tool reads.
_OTHER_HEAD = re.compile(
    r"(?:interno|int|scala|piano|apt|apartment|unit|flat|suite|door|stan|byt|lokal|mieszkanie|"
    r"wohnung|whg|etage|stock|porta|puerta|piso|escalera|appartement|appt|porte|etaj|ap|"
    r"porras|asunto|porras/asunto|huoneisto|lgh|lagenhet|trappa|stiege|tur|top|kv|kvartyra|"
    r"bib|dorsal|pettorale|dossard|startnummer|startovni cislo|numer startowy|broj|"
    r"rank|place|pos|position|platz|rang|posizione|poradi|miejsce|mjesto|lane|heat|"
    r"no|nr|n|#|tel|telefono|telefon|phone|points|pts|punti|punkte|punts|puntos|puntuacio|"
    r"puntuacion|punteggio|pontos|pontuacao|punkty|pkt|bodovi|body|pont|pisteet|poang|score|"
    r"nota|notes|note|grade|"
    # a distance, a time, laps: "Km", "Distanz", "Tid", "Runden"
    r"km|km i alt|kilometer|kilometers|kilometres|kilometri|kilometros|distance|distanz|"
    r"afstand|distancia|distanza|laps|runden|runder|omgange|ronden|vueltas|giri|tours|"
    r"time|tid|zeit|tijd|tiempo|temps|tempo|czas|cas|aika|"
    # since when, until when: an address's occupants ("Nom | Depuis" over "MÉNÉTRIER
    # Anne-Sophie | 2017"), a register's terms of office
    r"since|resident since|from|until|to|depuis|jusqu'?a|seit|bis|ab|sedan|siden|till|fra|"
    r"vanaf|tot|desde|hasta|dal|fino al|od|do|alates|kuni|nuo|iki|lidz)"
)
# a school year, not an age, over a number below 20: a US meet's "Yr"/"Gr" (grade 9–12), "Year
# 8", "Klasse 7b" (never over "2013": "ГР" is a Macedonian results list's year of birth)
_SCHOOL_YEAR_HEAD = re.compile(
    r"(?:yr|gr|year|class|klasse|classe|klasa|razred|trieda|trida|kl|klas|klass|klase|luokka|"
    r"osztaly|clase|curso|form|trinn|grd)"
)


def _headed_otherwise(text: str, pos: int) -> bool:
    """Whether the table cell at `pos` sits under a header that names a flat, a bib, a rank
    or the like ("Interno", "Bib", "Platz"), not an age: the header is the first line above
    the row's run of tab-separated lines that holds no digit."""
    from ..names import fold

    ls = text.rfind("\n", 0, pos) + 1
    if "\t" not in text[ls:pos]:
        return _aligned_head_otherwise(text, ls, pos)
    head = header_cell(text, pos)
    if head is None:
        return False
    if _other_head(fold(head).strip(" .:"), text, pos):
        return True
    # a fixed-width listing read into cells ("Place Name | Yr School" over "3 DOE, Ann | 10
    # Maple Valley"): the value opens its cell under the header cell's first word
    cell_start = max(text.rfind("\t", 0, pos), text.rfind("\n", 0, pos)) + 1
    words = fold(head).split()
    return (len(words) > 1 and not text[cell_start:pos].strip()
            and _other_head(words[0].strip(" .:"), text, pos))


def _aligned_head_otherwise(text: str, ls: int, pos: int) -> bool:
    """`_headed_otherwise` for a table set in spaces ("Núm.  Cognoms, nom      Punts" over
    "043   ROURA FERRER, POL     50"): the header is the first line above with no digit, and
    the value's column the header cell that starts at or before its offset."""
    from ..names import fold

    off = pos - ls
    line = header_above(text, ls, "  ")
    if line is None:
        return False
    cells = [(m.start(), m.group()) for m in _ALIGNED_CELL.finditer(line)]
    before = [c for a, c in cells if a <= off + 2]
    if before and _other_head(fold(before[-1]).strip(" .:"), text, pos):
        return True
    # headers one space apart ("Place Name          Yr School"): the word over the value
    over = [w.group() for w in re.finditer(r"\S+", line) if w.start() <= off + 1 < w.end() + 2]
    return bool(over) and _other_head(fold(over[0]).strip(" .:"), text, pos)


def _other_head(head: str, text: str, pos: int) -> bool:
    """Whether a (folded) column header names something other than an age for the number at
    `pos`."""
    if _OTHER_HEAD.fullmatch(head):
        return True
    num = re.match(r"\d+", text[pos : pos + 5])
    return num is not None and int(num.group()) < 20 and bool(_SCHOOL_YEAR_HEAD.fullmatch(head))


# a cell of a table set in spaces: words one space apart
_ALIGNED_CELL = re.compile(r"\S+(?: \S+)*")


# an age with its sex letter in front, as race results print it under "Sex/Age" ("F52", "M54",
# "W 45"; French and Polish "H52", "K52"; German "D45")
_SEX_AGE = re.compile(r"[MFWHKD][ \t]?(\d{1,3})")


def _head_kind(head: str) -> str | None:
    """"date", "year" or "age" for a (folded) column header of a date of birth, a year of birth
    or an age; a bilingual town's header names it twice ("Vek / Kor", "Age / Âge")."""
    for c in (head, *(p.strip(" .:") for p in head.split("/") if "/" in head)):
        if _DATE_HEAD.fullmatch(c):
            return "date"
        if YEAR_HEAD.fullmatch(c):
            return "year"
        if AGE_HEAD.fullmatch(c):
            return "age"
    return None


def _shifted_date(cells: list[tuple[int, int, str]], col: int, width: int,
                  kind: str = "date") -> int | None:
    """The cell of a row short of `width - len(cells)` cells that holds the date (or year) of
    birth of the header's column `col`: the row's only full date (four-figure year, or
    category and year "M4M/69"), at most that many cells before it."""
    form = _CELL_DATE if kind == "date" else re.compile(r"(?:19|20)\d\d|" + _CATEGORY_YEAR.pattern)
    dates = [i for i, (_s, _e, raw) in enumerate(cells) if form.fullmatch(raw.strip())]
    if len(dates) == 1 and col - (width - len(cells)) <= dates[0] <= col:
        return dates[0]
    return None


def ages_in_columns(
    text: str, names: dict[str, list[NameMatch]], today_year: int
) -> list[Found]:
    """Years of birth and ages in a table's own column ("Rocznik", "Ročník", "YOB", "Age"),
    read on the row that names the person: "ŻURAWSKA Małgorzata | Kraków | Tatra Team Kraków |
    1975 | K50", where the number is cells away from the name. A row whose cells do not line up
    with the header's is left alone."""
    from ..names import fold

    out: list[Found] = []
    starts = sorted((m.start, pid) for pid, ms in names.items() for m in ms
                    if m.rule != "name_username")
    if not starts:
        return out
    header: tuple[int, str, int] | None = None  # (column, kind, number of cells)
    offset = 0
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        if "\t" not in line:
            header = None
            continue
        cells = tab_cells(line, line_start)
        heads = [(i, kind) for i, (_s, _e, raw) in enumerate(cells)
                 if (kind := _head_kind(fold(raw).strip(" .:")))]
        # (a column of two — "Nome | Data di nascita" — as much as one of five)
        if heads and len(cells) >= 2 and not any(ch.isdigit() for ch in line):
            header = (heads[0][0], heads[0][1], len(cells))
            continue
        if header is None:
            continue
        # a row whose cell holds a line break ("1846 CYPRESS HAMMOCK WAY<br>ORLANDO, FL") goes on
        # on the next line: its first line has fewer cells and no closing tab
        continued = len(cells) < header[2] and not line.endswith("\t") and len(cells) > header[0]
        col = header[0]
        if len(cells) == header[2] + 1 and re.fullmatch(r"\d{1,4}\.?", cells[0][2].strip()):
            col += 1  # a rank in a column the header does not name ("1. | Elsa … | 2014")
        elif (len(cells) < header[2] and header[1] in ("date", "year") and not continued
              and (shifted := _shifted_date(cells, col, header[2], header[1])) is not None):
            # a list that leaves out an empty cell ("… | 06-28703145 | 02-07-1974 | 2016" under
            # "… | Telefoon | E-mail | Geb.datum | Lid sinds"; "SCHOEFFER Jean-Luc | FRA |
            # M4M/69" under "Athlète | Club | Nat. | Cat/An"): the row's only date (or year) of
            # that form, in the cells the gap can have moved it to
            col = shifted
        elif len(cells) != header[2] and not continued:
            continue
        lo = bisect.bisect_left(starts, (line_start, ""))
        hi = bisect.bisect_left(starts, (offset, ""))
        who = [pid for _s, pid in starts[lo:hi]]
        if not who:
            continue
        s, e, raw = cells[col]
        num = raw.strip()
        kind = header[1]
        if kind == "date":
            dm = _CELL_DATE.fullmatch(num)
            masked = _MASKED_CELL_DATE.fullmatch(num) or _WORD_CELL_DATE.fullmatch(num)
            if masked is not None:
                # "XX/XX/1967": a court record masks the day and month, not the year
                y = int(masked.group(1))
                if 1900 <= y <= today_year:
                    s += raw.find(num)
                    for pid in dict.fromkeys(who):
                        out.append(Found("birth_date", s, s + len(num), num,
                                         (("bare", "1"), ("of", pid), ("partial", "1"),
                                          ("year", str(y)))))
                continue
            if dm is None:
                if not num.isdigit():
                    continue
                # "Born" over "2010": a year; "Dob" (Czech, Croatian: age) over "48": an age
                kind = "year" if re.fullmatch(r"(?:19|20)\d\d", num) else "age"
        if kind == "date" and dm is not None:
            y = int(dm.group("y") or dm.group("y2"))
            mo = int(dm.group("m") or dm.group("m2"))
            d = int(dm.group("d") or dm.group("d2"))
            if mo > 12 and d <= 12 and "/" in num:
                mo, d = d, mo  # "03/14/1970": the US month first
            if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= today_year):
                continue
            s += raw.find(num)
            for pid in dict.fromkeys(who):
                out.append(Found("birth_date", s, s + len(num), num,
                                 (("bare", "1"), ("full_date", "1"), ("of", pid), ("year", str(y)))))
            continue
        cat = _CATEGORY_YEAR.fullmatch(num) if kind == "year" else None
        if cat is not None:
            # the French federation's "Cat./An." column: "M3F/72", a category and the year of
            # birth in two figures (the century the one that makes it no future year)
            yy = int(cat.group(1))
            num = str(2000 + yy if 2000 + yy <= today_year else 1900 + yy)
            s += raw.find(cat.group(0)) + cat.start(1)
            for pid in dict.fromkeys(who):
                out.append(Found("birth_date", s, s + 2, num,
                                 (("bare", "1"), ("of", pid), ("partial", "1"), ("year", num))))
            continue
        if kind == "age" and (sexed := _SEX_AGE.fullmatch(num)) is not None:
            # a results table's "Sex/Age" column: "F52", "M 54" — the sex, then the age
            s += raw.find(num) + sexed.start(1)
            num = sexed.group(1)
            raw = num
        if not num.isdigit():
            continue
        s += raw.find(num)
        n = int(num)
        width = len(num)
        if kind == "year" and len(num) == 2:
            # a results list's year in two figures under "Född", "Jg.", "YOB": "68" is 1968
            # (the century that makes it no future year)
            n = 2000 + n if 2000 + n <= today_year else 1900 + n
            num = str(n)
        for pid in dict.fromkeys(who):
            if kind == "year" and len(num) == 4 and 1900 <= n <= today_year:
                out.append(Found("birth_date", s, s + width, num,
                                 (("bare", "1"), ("of", pid), ("partial", "1"), ("year", num))))
            elif kind == "age" and 1 <= n <= 110 and len(num) <= 3:
                out.append(Found("age", s, s + len(num), num,
                                 (("age", num), ("bare", "1"), ("of", pid))))
    return out
