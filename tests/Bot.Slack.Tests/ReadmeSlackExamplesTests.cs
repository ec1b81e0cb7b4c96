using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bot.Library;
using Bot.TestSupport.FakeSlack;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Slack.Tests;

/// <summary>
/// Issue 14: the README's Slack examples (the "Commands" table's example column, and the first try in Socket Mode) are
/// read from README.md and sent, as written, to the host holding the bundled samples. Each must be answered without an
/// error or a "no match": an edited README is checked again.
/// </summary>
public sealed partial class ReadmeSlackExamplesTests : IAsyncLifetime
{
    private const string Admin = "UWORKSPACEADMIN";
    private FakeSlackServer _fake = null!;
    private SlackHostFactory _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlackServer.StartAsync(new FakeSlackOptions { PostInterval = TimeSpan.FromMilliseconds(50) });
        _fake.Options.WorkspaceAdmins.Add(Admin);
        _host = new SlackHostFactory(_fake);
        _http = _host.CreateClient();
        await _host.Services.GetRequiredService<DigestLibrary>().IngestAsync([RepoPaths.SampleDigests]);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task EverySlackExampleInTheReadme_IsAnswered_OnTheBundledSamples()
    {
        var examples = SlackExamples(File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")));
        Assert.True(examples.Count >= 7, $"found only {examples.Count} Slack examples in README.md; did the table move?");

        var failures = new List<string>();
        foreach (var example in examples)
        {
            var (command, text) = Split(example);
            var answer = await AnswerAsync(command, text);
            if (Problem(command, text, answer) is { } problem)
            {
                failures.Add($"{example}: {problem}: {Cut(answer)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The examples: the second column of the Slack "Commands" table, and "try `/papers …`" lines.</summary>
    internal static List<string> SlackExamples(string readme)
    {
        var slack = readme[readme.IndexOf("\n## Slack", StringComparison.Ordinal)..];
        var end = slack.IndexOf("\n## ", 3, StringComparison.Ordinal);
        slack = end > 0 ? slack[..end] : slack;
        var found = TableExample().Matches(slack).Select(m => m.Groups["example"].Value).ToList();
        var socket = readme[readme.IndexOf("### Slack (Socket Mode)", StringComparison.Ordinal)..];
        found.InsertRange(0, TryExample().Matches(socket[..socket.IndexOf("\n#", 3, StringComparison.Ordinal)]).Select(m => m.Groups["example"].Value));
        return found;
    }

    private static (string Command, string Text) Split(string example)
    {
        var space = example.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (example[1..], string.Empty) : (example[1..space], example[(space + 1)..]);
    }

    private static string? Problem(string command, string text, string answer)
    {
        if (NoMatch().IsMatch(answer))
        {
            return "answered with no match";
        }

        return command switch
        {
            "subscribe" when !answer.Contains("Subscribed '", StringComparison.Ordinal) => "did not subscribe",
            "unsubscribe" when !answer.Contains("Unsubscribed '", StringComparison.Ordinal) => "did not unsubscribe",
            "papers" or "digest-search" or "refs" or "highlights" when !answer.Contains("http", StringComparison.Ordinal) => "showed no link",
            _ when text.Contains("public", StringComparison.Ordinal) && !answer.Contains("in_channel", StringComparison.Ordinal) => "was not public",
            _ => null,
        };
    }

    private async Task<string> AnswerAsync(string command, string text)
    {
        var response = await _http.SendAsync(SlackHostFactory.Signed("/slack/commands", SlackHostFactory.CommandForm(command, text, _fake.NewResponseUrl(), Admin)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrEmpty(body), $"/{command} {text} was not answered inline");
        var reply = JsonNode.Parse(body)!.AsObject();
        Assert.Empty(FakeSlackValidator.Validate(reply));
        return reply["response_type"] + " " + JsonText.Of(reply);
    }

    private static string Cut(string text) => text.Length <= 200 ? text : text[..200] + "…";

    [GeneratedRegex(@"^\|[^\n]*\|\s*`(?<example>/[^`]+)`\s*\|\s*$", RegexOptions.Multiline)]
    private static partial Regex TableExample();

    [GeneratedRegex(@"try `(?<example>/[^`]+)`")]
    private static partial Regex TryExample();

    [GeneratedRegex(@"\bNo \w+ matches?\b|No digests are stored|cannot be shown|Unknown command")]
    private static partial Regex NoMatch();
}
