using Bot.Slack.Http;
using YamlDotNet.RepresentationModel;

namespace Bot.Slack.Tests;

public sealed class SlackAppManifestTests
{
    private static readonly YamlMappingNode Manifest = Load();

    [Fact]
    public void Manifest_DeclaresEveryCommandTheEndpointAnswers_AtTheCommandsUrl()
    {
        var commands = Sequence(Manifest, "features", "slash_commands").Cast<YamlMappingNode>().ToList();

        Assert.Equal(SlashCommandText.Names.Select(n => "/" + n).Order(), commands.Select(c => Scalar(c, "command")).Order());
        Assert.All(commands, c => Assert.EndsWith("/slack/commands", Scalar(c, "url"), StringComparison.Ordinal));
        Assert.All(commands, c => Assert.Equal("false", Scalar(c, "should_escape")));
    }

    [Fact]
    public void Manifest_DeclaresTheScopesThePosterAndCommandsNeed()
    {
        var scopes = Sequence(Manifest, "oauth_config", "scopes", "bot").Select(s => ((YamlScalarNode)s).Value).ToList();

        Assert.Contains("commands", scopes);
        Assert.Contains("chat:write", scopes);
        Assert.Contains("channels:history", scopes);
        Assert.Contains("groups:history", scopes);
        Assert.Contains("users:read", scopes);
    }

    [Fact]
    public void Manifest_PointsInteractivityAtTheInteractionsEndpoint()
    {
        var interactivity = (YamlMappingNode)((YamlMappingNode)Manifest["settings"])["interactivity"];

        Assert.Equal("true", Scalar(interactivity, "is_enabled"));
        Assert.EndsWith("/slack/interactions", Scalar(interactivity, "request_url"), StringComparison.Ordinal);
    }

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(Path.Combine(RepoPaths.Root, "deploy", "slack-app-manifest.yaml"));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlSequenceNode Sequence(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            current = ((YamlMappingNode)current)[key];
        }

        return (YamlSequenceNode)current;
    }

    private static string? Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value;
}
