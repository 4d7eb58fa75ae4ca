import wirewatch
from wirewatch.extractors.casing import is_shouting, recase


def test_recasing_keeps_length_and_names():
    line = "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT ."
    out = recase(line, {"japan": "Japan", "china": "China"})
    assert len(out) == len(line)
    assert out == "Soccer - Japan get lucky win , China in surprise defeat ."


def test_only_all_caps_lines_shout():
    assert is_shouting("TROOPS MASS NEAR BORDER")
    assert not is_shouting("SEOUL, Oct. 30 (Yonhap) -- The office said.")
    assert not is_shouting("UN")


def test_entities_in_a_headline_are_found():
    doc = wirewatch.extract(
        "KREMLIN SAYS PUTIN WILL MEET XI IN BEIJING\n\nThe talks are set.",
        published="2024-05-16")
    found = {e.text: (e.label, e.actor) for e in doc.entities}
    assert found["PUTIN"] == ("PERSON", "RUSGOV")
    assert found["BEIJING"] == ("GPE", "CHNGOV")


def test_a_headline_the_model_misreads_is_recased():
    doc = wirewatch.extract("FLOODS HIT VENICE AFTER STORM\n\nThe water rose overnight.",
                                     published="2024-11-12")
    labels = {e.text: e.label for e in doc.entities}
    assert labels.get("VENICE") == "GPE"
    assert "STORM" not in labels
