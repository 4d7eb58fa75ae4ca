"""Plain SVG geometry for the pages' charts: a real time axis with readable date ticks, and
the claims page's figure series with their bounds drawn as ranges. Pure functions over rows,
so the numbers are tested without a browser."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from math import ceil, floor, log10
from typing import Any

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAY_STEPS = (1, 2, 3, 7, 14)
MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120)
BOUND_SIGN = {"min": "≥ ", "max": "≤ ", "approx": "~", "exact": ""}
APPROX = 0.1
"""How far either side of an approximate figure its range reaches (±10%)."""


def day_of(value: str | None) -> date | None:
    """The calendar day of an ISO date or datetime ("2025-03-14T20:30:26+00:00")."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def time_ticks(first: date, last: date, most: int = 6) -> list[tuple[date, str]]:
    """At most ``most`` ticks between two days, on round steps (days, weeks, months, years),
    each labelled as briefly as its step allows: "14 Mar" for days and weeks, "Mar 2025"
    for months, "2025" for years; a day label carries its year where the year changes."""
    span = (last - first).days
    for step in DAY_STEPS:
        if span / step <= most - 1:
            start = first if step < 7 else first + timedelta(days=(7 - first.weekday()) % 7)
            days = [start + timedelta(days=step * i) for i in range(most + 1)]
            days = [d for d in days if d <= last]
            out, year = [], None
            for d in days:
                label = f"{d.day} {MONTHS[d.month - 1]}"
                if d.year != year:
                    label += f" {d.year}"
                    year = d.year
                out.append((d, label))
            return out
    for step in MONTH_STEPS:
        if span / (30.44 * step) <= most - 1:
            start = first if first.day == 1 else _add_months(first, 1)
            start = _add_months(start, (-(start.month - 1)) % step) if step in (3, 6, 12) \
                else start
            months = [_add_months(start, step * i) for i in range(most + 1)]
            months = [m for m in months if m <= last]
            if step >= 12:
                return [(m, str(m.year)) for m in months]
            return [(m, f"{MONTHS[m.month - 1]} {m.year}") for m in months]
    return [(first, str(first.year)), (last, str(last.year))]


def nice_top(value: float) -> float:
    """A round number at or above ``value`` (1, 2, 2.5 or 5 times a power of ten)."""
    if value <= 0:
        return 1
    power = 10 ** floor(log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


@dataclass(frozen=True, slots=True)
class Frame:
    """The plotting area of a chart ``width`` × ``height`` pixels inside its margins."""

    width: int = 640
    height: int = 230
    left: int = 70
    right: int = 30
    top: int = 14
    bottom: int = 42

    @property
    def x0(self) -> int:
        return self.left

    @property
    def x1(self) -> int:
        return self.width - self.right

    @property
    def y0(self) -> int:
        return self.height - self.bottom

    @property
    def y1(self) -> int:
        return self.top


def claim_chart(rows: list[dict[str, Any]], frame: Frame = Frame()) -> dict[str, Any]:
    """One figure series on a time axis: each report a point at its publication day and
    value, with its bound drawn as a range (≥ up to the top, ≤ down to zero, ~ ±10%), value
    ticks on the left and date ticks below."""
    days = [day_of(r["published"]) for r in rows]
    known = [d for d in days if d is not None] or [date.today()]
    pad = max(1, ceil((max(known) - min(known)).days * 0.08))
    first, last = min(known) - timedelta(days=pad), max(known) + timedelta(days=pad)
    span = (last - first).days

    def x(day: date) -> float:
        return round(frame.x0 + (day - first).days / span * (frame.x1 - frame.x0), 1)

    top = nice_top(max(r["value"] * (1 + APPROX) if r["bound"] == "approx" else r["value"]
                       for r in rows) * 1.1)

    def y(value: float) -> float:
        return round(frame.y0 - value / top * (frame.y0 - frame.y1), 1)

    points = []
    for row, day in zip(rows, days, strict=True):
        px, py = x(day or known[0]), y(row["value"])
        if row["bound"] == "min":
            span_to = (py, float(frame.y1))
        elif row["bound"] == "max":
            span_to = (py, float(frame.y0))
        elif row["bound"] == "approx":
            span_to = (y(row["value"] * (1 + APPROX)), y(row["value"] * (1 - APPROX)))
        else:
            span_to = None
        points.append({"x": px, "y": py, "row": row, "range": span_to,
                       "label": f"{BOUND_SIGN.get(row['bound'], '')}{row['value']:,}"})
    value_ticks = [(y(top * i / 4), f"{top * i / 4:,.0f}" if top >= 4 else f"{top * i / 4:g}")
                   for i in range(5)]
    date_ticks = [(x(d), label) for d, label in time_ticks(first, last)]
    return {"frame": frame, "points": points, "value_ticks": value_ticks,
            "date_ticks": date_ticks}


def rank_series(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]],
                                                     list[dict[str, Any]]]:
    """Figure series (one merged event and unit each) with two or more reports, those with
    the most independent reports first (a syndicated copy is folded into its original by
    the read layer, so each article is its own source), then the most conflicts; and the
    figures that stand alone."""
    series: dict[tuple[Any, Any], list[dict[str, Any]]] = {}
    for row in rows:
        series.setdefault((row["event"], row["unit"]), []).append(row)
    charts, alone = [], []
    for (event, unit), found in series.items():
        if len(found) < 2:
            alone.extend(found)
            continue
        charts.append({"event": event, "unit": unit, "rows": found, "head": found[0],
                       "independent": len({r["article_id"] for r in found}),
                       "conflicts": sum(1 for r in found if r["conflicts_with"])})
    charts.sort(key=lambda c: (-c["independent"], -c["conflicts"], -len(c["rows"]),
                               c["event"]))
    alone.sort(key=lambda r: (r["published"] or "", r["id"]), reverse=True)
    return charts, alone


TIMELINE_WIDTH = 1000
"""The timeline's width in SVG units; the page scales it to the window (``viewBox``), so what
does not overlap here overlaps at no window width."""
LANE_HEIGHT = 26
TICK_ROOM = 110
"""SVG units between two date ticks at least: room for the longest label ("28 Oct 2024")."""
MOST_ACTOR_LANES = 12
STACK = (0, -4, 4, -8, 8)
"""How far (in SVG units) the n-th event on one day of one lane sits from the lane's middle,
so that events on the same day stay apart."""
OTHER, NOBODY = "other actors", "unknown"


def lanes_of(rows: list[dict[str, Any]], by: str) -> list[tuple[str, list[str]]]:
    """The lanes a timeline draws and, for each, the keys that put an event in it. By type:
    one lane per event type present. By actor: the ``MOST_ACTOR_LANES`` actors in most
    events (an event sits in its source's lane and its target's), then a lane for the events
    of none of them and one for those without any actor, where there are such events."""
    if by == "type":
        return [(t, [t]) for t in sorted({r["type"] for r in rows})]
    counts: dict[str, int] = {}
    for row in rows:
        for code in {row["source"], row["target"]} - {None}:
            counts[code] = counts.get(code, 0) + 1
    top = sorted(counts, key=lambda c: (-counts[c], c))[:MOST_ACTOR_LANES]
    lanes = [(code, [code]) for code in top]
    shown = set(top)
    if any(_lane_keys(r, by, shown) == [OTHER] for r in rows):
        lanes.append((OTHER, [OTHER]))
    if any(r["source"] is None and r["target"] is None for r in rows):
        lanes.append((NOBODY, [NOBODY]))
    return lanes


def _lane_keys(row: dict[str, Any], by: str, shown: set[str]) -> list[str]:
    if by == "type":
        return [row["type"]]
    codes = [c for c in dict.fromkeys((row["source"], row["target"])) if c is not None]
    if not codes:
        return [NOBODY]
    keys = [c for c in codes if c in shown]
    return keys or [OTHER]


def timeline_chart(rows: list[dict[str, Any]], first: date, last: date, by: str = "type",
                   width: int = TIMELINE_WIDTH) -> dict[str, Any]:
    """Events on a time axis from ``first`` to ``last`` (whole days, both included): one lane
    per type or actor (``by``), each event a dot in the middle of its day, date ticks as many
    as fit without touching (``TICK_ROOM`` apart at least)."""
    frame = Frame(width=width, left=130, right=45, top=8, bottom=34)
    lanes = lanes_of(rows, by)
    lane_y = {key: frame.top + LANE_HEIGHT * (i + 0.5)
              for i, (_, keys) in enumerate(lanes) for key in keys}
    height = frame.top + LANE_HEIGHT * max(len(lanes), 1) + frame.bottom
    frame = Frame(width=width, height=height, left=frame.left, right=frame.right,
                  top=frame.top, bottom=frame.bottom)
    days = (last - first).days + 1

    def x(day: date) -> float:
        return round(frame.x0 + ((day - first).days + 0.5) / days * (frame.x1 - frame.x0), 1)

    shown = set(lane_y)
    stacked: dict[tuple[str, date], int] = {}
    points = []
    for row in rows:
        day = day_of(row["day"])
        if day is None or not first <= day <= last:
            continue
        for key in _lane_keys(row, by, shown):
            n = stacked.get((key, day), 0)
            stacked[key, day] = n + 1
            points.append({"x": x(day), "y": lane_y[key] + STACK[n % len(STACK)],
                           "row": row, "lane": key})
    most = max(2, (frame.x1 - frame.x0) // TICK_ROOM)
    ticks = [(x(d), label) for d, label in time_ticks(first, last, most)]
    return {"frame": frame, "points": points, "ticks": ticks, "by": by,
            "lanes": [(label, frame.top + LANE_HEIGHT * i) for i, (label, _) in
                      enumerate(lanes)],
            "first": first.isoformat(), "last": last.isoformat()}
