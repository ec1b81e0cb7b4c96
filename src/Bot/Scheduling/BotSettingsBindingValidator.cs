using System.Collections;
using System.ComponentModel;
using System.Reflection;
using Bot.Core.Posting;
using Bot.Posting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Scheduling;

/// <summary>
/// Checks the raw <c>Bot</c> settings against the options they bind to, because the configuration binder drops a list
/// item whose value does not convert (<c>EntriesPerSection=abc</c> silently removed the whole subscription). A value
/// that does not convert stops the start with the setting's name; an unknown key in a subscription, <c>Bot:Scheduling</c>
/// or <c>Bot:Dashboard</c> is logged with "did you mean"; a configured subscription needs a <c>Cron</c> unless it is
/// triggered by publication (<c>Trigger: Published</c>).
/// </summary>
internal sealed partial class BotSettingsBindingValidator : IValidateOptions<BotScheduleOptions>
{
    /// <summary>Keys that other parts of the host read from a subscription without binding them here.</summary>
    private static readonly string[] ExtraSubscriptionKeys = ["Trigger"];

    private readonly IConfiguration _bot;
    private readonly ILogger _logger;

    public BotSettingsBindingValidator(IConfiguration bot, ILogger<BotSettingsBindingValidator>? logger = null)
    {
        _bot = bot;
        _logger = logger ?? NullLogger<BotSettingsBindingValidator>.Instance;
    }

    public ValidateOptionsResult Validate(string? name, BotScheduleOptions options)
    {
        var failures = new List<string>();
        var warnings = new List<string>();
        Check(_bot, typeof(BotScheduleOptions), failures, warnings, checkKeys: false);
        var subscriptions = _bot.GetSection("Subscriptions").GetChildren().ToList();
        foreach (var subscription in subscriptions)
        {
            var label = subscription["Name"] is { Length: > 0 } n ? $" ('{n}')" : string.Empty;
            var trigger = subscription["Trigger"];
            var published = string.Equals(trigger?.Trim(), "Published", StringComparison.OrdinalIgnoreCase);
            if (string.IsNullOrWhiteSpace(subscription["Cron"]) && !published)
            {
                failures.Add($"{subscription.Path}:Cron{label} is missing; write when to post, e.g. \"Cron\": \"0 9 * * MON\" (or \"Trigger\": \"Published\" to post each new digest as it arrives)");
            }
        }

        CheckCommandLimits(_bot.GetSection("Commands"), failures);
        foreach (var warning in warnings)
        {
            UnknownKey(_logger, warning);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// The limits on chat-created subscriptions (read where <c>/subscribe</c> is wired, not bound here): a limit below 1
    /// or a negative interval would refuse or allow everything, so it stops the start like any other bad value.
    /// </summary>
    private static void CheckCommandLimits(IConfiguration commands, List<string> failures)
    {
        foreach (var (key, fallback) in new[] { ("MaxSubscriptionsPerChannel", 10), ("MaxSubscriptionsPerGuild", 50) })
        {
            if (commands[key] is { } text
                && (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var limit) || limit < 1))
            {
                failures.Add($"Bot:Commands:{key}: '{text}' is not a whole number of at least 1; set the most subscriptions /subscribe may create (default {fallback})");
            }
        }

        if (commands["MinCronInterval"] is { } interval
            && (!TimeSpan.TryParse(interval, System.Globalization.CultureInfo.InvariantCulture, out var span) || span < TimeSpan.Zero))
        {
            failures.Add($"Bot:Commands:MinCronInterval: '{interval}' is not a time span of zero or more; write hh:mm:ss, e.g. 01:00:00 (the default)");
        }
    }

    /// <summary>Every value under <paramref name="section"/> converts to its property's type; unknown keys become warnings.</summary>
    private static void Check(IConfiguration section, Type type, List<string> failures, List<string> warnings, bool checkKeys)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            if (!properties.TryGetValue(child.Key, out var property))
            {
                if (checkKeys && !ExtraSubscriptionKeys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                {
                    var known = properties.Keys.Concat(type == typeof(SubscriptionOptions) ? ExtraSubscriptionKeys : []).ToList();
                    var closest = KnownSections.Closest(child.Key.ToLowerInvariant(), known.Select(k => k.ToLowerInvariant()));
                    var suggestion = closest is null ? string.Empty : $" (did you mean '{known.First(k => k.Equals(closest, StringComparison.OrdinalIgnoreCase))}'?)";
                    warnings.Add($"{child.Path}: unknown setting '{child.Key}'{suggestion}; it is ignored. Known settings: {string.Join(", ", known)}");
                }

                continue;
            }

            CheckValue(child, property.PropertyType, failures, warnings);
        }
    }

    private static void CheckValue(IConfigurationSection child, Type type, List<string> failures, List<string> warnings)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string))
        {
            return;
        }

        if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(List<>))
        {
            var element = target.GetGenericArguments()[0];
            foreach (var item in child.GetChildren())
            {
                CheckValue(item, element, failures, warnings);
            }

            return;
        }

        if (target.IsClass && !typeof(IEnumerable).IsAssignableFrom(target))
        {
            // Subscriptions, Scheduling and Dashboard are ours to spell-check; Discord and Slack hold more keys than are bound here.
            var checkKeys = target == typeof(SubscriptionOptions) || target == typeof(SchedulingOptions) || target == typeof(DashboardOptions);
            Check(child, target, failures, warnings, checkKeys);
            return;
        }

        if (child.Value is null)
        {
            return;
        }

        var converter = TypeDescriptor.GetConverter(target);
        try
        {
            if (converter.ConvertFromInvariantString(child.Value) is not null)
            {
                return;
            }
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or OverflowException || ex.InnerException is FormatException or OverflowException)
        {
            // reported below
        }

        failures.Add($"{child.Path}: '{child.Value}' is not {Expected(target)}; fix it or remove the setting");
    }

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(TimeSpan) => "a duration such as 00:05:00 or 1.00:00:00",
        _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type))}",
        _ => $"a {type.Name}",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void UnknownKey(ILogger logger, string warning);
}
