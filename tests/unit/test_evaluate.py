"""The scorers on tiny gold files written for these tests (the real data is not copied)."""

import json

import pytest

from tests.conftest import FIXTURES
from wirewatch.cli import main
from wirewatch.evaluate import Counts
from wirewatch.evaluate.entities import read_conll
from wirewatch.evaluate.places import read_geo_corpus
from wirewatch.evaluate.times import read_timeml

EVAL = FIXTURES / "eval"


def run_json(capsys, *args):
    with pytest.raises(SystemExit) as done:
        main([*map(str, args), "--json"])
    assert done.value.code in (0, None)
    return json.loads(capsys.readouterr().out)


def test_counts_strict_and_overlap():
    strict, relaxed = Counts(), Counts()
    system, gold = [(0, 5), (10, 12)], [(0, 5), (11, 15), (20, 22)]
    strict.add(system, gold, strict=True)
    relaxed.add(system, gold, strict=False)
    assert (strict.precision, strict.recall) == (0.5, 1 / 3)
    assert (relaxed.precision, relaxed.recall) == (1.0, 2 / 3)


def test_timeml_reader_keeps_offsets():
    doc = read_timeml(EVAL / "timeml" / "harbor.tml")
    assert str(doc.dct) == "2024-10-30"
    assert [doc.text[t.start:t.end] for t in doc.timexes] == [
        "Tuesday", "three days", "next week", "1998"]


def test_evaluate_times(capsys):
    figures = run_json(capsys, "evaluate", "times", "--data", EVAL / "timeml")
    assert figures["task"] == "times" and figures["documents"] == 1
    assert figures["relaxed_f1"] == 1.0 and figures["strict_f1"] == 1.0
    assert figures["value_accuracy"] == 1.0


def test_geo_readers_handle_both_formats():
    (lgl,) = read_geo_corpus(EVAL / "lgl-mini.xml")
    assert [t.phrase for t in lgl.toponyms][:2] == ["Alexandria", "Rapides Parish"]
    assert lgl.toponyms[-1].lat is None
    (gwn,) = read_geo_corpus(EVAL / "gwn-mini.xml")
    assert [t.phrase for t in gwn.toponyms] == ["New Orleans"]  # demonyms are not scored


def test_evaluate_places(capsys):
    figures = run_json(capsys, "evaluate", "places", "--data", EVAL / "lgl-mini.xml")
    assert figures["resolvable_toponyms"] == 5
    assert figures["acc_161km"] == 1.0
    assert 0 <= figures["detection_f1"] <= 1 and 0 <= figures["end_to_end_acc_161km"] <= 1


def test_conll_reader():
    (doc,) = read_conll(EVAL / "conll-mini.txt")
    assert [(doc.text[a:b], k) for a, b, k in doc.entities] == [
        ("Vladimir Putin", "PER"), ("Moscow", "LOC"), ("Reuters", "ORG")]


def test_evaluate_entities(capsys):
    figures = run_json(capsys, "evaluate", "entities", "--data", EVAL / "conll-mini.txt")
    assert {"f1", "baseline_f1", "per_f1"} <= set(figures)
    assert figures["f1"] >= figures["baseline_f1"]


def test_missing_data_is_a_clear_error(capsys):
    with pytest.raises(SystemExit) as done:
        main(["evaluate", "times", "--data", "no/such/folder"])
    assert done.value.code == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_brat_reader():
    from wirewatch.evaluate.attribution import read_ann

    (relation,) = read_ann(EVAL / "polnear" / "attributions" / "bridge_a1.ann")
    assert relation.source == [(0, 13)] and relation.cue == [(13, 17)]


def test_evaluate_attribution_averages_annotators(capsys):
    figures = run_json(capsys, "evaluate", "attribution", "--data", EVAL / "polnear")
    assert figures["documents"] == 1 and figures["annotation_files"] == 2
    # annotator a1 matches exactly (its source takes in the space after "The governor",
    # which does not count); annotator b2 has a shorter content and no source
    assert figures["source_exact_recall"] == 1.0 and figures["source_exact_precision"] == 0.5
    assert figures["content_exact_f1"] == 0.5 and figures["content_overlap_f1"] == 1.0
    assert figures["cue_exact_f1"] == 1.0 and figures["linked_source_share"] == 1.0


def test_evaluate_events_compares_at_plovers_level(capsys):
    figures = run_json(capsys, "evaluate", "events", "--data", EVAL / "plover-mini.json")
    # the DOCUMENT record is skipped; "will give" (planned AID) is PLOVER's AGREE, FIGHT is
    # ASSAULT, and the record without an event counts as wrong
    assert figures["documents"] == 4 and figures["records_with_event"] == 3
    assert figures["type_accuracy"] == 0.75 and figures["type_macro_f1"] == 0.75
    assert figures["source_country_accuracy"] == 0.75
    assert figures["target_country_accuracy"] == 1.0


def test_plover_markup_locates_the_event_words():
    from wirewatch.evaluate.events import plover_type, trigger_spans

    record = {"text": "Norway will give Kenya a grant.",
              "textInfo": {"markup": "(SRC: Norway) (EVT: will give) (TAR: Kenya) a (EVT: grant)."}}
    assert trigger_spans(record) == [(7, 16), (25, 30)]
    assert plover_type("AID", "planned") == "AGREE"
    assert plover_type("ASSAULT", "hypothetical") == "THREATEN"
    assert plover_type("AID", "negated") == "AID"


def test_evaluate_modality_on_matched_mentions(capsys):
    figures = run_json(capsys, "evaluate", "modality", "--data", EVAL / "meantime")
    # "will send" is FUTURE (planned), "did not sanction" NEG (negated); the gold mention on
    # "did" has no event of wirewatch's over it, so it is counted but not scored
    assert figures["gold_mentions"] == 3 and figures["matched_mentions"] == 2
    assert figures["accuracy"] == 1.0


def test_meantime_attributes_map_to_modalities():
    from wirewatch.evaluate.modality import gold_modalities

    assert gold_modalities({"polarity": "NEG", "time": "FUTURE"}) == {"negated"}
    assert gold_modalities({"certainty": "POSSIBLE", "polarity": "POS"}) == {
        "hedged", "hypothetical"}
    assert gold_modalities({"certainty": "CERTAIN", "time": "FUTURE"}) == {"planned"}
    assert gold_modalities({"certainty": "CERTAIN", "polarity": "POS",
                            "time": "NON_FUTURE"}) == {"asserted"}


def test_evaluate_crossdoc_separates_a_second_story(capsys):
    figures = run_json(capsys, "evaluate", "crossdoc", "--data", EVAL / "ecbplus")
    assert figures["documents"] == 3 and figures["mentions"] == 6
    assert figures["gold_clusters"] == 3
    # the Santiago arrest is another story: the lemma baseline merges it with Nairobi's
    assert figures["baseline_muc_f1"] < 1.0 and figures["muc_precision"] == 1.0
    assert figures["conll_f1"] > figures["baseline_conll_f1"]


def test_coreference_metrics_on_a_textbook_case():
    from wirewatch.evaluate.crossdoc import b_cubed, ceaf_e, muc, score

    key = {"k1": {"a", "b", "c"}, "k2": {"d", "e"}}
    response = {"r1": {"a", "b"}, "r2": {"c", "d", "e"}}
    assert muc(key, response) == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    p, r, _ = b_cubed(key, response)
    assert p == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert r == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    assert ceaf_e(key, key) == pytest.approx((1.0, 1.0, 1.0))
    same = {m: c for c, ms in key.items() for m in ms}
    assert score(same, same)["conll_f1"] == pytest.approx(1.0)
