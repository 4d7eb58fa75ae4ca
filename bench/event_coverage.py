"""How many coded events name their actors, over a corpus of real news.

Prints the events per article, the share with a coded source or target, with both, and the
events whose source and target are the same actor. Usage:

    python bench/event_coverage.py [JSONL] [--keep-unattributed]

JSONL holds one article a line with ``text`` and, optionally, ``published``, ``title``,
``url``; the default is the VOA stories beside the project (../shared/eval/voa/).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from wirewatch.config import Settings
from wirewatch.ingest import ArticleMeta, RawArticle
from wirewatch.model import Document
from wirewatch.pipeline import extract_documents

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "voa" / "voa_stories.jsonl"


def read_articles(path: Path) -> list[RawArticle]:
    """The articles of a JSONL file, one a line, with their metadata."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return [RawArticle(r["text"], f"{path.name}:{i}", ArticleMeta(
        url=r.get("url"), title=r.get("title"),
        published=(r.get("published") or "")[:10] or None)) for i, r in enumerate(rows, 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--keep-unattributed", action="store_true")
    args = parser.parse_args()
    settings = Settings(keep_unattributed=args.keep_unattributed)
    tally: Counter[str] = Counter()
    for _, outcome in extract_documents(read_articles(args.data), settings):
        if not isinstance(outcome, Document):
            tally["failed"] += 1
            continue
        tally["articles"] += 1
        for event in outcome.events:
            tally["events"] += 1
            tally["any actor"] += bool(event.source or event.target)
            tally["both actors"] += bool(event.source and event.target)
            tally["same actor both sides"] += bool(event.source and event.source == event.target)
    events = tally["events"] or 1
    print(f"{tally['articles']} articles ({tally['failed']} failed), {tally['events']} events "
          f"({tally['events'] / max(tally['articles'], 1):.1f} per article)")
    for key in ("any actor", "both actors", "same actor both sides"):
        print(f"  {key:<24} {tally[key]:>5}  {tally[key] / events:.3f}")


if __name__ == "__main__":
    main()
