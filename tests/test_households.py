"""Household identity: two families in one data folder never see each other's data in any
output of any command (audit, report, audits, triage, resume), even when both profiles say
`id = "judge"` as the example does; the same family with an edited profile keeps its history;
a key copied into another judge's profile is refused; stores from before households migrate."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from footprint.engine import Auditor, WebAccess
from footprint.errors import FootprintError, ProfileError
from footprint.household import resolve
from footprint.profile import load_profile
from footprint.store import MIGRATIONS, open_store
from tests.conftest import FakeAnalyzer, FakeFetcher, FakeProbe, FakeSearch, run_cli
from tests.warcutil import HTML, write_warc

HEAD = """
[audit]
jurisdiction = "US-CA"
{extra}

[consent]
authorized_by = "Hon. {name}"
authorized_on = 2026-11-20
purpose = "self-audit"
statement = "I authorize a search of public sources for my own information."

[subject]
id = "judge"
name = "{name}"
aliases = [{aliases}]
city = "{city}"
phones = ["{phone}"]

[probes]
enabled = ["web"]
"""

ANN = {"name": "Ann Example", "city": "Springfield", "phone": "+1 707 555 0100"}
BEA = {"name": "Bea Sample", "city": "Shelbyville", "phone": "+1 707 555 0199"}

PAGES = {
    "https://people.example.com/ann-example": "<h1>Ann Example</h1><p>Ann Example, 52, of Springfield. "
                                              "Phone (707) 555-0100. Email ann.example@example.com</p>",
    "https://news.example.org/springfield-court": "<p>Judge Ann Example of Springfield spoke; reach her "
                                                  "office at 707-555-0100.</p>",
    "https://people.example.com/bea-sample": "<h1>Bea Sample</h1><p>Bea Sample, 61, of Shelbyville. "
                                             "Phone (707) 555-0199.</p>",
}
ANN_ONLY = ("ann-example", "springfield-court", "555-0100", "5550100", "Ann Example")


def profile_text(who: dict[str, str], extra: str = "", aliases: str = "") -> str:
    return HEAD.format(extra=extra, aliases=aliases, **who)


@pytest.fixture
def warc(tmp_path: Path) -> Path:
    return write_warc(tmp_path / "web.warc.gz", [(u, 200, HTML, f"<html><body>{b}</body></html>")
                                                 for u, b in PAGES.items()])


def audit(prof: Path, warc: Path, out: Path, home: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    r = run_cli(["audit", str(prof), "--web-archive", str(warc), "--out", str(out),
                 "--format", "html,json,csv", *extra], home)
    assert r.returncode == 0, r.stderr
    return json.loads((out / "findings.json").read_text())


def outputs(out: Path) -> str:
    return "\n".join((out / n).read_text() for n in ("report.html", "findings.json", "findings.csv"))


def test_two_households_in_one_data_folder_never_see_each_other(tmp_path: Path, warc: Path,
                                                                 footprint_home: Path) -> None:
    ann, bea = tmp_path / "ann.toml", tmp_path / "bea.toml"
    ann.write_text(profile_text(ANN))
    bea.write_text(profile_text(BEA))

    a1 = audit(ann, warc, tmp_path / "a1", footprint_home)
    assert a1["findings"], "the fixture archive gave the first family no finding"
    b1 = audit(bea, warc, tmp_path / "b1", footprint_home)
    # The second family's first audit: nothing of the first family is "gone", "still present"
    # or compared with at all, though both profiles say id = "judge".
    assert b1["audit"]["household"] != a1["audit"]["household"]
    assert b1["audit"]["previous_audit"] is None and b1["gone"] == []
    assert {f["status"] for f in b1["findings"]} <= {"new"}
    text = outputs(tmp_path / "b1")
    assert "no longer found" not in text
    assert not [s for s in ANN_ONLY if s in text]

    a2 = audit(ann, warc, tmp_path / "a2", footprint_home)
    assert a2["audit"]["previous_audit"] == a1["audit"]["id"]
    assert {f["status"] for f in a2["findings"]} == {"still present"} and a2["gone"] == []

    # audits: one section per household, each listing only its own audits
    listed = run_cli(["audits"], footprint_home).stdout
    sections = {blk.split()[0]: blk for blk in listed.split("Household ")[1:]}
    assert set(sections) == {a1["audit"]["household"], b1["audit"]["household"]}
    assert a1["audit"]["id"] in sections[a1["audit"]["household"]]
    assert b1["audit"]["id"] in sections[b1["audit"]["household"]]
    assert b1["audit"]["id"] not in sections[a1["audit"]["household"]]

    # triage: the first family's label stays in its household
    fid = a2["findings"][0]["id"]
    assert run_cli(["triage", fid, "not-me"], footprint_home).returncode == 0
    for audit_id, out in ((b1["audit"]["id"], tmp_path / "rb"), (a2["audit"]["id"], tmp_path / "ra")):
        r = run_cli(["report", audit_id, "--out", str(out), "--format", "html,json,csv"], footprint_home)
        assert r.returncode == 0, r.stderr
    rb = json.loads((tmp_path / "rb" / "findings.json").read_text())
    assert all(f["triage"] is None for f in rb["findings"]) and rb["gone"] == []
    assert not [s for s in ANN_ONLY if s in outputs(tmp_path / "rb")]
    ra = json.loads((tmp_path / "ra" / "findings.json").read_text())
    assert {f["id"]: f["triage"] for f in ra["findings"]}[fid] == "not me"
    assert ra["audit"]["previous_audit"] == a1["audit"]["id"]

    # resume: no stopped audit of the second family, though the first family has audits
    r = run_cli(["audit", str(bea), "--web-archive", str(warc), "--resume"], footprint_home)
    assert r.returncode == 2 and "no interrupted audit" in r.stderr  # bad input: nothing to resume


def test_same_names_other_household_share_finding_ids_but_nothing_else(tmp_path: Path, warc: Path,
                                                                        footprint_home: Path) -> None:
    """Two households whose judges carry the same name (two profiles, one declared another
    household): the same pages give the same finding ids, yet labels, history and "gone" stay
    apart, and `triage` asks which audit is meant."""
    ann = tmp_path / "ann.toml"
    ann.write_text(profile_text(ANN))
    namesake = tmp_path / "namesake.toml"
    namesake.write_text(profile_text(ANN, extra='household = "court-7-judge-31"'))
    a1 = audit(ann, warc, tmp_path / "a1", footprint_home)
    n1 = audit(namesake, warc, tmp_path / "n1", footprint_home)
    assert n1["audit"]["household"] == "court-7-judge-31"
    shared = sorted({f["id"] for f in a1["findings"]} & {f["id"] for f in n1["findings"]})
    assert shared and n1["audit"]["previous_audit"] is None
    assert {f["status"] for f in n1["findings"]} == {"new"}

    r = run_cli(["triage", shared[0], "not-me"], footprint_home)
    assert r.returncode == 2 and "2 households" in r.stderr and "--audit" in r.stderr
    r = run_cli(["triage", shared[0], "not-me", "--audit", a1["audit"]["id"]], footprint_home)
    assert r.returncode == 0, r.stderr
    n2 = audit(namesake, warc, tmp_path / "n2", footprint_home)
    a2 = audit(ann, warc, tmp_path / "a2", footprint_home)
    assert {f["id"]: f["triage"] for f in a2["findings"]}[shared[0]] == "not me"
    assert all(f["triage"] is None for f in n2["findings"])
    assert n2["audit"]["previous_audit"] == n1["audit"]["id"]
    assert a2["audit"]["previous_audit"] == a1["audit"]["id"]


def test_an_edited_profile_keeps_its_history(tmp_path: Path, warc: Path, footprint_home: Path) -> None:
    ann = tmp_path / "ann.toml"
    ann.write_text(profile_text(ANN))
    a1 = audit(ann, warc, tmp_path / "a1", footprint_home)
    fid = a1["findings"][0]["id"]
    assert run_cli(["triage", fid, "confirmed"], footprint_home).returncode == 0
    # the family's profile changes: a new e-mail, another threshold, the judge's name with an
    # addition (the former name kept as an alias)
    ann.write_text(profile_text({**ANN, "name": "Ann Example-Miller"}, extra="threshold = 0.45",
                                aliases='"Ann Example"').replace(
        'phones = ["+1 707 555 0100"]', 'phones = ["+1 707 555 0100"]\nemails = ["ann.example@example.com"]'))
    a2 = audit(ann, warc, tmp_path / "a2", footprint_home)
    assert a2["audit"]["household"] == a1["audit"]["household"]
    assert a2["audit"]["previous_audit"] == a1["audit"]["id"]
    assert {f["id"]: f["triage"] for f in a2["findings"]}[fid] == "confirmed"
    assert {f["id"]: f["status"] for f in a2["findings"]}[fid] == "still present"

    # the same file rewritten for another judge is another household, and says so
    ann.write_text(profile_text(BEA))
    r = run_cli(["audit", str(ann), "--web-archive", str(warc), "--out", str(tmp_path / "b"),
                 "--format", "json"], footprint_home)
    assert r.returncode == 0, r.stderr
    assert "now names another judge" in r.stdout
    b = json.loads((tmp_path / "b" / "findings.json").read_text())
    assert b["audit"]["household"] != a1["audit"]["household"] and b["gone"] == []


def test_a_moved_profile_keeps_its_history_with_its_key(tmp_path: Path, warc: Path,
                                                        footprint_home: Path) -> None:
    first = tmp_path / "first.toml"
    first.write_text(profile_text(ANN))
    r = run_cli(["audit", str(first), "--web-archive", str(warc), "--out", str(tmp_path / "a1"),
                 "--format", "json"], footprint_home)
    assert r.returncode == 0, r.stderr
    a1 = json.loads((tmp_path / "a1" / "findings.json").read_text())
    key = a1["audit"]["household"]
    assert f'household = "{key}"' in " ".join(r.stdout.split())  # the user is told how to keep it
    assert key in run_cli(["check", str(first)], footprint_home).stdout
    moved = tmp_path / "elsewhere" / "ann.toml"
    moved.parent.mkdir()
    moved.write_text(profile_text(ANN, extra=f'household = "{key}"'))
    a2 = audit(moved, warc, tmp_path / "a2", footprint_home)
    assert a2["audit"]["household"] == key and a2["audit"]["previous_audit"] == a1["audit"]["id"]


def test_a_key_copied_into_another_judges_profile_is_refused(tmp_path: Path, warc: Path,
                                                             footprint_home: Path) -> None:
    ann = tmp_path / "ann.toml"
    ann.write_text(profile_text(ANN, extra='household = "office-ann-0001"'))
    audit(ann, warc, tmp_path / "a1", footprint_home)
    copy = tmp_path / "bea.toml"
    copy.write_text(profile_text(BEA, extra='household = "office-ann-0001"'))
    r = run_cli(["audit", str(copy), "--web-archive", str(warc), "--out", str(tmp_path / "b")], footprint_home)
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "audit.household" in r.stderr
    assert "Bea" not in r.stderr and "Ann" not in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "b" / "findings.json").exists()
    bad = tmp_path / "bad.toml"
    bad.write_text(profile_text(BEA, extra='household = "x"'))
    r = run_cli(["check", str(bad)], footprint_home)
    assert r.returncode == 2 and "audit.household" in r.stderr and "8 to 64" in r.stderr


def test_resume_only_continues_the_same_households_audit(tmp_path: Path) -> None:
    """The engine: a stopped audit of one family is not what another family's --resume
    continues, though both profiles have the same display id."""
    home = tmp_path / "home"
    (tmp_path / "a.toml").write_text(profile_text(ANN).replace('enabled = ["web"]', 'enabled = ["fake"]'))
    (tmp_path / "b.toml").write_text(profile_text(BEA).replace('enabled = ["web"]', 'enabled = ["fake"]'))
    pa, pb = load_profile(tmp_path / "a.toml"), load_profile(tmp_path / "b.toml")
    pages = {"https://x.example/1": "judge|phone|+17075550100|0.9"}

    class Stop(FakeFetcher):
        def fetch(self, url: str):  # type: ignore[no-untyped-def]
            raise KeyboardInterrupt

    def auditor(profile, fetcher):  # type: ignore[no-untyped-def]
        return Auditor(profile, WebAccess(fetcher=fetcher, search=FakeSearch({"judge": list(pages)})),
                       open_store(home), probe_classes={"fake": FakeProbe}, analyzer=FakeAnalyzer())

    with pytest.raises(KeyboardInterrupt):
        auditor(pa, Stop(pages)).run()
    with pytest.raises(FootprintError, match="no interrupted audit"):
        auditor(pb, FakeFetcher(pages)).run(resume=True)
    b = auditor(pb, FakeFetcher(pages)).run()
    a = auditor(pa, FakeFetcher(pages)).run(resume=True)
    assert a.household != b.household and a.id != b.id
    assert b.previous_audit is None and a.previous_audit is None


def _store_at(home: Path, upto: int) -> None:
    import footprint.store as st

    saved = st.MIGRATIONS
    st.MIGRATIONS = saved[:upto]
    try:
        st.open_store(home).close()
    finally:
        st.MIGRATIONS = saved


def test_a_store_from_before_households_is_migrated(tmp_path: Path) -> None:
    """Migration 0004: audits of two families that both said id = "judge" become two households
    (one per exact profile content); each triage label goes with its family's findings; an
    unchanged profile takes its legacy household back, a changed one starts a new history."""
    home = tmp_path / "home"
    names = [m[0] for m in MIGRATIONS]
    _store_at(home, names.index("0004_households"))
    con = sqlite3.connect(home / "footprint.sqlite3")
    ann = tmp_path / "ann.toml"
    ann.write_text(profile_text(ANN))
    import hashlib

    ann_hash = hashlib.sha256(ann.read_bytes()).hexdigest()
    for aid, phash, started in (("a-old", ann_hash, "2026-01-01T00:00:00Z"),
                                ("b-old", "f" * 64, "2026-02-01T00:00:00Z")):
        con.execute("INSERT INTO audits (id, profile_id, profile_hash, purpose, started, status, probes, people)"
                    " VALUES (?, 'judge', ?, 'self-audit', ?, 'finished', '[]', '[]')", (aid, phash, started))
    for aid, fid in (("a-old", "aaaa0000aaaa0000"), ("b-old", "bbbb0000bbbb0000")):
        con.execute("INSERT INTO findings (audit_id, id, person, category, severity, confidence, url, source,"
                    " probe, evidence, rationale, remediation, possible_match, rules, fingerprint, status)"
                    " VALUES (?, ?, 'judge', 'phone', 'high', 0.9, 'https://x.example/', 'web', 'web', 'e', 'r',"
                    " '{}', 0, '[]', 'fp', 'new')", (aid, fid))
        con.execute("INSERT INTO triage VALUES ('judge', ?, 'not me', 'now')", (fid,))
    con.commit()
    con.close()

    with open_store(home) as store:
        assert store.migrations() == names
        a_old, b_old = store.audit("a-old"), store.audit("b-old")
        assert a_old is not None and b_old is not None and a_old.household != b_old.household
        assert store.triage(a_old.household) == {"aaaa0000aaaa0000": "not me"}
        assert store.triage(b_old.household) == {"bbbb0000bbbb0000": "not me"}
        h = resolve(load_profile(ann), store, ann_hash, "2026-03-01T00:00:00Z")
        assert (h.key, h.source) == (a_old.household, "legacy")
        assert store.previous_finished(h.key, "new-audit") == store.audit("a-old")
        other = tmp_path / "other.toml"
        other.write_text(profile_text(BEA))
        h2 = resolve(load_profile(other), store, "0" * 64, "2026-03-01T00:00:00Z")
        assert h2.source == "new" and h2.key not in (a_old.household, b_old.household)
        # the legacy household now knows its judge: another judge's profile may not claim it
        claim = tmp_path / "claim.toml"
        claim.write_text(profile_text(BEA, extra=f'household = "{a_old.household}"'))
        with pytest.raises(ProfileError, match="another judge"):
            resolve(load_profile(claim), store, "1" * 64, "2026-03-01T00:00:00Z")
