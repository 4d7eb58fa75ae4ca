"""SQLAlchemy Core schema: one table per kind of annotation, named after the JSON contract.

Each annotation row keeps the columns people filter on and the whole item as JSON in
``data``, so a stored document reads back exactly as it was extracted.
"""

from __future__ import annotations

from collections.abc import Callable
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

from ..kinds import KINDS, Kind

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


# ---------------------------------------------------------------- watched feeds
# What `wirewatch watch` needs to restart without fetching anything twice. Rows are keyed by
# the sha256 of their URL, as failures are: an index on the URL itself could outgrow
# PostgreSQL's index rows.

feeds = Table(  # one row per feed URL: its validators and how its last polls went
    "feeds", metadata,
    Column("key", String(64), primary_key=True),
    Column("url", Text, nullable=False),
    Column("name", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("checked_at", String(32)),
    Column("failures", Integer, nullable=False, default=0),
    Column("next_at", String(32)),
    Column("last_error", Text),
)

feed_entries = Table(  # one row per entry whose outcome is recorded: stored, unchanged, failed
    "feed_entries", metadata,
    Column("key", String(64), primary_key=True),
    Column("entry", Text, nullable=False),
    Column("feed", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("seen_at", String(32), nullable=False),
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


SQL_TYPES: dict[str, Any] = {"int": Integer, "float": Float, "bool": Boolean, "text": Text}


def _sql_type(name: str) -> Any:
    """A registry column type as SQL: ``str<N>`` is a string of at most N characters."""
    return String(int(name[3:])) if name.startswith("str") else SQL_TYPES[name]()


def annotation_table(kind: Kind) -> Table:
    """A kind's table: its article and index, the columns the kind declares, and the whole
    item as JSON (``data``); made once, then found in the metadata."""
    if kind.key in metadata.tables:
        return metadata.tables[kind.key]
    return Table(
        kind.key, metadata,
        Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"),
               primary_key=True),
        Column("idx", Integer, primary_key=True),
        *(Column(c.name, _sql_type(c.type), index=c.indexed) for c in kind.columns),
        Column("data", JSON, nullable=False),
        *(Index(f"ix_{kind.key}_{'_'.join(names)}", *names) for names in kind.indexes),
    )


def kind_tables() -> dict[str, Table]:
    """The table of every registered kind, by its key (a kind registered after this module
    was loaded gets its table when first asked)."""
    return {key: annotation_table(kind) for key, kind in KINDS.items()}


annotation_tables: dict[str, Table] = kind_tables()
"""The tables of the contract's kinds."""


def derived(kind: Kind) -> dict[str, Callable[[dict[str, Any]], Any]]:
    """A kind's columns computed from its item's JSON rather than copied from a field."""
    return {c.name: c.derive for c in kind.columns if c.derive is not None}
