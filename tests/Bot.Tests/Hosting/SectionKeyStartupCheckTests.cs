using Bot.Core.Posting;
using Bot.Hosting;
using Bot.Posting;
using Bot.Scheduling;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Hosting;

/// <summary>Section keys are checked against the library after the start-up ingest, with the same one-line error as before.</summary>
public sealed class SectionKeyStartupCheckTests : IDisposable
{
    private const string CustomDigest = """
        ---
        title: "Robotics Notes"
        date: 2026-11-02
        ---

        ## 🤖 **Robot Arms**
        ### A gripper that learns from one demonstration
        - One demonstration is enough to learn a new grasp.
        """;

    private readonly string _sources = Path.Combine(Path.GetTempPath(), "bot-section-keys-" + Guid.NewGuid().ToString("N"));

    public SectionKeyStartupCheckTests()
    {
        Directory.CreateDirectory(_sources);
        File.WriteAllText(Path.Combine(_sources, "2026-11-02-robotics.md"), CustomDigest);
    }

    public void Dispose() => Directory.Delete(_sources, recursive: true);

    [Fact]
    public void Failures_NameTheSettingTheKeyAndTheClosest_OnOneLine()
    {
        var subscription = new SubscriptionOptions { Name = "weekly-console", Target = "console", Sections = ["papers", "paper"] };

        var failure = Assert.Single(SectionKeyStartupCheck.Failures([subscription], KnownSections.WellKnown));

        Assert.StartsWith("Bot:Subscriptions:0:Sections ('weekly-console'): there is no section 'paper' (did you mean 'papers'?); known sections are ", failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }

    [Fact]
    public async Task Host_Starts_WhenTheKeyIsKnownOnlyFromADigestInTheSources()
    {
        // Nothing is stored before start: the key is learnt from the start-up ingest, not from options validation.
        var error = await StartAsync("robot-arms");

        Assert.Null(error);
    }

    [Fact]
    public async Task Host_Refuses_WithOneLine_WhenTheKeyIsInNoDigest()
    {
        var error = await StartAsync("robot-arm");

        var validation = Assert.IsType<OptionsValidationException>(error);
        var line = Assert.Single(validation.Failures);
        Assert.StartsWith("Bot:Subscriptions:0:Sections ('arms'): there is no section 'robot-arm' (did you mean 'robot-arms'?)", line, StringComparison.Ordinal);
    }

    private async Task<Exception?> StartAsync(string section)
    {
        var data = Path.Combine(Path.GetTempPath(), "bot-section-keys-data-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Bot:Digests:Sources:0"] = _sources,
            ["Bot:Templates:Path"] = RepoPaths.Templates,
            ["Bot:Scheduling:Storage"] = "Memory",
            ["Bot:Subscriptions:0:Name"] = "arms",
            ["Bot:Subscriptions:0:Target"] = "console",
            ["Bot:Subscriptions:0:Sections:0"] = section,
            ["Bot:Subscriptions:0:Cron"] = "0 9 * * MON",
        };
        Exception? error = null;
        await using (var app = BotWebHost.Build([.. settings.Select(p => $"--{p.Key}={p.Value}")], data))
        {
            try
            {
                await app.StartAsync();
                await app.StopAsync();
            }
            catch (OptionsValidationException ex)
            {
                error = ex;
            }
        }

        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }

        return error;
    }
}
