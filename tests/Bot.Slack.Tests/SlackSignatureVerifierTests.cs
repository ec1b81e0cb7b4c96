using System.Text;
using Bot.Slack.Http;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Slack.Tests;

public sealed class SlackSignatureVerifierTests
{
    // Slack's documented example ("Verifying requests from Slack").
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly FakeTimeProvider Clock = new(DateTimeOffset.FromUnixTimeSeconds(1531420618));

    [Fact]
    public void Sign_ProducesSlacksDocumentedSignature()
    {
        Assert.Equal(Expected, SlackSignatureVerifier.Sign(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_AcceptsSlacksDocumentedExample_AtItsTimestamp()
    {
        var result = SlackSignatureVerifier.Verify(Secret, Timestamp, Expected, Encoding.UTF8.GetBytes(Body), Clock.GetUtcNow());
        Assert.Equal(SignatureCheck.Valid, result);
    }

    [Fact]
    public void Verify_RejectsDocumentedExample_SixMinutesLater()
    {
        var later = Clock.GetUtcNow().AddMinutes(6);
        Assert.Equal(SignatureCheck.Stale, SlackSignatureVerifier.Verify(Secret, Timestamp, Expected, Encoding.UTF8.GetBytes(Body), later));
    }

    [Fact]
    public void Verify_RejectsTimestampFromTheFuture()
    {
        var earlier = Clock.GetUtcNow().AddMinutes(-6);
        Assert.Equal(SignatureCheck.Stale, SlackSignatureVerifier.Verify(Secret, Timestamp, Expected, Encoding.UTF8.GetBytes(Body), earlier));
    }

    [Theory]
    [InlineData("text=", "text=x")]
    [InlineData("roadrunner", "roadrunneR")]
    public void Verify_RejectsBodyAlteredAfterSigning(string from, string to)
    {
        var altered = Body.Replace(from, to, StringComparison.Ordinal);
        Assert.Equal(SignatureCheck.Invalid, SlackSignatureVerifier.Verify(Secret, Timestamp, Expected, Encoding.UTF8.GetBytes(altered), Clock.GetUtcNow()));
    }

    [Theory]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50")]
    [InlineData("v0=a2114d")]
    public void Verify_RejectsForgedSignature(string signature)
    {
        Assert.Equal(SignatureCheck.Invalid, SlackSignatureVerifier.Verify(Secret, Timestamp, signature, Encoding.UTF8.GetBytes(Body), Clock.GetUtcNow()));
    }

    [Fact]
    public void Verify_RejectsOtherSecret()
    {
        var result = SlackSignatureVerifier.Verify("another-secret", Timestamp, Expected, Encoding.UTF8.GetBytes(Body), Clock.GetUtcNow());
        Assert.Equal(SignatureCheck.Invalid, result);
    }

    [Theory]
    [InlineData(null, Expected, SignatureCheck.Missing)]
    [InlineData(Timestamp, null, SignatureCheck.Missing)]
    [InlineData("not-a-number", Expected, SignatureCheck.Stale)]
    [InlineData("99999999999999999999", Expected, SignatureCheck.Stale)]
    public void Verify_RejectsMissingOrMalformedHeaders(string? timestamp, string? signature, SignatureCheck expected)
    {
        Assert.Equal(expected, SlackSignatureVerifier.Verify(Secret, timestamp, signature, Encoding.UTF8.GetBytes(Body), Clock.GetUtcNow()));
    }

    [Fact]
    public void Verify_RefusesEverything_WhenNoSigningSecretIsConfigured()
    {
        Assert.Equal(SignatureCheck.NotConfigured, SlackSignatureVerifier.Verify(string.Empty, Timestamp, Expected, Encoding.UTF8.GetBytes(Body), Clock.GetUtcNow()));
    }
}
