using System.Buffers;
using System.Text.Json;
using Bot.Discord.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Discord.Interactions;

/// <summary><c>POST /discord/interactions</c>: verify, then parse, then answer.</summary>
public static class DiscordInteractionsEndpoint
{
    /// <summary>The route Discord's "Interactions Endpoint URL" points at.</summary>
    public const string Path = "/discord/interactions";

    /// <summary>Interactions are small; anything bigger is not Discord.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Maps the interactions endpoint.</summary>
    public static IEndpointConventionBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(Path, HandleAsync);
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var verifier = services.GetRequiredService<InteractionSignatureVerifier>();
        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var body = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        // Nothing of the body is looked at before the signature holds.
        if (!verifier.IsValid(body, request.Headers["X-Signature-Ed25519"], request.Headers["X-Signature-Timestamp"]))
        {
            await PlainAsync(context, StatusCodes.Status401Unauthorized, "invalid request signature").ConfigureAwait(false);
            return;
        }

        DiscordInteraction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.DiscordInteraction);
        }
        catch (JsonException)
        {
            interaction = null;
        }

        if (interaction is null)
        {
            await PlainAsync(context, StatusCodes.Status400BadRequest, "malformed interaction").ConfigureAwait(false);
            return;
        }

        var handler = services.GetRequiredService<DiscordInteractionHandler>();
        var response = await handler.HandleAsync(interaction, context.RequestAborted).ConfigureAwait(false);
        if (response is null)
        {
            await PlainAsync(context, StatusCodes.Status400BadRequest, "unsupported interaction").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = response.Length;
        await context.Response.Body.WriteAsync(response, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and <= MaxBodyBytes ? (int)request.ContentLength.Value : 4096);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await request.Body.ReadAsync(memory, ct).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBodyBytes)
            {
                return null;
            }
        }
    }

    private static Task PlainAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
