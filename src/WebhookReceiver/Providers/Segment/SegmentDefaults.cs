namespace WebhookReceiver;

/// <summary>Names and defaults of the Segment scheme (the Webhooks and Webhooks (Actions) destinations).</summary>
public static class SegmentDefaults
{
    /// <summary>The provider id and default scheme name: <c>segment</c>.</summary>
    public const string ProviderId = "segment";

    /// <summary>The signature header: hex HMAC-SHA1 of the body, keyed with the destination's shared secret.</summary>
    public const string SignatureHeader = "X-Signature";

    /// <summary>
    /// The tolerance: Segment signs no timestamp (a message's <c>timestamp</c> and <c>sentAt</c> are the event's times,
    /// not a freshness check), so it only sets the least replay retention (twice it). 5 minutes.
    /// </summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
