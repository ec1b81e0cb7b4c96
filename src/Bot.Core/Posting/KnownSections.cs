using Bot.Library;

namespace Bot.Core.Posting;

/// <summary>
/// Section keys a subscription may name: a well-known list plus the keys of stored digests. It reads no source files:
/// at start the host checks subscriptions against it after the library's start-up ingest.
/// </summary>
public sealed class KnownSections
{
    /// <summary>Keys that digests commonly use, accepted even before any digest is stored.</summary>
    public static readonly IReadOnlyList<string> WellKnown =
    [
        "news", "papers", "research", "deep-learning", "llm", "mlops", "tools", "open-source", "industry", "policy",
        "events", "tutorials", "datasets", "community", "products", "releases", "agents", "multimodal", "vision", "robotics",
        "today-s-preview", "today-s-overview", "ai-viewpoint",
    ];

    private const int MaxStoredDigests = 50;
    private readonly DigestLibrary? _library;

    /// <summary>Creates the catalogue over the library (null: the well-known keys only).</summary>
    public KnownSections(DigestLibrary? library)
    {
        _library = library;
    }

    /// <summary>All known keys, sorted.</summary>
    public async Task<IReadOnlyList<string>> GetAsync(CancellationToken ct = default)
    {
        var keys = new SortedSet<string>(WellKnown, StringComparer.Ordinal);
        if (_library is not null)
        {
            try
            {
                foreach (var summary in (await _library.ListDigestsAsync(ct)).Take(MaxStoredDigests))
                {
                    if (await _library.GetDigestAsync(summary.Id, ct) is { } digest)
                    {
                        keys.UnionWith(digest.Sections.Select(s => s.Key));
                    }
                }
            }
            catch (Exception ex) when (ex is NotImplementedException or InvalidOperationException or IOException or System.Data.Common.DbException)
            {
                // The library may be empty or not yet migrated on a first start; the other sources still count.
            }
        }

        return keys.ToList();
    }

    /// <summary>The known key closest to <paramref name="key"/> (for "did you mean"), or null.</summary>
    public static string? Closest(string key, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(key);
        return known.Select(k => (Key: k, Distance: Distance(key, k)))
            .Where(p => p.Distance <= Math.Max(2, key.Length / 3) || p.Key.StartsWith(key, StringComparison.Ordinal))
            .OrderBy(p => p.Distance).Select(p => p.Key).FirstOrDefault();
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
