"""Shard runs: each input shard coded into one Parquet record shard, on this machine's cores or on Ray.

A run is resumable by construction: a record shard appears (moved into place whole) only once all
of its input shard is coded, so running the same command again skips the shards already written
and codes the rest, a shard that was half done included.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from dyad.ingest.errors import ReadError
from dyad.records import Document
from dyad.run.shards import (
    Shard,
    exists,
    output_uri,
    read_documents,
    record_row,
    write_records,
)
from dyad.run.workers import CodingPool, Outcome

Failure = tuple[str, int | None, str]


@dataclass
class ShardResult:
    """What became of one input shard."""

    shard: str
    output: str
    documents: int = 0
    coded: int = 0
    skipped: bool = False  # its record shard was already there
    written: bool = False
    failures: list[Failure] = field(default_factory=list)


def plan(shards: list[Shard], output: str) -> tuple[list[tuple[Shard, str]], list[ShardResult]]:
    """The shards still to code, each with its output URI, and those already done."""
    todo, done = [], []
    for index, shard in enumerate(shards):
        target = output_uri(output, shard, index)
        if exists(target):
            done.append(ShardResult(shard.uri, target, skipped=True))
        else:
            todo.append((shard, target))
    return todo, done


def code_shard(shard: Shard, target: str, code: Callable[[Iterable[Document]], Iterator[Outcome]],
               published: str | None = None, outlet: str | None = None) -> ShardResult:
    """Read one input shard, code its documents in order, write its record shard."""
    result = ShardResult(shard.uri, target)
    documents: list[Document] = []
    for item in read_documents(shard, published, outlet):
        if isinstance(item, ReadError):
            result.failures.append((item.path, item.line, item.reason))
        else:
            documents.append(item)
    if not documents and result.failures:
        return result  # nothing readable: no record shard, so a later run tries it again
    rows = []
    for document, outcome in zip(documents, code(documents)):
        rows.append(record_row(outcome, document.path or document.id))
        if rows[-1]["error"] is None:
            result.coded += 1
        else:
            result.failures.append((document.path or document.id, None, rows[-1]["error"]))
    write_records(target, rows)
    result.documents, result.written = len(documents), True
    return result


def run_local(todo: list[tuple[Shard, str]], workers: int | None = None, batch_size: int = 16,
              published: str | None = None, outlet: str | None = None) -> Iterator[ShardResult]:
    """Shards one after another, each shard's documents spread over the process pool."""
    with CodingPool(workers, batch_size) as pool:
        for shard, target in todo:
            yield code_shard(shard, target, pool.code, published, outlet)
