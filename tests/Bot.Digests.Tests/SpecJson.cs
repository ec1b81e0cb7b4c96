using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Digests.Model;

namespace Bot.Digests.Tests;

/// <summary>
/// The JSON a spec fixture expects: the <c>parse --json</c> shape of DESIGN.md plus <c>summary</c>,
/// minus <c>url</c> (a configuration matter) and warning messages (only code and line are pinned).
/// </summary>
internal static class SpecJson
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject From(Digest digest) => new()
    {
        ["id"] = digest.Id,
        ["title"] = digest.Title,
        ["date"] = digest.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["format"] = digest.Format.ToString().ToLowerInvariant(),
        ["tags"] = new JsonArray(digest.Tags.Select(t => (JsonNode?)t).ToArray()),
        ["summary"] = digest.Summary,
        ["sections"] = new JsonArray(digest.Sections.Select(s => (JsonNode?)new JsonObject
        {
            ["key"] = s.Key,
            ["title"] = s.Title,
            ["entries"] = new JsonArray(s.Entries.Select(e => (JsonNode?)new JsonObject
            {
                ["id"] = e.Id,
                ["title"] = e.Title,
                ["bullets"] = new JsonArray(e.Bullets.Select(b => (JsonNode?)(new string(' ', b.Depth * 2) + b.Text)).ToArray()),
                ["images"] = new JsonArray(e.Images.Select(i => (JsonNode?)new JsonObject { ["src"] = i.Src, ["caption"] = i.Caption }).ToArray()),
                ["references"] = new JsonArray(e.References.Select(r => (JsonNode?)new JsonObject
                {
                    ["label"] = r.Label,
                    ["title"] = r.Title,
                    ["url"] = r.Url,
                    ["canonicalUrl"] = r.CanonicalUrl,
                    ["kind"] = r.Kind.ToString().ToLowerInvariant(),
                    ["arxivId"] = r.ArxivId,
                    ["doi"] = r.Doi,
                }).ToArray()),
            }).ToArray()),
        }).ToArray()),
        ["warnings"] = new JsonArray(digest.Warnings.Select(w => (JsonNode?)new JsonObject { ["code"] = w.Code, ["line"] = w.Line }).ToArray()),
    };
}
