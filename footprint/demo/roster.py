"""A fictitious court for training and tests: the demo family written again for N households,
each with other names — its own surname and maiden name, streets, school, employer, blog and
area code — with its own profile, reference photo and web archive, and a roster file listing
them. `python -m footprint.demo.roster --out DIR [--households 20]`, then
`footprint roster audit DIR/roster.toml`.

Every household is the demo web with its family's words replaced, case kept
("Whitfield" / "WHITFIELD" / "whitfield", also inside e-mails, handles and host names), so its
pages keep the demo's shapes — listings with namesakes, the county parcel record, the school
newsletter, the spouse's blog with a geotagged photo — and an audit finds about as much as in
the demo. Every value stays invented: 555-01xx numbers in other California area codes, example.*
domains. Deterministic: the same N gives the same bytes.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from ._common import Resource, Web
from .generate import PROFILE_TOML, _mkdir, _write, build_web, write_warc

SURNAMES = ("Hargrove", "Pemberton", "Lindqvist", "Delacroix", "Abernathy", "Fairbanks", "Thornbury",
            "Vasquez", "Ellsworth", "Holloway", "Kensington", "Marchetti", "Osterberg", "Radcliffe",
            "Sutherland", "Birchwood", "Cedarbank", "Elmhurst", "Hawthorne", "Rosemont")
MAIDEN = ("Calder", "Dunmore", "Ashby", "Bramley", "Corwin", "Easton", "Fenwick", "Garland", "Hale",
          "Ingram", "Jessop", "Keene", "Lowell", "Mercer", "Norwood", "Prescott", "Quill", "Rowan",
          "Stroud", "Foxglove")
STREETS = ("Juniper", "Larkspur", "Maplecrest", "Oakhaven", "Pinecrest", "Sagebrush", "Thistle",
           "Willowmere", "Ashcombe", "Bellmere", "Copperfield", "Driftwood", "Fernhill", "Glenbrook",
           "Heatherdale", "Ivywood", "Kestrel", "Lanternbury", "Mossbank", "Nettlecombe")
AREA_CODES = ("415", "510", "530", "559", "619", "626", "650", "661", "714", "760", "805", "818", "831",
              "858", "909", "916", "925", "949", "951", "209")
MAX_HOUSEHOLDS = len(SURNAMES)


@dataclass(frozen=True)
class Household:
    """The words one fictitious household uses instead of the demo family's."""

    n: int

    @property
    def slug(self) -> str:
        return f"judge-{self.n + 1:02d}"

    @property
    def surname(self) -> str:
        return SURNAMES[self.n]

    def words(self) -> list[tuple[str, str]]:
        """(demo word, this household's word): replaced in every page, URL and the profile."""
        s = STREETS[self.n]
        return [
            ("Whitfield", self.surname), ("Marsh", MAIDEN[self.n]), ("Alderbrook", s),
            ("Quarry", STREETS[(self.n + 7) % len(STREETS)] + "stone"),
            ("Vine Hill", STREETS[(self.n + 13) % len(STREETS)] + " Hill"),
            ("Brookside", s + "field"), ("Redwood Valley", s + " Valley"),
            ("redwoodvalley", s.lower() + "valley"), ("danrides", "danrides" + self.surname.lower()),
        ]


def _swap_case(old: str, new: str, text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        got = m.group(0)
        if got.isupper():
            return new.upper()
        if got.islower():
            return new.lower()
        return new

    # "Marsh" only as a word ("Marshall" is another name); the others also inside words
    # ("ewhitfield68", "brookside-middle-school").
    pattern = rf"\b{re.escape(old)}\b" if old == "Marsh" else re.escape(old)
    return re.sub(pattern, repl, text, flags=re.I)


def rewrite(text: str, hh: Household) -> str:
    for old, new in hh.words():
        text = _swap_case(old, new, text)
    # 707 is Sonoma's area code, in every print form of every number the demo shows
    return re.sub(r"(?<!\d)707(?=[\s.\-)]?\d{3}[\s.\-]?\d{4})", AREA_CODES[hh.n], text)


def household_web(hh: Household) -> Web:
    web, _ = build_web()
    out = Web()
    for r in web.resources:
        body = r.body
        if r.content_type.startswith("text/"):
            charset = r.content_type.split("charset=")[-1] if "charset=" in r.content_type else "utf-8"
            body = rewrite(body.decode(charset), hh).encode(charset)
        out.resources.append(Resource(rewrite(r.url, hh), body, r.content_type, r.status, r.headers))
    return out


def profile_toml(hh: Household) -> str:
    text = rewrite(PROFILE_TOML, hh)
    return text.replace("# footprint demo profile — a FICTITIOUS judge and family",
                        f"# footprint demo court, household {hh.n + 1} — a FICTITIOUS judge and family")


def generate_roster(out: Path, households: int = MAX_HOUSEHOLDS, *, name: str = "Demo Superior Court") -> Path:
    """Write `households` fictitious households (profile, photo, web archive each) and a
    roster file listing them into `out`; return the roster file."""
    if not 1 <= households <= MAX_HOUSEHOLDS:
        raise ValueError(f"households: 1 to {MAX_HOUSEHOLDS}")
    _, photo = build_web()
    _mkdir(out)
    lines = [f'# A fictitious court of {households} households for footprint training (every person is invented).',
             "# Run: footprint roster audit roster.toml", "", "[roster]", f'name = "{name}"', ""]
    for i in range(households):
        hh = Household(i)
        folder = out / hh.slug
        _mkdir(folder)
        _mkdir(folder / "photos")
        _write(folder / "photos" / "judge-portrait.jpg", photo)
        buf = io.BytesIO()
        write_warc(household_web(hh), buf)
        _write(folder / "web.warc.gz", buf.getvalue())
        _write(folder / "profile.toml", profile_toml(hh).encode("utf-8"))
        lines += ["[[household]]", f'profile = "{hh.slug}/profile.toml"', f'label = "Department {i + 1}"',
                  f'web_archive = "{hh.slug}/web.warc.gz"', ""]
    roster = out / "roster.toml"
    _write(roster, "\n".join(lines).encode("utf-8"))
    return roster


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m footprint.demo.roster",
                                 description="Write a fictitious court: N demo households and a roster file.")
    ap.add_argument("--out", type=Path, required=True, help="output folder")
    ap.add_argument("--households", type=int, default=MAX_HOUSEHOLDS,
                    help=f"how many (1-{MAX_HOUSEHOLDS}, default {MAX_HOUSEHOLDS})")
    args = ap.parse_args(argv)
    roster = generate_roster(args.out, args.households)
    print(f"roster written to {roster} ({args.households} households)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
