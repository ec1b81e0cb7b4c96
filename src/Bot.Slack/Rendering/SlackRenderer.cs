using System.Globalization;
using Bot.Core.Commands;
using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Core.Templates;
using Bot.Core.Text;
using Bot.Slack.Wire.Messages;

namespace Bot.Slack.Rendering;

/// <summary>
/// Renders neutral replies and section posts into Slack messages (Block Kit) within its limits, with the text pieces
/// from <c>templates/slack/*.liquid</c>, a fallback <c>text</c> always, and no unfurling.
/// </summary>
public sealed class SlackRenderer
{
    /// <summary><c>metadata.event_type</c> of scheduled section posts.</summary>
    public const string PostEventType = "bot_section_post";

    /// <summary><c>action_id</c> of the Previous button.</summary>
    public const string PreviousActionId = "page_previous";

    /// <summary><c>action_id</c> of the Next button.</summary>
    public const string NextActionId = "page_next";

    private const string Empty = "\u2014";
    private const int HeaderReserve = 12;

    private readonly TemplateStore _templates;

    /// <summary>Creates the renderer over the template store.</summary>
    public SlackRenderer(TemplateStore templates)
    {
        _templates = templates;
    }

    /// <summary>A renderer over the templates shipped next to the binaries.</summary>
    public static SlackRenderer CreateDefault() => new(TemplateStore.CreateDefault(SlackMarkup.Dialect));

    /// <summary>
    /// The messages of a scheduled section post, in order, split between entries when a section exceeds one message.
    /// Each carries <c>metadata</c> with the ledger key and its part; <paramref name="channel"/> is set for <c>chat.postMessage</c>.
    /// </summary>
    public IReadOnlyList<SlackMessage> RenderPost(SectionPost post, string? channel = null)
    {
        ArgumentNullException.ThrowIfNull(post);
        var pages = SectionPages(post.Highlight, int.MaxValue, out var fallback);
        return pages.Select((blocks, i) => new SlackMessage
        {
            Channel = channel,
            Text = fallback,
            Blocks = blocks,
            UnfurlLinks = false,
            UnfurlMedia = false,
            ThreadTs = post.ThreadParentId,
            Metadata = new SlackMetadata(PostEventType, new Dictionary<string, string>
            {
                ["ledger_key"] = post.LedgerKey,
                ["part"] = (i + 1).ToString(CultureInfo.InvariantCulture),
                ["parts"] = pages.Count.ToString(CultureInfo.InvariantCulture),
            }),
        }).ToList();
    }

    /// <summary>
    /// A slash-command or <c>response_url</c> reply. It is ephemeral unless <paramref name="inChannel"/> is asked for
    /// (errors and ephemeral replies stay ephemeral).
    /// </summary>
    public SlackMessage RenderReply(Reply reply, bool inChannel = false)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var (blocks, fallback) = reply switch
        {
            SectionHighlight h => (SectionPages(h, 1, out var text)[0], text),
            SearchResults r => Search(r),
            DigestOverview o => Overview(o),
            ReferencesReply refs => References(refs),
            ErrorReply e => Simple("error", TemplateModels.Error(e)),
            TextReply t => Simple("text", TemplateModels.Text(t)),
            _ => ([Section("This reply cannot be shown on Slack.")], "This reply cannot be shown on Slack."),
        };
        return new SlackMessage
        {
            Text = fallback,
            Blocks = blocks,
            UnfurlLinks = false,
            UnfurlMedia = false,
            ResponseType = inChannel && !reply.Ephemeral && reply is not ErrorReply ? "in_channel" : "ephemeral",
        };
    }

    private List<List<SlackBlock>> SectionPages(SectionHighlight highlight, int maxMessages, out string fallback)
    {
        var model = TemplateModels.Highlight(highlight);
        var header = Cut(Part("section", "header", model, plain: true), SlackLimits.HeaderTextLength - HeaderReserve);
        var context = Cut(Part("section", "context", model), 1000);
        fallback = Fallback("section", model);
        var items = highlight.Items.Select((item, i) => Section(Part("section", "item", model, TemplateModels.Item(item, i + 1)))).ToList();
        while (true)
        {
            var more = highlight.MoreCount + (highlight.Items.Count - items.Count);
            var moreBlock = more > 0 ? Section(Part("section", "more", new Dictionary<string, object?>(model) { ["more"] = more })) : null;
            var overhead = header.Length + HeaderReserve + context.Length + (moreBlock?.Text.Text.Length ?? 0);
            var pages = Pack(overhead, items);
            if (pages.Count > maxMessages)
            {
                items.RemoveRange(pages[0].Count, items.Count - pages[0].Count);
                continue;
            }

            var result = new List<List<SlackBlock>>(pages.Count);
            for (var i = 0; i < pages.Count; i++)
            {
                var blocks = new List<SlackBlock>
                {
                    new SlackHeaderBlock(SlackTextObject.Plain(pages.Count > 1 ? $"{header} ({i + 1}/{pages.Count})" : NonEmpty(header))),
                };
                if (i == 0 && context.Length > 0)
                {
                    blocks.Add(new SlackContextBlock([SlackTextObject.Mrkdwn(context)]));
                }

                blocks.AddRange(pages[i]);
                if (i == pages.Count - 1 && moreBlock is not null)
                {
                    blocks.Add(moreBlock);
                }

                result.Add(blocks);
            }

            return result;
        }
    }

    // Between entries only: at most 50 blocks (header, context and "more" kept free) and the text budget per message.
    private static List<List<SlackSectionBlock>> Pack(int overhead, List<SlackSectionBlock> items)
    {
        const int perMessage = SlackLimits.BlocksPerMessage - 3;
        var pages = new List<List<SlackSectionBlock>> { new() };
        var used = overhead;
        foreach (var item in items)
        {
            var size = item.Text.Text.Length;
            if (pages[^1].Count > 0 && (pages[^1].Count == perMessage || used + size > SlackLimits.MessageTextBudget))
            {
                pages.Add([]);
                used = overhead;
            }

            pages[^1].Add(item);
            used += size;
        }

        return pages;
    }

    private (List<SlackBlock>, string) Search(SearchResults results)
    {
        var model = TemplateModels.Search(results);
        var blocks = new List<SlackBlock>
        {
            new SlackHeaderBlock(SlackTextObject.Plain(NonEmpty(Cut(Part("search", "header", model, plain: true), SlackLimits.HeaderTextLength)))),
            new SlackContextBlock([SlackTextObject.Mrkdwn(NonEmpty(Cut(Part("search", "context", model), 1000)))]),
        };
        blocks.AddRange(Budgeted(results.Results.Take(SlackLimits.BlocksPerMessage - 4).Select((r, i) => Section(Part("search", "item", model, TemplateModels.SearchItem(r, i + 1))))));
        var buttons = new List<SlackButton>();
        if (results.Page > 1)
        {
            buttons.Add(PageButton(Part("search", "previous", model, plain: true), PreviousActionId, results.PagingState, results.Page - 1));
        }

        if (results.Page < results.PageCount)
        {
            buttons.Add(PageButton(Part("search", "next", model, plain: true), NextActionId, results.PagingState, results.Page + 1));
        }

        if (buttons.Count > 0)
        {
            blocks.Add(new SlackActionsBlock(buttons));
        }

        return (blocks, Fallback("search", model));
    }

    private (List<SlackBlock>, string) Overview(DigestOverview overview)
    {
        var model = TemplateModels.Overview(overview);
        var blocks = new List<SlackBlock>
        {
            new SlackHeaderBlock(SlackTextObject.Plain(NonEmpty(Cut(Part("overview", "header", model, plain: true), SlackLimits.HeaderTextLength)))),
            new SlackContextBlock([SlackTextObject.Mrkdwn(NonEmpty(Cut(Part("overview", "context", model), 1000)))]),
        };
        var summary = Part("overview", "summary", model);
        if (summary.Length > 0)
        {
            blocks.Add(Section(summary));
        }

        var sections = overview.Sections.Select((s, i) => Section(Part("overview", "item", model, TemplateModels.OverviewSection(s, i + 1)))).ToList();
        var room = SlackLimits.BlocksPerMessage - blocks.Count;
        if (sections.Count > room)
        {
            sections = [.. sections.Take(room - 1), Section($"+{sections.Count - (room - 1)} more sections")];
        }

        // The header, context and summary can hold up to ~4,150 characters (a long title, a long summary): count them,
        // not the usual 2,000 reserve, or the message passes Slack's total (msg_blocks_too_long). Found by the fake's check.
        var fixedText = blocks.Sum(b => b switch
        {
            SlackHeaderBlock h => h.Text.Text.Length,
            SlackContextBlock c => c.Elements.Sum(e => e.Text.Length),
            SlackSectionBlock s => s.Text.Text.Length,
            _ => 0,
        });
        blocks.AddRange(Budgeted(sections, Math.Max(2000, fixedText)));
        return (blocks, Fallback("overview", model));
    }

    private (List<SlackBlock>, string) References(ReferencesReply reply)
    {
        var model = TemplateModels.References(reply);
        var blocks = new List<SlackBlock>
        {
            new SlackHeaderBlock(SlackTextObject.Plain(NonEmpty(Cut(Part("references", "header", model, plain: true), SlackLimits.HeaderTextLength)))),
            new SlackContextBlock([SlackTextObject.Mrkdwn(NonEmpty(Cut(Part("references", "context", model), 1000)))]),
        };
        blocks.AddRange(Budgeted(reply.References.Take(SlackLimits.BlocksPerMessage - 2).Select((r, i) => Section(Part("references", "item", model, TemplateModels.Reference(r, i + 1))))));
        return (blocks, Fallback("references", model));
    }

    private (List<SlackBlock>, string) Simple(string template, Dictionary<string, object?> model)
        => ([Section(Part(template, "text", model))], Fallback(template, model));

    // Keeps a single reply message within the text budget by dropping trailing items.
    private static IEnumerable<SlackSectionBlock> Budgeted(IEnumerable<SlackSectionBlock> items, int reserved = 2000)
    {
        var used = 0;
        foreach (var item in items)
        {
            used += item.Text.Text.Length;
            if (used > SlackLimits.MessageTextBudget - reserved)
            {
                yield break;
            }

            yield return item;
        }
    }

    private string Fallback(string template, Dictionary<string, object?> model)
        => NonEmpty(Cut(Part(template, "fallback", model).ReplaceLineEndings(" "), SlackLimits.FallbackTextLength));

    private static SlackSectionBlock Section(string text) => new(SlackTextObject.Mrkdwn(NonEmpty(Cut(text, SlackLimits.SectionTextLength))));

    private static SlackButton PageButton(string label, string actionId, string state, int page)
        => new(SlackTextObject.Plain(NonEmpty(Cut(label, SlackLimits.ButtonTextLength))), actionId) { Value = PagingState.ToToken(state, page) };

    private string Part(string template, string part, Dictionary<string, object?> model, Dictionary<string, object?>? item = null, bool plain = false)
        => _templates.Render(SlackMarkup.Dialect, template, part, model, item, plain ? SlackPlainTextEncoder.Instance : null);

    private static string Cut(string text, int max) => TextTruncator.Truncate(text, max);

    private static string NonEmpty(string text) => text.Length == 0 ? Empty : text;
}
