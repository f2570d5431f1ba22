"""Corpus memory: a person introduced with a title in one stored article codes a bare mention in the next."""

import pytest

from dyad import extract
from dyad.resolve.memory import family_name, name_key, recall
from dyad.store import Store

FIRST = "Brazilian Energy Minister Alexandre Silveira met his Argentine counterpart in Brasilia on Monday."
LATER = "Silveira criticised the trade restrictions on Thursday."


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "memory.duckdb") as store:
        yield store


def person(record, name):
    return next(a for a in record.actors if name in a.name)


def test_name_keys_ignore_case_and_hyphens():
    assert name_key("Kim Jong-un") == name_key("kim  jong un")
    assert family_name("Choi Seong-hee", "PRK") == "choi"
    assert family_name("Alexandre Silveira", "BRA") == "silveira"


def test_a_later_bare_surname_is_coded_from_the_stored_introduction(store):
    first = extract(FIRST, published="2024-02-05")
    assert person(first, "Silveira").code == "BRAGOV"
    store.save(first)

    later = extract(LATER, published="2024-02-08")
    assert person(later, "Silveira").code is None  # the article alone does not say who he is
    assert recall(later, store.remembered) == 1
    silveira = person(later, "Silveira")
    assert (silveira.code, silveira.evidence_doc) == ("BRAGOV", first.id)
    assert all(e.source_codes == ["BRAGOV"] for e in later.events if silveira.id in e.source)


def test_two_remembered_people_with_one_name_code_nobody(store):
    store.save(extract("Indian Defence Minister Rajnath Singh visited Moscow.", published="2024-01-01"))
    store.save(extract("Pakistani army spokesman Ahmed Singh denied the report.", published="2024-01-02"))
    later = extract("Singh said the talks would continue.", published="2024-01-03")
    recall(later, store.remembered)
    assert all(a.code is None for a in later.actors if a.name == "Singh")


def test_deleting_the_introducing_article_forgets_the_person(store):
    first = extract(FIRST, published="2024-02-05")
    store.save(first)
    store.delete(first.id)
    later = extract(LATER, published="2024-02-08")
    assert recall(later, store.remembered) == 0
