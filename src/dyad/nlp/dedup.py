"""One event, once: the last step of ``dyad_events`` before events are written.

An event side names each code once, a sentence reports each (type, dyad, date, modality) once,
and an event missing a side gives way to the same event told whole.
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Span

from dyad.nlp.parse import first_conjunct
from dyad.records import Event


def without_duplicates(coded: list[tuple[Span, Event]], codes: dict[str, str],
                       one_per_sentence: Container[str] = ()) -> list[tuple[Span, Event]]:
    """One event per (type, source codes, target codes, date, modality) said with one lemma, or one
    coordination of verbs, in one sentence.

    "X attacked Y ... and attacked Y again", "police shot and killed him" in one sentence are one
    report; the most complete is kept. Modality and lemma stay in the key: a denied agreement and a
    vow to cooperate are two facts, and so are "a series of meetings, including a summit". Verbs of
    types in ``one_per_sentence`` tell one event per pair of states, whatever the verb: "X received
    visiting Y, and the two discussed trade", "Obama arrived in Havana and met Raul Castro".
    """
    best: dict[tuple, int] = {}
    for n, (span, event) in enumerate(coded):
        verb = span.root.pos_ == "VERB" and event.type.lower() in one_per_sentence
        said, width = (None, 3) if verb else (first_conjunct(span.root).lemma_.lower(), None)
        key = (event.type, _codes_of(event.source, codes, width), _codes_of(event.target, codes, width), event.date,
               event.modality, event.sentence, said)
        kept = best.get(key)
        if kept is None or _completeness(event) > _completeness(coded[kept][1]):
            best[key] = n
    return [coded[n] for n in sorted(best.values())]


def without_partial(coded: list[tuple[Span, Event]], codes: dict[str, str]) -> list[tuple[Span, Event]]:
    """Drop an event missing a side when the same sentence has it whole: same type, same other side.

    "promised to continue aid to Mozambique" codes the promise (no target) and the aid (target
    Mozambique) as AGREE by Britain: one report, told in full by the second.
    """
    whole = {(e.type, e.modality, e.sentence, side, _codes_of(ids, codes))
             for _, e in coded if e.source and e.target for side, ids in (("s", e.source), ("t", e.target))}

    def partial(event: Event) -> bool:  # a denied act and an asserted one are two facts
        if event.source and not event.target:
            return (event.type, event.modality, event.sentence, "s", _codes_of(event.source, codes)) in whole
        if event.target and not event.source:
            return (event.type, event.modality, event.sentence, "t", _codes_of(event.target, codes)) in whole
        return False

    return [(span, event) for span, event in coded if not partial(event)]


def one_per_code(ids: list[str], codes: dict[str, str], sector_only: set[str], doers: bool = False) -> list[str]:
    """One actor per code on an event side, in order; a sector actor ("GOV", or "SDNOPP" with a country
    guessed from the sentence) only when no actor has a country, or, among the doers, a guessed one
    beside no state as a whole and no doer of its own sector.

    "Mugabe and his government" both code ZWEGOV: one participant, scored once. "the army and
    Syria" puts MIL beside SYR: the country already says who acts. "Sudan's military council and
    the opposition alliance agreed" are two parties: the alliance's sector is not the council's.
    """
    by_code: dict[str, str] = {}
    for i in ids:
        by_code.setdefault(codes.get(i, i), i)  # the first actor with each code, in order
    first = list(by_code.values())
    placed = [codes.get(i, i) for i in first if i not in sector_only]
    if not placed:
        return first
    if not doers or any(len(code) == 3 for code in placed):
        return [i for i in first if i not in sector_only]
    return [i for i in first if i not in sector_only or _distinct_party(codes.get(i, i), placed)]


def _distinct_party(code: str, placed: list[str]) -> bool:
    """A sector given a country from its sentence ("SDNOPP") that no placed doer already stands for,
    of a placed doer's state ("the Malian government and Tuareg rebels signed in Algiers": not Algeria's)."""
    return len(code) >= 6 and code[3:6] not in {p[3:6] for p in placed} and code[:3] in {p[:3] for p in placed}


def _codes_of(ids: list[str], codes: dict[str, str], width: int | None = None) -> tuple[str, ...]:
    return tuple(sorted({codes.get(i, i)[:width] for i in ids}))


def _completeness(event: Event) -> tuple[int, float]:
    return len(event.source) + len(event.target), event.confidence
