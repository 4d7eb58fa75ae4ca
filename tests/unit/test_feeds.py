"""Feeds: RSS and Atom read with feedparser after a refusal of XML entities; each entry's
article from its page (date from the page, else the entry; publisher from the page, else
the feed), else from the entry's own content."""

from __future__ import annotations

import pytest

from tests.live import (
    BILLION_LAUGHS,
    EXTERNAL_ENTITY,
    PARAGRAPHS,
    Route,
    article_page,
    rss,
)
from wirewatch.errors import InputError
from wirewatch.ingest import Failure, RawArticle, read_paths
from wirewatch.ingest.feeds import Entry, Feed, entry_article, looks_like_feed, parse_feed
from wirewatch.ingest.fetch import Fetcher, FetchOptions

# a timeout a busy machine's local server always meets
FAST = FetchOptions(allow_private=True, timeout=2.0, delay=0.0, retries=0, obey_robots=False)
LONG = " ".join(PARAGRAPHS["geneva"])

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:x</id>
<updated>2024-11-01T10:00:00Z</updated>
<entry><title>Talks in Geneva</title><id>urn:1</id><link href="https://news.example/geneva"/>
<updated>2024-11-01T09:00:00Z</updated><content type="html">&lt;p&gt;{LONG}&lt;/p&gt;</content>
</entry></feed>""".encode()

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://news.example/"><title>RDF Wire</title></channel>
<item rdf:about="http://news.example/a"><title>A</title><link>http://news.example/a</link>
<dc:date>2024-10-30T08:00:00Z</dc:date></item></rdf:RDF>"""


def test_rss_atom_and_rss1_are_read():
    feed = parse_feed(rss("RSS Wire", [{"title": "A", "link": "http://news.example/a",
                                        "pubDate": "Wed, 30 Oct 2024 08:00:00 GMT"}]), "rss")
    assert feed.title == "RSS Wire"
    assert feed.entries[0].published == "2024-10-30T08:00:00+00:00"
    atom = parse_feed(ATOM, "atom")
    assert atom.title == "Atom Wire" and atom.entries[0].link == "https://news.example/geneva"
    assert atom.entries[0].content.startswith("Negotiators from Armenia")
    rdf = parse_feed(RDF, "rdf")
    assert rdf.title == "RDF Wire" and rdf.entries[0].published.startswith("2024-10-30")


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY,
                                  EXTERNAL_ENTITY.decode().encode("utf-16")],
                         ids=["billion-laughs", "external-entity", "external-entity-utf16"])
def test_entities_are_refused_before_any_parser_expands_them(data):
    with pytest.raises(InputError, match="refuse"):
        parse_feed(data, "feed")


def test_what_is_no_feed_is_refused():
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        parse_feed(b"<html><body><p>hello</p></body></html>", "page")
    assert looks_like_feed(b'<?xml version="1.0"?>\n<rss version="2.0">')
    assert not looks_like_feed(b"<!DOCTYPE html><html>")


def _feed(link: str, content: str | None = None) -> tuple[Entry, Feed]:
    entry = Entry(link, link, "Entry title", "2024-10-29T07:00:00+00:00", content)
    return entry, Feed("Feed Title", (entry,))


def test_the_page_gives_the_text_and_date_and_the_feed_the_publisher(web):
    web.routes["/a"] = Route(body=article_page("Talks in Geneva", PARAGRAPHS["geneva"],
                                               "2024-11-01", publisher=None))
    entry, feed = _feed(web.url("/a"))
    with Fetcher(FAST) as fetcher:
        article = entry_article(entry, feed, fetcher)
    assert isinstance(article, RawArticle)
    assert article.text.startswith("Negotiators from Armenia")
    assert "newsletter" not in article.text and "Copyright" not in article.text
    assert article.meta.published == "2024-11-01" and article.meta.source == "Feed Title"
    assert article.meta.title == "Talks in Geneva"


def test_a_publisher_the_page_names_wins_over_the_feed_title(web):
    web.routes["/a"] = Route(body=article_page("Talks", PARAGRAPHS["geneva"], "2024-11-01",
                                               publisher="Geneva Daily"))
    entry, feed = _feed(web.url("/a"))
    with Fetcher(FAST) as fetcher:
        assert entry_article(entry, feed, fetcher).meta.source == "Geneva Daily"


def test_an_unfetchable_page_falls_back_to_the_entry_content(web):
    web.routes["/a"] = Route(500, b"down")
    entry, feed = _feed(web.url("/a"), LONG)
    with Fetcher(FAST) as fetcher:
        article = entry_article(entry, feed, fetcher)
    assert isinstance(article, RawArticle) and article.text == LONG
    assert article.meta.published == "2024-10-29T07:00:00+00:00"


def test_an_unfetchable_page_with_no_content_is_a_failure_with_its_reason(web):
    web.routes["/a"] = Route(500, b"down")
    entry, feed = _feed(web.url("/a"), "A teaser.")
    with Fetcher(FAST) as fetcher:
        failure = entry_article(entry, feed, fetcher)
    assert isinstance(failure, Failure) and "HTTP 500" in failure.reason


def test_a_feed_file_is_read_from_its_entries_content(tmp_path):
    (tmp_path / "wire.atom").write_bytes(ATOM)
    (tmp_path / "teasers.rss").write_bytes(rss("T", [{"title": "x", "link": "http://a.example/",
                                                       "description": "A teaser."}]))
    items = {type(i).__name__: i for i in read_paths([tmp_path])}
    article, failure = items["RawArticle"], items["Failure"]
    assert article.text.startswith("Negotiators from Armenia")
    assert article.meta.source == "Atom Wire" and article.meta.url == "https://news.example/geneva"
    assert "no article text" in failure.reason and failure.origin == "http://a.example/"
