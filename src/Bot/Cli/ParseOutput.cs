using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bot.Digests.Model;


namespace Bot.Cli;

/// <summary>The <c>parse</c> output: the stable DESIGN.md JSON shape, or a readable summary.</summary>
internal static class ParseOutput
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>{id, title, date, format, tags[], url, sections[{key, title, entries[…]}], warnings[{code, message, line}]}</c>.</summary>
    public static string Json(Digest digest, string? url)
    {
        ArgumentNullException.ThrowIfNull(digest);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("id", digest.Id);
            json.WriteString("title", digest.Title);
            json.WriteString("date", digest.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("format", digest.Format.ToString().ToLowerInvariant());
            WriteStrings(json, "tags", digest.Tags);
            json.WriteString("url", url);
            json.WriteStartArray("sections");
            foreach (var section in digest.Sections)
            {
                json.WriteStartObject();
                json.WriteString("key", section.Key);
                json.WriteString("title", section.Title);
                json.WriteStartArray("entries");
                foreach (var entry in section.Entries)
                {
                    WriteEntry(json, entry);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var warning in digest.Warnings)
            {
                json.WriteStartObject();
                json.WriteString("code", warning.Code);
                json.WriteString("message", warning.Message);
                json.WriteNumber("line", warning.Line);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A short readable summary: sections with entries and their references, then the warnings.</summary>
    public static void WriteText(TextWriter output, Digest digest, string? url)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(digest);
        output.WriteLine(digest.Title.Length > 0 ? digest.Title : "(untitled)");
        output.WriteLine($"  id: {digest.Id}   date: {digest.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown"}   format: {digest.Format.ToString().ToLowerInvariant()}");
        if (digest.Tags.Count > 0)
        {
            output.WriteLine($"  tags: {string.Join(", ", digest.Tags)}");
        }

        if (url is not null)
        {
            output.WriteLine($"  url: {url}");
        }

        if (!string.IsNullOrWhiteSpace(digest.Summary))
        {
            output.WriteLine($"  summary: {Shorten(digest.Summary, 200)}");
        }

        foreach (var section in digest.Sections)
        {
            output.WriteLine();
            output.WriteLine($"{section.Title} [{section.Key}]: {section.Entries.Count} {(section.Entries.Count == 1 ? "entry" : "entries")}");
            foreach (var entry in section.Entries)
            {
                output.WriteLine($"  • {entry.Title}  (line {entry.Line}, {entry.Bullets.Count} bullets{(entry.Images.Count > 0 ? $", {entry.Images.Count} images" : string.Empty)})");
                foreach (var reference in entry.References)
                {
                    var extra = reference.ArxivId is not null ? $", arXiv {reference.ArxivId}" : reference.Doi is not null ? $", doi {reference.Doi}" : string.Empty;
                    output.WriteLine($"      [{reference.Label}] {Shorten(reference.Title, 80)} <{reference.CanonicalUrl}> ({reference.Kind.ToString().ToLowerInvariant()}{extra})");
                }
            }
        }

        var entries = digest.Entries.Count();
        var references = digest.Entries.Sum(e => e.References.Count);
        output.WriteLine();
        output.WriteLine($"{digest.Sections.Count} sections, {entries} entries, {references} references, {digest.Warnings.Count} warnings");
        foreach (var warning in digest.Warnings)
        {
            output.WriteLine($"  warning {warning.Code} (line {warning.Line}): {warning.Message}");
        }
    }

    private static void WriteEntry(Utf8JsonWriter json, Entry entry)
    {
        json.WriteStartObject();
        json.WriteString("id", entry.Id);
        json.WriteString("title", entry.Title);
        WriteStrings(json, "bullets", entry.Bullets.Select(b => new string(' ', b.Depth * 2) + b.Text));
        json.WriteStartArray("images");
        foreach (var image in entry.Images)
        {
            json.WriteStartObject();
            json.WriteString("src", image.Src);
            json.WriteString("caption", image.Caption);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("references");
        foreach (var reference in entry.References)
        {
            json.WriteStartObject();
            json.WriteString("label", reference.Label);
            json.WriteString("title", reference.Title);
            json.WriteString("url", reference.Url);
            json.WriteString("canonicalUrl", reference.CanonicalUrl);
            json.WriteString("kind", reference.Kind.ToString().ToLowerInvariant());
            json.WriteString("arxivId", reference.ArxivId);
            json.WriteString("doi", reference.Doi);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string Shorten(string text, int max)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= max ? flat : string.Concat(flat.AsSpan(0, max - 1), "…");
    }
}
