using System.CommandLine;
using System.Text;

using Bot.Digests;

using Bot.Digests.Model;
using Bot.Hosting;
using Microsoft.Extensions.Configuration;

namespace Bot.Cli;

/// <summary><c>parse &lt;file&gt; [--json]</c>: one digest, parsed; its sections, entries, references and warnings.</summary>
internal static class ParseVerb
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A digest Markdown file (Jekyll/Chirpy sectioned or daily briefing)" };
        var json = CommonOptions.Json();
        var command = new Command("parse", "Parse one digest and print its sections, entries, references and warnings") { file, json };
        command.SetAction((result, ct) => RunAsync(result.GetValue(file)!, result.GetValue(json), ct, result.GetValue(CommonOptions.Config)));
        return command;
    }

    /// <summary>Reads, parses and prints <paramref name="path"/>. Exit 0 (even with warnings) or 1 with one <c>error:</c> line.</summary>
    public static async Task<int> RunAsync(string path, bool json, CancellationToken ct, string? configOption = null)
    {
        var settings = ReadSettings(configOption);
        // The same cap as ingest and serve, so `parse` shows what they would do with the file.
        var maxBytes = long.TryParse(settings["Bot:Digests:MaxSourceBytes"], System.Globalization.CultureInfo.InvariantCulture, out var configured) && configured > 0
            ? configured
            : new Bot.Library.DigestSourcesOptions().MaxSourceBytes;
        var (text, error) = await ReadTextAsync(path, maxBytes, ct);
        if (text is null)
        {
            await Console.Error.WriteLineAsync($"error: {error}");
            return 1;
        }

        var digest = new DigestParser(DigestLimits.ForSourceBytes(maxBytes)).Parse(text, Path.GetFileName(path));
        var url = PublicUrl(digest, settings["Bot:Digests:PublicUrl"]);
        if (json)
        {
            await Console.Out.WriteLineAsync(ParseOutput.Json(digest, url));
        }
        else
        {
            ParseOutput.WriteText(Console.Out, digest, url);
        }

        return 0;
    }

    private static async Task<(string? Text, string? Error)> ReadTextAsync(string path, long maxBytes, CancellationToken ct)
    {
        if (Directory.Exists(path))
        {
            return (null, $"{path} is a folder; give one digest file (ingest takes folders).");
        }

        if (!File.Exists(path))
        {
            return (null, $"no such file: {path}");
        }

        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length is var length && length > maxBytes)
            {
                return (null, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path} is {length:N0} bytes, over the {maxBytes:N0}-byte cap (Bot:Digests:MaxSourceBytes); a digest is a text post."));
            }

            bytes = await File.ReadAllBytesAsync(path, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read {path}: {ex.Message.ReplaceLineEndings(" ")}");
        }

        if (bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).IndexOf((byte)0) >= 0)
        {
            return (null, $"{path} is a binary file, not Markdown text.");
        }

        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return (text.TrimStart('\uFEFF'), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, $"{path} is not UTF-8 text.");
        }
    }

    /// <summary>
    /// The settings every verb reads (<c>--config</c>, else ./appsettings.json, else the one next to the program; then
    /// appsettings.{Environment}.json, user-secrets and the environment), for <c>Bot:Digests:PublicUrl</c> and
    /// <c>MaxSourceBytes</c>. A file that is not JSON stops the verb with one line naming it, as for the other verbs.
    /// </summary>
    private static IConfiguration ReadSettings(string? configOption)
    {
        var files = BotConfiguration.Locate(configOption);
        var configuration = new ConfigurationManager();
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        BotConfiguration.Apply(configuration, files, environment, dataDirectory: null);
        configuration.AddEnvironmentVariables();
        return configuration;
    }

    /// <summary>The public URL: an absolute permalink, the template's origin + permalink, or the template with <c>{slug}</c>.</summary>
    internal static string? PublicUrl(Digest digest, string? template)
    {
        Uri.TryCreate(template, UriKind.Absolute, out var templateUri);
        if (!string.IsNullOrWhiteSpace(digest.Permalink))
        {
            if (Uri.TryCreate(digest.Permalink, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
            {
                return absolute.ToString();
            }

            return templateUri is null ? null : templateUri.GetLeftPart(UriPartial.Authority) + "/" + digest.Permalink.TrimStart('/');
        }

        if (templateUri is null || string.IsNullOrWhiteSpace(digest.Slug) || !template!.Contains("{slug}", StringComparison.Ordinal))
        {
            return null;
        }

        return template.Replace("{slug}", Uri.EscapeDataString(digest.Slug), StringComparison.Ordinal);
    }
}
