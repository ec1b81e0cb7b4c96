-- Schema version 3: scheduling state (subscriptions and the post ledger).
-- Times are unix milliseconds (UTC) so the same statements run on SQLite and PostgreSQL;
-- the PostgreSQL twin of this script is PostgresState.Schema (State/PostgresState.cs).
CREATE TABLE IF NOT EXISTS subscriptions (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
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
    last_fired_at INTEGER NULL
);

CREATE TABLE IF NOT EXISTS post_ledger (
    id INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
    digest_id TEXT NOT NULL,
    section_key TEXT NOT NULL,
    position INTEGER NOT NULL,
    state TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    claimed_by TEXT NULL,
    claimed_until INTEGER NULL,
    message_id TEXT NULL,
    thread_id TEXT NULL,
    last_error TEXT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    sent_at INTEGER NULL,
    UNIQUE (subscription_id, digest_id, section_key)
);

CREATE INDEX IF NOT EXISTS ix_post_ledger_open ON post_ledger (state, due_at);
