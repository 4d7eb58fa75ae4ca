"""Web pages: main text with trafilatura, title, date and publisher from the page's metadata."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError, SettingError
from .base import ArticleMeta, RawArticle, parse_published, read_bytes, sidecar_meta
from .decode import decode_bytes

# htmldate (inside trafilatura) looks for the original publication date, not the last update.
_DATE_PARAMS = {"original_date": True, "extensive_search": True}
# The longest page read. trafilatura's time grows faster than the page (some 15 s for 4 MB of
# paragraphs, 45 s for 8 MB, minutes for 50 MB), and a news page is rarely over 2 MB.
MAX_PAGE_CHARS = 5_000_000


def article_from_html(html: str, origin: str, url: str | None = None) -> RawArticle:
    """Extract the article body and its metadata from one HTML document."""
    import trafilatura

    if len(html) > MAX_PAGE_CHARS:
        raise InputError(f"{origin}: a page of {len(html):,} characters is longer than the "
                         f"{MAX_PAGE_CHARS:,} wirewatch reads")
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as err:  # a page lxml cannot parse is one bad item, not a crash
        raise InputError(f"{origin}: the page cannot be parsed ({type(err).__name__})") from None
    if doc is None or not (doc.text or "").strip():
        raise InputError(f"{origin}: no article text found in the page")
    try:
        published = parse_published(doc.date)
    except SettingError:
        published = None
    meta = ArticleMeta(url=doc.url or url, title=doc.title, source=doc.sitename,
                       published=published)
    return RawArticle(text=_without_headline(doc.text, doc.title), origin=origin, meta=meta)


def _without_headline(text: str, title: str | None) -> str:
    """The headline is the title, not the first sentence of the body."""
    first, _, rest = text.partition("\n")
    if title and rest.strip() and first.strip() == title.strip():
        return rest
    return text


def read_html_file(path: Path) -> RawArticle:
    html = decode_bytes(read_bytes(path), str(path), markup=True)
    return article_from_html(html, str(path)).with_meta(sidecar_meta(path))
