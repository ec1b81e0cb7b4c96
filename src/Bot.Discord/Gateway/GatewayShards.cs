using System.Globalization;

namespace Bot.Discord.Gateway;

/// <summary>
/// <c>Bot:Discord:Shards</c>: <c>auto</c>, or <c>ids/count</c> where ids are a number, a range <c>0-3</c> or a list <c>0,2,5-7</c>,
/// so that several hosts can split one bot's shards.
/// </summary>
public sealed record GatewayShards(IReadOnlyList<int>? Ids, int? Count)
{
    /// <summary>All of Discord's recommended shards, in this process.</summary>
    public bool IsAuto => Count is null;

    /// <summary>Parses the setting; <paramref name="error"/> names it and says how to fix it.</summary>
    public static bool TryParse(string? text, out GatewayShards shards, out string? error)
    {
        shards = new GatewayShards(null, null);
        error = null;
        var value = text?.Trim() ?? string.Empty;
        if (value.Length == 0 || value.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        const string Usage = "use auto, or ids/count such as 0-3/16 (shards 0 to 3 of 16) or 4/16";
        var slash = value.Split('/');
        if (slash.Length != 2 || !int.TryParse(slash[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            error = $"Bot:Discord:Shards '{value}' is not a shard set: {Usage}.";
            return false;
        }

        var ids = new SortedSet<int>();
        foreach (var part in slash[0].Split(',', StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            if (range.Length is < 1 or > 2
                || !int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                || !int.TryParse(range[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                || last < first)
            {
                error = $"Bot:Discord:Shards '{value}' is not a shard set: {Usage}.";
                return false;
            }

            if (last >= count)
            {
                error = $"Bot:Discord:Shards '{value}' names shard {last}, but shard ids run from 0 to {count - 1} for {count} shards.";
                return false;
            }

            for (var id = first; id <= last; id++)
            {
                ids.Add(id);
            }
        }

        shards = new GatewayShards([.. ids], count);
        return true;
    }
}
