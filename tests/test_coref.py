"""In-document coreference (``dyad_coref``): pronouns, titles, group phrases and outlets."""

from pathlib import Path

import pytest

from dyad.nlp.pipeline import annotate, build_pipeline
from dyad.records import Document

SEED = Path(__file__).resolve().parents[1] / "examples" / "seed-article.txt"


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def run(nlp, text, published="2024-01-15"):
    return next(annotate(nlp, [Document(text=text, published=published)]))


def linked(doc, phrase, after=""):
    """The actors that the first ``phrase`` (after the text ``after``) was linked to, by name."""
    start = doc.text.index(phrase, doc.text.index(after) if after else 0)
    ids = {m.actor_id for m in doc._.dyad_mentions if m.start == start and m.end == start + len(phrase)}
    return sorted(a.name for a in doc._.dyad_actors if a.id in ids)


def hows(doc, phrase):
    start = doc.text.index(phrase)
    return {m.how for m in doc._.dyad_mentions if m.start == start}


# ---------------------------------------------------------------- pronouns


def test_i_and_we_in_a_direct_quote_are_its_speaker(nlp):
    doc = run(nlp, '"We will retaliate against Chile," the Peruvian foreign minister told reporters.')
    assert linked(doc, "We") == ["Peruvian foreign minister"]
    # outside quotation marks "we" names nobody
    doc = run(nlp, "We will retaliate against Chile, the Peruvian foreign minister told reporters.")
    assert linked(doc, "We") == []


@pytest.mark.parametrize(
    "pronoun, expected",
    [("She", ["Maria Zakharova"]), ("He", ["Sergei Lavrov"])],
)
def test_pronoun_gender_overrides_subject_preference(nlp, pronoun, expected):
    text = (
        "Russian Foreign Minister Sergei Lavrov met Russian Foreign Ministry spokeswoman Maria Zakharova "
        f"on Monday. {pronoun} said the talks were useful."
    )
    doc = run(nlp, text)
    assert linked(doc, f"{pronoun} said") == [] and linked(doc, pronoun) == expected
    assert hows(doc, pronoun) == {"pronoun"}


def test_subject_is_preferred_over_a_more_recent_object(nlp):
    doc = run(nlp, "Japan criticised South Korea on Tuesday. It said the decision was regrettable.")
    assert linked(doc, "It") == ["Japan"]


def test_it_takes_the_subject_of_the_governing_clause(nlp):
    doc = run(nlp, "Iran denied that it had supplied drones to Russia.")
    assert linked(doc, "it") == ["Iran"]


def test_a_possessive_in_an_infinitive_is_its_controllers(nlp):
    doc = run(nlp, "Peru recognised Taiwan, prompting China to recall its ambassador.")
    assert linked(doc, "its") == ["China"]
    doc = run(nlp, "Peru decided to recall its ambassador from China.")
    assert linked(doc, "its") == ["Peru"]
    # one asked to act for the asker keeps the asker's possessive
    doc = run(nlp, "Peru asked China to release its fishermen.")
    assert linked(doc, "its") == ["Peru"]


def test_it_never_refers_to_a_person(nlp):
    doc = run(nlp, "Russian Foreign Minister Sergei Lavrov said it would respond.")
    assert linked(doc, "it") == []


def test_pleonastic_it_is_left_alone(nlp):
    doc = run(nlp, "Germany sent tanks to Ukraine. It is likely that more will follow.")
    assert linked(doc, "It") == []


def test_they_takes_a_conjunction_of_actors(nlp):
    doc = run(nlp, "Germany and France signed a pact with Egypt on Monday. They hope to expand trade.")
    assert linked(doc, "They") == ["France", "Germany"]


def test_noun_phrase_without_actor_blocks_a_worse_antecedent(nlp):
    # "it" is the pact, which is no actor: better unresolved than linked to Egypt
    doc = run(nlp, "Germany signed a pact with Egypt. The parliament said it would last a decade.")
    assert linked(doc, "it") == []


def test_object_pronoun_is_not_its_clause_subject(nlp):
    text = "Chinese Foreign Minister Wang Yi arrived in Moscow. Russian Foreign Minister Sergei Lavrov met him on Monday."
    assert linked(run(nlp, text), "him") == ["Wang Yi"]


def test_object_pronoun_of_a_participle_is_not_the_sentence_subject(nlp):
    text = "Foreign Minister Sergei Lavrov met Wang Yi in Moscow, urging him to stay."
    assert linked(run(nlp, text), "him") == ["Wang Yi"]
    text = "Wang Yi rejected the plan, prompting Foreign Minister Sergei Lavrov to criticise him."
    assert linked(run(nlp, text), "him") == ["Wang Yi"]  # Lavrov criticises: the infinitive's own doer


def test_object_pronoun_of_a_purpose_infinitive_is_not_the_sentence_subject(nlp):
    text = "Foreign Minister Sergei Lavrov telephoned Wang Yi on Monday to thank him for his support."
    assert linked(run(nlp, text), "him") == ["Wang Yi"]


def test_a_possessive_in_a_relative_clause_is_the_relatives_antecedents(nlp):
    text = "Chile and Peru criticised the vote, angering Bolivia, which recalled its envoy."
    assert linked(run(nlp, text), "its") == ["Bolivia"]


def test_it_as_an_object_is_not_any_of_its_clause_subjects(nlp):
    # "it" is the object by its place, and each conjoined subject is the clause's subject
    text = "Saudi Arabia, the United Arab Emirates and Egypt cut ties with Qatar, accusing it of supporting terrorism."
    assert linked(run(nlp, text), "it", after="accusing") == ["Qatar"]


def test_it_is_in_a_clause_an_actor_reports_is_the_speaker(nlp):
    doc = run(nlp, "Chile says it is ready to reopen its embassy in Peru.")
    assert linked(doc, "it") == ["Chile"]


def test_it_is_with_an_extraposed_clause_stays_pleonastic_after_a_report(nlp):
    doc = run(nlp, "Officials in Chile said it is likely that talks resume.")
    assert linked(doc, "it") == []


def test_subject_pronoun_of_a_reported_clause_may_be_the_speaker(nlp):
    text = "Russian Foreign Ministry spokeswoman Maria Zakharova said she would travel to Minsk."
    assert linked(run(nlp, text), "she") == ["Maria Zakharova"]


def test_pronoun_inside_a_noun_phrase_skips_its_head(nlp):
    doc = run(nlp, "Officials said criticism from the U.S. and its allies was unfair.")
    assert linked(doc, "its") == ["United States"]


# ---------------------------------------------------------------- titles


def test_title_with_country_takes_the_same_office_under_another_word(nlp):
    text = "North Korean leader Kim Jong Un met Russian Foreign Minister Sergei Lavrov. The North Korean president thanked him."
    doc = run(nlp, text)
    assert linked(doc, "North Korean president") == ["Kim Jong Un"]
    assert linked(doc, "him") == ["Sergei Lavrov"]
    assert "North Korean president" not in {a.name for a in doc._.dyad_actors}  # the title-only actor is merged


def test_bare_title_takes_an_earlier_person_with_that_role(nlp):
    doc = run(nlp, "Foreign Minister Sergei Lavrov arrived in Beijing on Monday. The minister will meet officials.")
    assert linked(doc, "minister") == ["Sergei Lavrov"] and hows(doc, "minister") == {"title"}


def test_title_with_another_country_does_not_corefer(nlp):
    doc = run(nlp, "Russian Foreign Minister Sergei Lavrov arrived in Beijing. The Chinese foreign minister welcomed him.")
    assert "Sergei Lavrov" not in linked(doc, "Chinese foreign minister")


def test_title_of_another_office_does_not_corefer(nlp):
    doc = run(nlp, "Chinese Foreign Minister Wang Yi arrived in Tokyo. The president said nothing.")
    assert "Wang Yi" not in linked(doc, "president")


# ---------------------------------------------------------------- phrases


def test_both_leaders_links_the_last_two_persons(nlp):
    text = "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol. Both leaders agreed to meet again."
    doc = run(nlp, text)
    assert linked(doc, "Both leaders") == ["Fumio Kishida", "Yoon Suk Yeol"]
    assert hows(doc, "Both leaders") == {"group"}


def test_two_countries_come_from_persons_and_countries_before(nlp):
    text = "Japanese Prime Minister Fumio Kishida visited South Korea, and Japan hopes the two countries can cooperate."
    doc = run(nlp, text)
    codes = sorted(a.code for a in doc._.dyad_actors if a.name in linked(doc, "the two countries"))
    assert codes == ["JPN", "KOR"]
    # a state named only in a person's title stands for itself through the person
    doc = run(nlp, "Egypt's foreign minister met Jordan's King Abdullah, and the two countries agreed to build a pipeline.")
    codes = sorted(a.code[:3] for a in doc._.dyad_actors if a.name in linked(doc, "the two countries"))
    assert codes == ["EGY", "JOR"]


def test_the_country_prefers_the_topic_of_its_sentence(nlp):
    doc = run(nlp, "As for Japan, relations with China have been cold, but the country is growing.")
    assert linked(doc, "the country") == ["Japan"]


def test_the_publication_is_the_cited_source(nlp):
    doc = run(nlp, "The war escalated, writes UNN citing Reuters.\nFighting will go on, the publication said.")
    assert linked(doc, "the publication") == ["Reuters"] and hows(doc, "the publication") == {"outlet"}


def test_an_outlet_without_an_actor_gets_one(nlp):
    doc = run(nlp, "The talks failed, writes UNN citing Yonhap.\nMore talks are planned, the agency said.")
    outlet = [a for a in doc._.dyad_actors if a.name == "Yonhap"]
    assert len(outlet) == 1 and outlet[0].kind == "media" and outlet[0].code == "KORMED"
    assert linked(doc, "the agency") == ["Yonhap"]


# ---------------------------------------------------------------- the seed article


@pytest.fixture(scope="module")
def seed(nlp):
    return run(nlp, SEED.read_text(encoding="utf-8"))


def test_seed_pronoun_she_is_choi(seed):
    assert linked(seed, "she", after="If she meets") == ["Choi Seong-hee"]


def test_seed_russian_president_is_putin(seed):
    assert linked(seed, "Russian president") == ["Vladimir Putin"]


def test_seed_two_countries_are_north_korea_and_russia(seed):
    assert sorted(a.code for a in seed._.dyad_actors if a.name in linked(seed, "the two countries")) == ["PRK", "RUS"]


def test_seed_publication_is_reuters(seed):
    assert linked(seed, "the publication") == linked(seed, "the publication", after="As for") == ["Reuters"]


def test_seed_the_country_is_north_korea(seed):
    assert linked(seed, "the country") == ["North Korea"]


def test_seed_hypothetical_meeting_gets_choi_as_source(seed):
    start = seed.text.index("meets")
    event = next(e for e in seed._.dyad_events if e.trigger[0] == start)
    choi = next(a.id for a in seed._.dyad_actors if a.name == "Choi Seong-hee")
    assert event.source == [choi] and event.modality == "hypothetical"


def test_seed_records_stay_consistent(seed):
    ids = [a.id for a in seed._.dyad_actors]
    assert len(ids) == len(set(ids))
    for mention in seed._.dyad_mentions:
        assert seed.text[mention.start : mention.end] == mention.text and mention.actor_id in ids
    for actor in seed._.dyad_actors:
        assert actor.mentions == sorted(set(actor.mentions)) and actor.mentions
    starts = [m.start for m in seed._.dyad_mentions]
    assert starts == sorted(starts)
    assert len(seed.spans["dyad_actors"]) == len(seed._.dyad_mentions)


def test_the_three_leaders_are_the_last_three_named(nlp):
    doc = run(nlp, "Putin hosted Xi Jinping and Narendra Modi in Kazan, and the three leaders discussed trade.")
    assert linked(doc, "the three leaders") == ["Narendra Modi", "Putin", "Xi Jinping"]


def test_they_after_a_leader_and_his_family_is_the_leader(nlp):
    doc = run(nlp, "Ousted Afghan president Ashraf Ghani and his family arrived in Abu Dhabi, and the UAE granted them asylum.")
    assert linked(doc, "them") == ["Ashraf Ghani"]


def test_the_two_leaders_are_of_two_states_and_the_two_men_need_not_be(nlp):
    doc = run(nlp, "Chilean President Michelle Bachelet attended Ollanta Humala's inauguration as Peru's president, "
                   "and the two leaders agreed to meet again.")
    countries = sorted(a.country for a in doc._.dyad_actors if a.name in linked(doc, "the two leaders"))
    assert countries == ["CHL", "PER"]
    doc = run(nlp, "Peruvian police arrested Juan Morales and Pedro Ruiz, and the two men were charged on Monday.")
    assert linked(doc, "the two men") == ["Juan Morales", "Pedro Ruiz"]


def test_the_north_and_the_south_of_a_divided_country_in_a_story_about_it(nlp):
    doc = run(nlp, "South Korea suspended a military pact with the North on Monday.")
    assert [a.code for a in doc._.dyad_actors if a.name in linked(doc, "the North")] == ["PRK"]
    # the start of a longer name, or a story about no divided country, refers to no state
    doc = run(nlp, "South Korea sent two warships to the South China Sea.")
    assert linked(doc, "the South") == []
    doc = run(nlp, "Farmers in the North protested against the government in Rome.")
    assert linked(doc, "the North") == []
