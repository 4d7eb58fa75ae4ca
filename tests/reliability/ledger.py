"""A database's contents by content, table by table, so two runs compare row for row.

Autoincrement ids and timestamps legitimately differ between runs (PostgreSQL's sequences
skip the ids of undone transactions); each such id is replaced by the content that names its
row: a story by its member articles, a merged event by its mentions.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Connection, create_engine, inspect, select, text

from wirewatch.store import database_url
from wirewatch.store.schema import (
    annotation_tables,
    article_links,
    articles,
    claims,
    event_links,
    failures,
    feed_entries,
    feeds,
    lsh_bands,
    merged_events,
    metadata,
    stories,
    story_keys,
)

# Columns left out of the comparison: when a row was written, and its generated id.
VOLATILE = {"articles": {"ingested_at"}, "failures": {"id", "at"},
            "article_links": {"linked_at"}, "stories": {"id"}, "merged_events": {"id"},
            "claims": {"id"}, "feeds": {"checked_at", "next_at"},
            "feed_entries": {"seen_at"}}

Contents = dict[str, list[tuple[Any, ...]]]


def _key(value: Any) -> Any:
    """A sort key for rows holding None, numbers, text, bytes and JSON alike."""
    return repr(value)


def _rows(conn: Connection, table: Any, replace: dict[str, Any] | None = None
          ) -> list[tuple[Any, ...]]:
    """A table's rows without its volatile columns, ids replaced by their content keys,
    sorted (duplicates kept, so a row written twice shows)."""
    replace = replace or {}
    skip = VOLATILE.get(table.name, set())
    names = [c.name for c in table.columns if c.name not in skip]
    out = []
    for row in conn.execute(select(*[table.c[n] for n in names])):
        values = dict(zip(names, row, strict=True))
        for column, mapping in replace.items():
            values[column] = mapping.get(values[column], ("unknown", values[column]))
        out.append(tuple(values[n] if not isinstance(values[n], bytes | memoryview)
                         else bytes(values[n]) for n in names))
    return sorted(out, key=_key)


def ledger_contents(db: str) -> Contents:
    """Every table of the ledger as sorted rows of content; fails on a table it does not
    know, so that a table added later is compared too."""
    engine = create_engine(database_url(db))
    try:
        with engine.connect() as conn:
            known = {t.name for t in metadata.sorted_tables}
            handled = {"articles", "failures", "article_links", "lsh_bands", "stories",
                       "story_keys", "merged_events", "event_links", "claims", "feeds",
                       "feed_entries", *annotation_tables}
            assert known == handled, f"tables not compared: {sorted(known - handled)}"
            members: dict[int, list[str]] = {}
            for row in conn.execute(select(article_links.c.story_id, article_links.c.article_id)):
                members.setdefault(row.story_id, []).append(row.article_id)
            story = {sid: ("story", *sorted(ids)) for sid, ids in members.items()}
            mentions: dict[int, list[tuple[str, int]]] = {}
            for row in conn.execute(select(event_links)):
                mentions.setdefault(row.merged_id, []).append((row.article_id, row.idx))
            merged = {mid: ("merged", *sorted(m)) for mid, m in mentions.items()}
            for row in conn.execute(select(stories.c.id)):
                story.setdefault(row.id, ("story without articles", row.id))
            for row in conn.execute(select(merged_events.c.id)):
                merged.setdefault(row.id, ("merged event without mentions", row.id))
            contents: Contents = {
                "articles": _rows(conn, articles),
                **{name: _rows(conn, table) for name, table in annotation_tables.items()},
                "failures": _rows(conn, failures),
                "article_links": _rows(conn, article_links, {"story_id": story}),
                "lsh_bands": _rows(conn, lsh_bands),
                "stories": sorted(((story[r.id], *r[1:]) for r in conn.execute(
                    select(stories))), key=_key),
                "story_keys": _rows(conn, story_keys, {"story_id": story}),
                "merged_events": sorted(((merged[r.id], story.get(r.story_id), *r[2:])
                                         for r in conn.execute(select(merged_events))),
                                        key=_key),
                "event_links": _rows(conn, event_links, {"merged_id": merged}),
                "claims": _rows(conn, claims, {"merged_id": merged}),
                "feeds": _rows(conn, feeds),
                "feed_entries": _rows(conn, feed_entries),
            }
            if conn.dialect.name == "sqlite" and "articles_fts" in inspect(conn).get_table_names():
                contents["articles_fts"] = sorted(
                    (tuple(r) for r in conn.execute(text("SELECT id, text FROM articles_fts"))),
                    key=_key)
    finally:
        engine.dispose()
    return contents


def differences(expected: Contents, found: Contents) -> dict[str, dict[str, int]]:
    """Per table that differs, how many rows are missing from ``found`` and how many are
    extra (a duplicate counts as extra); empty when the two hold the same rows. SQLite's
    full-text index is compared where both sides have one (PostgreSQL has none)."""
    out = {}
    tables = set(expected) | set(found)
    if not ("articles_fts" in expected and "articles_fts" in found):
        tables.discard("articles_fts")
    for table in sorted(tables):
        want = Counter(map(_key, expected.get(table, [])))
        have = Counter(map(_key, found.get(table, [])))
        missing, extra = sum((want - have).values()), sum((have - want).values())
        if missing or extra:
            out[table] = {"missing": missing, "extra": extra}
    return out


# Tables of one article's own rows, with the position of the article's id in each row.
PER_ARTICLE = {"articles": 0, **dict.fromkeys(annotation_tables, 0), "lsh_bands": 2,
               "articles_fts": 0}


def article_rows(contents: Contents, ids: set[str]) -> Contents:
    """The rows that belong to the articles ``ids`` alone: the article, its annotations,
    its band keys and its full-text row."""
    return {table: [r for r in rows if r[PER_ARTICLE[table]] in ids]
            for table, rows in contents.items() if table in PER_ARTICLE}


def stored_ids(contents: Contents) -> set[str]:
    return {row[0] for row in contents["articles"]}


def row_counts(contents: Contents) -> dict[str, int]:
    return {table: len(rows) for table, rows in contents.items()}


def broken_invariants(db: str) -> list[str]:
    """What in the ledger contradicts itself: a story whose article count is not its
    members', a merged event whose mention count is not its links', an article not linked,
    band keys written twice. Two writers that read a count and write it back without
    excluding each other leave these behind."""
    contents = ledger_contents(db)
    problems = []
    members = Counter(row[3] for row in contents["article_links"])  # the story's key
    for row in contents["stories"]:
        if row[4] != members[row[0]]:
            problems.append(f"story {row[1]!r}: {row[4]} articles counted, "
                            f"{members[row[0]]} linked")
    links = Counter(row[2] for row in contents["event_links"])
    for row in contents["merged_events"]:
        if row[-3] != links[row[0]]:
            problems.append(f"merged event {row[0][:2]}: {row[-3]} mentions counted, "
                            f"{links[row[0]]} linked")
    unlinked = stored_ids(contents) - {row[0] for row in contents["article_links"]}
    problems += [f"article {a[:12]} not linked" for a in sorted(unlinked)]
    doubled = [(k, n) for k, n in Counter(contents["lsh_bands"]).items() if n > 1]
    problems += [f"band key written {n} times: {k}" for k, n in doubled[:5]]
    return problems
