"""Corroboration: is this block about *our* person or a namesake? (DESIGN.md §4)

A name match proves nothing alone. Each corroborating attribute of the profile found in the same
block (city, region, court, a known address, phone, e-mail or username, a consenting relative's
name, a birth year or age within ±1) is a named rule with a weight; the weights combine like
independent evidence (1 − Π(1 − w)) and are scaled by how precise the name form was.
Contradictions (another city and no other link, an age 10+ years off, another middle initial)
multiply the confidence down. With no corroboration at all the confidence is capped below the
profile's threshold: a possible match for a human to review, never a confirmed finding.
Every rule is listed in `RULES` and documented in docs/matching.md (a test checks both agree).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..profile import Person, Profile
from .extract import Found
from .extract_dates import DEATH_WORD
from .extract_orgs import LEGAL_FORM
from .extract_places import STREET_TYPES, US_STATES
from .names import (
    NAME_QUALITY,
    NameMatch,
    NameMatcher,
    digraph_spelling,
    fold,
    gaelic,
    has_genitive,
    inflected_pattern,
    keeps_two_surnames,
    town_short,
    two_surnames,
    unglottal,
)
from .scripts import latin, profile_scheme
from .towns import other_names, welsh_mutations


@dataclass(frozen=True)
class Rule:
    """A named matching or false-positive rule."""

    name: str
    """Stable name, recorded in `Exposure.rules`."""
    effect: str
    """"name" (a name form), "corroborates", "contradicts" or "filter"."""
    weight: float
    """For "corroborates": the evidence weight (0–1). For "contradicts": the factor the
    confidence is multiplied by. For "name": the name-quality factor. Unused for "filter"."""
    description: str
    """One line for docs/matching.md."""


def _rules() -> dict[str, Rule]:
    name_desc = {
        "name_full": "the full name as in the profile (all given names and surname)",
        "name_first_last": 'first and last name ("Eleanor Whitfield"), any middle name omitted',
        "name_alias": "an alias from the profile (short form, maiden or married name)",
        "name_middle_initial": "first name, a middle initial (or middle name) and surname",
        "name_initial": 'initial(s) and surname ("E. Whitfield", "E. R. Whitfield")',
        "name_nickname": 'a nickname of the first name from the built-in table ("Ellie", "Dan")',
        "name_short": 'a short form of the first name no table lists, beside the surname: cut '
        '("Nath"), cut with a pet ending ("Kari", "Inga", "Radi") or its ending ("Tiina")',
        "name_reversed": 'surname first, with or without a comma ("WHITFIELD, Eleanor Ruth")',
        "name_register": 'surname and initials only, as registers print them ("DOE J Q")',
        "name_inflected": 'a grammatical case form in an inflected language ("Řezníčkovou")',
        "name_title": 'a judicial title and the surname ("Judge Whitfield"), the subject only',
        "name_given_with_family": "a first name alone, on a block already about the family: next "
        "to the family surname or a family member's name, after a "
        "relation word, under a relatives heading, near a family word, "
        "or anywhere on a page (not a listing) that talks about family",
        "name_folded": "recorded with the name rule when the page wrote the name without its "
        "diacritics",
        "name_honorific": 'a courtesy title and the surname ("Ms Hartigan", "Pani Żurawska"), on a '
        "page that names the person in full elsewhere, when no other family member shares it",
        "name_household": "the household's plural surname after two joined given names "
        '("Martin i Radoslava Dragomirovi", "Jan i Anna Kowalscy"): the given name before it; '
        'or joint owners under one surname, the second given name ("KERR DOUGLAS P/RENATA I")',
        "name_surname": "the surname alone, capitalised: only as the cue of rule "
        "contact_with_cue, never a match of its own",
        "name_username": "the page's address carries the person's profile username (their own "
        "account or site: a host label or a whole path segment)",
        "name_given_initial": 'a child\'s first name and the initial of the surname ("Isla P '
        '(9W)", "Léa K."), only on the site of the child\'s own school: it exposes the school',
    }
    rules = {n: Rule(n, "name", NAME_QUALITY.get(n, 1.0), d) for n, d in name_desc.items()}
    corroborating = (
        ("known_address", 0.8, "a street address of the person from the profile"),
        ("known_phone", 0.8, "a phone number of the person from the profile"),
        ("known_email", 0.8, "an e-mail address of the person from the profile"),
        (
            "known_username",
            0.7,
            "a username of the person from the profile (text, @handle or link)",
        ),
        (
            "known_org",
            0.6,
            "the person's own school (a child) or employer (a relative) from the profile, in "
            "any print form (distinctive words, initials), or the page is that organisation's "
            "own site",
        ),
        (
            "court",
            0.7,
            "the judge's court (full name, or most of its distinctive words, the last "
            'one included, next to "court"/"soud")',
        ),
        (
            "city",
            0.6,
            "the person's city of residence, or the city of a profile address "
            "(Czech case forms accepted)",
        ),
        (
            "page_city",
            0.6,
            "the person's city in the page's own heading or footer (a club's or school's town "
            "over its roster), outside people-search sites; with a matching age it confirms",
        ),
        (
            "age_match",
            0.6,
            "an age or birth year that puts the birth year within ±1 of the profile's",
        ),
        (
            "relative_named",
            0.6,
            "another consenting person of the profile named in the block, "
            "whose own match shows no contradiction",
        ),
        (
            "listed_relative",
            0.8,
            "named under the relatives heading of a confirmed family member's own card (the "
            "site itself lists them as related)",
        ),
        (
            "family_context",
            0.6,
            "for a first name alone: another family member is confirmed in the same block",
        ),
        (
            "family_on_page",
            0.6,
            "two or more family members each named with their own matching age or birth year on "
            "one page (a club's member list, a race's results)",
        ),
        (
            "family_constellation",
            0.6,
            "three or more family members named on one page that carries a family surname, each "
            "in full or by first name after a relation word, with a town of the profile or a "
            "fourth member (a death notice: 'wife of Geoff, mum of Alison, grandma of Isla')",
        ),
        (
            "street_named",
            0.7,
            "the street of the person's current home, without a house number, on the line of "
            "their name with a word of residence ('wohnt … in der Rautenstrauchstraße', "
            "'lives on Alderbrook'): a namesake elsewhere does not live there",
        ),
        (
            "family_named",
            0.6,
            "on a person's own account or site: another family member's first name after a "
            "relation word, or the first names of two others",
        ),
        (
            "photo_on_page",
            0.6,
            "a reference photo of the person matched on the same page (read once every page of "
            "the audit is: a roster that shows her picture beside a name and a birth year)",
        ),
        (
            "family_photo",
            0.6,
            "an account at the person's own profile username that shows a reference photo of "
            "someone of the family (read once every page of the audit is): a stranger who holds "
            "the same username has none of the family's pictures",
        ),
        (
            "known_affiliation",
            0.6,
            "for a minor: a distinctive word of the block (a club's name in a results row) "
            "names a site on which the same child is already confirmed (the club's own site); "
            "never on people-search sites, never learnt from them nor from social platforms",
        ),
        (
            "region",
            0.35,
            'the person\'s state or region of residence ("CA", "California"): '
            "it supports other evidence but never confirms alone (a state holds "
            "millions of people)",
        ),
    )
    for n, w, d in corroborating:
        rules[n] = Rule(n, "corroborates", w, d)
    contradicting = (
        ("contra_age", 0.25, "an age or birth year 10 or more years from the profile's"),
        ("age_off", 0.8, "an age or birth year 3–9 years from the profile's"),
        ("contra_address", 0.8, "the block's only evidence is the town (or the town of a "
         "previous address and a matching age, or on a people-search listing the town and a "
         "matching age band), and it prints a street address in that town that is none of the "
         "profile's: another household of that name there"),
        (
            "contra_city",
            0.5,
            "the block places the person in another city, and shows no city, "
            "address, phone, e-mail, username or court of the profile; or a report says, right "
            "after the name, that the person lives in a town none of the profile's",
        ),
        (
            "contra_occupation",
            0.5,
            "the judge's name beside another profession (a credential, \"RN\", \"DDS\"; a "
            "noun, \"Zobārste\", \"Zahnärztin\") or followed by a student's line, on a page "
            "that does not name the court; an adult relative's (35 or older) followed by a "
            "student's line or a class year (\"UTSA '27\")",
        ),
        (
            "contra_school",
            0.5,
            "a child whose school the profile gives is named in the block as the pupil of "
            "another school — in the name's own sentence or one opening on the pupil (\"L'élève "
            "de l'Athénée royal de Gilly\", \"a pupil at St Anne's Primary\") — and the block "
            "shows none of the profile's school, address, phone or e-mail: a namesake",
        ),
        (
            "another_card",
            0.5,
            "on a people-search result list, another card of the same page shows the person's "
            "own address, phone or e-mail: a card that shares only their name, town or age is "
            "a namesake's (a site lists a person once)",
        ),
        (
            "contra_staff",
            0.5,
            "a staff or team page (\"/team/\", \"/agents/\", \"/mitarbeiter/\", \"/zespol/\") of an "
            "organisation that is not the person's own employer (nor the judge's court): another "
            "professional of that name",
        ),
        (
            "contra_middle_initial",
            0.5,
            "the page gives a middle initial or name that is not the "
            "person's (nor the initial of a maiden name in aliases), or a second surname "
            "that is not the family's closes the name",
        ),
    )
    for n, f, d in contradicting:
        rules[n] = Rule(n, "contradicts", f, d)
    filters = (
        (
            "name_only_cap",
            "no corroboration: confidence capped below the threshold (a possible "
            "match, never confirmed)",
        ),
        (
            "weak_only",
            "the city or region, or an age — what namesakes in one town share — confirm nothing "
            "on their own on a people-search listing, nor with a contradiction, and an age alone "
            "never (a place and a matching age together do): a possible match",
        ),
        (
            "per_block",
            "on a listing page each block is judged alone; the page frame (which "
            "echoes the search) is not judged",
        ),
        (
            "not_consented",
            "a page that names a relative who did not consent in full before anyone of the "
            "family, or that relative's card on a listing, is about them: nothing on it is "
            "reported",
        ),
        (
            "near_name",
            "on a page that is not a listing, a value the profile does not list is "
            "attributed only to the person named closest to it (within 300 characters)",
        ),
        (
            "one_per_value",
            "a profile value printed several times on one page is one finding per person, "
            "with the fullest print of it",
        ),
        (
            "not_an_age",
            "a number in a table column headed as a flat, unit, bib, rank, place or phone right "
            "after a name is no age: it neither exposes nor contradicts a birth year",
        ),
        (
            "consenting_only",
            "only consenting people are matched: a non-consenting relative is not "
            "in the profile the analyzer receives",
        ),
        (
            "own_company",
            "a relative confirmed with an officer's role on a page that names a company with "
            "a legal form and their surname works there; an asset-holding company is no workplace",
        ),
        (
            "contact_with_cue",
            "a phone number or e-mail of the profile on a page where no block confirmed its "
            "owner is still theirs when their first name, nickname or surname is printed within "
            "250 characters (a classified ad by 'Gosia', a reverse-phone page: 'Mirela din Cluj')",
        ),
        (
            "own_ad",
            "a page that only one family member's own phone or e-mail and first name made about "
            "them (contact_with_cue) is their ad: its one car or plate and the profile address "
            "it gives for a viewing are theirs",
        ),
        (
            "relative_tie",
            "a `relative` finding needs the page to tie the relative to the judge (one card, a "
            "relatives heading, a shared home, a relation or family word on the name's line, "
            "one household), not two rows of one table",
        ),
        (
            "name_shadowed",
            "an initial, title or honorific form inside another family member's longer name "
            "is that member's name",
        ),
        (
            "photo_credit",
            "a name in an image's credit line (\"Photo by …\") is the photographer or "
            "poster, not the person shown",
        ),
        (
            "photo_unverified",
            "an image named only by its caption, of a person with no reference photo to compare "
            "it with, or on a page that confirms the person below 0.7: the caption may name "
            "everyone in a group picture, or a namesake — a possible photo, left for review",
        ),
        (
            "street_page",
            "on a page whose title names a profile street, the profile's house number after a "
            "label (\"No. 18\") or in a house-number column is the profile address",
        ),
        (
            "year_column",
            "a year of birth or age in a table column headed so, on the row that names the person",
        ),
        (
            "family_address",
            "a profile address printed after its household's surname with a word for family "
            "(\"Familie Hasenöhrl, Burggasse 11\") is that person's address on the page",
        ),
        (
            "row_owner",
            "a value in a table row is the person's the row names, or whose label fills one of "
            "its cells (a declaration's 'declarant' or 'spouse' column)",
        ),
        (
            "seller",
            "a classified ad's seller is the person: the plate or car the ad shows is theirs",
        ),
        (
            "declarant",
            "on an asset declaration, a car on a line that names no one is the declarant's (the "
            "judge), or the spouse's when a word for the spouse stands on its line",
        ),
        (
            "line_owner",
            "a date of birth on a line that names one person of ours before it, and no other "
            "name between, is theirs, even in a list of relatives",
        ),
        (
            "other_birth_date",
            "a date of birth more than a year from the person's profile birth year is never "
            "reported as theirs (someone else's on the same page), nor an age more than two "
            "years off beside the judge named in office (a party's age in a court report)",
        ),
        (
            "other_street",
            "a phone or e-mail on a page that names a person with nothing of theirs but a town, "
            "beside a street, house number and town that are none of theirs, is a namesake's, "
            "as is a picture captioned with the name there",
        ),
        (
            "co_resident",
            "a family member listed under 'Other occupants' or 'Past residents' of a former "
            "address another member's profile gives lived there too, as did one named with "
            "them in one joint owners' entry of it: it is their address",
        ),
        (
            "segment_owner",
            "a phone or e-mail in a one-line contact list ('Name: number · Name: number') is "
            "the person's its part's label names, and nobody's of ours when it names another",
        ),
        (
            "surname_echo",
            "a car or plate on a line that names, by surname alone, the one person of the "
            "family confirmed in the block is theirs",
        ),
        (
            "page_home",
            "a profile address in a part of the page that names nobody, on a page confirmed to "
            "be about its person (a land register's property and owner sections) or showing "
            "their own phone or e-mail with their name in full, is theirs",
        ),
        (
            "page_contact",
            "a profile phone or e-mail in a part of the page that names nobody, on a page "
            "confirmed to be about its one owner, is theirs",
        ),
        (
            "birthday_column",
            "in a birthday column an age on its own line heads its entries: with the date on "
            "an entry's line or in the column's heading it gives the full date of birth",
        ),
        (
            "page_year",
            "an age on a page is an age in the page's own year (a dated byline near its top, or "
            "a year in its address), else this year",
        ),
        (
            "username_backed",
            "an account page at a profile username that never prints the name is the person's "
            "when it shows their town, address, phone, e-mail, school, employer or court, or a "
            "relative's profile username, and no other town",
        ),
        (
            "cohort_page",
            "a page about a birth cohort (\"conscrits de la classe 1972\", a Jahrgänger club of "
            "1970, \"nati nel 1946\") in its title or first lines exposes the year of birth of a "
            "person it confirms who was born that very year",
        ),
        (
            "masked_teaser",
            "a number cut by a mask (\"0115 496 07**\") is a teaser, not a phone",
        ),
        (
            "trunk_prefix",
            "where phones are printed with a trunk prefix, a national number without it (and "
            "without a phone label) is not a phone",
        ),
        (
            "official_page",
            "a value on the judge's own court or government page is marked "
            "official (the classifier rates it lower)",
        ),
        (
            "value_floor",
            "an unconfirmed block with a contradiction, or below 0.2, yields only a "
            "mention, not its values",
        ),
        (
            "street_only",
            'the street of a current home without a house number ("the Whitfields '
            "of Alderbrook Drive\"), in the same paragraph as the confirmed person's "
            "name and with a word of residence, is a home_address",
        ),
        (
            "page_subject",
            "on a listing page, a profile address or phone in the page's frame (title, heading) "
            "is what the page is about (a reverse-address or reverse-phone page): every listed "
            "resident shares it, and a judge and relative listed there are linked",
        ),
        (
            "institutional",
            "an unlisted phone, e-mail or address that is an organisation's is not the person's: "
            "contact data on a court's or government's own site, a club's or office's mailbox "
            "(info@, an address at the page's own domain), an address after the name of a court, "
            "office or company",
        ),
        (
            "phone_unlisted",
            "a phone number the profile does not list is the person's only in a block that shows "
            "a home the family lives in now, or where its label names them; elsewhere (a "
            "stale listing at a previous address, a club's or a paper's page) a possible match",
        ),
        (
            "own_account",
            "a page whose address carries a person's profile username and that is judged to be "
            "about them is their account or own site: an `account` finding; its pictures and its "
            "other pages are read as theirs; without corroboration only a possible match",
        ),
        (
            "own_site",
            "a page on the site (or site section) of a person's own school or employer — its "
            "host, path or title spells the organisation — exposes that organisation for every "
            "confirmed person it names",
        ),
        (
            "relatives_section",
            'names, ages and places under "Relatives"/"Associated persons" '
            "belong to the relatives, not to the block's person",
        ),
    )
    for n, d in filters:
        rules[n] = Rule(n, "filter", 0.0, d)
    return rules


RULES: dict[str, Rule] = _rules()
"""Every rule by name."""

# post-nominal credentials of other professions than a judge's, right after a name
_CREDENTIAL = re.compile(
    r",?[ \t]{0,2}\(?(?:RN|LPN|LVN|NP|FNP|APRN|CRNA|BSN|MSN|MD|M\.D\.|DO|DDS|DMD|DVM|PharmD|"
    r"CPA|PT|DPT|OTR|RD|LCSW|LPC|PA-C|CNA|DC|Realtor|REALTOR|RDH)(?![A-Za-z])"
)
# a student's line after the name ("Lejla Mehmedović / Studentica, FET Tuzla, 3. godina"): a
# namesake of a judge who is long past her studies
_STUDENT = re.compile(
    r"(?<![a-z])(?:student(?:ka|ica|kinja|in|e|essa|as|ai|i)?|estudiante|etudiante?|opiskelija|"
    r"hallgato|studerande|studerende|ikaslea|undergrad(?:uate)?|phd candidate|"
    # German: "Lehramt Bio/Sport an der Uni Köln", "Studium", "studiert", "Erstsemester"
    r"lehramt|studium|studiert|erstsemester)(?![a-z])"
)
STUDENT_NEAR = 100
"""Characters after the judge's name within which a student's line contradicts the match."""
# another profession's noun, as a card, a bio or a caption sets it beside a name ("Dace
# Vītoliņa | Zobārste", "Anna Nowak, stomatolog", "Zahnärztin Dr. Anna Huber"), folded: what a
# judge is not. (Never a lawyer's, a teacher's of law or a coach's: judges have been, and are,
# those too; nor a word that is also a surname, "Fischer", "Weber".)
_OCCUPATION = (
    r"(?:"
    # dentist
    r"dentist[a-z]{0,3}|zahnarzt(?:in)?|tandarts|tandlage|tandlakare|tannlege|hammaslaakari|"
    r"stomatolog[a-z]{0,3}|zubar|zubarka|zobarst[se]|odontolog[a-z]{0,3}|hambaarst|fogorvos|"
    r"odontiatros|zabolekar[a-z]{0,2}|"
    # physician, nurse, pharmacist, physiotherapist, veterinarian
    r"physician|arztin|allgemeinmediziner(?:in)?|medecin|huisarts|lekarka|lekarz|orvos|"
    r"nurse|krankenschwester|pflegefachfrau|infirmiere?|enfermer[ao]|infermier[ae]|"
    r"verpleegkundige|sygeplejerske|sjukskoterska|sykepleier|sairaanhoitaja|pielegniarka|"
    r"pharmacist|apotheker(?:in)?|pharmacienne?|farmaceut(?:ka|a)?|farmacist[a-z]{0,2}|"
    r"gyogyszeresz|physiotherapeut(?:in)?|physiotherapist|fysioterapeut|fizjoterapeut(?:ka|a)?|"
    r"veterinar(?:ian|ka|na|ia)?|tierarzt(?:in)?|dierenarts|dyrlage|weterynarz|"
    # architect, engineer (the judge's: a spouse's may be one)
    r"architect|architekt(?:in|ka)?|architecte|arquitect[ao]|architett[ao]|arkitekt|"
    r"arhitekt(?:ka|a)?|arkkitehti|"
    # photographer, hairdresser, beautician, estate agent
    r"photographer|fotograf(?:in|ka)?|photographe|fotografo|fotografa|valokuvaaja|"
    r"hairdresser|friseur(?:in)?|friseurmeisterin|coiffeuse|peluquer[ao]|parrucchier[ae]|kapper|"
    r"frisor|fryzjer(?:ka)?|kadernik|kadernicka|fodrasz|kampaaja|frizer(?:ka)?|"
    r"kosmetiker(?:in)?|estheticienne|kosmetyczka|kozmeticarka|"
    r"realtor|estate[ \t]agent|immobilienmaklerin|agent[ \t]immobilier|makelaar|"
    r"ejendomsmagler|eiendomsmegler|kiinteistonvalittaja|"
    # chef, baker, fisherman, farmer
    r"konditor(?:in|meisterin)?|patissiere?|pasticcer[ae]|cukiernik|"
    r"fisherman|ribar|rybak|pescador[a]?|pescatore|fiskare|fisker"
    r")"
)
# the noun right after the name, past a separator and at most a short word ("…, a dentist",
# "| Zobārste Rīgā"), or right before it, past a title ("Zahnärztin Dr. Anna Huber")
_OCCUPATION_AFTER = re.compile(
    r"[ \t]{0,2}(?:[,|·*/(–—\-]|\n)[ \t]{0,2}(?:[a-z]{1,4}[ \t])?"
    # (a degree's or rank's word before it: "diplomirani farmaceut", "diplomierte
    # Physiotherapeutin", "registered nurse", "licensed pharmacist")
    r"(?:(?:diplomirani|diplomirana|diplomierte?r?|dipl\.|registered|licensed|certified|"
    r"senior|chief|staatlich[ \t]geprufte?r?)[ \t])?" + _OCCUPATION
    # (never a credit's label: "Margaret Pruneda | Photographer: J. Doe")
    + r"(?![a-z])(?![ \t]*:)")
_OCCUPATION_BEFORE = re.compile(
    r"(?<![a-z])" + _OCCUPATION + r"[ \t]{1,2}(?:(?:dr|mag|ing|mudr|mddr)\.?[ \t]{1,2})?$")
# a college class year, as a student's bio writes it ("UTSA '27", "Class of 2027")
_CLASS_YEAR = re.compile(r"(?<![\w'’])[A-Z][A-Za-z&]{1,7}[ \t]['’](\d\d)(?![\w'’])"
                         r"|(?i:class[ \t]of[ \t](?:20)?(\d\d))(?!\d)")


JOB_FIELD_NEAR = 300
"""Characters after the judge's name within which a card's job field is read."""
# a people-search card's job field naming another profession: "Posao: Apoteka Zvezdara –
# diplomirani farmaceut", "Occupation: Registered Nurse", "Beruf: Zahnärztin"
_JOB_FIELD = re.compile(
    r"(?<![a-z])(?:job|occupation|profession|posao|zanimanje|zanimanie|zawod|beruf|metier|"
    r"profesion|professione|occupazione|beroep|yrke|ammatti|foglalkozas|povolani|zamestnanie|"
    r"munka|darbas|amet|elukutse)[ \t]*:?[ \t]+[^\n]{0,60}?(?<![a-z])" + _OCCUPATION
    + r"(?![a-z])")


def student_page(folded: str) -> bool:
    """Whether a short profile page (an account's bio) says its owner is a student."""
    return bool(_STUDENT.search(folded, 0, min(len(folded), 1500)))


def class_year(text: str, year: int) -> bool:
    """Whether `text` (its first 1500 characters) gives a college class year within five years
    of `year` ("UTSA '27", "Class of 2028"): a student's or a new graduate's."""
    return any(abs(2000 + int(m.group(1) or m.group(2)) - year) <= 5
               for m in _CLASS_YEAR.finditer(text, 0, min(len(text), 1500)))


# a pupil of a school, in the languages of the sets: "élève de l'Athénée …", "a pupil at …",
# "Schülerin des …", "leerling van …", "alunna del …", "uczennica …", "učenica …"
_PUPIL = re.compile(
    r"(?<![a-z])(?:eleve|pupil|student|schulerin|schuler|leerling|alumn[ao]|allievo|allieva|"
    r"studentessa|studente|uczen|uczennica|ucenica|ucenik|zak|zakyne|zacka|elev|oppilas|"
    r"ученица|ученик)(?![a-z])[ \t]+(?:(?:de|du|des|d|l|of|at|in|am|an|der|dem|van|het|del|"
    r"della|dell|di|da|na|w|z|u|v|ve|pri|the|from|do|a|la)[ \t'’]{1,2}){0,3}"
)
_SCHOOL_HEAD = re.compile(
    r"(?<![a-z])(?:school|schule|ecole|athenee|lycee|college|colegio|collegi|liceo|liceu|"
    r"lyceum|gymnasium|gimnazija|gimnazjum|gymnazium|gimnazium|academy|institut|instituto|"
    r"istituto|primary|grammar|academie|scuola|escuela|escola|szkola|skola|skole|koulu|kool|"
    r"iskola|mokykla|basisschool|grundschule|volksschule|mittelschule|realschule|athenaeum|"
    r"atheneum|zs|ss|os|sou|ou|bg|brg|hak|htl|sp|lo)(?![a-z])"
)
SENTENCE_END = re.compile(r"[.!?][\"”’')]?[ \t]+(?=[\"“‘«„]?[A-Z\u00C0-\u017D])|\n")
"""A sentence's end: its stop (and a closing quote) before a capital (or an opening quote and
a capital: ". “I'm grateful …"), or a line break."""
_OPENING_ARTICLE = re.compile(r"(?:l['’]|la |le |the |die |der |de |het |la |il |lo |l'|a |o )?$")


def _pupil_elsewhere(text: str, folded: str, start: int, end: int) -> bool:
    """Whether the name at `start`–`end` is said to be the pupil of a school: in its own
    sentence, or in the next one opening on the pupil ("… Chloé Lambert (14 ans) a battu le
    record. L'élève de l'Athénée royal de Gilly vise …"). The caller knows the school is not
    the profile's."""
    e1 = SENTENCE_END.search(text, end)
    stop = e1.start() if e1 else len(text)
    spans = [(end, min(stop, end + 200))]
    if e1 is not None:
        e2 = SENTENCE_END.search(text, e1.end())
        spans.append((e1.end(), min(e2.start() if e2 else len(text), e1.end() + 200)))
    for i, (a, b) in enumerate(spans):
        for m in _PUPIL.finditer(folded, a, b):
            if i == 1 and not _OPENING_ARTICLE.fullmatch(folded[a : m.start()]):
                continue  # the next sentence must open on the pupil
            # the school's kind word first ("Athénée royal de Gilly") or last ("St Anne's
            # Primary School"), the name capitalised
            stop_at = re.search(r"[,;.:()\n]", folded[m.end() : b])
            head = _SCHOOL_HEAD.search(folded, m.end(),
                                       m.end() + stop_at.start() if stop_at else b)
            if head is not None and text[m.end() : m.end() + 1].isupper() \
                    and (head.start() == m.end() or folded[head.start() - 1] in " \t-"):
                return True
    return False


def other_occupation(folded: str, start: int, end: int) -> bool:
    """Whether another profession than a judge's is set right beside the name at
    folded[start:end] (`_OCCUPATION_AFTER`, `_OCCUPATION_BEFORE`)."""
    return bool(_OCCUPATION_AFTER.match(folded, end, min(len(folded), end + 40))
                or _OCCUPATION_BEFORE.search(folded, max(0, start - 40), start))


ADULT_STUDENT_AGE = 35
"""From this age a student's bio at a person's username is someone else's."""
WEAK = frozenset({"city", "page_city", "region", "age_match"})
"""Corroborations that many namesakes share (rule weak_only)."""
NAME_ONLY_CONFIDENCE = 0.3
"""Confidence of a bare name match (before contradictions), kept below the threshold."""
VALUE_FLOOR = 0.2
"""Below this, a possible match yields only a mention (rule value_floor)."""


# --- per-person facts ------------------------------------------------------------------------


_COURT_STOP = frozenset(
    "the of for and in at on court courts county district circuit state soud v ve na pro a "
    "centre center combined judicial division department "
    # the words for court and for a court's section in the languages the tool reads
    "tribunal tribunalul tribunale tribunali judecatoria curtea curte sad sadu sud suda sudu "
    "gericht landgericht amtsgericht oberlandesgericht juzgado audiencia provincial corte cour "
    "rechtbank gerechtshof birosag torvenyszek jarasbirosag sodisce okresny krajsky okresni "
    "krajsky okregowy rejonowy opcinski zupanijski osnovni visi de di du la le del u w "
    "sectia sectie section sekce sekcia wydzial odjel oddelenie abteilung kammer sala sezione "
    "chambre kamer civil civila civilni cywilny penal penala karny trestni".split()
)
_SECTION = re.compile(
    r"(?<![a-z])(?:sect|sekc|secc|divis|wydzia|odjel|oddel|abteil|sala|sezion|chambre|kamer|"
    r"senat|[a-z]{0,12}kammer|civil|penal|famil|crimin|karn|trestn|cywil)"
)
_COURT_WORDS = re.compile(
    r"(?<![a-z])(?:court|courts|cour|soud[a-z]{0,2}|sud[a-z]{0,2}|sad[a-z]{0,2}|"
    r"tribunal[a-z]{0,3}|judecatori[a-z]{0,2}|curte[a-z]{0,2}|[a-z]{0,12}gericht[a-z]{0,2}|"
    r"juzgado|audiencia|corte|rechtbank|gerechtshof|[a-z]{0,8}birosag[a-z]{0,3}|"
    r"torvenyszek[a-z]{0,3}|sodisc[a-z]{0,2}|bench|judiciary|"
    # Nordic, Finnish, Greek (in Latin letters)
    r"tingsratt[a-z]{0,2}|hovratt[a-z]{0,2}|domstol[a-z]{0,3}|tingrett[a-z]{0,2}|byret[a-z]{0,2}|"
    r"landsret[a-z]{0,2}|karajaoikeu[a-z]{0,3}|hovioikeu[a-z]{0,3}|protodikei[a-z]{0,2}|"
    r"efetei[a-z]{0,2}|eirinodikei[a-z]{0,2}|dikastiri[a-z]{0,2}|"
    # Icelandic (in its case forms: "við Héraðsdóm Reykjavíkur"), Catalan
    r"heradsdom[a-z]{0,3}|landsrett[a-z]{0,3}|hastirett[a-z]{0,3}|jutjat[a-z]{0,2})(?![a-z])"
)


@dataclass
class PersonFacts:
    """What the profile says about one consenting person, prepared for fast matching. Built
    once per audit; `address_keys` is filled by the analyzer."""

    person: Person
    """The person."""
    matcher: NameMatcher
    """Finds the person's name."""
    city_res: list[re.Pattern[str]] = field(default_factory=list)
    """Cities of residence and of profile addresses, as regexes on folded text."""
    cities: set[str] = field(default_factory=set)
    """The same cities, folded (to compare with localities a page gives)."""
    old_cities: set[str] = field(default_factory=set)
    """The towns of previous addresses only, folded: where the person no longer lives."""
    region_res: list[re.Pattern[str]] = field(default_factory=list)
    """State or region, as regexes on the original text ("CA" must be in capitals)."""
    court_re: re.Pattern[str] | None = None
    """The court's full name, on folded text."""
    court_tokens: tuple[tuple[tuple[re.Pattern[str], ...], int], ...] = ()
    """The court's distinctive words, the place last, with how many of them must be near a
    word for court: for the whole name, and for each comma-separated part of it ("Tribunalul
    Cluj" of "Tribunalul Cluj, Secția I civilă": pages name the court without its section)."""
    phones: dict[str, int] = field(default_factory=dict)
    """E.164 → index in the profile's `phones`."""
    emails: dict[str, int] = field(default_factory=dict)
    """Lowercase e-mail → index in `emails`."""
    usernames: dict[str, int] = field(default_factory=dict)
    """Lowercase username → index in `usernames`."""
    username_re: re.Pattern[str] | None = None
    """Any of the usernames as a word, on folded text."""
    handle_re: re.Pattern[str] | None = None
    """The usernames that are more than the person's own name run together ("kadritamm",
    "kadri.tamm" are any Kadri Tamm's to take): the ones that corroborate in a text."""
    address_keys: set[str] = field(default_factory=set)
    """Keys ("person:index") of the addresses matched for this person."""
    org_keys: set[str] = field(default_factory=set)
    """Keys ("person:school", "person:employer") of the person's own organisations."""

    @property
    def id(self) -> str:
        return self.person.id


def married_forms(profile: Profile, person: Person) -> tuple[str, ...]:
    """A Hungarian wife may be named by her husband's full name and "-né": "Kovács Péterné",
    "dr. Kovács Péterné" is the wife of Kovács Péter. For a Hungarian profile, each spouse's
    name so formed is a form of the other's name (rule name_alias); the form that does not
    apply is simply never printed."""
    if profile.audit.language != "hu" and (profile.audit.country or "") != "HU":
        return ()
    out = []
    for partner in _partners(profile, person):
        words = partner.name.replace(",", " ").split()
        if len(words) >= 2:
            # written surname first ("Kovács Péter" → "Kovács Péterné"); a profile may give the
            # name in either order, and the form that is not the name is never printed
            out.append(f"{words[0]} {words[-1]}né")
            out.append(f"{words[-1]} {words[0]}né")
    return tuple(out)


def partner_givens(profile: Profile, person: Person) -> frozenset[str]:
    """The folded given names of a person's partner in the profile (the judge's spouse, the
    spouse's judge): a couple named under one surname, "Katharina und Jens Overbeck", is theirs
    only with the partner's given name second (rule name_household)."""
    return frozenset(fold(n.split()[0]) for p in _partners(profile, person)
                     for n in (p.name, *p.aliases) if n.split())


def _partners(profile: Profile, person: Person) -> list[Person]:
    """The person's partner in the profile: the judge's spouse, or the spouse's judge."""
    if person.id == profile.subject.id:
        return [r for r in profile.relatives if r.relation == "spouse"]
    return [profile.subject] if person.relation == "spouse" else []


def _family_words(profile: Profile) -> frozenset[str]:
    """The folded words of every name and alias of the profile's people."""
    return frozenset(fold(w) for p in profile.people for n in (p.name, *p.aliases)
                     for w in n.replace("-", " ").split())


# a town's name as the name of a street is no mention of the town: "Wyckoff Ave" in Brooklyn
_NOT_A_STREET = (r"(?![ \t]{1,2}(?:ave|avenue|st|street|rd|road|ln|lane|dr|drive|blvd|boulevard|"
                 r"pkwy|parkway|hwy|highway|ter|terrace|tpke|turnpike)\b\.?)"
                 # nor a town of its own named after it: "Pueblo West", "Lake Oswego Heights"
                 # (not a part of the town: "Glasgow West End")
                 r"(?![ \t]{1,2}(?:west|east|north|south|heights|springs)(?![a-z])"
                 r"(?![ \t]{1,2}[a-z]))")


def _country_of(profile: Profile, person: Person, city: str) -> str:
    """The country of one of a person's towns: that of their address in it, else the audit's."""
    for a in profile.matching_addresses(person):
        if a.city and fold(a.city) == fold(city) and a.country:
            return a.country
    return profile.audit.country


def town_forms(profile: Profile, person: Person, towns: list[str]) -> list[str]:
    """The towns and every form a page prints them in."""
    cities = list(towns)
    # a double-barrelled town is often called by its first name ("Cluj" for Cluj-Napoca)
    cities += [c.split("-")[0] for c in cities if "-" in c and len(c.split("-")[0]) >= 4]
    # a town with its river or region is printed without it ("Freiburg" for Freiburg im
    # Breisgau, "Frankfurt" for Frankfurt am Main, "Halle" for Halle (Saale))
    cities += [short for c in cities if (short := town_short(c)) != c]
    # German and Nordic letters spelled out ("Muenchen", "Koeln", "Goeteborg")
    cities += [alt for c in cities if (alt := digraph_spelling(c)) != c]
    # a Hawaiian or Māori name without its ʻokina and macrons ("Kaneohe", "Kane'ohe")
    cities += [alt for c in cities if (alt := unglottal(c)) != c]
    cities += [alt for c in cities if (alt := re.sub(r"[ʻʼ’‘`]", "'", c)) != c]
    # the town's other names: "Caerdydd" (Cardiff), "Donostia", "Åbo" (Turku), "Wien"
    # (a name in Cyrillic or Greek letters as pages are read: in Latin ones, "Бельцы" → "Beltsy")
    cities += [latin(n) for c in cities for n in other_names(c, _country_of(profile, person, c))]
    if profile.audit.jurisdiction.upper().startswith("GB-WLS") or profile.audit.language == "cy":
        # Welsh pages mutate a town's first letter: "o Landeilo", "yng Nghaerdydd"
        cities += [m for c in cities for m in welsh_mutations(c)]
    return cities


def person_facts(profile: Profile, person: Person, *, inflected: bool) -> PersonFacts:
    """Prepare one person's matchers. A relative without a city of their own is placed where
    the profile's addresses for them are (a relative inherits the subject's home address)."""
    spanish = two_surnames(profile.audit.language, profile.audit.country)
    genitive = has_genitive(profile.audit.language, profile.audit.country)
    german = profile.audit.language == "de" or profile.audit.country.upper() in ("DE", "AT")
    pf = PersonFacts(person=person,
                     matcher=NameMatcher(person, inflected=inflected, two_surnames=spanish,
                                         # (or a profile elsewhere whose alias drops the last
                                         # of two surnames: called by the first all the same)
                                         first_surname=spanish or keeps_two_surnames(
                                             person.name, person.aliases),
                                         phrases=married_forms(profile, person),
                                         scheme=profile_scheme(profile),
                                         genitive=genitive,
                                         family_words=_family_words(profile),
                                         partners=partner_givens(profile, person),
                                         feminine_genitive=profile.audit.language == "ro",
                                         lenition=gaelic(profile.audit.jurisdiction)))
    addrs = profile.matching_addresses(person)
    cities = [person.city] if person.city else []
    cities += [a.city for a in addrs if a.city]
    if not cities and person.id != profile.subject.id and profile.subject.city:
        cities.append(profile.subject.city)
    cities = town_forms(profile, person, cities)
    now = {fold(c) for c in [person.city, *(a.city for a in addrs if a.is_current)] if c}
    pf.old_cities = {fold(a.city) for a in addrs if a.city and not a.is_current} - now
    for c in dict.fromkeys(cities):
        key = fold(c)
        pf.cities.add(key)
        words = key.split()
        if inflected:
            # every word takes the case: "Novi Sad" → "Atletski savez Novog Sada", "Banská
            # Bystrica" → "v Banskej Bystrici"
            words = [inflected_pattern(w) for w in words]
        else:
            words = [re.escape(w) for w in words]
            if genitive and not key.endswith(("s", "x", "z")):
                # the town's genitive in a club's or parish's name: "Askims IK", "Mölndals
                # församling", "Münsters Altstadt"
                words[-1] += "s?"
            if german and len(words) == 1 and len(key) >= 4:
                # the town's adjective in German, as clubs and papers name themselves:
                # "Hamburger Ruderverband", "Dresdner Ruderverein", "Bremer SV", "Wiener"
                words = [re.escape(key[:-2]) + "(?:en|er|ner)" if key.endswith("en")
                         else re.escape(key) + "(?:er)?" + ("s?" if genitive else "")]
        pf.city_res.append(re.compile(r"(?<![a-z])" + r"[ \t\-]{1,3}".join(words) + r"(?![a-z])"
                                      + _NOT_A_STREET))
    regions = [person.region] if person.region else []
    regions += [a.region for a in addrs if a.region]
    if not regions and person.id != profile.subject.id and profile.subject.region:
        regions.append(profile.subject.region)
    for r in dict.fromkeys(regions):
        code = r.split("-")[-1]
        if len(code) == 2 and code.isalpha() and code.isupper():
            # a state code is only meaningful in capitals, after a comma or a city
            pf.region_res.append(re.compile(rf"(?<=[,\s]){re.escape(code)}(?![A-Za-z])"))
            name = US_STATES.get(code)
            if name:
                pf.region_res.append(re.compile(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])"))
        else:
            pf.region_res.append(
                re.compile(
                    r"(?<![A-Za-z])" + re.escape(r).replace(r"\ ", r"\s{1,3}") + r"(?![A-Za-z])",
                    re.I,
                )
            )
    if person.court:
        words = re.findall(r"[a-z0-9]+", fold(person.court))
        pf.court_re = re.compile(
            r"(?<![a-z])" + r"[^a-z0-9]{1,4}".join(map(re.escape, words)) + r"(?![a-z])"
        )
        sets = []
        parts = [person.court]
        pieces = [p for p in person.court.split(",") if p.strip()]
        for i, piece in enumerate(pieces if len(pieces) > 1 else []):
            # a part without the others when they only name a section ("Tribunalul Cluj" of
            # "Tribunalul Cluj, Secția I civilă"); never "Superior Court of California" of
            # "…, County of Sonoma", whose other part is the place
            if all(_SECTION.search(fold(o)) for j, o in enumerate(pieces) if j != i):
                parts.append(piece)
        # "Landgericht Freiburg" for "Landgericht Freiburg im Breisgau"
        parts += [town_short(p.strip()) for p in parts if town_short(p.strip()) != p.strip()]
        for part in parts:
            pwords = re.findall(r"[a-z0-9]+", fold(part))
            distinct = [w for w in dict.fromkeys(pwords) if w not in _COURT_STOP and len(w) > 2]
            pats = []
            for w in distinct:
                p = inflected_pattern(w) if inflected else re.escape(w)
                pats.append(re.compile(r"(?<![a-z])" + p + r"(?![a-z])"))
            if pats and (part is person.court or _COURT_WORDS.search(fold(part))):
                sets.append((tuple(pats), min(len(pats), max(2, math.ceil(len(pats) * 2 / 3)))))
        pf.court_tokens = tuple(sets)
    if person.school:
        pf.org_keys.add(f"{person.id}:school")
    if person.employer and person.id != profile.subject.id:
        pf.org_keys.add(f"{person.id}:employer")
    pf.phones = {ph: i for i, ph in enumerate(person.phones)}
    pf.emails = {e.lower(): i for i, e in enumerate(person.emails)}
    pf.usernames = {u.lower(): i for i, u in enumerate(person.usernames)}
    if pf.usernames:
        alts = "|".join(re.escape(u) for u in sorted(pf.usernames, key=len, reverse=True))
        pf.username_re = re.compile(r"(?<![a-z0-9_.\-])(?:" + alts + r")(?![a-z0-9_\-])")
        own = set()
        for n in (person.name, *person.aliases):
            words = fold(n).replace("-", " ").split()
            if len(words) >= 2:
                own |= {words[0] + words[-1], words[-1] + words[0], "".join(words)}
        handles = [u for u in pf.usernames if re.sub(r"[._\-]", "", u) not in own]
        if handles:
            alts = "|".join(re.escape(u) for u in sorted(handles, key=len, reverse=True))
            pf.handle_re = re.compile(r"(?<![a-z0-9_.\-])(?:" + alts + r")(?![a-z0-9_\-])")
    return pf


# --- judging a block ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Judgement:
    """How sure we are that a block is about a person, and why."""

    person: str
    """Profile id."""
    confidence: float
    """0–1."""
    rules: tuple[str, ...]
    """Names of the rules that held (name rule first)."""
    match: NameMatch
    """The person's strongest name match in the block."""
    contradicted: bool = False
    """True when a contradiction rule held."""

    @property
    def corroborated(self) -> bool:
        return any(RULES[r].effect == "corroborates" for r in self.rules if r in RULES)


@dataclass
class Evidence:
    """What a block shows, as seen for one person."""

    text: str
    """The page text."""
    folded: str
    """`fold(text)`."""
    start: int
    """Where the block starts in `text`."""
    end: int
    """Where it ends."""
    founds: list[Found]
    """Values attributable to this person in the block (relatives sections excluded)."""
    all_founds: list[Found]
    """Every value in the block."""
    link_hrefs: list[str] = field(default_factory=list)
    """Links inside the block."""
    near: tuple[int, int] | None = None
    """For whole-page blocks: only foreign places within this span (around the person's name)
    contradict."""
    strict: bool = False
    """A namesake-prone block (a people-search listing): the city, region or age that most
    namesakes share cannot confirm it on their own (rule weak_only)."""
    frame: tuple[tuple[int, int], ...] = ()
    """Spans of the page's own heading and footer, outside every block (rule page_city)."""
    loose: frozenset[int] = frozenset()
    """Starts of ages and birth dates in `founds` printed in a sentence that does not name the
    person: they may corroborate, never contradict."""
    names: tuple[int, ...] = ()
    """For whole-page blocks: where the person is named. A town in another row of a table is
    that row's person's (a results table: "Noel Prifti | 2013 | KN Delfini Tiranë")."""


def _best_match(matches: list[NameMatch]) -> NameMatch:
    order = {r: i for i, r in enumerate(NAME_QUALITY)}
    return sorted(
        matches,
        key=lambda m: (
            m.middle_conflict,
            -NAME_QUALITY.get(m.rule, 0.9),
            order.get(m.rule, 99),
            m.start,
        ),
    )[0]


def corroborators(pf: PersonFacts, ev: Evidence, today_year: int) -> tuple[list[str], list[str]]:
    """(corroborating rule names, contradicting rule names) for a person in a block."""
    pos: list[str] = []
    neg: list[str] = []
    f = ev.folded
    s, e = ev.start, ev.end
    ns, ne = ev.near if ev.near else (s, e)
    if any(x.kind == "address" and x.attr("known") in pf.address_keys for x in ev.all_founds):
        pos.append("known_address")
    if any(x.kind == "phone" and x.value in pf.phones for x in ev.all_founds):
        pos.append("known_phone")
    if any(x.kind == "email" and x.value in pf.emails for x in ev.all_founds):
        pos.append("known_email")
    if any(x.kind in ("school", "employer") and x.attr("known") in pf.org_keys
           for x in ev.all_founds):
        pos.append("known_org")
    if pf.handle_re is not None and (
        pf.handle_re.search(f, s, e) or any(pf.handle_re.search(fold(h)) for h in ev.link_hrefs)
    ):
        # (a handle that only runs the name together, "@kadritamm", may be any namesake's:
        # it corroborates nothing in a text; at its own address it is the account's, see
        # ownsite)
        pos.append("known_username")
    if pf.court_re is not None and (pf.court_re.search(f, s, e) or _court_tokens(pf, f, s, e)):
        pos.append("court")
    # a place of the profile anywhere in the block corroborates; a foreign place contradicts
    # only near the person's name (`near`), since a long page names many places
    if _names_city(pf, f, s, e, ev.text, ev.names):
        pos.append("city")
    elif any(_names_city(pf, f, a, b, ev.text) for a, b in ev.frame):
        # the club's or school's own town in the page's heading or footer, over a roster of
        # names and birth years: where the page's people are, weaker than their own line
        pos.append("page_city")
    if any(rx.search(ev.text, s, e) for rx in pf.region_res):
        pos.append("region")
    by = pf.person.birth_year
    band = False
    if by:
        dated = [
            (d, x)
            for x in ev.founds
            # on a page (not a people-search card), an age far from the person's name is not
            # theirs: a reunion page's "25 de ani" in its heading is the class's
            if x.kind in ("age", "birth_date")
            and (ev.near is None or ev.strict or ns <= x.start < ne)
            and (d := year_diff(by, x, today_year)) is not None
            # (nor the first date of a range: "2 de febrero de 1944 - 11 de marzo de 2026"
            # under a death notice's name is the deceased's life, which contradicts only
            # right after the person's own name — `_lifespans_after`)
            and not (x.kind == "birth_date" and _RANGE_END.match(f, x.end))
            # (nor from another row of a table than their names, rows of three cells or more:
            # a postcode's residents table gives no one the next house's "40-44"; a card's
            # "Age | 54" under "Name | …" is one record)
            and (d <= 1 or (x.start not in ev.loose and not (
                _other_row(ev.text, x.start, ev.names) and _cells(ev.text, x.start) >= 3
                and all(_cells(ev.text, n) >= 3 for n in ev.names))))
        ]
        if _DEATH_PAGE.search(f, s, e) and any(
                abs(b - by) >= 3 for b in _lifespans_after(ev.folded, ev.names)):
            # "Giuseppe Ferracuti Obituary (1938 - 2025)", "Giuseppe Ferracuti / March 3, 1938 –
            # January 14, 2025": the name's own lifespan, a namesake's (ours are alive)
            neg.append("contra_age")
        diffs = [d for d, _x in dated]
        # only an age band agrees ("Age Guide 45-49"), as namesakes of one town share it
        band = bool(dated) and all(x.attr("age_max") for d, x in dated if d <= 1)
        if diffs:
            best = min(diffs)
            if best <= 1:
                pos.append("age_match")
            elif best >= 10 or (pf.person.minor and best >= 3 and all(
                    x.kind == "birth_date" and x.attr("full_date") for d, x in dated if d >= 3)):
                # (a child's date of birth printed in full is exact: a "Luka Đurišić" born on
                # 04.02.2007 is no 12-year-old; a bare number may be a class or a bib)
                neg.append("contra_age")
            elif best >= 3:
                neg.append("age_off")
    strong = {"known_address", "known_phone", "known_email", "known_username", "court", "city",
              "known_org"}
    if not strong & set(pos):
        # (a town inside a family member's known address places that member, not this one:
        # "Dolores Brennan (mother of Cathy Wojcik) … 2146 Ridgewood Dr., Bethel Park")
        known = [(x.start, x.end) for x in ev.all_founds if x.kind == "address" and x.attr("known")]
        places = {x.value for x in ev.founds if x.kind == "locality" and ns <= x.start < ne
                  and not any(a <= x.start < b + 40 for a, b in known)}
        places |= {
            x.attr("city") or ""
            for x in ev.founds
            if x.kind == "address" and not x.attr("known") and ns <= x.start < ne
            and not any(a < x.end and x.start < b for a, b in known)
        }
        places.discard("")
        if places and not any(_same_city(p, pf.cities) for p in places):
            neg.append("contra_city")
    elif "contra_city" not in neg and not strong - {"city"} & set(pos) \
            and _lives_elsewhere(pf, ev):
        # "Cathal O'Brien (58), of Fair Street, Fermoy, was stopped …": the sentence says where
        # he lives, and it is not the person's town — whatever town the page's header names
        neg.append("contra_city")
    town_only = set(pos) <= {"city", "page_city", "region"}
    if (pos and (town_only or (set(pos) <= {"city", "page_city", "region", "age_match"}
                               and (pf.old_cities or (ev.strict and band))))
            and "contra_city" not in neg):
        known = [(x.start, x.end) for x in ev.all_founds if x.kind == "address" and x.attr("known")]
        if any(x.kind == "address" and not x.attr("known") and ns <= x.start < ne
               and x.attr("city") and not any(a < x.end and x.start < b for a, b in known)
               # with a matching age, only in a town the person has left: a same-name,
               # same-age listing at another street of her old town is someone who stayed
               # — or, on a people-search listing that gives only an age band, anywhere: its
               # namesakes share one town and one band ("Imran Hussain, Manchester M13, Age
               # Guide 45-49, 8 Birch Lane")
               and (town_only or (ev.strict and band) or _in_old_town(pf, x))
               for x in ev.founds):
            # the town alone, and a street address there that is none of the profile's:
            # another household of the same name (rule contra_address)
            neg.append("contra_address")
    return pos, neg


# a lifespan: a year of birth, a dash, a year of death, each perhaps with its day and month
_DAY_MONTH = r"(?:[a-z]{3,9}\.?[ \t]\d{1,2},?[ \t]|\d{1,2}\.?[ \t]?(?:[a-z]{3,9}\.?|\d{1,2}\.)[ \t]?)?"
_LIFESPAN = re.compile(
    r"[^\d\n(]{0,50}?(?:[ \t]\(|\n[ \t]*|[ \t])(?:\*[ \t]?)?" + _DAY_MONTH + r"(?P<b>(?:18|19|20)\d\d)[ \t]*"
    r"(?:-|–|—|to)[ \t]*(?:†[ \t]?)?" + _DAY_MONTH + r"(?P<d>(?:19|20)\d\d)(?!\d)")


# the end of a range after a date: "- 11 de marzo de 2026", "– 14. Jänner 2025", "-2026", "to
# 2014"
_RANGE_END = re.compile(r"[ \t]*(?:-|–|—|to)[ \t]*(?:†[ \t]?)?(?:\d{1,2}[./ ]{1,2}\d{1,2}[./ ]{1,2}|\d{1,2}[^\n\d]{1,16})?"
                        r"(?:19|20)\d\d(?!\d)")


# a page about a death (never an owner's "(1979–2024)" on a land register's page)
_DEATH_PAGE = re.compile(
    DEATH_WORD + r"|(?<![a-z])(?:obituar|nekrolog|necrolog|osmrtnic|smrtovnic|traueranzeige|"
    r"todesanzeige|in loving memory|avis de deces|esquela|muistokirjoitus|dodsannons|cao pho)")


def _lifespans_after(folded: str, names: tuple[int, ...]) -> list[int]:
    """Years of birth of lifespans printed right after the person's name (on its line or the
    next), where `names` are the starts of the name."""
    out = []
    for n in names:
        m = _LIFESPAN.match(folded, n)
        # (a life, not a term of office: "Past presidents: Mary Smith (2012–2014)")
        if m and int(m.group("d")) - int(m.group("b")) >= 25:
            out.append(int(m.group("b")))
    return out


def _cells(text: str, pos: int) -> int:
    """The number of cells, not empty, of the table row (tab-separated line) at `pos`."""
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    return sum(1 for c in text[ls : len(text) if le < 0 else le].split("\t") if c.strip())


# a town in a street's name places nobody there: "rue de Lausanne" in Sion, "Avenue de la Gare",
# "Lausannestrasse", "ulica Krakowska" (the adjective is no town form), "Route de Cully"
_STREET_BEFORE = re.compile(
    r"(?<![a-z])(?:rue|avenue|av\.|chemin|ch\.|route|rte|place|pl\.|boulevard|bd|quai|allee|"
    r"impasse|via|viale|piazza|calle|avenida|rua|strada|straat|street|st\.|road|rd\.)"
    r"[ \t]{1,2}(?:de[ \t]la[ \t]|de[ \t]l'|des[ \t]|du[ \t]|de[ \t]|d'|di[ \t]|da[ \t]|of[ \t])?$"
)


# the register's own keeper before a town: "Camera di Commercio Industria Artigianato e
# Agricoltura di Palermo ed Enna", "Chamber of Commerce of …", "IHK Köln", "CCIAA di …" — where
# a record is kept, not where its person lives (folded, on the town's line)
_REGISTRY_BEFORE = re.compile(
    r"(?<![a-z])(?:camera[ \t]di[ \t]commercio|chamber[ \t]of[ \t]commerce|chambre[ \t]de[ \t]"
    r"commerce|handelskammer|industrie-[ \t]und[ \t]handelskammer|ihk|cciaa|kamer[ \t]van[ \t]"
    r"koophandel|camara[ \t]de[ \t]comercio|registro[ \t]mercantil[ \t]de)[^\n.;]{0,70}$")


# the county of the town's name, as Ireland and Romania print it: "Tuam, Co. Galway", "County
# Cork", "județul Cluj" — not the town
_COUNTY_BEFORE = re.compile(r"(?<![a-z])(?:co\.?|county|contae|judetul|judet|jud\.)[ \t]{1,2}$")


def _names_city(pf: PersonFacts, f: str, s: int, e: int, text: str = "",
                names: tuple[int, ...] = ()) -> bool:
    """One of the person's cities is named in `f[s:e]`, not as part of a street's name nor as
    an item of the site's menu ("Αρχική · Θεσσαλονίκη · Πολιτική · Δικαιοσύνη · …": a news
    site's section for the town, on a story about someone elsewhere)."""
    return any(not _STREET_BEFORE.search(f, max(0, m.start() - 24), m.start())
               and not _REGISTRY_BEFORE.search(f, max(0, m.start() - 90), m.start())
               and not _COUNTY_BEFORE.search(f, max(0, m.start() - 10), m.start())
               and not _menu_line(text or f, m.start())
               and not _copyright_line(text, m.start())
               and not _other_row(text, m.start(), names)
               for rx in pf.city_res for m in rx.finditer(f, s, e))


def _other_row(text: str, pos: int, names: tuple[int, ...]) -> bool:
    """Whether `pos` lies in a table row (a line of cells) that names nobody at `names`."""
    if not names or not text:
        return False
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    le = len(text) if le < 0 else le
    return "\t" in text[ls:le] and not any(ls <= n < le for n in names)


_COPYRIGHT = re.compile(r"©|\(c\)[ \t]*(?:19|20)\d\d|copyright|all rights reserved", re.I)


# a company's legal form right before a town on its line: "Isikuotsing OÜ, Tallinn", "Foo
# GmbH · Berlin" — where the site's operator sits
_SEAT_BEFORE = re.compile(
    r"(?<![\w])(?:" + LEGAL_FORM + r"|AS)[ \t]*[,·|–\-][ \t]*$")


def _copyright_line(text: str, pos: int) -> bool:
    """Whether `pos` follows a copyright sign on its line: "© 2026 UAB „Numerių paieška“,
    Vilnius" is where the site's operator sits, not where anyone on the page lives; or a
    company's legal form right before it ("Isikuotsing OÜ, Tallinn")."""
    if not text:
        return False
    ls = text.rfind("\n", 0, pos) + 1
    return bool(_COPYRIGHT.search(text, ls, pos)
                or _SEAT_BEFORE.search(text, max(ls, pos - 60), pos))


_MENU_SEP = re.compile(r"[ \t][*|·•][ \t]")


def _menu_line(text: str, pos: int) -> bool:
    """Whether the line holding `pos` is a menu or a footer: five items or more between "·"
    or "|" ("Glavnaya | Kiev | Kharkov | Lvov | Poisk po nomeru"), or four on one of the page's
    last two lines (a paper's footer "Pohjalaisviesti · Vaasa · Seinäjoki · Tilaa"), each one to
    three words opening with a capital, no figures (a profile's bio, "Pully · rando · ski ·
    lac" or "Berge · Familie · Kaiserschmarrn · München-Laim", is no menu)."""
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    line = text[ls : le if le >= 0 else len(text)]
    items = [i.strip() for i in _MENU_SEP.split(line)]
    last = le < 0 or len([x for x in text[le:].split("\n") if x.strip()]) <= 1
    return len(items) >= (4 if last else 5) and not any(c.isdigit() for c in line) and all(
        1 <= len(i.split()) <= 3 and i[:1].isupper() for i in items)


def _in_old_town(pf: PersonFacts, address: Found) -> bool:
    """Whether a street address is in a town the person has left ("6 Heol Ddu, Sketty, Swansea,
    SA2 9GH": its locality may be the district, its town comes after)."""
    value = fold(address.value)
    return _same_city(fold(address.attr("city") or ""), pf.old_cities) or any(
        re.search(r"(?<![a-z])" + re.escape(c) + r"(?![a-z])", value) for c in pf.old_cities)


def _same_city(place: str, cities: set[str]) -> bool:
    return any(place == c or place.startswith(c + " ") or c.startswith(place + " ") for c in cities)


def _court_tokens(pf: PersonFacts, f: str, s: int, e: int) -> bool:
    """Most distinctive words of the court within 100 characters of a word for court."""
    if not pf.court_tokens:
        return False
    for m in _COURT_WORDS.finditer(f, s, e):
        ws, we = max(s, m.start() - 100), min(e, m.end() + 100)
        for pats, need in pf.court_tokens:
            hits = [bool(rx.search(f, ws, we)) for rx in pats]
            # the last distinctive word is the place ("… County of Sonoma", "… v Brně"): courts
            # of one system differ by it, so it must be there
            if sum(hits) >= need and hits[-1]:
                return True
    return False


# where a news report says someone lives, right after the name (and age): "Cathal O'Brien (58),
# of Fair Street, Fermoy, was …", "Jane Doe, 45, from Leeds"
_RESIDENCE = re.compile(
    r"[a-z'\-]*(?P<age>[ \t]?\([ \t]?\d{1,3}[ \t]?\)|,[ \t]\d{1,3}(?=,))?,?[ \t]{1,2}(?:of|from)"
    r"[ \t]{1,2}(?P<res>[^.;:\n()]{3,70}?)(?=,[ \t]{1,2}(?:was|who|is|has|had|were|appeared|"
    r"pleaded|and|said|told)(?![a-z])|[.;:\n]|[ \t](?:was|who|is|has|had)(?![a-z]))")


# where a register entry says someone lives, after the name and what it adds (nationality,
# place of origin): "Stähli, Lukas, Schweizer Staatsangehöriger, von Brienz BE, in Thun,
# Gesellschafter", "Rossi, Marco, cittadino italiano, da Como, a Lugano, gerente", "Dupont,
# Marc, de Bulle, à Fribourg, administrateur"
_REGISTER_RESIDENCE = re.compile(
    r"(?:,[ \t][^,\n]{1,40}?){1,3},[ \t](?:in|a|wohnhaft[ \t]in|domicilie[e]?[ \t]a|"
    r"domiciliat[oa][ \t]a|residente[ \t][ai]n?|resident[ \t]in)[ \t](?P<res>[a-z][a-z'\- ]{1,38}?)"
    r"(?=,|\.[ \t\n]|;|\n)")


def _lives_elsewhere(pf: PersonFacts, ev: Evidence) -> bool:
    """Whether a residence after one of the person's names in the block ("…, of Fair Street,
    Fermoy, was …") names a town, and none of the person's."""
    for n in ev.names:
        if not ev.start <= n < ev.end:
            continue
        end = n + 60
        m = _RESIDENCE.match(ev.folded, _name_end(ev.text, n), min(len(ev.folded), end + 80))
        if m is None:
            r = _REGISTER_RESIDENCE.match(ev.folded, _name_end(ev.text, n),
                                          min(len(ev.folded), end + 120))
            if r is None:
                continue
            a, b = r.span("res")
            town = ev.text[a:b]
            if (town[:1].isupper() and len(town.split()) <= 2 and not set(
                    r.group("res").split()) & STREET_TYPES
                    and not _same_city(r.group("res"), pf.cities)
                    and not _names_city(pf, ev.folded, a, b, ev.text)):
                return True
            continue
        a, b = m.span("res")
        places = [x.value for x in ev.founds if x.kind == "locality" and a <= x.start < b]
        # (a small town a gazetteer lacks: the last part of "Fair Street, Fermoy", when it is
        # a capitalised name of a word or two and no street)
        # (or, after an age, a town of a word or two: "Jane Doe, 45, from Houston, said")
        last = m.group("res").rsplit(",", 1)[-1].strip()
        if ("," in m.group("res") or m.group("age")) and re.fullmatch(r"[a-z'\-]{3,}(?:[ \t][a-z'\-]{3,})?", last) \
                and ev.text[b - len(last):b][:1].isupper() \
                and not set(last.split()) & STREET_TYPES:
            places.append(last)
        if places and not any(_same_city(p, pf.cities) for p in places) \
                and not _names_city(pf, ev.folded, a, b, ev.text):
            return True
    return False


_NAME_WORD = re.compile(r"[ \t]{0,2}([^\W\d_][\w'\u2019\-]*)")


def _name_end(text: str, start: int) -> int:
    """The end of the capitalised name that starts at `start`: its capitalised words (at most
    five), "O'Brien" and "Ní" among them."""
    end, pos = start, start
    for _ in range(5):
        m = _NAME_WORD.match(text, pos)
        if m is None or not m.group(1)[:1].isupper():
            break
        end = pos = m.end()
    return end


def year_diff(birth_year: int, found: Found, today_year: int) -> int | None:
    """Years between the profile's birth year and the one an age or birth date implies."""
    if found.kind == "birth_date":
        y = found.attr("year")
        return abs(int(y) - birth_year) if y else None
    lo = int(found.attr("age") or 0)
    hi = int(found.attr("age_max") or lo)
    # someone aged a in year Y was born in Y-a or Y-a-1
    years = range(today_year - hi - 1, today_year - lo + 1)
    return min(abs(birth_year - y) for y in years)


def judge(
    pf: PersonFacts,
    matches: list[NameMatch],
    ev: Evidence,
    *,
    threshold: float,
    today_year: int,
    extra: Iterable[str] = (),
    found: tuple[list[str], list[str]] | None = None,
) -> Judgement:
    """Confidence that the block is about `pf.person`, from its name matches in the block and
    the evidence. `extra`: corroborating rules decided by the caller (relative_named,
    family_context). `found`: `corroborators(pf, ev, today_year)` when already computed."""
    best = _best_match(matches)
    pos, neg = found if found is not None else corroborators(pf, ev, today_year)
    pos, neg = list(pos), list(neg)
    if best.rule == "name_username":
        # the username that put the person here is not evidence of itself
        pos = [r for r in pos if r != "known_username"]
    pos += [r for r in extra if r not in pos]
    if "family_on_page" in pos and "age_match" in pos:
        # three of the family on one result list, each with their own birth year: a club's or
        # district's name in the row ("Laufteam Mariatrost") does not make them namesakes
        neg = [r for r in neg if r != "contra_city"]
    if best.middle_conflict:
        neg.append("contra_middle_initial")
    if pf.person.relation == "self" and "court" not in pos and (any(
        _CREDENTIAL.match(ev.text, m.end, min(len(ev.text), m.end + 16))
        or _STUDENT.search(ev.folded, m.end, min(len(ev.folded), m.end + STUDENT_NEAR))
        or other_occupation(ev.folded, m.start, m.end)
        for m in matches
    ) or any(_JOB_FIELD.search(ev.folded, m.end, min(ev.end, m.end + JOB_FIELD_NEAR))
             for m in matches)):
        # "Margaret Pruneda, RN": a nurse, not the judge; "… / Studentica, 3. godina";
        # "Dace Vītoliņa | Zobārste": a dentist
        neg.append("contra_occupation")
    elif (pf.person.relation != "self" and not pf.person.minor and pf.person.birth_year
          and today_year - pf.person.birth_year >= ADULT_STUDENT_AGE and any(
              class_year(ev.text[m.end : m.end + STUDENT_NEAR], today_year) for m in matches)):
        # a class year near at hand ("Rob Salinas / UTSA '27 · Roadrunners") after the name of
        # a relative in their fifties: a namesake at college (a student's word alone is not
        # enough: "Studium des Bauingenieurwesens an der TU Darmstadt" is an engineer's CV)
        neg.append("contra_occupation")
    if (pf.person.school and (pf.person.minor or pf.person.relation == "child")
            and not {"known_org", "known_address", "known_phone", "known_email"} & set(pos)
            and any(_pupil_elsewhere(ev.text, ev.folded, m.start, m.end) for m in matches)):
        # "Chloé Lambert (14 ans, Dauphins Charleroi) a battu … L'élève de l'Athénée royal de
        # Gilly vise …": the pupil of another school, a namesake of the child
        neg.append("contra_school")
    quality = NAME_QUALITY.get(best.rule, 0.9)
    if pos:
        p = 1.0
        for r in pos:
            p *= 1.0 - RULES[r].weight
        conf = quality * (1.0 - p)
    else:
        conf = min(NAME_ONLY_CONFIDENCE, 0.8 * threshold)
    for r in neg:
        conf *= RULES[r].weight
    if not pos:
        conf = min(conf, 0.8 * threshold)
    # a town and an age that both agree are two facts few namesakes share; either alone is not,
    # nor a state and an age ("North Texas Swimming", a 13-year-old Sofia Kessler in Plano)
    weak = bool(pos) and set(pos) <= WEAK and not (
        "age_match" in pos and {"city", "page_city"} & set(pos) and "contra_address" not in neg)
    if weak and (ev.strict or set(pos) <= {"age_match", "region"} or neg):
        conf = min(conf, 0.8 * threshold)
    rules = [best.rule]
    if best.folded:
        rules.append("name_folded")
    rules += pos + neg
    if not pos:
        rules.append("name_only_cap")
    elif weak and conf <= 0.8 * threshold:
        rules.append("weak_only")
    # (another household's street in the person's town lowers the block to a possible match to
    # review, the listing still shown: it may be an address the profile does not know)
    return Judgement(pf.id, round(max(0.01, min(conf, 0.99)), 2), tuple(rules), best,
                     any(r != "contra_address" for r in neg))
