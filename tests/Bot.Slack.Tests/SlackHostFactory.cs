using System.Net.Http.Headers;
using System.Text;
using Bot.Slack.Http;
using Bot.TestSupport.FakeSlack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Bot.Slack.Tests;

/// <summary>The host (<c>serve</c>) with its own temporary data directory, its Slack settings pointed at a fake.</summary>
public sealed class SlackHostFactory : WebApplicationFactory<Program>
{
    public const string SigningSecret = "test-signing-secret";

    private readonly Dictionary<string, string?> _settings;

    public SlackHostFactory(FakeSlackServer fake, IDictionary<string, string?>? overrides = null)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "bot-slack-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _settings = TestServices.Settings(fake);
        _settings["Bot:DataDirectory"] = DataDirectory;
        _settings["Bot:Slack:SigningSecret"] = SigningSecret;
        _settings["Bot:Slack:AdminUserIds:0"] = "UCONFIGADMIN";
        _settings["Bot:Subscriptions:0:Name"] = "weekly-console";
        _settings["Bot:Subscriptions:0:Target"] = "console";
        _settings["Bot:Subscriptions:0:Cron"] = "0 9 * * MON";
        _settings["Bot:Digests:Sources:0"] = RepoPaths.SampleDigests;
        _settings["Bot:Digests:Watch"] = "false";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    /// <summary>A form body signed like Slack signs it, at <paramref name="timestamp"/> (default: now).</summary>
    public static HttpRequestMessage Signed(string path, string body, DateTimeOffset? timestamp = null, string secret = SigningSecret)
    {
        var ts = (timestamp ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", SlackSignatureVerifier.Sign(secret, ts, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    /// <summary>A slash command form as Slack sends it.</summary>
    public static string CommandForm(string command, string text, string responseUrl, string userId = "UUSER", string channelId = "CCHANNEL")
        => $"token=legacy&team_id=T0FAKE&team_domain=fake&channel_id={channelId}&channel_name=general&user_id={userId}&user_name=someone"
           + $"&command={Uri.EscapeDataString("/" + command)}&text={Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal)}"
           + $"&response_url={Uri.EscapeDataString(responseUrl)}&trigger_id=1.2.3";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by SQLite's pool; the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
