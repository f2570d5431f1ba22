"""`dyad export`: the example article through the real pipeline into a store, then every format,
read back the way the field's tools read them."""

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from dyad.ontology.cameo import cameo_entry
from dyad.store import Store
from dyad.store.exports import EXPORTS, FACTUAL, fips_code, global_event_id, split_actor_code

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FILE_FORMATS = ("gdelt", "mentions", "plover", "gexf", "graphml")
GEXF = "{http://gexf.net/1.3}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def dyad(*args):
    return subprocess.run([sys.executable, "-m", "dyad", *map(str, args)], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "COLUMNS": "200"})


def export_all(db: Path, folder: Path) -> dict[str, Path]:
    paths = {name: folder / name for name in EXPORTS}
    for name, path in paths.items():
        result = dyad("export", name, "--output", path, "--db", db)
        assert result.returncode == 0, result.stderr
    return paths


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "dyad.duckdb"
    result = dyad("ingest", EXAMPLES, "--db", path)
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture(scope="module")
def out(store_path, tmp_path_factory):
    return export_all(store_path, tmp_path_factory.mktemp("exports"))


@pytest.fixture(scope="module")
def con(store_path):
    connection = duckdb.connect(str(store_path), read_only=True)
    yield connection
    connection.close()


def tsv(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


# -- GDELT events ---------------------------------------------------------------------------

def test_gdelt_rows_have_61_fields_and_cameo_codes_as_strings(out):
    rows = tsv(out["gdelt"])
    assert rows and all(len(row) == 61 for row in rows)
    codes = [row[26] for row in rows]
    assert all(re.fullmatch(r"\d{3,4}", code) for code in codes)
    assert any(code.startswith("0") for code in codes)  # "040", never 40
    for row in rows:
        assert row[27] == row[26][:3] and row[28] == row[26][:2]


def test_gdelt_quad_class_and_goldstein_follow_the_cameo_code(out):
    for row in tsv(out["gdelt"]):
        entry = cameo_entry(row[26])
        assert int(row[29]) == entry.quad_class
        assert float(row[30]) == pytest.approx(entry.goldstein)


def test_gdelt_has_one_row_per_cluster_stated_as_fact(out, con):
    factual = {cid for (cid,) in con.execute(
        "SELECT DISTINCT cluster_id FROM events WHERE list_contains(?, modality)", [list(FACTUAL)]).fetchall()}
    others = {cid for (cid,) in con.execute("SELECT cluster_id FROM clusters").fetchall()} - factual
    ids = [int(row[0]) for row in tsv(out["gdelt"])]
    assert sorted(ids) == sorted(global_event_id(cid) for cid in factual)
    assert others and not {global_event_id(cid) for cid in others} & set(ids)  # denied, hypothetical: out


def test_gdelt_counts_come_from_the_clusters(out, con):
    counts = {global_event_id(cid): (m, o, d) for cid, m, o, d in con.execute(
        "SELECT cluster_id, n_mentions, n_outlets, n_documents FROM clusters").fetchall()}
    for row in tsv(out["gdelt"]):
        assert tuple(map(int, row[31:34])) == counts[int(row[0])]


def test_gdelt_geography_uses_fips_codes(out):
    rows = tsv(out["gdelt"])
    pairs = {(row[7], row[37]) for row in rows} | {(row[17], row[45]) for row in rows}
    assert ("RUS", "RS") in pairs and ("PRK", "KN") in pairs
    assert {geo for country, geo in pairs if country == "RUS"} == {"RS"}
    action = [row[51:59] for row in rows if row[51]]
    assert action and all(adm1.startswith(country) for _, _, country, adm1, *_ in action)
    moscow = [geo for geo in action if geo[1].startswith("Moscow")]
    assert moscow and moscow[0][2] == "RS" and moscow[0][0] == "4"  # a world city in Russia


def test_gdelt_root_event_is_the_lead_paragraphs(out, con):
    lead = con.execute("SELECT cluster_id FROM events WHERE sentence_start = 0 AND modality = 'asserted'").fetchall()
    roots = {int(row[0]): row[25] for row in tsv(out["gdelt"])}
    assert lead and all(roots[global_event_id(cid)] == "1" for (cid,) in lead)
    assert Counter(roots.values())["0"] > 0


def test_gdelt_dates(out):
    for row in tsv(out["gdelt"]):
        assert re.fullmatch(r"\d{8}", row[1]) and row[2] == row[1][:6] and row[3] == row[1][:4]
        assert float(row[4]) - int(row[3]) < 1
        assert re.fullmatch(r"\d{14}", row[59])


def test_actor_codes_split_into_gdelt_fields():
    assert split_actor_code("RUSGOVMIL").country == "RUS"
    assert split_actor_code("RUSGOVMIL").types == ("GOV", "MIL")
    un = split_actor_code("IGOUNO")
    assert (un.country, un.types, un.known_group) == ("", ("IGO",), "UNO")
    assert split_actor_code("IRQREBMUS").religions == ("MUS",)
    assert fips_code("RUS") == "RS" and fips_code("PRK") == "KN" and fips_code("UKR") == "UP"


# -- GDELT mentions -------------------------------------------------------------------------

def test_mentions_point_at_exported_events(out, con):
    events = {int(row[0]): int(row[31]) for row in tsv(out["gdelt"])}
    mentions = tsv(out["mentions"])
    assert mentions and all(len(row) == 16 for row in mentions)
    assert Counter(int(row[0]) for row in mentions) == Counter(events)  # NumMentions rows each
    triggers = {start for (start,) in con.execute("SELECT trigger_start FROM events").fetchall()}
    actor_starts = {start for (start,) in con.execute("SELECT start_char FROM mentions").fetchall()}
    for row in mentions:
        assert int(row[9]) in triggers
        assert all(int(offset) in actor_starts for offset in row[7:9] if offset != "-1")
        assert 0 <= int(row[11]) <= 100


# -- PLOVER ---------------------------------------------------------------------------------

def test_plover_lines_carry_the_required_fields_and_provenance(out, con):
    records = [json.loads(line) for line in out["plover"].read_text(encoding="utf-8").splitlines()]
    assert len(records) == con.execute("SELECT count(*) FROM events").fetchone()[0]
    text = con.execute("SELECT text FROM documents").fetchone()[0]
    for record in records:
        assert record["id"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["date"])
        assert record["actor"] and all("code" in entity for entity in record["actor"] + record["recipient"])
        assert record["event"][0] in {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                                      "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                                      "MOBILIZE", "COERCE", "ASSAULT"}
        source = record["provenance"]
        start, end = source["trigger"]
        assert text[start:end] == record["event_text"][0]
        assert text[slice(*source["sentence"])] == source["sentence_text"]
        assert source["modality"] and source["doc_id"] and "attributed_to" in source
    assert {r["provenance"]["modality"] for r in records} > {"asserted"}  # denials kept, marked


def test_plover_sectors_use_plover_names():
    from dyad.store.exports import plover_entity

    assert plover_entity("UKRMED", "UNN", "a4")["sector"] == "JRN"  # CAMEO media is PLOVER JRN
    assert plover_entity("RUSGOV", "Lavrov", "a3") == {
        "code": "RUS", "sector": "GOV", "cameo_code": "RUSGOV", "entity_text": "Lavrov", "actor_id": "a3"}


# -- tables ---------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["parquet", "csv"])
def test_tables_read_back_with_the_same_row_counts(out, con, kind):
    relations = [name for (name,) in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()]
    assert {"documents", "events", "clusters"} <= set(relations)
    reader = duckdb.connect()
    for name in relations:
        path = out[kind] / f"{name}.{kind}"
        expected = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        assert reader.execute("SELECT count(*) FROM read_" + kind + "(?)", [str(path)]).fetchone()[0] == expected
    columns = [d[0] for d in reader.execute(f"SELECT * FROM read_{kind}(?)", [str(out[kind] / f"documents.{kind}")]).description]
    assert ("record" in columns) == (kind == "parquet")


# -- network --------------------------------------------------------------------------------

def gexf_graph(path: Path) -> tuple[dict[str, str], dict[tuple[str, str], dict]]:
    root = ET.parse(path).getroot()
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    nodes = {n.get("id"): n.get("label") for n in root.iter(f"{GEXF}node")}
    edges = {}
    for e in root.iter(f"{GEXF}edge"):
        values = {v.get("for"): v.get("value") for v in e.iter(f"{GEXF}attvalue")}
        edges[(e.get("source"), e.get("target"))] = {"weight": e.get("weight"), **values}
    return nodes, edges


def graphml_graph(path: Path) -> tuple[dict[str, str], dict[tuple[str, str], dict]]:
    root = ET.parse(path).getroot()
    assert root.tag == f"{GRAPHML}graphml"
    graph = root.find(f"{GRAPHML}graph")
    assert graph.get("edgedefault") == "directed"
    names = {k.get("id"): k.get("attr.name") for k in root.iter(f"{GRAPHML}key")}
    data = lambda element: {names[d.get("key")]: d.text or "" for d in element.findall(f"{GRAPHML}data")}
    nodes = {n.get("id"): data(n)["label"] for n in graph.iter(f"{GRAPHML}node")}
    edges = {(e.get("source"), e.get("target")): data(e) for e in graph.iter(f"{GRAPHML}edge")}
    return nodes, edges


def test_network_has_the_country_sector_actors_and_their_interactions(out):
    nodes, edges = gexf_graph(out["gexf"])
    assert nodes["RUSGOV"] == "Russia · Government" and nodes["PRKGOV"] == "North Korea · Government"
    assert all(len(code) <= 6 for code in nodes)  # RUSGOVMIL is counted as RUSGOV
    talks = edges[("PRKGOV", "RUSGOV")]
    assert int(talks["weight"]) >= 1 and talks["sign"] == "cooperation" and float(talks["goldstein_mean"]) > 0
    for (source, target), edge in edges.items():
        assert source in nodes and target in nodes
        quads = sum(int(edge[q]) for q in ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict"))
        assert quads == int(edge["weight"])
    assert edges[("USA", "PRK")]["sign"] == "conflict"


def test_graphml_holds_the_same_graph_as_gexf(out):
    gexf_nodes, gexf_edges = gexf_graph(out["gexf"])
    nodes, edges = graphml_graph(out["graphml"])
    assert nodes == gexf_nodes
    assert {pair: e["weight"] for pair, e in edges.items()} == {pair: e["weight"] for pair, e in gexf_edges.items()}


# -- bad input ------------------------------------------------------------------------------

def test_an_empty_store_exports_valid_empty_files(tmp_path):
    out = {name: tmp_path / name for name in EXPORTS}
    with Store(tmp_path / "empty.duckdb") as store:
        for name, path in out.items():
            EXPORTS[name](store, path)
    for name in ("gdelt", "mentions", "plover"):
        assert out[name].read_text() == ""
    assert gexf_graph(out["gexf"]) == ({}, {}) and graphml_graph(out["graphml"]) == ({}, {})
    header = out["csv"].joinpath("events.csv").read_text().splitlines()
    assert len(header) == 1 and header[0].startswith("id,doc_id,type")
    reader = duckdb.connect()
    assert reader.execute("SELECT count(*) FROM read_parquet(?)", [str(out["parquet"] / "events.parquet")]).fetchone() == (0,)


def test_unknown_format_and_foreign_store_are_refused(store_path, tmp_path):
    unknown = dyad("export", "shapefile", "--output", tmp_path / "x", "--db", store_path)
    assert unknown.returncode == 2 and len(unknown.stderr.strip().splitlines()) == 1
    assert "gdelt" in unknown.stderr
    foreign = tmp_path / "foreign.duckdb"
    with duckdb.connect(str(foreign)) as other:
        other.execute("CREATE TABLE t (x INTEGER)")
    refused = dyad("export", "gdelt", "--output", tmp_path / "g.tsv", "--db", foreign)
    assert refused.returncode == 2 and "not a dyad store" in refused.stderr
    assert not (tmp_path / "g.tsv").exists()
