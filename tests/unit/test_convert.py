"""The boundary from a parsed Doc to the contract: what it refuses, what it drops, and the
scope decision it takes from the article's title and its actors."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.tokens import Doc

import wirewatch
from wirewatch.config import Settings
from wirewatch.convert import UNATTRIBUTED_CONFIDENCE, check_offsets, to_document
from wirewatch.errors import ExtractionError
from wirewatch.extractors.actors import ActorDictionary
from wirewatch.ingest import ArticleMeta, RawArticle
from wirewatch.model import Document, Entity
from wirewatch.nlp import COMPONENT, EXTENSION, Annotations, load_pipeline, parse
from wirewatch.normalize import PreparedArticle, prepare

UNATTRIBUTED = "The talks collapsed after the strike. Russia attacked Kharkiv on Monday."


def _parsed(text: str, **meta: str) -> tuple[PreparedArticle, Doc, ActorDictionary]:
    nlp = load_pipeline(Settings().model)
    item = prepare(RawArticle(text, "x.txt", ArticleMeta(published="2024-10-30", **meta)))
    [(_, doc)] = parse(nlp, [item])
    return item, doc, nlp.get_pipe(COMPONENT).book


def test_a_doc_of_another_text_is_refused() -> None:
    item, doc, book = _parsed(UNATTRIBUTED)
    other = replace(item.article, text=item.article.text + " More.")
    with pytest.raises(ExtractionError, match=r"^the parsed text differs from the article text$"):
        to_document(doc, other, book)


def test_a_doc_the_component_did_not_read_is_refused() -> None:
    item, _, book = _parsed(UNATTRIBUTED)
    bare = load_pipeline(Settings().model).make_doc(item.article.text)
    assert bare._.get(EXTENSION) is None
    with pytest.raises(ExtractionError,
                       match=r"^the wirewatch component did not run on this document$"):
        to_document(bare, item.article, book)


def test_an_extractor_error_is_reported_with_its_message() -> None:
    item, doc, book = _parsed(UNATTRIBUTED)
    doc._.set(EXTENSION, Annotations(error="ValueError: boom"))
    with pytest.raises(ExtractionError, match=r"^extraction failed: ValueError: boom$"):
        to_document(doc, item.article, book)


def test_candidates_without_an_actor_are_dropped_unless_kept() -> None:
    item, doc, book = _parsed(UNATTRIBUTED)
    dropped = to_document(doc, item.article, book)  # the default drops them
    assert [(e.type, e.source) for e in dropped.events] == [("ASSAULT", "RUS")]
    kept = to_document(doc, item.article, book, keep_unattributed=True)
    unattributed = [e for e in kept.events if not (e.source or e.target)]
    assert unattributed and len(kept.events) == len(dropped.events) + len(unattributed)
    assert all(e.confidence <= UNATTRIBUTED_CONFIDENCE for e in unattributed)


def test_the_title_counts_in_the_scope_decision() -> None:
    text = ("Spain beat Russia 2-1 on Monday after Granollers and Lopez won the decisive doubles, "
            "and Argentina defeated Chile in the opening match.")
    assert wirewatch.extract(text, published="2019-11-19").events
    titled = wirewatch.extract(
        text, published="2019-11-19",
        title="Davis Cup tennis: doubles win the tie, fans cheer the team")
    assert titled.events == () and titled.actors  # the other annotations stay


def test_a_long_story_naming_no_actor_codes_no_candidate(monkeypatch) -> None:
    """With unattributed candidates kept, what stops them here is the actor count (none) in the
    scope decision."""
    story = ("Residents of the small town met at the library on Monday to discuss plans for a new "
             "community garden beside the river. Volunteers said they would plant tomatoes, "
             "beans and sunflowers in the spring, and a local bakery offered bread for the "
             "opening day. ") * 4 + ("Officials said the council approved the plan after a "
                                     "vote. The mayor agreed.")
    item, doc, book = _parsed(story)
    found: Annotations = doc._.get(EXTENSION)
    assert found.events and not found.actors  # candidates there were
    assert to_document(doc, item.article, book, keep_unattributed=True).events == ()


def _document(text: str, *entities: Entity) -> Document:
    doc = wirewatch.extract(text, published="2024-10-30")
    return replace(doc, entities=entities)


def test_offsets_outside_the_text_are_refused() -> None:
    doc = _document("Kim met Putin.", Entity(8, 40, "Putin.", "PERSON", None))
    with pytest.raises(ExtractionError, match=r"^entities span \[8, 40\) lies outside the text$"):
        check_offsets(doc)
    with pytest.raises(ExtractionError, match=r"lies outside the text$"):
        check_offsets(_document("Kim met Putin.", Entity(-1, 3, "Kim", "PERSON", None)))


def test_an_item_must_read_its_own_characters() -> None:
    doc = _document("Kim met Putin.", Entity(0, 3, "Xi", "PERSON", None))
    with pytest.raises(ExtractionError, match=r"^span \[0, 3\) does not read 'Xi'$"):
        check_offsets(doc)
    check_offsets(_document("Kim met Putin.", Entity(8, 13, "Putin", "PERSON", None)))
