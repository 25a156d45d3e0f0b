using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebhookReceiver.Internal;

/// <summary>
/// Admission, then the caller's own code, then settlement: for code the library does not call itself
/// (<c>[VerifyWebhook]</c> MVC actions, the <c>AddWebhookVerification</c> endpoint filter). The delivery is taken whole (a batch reaches the action as one event).
/// Success completes the claim; an exception or a non-2xx answer releases it so the provider's retry is processed.
/// </summary>
internal sealed class WebhookGate(WebhookAdmission admission, WebhookSettlement settlement, WebhookMetrics metrics, ILogger logger)
{
    public static WebhookGate Create(IServiceProvider services)
    {
        var admission = WebhookAdmission.Create(services);
        return new WebhookGate(admission, WebhookSettlement.Create(services, admission), services.GetRequiredService<WebhookMetrics>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("WebhookReceiver"));
    }

    /// <summary>Admits the request and binds its payload; null when the request was answered here (401, 413, handshake, duplicate, 400, ...).</summary>
    public async ValueTask<GateEntry?> EnterAsync(HttpContext context, WebhookScheme scheme, IWebhookBinder binding)
    {
        var started = Stopwatch.GetTimestamp();
        var activity = WebhookDiagnostics.ActivitySource.StartActivity("webhook receive", ActivityKind.Server);
        activity?.SetTag("webhook.scheme", scheme.Name);
        var admitted = await admission.AdmitAsync(context, scheme, whole: true);
        if (admitted.Delivery is not { } delivery)
        {
            Record(scheme.Name, admitted.Outcome, started, activity);
            return null;
        }
        var claim = delivery.Events[0];
        if (settlement.CreateWebhook(context, delivery, claim, binding) is not { } webhook)
        {
            await settlement.ReleaseAsync(scheme, claim);
            await WebhookResponses.WriteOutcomeAsync(context, WebhookOutcome.Malformed, admission.Options);
            Leave(context, new GateEntry(delivery, null!, started, activity), WebhookOutcome.Malformed);
            return null;
        }
        return new GateEntry(delivery, webhook, started, activity);
    }

    /// <summary>The caller's code succeeded: the claim is completed; <c>{"status":"processed"}</c> is written when it answered nothing.</summary>
    public async ValueTask SucceededAsync(HttpContext context, GateEntry entry, bool answered)
    {
        var scheme = entry.Admitted.Scheme;
        await settlement.CompleteAsync(scheme, entry.Claim);
        WebhookLog.Processed(logger, scheme.Name, LogValue.Of(entry.Claim.Event.Id), LogValue.Of(entry.Claim.Event.EventType));
        if (!answered && !context.Response.HasStarted)
            await WebhookResponses.WriteOutcomeAsync(context, WebhookOutcome.Processed, admission.Options);
        Leave(context, entry, WebhookOutcome.Processed);
    }

    /// <summary>The caller's code answered a non-2xx status: the claim is released; the answer stands.</summary>
    public async ValueTask DeclinedAsync(HttpContext context, GateEntry entry, int statusCode)
    {
        WebhookLog.Declined(logger, entry.Admitted.Scheme.Name, LogValue.Of(entry.Claim.Event.Id), statusCode);
        await settlement.ReleaseAsync(entry.Admitted.Scheme, entry.Claim);
        Leave(context, entry, WebhookOutcome.Declined);
    }

    /// <summary>The caller's code threw: the claim is released and 500 answered (nothing when the provider went away).</summary>
    public async ValueTask FailedAsync(HttpContext context, GateEntry entry, Exception exception)
    {
        var scheme = entry.Admitted.Scheme;
        var e = entry.Claim.Event;
        var outcome = WebhookAdmission.IsAbort(exception, context.RequestAborted) ? WebhookOutcome.Aborted : WebhookOutcome.Failed;
        if (outcome == WebhookOutcome.Aborted)
            WebhookLog.Aborted(logger, scheme.Name, LogValue.Of(e.Id));
        else
            WebhookLog.HandlerFailed(logger, exception, scheme.Name, LogValue.Of(e.Id), LogValue.Of(e.EventType));
        await settlement.ReleaseAsync(scheme, entry.Claim);
        await WebhookResponses.WriteOutcomeAsync(context, outcome, admission.Options);
        Leave(context, entry, outcome);
    }

    private void Leave(HttpContext context, GateEntry entry, WebhookOutcome outcome)
    {
        admission.Finish(context, entry.Admitted, outcome);
        Record(entry.Admitted.Scheme.Name, outcome, entry.Started, entry.Activity);
    }

    private void Record(string scheme, WebhookOutcome outcome, long started, Activity? activity)
    {
        activity?.SetTag("webhook.outcome", WebhookOutcomeNames.Of(outcome));
        activity?.Dispose();
        metrics.Delivery(scheme, outcome, started);
    }
}
