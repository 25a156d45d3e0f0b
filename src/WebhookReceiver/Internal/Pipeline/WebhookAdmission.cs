using System.Diagnostics;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WebhookReceiver.Internal;

/// <summary>
/// The first stage of every webhook request (DESIGN.md, "admission, then settlement"), the same for <c>MapWebhook</c>,
/// <c>[VerifyWebhook]</c> actions and endpoint filters: read the raw body once (413 past the limit), verify and read the
/// delivery (401, or 400 when verified but unreadable), answer a handshake, and claim every event under its replay key
/// (409 in flight, 200 duplicate, 503 store down). Nothing reads, parses or logs the body before the signature passed.
/// </summary>
internal sealed class WebhookAdmission(
    IWebhookNonceStore store,
    TimeProvider time,
    WebhookOptions options,
    WebhookMetrics metrics,
    ILogger logger,
    WebhookCaptureWriter? capture)
{
    public static WebhookAdmission Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<WebhookOptions>>().Value;
        return new WebhookAdmission(services.GetRequiredService<IWebhookNonceStore>(), services.GetRequiredService<TimeProvider>(), options,
            services.GetRequiredService<WebhookMetrics>(), services.GetRequiredService<ILoggerFactory>().CreateLogger("WebhookReceiver"),
            options.CaptureDirectory is null ? null : services.GetRequiredService<WebhookCaptureWriter>());
    }

    public WebhookOptions Options => options;

    /// <summary>
    /// Admits a POST: the admitted delivery to settle, or the outcome of the answer written here. With
    /// <paramref name="whole"/> a batch is claimed and settled as one event (an MVC action takes it whole).
    /// </summary>
    public async ValueTask<Admission> AdmitAsync(HttpContext context, WebhookScheme scheme, bool whole = false)
    {
        var aborted = context.RequestAborted;
        if (scheme.AnswersWithoutBody)
            WebhookResponses.OmitBodies(context);
        var receivedAt = capture is null ? default : time.GetUtcNow();
        PooledBody? read;
        try
        {
            read = await RequestBodyReader.ReadAsync(context.Request, scheme.Options.MaxBodySize, aborted);
        }
        catch (Exception e) when (IsAbort(e, aborted))
        {
            WebhookLog.Aborted(logger, scheme.Name, null);
            return new(WebhookOutcome.Aborted, null);
        }
        catch (BadHttpRequestException e)
        {
            // The server refused the body while it was read (broken chunked framing, data slower than Kestrel's
            // MinRequestBodyDataRate, ...): the sender's fault, answered with the server's status, never an unhandled error.
            WebhookLog.BodyRefused(logger, scheme.Name, e.StatusCode);
            if (!context.Response.HasStarted)
                context.Response.StatusCode = e.StatusCode;
            return new(WebhookOutcome.Aborted, null);
        }
        if (read is not { } body)
        {
            WebhookLog.BodyTooLarge(logger, scheme.Name, scheme.Options.MaxBodySize);
            await WebhookResponses.WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, WebhookResponses.ContentTooLarge);
            return new(WebhookOutcome.TooLarge, null);
        }

        var admitted = false;
        try
        {
            var request = new WebhookRequest(context.Request.Method, scheme.RequiresUrl || scheme.ReadsQuery ? WebhookUrl.Build(context.Request, scheme.PublicBase) : null,
                context.Request.Headers, body.Memory);
            var verification = scheme.Verify(request, time.GetUtcNow());
            if (verification.Delivery is not { } delivery)
            {
                if (verification.Failure != WebhookVerificationFailure.UnreadableDelivery && scheme is IWebhookUnsignedHandshake unsigned
                    && unsigned.AnswerUnsigned(request) is { } answer)
                {
                    WebhookLog.HandshakeAnswered(logger, scheme.Name, answer.StatusCode);
                    await WebhookResponses.WriteHandshakeAsync(context, answer);
                    return Refused(context, scheme, body, receivedAt, WebhookOutcome.Handshake, verified: false);
                }
                var refused = await RefuseAsync(context, scheme, verification);
                return Refused(context, scheme, body, receivedAt, refused, verified: refused == WebhookOutcome.Malformed);
            }
            metrics.BodySize(scheme.Name, body.Length);
            if (delivery.Handshake is { } handshake)
            {
                WebhookLog.HandshakeAnswered(logger, scheme.Name, handshake.StatusCode);
                await WebhookResponses.WriteHandshakeAsync(context, handshake);
                return Refused(context, scheme, body, receivedAt, WebhookOutcome.Handshake);
            }

            var events = await ClaimAllAsync(context, scheme, whole ? [delivery.Whole] : delivery.Events);
            if (events is null && context.RequestAborted.IsCancellationRequested)
                return Refused(context, scheme, body, receivedAt, WebhookOutcome.Aborted);
            if (events is null)
            {
                await WebhookResponses.WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, WebhookResponses.ServiceUnavailable,
                    options.UnavailableRetryAfter);
                return Refused(context, scheme, body, receivedAt, WebhookOutcome.Unavailable);
            }
            if (NothingToRun(events) is { } settled)
            {
                await WebhookResponses.WriteOutcomeAsync(context, settled, options);
                return Refused(context, scheme, body, receivedAt, settled);
            }
            admitted = true;
            return new(WebhookOutcome.Processed, new AdmittedDelivery(scheme, delivery, events, body, receivedAt, whole || delivery.Items is null));
        }
        finally
        {
            if (!admitted)
                body.Dispose();
        }
    }

    /// <summary>Records the outcome of a settled delivery (capture) and returns its body to the pool.</summary>
    public void Finish(HttpContext context, AdmittedDelivery admitted, WebhookOutcome outcome)
    {
        capture?.Enqueue(context, admitted.Scheme, verified: true, outcome, admitted.Body.Span, admitted.ReceivedAt);
        admitted.Dispose();
    }

    private Admission Refused(HttpContext context, WebhookScheme scheme, PooledBody body, DateTimeOffset receivedAt, WebhookOutcome outcome,
        bool verified = true)
    {
        capture?.Enqueue(context, scheme, verified, outcome, body.Memory.Span, receivedAt);
        return new(outcome, null);
    }

    private async ValueTask<WebhookOutcome> RefuseAsync(HttpContext context, WebhookScheme scheme, WebhookVerificationResult verification)
    {
        if (verification.Failure == WebhookVerificationFailure.UnreadableDelivery)
        {
            WebhookLog.MalformedEnvelope(logger, scheme.Name);
            await WebhookResponses.WriteProblemAsync(context, StatusCodes.Status400BadRequest, WebhookResponses.BadRequest);
            return WebhookOutcome.Malformed;
        }
        WebhookLog.VerificationFailed(logger, scheme.Name, verification.Reason ?? "no delivery");
        await WebhookResponses.WriteProblemAsync(context, StatusCodes.Status401Unauthorized, WebhookResponses.Unauthorized);
        return WebhookOutcome.Unauthorized;
    }

    /// <summary>
    /// Claims each event in order; null when the store failed (claims already made are given back). Every verified event
    /// is claimed, those without a handler too, so one signed content is settled at most once whatever it is labelled.
    /// </summary>
    private async ValueTask<ClaimedEvent[]?> ClaimAllAsync(HttpContext context, WebhookScheme scheme, IReadOnlyList<WebhookEvent> events)
    {
        var claims = new ClaimedEvent[events.Count];
        var replay = scheme.Options.Replay;
        HashSet<string>? keys = null;
        for (var i = 0; i < claims.Length; i++)
        {
            var e = events[i];
            if (!replay.Enabled)
            {
                claims[i] = new(e, null, null, 0);
                continue;
            }
            var key = string.Concat(scheme.Name, ":", e.ReplayKey);
            if (claims.Length > 1 && !(keys ??= new(StringComparer.Ordinal)).Add(key))
            {
                // The same signed item twice in one batch: settled once with the first, the repeat is a duplicate (no
                // store call, no log line), rather than "in flight" against this very request.
                claims[i] = new(e, WebhookOutcome.Duplicate, null, 0);
                continue;
            }
            var started = Stopwatch.GetTimestamp();
            NonceClaimResult claim;
            try
            {
                claim = await store.TryClaimAsync(key, replay.Lease, context.RequestAborted);
                metrics.StoreCall("claim", started, failed: false);
            }
            catch (Exception exception) when (!IsAbort(exception, context.RequestAborted) && replay.FailOpen)
            {
                metrics.StoreCall("claim", started, failed: true);
                WebhookLog.FailedOpen(logger, exception, scheme.Name, e.ReplayKey);
                claims[i] = new(e, null, null, 0);
                continue;
            }
            catch (Exception exception)
            {
                if (!IsAbort(exception, context.RequestAborted))
                {
                    metrics.StoreCall("claim", started, failed: true);
                    WebhookLog.StoreUnavailable(logger, exception, scheme.Name, e.ReplayKey);
                }
                for (var j = 0; j < i; j++)
                    await WebhookSettlement.ReleaseAsync(store, metrics, logger, scheme, claims[j]);
                return null;
            }
            switch (claim.Status)
            {
                case NonceClaimStatus.Completed:
                    WebhookLog.Duplicate(logger, scheme.Name, e.ReplayKey);
                    claims[i] = new(e, WebhookOutcome.Duplicate, null, 0);
                    break;
                case NonceClaimStatus.InFlight:
                    WebhookLog.InFlight(logger, scheme.Name, e.ReplayKey);
                    claims[i] = new(e, WebhookOutcome.InFlight, null, 0);
                    break;
                default:
                    claims[i] = new(e, null, key, claim.Token);
                    break;
            }
        }
        return claims;
    }

    /// <summary>When no event is to be run (all duplicates or in flight): the answer; null otherwise.</summary>
    private static WebhookOutcome? NothingToRun(ClaimedEvent[] events)
    {
        var result = BatchResult.Empty;
        foreach (var e in events)
        {
            if (e.IsRunnable)
                return null;
            result = result.Add(e.State!.Value);
        }
        return result.Outcome;
    }

    /// <summary>Cancellation of <c>RequestAborted</c> (or the connection going away) is never a 500.</summary>
    internal static bool IsAbort(Exception e, CancellationToken aborted)
        => aborted.IsCancellationRequested && (e is OperationCanceledException or IOException or ConnectionResetException or BadHttpRequestException);
}
