namespace WebhookReceiver;

/// <summary>Names and defaults of the Vercel scheme.</summary>
public static class VercelDefaults
{
    /// <summary>The provider id and default scheme name: <c>vercel</c>.</summary>
    public const string ProviderId = "vercel";

    /// <summary>The signature header: hex HMAC-SHA1 of the body, without a prefix.</summary>
    public const string SignatureHeader = "x-vercel-signature";

    /// <summary>The body property holding the event id (the delivery id).</summary>
    public const string IdProperty = "id";

    /// <summary>The body property holding the event type, e.g. <c>deployment.created</c>.</summary>
    public const string TypeProperty = "type";

    /// <summary>The tolerance: Vercel signs no timestamp, so it only sets the least replay retention (twice it). 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
