"""Long articles are parsed in pieces, with offsets into the whole text, and capped."""

from __future__ import annotations

import json

from wirewatch.config import Settings
from wirewatch.convert import to_document
from wirewatch.ingest import ArticleMeta, Failure, RawArticle
from wirewatch.model import Document
from wirewatch.nlp import COMPONENT, load_pipeline, parse, split_pieces
from wirewatch.normalize import prepare
from wirewatch.pipeline import extract_documents

PARAGRAPH = ("Russian forces attacked the Ukrainian city of Kharkiv on Tuesday, officials said. "
             "President Volodymyr Zelenskyy met French President Emmanuel Macron in Paris.")


def test_pieces_join_back_and_end_at_paragraphs() -> None:
    text = "\n\n".join(f"Paragraph {i}. " + "word " * 30 for i in range(40))
    pieces = split_pieces(text, 500)
    assert len(pieces) > 5
    assert "".join(pieces) == text
    assert all(len(p) <= 500 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_pieces_fall_back_to_sentences_then_spaces() -> None:
    sentences = "One sentence here. " * 100
    pieces = split_pieces(sentences, 300)
    assert len(pieces) > 1 and "".join(pieces) == sentences
    assert all(len(p) <= 300 for p in pieces)
    assert all(p.endswith(". ") for p in pieces[:-1])
    words = "word " * 200
    pieces = split_pieces(words, 101)
    assert len(pieces) > 1 and all(len(p) <= 101 for p in pieces)
    assert "".join(pieces) == words and all(p.endswith(" ") for p in pieces[:-1])
    unbroken = split_pieces("x" * 250, 100)
    assert "".join(unbroken) == "x" * 250 and [len(p) for p in unbroken] == [100, 100, 50]


def test_long_text_is_parsed_in_pieces_with_whole_text_offsets() -> None:
    text = "\n\n".join([PARAGRAPH] * 40)
    item = prepare(RawArticle(text, "long.txt", ArticleMeta(published="2024-10-30")))
    nlp = load_pipeline(Settings().model)
    book = nlp.get_pipe(COMPONENT).book
    [(_, whole)] = parse(nlp, [item])
    [(_, pieces)] = parse(nlp, [item], piece_chars=len(text) // 7)
    assert pieces.text == text
    in_pieces, at_once = to_document(pieces, item.article, book), to_document(
        whole, item.article, book)
    assert len(in_pieces.events) == len(at_once.events) == 80
    assert in_pieces.entities == at_once.entities
    last = len(text) - len(PARAGRAPH)
    assert any(e.start >= last and text[e.start:e.end] == "Emmanuel Macron"
               for e in in_pieces.entities)


def test_text_over_the_model_limit_does_not_sink_the_batch() -> None:
    nlp = load_pipeline(Settings().model)
    text = "\n\n".join([PARAGRAPH] * 3)
    items = [RawArticle("Ukraine's president met officials in Kyiv on Monday.", "a.txt"),
             RawArticle(text, "long.txt"), RawArticle("Officials met in Kyiv.", "b.txt")]
    limit, nlp.max_length = nlp.max_length, len(text) - 1
    try:
        outcomes = list(extract_documents(items, Settings()))
    finally:
        nlp.max_length = limit
    assert [origin for origin, _ in outcomes] == ["a.txt", "long.txt", "b.txt"]
    assert all(isinstance(outcome, Document) for _, outcome in outcomes)


def test_text_over_max_chars_fails_alone() -> None:
    items = [RawArticle("x " * 600, "big.txt"), RawArticle(PARAGRAPH, "ok.txt")]
    outcomes = dict(extract_documents(items, Settings(max_chars=1000)))
    assert isinstance(outcomes["big.txt"], Failure)
    assert "max_chars" in outcomes["big.txt"].reason
    assert isinstance(outcomes["ok.txt"], Document)


def test_ingest_records_an_over_long_text_and_stores_the_rest(capsys, tmp_path, monkeypatch):
    from tests.unit.test_cli import run

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text(PARAGRAPH * 20, encoding="utf-8")
    (folder / "short.txt").write_text(PARAGRAPH, encoding="utf-8")
    monkeypatch.setenv("WIREWATCH_MAX_CHARS", "1000")
    db = tmp_path / "ledger.db"
    code, out, _ = run(capsys, "ingest", folder, "--db", db)
    assert code == 1 and "stored 1, unchanged 0, failed 1" in out
    code, out, _ = run(capsys, "failures", "--db", db, "--format", "json")
    (failure,) = json.loads(out)
    assert "longer than max_chars (1,000)" in failure["reason"]
