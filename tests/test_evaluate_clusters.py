"""The cluster scorer: gold article pairs, coded and clustered through the real pipeline and store."""

import json

import pytest

from dyad.evaluate.clusters import (
    GoldEvent,
    GoldPair,
    PairResult,
    StoredEvent,
    evaluate_clusters,
    matches,
    summarise,
)
from dyad.evaluate.report import GoldError

ARTICLES = [
    ("a1", "2024-03-06", "Russian forces shelled Kharkiv on Tuesday, killing four civilians."),
    ("a2", "2024-03-07", "Ukraine said Russian forces shelled the city of Kharkiv on Tuesday."),
    ("b1", "2024-09-18", "Russian forces shelled Kharkiv on Tuesday, officials said."),
]


def pair(pair_id, doc_a, doc_b, same, kind="ASSAULT", source="RUS", target="UKR"):
    return {"pair_id": pair_id, "doc_a": doc_a, "doc_b": doc_b, "source_file": "news.jsonl", "same_event": same,
            "event": {"type": kind, "source": source, "target": target}, "note": "test"}


@pytest.fixture
def news(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    lines = [json.dumps({"id": i, "date": d, "source": "Wire", "text": t}) for i, d, t in ARTICLES]
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def write_gold(tmp_path, rows):
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def outcomes(evaluation):
    return {m["pair"]: m["outcome"] for m in evaluation.misses}


def test_reports_of_one_attack_link_and_the_same_dyad_months_later_does_not(tmp_path, news):
    gold = write_gold(tmp_path, [pair("same", "a1", "a2", True), pair("later", "a1", "b1", False)])
    evaluation = evaluate_clusters(gold, news_dir=news)
    summary = evaluation.summary
    assert summary["positive pairs coded in both documents"].correct == 1
    assert summary["near-miss pairs coded in both documents"].correct == 1
    assert (summary["recall"].correct, summary["recall"].total) == (1, 1)
    assert (summary["precision"].correct, summary["precision"].total) == (1, 1)
    assert summary["near-miss pairs wrongly linked"].correct == 0
    assert evaluation.misses == []


def test_an_event_the_articles_do_not_report_is_a_coding_miss_not_a_link(tmp_path, news):
    gold = write_gold(tmp_path, [pair("meeting", "a1", "a2", True, kind="CONSULT")])
    evaluation = evaluate_clusters(gold, news_dir=news)
    assert evaluation.summary["recall"].correct == 0
    assert evaluation.summary["positive pairs coded in both documents"].correct == 0
    assert outcomes(evaluation) == {"meeting": "not coded in doc_a and doc_b"}


def test_a_missing_article_is_one_line_and_the_other_pairs_are_scored(tmp_path, news):
    gold = write_gold(tmp_path, [pair("gone", "a1", "nowhere", True), pair("same", "a1", "a2", True), "not a pair"])
    evaluation = evaluate_clusters(gold, news_dir=news)
    assert evaluation.summary["scored pairs"] == 1
    assert evaluation.summary["pairs skipped (article missing)"] == 1
    assert [line for line in evaluation.malformed if "nowhere" in line] == [
        f"gone: no article nowhere in {news / 'news.jsonl'}"]
    assert any(line.endswith(":3: not a JSON object") for line in evaluation.malformed)
    assert evaluation.summary["recall"].correct == 1


def test_gold_whose_articles_are_all_missing_is_refused(tmp_path, news):
    with pytest.raises(GoldError, match="none of its pairs"):
        evaluate_clusters(write_gold(tmp_path, [pair("gone", "x", "y", True)]), news_dir=news)
    with pytest.raises(GoldError, match="news directory"):
        evaluate_clusters(write_gold(tmp_path, [pair("same", "a1", "a2", True)]), news_dir=tmp_path / "absent")


def stored(cluster, kind="ASSAULT", source=("RUSMIL",), target=("UKR",)):
    return StoredEvent("d", kind, list(source), list(target), "2024-03-05", cluster)


def result(same, cluster_a, cluster_b):
    gold = GoldPair("p", 1, "a", "b", "news.jsonl", same, GoldEvent("ASSAULT", "RUS", "UKR"))
    return PairResult(gold, [stored(cluster_a)] if cluster_a else [], [stored(cluster_b)] if cluster_b else [])


def test_precision_counts_every_link_and_recall_every_positive_pair():
    results = [
        result(True, "c1", "c1"),  # linked, right
        result(True, "c2", "c3"),  # coded in both, clustering miss
        result(True, "c4", None),  # coding miss
        result(False, "c5", "c5"),  # near miss wrongly linked
        result(False, "c6", "c7"),  # near miss kept apart
    ]
    summary = summarise("gold", results, 5).summary
    assert (summary["precision"].correct, summary["precision"].total) == (1, 2)
    assert (summary["recall"].correct, summary["recall"].total) == (1, 3)
    assert summary["F1"] == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))
    assert (summary["positive pairs coded in both documents"].correct, summary["recall where coded in both "
            "(clustering alone)"].total) == (2, 2)
    assert summary["near-miss pairs wrongly linked"].correct == 1
    misses = [m["outcome"] for m in summarise("gold", results, 5).misses]
    assert misses == ["wrongly linked", "not linked", "not coded in doc_b"]


def test_event_matching_by_type_and_country_prefixes_with_joint_types_either_way():
    gold = GoldEvent("ASSAULT", "RUS", "UKR")
    assert matches(stored("c"), gold)
    assert not matches(stored("c", kind="CONSULT"), gold)
    assert not matches(stored("c", source=("UKRMIL",), target=("RUS",)), gold)
    assert matches(stored("c", target=()), GoldEvent("ASSAULT", "RUS", None))
    meeting = GoldEvent("CONSULT", "JPN", "USA")
    assert matches(stored("c", kind="CONSULT", source=("USAGOV",), target=("JPNGOV",)), meeting)
