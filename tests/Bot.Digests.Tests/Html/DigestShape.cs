using Bot.Digests.Model;

namespace Bot.Digests.Tests.Html;

/// <summary>What the HTML path must agree on with the Markdown path: section keys, entry titles, references, bullets.</summary>
internal static class DigestShape
{
    public static List<string> Of(Digest digest)
    {
        var lines = new List<string>();
        foreach (var section in digest.Sections)
        {
            lines.Add($"section {section.Key}");
            foreach (var entry in section.Entries)
            {
                lines.Add($"  entry {entry.Title}");
                lines.AddRange(entry.Bullets.Select(b => $"    {new string(' ', b.Depth * 2)}- {b.Text}"));
                lines.AddRange(entry.References.Select(r => $"    ref {r.Title} <{r.CanonicalUrl}>"));
            }
        }

        return lines;
    }

    /// <summary>The first differing line, for a readable failure.</summary>
    public static string? FirstDifference(List<string> expected, List<string> actual)
    {
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : "(end)";
            var a = i < actual.Count ? actual[i] : "(end)";
            if (e != a)
            {
                return $"line {i}: expected «{e}» but the HTML path gave «{a}»";
            }
        }

        return null;
    }
}
