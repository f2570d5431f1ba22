"""GeoNames places offline: the table in ``data/places.tsv.gz`` and the rule that picks a reading.

A name ("Paris", "Georgia", "Springfield") has *readings*: the rows it names. ``choose`` picks
one only when it clearly wins; otherwise the caller leaves the place without coordinates
(better unplaced than misplaced). The rule, in order:

1. nesting: a country owns its name over its own cities ("Kuwait", "Singapore"); a city wins
   over the US state around it ("New York");
2. context: when some readings lie in the article's countries, only those compete, unless the
   best reading elsewhere is ``CONTEXT_OVERRIDE`` times more populous ("Lebanon" the country in
   an article about the US, whatever Lebanon, Tennessee);
3. dominance: the most populous competitor wins if it is at least ``DOMINANCE`` times as
   populous as every *far* rival (more than ``NEAR_KM`` away: two rows for one place are no
   rivals); else no reading ("Springfield", "Georgia" without context).

Loading reads only the name columns; full rows are parsed on demand (load < 0.5 s).
"""

from __future__ import annotations

import gzip
import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
PLACES_FILE = DATA / "places.tsv.gz"

DOMINANCE = 5.0  # the chosen reading is at least this many times as populous as every far rival
CONTEXT_OVERRIDE = 50.0  # a reading outside the article's countries still competes when this much bigger
NEAR_KM = 100.0  # readings closer than this are the same place (city and its country, duplicates)


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """One GeoNames row."""

    geonames_id: int
    name: str
    country: str | None  # ISO3; None for continents
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    feature: str  # country, capital, city, admin1, region


def name_key(text: str) -> str:
    """Lookup key: lower case, accents folded, no leading "the", no possessive, one space."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode() or text
    text = " ".join(text.lower().replace("’", "'").split())
    if text.startswith("the "):
        text = text[4:]
    for suffix in ("'s", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip()


class PlaceIndex:
    """Name -> rows of the GeoNames table."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._by_name: dict[str, list[int]] = {}
        self._entries: dict[int, PlaceEntry] = {}
        self._countries: dict[str, int] = {}
        self._capitals: dict[str, int] = {}
        for i, line in enumerate(lines):
            _, _, ascii_name, alternates, country, _rest = line.split("\t", 5)
            # asciiname is the name with accents folded (as name_key folds): one key serves both
            self._by_name.setdefault(_ascii_key(ascii_name), []).append(i)
            if alternates:
                for key in {name_key(alt) for alt in alternates.split("|")} - {_ascii_key(ascii_name)}:
                    self._by_name.setdefault(key, []).append(i)
            if line.endswith("\tcountry"):
                self._countries[country] = i
            elif line.endswith("\tcapital"):
                self._capitals[country] = i

    def __len__(self) -> int:
        return len(self._lines)

    def readings(self, name: str) -> list[PlaceEntry]:
        """Rows that have ``name`` as their name or as one of their (few, curated) alternates."""
        key = name_key(name)
        return [self._entry(i) for i in self._by_name.get(key, [])]

    def country(self, code: str) -> PlaceEntry | None:
        i = self._countries.get(code)
        return None if i is None else self._entry(i)

    def capital(self, code: str) -> PlaceEntry | None:
        i = self._capitals.get(code)
        return None if i is None else self._entry(i)

    def _entry(self, i: int) -> PlaceEntry:
        entry = self._entries.get(i)
        if entry is None:
            gid, name, _, _, country, admin1, lat, lon, pop, feature = self._lines[i].split("\t")
            entry = PlaceEntry(int(gid), name, country or None, admin1 or None, _float(lat), _float(lon),
                               int(pop), feature)
            self._entries[i] = entry
        return entry


@lru_cache(maxsize=1)
def load_places() -> PlaceIndex:
    lines = gzip.decompress(PLACES_FILE.read_bytes()).decode("utf-8").splitlines()[1:]  # skip the header
    return PlaceIndex([line for line in lines if line])


def _ascii_key(ascii_name: str) -> str:
    """name_key for a table's asciiname (already folded, single-spaced): the fast path of 70,000."""
    key = ascii_name.lower()
    return name_key(key) if key.startswith("the ") or key.endswith("'") or key.endswith("'s") else key


# ---------------------------------------------------------------- choosing a reading


def choose(readings: Iterable[PlaceEntry], context: Iterable[str] = ()) -> PlaceEntry | None:
    """The reading that clearly wins (see the module docstring), or None when it is ambiguous."""
    ranked = sorted(_unnest(list(readings)), key=lambda r: -r.population)
    ranked = _in_context(ranked, set(context))
    if not ranked:
        return None
    top = ranked[0]
    rivals = [r for r in ranked[1:] if _far(top, r)]
    if rivals and top.population < DOMINANCE * rivals[0].population:
        return None
    return top


def _in_context(ranked: list[PlaceEntry], context: set[str]) -> list[PlaceEntry]:
    """The readings in the article's countries, unless one elsewhere dwarfs them all."""
    inside = [r for r in ranked if r.country in context]
    if not inside or ranked[0].population >= CONTEXT_OVERRIDE * max(inside[0].population, 1):
        return ranked
    return inside


def _unnest(readings: list[PlaceEntry]) -> list[PlaceEntry]:
    """Drop the cities of a country of the same name, and a US state around a city of its name."""
    countries = {r.country for r in readings if r.feature == "country"}
    cities = {(r.country, r.admin1) for r in readings if r.feature in ("city", "capital")}
    kept = []
    for r in readings:
        if r.feature in ("city", "capital") and r.country in countries:
            continue
        if r.feature == "admin1" and (r.country, r.admin1) in cities:
            continue
        kept.append(r)
    return kept


def _far(a: PlaceEntry, b: PlaceEntry) -> bool:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return (a.country, a.admin1) != (b.country, b.admin1)
    return distance_km(a.lat, a.lon, b.lat, b.lon) > NEAR_KM


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _float(text: str) -> float | None:
    return float(text) if text else None


__all__ = ["PlaceEntry", "PlaceIndex", "choose", "distance_km", "load_places", "name_key"]
