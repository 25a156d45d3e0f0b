using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebhookReceiver.Internal;

/// <summary>
/// The end of admission in inbox mode: stores each claimed event of the delivery (its own copy of the body, the
/// redacted headers, the envelope) and only then completes the claims and answers <c>accepted</c>. The nonce store's
/// completed marker answers a provider's copy <c>duplicate</c> from then on; the inbox entry carries the settlement
/// state. A store that fails or times out: claims released, 503, nothing acknowledged.
/// </summary>
internal sealed class WebhookInboxAcceptor(IWebhookInboxStore store, TimeProvider time, WebhookSettlement settlement, WebhookOptions options,
    ILogger logger)
{
    /// <summary>How long storing may take before the request is answered 503.</summary>
    internal static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(5);

    public static WebhookInboxAcceptor Create(IServiceProvider services, WebhookSettlement settlement, WebhookOptions options)
        => new(services.GetRequiredService<IWebhookInboxStore>(), services.GetRequiredService<TimeProvider>(), settlement, options,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("WebhookReceiver"));

    public async ValueTask<WebhookOutcome> AcceptAsync(HttpContext context, AdmittedDelivery admitted, string pattern)
    {
        var scheme = admitted.Scheme;
        var body = admitted.Body.ToArray();
        var headers = RedactedHeaders.Of(context.Request.Headers, scheme).Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.ToArray()!)).ToArray();
        var receivedAt = time.GetUtcNow();
        var entries = new List<WebhookInboxEntry>(admitted.Events.Length);
        foreach (var claim in admitted.Events)
        {
            if (!claim.IsRunnable)
                continue;
            var e = claim.Event;
            entries.Add(new WebhookInboxEntry
            {
                Id = Guid.CreateVersion7(receivedAt).ToString("N"),
                Endpoint = pattern,
                Scheme = scheme.Name,
                DeliveryId = e.Id,
                EventType = e.EventType,
                ReplayKey = e.ReplayKey,
                Body = body,
                Json = e.Json.Span.Overlaps(admitted.Body.Span) && e.Json.Length == body.Length ? body : e.Json.ToArray(),
                Headers = headers,
                Timestamp = admitted.Delivery.Timestamp,
                ReceivedAt = receivedAt,
                Status = WebhookInboxStatus.Queued,
                DueAt = receivedAt,
            });
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            timeout.CancelAfter(StoreTimeout);
            await store.AddAsync(entries, timeout.Token);
        }
        catch (Exception exception)
        {
            var aborted = WebhookAdmission.IsAbort(exception, context.RequestAborted);
            if (!aborted)
                InboxLog.StoreUnavailable(logger, exception, scheme.Name);
            foreach (var claim in admitted.Events)
                await settlement.ReleaseAsync(scheme, claim);
            if (aborted)
                return WebhookOutcome.Aborted;
            await WebhookResponses.WriteOutcomeAsync(context, WebhookOutcome.Unavailable, options);
            return WebhookOutcome.Unavailable;
        }

        foreach (var claim in admitted.Events)
        {
            if (claim.IsRunnable)
                await settlement.CompleteAsync(scheme, claim);
        }
        foreach (var entry in entries)
            InboxLog.Accepted(logger, scheme.Name, entry.Id, LogValue.Of(entry.DeliveryId), LogValue.Of(entry.EventType));
        await WebhookResponses.WriteOutcomeAsync(context, WebhookOutcome.Accepted, options);
        return WebhookOutcome.Accepted;
    }
}
