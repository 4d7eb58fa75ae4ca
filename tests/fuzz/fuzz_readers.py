"""An atheris (libFuzzer) harness for the HTML and JSON Lines readers: whatever the bytes,
a reader yields articles and failures with a one-line reason, or refuses the file with one
``InputError``; any other exception is a crash, saved by libFuzzer as ``crash-*``.

    python tests/fuzz/fuzz_readers.py [CORPUS_DIR] -max_total_time=60

(``WIREWATCH_FUZZ_SCRATCH=DIR`` names the folder its file targets write to.)

The first byte of an input picks the target: an HTML file, a JSON Lines file, a page given
as text (as the API and JSONL ``html`` fields hand it over), or one JSON record.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["wirewatch", "trafilatura"]):
    import trafilatura  # noqa: F401  (imported by the reader when first used: here, traced)

    from wirewatch.errors import InputError
    from wirewatch.ingest import Failure, RawArticle, read_file
    from wirewatch.ingest.html import article_from_html
    from wirewatch.ingest.jsonl import article_from_record

# Where the file targets write their input: a folder given by the caller (the test passes
# its own temporary one), else a new one.
SCRATCH = Path(os.environ.get("WIREWATCH_FUZZ_SCRATCH") or tempfile.mkdtemp(
    prefix="wirewatch-fuzz-"))
HTML_FILE, JSONL_FILE = SCRATCH / "page.html", SCRATCH / "lines.jsonl"
TARGETS = 4


def check(item: RawArticle | Failure) -> None:
    """What a reader may yield: storable articles with text, failures with one line."""
    if isinstance(item, Failure):
        if not item.reason.strip() or "\n" in item.reason.strip():
            raise AssertionError(f"a reason is not one line: {item.reason!r}")
        item.reason.encode("utf-8")
    elif isinstance(item, RawArticle):
        if not item.text:
            raise AssertionError("an article without text")
    else:
        raise AssertionError(f"a reader yielded {type(item).__name__}")
    item.origin.encode("utf-8")


def one_input(data: bytes) -> None:
    """Run one target over the input; only ``InputError`` may leave a reader."""
    if not data:
        return
    target, payload = data[0] % TARGETS, data[1:]
    try:
        if target in (0, 1):
            path = HTML_FILE if target == 0 else JSONL_FILE
            path.write_bytes(payload)
            for item in read_file(path):
                check(item)
        else:
            text = atheris.FuzzedDataProvider(payload).ConsumeUnicode(len(payload))
            reader = article_from_html if target == 2 else article_from_record
            check(reader(text, "fuzz"))
    except InputError as err:
        if "\n" in str(err).strip():
            raise AssertionError(f"a reason is not one line: {err}") from None


def main(argv: list[str]) -> None:
    logging.disable(logging.CRITICAL)  # trafilatura logs each page it cannot parse
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
