namespace WebhookReceiver;

/// <summary>Names and defaults of the HubSpot scheme (signature v3).</summary>
public static class HubSpotDefaults
{
    /// <summary>The provider id and default scheme name: <c>hubspot</c>.</summary>
    public const string ProviderId = "hubspot";

    /// <summary>The v3 signature header: base64 HMAC-SHA256 over <c>{method}{uri}{body}{timestamp}</c>.</summary>
    public const string SignatureHeader = "X-HubSpot-Signature-v3";

    /// <summary>The timestamp header (Unix milliseconds).</summary>
    public const string TimestampHeader = "X-HubSpot-Request-Timestamp";

    /// <summary>The default timestamp tolerance: 5 minutes, as HubSpot documents.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
