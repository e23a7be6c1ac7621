"""report.pdf: the HTML report printed by WeasyPrint, in memory (so an encrypted run never
writes a plaintext PDF to disk).

WeasyPrint fetches every URL a page refers to (images, stylesheets) by default; that would contact
the exposing sites again from the court's machine. Our fetcher allows `data:` URLs, and `file:`
URLs only inside the template folders (a court's letterhead image); everything else is refused.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from . import PdfUnavailableError

INSTALL_HINT = ("apt-get install libpango-1.0-0 libpangoft2-1.0-0 (and fonts-dejavu-core; "
                "libharfbuzz-subset0 makes it faster), or skip the PDF")


def _weasyprint() -> Any:
    try:
        import weasyprint
    except ImportError:
        raise PdfUnavailableError(
            "report.pdf needs WeasyPrint: pip install weasyprint, then " + INSTALL_HINT
        ) from None
    except OSError as e:
        # WeasyPrint is installed but cannot load Pango through cffi.
        raise PdfUnavailableError(
            f"report.pdf needs WeasyPrint's system libraries ({type(e).__name__}: cannot load "
            f"Pango): {INSTALL_HINT}"
        ) from None
    return weasyprint


def allowed(url: str, base_dirs: Sequence[Path]) -> bool:
    """Whether the PDF renderer may load this URL: data: always; file: only inside base_dirs."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme == "data":
        return True
    if scheme == "file":
        if parts.netloc not in ("", "localhost"):
            return False
        try:
            path = Path(unquote(parts.path)).resolve()
        except (OSError, ValueError):
            return False
        return any(path.is_relative_to(d) for d in base_dirs)
    return False


def make_fetcher(weasyprint: Any, base_dirs: Sequence[Path]) -> Any:
    """A WeasyPrint URL fetcher that refuses everything but data: and our own template files."""
    dirs = tuple(Path(d).resolve() for d in base_dirs)
    fetcher_cls = getattr(weasyprint, "URLFetcher", None)
    if fetcher_cls is not None:  # WeasyPrint ≥ 66: a class with fetch()

        class LocalOnly(fetcher_cls):  # type: ignore[misc, valid-type]
            def fetch(self, url: str, headers: Any = None) -> Any:
                if not allowed(url, dirs):
                    raise ValueError("external resource refused by footprint")
                return super().fetch(url, headers)

        return LocalOnly(allowed_protocols=("data", "file"), allow_redirects=False)

    def legacy(url: str, *args: Any, **kwargs: Any) -> Any:  # older WeasyPrint: a function
        if not allowed(url, dirs):
            raise ValueError("external resource refused by footprint")
        return weasyprint.default_url_fetcher(url, *args, **kwargs)

    return legacy


def layout(html: str, *, paper: str = "A4", base_dirs: Sequence[Path] = ()) -> Any:
    """The report laid out on pages (a WeasyPrint Document), before it is written: render_pdf
    writes it, and the tests read its boxes to check that nothing overflows its column or the
    page and that every page carries the markings. Raises PdfUnavailableError when WeasyPrint
    or its libraries are missing."""
    weasyprint = _weasyprint()
    # WeasyPrint logs every refused resource as a warning with its URL; the URL may name a
    # person, so keep those messages out of the logs.
    wlog = logging.getLogger("weasyprint")
    level = wlog.level
    wlog.setLevel(logging.ERROR)
    try:
        fetcher = make_fetcher(weasyprint, base_dirs)
        size = "letter" if paper == "Letter" else "A4"
        page_css = weasyprint.CSS(string=f"@page {{ size: {size}; }}", url_fetcher=fetcher)
        base = (Path(base_dirs[0]).as_uri() + "/") if base_dirs else None
        doc = weasyprint.HTML(string=html, url_fetcher=fetcher, base_url=base)
        return doc.render(stylesheets=[page_css])
    finally:
        wlog.setLevel(level)


def render_pdf(html: str, *, paper: str = "A4", base_dirs: Sequence[Path] = ()) -> bytes:
    """The PDF of the report, as bytes. Raises PdfUnavailableError when WeasyPrint or its
    libraries are missing."""
    document = layout(html, paper=paper, base_dirs=base_dirs)
    wlog = logging.getLogger("weasyprint")
    level = wlog.level
    wlog.setLevel(logging.ERROR)
    try:
        return document.write_pdf()
    finally:
        wlog.setLevel(level)
