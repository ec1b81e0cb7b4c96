namespace Bot.Benchmarks;

/// <summary>Benchmarks that are not BenchmarkDotNet classes (loopback HTTP load, soak), selected by name.</summary>
internal static class Harnesses
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Suites = new(StringComparer.OrdinalIgnoreCase)
    {
        // "name" = args => task; each suite registers one line here.
        ["parse-cpu"] = ParseCpuHarness.RunAsync,
        ["parse-stages"] = ParseStagesHarness.RunAsync,
        ["parse-compare"] = ParseCompareHarness.RunAsync,
        ["parse-pipeline"] = ParsePipelineHarness.RunAsync,
        ["hostile"] = HostileDigestsHarness.RunAsync,
        ["slack-interactions"] = Slack.SlackInteractionsHarness.RunAsync,
        ["discord-fanout"] = Discord.DiscordFanOutHarness.RunAsync,
        ["discord-interactions"] = Discord.DiscordInteractionsHarness.RunAsync,
        ["discord-breakdown"] = Discord.DiscordBreakdownHarness.RunAsync,
        ["discord-gateway"] = Discord.DiscordGatewayHarness.RunAsync,
        ["scheduling-soak"] = Scheduling.SchedulingSoak.RunAsync,
        ["library"] = Library.LibraryHarness.RunAsync,
        ["library-query"] = Library.LibraryQueryHarness.RunAsync,
        ["library-explain"] = Library.LibraryExplainHarness.RunAsync,
        ["library-cold"] = Library.LibraryColdHarness.RunAsync,
        ["library-tokenizers"] = Library.FtsVariantsHarness.RunAsync,
        ["feeds"] = Library.FeedsHarness.RunAsync,
        ["cluster-search"] = Cluster.ClusterSearchHarness.RunAsync,
        ["cluster-throughput"] = Cluster.ClusterThroughputHarness.RunAsync,
        ["frontmatter"] = FrontMatterHarness.RunAsync,
    };

    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (!Suites.TryGetValue(args[0], out var run))
        {
            return false;
        }

        exitCode = run(args[1..]).GetAwaiter().GetResult();
        return true;
    }
}
