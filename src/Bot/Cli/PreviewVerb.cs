using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Core.Highlights;
using Bot.Core.Posting;
using Bot.Core.Rendering;
using Bot.Digests.Model;
using Bot.Discord.Rendering;
using Bot.Discord.Wire.Messages;
using Bot.Library;
using Bot.Slack.Rendering;
using Bot.Slack.Wire.Messages;
using Microsoft.Extensions.Configuration;

namespace Bot.Cli;

/// <summary>
/// <c>preview [--digest ID|latest] [--section KEY] [--platform discord|slack] [--json]</c>: the exact request bodies
/// that a scheduled post would send (<c>--json</c>: <c>{platform, messages[]}</c>), or a readable rendering.
/// </summary>
internal static class PreviewVerb
{
    private static readonly JsonSerializerOptions Printed = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var digest = new Option<string?>("--digest") { Description = "Digest id, date (yyyy-MM-dd) or 'latest' (the default)" };
        var section = new Option<string?>("--section") { Description = "Only this section (key or title); default: every section" };
        var platform = new Option<string?>("--platform") { Description = "discord or slack; without it, a console rendering (--json defaults to discord)" };
        platform.AcceptOnlyFromAmong("discord", "slack");
        var json = CommonOptions.Json();
        var entriesOption = NumberOption.Create("--entries", "Entries per section (1-25; default: EntriesPerSection of the first subscription, else 5)", 1, 25, 0);
        var command = new Command("preview", "Show the exact payloads a scheduled post would send, without sending anything");
        command.Options.Add(digest);
        command.Options.Add(section);
        command.Options.Add(platform);
        command.Options.Add(json);
        command.Options.Add(entriesOption);
        command.SetAction((result, ct) => RunAsync(result, result.GetValue(digest), result.GetValue(section), result.GetValue(platform), result.GetValue(json), result.GetValue(entriesOption), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, string? digestId, string? sectionKey, string? platform, bool json, int entriesOption, CancellationToken ct)
    {
        using var host = BotServices.Create(result);
        var services = host.Services;
        var library = services.GetRequiredService<DigestLibrary>();
        var stored = await library.ListDigestsAsync(ct);
        if (stored.Count == 0)
        {
            return Fail("no digests stored; run ingest first");
        }

        var summary = string.IsNullOrWhiteSpace(digestId) || digestId.Equals("latest", StringComparison.OrdinalIgnoreCase)
            ? stored[0]
            : stored.FirstOrDefault(d => d.Id.Equals(digestId.Trim(), StringComparison.OrdinalIgnoreCase))
              ?? stored.FirstOrDefault(d => d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == digestId.Trim());
        var digest = summary is null ? null : await library.GetDigestAsync(summary.Id, ct);
        if (digest is null)
        {
            return Fail($"no digest '{digestId}'; stored: {string.Join(", ", stored.Take(5).Select(d => d.Id))}");
        }

        IReadOnlyList<Section> sections = digest.Sections;
        if (!string.IsNullOrWhiteSpace(sectionKey))
        {
            var found = SectionMatcher.Find(digest, sectionKey);
            if (found is null)
            {
                return Fail($"digest '{digest.Id}' has no section '{sectionKey}'; sections: {string.Join(", ", digest.Sections.Select(s => s.Key))}");
            }

            sections = [found];
        }

        var configuration = services.GetRequiredService<IConfiguration>();
        var entries = entriesOption > 0 ? entriesOption : configuration.GetValue<int?>("Bot:Subscriptions:0:EntriesPerSection") ?? 5;
        var url = library.PublicUrl(digest);
        var posts = sections
            .Select(s => HighlightBuilder.Create(digest, url, s.Key, entries))
            .Where(h => h is not null)
            .Select(h => new SectionPost($"preview:{digest.Id}:{h!.SectionKey}", h))
            .ToList();

        if (platform is null && !json)
        {
            var console = ActivatorUtilities.GetServiceOrCreateInstance<ConsoleRenderer>(services);
            Console.Out.Write(string.Join('\n', posts.Select(console.RenderPost)));
            return 0;
        }

        platform ??= "discord";
        var bodies = platform == "slack"
            ? posts.SelectMany(p => ActivatorUtilities.GetServiceOrCreateInstance<SlackRenderer>(services).RenderPost(p))
                .Select(m => JsonSerializer.SerializeToNode(m, SlackMessageJsonContext.Default.SlackMessage)!).ToList()
            : posts.SelectMany(p => ActivatorUtilities.GetServiceOrCreateInstance<DiscordRenderer>(services).RenderPost(p))
                .Select(m => JsonSerializer.SerializeToNode(m, DiscordMessageJsonContext.Default.DiscordMessage)!).ToList();

        if (json)
        {
            var output = new JsonObject { ["platform"] = platform, ["messages"] = new JsonArray([.. bodies]) };
            Console.Out.WriteLine(output.ToJsonString(Printed));
            return 0;
        }

        Console.Out.Write(Readable(platform, bodies));
        return 0;
    }

    // A terminal view of the payloads: each message's visible text, in order.
    private static string Readable(string platform, List<JsonNode> bodies)
    {
        var text = new StringBuilder();
        for (var i = 0; i < bodies.Count; i++)
        {
            var body = bodies[i];
            text.Append(CultureInfo.InvariantCulture, $"── {platform} message {i + 1}/{bodies.Count} ─────────────────────────────\n");
            if (platform == "discord")
            {
                Line(text, body["content"]);
                foreach (var embed in body["embeds"]?.AsArray() ?? [])
                {
                    Line(text, embed?["title"], "# ");
                    Line(text, embed?["description"]);
                    foreach (var field in embed?["fields"]?.AsArray() ?? [])
                    {
                        Line(text, field?["name"], "## ");
                        Line(text, field?["value"], "   ");
                    }

                    Line(text, embed?["footer"]?["text"], "-- ");
                }
            }
            else
            {
                foreach (var block in body["blocks"]?.AsArray() ?? [])
                {
                    var type = block?["type"]?.GetValue<string>();
                    Line(text, block?["text"]?["text"], type == "header" ? "# " : string.Empty);
                    foreach (var element in block?["elements"]?.AsArray() ?? [])
                    {
                        Line(text, element?["text"] is JsonValue v ? v : element?["text"]?["text"], type == "actions" ? "[button] " : "   ");
                    }
                }
            }
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, JsonNode? node, string prefix = "")
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var s) && s.Length > 0)
        {
            text.Append(prefix).Append(s.Replace("\n", "\n" + new string(' ', prefix.Length), StringComparison.Ordinal)).Append('\n');
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 1;
    }
}
