-- Views over the tables, re-created on every schema creation and upgrade.

-- Each row of `events` is one event MENTION (one report in one document); a cluster is one
-- real-world event with every mention that reports it (dyad/resolve/clusters.py).
CREATE OR REPLACE VIEW event_mentions AS SELECT * FROM events;
CREATE OR REPLACE VIEW clusters AS
SELECT e.cluster_id,
       mode(e.type) AS type, mode(e.source_key) AS source_key, mode(e.target_key) AS target_key,
       min(e.date_start) AS date_start, max(e.date_end) AS date_end,
       count(*) AS n_mentions, count(DISTINCT e.doc_id) AS n_documents,
       count(DISTINCT d.outlet) AS n_outlets, min(d.published) AS earliest_report,
       arg_min(e.id, d.published) AS first_event_id,
       least(1.0, 0.5 + 0.1 * (count(DISTINCT e.doc_id) - 1) + 0.1 * greatest(count(DISTINCT d.outlet) - 1, 0))
           AS confidence
FROM events e JOIN documents d ON d.id = e.doc_id
WHERE e.cluster_id IS NOT NULL
GROUP BY e.cluster_id;
