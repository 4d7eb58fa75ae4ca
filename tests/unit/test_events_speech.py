"""What a speaker's words make of an act: a call for a policy, an intent declared, a question,
a demand made; and acts whose type depends on what they act on."""

import pytest

import wirewatch
from tests.unit.test_events_context import coded, triggers
from tests.unit.test_statements import INTERVIEW


def test_a_first_person_call_for_a_policy_is_a_demand_only():
    found = coded('"We need to take some time and suspend immigration," the French foreign '
                  'minister said.')
    assert [(t, kind, modality) for t, kind, _, _, modality in found] == [
        ("need", "DEMAND", "asserted")]
    assert found[0][2] == "FRAGOV"


def test_a_demand_reported_is_made_though_what_it_asks_is_not():
    found = coded("Turkish Foreign Minister Mevlut Cavusoglu said Washington must lift the "
                  "sanctions.")
    assert [(t, kind, target, modality) for t, kind, source, target, modality in found
            if source and source[:3] == "TUR"] == [("lift", "DEMAND", "USAGOV", "asserted")]
    assert ("lift", "RETREAT", "USAGOV", None, "hypothetical") in found


def test_cooperation_a_government_says_it_will_give_is_an_expressed_intent():
    found = coded("Indian Prime Minister Narendra Modi announced that India will cooperate "
                  "with Mauritius in building a new parliament.")
    assert ("cooperate", "AGREE", "IND", "MUS", "asserted") in found
    # a prediction by someone else stays the act, not yet done
    found = coded("Analysts said India will cooperate with Mauritius.")
    assert ("cooperate", "AGREE", "IND", "MUS", "asserted") not in found


def test_a_question_reports_no_act():
    assert triggers("Why would the United States send troops to Taiwan?") == []
    assert "sent" in triggers("The United States sent troops to Taiwan.")


def test_a_return_is_an_event_only_of_what_is_returned():
    assert triggers("Gee returned to the United States with his godfather.") == []
    assert ("returned", "RETREAT") in [(t, k) for t, k, *_ in coded(
        "Russia returned 50 prisoners to Ukraine on Monday.")]
    assert ("return", "CONSULT", "hypothetical") in [(t, k, m) for t, k, *_, m in coded(
        "Ameri said the Taliban should return to the negotiation table with Kabul.")]


def test_withdrawing_ambassadors_reduces_relations():
    assert ("withdrew", "SANCTION") in [(t, k) for t, k, *_ in coded(
        "Turkey withdrew its ambassador from Israel in 2018.")]


def test_a_venue_is_not_a_party():
    found = coded("China will convene a meeting in Beijing with Iran and Russia on Friday.")
    assert ("convene", "CONSULT", "CHN", "IRN", "planned") in found
    found = coded("Ishiba praised his Washington meeting with Japan's allies.")
    assert all(target != "USAGOV" for *_, target, _ in found)


def test_what_a_threat_threatens_is_not_coded_apart():
    found = coded("Germany dismissed President Donald Trump's threat to impose bigger tariffs "
                  "on European cars.", "2025-03-14")
    assert "impose" not in [t for t, *_ in found]


def test_the_countries_are_the_last_two_named():
    found = coded("Indian Prime Minister Narendra Modi visited Mauritius on Tuesday. He said that "
                  "the countries had elevated ties to a strategic partnership.")
    assert ("elevated", "SUPPORT", "IND", "MUS", "asserted") in found



def test_a_government_s_press_does_not_declare_its_intent():
    found = coded("British media have reported that Britain will cede sovereignty of the "
                  "Chagos Islands to Mauritius.")
    assert all(kind != "AGREE" for _, kind, *_ in found)


def test_in_an_interview_you_is_the_one_who_answers_and_i_the_one_who_speaks():
    doc = wirewatch.extract(INTERVIEW, published="2024-06-02")
    met = [e for e in doc.events if e.type == "CONSULT"
           and doc.article.text[slice(*e.trigger)] == "met"]
    assert [(e.source, e.target) for e in met] == [("KENELI", "SOMGOV"), ("KENELI", None)]


@pytest.mark.parametrize(("text", "word", "source"), [
    ("Kyiv is looking to Washington to supply more air defense systems to Ukraine.", "supply",
     "USAGOV"),
    ("Ankara is looking to Trump to either veto any sanctions legislation or use his influence"
     " to water down any measures against Turkey.", "veto", "USAGOV"),
])
def test_whom_someone_looks_to_for_an_act_would_do_it(text, word, source):
    found = [c for c in coded(text, "2019-07-20") if c[0] == word]
    assert [(c[2], c[4]) for c in found] == [(source, "hypothetical")]


def test_a_call_on_several_is_on_the_first_a_table_codes():
    assert ("respond", "DEMAND", "AFGCVL", "IGOUNO", "asserted") in coded(
        "An Afghan activist said the international community and the U.N. should respond to"
        " the provocation.", "2025-03-10")
