using System.Text.Json;
using Bot.Library.Ingestion;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Bot.Library.Cluster;

/// <summary>
/// A followed URL's poll state in this host's staging <c>bot.db</c> (<c>web_sources</c>, <c>url_sources</c>,
/// <c>feed_items</c>) as one JSON document, so that the cluster keeps it and the next poller, whichever host it is,
/// starts from it: the same validators, the same items already read, the same backoff.
/// </summary>
internal static class SourceStateSnapshot
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The URL's rows as saved after a poll.</summary>
    public static string Export(SqliteConnection connection, string url)
    {
        using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("@u", url);
        Poll? poll = null;
        command.CommandText = "SELECT kind, etag, last_modified, next_poll_at, failures, last_error, checked_at FROM web_sources WHERE url = @u";
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read())
            {
                poll = new Poll(reader.GetString(0), Text(reader, 1), Text(reader, 2), Text(reader, 3), reader.GetInt32(4), Text(reader, 5), reader.GetString(6));
            }
        }

        Page? page = null;
        command.CommandText = "SELECT etag, last_modified, digest_id, content_hash, checked_at FROM url_sources WHERE url = @u";
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read())
            {
                page = new Page(Text(reader, 0), Text(reader, 1), Text(reader, 2), Text(reader, 3), reader.GetString(4));
            }
        }

        var items = new List<Item>();
        command.CommandText = "SELECT item_id, link, published, updated, content_hash, digest_id, page_etag, page_last_modified, seen_at FROM feed_items WHERE feed_url = @u ORDER BY item_id";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                items.Add(new Item(reader.GetString(0), Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5), Text(reader, 6), Text(reader, 7), reader.GetString(8)));
            }
        }

        return JsonSerializer.Serialize(new State(poll, page, items), Json);
    }

    /// <summary>
    /// Replaces this host's rows for the URL with the cluster's (none when <paramref name="json"/> is null). A validator is
    /// kept only when <paramref name="clusterHolds"/> (digest id, content hash) says the cluster holds what it was read
    /// into: a 304 must never stand for a digest the cluster lacks. A wait is kept only after failures (backoff,
    /// Retry-After); the regular interval is the cluster's <c>library_sources</c> due time, which brought this host here.
    /// </summary>
    public static void Import(SqliteConnection connection, string url, string? json, Func<string, string, bool> clusterHolds, ILogger logger)
    {
        State? state = null;
        try
        {
            state = json is null ? null : JsonSerializer.Deserialize<State>(json, Json);
        }
        catch (JsonException ex)
        {
            // Costs one full read of the source, nothing more.
            logger.LogWarning("The cluster's poll state of {Source} is unreadable ({Error}); it is read in full", SourceReader.Redact(url), ex.Message);
        }

        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("@u", url);
        command.CommandText = "DELETE FROM web_sources WHERE url = @u; DELETE FROM url_sources WHERE url = @u; DELETE FROM feed_items WHERE feed_url = @u";
        command.ExecuteNonQuery();
        if (state?.Poll is { } poll)
        {
            Insert(command, "INSERT INTO web_sources (url, kind, etag, last_modified, next_poll_at, failures, last_error, checked_at) VALUES (@u, @a, @b, @c, @d, @e, @f, @g)",
                poll.Kind, poll.ETag, poll.LastModified, poll.Failures > 0 ? poll.NextPollAt : null, poll.Failures, poll.LastError, poll.CheckedAt);
        }

        if (state?.Page is { } page && Holds(clusterHolds, page.DigestId, page.ContentHash))
        {
            Insert(command, "INSERT INTO url_sources (url, etag, last_modified, digest_id, content_hash, checked_at) VALUES (@u, @a, @b, @c, @d, @e)",
                page.ETag, page.LastModified, page.DigestId, page.ContentHash, page.CheckedAt);
        }

        foreach (var item in state?.Items ?? [])
        {
            // An item whose digest the cluster lacks is kept as seen, but without what would let it be skipped or 304'd.
            var held = Holds(clusterHolds, item.DigestId, item.ContentHash);
            Insert(command, "INSERT INTO feed_items (feed_url, item_id, link, published, updated, content_hash, digest_id, page_etag, page_last_modified, seen_at) VALUES (@u, @a, @b, @c, @d, @e, @f, @g, @h, @i)",
                item.Id, item.Link, item.Published, item.Updated, held ? item.ContentHash : null, held ? item.DigestId : null,
                held ? item.PageETag : null, held ? item.PageLastModified : null, item.SeenAt);
        }

        transaction.Commit();
    }

    private static bool Holds(Func<string, string, bool> clusterHolds, string? digestId, string? hash)
        => digestId is not null && hash is not null && clusterHolds(digestId, hash);

    private static void Insert(SqliteCommand delete, string sql, params object?[] values)
    {
        using var command = delete.Connection!.CreateCommand();
        command.Transaction = delete.Transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("@u", delete.Parameters["@u"].Value);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("@" + (char)('a' + i), values[i] ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private sealed record State(Poll? Poll, Page? Page, List<Item> Items);

    private sealed record Poll(string Kind, string? ETag, string? LastModified, string? NextPollAt, int Failures, string? LastError, string CheckedAt);

    private sealed record Page(string? ETag, string? LastModified, string? DigestId, string? ContentHash, string CheckedAt);

    private sealed record Item(string Id, string? Link, string? Published, string? Updated, string? ContentHash, string? DigestId, string? PageETag, string? PageLastModified, string SeenAt);
}
