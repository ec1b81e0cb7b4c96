using System.Net;
using System.Net.Sockets;
using Bot.Hosting;
using Microsoft.Extensions.Configuration;

namespace Bot.Tests.Hosting;

public sealed class PortPreflightTests
{
    [Fact]
    public void FirstInUse_NamesAConfiguredUrlAnotherSocketListensOn_AndPassesAFreeOne()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var busy = ((IPEndPoint)occupant.LocalEndpoint).Port;
        int free;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            free = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        Assert.Equal($"http://127.0.0.1:{busy}", PortPreflight.FirstInUse(Settings(("Bot:Urls", $"http://127.0.0.1:{free};http://127.0.0.1:{busy}"))));
        Assert.Equal($"http://localhost:{busy}", PortPreflight.FirstInUse(Settings(("urls", $"http://localhost:{busy}"))));
        Assert.Equal($"http://*:{busy}", PortPreflight.FirstInUse(Settings(("Kestrel:Endpoints:Main:Url", $"http://*:{busy}"))));
        Assert.Null(PortPreflight.FirstInUse(Settings(("Bot:Urls", $"http://127.0.0.1:{free}"))));
    }

    [Fact]
    public void FirstInUse_IgnoresAPortLeftByAClosedConnection_AsKestrelDoes()
    {
        // A served connection closed by the server leaves TIME_WAIT on the port; the next run binds it all the same.
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            using var served = listener.AcceptTcpClient();
            served.Close();
            listener.Stop();
        }

        Assert.Null(PortPreflight.FirstInUse(Settings(("Bot:Urls", $"http://127.0.0.1:{port}"))));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", "127.0.0.1", 5080)]
    [InlineData("http://localhost:5081", "127.0.0.1", 5081)]
    [InlineData("http://*:5082", "0.0.0.0", 5082)]
    [InlineData("http://+:5083", "0.0.0.0", 5083)]
    [InlineData("http://[::1]:5084", "::1", 5084)]
    [InlineData("https://0.0.0.0:5085", "0.0.0.0", 5085)]
    public void Endpoint_ReadsTheAddressAndPortKestrelBinds(string url, string address, int port)
        => Assert.Equal(new IPEndPoint(IPAddress.Parse(address), port), PortPreflight.Endpoint(url));

    [Fact]
    public void Endpoint_LeavesAHostNameToKestrel()
        => Assert.Null(PortPreflight.Endpoint("http://bot.example.org:5080"));

    private static IConfiguration Settings(params (string Key, string Value)[] values)
        => new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
