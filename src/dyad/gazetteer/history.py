"""States that no longer exist, with their dates (``data/historical_states.tsv``)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "historical_states.tsv"
SECESSIONS = Path(__file__).parent / "data" / "secessions.tsv"


@dataclass(frozen=True)
class HistoricalState:
    code: str
    name: str
    start: str  # ISO date
    end: str  # ISO date of dissolution
    successors: tuple[str, ...]
    capital: str = ""  # lower-cased name of its capital, which stood for its government

    def existed_on(self, day: str) -> bool:
        return self.start <= day[:10] <= self.end


def _table(path: Path) -> list[dict[str, str]]:
    """A curated TSV with a header line and ``#`` comments, as rows by column name."""
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))


@cache
def historical_states() -> dict[str, HistoricalState]:
    return {
        row["code"]: HistoricalState(row["code"], row["name"], row["from"], row["to"],
                                     tuple(filter(None, row["successors"].split(";"))), row.get("capital") or "")
        for row in _table(DATA)
    }


def state_of_capital(name: str, day: str | None) -> HistoricalState | None:
    """The state whose capital ``name`` was on ``day`` ("moscow" in 1987: the Soviet Union)."""
    if not day:
        return None
    return next((s for s in historical_states().values() if s.capital == name and s.existed_on(day)), None)


@cache
def secessions() -> dict[str, tuple[str, str]]:
    """State code -> (the state it was part of, ISO date it left)."""
    return {row["code"]: (row["part_of"], row["until"]) for row in _table(SECESSIONS)}


def country_on(code: str | None, day: str | None) -> str | None:
    """The state a place of today's country ``code`` belonged to on ``day``: Juba in 1992 is in
    Sudan, Kyiv in 1988 in the Soviet Union, Pristina in 1999 in Yugoslavia."""
    for _ in range(len(secessions())):  # a chain: Kosovo, then Serbia, then Yugoslavia
        parent, until = secessions().get(code or "", (None, ""))
        if not (parent and day and day[:10] < until):
            break
        code = parent
    return code
