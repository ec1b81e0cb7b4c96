using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Bot.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster in a temp folder on a loopback port, run as a non-root user (initdb refuses root),
/// from the binaries under <c>/usr/lib/postgresql/*/bin</c>. Stopped and deleted on dispose.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private string _dir = string.Empty;
    private string? _runAs;

    /// <summary>The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed.</summary>
    public static string? BinDirectory { get; } = FindBin();

    public int Port { get; private set; }

    /// <summary>Connection string of a new, empty database.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = NpgsqlDataSource.Create(ConnectionString("postgres")))
        await using (var command = admin.CreateCommand($"CREATE DATABASE {name}"))
        {
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public async Task InitializeAsync()
    {
        if (BinDirectory is null)
        {
            return;
        }

        _dir = Path.Combine(Path.GetTempPath(), "bot-pg-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(_dir);
        Port = FreePort();
        if (Environment.UserName == "root")
        {
            _runAs = File.ReadAllLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)) ? "postgres" : "nobody";
            await RunAsync("chown", "-R", _runAs, _dir);
        }

        await PgAsync("initdb", "-D", Path.Combine(_dir, "data"), "-U", "bot", "-A", "trust", "--no-sync", "-E", "UTF8");
        await PgAsync("pg_ctl", "-D", Path.Combine(_dir, "data"), "-l", Path.Combine(_dir, "log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");
    }

    /// <summary>Stops the server at once (as a crash would: <c>-m immediate</c>); <see cref="StartAsync"/> brings it back on the same port.</summary>
    public async Task StopAsync()
    {
        await PgAsync("pg_ctl", "-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop");
    }

    /// <summary>Starts the stopped server again, same port and data.</summary>
    public Task StartAsync()
        => PgAsync("pg_ctl", "-D", Path.Combine(_dir, "data"), "-l", Path.Combine(_dir, "log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");

    public async Task DisposeAsync()
    {
        if (BinDirectory is null || _dir.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await PgAsync("pg_ctl", "-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop");
        }
        finally
        {
            try
            {
                Directory.Delete(_dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private string ConnectionString(string database)
        => $"Host=127.0.0.1;Port={Port};Database={database};Username=bot;Pooling=true;Maximum Pool Size=20;Timeout=30";

    private Task PgAsync(string tool, params string[] args)
    {
        var path = Path.Combine(BinDirectory!, tool);
        return _runAs is null ? RunAsync(path, args) : RunAsync("runuser", ["-u", _runAs, "--", path, .. args]);
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    private static string? FindBin()
    {
        if (!Directory.Exists("/usr/lib/postgresql"))
        {
            return null;
        }

        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(v => Path.Combine(v, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
            .OrderDescending(StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
