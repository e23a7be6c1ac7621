"""Translations (issue 17): the catalogs are complete and current, placeholders survive
translation, the Czech and Romanian demos' reports, letters and terminal summary hold no
untranslated text, dates and numbers follow the language, a court adds a language by adding a
catalog; and the report's table of contents and PDF outline."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from footprint import i18n
from tests.conftest import REPO, run_cli

LANGS = ("cs", "ro")
DEMOS = {"cs": "CZ", "ro": "RO"}


def _tool() -> Any:
    name = "footprint_scripts_i18n"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / "i18n.py")
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[name]


def _catalog(path: Path) -> Any:
    from babel.messages.pofile import read_po

    with path.open("rb") as fh:
        return read_po(fh)


def _texts(msg: Any, attr: str) -> tuple[str, ...]:
    v = getattr(msg, attr)
    return tuple(v) if isinstance(v, tuple) else (v or "",)


# --- the catalogs ------------------------------------------------------------------------------


def test_template_is_current() -> None:
    """Every translatable text of the sources is in footprint.pot (run `python scripts/i18n.py
    extract` and translate after adding one), and the template holds nothing the sources lost."""
    fresh = _tool().extract()["footprint"]
    committed = _catalog(REPO / "footprint" / "locale" / "footprint.pot")
    ids = {(m.id, m.context) for m in fresh if m.id}
    have = {(m.id, m.context) for m in committed if m.id}
    assert ids - have == set(), "not extracted: " + repr(sorted(map(str, ids - have))[:5])
    assert have - ids == set(), "gone from the sources: " + repr(sorted(map(str, have - ids))[:5])


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_is_complete(lang: str) -> None:
    assert _tool().missing(lang) == []


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_survive_translation(lang: str) -> None:
    """A translation uses only the values its text is given (a typo in %(name)s or {whose}
    would raise while the report is written)."""
    cat = _catalog(REPO / "footprint" / "locale" / lang / "LC_MESSAGES" / "footprint.po")
    given_also = {"{whose}", "{whom}", "%(whose)s", "%(whom)s"}  # both forms are always passed
    for m in cat:
        if not m.id:
            continue
        want = set(re.findall(r"%\(\w+\)s|\{\w+\}", " ".join(_texts(m, "id"))))
        for s in _texts(m, "string"):
            got = set(re.findall(r"%\(\w+\)s|\{\w+\}", s))
            extra = got - want - (given_also if want & given_also else set())
            assert not extra, (m.id, s)
            if "%(" in " ".join(_texts(m, "id")):
                # formatted with %: a lone % would break it
                assert not re.search(r"%(?!\(\w+\)s|%)", s.replace("%%", "")), (m.id, s)


# --- the demos, in their languages ------------------------------------------------------------

ALLOWED = {
    # names and codes that are the same in every language
    "gdpr", "html", "http", "https", "pdf", "csv", "json", "url", "id", "ids", "utc", "www",
    "footprint", "google", "drop", "training", "opt-out", "e-mail", "blog", "captcha", "fax",
}


def _vocabulary(lang: str) -> set[str]:
    """Words of the English source texts that the language's catalog never uses itself: any of
    them in a rendered report is an untranslated text (or one never passed through gettext)."""
    def words(text: str) -> set[str]:
        text = re.sub(r"%\(\w+\)s|\{\w+\}|<[^>]+>", " ", text)
        return {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’-]{1,}", text)}

    english: set[str] = set()
    for m in _catalog(REPO / "footprint" / "locale" / "footprint.pot"):
        if m.id:
            english |= words(" ".join(_texts(m, "id")))
    own: set[str] = set()
    for domain in ("footprint", "catalog"):
        for m in _catalog(REPO / "footprint" / "locale" / lang / "LC_MESSAGES" / f"{domain}.po"):
            own |= words(" ".join(_texts(m, "string")))
    return english - own - ALLOWED


def _visible_words(text: str) -> list[tuple[str, str]]:
    """(word, its line) for the words of a text, without web addresses and host names."""
    out = []
    for line in text.splitlines():
        clean = re.sub(r"\S*(?:://|\w\.\w|/)\S*", " ", line)  # URLs, hosts, paths
        # ids that mix figures and letters (an audit's "20261207-054858-88be9d": its hex
        # part may spell "be")
        clean = re.sub(r"\S*\d[\w-]*[A-Za-z][\w-]*|\S*[A-Za-z][\w-]*\d[\w-]*", " ", clean)
        for w in re.findall(r"[A-Za-z][A-Za-z'’-]+", clean):
            out.append((w.lower(), line.strip()[:100]))
    return out


@pytest.fixture(scope="module", params=LANGS)
def demo_run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    lang = request.param
    base = tmp_path_factory.mktemp(f"demo-{lang}")
    home = base / "home"
    home.mkdir()
    out = base / "out"
    fmt = "html,json,pdf" if shutil.which("pdftotext") else "html,json"
    r = run_cli(["demo", "--jurisdiction", DEMOS[lang], "--out", str(out), "--format", fmt], home)
    assert r.returncode == 0, r.stderr
    return lang, out, r


def test_demo_report_has_no_untranslated_text(demo_run: Any) -> None:
    """Every text of the Czech and Romanian demo reports — headings, tables, rationale,
    remediation steps, legal bases, letters, advice, appendix — is in the demo's language.
    Page data (masked values, page addresses, ids, rule and probe names, shown as code) is not
    text to translate and is left out."""
    lang, out, _ = demo_run
    html = (out / "report.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in html
    soup = BeautifulSoup(html, "lxml")
    for el in soup.select("style, .mono, .url, .evidence"):
        el.decompose()
    english = _vocabulary(lang)
    found = {w: line for w, line in _visible_words(soup.get_text("\n")) if w in english}
    assert not found, found
    letters = [d.get_text() for d in BeautifulSoup(html, "lxml").select("div.letter")]
    assert letters, "the demo has letters"
    subject = {"cs": "Věc:", "ro": "Subiect:"}[lang]
    assert all(subject in x for x in letters)
    law = {"cs": "zákon č. 110/2019 Sb.", "ro": "Legea nr. 190/2018"}[lang]
    authority = {"cs": "Úřad pro ochranu osobních údajů", "ro": "ANSPDCP"}[lang]
    assert any(law in x and authority in x and "2016/679" in x for x in letters)


def test_demo_summary_is_in_the_language(demo_run: Any) -> None:
    lang, _, r = demo_run
    english = _vocabulary(lang)
    # a generated identifier ("hh-277ba2f89043be8d") is no text: its hex letters can spell "be"
    terminal = re.sub(r"\b[a-z]{2}-[0-9a-f]{16}\b", "", r.stdout)
    found = {w: line for w, line in _visible_words(terminal) if w in english}
    assert not found, found
    assert {"cs": "potvrzených nálezů", "ro": "constatări confirmate"}[lang] in terminal


def test_pdf_has_an_outline_and_a_contents_page(demo_run: Any) -> None:
    """WeasyPrint makes PDF bookmarks from the headings' bookmark-level: the sections, the
    people, the letters; the contents page lists them with their page numbers."""
    pypdf = pytest.importorskip("pypdf")
    lang, out, _ = demo_run
    if not (out / "report.pdf").exists():
        pytest.skip("no PDF (WeasyPrint's libraries are missing)")
    reader = pypdf.PdfReader(str(out / "report.pdf"))
    top, nested = [], []
    for item in reader.outline:
        if isinstance(item, list):
            nested += [x.title for x in item if not isinstance(x, list)]
        else:
            top.append(item.title)
    with i18n.language(lang):
        for heading in ("Summary", "Contents", "Exposure map", "Findings",
                        "Remediation checklist", "Advice for the family",
                        "Removal-request letters", "Appendix: method and coverage"):
            assert i18n.gettext(heading) in top, (heading, top)
        judge = i18n.gettext("Judge")
    assert any(t.startswith(judge) for t in nested), nested
    assert sum(bool(re.match(r"\d+\. ", t)) for t in nested) >= 3, "one bookmark per letter"
    first_pages = "".join(reader.pages[i].extract_text() for i in range(3))
    with i18n.language(lang):
        assert i18n.gettext("Contents") in first_pages


def test_contents_links_every_section(demo_run: Any) -> None:
    _, out, _ = demo_run
    soup = BeautifulSoup((out / "report.html").read_text(encoding="utf-8"), "lxml")
    links = [a["href"] for a in soup.select("nav.toc-block a")]
    assert len(links) >= 10
    for href in links:
        assert href.startswith("#") and soup.find(id=href[1:]) is not None, href


# --- formats, reasons, a court's own language ----------------------------------------------------


@pytest.mark.parametrize(("lang", "date", "number", "when"), [
    ("en", "December 3, 2026", "0.94", "Dec 3, 2026, 8:15:00 PM UTC"),
    ("cs", "3. prosince 2026", "0,94", "3. 12. 2026 20:15:00 UTC"),
    ("ro", "3 decembrie 2026", "0,94", "3 dec. 2026, 20:15:00 UTC"),
])
def test_dates_and_numbers_follow_the_language(lang: str, date: str, number: str,
                                               when: str) -> None:
    assert i18n.format_date("2026-12-03", lang=lang) == date
    assert i18n.format_decimal(0.94, 2, lang) == number
    assert i18n.format_datetime("2026-12-03T20:15:00Z", lang).replace("\u202f", " ") == when
    assert i18n.format_number(12345, lang).replace("\xa0", " ").replace("\u202f", " ") in (
        "12,345", "12 345", "12.345")


def test_reasons_are_translated_with_their_values() -> None:
    with i18n.language("cs"):
        assert i18n.reason("blocked: cloudflare challenge (HTTP 200)") == \
            "zablokováno: výzva Cloudflare (HTTP 200)"
        assert i18n.reason("not checked: HTTP 403") == "nezkontrolováno: HTTP 403"
        assert i18n.reason("something no catalog knows") == "something no catalog knows"
    with i18n.language("en"):
        assert i18n.reason("not checked: HTTP 403") == "not checked: HTTP 403"


def test_a_court_adds_a_language_with_a_catalog(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A catalog in the data folder's locale/ (a language footprint does not ship, or a
    court's own wording) is used without touching the package."""
    folder = tmp_path / "locale" / "hr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "footprint.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: hr\\n"\n\n'
        'msgid "Summary"\nmsgstr "Sažetak"\n\n'
        'msgid "Findings"\nmsgstr "Nalazi"\n', encoding="utf-8")
    monkeypatch.setenv("FOOTPRINT_HOME", str(tmp_path))
    assert "hr" in i18n.available()
    with i18n.language("hr"):
        assert i18n.gettext("Summary") == "Sažetak"
        assert i18n.gettext("Exposure map") == "Exposure map", "untranslated: the source text"
    with i18n.language("cs"):
        assert i18n.gettext("Summary") == "Souhrn"


def test_a_broken_court_catalog_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "locale" / "sq" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "footprint.po").write_text('msgid "Summary"\nmsgstr "Përmbledhje"\nnot po\n',
                                         encoding="utf-8")
    monkeypatch.setenv("FOOTPRINT_HOME", str(tmp_path))
    with pytest.raises(i18n.CatalogError, match="footprint.po"):
        i18n.translations("sq")


def test_english_is_the_default_and_unknown_languages_fall_back() -> None:
    assert i18n.normalize("cs_CZ.UTF-8") == "cs"
    assert i18n.normalize("") == "en"
    with i18n.language("xx"):
        assert i18n.gettext("Summary") == "Summary"
