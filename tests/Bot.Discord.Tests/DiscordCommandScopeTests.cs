using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Discord.Commands;
using Bot.Discord.Wire;
using Bot.TestSupport.FakeDiscord;

namespace Bot.Discord.Tests;

/// <summary>
/// Discord documents <c>contexts</c> and <c>integration_types</c> for globally-scoped commands only; every command and
/// option carries Korean localizations.
/// </summary>
public sealed class DiscordCommandScopeTests
{
    private static JsonArray Serialize(IReadOnlyList<ApplicationCommand> commands)
        => JsonNode.Parse(JsonSerializer.Serialize(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand))!.AsArray();

    [Fact]
    public async Task GuildRegistration_SendsNoContextsNorIntegrationTypes()
    {
        await using var host = await DiscordHostFactory.StartAsync();

        await host.Get<DiscordCommandRegistrar>().RegisterAsync("123456789012345678");

        var body = Assert.Single(host.Fake.CommandRegistrations);
        Assert.All(body, c => Assert.Null(c!["contexts"]));
        Assert.All(body, c => Assert.Null(c!["integration_types"]));
        Assert.Empty(host.Fake.Rejections);
    }

    [Fact]
    public async Task GlobalRegistration_SendsIntegrationTypesWithContexts()
    {
        await using var host = await DiscordHostFactory.StartAsync();

        await host.Get<DiscordCommandRegistrar>().RegisterAsync();

        var body = Assert.Single(host.Fake.CommandRegistrations);
        Assert.All(body, c =>
        {
            Assert.NotEmpty(c!["contexts"]!.AsArray());
            Assert.Equal([0], c["integration_types"]!.AsArray().Select(t => (int)t!));
            Assert.DoesNotContain(2, c["contexts"]!.AsArray().Select(t => (int)t!));
        });
    }

    [Fact]
    public void FakeRefuses_ContextsOnAGuildRegistration()
    {
        var global = Serialize(DiscordCommandDefinitions.Build());

        Assert.Contains(CommandLimitsValidator.Validate(global, guild: true), e => e.Contains("contexts", StringComparison.Ordinal));
        Assert.Empty(CommandLimitsValidator.Validate(global, guild: false));
    }

    [Fact]
    public void EveryCommandAndOption_HasKoreanNameAndDescription()
    {
        var commands = DiscordCommandDefinitions.Build();

        Assert.All(commands, c =>
        {
            Assert.True(c.NameLocalizations?.ContainsKey("ko"), c.Name);
            Assert.True(c.DescriptionLocalizations?.ContainsKey("ko"), c.Name);
            Assert.All(c.Options ?? [], o =>
            {
                Assert.True(o.NameLocalizations?.ContainsKey("ko"), $"{c.Name}.{o.Name}");
                Assert.True(o.DescriptionLocalizations?.ContainsKey("ko"), $"{c.Name}.{o.Name}");
            });
        });
        Assert.Empty(CommandLimitsValidator.Validate(Serialize(commands), guild: false));
    }
}
