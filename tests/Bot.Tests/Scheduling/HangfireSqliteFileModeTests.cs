using Bot.Scheduling;
using Hangfire.Storage;

namespace Bot.Tests.Scheduling;

public sealed class HangfireSqliteFileModeTests
{
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [Fact]
    public void HangfireDb_IsCreatedOwnerOnly_LikeBotDb()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var dir = Path.Combine(Path.GetTempPath(), "bot-hfmode-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var path = Path.Combine(dir, "hangfire.db");
            var storage = StateStoreFactory.CreateSqliteStorage(path, TimeSpan.FromSeconds(15));
            using (var connection = storage.GetConnection())
            {
                _ = connection.GetRecurringJobs(); // the schema is written
            }

            Assert.True(File.Exists(path));
            Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(path) & GroupOrOther);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
