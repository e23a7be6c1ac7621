"""Phone numbers in page text, read with libphonenumber in every plausible region and merged
on E.164.

A national number ("(707) 555-0142", "601 123 456", "07700 900123") is only recognised in its own
region, so the matcher runs once per region of the audit. `Leniency.VALID` misses numbers that
exist only on paper (the UK drama range 07700 900xxx, US 555-01xx), so the pass is POSSIBLE and
validity is checked per number; a merely possible number is kept only when it looks like a
phone: nine digits or more and an international "+", a trunk "0" or "(", a North-American
3-3-4 grouping, or a phone label just before it. Dates, ZIP+4 codes, year ranges, prices and
parcel or company numbers read as "possible" numbers and are refused by name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import phonenumbers
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher

from .extract import ExtractContext, Found

_DATE_RES = (
    re.compile(r"^\d{4}\s?[-./]\s?\d{1,2}\s?[-./]\s?\d{1,2}$"),  # 1968-03-14
    re.compile(r"^\d{1,2}\s?[-./]\s?\d{1,2}\s?[-./]\s?\d{2,4}$"),  # 03/14/1968, 14. 3. 1968
    re.compile(r"^(?:19|20)\d{2}\s?[-–]\s?(?:19|20)\d{2}$"),  # 1968-2012
    re.compile(r"^\d{5}-\d{4}$"),  # ZIP+4
)
# a full dotted or slashed date at either end of a candidate ("09.11.2025 – 5")
_DATE_INSIDE = re.compile(
    r"^\(?\d{1,2}\s?[./]\s?\d{1,2}\s?[./]\s?(?:19|20)\d{2}(?!\d)|"
    r"(?<!\d)\d{1,2}\s?[./]\s?\d{1,2}\s?[./]\s?(?:19|20)\d{2}\)?$"
)
# Labels after which a number is not a phone (parcel, company, case, postal, tax numbers).
_NOT_PHONE_LABEL = re.compile(
    # (a label is a word of its own: "Schmid 0664 …" is a name, not an "id")
    r"(?<![^\W\d_])(?:apn|parcel|ico|i[cč]o|dic|vat|reg(?:istration)?\.? no|company (?:no|number)|case|"
    r"docket|zip|psc|postcode|isbn|order|invoice|account|acct|ssn|id|krs|nip|regon|pesel|oib|"
    r"mbs|mb|mbo|cui|cif|cnp|ein|tin|eircode|cro|kw|iban|bic|sort code|nr rej|licen[cs]e|"
    r"permit|owner id|folio|prop(?:erty)? id|geo id|pin|bib|rodn[eé] [cč][ií]slo|r\.?[cč]\.?|"
    # company and tax numbers across Europe: Italian "P.IVA", "C.F.", French SIREN/SIRET/TVA,
    # German "USt-IdNr.", "HRB", Austrian "FN", Dutch/Belgian KvK, BTW, KBO, Nordic "org.nr",
    # CVR, "Y-tunnus", Bulgarian EIK/BULSTAT, Greek AFM/GEMI, Ukrainian EDRPOU, Iberian NIF/NIPC,
    # Australian ABN/ACN
    r"p\.? ?iva|partita iva|c\.? ?f\.?|codice fiscale|siren|siret|rcs|tva|ust-?id(?:nr)?\.?|"
    r"steuer(?:nummer|nr)\.?|hr[ab]|fn|uid|kvk|btw|kbo|bce|ondernemingsnummer|"
    r"org\.? ?nr|organisationsnummer|cvr|y-?tunnus|eik|bulstat|afm|gemi|edrpou|nif|nipc|abn|acn)"
    # (a VAT number may carry its country's letters: "TVA BE 0455.923.716")
    r"\W{0,4}(?:[a-z]{2}\W{0,2})?$",
    re.I,
)
_PHONE_LABEL = re.compile(
    r"(?:phone|tel|telephone|mobile|mob|cell|call|fax|landline|ph|telefon|tel\.|mobil|"
    # Nordic "tfn", "tlf", Finnish "puh.", Bulgarian "GSM", Greek "τηλ.", "κιν." (in Latin letters)
    r"tfn|tlf|puh|puhelin|gsm|til|tilefono|kin|kinito|"
    r"kontakt|contact|(?:phone|contact|mobile|cell|telephone|tel\.?) (?:no\.?|number))\W{0,6}$",
    re.I,
)
_NANP = frozenset({"US", "CA", "PR", "GU", "VI", "AS", "MP", "BS", "BB", "JM", "TT", "BM"})
_NANP_SHAPE = re.compile(r"(?:\+?1[ .\-]?)?\(?\d{3}\)?[ .\-]\d{3}[ .\-]\d{4}")
_CURRENCY = re.compile(r"[$€£¥]\s?$|(?:usd|eur|gbp|czk|kč)\s?$", re.I)
# an amount after the number: "2.500,- EUR", "1 200 €", "2.500 euros", "450 Kč"
_CURRENCY_AFTER = re.compile(
    r"^(?:,-|,00|\.-)?\s?(?:[$€£¥]|(?:eur|euro|euros|usd|gbp|chf|czk|kč|zł|pln|lei|ron|kn|"
    r"huf|ft|sek|nok|dkk|kr|isk)(?![a-z]))", re.I)


def _lacks_trunk_prefix(raw: str, region: str) -> bool:
    """True for a national number of a country whose numbers are printed with their trunk
    prefix ("0" in Ireland, the UK, Croatia, Romania; "06" in Hungary) written without it and
    without "+": a file number, a season or a date, not a phone. Countries without a trunk
    prefix (Poland, Czechia, Italy) and North America are never refused by this."""
    md = phonenumbers.PhoneMetadata.metadata_for_region(region) if region else None
    prefix = md.national_prefix if md is not None else None
    if not prefix or not prefix.startswith("0"):
        return False
    head = raw.lstrip("( ")
    if head.startswith(("+", prefix)):
        return False
    # the prefixes a national number may carry, as libphonenumber reads them: Lithuania's
    # "(8 528) 53117" carries the old trunk "8" beside "0"
    parsing = md.national_prefix_for_parsing if md is not None else None
    digits = "".join(c for c in head if c.isdigit())
    return not (parsing and len(parsing) <= 12 and re.match(rf"(?:{parsing})", digits))


def _local_forms(text: str, known: set[str], regions: tuple[str, ...]) -> list[Found]:
    """A profile landline printed as its local number, without its area code, as a town's
    directory or parish newsletter prints it ("279-41-58" for +380 44 279 41 58 on a Kyiv
    page; "5550 3318" for +61 2 5550 3318): that number, in the page's country. Never a
    mobile (it has no local form), never in North America (pages print the area code, and
    seven digits there are anyone's in another area), never right after its area code (the
    full number, read already) nor inside a longer run of digits."""
    out: list[Found] = []
    for e164 in known:
        try:
            num = phonenumbers.parse(e164)
        except phonenumbers.NumberParseException:
            continue
        region = phonenumbers.region_code_for_number(num)
        if region not in regions or region in _NANP:
            continue
        nsn = phonenumbers.national_significant_number(num)
        area = phonenumbers.length_of_geographical_area_code(num)
        # (the area code as the library splits it, or a digit shorter: Lviv's "32" + a local
        # "275-18-64", which the library reads as area "322")
        for a in sorted({area, area - 1} - {0, -1}):
            local = nsn[a:]
            if len(local) < 6:
                continue
            pat = r"[ .\-]?".join(re.escape(d) for d in local)
            for m in re.finditer(rf"(?<![\d+\-/]){pat}(?![\d\-])", text):
                before = re.search(r"(\d+)[)\s.\-]{0,3}$", text[max(0, m.start() - 10) : m.start()])
                if before and before.group(1).endswith(nsn[:a]):
                    continue  # its area code right before: the full number, read already
                out.append(Found("phone", m.start(), m.end(), e164))
    return out


class PhoneExtractor:
    """Phones → `Found(kind="phone", value=E.164)`."""

    kinds = ("phone",)

    def extract(self, text: str, folded: str, ctx: ExtractContext) -> Iterable[Found]:
        # candidates by span: (start, end) → list of (rank, e164, region)
        best: dict[tuple[int, int], tuple[tuple[int, int, int, int], str]] = {}
        known = set(ctx.known_phones)
        # the digits of a number printed after a company, tax or case number's label: the same
        # digits elsewhere on the page (its title: "KBO Public Search - 0723.456.781 TVDB
        # Consult") are that number too, not a phone
        ids: set[str] = set()
        digits_at: dict[tuple[int, int], str] = {}
        for ri, region in enumerate(ctx.phone_regions):
            # one POSSIBLE pass (a superset of VALID); validity is checked per number
            for m in PhoneNumberMatcher(text, region, Leniency.POSSIBLE, max_tries=5000):
                e164 = phonenumbers.format_number(m.number, PhoneNumberFormat.E164)
                valid = phonenumbers.is_valid_number(m.number)
                digits = re.sub(r"\D", "", m.raw_string)
                if _NOT_PHONE_LABEL.search(text[max(0, m.start - 24) : m.start]):
                    ids.add(digits)
                digits_at[(m.start, m.end)] = digits
                if not self._plausible(text, m.start, m.end, m.raw_string, valid, region,
                                       known=e164 in known):
                    continue
                # prefer a profile number, then a valid one, then the region whose way of
                # writing numbers this is ("(707) 555-0142" is North American even where
                # 07075 550142 would also be valid), then the likelier region
                nanp_shape = bool(_NANP_SHAPE.fullmatch(m.raw_string.strip()))
                shape = 0 if (region in _NANP) == nanp_shape else 1
                rank = (0 if e164 in known else 1, 0 if valid else 1, shape, ri)
                key = (m.start, m.end)
                if key not in best or rank < best[key][0]:
                    best[key] = (rank, e164)
        best = {k: v for k, v in best.items() if v[0][0] == 0 or digits_at[k] not in ids}
        # overlapping readings of the same digits: keep the best-ranked one
        taken: set[int] = set()
        out = []
        for (s, e), (_rank, e164) in sorted(best.items(), key=lambda kv: (kv[1][0], kv[0])):
            if any(i in taken for i in range(s, e)):
                continue
            taken.update(range(s, e))
            out.append(Found("phone", s, e, e164))
        for f in _local_forms(text, known, ctx.phone_regions):
            if not any(i in taken for i in range(f.start, f.end)):
                taken.update(range(f.start, f.end))
                out.append(f)
        return sorted(out, key=lambda f: f.start)

    @staticmethod
    def _plausible(
        text: str, start: int, end: int, raw: str, valid: bool, region: str = "",
        *, known: bool = False,
    ) -> bool:
        raw = raw.strip()
        if any(rx.match(raw.strip("()[] ")) for rx in _DATE_RES):
            return False  # "(2003–2015)": the years of a previous address, in brackets
        if _DATE_INSIDE.search(raw):
            return False  # "09.11.2025 – 5 km": a dotted date and the next number, no phone
        before = text[max(0, start - 24) : start]
        if _CURRENCY.search(before) or _NOT_PHONE_LABEL.search(before):
            return False
        if _CURRENCY_AFTER.match(text[end : end + 12]):
            return False  # "2.500,- EUR": an amount
        # part of a longer token: "ID4155550100", "95405-1234"
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-/"):
            return False
        if end < len(text) and text[end].isalnum():
            return False
        if re.match(r"\s?%", text[end : end + 2]):
            return False  # "100.000 %"
        if re.match(r"[*•xX#]", text[end : end + 1]) or re.search(r"[*•#]\s?$", text[:start]):
            return False  # a masked teaser ("0115 496 07** Reveal"): not the whole number
        if re.match(r"0000\d", "".join(c for c in raw if c.isdigit())):
            return False  # a register number padded with zeros ("KRS 0000612077")
        labelled = bool(_PHONE_LABEL.search(before))
        if not labelled and _lacks_trunk_prefix(raw, region):
            return False  # "26/04512", "(2013./2014", "9.11.2026. 12": not a national number
        if raw.isdigit() and not labelled and not raw.startswith("0") and not known:
            # a bare run of digits in a record ("Owner ID 2017097412", an account or parcel
            # number) is read as a phone only where a label says so
            return False
        digits = sum(c.isdigit() for c in raw)
        if digits < 6 and not labelled and not known:
            return False  # "E 4.562", "2.500": a register number or an amount, not a line
        if valid:
            return True
        if digits < 9:
            return False
        return (
            raw.startswith(("+", "0", "("))
            or labelled
            or (
                # "707-555-0142": the North-American 3-3-4 grouping is itself a phone shape
                bool(re.fullmatch(r"\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}", raw))
            )
        )
