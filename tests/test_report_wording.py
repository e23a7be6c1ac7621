"""What the report says must be true and actionable: no "The 0 most urgent actions", no site
under "No action needed" that the same report asks to act on, "not checked" never shown as
"nothing found", and a masked letter still names whom to write to."""

from __future__ import annotations

from bs4 import BeautifulSoup

from footprint.model import Category, Exposure, Skipped
from reports import build_view, summary_lines
from reports.html import render_html
from tests.test_reports import family_profile, result_from

C = Category
SPOKEO = "https://www.spokeo.com/Jane-Doe/California/Springfield"


def _text(view) -> str:  # type: ignore[no-untyped-def]
    return " ".join(BeautifulSoup(render_html(view), "lxml").get_text(" ").split())


def test_no_findings_say_so_without_a_count_of_zero() -> None:
    prof = family_profile("US-CA", "Superior Court of California")
    text = _text(build_view(result_from(prof, []), profile=prof))
    assert "The 0 most urgent" not in text and "most urgent actions" not in text
    assert "No confirmed finding needs action." in text


def test_one_urgent_action_is_singular() -> None:
    prof = family_profile("US-CA", "Superior Court of California")
    exps = [Exposure("judge", C.HOME_ADDRESS, SPOKEO, "1180 Hidden Oak Lane, Springfield", 0.9,
                     "home", source="people-search")]
    text = _text(build_view(result_from(prof, exps), profile=prof))
    assert "The most urgent action " in text and "The 1 most urgent" not in text


def test_nothing_found_while_sources_failed_is_not_clean() -> None:
    prof = family_profile("US-CA", "Superior Court of California")
    skipped = [Skipped("https://www.spokeo.com/search?q=Amy+Doe", "blocked: HTTP 403", "brokers",
                       "kid"),
               Skipped("web search", "search engine unreachable", "web", None)]
    view = build_view(result_from(prof, [], skipped=skipped), profile=prof)
    text = _text(view)
    assert "Nothing found." not in text, "a person whose sources failed is not 'nothing found'"
    assert text.count("could not be checked (see the appendix)") == 2  # judge and child
    assert "No confirmed finding needs action on the sources that could be checked" in text
    assert "nothing found on the sources checked" in text  # the map's legend
    assert any("could not be checked" in line for line in summary_lines(view))
    # the child's own failure counts for the child, the search engine's for everyone
    assert len(view.skipped_for("kid")) == 2 and len(view.skipped_for("judge")) == 1


def test_no_action_needed_never_lists_a_site_to_act_on() -> None:
    """A mention on Spokeo belongs to the Spokeo opt-out; listing spokeo.com under "No action
    needed" beside the critical Spokeo action told the reader two opposite things."""
    prof = family_profile("US-CA", "Superior Court of California")
    exps = [Exposure("judge", C.HOME_ADDRESS, SPOKEO, "1180 Hidden Oak Lane, Springfield", 0.9,
                     "home", source="people-search"),
            Exposure("judge", C.MENTION, SPOKEO + "/2", "Jane Doe", 0.9, "name",
                     source="people-search"),
            Exposure("judge", C.MENTION, "https://news.example.com/a", "Jane Doe", 0.9, "name",
                     source="news")]
    view = build_view(result_from(prof, exps), profile=prof)
    acting = {g.key for g in view.groups if not g.no_action}
    idle = {g.key for g in view.groups if g.no_action}
    assert "Spokeo" in acting and idle == {"news.example.com"}
    spokeo = next(g for g in view.groups if g.key == "Spokeo")
    assert len(spokeo.findings) == 2
    text = _text(view)
    assert "No action needed news.example.com (1 mention)" in text
    assert "spokeo.com (1 mention)" not in text


def test_masked_letters_name_the_company_and_the_role() -> None:
    prof = family_profile("US-CA", "Superior Court of California")
    exps = [Exposure("judge", C.HOME_ADDRESS, SPOKEO, "1180 Hidden Oak Lane, Springfield", 0.9,
                     "home", source="people-search"),
            Exposure("kid", C.SCHOOL, "https://oakmont.example.org/news", "Oakmont Elementary School",
                     0.8, "school", "Amy Doe, grade 3, Oakmont Elementary School", source="school")]
    masked = build_view(result_from(prof, exps), profile=prof)
    titles = [x.title for x in masked.letters]
    assert any(t.startswith("To Spokeo") for t in titles), titles
    assert any(t.startswith("To Minor child's school (o******.example.org)") for t in titles)
    assert "Oakmont" not in " ".join(x.text for x in masked.letters)
    school_masked = next(x for x in masked.letters if x.title.startswith("To Minor"))
    assert "To: Minor child's school (o******.example.org)\n" in school_masked.text, \
        "the site is not repeated after the role that names it"
    full = build_view(result_from(prof, exps), profile=prof, full=True)
    school = next(x for x in full.letters if "oakmont" in x.group)
    assert "Oakmont Elementary School" in school.text and "Jane Quinn Doe" in school.text
