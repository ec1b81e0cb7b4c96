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
-- When each source (a folder or URL of Bot:Digests:Sources) is next due, so that the cluster polls it once per interval
-- whichever host's timer fires; the host polling it holds an advisory lock on it meanwhile.
CREATE TABLE IF NOT EXISTS library_sources (
    source TEXT PRIMARY KEY,
    next_due_at BIGINT NOT NULL,
    last_run_at BIGINT NOT NULL,
    last_host TEXT NOT NULL
);
-- Names this library, so a host's local copy made from another database (or a dropped and re-created one) is never read.
CREATE TABLE IF NOT EXISTS library_identity (id TEXT PRIMARY KEY);
INSERT INTO library_identity (id) SELECT gen_random_uuid()::text WHERE NOT EXISTS (SELECT 1 FROM library_identity);
