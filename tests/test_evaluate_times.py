"""`dyad evaluate times`: TempEval-3 matching and scoring on hand-made records, a tiny invented
gold file through the real pipeline and the CLI, and malformed lines."""

import json

import pytest
from typer.testing import CliRunner

from dyad.evaluate.cli import app
from dyad.evaluate.report import GoldError
from dyad.evaluate.times import (
    EXCLUDED_DCT,
    EXCLUDED_EMPTY,
    GoldDoc,
    GoldTimex,
    evaluate_times,
    match,
    read_gold,
    summarise,
)
from dyad.records import TimeExpression


def gold(*timexes):
    return GoldDoc("d", 1, "2024-01-15", "x" * 100, [GoldTimex(*t) for t in timexes])


def pred(start, end, kind="DATE", value="2024"):
    return TimeExpression(start, end, "x" * (end - start), kind, value)


def test_strict_needs_the_same_offsets_relaxed_only_overlap():
    m = match(gold((10, 20, "t", "DATE", "2024"), (30, 40, "t", "DATE", "2023")), [pred(10, 20), pred(28, 35)])
    assert len(m.pairs) == 2 and len(m.strict) == 1
    assert not m.missed and not m.spurious


def test_matching_is_one_to_one():
    # one long prediction over two gold timexes: one pair, one gold missed
    m = match(gold((10, 15, "t", "DATE", "2024"), (16, 20, "t", "DATE", "2024")), [pred(10, 20)])
    assert len(m.pairs) == 1 and len(m.missed) == 1
    # two predictions inside one gold timex: one pair, one spurious
    m = match(gold((10, 20, "t", "DATE", "2024")), [pred(10, 14), pred(15, 20)])
    assert len(m.pairs) == 1 and len(m.spurious) == 1


def test_exact_pairs_win_and_the_rest_is_maximal():
    # gold a overlaps p1 and p2, gold b only p2: greedy left to right gives both a pair
    m = match(gold((0, 10, "t", "DATE", "1"), (12, 20, "t", "DATE", "2")), [pred(0, 5), pred(8, 14)])
    assert len(m.pairs) == 2


def test_excluded_gold_is_not_counted_and_does_not_make_false_positives():
    m = match(gold((0, 8, "t", "DATE", "2024", EXCLUDED_DCT), (10, 20, "t", "DATE", "2024")),
              [pred(0, 8), pred(10, 20), pred(50, 55)])
    assert m.ignored == 1 and len(m.predicted) == 2 and len(m.spurious) == 1
    assert [g.start for g in m.gold.scored] == [10]


def test_read_gold_excludes_the_dct_and_valueless_timexes(tmp_path):
    text = "Issued today. It grew last year."
    timexes = [
        {"start": 7, "end": 12, "text": "today", "type": "DATE", "value": "2024-01-15", "tid": "t0"},
        {"start": 7, "end": 12, "text": "today", "type": "DATE", "value": "", "tid": "t1"},
        {"start": 22, "end": 31, "text": "last year", "type": "DATE", "value": "2023", "tid": "t2",
         "functionInDocument": "NONE"},
    ]
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"doc_id": "a", "dct": "2024-01-15T10:00", "text": text, "timexes": timexes}) + "\n")
    (doc,), malformed = read_gold(path)
    assert doc.dct == "2024-01-15" and not malformed
    assert [t.excluded for t in doc.timexes] == [EXCLUDED_DCT, EXCLUDED_EMPTY, None]


def test_value_f1_is_relaxed_f1_times_value_accuracy():
    doc = gold((0, 10, "t", "DATE", "2024"), (20, 30, "t", "DATE", "2023"), (40, 50, "t", "DURATION", "P1Y"),
               (60, 70, "t", "SET", "P1W"))
    predicted = [pred(0, 10), pred(22, 30, value="2022"), pred(40, 50, "DATE", "P1Y"), pred(80, 90)]
    summary = summarise("g", [match(doc, predicted)]).summary
    assert summary["strict precision"].correct == 2  # (0, 10) and (40, 50)
    assert (summary["relaxed precision"].correct, summary["relaxed precision"].total) == (3, 4)
    assert (summary["relaxed recall"].correct, summary["relaxed recall"].total) == (3, 4)
    assert summary["relaxed F1"] == pytest.approx(0.75)
    assert summary["value accuracy"].accuracy == pytest.approx(2 / 3)
    assert summary["type accuracy"].accuracy == pytest.approx(2 / 3)
    assert summary["value F1"] == pytest.approx(0.75 * 2 / 3)


def test_misses_name_text_gold_and_predicted_value():
    doc = GoldDoc("d", 1, None, "It fell last year.", [GoldTimex(8, 17, "last year", "DATE", "2023")])
    evaluation = summarise("g", [match(doc, [TimeExpression(8, 17, "last year", "DATE", "2022")])])
    (miss,) = evaluation.misses
    assert (miss["kind"], miss["text"], miss["gold"], miss["predicted"]) == (
        "wrong value", "last year", "DATE 2023", "DATE 2022")


# ---------------------------------------------------------------- the real pipeline and the CLI


def write_gold(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def invented_record(doc_id="n1"):
    text = "The minister resigned yesterday after three weeks of protests."
    timexes = [
        {"start": 22, "end": 31, "text": "yesterday", "type": "DATE", "value": "2024-01-14", "tid": "t1"},
        {"start": 38, "end": 49, "text": "three weeks", "type": "DURATION", "value": "P3W", "tid": "t2"},
    ]
    return json.dumps({"doc_id": doc_id, "dct": "2024-01-15", "text": text, "timexes": timexes})


def test_evaluate_times_runs_the_pipeline(tmp_path):
    evaluation = evaluate_times(write_gold(tmp_path / "g.jsonl", [invented_record()]))
    assert evaluation.summary["gold timexes"] == 2
    assert evaluation.summary["relaxed F1"] == pytest.approx(1.0)
    assert evaluation.summary["value F1"] == pytest.approx(1.0)
    assert evaluation.table["DURATION"]["gold"] == 1


def test_malformed_lines_are_reported_and_the_rest_goes_on(tmp_path):
    lines = ["{not json", json.dumps({"doc_id": "x", "text": "Nothing.", "timexes": [{"start": 3, "end": 99}]}),
             invented_record(), json.dumps({"doc_id": "y", "text": "No timexes key."})]
    path = write_gold(tmp_path / "g.jsonl", lines)
    docs, malformed = read_gold(path)
    assert len(docs) == 1
    assert [line.split(":")[1] for line in malformed] == ["1", "2", "4"]
    assert all(line.startswith(str(path)) for line in malformed)


def test_a_file_without_records_is_a_gold_error(tmp_path):
    with pytest.raises(GoldError):
        read_gold(write_gold(tmp_path / "g.jsonl", ["[]"]))


def test_cli_times_command(tmp_path):
    path = write_gold(tmp_path / "g.jsonl", ["{oops", invented_record()])
    runner = CliRunner()
    result = runner.invoke(app, ["times", "--gold", str(path), "--json", "--limit", "5"])
    assert result.exit_code == 0
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["name"] == "times" and data["summary"]["value F1"] == pytest.approx(1.0)
    assert f"{path}:1" in result.stderr.replace("\n", "")
    table = runner.invoke(app, ["times", "--gold", str(path), "--misses", "3"])
    assert table.exit_code == 0 and "relaxed F1" in table.stdout
    missing = runner.invoke(app, ["times", "--gold", str(tmp_path / "none.jsonl")])
    assert missing.exit_code == 2
