using System.Net;
using System.Text.Json;
using Bot.Tests.Support;

namespace Bot.Tests.Cluster;

// Its own PostgreSQL (a class fixture), because the test stops it.
public sealed class PostgresHealthTests : IClassFixture<PostgresCluster>
{
    private readonly PostgresCluster _cluster;

    public PostgresHealthTests(PostgresCluster cluster)
    {
        _cluster = cluster;
    }

    [PostgresFact]
    public async Task Healthz_FailsWhilePostgresIsDown_LiveStaysUp_AndBothRecover()
    {
        var connection = await _cluster.CreateDatabaseAsync();
        await using var factory = new BotHostFactory(new Dictionary<string, string?>
        {
            ["Bot:Scheduling:Storage"] = "PostgreSql",
            ["Bot:Scheduling:ConnectionString"] = connection,
        });
        using var client = factory.CreateClient();
        var before = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        await _cluster.StopAsync();
        HttpResponseMessage down, ready, live;
        try
        {
            down = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
            live = await client.GetAsync(new Uri("/healthz/live", UriKind.Relative));
        }
        finally
        {
            await _cluster.StartAsync();
        }

        var after = await WaitForStatusAsync(client, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains("postgres", await CheckNamesAsync(before));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after);
    }

    private static async Task<List<string?>> CheckNamesAsync(HttpResponseMessage response)
    {
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. report.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString())];
    }

    private static async Task<HttpStatusCode> WaitForStatusAsync(HttpClient client, HttpStatusCode wanted)
    {
        // Up to a minute, not 40 tries: a restarted PostgreSQL and the pool's reconnect take seconds on a loaded machine.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var status = HttpStatusCode.ServiceUnavailable;
        while (DateTime.UtcNow < deadline)
        {
            status = (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode;
            if (status == wanted)
            {
                break;
            }

            await Task.Delay(250);
        }

        return status;
    }
}
