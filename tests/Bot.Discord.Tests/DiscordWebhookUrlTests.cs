using Bot.Discord.Rest;

namespace Bot.Discord.Tests;

/// <summary>Webhook URLs as Discord's "Copy Webhook URL" gives them (no API version) and the other hosts it serves.</summary>
public sealed class DiscordWebhookUrlTests
{
    [Theory]
    [InlineData("https://discord.com/api/webhooks/123456789012345678/AbC-d_e")]
    [InlineData("https://discordapp.com/api/webhooks/123456789012345678/AbC-d_e")]
    [InlineData("https://ptb.discord.com/api/webhooks/123456789012345678/AbC-d_e")]
    [InlineData("https://canary.discord.com/api/webhooks/123456789012345678/AbC-d_e")]
    [InlineData("https://canary.discordapp.com/api/v9/webhooks/123456789012345678/AbC-d_e")]
    [InlineData("https://discord.com/api/v10/webhooks/123456789012345678/AbC-d_e/")]
    public void TryParse_AcceptsDiscordsForms(string url)
    {
        Assert.True(DiscordWebhookUrl.TryParse(url, out var webhook, out var error), error);
        Assert.Equal(("123456789012345678", "AbC-d_e"), (webhook!.Id, webhook.Token));
    }

    [Theory]
    [InlineData("https://hooks.slack.com/services/T0/B0/x")]
    [InlineData("http://discord.com/api/webhooks/1/abc")]
    [InlineData("https://discord.com.evil.example/api/webhooks/1/abc")]
    [InlineData("https://discord.com/api/webhooks/abc/def")]
    [InlineData("https://discord.com/api/webhooks/1")]
    [InlineData("https://discord.com/api/webhooks/1/abc/github")]
    [InlineData("https://discord.com/api/webhooks/1/abc?thread_id=5")]
    [InlineData("https://discord.com/webhooks/1/abc")]
    public void TryParse_RefusesAnythingElse_WithOneLine(string url)
    {
        Assert.False(DiscordWebhookUrl.TryParse(url, out _, out var error));
        Assert.DoesNotContain('\n', error!);
        Assert.Contains("webhook URL", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverShowsTheToken()
        => Assert.DoesNotContain("secret", new DiscordWebhookUrl("1", "secret").ToString(), StringComparison.Ordinal);

    [Fact]
    public async Task ExecuteWebhook_CallsTheVersionedPathOnTheConfiguredApiBase()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var url = harness.Fake.CreateWebhook("222");
        Assert.StartsWith("https://discord.com/api/webhooks/", url, StringComparison.Ordinal);

        await harness.Client.ExecuteWebhookAsync(url, new System.Text.Json.Nodes.JsonObject { ["content"] = "hi" });

        // The fake only answers on its own address: reaching it proves the pasted host was not called.
        var request = Assert.Single(harness.Fake.Requests);
        Assert.Equal((200, "POST webhooks/{webhook_id}/{webhook_token}"), (request.Status, request.Template));
        Assert.StartsWith("/api/v10/webhooks/", request.Path, StringComparison.Ordinal);
    }
}
