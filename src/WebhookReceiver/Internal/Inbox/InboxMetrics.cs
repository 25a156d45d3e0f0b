using System.Diagnostics.Metrics;

namespace WebhookReceiver.Internal;

/// <summary>
/// The inbox's instruments on the <c>WebhookReceiver</c> meter: attempts by scheme and result, and gauges of the
/// queue depth, the age of the oldest pending entry and the dead letters, read from the last counts the processor
/// took (every <see cref="RefreshInterval"/>), never from the store inside a collection.
/// </summary>
internal sealed class InboxMetrics
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private readonly Counter<long> _attempts;
    private readonly TimeProvider _time;
    private volatile WebhookInboxCounts? _counts;

    public InboxMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        _time = time;
        var meter = meterFactory.Create(WebhookDiagnostics.MeterName);
        _attempts = meter.CreateCounter<long>("webhook.receiver.inbox.attempts", "{attempt}", "Inbox handler attempts, by scheme and result (completed, retrying, dead).");
        meter.CreateObservableGauge("webhook.receiver.inbox.depth", () => Observe(c => c.Pending), "{entry}", "Inbox entries not settled yet (queued, processing, retrying).");
        meter.CreateObservableGauge("webhook.receiver.inbox.lag", ObserveLag, "s", "Age of the oldest inbox entry not settled yet.");
        meter.CreateObservableGauge("webhook.receiver.inbox.dead", () => Observe(c => c.Dead), "{entry}", "Dead letters in the inbox.");
    }

    /// <summary>Gets the counts last taken, or <see langword="null"/> before the first.</summary>
    public WebhookInboxCounts? Last => _counts;

    public void Attempt(string scheme, WebhookInboxStatus result)
    {
        if (_attempts.Enabled)
            _attempts.Add(1, new("webhook.scheme", scheme), new("webhook.inbox.result", InboxApiJson.StatusName(result)));
    }

    public void Counted(WebhookInboxCounts counts) => _counts = counts;

    /// <summary>How long the oldest pending entry has waited (zero when none).</summary>
    public static TimeSpan Lag(WebhookInboxCounts counts, DateTimeOffset now)
        => counts.OldestPendingReceivedAt is { } oldest && now > oldest ? now - oldest : TimeSpan.Zero;

    private IEnumerable<Measurement<long>> Observe(Func<WebhookInboxCounts, long> value)
        => _counts is { } counts ? [new(value(counts))] : [];

    private IEnumerable<Measurement<double>> ObserveLag()
        => _counts is { } counts ? [new(Lag(counts, _time.GetUtcNow()).TotalSeconds)] : [];
}
