"""Reads the pages need that the Store answers only in part: actor lists."""

from __future__ import annotations

from dyad.store import Store

ACTOR_LEVELS = (3, 6)


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
