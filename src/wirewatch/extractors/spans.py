"""Find the annotations that overlap a stretch of text without scanning them all.

Extractors relate annotations by position (a time in an event's sentence, the actor inside
a speaker's words); looking each up this way keeps an article's cost linear in its length.
Word lists are searched with one pattern written as a trie (``literal_alternation``), and
whether a word is an ordinary one is told by its frequency (``is_common_word``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from functools import cache

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc
from wordfreq import zipf_frequency

# A word this common is an ordinary word, not a name, unless a dictionary knows it.
COMMON_ZIPF = 4.0


@cache
def is_common_word(word: str) -> bool:
    """An ordinary English word, by its frequency, not a name ("Radical" opening a sentence)."""
    return zipf_frequency(word, "en") >= COMMON_ZIPF


class SpanIndex:
    """Character spans, answered by overlap with a query span."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self.starts = [spans[i][0] for i in self.order]
        self.ends = [spans[i][1] for i in self.order]
        self.longest = max((end - start for start, end in spans), default=0)

    def overlapping(self, start: int, end: int) -> list[int]:
        """Indices (into the spans given) of those overlapping [start, end), in their order;
        an empty query span asks for those holding its position."""
        end = max(end, start + 1)
        low = bisect_left(self.starts, start - self.longest)
        high = bisect_left(self.starts, end)
        return sorted(self.order[k] for k in range(low, high) if self.ends[k] > start)


TEXT_KEY = "wirewatch_text"


def doc_text(doc: Doc) -> str:
    """The Doc's text, read once: spaCy rebuilds ``Doc.text`` from its tokens on every
    access, which every extractor would otherwise pay again."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


LEMMAS_KEY = "wirewatch_lemmas"


def lower_lemmas(doc: Doc) -> list[str]:
    """Each token's lemma in lower case, read once per Doc."""
    lemmas = doc.user_data.get(LEMMAS_KEY)
    if lemmas is None:
        lemmas = doc.user_data[LEMMAS_KEY] = token_strings(doc, LEMMA, str.lower)
    return lemmas


LOWERS_KEY = "wirewatch_lowers"


def lower_words(doc: Doc) -> list[str]:
    """Each token's text in lower case, read once per Doc."""
    lowers = doc.user_data.get(LOWERS_KEY)
    if lowers is None:
        lowers = doc.user_data[LOWERS_KEY] = token_strings(doc, LOWER, str)
    return lowers


def token_strings(doc: Doc, attr: int, fold: Callable[[str], str]) -> list[str]:
    """Each token's string of ``attr`` (LEMMA, LOWER), folded, from one array and each
    distinct string once: asking every token builds a Token and looks its string up."""
    strings = doc.vocab.strings
    folded: dict[int, str] = {}
    out = []
    for key in doc.to_array(attr).tolist():
        word = folded.get(key)
        if word is None:
            word = folded[key] = fold(strings[key])
        out.append(word)
    return out


def literal_alternation(words: Iterable[str], space: str | None = None) -> str:
    """A pattern matching any of ``words`` (literally; each space as the pattern ``space``
    when given), written as a trie: at each position the engine tries only the words that
    begin with the character there instead of every word in turn, and still tries the
    longest matching word first, as a longest-first list of alternatives does."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie, space)


def _trie_pattern(node: dict[str, dict], space: str | None) -> str:
    branches = [(space if char == " " and space is not None else re.escape(char))
                + _trie_pattern(child, space) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
