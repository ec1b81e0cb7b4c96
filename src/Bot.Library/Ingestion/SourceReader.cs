using System.Globalization;
using Bot.Library.Cluster;
using Bot.Library.Sources;
using Bot.Library.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Library.Ingestion;

/// <summary>Expands sources into items and reads files from disk; URLs are read by <see cref="WebSourceReader"/>.</summary>
internal static class SourceReader
{
    /// <summary>A thing to ingest: a file path or an http(s) URL, or a source that could not be expanded.</summary>
    public sealed record Item(string Source, bool IsUrl, string? Error = null)
    {
        /// <summary>Why a folder entry was left out (a link loop, an outward link, a FIFO…); reported as a warning.</summary>
        public string? Skip { get; init; }
    }

    /// <summary>What reading an item gave: its text and file name, or "not modified", or an error.</summary>
    public sealed record Content(string? Text, string FileName, bool NotModified, string? ETag, string? LastModified, string? Error)
    {
        /// <summary>Left unread on purpose (over the size cap): a skipped entry with a warning, not a failure.</summary>
        public bool Skipped { get; init; }
    }

    /// <summary>Folders expand to their *.md and *.markdown files (recursively, sorted); files and URLs stay as they are.</summary>
    public static List<Item> Expand(IEnumerable<string> sources, bool followLinksOutside = false)
    {
        var items = new List<Item>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in sources)
        {
            var source = raw?.Trim() ?? string.Empty;
            if (source.Length == 0)
            {
                continue;
            }

            if (IsHttpUrl(source))
            {
                if (seen.Add(source))
                {
                    items.Add(new Item(source, true));
                }
            }
            else if (Directory.Exists(source))
            {
                foreach (var file in SourceFolder.Expand(source, followLinksOutside))
                {
                    if (seen.Add(file.Source))
                    {
                        items.Add(file);
                    }
                }
            }
            else if (File.Exists(source))
            {
                var full = Path.GetFullPath(source);
                if (seen.Add(full))
                {
                    items.Add(new Item(full, false));
                }
            }
            else
            {
                items.Add(new Item(source, false, Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile
                    ? $"unsupported source '{source}': only folders, files and http(s) URLs"
                    : $"not found: '{source}'"));
            }
        }

        return items;
    }

    public static bool IsHttpUrl(string source)
        => Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public static bool IsMarkdown(string path)
        => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads a Markdown file with <c>parse</c>'s checks: bounded size, only a regular file with content, not binary,
    /// not an HTML page saved as .md, and decoded from its declared or detected charset (never stored garbled).
    /// </summary>
    public static async Task<Content> ReadFileAsync(string path, long maxBytes, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target)
            {
                info = target;
            }

            if (info.Length == 0)
            {
                return Fail(name, $"{path} is empty, or not a regular file (a FIFO, a device); skipped unread");
            }

            if (info.Length > maxBytes)
            {
                // Checked before reading: a hostile size costs a stat, not memory. The rest of the folder goes on.
                return Fail(name, string.Create(CultureInfo.InvariantCulture, $"skipped {path}: {info.Length:N0} bytes, over the {maxBytes:N0}-byte cap (Bot:Digests:MaxSourceBytes)")) with { Skipped = true };
            }

            var bytes = new byte[(int)info.Length];
            await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.Asynchronous))
            {
                var read = await stream.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, ct).ConfigureAwait(false);
                Array.Resize(ref bytes, read);
            }

            var (text, _, error) = TextDecoder.Decode(bytes, null);
            if (text is null)
            {
                return Fail(name, error == "binary data, not text" ? $"{path} is a binary file, not Markdown text" : $"{path} is {error}");
            }

            if (SourceKinds.LooksLikeHtml(text.AsSpan().TrimStart()))
            {
                return Fail(name, $"{path} is an HTML page, not Markdown; give its URL to ingest instead");
            }

            return new Content(text, name, false, null, null, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            return Fail(name, $"could not read '{path}': {ex.Message}");
        }
    }

    private static Content Fail(string name, string error) => new(null, name, false, null, null, error);

    /// <summary>
    /// The validators of a Markdown or page URL, only while its digest is stored as they read it. With
    /// <paramref name="checkedByCluster"/> that was checked against the cluster's library when its state was brought here
    /// (<see cref="SourceStateSnapshot"/>): a host staging for a cluster does not hold the digests another host read.
    /// </summary>
    public static (string? ETag, string? LastModified)? StoredValidators(SqliteConnection connection, string url, bool checkedByCluster = false)
    {
        using var command = connection.CreateCommand();
        command.CommandText = checkedByCluster
            ? "SELECT etag, last_modified FROM url_sources WHERE url = @u AND digest_id IS NOT NULL"
            : "SELECT u.etag, u.last_modified FROM url_sources u JOIN digests d ON d.id = u.digest_id AND d.content_hash = u.content_hash WHERE u.url = @u";
        command.Parameters.AddWithValue("@u", url);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (DigestReader.NullableString(reader, 0), DigestReader.NullableString(reader, 1)) : null;
    }

    public static string? StoredDigestId(SqliteConnection connection, string url)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT digest_id FROM url_sources WHERE url = @u";
        command.Parameters.AddWithValue("@u", url);
        return command.ExecuteScalar() as string;
    }

    public static void SaveValidators(SqliteConnection connection, SqliteTransaction transaction, string url, Content content, string digestId, string hash, DateTimeOffset now)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO url_sources (url, etag, last_modified, digest_id, content_hash, checked_at) VALUES (@u, @e, @l, @d, @h, @t) " +
            "ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, digest_id = excluded.digest_id, " +
            "content_hash = excluded.content_hash, checked_at = excluded.checked_at";
        command.Parameters.AddWithValue("@u", url);
        command.Parameters.AddWithValue("@e", (object?)content.ETag ?? DBNull.Value);
        command.Parameters.AddWithValue("@l", (object?)content.LastModified ?? DBNull.Value);
        command.Parameters.AddWithValue("@d", digestId);
        command.Parameters.AddWithValue("@h", hash);
        command.Parameters.AddWithValue("@t", now.ToString("O", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }

    /// <summary>The URL without its query string and user info, for messages and logs (query strings may carry tokens).</summary>
    public static string Redact(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return url;
        }

        var left = uri.GetLeftPart(UriPartial.Path);
        return uri.UserInfo.Length > 0 ? left.Replace(uri.UserInfo + "@", string.Empty, StringComparison.Ordinal) : left;
    }
}
