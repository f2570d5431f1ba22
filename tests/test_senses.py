"""Sense choice by context (dyad.nlp.senses + nlp/data/sense_cues.tsv) and the lexicon families it serves.

Every sentence here is invented; each checks one rule or one family through the full pipeline.
"""

import pytest

import dyad
from dyad.nlp.senses import NO_EVENT, ROLES, load_sense_rules
from dyad.ontology import PLOVER_TYPES, cameo_entry, cameo_to_plover, load_triggers, plover_type


def types_of(text: str) -> dict[str, str]:
    """Trigger text (lower case) -> PLOVER type of every event coded in ``text``."""
    record = dyad.extract(text, published="2024-01-15")
    return {text[e.trigger[0]:e.trigger[1]].lower(): e.type for e in record.events}


def event_for(text: str, trigger: str):
    record = dyad.extract(text, published="2024-01-15")
    found = [e for e in record.events if text[e.trigger[0]:e.trigger[1]].lower() == trigger]
    return found[0] if found else None


# -- the data file ------------------------------------------------------------


def test_rules_are_valid_and_reach_the_lexicon():
    lexicon = load_triggers()
    rules = load_sense_rules()
    assert len(rules) >= 30
    for (lemma, pos), entries in rules.items():
        # a rule can only choose among what the event coder looks up: a word, or a whole phrase
        phrases = {(t.phrase, t.pos) for t in lexicon.phrases}
        assert lemma in (lexicon.verbs if pos == "VERB" else lexicon.nouns) or (lemma, pos) in phrases, lemma
        for rule in entries:
            assert all(role in ROLES and cues for role, cues in rule.when), rule
            if rule.type == NO_EVENT:
                continue
            assert rule.type in PLOVER_TYPES, rule
            assert not rule.mode or rule.mode in plover_type(rule.type).mode_names, rule
            assert cameo_entry(rule.cameo) is not None, rule
            mapped = cameo_to_plover(rule.cameo)  # None: a code CAMEO2PLOVER drops (02, appeals)
            assert (mapped is not None and mapped[0] == rule.type) or rule.note.startswith("exception:"), rule


def test_an_otherwise_row_comes_last():
    for entries in load_sense_rules().values():
        assert all(rule.when for rule in entries[:-1]), entries[0].lemma


# -- senses by context ---------------------------------------------------------


def test_strike_by_workers_is_a_protest_by_an_army_an_attack():
    assert types_of("French dockworkers struck on Monday over pension cuts.").get("struck") == "PROTEST"
    assert types_of("Israeli jets struck Gaza on Monday.").get("struck") == "ASSAULT"


def test_strike_noun_labour_or_military():
    assert types_of("Nigerian teachers began a nationwide strike on Monday.").get("strike") == "PROTEST"
    assert types_of("Israel carried out a drone strike on Gaza.").get("drone strike") == "ASSAULT"


def test_strike_a_deal_is_agreement_and_a_quake_strike_is_nothing():
    assert types_of("Iran struck an accord with Iraq on oil.").get("struck") == "AGREE"
    assert "struck" not in types_of("An earthquake struck Turkey, the Turkish government said.")


def test_attack_physical_or_verbal():
    assert types_of("Rebels attacked the village near the Malian border.").get("attacked") == "ASSAULT"
    assert types_of("The French president attacked the German government's budget plan.").get("attacked") == "ACCUSE"


def test_a_person_attacking_a_person_speaks_whatever_label_the_ner_gives_them():
    # the NER may take a surname for an organisation; the actor coder knows a person
    record = dyad.extract("Trump attacked Cruz at a rally in Iowa.", published="2016-01-15")
    assert [e.type for e in record.events] == ["ACCUSE"]
    assert types_of("Gunmen attacked the governor of Kandahar.").get("attacked") == "ASSAULT"


def test_pounding_positions_or_a_rival():
    assert types_of("Russian artillery pounded Ukrainian positions near Bakhmut.").get("pounded") == "ASSAULT"
    assert types_of("Bernie Sanders pounded Hillary Clinton on trade.").get("pounded") == "ACCUSE"
    assert types_of("Jeb Bush kept pounding him on immigration.").get("pounding") == "ACCUSE"  # a person's pronoun
    assert types_of("Iraqi troops pounded them with artillery.").get("pounded") == "ASSAULT"  # "them": maybe troops


def test_calling_someone_names_is_disapproval():
    assert types_of("Vladimir Putin called Joe Biden a loser.").get("called") == "ACCUSE"
    # a label the news quotes is a jibe, whatever the words; approving words are praise
    assert types_of('Vladimir Putin called Joe Biden "the emperor of Delaware."').get("called") == "ACCUSE"
    assert types_of('Vladimir Putin called Joe Biden "a very smart man."').get("called") == "SUPPORT"
    assert types_of("Vladimir Putin called Joe Biden a friend.").get("called") == "SUPPORT"


@pytest.mark.parametrize("text, trigger, expected", [
    ("Turkish troops entered Syria on Sunday.", "entered", "MOBILIZE"),
    ("Turkey entered talks with Greece on Sunday.", "entered", None),
    ("The Turkish president gave a speech in Ankara.", "gave", None),
    ("The Turkish government gave in to union pressure.", "gave in", "CONCEDE"),
    ("Support for the Turkish president fell in May.", "support", None),
    ("The Turkish senator suspended his campaign.", "suspended", None),
    ("Turkey suspended its military campaign in Syria.", "suspended", "SANCTION"),
    ("Turkish troops entered the refugee camp.", "entered", None),
    ('The Turkish president called the talks with Greece "very productive".', "called", "SUPPORT"),
    ('The Turkish president called the United States "the great Satan".', "called", "ACCUSE"),
    ("The Turkish senator pleaded guilty to fraud.", "pleaded", None),
    ("German tourists visited Turkey in record numbers.", "visited", None),
    ("Turkish jets dropped bombs on Kurdish positions.", "dropped bombs", "ASSAULT"),
    ("Turkish police placed the mayor under house arrest.", "placed", "COERCE"),
    ("The Turkish parliament approved sanctions on Syria.", "approved", "SANCTION"),
    ("The World Bank approved a bailout for Turkey.", "approved", "AID"),
    ("The Turkish president signed a decree imposing sanctions on Syria.", "imposing sanctions", "SANCTION"),
    ("The Turkish president signed a decree imposing sanctions on Syria.", "signed", None),
    ("Turkey and Greece signed a treaty.", "signed", "SUPPORT"),
    ("Turkey and Greece clashed over the islands.", "clashed", "ACCUSE"),
    ("Turkish troops clashed with Kurdish rebels.", "clashed", "ASSAULT"),
    ("The Turkish opposition held a campaign rally in Izmir.", "rally", None),
])
def test_words_whose_sense_their_arguments_decide(text, trigger, expected):
    assert types_of(text).get(trigger) == expected


def test_a_disaster_killing_people_in_a_trailing_participle_is_no_attack():
    assert types_of("An earthquake struck Turkey, killing 20 people.") == {}
    assert types_of("Kurdish rebels shelled a Turkish town, killing 20 people.").get("shelled") == "ASSAULT"


def test_release_of_captives_or_of_papers():
    assert types_of("Hamas released three Israeli hostages on Monday.").get("released") == "RETREAT"
    assert "released" not in types_of("The Russian government released its budget figures on Monday.")


@pytest.mark.parametrize("text, expected", [
    ("Iran launched a ballistic missile on Monday.", "MOBILIZE"),
    ("Hezbollah launched rockets at northern Israel.", "ASSAULT"),
    ("Russian forces launched a new offensive against Ukraine.", "ASSAULT"),
    ("Qatar launched peace talks between Sudan and Chad.", "CONSULT"),
    ("Samsung launched a new phone in South Korea.", None),
])
def test_launch_takes_its_sense_from_the_object(text, expected):
    assert types_of(text).get("launched") == expected


def test_fire_weapons_or_fire_people():
    assert types_of("Israeli soldiers fired on Palestinian protesters.").get("fired on") == "ASSAULT"
    assert "fired" not in types_of("The Iraqi prime minister fired the defence minister.")


def test_tests_and_exercises_of_weapons_and_troops_only():
    assert types_of("North Korea tested a ballistic missile.").get("tested") == "MOBILIZE"
    assert "tested" not in types_of("The Brazilian president tested positive for the virus.")
    assert types_of("China held naval exercises near Taiwan.").get("exercises") == "MOBILIZE"


def test_meeting_demands_is_not_a_meeting_but_a_concession():
    assert types_of("The Chilean government met the miners' demands.").get("met") == "CONCEDE"
    assert types_of("The Chilean president met the Argentine president.").get("met") == "CONSULT"


def test_return_needs_something_returned():
    assert types_of("Iraq returned the seized Kuwaiti aircraft to Kuwait.").get("returned") == "RETREAT"
    assert "return" not in types_of("Russian and American negotiators return to Geneva this week for talks.")


def test_vowing_to_fight_is_a_threat():
    event = event_for("Kurdish rebels vowed to fight the Turkish army until victory.", "vowed")
    assert event is not None and event.type == "THREATEN" and event.mode == "violence"
    assert types_of("Japan vowed to cooperate with China on trade.").get("vowed") == "AGREE"


def test_vowing_sanctions_or_arrests_is_a_threat():
    event = event_for("The chancellor pledged to impose an embargo on Belarus.", "pledged")
    assert event is not None and (event.type, event.mode) == ("THREATEN", "restrict")
    event = event_for("Tehran vowed to prosecute the Danish journalists.", "vowed")
    assert event is not None and (event.type, event.mode) == ("THREATEN", "arrest")
    assert types_of("Seoul promised to support Manila at the summit.").get("promised") == "AGREE"


def test_a_vow_takes_the_type_the_vowed_act_would_have_in_the_future():
    # the vowed act is a phrase whose "to" is not the infinitive's, and no family lists it
    assert types_of("The governor vowed to bring the arsonists to justice.").get("vowed") == "THREATEN"
    assert types_of("Ankara swore to jail the smugglers.").get("swore") == "THREATEN"
    assert types_of("The militia pledged to reject violence.").get("pledged") == "AGREE"  # no refusal
    # lifting sanctions is no threat, though the words of the infinitive include "sanctions"
    assert types_of("Brussels promised to lift the sanctions on Minsk.").get("promised") == "AGREE"


def test_blocking_roads_is_protest_blocking_a_resolution_rejection():
    assert types_of("Farmers blocked highways across France on Monday.").get("blocked") == "PROTEST"
    assert types_of("Russia blocked a UN resolution on Syria.").get("blocked") == "REJECT"
    # protesters blocking anything obstruct; police blocking people from going somewhere restrict
    assert types_of("Peruvian protesters blocked the opening of the trade summit in Lima.").get("blocked") == "PROTEST"
    assert types_of("Peruvian police blocked hundreds of migrants from boarding buses.").get("blocked") == "COERCE"


def test_sending_peacekeepers_troops_and_inspectors():
    assert types_of("Ghana deployed peacekeepers in Liberia.").get("deployed") == "AID"
    assert types_of("Russia sent paratroopers to the Ukrainian border.").get("sent") == "MOBILIZE"
    assert types_of("The IAEA sent inspectors to Iran.").get("sent") == "ACCUSE"


def test_a_participle_adjective_is_a_state_not_an_event():
    assert "occupied" not in types_of("Palestinians in the Israeli-occupied territories protested on Monday.")


def test_violating_a_ceasefire_is_assault():
    assert types_of("Azerbaijan violated the ceasefire agreement with Armenia.").get("violated") == "ASSAULT"


def test_receiving_observers_is_access():
    assert types_of("The Georgian president received a team of OSCE observers.").get("received") == "RETREAT"
    assert "received" not in types_of("The Georgian president received a letter from the Russian president.")


# -- lexicon families ----------------------------------------------------------


def test_work_stoppages_are_strikes():
    event = event_for("Serbian teachers stopped work on Monday over pay.", "stopped work")
    assert event is not None and event.type == "PROTEST" and event.mode == "strike"


def test_stone_throwing_is_a_riot():
    event = event_for("Palestinian youths threw stones at Israeli soldiers.", "threw stones")
    assert event is not None and event.type == "PROTEST" and event.mode == "riot"


def test_sharing_expertise_is_cooperation():
    assert types_of("Pakistan shared intelligence with Afghanistan.").get("shared intelligence") == "COOPERATE"
    assert types_of("Iran has been sharing nuclear expertise with Syria.").get("sharing") == "COOPERATE"


def test_consensus_is_agreement_and_ending_talks_a_sanction():
    assert types_of("Egypt and Sudan reached a consensus on the Nile.").get("reached") == "AGREE"
    assert types_of("India ended talks with Pakistan on Monday.").get("ended talks") == "SANCTION"


def test_lifting_a_curfew_is_a_concession():
    # the PLOVER manual's CONCEDE: "removing curfews" is a verbal concession; lifting sanctions stays RETREAT
    assert types_of("Indian authorities lifted the curfew in Kashmir.").get("lifted") == "CONCEDE"
    assert types_of("The European Union lifted sanctions on Belarus.").get("lifted sanctions") == "RETREAT"


# -- phrases and their senses ------------------------------------------------------


def test_phrase_trigger_sense_follows_its_object():
    # "hand over" is RETREAT for captives, AID for goods: a rule keyed by the whole phrase
    goods = event_for("Turkey handed over medicine and tents to Syria.", "handed over")
    people = event_for("Turkey handed over two captured soldiers to Syria.", "handed over")
    assert (goods.type, goods.source_codes, goods.target_codes) == ("AID", ["TUR"], ["SYR"])
    assert people.type == "RETREAT"


def test_withdrawing_peacekeepers_reduces_relations():
    assert event_for("Nigeria withdrew its peacekeepers from Chad.", "withdrew").type == "SANCTION"
    assert event_for("Nigeria withdrew its troops from Chad.", "withdrew").type == "RETREAT"


def test_allowing_someone_to_act_is_a_concession_a_rule_allowing_is_none():
    assert types_of("The Pakistani minister allowed the opposition leader to hold a rally.").get("allowed") == "CONCEDE"
    assert "allows" not in types_of("The Kenyan law allows the president to rule by decree.")


def test_collecting_signatures_is_dissent():
    assert types_of("Romanian opposition parties are gathering signatures against the reform.").get(
        "gathering signatures") == "PROTEST"


def test_mobilising_troops_is_mobilize_mobilising_opinion_is_no_event():
    assert types_of("Britain mobilized army reservists on Tuesday.").get("mobilized") == "MOBILIZE"
    assert "mobilized" not in types_of("Egypt mobilized lobby groups in Europe.")


def test_a_question_is_no_request_a_request_to_act_is():
    assert types_of("Egypt asked Israel to release the prisoners.").get("asked") == "REQUEST"
    assert types_of("Kenya asked Britain for help.").get("asked") == "REQUEST"
    assert "asked" not in types_of("The Kenyan president asked reporters whether Uganda would attend.")


def test_a_forecast_is_no_threat_a_warning_to_act_is():
    assert "warned" not in types_of("France warned of the global implications of the crisis.")
    assert types_of("Russia warned Ukraine not to join NATO.").get("warned") == "THREATEN"


def test_idioms_and_shows_are_no_events():
    assert "deal" not in types_of("The Kenyan plan carries a great deal of weight in Uganda.")
    assert "hosts" not in types_of("The American comedian hosts the weekly show in Britain.")
    assert "captured" not in types_of("The Kenyan senator captured his party's nomination.")


def test_a_state_or_an_official_protesting_speaks_crowds_demonstrate():
    assert types_of("The Chinese foreign ministry protested to Japan.").get("protested") == "ACCUSE"
    assert types_of("Thousands of Kenyans protested against the government in Nairobi.").get("protested") == "PROTEST"
    assert types_of("Solidarity protested against the government in Gdansk.").get("protested") == "PROTEST"
    # a protest delivered, filed or sent is a diplomatic one, and no delivery of aid
    assert types_of("Seoul delivered a formal protest to Tokyo.").get("delivered") == "ACCUSE"


def test_one_named_politician_attacking_another_speaks():
    assert types_of("Senator John McCain attacked Donald Trump on Sunday.").get("attacked") == "ACCUSE"
    assert types_of("Rebels attacked a Kenyan army base.").get("attacked") == "ASSAULT"
    assert types_of("A man attacked a Kenyan policeman with a knife.").get("attacked") == "ASSAULT"


@pytest.mark.parametrize("text, trigger, expected", [
    ("Burundi forced the UN human rights office out of the country.", "forced", "SANCTION"),
    ("The junta forced two French reporters out of Niger.", "forced", "COERCE"),
    ("Protests in Lima forced Peru's minister to resign.", "forced", None),  # the resignation is the event
    ("Egyptian fishermen violated the fishing ban imposed by Sudan.", "violated", "REJECT"),  # defying a rule
    ("Syrian troops violated the ceasefire with Israel.", "violated", "ASSAULT"),
    ("The Nigerian firm violated its contract.", "violated", None),
])
def test_forcing_out_and_violating_take_their_sense_from_the_object(text, trigger, expected):
    event = event_for(text, trigger)
    assert (event.type if event else None) == expected


def test_a_defied_ban_is_no_event_of_its_own():
    assert set(types_of("Egyptian fishermen violated the fishing ban imposed by Sudan.").values()) == {"REJECT"}


@pytest.mark.parametrize("text, trigger, expected", [
    ("The senator never committed fraud.", "committed", None),
    ("Kenya committed troops to the mission.", "committed", "AGREE"),
    ("Serbia amassed troops on the border.", "amassed", "MOBILIZE"),
    ("The governor amassed a fortune in office.", "amassed", None),
    ("Japan contributed $5 million to the UN fund.", "contributed", "AID"),
    ("The drought contributed to the crisis in Somalia.", "contributed", None),
    ("Protesters in Karachi burned the Danish flag.", "burned", "PROTEST"),
    ("The mayor beat back a challenge from his rival.", "beat", None),
    ("The senator has occupied the spotlight in Iowa.", "occupied", None),
    ("Ghana beat Mali on penalties in Accra.", "beat", None),
    ("Ghana beat Mali 2-1 to reach the semi-finals.", "beat", None),
    ("Ghana beat back a Malian incursion.", "beat", "ASSAULT"),
    ("Bangladesh, which is battling severe floods, asked for aid.", "battling", None),
    ("Kenyan troops battled al Shabaab militants near the border.", "battled", "ASSAULT"),
    ("The ministry is fighting a losing battle against smuggling.", "fighting", None),
    ("Militants fought a fierce battle with Kenyan troops.", "fought", "ASSAULT"),
    ("A rocket slammed into a market in Goma.", "slammed", "ASSAULT"),
    ("A cyclone slammed into the coast of Mozambique.", "slammed", None),
    ("Riot police charged students with batons in Dakar.", "charged", "ASSAULT"),
    ("Opposition supporters stormed the parliament in Dakar.", "stormed", "PROTEST"),
    ("The last Chadian troops left Mali on Sunday.", "left", "RETREAT"),
    ("The Malian president left Bamako for Dakar.", "left", None),
    ("Chadian tanks poured into Darfur.", "poured into", "MOBILIZE"),
    ("Foreign money poured into Chadian banks.", "poured into", None),
    ("Mali retaliated with sanctions on Chadian traders.", "retaliated", None),  # the sanctions are the act
    ("Chad branded Sudan a rogue state.", "branded", "ACCUSE"),
    ("The firm branded its coffee as organic.", "branded", None),
    ("India exploded a nuclear device in the desert.", "exploded", "MOBILIZE"),
    ("The ousted president was flown to Dakar.", "flown to", None),
    ("The Malian president flew to Dakar for talks.", "flew to", "CONSULT"),
    ("Protesters set fire to the parliament building in Bamako.", "set fire", "PROTEST"),  # a riot
    ("Militants set fire to a school in Mopti.", "set fire", "ASSAULT"),
    ("Malian troops returned fire.", "returned fire", "ASSAULT"),
    ("The Kenyan decision sent shockwaves through Ugandan markets.", "sent", None),
    ("The shelling sent thousands of Kenyan villagers into hiding.", "sent", None),
    ("Kenya's five-week legal battle with Uganda ended.", "battle", None),
    ("Kenya's battle with Ugandan rebels ended.", "battle", "ASSAULT"),
])
def test_political_words_in_their_everyday_senses(text, trigger, expected):
    event = event_for(text, trigger)
    assert (event.type if event else None) == expected


@pytest.mark.parametrize("text, trigger, expected", [
    ("Malaysia halted all trade with Myanmar.", "halted", "SANCTION"),
    ("The World Bank paused aid to Guatemala.", "paused aid", "SANCTION"),
    ("Peru's Congress removed the president from office.", "removed", "COERCE"),
    ("Officers ousted the Gabonese president on Wednesday.", "ousted", "COERCE"),
    ("Chadian authorities cut internet access in the capital.", "cut internet", "COERCE"),
    ("The Indian foreign minister landed in Colombo on Monday.", "landed in", "CONSULT"),
    ("A rocket landed in Colombo on Monday.", "landed in", None),
    ("The finance minister halted trading on the exchange.", "halted", None),
    ("Gabon withdrew from the African Union.", "withdrew", "SANCTION"),  # leaving an organisation
    ("Chad's withdrawal from the African Union shocked Niger.", "withdrawal", "SANCTION"),
    ("Chadian troops withdrew from the border town.", "withdrew", "RETREAT"),
    ("Chadian troops withdrew from the town under an accord with the African Union.", "withdrew", "RETREAT"),
])
def test_lexicon_phrases_for_halting_trade_removing_leaders_and_arriving(text, trigger, expected):
    event = event_for(text, trigger)
    assert (event.type if event else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kenya insisted that Somalia withdraw its troops.", "REQUEST"),
    ("Kenya insisted that Somalia must withdraw its troops.", "REQUEST"),
    ("Kenya insisted on talks with Somalia.", "REQUEST"),
    ("Kenya insisted it had no troops in Somalia.", None),  # a statement
    ("France suggested talks between Chad and Sudan.", "REQUEST"),
    ("The Malian minister suggested the election was rigged.", None),
    ("Norway suggested that both sides halt the shelling.", "REQUEST"),  # plural: the bare verb reads as present
    ("The Malian minister suggested the generals are loyal to him.", None),
    ("The US advised its citizens to leave Haiti.", "REQUEST"),
])
def test_insisting_suggesting_and_advising_ask_only_when_what_follows_asks(text, expected):
    kinds = set(types_of(text).values())
    assert (kinds.pop() if kinds else None) == expected


def test_market_words_keep_evacuate_and_yield_out_of_politics():
    assert "evacuate" not in types_of("The crash prompted investors to evacuate their holdings of bonds.")
    assert types_of("Peacekeepers evacuated civilians from the town.").get("evacuated") == "AID"
    assert "yielded" not in types_of("Chile's copper mines yielded 5,000 tonnes in May.")
    assert types_of("The army yielded to the protesters' demands.").get("yielded") == "CONCEDE"


def test_seeking_to_act_oneself_and_appealing_a_ruling_are_no_requests():
    assert "seeking" not in types_of("Officials in Lima were seeking to keep the two disputes apart.")
    assert types_of("Peru sought Chilean help against the smugglers.").get("sought") == "REQUEST"
    assert "appeal" not in types_of("Peru said it would appeal the ruling of the court in The Hague.")


def test_raising_a_military_presence_is_mobilization():
    assert types_of("Chile increased its naval presence near the disputed islands.").get("increased") == "MOBILIZE"


def test_deaths_in_an_accident_are_no_attack():
    assert "killed" not in types_of("Twelve soldiers were killed when their helicopter crashed near the border.")
    assert "killed" not in types_of("Twelve soldiers were killed in a helicopter crash near the border.")
    assert types_of("Rebels killed twelve soldiers near the border.").get("killed") == "ASSAULT"


def test_figurative_assaults_and_takeover_offers_are_no_events():
    assert "assault" not in types_of("Critics called the decree an assault on the freedom of the press and on privacy.")
    assert "offer" not in types_of("The Dutch group extended its tender offer for the shares of a Belgian rival.")
    assert types_of("Iraq made an offer of talks to Iran.").get("offer") == "AGREE"


def test_an_infinitives_doer_is_the_object_that_controls_it():
    # the soldiers attack, not the minister: a military attack, not a verbal one
    assert types_of("The minister ordered the soldiers to attack the rebel camp.").get("attack") == "ASSAULT"


def test_calling_something_a_disaster_is_disapproval_calling_a_meeting_is_nothing():
    assert types_of("The Brazilian minister called the Argentine decision a disaster.").get("called") == "ACCUSE"
    assert types_of("The Brazilian minister called the Argentine proposal unacceptable.").get("called") == "ACCUSE"
    assert "called" not in types_of("The Brazilian minister called an early election.")
    # the parser may hang conjoined adjectives on the object ("the plan [dangerous and reckless]")
    assert types_of("The Peruvian senator called the Chilean plan dangerous and reckless.").get("called") == "ACCUSE"


def test_plans_are_executed_and_batteries_charged_without_events():
    assert "executed" not in types_of("The Peruvian contract was executed in Lima.")
    assert "charged" not in types_of("The battery was charged overnight in Lima.")
    assert types_of("Peru executed two Chilean smugglers.").get("executed") == "ASSAULT"


def test_refusing_to_comment_is_no_rejection_refusing_to_attend_is():
    assert "refused" not in types_of("The Chilean central bank refused to comment on the report.")
    assert "declined" not in types_of("A Peruvian spokesman declined to confirm the figures.")
    assert types_of("Chile refused to attend the talks in Lima.").get("refused") == "REJECT"


def test_crowds_arriving_pay_no_visit_a_delegation_does():
    assert "arrived" not in types_of("Hundreds of tourists from Japan arrived in Seoul.")
    assert types_of("A Japanese delegation arrived in Seoul.").get("arrived") == "CONSULT"


def test_granting_a_request_yields_granting_a_loan_aids():
    assert types_of("Egypt granted the Israeli request for talks.").get("granted") == "CONCEDE"
    assert types_of("Japan granted Vietnam a loan.").get("granted") == "AID"


def test_accepting_a_resignation_is_no_agreement_the_resignation_is_the_event():
    found = types_of("The Greek president accepted the resignation of his foreign minister.")
    assert "accepted" not in found and found.get("resignation") == "RETREAT"


def test_cancelling_tariffs_or_sanctions_eases_them():
    assert types_of("Washington cancelled the tariffs on Japanese chips.").get("cancelled") == "RETREAT"
    assert types_of("Seoul cancelled the summit with Tokyo.").get("cancelled") == "REJECT"


def test_demonstrating_resolve_is_no_protest():
    assert "demonstration" not in types_of("Seoul called the drill a demonstration of Japan's resolve.")
    assert types_of("Students staged a demonstration against the Chilean government.").get("demonstration") == "PROTEST"


def test_trade_figures_are_no_events():
    assert "exported" not in types_of("Chile exported 300 mln dlrs worth of copper to Peru last year.")
    assert types_of("Chile exported arms to Peru last year.").get("exported") == "COOPERATE"


def test_a_verdict_judges_its_complements_subject_not_a_reason_clause():
    # the parser may hang "because ..." as a second complement: its subject is not judged
    judged = event_for("Canada considers the Mexican plan unfair, not least because Canadian farmers will pay more.", "considers")
    assert (judged.type, [code[:3] for code in judged.target_codes]) == ("ACCUSE", ["MEX"])


def test_a_verdict_is_read_in_the_complement_only():
    assert "called" not in types_of("The Brazilian minister called the threat from Argentina serious.")
    assert types_of("Brazil pledged to extradite the suspects to Argentina.").get("pledged") == "AGREE"


def test_joining_an_alliance_is_support_other_joinings_are_not():
    joined = event_for("Peru and Chile formally joined the alliance on Friday.", "joined")
    assert (joined.type, joined.source_codes) == ("SUPPORT", ["PER", "CHL"])
    assert event_for("Peru joined the search on Friday.", "joined") is None
    assert event_for("Thousands of Peruvian workers joined the union.", "joined") is None
    assert event_for("Estonia acceded to the WTO in 1999.", "acceded").type == "SUPPORT"


def test_an_alliance_admitting_a_state_supports_it_other_admissions_are_not_events():
    admitted = event_for("NATO admitted Slovenia in 2004.", "admitted")
    assert (admitted.type, admitted.target_codes) == ("SUPPORT", ["SVN"])
    assert event_for("The Peruvian minister admitted that Chile had been right.", "admitted") is None
    assert event_for("NATO admitted that its air strike had killed Afghan civilians.", "admitted") is None
    assert event_for("Peru admitted 3,000 Chilean refugees.", "admitted").type == "AID"


def test_refugees_taken_in_are_aid_and_refused_ones_a_rejection():
    taken = event_for("Peru has accepted 11,000 Chilean refugees this year.", "accepted")
    assert (taken.type, taken.target_codes) == ("AID", ["CHLREF"])
    assert event_for("Peru will not accept more Chilean refugees.", "accept").type == "REJECT"


def test_an_appeal_asks_only_for_something_or_of_someone():
    assert event_for("The Peruvian president's appeal in Chile has faded.", "appeal") is None
    assert event_for("Peru launched an appeal to the UN for aid.", "appeal").type == "REQUEST"
    assert event_for("Chile issued an appeal to stop the fighting in Peru.", "appeal").type == "REQUEST"
    assert event_for("Peru lost its appeal to the International Court of Justice.", "appeal") is None


def test_a_verdict_through_consider_deem_or_regard_as_is_disapproval():
    assert event_for("Peru regards the Chilean offer as unacceptable.", "regards").type == "ACCUSE"
    assert event_for("Peru deemed the Chilean plan a disaster.", "deemed").type == "ACCUSE"
    assert event_for("Peru regards the talks with Chile as useful.", "regards") is None
    assert event_for("Peru will consider the Chilean offer.", "consider") is None
    # police describing a suspect pass no verdict on a state
    assert event_for("Chilean police described the gunman as dangerous.", "described") is None


def test_ordering_envoys_to_leave_is_an_expulsion_other_orders_requests():
    assert types_of("Chile ordered the Peruvian ambassador to leave the country.")["ordered"] == "SANCTION"
    assert types_of("Chile ordered two Peruvian diplomats to leave within 72 hours.")["ordered"] == "SANCTION"
    assert types_of("The Chilean president ordered the army to leave the capital.")["ordered"] == "REQUEST"


def test_suspects_handed_over_are_judicial_cooperation_bodies_a_return():
    # as an extradition (CAMEO 063; its manual codes an offer to hand over suspects 0313)
    assert types_of("Chile handed over three suspects to Peru.")["handed over"] == "COOPERATE"
    assert types_of("Chile handed over the bodies of two soldiers to Peru.")["handed over"] == "RETREAT"


def test_joint_patrols_of_two_states_are_cooperation_one_states_a_deployment():
    assert types_of("Chile and Peru began joint naval patrols on their border.")["patrols"] == "COOPERATE"
    # police and soldiers of one province's government are one side, however many sectors they are
    found = types_of("The provincial government ordered patrols by police and paramilitary soldiers.")
    assert "COOPERATE" not in found.values()


def test_protest_acts_by_students_and_workers_and_burning_tyres():
    assert types_of("Chilean students occupied the university campus in Santiago.")["occupied"] == "PROTEST"
    assert types_of("Chilean protesters burned tyres in Santiago.")["burned"] == "PROTEST"
    assert types_of("Peruvian troops occupied the airport in Arica.")["occupied"] == "COERCE"


def test_suspending_parliament_is_coercion_as_noun_or_verb():
    assert types_of("The Chilean president's suspension of parliament was unlawful.")["suspension"] == "COERCE"
    assert types_of("Chile announced the suspension of aid to Peru.")["suspension"] == "SANCTION"


def test_support_withdrawn_is_reduced_relations_not_support():
    found = types_of("The Chilean army withdrew its support for the president.")
    assert found == {"withdrew": "SANCTION"}


def test_no_political_act_by_weather_vehicles_or_markets():
    assert types_of("Three trains collided near Talca, killing at least 28 people.") == {}
    assert types_of("Severe drought has destroyed half of Chile's maize crop.") == {}
    assert types_of("Santiago stocks closed higher as exporters rallied on a weaker peso.") == {}
    assert types_of("Copper prices climbed as investors sought safe-haven assets.") == {}
    assert types_of("Chilean striker Alexis Sanchez signed a two-year contract with Inter Milan.") == {}
    # a car bomb still kills: the bomb, not the car, is what the subject names
    assert types_of("A car bomb killed 20 Chilean soldiers in Arica.") == {"killed": "ASSAULT"}
    # so do aircraft and gunships: only trains, buses and ferries crash
    assert types_of("Peruvian aircraft including helicopter gunships killed 46 Chilean civilians.") == {"killed": "ASSAULT"}


def test_letting_inspectors_or_aid_in_is_retreat_other_permissions_concessions():
    found = event_for("Peru allowed U.N. inspectors to visit the prisons.", "allowed")
    assert (found.type, found.target_codes) == ("RETREAT", ["IGOUNO"])
    found = event_for("Peru allowed the opposition to hold rallies.", "allowed")
    assert (found.type, found.target_codes) == ("CONCEDE", ["PEROPP"])


def test_relief_sent_flown_or_arriving_is_aid():
    assert types_of("Chile sent rescue teams and tents to Peru.")["sent"] == "AID"
    assert types_of("Chile sent a military unit to Peru to help search for survivors.")["sent"] == "AID"
    assert types_of("Chilean doctors and nurses arrived in Peru to help fight the cholera outbreak.") == {"arrived": "AID"}
    assert types_of("Chilean air force planes flew in medicine and tents to Peru.")["flew"] == "AID"
    assert types_of("Chile sent troops to Peru.")["sent troops"] == "MOBILIZE"


def test_welcoming_a_visitor_somewhere_hosts_a_visit_welcoming_a_decision_supports_it():
    found = event_for("The Peruvian president was welcomed by Chile's president at Santiago airport.", "welcomed")
    assert found.type == "CONSULT"
    assert types_of("Chile welcomed the ceasefire.")["welcomed"] == "SUPPORT"
    assert types_of("The presidents of Chile and Peru shook hands in Lima.")["shook hands"] == "CONSULT"


def test_blasts_wreck_and_a_disaster_kills_through_a_relative_clause():
    assert types_of("Bomb blasts wrecked the Peruvian embassy in Santiago.") == {"wrecked": "ASSAULT"}
    assert types_of("The dispute wrecked the talks between Chile and Peru.") == {"talks": "CONSULT"}
    text = "An earthquake struck Chile, triggering a tsunami that swept away boats and killing hundreds of people."
    assert "ASSAULT" not in types_of(text).values()


def test_citizens_voting_is_an_election_and_a_hole_blown_in_a_ship_an_attack():
    assert types_of("Chilean voters voted overwhelmingly in favour of a new constitution.") == {}
    assert types_of("Chile voted in favour of the resolution.") == {"voted in favour": "SUPPORT"}
    found = event_for("Suicide bombers blew a hole in the side of the Chilean destroyer Lynch.", "blew")
    assert found.type == "ASSAULT" and [code[:3] for code in found.target_codes] == ["CHL"]


def test_narrowed_senses_leave_their_neighbours_alone():
    # a state's arms contract is still a signing; an extension is no ultimatum; parallel patrols are no joint ones
    assert types_of("Chile signed a contract with Peru for five frigates.")["signed"] == "SUPPORT"
    assert "THREATEN" not in types_of("Chile gave Peru three more months to pay.").values()
    assert "COOPERATE" not in types_of("Chilean and Peruvian troops patrol the disputed border.").values()
    # a figurative hole; a party seeking a vote is no market
    assert types_of("Peruvian gas cuts blew a hole in Chile's economy.") == {}
    assert types_of("Chile's Socialist Party sought a new referendum.") != {}


def test_taking_ground_is_an_attack_taking_a_suspect_an_arrest_and_protesters_an_occupation():
    assert types_of("Government troops captured the rebel-held town of Kidal on Monday.") == {"captured": "ASSAULT"}
    assert types_of("Islamist fighters seized the airport after a day of fighting.") == {"seized": "ASSAULT"}
    assert types_of("Police captured a suspected bomb maker in Peshawar.") == {"captured": "COERCE"}
    assert types_of("Police seized weapons and cash in a raid.") == {"seized": "COERCE"}
    assert types_of("Protesters seized the regional administration building.") == {"seized": "PROTEST"}
    assert types_of("Police seized the offices of the opposition newspaper in Istanbul.") == {"seized": "COERCE"}
    assert types_of("The rebels seized the initiative.") == {}


def test_beating_a_state_or_a_rival_in_a_contest_is_no_attack():
    assert types_of("Nigeria beat Ghana 2-1 in Accra on Sunday.") == {}
    assert types_of("Ruto won the election, beating Raila Odinga.") == {}
    assert types_of("Health officials are racing to beat the virus.") == {}
    assert types_of("Riot police beat students outside the university.") == {"beat": "ASSAULT"}


def test_scrapping_or_suspending_a_measure_is_a_concession_dropping_bombs_is_not():
    assert types_of("The Kenyan government abandoned the finance bill after deadly protests.") == {"abandoned": "CONCEDE"}
    assert types_of("Hong Kong's leader suspended the extradition bill on Saturday.") == {"suspended": "CONCEDE"}
    assert types_of("Georgia's parliament dropped the foreign agents bill.") == {"dropped": "CONCEDE"}
    assert types_of("Russia suspended the grain deal.") == {"suspended": "SANCTION"}
    assert types_of("Soldiers abandoned their posts.") == {}
    assert types_of("Ethiopia unblocked 264 websites on Friday.") == {"unblocked": "CONCEDE"}
    assert types_of("The opposition suspended its boycott of the talks.") == {"suspended": "CONCEDE"}


def test_domestic_approvals_praise_of_a_team_and_defending_ones_own_are_no_support():
    assert types_of("Kyrgyz voters approved a new constitution in a referendum on Sunday.") == {}
    assert types_of("Greek lawmakers approved a new round of spending cuts.") == {}
    assert types_of("The president praised the national football team for reaching the final.") == {}
    assert types_of("The army defended the country's borders.") == {}
    assert types_of("France defended Israel's right to self-defence.") == {"defended": "SUPPORT"}
    assert types_of("Parliament approved the peace treaty with Jordan.") == {"approved": "SUPPORT"}
    assert types_of("Zambia received balance-of-payments support from the World Bank.") == {"support": "AID"}

