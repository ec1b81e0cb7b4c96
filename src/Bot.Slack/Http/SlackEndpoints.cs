using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Bot.Slack.Http;

/// <summary>
/// <c>POST /slack/commands</c> and <c>POST /slack/interactions</c>. The signature is checked on the raw body before anything
/// else; a request that fails gets 401 and its form is never parsed. <c>ssl_check=1</c> gets 200.
/// </summary>
public static partial class SlackEndpoints
{
    // Used when the host did not register a gate (endpoint tests that map the endpoints alone).
    private static readonly RejectionLogGate FallbackGate = new(TimeProvider.System, TimeSpan.FromMinutes(1));

    /// <summary>The largest body accepted (interaction payloads carry the whole message).</summary>
    public const int MaxBodyBytes = 1 << 20;

    /// <summary>Maps the Slack endpoints.</summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/slack/commands", (HttpContext context) => context.Request.Query["ssl_check"] == "1" ? Results.Ok() : Results.StatusCode(StatusCodes.Status405MethodNotAllowed));
        endpoints.MapPost("/slack/commands", (Func<HttpContext, Task<IResult>>)(context => HandleAsync(context, static (services, form) => services.GetRequiredService<SlashCommandHandler>().HandleAsync(form))));
        endpoints.MapPost("/slack/interactions", (Func<HttpContext, Task<IResult>>)(context => HandleAsync(context, static (services, form) => services.GetRequiredService<SlackInteractionHandler>().HandleAsync(form))));
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, Func<IServiceProvider, IReadOnlyDictionary<string, StringValues>, Task<IResult>> handle)
    {
        if (context.Request.Query["ssl_check"] == "1")
        {
            return Results.Ok();
        }

        var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var check = SlackSignatureVerifier.Verify(
            options.SigningSecret,
            context.Request.Headers["X-Slack-Request-Timestamp"].ToString(),
            context.Request.Headers["X-Slack-Signature"].ToString(),
            body,
            now);
        if (check != SignatureCheck.Valid)
        {
            if (IsBareSslCheck(body))
            {
                return Results.Ok();
            }

            var gate = services.GetService<RejectionLogGate>() ?? FallbackGate;
            if (gate.TryEnter(out var suppressed))
            {
                var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints).FullName!);
                if (check == SignatureCheck.NotConfigured)
                {
                    LogNoSecret(logger, context.Request.Path);
                }
                else
                {
                    LogRejected(logger, context.Request.Path, check, suppressed);
                }
            }

            return Results.Unauthorized();
        }

        Dictionary<string, StringValues> form;
        try
        {
            form = new FormReader(Encoding.UTF8.GetString(body)).ReadForm();
        }
        catch (InvalidDataException)
        {
            // Signed but not a form Slack sends (over 1,024 fields, a key over 2 KB): a clear 400, never a 500.
            return Results.BadRequest("malformed form body");
        }

        if (form.TryGetValue("ssl_check", out var ssl) && ssl == "1")
        {
            return Results.Ok();
        }

        return await handle(services, form).ConfigureAwait(false);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // Slack's certificate check carries only ssl_check=1 and a token; answering it reveals and does nothing.
    private static bool IsBareSslCheck(byte[] body)
    {
        if (body.Length > 256)
        {
            return false;
        }

        var pairs = Encoding.ASCII.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries);
        return pairs.Contains("ssl_check=1", StringComparer.Ordinal)
            && pairs.All(p => p == "ssl_check=1" || p.StartsWith("token=", StringComparison.Ordinal));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused a Slack request to {Path}: Bot:Slack:SigningSecret is not set. Copy the Signing Secret from the Slack app's Basic Information page into Bot__Slack__SigningSecret")]
    private static partial void LogNoSecret(ILogger logger, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a Slack request to {Path}: signature {Check} ({Suppressed} more rejections since the last such line)")]
    private static partial void LogRejected(ILogger logger, PathString path, SignatureCheck check, long suppressed);
}
