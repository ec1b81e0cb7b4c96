using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Digests.Model;
using Bot.Library.Search;

namespace Bot.Cli;

/// <summary>JSON (the stable DESIGN.md shapes) and readable text for the library verbs.</summary>
internal static class LibraryOutput
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary><c>{query, total, results[…]}</c> (DESIGN.md's shape; <c>total</c> stops at 1,000 for broad queries).</summary>
    public static string SearchJson(SearchResponse response)
        => JsonSerializer.Serialize(new { query = response.Query, total = response.Total, results = response.Results.Select(ResultShape) }, Json);

    /// <summary><c>{query, entry, references[{…reference, alsoIn[]}]}</c>; entry is null when nothing matched.</summary>
    public static string RefsJson(string query, RefsResponse? refs)
        => JsonSerializer.Serialize(new
        {
            query,
            entry = refs is null ? null : ResultShape(refs.Entry),
            references = refs is null
                ? []
                : refs.References.Select(c => new
                {
                    label = c.Reference.Label,
                    title = c.Reference.Title,
                    url = c.Reference.Url,
                    canonicalUrl = c.Reference.CanonicalUrl,
                    kind = Kind(c.Reference.Kind),
                    arxivId = c.Reference.ArxivId,
                    doi = c.Reference.Doi,
                    alsoIn = c.AlsoIn.Select(AlsoInShape),
                }).ToArray<object>(),
        }, Json);

    public static void WriteSearchText(TextWriter output, SearchResponse response, string noun)
    {
        if (response.Results.Count == 0)
        {
            output.WriteLine($"No {noun} found for \"{response.Query}\".");
            return;
        }

        var counted = response.Total == 1 && noun.EndsWith('s') ? noun[..^1] : noun;
        output.WriteLine($"{SearchResponse.FormatTotal(response.Total, response.TotalIsLowerBound)} {counted} for \"{response.Query}\" (showing {response.Results.Count}):");
        var rank = 0;
        foreach (var result in response.Results)
        {
            rank++;
            output.WriteLine();
            output.WriteLine($"{rank,2}. {result.Title}");
            output.WriteLine($"    {result.SectionTitle ?? result.Section} · {result.DigestTitle}{(result.DigestDate is null ? string.Empty : $" ({result.DigestDate})")} · {result.EntryId}");
            if (!string.IsNullOrWhiteSpace(result.Summary))
            {
                output.WriteLine($"    {Shorten(result.Summary, 160)}");
            }

            if (result.Url is not null)
            {
                output.WriteLine($"    {result.Url}");
            }

            foreach (var also in result.AlsoIn.Take(5))
            {
                output.WriteLine($"    also in: {also.DigestTitle}{(also.DigestDate is null ? string.Empty : $" ({also.DigestDate})")}: {also.EntryTitle}");
            }
        }
    }

    public static void WriteRefsText(TextWriter output, string query, RefsResponse? refs)
    {
        if (refs is null)
        {
            output.WriteLine($"No entry found for \"{query}\".");
            return;
        }

        var entry = refs.Entry;
        output.WriteLine($"{entry.Title}");
        output.WriteLine($"  {entry.SectionTitle ?? entry.Section} · {entry.DigestTitle}{(entry.DigestDate is null ? string.Empty : $" ({entry.DigestDate})")}");
        if (refs.References.Count == 0)
        {
            output.WriteLine("  (no references)");
        }

        foreach (var cited in refs.References)
        {
            var r = cited.Reference;
            output.WriteLine();
            output.WriteLine($"  [{Kind(r.Kind)}] {r.Title}");
            output.WriteLine($"    {r.CanonicalUrl}");
            if (r.ArxivId is not null)
            {
                output.WriteLine($"    arXiv: {r.ArxivId}");
            }

            if (r.Doi is not null)
            {
                output.WriteLine($"    DOI: {r.Doi}");
            }

            foreach (var also in cited.AlsoIn)
            {
                output.WriteLine($"    also cited in: {also.DigestTitle}{(also.DigestDate is null ? string.Empty : $" ({also.DigestDate})")}: {also.EntryTitle}");
            }
        }
    }

    private static object ResultShape(SearchResult r) => new
    {
        entryId = r.EntryId,
        title = r.Title,
        summary = r.Summary,
        section = r.Section,
        digestId = r.DigestId,
        digestTitle = r.DigestTitle,
        digestDate = r.DigestDate,
        url = r.Url,
        references = r.References.Select(x => new
        {
            label = x.Label,
            title = x.Title,
            url = x.Url,
            canonicalUrl = x.CanonicalUrl,
            kind = Kind(x.Kind),
            arxivId = x.ArxivId,
            doi = x.Doi,
        }),
        alsoIn = r.AlsoIn.Select(AlsoInShape),
        score = r.Score,
    };

    private static object AlsoInShape(AlsoIn a) => new
    {
        entryId = a.EntryId,
        digestId = a.DigestId,
        digestTitle = a.DigestTitle,
        digestDate = a.DigestDate,
        entryTitle = a.EntryTitle,
    };

    private static string Kind(ReferenceKind kind) => kind.ToString().ToLowerInvariant();

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
