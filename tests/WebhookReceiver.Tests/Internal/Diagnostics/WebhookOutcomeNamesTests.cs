using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Internal;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Internal;

/// <summary>One spelling of the outcome for metrics, spans and captures: lower-case kebab.</summary>
public sealed class WebhookOutcomeNamesTests
{
    private const string Scheme = "outcome-tags";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Of_EveryOutcome_IsLowerCaseKebab()
    {
        var names = Enum.GetValues<WebhookOutcome>().Select(WebhookOutcomeNames.Of).ToArray();

        Assert.Equal(
            ["processed", "duplicate", "ignored", "handshake", "in-flight", "unauthorized", "too-large", "malformed", "failed", "unavailable", "aborted", "declined", "accepted"],
            names);
    }

    [Fact]
    public async Task Deliveries_ProcessedDuplicateUnauthorized_SpanAndMetricCarryTheSameOutcome()
    {
        var spans = new ConcurrentQueue<string?>();
        var metrics = new ConcurrentQueue<string?>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == WebhookDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("webhook.scheme") as string == Scheme)
                    spans.Enqueue(activity.GetTagItem("webhook.outcome") as string);
            },
        };
        ActivitySource.AddActivityListener(activities);
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == WebhookDiagnostics.MeterName && instrument.Name == "webhook.receiver.deliveries")
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        meters.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var values = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string);
            if (values.GetValueOrDefault("webhook.scheme") == Scheme)
                metrics.Enqueue(values.GetValueOrDefault("webhook.outcome"));
        });
        meters.Start();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks(Scheme, o => o.Secret = StandardDelivery.Secret),
            app => app.MapWebhook<OrderEvent>(StandardDelivery.Path, Scheme, (_, _) => Task.CompletedTask));
        var now = host.Time.GetUtcNow();

        await host.Client.SendAsync(StandardDelivery.Create(now, StandardDelivery.OrderBody()), Ct);
        await WaitForAsync(() => spans.Count == 1 && metrics.Count == 1);
        await host.Client.SendAsync(StandardDelivery.Create(now, StandardDelivery.OrderBody()), Ct);
        await WaitForAsync(() => spans.Count == 2 && metrics.Count == 2);
        await host.Client.SendAsync(StandardDelivery.Create(now, StandardDelivery.OrderBody(), id: "msg_2", secret: StandardDelivery.OtherSecret), Ct);
        await WaitForAsync(() => spans.Count == 3 && metrics.Count == 3);

        Assert.Equal(["processed", "duplicate", "unauthorized"], spans);
        Assert.Equal(spans, metrics);
    }

    /// <summary>The span ends and the metric is recorded as the endpoint returns, which may be just after the client has the response.</summary>
    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
            await Task.Delay(10, Ct);
    }
}
