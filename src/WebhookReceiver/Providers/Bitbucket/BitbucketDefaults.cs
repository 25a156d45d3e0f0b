namespace WebhookReceiver;

/// <summary>Names and defaults of the Bitbucket scheme.</summary>
public static class BitbucketDefaults
{
    /// <summary>The provider id and default scheme name: <c>bitbucket</c>.</summary>
    public const string ProviderId = "bitbucket";

    /// <summary>The signature header: <c>sha256=&lt;hex HMAC-SHA256 of the body&gt;</c>, sent when the webhook has a secret.</summary>
    public const string SignatureHeader = "X-Hub-Signature";

    /// <summary>The prefix of <see cref="SignatureHeader"/>.</summary>
    public const string SignaturePrefix = "sha256=";

    /// <summary>The delivery id header.</summary>
    public const string DeliveryIdHeader = "X-Request-UUID";

    /// <summary>The event type header, e.g. <c>repo:push</c>.</summary>
    public const string EventHeader = "X-Event-Key";

    /// <summary>The event of Bitbucket Data Center's "test connection"; acknowledged by the library without a handler.</summary>
    public const string PingEvent = "diagnostics:ping";

    /// <summary>The tolerance: Bitbucket signs no timestamp, so it only sets the least replay retention (twice it). 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
