#!/usr/bin/env python3
"""Translation catalogs: extract every translatable text into the templates (.pot), merge them
into each language's catalog (.po), and check that a catalog is complete.

    python scripts/i18n.py extract           # footprint/locale/footprint.pot and catalog.pot
    python scripts/i18n.py update            # merge them into every footprint/locale/*/…/*.po
    python scripts/i18n.py init hr           # start a new language (Croatian) from the templates
    python scripts/i18n.py check [cs ro]     # list untranslated and fuzzy entries; exit 1 if any

What is extracted (docs/i18n.md):
- Python sources (`_()`, `gettext()`, `ngettext()`, `pgettext()`, `N_()`) under footprint/,
  probes/ and reports/;
- the Jinja2 templates under reports/templates/ (`{% trans %}`, `_()`);
- the texts of the data files: footprint/data/playbook.toml (actions, steps, times, family
  advice) and legal.toml (titles, citations, deadlines, who, requirements, notes, regulators,
  the bulk requests);
- into `catalog.pot`: the brokers catalog's per-site steps and notes (probes/catalog/brokers.toml).

The same can be done with Babel's own `pybabel extract/update/compile` commands; this script
only knows where footprint's files are, and reads the TOML data files, which Babel does not.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "footprint" / "locale"
DATA = ROOT / "footprint" / "data"
BROKERS = ROOT / "probes" / "catalog" / "brokers.toml"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
            "npgettext": ((1, "c"), 2, 3), "N_": None, "NP_": ((1, "c"), 2)}
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "trimmed": "true", "newstyle_gettext": "true",
                 "trim_blocks": "true", "lstrip_blocks": "true"}


def _line_of(text: str, value: str) -> int:
    """The line a TOML string starts on (for the .pot's references)."""
    probe = value[:60].replace("\\", "\\\\").replace('"', '\\"')
    i = text.find(probe)
    return text.count("\n", 0, i) + 1 if i >= 0 else 0


def _toml_texts(path: Path, spec: dict[str, tuple[str, ...]]) -> Iterator[tuple[int, str, str]]:
    """(line, text, comment) for every string of `spec` {array of tables: keys} in a TOML file."""
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    for table, keys in spec.items():
        rows: list[tuple[str, Any]] = []
        node = data.get(table)
        if isinstance(node, list):
            rows = [(str(r.get("id", i)), r) for i, r in enumerate(node)]
        elif isinstance(node, dict):
            # [family.self], [family.spouse] …, or a plain table ([search_engine])
            if all(isinstance(v, dict) for v in node.values()) and node:
                rows = list(node.items())
            else:
                rows = [(table, node)]
        for name, row in rows:
            for key in keys:
                v = row.get(key)
                values = v if isinstance(v, list) else [v]
                for s in values:
                    if isinstance(s, str) and s.strip():
                        yield _line_of(text, s), s, f"{path.name}: {table} {name}, {key}"


PLAYBOOK_SPEC = {
    "action": ("action", "expected_time", "steps"),
    "family": ("title", "advice"),
    "search_engine": ("step",),
}
LEGAL_SPEC = {
    "basis": ("title", "citation", "deadline", "who", "requirements", "notes", "regulator"),
    "national": ("law", "authority"),
    "bulk": ("title", "citation", "who", "what", "when", "covers", "not_covered", "steps"),
}
BROKERS_SPEC = {"broker": ("steps", "notes")}


def _catalog(domain: str):  # type: ignore[no-untyped-def]
    from babel.messages.catalog import Catalog

    return Catalog(project="footprint", version="0.1", copyright_holder="footprint contributors",
                   msgid_bugs_address="", charset="utf-8", domain=domain,
                   header_comment=f"# Translation template of footprint's {domain} texts.\n"
                                  "# Written by scripts/i18n.py extract; do not edit by hand.")


def extract() -> dict[str, Any]:
    """Build the templates of both domains (in memory)."""
    from babel.messages.extract import extract as run_extract

    main = _catalog("footprint")
    for base in ("footprint", "probes", "reports"):
        for path in sorted((ROOT / base).rglob("*.py")):
            if "locale" in path.parts:
                continue
            rel = path.relative_to(ROOT).as_posix()
            with path.open("rb") as fh:
                for lineno, msg, comments, ctx in run_extract("python", fh, KEYWORDS, ("i18n:",),
                                                              strip_comment_tags=True):
                    main.add(msg, locations=[(rel, lineno)], auto_comments=comments, context=ctx)
    for path in sorted((ROOT / "reports" / "templates").rglob("*.j2")):
        rel = path.relative_to(ROOT).as_posix()
        with path.open("rb") as fh:
            for lineno, msg, comments, ctx in run_extract("jinja2.ext:babel_extract", fh, KEYWORDS,
                                                          ("i18n:",), JINJA_OPTIONS,
                                                          strip_comment_tags=True):
                main.add(msg, locations=[(rel, lineno)], auto_comments=comments, context=ctx)
    for path, spec in ((DATA / "playbook.toml", PLAYBOOK_SPEC), (DATA / "legal.toml", LEGAL_SPEC)):
        rel = path.relative_to(ROOT).as_posix()
        for lineno, msg, comment in _toml_texts(path, spec):
            main.add(msg, locations=[(rel, lineno)], auto_comments=[comment])
    brokers = _catalog("catalog")
    rel = BROKERS.relative_to(ROOT).as_posix()
    for lineno, msg, comment in _toml_texts(BROKERS, BROKERS_SPEC):
        brokers.add(msg, locations=[(rel, lineno)], auto_comments=[comment])
    return {"footprint": main, "catalog": brokers}


def _write(cat: Any, path: Path) -> None:
    from babel.messages.pofile import write_po

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, cat, width=100, omit_header=False, sort_output=False, include_lineno=False)


def _read(path: Path) -> Any:
    from babel.messages.pofile import read_po

    with path.open("rb") as fh:
        return read_po(fh)


def cmd_extract() -> int:
    for domain, cat in extract().items():
        _write(cat, LOCALE / f"{domain}.pot")
        print(f"{domain}.pot: {len(cat)} texts")
    return 0


def cmd_update(langs: list[str]) -> int:
    for domain in ("footprint", "catalog"):
        template = _read(LOCALE / f"{domain}.pot")
        for lang in langs or _languages():
            path = LOCALE / lang / "LC_MESSAGES" / f"{domain}.po"
            if not path.is_file():
                continue
            cat = _read(path)
            cat.update(template, update_header_comment=False)
            cat.obsolete.clear()  # a text gone from the sources is gone from the catalog
            _write(cat, path)
            print(f"{lang}/{domain}.po updated")
    return 0


def cmd_init(lang: str) -> int:
    from babel import Locale

    for domain in ("footprint", "catalog"):
        path = LOCALE / lang / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            print(f"{path} exists: use update", file=sys.stderr)
            return 2
        cat = _read(LOCALE / f"{domain}.pot")
        cat.locale = Locale.parse(lang)
        cat.revision_date = cat.creation_date
        _write(cat, path)
        print(f"{path.relative_to(ROOT)} written: translate its msgstr lines")
    return 0


def _languages() -> list[str]:
    return sorted(d.name for d in LOCALE.iterdir() if (d / "LC_MESSAGES").is_dir())


def missing(lang: str, domain: str = "footprint") -> list[str]:
    """Texts of the template that the language's catalog does not translate (or marks fuzzy)."""
    template = _read(LOCALE / f"{domain}.pot")
    path = LOCALE / lang / "LC_MESSAGES" / f"{domain}.po"
    cat = _read(path) if path.is_file() else None
    out = []
    for msg in template:
        if not msg.id:
            continue
        tr = cat.get(msg.id, context=msg.context) if cat is not None else None
        strings = tr.string if tr is not None else None
        if tr is None or tr.fuzzy or not strings or (
                isinstance(strings, tuple) and not all(strings)):
            out.append(msg.id if isinstance(msg.id, str) else msg.id[0])
    return out


def cmd_check(langs: list[str]) -> int:
    bad = 0
    for lang in langs or _languages():
        miss = missing(lang)
        print(f"{lang}: {len(miss)} untranslated")
        for m in miss[:50]:
            print(f"  {m[:90]!r}")
        bad += len(miss)
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("extract", help="write the .pot templates")
    up = sub.add_parser("update", help="merge the templates into the .po catalogs")
    up.add_argument("langs", nargs="*")
    ini = sub.add_parser("init", help="start a language's catalogs from the templates")
    ini.add_argument("lang")
    ck = sub.add_parser("check", help="list untranslated texts")
    ck.add_argument("langs", nargs="*")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    if args.cmd == "extract":
        return cmd_extract()
    if args.cmd == "update":
        return cmd_update(args.langs)
    if args.cmd == "init":
        return cmd_init(args.lang)
    return cmd_check(args.langs)


if __name__ == "__main__":
    sys.exit(main())
