using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace Bot.TestSupport.FakeDiscord;

/// <summary>Signs interaction requests the way Discord does: Ed25519 over the timestamp plus the raw body, with a generated key.</summary>
public sealed class InteractionSigner : IDisposable
{
    private readonly Key _key;

    /// <summary>Generates a fresh key pair.</summary>
    public InteractionSigner()
    {
        _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });
        PublicKeyHex = Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The value for <c>Bot:Discord:PublicKey</c>.</summary>
    public string PublicKeyHex { get; }

    /// <summary>The hex signature of <paramref name="timestamp"/> followed by <paramref name="body"/>.</summary>
    public string Sign(string timestamp, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(body);
        var data = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
        return Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_key, data));
    }

    /// <summary>A signed request: the body with <c>X-Signature-Ed25519</c> and <c>X-Signature-Timestamp</c> headers.</summary>
    public HttpRequestMessage CreateRequest(string path, string json, DateTimeOffset? at = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-Ed25519", Sign(timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    /// <summary>Frees the key.</summary>
    public void Dispose() => _key.Dispose();
}
