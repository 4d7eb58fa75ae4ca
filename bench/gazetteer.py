"""What the gazetteer costs: its build from the installed data, and its lookups per article.

The build runs once per machine (into the user cache); it is timed here into a fresh folder.
The lookups are timed as ``resolve_all`` over each article's place names (spaCy's GPE, LOC
and FAC entities), against bare spaCy ``nlp.pipe`` on the same articles in the same process,
so the figure that matters is the share of the parse time. Usage:

    python bench/gazetteer.py [JSONL] [--repeat N]

Goals: build <= 60 s; lookups a small, unchanged share of the parse.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import spacy

from wirewatch.config import DEFAULT_MODEL
from wirewatch.extractors.gazetteer import build, open_gazetteer
from wirewatch.extractors.places import resolve_all

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "voa" / "voa_stories.jsonl"
PLACE_LABELS = ("GPE", "LOC", "FAC")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        build(Path(folder) / "gazetteer.sqlite")
        built = time.perf_counter() - start
    texts = [json.loads(line)["text"] for line in args.data.read_text(encoding="utf-8")
             .splitlines() if line.strip()]
    nlp = spacy.load(DEFAULT_MODEL)
    gazetteer = open_gazetteer()
    parse = lookups = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=16))
        parse = min(parse, time.perf_counter() - start)
        names = [[e.text for e in doc.ents if e.label_ in PLACE_LABELS] for doc in docs]
        start = time.perf_counter()
        for article in names:
            resolve_all(article, gazetteer=gazetteer)
        lookups = min(lookups, time.perf_counter() - start)
    count = sum(map(len, names))
    print(f"gazetteer build:          {built:.1f} s (goal <= 60 s)")
    print(f"articles: {len(texts)}, place names: {count}, best of {args.repeat}")
    print(f"bare spaCy nlp.pipe:      {1000 * parse / len(texts):.1f} ms an article")
    print(f"place lookups:            {1000 * lookups / len(texts):.2f} ms an article")
    print(f"share of the parse:       {lookups / parse:.3f}")


if __name__ == "__main__":
    main()
