-- Schema version 13: the search cache's key. DigestWriter.WriteIndex bumps it in the same transaction as every change
-- to entry_fts or title_fts, so a search that reads it in its read transaction knows whether cached matches still hold,
-- without reading FTS5's internal structure records.
CREATE TABLE search_generation (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO search_generation (id, value) VALUES (1, 0);
