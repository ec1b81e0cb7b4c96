using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bot.Digests.Model;
using Bot.Library.Ingestion;

namespace Bot.Library.Storage;

/// <summary>
/// Content hash of a parsed digest (for digests stored without their Markdown): SHA-256 of the model serialised as JSON.
/// Every settable property of every model record is in it by construction, so a field added to the model cannot slip
/// past the hash; only the derived, read-only ones (<c>Digest.Entries</c>, <c>Entry.Summary</c>, …) are left out.
/// </summary>
internal static class DigestHash
{
    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutDerived } },
    };

    public static string Of(Digest digest)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(DigestIngestor.IndexFormat + "\n"));
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(digest, Options));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // A record's data is its settable (positional or init) properties; a getter-only property is computed from them.
    private static void LeaveOutDerived(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i].Set is null)
            {
                type.Properties.RemoveAt(i);
            }
        }
    }
}
