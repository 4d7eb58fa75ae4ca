"""The vocabulary of reported speech: reporting verbs and phrases, attribution nouns, cues of
anonymity, from ``resources/reporting_cues.tsv`` and ``anonymous_sources.tsv``.

A module of its own because several extractors need it (statements find reported speech with
it, times tell "says Monday" from a scheduled present, events skip reporting verbs and read
which words are quoted), and extractors share data through small modules like this one,
never through each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from ..resources import bundled_table
from .spans import doc_text


@dataclass(frozen=True, slots=True)
class Cues:
    verbs: dict[str, float]
    verb_phrases: frozenset[str]
    phrases: dict[str, float]
    nouns: dict[str, float]
    documents: frozenset[str]
    anonymity: re.Pattern[str]
    anonymous_nouns: frozenset[str]
    not_speakers: frozenset[str]
    attitudes: frozenset[str]  # cues of thinking, wanting or supporting, not of saying


@cache
def cues() -> Cues:
    """The bundled cues, read once."""
    rows = bundled_table("reporting_cues.tsv")
    by_kind: dict[str, dict[str, float]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], {})[row["cue"]] = float(row["strength"] or 0)
    anonymity = re.compile("|".join(re.escape(p) for p in by_kind.get("anonymity", {})),
                           re.IGNORECASE)
    nouns = frozenset(row["noun"] for row in bundled_table("anonymous_sources.tsv"))
    return Cues(by_kind.get("verb", {}), frozenset(by_kind.get("verb_phrase", {})),
                by_kind.get("phrase", {}), by_kind.get("noun", {}),
                frozenset(by_kind.get("document", {})), anonymity, nouns,
                frozenset(by_kind.get("not_speaker", {})),
                frozenset(row["cue"] for row in rows if row["act"] == "attitude"))


# ---------------------------------------------------------------- quotes

OPENING = ("“", '"', "«", "``", "''")
CLOSING = ("”", '"', "»", "''")


def _mark(text: str, i: int) -> tuple[str, int]:
    """The quotation mark at ``i`` and its width: one character, or the two-character marks
    of typewriter text (``` ``...'' ``` and ``''...''``)."""
    pair = text[i:i + 2]
    if pair in ("``", "''"):
        return pair, 2
    return text[i], 1


def _opens(text: str, i: int, mark: str) -> bool:
    if mark in ('"', "''"):  # the same mark opens and closes: it opens before a word
        return i == 0 or not text[i - 1].isalnum()
    return mark in OPENING


def _closes(text: str, i: int, mark: str) -> bool:
    if mark in ('"', "''"):
        end = i + len(mark)
        return end == len(text) or not text[end].isalnum()
    return mark in CLOSING


# The only characters find_quotes acts on: quotation marks and line breaks.
_QUOTE_OR_BREAK = re.compile("[\"“”«»\n]|``|''")


QUOTES_KEY = "wirewatch_quotes"


def doc_quotes(doc: Doc) -> list[tuple[int, int]]:
    """The Doc's quotation spans (``find_quotes`` of its text), found once for every
    extractor that asks."""
    quotes = doc.user_data.get(QUOTES_KEY)
    if quotes is None:
        quotes = doc.user_data[QUOTES_KEY] = find_quotes(doc_text(doc))
    return quotes


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks (the marks themselves excluded). A quote left open at a
    paragraph's end continues when the next paragraph opens with a quotation mark; otherwise
    it closes there. Never raises."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    i = 0
    n = len(text)
    while i < n:
        found = _QUOTE_OR_BREAK.search(text, i)  # every other character is passed over
        if found is None:
            break
        i = found.start()
        mark, width = _mark(text, i)
        if start is None:
            if _opens(text, i, mark):
                start = i + width
        elif _closes(text, i, mark):
            if i > start:
                spans.append((start, i))
            start = None
        elif mark == "\n" and text.startswith("\n\n", i):
            rest = text[i:].lstrip()
            if not rest or not _opens(rest, 0, _mark(rest, 0)[0]):
                spans.append((start, i))  # unbalanced: close at the paragraph end
                start = None
            else:
                i = n - len(rest)  # the continuing paragraph's opening mark
                width = _mark(rest, 0)[1]
        i += width
    if start is not None and start < n:
        spans.append((start, n))
    return [(s, e) for s, e in spans if text[s:e].strip()]
