-- Schema version 4: a second, title-only FTS index. "Title hits first" needs the set of entries whose title
-- holds every query word; in entry_fts that is a column filter, which still reads every column's doclists
-- in full (3-10 ms for common Korean bigrams on 100,000 entries). Title doclists are ~10x shorter.
-- Same segmented title tokens as entry_fts.title (Search/SearchText.cs) and the same meta filter tokens;
-- rowid = entries.rowid. Existing entries are indexed here through C# functions registered for migrations.
CREATE VIRTUAL TABLE title_fts USING fts5 (
    title, meta,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO title_fts (rowid, title, meta)
SELECT rowid, bot_title_tokens(title), bot_meta_tokens(section_key, is_paper)
FROM entries
ORDER BY rowid;
