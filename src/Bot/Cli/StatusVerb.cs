using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bot.Library;
using Bot.Library.State;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Cli;

/// <summary><c>status [--json]</c>: digests (count, newest), subscriptions (next run, last post), and the failed, uncertain and pending ledger rows.</summary>
internal static class StatusVerb
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static Command Create()
    {
        var json = CommonOptions.Json();
        var command = new Command("status", "Show the stored digests, each subscription's next run and last post, and failed / uncertain / pending posts") { json };
        command.SetAction(async (result, ct) =>
        {
            using var host = BotServices.Create(result);
            var services = host.Services;
            var report = await StatusReport.ReadAsync(
                services.GetRequiredService<DigestLibrary>(),
                services.GetRequiredService<IStateStore>(),
                services.GetRequiredService<TimeProvider>(),
                ct);
            if (result.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, Json));
            }
            else
            {
                WriteText(Console.Out, report);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The readable form: one line per subject, then one per row that needs a person.</summary>
    public static void WriteText(TextWriter output, StatusReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var newest = report.Digests.Newest;
        output.WriteLine(newest is null
            ? "Digests: none stored (run `ingest PATH`, or `serve` with Bot:Digests:Sources)"
            : $"Digests: {report.Digests.Count} stored; newest {newest.Id}{(newest.Date is null ? string.Empty : $" ({newest.Date})")}: {newest.Title}");
        output.WriteLine($"Subscriptions: {report.Subscriptions.Count}{(report.Subscriptions.Count == 0 ? " stored (configured ones are stored at the next `serve` or `post`)" : string.Empty)}");
        foreach (var s in report.Subscriptions)
        {
            var next = s.NextRun is { } at ? $"next run {Time(at, s.TimeZone)}" : "next run: none (check its cron and time zone)";
            var last = s.LastPost is { } post ? $"last post {Time(post.SentAt, s.TimeZone)} ({post.DigestId} / {post.Section})" : "no post yet";
            output.WriteLine($"  {s.Name}  {s.Target}  {s.Cron} {s.TimeZone}  {next}  {last}");
        }

        var ledger = report.Ledger;
        output.WriteLine($"Ledger: {ledger.Failed} failed, {ledger.Uncertain} uncertain, {ledger.Pending} pending");
        foreach (var row in ledger.Rows)
        {
            var error = string.IsNullOrWhiteSpace(row.LastError) ? string.Empty : $": {row.LastError.ReplaceLineEndings(" ")}";
            output.WriteLine($"  {row.State}  {row.Subscription}  {row.DigestId} / {row.Section}  due {row.DueAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC  attempts {row.Attempts}{error}");
        }

        if (ledger.Failed > 0 || ledger.Uncertain > 0)
        {
            output.WriteLine("Send failed posts again with `post --subscription NAME --retry-failed`; uncertain ones, after checking the channel, with `--retry-uncertain`.");
        }
    }

    private static string Time(DateTimeOffset at, string timeZone)
    {
        var local = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? TimeZoneInfo.ConvertTime(at, zone) : at;
        return local.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
    }
}
