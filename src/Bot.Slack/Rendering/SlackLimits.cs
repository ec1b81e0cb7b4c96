using Bot.Slack.Wire.Messages;

namespace Bot.Slack.Rendering;

/// <summary>Slack's documented Block Kit limits, plus our own per-message text budget; shared with the fake server.</summary>
public static class SlackLimits
{
    /// <summary>Blocks per message.</summary>
    public const int BlocksPerMessage = 50;

    /// <summary>Header block text (plain_text).</summary>
    public const int HeaderTextLength = 150;

    /// <summary>Section block text.</summary>
    public const int SectionTextLength = 3000;

    /// <summary>Section fields per block.</summary>
    public const int SectionFields = 10;

    /// <summary>Section field text.</summary>
    public const int SectionFieldLength = 2000;

    /// <summary>Context block elements.</summary>
    public const int ContextElements = 10;

    /// <summary>Context text element (the documented text-object maximum).</summary>
    public const int ContextTextLength = 3000;

    /// <summary>Elements of an actions block.</summary>
    public const int ActionsElements = 25;

    /// <summary>Button label (plain_text).</summary>
    public const int ButtonTextLength = 75;

    /// <summary>Button <c>action_id</c>.</summary>
    public const int ActionIdLength = 255;

    /// <summary>Button <c>value</c>.</summary>
    public const int ButtonValueLength = 2000;

    /// <summary>Our cap on the fallback <c>text</c> (Slack truncates at 40,000 and advises far less).</summary>
    public const int FallbackTextLength = 3000;

    /// <summary>
    /// Our cap on all block text of one message, so long sections split between entries. Slack's real ceiling is not
    /// documented: 11,837 characters in 21 blocks were refused with <c>msg_blocks_too_long</c>, so we keep a margin.
    /// </summary>
    public const int MessageTextBudget = 10000;

    /// <summary>The block text of a message (header, section, field and context text).</summary>
    public static int BlockTextLength(IEnumerable<SlackBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        return blocks.Sum(b => b switch
        {
            SlackHeaderBlock h => h.Text.Text.Length,
            SlackSectionBlock s => s.Text.Text.Length + (s.Fields?.Sum(f => f.Text.Length) ?? 0),
            SlackContextBlock c => c.Elements.Sum(e => e.Text.Length),
            _ => 0,
        });
    }

    /// <summary>Every way <paramref name="message"/> breaks a documented limit; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(SlackMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var errors = new List<string>();
        void Check(bool ok, string error)
        {
            if (!ok)
            {
                errors.Add(error);
            }
        }

        var blocks = message.Blocks ?? [];
        Check(!string.IsNullOrWhiteSpace(message.Text), "text (the fallback) is missing");
        Check(message.Text.Length <= FallbackTextLength, $"text longer than {FallbackTextLength}");
        Check(blocks.Count <= BlocksPerMessage, $"more than {BlocksPerMessage} blocks");
        foreach (var (block, i) in blocks.Select((b, i) => (b, i)))
        {
            switch (block)
            {
                case SlackHeaderBlock h:
                    Check(h.Text.Type == "plain_text", $"blocks[{i}] header text must be plain_text");
                    Check(h.Text.Text.Length is > 0 and <= HeaderTextLength, $"blocks[{i}] header text empty or longer than {HeaderTextLength}");
                    break;
                case SlackSectionBlock s:
                    Check(s.Text.Text.Length is > 0 and <= SectionTextLength, $"blocks[{i}] section text empty or longer than {SectionTextLength}");
                    Check((s.Fields?.Count ?? 0) <= SectionFields, $"blocks[{i}] has more than {SectionFields} fields");
                    Check(s.Fields?.All(f => f.Text.Length <= SectionFieldLength) ?? true, $"blocks[{i}] field longer than {SectionFieldLength}");
                    break;
                case SlackContextBlock c:
                    Check(c.Elements.Count is > 0 and <= ContextElements, $"blocks[{i}] context needs 1 to {ContextElements} elements");
                    Check(c.Elements.All(e => e.Text.Length is > 0 and <= ContextTextLength), $"blocks[{i}] context element empty or longer than {ContextTextLength}");
                    break;
                case SlackActionsBlock a:
                    Check(a.Elements.Count is > 0 and <= ActionsElements, $"blocks[{i}] actions needs 1 to {ActionsElements} elements");
                    foreach (var button in a.Elements)
                    {
                        Check(button.Text.Type == "plain_text" && button.Text.Text.Length is > 0 and <= ButtonTextLength, $"blocks[{i}] button label must be plain_text of 1 to {ButtonTextLength}");
                        Check(button.ActionId.Length is > 0 and <= ActionIdLength, $"blocks[{i}] action_id empty or longer than {ActionIdLength}");
                        Check((button.Value?.Length ?? 0) <= ButtonValueLength, $"blocks[{i}] button value longer than {ButtonValueLength}");
                    }

                    Check(a.Elements.Select(e => e.ActionId).Distinct().Count() == a.Elements.Count, $"blocks[{i}] action_ids must be unique");
                    break;
            }
        }

        return errors;
    }
}
