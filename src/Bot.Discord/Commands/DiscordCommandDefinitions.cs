using Bot.Discord.Wire;

namespace Bot.Discord.Commands;

/// <summary>The slash commands the bot registers, and the option names the interaction handler reads.</summary>
public static class DiscordCommandDefinitions
{
    /// <summary>MANAGE_CHANNELS (1 &lt;&lt; 4): who may use the subscription commands by default.</summary>
    public const string ManageChannels = "16";

    /// <summary>Sections offered when the library has none yet.</summary>
    public static readonly IReadOnlyList<string> DefaultSections = ["papers", "news"];

    private const int ChoiceBudget = 3_000;
    private const int GuildContext = 0;
    private const int BotDmContext = 1;
    private const int GuildInstall = 0;

    // The bot is installed to servers only; PRIVATE_CHANNEL (2) needs a user install, so it is not offered.
    private static readonly IReadOnlyList<int> GuildInstallOnly = [GuildInstall];

    /// <summary>
    /// Every command, with Korean names and descriptions; <paramref name="sectionKeys"/> become the choices of
    /// <c>/search section</c> and <c>/highlights section</c> (at most 25). <c>contexts</c> and <c>integration_types</c>
    /// are for global commands only, so a <paramref name="guild"/> registration sends neither.
    /// </summary>
    public static IReadOnlyList<ApplicationCommand> Build(IEnumerable<string>? sectionKeys = null, bool guild = false)
    {
        var commands = BuildGlobal(sectionKeys).Select(DiscordCommandLocalizations.Localize);
        return guild
            ? [.. commands.Select(c => c with { Contexts = null, IntegrationTypes = null })]
            : [.. commands.Select(c => c with { IntegrationTypes = GuildInstallOnly })];
    }

    private static IReadOnlyList<ApplicationCommand> BuildGlobal(IEnumerable<string>? sectionKeys)
    {
        var sections = Choices(sectionKeys ?? DefaultSections);
        if (sections.Count == 0)
        {
            sections = Choices(DefaultSections);
        }

        IReadOnlyList<int> everywhere = [GuildContext, BotDmContext];
        IReadOnlyList<int> guildOnly = [GuildContext];
        return
        [
            new("papers", "Search papers in the digests", [
                Text("query", "Words from a paper's title or summary", required: true, maxLength: 200),
                new(ApplicationCommandOption.Integer, "limit", "Results per page (1-10)", MinValue: 1, MaxValue: 10),
            ], Contexts: everywhere),
            new("search", "Search every entry of the digests", [
                Text("query", "Words to look for", required: true, maxLength: 200),
                new(ApplicationCommandOption.String, "section", "Only this section", Choices: sections),
            ], Contexts: everywhere),
            new("refs", "The references of an entry, and where else each was cited", [
                Text("query", "An entry title (suggestions appear as you type)", required: true, maxLength: 200, autocomplete: true),
            ], Contexts: everywhere),
            new("digest", "A digest's sections, with entry counts and links", [
                Text("date", "The digest's date (yyyy-MM-dd); the newest when left out", maxLength: 10),
            ], Contexts: everywhere),
            new("highlights", "The top entries of one section", [
                new(ApplicationCommandOption.String, "section", "The section", Required: true, Choices: sections),
                Text("digest", "A digest id or date (yyyy-MM-dd); the newest when left out", maxLength: 100),
            ], Contexts: everywhere),
            new("subscribe", "Post new digests to this channel on a schedule", [
                Text("name", "A name for the subscription (default: discord-<channel id>)", maxLength: 64),
                Text("sections", "Section keys separated by commas, or * for all (default: all)", maxLength: 200),
                Text("cron", "When to post, as cron (default: 0 9 * * MON)", maxLength: 100),
                Text("timezone", "IANA time zone, e.g. Asia/Seoul (default: the bot's)", maxLength: 64),
                new(ApplicationCommandOption.Integer, "entries", "Entries per section (1-25)", MinValue: 1, MaxValue: 25),
            ], DefaultMemberPermissions: ManageChannels, Contexts: guildOnly),
            new("unsubscribe", "Stop a subscription of this channel", [
                Text("name", "The subscription's name (see /subscriptions)", required: true, maxLength: 64),
            ], DefaultMemberPermissions: ManageChannels, Contexts: guildOnly),
            new("subscriptions", "List this channel's subscriptions", null, DefaultMemberPermissions: ManageChannels, Contexts: guildOnly),
        ];
    }

    /// <summary>
    /// Choices whose value is the exact key (the search filters on it), at most 25, and within a share of Discord's
    /// 4,000-character budget per command; keys longer than a choice value may be are left out.
    /// </summary>
    private static List<ApplicationCommandChoice> Choices(IEnumerable<string> keys)
    {
        var choices = new List<ApplicationCommandChoice>();
        var used = 0;
        foreach (var key in keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).Distinct(StringComparer.Ordinal))
        {
            var length = key.EnumerateRunes().Count();
            if (length > 100)
            {
                continue;
            }

            if (choices.Count == 25 || used + (2 * length) > ChoiceBudget)
            {
                break;
            }

            choices.Add(new ApplicationCommandChoice(key, key));
            used += 2 * length;
        }

        return choices;
    }

    private static ApplicationCommandOption Text(string name, string description, bool required = false, int? maxLength = null, bool autocomplete = false)
        => new(ApplicationCommandOption.String, name, description, Required: required ? true : null, Autocomplete: autocomplete ? true : null, MaxLength: maxLength);

}
