"""Kinship words in every language the tool reads (footprint/data/kinship.toml), as the
patterns the analyzer uses on folded text.

`RELATION_BEFORE`: a relation word right before a name ("her husband Dan", "kći Lucija",
"z mężem Tomaszem"). `FAMILY_CUE`: any relation or family word (a text about a family).
All languages at once: pages mix them, and a new jurisdiction works on day one.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "kinship.toml"
_INFLECT_FROM = 5
"""Words this long or longer may take up to three more letters (a case ending)."""


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    raw = tomllib.loads(DATA.read_text("utf-8"))
    relation: dict[str, None] = {}
    cue: dict[str, None] = {}
    for lang in raw.values():
        relation.update(dict.fromkeys(lang.get("relation", [])))
        cue.update(dict.fromkeys(lang.get("cue", [])))
    return tuple(relation), tuple(cue)


def _alternation(words: tuple[str, ...]) -> str:
    alts = []
    for w in sorted(words, key=len, reverse=True):
        parts = [re.escape(p) for p in w.split()]
        if len(parts) > 1:
            # a form's slot for either gender: "Ženatý/vydatá s", "Żonaty/zamężna z"
            parts[0] += r"(?:[ \t]?/[ \t]?[a-z]{2,12})?"
        pat = r"[ \t]{1,2}".join(parts)
        if len(w) >= _INFLECT_FROM:
            pat += "[a-z]{0,3}"
        alts.append(pat)
    return "|".join(alts)


RELATION_WORDS, CUE_WORDS = _words()
RELATION_BEFORE = re.compile(
    r"(?<![a-z])(?:" + _alternation(RELATION_WORDS) + r")(?:[ \t]{0,2}[,:][ \t]{0,2}|[ \t]{1,2})$"
)
FAMILY_CUE = re.compile(
    # "#proudDad", "#proudmama": a hashtag glues the word to "proud"
    r"(?<![a-z])(?:proud)?(?:" + _alternation(RELATION_WORDS + CUE_WORDS) + r")(?![a-z])"
)

# "Birgitte Ravnholt Skovgaards far", "Helena Sandahls man": in the Nordic languages a short
# kinship word that is a common word elsewhere ("far", "mor", "man") is a tie when it follows
# a name in the genitive; read right after a name's end (the "s" may be part of the match)
GENITIVE_RELATION = re.compile(
    r"(?:'?s)?[ \t]{1,2}(?:far|mor|farmor|mormor|farfar|morfar|mand|man|kone|fru|son|sonn|"
    r"datter|dotter|bror|soster|syster|barn|born|foraldre)(?![a-z])"
)

