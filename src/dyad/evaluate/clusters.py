"""Cross-document event clustering measured against gold pairs of news articles.

Gold records are JSONL ``{pair_id, doc_a, doc_b, source_file, same_event, event: {type, source,
target}, note}``: two articles of a news file (referenced by id, never copied) that report the
same real-world event (``same_event`` true) or a near miss that does not. The referenced articles
are read from the news files, coded by the full pipeline and saved, in publication order, into a
temporary ``Store``, which clusters them as it would any corpus. A pair counts as linked when an
event of doc_a and an event of doc_b that both match the pair's event share a cluster.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.evaluate.report import Evaluation, GoldError, Rate, gold_lines

FORMAT = "cluster pairs"
DEFAULT_NEWS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "news"

NOTES = [
    "An event matches the pair's event when its type is the gold type, one of its source codes starts with the "
    "gold source, and the gold target is null or one of its target codes starts with it; for joint types "
    "(CONSULT, COOPERATE, AGREE) source and target may be swapped.",
    "A pair is linked when a matching event of doc_a and a matching event of doc_b are in one cluster.",
    "Precision = positive pairs linked / all gold pairs linked (positive and near miss); "
    "recall = positive pairs linked / positive pairs.",
    "Coded in both: the pair's event was coded in each document at all; a positive pair coded in both but not "
    "linked is a clustering miss, one not coded in both a coding miss.",
    "Articles are coded and stored in publication order into a fresh temporary store (incremental clustering).",
]


@dataclass(frozen=True)
class GoldEvent:
    type: str
    source: str | None
    target: str | None


@dataclass
class GoldPair:
    pair_id: str
    line: int
    doc_a: str
    doc_b: str
    source_file: str
    same_event: bool
    event: GoldEvent
    note: str = ""


@dataclass
class StoredEvent:
    """What the store holds of one event mention, as far as the scoring needs it."""

    doc_id: str
    type: str
    source_codes: list[str]
    target_codes: list[str]
    date: str | None
    cluster_id: str | None

    def show(self) -> str:
        return f"{self.type} {'+'.join(self.source_codes) or '∅'}→{'+'.join(self.target_codes) or '∅'} " \
               f"{self.date or 'undated'} [{self.cluster_id}]"


@dataclass
class PairResult:
    pair: GoldPair
    events_a: list[StoredEvent] = field(default_factory=list)  # doc_a's events matching the pair's event
    events_b: list[StoredEvent] = field(default_factory=list)

    @property
    def coded_both(self) -> bool:
        return bool(self.events_a and self.events_b)

    @property
    def linked(self) -> bool:
        return bool({e.cluster_id for e in self.events_a} & {e.cluster_id for e in self.events_b} - {None})

    @property
    def outcome(self) -> str:
        if self.linked:
            return "linked" if self.pair.same_event else "wrongly linked"
        if not self.coded_both:
            missing = [doc for doc, events in (("doc_a", self.events_a), ("doc_b", self.events_b)) if not events]
            return "not coded in " + " and ".join(missing)
        return "not linked" if self.pair.same_event else "kept apart"


# ---------------------------------------------------------------- reading gold


def read_pairs(path: Path, limit: int | None = None) -> tuple[list[GoldPair], list[str]]:
    """(pairs, malformed "file:line: reason" lines); GoldError when nothing usable is in the file."""
    pairs: list[GoldPair] = []
    malformed: list[str] = []
    for number, line in enumerate(gold_lines(path), 1):
        if not line.strip():
            continue
        if limit is not None and len(pairs) >= limit:
            break
        try:
            pairs.append(_pair(json.loads(line), number))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            reason = f"missing key {error}" if isinstance(error, KeyError) else str(error).splitlines()[0]
            malformed.append(f"{path}:{number}: {reason}")
    if not pairs:
        raise GoldError(f"{path}: no cluster gold pair in it")
    return pairs, malformed


def _pair(data: Any, line: int) -> GoldPair:
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    event = data["event"]
    kind = event["type"]
    if not isinstance(kind, str) or not kind.strip():
        raise ValueError("an event without a type")
    if not isinstance(data["same_event"], bool):
        raise ValueError("same_event is not true or false")
    ids = [data["doc_a"], data["doc_b"], data["source_file"]]
    if not all(isinstance(value, str) and value.strip() for value in ids):
        raise ValueError("doc_a, doc_b and source_file must be non-empty strings")
    return GoldPair(
        str(data.get("pair_id") or f"line {line}"), line, *ids, data["same_event"],
        GoldEvent(kind.strip(), _code(event.get("source")), _code(event.get("target"))), data.get("note") or "",
    )


def _code(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValueError("an event source or target is not a string")
    return value.strip()[:3] if value and value.strip() else None


# ---------------------------------------------------------------- reading the news


@dataclass
class Article:
    document: Any  # dyad.records.Document
    order: str  # the news file's own date (with time when it has one), for publication order


def load_articles(pairs: list[GoldPair], news_dir: Path) -> tuple[dict[str, Article], list[str]]:
    """The referenced articles by id, and one line per pair whose article (or file) cannot be had."""
    from dyad.ingest.meta import Meta, make_document
    from dyad.ingest.text import normalise_newlines

    wanted: dict[str, set[str]] = {}
    for pair in pairs:
        wanted.setdefault(pair.source_file, set()).update((pair.doc_a, pair.doc_b))
    articles: dict[str, Article] = {}
    unreadable: set[str] = set()
    for name, ids in wanted.items():
        path = news_dir / name
        try:
            with path.open(encoding="utf-8") as lines:
                for number, line in enumerate(lines, 1):
                    if line.strip() and any(f'"{doc_id}"' in line for doc_id in ids):
                        data = json.loads(line)
                        if data.get("id") in ids and isinstance(data.get("text"), str):
                            document = make_document(normalise_newlines(data["text"]), Meta.from_mapping(data),
                                                     Meta(), f"{path}:{number}")
                            articles[data["id"]] = Article(document, str(data.get("date") or ""))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            unreadable.add(name)
    problems = []
    for pair in pairs:
        if pair.source_file in unreadable:
            problems.append(f"{pair.pair_id}: cannot read news file {news_dir / pair.source_file}")
        for doc_id in (pair.doc_a, pair.doc_b):
            if pair.source_file not in unreadable and doc_id not in articles:
                problems.append(f"{pair.pair_id}: no article {doc_id} in {news_dir / pair.source_file}")
    return articles, problems


# ---------------------------------------------------------------- coding and clustering


def cluster_articles(articles: list[Article]) -> dict[str, list[StoredEvent]]:
    """Code the articles and save them, oldest first, into a temporary store; its events by document."""
    from dyad.api import extract_records
    from dyad.store import Store

    ordered = sorted(articles, key=lambda a: (a.order, a.document.id))
    events: dict[str, list[StoredEvent]] = {}
    with tempfile.TemporaryDirectory(prefix="dyad-clusters-") as folder, \
            Store(Path(folder) / "clusters.duckdb") as store:
        for record in extract_records(a.document for a in ordered):
            store.save(record)
        rows = store.con.execute(
            "SELECT doc_id, type, source_codes, target_codes, date, cluster_id FROM events").fetchall()
    for doc_id, kind, sources, targets, date, cluster_id in rows:
        events.setdefault(doc_id, []).append(StoredEvent(doc_id, kind, sources or [], targets or [], date, cluster_id))
    return events


def matches(event: StoredEvent, gold: GoldEvent) -> bool:
    from dyad.resolve.clusters import JOINT_TYPES

    if event.type != gold.type:
        return False
    if _sides_match(event.source_codes, event.target_codes, gold):
        return True
    return gold.type in JOINT_TYPES and _sides_match(event.target_codes, event.source_codes, gold)


def _sides_match(sources: list[str], targets: list[str], gold: GoldEvent) -> bool:
    source_ok = gold.source is None or any(code[:3] == gold.source for code in sources if code)
    target_ok = gold.target is None or any(code[:3] == gold.target for code in targets if code)
    return source_ok and target_ok


def score_pairs(pairs: list[GoldPair], events: dict[str, list[StoredEvent]]) -> list[PairResult]:
    return [
        PairResult(pair, [e for e in events.get(pair.doc_a, []) if matches(e, pair.event)],
                   [e for e in events.get(pair.doc_b, []) if matches(e, pair.event)])
        for pair in pairs
    ]


def evaluate_clusters(path: str | Path, news_dir: str | Path | None = None, limit: int | None = None) -> Evaluation:
    """Read the gold pairs, code and cluster their articles, and score the links."""
    path = Path(path)
    news = Path(news_dir) if news_dir is not None else DEFAULT_NEWS
    if not news.is_dir():
        raise GoldError(f"news directory {news} not found (give it with --news DIR)")
    pairs, malformed = read_pairs(path, limit)
    articles, problems = load_articles(pairs, news)
    usable = [p for p in pairs if p.doc_a in articles and p.doc_b in articles]
    if not usable:
        raise GoldError(f"{path}: none of its pairs' articles were found under {news}")
    needed = {doc_id for p in usable for doc_id in (p.doc_a, p.doc_b)}
    events = cluster_articles([articles[doc_id] for doc_id in sorted(needed)])
    evaluation = summarise(str(path), score_pairs(usable, events), len(pairs))
    evaluation.malformed = malformed + problems
    evaluation.summary["malformed lines"] = len(malformed)
    evaluation.summary["pairs skipped (article missing)"] = len(pairs) - len(usable)
    return evaluation


# ---------------------------------------------------------------- summary


def summarise(gold: str, results: list[PairResult], pairs: int) -> Evaluation:
    positives = [r for r in results if r.pair.same_event]
    near = [r for r in results if not r.pair.same_event]
    linked = [r for r in results if r.linked]
    correct = sum(r.pair.same_event for r in linked)
    precision, recall = Rate(correct, len(linked)), Rate(correct, len(positives))
    coded = [r for r in positives if r.coded_both]
    p, r_ = precision.accuracy, recall.accuracy
    summary: dict[str, Any] = {
        "gold pairs": pairs,
        "scored pairs": len(results),
        "positive pairs": len(positives),
        "near-miss pairs": len(near),
        "linked pairs": len(linked),
        "precision": precision,
        "recall": recall,
        "F1": None if p is None or r_ is None else (2 * p * r_ / (p + r_) if p + r_ else 0.0),
        "positive pairs coded in both documents": Rate(len(coded), len(positives)),
        "recall where coded in both (clustering alone)": Rate(sum(r.linked for r in coded), len(coded)),
        "near-miss pairs coded in both documents": Rate(sum(r.coded_both for r in near), len(near)),
        "near-miss pairs wrongly linked": Rate(sum(r.linked for r in near), len(near)),
    }
    return Evaluation(
        name="clusters", gold=gold, format=FORMAT, summary=summary, category="event type",
        table=_by_type(results), misses=[_miss(r) for r in _misses(results)], notes=NOTES,
    )


def _by_type(results: list[PairResult]) -> dict[str, dict[str, Any]]:
    counts: dict[str, Counter] = {}
    for r in results:
        row = counts.setdefault(r.pair.event.type, Counter())
        kind = "positive" if r.pair.same_event else "near miss"
        row[kind] += 1
        row[kind + " coded"] += r.coded_both
        row[kind + " linked"] += r.linked
    return {
        kind: {"positive": c["positive"], "coded in both": c["positive coded"],
               "linked": Rate(c["positive linked"], c["positive"]), "near miss": c["near miss"],
               "wrongly linked": Rate(c["near miss linked"], c["near miss"])}
        for kind, c in sorted(counts.items())
    }


def _misses(results: list[PairResult]) -> list[PairResult]:
    """Wrong links first, then clustering misses (coded, not linked), then coding misses."""
    wrong = [r for r in results if r.linked and not r.pair.same_event]
    apart = [r for r in results if r.pair.same_event and r.coded_both and not r.linked]
    uncoded = [r for r in results if r.pair.same_event and not r.coded_both]
    return wrong + apart + uncoded


def _miss(r: PairResult) -> dict[str, Any]:
    e = r.pair.event
    return {
        "pair": r.pair.pair_id,
        "event": f"{e.type} {e.source or '∅'}→{e.target or '∅'}",
        "outcome": r.outcome,
        "doc_a": f"{r.pair.doc_a}: " + ("; ".join(x.show() for x in r.events_a) or "—"),
        "doc_b": f"{r.pair.doc_b}: " + ("; ".join(x.show() for x in r.events_b) or "—"),
        "note": r.pair.note,
    }
