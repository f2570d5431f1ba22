"""Faults around the store (issue 10): read-only on disk, locked by another process, disk full.

Each leaves the store openable, passing ``Store.check()``, and holding every document that was
stored before the fault; commands fail with one line that says why, never a traceback.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.cli import app as cli
from dyad.store import Store

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [
    "MOSCOW, Jan 16 (Reuters) - Russia accused Ukraine on Tuesday of shelling Belgorod, the foreign ministry said.",
    "TOKYO, March 1 (Reuters) - Japan and South Korea agreed on Friday to resume security talks, officials said.",
    ("WASHINGTON, Jan 17 (Reuters) - President Biden met Chancellor Scholz in Washington on Wednesday and "
     "promised more aid to Ukraine, the White House said."),
]
PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2


@pytest.fixture(scope="module")
def records():
    from dyad import extract

    return [extract(text, published="2024-01-16") for text in TEXTS]


@pytest.fixture(scope="module")
def filled(tmp_path_factory, records) -> Path:
    path = tmp_path_factory.mktemp("faults") / "dyad.duckdb"
    with Store(path) as store:
        for record in records[:2]:
            store.save(record)
    return path


def corpus(folder: Path, texts: list[str] = TEXTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(texts):
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    return folder


def state(path: Path) -> dict:
    """What a store holds, table by table, and what its check finds."""
    with Store(path, read_only=True) as store:
        return {"documents": sorted(d["id"] for d in store.documents()),
                "rows": {t: store.count(t) for t in ("events", "actors", "mentions", "places", "quotes")},
                "problems": store.check()}


# -- a store that is read-only on disk ---------------------------------------------------------


def _without_file_permission_override() -> None:
    """In the child, before exec: root loses the capabilities that ignore file modes."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
            if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "cannot drop capabilities")


def dyad(*args: str) -> subprocess.CompletedProcess:
    """`dyad ...` as a user runs it, in a process that file modes apply to (even under root)."""
    env = {**os.environ, "COLUMNS": "400"}  # one line stays one line
    return subprocess.run([sys.executable, "-m", "dyad", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, preexec_fn=_without_file_permission_override, timeout=300,
                          check=False)


@pytest.fixture
def read_only_store(filled):
    folder = Path(tempfile.mkdtemp(prefix="dyad-ro-"))
    path = folder / "dyad.duckdb"
    shutil.copy(filled, path)
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    probe = dyad("check", "--db", str(folder / "nothing.duckdb"))  # can the child be stopped from writing?
    if "Operation not permitted" in probe.stderr or "cannot drop capabilities" in probe.stderr:
        pytest.skip("cannot run a process that file modes apply to")
    yield path
    folder.chmod(stat.S_IRWXU)
    shutil.rmtree(folder)


def test_a_read_only_store_still_answers_reads(read_only_store, records):
    before = state(read_only_store)
    assert before["problems"] == [] and len(before["documents"]) == 2
    for args in (["documents"], ["events", "--json"], ["check"], ["failures"], ["show", records[0].id],
                 ["clusters"], ["network"]):
        done = dyad(*args, "--db", str(read_only_store))
        assert done.returncode == 0, (args, done.stderr)
    events = dyad("events", "--json", "--db", str(read_only_store)).stdout.splitlines()
    assert len(events) == before["rows"]["events"] > 0


@pytest.mark.parametrize("args", [["ingest", str(ROOT / "examples"), "--workers", "0"], ["delete", "doc-x"],
                                  ["upgrade"]])
def test_a_read_only_store_refuses_writes_in_one_line(read_only_store, args):
    before = state(read_only_store)
    done = dyad(*args, "--db", str(read_only_store))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and str(read_only_store) in lines[0]
    assert "Permission denied" in lines[0] or "read-only" in lines[0]
    assert state(read_only_store) == before


# -- a store locked by another process ---------------------------------------------------------

HOLD = """
import sys, duckdb
con = duckdb.connect(sys.argv[1])  # writable: DuckDB takes the file's lock for this process
con.execute("SELECT count(*) FROM documents").fetchone()
print("holding", flush=True)
sys.stdin.read()  # until the test closes our stdin
con.close()
"""


def test_a_store_locked_by_another_process(filled, tmp_path):
    path = tmp_path / "locked.duckdb"
    shutil.copy(filled, path)
    before = state(path)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        runner = CliRunner()
        inputs = corpus(tmp_path / "in")
        refused = runner.invoke(cli, ["ingest", str(inputs), "--db", str(path), "--workers", "0"])
        assert refused.exit_code == 2 and isinstance(refused.exception, SystemExit)
        message = " ".join(refused.output.split())
        assert message.startswith("error:") and "lock" in message and str(holder.pid) in message
        reading = runner.invoke(cli, ["events", "--db", str(path)])
        assert reading.exit_code == 2 and "lock" in reading.output
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert state(path) == before  # nothing half-written
    done = CliRunner().invoke(cli, ["ingest", str(inputs), "--db", str(path), "--workers", "0"])
    assert done.exit_code == 0, done.output
    after = state(path)
    assert after["problems"] == [] and len(after["documents"]) == 3


# -- a full disk ---------------------------------------------------------------------------------


def appends_in_save(record, tmp_path, monkeypatch) -> int:
    """How many table writes saving ``record`` makes (into a scratch store)."""
    calls = []
    real = Store._append
    with monkeypatch.context() as patch:
        patch.setattr(Store, "_append", lambda self, table, rows: (calls.append(table), real(self, table, rows)))
        with Store(tmp_path / "scratch.duckdb") as scratch:
            scratch.save(record)
    return len(calls)


def full_disk_after(n: int):
    """A Store._append that writes ``n - 1`` times, then finds the disk full."""
    real, calls = Store._append, []

    def append(self, table, rows):
        calls.append(table)
        if len(calls) >= n:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(self, table, rows)
    return append


@pytest.mark.parametrize("which", ["first", "middle", "last"])
def test_a_full_disk_during_save_stores_nothing_of_that_document(filled, records, tmp_path, monkeypatch, which):
    path = tmp_path / "full.duckdb"
    shutil.copy(filled, path)
    before = state(path)
    writes = appends_in_save(records[2], tmp_path, monkeypatch)
    assert writes >= 4  # documents, actors, mentions, events at least
    n = {"first": 1, "middle": writes // 2 + 1, "last": writes}[which]
    with Store(path) as store:
        monkeypatch.setattr(Store, "_append", full_disk_after(n))
        with pytest.raises(OSError) as raised:
            store.save(records[2])
        assert raised.value.errno == errno.ENOSPC
        monkeypatch.undo()
        assert store.document(records[2].id) is None
        for table in ("events", "actors", "mentions", "times", "places", "quotes", "sources"):
            assert store.con.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ?", [records[2].id]).fetchone() \
                == (0,), table
        assert store.save(records[2]) == "added"  # the same connection writes again once there is room
    after = state(path)
    assert after["problems"] == [] and after["documents"] == sorted(before["documents"] + [records[2].id])


def test_a_full_disk_during_ingest_keeps_what_was_stored(tmp_path, records, monkeypatch):
    """The third document meets a full disk: the first two are stored and whole, the third is not,
    and the same command run again (room made) stores it."""
    path = tmp_path / "ingest.duckdb"
    inputs = corpus(tmp_path / "in")
    first_two = 0
    with Store(tmp_path / "count.duckdb") as scratch:
        counting = []
        real = Store._append
        with monkeypatch.context() as patch:
            patch.setattr(Store, "_append", lambda self, table, rows: (counting.append(table), real(self, table, rows)))
            for record in records[:2]:
                scratch.save(record)
        first_two = len(counting)
    monkeypatch.setattr(Store, "_append", full_disk_after(first_two + 2))
    failed = CliRunner().invoke(cli, ["ingest", str(inputs), "--db", str(path), "--workers", "0"])
    monkeypatch.undo()
    assert failed.exit_code == 1 and "No space left on device" in failed.output
    stored = state(path)
    assert stored["problems"] == [] and stored["documents"] == sorted(r.id for r in records[:2])
    again = CliRunner().invoke(cli, ["ingest", str(inputs), "--db", str(path), "--workers", "0"])
    assert again.exit_code == 0, again.output
    after = state(path)
    assert after["problems"] == [] and after["documents"] == sorted(r.id for r in records)


def test_a_full_disk_during_ingest_is_one_clear_line(tmp_path, monkeypatch):
    inputs = corpus(tmp_path / "in", TEXTS[:1])
    monkeypatch.setattr(Store, "_append", full_disk_after(1))
    failed = CliRunner().invoke(cli, ["ingest", str(inputs), "--db", str(tmp_path / "s.duckdb"), "--workers", "0"])
    assert isinstance(failed.exception, SystemExit) and "No space left on device" in failed.output


# -- limits at the reader ------------------------------------------------------------------------


def test_a_large_json_lines_stream_is_measured_document_by_document(monkeypatch):
    """stdin has no suffix: a JSON lines feed many times the size limit is many small documents,
    not one large page refused whole."""
    from dyad import limits
    from dyad.ingest import ReadError, read_bytes

    monkeypatch.setattr(limits, "LIMITS", limits.Limits(max_document_chars=200))
    story = "Russia accused Ukraine of shelling the city, the ministry said. "
    feed = "".join('{"text": "%s"}\n' % (story * (4 if n == 7 else 1)) for n in range(40)).encode()
    assert len(feed) > 4 * 200
    read = list(read_bytes(feed, "<stdin>"))
    assert len(read) == 40 and sum(isinstance(r, ReadError) for r in read) == 1
    assert "document too large" in read[7].reason and read[7].path == "<stdin>:8"
    (page,) = read_bytes(b"<html><body>" + b"<p>word</p>" * 500 + b"</body></html>", "<stdin>")
    assert isinstance(page, ReadError) and "document too large" in page.reason
