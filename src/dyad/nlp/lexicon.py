"""Small word lists shipped as data files in ``dyad/nlp/data``."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


def data_path(name: str):
    return resources.files("dyad.nlp") / "data" / name


def data_lines(name: str) -> list[str]:
    """The lines of a data file that carry data: blank lines and ``#`` comments dropped."""
    with data_path(name).open(encoding="utf-8") as handle:
        return [line.rstrip("\n") for line in handle if line.strip() and not line.startswith("#")]


@cache
def load_word_sets(name: str) -> dict[str, frozenset[str]]:
    """A two-column TSV ``word<TAB>set`` (``#`` comments) as {set: words}."""
    sets: dict[str, set[str]] = {}
    for word, group, *_ in csv.reader(data_lines(name), delimiter="\t"):
        sets.setdefault(group.strip(), set()).add(word.strip().lower())
    return {group: frozenset(words) for group, words in sets.items()}
