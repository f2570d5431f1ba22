"""A process pool that codes documents in batches: the model loaded once per worker, outcomes in
input order, and a worker that dies on a document costs that document only.

Each worker process loads the pipeline once (the pool's initializer) and codes whole batches with
``nlp.pipe``. A document that raises is coded again alone inside the worker and comes back as
``Failed`` with the reason. A document that kills its worker (a segfault, the OOM killer) breaks
the whole ``ProcessPoolExecutor``: the batches then in flight are coded again one document per
task in a fresh pool, and a document that kills a worker when it is alone is the one that failed.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from itertools import islice

from dyad import limits
from dyad.records import Document, DocumentRecord

# A test hook: "exit:MARKER" kills the worker, "raise:MARKER" raises, "sleep:MARKER" hangs, on a
# document holding MARKER.
FAULT_ENV = "DYAD_INJECT_FAULT"
DIED = "worker process died while coding this document"


@dataclass(frozen=True)
class Failed:
    """A document that could not be coded, and why."""

    document: Document
    reason: str

    @property
    def where(self) -> str:
        return self.document.path or self.document.id


Outcome = DocumentRecord | Failed
Coder = Callable[[list[Document]], list[Outcome]]


def default_workers() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) or 1


def load_model() -> None:
    """Pool initializer: load the pipeline before the first batch arrives."""
    from dyad.nlp.pipeline import shared_pipeline

    shared_pipeline()


def _start_worker(initializer: Callable[[], None] | None) -> None:
    """In each new worker: end with the parent (a worker holds both ends of its task queue, so it would
    never see the parent go after a kill -9), then run the initializer."""
    threading.Thread(target=_exit_with, args=(os.getppid(),), daemon=True).start()
    if initializer is not None:
        initializer()


def _exit_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


class TimeLimit(Exception):
    """A document took longer than ``DYAD_SECONDS_PER_DOCUMENT`` to code."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeLimit after ``seconds``: in a process's main thread (a worker, the CLI), else no limit."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise TimeLimit(f"time limit exceeded: more than {seconds:g} s to code (DYAD_SECONDS_PER_DOCUMENT)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def code_batch(documents: list[Document]) -> list[Outcome]:
    """The batch through ``nlp.pipe``; when that raises or runs out of time, each document alone, so
    one bad or endless one fails alone."""
    from dyad.api import extract_records

    try:
        with time_limit(limits.LIMITS.seconds_per_document * len(documents)):
            return list(extract_records(map(_inject_fault, documents), batch_size=max(len(documents), 1)))
    except Exception:
        return [_code_one(document) for document in documents]


def _code_one(document: Document) -> Outcome:
    from dyad.api import extract_records

    try:
        with time_limit(limits.LIMITS.seconds_per_document):
            return next(extract_records([_inject_fault(document)]))
    except TimeLimit as error:
        return Failed(document, str(error))
    except Exception as error:
        return Failed(document, f"{type(error).__name__}: {error}")


def _inject_fault(document: Document) -> Document:
    kind, _, marker = os.environ.get(FAULT_ENV, "").partition(":")
    if marker and marker in document.text:
        if kind == "exit":
            os._exit(70)
        if kind == "sleep":
            time.sleep(600)
        raise RuntimeError(f"injected fault ({marker})")
    return document


class CodingPool:
    """``workers`` processes (0: code in this process, no isolation) fed ``batch_size`` documents at a time."""

    def __init__(self, workers: int | None = None, batch_size: int = 16, code: Coder = code_batch,
                 initializer: Callable[[], None] | None = load_model) -> None:
        self.workers = default_workers() if workers is None else workers
        self.batch_size = batch_size
        self._code, self._initializer = code, initializer
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> CodingPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def code(self, documents: Iterable[Document]) -> Iterator[Outcome]:
        """One outcome per document, in input order, streamed as batches finish."""
        batches = _chunks(documents, self.batch_size)
        if self.workers == 0:
            for batch in batches:
                yield from self._code(batch)
            return
        window = self.workers * 3  # enough queued work to keep every worker busy, no more held in memory
        pending: deque[tuple[list[Document], Future]] = deque()
        for batch in batches:
            pending.append((batch, self._submit(batch)))
            if len(pending) >= window:
                yield from self._collect(pending)
        while pending:
            yield from self._collect(pending)

    def _collect(self, pending: deque[tuple[list[Document], Future]]) -> Iterator[Outcome]:
        batch, future = pending.popleft()
        try:
            outcomes = future.result()
        except BrokenProcessPool:
            # every batch in flight died with the pool: find the document that killed it
            rescue = [batch] + [b for b, _ in pending]
            pending.clear()
            self._restart()
            for again in rescue:
                yield from self._isolate(again)
            return
        yield from outcomes

    def _isolate(self, documents: list[Document]) -> Iterator[Outcome]:
        """One task per document; those in flight when a worker died are tried again one at a time."""
        futures = [self._submit([d]) for d in documents]
        outcomes: list[Outcome | None] = []
        for future in futures:
            try:
                outcomes.append(future.result()[0])
            except BrokenProcessPool:
                outcomes.append(None)
        if None in outcomes:
            self._restart()
        for document, outcome in zip(documents, outcomes):
            yield outcome if outcome is not None else self._alone(document)

    def _alone(self, document: Document) -> Outcome:
        try:
            return self._submit([document]).result()[0]
        except BrokenProcessPool:
            self._restart()
            return Failed(document, DIED)

    def _submit(self, batch: list[Document]) -> Future:
        if self._executor is None:
            # spawn, not fork: the parent may hold DuckDB's threads, which a fork would copy half-way
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=partial(_start_worker, self._initializer))
        try:
            return self._executor.submit(self._code, batch)
        except BrokenProcessPool as error:
            # a worker died before this batch could even be queued: the batch fails with the pool,
            # where _collect and _isolate look for the document that killed it
            failed: Future = Future()
            failed.set_exception(error)
            return failed

    def _restart(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
