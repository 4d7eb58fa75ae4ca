"""Plain-text files: the text as it is, metadata from a sidecar, else the command line, and
the publication date from the file's name ("yonhap-2024-10-30.txt") where nothing else gives
one."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from .base import ArticleMeta, RawArticle, read_bytes, sidecar_meta
from .decode import decode_bytes

_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")


def date_in_name(path: Path) -> str | None:
    """The one valid ISO date written in a file's name, if there is exactly one."""
    found = set()
    for value in _DATE_IN_NAME.findall(path.name):
        try:
            found.add(date.fromisoformat(value).isoformat())
        except ValueError:
            continue
    return found.pop() if len(found) == 1 else None


def read_text_file(path: Path, defaults: ArticleMeta | None = None) -> RawArticle:
    """The file's text; its sidecar's metadata over ``defaults``, and a date in its name
    last, as the weakest evidence of when it was published."""
    text = decode_bytes(read_bytes(path), str(path))
    meta = sidecar_meta(path).over(defaults or ArticleMeta())
    if meta.published is None:
        meta = replace(meta, published=date_in_name(path))
    return RawArticle(text=text, origin=str(path), meta=meta)
