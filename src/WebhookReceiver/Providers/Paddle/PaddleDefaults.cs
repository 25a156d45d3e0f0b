namespace WebhookReceiver;

/// <summary>Names and defaults of the Paddle (Billing) scheme.</summary>
public static class PaddleDefaults
{
    /// <summary>The provider id and default scheme name: <c>paddle</c>.</summary>
    public const string ProviderId = "paddle";

    /// <summary>The signature header: <c>ts=&lt;unix&gt;;h1=&lt;hex&gt;[;h1=&lt;hex&gt;…]</c>.</summary>
    public const string SignatureHeader = "Paddle-Signature";

    /// <summary>The key of the signed timestamp in <see cref="SignatureHeader"/>.</summary>
    public const string TimestampKey = "ts";

    /// <summary>The key of the HMAC-SHA256 signatures in <see cref="SignatureHeader"/>.</summary>
    public const string SignatureKey = "h1";

    /// <summary>
    /// The default timestamp tolerance: 5 seconds, the window Paddle's documentation and SDKs use. Raise
    /// <see cref="WebhookSchemeOptions.Tolerance"/> if the receiver's clock or a queue in front of it adds delay.
    /// </summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(5);
}
