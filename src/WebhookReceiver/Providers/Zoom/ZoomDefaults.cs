namespace WebhookReceiver;

/// <summary>Names and defaults of the Zoom scheme.</summary>
public static class ZoomDefaults
{
    /// <summary>The provider id and default scheme name: <c>zoom</c>.</summary>
    public const string ProviderId = "zoom";

    /// <summary>The signature header: <c>v0=&lt;hex&gt;</c>.</summary>
    public const string SignatureHeader = "x-zm-signature";

    /// <summary>The signed timestamp header (Unix seconds).</summary>
    public const string TimestampHeader = "x-zm-request-timestamp";

    /// <summary>Zoom's tracking id of the request, visible to handlers through <see cref="Webhook.Headers"/>.</summary>
    public const string TrackingIdHeader = "x-zm-trackingid";

    /// <summary>The signature version, the prefix of the signed content and of the signature.</summary>
    public const string Version = "v0";

    /// <summary>The event of Zoom's endpoint validation (challenge-response check), answered by the library.</summary>
    public const string UrlValidationEvent = "endpoint.url_validation";

    /// <summary>The default timestamp tolerance: 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
