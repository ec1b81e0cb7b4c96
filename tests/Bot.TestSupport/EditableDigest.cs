using System.Text;

namespace Bot.TestSupport;

/// <summary>
/// A small digest of our own in a temporary folder (three sections, two entries each) whose entry titles a test can
/// change and write again, as a publisher fixing a typo would: for the corrections (edit) tests.
/// </summary>
public sealed class EditableDigest : IDisposable
{
    private readonly Dictionary<string, string[]> _titles = new(StringComparer.Ordinal)
    {
        ["News"] = ["Harbor robots learn to moor ships", "City library opens a model lab"],
        ["Papers"] = ["Sparse routing for tiny experts", "Counting tokens without a tokenizer"],
        ["Tools"] = ["A linter for prompt templates", "Queue viewer for batch jobs"],
    };

    /// <summary>Creates the folder and writes the digest.</summary>
    public EditableDigest()
    {
        Folder = Path.Combine(Path.GetTempPath(), "bot-editable-digest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Write();
    }

    /// <summary>The folder to ingest.</summary>
    public string Folder { get; }

    /// <summary>The digest file.</summary>
    public string File => Path.Combine(Folder, "2026-11-29-corrections-test.md");

    /// <summary>Renames entry <paramref name="index"/> of <paramref name="section"/> and writes the file again.</summary>
    public void Retitle(string section, int index, string title)
    {
        _titles[section][index] = title;
        Write();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder for a moment; the OS cleans the temp folder.
        }
    }

    private void Write()
    {
        var text = new StringBuilder("---\ntitle: \"Corrections test digest\"\ndate: 2026-11-29 09:00:00 +0900\n---\n\nA digest written for the edit tests.\n\n");
        var n = 0;
        foreach (var (section, titles) in _titles)
        {
            text.Append("## ").Append(section).Append("\n\n");
            foreach (var title in titles)
            {
                n++;
                text.Append("### ").Append(title).Append(" [^ref-").Append(n).Append("]\n- One line about it.\n\n");
            }
        }

        text.Append("## References\n\n");
        for (var i = 1; i <= n; i++)
        {
            text.Append("[^ref-").Append(i).Append("]: [Source ").Append(i).Append("](https://example.org/item-").Append(i).Append(")\n");
        }

        System.IO.File.WriteAllText(File, text.ToString());
    }
}
