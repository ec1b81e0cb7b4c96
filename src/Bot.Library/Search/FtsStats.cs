using Microsoft.Data.Sqlite;

namespace Bot.Library.Search;

/// <summary>The two full-text indexes, matched through FTS5's documented SQL only.</summary>
internal static class FtsStats
{
    /// <summary>The full-text index over every searched column.</summary>
    public const string EntryIndex = "entry_fts";

    /// <summary>The titles-only index.</summary>
    public const string TitleIndex = "title_fts";

    /// <summary>Row ids matching <paramref name="match"/> in <paramref name="index"/> (<see cref="EntryIndex"/> or <see cref="TitleIndex"/>), at most <paramref name="max"/>: FTS5 stops early.</summary>
    public static List<long> MatchRowids(SqliteConnection connection, string index, string match, int max)
    {
        if (index is not (EntryIndex or TitleIndex))
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "Not a full-text index of the library.");
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT rowid FROM {index} WHERE {index} MATCH @q LIMIT @max";
        command.Parameters.AddWithValue("@q", match);
        command.Parameters.AddWithValue("@max", max);
        var rowids = new List<long>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rowids.Add(reader.GetInt64(0));
        }

        return rowids;
    }

    /// <summary>
    /// Row ids as a JSON array, for <c>json_each(@ids)</c>: a long <c>IN (…)</c> list of literals costs more to
    /// prepare (each search has new ids) than the lookups themselves.
    /// </summary>
    public static string JsonIds(IEnumerable<long> rowids)
        => "[" + string.Join(",", rowids.Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
}
