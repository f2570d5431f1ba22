"""Actors the text names only by role or by ethnicity take the country the sentence is about."""

from dyad import extract

PUBLISHED = "2024-03-06"


def codes(text):
    record = extract(text, published=PUBLISHED)
    return {a.name: a.code for a in record.actors}, record


def test_a_role_takes_the_country_of_the_place_it_acts_in():
    found, record = codes("Protesters blocked roads in Nairobi on Monday.")
    assert found["Protesters"] == "KENOPP"
    protesters = next(a for a in record.actors if a.name == "Protesters")
    # the code points back to the words that gave it
    assert any(record.text[s:e] == "Nairobi" for s, e in protesters.evidence)


def test_a_part_of_a_place_names_where_things_are():
    found, _ = codes("Thousands of workers took to the streets of Lyon on Monday.")
    assert found["workers"] == "FRALAB"


def test_a_title_takes_the_one_country_of_its_sentence():
    found, _ = codes("The president rejected the demands of the Kenya Human Rights Commission.")
    assert found["president"] == "KENGOV"


def test_no_country_is_guessed_when_the_sentence_names_two():
    found, _ = codes("The army said Russia and Ukraine exchanged prisoners.")
    assert found["army"] == "MIL"


def test_organisations_of_no_one_country_stay_so():
    found, _ = codes("Amnesty International criticised Egypt.")
    assert found["Amnesty International"].startswith("NGO")


def test_an_international_militant_group_takes_only_a_country_its_own_words_name():
    record = extract("Al Qaeda bombed a hotel in Mombasa.", published=PUBLISHED)
    assert [a.code[:3] for a in record.actors if "Qaeda" in a.name] == ["IMG"]  # not Kenya's
    record = extract("Yemen's Al Qaeda branch bombed a hotel in Mombasa.", published=PUBLISHED)
    assert [a.country for a in record.actors if "Qaeda" in a.name] == ["YEM"]


def test_an_ethnic_group_belongs_to_the_country_it_lives_in():
    found, _ = codes("Police arrested dozens of ethnic Uzbeks in southern Kyrgyzstan.")
    assert found["ethnic Uzbeks"] == "KGZ" and found["Police"] == "KGZCOP"


def test_an_ethnic_groups_fighters_keep_their_sector_and_take_the_country_they_fight_in():
    found, _ = codes("Ethnic Uzbek rebels attacked a police post in southern Kyrgyzstan.")
    assert found["Ethnic Uzbek rebels"] == "KGZREB"
    found, _ = codes("Ethnic Uzbek rebels attacked a police post.")
    assert found["Ethnic Uzbek rebels"] == "UZBREB"


def test_an_ethnic_group_without_a_place_keeps_its_demonym_country():
    found, _ = codes("Police arrested dozens of ethnic Uzbeks.")
    assert found["ethnic Uzbeks"] == "UZB"


def test_a_country_stated_on_the_same_side_wins_over_an_inferred_one():
    record = extract("The soldiers and Kenya attacked Somali villages.", published=PUBLISHED)
    (attack,) = [e for e in record.events if e.type == "ASSAULT"]
    assert attack.source_codes == ["KEN"]


def test_a_protest_with_no_named_target_is_against_its_own_country():
    record = extract("Thousands of Kenyans protested in Nairobi.", published=PUBLISHED)
    (protest,) = record.events
    assert (protest.type, protest.source_codes, protest.target_codes) == ("PROTEST", ["KEN"], ["KEN"])


def test_a_country_that_is_a_party_gives_no_country_to_a_bare_title():
    found, _ = codes("The secretary-general criticised Israel.")
    assert found["secretary-general"] == "GOV"


def test_troops_a_country_sends_are_its_own():
    record = extract("Britain sent troops that attacked Iraqi forces.", published=PUBLISHED)
    (attack,) = [e for e in record.events if e.type == "ASSAULT"]
    assert (attack.source_codes, attack.target_codes) == (["GBRMIL"], ["IRQMIL"])


def test_an_unknown_person_takes_the_code_of_the_title_in_apposition():
    found, record = codes("Juan Perez, a senior Bolivian diplomat, criticised Chile.")
    assert found["Juan Perez"] == "BOLGOV"
    perez = next(a for a in record.actors if a.name == "Juan Perez")
    assert [record.text[s:e] for s, e in perez.evidence] == ["Bolivian diplomat"]


def test_an_unknown_person_takes_the_country_named_before_the_name():
    found, _ = codes("Bolivian contractor Juan Perez criticised Chile.")
    assert found["Juan Perez"] == "BOL"


def test_an_unknown_person_named_in_full_who_acts_takes_the_country_of_the_sentence():
    found, _ = codes("Maria Lopez criticised the government in La Paz on Monday.")
    assert found["Maria Lopez"] == "BOL"
    # one word the NER takes for a name may be anything ("Karen guerrillas"): no country guessed
    found, _ = codes("Lopez criticised the government in La Paz on Monday.")
    assert found.get("Lopez") is None
    # one acted on may be a foreigner ("Bolivia extradited Maria Lopez")
    found, _ = codes("Police arrested Maria Lopez in La Paz on Monday.")
    assert found["Maria Lopez"] is None


def test_a_datelines_country_is_home_to_the_officials_named_before_any_other_country():
    text = ("WASHINGTON, March 6 - President Reagan announced he is sending Secretary of State George Shultz "
            "to Moscow for talks with Foreign Minister Eduard Shevardnadze next month.")
    found, _ = codes(text)
    assert found["Reagan"] == "USAGOV" and found["George Shultz"] == "USAGOV"
    shevardnadze = found["Eduard Shevardnadze"]  # named after Moscow: not taken for an American
    assert shevardnadze.endswith("GOV") and not shevardnadze.startswith("USA")


def test_a_news_agency_credited_or_reporting_gives_no_country():
    found, _ = codes("DAKAR (Reuters) - Riot police arrested dozens of students on Friday.")
    assert found["Riot police"] == "SENCOP" and found["students"] == "SENEDU"
    found, _ = codes("Reuters reported that police arrested dozens of students.")
    assert found["police"] == "COP"  # the agency is based in Britain; the story is not said to be


def test_a_place_someone_goes_to_is_not_where_they_are():
    found, _ = codes("The president flew to Nairobi on Monday.")
    assert found["president"] == "GOV"


def test_a_possessive_gives_its_country():
    found, _ = codes("Iraq said its forces sank three Iranian boats.")
    assert found["forces"] == "IRQMIL"


def test_a_place_after_a_persons_name_is_where_the_person_is_from():
    # a party designation or "of" names the home state even when the sentence also names another country
    found, _ = codes("Sen. Jane Doe (D-Calif.) criticized the Chinese plan.")
    assert found["Jane Doe"] == "USALEG"
    found, _ = codes("Gov. John Roe of Ohio met the Chinese ambassador.")
    assert found["John Roe"] == "USAGOV"
    # a place's own name is no person: pirates in the Gulf of Aden are no Yemenis
    found, _ = codes("Pirates attacked a tanker in the Gulf of Aden.")
    assert found["Pirates"] == "CRM"


def test_letter_carriers_are_postal_workers_and_mass_no_state():
    found, _ = codes("Letter carriers went on strike in Ohio.")
    assert found["Letter carriers"] == "USALAB"
    found, record = codes("Pope Francis celebrated Mass.")
    assert "USA" not in {a.country for a in record.actors}


def test_a_body_named_as_news_names_one_states_is_that_states_when_the_text_says_no_other():
    found, _ = codes("The Justice Department told members of Congress the inquiry would be quick.")
    assert found["Justice Department"] == "USAGOVJUD" and found["members of Congress"] == "USALEG"
    # the text's own country wins: a possessor, a place
    assert codes("Peru's Congress approved the budget.")[0]["Peru's Congress"] == "PERLEG"
    assert codes("The Senate met in Manila on Monday.")[0]["Senate"] == "PHLLEG"


def test_state_bodies_from_the_country_dictionary_carry_their_state():
    found, _ = codes("The Knesset and the Bundestag welcomed the Federal Reserve's decision.")
    assert (found["Knesset"], found["Bundestag"], found["Federal Reserve"]) == ("ISRGOVLEG", "DEUGOVLEG", "USAGOVBUS")


def test_a_leaders_name_before_a_body_gives_it_the_leaders_country():
    record = extract("The Reagan administration raised tariffs on Chilean copper.", published="1987-06-15")
    assert {a.name: a.code for a in record.actors}["administration"] == "USAGOV"


def test_a_countrys_creditors_are_not_its_own():
    record = extract("Chile and its creditor banks agreed on a new schedule.", published="1987-06-15")
    assert {a.name: a.country for a in record.actors}["banks"] is None
    record = extract("Chile and its banks agreed on a new schedule.", published="1987-06-15")
    assert {a.name: a.country for a in record.actors}["banks"] == "CHL"


def test_an_embassys_country_is_no_clue_to_where_its_protesters_are_from():
    record = extract("Students hurled stones at the U.S. Embassy in Lima.", published="1999-05-10")
    assert {a.name: a.code for a in record.actors}["Students"] == "PEREDU"


def test_a_party_named_by_its_members_is_the_united_states_unless_the_text_says_otherwise():
    found, _ = codes("Democrats condemned the decision.")
    assert found["Democrats"] == "USAPTY"
    # a country the party acts on is no place it belongs to; a place it acts in is
    found, _ = codes("Senate Democrats condemned Russia's interference in the election.")
    assert found["Senate Democrats"] == "USALEG"
    found, _ = codes("Congress in Lima approved the budget.")
    assert found["Congress in Lima"] == "PERLEG"
    found, _ = codes("German Social Democrats criticized the chancellor in Berlin.")
    assert found["German Social Democrats"] == "DEUPTY"


def test_a_regions_people_are_the_regions_not_the_country_they_criticise():
    found, _ = codes("Arab leaders condemned the Israeli raid.")
    assert found["Arab leaders"] == "ARBGOV"
    found, _ = codes("European ministers criticised the Russian move.")
    assert found["European ministers"] == "EURGOV"


def test_the_actors_own_clause_says_whose_it_is_before_a_clause_told_after():
    found, _ = codes("Kenyan President Daniel arap Moi agreed to allow opposition parties, a week after Western donors "
                     "meeting in Paris suspended new aid to Nairobi.")
    assert found["opposition parties"] == "KENOPP"
    # a description of the actor's own is part of its clause: two countries there, none guessed
    found, _ = codes("Militants based in Pakistan killed 20 civilians in Kabul.")
    assert found["Militants"] == "UAF"


def test_the_victims_of_a_force_that_went_into_a_country_are_that_countrys():
    found, _ = codes("Syrian rebels crossed into Lebanon on Sunday, killing three soldiers.")
    assert found["soldiers"] == "LBNMIL"
    found, _ = codes("Somali gunmen stormed into northern Kenya, killing eight villagers and taking hostages back into Somalia.")
    assert found["villagers"] == "KENCVL"
    # where they came from is no scene, even when its name has two words
    found, _ = codes("Rebel fighters slipped into Uganda from the Congo Basin, killing two policemen.")
    assert found["policemen"] == "UGACOP"
    # a place things happen in still comes first
    found, _ = codes("Guerrillas fired rockets into Israel, and Israeli jets hit militia positions in south Lebanon.")
    assert found["militia"].startswith("LBN")


def test_unidentified_attackers_are_not_the_people_of_the_place_they_strike():
    record = extract("Masked gunmen stormed a hotel in Mogadishu on Sunday, killing twelve guests.",
                     published=PUBLISHED)
    gunmen = next(a for a in record.actors if a.name.endswith("gunmen"))
    assert gunmen.country is None and gunmen.code == "UAF"
    attack = next(e for e in record.events if e.type == "ASSAULT")
    # the scene still says whose the victims are
    assert attack.source_codes == ["UAF"] and attack.target_codes[0].startswith("SOM")


def test_attackers_the_text_ties_to_someone_or_that_are_acted_on_take_the_place():
    found, _ = codes("Gunmen loyal to a rebel colonel attacked a police station in Bamako.")
    assert found["Gunmen"] == "MLIUAF"
    found, _ = codes("Nigerian soldiers killed 14 gunmen in a shootout in Maiduguri.")
    assert found["gunmen"] == "NGAUAF"


def test_the_victims_of_a_force_that_invaded_or_infiltrated_a_country_are_that_countrys():
    found, _ = codes("Ethiopian rebels infiltrated northern Kenya on Saturday, killing dozens of villagers.")
    assert found["villagers"] == "KENCVL"


def test_crowds_are_the_people_of_the_place_they_act_in():
    found, record = codes("Crowds attacked the French embassy in Tunis on Friday.")
    assert found["Crowds"] == "TUNCVL"
    assert [(e.type, e.source_codes) for e in record.events] == [("ASSAULT", ["TUNCVL"])]
