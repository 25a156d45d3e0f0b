using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebhookReceiver.Internal;

/// <summary>
/// The second stage (DESIGN.md, "admission, then settlement"): for each claimed event of an admitted delivery, find its
/// handler by event type (none: ignored, completed at once), deserialize the payload it asked for (400, claim released),
/// run it (exception: 500, claim released), complete the claim, and answer. A single delivery is a batch of one.
/// </summary>
internal sealed class WebhookSettlement(IWebhookNonceStore store, WebhookOptions options, WebhookMetrics metrics, ILogger logger)
{
    public static WebhookSettlement Create(IServiceProvider services, WebhookAdmission admission)
        => new(services.GetRequiredService<IWebhookNonceStore>(), admission.Options, services.GetRequiredService<WebhookMetrics>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("WebhookReceiver"));

    /// <summary>Runs the handlers of every claimed event in order, completes or releases each claim, and writes the answer.</summary>
    public async ValueTask<WebhookOutcome> SettleAsync(HttpContext context, AdmittedDelivery admitted, WebhookDispatcher dispatcher)
    {
        var result = BatchResult.Empty;
        IResult? reply = null;
        var events = admitted.Events;
        for (var i = 0; i < events.Length; i++)
        {
            var claim = events[i];
            if (!claim.IsRunnable)
            {
                result = result.Add(claim.State!.Value);
                continue;
            }
            var (outcome, response) = await RunAsync(context, admitted, claim, dispatcher);
            reply ??= response;
            result = result.Add(outcome);
            if (outcome == WebhookOutcome.Aborted)
            {
                // The provider went away: give back the claims not run yet, so its retry is processed.
                for (var j = i + 1; j < events.Length; j++)
                    await ReleaseAsync(admitted.Scheme, events[j]);
                break;
            }
        }
        if (!admitted.IsWhole)
            WebhookLog.BatchDone(logger, admitted.Scheme.Name, events.Length, result.Outcome);

        if (result.Outcome == WebhookOutcome.Processed && (admitted.IsWhole || admitted.Delivery.Acknowledgment is not null))
        {
            // A handler's reply answers a single delivery only; the provider's acknowledgment (Adyen's [accepted]) a batch too.
            if (reply is not null && admitted.IsWhole)
                await reply.ExecuteAsync(context);
            else if (admitted.Delivery.Acknowledgment is { } acknowledgment)
                await WebhookResponses.WriteAsync(context, acknowledgment.StatusCode, acknowledgment.ContentType, acknowledgment.Body);
            else
                await WebhookResponses.WriteOutcomeAsync(context, result.Outcome, options);
        }
        else
        {
            await WebhookResponses.WriteOutcomeAsync(context, result.Outcome, options);
        }
        return result.Outcome;
    }

    /// <summary>Settles one claimed event; writes no response.</summary>
    private async ValueTask<(WebhookOutcome Outcome, IResult? Reply)> RunAsync(HttpContext context, AdmittedDelivery admitted, ClaimedEvent claim,
        WebhookDispatcher dispatcher)
    {
        var scheme = admitted.Scheme;
        var e = claim.Event;
        var handler = dispatcher.Find(e.EventType.Value);
        if (handler is null)
        {
            WebhookLog.Ignored(logger, scheme.Name, LogValue.Of(e.Id), LogValue.Of(e.EventType));
            await CompleteAsync(scheme, claim);
            return (WebhookOutcome.Ignored, null);
        }
        var webhook = CreateWebhook(context, admitted, claim, handler);
        if (webhook is null)
        {
            await ReleaseAsync(scheme, claim);
            return (WebhookOutcome.Malformed, null);
        }

        try
        {
            await handler.InvokeAsync(webhook, context);
        }
        catch (Exception exception) when (WebhookAdmission.IsAbort(exception, context.RequestAborted))
        {
            WebhookLog.Aborted(logger, scheme.Name, LogValue.Of(e.Id));
            await ReleaseAsync(scheme, claim);
            return (WebhookOutcome.Aborted, null);
        }
        catch (Exception exception)
        {
            WebhookLog.HandlerFailed(logger, exception, scheme.Name, LogValue.Of(e.Id), LogValue.Of(e.EventType));
            await ReleaseAsync(scheme, claim);
            return (WebhookOutcome.Failed, null);
        }
        await CompleteAsync(scheme, claim);
        WebhookLog.Processed(logger, scheme.Name, LogValue.Of(e.Id), LogValue.Of(e.EventType));
        return (WebhookOutcome.Processed, webhook.Response);
    }

    /// <summary>Deserializes the payload the handler asked for; on failure logs and returns null (the caller releases the claim).</summary>
    public Webhook? CreateWebhook(HttpContext context, AdmittedDelivery admitted, ClaimedEvent claim, IWebhookBinder handler)
    {
        var webhook = handler.Bind(options.JsonSerializerOptions, admitted.Scheme.Name, admitted.Delivery, claim.Event, admitted.Body,
            context, out var error);
        if (webhook is null)
        {
            WebhookLog.MalformedPayload(logger, admitted.Scheme.Name, LogValue.Of(claim.Event.Id), handler.PayloadType.Name, error ?? "unreadable");
        }
        return webhook;
    }

    /// <summary>Marks a settled event completed for the retention; a failure is logged (the provider's retry may run it again after the lease).</summary>
    public async ValueTask CompleteAsync(WebhookScheme scheme, ClaimedEvent claim)
    {
        if (claim.Key is not { } key)
            return;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await store.CompleteAsync(key, claim.Token, scheme.Options.Replay.GetEffectiveRetention(scheme.Options.Tolerance), CancellationToken.None);
            metrics.StoreCall("complete", started, failed: false);
        }
        catch (Exception exception)
        {
            metrics.StoreCall("complete", started, failed: true);
            WebhookLog.CompleteFailed(logger, exception, scheme.Name, claim.Event.ReplayKey);
        }
    }

    /// <summary>Gives a claim back so the provider's retry is processed.</summary>
    public ValueTask ReleaseAsync(WebhookScheme scheme, ClaimedEvent claim) => ReleaseAsync(store, metrics, logger, scheme, claim);

    internal static async ValueTask ReleaseAsync(IWebhookNonceStore store, WebhookMetrics metrics, ILogger logger, WebhookScheme scheme, ClaimedEvent claim)
    {
        if (claim.Key is not { } key)
            return;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await store.ReleaseAsync(key, claim.Token, CancellationToken.None);
            metrics.StoreCall("release", started, failed: false);
        }
        catch (Exception exception)
        {
            metrics.StoreCall("release", started, failed: true);
            WebhookLog.ReleaseFailed(logger, exception, scheme.Name, claim.Event.ReplayKey);
        }
    }
}
