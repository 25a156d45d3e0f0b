namespace WebhookReceiver;

/// <summary>Names and defaults of the Stripe scheme.</summary>
public static class StripeDefaults
{
    /// <summary>The provider id and default scheme name: <c>stripe</c>.</summary>
    public const string ProviderId = "stripe";

    /// <summary>The signature header: <c>t=&lt;unix&gt;,v1=&lt;hex&gt;[,v1=&lt;hex&gt;…][,v0=…]</c>.</summary>
    public const string SignatureHeader = "Stripe-Signature";

    /// <summary>The key of the signed timestamp in <see cref="SignatureHeader"/>.</summary>
    public const string TimestampKey = "t";

    /// <summary>The key of the HMAC-SHA256 signatures in <see cref="SignatureHeader"/> (<c>v0</c>, the test-mode scheme, is ignored).</summary>
    public const string SignatureKey = "v1";

    /// <summary>The default timestamp tolerance: 300 seconds, as Stripe's libraries use.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(300);
}
