using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bot.TestSupport.Hosting;

/// <summary>
/// One real host: <c>dotnet Bot.dll serve</c> as its own process, with its own data folder, digest folder and loopback port,
/// configured by environment variables (none of the caller's <c>Bot__</c> variables) and optionally a settings file; killed
/// with SIGKILL (as <c>kill -9</c>) or stopped with SIGTERM, and started again on the same folders and port. The fault
/// drills and the cluster benchmark run their hosts through it.
/// </summary>
public sealed class BotHostProcess : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly Lock _logLock = new();
    private readonly Queue<string> _tail = new();
    private StreamWriter? _log;
    private Process? _process;

    private readonly string? _settingsFile;
    private readonly string _botDll;

    /// <summary>
    /// A host named <paramref name="name"/> under <paramref name="root"/> (<c>name/data</c>, <c>name/digests</c>,
    /// <c>name.log</c>). Without <paramref name="settingsFile"/> it watches its own digest folder; with one, the file's
    /// sources apply. <paramref name="botDll"/> defaults to the built host beside the tests.
    /// </summary>
    public BotHostProcess(string name, string root, IReadOnlyDictionary<string, string> environment, string? settingsFile = null, string? botDll = null)
    {
        Name = name;
        DataPath = Path.Combine(root, name, "data");
        DigestsPath = Path.Combine(root, name, "digests");
        LogPath = Path.Combine(root, name + ".log");
        Directory.CreateDirectory(DataPath);
        Directory.CreateDirectory(DigestsPath);
        Port = FreePort();
        _environment = environment;
        _settingsFile = settingsFile;
        _botDll = botDll ?? RepoPaths.BotDll;
    }

    public string Name { get; }

    public string DataPath { get; }

    /// <summary>The folder this host alone watches (<c>Bot:Digests:Sources</c>).</summary>
    public string DigestsPath { get; }

    public string LogPath { get; }

    public int Port { get; }

    /// <summary>The running process's id (it names the host in ledger claims), or null when stopped.</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Starts the process and waits until <c>/healthz/ready</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _settingsFile is null ? RepoPaths.Root : Path.GetDirectoryName(Path.GetFullPath(_settingsFile))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { _botDll, "serve", "--data", DataPath })
        {
            start.ArgumentList.Add(arg);
        }

        if (_settingsFile is not null)
        {
            start.ArgumentList.Add("--config");
            start.ArgumentList.Add(_settingsFile);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Bot__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["Bot__Urls"] = $"http://127.0.0.1:{Port}";
        if (_settingsFile is null)
        {
            start.Environment["Bot__Digests__Sources__0"] = DigestsPath;
        }
        _log ??= new StreamWriter(LogPath, append: true) { AutoFlush = true };
        Write($"---- {Name} starting at {TimeProvider.System.GetUtcNow():O}");
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"host {Name} exited with {process.ExitCode} while starting:\n{Tail(40)}");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri($"http://127.0.0.1:{Port}/healthz/ready"));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"host {Name} was not ready within {timeout}:\n{Tail(40)}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown, claims and fetched jobs left as they are.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
            Write($"---- {Name} killed (SIGKILL) at {TimeProvider.System.GetUtcNow():O}");
        }
    }

    /// <summary>SIGTERM (a graceful stop, as systemd does), then SIGKILL if the host has not exited within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process is { HasExited: false } process)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var deadline = new CancellationTokenSource(grace);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
                Write($"---- {Name} stopped (SIGTERM) at {TimeProvider.System.GetUtcNow():O}");
            }
            catch (OperationCanceledException)
            {
                await KillAsync();
            }
        }
    }

    /// <summary>The last lines the host wrote.</summary>
    public string Tail(int lines)
    {
        lock (_logLock)
        {
            return string.Join('\n', _tail.Skip(Math.Max(0, _tail.Count - lines)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        lock (_logLock)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log?.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > 400)
            {
                _tail.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
