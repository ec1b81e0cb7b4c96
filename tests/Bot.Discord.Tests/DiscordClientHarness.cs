using Bot.Core;
using Bot.Core.Posting;
using Bot.Discord.RateLimits;
using Bot.Discord.Rest;
using Bot.TestSupport.FakeDiscord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Discord.Tests;

/// <summary>A fake Discord plus a real <see cref="DiscordRestClient"/> registered the way the host does it.</summary>
internal sealed class DiscordClientHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DiscordClientHarness(FakeDiscordServer fake, ServiceProvider services)
    {
        Fake = fake;
        _services = services;
    }

    public FakeDiscordServer Fake { get; }

    public DiscordRestClient Client => _services.GetRequiredService<DiscordRestClient>();

    public DiscordRateLimiter Limiter => (DiscordRateLimiter)_services.GetRequiredService<IDiscordRateLimiter>();

    public IServiceProvider Services => _services;

    public ISectionPoster Poster => _services.GetServices<ISectionPoster>().Single(p => p.Platform == "discord");

    public static async Task<DiscordClientHarness> StartAsync(FakeDiscordOptions? fakeOptions = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var fake = await FakeDiscordServer.StartAsync(fakeOptions);
        var values = new Dictionary<string, string?>
        {
            ["Bot:Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Bot:Discord:BotToken"] = fake.Options.BotToken,
            ["Bot:Discord:ApplicationId"] = fake.Options.ApplicationId,
            ["Bot:Discord:RequestTimeout"] = "00:00:05",
            ["Bot:Templates:Path"] = Path.Combine(RepoPaths.Root, "templates"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotCore(configuration);
        services.AddBotDiscord(configuration);
        configure?.Invoke(services);
        return new DiscordClientHarness(fake, services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
