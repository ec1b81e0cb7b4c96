using Bot.Library;

namespace Bot.Core.Commands;

/// <summary>
/// The section keys of the newest stored digests, for platform adapters (command choices) that must not read the Library.
/// </summary>
public sealed class SectionKeyCatalog
{
    private readonly DigestLibrary _library;

    /// <summary>Creates the catalogue over the library.</summary>
    public SectionKeyCatalog(DigestLibrary library)
    {
        _library = library;
    }

    /// <summary>The section keys of each of the <paramref name="digests"/> newest digests, newest first, in each digest's order.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> NewestAsync(int digests, CancellationToken ct = default)
    {
        var result = new List<IReadOnlyList<string>>();
        foreach (var summary in (await _library.ListDigestsAsync(ct).ConfigureAwait(false)).Take(digests))
        {
            var digest = await _library.GetDigestAsync(summary.Id, ct).ConfigureAwait(false);
            result.Add(digest?.Sections.Select(s => s.Key).ToList() ?? []);
        }

        return result;
    }
}
