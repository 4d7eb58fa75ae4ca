"""The timeline's geometry and page: a real time axis whose date ticks never crowd at any
range, lanes by type or by actor, the range shown kept in the URL, and one event's evidence
served on its own for the click that asks for it."""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import pairwise

import pytest

from wirewatch.api.charts import NOBODY, OTHER, TICK_ROOM, lanes_of, timeline_chart
from wirewatch.api.pages import MIN_DAYS, view_range


def _event(n: int, day: str, type_: str = "CONSULT", source: str | None = "KORGOV",
           target: str | None = "UKRGOV") -> dict:
    return {"article_id": f"a{n}", "idx": n, "type": type_, "modality": "asserted",
            "date": day, "day": day, "source": source, "target": target}


@pytest.mark.parametrize("days", [0, 2, 9, 45, 120, 400, 1500, 9000])
def test_date_ticks_stay_apart_at_any_range(days):
    first = date(2024, 10, 28)
    chart = timeline_chart([_event(1, "2024-10-28")], first, first + timedelta(days=days))
    xs = [x for x, _ in chart["ticks"]]
    assert xs and xs == sorted(xs)
    assert all(b - a >= TICK_ROOM * 0.9 for a, b in pairwise(xs))
    frame = chart["frame"]
    assert all(frame.x0 <= x <= frame.x1 for x in xs)
    assert len({label for _, label in chart["ticks"]}) == len(xs)


def test_events_sit_at_their_day_on_a_linear_axis():
    rows = [_event(1, "2024-01-01"), _event(2, "2024-01-11"), _event(3, "2024-03-01"),
            _event(4, "2023-12-01")]  # outside the range: not drawn
    chart = timeline_chart(rows, date(2024, 1, 1), date(2024, 3, 1))
    x = {p["row"]["idx"]: p["x"] for p in chart["points"]}
    assert set(x) == {1, 2, 3}
    # ten days of sixty-one: a sixth of the plot apart, not one slot of three
    frame = chart["frame"]
    assert x[2] - x[1] == pytest.approx((frame.x1 - frame.x0) * 10 / 61, abs=0.2)
    assert x[1] < x[2] < x[3] <= frame.x1


def test_lanes_by_actor_put_an_event_in_each_of_its_actors_lanes():
    rows = [_event(1, "2024-01-01"), _event(2, "2024-01-02", source="KORGOV", target=None),
            _event(3, "2024-01-03", source=None, target=None)]
    assert [label for label, _ in lanes_of(rows, "actor")] == ["KORGOV", "UKRGOV", NOBODY]
    chart = timeline_chart(rows, date(2024, 1, 1), date(2024, 1, 5), by="actor")
    assert sorted(p["lane"] for p in chart["points"] if p["row"]["idx"] == 1) == \
        ["KORGOV", "UKRGOV"]
    many = [_event(n, "2024-01-01", source=f"A{n:02d}", target=None) for n in range(14)]
    labels = [label for label, _ in lanes_of(many, "actor")]
    assert len(labels) == 13 and labels[-1] == OTHER
    assert [label for label, _ in lanes_of(rows, "type")] == ["CONSULT"]


def test_the_range_shown_is_padded_whole_or_as_asked_never_under_three_days():
    whole = (date(2024, 1, 1), date(2024, 12, 31))
    first, last = view_range(whole, None, None)
    assert first < whole[0] and last > whole[1]
    assert view_range(whole, date(2024, 5, 1), date(2024, 6, 1)) == \
        (date(2024, 5, 1), date(2024, 6, 1))
    assert view_range(whole, date(2024, 6, 1), date(2024, 5, 1)) == \
        (date(2024, 5, 1), date(2024, 6, 1))
    first, last = view_range(whole, date(2024, 5, 1), date(2024, 5, 1))
    assert (last - first).days + 1 == MIN_DAYS and first <= date(2024, 5, 1) <= last


def _drawn(page: str) -> list[str]:
    return re.findall(r'class="event-dot"[^>]*data-day="([^"]+)"', page)


def test_the_page_draws_the_days_in_its_url(client):
    everything = _drawn(client.get("/timeline").text)
    assert len(everything) > 5
    page = client.get("/timeline", params={"since": "2024-10-01", "until": "2024-11-30"}).text
    some = _drawn(page)
    assert some and len(some) < len(everything)
    assert all("2024-10-01" <= day <= "2024-11-30" for day in some)
    assert "from <time datetime=\"2024-10-01\">" in page
    # zooming in keeps the middle half; the lanes' choice travels with every move
    by_actor = client.get("/timeline", params={"since": "2024-10-01", "until": "2024-11-30",
                                               "lanes": "actor"}).text
    assert 'href="/timeline?lanes=actor&amp;since=2024-10-16&amp;until=2024-11-15"' in by_actor
    assert 'class="axis lane-label">KORGOV<' in by_actor


@pytest.mark.parametrize("query", [{"since": "2024-13-01"}, {"until": "soon"},
                                   {"lanes": "place"}])
def test_the_page_refuses_what_is_no_range(client, query):
    assert client.get("/timeline", params=query).status_code == 422


def test_one_event_evidence_is_served_for_the_click(client):
    page = client.get("/timeline", params={"since": "2024-10-28", "until": "2024-10-30"}).text
    paths = re.findall(r'data-evidence="([^"]+)"', page)
    found = [client.get(path).text for path in paths]
    consult = next(f for f in found if "<strong>CONSULT</strong> (telephone)" in f)
    assert "<mark>call</mark>" in consult and "Yoon Suk Yeol" in consult
    article = paths[0].rsplit("/", 2)[1]
    assert client.get(f"/timeline/evidence/{article}/999").status_code == 404
