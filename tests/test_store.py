"""The DuckDB store, on records built by hand (no NLP): idempotence, replacement, deletion, filters."""

import json
from pathlib import Path

import duckdb
import pytest

from dyad.records import Actor, DocumentRecord, Event
from dyad.store import EventFilter, Store, StoreError
from dyad.store.migrations import SCHEMA_VERSION

TEXT = "Russia's foreign minister met his Chinese counterpart in Beijing on Tuesday."


def span(text, word):
    start = text.index(word)
    return (start, start + len(word))


def make_record(text=TEXT, doc_id="doc-1", date="2024-03-05"):
    actors = [
        Actor(id="a1", name="Russia", code="RUSGOV", country="RUS", sector="GOV", mentions=[(0, 6)]),
        Actor(id="a2", name="China", code="CHNGOV", country="CHN", sector="GOV", mentions=[span(text, "Chinese")]),
    ]
    event = Event(
        id=f"ev-{doc_id}", type="CONSULT", mode="visit", cameo="043", trigger=span(text, "met"), sentence=(0, len(text)),
        source=["a1"], target=["a2"], source_codes=["RUSGOV"], target_codes=["CHNGOV"], date=date,
        date_precision="day", date_source="text",
    )
    return DocumentRecord(id=doc_id, text=text, published="2024-03-06", actors=actors, events=[event])


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "test.duckdb") as store:
        yield store


def test_same_document_twice_adds_nothing(store):
    assert store.save(make_record()) == "added"
    assert store.save(make_record()) == "unchanged"
    assert (store.count("documents"), store.count("events"), store.count("actors")) == (1, 1, 2)


def test_changed_text_replaces_old_rows(store):
    store.save(make_record())
    edited = make_record(text=TEXT.replace("Tuesday", "Wednesday"), date="2024-03-06")
    assert store.save(edited) == "replaced"
    assert store.count("events") == 1 and store.count("actors") == 2
    assert store.events()[0]["date"] == "2024-03-06"
    assert store.document("doc-1").text.endswith("Wednesday.")


def test_delete_removes_everything_derived(store):
    store.save(make_record())
    assert store.delete("doc-1")
    assert all(store.count(t) == 0 for t in ("documents", "events", "actors", "mentions"))
    assert not store.delete("doc-1")


def test_record_round_trips_through_the_store(store):
    record = make_record()
    store.save(record)
    assert store.document("doc-1").to_dict() == record.to_dict()


@pytest.mark.parametrize(
    "where, expected",
    [
        (EventFilter(actor="RUS"), 1),
        (EventFilter(actor="china"), 1),
        (EventFilter(actor="USA"), 0),
        (EventFilter(dyad=("CHN", "RUS")), 1),
        (EventFilter(dyad=("RUS", "USA")), 0),
        (EventFilter(type="consult"), 1),
        (EventFilter(type="ASSAULT"), 0),
        (EventFilter(since="2024-03-05", until="2024-03-05"), 1),
        (EventFilter(since="2024-04"), 0),
        (EventFilter(until="2024-03"), 1),
        (EventFilter(since="2024"), 1),
        (EventFilter(actor="' OR 1=1 --"), 0),
    ],
)
def test_event_filters(store, where, expected):
    store.save(make_record())
    assert len(store.events(where)) == expected


def test_event_rows_carry_their_evidence(store):
    store.save(make_record())
    row = store.events()[0]
    assert row["trigger_text"] == "met"
    assert row["evidence"] == TEXT
    assert row["source_names"] == ["Russia"] and row["target_names"] == ["China"]


def test_a_database_that_is_not_a_dyad_store_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).execute("CREATE TABLE x (a INT)").close()
    with pytest.raises(StoreError, match="not a dyad store"):
        Store(path, read_only=True)


def test_a_newer_schema_is_refused_not_misread(tmp_path):
    path = tmp_path / "new.duckdb"
    Store(path).close()
    duckdb.connect(str(path)).execute("UPDATE dyad_meta SET value = '99'").close()
    with pytest.raises(StoreError, match="schema version 99"):
        Store(path)


def test_a_bad_date_filter_is_an_error_not_an_empty_answer(store):
    with pytest.raises(ValueError, match="not a date"):
        store.events(EventFilter(since="last Tuesday"))


def write_version_1_store(path, record):
    """A store as the first dyad wrote it: its schema file (kept in tests/data) and its rows."""
    con = duckdb.connect(str(path))
    con.execute((Path(__file__).parent / "data" / "schema_v1.sql").read_text())
    con.execute("INSERT INTO dyad_meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO documents (id, content_hash, text, record) VALUES (?, 'old', ?, ?)",
                [record.id, record.text, json.dumps(record.to_dict())])
    for a in record.actors:
        con.execute("INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [record.id, a.id, a.name, a.code, a.country, a.sector, a.kind, a.role])
    for e in record.events:
        con.execute("INSERT INTO events VALUES (" + ", ".join("?" * 24) + ")", [
            e.id, record.id, e.type, e.mode, e.cameo, e.goldstein, e.quad_class, e.source, e.target,
            e.source_codes, e.target_codes, e.date, None, None, e.date_precision, e.date_source, e.modality,
            e.attributed_to, e.location, *e.trigger, *e.sentence, e.confidence])
    con.close()


def test_an_older_store_is_upgraded_in_place_and_keeps_its_rows(tmp_path):
    path, record = tmp_path / "old.duckdb", make_record()
    write_version_1_store(path, record)
    with pytest.raises(StoreError, match="dyad upgrade"):
        Store(path, read_only=True)  # a reader never changes the file
    with Store(path) as upgraded:
        assert upgraded.schema_version == SCHEMA_VERSION
        assert upgraded.count("documents") == 1 and upgraded.count("events") == len(record.events)
        rows = upgraded.events()
        assert all(row["cluster_id"] and row["source_key"] for row in rows)  # clustered after the upgrade
        assert all(row["attributed_id"] is None for row in rows)
        assert upgraded.entities()  # linked after the upgrade


def test_a_foreign_database_is_not_given_a_dyad_schema(tmp_path):
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).execute("CREATE TABLE x (a INT)").close()
    with pytest.raises(StoreError, match="not a dyad store"):
        Store(path)
    tables = duckdb.connect(str(path)).execute("SELECT table_name FROM information_schema.tables").fetchall()
    assert tables == [("x",)]


def test_a_healthy_store_checks_clean_and_damage_is_named(store):
    store.save(make_record())
    assert store.check() == []
    store.con.execute("DELETE FROM documents")  # rows left behind: what a half-written delete would leave
    assert "1 events rows whose document is gone" in store.check()


def test_failures_list_unread_inputs_and_uncoded_documents(store):
    run = store.start_run({})
    store.finish_run(run, {"added": 0}, [("bad.html", None, "no article text")])
    store.save(DocumentRecord(id="de-1", text="Die Regierung", language="de", status="not coded: language de"))
    reasons = {(row["path"], row["reason"]) for row in store.failures()}
    assert reasons == {("bad.html", "no article text"), ("de-1", "not coded: language de")}
