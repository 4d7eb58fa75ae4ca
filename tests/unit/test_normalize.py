from wirewatch.normalize import find_dateline, normalize, repair_text, split_trailers


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


def test_non_english_text_has_no_language_claim():
    assert normalize("Der Präsident sagte am Mittwoch, dass die Gespräche beginnen.").language \
        is None
