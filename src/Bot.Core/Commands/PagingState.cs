namespace Bot.Core.Commands;

/// <summary>
/// The stateless paging state of a search: command, page size, section and (possibly shortened) query. The page is
/// rebuilt from it alone. As a token with a page (<c>pg:2:s5:papers:query</c>) it fits a Discord <c>custom_id</c> (100).
/// </summary>
public sealed record PagingState(string Command, int PageSize, string? Section, string Query)
{
    /// <summary>The longest token, the Discord <c>custom_id</c> limit.</summary>
    public const int MaxTokenLength = 100;

    private const string TokenPrefix = "pg:";

    /// <summary>Encodes the state (without a page): <c>{s|p}{size}:{section}:{query}</c>, the query shortened to fit a token.</summary>
    public string Encode()
    {
        var section = Shorten((Section ?? string.Empty).Replace(':', '-'), 40);
        var head = $"{(Command == "papers" ? 'p' : 's')}{PageSize}:{section}:";
        // Room for "pg:" + a page number of up to 4 digits + ":".
        var room = MaxTokenLength - TokenPrefix.Length - 5 - head.Length;
        return head + Shorten(Query.Trim(), Math.Max(0, room));
    }

    /// <summary>Decodes <see cref="Encode"/>'s output; false for anything else.</summary>
    public static bool TryDecode(string? text, out PagingState? state)
    {
        state = null;
        if (string.IsNullOrEmpty(text) || text.Length < 4)
        {
            return false;
        }

        var parts = text.Split(':', 3);
        if (parts.Length != 3 || parts[0].Length < 2 || parts[0][0] is not ('s' or 'p')
            || !int.TryParse(parts[0].AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size)
            || size is < 1 or > 25 || string.IsNullOrWhiteSpace(parts[2]))
        {
            return false;
        }

        state = new PagingState(parts[0][0] == 'p' ? "papers" : "search", size, parts[1].Length == 0 ? null : parts[1], parts[2]);
        return true;
    }

    /// <summary>A button token for <paramref name="page"/>: <c>pg:{page}:{state}</c>.</summary>
    public static string ToToken(string encodedState, int page) => $"{TokenPrefix}{page}:{encodedState}";

    /// <summary>Splits a button token into its encoded state and page; false when it is not a paging token.</summary>
    public static bool TryParseToken(string? token, out string encodedState, out int page)
    {
        encodedState = string.Empty;
        page = 0;
        if (token is null || !token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = token.AsSpan(TokenPrefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0 || !int.TryParse(rest[..colon], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out page))
        {
            return false;
        }

        encodedState = rest[(colon + 1)..].ToString();
        return encodedState.Length > 0;
    }

    private static string Shorten(string query, int room)
    {
        if (query.Length <= room)
        {
            return query;
        }

        // Cut between text elements so a shortened Korean or emoji query stays valid text.
        var position = 0;
        while (position < query.Length)
        {
            var next = position + System.Globalization.StringInfo.GetNextTextElementLength(query.AsSpan(position));
            if (next > room)
            {
                break;
            }

            position = next;
        }

        return query[..position].TrimEnd();
    }
}
