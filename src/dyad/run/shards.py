"""Sharded input and output: JSONL or Parquet document shards in, Parquet record shards out, on a
local disk or anything ``pyarrow.fs`` opens (s3://, gs://, hdfs://, file://).

A record shard has one row per input document: its id, the record as JSON (NULL when the document
failed, with ``error`` saying why) and a few columns to filter on without parsing the JSON.
A shard that cannot be read comes out as a ``ReadError``; the other shards go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from dyad.ingest import read_bytes
from dyad.ingest.dates import given_date
from dyad.ingest.errors import ReadError
from dyad.ingest.meta import Meta, make_document
from dyad.ingest.text import normalise_newlines
from dyad.records import Document, DocumentRecord

INPUT_SUFFIXES = (".jsonl", ".ndjson", ".parquet")
RECORD_SUFFIX = ".records.parquet"
COLUMNS = ("id", "source", "status", "published", "outlet", "title", "events", "actors",
           "pipeline_version", "record", "error")


@dataclass(frozen=True)
class Shard:
    """One file: the URI the user gave (or found under a folder) and the filesystem that reads it."""

    uri: str

    @property
    def name(self) -> str:
        return PurePosixPath(self.uri.rstrip("/")).name

    @property
    def stem(self) -> str:
        name = self.name
        for suffix in (RECORD_SUFFIX, *INPUT_SUFFIXES):
            if name.endswith(suffix):
                return name[: -len(suffix)]
        return name


def filesystem(uri: str):
    """``(filesystem, path)`` for a URI or a local path."""
    from pyarrow import fs

    if "://" in uri:
        return fs.FileSystem.from_uri(uri)
    from pathlib import Path

    return fs.LocalFileSystem(), str(Path(uri).resolve())


def expand(inputs: Iterable[str], suffixes: tuple[str, ...] = INPUT_SUFFIXES) -> tuple[list[Shard], list[ReadError]]:
    """The shard files named, or found (sorted) under the folders named; a missing input is an error."""
    from pyarrow import fs

    shards: list[Shard] = []
    errors: list[ReadError] = []
    for uri in inputs:
        try:
            filesys, path = filesystem(uri)
            info = filesys.get_file_info(path)
            if info.type == fs.FileType.Directory:
                found = filesys.get_file_info(fs.FileSelector(path, recursive=True))
                names = sorted(f.path for f in found if f.type == fs.FileType.File and f.path.endswith(suffixes)
                               and not PurePosixPath(f.path).name.startswith((".", "_")))
                shards += [Shard(_join(uri, path, name)) for name in names]
            elif info.type == fs.FileType.File:
                shards.append(Shard(uri))
            else:
                errors.append(ReadError(uri, None, "no such file or directory"))
        except (OSError, ValueError) as error:
            errors.append(ReadError(uri, None, f"cannot open ({error})"))
    return shards, errors


def _join(uri: str, root: str, found: str) -> str:
    """A found file in the same form as the folder the user gave: a URI stays a URI."""
    if "://" not in uri:
        return found
    return uri.rstrip("/") + "/" + found[len(root.rstrip("/")) + 1:]


def read_documents(shard: Shard, published: str | None = None, outlet: str | None = None) -> Iterator[Document | ReadError]:
    """The shard's documents in order, read as ``dyad ingest`` reads the same JSONL (same ids, same dates)."""
    given = Meta(outlet=outlet, published=given_date(published) if published else None)
    try:
        filesys, path = filesystem(shard.uri)
        if shard.name.endswith(".parquet"):
            rows = _parquet_rows(filesys, path)
        else:
            with filesys.open_input_stream(path) as stream:
                data = stream.read()
            yield from read_bytes(data, shard.uri, kind="jsonl", given=given)
            return
    except Exception as error:  # a corrupt or unreachable shard: reported, the run goes on
        yield ReadError(shard.uri, None, f"cannot read shard ({type(error).__name__}: {error})")
        return
    for number, row in enumerate(rows, start=1):
        text = row.get("text")
        if not isinstance(text, str) or not text.strip():
            yield ReadError(shard.uri, number, "missing or empty 'text'")
            continue
        yield make_document(normalise_newlines(text), Meta.from_mapping(row), given, f"{shard.uri}:{number}")


def _parquet_rows(filesys, path: str) -> list[dict]:
    import pyarrow.parquet as pq

    return pq.read_table(path, filesystem=filesys).to_pylist()


def record_row(outcome, source: str) -> dict:
    """One output row for a coded record, or for a document that failed (``outcome`` is then ``Failed``)."""
    if isinstance(outcome, DocumentRecord):
        r = outcome
        return {"id": r.id, "source": source, "status": r.status, "published": r.published, "outlet": r.outlet,
                "title": r.title, "events": len(r.events), "actors": len(r.actors),
                "pipeline_version": r.pipeline_version,
                "record": json.dumps(r.to_dict(), ensure_ascii=False), "error": None}
    d = outcome.document
    return {"id": d.id, "source": source, "status": "failed", "published": d.published, "outlet": d.outlet,
            "title": d.title, "events": 0, "actors": 0, "pipeline_version": None, "record": None,
            "error": outcome.reason}


def write_records(uri: str, rows: list[dict]) -> None:
    """The shard written whole under a temporary name and then moved, so a shard that exists is complete."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows, schema=_schema())
    filesys, path = filesystem(uri)
    parent = str(PurePosixPath(path).parent)
    filesys.create_dir(parent, recursive=True)
    partial = f"{parent}/.{PurePosixPath(path).name}.partial"
    pq.write_table(table, partial, filesystem=filesys, compression="zstd")
    filesys.move(partial, path)


def _schema():
    import pyarrow as pa

    text = pa.string()
    return pa.schema([("id", text), ("source", text), ("status", text), ("published", text), ("outlet", text),
                      ("title", text), ("events", pa.int32()), ("actors", pa.int32()),
                      ("pipeline_version", text), ("record", text), ("error", text)])


def exists(uri: str) -> bool:
    from pyarrow import fs

    filesys, path = filesystem(uri)
    return filesys.get_file_info(path).type == fs.FileType.File


def output_uri(output: str, shard: Shard, index: int) -> str:
    """Where an input shard's records go: numbered so two inputs with one name do not collide."""
    return f"{output.rstrip('/')}/{index:05d}-{shard.stem}{RECORD_SUFFIX}"


def read_records(shard: Shard) -> Iterator[DocumentRecord | ReadError]:
    """The records of a record shard in order; a failed document or an unreadable shard as ``ReadError``."""
    try:
        filesys, path = filesystem(shard.uri)
        rows = _parquet_rows(filesys, path)
        missing = {"id", "record", "error"} - set(rows[0] if rows else COLUMNS)
        if missing:
            raise ValueError(f"not a dyad record shard (no {', '.join(sorted(missing))})")
    except Exception as error:
        yield ReadError(shard.uri, None, f"cannot read shard ({type(error).__name__}: {error})")
        return
    for number, row in enumerate(rows, start=1):
        if row["record"] is None:
            yield ReadError(row.get("source") or f"{shard.uri}:{number}", None, row["error"] or "not coded")
            continue
        try:
            yield DocumentRecord.from_dict(json.loads(row["record"]))
        except (ValueError, TypeError, KeyError) as error:
            yield ReadError(shard.uri, number, f"bad record ({error})")
