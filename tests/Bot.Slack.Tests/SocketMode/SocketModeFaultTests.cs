namespace Bot.Slack.Tests.SocketMode;

/// <summary>Socket Mode under <c>refresh_requested</c> and dropped sockets.</summary>
public sealed class SocketModeFaultTests
{
    [Fact]
    public async Task TwoHundredCommands_UnderRefreshRequestsAndDrops_AreEachAckedWithin3sAndAnsweredOnce()
    {
        await using var run = await SocketModeHost.StartAsync();
        var fake = run.Fake;
        fake.DisconnectGrace = TimeSpan.FromMilliseconds(500);
        await SocketModeCommandsTests.AckedAsync(fake, fake.SendSlashCommand("papers", "warm up"));
        string[] queries = ["sparse mixture routing", "agent", "model", "reasoning"];
        var urls = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            urls.Add(fake.SendSlashCommand(i % 2 == 0 ? "papers" : "search", queries[i % queries.Length]));
            if (i is 30 or 100 or 170)
            {
                fake.SendDisconnect("refresh_requested");
            }
            else if (i is 60 or 140)
            {
                fake.DropSocketConnections();
            }
            else if (i == 120)
            {
                fake.SendDisconnect("warning");
            }

            await Task.Delay(15);
        }

        await fake.WaitForEnvelopesAsync(e => e.Count(x => x.AckedAt is not null) == 201, TimeSpan.FromSeconds(60));
        await Task.Delay(500);

        var envelopes = fake.Envelopes.Where(e => urls.Contains(e.ResponseUrl!)).ToList();
        Assert.Equal(200, envelopes.Count);
        Assert.All(envelopes, e => Assert.True(e.AckDelay < TimeSpan.FromSeconds(3), $"{e.EnvelopeId} acked after {e.AckDelay}"));
        Assert.All(envelopes, e => Assert.Equal(1, (e.AckPayload is null ? 0 : 1) + fake.MessagesAt(e.ResponseUrl!).Count));
        Assert.Equal(0, fake.DuplicateAcks);
        Assert.True(fake.SocketConnections >= 7, $"connections: {fake.SocketConnections}");
        Assert.Empty(fake.Rejections);
    }
}
