using Microsoft.Extensions.Configuration;

namespace Bot.Core.Tests;

public sealed class TemplateStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bot-templates-" + Guid.NewGuid().ToString("N"));

    public TemplateStoreTests()
    {
        foreach (var platform in new[] { "discord", "slack" })
        {
            var source = Path.Combine(RepoPaths.Templates, platform);
            var target = Path.Combine(_directory, platform);
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(source, "*.liquid"))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void FromDirectory_LoadsTheShippedTemplates()
    {
        Assert.Empty(TemplateStore.Validate(RepoPaths.Templates));
        Assert.NotNull(TemplateStore.FromDirectory(RepoPaths.Templates));
    }

    [Fact]
    public void FromDirectory_NamesFileAndLine_WhenTemplateDoesNotParse()
    {
        var file = Path.Combine(_directory, "slack", "search.liquid");
        File.WriteAllText(file, "line one\nline two\n{% if part == \"header\" %}\nno end");

        var error = Assert.Throws<TemplateLoadException>(() => TemplateStore.FromDirectory(_directory));

        Assert.Contains("search.liquid", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("slack", "search.liquid"), error.Message, StringComparison.Ordinal);
        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NamesMissingTemplate()
    {
        File.Delete(Path.Combine(_directory, "discord", "error.liquid"));

        var errors = TemplateStore.Validate(_directory);

        Assert.Contains(errors, e => e.Contains(Path.Combine("discord", "error.liquid"), StringComparison.Ordinal));
    }

    [Fact]
    public void OptionsValidator_FailsStartUp_WithFileAndLine()
    {
        File.WriteAllText(Path.Combine(_directory, "discord", "text.liquid"), "{{ text | }}");
        var validator = new TemplatesOptionsValidator();

        var result = validator.Validate(null, new TemplatesOptions { Path = _directory });

        Assert.True(result.Failed);
        Assert.Contains("text.liquid, line 1", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsValidator_ReportsAMissingFolderOnce_NotOncePerTemplate()
    {
        var missing = Path.Combine(_directory, "no-such-folder");
        var validator = new TemplatesOptionsValidator();

        var result = validator.Validate(null, new TemplatesOptions { Path = missing });

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Bot:Templates:Path: the folder", failure, StringComparison.Ordinal);
        Assert.Contains(missing, failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_Fails_WithFileAndLine_WhenTemplateDoesNotParse()
    {
        File.WriteAllText(Path.Combine(_directory, "slack", "overview.liquid"), "ok\n{% for x in %}");
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([new("Bot:Templates:Path", _directory)]);
        builder.Services.AddBotCore(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("overview.liquid, line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PicksUpChangedTemplate()
    {
        var store = TemplateStore.FromDirectory(_directory, TimeSpan.Zero);
        var model = new Dictionary<string, object?> { ["text"] = "hi" };
        Assert.Equal("hi", store.Render(TemplatePlatform.Discord, "text", "content", model));

        var file = Path.Combine(_directory, "discord", "text.liquid");
        File.WriteAllText(file, "{% if part == \"content\" %}changed: {{ text }}{% endif %}");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));

        Assert.Equal("changed: hi", store.Render(TemplatePlatform.Discord, "text", "content", model));
    }

    [Fact]
    public void Render_KeepsPreviousTemplate_WhenChangedFileDoesNotParse()
    {
        var store = TemplateStore.FromDirectory(_directory, TimeSpan.Zero);
        var model = new Dictionary<string, object?> { ["text"] = "hi" };
        var file = Path.Combine(_directory, "discord", "text.liquid");
        File.WriteAllText(file, "{% if %}");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));

        Assert.Equal("hi", store.Render(TemplatePlatform.Discord, "text", "content", model));
    }

    [Fact]
    public void Render_EscapesEveryInsertedValue_PerPlatform()
    {
        var store = TemplateStore.FromDirectory(_directory);
        var model = new Dictionary<string, object?> { ["text"] = "@everyone <!channel> *x*" };

        Assert.Equal("@\u200Beveryone \\<!channel\\> \\*x\\*", store.Render(TemplatePlatform.Discord, "text", "content", model));
        Assert.Equal("@everyone &lt;!channel&gt; *x*", store.Render(TemplatePlatform.Slack, "text", "text", model));
    }

    [Fact]
    public void ResolveDirectory_NamesTheSetting_WhenFolderIsMissing()
    {
        var error = Assert.Throws<TemplateLoadException>(() => TemplateStore.ResolveDirectory("no-such-templates-folder", _directory));

        Assert.Contains("Bot:Templates:Path", error.Message, StringComparison.Ordinal);
    }
}
