"""End to end on the example article: read → annotate → record, checking what an analyst needs."""

import json
from pathlib import Path

import pytest

from dyad.api import extract_records
from dyad.ingest import read_paths

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "seed-article.txt"


@pytest.fixture(scope="module")
def record():
    (document,) = list(read_paths([EXAMPLE]))
    return next(extract_records([document]))


def actor_at(record, phrase, occurrence=0):
    """The actor of the mention covering the n-th occurrence of phrase."""
    start = -1
    for _ in range(occurrence + 1):
        start = record.text.index(phrase, start + 1)
    for actor in record.actors:
        if any(s <= start < e for s, e in actor.mentions):
            return actor
    return None


def test_metadata_comes_from_the_sidecar(record):
    assert record.published == "2024-01-15"
    assert record.outlet == "UNN"


def test_choi_is_the_north_korean_government_throughout(record):
    choi = actor_at(record, "Choi Seong-hee")
    assert choi is not None and choi.code == "PRKGOV" and choi.kind == "person"
    for n in range(record.text.count("Choi ") + record.text.count("Choi'")):
        assert actor_at(record, "Choi", n) is choi


def test_lavrov_is_the_russian_government(record):
    assert actor_at(record, "Sergei Lavrov").code == "RUSGOV"


@pytest.mark.parametrize("name", ["russia", "moscow", "Muscovy", "Moscow"])
def test_names_standing_for_russia(record, name):
    assert actor_at(record, name).code[:3] == "RUS"  # "accused moscow": the government, RUSGOV


@pytest.mark.parametrize(
    "phrase, value",
    [("Sunday", "2024-01-14"), ("in July", "2023-07"), ("In October", "2023-10"), ("through Wednesday", "2024-01-17")],
)
def test_dates_resolved_against_publication(record, phrase, value):
    start = record.text.index(phrase)
    found = [t for t in record.times if t.start <= start + len(phrase) - 1 and start < t.end]
    assert found and found[0].value == value


def test_consult_between_north_korean_and_russian_governments(record):
    pairs = {
        (s[:3], t[:3])
        for e in record.events
        if e.type == "CONSULT"
        for s in e.source_codes
        for t in e.target_codes
    }
    assert ("PRK", "RUS") in pairs


def test_kcna_and_lukin_are_quoted(record):
    speakers = {record.actor(q.speaker_id).name if q.speaker_id else q.speaker for q in record.quotes}
    assert any("KCNA" in s for s in speakers)
    assert any("Lukin" in s for s in speakers)


def test_source_chain_is_unn_citing_reuters(record):
    chain = [s.name for s in record.sources if s.role in ("outlet", "cited")]
    assert chain[:2] == ["UNN", "Reuters"]


def test_every_span_points_into_the_text(record):
    text = record.text
    spans = [e.trigger for e in record.events] + [e.sentence for e in record.events]
    spans += [span for a in record.actors for span in a.mentions]
    spans += [(t.start, t.end) for t in record.times]
    spans += [span for q in record.quotes for span in q.source + q.cue + q.content]
    assert spans and all(0 <= s < e <= len(text) for s, e in spans)
    assert all(text[t.start : t.end] == t.text for t in record.times)


def test_events_are_dated_and_attributed(record):
    for event in record.events:
        assert event.date is not None and event.date_precision != "none"
        assert event.attributed_to
        if event.date_source == "publication":
            assert event.date == "2024-01-15"


def test_the_record_is_plain_json(record):
    assert json.loads(json.dumps(record.to_dict()))["id"] == record.id


@pytest.mark.parametrize(
    "phrase, code",
    [
        ("Vladimir Putin", "RUSGOV"),
        ("Kim Jong Un", "PRKGOV"),
        ("Sergei Shoigu", "RUSGOV"),  # defence minister: RUSGOV, with the MIL sub-sector after it
        ("Maria Zakharova", "RUSGOV"),
        ("Artyom Lukin", "RUSEDU"),
        ("KCNA", "PRKMED"),
        ("United States", "USA"),
        ("South Korea", "KOR"),
        ("Japan", "JPN"),
        ("Ukraine", "UKR"),
    ],
)
def test_every_actor_of_the_article_is_coded(record, phrase, code):
    assert actor_at(record, phrase).code.startswith(code)


def test_outlets_are_media(record):
    for outlet in ("UNN", "Reuters"):
        assert actor_at(record, outlet).code.endswith("MED")


def test_pronoun_and_title_resolve_to_people(record):
    assert actor_at(record, "she meets").name == "Choi Seong-hee"
    assert actor_at(record, "Russian president").name == "Vladimir Putin"
    assert actor_at(record, "Kim Jong-un").name == "Kim Jong Un"  # spelling variants: one actor


def test_places_have_coordinates(record):
    places = {p.name: p for p in record.places}
    assert abs(places["Moscow"].lat - 55.75) < 0.1 and abs(places["Moscow"].lon - 37.62) < 0.1
    assert abs(places["Pyongyang"].lat - 39.03) < 0.1 and abs(places["Pyongyang"].lon - 125.75) < 0.1
    assert places["Russia"].country == "RUS" and places["Russia"].lat is not None
    arrived = next(e for e in record.events if record.text[e.trigger[0] : e.trigger[1]] == "arrived")
    assert arrived.location == places["Moscow"].id


# -- the events the issue asks for (types, dyads, modality) ------------------------------------------


def events_at(record, phrase):
    """Events whose trigger lies inside the first occurrence of phrase."""
    start = record.text.index(phrase)
    return [e for e in record.events if start <= e.trigger[0] < start + len(phrase)]


def pairs(events):
    return {(s[:3], t[:3]) for e in events for s in e.source_codes for t in e.target_codes or [None]}


def test_shoigu_visit_in_july_and_kims_trip_are_consult_visits(record):
    (visit,) = [e for e in events_at(record, "Shoigu visited Pyongyang") if e.mode == "visit"]
    assert (visit.type, visit.source_codes[0][:3], visit.target_codes, visit.date) == ("CONSULT", "RUS", ["PRK"], "2023-07")
    trips = [e for e in events_at(record, "Kim Jong-un's trip to Russia") if e.type == "CONSULT"]
    assert trips and ("PRK", "RUS") in pairs(trips) and trips[0].mode == "visit"


def test_missile_test_condemned_by_three_countries(record):
    condemned = [e for e in events_at(record, "condemned by the United States") if e.type == "ACCUSE"]
    assert pairs(condemned) == {("USA", "PRK"), ("KOR", "PRK"), ("JPN", "PRK")}


def test_us_accusation_against_moscow_with_the_launches_alleged(record):
    accused = events_at(record, "accused moscow")
    assert accused and accused[0].type == "ACCUSE" and pairs(accused) == {("USA", "RUS")}
    launching = events_at(record, "launching North Korean-made")
    assert launching and all(e.modality == "alleged" and e.source_codes[0][:3] == "RUS" for e in launching)


def test_denial_is_reject_and_the_arms_supply_agreement_is_negated(record):
    deny = events_at(record, "deny arms")
    assert deny and deny[0].type == "REJECT" and {c[:3] for c in deny[0].source_codes} == {"RUS", "PRK"}
    agreements = events_at(record, "arms supply agreements")
    assert agreements and all(e.type == "AGREE" and e.modality == "negated" for e in agreements)
    assert pairs(agreements) == {("RUS", "PRK"), ("PRK", "RUS")}


def test_putins_visit_to_pyongyang_is_never_asserted(record):
    visit = events_at(record, "Putin will visit Pyongyang")
    assert visit and all(e.modality in ("future", "hypothetical") for e in visit)
    assert pairs(visit) == {("RUS", "PRK")}


def test_the_summit_between_putin_and_kim_is_a_joint_consultation(record):
    summit = events_at(record, "summit between")
    assert summit and all(e.type == "CONSULT" for e in summit)
    assert pairs(summit) == {("RUS", "PRK"), ("PRK", "RUS")}


def test_no_event_is_coded_twice(record):
    keys = [(e.type, tuple(e.source_codes), tuple(e.target_codes), e.date, e.modality, e.sentence,
             record.text[e.trigger[0] : e.trigger[1]].lower()) for e in record.events]
    assert len(keys) == len(set(keys))
