using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Bot.Library.State;

/// <summary>
/// Encrypts webhook targets (their URL carries the token) before they reach the database, with ASP.NET Core Data Protection.
/// Channel targets hold no secret and stay readable. Rows written before encryption was on are read as they are.
/// </summary>
public sealed class TargetProtector
{
    /// <summary>Marks an encrypted target in the <c>target</c> column.</summary>
    public const string Prefix = "protected:v1:";

    private readonly IDataProtector _protector;

    /// <summary>Uses a protector with this class's own purpose, so no other payload of the key ring decrypts as a target.</summary>
    public TargetProtector(IDataProtectionProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _protector = provider.CreateProtector("Bot.Library.SubscriptionTarget.v1");
    }

    /// <summary>The value to store: webhook targets encrypted, anything else unchanged.</summary>
    public string Protect(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Contains(":webhook:", StringComparison.Ordinal) && !target.StartsWith(Prefix, StringComparison.Ordinal)
            ? Prefix + _protector.Protect(target)
            : target;
    }

    /// <summary>The stored value decrypted; a value that cannot be decrypted (a lost key ring) fails with the fix in the message.</summary>
    public string Unprotect(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        try
        {
            return _protector.Unprotect(stored[Prefix.Length..]);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                "A subscription's webhook target cannot be decrypted: the Data Protection key ring is missing or was replaced; restore the keys folder (Bot:DataProtection:KeyPath, default <data>/keys) or add the subscription again",
                ex);
        }
    }
}
