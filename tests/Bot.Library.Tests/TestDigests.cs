using Bot.Digests.Model;


namespace Bot.Library.Tests;

/// <summary>Hand-built digests for library tests (independent of the parser).</summary>
internal static class TestDigests
{
    public static Digest Digest(string id, string title, string? date, params Section[] sections)
        => new(id, title, date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), DigestFormat.Sectioned,
            ["ai-trend"], ["AI Trend"], "tester", "desc", "summary of " + title, id, null, sections, []);

    public static Section Section(string key, string title, params Entry[] entries) => new(key, title, entries);

    public static Entry Entry(string id, string title, string[] bullets, params Reference[] references)
        => new(id, title, bullets.Select((b, i) => new Bullet(b, i % 2)).ToArray(), [], references, 1);

    public static Reference Arxiv(string arxivId, string title, string label = "ref-1")
        => new(label, title, $"https://arxiv.org/pdf/{arxivId}.pdf", $"https://arxiv.org/abs/{arxivId}", ReferenceKind.Paper, arxivId, null);

    public static Reference Doi(string doi, string title, string label = "ref-1")
        => new(label, title, $"https://www.nature.com/articles/{doi[(doi.IndexOf('/') + 1)..]}", $"https://doi.org/{doi}", ReferenceKind.Paper, null, doi);

    public static Reference Link(string url, string title, ReferenceKind kind = ReferenceKind.Article, string label = "ref-1")
        => new(label, title, url, url, kind, null, null);
}
