using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Slack.Http;

/// <summary>
/// Verifies Slack's request signature: <c>X-Slack-Signature</c> = <c>v0=</c> + hex HMAC-SHA256(signing secret,
/// <c>v0:{X-Slack-Request-Timestamp}:{raw body}</c>), with the timestamp within five minutes of now.
/// </summary>
public static class SlackSignatureVerifier
{
    /// <summary>How far the request timestamp may be from now, either way.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Computes the <c>v0=…</c> signature of a body (used by tests, the fake and the benchmark to sign requests).</summary>
    public static string Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(signingSecret);
        ArgumentNullException.ThrowIfNull(timestamp);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Compute(Encoding.UTF8.GetBytes(signingSecret), timestamp, body, mac);
        return "v0=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>Checks a request; never throws for bad input.</summary>
    public static SignatureCheck Verify(string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(signingSecret))
        {
            return SignatureCheck.NotConfigured;
        }

        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.Missing;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return SignatureCheck.Stale;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > MaxClockSkew)
        {
            return SignatureCheck.Stale;
        }

        if (!signature.StartsWith("v0=", StringComparison.Ordinal) || signature.Length != 3 + (2 * HMACSHA256.HashSizeInBytes))
        {
            return SignatureCheck.Invalid;
        }

        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (Convert.FromHexString(signature.AsSpan(3), given, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != given.Length)
        {
            return SignatureCheck.Invalid;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Compute(Encoding.UTF8.GetBytes(signingSecret), timestamp, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Invalid;
    }

    private static void Compute(byte[] key, string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData("v0:"u8);
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp));
        hmac.AppendData(":"u8);
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }
}
