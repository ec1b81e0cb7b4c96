using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Bot.Benchmarks -- --filter '*'
// Some suites are plain harnesses (HTTP round trips, soak): `-- <suite>`; see docs/benchmarks.md.
if (args.Length > 0 && Bot.Benchmarks.Harnesses.TryRun(args, out var exitCode))
{
    return exitCode;
}

BenchmarkSwitcher.FromAssembly(typeof(Bot.Benchmarks.Harnesses).Assembly).Run(args);
return 0;
