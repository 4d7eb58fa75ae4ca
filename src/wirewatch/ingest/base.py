"""What every reader yields: a raw article with its metadata, or a failure with its reason."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..errors import InputError, SettingError


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What a bare file cannot say about itself; ``None`` fields are unknown."""

    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: str | None = None

    def over(self, other: ArticleMeta) -> ArticleMeta:
        """These values where set, ``other``'s elsewhere."""
        return ArticleMeta(
            url=self.url or other.url,
            title=self.title or other.title,
            source=self.source or other.source,
            published=self.published or other.published,
        )


def storable(text: str) -> str:
    """``text`` as it can be stored and printed. A file name's bytes that are not UTF-8 (which
    Python keeps as lone surrogates, "caf\\udce9.txt") are written out ("caf\\xe9.txt");
    any other lone surrogate, as JSON's "\\ud800" gives, becomes U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class RawArticle:
    """Text as read from a source, before normalization."""

    text: str
    origin: str
    meta: ArticleMeta = ArticleMeta()

    def __post_init__(self) -> None:
        object.__setattr__(self, "origin", storable(self.origin))

    def with_meta(self, meta: ArticleMeta) -> RawArticle:
        """This article with ``meta``'s values over the ones it had."""
        return replace(self, meta=meta.over(self.meta))

    def with_defaults(self, defaults: ArticleMeta) -> RawArticle:
        """This article with ``defaults`` filling in only what its source did not say, so
        that options given for a whole run never overwrite what a file says of itself."""
        return replace(self, meta=self.meta.over(defaults))


@dataclass(frozen=True, slots=True)
class Failure:
    """An item that could not become an article, and why. The origin is its own field, so a
    reason given as a message that starts with it ("x.txt: the file is empty") drops it."""

    origin: str
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "origin", storable(self.origin))
        object.__setattr__(self, "reason", without_origin(storable(self.reason), self.origin))


def without_origin(reason: str, origin: str) -> str:
    """A failure's reason without the ``origin: `` that messages for users start with."""
    prefix = f"{origin}: "
    return reason[len(prefix):] if reason.startswith(prefix) and len(reason) > len(prefix) \
        else reason


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file inside a folder that no reader handles; not an error."""

    origin: str
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "origin", storable(self.origin))
        object.__setattr__(self, "reason", storable(self.reason))


IngestItem = RawArticle | Failure | Skipped

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_published(value: Any, what: str = "published date") -> str | None:
    """Check a publication date and return it as ISO 8601 (date, or datetime when given)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    try:
        if _ISO_DATE.match(text):
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        raise SettingError(
            f"{what} {text!r} is not an ISO 8601 date such as 2024-10-30"
        ) from None


def meta_from_mapping(data: dict[str, Any], origin: str) -> ArticleMeta:
    """Metadata from a JSON object (a JSONL line or a sidecar), checked."""
    def text_field(key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise InputError(f"{origin}: field {key!r} must be a string")
        return storable(value.strip()) or None

    try:
        published = parse_published(data.get("published"))
    except SettingError as err:
        raise InputError(f"{origin}: {err}") from None
    return ArticleMeta(text_field("url"), text_field("title"), text_field("source"), published)


SIDECAR_SUFFIX = ".meta.json"


def sidecar_meta(path: Path) -> ArticleMeta:
    """Metadata from ``<file>.meta.json`` beside a text or HTML file, if there is one."""
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return ArticleMeta()
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"{sidecar}: not a readable JSON object ({err})") from None
    except RecursionError:
        raise InputError(f"{sidecar}: JSON nested too deeply to read") from None
    if not isinstance(data, dict):
        raise InputError(f"{sidecar}: must hold a JSON object")
    return meta_from_mapping(data, str(sidecar))


def unreadable(path: Path, err: OSError) -> InputError:
    """The one-line reason a file could not be opened or read."""
    if isinstance(err, FileNotFoundError):
        return InputError(f"{path}: no such file")
    if isinstance(err, IsADirectoryError):
        return InputError(f"{path}: is a folder, not a file")
    return InputError(f"{path}: cannot be read ({err.strerror or err})")


def read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise unreadable(path, err) from None
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    return data
