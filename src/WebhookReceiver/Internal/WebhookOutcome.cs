namespace WebhookReceiver.Internal;

/// <summary>How a delivery ended; the <c>webhook.outcome</c> tag of the metrics.</summary>
internal enum WebhookOutcome
{
    Processed,
    Duplicate,
    Ignored,
    Handshake,
    InFlight,
    Unauthorized,
    TooLarge,
    Malformed,
    Failed,
    Unavailable,
    Aborted,
}
