using Bot.Digests.Model;
using Bot.Library.Sources;
using Bot.Library.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Library.Ingestion;

/// <summary>One source (a file, a URL, or one item of a feed) read and parsed, waiting for the single writer.</summary>
internal sealed record PreparedSource(SourceReader.Item Item, SourceReader.Content? Content, Digest? Digest, string? Hash, string? Error)
{
    public Dictionary<string, EntryRows>? Rows { get; init; }

    /// <summary>What the source turned out to be (<see cref="SourceKinds"/>).</summary>
    public string? Kind { get; init; }

    /// <summary>Nothing to store (not due yet, a 304, an unchanged feed); <see cref="DigestId"/> names the stored digest, if any.</summary>
    public bool Unchanged { get; init; }

    public string? DigestId { get; init; }

    /// <summary>Warnings about the source itself (skipped items, a feed cut short), reported with its result.</summary>
    public IReadOnlyList<ParseWarning> SourceWarnings { get; init; } = [];

    /// <summary>Runs once the outcome is known and stored: records feed and poll state only for what really happened.</summary>
    public Action<SqliteConnection, IngestFileResult>? AfterStore { get; init; }
}
