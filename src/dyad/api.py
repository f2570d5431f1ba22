"""read → annotate → record, without a store: the library's front door."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dyad.records import Document, DocumentRecord


def extract_records(documents: Iterable[Document], batch_size: int = 16) -> Iterator[DocumentRecord]:
    """Code each document, in order, with the process's shared pipeline. A document in another
    language than English comes back uncoded, with its language and why."""
    from dyad.nlp.pipeline import annotate, shared_pipeline
    from dyad.nlp.recorder import to_record

    pending: list[tuple[Document, str | None]] = []  # in input order; the pipe reads ahead

    def to_code() -> Iterator[Document]:
        for document in documents:
            reason = _language_check(document)
            pending.append((document, reason))
            if reason is None:
                yield document

    for doc in annotate(shared_pipeline(), to_code(), batch_size=batch_size):
        while pending[0][1] is not None:
            yield uncoded_record(*pending.pop(0))
        pending.pop(0)
        yield to_record(doc)
    yield from (uncoded_record(document, reason) for document, reason in pending)


def _language_check(document: Document) -> str | None:
    from dyad.ingest.language import detect, not_coded_reason

    document.language = document.language or detect(document.text)
    return not_coded_reason(document.language)


def uncoded_record(document: Document, reason: str | None) -> DocumentRecord:
    """The document as stored when it is not coded: its text, metadata and the reason."""
    from dyad import __version__

    return DocumentRecord(
        id=document.id, text=document.text, published=document.published,
        published_source=document.published_source, title=document.title, url=document.url,
        outlet=document.outlet, language=document.language, pipeline_version=__version__,
        status=reason or "not coded",
    )


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
