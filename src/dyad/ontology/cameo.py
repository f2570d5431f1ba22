"""CAMEO event codes with Goldstein values, quad class and their PLOVER type (``data/cameo.tsv``)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from dyad.ontology.plover import DATA

DROPPED = "dropped"  # CAMEO2PLOVER: the code has no PLOVER counterpart (statements, appeals)


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float | None
    quad_class: int
    plover_type: str  # "" when the map has no row for the code, "dropped" when PLOVER drops it
    plover_mode: str


@cache
def _codes() -> dict[str, CameoCode]:
    with (DATA / "cameo.tsv").open(encoding="utf-8", newline="") as f:
        return {
            r["code"]: CameoCode(r["code"], r["name"], float(r["goldstein"]) if r["goldstein"] else None,
                                 int(r["quad_class"]), r["plover_type"], r["plover_mode"])
            for r in csv.DictReader(f, delimiter="\t")
        }


def cameo_entry(code: str) -> CameoCode | None:
    return _codes().get(code.strip())


def all_codes() -> tuple[CameoCode, ...]:
    return tuple(_codes().values())


def parent_code(code: str) -> str | None:
    """One step up the CAMEO tree: 1951 -> 195 -> 19 -> 190 (a root's general code) -> None."""
    if len(code) == 4:
        return code[:3]
    if len(code) == 3:
        return None if code.endswith("0") else code[:2]
    return code + "0" if len(code) == 2 else None


def cameo_to_plover(code: str) -> tuple[str, str | None] | None:
    """(PLOVER type, mode or None) for a CAMEO code, walking up to the parent when it is unmapped.

    None for unknown codes and for codes PLOVER dropped (statements, appeals).
    """
    current: str | None = code.strip()
    while current:
        entry = _codes().get(current)
        if entry is not None and entry.plover_type == DROPPED:
            return None
        if entry is not None and entry.plover_type:
            return entry.plover_type, entry.plover_mode or None
        current = parent_code(current)
    return None
