using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WebhookReceiver.Internal;

/// <summary>The <c>WebhookReceiver</c> meter: deliveries by scheme and outcome, duration, body size, nonce-store latency and errors.</summary>
internal sealed class WebhookMetrics
{
    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _duration;
    private readonly Histogram<long> _bodySize;
    private readonly Histogram<double> _storeDuration;
    private readonly Counter<long> _storeErrors;

    public WebhookMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(WebhookDiagnostics.MeterName);
        _deliveries = meter.CreateCounter<long>("webhook.receiver.deliveries", "{delivery}", "Webhook deliveries received, by scheme and outcome.");
        _duration = meter.CreateHistogram<double>("webhook.receiver.duration", "s", "Time from the first body byte read to the response.");
        _bodySize = meter.CreateHistogram<long>("webhook.receiver.body.size", "By", "Size of verified webhook bodies.");
        _storeDuration = meter.CreateHistogram<double>("webhook.receiver.nonce_store.duration", "s", "Latency of nonce-store calls.");
        _storeErrors = meter.CreateCounter<long>("webhook.receiver.nonce_store.errors", "{error}", "Nonce-store calls that failed or timed out.");
    }

    public void Delivery(string scheme, WebhookOutcome outcome, long startTimestamp)
    {
        if (!_deliveries.Enabled && !_duration.Enabled)
            return;   // nobody listens: no tags to build on the hot path
        var tags = new TagList { { "webhook.scheme", scheme }, { "webhook.outcome", WebhookOutcomeNames.Of(outcome) } };
        if (_deliveries.Enabled)
            _deliveries.Add(1, tags);
        if (_duration.Enabled)
            _duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
    }

    public void BodySize(string scheme, int size)
    {
        if (_bodySize.Enabled)
            _bodySize.Record(size, new KeyValuePair<string, object?>("webhook.scheme", scheme));
    }

    public void StoreCall(string operation, long startTimestamp, bool failed)
    {
        var tags = new TagList { { "webhook.nonce_store.operation", operation } };
        if (_storeDuration.Enabled)
            _storeDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
        if (failed && _storeErrors.Enabled)
            _storeErrors.Add(1, tags);
    }
}
