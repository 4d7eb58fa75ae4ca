"""Events on pages PLOVER does not code, before and after the language and scope checks.

Runs the article-extraction pages (../shared/eval/article_extraction: html/<sha>.html and
ground-truth.json) through the pipeline once with both checks switched off ("before"), then
applies them to each document as the pipeline does ("after"), and scores both against the
hand labels in docs/scope_labels.tsv. Also checks that no VOA story
(../shared/eval/voa/voa_stories.jsonl, political and conflict news) is put out of scope.
Usage:

    python bench/scope.py [--pages DIR] [--voa JSONL] [--json]

Figures: events per out-of-scope page (goal: <= 0.5), the share of events on in-scope pages
that have a coded source or target, pages put out against the labels, with and without the
URL (a page read from a file may have none).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import wirewatch.convert
import wirewatch.pipeline
from wirewatch.config import Settings
from wirewatch.extractors.scope import ScopeDecision, decide_scope
from wirewatch.ingest import ArticleMeta, RawArticle
from wirewatch.ingest.html import article_from_html
from wirewatch.model import Document
from wirewatch.normalize import is_english
from wirewatch.pipeline import extract_documents

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
LABELS = ROOT / "docs" / "scope_labels.tsv"


def read_labels(path: Path) -> dict[str, tuple[str, str]]:
    """hash -> (url, in/out)."""
    rows = [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines()
            if ln and not ln.startswith("#")]
    return {r[0]: (r[1], r[2]) for r in rows[1:]}


def run_unchecked(items: list[RawArticle]) -> dict[str, Document]:
    """The documents with every event the coder finds: no language or scope check."""
    keep_english, keep_scope = wirewatch.pipeline.is_english, wirewatch.convert.decide_scope
    wirewatch.pipeline.is_english = lambda language: True
    wirewatch.convert.decide_scope = lambda *a, **k: ScopeDecision(True, "unchecked")
    try:
        out = {}
        for origin, outcome in extract_documents(items, Settings()):
            if isinstance(outcome, Document):
                out[origin] = outcome
            else:
                print(f"{origin}: {getattr(outcome, 'reason', outcome)}", file=sys.stderr)
        return out
    finally:
        wirewatch.pipeline.is_english, wirewatch.convert.decide_scope = keep_english, keep_scope


def checked_events(doc: Document, with_url: bool = True) -> tuple[int, str | None]:
    """The events the pipeline keeps, and why it drops them (None: kept)."""
    if not is_english(doc.article.language):
        return 0, f"language {doc.article.language}"
    decision = decide_scope(doc.article.text, title=doc.article.title,
                            url=doc.article.url if with_url else None, actors=len(doc.actors))
    return (len(doc.events), None) if decision.in_scope else (0, decision.reason)


def score(docs: dict[str, Document], labels: dict[str, tuple[str, str]],
          keep: Any) -> dict[str, Any]:
    out_pages = [h for h in docs if labels[h][1] == "out"]
    in_pages = [h for h in docs if labels[h][1] == "in"]
    kept = {h: keep(docs[h]) for h in docs}
    in_events = [ev for h in in_pages if kept[h][1] is None for ev in docs[h].events]
    with_actor = sum(1 for ev in in_events if ev.source or ev.target)
    return {
        "out_pages": len(out_pages),
        "events_per_out_page": round(sum(kept[h][0] for h in out_pages)
                                     / max(len(out_pages), 1), 3),
        "in_pages": len(in_pages),
        "in_pages_put_out": sorted(h[:10] for h in in_pages if kept[h][1] is not None),
        "out_pages_kept": {h[:10]: kept[h][0] for h in out_pages if kept[h][1] is None},
        "in_events": len(in_events),
        "in_events_with_actor": round(with_actor / max(len(in_events), 1), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=Path, default=SHARED / "article_extraction")
    parser.add_argument("--voa", type=Path, default=SHARED / "voa" / "voa_stories.jsonl")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    labels = read_labels(LABELS)
    truth = json.loads((args.pages / "ground-truth.json").read_text(encoding="utf-8"))
    items = []
    for sha in sorted(labels):
        html = (args.pages / "html" / f"{sha}.html").read_text(encoding="utf-8",
                                                               errors="replace")
        try:
            items.append(article_from_html(html, sha, url=truth[sha]["url"]))
        except Exception as err:
            print(f"{sha}: {err}", file=sys.stderr)
    docs = run_unchecked(items)
    figures: dict[str, Any] = {
        "pages": len(docs),
        "not_english": sorted(f"{h[:10]}:{d.article.language}" for h, d in docs.items()
                              if not is_english(d.article.language)),
        "before": score(docs, labels, lambda d: (len(d.events), None)),
        "after": score(docs, labels, checked_events),
        "after_without_url": score(docs, labels, lambda d: checked_events(d, False)),
    }
    voa = [json.loads(ln) for ln in args.voa.read_text(encoding="utf-8").splitlines() if ln]
    stories = run_unchecked([RawArticle(v["text"], v["id"], ArticleMeta(
        url=v.get("url"), title=v.get("title"))) for v in voa])
    put_out = []
    for doc in stories.values():
        _, why = checked_events(doc)
        if why is not None:
            put_out.append(f"{doc.article.title}: {why}")
    figures["voa_stories"] = len(voa)
    figures["voa_out_of_scope"] = put_out
    print(json.dumps(figures, indent=None if args.json else 1))


if __name__ == "__main__":
    main()
