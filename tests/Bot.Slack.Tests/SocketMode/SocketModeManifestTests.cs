using Bot.Slack.Http;
using YamlDotNet.RepresentationModel;

namespace Bot.Slack.Tests.SocketMode;

/// <summary><c>deploy/slack-app-manifest.socket.yaml</c>: Socket Mode on, no request URL anywhere, the same commands and scopes as the HTTP manifest.</summary>
public sealed class SocketModeManifestTests
{
    [Fact]
    public void SocketManifest_EnablesSocketMode_AndHasNoRequestUrls()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "slack-app-manifest.socket.yaml"));
        var manifest = Load("slack-app-manifest.socket.yaml");
        var settings = (YamlMappingNode)manifest["settings"];

        Assert.Equal("true", ((YamlScalarNode)settings["socket_mode_enabled"]).Value);
        Assert.DoesNotContain("request_url", text, StringComparison.Ordinal);
        Assert.DoesNotContain("url: ", text, StringComparison.Ordinal);
        Assert.Equal("true", ((YamlScalarNode)((YamlMappingNode)settings["interactivity"])["is_enabled"]).Value);
    }

    [Fact]
    public void SocketManifest_DeclaresEveryCommandAndScope_OfTheHttpManifest()
    {
        var socket = Load("slack-app-manifest.socket.yaml");
        var http = Load("slack-app-manifest.yaml");

        Assert.Equal(Commands(http), Commands(socket));
        Assert.Equal(SlashCommandText.Names.Select(n => "/" + n).Order(), Commands(socket));
        Assert.Equal(Scopes(http), Scopes(socket));
    }

    private static List<string?> Commands(YamlMappingNode manifest)
        => [.. ((YamlSequenceNode)((YamlMappingNode)manifest["features"])["slash_commands"]).Cast<YamlMappingNode>().Select(c => ((YamlScalarNode)c["command"]).Value).Order()];

    private static List<string?> Scopes(YamlMappingNode manifest)
        => [.. ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)manifest["oauth_config"])["scopes"])["bot"]).Select(s => ((YamlScalarNode)s).Value).Order()];

    private static YamlMappingNode Load(string name)
    {
        using var reader = new StreamReader(Path.Combine(RepoPaths.Root, "deploy", name));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
