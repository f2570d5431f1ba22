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


def assign_clusters(con: duckdb.DuckDBPyConnection, record: DocumentRecord) -> None:
    """Give each of the record's (already inserted) events a cluster id: a match's, or its own."""
    for event in record.events:
        mention = mention_of(event, record)
        clusters = _candidates(con, mention, event.quad_class)
        found, _ = best_cluster(mention, clusters)
        cluster_id = found.cluster_id if found else "c-" + event.id.removeprefix("ev-")
        con.execute("UPDATE events SET cluster_id = ? WHERE id = ?", [cluster_id, event.id])


def recluster_all(con: duckdb.DuckDBPyConnection, records) -> None:
    """From scratch, in publication order (after an upgrade, or when the rules change)."""
    con.execute("UPDATE events SET cluster_id = NULL")
    for record in sorted(records, key=lambda r: (r.published or "", r.id)):
        assign_clusters(con, record)


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
