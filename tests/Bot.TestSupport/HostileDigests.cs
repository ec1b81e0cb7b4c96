using System.Globalization;
using System.Text;

namespace Bot.TestSupport;

/// <summary>
/// Generators for every row of issue 13's hostile-digest table, each scaled by one number: the unit tests run them small,
/// the <c>hostile</c> harness writes them at full size for <c>parse</c> under <c>/usr/bin/time -v</c>.
/// </summary>
public static class HostileDigests
{
    /// <summary>The rows at the full size: name, file name, and the text.</summary>
    public static IEnumerable<(string Row, string File, Func<string> Text)> FullSize() =>
    [
        ("1 M footnotes", "footnotes-1m.md", () => Footnotes(1_000_000)),
        ("1 M undefined citations", "undefined-1m.md", () => UndefinedCitations(1_000_000)),
        ("100k URLs in one entry", "urls-100k.md", () => UrlsInOneEntry(100_000)),
        ("a list nested 5,000 levels", "nested-5000.md", () => NestedList(5_000)),
        ("[a]( x 100k", "unclosed-links-100k.md", () => UnclosedLinks(100_000)),
        ("a 50 MB realistic digest", "realistic-50mb.md", () => Realistic(50 * 1024 * 1024)),
        ("a 9 MB realistic digest (under the old 12 M-character cap)", "realistic-9mb.md", () => Realistic(9 * 1024 * 1024)),
    ];

    /// <summary>
    /// Every row's generator at the largest size within <paramref name="maxBytes"/> of UTF-8 (the source cap, 4 MiB by
    /// default): the files the cap lets through, which must each parse within the bound.
    /// </summary>
    public static IEnumerable<(string Row, string File, Func<string> Text)> WithinCap(int maxBytes) =>
    [
        ("footnotes, at the cap", "footnotes-cap.md", () => Fit(maxBytes, Footnotes)),
        ("undefined citations, at the cap", "undefined-cap.md", () => Fit(maxBytes, UndefinedCitations)),
        ("URLs in one entry, at the cap", "urls-cap.md", () => Fit(maxBytes, UrlsInOneEntry)),
        ("a nested list, at the cap", "nested-cap.md", () => Fit(maxBytes, NestedList)),
        ("[a]( repeated, at the cap", "unclosed-links-cap.md", () => Fit(maxBytes, UnclosedLinks)),
        ("a realistic digest, at the cap", "realistic-cap.md", () => Fit(maxBytes, Realistic)),
    ];

    /// <summary>One entry citing <paramref name="count"/> footnotes, each defined in a trailing references list.</summary>
    public static string Footnotes(int count)
    {
        var text = Header("Footnote flood").Append("## 📄 **Papers**\n\n### One entry\n\n- cites");
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $" [^f{i}]");
        }

        text.Append("\n\n## References\n\n");
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"[^f{i}]: [Paper {i}](https://arxiv.org/abs/2401.{i:D5})\n");
        }

        return text.ToString();
    }

    /// <summary>One entry citing <paramref name="count"/> footnotes that are never defined.</summary>
    public static string UndefinedCitations(int count)
    {
        var text = Header("Undefined citations").Append("## 📄 **Papers**\n\n### One entry\n\n-");
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $" [^u{i}]");
        }

        return text.Append('\n').ToString();
    }

    /// <summary>One entry whose bullets hold <paramref name="count"/> distinct bare URLs.</summary>
    public static string UrlsInOneEntry(int count)
    {
        var text = Header("URL flood").Append("## 📰 **News**\n\n### One entry\n\n");
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"- see https://example.org/articles/{i}/page\n");
        }

        return text.ToString();
    }

    /// <summary>A bullet list nested <paramref name="levels"/> deep (tab-indented, as an editor would write it).</summary>
    public static string NestedList(int levels)
    {
        var text = Header("Deep list").Append("## 📰 **News**\n\n### One entry\n\n");
        for (var i = 0; i < levels; i++)
        {
            text.Append('\t', i).Append(CultureInfo.InvariantCulture, $"- level {i}\n");
        }

        return text.ToString();
    }

    /// <summary><c>[a](</c> repeated <paramref name="count"/> times in one paragraph.</summary>
    public static string UnclosedLinks(int count)
    {
        var text = Header("Unclosed links").Append("## 📰 **News**\n\n### One entry\n\n");
        text.Insert(text.Length, "[a](", count);
        return text.Append('\n').ToString();
    }

    /// <summary>Ordinary sections, entries, bullets, links and footnotes, repeated to about <paramref name="bytes"/> characters.</summary>
    public static string Realistic(int bytes)
    {
        var text = Header("Realistic weekly digest");
        var definitions = new StringBuilder();
        var n = 0;
        while (text.Length + definitions.Length < bytes)
        {
            if (n % 20 == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"## 🔬 **Section {n / 20}**\n\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"### Model {n} improves reasoning on long documents [^ref-{n}]\n\n")
                .Append(CultureInfo.InvariantCulture, $"- The authors train a {n % 70 + 1}B model with a new curriculum and report gains on three benchmarks.\n")
                .Append(CultureInfo.InvariantCulture, $"  - Code: [repository](https://github.com/example/model-{n}) and a [demo](https://example.org/demo/{n}?utm_source=x).\n")
                .Append("- Why it matters: cheaper inference for **retrieval** tasks, with _careful_ ablations.\n\n");
            definitions.Append(CultureInfo.InvariantCulture, $"[^ref-{n}]: [Model {n}: long-document reasoning](https://arxiv.org/abs/24{n % 12 + 1:D2}.{n % 100000:D5})\n");
            n++;
        }

        return text.Append("## References\n\n").Append(definitions).ToString();
    }

    // The largest n whose text stays within maxBytes (to 0.1 %): doubling, then bisection.
    private static string Fit(int maxBytes, Func<int, string> make)
    {
        int lo = 1, hi = 1;
        while (Encoding.UTF8.GetByteCount(make(hi)) <= maxBytes)
        {
            lo = hi;
            hi *= 2;
        }

        while (hi - lo > Math.Max(1, lo / 1000))
        {
            var mid = lo + ((hi - lo) / 2);
            if (Encoding.UTF8.GetByteCount(make(mid)) <= maxBytes)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return make(lo);
    }

    private static StringBuilder Header(string title)
        => new StringBuilder().Append(CultureInfo.InvariantCulture, $"---\ntitle: \"{title}\"\ndate: 2026-11-30\n---\n\n");
}
