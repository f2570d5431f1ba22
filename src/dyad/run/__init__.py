"""Running dyad at scale: a process pool on one machine, Ray on many, record shards, resumable runs.

- ``workers``: ``CodingPool`` codes documents on N processes, model loaded once each, input order kept.
- ``shards``: JSONL/Parquet document shards in, Parquet record shards out, through pyarrow.fs.
- ``engine``: one record shard per input shard, on the local pool (``run_local``).
- ``ray_engine``: the same on Ray actors (``run_ray``), locally or on a cluster.
- ``journal``: resumable ingest runs, the store being the journal.
- ``writer``: the single writer that brings records into a store.
"""

from dyad.run.workers import CodingPool, Failed, default_workers

__all__ = ["CodingPool", "Failed", "default_workers"]
