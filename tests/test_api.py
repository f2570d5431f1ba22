"""The HTTP API over a real store filled from examples/ through the real pipeline."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from typer import Typer  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from dyad.serve import create_app  # noqa: E402
from dyad.serve.api import MAX_TEXT  # noqa: E402
from dyad.serve.app import MAX_BODY  # noqa: E402
from dyad.serve.cli import is_loopback, serve  # noqa: E402
from dyad.store import EventFilter, Store  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
HOSTILE_TITLE = "<script>alert('title')</script> Bold <b>claims</b>"
HOSTILE_TEXT = (
    "MOSCOW, Jan 16 (Reuters) - Russia accused Ukraine on Tuesday of shelling Belgorod <script>alert('text')</script>, "
    "the foreign ministry said. Ukraine denied the <b>accusation</b>."
)
PASTED = "Japan and South Korea agreed on Friday to resume security talks, officials in Tokyo said."


def fill(path: Path) -> None:
    """As `dyad ingest examples/` does it, then one document full of markup."""
    from dyad import extract
    from dyad.api import extract_records
    from dyad.ingest import ReadError, read_paths
    from dyad.resolve.memory import recall

    with Store(path) as store:
        documents = [d for d in read_paths([str(EXAMPLES)]) if not isinstance(d, ReadError)]
        for record in extract_records(documents):
            recall(record, store.remembered)
            store.save(record)
        store.save(extract(HOSTILE_TEXT, published="2024-01-16", title=HOSTILE_TITLE, outlet="<i>Wire</i>"))


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("api") / "dyad.duckdb"
    fill(path)
    return path


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    with TestClient(create_app(db)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def store(db) -> Store:
    with Store(db, read_only=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def hostile_id(client) -> str:
    return next(d["id"] for d in client.get("/api/documents").json() if d["outlet"] == "<i>Wire</i>")


def test_documents_list_and_one_record(client, store):
    listed = client.get("/api/documents").json()
    assert len(listed) == store.count("documents") == 2
    seed = next(d for d in listed if d["outlet"] == "UNN")
    record = client.get(f"/api/documents/{seed['id']}").json()
    assert record["published"] == "2024-01-15" and len(record["events"]) == seed["events"] > 0
    for event in record["events"]:  # every event points at words of the text
        start, end = event["trigger"]
        assert 0 <= start < end <= len(record["text"])


FILTERS = [
    {}, {"actor": "RUS"}, {"actor": "Lavrov"}, {"dyad": ["RUS", "PRK"]}, {"type": "consult"}, {"quad": 3},
    {"modality": "negated"}, {"since": "2024-01-15"}, {"until": "2023-12"}, {"asserted_by": "UNN"},
    {"outlet": "unn"}, {"place": "RUS"}, {"type": "ACCUSE", "since": "2024", "until": "2024-01-16"},
]


@pytest.mark.parametrize("params", FILTERS, ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items()) or "none")
def test_events_answer_what_the_store_answers_with_the_full_count(client, store, params):
    answer = client.get("/api/events", params={**params, "limit": 500}).json()
    where = EventFilter(actor=params.get("actor"), dyad=tuple(params["dyad"]) if "dyad" in params else None,
                        type=params.get("type"), quad_class=params.get("quad"), modality=params.get("modality"),
                        since=params.get("since"), until=params.get("until"), asserted_by=params.get("asserted_by"),
                        outlet=params.get("outlet"), place=params.get("place"))
    expected = store.events(where)
    # as sets: the store orders by date, document and trigger, and events sharing a trigger tie
    assert sorted(e["id"] for e in answer["events"]) == sorted(e["id"] for e in expected)
    assert answer["total"] == len(expected)


def test_filters_mean_what_they_say(client):
    consult = client.get("/api/events", params={"type": "CONSULT"}).json()["events"]
    assert consult and {e["type"] for e in consult} == {"CONSULT"}
    conflict = client.get("/api/events", params={"quad": 3}).json()["events"]
    assert conflict and {e["quad_class"] for e in conflict} == {3}
    pair = client.get("/api/events", params=[("dyad", "RUS"), ("dyad", "PRK")]).json()["events"]
    assert pair and all({c[:3] for c in e["source_codes"] + e["target_codes"]} >= {"RUS", "PRK"} for e in pair)
    everything = client.get("/api/events").json()["total"]
    assert 0 < len(consult) < everything


def test_events_of_one_document_and_of_one_cluster(client, hostile_id):
    own = client.get("/api/events", params={"doc": hostile_id}).json()
    assert own["total"] > 0 and {e["doc_id"] for e in own["events"]} == {hostile_id}
    first = own["events"][0]
    mentions = client.get("/api/events", params={"cluster": first["cluster_id"]}).json()["events"]
    assert first["id"] in {e["id"] for e in mentions}
    assert {e["cluster_id"] for e in mentions} == {first["cluster_id"]}


def test_pages_cover_every_event_once_in_order(client):
    whole = client.get("/api/events", params={"limit": 500}).json()
    pages, offset = [], 0
    while offset < whole["total"]:
        page = client.get("/api/events", params={"limit": 7, "offset": offset}).json()
        assert page["total"] == whole["total"] and page["limit"] == 7 and page["offset"] == offset
        pages += page["events"]
        offset += 7
    assert len(pages) == whole["total"]
    dates = [e["date_start"] for e in pages if e["date_start"]]
    assert dates == sorted(dates, reverse=True)  # newest first, across pages
    beyond = client.get("/api/events", params={"offset": whole["total"] + 10}).json()
    assert beyond["events"] == [] and beyond["total"] == whole["total"]


def test_pages_hold_every_event_exactly_once(client):
    whole = client.get("/api/events", params={"limit": 500}).json()
    pages = [e["id"] for offset in range(0, whole["total"], 3)
             for e in client.get("/api/events", params={"limit": 3, "offset": offset}).json()["events"]]
    assert sorted(pages) == sorted(e["id"] for e in whole["events"])


def test_count_runs_over_the_stores_own_filters(store):
    where = EventFilter(actor="PRK", quad_class=1, limit=2, offset=1)
    assert store.count_events(where) == len(store.events(replace(where, limit=None, offset=0)))


def test_clusters_actors_series_network(client):
    clusters = client.get("/api/clusters", params={"limit": 5}).json()
    assert 0 < len(clusters) <= 5 and all(c["n_mentions"] >= 1 for c in clusters)
    actors = client.get("/api/actors").json()
    codes = [a["code"] for a in actors]
    assert {"RUS", "PRK"} <= set(codes) and all(len(c) == 3 for c in codes)
    assert [a["events"] for a in actors] == sorted((a["events"] for a in actors), reverse=True)
    assert all(len(a["code"]) in (3, 6) for a in client.get("/api/actors", params={"level": 6}).json())
    series = client.get("/api/series", params={"a": "rus", "b": "prk"}).json()
    assert series and all(r["events"] == sum(r[q] for q in ("verbal_cooperation", "material_cooperation",
                                                           "verbal_conflict", "material_conflict")) for r in series)
    assert client.get("/api/series", params={"a": "RUS", "b": "PRK", "since": "2030"}).json() == []
    edges = client.get("/api/network").json()
    assert any({e["source"], e["target"]} == {"RUS", "PRK"} for e in edges)
    assert all(e["sign"] in ("cooperation", "conflict", "neutral") for e in edges)
    touching = client.get("/api/network", params={"actor": "USA"}).json()
    assert touching and all("USA" in (e["source"], e["target"]) for e in touching)


def test_network_in_a_date_window(client):
    assert client.get("/api/network", params={"since": "2024-01-01"}).status_code == 200
    assert client.get("/network", params={"since": "2024"}).status_code == 200


def test_quotes_by_speaker_and_about(client):
    everything = client.get("/api/quotes").json()
    by_kcna = client.get("/api/quotes", params={"speaker": "KCNA"}).json()
    assert by_kcna and all("KCNA" in q["speaker"] for q in by_kcna) and len(by_kcna) < len(everything)
    about = client.get("/api/quotes", params={"about": "PRK"}).json()
    assert about and len(about) <= len(everything)
    assert all({"speaker", "cue", "content", "doc_id"} <= set(q) for q in about)


BAD = [
    ("/api/events", {"quad": 9}, "quad"), ("/api/events", {"since": "last year"}, "since"),
    ("/api/events", {"type": "PARTY"}, "type"), ("/api/events", {"modality": "rumoured"}, "modality"),
    ("/api/events", {"dyad": "RUS"}, "dyad"), ("/api/events", {"limit": 0}, "limit"),
    ("/api/events", {"limit": 100_000}, "limit"), ("/api/events", {"offset": -1}, "offset"),
    ("/api/events", {"colour": "red"}, "colour"), ("/api/events", {"actor": "x" * 500}, "actor"),
    ("/api/series", {"a": "RUS"}, "b"), ("/api/series", {"a": "RUS", "b": "PRK", "by": "hour"}, "by"),
    ("/api/series", {"a": "RUS", "b": "PRK", "since": "soon"}, "not a date"),
    ("/api/network", {"level": 4}, "level"), ("/api/network", {"actor": "<script>"}, "actor"),
    ("/api/clusters", {"limit": "many"}, "limit"), ("/api/actors", {"until": "2024-13-45"}, "not a date"),
]


@pytest.mark.parametrize("path,params,named", BAD, ids=[f"{p}?{list(q)[0]}" for p, q, _ in BAD])
def test_bad_parameters_are_4xx_with_a_message(client, path, params, named):
    response = client.get(path, params=params)
    assert 400 <= response.status_code < 500
    detail = response.json()["detail"]
    assert isinstance(detail, str) and named in detail and "Traceback" not in response.text


def test_unknown_document_is_404_with_a_message(client):
    response = client.get("/api/documents/doc-nothing")
    assert response.status_code == 404 and "doc-nothing" in response.json()["detail"]
    assert client.get("/documents/doc-nothing").status_code == 404


def test_an_unexpected_failure_is_500_without_a_traceback(db, monkeypatch):
    def broken(*args):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(Store, "count_events", broken)
    with TestClient(create_app(db), raise_server_exceptions=False) as quiet:
        response = quiet.get("/api/events")
    assert response.status_code == 500
    assert "secret" not in response.text and "Traceback" not in response.text and response.json()["detail"]


def test_stored_markup_is_text_on_every_page(client, hostile_id):
    pages = [f"/documents/{hostile_id}", "/", f"/events?doc={hostile_id}", "/events?outlet=Wire"]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.text
        assert "<script>alert" not in html and "<b>claims" not in html and "<i>Wire" not in html, path
        assert "default-src 'self'" in response.headers["content-security-policy"]
    article = client.get(f"/documents/{hostile_id}").text
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in article  # the title, as text
    assert "\\u003cscript\\u003ealert" in article  # the text, in the embedded JSON
    explorer = client.get("/events", params={"doc": hostile_id}).text
    assert "&lt;script&gt;alert(&#39;text&#39;)" in explorer or "&lt;b&gt;accusation" in explorer


def test_pages_answer_and_refuse_bad_filters_with_a_message(client):
    for path in ("/", "/events", "/dyad", "/dyad?a=RUS&b=PRK&by=year", "/network?level=6", "/analyse", "/docs"):
        response = client.get(path)
        assert response.status_code == 200 and 'class="topbar"' in response.text, path
    bad = client.get("/events", params={"quad": "7"})
    assert bad.status_code == 400 and "quad" in bad.text
    assert client.get("/network", params={"since": "whenever"}).status_code == 400
    assert client.get("/static/style.css").status_code == 200


def test_extract_codes_without_storing(client, store):
    before = client.get("/api/documents").json()
    response = client.post("/api/extract", json={"text": PASTED, "published": "2024-03-01", "title": "Pasted"})
    assert response.status_code == 200
    answer = response.json()
    assert answer["stored"] is None and answer["record"]["title"] == "Pasted"
    assert answer["record"]["published"] == "2024-03-01"
    assert any(e["type"] == "AGREE" for e in answer["record"]["events"])
    assert client.get("/api/documents").json() == before


@pytest.mark.parametrize("body,status,named", [
    ({"text": ""}, 422, "text"), ({}, 422, "text"), ({"text": "x" * (MAX_TEXT + 1)}, 422, "text"),
    ({"text": PASTED, "published": "someday"}, 400, "someday"),
    ({"text": PASTED, "store": True}, 403, "read-only"),
])
def test_extract_refuses_with_a_message(client, body, status, named):
    response = client.post("/api/extract", json=body)
    assert response.status_code == status and named in response.json()["detail"]


def test_an_oversized_body_is_refused_before_it_is_read(client):
    response = client.post("/api/extract", content=b"x" * (MAX_BODY + 1), headers={"content-type": "application/json"})
    assert response.status_code == 413 and "too large" in response.json()["detail"]


def test_extract_stores_only_when_asked_on_a_writable_server(db, tmp_path):
    copy = tmp_path / "writable.duckdb"
    shutil.copy(db, copy)
    with TestClient(create_app(copy, writable=True)) as writable:
        count = len(writable.get("/api/documents").json())
        assert writable.post("/api/extract", json={"text": PASTED}).json()["stored"] is None
        assert len(writable.get("/api/documents").json()) == count
        first = writable.post("/api/extract", json={"text": PASTED, "published": "2024-03-01", "store": True}).json()
        again = writable.post("/api/extract", json={"text": PASTED, "published": "2024-03-01", "store": True}).json()
        assert (first["stored"], again["stored"]) == ("added", "unchanged")
        stored = writable.get(f"/api/documents/{first['record']['id']}").json()
        assert stored["text"] == PASTED and len(writable.get("/api/documents").json()) == count + 1


def _cli() -> Typer:
    app = Typer()
    app.command()(serve)
    return app


def test_serve_stays_on_loopback_unless_allowed(db, monkeypatch):
    started = []
    monkeypatch.setattr("uvicorn.run", lambda app, host, port, **kw: started.append((host, port)))
    runner = CliRunner()
    refused = runner.invoke(_cli(), ["--db", str(db), "--host", "0.0.0.0"])
    assert refused.exit_code == 2 and "--allow-remote" in refused.output and not started
    allowed = runner.invoke(_cli(), ["--db", str(db), "--host", "0.0.0.0", "--allow-remote", "--port", "8123"])
    assert allowed.exit_code == 0 and "warning" in allowed.output and started == [("0.0.0.0", 8123)]
    local = runner.invoke(_cli(), ["--db", str(db)])
    assert local.exit_code == 0 and started[-1] == ("127.0.0.1", 8000) and "warning" not in local.output
    missing = runner.invoke(_cli(), ["--db", str(db.parent / "none.duckdb")])
    assert missing.exit_code == 2 and "no store" in missing.output
    assert is_loopback("::1") and is_loopback("localhost") and not is_loopback("192.168.1.5")
