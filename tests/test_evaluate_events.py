"""`dyad evaluate events`: tuple matching and scoring on hand-made sets, tiny invented gold files
through the real pipeline and the CLI, and a sanity run on the shared gold."""

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.evaluate.events import (
    CAMEO,
    EXCLUDED_DROPPED,
    EXCLUDED_UNKNOWN,
    PLOVER,
    GoldRecord,
    Scored,
    evaluate_events,
    event_tuples,
    match,
    read_gold,
    summarise_cameo,
    summarise_plover,
    types_found,
)
from dyad.evaluate.report import GoldError


def gold_line(id, text, events=(), no_event=False, date="2024-01-15"):
    expected = [dict(zip(("source", "target", "code"), e)) for e in events]
    return json.dumps({"id": id, "text": text, "date": date, "expected_events": expected,
                       "expects_no_event": no_event})


def scored(tuples, predicted_events, id="r"):
    """A Scored record from gold tuples and (type, tuples) predicted events, matched."""
    gold = GoldRecord(id, 1, "text", None, list(tuples), frozenset(t[0] for t in tuples))
    item = Scored(gold, list(predicted_events))
    item.pairs = match(gold.tuples, item.predicted)
    return item


# ---------------------------------------------------------------- tuples and matching


def test_event_tuples_one_per_code_pair_with_none_for_a_missing_side():
    assert event_tuples("AGREE", ["USAGOV", "JOR"], []) == [("AGREE", "USA", None), ("AGREE", "JOR", None)]
    assert event_tuples("AID", [], []) == [("AID", None, None)]
    assert event_tuples("ASSAULT", ["RUSMIL"], ["UKR", "IGONAT"]) == [
        ("ASSAULT", "RUS", "UKR"), ("ASSAULT", "RUS", "IGO")]


def test_match_rules():
    predicted = [("ASSAULT", "RUS", "UKR")]
    assert match([("ASSAULT", "RUS", "UKR")], predicted) == [(0, 0)]
    assert match([("ASSAULT", "RUS", None)], predicted) == [(0, 0)]  # gold None target: any target
    assert match([("ACCUSE", "RUS", "UKR")], predicted) == []  # type differs
    assert match([("ASSAULT", "UKR", "UKR")], predicted) == []  # source differs
    assert match([("ASSAULT", "RUS", "GEO")], predicted) == []  # target differs
    assert match([("ASSAULT", "RUS", "UKR")], [("ASSAULT", "RUS", None)]) == []  # predicted lacks the target
    assert match([("ASSAULT", None, "UKR")], [("ASSAULT", None, "UKR")]) == [(0, 0)]


def test_match_is_one_to_one():
    assert len(match([("AID", "FIN", None)] * 2, [("AID", "FIN", "TZA")])) == 1
    assert len(match([("AID", "FIN", "TZA")], [("AID", "FIN", "TZA")] * 3)) == 1


def test_match_serves_targeted_gold_before_open_ones():
    # in file order the open gold tuple would take UKR and leave the UKR gold tuple unmatched
    gold = [("ASSAULT", "RUS", None), ("ASSAULT", "RUS", "UKR")]
    predicted = [("ASSAULT", "RUS", "UKR"), ("ASSAULT", "RUS", "GEO")]
    assert match(gold, predicted) == [(0, 1), (1, 0)]


def _maximum(gold, predicted):
    """Size of a maximum bipartite matching by augmenting paths (Kuhn), for checking ``match``."""
    owner = {}

    def fits(g, p):
        return predicted[p][:2] == gold[g][:2] and gold[g][2] in (None, predicted[p][2])

    def augment(g, seen):
        for p in range(len(predicted)):
            if fits(g, p) and p not in seen:
                seen.add(p)
                if p not in owner or augment(owner[p], seen):
                    owner[p] = g
                    return True
        return False

    return sum(augment(g, set()) for g in range(len(gold)))


def test_match_is_maximal_on_random_small_sets():
    rng = random.Random(7)
    pick = lambda values: rng.choice(values)  # noqa: E731
    for _ in range(400):
        gold = [(pick("AB"), pick(["X", "Y", None]), pick(["U", "V", None])) for _ in range(rng.randint(0, 5))]
        predicted = [(pick("AB"), pick(["X", "Y", None]), pick(["U", "V", None])) for _ in range(rng.randint(0, 5))]
        pairs = match(gold, predicted)
        assert len({g for g, _ in pairs}) == len({p for _, p in pairs}) == len(pairs)
        assert all(predicted[p][:2] == gold[g][:2] and gold[g][2] in (None, predicted[p][2]) for g, p in pairs)
        assert len(pairs) == _maximum(gold, predicted), (gold, predicted)


def test_type_accuracy_needs_every_distinct_gold_type():
    assert types_found(frozenset({"AGREE"}), ["AID", "AGREE"])
    assert not types_found(frozenset({"AGREE", "SUPPORT"}), ["AGREE", "AGREE"])


# ---------------------------------------------------------------- summaries


def test_plover_summary_counts_no_event_records_as_false_positives():
    hit = scored([("ASSAULT", "RUS", "UKR")], [("ASSAULT", [("ASSAULT", "RUS", "UKR")])], id="hit")
    two_types = scored([("AGREE", "USA", None), ("SUPPORT", "USA", None)],
                       [("AGREE", [("AGREE", "USA", None), ("AGREE", "JOR", None)])], id="half")
    quiet = scored([], [("PROTEST", [("PROTEST", None, None)])], id="quiet")
    evaluation = summarise_plover("g.jsonl", [hit, two_types, quiet], 3)
    s = evaluation.summary
    assert (s["gold tuples"], s["predicted tuples"], s["matched"]) == (3, 4, 2)
    assert (s["precision"].correct, s["precision"].total) == (2, 4)
    assert (s["recall"].correct, s["recall"].total) == (2, 3)
    assert s["F1"] == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert (s["type accuracy"].correct, s["type accuracy"].total) == (1, 2)  # "quiet" has no gold type
    assert s["records expecting no event"] == 1
    assert evaluation.table["PROTEST"]["predicted"] == 1 and evaluation.table["PROTEST"]["F1"] is None
    assert evaluation.table["SUPPORT"]["R"].accuracy == 0.0
    assert [m["record"] for m in evaluation.misses] == ["half", "quiet"]
    assert "✗ SUPPORT USA→∅" in evaluation.misses[0]["expected"]


def test_events_the_text_says_did_not_or_may_not_happen_are_not_coded():
    from dyad.evaluate.events import code_records

    records = [GoldRecord(id, 1, text, "1995-05-01") for id, text in (
        ("done", "Chilean troops attacked Peruvian border posts."),
        ("denied", "Chilean troops did not attack Peruvian border posts."),
        ("maybe", "Chilean troops could attack Peruvian border posts."))]
    predicted = {item.gold.id: [t[0] for t in item.predicted] for item in code_records(records)}
    assert predicted == {"done": ["ASSAULT"], "denied": [], "maybe": []}


def test_cameo_summary_scores_types_only():
    right = scored([("ASSAULT", None, None)], [("ASSAULT", []), ("AID", [])])
    wrong = scored([("AGREE", None, None)], [("CONSULT", [])])
    evaluation = summarise_cameo("c.jsonl", [right, wrong], 2)
    assert evaluation.summary["type accuracy"].correct == 1 and evaluation.summary["type accuracy"].total == 2
    assert evaluation.summary["type precision"].correct == 1 and evaluation.summary["type precision"].total == 3
    assert evaluation.table["AGREE"]["type accuracy"].correct == 0


# ---------------------------------------------------------------- reading gold


def test_read_gold_plover_flavour_uses_code_current_and_reports_bad_lines(tmp_path):
    path = tmp_path / "g.jsonl"
    current = json.dumps({"id": "c", "text": "x", "expected_events": [
        {"source": "FRAGOV", "target": None, "code": "DISAPPROVE", "code_current": "ACCUSE"}]})
    path.write_text("\n".join([
        current,
        gold_line("n", "Nothing happened.", no_event=True),
        "{not json",
        json.dumps({"id": "t", "expected_events": []}),
        gold_line("k", "y", [(None, None, "0874")]),
        gold_line("z", "y", [], no_event=False),
    ]) + "\n")
    fmt, records, malformed, excluded = read_gold(path)
    assert fmt == PLOVER and [r.id for r in records] == ["c", "n"]
    assert records[0].tuples == [("ACCUSE", "FRA", None)]
    assert [line.split(": ")[0] for line in malformed] == [f"{path}:{n}" for n in (3, 4, 5, 6)]
    assert "cameo codes in a plover file" in malformed[2]
    assert read_gold(path, limit=1)[1][0].id == "c"


def test_read_gold_cameo_flavour_maps_and_excludes(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join([
        gold_line("a", "x", [(None, None, "190")], date=None),
        gold_line("b", "x", [(None, None, "010")], date=None),
        gold_line("c", "x", [(None, None, "999")], date=None),
    ]))
    fmt, records, malformed, excluded = read_gold(path)
    assert fmt == CAMEO and not malformed
    assert records[0].types == {"ASSAULT"} and not records[0].excluded
    assert records[1].excluded and records[2].excluded
    assert excluded == {EXCLUDED_DROPPED: 1, EXCLUDED_UNKNOWN: 1}


def test_unusable_gold_files_raise(tmp_path):
    with pytest.raises(GoldError):
        read_gold(tmp_path / "absent.jsonl")
    junk = tmp_path / "junk.jsonl"
    junk.write_text('{"a": 1}\n')
    with pytest.raises(GoldError):
        read_gold(junk)


# ---------------------------------------------------------------- real pipeline, CLI


@pytest.fixture
def tiny_gold(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join([
        gold_line("war", "Russian troops attacked Ukrainian soldiers near Kharkiv on Monday.",
                  [("RUSMIL", "UKR", "ASSAULT")]),
        json.dumps({"id": "blame", "text": "The French government condemned the Iranian missile test on Tuesday.",
                    "date": "2024-01-15", "expects_no_event": False, "expected_events": [
                        {"source": "FRAGOV", "target": "IRN", "code": "DISAPPROVE", "code_current": "ACCUSE"}]}),
        gold_line("calm", "The weather was mild and sunny all week in the valley.", no_event=True),
        json.dumps({"id": "textless", "expected_events": [], "expects_no_event": True}),
        "{not json",
    ]) + "\n")
    return path


def test_cli_json_through_the_real_pipeline(tiny_gold):
    result = subprocess.run(
        [sys.executable, "-m", "dyad", "evaluate", "events", "--gold", str(tiny_gold), "--json"],
        capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "200"},
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    s = data["summary"]
    assert data["format"] == PLOVER and s["records"] == 3 and s["gold tuples"] == 2
    assert s["malformed lines"] == 2 and f"{tiny_gold}:4:" in result.stderr and f"{tiny_gold}:5:" in result.stderr
    assert 0 <= s["precision"]["accuracy"] <= 1 and 0 <= s["recall"]["accuracy"] <= 1
    assert s["predicted tuples"] >= s["matched"] >= 1  # the plainest attack is coded and matched end to end
    assert set(data["table"]) >= {"ASSAULT", "ACCUSE"}


def test_cli_tables_and_limit(tiny_gold):
    from dyad.cli import app

    result = CliRunner().invoke(app, ["evaluate", "events", "--gold", str(tiny_gold), "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert "precision" in result.stdout and "by PLOVER type" in result.stdout
    assert evaluate_events(tiny_gold, limit=1).summary["records"] == 1


def test_cli_missing_file_is_one_line_and_exit_2(tmp_path):
    from dyad.cli import app

    result = CliRunner().invoke(app, ["evaluate", "events", "--gold", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2
    assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1 and "nope.jsonl" in result.stderr


@pytest.mark.parametrize("name", ["plover_gsr_dev.jsonl", "cameo_manual_examples.jsonl"])
def test_shared_gold_sanity(shared_data, name):
    evaluation = evaluate_events(shared_data / "gold" / "events" / name)
    s = evaluation.summary
    assert s["records"] > 100 and s["malformed lines"] == 0
    assert 0.0 <= s["type accuracy"].accuracy <= 1.0
    if evaluation.format == PLOVER:
        assert s["gold tuples"] >= s["records"] and 0.0 <= s["F1"] <= 1.0
        assert 0 <= s["matched"] <= min(s["gold tuples"], s["predicted tuples"])
    else:
        assert 0 < s["excluded records"] < s["records"] and 0.0 <= s["type precision"].accuracy <= 1.0


def test_every_silver_reference_still_finds_its_sentence(shared_data):
    # the blind silver sets store references, never news text: each must resolve to the sentence annotated
    import importlib.util
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "silver_events.py"
    spec = importlib.util.spec_from_file_location("silver_events", path)
    silver = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(silver)
    records, problems = silver.materialise(shared_data.parent, {"a", "b", "c", "d", "e"})
    assert problems == [] and len(records) == 422
    assert all(r["text"] and r["date"] for r in records)
