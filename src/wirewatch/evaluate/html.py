"""Article-body extraction against the article-extraction benchmark's ``articleBody``: the
text wirewatch stores (trafilatura's body after wirewatch's repairs, headline, byline and
trailers removed) beside trafilatura alone, in the same run.

Scored as the benchmark scores it: per page, token-level precision and recall of the
extracted body's words against the gold body's (counted with repetition), averaged over
pages; a page nothing is extracted from scores 0.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import InputError, WirewatchError

WORD = re.compile(r"\w+")


def read_benchmark(data: Path) -> list[tuple[str, str, str | None, str]]:
    """(page id, HTML, URL, gold body) for each page of the ground truth."""
    folder = data if data.is_dir() else data.parent
    try:
        truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(f"{folder}: no readable ground-truth.json ({err})") from None
    pages = []
    for page_id, gold in sorted(truth.items()):
        path = folder / "html" / f"{page_id}.html"
        if not path.exists():
            continue
        html = path.read_bytes().decode("utf-8", errors="replace")
        pages.append((page_id, html, gold.get("url"), gold.get("articleBody") or ""))
    if not pages:
        raise InputError(f"{folder}: no page of ground-truth.json under html/")
    return pages


def token_scores(predicted: str, gold: str) -> tuple[float, float]:
    """Precision and recall of the predicted words against the gold words."""
    ours, theirs = Counter(WORD.findall(predicted.lower())), Counter(WORD.findall(gold.lower()))
    common = sum((ours & theirs).values())
    precision = common / sum(ours.values()) if ours else 0.0
    recall = common / sum(theirs.values()) if theirs else 0.0
    return precision, recall


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _mean(scores: list[tuple[float, float]]) -> dict[str, float]:
    precision = sum(p for p, _ in scores) / len(scores)
    recall = sum(r for _, r in scores) / len(scores)
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def evaluate_html(data: Path, model: str, limit: int | None = None) -> dict[str, Any]:
    """``model`` is not used: extraction of the body parses nothing."""
    import trafilatura

    from ..ingest.html import article_from_html
    from ..normalize import prepare

    pages = read_benchmark(data)[:limit]
    ours, alone = [], []
    failed = 0
    for page_id, html, url, gold in pages:
        try:
            body = prepare(article_from_html(html, page_id, url)).article.text
        except WirewatchError:
            body, failed = "", failed + 1
        ours.append(token_scores(body, gold))
        alone.append(token_scores(trafilatura.extract(html, url=url) or "", gold))
    system, baseline = _mean(ours), _mean(alone)
    return {"task": "html", "data": str(data), "documents": len(pages),
            "failed_documents": failed, **system,
            **{f"baseline_{k}": v for k, v in baseline.items()}}
