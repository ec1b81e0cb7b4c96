using Bot.Discord.Wire;
using Bot.Library;
using Microsoft.Extensions.Options;

namespace Bot.Discord;

/// <summary>Registers the slash commands with one bulk overwrite (PUT), globally or in one guild.</summary>
public sealed class DiscordCommandRegistrar
{
    private const int DigestsSampled = 20;

    private readonly DiscordRestClient _client;
    private readonly DigestLibrary _library;
    private readonly DiscordOptions _options;

    /// <summary>Creates the registrar.</summary>
    public DiscordCommandRegistrar(DiscordRestClient client, DigestLibrary library, IOptions<DiscordOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _library = library;
        _options = options.Value;
    }

    /// <summary>Replaces the commands with <see cref="DiscordCommandDefinitions"/>, the section choices taken from the library.</summary>
    public async Task<IReadOnlyList<ApplicationCommand>> RegisterAsync(string? guildId = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(_options.ApplicationId))
        {
            throw new InvalidOperationException("Bot:Discord:ApplicationId is not set; copy the Application ID from the Discord developer portal (environment Bot__Discord__ApplicationId).");
        }

        if (guildId is not null && (guildId.Length is 0 or > 20 || !guildId.All(char.IsAsciiDigit)))
        {
            throw new ArgumentException($"'{guildId}' is not a guild id; right-click the server with Developer Mode on and copy its id.", nameof(guildId));
        }

        var commands = DiscordCommandDefinitions.Build(await SectionKeysAsync(ct).ConfigureAwait(false), guild: guildId is not null);
        return await _client.BulkOverwriteCommandsAsync(_options.ApplicationId, guildId, commands, ct).ConfigureAwait(false);
    }

    /// <summary>The section keys of the newest digests, most common first (the choices of <c>section</c> options).</summary>
    public async Task<IReadOnlyList<string>> SectionKeysAsync(CancellationToken ct = default)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var summary in (await _library.ListDigestsAsync(ct).ConfigureAwait(false)).Take(DigestsSampled))
        {
            var digest = await _library.GetDigestAsync(summary.Id, ct).ConfigureAwait(false);
            foreach (var section in digest?.Sections ?? [])
            {
                if (counts.TryAdd(section.Key, 1))
                {
                    order.Add(section.Key);
                }
                else
                {
                    counts[section.Key]++;
                }
            }
        }

        return order.Count == 0
            ? DiscordCommandDefinitions.DefaultSections
            : order.OrderByDescending(k => counts[k]).ThenBy(order.IndexOf).Take(25).ToList();
    }
}
