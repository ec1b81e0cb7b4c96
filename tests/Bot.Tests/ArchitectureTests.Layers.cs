using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Bot.Tests;

/// <summary>The layers added below the host and around Core (docs/architecture.md): the posting layer and the target grammar.</summary>
public sealed partial class ArchitectureTests
{
    [Fact]
    public void Posting_ReferencesNoHangfireAspNetCoreOrPlatform_OnlyTheLayersBelowIt()
    {
        // The posting rules sit below the host: Hangfire jobs and endpoints call into them, never the other way.
        var csproj = XDocument.Load(Path.Combine(RepoPaths.Root, "src", "Bot.Posting", "Bot.Posting.csproj"));
        var packages = csproj.Descendants("PackageReference").Concat(csproj.Descendants("FrameworkReference")).Select(r => r.Attribute("Include")!.Value).ToList();
        var sdk = csproj.Root!.Attribute("Sdk")!.Value;

        Assert.Equal("Microsoft.NET.Sdk", sdk);
        Assert.DoesNotContain(packages, p => !p.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));
        Assert.Empty(ProjectReferences("Bot.Posting").Except(["Bot.Digests", "Bot.Library", "Bot.Core"]));
        Assert.DoesNotContain(ReferencedAssemblies("Bot.Posting"), a => ForbiddenBelowTheHost(a));
        Assert.Contains("Bot.Core", ReferencedAssemblies("Bot.Posting")); // the scan reads the real assembly
    }

    [Theory]
    [InlineData("Hangfire.Core", true)]
    [InlineData("Microsoft.AspNetCore.Http.Abstractions", true)]
    [InlineData("Bot.Discord", true)]
    [InlineData("Bot.Slack", true)]
    [InlineData("Bot", true)]
    [InlineData("Bot.Core", false)]
    [InlineData("Microsoft.Extensions.Hosting.Abstractions", false)]
    public void ForbiddenBelowTheHost_NamesHangfireAspNetCoreThePlatformsAndTheHost(string assembly, bool forbidden)
        => Assert.Equal(forbidden, ForbiddenBelowTheHost(assembly));

    [Fact]
    public void Core_Source_NamesNoPlatform_OutsideComments()
    {
        // Adding a platform means adding a project: Core's code (strings and names alike) never spells one. Comments may
        // explain by example.
        var core = Path.Combine(RepoPaths.Root, "src", "Bot.Core");
        var found = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetRelativePath(core, f).Split(Path.DirectorySeparatorChar)[0] is not ("bin" or "obj"))
            .SelectMany(f => PlatformWords().Matches(WithoutComments(File.ReadAllText(f))).Select(m => $"{Path.GetRelativePath(RepoPaths.Root, f)}: {m.Value}"))
            .ToList();

        Assert.Empty(found);
    }

    [Theory]
    [InlineData("// discord:channel:1\nvar a = 1;", false)]
    [InlineData("/// <c>slack</c>\nclass A { }", false)]
    [InlineData("/* Slack and\n Discord */ int a;", false)]
    [InlineData("var t = \"https://example.org\"; // slack", false)]
    [InlineData("var p = \"discord\";", true)]
    [InlineData("var p = $\"{x}:SLACK\";", true)]
    [InlineData("var p = @\"a\"\"b\" + slackToken;", true)]
    [InlineData("if (platform is \"a//\" or \"discord\") { }", true)]
    public void WithoutComments_KeepsCodeAndStrings_DropsComments(string code, bool namesAPlatform)
        => Assert.Equal(namesAPlatform, PlatformWords().IsMatch(WithoutComments(code)));

    /// <summary>C# source with its comments blanked; strings (regular, verbatim, interpolated, raw) and chars are kept.</summary>
    private static string WithoutComments(string source)
    {
        var code = new StringBuilder(source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            var next = i + 1 < source.Length ? source[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }

                code.Append('\n');
            }
            else if (c == '/' && next == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? source.Length : end + 1;
                code.Append(' ');
            }
            else if (c == '"' && source.AsSpan(i).StartsWith("\"\"\""))
            {
                var end = source.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
                var stop = end < 0 ? source.Length : end + 3;
                code.Append(source, i, stop - i);
                i = stop - 1;
            }
            else if (c is '"' or '\'')
            {
                var verbatim = c == '"' && i > 0 && (source[i - 1] == '@' || (source[i - 1] == '$' && i > 1 && source[i - 2] == '@'));
                var j = i + 1;
                while (j < source.Length)
                {
                    if (!verbatim && source[j] == '\\')
                    {
                        j += 2;
                        continue;
                    }

                    if (source[j] == c && verbatim && j + 1 < source.Length && source[j + 1] == c)
                    {
                        j += 2;
                        continue;
                    }

                    if (source[j] == c || (!verbatim && source[j] == '\n'))
                    {
                        break;
                    }

                    j++;
                }

                var stop = Math.Min(j + 1, source.Length);
                code.Append(source, i, stop - i);
                i = stop - 1;
            }
            else
            {
                code.Append(c);
            }
        }

        return code.ToString();
    }

    [GeneratedRegex("discord|slack", RegexOptions.IgnoreCase)]
    private static partial Regex PlatformWords();

    private static bool ForbiddenBelowTheHost(string assembly)
        => assembly == "Bot" || Platforms.Contains(assembly)
            || assembly.StartsWith("Hangfire", StringComparison.OrdinalIgnoreCase) || assembly.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal);
}
