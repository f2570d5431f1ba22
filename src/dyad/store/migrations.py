"""Upgrades of an older store, in place, one version at a time.

Each step is the SQL that turns version N into N + 1. A store newer than this dyad, or one
with no version, is refused: never read with a schema it was not written for.
"""

from __future__ import annotations

import duckdb

SCHEMA_VERSION = 6

STEPS: dict[int, list[str]] = {
    # 1 -> 2: events remember the asserting speaker's actor id (issue 6: --asserted-by a code)
    1: ["ALTER TABLE events ADD COLUMN attributed_id VARCHAR"],
    # 2 -> 3: cross-document clusters and document history; existing events are clustered after
    2: [
        "ALTER TABLE events ADD COLUMN source_key VARCHAR",
        "ALTER TABLE events ADD COLUMN target_key VARCHAR",
        "ALTER TABLE events ADD COLUMN cluster_id VARCHAR",
        "UPDATE events SET"
        " source_key = array_to_string(list_sort(list_distinct(list_transform(source_codes, lambda c: c[1:6]))), '+'),"
        " target_key = array_to_string(list_sort(list_distinct(list_transform(target_codes, lambda c: c[1:6]))), '+')",
        "CREATE TABLE IF NOT EXISTS document_history (doc_id VARCHAR, changed_at TIMESTAMP, old_hash VARCHAR,"
        " new_hash VARCHAR, old_title VARCHAR, events_removed JSON, events_added JSON)",
    ],
    # 3 -> 4: country-level dyad keys for clustering; store-wide entities (existing documents linked after)
    3: [
        "ALTER TABLE events ADD COLUMN source_country VARCHAR",
        "ALTER TABLE events ADD COLUMN target_country VARCHAR",
        "UPDATE events SET"
        " source_country = array_to_string(list_sort(list_distinct(list_transform(source_codes, lambda c: c[1:3]))), '+'),"
        " target_country = array_to_string(list_sort(list_distinct(list_transform(target_codes, lambda c: c[1:3]))), '+')",
        "CREATE TABLE IF NOT EXISTS entities (entity_id VARCHAR PRIMARY KEY, key VARCHAR, name VARCHAR,"
        " code VARCHAR, kind VARCHAR)",
        "CREATE TABLE IF NOT EXISTS entity_members (entity_id VARCHAR, doc_id VARCHAR, actor_id VARCHAR)",
        "CREATE TABLE IF NOT EXISTS entity_merges (merge_id VARCHAR PRIMARY KEY, merged_at TIMESTAMP,"
        " kept VARCHAR, absorbed VARCHAR, members JSON, undone_at TIMESTAMP)",
    ],
    # 4 -> 5: whether a document was coded, and why not (language, limits)
    4: ["ALTER TABLE documents ADD COLUMN status VARCHAR DEFAULT 'coded'"],
    # 5 -> 6: cluster summaries kept in a table (a view was too slow past a million mentions);
    # filled by the re-clustering that follows every upgrade
    5: [
        "DROP VIEW IF EXISTS clusters",
        "CREATE TABLE IF NOT EXISTS clusters (cluster_id VARCHAR PRIMARY KEY, type VARCHAR, quad_class INTEGER,"
        " goldstein DOUBLE, source_key VARCHAR, target_key VARCHAR, date_start DATE, date_end DATE,"
        " n_mentions INTEGER, n_documents INTEGER, n_outlets INTEGER, earliest_report VARCHAR,"
        " first_event_id VARCHAR, confidence DOUBLE)",
    ],
}


def pending(version: int) -> list[int]:
    """The steps from ``version`` to the current one; ValueError when there is no way there."""
    if version > SCHEMA_VERSION:
        raise ValueError(f"schema version {version} is newer than this dyad's ({SCHEMA_VERSION}): upgrade dyad")
    steps = list(range(version, SCHEMA_VERSION))
    missing = [step for step in steps if step not in STEPS]
    if missing:
        raise ValueError(f"no upgrade from schema version {missing[0]}")
    return steps


def upgrade(con: duckdb.DuckDBPyConnection, version: int) -> None:
    """Run every pending step in one transaction and record the new version."""
    steps = pending(version)
    con.begin()
    try:
        for step in steps:
            for sql in STEPS[step]:
                con.execute(sql)
        con.execute("UPDATE dyad_meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
    except BaseException:
        con.rollback()
        raise
    con.commit()
