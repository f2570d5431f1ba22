"""The event trigger lexicon (``data/triggers.tsv``): lemmas and lemma phrases -> PLOVER type, mode, CAMEO.

Columns: phrase, pos, type, mode, cameo, target_preps, note.

- ``phrase`` is one lemma ("condemn") or space-separated lemmas ("impose sanction",
  "call for"). Hyphenated words are written with a space ("test fire") because
  spaCy splits "test-fired" into test / - / fire.
- ``pos`` is the part of speech of the phrase's head: VERB (first word) or NOUN (last word).
- ``target_preps``: prepositions whose object is the event's target ("meet with X",
  "impose sanctions on X"), ";"-separated.
- ``note`` starting with "exception:" marks a CAMEO code whose CAMEO2PLOVER type
  differs from the trigger's type on purpose (the reason follows).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from dyad.ontology.plover import DATA

EXCEPTION_PREFIX = "exception:"


@dataclass(frozen=True)
class Trigger:
    phrase: str
    pos: str  # VERB or NOUN
    type: str  # PLOVER type
    mode: str  # PLOVER mode or ""
    cameo: str  # CAMEO code or ""
    target_preps: tuple[str, ...] = ()
    note: str = ""

    @property
    def lemmas(self) -> tuple[str, ...]:
        return tuple(self.phrase.split())

    @property
    def is_phrase(self) -> bool:
        return len(self.lemmas) > 1

    @property
    def head(self) -> str:
        """The lemma the phrase hangs on: a verb phrase's first word, a noun phrase's last."""
        return self.lemmas[0] if self.pos == "VERB" else self.lemmas[-1]

    @property
    def cameo_exception(self) -> bool:
        return self.note.startswith(EXCEPTION_PREFIX)


@dataclass(frozen=True)
class TriggerLexicon:
    verbs: dict[str, list[Trigger]]
    nouns: dict[str, list[Trigger]]
    phrases: list[Trigger]
    _by_first: dict[str, list[Trigger]] = field(default_factory=dict, repr=False)

    def phrases_starting(self, lemma: str) -> list[Trigger]:
        """Multi-word triggers whose first lemma is ``lemma``, longest first."""
        return self._by_first.get(lemma, [])

    def verbs_of(self, kind: str) -> set[str]:
        """The verb lemmas whose entries include the PLOVER type ``kind``."""
        return {lemma for lemma, entries in self.verbs.items() if any(t.type == kind for t in entries)}

    def __iter__(self):
        for entries in (*self.verbs.values(), *self.nouns.values()):
            yield from entries
        yield from self.phrases

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _read(name: str) -> list[Trigger]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return [
            Trigger(
                phrase=" ".join(r["phrase"].lower().split()),
                pos=r["pos"].strip().upper(),
                type=r["type"].strip().upper(),
                mode=(r["mode"] or "").strip(),
                cameo=(r["cameo"] or "").strip(),
                target_preps=tuple(p for p in (r["target_preps"] or "").split(";") if p),
                note=(r["note"] or "").strip(),
            )
            for r in rows
        ]


@cache
def load_triggers() -> TriggerLexicon:
    """The lexicon, indexed by single lemma (verbs, nouns) and by a phrase's first lemma.

    For one lemma the file's order is kept: the first entry is the usual news sense.
    """
    verbs: dict[str, list[Trigger]] = defaultdict(list)
    nouns: dict[str, list[Trigger]] = defaultdict(list)
    phrases: list[Trigger] = []
    by_first: dict[str, list[Trigger]] = defaultdict(list)
    for trigger in _read("triggers.tsv"):
        if trigger.is_phrase:
            phrases.append(trigger)
            by_first[trigger.lemmas[0]].append(trigger)
        else:
            (verbs if trigger.pos == "VERB" else nouns)[trigger.phrase].append(trigger)
    for entries in by_first.values():
        entries.sort(key=lambda t: -len(t.lemmas))
    return TriggerLexicon(dict(verbs), dict(nouns), phrases, dict(by_first))
