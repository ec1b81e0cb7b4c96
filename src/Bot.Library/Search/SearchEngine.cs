using System.Globalization;
using System.Text;
using Bot.Digests;
using Microsoft.Data.Sqlite;

namespace Bot.Library;

/// <summary>
/// Ranked, grouped search over the FTS index. Order: entries whose title holds a query term first, then
/// BM25 (title weighted above references above bullets), ties to the newer digest. Broad queries (more
/// than <see cref="ExactLimit"/> matches) skip BM25 over every match: title hits come first, then the
/// rest, newest first. Entries whose primary reference is the same work are one result; the others are
/// listed in <see cref="SearchResult.AlsoIn"/>.
/// </summary>
internal sealed class SearchEngine
{
    private const double TitleWeight = 4.0;
    private const double BodyWeight = 1.0;
    private const double RefsWeight = 1.5;
    private const double TitleBonus = 100.0;

    private readonly Func<string?, string?, string?> _publicUrl;

    public SearchEngine(Func<string?, string?, string?> publicUrl)
    {
        _publicUrl = publicUrl;
    }

    public SearchResponse Search(SqliteConnection connection, SearchRequest request)
    {
        var query = FtsQuery.Parse(request.Query);
        var limit = Math.Clamp(request.Limit, 1, 100);
        var offset = Math.Clamp(request.Offset, 0, 10_000);
        var text = request.Query ?? string.Empty;
        if (query.IsEmpty)
        {
            return new SearchResponse(text, 0, []);
        }

        var filter = Filter(request);
        var (match, title) = (With(query.All, filter), With(query.TitleAll, filter));
        var matched = MatchRowids(connection, match, BroadTotalCap);
        var count = matched.Count;
        var fallback = false;
        if (count == 0 && query.Terms.Count > 1)
        {
            // Nothing holds every word: fall back to any word, newest first within title and body hits
            // (BM25 over an OR of many common words would read every doclist twice).
            (match, title) = (With(query.Any, filter), With(query.TitleAny, filter));
            count = CountUpTo(connection, match, BroadTotalCap);
            fallback = true;
        }

        if (count == 0)
        {
            return new SearchResponse(text, 0, []);
        }

        var (total, page) = count <= ExactLimit && !fallback
            ? RankAll(FetchCheaply(connection, query, filter, matched) ?? Fetch(connection, match, ExactLimit + 1), offset, limit)
            : RankBroad(connection, match, title, offset, limit, count);
        return new SearchResponse(text, total, Materialize(connection, page));
    }

    /// <summary>A match: entry row id, group key, BM25 over all columns and over the title alone (negative when the title holds a term).</summary>
    private readonly record struct Match(long Rowid, string Group, double Rank, double TitleRank);

    /// <summary>
    /// BM25 reads each phrase's whole doclist for its IDF: 8 phrases of common Korean bigrams cost ~8 ms. When the
    /// query has a cheaper superset expression (one bigram per word), score that instead and keep only the entries
    /// matching the full query; null when the superset is too large (then the full query is scored).
    /// </summary>
    private static List<Match>? FetchCheaply(SqliteConnection connection, FtsQuery query, string? filter, HashSet<long> matched)
    {
        if (!query.HasCheaperScore)
        {
            return null;
        }

        // Counting without BM25 is cheap; a one-bigram word alone can match tens of thousands of entries.
        var superset = With(query.ScoreAll, filter);
        if (CountUpTo(connection, superset, ScoreSupersetLimit) >= ScoreSupersetLimit)
        {
            return null;
        }

        var rows = Fetch(connection, superset, ScoreSupersetLimit);

        rows.RemoveAll(m => !matched.Contains(m.Rowid));
        return rows.Count == matched.Count ? rows : null;
    }

    /// <summary>At most this many entries of the cheaper superset expression are scored.</summary>
    private const int ScoreSupersetLimit = 2_000;

    /// <summary>Row ids of the matches, at most <paramref name="cap"/> (FTS5 stops early for broad queries).</summary>
    private static HashSet<long> MatchRowids(SqliteConnection connection, string match, int cap)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM entry_fts WHERE entry_fts MATCH @q LIMIT @cap";
        command.Parameters.AddWithValue("@q", match);
        command.Parameters.AddWithValue("@cap", cap);
        var rowids = new HashSet<long>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rowids.Add(reader.GetInt64(0));
        }

        return rowids;
    }

    /// <summary>The matches (at most <paramref name="max"/>) with their group and both BM25 scores.</summary>
    private static List<Match> Fetch(SqliteConnection connection, string match, int max)
    {
        using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            SELECT m.rowid, e.group_key, m.r, m.tr
            FROM (SELECT rowid, bm25(entry_fts, {TitleWeight:0.0}, {BodyWeight:0.0}, {RefsWeight:0.0}, 0.0) AS r, bm25(entry_fts, 1.0, 0.0, 0.0, 0.0) AS tr
                  FROM entry_fts WHERE entry_fts MATCH @q LIMIT {max}) AS m
            JOIN entries e ON e.rowid = m.rowid
            """);
        command.Parameters.AddWithValue("@q", match);
        var rows = new List<Match>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new Match(reader.GetInt64(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3)));
        }

        return rows;
    }

    /// <summary>Broad queries (and the any-word fallback) count their total only up to this many: an exact count reads every doclist in full.</summary>
    internal const int BroadTotalCap = 1_000;

    /// <summary>Up to this many matches are ranked exactly (BM25 over all of them, exact grouped total).</summary>
    internal const int ExactLimit = 600;

    private static string With(string expression, string? filter) => filter is null ? expression : "(" + expression + ") AND " + filter;

    private static string? Filter(SearchRequest request)
    {
        var section = NormalizeSection(request.Section);
        var parts = new List<string>(2);
        if (section is not null)
        {
            parts.Add("{meta} : \"" + DigestWriter.SectionToken(section) + "\"");
        }

        if (request.PapersOnly)
        {
            parts.Add("{meta} : \"" + DigestWriter.PaperToken + "\"");
        }

        return parts.Count == 0 ? null : string.Join(" AND ", parts);
    }

    /// <summary>Matches, counted only up to <paramref name="cap"/>: cheap for broad queries, where FTS5 stops early.</summary>
    private static int CountUpTo(SqliteConnection connection, string match, int cap)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM (SELECT rowid FROM entry_fts WHERE entry_fts MATCH @q LIMIT @cap)";
        command.Parameters.AddWithValue("@q", match);
        command.Parameters.AddWithValue("@cap", cap);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Few matches: title hits first, then BM25 (title weighted highest), ties to the newer entry; exact grouped total.</summary>
    private static (int Total, List<(long Rowid, double Score)> Page) RankAll(List<Match> rows, int offset, int limit)
    {
        var ordered = rows
            .OrderBy(m => m.TitleRank < 0 ? 0 : 1)
            .ThenBy(m => Math.Round(m.Rank, 4))
            .ThenByDescending(m => m.Rowid);
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var page = new List<(long, double)>(limit);
        foreach (var m in ordered)
        {
            if (groups.Add(m.Group) && groups.Count - 1 >= offset && page.Count < limit)
            {
                page.Add((m.Rowid, Math.Round(-m.Rank + (m.TitleRank < 0 ? TitleBonus : 0), 4)));
            }
        }

        return (groups.Count, page);
    }

    /// <summary>
    /// Many matches: BM25 over thousands of rows costs tens of milliseconds, so title hits come first
    /// (shortest title first when few, else newest first) and body-only hits follow newest first, read in
    /// rowid order (= digest date) only as far as the page needs. The total counts matching entries up to <see cref="BroadTotalCap"/>.
    /// </summary>
    private static (int Total, List<(long Rowid, double Score)> Page) RankBroad(
        SqliteConnection connection, string match, string titleMatch, int offset, int limit, int count)
    {
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var page = new List<(long, double)>(limit);
        var need = offset + limit;
        var titles = FetchTitles(connection, titleMatch);
        if (titles.Count > 0 && titles.Count <= ExactLimit)
        {
            // BM25 here would first read each term's whole doclist for its IDF (4+ ms for common words), yet every
            // title hit holds every term, so the IDF barely reorders them: shorter titles first (BM25's length
            // normalisation), then newest.
            foreach (var m in titles.OrderBy(m => m.Length).ThenByDescending(m => m.Rowid))
            {
                if (groups.Count >= need)
                {
                    break;
                }

                if (groups.Add(m.Group) && groups.Count - 1 >= offset)
                {
                    page.Add((m.Rowid, Math.Round(TitleBonus + 100.0 / (1 + m.Length), 4)));
                }
            }
        }
        else if (titles.Count > ExactLimit)
        {
            Stream(connection, titleMatch, TitleBonus, groups, page, offset, need);
        }

        if (groups.Count < need)
        {
            Stream(connection, "(" + match + ") NOT (" + titleMatch + ")", 1.0, groups, page, offset, need);
        }

        return (Math.Max(count, offset + page.Count), page);
    }

    /// <summary>Title matches (at most <see cref="ExactLimit"/> + 1) with their group and title length, without BM25.</summary>
    private static List<(long Rowid, string Group, int Length)> FetchTitles(SqliteConnection connection, string match)
    {
        using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            SELECT m.rowid, e.group_key, length(e.title)
            FROM (SELECT rowid FROM entry_fts WHERE entry_fts MATCH @q LIMIT {ExactLimit + 1}) AS m
            JOIN entries e ON e.rowid = m.rowid
            """);
        command.Parameters.AddWithValue("@q", match);
        var rows = new List<(long, string, int)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return rows;
    }

    /// <summary>Reads matches newest first, in batches, until the page is full.</summary>
    private static void Stream(SqliteConnection connection, string match, double score, HashSet<string> groups, List<(long, double)> page, int offset, int need)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM entry_fts WHERE entry_fts MATCH @q AND rowid < @before ORDER BY rowid DESC LIMIT @n";
        command.Parameters.AddWithValue("@q", match);
        var before = command.Parameters.AddWithValue("@before", long.MaxValue);
        var batch = Math.Min(need * 2 + 20, 2_000);
        command.Parameters.AddWithValue("@n", batch);
        while (groups.Count < need)
        {
            var rows = new List<(long Rowid, double Score)>(batch);
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows.Add((reader.GetInt64(0), score));
                }
            }

            if (rows.Count == 0)
            {
                return;
            }

            Take(connection, rows, groups, page, offset, need);
            before.Value = rows[^1].Rowid;
            if (rows.Count < batch)
            {
                return;
            }
        }
    }

    /// <summary>Adds ranked rows to the page, one per group (the group key is the primary reference).</summary>
    private static void Take(SqliteConnection connection, List<(long Rowid, double Score)> rows, HashSet<string> groups, List<(long, double)> page, int offset, int need)
    {
        var keys = new Dictionary<long, string>(rows.Count);
        for (var start = 0; start < rows.Count && groups.Count < need; start += 500)
        {
            var chunk = rows.Skip(start).Take(500).ToList();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT rowid, group_key FROM entries WHERE rowid IN ("
                    + string.Join(",", chunk.Select(r => r.Rowid.ToString(CultureInfo.InvariantCulture))) + ")";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    keys[reader.GetInt64(0)] = reader.GetString(1);
                }
            }

            foreach (var (rowid, score) in chunk)
            {
                if (groups.Count >= need)
                {
                    return;
                }

                if (keys.TryGetValue(rowid, out var key) && groups.Add(key) && groups.Count - 1 >= offset)
                {
                    page.Add((rowid, score));
                }
            }
        }
    }

    private static string? NormalizeSection(string? section)
        => string.IsNullOrWhiteSpace(section) ? null : section.Trim().ToLowerInvariant();

    /// <summary>Full results for the given entry row ids, in the given order.</summary>
    public List<SearchResult> Materialize(SqliteConnection connection, IReadOnlyList<(long Rowid, double Score)> page)
    {
        if (page.Count == 0)
        {
            return [];
        }

        var ids = string.Join(",", page.Select(p => p.Rowid.ToString(CultureInfo.InvariantCulture)));
        var rows = new Dictionary<long, (string Id, string Title, string Bullets, string SectionKey, string SectionTitle, string DigestId, string DigestTitle, string? Date, string? Slug, string? Permalink, string GroupKey)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText =
                "SELECT e.rowid, e.id, e.title, e.bullets, e.section_key, COALESCE(s.title, e.section_key), d.id, d.title, d.date, d.slug, d.permalink, e.group_key " +
                "FROM entries e JOIN digests d ON d.rowid = e.digest_rowid " +
                "LEFT JOIN digest_sections s ON s.digest_rowid = e.digest_rowid AND s.ord = e.section_ord " +
                $"WHERE e.rowid IN ({ids})";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows[reader.GetInt64(0)] = (reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                    reader.GetString(6), reader.GetString(7), DigestReader.NullableString(reader, 8), DigestReader.NullableString(reader, 9),
                    DigestReader.NullableString(reader, 10), reader.GetString(11));
            }
        }

        var references = DigestReader.LoadReferences(connection,
            $"SELECT entry_rowid, label, title, url, canonical_url, kind, arxiv_id, doi FROM entry_refs WHERE entry_rowid IN ({ids}) ORDER BY entry_rowid, ord");
        var alsoIn = CitingEntries(connection, rows.Values.Select(r => r.GroupKey).Where(k => !k.StartsWith("entry:", StringComparison.Ordinal)));
        var results = new List<SearchResult>(page.Count);
        foreach (var (rowid, score) in page)
        {
            if (!rows.TryGetValue(rowid, out var row))
            {
                continue;
            }

            var refs = references.TryGetValue(rowid, out var list) ? list : [];
            var others = alsoIn.TryGetValue(row.GroupKey, out var citing)
                ? citing.Where(c => c.EntryId != row.Id).DistinctBy(c => c.EntryId).Select(c => c.AlsoIn).ToArray()
                : [];
            var url = refs.Count > 0 ? refs[0].CanonicalUrl : _publicUrl(row.Slug, row.Permalink);
            results.Add(new SearchResult(row.Id, row.Title, StoredJson.ReadFirstBullet(row.Bullets), row.SectionKey, row.DigestId, row.DigestTitle, row.Date,
                url, refs, others, score)
            {
                SectionTitle = row.SectionTitle,
            });
        }

        return results;
    }

    /// <summary>Every entry citing each reference key, newest digest first.</summary>
    public static Dictionary<string, List<(string EntryId, AlsoIn AlsoIn)>> CitingEntries(SqliteConnection connection, IEnumerable<string> refKeys)
    {
        var keys = refKeys.Distinct(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, List<(string, AlsoIn)>>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        using var command = connection.CreateCommand();
        var sql = new StringBuilder(
            "SELECT r.ref_key, e.id, e.title, d.id, d.title, d.date FROM entry_refs r " +
            "JOIN entries e ON e.rowid = r.entry_rowid JOIN digests d ON d.rowid = e.digest_rowid WHERE r.ref_key IN (");
        for (var k = 0; k < keys.Count; k++)
        {
            sql.Append(k == 0 ? "@k0" : ",@k" + k.ToString(CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("@k" + k.ToString(CultureInfo.InvariantCulture), keys[k]);
        }

        sql.Append(") ORDER BY d.date IS NULL, d.date DESC, d.id DESC, e.section_ord, e.ord");
        command.CommandText = sql.ToString();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = reader.GetString(0);
            if (!result.TryGetValue(key, out var list))
            {
                result[key] = list = [];
            }

            var entryId = reader.GetString(1);
            list.Add((entryId, new AlsoIn(entryId, reader.GetString(3), reader.GetString(4), DigestReader.NullableString(reader, 5), reader.GetString(2))));
        }

        return result;
    }

    /// <summary>The best-matching entry and its references, each with the entries of other digests citing it.</summary>
    public RefsResponse? Refs(SqliteConnection connection, string query)
    {
        var best = Search(connection, new SearchRequest(query, Limit: 1));
        if (best.Results.Count == 0)
        {
            return null;
        }

        var entry = best.Results[0];
        var keys = entry.References.Select(DigestWriter.RefKey).ToList();
        var citing = CitingEntries(connection, keys);
        var cited = new List<CitedReference>(entry.References.Count);
        for (var k = 0; k < entry.References.Count; k++)
        {
            var others = citing.TryGetValue(keys[k], out var list)
                ? list.Where(c => c.AlsoIn.DigestId != entry.DigestId).DistinctBy(c => c.EntryId).Select(c => c.AlsoIn).ToArray()
                : [];
            cited.Add(new CitedReference(entry.References[k], others));
        }

        return new RefsResponse(query, entry, cited);
    }

    /// <summary>Distinct entry titles for autocomplete: title matches first (newest digest first), else the newest titles.</summary>
    public static IReadOnlyList<string> SuggestTitles(SqliteConnection connection, string text, int limit)
    {
        limit = Math.Clamp(limit, 1, 100);
        var query = FtsQuery.Parse(text, prefixLast: true);
        using var command = connection.CreateCommand();
        if (query.IsEmpty)
        {
            command.CommandText =
                "SELECT e.title FROM entries e JOIN digests d ON d.rowid = e.digest_rowid " +
                "ORDER BY d.date IS NULL, d.date DESC, d.id DESC, e.section_ord, e.ord LIMIT @n";
            command.Parameters.AddWithValue("@n", limit * 4);
        }
        else
        {
            command.CommandText =
                "SELECT e.title FROM (SELECT rowid FROM entry_fts WHERE entry_fts MATCH @q ORDER BY rowid DESC LIMIT 400) m " +
                "JOIN entries e ON e.rowid = m.rowid ORDER BY m.rowid DESC";
            command.Parameters.AddWithValue("@q", query.TitleAll);
        }

        var titles = new List<string>(limit);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var reader = command.ExecuteReader();
        while (reader.Read() && titles.Count < limit)
        {
            var title = reader.GetString(0);
            if (title.Length > 0 && seen.Add(title))
            {
                titles.Add(title);
            }
        }

        return titles;
    }
}
