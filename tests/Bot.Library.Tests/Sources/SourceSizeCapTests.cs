using Bot.Digests;
using Bot.Digests.Model;
using Bot.Library.Ingestion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Library.Tests.Sources;

// Issue 13: "a configurable file-size cap". Bot:Digests:MaxSourceBytes bounds URL bodies and digest files alike.
public sealed class SourceSizeCapTests
{
    private const string Digest = "---\ntitle: Small\ndate: 2026-11-01\n---\n## News\n### Small entry\n- a bullet\n";

    [Fact]
    public async Task Ingest_SkipsAFolderFileOverTheCap_WithAWarningNamingItAndItsSize_AndReadsTheRest()
    {
        using var temp = new TempLibrary(new LibraryOptions { Digests = { MaxSourceBytes = 64 * 1024 } });
        temp.Write("d/2026-11-01-small.md", Digest);
        var big = temp.Write("d/2026-11-02-big.md", Digest + new string('x', 100_000));

        var report = await temp.Library.IngestAsync([Path.Combine(temp.Directory, "d")]);

        Assert.Equal((1, 1, 0), (report.Added, report.Skipped, report.Failed));
        var skipped = Assert.Single(report.Files, f => f.Outcome == IngestOutcome.Skipped);
        Assert.Equal(big, skipped.Source);
        Assert.Equal($"skipped {big}: {new FileInfo(big).Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes, over the 65,536-byte cap (Bot:Digests:MaxSourceBytes)", skipped.Warnings.Single().Message);
    }

    [Fact]
    public async Task Ingest_SkipsASingleFileSourceOverTheCap_Too()
    {
        using var temp = new TempLibrary(new LibraryOptions { Digests = { MaxSourceBytes = 1024 } });
        var big = temp.Write("2026-11-02-big.md", Digest + new string('x', 2_000));

        var report = await temp.Library.IngestAsync([big]);

        Assert.Equal((0, 1), (report.Added, report.Skipped));
        Assert.Contains("over the 1,024-byte cap", report.Files.Single().Warnings.Single().Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Start_RefusesACapThatIsNotPositive_NamingTheSetting(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:DataDirectory"] = Path.Combine(Path.GetTempPath(), "bot-cap-" + Guid.NewGuid().ToString("N")),
            ["Bot:Digests:MaxSourceBytes"] = value,
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddBotLibrary(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LibraryOptions>>().Value);

        Assert.Contains("Bot:Digests:MaxSourceBytes must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParserBound_FollowsTheSourceCap_SoAFileWithinTheCapIsNeverRefusedByIt()
    {
        Assert.Equal(20 * 1024 * 1024, DigestLimits.ForSourceBytes(20 * 1024 * 1024).MaxFileChars);
        Assert.Equal(new DigestSourcesOptions().MaxSourceBytes, DigestLimits.Default.MaxFileChars);
    }
}
