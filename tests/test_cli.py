"""The dyad command, run as a user runs it (a subprocess), against a real DuckDB file."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def dyad(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "dyad", *map(str, args)],
        capture_output=True, text=True, input=stdin, timeout=300, env={**os.environ, "COLUMNS": "200"},
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "dyad.duckdb"
    result = dyad("ingest", EXAMPLES, "--db", path)
    assert result.returncode == 0, result.stderr
    return path


def test_ingest_twice_adds_nothing(db):
    before = dyad("events", "--db", db, "--json").stdout
    again = dyad("ingest", EXAMPLES, "--db", db)
    assert again.returncode == 0
    assert "0 added" in again.stderr and "1 unchanged" in again.stderr
    assert dyad("events", "--db", db, "--json").stdout == before


def test_events_filter_by_dyad_and_type(db):
    rows = [json.loads(line) for line in dyad("events", "--db", db, "--dyad", "PRK", "RUS", "--json").stdout.splitlines()]
    assert rows
    for row in rows:
        codes = {c[:3] for c in row["source_codes"] + row["target_codes"]}
        assert {"PRK", "RUS"} <= codes
    consult = dyad("events", "--db", db, "--type", "CONSULT", "--json").stdout.splitlines()
    assert consult and all(json.loads(line)["type"] == "CONSULT" for line in consult)


def test_show_prints_events_with_evidence(db):
    doc_id = json.loads(dyad("events", "--db", db, "--json").stdout.splitlines()[0])["doc_id"]
    shown = dyad("show", doc_id, "--db", db)
    assert shown.returncode == 0
    assert "UNN" in shown.stdout and "CONSULT" in shown.stdout


def test_bad_inputs_are_reported_and_the_rest_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    (tmp_path / "feed.jsonl").write_text(
        '{"id": "ok1", "text": "Japan condemned the missile launch on Tuesday.", "published": "2024-02-01"}\n'
        "{not json\n"
    )
    db = tmp_path / "bad.duckdb"
    result = dyad("ingest", tmp_path, "--db", db)
    assert result.returncode == 1
    assert "empty.txt" in result.stderr and "latin1.txt" in result.stderr and "feed.jsonl:2" in result.stderr
    assert "1 added" in result.stderr
    # a later bad batch loses nothing already stored
    (tmp_path / "more.jsonl").write_text("[]\n")
    assert dyad("ingest", tmp_path / "more.jsonl", "--db", db).returncode == 1
    assert "ok1" in dyad("documents", "--db", db).stdout


def test_extract_prints_one_json_record_per_document():
    lines = "\n".join(
        json.dumps({"id": f"d{i}", "text": text, "published": "2023-05-10"})
        for i, text in enumerate(["Germany and France signed a trade agreement on Monday.", "Police arrested 12 protesters in Minsk."])
    )
    result = dyad("extract", "-", stdin=lines)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["d0", "d1"]
    assert all(r["published"] == "2023-05-10" for r in records)


def test_unknown_publication_date_is_said_not_guessed():
    result = dyad("extract", "-", stdin="Protesters marched in Tbilisi on Sunday.")
    record = json.loads(result.stdout)
    assert record["published"] is None and record["published_source"] == "unknown"
    assert all(e["date"] is None for e in record["events"])


def test_help_explains_the_commands():
    result = dyad("--help")
    for command in ("ingest", "events", "show", "extract"):
        assert command in result.stdout


def test_nothing_downstream_of_the_records_imports_spacy():
    code = (
        "import sys, dyad.records, dyad.store, dyad.cli, dyad.attribution, dyad.ingest;"
        "print('spacy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False"


def test_quotes_of_an_actor_with_what_was_said(db):
    rows = [json.loads(line) for line in dyad("quotes", "--db", db, "--actor", "Lukin", "--json").stdout.splitlines()]
    assert rows and all(row["speaker"] == "Artyom Lukin" and row["speaker_code"].startswith("RUS") for row in rows)
    assert any(row["direct"] and "multifaceted" in row["content"] for row in rows)
    table = dyad("quotes", "--db", db, "--actor", "RUSEDU")
    assert table.returncode == 0 and "Lukin" in table.stdout and "Zakharova" not in table.stdout


def test_events_asserted_by_a_speaker_or_the_outlet(db):
    def asserted(who):
        result = dyad("events", "--db", db, "--asserted-by", who, "--json")
        return [json.loads(line) for line in result.stdout.splitlines()]

    by_kcna = asserted("KCNA")
    assert by_kcna and all(row["attributed_to"] == "KCNA" for row in by_kcna)
    assert {row["trigger_text"] for row in by_kcna} >= {"arrived"}
    by_code = asserted("PRKMED")  # KCNA's actor code finds the same events
    assert {row["id"] for row in by_code} >= {row["id"] for row in by_kcna}
    assert asserted("nobody-says-this") == []


def test_an_older_store_is_upgraded_by_the_upgrade_command(tmp_path):
    from dyad import extract
    from test_store import write_version_1_store

    path = tmp_path / "old.duckdb"
    write_version_1_store(path, extract((EXAMPLES / "seed-article.txt").read_text(), published="2024-01-15"))
    refused = dyad("events", "--db", path)
    assert refused.returncode == 2 and "dyad upgrade" in refused.stderr
    upgraded = dyad("upgrade", "--db", path)
    from dyad.store.migrations import SCHEMA_VERSION

    assert upgraded.returncode == 0 and f"schema version {SCHEMA_VERSION}" in upgraded.stderr
    assert dyad("events", "--db", path, "--json").stdout.strip()


def test_series_network_and_clusters_read_well_and_speak_json(db):
    table = dyad("series", "RUS", "PRK", "--db", db)
    assert table.returncode == 0 and "RUS ⇄ PRK by month" in table.stdout and "2024-01" in table.stdout
    rows = [json.loads(line) for line in dyad("series", "RUS", "PRK", "--db", db, "--json").stdout.splitlines()]
    assert rows and all(r["events"] == sum(r[q] for q in ("verbal_cooperation", "material_cooperation",
                                                           "verbal_conflict", "material_conflict")) for r in rows)
    bad = dyad("series", "RUS", "PRK", "--db", db, "--by", "fortnight")
    assert bad.returncode == 2 and "period" in bad.stderr
    edges = [json.loads(line) for line in dyad("network", "--db", db, "--json").stdout.splitlines()]
    assert any((e["source"], e["target"]) == ("USA", "PRK") and e["sign"] == "conflict" for e in edges)
    clusters = [json.loads(line) for line in dyad("clusters", "--db", db, "--json").stdout.splitlines()]
    mentions = dyad("events", "--db", db, "--cluster", clusters[0]["cluster_id"], "--json").stdout.splitlines()
    assert len(mentions) == clusters[0]["n_mentions"]


def test_quotes_about_an_actor(db):
    rows = [json.loads(line) for line in dyad("quotes", "--db", db, "--about", "USA", "--json").stdout.splitlines()]
    assert rows and all("U.S." in row["content"] or "United States" in row["content"] for row in rows)


def test_check_and_failures(db, tmp_path):
    healthy = dyad("check", "--db", db)
    assert healthy.returncode == 0 and "no problems" in healthy.stderr
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "german.txt").write_text("Die Bundesregierung hat am Montag beschlossen, die Sanktionen gegen Russland zu "
                                    "verlängern, teilte ein Sprecher in Berlin mit.")
    path = tmp_path / "f.duckdb"
    assert dyad("ingest", bad, "--db", path).returncode == 1
    rows = [json.loads(line) for line in dyad("failures", "--db", path, "--json").stdout.splitlines()]
    reasons = " | ".join(row["reason"] for row in rows)
    assert "empty" in reasons and "not coded: language de" in reasons


def test_retry_failed_reads_again_what_failed_and_forgets_what_now_works(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    broken = folder / "late.txt"
    broken.write_text("")  # empty today: fails
    path = tmp_path / "r.duckdb"
    assert dyad("ingest", folder, "--db", path, "--workers", "0").returncode == 1
    assert any("late.txt" in row for row in dyad("failures", "--db", path, "--json").stdout.splitlines())
    broken.write_text("Russia accused Ukraine of shelling the city on Monday, officials said.")
    again = dyad("ingest", "--retry-failed", "--db", path, "--workers", "0")
    assert again.returncode == 0 and "1 added" in again.stderr
    assert dyad("failures", "--db", path, "--json").stdout.strip() == ""
