using System.Globalization;
using System.Text;

namespace Bot.Tests.Cluster;

/// <summary>
/// The fault drill's digests: eight sections (Alpha … Hotel), two entries each. Every drill digest has its own title and a
/// later date than the one before, so it is the newest; the seed, dated 2020, only makes the section keys known at start.
/// </summary>
internal static class DrillDigests
{
    public static readonly string[] Sections = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"];

    public static string Title(int drill) => $"Fault drill {drill}";

    /// <summary>The digest's id: its file name without the extension.</summary>
    public static string Id(int drill, DateOnly today) => $"{Date(drill, today):yyyy-MM-dd}-fault-drill-{drill}";

    /// <summary>Writes the seed (every section, dated 2020: a backlog no subscription posts) into <paramref name="folder"/>.</summary>
    public static void WriteSeed(string folder)
        => File.WriteAllText(Path.Combine(folder, "2020-01-06-fault-drill-seed.md"), Markdown("Fault drill seed", new DateOnly(2020, 1, 6), 0));

    /// <summary>
    /// Writes drill digest <paramref name="drill"/> into <paramref name="folder"/> in one rename, so the host's watcher sees
    /// a whole file; returns its id.
    /// </summary>
    public static string Write(string folder, int drill, DateOnly today)
    {
        var id = Id(drill, today);
        var staging = Path.Combine(Path.GetTempPath(), $"{id}-{Guid.NewGuid():N}.tmp");
        File.WriteAllText(staging, Markdown(Title(drill), Date(drill, today), drill));
        File.Move(staging, Path.Combine(folder, id + ".md"));
        return id;
    }

    private static DateOnly Date(int drill, DateOnly today) => today.AddDays(drill);

    private static string Markdown(string title, DateOnly date, int drill)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"---\ntitle: \"{title}\"\ndate: {date:yyyy-MM-dd}\n---\n\nWhat the cluster posts in drill {drill}.\n");
        foreach (var section in Sections)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {section}\n");
            for (var entry = 1; entry <= 2; entry++)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n### {section} item {entry} of drill {drill}\n\n");
                text.Append(CultureInfo.InvariantCulture, $"- A summary of {section.ToLowerInvariant()} item {entry}, with [its source](https://drill.example.org/{drill}/{section.ToLowerInvariant()}/{entry}).\n");
            }
        }

        return text.ToString();
    }
}
