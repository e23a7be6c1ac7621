"""The documentation stands alone and stays true: docs/findings-format.md names every key the
JSON and CSV writers emit, docs/templates.md every block, global and letter variable the
templates get, the README links both, and nothing points at a file outside the repository."""

from __future__ import annotations

import re
from typing import Any

import pytest

from reports import build_view, csvout, jsonout, letters
from reports.html import _context, html_env
from tests.conftest import REPO
from tests.test_reports import sample

FORMAT_DOC = (REPO / "docs" / "findings-format.md").read_text(encoding="utf-8")
TEMPLATES_DOC = (REPO / "docs" / "templates.md").read_text(encoding="utf-8")


def _keys(obj: Any, prefix: str = "") -> set[str]:
    out: set[str] = set()
    if isinstance(obj, dict):
        for k, v in obj.items():
            out.add(k)
            out |= _keys(v)
    elif isinstance(obj, list):
        for x in obj:
            out |= _keys(x)
    return out


@pytest.mark.parametrize("full", [False, True])
def test_every_json_key_is_documented(full: bool) -> None:
    result, prof = sample(12)
    data = jsonout.build(build_view(result, profile=prof, full=full))
    weights = set(data["audit"]["score"]["weights"])  # severity names, listed as such
    missing = sorted(k for k in _keys(data) - weights if f"`{k}`" not in FORMAT_DOC
                     and f"`{k}." not in FORMAT_DOC and f".{k}`" not in FORMAT_DOC)
    assert missing == [], missing


def test_every_csv_column_is_documented() -> None:
    missing = [c for c in csvout.COLUMNS + csvout.FULL_COLUMNS if f"`{c}`" not in FORMAT_DOC]
    assert missing == [], missing


def test_every_template_block_and_global_is_documented() -> None:
    src = (REPO / "reports" / "templates" / "report.html.j2").read_text(encoding="utf-8")
    blocks = re.findall(r"{% block (\w+) %}", src)
    assert len(blocks) >= 8
    env = html_env()
    result, prof = sample(4)
    names = [*blocks, *env.globals, *env.filters.keys() - jinja_builtin_filters(),
             *_context(build_view(result, profile=prof))]
    missing = [n for n in names if n not in ("range", "dict", "lipsum", "cycler", "joiner",
                                             "namespace") and f"`{n}" not in TEMPLATES_DOC]
    assert missing == [], missing


def jinja_builtin_filters() -> set[str]:
    import jinja2

    return set(jinja2.Environment().filters)


def test_every_letter_variable_is_documented(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    real = letters.render_letter

    def spy(env: Any, template: str, context: dict[str, Any]) -> str:
        seen.update(context)
        return real(env, template, context)

    monkeypatch.setattr(letters, "render_letter", spy)
    result, prof = sample(12)
    build_view(result, profile=prof)
    assert seen
    missing = [k for k in seen if f"`{k}`" not in TEMPLATES_DOC]
    assert missing == [], missing
    item_keys = {k for it in seen["items"] for k in it}
    assert all(f"`{k}`" in TEMPLATES_DOC for k in item_keys), item_keys


def test_readme_links_the_docs_and_nothing_outside_the_repository() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for doc in ("docs/findings-format.md", "docs/templates.md", "docs/matching.md"):
        assert f"({doc})" in readme, doc
    for path in [REPO / "README.md", REPO / "config.example.toml", *(REPO / "docs").glob("*.md")]:
        text = path.read_text(encoding="utf-8")
        assert "DESIGN.md" not in text, path.name
        for link in re.findall(r"\]\(([^)#]+)\)", text):
            if "://" not in link:
                assert (path.parent / link).exists(), (path.name, link)
