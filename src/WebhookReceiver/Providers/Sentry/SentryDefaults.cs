namespace WebhookReceiver;

/// <summary>Names and defaults of the Sentry integration-platform scheme.</summary>
public static class SentryDefaults
{
    /// <summary>The provider id and default scheme name: <c>sentry</c>.</summary>
    public const string ProviderId = "sentry";

    /// <summary>The signature header: hex HMAC-SHA256 of the body, keyed with the integration's client secret.</summary>
    public const string SignatureHeader = "Sentry-Hook-Signature";

    /// <summary>
    /// The header naming the resource (<c>installation</c>, <c>event_alert</c>, <c>issue</c>, <c>metric_alert</c>,
    /// <c>error</c>, <c>comment</c>, <c>seer</c>, ...). Not signed: a label, used in the event type only when the signed
    /// body does not show the resource.
    /// </summary>
    public const string ResourceHeader = "Sentry-Hook-Resource";

    /// <summary>The header with the time Sentry sent the request. Not signed, so not checked.</summary>
    public const string TimestampHeader = "Sentry-Hook-Timestamp";

    /// <summary>The header with the request's id. Not signed: a label, never the replay key.</summary>
    public const string RequestIdHeader = "Request-ID";

    /// <summary>The longest <see cref="ResourceHeader"/> taken as a label: 64 characters.</summary>
    public const int MaxResourceLength = 64;

    /// <summary>The tolerance: Sentry signs no timestamp, so it only sets the least replay retention (twice it). 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
