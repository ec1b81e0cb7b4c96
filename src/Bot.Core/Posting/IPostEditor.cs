namespace Bot.Core.Posting;

/// <summary>
/// Corrects or removes posts already sent: implemented by the posters of platforms that allow it (Discord's PATCH/DELETE
/// message, Slack's chat.update/chat.delete). A poster that does not implement it cannot edit.
/// </summary>
public interface IPostEditor
{
    /// <summary>True when posts to <paramref name="target"/> can be edited and deleted (a Slack incoming webhook cannot).</summary>
    bool CanEdit(PostTarget target);

    /// <summary>
    /// Replaces the messages of a sent section with <paramref name="post"/>'s rendering, message by message. Returns the ids
    /// now showing the section (a rendering with fewer parts leaves the extra messages untouched; one with more edits what exists).
    /// </summary>
    Task<IReadOnlyList<string>> EditAsync(PostTarget target, SectionPost post, IReadOnlyList<string> messageIds, string? threadId, CancellationToken ct = default);

    /// <summary>Deletes the messages of a sent post; a message already gone counts as deleted.</summary>
    Task DeleteAsync(PostTarget target, IReadOnlyList<string> messageIds, string? threadId, CancellationToken ct = default);
}
