"""Known-value matchers: find a value the profile already holds (a home, a phone, an e-mail, an
employer or school) in whatever form a page prints it.

The profile knows the values that matter most, so finding them needs no format-specific parser:
both sides are folded and compared by their components (house number + street words +
postcode/city; the digits of a phone; an e-mail with its "(at)"/"(dot)" disguises undone;
an organisation's distinctive words or initials). That works in a new jurisdiction on day one.
Extractors (`extract_*.py`) remain for the values the profile does not list.

Each matcher has the same small interface (`KnownMatcher`) and its own table of true and false
cases in the tests. `find` reads the page's visible text; `find_hidden` reads the text a page
keeps out of sight — link addresses and `title`/`aria-label` attributes — where people-search
markup often carries the full address ("/address/6108-sendero-verde-cv_78749").
"""

from __future__ import annotations

from typing import Protocol

from ..extract import Found
from ..text import PageDoc
from .tokens import Tokens

__all__ = ["KnownMatcher", "find_all"]


class KnownMatcher(Protocol):
    """Finds one kind of profile value in a page."""

    @property
    def kind(self) -> str:
        """The `Found.kind` it produces ("address", "phone", "email", "employer", "school")."""
        ...

    def find(self, text: str, folded: str, tokens: Tokens) -> list[Found]:
        """Every occurrence in the text, each `Found` carrying ("known", key) in its attrs."""
        ...


def find_all(matchers: list[KnownMatcher], doc: PageDoc, tokens: Tokens) -> list[Found]:
    """Run every matcher over the visible text and over the page's hidden text (links and
    attributes, each found value placed where its element sits in the text)."""
    out: list[Found] = []
    for m in matchers:
        out.extend(m.find(doc.text, doc.folded, tokens))
    for at, hidden in doc.hidden:
        ht = Tokens.of(hidden)
        for m in matchers:
            for f in m.find(hidden, hidden, ht):
                end = min(len(doc.text), at + 1)
                out.append(Found(f.kind, at, max(end, at + 1), f.value, (*f.attrs, ("hidden", "1"))))
    return out
