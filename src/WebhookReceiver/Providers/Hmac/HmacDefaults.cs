namespace WebhookReceiver;

/// <summary>Names and defaults of the generic HMAC scheme, configured entirely by <see cref="HmacOptions"/>.</summary>
public static class HmacDefaults
{
    /// <summary>The provider id and default scheme name: <c>hmac</c>.</summary>
    public const string ProviderId = "hmac";

    /// <summary>The default signed content: the body alone.</summary>
    public const string SignedContent = "{body}";

    /// <summary>The default timestamp tolerance, when a timestamp is signed: 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
