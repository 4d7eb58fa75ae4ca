import wirewatch
from wirewatch.extract.statements import find_quotes


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


def test_quote_marks_never_raise():
    for text in ['He said "yes', '”odd” “marks', '"', "“", "a “b” c ”d“ e"]:
        assert isinstance(find_quotes(text), list)
        wirewatch.extract(text + " The minister said so.", published="2024-05-16")


def test_quotes_across_paragraphs_and_unbalanced():
    text = "“First part.\n\n“Second part,” she said.\n\n“Never closed\n\nNext paragraph."
    spans = [text[s:e] for s, e in find_quotes(text)]
    assert spans == ["First part.\n\n“Second part,", "Never closed"]
