using System.Globalization;
using Bot.Library.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Hosting;

/// <summary>
/// Unhealthy when <c>bot.db</c> cannot be written (a full disk, a read-only file or mount): the ledger could then not
/// record a post, and the host must not look fine while it cannot keep its exactly-once promise.
/// </summary>
public sealed class DatabaseWritableHealthCheck(BotDatabase database, TimeProvider time) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = database.Open();
            using var write = connection.CreateCommand();
            write.CommandText = "INSERT INTO bot_meta (key, value) VALUES ('health_probe', @at) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
            write.Parameters.AddWithValue("@at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            write.ExecuteNonQuery();
            return Task.FromResult(HealthCheckResult.Healthy("bot.db is writable"));
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"bot.db cannot be written: {ex.Message}"));
        }
    }
}
