"""The desk's words and downloads without a browser: counts agree with their nouns, dates
read at the precision they were written, actors carry their names, and a download holds
exactly the rows the API gives for the same filters."""

from __future__ import annotations

import csv
import io

import pytest

from wirewatch.api.pages import as_written, plural


@pytest.mark.parametrize(("n", "noun", "said"), [
    (1, "article", "1 article"), (0, "article", "0 articles"), (2, "event", "2 events"),
    (1234, "story", "1,234 stories"), (1, "story", "1 story")])
def test_plural(n, noun, said):
    assert plural(n, noun) == said


@pytest.mark.parametrize(("value", "shown"), [
    ("2024-W44", "2024-W44"), ("2024-10", "Oct 2024"), ("2024-10-29", "2024-10-29"),
    ("2024", "2024"), (None, "undated"), ("2024-13", "2024-13")])
def test_dates_read_as_written(value, shown):
    assert as_written(value) == shown


def _api_rows(client, **filters) -> list[dict]:
    rows, cursor = [], None
    while True:
        page = client.get("/api/v1/events", params={**filters, "limit": 500,
                                                    **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200
        rows += page.json()["items"]
        if not (cursor := page.json()["next"]):
            return rows


@pytest.mark.parametrize("filters", [{}, {"type": "consult"}, {"country": "KOR",
                                                               "modality": "planned"},
                                     {"since": "2025-03-01", "publisher": "AFP"}])
def test_downloads_hold_the_apis_rows_for_the_same_filters(client, filters):
    expected = _api_rows(client, **filters)
    as_json = client.get("/events.json", params=filters)
    assert as_json.status_code == 200
    assert "attachment" in as_json.headers["content-disposition"]
    assert as_json.json() == expected
    as_csv = client.get("/events.csv", params=filters)
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert [(r["article_id"], int(r["idx"])) for r in rows] == \
        [(e["article_id"], e["idx"]) for e in expected]


def test_a_download_refuses_a_bad_filter(client):
    assert client.get("/events.csv", params={"type": "WAR"}).status_code == 422
    assert client.get("/events.json", params={"since": "last week"}).status_code == 422


def test_the_events_table_shows_names_precision_and_evidence(client):
    page = client.get("/events", params={"type": "CONSULT"}).text
    assert "Yoon Suk Yeol</span> · <span class=\"code\">KORGOV" in page
    assert ">2024-W44</time>" in page and "2024-10-28" in page
    assert "<mark>call</mark>" in page
    assert "?" not in page.split("<tbody>")[1].split("</tbody>")[0].replace("?type", "")
    assert 'id="download-csv" href="/events.csv?type=CONSULT"' in page


def test_the_dashboard_counts_undated_events_apart(client):
    counts = client.get("/api/v1/events", params={"limit": 500}).json()["items"]
    undated = sum(1 for e in counts if e["day"] is None)
    page = client.get("/").text
    assert undated and f"{undated} events without a date" in page
    n = len(client.get("/api/v1/articles", params={"limit": 500}).json()["items"])
    assert f"{n} articles and {len(counts)} events in the ledger" in page
