"""Attributions (source, cue, content) measured against PolNeAR gold.

Gold records are JSONL, one per article annotation: ``{doc_id, annotator, date, text,
attributions: [{source, cue, content: [{start, end, text}, ...]}]}`` with character offsets into
``text``. Each distinct article text is run once through the full pipeline with ``date`` as its
publication date, and dyad's ``Quote`` records are scored against every annotation of it:

- cue match: a predicted and a gold attribution match when one of their cue spans overlap;
  one-to-one, a maximum matching that prefers the larger overlap. Cue precision, recall, F1.
- token F1 of content and of source, over the matched pairs: the words of a span list are the
  runs of letters and digits (``\\w+``: whitespace and punctuation separate words, punctuation
  is no word) that have at least one character inside one of its spans, identified by their
  position in the text. F1 = 2·|gold ∩ predicted| / (|gold| + |predicted|); two empty lists score
  1, one empty list 0. The figure is the mean over the matched pairs.
- attribution match: a cue match whose content token F1 is at least 0.5; attribution P, R, F1.
- nesting: PolNeAR gives each word to one attribution, so "X said Y denied it" is annotated as X's
  statement only. dyad keeps the nested attribution (Y denied), which PolNeAR cannot contain: a
  prediction whose cue lies inside another prediction's content is set aside (counted, neither a
  hit nor a false positive); longer contents are taken as the outer ones.
- an article annotated by several annotators is scored against each annotation and each
  annotation weighs 1/k, so every figure is the mean over its annotators.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.evaluate.actors import iso_date
from dyad.evaluate.report import Evaluation, GoldError, gold_lines
from dyad.records import Document, Quote

FORMAT = "polnear"
CONTENT_THRESHOLD = 0.5
EXCLUDED_UNCUED = "gold attribution without a cue span"
TABLE_ROWS = 15  # cue words with the most gold attributions; the rest is "other"
WORD = re.compile(r"\w+")

CharSpan = tuple[int, int]

NOTES = [
    "Cue match: a predicted and a gold attribution whose cue spans overlap; one-to-one, maximum, larger overlap first.",
    ("Token F1 (content, source): words are \\w+ runs with a character inside the spans; mean over matched pairs; "
     "two empty lists score 1."),
    f"Attribution match: a cue match with content token F1 >= {CONTENT_THRESHOLD}.",
    ("PolNeAR gives each word to one attribution: a prediction whose cue lies in another's content is nested, "
     "set aside and counted, neither hit nor false positive."),
    "An article with k annotations is scored against each; each annotation weighs 1/k (the mean over annotators).",
    "By cue: gold, matched, recall and token F1 by the gold cue's words; predicted and precision by dyad's cue.",
]


@dataclass(frozen=True)
class Attribution:
    """One attribution as character spans: gold from PolNeAR, or a dyad Quote."""

    source: tuple[CharSpan, ...]
    cue: tuple[CharSpan, ...]
    content: tuple[CharSpan, ...]
    id: str = ""


@dataclass
class GoldArticle:
    """One annotation of one article."""

    id: str
    annotator: str
    line: int
    date: str | None
    text: str
    attributions: list[Attribution]
    uncued: int = 0  # gold attributions without a cue span: not scored


@dataclass
class Pair:
    gold: Attribution
    predicted: Attribution
    content_f1: float
    source_f1: float


@dataclass
class Matched:
    """One annotation: its gold, dyad's predictions, the cue pairs and the annotation's weight."""

    gold: GoldArticle
    predicted: list[Attribution]
    pairs: list[Pair] = field(default_factory=list)
    weight: float = 1.0
    nested: int = 0  # predictions set aside as nested in another's content

    @property
    def missed(self) -> list[Attribution]:
        hit = {id(p.gold) for p in self.pairs}
        return [g for g in self.gold.attributions if id(g) not in hit]

    @property
    def spurious(self) -> list[Attribution]:
        hit = {id(p.predicted) for p in self.pairs}
        return [p for p in self.predicted if id(p) not in hit]


# ---------------------------------------------------------------- scoring


def words(text: str) -> list[CharSpan]:
    """The word positions of a text (see the module notes)."""
    return [m.span() for m in WORD.finditer(text)]


def covered(tokens: list[CharSpan], spans: tuple[CharSpan, ...]) -> set[CharSpan]:
    """The words with at least one character inside one of the spans."""
    return {t for t in tokens if any(t[0] < e and s < t[1] for s, e in spans)}


def token_f1(tokens: list[CharSpan], gold: tuple[CharSpan, ...], predicted: tuple[CharSpan, ...]) -> float:
    g, p = covered(tokens, gold), covered(tokens, predicted)
    if not g and not p:
        return 1.0
    return 2 * len(g & p) / (len(g) + len(p))


def cue_overlap(a: Attribution, b: Attribution) -> int:
    return sum(max(0, min(x[1], y[1]) - max(x[0], y[0])) for x in a.cue for y in b.cue)


def match(gold: GoldArticle, predicted: list[Attribution], weight: float = 1.0) -> Matched:
    """Pair gold and predicted attributions by overlapping cues, one-to-one (see the module notes)."""
    outer = outermost(predicted)
    partners = pairing(gold.attributions, outer)
    tokens = words(gold.text)
    pairs = [Pair(g, p, token_f1(tokens, g.content, p.content), token_f1(tokens, g.source, p.source))
             for g, p in partners]
    return Matched(gold, outer, pairs, weight, len(predicted) - len(outer))


def outermost(predicted: list[Attribution]) -> list[Attribution]:
    """The predictions whose cue is in no other kept prediction's content, longest contents first."""
    kept: list[Attribution] = []
    for a in sorted(predicted, key=lambda a: -sum(e - s for s, e in a.content)):
        if not any(_touch(c, s) for other in kept for s in other.content for c in a.cue):
            kept.append(a)
    return sorted(kept, key=lambda a: a.cue)


def _touch(a: CharSpan, b: CharSpan) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def pairing(gold: list[Attribution], predicted: list[Attribution]) -> list[tuple[Attribution, Attribution]]:
    """A maximum one-to-one matching over cue overlap (augmenting paths), larger overlaps tried first."""
    options = [sorted((j for j, p in enumerate(predicted) if cue_overlap(g, p) > 0),
                      key=lambda j, g=g: -cue_overlap(g, predicted[j])) for g in gold]
    owner: dict[int, int] = {}  # predicted index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted(((gold[i], predicted[j]) for j, i in owner.items()), key=lambda pair: pair[0].cue[0])


# ---------------------------------------------------------------- reading gold


def read_gold(path: Path, limit: int | None = None) -> tuple[list[GoldArticle], list[str]]:
    """(article annotations, malformed "file:line: reason" lines); the first ``limit`` only."""
    articles: list[GoldArticle] = []
    malformed: list[str] = []
    for number, line in enumerate(gold_lines(path), 1):
        if not line.strip():
            continue
        if limit is not None and len(articles) >= limit:
            break
        try:
            articles.append(_article(json.loads(line), number))
        except (ValueError, KeyError, TypeError) as error:
            malformed.append(f"{path}:{number}: {_reason(error)}")
    if not articles:
        raise GoldError(f"{path}: no PolNeAR attribution record in it")
    return articles, malformed


def _reason(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missing key {error}"
    return str(error).splitlines()[0] or type(error).__name__


def _article(data: Any, line: int) -> GoldArticle:
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    text = data["text"]
    if not isinstance(text, str) or not text.strip():
        raise ValueError("empty text")
    items = data["attributions"]
    if not isinstance(items, list) or not all(isinstance(a, dict) for a in items):
        raise ValueError("attributions is not a list of objects")
    date = iso_date(data.get("date"))
    attributions = [_attribution(a, text) for a in items]
    scored = [a for a in attributions if a.cue]
    return GoldArticle(str(data.get("doc_id") or f"line {line}"), str(data.get("annotator") or ""), line, date,
                       text, scored, len(attributions) - len(scored))


def _attribution(data: dict, text: str) -> Attribution:
    name = data.get("id", "?")
    spans = (_spans(data.get(part) or [], text, name) for part in ("source", "cue", "content"))
    return Attribution(*spans, str(name))


def _spans(items: Any, text: str, name: str) -> tuple[CharSpan, ...]:
    if not isinstance(items, list):
        raise ValueError(f"attribution {name}: spans are not a list")
    spans = []
    for item in items:
        start, end = item["start"], item["end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            raise ValueError(f"attribution {name}: offsets {start}-{end} outside the text")
        if "text" in item and text[start:end] != item["text"]:
            raise ValueError(f"attribution {name}: text {item['text']!r} does not match its offsets")
        spans.append((start, end))
    return tuple(sorted(spans))


# ---------------------------------------------------------------- running dyad


def as_attribution(quote: Quote) -> Attribution:
    return Attribution(*(tuple(tuple(s) for s in spans) for spans in (quote.source, quote.cue, quote.content)))


def predict(texts: list[tuple[str, str | None]]) -> list[list[Attribution]]:
    """dyad's attributions for each (text, publication date)."""
    from dyad.nlp.extensions import get_list
    from dyad.nlp.pipeline import annotate, shared_pipeline

    documents = [Document(text=text, published=date, published_source="given" if date else "unknown")
                 for text, date in texts]
    return [[as_attribution(q) for q in get_list(doc, "dyad_quotes")]
            for doc in annotate(shared_pipeline(), documents)]


def score(articles: list[GoldArticle], predict_texts=predict) -> list[Matched]:
    """Each distinct article text predicted once, scored against each of its annotations."""
    dates: dict[tuple[str, str], str | None] = {}
    for a in articles:
        dates[(a.id, a.text)] = dates.get((a.id, a.text)) or a.date
    predicted = dict(zip(dates, predict_texts([(text, date) for (_, text), date in dates.items()])))
    annotations = Counter((a.id, a.text) for a in articles)
    return [match(a, predicted[(a.id, a.text)], 1 / annotations[(a.id, a.text)]) for a in articles]


def evaluate_quotes(path: str | Path, limit: int | None = None) -> Evaluation:
    """Read the gold (first ``limit`` annotations), run dyad over it and score it."""
    path = Path(path)
    articles, malformed = read_gold(path, limit)
    evaluation = summarise(str(path), score(articles))
    evaluation.malformed = malformed
    evaluation.summary["malformed lines"] = len(malformed)
    return evaluation


# ---------------------------------------------------------------- summary


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def _count(value: float) -> int | float:
    """A weighted count: whole when it is, else to one decimal."""
    return round(value) if abs(value - round(value)) < 1e-6 else round(value, 1)


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def _mean(pairs: list[tuple[float, float]]) -> float | None:
    """Weighted mean of (value, weight) pairs."""
    total = sum(w for _, w in pairs)
    return sum(v * w for v, w in pairs) / total if total else None


def summarise(gold: str, matched: list[Matched]) -> Evaluation:
    gold_n = sum(m.weight * len(m.gold.attributions) for m in matched)
    predicted_n = sum(m.weight * len(m.predicted) for m in matched)
    cue_n = sum(m.weight * len(m.pairs) for m in matched)
    full_n = sum(m.weight * sum(p.content_f1 >= CONTENT_THRESHOLD for p in m.pairs) for m in matched)
    cue_p, cue_r = _ratio(cue_n, predicted_n), _ratio(cue_n, gold_n)
    full_p, full_r = _ratio(full_n, predicted_n), _ratio(full_n, gold_n)
    summary = {
        "articles": len({(m.gold.id, m.gold.text) for m in matched}),
        "annotations": len(matched),
        "gold attributions": _count(gold_n),
        "predicted": _count(predicted_n),
        "cue precision": cue_p,
        "cue recall": cue_r,
        "cue F1": _f1(cue_p, cue_r),
        "content token F1": _mean([(p.content_f1, m.weight) for m in matched for p in m.pairs]),
        "source token F1": _mean([(p.source_f1, m.weight) for m in matched for p in m.pairs]),
        "attribution precision": full_p,
        "attribution recall": full_r,
        "attribution F1": _f1(full_p, full_r),
        "nested predictions set aside": _count(sum(m.weight * m.nested for m in matched)),
    }
    uncued = sum(m.gold.uncued for m in matched)
    return Evaluation(name="quotes", gold=gold, format=FORMAT, summary=summary, category="cue",
                      table=_cue_table(matched), misses=_misses(matched), notes=NOTES,
                      excluded={EXCLUDED_UNCUED: uncued} if uncued else {})


def _cue_word(text: str, spans: tuple[CharSpan, ...]) -> str:
    return " ".join(" ".join(text[s:e].split()).lower() for s, e in spans)


def _cue_table(matched: list[Matched]) -> dict[str, dict[str, Any]]:
    counts: dict[str, Counter] = defaultdict(Counter)
    f1s: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for m in matched:
        text, w = m.gold.text, m.weight
        for g in m.gold.attributions:
            counts[_cue_word(text, g.cue)]["gold"] += w
        for p in m.predicted:
            counts[_cue_word(text, p.cue)]["predicted"] += w
        for pair in m.pairs:
            counts[_cue_word(text, pair.gold.cue)]["matched"] += w
            counts[_cue_word(text, pair.predicted.cue)]["hit"] += w
            f1s[_cue_word(text, pair.gold.cue)].append((pair.content_f1, w))
            f1s[_cue_word(text, pair.gold.cue) + " source"].append((pair.source_f1, w))
    top = sorted(counts, key=lambda k: -counts[k]["gold"])[:TABLE_ROWS]
    rows = {k: [k] for k in top}
    rows["other"] = [k for k in counts if k not in rows]
    table = {}
    for label, keys in rows.items():
        c = sum((counts[k] for k in keys), Counter())
        precision, recall = _ratio(c["hit"], c["predicted"]), _ratio(c["matched"], c["gold"])
        table[label] = {
            "gold": _count(c["gold"]), "predicted": _count(c["predicted"]), "P": precision, "R": recall,
            "F1": _f1(precision, recall),
            "content F1": _mean([x for k in keys for x in f1s[k]]),
            "source F1": _mean([x for k in keys for x in f1s[k + " source"]]),
        }
    return table


def _excerpt(text: str, spans: tuple[CharSpan, ...], width: int = 80) -> str | None:
    if not spans:
        return None
    joined = " … ".join(" ".join(text[s:e].split()) for s, e in spans)
    return joined if len(joined) <= width else joined[: width - 1] + "…"


def _misses(matched: list[Matched]) -> list[dict[str, Any]]:
    """Missed and spurious cues, wrong content and wrong sources, grouped by cue; most frequent first."""
    seen: Counter = Counter()
    first: dict[tuple, dict[str, Any]] = {}
    for m in matched:
        text = m.gold.text
        rows = [("missed", g, None) for g in m.missed] + [("spurious", None, p) for p in m.spurious]
        rows += [("content", p.gold, p.predicted) for p in m.pairs if p.content_f1 < CONTENT_THRESHOLD]
        rows += [("source", p.gold, p.predicted) for p in m.pairs if p.source_f1 < CONTENT_THRESHOLD]
        for kind, g, p in rows:
            cue = _cue_word(text, (g or p).cue)
            key = (kind, cue)
            seen[key] += 1
            first.setdefault(key, {
                "kind": kind, "document": m.gold.id, "cue": cue,
                "gold": g and _show(text, g), "predicted": p and _show(text, p)})
    order = {"missed": 0, "spurious": 1, "content": 2, "source": 3}
    keys = sorted(seen, key=lambda k: (-seen[k], order[k[0]]))
    return [{**first[k], "count": seen[k]} for k in keys]


def _show(text: str, a: Attribution) -> str:
    return f"[{_excerpt(text, a.source, 30) or '—'}] {_excerpt(text, a.cue, 20)}: {_excerpt(text, a.content)}"
