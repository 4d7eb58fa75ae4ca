"""The vocabulary of reported speech: reporting verbs and phrases, attribution nouns, cues of
anonymity, from ``resources/reporting_cues.tsv`` and ``anonymous_sources.tsv``.

A module of its own because several extractors need it (statements find reported speech with
it, times tell "says Monday" from a scheduled present, events skip reporting verbs), and
extractors share data through small modules like this one, never through each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..resources import bundled_table


@dataclass(frozen=True, slots=True)
class Cues:
    verbs: dict[str, float]
    verb_phrases: frozenset[str]
    phrases: dict[str, float]
    nouns: dict[str, float]
    documents: frozenset[str]
    anonymity: re.Pattern[str]
    anonymous_nouns: frozenset[str]
    not_speakers: frozenset[str]
    attitudes: frozenset[str]  # cues of thinking, wanting or supporting, not of saying


@cache
def cues() -> Cues:
    """The bundled cues, read once."""
    rows = bundled_table("reporting_cues.tsv")
    by_kind: dict[str, dict[str, float]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], {})[row["cue"]] = float(row["strength"] or 0)
    anonymity = re.compile("|".join(re.escape(p) for p in by_kind.get("anonymity", {})),
                           re.IGNORECASE)
    nouns = frozenset(row["noun"] for row in bundled_table("anonymous_sources.tsv"))
    return Cues(by_kind.get("verb", {}), frozenset(by_kind.get("verb_phrase", {})),
                by_kind.get("phrase", {}), by_kind.get("noun", {}),
                frozenset(by_kind.get("document", {})), anonymity, nouns,
                frozenset(by_kind.get("not_speaker", {})),
                frozenset(row["cue"] for row in rows if row["act"] == "attitude"))
