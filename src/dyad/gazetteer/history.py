"""States that no longer exist, with their dates (``data/historical_states.tsv``)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "historical_states.tsv"


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


@cache
def historical_states() -> dict[str, HistoricalState]:
    with DATA.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {
            row["code"]: HistoricalState(row["code"], row["name"], row["from"], row["to"],
                                         tuple(filter(None, row["successors"].split(";"))), row.get("capital") or "")
            for row in rows
        }


def state_of_capital(name: str, day: str | None) -> HistoricalState | None:
    """The state whose capital ``name`` was on ``day`` ("moscow" in 1987: the Soviet Union)."""
    if not day:
        return None
    return next((s for s in historical_states().values() if s.capital == name and s.existed_on(day)), None)
