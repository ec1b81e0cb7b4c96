-- The twin of SQLite's 0012_subscription_scope: names unique per scope (guild/workspace; '' for configured ones), not globally.
ALTER TABLE subscriptions ADD COLUMN IF NOT EXISTS scope TEXT NOT NULL DEFAULT '', DROP CONSTRAINT IF EXISTS subscriptions_name_key;
CREATE UNIQUE INDEX IF NOT EXISTS ux_subscriptions_scope_name ON subscriptions (scope, name);
