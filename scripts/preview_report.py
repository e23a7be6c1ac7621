#!/usr/bin/env python3
"""Preview a report as pictures: headless Chromium screenshots report.html and pdftoppm turns
report.pdf into PNG pages, so a person (or a reviewer without a PDF viewer) can check the layout.

    python scripts/preview_report.py OUT_DIR              # preview OUT_DIR/report.html and .pdf
    python scripts/preview_report.py OUT_DIR --sample     # first write a synthetic training report
    python scripts/preview_report.py OUT_DIR --sample --findings 100 --paper both
    python scripts/preview_report.py OUT_DIR --sample --time   # print render times only
    python scripts/preview_report.py OUT_DIR --full-page --pages 0 --dpi 100  # every page

Needs Debian's `chromium` and `poppler-utils` (apt-get install chromium poppler-utils). The
pictures go to OUT_DIR/preview/. Nothing touches the network: the report makes no external
request and Chromium runs with background networking off.

The synthetic report is a TRAINING audit of the fictitious demo family (all values invented:
555-01xx phones, example.* e-mail domains); it goes through the real classifier, masking and
remediation code, as the engine's findings do.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from footprint import masking, remediation, risk
from footprint.model import (
    AuditResult,
    Category,
    Exposure,
    Finding,
    PersonStatus,
    Skipped,
)
from footprint.profile import Profile, profile_from_dict

C = Category

SAMPLE_PROFILE = {
    "audit": {"jurisdiction": "US-CA", "language": "en", "threshold": 0.5},
    "consent": {
        "authorized_by": "Training officer",
        "authorized_on": dt.date(2026, 11, 20),
        "purpose": "training",
        "statement": "Fictitious judge for an online-safety training session.",
    },
    "subject": {
        "id": "judge",
        "name": "Eleanor Ruth Whitfield",
        "aliases": ["Eleanor Whitfield", "Eleanor R. Whitfield", "Ellie Whitfield",
                    "Eleanor Marsh"],
        "court": "Superior Court of California, County of Sonoma",
        "city": "Santa Rosa",
        "region": "CA",
        "birth_year": 1968,
        "phones": ["+1 707 555 0142", "+1 707 555 0187"],
        "emails": ["eleanor.whitfield@example.net"],
        "usernames": ["ewhitfield68"],
        "addresses": [
            {"label": "home", "street": "2417 Alderbrook Drive", "city": "Santa Rosa",
             "region": "CA", "postal_code": "95405", "lat": 38.4482, "lon": -122.6863},
            {"label": "previous", "street": "88 Quarry Road", "city": "Petaluma", "region": "CA",
             "postal_code": "94952"},
        ],
    },
    "relatives": [
        {"id": "spouse", "relation": "spouse", "name": "Daniel James Whitfield",
         "aliases": ["Dan Whitfield"], "consent": True, "birth_year": 1966, "city": "Santa Rosa",
         "employer": "Redwood Valley Medical Center", "usernames": ["danwhitfield_bikes"]},
        {"id": "child", "relation": "child", "name": "Sophie Whitfield", "consent": True,
         "minor": True, "birth_year": 2012, "school": "Brookside Middle School"},
        {"id": "son", "relation": "child", "name": "Lucas Whitfield", "consent": False},
        {"id": "mother", "relation": "parent", "name": "Margaret Ann Marsh", "consent": True,
         "birth_year": 1941, "phones": ["+1 707 555 0163"],
         "addresses": [{"label": "home", "street": "19 Vine Hill Court", "city": "Sebastopol",
                        "region": "CA", "postal_code": "95472"}]},
    ],
    "probes": {"enabled": ["web", "brokers", "accounts", "images"]},
}

# (person, category, url, value, context, confidence, source, probe, attrs, identifier, image)
BASE = [
    ("judge", C.HOME_ADDRESS, "https://www.fastpeoplesearch.com/name/eleanor-whitfield_santa-rosa-ca",
     "2417 Alderbrook Dr, Santa Rosa, CA 95405",
     "Eleanor R Whitfield, Age 57. Current Address: 2417 Alderbrook Dr, Santa Rosa, CA 95405. "
     "Phone: (707) 555-0142. Relatives: Daniel J Whitfield, Sophie Whitfield, Margaret A Marsh",
     0.95, "people-search", "brokers", (("label", "current"),), "home", None),
    ("judge", C.HOME_ADDRESS, "https://www.spokeo.com/Eleanor-Whitfield/California/Santa-Rosa",
     "2417 Alderbrook Drive, Santa Rosa, CA", "Eleanor Whitfield, 57, Santa Rosa CA — lives at "
     "2417 Alderbrook Drive; related to Daniel Whitfield", 0.91, "people-search", "brokers",
     (), "home", None),
    ("judge", C.HOME_ADDRESS, "https://www.whitepages.com/name/Eleanor-Whitfield/Santa-Rosa-CA",
     "2417 Alderbrook Dr", "Eleanor Whitfield in Santa Rosa, CA: 2417 Alderbrook Dr · landline "
     "(707) 555-0142", 0.9, "people-search", "brokers", (), "home", None),
    ("judge", C.HOME_ADDRESS, "https://sonoma-county-assessor.example.gov/parcel/044-123-017",
     "2417 ALDERBROOK DR SANTA ROSA 95405", "Owner: WHITFIELD ELEANOR R & DANIEL J — situs "
     "2417 ALDERBROOK DR SANTA ROSA 95405 — APN 044-123-017", 0.88, "public-record", "web", (),
     "home", None),
    ("judge", C.PHONE, "https://thatsthem.com/phone/707-555-0142", "(707) 555-0142",
     "(707) 555-0142 — Eleanor Whitfield, Santa Rosa, CA; landline", 0.86, "people-search",
     "brokers", (), "phones[0]", None),
    ("judge", C.PHONE, "https://www.whitepages.com/phone/1-707-555-0187", "707-555-0187",
     "Mobile 707-555-0187 belongs to Eleanor Whitfield, age 57", 0.83, "people-search",
     "brokers", (), "phones[1]", None),
    ("judge", C.EMAIL, "https://ridgeline-gardeners.example.org/members",
     "eleanor.whitfield@example.net",
     "Committee: Eleanor Whitfield (eleanor.whitfield@example.net), "
     "roses and dahlias", 0.78, "web", "web", (), "emails[0]", None),
    ("judge", C.BIRTH_DATE, "https://radaris.com/p/Eleanor/Whitfield/", "March 14, 1968",
     "Eleanor Ruth Whitfield, born March 14, 1968, Santa Rosa CA", 0.8, "people-search",
     "brokers", (("full_date", "1"),), None, None),
    ("judge", C.VEHICLE, "https://santarosa-neighbors.example.com/t/street-parking",
     "grey 2019 Subaru Outback, plate 8KXR214", "the judge's grey 2019 Subaru Outback (8KXR214) "
     "is always parked on Alderbrook", 0.7, "forum", "web", (), None, None),
    ("judge", C.GEOLOCATION, "https://www.flickr.com/photos/ewhitfield68/5123",
     "38.4485, -122.6859", "Photo 'Spring garden' GPS 38.4485, -122.6859", 0.84, "social",
     "images", (("distance_m", "46"),), None, "https://live.staticflickr.com/5123/garden.jpg"),
    ("judge", C.PHOTO, "https://sonoma-ledger.example.com/2024/05/garden-tour",
     "Garden tour photo", "Judge Eleanor Whitfield in front of her house on Alderbrook Drive "
     "during the garden tour", 0.82, "news", "images", (("home_photo", "1"),), "photos[0]",
     "https://sonoma-ledger.example.com/img/garden-tour.jpg"),
    ("judge", C.ADDRESS, "https://www.truepeoplesearch.com/find/person/px8u2k",
     "88 Quarry Road, Petaluma, CA 94952", "Previous addresses: 88 Quarry Road, Petaluma, CA 94952 "
     "(2001–2009)", 0.74, "people-search", "web", (), "addresses[1]", None),
    ("judge", C.ACCOUNT, "https://www.strava.com/athletes/ewhitfield68", "ewhitfield68",
     "ewhitfield68 — morning runs from Alderbrook Dr, 6:10 am most weekdays", 0.77, "social",
     "accounts", (("personal", "1"),), "usernames[0]", None),
    ("judge", C.PHOTO, "https://www.sonoma.courts.ca.gov/judges/whitfield",
     "Official portrait", "Hon. Eleanor R. Whitfield, Department 14", 0.97, "government",
     "images", (("official", "1"),), "photos[0]", "https://www.sonoma.courts.ca.gov/img/whitfield.jpg"),
    ("judge", C.MENTION, "https://sonoma-ledger.example.com/2025/01/court-calendar",
     "Eleanor Whitfield", "Judge Eleanor Whitfield will hear the case in Department 14",
     0.9, "news", "web", (), "name", None),
    ("spouse", C.WORKPLACE, "https://redwood-valley-medical.example.org/nursing/leadership",
     "Redwood Valley Medical Center", "Daniel Whitfield, RN, nurse manager, 3 West — "
     "Redwood Valley Medical Center", 0.85, "employer", "web", (), "employer", None),
    ("spouse", C.RELATIVE, "https://www.spokeo.com/Eleanor-Whitfield/California/Santa-Rosa",
     "Daniel J Whitfield", "Related to: Daniel J Whitfield (spouse), Sophie Whitfield",
     0.88, "people-search", "brokers", (), "name", None),
    ("spouse", C.ACCOUNT, "https://www.instagram.com/dwhitfield.outdoors/",
     "dwhitfield.outdoors", "dwhitfield.outdoors · weekend rides from Santa Rosa, family hikes",
     0.72, "social", "accounts", (("personal", "1"),), None, None),
    ("spouse", C.PHONE, "https://www.fastpeoplesearch.com/707-555-0142", "707-555-0142",
     "707-555-0142 Daniel J Whitfield, Santa Rosa", 0.81, "people-search", "brokers", (), None,
     None),
    ("child", C.SCHOOL, "https://brookside-middle.example.org/news/science-fair",
     "Brookside Middle School", "Science fair winners: Sophie Whitfield (grade 7) — Brookside "
     "Middle School", 0.8, "school", "web", (), "school", None),
    ("child", C.PHOTO, "https://brookside-middle.example.org/news/science-fair",
     "Science fair photo", "Photo: Sophie Whitfield with her project", 0.78, "school", "images",
     (), None, "https://brookside-middle.example.org/img/fair.jpg"),
    ("child", C.RELATIVE, "https://www.fastpeoplesearch.com/name/eleanor-whitfield_santa-rosa-ca",
     "Sophie Whitfield", "Relatives: Daniel J Whitfield, Sophie Whitfield (age 14)", 0.86,
     "people-search", "brokers", (("minor", "1"),), "name", None),
    ("mother", C.HOME_ADDRESS, "https://nuwber.com/person/5f2a9c",
     "19 Vine Hill Ct, Sebastopol, CA 95472", "Margaret A Marsh, 84, 19 Vine Hill Ct, Sebastopol, "
     "CA 95472; relatives: Eleanor Whitfield", 0.87, "people-search", "web", (), "home", None),
    ("mother", C.PHONE, "https://nuwber.com/person/5f2a9c", "(707) 555-0163",
     "Phone (707) 555-0163 — Margaret A Marsh", 0.87, "people-search", "web", (), "phones[0]",
     None),
    ("mother", C.RELATIVE, "https://radaris.com/p/Eleanor/Whitfield/", "Margaret Ann Marsh",
     "Eleanor Ruth Whitfield — mother: Margaret Ann Marsh", 0.79, "people-search", "brokers", (),
     "name", None),
    ("mother", C.BIRTH_DATE, "https://nuwber.com/person/5f2a9c", "Age 84",
     "Margaret A Marsh, Age 84", 0.87, "people-search", "web", (), None, None),
    # namesakes: possible matches for review
    ("judge", C.HOME_ADDRESS, "https://www.spokeo.com/Eleanor-Whitfield/Texas/Austin",
     "5110 Shoal Creek Blvd, Austin, TX", "Eleanor Whitfield, 31, Austin TX — 5110 Shoal Creek "
     "Blvd", 0.32, "people-search", "brokers", (), None, None),
    ("spouse", C.PHONE, "https://www.whitepages.com/name/Daniel-Whitfield/Fresno-CA",
     "(559) 555-0119", "Daniel Whitfield, 45, Fresno CA (559) 555-0119", 0.41, "people-search",
     "brokers", (), None, None),
]

SKIPPED = [
    Skipped("https://www.peoplefinders.com/name/eleanor-whitfield/ca/santa-rosa",
            "not checked: blocked (challenge page)", "brokers", "judge"),
    Skipped("web search for spouse (aliases)", "no results (possible blocking)", "web", "spouse"),
    Skipped("https://www.mylife.com/eleanor-whitfield/e123", "timeout after 3 tries", "brokers",
            "judge"),
]


def sample_profile() -> Profile:
    return profile_from_dict(SAMPLE_PROFILE, ROOT / "sample-profile.toml")


def _extra(i: int) -> tuple:
    """More listings, for size benchmarks: the judge's and the family's data on more sites."""
    people = [("judge", "2417 Alderbrook Dr, Santa Rosa, CA", "home"),
              ("spouse", "(707) 555-0142", None),
              ("mother", "19 Vine Hill Ct, Sebastopol, CA", "home")]
    pid, value, ident = people[i % len(people)]
    cat = C.PHONE if value.startswith("(") else C.HOME_ADDRESS
    return (pid, cat, f"https://people-directory-{i}.example.com/p/{i:05d}", value,
            f"Listing {i}: {value} — Whitfield family", 0.6 + (i % 4) / 10, "people-search",
            "brokers", (), ident, None)


def sample_result(n: int | None = None, *, training: bool = True) -> tuple[AuditResult, Profile]:
    """A realistic training AuditResult (and its profile) with `n` findings (default: the base
    set of 28), built through the real classifier, masking and remediation."""
    prof = sample_profile()
    rows = list(BASE)
    if n is not None:
        rows = (rows * (n // len(rows) + 1))[:n] if n <= len(rows) else rows + [
            _extra(i) for i in range(n - len(rows))]
    findings = []
    for i, (pid, cat, url, value, ctx, conf, source, probe, attrs, ident, image) in enumerate(rows):
        exp = Exposure(person=pid, category=cat, url=url, value=value, confidence=conf,
                       identifier=ident, context=ctx, rules=("name+city",), source=source,
                       probe=probe, image_url=image, attrs=tuple(sorted(attrs)))
        sev, why = risk.classify(exp, prof)
        fid = hashlib.sha256(f"{pid}|{cat}|{url}|{value}|{i}".encode()).hexdigest()[:16]
        findings.append(Finding(
            id=fid, person=pid, category=cat, severity=sev, confidence=conf, url=url,
            source=source, probe=probe, identifier=ident, evidence=masking.evidence(exp, prof),
            rationale=why, remediation=remediation.for_exposure(exp, prof),
            possible_match=conf < prof.audit.threshold, rules=exp.rules, image_url=image,
            first_seen="2026-09-02T10:00:00Z" if i % 3 else "2026-11-20T09:14:00Z",
            last_seen="2026-11-20T09:14:00Z", value=value, context=ctx,
            status="still present" if i % 3 else "new",
        ))
    findings.sort(key=lambda f: (f.severity.rank, f.possible_match, f.person, f.category.value,
                                 f.url))
    people = tuple(
        [PersonStatus(p.id, p.relation, True, "consented", masking.mask_name(p.name), p.minor)
         for p in prof.people]
        + [PersonStatus(x.id, x.relation, False, x.reason) for x in prof.excluded]
    )
    result = AuditResult(
        id="20261120-091400-a1b2c3", profile_id="judge", started="2026-11-20T09:14:00Z",
        finished="2026-11-20T09:31:12Z", purpose="training" if training else "self-audit",
        training=training, jurisdiction=prof.audit.jurisdiction, language="en",
        threshold=prof.audit.threshold, probes=prof.probes.enabled,
        web_archive="whitfield-demo.warc.gz", people=people, findings=tuple(findings),
        skipped=tuple(SKIPPED), queries=64, pages=212, previous_audit="20260902-100000-ffee00",
    )
    return result, prof


# --- pictures ----------------------------------------------------------------------------------


def _need(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        sys.exit(f"preview_report: `{tool}` is missing: apt-get install {package}")
    return path


FULL_PAGE_MAX = 60000
"""Tallest full-page screenshot, in CSS pixels (the demo report is about 37,000 at 1280 wide)."""
TILE = 2000
"""Height of the tiles a full-page screenshot is cut into (image viewers shrink taller ones)."""


def screenshot_html(html: Path, png: Path, width: int = 1100, height: int = 2200) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("preview_report: chromium is missing: apt-get install chromium poppler-utils")
    with tempfile.TemporaryDirectory(prefix="fp-chromium-") as profile_dir:
        cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update", "--no-first-run",
               "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile_dir}",
               f"--window-size={width},{height}", f"--screenshot={png}", html.resolve().as_uri()]
        subprocess.run(cmd, check=True, capture_output=True, timeout=300)


def screenshot_full_page(html: Path, png: Path, width: int = 1280) -> list[Path]:
    """The whole page at `width` CSS pixels: one screenshot of a window taller than the page,
    cut below the last non-white row, saved whole to `png` and as TILE-high tiles next to it
    (`<stem>-01.png`, …). Returns the tiles."""
    import numpy as np
    from PIL import Image

    screenshot_html(html, png, width=width, height=FULL_PAGE_MAX)
    with Image.open(png) as im:
        rgb = im.convert("RGB")
    ink = np.flatnonzero((np.asarray(rgb) < 250).any(axis=(1, 2)))
    bottom = int(ink.max()) + 24 if ink.size else rgb.height
    if bottom >= FULL_PAGE_MAX:
        print(f"preview_report: page taller than {FULL_PAGE_MAX}px, picture cut", file=sys.stderr)
    rgb = rgb.crop((0, 0, rgb.width, min(bottom, rgb.height)))
    rgb.save(png)
    tiles = []
    for i, top in enumerate(range(0, rgb.height, TILE), start=1):
        tile = png.with_name(f"{png.stem}-{i:02d}.png")
        rgb.crop((0, top, rgb.width, min(top + TILE, rgb.height))).save(tile)
        tiles.append(tile)
    return tiles


def pdf_pages(pdf: Path, prefix: Path, dpi: int = 60, first: int = 1,
              last: int | None = None) -> list[Path]:
    tool = _need("pdftoppm", "poppler-utils")
    for old in prefix.parent.glob(prefix.name + "-*.png"):  # a longer earlier report's pages
        old.unlink()
    cmd = [tool, "-png", "-r", str(dpi), "-f", str(first)]
    if last is not None:
        cmd += ["-l", str(last)]
    subprocess.run([*cmd, str(pdf), str(prefix)], check=True, capture_output=True, timeout=180)
    return sorted(prefix.parent.glob(prefix.name + "-*.png"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--sample", action="store_true", help="write a synthetic training report first")
    ap.add_argument("--findings", type=int, default=None, help="number of synthetic findings")
    ap.add_argument("--paper", choices=("A4", "Letter", "both", "none"), default="both",
                    help="also print the HTML to PDF on this paper and picture its pages (as --pages)")
    ap.add_argument("--pages", type=int, default=3, help="PDF pages to turn into PNG (0 = all)")
    ap.add_argument("--dpi", type=int, default=60)
    ap.add_argument("--full-page", action="store_true",
                    help="screenshot the whole HTML page at 1280 px (plus tiles), not the top")
    ap.add_argument("--time", action="store_true", help="time HTML and PDF rendering, no pictures")
    args = ap.parse_args(argv)
    # The pictures show the report: owner-only, like the report itself (files 0600, dirs 0700).
    os.umask(0o077)
    out: Path = args.out_dir
    if args.sample or args.time:
        from reports import build_view, write_reports
        from reports.html import render_html
        from reports.pdf import render_pdf

        result, prof = sample_result(args.findings)
        if args.time:
            t0 = time.perf_counter()
            view = build_view(result, profile=prof)
            t1 = time.perf_counter()
            html = render_html(view)
            t2 = time.perf_counter()
            pdf = render_pdf(html, paper="A4")
            t3 = time.perf_counter()
            print(f"findings={len(result.findings)} view={t1 - t0:.3f}s html={t2 - t1:.3f}s "
                  f"pdf={t3 - t2:.3f}s html_bytes={len(html)} pdf_bytes={len(pdf)}")
            return 0
        write_reports(result, out, ["html", "json", "csv", "pdf"], profile=prof)
    html = out / "report.html"
    pdf = out / "report.pdf"
    prev = out / "preview"
    prev.mkdir(parents=True, exist_ok=True, mode=0o700)
    made: list[Path] = []
    if html.exists():
        png = prev / "report-screen.png"
        if args.full_page:
            made += screenshot_full_page(html, png, width=1280)
        else:
            screenshot_html(html, png)
        made.append(png)
        png_m = prev / "report-narrow.png"
        screenshot_html(html, png_m, width=420, height=1600)
        made.append(png_m)
    last = None if args.pages == 0 else args.pages
    if pdf.exists():
        made += pdf_pages(pdf, prev / "report-pdf", args.dpi, 1, last)
    if html.exists() and args.paper != "none":
        from reports import _template_dirs
        from reports.pdf import render_pdf

        papers = ("A4", "Letter") if args.paper == "both" else (args.paper,)
        text = html.read_text(encoding="utf-8")
        for paper in papers:
            p = prev / f"report-{paper}.pdf"
            p.write_bytes(render_pdf(text, paper=paper, base_dirs=_template_dirs(None)))
            made += pdf_pages(p, prev / f"report-{paper}", args.dpi, 1, last)
    for m in made:
        print(m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
