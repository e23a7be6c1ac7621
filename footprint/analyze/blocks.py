"""Listing blocks: people-search pages list namesakes side by side, so a page is split into one
block per listed person and each block is judged on its own (DESIGN.md §4).

Order of preference: the broker catalog's CSS selector for the site (`Broker.block_selector`),
then microdata Person items, then a generic heuristic — a set of repeated sibling elements (same
tag and classes) of which at least two hold an age, address or phone and at least one a
profile-name match. A page that is not a listing is one block. JSON-LD Person records are always
blocks of their own. On a listing page the text outside the blocks (header, search form,
"4 results for Eleanor Whitfield in Santa Rosa") is not judged: it echoes the query, not a person.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from selectolax.lexbor import SelectolaxError

from .names import fold
from .text import PageDoc

log = logging.getLogger(__name__)

# Tags whose repetition is ordinary prose or layout, not a list of people.
_NOT_LISTING_TAGS = frozenset(
    {
        "p",
        "span",
        "a",
        "b",
        "i",
        "em",
        "strong",
        "td",
        "th",
        "br",
        "font",
        "small",
        "label",
        "option",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "img",
        "time",
    }
)


@dataclass(frozen=True)
class Block:
    """A part of the page judged on its own."""

    start: int
    """Offset of the block's text in `PageDoc.text`."""
    end: int
    """Offset after it."""
    kind: str
    """"listing" (one person of a people-search page), "page" (the whole page),
    "structured" (a JSON-LD Person record)."""
    how: str = ""
    """How it was found: "catalog:<broker>", "microdata", "heuristic", "page", "json-ld"."""

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


BELOW_NEAR = 150
"""Characters around a name below a table within which an age, address or phone makes that
text more entries of the list rather than prose."""


def split_blocks(
    doc: PageDoc,
    *,
    name_starts: list[int],
    signal_starts: list[int],
    broker: Any | None = None,
    search_page: bool = False,
) -> list[Block]:
    """The blocks of a page. `name_starts`: offsets of every profile-name match (any person);
    `signal_starts`: offsets of ages, addresses and phones; `broker`: the catalog entry of the
    page's site, if any (its `block_selector` wins); `search_page`: a people-search page, whose
    heading only echoes the search."""
    structured = [Block(s, e, "structured", "json-ld") for s, e in doc.structured]
    listing: list[Block] = []
    selector = getattr(broker, "block_selector", None) if broker is not None else None
    if selector and doc.tree is not None:
        listing = _by_selector(doc, selector, f"catalog:{getattr(broker, 'id', '?')}")
    if not listing:
        listing = _microdata(doc)
    if not listing:
        listing = _heuristic(doc, sorted(name_starts), sorted(signal_starts))
        if listing and broker is None and not search_page and listing[0].how != "card":
            # the record above a table, outside people-search sites: "Citizens to Retain
            # Judge Catherine Dombrowski / Address 2417 W Eastwood Ave" over the committee's
            # receipts — the heading and its data sheet are a card of their own, judged like
            # a page (a people-search page's heading only echoes the search: not judged)
            first = listing[0].start
            if any(n < first for n in name_starts):
                listing = [Block(0, first, "page", "card"), *listing]
            # a paragraph of prose between two tables, judged like a page: a club's news
            # ("Our tesorera Cecilia Archuleta brought three generations: her daughter, Judge
            # Dolores Archuleta y Baca …") between its commission and its members' roll
            rows = [b for b in listing if b.kind == "listing"]
            gaps = [Block(a.end, b.start, "page", "card") for a, b in pairwise(rows)
                    if (inside := [n for n in name_starts if a.end <= n < b.start])
                    and all(_prose_line(doc.text, n) for n in inside)]
            if gaps:
                listing = sorted([*listing, *gaps], key=lambda b: b.start)
            # and the text below the table, judged like a page too: a parish newsletter's
            # "Youth news" under its list of elders, or a sentence that gives a name its
            # address ("Going away? Nora Doe (418 Orchard Hill Dr.) is happy to feed cats") —
            # unless it carries the rows' kind of data (an age, an address, a phone) in lines
            # that are no prose: more entries of the list the rows did not split, such as a
            # search's "Alte rezultate în afara localității" (other towns), left out
            last = max(b.end for b in listing)
            below = [n for n in name_starts if last <= n < doc.visible_end]
            if below and (not any(
                    last <= n < doc.visible_end and any(abs(n - b) <= BELOW_NEAR for b in below)
                    for n in signal_starts) or all(_prose_line(doc.text, n) for n in below)
                    or _untabbed_below(doc.text, listing, below)):
                # (a phone in the page's footer, far from the names, is the site's own)
                listing = [*listing, Block(last, doc.visible_end, "page", "card")]
            elif below:
                # more records of the register's own kind below the rows, each opening on the
                # rows' first label ("Name | O'CONNELL-TRAN, SIOBHAN MARGARET" under "Former
                # Office Holders" beneath the directors' tables): each a record of its own
                listing = [*listing, *_records_below(doc, listing, last, name_starts)]
        elif listing and listing[0].how != "card":
            # a people-search site's detail page: its person's own card above a list of
            # "Other people named …" — a card when a name there is followed by two of the
            # card's kind of data (an age, an address, a phone) before the list; a search's
            # heading only echoes the query, with no data under it
            first = listing[0].start
            heads = [n for n in name_starts if n < first]
            if heads and sum(min(heads) < n < first for n in signal_starts) >= 2:
                listing = [Block(0, first, "page", "card"), *listing]
    if listing:
        return listing + structured
    return [Block(0, doc.visible_end, "page", "page"), *structured]


def _records_below(doc: PageDoc, listing: list[Block], last: int,
                   names: list[int]) -> list[Block]:
    """Below the rows: the lines that open on the label the rows open on ("Name\t…"), each
    the start of a record that runs to the next (or to the page's end), where it names a
    profile person. None when the rows open on no label."""
    first = doc.folded[listing[0].start : _line_end(doc.folded, listing[0].start)]
    cells = [c for c in first.split("\t") if c.strip()]
    if len(cells) != 2:
        return []  # a table's header row ("Bowler | O | M | R | W"), not a label and its value
    label = cells[0].strip()
    if not re.fullmatch(r"[^\W\d_][^\t\n\d]{0,24}", label):
        return []
    starts = [m.start() for m in re.finditer(r"(?m)^[ \t]*" + re.escape(label) + r"[ \t]*\t",
                                             doc.folded[: doc.visible_end])
              if m.start() >= last]
    out = []
    for i, a in enumerate(starts):
        b = starts[i + 1] if i + 1 < len(starts) else doc.visible_end
        if any(a <= n < b for n in names):
            out.append(Block(a, b, "listing", "heuristic"))
    return out


def _untabbed_below(text: str, listing: list[Block], below: list[int]) -> bool:
    """Whether the rows are a table's (their cells tab-separated) and no line below that names
    someone is: a team's "Coaches: Boyd Carrington (boyd.carrington@…)" under its roster
    table is the page's text, not one more row."""
    if not all("\t" in text[b.start : b.end] for b in listing):
        return False
    return not any("\t" in text[text.rfind("\n", 0, n) + 1 : _line_end(text, n)] for n in below)


def _prose_line(text: str, pos: int) -> bool:
    """Whether the line holding `pos` is a sentence (ten words or more, half of them written
    small), not a directory's entry ("Jens Doe · Mobil: 0160 977 318")."""
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    words = re.findall(r"[^\W\d_]+", text[ls : le if le >= 0 else len(text)])
    return len(words) >= 10 and sum(w[0].islower() for w in words) * 2 >= len(words)


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda x: (x[0], -x[1])):
        if out and s >= out[-1][0] and e <= out[-1][1]:
            continue  # nested inside the previous block
        if e > s:
            out.append((s, e))
    return out


def _by_selector(doc: PageDoc, selector: str, how: str) -> list[Block]:
    assert doc.tree is not None
    try:
        nodes = doc.tree.css(selector)
    except (SelectolaxError, ValueError, TypeError):
        # a catalog selector lexbor cannot parse: fall back to the heuristic
        log.warning("block selector of %s is not valid CSS; using the generic splitter", how)
        return []
    spans = [sp for n in nodes if (sp := doc.span_of(n.mem_id)) is not None]
    out: list[Block] = []
    for s, e in _outermost(spans):
        if out and _section_first(doc.folded, s) and s - out[-1].end <= SECTION_GAP:
            # a detail page whose sections the card selector also matches ("Current Address",
            # "Phone Numbers", "Possible Relatives" under the person's name): one record
            out[-1] = Block(out[-1].start, e, "listing", how)
        else:
            out.append(Block(s, e, "listing", how))
    if out and _section_first(doc.folded, out[0].start):
        # the first section's person is named above it, in the page's heading ("Daniel M
        # Ostrow / Age 54 · Baltimore, MD" over "Current Address"): the record starts there
        out[0] = Block(0, out[0].end, "listing", how)
    return out


SECTION_GAP = 80
"""At most this many characters between a card and a section heading that continues it."""


def _section_first(folded: str, pos: int) -> bool:
    """Whether the element at `pos` opens with a line that is nothing but a card's section
    heading: a section of the record above, not a record of its own (which opens with a name)."""
    end = folded.find("\n", pos)
    line = folded[pos : len(folded) if end < 0 else end].strip()
    return bool(line) and _SECTION_HEAD.fullmatch(line) is not None


def _microdata(doc: PageDoc) -> list[Block]:
    spans = [(e.start, e.end) for e in doc.elements if e.person_item]
    spans = _outermost(spans)
    if len(spans) < 2:
        return []
    return [Block(s, e, "listing", "microdata") for s, e in spans]


def _count_in(starts: list[int], s: int, e: int) -> int:
    import bisect

    return bisect.bisect_left(starts, e) - bisect.bisect_left(starts, s)


# "Other people at this address" (folded), as directories head a card's co-residents
_OTHERS_HERE = (
    r"(?:inne osoby|osoby|weitere personen|personen|autres personnes|personnes|otras personas|"
    r"personas|altre persone|persone|andere personen|dalsi osoby|outras pessoas|pessoas|"
    r"alte persoane|persoane|other people|people|persona|personat)[ \t]+(?:pod tym adresem|"
    r"unter dieser adresse|a cette adresse|en esta direccion|en este domicilio|a questo indirizzo|"
    r"op dit adres|na teto adrese|neste endereco|nesta morada|la aceasta adresa|at this address|"
    # Albanian "Persona në të njëjtën adresë"
    r"ne te njejten adrese|ne kete adrese)"
)
# Headings of a card's relatives or household section (folded), in every language the tool reads.
REL_WORDS = (
    r"(?:possible relatives|known relatives|relatives|relative|associated persons|"
    r"associated people|associates|other occupants|occupants|other residents|"
    r"past residents|previous residents|former residents|past occupants|previous occupants|"
    r"also at this address|household members?|household|family members?|family|related to|"
    r"may be related to|people related|pribuzni|pribuzne|clenove domacnosti|v domacnosti|domacnost|"
    r"rodina|"
    # Polish, Croatian/Serbian, Romanian, German, Spanish, French, Italian
    r"osoby powiazane|powiazane osoby|powiazane|krewni|czlonkowie rodziny|rodzina|"
    r"povezane osobe|povezane osobe|rodbina|obitelj|clanovi obitelji|srodnici|rodaci|"
    r"rude|persoane asociate|persoane inrudite|membri ai familiei|familie|"
    r"verwandte|angehorige|familienmitglieder|familiares|parientes|personas relacionadas|"
    r"parents|proches|personnes associees|parenti|familiari|persone collegate|persone correlate|"
    # Swedish, Danish/Norwegian, Dutch, Hungarian, Greek, Bulgarian (people-search co-residents)
    r"bor har aven|bor tillsammans med|personer pa samma adress|andra pa adressen|slaktingar|"
    # Swedish, Danish, Norwegian "Personer på adressen", "Boende på adressen" (under a card:
    # on an address's own page they are its residents, no one's relatives — _ADDRESS_PEOPLE)
    r"personer pa adressen|boende pa adressen|"
    r"bor ogsa her|bor ogsa pa adressen|bor sammen med|slae?gtninge|ook op dit adres|familieleden|rokonok|"
    # "Kjente relasjoner" (Norwegian), "Kendte relationer" (Danish), "Kända relationer" (Swedish)
    r"kjente relasjoner|relasjoner|kendte relationer|kanda relationer|relationer|"
    r"pithanoi syngeneis|meli oikogeneias|syngeneis|rodnini|vazmozhni rodnini|"
    r"sv'rzani lita|svarzani litsa|svurzani litsa|"
    # Ukrainian, Russian, Finnish (in Latin letters)
    r"rodychi ta poviazani osoby|rodychi|poviazani osoby|rodstvenniki|samassa osoitteessa|"
    r"sukulaiset|"
    # Latvian, Lithuanian, Estonian
    r"iespejamie radinieki|radinieki|galimi giminaiciai|giminaiciai|voimalikud sugulased|"
    r"sugulased|"
    # "Seotud isikud" (Estonian), "Saistītās personas" (Latvian), "Susiję asmenys" (Lithuanian),
    # "Liittyvät henkilöt" (Finnish): persons related to the card's
    r"seotud isikud|saistitas personas|susije asmenys|liittyvat henkilot|"
    # "related persons" in the other languages the tool reads
    r"gerelateerde personen|verbundene personen|verknupfte personen|souvisejici osoby|"
    r"spojene osoby|suvisiace osoby|prepojene osoby|kapcsolodo szemelyek|relaterade personer|"
    r"relaterede personer|relaterte personer|pessoas relacionadas|povezane osebe|"
    r"personnes liees|personnes en lien|personas vinculadas|pessoas ligadas|persone legate|"
    # Albanian, Slovenian, Serbian/Macedonian Cyrillic (folded), Icelandic, Maltese, Norwegian,
    # Dutch, French, Catalan, Portuguese, Basque, Welsh
    r"te afermit|te aferm|familjaret|sorodniki|srodniti|attingjar|skyldmenni|qraba|"
    r"slektninger|verwanten|membres de la famille|famille|familiars|parentes|senideak|"
    r"perthnasau|"
    # housemates: Dutch, German, English, Italian, French
    r"huisgenoten|medebewoners|mitbewohner|housemates|coinquilini|colocataires|"
    # other holders or residents at the address: Spanish, French, Italian, German, Dutch
    r"otros titulares(?: en este domicilio)?|otros residentes|otros ocupantes|convivientes|"
    r"autres titulaires|autres occupants|altri intestatari|altri residenti|weitere bewohner|"
    r"andere bewoners|"
    # a card's children by a label with its colon ("Barn: Annika Söderholm, tingsdomare i Vasa"),
    # never the word alone (an English barn)
    r"(?:barn|children|kinder|kinderen|lapset|dzieci|deti|enfants|hijos|figli)(?=[ \t]*:)|"
    # a people-search card's "Related: Andres Ocampo, Lucia Ocampo" (the word alone is prose)
    r"related(?=[ \t]*:)|"
    + _OTHERS_HERE + r")"
)
# Relatives headings that say the people under them live at the card's address
CO_RESIDENTS = re.compile(
    r"(?<![a-z])(?:other occupants|occupants|other residents|past residents|previous residents|"
    r"former residents|past occupants|previous occupants|also at this address|household "
    r"members?|lives with|v domacnosti|bor har aven|bor tillsammans med|personer pa samma adress|"
    r"personer pa adressen|boende pa adressen|"
    r"samassa osoitteessa|bor ogsa|bor sammen med|ook op dit adres|mitbewohner|im haushalt|"
    + _OTHERS_HERE
    + r")(?![a-z])"
)
_SECTION_HEAD = re.compile(
    r"[ \t\n]*(?:current address|current addresses|previous addresses|past addresses|"
    r"address history|addresses|address|phone numbers|phones|phone|email addresses|emails|email|"
    r"possible relatives|relatives|possible associates|associates|aliases|also known as|"
    r"also seen as|aka|a\.k\.a\.|"
    r"education|employment|jobs|social profiles|vehicles|properties|"
    r"adresy|adresa|telefony|telefon|pribuzni|krewni|adrese|telefoane|adressen|telefonnummern|"
    r"direcciones|telefonos|familiares|adresses|telephones)(?![a-z])"
)
# the people at an address, which heads an address's own page as much as a card's household
_ADDRESS_PEOPLE = re.compile(r"(?:personer|boende)[ \t]pa[ \t]adressen[ \t]*:?")
_REL_HEADING = re.compile(REL_WORDS + r"(?![a-z])[^\n]{0,30}\n?[ \t]*$")
_REL_ONLY = re.compile(r"(?:possible[ \t])?" + REL_WORDS + r"(?![a-z])[ \t]*(?:\(\d{1,3}\))?[ \t]*:?")


# a record's own name label ("Name  MARGARET E PRUNEDA", "Nume: …", "Jméno a příjmení: …")
_NAME_LABEL = re.compile(
    r"[\W\d_]*(?:full[ \t]+)?(?:name|names|nume|numele|nom|imie(?:[ \t]+i[ \t]+nazwisko)?|"
    r"nazwisko|jmeno(?:[ \t]+a[ \t]+prijmeni)?|prijmeni|ime(?:[ \t]+i[ \t]+prezime)?|prezime|"
    r"owners?|residents?|vlastnik|proprietar)[\W\d_]*"
)


def _names_first(text: str, names: list[int], s: int, e: int) -> bool:
    """Whether the element s..e names a profile person before any word of its own: "Margaret
    E Pruneda, 55", "7  377  Mateo Kerr  M 13" (place and bib first), not "Other occupants
    Jonathan Pryor" (a label first)."""
    import bisect

    i = bisect.bisect_left(names, s)
    if i >= len(names) or names[i] >= e:
        return False
    before = text[s : names[i]]
    return not any(c.isalpha() for c in before) or bool(_NAME_LABEL.fullmatch(fold(before)))


def _headed_above(folded: str, pos: int) -> bool:
    """Whether the line right above `pos` is nothing but a section heading of a card: the
    heading in an element of its own above its values ("Phone Numbers" / "(617) 555-0147")."""
    end = folded.rfind("\n", 0, pos)
    if end < 0:
        return False
    line = folded[folded.rfind("\n", 0, end) + 1:end].strip()
    return bool(line) and _SECTION_HEAD.fullmatch(line) is not None


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _field_rows(doc: PageDoc, members: list[tuple[int, int]], names: list[int]) -> bool:
    """Whether most rows are a label and its value ("Committee ID\t34519", "Chair\tAndrew
    Lindqvist"): the fields of one record, not records of several people."""
    fields = 0
    for s, e in members:
        cells = [c for c in doc.text[s:e].split("\t") if c.strip()]
        if len(cells) != 2:
            continue
        label_end = s + doc.text[s:e].find("\t")
        label = cells[0].strip()
        if label and len(label) <= 30 and not any(ch.isdigit() for ch in label) \
                and not _count_in(names, s, label_end):
            fields += 1
    return fields * 3 >= len(members) * 2


def _headed_sheet(doc: PageDoc, s: int, e: int, names: list[int]) -> bool:
    """Whether the element s..e is a heading line (no figure, no name, no cell) over rows that
    are mostly a label and its value: a section of one record's data sheet."""
    text = doc.text
    first_end = min(e, _line_end(text, s))
    head = text[s:first_end].strip()
    if not head or "\t" in head or any(ch.isdigit() for ch in head) or len(head) > 40 \
            or _count_in(names, s, first_end):
        return False
    rows = fields = 0
    pos = first_end + 1
    while pos < e:
        le = min(e, _line_end(text, pos))
        line = text[pos:le]
        if "\t" in line:
            rows += 1
            cells = [c.strip() for c in line.split("\t") if c.strip()]
            label = cells[0] if cells else ""
            if len(cells) == 2 and len(label) <= 30 and not any(ch.isdigit() for ch in label) \
                    and not _count_in(names, pos, pos + line.find("\t")):
                fields += 1
        pos = le + 1
    return rows > 0 and fields * 3 >= rows * 2


def _relatives_heading(folded: str, first: int) -> re.Match[str] | None:
    """A relatives heading right above the row at `first` ("Possible Relatives"), not the end
    of a sentence ("… a full report: addresses, phones, relatives.")."""
    rh = _REL_HEADING.search(folded, max(0, first - 60), first)
    if rh is not None and len(folded[folded.rfind("\n", 0, rh.start()) + 1:rh.start()]
                              .strip()) > 24:
        return None
    return rh


def _heuristic(doc: PageDoc, names: list[int], signals: list[int]) -> list[Block]:
    if not names:
        return []
    groups: dict[tuple[int, str], list[tuple[int, int]]] = defaultdict(list)
    for el in doc.elements:
        tag = el.signature.split(".", 1)[0]
        if tag in _NOT_LISTING_TAGS or el.end <= el.start:
            continue
        # a table's rows are one list whatever their classes ("<tr class="firma">" among the
        # private subscribers of a phone book's street page)
        sig = "tr" if tag == "tr" else el.signature
        groups[(el.parent, sig)].append((el.start, el.end))
    best: tuple[int, int, float, list[tuple[int, int]]] | None = None
    for (_parent, gsig), members in groups.items():
        if len(members) < 2:
            continue
        with_signal = [(s, e) for s, e in members if _count_in(signals, s, e) >= 1]
        qualified = [(s, e) for s, e in with_signal if _count_in(names, s, e) >= 1]
        if not qualified and gsig == "tr" and len(with_signal) >= 3 and not _field_rows(
                doc, members, names):
            # a phone book's street page: the profile person's row hides the number ("14 |
            # VAITKEVIČIENĖ Jurgita | rodyti numerį") among rows that print theirs
            qualified = [(s, e) for s, e in members if _count_in(names, s, e) >= 1]
        # a list of people: several records with an age/address/phone, at least one of them
        # naming a profile person (the others may be unrelated people)
        if len(with_signal) < 2 or not qualified:
            continue
        first = min(s for s, _e in members)
        # (a heading above the values, in an element of its own, says so only under a
        # profile person's name: on someone else's card its relatives' rows stay records)
        above = _count_in(names, 0, first) >= 1
        headed = sum(1 for s, _e in members if _SECTION_HEAD.match(doc.folded, s)
                     or (above and _headed_above(doc.folded, s)))
        if headed * 2 >= len(members):
            # "Current Address …", "Phone Numbers …", "Possible Relatives …": the sections of
            # one person's card, not records of several people
            continue
        if sum(_headed_sheet(doc, s, e, names) for s, e in members) * 2 >= len(members):
            # a record's sections, each a heading over its label-and-value rows ("Parcel
            # Summary", "Owner / Primary Owner · CARRINGTON LORETTA J", "Exemptions"): one
            # property record, not records of several people
            continue
        if (
            len(qualified) == 1
            and not _names_first(doc.text, names, *qualified[0])
            and _count_in(names, 0, first) >= 1
        ):
            # the rows of one person's card, named in the heading above it: "Address …",
            # "Age Guide …", "Other occupants  Jonathan Pryor" (a name after a label)
            continue
        avg = sum(e - s for s, e in members) / len(members)
        # most qualifying members first; on a tie the larger elements (whole records rather
        # than the rows inside one record)
        cand = (len(qualified), len(with_signal), avg, members)
        if best is None or cand[:3] > best[:3]:
            best = cand
    if best is None:
        return []
    rows = _outermost(best[3])
    # a second list of the same kind elsewhere on the page (a race's "Kinderlauf" table under
    # its "5 km" table) that names a profile person: its rows are records too, not text
    # outside the blocks
    best_sig = next(sig for (_p, sig), m in groups.items() if m is best[3])
    lo, hi = min(s for s, _e in rows), max(e for _s, e in rows)
    # (not when the rows are a card's relatives, under their heading: the card's own lines
    # above them, "Age 51, Born March 1975" and its "Also Seen As" names, are the card's)
    related = _relatives_heading(doc.folded, lo) is not None
    for (_p, sig), members in groups.items():
        if related or members is best[3] or sig != best_sig or len(members) < 2:
            continue
        if not any(_count_in(names, s, e) for s, e in members):
            continue
        if _field_rows(doc, members, names):
            continue  # "Committee ID | 34519", "Address | …", "Chair | …": one record's sheet
        more = _outermost(members)
        if all(e <= lo or s >= hi for s, e in more):
            rows = sorted(rows + more)
            lo, hi = min(lo, more[0][0]), max(hi, more[-1][1])
    first = rows[0][0]
    rh = _relatives_heading(doc.folded, first)
    if rh is not None and "\t" in doc.folded[doc.folded.rfind("\n", 0, rh.start()) + 1:
                                             _line_end(doc.folded, rh.start())]:
        # "Name · Age · Location · Phone · Related To", "Family · Swimmer(s) · Phone ·
        # Address": a column of a table's header row, not a heading over the rows
        rh = None
    if rh is not None and not _count_in(names, 0, first):
        # a card of someone not in the profile: only a heading that is nothing but a relatives
        # word ("Rude", "Relatives (2)") says its rows are that person's relatives — not a
        # "Family Directory" over a club's families
        line = doc.folded[doc.folded.rfind("\n", 0, rh.start()) + 1:_line_end(doc.folded, rh.start())]
        if not _REL_ONLY.fullmatch(line.strip()) or _ADDRESS_PEOPLE.fullmatch(line.strip()):
            rh = None
    if rh is not None:
        # "Helen L Marchetti … Current Address … Possible Relatives & Household: Andrew James
        # Marchetti, 60 · Patricia Mary Doyle, 84": one person's card, then its relatives, each
        # row its own record (its own age) — not a list of people found
        return [Block(0, first, "page", "card"),
                *(Block(s, e, "listing", "relatives") for s, e in rows)]
    return [Block(s, e, "listing", "heuristic") for s, e in rows]
