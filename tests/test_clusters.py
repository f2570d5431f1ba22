"""One real-world event across many reports: clustering in the store, incrementally."""

import pytest

from dyad.api import extract_records
from dyad.records import Document
from dyad.resolve.clusters import Mention, score, SAME_EVENT
from dyad.store import EventFilter, Store


def report(text, doc_id, outlet, published):
    document = Document(text=text, id=doc_id, outlet=outlet, published=published, published_source="given")
    return next(extract_records([document]))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "clusters.duckdb") as store:
        yield store


def clusters_of(store, doc_id):
    return {row["cluster_id"] for row in store.events(EventFilter(doc_id=doc_id))}


def test_two_outlets_reporting_one_attack_are_one_event(store):
    store.save(report("Russian forces shelled Kharkiv on Tuesday, killing four civilians.", "a", "Reuters", "2024-03-06"))
    store.save(report("Ukraine said Russian forces shelled the city of Kharkiv on Tuesday.", "b", "AP", "2024-03-07"))
    store.save(report("Russian troops attacked Ukrainian positions near Kharkiv in the shelling on Tuesday.",
                      "c", "AFP", "2024-03-06"))
    shared = clusters_of(store, "a") & clusters_of(store, "b")
    assert shared
    (row,) = [r for r in store.clusters() if r["cluster_id"] in shared]
    assert row["n_documents"] >= 2 and row["n_outlets"] >= 2 and row["earliest_report"] == "2024-03-06"
    assert row["confidence"] > 0.5


def test_the_same_dyad_months_apart_is_another_event(store):
    store.save(report("Russian forces shelled Kharkiv on Tuesday.", "a", "Reuters", "2024-03-06"))
    store.save(report("Russian forces shelled Kharkiv on Tuesday.", "b", "Reuters", "2024-09-18"))
    assert not clusters_of(store, "a") & clusters_of(store, "b")


def test_a_meeting_is_not_an_attack_between_the_same_countries(store):
    store.save(report("Russia attacked Ukraine on Tuesday.", "a", "Reuters", "2024-03-06"))
    store.save(report("Russia met Ukraine on Tuesday.", "b", "AP", "2024-03-06"))
    assert not clusters_of(store, "a") & clusters_of(store, "b")


def test_deleting_a_report_leaves_the_others_clustered(store):
    store.save(report("Russian forces shelled Kharkiv on Tuesday.", "a", "Reuters", "2024-03-06"))
    store.save(report("Russian forces shelled Kharkiv on Tuesday, officials said.", "b", "AP", "2024-03-06"))
    (cluster,) = clusters_of(store, "b")
    store.delete("a")
    (row,) = [r for r in store.clusters() if r["cluster_id"] == cluster]
    assert row["n_documents"] == 1


def test_a_joint_meeting_told_either_way_round_is_one_event():
    base = dict(doc_id="a", type="CONSULT", date="2024-03-05", precision="day", dated_by_text=True, place=None,
                words=frozenset({"talks", "moscow"}))
    a = Mention("e1", source="RUSGOV", target="CHNGOV", **base)
    b = Mention("e2", **{**base, "doc_id": "b"}, source="CHNGOV", target="RUSGOV")
    assert score(a, b) >= SAME_EVENT
    assaults = Mention("e3", **{**base, "doc_id": "c", "type": "ASSAULT"}, source="CHNGOV", target="RUSGOV")
    assert score(a, assaults) == 0.0


def test_an_edited_document_keeps_the_history_of_what_changed(store):
    store.save(report("Russia attacked Ukraine on Tuesday.", "a", "Reuters", "2024-03-06"))
    store.save(report("Russia met Ukraine on Tuesday.", "a", "Reuters", "2024-03-06"))
    (change,) = store.history("a")
    assert any("ASSAULT" in e for e in change["events_removed"])
    assert any("CONSULT" in e for e in change["events_added"])
    store.delete("a")
    assert store.history("a") == []
