"""Temporal expressions measured against TIMEX3 gold, scored as TempEval-3 scores them.

Gold records are JSONL ``{doc_id, dct, text, timexes: [{start, end, text, type, value, tid, ...}]}``
with character offsets into ``text``. Each text is run through the full pipeline with ``dct`` as
its publication date, and dyad's ``TimeExpression`` records are matched against the gold:

- relaxed match: spans overlap; one-to-one, maximal. Strict match: a relaxed pair with exactly
  the same offsets.
- type and value accuracy over the relaxed pairs; value F1 = relaxed F1 × value accuracy (and
  type F1 likewise), as TempEval-3 reports attribute F1.
- gold timexes that cannot be scored (no value, or the document creation time itself: tid t0 or
  functionInDocument CREATION_TIME) are excluded, and a prediction overlapping only such a timex
  is neither a hit nor a false positive.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.evaluate.actors import iso_date
from dyad.evaluate.events import f1
from dyad.evaluate.report import Evaluation, GoldError, Rate, gold_lines
from dyad.records import Document, TimeExpression

FORMAT = "timex3"
TYPES = ("DATE", "TIME", "DURATION", "SET")
EXCLUDED_EMPTY = "gold timex without a value"
EXCLUDED_DCT = "gold timex that is the document creation time"

NOTES = [
    "Relaxed match: a predicted and a gold span overlap; one-to-one, maximal. Strict: the same offsets.",
    "Type and value accuracy are over relaxed matches; value F1 = relaxed F1 × value accuracy (TempEval-3).",
    "Gold timexes without a value or that are the creation time are excluded; a prediction overlapping "
    "only excluded gold is not a false positive.",
    "By type: gold and recall by gold type; predicted and precision by predicted type; accuracies over "
    "the matches of that gold type.",
]


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str | None
    excluded: str | None = None  # the reason it is not scored


@dataclass
class GoldDoc:
    id: str
    line: int
    dct: str | None
    text: str
    timexes: list[GoldTimex]

    @property
    def scored(self) -> list[GoldTimex]:
        return [t for t in self.timexes if t.excluded is None]


@dataclass
class Matched:
    """One document: its gold, dyad's predictions and the relaxed one-to-one pairs."""

    gold: GoldDoc
    predicted: list[TimeExpression]  # excluding those that overlap only excluded gold
    pairs: list[tuple[GoldTimex, TimeExpression]] = field(default_factory=list)
    ignored: int = 0  # predictions overlapping only excluded gold

    @property
    def strict(self) -> list[tuple[GoldTimex, TimeExpression]]:
        return [(g, p) for g, p in self.pairs if (g.start, g.end) == (p.start, p.end)]

    @property
    def missed(self) -> list[GoldTimex]:
        hit = {id(g) for g, _ in self.pairs}
        return [g for g in self.gold.scored if id(g) not in hit]

    @property
    def spurious(self) -> list[TimeExpression]:
        hit = {id(p) for _, p in self.pairs}
        return [p for p in self.predicted if id(p) not in hit]


# ---------------------------------------------------------------- matching


def _overlap(a: GoldTimex | TimeExpression, b: GoldTimex | TimeExpression) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match(gold: GoldDoc, predicted: list[TimeExpression]) -> Matched:
    """Pair overlapping gold and predicted spans one-to-one; see the module notes for exclusions.

    Exact spans pair first, then the rest left to right, each gold timex taking the first free
    prediction it overlaps: with spans that do not overlap on either side the overlap graph is a
    set of chains, and a left-to-right greedy pass is maximal on a chain.
    """
    scored = gold.scored
    excluded = [g for g in gold.timexes if g.excluded is not None]
    free = sorted(predicted, key=lambda p: (p.start, p.end))
    pairs: list[tuple[GoldTimex, TimeExpression]] = []
    left = []
    for g in sorted(scored, key=lambda g: (g.start, g.end)):
        exact = next((p for p in free if (p.start, p.end) == (g.start, g.end)), None)
        if exact is not None:
            pairs.append((g, exact))
            free.remove(exact)
        else:
            left.append(g)
    for g in left:
        taken = next((p for p in free if _overlap(g, p) > 0), None)
        if taken is not None:
            pairs.append((g, taken))
            free.remove(taken)
    ignored = {id(p) for p in free if _touches(p, excluded) and not _touches(p, scored)}
    kept = [p for p in predicted if id(p) not in ignored]
    pairs.sort(key=lambda pair: pair[0].start)
    return Matched(gold, kept, pairs, len(ignored))


def _touches(p: TimeExpression, gold: list[GoldTimex]) -> bool:
    return any(_overlap(g, p) > 0 for g in gold)


# ---------------------------------------------------------------- reading gold


def read_gold(path: Path, limit: int | None = None) -> tuple[list[GoldDoc], list[str]]:
    """(documents, malformed "file:line: reason" lines); the first ``limit`` documents only."""
    docs: list[GoldDoc] = []
    malformed: list[str] = []
    for number, line in enumerate(gold_lines(path), 1):
        if not line.strip():
            continue
        if limit is not None and len(docs) >= limit:
            break
        try:
            docs.append(_doc(json.loads(line), number))
        except (ValueError, KeyError, TypeError) as error:
            malformed.append(f"{path}:{number}: {_reason(error)}")
    if not docs:
        raise GoldError(f"{path}: no TIMEX3 gold record in it")
    return docs, malformed


def _reason(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missing key {error}"
    return str(error).splitlines()[0] or type(error).__name__


def _doc(data: Any, line: int) -> GoldDoc:
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    text = data["text"]
    if not isinstance(text, str) or not text.strip():
        raise ValueError("empty text")
    timexes = data["timexes"]
    if not isinstance(timexes, list) or not all(isinstance(t, dict) for t in timexes):
        raise ValueError("timexes is not a list of objects")
    return GoldDoc(str(data.get("doc_id") or f"line {line}"), line, iso_date(data.get("dct")), text,
                   [_timex(t, text) for t in timexes])




def _timex(data: dict, text: str) -> GoldTimex:
    start, end = data["start"], data["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise ValueError(f"timex {data.get('tid')}: offsets {start}-{end} outside the text")
    if "text" in data and text[start:end] != data["text"]:
        raise ValueError(f"timex {data.get('tid')}: text {data['text']!r} does not match its offsets")
    value = data.get("value") or None
    return GoldTimex(start, end, text[start:end], str(data["type"]).upper(), value, _exclusion(data, value))


def _exclusion(data: dict, value: str | None) -> str | None:
    if data.get("tid") == "t0" or data.get("functionInDocument") == "CREATION_TIME":
        return EXCLUDED_DCT
    return None if value else EXCLUDED_EMPTY


# ---------------------------------------------------------------- running dyad


def predict(docs: list[GoldDoc]) -> list[list[TimeExpression]]:
    """dyad's time expressions for each gold text, with the gold DCT as publication date."""
    from dyad.nlp.extensions import get_list
    from dyad.nlp.pipeline import annotate, shared_pipeline

    documents = [Document(text=d.text, published=d.dct, published_source="given" if d.dct else "unknown")
                 for d in docs]
    return [list(get_list(doc, "dyad_times")) for doc in annotate(shared_pipeline(), documents)]


def evaluate_times(path: str | Path, limit: int | None = None) -> Evaluation:
    """Read the gold (first ``limit`` documents), run dyad over it and score it."""
    path = Path(path)
    docs, malformed = read_gold(path, limit)
    matched = [match(doc, predicted) for doc, predicted in zip(docs, predict(docs))]
    evaluation = summarise(str(path), matched)
    evaluation.malformed = malformed
    evaluation.summary["malformed lines"] = len(malformed)
    return evaluation


# ---------------------------------------------------------------- summary


def summarise(gold: str, matched: list[Matched]) -> Evaluation:
    gold_n = sum(len(m.gold.scored) for m in matched)
    predicted_n = sum(len(m.predicted) for m in matched)
    pairs = [pair for m in matched for pair in m.pairs]
    strict_n = sum(len(m.strict) for m in matched)
    strict_p, strict_r = Rate(strict_n, predicted_n), Rate(strict_n, gold_n)
    relaxed_p, relaxed_r = Rate(len(pairs), predicted_n), Rate(len(pairs), gold_n)
    type_accuracy, value_accuracy = Rate(), Rate()
    for g, p in pairs:
        type_accuracy.add(g.type == p.type)
        value_accuracy.add(g.value == p.value)
    relaxed_f1 = f1(relaxed_p, relaxed_r)
    summary = {
        "documents": len(matched),
        "gold timexes": gold_n,
        "predicted": predicted_n,
        "strict precision": strict_p,
        "strict recall": strict_r,
        "strict F1": f1(strict_p, strict_r),
        "relaxed precision": relaxed_p,
        "relaxed recall": relaxed_r,
        "relaxed F1": relaxed_f1,
        "type accuracy": type_accuracy,
        "value accuracy": value_accuracy,
        "type F1": _times(relaxed_f1, type_accuracy),
        "value F1": _times(relaxed_f1, value_accuracy),
        "predictions overlapping only excluded gold": sum(m.ignored for m in matched),
    }
    excluded = Counter(t.excluded for m in matched for t in m.gold.timexes if t.excluded)
    return Evaluation(
        name="times", gold=gold, format=FORMAT, summary=summary, category="TIMEX3 type",
        table=_type_table(matched), misses=_misses(matched), excluded=dict(excluded.most_common()), notes=NOTES,
    )


def _times(score: float | None, rate: Rate) -> float | None:
    return None if score is None or rate.accuracy is None else score * rate.accuracy


def _type_table(matched: list[Matched]) -> dict[str, dict[str, Any]]:
    counts: dict[str, Counter] = {kind: Counter() for kind in TYPES}
    accuracy: dict[str, tuple[Rate, Rate]] = {kind: (Rate(), Rate()) for kind in TYPES}
    for m in matched:
        for g in m.gold.scored:
            counts.setdefault(g.type, Counter())["gold"] += 1
        for p in m.predicted:
            counts.setdefault(p.type, Counter())["predicted"] += 1
        for g, p in m.pairs:
            counts.setdefault(g.type, Counter())["matched"] += 1
            counts.setdefault(p.type, Counter())["hit"] += 1
            kind_rate, value_rate = accuracy.setdefault(g.type, (Rate(), Rate()))
            kind_rate.add(g.type == p.type)
            value_rate.add(g.value == p.value)
    table = {}
    for kind, c in counts.items():
        precision, recall = Rate(c["hit"], c["predicted"]), Rate(c["matched"], c["gold"])
        kind_rate, value_rate = accuracy.get(kind, (Rate(), Rate()))
        relaxed = f1(precision, recall)
        table[kind] = {"gold": c["gold"], "predicted": c["predicted"], "P": precision, "R": recall, "F1": relaxed,
                       "type acc": kind_rate, "value acc": value_rate, "value F1": _times(relaxed, value_rate)}
    return table


def _misses(matched: list[Matched]) -> list[dict[str, Any]]:
    """Wrong values, missed and spurious timexes, the same miss counted once; most frequent first."""
    seen: Counter = Counter()
    first: dict[tuple, dict[str, Any]] = {}
    for m in matched:
        rows = [("wrong value", g.text, g.type, g.value, p.text, p.type, p.value) for g, p in m.pairs
                if (g.value, g.type) != (p.value, p.type)]
        rows += [("missed", g.text, g.type, g.value, None, None, None) for g in m.missed]
        rows += [("spurious", None, None, None, p.text, p.type, p.value) for p in m.spurious]
        for row in rows:
            key = (row[0], *(str(x).lower() for x in row[1:]))
            seen[key] += 1
            first.setdefault(key, {"kind": row[0], "document": m.gold.id, "text": row[1], "gold": _show(row[2], row[3]),
                                   "predicted text": row[4], "predicted": _show(row[5], row[6])})
    order = {"wrong value": 0, "missed": 1, "spurious": 2}
    keys = sorted(seen, key=lambda k: (-seen[k], order[k[0]]))
    return [{**first[k], "count": seen[k]} for k in keys]


def _show(kind: str | None, value: str | None) -> str | None:
    return None if kind is None else f"{kind} {value}"
