"""Single-process throughput of the whole extraction against bare spaCy ``nlp.pipe``.

Both run in this process on the same articles with the same model and batch size; the
figure that matters is the ratio (goal: >= 0.85). wirewatch's own pipeline, without its
extractors, is timed too: it runs the model's rule components a Doc at a time
(``wirewatch.doc_rules``), so its parse is faster than bare spaCy's, and the extractors'
share of the whole says what they cost apart from that. Usage:

    python bench/throughput.py [JSONL] [--repeat N]

JSONL holds one article a line with a ``text`` field; the default is the MEANTIME plain-text
export beside the project (../shared/eval/meantime_en/derived/meantime_en_plaintext.jsonl).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from wirewatch.config import DEFAULT_MODEL, Settings
from wirewatch.errors import SettingError
from wirewatch.ingest import ArticleMeta, RawArticle, parse_published
from wirewatch.model import Document
from wirewatch.nlp import COMPONENT, load_pipeline
from wirewatch.pipeline import extract_documents

DEFAULT_DATA = (Path(__file__).resolve().parents[2] / "shared" / "eval" / "meantime_en"
                / "derived" / "meantime_en_plaintext.jsonl")


def load_articles(path: Path) -> list[RawArticle]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [RawArticle(r["text"], f"{path.name}:{i}", ArticleMeta(published=_date(r)))
            for i, r in enumerate(rows, 1)]


def _date(row: dict) -> str | None:
    try:
        return parse_published(row.get("dct"))
    except SettingError:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()
    articles = load_articles(args.data)
    settings = Settings(model=args.model)
    bare = spacy.load(args.model)
    texts = [a.text for a in articles]
    list(extract_documents(articles[:2], settings))  # build the pipeline outside the timing
    list(bare.pipe(texts[:2]))

    own = load_pipeline(args.model)
    bare_times, parse_times, full_times = [], [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=settings.batch_size):
            pass
        bare_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for _doc in own.pipe(texts, batch_size=settings.batch_size, disable=[COMPONENT]):
            pass
        parse_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        done = sum(isinstance(o, Document) for _, o in extract_documents(articles, settings))
        full_times.append(time.perf_counter() - start)
        assert done == len(articles), f"only {done} of {len(articles)} articles extracted"
    n = len(articles)
    bare_rate, parse_rate, full_rate = (n / min(t) for t in (bare_times, parse_times,
                                                             full_times))
    print(f"articles: {n} ({sum(map(len, texts)):,} characters), model {args.model}, "
          f"batch size {settings.batch_size}, best of {args.repeat}")
    print(f"bare spaCy nlp.pipe:   {bare_rate:6.1f} docs/s")
    print(f"wirewatch parse alone: {parse_rate:6.1f} docs/s (extractors off)")
    print(f"wirewatch extraction:  {full_rate:6.1f} docs/s")
    print(f"ratio (wirewatch / bare): {full_rate / bare_rate:.2f}")
    print(f"extractors' share of the time: {1 - full_rate / parse_rate:.0%}")


if __name__ == "__main__":
    main()
