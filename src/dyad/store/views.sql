-- Views over the tables, re-created on every schema creation and upgrade.

-- Each row of `events` is one event MENTION (one report in one document); a cluster is one
-- real-world event with every mention that reports it (dyad/resolve/clusters.py).
CREATE OR REPLACE VIEW event_mentions AS SELECT * FROM events;
