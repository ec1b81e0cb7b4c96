using System.Buffers;
using System.Text.Json;

namespace Bot.Discord.Gateway;

/// <summary>The gateway events the bot sends (JSON encoding), written straight to UTF-8.</summary>
internal static class GatewayPayloads
{
    public const int Dispatch = 0;
    public const int Heartbeat = 1;
    public const int Identify = 2;
    public const int Resume = 6;
    public const int Reconnect = 7;
    public const int InvalidSession = 9;
    public const int Hello = 10;
    public const int HeartbeatAck = 11;

    /// <summary>Slash commands, buttons and autocomplete arrive without any intent; no privileged intent is ever asked for.</summary>
    public const int Intents = 0;

    public static byte[] HeartbeatOf(long? sequence) => Write(w =>
    {
        w.WriteNumber("op", Heartbeat);
        if (sequence is { } s)
        {
            w.WriteNumber("d", s);
        }
        else
        {
            w.WriteNull("d");
        }
    });

    public static byte[] IdentifyOf(string token, int shard, int count) => Write(w =>
    {
        w.WriteNumber("op", Identify);
        w.WriteStartObject("d");
        w.WriteString("token", token);
        w.WriteNumber("intents", Intents);
        w.WriteStartObject("properties");
        w.WriteString("os", OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux");
        w.WriteString("browser", "bot");
        w.WriteString("device", "bot");
        w.WriteEndObject();
        w.WriteStartArray("shard");
        w.WriteNumberValue(shard);
        w.WriteNumberValue(count);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static byte[] ResumeOf(string token, string sessionId, long? sequence) => Write(w =>
    {
        w.WriteNumber("op", Resume);
        w.WriteStartObject("d");
        w.WriteString("token", token);
        w.WriteString("session_id", sessionId);
        w.WriteNumber("seq", sequence ?? 0);
        w.WriteEndObject();
    });

    /// <summary>The URL to connect to: the given one with <c>?v=10&amp;encoding=json</c>.</summary>
    public static Uri ConnectUri(string url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        if (string.IsNullOrEmpty(builder.Path))
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
