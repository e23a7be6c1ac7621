"""Demo generator: writes the fictitious judge's profile, reference photo, web archive (WARC) and
ground truth. `python -m footprint.demo.generate [--jurisdiction US|CZ|RO] [--out DIR]`.

The output is deterministic: fixed WARC dates and record ids, Pillow-drawn images, no clock and
no randomness without a seed, so re-running gives the same bytes (with the same zlib/Pillow).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import uuid
from datetime import timedelta
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from . import DEMO_DIR, JURISDICTIONS, _accounts, _brokers, _intl, _sites, demo_dir
from . import _images as img
from ._common import CAPTURED, Web

PROFILE_TOML = '''\
# footprint demo profile — a FICTITIOUS judge and family, for training sessions.
# Every person, address, phone (555-01xx) and e-mail (example.net/.com) here is invented.
# Run:  footprint demo          (or: footprint audit profile.toml --web-archive demo.warc.gz)

[audit]
jurisdiction = "US-CA"
language = "en"
threshold = 0.5
max_queries_per_person = 24

[consent]
authorized_by = "Training Coordinator, Court Security Unit (demo)"
authorized_on = 2026-11-01
purpose = "training"
statement = "Training audit of a fictitious judge and family. No real person is searched for."

[subject]
id = "judge"
name = "Eleanor Ruth Whitfield"
aliases = ["Eleanor Whitfield", "Eleanor R. Whitfield", "Ellie Whitfield", "Eleanor Marsh"]
court = "Superior Court of California, County of Sonoma"
city = "Santa Rosa"
region = "CA"
birth_year = 1968
phones = ["+1 707 555 0142", "+1 707 555 0187"]
emails = ["eleanor.whitfield@example.net"]
usernames = ["ewhitfield68"]
photos = ["photos/judge-portrait.jpg"]

  [[subject.addresses]]
  label = "home"
  street = "2417 Alderbrook Drive"
  city = "Santa Rosa"
  region = "CA"
  postal_code = "95405"
  country = "US"
  lat = 38.4482
  lon = -122.6863

  [[subject.addresses]]
  label = "previous"
  street = "88 Quarry Road"
  city = "Petaluma"
  region = "CA"
  postal_code = "94952"
  country = "US"

[[relatives]]
id = "spouse"
relation = "spouse"
name = "Daniel James Whitfield"
aliases = ["Dan Whitfield", "Daniel Whitfield", "Daniel J. Whitfield"]
consent = true
city = "Santa Rosa"
region = "CA"
birth_year = 1966
employer = "Redwood Valley Medical Center"
usernames = ["danwhitfield_bikes"]

[[relatives]]
id = "child"
relation = "child"
name = "Sophie Whitfield"
consent = true                  # given by her parents
minor = true
city = "Santa Rosa"
region = "CA"
birth_year = 2012
school = "Brookside Middle School"

[[relatives]]
id = "son"
relation = "child"
name = "Lucas Whitfield"
consent = false                 # an adult who did not consent: never searched for or reported
birth_year = 1996
city = "Oakland"

[[relatives]]
id = "mother"
relation = "parent"
name = "Margaret Ann Marsh"
aliases = ["Margaret Marsh", "Margaret A. Marsh"]
consent = true
city = "Sebastopol"
region = "CA"
birth_year = 1941
phones = ["+1 707 555 0163"]

  [[relatives.addresses]]
  label = "home"
  street = "19 Vine Hill Court"
  city = "Sebastopol"
  region = "CA"
  postal_code = "95472"
  country = "US"

[probes]
enabled = ["web", "brokers", "accounts", "images"]
'''

TRUTH_RULES = (
    "One entry per (person, category, url) a perfect audit reports, with the DESIGN.md section 3 "
    "severity. Listing blocks: age -> birth_date (full date: high); current address -> "
    "home_address (critical for the judge's household, high for the mother who lives "
    "elsewhere); earlier addresses -> address; phones, e-mails, employer. `relative`: each "
    "consenting family member named in a block or page about the judge, and the person a page "
    "is about when it names the judge or another family member (high for the minor). A street "
    "named without a house number as where the judge lives counts as home_address. "
    "`alt_persons`: other people an audit may fairly attribute the same exposure to. "
    "`mention` entries are informational and not scored. The son did not consent: no entry "
    "ever names him; `non_consenting_urls` are pages about him, where any finding other than "
    "a mention is an error. Namesake pages must yield no confirmed finding; `not_checked_urls` "
    "must appear under coverage.failed."
)


def build_web() -> tuple[Web, bytes]:
    """All responses and the ground truth; also returns the reference photo's JPEG bytes."""
    web = Web()
    _brokers.build(web)
    _sites.build(web)
    _accounts.build(web)
    reference = img.jpeg(img.reference_copy(img.portrait(img.JUDGE)), 78)
    return web, reference


def country(code: str) -> _intl.Country:
    """A non-US demo's description."""
    if code == "CZ":
        from .cz import COUNTRY
    else:
        from .ro import COUNTRY
    return COUNTRY


DEMO_NAMES = {"US": "fictitious judge Eleanor R. Whitfield (footprint training demo)",
              "CZ": "fictitious judge Markéta Vondráčková, Pardubice (footprint training demo, Czech)",
              "RO": "fictitious judge Ioana Dumitrescu, Cluj-Napoca (footprint training demo, "
                    "Romanian)"}


def truth_document(web: Web, code: str = "US") -> dict[str, object]:
    entries = sorted(web.merged_truth(), key=lambda t: (t.person, t.category, t.url))
    return {
        "demo": DEMO_NAMES[code],
        "rules": TRUTH_RULES,
        "findings": [t.as_dict() for t in entries],
        "namesake_urls": sorted(web.namesake_urls),
        "non_consenting": ["son"],
        "non_consenting_urls": sorted(web.non_consenting_urls),
        "not_checked_urls": sorted(web.not_checked_urls),
    }


_REASONS = {200: "OK", 403: "Forbidden", 404: "Not Found"}


def write_warc(web: Web, fh: io.BufferedIOBase, name: str = "demo.warc.gz") -> None:
    """Write every response as a WARC/1.1 response record, gzip per record."""
    writer = WARCWriter(fh, gzip=True, warc_version="1.1")
    info = (b"software: footprint demo generator\r\n"
            b"format: WARC File Format 1.1\r\n"
            b"description: Fictitious web of a demo judge for footprint training. All people "
            b"are invented.\r\n")
    writer.write_record(writer.create_warc_record(
        "", "warcinfo", payload=io.BytesIO(info), length=len(info),
        warc_content_type="application/warc-fields",
        warc_headers_dict={
            "WARC-Date": CAPTURED.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'footprint-demo')}>",
            "WARC-Filename": name,
        }))
    for i, r in enumerate(web.resources):
        when = CAPTURED + timedelta(seconds=7 * i)
        headers = [
            ("Content-Type", r.content_type),
            ("Content-Length", str(len(r.body))),
            ("Date", when.strftime("%a, %d %b %Y %H:%M:%S GMT")),
            *r.headers,
        ]
        status = f"{r.status} {_REASONS.get(r.status, 'OK')}"
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        rec = writer.create_warc_record(
            r.url, "response", payload=io.BytesIO(r.body), length=len(r.body),
            http_headers=http,
            warc_headers_dict={
                "WARC-Date": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, r.url)}>",
            })
        writer.write_record(rec)


def _write(path: Path, data: bytes) -> None:
    """Write a data file readable by its owner only (the demo follows the project's rule)."""
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def _mkdir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)


def generate(out: Path = DEMO_DIR, jurisdiction: str = "US") -> Path:
    """Write profile.toml, demo.warc.gz and truth.json (and for the US demo the reference photo
    photos/judge-portrait.jpg) into `out`."""
    if jurisdiction.upper() != "US":
        return _generate_intl(out, jurisdiction.upper())
    web, reference = build_web()
    _mkdir(out)
    _mkdir(out / "photos")
    _write(out / "photos" / "judge-portrait.jpg", reference)
    buf = io.BytesIO()
    write_warc(web, buf)
    _write(out / "demo.warc.gz", buf.getvalue())
    truth = truth_document(web)
    _write(out / "truth.json", (json.dumps(truth, indent=2, ensure_ascii=False) + "\n")
           .encode("utf-8"))
    _write(out / "profile.toml", PROFILE_TOML.encode("utf-8"))
    from . import _court, _posts

    _posts.generate(out / "posts")
    _court.generate(out / "court")
    return out


def _generate_intl(out: Path, code: str) -> Path:
    c = country(code)
    web = Web()
    _intl.build(web, c)
    _mkdir(out)
    buf = io.BytesIO()
    write_warc(web, buf, f"demo-{code.lower()}.warc.gz")
    _write(out / "demo.warc.gz", buf.getvalue())
    truth = truth_document(web, code)
    truth["non_consenting"] = ["son"]
    _write(out / "truth.json", (json.dumps(truth, indent=2, ensure_ascii=False) + "\n")
           .encode("utf-8"))
    _write(out / "profile.toml", c.profile.encode("utf-8"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m footprint.demo.generate",
        description="Write the demo judge's profile, photo, web archive and ground truth.")
    ap.add_argument("--jurisdiction", default="US", choices=JURISDICTIONS,
                    help="which demo: US (English), CZ (Czech) or RO (Romanian)")
    ap.add_argument("--out", type=Path, default=None,
                    help=f"output folder (default: {DEMO_DIR}, or its cz/ or ro/ subfolder)")
    args = ap.parse_args(argv)
    out = generate(args.out or demo_dir(args.jurisdiction), args.jurisdiction)
    web_size = (out / "demo.warc.gz").stat().st_size
    n = len(json.loads((out / "truth.json").read_text("utf-8"))["findings"])
    print(f"demo written to {out}: demo.warc.gz ({web_size // 1024} KB), {n} truth entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
