using Microsoft.Extensions.Logging;

namespace WebhookReceiver.Internal;

/// <summary>Every log line of the pipeline. Never a secret, a signature or a body.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(1, LogLevel.Information, "Webhook delivery to scheme {Scheme} failed verification: {Reason}")]
    public static partial void VerificationFailed(ILogger logger, string scheme, string reason);

    [LoggerMessage(2, LogLevel.Information, "Webhook delivery to scheme {Scheme} refused: body larger than {MaxBodySize} bytes")]
    public static partial void BodyTooLarge(ILogger logger, string scheme, long maxBodySize);

    [LoggerMessage(3, LogLevel.Information, "Webhook delivery to scheme {Scheme} verified but its body does not have the shape the provider sends; answered 400")]
    public static partial void MalformedEnvelope(ILogger logger, string scheme);

    [LoggerMessage(4, LogLevel.Debug, "Webhook handshake of scheme {Scheme} answered with {StatusCode}")]
    public static partial void HandshakeAnswered(ILogger logger, string scheme, int statusCode);

    [LoggerMessage(5, LogLevel.Debug, "Webhook delivery {DeliveryId} to scheme {Scheme} ignored: no handler for event type {EventType}")]
    public static partial void Ignored(ILogger logger, string scheme, string? deliveryId, string? eventType);

    [LoggerMessage(6, LogLevel.Information, "Webhook delivery {ReplayKey} to scheme {Scheme} was already settled; answered as a duplicate")]
    public static partial void Duplicate(ILogger logger, string scheme, string replayKey);

    [LoggerMessage(7, LogLevel.Information, "Webhook delivery {ReplayKey} to scheme {Scheme} is still being processed by another request; answered 409")]
    public static partial void InFlight(ILogger logger, string scheme, string replayKey);

    [LoggerMessage(8, LogLevel.Error, "Nonce store unavailable for webhook delivery {ReplayKey} to scheme {Scheme}; answered 503")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception, string scheme, string replayKey);

    [LoggerMessage(9, LogLevel.Warning, "Nonce store unavailable for webhook delivery {ReplayKey} to scheme {Scheme}; processing WITHOUT replay protection because Replay:FailOpen is set")]
    public static partial void FailedOpen(ILogger logger, Exception exception, string scheme, string replayKey);

    [LoggerMessage(10, LogLevel.Information, "Webhook delivery {DeliveryId} to scheme {Scheme} verified but its payload is not a valid {PayloadType}: {Error}")]
    public static partial void MalformedPayload(ILogger logger, string scheme, string? deliveryId, string payloadType, string error);

    [LoggerMessage(11, LogLevel.Error, "Webhook handler for delivery {DeliveryId} ({EventType}) of scheme {Scheme} failed; the claim is released so the provider's retry is processed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string scheme, string? deliveryId, string? eventType);

    [LoggerMessage(12, LogLevel.Debug, "Webhook delivery {DeliveryId} ({EventType}) of scheme {Scheme} processed")]
    public static partial void Processed(ILogger logger, string scheme, string? deliveryId, string? eventType);

    [LoggerMessage(13, LogLevel.Warning, "Webhook delivery {ReplayKey} of scheme {Scheme} was settled but could not be marked completed; a redelivery after the lease may run the handler again")]
    public static partial void CompleteFailed(ILogger logger, Exception exception, string scheme, string replayKey);

    [LoggerMessage(14, LogLevel.Warning, "The claim of webhook delivery {ReplayKey} of scheme {Scheme} could not be released; the retry is accepted once the lease expires")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string scheme, string replayKey);

    [LoggerMessage(15, LogLevel.Error, "Reloaded options of webhook scheme {Scheme} are invalid ({Error}); the previous keys stay in use")]
    public static partial void ReloadFailed(ILogger logger, string scheme, string error);

    [LoggerMessage(16, LogLevel.Debug, "Webhook delivery {DeliveryId} to scheme {Scheme} aborted by the client")]
    public static partial void Aborted(ILogger logger, string scheme, string? deliveryId);


    [LoggerMessage(18, LogLevel.Information, "GET to webhook scheme {Scheme} is not a handshake it answers; answered 400")]
    public static partial void NotAHandshake(ILogger logger, string scheme);

    [LoggerMessage(19, LogLevel.Information, "GET handshake of webhook scheme {Scheme} refused with {StatusCode}")]
    public static partial void HandshakeRefused(ILogger logger, string scheme, int statusCode);

    [LoggerMessage(20, LogLevel.Debug, "Webhook batch of {Count} events to scheme {Scheme} handled one by one; answered as {Outcome}")]
    public static partial void BatchDone(ILogger logger, string scheme, int count, WebhookOutcome outcome);

    [LoggerMessage(21, LogLevel.Warning, "Capture of a webhook delivery to scheme {Scheme} dropped: more than {Capacity} captures are waiting to be written")]
    public static partial void CaptureDropped(ILogger logger, string scheme, int capacity);

    [LoggerMessage(22, LogLevel.Warning, "Capture of a webhook delivery to scheme {Scheme} could not be written to {Directory}")]
    public static partial void CaptureFailed(ILogger logger, Exception exception, string scheme, string directory);

    [LoggerMessage(23, LogLevel.Information, "Webhook handler for delivery {DeliveryId} of scheme {Scheme} answered {StatusCode}; the claim is released so the provider's retry is processed")]
    public static partial void Declined(ILogger logger, string scheme, string? deliveryId, int statusCode);

    [LoggerMessage(24, LogLevel.Information, "Webhook delivery to scheme {Scheme} refused: the server could not read its body; answered {StatusCode}")]
    public static partial void BodyRefused(ILogger logger, string scheme, int statusCode);

    [LoggerMessage(27, LogLevel.Information, "Capture of a webhook delivery to scheme {Scheme} skipped: its body of {Size} bytes is over CaptureMaxBodySize ({MaxSize} bytes)")]
    public static partial void CaptureTooLarge(ILogger logger, string scheme, long size, long maxSize);

    [LoggerMessage(28, LogLevel.Warning, "Capture of a webhook delivery to scheme {Scheme} dropped: {Directory} holds CaptureMaxDirectorySize ({MaxSize} bytes) of captures")]
    public static partial void CaptureDirectoryFull(ILogger logger, string scheme, string directory, long maxSize);

    [LoggerMessage(29, LogLevel.Warning, "Webhook scheme {Scheme} signs the URL it calls and verifies it against the request's Host header: set its PublicBaseUrl, AllowedHosts or forwarded headers before leaving Development (outside Development this stops the app)")]
    public static partial void UrlFromHostHeader(ILogger logger, string scheme);
}
