"""Reads the pages need that the Store answers only in part: counts for pagination, actor lists."""

from __future__ import annotations

from dataclasses import replace

from dyad.store import EventFilter, Store

ACTOR_LEVELS = (3, 6)


def count_events(store: Store, where: EventFilter) -> int:
    """How many event mentions match ``where`` (all pages together).

    ``Store.count_events`` answers when the store has it. Otherwise the count runs over the store's
    own filtered page query, taken from ``Store.events`` on a connection that records instead of
    running (so every filter stays defined in one place): the page is the ``WITH e AS (...)``
    part, less its ORDER BY (a count needs no order, and sorting 100,000 rows costs 10 times the
    count); the outer select only dresses rows with names. test_api checks counts against rows.
    """
    counter = getattr(store, "count_events", None)
    if counter is not None:
        return counter(where)
    recorder = _Recorder()
    real, store.con = store.con, recorder
    try:
        store.events(replace(where, limit=None, offset=0))
    finally:
        store.con = real
    sql, params = recorder.sql, recorder.params
    head, marker = sql.partition(") SELECT e.*")[:2]
    if not marker or not head.startswith("WITH e AS ("):
        raise RuntimeError("Store.events changed shape: give the Store a count_events(where)")
    page = head.removeprefix("WITH e AS (").rpartition(" ORDER BY ")[0] or head.removeprefix("WITH e AS (")
    return real.execute(f"SELECT count(*) FROM ({page})", params).fetchone()[0]


class _Recorder:
    """Stands in for a DuckDB connection: keeps the query, returns no rows."""

    description: list = []
    sql: str = ""
    params: list = []

    def execute(self, sql: str, params=()):
        self.sql, self.params = sql, list(params)
        return self

    def fetchall(self) -> list:
        return []


def actors(store: Store, level: int = 3, since: str | None = None, until: str | None = None) -> list[dict]:
    """Actor codes that act or are acted upon, with their real-world event counts and partners,
    busiest first: the nodes of the actor network."""
    nodes: dict[str, dict] = {}
    for edge in store.network(None, level, since, until):
        for code, other, side in ((edge["source"], edge["target"], "as_source"),
                                  (edge["target"], edge["source"], "as_target")):
            node = nodes.setdefault(code, {"code": code, "events": 0, "as_source": 0, "as_target": 0,
                                           "partners": set()})
            node["events"] += edge["events"]
            node[side] += edge["events"]
            node["partners"].add(other)
    rows = sorted(nodes.values(), key=lambda n: (-n["events"], n["code"]))
    for row in rows:
        row["partners"] = len(row["partners"])
    return rows
