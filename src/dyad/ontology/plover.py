"""PLOVER event types, their modes and quad classes (from ``data/plover_types.json``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

DATA = files("dyad.ontology") / "data"

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True)
class PloverMode:
    name: str
    definition: str
    default_cameo: str | None
    default_goldstein: float | None
    plover_score: float | None


@dataclass(frozen=True)
class PloverType:
    name: str
    quad_class: int  # 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    quad_name: str
    modes: tuple[PloverMode, ...]
    definition: str
    default_cameo: str | None
    default_goldstein: float | None
    requires_recipient: bool
    plover_score: float | None = None
    description: str = ""

    @property
    def mode_names(self) -> tuple[str, ...]:
        return tuple(m.name for m in self.modes)

    def mode(self, name: str) -> PloverMode | None:
        return next((m for m in self.modes if m.name == name), None)


@cache
def _types() -> dict[str, PloverType]:
    raw = json.loads((DATA / "plover_types.json").read_text(encoding="utf-8"))
    types = {}
    for t in raw["types"]:
        modes = tuple(PloverMode(**m) for m in t.pop("modes"))
        types[t["name"]] = PloverType(modes=modes, **t)
    return types


def plover_type(name: str) -> PloverType:
    """The PLOVER type called ``name`` (case-insensitive); KeyError if there is none."""
    return _types()[name.upper()]


def quad_class(type_name: str) -> int:
    """CAMEO-style quad class 1-4 of a PLOVER type."""
    return plover_type(type_name).quad_class


def quad_names() -> dict[int, str]:
    return {t.quad_class: t.quad_name for t in _types().values()}
