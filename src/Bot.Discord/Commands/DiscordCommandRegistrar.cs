using Bot.Core.Commands;
using Bot.Discord.Rest;
using Bot.Discord.Wire;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Commands;

/// <summary>Registers the slash commands with one bulk overwrite (PUT), globally or in one guild.</summary>
public sealed class DiscordCommandRegistrar
{
    private const int DigestsSampled = 20;

    private readonly DiscordRestClient _client;
    private readonly SectionKeyCatalog _sections;
    private readonly DiscordOptions _options;

    /// <summary>Creates the registrar.</summary>
    public DiscordCommandRegistrar(DiscordRestClient client, SectionKeyCatalog sections, IOptions<DiscordOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _sections = sections;
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
        foreach (var keys in await _sections.NewestAsync(DigestsSampled, ct).ConfigureAwait(false))
        {
            foreach (var key in keys)
            {
                if (counts.TryAdd(key, 1))
                {
                    order.Add(key);
                }
                else
                {
                    counts[key]++;
                }
            }
        }

        return order.Count == 0
            ? DiscordCommandDefinitions.DefaultSections
            : order.OrderByDescending(k => counts[k]).ThenBy(order.IndexOf).Take(25).ToList();
    }
}
