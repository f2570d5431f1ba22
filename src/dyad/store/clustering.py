"""Cluster a saved document's event mentions into the store's real-world events, incrementally.

Candidates come from one query per mention (same countries on each side, either direction,
same quad class, overlapping date window); the scoring itself is ``dyad.resolve.clusters``.
"""

from __future__ import annotations

from datetime import timedelta

import duckdb

from dyad.nlp.timex import interval
from dyad.records import DocumentRecord, Event
from dyad.resolve.clusters import WINDOW_DAYS, Cluster, Mention, best_cluster, country_key, dyad_key, evidence_words

MAX_WINDOW = max(WINDOW_DAYS.values())
# a cluster's summary row, from its mentions; {where} picks the clusters to (re)compute
_SUMMARY = """
INSERT INTO clusters
SELECT e.cluster_id, mode(e.type), mode(e.quad_class), arg_min(e.goldstein, coalesce(d.published, '')),
       mode(e.source_key), mode(e.target_key), min(e.date_start), max(e.date_end),
       count(*), count(DISTINCT e.doc_id), count(DISTINCT d.outlet), min(d.published),
       arg_min(e.id, coalesce(d.published, '')),
       least(1.0, 0.5 + 0.1 * (count(DISTINCT e.doc_id) - 1) + 0.1 * greatest(count(DISTINCT d.outlet) - 1, 0))
FROM events e JOIN documents d ON d.id = e.doc_id
WHERE e.cluster_id IS NOT NULL {where}
GROUP BY e.cluster_id
"""
_CANDIDATES = """
SELECT e.id, e.doc_id, e.type, e.source_key, e.target_key, e.date, e.date_precision, e.date_source,
       p.country, substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start), d.outlet,
       d.published, e.cluster_id
FROM events e JOIN documents d ON d.id = e.doc_id
LEFT JOIN places p ON p.doc_id = e.doc_id AND p.place_id = e.location
WHERE e.cluster_id IS NOT NULL AND e.doc_id <> ? AND e.quad_class = ?
  AND ((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?))
  AND (e.date_start IS NULL OR ? IS NULL OR (e.date_start <= ? AND e.date_end >= ?))
"""


def mention_of(event: Event, record: DocumentRecord) -> Mention:
    places = {p.id: p.country for p in record.places}
    return Mention(
        event.id, record.id, event.type, dyad_key(event.source_codes), dyad_key(event.target_codes),
        event.date, event.date_precision, event.date_source == "text", places.get(event.location),
        evidence_words(record.text[event.sentence[0]:event.sentence[1]]), record.outlet, record.published,
    )


def assign_clusters(con: duckdb.DuckDBPyConnection, record: DocumentRecord) -> set[str]:
    """Give each of the record's (already inserted) events a cluster id: a match's, or its own.
    Returns the clusters touched, whose summaries need refreshing."""
    touched = set()
    for event in record.events:
        mention = mention_of(event, record)
        clusters = _candidates(con, mention, event.quad_class)
        found, _ = best_cluster(mention, clusters)
        cluster_id = found.cluster_id if found else "c-" + event.id.removeprefix("ev-")
        con.execute("UPDATE events SET cluster_id = ? WHERE id = ?", [cluster_id, event.id])
        touched.add(cluster_id)
    return touched


def clusters_of(con: duckdb.DuckDBPyConnection, doc_id: str) -> set[str]:
    rows = con.execute("SELECT DISTINCT cluster_id FROM events WHERE doc_id = ? AND cluster_id IS NOT NULL",
                       [doc_id]).fetchall()
    return {row[0] for row in rows}


def refresh_summaries(con: duckdb.DuckDBPyConnection, cluster_ids: set[str]) -> None:
    """Recompute the summary rows of these clusters (one that lost its last mention disappears)."""
    if not cluster_ids:
        return
    ids = sorted(cluster_ids)
    con.execute("DELETE FROM clusters WHERE cluster_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    con.execute(_SUMMARY.format(where="AND e.cluster_id IN (SELECT unnest(?::VARCHAR[]))"), [ids])


def recluster_all(con: duckdb.DuckDBPyConnection, records) -> None:
    """From scratch, in publication order (after an upgrade, or when the rules change)."""
    con.execute("UPDATE events SET cluster_id = NULL")
    for record in sorted(records, key=lambda r: (r.published or "", r.id)):
        assign_clusters(con, record)
    rebuild_summaries(con)


def rebuild_summaries(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("DELETE FROM clusters")
    con.execute(_SUMMARY.format(where=""))


def _candidates(con: duckdb.DuckDBPyConnection, mention: Mention, quad_class: int | None) -> list[Cluster]:
    days = interval(mention.date) if mention.date else None
    low, high = (days[0] - timedelta(MAX_WINDOW), days[1] + timedelta(MAX_WINDOW)) if days else (None, None)
    source, target = country_key(mention.source), country_key(mention.target)
    rows = con.execute(_CANDIDATES, [mention.doc_id, quad_class, source, target, target, source, low, high, low]).fetchall()
    clusters: dict[str, Cluster] = {}
    for (event_id, doc_id, kind, source, target, date, precision, date_source, place, sentence, outlet,
         published, cluster_id) in rows:
        clusters.setdefault(cluster_id, Cluster(cluster_id)).members.append(Mention(
            event_id, doc_id, kind, source or "", target or "", date, precision, date_source == "text", place,
            evidence_words(sentence or ""), outlet, published))
    return list(clusters.values())
