"""Resumable ingest runs: the store is the journal.

Each document is saved in its own transaction, in input order, by one writer; so after a kill -9
the store holds exactly the documents saved before it (a half-saved one is rolled back by DuckDB),
and the same command run again skips those (same id, same text), codes the rest in the same order
and so recalls the same corpus memory and joins the same clusters as an uninterrupted run would.
What a killed run leaves besides is its run record without ``finished_at``: it stays, as the
truth, and the run that takes over names it in its options (``resumes``).
"""

from __future__ import annotations

import json

from dyad.store import Store


def interrupted_runs(store: Store, options: dict) -> list[str]:
    """Runs of the same command that never finished, oldest first."""
    rows = store.con.execute(
        "SELECT run_id, options FROM ingest_runs WHERE finished_at IS NULL ORDER BY started_at").fetchall()
    return [run_id for run_id, found in rows if _same(found, options)]


def _same(found: str | None, options: dict) -> bool:
    try:
        earlier = json.loads(found or "{}")
    except ValueError:
        return False
    earlier.pop("resumes", None)
    return earlier == options


def begin(store: Store, options: dict) -> tuple[str, list[str]]:
    """Start a run record; returns its id and the interrupted runs of the same command it takes over."""
    resumes = interrupted_runs(store, options)
    return store.start_run({**options, "resumes": resumes} if resumes else options), resumes
