using System.Globalization;
using Bot.Core.Highlights;
using Bot.Core.Replies;
using Bot.Core.Text;
using Bot.Digests.Model;
using Bot.Library;
using Bot.Library.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Core.Commands;

/// <summary>
/// The neutral slash commands, shared by Discord, Slack and the CLI. Each returns a <see cref="Reply"/>
/// and never throws for user input: bad input becomes an <see cref="ErrorReply"/>.
/// </summary>
public sealed class CommandService
{
    /// <summary>Results per page unless <c>/papers limit</c> says otherwise.</summary>
    public const int DefaultPageSize = 5;

    /// <summary>The most results on one page.</summary>
    public const int MaxPageSize = 10;

    /// <summary>Entries shown by <c>/highlights</c>.</summary>
    public const int HighlightEntries = 5;

    private const int MaxQueryLength = 200;

    private readonly DigestLibrary _library;
    private readonly ILogger<CommandService> _logger;

    /// <summary>Creates the service over the library.</summary>
    public CommandService(DigestLibrary library, ILogger<CommandService>? logger = null)
    {
        _library = library;
        _logger = logger ?? NullLogger<CommandService>.Instance;
    }

    /// <summary><c>/papers query [limit]</c>.</summary>
    public Task<Reply> PapersAsync(string query, int? limit = null, int page = 1, CancellationToken ct = default)
        => RunSafelyAsync("papers", () => FindAsync(new PagingState("papers", Clamp(limit ?? DefaultPageSize, 1, MaxPageSize), null, query ?? string.Empty), page, ct));

    /// <summary><c>/search query [section]</c>.</summary>
    public Task<Reply> SearchAsync(string query, string? section = null, int page = 1, CancellationToken ct = default)
        => RunSafelyAsync("search", () => FindAsync(new PagingState("search", DefaultPageSize, string.IsNullOrWhiteSpace(section) ? null : section.Trim(), query ?? string.Empty), page, ct));

    /// <summary>Re-runs the search a paging button names (<see cref="SearchResults.PagingState"/>) at another page.</summary>
    public Task<Reply> PageAsync(string pagingState, int page, CancellationToken ct = default)
    {
        if (!PagingState.TryDecode(pagingState, out var state) || state is null)
        {
            return Task.FromResult<Reply>(new ErrorReply("This button no longer matches a search.", "Run /search or /papers again."));
        }

        return RunSafelyAsync(state.Command, () => FindAsync(state, page, ct));
    }

    /// <summary><c>/refs query</c>.</summary>
    public Task<Reply> RefsAsync(string query, CancellationToken ct = default)
        => RunSafelyAsync("refs", async () =>
        {
            if (string.IsNullOrWhiteSpace(query))
            {
                return new ErrorReply("Tell me which entry: /refs needs a title or a few words from it.", "Example: /refs Llama 3");
            }

            var refs = await _library.RefsAsync(Cap(query), ct);
            return refs is null
                ? new ErrorReply($"No entry matches \"{Cap(query)}\".", "Try fewer words, or pick a title from the suggestions.")
                : new ReferencesReply(refs.Query, refs.Entry, refs.References);
        });

    /// <summary><c>/digest [date]</c>: the digest of that date (yyyy-MM-dd), or the newest.</summary>
    public Task<Reply> DigestAsync(string? date = null, CancellationToken ct = default)
        => RunSafelyAsync("digest", async () =>
        {
            var (digest, error) = await FindDigestAsync(date, ct);
            if (digest is null)
            {
                return error!;
            }

            var url = _library.PublicUrl(digest);
            var sections = digest.Sections
                .Select(s => new OverviewSection(s.Key, s.Title, s.Entries.Count, url))
                .ToList();
            return new DigestOverview(digest.Id, digest.Title, digest.Date, url, digest.Summary ?? digest.Description, sections);
        });

    /// <summary><c>/highlights section [digest]</c>: a section highlight from the digest (id or date), or the newest.</summary>
    public Task<Reply> HighlightsAsync(string section, string? digest = null, CancellationToken ct = default)
        => RunSafelyAsync("highlights", async () =>
        {
            if (string.IsNullOrWhiteSpace(section))
            {
                return new ErrorReply("Name a section: /highlights needs one.", "Example: /highlights papers");
            }

            var (found, error) = await FindDigestAsync(digest, ct);
            if (found is null)
            {
                return error!;
            }

            var highlight = HighlightBuilder.Create(found, _library.PublicUrl(found), section, HighlightEntries);
            return highlight is not null
                ? highlight
                : new ErrorReply(
                    $"\"{found.Title}\" has no section \"{Cap(section)}\".",
                    "Sections: " + string.Join(", ", found.Sections.Select(s => s.Key)));
        });

    /// <summary>Entry titles for autocomplete of <c>/refs</c>.</summary>
    public async Task<IReadOnlyList<string>> SuggestAsync(string text, CancellationToken ct = default)
    {
        try
        {
            return await _library.SuggestTitlesAsync(Cap(text ?? string.Empty), 25, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Autocomplete failed");
            return [];
        }
    }

    private async Task<Reply> FindAsync(PagingState state, int page, CancellationToken ct)
    {
        var query = Cap(state.Query);
        var noun = state.Command == "papers" ? "papers" : "entries";
        if (query.Length == 0)
        {
            return new ErrorReply($"/{state.Command} needs a few words to look for.", $"Example: /{state.Command} diffusion");
        }

        page = Math.Max(1, page);
        var request = new SearchRequest(query, state.Section, state.Command == "papers", state.PageSize, (page - 1) * state.PageSize);
        var response = await _library.SearchAsync(request, ct);
        var pageCount = Math.Max(1, (response.Total + state.PageSize - 1) / state.PageSize);
        if (response.Total > 0 && response.Results.Count == 0 && page > pageCount)
        {
            // A stale button past the end: show the last page instead.
            page = pageCount;
            response = await _library.SearchAsync(request with { Offset = (page - 1) * state.PageSize }, ct);
        }

        if (response.Total == 0)
        {
            var where = state.Section is null ? string.Empty : $" in section \"{state.Section}\"";
            return new ErrorReply(
                $"No {noun} match \"{query}\"{where}.",
                state.Section is null ? "Try fewer or different words." : "Try fewer words, or search without a section.");
        }

        var encoded = (state with { Query = query }).Encode();
        return new SearchResults(state.Command, query, state.Section, response.Total, Math.Min(page, pageCount), pageCount, response.Results, encoded)
        {
            TotalIsLowerBound = response.TotalIsLowerBound,
        };
    }

    private async Task<(Digest? Digest, ErrorReply? Error)> FindDigestAsync(string? which, CancellationToken ct)
    {
        var digests = await _library.ListDigestsAsync(ct);
        if (digests.Count == 0)
        {
            return (null, new ErrorReply("No digests are stored yet.", "An operator can add some with: ingest <folder-or-url>"));
        }

        var wanted = which?.Trim();
        DigestSummary? summary;
        if (string.IsNullOrEmpty(wanted) || wanted.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            summary = digests[0];
        }
        else if (DateOnly.TryParseExact(wanted, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            summary = digests.FirstOrDefault(d => d.Date == date);
        }
        else
        {
            summary = digests.FirstOrDefault(d => d.Id.Equals(wanted, StringComparison.OrdinalIgnoreCase));
        }

        if (summary is null)
        {
            var recent = string.Join(", ", digests.Take(5).Select(d => d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? d.Id));
            return (null, new ErrorReply($"No digest matches \"{Cap(wanted!)}\".", $"Use a date as yyyy-MM-dd; recent: {recent}"));
        }

        var digest = await _library.GetDigestAsync(summary.Id, ct);
        return digest is null
            ? (null, new ErrorReply("That digest was just removed.", "Try again, or /digest for the newest."))
            : (digest, null);
    }

    private async Task<Reply> RunSafelyAsync(string command, Func<Task<Reply>> run)
    {
        try
        {
            return await run();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Not the user's fault, but still an answer rather than a failed interaction.
            _logger.LogError(ex, "Command {Command} failed", command);
            return new ErrorReply($"/{command} failed on our side.", "Try again in a minute; if it keeps failing, tell the operator.");
        }
    }

    private static string Cap(string text)
    {
        var trimmed = text.Trim().ReplaceLineEndings(" ");
        return trimmed.Length <= MaxQueryLength ? trimmed : TextTruncator.Truncate(trimmed, MaxQueryLength).TrimEnd('…');
    }

    private static int Clamp(int value, int min, int max) => Math.Min(max, Math.Max(min, value));
}
