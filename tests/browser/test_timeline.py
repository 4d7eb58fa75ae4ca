"""The timeline in Chromium at the widths people use: its date ticks never overprint, a drag
across it zooms in and a drag of its axis moves in time (the range shown changes, in the URL
too), and a click on an event shows that event's evidence."""

from __future__ import annotations

import re

import pytest

from tests.browser.test_desk import TEXT_BOXES, WIDTHS, overlaps

TICK_BOXES = """ts => ts.map((t, i) => { const r = t.getBoundingClientRect();
  return {id: i, text: t.textContent, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom}; })"""


def _shown(tab) -> tuple[str, str]:
    """The first and last day the page says it shows."""
    times = tab.locator("#timeline-range time").evaluate_all(
        "ts => ts.map(t => t.getAttribute('datetime'))")
    return times[0], times[1]


def _plot(tab) -> tuple[float, float, float, float]:
    """Where the plot's left and right edges, the lanes' middle and the axis are on screen."""
    box = tab.locator("#timeline").bounding_box()
    scale = box["width"] / float(tab.locator("#timeline").get_attribute("width"))
    x0 = box["x"] + float(tab.locator("#timeline").get_attribute("data-x0")) * scale
    x1 = box["x"] + float(tab.locator("#timeline").get_attribute("data-x1")) * scale
    axis = tab.locator("#timeline .axis-band").bounding_box()
    return x0, x1, (box["y"] + axis["y"]) / 2, axis["y"] + axis["height"] / 2


def _drag(tab, start: float, end: float, y: float) -> None:
    with tab.expect_navigation():
        tab.mouse.move(start, y)
        tab.mouse.down()
        tab.mouse.move((start + end) / 2, y, steps=3)
        tab.mouse.move(end, y, steps=3)
        tab.mouse.up()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("days", [None, ("2024-10-20", "2024-11-05")])
def test_tick_labels_never_overlap(browser, many_server, width, days):
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    try:
        query = f"?since={days[0]}&until={days[1]}" if days else ""
        tab.goto(many_server + "/timeline" + query)
        ticks = tab.locator("#timeline text.date-tick")
        assert ticks.count() >= 3
        assert overlaps(ticks.evaluate_all(TICK_BOXES)) == []
        # nor does any other text of the page: lane names, the legend, the moves
        assert overlaps(tab.eval_on_selector("body", TEXT_BOXES)) == []
        assert tab.locator("#timeline").bounding_box()["x"] + \
            tab.locator("#timeline").bounding_box()["width"] <= width
    finally:
        context.close()


def test_a_drag_across_the_chart_zooms_in(page, many_server):
    page.goto(many_server + "/timeline")
    before = _shown(page)
    labels = page.locator("#timeline text.date-tick").all_inner_texts()
    drawn = page.locator("#timeline a.event-dot").count()
    x0, x1, lanes, _ = _plot(page)
    _drag(page, x0 + (x1 - x0) * 0.70, x0 + (x1 - x0) * 0.80, lanes)
    since, until = _shown(page)
    assert before[0] < since < until < before[1]
    assert f"since={since}" in page.url and f"until={until}" in page.url
    assert page.locator("#timeline text.date-tick").all_inner_texts() != labels
    days = page.locator("#timeline a.event-dot").evaluate_all(
        "ds => ds.map(d => d.dataset.day)")
    assert days and len(days) < drawn and all(since <= d <= until for d in days)
    page.go_back()
    assert _shown(page) == before


def test_a_drag_of_the_axis_moves_in_time(page, many_server):
    page.goto(many_server + "/timeline?since=2024-06-01&until=2024-11-30&lanes=actor")
    x0, x1, _, axis = _plot(page)
    _drag(page, x0 + (x1 - x0) * 0.6, x0 + (x1 - x0) * 0.3, axis)  # leftwards: later
    since, until = _shown(page)
    assert "2024-07-01" < since < "2024-08-01" and "2024-12-31" < until < "2025-01-31"
    assert "lanes=actor" in page.url
    assert page.locator("#timeline select, #timeline-lanes select").input_value() == "actor"


def test_zoom_links_work_without_dragging(page, many_server):
    page.goto(many_server + "/timeline?since=2024-01-01&until=2024-12-31")
    page.click("nav.moves a[data-move='zoom in']")
    assert _shown(page) == ("2024-04-01", "2024-10-01")  # the middle half
    page.click("nav.moves a[data-move='whole range']")
    assert "since" not in page.url


def test_a_click_on_an_event_shows_its_evidence(page, server):
    page.goto(server + "/timeline?since=2024-10-27&until=2024-10-31")
    evidence = page.locator("#evidence")
    assert evidence.is_hidden()
    dot = page.locator("#timeline a.event-dot").last  # drawn last, so on top of any other
    dot.click()
    card = evidence.locator(".event-card")
    card.wait_for()
    assert page.url.endswith("until=2024-10-31")  # the page stays; the evidence comes to it
    article, idx = dot.get_attribute("data-evidence").rsplit("/", 2)[1:]
    assert (card.get_attribute("data-article"), card.get_attribute("data-idx")) == (article, idx)
    kind = dot.get_attribute("aria-label").split(": ")[1].split(",")[0]
    assert kind in card.locator("strong").inner_text()
    assert card.locator("mark").inner_text()
    # from the keyboard too: the telephone call between the two presidents
    call = page.locator("#timeline a.event-dot[aria-label*='CONSULT, UKRGOV to KORGOV']")
    call.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#evidence mark')"
                           ".textContent === 'call'")
    assert re.search(r"Volodymyr Zelenskyy · UKRGOV → Yoon Suk Yeol · KORGOV",
                     evidence.inner_text())
