-- Schema version 9: feeds and post pages followed over HTTP.
-- web_sources: one row per configured feed or page URL: its kind, validators and poll schedule (backoff, Retry-After).
-- feed_items: every item ever seen in a feed, by id, so an item that drops out of a short feed is never deleted,
-- and an unchanged item costs no request.
CREATE TABLE web_sources (
    url           TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    etag          TEXT,
    last_modified TEXT,
    next_poll_at  TEXT,
    failures      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT,
    checked_at    TEXT NOT NULL
);

CREATE TABLE feed_items (
    feed_url      TEXT NOT NULL,
    item_id       TEXT NOT NULL,
    link          TEXT,
    published     TEXT,
    updated       TEXT,
    content_hash  TEXT,
    digest_id     TEXT,
    page_etag     TEXT,
    page_last_modified TEXT,
    seen_at       TEXT NOT NULL,
    PRIMARY KEY (feed_url, item_id)
);
