namespace WebhookReceiver;

/// <summary>Names and defaults of the Intuit QuickBooks Online scheme.</summary>
public static class IntuitDefaults
{
    /// <summary>The provider id and default scheme name: <c>intuit</c>.</summary>
    public const string ProviderId = "intuit";

    /// <summary>The signature header: base64 HMAC-SHA256 of the body, keyed with the webhook's verifier token.</summary>
    public const string SignatureHeader = "intuit-signature";

    /// <summary>Intuit signs no timestamp; the tolerance only sets the floor of the replay retention: 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
