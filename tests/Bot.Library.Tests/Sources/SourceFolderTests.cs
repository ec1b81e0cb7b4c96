using System.Diagnostics;
using System.Text;
using Bot.Library.Ingestion;

namespace Bot.Library.Tests.Sources;

/// <summary>Hostile source folders (issue 13) and files <c>parse</c> would reject (issue 14, bug 6).</summary>
public sealed class SourceFolderTests
{
    private const string Digest = "---\ntitle: {0}\ndate: 2026-11-01\n---\n## News\n### {0} entry\n- a bullet\n";

    private static TempLibrary Create(bool followOutside = false)
        => new(new LibraryOptions { Digests = { FollowLinksOutsideSource = followOutside } });

    private static string Write(TempLibrary temp, string path, string title) => temp.Write(path, string.Format(System.Globalization.CultureInfo.InvariantCulture, Digest, title));

    [Fact]
    public async Task Ingest_ReadsEachFileOnce_AndWarns_WhenSymlinksLoopBackIntoTheFolder()
    {
        using var temp = Create();
        var file = Write(temp, "d/2026-11-01-one.md", "One");
        var folder = Path.GetDirectoryName(file)!;
        File.CreateSymbolicLink(Path.Combine(folder, "l1"), ".");
        File.CreateSymbolicLink(Path.Combine(folder, "l2"), ".");

        var report = await temp.Library.IngestAsync([folder]).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, report.Added);
        Assert.Equal(2, report.Skipped);
        Assert.All(report.Files.Where(f => f.Outcome == IngestOutcome.Skipped), f => Assert.Contains("loop", f.Warnings.Single().Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_DoesNotFollowLinksOutOfTheFolder_UnlessAllowed()
    {
        using var temp = Create();
        Write(temp, "outside/2026-11-01-secret.md", "Secret");
        var folder = Path.GetDirectoryName(Write(temp, "d/2026-11-01-one.md", "One"))!;
        File.CreateSymbolicLink(Path.Combine(folder, "out"), Path.Combine(temp.Directory, "outside"));
        File.CreateSymbolicLink(Path.Combine(folder, "etc.md"), "/etc/hostname");

        var report = await temp.Library.IngestAsync([folder]);
        using var open = Create(followOutside: true);
        Write(open, "outside/2026-11-01-secret.md", "Secret");
        var openFolder = Path.GetDirectoryName(Write(open, "d/2026-11-01-one.md", "One"))!;
        File.CreateSymbolicLink(Path.Combine(openFolder, "out"), Path.Combine(open.Directory, "outside"));
        var allowed = await open.Library.IngestAsync([openFolder]);

        Assert.Equal(1, report.Added);
        Assert.Equal(2, report.Skipped);
        Assert.All(report.Files.Where(f => f.Outcome == IngestOutcome.Skipped), f => Assert.Contains("FollowLinksOutsideSource", f.Warnings.Single().Message, StringComparison.Ordinal));
        Assert.Equal(2, allowed.Added);
    }

    [Fact]
    public async Task Ingest_SkipsFifosAndDevices_WithAWarning_WithoutOpeningThem()
    {
        // Links out of the folder allowed, so /dev/zero is refused for what it is, not for where it is.
        using var temp = Create(followOutside: true);
        var folder = Path.GetDirectoryName(Write(temp, "d/2026-11-01-one.md", "One"))!;
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(folder, "x.md")))
        {
            await mkfifo.WaitForExitAsync();
        }

        File.CreateSymbolicLink(Path.Combine(folder, "zero.md"), "/dev/zero");

        var report = await temp.Library.IngestAsync([folder]).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, report.Added);
        Assert.Equal(2, report.Skipped);
        Assert.All(report.Files.Where(f => f.Outcome == IngestOutcome.Skipped), f => Assert.Contains("not a regular file", f.Warnings.Single().Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_RefusesBinaryFilesAndHtmlPagesSavedAsMarkdown()
    {
        using var temp = Create();
        var binary = Path.Combine(temp.Directory, "bin.md");
        await File.WriteAllBytesAsync(binary, [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02]);
        var html = temp.Write("page.md", "<!DOCTYPE html>\n<html><body><h2>News</h2></body></html>");

        var report = await temp.Library.IngestAsync([binary, html]);

        Assert.Contains("binary file", report.Files[0].Error, StringComparison.Ordinal);
        Assert.Contains("HTML page", report.Files[1].Error, StringComparison.Ordinal);
        Assert.Equal(0, temp.Scalar("SELECT count(*) FROM digests"));
    }

    [Theory]
    [InlineData("iso-8859-1", "Café naïve résumé")]
    [InlineData("euc-kr", "인공지능 소식 모음")]
    public async Task Ingest_DecodesNonUtf8Files_InsteadOfStoringThemGarbled(string encoding, string title)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var temp = Create();
        var path = Path.Combine(temp.Directory, "2026-11-01-legacy.md");
        await File.WriteAllBytesAsync(path, Encoding.GetEncoding(encoding).GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, Digest, title)));

        var report = await temp.Library.IngestAsync([path]);

        var digest = await temp.Library.GetDigestAsync(report.Files.Single().DigestId!);
        Assert.Equal(title, digest!.Title);
        Assert.Equal(title + " entry", digest.Entries.Single().Title);
    }
}
