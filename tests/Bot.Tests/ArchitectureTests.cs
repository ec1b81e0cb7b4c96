using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Bot.Tests.Support;

namespace Bot.Tests;

/// <summary>The layers of docs/architecture.md, checked against the csproj files and the built assemblies.</summary>
public sealed partial class ArchitectureTests
{
    private static readonly string[] Platforms = ["Bot.Discord", "Bot.Slack"];
    private static readonly string[] LibraryServices = ["DigestLibrary", "BotDatabase", "IStateStore", "SqlStateStore", "SearchEngine", "DigestWriter", "DigestReader"];
    private static readonly string[] OurAssemblies = ["Bot.Digests", "Bot.Library", "Bot.Core", "Bot.Posting", "Bot.Discord", "Bot.Slack", "Bot"];

    [Fact]
    public void ProjectReferences_MatchTheGraphInArchitectureMd()
    {
        var documented = DocumentedGraph();

        foreach (var (project, references) in documented)
        {
            Assert.Equal(references.Order(StringComparer.Ordinal), ProjectReferences(project).Order(StringComparer.Ordinal));
        }

        Assert.Equal(Directory.GetDirectories(Path.Combine(RepoPaths.Root, "src")).Select(Path.GetFileName).Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Core_ReferencesNoPlatform_AndPlatformsDoNotReferenceTheLibrary()
    {
        Assert.DoesNotContain(ProjectReferences("Bot.Core"), Platforms.Contains);
        Assert.DoesNotContain(ReferencedAssemblies("Bot.Core"), Platforms.Contains);
        foreach (var platform in Platforms)
        {
            Assert.DoesNotContain("Bot.Library", ProjectReferences(platform));
            // The csproj could be right while code still reads the Library through Core's reference; the compiled assembly
            // tells. Core's replies still carry Library records (search results), so the check is on the Library's services.
            Assert.Empty(LibraryTypesUsed(platform).Intersect(LibraryServices));
        }
    }

    [Fact]
    public void Core_NamesNoPlatform_InItsNamespacesTypesOrMembers()
    {
        var core = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, "Bot.Core.dll"));
        var names = core.GetTypes().SelectMany(t => new[] { t.Namespace ?? string.Empty, t.FullName ?? t.Name }
            .Concat(t.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Select(m => $"{t.FullName}.{m.Name}")));

        Assert.Empty(names.Where(NamesAPlatform).Distinct());
    }

    [Fact]
    public void Core_SpellsNoPlatformsName_InAnyString()
    {
        // The target grammar is the adapters' to register (ITargetScheme), so no string in Core names a platform.
        var found = PlatformStrings(Path.Combine(AppContext.BaseDirectory, "Bot.Core.dll"));

        Assert.Empty(found.Distinct());
        Assert.Contains("DiscordTargetScheme", PlatformStrings(Path.Combine(AppContext.BaseDirectory, "Bot.Discord.dll"))); // the scan sees such strings
    }

    [Fact]
    public void NoTypeBelowTheHost_TakesTheServiceProvider_AsAServiceLocator()
    {
        // Handlers get their services through the constructor (optional ones as `T? x = null`), so a missing
        // registration fails at start, not on the first interaction. Endpoint delegates may still read RequestServices.
        var locators = new[] { "Bot.Library", "Bot.Core", "Bot.Posting", "Bot.Discord", "Bot.Slack" }
            .SelectMany(name => Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, name + ".dll")).GetTypes())
            .Where(t => !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), inherit: false)) // an endpoint's async locals
            .SelectMany(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Where(c => c.GetParameters().Any(p => p.ParameterType == typeof(IServiceProvider)))
                .Select(_ => t.FullName)
                .Concat(t.GetFields(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                    .Where(f => f.FieldType == typeof(IServiceProvider)).Select(f => $"{t.FullName}.{f.Name}")))
            .Distinct();

        Assert.Empty(locators);
    }

    [Fact]
    public void Namespaces_FollowFolders_InEverySrcAndTestProject()
    {
        // Every project under src/ and tests/: a file declares its project's root namespace plus its folder path.
        var roots = Directory.GetDirectories(Path.Combine(RepoPaths.Root, "src")).Concat(Directory.GetDirectories(Path.Combine(RepoPaths.Root, "tests")));
        var off = new List<string>();
        foreach (var root in roots)
        {
            var project = Path.GetFileName(root);
            foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
            {
                var folder = Path.GetRelativePath(root, Path.GetDirectoryName(file)!);
                if (folder.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
                {
                    continue;
                }

                var expected = folder == "." ? project : project + "." + folder.Replace(Path.DirectorySeparatorChar, '.');
                var declared = FileNamespace().Match(File.ReadAllText(file));
                if (declared.Success && declared.Groups[1].Value != expected)
                {
                    off.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: {declared.Groups[1].Value}, expected {expected}");
                }
            }
        }

        Assert.Empty(off);
    }

    [Fact]
    public void NoSrcFile_QueriesAnFts5ShadowTable()
    {
        // FTS5's %_data, %_idx, %_docsize, %_config and %_content tables have formats SQLite does not document (issue 11):
        // search reads only MATCH, bm25() and figures we keep ourselves. Names built at run time ({table}_data) count too.
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepoPaths.Root, file);
            if (Path.GetExtension(file) is not (".cs" or ".sql") || relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            {
                continue;
            }

            found.AddRange(Fts5ShadowTable().Matches(File.ReadAllText(file)).Select(m => $"{relative}: {m.Value}"));
        }

        Assert.Empty(found);
    }

    [Fact]
    public void NoAssemblyOfOurs_ReachesIntoMarkdigsPrivateMembersByReflection()
    {
        foreach (var name in OurAssemblies)
        {
            Assert.Empty(PrivateReflectionOnMarkdig(Path.Combine(AppContext.BaseDirectory, name + ".dll")));
        }
    }

    /// <summary>
    /// Methods that name a Markdig type (ldtoken) and call a Type.Get{Field,Property,Method,Member,…} lookup with a
    /// BindingFlags constant that includes NonPublic; also any compiler backing-field name in the string heap.
    /// </summary>
    internal static List<string> PrivateReflectionOnMarkdig(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var findings = new List<string>();
        var markdigRefs = md.AssemblyReferences.Select(md.GetAssemblyReference).Where(a => md.GetString(a.Name) == "Markdig").ToList();
        if (markdigRefs.Count == 0)
        {
            return findings;
        }

        for (var offset = 1; offset < md.GetHeapSize(HeapIndex.UserString);)
        {
            var handle = MetadataTokens.UserStringHandle(offset);
            var text = md.GetUserString(handle);
            if (text.Contains("k__BackingField", StringComparison.Ordinal))
            {
                findings.Add($"{Path.GetFileName(path)}: string \"{text}\"");
            }

            var next = md.GetNextHandle(handle);
            if (next.IsNil)
            {
                break;
            }

            offset = MetadataTokens.GetHeapOffset(next);
        }

        foreach (var methodHandle in md.MethodDefinitions)
        {
            var method = md.GetMethodDefinition(methodHandle);
            if (method.RelativeVirtualAddress == 0)
            {
                continue;
            }

            var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes()!;
            if (NamesMarkdigType(md, il) && CallsNonPublicLookup(md, il))
            {
                findings.Add($"{Path.GetFileName(path)}: {md.GetString(md.GetTypeDefinition(method.GetDeclaringType()).Name)}.{md.GetString(method.Name)}");
            }
        }

        return findings;
    }

    private static bool NamesAPlatform(string text)
        => Platforms.Any(p => text.Contains(p["Bot.".Length..], StringComparison.OrdinalIgnoreCase));

    /// <summary>The declaring types (outermost, without compiler-generated nesting) of methods that load a string naming a platform.</summary>
    private static List<string> PlatformStrings(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var found = new List<string>();
        foreach (var methodHandle in md.MethodDefinitions)
        {
            var method = md.GetMethodDefinition(methodHandle);
            if (method.RelativeVirtualAddress == 0)
            {
                continue;
            }

            var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes()!;
            for (var i = 0; i + 4 < il.Length; i++)
            {
                // ldstr (0x72) of a user-string token (0x70xxxxxx).
                if (il[i] == 0x72 && il[i + 4] == 0x70
                    && NamesAPlatform(md.GetUserString(MetadataTokens.UserStringHandle(BitConverter.ToInt32(il, i + 1) & 0xFFFFFF))))
                {
                    var type = md.GetTypeDefinition(method.GetDeclaringType());
                    while (type.IsNested)
                    {
                        type = md.GetTypeDefinition(type.GetDeclaringType());
                    }

                    found.Add(md.GetString(type.Name));
                }
            }
        }

        return found;
    }

    private static bool NamesMarkdigType(MetadataReader md, byte[] il)
    {
        for (var i = 0; i + 4 < il.Length; i++)
        {
            // ldtoken (0xD0) of a TypeRef (table 0x01) whose resolution scope is the Markdig assembly.
            if (il[i] == 0xD0 && il[i + 4] == 0x01)
            {
                var row = BitConverter.ToInt32(il, i + 1) & 0xFFFFFF;
                if (row <= md.GetTableRowCount(TableIndex.TypeRef))
                {
                    var typeRef = md.GetTypeReference(MetadataTokens.TypeReferenceHandle(row));
                    if (typeRef.ResolutionScope.Kind == HandleKind.AssemblyReference
                        && md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)typeRef.ResolutionScope).Name) == "Markdig")
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool CallsNonPublicLookup(MetadataReader md, byte[] il)
    {
        var nonPublicConstant = false;
        for (var i = 0; i < il.Length; i++)
        {
            // ldc.i4.s (0x1F) or ldc.i4 (0x20) with BindingFlags.NonPublic (0x20) set.
            if ((il[i] == 0x1F && i + 1 < il.Length && (il[i + 1] & 0x20) != 0) || (il[i] == 0x20 && i + 4 < il.Length && (BitConverter.ToInt32(il, i + 1) & 0x20) != 0))
            {
                nonPublicConstant = true;
            }

            if (nonPublicConstant && (il[i] == 0x28 || il[i] == 0x6F) && i + 4 < il.Length && il[i + 4] == 0x0A)
            {
                var member = md.GetMemberReference(MetadataTokens.MemberReferenceHandle(BitConverter.ToInt32(il, i + 1) & 0xFFFFFF));
                if (LookupName().IsMatch(md.GetString(member.Name)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static Dictionary<string, string[]> DocumentedGraph()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "architecture.md"));
        var block = GraphBlock().Match(doc);
        Assert.True(block.Success, "docs/architecture.md has no ```dependencies block");
        return block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split("->", StringSplitOptions.TrimEntries))
            .ToDictionary(parts => parts[0], parts => parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
    }

    private static IEnumerable<string> ProjectReferences(string project)
        => XDocument.Load(Path.Combine(RepoPaths.Root, "src", project, project + ".csproj")).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));

    private static List<string> LibraryTypesUsed(string assembly)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, assembly + ".dll"));
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        return md.TypeReferences.Select(md.GetTypeReference)
            .Where(t => t.ResolutionScope.Kind == HandleKind.AssemblyReference && md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)t.ResolutionScope).Name) == "Bot.Library")
            .Select(t => md.GetString(t.Name)).ToList();
    }

    private static IEnumerable<string> ReferencedAssemblies(string assembly)
        => Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, assembly + ".dll")).GetReferencedAssemblies().Select(a => a.Name!);

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"(_fts|\})_(data|idx|docsize|config|content)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Fts5ShadowTable();

    [GeneratedRegex(@"```dependencies\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GraphBlock();

    [GeneratedRegex("^Get(Field|Fields|Property|Properties|Method|Methods|Member|Members|Constructor|Constructors|NestedType|Event)$")]
    private static partial Regex LookupName();
}
