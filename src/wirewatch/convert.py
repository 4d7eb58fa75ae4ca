"""The one boundary from spaCy objects to model dataclasses; every offset is checked here."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc

from .errors import ExtractionError
from .extractors.actors import ActorDictionary, split_code
from .extractors.scope import decide_scope
from .extractors.spans import doc_text
from .kinds import KINDS, spans
from .model import (
    Actor,
    Article,
    Document,
    Entity,
    Event,
    Place,
    Quantity,
    Statement,
    TimeExpression,
    from_plain,
)
from .nlp import EXTENSION, Annotations

UNATTRIBUTED_CONFIDENCE = 0.4


def to_document(doc: Doc, article: Article, book: ActorDictionary,
                keep_unattributed: bool = False) -> Document:
    """Build the contract's document from a parsed Doc and its article.

    A candidate event with no coded actor on either side is no event of the ledger ("the
    warning comes as ...", "the agreement"): it is dropped, or kept with a confidence of at
    most 0.4 when asked for."""
    text = article.text
    if doc_text(doc) != text:
        raise ExtractionError("the parsed text differs from the article text")
    found: Annotations | None = doc._.get(EXTENSION)
    if found is None:
        raise ExtractionError("the wirewatch component did not run on this document")
    if found.error:
        raise ExtractionError(f"extraction failed: {found.error}")
    entities = tuple(
        Entity(h.span.start_char, h.span.end_char, h.span.text, h.label, h.actor)
        for h in found.entities
    )
    mentions: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in found.actors:
        span = doc[m.start:m.end]
        mentions[m.code].append((span.start_char, span.end_char))
    actors = []
    for code in sorted(mentions, key=lambda c: mentions[c][0]):
        country, role = split_code(code)
        actors.append(Actor(code, book.actor_name(code), country, role, tuple(mentions[code])))
    times = tuple(from_hit(TimeExpression, t, text) for t in found.times)
    quantities = tuple(from_hit(Quantity, q, text) for q in found.quantities)
    places = tuple(from_hit(Place, p, text) for p in found.places)
    statements = tuple(from_hit(Statement, h, text) for h in found.statements)
    # Events only for an article about political interaction: a match report's "beat" and
    # "attack" are no ASSAULT (the other annotations stay, they are true of any text).
    in_scope = decide_scope(text, title=article.title, url=article.url,
                            actors=len(actors)).in_scope
    events = tuple(replace(from_hit(Event, e, text), confidence=e.confidence
                           if e.source or e.target
                           else min(e.confidence, UNATTRIBUTED_CONFIDENCE))
                   for e in found.events if keep_unattributed or e.source or e.target
                   ) if in_scope else ()
    document = Document(article=article, entities=entities, actors=tuple(actors), times=times,
                        places=places, quantities=quantities, statements=statements,
                        events=events, extra={key: tuple(items)
                                              for key, items in found.extra.items()})
    check_offsets(document)
    return document


def from_hit(model: type, hit: Any, text: str) -> Any:
    """A model item from an extractor's hit that has the model's fields by name (and maybe
    more, for the extractor's own use); a ``text`` the hit lacks is cut from the article."""
    if "text" in model.__dataclass_fields__ and "text" not in hit.__dataclass_fields__:
        return from_plain(model, hit, text=text[hit.start:hit.end])
    return from_plain(model, hit)


def check_offsets(document: Document) -> None:
    """Every span must lie inside the text, and an item's ``text`` must be what it spans."""
    size = len(document.article.text)
    for name, start, end in spans(document):
        if not 0 <= start <= end <= size:
            raise ExtractionError(f"{name} span [{start}, {end}) lies outside the text")
    for kind in KINDS.values():
        if "text" not in kind.model.__dataclass_fields__ or kind.spans is not None:
            continue
        for item in document.annotations(kind.key):
            if document.article.text[item.start:item.end] != item.text:
                raise ExtractionError(
                    f"span [{item.start}, {item.end}) does not read {item.text!r}")
