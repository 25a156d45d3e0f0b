namespace WebhookReceiver;

/// <summary>Names and defaults of the GitHub scheme.</summary>
public static class GitHubDefaults
{
    /// <summary>The provider id and default scheme name: <c>github</c>.</summary>
    public const string ProviderId = "github";

    /// <summary>The signature header: <c>sha256=&lt;hex HMAC-SHA256 of the body&gt;</c>.</summary>
    public const string SignatureHeader = "X-Hub-Signature-256";

    /// <summary>The prefix of <see cref="SignatureHeader"/>.</summary>
    public const string SignaturePrefix = "sha256=";

    /// <summary>The legacy signature header: <c>sha1=&lt;hex HMAC-SHA1&gt;</c>, accepted only with <see cref="GitHubOptions.AllowLegacySha1"/>.</summary>
    public const string LegacySignatureHeader = "X-Hub-Signature";

    /// <summary>The prefix of <see cref="LegacySignatureHeader"/>.</summary>
    public const string LegacySignaturePrefix = "sha1=";

    /// <summary>The delivery id header (a GUID; the same on a redelivery).</summary>
    public const string DeliveryIdHeader = "X-GitHub-Delivery";

    /// <summary>The event type header, e.g. <c>push</c>.</summary>
    public const string EventHeader = "X-GitHub-Event";

    /// <summary>The event GitHub sends when a webhook is created; acknowledged by the library without a handler.</summary>
    public const string PingEvent = "ping";

    /// <summary>The tolerance: GitHub signs no timestamp, so it only sets the least replay retention (twice it). 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
