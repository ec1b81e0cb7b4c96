using Bot.Digests.References;

namespace Bot.Digests.Tests;

public sealed class ReferenceDisplayUrlsTests
{
    [Theory]
    [InlineData("https://example.com/a?utm_source=x&utm_medium=email", "https://example.com/a")]
    [InlineData("https://example.com/a?fbclid=1&page=2&gclid=3", "https://example.com/a?page=2")]
    [InlineData("  https://example.com/a#install ", "https://example.com/a#install")]
    [InlineData("https://example.com/#/article/123?utm_source=x", "https://example.com/#/article/123?utm_source=x")]
    [InlineData("HTTP://Example.COM/Path/", "HTTP://Example.COM/Path/")]
    [InlineData("https://example.com/search?q=a%26b&ref=hn", "https://example.com/search?q=a%26b")]
    [InlineData("mailto:someone@example.com", "mailto:someone@example.com")]
    public void ForReader_RemovesTrackingParametersOnly(string url, string expected)
        => Assert.Equal(expected, ReferenceDisplayUrls.ForReader(url));
}
