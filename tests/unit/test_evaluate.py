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
    assert plover_type("AID", "negated") == "REJECT"
    assert plover_type("ASSAULT", "negated") == "ASSAULT"


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


def test_evaluate_sentences_counts_exactly(capsys, tmp_path):
    errors = tmp_path / "errors.tsv"
    figures = run_json(capsys, "evaluate", "sentences", "--data",
                       EVAL / "sentences" / "events_dev.jsonl", "--errors", errors)
    # 11 gold events in 11 sentences of 2 stories; 12 system events there, 9 matched, all on
    # their trigger. Misses: Kenya's police (gold AID, coded MOBILIZE) and Moscow's
    # retaliation (gold COERCE, coded ASSAULT as CAMEO's verb dictionary has it); false
    # positives: the MOBILIZE, the ASSAULT "retaliate" and "killing" beside "shelled"
    # ("talks" and "threats" in a sentence with no actor are no events of the ledger)
    assert figures["documents"] == 2 and figures["sentences"] == 11
    assert (figures["gold_events"], figures["system_events"]) == (11, 12)
    assert figures["matched_events"] == 9 and figures["trigger_overlap_matches"] == 9
    assert figures["type_precision"] == pytest.approx(9 / 12)
    assert figures["type_recall"] == pytest.approx(9 / 11)
    assert figures["type_f1"] == pytest.approx(2 * 9 / (12 + 11))
    # "urged Israel to accept": Israel accepts (hypothetical); Kishida's government is coded
    # JPNELI (country right, code wrong); Pakistan's threat is made though its condition is not
    assert figures["source_country_accuracy"] == figures["source_code_accuracy"] == 1.0
    assert figures["target_country_accuracy"] == 1.0
    assert figures["target_code_accuracy"] == 8 / 9
    assert figures["modality_accuracy"] == 1.0
    assert figures["per_type"]["ASSAULT"] == {"gold": 1, "system": 3, "matched": 1,
                                              "precision": pytest.approx(1 / 3),
                                              "recall": 1.0, "f1": 0.5}
    rows = [line.split("\t") for line in errors.read_text(encoding="utf-8").splitlines()]
    header, rows = rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert header[:4] == ["story", "n", "status", "differs"] and header[-1] == "sentence"
    assert [r["status"] for r in rows if r["story"] == "1001" and r["n"] == "3"] == [
        "missed", "false positive"]
    (kishida,) = [r for r in rows if r["gold_trigger"] == "met"]
    assert kishida["differs"] == "target" and kishida["system_target"] == "JPNELI"
    (china,) = [r for r in rows if r["gold_trigger"] == "attend"]
    assert china["status"] == "matched" and china["system_trigger"] == "attend"
    (accept,) = [r for r in rows if r["gold_trigger"] == "accept"]
    assert (accept["status"], accept["system_source"]) == ("matched", "ISR")


def test_sentence_matching_prefers_overlap_and_uses_each_gold_once():
    from wirewatch.evaluate.sentences import Coded, Sentence, code_agrees, match

    def coded(kind, start, end):
        return Coded(kind, (start, end), "", None, None, "asserted")

    gold = [coded("ASSAULT", 0, 5), coded("ASSAULT", 20, 25)]
    sentence = Sentence("s", 0, 0, 40, "", gold,
                        [coded("ASSAULT", 30, 35), coded("ASSAULT", 21, 24),
                         coded("ASSAULT", 36, 38), coded("DEMAND", 0, 5)])
    match(sentence)
    assert [(g.trigger, s.trigger, how) for g, s, how in sentence.pairs] == [
        ((20, 25), (21, 24), "matched"), ((0, 5), (30, 35), "matched (type only)")]
    assert code_agrees("KEN", "KENGOV") and not code_agrees("KENGOV", "KEN")
    assert code_agrees("IGOUNO", "IGOUNO") and not code_agrees("IGOUNO", "IGOEUR")
    assert code_agrees(None, None) and not code_agrees(None, "KEN")


@pytest.mark.parametrize(("args", "message"), [
    (["--data", "no/such/file.jsonl"], "no such file or folder"),
    (["--data", EVAL / "sentences" / "events_dev.jsonl", "--stories", "no/stories.jsonl"],
     "no such stories file"),
    (["--data", EVAL / "conll-mini.txt"], "not valid JSON"),
])
def test_evaluate_sentences_bad_input_is_one_line(capsys, args, message):
    with pytest.raises(SystemExit) as done:
        main(["evaluate", "sentences", *map(str, args)])
    assert done.value.code != 0
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1


def test_crossdoc_topics_parse_and_default_to_every_listed_topic(tmp_path):
    import shutil

    from wirewatch.errors import InputError, SettingError
    from wirewatch.evaluate.crossdoc import parse_topics, read_corpus

    assert parse_topics("23, 24,25,24") == ("23", "24", "25")
    assert parse_topics("07") == ("7",)
    assert parse_topics(None) is None and parse_topics(" ") is None
    with pytest.raises(SettingError, match="numbers separated by commas"):
        parse_topics("23-25")
    corpus = tmp_path / "ecbplus"
    shutil.copytree(EVAL / "ecbplus", corpus)
    (corpus / "ECB+" / "9").mkdir()
    shutil.copy(corpus / "ECB+" / "23" / "23_2ecb.xml", corpus / "ECB+" / "9" / "9_1ecb.xml")
    (corpus / "ECB+" / "30").mkdir()  # a topic with no listed sentences is not scored
    shutil.copy(corpus / "ECB+" / "23" / "23_2ecb.xml", corpus / "ECB+" / "30" / "30_1ecb.xml")
    with (corpus / "ECBplus_coreference_sentences.csv").open("a", encoding="utf-8") as f:
        f.write("9,1ecb,0\n")
    assert [(d.topic, d.name) for d in read_corpus(corpus)] == [
        ("9", "9_1ecb"), ("23", "23_1ecb"), ("23", "23_1ecbplus"), ("23", "23_2ecb")]
    assert [d.name for d in read_corpus(corpus, ("9",))] == ["9_1ecb"]
    with pytest.raises(InputError, match="no documents of topics 30"):
        read_corpus(corpus, ("30",))


def test_evaluate_crossdoc_bad_topics_is_one_line(capsys):
    with pytest.raises(SystemExit) as done:
        main(["evaluate", "crossdoc", "--data", str(EVAL / "ecbplus"), "--topics", "x"])
    assert done.value.code == 2
    assert "--topics 'x'" in capsys.readouterr().err


def test_evaluate_judged_scores_a_filled_in_sample(capsys):
    figures = run_json(capsys, "evaluate", "judged", "--data", EVAL / "judged-mini.tsv")
    # 8 rows, one with type_ok empty (not judged); answers are read in any case, yes/no too
    assert figures["judged_events"] == 7 and figures["documents"] == 3
    assert figures["type_precision"] == 6 / 7
    # precision over the codes given: an empty code judged y (rightly none) or missing is
    # not a coded actor; missing ones are counted apart
    assert (figures["source_precision"], figures["source_coded"]) == (4 / 5, 5)
    assert (figures["target_precision"], figures["target_coded"]) == (2 / 3, 3)
    assert figures["source_missing"] == figures["target_missing"] == 1
    assert figures["modality_precision"] == 5 / 6
    # fully right: the shelling, and the praise whose empty target is left unjudged (its
    # sentence opens with a quotation mark, which is text in a plain TSV cell)
    assert figures["fully_right"] == 2 / 7
    assert figures["counts"]["source_ok"] == {"y": 4, "n": 1, "missing": 1, "unjudged": 1}


@pytest.mark.parametrize(("content", "message"), [
    ("article\ttype\nx\tAID\n", "no column type_ok, source_ok, target_ok, modality_ok"),
    ("type_ok\tsource_ok\ttarget_ok\tmodality_ok\ny\tmaybe\t\t\n",
     ":2: source_ok is 'maybe'; write y, n or missing"),
    ("type_ok\tsource_ok\ttarget_ok\tmodality_ok\ny\ty\ty\tmissing\n",
     "modality_ok is 'missing'; write y or n"),
    ("type_ok\tsource_ok\ttarget_ok\tmodality_ok\n\t\t\t\n", "no judged rows"),
])
def test_evaluate_judged_bad_file_is_one_line(capsys, tmp_path, content, message):
    path = tmp_path / "judged.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        main(["evaluate", "judged", "--data", str(path)])
    error = capsys.readouterr().err
    assert done.value.code == 1 and message in error and error.count("\n") == 1


def test_plover_records_in_the_corpus_other_shapes(tmp_path):
    import shutil

    from wirewatch.errors import InputError
    from wirewatch.evaluate.events import actor_codes, markup, read_records, trigger_spans

    folder = EVAL / "plover-shapes"  # a file of any name beside JSON that holds no records
    records = read_records(folder)
    assert [r["id"] for r in records] == ["S-1", "S-2", "S-3", "S-5"]
    assert read_records(folder / "gsr-sample.json") == records
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"no \.json or \.jsonl file of PLOVER records"):
        read_records(tmp_path)
    shutil.copy(folder / "gsr-sample.json", tmp_path / "records.jsonl.json")
    assert read_records(tmp_path) == records
    by_id = {r["id"]: r for r in records}
    assert trigger_spans(by_id["S-1"]) == [(16, 25)]  # textInfo is the markup string
    assert markup(by_id["S-3"]) == "" and trigger_spans(by_id["S-3"]) == []
    assert actor_codes(by_id["S-1"]["target"]) == {"PER"}
    assert actor_codes(by_id["S-2"]["source"]) == {"USA"}
    assert actor_codes(by_id["S-2"]["target"]) == set()
    assert actor_codes(by_id["S-3"]["source"]) == {"ETH"}
    assert actor_codes(None) == set() and actor_codes("the rebels") == set()


def test_evaluate_events_reads_a_folder_of_other_shapes(capsys):
    figures = run_json(capsys, "evaluate", "events", "--data", EVAL / "plover-shapes")
    # SANCTION is read as DISAPPROVE ("criticized"); the other three are right. Every record
    # has a source; the targets are a string (PER, ERI), a list (IGO) and an empty string
    assert figures["documents"] == 4 and figures["type_accuracy"] == 0.75
    assert (figures["source_scored"], figures["target_scored"]) == (4, 3)
    assert figures["source_country_accuracy"] == 1.0


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "not JSON or JSON Lines"),
    ('{"note": "no records"}', "no PLOVER records"),
])
def test_evaluate_events_bad_file_is_one_line(capsys, tmp_path, content, message):
    path = tmp_path / "records.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        main(["evaluate", "events", "--data", str(path)])
    error = capsys.readouterr().err
    assert done.value.code == 1 and message in error and error.count("\n") == 1


def test_evaluate_sentences_story_without_text_is_one_line(capsys, tmp_path):
    stories = tmp_path / "stories.jsonl"
    stories.write_text('{"id": "1001", "text": null}\n{"id": "1002", "text": "x"}\n',
                       encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        main(["evaluate", "sentences", "--data", str(EVAL / "sentences" / "events_dev.jsonl"),
              "--stories", str(stories)])
    error = capsys.readouterr().err
    assert done.value.code == 1 and "story 1001 has no text" in error


def test_evaluate_html_scores_the_stored_body_beside_trafilatura():
    from wirewatch.evaluate.html import evaluate_html, token_scores

    assert token_scores("the troops the", "the troops arrived") == (2 / 3, 2 / 3)
    assert token_scores("", "gold words") == (0.0, 0.0)
    figures = evaluate_html(FIXTURES / "html_benchmark", "unused")
    assert figures["documents"] == 2 and figures["failed_documents"] == 0
    for key in ("precision", "recall", "f1", "baseline_f1"):
        assert 0.0 <= figures[key] <= 1.0
    assert figures["recall"] == 1.0  # every word of both bodies, the headline left out
    assert figures["precision"] > 0.9 and figures["f1"] >= figures["baseline_f1"] - 0.01
