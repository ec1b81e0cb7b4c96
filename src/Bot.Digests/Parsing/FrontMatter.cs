namespace Bot.Digests.Parsing;

/// <summary>The front matter keys the parser keeps, with the 1-based line of each scalar.</summary>
internal sealed class FrontMatter
{
    /// <summary>Top-level scalar values by lowercased key.</summary>
    public Dictionary<string, (string Value, int Line)> Scalars { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Top-level sequences of scalars by lowercased key.</summary>
    public Dictionary<string, List<string>> Lists { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The scalar for <paramref name="key"/>, trimmed, or null when absent or blank.</summary>
    public string? Get(string key) =>
        Scalars.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value.Value) ? value.Value.Trim() : null;

    /// <summary>A list key (<c>tags: [a, b]</c>, a YAML list, or <c>tags: a, b</c>) as clean strings.</summary>
    public IReadOnlyList<string> GetList(string key)
    {
        if (Lists.TryGetValue(key, out var list))
        {
            return Distinct(list, trim: true);
        }

        var scalar = Get(key);
        return scalar is null
            ? []
            : Distinct(scalar.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), trim: false);
    }

    // Non-empty values, first occurrence kept, in order (what Select/Where/Distinct gave, without the iterators; a set
    // only for long lists, so a front matter with thousands of tags stays linear).
    private static string[] Distinct(IReadOnlyList<string> values, bool trim)
    {
        var kept = new List<string>(values.Count);
        var seen = values.Count > 16 ? new HashSet<string>(values.Count, StringComparer.Ordinal) : null;
        foreach (var raw in values)
        {
            var value = trim ? raw.Trim() : raw;
            if (value.Length > 0 && (seen?.Add(value) ?? !ContainsOrdinal(kept, value)))
            {
                kept.Add(value);
            }
        }

        return [.. kept];
    }

    private static bool ContainsOrdinal(List<string> values, string value)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
