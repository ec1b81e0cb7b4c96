using System.Text.Encodings.Web;
using Bot.Core.Templates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests;

// The store is tested with dialects no adapter has: a platform is a folder, an encoder and a link form, never a Core edit.
public sealed class TemplateStoreTests : IDisposable
{
    private static readonly TemplateDialect Alpha = new("alpha", HtmlEncoder.Default, (text, url) => $"{text} -> {url}");
    private static readonly TemplateDialect Beta = new("beta", UrlEncoder.Default, (text, url) => $"({text})[{url}]");
    private static readonly TemplateDialect[] Dialects = [Alpha, Beta];
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bot-templates-" + Guid.NewGuid().ToString("N"));

    public TemplateStoreTests()
    {
        foreach (var dialect in Dialects)
        {
            // The shipped Discord templates are a complete set of reply templates to start from.
            var source = Path.Combine(RepoPaths.Templates, "discord");
            var target = Path.Combine(_directory, dialect.Name);
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(source, "*.liquid"))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void FromDirectory_LoadsEveryGivenDialectsFolder()
    {
        Assert.Empty(TemplateStore.Validate(_directory, Dialects));
        Assert.NotNull(TemplateStore.FromDirectory(_directory, Dialects));
    }

    [Fact]
    public void Render_Throws_ForADialectTheStoreWasNotGiven()
    {
        var store = TemplateStore.FromDirectory(_directory, [Alpha]);

        var error = Assert.Throws<ArgumentException>(() => store.Render(Beta, "text", "content", new Dictionary<string, object?> { ["text"] = "hi" }));

        Assert.Contains("beta/text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDirectory_NamesFileAndLine_WhenTemplateDoesNotParse()
    {
        var file = Path.Combine(_directory, "beta", "search.liquid");
        File.WriteAllText(file, "line one\nline two\n{% if part == \"header\" %}\nno end");

        var error = Assert.Throws<TemplateLoadException>(() => TemplateStore.FromDirectory(_directory, Dialects));

        Assert.Contains("search.liquid", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("beta", "search.liquid"), error.Message, StringComparison.Ordinal);
        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NamesMissingTemplate()
    {
        File.Delete(Path.Combine(_directory, "alpha", "error.liquid"));

        var errors = TemplateStore.Validate(_directory, Dialects);

        Assert.Contains(errors, e => e.Contains(Path.Combine("alpha", "error.liquid"), StringComparison.Ordinal));
    }

    [Fact]
    public void OptionsValidator_FailsStartUp_WithFileAndLine()
    {
        File.WriteAllText(Path.Combine(_directory, "alpha", "text.liquid"), "{{ text | }}");
        var validator = new TemplatesOptionsValidator(Dialects);

        var result = validator.Validate(null, new TemplatesOptions { Path = _directory });

        Assert.True(result.Failed);
        Assert.Contains("text.liquid, line 1", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsValidator_ReportsAMissingFolderOnce_NotOncePerTemplate()
    {
        var missing = Path.Combine(_directory, "no-such-folder");
        var validator = new TemplatesOptionsValidator(Dialects);

        var result = validator.Validate(null, new TemplatesOptions { Path = missing });

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Bot:Templates:Path: the folder", failure, StringComparison.Ordinal);
        Assert.Contains(missing, failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_Fails_WithFileAndLine_WhenTemplateDoesNotParse()
    {
        File.WriteAllText(Path.Combine(_directory, "beta", "overview.liquid"), "ok\n{% for x in %}");
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([new("Bot:Templates:Path", _directory)]);
        builder.Services.AddBotCore(builder.Configuration);
        builder.Services.AddSingleton(Alpha).AddSingleton(Beta);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("overview.liquid, line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PicksUpChangedTemplate()
    {
        var store = TemplateStore.FromDirectory(_directory, Dialects, TimeSpan.Zero);
        var model = new Dictionary<string, object?> { ["text"] = "hi" };
        Assert.Equal("hi", store.Render(Alpha, "text", "content", model));

        var file = Path.Combine(_directory, "alpha", "text.liquid");
        File.WriteAllText(file, "{% if part == \"content\" %}changed: {{ text }}{% endif %}");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));

        Assert.Equal("changed: hi", store.Render(Alpha, "text", "content", model));
    }

    [Fact]
    public void Render_KeepsPreviousTemplate_WhenChangedFileDoesNotParse()
    {
        var store = TemplateStore.FromDirectory(_directory, Dialects, TimeSpan.Zero);
        var model = new Dictionary<string, object?> { ["text"] = "hi" };
        var file = Path.Combine(_directory, "alpha", "text.liquid");
        File.WriteAllText(file, "{% if %}");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));

        Assert.Equal("hi", store.Render(Alpha, "text", "content", model));
    }

    [Fact]
    public void Render_EscapesEveryInsertedValue_AndWritesLinks_PerDialect()
    {
        foreach (var dialect in Dialects)
        {
            File.WriteAllText(Path.Combine(_directory, dialect.Name, "text.liquid"), "{{ text }} {{ text | link: \"https://example.com/a\" }}");
        }

        var store = TemplateStore.FromDirectory(_directory, Dialects);
        var model = new Dictionary<string, object?> { ["text"] = "<b> & c" };

        Assert.Equal("&lt;b&gt; &amp; c <b> & c -> https://example.com/a", store.Render(Alpha, "text", "content", model));
        Assert.Equal("%3Cb%3E%20%26%20c (<b> & c)[https://example.com/a]", store.Render(Beta, "text", "content", model));
    }

    [Fact]
    public void ResolveDirectory_NamesTheSetting_WhenFolderIsMissing()
    {
        var error = Assert.Throws<TemplateLoadException>(() => TemplateStore.ResolveDirectory("no-such-templates-folder", _directory));

        Assert.Contains("Bot:Templates:Path", error.Message, StringComparison.Ordinal);
    }
}
