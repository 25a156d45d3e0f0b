namespace WebhookReceiver;

/// <summary>Names and defaults of the Adyen scheme (standard webhooks, HMAC-signed notification items).</summary>
public static class AdyenDefaults
{
    /// <summary>The provider id and default scheme name: <c>adyen</c>.</summary>
    public const string ProviderId = "adyen";

    /// <summary>The body property holding the array of notification items.</summary>
    public const string ItemsProperty = "notificationItems";

    /// <summary>The property wrapping each item of <see cref="ItemsProperty"/>.</summary>
    public const string ItemProperty = "NotificationRequestItem";

    /// <summary>The property of an item's <c>additionalData</c> holding its base64 HMAC-SHA256 signature.</summary>
    public const string SignatureProperty = "hmacSignature";

    /// <summary>The acknowledgment body Adyen's standard webhooks expect with a 200: <c>[accepted]</c>.</summary>
    public const string AcceptedBody = "[accepted]";
}
