"""From an annotated spaCy Doc to the plain DocumentRecord: the last step that sees spaCy."""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Doc

from dyad import __version__
from dyad.attribution import attribute_events, link_speakers
from dyad.gazetteer.history import historical_states
from dyad.nlp.extensions import get_list
from dyad.nlp.timex import interval
from dyad.records import DocumentRecord
from dyad.resolve.roles import recode_events

HISTORICAL_AFTER = timedelta(days=365)  # an event dated this long before the article is its background


def to_record(doc: Doc) -> DocumentRecord:
    document = doc._.dyad_document
    record = DocumentRecord(
        id=document.id,
        text=document.text,
        published=document.published,
        published_source=document.published_source,
        title=document.title,
        url=document.url,
        outlet=document.outlet,
        language=document.language,
        actors=get_list(doc, "dyad_actors"),
        events=get_list(doc, "dyad_events"),
        times=get_list(doc, "dyad_times"),
        quotes=get_list(doc, "dyad_quotes"),
        places=get_list(doc, "dyad_places"),
        sources=get_list(doc, "dyad_sources"),
        pipeline_version=__version__,
    )
    recode_events(record)
    link_speakers(record, get_list(doc, "dyad_mentions"))
    attribute_events(record)
    mark_historical(record)
    return record


def mark_historical(record: DocumentRecord) -> None:
    """Background, not news: an event the text dates more than a year before the article ("in 2011
    the United States called for ..."), which keeps its date; and an undated event with a state that
    had ceased to exist when the article appeared ("relations were warm in the heyday of the Soviet
    Union"), which has no date to keep.
    """
    try:
        published = date.fromisoformat(record.published or "")
    except ValueError:
        return
    gone = {code for code, state in historical_states().items() if state.end < record.published}
    for event in record.events:
        if event.modality != "asserted":
            continue
        covered = interval(event.date_end or event.date) if event.date_source == "text" else None
        if covered is not None and covered[1] < published - HISTORICAL_AFTER:
            event.modality = "historical"
        elif {c[:3] for c in event.source_codes + event.target_codes} & gone and event.date_source != "text":
            event.modality = "historical"
            event.date, event.date_precision, event.date_source = None, "none", "none"
