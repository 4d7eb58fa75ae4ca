"""Web archives (WARC and WARC.gz, as Common Crawl's CC-NEWS files): each HTML response record
extracted as a page is, every other record skipped and counted.

The archive is streamed record by record (warcio), so memory stays bounded by the largest
record read, never the file; a record over ``MAX_RECORD_BYTES`` is a failure, not a read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from .base import Failure, IngestItem, Skipped
from .decode import charset_of, decode_bytes
from .html import article_from_html

WARC_SUFFIXES = (".warc", ".warc.gz")
MAX_RECORD_BYTES = 10_000_000
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc_file(path: Path) -> Iterator[IngestItem]:
    """Every record of the archive: an article or failure per HTML response, and a
    ``Skipped`` per other record (request, metadata, an image, a redirect)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        stream = path.open("rb")
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror or err})") from None
    with stream:
        if not _starts_as_warc(stream):
            yield Failure(str(path), "not a WARC archive (it does not start with a WARC record)")
            return
        try:
            for number, record in enumerate(ArchiveIterator(stream), 1):
                yield _record_item(path, number, record)
        except (ArchiveLoadFailed, OSError, ValueError, EOFError) as err:
            yield Failure(str(path), f"not a readable WARC archive ({type(err).__name__})")


def _starts_as_warc(stream: BinaryIO) -> bool:
    """Whether the file opens with a WARC record, plain or gzipped (warcio reads any text as
    records of an older format rather than refusing it)."""
    import gzip
    import zlib

    head = stream.read(2)
    stream.seek(0)
    try:
        if head == b"\x1f\x8b":
            with gzip.GzipFile(fileobj=stream) as unpacked:
                start = unpacked.read(5)
        else:
            start = stream.read(5)
    except (OSError, EOFError, zlib.error):
        start = b""
    stream.seek(0)
    return start == b"WARC/"


def _record_item(path: Path, number: int, record: object) -> IngestItem:
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""  # type: ignore[attr-defined]
    origin = f"{path}#{number}"
    kind = record.rec_type  # type: ignore[attr-defined]
    if kind != "response" or record.http_headers is None:  # type: ignore[attr-defined]
        return Skipped(origin, f"WARC {kind} record")
    status = record.http_headers.get_statuscode()  # type: ignore[attr-defined]
    content_type = record.http_headers.get_header("Content-Type")  # type: ignore[attr-defined]
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    if status != "200" or mime not in HTML_TYPES:
        return Skipped(origin, f"WARC response {status} {mime or 'without a type'}")
    body = record.content_stream().read(MAX_RECORD_BYTES + 1)  # type: ignore[attr-defined]
    if len(body) > MAX_RECORD_BYTES:
        return Failure(origin, f"a record over {MAX_RECORD_BYTES} bytes")
    try:
        html = decode_bytes(body, origin, declared=charset_of(content_type), markup=True)
        return article_from_html(html, origin, url=uri or None)
    except InputError as err:
        return Failure(origin, str(err))
