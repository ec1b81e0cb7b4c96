using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Slack.Posting;
using Bot.TestSupport.FakeSlack;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Slack.Tests;

public sealed class SlackSectionPosterTests : FakeSlackTest
{
    private SlackSectionPoster Poster => Services.GetRequiredService<SlackSectionPoster>();

    [Fact]
    public void Poster_IsRegisteredAsTheSlackSectionPoster()
    {
        Assert.Contains(Services.GetServices<ISectionPoster>(), p => p.Platform == "slack");
    }

    [Fact]
    public async Task Post_ToChannel_SendsSectionWithLedgerKeyInMetadata()
    {
        var receipt = await Poster.PostAsync(Channel("C1"), Post("sub/d1/papers", "papers"));

        var sent = Assert.Single(Fake.MessagesIn("C1"));
        Assert.Equal(sent.Ts, receipt.MessageId);
        Assert.Equal("sub/d1/papers", sent.LedgerKey);
        Assert.Equal(SlackSectionPoster.SectionEventType, sent.Body["metadata"]!["event_type"]!.GetValue<string>());
        Assert.False(sent.Body["unfurl_links"]!.GetValue<bool>());
        Assert.Contains("Entry &lt;1&gt;", JsonText.Of(sent.Body), StringComparison.Ordinal);
        Assert.Empty(Fake.Rejections);
    }

    [Fact]
    public async Task Post_ToWebhook_PostsAtExactlyTheUrl()
    {
        var url = Fake.WebhookUrl("T0/B0/secret-token");

        await Poster.PostAsync(new PostTarget("slack", "webhook", url), Post("sub/d1/news", "news"));

        var sent = Assert.Single(Fake.MessagesAt(url));
        Assert.Contains("news section", JsonText.Of(sent.Body), StringComparison.Ordinal);
        Assert.Empty(Fake.MessagesIn("C1"));
    }

    [Fact]
    public async Task ThreadMode_PostsParentOnce_AndSectionsAsRepliesInItsThread()
    {
        // The parent is posted without reading history first; the scheduler asks FindPostedAsync only after a doubtful attempt.
        var target = Channel("CTHREAD");
        var first = Highlight("papers");

        var parent = await Poster.PostThreadParentAsync(target, "sub/d1", first);
        var found = await Poster.FindPostedAsync(target, Post("sub/d1", "papers"));
        await Poster.PostAsync(target, Post("sub/d1/papers", "papers") with { ThreadParentId = parent.ThreadId });
        await Poster.PostAsync(target, Post("sub/d1/news", "news") with { ThreadParentId = parent.ThreadId });

        Assert.Equal(parent.MessageId, found!.MessageId);
        var messages = Fake.MessagesIn("CTHREAD");
        Assert.Equal(3, messages.Count);
        Assert.Null(messages[0].ThreadTs);
        Assert.All(messages.Skip(1), m => Assert.Equal(parent.ThreadId, m.ThreadTs));
    }

    [Fact]
    public async Task FindPosted_FindsASectionAlreadySent_InChannelAndInThread()
    {
        var target = Channel("CRESUME");
        var parent = await Poster.PostThreadParentAsync(target, "sub/d2", Highlight("papers"));
        var sent = await Poster.PostAsync(target, Post("sub/d1/papers", "papers"));
        var threaded = await Poster.PostAsync(target, Post("sub/d2/papers", "papers") with { ThreadParentId = parent.ThreadId });

        var found = await Poster.FindPostedAsync(target, Post("sub/d1/papers", "papers"));
        var foundInThread = await Poster.FindPostedAsync(target, Post("sub/d2/papers", "papers") with { ThreadParentId = parent.ThreadId });
        var notSent = await Poster.FindPostedAsync(target, Post("sub/d1/news", "news"));

        Assert.Equal(sent.MessageId, found?.MessageId);
        Assert.Equal(threaded.MessageId, foundInThread?.MessageId);
        Assert.Null(notSent);
    }

    [Fact]
    public async Task FindPosted_FindsTheThreadParent_ByItsLedgerKey()
    {
        var target = Channel("CPARENT");
        var parent = await Poster.PostThreadParentAsync(target, "sub/d3", Highlight("papers"));

        var found = await Poster.FindPostedAsync(target, new SectionPost("sub/d3", Highlight("papers")));

        Assert.Equal(parent.MessageId, found?.MessageId);
        Assert.Equal(parent.ThreadId, found?.ThreadId);
    }

    [Fact]
    public async Task Resume_AfterCrashBetweenParts_SendsOnlyTheMissingPart()
    {
        var target = Channel("CSPLIT");
        var items = Enumerable.Range(1, 60).Select(i => new HighlightItem($"e{i}", $"Entry {i}", "Summary", $"https://example.org/{i}")).ToList();
        var post = new SectionPost("sub/d1/long", Highlight("papers") with { Items = items, MoreCount = 0 });
        Fake.FailAfter(1, FakeSlackFault.ChannelNotFound);

        await Assert.ThrowsAsync<PostException>(() => Poster.PostAsync(target, post));
        var found = await Poster.FindPostedAsync(target, post);
        await Poster.PostAsync(target, post);

        Assert.Null(found);
        var messages = Fake.MessagesIn("CSPLIT");
        Assert.Equal(2, messages.Count);
        Assert.Equal(["1", "2"], messages.Select(m => m.Body["metadata"]!["event_payload"]!["part"]!.ToString()));
        Assert.NotNull(await Poster.FindPostedAsync(target, post));
    }

    [Fact]
    public async Task Post_DoesNotDuplicate_WhenSlackAcceptedButTheAnswerTimedOut()
    {
        Fake.EnqueueFault(FakeSlackFault.TimeoutAfterAccepting);

        await Poster.PostAsync(Channel("CDUP"), Post("sub/d1/papers", "papers"));

        Assert.Single(Fake.MessagesIn("CDUP"));
    }

    [Fact]
    public async Task Post_ThrowsPermanentPostException_ForUnknownChannel()
    {
        Fake.Options.UnknownChannels.Add("CGONE");

        var error = await Assert.ThrowsAsync<PostException>(() => Poster.PostAsync(Channel("CGONE"), Post("sub/d1/papers", "papers")));

        Assert.True(error.Permanent);
        Assert.Contains("channel_not_found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ThrowsTransientPostException_WhenSlackKeepsFailing()
    {
        for (var i = 0; i < 3; i++)
        {
            Fake.EnqueueFault(FakeSlackFault.ServerError);
        }

        var error = await Assert.ThrowsAsync<PostException>(() => Poster.PostAsync(Channel("CDOWN"), Post("sub/d1/papers", "papers")));

        Assert.False(error.Permanent);
        Assert.Empty(Fake.Messages);
    }

    [Fact]
    public async Task Post_To100Channels_DeliversEveryMessageExactlyOnce_UnderPacing()
    {
        var channels = Enumerable.Range(1, 100).Select(i => $"C{i:D4}").ToList();
        var sections = new[] { "papers", "news", "tools" };

        await Task.WhenAll(channels.Select(async channel =>
        {
            foreach (var section in sections)
            {
                await Poster.PostAsync(Channel(channel), Post($"{channel}/d1/{section}", section));
            }
        }));

        var messages = Fake.Messages;
        Assert.Equal(300, messages.Count);
        Assert.Equal(300, messages.Select(m => m.LedgerKey).Distinct().Count());
        foreach (var channel in channels)
        {
            Assert.Equal(sections.Select(s => $"{channel}/d1/{s}"), Fake.MessagesIn(channel).Select(m => m.LedgerKey));
        }

        Assert.Empty(Fake.Rejections);
    }

    private static PostTarget Channel(string id) => new("slack", "channel", id);

    private static SectionPost Post(string ledgerKey, string section) => new(ledgerKey, Highlight(section));

    private static SectionHighlight Highlight(string section) => new(
        "2025-01-06-weekly",
        "Weekly <AI> & digest",
        new DateOnly(2025, 1, 6),
        "https://example.blog/posts/weekly/",
        section,
        $"{section} section",
        [new HighlightItem("e1", "Entry <1>", "First bullet", "https://arxiv.org/abs/2401.00001"), new HighlightItem("e2", "Entry 2", null, null)],
        3);
}
