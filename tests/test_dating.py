"""Event dating: the clause's time expression (a date or a range), else the publication date."""

import pytest
import spacy

from dyad import extract
from dyad.nlp.dating import clamp_to_publication, readings
from dyad.nlp.extensions import register_extensions
from dyad.nlp.timex import find_times, parse_dct
from dyad.records import Document, Event

PUBLISHED = "2024-03-06"  # a Wednesday

register_extensions()


def dated(text, trigger, published=PUBLISHED):
    record = extract(text, published=published)
    (event,) = {e.date: e for e in record.events if record.text[e.trigger[0] : e.trigger[1]] == trigger}.values()
    span = record.text[event.date_span[0] : event.date_span[1]] if event.date_span else None
    return event, span


def test_a_future_range_runs_from_the_coming_monday_to_the_coming_wednesday():
    event, span = dated("Russia will hold talks with China from Monday through Wednesday.", "hold talks")
    assert (event.date, event.date_end, event.date_precision) == ("2024-03-11", "2024-03-13", "day")
    assert (event.date_source, span) == ("text", "Monday through Wednesday")


def test_since_last_year_keeps_the_background_year_and_runs_to_publication():
    event, span = dated("Relations between Russia and China have improved since last year.", "improved")
    assert (event.date, event.date_precision, event.date_source, span) == ("2023", "year", "text", "last year")
    assert event.date_end == PUBLISHED


def test_a_past_event_without_a_time_takes_the_publication_date():
    event, span = dated("Russia accused Ukraine of shelling the plant.", "accused")
    assert (event.date, event.date_precision, event.date_source) == (PUBLISHED, "day", "publication")
    assert span is None and event.date_end is None


def test_through_a_coming_day_runs_from_publication_to_that_day():
    event, span = dated("The Chinese foreign minister will visit Russia through Friday.", "visit")
    assert (event.date, event.date_end, span) == (PUBLISHED, "2024-03-08", "Friday")


def test_a_time_of_day_dates_the_event_to_its_day():
    event, span = dated("Israel condemned Iran on Sunday morning.", "condemned")
    assert (event.date, event.date_precision, span) == ("2024-03-03", "day", "Sunday morning")


def test_a_vague_reference_is_no_date():
    event, _ = dated("Russia recently accused Ukraine of shelling the plant.", "accused")
    assert event.date_source == "publication"


def test_without_publication_an_explicit_date_still_dates_but_a_range_stays_open():
    record = extract("Russia has shelled Kharkiv since March 3, 2023.")
    (event,) = record.events
    assert (event.date, event.date_source, event.date_end) == ("2023-03-03", "text", None)


# --- readings: ranges from the words around the expressions -------------------------------------


def read(text, published=PUBLISHED):
    times = find_times(text, published, "past")
    found = readings(text, times, parse_dct(published))
    return [(r.date, r.end, text[r.span[0] : r.span[1]]) if r else None for r in found]


def test_between_pairs_two_expressions_and_a_bare_and_does_not():
    assert read("Talks were held between May and July.")[0] == ("2023-05", "2023-07", "May and July")
    assert read("Talks were held on Monday and Friday.") == [("2024-03-04", None, "Monday"),
                                                               ("2024-03-01", None, "Friday")]


def test_durations_and_sets_give_no_date():
    assert read("Talks lasted three days and are held every week.") == [None, None]


# --- nothing that happened is dated after the article --------------------------------------------


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def clamp(blank, text, phrase, date, modality="asserted", published=PUBLISHED):
    doc = blank(text)
    doc._.dyad_document = Document(text=text, published=published)
    start = text.index(phrase)
    event = Event(id="e", type="ASSAULT", trigger=(0, 1), sentence=(0, len(text)), date=date,
                  date_precision="day", date_source="text", date_span=(start, start + len(phrase)), modality=modality)
    clamp_to_publication(event, doc)
    return event


def test_a_done_event_misread_as_the_coming_weekday_takes_the_past_one(blank):
    event = clamp(blank, "On Friday, troops attacked the town.", "Friday", "2024-03-08")
    assert (event.date, event.date_source) == ("2024-03-01", "text")


def test_a_done_event_dated_ahead_by_the_text_falls_back_to_publication(blank):
    event = clamp(blank, "Troops attacked the town next week.", "next week", "2024-W11")
    assert (event.date, event.date_source, event.date_span) == (PUBLISHED, "publication", None)


@pytest.mark.parametrize("modality", ["future", "hypothetical"])
def test_future_and_hypothetical_events_keep_later_dates(blank, modality):
    event = clamp(blank, "Troops will attack the town next week.", "next week", "2024-W11", modality)
    assert (event.date, event.date_source) == ("2024-W11", "text")
