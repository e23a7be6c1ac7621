"""Removals tracked to the end: each state — requested, confirmed, verified removed, overdue,
gone by itself, re-listed — arises from web archives that change between three audits of one
household, through the CLI (`footprint removal`, `removals`, `due`, `diff`) and in the reports.
Plus the rules of `removals.evaluate` (a site not checked verifies nothing, a request on an
audit's day comes after it…), case by case."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from footprint import removals
from footprint.removals import Event, Snapshot, evaluate
from tests.conftest import run_cli
from tests.test_households import ANN, BEA, profile_text
from tests.warcutil import HTML, write_warc

LISTING = ("<html><body><h1>Ann Example</h1><p>Ann Example, 52, of Springfield. "
           "Phone (707) 555-0100.</p></body></html>")
SITES = "abcd"


def url(site: str) -> str:
    return f"https://people-{site}.example.com/ann-example"


def archive(path: Path, present: str) -> Path:
    return write_warc(path, [(url(s), 200, HTML, LISTING) for s in present])


def audit(home: Path, prof: Path, warc: Path, out: Path) -> dict:  # type: ignore[type-arg]
    r = run_cli(["audit", str(prof), "--web-archive", str(warc), "--out", str(out),
                 "--format", "html,json,csv"], home)
    assert r.returncode == 0, r.stderr
    return json.loads((out / "findings.json").read_text())


def by_site(data: dict) -> dict[str, dict]:  # type: ignore[type-arg]
    """site letter → its action entry in findings.json."""
    ids = {f["url"].split("//people-")[1][0]: f["action_id"] for f in data["findings"]
           if "//people-" in f["url"] and f["action_id"]}
    acts = {a["id"]: a for a in data["actions"]}
    return {s: acts[i] for s, i in ids.items()}


def record(home: Path, action: str, *args: str) -> str:
    r = run_cli(["removal", action, *args], home)
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.mark.slow
def test_removal_states_arise_from_changing_archives(tmp_path: Path, footprint_home: Path) -> None:
    home = footprint_home
    prof = tmp_path / "ann.toml"
    prof.write_text(profile_text(ANN))
    long_ago = (dt.date.today() - dt.timedelta(days=800)).isoformat()
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()

    a1 = audit(home, prof, archive(tmp_path / "v1.warc.gz", "abcd"), tmp_path / "r1")
    acts = by_site(a1)
    assert set(acts) == set(SITES), acts
    assert {a["state"] for a in acts.values()} == {"open"}
    ids = {s: a["id"] for s, a in acts.items()}
    assert len(set(ids.values())) == 4 and all(i.startswith("act-") for i in ids.values())

    # the officer records requests: a and b long ago (past any re-check interval), d yesterday
    said = record(home, ids["a"], "requested", "--on", long_ago, "--channel", "web-form",
                  "--ref", "ticket 707-555-0100 for Ann Example")
    assert "removal requested" in said and "555-0100" not in said and "Example" not in said
    record(home, ids["b"], "requested", "--on", long_ago, "--channel", "email")
    record(home, ids["d"], "requested", "--on", yesterday, "--channel", "letter",
           "--note", "sent to Ann Example's old address")

    # audit 2: a and c gone, b and d still there
    a2 = audit(home, prof, archive(tmp_path / "v2.warc.gz", "bd"), tmp_path / "r2")
    acts2 = {a["id"]: a for a in a2["actions"]}
    st = {s: acts2[i] for s, i in ids.items()}
    assert st["a"]["state"] == "removed" and st["a"]["verified_audit"] == a2["audit"]["id"]
    assert st["a"]["verified_on"] == a2["audit"]["started"][:10]
    assert st["b"]["state"] == "overdue" and st["b"]["found"] >= 1
    assert st["c"]["state"] == "gone"  # nobody asked: it went by itself
    assert st["d"]["state"] == "requested" and st["d"]["due"] > dt.date.today().isoformat()
    assert st["d"]["notes"] == [{"on": yesterday, "note": "sent to A** E******'s old address"}]
    assert a2["alerts"]["overdue_actions"] == [ids["b"]]
    # masked: the reference and the note are in the plain file only masked
    text2 = (tmp_path / "r2" / "findings.json").read_text() + (tmp_path / "r2" / "report.html").read_text()
    assert "555-0100" not in text2 and "Ann Example" not in text2
    assert "Removals tracked" in (tmp_path / "r2" / "report.html").read_text()

    record(home, ids["d"], "confirmed")

    # audit 3: a and c are back
    a3 = audit(home, prof, archive(tmp_path / "v3.warc.gz", "abcd"), tmp_path / "r3")
    st3 = {s: {a["id"]: a for a in a3["actions"]}[i] for s, i in ids.items()}
    assert st3["a"]["state"] == "re-listed" and st3["a"]["relisted_audit"] == a3["audit"]["id"]
    assert st3["a"]["requested_on"] == long_ago and st3["a"]["verified_audit"] == a2["audit"]["id"]
    assert st3["c"]["state"] == "re-listed"
    assert st3["d"]["state"] == "confirmed" and st3["d"]["confirmed_on"] == dt.date.today().isoformat()
    assert st3["b"]["state"] == "overdue"
    relisted = {f["url"].split("//people-")[1][0] for f in a3["findings"] if f["status"] == "re-listed"}
    assert relisted == {"a", "c"}
    assert set(a3["alerts"]["relisted_actions"]) == {ids["a"], ids["c"]}
    html = (tmp_path / "r3" / "report.html").read_text()
    assert "RE-LISTED" in html and html.index("RE-LISTED") < html.index("Summary")
    assert "re-listed" in (tmp_path / "r3" / "findings.csv").read_text()

    # the report written again later says the same
    r = run_cli(["report", a2["audit"]["id"], "--out", str(tmp_path / "again2")], home)
    assert r.returncode == 0, r.stderr
    again = json.loads((tmp_path / "again2" / "findings.json").read_text())
    assert {a["id"]: a["state"] for a in again["actions"]} == {i: a["state"] for i, a in acts2.items()}

    # footprint due: overdue and re-listed make it exit 4, for cron
    r = run_cli(["due", "--json"], home)
    assert r.returncode == 4, r.stderr
    assert "overdue or re-listed" in r.stderr
    rows = json.loads(r.stdout)["due"]
    assert {x["action"]: x["state"] for x in rows if x["state"] in ("overdue", "re-listed")} == {
        ids["a"]: "re-listed", ids["b"]: "overdue", ids["c"]: "re-listed"}
    assert "555-0100" not in r.stdout and "Ann Example" not in r.stdout
    listed = run_cli(["removals"], home)
    assert listed.returncode == 0 and ids["d"] in listed.stdout and "confirmed" in listed.stdout
    assert "555-0100" not in listed.stdout and "Ann Example" not in listed.stdout

    # diff: the two audits of one household; a and c came back
    r = run_cli(["diff", a2["audit"]["id"], a3["audit"]["id"], "--json"], home)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    back = [f for f in a3["findings"] if f["url"].split("//people-")[-1][0] in "ac" and f["counted"]]
    assert {x["status"] for x in d["new"]} == {"re-listed"} and len(d["new"]) == len(back) >= 2
    assert {m["id"]: m["now"] for m in d["actions"]}[ids["a"]] == "re-listed"
    assert "555-0100" not in r.stdout and "Ann Example" not in r.stdout

    # withdrawing b's request ends the alert for it; the others stay
    record(home, ids["b"], "withdrawn")
    r = run_cli(["due", "--json"], home)
    assert ids["b"] not in r.stdout and r.returncode == 4


def test_diff_refuses_two_households_with_one_line(tmp_path: Path, footprint_home: Path) -> None:
    ann, bea = tmp_path / "ann.toml", tmp_path / "bea.toml"
    ann.write_text(profile_text(ANN))
    bea.write_text(profile_text(BEA))
    warc = archive(tmp_path / "v.warc.gz", "a")
    a = audit(footprint_home, ann, warc, tmp_path / "a")
    b = audit(footprint_home, bea, warc, tmp_path / "b")
    r = run_cli(["diff", a["audit"]["id"], b["audit"]["id"]], footprint_home)
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "two different households" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["act-0000", "requested"], "no checklist action"),
    (["nope", "requested"], "an action id is act-"),
    (["act-0000", "asked"], "requested, confirmed, note or withdrawn"),
    (["act-0000", "requested", "--on", "2999-01-01"], "in the future"),
    (["act-0000", "requested", "--on", "01/02/2026"], "YYYY-MM-DD"),
    (["act-0000", "requested", "--channel", "pigeon"], "--channel: expected one of"),
    (["act-0000", "requested", "--ref", "x\u202ey"], "control or invisible"),
    (["act-0000", "note"], "give the note with --note"),
    (["act-0000", "confirmed", "--ref", "T-1"], "belong to a request"),
])
def test_bad_removal_input_is_one_line_exit_2(args: list[str], message: str, footprint_home: Path) -> None:
    r = run_cli(["removal", *args], footprint_home)
    assert r.returncode == 2, r.stderr
    assert message in r.stderr and r.stderr.strip().count("\n") == 0
    assert "2999-01-01" not in r.stderr and "pigeon" not in r.stderr and "x\u202ey" not in r.stderr


# --- the rules, without audits ---------------------------------------------------------------


def snap(i: int, day: str, found: dict[str, int] | None = None, unchecked: str = "",
         complete: bool = True, possible: bool = False) -> Snapshot:
    return Snapshot(f"a{i}", day, complete,
                    {a: tuple((f"{a}-f{k}", possible) for k in range(n)) for a, n in (found or {}).items()},
                    frozenset(unchecked.split()), {})


def states(snaps: list[Snapshot], events: list[Event], triage: dict[str, str] | None = None
           ) -> dict[str, removals.ActionState]:
    return evaluate(snaps, events, triage or {}, {}, {"x": 30})


def test_gone_after_a_request_is_removed_only_when_the_site_was_checked() -> None:
    req = [Event("x", "requested", "2026-01-05", "email", seq=1)]
    assert states([snap(1, "2026-01-01", {"x": 1}), snap(2, "2026-01-20", {}, unchecked="x")],
                  req)["x"].unverified
    assert states([snap(1, "2026-01-01", {"x": 1}), snap(2, "2026-01-20", {}, complete=False)],
                  req)["x"].state == "requested"
    done = states([snap(1, "2026-01-01", {"x": 1}), snap(2, "2026-01-20", {})], req)["x"]
    assert (done.state, done.verified_on, done.due) == ("removed", "2026-01-20", "2026-02-19")


def test_overdue_only_after_the_recheck_interval() -> None:
    req = [Event("x", "requested", "2026-01-05", seq=1)]
    early = states([snap(1, "2026-01-01", {"x": 1}), snap(2, "2026-02-04", {"x": 1})], req)["x"]
    assert (early.state, early.due) == ("requested", "2026-02-04")
    late = states([snap(1, "2026-01-01", {"x": 1}), snap(2, "2026-02-05", {"x": 1})], req)["x"]
    assert late.state == "overdue" and late.alert


def test_a_request_on_an_audits_day_comes_after_it() -> None:
    # the officer read that day's report, then asked: that audit cannot verify it
    got = states([snap(1, "2026-01-05", {})], [Event("x", "requested", "2026-01-05", seq=1)])["x"]
    assert got.state == "requested"


def test_not_me_labels_and_possible_matches_do_not_keep_an_action_listed() -> None:
    req = [Event("x", "requested", "2026-01-05", seq=1)]
    snaps = [snap(1, "2026-01-01", {"x": 1}), snap(2, "2026-01-20", {"x": 1})]
    assert states(snaps, req, {"x-f0": "not me"})["x"].state == "removed"
    assert states([snap(1, "2026-01-01", {"x": 1}), snap(2, "2026-01-20", {"x": 1}, possible=True)],
                  req)["x"].state == "removed"
    # a possible match never makes an action gone-and-back
    flicker = [snap(1, "2026-01-01", {"x": 1}, possible=True), snap(2, "2026-01-10", {}),
               snap(3, "2026-01-20", {"x": 1})]
    assert states(flicker, [])["x"].state == "open"


def test_gone_by_itself_then_back_is_relisted_and_a_new_request_restarts() -> None:
    snaps = [snap(1, "2026-01-01", {"x": 2}), snap(2, "2026-02-01", {}), snap(3, "2026-03-01", {"x": 1})]
    back = states(snaps, [])["x"]
    assert (back.state, back.verified_on, back.relisted_on, back.due) == (
        "re-listed", "2026-02-01", "2026-03-01", "2026-03-01")
    again = states(snaps, [Event("x", "requested", "2026-03-02", seq=1)])["x"]
    assert again.state == "requested" and again.due == "2026-04-01" and not again.alert


def test_a_page_not_checked_marks_its_action_unchecked() -> None:
    from footprint.model import Category, Finding, Remediation, Severity, Skipped

    f = Finding(id="f1", person="judge", category=Category.PHONE, severity=Severity.HIGH, confidence=0.9,
                url="https://www.spokeo.com/Ann-Example/p1", source="people-search", probe="brokers",
                identifier="phones[0]", evidence="e", rationale="r",
                remediation=Remediation(action="a", group="Spokeo", recheck_days=30), possible_match=False)
    blocked = Skipped("https://www.spokeo.com/search?q=x", "blocked: HTTP 403", "brokers", "judge")
    other = Skipped("web search for judge (name)", "no results (possible blocking)", "web", "judge")
    got = removals.summarise(b"k" * 32, "hh-1", [f], [blocked, other])
    aid = removals.action_id(b"k" * 32, "hh-1", "Spokeo")
    assert got.found == {aid: (("f1", False),)} and got.unchecked == {aid}
    assert got.recheck[aid] == 30 and got.worst[aid] == "high"
    assert removals.action_id(b"k" * 32, "hh-2", "Spokeo") != aid  # another household, another action


def test_withdrawn_and_notes() -> None:
    ev = [Event("x", "requested", "2026-01-02", seq=1), Event("x", "note", "2026-01-03", note="called", seq=2),
          Event("x", "withdrawn", "2026-01-04", seq=3)]
    got = states([snap(1, "2026-01-01", {"x": 1})], ev)["x"]
    assert got.state == "open" and got.requested_on is None and got.notes == (("2026-01-03", "called"),)


def test_an_event_recorded_in_the_audits_last_second_is_told_apart(tmp_path: Path) -> None:
    """The report of a finished audit, written again later, counts the events recorded before
    the audit finished — also when one was recorded within the same second as it finished
    (the CI once saw a 'confirmed' from just after an audit in that audit's report)."""
    from footprint import removals as rm
    from footprint.store import open_store

    t = "2026-12-04T10:00:00Z"
    with open_store(tmp_path) as store:
        store.create_audit("aud-1", "prof", "hash", "test", t, ("web",), None, (), household="hh")
        store.add_removal_event("hh", "act-early", "requested", "2026-12-03", "email", None, None, t)
        store.set_status("aud-1", "finished", t)
        store.add_removal_event("hh", "act-late", "requested", "2026-12-04", "email", None, None, t)
        assert set(rm.states(store, "hh", upto="aud-1")) == {"act-early"}
        assert set(rm.states(store, "hh")) == {"act-early", "act-late"}
