using Bot.Slack.Http;

namespace Bot.Slack.Tests;

public sealed class SlashCommandTextTests
{
    [Fact]
    public void TryParse_SplitsQueryFromKnownOptions_AndKeepsKorean()
    {
        Assert.True(SlashCommandText.TryParse("search", "임베딩 모델 section:papers", out var request, out _));

        Assert.Equal("임베딩 모델", request!.Query);
        Assert.Equal("papers", request.Option("section"));
        Assert.False(request.InChannel);
    }

    [Theory]
    [InlineData("public")]
    [InlineData("in_channel")]
    [InlineData("PUBLIC")]
    public void TryParse_RecognisesThePublicFlag(string flag)
    {
        Assert.True(SlashCommandText.TryParse("papers", $"diffusion {flag} limit:3", out var request, out _));

        Assert.True(request!.InChannel);
        Assert.Equal("diffusion", request.Query);
        Assert.Equal("3", request.Option("limit"));
    }

    [Fact]
    public void TryParse_KeepsUnknownColonWordsInTheQuery()
    {
        Assert.True(SlashCommandText.TryParse("papers", "arxiv:2401.01234 https://x.org/a", out var request, out _));

        Assert.Equal("arxiv:2401.01234 https://x.org/a", request!.Query);
    }

    [Fact]
    public void TryParse_ReadsQuotedValues()
    {
        Assert.True(SlashCommandText.TryParse("subscribe", "name:weekly cron:\"0 9 * * MON\" timezone:Asia/Seoul entries:3", out var request, out _));

        Assert.Equal("0 9 * * MON", request!.Option("cron"));
        Assert.Equal("Asia/Seoul", request.Option("tz"));
        Assert.Equal("3", request.Option("entries"));
    }

    [Theory]
    [InlineData("digest-search", "")]
    [InlineData("digest-search", "section:papers")]
    [InlineData("papers", "llm limit:0")]
    [InlineData("papers", "llm limit:many")]
    [InlineData("papers", "llm page:")]
    [InlineData("digest", "2025-13-01")]
    [InlineData("digest", "2025-01-01 extra")]
    [InlineData("highlights", "")]
    [InlineData("highlights", "papers latest extra")]
    [InlineData("unsubscribe", "")]
    [InlineData("subscribe", "cron:\"0 9 * * MON")]
    [InlineData("subscriptions", "please")]
    public void TryParse_ReturnsShortUsage_ForMalformedText(string command, string text)
    {
        Assert.False(SlashCommandText.TryParse(command, text, out var request, out var error));

        Assert.Null(request);
        Assert.Contains($"Usage: /{command}", error, StringComparison.Ordinal);
        Assert.True(error!.Length < 200);
    }

    [Theory]
    [InlineData("digest", "")]
    [InlineData("digest", "latest")]
    [InlineData("digest", "2025-01-06")]
    [InlineData("highlights", "papers")]
    [InlineData("highlights", "papers 2025-01-06")]
    [InlineData("highlights", "section:papers digest:2025-01-06")]
    [InlineData("unsubscribe", "weekly")]
    [InlineData("subscriptions", "")]
    public void TryParse_AcceptsWellFormedText(string command, string text)
    {
        Assert.True(SlashCommandText.TryParse(command, text, out _, out var error), error);
    }

    [Fact]
    public void TryParse_RefusesUnknownCommand()
    {
        Assert.False(SlashCommandText.TryParse("webhook-collect", "", out _, out var error));
        Assert.Contains("/papers", error, StringComparison.Ordinal);
    }
}
