using System.Diagnostics;
using System.Text;

namespace Bot.Digests.Tests.Html;

/// <summary>Runs a real renderer (Ruby kramdown, Node remark) as a child process; tests skip with the reason when it is absent.</summary>
internal static class ExternalRenderer
{
    // Jekyll's settings: kramdown with the GFM parser; hard_wrap off (Jekyll's default).
    private const string KramdownScript =
        "require 'kramdown'; require 'kramdown-parser-gfm'; " +
        "ARGV.each { |f| text = File.read(f, encoding: 'UTF-8').sub(/\\A---\\s*\\n.*?\\n---\\s*\\n/m, ''); " +
        "print Kramdown::Document.new(text, input: 'GFM', hard_wrap: false).to_html; print \"\\n<!--END-OF-DOCUMENT-->\\n\" }";

    public static string? KramdownMissing { get; } = Probe("ruby", "-e \"require 'kramdown'; require 'kramdown-parser-gfm'\"",
        "Ruby kramdown with kramdown-parser-gfm is not installed (apt-get install ruby-kramdown ruby-kramdown-parser-gfm; .ci/run does this)");

    /// <summary>Renders each file's body (front matter stripped, as Jekyll does) to HTML, in one Ruby process.</summary>
    public static IReadOnlyList<string> Kramdown(IReadOnlyList<string> files)
    {
        var script = Path.Combine(Path.GetTempPath(), $"bot-kramdown-{Environment.ProcessId}.rb");
        File.WriteAllText(script, KramdownScript);
        try
        {
            var output = Run("ruby", [script, .. files]);
            return output.Split("\n<!--END-OF-DOCUMENT-->\n")[..files.Count];
        }
        finally
        {
            File.Delete(script);
        }
    }

    public static string Run(string program, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in 120 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {stderr.Result}");
        }

        return stdout.Result;
    }

    private static string? Probe(string program, string arguments, string reason)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false });
            if (process is null || !process.WaitForExit(30_000))
            {
                return reason;
            }

            return process.ExitCode == 0 ? null : reason;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return reason;
        }
    }
}
