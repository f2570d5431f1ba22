"""The one writer: records enter a store in input order, in the parent process only (DuckDB has one
writer), each after corpus memory has coded its bare names from what is stored before it."""

from __future__ import annotations

from dyad.records import DocumentRecord
from dyad.resolve.memory import recall
from dyad.store import Store


def store_record(store: Store, record: DocumentRecord) -> str:
    """Save one record; "added", "replaced" or "unchanged"."""
    recall(record, store.remembered)  # "Lavrov" alone, once a stored article introduced him
    return store.save(record)
