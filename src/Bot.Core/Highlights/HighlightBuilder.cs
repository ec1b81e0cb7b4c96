using Bot.Core.Replies;
using Bot.Digests.Model;
using Bot.Digests.References;
using Bot.Library;

namespace Bot.Core.Highlights;

/// <summary>
/// Builds a <see cref="SectionHighlight"/>: a section's first N entries in the author's order after keyword filters,
/// with "+K more" linking to the digest's public URL. Used by <c>/highlights</c>, the scheduler and <c>preview</c>.
/// </summary>
public sealed class HighlightBuilder
{
    private readonly DigestLibrary? _library;

    /// <summary>Creates a builder that takes public URLs from the library (<c>Bot:Digests:PublicUrl</c>).</summary>
    public HighlightBuilder(DigestLibrary library)
    {
        _library = library;
    }

    /// <summary>Builds the highlight of <paramref name="sectionKey"/>, or null when the digest has no such section.</summary>
    /// <param name="include">Keep only entries whose title or bullets contain one of these (case-insensitive); empty keeps all.</param>
    /// <param name="exclude">Drop entries whose title or bullets contain one of these.</param>
    public SectionHighlight? Build(Digest digest, string sectionKey, int entries, IEnumerable<string>? include = null, IEnumerable<string>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return Create(digest, _library?.PublicUrl(digest), sectionKey, entries, include, exclude);
    }

    /// <summary>Same as <see cref="Build"/>, with the digest's URL given.</summary>
    public static SectionHighlight? Create(Digest digest, string? digestUrl, string sectionKey, int entries, IEnumerable<string>? include = null, IEnumerable<string>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var section = SectionMatcher.Find(digest, sectionKey);
        if (section is null)
        {
            return null;
        }

        var includes = Keywords(include);
        var excludes = Keywords(exclude);
        var kept = section.Entries
            .Where(e => includes.Count == 0 || includes.Any(k => Mentions(e, k)))
            .Where(e => !excludes.Any(k => Mentions(e, k)))
            .ToList();
        var shown = kept.Take(Math.Max(0, entries))
            .Select(e => new HighlightItem(e.Id, e.Title, e.Summary, e.PrimaryReference is { } reference ? ReferenceDisplayUrls.ForReader(reference.Url) : digestUrl))
            .ToList();
        return new SectionHighlight(digest.Id, digest.Title, digest.Date, digestUrl, section.Key, section.Title, shown, kept.Count - shown.Count);
    }

    private static List<string> Keywords(IEnumerable<string>? words)
        => words?.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).ToList() ?? [];

    private static bool Mentions(Entry entry, string keyword)
        => entry.Title.Contains(keyword, StringComparison.OrdinalIgnoreCase)
           || entry.Bullets.Any(b => b.Text.Contains(keyword, StringComparison.OrdinalIgnoreCase));
}
