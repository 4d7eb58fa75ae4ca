"""The Ray engine against local processes on the same cores and the same shards: the batch's
articles per second with each (goal: Ray >= 0.8x local), both starting their workers and
loading a pipeline each inside the timing, as a real run does. Usage:

    python bench/engines.py [JSONL] [--shards N] [--workers N] [--copies N]

JSONL (default: the VOA stories beside the project) is cut into N shards of JSON Lines.
--copies repeats the articles (each copy's text ends in a line of its own, so that it is a
new article), so that the engines' start weighs as it does on a corpus of real size.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from wirewatch.batch import run_batch
from wirewatch.config import Settings

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "voa" / "voa_stories.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    lines = [json.dumps(row | {"id": f"{row.get('id', i)}-{copy}",
                               "text": row["text"] + (f"\n\nCopy {copy}." if copy else "")})
             for copy in range(args.copies) for i, row in enumerate(rows)]
    with tempfile.TemporaryDirectory() as folder:
        shards = Path(folder) / "shards"
        shards.mkdir()
        for i in range(args.shards):
            (shards / f"{i:03d}.jsonl").write_text(
                "".join(line + "\n" for line in lines[i::args.shards]), encoding="utf-8")
        rates = {}
        for engine in ("local", "ray"):
            started = time.perf_counter()
            done = run_batch([shards], Path(folder) / engine, Settings(), engine=engine,
                             workers=args.workers)
            seconds = time.perf_counter() - started
            rates[engine] = sum(d.articles for d in done) / seconds
            print(f"{engine:>5}: {rates[engine]:5.2f} articles/s ({seconds:.0f} s, "
                  f"{args.workers} workers, {args.shards} shards, {len(lines)} articles)",
                  flush=True)
        print(f"ray / local: {rates['ray'] / rates['local']:.2f}")


if __name__ == "__main__":
    main()
