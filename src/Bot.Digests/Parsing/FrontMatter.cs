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
            return list.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        }

        var scalar = Get(key);
        return scalar is null
            ? []
            : scalar.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();
    }
}
