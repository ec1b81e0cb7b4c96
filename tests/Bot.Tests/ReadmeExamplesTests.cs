using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Tests.Support;
using Xunit.Abstractions;

namespace Bot.Tests;

/// <summary>
/// Every CLI command README.md shows, run in README order on a fresh copy of the samples (its own settings file and data
/// directory), as a new user would. A command must succeed and find something; where a <c>readme-output</c> comment ties an
/// output block to it, that block must reproduce (every shown line, in order; "…" stands for lines left out; JSON by its
/// key/value pairs). The README is parsed at run time, so an edited README is checked again.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed partial class ReadmeExamplesTests : IDisposable
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly TempDirectory _clone = new();
    private readonly ITestOutputHelper _log;

    public ReadmeExamplesTests(ITestOutputHelper log) => _log = log;

    public void Dispose() => _clone.Dispose();

    [Fact]
    public async Task EveryReadmeCommand_RunsOnAFreshCopyOfTheSamples_AndPrintsWhatTheReadmeShows()
    {
        var (commands, outputs) = ReadmeExamples.Read(Path.Combine(RepoPaths.Root, "README.md"));
        CopyFreshClone();
        var ran = new Dictionary<string, string>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var command in commands)
        {
            if (SkipReason(command) is { } reason)
            {
                _log.WriteLine($"README:{command.Line} skipped ({reason}): {command.Text}");
                continue;
            }

            var args = command.Args.Select(a => File.Exists(Path.Combine(_clone.Path, a)) || Directory.Exists(Path.Combine(_clone.Path, a)) ? Path.Combine(_clone.Path, a) : a)
                .Concat(["--config", Path.Combine(_clone.Path, "appsettings.json")]).ToArray();
            var (code, output, error) = await CliRunner.RunAsync(args);
            _log.WriteLine($"README:{command.Line} exit {code}: {command.Text}");
            ran[command.Text] = output;
            if (code != 0)
            {
                failures.Add($"README:{command.Line} `{command.Text}` exited {code}: {FirstLine(error)}");
            }
            else if (FoundNothing(command, output) is { } nothing)
            {
                failures.Add($"README:{command.Line} `{command.Text}` {nothing}");
            }
        }

        foreach (var expected in outputs)
        {
            if (!ran.TryGetValue(expected.Args, out var actual))
            {
                failures.Add($"README:{expected.Line} readme-output names `{expected.Args}`, which no runnable README command is");
                continue;
            }

            var missing = expected.Language == "json" ? MissingJson(expected.Lines, actual) : MissingLines(expected.Lines, actual);
            if (missing is not null)
            {
                failures.Add($"README:{expected.Line} output of `{expected.Args}` differs: {missing}");
            }
        }

        Assert.True(commands.Count >= 10, $"only {commands.Count} README commands found: has the README's form changed?");
        Assert.True(outputs.Count >= 3, $"only {outputs.Count} readme-output blocks found");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Reader_FindsCommandsInShellBlocks_AndTheOutputBlockAMarkerNames()
    {
        var readme = Path.Combine(_clone.Path, "README.md");
        File.WriteAllLines(readme,
        [
            "```bash", "dotnet run --project src/Bot -- search \"time series\" --limit 5   # five results", "dotnet run --project src/Bot", "```",
            "<!-- readme-output: search \"time series\" --limit 5 -->", "```text", "1 result", "```",
            "```json", "dotnet run --project src/Bot -- not-a-command", "```",
        ]);

        var (commands, outputs) = ReadmeExamples.Read(readme);

        Assert.Equal([["search", "time series", "--limit", "5"], []], commands.Select(c => c.Args.ToArray()));
        var output = Assert.Single(outputs);
        Assert.Equal(("search \"time series\" --limit 5", "text", "1 result"), (output.Args, output.Language, Assert.Single(output.Lines)));
    }

    [Fact]
    public void MissingLines_AcceptsLeftOutLines_ButNotAChangedOne()
    {
        Assert.Null(MissingLines(["a", "…", "c"], "a\nb\nc\n"));
        Assert.Equal("expected line 2 not found (in order): `3 of 4 entries`", MissingLines(["a", "3 of 4 entries"], "a\n4 of 4 entries\n"));
    }

    private static string? SkipReason(ReadmeExamples.Command command)
    {
        var verbs = command.Args.Where(a => !a.StartsWith('-')).ToList();
        if (command.Args.Count == 0 || command.Args.All(a => a.StartsWith("--data", StringComparison.Ordinal) || a.StartsWith("--urls=", StringComparison.Ordinal) || a.StartsWith('/')))
        {
            return "serve runs until stopped; FirstRunTests and .ci/publish-check start it";
        }

        if (verbs.Count >= 2 && verbs[0] == "commands" && verbs[1] == "register")
        {
            return "needs a Discord token and discord.com";
        }

        return command.Args.Any(a => a.StartsWith("http://", StringComparison.Ordinal) || a.StartsWith("https://", StringComparison.Ordinal))
            ? "needs the network"
            : null;
    }

    /// <summary>A search, papers or refs example that finds nothing on the samples shows the reader nothing.</summary>
    private static string? FoundNothing(ReadmeExamples.Command command, string output)
    {
        var verb = command.Args.FirstOrDefault();
        if (verb is not ("search" or "papers" or "refs"))
        {
            return string.IsNullOrWhiteSpace(output) && !command.Args.Contains("--help") && verb != "ingest" ? "printed nothing" : null;
        }

        return output.StartsWith("No ", StringComparison.Ordinal) || output.Contains("\"total\": 0,", StringComparison.Ordinal) || output.Contains("\"entry\": null", StringComparison.Ordinal)
            ? $"finds nothing on the samples: {FirstLine(output)}"
            : null;
    }

    /// <summary>Null when every shown line (trimmed; "…" skips) occurs in <paramref name="actual"/> in order.</summary>
    private static string? MissingLines(IReadOnlyList<string> expected, string actual)
    {
        var lines = actual.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).ToList();
        var at = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            var want = expected[i].Trim();
            if (want.Length == 0 || want is "…" or "...")
            {
                continue;
            }

            var found = lines.FindIndex(at, l => l == want);
            if (found < 0)
            {
                return $"expected line {i + 1} not found (in order): `{want}`";
            }

            at = found + 1;
        }

        return null;
    }

    /// <summary>Null when every <c>"key": value</c> the README shows (strings, numbers, booleans, null; <c>"…"</c> is any value) is in the printed JSON.</summary>
    private static string? MissingJson(IReadOnlyList<string> expected, string actual)
    {
        string compact;
        try
        {
            compact = JsonSerializer.Serialize(JsonDocument.Parse(actual).RootElement, Compact);
        }
        catch (JsonException ex)
        {
            return $"the command did not print JSON ({ex.Message})";
        }

        foreach (Match pair in JsonPair().Matches(string.Join('\n', expected)))
        {
            var value = pair.Groups["value"].Value;
            if (value is "\"…\"" or "\"...\"")
            {
                continue; // the README leaves this value out (a nonce, an id)
            }

            var normalised = JsonSerializer.Serialize(JsonDocument.Parse(value).RootElement, Compact);
            var want = $"\"{pair.Groups["key"].Value}\":{normalised}";
            if (!compact.Contains(want, StringComparison.Ordinal))
            {
                return $"`{want}` not in the printed JSON";
            }
        }

        return null;
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "(nothing)";

    private void CopyFreshClone()
    {
        foreach (var folder in new[] { "samples", "templates" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(_clone.Path, Path.GetRelativePath(RepoPaths.Root, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        File.Copy(Path.Combine(RepoPaths.Root, "appsettings.json"), Path.Combine(_clone.Path, "appsettings.json"));
    }

    [GeneratedRegex(@"""(?<key>[A-Za-z_]\w*)""\s*:\s*(?<value>""(?:[^""\\]|\\.)*""|-?\d+(?:\.\d+)?|true|false|null)")]
    private static partial Regex JsonPair();
}
