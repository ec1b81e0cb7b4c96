using System.Globalization;
using Bot.Digests.Model;
using Microsoft.Data.Sqlite;

namespace Bot.Library.Storage;

/// <summary>Reads stored digests back into the model.</summary>
internal static class DigestReader
{
    public static Digest? Load(SqliteConnection connection, string digestId)
    {
        long rowid;
        Digest header;
        using (var command = connection.CreateCommand())
        {
            command.CommandText =
                "SELECT rowid, id, title, date, format, tags, categories, author, description, summary, slug, permalink, warnings FROM digests WHERE id = @id";
            command.Parameters.AddWithValue("@id", digestId);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            rowid = reader.GetInt64(0);
            header = new Digest(
                reader.GetString(1),
                reader.GetString(2),
                ParseDate(reader.IsDBNull(3) ? null : reader.GetString(3)),
                (DigestFormat)reader.GetInt32(4),
                StoredJson.ReadStrings(reader.GetString(5)),
                StoredJson.ReadStrings(reader.GetString(6)),
                NullableString(reader, 7),
                NullableString(reader, 8),
                NullableString(reader, 9),
                NullableString(reader, 10),
                NullableString(reader, 11),
                [],
                StoredJson.ReadWarnings(reader.GetString(12)));
        }

        var sections = new List<(string Key, string Title, List<Entry> Entries)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT key, title FROM digest_sections WHERE digest_rowid = @d ORDER BY ord";
            command.Parameters.AddWithValue("@d", rowid);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                sections.Add((reader.GetString(0), reader.GetString(1), []));
            }
        }

        var references = LoadReferences(connection, "SELECT r.entry_rowid, r.label, r.title, r.url, r.canonical_url, r.kind, r.arxiv_id, r.doi " +
            "FROM entry_refs r JOIN entries e ON e.rowid = r.entry_rowid WHERE e.digest_rowid = @d ORDER BY r.entry_rowid, r.ord", ("@d", rowid));
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT rowid, id, section_ord, title, line, bullets, images FROM entries WHERE digest_rowid = @d ORDER BY section_ord, ord";
            command.Parameters.AddWithValue("@d", rowid);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var sectionOrd = reader.GetInt32(2);
                if (sectionOrd < 0 || sectionOrd >= sections.Count)
                {
                    continue;
                }

                sections[sectionOrd].Entries.Add(new Entry(
                    reader.GetString(1),
                    reader.GetString(3),
                    StoredJson.ReadBullets(reader.GetString(5)),
                    StoredJson.ReadImages(reader.GetString(6)),
                    references.TryGetValue(reader.GetInt64(0), out var refs) ? refs : [],
                    reader.GetInt32(4)));
            }
        }

        return header with { Sections = sections.Select(s => new Section(s.Key, s.Title, s.Entries)).ToArray() };
    }

    /// <summary>References per entry row id, in the author's order.</summary>
    public static Dictionary<long, List<Reference>> LoadReferences(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var result = new Dictionary<long, List<Reference>>();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var entry = reader.GetInt64(0);
            if (!result.TryGetValue(entry, out var list))
            {
                result[entry] = list = [];
            }

            list.Add(new Reference(
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                (ReferenceKind)reader.GetInt32(5),
                NullableString(reader, 6),
                NullableString(reader, 7)));
        }

        return result;
    }

    public static List<(string Id, string Title, DateOnly? Date, string? Slug, string? Permalink, int EntryCount)> List(SqliteConnection connection)
    {
        var result = new List<(string, string, DateOnly?, string?, string?, int)>();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT d.id, d.title, d.date, d.slug, d.permalink, (SELECT COUNT(*) FROM entries e WHERE e.digest_rowid = d.rowid) " +
            "FROM digests d ORDER BY d.date IS NULL, d.date DESC, d.id DESC";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add((reader.GetString(0), reader.GetString(1), ParseDate(NullableString(reader, 2)), NullableString(reader, 3), NullableString(reader, 4), reader.GetInt32(5)));
        }

        return result;
    }

    public static DateOnly? ParseDate(string? text)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
