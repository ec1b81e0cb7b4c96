using System.Globalization;
using Bot.Library.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Library.Sources;

/// <summary>A followed URL's stored state (<c>web_sources</c>) and the feed items seen so far (<c>feed_items</c>).</summary>
internal sealed class WebSourceState
{
    public sealed record Item(string Id, string? Link, string? Updated, string? ContentHash, string? DigestId, string? PageETag, string? PageLastModified);

    public string Url { get; init; } = string.Empty;

    public string? Kind { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    public DateTimeOffset? NextPollAt { get; init; }

    public int Failures { get; init; }

    public Dictionary<string, Item> Items { get; } = new(StringComparer.Ordinal);

    public static WebSourceState Load(SqliteConnection connection, string url)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, etag, last_modified, next_poll_at, failures FROM web_sources WHERE url = @u";
        command.Parameters.AddWithValue("@u", url);
        WebSourceState state;
        using (var reader = command.ExecuteReader())
        {
            state = reader.Read()
                ? new WebSourceState
                {
                    Url = url,
                    Kind = DigestReader.NullableString(reader, 0),
                    ETag = DigestReader.NullableString(reader, 1),
                    LastModified = DigestReader.NullableString(reader, 2),
                    NextPollAt = DigestReader.NullableString(reader, 3) is { } next ? DateTimeOffset.Parse(next, CultureInfo.InvariantCulture) : null,
                    Failures = reader.GetInt32(4),
                }
                : new WebSourceState { Url = url };
        }

        command.CommandText = "SELECT item_id, link, updated, content_hash, digest_id, page_etag, page_last_modified FROM feed_items WHERE feed_url = @u";
        using var items = command.ExecuteReader();
        while (items.Read())
        {
            var item = new Item(items.GetString(0), DigestReader.NullableString(items, 1), DigestReader.NullableString(items, 2), DigestReader.NullableString(items, 3),
                DigestReader.NullableString(items, 4), DigestReader.NullableString(items, 5), DigestReader.NullableString(items, 6));
            state.Items[item.Id] = item;
        }

        return state;
    }

    /// <summary>Records a poll: validators (null keeps none, so the next poll reads the feed in full), the next due time and the failure count.</summary>
    public static void SavePoll(SqliteConnection connection, string url, string kind, string? etag, string? lastModified, DateTimeOffset next, int failures, string? error, DateTimeOffset now)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO web_sources (url, kind, etag, last_modified, next_poll_at, failures, last_error, checked_at) VALUES (@u, @k, @e, @l, @n, @f, @r, @t) " +
            "ON CONFLICT (url) DO UPDATE SET kind = excluded.kind, etag = excluded.etag, last_modified = excluded.last_modified, " +
            "next_poll_at = excluded.next_poll_at, failures = excluded.failures, last_error = excluded.last_error, checked_at = excluded.checked_at";
        command.Parameters.AddWithValue("@u", url);
        command.Parameters.AddWithValue("@k", kind);
        command.Parameters.AddWithValue("@e", (object?)etag ?? DBNull.Value);
        command.Parameters.AddWithValue("@l", (object?)lastModified ?? DBNull.Value);
        command.Parameters.AddWithValue("@n", next.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("@f", failures);
        command.Parameters.AddWithValue("@r", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("@t", now.ToString("O", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }

    public static void SaveItem(SqliteConnection connection, string feedUrl, FeedItem item, string? contentHash, string? digestId, string? pageETag, string? pageLastModified, DateTimeOffset now)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO feed_items (feed_url, item_id, link, published, updated, content_hash, digest_id, page_etag, page_last_modified, seen_at) " +
            "VALUES (@f, @i, @l, @p, @u, @h, @d, @e, @m, @t) ON CONFLICT (feed_url, item_id) DO UPDATE SET link = excluded.link, " +
            "published = excluded.published, updated = excluded.updated, content_hash = coalesce(excluded.content_hash, feed_items.content_hash), " +
            "digest_id = coalesce(excluded.digest_id, feed_items.digest_id), page_etag = coalesce(excluded.page_etag, feed_items.page_etag), " +
            "page_last_modified = coalesce(excluded.page_last_modified, feed_items.page_last_modified), seen_at = excluded.seen_at";
        command.Parameters.AddWithValue("@f", feedUrl);
        command.Parameters.AddWithValue("@i", item.Id);
        command.Parameters.AddWithValue("@l", (object?)item.Link ?? DBNull.Value);
        command.Parameters.AddWithValue("@p", (object?)Stamp(item.Published) ?? DBNull.Value);
        command.Parameters.AddWithValue("@u", (object?)Stamp(item.Updated) ?? DBNull.Value);
        command.Parameters.AddWithValue("@h", (object?)contentHash ?? DBNull.Value);
        command.Parameters.AddWithValue("@d", (object?)digestId ?? DBNull.Value);
        command.Parameters.AddWithValue("@e", (object?)pageETag ?? DBNull.Value);
        command.Parameters.AddWithValue("@m", (object?)pageLastModified ?? DBNull.Value);
        command.Parameters.AddWithValue("@t", now.ToString("O", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }

    public static string? Stamp(DateTimeOffset? date) => date?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>True when a digest with this id is stored (an item whose digest was deleted is read again).</summary>
    public static bool DigestExists(SqliteConnection connection, string? digestId)
    {
        if (digestId is null)
        {
            return false;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM digests WHERE id = @d";
        command.Parameters.AddWithValue("@d", digestId);
        return command.ExecuteScalar() is not null;
    }
}
