"""Upgrades of an older store, in place, one version at a time.

Each step is the SQL that turns version N into N + 1. A store newer than this dyad, or one
with no version, is refused: never read with a schema it was not written for.
"""

from __future__ import annotations

import duckdb

SCHEMA_VERSION = 2

STEPS: dict[int, list[str]] = {
    # 1 -> 2: events remember the asserting speaker's actor id (issue 6: --asserted-by a code)
    1: ["ALTER TABLE events ADD COLUMN attributed_id VARCHAR"],
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
