-- dyad store. Every row points back to its document (doc_id) and to character offsets in that
-- document's text. The schema version is in dyad_meta; dyad/store/migrations.py upgrades older stores.
CREATE TABLE IF NOT EXISTS dyad_meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL,
    title VARCHAR, url VARCHAR, outlet VARCHAR,
    published VARCHAR, published_source VARCHAR, language VARCHAR,
    pipeline_version VARCHAR,
    ingested_at TIMESTAMP DEFAULT current_timestamp,
    text VARCHAR NOT NULL,
    record JSON NOT NULL,           -- the full DocumentRecord, lossless
    status VARCHAR DEFAULT 'coded'  -- or why it was not coded: "not coded: language de" (schema 5)
);

CREATE TABLE IF NOT EXISTS actors (
    doc_id VARCHAR, actor_id VARCHAR, name VARCHAR, code VARCHAR, country VARCHAR,
    sector VARCHAR, kind VARCHAR, role VARCHAR,
    PRIMARY KEY (doc_id, actor_id)
);

CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR, actor_id VARCHAR, start_char INTEGER, end_char INTEGER
);

CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, doc_id VARCHAR, type VARCHAR, mode VARCHAR, cameo VARCHAR,
    goldstein DOUBLE, quad_class INTEGER,
    source_ids VARCHAR[], target_ids VARCHAR[], source_codes VARCHAR[], target_codes VARCHAR[],
    date VARCHAR, date_start DATE, date_end DATE,  -- TIMEX3 value and the days it covers
    date_precision VARCHAR, date_source VARCHAR, modality VARCHAR,
    attributed_to VARCHAR, location VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    sentence_start INTEGER, sentence_end INTEGER, confidence DOUBLE,
    attributed_id VARCHAR,          -- the asserting speaker's actor id (schema 2)
    source_key VARCHAR, target_key VARCHAR,  -- the dyad at country-sector level: "RUSGOV", "KOR+USA" (schema 3)
    cluster_id VARCHAR,             -- the real-world event this mention reports (schema 3)
    source_country VARCHAR, target_country VARCHAR  -- the dyad at country level: "RUS" (schema 4)
);

-- what an edited document replaced: the old version's hash and the events that came and went
CREATE TABLE IF NOT EXISTS document_history (
    doc_id VARCHAR, changed_at TIMESTAMP, old_hash VARCHAR, new_hash VARCHAR, old_title VARCHAR,
    events_removed JSON, events_added JSON
);

CREATE TABLE IF NOT EXISTS times (
    doc_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR, type VARCHAR, value VARCHAR
);

CREATE TABLE IF NOT EXISTS places (
    doc_id VARCHAR, place_id VARCHAR, name VARCHAR, kind VARCHAR, geonames_id BIGINT, country VARCHAR,
    admin1 VARCHAR, lat DOUBLE, lon DOUBLE, mentions JSON
);

CREATE TABLE IF NOT EXISTS quotes (
    doc_id VARCHAR, position INTEGER, speaker VARCHAR, speaker_id VARCHAR, direct BOOLEAN,
    source_spans JSON, cue_spans JSON, content_spans JSON
);

CREATE TABLE IF NOT EXISTS sources (
    doc_id VARCHAR, position INTEGER, name VARCHAR, role VARCHAR
);

-- corpus memory: persons a document coded from its own words, for later bare mentions
CREATE TABLE IF NOT EXISTS remembered_people (
    key VARCHAR, name VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR, role VARCHAR,
    doc_id VARCHAR, evidence JSON
);

CREATE TABLE IF NOT EXISTS ingest_runs (
    run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP,
    pipeline_version VARCHAR, options JSON,
    added INTEGER, unchanged INTEGER, replaced INTEGER, failed INTEGER
);

CREATE TABLE IF NOT EXISTS failures (
    run_id VARCHAR, path VARCHAR, line INTEGER, reason VARCHAR
);

-- one actor across documents (dyad/store/entities.py): each document's actors link to an entity;
-- an analyst's merges are recorded so that they can be undone
CREATE TABLE IF NOT EXISTS entities (entity_id VARCHAR PRIMARY KEY, key VARCHAR, name VARCHAR, code VARCHAR, kind VARCHAR);
CREATE TABLE IF NOT EXISTS entity_members (entity_id VARCHAR, doc_id VARCHAR, actor_id VARCHAR);
CREATE TABLE IF NOT EXISTS entity_merges (
    merge_id VARCHAR PRIMARY KEY, merged_at TIMESTAMP, kept VARCHAR, absorbed VARCHAR, members JSON, undone_at TIMESTAMP
);

-- one row per real-world event, kept up to date on every save and delete (dyad/store/clustering.py)
CREATE TABLE IF NOT EXISTS clusters (
    cluster_id VARCHAR PRIMARY KEY, type VARCHAR, quad_class INTEGER, goldstein DOUBLE,
    source_key VARCHAR, target_key VARCHAR, date_start DATE, date_end DATE,
    n_mentions INTEGER, n_documents INTEGER, n_outlets INTEGER, earliest_report VARCHAR,
    first_event_id VARCHAR, confidence DOUBLE
);
