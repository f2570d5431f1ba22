"""End-to-end ``dyad ingest`` throughput: the coding pool plus the one store writer, on real news.

The parent process is DuckDB's single writer: it recalls corpus memory and saves each record
while the workers code the next batches. This prints the whole run's documents per second and the
writer's own cost per document, the serial part that caps what more workers can give.

    .venv/bin/python benchmarks/ingest_throughput.py --reuters 300 --polnear 60 --workers 1 2
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from workers_scaling import load_documents

from dyad.run import CodingPool, Failed
from dyad.run.writer import store_record
from dyad.store import Store


def ingest(documents, workers: int, batch_size: int, db: Path) -> dict:
    store = Store(db)
    writing = 0.0
    start = time.perf_counter()
    with CodingPool(workers, batch_size) as pool:
        for outcome in pool.code(documents):
            if not isinstance(outcome, Failed):
                began = time.perf_counter()
                store_record(store, outcome)
                writing += time.perf_counter() - began
    wall = time.perf_counter() - start
    store.close()
    return {"workers": workers, "docs_per_s": len(documents) / wall, "write_ms": writing / len(documents) * 1000,
            "write_share": writing / wall}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuters", type=int, default=300)
    parser.add_argument("--polnear", type=int, default=60)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()
    documents = load_documents(args.reuters, args.polnear)
    print(f"{len(documents)} documents; load average before: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as folder:
        for workers in args.workers:
            r = ingest(documents, workers, args.batch_size, Path(folder) / f"w{workers}.duckdb")
            print(f"{workers} workers: {r['docs_per_s']:6.1f} docs/s end to end  "
                  f"(store writer {r['write_ms']:.0f} ms/doc, {r['write_share']:.0%} of the run)  "
                  f"articles/day {r['docs_per_s'] * 86400:,.0f}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
