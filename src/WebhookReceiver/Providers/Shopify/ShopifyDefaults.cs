namespace WebhookReceiver;

/// <summary>Names and defaults of the Shopify scheme.</summary>
public static class ShopifyDefaults
{
    /// <summary>The provider id and default scheme name: <c>shopify</c>.</summary>
    public const string ProviderId = "shopify";

    /// <summary>The signature header: base64 HMAC-SHA256 of the body.</summary>
    public const string SignatureHeader = "X-Shopify-Hmac-SHA256";

    /// <summary>The delivery id header (the same on a retry of the delivery).</summary>
    public const string DeliveryIdHeader = "X-Shopify-Webhook-Id";

    /// <summary>The event type header (the topic), e.g. <c>orders/create</c>.</summary>
    public const string TopicHeader = "X-Shopify-Topic";

    /// <summary>The signature header of Shopify "Events" deliveries (no <c>X-</c> prefix).</summary>
    public const string EventsSignatureHeader = "shopify-hmac-sha256";

    /// <summary>The delivery id header of Shopify "Events" deliveries.</summary>
    public const string EventsDeliveryIdHeader = "shopify-webhook-id";

    /// <summary>The event type header of Shopify "Events" deliveries.</summary>
    public const string EventsTopicHeader = "shopify-topic";

    /// <summary>The tolerance: Shopify signs no timestamp, so it only sets the least replay retention (twice it). 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
