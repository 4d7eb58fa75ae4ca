"""How the events judged in docs/judged/ fare under the current rules.

Re-extracts the VOA stories and looks each judged row up among the new events by article,
type, trigger and sentence: of the rows judged wrong, how many are no longer coded; of those
judged right, how many still are. Usage:

    python bench/judged_recheck.py [JSONL] [--judged DIR] [--lost]

--lost also prints each row judged right that is no longer coded; --still-wrong each row
judged wrong (of type) that is still coded, with its note; --actors each row of the right type
whose source or target was judged wrong or missing and is still coded with the same actor.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter
from pathlib import Path

from event_coverage import DEFAULT_DATA, read_articles

from wirewatch.config import Settings
from wirewatch.model import Document
from wirewatch.pipeline import extract_documents

JUDGED = Path(__file__).resolve().parents[1] / "docs" / "judged"


def _plain(sentence: str) -> str:
    return re.sub(r"\s+", " ", sentence.replace("[[", "").replace("]]", "")).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--judged", type=Path, default=JUDGED)
    parser.add_argument("--lost", action="store_true", help="print right rows no longer coded")
    parser.add_argument("--still-wrong", action="store_true",
                        help="print rows judged of the wrong type that are still coded")
    parser.add_argument("--actors", action="store_true",
                        help="print rows whose actor judged wrong or missing is coded the same")
    args = parser.parse_args()
    # the sentences each (article, type, trigger) is coded in: a judged row is still coded
    # where one of them holds the judged sentence or lies in it (a heading split off)
    coded: dict[tuple[str, str, str], list[tuple[str, str, str]]] = {}
    for _, outcome in extract_documents(read_articles(args.data), Settings()):
        if isinstance(outcome, Document):
            text = outcome.article.text
            for e in outcome.events:
                coded.setdefault((outcome.article.id, e.type, text[slice(*e.trigger)]),
                                 []).append((_plain(text[slice(*e.sentence)]),
                                             e.source or "", e.target or ""))
    total: Counter[str] = Counter()
    for path in sorted(args.judged.glob("*.tsv")):
        tally: Counter[str] = Counter()
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                verdict = (row.get("type_ok") or "").lower()[:1]
                if verdict not in ("y", "n"):
                    continue
                judged = _plain(row["sentence"])
                same = [(source, target) for sentence, source, target in coded.get(
                    (row["article"], row["type"], row["trigger"]), ())
                    if judged in sentence or sentence in judged]
                kept = bool(same)
                tally["right" if verdict == "y" else "wrong"] += 1
                if args.lost and verdict == "y" and not kept:
                    print(f"  lost {path.name}: {row['type']} {row['trigger']!r} | "
                          f"{row['sentence'][:160]}")
                if args.still_wrong and verdict == "n" and kept:
                    print(f"  still {path.name}: {row['type']} {row['trigger']!r} | "
                          f"{row['sentence']} | note: {row.get('note') or ''}")
                if args.actors and verdict == "y" and _actor_still_wrong(row, same):
                    print(f"  actor {path.name}: {row['type']} {row['trigger']!r} "
                          f"{row['source']} -> {row['target']} | {row['sentence']} | "
                          f"note: {row.get('note') or ''}")
                tally["right still coded" if verdict == "y" and kept else
                      "wrong no longer coded" if verdict == "n" and not kept else "other"] += 1
        total.update(tally)
        print(f"{path.name:28} wrong {tally['wrong']:3} gone {tally['wrong no longer coded']:3}"
              f"   right {tally['right']:3} kept {tally['right still coded']:3}")
    print(f"{'all':28} wrong {total['wrong']:3} gone {total['wrong no longer coded']:3}"
          f"   right {total['right']:3} kept {total['right still coded']:3}")


def _actor_still_wrong(row: dict[str, str], coded: list[tuple[str, str]]) -> bool:
    """Whether a side judged wrong or missing is still coded as it was judged."""
    bad = [side for side in ("source", "target")
           if (row.get(f"{side}_ok") or "").lower().startswith(("n", "missing"))]
    return bool(bad) and any(
        all(dict(source=source, target=target)[side] == (row[side] or "") for side in bad)
        for source, target in coded)


if __name__ == "__main__":
    main()
