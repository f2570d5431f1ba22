"""The Ray engine, on a local one-machine Ray: the records of the plain local run, shard for shard."""

import json
import os
import subprocess
import sys

import pytest

pytest.importorskip("ray", reason="Ray is not installed (pip install 'dyad[ray]')")
pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed")
import pyarrow.parquet as pq

DOCS = 240


def dyad(*args):
    return subprocess.run([sys.executable, "-m", "dyad", *map(str, args)], check=False, capture_output=True, text=True,
                          timeout=1200, env={**os.environ, "RAY_ADDRESS": ""})


@pytest.fixture(scope="module")
def news(shared_data, tmp_path_factory):
    """240 Reuters stories: all in one JSONL, and the same split into JSONL, Parquet and JSONL shards."""
    with open(shared_data / "news" / "reuters21578.jsonl", encoding="utf-8") as handle:
        lines = [line for _, line in zip(range(DOCS), handle)]
    root = tmp_path_factory.mktemp("ray")
    (root / "all.jsonl").write_text("".join(lines), encoding="utf-8")
    shards = root / "shards"
    shards.mkdir()
    third = DOCS // 3
    (shards / "a.jsonl").write_text("".join(lines[:third]), encoding="utf-8")
    pq.write_table(pa.Table.from_pylist([json.loads(line) for line in lines[third:2 * third]]), shards / "b.parquet")
    (shards / "c.jsonl").write_text("".join(lines[2 * third:]), encoding="utf-8")
    (shards / "d.parquet").write_bytes(b"PAR1 truncated")
    return root


def test_local_ray_gives_the_records_of_the_plain_local_run(news, tmp_path):
    plain = dyad("extract", news / "all.jsonl")
    assert plain.returncode == 0, plain.stderr
    expected = [json.loads(line) for line in plain.stdout.splitlines()]
    assert len(expected) == DOCS

    out = tmp_path / "records"
    run = dyad("extract", news / "shards", "--engine", "ray", "--workers", "2", "--output", out)
    assert run.returncode == 1  # the truncated shard is reported; the others are written
    assert "d.parquet" in run.stderr and f"{DOCS} coded" in run.stderr
    written = sorted(out.glob("*.records.parquet"))
    assert [p.name for p in written] == ["00000-a.records.parquet", "00001-b.records.parquet",
                                         "00002-c.records.parquet"]
    rows = [row for path in written for row in pq.read_table(path).to_pylist()]
    assert [json.loads(row["record"]) for row in rows] == expected
    assert [row["events"] for row in rows] == [len(r["events"]) for r in expected]
