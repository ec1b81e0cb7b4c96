-- Schema version 1: placeholder; library tables arrive in 0002, state tables in 0003.
CREATE TABLE IF NOT EXISTS bot_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
