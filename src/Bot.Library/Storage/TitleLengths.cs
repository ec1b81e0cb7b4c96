using Microsoft.Data.Sqlite;

namespace Bot.Library.Storage;

/// <summary>
/// A title's length in tokens exactly as title_fts's tokenizer counts it, for the figures kept beside the index
/// (<c>title_lengths</c>, <c>search_generation</c>). The indexed text is our own segmentation: words separated by single
/// spaces. When every character of it is one that unicode61 takes as a token character in any Unicode version (ASCII
/// letters and digits, Latin letters, kana, Hangul syllables, CJK ideographs), FTS5 sees exactly those words and they are
/// counted here. Any other title is counted by FTS5 itself: indexed into a scratch FTS5 table with the same tokenizer and
/// read back through fts5vocab (both documented), in the writer's transaction.
/// </summary>
internal static class TitleLengths
{
    /// <summary>title_fts's tokenizer (migration 0004).</summary>
    public const string Tokenizer = "unicode61 remove_diacritics 2";

    /// <summary>The token count of <paramref name="text"/> when it holds only plain characters, else null.</summary>
    public static int? Plain(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                inWord = false;
                continue;
            }

            if (!IsPlain(c))
            {
                return null;
            }

            count += inWord ? 0 : 1;
            inWord = true;
        }

        return count;
    }

    /// <summary>Letters and digits that unicode61 has always taken as token characters (checked one by one in the tests).</summary>
    internal static bool IsPlain(char c)
        => char.IsAsciiLetterOrDigit(c)
        || (c is >= '\u00C0' and <= '\u024F' && char.IsLetter(c))
        || c is (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FA') or (>= '\uAC00' and <= '\uD7A3') or (>= '\u4E00' and <= '\u9FA5');

    /// <summary>Token counts of <paramref name="titles"/> (row id, indexed text) as FTS5 counts them, by row id.</summary>
    public static Dictionary<long, int> CountByFts5(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<(long Rowid, string Text)> titles)
    {
        var counts = titles.ToDictionary(t => t.Rowid, _ => 0);
        if (titles.Count == 0)
        {
            return counts;
        }

        Execute(connection, transaction,
            $"CREATE VIRTUAL TABLE IF NOT EXISTS temp.bot_title_count USING fts5 (title, content = '', tokenize = '{Tokenizer}');" +
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.bot_title_count_instances USING fts5vocab(temp, bot_title_count, instance);");
        using (var insert = Command(connection, transaction, "INSERT INTO temp.bot_title_count (rowid, title) VALUES (@r, @t)"))
        {
            var rowid = insert.Parameters.Add(new SqliteParameter("@r", null));
            var text = insert.Parameters.Add(new SqliteParameter("@t", null));
            foreach (var title in titles)
            {
                rowid.Value = title.Rowid;
                text.Value = title.Text;
                insert.ExecuteNonQuery();
            }
        }

        using (var read = Command(connection, transaction, "SELECT doc, COUNT(*) FROM temp.bot_title_count_instances GROUP BY doc"))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                counts[reader.GetInt64(0)] = reader.GetInt32(1);
            }
        }

        Execute(connection, transaction, "INSERT INTO temp.bot_title_count (bot_title_count) VALUES ('delete-all')");
        return counts;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
