using System.Buffers;
using System.Text.Json;
using Bot.Core.Text;
using Bot.Discord.Wire.Messages;

namespace Bot.Discord.Interactions;

/// <summary>Interaction response bodies, written straight to UTF-8 JSON.</summary>
internal static class InteractionResponses
{
    private const int AutocompleteResult = 8;

    /// <summary><c>{"type": type, "data": message}</c>; no <c>data</c> for the deferred types.</summary>
    public static byte[] Message(int type, DiscordMessage? data)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("type", type);
            if (data is not null)
            {
                writer.WritePropertyName("data");
                JsonSerializer.Serialize(writer, data, DiscordMessageJsonContext.Default.DiscordMessage);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>An autocomplete answer (type 8): at most 25 distinct choices, each name and value at most 100 characters.</summary>
    public static byte[] Choices(IReadOnlyList<string> titles)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("type", AutocompleteResult);
            writer.WriteStartObject("data");
            writer.WriteStartArray("choices");
            foreach (var title in titles.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).Take(25))
            {
                var text = TextTruncator.Truncate(title, 100);
                writer.WriteStartObject();
                writer.WriteString("name", text);
                writer.WriteString("value", text);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
