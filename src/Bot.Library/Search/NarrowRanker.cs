using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Bot.Library.Search;

/// <summary>
/// Ranking for few matches (at most <see cref="SearchEngine.ExactLimit"/>; each holds every term): title hits
/// first, then by score, ties to the newer entry; exact grouped total. The score is FTS5's BM25 (title weighted
/// above references above bullets) when that is cheap, i.e. when no query token is in more than
/// <see cref="CheapDf"/> entries: bm25() reads the whole doclist of every phrase for its IDF, which costs
/// milliseconds for common Korean bigrams. Otherwise <see cref="TitleScorer"/> ranks in C#.
/// </summary>
internal static class NarrowRanker
{
    /// <summary>bm25() is used when every query token is in at most this many entries (its IDF scan is then cheap).</summary>
    public const int CheapDf = 2_000;

    private const double TitleWeight = 4.0;
    private const double BodyWeight = 1.0;
    private const double RefsWeight = 1.5;

    /// <summary>One page of the matches <paramref name="rowids"/> of <paramref name="match"/> (title hits: <paramref name="titleMatch"/>), and their grouped total.</summary>
    public static (int Total, List<(long Rowid, double Score)> Page) Rank(
        MatchCache.View view, SqliteConnection connection, FtsQuery query, string match, string titleMatch, List<long> rowids, int offset, int limit)
    {
        var cheap = IsBm25Cheap(view, query);
        SearchEngine.Step("n.cheap?");
        var rows = cheap ? ScoreWithBm25(connection, match) : ScoreInCSharp(view, connection, query, titleMatch, rowids);
        SearchEngine.Step(cheap ? "n.bm25" : "n.csharp");
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var page = new List<(long, double)>(limit);
        foreach (var m in rows.OrderBy(m => m.TitleHit ? 0 : 1).ThenByDescending(m => m.Score).ThenByDescending(m => m.Rowid))
        {
            if (groups.Add(m.Group) && groups.Count - 1 >= offset && page.Count < limit)
            {
                page.Add((m.Rowid, m.Score + (m.TitleHit ? SearchEngine.TitleBonus : 0)));
            }
        }

        return (groups.Count, page);
    }

    /// <summary>True when no token of the query is in more than <see cref="CheapDf"/> entries (each counted only that far).</summary>
    private static bool IsBm25Cheap(MatchCache.View view, FtsQuery query)
    {
        if (query.Parts.Any(p => p.Kind == QueryTermKind.Prefix))
        {
            return false;
        }

        foreach (var token in query.Parts.SelectMany(p => p.Tokens).Distinct(StringComparer.Ordinal))
        {
            if (view.CountUpTo(FtsStats.EntryIndex, "\"" + token.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", CheapDf + 1) > CheapDf)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>BM25 over all columns (weighted) decides the order; a title hit is a match whose title-only BM25 is non-zero.</summary>
    private static List<(long Rowid, string Group, bool TitleHit, double Score)> ScoreWithBm25(SqliteConnection connection, string match)
    {
        using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            SELECT m.rowid, e.group_key, m.r, m.tr
            FROM (SELECT rowid, bm25(entry_fts, {TitleWeight:0.0}, {BodyWeight:0.0}, {RefsWeight:0.0}, 0.0) AS r, bm25(entry_fts, 1.0, 0.0, 0.0, 0.0) AS tr
                  FROM entry_fts WHERE entry_fts MATCH @q LIMIT {SearchEngine.ExactLimit + 1}) AS m
            JOIN entries e ON e.rowid = m.rowid
            """);
        command.Parameters.AddWithValue("@q", match);
        var rows = new List<(long, string, bool, double)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            // bm25() is negative, lower is better.
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetDouble(3) < 0, Math.Round(-reader.GetDouble(2), 4)));
        }

        return rows;
    }

    /// <summary>
    /// Scores each match from its segmented title, without reading any doclist. With one term, the title hits are
    /// found in title_fts (short doclists) and only their titles are segmented; otherwise every title is.
    /// </summary>
    private static List<(long Rowid, string Group, bool TitleHit, double Score)> ScoreInCSharp(
        MatchCache.View view, SqliteConnection connection, FtsQuery query, string titleMatch, List<long> rowids)
    {
        var scorer = new TitleScorer(view, query);
        var titleHits = query.Parts.Count == 1 ? view.Rowids(FtsStats.TitleIndex, titleMatch, SearchEngine.ExactLimit + 1).ToHashSet() : null;
        SearchEngine.Step("n.titlehits");
        var rows = new List<(long, string, bool, double)>(rowids.Count);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT e.rowid, e.group_key, e.title FROM json_each(@ids) j JOIN entries e ON e.rowid = j.value";
        command.Parameters.AddWithValue("@ids", FtsStats.JsonIds(rowids));
        using var reader = command.ExecuteReader();
        SearchEngine.Step("n.exec");
        while (reader.Read())
        {
            var rowid = reader.GetInt64(0);
            var (titleHit, score) = titleHits is null || titleHits.Contains(rowid)
                ? scorer.Score(reader.GetString(2), holdsEveryTerm: true)
                : (false, TitleScorer.NoTitleScore);
            rows.Add((rowid, reader.GetString(1), titleHit, Math.Round(score, 4)));
        }

        return rows;
    }
}
