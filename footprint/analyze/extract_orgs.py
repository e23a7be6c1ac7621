"""Schools and employers in page text.

Companies: a name with its legal form (d.o.o., s.r.o., Sp. z o.o., SRL, Ltd, LLC, GmbH …) within a
few words of an officer's role (director, direktor, jednatel, prezes zarządu, administrator,
statutory agent …): registers of companies name a relative who runs one.
Schools: capitalised names ending in School, Academy, Elementary, Kindergarten, Preschool,
Daycare, Nursery or College, and Czech ones starting with ZŠ, MŠ, Základní/Mateřská/Střední
škola or Gymnázium. Employers: the organisation after "works at", "employed by", "RN at",
"nurse manager at", "Employer:", "pracuje v" … The analyzer keeps a school only near a child's
name and an employer only near a relative's name; the profile's own school and employer strings
are matched there directly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .extract import ExtractContext, Found

_CAPWORD = r"(?:St\.|[A-Z][A-Za-z'’&.\-]{1,24})"
# (a space, never a tab: a tab separates a table's cells — "Player | Pos | YOB | School" is a
# header row, not a school)
_JOIN = r"(?:[ ](?:of|and|the|de|for|&)[ ]|[ ])"
# Found from the keyword backwards (a regex that starts with "any capitalised word" would try
# every capital of the page).
_KW = (
    r"(?:School|Academy|Elementary|Kindergarten|Preschool|Pre-School|Daycare|Day Care|"
    r"Nursery|College|Primary|Montessori)"
)
_SCHOOL_WORD = re.compile(rf"{_KW}(?:[ \t]{_KW}){{0,2}}(?![A-Za-z])")
_NAME_BEFORE = re.compile(rf"((?:{_CAPWORD}{_JOIN}){{1,6}})$")
_OF_PLACE = re.compile(rf"[ \t]of[ \t]{_CAPWORD}(?:[ \t]{_CAPWORD}){{0,2}}(?![A-Za-z])")
_CZ_CAP = r"[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ0-9][\wáčďéěíňóřšťúůýž.\-]{0,25}"
_SCHOOL_CZ = re.compile(
    rf"((?:ZŠ|MŠ|SŠ|Základní škola|Mateřská škola|Střední škola|Gymnázium|Gymnasium)"
    rf"(?:[ \t,]{{1,3}}(?:a[ \t])?{_CZ_CAP}){{0,5}})"
)
_ORG = re.compile(
    rf"((?:[A-Z][A-Za-z'’&.\-]{{1,30}})(?:{_JOIN}[A-Z][A-Za-z'’&.\-]{{1,30}}){{0,6}})"
)
_EMPLOYER = re.compile(
    r"(?:works|working|worked)[ \t](?:at|for)[ \t]|employed[ \t](?:at|by)[ \t]|"
    r"employee[ \t]of[ \t]|"
    r"(?:RN|nurse|nurse manager|manager|director|teacher|engineer|physician|doctor|professor|"
    r"accountant|attorney|lawyer|officer|analyst|consultant|developer|administrator)"
    r"[ \t](?:at|with)[ \t]|"
    r"[Ee]mployer:[ \t]{0,2}|[Ww]orkplace:[ \t]{0,2}|[Ww]orks at:[ \t]{0,2}|"
    r"pracuje[ \t](?:v|ve|u|pro)[ \t]|zaměstnán[aý]?[ \t](?:v|ve|u)[ \t]|zaměstnavatel:[ \t]{0,2}"
)


# Company names with their legal form ("PERKOVIĆ PROJEKT d.o.o.", "Kalenica Architekci Sp. z o.o.",
# "Ocotillo Ridge Animal Hospital, PLLC") and the roles company registers print next to a person:
# a relative who directs, founded or represents a company works there (registers of companies,
# their re-publishers, associations' registers).
HOLDING_WORDS = frozenset(
    "properties property holdings holding investments investment trust family realty estates "
    "estate capital assets leasing nekretnine imobiliare nemovitosti "
    # a building's own company and its manager: the residents' housing company (Finnish "Asunto
    # Oy", Swedish "Brf"), an owners' association, a property manager ("isännöinti", "syndic",
    # "Hausverwaltung", "správa nemovitostí")
    "asunto kiinteisto isannointi isannointipalvelu isannointitoimisto bostadsrattsforening brf "
    "housing condominium hausverwaltung syndic condominio amministrazioni vve beheer spoldzielnia "
    "wspolnota svj druzstvo zajednica suvlasnika".split()
)


def holds_assets(name: str) -> bool:
    """A company that holds assets, not a workplace: "KERR-MONTANO PROPERTIES, L.L.C.",
    "… Family Trust", "… Holdings Ltd"."""
    folded = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()
    return bool(set(re.findall(r"[a-z]+", folded)) & HOLDING_WORDS)


# a company's legal form, as printed after its name (shared by corroborate's operator's seat)
LEGAL_FORM = (
    r"(?:(?i:d\.\s?o\.\s?o\.|d\.\s?d\.|j\.\s?d\.\s?o\.\s?o\.|s\.\s?r\.\s?o\.|a\.\s?s\.|"
    r"sp\.\s?z\s?o\.\s?o\.|sp\.\s?j\.|sp\.\s?k\.|S\.\s?A\.|S\.\s?R\.\s?L\.|SRL|SA|"
    r"Ltd\.?|Limited|LLC|L\.L\.C\.|PLLC|LLP|Inc\.?|Corp\.?|GmbH|AG|DAC|CLG|UAB|Kft\.|Zrt\.|"
    # Greek (in Latin letters), Icelandic, Spanish, Luxembourgish and Belgian forms
    r"I\.\s?K\.\s?E\.|IKE|E\.\s?P\.\s?E\.|O\.\s?E\.|A\.\s?E\.|ehf\.?|hf\.|S\.\s?L\.(?:U\.)?|"
    r"S\.\s?à\s?r\.\s?l\.|S\.\s?a\s?r\.\s?l\.|SARL|a\.\s?s\.\s?b\.\s?l\.|"
    # Baltic, Albanian, Macedonian and Bulgarian (in Latin letters), Nordic, Dutch, Italian,
    # Portuguese and French forms
    r"MB|VšĮ|SIA|OÜ|MTÜ|sh\.\s?p\.\s?k\.|sh\.\s?a\.|DOOEL|DOO|EOOD|OOD|Oyj?|ApS|A/S|"
    r"B\.\s?V\.|N\.\s?V\.|BV|NV|S\.\s?p\.\s?A\.|Lda\.?|SASU|SAS|EURL)"
    # German forms, in their own case only ("5 kg" is no company): "…gesellschaft mbH",
    # "Weber KG", "OHG", "UG", "e.K.", "PartG mbB"
    r"|mbH|KG|OHG|UG|e\.\s?K\.|PartG(?:[ \t]?mbB)?)"
)
COMPANY = re.compile(
    # (never from inside a word: "Ā-ſ" holds lower-case letters too, "preduzeće SOFTIĆ-PROMET")
    r"(?<![\w])((?:[A-ZÀ-ÖØ-ÞĀ-ſȘȚ0-9][\w&'’.\-]{0,30}[ \t]{1,2}){0,5}[A-ZÀ-ÖØ-ÞĀ-ſȘȚ0-9][\w&'’.\-]{0,30}"
    r",?[ \t]{1,2})" + LEGAL_FORM
    + r"(?![\w])"
)
# the company a register page is about, in its title: "Girios kodas, MB – rekvizitai.lt",
# "„Duomenų tiltas“, UAB" (a name of lower-case words, or quoted, that COMPANY does not read)
TITLE_COMPANY = re.compile(
    r"^[ \t„“\"«]*(?P<name>[^\W\d_][^,|–—:\n]{1,60}?)[“\"»]?,?[ \t]{1,2}" + LEGAL_FORM
    + r"(?![\w])"
)
OFFICER = re.compile(
    r"(?<![a-z])(?:directors?|managing director|company secretary|secretary|officers?|"
    r"founders?|co-founders?|owners?|members?|managers?|registered agent|statutory agent|agent|partner|"
    r"president|principal|direktor|direktorica|osnivac|osnivacica|clan uprave|predsjednik uprave|"
    r"prokurist|prokurent|prezes|prezes zarzadu|czlonek zarzadu|wspolnik|jednatel|jednatelka|"
    r"spolecnik|reditel|reditelka|predseda|konatel|administrator|asociat|fondator|geschaftsfuhrer|"
    r"gesellschafter|odgovorna osoba|osoba ovlastena za zastupanje|directorul|managing|"
    r"zakladatel|vlasnik|majitel|wlasciciel|proprietor|gerant|administrador|amministratore|"
    r"spolocnik|statutar|"
    # Greek (read in Latin letters), Icelandic, Catalan, French and German feminine forms
    r"diacheiristis|diacheiristria|melos ds|proedros ds|dieythynon symvoulos|"
    r"nomimos ekprosopos|ekprosopoumeni|ekprosopoumenos|stjornarmadur|stjornarformadur|framkvamdastjori|varamadur|"
    r"prokuruhafi|administradora|conseller|consellera|apoderat|apoderada|gerent|administrateur|"
    r"administratrice|gerante|associe|associee|geschaftsfuhrerin|gesellschafterin|"
    r"verwaltungsratsmitglied|inhaber|inhaberin|"
    # Lithuanian, Latvian, Estonian, Finnish, Scandinavian, Dutch, Albanian and Macedonian (in
    # Latin letters) roles
    r"vadovas|vadove|direktorius|direktore|valdybos narys|valdybos pirmininkas|steigejas|"
    r"savininkas|dalininkas|akcininkas|valdes loceklis|valdes priekssedetajs|dalibnieks|"
    r"juhatuse liige|osanik|asutaja|toimitusjohtaja|hallituksen jasen|hallituksen puheenjohtaja|"
    r"styrelseledamot|verkstallande direktor|bestyrelsesmedlem|styremedlem|daglig leder|"
    r"bestuurder|vennoot|ortak|ortake|aksionar|themelues|upravitel|osnovac|sopstvenik|"
    r"ugyvezeto|tulajdonos|gerente|socio|titolare)(?![a-z])"
)
OFFICER_NEAR = 120
"""Characters between a company's name and an officer's role for the company to count as a
workplace of the person named there."""


class OrgExtractor:
    """Schools → Found("school"); employers → Found("employer")."""

    kinds = ("school", "employer")

    def extract(self, text: str, folded: str, ctx: ExtractContext) -> Iterable[Found]:
        out = []
        for m in _SCHOOL_WORD.finditer(text):
            if m.start() > 0 and text[m.start() - 1].isalpha():
                continue
            nb = _NAME_BEFORE.search(text, max(0, m.start() - 170), m.start())
            if not nb:
                continue
            start = nb.start(1)
            if start > 0 and text[start - 1].isalpha():
                continue
            end = m.end()
            of = _OF_PLACE.match(text, end)
            if of:
                end = of.end()
            name = trim_org(text[start:end])
            if len(name.split()) >= 2:
                s = start + text[start:end].find(name)
                out.append(Found("school", s, s + len(name), name))
        for m in _SCHOOL_CZ.finditer(text):
            if m.start() > 0 and text[m.start() - 1].isalnum():
                continue
            name = trim_org(m.group(1))
            out.append(Found("school", m.start(1), m.start(1) + len(name), name))
        for m in COMPANY.finditer(text):
            if re.match(r"[ \t]{0,2}[„“\"«]", text[m.end():m.end() + 3]):
                continue  # the form opens the next name: "Brolis UAB „Kuršių jachtos“"
            name = trim_org(m.group(0))
            s0 = m.start() + m.group(0).find(name)
            lo, hi = max(0, s0 - OFFICER_NEAR), min(len(text), s0 + len(name) + OFFICER_NEAR)
            if OFFICER.search(folded, lo, hi) and not holds_assets(name) \
                    and not _entity_type(name):
                out.append(Found("employer", s0, s0 + len(name), name, (("company", "1"),)))
        for m in _EMPLOYER.finditer(text):
            if m.start() > 0 and text[m.start() - 1].isalpha():
                continue
            om = _ORG.match(text, m.end())
            if om:
                name = trim_org(om.group(1))
                out.append(Found("employer", om.start(1), om.start(1) + len(name), name))
        return sorted(out, key=lambda f: f.start)


# the words a register prints for a company's kind, not its name: "Company Type: Domestic Limited
# Liability Company", "Entity Type LLC"
_ENTITY_TYPE_WORDS = frozenset(
    "domestic foreign entity type company limited liability corporation partnership general "
    "professional business stock nonstock profit nonprofit non public private mutual "
    "benefit llc inc ltd plc lp llp pllc corp co".split()
)


def _entity_type(name: str) -> bool:
    """A company's kind as a register labels it, with no name of its own."""
    words = re.findall(r"[a-z]+", name.lower())
    return bool(words) and all(w in _ENTITY_TYPE_WORDS for w in words)


def trim_org(name: str) -> str:
    """An organisation's name without the punctuation and sentence word around it."""
    name = name.strip(" \t,.")
    # drop a leading sentence word ("At Brookside Middle School" → "Brookside Middle School")
    words = name.split()
    while words and words[0] in ("At", "The", "In", "From", "To", "A", "Our", "My", "Her", "His"):
        if len(words) <= 2:
            break
        words.pop(0)
    return " ".join(words)
