-- Schema version 14: a configured subscription's trigger is stored with it (1: "Published"), so every host of a cluster plans
-- a newly ingested digest for it, including a host whose own configuration lacks that subscription.
ALTER TABLE subscriptions ADD COLUMN published INTEGER NOT NULL DEFAULT 0;
