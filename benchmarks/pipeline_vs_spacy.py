"""dyad's full pipeline against a bare ``nlp.pipe`` of the same model, on the same real news.

Timings are noisy on shared machines, so the two runs alternate in rounds over
the same texts and the figure reported is the ratio of their best rounds.

    .venv/bin/python benchmarks/pipeline_vs_spacy.py --docs 300 --rounds 3 --components

``--components`` adds where the full pipeline's time goes, component by component (the tokenizer
and spaCy's own pipes against dyad's), to show which of dyad's parts are worth making faster.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import defaultdict
from itertools import islice
from pathlib import Path

import spacy

from dyad.nlp.pipeline import MODEL, annotate, build_pipeline
from dyad.records import Document

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"


def load_texts(limit: int) -> list[str]:
    """Half Reuters-21578 stories, half PolNeAR political articles."""
    texts: list[str] = []
    for name in ("reuters21578.jsonl", "polnear_articles.jsonl"):
        with open(NEWS / name, encoding="utf-8") as handle:
            for n, line in enumerate(handle):
                if n >= limit // 2:
                    break
                texts.append(json.loads(line)["text"])
    return texts


def timed(run) -> tuple[float, float]:
    """Wall seconds and this process's CPU seconds (the latter barely moved by other work on the machine)."""
    start, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - start, time.process_time() - cpu


def component_times(nlp, documents: list[Document], batch_size: int = 16) -> dict[str, float]:
    """Seconds spent in the tokenizer and in each pipe, running the pipes one at a time per batch."""
    spent: dict[str, float] = defaultdict(float)
    iterator = iter(documents)
    while batch := list(islice(iterator, batch_size)):
        start = time.perf_counter()
        docs = []
        for document in batch:
            doc = nlp.make_doc(document.text)
            doc._.dyad_document = document
            docs.append(doc)
        spent["tokenizer"] += time.perf_counter() - start
        for name, pipe in nlp.pipeline:
            start = time.perf_counter()
            docs = list(pipe.pipe(docs, batch_size=batch_size)) if hasattr(pipe, "pipe") else [pipe(d) for d in docs]
            spent[name] += time.perf_counter() - start
    return dict(spent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--components", action="store_true", help="also time each pipe")
    args = parser.parse_args()

    texts = load_texts(args.docs)
    words = sum(len(t.split()) for t in texts)
    bare, full = spacy.load(MODEL), build_pipeline()
    documents = [Document(text=t, published="2000-01-01") for t in texts]
    bare_times, full_times = [], []
    for _ in range(args.rounds):
        bare_times.append(timed(lambda: list(bare.pipe(texts, batch_size=16))))
        full_times.append(timed(lambda: list(annotate(full, documents, batch_size=16))))
    best_bare, best_full = min(t for t, _ in bare_times), min(t for t, _ in full_times)
    cpu_bare, cpu_full = min(c for _, c in bare_times), min(c for _, c in full_times)
    print(f"{len(texts)} documents, {words} words, best of {args.rounds} rounds, one process;"
          f" load average {os.getloadavg()[0]:.2f}")
    print(f"bare spaCy  {len(texts) / best_bare:7.1f} docs/s  {words / best_bare:8.0f} words/s  (CPU {cpu_bare:.1f} s)")
    print(f"dyad        {len(texts) / best_full:7.1f} docs/s  {words / best_full:8.0f} words/s  (CPU {cpu_full:.1f} s)")
    print(f"dyad / bare speed ratio: {best_bare / best_full:.2f} wall, {cpu_bare / cpu_full:.2f} CPU time")
    print(f"articles a day on one core at this rate: {len(texts) / best_full * 86400:,.0f}")
    if args.components:
        spent = component_times(full, documents)
        total = sum(spent.values())
        for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
            print(f"  {name:16} {seconds:7.2f} s  {seconds / total:6.1%}")
        ours = sum(s for name, s in spent.items() if name.startswith("dyad_"))
        print(f"  dyad's components: {ours / total:.1%} of the full pipeline's time")


if __name__ == "__main__":
    main()
