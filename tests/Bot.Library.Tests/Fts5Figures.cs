using Bot.Library.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Library.Tests;

/// <summary>
/// FTS5's own title figures, read through documented SQL only: a full scan of title_fts (a contentless table still lists
/// its row ids) and fts5vocab's 'instance' table (one row per token of every row). The oracle for the figures the writer
/// keeps in title_lengths and search_generation.
/// </summary>
internal static class Fts5Figures
{
    /// <summary>Every title_fts row id with its title length in tokens, as FTS5 counts it.</summary>
    public static Dictionary<long, long> TitleLengths(SqliteConnection connection)
    {
        var lengths = new Dictionary<long, long>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM title_fts";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                lengths[reader.GetInt64(0)] = 0;
            }
        }

        command.CommandText =
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.oracle_title_instances USING fts5vocab(main, title_fts, instance);" +
            "SELECT doc, COUNT(*) FROM temp.oracle_title_instances WHERE col = 'title' GROUP BY doc";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                lengths[reader.GetInt64(0)] = reader.GetInt64(1);
            }
        }

        return lengths;
    }

    /// <summary>Asserts that title_lengths and search_generation's totals are FTS5's own figures.</summary>
    public static void AssertKept(BotDatabase database)
    {
        using var connection = database.Open();
        var expected = TitleLengths(connection);
        var kept = new Dictionary<long, long>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid, tokens FROM title_lengths";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                kept[reader.GetInt64(0)] = reader.GetInt64(1);
            }
        }

        Assert.Equal(expected.OrderBy(p => p.Key), kept.OrderBy(p => p.Key));
        command.CommandText = "SELECT titles, title_tokens FROM search_generation WHERE id = 1";
        using var totals = command.ExecuteReader();
        Assert.True(totals.Read());
        Assert.Equal(expected.Count, totals.GetInt64(0));
        Assert.Equal(expected.Values.Sum(), totals.GetInt64(1));
    }
}
