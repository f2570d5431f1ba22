"""The ``Doc._.dyad_*`` extensions: every dyad component writes plain records here.

Each component owns one attribute; spans for displaCy-style views also go to
``doc.spans["dyad_<name>"]``.
"""

from spacy.tokens import Doc

DOC_EXTENSIONS = (
    "dyad_document",  # dyad.records.Document being annotated (metadata, published date)
    "dyad_actors",  # list[Actor]
    "dyad_mentions",  # list[Mention]
    "dyad_places",  # list[Place]
    "dyad_times",  # list[TimeExpression]
    "dyad_quotes",  # list[Quote]
    "dyad_sources",  # list[Source]
    "dyad_events",  # list[Event]
)


def register_extensions() -> None:
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def get_list(doc: Doc, name: str) -> list:
    """The list stored under ``doc._.<name>``, created on first use."""
    value = getattr(doc._, name)
    if value is None:
        value = []
        setattr(doc._, name, value)
    return value


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins every token again on each access."""
    text = doc.user_data.get("dyad_text")
    if text is None:
        text = doc.user_data["dyad_text"] = doc.text
    return text
