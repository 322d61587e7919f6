-- 001_core.sql: the first schema. Applied in one transaction by SqliteMigrator.
-- One row per stored article; the full record (the analyze schema) is kept as JSON so export
-- round-trips exactly, and the columns beside it serve identity, filters and search.
CREATE TABLE articles (
  id            INTEGER PRIMARY KEY,
  input         TEXT NOT NULL,           -- the input id it was first read as (path, URL, warc#n)
  url           TEXT UNIQUE,             -- canonical URL (NULL for files without one)
  content_hash  TEXT NOT NULL UNIQUE,    -- SHA-256 of the normalized body text
  title         TEXT,
  site          TEXT,
  published     TEXT,                    -- as in the record (keeps precision)
  published_day TEXT,                    -- YYYY-MM-DD when the day is known, for filters
  language      TEXT,
  story_id      INTEGER NOT NULL,        -- the smallest article id of its near-duplicate group
  record        TEXT NOT NULL,           -- the analyze record, JSON (the body is stored only here)
  minhash       BLOB,                    -- MinHasher signature, 128 x uint32 little-endian
  layers        INTEGER NOT NULL,        -- Document.Done flags
  added_at      TEXT NOT NULL
);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_day ON articles(published_day);
CREATE INDEX articles_site ON articles(site);

-- LSH bands of each signature: articles sharing a key are near-duplicate candidates.
-- WITHOUT ROWID: one b-tree keyed by (key, article_id), no separate index to maintain.
CREATE TABLE article_bands (
  key        INTEGER NOT NULL,
  article_id INTEGER NOT NULL,
  PRIMARY KEY (key, article_id)
) WITHOUT ROWID;

-- The body is kept once, inside the record; the full-text index reads it through this view
-- (for snippets and checks), so it is not stored a second time.
CREATE VIEW article_text(id, title, text) AS
  SELECT id, COALESCE(title, ''), json_extract(record, '$.article.text') FROM articles;

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='article_text', content_rowid='id',
  tokenize='porter unicode61 remove_diacritics 2');

-- Coded actors shared across articles: one row per (name, country, sector).
CREATE TABLE actors (
  id      INTEGER PRIMARY KEY,
  key     TEXT NOT NULL UNIQUE,          -- name|country|sector
  name    TEXT NOT NULL,
  country TEXT,
  sector  TEXT,
  role    TEXT,
  title   TEXT
);
CREATE INDEX actors_country ON actors(country, sector);

CREATE TABLE entities (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL,
  local_id   TEXT NOT NULL,              -- E1, E2 ... within the article
  type       TEXT NOT NULL,
  name       TEXT NOT NULL,
  actor_id   INTEGER,
  rule       TEXT
);
CREATE INDEX entities_article ON entities(article_id);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
CREATE INDEX entities_actor ON entities(actor_id);

CREATE TABLE mentions (
  entity_id INTEGER NOT NULL,
  start     INTEGER NOT NULL,
  "end"     INTEGER NOT NULL,
  text      TEXT NOT NULL,
  kind      TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE quotes (
  id             INTEGER PRIMARY KEY,
  article_id     INTEGER NOT NULL,
  idx            INTEGER NOT NULL,
  text           TEXT NOT NULL,
  start          INTEGER NOT NULL,
  "end"          INTEGER NOT NULL,
  kind           TEXT NOT NULL,
  speaker_local  TEXT,
  speaker_name   TEXT,
  speaker_actor  INTEGER,
  cue_text       TEXT,
  cue_lemma      TEXT,
  rule           TEXT
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_name COLLATE NOCASE);

-- The relay chain, nearest first (position 0).
CREATE TABLE quote_relays (
  quote_id     INTEGER NOT NULL,
  position     INTEGER NOT NULL,
  entity_local TEXT,
  name         TEXT NOT NULL
);
CREATE INDEX quote_relays_quote ON quote_relays(quote_id);
CREATE INDEX quote_relays_name ON quote_relays(name COLLATE NOCASE);

CREATE TABLE events (
  id             INTEGER PRIMARY KEY,
  article_id     INTEGER NOT NULL,
  idx            INTEGER NOT NULL,
  type           TEXT NOT NULL,
  mode           TEXT,
  source_entity  TEXT, source_name TEXT, source_country TEXT, source_sector TEXT,
  target_entity  TEXT, target_name TEXT, target_country TEXT, target_sector TEXT,
  date_value     TEXT,
  date_day       TEXT,                   -- first day the date can mean, YYYY-MM-DD, for filters
  date_precision TEXT,
  date_basis     TEXT,
  place_name     TEXT,
  place_country  TEXT,
  trigger_text   TEXT,
  trigger_start  INTEGER,
  trigger_end    INTEGER,
  negated        INTEGER NOT NULL,
  confidence     REAL NOT NULL,
  rule           TEXT
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_day ON events(date_day);
CREATE INDEX events_source_country ON events(source_country);
CREATE INDEX events_target_country ON events(target_country);

-- Sources read (files, directories, WARC, feeds, sitemaps, fetched URLs) and, for URLs, the
-- validators of the last fetch for conditional requests.
CREATE TABLE sources (
  id            INTEGER PRIMARY KEY,
  uri           TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL,
  etag          TEXT,
  last_modified TEXT,
  fetched_at    TEXT,
  first_seen    TEXT NOT NULL,
  last_seen     TEXT NOT NULL
);

-- One line per input document of every run.
CREATE TABLE ingest_log (
  id         INTEGER PRIMARY KEY,
  input      TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('added', 'duplicate', 'failed')),
  of_article INTEGER,
  reason     TEXT,
  time       TEXT NOT NULL
);
CREATE INDEX ingest_log_input ON ingest_log(input);
