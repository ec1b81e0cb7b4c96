using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Discord.Commands;
using Bot.Discord.Wire;
using Bot.TestSupport.FakeDiscord;

namespace Bot.Discord.Tests;

public sealed class DiscordCommandDefinitionsTests
{
    private static JsonNode Serialize(IReadOnlyList<ApplicationCommand> commands)
        => JsonNode.Parse(JsonSerializer.Serialize(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand))!;

    [Fact]
    public void Build_StaysWithinDiscordsDocumentedLimits()
    {
        var errors = CommandLimitsValidator.Validate(Serialize(DiscordCommandDefinitions.Build()));

        Assert.Empty(errors);
    }

    [Fact]
    public void Build_WithManyLongSectionKeys_StillStaysWithinLimits()
    {
        var keys = new[] { "딥러닝-llm", "🧠-brain", new string('y', 101) }
            .Concat(Enumerable.Range(0, 40).Select(i => $"section-{i}-" + new string('x', 80)));

        var commands = DiscordCommandDefinitions.Build(keys);

        Assert.Empty(CommandLimitsValidator.Validate(Serialize(commands)));
        var choices = commands.Single(c => c.Name == "search").Options!.Single(o => o.Name == "section").Choices!;
        Assert.InRange(choices.Count, 3, 25);
        Assert.Equal(["딥러닝-llm", "🧠-brain", "section-0-" + new string('x', 80)], choices.Take(3).Select(c => c.Value));
    }

    [Fact]
    public void Build_DefinesEveryCommand_SubscriptionsOnlyForManageChannels()
    {
        var commands = DiscordCommandDefinitions.Build(["papers", "news"]).ToDictionary(c => c.Name);

        Assert.Equal(["digest", "highlights", "papers", "refs", "search", "subscribe", "subscriptions", "unsubscribe"], commands.Keys.Order());
        foreach (var name in new[] { "subscribe", "unsubscribe", "subscriptions" })
        {
            Assert.Equal("16", commands[name].DefaultMemberPermissions);
            Assert.Equal([0], commands[name].Contexts!);
        }

        Assert.All(new[] { "papers", "search", "refs", "digest", "highlights" }, name => Assert.Null(commands[name].DefaultMemberPermissions));
        Assert.True(commands["refs"].Options!.Single().Autocomplete);
        Assert.Equal(["papers", "news"], commands["search"].Options!.Single(o => o.Name == "section").Choices!.Select(c => c.Value));
    }

    [Fact]
    public void Validator_CatchesEveryKindOfBrokenDefinition()
    {
        var broken = new ApplicationCommand(
            "Papers",
            new string('d', 101),
            [
                new(3, "optional", "fine"),
                new(3, "required", "after an optional one", Required: true),
                new(3, "choices", "too many", Choices: Enumerable.Range(0, 26).Select(i => new ApplicationCommandChoice($"c{i}", $"v{i}")).ToList()),
                .. Enumerable.Range(0, 23).Select(i => new ApplicationCommandOption(3, $"o{i}", "filler")),
            ]);

        var errors = CommandLimitsValidator.Validate(Serialize([broken, broken with { Name = "has space" }]));

        Assert.Contains(errors, e => e.Contains("must be lowercase", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("description: must be 1..100", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("required options must come before", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("choices: 26, limit 25", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("options: 26, limit 25", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'has space' must match", StringComparison.Ordinal));
    }
}
