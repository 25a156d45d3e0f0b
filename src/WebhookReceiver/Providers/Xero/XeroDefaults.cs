namespace WebhookReceiver;

/// <summary>Names and defaults of the Xero scheme.</summary>
public static class XeroDefaults
{
    /// <summary>The provider id and default scheme name: <c>xero</c>.</summary>
    public const string ProviderId = "xero";

    /// <summary>The signature header: base64 HMAC-SHA256 of the body, keyed with the app's webhook key.</summary>
    public const string SignatureHeader = "x-xero-signature";

    /// <summary>The tolerance: Xero signs no timestamp, so it only sets the least replay retention (twice it). 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
