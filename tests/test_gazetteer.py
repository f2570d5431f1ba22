"""The gazetteer data files and loader."""


from dyad.gazetteer import load_gazetteer


def test_loads_once_and_is_cached():
    load_gazetteer.cache_clear()
    gaz = load_gazetteer()
    assert load_gazetteer() is gaz


def test_countries_cover_names_demonyms_capitals_and_informal_names():
    gaz = load_gazetteer()
    assert gaz.countries["russia"] == ("RUS", "informal")
    assert gaz.countries["russian"][0] == "RUS"
    assert gaz.countries["north korean"] == ("PRK", "demonym")
    assert gaz.countries["ukrainians"][0] == "UKR"
    assert gaz.countries["pyongyang"] == ("PRK", "capital")
    assert gaz.countries["kyiv"][0] == gaz.countries["kiev"][0] == "UKR"
    assert gaz.countries["kremlin"] == ("RUS", "seat")
    assert gaz.countries["muscovy"][0] == "RUS"
    assert gaz.countries["soviet union"] == ("SUN", "historical")
    # ISO 3166 names from pycountry
    assert gaz.countries["japan"][0] == "JPN"
    assert gaz.countries["democratic people's republic of korea"][0] == "PRK"


def test_organisations_and_media():
    gaz = load_gazetteer()
    assert gaz.organisations["united nations"].code == "IGOUNO"
    assert gaz.organisations["nato"].code == "IGOWSTNAT"
    kcna = gaz.organisations["kcna"]
    assert (kcna.code, kcna.kind, kcna.country) == ("PRKMED", "media", "PRK")
    assert gaz.organisations["tass"].code == "RUSMED"


def test_roles_expand_phoenix_substitution_sets_and_plurals():
    gaz = load_gazetteer()
    assert gaz.roles["foreign minister"] == "GOV"  # from FOREIGN_!MINIST!
    assert gaz.roles["foreign ministries"] == "GOV"
    assert gaz.roles["policewoman"] == "COP"  # from POLICE!PERSON!
    assert gaz.roles["army"] == "MIL" and gaz.roles["soldiers"] == "MIL"
    assert gaz.roles["university"] == "EDU"
    assert gaz.role_kinds["foreign minister"] == "person"
    assert gaz.role_kinds["foreign ministry"] == "body"


def test_country_names_and_case_rules():
    gaz = load_gazetteer()
    assert gaz.country_name("PRK") == "North Korea"
    assert gaz.country_name("RUS") == "Russia"
    assert gaz.case_ok("us", "US") and not gaz.case_ok("us", "us")  # the pronoun
    assert gaz.case_ok("russia", "russia")  # lower-case country names still count
    assert not gaz.case_ok("turkey", "turkey") and gaz.case_ok("turkey", "Turkey")


def test_iso3_codes_only_where_news_uses_them_as_names():
    gaz = load_gazetteer()
    assert gaz.countries["usa"] == ("USA", "iso3")
    assert "pan" not in gaz.countries and "pri" not in gaz.countries  # Mexican parties, not Panama


def test_role_data_for_groups_modifiers_and_places():
    gaz = load_gazetteer()
    assert gaz.roles["forces"] == "MIL" and gaz.roles["kurds"] == "CVL"
    assert gaz.role_kinds["former"] == "modifier" and gaz.roles["former"] == "ELI"
    assert gaz.role_kinds["senate"] == "body"  # not a person for its "-ate" ending
    assert "uprising" in gaz.not_alone and "soldiers" not in gaz.not_alone
    assert gaz.locative["in"] == "prep" and gaz.locative["visit"] == "verb"
    assert {"GOV", "MIL", "REB"} <= gaz.sectors and "UNO" not in gaz.sectors


def test_regional_codes_give_way_to_a_country_the_name_starts_with():
    gaz = load_gazetteer()
    codes = {code for code, _ in gaz.countries.values()}
    regional = [e for e in gaz.organisations.values() if e.code[:3] not in codes and e.code[:3] not in ("IGO", "NGO")]
    assert regional, "Phoenix keeps region codes for groups of no one state"
    localised = [e for e in gaz.organisations.values() if e.kind == "armed_group" and e.country and e.code.endswith("REB")]
    for entry in regional:  # whatever is still regional does not start with a country word
        first = entry.name.split()[0].lower()
        assert gaz.countries.get(first, ("", ""))[1] not in ("demonym", "adjective") or gaz.is_acronym(first)
    assert all(e.code.startswith(e.country) for e in localised)
