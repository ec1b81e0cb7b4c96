using Bot.Core;
using Bot.Digests;
using Bot.Library;

namespace Bot.Scheduling;

/// <summary>Builds the highlight a subscription posts for one section: include/exclude filters, then the top N entries.</summary>
public static class SectionHighlighter
{
    /// <summary>The sections of <paramref name="digest"/> the subscription posts, in the digest's order, that keep at least one entry after filters.</summary>
    public static IReadOnlyList<Section> SectionsFor(Digest digest, SubscriptionRecord subscription)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(subscription);
        return digest.Sections
            .Where(s => subscription.AllSections || subscription.Sections.Contains(s.Key, StringComparer.Ordinal))
            .Where(s => Filter(s.Entries, subscription).Any())
            .ToList();
    }

    /// <summary>The highlight of section <paramref name="sectionKey"/>, or null when the digest no longer has it.</summary>
    public static SectionHighlight? Build(Digest digest, string sectionKey, SubscriptionRecord subscription, string? digestUrl)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(subscription);
        var section = digest.Sections.FirstOrDefault(s => s.Key == sectionKey);
        if (section is null)
        {
            return null;
        }

        var entries = Filter(section.Entries, subscription).ToList();
        var shown = entries.Take(Math.Max(1, subscription.EntriesPerSection))
            .Select(e => new HighlightItem(e.Id, e.Title, e.Summary, e.PrimaryReference?.Url))
            .ToList();
        return new SectionHighlight(digest.Id, digest.Title, digest.Date, digestUrl, section.Key, section.Title, shown, entries.Count - shown.Count);
    }

    private static IEnumerable<Entry> Filter(IEnumerable<Entry> entries, SubscriptionRecord subscription)
        => entries.Where(e =>
        {
            var text = e.Title + "\n" + string.Join('\n', e.Bullets.Select(b => b.Text));
            return (subscription.Include.Count == 0 || subscription.Include.Any(t => text.Contains(t, StringComparison.OrdinalIgnoreCase)))
                && !subscription.Exclude.Any(t => text.Contains(t, StringComparison.OrdinalIgnoreCase));
        });
}
