using Bot.Core.Templates;
using Bot.Discord.Rendering;


namespace Bot.Discord.Tests;

/// <summary>Issue 12: each section message carries a marker from its ledger key, which fetched messages keep (unlike the nonce).</summary>
public sealed class DiscordPostMarkerTests
{
    private readonly DiscordRenderer _renderer = new(TemplateStore.FromDirectory(RepoPaths.Templates, [DiscordMarkup.Dialect]));

    [Fact]
    public void EachMessage_CarriesItsMarker_AsTheFragmentOfItsEmbedsLink()
    {
        var messages = _renderer.RenderPost(Highlights.Post("weekly"));

        for (var i = 0; i < messages.Count; i++)
        {
            Assert.Equal("https://example.blog/posts/ai-trend-2026-09/#" + DiscordRenderer.Marker("weekly|2026-10-05-ai-trend|papers", i), messages[i].Embeds![0].Url);
        }
    }

    [Fact]
    public void WithoutALink_TheMarkerEndsTheFooter()
    {
        var post = Highlights.Post("weekly") with { Highlight = Highlights.Create() with { DigestUrl = null } };

        var footer = _renderer.RenderPost(post)[0].Embeds![0].Footer!.Text;

        Assert.EndsWith(DiscordRenderer.Marker("weekly|2026-10-05-ai-trend|papers", 0), footer, StringComparison.Ordinal);
    }
}
