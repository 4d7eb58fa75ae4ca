"""Exports of the seed sample's events in each format: the phone call, the deployment of at
least 11,000 troops to Russia and the negated arms deliveries, column by column."""

from __future__ import annotations

import csv
import io
import json

import pytest

from wirewatch.cli import main
from wirewatch.export.formats import PLAIN_FIELDS, gdelt_columns
from wirewatch.link import link_stored
from wirewatch.store import open_store

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp"]


@pytest.fixture(scope="module")
def ledger(tmp_path_factory, sample_doc):
    path = str(tmp_path_factory.mktemp("export") / "ledger.db")
    with open_store(path) as store:
        store.save(sample_doc)
        link_stored(store, sample_doc)
    return path


def export(capsys, ledger, *args):
    with pytest.raises(SystemExit) as exit_:
        main(["export", "--db", ledger, *args])
    captured = capsys.readouterr()
    assert exit_.value.code == 0, captured.err
    return captured.out, captured.err


def by_trigger(sample_doc, trigger):
    text = sample_doc.article.text
    return [e for e in sample_doc.events if text[e.trigger[0]:e.trigger[1]] == trigger]


def test_gdelt_rows_have_the_event_tables_columns_and_codes(capsys, ledger, sample_doc):
    out, err = export(capsys, ledger, "--format", "gdelt")
    rows = [dict(zip(gdelt_columns(), line.split("\t"), strict=True))
            for line in out.splitlines()]
    assert len(gdelt_columns()) == 61 and gdelt_columns()[-1] == "SOURCEURL"
    assert len(rows) == sum(e.modality == "asserted" for e in sample_doc.events)
    assert f"exported {len(rows)} events" in err
    (call,) = [r for r in rows if r["EventCode"] == "041"]  # the phone call
    assert (call["Actor1Code"], call["Actor1CountryCode"], call["Actor1Type1Code"]) == (
        "UKRGOV", "UKR", "GOV")
    assert (call["Actor2Code"], call["SQLDATE"], call["MonthYear"], call["Year"]) == (
        "KORGOV", "20241029", "202410", "2024")
    assert (call["EventBaseCode"], call["EventRootCode"], call["QuadClass"]) == (
        "041", "04", "1")
    assert float(call["GoldsteinScale"]) == 2.5  # CAMEO 041, discuss by telephone
    (deployed,) = [r for r in rows if r["ActionGeo_FullName"] == "Russia"
                   and r["EventCode"] == "154"]
    assert (deployed["Actor1Code"], deployed["Actor1Type1Code"], deployed["QuadClass"]) == (
        "PRKMIL", "MIL", "4")
    assert (deployed["ActionGeo_Type"], deployed["ActionGeo_CountryCode"]) == ("1", "RS")
    assert float(deployed["GoldsteinScale"]) == -6.5  # mobilize or increase armed forces
    assert deployed["NumArticles"] == "1" and deployed["DATEADDED"] == "20241030000000"


def test_gdelt_holds_other_modalities_only_when_asked(capsys, ledger, sample_doc):
    out, _ = export(capsys, ledger, "--format", "gdelt", "--modality", "negated")
    codes = [line.split("\t") for line in out.splitlines()]
    negated = [e for e in sample_doc.events if e.modality == "negated"]
    assert len(codes) == len(negated) and len(by_trigger(sample_doc, "providing")) == 2
    assert sorted(row[26] for row in codes) == sorted(e.cameo for e in negated)


def test_acled_rows_have_its_columns_and_leave_out_what_it_does_not_code(capsys, ledger):
    out, err = export(capsys, ledger, "--format", "acled")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ACLED_COLUMNS
    assert "left out" in err  # the phone call is no ACLED event
    assert not any("phone call" in r["notes"] and r["sub_event_type"] == "Other"
                   and r["actor1"] == "Ukraine government" for r in rows)
    (deployed,) = [r for r in rows if r["location"] == "Russia"]
    assert (deployed["event_type"], deployed["sub_event_type"], deployed["disorder_type"]) \
        == ("Strategic developments", "Other", "Strategic developments")
    assert (deployed["actor1"], deployed["inter1"], deployed["country"], deployed["iso"]) == (
        "North Korea military", "1", "Russia", "643")
    assert "11,000 North Korean troops" in deployed["notes"]
    assert deployed["fatalities"] == "0" and deployed["tags"] == "modality: asserted"


def test_plover_records_keep_the_modality(capsys, ledger, sample_doc):
    out, _ = export(capsys, ledger, "--format", "plover")
    records = json.loads(out)
    assert len(records) == len(sample_doc.events)
    shells = [r for r in records if r["eventText"] == "providing"]
    assert shells and {r["modality"] for r in shells} == {"negated"}
    assert {r["event"] for r in shells} == {"AID"}
    (call,) = [r for r in records if r["cameo"] == "041"]
    assert call["source"] == [{"actorText": "Ukraine government", "code": "UKRGOV"}]
    assert call["target"][0]["code"] == "KORGOV" and call["date"] == "2024-10-29"
    assert call["publication"] == "Yonhap News Agency" and "phone call" in call["text"]
    text = sample_doc.article.text
    assert text[call["trigger"][0]:call["trigger"][1]] == "call"


def test_plain_rows_and_parquet_carry_every_field(capsys, ledger, sample_doc, tmp_path):
    out, _ = export(capsys, ledger, "--format", "jsonl", "--actor", "prkmil")
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all(list(r) == list(PLAIN_FIELDS) for r in rows)
    assert all("PRKMIL" in (r["source"], r["target"]) for r in rows)
    (troops,) = [r for r in rows if r["quantity"]]
    assert (troops["quantity"], troops["quantity_value"], troops["place_country"]) == (
        "at least 11,000", 11000.0, "RUS")
    text = sample_doc.article.text
    assert text[troops["trigger_start"]:troops["trigger_end"]] == troops["trigger"]

    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    export(capsys, ledger, "--format", "parquet", "--out", str(path))
    table = pq.read_table(path)
    assert table.schema.names == list(PLAIN_FIELDS) and table.num_rows == len(
        sample_doc.events)
    assert str(table.schema.field("idx").type) == "int64"


def test_parquet_needs_a_file(capsys, ledger):
    with pytest.raises(SystemExit) as exit_:
        main(["export", "--db", ledger, "--format", "parquet"])
    assert exit_.value.code != 0
    assert "give --out FILE" in capsys.readouterr().err
