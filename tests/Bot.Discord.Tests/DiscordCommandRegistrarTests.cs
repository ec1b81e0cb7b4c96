using System.Diagnostics;
using Bot.Discord.Commands;
using Bot.TestSupport.FakeDiscord;

namespace Bot.Discord.Tests;

public sealed class DiscordCommandRegistrarTests
{
    [Fact]
    public async Task Register_BulkOverwritesInTheGuild_WithTheLibrarysSections()
    {
        await using var host = await DiscordHostFactory.StartAsync();

        var registered = await host.Get<DiscordCommandRegistrar>().RegisterAsync("123456789012345678");

        Assert.Equal(8, registered.Count);
        var request = host.Fake.Requests.Single(r => r.Method == "PUT");
        Assert.Equal("PUT applications/{application_id}/guilds/{guild_id}/commands", request.Template);
        var body = Assert.Single(host.Fake.CommandRegistrations);
        var sections = body.Single(c => (string)c!["name"]! == "search")!["options"]!.AsArray().Single(o => (string)o!["name"]! == "section")!["choices"]!.AsArray();
        Assert.Contains(sections, c => (string)c!["value"]! == "papers");
        Assert.Contains(sections, c => (string)c!["value"]! == "deep-learning-llm");
    }

    [Fact]
    public async Task Register_WithoutApplicationId_SaysWhichSettingToSet()
    {
        await using var host = await DiscordHostFactory.StartAsync(new Dictionary<string, string?> { ["Bot:Discord:ApplicationId"] = string.Empty });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Get<DiscordCommandRegistrar>().RegisterAsync());

        Assert.Contains("Bot__Discord__ApplicationId", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Fake.Requests);
    }

    [Fact]
    public async Task CommandsRegisterVerb_RegistersGlobally_AndPrintsWhatItDid()
    {
        await using var fake = await FakeDiscordServer.StartAsync();
        var data = Directory.CreateTempSubdirectory("bot-discord-verb-").FullName;

        var (exit, stdout, stderr) = await RunBotAsync(fake, data, "commands", "register");

        Assert.True(exit == 0, stderr);
        Assert.Contains("Registered 8 commands globally", stdout, StringComparison.Ordinal);
        Assert.Equal("PUT applications/{application_id}/commands", fake.Requests.Single().Template);
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task CommandsRegisterVerb_WithABadGuild_FailsWithOneErrorLine()
    {
        await using var fake = await FakeDiscordServer.StartAsync();
        var data = Directory.CreateTempSubdirectory("bot-discord-verb-").FullName;

        var (exit, _, stderr) = await RunBotAsync(fake, data, "commands", "register", "--guild", "my-server");

        Assert.Equal(1, exit);
        Assert.StartsWith("error: 'my-server' is not a guild id", stderr.Trim(), StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Empty(fake.Requests);
        Directory.Delete(data, recursive: true);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunBotAsync(FakeDiscordServer fake, string data, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = data,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Bot.dll"));
        foreach (var arg in args.Concat(["--data", data]))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Bot__Discord__ApiBaseUrl"] = fake.ApiBaseUrl;
        start.Environment["Bot__Discord__BotToken"] = fake.Options.BotToken;
        start.Environment["Bot__Discord__ApplicationId"] = fake.Options.ApplicationId;
        start.Environment["Bot__Templates__Path"] = Path.Combine(RepoPaths.Root, "templates");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
