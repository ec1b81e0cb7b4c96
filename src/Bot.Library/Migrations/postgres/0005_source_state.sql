-- What a followed URL's last poll left behind (validators, feed items seen, backoff), as one JSON document per source,
-- so that whichever host polls it next sends the cluster's If-None-Match / If-Modified-Since instead of downloading
-- everything again because the poll moved to a host whose own bot.db never saw the source.
CREATE TABLE IF NOT EXISTS library_source_state (
    source TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    saved_at BIGINT NOT NULL,
    saved_by TEXT NOT NULL
);
