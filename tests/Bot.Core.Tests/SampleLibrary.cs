using Bot.Library;
using Bot.Library.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Tests;

/// <summary>A library on its own temporary SQLite file, optionally holding the repository's sample digests.</summary>
internal sealed class SampleLibrary : IDisposable
{
    public const string PublicUrl = "https://example.blog/posts/{slug}/";

    private SampleLibrary(string directory)
    {
        Directory = directory;
        Database = new BotDatabase(Path.Combine(directory, "data"));
        var options = new LibraryOptions { Digests = new DigestSourcesOptions { PublicUrl = PublicUrl } };
        Library = new DigestLibrary(Database, options, null, TimeProvider.System, null);
    }

    public string Directory { get; }

    public BotDatabase Database { get; }

    public DigestLibrary Library { get; }

    public static async Task<SampleLibrary> CreateAsync(bool withSamples = true)
    {
        var library = new SampleLibrary(Path.Combine(Path.GetTempPath(), "bot-core-tests", Guid.NewGuid().ToString("N")));
        if (withSamples)
        {
            var report = await library.Library.IngestAsync([Path.Combine(RepoPaths.Root, "samples", "digests")]);
            Assert.True(report.Files.Count >= 3, "the samples should ingest");
        }

        return library;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
