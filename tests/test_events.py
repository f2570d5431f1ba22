"""The event coder on single sentences: type, dyad, modality, date and attribution."""


from dyad import extract

PUBLISHED = "2024-03-06"  # a Wednesday


def events(text, published=PUBLISHED):
    record = extract(text, published=published)
    return {record.text[e.trigger[0] : e.trigger[1]]: e for e in record.events}


def test_condemnation_with_possessive_target():
    e = events("Japan condemned North Korea's missile launch on Tuesday.")["condemned"]
    assert (e.type, e.source_codes, e.target_codes) == ("ACCUSE", ["JPN"], ["PRK"])
    assert e.cameo and e.goldstein is not None and e.goldstein < 0 and e.quad_class == 3
    assert (e.date, e.date_source, e.date_precision) == ("2024-03-05", "text", "day")


def test_phrase_trigger_takes_target_from_its_preposition():
    e = events("Israel imposed sanctions on Iranian banks.")["imposed sanctions"]
    assert (e.type, e.source_codes, e.target_codes) == ("SANCTION", ["ISR"], ["IRN"])


def test_future_tense_is_future_modality():
    e = events("Germany will send tanks to Ukraine.")["send"]
    assert (e.source_codes, e.target_codes, e.modality) == (["DEU"], ["UKR"], "future")


def test_negation_is_kept_with_the_event():
    e = events("Egypt did not sign the agreement with Sudan.")["sign"]
    assert e.modality == "negated" and e.source_codes == ["EGY"]


def test_denied_event_is_negated_and_the_denial_is_an_event():
    found = events("Iran denied that it had supplied drones to Russia.")
    assert (found["denied"].type, found["denied"].source_codes) == ("REJECT", ["IRN"])
    assert (found["supplied"].type, found["supplied"].modality) == ("AID", "negated")
    assert found["supplied"].target_codes == ["RUS"]


def test_accusation_object_is_the_alleged_doer():
    found = events("The United States accused China of hacking government computers.")
    accuse = found["accused"]
    assert (accuse.type, accuse.source_codes, accuse.target_codes) == ("ACCUSE", ["USA"], ["CHN"])
    hacking = found["hacking"]
    assert hacking.source_codes == ["CHN"] and hacking.modality == "alleged"


def test_what_is_urged_is_the_content_of_the_request_not_an_event():
    found = events("The European Union urged Serbia to recognise Kosovo.")
    assert (found["urged"].type, found["urged"].target_codes) == ("REQUEST", ["SRB"])
    assert "recognise" not in found


def test_a_demand_targets_the_subject_of_its_content_clause():
    found = events("Poland demanded that Russia withdraw its troops.")
    assert (found["demanded"].type, found["demanded"].source_codes, found["demanded"].target_codes) == (
        "REQUEST", ["POL"], ["RUS"])
    assert "withdraw" not in found


def test_an_offer_takes_the_target_of_what_is_offered():
    found = events("Norway offered to send aid to Sudan.")
    assert (found["offered"].type, found["offered"].source_codes, found["offered"].target_codes) == (
        "AGREE", ["NOR"], ["SDN"])


def test_future_cooperation_is_coded_as_agree_by_plover_convention():
    visit = events("The Indian prime minister will visit Dhaka next month.")["visit"]
    assert (visit.type, visit.modality, visit.target_codes) == ("AGREE", "future", ["BGD"])


def test_modal_makes_hypothetical():
    e = events("Russia could invade Moldova, analysts warned.")["invade"]
    assert (e.type, e.source_codes, e.target_codes, e.modality) == ("ASSAULT", ["RUS"], ["MDA"], "hypothetical")


def test_reported_event_is_attributed_to_the_speaker():
    e = events("Ukraine's defence ministry said Russian forces shelled Kharkiv overnight.")["shelled"]
    assert e.type == "ASSAULT" and e.source_codes[0].startswith("RUS") and e.target_codes == ["UKR"]
    assert "defence ministry" in e.attributed_to


def test_passive_with_agent():
    e = events("The Georgian opposition leader was arrested by police in Tbilisi.")["arrested"]
    assert e.type == "COERCE" and e.target_codes and e.target_codes[0].startswith("GEO")


def test_week_expression_dates_the_event_with_week_precision():
    e = events("China expelled two Canadian diplomats last week.")["expelled"]
    assert (e.type, e.source_codes, e.target_codes) == ("SANCTION", ["CHN"], ["CANGOV"])
    assert (e.date, e.date_precision) == ("2024-W09", "week")


def test_without_publication_date_relative_dates_stay_unresolved():
    e = events("Japan condemned the launch on Tuesday.", published=None)["condemned"]
    assert e.date is None and e.date_source == "none"


def test_no_event_in_a_sentence_without_political_action():
    assert events("The weather in Oslo was mild and sunny.") == {}


def test_event_location_from_its_own_clause():
    record = extract("The Turkish president visited Baghdad on Monday and accused Syria of shelling.", published=PUBLISHED)
    places = {p.id: p for p in record.places}
    by_trigger = {record.text[e.trigger[0] : e.trigger[1]]: e for e in record.events}
    visit = places[by_trigger["visited"].location]
    assert (visit.name, visit.country) == ("Baghdad", "IRQ") and abs(visit.lat - 33.3) < 0.5
    assert by_trigger["accused"].location is None  # "accused Syria": a target, not a place


def test_events_of_a_state_that_no_longer_exists_are_historical_background():
    found = events("Relations were warm when the Soviet Union supplied weapons to Cuba.", published="2024-01-15")
    supplied = found["supplied weapons"]
    assert supplied.source_codes == ["SUN"] and supplied.modality == "historical"
    assert supplied.date is None  # not the publication date: the text does not say when


def test_a_state_that_still_exists_is_not_history():
    supplied = events("Russia supplied weapons to Cuba.", published="2024-01-15")["supplied weapons"]
    assert supplied.modality == "asserted" and supplied.date == "2024-01-15"


def test_a_preposition_inside_the_trigger_phrase_gives_the_target():
    e = events("The Chinese foreign minister met with Brazilian officials in Beijing.")["met with"]
    assert e.type == "CONSULT" and e.source_codes == ["CHNGOV"] and e.target_codes[0].startswith("BRA")
