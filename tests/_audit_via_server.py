"""Child process of the kill -9 test: audits the demo through a fault server started by the
test (port given), with FOOTPRINT_HOME from the environment; writes the findings to OUT."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from footprint import demo  # noqa: E402
from footprint.engine import Auditor, WebAccess  # noqa: E402
from footprint.paths import data_dir  # noqa: E402
from footprint.profile import NetworkSettings, load_profile  # noqa: E402
from footprint.store import open_store  # noqa: E402
from footprint.web.archive import WebArchive  # noqa: E402
from footprint.web.http import HttpFetcher  # noqa: E402
from tests.faultserver import Remote, ViaServer  # noqa: E402


def main(port: int, out: Path, resume: bool) -> int:
    profile = load_profile(demo.profile_path())
    archive = WebArchive.open(demo.archive_path(), data_dir() / "cache")
    settings = NetworkSettings.model_validate({
        "rate_per_host": 50, "retries": 1, "retry_backoff": 0.01, "timeout": 2,
        "total_timeout": 4, "max_concurrency": 2,
    })
    http = HttpFetcher(settings, cache_path=None, contact="tests@example.org",
                       allow_hosts={"127.0.0.1"}, resolve={"*": "127.0.0.1"})
    fetcher = ViaServer(Remote(port), http)
    with open_store(data_dir()) as store:
        res = Auditor(profile, WebAccess(fetcher, archive.search_backend(), "demo", archive.digest),
                      store).run(resume=resume)
    out.write_text(json.dumps({
        "id": res.id,
        "findings": sorted([f.person, f.category.value, f.url, f.evidence, f.severity.value]
                           for f in res.findings),
        "skipped": sorted([s.source, s.reason] for s in res.skipped),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:] == ["--resume"]))
