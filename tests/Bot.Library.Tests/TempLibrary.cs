using Bot.Library.Search;
using Bot.Library.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Library.Tests;

/// <summary>A library on its own SQLite file in a fresh temporary folder.</summary>
internal sealed class TempLibrary : IDisposable
{
    public TempLibrary(LibraryOptions? options = null, IHttpClientFactory? http = null, TimeProvider? time = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "bot-library-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Database = new BotDatabase(Path.Combine(Directory, "data"));
        Library = new DigestLibrary(Database, options ?? new LibraryOptions(), http, time ?? TimeProvider.System, null);
    }

    public string Directory { get; }

    public BotDatabase Database { get; }

    public DigestLibrary Library { get; }

    /// <summary>Writes a file under the temp folder and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public long Scalar(string sql)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<string>> TitlesAsync(string query, int limit = 10, string? section = null, bool papers = false)
    {
        var response = await Library.SearchAsync(new SearchRequest(query, section, papers, limit));
        return response.Results.Select(r => r.Title).ToList();
    }

    public void Dispose()
    {
        SqliteConnection.ClearPool(new SqliteConnection($"Data Source={Database.FilePath}"));
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may still be open; the OS temp folder is cleaned eventually.
        }
    }
}
