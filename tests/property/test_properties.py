"""Properties that hold for any input: normalization is idempotent, total and drawn from its
input; spans are sound; time values are well formed and anchored only where they must be."""

import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wirewatch
from wirewatch import kinds
from wirewatch.errors import ExtractionError
from wirewatch.extractors.times import normalize_expression
from wirewatch.model import Document
from wirewatch.normalize import normalize, repair_text

WORDS = ["North", "Korean", "troops", "Kyiv", "’s", "said", "Yoon", "President", "the",
         "official", "pote\nntial", "restric\nted", "Source: Yonhap News Agency", "\n\n",
         "“", "”", "-", "at least 11,000", "Moscow", "Pyongyang", "regime", ".", ",",
         '"', "''", "``", "\nMORALES:", "HARTLEY:", "—", "--", "WASHINGTON", "ex-wife", "who",
         "told", "wants", "according to", "citing", "called for"]
news_like = st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=40).map(" ".join)
anything = st.text(max_size=300) | news_like


@given(anything)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_normalize_never_raises_and_is_idempotent(text):
    once = normalize(text)
    assert normalize(once.text).text == once.text
    assert repair_text(once.text) == once.text


@given(anything)
@settings(max_examples=300, deadline=None)
def test_normalized_text_is_drawn_from_the_input(text):
    """Normalizing only repairs and cuts: the body and every trailer are pieces of the repaired
    input, and a publisher is one a trailer or the body's dateline names."""
    once = normalize(text)
    repaired = repair_text(text)
    assert once.text in repaired
    assert all(trailer in repaired for trailer in once.trailers)
    if once.source is not None:
        assert (any(once.source in trailer for trailer in once.trailers)
                or once.source.lower() in once.text.lower())


def test_normalizing_a_wire_story_cuts_its_trailers():
    """The property above is not vacuous: here there is a trailer and a publisher to check."""
    once = normalize("SEOUL -- Troops moved north.\n\nSource: Yonhap News Agency")
    assert once.trailers and once.source == "Yonhap News Agency"
    assert once.text == "SEOUL -- Troops moved north."


def check_spans(doc: Document) -> int:
    """Assert that every span lies inside the text and every item reads its own characters;
    the number of spans checked."""
    text = doc.article.text
    spans = list(kinds.spans(doc))
    for _name, start, end in spans:
        assert 0 <= start < end <= len(text)
    for item in (*doc.entities, *doc.times, *doc.places, *doc.quantities):
        assert text[item.start:item.end] == item.text
    return len(spans)


@given(news_like)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_span_lies_inside_the_text(text):
    try:
        doc = wirewatch.extract(text, published="2024-10-30")
    except ExtractionError as err:
        assert "no article text" in str(err)
        return
    check_spans(doc)


def test_the_span_check_sees_spans(sample_doc):
    """The sample story has spans of every kind, so ``check_spans`` has something to check."""
    assert sample_doc.entities and sample_doc.times and sample_doc.places
    assert sample_doc.quantities and sample_doc.events and sample_doc.statements
    assert check_spans(sample_doc) >= len(sample_doc.entities) + len(sample_doc.events)


TIME_WORDS = ["last", "next", "this", "week", "month", "year", "Tuesday", "March", "5",
              "2023", "ago", "three", "days", "a", "or", "two", "mid-October", "the", "past",
              "every", "earlier", "quarter", "third", "tonight", "10:30", "p.m.", "daily"]
time_phrases = st.lists(st.sampled_from(TIME_WORDS), min_size=1, max_size=5).map(" ".join)
TIME_KINDS = {"date", "time", "week", "month", "year", "duration", "set"}


def check_time(text: str, anchor: date, tense: str | None) -> bool:
    """Assert what holds of any resolved expression: its span is in the text, its kind is
    known, it is anchored to the given date or not at all, the same span is found without an
    anchor (and then nothing is anchored), an expression that needs no anchor has the same
    value without one, and dates and months are real ones. Whether there was a hit."""
    hit = normalize_expression(text, anchor, tense)
    if hit is None:
        return False
    assert 0 <= hit.start < hit.end <= len(text)
    assert hit.kind in TIME_KINDS
    assert hit.anchor in (None, anchor.isoformat())
    bare = normalize_expression(text, None, tense)
    assert bare is not None and (bare.start, bare.end) == (hit.start, hit.end)
    assert bare.anchor is None
    if hit.anchor is None:
        assert bare.value == hit.value
    if hit.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", hit.value):
        date.fromisoformat(hit.value)
    if hit.value and re.fullmatch(r"\d{4}-\d{2}", hit.value):
        assert 1 <= int(hit.value[5:]) <= 12
    return True


@given(time_phrases | st.text(max_size=40),
       st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
       st.sampled_from([None, "past", "future"]))
@settings(max_examples=400, deadline=None)
def test_time_normalization_is_total_and_well_formed(text, anchor, tense):
    check_time(text, anchor, tense)


def test_the_time_check_sees_relative_and_absolute_hits():
    """``check_time`` is not vacuous: each of these resolves, relative or not."""
    anchor = date(2024, 10, 30)
    for text in ("last week", "three days ago", "March 5", "Oct. 30, 2024", "July 1997",
                 "every Tuesday", "the past two months"):
        assert check_time(text, anchor, None), text
    assert normalize_expression("last week", anchor).anchor == "2024-10-30"
    assert normalize_expression("July 1997", anchor).anchor is None
