"""RSS 0.9x/1.0/2.0 and Atom feeds (feedparser): each entry becomes an article, from its page
when the page can be fetched, else from the entry's own content.

A feed is XML from someone else's server, so before any parser sees it a feed that declares
entities is refused: a "billion laughs" feed expands a few hundred bytes into gigabytes, and
an external entity (``<!ENTITY x SYSTEM "file:///etc/passwd">``) would read a local file
into the ledger. The check is a plain search for ``<!ENTITY`` (which no real news feed
needs) and defusedxml's parser over what is well-formed (which also sees entities in
UTF-16). feedparser is only ever handed bytes, never a URL, so it never fetches anything
itself: every fetch goes through ``ingest.fetch``.

Metadata, strongest first: the page's own (its date found by htmldate, its publisher's
name), then the entry's (its date, its title), then the feed's title as the publisher.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..errors import InputError
from ..urls import http_url
from .base import ArticleMeta, Failure, IngestItem, RawArticle, read_bytes
from .fetch import ACCEPT_FEED, FEED_TYPES, Fetcher, Page
from .html import article_from_html

FEED_SUFFIXES = (".rss", ".atom")
# An entry's own text stands in for its page only when it is an article, not a teaser.
MIN_CONTENT_CHARS = 200
_ENTITY = re.compile(rb"<!ENTITY", re.I)
_BLOCKS = ("p", "br", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr")


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a feed, as the feed tells it."""

    key: str
    """Its link, else its id: what a watcher remembers as seen."""
    link: str | None
    title: str | None
    published: str | None
    content: str | None


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    entries: tuple[Entry, ...]


def refuse_entities(data: bytes, origin: str) -> None:
    """Raise ``InputError`` for a feed that declares XML entities (expansion bombs, external
    entities) or a DTD that references outside files."""
    from xml.etree.ElementTree import ParseError

    import defusedxml
    from defusedxml.ElementTree import fromstring

    if _ENTITY.search(data):
        raise InputError(f"{origin}: the feed declares XML entities, which wirewatch refuses "
                         "(entity expansion and external entities)")
    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException as err:
        raise InputError(f"{origin}: the feed is refused ({type(err).__name__})") from None
    except (ParseError, ValueError):
        pass  # not well-formed: feedparser's lenient parser, which expands no declarations


def parse_feed(data: bytes, origin: str, base_url: str | None = None) -> Feed:
    """The feed in ``data``; ``InputError`` when it is refused or no feed at all."""
    import feedparser

    refuse_entities(data, origin)
    try:
        parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    except Exception as err:  # one bad feed is one failure, not a crash
        raise InputError(f"{origin}: the feed cannot be parsed ({type(err).__name__})") from None
    if not parsed.get("version") and not parsed.entries:
        raise InputError(f"{origin}: not an RSS or Atom feed")
    title = _clean(parsed.feed.get("title"))
    entries = tuple(e for e in (_entry(raw, base_url) for raw in parsed.entries) if e)
    return Feed(title, entries)


def _entry(raw: Any, base_url: str | None) -> Entry | None:
    link = raw.get("link")
    if link and base_url:
        link = urljoin(base_url, link)
    link = http_url(link)
    key = link or raw.get("id")
    if not key:
        return None
    stamp = raw.get("published_parsed") or raw.get("updated_parsed")
    published = None
    if stamp:
        try:
            published = datetime(*stamp[:6], tzinfo=UTC).isoformat()
        except (TypeError, ValueError):
            published = None
    contents = [c.get("value", "") for c in raw.get("content") or []]
    content = max((fragment_text(c) for c in contents), key=len, default="")
    summary = fragment_text(raw.get("summary") or "")
    return Entry(str(key), link, _clean(raw.get("title")), published,
                 content if len(content) >= len(summary) else summary or None)


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None


def fragment_text(html: str) -> str:
    """The text of an HTML fragment (an entry's content), one line per block."""
    if not html or not html.strip():
        return ""
    if "<" not in html:
        return html.strip()
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def entry_article(entry: Entry, feed: Feed, fetcher: Fetcher | None) -> IngestItem:
    """The entry's article: its page fetched and extracted where there is a fetcher, else
    (or when the page fails) the entry's own content when it is long enough."""
    origin = entry.link or entry.key
    defaults = ArticleMeta(url=entry.link, title=entry.title, source=feed.title,
                           published=entry.published)
    why = None
    if fetcher is not None and entry.link:
        try:
            page = fetcher.get(entry.link)
            article = article_from_html(page.text, origin, url=page.url)
            if _only_host(article.meta.source, page.url):  # trafilatura's stand-in name
                article = replace(article, meta=replace(article.meta, source=None))
            return article.with_defaults(defaults)
        except InputError as err:
            why = str(err)
    if entry.content and len(entry.content) >= MIN_CONTENT_CHARS:
        return RawArticle(text=entry.content, origin=origin, meta=defaults)
    if why:
        return Failure(origin, why)
    if fetcher is None and entry.link:
        return Failure(origin, "the feed entry holds no article text, and its page is "
                               "fetched only when the feed is read from a URL")
    return Failure(origin, "the feed entry has no link and no article text")


def _only_host(name: str | None, url: str) -> bool:
    """Whether a publisher's name is only the address's host (the page named none)."""
    if not name:
        return False
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return name.strip().lower() in {parts.netloc.lower(), host, host.removeprefix("www.")}


def feed_items(feed: Feed, fetcher: Fetcher | None,
               seen: Callable[[str], bool] = lambda key: False) -> Iterator[IngestItem]:
    """Each entry not ``seen`` before as an article or a failure, in feed order."""
    for entry in feed.entries:
        if not seen(entry.key):
            yield entry_article(entry, feed, fetcher)


def fetch_feed(fetcher: Fetcher, url: str, etag: str | None = None,
               last_modified: str | None = None) -> tuple[Page, Feed | None]:
    """The feed at ``url``, asked for conditionally; ``None`` when it has not changed."""
    page = fetcher.get(url, accept=ACCEPT_FEED, etag=etag, last_modified=last_modified,
                       types=FEED_TYPES)
    if page.not_modified:
        return page, None
    return page, parse_feed(page.content, url, base_url=page.url)


def looks_like_feed(data: bytes) -> bool:
    """Whether a fetched answer is a feed rather than a page (by its root element)."""
    head = data[:2048].lstrip().lower()
    head = re.sub(rb"^(<\?xml[^>]*>\s*|<!--.*?-->\s*)+", b"", head, flags=re.S)
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf", b"<!doctype rss"))


def read_feed_file(path: Path, defaults: ArticleMeta | None = None) -> Iterator[IngestItem]:
    """A feed saved as a file: each entry from its own content (nothing is fetched)."""
    feed = parse_feed(read_bytes(path), str(path))
    if not feed.entries:
        raise InputError(f"{path}: the feed has no entries")
    for item in feed_items(feed, None):
        yield item.with_defaults(defaults) if isinstance(item, RawArticle) and defaults \
            else item

