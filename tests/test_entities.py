"""One actor across documents: automatic links by registry or folded name, and undoable merges."""

import pytest

from dyad.records import Actor, DocumentRecord
from dyad.store import Store
from dyad.store.entities import folded


def doc(doc_id, *actors):
    return DocumentRecord(id=doc_id, text=f"text of {doc_id}", published="2024-03-06", actors=list(actors))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "e.duckdb") as store:
        store.save(doc("d1", Actor("a1", "Sergey Lavrov", "RUSGOV", "RUS", "GOV", "person", mentions=[(0, 4)])))
        store.save(doc("d2", Actor("a1", "Sergei Lavrov", "RUSGOV", "RUS", "GOV", "person", mentions=[(0, 4)]),
                       Actor("a2", "Russia", "RUS", "RUS", kind="country", mentions=[(5, 7)])))
        store.save(doc("d3", Actor("a1", "S. Lavrov", "RUSGOV", "RUS", "GOV", "person", mentions=[(0, 4)]),
                       Actor("a2", "Russian Federation", "RUS", "RUS", kind="country", mentions=[(5, 7)])))
        yield store


def entity(store, name):
    return next(e for e in store.entities(name) if name in e["names"])


def test_spelling_variants_and_country_names_are_one_entity(store):
    assert folded("Sergey Lavrov") == folded("Sergei Lavrov")
    lavrov = entity(store, "Sergey Lavrov")
    assert set(lavrov["names"]) == {"Sergey Lavrov", "Sergei Lavrov"} and lavrov["documents"] == 2
    russia = entity(store, "Russia")
    assert set(russia["names"]) == {"Russia", "Russian Federation"} and russia["codes"] == ["RUS"]


def test_a_merge_joins_and_an_unmerge_puts_everything_back(store):
    lavrov, initial = entity(store, "Sergey Lavrov"), entity(store, "S. Lavrov")
    assert lavrov["entity_id"] != initial["entity_id"]
    merge_id = store.merge_entities(lavrov["entity_id"], initial["entity_id"])
    assert entity(store, "S. Lavrov")["documents"] == 3
    store.unmerge_entities(merge_id)
    assert entity(store, "S. Lavrov")["entity_id"] == initial["entity_id"]
    assert entity(store, "Sergey Lavrov")["documents"] == 2
    with pytest.raises(ValueError, match="already undone"):
        store.unmerge_entities(merge_id)


def test_a_merge_with_no_such_entity_is_refused(store):
    with pytest.raises(ValueError, match="no entity"):
        store.merge_entities(entity(store, "Russia")["entity_id"], "ent-nothing")


def test_deleting_a_document_removes_its_links(store):
    store.delete("d3")
    assert entity(store, "Russia")["documents"] == 1
    assert not [e for e in store.entities("S. Lavrov") if "S. Lavrov" in e["names"]]
