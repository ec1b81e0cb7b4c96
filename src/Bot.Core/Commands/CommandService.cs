using Bot.Library;

namespace Bot.Core;

/// <summary>
/// The neutral slash commands, shared by Discord, Slack and the CLI. Each returns a <see cref="Reply"/>
/// and never throws for user input: bad input becomes an <see cref="ErrorReply"/>.
/// </summary>
public sealed class CommandService
{
    private readonly DigestLibrary _library;

    /// <summary>Creates the service over the library.</summary>
    public CommandService(DigestLibrary library)
    {
        _library = library;
    }

    /// <summary><c>/papers query [limit]</c>.</summary>
    public Task<Reply> PapersAsync(string query, int? limit = null, int page = 1, CancellationToken ct = default)
        => throw new NotImplementedException("issue #4");

    /// <summary><c>/search query [section]</c>.</summary>
    public Task<Reply> SearchAsync(string query, string? section = null, int page = 1, CancellationToken ct = default)
        => throw new NotImplementedException("issue #4");

    /// <summary>Re-runs the search a paging button names (<see cref="SearchResults.PagingState"/>) at another page.</summary>
    public Task<Reply> PageAsync(string pagingState, int page, CancellationToken ct = default)
        => throw new NotImplementedException("issue #4");

    /// <summary><c>/refs query</c>.</summary>
    public Task<Reply> RefsAsync(string query, CancellationToken ct = default)
        => throw new NotImplementedException("issue #4");

    /// <summary><c>/digest [date]</c>: the digest of that date (yyyy-MM-dd), or the newest.</summary>
    public Task<Reply> DigestAsync(string? date = null, CancellationToken ct = default)
        => throw new NotImplementedException("issue #4");

    /// <summary><c>/highlights section [digest]</c>: a section highlight from the digest (id or date), or the newest.</summary>
    public Task<Reply> HighlightsAsync(string section, string? digest = null, CancellationToken ct = default)
        => throw new NotImplementedException("issue #4");

    /// <summary>Entry titles for autocomplete of <c>/refs</c>.</summary>
    public Task<IReadOnlyList<string>> SuggestAsync(string text, CancellationToken ct = default)
        => _library.SuggestTitlesAsync(text, 25, ct);
}
