namespace WebhookReceiver;

/// <summary>Names and defaults of the Box scheme.</summary>
public static class BoxDefaults
{
    /// <summary>The provider id and default scheme name: <c>box</c>.</summary>
    public const string ProviderId = "box";

    /// <summary>The signature made with the application's primary signature key: base64 HMAC-SHA256 of the body followed by the timestamp.</summary>
    public const string PrimarySignatureHeader = "BOX-SIGNATURE-PRIMARY";

    /// <summary>The signature made with the application's secondary signature key, the same way.</summary>
    public const string SecondarySignatureHeader = "BOX-SIGNATURE-SECONDARY";

    /// <summary>The signed delivery time, an RFC 3339 time such as <c>2020-01-01T00:00:00-07:00</c>.</summary>
    public const string TimestampHeader = "BOX-DELIVERY-TIMESTAMP";

    /// <summary>The delivery id header. Box does not sign it: a label only; the signed id is the body's <c>id</c>.</summary>
    public const string DeliveryIdHeader = "BOX-DELIVERY-ID";

    /// <summary>The body property holding the event id (signed).</summary>
    public const string IdProperty = "id";

    /// <summary>The body property holding the event type (signed), e.g. <c>FILE.UPLOADED</c>.</summary>
    public const string TriggerProperty = "trigger";

    /// <summary>The tolerance of the signed timestamp: 10 minutes, as Box's SDKs check.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(10);
}
