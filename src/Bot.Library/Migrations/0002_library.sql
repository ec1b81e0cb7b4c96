-- Schema version 2: the digest library (digests, sections, entries, references, FTS index, URL sources).
-- Everything needed to rebuild a Digest exactly is kept; the FTS index is contentless (it keeps no text).

CREATE TABLE digests (
    rowid        INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    date         TEXT,                 -- yyyy-MM-dd or NULL
    format       INTEGER NOT NULL,
    tags         TEXT NOT NULL,        -- JSON array
    categories   TEXT NOT NULL,        -- JSON array
    author       TEXT,
    description  TEXT,
    summary      TEXT,
    slug         TEXT,
    permalink    TEXT,
    warnings     TEXT NOT NULL,        -- JSON array of {code, message, line}
    content_hash TEXT NOT NULL,
    source       TEXT NOT NULL,
    ingested_at  TEXT NOT NULL
);
CREATE INDEX ix_digests_date ON digests (date DESC, id DESC);

CREATE TABLE digest_sections (
    digest_rowid INTEGER NOT NULL REFERENCES digests (rowid) ON DELETE CASCADE,
    ord          INTEGER NOT NULL,
    key          TEXT NOT NULL,
    title        TEXT NOT NULL,
    PRIMARY KEY (digest_rowid, ord)
) WITHOUT ROWID;

CREATE TABLE entries (
    rowid        INTEGER PRIMARY KEY,   -- day number of the digest date << 20 | sequence
    id           TEXT NOT NULL UNIQUE,
    digest_rowid INTEGER NOT NULL REFERENCES digests (rowid) ON DELETE CASCADE,
    section_ord  INTEGER NOT NULL,
    ord          INTEGER NOT NULL,     -- position within its section
    section_key  TEXT NOT NULL,
    title        TEXT NOT NULL,
    line         INTEGER NOT NULL,
    bullets      TEXT NOT NULL,        -- JSON array of [text, depth]
    images       TEXT NOT NULL,        -- JSON array of [src, caption]
    is_paper     INTEGER NOT NULL,
    group_key    TEXT NOT NULL         -- canonical key of the primary reference, else 'entry:' || id
);
CREATE INDEX ix_entries_digest ON entries (digest_rowid, section_ord, ord);

CREATE TABLE entry_refs (
    entry_rowid   INTEGER NOT NULL REFERENCES entries (rowid) ON DELETE CASCADE,
    ord           INTEGER NOT NULL,
    label         TEXT NOT NULL,
    title         TEXT NOT NULL,
    url           TEXT NOT NULL,
    canonical_url TEXT NOT NULL,
    kind          INTEGER NOT NULL,
    arxiv_id      TEXT,
    doi           TEXT,
    ref_key       TEXT NOT NULL,       -- arxiv:<id>, doi:<doi> or the canonical URL
    PRIMARY KEY (entry_rowid, ord)
) WITHOUT ROWID;
CREATE INDEX ix_entry_refs_key ON entry_refs (ref_key, entry_rowid);

-- Search index over pre-segmented text (see Search/SearchText.cs): Latin/digit words lowercased,
-- folded plurals, Hangul/CJK runs as overlapping bigrams. rowid = entries.rowid, which is ordered by digest date
-- (day number << 20 | sequence) so that "newest first" is FTS5's own rowid order. `meta` holds
-- filter tokens (section key hash, "kpaper"), so section and papers filters run inside FTS5.
CREATE VIRTUAL TABLE entry_fts USING fts5 (
    title, body, refs, meta,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Conditional GET state per URL source.
CREATE TABLE url_sources (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    digest_id     TEXT,
    content_hash  TEXT,
    checked_at    TEXT NOT NULL
);
