"""One store connection per request, over one store kept open for the app's life.

DuckDB connections are not safe to share between threads, and FastAPI runs each request on a
worker thread: each request opens its own `Store`. The app keeps one open the whole time so the
database file stays loaded (DuckDB shares one instance among connections of a process).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from fastapi import Request

from dyad.store import Store


class Stores:
    def __init__(self, path: str | Path, writable: bool = False):
        self.path = Path(path)
        self.writable = writable
        self.keeper = Store(self.path, read_only=not writable)  # StoreError here: refuse to start

    def open(self) -> Store:
        return Store(self.path, read_only=not self.writable)

    def close(self) -> None:
        self.keeper.close()


def request_store(request: Request) -> Iterator[Store]:
    """FastAPI dependency: a store for this request, closed after it."""
    store = request.app.state.stores.open()
    try:
        yield store
    finally:
        store.close()
