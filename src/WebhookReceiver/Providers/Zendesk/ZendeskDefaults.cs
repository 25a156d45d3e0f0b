namespace WebhookReceiver;

/// <summary>Names and defaults of the Zendesk scheme.</summary>
public static class ZendeskDefaults
{
    /// <summary>The provider id and default scheme name: <c>zendesk</c>.</summary>
    public const string ProviderId = "zendesk";

    /// <summary>The signature header: base64 HMAC-SHA256 of the timestamp followed by the body, keyed with the webhook's signing secret.</summary>
    public const string SignatureHeader = "X-Zendesk-Webhook-Signature";

    /// <summary>The signed timestamp header, an ISO 8601 (RFC 3339) time such as <c>2024-05-01T12:00:00Z</c>.</summary>
    public const string TimestampHeader = "X-Zendesk-Webhook-Signature-Timestamp";

    /// <summary>The body property holding the event type of event-subscription webhooks, e.g. <c>zen:event-type:ticket.created</c>.</summary>
    public const string TypeProperty = "type";

    /// <summary>The tolerance of the signed timestamp: 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
