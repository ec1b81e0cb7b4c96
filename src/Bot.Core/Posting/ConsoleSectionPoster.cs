using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Bot.Core.Rendering;
using Bot.Core.Replies;

namespace Bot.Core.Posting;

/// <summary>
/// The <c>console</c> platform: prints each section post to standard output, so the embedded default shows
/// the whole loop without any account. Remembers what it printed in this process, so a resumed job does not print twice.
/// </summary>
public sealed class ConsoleSectionPoster : ISectionPoster
{
    private static readonly ConsoleRenderer Renderer = new();
    private readonly TextWriter _output;
    private readonly ConcurrentDictionary<string, PostReceipt> _printed = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _counter;

    /// <summary>Prints to <see cref="Console.Out"/>.</summary>
    public ConsoleSectionPoster()
        : this(Console.Out)
    {
    }

    /// <summary>Prints to <paramref name="output"/>.</summary>
    public ConsoleSectionPoster(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <inheritdoc />
    public string Platform => "console";

    /// <inheritdoc />
    public Task<PostReceipt> PostAsync(PostTarget target, SectionPost post, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        var receipt = _printed.GetOrAdd(post.LedgerKey, _ =>
        {
            var text = Format(post);
            lock (_gate)
            {
                _output.Write(text);
                _output.Flush();
            }

            return new PostReceipt($"console-{Interlocked.Increment(ref _counter)}", post.ThreadParentId);
        });
        return Task.FromResult(receipt);
    }

    /// <inheritdoc />
    public Task<PostReceipt?> FindPostedAsync(PostTarget target, SectionPost post, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        return Task.FromResult(_printed.TryGetValue(post.LedgerKey, out var receipt) ? receipt : null);
    }

    /// <inheritdoc />
    public Task<PostReceipt> PostThreadParentAsync(PostTarget target, string ledgerKey, SectionHighlight firstSection, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(firstSection);
        var receipt = _printed.GetOrAdd(ledgerKey, _ =>
        {
            lock (_gate)
            {
                _output.WriteLine($"=== {firstSection.DigestTitle}{Date(firstSection.DigestDate)} ===");
                _output.Flush();
            }

            var id = $"console-{Interlocked.Increment(ref _counter)}";
            return new PostReceipt(id, id);
        });
        return Task.FromResult(receipt);
    }

    /// <summary>The text a section post prints as: a marker line naming the digest and section, then the console rendering.</summary>
    public static string Format(SectionPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var h = post.Highlight;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"[console post · {h.DigestId} · {h.SectionKey}]\n");
        if (post.MentionRoleId is { } role)
        {
            text.Append(CultureInfo.InvariantCulture, $"(mentions role {role})\n");
        }

        return text.Append(Renderer.RenderPost(post)).Append('\n').ToString();
    }

    private static string Date(DateOnly? date) => date is { } d ? d.ToString(" (yyyy-MM-dd)", CultureInfo.InvariantCulture) : string.Empty;
}
