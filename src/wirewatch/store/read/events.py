"""The events listings: event mentions, real events merged across articles with their
corroboration, and a random sample of mentions for a person to judge."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, func, or_, select

from ..repository import Store
from ..schema import annotation_tables, article_links, articles, event_links, merged_events
from .columns import EVENTS, actor_filter, event_offsets, trigger_text
from .paging import FIRST, LAST, Key, Page, PageRequest, code, fetch_page

MENTION_KEYS = (Key("day", missing=LAST), Key("article_id"), Key("idx", int))
MERGED_KEYS = (Key("day", missing=LAST), Key("id", int))


@dataclass(frozen=True, slots=True)
class EventFilters:
    """Filters of every events listing; codes in any case, days as YYYY-MM-DD."""

    type: str | None = None
    actor: str | None = None
    """A source or target code, or its start (KOR finds KORGOV)."""
    country: str | None = None
    """The source's or target's country (alpha-3)."""
    modality: str | None = None
    since: str | None = None
    """The first day an event's own date covers is on or after this day."""
    until: str | None = None
    place: str | None = None
    """The country of the event's place."""
    publisher: str | None = None


def _where(query: Select, table: Any, filters: EventFilters) -> Select:
    """The filters mentions and merged events share: type, actor, country and days."""
    if code(filters.type):
        query = query.where(table.c.type == code(filters.type))
    if code(filters.actor):
        query = query.where(actor_filter([table.c.source, table.c.target], code(filters.actor)))
    if code(filters.country):
        country = code(filters.country)
        query = query.where(or_(func.substr(table.c.source, 1, 3) == country,
                                func.substr(table.c.target, 1, 3) == country))
    if filters.since:
        query = query.where(table.c.day >= filters.since)
    if filters.until:
        query = query.where(table.c.day <= filters.until)
    return query


def _modality(filters: EventFilters) -> str | None:
    return (filters.modality or "").strip().lower() or None


def _mentions(filters: EventFilters) -> Select:
    """Event mentions with their trigger, the offsets of their sentence and trigger, their
    article's publisher and date and their merged event, filtered."""
    query = (select(EVENTS.c.article_id, EVENTS.c.idx, EVENTS.c.type, EVENTS.c.mode,
                    EVENTS.c.source, EVENTS.c.target, EVENTS.c.modality, EVENTS.c.date,
                    EVENTS.c.day, trigger_text(), *event_offsets(),
                    articles.c.source.label("publisher"), articles.c.published,
                    event_links.c.merged_id)
             .join(articles, articles.c.id == EVENTS.c.article_id)
             .outerjoin(event_links, and_(event_links.c.article_id == EVENTS.c.article_id,
                                          event_links.c.idx == EVENTS.c.idx)))
    query = _where(query, EVENTS, filters)
    if _modality(filters):
        query = query.where(EVENTS.c.modality == _modality(filters))
    if filters.publisher:
        query = query.where(articles.c.source == filters.publisher)
    if code(filters.place):
        places = annotation_tables["places"]
        query = query.join(places, and_(places.c.article_id == EVENTS.c.article_id,
                                        places.c.idx == EVENTS.c.place_idx)).where(
            places.c.country == code(filters.place))
    return query


def list_events(store: Store, filters: EventFilters, request: PageRequest) -> Page:
    """Event mentions, oldest day first (undated last), each with its article, the offsets
    of its sentence and trigger, and its merged event."""
    return fetch_page(store, _mentions(filters), MENTION_KEYS, request)


def latest_events(store: Store, limit: int) -> list[dict[str, Any]]:
    """The events of the most recently published articles, newest first."""
    rows = _mentions(EventFilters()).subquery("mentions")
    query = select(rows).order_by(func.coalesce(rows.c.published, FIRST).desc(),
                                  rows.c.article_id, rows.c.idx).limit(limit)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def list_merged_events(store: Store, filters: EventFilters, request: PageRequest) -> Page:
    """Real events merged across articles, oldest day first, with their corroboration:
    mentions, publishers, independent sources and the modality mix. ``modality`` and
    ``publisher`` keep those with at least one such mention."""
    me = merged_events
    query = _where(select(me.c.id, me.c.story_id, me.c.type, me.c.mode, me.c.source,
                          me.c.target, me.c.date, me.c.day, me.c.place_country,
                          me.c.mentions, me.c.first_published, me.c.last_published),
                   me, filters)
    if code(filters.place):
        query = query.where(me.c.place_country == code(filters.place))
    mentions = (select(event_links.c.merged_id)
                .join(EVENTS, and_(EVENTS.c.article_id == event_links.c.article_id,
                                   EVENTS.c.idx == event_links.c.idx))
                .join(articles, articles.c.id == event_links.c.article_id)
                .where(event_links.c.merged_id == me.c.id))
    if _modality(filters):
        query = query.where(mentions.where(EVENTS.c.modality == _modality(filters)).exists())
    if filters.publisher:
        query = query.where(mentions.where(articles.c.source == filters.publisher).exists())
    page = fetch_page(store, query, MERGED_KEYS, request)
    stats = corroboration(store, [r["id"] for r in page.items])
    return Page([r | stats.get(r["id"], {}) for r in page.items], page.next)


def corroboration(store: Store, ids: list[int]) -> dict[int, dict[str, Any]]:
    """For each merged event: the articles that report it, distinct publishers, independent
    sources (a syndication group counts once), the modality mix, and whether independent
    sources contradict."""
    if not ids:
        return {}
    with store.engine.connect() as conn:
        mentions = conn.execute(
            select(event_links.c.merged_id, event_links.c.article_id, EVENTS.c.modality,
                   articles.c.source, article_links.c.canonical_id)
            .join(EVENTS, (EVENTS.c.article_id == event_links.c.article_id)
                  & (EVENTS.c.idx == event_links.c.idx))
            .join(articles, articles.c.id == event_links.c.article_id)
            .join(article_links, article_links.c.article_id == event_links.c.article_id)
            .where(event_links.c.merged_id.in_(ids))).all()
    by_id: dict[int, list[Any]] = {}
    for m in mentions:
        by_id.setdefault(m.merged_id, []).append(m)
    out = {}
    for merged_id, found in by_id.items():
        mix: dict[str, int] = {}
        for m in found:
            mix[m.modality] = mix.get(m.modality, 0) + 1
        sure = {m.canonical_id for m in found if m.modality in ("asserted", "negated")}
        out[merged_id] = {
            "articles": len({m.article_id for m in found}),
            "publishers": len({m.source for m in found if m.source}),
            "independent": len({m.canonical_id for m in found}),
            "modality": ", ".join(f"{n} {k}" for k, n in sorted(mix.items())),
            "contradicted": "asserted" in mix and "negated" in mix and len(sure) > 1,
        }
    return out


ENTITIES = annotation_tables["entities"]
ACTORS = annotation_tables["actors"]
STATEMENTS = annotation_tables["statements"]


def event_evidence(store: Store, keys: Iterable[tuple[str, int]]
                   ) -> dict[tuple[str, int], dict[str, Any]]:
    """What a person checks an event mention against, for each (article id, index): its
    sentence cut around the trigger (``before``, ``trigger``, ``after``), the speaker of the
    statement it comes from, its date precision, and the names its actors go by in that
    article (``names``: code -> the person the sentence names, else the actor's name), so that
    a table can show "Yoon Suk Yeol · KORGOV" rather than a bare code; and the event itself
    (type, mode, modality, date as written, source, target), so that one mention's evidence
    can be shown on its own (the timeline's click)."""
    wanted = set(keys)
    ids = sorted({article for article, _ in wanted})
    if not ids:
        return {}
    with store.engine.connect() as conn:
        texts = dict(conn.execute(select(articles.c.id, articles.c.text)
                                  .where(articles.c.id.in_(ids))).all())
        events = conn.execute(select(EVENTS.c.article_id, EVENTS.c.idx, EVENTS.c.data)
                              .where(EVENTS.c.article_id.in_(ids))).all()
        people = conn.execute(select(ENTITIES.c.article_id, ENTITIES.c.start, ENTITIES.c.end,
                                     ENTITIES.c.actor)
                              .where(ENTITIES.c.article_id.in_(ids),
                                     ENTITIES.c.label == "PERSON",
                                     ENTITIES.c.actor.is_not(None))
                              .order_by(ENTITIES.c.start)).all()
        names = conn.execute(select(ACTORS.c.article_id, ACTORS.c.code, ACTORS.c.name)
                             .where(ACTORS.c.article_id.in_(ids))).all()
        statements = {(r.article_id, r.idx): r.data for r in conn.execute(
            select(STATEMENTS.c.article_id, STATEMENTS.c.idx, STATEMENTS.c.data)
            .where(STATEMENTS.c.article_id.in_(ids)))}
    actor_name = {(r.article_id, r.code): r.name for r in names if r.name}
    out = {}
    for row in events:
        key = (row.article_id, row.idx)
        if key not in wanted:
            continue
        item, text = row.data, texts[row.article_id]
        (start, end), (first, last) = item["trigger"], item["sentence"]
        first, last = min(first, start), max(last, end)
        named = {}
        for actor in (item["source"], item["target"]):
            if not actor:
                continue
            person = next((text[p.start:p.end] for p in people if p.article_id == key[0]
                           and p.actor == actor and first <= p.start and p.end <= last), None)
            named[actor] = person or actor_name.get((key[0], actor))
        said = statements.get((key[0], item["statement"])) if item["statement"] is not None \
            else None
        speaker = (said or {}).get("speaker") or {}
        out[key] = {"before": text[first:start], "trigger": text[start:end],
                    "after": text[end:last], "names": named,
                    "speaker": speaker.get("name") or speaker.get("text"),
                    "anonymous": bool(speaker.get("anonymous")),
                    "precision": item.get("date_precision"),
                    "type": item["type"], "mode": item.get("mode"),
                    "modality": item["modality"], "date": item.get("date"),
                    "source": item["source"], "target": item["target"]}
    return out


def sample_events(store: Store, filters: EventFilters, size: int, seed: int
                  ) -> list[dict[str, Any]]:
    """``size`` mentions drawn at random from all that pass the filters; the same seed over
    the same events draws the same ones. Each comes with its sentence, the trigger marked
    ``[[like this]]``, for a person to judge."""
    keys = _mentions(filters).subquery("mentions")
    with store.engine.connect() as conn:
        population = [tuple(r) for r in conn.execute(
            select(keys.c.article_id, keys.c.idx).order_by(keys.c.article_id, keys.c.idx))]
        drawn = random.Random(seed).sample(population, min(size, len(population)))
        wanted = {article for article, _ in drawn}
        found = {(r.article_id, r.idx): r for r in conn.execute(
            select(EVENTS.c.article_id, EVENTS.c.idx, EVENTS.c.data, articles.c.text)
            .join(articles, articles.c.id == EVENTS.c.article_id)
            .where(EVENTS.c.article_id.in_(wanted)))}
    rows = []
    for key in drawn:
        row = found[key]
        item, text = row.data, row.text
        (start, end), (first, last) = item["trigger"], item["sentence"]
        first, last = min(first, start), max(last, end)
        marked = f"{text[first:start]}[[{text[start:end]}]]{text[end:last]}"
        rows.append({"article": row.article_id, "event": row.idx, "type": item["type"],
                     "mode": item["mode"], "source": item["source"],
                     "target": item["target"], "modality": item["modality"],
                     "trigger": text[start:end], "sentence": " ".join(marked.split())})
    return rows
