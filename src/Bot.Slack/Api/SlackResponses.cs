using System.Net;
using System.Text.Json;
using Bot.Slack.Wire;

namespace Bot.Slack.Api;

/// <summary>Reads Slack's answers: Web API JSON envelopes, and the plain-text answers of webhooks and <c>response_url</c>.</summary>
internal static class SlackResponses
{
    /// <summary>The envelope of an answer; <paramref name="fromUrl"/> for webhooks and <c>response_url</c>, which may answer "ok".</summary>
    public static SlackApiResponse Parse(bool fromUrl, HttpStatusCode status, string body)
    {
        var trimmed = body.AsSpan().Trim();
        if (trimmed.Length > 0 && trimmed[0] == '{')
        {
            try
            {
                var parsed = JsonSerializer.Deserialize(body, SlackJsonContext.Default.SlackApiResponse);
                if (parsed is not null && fromUrl && (int)status < 300 && parsed.Error is null)
                {
                    return parsed with { Ok = true };
                }

                if (parsed is not null)
                {
                    return (int)status < 300 || parsed.Error is not null ? parsed : parsed with { Ok = false, Error = $"http_{(int)status}" };
                }
            }
            catch (JsonException)
            {
                return new SlackApiResponse { Ok = false, Error = "invalid_response" };
            }
        }

        // Incoming webhooks and response_url answer plain text: "ok", or an error such as "invalid_payload".
        if (fromUrl)
        {
            return (int)status < 300
                ? new SlackApiResponse { Ok = true }
                : new SlackApiResponse { Ok = false, Error = trimmed.Length is > 0 and < 100 ? trimmed.ToString() : $"http_{(int)status}" };
        }

        return new SlackApiResponse { Ok = false, Error = (int)status < 300 ? "invalid_response" : $"http_{(int)status}" };
    }
}
