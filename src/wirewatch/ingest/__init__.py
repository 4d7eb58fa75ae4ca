"""Readers: turn paths (files and folders) into raw articles, failures and skipped files."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError, UnsupportedFormat
from .base import (
    SIDECAR_SUFFIX,
    ArticleMeta,
    Failure,
    IngestItem,
    RawArticle,
    Skipped,
    parse_published,
)
from .feeds import read_feed_file
from .fetch import Fetcher
from .html import article_from_html, read_html_file
from .jsonl import read_jsonl_file
from .text import read_text_file
from .warc import is_warc, read_warc_file

READERS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
}


def read_file(path: Path, defaults: ArticleMeta | None = None
              ) -> Iterator[RawArticle | Failure]:
    """Read one file by its extension; raise for what cannot be read at all. ``defaults``
    (the command line's metadata) fill in only what the file does not say of an article."""
    defaults = defaults or ArticleMeta()
    if is_warc(path):
        if not path.exists():
            raise InputError(f"{path}: no such file")
        yield from read_warc_file(path)
        return
    kind = READERS.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(sorted(READERS))
        raise UnsupportedFormat(f"{path}: unsupported file type {path.suffix or '(none)'!r};"
                                f" wirewatch reads {known} files and folders of them")
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if kind == "jsonl":
        for item in read_jsonl_file(path):
            yield item.with_defaults(defaults) if isinstance(item, RawArticle) else item
    elif kind == "feed":
        yield from read_feed_file(path, defaults)
    elif kind == "html":
        yield read_html_file(path).with_defaults(defaults)
    else:
        yield read_text_file(path, defaults)


def _folder_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not any(p.startswith(".") for p in path.relative_to(folder).parts):
            yield path


def read_paths(paths: Iterable[str | Path], meta: ArticleMeta | None = None
               ) -> Iterator[IngestItem]:
    """Every article under the given paths; a bad item is a ``Failure`` and the rest go on.
    ``meta`` fills in what a file does not say of its articles."""
    meta = meta or ArticleMeta()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in _folder_files(path):
                if file.name.endswith(SIDECAR_SUFFIX):
                    continue
                if file.suffix.lower() not in READERS and not is_warc(file):
                    yield Skipped(str(file), f"unsupported file type {file.suffix or '(none)'}")
                    continue
                yield from _read_one(file, meta)
        else:
            yield from _read_one(path, meta)


def _read_one(path: Path, meta: ArticleMeta) -> Iterator[IngestItem]:
    try:
        yield from read_file(path, meta)
    except InputError as err:
        yield Failure(str(path), str(err))


def read_urls(urls: Iterable[str], fetcher: Fetcher, meta: ArticleMeta | None = None
              ) -> Iterator[IngestItem]:
    """Every article at the given URLs: a page is extracted; a feed gives each of its
    entries (each entry's page fetched). A URL that fails is a ``Failure``."""
    from .feeds import feed_items, looks_like_feed, parse_feed
    from .fetch import FEED_TYPES

    meta = meta or ArticleMeta()
    for url in urls:
        try:
            page = fetcher.get(url, types=FEED_TYPES)
            if looks_like_feed(page.content):
                yield from feed_items(parse_feed(page.content, url, base_url=page.url),
                                      fetcher)
            else:
                yield article_from_html(page.text, url, url=page.url).with_defaults(meta)
        except InputError as err:
            yield Failure(url, str(err))


__all__ = [
    "READERS",
    "ArticleMeta",
    "Failure",
    "IngestItem",
    "RawArticle",
    "Skipped",
    "article_from_html",
    "parse_published",
    "read_file",
    "read_paths",
    "read_urls",
]
