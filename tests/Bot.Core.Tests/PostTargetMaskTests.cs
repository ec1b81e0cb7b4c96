using Bot.Core.Posting;


namespace Bot.Core.Tests;

// Issue 13, "Masking misses the Slack-compatible form": the token must not survive masking wherever it sits.
public sealed class PostTargetMaskTests
{
    private const string Token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQrStUvWxYz0123";

    [Theory]
    [InlineData("https://discord.com/api/webhooks/123456789012345678/" + Token)]
    [InlineData("https://discord.com/api/webhooks/123456789012345678/" + Token + "/slack")]
    [InlineData("https://discord.com/api/webhooks/123456789012345678/" + Token + "/github")]
    [InlineData("https://discord.com/api/webhooks/123456789012345678/" + Token + "?wait=true")]
    public void Mask_HidesTheDiscordToken_InEveryWebhookForm(string url)
    {
        var masked = PostTarget.Mask(url);

        Assert.DoesNotContain(Token, masked, StringComparison.Ordinal);
        Assert.DoesNotContain(Token[..8], masked, StringComparison.Ordinal);
        Assert.Contains("discord.com", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Mask_HidesTheSlackWebhookSecret()
    {
        var masked = PostTarget.Mask("https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX");

        Assert.DoesNotContain("XXXXXXXX", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Mask_HidesUserinfoPasswords_AndTokenQueryParameters()
    {
        var masked = PostTarget.Mask("https://bot:hunter2secret@hooks.example.org:8443/incoming/abc?token=tok-very-secret&api_key=k3y&wait=true");

        Assert.DoesNotContain("hunter2secret", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-very-secret", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("k3y", masked, StringComparison.Ordinal);
        Assert.Contains("hooks.example.org:8443", masked, StringComparison.Ordinal);
        Assert.Contains("wait=true", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_OfASlackCompatibleDiscordWebhookTarget_KeepsNoToken()
    {
        Assert.True(PostTarget.TryParse($"discord:webhook:https://discord.com/api/webhooks/1/{Token}/slack", out var target, out _));

        Assert.DoesNotContain(Token, target!.ToString(), StringComparison.Ordinal);
    }
}
