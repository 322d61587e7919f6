-- 002_quote_search.sql: full-text search over quote texts (`wirescope quotes --text`).
-- Built from the quotes already stored, so an older database gains it on open.
CREATE VIRTUAL TABLE quotes_fts USING fts5(
  text, content='quotes', content_rowid='id',
  tokenize='porter unicode61 remove_diacritics 2');
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
