using System.Text;
using Bot.Digests.Model;
using Bot.Library.Search;

namespace Bot.Library.Storage;

/// <summary>
/// What the writer stores for one entry apart from plain fields: the JSON columns and the three FTS column
/// texts. Computed off the writer thread (in parallel, while files are read and parsed), because segmentation
/// is a third of the per-entry write cost and SQLite allows only one writer.
/// </summary>
internal sealed record EntryRows(string Bullets, string Images, string Title, string Body, string Refs)
{
    public static EntryRows For(Entry entry)
    {
        var body = new StringBuilder(512);
        var refs = new StringBuilder(256);
        var extras = new List<string>();
        foreach (var bullet in entry.Bullets)
        {
            SearchText.Append(body, bullet.Text, extras);
        }

        foreach (var image in entry.Images)
        {
            SearchText.Append(body, image.Caption, extras);
        }

        AppendExtras(body, extras);
        foreach (var reference in entry.References)
        {
            SearchText.Append(refs, reference.Title, extras);
            SearchText.Append(refs, reference.Url, null);
            if (!string.Equals(reference.CanonicalUrl, reference.Url, StringComparison.Ordinal))
            {
                SearchText.Append(refs, reference.CanonicalUrl, null);
            }

            SearchText.Append(refs, reference.ArxivId, null);
            SearchText.Append(refs, reference.Doi, null);
        }

        AppendExtras(refs, extras);
        return new EntryRows(StoredJson.Bullets(entry.Bullets), StoredJson.Images(entry.Images), TitleTokens(entry.Title), body.ToString(), refs.ToString());
    }

    /// <summary>The index tokens of a title (its words, then camelCase parts and joined hyphen compounds), as stored in both FTS indexes.</summary>
    public static string TitleTokens(string? title)
    {
        var sb = new StringBuilder(64);
        var extras = new List<string>();
        SearchText.Append(sb, title, extras);
        AppendExtras(sb, extras);
        return sb.ToString();
    }

    /// <summary>Rows for every entry of a digest, by entry id (the first of a duplicated id wins; the writer rejects duplicates anyway).</summary>
    public static Dictionary<string, EntryRows> For(Digest digest)
    {
        var rows = new Dictionary<string, EntryRows>(StringComparer.Ordinal);
        foreach (var entry in digest.Entries)
        {
            if (entry.Id is not null)
            {
                rows.TryAdd(entry.Id, For(entry));
            }
        }

        return rows;
    }

    // Extra tokens go after the column's own tokens so that phrases over the real text stay contiguous.
    private static void AppendExtras(StringBuilder sb, List<string> extras)
    {
        foreach (var extra in extras)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(extra);
        }

        extras.Clear();
    }
}
