"""Conflicting figures in a claim series: a figure reported for one merged event across
sources and days.

Each figure stands for the range of values its bound allows (at least 11,000 is 11,000 and
up; about 10,000 is within a fifth of it); two figures for the same event conflict when their
ranges cannot both hold. This is worked out as claims are read, so it lives with the reads
(the command line's and the API's), not with linking, which only writes the claims.
"""

from __future__ import annotations

import math
from typing import Any

APPROX = 0.2  # "about", "nearly", "some": within a fifth of the figure


def value_range(value: float, bound: str) -> tuple[float, float]:
    if bound == "min":
        return value, math.inf
    if bound == "max":
        return -math.inf, value
    if bound == "approx":
        return value * (1 - APPROX), value * (1 + APPROX)
    return value, value


def conflict(a: dict[str, Any], b: dict[str, Any]) -> bool:
    low_a, high_a = value_range(a["value"], a["bound"])
    low_b, high_b = value_range(b["value"], b["bound"])
    return a["unit"] == b["unit"] and (high_a < low_b or high_b < low_a)


def flag_conflicts(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mark each claim with the figures of the same event and unit it conflicts with, as a
    list (one entry per figure), so that a reader need not split a sentence."""
    by_event: dict[Any, list[dict[str, Any]]] = {}
    for row in rows:
        by_event.setdefault((row["event"], row["unit"]), []).append(row)
    for series in by_event.values():
        for row in series:
            clashes = [other for other in series if other is not row and conflict(row, other)]
            row["conflicts_with"] = [f"{_figure(o)} ({o['attributed_to'] or '?'})"
                                     for o in clashes]
    return rows


def _figure(row: dict[str, Any]) -> str:
    sign = {"min": "≥ ", "max": "≤ ", "approx": "~"}.get(row["bound"], "")
    return f"{sign}{row['value']:,.0f}"
