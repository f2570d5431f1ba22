"""Questions analysts ask of a whole store: a dyad over time, an actor's network, who said what about whom.

Counts are of real-world events (clusters), not of reports: an attack told by twenty outlets
counts once. Actors match by code prefix at the level asked ("RUS" is every Russian actor,
"RUSMIL" only the military).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import duckdb

PERIODS = ("day", "week", "month", "year")
# an event dated only to the year cannot be placed in a month: the precisions each period can use
PRECISE_ENOUGH = {"day": ("day",), "week": ("day", "week"), "month": ("day", "week", "month"),
                  "year": ("day", "week", "month", "year")}
QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}


@dataclass
class Window:
    since: str | None = None  # ISO dates (YYYY, YYYY-MM or YYYY-MM-DD, already checked by the caller)
    until: str | None = None


def _rows(cursor: duckdb.DuckDBPyConnection) -> list[dict]:
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def _one_per_cluster(where: str) -> str:
    """One row per real-world event (its earliest mention) among the mentions that pass ``where``."""
    return (
        "SELECT * FROM (SELECT e.*, row_number() OVER (PARTITION BY e.cluster_id ORDER BY e.date_start, e.id) AS n"
        f" FROM events e WHERE {where}) WHERE n = 1"
    )


def _window(window: Window, params: list) -> str:
    clauses = []
    if window.since:
        clauses.append("e.date_end >= CAST(? AS DATE)")
        params.append(window.since)
    if window.until:
        clauses.append("e.date_start <= CAST(? AS DATE)")
        params.append(window.until)
    return " AND ".join(clauses) or "TRUE"


def series(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "month", window: Window = Window()) -> list[dict]:
    """A dyad (both directions) per period: events per quad class, mean Goldstein value, and the
    cooperation-minus-conflict index (cooperative events minus conflictual ones). Events dated
    more coarsely than the period (a year, for a monthly series) are left out."""
    if by not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {by!r}")
    params: list = [a.upper(), b.upper(), b.upper(), a.upper()]
    precise = ", ".join(f"'{p}'" for p in PRECISE_ENOUGH[by])
    where = (
        f"e.date_start IS NOT NULL AND e.date_precision IN ({precise})"
        " AND ((starts_with(e.source_key, ?) AND starts_with(e.target_key, ?))"
        " OR (starts_with(e.source_key, ?) AND starts_with(e.target_key, ?)))"
    )
    where += " AND " + _window(window, params)
    quads = ", ".join(f"count(*) FILTER (WHERE quad_class = {q}) AS {name}" for q, name in QUADS.items())
    sql = (
        f"SELECT CAST(date_trunc('{by}', date_start) AS DATE) AS period, count(*) AS events, {quads},"
        " round(avg(goldstein), 2) AS mean_goldstein,"
        " count(*) FILTER (WHERE quad_class IN (1, 2)) - count(*) FILTER (WHERE quad_class IN (3, 4))"
        " AS cooperation_minus_conflict"
        f" FROM ({_one_per_cluster(where)}) GROUP BY period ORDER BY period"
    )
    return _rows(con.execute(sql, params))


def network(con: duckdb.DuckDBPyConnection, actor: str | None = None, level: int = 3,
            window: Window = Window()) -> list[dict]:
    """Who acts on whom: one edge per (source, target) at ``level`` code letters (3 country, 6
    country-sector), weighted by real-world events, signed by mean Goldstein value."""
    params: list = [level, level]
    where = "c.source_key <> '' AND c.target_key <> '' AND " + _window(window, params).replace("e.", "c.")
    having = ""
    if actor:
        having = " WHERE starts_with(source, ?) OR starts_with(target, ?)"
        params += [actor.upper(), actor.upper()]
    sql = (
        "SELECT source, target, count(*) AS events, round(avg(goldstein), 2) AS mean_goldstein,"
        " count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,"
        " count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,"
        " CASE WHEN avg(goldstein) > 0 THEN 'cooperation' WHEN avg(goldstein) < 0 THEN 'conflict'"
        " ELSE 'neutral' END AS sign"
        " FROM (SELECT s[1:?] AS source, t[1:?] AS target, goldstein, quad_class"
        "  FROM clusters c, unnest(string_split(c.source_key, '+')) AS u(s), unnest(string_split(c.target_key, '+')) AS v(t)"
        f"  WHERE {where})"
        " WHERE source <> target GROUP BY source, target"
    )
    return _rows(con.execute(f"SELECT * FROM ({sql}){having} ORDER BY events DESC, source, target", params))


def said_about(con: duckdb.DuckDBPyConnection, actor: str, limit: int | None = None) -> list[dict]:
    """Quotes whose content names the actor (a mention inside the quoted words), with who said it."""
    sql = (
        "SELECT DISTINCT q.doc_id, q.position, d.published, coalesce(sa.name, q.speaker) AS speaker,"
        " sa.code AS speaker_code, a.name AS about, a.code AS about_code, q.content_spans, d.text"
        " FROM quotes q JOIN documents d ON d.id = q.doc_id"
        " JOIN mentions m ON m.doc_id = q.doc_id JOIN actors a ON a.doc_id = m.doc_id AND a.actor_id = m.actor_id"
        " LEFT JOIN actors sa ON sa.doc_id = q.doc_id AND sa.actor_id = q.speaker_id"
        " WHERE (starts_with(upper(a.code), upper(?)) OR contains(lower(a.name), lower(?)))"
        "  AND EXISTS (SELECT 1 FROM unnest(CAST(q.content_spans AS INTEGER[][])) AS c(span)"
        "   WHERE m.start_char >= span[1] AND m.start_char < span[2])"
        " ORDER BY d.published DESC NULLS LAST, q.doc_id, q.position"
    )
    params: list = [actor, actor]
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    rows = _rows(con.execute(sql, params))
    for row in rows:
        text = row.pop("text")
        row["content"] = " … ".join(text[s:e] for s, e in json.loads(row.pop("content_spans")))
    return rows
