"""Checks a court's `--templates` folder before an audit starts: every template parses, every
template it extends, includes or imports exists, and every file is one footprint uses — so a typo
costs a second, not an hour of searching followed by "report template: …".

Errors are `ReportError` (exit 2) naming the folder, the file and the line; template text is not
personal data, but the message still never quotes it.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2 import meta

from . import TEMPLATES_DIR, ReportError

MAX_TEMPLATE_BYTES = 1_000_000
"""A court template is a few KB; a larger file is the wrong file."""


def builtin_names() -> list[str]:
    """The template names footprint renders, as a court folder must spell them."""
    return sorted(p.relative_to(TEMPLATES_DIR).as_posix() for p in TEMPLATES_DIR.rglob("*.j2"))


def check_templates(folder: Path) -> None:
    """Raise ReportError unless `folder` is a folder of usable court templates."""
    from .html import html_env
    from .letters import letters_env

    where = f"--templates {folder}"
    if not folder.exists():
        raise ReportError(f"{where}: folder not found")
    if not folder.is_dir():
        raise ReportError(f"{where}: not a folder (expected a folder of Jinja2 templates)")
    try:
        files = sorted(p for p in folder.rglob("*.j2") if p.is_file())
    except OSError as e:
        raise ReportError(f"{where}: cannot read the folder ({e.strerror})") from None
    known = builtin_names()
    if not files:
        raise ReportError(f"{where}: no templates in the folder (expected files such as "
                          f"{', '.join(known[:3])}, named as the built-in ones)")
    envs = {"html": html_env(folder), "letters": letters_env(folder)}
    referenced: set[str] = set()
    parsed: list[str] = []
    for f in files:
        name = f.relative_to(folder).as_posix()
        env = envs["letters" if name.startswith("letters/") else "html"]
        try:
            if f.stat().st_size > MAX_TEMPLATE_BYTES:
                raise ReportError(f"{where}: {name}: larger than 1 MB (is this the right file?)")
            source = f.read_text(encoding="utf-8")
        except OSError as e:
            raise ReportError(f"{where}: {name}: cannot read the file ({e.strerror})") from None
        except UnicodeDecodeError:
            raise ReportError(f"{where}: {name}: not UTF-8 text") from None
        try:
            tree = env.parse(source, name, str(f))
        except jinja2.TemplateSyntaxError as e:
            raise ReportError(f"{where}: {name} (line {e.lineno}): {e.message}") from None
        for ref in meta.find_referenced_templates(tree):
            if ref is None:  # computed at render time: cannot be checked here
                continue
            referenced.add(ref)
            try:
                env.get_template(ref)
            except jinja2.TemplateNotFound:
                raise ReportError(f"{where}: {name}: uses the template '{ref}', which is neither in "
                                  "the folder nor built in") from None
            except jinja2.TemplateSyntaxError as e:
                raise ReportError(f"{where}: {e.name or ref} (line {e.lineno}): {e.message}") from None
        parsed.append(name)
    unused = [n for n in parsed if n not in known and n not in referenced]
    if unused:
        raise ReportError(f"{where}: {unused[0]} is not a template footprint uses and no template "
                          f"includes it (the built-in names are {', '.join(known)})")
