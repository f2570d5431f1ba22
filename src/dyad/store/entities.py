"""One actor across documents: each document's actors are linked to store-wide entities.

A person or body is the same entity in two documents when the registry coded both with one
entry, or when their names agree once spelling variants are folded ("Sergey Lavrov", "Sergei
Lavrov", "LAVROV, Sergei" do not all agree; the first two do) and their countries do not
conflict. Anything subtler is for an analyst: `merge` joins two entities and records how, so
that `unmerge` can put every member back where it was.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import datetime, timezone

import duckdb

from dyad.gazetteer.registry import name_key
from dyad.records import Actor, DocumentRecord

# transliteration variants news spells both ways: Sergey/Sergei, Yuri/Yury, Mikhail/Michail
_FOLDS = ((re.compile(r"y\b"), "i"), (re.compile(r"kh"), "h"), (re.compile(r"ou"), "u"), (re.compile(r"ph"), "f"))


def folded(name: str) -> str:
    key = name_key(name)
    for pattern, replacement in _FOLDS:
        key = pattern.sub(replacement, key)
    return key


def entity_key(actor: Actor) -> str:
    """What makes two documents' actors one entity without an analyst: registry entry, else name and country."""
    if actor.registry_id:
        return f"registry:{actor.registry_id}"
    if actor.kind == "country" and actor.code:
        return f"country:{actor.code}"
    return f"name:{folded(actor.name)}:{actor.country or ''}"


def link(con: duckdb.DuckDBPyConnection, record: DocumentRecord) -> None:
    """Link each of the record's actors to its entity, creating entities as needed."""
    for actor in record.actors:
        key = entity_key(actor)
        row = con.execute("SELECT entity_id FROM entities WHERE key = ?", [key]).fetchone()
        if row is None:
            entity_id = "ent-" + uuid.uuid5(uuid.NAMESPACE_URL, key).hex[:12]
            con.execute("INSERT INTO entities VALUES (?, ?, ?, ?, ?)",
                        [entity_id, key, actor.name, actor.code, actor.kind])
        else:
            entity_id = row[0]
        con.execute("INSERT INTO entity_members VALUES (?, ?, ?)", [entity_id, record.id, actor.id])


def merge(con: duckdb.DuckDBPyConnection, keep: str, absorb: str) -> str:
    """Move every member of ``absorb`` into ``keep``; returns the merge id that undoes it."""
    if keep == absorb:
        raise ValueError("an entity cannot be merged with itself")
    for entity in (keep, absorb):
        if con.execute("SELECT count(*) FROM entities WHERE entity_id = ?", [entity]).fetchone()[0] == 0:
            raise ValueError(f"no entity {entity}")
    members = con.execute("SELECT doc_id, actor_id FROM entity_members WHERE entity_id = ?", [absorb]).fetchall()
    merge_id = "merge-" + uuid.uuid4().hex[:10]
    con.execute("UPDATE entity_members SET entity_id = ? WHERE entity_id = ?", [keep, absorb])
    con.execute("INSERT INTO entity_merges VALUES (?, ?, ?, ?, ?, NULL)",
                [merge_id, _now(), keep, absorb, json.dumps(members)])
    return merge_id


def unmerge(con: duckdb.DuckDBPyConnection, merge_id: str) -> None:
    """Put the absorbed entity's members back, as they were before the merge."""
    row = con.execute("SELECT kept, absorbed, members, undone_at FROM entity_merges WHERE merge_id = ?",
                      [merge_id]).fetchone()
    if row is None:
        raise ValueError(f"no merge {merge_id}")
    kept, absorbed, members, undone = row
    if undone is not None:
        raise ValueError(f"{merge_id} was already undone")
    for doc_id, actor_id in json.loads(members):
        con.execute("UPDATE entity_members SET entity_id = ? WHERE entity_id = ? AND doc_id = ? AND actor_id = ?",
                    [absorbed, kept, doc_id, actor_id])
    con.execute("UPDATE entity_merges SET undone_at = ? WHERE merge_id = ?", [_now(), merge_id])


def listing(con: duckdb.DuckDBPyConnection, search: str | None = None, limit: int | None = None) -> list[dict]:
    """Entities with every name and code their members carry and how many documents mention them."""
    sql = (
        "SELECT n.entity_id, n.name, n.kind, list(DISTINCT a.name ORDER BY a.name) AS names,"
        " list(DISTINCT a.code ORDER BY a.code) FILTER (WHERE a.code IS NOT NULL) AS codes,"
        " count(DISTINCT m.doc_id) AS documents"
        " FROM entities n JOIN entity_members m ON m.entity_id = n.entity_id"
        " JOIN actors a ON a.doc_id = m.doc_id AND a.actor_id = m.actor_id"
        " GROUP BY ALL"
    )
    params: list = []
    if search:
        sql += " HAVING bool_or(contains(lower(a.name), lower(?)) OR starts_with(upper(a.code), upper(?)))"
        params += [search, search]
    sql += " ORDER BY documents DESC, n.name"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    cursor = con.execute(sql, params)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
