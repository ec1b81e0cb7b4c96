namespace Bot.Digests.Parsing;

/// <summary>A section while it is being read.</summary>
internal sealed class SectionDraft(string title, string key, int line)
{
    public string Title { get; } = title;

    public string Key { get; } = key;

    public int Line { get; } = line;

    public List<EntryDraft> Entries { get; } = [];
}
