"""Properties that hold for any input: normalization is idempotent and total, spans are sound."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wirewatch
from wirewatch.errors import ExtractionError
from wirewatch.extract.times import normalize_expression
from wirewatch.normalize import normalize, repair_text

WORDS = ["North", "Korean", "troops", "Kyiv", "’s", "said", "Yoon", "President", "the",
         "official", "pote\nntial", "restric\nted", "Source: Yonhap News Agency", "\n\n",
         "“", "”", "-", "at least 11,000", "Moscow", "Pyongyang", "regime", ".", ",",
         '"', "''", "``", "\nMORALES:", "HARTLEY:", "—", "--", "WASHINGTON", "ex-wife", "who",
         "told", "wants", "according to", "citing", "called for"]
news_like = st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=40).map(" ".join)
anything = st.text(max_size=300) | news_like


@given(anything)
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_normalize_never_raises_and_is_idempotent(text):
    once = normalize(text)
    assert normalize(once.text).text == once.text
    assert repair_text(once.text) == once.text


@given(anything)
@settings(max_examples=300)
def test_normalization_is_deterministic(text):
    assert normalize(text) == normalize(text)


@given(news_like)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_span_lies_inside_the_text(text):
    try:
        doc = wirewatch.extract(text, published="2024-10-30")
    except ExtractionError as err:
        assert "no article text" in str(err)
        return
    size = len(doc.article.text)
    for _name, start, end in doc.spans():
        assert 0 <= start < end <= size
    for entity in doc.entities:
        assert doc.article.text[entity.start:entity.end] == entity.text


TIME_WORDS = ["last", "next", "this", "week", "month", "year", "Tuesday", "March", "5",
              "2023", "ago", "three", "days", "a", "or", "two", "mid-October", "the", "past",
              "every", "earlier", "quarter", "third", "tonight", "10:30", "p.m.", "daily"]
time_phrases = st.lists(st.sampled_from(TIME_WORDS), min_size=1, max_size=5).map(" ".join)


@given(time_phrases | st.text(max_size=40),
       st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)) | st.none(),
       st.sampled_from([None, "past", "future"]))
@settings(max_examples=400)
def test_time_normalization_is_deterministic_and_total(text, anchor, tense):
    first = normalize_expression(text, anchor, tense)
    assert first == normalize_expression(text, anchor, tense)
    if first is not None and anchor is None and first.value is not None:
        assert first.anchor is None
