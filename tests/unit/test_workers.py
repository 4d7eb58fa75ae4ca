"""Parsing in several processes gives what one process gives, in input order."""

from __future__ import annotations

from wirewatch.config import Settings
from wirewatch.ingest import ArticleMeta, RawArticle
from wirewatch.model import Document
from wirewatch.pipeline import extract_documents, extract_in_parallel, worker_count

TEXTS = ["Kenyan police arrested 12 protesters in Nairobi on Friday, officials said.",
         "Ukraine's president Volodymyr Zelenskyy said he would visit Seoul next week.",
         "Sudanese troops were deployed to Chad on Monday, the army said.",
         "   ",  # no text: a failure with its reason, in its place
         "Russia condemned the sanctions imposed by the European Union on Tuesday."]


def items():
    return [RawArticle(text, f"item-{i}", ArticleMeta(published="2025-03-14"))
            for i, text in enumerate(TEXTS * 2)]


def outcomes(stream):
    return [(origin, outcome.to_dict() if isinstance(outcome, Document) else
             (type(outcome).__name__, outcome.reason)) for origin, outcome in stream]


def documents_and_failures(stream):
    """What the writer stores: the documents in their order, and the failures (a failure
    may come out before the documents of its batch)."""
    found = outcomes(stream)
    return ([o for o in found if isinstance(o[1], dict)],
            sorted(o for o in found if isinstance(o[1], tuple)))


def test_two_processes_give_what_one_gives_in_input_order():
    settings = Settings(batch_size=2)  # five chunks of two
    one = documents_and_failures(extract_documents(items(), settings))
    two = documents_and_failures(extract_in_parallel(items(), settings, 2))
    assert two == one
    documents, failures = two
    assert [origin for origin, _ in documents] == [
        f"item-{i}" for i in range(len(TEXTS) * 2) if TEXTS[i % len(TEXTS)].strip()]
    assert [origin for origin, _ in failures] == ["item-3", "item-8"]


def test_one_chunk_is_parsed_here_and_zero_workers_is_one_per_core():
    settings = Settings(batch_size=64)
    assert documents_and_failures(extract_in_parallel(items(), settings, 8)) == \
        documents_and_failures(extract_documents(items(), settings))
    assert worker_count(Settings(workers=3)) == 3 and worker_count(Settings()) == 1
    assert worker_count(Settings(workers=0)) >= 1  # one per core


def test_ingest_takes_the_number_of_workers(tmp_path, capsys, monkeypatch):
    from wirewatch import pipeline
    from wirewatch.cli import main

    asked = []

    def recording(items, settings, workers):
        asked.append(workers)
        return extract_documents(items, settings)

    monkeypatch.setattr(pipeline, "extract_in_parallel", recording)
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    for args, expected in (([], 1), (["--workers", "3"], 3)):
        try:
            main(["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "w.db"), *args])
        except SystemExit as exit_:
            assert not exit_.code, capsys.readouterr().err
        assert asked[-1] == expected
    assert asked == [1, 3]
