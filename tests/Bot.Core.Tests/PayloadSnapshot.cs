using Bot.Core.Highlights;
using Bot.Core.Posting;
using Bot.Digests.Model;


namespace Bot.Core.Tests;

/// <summary>Every section of a digest as a scheduled post, for the adapters' payload tests (compiled into their test projects too).</summary>
internal static class PayloadSnapshot
{
    public static string PublicUrl(Digest digest)
        => digest.Permalink is { Length: > 0 } permalink ? "https://example.blog" + permalink : $"https://example.blog/posts/{digest.Slug ?? digest.Id}/";

    public static IEnumerable<SectionPost> Posts(Digest digest, int entries)
        => digest.Sections
            .Select(s => HighlightBuilder.Create(digest, PublicUrl(digest), s.Key, entries))
            .Where(h => h is not null)
            .Select(h => new SectionPost($"golden:{digest.Id}:{h!.SectionKey}", h));

}
