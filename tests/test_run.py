"""Coding at scale: the process pool keeps order and survives a dead worker, a killed ingest resumes
to the same store, record shards round-trip through `dyad load`, and a bad shard is skipped."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from dyad.records import Document, DocumentRecord
from dyad.run import CodingPool, Failed
from dyad.run.workers import DIED, FAULT_ENV

TABLES = ("documents", "events", "actors", "mentions", "times", "places", "quotes", "sources",
          "remembered_people", "entity_members")


def dyad(*args, env=None, **kw):
    return subprocess.run([sys.executable, "-m", "dyad", *map(str, args)], check=False, capture_output=True, text=True,
                          timeout=900, env={**os.environ, **(env or {})}, **kw)


def news_lines(shared_data: Path, reuters: int, polnear: int) -> list[str]:
    """Real articles: short Reuters stories and long political ones (persons, quotes, events)."""
    lines = []
    for name, limit in (("reuters21578.jsonl", reuters), ("polnear_articles.jsonl", polnear)):
        with open(shared_data / "news" / name, encoding="utf-8") as handle:
            lines += [line for _, line in zip(range(limit), handle)]
    return lines


# -- the pool, with a stand-in coder: order and crash isolation, no model needed ---------------

def echo_or_die(batch: list[Document]) -> list:
    """A coder whose worker dies on a document holding DIE (as on a segfault) and raises on RAISE."""
    if any("DIE" in d.text for d in batch):
        os._exit(3)
    return [Failed(d, "ValueError: bad") if "RAISE" in d.text else DocumentRecord(id=d.id, text=d.text)
            for d in batch]


def test_pool_keeps_input_order_and_a_dead_worker_costs_one_document():
    texts = [f"story {n}" + (" DIE" if n == 13 else " RAISE" if n == 21 else "") for n in range(40)]
    documents = [Document(text=t) for t in texts]
    with CodingPool(2, batch_size=4, code=echo_or_die, initializer=None) as pool:
        outcomes = list(pool.code(documents))
    assert [o.document.text if isinstance(o, Failed) else o.text for o in outcomes] == texts
    failed = {o.document.text: o.reason for o in outcomes if isinstance(o, Failed)}
    assert failed == {"story 13 DIE": DIED, "story 21 RAISE": "ValueError: bad"}


def test_pool_survives_two_deaths_in_one_window():
    documents = [Document(text=f"story {n}" + (" DIE" if n in (2, 5) else "")) for n in range(12)]
    with CodingPool(2, batch_size=3, code=echo_or_die, initializer=None) as pool:
        outcomes = list(pool.code(documents))
    assert [isinstance(o, Failed) for o in outcomes] == [n in (2, 5) for n in range(12)]


def worker_pid(batch: list[Document]) -> list:
    time.sleep(0.2)
    return [DocumentRecord(id=str(os.getpid()), text=d.text) for d in batch]


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\tZ" not in state.split("State:")[1][:4]


def test_workers_end_when_their_parent_is_killed():
    script = (f"import sys, time; sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
              "from test_run import worker_pid\nfrom dyad.run import CodingPool\nfrom dyad.records import Document\n"
              "pool = CodingPool(2, batch_size=1, code=worker_pid, initializer=None)\n"
              "print(' '.join(sorted({r.id for r in pool.code([Document(text=str(n)) for n in range(6)])})), flush=True)\n"
              "time.sleep(120)\n")
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    assert workers and all(alive(pid) for pid in workers)
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(pid) for pid in workers)


# -- the real pipeline on real news ------------------------------------------------------------

@pytest.fixture(scope="module")
def news(shared_data, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("news") / "news.jsonl"
    path.write_text("".join(news_lines(shared_data, 45, 15)), encoding="utf-8")
    return path


def test_workers_give_the_records_of_one_process(news):
    from dyad.ingest import read_paths

    documents = [d for d in read_paths([news]) if isinstance(d, Document)][:24]
    with CodingPool(0) as alone, CodingPool(2, batch_size=5) as pool:
        expected = [r.to_dict() for r in alone.code(documents)]
        assert [r.to_dict() for r in pool.code(documents)] == expected


def test_ingest_records_a_crashing_document_as_failed_and_goes_on(news, tmp_path):
    feed = tmp_path / "feed.jsonl"
    lines = news.read_text(encoding="utf-8").splitlines(keepends=True)[:6]
    feed.write_text("".join(lines), encoding="utf-8")
    victim = json.loads(lines[3])
    marker = victim["text"].split("\n")[0][:30]
    db = tmp_path / "store.duckdb"
    result = dyad("ingest", feed, "--db", db, "--workers", "2", "--batch-size", "2", env={FAULT_ENV: f"exit:{marker}"})
    assert result.returncode == 1
    assert f"{feed}:4" in result.stderr and DIED in result.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        stored = {row[0] for row in con.execute("SELECT id FROM documents").fetchall()}
        failures = con.execute("SELECT path, reason FROM failures").fetchall()
    assert stored == {json.loads(line)["id"] for line in lines} - {victim["id"]}
    assert failures == [(f"{feed}:4", DIED)]


def snapshot(db: Path) -> dict:
    """What a reader of the store sees: ids, events with their clusters, codes from memory, counts."""
    with duckdb.connect(str(db), read_only=True) as con:
        def rows(sql):
            return sorted(con.execute(sql).fetchall(), key=repr)
        return {
            "counts": {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES},
            "documents": rows("SELECT id, content_hash FROM documents"),
            "events": rows("SELECT id, doc_id, type, source_codes, target_codes, cluster_id FROM events"),
            "actors": rows("SELECT doc_id, actor_id, code FROM actors"),
            "entities": rows("SELECT entity_id, doc_id, actor_id FROM entity_members"),
        }


def test_a_killed_ingest_resumes_to_the_store_of_an_uninterrupted_run(news, tmp_path):
    whole, resumed = tmp_path / "whole.duckdb", tmp_path / "resumed.duckdb"
    assert dyad("ingest", news, "--db", whole, "--workers", "2").returncode == 0

    command = [sys.executable, "-m", "dyad", "ingest", str(news), "--db", str(resumed), "--workers", "2",
               "--batch-size", "4"]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    wal = Path(f"{resumed}.wal")
    baseline = None
    deadline = time.monotonic() + 600
    while run.poll() is None and time.monotonic() < deadline:
        size = wal.stat().st_size if wal.exists() else 0
        baseline = baseline or size or None  # the schema's own write comes first
        if baseline and size > baseline + 200_000:  # a dozen or so articles committed
            break
        time.sleep(0.05)
    assert run.poll() is None, "the run ended before it could be killed"
    os.killpg(run.pid, signal.SIGKILL)  # the run and its workers, as a power cut would
    run.wait()
    with duckdb.connect(str(resumed), read_only=True) as con:
        halfway = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 0 < halfway < 60

    again = dyad(*command[3:])
    assert again.returncode == 0, again.stderr
    assert "resuming interrupted run" in again.stderr
    assert f"{halfway} unchanged" in again.stderr
    assert snapshot(resumed) == snapshot(whole)
    with duckdb.connect(str(resumed), read_only=True) as con:
        runs = con.execute("SELECT finished_at IS NULL, options FROM ingest_runs ORDER BY started_at").fetchall()
    assert [unfinished for unfinished, _ in runs] == [True, False]
    assert json.loads(runs[1][1])["resumes"]


# -- record shards and bad shards ----------------------------------------------------------------

def test_shards_load_into_the_store_that_ingest_makes_and_a_bad_shard_is_skipped(news, tmp_path):
    lines = news.read_text(encoding="utf-8").splitlines(keepends=True)[:12]
    shards = tmp_path / "in"
    shards.mkdir()
    (shards / "a.jsonl").write_text("".join(lines[:6]), encoding="utf-8")
    (shards / "b.jsonl").write_text("".join(lines[6:]), encoding="utf-8")
    (shards / "broken.parquet").write_bytes(b"PAR1 this is not parquet")
    out = tmp_path / "out"
    first = dyad("extract", shards, "--output", out, "--workers", "2")
    assert first.returncode == 1
    assert "broken.parquet" in first.stderr and "12 coded" in first.stderr
    assert sorted(p.name for p in out.iterdir()) == ["00000-a.records.parquet", "00001-b.records.parquet"]

    again = dyad("extract", shards, "--output", out, "--workers", "2")
    assert "2 shards already written" in again.stderr and "0 shards written" in again.stderr

    loaded, ingested = tmp_path / "loaded.duckdb", tmp_path / "ingested.duckdb"
    (tmp_path / "bad.records.parquet").write_text("not parquet either")
    result = dyad("load", out, tmp_path / "bad.records.parquet", "--db", loaded)
    assert result.returncode == 1 and "bad.records.parquet" in result.stderr and "12 added" in result.stderr
    assert dyad("ingest", shards / "a.jsonl", shards / "b.jsonl", "--db", ingested).returncode == 0
    assert snapshot(loaded) == snapshot(ingested)
    assert "0 added, 12 unchanged" in dyad("load", out, "--db", loaded).stderr


def test_a_document_over_the_time_limit_fails_alone_and_the_batch_goes_on(monkeypatch):
    from dyad import limits
    from dyad.records import Document
    from dyad.run.workers import FAULT_ENV, Failed, code_batch

    monkeypatch.setattr(limits, "LIMITS", limits.Limits(seconds_per_document=2))
    monkeypatch.setenv(FAULT_ENV, "sleep:ENDLESS")
    documents = [Document(text=f"Russia met China on Monday. {marker}", id=f"d{n}", language="en")
                 for n, marker in enumerate(["", "ENDLESS", ""])]
    first, stuck, third = code_batch(documents)
    assert isinstance(stuck, Failed) and "time limit exceeded" in stuck.reason
    assert not isinstance(first, Failed) and not isinstance(third, Failed) and first.events
