"""The claims page's geometry: date ticks that stay few and short at any range, bounds
drawn as ranges in the right direction, series reported more than once ranked first."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from wirewatch.api.charts import claim_chart, rank_series, time_ticks
from wirewatch.store import read


@pytest.mark.parametrize("days", [0, 1, 4, 13, 40, 200, 800, 4000])
def test_date_ticks_are_few_distinct_and_short(days):
    first = date(2024, 10, 28)
    ticks = time_ticks(first, first + timedelta(days=days))
    labels = [label for _, label in ticks]
    assert 1 <= len(ticks) <= 6
    assert len(set(labels)) == len(labels)
    assert all(len(label) <= 11 for label in labels)  # "28 Oct 2024" at most
    assert [d for d, _ in ticks] == sorted(d for d, _ in ticks)
    assert all(first <= d <= first + timedelta(days=days) for d, _ in ticks)


def test_day_ticks_name_the_year_once():
    labels = [label for _, label in time_ticks(date(2024, 12, 29), date(2025, 1, 3))]
    assert labels[0] == "29 Dec 2024" and "1 Jan 2025" in labels
    assert sum("2024" in label for label in labels) == 1


def _row(n: int, published: str, bound: str, value: float, event: int = 7,
         conflicts: tuple[str, ...] = ()) -> dict:
    return {"id": n, "event": event, "unit": "troops", "published": published, "bound": bound,
            "value": value, "article_id": f"a{n}", "attributed_to": f"source {n}",
            "conflicts_with": list(conflicts), "type": "MOBILIZE", "source": "PRKMIL",
            "target": None, "place": "RUS", "actor": "PRKMIL"}


THREE = [_row(1, "2024-10-18", "min", 3000), _row(2, "2024-10-23T08:00:00+00:00", "max", 10000),
         _row(3, "2024-10-30", "approx", 11000)]


def test_three_reports_draw_three_points_with_their_bounds():
    chart = claim_chart(THREE)
    frame, points = chart["frame"], chart["points"]
    assert [p["row"]["bound"] for p in points] == ["min", "max", "approx"]
    assert points[0]["x"] < points[1]["x"] < points[2]["x"]  # later reports further right
    at_least, at_most, about = (p["range"] for p in points)
    assert at_least == (points[0]["y"], frame.y1)  # ≥: from the figure up to the top
    assert at_most == (points[1]["y"], frame.y0)  # ≤: from the figure down to zero
    assert about[0] < points[2]["y"] < about[1]  # ~: either side of it
    assert all(frame.y1 <= p["y"] <= frame.y0 for p in points)


def test_series_reported_more_than_once_come_first_ranked_by_sources_and_conflicts():
    rows = [_row(1, "2024-10-01", "exact", 5, event=1), _row(2, "2024-10-02", "exact", 6, 1),
            _row(3, "2024-10-01", "exact", 5, event=2, conflicts=("≥ 9 (x)",)),
            _row(4, "2024-10-02", "exact", 9, event=2, conflicts=("5 (y)",)),
            *(dict(r, event=3) for r in THREE), _row(9, "2024-10-05", "exact", 1, event=4)]
    series, alone = rank_series(rows)
    assert [s["event"] for s in series] == [3, 2, 1]
    assert series[0]["independent"] == 3 and series[1]["conflicts"] == 2
    assert [r["id"] for r in alone] == [9]


def test_the_claims_page_draws_a_three_report_series(client, monkeypatch):
    monkeypatch.setattr(read, "list_claims",
                        lambda *args: read.Page([*THREE, _row(9, "2024-10-05", "exact", 1, 4)],
                                                None))
    page = client.get("/claims").text
    section = page.split('id="series-7-troops"')[1].split("</section>")[0]
    assert section.count('<g class="point') == 3
    assert section.count('class="range"') >= 3
    assert "3 independent sources" in section
    assert 'id="single-claims"' in page and "source 9" in page.split("single-claims")[1]
