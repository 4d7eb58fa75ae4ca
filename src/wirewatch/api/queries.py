"""Paged reads of the ledger for the API and the pages: keyset cursors over stable keys.

A cursor names the last row a page ended on, so a page's rows never shift when articles are
added while a client pages through (an offset would).
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, Select, and_, func, select, text, tuple_

from ..errors import InputError
from ..store import Store
from ..store.conflicts import flag_conflicts
from ..store.schema import (
    annotation_tables,
    articles,
    claims,
    event_links,
    merged_events,
    stories,
)
from ..store.selects import (
    EVENTS,
    actor_filter,
    column_filters,
    event_filters,
    event_offsets,
    original_claims,
    span_text,
    statement_offsets,
    trigger_text,
    whole,
    with_claim_evidence,
)


@dataclass(frozen=True, slots=True)
class Page:
    items: list[dict[str, Any]]
    next: str | None


def encode(values: Sequence[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode().rstrip("=")


MAX_CURSOR_CHARS = 400
"""Far longer than any cursor this server gives out (two keys, one a 64-character id)."""
MAX_KEY_CHARS = 100
INT64 = 2**63


def decode(cursor: str, keys: Sequence[Any]) -> list[Any]:
    """The key values a cursor holds, each checked against its column's type, so that a
    forged cursor is a clear error and never reaches the database as a bad comparison."""
    forged = InputError("cursor: not one this server gave out")
    if len(cursor) > MAX_CURSOR_CHARS:
        raise forged
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, RecursionError):  # bad base64, bad UTF-8 or bad JSON
        raise forged from None
    if not isinstance(values, list) or len(values) != len(keys):
        raise forged
    for value, key in zip(values, keys, strict=True):
        if value is None and key.nullable:
            continue
        if isinstance(key.type, Integer):
            if type(value) is not int or not -INT64 <= value < INT64:
                raise forged
        elif (not isinstance(value, str) or len(value) > MAX_KEY_CHARS
              or "\x00" in value):
            raise forged
    return values


def _page(store: Store, query: Select, keys: Sequence[Any], cursor: str | None, limit: int,
          descending: bool = False) -> Page:
    """Rows of ``query`` ordered by ``keys`` (unique together), after the cursor."""
    if cursor:
        after = decode(cursor, keys)
        key = tuple_(*keys)
        query = query.where(key < tuple_(*after) if descending else key > tuple_(*after))
    order = [k.desc() if descending else k for k in keys]
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query.order_by(*order).limit(limit + 1))]
    more = len(rows) > limit
    rows = rows[:limit]
    names = [k.key for k in keys]
    token = encode([rows[-1][n] for n in names]) if more and rows else None
    return Page(rows, token)


def article_page(store: Store, q: str | None, source: str | None, cursor: str | None,
                 limit: int) -> Page:
    query = select(articles.c.id, articles.c.published, articles.c.source, articles.c.title,
                   articles.c.url, articles.c.ingested_at,
                   func.substr(articles.c.text, 1, 240).label("snippet"))
    if q and q.strip():
        query = query.where(_matches(store, q))
    if source:
        query = query.where(articles.c.source == source)
    return _page(store, query, [articles.c.ingested_at, articles.c.id], cursor, limit,
                 descending=True)


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


def _mentions() -> Select:
    """Event mentions with their trigger text, the offsets of their sentence and trigger,
    publisher, date and merged event."""
    return (select(EVENTS.c.article_id, EVENTS.c.idx, EVENTS.c.type, EVENTS.c.mode,
                   EVENTS.c.source, EVENTS.c.target, EVENTS.c.modality, EVENTS.c.date,
                   EVENTS.c.day, trigger_text(), *event_offsets(),
                   articles.c.source.label("publisher"),
                   articles.c.published, event_links.c.merged_id)
            .join(articles, articles.c.id == EVENTS.c.article_id)
            .outerjoin(event_links, and_(event_links.c.article_id == EVENTS.c.article_id,
                                         event_links.c.idx == EVENTS.c.idx)))


def latest_events(store: Store, limit: int) -> list[dict[str, Any]]:
    """The events of the most recently published articles, newest first."""
    query = _mentions().order_by(articles.c.published.desc().nulls_last(),
                                 EVENTS.c.article_id, EVENTS.c.idx).limit(limit)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def event_page(store: Store, filters: dict[str, Any], cursor: str | None, limit: int) -> Page:
    """Event mentions, each with its article's publisher and date and its merged event."""
    query = event_filters(_mentions(), EVENTS, filters)
    if filters.get("modality"):
        query = query.where(EVENTS.c.modality == filters["modality"])
    if filters.get("publisher"):
        query = query.where(articles.c.source == filters["publisher"])
    if filters.get("place"):
        places = annotation_tables["places"]
        query = query.join(places, and_(places.c.article_id == EVENTS.c.article_id,
                                        places.c.idx == EVENTS.c.place_idx)).where(
            places.c.country == filters["place"].upper())
    return _page(store, query, [EVENTS.c.article_id, EVENTS.c.idx], cursor, limit)


def merged_page(store: Store, filters: dict[str, Any], cursor: str | None, limit: int) -> Page:
    """Merged events with their corroboration; ``modality`` and ``publisher`` keep those with
    at least one such mention."""
    me = merged_events
    query = select(me.c.id, me.c.story_id, me.c.type, me.c.mode, me.c.source, me.c.target,
                   me.c.date, me.c.day, me.c.place_country, me.c.mentions,
                   me.c.first_published, me.c.last_published)
    query = event_filters(query, me, filters)
    if filters.get("place"):
        query = query.where(me.c.place_country == filters["place"].upper())
    mentions = (select(event_links.c.merged_id)
                .join(EVENTS, and_(EVENTS.c.article_id == event_links.c.article_id,
                                   EVENTS.c.idx == event_links.c.idx))
                .join(articles, articles.c.id == event_links.c.article_id)
                .where(event_links.c.merged_id == me.c.id))
    if filters.get("modality"):
        query = query.where(mentions.where(EVENTS.c.modality == filters["modality"]).exists())
    if filters.get("publisher"):
        query = query.where(mentions.where(articles.c.source == filters["publisher"]).exists())
    page = _page(store, query, [me.c.id], cursor, limit)
    stats = store.corroboration([r["id"] for r in page.items])
    return Page([r | stats.get(r["id"], {}) for r in page.items], page.next)


def annotation_page(store: Store, name: str, filters: dict[str, Any], cursor: str | None,
                    limit: int) -> Page:
    """Places or statements across articles, each as its whole JSON item with the text it
    spans (``content``); a statement's cue and speaker offsets also come as flat fields,
    as the command line lists them."""
    table = annotation_tables[name]
    query = (select(table.c.article_id, table.c.idx, table.c.data, span_text(table))
             .join(articles, articles.c.id == table.c.article_id))
    page = _page(store, column_filters(query, table, filters),
                 [table.c.article_id, table.c.idx], cursor, limit)
    flat = statement_offsets if name == "statements" else lambda _: {}
    return Page([{"article_id": r["article_id"], "idx": r["idx"], "content": r["content"],
                  **r["data"], **flat(r["data"])} for r in page.items], page.next)


def actor_page(store: Store, country: str | None, cursor: str | None, limit: int) -> Page:
    table = annotation_tables["actors"]
    query = (select(table.c.code, func.max(table.c.name).label("name"),
                    func.max(table.c.country).label("country"),
                    func.max(table.c.role).label("role"),
                    func.count(func.distinct(table.c.article_id)).label("articles"),
                    func.sum(table.c.mention_count).label("mentions"))
             .group_by(table.c.code))
    if country:
        query = query.where(table.c.country == country.upper())
    return _page(store, query, [table.c.code], cursor, limit)


def story_page(store: Store, cursor: str | None, limit: int) -> Page:
    query = select(stories.c.id, stories.c.title, stories.c.first_published,
                   stories.c.last_published, stories.c.articles, stories.c.actors)
    return _page(store, query, [stories.c.id], cursor, limit, descending=True)


def claim_page(store: Store, actor: str | None, unit: str | None, cursor: str | None,
               limit: int) -> Page:
    query = with_claim_evidence(original_claims(
        select(claims.c.id, claims.c.merged_id.label("event"), claims.c.article_id,
               claims.c.actor, claims.c.type, claims.c.unit, claims.c.value, claims.c.bound,
               claims.c.published, claims.c.attributed_to)))
    if actor:
        query = query.where(actor_filter([claims.c.actor], actor))
    if unit:
        query = query.where(claims.c.unit == unit)
    page = _page(store, query, [claims.c.id], cursor, limit)
    return Page(flag_conflicts([r | {"value": whole(r["value"])} for r in page.items]),
                page.next)
