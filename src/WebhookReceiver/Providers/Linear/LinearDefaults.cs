namespace WebhookReceiver;

/// <summary>Names and defaults of the Linear scheme.</summary>
public static class LinearDefaults
{
    /// <summary>The provider id and default scheme name: <c>linear</c>.</summary>
    public const string ProviderId = "linear";

    /// <summary>The signature header: hex HMAC-SHA256 of the body.</summary>
    public const string SignatureHeader = "Linear-Signature";

    /// <summary>The delivery id header.</summary>
    public const string DeliveryIdHeader = "Linear-Delivery";

    /// <summary>The event type header (unsigned; the event type is read from the signed <see cref="TypeProperty"/>).</summary>
    public const string EventHeader = "Linear-Event";

    /// <summary>The signed body property carrying the entity type (e.g. <c>Issue</c>), used as the event type.</summary>
    public const string TypeProperty = "type";

    /// <summary>The body property holding the send time in Unix milliseconds (signed with the body).</summary>
    public const string TimestampProperty = "webhookTimestamp";

    /// <summary>The default tolerance of <see cref="TimestampProperty"/>: 60 seconds, as Linear recommends.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(60);
}
