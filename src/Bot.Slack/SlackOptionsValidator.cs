using Microsoft.Extensions.Options;

namespace Bot.Slack;

/// <summary>Fails the start when <c>Bot:Slack</c> holds values the adapter cannot work with, naming the setting.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"Bot:Slack:ApiBaseUrl '{options.ApiBaseUrl}' is not an http(s) URL; use https://slack.com/api.");
        }

        if (options.PostInterval < TimeSpan.Zero)
        {
            failures.Add("Bot:Slack:PostInterval must not be negative.");
        }

        if (options.InlineReplyBudget < TimeSpan.Zero || options.InlineReplyBudget > TimeSpan.FromMilliseconds(2500))
        {
            failures.Add("Bot:Slack:InlineReplyBudget must be between 0 and 00:00:02.5, because Slack gives up after 3 seconds.");
        }

        if (options.MaxAttempts < 1)
        {
            failures.Add("Bot:Slack:MaxAttempts must be at least 1.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("Bot:Slack:RequestTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
