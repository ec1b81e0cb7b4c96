-- Schema version 6: the post ledger's exactly-once bookkeeping.
-- in_doubt: an attempt may have reached the platform (set at claim, cleared once recorded or known undelivered);
-- look_first: the claim that just won inherited a doubtful attempt, so it must look for the earlier post before sending;
-- attempted_at: when the doubtful attempt began (the smallest history window that can hold it);
-- message_ids / content_hash / edited_at: every message of a sent post and what it showed, for corrections and delete;
-- subscriptions.removed_at: a removed subscription is a tombstone, so its ledger survives and a re-add resumes it.
-- The PostgreSQL twin is PostgresState.Schema.
ALTER TABLE post_ledger ADD COLUMN in_doubt INTEGER NOT NULL DEFAULT 0;
ALTER TABLE post_ledger ADD COLUMN look_first INTEGER NOT NULL DEFAULT 0;
ALTER TABLE post_ledger ADD COLUMN attempted_at INTEGER NULL;
ALTER TABLE post_ledger ADD COLUMN message_ids TEXT NULL;
ALTER TABLE post_ledger ADD COLUMN content_hash TEXT NULL;
ALTER TABLE post_ledger ADD COLUMN edited_at INTEGER NULL;
ALTER TABLE subscriptions ADD COLUMN removed_at INTEGER NULL;

-- Rows in flight when the host was upgraded may have reached the platform.
UPDATE post_ledger SET in_doubt = 1, attempted_at = updated_at WHERE state = 'attempted';
