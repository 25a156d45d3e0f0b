namespace WebhookReceiver;

/// <summary>Names and defaults of the Calendly scheme.</summary>
public static class CalendlyDefaults
{
    /// <summary>The provider id and default scheme name: <c>calendly</c>.</summary>
    public const string ProviderId = "calendly";

    /// <summary>The signature header: <c>t=&lt;unix&gt;,v1=&lt;hex&gt;</c>.</summary>
    public const string SignatureHeader = "Calendly-Webhook-Signature";

    /// <summary>The key of the signed timestamp in <see cref="SignatureHeader"/>.</summary>
    public const string TimestampKey = "t";

    /// <summary>The key of the HMAC-SHA256 signature in <see cref="SignatureHeader"/>.</summary>
    public const string SignatureKey = "v1";

    /// <summary>The default timestamp tolerance: 3 minutes, as Calendly's documentation recommends.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(3);
}
