"""Scaling of ``dyad ingest``'s coding pool from 1 to N worker processes, and each worker's peak memory.

The same real news (Reuters-21578 stories and PolNeAR political articles) goes through
``CodingPool(1)`` and then ``CodingPool(N)``. Each run is timed twice: the whole wall time
(process start and model load included, what a user waits for) and the steady rate after the
first batch came back (what a long run gets). With ``--rounds`` the runs alternate and each
worker count keeps its best round, so that a burst of other work does not land on one side only. Peak memory is the largest resident set of any
worker process (``getrusage(RUSAGE_CHILDREN)``, read after the pools have ended).
The machine's load average is printed before and after: other work on the cores skews the ratio.

    .venv/bin/python benchmarks/workers_scaling.py --reuters 400 --polnear 100 --workers 1 2
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path

from dyad.ingest import read_paths
from dyad.records import Document
from dyad.run import CodingPool, Failed

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"


def load_documents(reuters: int, polnear: int) -> list[Document]:
    """Documents read as ``dyad ingest`` reads them (ids, dates from the metadata)."""
    documents: list[Document] = []
    for name, limit in (("reuters21578.jsonl", reuters), ("polnear_articles.jsonl", polnear)):
        lines = []
        with open(NEWS / name, encoding="utf-8") as handle:
            lines = [line for _, line in zip(range(limit), handle)]
        sample = Path(f"/tmp/dyad-bench-{os.getpid()}-{name}")
        sample.write_text("".join(lines), encoding="utf-8")
        documents += [d for d in read_paths([sample]) if isinstance(d, Document)]
        sample.unlink()
    return documents


def run(documents: list[Document], workers: int, batch_size: int) -> dict:
    start = time.perf_counter()
    first = None
    failed = 0
    with CodingPool(workers, batch_size) as pool:
        for n, outcome in enumerate(pool.code(documents), start=1):
            failed += isinstance(outcome, Failed)
            if n == batch_size:
                first = time.perf_counter()
    end = time.perf_counter()
    steady = (len(documents) - batch_size) / (end - first)
    return {"workers": workers, "wall_s": end - start, "docs_per_s": len(documents) / (end - start),
            "steady_docs_per_s": steady, "failed": failed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuters", type=int, default=400)
    parser.add_argument("--polnear", type=int, default=100)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=1, help="alternate the runs (1 2 2 1 ...), keep each one's best")
    args = parser.parse_args()

    documents = load_documents(args.reuters, args.polnear)
    words = sum(len(d.text.split()) for d in documents)
    print(f"{len(documents)} documents, {words} words; load average before: {os.getloadavg()}")
    order = [w for n in range(args.rounds) for w in (args.workers if n % 2 == 0 else args.workers[::-1])]
    runs = [run(documents, w, args.batch_size) for w in order]
    results = [max((r for r in runs if r["workers"] == w), key=lambda r: r["docs_per_s"]) for w in args.workers]
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    base = results[0]
    for r in results:
        print(f"{r['workers']} workers: {r['wall_s']:6.1f} s wall  {r['docs_per_s']:6.1f} docs/s "
              f"({r['docs_per_s'] * words / len(documents):6.0f} words/s, speed-up {r['docs_per_s'] / base['docs_per_s']:.2f}x)"
              f"  steady {r['steady_docs_per_s']:6.1f} docs/s (speed-up {r['steady_docs_per_s'] / base['steady_docs_per_s']:.2f}x)"
              f"  articles/day {r['steady_docs_per_s'] * 86400:,.0f}  failed {r['failed']}")
    print(f"peak resident memory of one worker: {peak_mb:.0f} MB; load average after: {os.getloadavg()}")
    print(json.dumps({"documents": len(documents), "words": words, "results": results, "peak_worker_mb": peak_mb}))


if __name__ == "__main__":
    main()
