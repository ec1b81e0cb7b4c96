using System.Text.Json;

using Bot.Digests;
using Bot.Digests.Model;
using Bot.TestSupport;

namespace Bot.Benchmarks;

/// <summary>
/// <c>-- parse-compare OTHER_Bot.Digests.dll [folder...] [--generated N]</c>: parses every <c>*.md</c> under the folders and
/// N generated digests with this build and with another build's parser (in its own load context), and counts the digests
/// whose serialised result (sections, entries, bullets, references, warnings with their messages) differs.
/// </summary>
internal static class ParseCompareHarness
{
    public static Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("parse-compare: give another build's Bot.Digests.dll first.");
            return Task.FromResult(2);
        }

        var generated = BenchArgs.Integer(args, "--generated", 300);
        var inputs = args.Skip(1).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.md", SearchOption.AllDirectories)).Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f)))
            .Concat(new DigestGenerator(seed: 2026).GenerateMany(generated, entriesPerDigest: 50).Select(d => (Name: d.FileName, Text: d.Markdown)))
            .ToList();
        var other = OtherParser(args[0]);
        var parser = new DigestParser();
        var differ = 0;
        foreach (var (name, text) in inputs)
        {
            var mine = JsonSerializer.Serialize(parser.Parse(text, name), typeof(Digest));
            var theirs = JsonSerializer.Serialize(other(text, name));
            if (!string.Equals(mine, theirs, StringComparison.Ordinal))
            {
                differ++;
                Console.WriteLine($"  differs: {name}");
            }
        }

        Console.WriteLine($"{inputs.Count} digests compared, {differ} differ");
        return Task.FromResult(differ == 0 ? 0 : 1);
    }

    private static Func<string, string?, object> OtherParser(string assemblyPath)
    {
        var context = new System.Runtime.Loader.AssemblyLoadContext("compare-build");
        var type = context.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath)).GetType("Bot.Digests.DigestParser", throwOnError: true)!;
        return (Func<string, string?, object>)Delegate.CreateDelegate(typeof(Func<string, string?, object>), Activator.CreateInstance(type)!, type.GetMethod("Parse")!);
    }
}
