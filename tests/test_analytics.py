"""Questions of a whole store, on records built by hand: series, network, who said what about whom."""

import pytest

from dyad.records import Actor, DocumentRecord, Event, Quote
from dyad.store import EventFilter, Store


def event(doc, n, kind, quad, goldstein, source, target, date, precision="day"):
    return Event(id=f"ev-{doc}-{n}", type=kind, trigger=(0, 4), sentence=(0, 40), quad_class=quad,
                 goldstein=goldstein, source=[source[0]], target=[target[0]], source_codes=[source[1]],
                 target_codes=[target[1]], date=date, date_precision=precision, date_source="text")


TEXT = "Russian forces hit Ukraine, and China said Ukraine must talk."


def at(word, after=0):
    start = TEXT.index(word, after)
    return (start, start + len(word))


RUS, UKR, CHN = ("a1", "RUSMIL"), ("a2", "UKR"), ("a3", "CHNGOV")
SAID = at("Ukraine must talk.")
ACTORS = [Actor("a1", "Russian forces", "RUSMIL", "RUS", "MIL", mentions=[at("Russian forces")]),
          Actor("a2", "Ukraine", "UKR", "UKR", mentions=[at("Ukraine"), at("Ukraine", SAID[0])]),
          Actor("a3", "China", "CHNGOV", "CHN", "GOV", mentions=[at("China")])]


def record(doc_id, outlet, events, quotes=()):
    return DocumentRecord(id=doc_id, text=TEXT + f" ({doc_id})", published="2024-03-06", outlet=outlet,
                          actors=ACTORS, events=events, quotes=list(quotes))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "a.duckdb") as store:
        # one attack told by two outlets, one more attack in April, a March talk, a year-dated one
        store.save(record("d1", "Reuters", [event("d1", 1, "ASSAULT", 4, -10.0, RUS, UKR, "2024-03-05"),
                                            event("d1", 2, "CONSULT", 1, 1.0, UKR, RUS, "2024-03-20")]))
        store.save(record("d2", "AP", [event("d2", 1, "ASSAULT", 4, -10.0, RUS, UKR, "2024-03-05")]))
        store.save(record("d3", "AFP", [event("d3", 1, "ASSAULT", 4, -9.0, RUS, UKR, "2024-04-11"),
                                        event("d3", 2, "ACCUSE", 3, -2.0, RUS, UKR, "2024", "year")],
                          [Quote(source=[at("China")], cue=[at("said")], content=[SAID], speaker="China",
                                 speaker_id="a3")]))
        yield store


def test_a_dyads_monthly_series_counts_each_real_world_event_once(store):
    march, april = store.series("RUS", "UKR")
    assert (str(march["period"]), march["events"], march["material_conflict"], march["verbal_cooperation"]) == (
        "2024-03-01", 2, 1, 1)
    assert march["cooperation_minus_conflict"] == 0 and march["mean_goldstein"] == pytest.approx(-4.5)
    assert (str(april["period"]), april["events"]) == ("2024-04-01", 1)
    # the year-dated accusation has no month: it is in the yearly series only
    (year,) = store.series("UKR", "RUS", by="year")
    assert year["events"] == 4 and year["verbal_conflict"] == 1


def test_a_series_filters_by_date_and_refuses_an_unknown_period(store):
    assert [str(r["period"]) for r in store.series("RUS", "UKR", since="2024-04")] == ["2024-04-01"]
    with pytest.raises(ValueError, match="period"):
        store.series("RUS", "UKR", by="fortnight")


def test_the_network_is_weighted_and_signed(store):
    edges = {(e["source"], e["target"]): e for e in store.network()}
    attack = edges[("RUS", "UKR")]
    assert attack["events"] == 3 and attack["sign"] == "conflict" and attack["conflict"] == 3
    assert edges[("UKR", "RUS")]["sign"] == "cooperation"
    assert {(e["source"], e["target"]) for e in store.network(level=6)} >= {("RUSMIL", "UKR")}
    assert all("CHN" not in (e["source"], e["target"]) for e in store.network(actor="UKR"))


def test_who_said_what_about_whom(store):
    (said,) = store.said_about("UKR")
    assert (said["speaker"], said["speaker_code"], said["about_code"]) == ("China", "CHNGOV", "UKR")
    assert store.said_about("RUS") == []  # Russia is not named inside China's words


def test_event_filters_by_quad_class_modality_outlet_and_page(store):
    assert {r["type"] for r in store.events(EventFilter(quad_class=4))} == {"ASSAULT"}
    assert {r["outlet"] for r in store.events(EventFilter(outlet="reut"))} == {"Reuters"}
    assert len(store.events(EventFilter(modality="asserted"))) == 5
    first, second = (store.events(EventFilter(limit=2, offset=n)) for n in (0, 2))
    assert len(first) == len(second) == 2 and not {r["id"] for r in first} & {r["id"] for r in second}
