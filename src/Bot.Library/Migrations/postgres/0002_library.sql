-- The cluster's digest library: every digest any host ingested, once, as the parsed digest in JSON. Each host reads
-- through a local SQLite copy (its search index) that it brings up to the highest revision before every read.
CREATE SEQUENCE IF NOT EXISTS library_revision;
CREATE TABLE IF NOT EXISTS library_digests (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    source TEXT NOT NULL,
    body TEXT NOT NULL,
    revision BIGINT NOT NULL DEFAULT nextval('library_revision'),
    stored_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS ix_library_digests_revision ON library_digests (revision);
