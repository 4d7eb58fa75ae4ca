"""Text repair before parsing: broken Unicode, words cut across lines, trailers and datelines.

Everything downstream indexes the text this module returns, so it must be deterministic and
idempotent: normalizing normalized text changes nothing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import ftfy
from wordfreq import zipf_frequency

from .errors import InputError
from .ingest import RawArticle
from .model import Article
from .resources import bundled_table
from .urls import http_url

# A word is "known" at this Zipf frequency (once per million words). A line-end cut is mended
# only when the joined word is known and its pieces are not both known words on their own.
KNOWN_ZIPF = 3.0

# A word, an optional hyphen and a single line break, with the next word looked at but not
# consumed, so that a word can be the right half of one cut and the left half of the next.
_CUT = re.compile(r"(?<![^\W\d_])([^\W\d_]+)(-?)[ \t]*\n[ \t]*(?=([^\W\d_]+)(?![^\W\d_]))")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}?)"
    r"(?:,\s*[A-Z][A-Za-z.]{1,15})?"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?P<agency>[^()\n]{2,40})\))?"
    r"\s*(?:--|—|–|-)\s"
)
_TRAILER_MAX_CHARS = 200
ENGLISH = "en"
# Language identification: how much text it reads, the least it needs, and how sure it must
# be to call a text anything but English (see guess_language).
LANGUAGE_SAMPLE_CHARS = 2000
MIN_LANGUAGE_LETTERS = 200
MIN_LANGUAGE_CONFIDENCE = 0.9


@dataclass(frozen=True, slots=True)
class NormalizedText:
    text: str
    trailers: tuple[str, ...] = ()
    """Lines removed from the body (bylines, source lines, rights notices), in text order."""
    source: str | None = None
    """Publisher named by a source trailer or a dateline agency."""
    dateline: str | None = None
    """The place a dateline names (``SEOUL, Oct. 30 (Yonhap) --`` gives ``SEOUL``)."""
    language: str | None = None
    """ISO 639-1 code (``en``); see ``guess_language``."""


def normalize(text: str) -> NormalizedText:
    """Repair, trim and split off trailers; the returned text is what gets analyzed."""
    text = repair_text(text)
    body, trailers, source = split_trailers(text)
    dateline, agency = find_dateline(body)
    return NormalizedText(
        text=body,
        trailers=tuple(trailers),
        source=source or agency,
        dateline=dateline,
        language=guess_language(body),
    )


def repair_text(text: str) -> str:
    """Fix mojibake and line breaks, trim line ends, rejoin words cut across lines; repeated
    until nothing changes, since one repair can expose another."""
    for _ in range(4):
        repaired = _repair_once(text)
        if repaired == text:
            break
        text = repaired
    return text


def _repair_once(text: str) -> str:
    text = ftfy.fix_text(text, uncurl_quotes=False, fix_latin_ligatures=True,
                         normalization="NFC")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return _CUT.sub(_mend_cut, text)


def _mend_cut(match: re.Match[str]) -> str:
    left, hyphen, right = match.group(1), match.group(2), match.group(3)
    if not right[0].islower():
        return match.group(0)
    known = _zipf(left + right) >= KNOWN_ZIPF
    both_known = _zipf(left) >= KNOWN_ZIPF and _zipf(right) >= KNOWN_ZIPF
    if known and not both_known:
        return left  # the right half follows: "pote" + "ntial"
    if hyphen:
        return f"{left}-"  # a hyphenated compound broken at its hyphen
    return match.group(0)


@cache
def _zipf(word: str) -> float:
    return zipf_frequency(word.lower(), "en")


@cache
def _trailer_patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    return tuple((row["kind"], row["where"], re.compile(row["pattern"]))
                 for row in bundled_table("trailers.tsv"))


def _trailer_match(line: str, at_end: bool) -> re.Match[str] | None:
    if not line or len(line) > _TRAILER_MAX_CHARS:
        return None
    for _kind, where, pattern in _trailer_patterns():
        if where == "end" and not at_end:
            continue
        found = pattern.match(line)
        if found:
            return found
    return None


def split_trailers(text: str) -> tuple[str, list[str], str | None]:
    """Peel trailer lines off the end and bylines off the start of the text."""
    lines = text.split("\n")
    head: list[str] = []
    tail: list[str] = []
    source = None
    while lines:
        line = lines[-1].strip()
        if not line:
            lines.pop()
            continue
        found = _trailer_match(line, at_end=True)
        if not found:
            break
        tail.insert(0, line)
        source = source or found.groupdict().get("source")
        lines.pop()
    while lines:
        line = lines[0].strip()
        if not line:
            lines.pop(0)
            continue
        if not _trailer_match(line, at_end=False) or len(lines) == 1:
            break
        head.append(line)
        lines.pop(0)
    body = "\n".join(lines).strip()
    return body, head + tail, source


def find_dateline(text: str) -> tuple[str | None, str | None]:
    """The place and agency of a wire dateline at the start of the text."""
    found = _DATELINE.match(text)
    if not found:
        return None, None
    place = found.group("place").strip(" -")
    return (place.title() if place else None), found.group("agency")


def guess_language(text: str) -> str:
    """The ISO 639-1 code of the text's language, from py3langid's offline model.

    Identification is unreliable on little text, so the rule favours English, the language
    wirewatch codes: a text with fewer than ``MIN_LANGUAGE_LETTERS`` letters, or one the
    identifier names with a confidence below ``MIN_LANGUAGE_CONFIDENCE``, is English.
    """
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if sum(map(str.isalpha, sample)) < MIN_LANGUAGE_LETTERS:
        return ENGLISH
    try:
        language, confidence = _language_identifier().classify(sample)
    except Exception:  # an identifier failure must not lose the article: assume English
        return ENGLISH
    if language == ENGLISH or confidence < MIN_LANGUAGE_CONFIDENCE:
        return ENGLISH
    return str(language)


def is_english(language: str | None) -> bool:
    """Whether the coder reads this language; ``None`` (stored before identification) is."""
    return language in (None, ENGLISH)


@cache
def _language_identifier() -> Any:
    """py3langid's model (97 languages, about 5 MB), loaded on first use and kept."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An article ready to parse: the model ``Article`` plus what only the coder needs."""

    article: Article
    dateline: str | None
    origin: str


def prepare(raw: RawArticle) -> PreparedArticle:
    """Normalize a raw article; its id is the hash of the normalized text."""
    norm = normalize(raw.text)
    if not norm.text.strip():
        raise InputError(f"{raw.origin}: no article text after normalization")
    article = Article(
        id=hashlib.sha256(norm.text.encode("utf-8")).hexdigest(),
        url=http_url(raw.meta.url),
        title=raw.meta.title,
        source=raw.meta.source or norm.source,
        published=raw.meta.published,
        language=norm.language,
        text=norm.text,
        trailers=norm.trailers,
    )
    return PreparedArticle(article, norm.dateline, raw.origin)
