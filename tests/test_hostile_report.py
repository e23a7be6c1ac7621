"""Hostile page content in every field a report shows stays inert: no script, no event handler,
no javascript:/data: link, no external resource, no way out of the <style> element, no formula
in the CSV, nothing fetched while the PDF is made — masked and encrypted (full-value) alike."""

from __future__ import annotations

import csv
import http.server
import io
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pyrage
import pytest

from footprint.model import (
    AuditResult,
    Category,
    Finding,
    PersonStatus,
    Remediation,
    Severity,
    Skipped,
)
from footprint.remediation import load_legal
from reports import write_reports
from reports.html import CSP

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(document.cookie)",
    "</style><script>alert(2)</script><style>",
    "</textarea></title></pre><script>alert(6)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "' onmouseover='alert(3)",
    '<a href="javascript:alert(4)">click</a>',
    "<svg onload=alert(5)><use href='https://evil.example/x.svg#a'/></svg>",
    '<iframe src="https://evil.example/"></iframe>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<style>@import url(https://evil.example/y.css); body{background:url(//evil.example/z)}</style>",
    "{{ 7*7 }}{% if true %}jinja{% endif %}",
    '=HYPERLINK("https://evil.example","open")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
]
BAD = " ".join(HOSTILE)


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    hits: list[str] = []

    class H(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *a: Any) -> None:
            pass

    srv = http.server.HTTPServer(("127.0.0.1", 0), H)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{srv.server_port}", hits
    finally:
        srv.shutdown()
        srv.server_close()


def hostile_result(base: str) -> AuditResult:
    tracker = f'<img src="{base}/pixel.png"> <link rel=stylesheet href="{base}/s.css">'
    findings = []
    for i, (cat, sev) in enumerate([(Category.HOME_ADDRESS, Severity.CRITICAL),
                                    (Category.PHONE, Severity.HIGH),
                                    (Category.PHOTO, Severity.MEDIUM),
                                    (Category.MENTION, Severity.INFO)]):
        findings.append(Finding(
            id=f"<b>id{i}</b>", person="judge" if i % 2 == 0 else "spouse", category=cat,
            severity=sev, confidence=0.4 + i / 10,
            url=f"javascript:alert({i})//{HOSTILE[i]}" if i % 2 == 0 else f"{base}/page?q={HOSTILE[3]}",
            source="people-search" if i < 2 else "web", probe=HOSTILE[0],
            identifier=HOSTILE[1], evidence=BAD + tracker, rationale=HOSTILE[6] + HOSTILE[4],
            remediation=Remediation(
                action=BAD,
                opt_out_url=["javascript:alert(9)", "data:text/html,<script>alert(1)</script>",
                             'https://ok.example/opt"onclick="alert(1)', "https://ok.example/opt-out"][i],
                requires=(HOSTILE[0],), expected_time=HOSTILE[2], legal_basis=HOSTILE[3],
                group=HOSTILE[i] if i < 3 else "safe.example", recheck_days=30,
                steps=(HOSTILE[7], HOSTILE[8], tracker),
            ),
            possible_match=i == 0, rules=(HOSTILE[9], HOSTILE[10]), image_url=f"{base}/img.png",
            first_seen=HOSTILE[11], last_seen=HOSTILE[12], value=BAD + tracker,
            context=HOSTILE[13] + tracker, status="new", triage=HOSTILE[14] if i == 3 else None,
        ))
    return AuditResult(
        id=HOSTILE[0], profile_id="judge", started=HOSTILE[1], finished=None,
        purpose="training", training=True, jurisdiction="US-CA", language='en"><script>x</script>',
        threshold=0.5, probes=(HOSTILE[2], "web"), web_archive=HOSTILE[3],
        people=(PersonStatus("judge", "self", True, "consented", HOSTILE[1]),
                PersonStatus("spouse", "spouse", True, "consented", HOSTILE[8]),
                PersonStatus("son", "child", False, HOSTILE[0])),
        findings=tuple(findings),
        skipped=(Skipped(f"{base}/blocked?<script>", HOSTILE[4], HOSTILE[5], "judge"),
                 Skipped(HOSTILE[9], HOSTILE[10])),
        queries=1, pages=1,
    )


ALLOWED_LINKS = {"https://ok.example/opt-out",
                 # footprint's own data (a California family's first step: DROP), https only
                 *(b.url for b in load_legal().bulk)}


def assert_inert(html: str) -> None:
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in html
    doc = lxml.html.document_fromstring(html)
    for tag in ("script", "iframe", "object", "embed", "img", "link", "base", "form", "use",
                "frame", "applet", "video", "audio", "source", "input", "textarea", "a[@target]"):
        assert not doc.xpath(f"//{tag}"), tag
    metas = [m for m in doc.xpath("//meta[@http-equiv]")]
    assert [m.get("http-equiv") for m in metas] == ["Content-Security-Policy"]
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            low = value.strip().lower()
            assert not low.startswith(("javascript:", "data:", "vbscript:")), (el.tag, name, value)
            if name in ("href", "src", "action", "formaction", "xlink:href", "background"):
                assert value in ALLOWED_LINKS or value.startswith("#"), (el.tag, name, value)
    styles = doc.xpath("//style")
    assert len(styles) == 1, "an injected </style> must not open or close a style element"
    css = styles[0].text_content()
    assert "evil" not in css and "alert" not in css and "@import" not in css
    text = doc.text_content()
    # Escaped, not dropped: the hostile text is shown as text.
    assert "<script>alert(1)</script>" in text
    # a template injection would print 49; the loopback server's port may contain "49" too
    assert "{{ 7*7 }}" in text and not re.search(r"(?<![\d.:])49(?!\d)", text)


def test_masked_report_is_inert(tmp_path: Path, server: tuple[str, list[str]]) -> None:
    base, hits = server
    paths = write_reports(hostile_result(base), tmp_path, ["html", "json", "csv", "pdf"])
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert_inert(html)
    data = json.loads((tmp_path / "findings.json").read_text(encoding="utf-8"))
    assert len(data["findings"]) == 4 and data["findings"][0]["evidence"]
    rows = list(csv.reader(io.StringIO((tmp_path / "findings.csv").read_text(encoding="utf-8"))))
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert hits == [], "nothing may be fetched while writing the reports"
    assert len(paths) == 4


def test_csv_formula_cells_are_defused(tmp_path: Path, server: tuple[str, list[str]]) -> None:
    base, _ = server
    r = hostile_result(base)
    f0 = r.findings[0]
    import dataclasses

    r = dataclasses.replace(r, findings=(dataclasses.replace(f0, evidence=HOSTILE[15],
                                                             rationale=HOSTILE[16]),))
    write_reports(r, tmp_path, ["csv"])
    rows = list(csv.DictReader(io.StringIO((tmp_path / "findings.csv").read_text(encoding="utf-8"))))
    assert rows[0]["evidence"] == "'" + HOSTILE[15]
    assert rows[0]["rationale"] == "'" + HOSTILE[16]


def test_encrypted_full_report_is_inert(tmp_path: Path, server: tuple[str, list[str]]) -> None:
    base, hits = server
    ident = pyrage.x25519.Identity.generate()
    write_reports(hostile_result(base), tmp_path, ["html", "json"],
                  encrypt_to=[str(ident.to_public())])
    html = pyrage.decrypt((tmp_path / "report.html.age").read_bytes(), [ident]).decode()
    assert_inert(html)
    assert f"{base}/pixel.png" in lxml.html.document_fromstring(html).text_content(), \
        "full values are shown, as text"
    data = json.loads(pyrage.decrypt((tmp_path / "findings.json.age").read_bytes(), [ident]))
    assert data["findings"][0]["value"].startswith(HOSTILE[0])
    assert hits == []
