-- The twin of SQLite's 0014_subscription_trigger: a configured subscription's trigger (1: "Published") is stored with it.
ALTER TABLE subscriptions ADD COLUMN IF NOT EXISTS published BIGINT NOT NULL DEFAULT 0;
