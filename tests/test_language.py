"""Documents in other languages are stored with their language, not coded as English nonsense."""

from dyad.api import extract_records
from dyad.ingest.language import detect
from dyad.records import Document
from dyad.store import Store

GERMAN = "Die Bundesregierung hat am Montag beschlossen, die Sanktionen gegen Russland zu verlängern."
RUSSIAN = "Москва заявила в понедельник, что проведет переговоры с Китаем по вопросам торговли."
ENGLISH = "Russia attacked Ukraine on Tuesday, officials said in Kyiv after the night's shelling."


def test_the_language_is_told_only_when_there_is_enough_text():
    assert (detect(GERMAN), detect(RUSSIAN), detect(ENGLISH)) == ("de", "ru", "en")
    assert detect("AFP 12:04") is None and detect("") is None


def test_other_languages_come_back_uncoded_in_input_order(tmp_path):
    documents = [Document(text=t, id=f"d{i}") for i, t in enumerate([ENGLISH, GERMAN, ENGLISH + " Again.", RUSSIAN])]
    records = list(extract_records(documents))
    assert [r.id for r in records] == ["d0", "d1", "d2", "d3"]
    assert [(r.language, r.status) for r in records] == [
        ("en", "coded"), ("de", "not coded: language de"), ("en", "coded"), ("ru", "not coded: language ru")]
    assert records[1].events == [] and records[1].actors == [] and records[0].events
    with Store(tmp_path / "l.duckdb") as store:
        for record in records:
            store.save(record)
        statuses = {row["id"]: (row["language"], row["status"]) for row in store.documents()}
    assert statuses["d1"] == ("de", "not coded: language de") and statuses["d0"] == ("en", "coded")


def test_a_given_language_is_trusted():
    (record,) = extract_records([Document(text=GERMAN, id="x", language="en")])
    assert record.status == "coded"
