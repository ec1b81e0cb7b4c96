using System.CommandLine;
using Bot.Cli;

namespace Bot.Tests;

/// <summary>Every numeric option of every verb: a bad number is a one-line usage error (exit 2), never a crash.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class NumericOptionTests
{
    private static readonly Type[] NumericTypes = [typeof(int), typeof(long), typeof(short), typeof(uint), typeof(ulong), typeof(double), typeof(decimal), typeof(int?), typeof(long?)];

    public static TheoryData<string, string> BadValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, option) in NumericOptions())
        {
            foreach (var bad in new[] { "abc", "99999999999", "-99999999999", "1.5", "" })
            {
                data.Add($"{path} {option}", bad);
            }
        }

        return data;
    }

    [Fact]
    public void TheTreeHasNumericOptions()
    {
        // Guards the theory below against finding nothing (and so checking nothing).
        Assert.Contains(NumericOptions(), o => o.Path == "search" && o.Option == "--limit");
        Assert.Contains(NumericOptions(), o => o.Path == "papers" && o.Option == "--limit");
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task BadNumber_IsAOneLineUsageError(string verbAndOption, string bad)
    {
        var parts = verbAndOption.Split(' ');
        var command = Find(parts[0]);
        var args = new List<string>(parts[0].Split('/'));
        args.AddRange(command.Arguments.Select(_ => "x"));
        foreach (var required in command.Options.Where(o => o.Required && o.Name != parts[1]))
        {
            args.AddRange([required.Name, "x"]);
        }

        args.AddRange([parts[1], bad]);

        var (code, output, error) = await CliRunner.RunAsync([.. args]);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(parts[1], line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
    }

    private static Command Find(string path)
    {
        Command command = BotCli.Build([]);
        foreach (var name in path.Split('/'))
        {
            command = command.Subcommands.Single(c => c.Name == name);
        }

        return command;
    }

    private static List<(string Path, string Option)> NumericOptions()
    {
        var found = new List<(string, string)>();
        var pending = new Stack<(Command, string)>();
        pending.Push((BotCli.Build([]), string.Empty));
        while (pending.TryPop(out var item))
        {
            var (command, path) = item;
            found.AddRange(command.Options.Where(o => NumericTypes.Contains(o.ValueType)).Select(o => (path, o.Name)));
            foreach (var sub in command.Subcommands)
            {
                pending.Push((sub, path.Length == 0 ? sub.Name : $"{path}/{sub.Name}"));
            }
        }

        return found.Where(f => f.Item1.Length > 0).ToList();
    }
}
