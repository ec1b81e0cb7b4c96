using Bot.Hosting;
using Bot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Bot.Tests;

/// <summary>Where settings come from: user-secrets in every environment, the settings file found or named, one-line errors.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ConfigurationTests
{
    [Fact]
    public void UserSecrets_AreLoadedInProduction_AndEnvironmentVariablesStillWin()
    {
        using var dir = new TempDirectory();
        var secrets = Path.Combine(dir.Path, "secrets.json");
        File.WriteAllText(secrets, """{ "Bot:Discord:BotToken": "from-secrets", "Bot:OperatorTest:Precedence": "from-secrets" }""");
        Environment.SetEnvironmentVariable("Bot__OperatorTest__Precedence", "from-environment");
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", ContentRootPath = dir.Path });

            BotConfiguration.Apply(builder.Configuration, new ConfigFiles(null, []), "Production", null, secrets);

            Assert.Equal("from-secrets", builder.Configuration["Bot:Discord:BotToken"]);
            Assert.Equal("from-environment", builder.Configuration["Bot:OperatorTest:Precedence"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Bot__OperatorTest__Precedence", null);
        }
    }

    [Fact]
    public void UserSecretsPath_IsThisProgramsSecretsFile()
    {
        var path = BotConfiguration.UserSecretsPath();

        Assert.NotNull(path);
        Assert.Contains("bot-newsletter-host", path, StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsFileOutsideTheCurrentDirectory_ResolvesItsRelativePathsBesideItself()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "appsettings.json");
        File.WriteAllText(file, """{ "Bot": { "DataDirectory": "data", "Digests": { "Sources": [ "digests", "https://example.org/feed.xml" ] }, "Templates": { "Path": "/abs/templates" } } }""");
        var files = BotConfiguration.Locate(file);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", ContentRootPath = dir.Path });

        BotConfiguration.Apply(builder.Configuration, files, "Production", null, userSecretsPath: Path.Combine(dir.Path, "none.json"));

        Assert.Equal(Path.Combine(dir.Path, "data"), builder.Configuration["Bot:DataDirectory"]);
        Assert.Equal(Path.Combine(dir.Path, "digests"), builder.Configuration["Bot:Digests:Sources:0"]);
        Assert.Equal("https://example.org/feed.xml", builder.Configuration["Bot:Digests:Sources:1"]);
        Assert.Equal("/abs/templates", builder.Configuration["Bot:Templates:Path"]);
        Assert.Equal([file], files.Loaded);
    }

    [Fact]
    public void MissingConfigOption_NamesConfig()
    {
        var ex = Assert.Throws<ConfigFileException>(() => BotConfiguration.Locate("/no/such/bot.json"));

        Assert.StartsWith("--config: '/no/such/bot.json' does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedSettingsFile_IsOneLineWithItsLineNumber()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "appsettings.json");
        File.WriteAllText(file, "{\n  \"Bot\": {\n    \"TimeZone\": \"Asia/Seoul\"\n    \"Urls\": \"http://127.0.0.1:5080\"\n  }\n}\n");

        var (code, output, error) = await CliRunner.RunAsync("search", "x", "--config", file, "--data", dir.Path);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith($"error: {file}: line 4,", line, StringComparison.Ordinal);
    }
}
