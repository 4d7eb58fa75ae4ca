import json

import jsonschema

from wirewatch import kinds
from wirewatch.model import Document, json_schema

CONTRACT_KEYS = ["article", "entities", "actors", "times", "places", "quantities",
                 "statements", "events"]


def test_every_contract_key_is_present_even_when_empty(sample_doc):
    data = json.loads(sample_doc.to_json())
    assert list(data) == CONTRACT_KEYS
    assert set(data["article"]) >= {"id", "url", "title", "source", "published", "language",
                                    "text"}
    assert list(kinds.KINDS) == CONTRACT_KEYS[1:]  # the registry declares them, in order


def test_json_round_trip_is_exact(sample_doc):
    assert Document.from_json(sample_doc.to_json()) == sample_doc


def test_output_validates_against_the_published_schema(sample_doc):
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(sample_doc.to_json()), schema)


def test_schema_rejects_a_document_missing_a_key(sample_doc):
    data = json.loads(sample_doc.to_json())
    del data["events"]
    validator = jsonschema.Draft202012Validator(json_schema())
    assert not validator.is_valid(data)


def test_article_id_is_the_hash_of_the_normalized_text(sample_doc):
    import hashlib

    text = sample_doc.article.text
    assert sample_doc.article.id == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_every_span_lies_in_the_text_and_reads_its_text(sample_doc):
    text = sample_doc.article.text
    spans = list(kinds.spans(sample_doc))
    assert {name for name, _, _ in spans} == {
        "entities", "actors", "times", "places", "quantities", "statements", "speaker", "cue",
        "trigger", "sentence"}  # every kind of span is there to be checked
    for _name, start, end in spans:
        assert 0 <= start < end <= len(text)
    items = [*sample_doc.entities, *sample_doc.times, *sample_doc.places,
             *sample_doc.quantities]
    assert items
    for item in items:
        assert text[item.start:item.end] == item.text
