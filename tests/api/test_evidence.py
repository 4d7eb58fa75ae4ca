"""Every row of the events, statements and claims listings leads back to its words: the
command line's JSON and CSV and the API's items carry the article id and the offsets of the
row's spans, and cutting those offsets out of the stored text gives the row's words."""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from typing import Any

import pytest

from wirewatch.cli import main
from wirewatch.store import open_store, read

EVENT_OFFSETS = ("sentence_start", "sentence_end", "trigger_start", "trigger_end")
STATEMENT_OFFSETS = ("start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end")
CLAIM_OFFSETS = ("quantity_start", "quantity_end", *EVENT_OFFSETS)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """The command line's stdout, after checking that it succeeded."""
    try:
        main(list(args))
    except SystemExit as exit_:
        assert not exit_.code, capsys.readouterr().err
    return capsys.readouterr().out


def listing(capsys: pytest.CaptureFixture[str], client: Any, ledger: str, name: str
            ) -> dict[str, list[dict[str, Any]]]:
    """One listing three ways: the command line's JSON, its CSV and the API's items."""
    as_json = json.loads(cli(capsys, name, "--db", ledger, "--format", "json"))
    as_csv = list(csv.DictReader(io.StringIO(cli(capsys, name, "--db", ledger, "--format",
                                                 "csv"))))
    response = client.get(f"/api/v1/{name}", params={"limit": 500})
    assert response.status_code == 200, response.text
    api = response.json()["items"]
    assert as_json and len(as_csv) == len(as_json) and api
    return {"json": as_json, "csv": as_csv, "api": api}


@cache
def _texts(ledger: str) -> dict[str, str]:
    with open_store(ledger, create=False) as store:
        found = read.list_articles(store, read.ArticleFilters(), read.PageRequest(500)).items
        return {a["id"]: store.document(a["id"]).article.text for a in found}


def as_int(value: Any) -> int | None:
    """An offset as the format gives it: an int in JSON, a string in CSV ("" for none)."""
    if value is None or value == "":
        return None
    assert str(value).isdigit(), value
    return int(value)


def words(ledger: str, row: dict[str, Any], start: str, end: str) -> str:
    first, last = as_int(row[start]), as_int(row[end])
    assert first is not None and last is not None and 0 <= first < last, row
    return _texts(ledger)[row["article_id"]][first:last]


def stored(ledger: str, article_id: str) -> Any:
    with open_store(ledger, create=False) as store:
        return store.document(article_id)


def test_event_rows_lead_back_to_their_trigger_and_sentence(capsys, client, ledger):
    for form, rows in listing(capsys, client, ledger, "events").items():
        for row in rows:
            assert set(EVENT_OFFSETS) <= set(row) and row["article_id"] in _texts(ledger), form
            if form != "csv":
                assert all(type(row[k]) is int for k in EVENT_OFFSETS), (form, row)
            trigger = words(ledger, row, "trigger_start", "trigger_end")
            sentence = words(ledger, row, "sentence_start", "sentence_end")
            assert trigger == row["trigger"] and trigger in sentence, (form, row)
            spans = {(tuple(e.trigger), tuple(e.sentence))
                     for e in stored(ledger, row["article_id"]).events}
            assert ((as_int(row["trigger_start"]), as_int(row["trigger_end"])),
                    (as_int(row["sentence_start"]), as_int(row["sentence_end"]))) in spans


def test_statement_rows_lead_back_to_their_content_cue_and_speaker(capsys, client, ledger):
    cues = 0
    for form, rows in listing(capsys, client, ledger, "statements").items():
        for row in rows:
            assert set(STATEMENT_OFFSETS) <= set(row) and row["article_id"] in _texts(ledger)
            assert words(ledger, row, "start", "end") == row["content"], (form, row)
            statements = stored(ledger, row["article_id"]).statements
            (item,) = [s for s in statements
                       if (s.start, s.end) == (as_int(row["start"]), as_int(row["end"]))]
            if as_int(row["cue_start"]) is not None:
                cues += 1
                assert words(ledger, row, "cue_start", "cue_end") == item.cue == row["cue"]
            if item.speaker is not None:
                assert words(ledger, row, "speaker_start", "speaker_end") == item.speaker.text
    assert cues


def test_claim_rows_lead_back_to_their_figure_as_whole_numbers(capsys, client, ledger):
    for form, rows in listing(capsys, client, ledger, "claims").items():
        for row in rows:
            assert set(CLAIM_OFFSETS) <= set(row) and row["article_id"] in _texts(ledger)
            figure = words(ledger, row, "quantity_start", "quantity_end")
            value = row["value"] if form != "csv" else json.loads(row["value"])
            assert type(value) is int, (form, row)  # 3000, not 3000.0
            assert f"{value:,}" in figure or str(value) in figure, (form, row)
            trigger = words(ledger, row, "trigger_start", "trigger_end")
            assert trigger in words(ledger, row, "sentence_start", "sentence_end")
            if form != "csv":
                assert isinstance(row["conflicts_with"], list), (form, row)


def test_the_table_keeps_to_what_fits_a_terminal(capsys, ledger):
    out = cli(capsys, "events", "--db", ledger, "--limit", "3")
    assert "article" in out and "trigger_start" not in out


def test_a_list_is_one_cell_outside_json(capsys, monkeypatch, ledger):
    def clashing(store, filters, request):
        return read.Page([{"article_id": "ab", "value": 3000,
                           "conflicts_with": ["≥ 11,000 (B)", "~10,000 (C)"]}], None)

    monkeypatch.setattr(read, "list_claims", clashing)
    (row,) = csv.DictReader(io.StringIO(cli(capsys, "claims", "--db", ledger, "--format",
                                            "csv")))
    assert row["conflicts_with"] == "≥ 11,000 (B); ~10,000 (C)"
    (item,) = json.loads(cli(capsys, "claims", "--db", ledger, "--format", "json"))
    assert item["conflicts_with"] == ["≥ 11,000 (B)", "~10,000 (C)"]
