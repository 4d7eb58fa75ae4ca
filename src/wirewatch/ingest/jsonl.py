"""JSONL corpora: one article a line, ``text`` or ``html`` with optional metadata.

JSON Lines are UTF-8, so a file is read a line at a time: a corpus of any size takes the
memory of its longest line, and a line with a stray NUL or a byte that is not UTF-8 fails
alone instead of making the whole file look binary. Only a file in UTF-16 or UTF-32 (a
byte-order mark, or NULs in every other byte) is decoded whole, as ``decode_bytes`` reads
it. Lines end at ``\n`` only: JSON strings may hold U+2028 or U+0085 unescaped, which
``str.splitlines`` would cut.
"""

from __future__ import annotations

import codecs
import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from .base import Failure, RawArticle, meta_from_mapping, unreadable
from .decode import HEAD_BYTES, decode_bytes
from .html import article_from_html

_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
# Control bytes other than whitespace: text has next to none, binary data about one in ten.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\v\f\r") + b"\x7f"
_BINARY_SHARE = 0.05


def read_jsonl_file(path: Path) -> Iterator[RawArticle | Failure]:
    """Each good line becomes an article; a bad line becomes a failure and the rest go on.
    A ``.gz`` file is read through gzip."""
    try:
        opener = gzip.open if path.suffix.lower() == ".gz" else open
        file = opener(path, "rb")
    except OSError as err:
        raise unreadable(path, err) from None
    with file:
        head = file.read(HEAD_BYTES)
        if head.startswith(_WIDE_BOMS) or head.count(0) > len(head) // 4:
            text = decode_bytes(head + file.read(), str(path))
            yield from _records(path, enumerate(text.split("\n"), start=1))
            return
        controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
        if controls > _BINARY_SHARE * len(head):
            raise InputError(f"{path}: binary file, not text")
        file.seek(0)
        lines = ((number, _decoded(raw, f"{path}:{number}", first=number == 1))
                 for number, raw in enumerate(file, start=1))
        yield from _records(path, lines)


def _decoded(raw: bytes, origin: str, first: bool) -> str | InputError:
    """One line's text (after a byte-order mark on the first line), or the error that fails
    that line alone. Detecting a legacy encoding line by line would turn broken bytes into
    mojibake ("\\xff\\xfe" read as Cyrillic), so a line that is not UTF-8 is refused."""
    if first and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return InputError(f"{origin}: not valid UTF-8 (byte 0x{raw[err.start]:02x} at offset "
                          f"{err.start} of the line); JSON Lines are UTF-8")


def _records(path: Path, lines: Iterable[tuple[int, str | InputError]]
             ) -> Iterator[RawArticle | Failure]:
    """An article or a failure for each line that is not blank; a file of blank lines is
    empty."""
    seen = False
    for number, line in lines:
        if isinstance(line, str) and not line.strip():
            continue
        seen = True
        origin = f"{path}:{number}"
        try:
            yield article_from_record(line, origin) if isinstance(line, str) else Failure(
                origin, str(line))
        except InputError as err:
            yield Failure(origin, str(err))
    if not seen:
        raise InputError(f"{path}: the file is empty")


def article_from_record(line: str, origin: str) -> RawArticle:
    return article_from_mapping(json_object(line, origin), origin)


def json_object(line: str, origin: str) -> dict:
    """One line of JSON Lines, which must hold an object."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"{origin}: not valid JSON ({err.msg})") from None
    except RecursionError:  # "[[[[..." thousands deep: the parser recurses once a level
        raise InputError(f"{origin}: JSON nested too deeply to read") from None
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
