using System.Text;
using System.Text.Json.Nodes;

namespace Bot.Slack.Tests;

/// <summary>Every string value in a JSON tree, joined by newlines: what a user could read in a message.</summary>
internal static class JsonText
{
    public static string Of(JsonNode? node)
    {
        var text = new StringBuilder();
        Walk(node, text);
        return text.ToString();
    }

    private static void Walk(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o)
                {
                    Walk(value, text);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Walk(item, text);
                }

                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                text.Append(s).Append('\n');
                break;
        }
    }
}
