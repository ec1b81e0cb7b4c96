using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Digests;
using Bot.Discord;
using Bot.Slack;

namespace Bot.Core.Tests;

/// <summary>Renders every section of a digest as a scheduled post on one platform, as readable JSON.</summary>
internal static class PayloadSnapshot
{
    private static readonly JsonSerializerOptions Printed = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string PublicUrl(Digest digest)
        => digest.Permalink is { Length: > 0 } permalink ? "https://example.blog" + permalink : $"https://example.blog/posts/{digest.Slug ?? digest.Id}/";

    public static IEnumerable<SectionPost> Posts(Digest digest, int entries)
        => digest.Sections
            .Select(s => HighlightBuilder.Create(digest, PublicUrl(digest), s.Key, entries))
            .Where(h => h is not null)
            .Select(h => new SectionPost($"golden:{digest.Id}:{h!.SectionKey}", h));

    public static string Json(IEnumerable<DiscordMessage> messages)
        => new JsonArray([.. messages.Select(m => JsonSerializer.SerializeToNode(m, DiscordMessageJsonContext.Default.DiscordMessage))]).ToJsonString(Printed).ReplaceLineEndings("\n") + "\n";

    public static string Json(IEnumerable<SlackMessage> messages)
        => new JsonArray([.. messages.Select(m => JsonSerializer.SerializeToNode(m, SlackMessageJsonContext.Default.SlackMessage))]).ToJsonString(Printed).ReplaceLineEndings("\n") + "\n";
}
