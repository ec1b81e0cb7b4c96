using System.CommandLine;
using System.Text.Json;
using Bot.Library;
using Bot.Library.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Bot.Cli;

/// <summary><c>ingest [path-or-url...]</c>: adds or updates digests (the configured sources when none are given).</summary>
internal static class IngestVerb
{
    private static readonly TimeSpan ProgressAfter = TimeSpan.FromSeconds(1);

    public static Command Create()
    {
        var sources = new Argument<string[]>("sources")
        {
            Description = "Folders (recursive *.md, *.markdown), files, or http(s) URLs of Markdown, an RSS/Atom feed or a post page; default: Bot:Digests:Sources",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var json = CommonOptions.Json();
        var command = new Command("ingest", "Add or update digests in the data directory") { sources, json };
        command.SetAction((result, ct) => RunAsync(result, result.GetValue(sources) ?? [], result.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, string[] sources, bool json, CancellationToken ct)
    {
        using var host = BotServices.Create(result);
        var library = host.Services.GetRequiredService<DigestLibrary>();
        IReadOnlyList<string> list = sources.Length > 0 ? sources : library.Options.Digests.Sources;
        if (list.Count == 0)
        {
            await Console.Error.WriteLineAsync("error: no sources given and Bot:Digests:Sources is empty");
            return 1;
        }

        // A console bound to the current Console.Out (AnsiConsole.Console would keep the first writer it saw).
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected || !console.Profile.Capabilities.Interactive)
        {
            // A pipe or a file has no width: Spectre would assume 80 columns and hard-wrap long paths and warnings, which
            // breaks grep and scripts. Only a terminal gets wrapped to its width.
            console.Profile.Width = 100_000;
        }

        var report = json ? await library.IngestAsync(list, null, ct) : await IngestWithProgressAsync(console, library, list, ct);
        if (json)
        {
            await Console.Out.WriteLineAsync(Json(report));
        }
        else
        {
            WriteSummary(console, report);
        }

        if (report.Failed > 0)
        {
            await Console.Error.WriteLineAsync($"error: {report.Failed} of {report.Files.Count} sources failed; nothing stored for them was changed");
            return 1;
        }

        return 0;
    }

    private static async Task<IngestReport> IngestWithProgressAsync(IAnsiConsole console, DigestLibrary library, IReadOnlyList<string> sources, CancellationToken ct)
    {
        var latest = new LatestProgress();
        var ingest = library.IngestAsync(sources, latest, ct);
        var interactive = console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
        if (!interactive || await Task.WhenAny(ingest, Task.Delay(ProgressAfter, ct)) == ingest)
        {
            return await ingest;
        }

        // Only work that lasts longer than a second gets a progress bar.
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Ingesting");
                while (true)
                {
                    var current = latest.Value;
                    if (current is not null)
                    {
                        task.MaxValue = Math.Max(1, current.Total);
                        task.Value = current.Done;
                        var name = Shorten(Path.GetFileName(current.Current.TrimEnd('/')));
                        task.Description = Markup.Escape(current.Kind is null ? name : $"{name} ({current.Kind})");
                    }

                    if (ingest.IsCompleted)
                    {
                        task.Value = task.MaxValue;
                        task.Description = "Ingested";
                        break;
                    }

                    await Task.WhenAny(ingest, Task.Delay(100, CancellationToken.None));
                }
            });
        return await ingest;
    }

    private static void WriteSummary(IAnsiConsole console, IngestReport report)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("added", "updated", "unchanged", "failed")
            .AddRow(report.Added.ToString(), report.Updated.ToString(), report.Unchanged.ToString(), report.Failed.ToString());
        console.Write(table);
        foreach (var web in report.Files.Where(f => f.Kind is "rss" or "atom" or "html" or "markdown"))
        {
            console.MarkupLine($"[bold]{Markup.Escape(Display(web.Source))}[/]: {web.Kind} ({web.Outcome.ToString().ToLowerInvariant()})");
        }

        foreach (var file in report.Files.Where(f => f.Outcome is IngestOutcome.Failed or IngestOutcome.Skipped || f.Warnings.Count > 0))
        {
            var kind = file.Kind is null ? string.Empty : $"{file.Kind}, ";
            console.MarkupLine($"[bold]{Markup.Escape(Display(file.Source))}[/] ({kind}{file.Outcome.ToString().ToLowerInvariant()})");
            if (file.Error is not null)
            {
                console.MarkupLine($"  [red]error:[/] {Markup.Escape(file.Error)}");
            }

            foreach (var warning in file.Warnings)
            {
                var where = warning.Line > 0 ? $"line {warning.Line}: " : string.Empty;
                console.MarkupLine($"  [yellow]warning[/] {Markup.Escape(warning.Code)}: {Markup.Escape(where + warning.Message)}");
            }
        }
    }

    private static string Display(string source)
        => Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.GetLeftPart(UriPartial.Path) : source;

    /// <summary>The report as JSON: totals, then one object per source with the kind it turned out to be.</summary>
    private static string Json(IngestReport report)
    {
        var shape = new
        {
            added = report.Added,
            updated = report.Updated,
            unchanged = report.Unchanged,
            failed = report.Failed,
            skipped = report.Skipped,
            sources = report.Files.Select(f => new
            {
                source = Display(f.Source),
                kind = f.Kind,
                outcome = f.Outcome.ToString().ToLowerInvariant(),
                digestId = f.DigestId,
                error = f.Error,
                warnings = f.Warnings.Select(w => new { code = w.Code, message = w.Message }),
            }),
        };
        return JsonSerializer.Serialize(shape, JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Shorten(string text) => text.Length <= 40 ? text : "…" + text[^39..];

    private sealed class LatestProgress : IProgress<IngestProgress>
    {
        private IngestProgress? _value;

        public IngestProgress? Value => Volatile.Read(ref _value);

        public void Report(IngestProgress value) => Volatile.Write(ref _value, value);
    }
}
