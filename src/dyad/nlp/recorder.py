"""From an annotated spaCy Doc to the plain DocumentRecord: the last step that sees spaCy."""

from __future__ import annotations

from spacy.tokens import Doc

from dyad import __version__
from dyad.attribution import attribute_events, link_speakers
from dyad.nlp.extensions import get_list
from dyad.records import DocumentRecord


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
    record.recode_events()
    link_speakers(record, get_list(doc, "dyad_mentions"))
    attribute_events(record)
    return record
