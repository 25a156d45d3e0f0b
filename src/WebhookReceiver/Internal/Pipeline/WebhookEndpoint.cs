using System.Diagnostics;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WebhookReceiver.Internal;

/// <summary>
/// The request pipeline of one <c>MapWebhook</c> endpoint (DESIGN.md, "The request, step by step"):
/// read the raw body once, verify, read the envelope, answer handshakes, claim, deserialize, run the handler,
/// complete or release, answer. Nothing reads or parses the body before verification.
/// </summary>
internal sealed class WebhookEndpoint(
    WebhookSchemeHandle scheme,
    WebhookDispatcher dispatcher,
    IWebhookNonceStore store,
    TimeProvider time,
    WebhookOptions options,
    WebhookMetrics metrics,
    ILogger logger,
    WebhookCaptureWriter? capture = null)
{
    /// <summary>Builds the pipeline of one endpoint (or one MVC action) from the application's services.</summary>
    public static WebhookEndpoint Create(IServiceProvider services, WebhookSchemeHandle scheme, WebhookDispatcher dispatcher)
    {
        var options = services.GetRequiredService<IOptions<WebhookOptions>>().Value;
        return new WebhookEndpoint(scheme, dispatcher,
            services.GetRequiredService<IWebhookNonceStore>(),
            services.GetRequiredService<TimeProvider>(),
            options,
            services.GetRequiredService<WebhookMetrics>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("WebhookReceiver"),
            options.CaptureDirectory is null ? null : services.GetRequiredService<WebhookCaptureWriter>());
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var current = scheme.Current;
        using var activity = WebhookDiagnostics.ActivitySource.StartActivity("webhook receive", ActivityKind.Server);
        activity?.SetTag("webhook.scheme", current.Name);
        var outcome = HttpMethods.IsGet(context.Request.Method) ? await AnswerGetAsync(context, current) : await ProcessAsync(context, current);
        activity?.SetTag("webhook.outcome", outcome.ToString());
        metrics.Delivery(current.Name, outcome, started);
    }

    /// <summary>A GET handshake (mapped only for schemes whose HandlesGet is true): no body, no handler, no nonce store.</summary>
    private async ValueTask<WebhookOutcome> AnswerGetAsync(HttpContext context, WebhookScheme current)
    {
        if (current.AnswerGet(context.Request.Query) is not { } answer)
        {
            WebhookLog.NotAHandshake(logger, current.Name);
            await WebhookResponses.WriteProblemAsync(context, StatusCodes.Status400BadRequest, WebhookResponses.BadHandshake);
            return WebhookOutcome.Malformed;
        }
        if (answer.StatusCode >= StatusCodes.Status400BadRequest)
            WebhookLog.HandshakeRefused(logger, current.Name, answer.StatusCode);
        else
            WebhookLog.HandshakeAnswered(logger, current.Name, answer.StatusCode);
        await WebhookResponses.WriteAsync(context, answer.StatusCode, answer.ContentType, answer.Body);
        return answer.StatusCode >= StatusCodes.Status400BadRequest ? WebhookOutcome.Unauthorized : WebhookOutcome.Handshake;
    }

    private async ValueTask<WebhookOutcome> ProcessAsync(HttpContext context, WebhookScheme current)
    {
        var aborted = context.RequestAborted;
        var receivedAt = capture is null ? default : time.GetUtcNow();
        PooledBody? read;
        try
        {
            read = await RequestBodyReader.ReadAsync(context.Request, current.Options.MaxBodySize, aborted);
        }
        catch (Exception e) when (IsAbort(e, aborted))
        {
            WebhookLog.Aborted(logger, current.Name, null);
            return WebhookOutcome.Aborted;
        }
        if (read is not { } body)
        {
            WebhookLog.BodyTooLarge(logger, current.Name, current.Options.MaxBodySize);
            await WebhookResponses.WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, WebhookResponses.ContentTooLarge);
            return WebhookOutcome.TooLarge;
        }
        using (body)
        {
            var request = new WebhookRequest(context.Request.Method, current.RequiresUrl ? WebhookUrl.Build(context.Request, current.PublicBase) : null,
                context.Request.Headers, body.Memory);
            var outcome = await ProcessVerifiedAsync(context, current, request);
            capture?.Enqueue(context, current.Name, outcome, body.Memory.Span, receivedAt);
            return outcome;
        }
    }

    private async ValueTask<WebhookOutcome> ProcessVerifiedAsync(HttpContext context, WebhookScheme current, WebhookRequest request)
    {
        var verification = current.Verify(request, time.GetUtcNow());
        if (!verification.Succeeded)
        {
            current.TryReadEnvelope(request, out var claimed);
            WebhookLog.VerificationFailed(logger, current.Name, claimed.DeliveryId, verification.Reason);
            await WebhookResponses.WriteProblemAsync(context, StatusCodes.Status401Unauthorized, WebhookResponses.Unauthorized);
            return WebhookOutcome.Unauthorized;
        }
        metrics.BodySize(current.Name, request.Body.Length);
        if (dispatcher.SplitsBatches && current.ReadBatch(request) is { } batch)
            return await ProcessBatchAsync(context, current, request, batch, verification.Timestamp);

        if (!current.TryReadEnvelope(request, out var envelope))
        {
            WebhookLog.MalformedEnvelope(logger, current.Name, envelope.DeliveryId);
            await WebhookResponses.WriteProblemAsync(context, StatusCodes.Status400BadRequest, WebhookResponses.BadRequest);
            return WebhookOutcome.Malformed;
        }
        if (current.GetHandshakeResponse(request, envelope) is { } handshake)
        {
            WebhookLog.HandshakeAnswered(logger, current.Name, handshake.StatusCode);
            await WebhookResponses.WriteAsync(context, handshake.StatusCode, handshake.ContentType, handshake.Body);
            return WebhookOutcome.Handshake;
        }
        var handler = dispatcher.Find(envelope.EventType);
        if (handler is null)
        {
            WebhookLog.Ignored(logger, current.Name, envelope.DeliveryId, envelope.EventType);
            await WebhookResponses.WriteStatusAsync(context, options.IgnoredStatusCode, WebhookResponses.Ignored);
            return WebhookOutcome.Ignored;
        }

        var id = envelope.DeliveryId;
        if (id is null && current.Options.Replay.Enabled)
        {
            id = current.GetFallbackReplayKey(request);
            WebhookLog.NoDeliveryId(logger, current.Name, id);
        }
        var claim = await ClaimAsync(context, current, id);
        if (await WriteRefusalAsync(context, claim.Outcome) is { } refused)
            return refused;
        var (outcome, reply) = await RunHandlerAsync(context, current, envelope, verification.Timestamp, handler, request.Body,
            current.GetPayloadJson(request), claim.Key, claim.Token);
        if (outcome == WebhookOutcome.Processed)
            await WriteProcessedAsync(context, current, request, reply);
        else
            await WriteOutcomeAsync(context, outcome);
        return outcome;
    }

    /// <summary>
    /// A delivery of several events: each is dispatched, claimed and run on its own, in order; the answer is 200 only when
    /// every event was processed, a duplicate or ignored, otherwise the most serious failure (the provider retries the
    /// delivery, and the events already completed are then skipped as duplicates).
    /// </summary>
    private async ValueTask<WebhookOutcome> ProcessBatchAsync(HttpContext context, WebhookScheme current, WebhookRequest request,
        IReadOnlyList<WebhookBatchItem> items, DateTimeOffset? timestamp)
    {
        var result = BatchResult.Empty;
        foreach (var item in items)
        {
            var envelope = item.Envelope;
            var handler = dispatcher.Find(envelope.EventType);
            if (handler is null)
            {
                WebhookLog.Ignored(logger, current.Name, envelope.DeliveryId, envelope.EventType);
                result = result.Add(WebhookOutcome.Ignored);
                continue;
            }
            var claim = await ClaimAsync(context, current, envelope.DeliveryId);
            if (claim.Outcome is { } refused)
            {
                result = result.Add(refused);
                if (refused is WebhookOutcome.Unavailable or WebhookOutcome.Aborted)
                    break;
                continue;
            }
            var (outcome, _) = await RunHandlerAsync(context, current, envelope, timestamp, handler, request.Body, item.Json, claim.Key, claim.Token);
            result = result.Add(outcome);
            if (outcome == WebhookOutcome.Aborted)
                break;
        }
        WebhookLog.BatchDone(logger, current.Name, items.Count, result.Outcome);
        if (await WriteRefusalAsync(context, result.Outcome) is { } answered)
            return answered;
        if (result.Outcome == WebhookOutcome.Ignored)
            await WebhookResponses.WriteStatusAsync(context, options.IgnoredStatusCode, WebhookResponses.Ignored);
        else
            await WriteOutcomeAsync(context, result.Outcome);
        return result.Outcome;
    }

    /// <summary>Claims <c>scheme:id</c>; a null <see cref="WebhookOutcome"/> means go on (claimed, or nothing to claim).</summary>
    private async ValueTask<(WebhookOutcome? Outcome, string? Key, long Token)> ClaimAsync(HttpContext context, WebhookScheme current, string? id)
    {
        var replay = current.Options.Replay;
        if (!replay.Enabled || id is null)
            return (null, null, 0);
        var key = string.Concat(current.Name, ":", id);
        var started = Stopwatch.GetTimestamp();
        NonceClaimResult claim;
        try
        {
            claim = await store.TryClaimAsync(key, replay.Lease, context.RequestAborted);
            metrics.StoreCall("claim", started, failed: false);
        }
        catch (Exception e) when (IsAbort(e, context.RequestAborted))
        {
            return (WebhookOutcome.Aborted, null, 0);
        }
        catch (Exception e)
        {
            metrics.StoreCall("claim", started, failed: true);
            if (replay.FailOpen)
            {
                WebhookLog.FailedOpen(logger, e, current.Name, id);
                return (null, null, 0);
            }
            WebhookLog.StoreUnavailable(logger, e, current.Name, id);
            return (WebhookOutcome.Unavailable, null, 0);
        }

        switch (claim.Status)
        {
            case NonceClaimStatus.Completed:
                WebhookLog.Duplicate(logger, current.Name, id);
                return (WebhookOutcome.Duplicate, null, 0);
            case NonceClaimStatus.InFlight:
                WebhookLog.InFlight(logger, current.Name, id);
                return (WebhookOutcome.InFlight, null, 0);
            default:
                return (null, key, claim.Token);
        }
    }

    /// <summary>Writes the answer to a delivery that is not run (duplicate, in flight, store down); null when none applies.</summary>
    private async ValueTask<WebhookOutcome?> WriteRefusalAsync(HttpContext context, WebhookOutcome? outcome)
    {
        switch (outcome)
        {
            case WebhookOutcome.Duplicate:
                await WebhookResponses.WriteStatusAsync(context, StatusCodes.Status200OK, WebhookResponses.Duplicate);
                return outcome;
            case WebhookOutcome.InFlight:
                await WebhookResponses.WriteProblemAsync(context, StatusCodes.Status409Conflict, WebhookResponses.Conflict, options.InFlightRetryAfter);
                return outcome;
            case WebhookOutcome.Unavailable:
                await WebhookResponses.WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, WebhookResponses.ServiceUnavailable, options.UnavailableRetryAfter);
                return outcome;
            case WebhookOutcome.Aborted:
                return outcome;
            default:
                return null;
        }
    }

    /// <summary>Writes the answer to a delivery whose handler ran (or whose payload could not be read).</summary>
    private static ValueTask WriteOutcomeAsync(HttpContext context, WebhookOutcome outcome)
    {
        switch (outcome)
        {
            case WebhookOutcome.Processed:
                return WebhookResponses.WriteStatusAsync(context, StatusCodes.Status200OK, WebhookResponses.Processed);
            case WebhookOutcome.Malformed:
                return WebhookResponses.WriteProblemAsync(context, StatusCodes.Status400BadRequest, WebhookResponses.BadRequest);
            case WebhookOutcome.Failed when !context.Response.HasStarted:
                context.Response.Clear();
                return WebhookResponses.WriteProblemAsync(context, StatusCodes.Status500InternalServerError, WebhookResponses.InternalServerError);
            default:
                return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// Answers a processed delivery: the handler's own reply (<see cref="Webhook.Respond"/>), else the scheme's
    /// acknowledgment, else <c>{"status":"processed"}</c>.
    /// </summary>
    private static async ValueTask WriteProcessedAsync(HttpContext context, WebhookScheme current, WebhookRequest request, IResult? reply)
    {
        if (reply is not null)
            await reply.ExecuteAsync(context);
        else if (current.GetProcessedResponse(request) is { } acknowledgment)
            await WebhookResponses.WriteAsync(context, acknowledgment.StatusCode, acknowledgment.ContentType, acknowledgment.Body);
        else
            await WriteOutcomeAsync(context, WebhookOutcome.Processed);
    }

    /// <summary>Deserializes, runs the handler, then completes or releases the claim. Writes no response.</summary>
    private async ValueTask<(WebhookOutcome Outcome, IResult? Reply)> RunHandlerAsync(HttpContext context, WebhookScheme current, WebhookEnvelope envelope, DateTimeOffset? timestamp,
        WebhookHandlerRegistration handler, ReadOnlyMemory<byte> body, ReadOnlyMemory<byte> payloadJson, string? key, long token)
    {
        var webhook = handler.CreateWebhook(options.JsonSerializerOptions, current, envelope, timestamp, body, payloadJson, context, out var error);
        if (webhook is null)
        {
            WebhookLog.MalformedPayload(logger, current.Name, envelope.DeliveryId, handler.PayloadType.Name, error ?? "unreadable");
            await ReleaseAsync(current, key, token);
            return (WebhookOutcome.Malformed, null);
        }

        try
        {
            await handler.InvokeAsync(webhook, context);
        }
        catch (Exception e) when (IsAbort(e, context.RequestAborted))
        {
            WebhookLog.Aborted(logger, current.Name, envelope.DeliveryId);
            await ReleaseAsync(current, key, token);
            return (WebhookOutcome.Aborted, null);
        }
        catch (Exception e)
        {
            WebhookLog.HandlerFailed(logger, e, current.Name, envelope.DeliveryId, envelope.EventType);
            await ReleaseAsync(current, key, token);
            return (WebhookOutcome.Failed, null);
        }
        if (!handler.Succeeded(context))
        {
            WebhookLog.Declined(logger, current.Name, envelope.DeliveryId, context.Response.StatusCode);
            await ReleaseAsync(current, key, token);
            return (WebhookOutcome.Declined, null);
        }

        if (key is not null)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await store.CompleteAsync(key, token, current.Options.Replay.GetEffectiveRetention(current.Options.Tolerance), CancellationToken.None);
                metrics.StoreCall("complete", started, failed: false);
            }
            catch (Exception e)
            {
                metrics.StoreCall("complete", started, failed: true);
                WebhookLog.CompleteFailed(logger, e, current.Name, key);
            }
        }
        WebhookLog.Processed(logger, current.Name, envelope.DeliveryId, envelope.EventType);
        return (WebhookOutcome.Processed, webhook.Response);
    }

    private async ValueTask ReleaseAsync(WebhookScheme current, string? key, long token)
    {
        if (key is null)
            return;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await store.ReleaseAsync(key, token, CancellationToken.None);
            metrics.StoreCall("release", started, failed: false);
        }
        catch (Exception e)
        {
            metrics.StoreCall("release", started, failed: true);
            WebhookLog.ReleaseFailed(logger, e, current.Name, key);
        }
    }

    /// <summary>Cancellation of <c>RequestAborted</c> (or the connection going away) is never a 500.</summary>
    private static bool IsAbort(Exception e, CancellationToken aborted)
        => aborted.IsCancellationRequested && (e is OperationCanceledException or IOException or ConnectionResetException or BadHttpRequestException);
}
