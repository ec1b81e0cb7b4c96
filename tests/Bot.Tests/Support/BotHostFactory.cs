using Bot.Core.Posting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Tests.Support;

/// <summary>The host (<c>serve</c>) with its own temp data directory, in-memory settings, and optionally a replacement console poster.</summary>
public sealed class BotHostFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly ISectionPoster? _consolePoster;
    private readonly TempDirectory _data = new();

    public BotHostFactory(IDictionary<string, string?>? settings = null, ISectionPoster? consolePoster = null)
    {
        _consolePoster = consolePoster;
        _settings = new Dictionary<string, string?>
        {
            ["Bot:DataDirectory"] = _data.Path,
            ["Bot:Digests:Sources:0"] = RepoPaths.SampleDigests,
            ["Bot:Templates:Path"] = Path.Combine(RepoPaths.Root, "templates"),
            ["Bot:Subscriptions:0:Name"] = "weekly-console",
            ["Bot:Subscriptions:0:Target"] = "console",
            ["Bot:Subscriptions:0:Sections:0"] = "*",
            ["Bot:Subscriptions:0:Cron"] = "0 9 * * MON",
            ["Bot:Subscriptions:0:TimeZone"] = "Asia/Seoul",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DataDirectory => _data.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        if (_consolePoster is not null)
        {
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<ISectionPoster>();
                services.AddSingleton(_consolePoster);
            });
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }
}
