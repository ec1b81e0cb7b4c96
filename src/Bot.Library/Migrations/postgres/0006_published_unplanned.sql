-- A digest published to the cluster's library for the first time waits here until Trigger: Published subscriptions are
-- planned for it. Written in the publish transaction and removed once planned, so when the publishing host dies in between,
-- another host's sweep plans it (a delayed post, never a lost one).
CREATE TABLE IF NOT EXISTS published_unplanned (
    digest_id TEXT PRIMARY KEY,
    published_at BIGINT NOT NULL
);
