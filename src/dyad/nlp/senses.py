"""Choosing among a lemma's trigger entries ("strike" the attack or the labour protest) by context."""

from __future__ import annotations

from spacy.tokens import Token

from dyad.ontology.triggers import Trigger


def choose_sense(token: Token, entries: list[Trigger]) -> Trigger | None:
    """The entry that fits the trigger's context; the first (usual news sense) by default."""
    return entries[0] if entries else None
