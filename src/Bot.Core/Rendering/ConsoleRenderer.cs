using System.Globalization;
using System.Text;
using Bot.Core.Highlights;
using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Core.Text;

namespace Bot.Core.Rendering;

/// <summary>Plain text for a terminal: <c>preview</c> without <c>--json</c> and the scheduler's console target.</summary>
public sealed class ConsoleRenderer
{
    /// <summary>Longest summary line shown per entry.</summary>
    public const int SummaryLength = 300;

    /// <summary>Renders a scheduled section post.</summary>
    public string RenderPost(SectionPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return Render(post.Highlight);
    }

    /// <summary>Renders any reply as readable text, ending with a newline.</summary>
    public string Render(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = new StringBuilder();
        switch (reply)
        {
            case SectionHighlight h:
                var kind = SectionKinds.Classify(h.SectionKey);
                Line(text, $"{SectionKinds.Emoji(kind)} {h.SectionTitle} — {h.DigestTitle}{DateSuffix(h.DigestDate)}");
                Line(text, new string('─', 60));
                foreach (var (item, i) in h.Items.Select((item, i) => (item, i + 1)))
                {
                    Line(text, $"{i}. {item.Title}");
                    Indented(text, item.Summary);
                    Indented(text, item.Url);
                }

                if (h.MoreCount > 0)
                {
                    Line(text, $"+{h.MoreCount} more{(h.DigestUrl is null ? string.Empty : " at " + h.DigestUrl)}");
                }

                break;
            case DigestOverview o:
                Line(text, $"{o.DigestTitle}{DateSuffix(o.DigestDate)}");
                Indented(text, o.DigestUrl);
                Indented(text, o.Summary);
                foreach (var s in o.Sections)
                {
                    Line(text, $"- {s.Title} ({s.Key}): {s.EntryCount} {(s.EntryCount == 1 ? "entry" : "entries")}");
                }

                break;
            case SearchResults r:
                Line(text, $"{(r.Command == "papers" ? "Papers" : "Search")}: \"{r.Query}\"{(r.Section is null ? string.Empty : $" in {r.Section}")} — {r.TotalText} result{(r.Total == 1 ? string.Empty : "s")}, page {r.Page} of {r.PageCount}");
                foreach (var (result, i) in r.Results.Select((x, i) => (x, i + 1 + ((r.Page - 1) * Math.Max(1, r.Results.Count)))))
                {
                    Line(text, $"{i}. {result.Title}  [{result.Section} · {result.DigestTitle}{(result.DigestDate is null ? string.Empty : " " + result.DigestDate)}]");
                    Indented(text, result.Summary);
                    Indented(text, result.Url);
                }

                break;
            case ReferencesReply refs:
                Line(text, $"References of \"{refs.Entry.Title}\" ({refs.Entry.DigestTitle})");
                foreach (var cited in refs.References)
                {
                    Line(text, $"- [{cited.Reference.Kind.ToString().ToLowerInvariant()}] {cited.Reference.Title}");
                    Indented(text, cited.Reference.Url);
                    foreach (var also in cited.AlsoIn)
                    {
                        Indented(text, $"also in {also.DigestTitle}{(also.DigestDate is null ? string.Empty : " (" + also.DigestDate + ")")}: {also.EntryTitle}");
                    }
                }

                break;
            case ErrorReply e:
                Line(text, $"error: {e.Message}");
                Indented(text, e.Hint);
                break;
            case TextReply t:
                Line(text, t.Text);
                break;
            default:
                Line(text, reply.ToString() ?? string.Empty);
                break;
        }

        return text.ToString();
    }

    private static string DateSuffix(DateOnly? date) => date is null ? string.Empty : $" ({date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})";

    private static void Line(StringBuilder text, string line) => text.Append(line.ReplaceLineEndings(" ")).Append('\n');

    private static void Indented(StringBuilder text, string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            text.Append("   ").Append(TextTruncator.Truncate(line.ReplaceLineEndings(" "), SummaryLength)).Append('\n');
        }
    }
}
