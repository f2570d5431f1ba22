"""read → annotate → record, without a store: the library's front door."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dyad.records import Document, DocumentRecord


def extract_records(documents: Iterable[Document], batch_size: int = 16) -> Iterator[DocumentRecord]:
    """Code each document, in order, with the process's shared pipeline."""
    from dyad.nlp.pipeline import annotate, shared_pipeline
    from dyad.nlp.recorder import to_record

    for doc in annotate(shared_pipeline(), documents, batch_size=batch_size):
        yield to_record(doc)


def extract(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> DocumentRecord:
    """Code one article. ``published`` (ISO date) anchors relative dates; without it a dated
    dateline ("MOSCOW, Jan 15, 2024 (Reuters) -") does, and without either they stay unresolved."""
    from dyad.ingest.dates import dateline_date, given_date

    dateline = None if published else dateline_date(text)
    document = Document(
        text=text,
        title=title,
        outlet=outlet,
        url=url,
        published=given_date(published) if published else dateline,
        published_source="given" if published else "dateline" if dateline else "unknown",
    )
    return next(extract_records([document]))
