"""SQLAlchemy Core schema: one table per kind of annotation, named after the JSON contract.

Each annotation row keeps the columns people filter on and the whole item as JSON in
``data``, so a stored document reads back exactly as it was extracted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", String(64), primary_key=True),
    Column("url", Text),
    Column("title", Text),
    Column("source", Text, index=True),
    Column("published", String(32), index=True),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("trailers", JSON, nullable=False),
    Column("origin", Text),
    Column("ingested_at", String(32), nullable=False),
)

failures = Table(  # one row per item and reason; a rerun that fails the same way updates `at`
    "failures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", String(32), nullable=False),
    # sha256 of origin and reason, unique: an index on the texts themselves could outgrow
    # PostgreSQL's index rows. Empty only in rows of an older database not yet keyed.
    Column("key", String(64)),
    Index("ux_failures_key", "key", unique=True),
)


# ---------------------------------------------------------------- linking across articles

article_links = Table(
    "article_links", metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("canonical_id", String(64), nullable=False, index=True),
    Column("similarity", Float),  # estimated Jaccard with the canonical article
    Column("story_id", Integer, index=True),
    Column("story_score", Float),
    Column("signature", LargeBinary, nullable=False),  # MinHash values, for re-checking
    Column("terms", JSON(none_as_null=True)),  # its TF-IDF vector, for later articles
    Column("linked_at", String(32), nullable=False),
)

lsh_bands = Table(
    "lsh_bands", metadata,
    Column("band", Integer, nullable=False),
    Column("key", String(32), nullable=False),
    Column("article_id", String(64), nullable=False),
    Index("ix_lsh_bands_band_key", "band", "key"),
)

stories = Table(
    "stories", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("title", Text),
    Column("first_published", String(32), index=True),
    Column("last_published", String(32), index=True),
    Column("articles", Integer, nullable=False),
    Column("actors", JSON, nullable=False),
)

story_keys = Table(  # one row per key of each article placed in a story, dated by the article
    "story_keys", metadata,
    Column("key", String(96), nullable=False),
    Column("day", String(10)),
    Column("story_id", Integer, nullable=False),
    Index("ix_story_keys_key_day", "key", "day"),
)

merged_events = Table(
    "merged_events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("story_id", Integer, index=True),
    Column("type", String(16), nullable=False, index=True),
    Column("mode", String(32)),
    Column("source", String(16), index=True),
    Column("target", String(16), index=True),
    Column("date", String(32)),
    Column("day", String(10), index=True),
    Column("place_country", String(3)),
    Column("trigger", Text),  # the first mention's trigger, lower-cased
    Column("mentions", Integer, nullable=False),
    Column("first_published", String(32)),
    Column("last_published", String(32)),
    Index("ix_merged_events_story_type", "story_id", "type"),
)

event_links = Table(
    "event_links", metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("merged_id", Integer, nullable=False, index=True),
)

claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("merged_id", Integer, nullable=False, index=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("event_idx", Integer, nullable=False),
    Column("actor", String(16), index=True),
    Column("type", String(16)),
    Column("unit", String(64), index=True),
    Column("value", Float, nullable=False),
    Column("bound", String(8), nullable=False),
    Column("published", String(32), index=True),
    Column("attributed_to", Text),
)


def _annotation_table(name: str, *columns: Column) -> Table:
    return Table(
        name, metadata,
        Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"),
               primary_key=True),
        Column("idx", Integer, primary_key=True),
        *columns,
        Column("data", JSON, nullable=False),
    )


def _span_columns() -> list[Column]:
    return [Column("start", Integer), Column("end", Integer), Column("text", Text)]


annotation_tables: dict[str, Table] = {
    "entities": _annotation_table(
        "entities", *_span_columns(), Column("label", String(32), index=True),
        Column("actor", String(16), index=True)),
    "actors": _annotation_table(
        "actors", Column("code", String(16), index=True), Column("name", Text),
        Column("country", String(3), index=True), Column("role", String(8)),
        Column("mention_count", Integer)),
    "times": _annotation_table(
        "times", *_span_columns(), Column("value", String(64), index=True),
        Column("kind", String(16))),
    "places": _annotation_table(
        "places", *_span_columns(), Column("name", Text), Column("country", String(3)),
        Column("lat", Float), Column("lon", Float)),
    "quantities": _annotation_table(
        "quantities", *_span_columns(), Column("value", Float), Column("bound", String(8)),
        Column("unit", String(64)), Column("kind", String(16))),
    "statements": _annotation_table(
        "statements", Column("start", Integer), Column("end", Integer),
        Column("cue", Text), Column("direct", Boolean),
        Column("speaker_actor", String(16), index=True),
        Column("anonymous", Boolean, index=True)),
    "events": _annotation_table(
        "events", Column("type", String(16), index=True), Column("mode", String(32)),
        Column("source", String(16), index=True), Column("target", String(16), index=True),
        Column("modality", String(16), index=True), Column("date", String(32), index=True),
        Column("day", String(10), index=True), Column("trigger_start", Integer),
        Column("trigger_end", Integer), Column("sentence_start", Integer),
        Column("sentence_end", Integer), Column("place_idx", Integer),
        Column("quantity_idx", Integer)),
}

# Columns computed from an item's JSON rather than copied from a field of the same name.
derived_columns: dict[str, dict[str, Callable[[dict[str, Any]], Any]]] = {
    "actors": {"mention_count": lambda item: len(item["mentions"])},
    "statements": {"speaker_actor": lambda item: (item["speaker"] or {}).get("actor"),
                   "anonymous": lambda item: (item["speaker"] or {}).get("anonymous")},
    "events": {"day": lambda item: first_day(item["date"]),
               "trigger_start": lambda item: item["trigger"][0],
               "trigger_end": lambda item: item["trigger"][1],
               "sentence_start": lambda item: item["sentence"][0],
               "sentence_end": lambda item: item["sentence"][1],
               "place_idx": lambda item: item["place"],
               "quantity_idx": lambda item: item["quantity"]},
}


def first_day(value: str | None) -> str | None:
    """The first calendar day an ISO date, week, month or year covers, so that events of
    every precision sort and filter by day ("2024-W44" -> "2024-10-28")."""
    if not value or not value[:4].isdigit():
        return None
    try:
        if "-W" in value:
            year, week = value[:4], value[6:8]
            return date.fromisocalendar(int(year), int(week), 1).isoformat()
        if len(value) >= 10:
            return date.fromisoformat(value[:10]).isoformat()
        if len(value) == 7:
            return date.fromisoformat(value + "-01").isoformat()
        if len(value) == 4:
            return f"{value}-01-01"
    except ValueError:
        return None
    return None
