"""Trigger lexicon coverage: common news wording for each CAMEO family codes the right PLOVER type.

Made-up sentences through the full pipeline (``dyad.extract``); each asserts what a coder of the
sentence would record: the event type, and its dyad where the sentence makes it plain. Ambiguous
words are checked both ways (the event sense and a look-alike that is no event or another type).
"""

import pytest

from dyad import extract

PUBLISHED = "2024-03-06"


def events(text):
    record = extract(text, published=PUBLISHED)
    return {record.text[e.trigger[0] : e.trigger[1]]: e for e in record.events}


def types(text):
    return {e.type for e in events(text).values()}


def coded(text, trigger, type_, source=None, target=None):
    found = events(text)
    assert trigger in found, (text, {k: e.type for k, e in found.items()})
    e = found[trigger]
    assert e.type == type_, (text, e.type, e.cameo)
    if source is not None:
        assert e.source_codes == source, (text, e.source_codes)
    if target is not None:
        assert e.target_codes == target, (text, e.target_codes)
    return e


# -- 03 intent to cooperate, 04 consult --------------------------------------


def test_agree_pacts_invitations_settlements():
    coded("Iran and Iraq announced a security pact on Monday.", "pact", "AGREE")
    coded("Vietnam accepted an invitation to visit Japan.", "accepted", "AGREE", ["VNM"])
    coded("Egypt and Israel reached a settlement over the gas field.", "reached", "AGREE")


def test_consult_travel_and_calls():
    coded("Antony Blinken travelled to Beijing on Tuesday.", "travelled", "CONSULT", target=["CHN"])
    coded("Modi held a phone conversation with Putin.", "phone conversation", "CONSULT", ["INDGOV"], ["RUSGOV"])
    coded("Chinese President Xi received the visiting German chancellor in Beijing.", "received", "CONSULT",
          ["CHNGOV"], ["DEUGOV"])
    assert "CONSULT" not in types("The hypersonic missile travelled 1,000 kilometres.")


# -- 05 diplomatic cooperation, 06 material cooperation, 07 aid ---------------


def test_support_phrases():
    coded("Germany expressed gratitude to Poland for its help.", "expressed gratitude", "SUPPORT", ["DEU"], ["POL"])
    coded("Biden paid tribute to the Ukrainian soldiers.", "paid tribute", "SUPPORT", ["USAGOV"])
    coded("The European Union threw its support behind the Irish plan.", "threw", "SUPPORT")
    coded("Morocco and Israel inked a trade deal.", "inked", "SUPPORT")


def test_cooperate_joint_exercises_are_not_mobilization():
    coded("South Korea and the United States began joint military exercises on Monday.",
          "joint military exercises", "COOPERATE")
    coded("China held joint naval drills with Russia.", "drills", "COOPERATE")
    coded("Japan and India joined forces to build a port.", "joined forces", "COOPERATE")
    coded("Russia exported record volumes of oil to India.", "exported", "COOPERATE", ["RUS"], ["IND"])


def test_aid_deliveries_and_financial_support():
    coded("The United States shipped artillery shells to Ukraine.", "shipped", "AID", ["USA"])
    coded("The IMF disbursed $1 billion to Pakistan.", "disbursed", "AID", target=["PAK"])
    coded("Jordan airdropped food into Gaza.", "airdropped", "AID", ["JOR"])
    coded("The Asian Development Bank approved a loan for Mongolia.", "approved", "AID", target=["MNG"])
    coded("Norway announced emergency assistance for Malawi.", "assistance", "AID", ["NOR"], ["MWI"])


# -- 08 yield: CONCEDE (080-083) and RETREAT (084-087) ------------------------


def test_concede_easing_and_accession():
    coded("The military government legalized opposition parties.", "legalized", "CONCEDE")
    coded("Authorities restored press freedom after the election.", "restored", "CONCEDE")
    coded("Iran complied with the demands of the IAEA.", "complied", "CONCEDE", ["IRN"])
    coded("The Thai government agreed to the protesters' demands.", "agreed", "CONCEDE", ["THAGOV"])
    coded("Sudan granted autonomy to the southern region.", "granted", "CONCEDE", ["SDN"])
    coded("The protesters in Minsk dispersed peacefully.", "dispersed", "CONCEDE")
    coded("The government bowed to pressure from the unions.", "bowed to", "CONCEDE")


def test_concede_look_alikes():
    assert not events("The government restored order in the capital.")
    coded("Police dispersed the protesters with water cannon.", "dispersed", "COERCE", target=["OPP"])


def test_retreat_release_withdraw_ease():
    coded("Hamas set free three Thai hostages on Sunday.", "set free", "RETREAT")
    coded("The EU lifted its arms embargo on Vietnam.", "lifted", "RETREAT", target=["VNM"])
    coded("Egypt opened the Rafah crossing for aid trucks.", "opened", "RETREAT", ["EGY"])
    coded("The president stepped aside after the protests.", "stepped aside", "RETREAT")
    coded("Israel dismantled checkpoints in the West Bank.", "dismantled", "RETREAT", ["ISR"])
    assert "RETREAT" not in types("Police dismantled a drug network in Madrid.")


# -- 10 demand (and 02 appeals), 11 disapprove, 12 reject, 13 threaten ---------


def test_request_pressure_and_appeals():
    coded("The EU pressured Hungary to drop its veto.", "pressured", "REQUEST", ["IGOEUREEC"], ["HUN"])
    coded("Pakistan lobbied Washington to release the funds.", "lobbied", "REQUEST", ["PAK"])
    coded("The UN suggested that both sides halt the fighting.", "suggested", "REQUEST")
    assert "REQUEST" not in types("Polls suggest Labour will win the election.")


def test_request_plea_but_not_a_court_plea():
    coded("Lebanon's prime minister made a plea to the international community for aid.", "plea", "REQUEST")
    assert "REQUEST" not in types("The defendant entered a guilty plea in a New York court.")


def test_accuse_criticism_and_legal_action():
    coded("The Iranian foreign ministry castigated Britain over the seizure.", "castigated", "ACCUSE",
          ["IRNGOV"], ["GBR"])
    coded("Turkey reprimanded the Swedish ambassador.", "reprimanded", "ACCUSE", ["TUR"])
    coded("China expressed outrage at the Japanese visit.", "expressed outrage", "ACCUSE", ["CHN"])
    coded("Prosecutors in Brazil pressed charges against the former president.", "pressed charges", "ACCUSE")


def test_reject_ignore_and_defy():
    coded("Venezuela ignored the calls from the United States.", "ignored", "REJECT", ["VEN"])
    coded("Iran flouted the UN resolution.", "flouted", "REJECT", ["IRN"])
    coded("Russia brushed aside the Western criticism.", "brushed aside", "REJECT", ["RUS"])


def test_threaten_reprisals():
    coded("Hezbollah threatened reprisals against Israel.", "threatened reprisals", "THREATEN")


def test_warnings_target_whom_they_threaten():
    # what the warner says it will do, and to whom, is the threat: one event, against that party
    found = events("Tehran warned it would retaliate against Saudi tankers.")
    assert [e.type for e in found.values()] == ["THREATEN"], found
    assert [code[:3] for code in found["warned"].target_codes] == ["SAU"]
    coded("Beijing warned that Manila would pay a heavy price.", "warned", "THREATEN", target=["PHLGOV"])
    # a forecast names no one threatened
    assert events("The IMF warned that Chile's economy would shrink.")["warned"].target_codes == []
    assert "warned" not in events("Analysts warned that Russia could invade Georgia.")  # and a forecaster threatens nobody
    # the one warned, not the one the warning is about
    coded("Ankara warned Greek voters that Athens could lose its aid.", "warned", "THREATEN", target=["GRCCVL"])


# -- 14 protest -----------------------------------------------------------------


def test_protesters_gathering_storming_occupying():
    coded("Thousands of demonstrators gathered outside the parliament in Tbilisi.", "gathered", "PROTEST")
    coded("Protesters stormed the Swedish embassy in Baghdad.", "stormed", "PROTEST")
    coded("Protesters occupied the main square in Yerevan.", "occupied", "PROTEST")
    coded("French unions took industrial action.", "took industrial action", "PROTEST")
    coded("Coal miners in Ukraine staged a hunger strike.", "hunger strike", "PROTEST", ["UKRLAB"])
    coded("Dockworkers walked off the job in Chile.", "walked", "PROTEST", ["CHLLAB"])


def test_gathering_leaders_and_storming_troops_are_not_protest():
    assert "gathered" not in events("EU leaders gathered in Brussels on Monday.")
    coded("Russian troops stormed the village.", "stormed", "ASSAULT")


# -- 16 reduce relations, 15 mobilize -------------------------------------------


def test_sanction_cuts_recalls_and_exits():
    coded("The United States slashed aid to Egypt.", "slashed aid", "SANCTION", ["USA"], ["EGY"])
    coded("Nigeria recalled its diplomats from Niger.", "recalled", "SANCTION", ["NGA"])
    coded("China imposed an export ban on gallium.", "export ban", "SANCTION", ["CHN"])
    coded("Hamas pulled out of the talks in Cairo.", "pulled", "SANCTION")
    coded("Sudan ordered UN observers out of the country.", "ordered", "SANCTION", ["SDN"])
    coded("Brussels slapped punitive duties on Chinese bicycles.", "punitive duties", "SANCTION", target=["CHN"])
    coded("Washington levied tariffs on Japanese chips.", "tariffs", "SANCTION", target=["JPN"])
    coded("Canada imposed import duties on American lumber.", "imposed", "SANCTION", ["CAN"], ["USA"])
    assert not events("Britain imposed a duty on landlords to check the papers of tenants.")
    coded("The ministry announced anti-dumping duties on Japanese steel.", "anti-dumping duties", "SANCTION", target=["JPN"])
    assert not events("He said the first duty of the ministry is to protect farmers.")


def test_mobilize_alerts_launches_and_troop_moves():
    coded("Taiwan placed its forces on high alert.", "placed", "MOBILIZE", ["TWN"])
    coded("Russia moved troops toward the Ukrainian border.", "moved troops", "MOBILIZE", ["RUS"])
    coded("North Korea conducted a missile launch on Sunday.", "missile launch", "MOBILIZE", ["PRK"])


# -- 17 coerce ------------------------------------------------------------------


def test_coerce_detention_repression_and_control():
    coded("Belarusian police locked up dozens of opposition supporters.", "locked up", "COERCE", ["BLRCOP"])
    coded("The junta clamped down on the independent media.", "clamped down", "COERCE")
    coded("Rebels took control of the town of Goma.", "took control", "ASSAULT")  # ground taken by force, as captured
    coded("Police took control of the stadium.", "took control", "COERCE")
    coded("The junta shut down two independent newspapers.", "shut down", "COERCE", target=["MED"])
    coded("The regime stripped the dissident of his citizenship.", "stripped", "COERCE")
    coded("Russia expelled a BBC journalist.", "expelled", "COERCE", ["RUS"])


def test_coerce_look_alikes():
    assert not events("The central bank curbed inflation.")
    assert not events("The plant was shut down after the leak.")
    coded("Russia expelled ten American diplomats.", "expelled", "SANCTION", ["RUS"], ["USAGOV"])


# -- 18-20 assault --------------------------------------------------------------


@pytest.mark.parametrize("text, trigger", [
    ("Israeli warplanes hit targets in southern Lebanon.", "hit"),
    ("Ukrainian drones hit Russian positions near Bakhmut.", "hit"),
    ("Israel targeted Hamas commanders in Gaza.", "targeted"),
    ("Houthi rebels waged war on the Saudi-led coalition.", "waged war"),
    ("Hamas breached the ceasefire with rocket fire.", "breached"),
    ("Security forces crushed the protests in Tehran.", "crushed"),
    ("Iran hanged two protesters on Monday.", "hanged"),
    ("Israeli soldiers injured five Palestinians in Jenin.", "injured"),
])
def test_assault_wording(text, trigger):
    coded(text, trigger, "ASSAULT")


@pytest.mark.parametrize("text", [
    "Sanctions hit the Russian economy.",
    "Germany hit NATO's spending target.",
    "The new sanctions target Iranian oil exports.",
    "The president hung on to power.",
])
def test_assault_look_alikes_are_not_events(text):
    assert "ASSAULT" not in types(text)


def test_wording_of_wire_stories_on_memberships_tariffs_truces_and_handovers():
    coded("The Commonwealth suspended Nigeria's membership.", "suspended", "SANCTION", ["IGOCWN"], ["NGA"])
    assert not events("Virginia is a commonwealth.")
    coded("The United States raised tariffs on Chinese goods.", "raised tariffs", "SANCTION", ["USA"], ["CHN"])
    coded("Finland applied to join NATO.", "applied", "REQUEST", ["FIN"], ["IGOWSTNAT"])
    coded("Ukraine applied for EU membership.", "applied", "REQUEST", ["UKR"], ["IGOEUREEC"])
    assert not events("Russia applied pressure on Kiev.")
    coded("The IRA announced a complete cessation of military operations.", "announced", "CONCEDE")
    assert not events("The company announced a cessation of production in Mexico.")
    coded("Nigeria handed Charles Taylor over to Liberian authorities.", "handed", "COOPERATE", ["NGA"])
    coded("Islamic State militants seized control of the city of Mosul.", "seized control", "ASSAULT")
    coded("Israeli tanks smashed into the compound in Ramallah.", "smashed into", "ASSAULT", ["ISR"])
    assert not events("Typhoon Haiyan smashed into the central Philippines.")
    assert not events("Hurricane Wilma pounded Mexico's Caribbean coast.")
    coded("Rioting raged in Los Angeles.", "Rioting", "PROTEST", target=["USA"])  # the lemmatizer's "rag"


@pytest.mark.parametrize("text", [
    "The number of tourists visiting Egypt fell by a third last year.",
    "Engineers attacked the problem from a different angle.",
    "France captain Zinedine Zidane was sent off for head-butting Marco Materazzi.",
    "The conflict in Syria has killed more than 300,000 people.",
    "Airlines are waging a fare war on domestic routes.",
    "The candidate fired up supporters at a rally in Iowa.",
    "Britain became the first country to approve Pfizer's COVID-19 vaccine.",
    "The volcano's ash cloud invaded European airspace.",
    "China's Chang'e-5 probe landed on the moon.",
    "Foreign investors pulled money out of emerging markets.",
    "Nigeria's annual inflation rate eased to 32.15 percent in August.",
    "Bushfires have burned more than 6 million hectares across Australia.",
    "The former rebel commander now sits in parliament.",
    "The Kenyan runner threatened the world record.",
])
def test_everyday_and_figurative_uses_in_news_are_not_events(text):
    assert not events(text)


@pytest.mark.parametrize("text", [
    "Nigeria's central bank held its benchmark interest rate at 11.5% for a fifth straight meeting.",
    "Nickel prices more than doubled, forcing the London Metal Exchange to suspend trading.",
    "Italy declared a humanitarian emergency on the island of Lampedusa.",
    "Spain's football team arrived in Kyiv for the final.",
    "Japan's Liberal Democratic Party swept back to power, returning Shinzo Abe as prime minister.",
])
def test_markets_sport_and_elections_are_not_events(text):
    assert not events(text)


def test_trade_suspended_with_a_country_is_a_sanction_on_it():
    coded("Russia suspended trade with Georgia.", "suspended", "SANCTION", ["RUS"], ["GEO"])


def test_restrictions_at_home_and_terrorist_designations_are_coercion():
    coded("Egypt's interim government declared the Muslim Brotherhood a terrorist organization.", "declared", "COERCE")
    coded("The United States designated the Houthis as a terrorist group.", "designated", "COERCE", ["USA"])
    coded("Pakistan suspended mobile phone services across the country.", "suspended", "COERCE", ["PAK"], ["PAK"])
    assert not events("Kosovo declared independence from Serbia on Sunday.")
