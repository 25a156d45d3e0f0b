using System.Collections.Concurrent;
using System.Text.Json;

namespace WebhookReceiver.StackExchangeRedis.Tests.Infrastructure;

/// <summary>The handler of the test receivers: counts runs per delivery, and throws when told to.</summary>
internal sealed class HandlerProbe
{
    private readonly ConcurrentDictionary<string, int> _runs = new();
    private readonly ConcurrentDictionary<string, int> _completed = new();
    private int _failuresLeft;

    /// <summary>Makes the next <paramref name="count"/> runs throw.</summary>
    public void FailNext(int count = 1) => Volatile.Write(ref _failuresLeft, count);

    /// <summary>How many times the handler started for <paramref name="deliveryId"/>.</summary>
    public int Runs(string deliveryId) => _runs.GetValueOrDefault(deliveryId);

    /// <summary>How many times the handler finished without throwing for <paramref name="deliveryId"/>.</summary>
    public int Completed(string deliveryId) => _completed.GetValueOrDefault(deliveryId);

    public int TotalRuns => _runs.Values.Sum();

    public async Task HandleAsync(Webhook<JsonElement> hook, CancellationToken cancellationToken)
    {
        var id = hook.DeliveryId!;
        _runs.AddOrUpdate(id, 1, static (_, n) => n + 1);
        await Task.Yield();
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            throw new InvalidOperationException("Handler failure requested by the test.");
        _completed.AddOrUpdate(id, 1, static (_, n) => n + 1);
    }
}
