using System.Text.Json.Nodes;

namespace Bot.TestSupport.FakeDiscord;

/// <summary>Interaction callbacks as Discord documents them: one initial response per interaction, within 3 seconds.</summary>
public sealed partial class FakeDiscordGateway
{
    // Discord's interaction callback types: PONG 1, CHANNEL_MESSAGE_WITH_SOURCE 4, DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE 5,
    // DEFERRED_UPDATE_MESSAGE 6, UPDATE_MESSAGE 7, APPLICATION_COMMAND_AUTOCOMPLETE_RESULT 8, MODAL 9, PREMIUM_REQUIRED 10, LAUNCH_ACTIVITY 12.
    private static readonly HashSet<int> CallbackTypes = [1, 4, 5, 6, 7, 8, 9, 10, 12];

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource<FakeGatewayCallback>> _waiters = new(StringComparer.Ordinal);

    /// <summary>Completes when interaction <paramref name="id"/> gets its callback (benchmarks wait on this instead of polling).</summary>
    public Task<FakeGatewayCallback> WaitForCallbackAsync(string id)
    {
        var waiter = _waiters.GetOrAdd(id, _ => new TaskCompletionSource<FakeGatewayCallback>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_lock)
        {
            if (_callbacks.FirstOrDefault(c => c.InteractionId == id) is { } done)
            {
                waiter.TrySetResult(done);
            }
        }

        return waiter.Task;
    }

    /// <summary>Answers <c>POST /interactions/{id}/{token}/callback</c> (status, JSON; 204 with no body on success).</summary>
    internal (int Status, string Json) Callback(string id, string token, JsonObject? body)
    {
        lock (_lock)
        {
            if (!_interactions.TryGetValue(id, out var interaction) || interaction.Token != token)
            {
                return (404, """{"message":"Unknown interaction","code":10062}""");
            }

            if (_acknowledged.Contains(id))
            {
                return (400, """{"message":"Interaction has already been acknowledged.","code":40060}""");
            }

            var elapsed = Time.GetUtcNow() - interaction.Created;
            if (elapsed > Options.InteractionDeadline)
            {
                // Discord forgets an interaction's token for the initial response after 3 seconds.
                return (404, """{"message":"Unknown interaction","code":10062}""");
            }

            var type = body?["type"] is JsonValue t && t.TryGetValue<int>(out var value) ? value : -1;
            if (!CallbackTypes.Contains(type))
            {
                return (400, """{"message":"Invalid Form Body","code":50035,"errors":{"type":{"_errors":[{"code":"BASE_TYPE_CHOICES","message":"Value must be one of {1, 4, 5, 6, 7, 8, 9, 10, 12}."}]}}}""");
            }

            _acknowledged.Add(id);
            var callback = new FakeGatewayCallback(id, token, type, (JsonObject)body!.DeepClone(), elapsed);
            _callbacks.Add(callback);
            if (_waiters.TryRemove(id, out var waiter))
            {
                waiter.TrySetResult(callback);
            }

            return (204, string.Empty);
        }
    }
}
