using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace Bot.Discord.Interactions;

/// <summary>
/// Checks Discord's Ed25519 signature (<c>X-Signature-Ed25519</c>) over <c>X-Signature-Timestamp</c> plus the raw body,
/// with <c>Bot:Discord:PublicKey</c>, and refuses timestamps more than 5 minutes away. Nothing is parsed before this passes.
/// </summary>
public sealed partial class InteractionSignatureVerifier
{
    /// <summary>How far a timestamp may be from now.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private const int MaxTimestampLength = 20;

    private readonly PublicKey? _key;
    private readonly TimeProvider _time;

    /// <summary>Imports the public key once. A missing or malformed key makes every request fail, and says so in the log.</summary>
    public InteractionSignatureVerifier(IOptions<DiscordOptions> options, TimeProvider time, ILogger<InteractionSignatureVerifier> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        var hex = options.Value.PublicKey?.Trim() ?? string.Empty;
        if (hex.Length == 64 && hex.All(char.IsAsciiHexDigit)
            && PublicKey.TryImport(SignatureAlgorithm.Ed25519, Convert.FromHexString(hex), KeyBlobFormat.RawPublicKey, out var key))
        {
            _key = key;
        }
        else
        {
            LogNoKey(logger);
        }
    }

    /// <summary>True when the request is Discord's: a valid signature over a timestamp within 5 minutes of now.</summary>
    public bool IsValid(ReadOnlySpan<byte> body, string? signatureHex, string? timestamp)
    {
        if (_key is null || signatureHex is not { Length: 128 } || timestamp is not { Length: > 0 and <= MaxTimestampLength })
        {
            return false;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (_time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > MaxClockSkew)
        {
            return false;
        }

        Span<byte> signature = stackalloc byte[64];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != System.Buffers.OperationStatus.Done || written != 64)
        {
            return false;
        }

        var data = new byte[timestamp.Length + body.Length];
        Encoding.ASCII.GetBytes(timestamp, data);
        body.CopyTo(data.AsSpan(timestamp.Length));
        return SignatureAlgorithm.Ed25519.Verify(_key, data, signature);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: Bot:Discord:PublicKey is missing or not 64 hex characters; every interaction will be refused with 401. Copy the public key from the Discord developer portal (General Information).")]
    private static partial void LogNoKey(ILogger logger);
}
