using Bot.Digests.Model;


namespace Bot.Library.Tests;

/// <summary>
/// A tiny line format so ingestion tests do not depend on the real parser:
/// <c>id:</c>, <c>title:</c>, <c>date:</c>, <c># key | Title</c> for a section, <c>* Title | bullet; bullet | url</c> for an entry.
/// A file containing <c>THROW</c> makes the parser throw.
/// </summary>
internal static class FakeParser
{
    public static Digest Parse(string text, string? fileName)
    {
        if (text.Contains("THROW", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the fake parser was told to fail");
        }

        string id = Path.GetFileNameWithoutExtension(fileName ?? "digest"), title = "Untitled";
        string? date = null;
        var sections = new List<(string Key, string Title, List<Entry> Entries)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("id:", StringComparison.Ordinal))
            {
                id = line[3..].Trim();
            }
            else if (line.StartsWith("title:", StringComparison.Ordinal))
            {
                title = line[6..].Trim();
            }
            else if (line.StartsWith("date:", StringComparison.Ordinal))
            {
                date = line[5..].Trim();
            }
            else if (line.StartsWith('#'))
            {
                var parts = line[1..].Split('|', StringSplitOptions.TrimEntries);
                sections.Add((parts[0], parts.Length > 1 ? parts[1] : parts[0], []));
            }
            else if (line.StartsWith('*') && sections.Count > 0)
            {
                var parts = line[1..].Split('|', StringSplitOptions.TrimEntries);
                var entries = sections[^1].Entries;
                var references = parts.Length > 2 && parts[2].Length > 0
                    ? new[] { Reference(parts[2]) }
                    : Array.Empty<Reference>();
                entries.Add(new Entry($"{id}/{sections[^1].Key}/{entries.Count + 1}", parts[0],
                    (parts.Length > 1 ? parts[1].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [])
                        .Select(b => new Bullet(b, 0)).ToArray(), [], references, 1));
            }
        }

        return TestDigests.Digest(id, title, date, sections.Select(s => new Section(s.Key, s.Title, s.Entries)).ToArray());
    }

    private static Reference Reference(string url)
    {
        var arxiv = System.Text.RegularExpressions.Regex.Match(url, @"\d{4}\.\d{4,5}");
        return url.Contains("arxiv", StringComparison.Ordinal) && arxiv.Success
            ? TestDigests.Arxiv(arxiv.Value, "paper " + arxiv.Value)
            : TestDigests.Link(url, "link " + url);
    }
}
