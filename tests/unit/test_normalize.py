from wirewatch.normalize import (
    find_dateline,
    guess_language,
    is_english,
    normalize,
    repair_text,
    split_trailers,
)


def test_rejoins_words_cut_by_a_fixed_size_chunker(sample_text):
    text = normalize(sample_text).text
    assert "assess potential security" in text
    assert "has restricted mobile" in text
    assert "pote\n" not in text and "restric\n" not in text


def test_keeps_real_words_apart_across_a_line_break():
    assert repair_text("the\nbattle began") == "the\nbattle began"
    assert repair_text("a\nbout of fever") == "a\nbout of fever"


def test_hyphenated_line_ends():
    assert repair_text("an impor-\ntant step") == "an important step"
    assert repair_text("a well-\nknown fact") == "a well-known fact"


def test_fixes_mojibake_but_keeps_curly_quotes():
    assert repair_text("Kyivâ€™s envoy said “yes”") == "Kyiv’s envoy said “yes”"


def test_sample_trailers_are_recorded_and_give_the_publisher(sample_text):
    norm = normalize(sample_text)
    assert norm.trailers == ("Source: Yonhap News Agency", "News Reporter")
    assert norm.source == "Yonhap News Agency"
    assert norm.text.endswith("the official added.")
    assert norm.language == "en"


def test_bylines_at_the_start_are_split_off():
    body, trailers, source = split_trailers("By Kim Soo-yeon\nSEOUL -- It rained.\n\n(c) 2024")
    assert body == "SEOUL -- It rained."
    assert trailers == ["By Kim Soo-yeon", "(c) 2024"]
    assert source is None


def test_a_text_that_is_only_a_byline_is_kept():
    body, trailers, _ = split_trailers("Political Reporter")
    assert trailers == ["Political Reporter"] and body == ""


def test_dateline_place_and_agency():
    assert find_dateline("SEOUL, Oct. 30 (Yonhap) -- The office said.") == ("Seoul", "Yonhap")
    assert find_dateline("KYIV (Reuters) - Ukraine said.") == ("Kyiv", "Reuters")
    assert find_dateline("The office said - nothing.") == (None, None)


RUSSIAN = ("Министр иностранных дел России Сергей Лавров в среду провёл телефонный разговор "
           "со своим турецким коллегой. Стороны обсудили ситуацию на Украине и в Сирии, а "
           "также подготовку к новому раунду переговоров в Стамбуле, сообщили в министерстве.")


def test_language_is_identified():
    assert normalize(RUSSIAN).language == "ru"
    german = ("Der Präsident sagte am Mittwoch, dass die Gespräche über einen Waffenstillstand "
              "in der kommenden Woche in Genf beginnen sollen. Die Regierung in Berlin begrüßte "
              "die Ankündigung und kündigte weitere Hilfe für die Region und ihre Menschen an.")
    assert normalize(german).language == "de"


def test_short_or_uncertain_text_is_taken_as_english():
    # Too few letters to identify reliably: English, the language wirewatch codes.
    assert guess_language("Der Präsident sagte am Mittwoch, dass die Gespräche beginnen.") == "en"
    assert guess_language("") == "en" and guess_language("12345 !!!") == "en"
    assert guess_language("Kim Jong Un met Xi Jinping in Pyongyang on Tuesday. " * 5) == "en"
    assert is_english(None) and is_english("en") and not is_english("ru")
