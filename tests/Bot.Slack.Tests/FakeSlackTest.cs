using Bot.TestSupport.FakeSlack;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Slack.Tests;

/// <summary>Per test: a fake Slack on 127.0.0.1 (50 ms pacing, 10 s timeout hang) and the bot's Slack services wired to it.</summary>
public abstract class FakeSlackTest : IAsyncLifetime
{
    protected FakeSlackServer Fake { get; private set; } = null!;

    protected ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fake = await FakeSlackServer.StartAsync(new FakeSlackOptions { PostInterval = TimeSpan.FromMilliseconds(50), TimeoutHang = TimeSpan.FromSeconds(10) });
        Services = TestServices.Create(Fake);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
