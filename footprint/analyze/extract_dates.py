"""Ages and birth dates in page text.

Ages: "Age 58", "Age: 57-58", "Age guide: 50-54", "Age 80s", "aged 58", "58 years old",
"48-year-old", and their forms in Czech, Slovak, Polish, Croatian, Romanian, German and Spanish
("věk 58", "58letá", "lat 50", "53 lata", "78-letnia", "58 godina", "58-godišnja", "58 de ani",
"80 años"). Birth dates are read only after a birth label ("Born", "DOB", "Date of birth",
"b.", "nar.", "narozena", "datum narození") so that publication dates are never taken for a
birthday: full dates ("March 14, 1968", "14 March 1968", "1968-03-14", "03/14/1968", "14. 3. 1968",
"14. března 1968") and partial ones ("Mar 1968", "born 1968", "březen 1968", "1968-03").
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Iterable

from ..masking import CJK_LETTERS
from .extract import ExtractContext, Found, collapse

# Month names (folded) by language; English everywhere. Where two languages disagree
# ("listopad": November in Czech and Polish, October in Croatian) the page's language decides.
_MONTH_NAMES: dict[str, str] = {
    "en": ("january february march april may june july august september october november "
           "december"),
    "en_short": "jan feb mar apr may jun jul aug sep oct nov dec",
    # genitive (in full dates), then nominative (month + year)
    "cs": ("ledna unora brezna dubna kvetna cervna cervence srpna zari rijna listopadu prosince|"
           "leden unor brezen duben kveten cerven cervenec srpen zari rijen listopad prosinec"),
    "sk": ("januara februara marca aprila maja juna jula augusta septembra oktobra novembra "
           "decembra|januar februar marec april maj jun jul august september oktober november "
           "december"),
    "pl": ("stycznia lutego marca kwietnia maja czerwca lipca sierpnia wrzesnia pazdziernika "
           "listopada grudnia|styczen luty marzec kwiecien maj czerwiec lipiec sierpien wrzesien "
           "pazdziernik listopad grudzien"),
    "hr": ("sijecnja veljace ozujka travnja svibnja lipnja srpnja kolovoza rujna listopada "
           "studenoga prosinca|sijecanj veljaca ozujak travanj svibanj lipanj srpanj kolovoz "
           "rujan listopad studeni prosinac"),
    "sr": ("januara februara marta aprila maja juna jula avgusta septembra oktobra novembra "
           "decembra|januar februar mart april maj jun jul avgust septembar oktobar novembar "
           "decembar"),
    "ro": ("ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie "
           "noiembrie decembrie"),
    "de": "januar februar marz april mai juni juli august september oktober november dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "fr": "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
          "dicembre",
    "hu": "januar februar marcius aprilis majus junius julius augusztus szeptember oktober "
          "november december",
    "nl": "januari februari maart april mei juni juli augustus september oktober november "
          "december",
    "pt": "janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro "
          "dezembro",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "de_ae": "januar februar maerz april mai juni juli august september oktober november dezember",
}


# Abbreviated month names, read only on pages in their own language ("febr. 11.", "4 juil.",
# "12 mrt"): as words of other languages they are common words ("out", "set", "sie").
_MONTH_ABBR: dict[str, str] = {
    "hu": "jan febr marc apr maj jun jul aug szept okt nov dec",
    "de": "jan feb marz apr mai jun jul aug sept okt nov dez",
    "fr": "janv fevr mars avr mai juin juil aout sept oct nov dec",
    "nl": "jan feb mrt apr mei jun jul aug sept okt nov dec",
    "it": "genn febbr mar apr magg giu lug ago sett ott nov dic",
    "es": "ene feb mar abr may jun jul ago sept oct nov dic",
    "pt": "jan fev mar abr mai jun jul ago set out nov dez",
    "pl": "stycz lut marz kwiec maj czerw lip sierp wrz paz list grudz",
}


# Languages whose month names come from the CLDR (Babel), written (and, for Cyrillic and Greek,
# transliterated) as their pages print them; the table above comes first where both have one.
_CLDR_MONTHS: dict[str, str | None] = {
    "da": None, "nb": None, "nn": None, "fi": None, "is": None, "et": None, "lv": None,
    "lt": None, "sl": None, "sq": None, "ca": None, "gl": None, "eu": None, "ga": None,
    "cy": None, "mt": None, "lb": None, "el": None, "bg": "bg", "mk": "mk", "uk": "ua",
    "ru": "ru", "be": "by",
}


def _case_forms(lang: str, word: str) -> tuple[str, ...]:
    """The case forms dates print a month name in, where the CLDR gives only one: Estonian
    "9. aprillil" (adessive), "aprilli" (genitive); Latvian "12. martā", "23. augustā",
    "2. oktobrī" (locative: -s → -ā, -is → -ī)."""
    if lang == "et":
        return (word + "il", word + "i")
    if lang == "lv":
        if word.endswith("is"):
            return (word[:-2] + "i",)
        if word.endswith("s"):
            return (word[:-1] + "a",)
    return ()


@functools.cache
def _cldr_months(lang: str) -> tuple[tuple[str, int], ...]:
    from babel import Locale

    from .names import fold
    from .scripts import latin

    loc = Locale.parse(lang)
    out: list[tuple[str, int]] = []
    for context in ("format", "stand-alone"):
        for num, name in loc.months[context]["wide"].items():
            word = fold(latin(name, _CLDR_MONTHS[lang])).strip(" .")
            # (Irish names two months in two words: "Deireadh Fómhair", "Meán Fómhair")
            # (not Catalan's "de gener": its stand-alone "gener" is the month)
            if word.replace(" ", "").isalpha() and len(word) >= 3 and word.count(" ") <= 1 \
                    and word.split()[0] not in ("de", "del", "di", "d"):
                out.append((word, int(num)))
                out += [(w, int(num)) for w in _case_forms(lang, word)]
    return tuple(out)


@functools.cache
def _months(language: str) -> dict[str, int]:
    """Every month name known, by number; where languages disagree, the page's own language
    wins, then the order of the table, then the CLDR's languages."""
    out: dict[str, int] = {}
    if language in _CLDR_MONTHS:
        out.update(_cldr_months(language))
    for i, w in enumerate(_MONTH_ABBR.get(language, "").split()):
        out.setdefault(w, 1 + i)
    order = [language] if language in _MONTH_NAMES else []
    order += [lang for lang in _MONTH_NAMES if lang != language]
    for lang in order:
        for form in _MONTH_NAMES[lang].split("|"):
            for i, w in enumerate(form.split()):
                out.setdefault(w, 1 + i)
    for lang in _CLDR_MONTHS:
        for w, n in _cldr_months(lang):
            out.setdefault(w, n)
    out["sept"] = 9
    return out


_YEAR = r"(?:19|20)\d{2}"

# Ages, on folded text.
# (No leading look-behinds: they stop the regex engine from skipping to a likely first
# character; word starts are checked in code by `_word_start`.)
_AGE = re.compile(
    r"(?:age(?:[ \t]guide|[ \t]range)?|aged|vek|ve veku|wiek|w wieku|dob|starost|varsta|"
    r"varsta de|edad|alter|idade|eta|leeftijd|eletkor|alder|ika|ilikia|vazrast|vik|amzius|"
    r"vecums|vanus|"
    # Albanian "Mosha: 48", Russian "Возраст: 47"
    r"mosha|vozrast|"
    # Serbian and Montenegrin "Godine: 52" (years) — as a label only: "2013. godine" is a year
    r"godine(?=[ \t]{0,2}:)|godina(?=[ \t]{0,2}:))"
    # a word on whose age, or how sure: "Vârsta titular | 79", "Age (est.)", "Âge estimé"
    r"(?:[ \t]\(?(?:titular|titularului|holder|owner|est\.|estimated|estime|estimee|approx\.?|"
    r"aprox\.?|aproximativa|geschatzt|stimata)\)?)?"
    r"[ \t]{0,2}:?[ \t\n]{0,3}"
    r"(?:ca\.?[ \t]|circa[ \t]|ongeveer[ \t]|etwa[ \t]|env\.?[ \t])?(\d{1,3})(?!\d)"
    r"(?:[ \t]{0,2}(?:-|–|to|až|az)[ \t]{0,2}(\d{1,3}))?(s(?![a-z]))?(?![\d/.,]\d)"
    # open at the top: "80 et +", "80+", "80 and over", "80 und älter"
    r"([ \t]{0,2}(?:\+|et[ \t]?\+|et[ \t]plus|ou[ \t]plus|and[ \t]over|and[ \t]older|"
    r"or[ \t]older|o[ \t]mas|y[ \t]mas|und[ \t]alter|und[ \t]mehr|e[ \t]piu|en[ \t]ouder)"
    r"(?![a-z]))?"
)
# "58 years old", "48-year-old", "58 let", "50 lat", "53 lata", "58 godina", "58 de ani",
# "80 años", "58 Jahre", "lat 50" (Polish lists print the word first)
_YEARS_OLD = re.compile(
    r"(\d{1,3})(?:\n(?=g\.)|[ \t\-]{0,2})(?:years?[ \t\-]old|yrs?\.?[ \t]old|y/o|y\.o\.|year-old|let|roku|"
    r"rokov|lat|lata|latek|godina|godine|god\.|de[ \t]ani|ani|anos|anys|jahre|ans|anni|jaar|"
    # Lithuanian "80 metų", Latvian "80 gadi"
    r"metu|metai|gadi|gadu|"
    r"eves|ar|vuotta|vuotias|eton|chronon|chronia|godini|rokiv|roky|rik|v\.(?![ \t]?chr)|"
    # Icelandic "80 ára", Luxembourgish "11 Joer", Maltese "ta' 46 sena", Albanian "49 vjeç",
    # Basque "79 urte", "14 urteko"; Welsh "83 oed"
    r"ara|joer|sena|vjec|urte|urteko|oed|"
    # Turkish "46 yaşında", "46 yaşındaki" (on a German or Dutch audit's community pages)
    r"yasinda|yasindaki|"
    # Lithuanian "38 m." (metų), set off like the Bulgarian "г.": never "2013 m." (a year, four
    # figures) nor "50 m laisvuoju" (metres, no dot); "52-ejų", "77-erių"
    r"m\.(?=[ \t]*(?:[,;*)]|\n|$))|eju|eriu|"
    # Bulgarian "49 г., Пловдив" (години), set off by punctuation or at the end of its line
    # ("52 / г. · Пловдив" in a card's cells): never "2025 г." (a year)
    r"g\.(?=[ \t]*(?:[,;*)]|\n|$))|"
    # German "78 J." (Jahre) in a parish's birthday list, set off the same way
    r"j\.(?=[ \t]*(?:[,;*)]|\n|$))|"
    # Polish "(48 l.)" (lat), Slovak "24 r. · Košice" (rokov), set off the same way (never
    # "2013 r.", a year: four figures)
    r"[lr]\.(?=[ \t]*(?:[,;*)·|]|\n|$)))(?![a-z])"
    r"(?![ \t](?:geleden|fa|zuvor|her|ago|later|lang|terug|dopo|sedan|siden|sitten|prin|nazad|"
    # (Basque "20 urte daramatza", "urte barru", "lehenago", "geroago", "zehar")
    r"tomu|piv|daramatza[a-z]{0,3}|darama[a-z]{0,4}|barru|lehenago|geroago|zehar))"
)
# a number of years after "i", "på", "för", "in", "for", "gennem", "seit": a duration ("bott här
# i 20 år", "sin mand gennem 54 år", "her husband of 55 years"); years ago after Spanish "hace",
# Catalan "fa" ("fa 20 anys")
_DURATION_BEFORE = re.compile(
    r"(?:^|[^a-z])(?:i|pa|for|of|in|over|under|efter|za|na|yli|gennem|igennem|gjennom|seit|"
    r"durante|pendant|depuis|hace|fa|przez|od)[ \t]$"
)
# the years of a marriage after a spouse word: "su esposa de 54 años", "sa femme de 50 ans",
# "sua moglie di 50 anni", "a sua mulher de 50 anos" ("de 82 años" alone is an age)
_MARRIAGE_BEFORE = re.compile(
    r"(?<![a-z])(?:esposa|esposo|marido|mujer|companera|companero|conyuge|epouse|epoux|mari|"
    r"femme|compagne|compagnon|moglie|marito|sposa|sposo|compagna|mulher|companheira|"
    r"companheiro|dona)[ \t](?:de|di|da)[ \t]$"
)
# an age class's limit, not an age: "sub 14 ani", "unter 14 Jahren", "moins de 14 ans", "menores
# de 14 años", "poniżej 14 lat", "peste 60 de ani"
_LIMIT_BEFORE = re.compile(
    r"(?:^|[^a-z])(?:sub|unter|bis|moins[ \t]de|plus[ \t]de|menos[ \t]de|menores[ \t]de|"
    r"mayores[ \t]de|mas[ \t]de|sotto[ \t]i|oltre[ \t]i|fino[ \t]a|ponizej|powyzej|peste|"
    r"uber|ueber|tot|till|yngre[ \t]an|aldre[ \t]an|"
    # an age a life reached or started at, not one now: "trabajó hasta los 80 años", "desde
    # los 16 años", "worked until 80", "jusqu'à 80 ans", "fino ai 75 anni", "até aos 70 anos"
    r"hasta[ \t]los|desde[ \t]los|until|up[ \t]to|jusqu'a|jusqu'à|fino[ \t]ai|ate[ \t]aos|"
    r"bis[ \t]zum)[ \t]$"
)
# a company's or a lease's term after its label: "Durée : 99 ans", "Dauer: 10 Jahre"
_DURATION_LABEL = re.compile(
    r"(?<![a-z])(?:duree|dauer|duur|durata|duracion|duracao|trvanie|trajanje|czas trwania|kesto|"
    r"varighet|varaktighet|term|laufzeit|looptijd)[ \t]*:[ \t]*$"
)
# years of service or experience, on the number's line or the label's line above it: "Стаж роботи
# в галузі права / 26 років", "Berufserfahrung: 12 Jahre", "praxe 15 let"
_SERVICE_BEFORE = re.compile(
    r"(?<![a-z])(?:stazh|staz|praxe|praxi|prax|experience|berufserfahrung|dienstjahre|"
    r"erfaring|erfarenhet|kokemus|ervaring|experiencia|esperienza|anzianita|vechime|"
    r"yrs of service|years of service|in office|im amt|u sluzbi|na funkci|sluzby)"
    r"[^\n]{0,50}\n?[^\n]{0,10}$"
)
# years of service after the count: "25 jaar in dienst van", "25 Jahre im Dienst", "25 years with
# the company", "25 ans au service de", "25 anni di servizio", "25 år i tjänst", "25 years as"
_SERVICE_AFTER = re.compile(
    r"[ \t](?:in[ \t]dienst|im[ \t]dienst|in[ \t]diensten|bij[ \t]de|als[ \t]|as[ \t]an?[ \t]|"
    r"with[ \t]the|of[ \t]service|in[ \t]service|de[ \t]service|au[ \t]service|de[ \t]carriere|"
    r"di[ \t]servizio|in[ \t]servizio|de[ \t]servicio|de[ \t]servico|i[ \t]tjanst|i[ \t]tjeneste|"
    r"palveluksessa|u[ \t]sluzbi|w[ \t]sluzbie|pracy[ \t]w|v[ \t]sluzbach)"
)
# "(Mohács, 1978. szeptember 3. –)": a lifespan with no end, the person alive
_LIFESPAN_OPEN = re.compile(r"\([^()\n]{4,60}?[ \t]?[–—\-][ \t]?\)")
DEATH_WORD = (
    r"(?<![a-z])(?:decede|decedee|deces|overleden|died|passed away|gestorben|verstorben|"
    r"zemrel|zmarl|preminu|umro|umrla|decedat|decedata|fallecio|fallecida|morto|morta|"
    r"deceduto|deceduta|faleceu|falecida|dod|doed|kuoli|pethane|pochina|pomer|mire(?![a-z])|elhunyt|"
    # Icelandic "lést", "andaðist"; Nordic "f. 1915, d. 1987"; German and Luxembourgish
    # "verschieden", "verschidden"
    r"lest|andadist|verschieden|verschidden|d\.[ \t]?(?:19|20)\d\d|"
    # "left us" in the notices' own words: Slovak and Czech "navždy nás opustil", "zosnulý",
    # "zesnulá", "odešel"; Polish "odeszła"; Croatian, Serbian, Slovenian "napustio nas",
    # "zapustila"; French "nous a quittés", Italian "ci ha lasciati", Spanish "nos dejó", German
    # "hat uns verlassen", Dutch "heeft ons verlaten", English "left us"
    r"opustil|zosnul|zesnul|odesel|odesla|odeszl|napustio|napustila|zapustil|"
    r"nous[ \t]a[ \t]quitte|ci[ \t]ha[ \t]lasciat|nos[ \t]dejo|uns[ \t]verlassen|"
    r"ons[ \t]verlaten|left[ \t]us|"
    # Turkish "vefat etti", "Hakk'ın rahmetine kavuşmuştur"
    r"vefat|rahmetine)"
)
"""A word for a death, in folded text (the deceased's dates and age stand around it)."""
_DIED_AFTER = re.compile(r".{0,60}?" + DEATH_WORD)
# an age at a birthday: "her 80th birthday", "seinem 80. Geburtstag", "80. narozeniny",
# "80. urodziny", "80. rođendan"
_BIRTHDAY_WORDS = (
    r"birthday|geburtstag|narozeniny|narodeniny|urodziny|"
    r"rodjendan|rodendan|zi[ \t]de[ \t]nastere|cumpleanos|anniversaire|compleanno|verjaardag|"
    # Lithuanian "78-ąjį gimtadienį"
    r"gimtadien[a-z]{0,3}"
)
_BIRTHDAY_AGE = re.compile(r"(\d{1,3})(?:st|nd|rd|th|\.|-a?ji)[ \t](?:" + _BIRTHDAY_WORDS + r")(?![a-z])")
# a duration, as CVs and profiles print it after a period: "9 lat 11 mies.", "3 Jahre 2 Monate",
# "Jan 2017 – obecnie · 9 lat"
_MONTH_UNITS = r"(?:mies|mos|months?|mo\b|monate?n?|mois|mesi|mese|meses|mjesec|mesec|mes|hona|maand|manad)"
_MONTHS_AFTER = re.compile(
    r"[ \t,]{1,3}(?:i[ \t]|und[ \t]|et[ \t]|e[ \t]|y[ \t]|a[ \t])?\d{1,2}[ \t]?" + _MONTH_UNITS
)
_PERIOD_BEFORE = re.compile(
    r"(?:[–\-][ \t]{0,2}(?:19|20)\d{2}|obecnie|present|heute|aujourd'hui|oggi|actualidad|"
    r"atualmente|prezent|danas|dosud|doteraz|jelenleg|heden)[ \t]{0,2}[·•|*][ \t]{0,2}$"
    # (the end of a period: "2017 – 2023 · 6 lat", "– obecnie · 9 lat"; never "1972 · 54 ans", a
    # birth year and an age; "·" folds to "*")
)
_MONTH_WORD = re.compile(r"[ \t]?" + _MONTH_UNITS)
# an age in apposition to whoever the text is about: "la magistrate, âgée de 49 ans", "aged 49",
# "im Alter von 49 Jahren", "all'età di 49 anni", "w wieku 49 lat", "vo veku 49 rokov"
_AGED_BEFORE = re.compile(
    r"(?:^|[^a-z])(?:agee?s?|aged|alter[ \t]von|eta[ \t]di|edad[ \t]de|idade[ \t]de|wieku|veku|"
    r"vek|starosti|dobi[ \t]od|varsta[ \t]de|vozraste|vitsi)[ \t](?:de[ \t])?$"
)
# the separator to the next date of a list after one label, past a bracketed name
_NEXT_IN_LIST = re.compile(r"[ \t]{0,2}(?:\([^()\n]{1,60}\))?[ \t]{0,2}[;,][ \t]{0,2}")
# "48-ročná sudkyňa pôsobí …", "51-letna predsednica …": an age adjective opening a sentence
_SENTENCE_START = re.compile(r"(?:^|[.!?][ \t]{1,2}|\n[ \t]*)$")
_ARTICLE_BEFORE = re.compile(r"(?:^|[^a-z])(?:the|an|die|der|la|il|l'|el|le|lo)[ \t]$")
_SELF_AGE = re.compile(
    r"[(\[](\d{2})[ \t]?[mf][)\]]|[(\[][mf][ \t]?(\d{2})[)\]]"
    # "I'm 26 and I've lived here four years", "I am 54." (folded: the apostrophe kept)
    r"|(?<![a-z])i(?:'m|’m|[ \t]am)[ \t](\d{2})(?:[ \t]years?[ \t]old)?"
    r"(?=[ \t]*(?:[,.;!?)]|and(?![a-z])|now(?![a-z])|$))"
    # an account's bio opening on the holder's age: "14 | Eiskunstlauf @ EV Hietzing | Wien"
    r"|(?m:^[ \t]*(\d{2})[ \t]{1,2}[|·•*][ \t](?=[^\t\n]{3,140}$))"
)
_STAR_BIRTH = re.compile(r"(?<![\w*])[*°][ \t]?(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})(?!\d)")
# the birth year alone behind an asterisk, as German registers print it: "Reiter, Markus, Graz, *1973"
# (Belgian and French pages write "°" for born: "Noor Le Maire (°2012)", "° 09/10/1974")
# a full date in brackets right after a capitalised name, as registers of officers print the
# birth: "Māris Vītoliņš (17.03.1975.)", "Gints Zariņš (02.11.1968)"
_NAME_BRACKET_DATE = re.compile(
    r"(?<=[^\W\d_])[ \t]\((\d{1,2})\.[ \t]?(\d{1,2})\.[ \t]?((?:19|20)\d{2})\.?\)")
# a birth year with the Russian "г.р." (год рождения) or Ukrainian "р.н." (рік народження) after
# it, read in Latin letters: "Гнатюк Владимир, 1949 г.р."
_YEAR_GR = re.compile(r"(?<!\d)((?:19|20)\d{2})[ \t]?(?:g\.[ \t]?r\.|r\.[ \t]?n\.)(?![a-z])")
_STAR_YEAR = re.compile(r"(?<![\w*])[*°][ \t]?((?:19|20)\d{2})(?![\d.])")
_WORD_FIRST_AGE = re.compile(r"lat[ \t]{1,2}(\d{1,3})(?![\d.:/])")
# adjectives of age: Czech "58letá", Polish "78-letnia", "13-latka", Croatian "58-godišnja"
_AGE_ADJ = re.compile(
    r"(\d{1,3})[ \t]?-?(?:let(?:a|y|i|e|eho|emu|ou|ym)|letni(?:a|ego|ej|emu|m)?|latk[aiu]|"
    r"latek|godisnj(?:a|ak|i|e|eg|em|oj)|jahrige[rn]?|enne|"
    # Slovenian "51-letna", "53-letnega"; Slovak "48-ročná", "ročného"
    r"letn(?:a|i|e|o|ega|emu|em|im|ih)|rocn(?:a|y|e|eho|ej|emu|ou|ym|i)|"
    # Danish and Norwegian "12-årige", Swedish "12-åriga"
    r"arig[ea]?|"
    # Estonian "53-aastane", "13-aastase" (genitive), "13-aastasele"
    r"aastane|aastase(?:le|lt|ga)?|"
    # Greek "77χρονη", Bulgarian "13-годишна", Ukrainian "77-річна" (in Latin letters)
    r"chron(?:i|os|o|ou|is|a|es)|godishn(?:a|iya|ata|o|i|iyat)|richn(?:a|yi|oho|oi|ia)|"
    # Macedonian "12-годишната" (in Latin letters), Lithuanian "13-metis", "13-metė", "13-mečiai"
    r"godisn(?:a|ata|o|i|iot|ite)|met(?:is|e|es|ei|i)|mec(?:io|iu|iai|ia)|"
    # Albanian "79-vjeçari", "79-vjeçarit" (dative), "48-vjeçarja"
    r"vjecar(?:e|i|it|in|ja|es|en|et)?)(?![a-z])"
)

# Czech and Slovak age adjectives spelled out: "třináctiletá Eliška", "dvanásťročný", "padesátiletý"
_CS_NUMBERS = {
    "jedno": 1, "dvou": 2, "dvoj": 2, "tri": 3, "troj": 3, "ctyr": 4, "styri": 4, "peti": 5,
    "pat": 5, "sesti": 6, "sest": 6, "sedmi": 7, "sedem": 7, "osmi": 8, "osem": 8, "devit": 9,
    "devat": 9, "deseti": 10, "desat": 10, "jedenacti": 11, "jedenast": 11, "dvanacti": 12,
    "dvanast": 12, "trinacti": 13, "trinast": 13, "ctrnacti": 14, "strnast": 14, "patnacti": 15,
    "patnast": 15, "sestnacti": 16, "sestnast": 16, "sedmnacti": 17, "sedemnast": 17,
    "osmnacti": 18, "osemnast": 18, "devatenacti": 19, "devatnast": 19, "dvaceti": 20,
    "dvadsat": 20, "triceti": 30, "tridsat": 30, "ctyriceti": 40, "styridsat": 40,
    "padesati": 50, "patdesiat": 50, "sedesati": 60, "sestdesiat": 60, "sedmdesati": 70,
    "sedemdesiat": 70, "osmdesati": 80, "osemdesiat": 80, "devadesati": 90, "devatdesiat": 90,
}
_WORD_AGE_ADJ = re.compile(
    r"(?<![a-z])(" + "|".join(sorted(_CS_NUMBERS, key=len, reverse=True)) + r")"
    r"(?:let(?:a|y|i|e|eho|emu|ou|ym|ych)|rocn(?:a|y|e|eho|ej|emu|ou|ym|i))(?![a-z])"
)

# Compound ages: Czech units before the tens ("čtyřiapadesátiletý" 54, "devětasedmdesátiletá"
# 79, "jednadvacetiletý" 21), Slovak tens before the units ("päťdesiatštyriročná" 54)
_CS_UNITS = {"jedna": 1, "dva": 2, "tri": 3, "ctyri": 4, "pet": 5, "sest": 6, "sedm": 7,
             "osm": 8, "devet": 9}
_SK_UNITS = {"jeden": 1, "dva": 2, "tri": 3, "styri": 4, "pat": 5, "sest": 6, "sedem": 7,
             "osem": 8, "devat": 9}
_CS_TENS = {"dvaceti": 20, "triceti": 30, "ctyriceti": 40, "padesati": 50, "sedesati": 60,
            "sedmdesati": 70, "osmdesati": 80, "devadesati": 90}
_SK_TENS = {"dvadsat": 20, "tridsat": 30, "styridsat": 40, "patdesiat": 50, "sestdesiat": 60,
            "sedemdesiat": 70, "osemdesiat": 80, "devatdesiat": 90}
_WORD_AGE_COMPOUND = re.compile(
    r"(?<![a-z])(?:(" + "|".join(_CS_UNITS) + r")a(" + "|".join(_CS_TENS) + r")"
    r"|(" + "|".join(_SK_TENS) + r")(" + "|".join(_SK_UNITS) + r"))"
    r"(?:let(?:a|y|i|e|eho|emu|ou|ym|ych)|rocn(?:a|y|e|eho|ej|emu|ou|ym|i))(?![a-z])"
)


def _compound_age(m: re.Match[str]) -> int:
    if m.group(1):
        return _CS_UNITS[m.group(1)] + _CS_TENS[m.group(2)]
    return _SK_TENS[m.group(3)] + _SK_UNITS[m.group(4)]


# Birth dates, on folded text: a label, then a date.
_PLACE = (r"[a-z][a-z'\-]{1,24}(?:[ \t][a-z][a-z'\-]{0,24}){0,3}"
          r"(?:[ \t]{0,2}\([a-z]{2}\))?")  # "parma (pr)", "reggio nell'emilia"
_LABEL = (
    r"(?P<lab>born(?:[ \t]on|[ \t]in)?|date[ \t]of[ \t]birth|d\.?o\.?b\.?|birth[ \t]?date|"
    r"birthday|b\.|nar\.|narozen[aey]?(?:[ \t]v[ \t]roce)?|datum[ \t]narozeni|rok[ \t]narozeni|"
    # Slovak "Dátum narodenia: 14.06.1977", "narodená 14. 6. 1977"; Slovenian "roj. 1975",
    # "letnik 2013"; Serbian "godište 2013"
    r"datum[ \t]narodenia|rok[ \t]narodenia|narodena|narodeny|roj\.|"
    # Czech and Slovak "(se) narodila (se) v roce 1976", "narodil sa roku 1974"
    r"narodil[ao]?(?:[ \t]s[ea])?(?:[ \t]v[ \t]roce|[ \t]v[ \t]roku|[ \t]roku)?|"
    r"letnik(?=[ \t]?:?[ \t]?(?:19|20)\d\d)|godiste(?=[ \t]?:?[ \t]?(?:19|20)\d\d)|"
    # Slovak and Czech "(ročník 2014)"
    r"rocnik(?=[ \t]?:?[ \t]?(?:19|20)\d\d)|roc\.(?=[ \t]?(?:19|20)\d\d)|"
    r"ur\.|urodzon[aey]|data[ \t]urodzenia|rok[ \t]urodzenia|rocznik|rodjen[aoi]?|roden[aoi]?|"
    r"datum[ \t]rodjenja|datum[ \t]rodenja|god\.?[ \t]rod\.?|godina[ \t]rodjenja|"
    r"godina[ \t]rodenja|nascut[a]?|nascuda|any[ \t]de[ \t]naixement|data[ \t]de[ \t]naixement|"
    # Macedonian "Година на раѓање", "датум на раѓање" (in Latin letters); Albanian "Datëlindja",
    # "data e lindjes", "viti i lindjes", "i/e lindur"
    r"(?:godina|datum)[ \t]na[ \t]raganje|datelindj[ae]|data[ \t]e[ \t]lindjes|"
    r"viti[ \t]i[ \t]lindjes|(?:[ie][ \t])?lindur(?:[ \t]me)?|"
    r"data[ \t]nasterii|anul[ \t]nasterii|geb\.|geb(?=[ \t]?:)|geboren|"
    r"jg\.?(?=[ \t]?:?[ \t]?(?:19|20)\d\d)|"
    r"geburtsdatum|geburtsjahr|jahrgang|nacid[oa]|fecha[ \t]de[ \t]nacimiento|ne[e]?[ \t]le|"
    # Spanish "Año nac." / "año de nacimiento" (results lists); Basque "jaiotze urtea",
    # "jaiotza data", "jaioa" / "jaio zen"
    r"ano[ \t](?:de[ \t])?nac(?:\.|imiento)|jaiotze[ \t](?:urtea|data)|jaiotza(?:[ \t]data)?|"
    r"jaio(?:a|tako)?(?=[ \t]{1,2}(?:19|20)\d\d)|"
    r"ne[e]?[ \t]en|ne\(e\)[ \t](?:en|le)|date[ \t]de[ \t]naissance|nat[oa]|data[ \t]di[ \t]nascita|anno[ \t]di[ \t]nascita|"
    # a date and place of birth under one label: "Data e luogo di nascita", "Geburtsdatum und
    # -ort", "Date et lieu de naissance", "Fecha y lugar de nacimiento"
    r"data[ \t]e[ \t]luogo[ \t]di[ \t]nascita|geburtsdatum[ \t]und[ \t]-?ort|"
    r"date[ \t]et[ \t]lieu[ \t]de[ \t]naissance|fecha[ \t]y[ \t]lugar[ \t]de[ \t]nacimiento|"
    r"classe|geboortedatum|geboortejaar|nascid[oa]|data[ \t]de[ \t]nascimento|fodd|fodelsedatum|"
    r"fodt|fodselsdato|fodselsar|fodelsear|syntynyt|syntymaaika|syntymavuosi|genethlia|"
    r"gennithike|imerominia[ \t]gennisis|etos[ \t]gennisis|data[ \t]na[ \t]razhdane|"
    r"narodyvsia|narodylasia|data[ \t]narodzhennia|rojen[aio]?|datum[ \t]rojstva|gimes|gimusi|"
    r"gimimo[ \t]data|dzimis|dzimusi|dzimsanas[ \t](?:datums|gads)|dz\.(?=[ \t]?(?:19|20)\d\d)|"
    r"sundinud|sundis|sunniaeg|gime|naissance|"
    # Lithuanian "(g. 1946 m.)", "Petras Jonaitis, g. 1946-06-12" (never "Smilgų g. 1975", a
    # street: "g." is also "gatvė")
    r"(?:(?<=\()|(?<=, ))g\.(?=[ \t]?(?:19|20)\d\d)|gim\.(?=[ \t]?(?:19|20)\d\d)|"
    # Spanish, Italian, Portuguese family trees "(n. 1946, Haría)", "(n. 12/03/1972)": nacido,
    # nato, nascido — bracketed, never a number ("Decreto n. 1990")
    r"(?<=\()n\.(?=[ \t]?(?:(?:19|20)\d\d[,)]|\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d))|"
    # Hungarian "Születési idő: 1950.02.11.", "Születési év: 2013", "szül. 1978"
    r"szuletesi[ \t](?:ido|ev|datum|hely[ \t]es[ \t]ido)|szul\.|"
    r"year[ \t]of[ \t]birth|birth[ \t]year|yob|y\.o\.b\.|ne[e]?(?=[ \t]a[ \t])|"
    # Danish and Norwegian reference books: "f. 14/3 1972 i Silkeborg"
    r"f\.(?=[ \t]?\d{1,2}[/.]\d{1,2}[ \t.])|"
    # Greek "(γεν. 1944)", "γεννηθείς"/"γεννηθείσα" (read in Latin letters)
    r"gen\.(?=[ \t]?(?:19|20)\d\d(?!\d))|genn\.|gennitheis(?:a)?|"
    # Who's Who: "b 12 March 1975; d of …" (no full stop, a whole date after it)
    r"(?<![a-z])b(?=[ \t]\d{1,2}[ \t][a-z]{3,9}\.?[ \t](?:19|20)\d\d)|"
    # Icelandic "f. 1975", "f. 11.2. 1948", "fæddist 2. júní 1946", "Fæðingarár: 2014" (and
    # Nordic "f. 1975": født, född)
    r"f\.(?=[ \t]?(?:(?:19|20)\d\d(?!\d)|\d{1,2}\.[ \t]?[a-z]{3,}))|fadd(?:ist|ur)?|fadingarar)"
    r"[ \t]{0,2}:?[ \t\n]{0,4}"
    # the birthplace between label and date: "nata a Reggio nell'Emilia il", "Nato a PARMA (PR)
    # il", "nacido en Valladolid el", "geboren in Freiburg am", "rođen u Čačku", "Luogo e data di
    # nascita: Parma, 09/11/1970" (without a preposition, a comma must close it)
    r"(?P<place>(?:(?:a|in|en|u|v|ve|w|we|te|em|di|da|zu|at|sti|stin|sto|ston)[ \t]{1,2}"
    + _PLACE + r",?|"
    + _PLACE + r",)[ \t]{1,2})?"
    r"(?:(?P<conn>(?:la|in)[ \t]data[ \t]de|on[ \t]the|on|la|dnia|dana|dne|am|"
    r"el[ \t]dia|el|le|in|il|nel|op|em|den|je[ \t]dana|je|jest|stis|tis|tin|to|na|leta|arid)"
    r"[ \t]{1,2})?"
)
# after a birthplace, a year alone needs a word that introduces it ("nato a Parma nel 1970")
_YEAR_AFTER_PLACE = frozenset({"nel", "in", "en", "am", "el", "arid", "to"})  # Catalan "nascuda a Figueres el 1974"


def _birth_re(months: dict[str, int]) -> re.Pattern[str]:
    mon = "|".join(sorted(months, key=len, reverse=True))
    full = (
        # (a line of a PDF set as text may break before the year: "nata a Napoli il 12 marzo" /
        # "1974, magistrato …")
        rf"(?P<m1>{mon})\.?[ \t]{{1,2}}(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?(?:[ \t]{{1,2}}|[ \t]?\n)"
        rf"(?P<y1>{_YEAR})",
        rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\.?[ \t]{{1,2}}(?:of[ \t]|de[ \t])?(?P<m2>{mon})\.?,?"
        rf"(?:[ \t]de)?(?:[ \t]{{1,2}}|[ \t]?\n)(?P<y2>{_YEAR})",
        rf"(?P<y3>{_YEAR})-(?P<mo3>\d{{1,2}})-(?P<d3>\d{{1,2}})",
        rf"(?P<a4>\d{{1,2}})/(?P<b4>\d{{1,2}})/(?P<y4>{_YEAR})",
        rf"(?P<d5>\d{{1,2}})[.\-][ \t]?(?P<mo5>\d{{1,2}})[.\-][ \t]?(?P<y5>{_YEAR})",
        # "14/3 1972": Danish and Norwegian day/month, then the year after a space
        rf"(?P<d9>\d{{1,2}})/(?P<mo9>\d{{1,2}})[ \t](?P<y9>{_YEAR})",
        # Hungarian, year first: "1978. szeptember 3.", "1950.02.11."
        rf"(?P<y10>{_YEAR})\.[ \t]{{1,2}}(?P<m10>{mon})\.?[ \t]{{1,2}}(?P<d10>\d{{1,2}})\.?",
        rf"(?P<y11>{_YEAR})\.[ \t]?(?P<mo11>\d{{1,2}})\.[ \t]?(?P<d11>\d{{1,2}})\.?",
        # Latvian, the year in the genitive: "1976. gada 12. martā"
        rf"(?P<y12>{_YEAR})\.[ \t]{{1,2}}g(?:ada|\.)[ \t]{{1,2}}(?P<d12>\d{{1,2}})\.[ \t]{{1,2}}(?P<m12>{mon})",
    )
    partial = (
        rf"(?P<m6>{mon})\.?,?[ \t]{{1,2}}(?P<y6>{_YEAR})",
        rf"(?P<y8>{_YEAR})-(?P<mo8>0[1-9]|1[0-2])(?![\d\-])",
        # the month and year a register prints of an officer: "né(e) en 06/1969"
        rf"(?P<mo13>0[1-9]|1[0-2])[/.](?P<y13>{_YEAR})(?![\d/.\-])",
        rf"(?P<y7>{_YEAR})(?![\d\-/])",
    )
    return re.compile(_LABEL + "(?:" + "|".join(full + partial) + ")(?![a-z0-9])")


# a sentence's end: a line break, or a full stop and a space — not after a title or an initial
# ("11 december: dhr. H.J. (Henk) ten Brink, Vijverlaan 31 – wordt 85")
_STOP_CANDIDATE = re.compile(r"\n|([a-z]*)\. ")
_NO_STOP_AFTER = frozenset(
    "dhr mevr mr mrs ms dr hr fr sr st mme mlle sig sra ing dipl prof pan pani dott wed".split())


def _sentence_ends(seg: str, hashtag: bool) -> list[int]:
    """Where the sentences of a (folded) passage end: its line breaks (only those, around a
    hashtag date), and its full stops that follow neither an initial nor a title."""
    out = []
    for m in _STOP_CANDIDATE.finditer(seg):
        word = m.group(1)
        if word is None:
            out.append(m.start())
        elif not word and _ORDINAL_BIRTHDAY.match(seg, m.end()) and seg[m.start() - 1:m.start()].isdigit():
            continue  # an ordinal's dot: "ihren 80. Geburtstag", "80. narozeniny"
        elif not hashtag and len(word) != 1 and word not in _NO_STOP_AFTER:
            out.append(m.end(1))
    return out


_ORDINAL_BIRTHDAY = re.compile(
    r"(?:" + _BIRTHDAY_WORDS + r"|fodselsdag|fodelsedag|syntymapaiva|szuletesnap)(?![a-z])")


# "turned 80", "celebrates her 80th birthday", "cumple 80 años", "napunila 52", "skończyła 70 lat",
# "oslavila 60", "54 today": an age at a birthday (folded text)
_TURNED = re.compile(
    r"(?:turned|turns|turning|celebrat(?:ed|es|ing)[ \t](?:her|his|their)|cumpl(?:e|io|ira)|"
    r"napunil[aoi]?|napunio|navrsil[aoi]?|skonczyl[aoy]?|konczy|oslavil[aoy]?|slavi|implineste|"
    r"a[ \t]implinit|wird|wurde|"
    # Bulgarian "навърших 50", Ukrainian "виповнилося 75", Russian "исполнилось", Nordic
    # "fyller 50" / "fyllde" / "fylder" / "fyldte", Finnish "täyttää", "täytti", Dutch "wordt",
    # "werd", Italian "compie", "ha compiuto", Portuguese "completa", "completou", Slovak and
    # Czech "dovŕšila", Hungarian "betöltötte", Greek "κλείνει τα"
    r"navarsh[a-z]{0,3}|vypovnyl[a-z]{0,5}|ispolnil[a-z]{0,3}|fyll(?:er|de|te)|fyld(?:er|te)|"
    r"tayttaa|taytti|wordt|werd|compie|compiuto|complet(?:a|ou)|dovrsil[aoy]?|betoltotte|"
    # Catalan "compleix 80", "complirà 80", "va complir 80"
    r"compleix|complira|complir|"
    r"kleinei[ \t]ta)[ \t]{1,2}(\d{1,3})(?:st|nd|rd|th)?(?![\d])"
    r"|(\d{1,3})(?:st|nd|rd|th)[ \t]birthday|(\d{1,3})[ \t]today(?![a-z])"
    # "Marty Goldfarb — March 9 (his 80th!)": the ordinal after a possessive is the birthday's
    # (alone, then a cheer or the bracket's end: "her 3rd visit" is no birthday)
    r"|(?<![a-z])(?:his|her|their)[ \t](\d{1,3})(?:st|nd|rd|th)(?=[ \t]?[!)])"
    # Catalan "el 12 de maig en fa 52" (never "ja en fa 10 anys que …", a time since)
    r"|(?<![a-z])en[ \t]fa[ \t]{1,2}(\d{1,3})(?!\d)(?![ \t]{1,2}anys[ \t]{1,2}que)"
    r"|(\d{1,3})\.[ \t]geburtstag"
    # Ukrainian and Russian jubilees: "75-ліття святкує", "75-річчя", "75-летие" (a person's,
    # never with "школи", "заснування", a founding's)
    r"|(?<![\d])(\d{1,3})-(?:littia|richchia|letie|letiia|letiya)(?![a-z])"
    r"(?![ \t]{1,2}(?:shkoly|zasnuvannia|zavodu|mista|sela|khramu|parafii|shkoly|osnovaniia|"
    r"goroda|zavoda))"
)


# an age reached, without a date, told of a person ("Bernie McCartan, who turned 80 last week",
# "que cumple 80 años", "che compie 80 anni", "som fyller 50"): never of something else ("the
# festival turned 40 this year", "oslávili 25 rokov manželstva": a marriage's years)
_TURNED_AGE = re.compile(
    r"(?:(?:who|she|he)[ \t]{1,2}(?:has[ \t]{1,2}|just[ \t]{1,2})?(?:turned|turns|will[ \t]turn)|"
    r"que[ \t]{1,2}(?:cumple|cumplio|cumplira|compleix|complira)|"
    r"che[ \t]{1,2}(?:compie|ha[ \t]compiuto)|som[ \t]{1,2}(?:fyller|fyllde|fylder|fyldte))"
    r"[ \t]{1,2}(\d{1,3})(?![\d.,:/%])"
    r"(?=[ \t]*(?:[.,;:!?)\n]|$|(?:years?|yrs|this|last|on|in|today|yesterday|earlier|recently|"
    r"and|anni|anos|anys|ar|jahre)(?![a-z])))"
)


# a birthday column's age in brackets with its cheer: "Nov. 3 - Lucy Ferraro (85!)"
_CHEER_AGE = re.compile(r"\((\d{1,3})!{1,3}\)")
_AGE_ON = re.compile(r"(?<![\d.,])(\d{1,3})(?:[ \t](?:years?|ar|jahre|ans|anni|lat|let|vuotta))?"
                     r"[ \t](?:on|am|le|il|den|op|na|dne)[ \t]")


def _day_month_re(months: dict[str, int]) -> re.Pattern[str]:
    mon = "|".join(sorted(months, key=len, reverse=True))
    return re.compile(
        # "#14march": a hashtag writes them together
        rf"(?<=#)(?P<dh>\d{{1,2}})(?P<mh>{mon})(?![a-z])|"
        rf"(?P<d>\d{{1,2}})\.?(?:st|nd|rd|th)?[ \t]{{1,2}}(?:of[ \t]|de[ \t])?(?P<m>{mon})(?![a-z])"
        rf"|(?P<m2>{mon})\.?[ \t]{{1,2}}(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?![\d])"
    )


@functools.cache
def _tables(language: str) -> tuple[dict[str, int], re.Pattern[str]]:
    months = _months(language)
    return months, _birth_re(months)


@functools.cache
def _day_month(language: str) -> re.Pattern[str]:
    return _day_month_re(_months(language))


def _yearless_day_months(folded: str, start: int, end: int, language: str
                         ) -> Iterable[tuple[re.Match[str], int, int]]:
    """(match, day, month) of each day and month written with a month name and no year after it
    in folded[start:end] ("October 3", "21 de noviembre", "#14march"); a full date is read by
    the birth-date rules instead."""
    months = _months(language)
    for m in _day_month(language).finditer(folded, start, end):
        if m.start() > 0 and folded[m.start() - 1].isalnum():
            continue
        if re.match(r"[ \t,]{0,3}(?:19|20)\d\d", folded[m.end() : m.end() + 8]):
            continue
        day = int(m.group("d") or m.group("d2") or m.group("dh") or 0)
        if 1 <= day <= 31:
            yield m, day, months[m.group("m") or m.group("m2") or m.group("mh") or ""]


def birthdays(text: str, folded: str, ctx: ExtractContext) -> list[Found]:
    """A birthday with the age reached: "turned 80 on Friday, October 3", "cumple 80 años el 21 de
    noviembre", "je 12. ožujka napunila 52" — day and month, and the age gives the year: a full
    date of birth. Both must be in one sentence; a day and month alone are no birthday."""
    out: list[Found] = []
    in_column = _COLUMN_CUE.search(folded) is not None
    for m, day, month in _yearless_day_months(folded, 0, len(folded), ctx.language):
        hashtag = bool(m.group("dh"))
        ws = max(0, m.start() - (300 if hashtag else 90))
        we = min(len(folded), m.end() + 90)
        seg = folded[ws:we]
        # the same sentence only; a hashtag date, the same post (its line): the tags close it
        # ("54 today and the sea was 9.4° … Best start to a birthday. #seapoint #14march")
        ends = _sentence_ends(seg, hashtag)
        left = max([i for i in ends if i < m.start() - ws], default=-1) + 1
        right = min([i for i in ends if i >= m.end() - ws], default=len(seg))
        a = _TURNED.search(seg, left, right)
        if not a and in_column:
            # a birthday column's entry: "Jerry Whitlock — 81 on Jan. 27!", "Ole Hansen, 80 år
            # 12. marts"; a jubilee's age as an adjective: "3 березня свій 75-річний ювілей
            # відзначила …"
            a = (_AGE_ON.search(seg, left, right) or _AGE_ADJ.search(seg, left, right)
                 or _CHEER_AGE.search(seg, left, right))
        if not a:
            continue
        age = int(next(g for g in a.groups() if g))
        if not (1 <= age <= 110):
            continue
        year = ctx.today.year - age  # ±1: "turned 80" last month, "turns 80" next month
        try:
            dt.date(year, month, day)
        except ValueError:
            continue
        s_, e_ = min(m.start(), ws + a.start()), max(m.end(), ws + a.end())
        attrs = (("birthday", "1"), ("full_date", "1"), ("year", str(year)))
        value = collapse(text[s_:e_])
        if e_ - s_ > 60:  # the age and a hashtag far apart: the two, not the post between
            parts = sorted([(m.start(), m.end()), (ws + a.start(), ws + a.end())])
            value = " … ".join(collapse(text[x:y]) for x, y in parts)
        out.append(Found("birth_date", s_, e_, value, attrs))
    # a day and month in figures, with the age reached in the same sentence: "14.05 – днес
    # навърших 50!", "Ernie Castellanos (9/9) - turning 80!" (never with an age alone: "14.05"
    # is also a time of day)
    taken = [(f.start, f.end) for f in out]
    us = (ctx.phone_regions[:1] or ("",))[0] == "US"
    nums = [*_NUM_BIRTHDAY.finditer(folded), *_SLASH_BIRTHDAY.finditer(folded)]
    for m in nums:
        if any(a <= m.start() < b for a, b in taken):
            continue
        day, month = int(m.group(1)), int(m.group(2))
        if m.re is _SLASH_BIRTHDAY and us:
            day, month = month, day  # an American "(9/9)", "(3/14)": month first
        left = max(folded.rfind(". ", 0, m.start()), folded.rfind("\n", 0, m.start())) + 1
        ends = [i for i in (folded.find(". ", m.end()), folded.find("\n", m.end())) if i >= 0]
        right = min(ends) if ends else len(folded)
        a = _TURNED.search(folded, left, min(right, m.end() + 90))
        if not a or not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        age = int(next(g for g in a.groups() if g))
        year = ctx.today.year - age
        if not (1 <= age <= 110) or not _valid(year, month, day):
            continue
        s_, e_ = min(m.start(), a.start()), max(m.end(), a.end())
        out.append(Found("birth_date", s_, e_, collapse(text[s_:e_]),
                         (("birthday", "1"), ("full_date", "1"), ("year", str(year)))))
    return out


_CJK_AGE = re.compile(
    r"(?<![\d.,])(\d{1,3})[ \t]?[歲岁歳세살](?![\w])"
    f"|(?<=[{CJK_LETTERS}])" r"[(（](\d{1,3})(?=[·・,，)）])")
_NUM_BIRTHDAY = re.compile(r"(?<![\d.,:/])(\d{1,2})\.(\d{1,2})\.?(?![\d.,:/])")
# a birthday list's "(9/9)" — never a date with its year, "9/9/2026"
_SLASH_BIRTHDAY = re.compile(r"(?<![\d.,:/])(\d{1,2})/(\d{1,2})(?![\d.,:/])")


class DateExtractor:
    """Ages → Found("age", value="58", attrs age[, age_max]); birth dates → Found("birth_date",
    value as printed, attrs full_date or partial, year)."""

    kinds = ("age", "birth_date")

    def extract(self, text: str, folded: str, ctx: ExtractContext) -> Iterable[Found]:
        out: list[Found] = []
        for m in _AGE.finditer(folded):
            if not _word_start(folded, m.start()):
                continue
            lo = int(m.group(1))
            hi = int(m.group(2)) if m.group(2) else lo
            if m.group(3) and lo % 10 == 0 and not m.group(2):
                hi = lo + 9  # "Age 80s"
            if m.group(4) and not m.group(2):
                hi = lo + 10  # "Âge 80 et +": eighty or more (up to ninety, as far as a range
                # reaches here)
            if not (1 <= lo <= 120 and lo <= hi <= lo + 10):  # 192.com prints "Age guide: 50-54"
                continue
            out.append(self._age(text, m.start(), m.end(), lo, hi))
        months, birth_re = _tables(ctx.language)
        labelled = sorted((o.start, o.end) for o in out)  # the ages read after "Age"
        served: set[int] = set()  # counts of years read as years of service
        bare: list[tuple[Found, int]] = []  # "25 jaar" with nothing to say it is an age
        for rx in (_YEARS_OLD, _AGE_ADJ, _WORD_FIRST_AGE, _BIRTHDAY_AGE, _TURNED_AGE):
            for m in rx.finditer(folded):
                if rx is _WORD_FIRST_AGE and not _word_start(folded, m.start()):
                    continue
                if m.start() > 0 and (
                    folded[m.start() - 1].isdigit() or folded[m.start() - 1] == "."
                ):
                    continue
                a = int(m.group(1))
                if rx is _WORD_FIRST_AGE and _MONTH_WORD.match(folded, m.end()):
                    continue  # "9 lat 11 mies.": eleven months
                if rx is _YEARS_OLD and _SERVICE_AFTER.match(folded, m.end()):
                    served.add(a)  # "25 jaar in dienst": its other prints are that too
                    continue
                if rx is _YEARS_OLD and (
                    _MONTHS_AFTER.match(folded, m.end())
                    or _PERIOD_BEFORE.search(folded, max(0, m.start() - 45), m.start())
                    or _DURATION_BEFORE.search(folded, max(0, m.start() - 10), m.start())
                    or _MARRIAGE_BEFORE.search(folded, max(0, m.start() - 16), m.start())
                    or _LIMIT_BEFORE.search(folded, max(0, m.start() - 14), m.start())
                    or _SERVICE_BEFORE.search(folded, max(0, m.start() - 60), m.start())
                    or _DURATION_LABEL.search(folded, max(0, m.start() - 24), m.start())
                ):
                    continue  # "sty 2017 – obecnie · 9 lat 11 mies.": a period, not an age
                if rx is _AGE_ADJ and "vjecar" in folded[m.start() : m.end()] and not re.match(
                        r"[ \t]{1,2}[A-ZÀ-Ž]", text[m.end() : m.end() + 3]) and not re.match(
                        r"[ \t]{0,2}[,.;)]", text[m.end() : m.end() + 3]):
                    continue  # "Shkolla 9-vjeçare „Pjetër Budi“": a nine-year school; a
                    # person's is before a name ("79-vjeçarit Nexhmi") or closes a phrase
                if rx is _TURNED_AGE and any(o.start <= m.start(1) < o.end for o in out):
                    continue  # "que cumple 80 años": read once, as "80 años"
                i = bisect.bisect_right(labelled, (m.start(1), len(folded))) - 1
                if i >= 0 and labelled[i][0] <= m.start(1) < labelled[i][1]:
                    continue  # "leeftijd ca. 51 jaar": one age, read once
                if 1 <= a <= 120:
                    age = self._age(text, m.start(), m.end(), a, a)
                    if rx in (_YEARS_OLD, _AGE_ADJ) and (_ARTICLE_BEFORE.search(
                        folded, max(0, m.start() - 6), m.start()
                    ) or _AGED_BEFORE.search(folded, max(0, m.start() - 16), m.start())
                            or (rx is _AGE_ADJ and _SENTENCE_START.search(
                                folded, max(0, m.start() - 4), m.start()))):
                        # "Die 49-Jährige war zuvor …", "As an 81-year-old who …", "la 54enne":
                        # the age standing for a person the text names elsewhere
                        age = Found(age.kind, age.start, age.end, age.value,
                                    (*age.attrs, ("anaphor", "1")))
                    out.append(age)
                    if rx is _YEARS_OLD:
                        bare.append((age, a))
        if served:
            # the headline "Pieter Veenstra 25 jaar waterbouwer" over "was 25 jaar in dienst":
            # the same count of years on one page is the same jubilee, not an age
            drop = {id(f) for f, a in bare if a in served}
            out = [f for f in out if id(f) not in drop]
        word_ages = [(m, _CS_NUMBERS[m.group(1)]) for m in _WORD_AGE_ADJ.finditer(folded)]
        word_ages += [(m, _compound_age(m)) for m in _WORD_AGE_COMPOUND.finditer(folded)]
        for m, a in word_ages:
            if not re.match(r"[ \t]{1,2}[A-ZÁ-Ž]", text[m.end() : m.end() + 3]):
                continue  # only before a name: "desetiletá tradice" is a club's, "dvacetiletá
                # praxe" a career
            age = self._age(text, m.start(), m.end(), a, a)
            if _SENTENCE_START.search(folded, max(0, m.start() - 4), m.start()) or \
                    _ARTICLE_BEFORE.search(folded, max(0, m.start() - 6), m.start()):
                age = Found(age.kind, age.start, age.end, age.value, (*age.attrs, ("anaphor", "1")))
            out.append(age)
        for m in _SELF_AGE.finditer(folded):
            # "Io (54F) corro da dieci anni", "[34M]": the poster's own age and sex, as forums
            # write it
            a = int(m.group(1) or m.group(2) or m.group(3) or m.group(4))
            if 10 <= a <= 110:
                own = self._age(text, m.start(), m.end(), a, a)
                out.append(Found(own.kind, own.start, own.end, own.value,
                                 (*own.attrs, ("self", "1"))))
        for m in birth_re.finditer(folded):
            if not _word_start(folded, m.start()):
                continue
            f = self._birth(text, m, ctx, months)
            if f is not None:
                out.append(f)
                # one label over a list: "Dátum narodenia: 22.09.1975 (Šimkovič Martin);
                # 14.06.1977 (Šimkovičová Renáta)"
                for _ in range(4):
                    nm = _NEXT_IN_LIST.match(folded, f.end)
                    if nm is None:
                        break
                    nxt = [d for d in self._dates_in(text, folded, nm.end(), nm.end() + 40,
                                                     months, birth_re) if d.start == nm.end()]
                    if not nxt or nxt[0].attr("full_date") != f.attr("full_date"):
                        break
                    f = nxt[0]
                    out.append(f)
        for m in _STAR_BIRTH.finditer(text):  # the page's own asterisk ("·" folds to "*")
            # German registers print the birth date behind an asterisk: "Mößner, Matthias,
            # Freiburg, *12.03.1974"
            d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if 1 <= d <= 31 and 1 <= mo <= 12 and 1900 <= y <= ctx.today.year:
                attrs = (("full_date", "1"), ("year", str(y)))
                out.append(Found("birth_date", m.start(1), m.end(), text[m.start(1) : m.end()], attrs))
        for m in _NAME_BRACKET_DATE.finditer(text):
            # (only a capitalised word before it, and a year old enough to be a birth: an
            # appointment's "(14.04.2019)" is no birth date)
            w = re.search(r"([^\W\d_]+)$", text[max(0, m.start() - 30) : m.start()])
            d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if (w and w.group(1)[0].isupper() and 1 <= d <= 31 and 1 <= mo <= 12
                    and 1900 <= y <= ctx.today.year - 16):
                attrs = (("full_date", "1"), ("year", str(y)))
                out.append(Found("birth_date", m.start(1), m.end(3), text[m.start(1) : m.end(3)],
                                 attrs))
        for m in _YEAR_GR.finditer(folded):
            y = int(m.group(1))
            if 1900 <= y <= ctx.today.year:
                out.append(Found("birth_date", m.start(1), m.end(1), m.group(1),
                                 (("partial", "1"), ("year", str(y)))))
        for m in _STAR_YEAR.finditer(text):
            y = int(m.group(1))
            if 1900 <= y <= ctx.today.year:
                out.append(Found("birth_date", m.start(1), m.end(), m.group(1),
                                 (("partial", "1"), ("year", str(y)))))
        out.extend(birthdays(text, folded, ctx))
        # Chinese, Japanese and Korean ages, read on the text (its folded letters say nothing
        # there): "陳黃麗芳（80歲）", "80岁", "58세", and the press's "윤재현(58·Daniel Yoon)" —
        # the age and a middle dot in brackets right after a name in those scripts
        for m in _CJK_AGE.finditer(text):
            a = int(m.group(1) or m.group(2))
            if 1 <= a <= 120:
                out.append(self._age(text, m.start(), m.end(), a, a))
        # a living person's lifespan, open at its end, as reference works print it: "Kertész
        # Orsolya (Mohács, 1978. szeptember 3. –)", "(14 March 1975 – )"
        for m in _LIFESPAN_OPEN.finditer(folded):
            # a full date only: "(2010 – )" is a term of office, not a life
            out.extend(d for d in self._dates_in(text, folded, m.start() + 1, m.end(), months,
                                                 birth_re) if d.attr("full_date"))
        # a birth date followed in its sentence by a death is the deceased's ("née à Hal le 2 mai
        # 1948 et décédée à Hal le 9 février 2025"): never a living family member's
        # (a full stop after one letter ends an abbreviation, not the sentence: "f. 1915, d. 1987")
        out = [f for f in out if f.kind != "birth_date" or not _DIED_AFTER.match(
            re.split(r"(?<!\W[a-z])\. ", folded[f.end : f.end + 80])[0])]
        return sorted(out, key=lambda f: f.start)

    @staticmethod
    def _dates_in(text: str, folded: str, start: int, end: int, months: dict[str, int],
                  birth_re: re.Pattern[str]) -> list[Found]:
        """The first date in folded[start:end] read as a date of birth (through the birth-date
        rules, with "born" standing before it)."""
        probe = "born " + folded[start:end]
        m = birth_re.search(probe)
        if m is None:
            return []
        s0, e0 = start + m.start() - 5, start + m.end() - 5
        s0 = max(s0, start)
        g = m.groupdict()
        y = _year_of(g)
        if y is None:
            return []
        full = _is_full(g)
        attrs = (("full_date", "1") if full else ("partial", "1"), ("year", y))
        return [Found("birth_date", s0, e0, collapse(text[s0:e0]), tuple(sorted(attrs)))]

    @staticmethod
    def _age(text: str, s: int, e: int, lo: int, hi: int) -> Found:
        attrs = [("age", str(lo))]
        if hi != lo:
            attrs.append(("age_max", str(hi)))
        value = str(lo) if hi == lo else f"{lo}-{hi}"
        return Found("age", s, e, value, tuple(sorted(attrs)))

    @staticmethod
    def _birth(
        text: str, m: re.Match[str], ctx: ExtractContext, months: dict[str, int]
    ) -> Found | None:
        g = m.groupdict()
        lab, place, conn = g.pop("lab"), g.pop("place"), g.pop("conn")
        full = _is_full(g)
        if place is None and lab.startswith("ne") and " " not in lab:
            return None  # "née" alone labels only a birthplace ("née à Brest le …")
        if place is not None and not full and conn not in _YEAR_AFTER_PLACE and (
            place.split() or [""]
        )[-1] not in _YEAR_AFTER_PLACE:
            return None  # "born and raised in Austin, 2019 …": no birth year
        year = _year_of(g)
        if year is None or not (1900 <= int(year) <= ctx.today.year):
            return None
        if full:
            month, day = _month_day(g, months)
            if not (1 <= month <= 12 and 1 <= day <= 31):
                return None
        # the value starts at the date, after the label
        date_start = min(m.start(k) for k, v in g.items() if v is not None)
        attrs = [("year", year), ("full_date", "1") if full else ("partial", "1"),
                 ("born", "1")]
        return Found(
            "birth_date",
            date_start,
            m.end(),
            collapse(text[date_start : m.end()]),
            tuple(sorted(attrs)),
        )


_FULL_YEARS = ("y1", "y2", "y3", "y4", "y5", "y9", "y10", "y11", "y12")
"""The year groups of _birth_re's full dates (day, month and year); y6–y8 are years alone."""
_ALL_YEARS = (*_FULL_YEARS, "y6", "y7", "y8", "y13")


def _year_of(g: dict[str, str | None]) -> str | None:
    return next((v for k in _ALL_YEARS if (v := g.get(k))), None)


def _is_full(g: dict[str, str | None]) -> bool:
    return any(g.get(k) for k in _FULL_YEARS)


def _word_start(folded: str, i: int) -> bool:
    return i == 0 or not folded[i - 1].isalpha()


def _month_day(g: dict[str, str | None], months: dict[str, int]) -> tuple[int, int]:
    if g.get("y1"):
        return months[g["m1"] or ""], int(g["d1"] or 0)
    if g.get("y2"):
        return months[g["m2"] or ""], int(g["d2"] or 0)
    if g.get("y3"):
        return int(g["mo3"] or 0), int(g["d3"] or 0)
    if g.get("y4"):
        a, b = int(g["a4"] or 0), int(g["b4"] or 0)
        return (a, b) if a <= 12 else (b, a)  # 03/14/1968 (US) or 14/03/1968 (UK)
    if g.get("y9"):
        return int(g["mo9"] or 0), int(g["d9"] or 0)
    if g.get("y10"):
        return months[g["m10"] or ""], int(g["d10"] or 0)
    if g.get("y11"):
        return int(g["mo11"] or 0), int(g["d11"] or 0)
    if g.get("y12"):
        return months[g["m12"] or ""], int(g["d12"] or 0)
    return int(g["mo5"] or 0), int(g["d5"] or 0)


_PUBLISHED = re.compile(
    r"(?<![a-z])(?:published|posted|updated|publicat|actualizat|objavljeno|azurirano|"
    r"opublikowano|aktualizacja|publikovano|aktualizovano|veroffentlicht|publie|publicado)"
)
_BIRTH_BEFORE = re.compile(
    r"(?<![a-z])(?:born|b\.|dob|date of birth|nar\.|narozen[a-z]*|urodzon[a-z]*|ur\.|"
    r"roden[a-z]*|nascut[a-z]*|geboren|nee|nacid[a-z]*|nascid[a-z]*|nat[oa]|jahrgang|"
    r"geboortedatum|geburtsdatum)[^\n]{0,12}$"
)
# a year in the page's address: "/2019/", "/2020/07/", "/zpravodaj/2021-09/"
_URL_YEAR = re.compile(r"/((?:19|20)\d{2})(?:-(?:0[1-9]|1[0-2]))?/(?:(?:0?[1-9]|1[0-2])/)?")


_RANGE_AFTER = re.compile(
    r"[ \t]{0,2}(?:-|–|to|až|do)[ \t]{0,2}(?:[a-z]+\.?[ \t]{1,2})?(?:(?:19|20)\d{2}|present|now|current|today)"
)
PAGE_YEARS = 25
"""How far back a page's own date is believed: an older "date" near the top is more likely an
adult's birth month than the day a page was written."""


_EVENT_DATE = (
    r"(?<![a-z])(?:event[ \t]date|date[ \t]of[ \t](?:marriage|event)|"
    r"marriage[ \t]date|datum[ \t]snatku|datum[ \t]svatby|"
    r"date[ \t]du[ \t]mariage|data[ \t]del[ \t]matrimonio|fecha[ \t]de[ \t]matrimonio|"
    r"heiratsdatum|datum[ \t]huwelijk|vigseldatum|data[ \t]slubu|data[ \t]casatoriei)"
)


# a weekday before a byline's date (folded): never another word ("· Incorporated 11 November
# 2015" on a company page is no byline)
_WEEKDAY = (r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun|"
            r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|"
            r"jeudi|vendredi|samedi|dimanche|lunes|martes|miercoles|jueves|viernes|sabado|"
            r"domingo|lunedi|martedi|mercoledi|giovedi|venerdi|maandag|dinsdag|woensdag|"
            r"donderdag|vrijdag|zaterdag|zondag)")


def page_year(url: str, folded: str, start: int, language: str, today: dt.date) -> int:
    """The year a page speaks from: a dated byline near its top ("Published: 9 March 2010",
    "Conor Feehily · July 22 2020", "28 aprilie 2026, 10:05"), else a dated address
    ("/2019/", "/2020/07/"); this year when it says neither. Only a date marked as the page's
    own counts — after a publication word, after a byline separator, or beside a time of
    day — never a birth date ("Age 55 (Mar 1971)"), never a future year. An age printed on a
    page from 2010 is an age in 2010."""
    months = _months(language)
    head = folded[start : start + 500]
    names = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    date = (
        r"(?:(?:\d{1,2}\.?[ \t]{0,2})?(?:" + names + r")\.?[ \t,]{0,3}"
        r"(?:\d{1,2}(?:st|nd|rd|th)?[ \t,]{1,3})?((?:19|20)\d{2})|"
        r"\d{1,2}[./-]\d{1,2}[./-]((?:19|20)\d{2})|((?:19|20)\d{2})-\d{2}-\d{2})(?![0-9])"
    )
    marked = re.compile(
        r"(?:" + _PUBLISHED.pattern + r")[^\n0-9]{0,20}(?:[a-z]+[ \t,]{1,3})?" + date
        # (a weekday may open it: "Eoghan Dineen · Thursday, 24 October 2019")
        + r"|(?:[*|\-][ \t]{0,3})(?:" + _WEEKDAY + r",?[ \t]{1,2})?" + date
        + r"|" + date + r"[ \t,]{1,3}(?:at[ \t]|ora[ \t])?\d{1,2}[:.]\d{2}(?![0-9])"
        # the time first: "By Tom Briar · 17:05, 18 JAN 2019"
        + r"|(?<![0-9])\d{1,2}:\d{2}[ \t,]{1,3}" + date
        # a line that opens with the date and a separator before the section: "12.11.2013 ·
        # Происшествия" ("·" folds to "*")
        + r"|(?<![^\n])" + date + r"[ \t]{0,3}[*|][ \t]"
        # a record's own event: a marriage index's "Event Date | 12 Jun 2004" (its ages are
        # the ages of that day)
        + r"|" + _EVENT_DATE + r"[ \t:]{0,3}" + date
    )
    for m in marked.finditer(head):
        if _BIRTH_BEFORE.search(head[max(0, m.start() - 30) : m.start()]):
            continue
        if _RANGE_AFTER.match(head, m.end()):
            continue  # "King County · Jun 2015 - Nov 2026": a period of residence, not a byline
        y = next((g for g in m.groups() if g), None)
        if y and today.year - PAGE_YEARS <= int(y) <= today.year:
            return int(y)
    um = _URL_YEAR.search(url)
    if um and today.year - PAGE_YEARS <= int(um.group(1)) <= today.year:
        return int(um.group(1))
    return today.year


# A birthday column: a newspaper's "Merkkipäivät", a town bulletin's "Wir gratulieren", a club's
# "Happy birthday to our members" — ages as headings, the date in the column's heading or on each
# entry's line.
_COLUMN_CUE = re.compile(
    r"(?<![a-z])(?:merkkipaiv|syntymapaiv|geburtstag|gratul|jubilar|birthdays|happy[ \t]birthday|"
    r"anniversaires|"
    r"compleann|verjaardag|jarig|urodzin|narozenin|rodjendan|rodendan|rojstn[a-z]*[ \t]dan|"
    r"fodelsedag|fodselsdag|bursdag|zile[ \t]de[ \t]nastere|cumpleanos|aniversari|genethli|"
    r"rozhden[ \t]den|den[ \t]narodzhennia|yuvile|jubile|szuletesnap|merkkipaiva|"
    # "Februárban születtek – Isten éltesse őket!", "dzimšanas dienas", "gimtadienis",
    # "sünnipäev", "narodeniny", "La mulți ani"
    r"szulettek|eltesse|dzimsanas[ \t]dien|gimtadien|sunnipaev|narodenin|la[ \t]multi[ \t]ani)"
)
# "14.3.", "am 04.07.": a day and month with no year
_NUM_DAY_MONTH = re.compile(r"(?<![\d.,])(\d{1,2})\.[ \t]?(\d{1,2})\.(?![ \t]?\d)")


def _day_months(folded: str, start: int, end: int, language: str) -> list[tuple[int, int, int, int]]:
    """(start, end, day, month) of every day-and-month without a year in folded[start:end]."""
    out = []
    for m in _NUM_DAY_MONTH.finditer(folded, start, end):
        out.append((m.start(), m.end(), int(m.group(1)), int(m.group(2))))
    for m, day, month in _yearless_day_months(folded, start, end, language):
        out.append((m.start(), m.end(), day, month))
    return sorted(o for o in out if 1 <= o[2] <= 31 and 1 <= o[3] <= 12)


def birthday_columns(text: str, folded: str, founds: list[Found], ref_year: int,
                     language: str) -> list[Found]:
    """Full birth dates in a birthday column (rule birthday_column): under a heading that names
    birthdays, an age standing alone on its line heads its entries ("Zum 80. Geburtstag" /
    "am 04.07. Herrn Walter Hölzle, …"; "Merkkipäivät perjantaina 14.3." / "50 vuotta" / "Riikka
    Kallioniemi, Tampere"). The date on an entry's own line, else the column heading's, with
    the age, gives the date of birth: a Found("birth_date") on the entry's date, or on the
    age heading when the date is the column's."""
    cue = _COLUMN_CUE.search(folded)
    if cue is None:
        return []
    out: list[Found] = []
    ages = sorted((f for f in founds if f.kind == "age" and f.start > cue.start()
                   and f.attr("age") and not f.attr("age_max")), key=lambda f: f.start)
    heads = []
    for f in ages:
        ls = folded.rfind("\n", 0, f.start) + 1
        le = folded.find("\n", f.end)
        le = len(folded) if le < 0 else le
        if (le - ls <= 40 and not _is_entry(text, folded, ls, le, language)
                and not _NAME_PAIR.search(text, ls, le)):
            heads.append((f, ls, le))  # the age is a heading: its own short line, no name on it
    for i, (f, _ls, le) in enumerate(heads):
        age = int(f.attr("age") or 0)
        if not 1 <= age <= 110:
            continue
        year = ref_year - age
        stop = heads[i + 1][1] if i + 1 < len(heads) else min(len(folded), le + 1500)
        # the entries under the heading: each line that opens with a date ("am 04.07. Herrn …")
        entries = []
        pos = le + 1
        while pos < stop:
            nl = folded.find("\n", pos, stop)
            line_end = stop if nl < 0 else nl
            dm = _day_months(folded, pos, min(line_end, pos + 16), language)
            if dm:
                entries.append(dm[0])
            pos = line_end + 1
        if not entries:
            # the column's own date: the last day-and-month before the age on a line with the cue
            before = [d for d in _day_months(folded, cue.start(), f.start, language)
                      if _COLUMN_CUE.search(folded, folded.rfind("\n", 0, d[0]) + 1, d[0])]
            if before:
                s, e, day, month = before[-1]
                if _valid(year, month, day):
                    out.append(Found("birth_date", f.start, f.end,
                                     f"{collapse(text[s:e])} {collapse(text[f.start:f.end])}",
                                     (("birthday", "1"), ("full_date", "1"), ("year", str(year)))))
            continue
        for s, e, day, month in entries:
            if _valid(year, month, day):
                out.append(Found("birth_date", s, e,
                                 f"{collapse(text[s:e])} ({collapse(text[f.start:f.end])})",
                                 (("birthday", "1"), ("full_date", "1"), ("year", str(year)))))
    out += _entry_lines(text, folded, [f for f in ages if f not in {h[0] for h in heads}],
                        ref_year, language)
    return out


_CAPITALISED = re.compile(r"(?<![\w])[A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĜĞĢĤĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŖŘŚŜŞŠŢŤŪŮŰŲŹŻŽ][\w'’\-]+")


# two capitalised words in a row: a name beside an age ("Elsa Karin Östlund, 14 år" under a
# card's "Födelsedag" field is a household row, not a birthday column's "50 vuotta" heading)
_NAME_PAIR = re.compile(_CAPITALISED.pattern + r"[ \t]+" + _CAPITALISED.pattern)


def _is_entry(text: str, folded: str, ls: int, le: int, language: str) -> bool:
    """A birthday list's entry line: one day and month, and a name (two capitalised words)."""
    if len(_day_months(folded, ls, le, language)) != 1:
        return False
    return len(_CAPITALISED.findall(text, ls, le)) >= 2


def _entry_lines(text: str, folded: str, ages: list[Found], ref_year: int,
                 language: str) -> list[Found]:
    """A birthday list's entries, one a line, each with its day and month and the age reached
    ("Kertész Istvánné Erzsike (febr. 11.) – 76 éves", "2. oktobrī — Rasma Grīnberga (78)"):
    the full date of birth, on the entry's date; an age printed right after a name keeps
    whose it is."""
    out: list[Found] = []
    for f in ages:
        ls = folded.rfind("\n", 0, f.start) + 1
        le = folded.find("\n", f.end)
        le = len(folded) if le < 0 else le
        if le - ls > 120 or not _is_entry(text, folded, ls, le, language):
            continue  # prose, or no name and date on the line
        dms = _day_months(folded, ls, le, language)
        s, e, day, month = dms[0]
        age = int(f.attr("age") or 0)
        year = ref_year - age
        if not 1 <= age <= 110 or not _valid(year, month, day):
            continue
        attrs: tuple[tuple[str, str], ...] = (("birthday", "1"), ("full_date", "1"),
                                              ("year", str(year)))
        if f.attr("of"):
            attrs += (("of", f.attr("of") or ""),)
        out.append(Found("birth_date", s, e,
                         f"{collapse(text[s:e])} ({collapse(text[f.start:f.end])})", attrs))
    return out


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True
