using System.Globalization;
using System.Text;

namespace Bot.Tests.Cluster;

/// <summary>
/// One line of the fault drill's table. Recovery: seconds from the end of the fault to the last expected section landing
/// (null: it never landed). Takeover: seconds until every row the killed host held was sent or claimed by another host.
/// </summary>
internal sealed record DrillRow(string Scenario, int Expected, int Delivered, int Duplicates, double? RecoverySeconds, double? TakeoverSeconds = null)
{
    public int Lost => Expected - Delivered;

    /// <summary>The table as Markdown, one line per scenario.</summary>
    public static string Table(IEnumerable<DrillRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | expected | delivered | duplicates | lost | recovery (s) | takeover (s) |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Expected} | {r.Delivered} | {r.Duplicates} | {r.Lost} | {Seconds(r.RecoverySeconds, "never")} | {Seconds(r.TakeoverSeconds, "—")} |");
        }

        return text.ToString();
    }

    private static string Seconds(double? value, string none)
        => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : none;
}
