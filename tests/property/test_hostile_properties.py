"""Properties over hostile input: the readers, the normalizer and every extractor take
arbitrary Unicode, stray quotation marks, numbers and dates without an exception other than
the one-line ``InputError``, and every span they return lies inside the article text and
reads the characters the model stores for it."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import wirewatch
from wirewatch import kinds
from wirewatch.errors import ExtractionError, InputError
from wirewatch.ingest import Failure, RawArticle, read_file
from wirewatch.ingest.decode import decode_bytes
from wirewatch.ingest.html import article_from_html
from wirewatch.ingest.jsonl import article_from_record
from wirewatch.model import Document
from wirewatch.normalize import normalize, prepare

FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# Extraction parses each example: fewer of them.
SLOW = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# ------------------------------------------------------------------------------ strategies

NAMES = ["President Yoon Suk Yeol", "Zelenskyy", "Kyiv", "Pyongyang", "North Korean",
         "Russia", "the official", "South Korea's", "the Kremlin", "U.N.", "Hamas",
         "Ukrainian President Volodymyr Zelenskyy", "the presidential office", "police"]
VERBS = ["said", "told reporters", "denied", "attacked", "met", "will send", "could consider",
         "appear to be", "is not", "vowed to", "according to", "arrested", "fired",
         "deployed", "condemned", "agreed", "sanctioned", "protested", "warned"]
WORDS = ["troops", "shells", "the", "a", "of", "in", "to", "on", "with", "and", "not",
         "military", "border", "talks", "envoy", "people", "soldiers", "deal", "who", "its"]
QUOTES = ["“", "”", '"', "'", "‘", "’", "«", "»", "„", "‹", "›", "「", "」", "`", "''"]
PUNCTUATION = [".", ",", ";", ":", "—", "–", " -- ", "(", ")", "?", "!", "…", "\n", "\n\n",
               "\t", "\u00a0", "\u200b", "\u2028", "\r\n", "-\n"]
DATES = ["Tuesday", "last week", "Oct. 30", "2024-10-30", "March 5, 2023", "three days ago",
         "10:30 p.m.", "mid-October", "next year", "the past two months", "every Tuesday",
         "1997", "the 1990s", "Feb. 29", "Feb. 30, 2023", "31/12/2024", "0000-00-00",
         "9999-99-99", "week 53", "Q4", "tonight", "yesterday", "99 days ago"]


def _number(value: int) -> str:
    return f"{value:,}"


NUMBERS = st.one_of(
    st.integers(min_value=-10**15, max_value=10**15).map(_number),
    st.integers(min_value=0, max_value=10**6).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["11,000", "155-mm", "1.5 million", "two", "dozens of", "at least 3",
                     "more than 1,000", "about 40%", "$2.5 billion", "1,2,3", "1..2",
                     "10e308", "٣٤", "Ⅻ", "½", "0.000001", "1,00,000", "-0", "1e-9"]),
)
# Lines the normalizer cuts off or reads the publisher from.
FRAMES = ["SEOUL, Oct. 30 (Yonhap) -- ", "KYIV (AP) — ", "\n\nSource: Yonhap News Agency",
          "\n(Reporting by Jane Doe; Editing by John Roe)", "\n© 2024 Reuters", "By JOHN SMITH\n",
          "\nCopyright AFP", "WASHINGTON —"]
JUNK = st.text(min_size=1, max_size=6)
SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF).map(str)
PIECES = st.one_of(
    st.sampled_from(NAMES), st.sampled_from(VERBS), st.sampled_from(WORDS),
    st.sampled_from(QUOTES), st.sampled_from(PUNCTUATION), st.sampled_from(DATES),
    st.sampled_from(FRAMES), NUMBERS, JUNK,
)
SEPARATORS = st.sampled_from([" ", " ", " ", "", "\n", "  "])


@st.composite
def news_texts(draw: st.DrawFn) -> str:
    """A news-like text: names, verbs, numbers, dates and quotation marks, some stray, with
    arbitrary characters among them."""
    pieces = draw(st.lists(PIECES, min_size=1, max_size=80))
    return "".join(piece + draw(SEPARATORS) for piece in pieces)


ANY_TEXT = st.one_of(news_texts(), st.text(max_size=200),
                     st.lists(st.one_of(JUNK, SURROGATES, st.sampled_from(QUOTES)),
                              max_size=40).map("".join))
PUBLISHED = st.none() | st.dates(min_value=date(1900, 1, 1),
                                 max_value=date(2100, 12, 31)).map(date.isoformat)

# ------------------------------------------------------------------------------ the checks

KNOWN_FAILURES = ("no article text",)


def check_document(doc: Document) -> int:
    """Assert that every span of every kind lies inside the text, that every item reads the
    characters it stores, and that every index points into its list; the number of spans
    checked."""
    text = doc.article.text
    size = len(text)
    checked = 0

    def inside(start: int, end: int, what: str) -> None:
        nonlocal checked
        assert 0 <= start < end <= size, (what, start, end, size)
        checked += 1

    for kind in (doc.entities, doc.times, doc.places, doc.quantities):
        for item in kind:
            inside(item.start, item.end, type(item).__name__)
            assert text[item.start:item.end] == item.text, item
    for actor in doc.actors:
        assert actor.mentions, actor
        for start, end in actor.mentions:
            inside(start, end, f"actor {actor.code}")
    for st_ in doc.statements:
        inside(st_.start, st_.end, "statement")
        if st_.speaker is not None:
            inside(st_.speaker.start, st_.speaker.end, "speaker")
            assert text[st_.speaker.start:st_.speaker.end] == st_.speaker.text, st_.speaker
        if st_.cue_span is not None:
            inside(*st_.cue_span, "cue")
            assert text[st_.cue_span[0]:st_.cue_span[1]] == st_.cue, st_
    for event in doc.events:
        inside(*event.sentence, "sentence")
        inside(*event.trigger, "trigger")
        assert event.sentence[0] <= event.trigger[0] and event.trigger[1] <= event.sentence[1]
        for index, items in ((event.place, doc.places), (event.quantity, doc.quantities),
                             (event.statement, doc.statements)):
            assert index is None or 0 <= index < len(items), event
        assert 0.0 <= event.confidence <= 1.0
    assert len(kinds.spans(doc)) <= checked  # the model's own list of spans claims nothing more
    return checked


def extract_or_refuse(text: str, published: str | None = None) -> Document | None:
    """The document, or None where the text is refused for a reason a user is given."""
    try:
        doc = wirewatch.extract(text, published=published)
    except ExtractionError as err:
        assert any(known in str(err) for known in KNOWN_FAILURES), str(err)
        return None
    assert doc.article.text and doc.article.text.strip()
    doc.article.text.encode("utf-8")  # storable: no lone surrogate
    return doc


# ------------------------------------------------------------------------------ extractors


@given(news_texts(), PUBLISHED)
@SLOW
def test_every_extractor_keeps_its_spans_inside_the_text(text: str, published: str | None
                                                        ) -> None:
    doc = extract_or_refuse(text, published)
    if doc is not None:
        check_document(doc)
        assert Document.from_json(doc.to_json()) == doc


@given(ANY_TEXT)
@SLOW
def test_arbitrary_unicode_is_extracted_or_refused_with_a_reason(text: str) -> None:
    doc = extract_or_refuse(text)
    if doc is not None:
        check_document(doc)


def test_the_document_check_sees_every_kind_of_span(sample_doc: Document) -> None:
    """Not vacuous: the sample story has spans of every kind for ``check_document``."""
    for kind in ("entities", "actors", "times", "places", "quantities", "statements",
                 "events"):
        assert getattr(sample_doc, kind), kind
    assert any(s.speaker and s.cue_span for s in sample_doc.statements)
    assert any(e.place is not None for e in sample_doc.events)
    assert check_document(sample_doc) >= len(kinds.spans(sample_doc))


def test_the_strategy_reaches_the_extractors() -> None:
    """Not vacuous: texts like those drawn give events, statements, quantities and times."""
    doc = extract_or_refuse("Zelenskyy said Tuesday “ that 11,000 North Korean troops "
                            "attacked Kyiv » , the official told reporters on Oct. 30 .",
                            "2024-10-30")
    assert doc is not None and doc.events and doc.statements and doc.quantities and doc.times
    check_document(doc)


# ------------------------------------------------------------------------------ normalizer


@given(ANY_TEXT)
@FAST
def test_prepare_gives_an_article_or_one_reason(text: str) -> None:
    try:
        item = prepare(RawArticle(text, "fuzz"))
    except InputError as err:
        assert str(err) == "fuzz: no article text after normalization"
        return
    article = item.article
    assert article.text.strip() and article.text == normalize(text).text
    article.text.encode("utf-8")
    assert normalize(article.text).text == article.text


# ------------------------------------------------------------------------------ readers

BYTES = st.one_of(
    st.binary(max_size=400),
    ANY_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
    news_texts().map(lambda t: t.encode("utf-16-le", "surrogatepass")),
    news_texts().map(lambda t: t.encode("cp1252", "replace")),
)
TAGS = ["<p>", "</p>", "<div>", "</div>", "<article>", "</article>", "<script>", "</script>",
        "<!--", "-->", "<![CDATA[", "]]>", "<title>", "</title>", "<meta charset='koi8-r'>",
        "<br/>", "&amp;", "&#0;", "&#xD800;", "&#1114112;", "&nosuch;", "<html>", "<body>",
        "<!DOCTYPE html [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>", "&e;", "<?xml ?>",
        "<table><tr><td>", "<a href='javascript:x'>", "</a>", "<", ">", "<<>>"]
MARKUP = st.lists(st.one_of(st.sampled_from(TAGS), news_texts()), max_size=30).map("".join)


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


def check_items(items: list[RawArticle | Failure]) -> None:
    """What a reader yields: articles (text that is only white space is refused later, by
    ``prepare``) and failures with a one-line reason, all storable."""
    for item in items:
        assert isinstance(item, RawArticle | Failure)
        item.origin.encode("utf-8")
        if isinstance(item, Failure):
            assert item.reason.strip() and "\n" not in item.reason.strip()
            item.reason.encode("utf-8")
        else:
            assert isinstance(item.text, str) and item.text


@given(BYTES, st.sampled_from([".txt", ".html", ".jsonl"]))
@FAST
def test_readers_take_any_bytes(scratch: Path, data: bytes, suffix: str) -> None:
    path = scratch / f"item{suffix}"
    path.write_bytes(data)
    try:
        items = list(read_file(path))
    except InputError as err:
        assert str(err).startswith(f"{path}: ") and "\n" not in str(err)
        return
    check_items(items)


@given(BYTES, st.booleans())
@FAST
def test_decoding_gives_text_or_one_reason(data: bytes, markup: bool) -> None:
    try:
        text = decode_bytes(data, "fuzz", markup=markup)
    except InputError as err:
        assert str(err).startswith("fuzz: ")
        return
    text.encode("utf-8", "surrogatepass")
    if data.strip() and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        assert text


@given(MARKUP | st.text(max_size=300))
@FAST
def test_html_gives_an_article_or_one_reason(html: str) -> None:
    try:
        item = article_from_html(html, "fuzz")
    except InputError as err:
        assert str(err).startswith("fuzz: ")
        return
    assert item.text.strip()
    assert "root:" not in item.text  # the external entity is never read


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["text", "html", "title", "url", "published",
                                       "source", "x"]), children, max_size=5),
    max_leaves=12)


@given(st.lists(st.one_of(JSON_VALUES.map(lambda v: json.dumps(v).encode()),
                          st.fixed_dictionaries({"text": news_texts()}).map(
                              lambda v: json.dumps(v, ensure_ascii=False).encode(
                                  "utf-8", "surrogatepass")),
                          st.binary(max_size=60)),
                max_size=8))
@FAST
def test_jsonl_gives_one_item_per_line(scratch: Path, lines: list[bytes]) -> None:
    """Each line that is not blank is one article or one failure, named by its number; only
    a file that is binary or empty as a whole fails as one."""
    assume(all(b"\n" not in line for line in lines))
    path = scratch / "lines.jsonl"
    path.write_bytes(b"\n".join(lines))
    try:
        items = list(read_file(path))
    except InputError as err:
        assert str(err).startswith(f"{path}: ")
        return
    check_items(items)
    expected = []
    for number, raw in enumerate(lines, start=1):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            blank = not raw.decode("utf-8").strip()
        except UnicodeDecodeError:
            blank = False
        if not blank:
            expected.append(f"{path}:{number}")
    if b"\x00" not in b"".join(lines):  # else it may be read as UTF-16, whole
        assert [item.origin for item in items] == expected


@given(st.text(max_size=200))
@FAST
def test_a_json_record_gives_an_article_or_one_reason(line: str) -> None:
    try:
        item = article_from_record(line, "fuzz:1")
    except InputError as err:
        assert str(err).startswith("fuzz:1: ")
        return
    assert item.text.strip()
