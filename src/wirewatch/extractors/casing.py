"""Entities in ALL-CAPS lines (headlines, datelines), which a cased model mostly misreads.

Such a line is recased — common words lower-case, known names as the dictionary writes them,
other words capitalized — and run through the statistical pipeline again; the entities found
there are mapped back onto the original characters (recasing keeps every offset).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .spans import doc_text, is_common_word

MIN_LETTERS = 4
MAX_HEADLINE_CHARS = 200
_WORD = re.compile(r"[^\W\d_]+(?:['’.][^\W\d_]+)*\.?")


def is_shouting(line: str) -> bool:
    if len(line) > MAX_HEADLINE_CHARS:
        return False
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= MIN_LETTERS and sum(c.isupper() for c in letters) / len(letters) > 0.8


def recase(line: str, names: dict[str, str]) -> str:
    """Sentence-case an ALL-CAPS line, keeping names capitalized; same length as the input."""
    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        known = names.get(word.lower())
        if known is not None and len(known) == len(word):
            return known
        lower = word.lower()
        return lower if is_common_word(lower.rstrip(".")) else word.capitalize()

    text = _WORD.sub(fix, line)
    first = next((i for i, c in enumerate(text) if c.isalpha()), None)
    if first is not None:
        text = text[:first] + text[first].upper() + text[first + 1:]
    return text


def shouted_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the ALL-CAPS lines of a text."""
    ranges = []
    offset = 0
    for line in text.split("\n"):
        if is_shouting(line):
            ranges.append((offset, offset + len(line)))
        offset += len(line) + 1
    return ranges


def add_shouted_entities(doc: Doc, run_model: Callable[[str], Doc],
                         names: dict[str, str]) -> list[tuple[int, int]]:
    """Replace the entities of the Doc's ALL-CAPS lines with those found in their recased
    form, which a cased model reads far better; returns those lines' character ranges."""
    text = doc_text(doc)
    shouted = shouted_lines(text)
    found: list[Span] = []
    for start, end in shouted:
        for ent in run_model(recase(text[start:end], names)).ents:
            span = doc.char_span(start + ent.start_char, start + ent.end_char,
                                 label=ent.label_)
            if span is not None:
                found.append(span)
    if shouted:
        kept = [e for e in doc.ents
                if not any(s <= e.start_char < end for s, end in shouted)]
        doc.ents = filter_spans([*kept, *found])
    return shouted


def name_forms(surfaces: Iterable[str]) -> dict[str, str]:
    """Lower-cased single-word names mapped to their written form ("usa" -> "USA")."""
    return {s.lower(): s for s in surfaces if " " not in s and s[:1].isupper()}
