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

    /// <summary>The handler answered the provider itself with a failure status (an MVC action's 4xx/5xx); the claim was released.</summary>
    Declined,

    /// <summary>Stored by the inbox and acknowledged; the processor runs its handlers later.</summary>
    Accepted,
}
