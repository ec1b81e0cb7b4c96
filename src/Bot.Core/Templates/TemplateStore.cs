using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Bot.Core.Replies;
using Bot.Core.Text;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Core.Templates;

/// <summary>
/// The Liquid templates of <c>templates/{dialect}/{reply}.liquid</c>, one folder per registered <see cref="TemplateDialect"/>.
/// Each template is rendered once per part (the <c>part</c> variable) and every inserted value goes through the dialect's encoder. A changed file is reloaded;
/// a reload that does not parse keeps the previous template and logs why.
/// </summary>
public sealed partial class TemplateStore
{
    /// <summary>The reply templates every platform folder must hold.</summary>
    public static readonly IReadOnlyList<string> ReplyNames = ["section", "overview", "search", "references", "error", "text"];

    private static readonly FluidParser Parser = new();

    private readonly ConcurrentDictionary<(string Dialect, string Reply), Cached> _cache = new();
    private readonly Dictionary<string, Fluid.TemplateOptions> _options = new(StringComparer.Ordinal);
    private readonly TimeSpan _reloadInterval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>
    /// Creates the store from <c>Bot:Templates</c> for the <paramref name="dialects"/> the adapters registered, loading
    /// every template now (throws <see cref="TemplateLoadException"/>).
    /// </summary>
    public TemplateStore(IOptions<TemplatesOptions> options, IEnumerable<TemplateDialect> dialects, IHostEnvironment? environment = null, ILogger<TemplateStore>? logger = null, TimeProvider? time = null)
        : this(ResolveDirectory(options?.Value.Path ?? "templates", environment?.ContentRootPath), dialects, options?.Value.ReloadInterval ?? TimeSpan.FromSeconds(2), logger, time)
    {
    }

    private TemplateStore(string directory, IEnumerable<TemplateDialect> dialects, TimeSpan reloadInterval, ILogger? logger, TimeProvider? time)
    {
        ArgumentNullException.ThrowIfNull(dialects);
        Directory = directory;
        _reloadInterval = reloadInterval;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        var errors = new List<string>();
        foreach (var dialect in Distinct(dialects))
        {
            _options[dialect.Name] = CreateOptions(dialect.Link);
            foreach (var name in ReplyNames)
            {
                var path = PathOf(dialect.Name, name);
                if (TryLoad(path, out var template, out var error))
                {
                    _cache[(dialect.Name, name)] = new Cached(template!, File.GetLastWriteTimeUtc(path), _time.GetTimestamp());
                }
                else
                {
                    errors.Add(error!);
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new TemplateLoadException(string.Join("; ", errors));
        }
    }

    /// <summary>The resolved template folder.</summary>
    public string Directory { get; }

    /// <summary>Loads every template of <paramref name="dialects"/> from <paramref name="directory"/> (throws <see cref="TemplateLoadException"/>).</summary>
    public static TemplateStore FromDirectory(string directory, IEnumerable<TemplateDialect> dialects, TimeSpan? reloadInterval = null, ILogger? logger = null)
        => new(Path.GetFullPath(directory), dialects, reloadInterval ?? TimeSpan.FromSeconds(2), logger, null);

    /// <summary>The templates of <paramref name="dialects"/> shipped next to the binaries (<c>AppContext.BaseDirectory/templates</c>).</summary>
    public static TemplateStore CreateDefault(params TemplateDialect[] dialects) => FromDirectory(ResolveDirectory("templates", null), dialects);

    /// <summary>Every problem with the templates of <paramref name="dialects"/> in <paramref name="directory"/>: missing files and parse errors with file and line.</summary>
    public static IReadOnlyList<string> Validate(string directory, IEnumerable<TemplateDialect> dialects)
    {
        ArgumentNullException.ThrowIfNull(dialects);
        var errors = new List<string>();
        foreach (var dialect in Distinct(dialects))
        {
            foreach (var name in ReplyNames)
            {
                if (!TryLoad(FilePath(directory, dialect.Name, name), out _, out var error))
                {
                    errors.Add(error!);
                }
            }
        }

        return errors;
    }

    /// <summary>
    /// The template folder for a configured path: an absolute path as is; a relative one under the content root, the
    /// current directory, or the application folder, whichever holds it first.
    /// </summary>
    public static string ResolveDirectory(string path, string? contentRoot)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new TemplateLoadException("Bot:Templates:Path is empty; set it to the folder holding one template folder per platform.");
        }

        if (Path.IsPathRooted(path))
        {
            return path;
        }

        string?[] roots = [contentRoot, Environment.CurrentDirectory, AppContext.BaseDirectory];
        var candidates = roots.Where(r => !string.IsNullOrEmpty(r)).Select(r => Path.GetFullPath(Path.Combine(r!, path))).Distinct().ToList();
        return candidates.FirstOrDefault(System.IO.Directory.Exists)
            ?? throw new TemplateLoadException(
                $"Bot:Templates:Path: the template folder '{path}' does not exist (looked in {string.Join(", ", candidates)}); set it to the folder holding one template folder per platform.");
    }

    /// <summary>
    /// Renders one part of a reply template, trimmed. <paramref name="model"/> holds the reply's variables;
    /// <paramref name="item"/>, when given, is the current entry as <c>item</c>. The encoder defaults to the dialect's.
    /// </summary>
    public string Render(TemplateDialect dialect, string reply, string part, IReadOnlyDictionary<string, object?> model, IReadOnlyDictionary<string, object?>? item = null, TextEncoder? encoder = null)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(model);
        var template = Get(dialect.Name, reply);
        var context = new TemplateContext(_options[dialect.Name]);
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value ?? NilValue.Instance);
        }

        context.SetValue("part", part);
        if (item is not null)
        {
            context.SetValue("item", item);
        }

        encoder ??= dialect.Encoder;
        return template.Render(context, encoder).Trim();
    }

    private IFluidTemplate Get(string dialect, string reply)
    {
        if (!_cache.TryGetValue((dialect, reply), out var cached))
        {
            throw new ArgumentException($"There is no '{dialect}/{reply}' template; was the '{dialect}' dialect given to the store?", nameof(reply));
        }

        if (_time.GetElapsedTime(cached.CheckedAt) < _reloadInterval)
        {
            return cached.Template;
        }

        var path = PathOf(dialect, reply);
        var written = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : cached.WrittenAt;
        var now = _time.GetTimestamp();
        if (written == cached.WrittenAt)
        {
            _cache[(dialect, reply)] = cached with { CheckedAt = now };
            return cached.Template;
        }

        if (TryLoad(path, out var template, out var error))
        {
            _logger.LogInformation("Reloaded template {File}", DisplayPath(path));
            _cache[(dialect, reply)] = new Cached(template!, written, now);
            return template!;
        }

        _logger.LogError("Template {File} was changed but does not load; keeping the previous one: {Error}", DisplayPath(path), error);
        _cache[(dialect, reply)] = cached with { WrittenAt = written, CheckedAt = now };
        return cached.Template;
    }

    private string PathOf(string dialect, string name) => FilePath(Directory, dialect, name);

    private static string FilePath(string directory, string dialect, string name)
        => Path.Combine(directory, dialect, name + ".liquid");

    // An adapter registered twice (AddBotDiscord called again) must not load its folder twice.
    private static IEnumerable<TemplateDialect> Distinct(IEnumerable<TemplateDialect> dialects) => dialects.DistinctBy(d => d.Name, StringComparer.Ordinal);

    private static bool TryLoad(string path, out IFluidTemplate? template, out string? error)
    {
        template = null;
        error = null;
        string source;
        try
        {
            source = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"{DisplayPath(path)}: cannot be read ({ex.Message.ReplaceLineEndings(" ")})";
            return false;
        }

        if (Parser.TryParse(source, out template, out var parseError))
        {
            return true;
        }

        var message = (parseError ?? "does not parse").Split('\n')[0].Trim();
        var position = Position().Match(message);
        error = position.Success
            ? $"{DisplayPath(path)}, line {position.Groups[1].Value}: {message[..position.Index].Trim()} (column {position.Groups[2].Value})"
            : $"{DisplayPath(path)}: {message}";
        return false;
    }

    private static string DisplayPath(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static Fluid.TemplateOptions CreateOptions(Func<string?, string?, string> link) =>
        new TemplateOptionsBuilder()
            .AddFilter("link", (input, arguments, context) =>
                StringValue.Create(link(input.ToStringValue(context), arguments.At(0).ToStringValue(context)), encode: false))
            .AddFilter("shorten", (input, arguments, context) =>
            {
                var max = (int)Math.Clamp(arguments.At(0).ToNumberValue(context), 1, 100_000);
                return StringValue.Create(TextTruncator.Truncate(input.ToStringValue(context), max));
            })
            .Build();

    [GeneratedRegex(@"at \((\d+):(\d+)\)")]
    private static partial Regex Position();

    private sealed record Cached(IFluidTemplate Template, DateTime WrittenAt, long CheckedAt);
}
