namespace WebhookReceiver;

/// <summary>Names and defaults of the Mux scheme.</summary>
public static class MuxDefaults
{
    /// <summary>The provider id and default scheme name: <c>mux</c>.</summary>
    public const string ProviderId = "mux";

    /// <summary>The signature header: <c>t=&lt;unix&gt;,v1=&lt;hex&gt;</c>.</summary>
    public const string SignatureHeader = "Mux-Signature";

    /// <summary>The key of the signed timestamp in <see cref="SignatureHeader"/>.</summary>
    public const string TimestampKey = "t";

    /// <summary>The key of the HMAC-SHA256 signatures in <see cref="SignatureHeader"/>.</summary>
    public const string SignatureKey = "v1";

    /// <summary>The default timestamp tolerance: 300 seconds, as Mux's SDKs use.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(300);
}
