using Bot.Library;
using Bot.TestSupport.FakeDiscord;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Discord.Tests;

/// <summary>
/// The real host (<c>WebApplicationFactory&lt;Program&gt;</c>) with its own temporary data directory, pointed at a fake
/// Discord, with a generated interaction key, and the sample digests ingested.
/// </summary>
internal sealed class DiscordHostFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "bot-discord-tests-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;

    private DiscordHostFactory(FakeDiscordServer fake, InteractionSigner signer, IDictionary<string, string?>? settings)
    {
        Fake = fake;
        Signer = signer;
        Directory.CreateDirectory(_dataDirectory);
        _settings = Settings(_dataDirectory, fake, signer.PublicKeyHex, settings);
    }

    /// <summary>
    /// The settings both Discord host factories start from: the data directory, the samples, the fake's API and token,
    /// the given public key (empty for Gateway mode) and one console subscription; <paramref name="overrides"/> win.
    /// </summary>
    internal static Dictionary<string, string?> Settings(string dataDirectory, FakeDiscordServer fake, string publicKey, IDictionary<string, string?>? overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:DataDirectory"] = dataDirectory,
            ["Bot:Digests:Watch"] = "false",
            ["Bot:Digests:Sources:0"] = RepoPaths.SampleDigests,
            ["Bot:Templates:Path"] = Path.Combine(RepoPaths.Root, "templates"),
            ["Bot:Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Bot:Discord:BotToken"] = fake.Options.BotToken,
            ["Bot:Discord:ApplicationId"] = fake.Options.ApplicationId,
            ["Bot:Discord:PublicKey"] = publicKey,
            ["Bot:Subscriptions:0:Name"] = "weekly-console",
            ["Bot:Subscriptions:0:Target"] = "console",
            ["Bot:Subscriptions:0:Cron"] = "0 9 * * MON",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public FakeDiscordServer Fake { get; }

    public InteractionSigner Signer { get; }

    /// <summary>Starts the fake and the host, and ingests <c>samples/digests</c>.</summary>
    public static Task<DiscordHostFactory> StartAsync(IDictionary<string, string?>? settings = null, FakeDiscordOptions? fakeOptions = null)
        => StartAsync(_ => settings ?? new Dictionary<string, string?>(), fakeOptions);

    /// <summary>As above, with settings that need the running fake (a webhook URL it created).</summary>
    public static async Task<DiscordHostFactory> StartAsync(Func<FakeDiscordServer, IDictionary<string, string?>> arrange, FakeDiscordOptions? fakeOptions = null)
    {
        ArgumentNullException.ThrowIfNull(arrange);
        var fake = await FakeDiscordServer.StartAsync(fakeOptions);
        var factory = new DiscordHostFactory(fake, new InteractionSigner(), arrange(fake));
        var library = factory.Services.GetRequiredService<DigestLibrary>();
        var report = await library.IngestAsync([RepoPaths.SampleDigests]);
        Assert.NotNull(report);
        return factory;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Fake.DisposeAsync();
        Signer.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment on some systems; the temp folder is cleaned eventually.
        }
    }
}
