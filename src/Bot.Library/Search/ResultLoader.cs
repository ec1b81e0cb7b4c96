using System.Globalization;
using System.Text;
using Bot.Library.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Library.Search;

/// <summary>Loads what a page of ranked row ids shows: entry fields, digest, references and the other entries citing the same work (alsoIn).</summary>
internal sealed class ResultLoader
{
    private readonly Func<string?, string?, string?> _publicUrl;

    public ResultLoader(Func<string?, string?, string?> publicUrl)
    {
        _publicUrl = publicUrl;
    }

    /// <summary>Full results for the given entry row ids, in the given order.</summary>
    public List<SearchResult> Load(SqliteConnection connection, IReadOnlyList<(long Rowid, double Score)> page)
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
            var url = refs.Count > 0 ? Bot.Digests.References.ReferenceDisplayUrls.ForReader(refs[0].Url) : _publicUrl(row.Slug, row.Permalink);
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
}
