"""The articles listing: newest publication first, with how much was found in each."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, select, text

from ...errors import InputError
from ..repository import Store
from ..schema import annotation_tables, articles
from .paging import FIRST, Key, Page, PageRequest, fetch_page

KEYS = (Key("published", descending=True, missing=FIRST), Key("id"))
COUNTED = ("entities", "actors", "events")
SNIPPET_CHARS = 240


@dataclass(frozen=True, slots=True)
class ArticleFilters:
    q: str | None = None
    """Words the text must all contain."""
    source: str | None = None
    """The publisher, as stored."""


def list_articles(store: Store, filters: ArticleFilters, request: PageRequest) -> Page:
    """Stored articles, newest publication first (undated last), each with its opening
    words and the number of its entities, actors and events."""
    counts = [select(func.count()).where(annotation_tables[name].c.article_id == articles.c.id)
              .scalar_subquery().label(name) for name in COUNTED]
    query = select(articles.c.id, articles.c.published, articles.c.source, articles.c.title,
                   articles.c.url, articles.c.ingested_at, *counts,
                   func.substr(articles.c.text, 1, SNIPPET_CHARS).label("snippet"))
    if filters.q and filters.q.strip():
        query = query.where(_matches(store, filters.q))
    if filters.source:
        query = query.where(articles.c.source == filters.source)
    return fetch_page(store, query, KEYS, request)


def _matches(store: Store, q: str) -> Any:
    """Articles holding every word of ``q``: SQLite's FTS5 index, PostgreSQL's text search.
    Only words are searched for, so ``%`` or ``_`` is never a wildcard; a ``q`` without any
    word is an error rather than a search that matches everything."""
    words = re.findall(r"\w+", q)
    if not words:
        raise InputError(f"q: {q[:40]!r} has no word to search for")
    if store.engine.dialect.name == "sqlite":
        phrase = " ".join(f'"{w}"' for w in words)
        hits = text("SELECT id FROM articles_fts WHERE articles_fts MATCH :q").bindparams(q=phrase)
        return articles.c.id.in_(hits.columns(articles.c.id))
    if store.engine.dialect.name == "postgresql":
        return func.to_tsvector("simple", articles.c.text).op("@@")(
            func.plainto_tsquery("simple", " ".join(words)))
    return and_(*(func.lower(articles.c.text).contains(w.lower(), autoescape=True)
                  for w in words))
