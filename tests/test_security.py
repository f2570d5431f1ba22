"""Hostile input against the web app, the JSON API and the CLI filters (issue 10, security).

A real store is filled through the real pipeline with articles whose text, title, outlet, actor
names, quote speakers, place names and even document id carry markup and SQL-like strings. Then:
every page renders them as text (no executable markup), every API answer is JSON that gives them
back unchanged, every filter of ``/api/events`` and ``dyad events`` (and of series, network,
quotes) answers exactly what a plain substring match would, never a 500, with the tables intact;
file and id parameters cannot reach the disk; bad request bodies are 4xx with a message; and
reading HTML never opens a socket.
"""

from __future__ import annotations

import json
import socket
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dyad.cli import app as cli
from dyad.serve import create_app
from dyad.serve.app import MAX_BODY
from dyad.store import EventFilter, Store

SCRIPT = "<script>alert('xss')</script>"
IMG = "\"><img src=x onerror=alert(1)>"
# stored in outlet, actor names, quote speakers, attributions and place names: every SQL-ish
# filter value below is either inside it (so the answer is not empty) or not (so it must be)
SQLISH = "O'Brien'; DROP TABLE events; -- 100% _x_ \\ “quoted” ‘single’"
RICH = "[/x] [bold red]loud[/]"  # console markup, for the CLI
SQL_VALUES = ["'; DROP TABLE events; --", "%", "_", "\\", "“quoted”", "' OR '1'='1", "%' OR 1=1 --",
              "\"; SELECT 1; --", "x') OR ('a'='a", "\\'; --"]
HOSTILE_ID = "doc-\"><img src=x onerror=alert('id')>"
ARTICLES = [
    ("MOSCOW, Jan 16 (Reuters) - Russia accused Ukraine on Tuesday of shelling Belgorod " + SCRIPT + ", the "
     "foreign ministry said. " + IMG + " Ukraine denied the accusation.", SCRIPT + " Title " + IMG, IMG),
    (("WASHINGTON, Jan 17 (Reuters) - President Biden met Chancellor Scholz in Washington on Wednesday, "
      "the White House said. \"We agreed to support Ukraine,\" Scholz told reporters."), "Title " + RICH, SQLISH),
]


def hostile_record(text: str, title: str, outlet: str, n: int):
    """The pipeline's record, then hostile names where a feed or a bad model could put them."""
    from dyad import extract

    record = extract(text, published=f"2024-01-1{6 + n}", title=title, outlet=outlet)
    name = f"{SCRIPT} {RICH} {SQLISH}" if n == 1 else SCRIPT + IMG
    for actor in record.actors:
        actor.name = f"{name} {actor.name}"
    for quote in record.quotes:
        quote.speaker = name
    for event in record.events:
        event.attributed_to = name
    for place in record.places:
        place.name = f"{name} {place.name}"
    return record


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("security") / "dyad.duckdb"
    with Store(path) as store:
        for n, (text, title, outlet) in enumerate(ARTICLES):
            store.save(hostile_record(text, title, outlet, n))
        odd = hostile_record("Japan and South Korea agreed on Friday to resume security talks in Tokyo.",
                             "Odd id", "Wire", 2)
        odd.id = HOSTILE_ID  # a JSONL feed may give any id
        store.save(odd)
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def everything(db) -> list[dict]:
    with Store(db, read_only=True) as store:
        return store.events()


@pytest.fixture(scope="module")
def places(db) -> dict[tuple[str, str], dict]:
    with Store(db, read_only=True) as store:
        return {(d, p["place_id"]): p for d, p in
                ((row[0], dict(zip(("place_id", "name", "country"), row[1:])))
                 for row in store.con.execute("SELECT doc_id, place_id, name, country FROM places").fetchall())}


def test_the_store_holds_the_hostile_strings(everything):
    names = {n for e in everything for n in (e["source_names"] or []) + (e["target_names"] or [])}
    assert any(SQLISH in n for n in names) and any(SCRIPT in n for n in names)
    assert {e["doc_id"] for e in everything} >= {HOSTILE_ID}


# -- markup is text on every page ------------------------------------------------------------


class _Markup(HTMLParser):
    """Every tag and attribute of a page, and the contents of its JSON data blocks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.json_blocks: list[str] = []
        self._in_json = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        self._in_json = tag == "script" and attrs.get("type") == "application/json"

    def handle_endtag(self, tag):
        self._in_json = False

    def handle_data(self, data):
        if self._in_json:
            self.json_blocks.append(data)


def assert_no_executable_markup(html: str, where: str) -> _Markup:
    page = _Markup()
    page.feed(html)
    for tag, attrs in page.tags:
        assert not [a for a in attrs if a.startswith("on")], f"{where}: event handler on <{tag}>"
        assert tag not in ("img", "iframe", "object", "embed", "base"), f"{where}: <{tag}> from the data"
        if tag == "script":  # scripts from this server only; data only as JSON
            assert attrs.get("src", "").startswith("/static/") or attrs.get("type") == "application/json", where
        for name in ("href", "src", "action"):
            assert not (attrs.get(name) or "").lower().lstrip().startswith("javascript:"), where
    for block in page.json_blocks:
        json.loads(block)
        assert "<" not in block, f"{where}: a raw '<' inside a JSON data block could close it"
    return page


def pages(everything) -> list[str]:
    ids = sorted({e["doc_id"] for e in everything})
    quoted = [i.replace("%", "%25").replace("\"", "%22").replace("<", "%3C").replace(">", "%3E").replace("'", "%27")
              .replace(" ", "%20").replace("=", "%3D") for i in ids]
    return ["/", "/events", "/dyad?a=RUS&b=UKR", "/dyad", "/network", "/network?level=6", "/analyse", "/docs",
            *(f"/documents/{q}" for q in quoted), *(f"/events?doc={q}" for q in quoted), "/events?outlet=Brien"]


def test_every_page_shows_stored_markup_as_text(client, everything):
    seen_escaped = False
    for path in pages(everything):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        html = response.text
        assert SCRIPT not in html and "<img src=x" not in html, path
        assert_no_executable_markup(html, path)
        seen_escaped |= "&lt;script&gt;alert(" in html
    assert seen_escaped  # the hostile words are shown, as text


REFLECTED = [("/events", "outlet"), ("/events", "actor"), ("/events", "place"), ("/events", "asserted_by"),
             ("/events", "cluster"), ("/events", "since"), ("/dyad", "a"), ("/dyad", "since"),
             ("/network", "actor"), ("/network", "since")]


@pytest.mark.parametrize("path,field", REFLECTED, ids=[f"{p}?{f}" for p, f in REFLECTED])
def test_a_hostile_query_value_is_echoed_as_text(client, path, field):
    params = {field: SCRIPT + IMG} | ({"b": "RUS"} if path == "/dyad" else {})
    response = client.get(path, params=params)
    assert response.status_code in (200, 400), response.text[:300]
    assert SCRIPT not in response.text and "<img src=x" not in response.text
    assert_no_executable_markup(response.text, f"{path}?{field}")


def test_an_unknown_hostile_document_id_is_a_plain_404(client):
    response = client.get("/documents/" + "%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert response.status_code == 404 and "<script>alert(1)" not in response.text
    assert_no_executable_markup(response.text, "404 page")


def test_api_answers_are_json_and_give_the_words_back_unchanged(client, everything):
    text, title, outlet = ARTICLES[0]
    listed = client.get("/api/documents")
    assert listed.headers["content-type"] == "application/json"
    first = next(d for d in listed.json() if d["outlet"] == outlet)
    record = client.get(f"/api/documents/{first['id']}").json()
    assert (record["text"], record["title"], record["outlet"]) == (text, title, outlet)
    odd = client.get("/api/documents/" + HOSTILE_ID.replace("\"", "%22").replace(" ", "%20")).json()
    assert odd["id"] == HOSTILE_ID
    for path in ("/api/events?limit=500", "/api/clusters", "/api/actors", "/api/network", "/api/quotes",
                 "/api/series?a=RUS&b=UKR", "/openapi.json"):
        response = client.get(path)
        assert response.status_code == 200 and response.headers["content-type"] == "application/json", path
        json.loads(response.content)
    names = {n for e in client.get("/api/events?limit=500").json()["events"] for n in e["source_names"] or []}
    assert any(SCRIPT in n for n in names)  # the API gives data, not HTML: unescaped and exact


# -- SQL-like strings in every filter --------------------------------------------------------


def contains(value: str, text: str | None) -> bool:
    return value.lower() in (text or "").lower()


def expected_ids(field: str, value: str, events: list[dict], places: dict) -> set[str] | None:
    """What a filter means, as plain Python over every event: the answer a bound parameter gives.
    None where the API refuses the value (a type, a date, a quad class)."""
    def named(side: str, e: dict) -> bool:
        return any(contains(value, n) for n in e[f"{side}_names"] or [])

    def place(e: dict) -> bool:
        found = places.get((e["doc_id"], e["location"]))
        return bool(found) and ((found["country"] or "").upper() == value.upper() or contains(value, found["name"]))

    match = {
        "actor": lambda e: named("source", e) or named("target", e),
        "dyad": lambda e: named("source", e) and named("target", e),
        "doc": lambda e: e["doc_id"] == value,
        "cluster": lambda e: e["cluster_id"] == value,
        "asserted_by": lambda e: contains(value, e["attributed_to"]),
        "outlet": lambda e: contains(value, e["outlet"]),
        "place": place,
        "type": lambda e: e["type"].upper() == value.upper(),
        "modality": lambda e: e["modality"].lower() == value.lower(),
    }.get(field)
    return None if match is None else {e["id"] for e in events if match(e)}


API_FIELDS = ["actor", "dyad", "type", "since", "until", "doc", "asserted_by", "quad", "modality", "place",
              "outlet", "cluster"]


def test_the_sql_like_values_match_something(everything, places):
    """The filters below are not vacuous: several values are inside stored words."""
    for field in ("actor", "outlet", "asserted_by", "place"):
        assert expected_ids(field, "'; DROP TABLE events; --", everything, places), field
        assert expected_ids(field, "%", everything, places) and not expected_ids(field, "' OR '1'='1", everything,
                                                                                   places)


@pytest.mark.parametrize("field", API_FIELDS)
@pytest.mark.parametrize("value", SQL_VALUES)
def test_api_event_filters_bind_sql_like_values(client, everything, places, field, value):
    params = [("dyad", value), ("dyad", value)] if field == "dyad" else [(field, value)]
    response = client.get("/api/events", params=params + [("limit", "500")])
    assert response.status_code in (200, 422), response.text[:300]
    assert isinstance(response.json(), dict)
    if response.status_code == 422:  # a closed vocabulary, a date or a number: refused, named
        assert field in response.json()["detail"] and field in ("type", "since", "until", "quad", "modality")
        return
    answer = response.json()
    assert {e["id"] for e in answer["events"]} == expected_ids(field, value, everything, places)
    assert answer["total"] == len(answer["events"])


CLI_OPTIONS = {"actor": "--actor", "dyad": "--dyad", "type": "--type", "since": "--since", "until": "--until",
               "asserted_by": "--asserted-by", "modality": "--modality", "place": "--place", "outlet": "--outlet",
               "cluster": "--cluster"}


@pytest.mark.parametrize("field", sorted(CLI_OPTIONS))
@pytest.mark.parametrize("value", SQL_VALUES)
def test_cli_event_filters_bind_sql_like_values(db, everything, places, field, value):
    option = [CLI_OPTIONS[field], value] + ([value] if field == "dyad" else [])
    result = CliRunner().invoke(cli, ["events", "--db", str(db), "--json", *option])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if field in ("since", "until"):
        assert result.exit_code == 2 and "not a date" in result.output
        return
    assert result.exit_code == 0, result.output
    ids = {json.loads(line)["id"] for line in result.stdout.splitlines() if line.strip()}
    assert ids == expected_ids(field, value, everything, places)


@pytest.mark.parametrize("value", SQL_VALUES)
def test_series_network_quotes_bind_sql_like_values(client, db, value):
    for path, params in (("/api/series", {"a": value, "b": "RUS"}), ("/api/series", {"a": "RUS", "b": "UKR",
                                                                                    "since": value}),
                         ("/api/network", {"actor": value}), ("/api/actors", {"until": value})):
        response = client.get(path, params=params)
        assert response.status_code == 422 and response.json()["detail"], (path, params)
    with Store(db, read_only=True) as store:
        every_quote = store.quotes()
    for field in ("speaker", "about", "doc"):
        response = client.get("/api/quotes", params={field: value, "limit": 500})
        assert response.status_code == 200, response.text[:300]
        rows = response.json()
        if field == "speaker":
            expected = [q for q in every_quote if contains(value, q["speaker"])
                        or (q["speaker_code"] or "").startswith(value.upper())]
            assert [(r["doc_id"], r["position"]) for r in rows] == [(q["doc_id"], q["position"]) for q in expected]
        elif field == "doc":
            assert rows == []
    for args in (["series", value, "RUS"], ["network", "--actor", value], ["quotes", "--actor", value, "--json"],
                 ["quotes", "--about", value, "--json"], ["series", "RUS", "UKR", "--since", value]):
        result = CliRunner().invoke(cli, [*args, "--db", str(db)])
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
        assert result.exit_code in (0, 2), (args, result.output)


class _Recording:
    """A store connection that fails the test when a value it was told to watch is in SQL text."""

    def __init__(self, real, watched: str):
        self._real, self._watched, self.statements = real, watched, 0

    def _check(self, sql: str) -> None:
        assert self._watched not in sql, f"a filter value was written into SQL: {sql[:200]}"
        self.statements += 1

    def execute(self, sql, params=None):
        self._check(sql)
        return self._real.execute(sql, params) if params is not None else self._real.execute(sql)

    def executemany(self, sql, params):
        self._check(sql)
        return self._real.executemany(sql, params)

    def __getattr__(self, name):
        return getattr(self._real, name)


WATCHED = ["'; DROP TABLE events; --", "x') OR ('a'='a", "%' OR 1=1 --", "\"; SELECT 1; --"]


@pytest.mark.parametrize("value", WATCHED)
def test_no_store_read_writes_a_value_into_sql(db, value):
    """Each read the API and CLI use, with a value that would break SQL if it were interpolated:
    the value is never in the statement text (so it can only be a bound parameter)."""
    with Store(db, read_only=True) as store:
        counts = {t: store.count(t) for t in ("documents", "events", "actors", "quotes", "places")}
        recording = store.con = _Recording(store.con, value)
        for field in ("actor", "type", "doc_id", "asserted_by", "modality", "place", "outlet", "cluster_id"):
            store.events(EventFilter(**{field: value}))
        store.events(EventFilter(dyad=(value, value)))
        store.quotes(actor=value, doc_id=value)
        store.said_about(value)
        store.series(value, value)
        store.network(value)
        store.entities(search=value)
        assert store.document(value) is None and store.history(value) == [] and store.remembered(value) == []
        assert recording.statements >= 15
        store.con = recording._real
        assert {t: store.count(t) for t in counts} == counts


def test_cli_prints_stored_markup_as_text(db, everything):
    doc_id = next(e["doc_id"] for e in everything if RICH in " ".join(e["source_names"] or []))
    for args in (["documents"], ["show", doc_id], ["quotes"], ["actors", "list"], ["clusters"], ["events"],
                 ["failures"], ["check"]):
        result = CliRunner().invoke(cli, [*args, "--db", str(db)])
        assert result.exit_code == 0 and result.exception is None, (args, repr(result.exception))
    shown = CliRunner().invoke(cli, ["show", doc_id, "--db", str(db)]).output
    assert "[/x]" in shown  # printed, not read as markup


@pytest.mark.parametrize("args", [["network", "--actor", "[/x]"], ["series", "[/x]", "RUS"]])
def test_cli_titles_take_markup_like_values(db, args):
    result = CliRunner().invoke(cli, [*args, "--db", str(db)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


# -- paths and ids never reach the disk ------------------------------------------------------

TRAVERSALS = ["/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e%2fapp.py",
              "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/..%5c..%5capp.py",
              "/static/%2Fetc%2Fpasswd", "/static//etc/passwd", "/api/documents/..%2F..%2F..%2Fetc%2Fpasswd",
              "/api/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/documents/..%2F..%2Fetc%2Fpasswd",
              "/documents/%2e%2e%2fapp.py", "/static/%00../app.py"]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_is_refused_or_not_found(client, path):
    response = client.get(path)
    assert response.status_code in (400, 404, 422), path
    assert "def create_app" not in response.text and "root:x:0:0" not in response.text


def test_static_files_are_still_served(client):
    assert client.get("/static/style.css").status_code == 200


def test_cli_show_takes_an_id_not_a_path(db):
    result = CliRunner().invoke(cli, ["show", "../../../../etc/passwd", "--db", str(db)])
    assert result.exit_code != 0 and "no document" in result.output and "root:x:0:0" not in result.output
    assert isinstance(result.exception, SystemExit)


# -- request bodies ---------------------------------------------------------------------------

BODIES = {
    "truncated": b'{"text": "Russia accused', "not json": b"text=Russia", "empty object": b"{}",
    "null": b"null", "array": b'["Russia accused Ukraine"]', "number text": b'{"text": 5}',
    "deep nesting": b"[" * 200_000, "deep object": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    "invalid utf-8": b'{"text": "\xff\xfe Russia"}', "lone surrogate": b'{"text": "\\ud800 Russia accused Ukraine."}',
    "nul": b'{"text": "\x00"}', "huge number": b'{"text": "x", "published": ' + b"9" * 5000 + b"}",
}


@pytest.mark.parametrize("name", sorted(BODIES))
def test_a_malformed_body_is_4xx_with_a_message(client, name):
    response = client.post("/api/extract", content=BODIES[name], headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500, (name, response.status_code, response.text[:200])
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail and "Traceback" not in response.text


def test_an_oversized_body_is_refused_with_or_without_a_length(client):
    big = b'{"text": "' + b"x" * (MAX_BODY + 10) + b'"}'
    declared = client.post("/api/extract", content=big, headers={"content-type": "application/json"})
    assert declared.status_code == 413 and "too large" in declared.json()["detail"]

    def chunks():  # streamed without a Content-Length: the size cannot be checked before reading
        for start in range(0, len(big), 65536):
            yield big[start:start + 65536]

    streamed = client.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 411 and "Content-Length" in streamed.json()["detail"]
    lying = client.post("/api/extract", content=big, headers={"content-type": "application/json",
                                                               "content-length": "-5"})
    assert 400 <= lying.status_code < 500


def test_markup_pasted_into_extract_comes_back_as_json_data(client):
    response = client.post("/api/extract", json={"text": ARTICLES[0][0], "title": SCRIPT, "outlet": IMG})
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    record = response.json()["record"]
    assert (record["text"], record["title"], record["outlet"]) == (ARTICLES[0][0], SCRIPT, IMG)


# -- HTML readers never fetch ----------------------------------------------------------------

EXTERNAL_PAGE = """<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>
<html><head><title>Talks resume</title>
<base href="http://evil.example/">
<link rel="stylesheet" href="http://evil.example/style.css">
<script src="http://evil.example/tracker.js"></script>
<meta http-equiv="refresh" content="0; url=http://evil.example/">
<style>@import url("http://evil.example/import.css");</style></head>
<body><iframe src="http://evil.example/frame"></iframe>
<article><h1>Talks resume</h1>
<p>TOKYO, March 1 (Reuters) - Japan and South Korea agreed on Friday to resume security talks that were
suspended five years ago, officials in Tokyo said after a meeting of the two foreign ministers.</p>
<img src="http://evil.example/pixel.gif"><svg><image href="http://evil.example/a.png"/></svg>
<p>The ministers said the talks would cover missile warnings and maritime patrols &xxe; in the region,
and that a first round would be held in Seoul before the summer, according to a joint statement.</p>
<object data="http://evil.example/x.swf"></object><video src="http://evil.example/v.mp4"></video>
</article></body></html>"""


@pytest.fixture
def no_network(monkeypatch):
    attempts: list = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_html_readers_never_fetch_external_resources(tmp_path, no_network):
    from dyad.ingest import ReadError, read_paths
    from dyad.ingest.html import read_html

    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-TOKEN-FROM-DISK", encoding="utf-8")
    page = EXTERNAL_PAGE.format(secret=secret)
    article = read_html(page)
    assert "Japan and South Korea agreed" in article.text and "maritime patrols" in article.text
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    read = list(read_paths([str(tmp_path / "page.html")]))
    assert len(read) == 1 and not isinstance(read[0], ReadError) and "security talks" in read[0].text
    for text in (article.text, read[0].text, article.title or ""):
        assert "SECRET-TOKEN" not in text and "evil.example" not in text
    assert no_network == []
