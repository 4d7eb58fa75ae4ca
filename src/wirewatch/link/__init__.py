"""Links across stored articles: syndicated copies, stories, merged events and claims.

``store_outcomes`` is the one write path of a stream of pipeline outcomes (``wirewatch
ingest``, ``wirewatch link``, the API's POST): each document is stored and linked in one
transaction (``store_and_link``), each failure recorded with its reason; ``link_stored``
links an article stored before. Linking
sits above the store: it uses the store's write transaction and tables, and the store never
calls it. Each step looks only at what its indexes return, so the cost per article stays flat
as the store grows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

import numpy as np
from sqlalchemy import Connection, Select, bindparam, insert, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from ..ingest import Failure, Skipped
from ..model import Document
from ..store import Store, schema
from ..store.repository import is_linked, load_document
from ..store.schema import article_links, articles, failures, lsh_bands
from ..store.write import insert_document, record_failure
from . import dedupe, merge, stories

# How a failure to link a stored article starts; linking it later clears the failure.
LINK_FAILED = "linking failed"


@dataclass(frozen=True, slots=True)
class Ingested:
    """What became of one item: ``stored`` (new), ``unchanged`` (stored before), ``failed``
    (its reason recorded in the ledger) or ``skipped`` (not an article)."""

    origin: str
    status: str
    document: Document | None = None
    links: dict[str, Any] | None = None
    """The story and the original an article was linked to; None when it was linked before
    or its linking failed (that failure is recorded too)."""
    reason: str | None = None


def store_outcomes(store: Store, outcomes: Iterable[tuple[str, Document | Failure | Skipped]]
                   ) -> Iterator[Ingested]:
    """Store and link each document of a stream, each in its own transaction, and record
    each failure, so a run stopped at any point is completed by running it again."""
    for origin, outcome in outcomes:
        if isinstance(outcome, Document):
            new, links = store_and_link(store, outcome, origin)
            yield Ingested(origin, "stored" if new else "unchanged", outcome, links)
        elif isinstance(outcome, Failure):
            store.record_failure(outcome.origin, outcome.reason)
            yield Ingested(origin, "failed", reason=outcome.reason)
        else:
            yield Ingested(origin, "skipped", reason=outcome.reason)


def store_and_link(store: Store, document: Document, origin: str | None = None
                   ) -> tuple[bool, dict[str, Any] | None]:
    """Store and link a document in one transaction, so that a run killed at any moment
    leaves each article whole and linked, or absent; ``(new, links)``. An article stored
    before but not linked (its linking failed, or an older version stored it) is linked
    now, as it was stored."""
    with store.writing() as conn:
        if insert_document(conn, document, origin):
            return True, link_or_record(conn, document)
        if is_linked(conn, document.article.id):
            return False, None
        return False, link_or_record(conn, load_document(conn, document.article.id))


def link_stored(store: Store, document: Document) -> dict[str, Any] | None:
    """Link a stored article to the others (copies, story, merged events, claims); None if
    it was linked before. A failure is recorded and leaves the article stored."""
    with store.writing() as conn:
        if is_linked(conn, document.article.id):
            return None
        return link_or_record(conn, document)


def link_or_record(conn: Connection, document: Document) -> dict[str, Any] | None:
    """Link a stored article inside the caller's transaction. Its writes sit in a savepoint:
    a linking error undoes only them and is recorded as the article's failure, so the article
    stays stored and a later ``ingest`` or ``wirewatch link`` links it (and clears that
    failure)."""
    try:
        with conn.begin_nested():
            found = link_document(conn, document)
    except SQLAlchemyError as err:
        if conn.invalidated:
            raise
        record_failure(conn, document.article.id, f"{LINK_FAILED}: {err}".splitlines()[0])
        return None
    conn.execute(_CLEAR_LINK_FAILURE, {"origin": document.article.id})
    return found


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")  # keeps the linking order


@cache
def _band_lookup() -> Select:
    """The stored articles sharing a band with a signature: one statement built once (with
    a bound key per band), since building it anew cost more than running it."""
    clauses = [(lsh_bands.c.band == band) & (lsh_bands.c.key == bindparam(f"key{band}"))
               for band in range(dedupe.banding().bands)]
    return select(lsh_bands.c.article_id).where(or_(*clauses)).distinct()


_SIGNATURES = select(article_links.c.article_id, article_links.c.canonical_id,
                     article_links.c.signature).where(
    article_links.c.article_id.in_(bindparam("ids", expanding=True)))
_PUBLISHED = select(articles.c.id, articles.c.published).where(
    articles.c.id.in_(bindparam("ids", expanding=True)))
_ADD_BANDS = insert(lsh_bands)
_ADD_LINK = insert(article_links)
_CLEAR_LINK_FAILURE = failures.delete().where(failures.c.origin == bindparam("origin"),
                                             failures.c.reason.startswith(LINK_FAILED))
_GROUP_STORY = select(article_links.c.story_id).where(
    article_links.c.canonical_id == bindparam("canonical")).limit(1)


def find_canonical(conn: Connection, document: Document, values: np.ndarray
                   ) -> tuple[str, float | None]:
    """The canonical article of the copy group the document falls in (itself if none)."""
    keys = dedupe.band_keys(values)
    candidates = {r.article_id for r in conn.execute(
        _band_lookup(), {f"key{band}": key for band, key in keys})}
    candidates.discard(document.article.id)
    best, best_score = None, 0.0
    if candidates:
        for row in conn.execute(_SIGNATURES, {"ids": list(candidates)}):
            score = dedupe.similarity(values, dedupe.from_bytes(row.signature))
            if score >= dedupe.THRESHOLD and score > best_score:
                best, best_score = row, score
    conn.execute(_ADD_BANDS, [{"band": b, "key": k, "article_id": document.article.id}
                              for b, k in keys])
    if best is None:
        return document.article.id, None
    canonical = best.canonical_id
    published = {r.id: r.published for r in conn.execute(
        _PUBLISHED, {"ids": [canonical, document.article.id]})}
    mine, theirs = published.get(document.article.id), published.get(canonical)
    if mine and (theirs is None or mine < theirs):
        # the earliest copy is the canonical one: the group moves under the new article
        conn.execute(update(article_links).where(article_links.c.canonical_id == canonical)
                     .values(canonical_id=document.article.id))
        return document.article.id, best_score
    return canonical, best_score


def link_document(conn: Connection, document: Document) -> dict[str, object]:
    """Link one stored article; returns what was found, for progress reports."""
    values = dedupe.signature(document.article.text)
    canonical, similarity = find_canonical(conn, document, values)
    copy_of = canonical if canonical != document.article.id else None
    story_id, score, terms = _story_of(conn, document, canonical, similarity)
    conn.execute(_ADD_LINK, {
        "article_id": document.article.id, "canonical_id": canonical, "similarity": similarity,
        "story_id": story_id, "story_score": score, "signature": dedupe.to_bytes(values),
        "terms": terms, "linked_at": _now()})
    merged_ids = merge.merge_events(conn, document, story_id)
    _add_claims(conn, document, merged_ids)
    return {"copy_of": copy_of, "story": story_id, "events": len(merged_ids)}


def _story_of(conn: Connection, document: Document, canonical: str,
              similarity: float | None) -> tuple[int, float, dict[str, float] | None]:
    """A copy joins its group's story; anything else is placed by content."""
    if similarity is not None:
        group = conn.execute(_GROUP_STORY, {"canonical": canonical}).first()
        if group is not None and group.story_id is not None:
            stories.count_member(conn, group.story_id, document.article.published)
            return group.story_id, similarity, None
    vec = stories.vector(stories.term_frequencies(document))
    return (*stories.assign_story(conn, document, vec), vec)


def _add_claims(conn: Connection, document: Document, merged_ids: list[int]) -> None:
    """Each event's figure becomes a claim on its merged event, with who said it."""
    rows = []
    for idx, (event, merged_id) in enumerate(zip(document.events, merged_ids, strict=True)):
        if event.quantity is None:
            continue
        quantity = document.quantities[event.quantity]
        statement = document.statements[event.statement] if event.statement is not None \
            else None
        speaker = statement.speaker if statement else None
        said_by = (speaker.name or speaker.text) if speaker else None
        rows.append({"merged_id": merged_id, "article_id": document.article.id,
                     "event_idx": idx, "actor": event.source, "type": event.type,
                     "unit": quantity.unit, "value": quantity.value, "bound": quantity.bound,
                     "published": document.article.published,
                     "attributed_to": said_by or document.article.source})
    if rows:
        conn.execute(insert(schema.claims), rows)
