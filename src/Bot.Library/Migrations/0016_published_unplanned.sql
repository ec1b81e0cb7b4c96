-- Schema version 16: a digest ingested for the first time waits here until Trigger: Published subscriptions are planned for
-- it. The row is written in the same transaction as the digest, and removed once it is planned, so a host that stops between
-- the two (a crash, a kill) leaves it behind, and the trigger's sweep plans it after the restart instead of never.
-- (15 is the title figures' migration, written beside this one.)
CREATE TABLE published_unplanned (
    digest_id    TEXT PRIMARY KEY,
    published_at INTEGER NOT NULL
);
