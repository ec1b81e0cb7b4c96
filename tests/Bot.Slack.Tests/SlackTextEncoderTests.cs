using Bot.Slack.Rendering;

namespace Bot.Slack.Tests;

public sealed class SlackTextEncoderTests
{
    [Theory]
    [InlineData("<!channel>", "&lt;!channel&gt;")]
    [InlineData("<@U123> & <https://x.example|y>", "&lt;@U123&gt; &amp; &lt;https://x.example|y&gt;")]
    [InlineData("&amp;", "&amp;amp;")]
    [InlineData("plain 한국어 *bold*", "plain 한국어 *bold*")]
    public void Escape_EscapesAmpersandAndAngleBrackets(string input, string expected)
    {
        Assert.Equal(expected, SlackTextEncoder.Instance.Escape(input));
    }

    [Fact]
    public void SlackLink_EscapesTextAndKeepsUrl()
    {
        var link = SlackMarkup.Link("<!here> & more", "https://example.com/a?b=1&c=2");

        Assert.Equal("<https://example.com/a?b=1&c=2|&lt;!here&gt; &amp; more>", link);
    }

    [Fact]
    public void SlackLink_IsPlainText_WhenUrlIsNotHttp()
    {
        Assert.Equal("x &lt;y&gt;", SlackMarkup.Link("x <y>", "javascript:alert(1)"));
    }
}
