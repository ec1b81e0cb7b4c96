using Bot.Digests.Html;
using Bot.Digests.Model;

namespace Bot.Digests.Tests.Html;

/// <summary>
/// Parity for briefings with the renderer Gatsby uses: every briefing in ../shared and the samples is rendered by
/// remark (remark-parse, remark-gfm, remark-rehype, rehype-stringify from npm, installed at test time by .ci/run into
/// .tools/remark or $BOT_REMARK_DIR) and read back as an RSS content:encoded body. Tolerated differences: front matter
/// and warning line numbers (as for kramdown); remark-gfm autolinks bare URLs, which the Markdown path also finds.
/// </summary>
public sealed class RemarkParityTests
{
    private const string Script = """
        const [dir, ...files] = process.argv.slice(2);
        const load = (m) => import(require('path').join(dir, 'node_modules', m, 'index.js'));
        const fs = require('fs');
        (async () => {
          const { unified } = await load('unified');
          const parse = (await load('remark-parse')).default;
          const gfm = (await load('remark-gfm')).default;
          const toHast = (await load('remark-rehype')).default;
          const stringify = (await load('rehype-stringify')).default;
          for (const f of files) {
            const text = fs.readFileSync(f, 'utf8').replace(/^---\s*\n[\s\S]*?\n---\s*\n/, '');
            const html = String(await unified().use(parse).use(gfm).use(toHast).use(stringify).process(text));
            process.stdout.write(html + '\n<!--END-OF-DOCUMENT-->\n');
          }
        })().catch((e) => { console.error(e); process.exit(1); });
        """;

    internal static string RemarkDir => Environment.GetEnvironmentVariable("BOT_REMARK_DIR") is { Length: > 0 } dir
        ? dir
        : Path.Combine(RepoPaths.Root ?? ".", ".tools", "remark");

    [RemarkFact]
    public void Parse_GivesTheMarkdownShape_ForEveryBriefingRenderedByRemark()
    {
        var files = Briefings();
        var script = Path.Combine(Path.GetTempPath(), $"bot-remark-{Environment.ProcessId}.cjs");
        File.WriteAllText(script, Script);
        IReadOnlyList<string> html;
        try
        {
            html = ExternalRenderer.Run("node", [script, RemarkDir, .. files]).Split("\n<!--END-OF-DOCUMENT-->\n");
        }
        finally
        {
            File.Delete(script);
        }

        var failures = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            // The RSS item's title is the post's front matter title, which briefings use for their lead entry.
            var expected = new DigestParser().Parse(File.ReadAllText(files[i]), Path.GetFileName(files[i]));
            var actual = new HtmlDigestParser().Parse(html[i], null, new HtmlPostHints(expected.Title, null, [], "https://blog.test/x/"), fragment: true);
            Assert.Equal(DigestFormat.Briefing, actual.Format);
            if (DigestShape.FirstDifference(DigestShape.Of(expected), DigestShape.Of(actual)) is { } difference)
            {
                failures.Add($"{Path.GetFileName(files[i])}: {difference}");
            }
        }

        Assert.True(files.Count >= 2, "no briefings found to compare");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static List<string> Briefings()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root!, "samples", "digests"), "*.md").ToList();
        if (RepoPaths.Shared is { } shared)
        {
            files.AddRange(Directory.EnumerateFiles(Path.Combine(shared, "seeds"), "*.md"));
            files.AddRange(Directory.EnumerateFiles(Path.Combine(shared, "wild", "jeonsworld"), "*.md"));
        }

        return files.Order(StringComparer.Ordinal)
            .Where(f => new DigestParser().Parse(File.ReadAllText(f), Path.GetFileName(f)).Format == DigestFormat.Briefing)
            .ToList();
    }
}
