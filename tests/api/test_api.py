"""Every API route over a real ledger: filters, pagination, errors, the write token."""

import pytest

from tests.api.conftest import SCRIPT_ARTICLE


def items(client, path, **params):
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_articles_page_with_stable_cursors(client):
    first = items(client, "/api/v1/articles", limit=3)
    assert len(first["items"]) == 3 and first["next"]
    second = items(client, "/api/v1/articles", limit=3, cursor=first["next"])
    seen = [a["id"] for a in first["items"] + second["items"]]
    assert len(seen) == len(set(seen))
    everything = []
    cursor = None
    while True:
        page = items(client, "/api/v1/articles", limit=2, **({"cursor": cursor} if cursor else {}))
        everything += [a["id"] for a in page["items"]]
        cursor = page["next"]
        if not cursor:
            break
    assert len(everything) == len(set(everything)) == 8


def test_article_search_and_one_article(client):
    found = items(client, "/api/v1/articles", q="Yoon Zelenskyy")["items"]
    assert [a["source"] for a in found] == ["Yonhap News Agency"]
    document = client.get(f"/api/v1/articles/{found[0]['id'][:10]}").json()
    assert document["article"]["published"] == "2024-10-30"
    assert {"entities", "events", "statements", "places"} <= set(document)
    missing = client.get("/api/v1/articles/0000")
    assert missing.status_code == 404
    assert missing.json() == {"error": {"status": 404, "message": "no article with id '0000'"}}


def test_event_filters(client):
    aid = items(client, "/api/v1/events", type="AID", country="KOR")["items"]
    assert aid and all(e["type"] == "AID" and "KOR" in (e["source"] or "") + (e["target"] or "")
                       for e in aid)
    negated = items(client, "/api/v1/events", modality="negated", publisher="AFP")["items"]
    assert [e["trigger"] for e in negated] == ["deployed"]
    dated = items(client, "/api/v1/events", since="2024-10-29", until="2024-10-29")["items"]
    assert dated and all(e["day"] == "2024-10-29" for e in dated)
    korea = items(client, "/api/v1/events", country="KOR", limit=100)["items"]
    assert korea and all("KOR" in ((e["source"] or "")[:3], (e["target"] or "")[:3])
                         for e in korea)
    # matched by its target's country, a code longer than the country's
    assert ("UKRGOV", "KORGOV") in {(e["source"], e["target"]) for e in korea}
    by_actor = items(client, "/api/v1/events", actor="PRK")["items"]
    assert by_actor and all("PRK" in (e["source"] or "")[:3] + (e["target"] or "")[:3]
                            for e in by_actor)


def test_merged_events_carry_corroboration(client):
    merged = items(client, "/api/v1/events", merged="true", type="MOBILIZE", place="TCD",
                   actor="SDN")
    (deployment,) = merged["items"]
    assert deployment["independent"] == 3 and deployment["contradicted"] is True
    assert items(client, "/api/v1/events", merged="true", modality="negated",
                 publisher="AFP")["items"][0]["id"] == deployment["id"]


@pytest.mark.parametrize(("path", "params", "fragment"), [
    ("/api/v1/events", {"type": "WAR"}, "type:"),
    ("/api/v1/events", {"since": "last week"}, "since:"),
    ("/api/v1/events", {"country": "Korea"}, "country:"),
    ("/api/v1/events", {"limit": 0}, "limit:"),
    ("/api/v1/articles", {"cursor": "not-a-cursor"}, "cursor"),
    ("/api/v1/actors", {"limit": 10000}, "limit:"),
])
def test_bad_filters_are_a_clear_422(client, path, params, fragment):
    response = client.get(path, params=params)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["status"] == 422 and fragment in error["message"]


def test_ledger_routes(client):
    actors = items(client, "/api/v1/actors", country="PRK")["items"]
    assert {"PRKGOV", "PRKMIL"} <= {a["code"] for a in actors}
    places = items(client, "/api/v1/places", country="RUS")["items"]
    assert places and all(p["country"] == "RUS" for p in places)
    statements = items(client, "/api/v1/statements", speaker="UKRGOV")["items"]
    assert statements and "special delegation" in statements[0]["content"]
    unnamed = items(client, "/api/v1/statements", speaker="KORGOV", anonymous="true")["items"]
    named = items(client, "/api/v1/statements", speaker="KORGOV", anonymous="false")["items"]
    assert unnamed and all(s["anonymous"] for s in unnamed)
    assert named and not any(s["anonymous"] for s in named)
    assert {s["speaker"] for s in unnamed} >= {"the official"}
    stories = items(client, "/api/v1/stories")["items"]
    assert len(stories) >= 3
    claims = items(client, "/api/v1/claims", unit="troops")["items"]
    series = sorted((c["published"], c["value"]) for c in claims if c["actor"] == "SDNMIL")
    assert series == [("2025-03-10", 3000.0), ("2025-03-14", 5000.0)]


def test_writing_needs_the_token(client):
    body = {"text": "Kenya hosted Somalia's president in Nairobi on Tuesday.",
            "published": "2025-03-25", "source": "Test Wire"}
    assert client.post("/api/v1/articles", json=body).status_code == 401
    wrong = client.post("/api/v1/articles", json=body, headers={"Authorization": "Bearer no"})
    assert wrong.status_code == 401
    made = client.post("/api/v1/articles", json=body, headers={"Authorization": "Bearer s3cret"})
    assert made.status_code == 201 and made.json()["new"] is True
    again = client.post("/api/v1/articles", json=body, headers={"Authorization": "Bearer s3cret"})
    assert again.json() == {**made.json(), "new": False, "story": None}
    bad = client.post("/api/v1/articles", json={"published": "soon", "text": "x"},
                      headers={"Authorization": "Bearer s3cret"})
    assert bad.status_code == 422 and "published" in bad.json()["error"]["message"]
    empty = client.post("/api/v1/articles", json={}, headers={"Authorization": "Bearer s3cret"})
    assert empty.status_code == 422


def test_writing_is_off_without_a_configured_token(ledger):
    from fastapi.testclient import TestClient

    from wirewatch.api import create_app
    from wirewatch.config import Settings

    reader = TestClient(create_app(Settings(db=ledger)))
    response = reader.post("/api/v1/articles", json={"text": "x"})
    assert response.status_code == 403 and response.json()["error"]["message"] == (
        "writing is disabled: start the server with WIREWATCH_TOKEN")


def test_openapi_describes_every_route(client):
    schema = client.get("/openapi.json").json()
    assert set(schema["paths"]) == {
        "/api/v1/articles", "/api/v1/articles/{article_id}", "/api/v1/events", "/api/v1/actors",
        "/api/v1/places", "/api/v1/statements", "/api/v1/stories", "/api/v1/claims"}


def test_pages_render_and_escape_article_markup(client):
    for path in ("/", "/articles", "/events", "/timeline", "/map", "/claims",
                 "/actors/SDNMIL"):
        assert client.get(path).status_code == 200, path
    found = items(client, "/api/v1/articles", q="owned")["items"][0]
    page = client.get(f"/articles/{found['id']}").text
    assert "<script>document.title" not in page
    assert "&lt;script&gt;document.title=&#39;owned&#39;&lt;/script&gt;" in page
    assert SCRIPT_ARTICLE.split("<")[0].strip() in page
    assert client.get("/articles/0000").status_code == 404
    assert client.get("/events", params={"modality": "sure"}).status_code == 422


def test_place_filter_on_mentions(client):
    found = items(client, "/api/v1/events", place="RUS")["items"]
    assert found and {e["type"] for e in found} >= {"MOBILIZE"}


def test_reading_can_be_closed_with_a_read_token(ledger):
    from fastapi.testclient import TestClient

    from wirewatch.api import create_app
    from wirewatch.config import Settings

    closed = TestClient(create_app(Settings(db=ledger), read_token="r3ad"))
    assert closed.get("/api/v1/stories").status_code == 401
    opened = closed.get("/api/v1/stories", headers={"Authorization": "Bearer r3ad"})
    assert opened.status_code == 200


def test_latest_events_come_from_the_newest_articles(ledger):
    from wirewatch.store import open_store
    from wirewatch.store.read import ArticleFilters, PageRequest, latest_events, list_articles

    store = open_store(ledger)
    latest = latest_events(store, 5)
    published = [e["published"] for e in latest]
    assert published == sorted(published, reverse=True)
    newest = max(a["published"] for a in list_articles(store, ArticleFilters(),
                                                       PageRequest(100)).items if a["events"])
    assert published[0] == newest


def test_pages_show_speakers_anonymity_and_source_chains(client):
    page = client.get("/actors/KORGOV").text
    assert "the official (anonymous) · via Yonhap News Agency" in page
    page = client.get("/actors/KOR").text
    assert ("South Korea and its allies · via Yonhap News Agency › A senior presidential "
            "official › the intelligence assessment") in page
    article = items(client, "/api/v1/articles", q="Zelenskyy")["items"][0]
    page = client.get(f"/articles/{article['id']}").text
    assert "told by the official (KORGOV), anonymous" in page
    assert "said by Volodymyr Zelenskyy (UKRGOV)" in page


def test_the_store_closes_when_the_server_stops(ledger):
    from fastapi.testclient import TestClient

    from wirewatch.api import create_app
    from wirewatch.config import Settings

    app = create_app(Settings(db=ledger))
    with TestClient(app) as running:
        assert running.get("/api/v1/stories").status_code == 200
        assert app.state.store.engine.pool.checkedin() == 1  # a pooled connection is open
    assert app.state.store.engine.pool.checkedin() == 0  # closed with the server


def test_an_unexpected_error_is_a_500_with_the_security_headers(ledger, monkeypatch):
    from fastapi.testclient import TestClient

    from wirewatch.api import create_app
    from wirewatch.config import Settings
    from wirewatch.store import read

    def broken(*args):
        raise RuntimeError("a bug")

    monkeypatch.setattr(read, "list_stories", broken)
    app = create_app(Settings(db=ledger))
    response = TestClient(app).get("/api/v1/stories")
    app.state.store.close()
    assert response.status_code == 500
    assert response.json() == {"error": {"status": 500, "message": "internal error"}}
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
