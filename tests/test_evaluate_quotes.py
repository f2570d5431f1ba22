"""`dyad evaluate quotes`: cue matching and token scores on hand-made records, a tiny invented
PolNeAR-style file through the real pipeline and the CLI, and malformed lines."""

import json

import pytest
from typer.testing import CliRunner

from dyad.evaluate.cli import app
from dyad.evaluate.quotes import (
    EXCLUDED_UNCUED,
    Attribution,
    GoldArticle,
    evaluate_quotes,
    match,
    read_gold,
    score,
    summarise,
    token_f1,
    words,
)
from dyad.evaluate.report import GoldError

TEXT = "Officials said the talks would resume on Monday. The army denied the report, a spokesman added."


def span(part, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(part, start + 1)
    return (start, start + len(part))


def attribution(source, cue, content):
    return Attribution(tuple(span(s) for s in source), (span(cue),), tuple(span(c) for c in content))


SAID = attribution(["Officials"], "said", ["the talks would resume on Monday"])
DENIED = attribution(["The army"], "denied", ["the report"])


def article(*attributions, annotator="a", doc="d"):
    return GoldArticle(doc, annotator, 1, "2024-01-15", TEXT, list(attributions))


def test_words_split_on_space_and_punctuation():
    text = "U.S. officials' plan, re-drawn"
    assert [text[s:e] for s, e in words(text)] == ["U", "S", "officials", "plan", "re", "drawn"]


def test_token_f1_counts_words_touched_by_the_spans():
    tokens = words(TEXT)
    gold = (span("the talks would resume on Monday"),)
    assert token_f1(tokens, gold, gold) == 1.0
    # 3 of 6 gold words predicted, nothing extra: 2*3/(6+3)
    assert token_f1(tokens, gold, (span("the talks would"),)) == pytest.approx(2 / 3)
    # a span cutting into a word still takes the whole word
    assert token_f1(tokens, gold, ((span("the talks")[0], span("the talks")[1] - 2),)) == pytest.approx(2 * 2 / 8)
    assert token_f1(tokens, (), ()) == 1.0
    assert token_f1(tokens, gold, ()) == 0.0


def test_cues_pair_by_overlap_one_to_one():
    long_cue = Attribution((), ((span("said")[0], span("denied")[1]),), ())  # one cue over both gold cues
    m = match(article(SAID, DENIED), [long_cue])
    assert len(m.pairs) == 1 and len(m.missed) == 1 and not m.spurious
    halves = [Attribution((), ((span("said")[0], span("said")[0] + 2),), ()),
              Attribution((), ((span("said")[0] + 2, span("said")[1]),), ())]
    m = match(article(SAID), halves)
    assert len(m.pairs) == 1 and len(m.spurious) == 1


def test_matching_is_maximum_not_greedy():
    # gold 1 overlaps both predictions, gold 2 only the first: both gold must still be paired
    first = Attribution((), ((span("said")[0], span("denied")[1]),), ())
    second = Attribution((), (span("said"),), ())
    m = match(article(SAID, DENIED), [second, first])
    assert len(m.pairs) == 2


def test_attribution_level_needs_half_the_content():
    good = attribution(["Officials"], "said", ["the talks would resume"])  # content F1 0.8
    poor = attribution(["The army"], "denied", ["The army"])  # content F1 0
    summary = summarise("g", [match(article(SAID, DENIED), [good, poor])]).summary
    assert summary["cue F1"] == 1.0
    assert summary["attribution precision"] == 0.5 and summary["attribution recall"] == 0.5
    assert summary["content token F1"] == pytest.approx((0.8 + 0.0) / 2)
    assert summary["source token F1"] == 1.0


def test_source_f1_of_a_wrong_speaker_is_zero():
    wrong = attribution(["a spokesman"], "denied", ["the report"])
    (pair,) = match(article(DENIED), [wrong]).pairs
    assert pair.source_f1 == 0.0 and pair.content_f1 == 1.0


def test_several_annotators_give_the_mean_and_the_text_is_coded_once():
    calls = []

    def predict(items):
        calls.append(items)
        return [[SAID] for _ in items]

    # annotator a found both attributions, annotator b only one: recall (1/2 + 1/1) / 2
    matched = score([article(SAID, DENIED, annotator="a"), article(SAID, annotator="b")], predict)
    assert len(calls) == 1 and len(calls[0]) == 1
    summary = summarise("g", matched).summary
    assert summary["gold attributions"] == 1.5 and summary["predicted"] == 1
    assert summary["cue recall"] == pytest.approx(1 / 1.5)
    assert summary["cue precision"] == 1.0
    assert summary["annotations"] == 2 and summary["articles"] == 1


def gold_line(text, attributions, doc="x", annotator="a"):
    items = [{"id": f"E{i}", **{part: [{"start": s, "end": e, "text": text[s:e]} for s, e in spans]
                                 for part, spans in a.items()}} for i, a in enumerate(attributions, 1)]
    return json.dumps({"doc_id": doc, "annotator": annotator, "date": "2016-09-12", "text": text,
                       "attributions": items})


INVENTED = "The harbour authority said that the port would close on Friday."


def invented_gold(tmp_path, extra=()):
    found = {"source": [(0, 21)], "cue": [(22, 26)], "content": [(27, 63)]}
    path = tmp_path / "quotes.jsonl"
    path.write_text("\n".join([gold_line(INVENTED, [found]), *extra]) + "\n", encoding="utf-8")
    return path


def test_read_gold_skips_uncued_attributions_and_reports_bad_lines(tmp_path):
    uncued = gold_line(INVENTED, [{"source": [(0, 21)], "cue": [], "content": [(27, 63)]}], doc="y")
    bad_offsets = gold_line(INVENTED, [{"source": [], "cue": [(22, 90)], "content": []}], doc="z")
    path = invented_gold(tmp_path, ["{not json", uncued, bad_offsets, "[]"])
    articles, malformed = read_gold(path)
    assert [a.id for a in articles] == ["x", "y"] and articles[1].uncued == 1
    assert [m.split(": ")[0] for m in malformed] == [f"{path}:{n}" for n in (2, 4, 5)]
    assert summarise("g", [match(a, []) for a in articles]).excluded == {EXCLUDED_UNCUED: 1}


def test_a_file_without_records_is_a_gold_error(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("{broken\n", encoding="utf-8")
    with pytest.raises(GoldError):
        read_gold(path)


def test_real_pipeline_on_an_invented_article(tmp_path):
    evaluation = evaluate_quotes(invented_gold(tmp_path))
    summary = evaluation.summary
    assert summary["cue F1"] == 1.0
    assert summary["content token F1"] == 1.0 and summary["source token F1"] == 1.0
    assert evaluation.table["said"]["R"] == 1.0


def test_cli_json_and_malformed_lines(tmp_path):
    path = invented_gold(tmp_path, ["{not json"])
    result = CliRunner().invoke(app, ["quotes", "--gold", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["name"] == "quotes" and data["summary"]["cue F1"] == 1.0
    assert data["summary"]["malformed lines"] == 1
    assert f"{path}:2" in result.stderr.replace("\n", "") and "skipped" in result.stderr


def test_cli_table_and_missing_file(tmp_path):
    result = CliRunner().invoke(app, ["quotes", "--gold", str(invented_gold(tmp_path))])
    assert result.exit_code == 0 and "cue F1" in result.stdout
    result = CliRunner().invoke(app, ["quotes", "--gold", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2


def test_nested_predictions_are_set_aside():
    outer = attribution(["Officials"], "said", ["the talks would resume on Monday. The army denied the report"])
    m = match(article(SAID), [outer, DENIED])
    assert m.nested == 1 and m.predicted == [outer] and not m.spurious
    summary = summarise("g", [m]).summary
    assert summary["cue precision"] == 1.0 and summary["nested predictions set aside"] == 1
