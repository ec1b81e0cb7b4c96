using Bot.Tests.Support;

namespace Bot.Tests;

[Collection(nameof(ConsoleCollection))]
public sealed class IngestOutputTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Ingest_PipedOutput_KeepsEachWarningOnOneLine_InsteadOfWrappingAt80Columns()
    {
        var folder = Path.Combine(_data.Path, "in");
        Directory.CreateDirectory(folder);
        var longName = "2026-01-01-" + new string('w', 70) + ".md";
        await File.WriteAllTextAsync(Path.Combine(folder, longName), "---\ntitle: Warn\ndate: 2026-01-01\n---\n\n## News\n### An entry whose footnote is never defined anywhere in this digest [^missing-footnote-label]\n- text\n");

        // CliRunner hands the verb a StringWriter: what a pipe or a file gets, not a terminal.
        var (code, output, _) = await CliRunner.RunAsync("ingest", folder, "--data", Path.Combine(_data.Path, "data"));

        Assert.Equal(0, code);
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.Contains(longName, StringComparison.Ordinal) && l.TrimEnd().EndsWith("added)", StringComparison.Ordinal));
        var warning = Assert.Single(lines, l => l.Contains("footnote-undefined", StringComparison.Ordinal));
        Assert.Contains("missing-footnote-label", warning, StringComparison.Ordinal);
        Assert.True(warning.Length > 80, $"the warning line is {warning.Length} characters: was it wrapped?");
    }
}
