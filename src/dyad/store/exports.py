"""Exports of a store in the formats the field's tools read (``dyad export FORMAT --output PATH``).

- ``gdelt``: GDELT 2.0 events TSV, one row per real-world event (cluster); ``mentions``: the
  matching GDELT 2.0 mentions table, one row per event mention.
- ``plover``: PLOVER/POLECAT JSON lines, one per event mention, with its provenance.
- ``parquet`` / ``csv``: every table and view, one file each (DuckDB's COPY).
- ``gexf`` / ``graphml``: the actor network at country-sector level, for Gephi.

GDELT rows state facts: a cluster none of whose mentions is asserted (or historical) as fact,
say one only denied or hypothetical, is left out of the GDELT tables and of the network; the
PLOVER lines keep every mention with its modality.

Lookups are data files under ``data/``: ``fips.tsv`` (ISO3 → FIPS 10-4, built by
scripts/build_fips.py), ``cameo_actor_parts.tsv`` and ``gdelt_geo_types.tsv`` (curated).
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import cache
from pathlib import Path
from typing import IO, Any

from dyad import __version__
from dyad.ontology.cameo import cameo_entry
from dyad.store import Store

DATA = Path(__file__).resolve().parent / "data"
FACTUAL = ("asserted", "historical")  # modalities a GDELT row may state as plain fact
BATCH = 10_000
Progress = Callable[[int, int], None]  # (rows done, rows in all)
Exporter = Callable[..., int]  # (store, output, progress=None) -> rows written


# -- lookups ---------------------------------------------------------------------------------

def _tsv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def _fips() -> dict[str, str]:
    return {row["iso3"]: row["fips"] for row in _tsv("fips.tsv")}


@cache
def _parts() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in _tsv("cameo_actor_parts.tsv")}


@cache
def _geo_types() -> dict[str, tuple[int, int]]:
    return {row["kind"]: (int(row["us"]), int(row["world"])) for row in _tsv("gdelt_geo_types.tsv")}


@cache
def _country_names() -> dict[str, str]:
    from dyad.gazetteer import load_gazetteer

    return load_gazetteer().names


def fips_code(country: str | None) -> str:
    """The FIPS 10-4 code GDELT geography uses for an ISO3/CAMEO country ("" when none)."""
    return _fips().get(country or "", "")


def global_event_id(cluster_id: str) -> int:
    """A stable GLOBALEVENTID from the cluster id: 53 bits, exact in a double (spreadsheets, JS)."""
    return int.from_bytes(hashlib.sha256(cluster_id.encode()).digest()[:8], "big") >> 11


@dataclass(frozen=True)
class ActorParts:
    """A CAMEO actor code split into GDELT's fields: RUSGOVMIL → RUS, types GOV and MIL."""

    country: str = ""
    known_group: str = ""
    ethnic: str = ""
    religions: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()


def split_actor_code(code: str | None) -> ActorParts:
    """Three-letter groups: a leading country, then types, religions, regions, ethnic (lower case)
    codes; an unknown group is a known group's own code (IGOUNO → type IGO, group UNO)."""
    chunks = [code[i:i + 3] for i in range(0, len(code or ""), 3)]
    country = chunks.pop(0) if chunks and chunks[0] in _country_names() else ""
    sorted_: dict[str, list[str]] = {"type": [], "religion": [], "region": [], "group": [], "ethnic": []}
    for chunk in chunks:
        part = "ethnic" if chunk.islower() else _parts().get(chunk, {}).get("part", "group")
        sorted_[part].append(chunk)
    return ActorParts(country, next(iter(sorted_["group"]), ""), next(iter(sorted_["ethnic"]), ""),
                      tuple(sorted_["religion"]), tuple(sorted_["type"]), tuple(sorted_["region"]))


def actor_label(code: str) -> str:
    """A readable name for a country-sector code: "Russia · Government", "Media", "United Nations"."""
    parts = split_actor_code(code)
    if parts.known_group and _parts().get(parts.known_group):
        return _parts()[parts.known_group]["name"]
    chunks = [code[i:i + 3] for i in range(len(parts.country), len(code), 3)]
    names = [_country_names()[parts.country]] if parts.country else []
    names += [_parts()[c]["name"] if c in _parts() else c for c in chunks]
    return " · ".join(names) or code


def plover_entity(code: str, name: str | None, actor_id: str) -> dict[str, Any]:
    """A PLOVER entity object: country (or non-state top code), PLOVER sector, and our CAMEO code."""
    parts = split_actor_code(code)
    first_type = next(iter(parts.types), "")
    sector = _parts().get(first_type, {}).get("plover") or None
    top = parts.country or (first_type if first_type in ("IGO", "NGO", "IMG", "MNC") else None)
    return {"code": top, "sector": sector, "cameo_code": code, "entity_text": name, "actor_id": actor_id}


# -- shared queries ---------------------------------------------------------------------------

# The mention each exported cluster is told from: its earliest factual report.
_LEADS = """
leads AS (
    SELECT e.*, d.url, d.outlet, d.title, d.published, d.ingested_at,
           length(d.text) AS doc_len,
           length(regexp_extract(d.text, '^\\s*[^\\n]*')) AS lead_end,
           length(d.text) - length(ltrim(d.text, E' \\n\\r\\t')) AS text_start
    FROM events e JOIN documents d ON d.id = e.doc_id
    WHERE e.cluster_id IS NOT NULL AND list_contains($factual, e.modality)
    QUALIFY row_number() OVER (PARTITION BY e.cluster_id
                               ORDER BY d.published NULLS LAST, d.ingested_at, e.doc_id, e.trigger_start) = 1
)"""

_GDELT = f"""
WITH {_LEADS},
country_places AS (
    SELECT doc_id, country, arg_min(struct_pack(lat := lat, lon := lon), place_id) AS geo
    FROM places WHERE kind = 'country' GROUP BY ALL
)
SELECT c.cluster_id, c.n_mentions, c.n_outlets, c.n_documents, c.date_start AS first_day,
       l.doc_id, l.source_codes, l.target_codes, l.cameo, l.quad_class, l.goldstein, l.sentence_start,
       l.lead_end, l.doc_len, l.text_start, l.url, l.outlet, l.title, l.published, l.ingested_at,
       a1.name, a1.country, g1.geo, a2.name, a2.country, g2.geo,
       p.kind, p.name, p.country, p.admin1, p.lat, p.lon, p.geonames_id
FROM leads l JOIN clusters c ON c.cluster_id = l.cluster_id
LEFT JOIN actors a1 ON a1.doc_id = l.doc_id AND a1.actor_id = l.source_ids[1]
LEFT JOIN actors a2 ON a2.doc_id = l.doc_id AND a2.actor_id = l.target_ids[1]
LEFT JOIN country_places g1 ON g1.doc_id = l.doc_id AND g1.country = a1.country
LEFT JOIN country_places g2 ON g2.doc_id = l.doc_id AND g2.country = a2.country
LEFT JOIN places p ON p.doc_id = l.doc_id AND p.place_id = l.location
ORDER BY c.date_start NULLS LAST, c.cluster_id
"""


def _nearest_mention(side: str) -> str:
    """SQL: where the side's first actor is named nearest the trigger (GDELT: -1 when nowhere)."""
    return (f"coalesce((SELECT arg_min(m.start_char, abs(m.start_char - e.trigger_start)) FROM mentions m"
            f" WHERE m.doc_id = e.doc_id AND m.actor_id = e.{side}_ids[1]), -1)")


_MENTIONS = f"""
WITH {_LEADS}
SELECT l.cluster_id, l.ingested_at AS event_added, d.ingested_at, d.url, d.outlet, d.title, e.doc_id,
       length(regexp_extract_all(substr(d.text, 1, e.sentence_start), '[.!?]["''\u201d\u2019)]*\\s+|\\n+')) + 1,
       {_nearest_mention('source')}, {_nearest_mention('target')}, e.trigger_start,
       e.sentence_start, e.sentence_end, e.confidence, length(d.text), e.modality
FROM events e JOIN documents d ON d.id = e.doc_id JOIN leads l ON l.cluster_id = e.cluster_id
ORDER BY l.cluster_id, d.published NULLS LAST, e.doc_id, e.trigger_start
"""

_PLOVER = """
SELECT e.id, e.cluster_id, e.doc_id, e.type, e.mode, e.cameo, e.goldstein, e.quad_class,
       e.source_ids, e.source_codes, e.target_ids, e.target_codes, e.date, e.date_start, e.date_end,
       e.date_precision, e.date_source, e.modality, e.attributed_to, e.confidence,
       e.trigger_start, e.trigger_end, e.sentence_start, e.sentence_end,
       substr(d.text, e.trigger_start + 1, e.trigger_end - e.trigger_start),
       substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start),
       (SELECT map(list(a.actor_id), list(a.name)) FROM actors a WHERE a.doc_id = e.doc_id
            AND (list_contains(e.source_ids, a.actor_id) OR list_contains(e.target_ids, a.actor_id))),
       d.url, d.title, d.outlet, d.published, d.language,
       p.name, p.geonames_id, p.lat, p.lon, p.country, p.admin1, p.kind
FROM events e JOIN documents d ON d.id = e.doc_id
LEFT JOIN places p ON p.doc_id = e.doc_id AND p.place_id = e.location
ORDER BY d.published NULLS LAST, e.doc_id, e.trigger_start
"""


def _rows(store: Store, sql: str, params: dict | list | None = None) -> Iterator[tuple]:
    cursor = store.con.cursor()  # its own cursor: a long export does not hold the store's
    cursor.execute(sql, params or [])
    while batch := cursor.fetchmany(BATCH):
        yield from batch


def _count(store: Store, sql: str, params: dict | list | None = None) -> int:
    return store.con.execute(f"SELECT count(*) FROM ({sql})", params or []).fetchone()[0]


def _factual() -> dict[str, list[str]]:
    return {"factual": list(FACTUAL)}


@contextmanager
def _written(path: Path, newline: str | None = None) -> Iterator[IO[str]]:
    """A file that appears whole or not at all: written beside the target, then renamed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline=newline) as f:
            yield f
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress and (done % 1000 == 0 or done == total):
        progress(done, total)


# -- GDELT ----------------------------------------------------------------------------------

def _cell(value: Any) -> str:
    """A TSV cell: None blank, no tab or line break inside."""
    return "" if value is None else " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _num(value: float | None, places: int) -> str:
    return "" if value is None else f"{value:.{places}f}"


def _stamp(moment: datetime | None) -> str:
    return moment.strftime("%Y%m%d%H%M%S") if moment else ""


def _citation(url: str | None, outlet: str | None, title: str | None, doc_id: str) -> str:
    """SOURCEURL: the URL, else a citation a reader can follow back (outlet, title, our doc id)."""
    return url or ", ".join(filter(None, [outlet, title, doc_id]))


def _day(first_day: date | None, published: str | None, added: datetime | None) -> date | None:
    """The event's day: the cluster's first day, else the publication date, else the ingest day."""
    if first_day:
        return first_day
    try:
        return date.fromisoformat(published[:10]) if published else (added.date() if added else None)
    except ValueError:
        return added.date() if added else None


def _date_fields(day: date | None) -> list[str]:
    """SQLDATE, MonthYear, Year, FractionDate (the share of the year done by that day)."""
    if day is None:
        return ["", "", "", ""]
    length = (date(day.year + 1, 1, 1) - date(day.year, 1, 1)).days
    fraction = day.year + day.timetuple().tm_yday / length
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]


def _actor_fields(code: str | None, name: str | None) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1/2, Type1/2/3."""
    if not code:
        return [""] * 10
    parts = split_actor_code(code)
    religions, types = (*parts.religions, "", "")[:2], (*parts.types, "", "", "")[:3]
    return [code, (name or "").upper(), parts.country, parts.known_group, parts.ethnic, *religions, *types]


@dataclass(frozen=True)
class Geo:
    """A place as GDELT's 8 geography columns need it."""

    kind: str
    name: str | None
    country: str | None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_id: int | str | None = None

    def fields(self) -> list[str]:
        """Type, FullName, CountryCode (FIPS), ADM1Code, ADM2Code, Lat, Long, FeatureID."""
        us, world = _geo_types().get(self.kind, (0, 0))
        kind = us if self.country == "USA" else world
        if not kind:
            return [""] * 8
        fips = fips_code(self.country)
        country_name = _country_names().get(self.country or "", self.country or "")
        full = country_name if self.kind == "country" else ", ".join(filter(None, [self.name, country_name]))
        adm1 = fips + self.admin1 if fips and self.admin1 else fips
        # FeatureID: GDELT's is a GNS id (the country code at country level); ours is the GeoNames id
        feature = fips if self.kind == "country" else self.feature_id
        return [str(kind), _cell(full), fips, adm1, "", _num(self.lat, 4), _num(self.lon, 4), _cell(feature)]


def _actor_geo(country: str | None, where: dict | None) -> list[str]:
    """An actor's geography: its country, placed where the document names that country."""
    if not country:
        return [""] * 8
    where = where or {}
    return Geo("country", None, country, lat=where.get("lat"), lon=where.get("lon")).fields()


def _root(sentence_start: int, lead_end: int, doc_len: int, text_start: int) -> str:
    """IsRootEvent: the event is in the lead paragraph (the first sentence when there is no break)."""
    if lead_end < doc_len:
        return "1" if sentence_start < lead_end else "0"
    return "1" if sentence_start <= text_start else "0"


def _cameo_scores(code: str, quad_class: int | None, goldstein: float | None) -> tuple[int | None, float | None]:
    """GDELT's QuadClass and GoldsteinScale go by the CAMEO code (a REJECT coded 016 is verbal
    cooperation there), not by the PLOVER type the store's quad class follows."""
    entry = cameo_entry(code) if code else None
    return (entry.quad_class, entry.goldstein) if entry else (quad_class, goldstein)


def _gdelt_row(row: tuple) -> list[str]:
    (cluster_id, n_mentions, n_outlets, n_documents, first_day, doc_id, source_codes, target_codes, cameo,
     quad_class, goldstein, sentence_start, lead_end, doc_len, text_start, url, outlet, title, published,
     added, name1, country1, geo1, name2, country2, geo2, *place) = row
    code = cameo or ""
    quad_class, goldstein = _cameo_scores(code, quad_class, goldstein)
    action = Geo(place[0], place[1], place[2], place[3], place[4], place[5], place[6]) if place[0] else None
    return [
        str(global_event_id(cluster_id)), *_date_fields(_day(first_day, published, added)),
        *_actor_fields(next(iter(source_codes or []), None), name1),
        *_actor_fields(next(iter(target_codes or []), None), name2),
        _root(sentence_start, lead_end, doc_len, text_start),
        code, code[:3], code[:2], _cell(quad_class), _num(goldstein, 1),
        str(n_mentions), str(n_outlets), str(n_documents),
        "",  # AvgTone: blank, as dyad measures no tone (0 would claim a neutral one)
        *_actor_geo(country1, geo1), *_actor_geo(country2, geo2),
        *(action.fields() if action else [""] * 8),
        _stamp(added), _cell(_citation(url, outlet, title, doc_id)),
    ]


def export_gdelt(store: Store, output: Path, progress: Progress | None = None) -> int:
    """GDELT 2.0 events TSV (61 columns, no header): one row per real-world event, for GDELT tools."""
    total, done = _count(store, _GDELT, _factual()), 0
    with _written(output) as f:
        for done, row in enumerate(_rows(store, _GDELT, _factual()), 1):
            f.write("\t".join(_gdelt_row(row)) + "\n")
            _tick(progress, done, total)
    return done


def _mention_row(row: tuple) -> list[str]:
    (cluster_id, event_added, added, url, outlet, title, doc_id, sentence_no, actor1, actor2, action,
     sentence_start, sentence_end, confidence, doc_len, modality) = row
    in_sentence = all(sentence_start <= offset < sentence_end for offset in (actor1, actor2) if offset >= 0)
    return [
        str(global_event_id(cluster_id)), _stamp(event_added), _stamp(added),
        "1" if url else "2",  # MentionType: 1 WEB, 2 CITATIONONLY (no URL known)
        _cell(outlet or ""), _cell(_citation(url, outlet, title, doc_id)), str(sentence_no),
        str(actor1), str(actor2), str(action), "1" if in_sentence else "0",
        str(round((confidence or 0) * 100)), str(doc_len),
        "", "",  # MentionDocTone (no tone measured), MentionDocTranslationInfo (read in English)
        f"<MODALITY>{modality}</MODALITY>",  # Extras: what the mention says of the event
    ]


def export_mentions(store: Store, output: Path, progress: Progress | None = None) -> int:
    """GDELT 2.0 mentions TSV (16 columns, no header): one row per report of each exported event."""
    total, done = _count(store, _MENTIONS, _factual()), 0
    with _written(output) as f:
        for done, row in enumerate(_rows(store, _MENTIONS, _factual()), 1):
            f.write("\t".join(_mention_row(row)) + "\n")
            _tick(progress, done, total)
    return done


# -- PLOVER ---------------------------------------------------------------------------------

def _plover_record(row: tuple) -> dict[str, Any]:
    (event_id, cluster_id, doc_id, kind, mode, cameo, goldstein, quad_class, source_ids, source_codes,
     target_ids, target_codes, value, date_start, date_end, precision, date_source, modality, attributed_to,
     confidence, trigger_start, trigger_end, sentence_start, sentence_end, trigger_text, sentence_text, names,
     url, title, outlet, published, language, *place) = row
    names = names or {}
    record: dict[str, Any] = {
        "id": event_id,
        "date": (date_start.isoformat() if date_start else published),
        "actor": [plover_entity(c, names.get(i), i) for i, c in zip(source_ids or [], source_codes or [])],
        "recipient": [plover_entity(c, names.get(i), i) for i, c in zip(target_ids or [], target_codes or [])],
        "event": [kind],
        "mode": [mode] if mode else [],
        "quad_code": quad_class,
        "event_text": [trigger_text],
        "text": sentence_text,
        "cameo": cameo, "goldstein": goldstein, "cluster_id": cluster_id,
        "date_value": value, "date_precision": precision, "date_source": date_source,
        "cite_info": {"url": url, "title": title, "publication": outlet, "language": language},
        "provenance": {
            "doc_id": doc_id, "trigger": [trigger_start, trigger_end], "sentence": [sentence_start, sentence_end],
            "sentence_text": sentence_text, "attributed_to": attributed_to, "modality": modality,
            "confidence": confidence,
        },
    }
    if date_end and date_start and date_end != date_start:
        record["enddate"] = date_end.isoformat()
    if place[0]:
        record["event_loc"] = {"extracted_place": place[0], "geonameid": place[1], "lat": place[2],
                               "lon": place[3], "country_code": place[4], "province": place[5],
                               "feature_class": place[6]}
    return record


def export_plover(store: Store, output: Path, progress: Progress | None = None) -> int:
    """PLOVER/POLECAT JSON lines: one event mention per line, with its text, speaker and modality."""
    total, done = _count(store, _PLOVER), 0
    with _written(output) as f:
        for done, row in enumerate(_rows(store, _PLOVER), 1):
            f.write(json.dumps(_plover_record(row), ensure_ascii=False) + "\n")
            _tick(progress, done, total)
    return done


# -- tables ---------------------------------------------------------------------------------

def _relations(store: Store) -> list[str]:
    """Every table and view of the store (clusters, event_mentions included)."""
    rows = store.con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
                             " ORDER BY table_type, table_name").fetchall()
    return [name for (name,) in rows]


def _copy_all(store: Store, output: Path, extension: str, options: str, progress: Progress | None,
              drop: dict[str, str]) -> int:
    """COPY each table and view to its own file in ``output``; ``drop``: a column left out per table."""
    if output.exists() and not output.is_dir():
        raise NotADirectoryError(f"{output} is a file; give a folder for one file per table")
    output.mkdir(parents=True, exist_ok=True)
    relations = _relations(store)
    for done, name in enumerate(relations, 1):
        columns = f"* EXCLUDE ({drop[name]})" if name in drop else "*"
        target = str(output / f"{name}.{extension}").replace("'", "''")
        store.con.execute(f'COPY (SELECT {columns} FROM "{name}") TO \'{target}\' ({options})')
        if progress:
            progress(done, len(relations))
    return len(relations)


def export_parquet(store: Store, output: Path, progress: Progress | None = None) -> int:
    """Parquet, one file per table and view in the folder PATH (documents keep their JSON record)."""
    return _copy_all(store, output, "parquet", "FORMAT parquet", progress, {})


def export_csv(store: Store, output: Path, progress: Progress | None = None) -> int:
    """CSV with a header, one file per table and view in the folder PATH (documents without the
    JSON record, which the other tables hold already)."""
    return _copy_all(store, output, "csv", "FORMAT csv, HEADER true", progress, {"documents": "record"})


# -- actor network --------------------------------------------------------------------------

QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
COLOURS = {"cooperation": (44, 160, 44), "conflict": (214, 39, 40), "mixed": (127, 127, 127)}

_NETWORK = f"""
WITH {_LEADS}
SELECT cluster_id, source_codes, target_codes, goldstein, quad_class FROM leads ORDER BY cluster_id
"""


@dataclass
class Edge:
    """Interactions from one country-sector actor to another, counted once per real-world event."""

    weight: int = 0
    goldstein: list[float] = field(default_factory=list)
    quads: Counter = field(default_factory=Counter)

    @property
    def goldstein_mean(self) -> float:
        return round(sum(self.goldstein) / len(self.goldstein), 3) if self.goldstein else 0.0

    @property
    def coop_minus_conflict(self) -> int:
        return self.quads[1] + self.quads[2] - self.quads[3] - self.quads[4]

    @property
    def sign(self) -> str:
        index = self.coop_minus_conflict
        return "cooperation" if index > 0 else "conflict" if index < 0 else "mixed"


@dataclass
class Network:
    nodes: Counter = field(default_factory=Counter)  # code -> events it takes part in
    edges: dict[tuple[str, str], Edge] = field(default_factory=dict)


def actor_network(store: Store, progress: Progress | None = None) -> Network:
    """Nodes: actors at country-sector level (RUSGOVMIL → RUSGOV); edges source → target."""
    network, total = Network(), _count(store, _NETWORK, _factual())
    for done, (_, sources, targets, goldstein, quad) in enumerate(_rows(store, _NETWORK, _factual()), 1):
        sides = [{c[:6] for c in sources or [] if c}, {c[:6] for c in targets or [] if c}]
        network.nodes.update(sides[0] | sides[1])
        for pair in ((s, t) for s in sorted(sides[0]) for t in sorted(sides[1])):
            edge = network.edges.setdefault(pair, Edge())
            edge.weight += 1
            edge.quads[quad] += 1
            if goldstein is not None:
                edge.goldstein.append(goldstein)
        _tick(progress, done, total)
    return network


def _node_attributes(code: str, events: int) -> dict[str, Any]:
    parts = split_actor_code(code)
    return {"country": parts.country, "sector": next(iter(parts.types), ""), "events": events}


def _edge_attributes(edge: Edge) -> dict[str, Any]:
    quads = {name: edge.quads[n] for n, name in enumerate(QUADS, 1)}
    return {"goldstein_mean": edge.goldstein_mean, **quads, "coop_minus_conflict": edge.coop_minus_conflict,
            "sign": edge.sign}


NODE_TYPES = {"country": "string", "sector": "string", "events": "integer"}
EDGE_TYPES = {"goldstein_mean": "double", **{q: "integer" for q in QUADS}, "coop_minus_conflict": "integer",
              "sign": "string"}
GEXF = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
GRAPHML = "http://graphml.graphdrawing.org/xmlns"


def _write_xml(root: ET.Element, output: Path) -> None:
    ET.indent(root)
    with _written(output) as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        f.write(ET.tostring(root, encoding="unicode"))
        f.write("\n")


def export_gexf(store: Store, output: Path, progress: Progress | None = None) -> int:
    """GEXF 1.3 actor network for Gephi: who acts on whom, weighted by events, coloured by sign."""
    network = actor_network(store, progress)
    ET.register_namespace("", GEXF)
    ET.register_namespace("viz", VIZ)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(f"{{{GEXF}}}gexf", {"version": "1.3", f"{{{XSI}}}schemaLocation": f"{GEXF} {GEXF}/gexf.xsd"})
    meta = ET.SubElement(root, f"{{{GEXF}}}meta", lastmodifieddate=datetime.now(timezone.utc).date().isoformat())
    ET.SubElement(meta, f"{{{GEXF}}}creator").text = f"dyad {__version__}"
    ET.SubElement(meta, f"{{{GEXF}}}description").text = "Actor network: edges count real-world events"
    graph = ET.SubElement(root, f"{{{GEXF}}}graph", defaultedgetype="directed", mode="static")
    for kind, types in (("node", NODE_TYPES), ("edge", EDGE_TYPES)):
        declared = ET.SubElement(graph, f"{{{GEXF}}}attributes", {"class": kind})
        for name, type_ in types.items():
            ET.SubElement(declared, f"{{{GEXF}}}attribute", id=name, title=name, type=type_)
    nodes = ET.SubElement(graph, f"{{{GEXF}}}nodes", count=str(len(network.nodes)))
    for code, events in sorted(network.nodes.items()):
        node = ET.SubElement(nodes, f"{{{GEXF}}}node", id=code, label=actor_label(code))
        _gexf_values(node, _node_attributes(code, events))
    edges = ET.SubElement(graph, f"{{{GEXF}}}edges", count=str(len(network.edges)))
    for n, ((source, target), edge) in enumerate(sorted(network.edges.items())):
        element = ET.SubElement(edges, f"{{{GEXF}}}edge", id=str(n), source=source, target=target,
                                weight=str(edge.weight))
        _gexf_values(element, _edge_attributes(edge))
        r, g, b = COLOURS[edge.sign]
        ET.SubElement(element, f"{{{VIZ}}}color", r=str(r), g=str(g), b=str(b))
    _write_xml(root, output)
    return len(network.edges)


def _gexf_values(element: ET.Element, values: dict[str, Any]) -> None:
    holder = ET.SubElement(element, f"{{{GEXF}}}attvalues")
    for name, value in values.items():
        ET.SubElement(holder, f"{{{GEXF}}}attvalue", {"for": name, "value": str(value)})


GRAPHML_TYPES = {"string": "string", "integer": "int", "double": "double"}


def export_graphml(store: Store, output: Path, progress: Progress | None = None) -> int:
    """GraphML actor network (Gephi, networkx, igraph, yEd): the same graph as gexf."""
    network = actor_network(store, progress)
    ET.register_namespace("", GRAPHML)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(f"{{{GRAPHML}}}graphml", {
        f"{{{XSI}}}schemaLocation": f"{GRAPHML} {GRAPHML}/1.0/graphml.xsd"})
    # Gephi reads a node's "label", an edge's "weight" and r, g, b as its colour
    keys = {"node": {"label": "string", **NODE_TYPES},
            "edge": {"weight": "integer", **EDGE_TYPES, "r": "integer", "g": "integer", "b": "integer"}}
    for kind, types in keys.items():
        for name, type_ in types.items():
            ET.SubElement(root, f"{{{GRAPHML}}}key", {"id": f"{kind[0]}_{name}", "for": kind, "attr.name": name,
                                                      "attr.type": GRAPHML_TYPES[type_]})
    graph = ET.SubElement(root, f"{{{GRAPHML}}}graph", id="actors", edgedefault="directed")
    for code, events in sorted(network.nodes.items()):
        node = ET.SubElement(graph, f"{{{GRAPHML}}}node", id=code)
        _graphml_values(node, "n", {"label": actor_label(code), **_node_attributes(code, events)})
    for n, ((source, target), edge) in enumerate(sorted(network.edges.items())):
        element = ET.SubElement(graph, f"{{{GRAPHML}}}edge", id=f"e{n}", source=source, target=target)
        r, g, b = COLOURS[edge.sign]
        _graphml_values(element, "e", {"weight": edge.weight, **_edge_attributes(edge), "r": r, "g": g, "b": b})
    _write_xml(root, output)
    return len(network.edges)


def _graphml_values(element: ET.Element, prefix: str, values: dict[str, Any]) -> None:
    for name, value in values.items():
        ET.SubElement(element, f"{{{GRAPHML}}}data", key=f"{prefix}_{name}").text = str(value)


EXPORTS: dict[str, Exporter] = {
    "gdelt": export_gdelt,
    "mentions": export_mentions,
    "plover": export_plover,
    "parquet": export_parquet,
    "csv": export_csv,
    "gexf": export_gexf,
    "graphml": export_graphml,
}
FOLDER_FORMATS = frozenset({"parquet", "csv"})  # PATH is a folder: one file per table and view


def describe(name: str) -> str:
    """A format's one-line description (its exporter's docstring's first sentence)."""
    return " ".join((EXPORTS[name].__doc__ or "").split("\n\n")[0].split())
