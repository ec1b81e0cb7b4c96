using Microsoft.Data.Sqlite;

namespace Bot.Library.Search;

/// <summary>
/// Figures FTS5 already keeps, read without a doclist scan: the row count and average column lengths
/// (the "averages" record, id 1 of <c>%_data</c>) and per-row column lengths (<c>%_docsize</c>).
/// Both are SQLite varints.
/// </summary>
internal static class FtsStats
{
    /// <summary>Rows in <paramref name="table"/> and the average token count of each column (1 when empty).</summary>
    public static (long Rows, double[] AverageLength) Averages(SqliteConnection connection, string table, int columns)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT block FROM {table}_data WHERE id = 1";
        var averages = new double[columns];
        Array.Fill(averages, 1.0);
        if (command.ExecuteScalar() is not byte[] block)
        {
            return (0, averages);
        }

        var values = Varints(block, columns + 1);
        var rows = values.Count > 0 ? values[0] : 0;
        for (var c = 0; c < columns && c + 1 < values.Count; c++)
        {
            averages[c] = rows > 0 ? Math.Max(1.0, (double)values[c + 1] / rows) : 1.0;
        }

        return (rows, averages);
    }

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

    /// <summary>Decodes up to <paramref name="max"/> SQLite varints (big-endian, 7 bits a byte, a 9th byte of 8 bits).</summary>
    public static List<long> Varints(ReadOnlySpan<byte> data, int max)
    {
        var values = new List<long>(max);
        var i = 0;
        while (i < data.Length && values.Count < max)
        {
            long value = 0;
            var k = 0;
            for (; k < 8 && i < data.Length; k++)
            {
                var b = data[i++];
                value = (value << 7) | (long)(b & 0x7F);
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            if (k == 8 && i < data.Length)
            {
                value = (value << 8) | data[i++];
            }

            values.Add(value);
        }

        return values;
    }
}
