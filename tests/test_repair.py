"""dyad_repair: a past tense the parser read as a participle on a noun is the sentence's verb; a finite verb
read as a conjunct of an infinitive is the governing verb's; a name stranded before its list heads it.

Every sentence is invented; each positive case asserts first that the bare model misparses it.
"""

import pytest
import spacy

import dyad
from dyad.nlp.pipeline import MODEL, shared_pipeline


@pytest.fixture(scope="module")
def bare():
    return spacy.load(MODEL)  # the model's own parse, without dyad's components


def parse(doc):
    return [(t.dep_, t.head.i) for t in doc]


@pytest.mark.parametrize("text, verb, subject", [
    ("Bolivian miners resorted to blocking the main highway.", "resorted", "miners"),
    ("Nurses from a Norwegian charity collected and shipped vaccines to Gaza.", "collected", "Nurses"),
])
def test_a_verbless_sentence_gets_its_verb_back(bare, text, verb, subject):
    assert bare(text)[:].root.pos_ == "NOUN"  # the misparse this repairs
    root = shared_pipeline()(text)[:].root
    assert (root.text, [c.text for c in root.children if c.dep_ == "nsubj"]) == (verb, [subject])


def test_a_subject_inside_the_participles_own_clause_does_not_hide_the_missing_verb(bare):
    text = ("Maria Lopez, the senior Liberal on the Senate Finance Committee, called on President Duque to "
            "sanction Venezuela -- a step the Colombian senator said is long overdue.")
    misparsed = bare(text)
    assert misparsed[:].root.text == "Lopez" and any(t.dep_ == "nsubj" for t in misparsed)  # the misparse this repairs
    root = shared_pipeline()(text)[:].root
    assert (root.text, [c.text for c in root.children if c.dep_ == "nsubj"]) == ("called", ["Lopez"])


def test_a_doubled_subject_of_the_reporting_verb_is_what_was_reported(bare):
    text = "Bolivian miners resorted to blocking the main highway, officials said on Monday."
    said = next(t for t in bare(text) if t.text == "said")
    assert len([c for c in said.children if c.dep_ == "nsubj"]) == 2  # the misparse this repairs
    said = next(t for t in shared_pipeline()(text) if t.text == "said")
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["officials"]
    assert [c.text for c in said.children if c.dep_ == "ccomp"] == ["resorted"]


@pytest.mark.parametrize("text", [
    "A building hit by a missile in Kharkiv.",  # a real participle: it has an agent
    "Villagers displaced.",  # nothing a main verb would have
    "Three fishermen killed in a naval clash off Sri Lanka.",  # only where it happened
    "Two police officers wounded near the border on Sunday.",
    "Soldiers wounded in the attack were flown to Ramstein, the army said.",  # the verb is there
])
def test_real_participles_are_left_alone(bare, text):
    assert parse(shared_pipeline()(text)) == parse(bare(text))


def test_the_repaired_sentence_codes_its_event():
    record = dyad.extract("Bolivian miners resorted to occupying the town hall in Potosi.",
                          published="2024-01-15")
    assert record.events and all(e.source_codes for e in record.events)


def test_a_finite_verb_conjoined_to_an_infinitive_is_the_governing_verbs_conjunct(bare):
    text = "Chile agreed to reschedule the debt and extended new credits to Peru."
    misparsed = bare(text)
    extended = next(t for t in misparsed if t.text == "extended")
    assert extended.dep_ == "conj" and extended.head.text == "reschedule"  # the misparse this repairs
    repaired = next(t for t in shared_pipeline()(text) if t.text == "extended")
    assert (repaired.dep_, repaired.head.text) == ("conj", "agreed")
    # a bare infinitive conjunct is part of what was agreed
    kept = next(t for t in shared_pipeline()("Chile agreed to reschedule the debt and extend new credits.") if t.text == "extend")
    assert kept.head.text == "reschedule"
    assert ("AID", ("CHL",), ("PER",)) in {(e.type, tuple(e.source_codes), tuple(e.target_codes))
                                          for e in dyad.extract(text, published="1987-06-15").events}


def test_an_adjective_root_with_no_copula_gives_the_root_back_to_its_verb(bare):
    text = "Government troops loyal to the president crushed the revolt in Lima."
    assert bare(text)[:].root.text == "loyal"  # the misparse this repairs
    repaired = shared_pipeline()(text)
    root = repaired[:].root
    assert (root.text, [c.text for c in root.children if c.dep_ == "nsubj"]) == ("crushed", ["troops"])
    # with a copula the adjective is the predicate
    assert shared_pipeline()("The troops were loyal to the president when they crushed the revolt.")[:].root.text == "were"


def test_a_past_tense_read_as_a_participle_after_an_infinitive_is_the_governing_verbs_too(bare):
    text = "Ghana called on the junta to step aside and imposed sanctions on Mali."
    imposed = next(t for t in bare(text) if t.text == "imposed")
    assert (imposed.tag_, imposed.head.text) == ("VBN", "step")  # the misparse this repairs
    repaired = next(t for t in shared_pipeline()(text) if t.text == "imposed")
    assert (repaired.tag_, repaired.head.text) == ("VBD", "called")
    # a passive infinitive's participles stay where they are
    kept = next(t for t in shared_pipeline()("The general wanted them to be arrested and jailed.") if t.text == "jailed")
    assert kept.head.text == "arrested"


def test_a_name_before_a_comma_that_opens_the_subjects_list_heads_it(bare):
    text = "Obama, Sarkozy and Brown accused Iran of lying."
    assert bare(text)[0].dep_ == "npadvmod"  # the misparse this repairs
    obama = shared_pipeline()(text)[0]
    assert (obama.dep_, [c.text for c in obama.children if c.dep_ == "conj"]) == ("nsubj", ["Sarkozy"])


def test_a_past_tense_read_as_an_adjective_of_its_object_is_the_verb(bare):
    text = "Niger's military seized power in a coup and detained President Bazoum."
    assert bare(text)[:].root.text == "power"  # the misparse this repairs
    seized = shared_pipeline()(text)[:].root
    assert seized.text == "seized"
    assert {c.dep_: c.text for c in seized.children if c.dep_ in ("nsubj", "dobj", "conj")} == {
        "nsubj": "military", "dobj": "power", "conj": "detained"}
    assert ("COERCE", ("NERMIL",), ("NERGOV",)) in {(e.type, tuple(e.source_codes), tuple(e.target_codes))
                                                   for e in dyad.extract(text, published="2023-07-27").events}


def test_a_noun_complement_read_as_a_clause_gives_the_judging_verb_its_object(bare):
    text = "Peru declared the Venezuelan ambassador persona non grata."
    assert next(t for t in bare(text) if t.text == "ambassador").dep_ == "nsubj"  # the misparse this repairs
    declared = shared_pipeline()(text)[:].root
    assert {c.dep_: c.text for c in declared.children if c.dep_ in ("dobj", "oprd")} == {
        "dobj": "ambassador", "oprd": "persona"}


def test_a_name_after_a_noun_read_as_a_relative_clauses_subject_gets_its_verb_back(bare):
    text = "Russia's state gas monopoly Gazprom halted supplies to Georgia on Sunday."
    assert bare(text)[:].root.text == "monopoly"  # the misparse this repairs
    root = shared_pipeline()(text)[:].root
    assert (root.text, [c.text for c in root.children if c.dep_ == "nsubj"]) == ("halted", ["Gazprom"])


def test_a_past_tense_read_as_an_adjective_in_a_later_clause_is_its_verb(bare):
    text = "North Korean artillery shelled the island, killing two soldiers, and South Korea's military returned fire, the ministry said."
    returned = next(t for t in bare(text) if t.text == "returned")
    assert returned.dep_ == "amod"  # the misparse this repairs
    returned = next(t for t in shared_pipeline()(text) if t.text == "returned")
    assert {c.dep_: c.text for c in returned.children if c.dep_ in ("nsubj", "dobj")} == {"nsubj": "military", "dobj": "fire"}


def test_a_past_tense_after_a_participles_agent_is_the_verb(bare):
    text = "Turkish troops backed by tanks pushed into northern Syria and took the town."
    assert bare(text)[:].root.text == "troops"  # the misparse this repairs
    root = shared_pipeline()(text)[:].root
    assert root.text == "pushed"
    assert {c.dep_: c.text for c in root.children if c.dep_ in ("nsubj", "conj")} == {"nsubj": "troops", "conj": "took"}
