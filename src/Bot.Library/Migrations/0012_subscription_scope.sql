-- Schema version 12: subscription names are unique per scope, not globally (issue 13). A chat-created subscription's
-- scope is its guild or workspace (discord:<guild id>, slack:<team id>), so /subscribe in one guild can neither take a
-- name from another nor learn that it exists there; configured subscriptions keep the global scope ''.
-- Rows stored before this version keep scope '' (their names stay as they were).
-- SQLite cannot drop the UNIQUE (name) constraint, so the table is rebuilt; the runner turns foreign keys off around
-- migrations (dropping the old table must not cascade into post_ledger) and checks them before committing.
-- The PostgreSQL twin is the "0012" block of PostgresState.Schema.
CREATE TABLE subscriptions_scoped (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    sections TEXT NOT NULL,
    include_terms TEXT NOT NULL,
    exclude_terms TEXT NOT NULL,
    cron TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    entries_per_section INTEGER NOT NULL,
    section_spacing_ms INTEGER NOT NULL,
    thread INTEGER NOT NULL,
    mention_role_id TEXT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    last_fired_at INTEGER NULL,
    removed_at INTEGER NULL,
    UNIQUE (scope, name)
);

INSERT INTO subscriptions_scoped (id, scope, name, source, target, sections, include_terms, exclude_terms, cron, time_zone,
    entries_per_section, section_spacing_ms, thread, mention_role_id, created_at, updated_at, last_fired_at, removed_at)
SELECT id, '', name, source, target, sections, include_terms, exclude_terms, cron, time_zone,
    entries_per_section, section_spacing_ms, thread, mention_role_id, created_at, updated_at, last_fired_at, removed_at
FROM subscriptions;

DROP TABLE subscriptions;
ALTER TABLE subscriptions_scoped RENAME TO subscriptions;
