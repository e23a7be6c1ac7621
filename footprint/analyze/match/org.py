"""The profile's organisations — a child's school, a relative's employer — found in any print form.

An organisation is recognised by its distinctive words, not its full name: "Hollow Creek Middle
School" is "Hollow Creek" next to a word for school, "the Hollow Creek Hawks" newsletter or
"HCMS" (its initials, in capitals); "Caliche Ridge Engineering" is "Caliche Ridge". Generic words
(school, middle, high, academy, hospital, engineering, Inc., škola, szkoła, liceul …) never
identify one on their own. In an inflected language the distinctive words may carry a case
ending ("w Szkole Podstawowej nr 12 im. Marii Konopnickiej").

A page may also *be* the organisation's: its host name spells the distinctive words or the
initials ("calicheridge.example", "desertwillowjh.example"), or its title carries the name. Then
the organisation is implicit on the whole page (`own_site`): the staff list of the employer's
site names the employer nowhere next to the person.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..extract import Found
from ..names import fold, nicknames, stems
from ..towns import is_town
from .tokens import Tokens, norm, romanised

# Words that describe a kind of organisation, not which one (folded).
GENERIC = frozenset(
    """
    the of and for at in on a an de la le les du des der die das von zu di da del y e i am zum zur
    school schools middle junior senior high elementary primary secondary grammar comprehensive
    college academy institute preparatory prep charter magnet public private upper lower
    kindergarten preschool nursery daycare montessori intermediate international community
    hospital clinic medical center centre health university bank firm office offices
    inc incorporated llc llp pllc pc ltd limited plc gmbh ag sa srl sro as spa bv nv co company
    corp corporation group holdings associates partners services solutions systems consulting
    engineering engineers technologies international global national
    mechanical electrical plumbing contractors contracting construction builders architects
    architecture supply manufacturing industries enterprises logistics insurance realty
    properties accounting
    zakladni skola zs materska ms stredni ss gymnazium gymnasium obchodni akademie
    szkola podstawowa nr im liceum ogolnoksztalcace gimnazjum przedszkole zespol szkol
    osnovna os srednja gimnazija vrtic djecji
    scoala gimnaziala liceul colegiul national gradinita teoretic
    zakladna stredna materska
    sp z o oo s r d doo dd srl sa spolka akcyjna jawna komandytowa ks
    ab oy oyj asa aps hf ehf ae ike oe ood ead eood ad kft zrt nyrt bt sas sarl eurl snc lda
    kg ohg ug gbr vof bvba srls ltda tov pp tdv pat prat fop
    sl slu sau asbl scs secs sca epe ee scio cic sccl
    partg mbb partgmbb ggmbh kgaa mbh sasu sci selarl selas scp sll
    litsei litseiu liceum gimnaziia shkola zosh zahalnoosvitnia navchalnyi zaklad miskoi rady
    rada miska oblasnoi uchilishte sredno osnovno su ou pgi dimotiko gymnasio lykeio scholeio
    koulu lukio yhteiskoulu skole skolan grundskola gymnasiet
    faculty fakultet fakulteta fakultetu fakulta wydzial facultatea department dept katedra
    institut instytut ustav zavod sveuciliste sveucilista sveucilistu univerzita univerzity
    uniwersytet universitatea universitate university univ
    scuola scuole secondaria primaria primo secondo grado media medie elementare elementari
    istituto comprensivo liceo scientifico classico linguistico statale paritaria superiore
    tecnico professionale
    ecole college lycee primaire elementaire maternelle groupe scolaire prive publique general
    secondaire polyvalente fondamentale
    grondschoul schoul spillschoul
    ysgol gyfun cyfun gymraeg cymraeg gynradd cynradd uwchradd feithrin
    colegio escuela instituto ies ceip educacion secundaria infantil concertado publico
    uab vsi mb sia ou progimnazija gimnazija mokykla pradine vidurine pagrindine lopselis darzelis
    vidusskola pamatskola gimnazija kool gumnaasium pohikool
    schule grundschule realschule hauptschule gesamtschule werkrealschule mittelschule
    brg bg borg nms vs hak bhak htl hlw bafep
    oberschule gemeinschaftsschule basisschool lyceum escola agrupamento basica skola
    shkolla shkolles shkollen shkolle shkolle vjecare sh9v shkm gjimnazi gjimnazit gjimnazin
    kopshti kopsht mesme
    oou sou osnovno opstinsko uciliste sredno gimnazija dooel doo shpk
    ju jpu javna ustanova mss
    ikastola ikastolan ikastolako ikastolara ikastolakoa ikastetxea ikastetxean ikastetxeko
    institutua institutuan eskola eskolan eskolako
    openbare christelijke katholieke protestants protestantse bijzondere algemene
    obs cbs rkbs pcbs kbs
    stadtische stadtisches katholische evangelische
    """.split()
)
# The nouns for a school in the languages the tool reads: a page may print a school's kind in
# another of its country's languages than the profile does.
_SCHOOL_NOUNS = frozenset(
    """
    school schule grundschule ecole escola escuela scuola skola szkola skole koulu
    grondschoul schoul basisschool lycee liceo liceu liceum lyceum gymnasium gimnazija gimnazjum
    medie media elementari elementare
    gymnazium gimnazium college colegio collegi ysgol iskola kool mokykla skolan
    """.split()
)
# Abbreviated school kinds among the generic words ("OBS De Klimboom": openbare basisschool)
_SCHOOL_ABBREVS = frozenset("obs cbs rkbs pcbs kbs".split())
# The legal forms among them: a company's form is printed in the page's language or
# dropped ("ТОВ «Галінжпроект»" is "HALINZHPROEKT LLC" on an English page), so a form is no
# kind word of its own name and any form beside the name says it is a company.
_LEGAL_FORMS = frozenset(
    """
    inc incorporated llc llp pllc pc ltd limited plc gmbh ag sa srl sro as spa bv nv co corp
    corporation sp z o oo s r d doo dd spolka akcyjna jawna komandytowa ks ab oy oyj asa aps hf
    ehf ae ike oe ood ead eood ad kft zrt nyrt bt sas sarl eurl snc lda kg ohg ug gbr vof bvba
    srls ltda tov pp tdv pat prat fop sl slu sau asbl scs secs sca epe ee scio cic sccl
    dooel doo shpk
    partg mbb partgmbb ggmbh kgaa mbh sasu sci selarl selas scp sll
    """.split()
)
LEGAL_FORMS = _LEGAL_FORMS
"""The legal forms, folded and without full stops ("sro", "gmbh", "llc"): the planner leaves
them out of an employer's quoted name."""
# Small words inside names: articles, conjunctions, prepositions.
_SMALL = frozenset(
    "the of and for at a an i u na w z ze v ve und et y e si de di da del la le les du des der die das von zu "
    "im imienia al am zum zur".split()
)
# Articles before a school's eponym standing for the school ("della Morandi", "el Cervantes")
_EPONYM_ARTICLES = frozenset("la della alla nella dalla sulla el del al".split())
# Words after which an organisation's name gives its place, not its identity ("… w Krakowie").
_PLACE_WORDS = frozenset("w we v ve u in at na pri".split())


# an account's handle in running text ("@PalatinePharmacy"), not an e-mail's domain
_HANDLE = re.compile(r"(?<![\w.@])@([A-Za-z][A-Za-z0-9_]{3,40})(?![\w@.]*\.[a-z]{2})")


@dataclass(frozen=True)
class OrgKey:
    """A profile organisation as components."""

    key: str
    """"<person id>:school" or "<person id>:employer"."""
    kind: str
    """"school" or "employer"."""
    words: tuple[str, ...]
    """Distinctive words, folded, in order."""
    generic: frozenset[str]
    """The generic words of its name."""
    initials: str
    """Initials of its words (3 letters or more), lowercase, or ""."""
    name: str
    """The name as the profile gives it."""
    number: str = ""
    """The number of a numbered school ("Szkoła Podstawowa nr 164"), or ""."""
    kind_words: tuple[str, ...] = ()
    """The generic words before that number ("szkola", "podstawowa")."""
    kind_initials: str = ""
    """Their initials ("sp"), as such schools are abbreviated ("SP 164")."""
    kind_abbrevs: frozenset[str] = frozenset()
    """Initials of each run of two or more generic words in its name: "os" of "Osnovna
    škola Meje" ("OŠ Meje"), "lt" of "Liceul Teoretic …"."""
    whole_initials: str = ""
    """Initials of the whole name, its town included ("mrhs" of "Milton Ridge High School"
    in Milton, whose distinctive word is "ridge"), when they differ from `initials`."""


# the kind of organisation as the end of a compound name: Danish "Bøgeskovskolen", German
# "Waldschule", Finnish "Hervannan koulu" written "Hervantakoulu"
_KIND_ENDINGS = ("skolen", "skole", "skola", "skolan", "schule", "school", "gymnasium",
                 "gymnasiet", "gimnazija", "gimnazjum", "koulu", "lukio", "liceum", "lyceum",
                 "college", "akademie", "academy", "kindergarten", "barnehage", "bornehave", "skoli")


def _skeleton_of(short: str, word: str) -> bool:
    """`short`'s letters appear in `word` in order ("clg" in "college")."""
    it = iter(word)
    return all(ch in it for ch in short)


def _compound_stem(words: tuple[str, ...]) -> str:
    """The part before the kind of a one-word compound name ("bogeskov" of "bogeskovskolen"),
    five letters or more; "" otherwise."""
    if len(words) != 1:
        return ""
    w = words[0]
    for e in sorted(_KIND_ENDINGS, key=len, reverse=True):
        if w.endswith(e) and len(w) - len(e) >= 5:
            return w[: -len(e)]
    return ""


def _self_kinded(word: str) -> bool:
    """A one-word name that says its own kind ("bogeskovskolen"): no kind word beside it."""
    return any(word.endswith(e) and len(word) >= len(e) + 3 for e in _KIND_ENDINGS)


def _joined_forms(folded: str) -> str:
    """A legal form spelled with full stops as one word: "axonike i.k.e." → "axonike ike",
    "s.a r.l." → "sarl" (other initials stay letters)."""
    def join(m: re.Match[str]) -> str:
        word = re.sub(r"[^a-z]", "", m.group(0))
        return f" {word} " if word in _LEGAL_FORMS else m.group(0)
    return re.sub(r"(?<![a-z])(?:[a-z]{1,2}(?:\.[ \t]?|[ \t]+)(?=[a-z])){1,4}[a-z]{1,2}\.(?![a-z])",
                  join, folded)


def parse_org(
    name: str, places: tuple[str, ...] = ()
) -> tuple[tuple[str, ...], frozenset[str], str]:
    """(distinctive words, generic words, initials) of an organisation's name. A place at the
    end ("… w Krakowie", "… in Leeds", or one of the profile's towns, `places`: "Liceul
    Teoretic „Onisifor Ghibu” Cluj-Napoca") and the letters of a legal form ("Sp. z o.o.")
    are not distinctive: pages drop them."""
    words = re.findall(r"[a-z0-9]+", _joined_forms(fold(name)))
    for i, w in enumerate(words):
        if i >= 2 and w in _PLACE_WORDS:
            words = words[:i]
            break
    for place in places:
        pw = re.findall(r"[a-z0-9]+", fold(place))
        if pw and len(words) > len(pw) + 1 and tuple(words[-len(pw) :]) == tuple(pw):
            if any((w not in GENERIC and w not in _SMALL and len(w) > 1) or w.isdigit()
                   for w in words[: -len(pw)]):
                words = words[: -len(pw)]
            # (a school named after its town alone keeps it: "École fondamentale de Bridel";
            # a numbered one is its number: "Școala Gimnazială nr. 31 Brașov")
            break
    # a town first, in its case form: "Vilniaus Šilėnų progimnazija" (Vilnius), "Krakowska
    # Szkoła …" — printed without it as often
    town_stems = {st for place in places for pw in re.findall(r"[a-z0-9]+", fold(place))
                  if len(pw) >= 4 for st in stems(pw)}
    rest = [w for w in words[1:] if w not in GENERIC and not w.isdigit() and len(w) > 1]
    if len(words) > 2 and len(rest) == 1 and words[0] not in GENERIC and any(
            words[0].startswith(st) and len(words[0]) - len(st) <= 3 for st in town_stems):
        # (only when one distinctive word is left: with two or more, the town is one of the
        # words a page may print, and the others identify the organisation anyway)
        words = words[1:]
    distinct = tuple(w for w in words if w not in GENERIC and not w.isdigit() and len(w) > 1)
    generic = frozenset(w for w in words if w in GENERIC)
    letters = [w[0] for w in words if w.isalpha() and w not in _SMALL and w != "nr"]
    initials = "".join(letters) if len(letters) >= 3 else ""
    return distinct, generic, initials


def kind_abbrevs(name: str) -> frozenset[str]:
    """Initials of each run of two or more generic words in `name` (small words inside a run
    are skipped): "Osnovna škola Meje" → {"os"}; "Hollow Creek Middle School" → {"ms"}."""
    out: set[str] = set()
    run: list[str] = []
    for w in re.findall(r"[a-z0-9]+", fold(name)) + [""]:
        if w in GENERIC and w not in _SMALL:
            run.append(w[0])
            # a compound kind gives two letters: Dutch "basisschool" the "bs" of "obs"
            # (openbare basisschool), German "Grundschule" the "gs" of "GS"
            end = next((e for e in ("school", "schule") if w.endswith(e) and len(w) > len(e) + 2),
                       None)
            if end is not None:
                run.append(end[0])
        elif w in _SMALL and run:
            continue
        else:
            # the run and its tails: "JU Osnovna škola" is "JOŠ" and "OŠ"
            out.update("".join(run[i:]) for i in range(len(run) - 1))
            run = []
    return frozenset(out)


def parse_number(name: str) -> tuple[str, tuple[str, ...], str]:
    """(number, kind words, kind initials) of a numbered school: "Szkoła Podstawowa nr 164" →
    ("164", ("szkola", "podstawowa"), "sp"); ("", (), "") for other names."""
    # (a number glued to a word by a hyphen describes the school: Albanian "9-vjeçare", a
    # nine-year school, is no school number)
    words = re.findall(r"[a-z0-9]+", re.sub(r"\d+-(?=[a-z])", "", fold(name)))
    for i, w in enumerate(words):
        if w.isdigit():
            kind = tuple(x for x in words[:i] if x in GENERIC and x not in ("nr", "no", "the", "of"))
            if kind:
                return w, kind, "".join(x[0] for x in kind)
            return "", (), ""
    return "", (), ""


# a pupil's class right before a school's one distinctive word says it is the school: "Year 9
# at Cranmore", "i 6.B på Bøgeskov", "3ª B alle Galletti", "groep 8, Klimboom" (a number with
# a letter, or a word for year or class with its number; never an ordinal alone, "8th at" is a
# race's place)
_CLASS_BEFORE = re.compile(
    r"(?:(?<![a-z0-9])(?:year|yr|grade|class|klasse|classe|groep|clasa|razred|klass|luokka)"
    r"[ 	]?\d{1,2}[a-z]?|(?<![a-z0-9.,])\d{1,2}(?:\.[ 	]?[a-z]|[a-z]{1,2}\d?|a[ 	][a-z])"
    r"(?<!st|nd|rd|th))[ 	,]{1,3}(?:(?:at|pa|i|in|an|am|alle|au|a|na|u|w|v|ved|on|der|"
    r"dem|la|da|di|van|de|des|du|del|della|of|the|bij|op|auf|zur|zum)[ 	]{1,2}){0,2}$"
)

# an ordinal's digits and its case ending ("2ο", "2ου", "3r", "2nd")
_ORDINAL = re.compile(r"(\d+)[a-z]{0,3}")

# a company's one-word name, then a dash and what it does
_SUBTITLE = re.compile(r"\s*(\S+)\s+[-–—]\s+\S")


_OPEN_QUOTES = "\"„“«‚'‹"
_CLOSE_QUOTES = "\"“”»‘'›"


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands alone between quotation marks."""
    if not text:
        return False
    before = text[max(0, start - 2):start].rstrip()
    after = text[end:end + 2].lstrip(" .")
    return bool(before) and before[-1] in _OPEN_QUOTES and bool(after) and after[0] in _CLOSE_QUOTES


class OrgMatcher:
    """Finds the profile's schools and employers. Build once per audit."""

    kind = "org"

    def __init__(
        self,
        orgs: list[tuple[str, str, str]],
        *,
        inflected: bool = False,
        places: list[str] | None = None,
        family: frozenset[str] = frozenset(),
    ) -> None:
        """`orgs`: (key, kind, name) for every school and employer in the profile; `places`:
        the profile's towns (a name that ends with one is printed without it too); `family`:
        the family's folded surnames (a firm named after them, "Strasser & Wimmer
        Ziviltechniker", is not named by "Thomas Wimmer, Ziviltechniker")."""
        self.inflected = inflected
        self.family = frozenset(w for s in family for w in s.replace("-", " ").split())
        self.places = frozenset(fold(p) for p in places or ())
        self.keys: list[OrgKey] = []
        for key, kind, name in orgs:
            words, generic, initials = parse_org(name, tuple(places or ()))
            sub = _SUBTITLE.match(name) if kind == "employer" else None
            if sub is not None:
                # "Minhoterra - Engenharia e Construção, Lda.": the coined name before the dash
                # is the company's name; what it does, after the dash, is generic
                head, _i = parse_org(sub.group(1), tuple(places or ()))[:2]
                if len(head) == 1:
                    generic = generic | frozenset(w for w in words if w not in head)
                    words = head
            number, kind_words, kind_initials = parse_number(name)
            if number:
                initials = ""  # "SP 164" names it; the letters of the whole name do not
            if not words and not initials and not number:
                continue
            whole = "" if number else parse_org(name)[2]
            self.keys.append(OrgKey(key, kind, words, generic, initials, name, number,
                                    kind_words, kind_initials, kind_abbrevs(name),
                                    whole if whole != initials else ""))
            stem = _compound_stem(words) if kind == "school" else ""
            if stem:
                # a compound's first part alone, with a kind word or a class beside it: "på
                # Bøgeskov" (Bøgeskovskolen), "Sandsjö skola" (Sandsjöskolan)
                ending = words[0][len(stem):]
                self.keys.append(OrgKey(key, kind, (stem,), generic | {ending}, "", name))

    def _word_ok(self, page: str, mine: str) -> bool:
        if page == mine or norm(page) == norm(mine):
            return True
        om, op = _ORDINAL.fullmatch(mine), _ORDINAL.fullmatch(page)
        if om and op:
            # an ordinal in another case ("2ο" / "2ου", whose ending is a token of its own)
            return om.group(1) == op.group(1)
        if len(mine) >= 4 and romanised(page) == romanised(mine):
            return True  # "Hebros Hydro" for "Хеброс Хидро" (Hebros Hidro)
        if self.inflected and len(mine) >= 4:
            page = norm(page)
            return any(page.startswith(norm(s)) and len(page) - len(norm(s)) <= 4
                       for s in stems(mine))
        return False

    def find(self, text: str, folded: str, tokens: Tokens) -> list[Found]:
        out: list[Found] = []
        toks = tokens.toks
        for k in self.keys:
            seen: set[tuple[int, int]] = set()
            # anchored on its longest word, or on the next when that one is printed as an
            # initial ("O. Ghibu")
            for ai in sorted(range(len(k.words)), key=lambda i: -len(k.words[i]))[:2]:
                anchor = k.words[ai]
                cands = (
                    [i for s in stems(anchor) for i in tokens.prefixed(s)]
                    if self.inflected and len(anchor) >= 4
                    else tokens.positions_norm(anchor)
                )
                for pos in sorted(set(cands)):
                    span = self._words_at(toks, pos, ai, k, text)
                    if span is None or span in seen:
                        continue
                    seen.add(span)
                    s, e = span
                    if self._brand(k) and not text[s : s + 1].isupper():
                        continue  # a brand is printed with its capital: "chez Sonalis"
                    out.append(Found(k.kind, s, e, " ".join(text[s:e].split()),
                                     (("known", k.key),)))
            if k.number:
                for i in tokens.positions(k.number):
                    span = self._numbered_at(toks, i, k)
                    if span is not None:
                        s, e = span
                        out.append(Found(k.kind, s, e, " ".join(text[s:e].split()),
                                         (("known", k.key), ("numbered", "1"))))
            if k.kind == "school" and len(k.words) >= 2 and len(k.words[-1]) >= 5:
                # a school named after a person is called by the eponym's surname with an
                # article: "studentessa della Morandi" (Scuola secondaria … Anna Morandi), "el
                # Cervantes"; or after its kind: "medie Galletti", "SSPG MORANDI PR", "collège
                # Bardey"
                last = k.words[-1]
                for i in tokens.positions_norm(last):
                    t = toks[i]
                    if i == 0 or not text[t.start].isupper():
                        continue
                    # (not a numbered school's place: "3ou Gymnasiou Kalamarias" is another
                    # school of the district of "2o Gymnasio Kalamarias")
                    kind_before = (self._kind_word_at(toks, i - 1, k)
                                   and not toks[i].newline_before and last not in self.places
                                   and not any(_ORDINAL.fullmatch(w) for w in k.words))
                    if not kind_before and not (
                            toks[i - 1].text in _EPONYM_ARTICLES and not (
                                i + 1 < len(toks) and toks[i + 1].text[:1].isalpha()
                                and text[toks[i + 1].start].isupper() and not toks[i + 1].glue)):
                        # (after an article, a capitalised word next is a person's given
                        # name: "della Morandi Giulia")
                        continue
                    s_ = toks[i - 1].start
                    out.append(Found(k.kind, s_, t.end, " ".join(text[s_:t.end].split()),
                                     (("known", k.key), ("eponym", "1"))))
            if k.initials or k.whole_initials:
                # the full initials, or all but the last ("FGAG" for "… geodezije Sveučilišta");
                # a town's letter with them ("MRHS" of Milton Ridge High School)
                forms = {f_ for f_ in (k.initials, k.whole_initials) if f_}
                forms |= {f_[:-1] for f_ in forms if len(f_) >= 5}
                for i in sorted({i for f_ in forms for i in tokens.positions(f_)}):
                    t = toks[i]
                    if t.text not in (k.initials, k.whole_initials) and self._town_left_out(
                            toks, i, i, k) and self._other_town_after(toks, i, k, text):
                        continue  # "SCJU Iași": another town's hospital, not ours cut short
                    if text[t.start : t.end].isupper():  # "HCMS", never the word "hcms"
                        out.append(Found(k.kind, t.start, t.end, text[t.start : t.end],
                                         (("known", k.key), ("initials", "1"))))
            if k.kind == "employer" and len(k.words) >= 1:
                # its account's handle in a bio: "Superintendent Pharmacist @PalatinePharmacy"
                # (Palatine Pharmacy Group), "director @HafrenStructural": its first words run
                # together, two at least, or all of them (eight letters or more), or its first
                # word alone when coined (six letters or more, no one's name, no town)
                runs = {"".join(k.words[:n]) for n in range(2, len(k.words) + 1)}
                whole = "".join(k.words)
                if len(whole) >= 8:
                    runs.add(whole)
                w = k.words[0]
                if len(w) >= 6 and not nicknames(w, wide=True) and w not in self.places:
                    runs.add(w)  # "@kodamet" of Kodamet Software sp. z o.o.
                for m in _HANDLE.finditer(text):
                    if fold(m.group(1)).replace("_", "") in runs:
                        out.append(Found(k.kind, m.start(), m.end(), m.group(0),
                                         (("known", k.key), ("handle", "1"))))
        return out

    def _words_at(self, toks: list, pos: int, ai: int, k: OrgKey,  # type: ignore[type-arg]
                  text: str = "") -> tuple[int, int] | None:
        """The organisation's distinctive words in order around the anchor word at `pos`, with
        small words between them ("arhitekture i geodezije"); most of them (two thirds) must be
        there, since long names are shortened ("Fakultet građevinarstva, arhitekture i
        geodezije" without "Sveučilišta")."""
        def skippable(j: int) -> bool:
            # a generic word in its case form too ("2ου Γυμνασίου Καλαμαριάς"), and an ordinal's
            # ending glued to its number ("2" + "ου")
            t = toks[j].text
            # (or the kind cut short: "Lorettoberg-Gym. Freiburg", "Lic. Teor. O. Ghibu")
            # (and the school's own number between its words: "BG/BRG Wien 13 Lainzbachgasse")
            return t in _SMALL or self._kind_word_at(toks, j, k) or (k.number and t == k.number) or (
                j > 0 and t.isalpha() and len(t) <= 3 and toks[j - 1].is_number
                and toks[j - 1].end == toks[j].start)

        def initial(j: int, mine: str) -> bool:
            # "O. Ghibu" of "Onisifor Ghibu": a name word cut to its initial and a full stop
            # (or to its first letters: "Gr. Silași" of "Grigore Silași", "Al. Ioan Cuza")
            t = toks[j].text
            return (len(t) <= 3 and t.isalpha() and len(mine) > len(t) + 2
                    and mine.startswith(t) and j + 1 < len(toks)
                    and toks[j + 1].glue.startswith("."))

        lo = hi = pos
        matched = 1
        initials = 0
        # rightwards
        j, wi = pos + 1, ai + 1
        while wi < len(k.words) and j < len(toks) and j - hi <= 3:
            if toks[j].newline_before:
                break
            if self._word_ok(toks[j].text, k.words[wi]):
                hi, matched = j, matched + 1
                wi += 1
            elif initial(j, k.words[wi]):
                hi, matched, initials = j, matched + 1, initials + 1
                wi += 1
            elif not skippable(j):
                break
            j += 1
        # leftwards
        j, wi = pos - 1, ai - 1
        while wi >= 0 and j >= 0 and lo - j <= 3:
            if toks[lo].newline_before:
                break
            if self._word_ok(toks[j].text, k.words[wi]):
                lo, matched = j, matched + 1
                wi -= 1
            elif initial(j, k.words[wi]):
                lo, matched, initials = j, matched + 1, initials + 1
                wi -= 1
            elif not skippable(j):
                break
            j -= 1
        need = len(k.words) if len(k.words) <= 2 else max(2, math.ceil(len(k.words) * 2 / 3))
        if matched < need:
            return None
        if matched < len(k.words) and self._town_left_out(toks, lo, hi, k) \
                and self._other_town_after(toks, hi, k, text):
            return None
        if (self.family and toks[lo].text in self.family and lo > 0
                and not toks[lo - 1].is_number and toks[lo - 1].text not in _SMALL
                and not toks[lo].newline_before and toks[lo].glue not in ("&", "+")
                and text[toks[lo - 1].start : toks[lo - 1].start + 1].isupper()
                and (matched - 1 < need and (
                    # (every word of the firm's name in order, none set off by a comma, is
                    # the firm after a capitalised noun: "Büro Brandt Architekten")
                    matched < len(k.words) or any(t.glue == "," for t in toks[lo + 1 : hi + 1])))):
            # a firm named after the family ("Strasser & Wimmer Ziviltechniker GmbH") is not
            # named by the surname of a person's name beside a profession: "DI Thomas Wimmer,
            # Ziviltechniker" is the person (or a namesake), "Strasser & Wimmer ZT" the firm
            return None
        start, end = toks[lo].start, toks[hi].end
        # the generic words that follow belong to the printed name ("Hollow Creek Middle School")
        g = hi + 1
        while (g < len(toks) and g <= hi + 3 and toks[g].text in k.generic
               and toks[g].text not in _SMALL and not toks[g].newline_before):
            end = toks[g].end
            g += 1
        if (len(k.words) == 1 and not self._brand(k) and not _self_kinded(k.words[0])) \
                or initials or (k.kind == "school" and any(w in self.places for w in k.words)):
            # a single distinctive word ("Mendel"), or a name with an initial ("O. Ghibu"), is a
            # person's name as often as a school's, and a school named after its town or district
            # ("ZŠ Plzeň-Bolevec") shares the name with the town's club ("TJ Sokol
            # Plzeň-Bolevec"): it needs a word of the organisation's kind right beside it
            # ("Gymnázium", "OŠ Meje", "Lic. Teor. O. Ghibu", "ZŠ Bolevec")
            near = list(range(max(0, lo - 3), lo)) + list(range(hi + 1, min(len(toks), hi + 4)))
            if not any(self._kind_word_at(toks, i, k) for i in near) and not (
                    initials and _quoted(text, start, end)) and not (
                    k.kind == "school" and _CLASS_BEFORE.search(
                        fold(text[max(0, start - 30) : start]))):
                # (a school named after a person, in quotes, is that school: 'SH9V "P. Budi"',
                # 'ООУ „М. Цепенков“')
                return None
        return start, end

    def _town_left_out(self, toks: list, lo: int, hi: int,  # type: ignore[type-arg]
                       k: OrgKey) -> bool:
        """Whether the words of the name not printed between `lo` and `hi` hold a town ("Cluj"
        of "… de Urgență Cluj"), not a word of what the organisation is ("Ziviltechniker")."""
        printed = [toks[j].text for j in range(lo, hi + 1)]
        towns = self.places | {w for p in self.places for w in re.split(r"[ \-]", p) if w}
        return any(w in towns or is_town(w) for w in k.words
                   if not any(self._word_ok(t, w) for t in printed))

    def _other_town_after(self, toks: list, hi: int, k: OrgKey,  # type: ignore[type-arg]
                          text: str) -> bool:
        """Whether a name printed without its town ("Spitalul Clinic Județean de Urgență" of
        "… de Urgență Cluj") goes on, on its line, with another town: "„Sf. Spiridon” Iași" is
        the county hospital of another county, no shortened form of ours."""
        mine = set(k.words) | self.places | {w for p in self.places for w in p.split()}
        for j in range(hi + 1, min(len(toks), hi + 7)):
            t = toks[j]
            if t.newline_before or t.text in self.places or t.text in k.words:
                return False  # (the end of its line, or our town: "… ZT in Wien-Mariahilf")
            if (t.text not in mine and len(t.text) >= 3 and not t.is_number
                    and text[t.start : t.start + 1].isupper() and is_town(t.text)):
                return True
        return False

    def _brand(self, k: OrgKey) -> bool:
        """An employer whose name is one coined word ("Sonalis", "Fyrisvall"): no kind word is
        printed beside it ("chez Sonalis", "@Sonalis"), and it is no one's first name nor a
        profile town, so the word alone names it."""
        if k.kind != "employer" or len(k.words) != 1:
            return False
        # (or a coined name with what the company does after a dash: "Minhoterra - Engenharia e
        # Construção, Lda." is "na Minhoterra")
        if k.generic - _LEGAL_FORMS and not _SUBTITLE.match(k.name):
            return False
        w = k.words[0]
        return len(w) >= 6 and not nicknames(w, wide=True) and w not in self.places

    def _kind_word_at(self, toks: list, i: int, k: OrgKey) -> bool:  # type: ignore[type-arg]
        """Token `i` says the organisation's kind: one of its generic words (or a case form),
        their initials ("OŠ" of "Osnovna škola"), or one cut short with a full stop ("Lic."
        of "Liceul", "Teor." of "Teoretic")."""
        w = toks[i].text
        if (w not in _SMALL and self._generic_ok(w, k)) or w in k.kind_abbrevs:
            return True
        if k.kind == "school" and w in _SCHOOL_NOUNS:
            return True  # the kind in the page's language: "Grundschule Am Bongert" for "École
            # fondamentale Am Bongert" (Luxembourg, Switzerland, Belgium print both)
        if k.kind == "employer" and len(w) >= 3 and w in _LEGAL_FORMS:
            return True  # "HALINZHPROEKT LLC" for "ТОВ «Галінжпроект»"
        dotted = i + 1 < len(toks) and toks[i + 1].glue.startswith(".")
        if dotted and len(w) >= 3 and any(g.startswith(w) and g != w for g in k.generic):
            return True
        if 3 <= len(w) <= 4 and not set(w[1:]) & set("aeiouy") and any(
                len(g) >= 6 and g[0] == w[0] and _skeleton_of(w, g) for g in k.generic):
            return True  # its consonants: "Clg" (collège), "Gmn" (gimnazija)
        # a contraction, its first letters and its ending: Lithuanian "prog-ja" (progimnazija),
        # "gimn-ja"; Finnish "k-kauppa"
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        return bool(nxt is not None and nxt.glue == "-" and len(w) >= 3 and any(
            g.startswith(w) and g.endswith(nxt.text) and len(g) > len(w) + len(nxt.text)
            for g in k.generic))

    def _numbered_at(self, toks: list, i: int, k: OrgKey) -> tuple[int, int] | None:  # type: ignore[type-arg]
        """ "SP 164", "SP nr 164", "Szkoły Podstawowej nr 164", "sp164": the number with the
        school's kind (its words, in any case form, or their initials) right before it."""
        j = i - 1
        while j >= 0 and i - j <= 2 and toks[j].text in ("nr", "no", "br", "c", "cislo", "n"):
            j -= 1
        if j < 0 or toks[j].newline_before and j != i - 1:
            return None
        t = toks[j].text
        if k.kind_initials and t == k.kind_initials:
            return toks[j].start, toks[i].end
        last = k.kind_words[-1]
        if t == last or (len(t) >= 5 and t[:5] == last[:5]):
            first = j
            while first > 0 and j - first < len(k.kind_words) - 1:
                prev = toks[first - 1].text
                if any(prev[:5] == w[:5] for w in k.kind_words):
                    first -= 1
                else:
                    break
            return toks[first].start, toks[i].end
        return None

    def _generic_ok(self, word: str, k: OrgKey) -> bool:
        """`word` is one of the organisation's generic words, or a case form of one
        ("Gymnázia" of "Gymnázium")."""
        if word in k.generic:
            return True
        if any(len(g) >= 6 and word.startswith(g) and len(word) - len(g) <= 4 for g in k.generic):
            return True  # a case ending on the kind word in any language ("Artxanda Ikastolan")
        return self.inflected and len(word) >= 5 and any(
            len(g) >= 5 and word[:5] == g[:5] for g in k.generic
        )

    # -- the page's own organisation --------------------------------------------------------

    def own_site(self, url: str, title: str) -> list[OrgKey]:
        """The profile organisations whose own site (or own section of a site) this page is:
        the host name or the first path segments spell their distinctive words (or initials),
        or the title carries them."""
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
            path = [seg for seg in parts.path.lower().split("/") if seg][:3]
        except ValueError:
            host, path = "", []
        hosts = [re.sub(r"[^a-z0-9]", "", lab) for lab in host.split(".")[:-1]
                 if lab not in ("www", "m")]
        labels = hosts + [re.sub(r"[^a-z0-9]", "", lab) for lab in path]
        joined = "".join(labels)
        ftitle = fold(title)
        out = []
        for k in self.keys:
            spelled = "".join(k.words)
            # one word in a path is a page about it on another site ("/quadrivia"), not its own
            where = "".join(hosts) if len(k.words) == 1 else joined
            in_host = bool(spelled) and len(spelled) >= 6 and spelled in where
            # the whole name spelled out, its town and kind too ("tartukaarekool" of Tartu
            # Kaare Kool, whose one distinctive word is short)
            whole = "".join(re.findall(r"[a-z0-9]+", fold(k.name)))
            in_host = in_host or (len(whole) >= 10 and whole in "".join(hosts))
            if not in_host and k.initials and len(k.initials) >= 3:
                in_host = any(lab.endswith(k.initials) or lab.startswith(k.initials)
                              for lab in labels)
                in_host = in_host and bool(k.words) and k.words[0][:4] in joined
            # a word's start in the title (its case forms), a whole word when it is the only
            # one: "minhotrilhos" is a blog's name, not "Minhotec"
            in_title = bool(k.words) and all(
                re.search(r"(?<![a-z])" + (re.escape(w[:5]) if len(k.words) > 1 else
                                           re.escape(w[:max(5, len(w) - 2)]) + r"[a-z]{0,3}(?![a-z])"),
                          ftitle) for w in k.words
            )
            if not in_host and k.number and k.kind_initials:
                in_host = any(k.kind_initials + k.number in lab for lab in labels)
            if not in_host and k.number and k.kind == "school":
                # a numbered school's kind spelled out with its number: "liceum322.example"
                # for Ліцей № 322 «Либідь», "school17", "gimnazija5"
                nouns = _SCHOOL_NOUNS | {g for g in k.generic if len(g) >= 4}
                in_host = any(re.search(rf"(?<![a-z]){re.escape(g)}0*{re.escape(k.number)}(?!\d)",
                                        lab) for lab in hosts for g in nouns)
            if (len(k.words) == 1 or (k.kind == "school" and any(
                    w in self.places for w in k.words))) and k.generic and (in_host or in_title):
                # one distinctive word is a place's or a person's name as often as this
                # organisation's: its kind must be there too ("kvarnbackensik.example", "…
                # Kvarnbäckens IK" is the sports club named after the same place as
                # "Kvarnbäckens skola"; "TJ Sokol Plzeň-Bolevec" is the club of the district
                # "ZŠ Plzeň-Bolevec" is named after); a one-word compound ("Bøgeskovskolen")
                # says it itself
                kinds = [g for g in k.generic if len(g) >= 4 and g not in _SMALL]
                if k.kind == "school":
                    # (in another language of the country: "schoul-ambongert" for École
                    # fondamentale Am Bongert; a school's kind by its abbreviation, as its name
                    # gives it: "OBS De Klimboom", "obsdeklimboom.example")
                    kinds += [g for g in _SCHOOL_NOUNS if len(g) >= 4]
                    kinds += [g for g in k.generic if g in _SCHOOL_ABBREVS]
                twords = set(re.findall(r"[a-z0-9]+", ftitle))
                if not self._brand(k):
                    in_host = in_host and any(g in joined for g in kinds)
                    in_title = in_title and bool(twords & set(kinds) or twords & k.kind_abbrevs)
            if in_host or in_title:
                out.append(k)
        return out
