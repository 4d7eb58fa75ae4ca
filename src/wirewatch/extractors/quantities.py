"""Numbers with what they count and how exact they are: "at least 11,000 troops" ->
11000, min, troops; "155-millimeter" -> 155 mm, a measure; "$1.7 billion" -> 1.7e9 USD.

Dates, clock times, ages, ordinals and the digits inside names ("F-16") are not quantities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..resources import bundled_table
from .annotations import QuantityHit
from .spans import SpanIndex, doc_text, literal_alternation

COUNT, MEASURE = "count", "measure"
# Nouns that follow an age ("a 52-year-old doctor") or make a number a name or a rank.
AGE_WORDS = frozenset({"old", "aged", "age"})




@dataclass(frozen=True, slots=True)
class Vocabulary:
    bounds: dict[str, str]
    scales: dict[str, float]
    vague: dict[str, float]
    currencies: dict[str, str]
    measures: dict[str, str]
    numbers: dict[str, float]
    pattern: re.Pattern[str]


def _alt(items: Iterable[str]) -> str:
    """The words as one trie pattern; lower-cased, as the pattern ignores case anyway, so
    that no two words differ only in case and the longest still is tried first."""
    return literal_alternation({word.lower() for word in items})


@cache
def vocabulary() -> Vocabulary:
    groups: dict[str, dict[str, str]] = {}
    for row in bundled_table("quantity_words.tsv"):
        groups.setdefault(row["kind"], {})[row["word"]] = row["value"]
    bounds, scales = groups["bound"], {k: float(v) for k, v in groups["scale"].items()}
    vague = {k: float(v) for k, v in groups["vague"].items()}
    currencies, measures = groups["currency"], groups["measure"]
    numbers = {k: float(v) for k, v in groups["number"].items()}
    symbols = [c for c in currencies if not c.isalpha()]
    # "five hundred", and groups that end in a scale word before more: "two thousand five
    # hundred" is one number, not "two thousand" and "five hundred"
    spelled = f"(?:{_alt(numbers)})(?:[- ](?:{_alt(numbers)}))*"
    word_number = (f"(?:{spelled}(?:\\s+(?:{_alt(scales)}))+\\s+)*"
                   f"{spelled}(?:\\s+(?:{_alt(scales)}))*")
    digits = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?"
    pattern = re.compile(
        f"(?<![\\w$€£¥₩₽₴.,-])"
        f"(?:(?P<bound>{_alt(bounds)})\\s+)?"
        f"(?:(?P<currency>{_alt(symbols)})\\s?)?"
        f"(?:(?P<vague>{_alt(vague)})(?=\\s)"
        f"|(?P<digits>{digits})(?:\\s?(?P<scale>{_alt(scales)}))?"
        f"|(?P<words>(?i:{word_number})))"
        f"(?:-?(?P<unit_attached>{_alt(m for m in measures if m.isalpha())}))?"
        f"(?P<percent>\\s?%)?"
        f"(?![\\w:/]|\\.\\d|,\\d)",
        re.IGNORECASE,
    )
    return Vocabulary(bounds, scales, vague, currencies, measures, numbers, pattern)


def _word_value(text: str, vocab: Vocabulary) -> float | None:
    total, current = 0.0, 0.0
    for part in re.split(r"[\s-]+", text.lower()):
        if part in vocab.numbers:
            current += vocab.numbers[part]
        elif part in vocab.scales:
            current = (current or 1) * vocab.scales[part]
            if vocab.scales[part] >= 1000:
                total, current = total + current, 0.0
        else:
            return None
    return total + current or None


def _value(m: re.Match[str], vocab: Vocabulary) -> float | None:
    if m["vague"]:
        return vocab.vague[m["vague"].lower()]
    if m["digits"]:
        value = float(m["digits"].replace(",", ""))
        return value * vocab.scales[m["scale"].lower()] if m["scale"] else value
    return _word_value(m["words"], vocab)


def _head_noun(span: Span) -> Token | None:
    """The noun the number counts: its head for a number modifier, or the noun after it."""
    last = span[-1]
    head = last.head
    if last.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and \
            head.pos_ in ("NOUN", "PROPN") and head.i > last.i:
        return head
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.lower_ == "of":  # "hundreds of soldiers"
        nxt = span.doc[span.end + 1] if span.end + 1 < len(span.doc) else None
    while nxt is not None and nxt.pos_ in ("ADJ", "PROPN") and nxt.i + 1 < len(span.doc) \
            and span.doc[nxt.i + 1].pos_ in ("NOUN", "PROPN", "ADJ"):
        nxt = span.doc[nxt.i + 1]
    if nxt is not None and nxt.pos_ == "NOUN":
        return nxt
    return None


def _is_age(span: Span) -> bool:
    doc = span.doc
    after = doc[span.end:span.end + 4]
    if any(t.lower_ in AGE_WORDS for t in after[:4]) and any(
            t.lower_ in ("year", "years", "month", "months") for t in after[:3]):
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in AGE_WORDS:
        return True
    # "Slepian, 52, an obstetrician": a number set off by commas after a name
    return (before is not None and before.text == "," and span.start >= 2
            and doc[span.start - 2].ent_type_ == "PERSON"
            and span.end < len(doc) and doc[span.end].text == ",")


def find_quantities(doc: Doc, excluded: list[tuple[int, int]]) -> list[QuantityHit]:
    """Quantities in the Doc, skipping the character ranges of time expressions."""
    vocab = vocabulary()
    hits: list[QuantityHit] = []
    times = SpanIndex(excluded)  # looked up, not scanned: a long article has thousands
    for m in vocab.pattern.finditer(doc_text(doc)):
        start = m.start("bound") if m["bound"] else m.start()
        number_start = m.start("currency") if m["currency"] else (
            m.start("vague") if m["vague"] else m.start("digits") if m["digits"]
            else m.start("words"))
        if m.end() > start and times.overlapping(start, m.end()):
            continue
        value = _value(m, vocab)
        if value is None:
            continue
        span = doc.char_span(number_start, m.end(), alignment_mode="expand")
        if span is None or _is_age(span) or _is_ordinal_or_name(span):
            continue
        unit, kind = _unit(m, span, vocab)
        if m["words"] and unit is None and not m["bound"]:
            continue  # "one of them", "the two": a pronoun, not a count
        bound = vocab.bounds[m["bound"].lower()] if m["bound"] else (
            "approx" if m["vague"] else "exact")
        end = m.end() - 3 if m.group(0).lower().endswith(" of") else m.end()
        hits.append(QuantityHit(start, end, value, bound, unit, kind))
    return hits


def _is_ordinal_or_name(span: Span) -> bool:
    token = span[0]
    if token.tag_ in ("JJ",) and token.lower_ in ("first", "second", "third"):
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.text == "." and span.start >= 2 \
            and span.doc[span.start - 2].text == "No":
        return True  # "the No. 2 official": the model splits the abbreviation from its dot
    return before is not None and before.lower_ in ("no.", "number", "#", "route", "flight")


def _unit(m: re.Match[str], span: Span, vocab: Vocabulary) -> tuple[str | None, str]:
    if m["unit_attached"]:
        return vocab.measures[m["unit_attached"].lower()], MEASURE
    if m["percent"]:
        return "percent", MEASURE
    if m["currency"]:
        return vocab.currencies[m["currency"]], COUNT
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None:
        two = f"{nxt.lower_} {doc[span.end + 1].lower_}" if span.end + 1 < len(doc) else ""
        for word in (two, nxt.lower_, nxt.text):
            if word in vocab.measures:
                return vocab.measures[word], MEASURE
            if word in vocab.currencies and word.isalpha():
                return vocab.currencies[word], COUNT
    noun = _head_noun(span)
    if noun is None:
        return None, COUNT
    if noun.lower_ in vocab.measures:
        return vocab.measures[noun.lower_], MEASURE
    if noun.lower_ in vocab.currencies:
        return vocab.currencies[noun.lower_], COUNT
    return noun.lower_, COUNT
