"""store: DuckDB tables of documents, actors, mentions, events, times, places, quotes, sources.

One file, no server. Saving the same document twice changes nothing; a document
whose id is known but whose text changed replaces its old rows in one
transaction.
"""

from __future__ import annotations

import hashlib
import re
import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Literal

import duckdb

from dyad import __version__
from dyad.nlp.timex import interval
from dyad.records import DocumentRecord
from dyad.resolve.memory import Remembered, keys_for, rememberable
from dyad.resolve.clusters import country_key, dyad_key
from dyad.store import analytics, entities
from dyad.store.clustering import assign_clusters, clusters_of, recluster_all, refresh_summaries
from dyad.store.migrations import SCHEMA_VERSION, pending, upgrade

DEFAULT_DB = "dyad.duckdb"
CODE = re.compile(r"(?:[A-Z]{3})+")  # a CAMEO actor code or prefix, as users type one
DERIVED_TABLES = ("actors", "mentions", "events", "times", "places", "quotes", "sources", "remembered_people",
                  "entity_members")

SaveResult = Literal["added", "unchanged", "replaced"]


class StoreError(RuntimeError):
    """The store cannot be opened or has a schema this version cannot read."""


# EventFilter fields that are one SQL condition on a bound value (each ? gets the value)
FILTERS = {
    "type": "upper(e.type) = upper(?)",
    "doc_id": "e.doc_id = ?",
    "asserted_by": "(contains(lower(e.attributed_to), lower(?)) OR EXISTS (SELECT 1 FROM actors a WHERE"
                   " a.doc_id = e.doc_id AND a.actor_id = e.attributed_id AND starts_with(upper(a.code), upper(?))))",
    "quad_class": "e.quad_class = ?",
    "modality": "lower(e.modality) = lower(?)",
    "place": "EXISTS (SELECT 1 FROM places p WHERE p.doc_id = e.doc_id AND p.place_id = e.location"
             " AND (upper(p.country) = upper(?) OR contains(lower(p.name), lower(?))))",
    "outlet": "contains(lower(d.outlet), lower(?))",
    "cluster_id": "e.cluster_id = ?",
}


@dataclass
class EventFilter:
    """What ``dyad events`` asks for. Actors match a code prefix (RUS, RUSGOV) or a name."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    doc_id: str | None = None
    asserted_by: str | None = None  # who asserts it: a speaker's code prefix or a name (outlet included)
    quad_class: int | None = None  # 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    modality: str | None = None  # asserted, negated, alleged, future, hypothetical, historical
    place: str | None = None  # the event's place: a country code or a place name
    outlet: str | None = None
    cluster_id: str | None = None
    limit: int | None = None
    offset: int = 0


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as error:
            raise StoreError(f"{self.path}: cannot open store ({error})") from error
        if not read_only:
            self._create_schema()
        self._check_version()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- schema -----------------------------------------------------------

    def _create_schema(self) -> None:
        """An empty file gets the whole schema; a store keeps its version until upgraded; any other
        database is left alone (and refused by the version check)."""
        if self.con.execute("SELECT count(*) FROM information_schema.tables").fetchone()[0]:
            return
        self.con.execute(_sql("schema.sql"))
        self.con.execute(_sql("views.sql"))
        self.con.execute("INSERT INTO dyad_meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    def _check_version(self) -> None:
        """Upgrade an older store in place (when writable), refuse what cannot be read."""
        try:
            row = self.con.execute("SELECT value FROM dyad_meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException as error:
            raise StoreError(f"{self.path}: not a dyad store") from error
        found = int(row[0]) if row and row[0].isdigit() else None
        if found == SCHEMA_VERSION:
            return
        try:
            if found is None:
                raise ValueError("no schema version")
            pending(found)
        except ValueError as error:
            raise StoreError(f"{self.path}: {error}") from error
        if self.read_only:
            raise StoreError(f"{self.path}: schema version {found}; run `dyad upgrade --db {self.path}` "
                             f"to bring it to version {SCHEMA_VERSION} in place")
        upgrade(self.con, found)
        self.con.execute(_sql("views.sql"))
        with self._transaction():
            records = list(self._records())
            recluster_all(self.con, records)
            self.con.execute("DELETE FROM entity_members")
            for record in records:
                entities.link(self.con, record)

    def _records(self) -> Iterator[DocumentRecord]:
        for (data,) in self.con.execute("SELECT record FROM documents").fetchall():
            yield DocumentRecord.from_dict(json.loads(data))

    @property
    def schema_version(self) -> int:
        return int(self.con.execute("SELECT value FROM dyad_meta WHERE key = 'schema_version'").fetchone()[0])

    # -- writes -----------------------------------------------------------

    def is_stored(self, doc_id: str, text: str) -> bool:
        """True when this exact document is already stored (so it need not be coded again)."""
        return self._stored_hash(doc_id) == content_hash(text)

    def save(self, record: DocumentRecord) -> SaveResult:
        """Add a document's records; unchanged content is a no-op, changed content replaces."""
        digest, stored = content_hash(record.text), self._stored_hash(record.id)
        if stored == digest:
            return "unchanged"
        with self._transaction():
            before = self._history_of(record.id) if stored is not None else None
            old_clusters = clusters_of(self.con, record.id)
            if stored is not None:
                self._delete_rows(record.id)
            self._insert(record, digest)
            refresh_summaries(self.con, old_clusters | assign_clusters(self.con, record))
            entities.link(self.con, record)
            if before is not None:
                self._record_change(record, digest, *before)
        return "replaced" if stored is not None else "added"

    def _history_of(self, doc_id: str) -> tuple[str, str | None, set[str]]:
        old_hash, old_title = self.con.execute(
            "SELECT content_hash, title FROM documents WHERE id = ?", [doc_id]).fetchone()
        return old_hash, old_title, set(self._event_keys(doc_id))

    def _event_keys(self, doc_id: str) -> list[str]:
        """An event as a reader would tell it apart: type, dyad, date, modality and trigger words."""
        rows = self.con.execute(
            "SELECT e.type, e.source_codes, e.target_codes, e.date, e.modality,"
            " substr(d.text, e.trigger_start + 1, e.trigger_end - e.trigger_start)"
            " FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.doc_id = ?", [doc_id]).fetchall()
        return [f"{t} {'+'.join(s or [])}->{'+'.join(g or [])} {d} {m} '{w}'" for t, s, g, d, m, w in rows]

    def _record_change(self, record: DocumentRecord, digest: str, old_hash: str, old_title: str | None,
                       before: set[str]) -> None:
        after = set(self._event_keys(record.id))
        self._append("document_history", [[record.id, _now(), old_hash, digest, old_title,
                                           json.dumps(sorted(before - after)), json.dumps(sorted(after - before))]])

    def history(self, doc_id: str) -> list[dict]:
        """Each replacement of a document, oldest first, with the events that went and came."""
        cursor = self.con.execute("SELECT * FROM document_history WHERE doc_id = ? ORDER BY changed_at", [doc_id])
        columns = [d[0] for d in cursor.description]
        rows = [dict(zip(columns, row)) for row in cursor.fetchall()]
        for row in rows:
            row["events_removed"], row["events_added"] = json.loads(row["events_removed"]), json.loads(row["events_added"])
        return rows

    def delete(self, doc_id: str) -> bool:
        """Remove a document with everything derived from it, its history included."""
        with self._transaction():
            found = self._stored_hash(doc_id) is not None
            touched = clusters_of(self.con, doc_id)
            self._delete_rows(doc_id)
            self.con.execute("DELETE FROM document_history WHERE doc_id = ?", [doc_id])
            refresh_summaries(self.con, touched)
        return found

    def _stored_hash(self, doc_id: str) -> str | None:
        row = self.con.execute("SELECT content_hash FROM documents WHERE id = ?", [doc_id]).fetchone()
        return row[0] if row else None

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """All of it or none of it: a failure half-way leaves the store as it was."""
        self.con.begin()
        try:
            yield
        except BaseException:
            self.con.rollback()
            raise
        self.con.commit()

    def _delete_rows(self, doc_id: str) -> None:
        for table in DERIVED_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
        self.con.execute("DELETE FROM documents WHERE id = ?", [doc_id])

    def _insert(self, r: DocumentRecord, digest: str) -> None:
        self._append("documents (id, content_hash, title, url, outlet, published, published_source, language,"
                     " pipeline_version, text, record, status)",
                     [[r.id, digest, r.title, r.url, r.outlet, r.published, r.published_source, r.language,
                       r.pipeline_version, r.text, json.dumps(r.to_dict()), r.status]])
        self._append("actors", [[r.id, a.id, a.name, a.code, a.country, a.sector, a.kind, a.role] for a in r.actors])
        self._append("mentions", [[r.id, a.id, s, e] for a in r.actors for s, e in a.mentions])
        self._append("events (id, doc_id, type, mode, cameo, goldstein, quad_class, source_ids, target_ids,"
                     " source_codes, target_codes, date, date_start, date_end, date_precision, date_source, modality,"
                     " attributed_to, location, trigger_start, trigger_end, sentence_start, sentence_end, confidence,"
                     " attributed_id, source_key, target_key, source_country, target_country)", [
            [e.id, r.id, e.type, e.mode, e.cameo, e.goldstein, e.quad_class, e.source, e.target,
             e.source_codes, e.target_codes, e.date, *_days(e.date, e.date_end), e.date_precision, e.date_source,
             e.modality, e.attributed_to, e.location, e.trigger[0], e.trigger[1], e.sentence[0], e.sentence[1],
             e.confidence, e.attributed_id, *_dyad_keys(e)]
            for e in r.events])
        self._append("times", [[r.id, t.start, t.end, t.text, t.type, t.value] for t in r.times])
        self._append("places", [[r.id, p.id, p.name, p.kind, p.geonames_id, p.country, p.admin1, p.lat, p.lon,
                                  json.dumps(p.mentions)] for p in r.places])
        self._append("quotes", [
            [r.id, i, q.speaker, q.speaker_id, q.direct, json.dumps(q.source), json.dumps(q.cue),
             json.dumps(q.content)] for i, q in enumerate(r.quotes)])
        self._append("sources", [[r.id, i, s.name, s.role] for i, s in enumerate(r.sources)])
        self._append("remembered_people", [
            [key, a.name, a.code, a.country, a.sector, a.role, r.id, json.dumps(a.evidence)]
            for a in rememberable(r) for key in keys_for(a)])

    def _append(self, table: str, rows: list[list]) -> None:
        if rows:
            placeholders = ", ".join("?" * len(rows[0]))
            self.con.executemany(f"INSERT INTO {table} VALUES ({placeholders})", rows)

    def start_run(self, options: dict) -> str:
        run_id = uuid.uuid4().hex[:12]
        self.con.execute(
            "INSERT INTO ingest_runs (run_id, started_at, pipeline_version, options) VALUES (?, ?, ?, ?)",
            [run_id, _now(), __version__, json.dumps(options)],
        )
        return run_id

    def finish_run(self, run_id: str, counts: dict[str, int], failures: list[tuple[str, int | None, str]]) -> None:
        self._append("failures", [[run_id, *f] for f in failures])
        self.con.execute(
            "UPDATE ingest_runs SET finished_at = ?, added = ?, unchanged = ?, replaced = ?, failed = ?"
            " WHERE run_id = ?",
            [_now(), counts.get("added", 0), counts.get("unchanged", 0), counts.get("replaced", 0),
             len(failures), run_id],
        )

    # -- reads ------------------------------------------------------------

    def document(self, doc_id: str) -> DocumentRecord | None:
        row = self.con.execute("SELECT record FROM documents WHERE id = ?", [doc_id]).fetchone()
        return DocumentRecord.from_dict(json.loads(row[0])) if row else None

    def remembered(self, key: str) -> list[Remembered]:
        """Persons stored documents coded from their own words, known by this name key."""
        rows = self.con.execute(
            "SELECT name, code, country, sector, role, doc_id, evidence FROM remembered_people WHERE key = ?"
            " ORDER BY doc_id",
            [key],
        ).fetchall()
        return [Remembered(*row[:6], tuple(tuple(span) for span in json.loads(row[6]))) for row in rows]

    def count(self, table: str) -> int:
        if table not in DERIVED_TABLES + ("documents",):
            raise ValueError(f"unknown table {table!r}")
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def _where(self, where: EventFilter) -> tuple[str, list]:
        """The FROM and WHERE of an event query: every filter a bound parameter."""
        clauses, params = [], []
        if where.actor:
            clauses.append(f"({_side_matches('source', where.actor, params)}"
                           f" OR {_side_matches('target', where.actor, params)})")
        if where.dyad:
            a, b = where.dyad
            clauses.append(
                f"(({_side_matches('source', a, params)} AND {_side_matches('target', b, params)})"
                f" OR ({_side_matches('source', b, params)} AND {_side_matches('target', a, params)}))"
            )
        if where.since:
            clauses.append("e.date_end >= ?")
            params.append(_bound(where.since, 0))
        if where.until:
            clauses.append("e.date_start <= ?")
            params.append(_bound(where.until, 1))
        for name, sql in FILTERS.items():
            value = getattr(where, name)
            if value:
                clauses.append(sql)
                params += [value] * sql.count("?")
        tables = "events e JOIN documents d ON d.id = e.doc_id" if where.outlet else "events e"
        return tables + (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def count_events(self, where: EventFilter | None = None) -> int:
        sql, params = self._where(where or EventFilter())
        return self.con.execute(f"SELECT count(*) FROM {sql}", params).fetchone()[0]

    def events(self, where: EventFilter | None = None) -> list[dict]:
        """Event mentions with their source and target names and evidence, newest first."""
        where = where or EventFilter()
        source, params = self._where(where)
        # the page's ids first, then their rows, names and evidence: a million rows are filtered
        # and sorted on two numbers (newest first, then in the order they were stored: a document's
        # events in text order), fifty are dressed
        page = f"SELECT e.id, e.date_start, e.rowid AS stored FROM {source} ORDER BY e.date_start DESC NULLS LAST, stored"
        if where.limit:
            page += " LIMIT ? OFFSET ?"
            params += [where.limit, where.offset]
        sql = (
            f"WITH page AS ({page}) SELECT e.*, d.title, d.outlet, d.published,"
            " substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS evidence,"
            " substr(d.text, e.trigger_start + 1, e.trigger_end - e.trigger_start) AS trigger_text"
            " FROM page JOIN events e ON e.id = page.id JOIN documents d ON d.id = e.doc_id"
            " ORDER BY page.date_start DESC NULLS LAST, page.stored"
        )
        cursor = self.con.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        rows = [dict(zip(columns, row)) for row in cursor.fetchall()]
        names = self._actor_names({row["doc_id"] for row in rows})
        for row in rows:
            for side in ("source", "target"):
                row[f"{side}_names"] = [names[row["doc_id"], i] for i in row[f"{side}_ids"] or []
                                        if (row["doc_id"], i) in names]
        return rows

    def _actor_names(self, doc_ids: set[str]) -> dict[tuple[str, str], str]:
        """(document, actor id) -> name, for a page's documents only."""
        if not doc_ids:
            return {}
        rows = self.con.execute("SELECT doc_id, actor_id, name FROM actors WHERE doc_id IN (SELECT unnest(?))",
                                [sorted(doc_ids)]).fetchall()
        return {(doc_id, actor_id): name for doc_id, actor_id, name in rows}

    def quotes(self, actor: str | None = None, doc_id: str | None = None, limit: int | None = None) -> list[dict]:
        """Attributions with their speaker, cue and content text, newest first. ``actor`` matches the
        speaker's code prefix or a name (the speaker's actor or the source as written)."""
        clauses, params = [], []
        if actor:
            clauses.append("(starts_with(upper(a.code), upper(?)) OR contains(lower(coalesce(a.name, q.speaker)),"
                           " lower(?)))")
            params += [actor, actor]
        if doc_id:
            clauses.append("q.doc_id = ?")
            params.append(doc_id)
        sql = (
            "SELECT q.doc_id, q.position, d.published, d.title, d.outlet, coalesce(a.name, q.speaker) AS speaker,"
            " a.code AS speaker_code, q.direct, d.text, q.cue_spans, q.content_spans"
            " FROM quotes q JOIN documents d ON d.id = q.doc_id"
            " LEFT JOIN actors a ON a.doc_id = q.doc_id AND a.actor_id = q.speaker_id"
            + (" WHERE " + " AND ".join(clauses) if clauses else "")
            + " ORDER BY d.published DESC NULLS LAST, q.doc_id, q.position"
        )
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        cursor = self.con.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        rows = []
        for row in cursor.fetchall():
            item = dict(zip(columns, row))
            text = item.pop("text")
            item["cue"] = " ".join(text[s:e] for s, e in json.loads(item.pop("cue_spans")))
            item["content"] = " … ".join(text[s:e] for s, e in json.loads(item.pop("content_spans")))
            rows.append(item)
        return rows

    def clusters(self, limit: int | None = None) -> list[dict]:
        """Real-world events with how many mentions, documents and outlets report them, largest first."""
        sql = "SELECT * FROM clusters ORDER BY n_documents DESC, n_mentions DESC, earliest_report, cluster_id"
        cursor = self.con.execute(sql + (" LIMIT ?" if limit else ""), [limit] if limit else [])
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]

    # -- health -------------------------------------------------------------

    def check(self) -> list[str]:
        """What is wrong with the store, one line each; an empty list is a healthy store."""
        counts = {f"{table} rows whose document is gone":
                  f"SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = t.doc_id)"
                  for table in DERIVED_TABLES}
        counts["events whose trigger or sentence lies outside the text"] = (
            "SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.trigger_start < 0"
            " OR e.trigger_start > e.trigger_end OR e.trigger_end > length(d.text) OR e.sentence_end > length(d.text)")
        counts["events with no cluster"] = "SELECT count(*) FROM events WHERE cluster_id IS NULL"
        found = {what: self.con.execute(sql).fetchone()[0] for what, sql in counts.items()}
        found["documents whose text no longer matches its hash"] = 0
        found["documents whose stored record does not parse"] = 0
        for digest, text, data in self.con.execute("SELECT content_hash, text, record FROM documents").fetchall():
            found["documents whose text no longer matches its hash"] += content_hash(text) != digest
            try:
                DocumentRecord.from_dict(json.loads(data))
            except (ValueError, TypeError, KeyError):
                found["documents whose stored record does not parse"] += 1
        return [f"{n} {what}" for what, n in found.items() if n]

    def failures(self) -> list[dict]:
        """Every input an ingest could not code, newest run first, with the reason; and every stored
        document that was kept but not coded (another language)."""
        cursor = self.con.execute(
            "SELECT r.started_at AS run_at, f.path, f.line, f.reason FROM failures f"
            " JOIN ingest_runs r ON r.run_id = f.run_id"
            " UNION ALL SELECT ingested_at, id, NULL, status FROM documents WHERE status <> 'coded'"
            " ORDER BY run_at DESC, path, line")
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]

    def take_failed_inputs(self) -> list[str]:
        """The files earlier runs could not read or code (a JSONL line's file once), forgetting
        those failures: read again, a file that still fails is recorded again."""
        paths = sorted({re.sub(r":\d+$", "", path) for (path,) in
                        self.con.execute("SELECT DISTINCT path FROM failures").fetchall()})
        readable = [p for p in paths if Path(p).exists()]
        with self._transaction():
            self.con.execute(r"DELETE FROM failures WHERE regexp_replace(path, ':\d+$', '') IN (SELECT unnest(?))",
                             [readable])
        return readable

    # -- analytics (dyad.store.analytics) -----------------------------------

    def series(self, a: str, b: str, by: str = "month", since: str | None = None,
               until: str | None = None) -> list[dict]:
        return analytics.series(self.con, a, b, by, self._window(since, until))

    def network(self, actor: str | None = None, level: int = 3, since: str | None = None,
                until: str | None = None) -> list[dict]:
        return analytics.network(self.con, actor, level, self._window(since, until))

    def said_about(self, actor: str, limit: int | None = None) -> list[dict]:
        return analytics.said_about(self.con, actor, limit)

    # -- entities: one actor across documents (dyad.store.entities) --------

    def entities(self, search: str | None = None, limit: int | None = None) -> list[dict]:
        return entities.listing(self.con, search, limit)

    def merge_entities(self, keep: str, absorb: str) -> str:
        with self._transaction():
            return entities.merge(self.con, keep, absorb)

    def unmerge_entities(self, merge_id: str) -> None:
        with self._transaction():
            entities.unmerge(self.con, merge_id)

    @staticmethod
    def _window(since: str | None, until: str | None) -> analytics.Window:
        return analytics.Window(since and str(_bound(since, 0)), until and str(_bound(until, 1)))

    def documents(self) -> list[dict]:
        cursor = self.con.execute(
            "SELECT d.id, d.title, d.outlet, d.published, d.language, d.status, count(e.id) AS events"
            " FROM documents d LEFT JOIN events e ON e.doc_id = d.id"
            " GROUP BY ALL ORDER BY d.published DESC NULLS LAST, d.id"
        )
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]


def _dyad_keys(event) -> tuple[str, str, str, str]:
    """The event's sides at country-sector level, then at country level."""
    source, target = dyad_key(event.source_codes), dyad_key(event.target_codes)
    return source, target, country_key(source), country_key(target)


def _sql(name: str) -> str:
    return (resources.files("dyad.store") / name).read_text(encoding="utf-8")


def _side_matches(side: str, actor: str, params: list) -> str:
    """SQL for "an actor on this side is ``actor``": a code ("RUS", "RUSGOV": upper-case, whole
    three-letter blocks) is a prefix of one of the side's codes, read from the dyad key without a
    join; anything else ("Lavrov", "Kim") is part of an actor's name."""
    if CODE.fullmatch(actor):
        params += [actor, actor]
        return f"(starts_with(e.{side}_key, ?) OR contains(e.{side}_key, '+' || ?))"
    params.append(actor)
    return (
        f"EXISTS (SELECT 1 FROM actors a WHERE a.doc_id = e.doc_id AND list_contains(e.{side}_ids, a.actor_id)"
        " AND contains(lower(a.name), lower(?)))"
    )


def _days(value: str | None, end: str | None = None) -> tuple[date | None, date | None]:
    """First and last day a TIMEX3 value covers ("2023-07" → July 1 to 31), through a range's end,
    for filtering and sorting."""
    first, last = interval(value) or (None, None)
    if end and interval(end):
        last = interval(end)[1]
    return first, last


def _bound(value: str, end: int) -> date:
    days = interval(value)
    if days is None:
        raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return days[end]


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
