using Bot.Digests;
using Bot.TestSupport;

namespace Bot.Library.Tests.Sources;

// Issue 13, "Must show": every hostile-digest row in one source folder, scaled down, beside an ordinary digest. Each file
// ends with its warning (or is skipped over the cap), nothing fails, and the ordinary digest is stored as usual.
public sealed class HostileFolderIngestTests
{
    private const string Ordinary = "---\ntitle: Ordinary\ndate: 2026-11-01\n---\n## News\n### Ordinary entry\n- a bullet [link](https://example.org/a)\n";

    [Fact]
    public async Task Ingest_HostileFilesEachEndWithTheirWarning_AndTheOrdinaryDigestIsStored()
    {
        using var temp = new TempLibrary(new LibraryOptions { Digests = { MaxSourceBytes = 256 * 1024 } });
        temp.Write("d/2026-11-01-ordinary.md", Ordinary);
        var files = new Dictionary<string, string>
        {
            ["2026-11-02-footnotes.md"] = HostileDigests.Footnotes(2_000),
            ["2026-11-03-undefined.md"] = HostileDigests.UndefinedCitations(5_000),
            ["2026-11-04-urls.md"] = HostileDigests.UrlsInOneEntry(2_000),
            ["2026-11-05-nested.md"] = HostileDigests.NestedList(300),
            ["2026-11-06-unclosed.md"] = HostileDigests.UnclosedLinks(5_000),
            ["2026-11-07-realistic.md"] = HostileDigests.Realistic(200 * 1024),
            ["2026-11-08-oversize.md"] = HostileDigests.Realistic(300 * 1024),
        };
        foreach (var (name, text) in files)
        {
            temp.Write("d/" + name, text);
        }

        var report = await temp.Library.IngestAsync([Path.Combine(temp.Directory, "d")]).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal((7, 1, 0), (report.Added, report.Skipped, report.Failed));
        string[] Codes(string name) => [.. report.Files.Single(f => f.Source.EndsWith(name, StringComparison.Ordinal)).Warnings.Select(w => w.Code)];
        Assert.Contains(ParseWarningCodes.ReferencesCut, Codes("footnotes.md"));
        Assert.Contains(ParseWarningCodes.WarningsCut, Codes("undefined.md"));
        Assert.Contains(ParseWarningCodes.ReferencesCut, Codes("urls.md"));
        Assert.Contains(ParseWarningCodes.NestingTooDeep, Codes("nested.md"));
        Assert.Contains(ParseWarningCodes.MarkdownDegraded, Codes("unclosed.md"));
        Assert.Equal(["source-skipped"], Codes("oversize.md"));
        Assert.Equal(["Ordinary entry"], await temp.TitlesAsync("ordinary"));
    }
}
