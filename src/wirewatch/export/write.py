"""Writing an export: text formats to a stream, Parquet to a file, each row as it is read, so
that an export of millions of events runs in bounded memory."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from . import Evidence
from .formats import PLAIN_FIELDS, acled, gdelt, plain, plover

FORMATS = ("gdelt", "acled", "plover", "csv", "jsonl", "parquet")
BATCH = 1000
# The Parquet column types of ``formats.plain``'s fields that are not strings.
PARQUET_INTS = frozenset({"idx", "merged_id", "sentence_start", "sentence_end",
                          "trigger_start", "trigger_end"})
PARQUET_FLOATS = frozenset({"confidence", "lat", "lon", "quantity_value"})


def write_text(format: str, events: Iterable[Evidence], out: IO[str], version: str
               ) -> Counter[str]:
    """Write the events in a text format; how many were written and left out."""
    tally: Counter[str] = Counter()
    if format == "gdelt":  # GDELT's own layout: tab-separated, no header
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        for ev in events:
            writer.writerow(_flat(value) for value in gdelt(ev))
            tally["exported"] += 1
    elif format in ("acled", "csv"):
        rows = (acled(ev) if format == "acled" else plain(ev) for ev in events)
        dict_writer: csv.DictWriter[str] | None = None
        for row in rows:
            if row is None:
                tally["left out"] += 1
                continue
            if dict_writer is None:
                dict_writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n")
                dict_writer.writeheader()
            dict_writer.writerow({k: _flat(v) for k, v in row.items()})
            tally["exported"] += 1
    elif format == "plover":  # a JSON array of records, as PLOVER's own files are
        out.write("[")
        for ev in events:
            out.write(("\n" if not tally["exported"] else ",\n")
                      + json.dumps(plover(ev, version), ensure_ascii=False))
            tally["exported"] += 1
        out.write("\n]\n")
    elif format == "jsonl":
        for ev in events:
            out.write(json.dumps(plain(ev), ensure_ascii=False) + "\n")
            tally["exported"] += 1
    else:
        raise ValueError(f"{format} is no text format")
    return tally


def parquet_schema() -> Any:
    """The Parquet columns: ``formats.PLAIN_FIELDS``, numbers where they are numbers."""
    import pyarrow as pa

    return pa.schema([(name, pa.int64() if name in PARQUET_INTS else pa.float64()
                       if name in PARQUET_FLOATS else pa.string()) for name in PLAIN_FIELDS])


def write_parquet(events: Iterable[Evidence], path: Path) -> Counter[str]:
    """Write the events' plain rows as one Parquet file, a batch of rows at a time."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    tally: Counter[str] = Counter()
    schema = parquet_schema()
    batch: list[dict[str, Any]] = []
    with pq.ParquetWriter(path, schema) as writer:
        for ev in events:
            batch.append(plain(ev))
            tally["exported"] += 1
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch.clear()
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return tally


def _flat(value: Any) -> Any:
    """A cell of a delimited file: empty for none, one line."""
    if value is None:
        return ""
    return " ".join(value.split()) if isinstance(value, str) else value
