"""Names: search-ready variants of a person's name, and a matcher that finds the person's name
(in the forms pages print it) in page text.

Matching works on a *folded* copy of the text (`fold`): lowercase ASCII, one character for one
character, so every offset found in the folded text is an offset in the original. The matcher
looks for the surname (and its Czech case forms when asked) and then reads the words around it:
given name, middle initial, initials, nickname, reversed order. Each match names the rule that
recognised it; `docs/matching.md` lists them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nicknames import NickNamer
from unidecode import unidecode

from ..masking import CJK_LETTERS
from ..profile import Person
from .scripts import latin

# --- folding ---------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """One ASCII character for one character, so offsets survive folding. Characters that
    transliterate to nothing become a space (they separate nothing we match). A capital folds
    as its small letter does (unidecode spells "Ξ" "Ks" but "ξ" "x": "ΑΛΕΞΑΝΔΡΟΣ" is
    "Αλέξανδρος")."""
    low = ch.lower()
    out = unidecode(low if len(low) == 1 else ch)[:1]
    return out.lower() if out and out.isascii() else " "


def fold(text: str) -> str:
    """Lowercase, strip diacritics, keep the length: "Řezníčková" → "reznickova"."""
    if text.isascii():
        return text.lower()
    table = {ord(c): _fold_char(c) for c in set(text) if ord(c) > 127}
    return text.translate(table).lower()


def unglottal(text: str) -> str:
    """`text` without the ʻokina (or an apostrophe printed for it) inside a word, and without
    the macrons of long vowels, as pages print Hawaiian and Māori words: "Kāneʻohe" →
    "Kaneohe", "Kane'ohe" → "Kaneohe"."""
    text = re.sub(r"(?<=[^\W\d_])[ʻʼ'’‘`](?=[^\W\d_])", "", text)
    return text.translate(_MACRONS)


_MACRONS = str.maketrans("āēīōūĀĒĪŌŪ", "aeiouAEIOU")


def ascii_name(text: str) -> str:
    """Full transliteration for display and search ("Dănileț" → "Danilet")."""
    return unidecode(text)


# --- name parts --------------------------------------------------------------------------------

_HONORIFICS = frozenset(
    "hon honorable honourable judge justice mr mrs ms miss dr prof sir dame lady lord "
    "judr mgr ing phdr mudr rndr doc bc "
    # German and Austrian academic titles, before or after the name ("Mag.a", "BSc"; "DI" only
    # in capitals after a given name: "Di" is also a first name and an Italian particle)
    "dipl mag dkfm ddr bsc msc llm mba univ".split()
)
def is_title(word: str) -> bool:
    """A title or honorific before a name ("Dr.", "Hon.", "Mgr."), or a Hungarian name's
    "ifj." / "id." / "özv." (younger, elder, widow)."""
    return _key(word) in _HONORIFICS or _key(word) in ("ifj", "id", "ozv")


# Courtesy and judicial titles a profile's alias may start with ("Madame la juge Lambotte",
# "Frau Richterin Overbeck", "Sra. Jueza Ferrer"): dropped before the name is split, never a
# given name (their initial is not the person's)
_ALIAS_TITLES = frozenset(
    "madame monsieur mme mlle mademoiselle frau herr signora signor sra srta senora senor "
    "dna doamna domnul pani gospa gospod gda mevrouw mevr dhr fru herra rouva kyria kyrios "
    "juge juez jueza giudice richter richterin rechter judecator judecatoare sedzia sodnica "
    "sodnik sudkyna sudca sutkinja sudac domare radman tuomari karajatuomari dommer kohtunik "
    "tiesnese tiesnesis teiseja biro magistrat magistrate magistrada magistrado jutge jutgessa "
    # judicial abbreviations in capitals before a name: Polish "SSO" (sędzia sądu okręgowego),
    # "SSR", "SSA", "SSN"; English "HHJ" (His or Her Honour Judge)
    "sso ssr ssa ssn hhj".split()
)
_TITLE_ARTICLES = frozenset("la le il el der die the".split())
# the words of a judge's style before the name ("His Honour Judge", "District Judge", "Chief
# Magistrate", "Richterin am Amtsgericht"): dropped when the run holds a judicial title
_JUDICIAL_CORE = frozenset(
    "judge justice honour honor richter richterin recorder magistrate hhj juge juez jueza "
    "giudice".split())
_JUDICIAL_LEAD = _JUDICIAL_CORE | frozenset(
    "his her the honourable honorable district circuit deputy chief presiding associate "
    "senior lord lady mr mrs ms am an der des of vorsitzende vorsitzender".split())
_SUFFIXES = frozenset("jr sr ii iii iv phd ph.d qc kc esq csc".split())
GENERATIONS = frozenset("jr sr ii iii iv".split())
"""Generational suffixes: "James R. Whitfield Jr." and "James R. Whitfield III" are a father
and his son."""
# a generational suffix right after a name, as printed: "Whitfield Jr.", "WHITFIELD JAMES R III",
# "Whitfield, James R., Jr."
_GENERATION_AFTER = re.compile(r"\.?[ \t]*,?[ \t]*(jr|sr|ii|iii|iv)(?![a-z0-9'])")


def generations(names: Iterable[str]) -> frozenset[str]:
    """The generational suffixes a person's names carry ("III" of "James Robert Whitfield
    III")."""
    return frozenset(t for n in names for t in re.findall(r"[a-z]+", fold(n))
                     if t in GENERATIONS)
_PARTICLES = frozenset(
    "van von de der den del della da di du la le st dos das ter ten "
    # Flemish contractions printed with a capital ("Liesbeth Vande Casteele", "Vanden Bossche"),
    # French, Italian, Swedish and German ones
    "vande vanden vander ver des dei degli dal af zu "
    # Irish and Scottish Gaelic: Ó Dónaill, Ní Dhónaill, Nic Giolla, Mac Cárthaigh, Uí Néill
    "o ni nic mac mc ui ua mhic bean "
    # Italian and Sicilian ones printed with a capital ("Rosalba Maria Lo Bianco", "Stefano
    # Dalla Valle"), Arabic and Berber ones ("Youssef El Amrani", "Ahmed Al Hashimi", "Karim Ben
    # Ali", "Said Ait Ahmed"); never the first word of a name ("Ben Smith" is a given name)
    "lo dalla dalle dello delle el al ben bin ibn abu abou ait".split()
)


@dataclass(frozen=True)
class NameParts:
    """A personal name split into given names and surname."""

    given: tuple[str, ...]
    """Given names in order (first, middles), as written."""
    surname: str
    """The family name, with particles ("van der Berg"), as written."""

    @property
    def first(self) -> str:
        return self.given[0] if self.given else ""

    @property
    def middles(self) -> tuple[str, ...]:
        return self.given[1:]


def split_name(name: str) -> NameParts:
    """Split "Hon. Eleanor Ruth Whitfield Jr." into given names and surname. Handles
    "Surname, Given" and surname particles; titles and suffixes are dropped."""
    name = " ".join(name.split())
    if "," in name:
        head, _, tail = name.partition(",")
        tail_tokens = [t.rstrip(",") for t in tail.split() if _key(t) not in _SUFFIXES]
        if tail_tokens:
            return split_name(" ".join([*tail_tokens, head]))
        name = head  # only a suffix after the comma: "Robert L. Ashby, III"
    tokens = [t for t in name.split() if t]
    lead = 0
    while lead < len(tokens) - 1 and (
            _key(tokens[lead]) in _JUDICIAL_LEAD or _key(tokens[lead]).endswith("gericht")
            or _key(tokens[lead]) in _ALIAS_TITLES or _key(tokens[lead]) in _HONORIFICS):
        lead += 1
    if any(_key(t) in _JUDICIAL_CORE for t in tokens[:lead]):
        # a judge's style before the name: "His Honour Judge Harjit Singh Sandhu", "District
        # Judge Imran Hussain", "Richterin am Amtsgericht Ayşe Yılmaz-Brandt"
        tokens = tokens[lead:]
    while len(tokens) > 1 and (
            _key(tokens[0]) in _HONORIFICS or _key(tokens[0]) in _ALIAS_TITLES
            or (len(tokens) > 2 and _key(tokens[0]) in _TITLE_ARTICLES
                and _key(tokens[1]) in _ALIAS_TITLES | _HONORIFICS)):
        tokens.pop(0)
    while len(tokens) > 1 and _key(tokens[-1]) in _SUFFIXES:
        tokens.pop()
    if len(tokens) == 1:
        return NameParts((), tokens[0])
    caps = 0
    while caps < len(tokens) and _upper_word(tokens[caps]):
        caps += 1
    if 0 < caps < len(tokens) and not any(_upper_word(t) for t in tokens[caps:]):
        # a register's form, the surname first in capitals: "REUTER-SCHILTZ Marie-Thérèse",
        # "VAN DER BERG Anna Maria"
        return NameParts(tuple(tokens[caps:]), " ".join(tokens[:caps]))
    if len(tokens) >= 2 and not _is_initials(tokens[0]) and all(_is_initials(t) for t in tokens[1:]):
        # "Tarnavska N.Ya.", "Novák J.": the surname first, then the initials of the given names
        return NameParts(tuple(tokens[1:]), tokens[0])
    if len(tokens) >= 4 and tokens[-2] == "y" and tokens[-3][:1].isupper():
        # two surnames joined by "y", the Spanish way, in any language's profile: "María
        # Dolores Archuleta y Baca", "José Ortega y Gasset"
        return NameParts(tuple(tokens[:-3]), " ".join(tokens[-3:]))
    i = len(tokens) - 1
    while i > 1 and (_key(tokens[i - 1]) in _PARTICLES or (
            # a Dutch married name, the husband's surname joined to her own with its particle:
            # "Margriet Veenstra-ten Brink", "Anna Jansen-de Vries"
            "-" in tokens[i - 1] and _key(tokens[i - 1]).rsplit("-", 1)[1] in _PARTICLES)):
        i -= 1
    return NameParts(tuple(tokens[:i]), " ".join(tokens[i:]))


_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.)+$")


def _upper_word(token: str) -> bool:
    """A word in capitals of three letters or more ("REUTER", "VAN"), not initials ("J.",
    "B.P.", "JP") nor a title ("DI")."""
    letters = [c for c in token if c.isalpha()]
    return "." not in token and len(letters) >= 3 and all(c.isupper() for c in letters)


def _is_initials(token: str) -> bool:
    """"N.", "N.Ya.", "J.K.": initials, each closed by a full stop."""
    return bool(_INITIALS.match(token))


def _key(token: str) -> str:
    return fold(token).strip(".,")


# --- nicknames -----------------------------------------------------------------------------------

# A small built-in table of common short forms (English and Czech). Both directions are used: a
# profile that says "Dan" also matches "Daniel".
_NICKNAMES: dict[str, tuple[str, ...]] = {
    "abigail": ("abby",),
    "albert": ("al", "bert"),
    "alexander": ("alex", "sandy"),
    "alexandra": ("alex", "sandra"),
    "andrew": ("andy", "drew"),
    "anthony": ("tony",),
    "barbara": ("barb", "basia"),
    "benjamin": ("ben",),
    "catherine": ("cathy", "kate", "katie"),
    "charles": ("charlie", "chuck"),
    "christine": ("chris", "tina"),
    "christopher": ("chris",),
    "daniel": ("dan", "danny"),
    "deborah": ("deb", "debbie"),
    "dorothy": ("dot", "dottie"),
    "edward": ("ed", "ted", "eddie"),
    "eleanor": ("ellie", "nora"),
    "elizabeth": ("liz", "beth", "betty", "lizzie"),
    "frederick": ("fred",),
    "gerald": ("gerry",),
    "harold": ("harry",),
    "henry": ("harry", "hank"),
    "jacqueline": ("jackie",),
    "james": ("jim", "jimmy", "jamie"),
    "jennifer": ("jen", "jenny"),
    "jessica": ("jess",),
    "john": ("jack", "johnny"),
    "jonathan": ("jon",),
    "joseph": ("joe",),
    "katherine": ("kate", "kathy", "katie"),
    "kathryn": ("kate", "kathy", "katie"),
    "kenneth": ("ken",),
    "lawrence": ("larry",),
    "margaret": ("maggie", "peggy", "meg"),
    "matthew": ("matt",),
    "michael": ("mike",),
    "nicholas": ("nick",),
    "patricia": ("pat", "patty", "trish"),
    "peter": ("pete",),
    "rebecca": ("becky",),
    "richard": ("rick", "dick", "richie"),
    "robert": ("bob", "rob", "bobby"),
    "ronald": ("ron",),
    "samantha": ("sam",),
    "samuel": ("sam",),
    "sophia": ("sophie",),
    "stephen": ("steve",),
    "steven": ("steve",),
    "susan": ("sue",),
    "thomas": ("tom", "tommy"),
    "timothy": ("tim",),
    "victoria": ("vicky", "tori"),
    "william": ("bill", "will", "billy"),
    # Irish and Spanish
    "bridget": ("brid", "bridie"),
    "guadalupe": ("lupe",),
    "jose": ("pepe",),
    "francisco": ("paco", "pancho"),
    "dolores": ("lola",),
    "ignacio": ("nacho",),
    # Polish (the diminutives families write; their case forms are matched too)
    "malgorzata": ("gosia", "malgosia"),
    "zuzanna": ("zuzia", "zuza"),
    "tomasz": ("tomek",),
    "katarzyna": ("kasia",),
    "agnieszka": ("aga",),
    "aleksandra": ("ola",),
    "joanna": ("asia",),
    "anna": ("ania",),
    "magdalena": ("magda",),
    "piotr": ("piotrek",),
    "wojciech": ("wojtek",),
    "stanislaw": ("staszek",),
    "elzbieta": ("ela",),
    "jadwiga": ("jadzia",),
    "krzysztof": ("krzys",),
    "grzegorz": ("grzes",),
    # Croatian and Serbian
    "ivana": ("iva",),
    "katarina": ("kata",),
    "marija": ("mara", "maja"),
    "josip": ("joso", "jozo"),
    "ivan": ("ivo",),
    "lucija": ("luce",),
    # Romanian
    "gheorghe": ("ghita",),
    "ion": ("ionel",),
    "ioana": ("ioni",),
    "elena": ("lena",),
    "alexandru": ("sandu",),
    # Ukrainian and Russian, in the Latin letters pages are read in (Ukrainian "Іра", "Соня",
    # Russian "Саша", "Наташа")
    "iryna": ("ira",),
    "irina": ("ira",),
    # (and the spellings of one name in the two languages: Ukrainian "Софія", Russian "Софья",
    # "София")
    "sofiia": ("sofiya", "sofya", "sonia", "sonya"),
    "sofiya": ("sofiia", "sofya", "sonia", "sonya"),
    "sofya": ("sofiia", "sofiya", "sonia", "sonya"),
    "oleksandr": ("sasha", "sashko"),
    "aleksandr": ("sasha",),
    "oleksandra": ("sasha",),
    "nataliia": ("natasha",),
    "natalya": ("natasha",),
    "volodymyr": ("volodia", "vova"),
    "vladimir": ("volodya", "vova"),
    "mykola": ("kolia",),
    "nikolay": ("kolya",),
    "kateryna": ("katia",),
    "ekaterina": ("katya",),
    "mariia": ("masha",),
    "tetiana": ("tania",),
    "tatyana": ("tanya",),
    "dmytro": ("dima",),
    "dmitry": ("dima",),
    "mykhailo": ("misha",),
    "mikhail": ("misha",),
    "yevhen": ("zhenia",),
    "evgeny": ("zhenya",),
    "anastasiia": ("nastia",),
    "anastasiya": ("nastya",),
    "svitlana": ("sveta",),
    "svetlana": ("sveta",),
    # Greek, in ELOT Latin letters ("Μπάμπης" → "Mpampis") and as English pages write them
    "charalampos": ("mpampis", "mpampos", "babis", "bambos", "charis", "harris"),
    "charalambos": ("mpampis", "mpampos", "babis", "bambos", "charis", "harris"),
    "haralambos": ("babis", "bambos", "harris"),
    "georgios": ("giorgos", "george"),
    "ioannis": ("giannis", "yiannis"),
    "konstantinos": ("kostas", "ntinos", "dinos"),
    "dimitrios": ("dimitris", "mimis"),
    "panagiotis": ("panos", "takis"),
    "aikaterini": ("katerina",),
    "evangelos": ("vangelis",),
    "anastasios": ("tasos",),
    "fotios": ("fotis",),
    "nikolaos": ("nikos",),
    # Czech
    "jan": ("honza",),
    "jiri": ("jirka",),
    "josef": ("pepa",),
    "katerina": ("katka",),
    "petr": ("peta",),
    "tomas": ("tom",),
    "pavel": ("pavlik",),
    "lucie": ("lucka",),
    "marie": ("majka",),
    "alena": ("alenka",),
}


def _load_short_names() -> None:
    """Merge footprint/data/short_names.toml (short forms per language) into _NICKNAMES."""
    path = Path(__file__).resolve().parents[1] / "data" / "short_names.toml"
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    for table in data.values():
        for full, shorts in table.items():
            have = _NICKNAMES.get(full, ())
            _NICKNAMES[full] = tuple(dict.fromkeys(
                (*have, *(s for s in shorts if s != full))))


_load_short_names()


def nicknames(given: str, wide: bool = False) -> tuple[str, ...]:
    """Folded short forms of a given name, and the long form(s) of a short one, from the
    built-in table. With `wide`, also those of the `nicknames` package's hand-curated English
    table (about 1,100 names; "Kathy" for Kathleen, "Paddy" for Patrick) that start with the
    same two letters. The wide forms are used only where the surname stands beside the name, since
    short forms like "Kit" or "Will" are common words or other people's first names."""
    key = fold(given)
    out = list(_NICKNAMES.get(key, ()))
    out += [full for full, shorts in _NICKNAMES.items() if key in shorts]
    if wide and key:
        # only a shorter form that starts like the name ("Kathy", "Kay" for Kathleen), or a
        # longer one for a short name ("Albert" for Al): not the rare "Lena" or "Trina" for
        # Kathleen or "Peter" for Patrick, which are names of their own
        table = _english_nicknames()
        out += sorted(n for n in table.nicknames_of(key) if n[:2] == key[:2] and len(n) < len(key))
        out += sorted(n for n in table.canonicals_of(key) if n[:2] == key[:2] and len(n) > len(key))
    return tuple(dict.fromkeys(o for o in out if o != key and o.isalpha()))


@lru_cache(maxsize=1)
def _english_nicknames() -> NickNamer:
    return NickNamer()


# --- search variants ---------------------------------------------------------------------------


def variants(person: Person) -> list[str]:
    """Search-ready name variants, most useful first, de-duplicated (case-insensitive): full name,
    first + last, aliases, first-initial forms, nickname forms, folded-diacritic forms."""
    parts = split_name(person.name)
    out: list[str] = [person.name]
    if parts.given:
        out.append(f"{parts.first} {parts.surname}")
    out += list(person.aliases)
    if parts.given:
        if parts.middles:
            out.append(f"{parts.first} {parts.middles[0][0]}. {parts.surname}")
        out.append(f"{parts.first[0]}. {parts.surname}")
        for nick in nicknames(parts.first):
            out.append(f"{_cap_like(nick, parts.first)} {parts.surname}")
    for v in list(out):
        if not v.isascii():
            out.append(ascii_name(v))
    out += [digraph_spelling(v) for v in out[:2] if digraph_spelling(v) != v]  # "Mueller"
    out += [v.replace("ß", "ss") for v in out[:2] if "ß" in v]  # "Mössner"
    seen: set[str] = set()
    result = []
    for v in out:
        v = " ".join(v.split())
        k = v.lower()
        if v and k not in seen:
            seen.add(k)
            result.append(v)
    return result


def _cap_like(word: str, model: str) -> str:
    return word.upper() if model.isupper() else word[:1].upper() + word[1:]


# --- Czech (and other inflected languages) case forms --------------------------------------------

# Case endings a Czech name or place can take after its stem (folded). Kept tight on purpose:
# "ova" is not an ending (Novák → Nováková is another person, not a case form).
CASE_ENDINGS = frozenset(
    # Czech and Slovak
    "a e i o u y ou em ovi ove ovou ym ymi ych eho emu ach am ami ich im imi iho imu "
    # Polish (-iej, -ego, -owi, plural -owie) and Croatian / Serbian (-om, -oj, -ima, -oga; an
    # adjective's -og, -ome: "Novog Sada", "u Novome Sadu")
    "ej iej ego owi owie om oj ima iju oga omu eg ega og ome "
    # Slovenian: a "-j-" after a final "r" ("Gregorja", "Gregorju", "z Gregorjem")
    "ja ju jem "
    # Greek, in Latin letters: "Tsolakis" / "Tsolaki", "Nikolaos" / "Nikolaou", "Thessaloniki" /
    # "Thessalonikis", "Panorama" / "Panoramatos"
    "os is as es on atos "
    # Finnish: "Kallioniemen", "Kallioniemelle", "Riikan", "Eelikselle", "Tampereella"
    "n lle lla lta ssa sta na ksi an en in un een elle ella eella "
    # Ukrainian, in Latin letters: "Tarnavskoi" (Тарнавської), "Natalii", "Andriiem",
    # "Halinzhproekti"
    "oi oiu ii ia iu iem ei eiu ykh ym ymy oho yi "
    # Russian, in Latin letters: "Kuznetsovoy" (Кузнецовой), "Kuznetsovoyu"
    "oy oyu "
    # Hungarian, on the last word (the given name: "Kovács Péternek", "Nagy Erzsébetet", "Kovács
    # Annával", "Kovács Péterrel" after a doubled consonant, "Annáról", "Péterhez")
    "t at et ot nak nek val vel al el hoz hez tol rol bol ban ben ba be ra re ert nal nel "
    # Lithuanian and Latvian: "Tomo Baltrušaičio", "Tomui Baltrušaičiui", "Ingridai",
    # "Ingridos", "Baltrušaitienei", "Baltrušaitienės", "Vilniuje", "Trakuose", "Vilniaus"
    "ai ui iui io oje eje uje uose ose iai ams am ei umi imi aus "
    # Estonian, on the genitive stem: "Kristiina Põdrale" (Põder), "Maie Lõhmusele", "Tartus",
    # "Andresega", "Tartust"
    "le ale ele ile ule ga aga ega iga lt alt elt st ust ist ast est ni ks "
    # Icelandic: "Guðrúnu", "Guðrúnar", "Helgu", "Jónsdóttur", "Stefáns", "Einarssyni"
    "ar ur s "
    # Albanian definite and case forms: "Ermali", "Ermalin", "Ermalit", "Çobës", "Blerinën";
    # of a surname in "-u": "Çitakut", "Çitakun"
    "it ut".split()
)
GENITIVE_LANGUAGES = frozenset({"da", "sv", "no", "nb", "nn", "is", "de"})
GENITIVE_COUNTRIES = frozenset({"DK", "SE", "NO", "IS", "DE", "AT", "CH", "LI"})


def has_genitive(language: str, country: str | None) -> bool:
    """Whether names take a genitive "-s" without an apostrophe ("Helena Sandahls dotter")."""
    return language in GENITIVE_LANGUAGES or (country or "") in GENITIVE_COUNTRIES


INFLECTED_LANGUAGES = frozenset({"cs", "sk", "pl", "sl", "hr", "sr", "el", "fi", "uk", "hu",
                                 "lt", "lv", "et", "is", "sq", "bs", "cnr"})
INFLECTED_COUNTRIES = frozenset({"CZ", "SK", "PL", "SI", "HR", "RS", "GR", "CY", "FI", "UA",
                                 "HU", "LT", "LV", "EE", "IS", "AL", "XK", "BA", "ME"})


TWO_SURNAME_LANGUAGES = frozenset({"es"})
TWO_SURNAME_COUNTRIES = frozenset({"ES", "MX", "AR", "CL", "CO", "PE", "VE", "UY", "PY", "BO",
                                   "EC", "CR", "PA", "GT", "HN", "SV", "NI", "DO", "CU", "PR"})


def two_surnames(language: str, country: str | None) -> bool:
    """Whether a name of three words or more ends in two surnames, the first the one a person
    is called by ("Ángela Núñez García" is "Ángela Núñez"): Spanish naming."""
    return language in TWO_SURNAME_LANGUAGES or (country or "") in TWO_SURNAME_COUNTRIES


def keeps_two_surnames(name: str, aliases: Iterable[str]) -> bool:
    """Whether a person outside a Spanish-naming country goes by two surnames all the same: an
    alias is the name without its last word ("María Elena Gutiérrez" of "María Elena Gutiérrez
    Ruiz", in a US profile), so the last word is a second surname, not the one they are called
    by — unless another alias keeps the last word without the one before it ("Birgitte
    Skovgaard" beside "Birgitte Ravnholt" of "Birgitte Ravnholt Skovgaard": a maiden name kept
    as a middle name, the last word the surname)."""
    words = [fold(w) for w in name.split()]
    if "," in name or len(words) < 3 or not all(w[:1].isupper() for w in name.split()):
        return False  # (a name written surname first, as a Hungarian profile's: "Bárdos,
        # Gergely Tamás" with the alias "Bárdos, Gergely" drops a given name)
    forms = [[fold(w) for w in a.replace(".", " ").split()] for a in aliases]
    if any(len(f) >= 2 and f[-1] == words[-1] and f[-2] != words[-2] for f in forms):
        return False
    return any(f == words[:-1] for f in forms)


_DIGRAPHS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                           "ß": "ss", "ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa", "æ": "ae",
                           "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th"})


def digraph_spelling(text: str) -> str:
    """The spelling without umlauts and Nordic letters that German and Nordic pages and
    registers print: "Jürgen Müller" → "Juergen Mueller", "Østergård" → "Oestergaard"."""
    return text.translate(_DIGRAPHS)


_TOWN_SUFFIX = re.compile(
    r"^(.{3,}?)(?:[ \t]+(?:im|am|an der|an|ob der|in der|bei|upon|on|sur|sul|del|nad|pod)[ \t].*|"
    r"[ \t]*\(.*\))$", re.IGNORECASE
)


def town_short(city: str) -> str:
    """A town without the river or region its full name adds: "Freiburg im Breisgau" →
    "Freiburg", "Frankfurt am Main" → "Frankfurt", "Halle (Saale)" → "Halle",
    "Stratford-upon-Avon" is left alone (hyphenated), "Ústí nad Labem" → "Ústí"."""
    m = _TOWN_SUFFIX.match(city.strip())
    return m.group(1).strip() if m and len(m.group(1).strip()) >= 4 else city


def is_inflected(language: str, country: str | None) -> bool:
    """Whether names and places of a profile take grammatical case forms ("v Brně",
    "s manželem Pavlem"): its language is inflected, or its jurisdiction's is."""
    return language in INFLECTED_LANGUAGES or (country or "") in INFLECTED_COUNTRIES


def stems(word: str) -> tuple[str, ...]:
    """Folded stems of a name or place for case-form matching: "Řezníčková" → ("reznickov",),
    "Praha" → ("prah", "praz"), "Brno" → ("brn",), "Novák" → ("novak",)."""
    w = fold(word)
    if len(w) < 3:
        return (w,)
    if w.endswith(("ova", "ska", "cka")):
        base = w[:-1]
    elif w[-1] in "aeiouy":
        base = w[:-1]
    elif len(w) > 3 and w[-2] == "e" and w[-1] in "kclr":
        # a mobile e drops in the other cases: Řezníček → Řezníčka, Pavel → Pavla, Marek → Marka;
        # Hungarian doubles it before -al/-el: Péter → Péterrel
        return (w, w[:-2] + w[-1], w + w[-1])
    else:
        base = w
    out = [base]
    if len(w) > 4 and w[-1] == "s" and w[-2] in "aeiouy":
        out.append(w[:-1])  # Greek "-os", "-is" drop the "s" in other cases ("Nikolao-u")
        out.append(w[:-1] + "ks")  # Finnish "Eelis" → "Eeliks-elle"
        # Lithuanian "-as", "-is", "-ys", "-us" drop both ("Tom-o", "Algird-ui"); "t" and "d"
        # soften before "io" ("Baltrušaitis" → "Baltrušaič-io", "Gedvilaitis" → "…aič-iui")
        out.append(w[:-2])
        if w[-3] == "t":
            out.append(w[:-3] + "c")
        elif w[-3] == "d":
            out.append(w[:-3] + "dz")
    if len(w) > 4 and w[-1] == "s" and w[-2] not in "aeiouys":
        # Latvian "-s", "-š" after a consonant drops ("Mārtiņš" → "Mārtiņ-u", "-am", "-a";
        # "Bērziņš" → "Bērziņ-am")
        out.append(w[:-1])
    # Finnish stems: "Virtanen" → "Virtas-en", "Kallioniemi" → "Kallioniem-e-n", and a double
    # consonant that halves before a closed syllable ("Riikka" → "Riika-n", "Pekka" → "Peka-n")
    if len(w) > 5 and w.endswith(("skyi", "tskyi", "zkyi", "ryi")):
        out.append(w[:-2])  # Ukrainian "Tarnavskyi" → "Tarnavsk-ym", "-oho", "-omu"
    if len(w) > 5 and w.endswith(("dottir", "son")):
        # Icelandic patronymics: "Jónsdóttir" → "Jónsdótt-ur", "Einarsson" → "Einarssyn-i"
        out.append(w[:-2] if w.endswith("ir") else w[:-2] + "yn")
    if len(w) > 5 and w.endswith("ur"):
        out.append(w[:-2])  # an Icelandic nominative "-ur": "Guðmundur" → "Guðmund-i", "-ar"
    if w == "orn":
        out += ["ern", "arn"]  # Icelandic "Örn" → "Erni", "Arnar"
    elif w.endswith("jorn"):
        out += [w[:-4] + "irn", w[:-3] + "arn"]  # "Björn" → "Birni", "Bjarnar"
    if len(w) > 5 and w.endswith("gata"):
        out.append(w[:-4] + "got")  # Icelandic "-gata" → "-götu" (a street: "Suðurgötu 41")
    if len(w) > 5 and w.endswith("nen"):
        out.append(w[:-3] + "s")
    if len(w) > 4 and w.endswith(("mi", "ni", "si")):
        out.append(w[:-1] + "e")
    gm = re.search(r"(kk|tt|pp)([aeiouy])$", w)
    if gm and len(w) > 4:
        out.append(w[: gm.start()] + gm.group(1)[0] + gm.group(2))
    if len(w) >= 4 and w[-1] in "ae":
        out.append(w)  # Hungarian lengthens a final vowel before a case ending: "Anná-nak"
    if len(w) >= 4 and w[-2:] in ("ly", "sz", "cs", "gy", "ny", "ty", "zs"):
        out.append(w[:-2] + w[-2] + w[-2:])  # a digraph doubles its first letter: "Gergely-lyel"
    elif len(w) >= 4 and w[-1] not in "aeiouy":
        out.append(w + w[-1])  # and doubles a final consonant before -al/-el: "Péter-r-el"
    alternations = {"h": "z", "g": "z", "k": "c"}
    if base and base[-1] in alternations:
        out.append(base[:-1] + alternations[base[-1]])
    return tuple(out)


def inflected_pattern(word: str) -> str:
    """A regex (for folded text) that matches a word and its case forms."""
    forms = sorted({re.escape(s) for s in stems(word)}, key=len, reverse=True)
    endings = "|".join(sorted(CASE_ENDINGS, key=len, reverse=True))
    return rf"(?:{'|'.join(forms)})(?:{endings})?"


_CJK_CHAR = re.compile(f"[{CJK_LETTERS}]")


def _inflected_words(surname: str) -> str:
    """A regex (for folded text) for a surname of several words or parts, each in its case
    forms: "Kuznetsovoy-Tamm" (Кузнецовой-Тамм, the dative of Kuznetsova-Tamm); a particle
    ("van") as it stands."""
    return r"[ \t]{1,2}".join(
        re.escape(w) if w in _PARTICLES else "-".join(inflected_pattern(x) for x in w.split("-"))
        for w in surname.split())


_ROMAN_CLASS = {"h": "k?h", "x": "(?:ks|x)", "f": "(?:ph|f)", "t": "th?", "u": "o?u",
               "c": "(?:ts|tz|c)", "v": "[vw]", "i": "[iyj]{1,2}"}


def roman_key(word: str) -> str:
    """A folded name romanised from a Cyrillic alphabet, with the spellings of its
    romanisations merged (`match.tokens.romanised`) and a feminine adjective's Russian ending
    read as the Ukrainian one ("Kovalskaya" is Kovalska): compare, never print."""
    from .match.tokens import romanised  # (the match package imports this module)

    r = romanised(word)
    return r[:-2] if r.endswith(("skaia", "ckaia")) else r


def roman_pattern(word: str) -> str:
    """A regex (for folded text) for a name romanised from a Cyrillic alphabet in any of the
    usual ways: "kovalskyi" also matches "kovalskiy", "kovalsky" and "kovalskij", "kovalska"
    also "kovalskaya" (the spellings `roman_key` merges)."""
    r = roman_key(word)
    pat = "".join(_ROMAN_CLASS.get(ch, re.escape(ch)) for ch in r)
    return pat + "(?:ya|ia|ja)?" if r.endswith(("ska", "cka")) else pat


def lenited_pattern(word: str) -> str:
    """A regex (for folded text) for a name and its Gaelic lenited form: "colm" and "cholm",
    "maire" and "mhaire" (never for a name whose second letter is already "h")."""
    if len(word) >= 3 and word[0] in "bcdfgmpst" and word[1] != "h":
        return re.escape(word[0]) + "h?" + re.escape(word[1:])
    return re.escape(word)


def gaelic(jurisdiction: str) -> bool:
    """Whether pages of the jurisdiction may print names in Irish or Scottish Gaelic."""
    return jurisdiction.upper() in ("IE", "GB-NIR", "GB-SCT")


def _patronymic(text: str, start: int) -> bool:
    """Whether the word at `start` is a father's name printed after another person's name
    ("… NIKOLAOS tou GEORGIOU"): the capitalised word before "tou" is that person's name."""
    m = _PATRONYMIC_BEFORE.search(text, max(0, start - 40), start)
    return m is not None and m.group(0)[:1].isupper()


# --- matching ---------------------------------------------------------------------------------

NAME_RULES = (
    "name_full",
    "name_first_last",
    "name_alias",
    "name_middle_initial",
    "name_initial",
    "name_nickname",
    "name_short",
    "name_reversed",
    "name_register",
    "name_inflected",
    "name_title",
    "name_honorific",
    "name_household",
)
"""Rules a name match can carry, strongest first (see docs/matching.md)."""

# How much a name form alone says about identity (multiplies the corroboration score).
NAME_QUALITY: dict[str, float] = {
    "name_full": 1.0,
    "name_first_last": 1.0,
    "name_alias": 1.0,
    "name_middle_initial": 1.0,
    "name_reversed": 1.0,
    "name_register": 0.95,
    "name_inflected": 1.0,
    "name_nickname": 0.95,
    "name_short": 0.85,
    "name_initial": 0.92,
    "name_title": 0.92,
    "name_given_with_family": 0.92,
    "name_username": 0.9,
    "name_honorific": 0.9,
    "name_household": 0.95,
    "name_given_initial": 0.9,
}


def plural_surnames(surname: str) -> frozenset[str]:
    """The forms a family's surname takes for the whole household ("Martin i Radoslava
    Dragomirovi", "Jan i Anna Kowalscy", "Pavel a Kateřina Řezníčkovi", "Ján a Mária
    Novákovci", "Marko i Ana Petrovići", "Kertészék"), and their case forms ("manželům
    Radmile a Tomáši Šindelářovým"), folded."""
    s = fold(surname)
    out: set[str] = set()
    for sing, plural in (("dzki", "dzcy"), ("dzka", "dzcy"), ("ski", "scy"), ("ska", "scy"),
                         ("cki", "ccy"), ("cka", "ccy")):
        if s.endswith(sing):
            out.add(s[: -len(sing)] + plural)
    if s.endswith(("ova", "eva", "ina")):
        # Dragomirova → Dragomirovi, Řezníčková → Řezníčkovi, Slovak Nováková → Novákovci
        out |= {s[:-1] + "i", s[:-1] + "ci"}
    elif s.endswith(("ov", "ev", "in")):
        out |= {s + "i", s + "y"}  # Dragomirov → Dragomirovi, Ivanov → Ivanovy
    elif s.endswith("ic"):
        out.add(s + "i")  # Petrović → Petrovići
    elif s[-1:] not in "aeiouy":
        out |= {s + "ovi", s + "ovci", s + "ek"}  # Novák → Novákovi, Novákovci; Kertész → Kertészék
    # and their case forms: Czech "manželům Šindelářovým", "u Šindelářových"; Slovak
    # "Novákovcom", "Novákovcov"; Polish "Kowalskim", "u Kowalskich"
    for o in list(out):
        if o.endswith("ovi"):
            out |= {o[:-1] + "ych", o[:-1] + "ym", o[:-1] + "ymi"}
        elif o.endswith("ovci"):
            out |= {o[:-1] + "om", o[:-1] + "ov", o[:-1] + "ami"}
        elif o.endswith(("scy", "ccy")):
            out |= {o[:-2] + "kich", o[:-2] + "kim", o[:-2] + "kimi"}
    return frozenset(o for o in out if o != s)


# a patronymic (Ukrainian, Russian, Belarusian, in Latin letters), in any case form
_PATRONYMIC = re.compile(r"(?:(?:ovych|evych|ovich|evich)[a-z]{0,3}|(?:ivn|ovn|evn|ichn|ychn)[a-z]{1,3})$")

# the word before a household's first given name: "Martin i Radoslava Dragomirovi"
_ELISION = re.compile(r"(?:l|d|dell|all|sull|nell|dall)'(?=[a-z])")

# a couple under one surname, given names first: "Katharina und Jens Overbeck", "Anna et Marc
# Dupont" — the first given name is the surname's too, when the second is the partner's
# — or by their initials, "K. & M. Χατζηπέτρου", "J. en M. de Vries"
_COUPLE_BEFORE = re.compile(
    r"([a-z][a-z'\-]{1,30}|[a-z]\.)[ \t]{1,2}"
    r"(?:and|&|und|u\.|et|y|e|i|a|en|og|och|ja|es|si|kai|ir|in|un)[ \t]{1,2}"
    r"([a-z][a-z'\-]{1,30}|[a-z]\.)[ \t]{0,2}$"
)
def judicial_title_before(folded: str, start: int) -> bool:
    """Whether a judicial title ends right before `start` ("Circuit Judge Robert Ashby")."""
    return _TITLE_BEFORE.search(folded, max(0, start - 30), start) is not None


_HOUSEHOLD_JOIN = re.compile(
    r"[a-z][a-z'\-]*[ \t]{1,2}(?:and|&|i|a|u\.?|und|et|y|e|si|og|och|ja|ve|en|es)[ \t]{1,2}$"
)

_JUDICIAL_TITLES = (
    "judge",
    "justice",
    "hon.",
    "hon",
    "honorable",
    "honourable",
    "her honour judge",
    "his honour judge",
    "district judge",
    "soudkyne",
    "soudce",
    "predsedkyne",
    "predseda",
    "mistopredsedkyne",
    "sedzia",
    "sudkyna",
    "sudca",
)
_TITLE_BEFORE = re.compile(
    r"(?:^|[^a-z])(?:" + "|".join(re.escape(t) for t in _JUDICIAL_TITLES) + r")[ \t]{1,3}$"
)

# Courtesy titles before a surname ("Ms Hartigan", "Pani Żurawska", "gđa Perković"): the name the
# rest of an article uses once it has introduced the person in full (page.py keeps such a match
# only then).
_HONORIFIC_RE = re.compile(
    r"(?:^|[^a-z])(?:ms|mrs|mr|miss|mx|dr|prof|pani|pan|pania|panem|pana|gospoda|gospodin|gda|"
    r"dna|dl|doamna|domnul|pani|frau|herr|mme|mlle|sra|sr|srta|madame|monsieur|mademoiselle|"
    r"signora|signor|sig|sigra|senora|senor|senyora|senyor|mevrouw|meneer|dhr|mevr|fru|kyria|"
    r"kyrios|kuria|kurios)\.?[ \t]{1,2}$"
)
# Croatian "g." (gospodin), lower case as printed: "G Ferracuti" or "G. Perković" is an initial
_LOWER_G = re.compile(r"(?:^|[^\w])g\.[ \t]{1,2}$")

# a second given name joined to the first under one surname ("KERR DOUGLAS P/RENATA I")
_JOINT = re.compile(
    r"[ \t]?,?[ \t]{1,3}[a-z][a-z'\-]{1,30}(?:[ \t]{1,3}[a-z]\.?)?"
    r"(?:[ \t]*[/&+][ \t]*|[ \t]{1,3}(?:and|und|u\.|et|y|og|och|en|es)[ \t]{1,3})"
    r"([a-z][a-z'\-]{1,30})(?![a-z'\-])(?:[ \t]{1,3}([a-z])(?![a-z]))?"
)

# endings a short form of a given name takes ("Kari", "Kathy", "Inga", "Gabi", "Marike")
# (Slavic "-ča", "-ka": "Renča" for Renáta, "Zuzka" for Zuzana)
_PET_ENDINGS = frozenset("i y ie a e o ke ka ko chen tje ly ca".split())
# short forms that are mostly words or titles, never read as a name's short form
_SHORT_STOP = frozenset("the and von van der den des del della das die mrs miss".split())

# a saint's name in a street, church or place name ("Rua de Santo António", "Sankt Peter",
# "Sveti Jurij"): no person's first name
_SAINT_BEFORE = re.compile(
    r"(?<![a-z])(?:santo|santa|sao|san|sankt|st|ste|saint|sainte|sv|sveti|sveta|sveto|svaty|"
    r"svata|swiety|swieta|agios|agia|szent)\.?[ \t]{1,2}$"
)
# A father's (or mother's) name after a person's name in Greek registers and notices:
# "ΠΑΠΑΔΟΠΟΥΛΟΣ ΝΙΚΟΛΑΟΣ του ΓΕΩΡΓΙΟΥ", "Ελένη Παπαδοπούλου του Ιωάννη"
_PATRONYMIC_BEFORE = re.compile(r"[A-Za-z][a-z]*[ \t]{1,2}(?:tou|tis|TOU|TIS|Tou|Tis)[ \t]{1,2}$")

# a father's name in brackets between a surname and the given name (Serbian and Croatian
# registers: "Dragutinović (Milan) Vesna")
_PATRONYM_BRACKET = re.compile(r"[ \t]{1,2}\(([a-z][a-z'\-]{1,20})\)[ \t](?=[a-z])")

# a calling name between the given names (or initials) and the surname: "B.P. (Bas) van Lingen"
_CALLING_NAME = re.compile(r"[(\"'“‘„«][ \t]?([a-z][a-z\-]{1,20})[ \t]?[)\"'”’“»][ \t]{1,3}")

# courtesy words that can stand between a reversed surname and its given names ("DUPONT, Mme Anne")
_COURTESY = frozenset(
    "ms mrs mr miss mx dr prof pani pan gospoda gospodin gda dna doamna domnul frau herr mme mlle "
    "sra srta".split()
)

# the letters of a company's legal form, never a person's initials ("… PROGETTI S.R.L. LANZONI")
_LEGAL_FORM_LETTERS = frozenset(
    "srl spa sa sas snc doo dd sro as ag bv nv llc llp ltd plc gmbh kg oy ab ad ood eood".split()
)
_WORD = r"[a-z][a-z'\-]{0,30}"
_SEP = r"[ \t]{1,3}(?:\n[ \t]{0,3})?"
_ROW_END = re.compile(r"\t[ ]*\n")


_ACCENT_APOSTROPHE = re.compile(r"('?)((?<![a-z'])[a-z]*[aeiou])'(?=[ \t\n,])")


@dataclass(frozen=True)
class NameMatch:
    """One place where a person's name occurs in a text."""

    start: int
    """Offset of the first character (same in the original and the folded text)."""
    end: int
    """Offset after the last character."""
    rule: str
    """Which form was recognised (one of NAME_RULES, or "name_given_with_family")."""
    folded: bool = False
    """True when the page wrote the name without the diacritics the profile has."""
    middle_conflict: bool = False
    """True when the page gives a middle initial that is not the person's."""


_HYPHENED = re.compile(r"-([A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'’]{1,})")
# (one space: a tab is the next cell of a table row — "Inês Vilaça Pinheiro | Excelência")
_WORD_BEFORE = re.compile(r"([^\W\d_][^\W\d_'’\-]*)[ \t]{1,2}$")
_NEXT_WORD = re.compile(r"[ ]([^\W\d_][^\W\d_'’\-]{1,})")
_LONGER = re.compile(r"[ ]([A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'’\-]{2,})(?=[ \t]*(?:[,;)\n\t]|$))")
# a postcode after a comma: the word before it is a town ("Leicester, LE2", "Dresden, 01309")
_POSTCODE_AFTER = re.compile(r",[ \t]{0,2}[A-Z]{0,2}\d[\dA-Z]{0,4}(?:[ \t][\dA-Z]{3})?(?![\w])")


class NameMatcher:
    """Finds one person's name in text. Built once per person (patterns are compiled here).

    `inflected=True` also accepts grammatical case forms of the surname and given names
    (Czech "Řezníčkovou", "Kateřině"); turn it on for inflected languages.
    """

    def __init__(self, person: Person, *, inflected: bool = False,
                 two_surnames: bool = False, scheme: str | None = None,
                 genitive: bool = False, phrases: tuple[str, ...] = (),
                 family_words: frozenset[str] = frozenset(),
                 partners: frozenset[str] = frozenset(),
                 feminine_genitive: bool = False, lenition: bool = False,
                 first_surname: bool = False) -> None:
        self.person = person
        # the profile's towns, folded (set by the analyzer): a town after a name is no second
        # surname ("Harjit Singh Sandhu Leicester, LE2")
        self.places: frozenset[str] = frozenset()
        # the audit's pages are in a Cyrillic alphabet, which sites romanise their own ways
        self.romanise = scheme is not None
        # a name ending in two surnames whose person is called by the first (Spanish naming,
        # or an alias without the last): the second alone names someone else
        self.first_surname = first_surname or two_surnames
        # Irish and Scottish Gaelic lenite a first name after "ar", "do", "a" …: "pósta ar
        # Cholm", "a Mháire" (an "h" after its first consonant)
        self.lenition = lenition
        # the partner's folded given names: a couple under one surname, "Katharina und Jens
        # Overbeck", names this person only with the partner second (rule name_household)
        self.partners = partners
        self.two_surnames = two_surnames
        # the folded words of every name in the profile: a family surname after ours is a
        # double name of the family ("Maggie Pruneda Kessler"), not another person's
        self.family_words = family_words | {
            fold(w) for n in (person.name, *person.aliases) for w in n.replace("-", " ").split()}
        # the profile's own name words in another order ("Trần Quốc Bảo" for Bao Quoc Tran: a
        # Vietnamese, Chinese or Hungarian name printed family name first) is no new given name
        # and surname: "Bảo" is his given name, never a surname to look for alone
        own = fold(latin(person.name, scheme)).replace("-", " ").split()
        # (or part of them, surname first: "Lambert Olivier" of Olivier Jean Lambert — never a
        # given name "Lambert")
        reordered = tuple(a for a in person.aliases
                          if (w := fold(latin(a, scheme)).replace("-", " ").split()) != own
                          and len(w) >= 2 and (sorted(w) == sorted(own) or (
                              "," not in a and w[0] == own[-1] and len(set(w)) == len(w)
                              and set(w) <= set(own))))
        phrases = (*phrases, *reordered)
        # whole names of this person that are not given name + surname ("Kovács Péterné", the
        # wife of Kovács Péter): matched as they stand, never split into a given name and a
        # surname of this person
        # the names written in Chinese characters or Hangul ("陳慧玲", "윤재현")
        self._cjk = tuple(dict.fromkeys(
            n.strip() for n in (person.name, *person.aliases)
            if len(n.strip()) >= 2 and all(_CJK_CHAR.match(c) for c in n.strip())))
        self._phrase_res = [
            re.compile(r"(?<![a-z])" + r"[ \t]{1,2}".join(
                re.escape(w) for w in fold(p).split()[:-1])
                + r"[ \t]{1,2}" + (inflected_pattern(fold(p).split()[-1]) if inflected
                                   else re.escape(fold(p).split()[-1])) + r"(?![a-z])")
            for p in phrases if len(p.split()) >= 2
        ]
        self.inflected = inflected
        # a genitive "-s" on the surname after the given names: "Birgitte Ravnholt Skovgaards
        # far", "Helena Sandahls dotter", "Matthias Mößners Frau" (Nordic languages, German)
        self.genitive = genitive and not inflected
        self.parts = split_name(latin(person.name, scheme))
        # "III" of "James Robert Whitfield III": the same name printed with another suffix
        # ("James R. Whitfield Jr.") is his father or son, not him
        self.generations = generations((person.name, *person.aliases))
        # a profile that writes the name surname first ("Kertész, Judit Ilona": Hungarian) is of
        # a language where that order is the usual one in running text too
        self.surname_first = "," in person.name
        # forms: (given names folded, surname folded, rule for the full form)
        self._forms: list[tuple[tuple[str, ...], str, str]] = []
        self._add_form(self.parts, "name_full")
        if two_surnames and len(self.parts.given) >= 2:
            # "Ángela Núñez García": called "Ángela Núñez", or by both surnames
            first, paternal = self.parts.given[:-1], self.parts.given[-1]
            self._add_form(NameParts(first, f"{paternal} {self.parts.surname}"), "name_full")
            # the two joined, as Catalan and formal Spanish write them: "Roura i Sagué",
            # "García y López"
            for join in ("i", "y"):
                self._add_form(NameParts(first, f"{paternal} {join} {self.parts.surname}"),
                               "name_full")
            self._add_form(NameParts(first, paternal), "name_alias")
        # the given names of the profile's name (without the father's surname in Spanish naming)
        own_givens = {fold(g) for g in (self.parts.given[:-1] if two_surnames
                                        else self.parts.given)}
        for alias in person.aliases:
            if alias in reordered:
                continue
            ap = split_name(latin(alias, scheme))
            if two_surnames and len(ap.given) >= 3 and fold(ap.given[-1]) in ("i", "y"):
                # "Albert Roura i Sagué": both surnames, joined
                ap = NameParts(ap.given[:-2], f"{ap.given[-2]} {ap.given[-1]} {ap.surname}")
            elif two_surnames and len(ap.given) >= 2 and fold(ap.given[-1]) not in own_givens:
                # "Amparo Ferrándiz Climent": one given name and both surnames (never "María
                # Amparo Ferrándiz" read as "Amparo Ferrándiz" surnames: Amparo is her name)
                self._add_form(NameParts(ap.given[:-1], f"{ap.given[-1]} {ap.surname}"),
                               "name_alias")
            self._add_form(ap, "name_alias")
        # "Jürgen Müller" is printed "Juergen Mueller" as often as "Jurgen Muller"
        for name, rule in [(person.name, "name_full"), *((a, "name_alias") for a in person.aliases)]:
            # "Mößner" is printed "Moessner", "Mössner" and "MÖSSNER" ("ß" folds to one "s")
            # "Kaʻiulani" is printed "Kaiulani" and "Ka'iulani"
            for alt in dict.fromkeys((digraph_spelling(name), name.replace("ß", "ss"),
                                      unglottal(name))):
                if alt != name:
                    self._add_form(split_name(alt), rule)
        # a double surname is printed with a hyphen or a space: "Mateo Montaño Kerr" is
        # "Mateo Montaño-Kerr" on a roster, "Renata Montaño-Kerr" is "Renata Montaño Kerr"
        # "McDonagh" is "MC DONAGH" in a register that prints the prefix apart ("MAC NAMARA")
        prefixed = re.search(r"(?<![\w])(?:Mc|Mac)[A-Z]", " ".join((person.name, *person.aliases)))
        for given, sn, rule in list(self._forms):
            mc = re.fullmatch(r"(mc|mac)([a-z]{3,})", sn)
            if mc and prefixed:
                self._forms.append((given, f"{mc.group(1)} {mc.group(2)}", rule))
            if "-" in sn:
                self._forms.append((given, sn.replace("-", " "), rule))
            elif len(given) >= 2 and len(given[-1]) >= 3 and sn and "-" not in given[-1]:
                self._forms.append((given[:-1], f"{given[-1]}-{sn}", rule))
        self._forms = list(dict.fromkeys(self._forms))
        self.surnames = tuple(dict.fromkeys(f[1] for f in self._forms if f[1]))
        self.first = fold(self.parts.first)
        self.middle_initials = {fold(m)[0] for m in self.parts.middles if m}
        # A maiden name is commonly printed as a middle name or initial ("Eleanor M. Whitfield").
        self.middle_initials |= {s[0] for s in self.surnames if s != fold(self.parts.surname)}
        # and the middle names or initials the aliases give ("Χαράλαμπος Ν. Σταυρινίδης": his
        # father's initial, which Cypriot directories print after his name)
        self.middle_initials |= {m[0] for g, _sn, _r in self._forms for m in g[1:] if m}
        # a hyphenated given name's second part, printed as its own initial: "Delvaux A.-S."
        # (Anne-Sophie), "MÜLLER H.-P." (Hans-Peter)
        self.middle_initials |= {g[0].split("-", 1)[1][:1] for g, _sn, _r in self._forms
                                 if g and "-" in g[0] and g[0].split("-", 1)[1]}
        self.givens = {f[0][0] for f in self._forms if f[0]}
        self.nicks: set[str] = set()
        for g in self.givens:
            self.nicks.update(nicknames(g))
            if "-" in g:
                self.nicks.add(g.split("-")[0])  # "Ana" for "Ana-Maria"
        self.nicks -= self.givens
        # the wider table, for a short form printed beside the surname ("Kathy Whitcomb")
        self.wide_nicks: set[str] = set(self.nicks)
        for g in self.givens:
            self.wide_nicks.update(nicknames(g, wide=True))
        self.wide_nicks -= self.givens
        self.initials = {g[0] for g in self.givens}
        # every word of the person's own names, and the middle names the profile spells out
        self.own_words = {w for g, sn, _r in self._forms for x in (*g, sn)
                           for w in re.split(r"[ \-]+", x) if w} | self.nicks
        self._full_middles = {m for g, _sn, _r in self._forms for m in g[1:] if len(m) > 1}
        self.has_diacritics = not person.name.isascii() or any(
            not a.isascii() for a in person.aliases
        )
        surname_alts = []
        # a surname after its particles ("van Lingen"): the sorted register form prints the
        # core first and the particle after the given names ("Lingen, B.P. van")
        self._core_of: dict[str, tuple[str, str]] = {}
        for s in self.surnames:
            words = s.split()
            parts = [re.escape(p) for p in words]
            if inflected:
                # each word and part in its case forms: "Kuznetsovoy-Tamm" (Кузнецовой-Тамм,
                # the dative of Kuznetsova-Tamm)
                parts = [p if w in _PARTICLES else _inflected_words(w)
                         for p, w in zip(parts, words, strict=True)]
            elif self.genitive and not words[-1].endswith(("s", "x", "z")):
                parts[-1] = re.escape(words[-1]) + "s?"
            if len(words) > 1 and words[0] in ("van", "von"):
                parts[0] = rf"(?:{words[0]}|v\.)"  # "Floor v. Lingen", "Henrike v. Bülow"
            surname_alts.append(r"[ \t]{1,2}".join(parts))
            if self.romanise and len(words) == 1 and len(s) >= 5 and "-" not in s:
                # another romanisation of a Cyrillic surname: "Kovalskiy", "Kovalsky" for
                # Kovalskyi
                surname_alts.append(roman_pattern(s))
            n = 0
            while n < len(words) - 1 and words[n] in _PARTICLES:
                n += 1
            if n:
                core = " ".join(words[n:])
                self._core_of.setdefault(core, (s, " ".join(words[:n])))
                surname_alts.append(r"[ \t]{1,2}".join(re.escape(p) for p in words[n:]))
        surname_alts = list(dict.fromkeys(surname_alts))
        surname_alts.sort(key=len, reverse=True)
        # no leading look-behind: it would stop the regex engine from skipping ahead to the
        # first letter; the left boundary is checked by `_words`
        self._surname_re = re.compile(r"(?:" + "|".join(surname_alts) + r")(?![a-z0-9])")
        # the household's plural of a one-word surname ("Dragomirovi" of "Dragomirova")
        self._plural_of = {p: s for s in self.surnames if " " not in s for p in plural_surnames(s)}
        self._plural_re = (
            re.compile(r"(?:" + "|".join(map(re.escape, sorted(self._plural_of, key=len,
                                                                  reverse=True))) + r")(?![a-z0-9])")
            if self._plural_of else None
        )
        self._given_res = {g: self._word_re(g) for g in self.givens | self.wide_nicks}
        self._title_re = _TITLE_BEFORE
        # initials may be printed without spaces: "M.A. Verhoeven", "Verhoeven, M.A."
        self._left_re = re.compile(
            r"((?:[a-z]\.(?=[a-z]{1,2}\.)|" + _WORD + r"\.?" + _SEP + r"){1,4})$"
        )
        self._right_re = re.compile(
            # (a register's comma may have no space after it: "KEALOHA,DENNIS H")
            r"^((?:[ \t]?,[ \t]{0,3}|[ \t]{1,3}|[ \t]{1,2}\()(?:" + _WORD
            # (and a hyphenated given name's initials: "Delvaux A.-S.")
            + r"\.?(?:[ \t]{1,3}|$|(?=[,;)\n])|(?<=\.)(?=[a-z]{1,2}\.)|(?<=\.)-(?=[a-z]\.))){1,4})"
        )
        # (never an initial: an alias "M. Akbar Hussain" gives no first name "M", which a
        # cricket scorecard's "O M R W" would show)
        given_alts = sorted((g for g in self.givens | self.nicks if len(g) > 1), key=len,
                            reverse=True)
        if inflected:
            pats = [inflected_pattern(g) for g in given_alts]
        elif lenition:
            pats = [lenited_pattern(g) for g in given_alts]
        elif feminine_genitive:
            # Romanian: a woman's first name alone after a relation word takes its genitive,
            # "mama Anei", "mama Ilincăi", "fiica Mariei"
            pats = [re.escape(g[:-1]) + "(?:a|ei|ai)" if len(g) > 2 and g.endswith("a")
                    else re.escape(g) for g in given_alts]
        else:
            pats = [re.escape(g) for g in given_alts]
        self._given_only_re = (
            # (never the first part of another hyphenated name: "Marie" in "Marie-Annick")
            re.compile(r"(?:" + "|".join(pats) + r")(?![a-z0-9]|-[a-z])") if pats else None
        )

    def _add_form(self, parts: NameParts, rule: str) -> None:
        if parts.given and all(_is_initials(g) for g in parts.given):
            return  # "Tarnavska N.Ya.": matched by the initials of the full name
        given = tuple(fold(g).strip(".") for g in parts.given)
        self._forms.append((given, fold(parts.surname), rule))
        if given and "-" in given[0]:
            # a double first name ("Ana-Maria") is printed with a space as often ("ANA MARIA")
            split = tuple(x for x in given[0].split("-") if x)
            self._forms.append((split + given[1:], fold(parts.surname), rule))

    def _word_re(self, word: str) -> re.Pattern[str]:
        if self.inflected:
            return re.compile(r"^" + inflected_pattern(word) + r"$")
        if self.lenition:
            return re.compile(r"^" + lenited_pattern(word) + r"$")
        return re.compile(r"^" + re.escape(word) + r"$")

    def _is_given(self, tok: str, allowed: set[str]) -> str | None:
        for g in allowed:
            if self._given_res[g].match(tok):
                return g
        if self.romanise and len(tok) >= 4:
            # a name of a Cyrillic alphabet in another romanisation: "Sofiya" for Sofiia
            # (Софія, Софья), "Andriy" for Andrii, "Yuliya" for Yuliia
            from .match.tokens import romanised  # (the match package imports this module)

            r = romanised(tok)
            for g in allowed:
                if len(g) >= 4 and romanised(g) == r:
                    return g
        return None

    def _short_of(self, tok: str, givens: set[str]) -> bool:
        """`tok` is a short form of one of `givens` no table lists, made the usual ways: the
        name cut short ("Nath" for Nathalie, "Rena" for Renata), cut and given a pet ending
        ("Kari" for Karen, "Inga" for Ingrida, "Radi" for Radoslava, "Erzsi" for Erzsébet), or
        its ending ("Tiina" for Kristiina, "Gitte" for Birgitte). Never a word of another name
        in the family ("Ida" is the daughter, not a short Idalia)."""
        if len(tok) < 3 or tok in self.family_words or tok in _SHORT_STOP:
            return False
        for g in givens:
            if len(g) < 5 or tok == g or len(tok) > len(g) or g == tok + "ne":
                continue  # ("István" is the husband of "Istvánné", Mrs István)
            if g.startswith(tok) or (len(tok) >= 4 and g.endswith(tok)):
                return True
            for k in range(3, len(tok)):
                if tok[:k] == g[:k] and tok[k:] in _PET_ENDINGS:
                    return True
        return False

    # -- public API ----------------------------------------------------------------------------

    def find(self, text: str, folded: str | None = None) -> list[tuple[int, int, str]]:
        """(start, end, rule) of every match of the person's name in `text`."""
        return [(m.start, m.end, m.rule) for m in self.matches(text, folded)]

    def matches(self, text: str, folded: str | None = None) -> list[NameMatch]:
        """Every match of the person's name, with the rule and flags. Pass `folded` (=
        fold(text)) when calling for several people on the same text."""
        f = fold(text) if folded is None else folded
        if "'" in f:
            # "FABBRO' NICOLO'": Italian registers write a final accented vowel (Fabbrò)
            # as the vowel and an apostrophe (same length: every offset holds)
            # (never a quote's closing mark: "Eleanor 'Ellie' Whitfield")
            f = _ACCENT_APOSTROPHE.sub(lambda m: m.group(0) if m.group(1) else m.group(2) + " ", f)
        out: list[NameMatch] = []
        for m in _words(self._surname_re, f):
            s, e = m.start(), m.end()
            found = m.group(0)
            # a lowercase particle is part of the name ("Floor van Lingen"): the capital is on
            # the surname's own word
            if not _capitalised(text, s + found.rfind(" ") + 1 if " " in found else s):
                continue
            if found.startswith("v."):
                # "v." is the particle this surname has: "van" or "von"
                key = next((x for x in self.surnames if x.split()[0] in ("van", "von")
                            and fold(x.split(None, 1)[1]) == fold(found[2:].strip())), found)
            else:
                key = found
            surname_key = self._surname_of(key)
            if surname_key is None:
                core = self._core_of.get(key)
                if core is not None:
                    hit = self._sorted_with_particle(text, f, s, e, *core)
                    if hit is not None:
                        out.append(hit)
                continue
            inflected = self.inflected and key not in self.surnames
            if self.genitive and key not in self.surnames:
                # the genitive only after given names: "Skovgaards, Birgitte" is someone else
                hit = self._left(text, f, s, e, surname_key)
                if hit is not None and hit.rule not in ("name_initial",):
                    out.append(hit)
                continue
            hit = self._left(text, f, s, e, surname_key)
            if (hit is not None and self.two_surnames and hit.start < s
                    and (hit.middle_conflict or hit.rule == "name_middle_initial")
                    and self._second_surname_of(text, s)):
                # "María Nieves Déniz Falcón": Falcón is her second surname, not the first
                # surname of María del Pino Falcón Betancort
                hit = None
            if hit is not None and _ROW_END.search(text, hit.start, hit.end):
                # the end of a table row parts two records: "… LANZONI STEFANO AUTOTRASPORTI" /
                # "LANZONI STEFANO" is no name across them
                hit = None
            if hit is None:
                hit = self._right(text, f, s, e, surname_key)
                if hit is not None and self.two_surnames and self._second_surname_of(text, s):
                    hit = None
            if hit is not None and _ROW_END.search(text, hit.start, hit.end):
                hit = None
            if hit is None and self.partners and not self.surname_first and (
                    surname_key in self.surnames):
                cm = _COUPLE_BEFORE.search(f, max(0, s - 70), s)
                if cm is not None and cm.group(1).endswith(".") and cm.group(2).endswith("."):
                    # two initials: the first this person's, the second the partner's
                    if (_capitalised(text, cm.start(1)) and _capitalised(text, cm.start(2))
                            and cm.group(1)[0] in self.initials
                            and any(g[:1] == cm.group(2)[0] for g in self.partners)):
                        hit = NameMatch(cm.start(1), e, "name_initial")
                elif (cm is not None and _capitalised(text, cm.start(1))
                        and _capitalised(text, cm.start(2)) and cm.group(2) in self.partners
                        and self._is_given(cm.group(1), self.givens)):
                    hit = NameMatch(cm.start(1), e, "name_household")
            if hit is None and self.person.court and self._title_re.search(f[max(0, s - 40) : s]):
                hit = NameMatch(s, e, "name_title")
            if hit is None and (_HONORIFIC_RE.search(f[max(0, s - 12) : s])
                                or _LOWER_G.search(text[max(0, s - 12) : s])) and not (
                    self.inflected and re.match(r"[ \t]{1,2}[A-ZÀ-ÖØ-ÞĀ-Ž]", text[e : e + 3])):
                # (in surname-first languages a capitalised word after the surname is another
                # given name: "dr. Kovács Béla", "dr. Kovács Péterné" are other people)
                hit = NameMatch(s, e, "name_honorific")
            if hit is None:
                continue
            if inflected and hit.rule in ("name_full", "name_first_last", "name_alias"):
                hit = NameMatch(
                    hit.start, hit.end, "name_inflected", hit.folded, hit.middle_conflict
                )
            folded_form = self.has_diacritics and text[hit.start : hit.end].isascii()
            conflict = hit.middle_conflict or (
                hit.rule in ("name_full", "name_first_last", "name_alias", "name_short",
                             "name_nickname")
                and self._longer_surname(text, hit.end))
            out.append(NameMatch(hit.start, hit.end, hit.rule, folded_form, conflict))
        if self._plural_re is not None:
            out += self._households(text, f)
        for rx in self._phrase_res:
            out += [NameMatch(m.start(), m.end(), "name_alias") for m in rx.finditer(f)
                    if _capitalised(text, m.start())]
        for cjk in self._cjk:
            # a name in Chinese characters or Hangul, as the profile writes it: those scripts
            # put no space around a name ("其女兒、卑詩省最高法院法官陳慧玲亦有到場"), and fold
            # reads none of it — matched as written, character for character
            start = text.find(cjk)
            while start >= 0:
                out.append(NameMatch(start, start + len(cjk), "name_alias"))
                start = text.find(cjk, start + len(cjk))
        if self.generations:
            out = [self._own_generation(f, m) for m in out
                   if not self._other_generation(f, m.end)]
        return out

    def _second_surname_of(self, text: str, s: int) -> bool:
        """Surname first, where people carry two surnames: another capitalised surname right
        before this one makes it someone's second surname — "Déniz Falcón, María Nieves" is
        María Nieves Déniz Falcón, never María del Pino Falcón Betancort."""
        wb = _WORD_BEFORE.search(text, max(0, s - 30), s)
        if wb is None or "\t" in wb.group(0) or not wb.group(1)[:1].isupper():
            return False
        word = fold(wb.group(1))
        return (len(word) > 2 and not is_title(word) and word not in self.own_words
                and word not in _PARTICLES)

    def _other_generation(self, f: str, end: int) -> bool:
        """A generational suffix after the name that is not this person's: "James R.
        Whitfield Jr." is not James R. Whitfield III."""
        g = _GENERATION_AFTER.match(f, end)
        return g is not None and g.group(1) not in self.generations

    def _own_generation(self, f: str, m: NameMatch) -> NameMatch:
        """The match with this person's own suffix after it taken in ("James R. Whitfield
        Jr.", so that "…, 87" follows the name)."""
        g = _GENERATION_AFTER.match(f, m.end)
        if g is None:
            return m
        end = g.end(1) + (1 if f[g.end(1) : g.end(1) + 1] == "." else 0)
        return NameMatch(m.start, end, m.rule, m.folded, m.middle_conflict)

    def _longer_surname(self, text: str, end: int) -> bool:
        """Another capitalised surname right after our name, closing it ("Mme Nathalie
        Décosterd Rey, juge de paix"), or joined to it by a hyphen in any language ("Anna
        Zawadzka-Lis"): a double surname that is not ours — another person.
        Not where a double surname is the usual form (Spanish naming), in inflected or
        surname-first languages (a case form or a second given name follows there), nor for a
        family name, a suffix or a title after it."""
        if self.two_surnames:
            return self._other_second_surname(text, end)
        h = _HYPHENED.match(text, end, min(len(text), end + 40))
        if h is not None:
            # "Anna Zawadzka-Lis": a second surname joined by a hyphen is never a case ending
            w = fold(h.group(1))
            return w not in self.family_words and w not in _SUFFIXES
        if self.inflected or self.two_surnames or self.surname_first:
            return False
        m = _LONGER.match(text, end, min(len(text), end + 40))
        if m is None:
            return False
        w = fold(m.group(1))
        if w in self.places or _POSTCODE_AFTER.match(text, m.end(1)):
            return False  # "Harjit Singh Sandhu Leicester, LE2": the town, then its postcode
        return w not in self.family_words and w not in _SUFFIXES and not is_title(w)

    def _other_second_surname(self, text: str, end: int) -> bool:
        """Spanish naming: the given name and first surname, then a second surname that is
        not this person's ("Vicente Ferrándiz Mora" is not Vicente Ferrándiz Climent): the
        father, an uncle — another person."""
        if len(self.parts.given) < 2:
            return False
        words = re.findall(r"[^\W\d_]+", text[max(0, end - 40) : end])
        if not words or fold(words[-1]) != fold(self.parts.given[-1]):
            return False  # the name ended on the second surname already, or on another word
        m = _NEXT_WORD.match(text, end, min(len(text), end + 40))
        if m is None:
            return False
        word = m.group(1)
        if not word[0].isupper() or (text[end - 1].isupper() != word[-1].isupper()):
            return False  # a lower-case word, or "GARCÍA Ana": a given name after capitals
        w = fold(word)
        return w not in self.family_words and w not in _SUFFIXES and not is_title(w)

    def _households(self, text: str, f: str) -> list[NameMatch]:
        """ "Мартин и Радослава Драгомирови": two given names joined, then the family's plural
        surname — the given name right before it is this person's (rule name_household)."""
        assert self._plural_re is not None
        out = []
        for m in _words(self._plural_re, f):
            s, e = m.start(), m.end()
            if not _capitalised(text, s):
                continue
            hit = self._left(text, f, s, e, self._plural_of[m.group(0)])
            if hit is None or hit.middle_conflict or hit.rule not in (
                    "name_first_last", "name_full", "name_alias", "name_nickname"):
                continue
            jm = _HOUSEHOLD_JOIN.search(f, max(0, hit.start - 40), hit.start)
            if jm is None or not _capitalised(text, jm.start()):
                continue
            out.append(NameMatch(hit.start, e, "name_household"))
        return out

    def _sorted_with_particle(
        self, text: str, f: str, s: int, e: int, surname: str, particle: str
    ) -> NameMatch | None:
        """ "Lingen, B.P. van", "Lingen, Bastiaan Pieter van": the core of a surname, its
        given names or initials, then its particles."""
        hit = self._right(text, f, s, e, surname)
        if hit is None or hit.rule not in ("name_reversed", "name_register"):
            return None
        pm = re.match(r"\.?[ \t]{1,2}" + re.escape(particle) + r"(?![a-z])", f[hit.end : hit.end + 20])
        if pm is None:
            return None
        return NameMatch(hit.start, hit.end + pm.end(), hit.rule, False, hit.middle_conflict)

    def given_only(self, text: str, folded: str | None = None) -> list[tuple[int, int]]:
        """Spans of the person's given name (or nickname) standing alone, capitalised. Only
        meaningful on a page already about the family; the analyzer decides when to use it."""
        if self._given_only_re is None:
            return []
        f = fold(text) if folded is None else folded
        return [
            (m.start(), m.end())
            for m in _words(self._given_only_re, f)
            if _capitalised(text, m.start())
            and not _SAINT_BEFORE.search(f, max(0, m.start() - 12), m.start())
            and not _patronymic(text, m.start())
        ]

    @property
    def surname_pattern(self) -> str:
        """The surname regex (people of one family share it)."""
        return self._surname_re.pattern

    def surname_spans(self, text: str, folded: str | None = None) -> list[tuple[int, int]]:
        """Capitalised occurrences of the person's surname(s), alone or in a name."""
        f = fold(text) if folded is None else folded
        return [
            (m.start(), m.end())
            for m in _words(self._surname_re, f)
            if _capitalised(text, m.start())
        ]

    # -- internals -----------------------------------------------------------------------------

    def _surname_of(self, found: str) -> str | None:
        if found in self.surnames:
            return found
        if self.genitive and found.endswith("s") and found[:-1] in self.surnames:
            return found[:-1]
        if self.romanise:
            r = roman_key(found)
            for s in self.surnames:
                if " " not in s and roman_key(s) == r:
                    return s  # "kovalskiy" for Kovalskyi
        if self.inflected:
            for s in self.surnames:
                last = s.split()[-1]
                if re.fullmatch(inflected_pattern(last), found.split()[-1]):
                    return s
            for s in self.surnames:
                if re.fullmatch(_inflected_words(s), found):
                    return s  # "kuznetsovoy-tamm" (the dative of Kuznetsova-Tamm)
        return None

    def _forms_for(self, surname: str) -> list[tuple[tuple[str, ...], str, str]]:
        if self.romanise and " " not in surname:
            # every form whose surname is the same in another romanisation ("Kovalskyi" of the
            # profile's name, "Kovalskiy" of its Russian alias)
            r = roman_key(surname)
            return [f for f in self._forms if f[1] == surname or (
                " " not in f[1] and roman_key(f[1]) == r)]
        return [f for f in self._forms if f[1] == surname]

    def _left(self, text: str, f: str, s: int, e: int, surname: str) -> NameMatch | None:
        """Given names written before the surname: "Eleanor R. Whitfield", "E. Whitfield"."""
        cm = _CALLING_NAME.search(f, max(0, s - 40), s)
        if cm is not None and cm.end() == s and _capitalised(text, cm.start(1)):
            # the name a person goes by, bracketed or quoted before the surname: "ir. B.P. (Bas)
            # van Lingen", "Margaret 'Maggie' Pruneda". It must be theirs; then the names before
            # it decide as usual, and it alone is a nickname match
            before = self._left(text, f, cm.start(), e, surname)
            theirs = self._is_given(cm.group(1), self.givens | self.wide_nicks)
            if not theirs and (cm.group(1) in self.family_words or any(
                    fold(n) in self.family_words for n in nicknames(cm.group(1), wide=True))):
                # another family member's name in brackets: an obituary's "Catherine (Thomas)
                # Wojcik", "Catherine (Tom) Wojcik" names her husband there
                before = None
            if not theirs:
                # a name they go by that the profile does not list: the given names before it
                # still decide ("Gertrude \"Trudy\" VanderLaan")
                # (never after initials alone: "E.R. (Maggie) Whitfield" goes by another name)
                return None if before is None or before.rule in (
                    "name_nickname", "name_initial", "name_short") else before
            if before is not None:
                return before
            prev = re.search(r"([a-z][a-z'\-]*)\.?[ \t]{1,3}$", f[max(0, cm.start() - 40):cm.start()])
            if prev is not None and not is_title(prev.group(1)) and _capitalised(
                    text, cm.start() - len(prev.group(0))):
                if prev.group(1) in self.family_words and prev.group(1) not in self.givens:
                    # an obituary's "daughter Katherine (Michael) Delmonico": the spouse of
                    # another member of the family, named in brackets before their surname
                    return NameMatch(cm.start(1), e, "name_first_last" if self._is_given(
                        cm.group(1), self.givens) else "name_nickname")
                return None  # "Jan (Bas) van Lingen": another given name before it
            return NameMatch(cm.start(1), e, "name_nickname")
        lm = self._left_re.search(f[max(0, s - 90) : s])
        if not lm:
            return None
        base = s - len(lm.group(1))
        toks = [
            (base + t.start(), base + t.end(), t.group(0))
            for t in re.finditer(r"[a-z][a-z'\-]{0,30}\.?", lm.group(1))
        ]
        # keep only capitalised tokens right before the surname
        kept: list[tuple[int, int, str]] = []
        for ts, te, tok in reversed(toks):
            if "\t" in text[te : kept[0][0] if kept else s]:
                break  # another cell of the row: "Sveti Nikola | Marković Dragan" (a saint's
                # day, then the household) is no "Nikola Marković"
            el = _ELISION.match(tok)
            if el is not None:
                # an elided article glued to the given name: Catalan and Italian "l'Ángela",
                # French "d'Anne"
                ts, tok = ts + el.end(), tok[el.end():]
            if not _capitalised(text, ts):
                break
            if len(tok) == 3 and tok[2] == "." and ts > 0 and f[ts - 1] == ".":
                tok = tok[0]  # "N.Ya.": a transliterated letter ("Я") in a cluster of initials
            kept.insert(0, (ts, te, tok.rstrip(".")))
        if not kept:
            return None
        forms = self._forms_for(surname)
        # Try the longest run of tokens ending at the surname that starts with a known given name.
        for i in range(len(kept)):
            if i and (kept[i - 1][1] == kept[i][0] or (
                    len(kept[i - 1][2]) == 1 and len(kept[i][2]) == 1)):
                # inside a cluster of initials ("J.M. Verhoeven" is not "M. Verhoeven", a
                # register's "S E DOE" is not "E DOE")
                break
            run = kept[i:]
            first_tok = run[0][2]
            rest = [t[2] for t in run[1:]]
            start = run[0][0]
            if _ROW_END.search(text, start, s):
                continue  # the end of a table row parts two records: "Mirela Grubišić" /
                # "Mirela Grubišić, 51" is no "Mirela Grubišić Mirela Grubišić"
            for given, _sn, rule in forms:
                if not given:
                    continue
                g0 = given[0]
                if self._is_given(first_tok, {g0}):
                    if self._first_surname_dropped(given, rest):
                        continue
                    r, conflict = self._judge_middles(rest, given[1:], rule)
                    if r:
                        return NameMatch(start, e, r, middle_conflict=conflict)
            if self._is_given(first_tok, self.wide_nicks) and all(len(t) == 1 for t in rest):
                conflict = any(t not in self.middle_initials for t in rest) and bool(rest)
                return NameMatch(start, e, "name_nickname", middle_conflict=conflict)
            if not rest and self._short_of(first_tok, {g[0] for g, _sn, _r in forms if g}):
                return NameMatch(start, e, "name_short")
            if (
                len(first_tok) == 1
                and first_tok in self.initials
                and all(len(t) == 1 for t in rest)
                and first_tok + "".join(rest) not in _LEGAL_FORM_LETTERS
            ):
                if len(rest) <= 2:
                    conflict = bool(rest) and rest[0] not in self.middle_initials
                    return NameMatch(start, e, "name_initial", middle_conflict=conflict)
        return None

    def _first_surname_dropped(self, given: tuple[str, ...], rest: list[str]) -> bool:
        """A person called by the first of two surnames (Spanish naming, or a profile whose alias
        drops the last one), printed with the second alone: "Tomislav Čulić" is not Tomislav
        Grubišić Čulić, who goes by "Tomislav Grubišić" — a namesake of the other family."""
        own = [fold(g) for g in self.parts.given]
        if own and own[-1] in ("i", "y"):
            own = own[:-1]  # "Marc Vidal i Coromines": the two surnames joined
        form = [g for g in given if g not in ("i", "y")]
        if not self.first_surname or len(own) < 2 or len(form) < 2:
            return False
        paternal = own[-1]
        if form[-1] != paternal:
            return False
        kept = [t for t in rest if t not in ("i", "y")]
        last = kept[-1] if kept else ""
        return not (last == paternal or last == paternal[0] or (
            self.inflected and len(last) > 1 and re.fullmatch(inflected_pattern(paternal), last)))

    def _judge_middles(
        self, rest: list[str], middles: tuple[str, ...], rule: str
    ) -> tuple[str | None, bool]:
        """Rule for given name + `rest` tokens + surname, and whether a middle conflicts."""
        if not rest:
            return ("name_first_last" if rule == "name_full" else rule), False
        if len(rest) > 2:
            # the person's own middle names in order, some as initials: Portuguese and Spanish
            # double surnames cut short ("Teresa Alexandra B. V. Pinheiro")
            j = 0
            for t in rest:
                while j < len(middles) and not (t == middles[j] or (
                        len(t) == 1 and middles[j][:1] == t)):
                    j += 1
                if j == len(middles):
                    return None, False
                j += 1
            full = all(len(t) > 1 for t in rest)
            return (rule if full or rule != "name_full" else "name_middle_initial"), False
        if [t for t in rest] == list(middles[: len(rest)]) and middles:
            return rule, False
        if self.inflected and middles and len(rest) <= len(middles) and all(
                re.fullmatch(inflected_pattern(m), t)
                for t, m in zip(rest, middles[: len(rest)], strict=True)):
            return rule, False  # the middle name in its case form: "Guðmundi Erni Baldurssyni"
        if all(len(t) == 1 for t in rest):
            if rest[0] in self.middle_initials:
                return ("name_middle_initial" if rule == "name_full" else rule), False
            return "name_middle_initial", True
        # a father's name as Russian and Ukrainian pages print it ("Георгий Иванович Лупашку")
        # is no middle name of the profile's: neither agrees nor conflicts unless the profile
        # gives one
        if not middles and all(_PATRONYMIC.search(t) for t in rest):
            return ("name_first_last" if rule == "name_full" else rule), False
        # an unknown middle name spelled out where the profile spells out another: someone
        # else ("Anders Holm Højgaard" is not "Anders Vinther Højgaard")
        if (self._full_middles and len(rest[0]) > 1 and rest[0] not in self.own_words
                and not self._is_given(rest[0], self.givens | self.wide_nicks)):
            return "name_middle_initial", True
        # an unknown middle name: conflicting only when we know the person's middle initial
        m0 = rest[0][0]
        if self.middle_initials and m0 not in self.middle_initials:
            return "name_middle_initial", True
        if any(self._is_given(t, self.givens) for t in rest):
            return None, False
        return ("name_first_last" if rule == "name_full" else rule), False

    def _right(self, text: str, f: str, s: int, e: int, surname: str) -> NameMatch | None:
        """Given names written after the surname: "Whitfield, Eleanor R.", "WHITFIELD E R",
        "DOE J Q", "Řezníčková Kateřina", "LE MAIRE , Olivier" (a register's spaced comma)."""
        pm = _PATRONYM_BRACKET.match(f, e)
        if pm is not None and not self._is_given(pm.group(1), self.givens | self.wide_nicks):
            # "ДРАГУТИНОВИЋ (МИЛАН) ВЕСНА": a register's surname, father's name, given name —
            # read the given name after the bracket (the father's name is no conflict)
            hit = self._right(text, f, s, pm.end() - 1, surname)
            return hit if hit is None or hit.rule != "name_household" else None
        rm = self._right_re.match(f[e : e + 90])
        if not rm:
            return None
        seg = rm.group(1)
        if seg.lstrip().startswith("("):
            before = _WORD_BEFORE.search(text, max(0, s - 30), s)
            if before is not None and before.group(1)[0].isupper() \
                    and not is_title(fold(before.group(1))):
                # "Kevin Callahan (Nora, gr. 10)": a first name before the surname makes it
                # another person's full name, and the bracket names someone else (a child)
                return None
        # "Whitfield, Eleanor" and "Perković (Sanja)": the given name set off after the surname
        comma = seg.lstrip().startswith((",", "("))
        toks = [
            (e + t.start(), e + t.end(), t.group(0).rstrip("."))
            for t in re.finditer(r"[a-z][a-z'\-]{0,30}\.?", seg)
        ]
        kept: list[tuple[int, int, str]] = []
        for ts, te, tok in toks:
            if not _capitalised(text, ts) and not (
                    len(tok) > 1 and is_title(tok) and all(is_title(k[2]) for k in kept)):
                break  # (a title may be written small: "Verhoeven, mr. M.A.")
            if kept and "\t" in text[kept[-1][1] : ts]:
                break  # the next cell of a row ("PRUNEDA, MAGGIE | F | 55"): not a middle name
            kept.append((ts, te, tok))
        # "Verhoeven, mr. M.A.", "Kováčová, JUDr. Jana", "DUPONT, Mme Anne": a title between the
        # surname and the given names (one letter, "M.", may be an initial: never skipped)
        while len(kept) > 1 and len(kept[0][2]) > 1 and (
                is_title(kept[0][2]) or kept[0][2] in _COURTESY):
            kept.pop(0)
        if not kept:
            return None
        first = kept[0][2]
        forms = self._forms_for(surname)
        for given, _sn, _rule in forms:
            if not given:
                continue
            if self._is_given(first, {given[0]}):
                rest = [t[2] for t in kept[1:]]
                # stop at the first token that is not a middle name or initial
                used = 1
                conflict = False
                for j, t in enumerate(rest[:2]):
                    ts = kept[j + 1][0]
                    if is_title(t) or (t == "di" and text[ts:ts + 2] == "DI"):
                        used += 1  # "Reiter Markus DI", "Hasenöhrl-Reiter Andrea Dr."
                        continue
                    if len(t) == 1:
                        conflict = conflict or t not in self.middle_initials
                        used += 1
                    elif given[1:] and t == given[1]:
                        used += 1
                    elif _PATRONYMIC.search(t):
                        # a father's name in full ("TARNAVSKYI ANDRII IVANOVYCH"): another
                        # man's son when it is not the profile's ("Mykhailovych"); no conflict
                        # when the profile gives none ("Лупашку Георгий Иванович")
                        # (the aliases' patronymics too: "Владимировна" of a Russian alias
                        # for "Володимирівна")
                        known = {fold(m) for m in self.parts.middles} | self._full_middles
                        conflict = conflict or bool(known) and not any(
                            m[:4] == t[:4] for m in known)
                        used += 1
                    elif (2 <= len(t) <= 4 and f[kept[j + 1][1] - 1] == "." and self.parts.middles
                          and not is_title(t)):
                        # a middle (or father's) name cut short: "Dragomirov Martin Iv.",
                        # "CHATZILAZAROU ELEFTHERIA LAZ." — "Iv." for Ivanov, never for Petkov
                        conflict = conflict or not any(
                            fold(m).startswith(t) for m in self.parts.middles)
                        used += 1
                    else:
                        break
                end = kept[used - 1][1]
                if len(kept) > used and self._surname_re.fullmatch(kept[used][2]):
                    # "Eleanor Whitfield, Daniel Whitfield": a list of names, not "Surname, Given"
                    continue
                if (not comma and len(kept) > used and not text[s:e].isupper()
                        and not self.surname_first
                        and not (self.two_surnames and " " in text[s:e].strip())):
                    # (both surnames, then the given names, is a directory's order where people
                    # carry two: "Falcon Betancort Maria Del Pino")
                    # "Whitfield Daniel Smith" in running text: too ambiguous to read as reversed
                    continue
                return NameMatch(s, end, "name_reversed", middle_conflict=conflict)
        # "Skovgaard, Bitten", "Décosterd Nath, 1976": a short form of the given name alone
        # after the surname, in a list's row
        if (len(kept) == 1 and (comma or text[s:e].isupper() or self.surname_first
                                or re.match(r"[ \t]*[,;(\t\n0-9]", text[kept[0][1]:kept[0][1] + 3]))
                and self._short_of(first, {g[0] for g, _sn, _r in forms if g})):
            return NameMatch(s, kept[0][1], "name_short")
        # "Whitcomb, Kathy": a short form set off after the surname, not followed by a surname
        if (
            comma
            and self._is_given(first, self.wide_nicks)
            and not (len(kept) > 1 and self._surname_re.fullmatch(kept[1][2]))
        ):
            return NameMatch(s, kept[0][1], "name_nickname")
        # registers print initials only: "WHITFIELD E R", "DOE J Q"
        initials: list[tuple[int, int, str]] = []
        for tk in kept[:3]:
            if len(tk[2]) == 2 and initials and f[tk[0] - 1] == "." and f[tk[1] - 1] == ".":
                # "N.Ya.": a transliterated letter ("Я") is two Latin letters in a cluster
                initials.append((tk[0], tk[1], tk[2][0]))
                continue
            if len(tk[2]) != 1:
                break  # "MONTANO GUADALUPE R": a given name first, the initial is hers
            initials.append(tk)
        if initials and initials[0][2] in self.initials:
            conflict = len(initials) > 1 and initials[1][2] not in self.middle_initials
            return NameMatch(s, initials[-1][1], "name_register", middle_conflict=conflict)
        # joint owners under one surname: "KERR DOUGLAS P/RENATA I", "SMITH JOHN & MARY"
        jm = _JOINT.match(f, e)
        # (or a directory's couple, surname first, the partner's given name first: "Kürzinger
        # Florian u. Theresia")
        partner_first = jm is not None and bool(self.partners) and (
            (m1 := re.match(r"[ \t]?,?[ \t]{1,3}([a-z][a-z'\-]{1,30})", f[e : jm.start(1)]))
            is not None and m1.group(1) in self.partners)
        if jm and (comma or text[s:e].isupper() or self.surname_first or partner_first) and \
                _capitalised(text, jm.start(1)):
            for given, _sn, _rule in forms:
                if given and self._is_given(jm.group(1), {given[0]}):
                    ini = jm.group(2)
                    conflict = bool(ini) and bool(self.middle_initials) and (
                        ini not in self.middle_initials)
                    return NameMatch(s, jm.end(2) if ini else jm.end(1), "name_household",
                                     middle_conflict=conflict)
        return None


def _words(rx: re.Pattern[str], folded: str) -> Iterator[re.Match[str]]:
    """Matches of `rx` in folded text that start a word (not preceded by a letter or digit)."""
    for m in rx.finditer(folded):
        i = m.start()
        if i == 0 or not folded[i - 1].isalnum():
            yield m


def _capitalised(text: str, i: int) -> bool:
    """True when the word at `i` starts with a capital letter (names do; "mark", "rose" don't)."""
    return i < len(text) and text[i].isupper()
