"""Plain-text files: the text as it is, metadata from a sidecar or the command line."""

from __future__ import annotations

from pathlib import Path

from .base import RawArticle, decode_text, read_bytes, sidecar_meta


def read_text_file(path: Path) -> RawArticle:
    text = decode_text(read_bytes(path), str(path))
    return RawArticle(text=text, origin=str(path), meta=sidecar_meta(path))
