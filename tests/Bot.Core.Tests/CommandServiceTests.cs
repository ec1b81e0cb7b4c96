using Bot.Core.Commands;
using Bot.Core.Replies;

namespace Bot.Core.Tests;

public sealed class CommandServiceTests
{
    [Fact]
    public async Task SearchAsync_ReturnsFirstPage_WithStateThatRebuildsTheNextPage()
    {
        using var samples = await SampleLibrary.CreateAsync();
        var commands = new CommandService(samples.Library);

        var first = Assert.IsType<SearchResults>(await commands.SearchAsync("모델"));
        Assert.Equal(1, first.Page);
        Assert.True(first.Total > CommandService.DefaultPageSize, $"only {first.Total} results");
        Assert.Equal(CommandService.DefaultPageSize, first.Results.Count);

        var second = Assert.IsType<SearchResults>(await commands.PageAsync(first.PagingState, 2));
        Assert.Equal(2, second.Page);
        Assert.Equal(first.Total, second.Total);
        Assert.Empty(first.Results.Select(r => r.EntryId).Intersect(second.Results.Select(r => r.EntryId)));
    }

    [Fact]
    public async Task PapersAsync_KeepsItsLimitAcrossPages()
    {
        using var samples = await SampleLibrary.CreateAsync();
        var commands = new CommandService(samples.Library);

        var first = Assert.IsType<SearchResults>(await commands.PapersAsync("model", limit: 2));
        Assert.Equal("papers", first.Command);
        Assert.True(PagingState.TryDecode(first.PagingState, out var state));
        Assert.Equal(2, state!.PageSize);
        Assert.Equal("papers", state.Command);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task SearchAsync_AsksForWords_WhenQueryIsEmpty(string query)
    {
        using var samples = await SampleLibrary.CreateAsync(withSamples: false);

        var error = Assert.IsType<ErrorReply>(await new CommandService(samples.Library).SearchAsync(query));

        Assert.Contains("Example: /search", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_SaysNothingMatched_WithAHint()
    {
        using var samples = await SampleLibrary.CreateAsync();

        var error = Assert.IsType<ErrorReply>(await new CommandService(samples.Library).SearchAsync("zzqxjv", "papers"));

        Assert.Contains("zzqxjv", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Hint);
        Assert.True(error.Ephemeral);
    }

    [Theory]
    [InlineData("")]
    [InlineData("pg:2:garbage")]
    [InlineData("x5::q")]
    public async Task PageAsync_ExplainsStaleButton(string state)
    {
        using var samples = await SampleLibrary.CreateAsync(withSamples: false);

        var error = Assert.IsType<ErrorReply>(await new CommandService(samples.Library).PageAsync(state, 2));

        Assert.Contains("/search", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageAsync_ShowsLastPage_WhenButtonPointsPastTheEnd()
    {
        using var samples = await SampleLibrary.CreateAsync();
        var commands = new CommandService(samples.Library);
        var first = Assert.IsType<SearchResults>(await commands.SearchAsync("모델"));

        var last = Assert.IsType<SearchResults>(await commands.PageAsync(first.PagingState, 999));

        Assert.Equal(first.PageCount, last.Page);
        Assert.NotEmpty(last.Results);
    }

    [Fact]
    public async Task DigestAsync_ShowsNewestOrDatedDigest()
    {
        using var samples = await SampleLibrary.CreateAsync();
        var commands = new CommandService(samples.Library);

        var newest = Assert.IsType<DigestOverview>(await commands.DigestAsync());
        var dated = Assert.IsType<DigestOverview>(await commands.DigestAsync("2026-10-05"));

        Assert.Equal(new DateOnly(2026, 10, 14), newest.DigestDate);
        Assert.Equal("2026-10-05-ai-trend-2026-09", dated.DigestId);
        Assert.Equal("https://example.blog/posts/ai-trend-2026-09/", dated.DigestUrl);
        Assert.Contains(dated.Sections, s => s.Key == "papers" && s.EntryCount == 3);
    }

    [Theory]
    [InlineData("1999-01-01")]
    [InlineData("yesterday")]
    public async Task DigestAsync_ListsRecentDates_WhenNoneMatches(string date)
    {
        using var samples = await SampleLibrary.CreateAsync();

        var error = Assert.IsType<ErrorReply>(await new CommandService(samples.Library).DigestAsync(date));

        Assert.Contains("2026-10-14", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DigestAsync_SaysLibraryIsEmpty()
    {
        using var samples = await SampleLibrary.CreateAsync(withSamples: false);

        var error = Assert.IsType<ErrorReply>(await new CommandService(samples.Library).DigestAsync());

        Assert.Contains("ingest", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HighlightsAsync_BuildsSectionHighlightOfDatedDigest()
    {
        using var samples = await SampleLibrary.CreateAsync();

        var highlight = Assert.IsType<SectionHighlight>(await new CommandService(samples.Library).HighlightsAsync("papers", "2026-09-07"));

        Assert.Equal("2026-09-07-ai-trend-2026-08", highlight.DigestId);
        Assert.Equal("Sparse Mixture Routing for Small Language Models", highlight.Items[0].Title);
        Assert.Equal(4, highlight.Items.Count);
        Assert.Equal(0, highlight.MoreCount);
    }

    [Fact]
    public async Task HighlightsAsync_ListsSections_WhenSectionIsUnknown()
    {
        using var samples = await SampleLibrary.CreateAsync();

        var error = Assert.IsType<ErrorReply>(await new CommandService(samples.Library).HighlightsAsync("sports", "2026-10-05"));

        Assert.Contains("papers", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefsAsync_ReturnsReferencesOfBestMatch()
    {
        using var samples = await SampleLibrary.CreateAsync();

        var refs = Assert.IsType<ReferencesReply>(await new CommandService(samples.Library).RefsAsync("Sparse Mixture Routing"));

        Assert.NotEmpty(refs.References);
        Assert.Contains("Sparse Mixture Routing", refs.Entry.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_AnswerWithError_WhenTheLibraryFails()
    {
        var data = Path.Combine(Path.GetTempPath(), "bot-core-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(data, "bot.db")); // a folder where the database file should be
        var commands = new CommandService(new Bot.Library.DigestLibrary(new Bot.Library.Storage.BotDatabase(data)));

        var search = Assert.IsType<ErrorReply>(await commands.SearchAsync("model"));
        var digest = Assert.IsType<ErrorReply>(await commands.DigestAsync());
        var suggestions = await commands.SuggestAsync("mo");

        Assert.Contains("failed on our side", search.Message, StringComparison.Ordinal);
        Assert.Contains("/digest", digest.Message, StringComparison.Ordinal);
        Assert.Empty(suggestions);
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task RefsAsync_AsksForTitle_WhenQueryIsEmpty()
    {
        using var samples = await SampleLibrary.CreateAsync(withSamples: false);

        Assert.IsType<ErrorReply>(await new CommandService(samples.Library).RefsAsync(" "));
    }
}
