"""Linking across stored articles, on wire stories written for these tests."""

import json

import pytest

import wirewatch
from tests.conftest import FIXTURES, open_test_store
from wirewatch.link import dedupe, link_stored
from wirewatch.link.merge import date_range
from wirewatch.store import open_store, read
from wirewatch.store.conflicts import conflict, flag_conflicts, value_range
from wirewatch.store.read import ClaimFilters, EventFilters, PageRequest

LINK = FIXTURES / "link"


def stories(store, limit=1000):
    return read.list_stories(store, PageRequest(limit)).items


def merged_events(store, limit=1000, **filters):
    return read.list_merged_events(store, EventFilters(**filters), PageRequest(limit)).items


def claims(store, **filters):
    return read.list_claims(store, ClaimFilters(**filters), PageRequest(1000)).items


def document(name):
    path = LINK / f"{name}.txt"
    meta = json.loads(path.with_name(path.name + ".meta.json").read_text(encoding="utf-8"))
    return wirewatch.extract(path.read_text(encoding="utf-8"), **meta)


@pytest.fixture(scope="module")
def documents():
    names = ["wire-nation", "wire-reuters", "wire-tribune", "followup", "denial",
             "other-story"]
    return {name: document(name) for name in names}


@pytest.fixture(params=["sqlite", "postgresql"])
def linked(request, tmp_path, documents):
    """All fixtures stored and linked in the order a feed might deliver them."""
    store = open_test_store(request.param, str(tmp_path / "linked.db"))
    results = {}
    for name, doc in documents.items():
        assert store.save(doc)
        results[name] = link_stored(store, doc)
    assert store.failures() == []
    yield store, results, documents
    store.close()


def test_lightly_edited_copies_form_one_group_under_the_earliest(linked):
    store, results, docs = linked
    reuters = docs["wire-reuters"].article.id
    # the Daily Nation copy came first; the earlier Reuters copy took its place as canonical
    assert results["wire-reuters"]["copy_of"] is None
    assert results["wire-tribune"]["copy_of"] == reuters
    from sqlalchemy import select

    from wirewatch.store.schema import article_links
    with store.engine.connect() as conn:
        groups = dict(conn.execute(select(article_links.c.article_id,
                                          article_links.c.canonical_id)).all())
    assert {groups[docs[n].article.id] for n in ("wire-nation", "wire-reuters",
                                                  "wire-tribune")} == {reuters}
    assert groups[docs["followup"].article.id] == docs["followup"].article.id


def test_different_stories_stay_apart_and_follow_ups_join(linked):
    store, results, _ = linked
    sudan = {results[n]["story"] for n in ("wire-nation", "wire-reuters", "wire-tribune",
                                           "followup", "denial")}
    assert len(sudan) == 1 and results["other-story"]["story"] not in sudan
    rows = {r["id"]: r for r in stories(store)}
    (story,) = sudan
    assert rows[story]["articles"] == 5 and rows[story]["copies"] == 2
    assert rows[story]["title"].startswith("At least 3,000 Sudanese troops have been deployed")
    assert [r["id"] for r in stories(store, limit=1)] == [story]  # the latest story first
    assert {"SDNMIL", "TCD"} <= set(rows[story]["actors"])
    assert (rows[story]["first_published"], rows[story]["last_published"]) == (
        "2025-03-10", "2025-03-15")


def test_a_follow_up_merges_its_events_and_a_denial_is_flagged(linked):
    store, results, _ = linked
    (deployment,) = [r for r in merged_events(store, type="MOBILIZE") if r["source"] == "SDNMIL"]
    assert deployment["place_country"] == "TCD"
    assert deployment["story_id"] == results["followup"]["story"]
    assert (deployment["target"], deployment["date"]) == (None, "2025-03-10")
    assert (deployment["type"], deployment["mode"]) == ("MOBILIZE", "troops")
    # five reports of it, from the first wire copy to the denial
    assert (deployment["mentions"], deployment["first_published"],
            deployment["last_published"]) == (5, "2025-03-10", "2025-03-15")
    (demand,) = merged_events(store, type="DEMAND")
    # two independent sources that both assert it do not contradict each other
    assert (demand["independent"], demand["modality"], demand["contradicted"]) == (
        2, "4 asserted", False)
    assert len(merged_events(store, limit=2)) == 2
    merged = merged_events(store)
    days = [r["date"][:10] for r in merged if r["date"]]
    assert len(days) > 1 and days == sorted(days)  # dated first, oldest first
    assert all(r["date"] is None for r in merged[len(days):])
    assert deployment["publishers"] == 5 and deployment["independent"] == 3
    assert deployment["modality"] == "4 asserted, 1 negated"
    assert deployment["contradicted"] is True
    in_chad = merged_events(store, place="tcd")
    assert deployment in in_chad and len(in_chad) < len(merged)
    assert {r["place_country"] for r in in_chad} == {"TCD"}
    denied = merged_events(store, modality="negated")  # one mention of it is enough
    assert deployment in denied and len(denied) < len(merged)
    assert all("negated" in r["modality"] for r in denied)
    by_afp = merged_events(store, publisher="AFP")  # AFP carried only the denial
    assert deployment in by_afp and len(by_afp) < len(merged)
    arrests = merged_events(store, type="COERCE")
    assert arrests and all(not r["contradicted"] for r in arrests)


def test_figure_series_in_time_order_with_sources(linked):
    store, _, _ = linked
    series = [r for r in claims(store, actor="SDN", unit="troops")]
    assert [(r["published"], r["bound"], r["value"]) for r in series] == [
        ("2025-03-10", "min", 3000), ("2025-03-14", "approx", 5000)]
    assert all(type(r["value"]) is int for r in series)
    assert {(r["type"], r["source"], r["target"], r["place"]) for r in series} == {
        ("MOBILIZE", "SDNMIL", None, "TCD")}
    assert all(r["attributed_to"] for r in series)
    assert not any(r["conflicts_with"] for r in series)  # ≥ 3,000 and ~5,000 can both hold
    for row in series:  # each figure leads back to its words and its event's
        text = store.document(row["article_id"]).article.text
        assert text[row["quantity_start"]:row["quantity_end"]].replace(",", "").endswith(
            str(row["value"]))
        assert row["trigger_start"] < row["trigger_end"] <= row["sentence_end"]


def test_linking_twice_changes_nothing(linked, documents):
    store, _, _ = linked
    assert link_stored(store, documents["followup"]) is None
    assert store.unlinked() == []


def test_figures_conflict_only_beyond_their_bounds():
    a = {"event": 1, "unit": "troops", "value": 3000.0, "bound": "exact", "attributed_to": "A"}
    b = {"event": 1, "unit": "troops", "value": 11000.0, "bound": "min", "attributed_to": "B"}
    c = {"event": 1, "unit": "troops", "value": 10000.0, "bound": "approx",
         "attributed_to": "C"}
    assert conflict(a, b) and conflict(a, c) and not conflict(b, c)
    assert value_range(10, "max") == (float("-inf"), 10)
    flagged = flag_conflicts([a, b, c])
    assert flagged[0]["conflicts_with"] == ["≥ 11,000 (B)", "~10,000 (C)"]
    assert flagged[1]["conflicts_with"] == ["3,000 (A)"]
    assert flagged[2]["conflicts_with"] == ["3,000 (A)"]


def test_near_duplicate_signatures():
    text = (LINK / "wire-reuters.txt").read_text(encoding="utf-8")
    edited = text.replace("said on Monday", "said Monday")
    other = (LINK / "other-story.txt").read_text(encoding="utf-8")
    same, near, far = (dedupe.signature(t) for t in (text, edited, other))
    assert dedupe.similarity(same, same) == 1.0
    assert dedupe.similarity(same, near) >= dedupe.THRESHOLD > dedupe.similarity(same, far)
    shared = set(dedupe.band_keys(same)) & set(dedupe.band_keys(near))
    assert shared, "a near copy must share an LSH band to be found"


def test_date_ranges_follow_precision():
    from datetime import date

    assert date_range("2024-W44", "week") == (date(2024, 10, 28), date(2024, 11, 3))
    assert date_range("2024-02", "month") == (date(2024, 2, 1), date(2024, 2, 29))
    assert date_range("2024-10-29", "reported") == (date.min, date(2024, 10, 29))
    assert date_range(None, None) is None


def test_link_command_catches_up(tmp_path, capsys, documents):
    from tests.unit.test_cli import run

    db = str(tmp_path / "catch-up.db")
    with open_store(db) as store:
        for doc in documents.values():
            store.save(doc)  # stored without linking, as an older version would have
    code, out, err = run(capsys, "link", "--db", db)
    assert code == 0, err
    assert "linked 6 (" in out
    code, out, _ = run(capsys, "events", "--merged", "--db", db, "--format", "json",
                       "--type", "MOBILIZE")
    assert any(r["contradicted"] for r in json.loads(out))
    code, out, _ = run(capsys, "claims", "--db", db, "--unit", "troops", "--format", "csv")
    assert out.splitlines()[0].startswith("id,event,type,source")
    code, out, _ = run(capsys, "stories", "--db", db, "--format", "json")
    assert len(json.loads(out)) == 2
