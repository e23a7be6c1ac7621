"""The California data-broker registry as remediation entries (read from the registry's file,
updatable with `footprint brokers update FILE`), and a California family's remediation starting
with DROP and saying what DROP does not cover."""

from __future__ import annotations

import csv
import json
import stat
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from footprint import remediation
from footprint.cli import main
from footprint.cli_brokers import brokers_app
from footprint.model import (
    AuditResult,
    Category,
    Exposure,
    Finding,
    PersonStatus,
    Severity,
    SourceKind,
)
from footprint.profile import Profile, profile_from_dict
from probes.catalog.registry import (
    RegistryError,
    load_registry,
    read_registry_csv,
    stored_file,
    update_registry,
)

EXCERPT = Path(__file__).parent / "fixtures" / "ca-registry" / "markup-excerpt.csv"
DROP = "California's Delete Request and Opt-out Platform (DROP)"


# --- reading the registry's files ---------------------------------------------------------------


def test_the_markups_extract_is_read_as_it_is() -> None:
    reg = read_registry_csv(EXCERPT, as_of="2025-08-11")
    assert len(reg.entries) == 60 and reg.as_of == "2025-08-11"
    fps = reg.for_url("https://www.fastpeoplesearch.com/name/x_santa-rosa-ca")
    assert fps is not None and fps.name == "Mississippi Tornado Alley LLC"
    assert fps.deletion_url == "https://www.fastpeoplesearch.com/privacy"
    assert reg.for_url("https://checksecrets.com/p/1").name == "Truth Now LLC"  # type: ignore[union-attr]
    assert reg.for_url("https://example.org/") is None
    # the file says nothing about people search: unknown until the catalog says
    assert fps.people_search is None and fps.people_search_from == ""


def _cppa_like(tmp_path: Path, rows: int = 60, people: bool = True) -> Path:
    """A file with the registry's own column labels (as the CPPA export and its republished
    copies keep them), a title line above the header, and a people-search column."""
    path = tmp_path / "ca_data_broker_registry_2026-09-01.csv"
    header = ["Data broker name:", "Doing Business As (DBA), if applicable:",
              "Data broker primary website:", "Data broker primary contact email address:",
              "Website URL that details how consumers may exercise their CCPA rights, including "
              "the right to delete:"]
    if people:
        header.append("Does the data broker operate a people search website? (Yes/No)")
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["California Data Broker Registry export"])
        w.writerow(header)
        for i in range(rows):
            row = [f"Broker {i} LLC", "", f"www.broker{i}.example", f"privacy@broker{i}.example",
                   f"https://broker{i}.example/delete"]
            if people:
                row.append("Yes" if i % 2 else "No")
            w.writerow(row)
        w.writerow(["", "", "", "", ""])  # a blank row at the end, as spreadsheets write
    return path


def test_the_registrys_own_labels_are_read(tmp_path: Path) -> None:
    reg = read_registry_csv(_cppa_like(tmp_path))
    assert len(reg.entries) == 60 and reg.as_of == "2026-09-01"  # the date in the file name
    e = reg.entries[1]
    assert (e.name, e.domain, e.website, e.deletion_url) == (
        "Broker 1 LLC", "broker1.example", "https://www.broker1.example",
        "https://broker1.example/delete")
    assert (e.people_search, e.people_search_from) == (True, "registry")
    assert reg.entries[0].people_search is False


@pytest.mark.parametrize(("content", "fragment"), [
    ("a,b,c\n1,2,3\n", "not a data-broker registry file"),
    ("company_name,phone\nAcme,555\n", "no column for the broker's website"),
])
def test_files_that_are_not_the_registry_are_refused_in_one_line(
    tmp_path: Path, content: str, fragment: str
) -> None:
    f = tmp_path / "x.csv"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(RegistryError) as e:
        read_registry_csv(f)
    assert str(e.value).startswith(f"{f}: ") and fragment in str(e.value)
    assert "Acme" not in str(e.value)  # never a value from the file


def test_a_truncated_registry_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="only 10 registry rows"):
        read_registry_csv(_cppa_like(tmp_path, rows=10))
    with pytest.raises(RegistryError, match="file not found"):
        read_registry_csv(tmp_path / "absent.csv")


# --- the entries footprint uses -----------------------------------------------------------------


def test_the_built_in_extract_and_the_catalog_say_who_holds_people_search_data() -> None:
    reg = load_registry(None)
    assert len(reg.entries) >= 450 and reg.as_of == "2025-08-11"
    by_domain = {e.domain: e for e in reg.entries}
    for domain in ("fastpeoplesearch.com", "truepeoplesearch.com", "spyfly.com",
                   "privaterecords.net", "unmask.com", "peoplewhiz.com"):
        assert by_domain[domain].people_search is True
        assert by_domain[domain].people_search_from == "catalog"
    assert by_domain["explorium.ai"].people_search is None  # a marketing broker: nothing says
    assert all(e.deletion_url is None or e.deletion_url.startswith("http") for e in reg.entries)


def test_update_stores_the_registry_privately_and_audits_use_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    reg, path = update_registry(_cppa_like(tmp_path), data)
    assert path == stored_file(data)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert load_registry(data).entries == reg.entries
    assert load_registry(data).for_url("https://broker3.example/x").people_search is True  # type: ignore[union-attr]
    # a bad file leaves the stored one in place
    bad = tmp_path / "bad.csv"
    bad.write_text("nothing,here\n", encoding="utf-8")
    with pytest.raises(RegistryError):
        update_registry(bad, data)
    assert len(load_registry(data).entries) == 60


def test_cli_brokers_update_and_list(tmp_path: Path, footprint_home: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(brokers_app, ["update", str(EXCERPT), "--as-of", "2025-08-11"],
                        env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "Stored 60 registered brokers (as of 2025-08-11)" in " ".join(res.output.split())
    assert json.loads(stored_file(footprint_home).read_text("utf-8"))["as_of"] == "2025-08-11"
    res = runner.invoke(brokers_app, ["list", "--country", "US"], env={"COLUMNS": "300"})
    assert res.exit_code == 0, res.output
    text = " ".join(res.output.split())
    assert "PeopleWhiz" in text and "not verified live; facts checked on" in text
    assert "0 of" in text and "sites verified live" in text
    assert "California registry: 60 registered brokers" in text
    # through the real entry point: a bad file is one line and exit code 2
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n", encoding="utf-8")
    assert main(["brokers", "update", str(bad)]) == 2
    assert main(["brokers", "update", str(EXCERPT), "--as-of", "soon"]) == 2
    # purge --all deletes the loaded registry with everything else footprint made
    assert main(["purge", "--all", "--yes"]) == 0
    assert not (footprint_home / "brokers").exists()
    assert list(footprint_home.iterdir()) == []


# --- a California family's remediation starts with DROP ------------------------------------------


def profile(jurisdiction: str = "US-CA", region: str = "CA", city: str = "Santa Rosa") -> Profile:
    return profile_from_dict({
        "audit": {"jurisdiction": jurisdiction},
        "consent": {"authorized_by": "Hon. Test", "authorized_on": "2026-11-20",
                    "purpose": "self-audit", "statement": "I authorize this test audit of mine."},
        "subject": {"id": "judge", "name": "Jane Quinn Doe", "court": "Superior Court",
                    "addresses": [{"label": "home", "street": "1180 Hidden Oak Lane",
                                   "city": city, "region": region}]},
        "probes": {"enabled": ["brokers"]},
    }, Path("/nonexistent/profile.toml"))


def exposure(url: str, source: str = SourceKind.PEOPLE_SEARCH.value,
             cat: Category = Category.HOME_ADDRESS) -> Exposure:
    return Exposure(person="judge", category=cat, url=url, value="v", confidence=0.9,
                    source=source)


def test_drop_applies_where_the_family_lives() -> None:
    assert [b.id for b in remediation.bulk_requests(profile())] == ["ca-drop"]
    # a judge of a Nevada court who lives in California
    assert [b.id for b in remediation.bulk_requests(profile("US-NV"))] == ["ca-drop"]
    assert remediation.bulk_requests(profile("US-NJ", "NJ", "Trenton")) == ()
    (drop,) = remediation.bulk_requests(profile())
    assert drop.url == "https://consumer.drop.privacy.ca.gov"
    assert drop.not_covered[0].startswith("public records: county property and assessor records")
    assert "1 August 2026" in drop.when and "45 days" in drop.when
    assert "files for themselves" in drop.who


def test_a_registered_brokers_site_names_its_registrant_and_drop() -> None:
    rem = remediation.for_exposure(exposure("https://www.fastpeoplesearch.com/address/x"),
                                   profile())
    assert rem.group == "PeopleFinders"  # the catalog's parent company
    assert any("Mississippi Tornado Alley LLC is a registered California data broker: the DROP "
               "request (first step of this report) reaches it; its own deletion page: "
               "https://www.fastpeoplesearch.com/privacy." == s for s in rem.steps)
    elsewhere = remediation.for_exposure(exposure("https://www.fastpeoplesearch.com/address/x"),
                                         profile("US-NJ", "NJ", "Trenton"))
    assert not any("DROP" in s for s in elsewhere.steps)


def test_a_site_only_the_registry_knows_gets_the_registrants_deletion_page() -> None:
    rem = remediation.for_exposure(exposure("https://www.checksecrets.com/p/jane-doe",
                                            SourceKind.WEB.value), profile())
    assert rem.group == "Truth Now LLC"
    assert rem.opt_out_url == "https://www.checksecrets.com/optOut/name/landing"
    assert "registered California data broker" in rem.action
    # a news site is not a broker, whatever its host
    news = remediation.for_exposure(exposure("https://news.example.org/a",
                                             SourceKind.NEWS.value), profile())
    assert "registered" not in news.action


def _result(jurisdiction: str, urls: list[tuple[str, str]], prof: Profile) -> AuditResult:
    findings = []
    for i, (url, source) in enumerate(urls):
        e = exposure(url, source)
        findings.append(Finding(
            id=f"f{i}", person="judge", category=Category.HOME_ADDRESS,
            severity=Severity.CRITICAL, confidence=0.9, url=url, source=source, probe="brokers",
            identifier="home", evidence="1180 H****** Oak Ln", rationale="home address",
            remediation=remediation.for_exposure(e, prof), possible_match=False,
        ))
    return AuditResult(
        id="20261203-000000-abcdef", profile_id="judge", started="2026-12-03T00:00:00Z",
        finished="2026-12-03T00:01:00Z", purpose="self-audit", training=False,
        jurisdiction=jurisdiction, language="en", threshold=0.5, probes=("brokers",),
        web_archive=None,
        people=(PersonStatus(id="judge", relation="self", audited=True, reason="",
                             display_name="J*** D**", minor=False),),
        findings=tuple(findings), skipped=(), queries=1, pages=1,
    )


def _write(tmp_path: Path, result: AuditResult, prof: Profile) -> tuple[str, dict[str, Any]]:
    from reports import write_reports

    write_reports(result, tmp_path / "out", ["html", "json"], profile=prof)
    html = unescape((tmp_path / "out" / "report.html").read_text("utf-8"))
    data = json.loads((tmp_path / "out" / "findings.json").read_text("utf-8"))
    return html, data


def test_a_california_report_starts_with_drop_and_says_what_it_does_not_cover(
    tmp_path: Path,
) -> None:
    prof = profile()
    result = _result("US-CA", [
        ("https://www.fastpeoplesearch.com/address/x", SourceKind.PEOPLE_SEARCH.value),
        ("https://www.clustal.org/people/x", SourceKind.PEOPLE_SEARCH.value),
        ("https://sonoma-assessor.example.gov/parcel/1", SourceKind.PUBLIC_RECORD.value),
    ], prof)
    html, data = _write(tmp_path, result, prof)
    first = html.index(f"First: {DROP}")
    assert first < html.index("most urgent action")
    # in the checklist, DROP comes before every site's action
    checklist = html.index("Remediation checklist")
    assert checklist < html.index('id="first-ca-drop"') < html.index('id="act-', checklist)
    assert "It does not reach:" in html and "county property and assessor records" in html
    (step,) = data["first_steps"]
    assert step["id"] == "ca-drop" and step["url"] == "https://consumer.drop.privacy.ca.gov"
    assert step["registered_brokers_reached"] == ["Mississippi Tornado Alley LLC"]
    assert "Clustal" in step["groups_not_reached"]
    assert any(x.startswith("public records") for x in step["not_covered"])


def test_no_drop_for_a_family_elsewhere(tmp_path: Path) -> None:
    prof = profile("US-NJ", "NJ", "Trenton")
    result = _result("US-NJ", [("https://www.fastpeoplesearch.com/address/x",
                                SourceKind.PEOPLE_SEARCH.value)], prof)
    html, data = _write(tmp_path, result, prof)
    assert "DROP" not in html and data["first_steps"] == []
