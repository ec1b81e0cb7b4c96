using System.Buffers;
using System.Text.Json;
using Bot.Digests.Model;

namespace Bot.Library.Storage;

/// <summary>Compact JSON for the list columns of the library tables (bullets, images, tags, warnings).</summary>
internal static class StoredJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Strings(IReadOnlyList<string> values)
        => Write(w =>
        {
            foreach (var v in values)
            {
                w.WriteStringValue(v);
            }
        });

    public static string Bullets(IReadOnlyList<Bullet> bullets)
        => Write(w =>
        {
            foreach (var b in bullets)
            {
                w.WriteStartArray();
                w.WriteStringValue(b.Text);
                w.WriteNumberValue(b.Depth);
                w.WriteEndArray();
            }
        });

    public static string Images(IReadOnlyList<DigestImage> images)
        => Write(w =>
        {
            foreach (var i in images)
            {
                w.WriteStartArray();
                w.WriteStringValue(i.Src);
                w.WriteStringValue(i.Caption);
                w.WriteEndArray();
            }
        });

    public static string Warnings(IReadOnlyList<ParseWarning> warnings)
        => Write(w =>
        {
            foreach (var x in warnings)
            {
                w.WriteStartArray();
                w.WriteStringValue(x.Code);
                w.WriteStringValue(x.Message);
                w.WriteNumberValue(x.Line);
                w.WriteEndArray();
            }
        });

    public static IReadOnlyList<string> ReadStrings(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray();
    }

    public static IReadOnlyList<Bullet> ReadBullets(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray().Select(e => new Bullet(e[0].GetString() ?? string.Empty, e[1].GetInt32())).ToArray();
    }

    /// <summary>The first bullet's text without parsing the whole array.</summary>
    public static string? ReadFirstBullet(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        // [ [ "text", depth ], ... ]
        if (reader.Read() && reader.TokenType == JsonTokenType.StartArray && reader.Read() && reader.TokenType == JsonTokenType.StartArray && reader.Read())
        {
            return reader.GetString();
        }

        return null;
    }

    public static IReadOnlyList<DigestImage> ReadImages(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray().Select(e => new DigestImage(e[0].GetString() ?? string.Empty, e[1].GetString())).ToArray();
    }

    public static IReadOnlyList<ParseWarning> ReadWarnings(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray().Select(e => new ParseWarning(e[0].GetString() ?? string.Empty, e[1].GetString() ?? string.Empty, e[2].GetInt32())).ToArray();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartArray();
            body(writer);
            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
