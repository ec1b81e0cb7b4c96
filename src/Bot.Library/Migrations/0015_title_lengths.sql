-- Schema version 15: the figures title ranking needs (BM25's title lengths), kept by us instead of read from FTS5's
-- undocumented shadow tables. title_lengths has one row for every row of title_fts (= entry_fts = entries): the title's
-- length in tokens as title_fts's tokenizer counts it. search_generation also keeps how many titles there are and their
-- total length; DigestWriter.WriteIndex changes both tables in the same transaction as the indexes.
CREATE TABLE title_lengths (
    rowid  INTEGER PRIMARY KEY,
    tokens INTEGER NOT NULL
);
ALTER TABLE search_generation ADD COLUMN titles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE search_generation ADD COLUMN title_tokens INTEGER NOT NULL DEFAULT 0;

-- Existing titles are counted by FTS5 itself, through fts5vocab's documented 'instance' table (one row per token); a row
-- with no title token (title_fts lists every row id: it is a full scan of a contentless table) gets 0.
CREATE VIRTUAL TABLE temp.title_instances USING fts5vocab(main, title_fts, instance);
INSERT INTO title_lengths (rowid, tokens)
SELECT doc, COUNT(*) FROM temp.title_instances WHERE col = 'title' GROUP BY doc;
INSERT OR IGNORE INTO title_lengths (rowid, tokens) SELECT rowid, 0 FROM title_fts;
DROP TABLE temp.title_instances;

UPDATE search_generation
SET value = value + 1,
    titles = (SELECT COUNT(*) FROM title_lengths),
    title_tokens = (SELECT COALESCE(SUM(tokens), 0) FROM title_lengths)
WHERE id = 1;
