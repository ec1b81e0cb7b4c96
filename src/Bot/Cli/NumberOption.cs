using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Bot.Cli;

/// <summary>
/// Whole-number options. System.CommandLine's own conversion throws from validators when a token is not an
/// <see cref="int"/> (a crash with a stack trace); this parser turns every bad token into a usage error instead.
/// </summary>
internal static class NumberOption
{
    /// <summary>An <c>int</c> option accepting <paramref name="min"/> to <paramref name="max"/>, default <paramref name="fallback"/>.</summary>
    public static Option<int> Create(string name, string description, int min, int max, int fallback) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
        CustomParser = result => Parse(result, name, min, max, fallback),
    };

    private static int Parse(ArgumentResult result, string name, int min, int max, int fallback)
    {
        if (result.Tokens.Count == 0)
        {
            return fallback;
        }

        var text = result.Tokens[^1].Value;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"{name}: '{text}' is not a whole number; use {min} to {max}.");
            return fallback;
        }

        if (value < min || value > max)
        {
            result.AddError($"{name}: {text} is out of range; use {min} to {max}.");
            return fallback;
        }

        return (int)value;
    }
}
