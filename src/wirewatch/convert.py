"""The one boundary from spaCy objects to model dataclasses; every offset is checked here."""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from .errors import ExtractionError
from .extractors.actors import ActorDictionary, split_code
from .extractors.scope import decide_scope
from .extractors.spans import doc_text
from .model import (
    Actor,
    Article,
    Document,
    Entity,
    Event,
    Place,
    Quantity,
    Speaker,
    Statement,
    TimeExpression,
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
    times = tuple(TimeExpression(t.start, t.end, text[t.start:t.end], t.value, t.kind,
                                 t.anchor) for t in found.times)
    quantities = tuple(Quantity(q.start, q.end, text[q.start:q.end], q.value, q.bound,
                                q.unit, q.kind) for q in found.quantities)
    places = tuple(Place(p.start, p.end, text[p.start:p.end], p.name, p.country, p.lat,
                         p.lon, p.geonameid, p.feature) for p in found.places)
    statements = tuple(
        Statement(h.start, h.end,
                  Speaker(h.speaker.text, h.speaker.start, h.speaker.end, h.speaker.actor,
                          h.speaker.anonymous, h.speaker.name) if h.speaker else None,
                  h.cue, h.direct, tuple(h.source_chain), h.cue_span)
        for h in found.statements)
    # Events only for an article about political interaction: a match report's "beat" and
    # "attack" are no ASSAULT (the other annotations stay, they are true of any text).
    in_scope = decide_scope(text, title=article.title, url=article.url,
                            actors=len(actors)).in_scope
    events = tuple(Event(e.type, e.mode, e.cameo, e.source, e.target, e.trigger, e.sentence,
                         e.modality, e.date, e.date_precision, e.place, e.quantity, e.statement,
                         e.confidence if e.source or e.target
                         else min(e.confidence, UNATTRIBUTED_CONFIDENCE))
                   for e in found.events if keep_unattributed or e.source or e.target
                   ) if in_scope else ()
    document = Document(article=article, entities=entities, actors=tuple(actors), times=times,
                        places=places, quantities=quantities, statements=statements,
                        events=events)
    check_offsets(document)
    return document


def check_offsets(document: Document) -> None:
    """Every span must lie inside the text, and an item's ``text`` must be what it spans."""
    size = len(document.article.text)
    for name, start, end in document.spans():
        if not 0 <= start <= end <= size:
            raise ExtractionError(f"{name} span [{start}, {end}) lies outside the text")
    for item in (*document.entities, *document.times, *document.places, *document.quantities):
        if document.article.text[item.start:item.end] != item.text:
            raise ExtractionError(f"span [{item.start}, {item.end}) does not read {item.text!r}")
