"""The desk as an analyst reads it, at the widths people use: nothing overprints, the events
table unfolds its evidence, keeps its filters and sort in the URL, and downloads what it
shows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

WIDTHS = [1024, 1366, 1920]

# The boxes of every piece of text on the page (a text node's rectangles, one per line), with
# the element that holds it; hidden text has none. Two pieces of text overlap when their
# boxes intersect by more than a pixel each way.
TEXT_BOXES = """(root) => {
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let n = 0;
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (el.closest('.visually-hidden, script, style, title')) continue;
    range.selectNodeContents(node);
    n += 1;
    for (const r of range.getClientRects()) {
      if (r.width > 0 && r.height > 0) {
        out.push({id: n, text: node.textContent.trim().slice(0, 40),
                  x0: r.left, y0: r.top, x1: r.right, y1: r.bottom});
      }
    }
  }
  return out;
}"""


def overlaps(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of different texts whose boxes intersect by more than a pixel each way."""
    found = []
    ordered = sorted(boxes, key=lambda b: b["y0"])
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b["y0"] >= a["y1"] - 1:
                break
            if a["id"] != b["id"] and min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > 1 \
                    and min(a["y1"], b["y1"]) - max(a["y0"], b["y0"]) > 1:
                found.append((a["text"], b["text"]))
    return found


def test_overlap_check_sees_overprinted_text(page, server):
    """The check itself: two labels drawn on one spot are caught."""
    page.goto(server + "/")
    page.evaluate("""() => {
      const a = document.querySelector('h1');
      const copy = a.cloneNode(true);
      copy.style.position = 'absolute'; copy.style.left = a.getBoundingClientRect().left + 'px';
      copy.style.top = (a.getBoundingClientRect().top + window.scrollY + 4) + 'px';
      copy.textContent = 'overprinted';
      document.body.appendChild(copy);
    }""")
    assert overlaps(page.eval_on_selector("body", TEXT_BOXES))


@pytest.mark.parametrize("width", WIDTHS)
def test_dashboard_and_events_text_never_overlaps(browser, many_server, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    try:
        for path in ["/", "/events"]:
            tab.goto(many_server + path)
            tab.wait_for_load_state("networkidle")
            assert tab.locator("tbody tr").count() > 10, path
            boxes = tab.eval_on_selector("body", TEXT_BOXES)
            assert len(boxes) > 100
            assert overlaps(boxes) == [], (path, width)
            # nothing is pushed past the right edge of the window either
            assert max(b["x1"] for b in boxes) <= width, (path, width)
    finally:
        context.close()


def test_the_dashboard_counts_words_and_undated_events(page, many_server):
    page.goto(many_server + "/")
    assert "96 articles" in page.locator(".lead").inner_text()
    assert "without a date" in page.locator("#undated").inner_text()
    labels = page.locator(".bar-label").all_inner_texts()
    assert labels and all(len(label.split()) == 2 for label in labels)  # "Oct 2024"


def test_an_event_row_unfolds_its_evidence(page, server):
    page.goto(server + "/events?type=CONSULT")
    row = page.locator("#event-table tr.event-row", has_text="call").first
    assert "Yoon Suk Yeol · KORGOV" in row.inner_text()
    toggle = row.locator("button.expand")
    evidence = page.locator("#" + toggle.get_attribute("aria-controls"))
    assert evidence.is_hidden()
    toggle.click()
    assert evidence.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    assert evidence.locator("mark").inner_text() == "call"
    assert "phone" in evidence.inner_text()
    toggle.click()
    assert evidence.is_hidden()


def test_filters_and_sort_stay_in_the_url(page, server):
    page.goto(server + "/events")
    page.select_option("#event-filters select[name=modality]", "planned")
    page.click("#event-filters button")
    page.wait_for_load_state("networkidle")
    assert page.url == server + "/events?modality=planned"  # empty fields left out
    page.click("#event-table th:nth-child(2)")
    assert "sort=type" in page.url and "order=asc" in page.url
    page.reload()
    types = page.locator("#event-table tr.event-row td:nth-child(2)").all_inner_texts()
    assert len(types) > 1 and types == sorted(types)
    modalities = page.locator("#event-table tr.event-row td:nth-child(5)").all_inner_texts()
    assert set(modalities) == {"planned"}


def _download(page, selector: str) -> str:
    with page.expect_download() as info:
        page.click(selector)
    return Path(info.value.path()).read_text(encoding="utf-8")


def test_downloads_return_the_filtered_rows(page, server):
    page.goto(server + "/events?country=KOR&modality=planned")
    shown = page.locator("#event-table tr.event-row td:nth-child(6)").all_inner_texts()
    assert shown
    rows = list(csv.DictReader(io.StringIO(_download(page, "#download-csv"))))
    items = json.loads(_download(page, "#download-json"))
    assert [r["trigger"] for r in rows] == [i["trigger"] for i in items] == shown
    assert {r["modality"] for r in rows} == {"planned"}
    assert all("KOR" in (i["source"] or "") + (i["target"] or "") for i in items)


def test_the_header_searches_the_full_text(page, server):
    page.goto(server + "/claims")
    page.fill("header .search input[name=q]", "Zelenskyy")
    page.press("header .search input[name=q]", "Enter")
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(server + "/articles?q=Zelenskyy")
    assert page.locator("#articles tbody a").count() == 1


@pytest.mark.parametrize("width", WIDTHS)
def test_claims_draw_points_with_bounds_and_readable_ticks(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    try:
        tab.goto(server + "/claims")
        series = tab.locator("section.claim").first
        assert "SDNMIL" in series.locator("h2").inner_text()
        points = series.locator("g.point")
        assert points.count() == 2
        assert sorted(points.evaluate_all("gs => gs.map(g => g.dataset.bound)")) == \
            ["approx", "min"]
        assert series.locator("g.point .range").count() >= 2
        ticks = series.locator("text.date-tick")
        assert ticks.count() >= 2
        boxes = [dict(b, id=i, text=str(i)) for i, b in enumerate(ticks.evaluate_all(
            "ts => ts.map(t => { const r = t.getBoundingClientRect();"
            " return {x0: r.left, y0: r.top, x1: r.right, y1: r.bottom}; })"))]
        assert overlaps(boxes) == []
        assert overlaps(tab.eval_on_selector("body", TEXT_BOXES)) == []
        assert tab.locator("#single-claims tbody tr").count() == 3
    finally:
        context.close()
