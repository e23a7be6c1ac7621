"""Post rules: named rules with per-language lexicons (data files a court can extend) that flag a
sentence of a post, plus the profile-driven rule that finds the family's own details in a post.

A lexicon is a TOML file, one per language (`footprint/data/post_rules/en.toml`, `cs.toml`,
`ro.toml`; a court adds its own with `--rules DIR`, whose files extend the built-in file of the
same name or add a language). Each table is a rule id; each rule has regular expressions matched
against the sentence folded to lowercase without accents ("Hotărârea" is matched as "hotararea"):

    [case_comment]
    any = ['\\bthe verdict in\\b', …]          # one of these matches: the sentence is flagged
    both = [[ '\\bverdict\\b', … ], [ '\\bwrong\\b', … ]]
                                              # or: one pattern of EACH list matches
    unless = ['\\bour court will hold an open day\\b']
                                              # none of these may match (known false alarms)

Every file is checked when it is loaded: an unknown rule id, an unknown key or a pattern that is
not a valid regular expression is one line naming the file, the key and the pattern's place.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from ..errors import UsageError
from ..masking import ORG_GENERIC, STREET_TYPES, fold

LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "post_rules"
"""The built-in lexicons."""
MAX_LEXICON_BYTES = 1_000_000


class Rule(StrEnum):
    """The named rules. The string values are stable: posts.json and the truth files use them."""

    POLITICAL_ENDORSEMENT = "political_endorsement"
    COMMERCIAL_ENDORSEMENT = "commercial_endorsement"
    CASE_COMMENT = "case_comment"
    EX_PARTE_CONTACT = "ex_parte_contact"
    LOCATES_FAMILY = "locates_family"
    # court-accounts only: what an official account must not carry
    POLITICAL_CONTENT = "political_content"
    ADVERTISING = "advertising"
    PETITION = "petition"


POST_RULES = (Rule.POLITICAL_ENDORSEMENT, Rule.COMMERCIAL_ENDORSEMENT, Rule.CASE_COMMENT,
              Rule.EX_PARTE_CONTACT, Rule.LOCATES_FAMILY)
"""The rules `footprint posts` applies to a judge's own posts."""
COURT_RULES = (Rule.POLITICAL_CONTENT, Rule.ADVERTISING, Rule.PETITION)
"""The rules `footprint court-accounts` applies to an official account's recent posts."""

TITLES: dict[Rule, str] = {
    Rule.POLITICAL_ENDORSEMENT: "Political endorsement",
    Rule.COMMERCIAL_ENDORSEMENT: "Commercial endorsement",
    Rule.CASE_COMMENT: "Comment on a case, a party or a court decision",
    Rule.EX_PARTE_CONTACT: "Contact with lawyers or parties",
    Rule.LOCATES_FAMILY: "Details that locate the family",
    Rule.POLITICAL_CONTENT: "Political content, links or personal opinions",
    Rule.ADVERTISING: "Third-party advertising",
    Rule.PETITION: "Petitions",
}
WHY: dict[Rule, str] = {
    Rule.POLITICAL_ENDORSEMENT: "A judge should not endorse a party, a candidate or a political "
    "campaign: it puts the court's impartiality in doubt.",
    Rule.COMMERCIAL_ENDORSEMENT: "A judge should not lend the office's prestige to a business, "
    "a product or a fundraiser.",
    Rule.CASE_COMMENT: "A judge should not comment on pending or decided cases, on parties or "
    "on other courts' decisions outside the judgment itself.",
    Rule.EX_PARTE_CONTACT: "Public exchanges with lawyers or parties look like contact outside "
    "the proceedings (ex parte).",
    Rule.LOCATES_FAMILY: "Home, street, school, employer, children's names, a geotag or an "
    "announced absence tell a stranger where to find the family, and when the house is empty.",
    Rule.POLITICAL_CONTENT: "An official account carries no political links or personal opinions.",
    Rule.ADVERTISING: "An official account carries no third-party advertising.",
    Rule.PETITION: "An official account carries no petitions.",
}

_SPLIT_RE = re.compile(r"(?<=[.!?…])\s+")
_ABBREV_RE = re.compile(r"(?:\b(?:judr|mgr|ing|dr|mr|mrs|ms|st|nr|str|ul|bd|no|vs|e\.g|i\.e|"
                        r"prof|doc|hon|jr|sr)|(?<!\w)\w)\.$", re.I)


def sentences(text: str) -> list[str]:
    """The sentences of a post: a line break ends one, and so does . ! ? … before a word that
    does not start in lower case — except after an abbreviation or an initial ("JUDr.
    Kovářovi", "do 20. února" stay one sentence). Stripped, non-empty."""
    out: list[str] = []
    for line in text.splitlines():
        cur = ""
        for piece in _SPLIT_RE.split(line.strip()):
            if cur and (_ABBREV_RE.search(cur) or piece[:1].islower()
                        or (re.search(r"\d\.$", cur) and not piece[:1].isupper())):
                cur = f"{cur} {piece}"
            else:
                if cur:
                    out.append(cur)
                cur = piece
        if cur.strip():
            out.append(cur.strip())
    return out


@dataclass
class _Compiled:
    any: list[re.Pattern[str]] = field(default_factory=list)
    both: list[tuple[list[re.Pattern[str]], list[re.Pattern[str]]]] = field(default_factory=list)
    unless: list[re.Pattern[str]] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)

    def matches(self, folded: str) -> bool:
        hit = any(p.search(folded) for p in self.any) or any(
            any(p.search(folded) for p in a) and any(p.search(folded) for p in b)
            for a, b in self.both)
        return hit and not any(p.search(folded) for p in self.unless)


@dataclass(frozen=True)
class RuleHit:
    """One rule a post broke, with the sentence that triggered it."""

    rule: Rule
    """The rule's stable id."""
    sentence: str
    """The sentence of the post that triggered it, as written."""
    source: str
    """What matched: a lexicon language ("en"), "profile: street" or "geotag"."""


class Lexicons:
    """The compiled lexicons of every language, merged per rule."""

    def __init__(self, rules: dict[Rule, _Compiled], files: Sequence[str]) -> None:
        self._rules = rules
        self.files = tuple(files)
        """The lexicon files read, built-in first."""

    @classmethod
    def load(cls, extra_dir: Path | None = None) -> Lexicons:
        """The built-in lexicons, extended by every `*.toml` in `extra_dir`."""
        paths = sorted(LEXICON_DIR.glob("*.toml"))
        if extra_dir is not None:
            if not extra_dir.is_dir():
                raise UsageError(f"--rules {extra_dir}: not a folder (expected a folder of "
                                 "lexicon TOML files)")
            more = sorted(extra_dir.glob("*.toml"))
            if not more:
                raise UsageError(f"--rules {extra_dir}: no *.toml lexicon file in it")
            paths += more
        rules: dict[Rule, _Compiled] = {}
        for path in paths:
            _read_lexicon(path, rules)
        return cls(rules, [str(p) for p in paths])

    def languages(self) -> list[str]:
        return sorted({s for c in self._rules.values() for s in c.sources})

    def check(self, sentence: str, rules: Iterable[Rule]) -> list[tuple[Rule, str]]:
        """The rules whose lexicon matches `sentence`, each with the lexicons that matched."""
        folded = " ".join(fold(sentence).split())
        out = []
        for rule in rules:
            c = self._rules.get(rule)
            if c is not None and c.matches(folded):
                out.append((rule, "lexicon"))
        return out


def _read_lexicon(path: Path, rules: dict[Rule, _Compiled]) -> None:
    try:
        raw = path.read_bytes()[:MAX_LEXICON_BYTES + 1]
        if len(raw) > MAX_LEXICON_BYTES:
            raise UsageError(f"{path}: larger than 1 MB; a lexicon is a few KB")
        data = tomllib.loads(raw.decode("utf-8"))
    except OSError as e:
        raise UsageError(f"{path}: cannot read the lexicon ({e.strerror})") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as e:
        raise UsageError(f"{path}: not valid TOML: {e}") from None
    lang = data.pop("language", path.stem)
    if not isinstance(lang, str) or not re.fullmatch(r"[a-z]{2,3}", lang):
        raise UsageError(f"{path}: language: expected a two- or three-letter language code")
    data.pop("description", None)
    known = [r.value for r in Rule]
    for key, table in data.items():
        if key not in known:
            raise UsageError(f"{path}: [{key}]: unknown rule (expected one of {', '.join(known)})")
        if not isinstance(table, dict):
            raise UsageError(f"{path}: {key}: expected a table [{key}] with any / both / unless")
        c = rules.setdefault(Rule(key), _Compiled())
        c.sources.add(lang)
        for k, v in table.items():
            where = f"{path}: {key}.{k}"
            if k in ("any", "unless"):
                getattr(c, k).extend(_patterns(v, where))
            elif k == "both":
                if not isinstance(v, list) or not all(
                        isinstance(x, list) and len(x) == 2 for x in v):
                    raise UsageError(f"{where}: expected a list of pairs of pattern lists "
                                     "([[['a'], ['b']]])")
                for i, (a, b) in enumerate(v):
                    c.both.append((_patterns(a, f"{where}[{i}][0]"),
                                   _patterns(b, f"{where}[{i}][1]")))
            elif k in ("note", "description"):
                continue
            else:
                raise UsageError(f"{where}: unknown key (expected any, both, unless or note)")


def _patterns(v: object, where: str) -> list[re.Pattern[str]]:
    if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
        raise UsageError(f"{where}: expected a list of regular expressions (strings)")
    out = []
    for i, p in enumerate(v):
        try:
            out.append(re.compile(p))
        except re.error as e:
            raise UsageError(f"{where}[{i}]: not a valid regular expression ({e.msg})") from None
    return out


# --- the profile's own values ---------------------------------------------------------------------


@dataclass(frozen=True)
class FamilyTerm:
    """A profile value whose mention in a post locates the family."""

    kind: str
    """street | postal code | school | employer | child's name."""
    pattern: re.Pattern[str]
    """Matched against the folded sentence (names: against the unfolded one, capitalised)."""
    folded: bool = True


def _words(value: str) -> list[str]:
    return re.findall(r"[^\W_]+", fold(value))


def family_terms(profile: object) -> list[FamilyTerm]:
    """The values of the profile that locate the family: each current or previous home's street
    (its name without the house number, the street type optional), postal codes of homes, a
    child's school and a relative's employer (their distinctive words), children's first names."""
    from ..profile import Profile

    assert isinstance(profile, Profile)
    out: list[FamilyTerm] = []
    types = set(STREET_TYPES) | {"ulice", "ul", "trida", "namesti", "nam", "strada", "str",
                                 "bulevardul", "bd", "calea", "soseaua", "sos", "aleea", "nr"}
    for p in profile.people:
        for a in p.addresses:
            if a.label == "work":
                continue
            words = [w for w in _words(a.street) if not any(ch.isdigit() for ch in w)]
            core = [w for w in words if w not in types]
            if core and sum(len(w) for w in core) >= 4:
                out.append(FamilyTerm("street", re.compile(
                    r"\b" + r"[\s.,-]+".join(_inflected(w) for w in core) + r"\b")))
            if a.postal_code and a.is_current and len(re.sub(r"\D", "", a.postal_code)) >= 4:
                pc = r"\s?".join(re.escape(ch) for ch in a.postal_code.replace(" ", ""))
                out.append(FamilyTerm("postal code", re.compile(rf"(?<![\d]){pc}(?!\d)")))
        for kind, value in (("school", p.school), ("employer", p.employer if p is not
                                                              profile.subject else None)):
            if not value:
                continue
            core = [w for w in _words(value) if w not in ORG_GENERIC and len(w) > 1]
            if len(core) > 2 or (len(core) == 2 and min(map(len, core)) > 2):
                core = [w for w in core if len(w) > 2]  # "ZŠ Lesní čtvrť" is also "Lesní čtvrť"
            if core and sum(len(w) for w in core) >= 4:
                out.append(FamilyTerm(kind, re.compile(
                    r"\b" + r"[\s.,-]+".join(_inflected(w) for w in core) + r"\b")))
        if p.relation == "child":
            first = p.name.split()[0]
            if len(first) >= 3:
                stem = re.escape(first[:-1]) if len(first) >= 5 and fold(first[-1]) in "aeiouy" \
                    else re.escape(first)
                out.append(FamilyTerm("child's name", re.compile(
                    rf"(?<![^\W_]){stem}[^\W\d_]{{0,4}}(?![^\W_])"), folded=False))
    return out


def _inflected(word: str) -> str:
    """A folded word with the case endings of inflected languages: "kastanova" also matches
    "kastanove" (Czech "v Kaštanové ulici"), "brno" also "brne"."""
    if len(word) >= 4 and word[-1] in "aeiouy":
        return re.escape(word[:-1]) + r"[a-z]{1,3}"
    if len(word) >= 5:
        return re.escape(word) + r"[a-z]{0,3}"
    return re.escape(word)


def family_hits(sentence: str, terms: Sequence[FamilyTerm]) -> list[str]:
    """The kinds of profile value `sentence` mentions."""
    folded = fold(sentence)
    kinds = []
    for t in terms:
        if t.pattern.search(folded if t.folded else sentence):
            kinds.append(t.kind)
    return list(dict.fromkeys(kinds))
