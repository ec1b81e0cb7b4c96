using Bot.Library;
using Bot.TestSupport;
using Bot.TestSupport.FakeDiscord;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Tests.Gateway;

/// <summary>
/// The real host with a bot token and no public key (so Gateway mode by default), pointed at a fake Discord REST API with
/// a fake Gateway attached; optionally on a fake clock. Logs are captured.
/// </summary>
internal sealed class GatewayHostFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "bot-gateway-tests-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _time;

    private GatewayHostFactory(FakeDiscordServer fake, FakeDiscordGateway gateway, IDictionary<string, string?>? settings, TimeProvider? time)
    {
        Fake = fake;
        Gateway = gateway;
        _time = time;
        Directory.CreateDirectory(_dataDirectory);
        _settings = DiscordHostFactory.Settings(_dataDirectory, fake, publicKey: string.Empty, settings);
    }

    public FakeDiscordServer Fake { get; }

    public FakeDiscordGateway Gateway { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Starts the fakes and the host, and ingests <c>samples/digests</c>.</summary>
    public static async Task<GatewayHostFactory> StartAsync(IDictionary<string, string?>? settings = null, FakeGatewayOptions? gatewayOptions = null, TimeProvider? time = null, bool ingest = true, Action<FakeDiscordGateway>? configure = null)
    {
        var fake = await FakeDiscordServer.StartAsync(time: time);
        var gateway = await FakeDiscordGateway.StartAsync(fake, gatewayOptions);
        configure?.Invoke(gateway);
        var factory = new GatewayHostFactory(fake, gateway, settings, time);
        var library = factory.Services.GetRequiredService<DigestLibrary>();
        if (ingest)
        {
            await library.IngestAsync([RepoPaths.SampleDigests]);
        }

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
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            if (_time is not null)
            {
                services.AddSingleton(_time);
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Gateway.DisposeAsync();
        await Fake.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
