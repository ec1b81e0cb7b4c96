namespace Bot.Discord.Tests;

/// <summary>Per test: the bot's host against a fake Discord (<see cref="DiscordHostFactory"/>) and a client for it.</summary>
public abstract class DiscordHostTest : IAsyncLifetime
{
    private protected DiscordHostFactory Host { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await DiscordHostFactory.StartAsync();
        Client = Host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
