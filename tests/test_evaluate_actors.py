"""`dyad evaluate actors`: the scorer on small invented gold files in both formats, and the CLI."""

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from dyad.evaluate.actors import (
    EXCLUDED_BARE_NAME,
    EXCLUDED_NOT_FOUND,
    EXCLUDED_WIKI,
    Case,
    Got,
    coded_at,
    evaluate_actors,
    iso_date,
    locate,
    read_gold,
    score,
)
from dyad.evaluate.report import GoldError
from dyad.records import Actor, DocumentRecord


def ngec(method, text, expected, context=None, date=None, test="t"):
    return json.dumps({"test": test, "method": method, "input": {"text": text, "context": context, "date": date},
                       "expected": expected})


def plover(id, text, actors, recipients=()):
    return json.dumps({"id": id, "text": text, "date": "2024-01-15",
                       "plover": {"event": "ASSAULT", "actor": list(actors), "recipient": list(recipients)}})


@pytest.fixture
def ngec_gold(tmp_path):
    path = tmp_path / "ngec.jsonl"
    path.write_text("\n".join([
        ngec("agent_to_code", "Turkish soldiers", {"country": "TUR", "code_1": "MIL"}, test="turk"),
        ngec("agent_to_code", "the French foreign ministry", {"country": "FRA", "code_1": "GOV"}, test="fra"),
        ngec("agent_to_code", "Turkish soldiers", {"country": "FRA", "code_1": "GOV"}, test="wrong_on_purpose"),
        ngec("agent_to_code", "puppies", {"code is": None}, test="nothing"),
        ngec("query_wiki", "Angela Merkel", {"title": "Angela Merkel"}, test="wiki"),
        ngec("agent_to_code", "Angela Merkel", {"country": "DEU", "code_1": "GOV"}, date="Today", test="bare"),
        "{this is not json",
        ngec("search_nat", "four Saudi men", {"cc": "SAU", "text": "four  men"}, test="nat"),
    ]) + "\n")
    return path


@pytest.fixture
def plover_gold(tmp_path):
    path = tmp_path / "plover.jsonl"
    path.write_text("\n".join([
        plover("p1", "Turkish soldiers shelled a village near the border on Monday.",
               [{"actorText": "Turkish soldiers", "code": "TUR", "sector": "MIL"}]),
        plover("p2", "The French foreign ministry condemned the attack on Tuesday.",
               [{"actorText": "French foreign ministry", "code": "FRA", "sector": "GOV"}],
               [{"actorText": "Atlantis", "code": "ATL"}]),
        json.dumps({"id": "p3", "text": "No plover block here."}),
    ]) + "\n")
    return path


def test_ngec_gold_scored_with_exclusions_and_malformed_line(ngec_gold):
    evaluation = evaluate_actors(ngec_gold)
    summary = evaluation.summary
    assert evaluation.format == "ngec"
    assert summary["gold records"] == 7 and summary["malformed lines"] == 1
    assert len(evaluation.malformed) == 1 and evaluation.malformed[0].startswith(f"{ngec_gold}:7: ")
    assert evaluation.excluded == {EXCLUDED_WIKI: 1, EXCLUDED_BARE_NAME: 1}
    assert summary["scored"] == 5 and summary["excluded"] == 2
    assert (summary["country accuracy"].correct, summary["country accuracy"].total) == (4, 5)
    assert (summary["sector accuracy"].correct, summary["sector accuracy"].total) == (3, 4)
    assert [m["case"] for m in evaluation.misses] == ["wrong_on_purpose"]
    assert evaluation.misses[0]["wrong"] == "country+sector"
    assert evaluation.table["query_wiki"]["excluded"] == 1


def test_plover_gold_per_sector_and_unfound_actor_text(plover_gold):
    evaluation = evaluate_actors(plover_gold)
    assert evaluation.format == "plover" and evaluation.category == "gold sector"
    assert evaluation.summary["cases"] == 3 and evaluation.summary["malformed lines"] == 1
    assert evaluation.excluded == {EXCLUDED_NOT_FOUND: 1}
    assert evaluation.summary["country accuracy"].accuracy == 1.0
    assert set(evaluation.table) == {"MIL", "GOV", "(no sector)"}
    assert evaluation.table["MIL"]["sector"].correct == 1


def test_limit_reads_only_the_first_records(ngec_gold):
    assert evaluate_actors(ngec_gold, limit=2).summary["cases"] == 2


def test_unusable_gold_files_raise(tmp_path):
    with pytest.raises(GoldError):
        read_gold(tmp_path / "absent.jsonl")
    junk = tmp_path / "junk.jsonl"
    junk.write_text('{"a": 1}\n')
    with pytest.raises(GoldError):
        read_gold(junk)


def test_locate_prefers_case_then_ignores_it_and_follows_ellipses():
    text = "The us envoy met U.S. and Russian negotiators in Geneva."
    assert text[slice(*locate(text, "U.S."))] == "U.S."
    assert text[slice(*locate(text, "russian  negotiators"))] == "Russian negotiators"
    assert text[slice(*locate(text, "U.S. ... negotiators"))] == "U.S. and Russian negotiators"
    assert locate(text, "Ghanians") is None


def test_iso_dates_only():
    assert iso_date("2017-04-01") == "2017-04-01"
    assert iso_date("1998-02-06T22:19:00") == "1998-02-06"  # TimeBank's creation times: the day
    assert iso_date("Today") is None and iso_date("10 May 2015") is None and iso_date(None) is None


def test_score_compares_sector_prefixes_and_negative_countries():
    record = DocumentRecord(id="d", text="Turkish soldiers and the UN", actors=[
        Actor("a1", "Turkish soldiers", "TURMILGOV", "TUR", "MILGOV", "group", mentions=[(0, 16)]),
        Actor("a2", "United Nations", "IGOUNO", None, None, "organisation", mentions=[(25, 27)]),
    ])
    got = coded_at(record, (8, 16))
    assert isinstance(got, Got) and got.text == "Turkish soldiers"
    assert score(Case("c", "g", record.text, (0, 16), country="TUR", sectors=("MIL",)), got).sector_ok
    assert score(Case("c", "g", record.text, (0, 16), country="GBR", country_not=True), got).country_ok
    un = coded_at(record, (25, 27))
    assert score(Case("c", "g", record.text, (25, 27), country="UNO"), un).country_ok
    assert score(Case("c", "g", record.text, (17, 20), country="", sectors=()), coded_at(record, (17, 20))).country_ok


def test_cli_json_and_malformed_lines(ngec_gold):
    from dyad.cli import app

    result = CliRunner().invoke(app, ["evaluate", "actors", "--gold", str(ngec_gold), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["summary"]["malformed lines"] == 1 and 0 <= data["summary"]["country accuracy"]["accuracy"] <= 1
    assert f"{ngec_gold}:7" in result.stderr


def test_cli_table_output(plover_gold):
    from dyad.cli import app

    result = CliRunner().invoke(app, ["evaluate", "actors", "--gold", str(plover_gold)])
    assert result.exit_code == 0
    assert "country accuracy" in result.stdout and "by gold sector" in result.stdout


def test_cli_missing_file_is_one_line_and_exit_2(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "dyad", "evaluate", "actors", "--gold", str(tmp_path / "nope.jsonl"), "--json"],
        capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "200"},
    )
    assert result.returncode == 2
    assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1
    assert "nope.jsonl" in result.stderr


@pytest.mark.parametrize("name", ["actors/ngec_actor_resolution_cases.jsonl", "events/plover_gsr_dev.jsonl"])
def test_shared_gold_sanity(shared_data, name):
    evaluation = evaluate_actors(shared_data / "gold" / name)
    assert evaluation.summary["cases"] > 0 and evaluation.summary["scored"] > 0
    for figure in ("country accuracy", "sector accuracy"):
        assert 0.0 <= evaluation.summary[figure].accuracy <= 1.0
