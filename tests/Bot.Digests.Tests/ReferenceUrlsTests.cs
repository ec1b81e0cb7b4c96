using Bot.Digests.Model;
using Bot.Digests.References;

namespace Bot.Digests.Tests;

public sealed class ReferenceUrlsTests
{
    [Theory]
    [InlineData("https://arxiv.org/abs/2409.01234", "2409.01234")]
    [InlineData("https://arxiv.org/abs/2409.01234v3", "2409.01234")]
    [InlineData("https://arxiv.org/pdf/2409.01234", "2409.01234")]
    [InlineData("https://arxiv.org/pdf/2409.01234v2.pdf", "2409.01234")]
    [InlineData("http://www.arxiv.org/abs/2407.09468", "2407.09468")]
    [InlineData("https://browse.arxiv.org/pdf/2309.10668.pdf", "2309.10668")]
    [InlineData("https://arxiv.org/html/2405.12345v1", "2405.12345")]
    [InlineData("https://arxiv.org/abs/cs/0112017v2", "cs/0112017")]
    [InlineData("https://doi.org/10.48550/arXiv.2409.01234", "2409.01234")]
    [InlineData("https://arxiv.org/PDF/2409.01234V12.PDF/", "2409.01234")]
    [InlineData("https://arxiv.org/abs/math.AG/0112017/", "math.AG/0112017")]
    [InlineData("https://huggingface.co/papers/2409.12345", "2409.12345")]
    public void Analyze_FoldsArxivUrls_ToAbsWithoutVersion(string url, string id)
    {
        var info = ReferenceUrls.Analyze(url);

        Assert.Equal(id, info.ArxivId);
        Assert.Equal($"https://arxiv.org/abs/{id}", info.CanonicalUrl);
        Assert.Equal(ReferenceKind.Paper, info.Kind);
    }

    [Theory]
    [InlineData("https://example.com/a?utm_source=x&utm_medium=email&utm_campaign=y", "https://example.com/a")]
    [InlineData("https://example.com/a?_hsenc=abc&_hsmi=123&id=7", "https://example.com/a?id=7")]
    [InlineData("https://example.com/a/?ref=dataphoenix.info", "https://example.com/a")]
    [InlineData("https://example.com/a?fbclid=1&gclid=2", "https://example.com/a")]
    [InlineData("https://WWW.Example.com/Path#frag", "https://example.com/Path")]
    [InlineData("http://example.com/", "https://example.com")]
    [InlineData("https://example.com:8443/x?q=1", "https://example.com:8443/x?q=1")]
    public void Analyze_StripsTrackingParameters(string url, string canonical)
    {
        Assert.Equal(canonical, ReferenceUrls.Analyze(url).CanonicalUrl);
    }

    [Theory]
    [InlineData("https://www.nature.com/articles/s41586-023-06747-5", "10.1038/s41586-023-06747-5")]
    [InlineData("https://doi.org/10.1145/3626772.3657999", "10.1145/3626772.3657999")]
    [InlineData("https://dx.doi.org/10.1000/XYZ123", "10.1000/xyz123")]
    [InlineData("https://dl.acm.org/doi/10.1145/3600006.3613165", "10.1145/3600006.3613165")]
    [InlineData("https://www.science.org/doi/full/10.1126/science.adl2528", "10.1126/science.adl2528")]
    public void Analyze_FindsDoi_AndUsesDoiOrgAsCanonical(string url, string doi)
    {
        var info = ReferenceUrls.Analyze(url);

        Assert.Equal(doi, info.Doi);
        Assert.Equal($"https://doi.org/{doi}", info.CanonicalUrl);
        Assert.Equal(ReferenceKind.Paper, info.Kind);
    }

    [Theory]
    [InlineData("https://github.com/microsoft/BitNet", ReferenceKind.Code)]
    [InlineData("https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard", ReferenceKind.Code)]
    [InlineData("https://www.youtube.com/watch?v=ZBKpAp_6TGI&ab_channel=UmarJamil", ReferenceKind.Video)]
    [InlineData("https://youtu.be/WiB_3Csfj_Q", ReferenceKind.Video)]
    [InlineData("https://vimeo.com/123456", ReferenceKind.Video)]
    [InlineData("https://github.com/deepseek-ai/DeepSeek-V3/blob/main/DeepSeek_V3.pdf", ReferenceKind.Paper)]
    [InlineData("https://openreview.net/forum?id=abc", ReferenceKind.Paper)]
    [InlineData("https://blog.google/technology/ai/gemini/", ReferenceKind.Article)]
    public void Analyze_ClassifiesKind(string url, ReferenceKind kind)
    {
        Assert.Equal(kind, ReferenceUrls.Analyze(url).Kind);
    }

    [Fact]
    public void Analyze_FoldsYouTubeShareLinks_ToOneWatchUrl()
    {
        var a = ReferenceUrls.Analyze("https://youtu.be/WiB_3Csfj_Q?si=tracker");
        var b = ReferenceUrls.Analyze("https://www.youtube.com/watch?app=desktop&v=WiB_3Csfj_Q&feature=youtu.be");

        Assert.Equal("https://youtube.com/watch?v=WiB_3Csfj_Q", a.CanonicalUrl);
        Assert.Equal(a.CanonicalUrl, b.CanonicalUrl);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("/relative/path.pdf")]
    [InlineData("mailto:someone@example.com")]
    public void Analyze_NeverThrows_ForOddInput(string url)
    {
        var info = ReferenceUrls.Analyze(url);

        Assert.Equal(url.Trim(), info.CanonicalUrl);
    }
}
