"""A kind of annotation is declared once: a toy kind (hashtags), made of its model class, its
extractor and one registry entry in this file, goes through extraction, the JSON contract,
the store, ``show`` and the article page without any other change."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest

import wirewatch
from wirewatch import kinds
from wirewatch.kinds import Column, Kind

TEXT = ("Kenyan protesters rallied in Nairobi on Friday under the banner #RejectFinanceBill, "
        "and police arrested 12 people, officials said. #Kenya")


@dataclass(frozen=True, slots=True)
class Hashtag:  # the model class
    start: int
    end: int
    text: str
    tag: str


def find_hashtags(doc, found):  # the extractor: model objects, and it may read what was found
    assert "events" in found and "entities" in found
    return [Hashtag(m.start(), m.end(), m.group(), m.group()[1:].lower())
            for m in re.finditer(r"#\w+", doc.text)]


HASHTAGS = Kind("hashtags", Hashtag, "hashtag",  # the registry entry
                columns=(Column("tag", "str64", indexed=True),),
                rows=lambda h, _: [(h.start, h.end, "hashtag", h.tag)],
                title=lambda h: f"#{h.tag}", extract=find_hashtags)


@pytest.fixture()
def hashtags():
    from wirewatch.store import schema

    kinds.register(HASHTAGS)
    yield HASHTAGS
    kinds.unregister("hashtags")
    schema.metadata.remove(schema.metadata.tables["hashtags"])


def test_a_registered_kind_goes_through_every_layer(hashtags, tmp_path, capsys):
    from fastapi.testclient import TestClient

    from wirewatch.api import create_app
    from wirewatch.cli import main
    from wirewatch.config import Settings
    from wirewatch.store import open_store

    document = wirewatch.extract(TEXT, published="2025-03-21", source="Test Wire")
    tags = document.annotations("hashtags")
    assert [(h.text, h.tag) for h in tags] == [("#RejectFinanceBill", "rejectfinancebill"),
                                               ("#Kenya", "kenya")]
    assert all(TEXT[h.start:h.end] == h.text for h in tags)
    assert document.events  # the contract's kinds are found as before

    data = document.to_dict()  # its own key, after the contract's
    assert list(data)[-1] == "hashtags" and data["hashtags"][1]["tag"] == "kenya"
    assert kinds.document_from_plain(json.loads(document.to_json())) == document
    assert ("hashtags", tags[0].start, tags[0].end) in kinds.spans(document)

    db = str(tmp_path / "ledger.db")
    with open_store(db) as store:
        assert store.save(document)
        assert store.document(document.article.id) == document  # its table holds it
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT tag FROM hashtags ORDER BY idx").all() == [
                ("rejectfinancebill",), ("kenya",)]

    main_args = ["show", document.article.id[:10], "--db", db, "--format", "csv"]
    with pytest.raises(SystemExit) as exit_:
        main(main_args)
    assert exit_.value.code == 0
    shown = capsys.readouterr().out
    assert "hashtag,#Kenya,hashtag,kenya" in shown.replace(f"{tags[1].start},{tags[1].end},", "")

    app = create_app(Settings(db=db))
    page = TestClient(app).get(f"/articles/{document.article.id}").text
    app.state.store.close()
    assert '<span class="ann hashtag">hashtag</span>' in page  # in the legend
    assert '<span class="ann hashtag" data-ann="hashtag-1" title="#kenya">#</span>' in page
    assert re.search(r'<span class="ann [^"]*hashtag[^"]*" data-ann="[^"]*hashtag-1"'
                     r'[^>]*>Kenya</span>', page)  # the rest of it is a place too


def test_the_contract_is_unchanged_without_the_kind():
    document = wirewatch.extract(TEXT, published="2025-03-21")
    assert document.extra == {}
    assert "hashtags" not in document.to_dict()
    assert list(kinds.KINDS) == ["entities", "actors", "times", "places", "quantities",
                                 "statements", "events"]


def test_a_kind_needs_a_free_name_and_an_extractor():
    with pytest.raises(ValueError, match="registered already"):
        kinds.register(Kind("events", Hashtag, "event", extract=find_hashtags))
    with pytest.raises(ValueError, match="needs its extractor"):
        kinds.register(Kind("tags", Hashtag, "tag"))
    with pytest.raises(ValueError, match="kind of the contract"):
        kinds.unregister("places")
