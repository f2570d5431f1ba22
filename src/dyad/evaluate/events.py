"""Event coding measured against gold: PLOVER type, source and target of every coded event.

Gold records are JSONL ``{id, text, date, expected_events: [{source, target, code}], expects_no_event}``.
Two flavours, told apart by the codes:

- PLOVER event gold (codes are PLOVER type names; ``code_current``, when present, is the current
  name and is used): scored on (type, source, target) tuples, see ``match``.
- CAMEO manual examples (codes are CAMEO digits, no actors): each code is mapped to its PLOVER type
  with ``dyad.ontology.cameo.cameo_to_plover``; codes PLOVER drops (or the map does not know) are
  excluded; only types are scored.

Each record's text is coded by the full pipeline with ``date`` as the publication date.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path
from typing import Any

from dyad.evaluate.actors import iso_date
from dyad.evaluate.report import gold_lines, Evaluation, GoldError, Rate
from dyad.records import Document, DocumentRecord

PLOVER, CAMEO = "plover", "cameo"
EXCLUDED_DROPPED = "CAMEO code PLOVER drops (statements, appeals)"
EXCLUDED_UNKNOWN = "CAMEO code unknown to the CAMEO→PLOVER map"

UNCODED_MODALITIES = frozenset({"negated", "hypothetical"})  # "did not attack", "could attack"

# (PLOVER type, source code[:3] or None, target code[:3] or None)
EventTuple = tuple[str, str | None, str | None]

PLOVER_NOTES = [
    "Tuples: each predicted event gives one (type, source[:3], target[:3]) per (source code, target code) pair, "
    "None for a missing side; each gold event gives one, with code_current as its type when present.",
    "Match: same type, same source prefix, and gold target None or equal to the predicted target prefix; "
    "one-to-one, maximal. Precision = matched / predicted tuples, recall = matched / gold tuples.",
    "Events predicted in a record that expects none are false positives. Every predicted event counts "
    "but those the text says did not or may not happen (modality negated or hypothetical).",
    "Type accuracy: records with gold events whose every distinct gold type is among the predicted types.",
]
CAMEO_NOTES = [
    "Types only: each gold CAMEO code is mapped to PLOVER; dropped or unknown codes are excluded, and a "
    "record left without a gold type is neither coded nor scored.",
    "Type accuracy: scored records whose every gold type is among the predicted events' types.",
    "Type precision: predicted events (all but negated or hypothetical ones) whose type is one of their record's gold types, "
    "out of all events predicted in scored records.",
    "By type: type accuracy over the records whose gold type it is; type precision over the events predicted "
    "with that type.",
]


@dataclass
class GoldRecord:
    id: str
    line: int
    text: str
    published: str | None
    tuples: list[EventTuple] = field(default_factory=list)  # PLOVER flavour only
    types: frozenset[str] = frozenset()  # distinct gold PLOVER types
    excluded: bool = False  # CAMEO flavour: every gold code was excluded, nothing to score

    @property
    def expects_events(self) -> bool:
        return bool(self.types)


@dataclass
class Scored:
    """One gold record with what dyad coded and which tuples matched."""

    gold: GoldRecord
    events: list[tuple[str, list[EventTuple]]]  # per predicted event: its type and its tuples
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (gold index, predicted index)

    @property
    def predicted(self) -> list[EventTuple]:
        return [t for _, tuples in self.events for t in tuples]

    @property
    def predicted_types(self) -> list[str]:
        return [kind for kind, _ in self.events]

    @property
    def wrong_types(self) -> int:
        """Predicted events whose type is none of the gold types."""
        return sum(kind not in self.gold.types for kind in self.predicted_types)

    @property
    def unmatched(self) -> int:
        return len(self.gold.tuples) + len(self.predicted) - 2 * len(self.pairs)


# ---------------------------------------------------------------- tuples and matching


def event_tuples(kind: str, source_codes: Iterable[str], target_codes: Iterable[str]) -> list[EventTuple]:
    """One tuple per (source code, target code) pair; a side without codes contributes one None."""
    sources = [code[:3] for code in source_codes if code] or [None]
    targets = [code[:3] for code in target_codes if code] or [None]
    return [(kind, source, target) for source, target in product(sources, targets)]


def predicted_events(record: DocumentRecord) -> list[tuple[str, list[EventTuple]]]:
    """The record's coded events: those the text says did not or may not happen stay in the record,
    with their modality, but are no events of the dataset (coders code what happened or is intended;
    a refusal such as "will not attend" is coded, as REJECT)."""
    return [(e.type, event_tuples(e.type, e.source_codes, e.target_codes)) for e in record.events
            if e.modality not in UNCODED_MODALITIES]


def match(gold: list[EventTuple], predicted: list[EventTuple]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching, as (gold index, predicted index) pairs.

    Within one (type, source) group a gold tuple with a target can only take a predicted tuple
    with that same target, while a None-target gold tuple can take any tuple of the group. So
    matching targeted gold first is never worse: if a maximum matching leaves a targeted gold
    tuple g free while a predicted tuple p it could take is held by a None-target gold tuple,
    giving p to g frees that gold tuple and keeps the size. The None-target tuples then take
    whatever is left of their group, which is all they can reach.
    """
    free = list(range(len(predicted)))
    pairs = []
    for targeted in (True, False):
        for g, (kind, source, target) in enumerate(gold):
            if (target is not None) != targeted:
                continue
            for p in free:
                if predicted[p][:2] == (kind, source) and target in (None, predicted[p][2]):
                    pairs.append((g, p))
                    free.remove(p)
                    break
    return sorted(pairs)


def types_found(gold_types: frozenset[str], predicted_types: Iterable[str]) -> bool:
    """Per record: correct only when every distinct gold type is among the predicted types."""
    return gold_types <= set(predicted_types)


# ---------------------------------------------------------------- reading gold


def read_gold(path: Path, limit: int | None = None) -> tuple[str, list[GoldRecord], list[str], Counter]:
    """(flavour, records, malformed "file:line: reason" lines, excluded CAMEO codes by reason)."""
    lines = gold_lines(path)
    fmt: str | None = None
    records: list[GoldRecord] = []
    malformed: list[str] = []
    excluded: Counter = Counter()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if limit is not None and len(records) >= limit:
            break
        try:
            data, expected = _checked(json.loads(line))
            flavour = _flavour(expected)
            if fmt and flavour and flavour != fmt:
                raise ValueError(f"{flavour} codes in a {fmt} file")
            fmt = fmt or flavour
            records.append(_record(data, expected, number, flavour, excluded))
        except (ValueError, KeyError, TypeError) as error:
            malformed.append(f"{path}:{number}: {_reason(error)}")
    if not records:
        raise GoldError(f"{path}: no event gold record in it")
    return fmt or PLOVER, records, malformed, excluded


def _reason(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missing key {error}"
    return str(error).splitlines()[0] or type(error).__name__


def _checked(data: Any) -> tuple[dict, list[dict]]:
    """The record and its expected events, or ValueError saying what is wrong with them."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    if not isinstance(data["text"], str) or not data["text"].strip():
        raise ValueError("empty text")
    expected = data.get("expected_events") or []
    if not isinstance(expected, list) or not all(isinstance(e, dict) for e in expected):
        raise ValueError("expected_events is not a list of objects")
    for event in expected:
        if not isinstance(_code(event), str) or not _code(event).strip():
            raise ValueError("an expected event without a code")
        if any(event.get(side) is not None and not isinstance(event[side], str) for side in ("source", "target")):
            raise ValueError("an expected source or target is not a string")
    no_event = data.get("expects_no_event", not expected)
    if bool(no_event) == bool(expected):
        raise ValueError("expects_no_event contradicts expected_events")
    return data, expected


def _code(event: dict) -> Any:
    return event.get("code_current") or event["code"]


def _flavour(expected: list[dict]) -> str | None:
    """CAMEO when every code is digits, PLOVER otherwise; None for a record expecting no event."""
    if not expected:
        return None
    return CAMEO if all(_code(e).strip().isdigit() for e in expected) else PLOVER


def _record(data: dict, expected: list[dict], line: int, flavour: str | None, excluded: Counter) -> GoldRecord:
    record = GoldRecord(str(data.get("id") or f"line {line}"), line, data["text"], iso_date(data.get("date")))
    if flavour == CAMEO:
        record.types = frozenset(t for t in (_plover_of(_code(e), excluded) for e in expected) if t)
        record.excluded = not record.types
    elif flavour == PLOVER:
        record.tuples = [_gold_tuple(e) for e in expected]
        record.types = frozenset(kind for kind, _, _ in record.tuples)
    return record


def _gold_tuple(event: dict) -> EventTuple:
    source, target = event.get("source"), event.get("target")
    return _code(event).strip(), source[:3] if source else None, target[:3] if target else None


def _plover_of(code: str, excluded: Counter) -> str | None:
    from dyad.ontology.cameo import cameo_entry, cameo_to_plover

    mapped = cameo_to_plover(code)
    if mapped is None:
        excluded[EXCLUDED_DROPPED if cameo_entry(code) else EXCLUDED_UNKNOWN] += 1
        return None
    return mapped[0]


# ---------------------------------------------------------------- coding


def code_records(records: list[GoldRecord]) -> list[Scored]:
    """Code every record's text with the full pipeline, in batches, and match its tuples."""
    from dyad.nlp.pipeline import annotate, shared_pipeline
    from dyad.nlp.recorder import to_record

    documents = [
        Document(text=r.text, published=r.published, published_source="given" if r.published else "unknown")
        for r in records
    ]
    scored = []
    for gold, doc in zip(records, annotate(shared_pipeline(), documents)):
        item = Scored(gold, predicted_events(to_record(doc)))
        item.pairs = match(gold.tuples, item.predicted)
        scored.append(item)
    return scored


def evaluate_events(path: str | Path, limit: int | None = None) -> Evaluation:
    """Read the gold (first ``limit`` records), code it, and score it by its flavour."""
    path = Path(path)
    fmt, records, malformed, excluded = read_gold(path, limit)
    scored = code_records([r for r in records if not r.excluded])
    summarise = summarise_plover if fmt == PLOVER else summarise_cameo
    evaluation = summarise(str(path), scored, len(records))
    evaluation.excluded = dict(excluded.most_common())
    evaluation.malformed = malformed
    evaluation.summary["malformed lines"] = len(malformed)
    return evaluation


# ---------------------------------------------------------------- summaries


def f1(precision: Rate, recall: Rate) -> float | None:
    p, r = precision.accuracy, recall.accuracy
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def summarise_plover(gold: str, scored: list[Scored], records: int) -> Evaluation:
    gold_n = sum(len(s.gold.tuples) for s in scored)
    predicted_n = sum(len(s.predicted) for s in scored)
    matched = sum(len(s.pairs) for s in scored)
    precision, recall, type_accuracy = Rate(matched, predicted_n), Rate(matched, gold_n), Rate()
    for s in scored:
        if s.gold.expects_events:
            type_accuracy.add(types_found(s.gold.types, s.predicted_types))
    summary = {
        "records": records,
        "records expecting no event": sum(not s.gold.expects_events for s in scored),
        "gold tuples": gold_n,
        "predicted tuples": predicted_n,
        "matched": matched,
        "precision": precision,
        "recall": recall,
        "F1": f1(precision, recall),
        "type accuracy": type_accuracy,
    }
    return Evaluation(
        name="events", gold=gold, format=PLOVER, summary=summary, category="PLOVER type",
        table=_plover_table(scored), misses=[_plover_miss(s) for s in _worst(scored)], notes=PLOVER_NOTES,
    )


def _plover_table(scored: list[Scored]) -> dict[str, dict[str, Any]]:
    counts: dict[str, Counter] = {}
    for s in scored:
        for kind, _, _ in s.gold.tuples:
            counts.setdefault(kind, Counter())["gold"] += 1
        for kind, _, _ in s.predicted:
            counts.setdefault(kind, Counter())["predicted"] += 1
        for g, _ in s.pairs:
            counts[s.gold.tuples[g][0]]["matched"] += 1
    table = {}
    for kind, c in sorted(counts.items()):
        precision, recall = Rate(c["matched"], c["predicted"]), Rate(c["matched"], c["gold"])
        table[kind] = {"gold": c["gold"], "predicted": c["predicted"], "matched": c["matched"],
                       "P": precision, "R": recall, "F1": f1(precision, recall)}
    return table


def _worst(scored: list[Scored]) -> list[Scored]:
    """Records with unmatched tuples, most first; gold order within."""
    return sorted((s for s in scored if s.unmatched), key=lambda s: -s.unmatched)


def show(item: EventTuple, matched: bool = True) -> str:
    kind, source, target = item
    return f"{'' if matched else '✗ '}{kind} {source or '∅'}→{target or '∅'}"


def _plover_miss(s: Scored) -> dict[str, Any]:
    gold_hit = {g for g, _ in s.pairs}
    predicted_hit = {p for _, p in s.pairs}
    return {
        "record": s.gold.id,
        "text": s.gold.text,
        "expected": "; ".join(show(t, i in gold_hit) for i, t in enumerate(s.gold.tuples)) or "no event",
        "predicted": "; ".join(show(t, i in predicted_hit) for i, t in enumerate(s.predicted)) or "no event",
        "unmatched": s.unmatched,
    }


def summarise_cameo(gold: str, scored: list[Scored], records: int) -> Evaluation:
    accuracy, precision = Rate(), Rate()
    table: dict[str, dict[str, Any]] = {}
    for s in scored:
        if s.gold.expects_events:
            ok = types_found(s.gold.types, s.predicted_types)
            accuracy.add(ok)
            for kind in s.gold.types:
                _row(table, kind)["type accuracy"].add(ok)
        for kind in s.predicted_types:
            precision.add(kind in s.gold.types)
            _row(table, kind)["type precision"].add(kind in s.gold.types)
    summary = {
        "records": records,
        "excluded records": records - len(scored),
        "scored records": sum(s.gold.expects_events for s in scored),
        "records without an event coded": sum(not s.events for s in scored),
        "predicted events": sum(len(s.events) for s in scored),
        "type accuracy": accuracy,
        "type precision": precision,
    }
    misses = [s for s in scored if not types_found(s.gold.types, s.predicted_types) or s.wrong_types]
    misses.sort(key=lambda s: -(len(s.gold.types - set(s.predicted_types)) + s.wrong_types))
    return Evaluation(
        name="events", gold=gold, format=CAMEO, summary=summary, category="PLOVER type",
        table=dict(sorted(table.items())), misses=[_cameo_miss(s) for s in misses], notes=CAMEO_NOTES,
    )


def _row(table: dict[str, dict[str, Any]], kind: str) -> dict[str, Any]:
    return table.setdefault(kind, {"type accuracy": Rate(), "type precision": Rate()})


def _cameo_miss(s: Scored) -> dict[str, Any]:
    return {
        "record": s.gold.id,
        "text": s.gold.text,
        "expected": ", ".join(sorted(s.gold.types)) or "no event",
        "predicted": ", ".join(s.predicted_types) or "no event",
    }
