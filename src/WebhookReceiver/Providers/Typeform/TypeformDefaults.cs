namespace WebhookReceiver;

/// <summary>Names and defaults of the Typeform scheme.</summary>
public static class TypeformDefaults
{
    /// <summary>The provider id and default scheme name: <c>typeform</c>.</summary>
    public const string ProviderId = "typeform";

    /// <summary>The signature header: <c>sha256=&lt;base64 HMAC-SHA256 of the body&gt;</c>.</summary>
    public const string SignatureHeader = "Typeform-Signature";

    /// <summary>The prefix of <see cref="SignatureHeader"/>.</summary>
    public const string SignaturePrefix = "sha256=";

    /// <summary>The body property holding the event id (the delivery id).</summary>
    public const string IdProperty = "event_id";

    /// <summary>The body property holding the event type, e.g. <c>form_response</c>.</summary>
    public const string TypeProperty = "event_type";

    /// <summary>The tolerance: Typeform signs no timestamp, so it only sets the least replay retention (twice it). 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
