using Bot.Library;
using Bot.TestSupport.FakeSlack;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Slack.Tests.SocketMode;

/// <summary>A fake Slack and the host in Socket Mode against it (an app-level token, no signing secret unless given).</summary>
internal sealed class SocketModeHost : IAsyncDisposable
{
    private SocketModeHost(FakeSlackServer fake, SlackHostFactory host)
    {
        Fake = fake;
        Host = host;
    }

    public FakeSlackServer Fake { get; }

    public SlackHostFactory Host { get; }

    public static async Task<SocketModeHost> StartAsync(IDictionary<string, string?>? overrides = null, bool ingest = true)
    {
        var fake = await FakeSlackServer.StartAsync(new FakeSlackOptions { PostInterval = TimeSpan.FromMilliseconds(50) });
        var settings = new Dictionary<string, string?>
        {
            ["Bot:Slack:AppToken"] = fake.AppToken,
            ["Bot:Slack:SigningSecret"] = string.Empty,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var host = new SlackHostFactory(fake, settings);
        var started = new SocketModeHost(fake, host);
        if (ingest)
        {
            await host.Services.GetRequiredService<DigestLibrary>().IngestAsync([RepoPaths.SampleDigests]);
        }
        else
        {
            _ = host.Services;
        }

        return started;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
