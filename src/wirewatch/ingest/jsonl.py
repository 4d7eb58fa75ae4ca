"""JSONL corpora: one article a line, ``text`` or ``html`` with optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from .base import Failure, RawArticle, meta_from_mapping, read_bytes
from .decode import decode_bytes
from .html import article_from_html


def read_jsonl_file(path: Path) -> Iterator[RawArticle | Failure]:
    """Each good line becomes an article; a bad line becomes a failure and the rest go on."""
    text = decode_bytes(read_bytes(path), str(path))
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            yield article_from_record(line, origin)
        except InputError as err:
            yield Failure(origin, str(err))


def article_from_record(line: str, origin: str) -> RawArticle:
    return article_from_mapping(json_object(line, origin), origin)


def json_object(line: str, origin: str) -> dict:
    """One line of JSON Lines, which must hold an object."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"{origin}: not valid JSON ({err.msg})") from None
    if not isinstance(record, dict):
        raise InputError(f"{origin}: a line must be a JSON object")
    return record


def article_from_mapping(record: dict, origin: str) -> RawArticle:
    """An article from a JSON object with ``text`` or ``html`` and optional metadata."""
    meta = meta_from_mapping(record, origin)
    body = record.get("text")
    if isinstance(body, str) and body.strip():
        return RawArticle(text=body, origin=origin, meta=meta)
    html = record.get("html")
    if isinstance(html, str) and html.strip():
        return article_from_html(html, origin, url=meta.url).with_meta(meta)
    raise InputError(f"{origin}: needs a non-empty 'text' or 'html' field")
