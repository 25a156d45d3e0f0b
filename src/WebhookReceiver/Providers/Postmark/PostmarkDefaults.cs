namespace WebhookReceiver;

/// <summary>Names and defaults of the Postmark scheme.</summary>
public static class PostmarkDefaults
{
    /// <summary>The provider id and default scheme name: <c>postmark</c>.</summary>
    public const string ProviderId = "postmark";

    /// <summary>The header of the Basic credentials Postmark sends when the webhook URL carries them (<c>https://user:password@host/…</c>).</summary>
    public const string AuthorizationHeader = "Authorization";

    /// <summary>The authentication scheme of <see cref="AuthorizationHeader"/>: <c>Basic</c>.</summary>
    public const string BasicScheme = "Basic";

    /// <summary>The longest <see cref="AuthorizationHeader"/> read: 1024 characters.</summary>
    public const int MaxCredentialsLength = 1024;

    /// <summary>The body property naming the kind of record (<c>Delivery</c>, <c>Bounce</c>, <c>Open</c>, ...), the event type.</summary>
    public const string RecordTypeProperty = "RecordType";

    /// <summary>The event type of inbound-parse deliveries, whose body has no <see cref="RecordTypeProperty"/>.</summary>
    public const string InboundRecordType = "Inbound";

    /// <summary>The tolerance: Postmark sends no timestamp to check, so it only sets the least replay retention (twice it). 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
