using Bot.Core.Highlights;
using Bot.Core.Replies;
using Bot.Digests.Model;
using Bot.Library.State;


namespace Bot.Posting;

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
            .Where(s => Build(digest, s.Key, subscription, null) is { Items.Count: > 0 })
            .ToList();
    }

    /// <summary>The highlight of section <paramref name="sectionKey"/> (render's <see cref="HighlightBuilder"/>), or null when the digest no longer has it.</summary>
    public static SectionHighlight? Build(Digest digest, string sectionKey, SubscriptionRecord subscription, string? digestUrl)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return HighlightBuilder.Create(digest, digestUrl, sectionKey, Math.Max(1, subscription.EntriesPerSection), subscription.Include, subscription.Exclude);
    }
}
