"""The Parquet layout of a batch: one folder per table of the contract, partitioned by the
day an article was published (``events/published=2024-10-30/part-<shard>.parquet``), each
column typed from the model's dataclasses, so that DuckDB, pandas or Spark read it as it is
and ``wirewatch load`` rebuilds every document exactly."""

from __future__ import annotations

import json
import os
import types
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

import pyarrow as pa
import pyarrow.parquet as pq

from ..kinds import CONTRACT
from ..model import Article, Document, from_plain, to_plain

ARTICLES = "articles"
FAILURES = "failures"
PARTITION = "published"
UNDATED = "undated"
PUBLISHED_COLUMN = "published_at"
"""An article's own ``published`` value (a date or a time), beside the day it is filed
under: the partition key keeps the name ``published``."""
KEYS = [("article_id", pa.string()), ("idx", pa.int64())]


def arrow_type(tp: Any) -> pa.DataType:
    """The Arrow type of a model field's type hint."""
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        return arrow_type(next(a for a in get_args(tp) if a is not type(None)))
    if isinstance(tp, type) and is_dataclass(tp):
        hints = get_type_hints(tp)
        return pa.struct([(f.name, arrow_type(hints[f.name])) for f in fields(tp)])
    if origin is tuple:
        return pa.list_(arrow_type(get_args(tp)[0]))  # (int, int) spans and (T, ...) lists
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}[tp]


@cache
def schemas() -> dict[str, pa.Schema]:
    """Every table's schema: articles, one per kind of the contract, and failures."""
    hints = get_type_hints(Article)
    article = [(PUBLISHED_COLUMN if f.name == "published" else f.name, arrow_type(hints[f.name]))
               for f in fields(Article)]
    out = {ARTICLES: pa.schema(article)}
    for kind in CONTRACT:
        kind_hints = get_type_hints(kind.model)
        out[kind.key] = pa.schema(KEYS + [(f.name, arrow_type(kind_hints[f.name]))
                                          for f in fields(kind.model)])
    out[FAILURES] = pa.schema([("origin", pa.string()), ("reason", pa.string())])
    return out


def day_of(article: Article) -> str:
    return article.published[:10] if article.published else UNDATED


def table_rows(documents: Iterable[Document]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The rows of each table, by table and partition (the article's day)."""
    rows: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for document in documents:
        article = to_plain(document.article)
        day = day_of(document.article)
        article[PUBLISHED_COLUMN] = article.pop("published")
        rows[(ARTICLES, day)].append(article)
        for kind in CONTRACT:
            for idx, item in enumerate(document.annotations(kind.key)):
                rows[(kind.key, day)].append(
                    {"article_id": document.article.id, "idx": idx, **to_plain(item)})
    return rows


def write_part(path: Path, table: str, rows: list[dict[str, Any]]) -> None:
    """One part file, written under a temporary name and renamed, so a part is whole or
    absent."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    pq.write_table(pa.Table.from_pylist(rows, schema=schemas()[table]), temporary)
    os.replace(temporary, path)


def part_path(out: Path, table: str, day: str | None, shard: str) -> Path:
    folder = out / table if day is None else out / table / f"{PARTITION}={day}"
    return folder / f"part-{shard}.parquet"


def write_schema_file(out: Path) -> None:
    """``_schema.json``: each table's columns and their Arrow types, and how it is laid
    out, for readers that want to check before they read."""
    described = {name: {"columns": {f.name: str(f.type) for f in schema},
                        "partitioned_by": None if name == FAILURES else PARTITION}
                 for name, schema in schemas().items()}
    (out / "_schema.json").write_text(json.dumps(described, indent=2) + "\n", encoding="utf-8")


def read_documents(out: Path, shard: str) -> list[Document]:
    """The documents one shard wrote, rebuilt from its part files, oldest first."""
    found: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    articles: dict[str, dict[str, Any]] = {}
    for table in [ARTICLES, *(kind.key for kind in CONTRACT)]:
        for path in sorted((out / table).glob(f"{PARTITION}=*/part-{shard}.parquet")):
            for row in pq.read_table(path).to_pylist():
                if table == ARTICLES:
                    row["published"] = row.pop(PUBLISHED_COLUMN)
                    articles[row["id"]] = row
                else:
                    found[row["article_id"]][table].append(row)
    documents = []
    for article_id, article in articles.items():
        data: dict[str, Any] = {"article": article}
        for kind in CONTRACT:
            data[kind.key] = sorted(found[article_id][kind.key], key=lambda r: r["idx"])
        documents.append(from_plain(Document, data))
    return sorted(documents, key=lambda d: (d.article.published or "", d.article.id))
