import wirewatch
from wirewatch.extractors.reporting import find_quotes


def statements(doc):
    text = doc.article.text
    return [(text[s.start:s.end], s) for s in doc.statements]


def test_sample_direct_quote_of_the_anonymous_official(sample_doc):
    (quote,) = [s for c, s in statements(sample_doc)
                if c.startswith("“It will take a day or two") and c.endswith("here,”")]
    assert quote.direct and quote.cue == "told"
    assert quote.speaker.text == "the official"
    assert quote.speaker.anonymous and quote.speaker.actor == "KORGOV"
    assert quote.source_chain == ("Yonhap News Agency",)


def test_sample_indirect_statements_of_the_official(sample_doc):
    official = [s for _, s in statements(sample_doc) if not s.direct and s.speaker
                and s.speaker.text.lower() == "the official"]
    assert len(official) >= 4
    assert {s.speaker.actor for s in official} == {"KORGOV"}
    assert all(s.speaker.anonymous for s in official)


def test_sample_leaders(sample_doc):
    found = statements(sample_doc)
    zelenskyy = next(s for c, s in found if c.startswith("he will send a special delegation"))
    assert zelenskyy.speaker.actor == "UKRGOV"
    assert zelenskyy.speaker.name == "Volodymyr Zelenskyy"
    yoon = next(s for c, s in found if c.startswith("South Korea could consider"))
    assert (yoon.speaker.text, yoon.speaker.name, yoon.speaker.actor) == (
        "Yoon", "Yoon Suk Yeol", "KORGOV")


def test_sample_source_chain_through_the_assessment(sample_doc):
    chained = next(s for c, s in statements(sample_doc)
                   if c.startswith("that at least 11,000 North Korean troops"))
    assert chained.source_chain == ("Yonhap News Agency", "A senior presidential official",
                                    "the intelligence assessment")


def test_unattributed_sentences_give_no_statement():
    doc = wirewatch.extract("The bridge reopened on Tuesday. Traffic was light.",
                                     published="2024-05-16")
    assert doc.statements == ()


def test_they_as_a_speaker_is_never_one_person_named_before():
    text = ("“Dodik has defied the court,” Secretary of State Marco Rubio said. Lawmakers "
            "wrote to Rubio on Monday. “He threatens the country,” they wrote.")
    doc = wirewatch.extract(text, published="2025-03-12")
    (they,) = [s for s in doc.statements if s.speaker is not None and s.speaker.text == "they"]
    assert they.speaker.name is None and they.speaker.actor != "USAGOV"


def test_quote_marks_never_raise():
    for text in ['He said "yes', '”odd” “marks', '"', "“", "a “b” c ”d“ e"]:
        for start, end in find_quotes(text):
            assert 0 <= start < end <= len(text)
        doc = wirewatch.extract(text + " The minister said so.", published="2024-05-16")
        assert doc.statements, text  # the sentence after the stray marks is still reported
        for statement in doc.statements:
            assert 0 <= statement.start < statement.end <= len(doc.article.text)
    assert find_quotes('”odd” “marks') == [(7, 12)]  # an unclosed quote runs to the end
    assert find_quotes('"') == [] and find_quotes("“") == []
    assert find_quotes("a “b” c") == [(3, 4)]


def test_quotes_across_paragraphs_and_unbalanced():
    text = "“First part.\n\n“Second part,” she said.\n\n“Never closed\n\nNext paragraph."
    spans = [text[s:e] for s, e in find_quotes(text)]
    assert spans == ["First part.\n\n“Second part,", "Never closed"]


def test_typewriter_quote_marks():
    text = "``We will not wait,'' the mayor said. He called the plan ''a good start.''"
    assert [text[s:e] for s, e in find_quotes(text)] == ["We will not wait,", "a good start."]
    doc = wirewatch.extract(text, published="2024-05-16")
    quote = next(s for c, s in statements(doc) if c.startswith("``We will"))
    assert quote.direct and quote.speaker.text == "the mayor"
    assert doc.article.text[quote.start:quote.end] == "``We will not wait,''"


def test_a_described_source_keeps_its_description():
    doc = wirewatch.extract(
        "Senator Maria Lopez, who chairs the committee, said the bill would pass. "
        "The ministry, which rarely comments, said it was studying the report.",
        published="2024-05-16")
    speakers = {c: s.speaker for c, s in statements(doc)}
    assert speakers["the bill would pass"].text == \
        "Senator Maria Lopez, who chairs the committee,"
    assert speakers["it was studying the report"].text == "The ministry, which rarely comments,"


def test_relative_pronoun_as_speaker_takes_the_antecedents_name():
    doc = wirewatch.extract(
        "The bill was opposed by Senator Maria Lopez, who said it would raise prices.",
        published="2024-05-16")
    (statement,) = [s for c, s in statements(doc) if c == "it would raise prices"]
    assert statement.speaker.text == "who"
    assert statement.speaker.name == "Maria Lopez"


def test_he_is_never_the_group_quoted_before_him():
    doc = wirewatch.extract(
        "U.N. special rapporteur Richard Bennett said he had sought to engage with the Taliban. "
        "Taliban authorities said they would not let him in. “I urge the Taliban to reverse "
        "their decision,” he said.", published="2025-03-12")
    (statement,) = [s for c, s in statements(doc) if c.startswith("“I urge")]
    assert statement.speaker.name == "Richard Bennett"
    assert statement.speaker.actor == "IGOUNO"


def test_a_poll_speaks_for_itself():
    doc = wirewatch.extract("In the latest Gallup poll, the governor leads by six points.",
                                     published="2024-05-16")
    (statement,) = statements(doc)
    assert statement[1].speaker.text == "the latest Gallup poll" and statement[1].cue == "In"
    assert statement[0] == "the governor leads by six points"


def test_first_person_outside_quotes_is_the_writers_own_view():
    doc = wirewatch.extract(
        "I think the council made a mistake. We believe it will regret it.",
        published="2024-05-16")
    assert doc.statements == ()


def test_a_blank_line_ends_the_source():
    doc = wirewatch.extract("Campaign notes (all times local):\n\n7 p.m.\n\n"
                                     "BRUSSELS - European leaders said the talks would resume.",
                                     published="2024-05-16")
    (statement,) = statements(doc)
    assert statement[1].speaker.text == "European leaders"


def test_a_signed_quote_ends_at_the_name():
    text = "“Maybe we can build something better here.” ― Steve Quinlan.\n\nGetty Images"
    (statement,) = statements(wirewatch.extract(text, published="2016-05-01"))
    assert statement[1].speaker.text == "Steve Quinlan" and statement[1].cue == "―"


def test_an_asked_listener_with_what_was_asked():
    doc = wirewatch.extract("Thirteen states asked a federal judge to block the rules.",
                                     published="2016-05-01")
    (statement,) = statements(doc)
    assert statement[0] == "a federal judge to block the rules"


def test_reporting_verb_phrases():
    doc = wirewatch.extract("The governor spoke about the budget crisis. "
                                     "The mayor made the case for new taxes.",
                                     published="2016-01-01")
    found = {s.cue: (c, s.speaker.text) for c, s in statements(doc)}
    assert found["spoke about"] == ("the budget crisis", "The governor")
    assert found["made the case"] == ("new taxes", "The mayor")


INTERVIEW = (
    "The Kenyan president sent a delegation to Somalia last week. Amina Yusuf, a former Kenyan"
    " foreign minister, was among the delegates. VOA spoke with her about the trip. VOA: During"
    " your visit to Mogadishu, you met with the Somali president. What message did you bring?"
    " Amina Yusuf, former Kenyan foreign minister: The message was one of support. I had met"
    " him before. VOA: What comes next? Yusuf: More talks, I hope.")


def test_an_interview_run_into_one_paragraph_gives_each_turn_its_speaker():
    doc = wirewatch.extract(INTERVIEW, published="2024-06-02")
    turns = [(s.speaker.text, text) for text, s in statements(doc) if s.cue == ":"]
    assert [speaker for speaker, _ in turns] == [
        "VOA", "Amina Yusuf", "VOA", "Yusuf"]
    assert turns[1][1] == "The message was one of support. I had met him before."
    assert turns[3][1] == "More talks, I hope."


def test_one_label_is_no_interview():
    doc = wirewatch.extract("Kenya sent troops. Analysis: The move is risky for Nairobi, which"
                            " faces a revolt.", published="2024-06-02")
    assert not [s for _, s in statements(doc) if s.cue == ":"]
