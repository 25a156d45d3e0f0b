namespace WebhookReceiver;

/// <summary>Names and defaults of the WooCommerce scheme.</summary>
public static class WooCommerceDefaults
{
    /// <summary>The provider id and default scheme name: <c>woocommerce</c>.</summary>
    public const string ProviderId = "woocommerce";

    /// <summary>The signature header: base64 HMAC-SHA256 of the body, keyed with the webhook's secret.</summary>
    public const string SignatureHeader = "X-WC-Webhook-Signature";

    /// <summary>The webhook's topic (e.g. <c>order.created</c>): not signed, the event type as a label.</summary>
    public const string TopicHeader = "X-WC-Webhook-Topic";

    /// <summary>The topic's resource (e.g. <c>order</c>): not signed.</summary>
    public const string ResourceHeader = "X-WC-Webhook-Resource";

    /// <summary>The topic's event (e.g. <c>created</c>): not signed.</summary>
    public const string EventHeader = "X-WC-Webhook-Event";

    /// <summary>The webhook's id in the store: not signed.</summary>
    public const string WebhookIdHeader = "X-WC-Webhook-ID";

    /// <summary>A hash WooCommerce makes for each delivery attempt: not signed, the delivery id as a label.</summary>
    public const string DeliveryIdHeader = "X-WC-Webhook-Delivery-ID";

    /// <summary>The store's home URL: not signed.</summary>
    public const string SourceHeader = "X-WC-Webhook-Source";

    /// <summary>
    /// The body of the unsigned ping WooCommerce posts when a webhook is saved active, before its id's digits:
    /// <c>webhook_id=</c>. WooCommerce activates the webhook only when the ping is answered 200.
    /// </summary>
    public const string PingBodyPrefix = "webhook_id=";

    /// <summary>The tolerance: WooCommerce signs no timestamp, so it only sets the least replay retention (twice it). 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
