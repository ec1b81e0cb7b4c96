using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Bot.Library;

/// <summary>Expands sources into items and reads them: files from disk, URLs with conditional GET.</summary>
internal sealed class SourceReader
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private readonly Func<HttpClient> _http;

    public SourceReader(Func<HttpClient> http)
    {
        _http = http;
    }

    /// <summary>A thing to ingest: a file path or an http(s) URL, or a source that could not be expanded.</summary>
    public sealed record Item(string Source, bool IsUrl, string? Error = null);

    /// <summary>What reading an item gave: its text and file name, or "not modified", or an error.</summary>
    public sealed record Content(string? Text, string FileName, bool NotModified, string? ETag, string? LastModified, string? Error);

    /// <summary>Folders expand to their *.md and *.markdown files (recursively, sorted); files and URLs stay as they are.</summary>
    public static List<Item> Expand(IEnumerable<string> sources)
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
                foreach (var file in EnumerateMarkdown(source))
                {
                    if (seen.Add(file))
                    {
                        items.Add(new Item(file, false));
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

    public static IEnumerable<string> EnumerateMarkdown(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        return Directory.EnumerateFiles(Path.GetFullPath(folder), "*", options)
            .Where(IsMarkdown)
            .OrderBy(f => f, StringComparer.Ordinal);
    }

    public static bool IsMarkdown(string path)
        => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    public static async Task<Content> ReadFileAsync(string path, CancellationToken ct)
    {
        try
        {
            var bytes = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
            return new Content(Decode(bytes), Path.GetFileName(path), false, null, null, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            return new Content(null, Path.GetFileName(path), false, null, null, $"could not read '{path}': {ex.Message}");
        }
    }

    /// <summary>GETs <paramref name="url"/>, sending the stored ETag / Last-Modified when the digest is still stored.</summary>
    public async Task<Content> ReadUrlAsync(string url, (string? ETag, string? LastModified)? previous, CancellationToken ct)
    {
        var fileName = FileNameOf(url);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("text/markdown, text/plain;q=0.9, */*;q=0.5");
            if (previous is { } p)
            {
                if (!string.IsNullOrEmpty(p.ETag) && EntityTagHeaderValue.TryParse(p.ETag, out var etag))
                {
                    request.Headers.IfNoneMatch.Add(etag);
                }

                if (!string.IsNullOrEmpty(p.LastModified)
                    && DateTimeOffset.TryParse(p.LastModified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
                {
                    request.Headers.IfModifiedSince = since;
                }
            }

            using var response = await _http().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new Content(null, fileName, true, null, null, null);
            }

            if (!response.IsSuccessStatusCode)
            {
                return new Content(null, fileName, false, null, null, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {Redact(url)}");
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            var lastModified = response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture);
            return new Content(Decode(bytes), fileName, false, response.Headers.ETag?.ToString(), lastModified, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or IOException && !ct.IsCancellationRequested)
        {
            return new Content(null, fileName, false, null, null, $"could not fetch {Redact(url)}: {ex.Message}");
        }
    }

    public static (string? ETag, string? LastModified)? StoredValidators(SqliteConnection connection, string url)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT u.etag, u.last_modified FROM url_sources u JOIN digests d ON d.id = u.digest_id AND d.content_hash = u.content_hash WHERE u.url = @u";
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

    private static string FileNameOf(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var last = uri.AbsolutePath.TrimEnd('/').Split('/')[^1];
            var name = Uri.UnescapeDataString(last);
            if (name.Length > 0)
            {
                return name;
            }
        }

        return "digest.md";
    }

    private static string Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            span = span[3..];
        }

        return Utf8.GetString(span);
    }
}
