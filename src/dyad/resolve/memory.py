"""Corpus memory: a person coded once by how the news introduced them codes later bare mentions.

Once a stored article said "Russian Foreign Minister Sergei Lavrov", a later article that says
only "Lavrov" (or "Sergei Lavrov") gets RUSGOV, with the earlier evidence pointed to.
A name that matches more than one remembered person stays uncoded: no guessing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from dyad.gazetteer import load_gazetteer
from dyad.records import Actor, DocumentRecord
from dyad.resolve.roles import recode_events


@dataclass(frozen=True)
class Remembered:
    """A coded person as a stored document introduced them."""

    name: str
    code: str
    country: str | None
    sector: str | None
    role: str | None
    doc_id: str
    evidence: tuple[tuple[int, int], ...]


def name_key(name: str) -> str:
    """Case, hyphen and spacing do not make another person: "Kim Jong-un" == "kim jong un"."""
    return " ".join(re.sub(r"[-‐‑]", " ", name).lower().split())


def family_name(name: str, country: str | None) -> str:
    return load_gazetteer().family_name(name_key(name).split(), country)


def keys_for(actor: Actor) -> set[str]:
    """The names a later article may use for this person: full name and family name."""
    return {name_key(actor.name), family_name(actor.name, actor.country)} - {""}


def rememberable(record: DocumentRecord) -> Iterable[Actor]:
    """Persons this document coded from its own text (a title, a nationality), not from memory."""
    for actor in record.actors:
        if actor.kind == "person" and actor.code and actor.evidence_doc is None and len(actor.name.split()) > 1:
            yield actor


def recall(record: DocumentRecord, lookup) -> int:
    """Code this document's uncoded persons from memory; ``lookup(key)`` gives Remembered matches.

    Returns how many actors were coded. Events are recoded to match.
    """
    coded = 0
    for actor in record.actors:
        if actor.kind != "person" or actor.code:
            continue
        matches = {(m.name, m.code): m for m in lookup(name_key(actor.name))}
        if len(matches) != 1:
            continue  # unknown, or ambiguous between two remembered people
        (known,) = matches.values()
        actor.code, actor.country, actor.sector = known.code, known.country, known.sector
        actor.role = actor.role or known.role
        actor.evidence, actor.evidence_doc = list(known.evidence), known.doc_id
        coded += 1
    if coded:
        recode_events(record)
    return coded
