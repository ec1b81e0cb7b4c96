using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Bot.TestSupport;

/// <summary>
/// Listens to every instrument of the <c>Bot</c> meter while alive. The instruments are process-wide and tests run in
/// parallel, so read them filtered by a tag value that only the test itself uses (a subscription name, a command).
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();

    public MetricRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Bot")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The sum of <paramref name="instrument"/>'s measurements whose tag <paramref name="key"/> is <paramref name="value"/>.</summary>
    public double Sum(string instrument, string key, string value)
        => Where(instrument, key, value).Sum(m => m.Value);

    /// <summary>How many measurements <paramref name="instrument"/> took with tag <paramref name="key"/> = <paramref name="value"/>.</summary>
    public int Count(string instrument, string key, string value)
        => Where(instrument, key, value).Count();

    /// <summary>The measurements of <paramref name="instrument"/> with tag <paramref name="key"/> = <paramref name="value"/>.</summary>
    public IReadOnlyList<(double Value, IReadOnlyDictionary<string, object?> Tags)> Where(string instrument, string key, string value)
        => _measurements.Where(m => m.Instrument == instrument && m.Tags.TryGetValue(key, out var tag) && Equals(tag as string, value))
            .Select(m => (m.Value, (IReadOnlyDictionary<string, object?>)m.Tags)).ToList();

    /// <summary>Every measurement of <paramref name="instrument"/> (for instruments with no tag to filter by).</summary>
    public IReadOnlyList<double> All(string instrument)
        => _measurements.Where(m => m.Instrument == instrument).Select(m => m.Value).ToList();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, value, copy));
    }
}
