using System.Globalization;
using System.Text;
using Bot.Digests;
using Microsoft.Data.Sqlite;

namespace Bot.Library;

/// <summary>
/// Ranked, grouped search over the FTS index. Order: entries whose title holds every query term first,
/// then BM25 (title weighted above references above bullets), ties to the newer digest. Entries whose
/// primary reference is the same work are one result; the others are listed in <see cref="SearchResult.AlsoIn"/>.
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
        var offset = Math.Max(0, request.Offset);
        if (query.IsEmpty)
        {
            return new SearchResponse(request.Query ?? string.Empty, 0, []);
        }

        var (total, page) = Rank(connection, query.All, query.TitleAll, request, offset, limit);
        if (total == 0 && query.Terms.Count > 1)
        {
            // Nothing holds every word: fall back to any word, still ranked by BM25.
            (total, page) = Rank(connection, query.Any, query.TitleAny, request, offset, limit);
        }

        return new SearchResponse(request.Query ?? string.Empty, total, Materialize(connection, page));
    }

    /// <summary>Total groups and the page of (entry rowid, score).</summary>
    private static (int Total, List<(long Rowid, double Score)> Page) Rank(
        SqliteConnection connection, string match, string titleMatch, SearchRequest request, int offset, int limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            SELECT m.rowid, e.group_key, m.r, m.rowid IN (SELECT rowid FROM entry_fts WHERE entry_fts MATCH @t) AS th
            FROM (SELECT rowid, bm25(entry_fts, {TitleWeight:0.0}, {BodyWeight:0.0}, {RefsWeight:0.0}) AS r FROM entry_fts WHERE entry_fts MATCH @q) AS m
            JOIN entries e ON e.rowid = m.rowid
            JOIN digests d ON d.rowid = e.digest_rowid
            WHERE (@section IS NULL OR e.section_key = @section) AND (@papers = 0 OR e.is_paper = 1)
            ORDER BY th DESC, round(m.r, 4), d.date IS NULL, d.date DESC, e.rowid DESC
            """);
        command.Parameters.AddWithValue("@q", match);
        command.Parameters.AddWithValue("@t", titleMatch);
        command.Parameters.AddWithValue("@section", (object?)NormalizeSection(request.Section) ?? DBNull.Value);
        command.Parameters.AddWithValue("@papers", request.PapersOnly ? 1 : 0);
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var page = new List<(long, double)>(limit);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!groups.Add(reader.GetString(1)))
            {
                continue;
            }

            var position = groups.Count - 1;
            if (position >= offset && page.Count < limit)
            {
                var score = -reader.GetDouble(2) + (reader.GetInt64(3) != 0 ? TitleBonus : 0);
                page.Add((reader.GetInt64(0), Math.Round(score, 4)));
            }
        }

        return (groups.Count, page);
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
        var query = FtsQuery.Parse(text);
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
                "SELECT e.title FROM (SELECT rowid, rank FROM entry_fts WHERE entry_fts MATCH @q ORDER BY rank LIMIT 500) m " +
                "JOIN entries e ON e.rowid = m.rowid JOIN digests d ON d.rowid = e.digest_rowid " +
                "ORDER BY round(m.rank, 4), d.date IS NULL, d.date DESC, e.rowid DESC";
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
