"""Small word lists shipped as data files in ``dyad/nlp/data``."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


def data_path(name: str):
    return resources.files("dyad.nlp") / "data" / name


@cache
def load_word_sets(name: str) -> dict[str, frozenset[str]]:
    """A two-column TSV ``word<TAB>set`` (``#`` comments) as {set: words}."""
    sets: dict[str, set[str]] = {}
    with data_path(name).open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if line.strip() and not line.startswith("#")), delimiter="\t")
        for word, group, *_ in rows:
            sets.setdefault(group.strip(), set()).add(word.strip().lower())
    return {group: frozenset(words) for group, words in sets.items()}
