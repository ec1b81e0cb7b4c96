using System.Text.Json.Nodes;

namespace Bot.Digests.Tests;

/// <summary>
/// The parser specified by examples: each <c>Specs/&lt;quirk&gt;.md</c> must parse to the JSON in
/// <c>Specs/&lt;quirk&gt;.json</c>. The fixture's own file name is passed as the file name, so dated
/// names (<c>2024-05-01-…</c>) exercise ids and dates from file names.
/// </summary>
public sealed class SpecTests
{
    private static readonly string SpecsFolder = Path.Combine(AppContext.BaseDirectory, "Specs");

    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SpecsFolder, "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Parse_MatchesExpectedJson(string spec)
    {
        var fileName = spec + ".md";
        var markdown = File.ReadAllText(Path.Combine(SpecsFolder, fileName));

        var actual = SpecJson.From(new DigestParser().Parse(markdown, fileName));

        var expectedPath = Path.Combine(SpecsFolder, spec + ".json");
        if (RepoPaths.Root is not null)
        {
            // Regenerating is a deliberate act: it writes Specs/*.json and fails, so the diff is reviewed before a passing run.
            Bot.TestSupport.Regeneration.WriteAndFailIfRequested(
                "BOT_UPDATE_SPECS", Path.Combine(RepoPaths.Root, "tests", "Bot.Digests.Tests", "Specs", spec + ".json"), actual.ToJsonString(SpecJson.Indented) + "\n");
        }

        Assert.True(File.Exists(expectedPath), $"Specs/{spec}.json is missing.");
        var expected = JsonNode.Parse(File.ReadAllText(expectedPath));
        if (!JsonNode.DeepEquals(expected, actual))
        {
            Assert.Equal(expected!.ToJsonString(SpecJson.Indented), actual.ToJsonString(SpecJson.Indented));
        }
    }
}
